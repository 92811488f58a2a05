"""Every element a Response may hold has a handler in the simulator, and a venue
for those that are not the call's own (rooms, the call-flow elements)."""

from __future__ import annotations

from plivoxml_plus import (
    DTMF,
    Conference,
    Message,
    PreAnswer,
    Record,
    Response,
    Simulation,
    Stream,
)
from plivoxml_plus.core.callflow._call import _HANDLERS, Call
from plivoxml_plus.elements import ANSWER_CHILDREN, ELEMENT_CLASSES


def test_every_element_a_response_may_hold_has_a_handler():
    assert set(_HANDLERS) == set(ANSWER_CHILDREN)
    assert all(tag in ELEMENT_CLASSES for tag in _HANDLERS)
    venues = Simulation()._venues
    assert {tag for tag, handler in _HANDLERS.items() if handler is Call._room} == set(venues)


def test_pre_answer_runs_its_children_first():
    sim = Simulation()
    sim.call("alice", Response([PreAnswer().add_speak("Hello").add_wait(length=2), Conference("room")]), hangup=10)
    sim.run()
    assert sim.calls["alice"].executed == ["PreAnswer", "Speak", "Wait", "Conference"]
    assert sim.calls["alice"].memberships[0].joined_at == 3.0  # Speak 1 s, then Wait 2 s


def test_elements_that_take_no_time_let_the_call_go_on_at_once():
    # (what each one does is tested under its rule, in test_core_call_flow.py)
    elements = [
        DTMF("12#"),
        Message("hi", src="14155550000", dst="14155551234"),
        Stream("wss://media.example.com/s"),
        Record(action="https://example.com/rec", record_session=True),
    ]
    sim = Simulation(urls={"https://example.com/rec": "<Response/>"})
    sim.call("alice", Response([*elements, Conference("room")]), hangup=5)
    sim.run()
    record = sim.calls["alice"]
    assert record.executed == ["DTMF", "Message", "Stream", "Record", "Conference"]
    assert record.memberships[0].joined_at == 0
