"""Scenario files, the ``simulate`` command, and the seed's examples as scenarios."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from plivoxml_plus import ScenarioError
from plivoxml_plus.cli import main
from plivoxml_plus.core import Simulation, load_scenario

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "examples" / "scenarios"


def run_json(path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main(["simulate", str(path), "--format", "json"]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


def hears(data: dict[str, Any], at: float) -> dict[str, list[str]]:
    (probe,) = [p for p in data["probes"] if p["at"] == at]
    heard: dict[str, list[str]] = probe["hears"]
    return heard


# -- the seed's conference examples ---------------------------------------------------------


def test_every_seed_conference_example_has_a_scenario():
    # (mpc-, ivr- and dial- scenarios are the other elements': test_mpc_scenarios, test_core_call_flow;
    # rest- ones are the REST API's: test_scenario_rest)
    names = {p.stem for p in SCENARIOS.glob("*.toml") if not p.stem.startswith(("mpc-", "ivr-", "dial-", "rest-"))}
    assert names == {
        "basic",
        "join-muted",
        "entry-exit-sounds",
        "moderated-meeting",
        "record-conference",
        "transcription",
        "exit-action",
        "bridge-two-callers",
    }


def test_scenario_basic(capsys):
    data = run_json(SCENARIOS / "basic.toml", capsys)
    assert hears(data, 2) == {"alice": []}
    assert hears(data, 30) == {"alice": ["bob"], "bob": ["alice"]}
    assert hears(data, 130) == {"bob": []}
    assert data["requests"] == []  # the seed's basic document asks for nothing


def test_scenario_join_muted(capsys):
    data = run_json(SCENARIOS / "join-muted.toml", capsys)
    assert hears(data, 25) == {"listener": ["speaker"], "speaker": []}


def test_scenario_entry_exit_sounds(capsys):
    data = run_json(SCENARIOS / "entry-exit-sounds.toml", capsys)
    sim = load_scenario(SCENARIOS / "entry-exit-sounds.toml").run()
    # fetched with POST (the Conference page), with the joining call's parameters
    jingle = {
        "CallUUID": sim.calls["jingle"].uuid,
        "From": "15550000002",
        "To": "15550000000",
        "CallerName": "15550000002",
        "Direction": "inbound",
        "CallStatus": "in-progress",
    }
    assert data["requests"] == [
        {
            "at": 10,
            "method": "POST",
            "url": "https://example.com/join-sound.xml",
            "params": jingle,
            "kind": "enter-sound",
            "call": "jingle",
            "status": None,
            "response": None,  # (no app: the document came from [urls])
            "seq": data["requests"][0]["seq"],
        }
    ]
    assert data["requests"][0]["seq"] == sim.requests[0].seq
    assert [e.text.split()[1] for e in sim.timeline if e.kind == "sound"] == [
        "beep:1",
        "https://example.com/join-sound.xml",
        "beep:2",
    ]


def test_scenario_moderated_meeting(capsys):
    data = run_json(SCENARIOS / "moderated-meeting.toml", capsys)
    waiting = next(p for p in data["probes"] if p["at"] == 35)
    assert waiting["hears"] == {"ann": [], "ben": []}
    assert waiting["instead"] == dict.fromkeys(("ann", "ben"), "waitSound:https://example.com/hold-music.xml")
    assert hears(data, 120) == {"ann": ["ben", "moderator"], "ben": ["ann", "moderator"], "moderator": ["ann", "ben"]}
    assert hears(data, 600) == {}  # "When they leave, everyone is disconnected."
    ended = {name: call["ended_at"] for name, call in data["calls"].items()}
    assert ended == dict.fromkeys(("ann", "ben", "moderator"), 600)
    assert [r["url"] for r in data["requests"]] == ["https://example.com/hold-music.xml"] * 2


def test_scenario_record_conference(capsys):
    data = run_json(SCENARIOS / "record-conference.toml", capsys)
    actions = [r["params"]["ConferenceAction"] for r in data["requests"]]
    assert actions == ["enter", "exit", "record"]
    record = data["requests"][-1]["params"]
    assert record["RecordingDuration"] == "285"  # from the start at 15 (second member) to the end at 300
    assert record["RecordUrl"].endswith(record["RecordingID"] + ".mp3")


def test_scenario_transcription(capsys):
    data = run_json(SCENARIOS / "transcription.toml", capsys)
    (request,) = data["requests"]
    assert request["url"] == "https://example.com/transcription/" and request["at"] == 230
    assert request["params"]["duration"] == "195"


def test_scenario_exit_action(capsys):
    data = run_json(SCENARIOS / "exit-action.toml", capsys)
    (action,) = data["requests"]
    assert (action["at"], action["method"], action["url"]) == (45, "POST", "https://example.com/conference-ended/")
    sim = load_scenario(SCENARIOS / "exit-action.toml").run()
    assert action["params"] == {
        "ConferenceName": "my-conference",
        "ConferenceUUID": sim.calls["caller"].memberships[0].conference_uuid,
        "ConferenceMemberID": "1",
        "CallUUID": sim.calls["caller"].uuid,
        "From": "15550000001",
        "To": "15550000000",
        "CallerName": "15550000001",
        "Direction": "inbound",
        "CallStatus": "in-progress",  # the caller pressed *: still up
    }
    caller = data["calls"]["caller"]
    assert {key: caller[key] for key in ("ended_at", "executed", "end_reason")} == {
        "ended_at": 46.6,
        "executed": ["Conference", "Speak", "Hangup"],
        "end_reason": sim.calls["caller"].end_reason,
    }
    assert [m["room"] for m in caller["memberships"]] == ["my-conference"]


def test_scenario_bridge_two_callers(capsys):
    data = run_json(SCENARIOS / "bridge-two-callers.toml", capsys)
    first = next(p for p in data["probes"] if p["at"] == 6)
    assert first["instead"] == {"first": "waitSound:https://example.com/hold.xml"}
    assert hears(data, 60) == {"first": ["second"], "second": ["first"]}
    alone_again = next(p for p in data["probes"] if p["at"] == 160)
    assert alone_again["instead"] == {"first": "waitSound:https://example.com/hold.xml"}


XML_FETCHES = {"action", "redirect", "wait-sound", "enter-sound", "exit-sound"}


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.toml")), ids=lambda p: p.stem)
def test_every_xml_fetch_of_the_seed_scenarios_shows_its_calls_parameters(path: Path, capsys):
    data = run_json(path, capsys)
    sim = load_scenario(path).run()
    for shown, request in zip(data["requests"], sim.requests, strict=True):
        assert (shown["method"], shown["url"], shown["params"]) == (request.method, request.url, request.params)
        if request.kind in XML_FETCHES:
            assert request.call is not None
            record = sim.calls[request.call]
            status = "completed" if record.ended_at is not None and request.at >= record.ended_at else "in-progress"
            assert {key: shown["params"][key] for key in ("CallUUID", "From", "To", "Direction", "CallStatus")} == {
                "CallUUID": record.uuid,
                "From": record.from_,
                "To": "15550000000",  # inbound calls to the app's number, by default
                "Direction": "inbound",
                "CallStatus": status,
            }
        if request.kind in ("enter-sound", "exit-sound", "wait-sound"):
            assert shown["method"] == "POST"


def test_the_seed_scenarios_make_every_kind_of_xml_fetch_they_can():
    kinds = {r.kind for path in SCENARIOS.glob("*.toml") for r in load_scenario(path).run().requests}
    # (the seed has no Redirect and no exitSound URL)
    assert kinds & XML_FETCHES == {"action", "wait-sound", "enter-sound"}


# -- determinism and the output format ------------------------------------------------------


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.toml")), ids=lambda p: p.stem)
def test_json_output_is_byte_identical_across_runs(path: Path):
    first = load_scenario(path).run().report("json")
    second = load_scenario(path).run().report("json")
    assert first == second
    data = json.loads(first)
    # issue 18 added clock_at, events_processed, app, timeline; a request's response and seq;
    # issue 20 lanes, rooms, hearing, failures, signature_headers
    assert set(data) == {
        "requests", "probes", "calls", "notes", "timeline", "clock_at", "events_processed", "app",
        "lanes", "rooms", "hearing", "failures", "signature_headers",
    }  # fmt: skip
    for request in data["requests"]:
        assert set(request) == {"at", "method", "url", "params", "kind", "call", "status", "response", "seq"}
        assert all(isinstance(v, str) for v in request["params"].values())
    for probe in data["probes"]:
        assert all(heard == sorted(heard) for heard in probe["hears"].values())


GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("*.json")), ids=lambda p: p.stem)
def test_conference_json_is_as_it_was_before_the_bridge_but_for_the_added_fields(path: Path):
    """The golden files are the JSON reports of the Conference scenarios as the
    simulator wrote them before the bridge (issue 9); since then a request only
    gained ``kind`` and ``call`` (issue 9), ``status`` (issue 11: null, no app answered),
    ``response`` (null too) and ``seq`` (issue 18); the
    report gained ``clock_at``, ``events_processed``, ``app`` (null: no app), ``timeline``,
    and each call the facts of its record (issue 18), ``lanes``, ``rooms``, ``hearing``,
    ``failures`` and ``signature_headers`` (issue 20); and nothing else may change."""
    data = json.loads(load_scenario(SCENARIOS / f"{path.stem}.toml").run().report("json"))
    sim = load_scenario(SCENARIOS / f"{path.stem}.toml").run()
    assert [(r["kind"], r["call"], r["seq"]) for r in data["requests"]] == [
        (r.kind, r.call, r.seq) for r in sim.requests
    ]
    for request in data["requests"]:
        assert request.pop("status") is None and request.pop("response") is None
        del request["kind"], request["call"], request["seq"]
    # issue 20: the lanes the HTML report draws (tests/test_report_html.py checks them) and no failure
    assert set(data.pop("lanes")) == set(sim.calls) and data.pop("failures") == []
    assert data.pop("signature_headers") == []  # (no app was sent a request)
    assert isinstance(data.pop("rooms"), list) and isinstance(data.pop("hearing"), list)
    assert data.pop("app") is None
    assert data.pop("clock_at") == sim.now and data.pop("events_processed") == sim.events_processed
    assert [e["seq"] for e in data.pop("timeline")] == [e.seq for e in sim.timeline]
    for name, call in data["calls"].items():
        assert call.pop("end_reason") == sim.calls[name].end_reason and call.pop("uuid") == sim.calls[name].uuid
        for key in ("from", "to", "direction", "answer_at", "memberships", "inputs", "overflows"):
            del call[key]
    assert data == json.loads(path.read_text(encoding="utf-8"))


def test_json_output_is_identical_in_a_fresh_interpreter():
    path = SCENARIOS / "moderated-meeting.toml"
    command = [sys.executable, "-m", "plivoxml_plus", "simulate", str(path), "--format", "json"]
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout == load_scenario(path).run().report("json")


def test_text_format_is_a_timeline(capsys):
    assert main(["simulate", str(SCENARIOS / "exit-action.toml")]) == 0
    out = capsys.readouterr().out
    assert "pressed '*'" in out and "-> POST https://example.com/conference-ended/ [action]" in out
    assert "Who hears whom" in out and "caller  ended at t=46.6" in out


# -- bad scenario files: exit 2 with FILE:LINE: message ---------------------------------------


GOOD_CALL = "[[call]]\nname = 'a'\nanswer = '<Response><Conference>r</Conference></Response>'\nat = 0\n"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("until = 10\nbogus = 1\n", 2, "unknown key 'bogus' in the scenario"),
        (GOOD_CALL + "colour = 'red'\n", 5, "unknown key 'colour' in [[call]]"),
        (GOOD_CALL + "hangup = -5\n", 5, "finite number of seconds >= 0"),
        (GOOD_CALL + "hangup = 'later'\n", 5, "must be a finite number of seconds"),
        ("until = 10\n" + GOOD_CALL.replace("at = 0", "at = 30") + "hangup = 20\n", 6, "before it is answered"),
        (GOOD_CALL + "digits = [{ at = 5, press = '12' }, { at = 6, press = 'x' }]\n", 5, "press must be"),
        (GOOD_CALL + "digits = [\n  { at = 5, press = '1' },\n  { at = 6, key = '2' },\n]\n", 7, "unknown key 'key'"),
        (GOOD_CALL + "hangup = 10\ndigits = [{ at = 50, press = '1' }]\n", 6, "after the caller hangs up"),
        (GOOD_CALL + "talk = [{ from = 10, to = 20 }, { from = 15, to = 30 }]\n", 5, "overlap"),
        (GOOD_CALL + "talk = [{ from = 10, to = 5 }]\n", 5, "must end after it starts"),
        (GOOD_CALL + "[[digits]]\ncall = 'zed'\nat = 5\npress = '1'\n", 6, "unknown call 'zed'"),
        (GOOD_CALL + GOOD_CALL, 6, "already a call named 'a'"),
        ('[[call]]\nname = "a"\nanswer = "<Response><Conference>r</Conf></Response>"\n', 3, "invalid XML"),
        (
            '[[call]]\nname = "a"\nanswer = """\n<Response>\n'
            '  <Conference maxMembers="99">r</Conference>\n</Response>\n"""\n',
            5,
            "maxMembers",
        ),
        ('[[call]]\nname = "a"\nanswer = "missing.xml"\n', 3, "cannot read"),
        ('[[call]]\nname = "a"\n', 1, "needs answer"),
        ("[call]\nname = 'a'\n", 1, "array of tables"),
        (GOOD_CALL + "[[probe]]\nat = -1\n", 6, "probe at"),
        (GOOD_CALL + "[options]\nhorizon = 5\nmax_members_from = 'last'\n", 7, "max_members_from"),
        (GOOD_CALL + "[options]\nnope = true\n", 6, "unknown key 'nope' in [options]"),
        (GOOD_CALL + "[durations]\nplay = { 'https://example.com/a.mp3' = 0 }\n", 6, "play_seconds"),
        ("until = [1, 2\n", 1, "invalid TOML"),
        (
            GOOD_CALL.replace("Conference>r</Conference", 'MultiPartyCall>m</MultiPartyCall'),
            3,
            "role",
        ),
    ],
    ids=lambda value: value if isinstance(value, int) else None,
)
def test_bad_scenarios_exit_2_with_file_and_line(tmp_path: Path, capsys, text: str, line: int, message: str):
    path = tmp_path / "bad.toml"
    path.write_text(text)
    assert main(["simulate", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{path}:{line}: "), err
    assert message.lower() in err.lower(), err


def test_an_invalid_xml_file_is_reported_at_its_own_line(tmp_path: Path, capsys):
    (tmp_path / "a.xml").write_text('<Response>\n  <Conference muted="yes">r</Conference>\n</Response>\n')
    path = tmp_path / "s.toml"
    path.write_text('[[call]]\nname = "a"\nanswer = "a.xml"\n')
    assert main(["simulate", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{tmp_path / 'a.xml'}:2: "), err
    assert "muted" in err


def test_a_missing_scenario_file_exits_2(tmp_path: Path, capsys):
    assert main(["simulate", str(tmp_path / "nope.toml")]) == 2
    assert "cannot read the scenario" in capsys.readouterr().err


def test_load_scenario_raises_scenario_error_with_path_and_line(tmp_path: Path):
    path = tmp_path / "bad.toml"
    path.write_text(GOOD_CALL + "hangup = -1\n")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert (caught.value.path, caught.value.line) == (str(path), 5)


def test_scenario_inputs_options_and_durations(tmp_path: Path):
    path = tmp_path / "s.toml"
    path.write_text(
        """
until = 100
[[call]]
name = "a"
answer = '<Response><Conference callbackUrl="https://example.com/cb" digitsMatch="12">r</Conference><Play>https://example.com/x.mp3</Play></Response>'
at = 0
[[call]]
name = "b"
answer = '<Response><Conference hangupOnStar="true">r</Conference><Play>https://example.com/x.mp3</Play></Response>'
at = 1
[[digits]]
call = "a"
at = 10
press = "12"
[[call.talk]]
from = 2
to = 3
[[talk]]
call = "a"
from = 20
to = 30
[options]
start_requires_two = true
[durations]
play = { "https://example.com/x.mp3" = 4 }
"""
    )
    scenario = load_scenario(path)
    assert scenario.until == 100 and scenario.durations.play_seconds == {"https://example.com/x.mp3": 4}
    sim = scenario.run()
    assert isinstance(sim, Simulation) and sim.now == 100
    assert [r.params["ConferenceDigitsMatch"] for r in sim.callbacks("digits")] == ["12"]
    assert [e.call for e in sim.timeline if e.kind == "floor"] == ["b", "a"]


def test_urls_may_name_files_next_to_the_scenario(tmp_path: Path):
    (tmp_path / "hold.xml").write_text("<Response><Play>https://example.com/m.mp3</Play></Response>")
    path = tmp_path / "s.toml"
    path.write_text(
        GOOD_CALL.replace("<Conference>", '<Conference waitSound="https://example.com/hold.xml">')
        + 'hangup = 5\n[urls]\n"https://example.com/hold.xml" = "hold.xml"\n[[probe]]\nat = 1\n'
    )
    sim = load_scenario(path).run()
    assert sim.probes[0].audibility.instead("a") == "waitSound:https://example.com/hold.xml"
    path.write_text(GOOD_CALL + '[urls]\n"https://example.com/hold.xml" = "gone.xml"\n')
    with pytest.raises(ScenarioError, match="cannot read") as caught:
        load_scenario(path)
    assert caught.value.line == 6
