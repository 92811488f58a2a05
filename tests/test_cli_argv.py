"""``plivoxml-plus validate`` on valid documents starts no heavier than it must
(issue 21, item 3): its plain command lines are read without argparse, folders are
named without pathlib, and a valid run loads nothing beyond ``import lxml.etree``
but the package's own modules. What the plain reader accepts, argparse reads the same."""

from __future__ import annotations

import ast
import contextlib
import io
import os
import pathlib
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from plivoxml_plus.cli import build_parser, main
from plivoxml_plus.schema._cli import _as_path, read_validate_arguments

# validate's option set as a user may write it, whole or not, and what may follow
OPTIONS = (
    "--kind", "--format", "--max-bytes", "--strict", "--kind=sound", "--kind=answer", "--kind=", "--format=json",
    "--format=text", "--max-bytes=5", "--max-bytes=0", "--max-bytes=1=2", "--strict=1", "--ki", "--form", "--max",
    "--str", "-h", "--help", "--version", "-k", "--", "-", "-5", "-x y", "--kind=-",
    "--jobs", "-j", "--jobs=2", "--jobs=0", "--jobs=-1", "--jobs=", "-j2", "-j=2", "-j 2", "--jo", "-jj", "-J",
)  # fmt: skip
VALUES = (
    "answer", "sound", "text", "json", "bad", "12", " 7 ", "1_000", "+3", "0", "-1", str(1 << 30), str((1 << 30) + 1),
    "9" * 5000, "٣", "",
)  # fmt: skip
PATHS = ("a.xml", "folder", "x y.xml", "validate", "sound", "=", "a=b")
tokens = st.sampled_from(PATHS) | st.sampled_from(OPTIONS + VALUES)


def argparse_reads(arguments: list[str]) -> dict[str, object] | None:
    """What argparse reads from ``validate ARGUMENTS`` (None: a usage error, help or version)."""
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        try:
            return vars(build_parser("validate").parse_args(["validate", *arguments]))
        except SystemExit:
            return None


@settings(max_examples=400, deadline=None)
@given(st.lists(tokens, max_size=8))
@example(["a.xml"])
@example(["--strict", "a.xml", "-", "--kind", "sound", "--format=json", "--max-bytes", "12"])
@example(["a.xml", "--strict", "b.xml"])
@example(["--max-bytes", " 7 ", "a.xml"])
@example(["-j", "2", "a.xml", "--jobs", "0"])
@example(["a.xml", "-j", "-1"])
def test_what_the_plain_reader_accepts_argparse_reads_the_same(arguments):
    plain = read_validate_arguments(arguments)
    if plain is not None:
        assert vars(plain) == argparse_reads(arguments)


@pytest.mark.parametrize(
    "arguments",
    [
        ["a.xml"],
        ["a.xml", "b.xml", "folder", "-"],
        ["--kind", "sound", "--format", "json", "--strict", "--max-bytes", "100", "a.xml"],
        ["--kind=sound", "--format=text", "--max-bytes=1_000", "a.xml", "b.xml"],
        ["a.xml", "--strict", "--kind", "sound"],
        ["--strict", "a.xml", "b.xml", "--format", "json"],
        ["--jobs", "2", "folder"],
        ["-j", "0", "--format=json", "folder", "b.xml"],
        ["folder", "--jobs=4"],
    ],
)
def test_common_command_lines_are_read_plainly(arguments):
    plain = read_validate_arguments(arguments)
    assert plain is not None and vars(plain) == argparse_reads(arguments)


@pytest.mark.parametrize(
    "arguments",
    [
        [], ["-h"], ["--ki", "sound", "a.xml"], ["--kind", "bad", "a.xml"], ["a.xml", "--strict", "b.xml"],
        ["--", "-x"], ["--jobs", "-1", "a.xml"], ["-j=2", "a.xml"], ["-j2", "a.xml"], ["--jobs", "x", "a.xml"],
    ],
)  # fmt: skip
def test_help_errors_and_the_rest_are_left_to_argparse(arguments):
    assert read_validate_arguments(arguments) is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="/.ab\\: ", max_size=12))
@example("//a")
@example("///a/./b//")
@example("./")
def test_a_folder_is_named_as_pathlib_names_it(name):
    assert _as_path(name) == str(pathlib.Path(name))


def test_a_folder_walk_prints_names_as_before(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.xml").write_text("<Response/>")
    folder = f"{tmp_path}//./in/"
    result = subprocess.run(
        [sys.executable, "-m", "plivoxml_plus", "validate", "--format", "json", folder],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert f'"path": "{tmp_path}/in/a.xml"' in result.stdout


def _modules(code: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint(sorted(sys.modules))"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=os.getcwd(),
    )
    return set(ast.literal_eval(result.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize("how", ["file", "folder", "options", "jobs"])
def test_a_valid_run_loads_nothing_but_the_package_beyond_lxml(tmp_path, how):
    document = tmp_path / "answer.xml"
    document.write_text('<?xml version="1.0"?>\n<Response><Speak>Hi</Speak><Conference>room</Conference></Response>')
    arguments = {
        "file": [str(document)],
        "folder": [str(tmp_path)],
        "options": ["--strict", "--kind", "answer", "--max-bytes=4096", str(document)],
        "jobs": ["--jobs", "2", str(tmp_path)],  # (one file: checked here, with nothing loaded for workers)
    }[how]
    loaded = _modules(
        "import sys\nfrom plivoxml_plus.cli import main\n"
        f"code = main(['validate', *{arguments!r}])\n"
        "assert code == 0, code"
    )
    beyond = loaded - _modules("import lxml.etree")
    # (__future__: the package's `from __future__ import annotations`; errno: built in, a few names)
    assert {m for m in beyond if not m.startswith("plivoxml_plus")} <= {"__future__", "errno"}, sorted(beyond)


@pytest.mark.parametrize("error", [PermissionError(13, "Permission denied"), OSError(5, "Input/output error")])
def test_a_path_that_cannot_be_looked_at_ends_the_run_as_before(capsys, monkeypatch, tmp_path, error):
    # (as pathlib's is_dir() did: a missing path is a file to report, any other refusal
    # of stat() is the run's error, exit 2; injected, as root may look at any path)
    target = str(tmp_path / "hidden" / "a.xml")
    real_stat = os.stat

    def refusing_stat(path: str | os.PathLike[str], *args: Any, **kwargs: Any) -> os.stat_result:
        if os.fspath(path) == target:
            error.filename = target
            raise error
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", refusing_stat)
    assert main(["validate", target]) == 2
    assert capsys.readouterr().err == f"plivoxml-plus: error: {target}: {error.strerror}\n"
