"""Every element a Response may hold has a handler in the simulator: executed, or
noted as not simulated (and the call goes on), never a traceback."""

from __future__ import annotations

import pytest

from plivoxml_plus import (
    DTMF,
    Conference,
    Dial,
    GetDigits,
    GetInput,
    Message,
    PreAnswer,
    Record,
    Response,
    Simulation,
    Stream,
)
from plivoxml_plus.core._call import _HANDLERS
from plivoxml_plus.elements import ANSWER_CHILDREN, ELEMENT_CLASSES

NOT_SIMULATED = [
    GetDigits(action="https://example.com/pin").add_speak("Enter your PIN"),
    GetInput(action="https://example.com/in", input_type="speech"),
    Record(action="https://example.com/rec"),
    Dial().add_number("14155551234"),
    Message("hi", src="14155550000", dst="14155551234"),
    Stream("wss://media.example.com/s"),
]


def test_every_element_a_response_may_hold_has_a_handler():
    assert set(_HANDLERS) == set(ANSWER_CHILDREN)
    assert all(tag in ELEMENT_CLASSES for tag in _HANDLERS)


@pytest.mark.parametrize("element", NOT_SIMULATED, ids=lambda e: e.tag)
def test_an_element_not_simulated_is_noted_and_the_call_goes_on(element):
    sim = Simulation()
    sim.call("alice", Response([element, Conference("room")]), hangup=5)
    sim.run()
    record = sim.calls["alice"]
    assert record.executed == [element.tag, "Conference"]
    assert record.rooms == ["room"]
    assert any(f"<{element.tag}> is not simulated" in e.text for e in sim.notes if e.call == "alice")


def test_pre_answer_runs_its_children_first():
    sim = Simulation()
    sim.call("alice", Response([PreAnswer().add_speak("Hello").add_wait(length=2), Conference("room")]), hangup=10)
    sim.run()
    assert sim.calls["alice"].executed == ["PreAnswer", "Speak", "Wait", "Conference"]
    assert sim.calls["alice"].memberships[0].joined_at == 3.0  # Speak 1 s, then Wait 2 s


def test_dtmf_is_noted():
    sim = Simulation()
    sim.call("alice", Response([DTMF("12#"), Conference("room")]), hangup=5)
    sim.run()
    assert sim.calls["alice"].executed == ["DTMF", "Conference"]
    assert any("'12#'" in e.text for e in sim.notes if e.call == "alice")
