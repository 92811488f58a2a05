"""Run plivo-python's own XML tests against the drop-in, ``plivoxml_plus.plivoxml``.

Usage::

    python scripts/plivo_python_suite.py PATH [--rev REV] [--keep] [-v]

PATH is a plivo-python checkout (a directory holding ``tests/xml``) or a git
directory of plivo-python's repository (bare or not; ``REV`` is read from it,
``HEAD`` unless given). The test modules of ``tests/xml`` are copied to a
temporary directory with ``from plivo import plivoxml`` rewritten to
``from plivoxml_plus import plivoxml``; nothing else in them changes. Their
``tests`` package is replaced by a minimal one of ours: it provides only
``PlivoXmlTestCase.assertXmlEqual``, comparing documents as plivo-python's does
(lxml's doctest output checker), without the REST client and HTTP mocking that
plivo-python's ``tests/__init__.py`` pulls in.

The modules then run under pytest, and the result is printed per module (tests
passed and failed, and the name of each failing test) with the totals. The exit
status is 0 when every test passed, 1 when some failed, 2 when PATH could not be
read.

This is a development tool: CI has no copy of plivo-python's repository.
tests/test_plivo_python_xml.py holds the project's own equivalent of every module.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

XML_TESTS = "tests/xml"
IMPORT = re.compile(r"^(\s*)from\s+plivo\s+import\s+plivoxml\b", re.M)
REPLACEMENT = r"\1from plivoxml_plus import plivoxml"

# The whole of the ``tests`` package the XML modules need: ``from tests import PlivoXmlTestCase``.
SUPPORT_PACKAGE = '''\
"""Stand-in for plivo-python's tests package (written by scripts/plivo_python_suite.py)."""

from doctest import Example

from lxml.doctestcompare import LXMLOutputChecker


class PlivoXmlTestCase:
    """Compares two documents as XML: attribute order, and whitespace around text, aside."""

    def assertXmlEqual(self, got, want):
        checker = LXMLOutputChecker()
        if not checker.check_output(want, got, 0):
            raise AssertionError(checker.output_difference(Example("", want), got, 0))
'''


class SourceError(Exception):
    """PATH is neither a checkout with tests/xml nor a git directory that has it."""


@dataclass
class Source:
    """Where plivo-python's files are read from."""

    path: Path
    git_dir: Path | None = None
    rev: str = "HEAD"

    def files(self) -> Iterator[tuple[str, str]]:
        """(path, text) of each file under tests/xml."""
        if self.git_dir is None:
            root = self.path / XML_TESTS
            for file in sorted(root.rglob("*.py")):
                yield file.relative_to(self.path).as_posix(), file.read_text(encoding="utf-8")
            return
        names = self._git("ls-tree", "-r", "--name-only", self.rev, XML_TESTS).split()
        for name in sorted(names):
            if name.endswith(".py"):
                yield name, self._git("show", f"{self.rev}:{name}")

    def version(self) -> str:
        """plivo-python's version, as its setup.py states it (or '?')."""
        try:
            if self.git_dir is None:
                setup = (self.path / "setup.py").read_text(encoding="utf-8")
            else:
                setup = self._git("show", f"{self.rev}:setup.py")
        except (OSError, SourceError):
            return "?"
        found = re.search(r"""version\s*=\s*['"]([^'"]+)['"]""", setup)
        return found.group(1) if found else "?"

    def describe(self) -> str:
        if self.git_dir is None:
            return str(self.path)
        commit = self._git("rev-parse", "--short", self.rev).strip()
        return f"{self.git_dir} at {self.rev} ({commit})"

    def _git(self, *args: str) -> str:
        assert self.git_dir is not None
        done = subprocess.run(
            ["git", f"--git-dir={self.git_dir}", *args], capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            raise SourceError(f"git {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout


def open_source(path: Path, rev: str | None) -> Source:
    """A checkout (tests/xml on disk) or a git directory (bare, or the .git of a clone)."""
    if rev is None and (path / XML_TESTS).is_dir():
        return Source(path)
    for candidate in (path, path / ".git"):
        if (candidate / "HEAD").is_file() and (candidate / "objects").is_dir():
            source = Source(path, candidate, rev or "HEAD")
            if not any(True for _ in source.files()):
                raise SourceError(f"{candidate} has no {XML_TESTS} at {source.rev}")
            return source
    raise SourceError(f"{path} is neither a plivo-python checkout (no {XML_TESTS}) nor a git directory")


def rewrite(text: str) -> tuple[str, int]:
    """The module with plivo-python's plivoxml replaced by the drop-in, and how many imports changed."""
    return IMPORT.subn(REPLACEMENT, text)


def stage(source: Source, into: Path) -> list[str]:
    """Write the rewritten modules and our support package under ``into``; the module names."""
    (into / "tests").mkdir()
    (into / "tests" / "__init__.py").write_text(SUPPORT_PACKAGE, encoding="utf-8")
    (into / "pytest.ini").write_text("[pytest]\npython_files = test_*.py\n", encoding="utf-8")
    modules = []
    for name, text in source.files():
        target = into / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if Path(name).name == "__init__.py":  # plivo-python's imports a few modules: not needed to run them
            target.write_text("", encoding="utf-8")
            continue
        rewritten, count = rewrite(text)
        if count == 0:
            print(f"note: {name} does not import plivoxml as expected; run unchanged", file=sys.stderr)
        target.write_text(rewritten, encoding="utf-8")
        modules.append(Path(name).stem)
    return modules


@dataclass
class ModuleResult:
    passed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (test, first line of the failure)


def run(workdir: Path, verbose: bool) -> dict[str, ModuleResult]:
    """Run pytest in ``workdir``; the results per module, read from its JUnit report."""
    report = workdir / "report.xml"
    command = [
        sys.executable, "-m", "pytest", XML_TESTS, "-q", "-p", "no:cacheprovider", "--rootdir", str(workdir),
        "-c", str(workdir / "pytest.ini"), f"--junitxml={report}", f"--basetemp={workdir / 'pytest-tmp'}",
    ]  # fmt: skip
    done = subprocess.run(command, cwd=workdir, capture_output=not verbose, text=True, check=False)
    if not report.is_file():
        output = "" if verbose else (done.stdout + done.stderr)
        raise SystemExit(f"pytest did not run (exit {done.returncode}):\n{output}")
    results: dict[str, ModuleResult] = {}
    for case in ElementTree.parse(report).iter("testcase"):
        module = case.get("classname", "").split(".")
        name = module[2] if len(module) > 2 else ".".join(module)  # tests.xml.<module>.<Class>
        test = f"{module[-1]}.{case.get('name')}"
        result = results.setdefault(name, ModuleResult())
        problem = case.find("failure")
        if problem is None:
            problem = case.find("error")
        if problem is None:
            if case.find("skipped") is None:
                result.passed.append(test)
            continue
        message = (problem.get("message") or problem.text or "").strip().splitlines()
        result.failed.append((test, message[0][:160] if message else ""))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="a plivo-python checkout, or its git directory")
    parser.add_argument("--rev", help="the revision to read from a git directory (default HEAD)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory and print its path")
    parser.add_argument("-v", "--verbose", action="store_true", help="show pytest's own output")
    args = parser.parse_args(argv)
    try:
        source = open_source(args.path.resolve(), args.rev)
        print(f"plivo-python {source.version()}'s {XML_TESTS}, from {source.describe()}, on plivoxml_plus.plivoxml")
        workdir = Path(tempfile.mkdtemp(prefix="plivo-python-suite-"))
        modules = stage(source, workdir)
    except SourceError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    try:
        results = run(workdir, args.verbose)
    finally:
        if args.keep:
            print(f"(kept {workdir})")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    passed = failed = 0
    width = max(map(len, modules), default=0)
    for module in sorted(modules, key=str.lower):
        result = results.get(module, ModuleResult())
        passed += len(result.passed)
        failed += len(result.failed)
        verdict = "ok  " if not result.failed else "FAIL"
        print(f"{verdict} {module:<{width}}  {len(result.passed)} passed, {len(result.failed)} failed")
        for test, message in result.failed:
            print(f"       {test}: {message}")
    print(f"total: {passed} of {passed + failed} tests passed, {failed} failed, in {len(modules)} modules")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
