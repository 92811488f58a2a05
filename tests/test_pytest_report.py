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
import subprocess
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plivoxml_plus.pytest_plugin import HEAD_LINES, LINE_CHARACTERS, TAIL_LINES, bounded, report_name
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

# two tests whose node ids differ only in characters a file name cannot keep
PARAMETRIZED = '''
    import pytest

    from plivoxml_plus import Conference, Response


    @pytest.mark.parametrize("room", ["a/b", "a:b", "<a b>"])
    def test_rooms(plivo_sim, room):
        plivo_sim.call("solo", Response().add(Conference(room)), at=0, hangup=5)
        plivo_sim.run()
        assert plivo_sim.hears(at=1)["solo"], f"alone in {room}"
'''

NODE_ID = "test_meeting.py::test_the_first_caller_hears_nobody"


@pytest.fixture(autouse=True)
def no_report_dir_from_outside(monkeypatch: pytest.MonkeyPatch) -> None:
    """The runs below see no report directory but the one each test gives."""
    monkeypatch.delenv("PLIVOXML_PLUS_REPORT_DIR", raising=False)


def sections(stdout: str) -> dict[str, str]:
    """The failure output's ``plivo_sim`` sections, by the test they belong to."""
    found: dict[str, str] = {}
    for test, body in re.findall(r"_{3,} (test_.+?) _{3,}\n(.*?)(?=\n_{3,} test_|\n={3,} )", stdout, flags=re.S):
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
    assert lines[1].startswith(f"Simulation: {CALLS} calls"), lines[:3]  # the text report's first line
    gap = [line for line in lines if re.fullmatch(r"\.\.\. \d+ lines left out .*", line)]
    assert len(gap) == 1, lines
    assert lines.index(gap[0]) == 1 + HEAD_LINES, lines
    assert lines[-1].strip().startswith(f"caller-{CALLS - 1} "), lines[-3:]  # the report's last line: the last call
    assert not any(path.suffix == ".html" for path in tmp_path.rglob("*")), "no report directory: nothing written"


def test_a_test_using_plivo_sim_through_plivo_client_shows_it_too(tmp_path: Path):
    folder = project(
        tmp_path,
        {
            "test_client.py": """
                def test_a_call_from_the_api(plivo_client):
                    plivo_client.calls.create(from_="14155550100", to_="14155550177", answer_url="https://x.example/a")
                    assert False, "the app was never asked"
            """
        },
    )
    done = run_pytest(folder)
    assert done.returncode == 1 and "1 failed" in done.stdout, outcome(done)
    section = sections(done.stdout)["test_a_call_from_the_api"]
    assert section.startswith("<Simulation at t=0: 1 call, 0 requests>"), outcome(done)


def html_reports(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*.html") if path.is_file())


def written_report(done: subprocess.CompletedProcess[str], test: str = "test_the_first_caller_hears_nobody") -> Path:
    """The HTML report the failure output of ``test`` names (its section's first line), checked to be one."""
    assert done.returncode == 1 and "2 failed, 1 passed" in done.stdout, outcome(done)
    shown = sections(done.stdout)
    assert list(shown) == [test], outcome(done)
    first = shown[test].splitlines()[0]
    assert first.startswith("HTML report: "), first
    path = Path(first.removeprefix("HTML report: "))
    page = path.read_text(encoding="utf-8")
    assert page.lower().startswith("<!doctype html>") and f"caller-{CALLS - 1}" in page, page[:200]
    return path


def test_the_report_dir_option_writes_the_failing_tests_html_and_names_it(tmp_path: Path):
    folder = project(tmp_path, {"test_meeting.py": TESTS})
    done = run_pytest(folder, "--plivo-report-dir", "reports")
    path = written_report(done)
    assert path == folder / "reports" / report_name(NODE_ID), path  # (relative to where pytest started)
    assert html_reports(tmp_path) == [path], "a passing test, or one without plivo_sim, wrote a report"


def test_the_environment_variable_gives_the_report_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = project(tmp_path, {"test_meeting.py": TESTS})
    monkeypatch.setenv("PLIVOXML_PLUS_REPORT_DIR", str(tmp_path / "ci-reports"))
    path = written_report(run_pytest(folder))
    assert path == tmp_path / "ci-reports" / report_name(NODE_ID)
    assert html_reports(tmp_path / "ci-reports") == [path]


def test_the_ini_option_gives_the_report_dir_relative_to_the_ini_file(tmp_path: Path):
    folder = project(tmp_path, {"pytest.ini": "[pytest]\nplivo_report_dir = build/reports\n"})
    (folder / "tests").mkdir()
    (folder / "tests" / "test_meeting.py").write_text(textwrap.dedent(TESTS), encoding="utf-8")
    done = run_pytest(folder / "tests", "test_meeting.py")  # (started below the ini file's folder)
    path = written_report(done)
    assert path == folder / "build" / "reports" / report_name(f"tests/{NODE_ID}")
    assert html_reports(folder / "build") == [path]


def test_the_command_line_beats_the_environment_which_beats_the_ini(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = project(tmp_path, {"test_meeting.py": TESTS, "pytest.ini": "[pytest]\nplivo_report_dir = from-ini\n"})
    monkeypatch.setenv("PLIVOXML_PLUS_REPORT_DIR", "from-env")
    assert written_report(run_pytest(folder, "--plivo-report-dir", "from-option")).parent == folder / "from-option"
    assert written_report(run_pytest(folder)).parent == folder / "from-env"
    assert not (folder / "from-ini").exists()


def test_a_report_dir_that_cannot_be_made_is_a_note_not_an_error(tmp_path: Path):
    folder = project(tmp_path, {"test_meeting.py": TESTS})
    (folder / "taken").write_text("a file, not a folder", encoding="utf-8")
    done = run_pytest(folder, "--plivo-report-dir", "taken/reports")
    assert done.returncode == 1 and "2 failed, 1 passed" in done.stdout, outcome(done)
    assert "INTERNALERROR" not in done.stdout + done.stderr, outcome(done)
    first = sections(done.stdout)["test_the_first_caller_hears_nobody"].splitlines()
    assert first[0] == f"HTML report not written: cannot make {folder / 'taken' / 'reports'}: Not a directory", first[0]
    assert first[1].startswith("<Simulation at t="), first[:2]  # the timeline still follows


def test_each_failing_test_has_its_own_report(tmp_path: Path):
    folder = project(tmp_path, {"test_rooms.py": PARAMETRIZED})
    done = run_pytest(folder, "--plivo-report-dir", "reports")
    assert done.returncode == 1 and "3 failed" in done.stdout, outcome(done)
    named = [body.splitlines()[0].removeprefix("HTML report: ") for body in sections(done.stdout).values()]
    assert len(named) == 3 and len(set(named)) == 3, named
    assert sorted(named) == [str(path) for path in html_reports(folder / "reports")]


NODE_ID_TEXT = st.text(st.characters(blacklist_categories=["Cs"]), max_size=300)
NODE_IDS = st.lists(NODE_ID_TEXT, min_size=2, max_size=2, unique=True)


@settings(max_examples=200, deadline=None)
@given(nodeids=NODE_IDS)
def test_report_names_are_safe_file_names_one_per_test(nodeids: list[str]):
    names = [report_name(nodeid) for nodeid in nodeids]
    for name in names:
        assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}-[0-9a-f]{12}\.html|test-[0-9a-f]{12}\.html", name), name
    assert names[0] != names[1], nodeids
    assert names == [report_name(nodeid) for nodeid in nodeids]  # (a rerun replaces its own report)


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
