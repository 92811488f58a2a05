"""Plivo's REST API served by the simulation (issue 18, item 1, first slice):
``Simulation.rest_client()`` is plivo-python's own ``RestClient``, answered in
process. Each operation is driven through it, the request it sends is compared
with Plivo's documented parameters, and the effect is read from the simulation
(who hears whom, requests, call records); refusals are plivo-python's own
exceptions; the app's handler may call the API while the simulation waits.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import flask
import plivo
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plivo.exceptions import InvalidRequestError, PlivoRestError, ResourceNotFoundError, ValidationError

from plivoxml_plus import DurationModel, Simulation
from plivoxml_plus.core.platform.rest import ROUTES
from tests.conftest import ROOT

BASE = "https://app.example"
AGENT_XML = "<Response><Speak>hello</Speak><Wait length='600'/></Response>"
CUSTOMER = "14155550100"
AGENT = "14155550123"

# Plivo's documented request parameters (docs.plivo.com, voice API): "Make an outbound
# call" (POST /Call/), "Transfer a call" (POST /Call/{uuid}/), and the Multi-party
# call API's "Add a participant" and "Update a participant"
CREATE_PARAMS = {
    "from", "to", "answer_url", "answer_method", "ring_url", "ring_method", "hangup_url", "hangup_method",
    "fallback_url", "fallback_method", "caller_name", "send_digits", "send_on_preanswer", "time_limit",
    "hangup_on_ring", "machine_detection", "machine_detection_time", "machine_detection_url",
    "machine_detection_method", "sip_headers", "ring_timeout", "parent_call_uuid", "error_if_parent_not_found",
}  # fmt: skip
TRANSFER_PARAMS = {"legs", "aleg_url", "aleg_method", "bleg_url", "bleg_method"}
UPDATE_PARTICIPANT_PARAMS = {"coach_mode", "mute", "hold"}


def spy(client: Any) -> list[tuple[str, str, dict[str, Any]]]:
    """Every request ``client`` sends from now on: (method, path, JSON body or query)."""
    sent: list[tuple[str, str, dict[str, Any]]] = []
    adapter = client.session.get_adapter("https://api.plivo.com/")
    answer = adapter.send

    def send(request: Any, **kwargs: Any) -> Any:
        from urllib.parse import parse_qsl, urlsplit

        parts = urlsplit(request.url)
        body = json.loads(request.body) if request.body else dict(parse_qsl(parts.query))
        sent.append((request.method, parts.path.split("/", 4)[-1], body))
        return answer(request, **kwargs)

    adapter.send = send
    return sent


def documents(**docs: str) -> dict[str, str]:
    return {f"{BASE}/{path}": xml for path, xml in docs.items()}


# -- Calls ------------------------------------------------------------------------------


def test_a_created_call_rings_then_runs_its_answer_url():
    sim = Simulation(documents(agent=AGENT_XML))
    client = sim.rest_client()
    sent = spy(client)
    sim.run(until=2)
    fired = client.calls.create(from_=CUSTOMER, to_=AGENT, answer_url=f"{BASE}/agent", answer_method="GET")
    assert sent[0][:2] == ("POST", "Call/") and set(sent[0][2]) <= CREATE_PARAMS
    assert fired.message == "call fired" and fired.api_id
    (record,) = sim.calls.values()
    assert (record.from_, record.to, record.direction) == (CUSTOMER, AGENT, "outbound")
    sim.run(until=20)
    assert record.answer_at == 2 + sim.mpc_options.add_participant_ring  # no callee: the default ring
    (answer,) = sim.requests_to(f"{BASE}/agent")
    assert (answer.method, answer.kind, answer.at) == ("GET", "answer", record.answer_at)
    assert answer.params["CallUUID"] == record.uuid and answer.params["ALegRequestUUID"] == fired.request_uuid
    assert record.executed == ["Speak", "Wait"]


def test_a_registered_callee_answers_or_refuses_as_it_says():
    sim = Simulation(documents(agent=AGENT_XML))
    client = sim.rest_client()
    agent = sim.callee("agent", AGENT, ring=2, hangup_after=10)
    busy = sim.callee("busy-line", "14155550999", refuse="busy")
    client.calls.create(from_=CUSTOMER, to_=AGENT, answer_url=f"{BASE}/agent")
    client.calls.create(from_=CUSTOMER, to_="14155550999", answer_url=f"{BASE}/agent")
    sim.run()
    assert (agent.answer_at, agent.ended_at, agent.end_reason) == (2, 12, "the callee hung up")
    assert agent.from_ == CUSTOMER and sim.requests_for("agent", "answer")
    assert (busy.ended_at, busy.end_reason) == (0, "busy") and not sim.requests_for("busy-line")


def test_several_numbers_separated_by_lt_are_each_called():
    sim = Simulation(documents(agent=AGENT_XML))
    client = sim.rest_client()
    fired = client.calls.create(from_=CUSTOMER, to_=f"{AGENT}<14155550124", answer_url=f"{BASE}/agent")
    assert isinstance(fired.request_uuid, list) and len(fired.request_uuid) == 2
    assert [r.to for r in sim.calls.values()] == [AGENT, "14155550124"]


def test_get_and_list_show_the_live_calls_only_while_they_are_up():
    sim = Simulation(documents(agent=AGENT_XML))
    client = sim.rest_client()
    client.calls.create(from_=CUSTOMER, to_=AGENT, answer_url=f"{BASE}/agent", time_limit=30)
    (record,) = sim.calls.values()
    assert client.live_calls.list_ids().calls == []  # still ringing
    sim.run(until=10)
    assert client.live_calls.list_ids().calls == [record.uuid]
    live = client.live_calls.get(record.uuid)
    assert (live.call_uuid, live.call_status, live.to) == (record.uuid, "in-progress", AGENT)
    assert live.direction == "outbound"
    sim.run()
    assert record.ended_at == 35 and record.end_reason == "time_limit reached"
    assert client.live_calls.list_ids().calls == []
    with pytest.raises(ResourceNotFoundError, match="not found"):
        client.live_calls.get(record.uuid)
    done = client.calls.get(record.uuid)
    assert (done.call_state, done.call_duration, done.end_time) == ("completed", 30, "2024-01-01 00:00:35+00:00")
    assert [call.call_uuid for call in client.calls.list()] == [record.uuid]


def test_hangup_ends_the_call_at_the_time_it_is_asked():
    sim = Simulation(documents(agent=AGENT_XML))
    client = sim.rest_client()
    client.calls.create(from_=CUSTOMER, to_=AGENT, answer_url=f"{BASE}/agent")
    (record,) = sim.calls.values()
    sim.run(until=12.5)
    sent = spy(client)
    assert client.calls.delete(record.uuid) is None  # 204, no body
    assert sent == [("DELETE", f"Call/{record.uuid}/", {"call_uuid": record.uuid})]
    sim.run()
    assert (record.ended_at, record.end_reason) == (12.5, "hung up by the REST API")
    with pytest.raises(ResourceNotFoundError):
        client.calls.hangup(record.uuid)
    assert "is not live" in sim.notes[-1].text


def test_transfer_moves_the_call_out_of_its_conference_to_new_xml():
    room = "<Response><Conference>room</Conference></Response>"
    survey = "<Response><Speak>How did we do?</Speak><Wait length='30'/></Response>"
    sim = Simulation(documents(survey=survey))
    client = sim.rest_client()
    customer = sim.call("customer", room)
    sim.call("agent", room)
    sim.run(until=10)
    assert sim.hears()["customer"] == {"agent"}
    sent = spy(client)
    moved = client.calls.transfer(customer.uuid, legs="aleg", aleg_url=f"{BASE}/survey", aleg_method="POST")
    assert moved.message == "call transferred"
    assert sent[0][0] == "POST" and set(sent[0][2]) - {"call_uuid"} <= TRANSFER_PARAMS
    sim.run(until=11)
    assert sim.hears()["customer"] == frozenset() and sim.hears()["agent"] == frozenset()
    assert customer.memberships[0].left_at == 10 and customer.executed == ["Conference", "Speak"]
    (fetched,) = sim.requests_to(f"{BASE}/survey")
    assert (fetched.at, fetched.kind, fetched.params["CallUUID"]) == (10, "answer", customer.uuid)


def test_a_transfer_to_a_url_with_no_valid_xml_ends_the_call():
    sim = Simulation(documents(agent=AGENT_XML, broken="<Response><Nope/></Response>"))
    client = sim.rest_client()
    client.calls.create(from_=CUSTOMER, to_=AGENT, answer_url=f"{BASE}/agent")
    sim.run(until=10)
    (record,) = sim.calls.values()
    client.calls.transfer(record.uuid, legs="aleg", aleg_url=f"{BASE}/broken")
    sim.run()
    assert (record.ended_at, record.end_reason) == (10, "the transfer URL gave no valid document")


# -- MultiPartyCall -----------------------------------------------------------------------


def test_add_update_kick_and_record_through_the_multi_party_call_api():
    events = "mpc-state-changes,participant-state-changes,add-participant-api-events"
    mpc = (
        f"<Response><MultiPartyCall role='customer' statusCallbackUrl='{BASE}/events' "
        f"statusCallbackEvents='{events}'>support</MultiPartyCall></Response>"
    )
    sim = Simulation(documents(events="<Response/>", recordings="<Response/>"))
    client = sim.rest_client()
    customer = sim.call("customer", mpc)
    sim.run(until=1)
    sent = spy(client)
    added = client.multi_party_calls.add_participant(
        "agent", friendly_name="support", from_=CUSTOMER, to_=AGENT, status_callback_url=f"{BASE}/events"
    )
    assert added.message == "add participant action initiated" and added.calls[0]["to"] == AGENT
    assert sent[0][:2] == ("POST", "MultiPartyCall/name_support/Participant/")
    sim.run(until=10)
    agent = next(r for r in sim.calls.values() if r.uuid == added.calls[0]["call_uuid"])
    assert sim.hears()[customer.name] == {agent.name} and sim.hears()[agent.name] == {customer.name}
    assert sim.status_callbacks("AddParticipantByAPIActionInitiated")
    members = {p.call_uuid: p.member_id for p in client.multi_party_calls.list_participants(friendly_name="support")}
    assert set(members) == {customer.uuid, agent.uuid}

    changed = client.multi_party_calls.update_participant(members[agent.uuid], friendly_name="support", mute=True)
    assert changed.mute == "Changed" and set(sent[-1][2]) <= UPDATE_PARTICIPANT_PARAMS | {"participant_id"}
    sim.run(until=11)
    assert sim.hears()[customer.name] == frozenset() and sim.hears()[agent.name] == {customer.name}

    mpc_uuid = client.multi_party_calls.get(friendly_name="support").mpc_uuid
    assert client.multi_party_calls.start_recording(uuid=mpc_uuid).message == "MPC: support record started"
    sim.run(until=15)
    client.multi_party_calls.stop_recording(friendly_name="support")
    client.multi_party_calls.kick_participant(members[agent.uuid], friendly_name="support")
    sim.run(until=16)
    assert agent.memberships[0].exit_reason == "Kicked Out of Multiparty Call" and agent.memberships[0].left_at == 15
    api = [(e.at, e.text) for e in sim.timeline if e.kind == "api" and "recording" in e.text]
    assert api == [(11, "API recording start on MPC 'support'"), (15, "API recording stop on MPC 'support'")]


def test_an_existing_call_is_added_to_an_mpc_by_its_call_uuid():
    sim = Simulation()
    client = sim.rest_client()
    waiting = sim.call("waiting", "<Response><Wait length='100'/></Response>")
    sim.call("agent", "<Response><MultiPartyCall role='agent'>desk</MultiPartyCall></Response>")
    sim.run(until=5)
    client.multi_party_calls.add_participant("customer", friendly_name="desk", call_uuid=waiting.uuid)
    sim.run(until=6)
    assert sim.hears()["waiting"] == {"agent"} and waiting.memberships[0].room == "desk"


# -- what plivo-python raises --------------------------------------------------------------


def test_refusals_are_plivo_pythons_own_exceptions():
    sim = Simulation(documents(agent=AGENT_XML))
    client = sim.rest_client()
    with pytest.raises(ResourceNotFoundError, match="not found"):
        client.calls.transfer("no-such-call", legs="aleg", aleg_url=f"{BASE}/agent")
    with pytest.raises(ResourceNotFoundError):
        client.multi_party_calls.update_participant("1", friendly_name="nowhere", mute=True)
    with pytest.raises(ValidationError, match="answer_url is required"):
        client.request("POST", ("Call",), {"from": CUSTOMER, "to": AGENT}, is_voice_request=True)
    with pytest.raises(ValidationError, match="answer_method"):
        client.request(
            "POST", ("Call",), {"from": CUSTOMER, "to": AGENT, "answer_url": f"{BASE}/a", "answer_method": "PUT"},
            is_voice_request=True,
        )  # fmt: skip
    with pytest.raises(ValidationError, match="legs"):
        client.request("POST", ("Call", "x"), {"legs": "sideways"}, is_voice_request=True)
    with pytest.raises(InvalidRequestError, match="not served by the simulation"):
        client.calls.cancel("any-request")
    with pytest.raises(InvalidRequestError, match="not served by the simulation"):
        client.calls.start_stream("any", f"wss://{BASE[8:]}/stream")
    with pytest.raises(ResourceNotFoundError):
        client.request("GET", ("NoSuchThing",), is_voice_request=True)
    assert sim.calls == {}


def test_a_participant_not_in_the_mpc_is_not_found():
    sim = Simulation()
    client = sim.rest_client()
    sim.call("a", "<Response><MultiPartyCall role='agent'>desk</MultiPartyCall></Response>")
    sim.run(until=1)
    with pytest.raises(ResourceNotFoundError):
        client.multi_party_calls.kick_participant("99", friendly_name="desk")
    # a value the MultiPartyCall element refuses (plivo-python checks it too: sent raw here)
    with pytest.raises(ValidationError, match="max_duration"):
        client.request(
            "POST", ("MultiPartyCall", "name_desk", "Participant"),
            {"role": "agent", "from": CUSTOMER, "to": AGENT, "max_duration": 5}, is_voice_request=True,
        )  # fmt: skip


# -- the app's handler calls the API while the simulation waits ---------------------------------


def callcentre(client: Callable[[], Any]) -> flask.Flask:
    app = flask.Flask("callcentre")

    @app.post("/answer")
    def answer() -> str:
        # the customer is answered: place a call to the agent, who joins the same MPC
        client().calls.create(from_=CUSTOMER, to_=AGENT, answer_url=f"{BASE}/agent")
        return "<Response><MultiPartyCall role='customer'>queue</MultiPartyCall></Response>"

    @app.post("/agent")
    def agent() -> str:
        return "<Response><MultiPartyCall role='agent'>queue</MultiPartyCall></Response>"

    return app


def test_the_apps_answer_handler_places_a_call_through_the_api():
    holder: dict[str, Any] = {}
    with Simulation(app=callcentre(lambda: holder["client"]), base_url=BASE, strict=True) as sim:
        holder["client"] = sim.rest_client()
        sim.call("customer", answer_url=f"{BASE}/answer", at=3)
        sim.run(until=20)
        placed = sim.calls["rest-call-1"]
        assert placed.answer_at == 3 + sim.mpc_options.add_participant_ring  # placed at t=3, the webhook's time
        assert sim.hears()["customer"] == {"rest-call-1"} and sim.hears()["rest-call-1"] == {"customer"}
        assert [r.url for r in sim.requests if r.kind == "answer"] == [f"{BASE}/answer", f"{BASE}/agent"]


def test_the_pytest_fixture_and_a_missing_plivo(tmp_path: Path):
    """Without plivo-python, rest_client() is a MissingExtra naming the extra, and
    only the tests using plivo_client fail: the plugin itself still loads."""
    blocker = tmp_path / "no_plivo"
    blocker.mkdir()
    (blocker / "plivo.py").write_text("raise ImportError(\"No module named 'plivo' (blocked by the test)\")\n")
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "test_user.py").write_text(
        textwrap.dedent("""
        def test_plain(plivo_sim):
            plivo_sim.run()

        def test_client(plivo_client):
            pass
        """)
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["PYTHONPATH"] = os.pathsep.join([str(blocker), str(ROOT)])
    command = [sys.executable, "-m", "pytest", "-p", "plivoxml_plus", "-p", "no:cacheprovider", "-rA"]
    done = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, timeout=300, check=False)
    out = done.stdout + done.stderr
    assert "1 passed" in out and "1 error" in out and "INTERNALERROR" not in out, out
    assert "MissingExtra" in out and "pip install 'plivoxml-plus[rest]'" in out, out


def test_the_fixture_is_a_real_rest_client_answered_by_plivo_sim(plivo_sim: Simulation, plivo_client: Any):
    assert isinstance(plivo_client, plivo.RestClient)
    plivo_sim.call("c", "<Response><Wait length='5'/></Response>")
    plivo_sim.run(until=1)
    assert plivo_client.live_calls.list_ids().calls == [plivo_sim.calls["c"].uuid]


def test_every_route_is_named_in_the_docs():
    text = (ROOT / "docs" / "testing-apps.md").read_text(encoding="utf-8")
    for route in ROUTES:
        row = f"| `{route.method} /{route.path.pattern.replace('([^/]+)', '{id}')}` |"
        assert row in text, row


# -- a property: any sequence of REST calls ----------------------------------------------------

OPERATION = st.sampled_from(["create", "hangup", "transfer", "get", "kick", "mute", "digits", "play", "stop", "run"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(OPERATION, st.integers(0, 5), st.integers(0, 4)), max_size=14))
def test_any_sequence_of_rest_calls_raises_only_plivos_errors_and_ends_each_call_once(
    steps: list[tuple[str, int, int]],
):
    mpc = "<Response><MultiPartyCall role='agent'>desk</MultiPartyCall></Response>"
    sim = Simulation(documents(agent=AGENT_XML, desk=mpc, broken="<nope"))
    client = sim.rest_client()
    for operation, pick, seconds_ in steps:
        uuids = [r.uuid for r in sim.calls.values()] + ["unknown-uuid"]
        uuid = uuids[pick % len(uuids)]
        try:
            if operation == "create":
                url = ["agent", "desk", "broken"][pick % 3]
                client.calls.create(from_=CUSTOMER, to_=f"1415555{pick:04d}", answer_url=f"{BASE}/{url}")
            elif operation == "hangup":
                client.calls.delete(uuid)
            elif operation == "transfer":
                client.calls.transfer(uuid, legs="aleg", aleg_url=f"{BASE}/{['desk', 'broken'][pick % 2]}")
            elif operation == "get":
                client.live_calls.get(uuid)
            elif operation == "kick":
                client.multi_party_calls.kick_participant(str(pick), friendly_name="desk")
            elif operation == "mute":
                client.multi_party_calls.update_participant("all", friendly_name="desk", mute=bool(pick % 2))
            elif operation == "digits":
                client.calls.send_digits(uuid, "1#"[: 1 + pick % 2])
            elif operation == "play":
                client.calls.play(uuid, f"{BASE}/tune.mp3", loop=bool(pick % 2), length=1 + seconds_)
            elif operation == "stop":
                client.calls.stop_playing(uuid)
            else:
                sim.advance(seconds_)
        except PlivoRestError:  # (ResourceNotFoundError, ValidationError... are all PlivoRestError)
            pass
    sim.run()  # every call answers; those left waiting alone in the MPC are hung up
    for uuid in client.live_calls.list_ids().calls:
        client.calls.delete(uuid)
    sim.run()
    for name, record in sim.calls.items():
        ended = [e for e in sim.timeline if e.call == name and e.kind == "ended"]
        assert len(ended) == 1 and record.ended_at is not None, (name, ended)


# -- the gate: one REST call at a time, never beside the simulation's own events ----------------


def test_a_urls_function_may_call_the_api_from_the_running_thread():
    """The thread running events may call the API itself (a ``urls`` function): the
    gate is re-entrant, and the call acts at the time of the request it answers."""
    holder: dict[str, Any] = {}

    def app(request: Any) -> str:
        if request.url.endswith("/hangup-other"):
            holder["client"].calls.delete(holder["other"])
        return "<Response><Wait length='60'/></Response>"

    sim = Simulation(app)
    holder["client"] = sim.rest_client()
    holder["other"] = sim.call("other", "<Response><Wait length='100'/></Response>").uuid
    sim.call("caller", "<Response><Wait length='7'/><Redirect>https://app.example/hangup-other</Redirect></Response>")
    sim.run()
    assert (sim.calls["other"].ended_at, sim.calls["other"].end_reason) == (7, "hung up by the REST API")


def test_the_gate_lets_a_rest_call_in_only_while_the_runner_waits_on_the_app():
    import threading

    from plivoxml_plus.core.platform._gate import Gate

    gate = Gate()
    outcome: list[bool] = []

    def rest_call() -> None:
        taken = gate.take(0.05)
        outcome.append(taken)
        if taken:
            gate.give_back()

    with gate.held():
        other = threading.Thread(target=rest_call)
        other.start()
        other.join()  # running events: kept out
        with gate.lent():  # waiting on the app: let in
            other = threading.Thread(target=rest_call)
            other.start()
            other.join()
    assert outcome == [False, True]
    rest_call()  # between runs: let in at once
    assert outcome == [False, True, True]


# -- in-call actions ---------------------------------------------------------------------------

SEND_DIGITS_PARAMS = {"digits", "leg", "callback_url", "callback_method"}  # Plivo's "Send digits"


def test_send_digits_sends_keys_on_the_call_as_dtmf_does():
    """I4: the keys leave the call one every dtmf_digit_seconds from the request's
    time; in a conference they reach the room as if the caller pressed them."""
    room = f"<Response><Conference callbackUrl='{BASE}/events' digitsMatch='12'>room</Conference></Response>"
    sim = Simulation(documents(events="<Response/>"))
    client = sim.rest_client()
    a = sim.call("a", room)
    sim.call("b", room)
    sim.run(until=4)
    sent = spy(client)
    answer = client.calls.send_digits(a.uuid, "12", leg="aleg")
    assert answer.message == "digits sent"
    assert sent[0][:2] == ("POST", f"Call/{a.uuid}/DTMF/") and set(sent[0][2]) - {"call_uuid"} <= SEND_DIGITS_PARAMS
    sim.run(until=6)
    (matched,) = sim.callbacks("digits", call="a")
    assert (matched.at, matched.params["ConferenceDigitsMatch"]) == (4.5, "12")
    assert [(e.at, e.text) for e in sim.timeline if e.kind == "api"] == [(4, "REST send_digits '12'")]


def test_send_digits_refusals():
    sim = Simulation()
    client = sim.rest_client()
    a = sim.call("a", "<Response><Wait length='30'/></Response>")
    sim.run(until=1)
    with pytest.raises(ValidationError, match="digits"):
        client.request("POST", ("Call", a.uuid, "DTMF"), {"digits": "12x"}, is_voice_request=True)
    with pytest.raises(ValidationError, match="digits is required"):
        client.request("POST", ("Call", a.uuid, "DTMF"), {}, is_voice_request=True)
    with pytest.raises(InvalidRequestError, match="bleg"):
        client.calls.send_digits(a.uuid, "1", leg="bleg")
    with pytest.raises(ResourceNotFoundError):
        client.calls.send_digits("no-such-call", "1")
    sim.run(until=2)
    assert "sent on the call" not in " ".join(e.text for e in sim.notes)  # nothing was sent
    client.calls.send_digits(a.uuid, "9")
    sim.run(until=3)
    assert sim.notes[-1].text == "DTMF key '9' sent on the call: the call is in no room, no one hears it"


PLAY_PARAMS = {"urls", "length", "legs", "loop", "mix", "callback_url", "callback_method"}  # "Play audio on a call"
SPEAK_PARAMS = {"text", "voice", "language", "legs", "loop", "mix", "callback_url", "callback_method", "type"}


def test_play_and_speak_into_a_call_are_timeline_events_until_they_end_or_stop():
    sim = Simulation(durations=DurationModel(play_seconds={f"{BASE}/a.mp3": 4, f"{BASE}/b.mp3": 3}))
    client = sim.rest_client()
    a = sim.call("a", "<Response><Wait length='60'/></Response>")
    sim.run(until=2)
    sent = spy(client)
    assert client.calls.play(a.uuid, [f"{BASE}/a.mp3", f"{BASE}/b.mp3"], mix=False).message == "play started"
    assert sent[0][:2] == ("POST", f"Call/{a.uuid}/Play/") and set(sent[0][2]) - {"call_uuid"} <= PLAY_PARAMS
    assert client.calls.speak(a.uuid, "Your agent is on the way", voice="MAN").message == "speak started"
    assert sent[1][:2] == ("POST", f"Call/{a.uuid}/Speak/") and set(sent[1][2]) - {"call_uuid"} <= SPEAK_PARAMS
    sim.run(until=20)
    client.calls.play(a.uuid, f"{BASE}/a.mp3", loop=True, length=30)
    sim.run(until=25)
    assert client.calls.stop_playing(a.uuid) is None  # 204
    assert sent[-1][:2] == ("DELETE", f"Call/{a.uuid}/Play/")
    sim.run(until=26)
    client.calls.stop_speaking(a.uuid)  # nothing is speaking now: a note
    sim.run(until=27)
    events = [(e.at, e.kind, e.text) for e in sim.timeline if e.kind in ("api", "sound")]
    assert events == [
        (2, "api", f"REST play '{BASE}/a.mp3', '{BASE}/b.mp3' into the call (7 s, instead of the call's audio)"),
        # (six words at DurationModel's 2.5 words a second)
        (2, "api", "REST speak 'Your agent is on the way' into the call (2.4 s, mixed with the call's audio)"),
        (4.4, "sound", "REST speak ended"),
        (9, "sound", "REST play ended"),
        (20, "api", f"REST play '{BASE}/a.mp3' into the call (30 s, looped, mixed with the call's audio)"),
        (25, "api", "REST play stopped"),
    ]
    assert sim.notes[-1].text == "REST stop speak: nothing was playing; nothing changes"


def test_a_sound_ends_with_its_call_and_bad_sounds_are_refused():
    sim = Simulation()
    client = sim.rest_client()
    a = sim.call("a", "<Response><Wait length='5'/></Response>")
    sim.run(until=1)
    client.calls.speak(a.uuid, "a long announcement " * 20)
    with pytest.raises(ValidationError, match="voice"):
        client.calls.speak(a.uuid, "hello", voice="ROBOT")
    with pytest.raises(ValidationError, match="length"):
        client.request("POST", ("Call", a.uuid, "Play"), {"urls": f"{BASE}/a.mp3", "length": 0}, is_voice_request=True)
    with pytest.raises(ValidationError):
        client.request("POST", ("Call", a.uuid, "Play"), {"urls": "not a url"}, is_voice_request=True)
    with pytest.raises(InvalidRequestError, match="legs = 'both'"):
        client.calls.play(a.uuid, f"{BASE}/a.mp3", legs="both")
    sim.run()
    assert a.ended_at == 5
    assert [e.kind for e in sim.timeline if e.kind in ("api", "sound")] == ["api"]  # no end after the call's
    with pytest.raises(ResourceNotFoundError):
        client.calls.stop_speaking(a.uuid)
