"""``plivoxml-plus validate --jobs N`` (issue 21, item 3): the files checked by N
processes give the output, in every format, and the exit status of one process,
whatever becomes of a worker."""

from __future__ import annotations

import faulthandler
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plivoxml_plus.cli import main
from plivoxml_plus.schema import Kind, _cli, _jobs

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="--jobs shares files through os.fork")

VALID = "<Response><Speak>Hello {i}</Speak><Conference>room-{i}</Conference></Response>"
DOCUMENTS = {
    "valid": VALID,
    "invalid": "<Response><Foo/><Conference maxMembers='{i}x'>room</Conference></Response>",
    "warned": "<Response><Conference startConferenceOnEnter='True'>room-{i}</Conference></Response>",
    "sdk": "<Response><Speak loop='True'>{i}</Speak></Response>",
    "broken": "<Response><Speak>{i}",
    "empty": "",
}


def _folder(root: Path, kinds: list[str]) -> Path:
    folder = root / "xml"
    folder.mkdir()
    for i, kind in enumerate(kinds):
        path = folder / f"{i:04d}-{kind}.xml"
        if kind == "missing":  # a link to nowhere: "cannot read"
            path.symlink_to(root / "nowhere.xml")
        elif kind == "pipe":  # refused, not waited for
            os.mkfifo(path)
        else:
            path.write_text(DOCUMENTS[kind].format(i=i), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough documents for two processes and more: mostly valid, with one of every
    other kind spread through them (so that each process's share holds some)."""
    others = ["invalid", "warned", "sdk", "broken", "empty", "missing", "pipe"]
    kinds = ["valid"] * (3 * _jobs.MIN_SHARE)
    for n, kind in enumerate(others * 3):
        kinds[(n * 97 + 13) % len(kinds)] = kind
    return _folder(tmp_path_factory.mktemp("jobs"), kinds)


def _run(*arguments: str, stdin: str = "") -> tuple[int, str, str]:
    result = subprocess.run(
        [sys.executable, "-m", "plivoxml_plus", "validate", *arguments],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return result.returncode, result.stdout, result.stderr


@pytest.mark.parametrize("jobs", ["2", "0", "3"])
@pytest.mark.parametrize("options", [["--format", "text"], ["--format", "json"], ["--strict"], ["--kind", "sound"]])
def test_jobs_give_what_one_process_gives(large, jobs, options):
    one = _run(*options, str(large), "-", stdin="<Response><Speak>in</Speak></Response>")
    assert one[0] == 1 and "cannot read" in one[1] + one[2]  # (invalid and unreadable files)
    assert "warning" in one[1] or "sound" in options
    assert _run(*options, "--jobs", jobs, str(large), "-", stdin="<Response><Speak>in</Speak></Response>") == one
    assert _run(*options, f"-j{jobs}", "-", str(large), str(large), stdin="<Response/>") == _run(
        *options, "-", str(large), str(large), stdin="<Response/>"
    )


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The children forked by the test's runs."""
    forked: list[int] = []
    real_fork = os.fork

    def counted_fork() -> int:
        pid = real_fork()
        if pid:
            forked.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", counted_fork)
    return forked


def test_the_files_are_shared_between_processes(large, capsys, forks):
    assert main(["validate", "--format", "json", str(large)]) == 1
    alone = capsys.readouterr()
    assert main(["validate", "--format", "json", "--jobs", "4", str(large)]) == 1
    assert capsys.readouterr() == alone
    assert len(forks) == 2  # (3 * MIN_SHARE files: three processes, this one and two children)


def test_few_files_are_checked_in_one_process(tmp_path, monkeypatch):
    folder = _folder(tmp_path, ["valid"] * (2 * _jobs.MIN_SHARE - 1))
    monkeypatch.setattr(os, "fork", lambda: pytest.fail("forked for fewer files than two shares"))
    assert main(["validate", "--jobs", "2", str(folder)]) == 0


@pytest.mark.parametrize("value", ["-1", "x", "1.5", "", "two"])
@pytest.mark.parametrize("spelling", ["--jobs", "-j"])
def test_a_bad_number_of_jobs_is_a_usage_error(tmp_path, spelling, value):
    document = tmp_path / "a.xml"
    document.write_text("<Response/>")
    option = [f"--jobs={value}"] if spelling == "--jobs" else ["-j", value]
    code, out, err = _run(*option, str(document))
    assert (code, out) == (2, "")
    assert err.startswith("usage: plivoxml-plus validate")
    assert "error: argument -j/--jobs:" in err, err


def test_jobs_without_a_value_is_a_usage_error(tmp_path):
    code, _, err = _run(str(tmp_path), "--jobs")
    assert code == 2 and "argument -j/--jobs: expected one argument" in err


def _in_children(action: Callable[[], object]) -> Callable[[str, Kind, int], object]:
    """A ``_check`` that does ``action`` in a forked child, and checks as ever here."""
    parent = os.getpid()
    real_check = _cli._check

    def check(name: str, kind: Kind, max_bytes: int) -> object:
        if os.getpid() != parent:
            action()
        return real_check(name, kind, max_bytes)

    return check


def _killed() -> None:  # (out of memory, say)
    os.kill(os.getpid(), signal.SIGKILL)


def _crashed() -> None:
    faulthandler.disable()  # (pytest's dump of the child's stack left out)
    os.kill(os.getpid(), signal.SIGSEGV)


def _failed() -> None:
    raise MemoryError


def _ended_early() -> None:  # (its results unsent, with status 0)
    os._exit(0)


@pytest.mark.parametrize("action", [_killed, _crashed, _failed, _ended_early])
def test_a_worker_that_fails_has_its_share_checked_by_the_run(large, capsys, monkeypatch, forks, action):
    assert main(["validate", "--format", "json", str(large)]) == 1
    alone = capsys.readouterr()
    monkeypatch.setattr(_cli, "_check", _in_children(action))
    assert main(["validate", "--format", "json", "-j", "3", str(large)]) == 1
    assert capsys.readouterr() == alone
    assert len(forks) == 2
    with pytest.raises(ChildProcessError):  # (every child reaped)
        os.waitpid(-1, os.WNOHANG)


def test_ctrl_c_kills_the_workers_and_exits_130_quietly(large, capsys, monkeypatch, forks):
    parent = os.getpid()
    real_check = _cli._check

    def check(name: str, kind: Kind, max_bytes: int) -> object:
        if os.getpid() == parent:  # (the children are running by the time this process checks)
            raise KeyboardInterrupt
        return real_check(name, kind, max_bytes)

    monkeypatch.setattr(_cli, "_check", check)
    assert main(["validate", "--jobs", "2", str(large)]) == 130
    assert len(forks) == 1 and capsys.readouterr() == ("", "")
    with pytest.raises(ChildProcessError):  # (killed and reaped: nothing left running)
        os.waitpid(-1, os.WNOHANG)


def test_ctrl_c_on_a_real_run_leaves_no_worker_and_no_traceback(tmp_path):
    folder = _folder(tmp_path, ["valid"] * 3 * _jobs.MIN_SHARE)
    process = subprocess.Popen(
        [sys.executable, "-m", "plivoxml_plus", "validate", "--jobs", "2", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # (its own process group: Ctrl-C reaches the run and its workers)
    )
    # interrupted once the workers run: the run checks its share after forking them
    workers: list[str] = []
    while not workers and process.poll() is None:
        workers = _children(process.pid)
    os.killpg(process.pid, signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert (process.returncode, out, err) == (130, "", "")
    assert workers and not [pid for pid in workers if Path(f"/proc/{pid}").exists()]  # (killed and reaped)


def _children(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:  # (the run has ended)
        return []


@settings(max_examples=25, deadline=None)
@given(
    kinds=st.lists(st.sampled_from([*DOCUMENTS, "missing"]), min_size=1, max_size=12),
    jobs=st.integers(min_value=0, max_value=6),
    strict=st.booleans(),
    output=st.sampled_from(["text", "json"]),
)
def test_any_files_shared_any_way_give_what_one_process_gives(tmp_path_factory, kinds, jobs, strict, output):
    # (a share of one file: every split of these few files between processes happens)
    folder = _folder(tmp_path_factory.mktemp("any"), kinds)
    arguments = ["validate", "--format", output, *(["--strict"] if strict else []), str(folder)]
    with pytest.MonkeyPatch.context() as patch:
        outputs = []
        for extra in ([], ["--jobs", str(jobs)]):
            streams = _Captured()
            patch.setattr(sys, "stdout", streams.out)
            patch.setattr(sys, "stderr", streams.err)
            patch.setattr(_jobs, "MIN_SHARE", 1)
            code = main([*arguments[:1], *extra, *arguments[1:]])
            outputs.append((code, streams.out.getvalue(), streams.err.getvalue()))
    assert outputs[1] == outputs[0]


class _Captured:
    def __init__(self) -> None:
        import io

        self.out, self.err = io.StringIO(), io.StringIO()
