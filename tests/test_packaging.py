"""The package as published: one version, one home, help that points to the site.

The version has one place (plivoxml_plus/_version.py): the metadata reads it
(hatch's dynamic version; tests/test_wheel.py proves an installed wheel agrees),
``__version__`` and ``--version`` import it, and the XSDs' version attribute states
it. The project's home is one pair of URLs, the site and the repository, used alike
by pyproject.toml, mkdocs.yml, ``--help`` and the changelog.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10
    import tomli as tomllib

import plivoxml_plus
from plivoxml_plus import _version
from plivoxml_plus._links import DOCS_URL
from plivoxml_plus.cli import main

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SOURCE_URL = "https://github.com/plivoxml-plus/plivoxml-plus"


def mkdocs_setting(key: str) -> str:
    # (mkdocs.yml holds a !!python tag, so it is read line by line, not by a YAML loader)
    match = re.search(rf"^{key}: (\S+)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)
    assert match, f"mkdocs.yml has no {key}"
    return match.group(1)


def test_the_version_has_one_place():
    assert plivoxml_plus.__version__ == _version.__version__
    project = PYPROJECT["project"]
    assert "version" not in project
    assert project["dynamic"] == ["version"]
    assert PYPROJECT["tool"]["hatch"]["version"]["path"] == "plivoxml_plus/_version.py"


@pytest.mark.parametrize("xsd", ["plivoxml.xsd", "plivoxml-sound.xsd", "xml.xsd"])
def test_each_xsd_states_the_packages_version(xsd):
    assert etree.parse(str(ROOT / "schemas" / xsd)).getroot().get("version") == plivoxml_plus.__version__


def test_version_option_prints_the_version(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out == f"plivoxml-plus {plivoxml_plus.__version__}\n"


def test_import_reads_no_package_metadata():
    # the version is a constant: importlib.metadata would cost every webhook's start-up
    probe = "import sys, plivoxml_plus; print('importlib.metadata' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.strip() == "False"


def test_the_project_has_one_home():
    urls = PYPROJECT["project"]["urls"]
    assert set(urls) == {"Homepage", "Documentation", "Source", "Changelog", "Issues"}
    assert urls["Documentation"] == urls["Homepage"] == DOCS_URL == mkdocs_setting("site_url")
    assert urls["Source"] == SOURCE_URL == mkdocs_setting("repo_url")
    assert urls["Changelog"] == f"{SOURCE_URL}/blob/main/CHANGELOG.md"
    assert urls["Issues"] == f"{SOURCE_URL}/issues"


def test_classifiers_name_the_pythons_requires_python_allows():
    project = PYPROJECT["project"]
    versions = {c.rsplit(" :: ", 1)[1] for c in project["classifiers"] if re.fullmatch(r".*Python :: 3\.\d+", c)}
    assert versions
    assert project["requires-python"] == f">={min(versions, key=lambda v: tuple(map(int, v.split('.'))))}"
    assert "Typing :: Typed" in project["classifiers"]
    assert (ROOT / "plivoxml_plus" / "py.typed").is_file()


def test_the_summary_names_the_whole_vocabulary():
    summary = PYPROJECT["project"]["description"]
    assert "conferencing" not in summary
    for element in ("Conference", "MultiPartyCall", "Dial", "GetDigits", "GetInput", "Record", "Speak"):
        assert element in summary


def test_the_changelog_has_the_version_and_an_unreleased_section():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## \[([^\]]+)\]", text, re.MULTILINE)
    assert headings[0] == "Unreleased"
    assert plivoxml_plus.__version__ in headings
    for heading in headings:
        assert re.search(rf"^\[{re.escape(heading)}\]: {re.escape(SOURCE_URL)}/", text, re.MULTILINE), heading


def help_text(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    with pytest.raises(SystemExit):
        main([*argv, "--help"])
    return capsys.readouterr().out


HELP_COMMANDS = [[], ["validate"], ["schema"], ["simulate"], ["lint"]]


@pytest.mark.parametrize("argv", HELP_COMMANDS, ids=lambda argv: " ".join(argv) or "plivoxml-plus")
def test_help_points_to_the_site_not_to_a_file(capsys, argv):
    text = help_text(capsys, argv)
    assert DOCS_URL in text
    assert not re.search(r"docs/[\w-]+\.md", text), text
    assert "conferencing" not in text


def test_help_keeps_urls_whole(capsys):
    # argparse wraps at hyphens by default, which cuts plivoxml-plus.github.io in two
    for argv in HELP_COMMANDS:
        for url in re.findall(r"https://\S+", help_text(capsys, argv)):
            assert url.startswith(DOCS_URL), url


def test_the_readmes_links_work_where_the_package_index_shows_it():
    # PyPI shows the README away from the repository: a relative link or image would break
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    relative = re.findall(r"\]\((?!https?://)([^)]+)\)", readme)
    assert relative == []
