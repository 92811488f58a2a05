"""The documentation site builds with ``mkdocs build --strict``, and its generated
reference cannot drift: every XSD element has a page naming each of its attributes
(read here by xmlschema, independently of the site's own hook), every SDK spelling
appears on its element's page, the API reference documents exactly ``__all__``, and
a broken link or anchor fails the build. Relative links between the docs' pages
point at files that exist, so they work on GitHub too.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

import plivoxml_plus
from plivoxml_plus.elements import ELEMENT_CLASSES
from plivoxml_plus.elements._spellings import SPELLINGS
from tests.test_schema_agreement import answer_schema, declarations

pytest.importorskip("mkdocs", reason="the docs extra (pip install -e '.[docs]')")

ROOT = Path(__file__).resolve().parent.parent
# one worker builds the site once for the module (under pytest -n auto --dist loadgroup)
pytestmark = pytest.mark.xdist_group("docs-site")
SITE_URL = "https://plivoxml-plus.github.io/plivoxml-plus/"
BUILD_TIMEOUT = 180


def build(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        check=False,
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = build(ROOT, out)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return out


class _Text(HTMLParser):
    """The text of a page, and the ids of its elements."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.ids: list[str] = []
        self.code: list[str] = []
        self._in_code = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [value for name, value in attrs if name == "id" and value]
        if tag == "code":
            self._in_code += 1
            self.code.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "code" and self._in_code:
            self._in_code -= 1

    def handle_data(self, data: str) -> None:
        self.parts.append(data)
        if self._in_code:
            self.code[-1] += data


def read_page(site: Path, page: str) -> _Text:
    path = site / page / "index.html"
    assert path.is_file(), f"the site has no page {page}/"
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


XSD = declarations(answer_schema())


@pytest.mark.parametrize("tag", sorted(XSD))
def test_every_xsd_element_has_a_page_with_each_attribute(site, tag):
    page = read_page(site, f"reference/elements/{tag}")
    code = set(page.code)
    assert f"<{tag}>" in code
    attributes = XSD[tag].type.attributes
    assert attributes or tag == "Response" or not ELEMENT_CLASSES[tag].specs.keys() - {"content"}
    for name in attributes:
        xml_name = str(name).replace("{http://www.w3.org/XML/1998/namespace}", "xml:")
        assert xml_name in code, f"<{tag}>'s page does not show its attribute {xml_name}"
    # the Python name of each attribute, from the class
    for spec in ELEMENT_CLASSES[tag].specs.values():
        if spec.xml is not None:
            assert spec.name in code, f"<{tag}>'s page does not show {spec.xml}'s Python name {spec.name}"


def test_the_element_index_lists_every_element(site):
    index = read_page(site, "reference/elements")
    assert {f"<{tag}>" for tag in XSD} <= set(index.code)


@pytest.mark.parametrize("spelling", list(SPELLINGS.values()), ids=lambda s: f"{s.element}.{s.written}")
def test_every_sdk_spelling_is_on_its_elements_page(site, spelling):
    page = read_page(site, f"reference/elements/{spelling.element}")
    assert spelling.written in page.code
    assert spelling.who in "".join(page.parts)


def test_an_element_page_shows_mpc_levels_and_valid_examples(site):
    page = read_page(site, "reference/elements/MultiPartyCall")
    text = "".join(page.parts)
    levels = {spec.level for spec in ELEMENT_CLASSES["MultiPartyCall"].specs.values() if spec.level}
    assert levels == {"mpc", "participant"}
    assert all(level in text for level in levels)
    examples = [c.strip() for c in page.code if c.startswith("<MultiPartyCall ") and c.strip().endswith("Call>")]
    assert examples
    for example in examples:
        assert plivoxml_plus.validate(f"<Response>{example}</Response>").problems == ()


def test_the_api_reference_documents_exactly_all(site):
    page = read_page(site, "reference/api")
    documented = {i.removeprefix("plivoxml_plus.") for i in page.ids if i.startswith("plivoxml_plus.")}
    top_level = {name for name in documented if "." not in name}
    assert top_level == set(plivoxml_plus.__all__)


def _copy_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project)
    shutil.copy(ROOT / "README.md", project)  # (docs/performance.md shows its Performance section)
    shutil.copytree(ROOT / "docs", project / "docs")
    return project


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("[gone](no-such-page.md)", "no-such-page.md"),
        ("[gone](rules.md#no-such-rule)", "no-such-rule"),
    ],
)
def test_a_broken_link_fails_the_build(tmp_path, text, complaint):
    project = _copy_project(tmp_path)
    page = project / "docs" / "security.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert complaint in result.stderr


LINK = re.compile(r"\]\(([^)\s]+)\)")


def test_relative_links_between_pages_work_on_github_too(site):
    """GitHub shows docs/*.md as they are: a relative link must name a file that
    exists there (the generated pages exist only in the site, so hand-written pages
    link to them by the site's URL, which must exist in the built site)."""
    for page in sorted((ROOT / "docs").glob("*.md")):
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            if target.startswith(SITE_URL):
                path = target.removeprefix(SITE_URL).split("#")[0]
                assert (site / path / "index.html").is_file() or (site / path).is_file(), (page.name, target)
            elif not re.match(r"[a-z]+:|#", target):
                assert (page.parent / target.split("#")[0]).is_file(), (page.name, target)


def _site_links(text: str) -> list[str]:
    return re.findall(re.escape(SITE_URL) + r"[^)\s;,]*", text)


def test_links_to_the_site_from_the_readme_and_help_exist(site, capsys):
    """The README (shown by the package index) and ``--help`` (read where no docs/
    folder is) link to the site: each page and anchor they name is in it."""
    from plivoxml_plus.cli import main

    texts = [(ROOT / "README.md").read_text(encoding="utf-8")]
    for argv in ([], ["validate"], ["schema"], ["simulate"], ["lint"]):
        with pytest.raises(SystemExit):
            main([*argv, "--help"])
        texts.append(capsys.readouterr().out)
    links = [link for text in texts for link in _site_links(text)]
    assert len(links) > 10
    for link in links:
        path, _, anchor = link.removeprefix(SITE_URL).partition("#")
        page = site / path / "index.html"
        assert page.is_file(), link
        if anchor:
            parser = _Text()
            parser.feed(page.read_text(encoding="utf-8"))
            assert anchor in parser.ids, link
