"""The HTML report and the timeline data it is drawn from (issue 20, items 1 and 4):
one model (``to_data``), three renderings; who hears whom replayed from the data
is what ``Simulation.hears`` says, at every instant."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plivoxml_plus import Conference, MultiPartyCall, Response, Simulation
from plivoxml_plus.core.scenario._scenario import load_scenario

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "examples" / "scenarios"
# the scenarios that run offline (those driving an app need it running)
OFFLINE = sorted(p for p in SCENARIOS.glob("*.toml") if "base_url" not in p.read_text(encoding="utf-8"))


def page_data(html: str) -> dict[str, Any]:
    """The data a report page embeds (what its script reads)."""
    found = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html, re.S)
    assert found is not None
    return json.loads(found.group(1))  # type: ignore[no-any-return]


def replay(hearing: list[dict[str, Any]], at: float) -> dict[str, frozenset[str]]:
    """Who hears whom at ``at``, from the report's changes (as the page's script replays them)."""
    state: dict[str, Any] = {}
    for change in hearing:
        if change["at"] > at:
            break
        for name in change["gone"]:
            del state[name]
        state.update(change["set"])
    return {name: frozenset(info["hears"]) for name, info in state.items()}


def instants(sim: Simulation, hearing: list[dict[str, Any]]) -> list[float]:
    """Every change instant, a millisecond (the clock's step) before and after it, and the ends of the run."""
    times = {0.0, float(sim.now)}
    for change in hearing:
        times |= {change["at"], max(0.0, change["at"] - 0.001), min(float(sim.now), change["at"] + 0.001)}
    return sorted(times)


def test_report_html_writes_one_page_embedding_the_json_reports_data(tmp_path):
    sim = load_scenario(SCENARIOS / "mpc-supervisor-coaching.toml").run()
    path = sim.report_html(tmp_path / "sub" / "report.html")
    assert path == tmp_path / "sub" / "report.html"
    html = path.read_text(encoding="utf-8")
    data = page_data(html)
    assert {k: v for k, v in data.items() if k not in ("call_order", "mark_kinds", "audio")} == json.loads(
        sim.report("json")
    )
    # self-contained: nothing is fetched
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "<link" not in html


@pytest.mark.parametrize("path", OFFLINE, ids=lambda p: p.stem)
def test_the_hearing_changes_replay_to_what_sim_hears_says(path):
    sim = load_scenario(path).run()
    hearing = json.loads(sim.report("json"))["hearing"]
    for at in instants(sim, hearing):
        assert replay(hearing, at) == sim.hears(at=at), (path.stem, at)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.integers(0, 30),  # arrives
            st.integers(1, 40),  # stays
            st.sampled_from(["conf-a", "conf-b", "mpc"]),
            st.sampled_from(["Agent", "Customer", "Supervisor"]),
            st.booleans(),  # muted / coach
        ),
        min_size=1,
        max_size=6,
    )
)
def test_the_hearing_changes_match_sim_hears_for_any_rooms(members):
    sim = Simulation()
    for index, (arrives, stays, room, role, flag) in enumerate(members):
        if room == "mpc":
            element: Any = MultiPartyCall("m", role=role, coach_mode=flag and role == "Supervisor")
        else:
            element = Conference(room, muted=flag)
        sim.call(f"c{index}", Response([element]), at=arrives, hangup=arrives + stays)
    sim.run()
    hearing = json.loads(sim.report("json"))["hearing"]
    for at in instants(sim, hearing):
        assert replay(hearing, at) == sim.hears(at=at), at


def test_simulate_html_writes_the_page_and_says_so(tmp_path):
    target = tmp_path / "ivr.html"
    done = subprocess.run(
        [sys.executable, "-m", "plivoxml_plus", "simulate", str(SCENARIOS / "ivr-menu.toml"), "--html", str(target)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert f"wrote the HTML report {target}" in done.stderr
    assert "Who hears whom" in done.stdout or "Calls" in done.stdout  # the text report is still printed
    data = page_data(target.read_text(encoding="utf-8"))
    assert set(data["lanes"]) == set(data["calls"]) and data["calls"]


def test_a_page_that_cannot_be_written_is_one_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "plivoxml_plus",
            "simulate",
            str(SCENARIOS / "basic.toml"),
            "--html",
            str(blocker / "r.html"),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert "cannot write the HTML report" in done.stderr and "Traceback" not in done.stderr
