"""The call centre (app.py) driven by the simulator: ``pytest examples/callcenter``.

``plivo_sim`` (plivoxml_plus's pytest plugin) sends every request the platform
would make to the Flask app of conftest.py, in-process, signed, in strict mode:
any reply that is not 2xx or not a valid document fails the test. The app's REST
calls go through ``plivo_client``, plivo-python's own ``RestClient``, answered by
the same simulation (conftest.py gives it to the app).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

import pytest
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plivoxml_plus import StrictModeError
from plivoxml_plus.core import Simulation
from plivoxml_plus.pytest_plugin import events
from tests.test_rest_api import CREATE_PARAMS
from tests.test_rest_api import TRANSFER_PARAMS as TRANSFER_CALL_PARAMS

from .app import AGENT, BASE_URL, SUPERVISOR

ANSWER = f"{BASE_URL}/answer"
HANGUP = f"{BASE_URL}/hangup"
CUSTOMER = "14155550100"
AGENT_RING, AGENT_TALKS = 2, 20  # the agent answers 2 s after being rung and hangs up 20 s later

# Plivo's documented request parameters (docs.plivo.com, voice API reference): "Make an
# outbound call" and "Transfer a call" are the project's lists (tests/test_rest_api.py);
# plivo-python repeats a transfer's call_uuid, named in the path, in the body
TRANSFER_PARAMS = TRANSFER_CALL_PARAMS | {"call_uuid"}
# the Multi-party call API's "Add a participant" (POST /MultiPartyCall/name_{mpc_name}/Participant/)
ADD_PARTICIPANT_PARAMS = {
    "role", "from", "to", "call_uuid", "caller_name", "call_status_callback_url", "call_status_callback_method",
    "sip_headers", "confirm_key", "confirm_key_sound_url", "confirm_key_sound_method", "dial_music",
    "ring_timeout", "delay_dial", "max_duration", "max_participants", "record_min_member_count",
    "wait_music_url", "wait_music_method", "agent_hold_music_url", "agent_hold_music_method",
    "customer_hold_music_url", "customer_hold_music_method", "recording_callback_url",
    "recording_callback_method", "status_callback_url", "status_callback_method", "on_exit_action_url",
    "on_exit_action_method", "record", "record_file_format", "status_callback_events", "stay_alone",
    "coach_mode", "mute", "hold", "start_mpc_on_enter", "end_mpc_on_exit", "relay_dtmf_inputs", "enter_sound",
    "enter_sound_method", "exit_sound", "exit_sound_method", "start_recording_audio",
    "start_recording_audio_method", "stop_recording_audio", "stop_recording_audio_method",
}  # fmt: skip
# what plivo-python 4.x sends besides, at its own defaults, for parameters newer than that list
PLIVO_PYTHON_DEFAULTS = {
    "record_participant_track",
    "create_mpc_with_single_participant",
    "send_on_preanswer",
    "transcript",
}
DOCUMENTED = {
    ("POST", "Call/"): (CREATE_PARAMS, {"from", "to", "answer_url"}),
    ("POST", "Call/{uuid}/"): (TRANSFER_PARAMS, {"legs", "aleg_url"}),
    ("POST", "MultiPartyCall/{mpc}/Participant/"): (ADD_PARTICIPANT_PARAMS | PLIVO_PYTHON_DEFAULTS, {"role"}),
}


def record_rest_calls(client: Any) -> list[tuple[str, str, dict[str, Any]]]:
    """Every request ``client`` sends from now on, as it sends it: (method, path under
    the account, JSON body). A ``requests`` response hook: the client is not changed."""
    sent: list[tuple[str, str, dict[str, Any]]] = []

    def hook(response: Any, *_: Any, **__: Any) -> None:
        request = response.request
        path = urlsplit(request.url).path.split("/", 4)[-1]
        sent.append((request.method, path, json.loads(request.body) if request.body else {}))

    client.session.hooks["response"].append(hook)
    return sent


def template(path: str) -> str:
    """``path`` with its identifiers as the routes name them: Call/{uuid}/, MultiPartyCall/{mpc}/..."""
    parts = path.split("/")
    if parts[0] == "Call" and parts[1]:
        parts[1] = "{uuid}"
    if parts[0] == "MultiPartyCall" and len(parts) > 1 and parts[1]:
        parts[1] = "{mpc}"
    return "/".join(parts)


def support_call(
    sim: Simulation, *, agent_talks: float = AGENT_TALKS, customer_hangs_up: float | None = None, presses: str = "4"
) -> Simulation:
    """A customer calls at t=0; the agent answers after AGENT_RING seconds and hangs
    up ``agent_talks`` later; the customer presses ``presses`` 5 s after that (the
    survey), or hangs up at ``customer_hangs_up``."""
    sim.callee("agent", AGENT, ring=AGENT_RING, hangup_after=agent_talks)
    sim.call("customer", answer_url=ANSWER, hangup_url=HANGUP, from_=CUSTOMER, hangup=customer_hangs_up)
    if customer_hangs_up is None:
        sim.press("customer", presses, at=AGENT_RING + agent_talks + 5)
    return sim.run()


@pytest.fixture
def finished(plivo_sim: Simulation) -> Simulation:
    return support_call(plivo_sim)


def supervisor_of(sim: Simulation) -> str:
    """The name of the call add_participant placed to the supervisor."""
    (name,) = (name for name, record in sim.calls.items() if record.to == SUPERVISOR)
    return name


def test_the_answer_requests_carry_the_calls(finished: Simulation) -> None:
    customer, agent = finished.calls["customer"], finished.calls["agent"]
    (answer,) = finished.requests_for("customer", kind="answer")[:1]
    assert (answer.url, answer.params["From"], answer.params["CallUUID"]) == (ANSWER, CUSTOMER, customer.uuid)
    (rung,) = finished.requests_for("agent", kind="answer")
    # the call the app placed with calls.create: from the hotline the customer called, to the agent
    assert rung.url == f"{BASE_URL}/agent" and rung.at == AGENT_RING
    assert (rung.params["Direction"], rung.params["From"], rung.params["To"]) == ("outbound", customer.to, AGENT)
    assert rung.params["CallUUID"] == agent.uuid


def test_the_app_stored_every_status_callback(finished: Simulation, plivo_app: Flask) -> None:
    stored: list[dict[str, str]] = plivo_app.config["MPC_EVENTS"]
    assert [form["EventName"] for form in stored] == events(finished)
    joins = {
        form["ParticipantRole"]: form["ParticipantCallUUID"]
        for form in stored
        if form["EventName"] == "ParticipantJoin"
    }
    supervisor = finished.calls[supervisor_of(finished)]
    assert joins == {
        "Customer": finished.calls["customer"].uuid,
        "Agent": finished.calls["agent"].uuid,
        "Supervisor": supervisor.uuid,
    }


def test_the_customer_hears_the_agent_never_the_coach(finished: Simulation) -> None:
    supervisor = supervisor_of(finished)
    coached_from = finished.calls[supervisor].answer_at  # rung when the agent joined
    assert AGENT_RING < coached_from < AGENT_RING + AGENT_TALKS
    assert finished.hears(at=1)["customer"] == frozenset()  # alone, waiting for the agent
    assert finished.hears(at=AGENT_RING + 1)["customer"] == {"agent"}
    during = finished.hears(at=coached_from + 1)
    assert during["customer"] == {"agent"}  # coach_mode: the supervisor is not heard by the customer
    assert during["agent"] == {"customer", supervisor}
    assert during[supervisor] == {"customer", "agent"}


def test_the_agent_hanging_up_transfers_the_customer_to_the_survey(finished: Simulation, plivo_app: Flask) -> None:
    customer = finished.calls["customer"]
    survey = finished.requests_for("customer", kind="answer")[-1]
    assert (survey.url, survey.at) == (f"{BASE_URL}/survey", AGENT_RING + AGENT_TALKS)
    assert finished.hears(at=AGENT_RING + AGENT_TALKS + 1)["customer"] == frozenset()
    # the MPC, the survey's GetDigits and its prompt, then the score's "Thank you"
    assert customer.executed == ["MultiPartyCall", "GetDigits", "Speak", "Speak"]
    (scored,) = finished.requests_for("customer", kind="action")
    assert (scored.url, scored.params["Digits"]) == (f"{BASE_URL}/score", "4")
    assert plivo_app.config["SCORES"] == {customer.uuid: "4"}


def test_each_call_is_billed_once_with_its_cause(finished: Simulation, plivo_app: Flask) -> None:
    bills: list[dict[str, str]] = plivo_app.config["BILLS"]
    by_call = {bill["CallUUID"]: bill for bill in bills}
    assert len(by_call) == len(bills) == 2  # the customer's and the agent's: the calls with a hangup_url
    agent, customer = by_call[finished.calls["agent"].uuid], by_call[finished.calls["customer"].uuid]
    assert (agent["HangupCauseName"], agent["Duration"], agent["BillDuration"]) == (
        "Normal Hangup",
        str(AGENT_TALKS),
        str(AGENT_TALKS),
    )
    assert customer["HangupCauseName"] == "End Of XML Instructions"  # after the survey's "Thank you"
    for name in ("agent", "customer"):  # what the app stored is what Plivo's hangup request said
        (sent,) = finished.requests_for(name, kind="hangup")
        stored = by_call[finished.calls[name].uuid]
        assert {key: sent.params[key] for key in stored} == stored


def test_every_rest_call_the_app_made_has_plivos_documented_parameters(
    plivo_sim: Simulation, plivo_client: Any
) -> None:
    sent = record_rest_calls(plivo_client)
    support_call(plivo_sim)
    made = [(method, template(path)) for method, path, _ in sent]
    assert made == [
        ("POST", "Call/"),  # the agent rung, as the customer is answered
        ("POST", "MultiPartyCall/{mpc}/Participant/"),  # the supervisor, as the agent joins
        ("POST", "Call/{uuid}/"),  # the customer to the survey, as the agent leaves
    ]
    for (method, path, body), key in zip(sent, made, strict=True):
        documented, required = DOCUMENTED[key]
        assert required <= set(body) <= documented, (method, path, set(body) - documented)
    (create, add, transfer) = (body for _, _, body in sent)
    assert (create["to"], create["answer_url"], create["hangup_url"]) == (AGENT, f"{BASE_URL}/agent", HANGUP)
    assert (add["role"], add["to"], add["coach_mode"]) == ("supervisor", SUPERVISOR, True)
    assert sent[1][1] == f"MultiPartyCall/name_support-{plivo_sim.calls['customer'].uuid}/Participant/"
    assert (transfer["legs"], transfer["aleg_url"]) == ("aleg", f"{BASE_URL}/survey")
    assert sent[2][1] == f"Call/{plivo_sim.calls['customer'].uuid}/"


def test_every_request_went_to_the_app_and_succeeded(finished: Simulation) -> None:
    assert finished.requests
    for request in finished.requests:
        assert request.url.startswith(BASE_URL)
        assert request.status is not None and 200 <= request.status < 300, request


def test_a_customer_on_hold_hears_the_hold_music(plivo_sim: Simulation) -> None:
    plivo_sim.callee("agent", AGENT, ring=1)
    plivo_sim.call("customer", answer_url=ANSWER, at=0, from_=CUSTOMER, hangup=30)
    plivo_sim.update_participant("customer", at=5, hold=True)
    plivo_sim.update_participant("customer", at=9, hold=False)
    plivo_sim.run()
    (music,) = plivo_sim.requests_for("customer", kind="hold-music")
    assert (music.method, music.url, music.status) == ("GET", f"{BASE_URL}/hold", 200)
    assert "agent" not in plivo_sim.hears(at=7)["customer"]
    assert plivo_sim.hears(at=10)["customer"] == {"agent"}
    assert events(plivo_sim, call="customer") == [
        "ParticipantJoin",
        "ParticipantHold",
        "ParticipantUnhold",
        "ParticipantExit",
    ]


# how a call of this app may end (rule P1): hung up by its party, its document run out,
# or its MPC ended round it (the agent, left alone when the customer hangs up)
ENDINGS = {"Normal Hangup", "End Of XML Instructions", "Multiparty Call Ended"}


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    agent_talks=st.integers(min_value=1, max_value=40),
    # at n.5 s: never the instant a document ends (speech is 0.4 s a word) or the agent hangs up
    customer_hangs_up=st.one_of(st.none(), st.integers(min_value=0, max_value=60).map(lambda n: n + 0.5)),
)
def test_every_call_is_billed_exactly_once_however_it_ends(
    plivo_auth_token: str, agent_talks: int, customer_hangs_up: float | None
) -> None:
    # the customer hangs up before the agent answers, while they talk, during the
    # survey or after it, or rates the call: each call with a hangup_url gets one bill
    from .app import create_app

    app = create_app(auth_token=plivo_auth_token)
    with Simulation(app=app, base_url=BASE_URL, auth_token=plivo_auth_token, strict=True) as sim:
        app.config["PLIVO_CLIENT"] = sim.rest_client()
        support_call(sim, agent_talks=agent_talks, customer_hangs_up=customer_hangs_up)
        bills: list[dict[str, str]] = app.config["BILLS"]
        assert sorted(bill["CallUUID"] for bill in bills) == sorted(sim.calls[n].uuid for n in ("customer", "agent"))
        causes = {bill["CallUUID"]: bill["HangupCauseName"] for bill in bills}
        for name, own_hangup in (("customer", customer_hangs_up), ("agent", AGENT_RING + agent_talks)):
            record = sim.calls[name]
            assert causes[record.uuid] in ENDINGS
            # Normal Hangup exactly when the call's own party hung up
            assert (causes[record.uuid] == "Normal Hangup") == (record.ended_at == own_hangup), name
        if customer_hangs_up is None:  # rated: the survey's document ran out
            assert causes[sim.calls["customer"].uuid] == "End Of XML Instructions"
            assert app.config["SCORES"] == {sim.calls["customer"].uuid: "4"}
        transferred = customer_hangs_up is None or customer_hangs_up > AGENT_RING + agent_talks
        assert bool(sim.requests_to(f"{BASE_URL}/survey")) == transferred


def without_headers(app: Flask, headers: Iterable[str]) -> Callable[..., Any]:
    """``app`` behind a proxy that drops ``headers`` (WSGI names: HTTP_X_...)."""

    def wsgi(environ: dict[str, Any], start_response: Any) -> Any:
        for header in headers:
            environ.pop(header, None)
        return app(environ, start_response)

    return wsgi


@pytest.mark.parametrize(
    ("dropped", "status"),
    [
        (["HTTP_X_PLIVO_SIGNATURE_V3"], 200),  # V2 alone is checked, and is genuine
        (["HTTP_X_PLIVO_SIGNATURE_V3", "HTTP_X_PLIVO_SIGNATURE_V2"], 403),  # no signature: refused
    ],
)
def test_a_request_signed_with_v2_only_is_checked_with_v2(plivo_app: Flask, dropped: list[str], status: int) -> None:
    token = plivo_app.config["PLIVO_AUTH_TOKEN"]
    with Simulation(app=without_headers(plivo_app, dropped), base_url=BASE_URL, auth_token=token) as sim:
        plivo_app.config["PLIVO_CLIENT"] = sim.rest_client()
        sim.call("customer", answer_url=ANSWER, at=0, hangup=1)
        sim.run()
        assert [request.status for request in sim.requests_for("customer", kind="answer")] == [status]


def test_a_request_signed_with_another_token_is_refused(plivo_app: Any) -> None:
    with Simulation(app=plivo_app, base_url=BASE_URL, auth_token="not-the-apps-token", strict=True) as sim:
        sim.call("customer", answer_url=ANSWER, at=0)
        with pytest.raises(StrictModeError, match="HTTP 403"):
            sim.run()
