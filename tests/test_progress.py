"""Progress of a long run (issue 20, item 3): ``simulate`` shows the virtual time
reached on stderr when stderr is a terminal, and nothing when it is piped or the
report is JSON; ``--progress``/``--no-progress`` decide otherwise. The command
runs in a subprocess whose stderr is a pseudo-terminal (``pty``), so that the
"is a terminal" branch is the one taken, as on a user's screen.

The seam is ``Simulation.run(until=..., progress=f)``: ``f(done, total)`` in
seconds (docs/simulation.md, "Progress"); :class:`ProgressLine` is the ``f``
the command uses.
"""

from __future__ import annotations

import io
import os
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plivoxml_plus import Conference, Response, SimulationError
from plivoxml_plus._progress import INTERVAL, progress_line
from plivoxml_plus.core import ProgressLine, Simulation
from tests.conftest import ROOT
from tests.test_cli_hardening import TIMEOUT, command

pty = pytest.importorskip("pty", reason="pseudo-terminals need a POSIX system")

SCENARIO = str(ROOT / "examples" / "scenarios" / "mpc-supervisor-coaching.toml")  # until = 200


def on_a_terminal(*argv: str) -> tuple[int, str, bytes]:
    """``plivoxml-plus ARGV`` with stderr a pseudo-terminal: exit code, stdout, and the terminal's bytes."""
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            command(*argv), stdout=subprocess.PIPE, stderr=follower, timeout=TIMEOUT, check=False, text=True
        )
    finally:
        os.close(follower)
    shown = b""
    try:
        while chunk := os.read(leader, 65536):
            shown += chunk
    except OSError:  # (EIO: every writer has closed the terminal)
        pass
    finally:
        os.close(leader)
    return done.returncode, done.stdout, shown


def piped(*argv: str) -> tuple[int, str, str]:
    """``plivoxml-plus ARGV`` with stdout and stderr pipes: exit code, stdout, stderr (``\r`` kept)."""
    done = subprocess.run(command(*argv), capture_output=True, timeout=TIMEOUT, check=False)
    return done.returncode, done.stdout.decode(), done.stderr.decode()


def screen(written: str) -> str:
    """The one line a terminal shows after ``written`` (``\\r`` back to column 0, then overwrite)."""
    line: list[str] = []
    column = 0
    for char in written:
        if char == "\r":
            column = 0
            continue
        assert char != "\n", f"the progress line broke the line: {written!r}"
        if column < len(line):
            line[column] = char
        else:
            line.append(char)
        column += 1
    return "".join(line)


# -- the command ---------------------------------------------------------------------


def test_simulate_shows_its_progress_on_a_terminal_and_clears_it():
    code, report, shown = on_a_terminal("simulate", SCENARIO)
    assert code == 0, shown
    text = shown.decode()
    assert text.startswith("\rsimulate: "), text
    assert "simulate: 200.0 s of 200 s (100%)" in text, text  # the scenario's until = 200
    assert screen(text).strip() == "", f"the line is not cleared at the end: {text!r}"
    assert report == piped("simulate", SCENARIO)[1], "the report itself changed"


def test_simulate_serving_the_api_shows_its_progress_after_the_url():
    code, _, shown = on_a_terminal("simulate", SCENARIO, "--serve-api", "0")
    assert code == 0, shown
    serving, progress = shown.decode().split("\r\n", 1)  # (the terminal writes a newline as CR LF)
    assert serving.startswith("serving Plivo's REST API at http://127.0.0.1:"), serving
    assert progress.startswith("\rsimulate: ") and "simulate: 200.0 s of 200 s (100%)" in progress, progress
    assert screen(progress).strip() == "", progress


def test_simulate_piped_or_json_shows_no_progress():
    code, _, errors = piped("simulate", SCENARIO)
    assert code == 0 and errors == "", errors
    code, _, shown = on_a_terminal("simulate", SCENARIO, "--format", "json")
    assert code == 0 and shown == b"", shown


def test_progress_and_no_progress_override_the_terminal_check():
    code, _, errors = piped("simulate", SCENARIO, "--progress", "--format", "json")
    assert code == 0, errors
    assert "\rsimulate: 200.0 s of 200 s (100%)" in errors, errors
    code, _, shown = on_a_terminal("simulate", SCENARIO, "--no-progress")
    assert code == 0 and shown == b"", shown


def test_a_failure_message_starts_on_a_clean_line(tmp_path: Path):
    """The progress line is cleared before the message of a run that fails (exit 2)."""
    scenario = tmp_path / "bad.toml"
    spurts = ", ".join(f"{{ from = {t / 100}, to = {t / 100 + 0.005} }}" for t in range(1, 400))  # 800 events
    scenario.write_text(
        f'until = 10\n[[call]]\nname = "a"\nanswer = "<Response><Conference>r</Conference></Response>"\n'
        f"at = 0\ntalk = [{spurts}]\n"
        f'[[rest]]\nat = 5\nmethod = "DELETE"\npath = "Call/{{uuid:a}}/"\nexpect = 404\n',
        encoding="utf-8",
    )
    code, report, shown = on_a_terminal("simulate", str(scenario), "--progress")
    assert code == 2 and report == "", shown
    text = shown.decode().removesuffix("\r\n")  # (the terminal writes a newline as CR LF)
    assert text.startswith("\rsimulate: "), text  # (the line was shown before the failure)
    progress, message = text.rsplit("\r", 1)
    assert screen(progress + "\r").strip() == "", text
    assert message.startswith(f"{scenario}:7: at t=5, REST DELETE") and "expected 404" in message, text


# -- the seam: Simulation.run(progress=...) -----------------------------------------


def conference(calls: int) -> Simulation:
    sim = Simulation()
    for index in range(calls):
        name = f"c{index}"
        sim.call(name, Response().add(Conference("room")), at=index, hangup=60 + index)
        for start in range(index + 2, 55, 5):
            sim.talk(name, start=start, end=start + 2)
    return sim


@settings(max_examples=15, deadline=None)
@given(calls=st.integers(1, 12), until=st.none() | st.integers(0, 120))
def test_progress_is_told_the_time_reached_in_order_and_ends_at_the_clock(calls: int, until: int | None):
    told: list[tuple[float, float | None]] = []
    sim = conference(calls).run(until=until, progress=lambda done, total: told.append((done, total)))
    done = [when for when, _ in told]
    assert done == sorted(done), told
    assert told[-1] == (sim.now, None if until is None else float(until)), told
    assert all(total == told[-1][1] for _, total in told), told
    if until is not None:
        assert all(when <= until for when in done), told
    # told every 64 events, and once at the end
    assert len(told) == sim.events_processed // 64 + 1, (len(told), sim.events_processed)


def test_advance_tells_progress_too():
    told: list[tuple[float, float | None]] = []
    sim = conference(2).run(until=10)
    sim.advance(5, progress=lambda done, total: told.append((done, total)))
    assert told[-1] == (15.0, 15.0), told


@pytest.mark.parametrize("bad", ["yes", 3, object()])
def test_a_progress_that_is_not_a_function_is_refused(bad: object):
    with pytest.raises(SimulationError, match=r"^progress must be a function progress\(done, total\), not "):
        conference(1).run(until=5, progress=bad)  # type: ignore[arg-type]


# -- the line ------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    steps=st.lists(
        st.tuples(st.floats(0, 0.3), st.floats(0, 1e6), st.none() | st.floats(0.001, 1e6)), min_size=1, max_size=40
    )
)
def test_the_line_is_throttled_shows_the_last_text_written_and_is_cleared(
    steps: list[tuple[float, float, float | None]],
):
    clock = [0.0]
    stream = io.StringIO()
    line = ProgressLine("work", stream, clock=lambda: clock[0])
    writes = 0
    for pause, done, total in steps:
        clock[0] += pause
        before = stream.tell()
        line(done, total)
        written = stream.getvalue()[before:]
        if written:
            writes += 1
            text = written[1:].rstrip()
            assert text.startswith(f"work: {done:.1f} s"), text
            assert screen(stream.getvalue()).rstrip() == text, "the screen does not show what was written last"
    assert writes >= 1  # the first call is shown at once
    assert writes <= 1 + clock[0] / INTERVAL + 1e-9, (writes, clock[0])
    line.close()
    assert screen(stream.getvalue()).strip() == ""


def test_progress_line_follows_the_stream_unless_told():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert isinstance(progress_line("x", Terminal(), None), ProgressLine)
    assert progress_line("x", io.StringIO(), None) is None
    assert progress_line("x", Terminal(), False) is None
    assert isinstance(progress_line("x", io.StringIO(), True), ProgressLine)
    closed = io.StringIO()
    closed.close()
    assert progress_line("x", closed, None) is None  # (isatty on a closed stream raises: no terminal)
