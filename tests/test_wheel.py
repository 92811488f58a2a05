"""The package as a user installs it: the sdist and the wheel are built as a release
builds them (``python -m build``: the wheel from the sdist), the wheel is installed
into a fresh virtual environment (lxml and attrs come from the package index), and
the installed commands run there on a shipped example, away from this checkout. A
package file left out of the wheel (an XSD, a template) fails here, not for a user.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from email.parser import HeaderParser
from pathlib import Path

import pytest

import plivoxml_plus

pytest.importorskip("build", reason="the dev extra (pip install -e '.[dev]')")

ROOT = Path(__file__).resolve().parent.parent
# one worker builds the wheel once for the module (under pytest -n auto --dist loadgroup)
pytestmark = pytest.mark.xdist_group("wheel")
VERSION = plivoxml_plus.__version__


def run(argv: list[str], cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=timeout)


class Installed:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.dist = root / "dist"
        self.venv = root / "venv"
        self.sdist_tree = root / "sdist"

    @property
    def wheel(self) -> Path:
        (wheel,) = self.dist.glob("*.whl")
        return wheel

    @property
    def sdist(self) -> Path:
        (sdist,) = self.dist.glob("*.tar.gz")
        return sdist

    def bin(self, name: str) -> str:
        return str(self.venv / ("Scripts" if os.name == "nt" else "bin") / name)

    def shipped(self, path: str) -> Path:
        """A file of the unpacked sdist (what a release ships), such as an example."""
        return self.sdist_tree / f"plivoxml_plus-{VERSION}" / path


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    here = Installed(tmp_path_factory.mktemp("wheel"))
    built = run([sys.executable, "-m", "build", "--outdir", str(here.dist), str(ROOT)], cwd=here.root, timeout=240)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    with tarfile.open(here.sdist) as sdist:
        if hasattr(tarfile, "data_filter"):  # (Python 3.10.12 and later)
            sdist.extractall(here.sdist_tree, filter="data")
        else:  # pragma: no cover - our own sdist, just built
            sdist.extractall(here.sdist_tree)
    made = run([sys.executable, "-m", "venv", "--without-pip", str(here.venv)], cwd=here.root)
    assert made.returncode == 0, made.stderr
    # the checkout's pip installs into the new environment (faster than bootstrapping one)
    pip = [sys.executable, "-m", "pip", "--python", here.bin("python"), "install", "--quiet", str(here.wheel)]
    added = run(pip, cwd=here.root, timeout=240)
    assert added.returncode == 0, added.stderr[-3000:]
    return here


def test_the_wheel_holds_the_schemas_and_the_metadata(installed):
    with zipfile.ZipFile(installed.wheel) as wheel:
        names = set(wheel.namelist())
        metadata = HeaderParser().parsestr(wheel.read(f"plivoxml_plus-{VERSION}.dist-info/METADATA").decode())
    for xsd in ("plivoxml.xsd", "plivoxml-sound.xsd", "xml.xsd"):
        assert f"plivoxml_plus/_schemas/{xsd}" in names
    assert "plivoxml_plus/py.typed" in names
    assert metadata["Version"] == VERSION
    urls = {value.split(",")[0] for value in metadata.get_all("Project-URL", [])}
    assert urls == {"Homepage", "Documentation", "Source", "Changelog", "Issues"}


def test_the_installed_package_is_the_wheels_and_agrees_on_its_version(installed):
    probe = (
        "import importlib.metadata, plivoxml_plus\n"
        "print(plivoxml_plus.__version__, importlib.metadata.version('plivoxml_plus'), plivoxml_plus.__file__)"
    )
    result = run([installed.bin("python"), "-c", probe], cwd=installed.root)
    assert result.returncode == 0, result.stderr
    version, metadata_version, where = result.stdout.split()
    assert version == metadata_version == VERSION
    assert Path(where).is_relative_to(installed.venv)
    shown = run([installed.bin("plivoxml-plus"), "--version"], cwd=installed.root)
    assert shown.stdout == f"plivoxml-plus {VERSION}\n"


def test_validate_runs_on_a_shipped_example(installed):
    example = installed.shipped("examples/scenarios/basic.xml")
    result = run([installed.bin("plivoxml-plus"), "validate", str(example)], cwd=installed.root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 answer document checked: 1 valid" in result.stdout


@pytest.mark.parametrize(("kind", "xsd"), [("answer", "plivoxml.xsd"), ("sound", "plivoxml-sound.xsd")])
def test_schema_prints_the_shipped_xsd(installed, kind, xsd):
    result = run([installed.bin("plivoxml-plus"), "schema", "--kind", kind], cwd=installed.root)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (ROOT / "schemas" / xsd).read_text(encoding="utf-8")
    where = run([installed.bin("plivoxml-plus"), "schema", "--kind", kind, "--path"], cwd=installed.root)
    assert Path(where.stdout.strip()).is_relative_to(installed.venv)


def test_simulate_runs_a_shipped_scenario(installed):
    scenario = installed.shipped("examples/scenarios/basic.toml")
    result = run([installed.bin("plivoxml-plus"), "simulate", "--format", "json", str(scenario)], cwd=installed.root)
    assert result.returncode == 0, result.stderr
    assert '"alice"' in result.stdout and '"bob"' in result.stdout
