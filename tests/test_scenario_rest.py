"""Scenario files: ``[[rest]]`` entries (issue 18, item 1), REST API requests made
at a time and answered by the simulation's REST API: the same route table and
handlers that answer plivo-python's RestClient.

Each kind of entry is run and its effect read from the simulation (who hears
whom, call records, requests, the timeline); bad entries are ScenarioErrors at
FILE:LINE, when the file is read or, for a refusal the API answers, when the
entry is sent. The property of docs/simulation.md ("One way to change a call"):
one scenario driven four ways (the Python API, ``[[api]]`` entries, ``[[rest]]``
entries and plivo-python's RestClient) gives the same JSON report, but for the
``rest`` timeline events (the answers a ``[[rest]]`` entry records), the
sequence numbers they shift and the count of clock events (one more per entry).
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plivoxml_plus import ScenarioError, Simulation
from plivoxml_plus.core import load_scenario
from plivoxml_plus.core._rest_control import _MPC_ATTRIBUTES
from plivoxml_plus.core.platform.rest import ROUTES
from plivoxml_plus.core.scenario._scenario import SCENARIO_KEYS

BASE = "https://app.example"
WAITS = "<Response><Speak>hello</Speak><Wait length='300'/></Response>"
CONFERENCE = "<Response><Conference>room</Conference></Response>"


def write(tmp_path: Path, text: str, name: str = "rest.toml") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def run(tmp_path: Path, text: str) -> Simulation:
    return load_scenario(write(tmp_path, text)).run()


def rest_events(sim: Simulation) -> list[tuple[float, str]]:
    return [(e.at, e.text) for e in sim.timeline if e.kind == "rest"]


def statuses(sim: Simulation) -> list[tuple[float, str]]:
    """When each [[rest]] entry was answered, and the status."""
    return [(at, text.split(": ", 1)[1][:3]) for at, text in rest_events(sim)]


def with_alice(tmp_path: Path, until: int, entries: str) -> Simulation:
    """``entries`` run beside one call, alice, that speaks then waits 300 s."""
    return run(tmp_path, f"until = {until}\n" + calls(("alice", WAITS)) + entries)


def calls(*pairs: tuple[str, str]) -> str:
    """[[call]] entries: (name, answer document), each answered at 0."""
    return "".join(f'[[call]]\nname = "{name}"\nanswer = "{answer}"\n' for name, answer in pairs)


# -- each kind of entry -------------------------------------------------------------------


def test_the_keys_are_declared_once():
    assert SCENARIO_KEYS["[[rest]]"] == ("at", "method", "path", "params", "expect")
    assert "rest" in SCENARIO_KEYS[""]


def test_calls_create_places_a_call_that_fetches_its_answer_url(tmp_path: Path):
    sim = run(
        tmp_path,
        "until = 30\n"
        f'[urls]\n"{BASE}/agent" = "{WAITS}"\n'
        '[[rest]]\nat = 4\nmethod = "POST"\npath = "Call"\n'
        f'params = {{ from = "14155550100", to = "14155550123", answer_url = "{BASE}/agent" }}\n'
        "expect = 201\n",
    )
    placed = sim.calls["rest-call-1"]
    assert (placed.to, placed.from_, placed.direction) == ("14155550123", "14155550100", "outbound")
    assert placed.answer_at == 9  # rung for add_participant_ring (5 s), as a call the API places
    assert [r.url for r in sim.requests] == [f"{BASE}/agent"]
    ((at, text),) = rest_events(sim)
    assert at == 4 and text.startswith('REST POST /Call/: 201 {"api_id": ')
    assert '"message": "call fired"' in text


def test_calls_get_transfer_send_digits_and_hangup_act_on_the_named_call(tmp_path: Path):
    sim = with_alice(
        tmp_path,
        60,
        f'[urls]\n"{BASE}/moved" = "<Response><Speak>moved</Speak><Wait length=\'300\'/></Response>"\n'
        '[[rest]]\nat = 5\nmethod = "GET"\npath = "Call/{uuid:alice}/"\nparams = { status = "live" }\n'
        '[[rest]]\nat = 10\nmethod = "POST"\npath = "Call/{uuid:alice}/DTMF/"\nparams = { digits = "12" }\n'
        '[[rest]]\nat = 20\nmethod = "POST"\npath = "Call/{uuid:alice}"\n'
        f'params = {{ legs = "aleg", aleg_url = "{BASE}/moved" }}\nexpect = 202\n'
        '[[rest]]\nat = 40\nmethod = "DELETE"\npath = "Call/{uuid:alice}"\nexpect = 204\n',
    )
    alice = sim.calls["alice"]
    assert statuses(sim) == [(5, "200"), (10, "202"), (20, "202"), (40, "204")]
    assert f'"call_uuid": "{alice.uuid}"' in rest_events(sim)[0][1]
    assert [e.text for e in sim.timeline if e.kind == "api" and e.at == 10] == ["REST send_digits '12'"]
    assert [r.url for r in sim.requests] == [f"{BASE}/moved"]  # the transfer fetched the new document
    assert alice.executed == ["Speak", "Wait", "Speak", "Wait"]
    assert alice.ended_at == 40 and "REST API" in (alice.end_reason or "")


def test_calls_play_and_speak_start_and_stop(tmp_path: Path):
    sim = with_alice(
        tmp_path,
        60,
        '[[rest]]\nat = 5\nmethod = "POST"\npath = "Call/{uuid:alice}/Play"\n'
        'params = { urls = "https://example.com/tune.mp3", length = 20 }\nexpect = 202\n'
        '[[rest]]\nat = 8\nmethod = "DELETE"\npath = "Call/{uuid:alice}/Play"\nexpect = 204\n'
        '[[rest]]\nat = 10\nmethod = "POST"\npath = "Call/{uuid:alice}/Speak"\n'
        'params = { text = "a long sentence that is still being spoken two seconds later" }\n'
        '[[rest]]\nat = 12\nmethod = "DELETE"\npath = "Call/{uuid:alice}/Speak"\n',
    )
    assert statuses(sim) == [(5, "202"), (8, "204"), (10, "202"), (12, "204")]
    # nothing refused, and nothing was left playing for the stop to find
    assert not [n for n in sim.notes if "REST" in n.text]


MPC = "<Response><MultiPartyCall role='{role}'>support</MultiPartyCall></Response>"


def test_mpc_entries_add_update_kick_and_record(tmp_path: Path):
    sim = load_scenario(
        write(
            tmp_path,
            "until = 30\n"
            + calls(("agent", MPC.format(role="Agent")), ("customer", MPC.format(role="Customer")))
            + '[[rest]]\nat = 2\nmethod = "POST"\npath = "MultiPartyCall/name_support/Participant"\n'
            'params = { role = "Supervisor", from = "14155550100", to = "14155550123", coach_mode = true }\n'
            "expect = 201\n"
            '[[rest]]\nat = 10\nmethod = "POST"\npath = "MultiPartyCall/name_support/Participant/{member:customer}"\n'
            "params = { hold = true }\n"
            '[[rest]]\nat = 12\nmethod = "POST"\npath = "MultiPartyCall/name_support/Record"\n'
            '[[rest]]\nat = 14\nmethod = "POST"\npath = "MultiPartyCall/name_support/Record/Pause"\n'
            '[[rest]]\nat = 16\nmethod = "DELETE"\npath = "MultiPartyCall/name_support/Record"\n'
            '[[rest]]\nat = 20\nmethod = "DELETE"\n'
            'path = "MultiPartyCall/name_support/Participant/{member:rest-call-1}"\n'
            "expect = 204\n",
        )
    ).simulation()
    sim.run(until=8)
    assert sim.hears()["agent"] == {"customer", "rest-call-1"} and sim.hears()["customer"] == {"agent"}
    sim.run(until=11)
    assert sim.hears()["customer"] == frozenset()  # on hold
    sim.run(until=30)
    recording = [e.text for e in sim.timeline if e.kind == "api" and "recording" in e.text]
    assert recording == [f"API recording {a} on MPC 'support'" for a in ("start", "pause", "stop")]
    (stay,) = sim.calls["rest-call-1"].memberships
    assert (stay.left_at, stay.exit_reason) == (20, "Kicked Out of Multiparty Call")


def test_conference_entries_mute_deaf_kick_record_and_hang_up(tmp_path: Path):
    sim = load_scenario(
        write(
            tmp_path,
            "until = 60\n"
            + calls(("a", CONFERENCE), ("b", CONFERENCE), ("c", CONFERENCE))
            + '[[rest]]\nat = 5\nmethod = "POST"\npath = "Conference/room/Member/{member:a}/Mute"\n'
            '[[rest]]\nat = 6\nmethod = "POST"\npath = "Conference/room/Member/{member:b}/Deaf"\n'
            '[[rest]]\nat = 7\nmethod = "POST"\npath = "Conference/room/Record"\n'
            '[[rest]]\nat = 9\nmethod = "DELETE"\npath = "Conference/room/Record"\n'
            '[[rest]]\nat = 10\nmethod = "POST"\npath = "Conference/room/Member/{member:c}/Kick"\n'
            '[[rest]]\nat = 20\nmethod = "DELETE"\npath = "Conference/room"\n',
        )
    ).simulation()
    sim.run(until=8)
    assert sim.hears() == {"a": {"b", "c"}, "b": frozenset(), "c": {"b"}}  # a muted, b deaf
    sim.run(until=60)
    assert statuses(sim) == [
        (5, "202"), (6, "202"), (7, "202"), (9, "204"), (10, "202"), (20, "204")
    ]  # fmt: skip
    assert sim.calls["c"].memberships[0].left_at == 10
    assert {name: record.memberships[0].left_at for name, record in sim.calls.items()} == {"a": 20, "b": 20, "c": 10}


def test_an_expected_refusal_is_recorded_and_the_run_goes_on(tmp_path: Path):
    sim = with_alice(
        tmp_path,
        20,
        '[[rest]]\nat = 5\nmethod = "DELETE"\npath = "Call/no-such-call"\nexpect = 404\n'
        '[[rest]]\nat = 6\nmethod = "POST"\npath = "Call/{uuid:alice}/DTMF"\nparams = { digits = "x" }\nexpect = 400\n',
    )
    (first, second) = rest_events(sim)
    assert first[1].startswith("REST DELETE /Call/no-such-call/: 404") and '"error": "not found"' in first[1]
    assert second[1].split(": ", 1)[1].startswith("400")
    assert sim.calls["alice"].ended_at is None  # (up until 300)


def test_the_json_report_keeps_each_answer(tmp_path: Path):
    sim = with_alice(tmp_path, 10, '[[rest]]\nat = 3\nmethod = "GET"\npath = "Call"\n')
    (event,) = [e for e in json.loads(sim.report("json"))["timeline"] if e["kind"] == "rest"]
    assert event["at"] == 3 and event["text"].startswith('REST GET /Call/: 200 {"api_id": ')


def test_an_inline_array_of_entries_works_too(tmp_path: Path):
    sim = run(tmp_path, 'until = 10\nrest = [{ at = 3, method = "GET", path = "Call" }]\n' + calls(("alice", WAITS)))
    assert len(rest_events(sim)) == 1


# -- bad entries, each at FILE:LINE ------------------------------------------------------

HEAD = "until = 20\n" + calls(("alice", WAITS))  # lines 1-4; the [[rest]] header is line 5

LOAD_ERRORS = [
    ('at = 1\nmethod = "GET"\npath = "Call"\ncolour = "red"\n', 9, "unknown key 'colour' in [[rest]] #1"),
    ('method = "GET"\npath = "Call"\n', 5, "[[rest]] #1 needs at"),
    ('at = 1\npath = "Call"\n', 5, "[[rest]] #1 needs method"),
    ('at = 1\nmethod = "GET"\n', 5, "[[rest]] #1 needs path"),
    ('at = -2\nmethod = "GET"\npath = "Call"\n', 6, "[[rest]] #1: at must be"),
    ('at = 1\nmethod = "PUT"\npath = "Call"\n', 7, "method must be one of GET, POST, DELETE, not 'PUT'"),
    ('at = 1\nmethod = "GET"\npath = 7\n', 8, "path must be an operation's path"),
    ('at = 1\nmethod = "GET"\npath = "Calls"\n', 8, "GET /Calls/ is not an operation the simulation serves"),
    ('at = 1\nmethod = "PUT"\npath = "Call"\n', 7, "not 'PUT'"),
    ('at = 1\nmethod = "POST"\npath = "Recording"\n', 8, "Plivo has it, the simulation does not serve it"),
    ('at = 1\nmethod = "GET"\npath = "Call/{uuid:bob}"\n', 8, "path names an unknown call 'bob'"),
    ('at = 1\nmethod = "GET"\npath = "Call/{name:alice}"\n', 8, "path placeholder '{name:alice}' is not allowed"),
    ('at = 1\nmethod = "GET"\npath = "Call/{uuid:alice"\n', 8, "has a brace outside"),
    ('at = 1\nmethod = "GET"\npath = "Call"\nparams = 3\n', 9, "params must be a table"),
    ('at = 1\nmethod = "GET"\npath = "Call"\nparams = { a = { b = 1 } }\n', 9, "params a = "),
    ('at = 1\nmethod = "GET"\npath = "Call"\nexpect = "404"\n', 9, "expect must be an HTTP status"),
    ('at = 1\nmethod = "GET"\npath = "Call"\nexpect = 99\n', 9, "expect must be an HTTP status"),
]


@pytest.mark.parametrize(("entry", "line", "message"), LOAD_ERRORS)
def test_a_bad_entry_is_refused_at_its_line(tmp_path: Path, entry: str, line: int, message: str):
    path = write(tmp_path, HEAD + "[[rest]]\n" + entry)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert (caught.value.path, caught.value.line) == (str(path), line)
    assert message in str(caught.value)


def test_rest_must_be_an_array_of_tables(tmp_path: Path):
    path = write(tmp_path, "rest = 3\n" + HEAD)
    with pytest.raises(ScenarioError, match="rest must be an array of tables") as caught:
        load_scenario(path)
    assert caught.value.line == 1


RUN_ERRORS = [
    # a refusal the entry does not expect stops the run at the entry's line
    ('at = 5\nmethod = "DELETE"\npath = "Call/no-such-call"\n', "was answered 404"),
    ('at = 5\nmethod = "DELETE"\npath = "Call/{uuid:alice}"\nexpect = 202\n', "was answered 204"),
    ('at = 5\nmethod = "POST"\npath = "Call/{uuid:alice}/DTMF"\n', "was answered 400"),
    # a placeholder that names nothing at the entry's time
    ('at = 5\nmethod = "GET"\npath = "Call/{uuid:rest-call-4}"\n', "no call is named 'rest-call-4'"),
    ('at = 5\nmethod = "POST"\npath = "Conference/room/Member/{member:alice}/Mute"\n', "is in no conference or MPC"),
]


@pytest.mark.parametrize(("entry", "message"), RUN_ERRORS)
def test_a_refused_or_unresolved_entry_stops_the_run_at_its_line(tmp_path: Path, entry: str, message: str):
    path = write(tmp_path, HEAD + "[[probe]]\nat = 1\n[[rest]]\n" + entry)
    scenario = load_scenario(path)
    with pytest.raises(ScenarioError) as caught:
        scenario.run()
    assert (caught.value.path, caught.value.line) == (str(path), 7)
    assert message in str(caught.value) and "at t=5" in str(caught.value)


def test_the_cli_reports_a_refusal_at_file_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    from plivoxml_plus.cli import main

    path = write(tmp_path, HEAD + '[[rest]]\nat = 5\nmethod = "DELETE"\npath = "Call/nope"\n')
    assert main(["simulate", str(path)]) == 2
    assert f"{path}:5: at t=5, REST DELETE /Call/nope/ was answered 404" in capsys.readouterr().err


# -- one way to change a call: four drivers, one JSON report -----------------------------

ROLES = {"agent": "Agent", "customer": "Customer", "supervisor": "Supervisor"}
PEOPLE = "until = 150\n" + "".join(
    f'[[call]]\nname = "{name}"\nanswer = "{MPC.format(role=role)}"\nat = {i}\nhangup = {120 + i}\n'
    for i, (name, role) in enumerate(ROLES.items())
)
Op = tuple[int, str, str, Any]  # (at, kind, call or MPC, value)
FROM, TO = "14155550100", "1415555012"


@functools.cache
def sent_by_plivo_python() -> dict[str, Any]:
    """The MultiPartyCall attributes plivo-python's add_participant sends unasked:
    its defaults (coach_mode, status_callback_method...), which the simulated API
    honours as Plivo would. The other three ways are given the same, so that all
    four make the same request."""
    sim = Simulation()
    client = sim.rest_client()
    adapter = client.session.get_adapter("https://api.plivo.com/")
    answer, sent = adapter.send, []

    def send(request: Any, **kwargs: Any) -> Any:
        sent.append(json.loads(request.body))
        return answer(request, **kwargs)

    adapter.send = send
    client.multi_party_calls.add_participant("Agent", friendly_name="elsewhere", from_=FROM, to_=TO)
    (body,) = sent
    return {key: value for key, value in body.items() if key in _MPC_ATTRIBUTES}


def toml_values() -> str:
    return ", ".join(f"{key} = {json.dumps(value)}" for key, value in sent_by_plivo_python().items())


def python_api(sim: Simulation, op: Op, added: list[str]) -> None:
    at, kind, call, value = op
    if kind in ("hold", "mute", "coach_mode"):
        sim.update_participant(call, at=at, mpc="support", **{kind: value})
    elif kind == "kick":
        sim.kick(call, at=at, mpc="support")
    elif kind == "recording":
        sim.recording("support", value, at=at)
    else:
        added.append(f"rest-call-{len(added) + 1}")
        to = f"{TO}{len(added)}"
        sim.add_participant("support", added[-1], at=at, role=value, from_=FROM, to=to, **sent_by_plivo_python())


def api_entry(op: Op, added: list[str]) -> str:
    at, kind, call, value = op
    if kind in ("hold", "mute", "coach_mode"):
        return f'[[api]]\nat = {at}\ncall = "{call}"\nmpc = "support"\n{kind} = {str(value).lower()}\n'
    if kind == "kick":
        return f'[[api]]\nat = {at}\ncall = "{call}"\nmpc = "support"\nkick = true\n'
    if kind == "recording":
        return f'[[api]]\nat = {at}\nmpc = "support"\nrecording = "{value}"\n'
    added.append(f"rest-call-{len(added) + 1}")
    add = f'{{ name = "{added[-1]}", role = "{value}", from = "{FROM}", to = "{TO}{len(added)}", {toml_values()} }}'
    return f'[[api]]\nat = {at}\nmpc = "support"\nadd = {add}\n'


RECORD_PATHS = {"start": ("POST", "Record"), "stop": ("DELETE", "Record")}
RECORD_PATHS |= {"pause": ("POST", "Record/Pause"), "resume": ("POST", "Record/Resume")}


def rest_entry(op: Op, added: list[str]) -> str:
    at, kind, call, value = op
    mpc = "MultiPartyCall/name_support"
    if kind in ("hold", "mute", "coach_mode"):
        params = f"{{ {kind} = {str(value).lower()} }}"
        path = f"{mpc}/Participant/{{member:{call}}}"
        return f'[[rest]]\nat = {at}\nmethod = "POST"\npath = "{path}"\nparams = {params}\n'
    if kind == "kick":
        return f'[[rest]]\nat = {at}\nmethod = "DELETE"\npath = "{mpc}/Participant/{{member:{call}}}"\n'
    if kind == "recording":
        method, path = RECORD_PATHS[value]
        return f'[[rest]]\nat = {at}\nmethod = "{method}"\npath = "{mpc}/{path}"\n'
    added.append(f"rest-call-{len(added) + 1}")
    params = f'{{ role = "{value}", from = "{FROM}", to = "{TO}{len(added)}", {toml_values()} }}'
    return f'[[rest]]\nat = {at}\nmethod = "POST"\npath = "{mpc}/Participant"\nparams = {params}\n'


def rest_client_call(sim: Simulation, client: Any, op: Op, added: list[str]) -> None:
    _, kind, call, value = op
    mpcs = client.multi_party_calls
    member = sim.calls[call].memberships[-1].member_id if kind in ("hold", "mute", "coach_mode", "kick") else ""
    if kind in ("hold", "mute", "coach_mode"):
        mpcs.update_participant(member, friendly_name="support", **{kind: value})
    elif kind == "kick":
        mpcs.kick_participant(member, friendly_name="support")
    elif kind == "recording":
        getattr(mpcs, f"{value}_recording")(friendly_name="support")
    else:
        added.append(f"rest-call-{len(added) + 1}")
        mpcs.add_participant(value, friendly_name="support", from_=FROM, to_=f"{TO}{len(added)}")


def normal(sim: Simulation) -> dict[str, Any]:
    """The JSON report without what legitimately differs: a [[rest]] entry's recorded
    answer (kind "rest"), the sequence numbers it shifts, the clock's event count."""
    data: dict[str, Any] = json.loads(sim.report("json"))
    del data["events_processed"]
    data["timeline"] = [{k: v for k, v in e.items() if k != "seq"} for e in data["timeline"] if e["kind"] != "rest"]
    for request in data["requests"]:
        del request["seq"]
    return data


def four_ways(tmp_path: Path, ops: list[Op]) -> list[dict[str, Any]]:
    base = write(tmp_path, PEOPLE, "people.toml")

    python = load_scenario(base).simulation()
    added: list[str] = []
    for op in ops:
        python_api(python, op, added)
    python.run(until=150)

    entries: dict[str, Callable[[Op, list[str]], str]] = {"api": api_entry, "rest": rest_entry}
    from_files = []
    for kind, entry in entries.items():
        added = []
        text = PEOPLE + "".join(entry(op, added) for op in ops)
        from_files.append(load_scenario(write(tmp_path, text, f"{kind}.toml")).run())

    client_driven = load_scenario(base).simulation()
    client = client_driven.rest_client()
    added = []
    for op in ops:
        client_driven.run(until=op[0])
        rest_client_call(client_driven, client, op, added)
    client_driven.run(until=150)
    return [normal(sim) for sim in (python, *from_files, client_driven)]


def test_one_scenario_four_ways_gives_one_report(tmp_path: Path):
    ops: list[Op] = [
        (10, "hold", "customer", True),
        (20, "recording", "support", "start"),
        (30, "add", "support", "Agent"),
        (40, "mute", "agent", True),
        (50, "coach_mode", "supervisor", False),
        (60, "recording", "support", "pause"),
        (70, "hold", "customer", False),
        (80, "kick", "rest-call-1", None),
        (90, "recording", "support", "stop"),
    ]
    python, api, rest, client = four_ways(tmp_path, ops)
    assert any(e["kind"] == "api" for e in python["timeline"])  # (the operations did act)
    assert python == api == rest == client


KINDS = st.sampled_from(["hold", "mute", "coach_mode", "kick", "recording", "add"])


@st.composite
def operations(draw: st.DrawFn) -> list[Op]:
    """Up to 6 MPC operations at 10, 20, ... s (clear of the calls' own events),
    none naming a call already kicked, at most one kick (two would leave the
    MPC with one participant: it ends, and the REST API then answers 404)."""
    ops: list[Op] = []
    people = list(ROLES)
    kicked = False
    for at in range(10, 10 * draw(st.integers(1, 6)) + 1, 10):
        kind = draw(KINDS)
        if kind == "recording":
            ops.append((at, kind, "support", draw(st.sampled_from(list(RECORD_PATHS)))))
        elif kind == "add":
            ops.append((at, kind, "support", draw(st.sampled_from(["Agent", "Customer"]))))
            people.append(f"rest-call-{sum(op[1] == 'add' for op in ops)}")
        else:
            # (a participant added at at - 10 answers at at - 5: in the MPC by now)
            call = draw(st.sampled_from(people))
            if kind == "kick":
                if kicked:
                    continue
                kicked = True
                people.remove(call)
            ops.append((at, kind, call, draw(st.booleans()) if kind != "kick" else None))
    return ops


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=operations())
def test_any_mpc_operations_four_ways_give_one_report(tmp_path: Path, ops: list[Op]):
    python, api, rest, client = four_ways(tmp_path, ops)
    assert python == api == rest == client


# -- any entry the loader admits runs, or stops at its line: never a foreign error ----------

FUZZ_CALLS = calls(("alice", CONFERENCE), ("bob", CONFERENCE), ("carol", MPC.format(role="Agent")))
IDS = st.sampled_from(["{uuid:alice}", "{member:bob}", "{member:carol}", "room", "name_support", "uuid_x", "all", "é"])
VALUES = st.one_of(
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=12),
    st.sampled_from(["aleg", "bleg", "both", "true", "GET", "https://example.com/x.mp3", "14155550100", "mp3"]),
    st.lists(st.sampled_from(["https://example.com/x.mp3", "1", ""]), max_size=3),
)
NAMES = st.sampled_from(
    ["from", "to", "answer_url", "legs", "aleg_url", "digits", "leg", "urls", "text", "length", "loop", "mix",
     "role", "call_uuid", "hold", "mute", "coach_mode", "status", "voice", "language", "file_format", "member_id"]
)  # fmt: skip


def toml_value(value: Any) -> str:
    if isinstance(value, float) and value != value:
        return "nan"
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return "inf" if value > 0 else "-inf"
    # TOML's escapes are JSON's (but for surrogate pairs); DEL too must be escaped in TOML
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


@st.composite
def entries(draw: st.DrawFn) -> str:
    route = draw(st.sampled_from(ROUTES))
    path = route.path.pattern.replace("([^/]+)", "{}")
    path = path.format(*(draw(IDS) for _ in range(path.count("{}"))))
    params = draw(st.dictionaries(NAMES, VALUES, max_size=4))
    written = ", ".join(f"{name} = {toml_value(value)}" for name, value in params.items())
    at = draw(st.integers(0, 30))
    return f'[[rest]]\nat = {at}\nmethod = "{route.method}"\npath = "{path}"\nparams = {{ {written} }}\n'


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(written=st.lists(entries(), min_size=1, max_size=3))
def test_any_entry_of_any_route_runs_or_stops_at_its_line(tmp_path: Path, written: list[str]):
    path = write(tmp_path, "until = 40\n" + FUZZ_CALLS + "".join(written))
    try:
        sim = load_scenario(path).run()
    except ScenarioError as error:
        assert error.path == str(path) and error.line is not None and error.line > 9
        # refused by the [[rest]] checks when read, or by the API when sent
        assert str(error).split(": ", 1)[1].startswith(("[[rest]] #", "at t="))
        return
    assert len(rest_events(sim)) == len(written)


RING_APP = """
CLIENT = None
LIVE = []


def app(environ, start_response):
    if environ["PATH_INFO"] == "/ring":  # the API, called while the platform waits on this request
        LIVE.append(len(CLIENT.calls.list()))
    start_response("200 OK", [("Content-Type", "application/xml")])
    return [b"<Response><Speak>hi</Speak><Wait length='20'/></Response>"]
"""


def test_the_app_may_call_the_api_while_an_entry_waits_on_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A [[rest]] calls.create with a ring_url: the app's ring handler calls the REST
    API (from its worker thread) while the entry, on the thread running the events,
    waits for its answer. The entry does not hold the gate twice, so the app's call
    is let in at once, not refused with a 500 after the app's timeout."""
    (tmp_path / "rest_ring_app.py").write_text(RING_APP)
    monkeypatch.delitem(sys.modules, "rest_ring_app", raising=False)
    path = write(
        tmp_path,
        f'until = 40\napp = "rest_ring_app:app"\nbase_url = "{BASE}"\ntimeout = 2\n'
        f'[[call]]\nname = "alice"\nanswer_url = "{BASE}/answer"\n'
        '[[rest]]\nat = 5\nmethod = "POST"\npath = "Call/"\n'
        f'params = {{ from = "14155550100", to = "14155550123", answer_url = "{BASE}/answer", '
        f'ring_url = "{BASE}/ring" }}\n',
    )
    sim = load_scenario(path).simulation()
    try:
        module: Any = sys.modules["rest_ring_app"]  # (imported by the loader)
        module.CLIENT = sim.rest_client()
        sim.run(until=40)
    finally:
        sim.close()
        monkeypatch.delitem(sys.modules, "rest_ring_app", raising=False)
    assert len(module.LIVE) == 1  # the app's own API call was answered
    assert [(r.kind, r.status) for r in sim.requests] == [("answer", 200), ("ring", 200), ("answer", 200)]
    assert sim.calls["rest-call-1"].answer_at == 10
