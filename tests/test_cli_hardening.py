"""The command line under hostile conditions (issue 7): paths that cannot be read,
closed or broken streams, encodings that cannot show a name, absurd option values.

Whatever goes wrong, the run ends with one message and a documented exit code
(plivoxml_plus/cli.py): never a traceback, never a hang, and never a silent
skip that would let a CI job pass on files it did not check. Anything that could
block (a named pipe, a device, standard input) runs in a subprocess with a
timeout, so a regression fails instead of hanging the suite.
"""

from __future__ import annotations

import errno
import io
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from plivoxml_plus import ValidationError
from plivoxml_plus.cli import EXIT_BROKEN_PIPE, EXIT_INTERRUPTED, main
from plivoxml_plus.schema import _cli as schema_cli

GOOD = "<Response><Conference>room</Conference></Response>\n"
BAD = '<Response><Conference maxMembers="50">room</Conference></Response>\n'
TIMEOUT = 30  # seconds; a run takes about one, a hang for ever

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
posix_only = pytest.mark.skipif(os.name != "posix", reason="needs a POSIX shell and /dev")


def command(*argv: str) -> list[str]:
    return [sys.executable, "-m", "plivoxml_plus", *argv]


def run_cli(*argv: str, **options: object) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(  # type: ignore[call-overload, no-any-return]
            command(*argv), capture_output=True, text=True, timeout=TIMEOUT, check=False, **options
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"plivoxml-plus {' '.join(argv)} did not finish within {TIMEOUT} s (it blocked)")


def run_in_shell(redirections: str, *argv: str, **options: object) -> subprocess.CompletedProcess[str]:
    """Run the command from sh after ``redirections`` (``exec 0<&-``: closed standard input)."""
    script = f"{redirections}; exec {shlex.join(command(*argv))}"
    try:
        return subprocess.run(  # type: ignore[call-overload, no-any-return]
            ["sh", "-c", script], capture_output=True, text=True, timeout=TIMEOUT, check=False, **options
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{script} did not finish within {TIMEOUT} s")


def no_traceback(done: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in done.stderr, done.stderr
    assert "Exception ignored" not in done.stderr, done.stderr


def in_process(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], list[str]]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err.splitlines()


# --- paths that cannot be read: reported, exit 1, never skipped --------------------------------


def test_a_folder_that_cannot_be_listed_is_a_problem_not_a_silent_pass(capsys, monkeypatch, tmp_path):
    # Tests run as root here, and root lists a folder whatever its mode, so the
    # refusal the file system would give a normal user is injected where the walk
    # asks for it. (Path.rglob, used before, swallowed exactly this error.)
    (tmp_path / "good.xml").write_text(GOOD)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "bad.xml").write_text(BAD)
    real_scandir = os.scandir

    def scandir(path):
        if Path(path) == locked:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, err = in_process(capsys, "validate", str(tmp_path))
    assert code == 1
    assert err == [f"{locked}: error: cannot read: permission denied"]
    assert out == ["1 answer document checked: 1 valid, 0 invalid; 1 path unreadable"]


def test_a_folder_that_cannot_be_listed_for_real(tmp_path):
    if getattr(os, "geteuid", lambda: 0)() == 0:
        pytest.skip("root lists a folder whatever its mode (the test above injects the refusal)")
    (tmp_path / "good.xml").write_text(GOOD)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        done = run_cli("validate", str(tmp_path))
    finally:
        locked.chmod(0o700)
    no_traceback(done)
    assert done.returncode == 1
    assert f"{locked}: error: cannot read: permission denied" in done.stderr


def test_a_listing_that_fails_half_way_is_a_problem(capsys, monkeypatch, tmp_path):
    (tmp_path / "good.xml").write_text(GOOD)
    real_scandir = os.scandir

    class Failing:
        def __init__(self, path: str) -> None:
            self.inner = real_scandir(path)

        def __enter__(self):
            return self

        def __exit__(self, *exc: object) -> None:
            self.inner.close()

        def __iter__(self):
            yield from self.inner
            raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "scandir", Failing)
    code, _, err = in_process(capsys, "validate", str(tmp_path))
    assert code == 1
    assert err == [f"{tmp_path}: error: cannot read: {os.strerror(errno.EIO).lower()}"]


@posix_only
def test_a_dangling_link_in_a_folder_is_reported(capsys, tmp_path):
    (tmp_path / "good.xml").write_text(GOOD)
    (tmp_path / "gone.xml").symlink_to(tmp_path / "deleted.xml")
    code, out, err = in_process(capsys, "validate", str(tmp_path))
    assert code == 1
    assert err == [f"{tmp_path / 'gone.xml'}: error: cannot read: no such file or directory"]
    assert out == ["1 answer document checked: 1 valid, 0 invalid; 1 path unreadable"]


@posix_only
def test_a_link_to_a_folder_is_not_followed(capsys, tmp_path):
    # (following links could walk a cycle for ever; a link the user names is followed)
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "good.xml").write_text(GOOD)
    (inner / "loop.xml").symlink_to(tmp_path, target_is_directory=True)
    (inner / "loop").symlink_to(tmp_path, target_is_directory=True)
    code, out, err = in_process(capsys, "validate", str(tmp_path))
    assert (code, err) == (0, [])
    assert out == ["1 answer document checked: 1 valid, 0 invalid"]


def test_folders_nested_deeper_than_the_recursion_limit_are_walked(capsys):
    # (a path of 1,200 one-letter folders is legal: about 2,400 characters). The
    # folders are made and removed one by one, since mkdir(parents=True) and
    # shutil.rmtree recurse too; and outside pytest's tmp_path, whose recursive
    # clean-up would fail on them if this test were killed half way.
    top = deep = Path(tempfile.mkdtemp(prefix="plivoxml-deep-"))
    try:
        for _ in range(sys.getrecursionlimit() + 200):
            deep = deep / "d"
            deep.mkdir()
        (deep / "good.xml").write_text(GOOD)
        code, out, err = in_process(capsys, "validate", str(top))
        assert (code, out, err) == (0, ["1 answer document checked: 1 valid, 0 invalid"], [])
    finally:
        while deep != top.parent:
            for child in deep.iterdir():
                child.unlink()
            deep.rmdir()
            deep = deep.parent


def test_missing_files_and_empty_folders_exit_1_not_2(capsys, tmp_path):
    (tmp_path / "empty").mkdir()
    code, _, err = in_process(capsys, "validate", str(tmp_path / "missing.xml"))
    assert code == 1
    assert err == [f"{tmp_path / 'missing.xml'}: error: cannot read: no such file or directory"]
    code, _, err = in_process(capsys, "validate", str(tmp_path / "empty"))
    assert code == 1
    assert err == [f"{tmp_path / 'empty'}: error: a folder with no *.xml files"]


@needs_fifo
def test_a_named_pipe_on_the_command_line_is_refused_not_waited_for(tmp_path):
    fifo = tmp_path / "answer.xml"
    os.mkfifo(fifo)
    done = run_cli("validate", str(tmp_path / "missing.xml"), str(fifo))
    no_traceback(done)
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == (
        f"{fifo}: error: cannot read: it is a named pipe (FIFO); only regular files are read"
    )


@needs_fifo
def test_a_named_pipe_inside_a_folder_is_reported_not_waited_for_nor_skipped(tmp_path):
    (tmp_path / "good.xml").write_text(GOOD)
    os.mkfifo(tmp_path / "pipe.xml")
    done = run_cli("validate", str(tmp_path))
    no_traceback(done)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"{tmp_path / 'pipe.xml'}: error: cannot read: it is a named pipe (FIFO); only regular files are read"
    ]
    assert done.stdout.splitlines() == ["1 answer document checked: 1 valid, 0 invalid; 1 path unreadable"]


@posix_only
def test_a_device_is_refused_not_read_without_end():
    done = run_cli("validate", "/dev/zero")
    no_traceback(done)
    assert done.returncode == 1
    assert done.stderr.splitlines() == ["/dev/zero: error: cannot read: it is a device; only regular files are read"]


# --- standard input -------------------------------------------------------------------------


@posix_only
def test_closed_standard_input_is_a_problem_not_a_traceback():
    done = run_in_shell("exec 0<&-", "validate", "-")
    no_traceback(done)
    assert done.returncode == 1
    assert done.stderr.splitlines() == ["<stdin>: error: cannot read: standard input is closed"]
    assert done.stdout.splitlines() == ["0 answer documents checked: 0 valid, 0 invalid; 1 path unreadable"]


def test_standard_input_that_fails_to_read_is_a_problem(capsys, monkeypatch):
    class Broken(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer):
            raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(Broken())))
    code, _, err = in_process(capsys, "validate", "-")
    assert code == 1
    assert err == [f"<stdin>: error: cannot read: {os.strerror(errno.EIO).lower()}"]


@posix_only
def test_standard_input_is_still_read_as_a_stream_within_the_size_limit():
    # (a guard, true before the issue too: stdin is a stream by design, and an
    # endless one is cut at the limit rather than read for ever)
    with open("/dev/zero", "rb") as zeros:
        done = run_cli("validate", "--max-bytes", "1000", "-", stdin=zeros)
    no_traceback(done)
    assert done.returncode == 1
    assert "<stdin>: the document is 1001 bytes, over the size limit of 1000 bytes" in done.stdout


# --- option values ----------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["99999999999999999999999", str(2**63), str((1 << 30) + 1), "9" * 5000])
def test_max_bytes_beyond_its_documented_maximum_is_a_usage_error(capsys, tmp_path, value):
    (tmp_path / "good.xml").write_text(GOOD)
    with pytest.raises(SystemExit) as caught:
        main(["validate", "--max-bytes", value, str(tmp_path / "good.xml")])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "usage:" in err
    assert "argument --max-bytes:" in err and "is not an integer from 1 to 1073741824" in err


def test_max_bytes_at_its_maximum_is_accepted(capsys, tmp_path):
    (tmp_path / "good.xml").write_text(GOOD)
    assert schema_cli.MAX_BYTES_LIMIT == 1 << 30
    code, out, _ = in_process(capsys, "validate", "--max-bytes", str(1 << 30), str(tmp_path / "good.xml"))
    assert (code, out) == (0, ["1 answer document checked: 1 valid, 0 invalid"])


# --- output streams -----------------------------------------------------------------------------


def test_a_reader_that_stops_reading_ends_the_run_quietly(tmp_path):
    # Far more output than a pipe holds (thousands of problem lines, whatever the
    # number listed per document), so the command is still writing when its reader
    # goes away, as with "plivoxml-plus validate ... | head -1".
    for number in range(40):
        (tmp_path / f"bad-{number:02}.xml").write_text(
            "<Response>" + '<Conference maxMembers="50">r</Conference>' * 200 + "</Response>"
        )
    process = subprocess.Popen(command("validate", str(tmp_path)), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()
        err = process.stderr.read()
        code = process.wait(timeout=TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
    assert first.startswith(str(tmp_path / "bad-00.xml").encode() + b":1:23: <Conference> attribute maxMembers")
    assert (code, err) == (EXIT_BROKEN_PIPE, b"")


@posix_only
def test_closed_standard_output_is_not_a_traceback(tmp_path):
    (tmp_path / "bad.xml").write_text(BAD)
    done = run_in_shell("exec 1>&-", "validate", str(tmp_path / "bad.xml"))
    assert (done.returncode, done.stderr) == (1, "")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_output_that_cannot_be_written_is_one_message(tmp_path):
    (tmp_path / "bad.xml").write_text(BAD)
    done = run_in_shell("exec 1>/dev/full", "validate", str(tmp_path / "bad.xml"))
    assert done.returncode == 2
    assert done.stderr.splitlines() == [f"plivoxml-plus: error: {os.strerror(errno.ENOSPC)}"]


ASCII_ONLY = {**os.environ, "PYTHONIOENCODING": "ascii:strict"}


def test_names_and_messages_the_encoding_cannot_show_are_escaped(tmp_path):
    bad = tmp_path / "réunion-€.xml"
    bad.write_text('<Response><Conference maxMembers="50">salle-é</Conference></Response>')
    done = run_cli("validate", str(bad), str(tmp_path / "perdu-ø.xml"), env=ASCII_ONLY)
    no_traceback(done)
    assert done.returncode == 1
    escaped = str(tmp_path).encode("ascii", "backslashreplace").decode("ascii")
    assert done.stdout.splitlines()[0].startswith(escaped + "/r\\xe9union-\\u20ac.xml:1:23: <Conference>")
    assert done.stderr.splitlines() == [f"{escaped}/perdu-\\xf8.xml: error: cannot read: no such file or directory"]


def test_a_simulation_report_the_encoding_cannot_show_is_escaped(tmp_path):
    # the report is written by the simulate subcommand itself: main() makes every
    # subcommand's output safe, not only validate's
    scenario = tmp_path / "zoë.toml"
    scenario.write_text('[[call]]\nname = "zoë"\nanswer = "<Response><Speak>Grüß dich</Speak></Response>"\n')
    done = run_cli("simulate", str(scenario), env=ASCII_ONLY)
    no_traceback(done)
    assert done.returncode == 0
    assert "zo\\xeb" in done.stdout


def test_a_usage_error_the_encoding_cannot_show_is_escaped():
    done = run_cli("validate", "--kind", "sön", "x.xml", env=ASCII_ONLY)
    no_traceback(done)
    assert done.returncode == 2
    assert "invalid choice: 's\\xf6n'" in done.stderr


# --- the central catch in main ------------------------------------------------------------------


def test_a_package_error_escaping_a_subcommand_is_one_message_with_exit_2(capsys, monkeypatch, tmp_path):
    (tmp_path / "good.xml").write_text(GOOD)

    def refuse(*args: object, **kwargs: object) -> None:
        raise ValidationError("<Conference> attribute maxMembers is out of range")

    monkeypatch.setattr(schema_cli, "validate", refuse)
    code, out, err = in_process(capsys, "validate", str(tmp_path / "good.xml"))
    assert (code, out) == (2, [])
    assert err == ["plivoxml-plus: error: <Conference> attribute maxMembers is out of range"]


def test_an_interrupt_exits_130_quietly(capsys, monkeypatch, tmp_path):
    (tmp_path / "good.xml").write_text(GOOD)

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(schema_cli, "validate", interrupted)
    try:
        code, out, err = in_process(capsys, "validate", str(tmp_path / "good.xml"))
    except KeyboardInterrupt:  # (caught here, or a regression would stop the whole test run)
        pytest.fail("KeyboardInterrupt escaped main()")
    assert (code, out, err) == (EXIT_INTERRUPTED, [], [])
    assert EXIT_INTERRUPTED == 130


def test_help_states_every_exit_code(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    top = " ".join(capsys.readouterr().out.split())
    with pytest.raises(SystemExit):
        main(["validate", "--help"])
    validate = " ".join(capsys.readouterr().out.split())
    for text in ("0 success", "1 a document invalid or a path unreadable", "2 a usage error", "130", "141"):
        assert text in top
    for text in ("0 every document valid", "1 a document invalid", "or a path unreadable", "2 a usage error"):
        assert text in validate
