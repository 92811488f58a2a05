"""The call centre (app.py) driven by the simulator: ``pytest examples/callcenter``.

``plivo_sim`` (plivoxml_plus's pytest plugin) sends every request the platform
would make to the Flask app of conftest.py, in-process, signed, in strict mode:
any reply that is not 2xx or not a valid document fails the test.
"""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from plivoxml_plus import StrictModeError
from plivoxml_plus.core import Simulation
from plivoxml_plus.pytest_plugin import events

from .app import BASE_URL

ANSWER = f"{BASE_URL}/answer"
AGENT = "15551230001"  # one of app.AGENTS
CUSTOMER = "14155550100"


@pytest.fixture
def support_call(plivo_sim: Simulation) -> Simulation:
    """A customer calls, an agent picks up two seconds later and hangs up at t=20."""
    plivo_sim.call("customer", answer_url=ANSWER, at=0, from_=CUSTOMER)
    plivo_sim.call("agent", answer_url=ANSWER, at=2, from_=AGENT, hangup=20)
    return plivo_sim.run()


def stored_events(app: Flask) -> list[dict[str, str]]:
    found: list[dict[str, str]] = app.config["MPC_EVENTS"]
    return found


def test_the_answer_requests_carry_the_call(support_call: Simulation) -> None:
    for name, number in (("customer", CUSTOMER), ("agent", AGENT)):
        (answer,) = support_call.requests_for(name, kind="answer")
        assert answer.url == ANSWER
        assert answer.params["From"] == number
        assert answer.params["To"] == support_call.calls[name].to
        assert answer.params["CallUUID"] == support_call.calls[name].uuid


def test_the_app_stored_every_status_callback(support_call: Simulation, plivo_app: Flask) -> None:
    stored = stored_events(plivo_app)
    assert [form["EventName"] for form in stored] == events(support_call)
    joins = {
        form["ParticipantRole"]: form["ParticipantCallUUID"]
        for form in stored
        if form["EventName"] == "ParticipantJoin"
    }
    assert joins == {"Customer": support_call.calls["customer"].uuid, "Agent": support_call.calls["agent"].uuid}


def test_the_customer_hears_the_agent(support_call: Simulation) -> None:
    assert support_call.hears(at=1)["customer"] == frozenset()  # alone, waiting
    assert support_call.hears(at=10)["customer"] == {"agent"}
    assert support_call.hears(at=10)["agent"] == {"customer"}


def test_the_customer_gets_the_survey_when_the_agent_hangs_up(support_call: Simulation) -> None:
    customer = support_call.calls["customer"]
    assert customer.executed == ["MultiPartyCall", "Speak"]
    (survey,) = support_call.requests_for("customer", kind="exit-action")
    assert survey.url == f"{BASE_URL}/survey"
    assert support_call.calls["agent"].executed == ["MultiPartyCall"]


def test_every_request_went_to_the_app_and_succeeded(support_call: Simulation) -> None:
    assert support_call.requests
    for request in support_call.requests:
        assert request.url.startswith(BASE_URL)
        assert request.status is not None and 200 <= request.status < 300, request


def test_a_customer_on_hold_hears_the_hold_music(plivo_sim: Simulation) -> None:
    plivo_sim.call("customer", answer_url=ANSWER, at=0, from_=CUSTOMER, hangup=30)
    plivo_sim.call("agent", answer_url=ANSWER, at=1, from_=AGENT)
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


def test_a_request_signed_with_another_token_is_refused(plivo_app: Any) -> None:
    pytest.importorskip("plivo")  # the app checks signatures with plivo-python
    with Simulation(app=plivo_app, base_url=BASE_URL, auth_token="not-the-apps-token", strict=True) as sim:
        sim.call("customer", answer_url=ANSWER, at=0)
        with pytest.raises(StrictModeError, match="HTTP 403"):
            sim.run()
