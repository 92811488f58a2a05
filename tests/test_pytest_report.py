"""A failing ``plivo_sim`` test shows its simulation (issue 20, item 2): the
plugin adds a ``plivo_sim`` section with the text timeline, bounded, and, given
a report directory (``--plivo-report-dir``, ``PLIVOXML_PLUS_REPORT_DIR`` or the
ini option ``plivo_report_dir``), writes the HTML report there and names it.
Passing tests write nothing.

Each user project runs in a pytest of its own, in a subprocess, with the plugin
loaded by its entry point (tests/test_pytest_plugin.py's helpers), as a user
runs it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plivoxml_plus.pytest_plugin import HEAD_LINES, LINE_CHARACTERS, TAIL_LINES, bounded
from tests.test_pytest_plugin import outcome, project, run_pytest

CALLS = 40  # the failing test's calls: a timeline longer than the section shows

TESTS = f'''
    from plivoxml_plus import Conference, Response


    def meeting(sim, calls):
        for index in range(calls):
            sim.call(f"caller-{{index}}", Response().add(Conference("room")), at=index, hangup=30 + index)
        return sim.run()


    def test_the_first_caller_hears_nobody(plivo_sim):
        meeting(plivo_sim, {CALLS})
        assert plivo_sim.hears(at=5)["caller-0"] == frozenset()


    def test_a_short_meeting_passes(plivo_sim):
        assert meeting(plivo_sim, 2).now > 0


    def test_a_failure_without_the_simulation():
        assert "no" == "simulation"
'''


@pytest.fixture(autouse=True)
def no_report_dir_from_outside(monkeypatch: pytest.MonkeyPatch) -> None:
    """The runs below see no report directory but the one each test gives."""
    monkeypatch.delenv("PLIVOXML_PLUS_REPORT_DIR", raising=False)


def sections(stdout: str) -> dict[str, str]:
    """The failure output's ``plivo_sim`` sections, by the test they belong to."""
    found: dict[str, str] = {}
    for test, body in re.findall(r"_{3,} (test_\w+) _{3,}\n(.*?)(?=\n_{3,} test_|\n={3,} )", stdout, flags=re.S):
        section = re.search(r"-{3,} plivo_sim -{3,}\n(.*)", body, flags=re.S)
        if section:
            found[test] = section.group(1)
    return found


def test_a_failing_plivo_sim_test_shows_its_timeline_bounded(tmp_path: Path):
    done = run_pytest(project(tmp_path, {"test_meeting.py": TESTS}))
    assert done.returncode == 1, outcome(done)
    assert "2 failed, 1 passed" in done.stdout, outcome(done)
    shown = sections(done.stdout)
    assert list(shown) == ["test_the_first_caller_hears_nobody"], outcome(done)
    lines = shown["test_the_first_caller_hears_nobody"].splitlines()
    assert lines[0].startswith("<Simulation at t=") and f"{CALLS} calls" in lines[0], lines[:3]
    assert lines[1].startswith(f"Simulation: {CALLS} call(s)"), lines[:3]  # the text report's first line
    gap = [line for line in lines if re.fullmatch(r"\.\.\. \d+ lines left out .*", line)]
    assert len(gap) == 1, lines
    assert lines.index(gap[0]) == 1 + HEAD_LINES, lines
    assert lines[-1].strip().startswith(f"caller-{CALLS - 1} "), lines[-3:]  # the report's last line: the last call
    assert not any(path.suffix == ".html" for path in tmp_path.rglob("*")), "no report directory: nothing written"


def kept(shown: str, line: str) -> bool:
    """``shown`` is ``line``, or its first LINE_CHARACTERS characters saying how many more there were."""
    if len(line) <= LINE_CHARACTERS:
        return shown == line
    return shown == f"{line[:LINE_CHARACTERS]}... ({len(line) - LINE_CHARACTERS} more characters)"


LINE = st.text(st.characters(blacklist_categories=["Cs", "Zl", "Zp", "Cc"]), max_size=400)  # (no line breaks)


@settings(max_examples=80, deadline=None)
@given(text=st.lists(LINE, max_size=150))
def test_bounded_keeps_the_first_and_last_lines_and_counts_the_rest(text: list[str]):
    shown = bounded("".join(f"{line}\n" for line in text)).split("\n") if text else []
    if len(text) <= HEAD_LINES + TAIL_LINES + 1:
        assert len(shown) == len(text)
        pairs = list(zip(shown, text, strict=True))
    else:
        assert len(shown) == HEAD_LINES + 1 + TAIL_LINES
        assert shown[HEAD_LINES].startswith(f"... {len(text) - HEAD_LINES - TAIL_LINES} lines left out ")
        pairs = [*zip(shown[:HEAD_LINES], text[:HEAD_LINES], strict=True)]
        pairs += zip(shown[-TAIL_LINES:], text[-TAIL_LINES:], strict=True)
    assert all(kept(line, original) for line, original in pairs), pairs
