"""Call-flow coverage (issue 22, item 2): which branches of which documents a
simulation took, through Simulation(coverage=True), simulate --coverage and the
pytest plugin's --plivo-coverage."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plivoxml_plus import Conference, Dial, GetDigits, Number, Response, SimulationError
from plivoxml_plus.core import Simulation

ROOT = Path(__file__).resolve().parent.parent
MENU, CHOICE, AFTER = "https://app.example/menu", "https://app.example/choice", "https://app.example/after"


def menu_sim(keys: str | None, *, dial_refuse: str | None = None) -> Simulation:
    menu = Response().add(GetDigits(CHOICE, num_digits=1, valid_digits="12", retries=2).add_speak("1 or 2"))
    menu.add_speak("Bye")
    choice = Response().add(Dial(action=AFTER).add(Number("15551234567"))).add(Conference("r"))
    sim = Simulation(urls={MENU: menu, CHOICE: choice, AFTER: Response().add_speak("done")}, coverage=True)
    sim.call("caller", answer_url=MENU, hangup=120)
    if keys is not None:
        sim.press("caller", keys, at=2)
    if dial_refuse is None:
        sim.callee("bob", "15551234567", hangup_after=10)
    else:
        sim.callee("bob", "15551234567", refuse=dial_refuse)  # type: ignore[arg-type]
    return sim.run()


def branches(sim: Simulation) -> dict[tuple[str, str], dict[str, bool]]:
    return {
        (document.document, element.path): dict(element.branches)
        for document in sim.coverage().documents
        for element in document.elements
    }


def test_each_branch_taken_is_marked_and_the_rest_are_missing() -> None:
    found = branches(menu_sim("1"))
    assert found[(MENU, "/Response/GetDigits[1]")] == {
        "digits 1": True,
        "digits 2": False,
        "no input": False,
        "invalid digits": False,
        "retries exhausted": False,
    }
    assert found[(MENU, "/Response/Speak[1]")] == {"run": False}  # the action's document took over
    assert found[(CHOICE, "/Response/Dial[1]")] == {
        "completed": True,
        "busy": False,
        "no-answer": False,
        "failed": False,
    }
    assert found[(CHOICE, "/Response/Conference[1]")] == {"hung up": False, "room ended": False}
    assert found[(AFTER, "/Response/Speak[1]")] == {"run": True}


def test_no_input_an_invalid_key_and_a_busy_callee_are_branches_too() -> None:
    silent = branches(menu_sim(None))[(MENU, "/Response/GetDigits[1]")]
    assert silent["no input"] and silent["retries exhausted"] and not silent["digits 1"]
    invalid = branches(menu_sim("9"))[(MENU, "/Response/GetDigits[1]")]
    assert invalid["invalid digits"]
    busy = branches(menu_sim("2", dial_refuse="busy"))[(CHOICE, "/Response/Dial[1]")]
    assert busy == {"completed": False, "busy": True, "no-answer": False, "failed": False}


def test_reports_merge_and_count() -> None:
    merged = menu_sim("1").coverage().merge(menu_sim(None).coverage())
    getdigits = next(e for d in merged.documents if d.document == MENU for e in d.elements if e.tag == "GetDigits")
    assert dict(getdigits.branches)["digits 1"] and dict(getdigits.branches)["no input"]
    assert merged.covered == sum(taken for _, _, taken in _all(merged)) and merged.total == len(_all(merged))
    assert (MENU, "/Response/GetDigits[1]", "digits 2") in merged.missing()
    data = merged.to_data()
    assert data["covered"] == merged.covered and data["branches"] == merged.total


def _all(report: object) -> list[tuple[str, str, bool]]:
    return [
        (document.document, name, taken)
        for document in report.documents  # type: ignore[attr-defined]
        for element in document.elements
        for name, taken in element.branches
    ]


@settings(max_examples=25, deadline=None)
@given(st.sampled_from("12*#9"))
def test_the_key_branch_taken_is_the_digits_the_action_was_sent(key: str) -> None:
    sim = menu_sim(key)
    sent = {request.params["Digits"] for request in sim.requests if request.url == CHOICE}
    getdigits = branches(sim)[(MENU, "/Response/GetDigits[1]")]
    assert {
        name.removeprefix("digits ") for name, taken in getdigits.items() if taken and name.startswith("digits ")
    } == sent


def test_coverage_is_recorded_only_when_asked_for() -> None:
    with pytest.raises(SimulationError, match=r"Simulation\(coverage=True\)"):
        Simulation().coverage()
    with pytest.raises(SimulationError, match="coverage must be True or False"):
        Simulation(coverage="yes")  # type: ignore[arg-type]


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, cwd=cwd, check=False,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=600,
    )  # fmt: skip


def test_simulate_coverage_in_text_and_json() -> None:
    scenario = str(ROOT / "examples" / "scenarios" / "ivr-menu.toml")
    text = _run("-m", "plivoxml_plus", "simulate", scenario, "--coverage")
    assert text.returncode == 0, text.stderr
    assert "call-flow coverage:" in text.stdout and "missing" in text.stdout
    data = json.loads(_run("-m", "plivoxml_plus", "simulate", scenario, "--coverage", "--format", "json").stdout)
    assert data["coverage"]["branches"] > data["coverage"]["covered"] > 0
    plain = json.loads(_run("-m", "plivoxml_plus", "simulate", scenario, "--format", "json").stdout)
    assert "coverage" not in plain


def test_the_plugin_reports_the_call_centres_missing_branch(tmp_path: Path) -> None:
    """The example call centre's suite never lets the survey's GetDigits time out:
    --plivo-coverage says so, in the terminal and in JSON."""
    out = tmp_path / "coverage.json"
    run = _run(
        "-m", "pytest", "-q", "-p", "no:cacheprovider", "--plivo-coverage", "--plivo-coverage-json", str(out),
        cwd=ROOT / "examples" / "callcenter",
    )  # fmt: skip
    assert run.returncode == 0, run.stdout[-2000:]
    assert "plivo call-flow coverage" in run.stdout
    data = json.loads(out.read_text())
    survey = next(d for d in data["documents"] if d["document"] == "https://app.example/survey")
    getdigits = next(e for e in survey["elements"] if e["element"] == "/Response/GetDigits[1]")
    assert getdigits["branches"]["no input"] is False
    assert any(taken for name, taken in getdigits["branches"].items() if name.startswith("digits "))
    assert "/Response/GetDigits[1]: missing" in run.stdout


def test_without_the_option_the_plugin_reports_nothing() -> None:
    run = _run("-m", "pytest", "-q", "-p", "no:cacheprovider", cwd=ROOT / "examples" / "callcenter")
    assert run.returncode == 0 and "call-flow coverage" not in run.stdout


def test_the_html_page_escapes_names_and_marks_each_branch(tmp_path: Path) -> None:
    from lxml import html as lxml_html

    hostile = "https://app.example/<script>alert(1)</script>&x=\"'"
    sim = Simulation(
        urls={hostile: Response().add(GetDigits(CHOICE).add_speak("?")), CHOICE: Response().add_speak("ok")},
        coverage=True,
    )
    sim.call("caller", answer_url=hostile, hangup=30)
    sim.press("caller", "7", at=1)
    page = sim.run().coverage().to_html()
    tree = lxml_html.fromstring(page)
    assert not tree.xpath("//script")
    assert hostile in [h2.text_content().split(" \u2014 ")[0] for h2 in tree.xpath("//h2")]
    missing = [span.text_content() for span in tree.xpath('//span[@class="missing"]')]
    taken = [span.text_content() for span in tree.xpath('//span[@class="taken"]')]
    assert "\u2717 no input" in missing and "\u2713 digits" in taken


def test_the_plugin_writes_the_html_page(tmp_path: Path) -> None:
    page = tmp_path / "coverage.html"
    run = _run(
        "-m", "pytest", "-q", "-p", "no:cacheprovider", "--plivo-coverage-html", str(page),
        cwd=ROOT / "examples" / "callcenter",
    )  # fmt: skip
    assert run.returncode == 0, run.stdout[-2000:]
    assert "https://app.example/survey" in page.read_text() and "never run" in page.read_text()
