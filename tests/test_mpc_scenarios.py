"""The seed's MultiPartyCall examples as scenario files (examples/scenarios/mpc-*.toml).

Each scenario runs through ``load_scenario(path).run()`` and through the
``simulate`` command; the tests assert the events the design (rules M1-M8 of
docs/rules.md) says each one produces.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from plivoxml_plus.cli import main
from plivoxml_plus.core import load_scenario

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "examples" / "scenarios"
MPC_SCENARIOS = sorted(SCENARIOS.glob("mpc-*.toml"))

EVENTS_URL = "https://example.com/mpc-events/"
COMMON = {"EventName", "EventTimestamp", "SequenceNumber", "MPCUUID", "MPCName"}
PARTICIPANT = COMMON | {
    "MemberID",
    "ParticipantRole",
    "ParticipantCallUUID",
    "ParticipantCoachMode",
    "ParticipantCallFrom",
    "ParticipantCallTo",
    "ParticipantCallDirection",
}
MPC_END = COMMON | {
    "MPCDuration",
    "MPCBilledDuration",
    "MPCBilledAmount",
    "MPCTerminationCause",
    "MPCTerminationCauseCode",
}
RECORDING = COMMON | {"RecordingUUID", "RecordingURL", "RecordingResourceURL", "RecordingFormat"}
CALL_PARAMS = {"CallUUID", "From", "To", "CallerName", "Direction", "CallStatus"}


def outcome(call: dict[str, object]) -> dict[str, object]:
    """Where a call of the JSON report went (it says more since issue 18: its rooms, inputs...)."""
    return {key: call[key] for key in ("ended_at", "executed")}


def run_json(name: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main(["simulate", str(SCENARIOS / f"{name}.toml"), "--format", "json"]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


def probe(data: dict[str, Any], at: float) -> dict[str, Any]:
    (found,) = [p for p in data["probes"] if p["at"] == at]
    return dict(found)


def of_kind(data: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [r for r in data["requests"] if r["kind"] == kind]


def events(data: dict[str, Any], kind: str = "status-callback") -> list[tuple[float, str, str | None]]:
    """(at, EventName, the participant's call) of each request of ``kind``."""
    return [(r["at"], r["params"]["EventName"], r["call"]) for r in of_kind(data, kind)]


def test_every_seed_mpc_example_has_a_scenario():
    assert {p.stem for p in MPC_SCENARIOS} == {
        "mpc-supervisor-coaching",
        "mpc-recording",
        "mpc-custom-hold-music",
        "mpc-on-exit-action",
        "mpc-status-callback-events",
    }


# -- Supervisor Coach Mode ------------------------------------------------------------------


def test_supervisor_coaching_status_events_m1_m4_m5(capsys):
    data = run_json("mpc-supervisor-coaching", capsys)
    assert events(data) == [
        (0, "MPCInitialized", None),
        (0, "ParticipantJoin", "agent"),
        (0, "MPCStart", None),  # M1: the agent (startMpcOnEnter) starts it, alone
        (5, "ParticipantJoin", "customer"),
        (20, "ParticipantJoin", "supervisor"),
        (90, "ParticipantCoachModeStop", "supervisor"),  # M4: the API turned coach mode off
        (120, "ParticipantExit", "supervisor"),
        (150, "ParticipantExit", "customer"),
        (150, "ParticipantExit", "agent"),  # M5: stayAlone=false, the agent was left alone
        (150, "MPCEnd", None),
    ]
    requests = of_kind(data, "status-callback")
    assert all((r["method"], r["url"]) == ("POST", EVENTS_URL) for r in requests)
    assert [r["params"]["SequenceNumber"] for r in requests] == [str(n) for n in range(1, 11)]
    sim = load_scenario(SCENARIOS / "mpc-supervisor-coaching.toml").run()
    joins = {r["call"]: r["params"] for r in requests if r["params"]["EventName"] == "ParticipantJoin"}
    assert {name: (p["MemberID"], p["ParticipantRole"], p["ParticipantCoachMode"]) for name, p in joins.items()} == {
        "agent": ("1", "Agent", "false"),
        "customer": ("2", "Customer", "false"),
        "supervisor": ("3", "Supervisor", "true"),
    }
    for name, params in joins.items():
        assert set(params) == PARTICIPANT  # M7: no call parameters on a status callback
        assert params["ParticipantCallUUID"] == sim.calls[name].uuid
    stop = requests[5]["params"]
    assert (stop["ParticipantCoachMode"], stop["EventTimestamp"]) == ("false", "2024-01-01 00:01:30+00:00")
    end = requests[-1]["params"]
    assert set(end) == MPC_END
    assert (end["MPCDuration"], end["MPCTerminationCause"], end["MPCTerminationCauseCode"]) == (
        "150",
        "Stay Alone Not Permitted",
        "1010",
    )
    assert {name: outcome(call) for name, call in data["calls"].items()} == {
        "agent": {"ended_at": 150, "executed": ["MultiPartyCall"]},
        "customer": {"ended_at": 150, "executed": ["MultiPartyCall"]},
        "supervisor": {"ended_at": 120, "executed": ["MultiPartyCall"]},
    }


def test_supervisor_coaching_who_hears_whom_m2(capsys):
    data = run_json("mpc-supervisor-coaching", capsys)
    assert probe(data, 10)["hears"] == {"agent": ["customer"], "customer": ["agent"]}
    coaching = probe(data, 60)
    # M2: the coaching supervisor hears everyone; the agent hears them, the customer does not
    assert coaching["hears"] == {
        "agent": ["customer", "supervisor"],
        "customer": ["agent"],
        "supervisor": ["agent", "customer"],
    }
    assert coaching["instead"] == {}
    # M4: after the API turned coach mode off, the customer hears the supervisor too
    assert probe(data, 100)["hears"] == {
        "agent": ["customer", "supervisor"],
        "customer": ["agent", "supervisor"],
        "supervisor": ["agent", "customer"],
    }


def test_supervisor_coaching_coach_mode_change_beeps_m4():
    sim = load_scenario(SCENARIOS / "mpc-supervisor-coaching.toml").run()
    beeps = [e for e in sim.timeline if e.at == 90 and "beep:1" in e.text]
    assert len(beeps) == 1 and "coach mode" in beeps[0].text


# -- MPC Recording --------------------------------------------------------------------------


def test_recording_events_exclude_the_pause_m7(capsys):
    data = run_json("mpc-recording", capsys)
    assert events(data, "recording-callback") == [
        (0, "MPCRecordingInitiated", None),
        (60, "MPCRecordingPaused", None),
        (90, "MPCRecordingResumed", None),
        (200, "MPCRecordingCompleted", None),  # the MPC ended (stayAlone=false)
    ]
    requests = of_kind(data, "recording-callback")
    assert all((r["method"], r["url"]) == ("GET", "https://example.com/recording-ready/") for r in requests)
    assert of_kind(data, "status-callback") == []  # no statusCallbackUrl
    recording_uuid = requests[0]["params"]["RecordingUUID"]
    for number, request in enumerate(requests, start=1):
        params = request["params"]
        assert set(params) >= RECORDING
        assert params["SequenceNumber"] == str(number)
        assert params["RecordingUUID"] == recording_uuid
        assert params["RecordingFormat"] == "mp3"
        assert params["RecordingURL"].endswith(recording_uuid + ".mp3")
        assert params["MPCName"] == "recorded-call"
    for request in requests[:-1]:
        assert "RecordingDuration" not in request["params"] and "RecordingEndTime" not in request["params"]
    completed = requests[-1]["params"]
    # recorded 0-60 and 90-200: 170 s, the 30 s pause left out
    assert completed["RecordingDuration"] == "170"
    assert completed["RecordingStartTime"] == "2024-01-01 00:00:00+00:00"
    assert completed["RecordingEndTime"] == "2024-01-01 00:03:20+00:00"
    assert outcome(data["calls"]["agent"]) == {"ended_at": 200, "executed": ["MultiPartyCall"]}


# -- Custom Hold Music ----------------------------------------------------------------------


def test_custom_hold_music_m1_m3(capsys):
    data = run_json("mpc-custom-hold-music", capsys)
    waiting = probe(data, 10)
    assert waiting["hears"] == {"customer": []}
    assert waiting["instead"] == {"customer": "waitMusic:https://example.com/wait-music.xml"}  # M1
    assert probe(data, 30) == {"at": 30, "hears": {"agent": ["customer"], "customer": ["agent"]}, "instead": {}}
    held = probe(data, 50)  # M3: on hold, the customer hears neither hears nor is heard
    assert held["hears"] == {"agent": [], "customer": []}
    assert held["instead"] == {"customer": "holdMusic:https://example.com/customer-hold.xml"}
    agent_held = probe(data, 75)
    assert agent_held["hears"] == {"agent": [], "customer": []}
    assert agent_held["instead"] == {"agent": "holdMusic:https://example.com/agent-hold.xml"}
    assert probe(data, 90)["instead"] == {}
    assert probe(data, 90)["hears"] == {"agent": ["customer"], "customer": ["agent"]}
    fetches = [(r["at"], r["kind"], r["method"], r["url"], r["call"]) for r in data["requests"]]
    assert fetches == [
        (0, "wait-music", "GET", "https://example.com/wait-music.xml", "customer"),
        (40, "hold-music", "GET", "https://example.com/customer-hold.xml", "customer"),
        (70, "hold-music", "GET", "https://example.com/agent-hold.xml", "agent"),
    ]
    sim = load_scenario(SCENARIOS / "mpc-custom-hold-music.toml").run()
    for request in data["requests"]:
        assert set(request["params"]) == CALL_PARAMS  # a sound document fetch carries the call's parameters
        assert request["params"]["CallUUID"] == sim.calls[request["call"]].uuid
    assert data["notes"] == []  # the customer wrote the same MPC-level attributes as the agent


# -- On Exit Action -------------------------------------------------------------------------


def test_on_exit_action_continues_the_call_m5_m6(capsys):
    data = run_json("mpc-on-exit-action", capsys)
    sim = load_scenario(SCENARIOS / "mpc-on-exit-action.toml").run()
    (action,) = data["requests"]
    assert (action["at"], action["kind"], action["method"], action["url"], action["call"]) == (
        60,
        "exit-action",
        "POST",
        "https://example.com/post-call-survey/",
        "customer",
    )
    params = action["params"]
    mpc_keys = ["MPCUUID", "MPCFriendlyName", "MemberID", "ParticipantCallUUID"]
    mpc_keys += ["ParticipantJoinTime", "ParticipantEndTime", "ParticipantRole"]
    assert set(params) == set(mpc_keys) | CALL_PARAMS
    customer = sim.calls["customer"].uuid
    assert {key: params[key] for key in mpc_keys[1:]} == {
        "MPCFriendlyName": "support-call",
        "MemberID": "2",
        "ParticipantCallUUID": customer,
        "ParticipantJoinTime": "2024-01-01 00:00:05+00:00",
        "ParticipantEndTime": "2024-01-01 00:01:00+00:00",
        "ParticipantRole": "Customer",
    }
    assert (params["CallUUID"], params["CallStatus"]) == (customer, "in-progress")  # still up
    assert outcome(data["calls"]["customer"]) == {"ended_at": 65.2, "executed": ["MultiPartyCall", "Speak"]}
    assert outcome(data["calls"]["agent"]) == {"ended_at": 60, "executed": ["MultiPartyCall"]}
    exits = [e.text for e in sim.timeline if e.call == "customer" and "left MPC" in e.text]
    assert len(exits) == 1 and exits[0].endswith("Multiparty Call Ended")


def test_exit_action_params_are_in_the_documented_order_m6():
    keys = list(load_scenario(SCENARIOS / "mpc-on-exit-action.toml").run().requests[0].params)
    assert keys[:7] == [
        "MPCUUID",
        "MPCFriendlyName",
        "MemberID",
        "ParticipantCallUUID",
        "ParticipantJoinTime",
        "ParticipantEndTime",
        "ParticipantRole",
    ]
    assert set(keys[7:]) == CALL_PARAMS


# -- Status Callback Events -----------------------------------------------------------------


def test_status_callback_events_are_filtered_by_group_m7(capsys):
    data = run_json("mpc-status-callback-events", capsys)
    assert events(data) == [
        (0, "MPCInitialized", None),
        (0, "ParticipantJoin", "agent"),
        (0, "MPCStart", None),
        (5, "ParticipantJoin", "customer"),
        (10, "ParticipantSpeakStart", "agent"),
        (14, "ParticipantSpeakStop", "agent"),
        (20, "ParticipantSpeakStart", "customer"),
        (25, "ParticipantSpeakStop", "customer"),
        (30, "ParticipantMute", "customer"),
        # 35-40: the muted customer talks, unheard: no speak events
        (45, "ParticipantUnmute", "customer"),
        # 50: digits, and 60/63: the add API's events: groups not asked for
        (63, "ParticipantJoin", "agent2"),
        (80, "ParticipantExit", "agent2"),
        (100, "ParticipantExit", "customer"),
        (100, "ParticipantExit", "agent"),
        (100, "MPCEnd", None),
    ]
    requests = of_kind(data, "status-callback")
    assert len(data["requests"]) == len(requests)  # nothing else is requested
    names = {r["params"]["EventName"] for r in requests}
    assert not names & {
        "ParticipantDigitInput",
        "AddParticipantByAPIActionInitiated",
        "AddParticipantByAPIActionCompleted",
        "ParticipantHold",
        "ParticipantUnhold",
    }
    assert [r["params"]["SequenceNumber"] for r in requests] == [str(n) for n in range(1, len(requests) + 1)]
    for request in requests:
        params = request["params"]
        expected = MPC_END if params["EventName"] == "MPCEnd" else PARTICIPANT if request["call"] else COMMON
        assert set(params) == expected, params["EventName"]
        assert params["MPCName"] == "my-mpc"
    sim = load_scenario(SCENARIOS / "mpc-status-callback-events.toml").run()
    added = next(r["params"] for r in requests if r["call"] == "agent2")
    assert (added["MemberID"], added["ParticipantRole"], added["ParticipantCallUUID"]) == (
        "3",
        "Agent",
        sim.calls["agent2"].uuid,
    )
    # the filtered events still happened (the timeline shows them)
    shown = [e.text.split()[0] for e in sim.timeline]
    assert shown.count("ParticipantDigitInput") == 2  # one per digit of "12"
    assert "AddParticipantByAPIActionInitiated" in shown and "AddParticipantByAPIActionCompleted" in shown
    assert any("relayed to agent" in e.text for e in sim.timeline)  # relayDTMFInputs
    assert probe(data, 37)["hears"] == {"agent": [], "customer": ["agent"]}  # M3: muted, heard by no one
    assert outcome(data["calls"]["agent2"]) == {"ended_at": 80, "executed": ["MultiPartyCall"]}


# -- every MPC scenario: determinism, the JSON shape, the text timeline ---------------------


@pytest.mark.parametrize("path", MPC_SCENARIOS, ids=lambda p: p.stem)
def test_mpc_json_is_byte_identical_across_runs(path: Path):
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
    assert data["requests"]
    for request in data["requests"]:
        assert set(request) == {"at", "method", "url", "params", "kind", "call", "status", "response", "seq"}
        assert all(isinstance(v, str) for v in request["params"].values())


@pytest.mark.parametrize("path", MPC_SCENARIOS, ids=lambda p: p.stem)
def test_mpc_json_and_the_simulation_agree(path: Path, capsys):
    assert main(["simulate", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    sim = load_scenario(path).run()
    assert [(r["at"], r["method"], r["url"], r["params"], r["kind"], r["call"]) for r in data["requests"]] == [
        (r.at, r.method, r.url, r.params, r.kind, r.call) for r in sim.requests
    ]


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("mpc-supervisor-coaching", ["MPCInitialized", "MPCStart", "ParticipantCoachModeStop", "MPCEnd"]),
        ("mpc-recording", ["MPCStart", "[recording-callback]", "EventName=MPCRecordingCompleted", "MPCEnd"]),
        ("mpc-custom-hold-music", ["[wait-music]", "[hold-music]", "ParticipantHold", "ParticipantUnhold"]),
        ("mpc-on-exit-action", ["-> POST https://example.com/post-call-survey/ [exit-action]", "MPCEnd"]),
        ("mpc-status-callback-events", ["ParticipantSpeakStart", "ParticipantMute", "[status-callback]"]),
    ],
)
def test_simulate_prints_a_timeline_with_mpc_events(name: str, shown: list[str], capsys):
    assert main(["simulate", str(SCENARIOS / f"{name}.toml")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Simulation: ")
    assert "Who hears whom" in out and "Calls" in out
    for text in shown:
        assert text in out, text


@pytest.mark.parametrize("path", MPC_SCENARIOS, ids=lambda p: p.stem)
def test_every_mpc_request_carries_only_what_its_route_states(path: Path):
    """Each request's parameters are among those ``ROUTES`` (and docs/rules.md,
    "Requests") state for its kind; a route that adds no call parameters adds none."""
    from plivoxml_plus.core.platform._requests import CALL_PARAMS, ROUTES

    sim = load_scenario(path).run()
    assert sim.requests
    for request in sim.requests:
        routes = [route for route in ROUTES.values() if route.kind == request.kind]
        own = set().union(*(route.own for route in routes))
        adds_call = any(route.adds_call_params(sim.options) for route in routes)
        allowed = own | (set(CALL_PARAMS) if adds_call else set())
        assert set(request.params) <= allowed, (request.kind, set(request.params) - allowed)
        if not adds_call:
            assert not set(request.params) & (set(CALL_PARAMS) - own), request.kind
