"""<Dial> in the simulator (rule I5): callees, ringing, the two-leg bridge, the
action URL and the callbackUrl events, and callees in scenario files."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plivoxml_plus import Dial, Response, ScenarioError, SimulationError, Speak, Wait
from plivoxml_plus.core import Simulation, load_scenario

ACTION = "https://example.com/dial-done"
CB = "https://example.com/dial-events"
AGENT = "15551230000"
OTHER = "15551239999"
AFTER = "<Response><Speak>after the dial</Speak></Response>"


def dial(*numbers: str, **attributes: Any) -> Dial:
    element = Dial(**attributes)
    for number in numbers:
        if number.startswith("sip"):
            element.add_user(number)
        else:
            element.add_number(number)
    return element


def caller(sim: Simulation, element: Dial, *, hangup: float | None = None, then: Any = None) -> None:
    document = Response().add(element)
    if then is not None:
        document.add(then)
    sim.call("alice", document, hangup=hangup)


def actions(sim: Simulation) -> list[dict[str, str]]:
    return [r.params for r in sim.requests_to(ACTION, kind="action")]


def dial_callbacks(sim: Simulation) -> list[dict[str, str]]:
    return [r.params for r in sim.requests_to(CB, kind="callback")]


# -- answered and bridged ---------------------------------------------------------------


def test_an_answered_dial_bridges_both_ways_while_connected_and_reports_completed():
    sim = Simulation(urls={ACTION: AFTER})
    caller(sim, dial(AGENT, action=ACTION))
    bob = sim.callee("bob", AGENT, ring=3, hangup_after=20)
    assert sim.calls["bob"].answer_at == math.inf  # until a Dial connects it
    sim.run(until=2)
    assert sim.hears() == {"alice": frozenset()}  # bob is not up while ringing
    sim.run(until=10)
    assert sim.hears() == {"alice": frozenset({"bob"}), "bob": frozenset({"alice"})}
    assert sim.audibility().room("alice") == sim.audibility().room("bob") is not None
    sim.run()
    assert sim.hears(24) == {"alice": frozenset()}  # bob hung up at 23
    assert (bob.answer_at, bob.ended_at, bob.end_reason) == (3, 23, "the callee hung up")
    assert (bob.direction, bob.from_, bob.to) == ("outbound", sim.calls["alice"].from_, AGENT)
    [params] = actions(sim)
    assert sim.requests_to(ACTION)[0].at == 23
    assert {k: params[k] for k in ("DialStatus", "DialRingStatus", "DialHangupCause", "DialBLegUUID")} == {
        "DialStatus": "completed",
        "DialRingStatus": "true",
        "DialHangupCause": "NORMAL_CLEARING",
        "DialBLegUUID": bob.uuid,
    }
    assert params["DialALegUUID"] == params["CallUUID"] == sim.calls["alice"].uuid
    assert sim.calls["alice"].executed == ["Dial", "Speak"]  # the action's document replaced the rest


def test_caller_id_is_the_callee_legs_from():
    sim = Simulation()
    caller(sim, dial(AGENT, caller_id="15550009999"))
    bob = sim.callee("bob", AGENT, ring=1, hangup_after=1)
    sim.run()
    assert (bob.from_, bob.to, bob.direction) == ("15550009999", AGENT, "outbound")


def test_a_sip_user_is_dialled_by_its_uri():
    sim = Simulation()
    caller(sim, dial("sip:bob@phone.plivo.com"))
    bob = sim.callee("bob", "sip:bob@phone.plivo.com", ring=2, hangup_after=5)
    sim.run()
    assert (bob.answer_at, bob.ended_at, bob.to) == (2, 7, "sip:bob@phone.plivo.com")


# -- not answered -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("refuse", "status", "cause", "rang", "at"),
    [
        ("busy", "busy", "USER_BUSY", "false", 0),
        ("failed", "failed", "CALL_REJECTED", "false", 0),
        ("no-answer", "no-answer", "NO_ANSWER", "true", 3),
    ],
)
def test_a_refusing_callee(refuse: Any, status: str, cause: str, rang: str, at: float):
    sim = Simulation(urls={ACTION: AFTER})
    caller(sim, dial(AGENT, action=ACTION))
    bob = sim.callee("bob", AGENT, ring=3, refuse=refuse)
    sim.run()
    [params] = actions(sim)
    assert (params["DialStatus"], params["DialHangupCause"], params["DialRingStatus"]) == (status, cause, rang)
    assert params["DialBLegUUID"] == ""
    assert sim.requests_to(ACTION)[0].at == at
    assert bob.answer_at == math.inf and bob.ended_at is None


def test_no_answer_when_the_timeout_passes_first():
    sim = Simulation(urls={ACTION: AFTER})
    caller(sim, dial(AGENT, action=ACTION, timeout=10))
    bob = sim.callee("bob", AGENT, ring=15)
    sim.run()
    [params] = actions(sim)
    assert (params["DialStatus"], params["DialHangupCause"], params["DialRingStatus"]) == (
        "no-answer",
        "NO_ANSWER",
        "true",
    )
    assert sim.requests_to(ACTION)[0].at == 10
    assert bob.answer_at == math.inf


def test_a_number_no_callee_answers_rings_until_the_options_dial_timeout():
    # 30 s: the documented default (issue 19; docs/rules.md, I5), no longer 60
    sim = Simulation(urls={ACTION: AFTER})
    caller(sim, dial(AGENT, action=ACTION))
    sim.run()
    assert actions(sim)[0]["DialStatus"] == "no-answer"
    assert sim.requests_to(ACTION)[0].at == sim.options.dial_timeout == 30
    assert any("no callee answers" in n.text for n in sim.notes)


def test_a_callee_already_in_a_call_is_busy():
    sim = Simulation(urls={ACTION: AFTER})
    sim.call("carol", Response().add(dial(AGENT)))
    sim.call("alice", Response().add(Wait(length=5)).add(dial(AGENT, action=ACTION)))
    sim.callee("bob", AGENT, ring=1, hangup_after=100)
    sim.run()
    assert actions(sim)[0]["DialStatus"] == "busy"
    assert sim.calls["bob"].end_reason == "the callee hung up"


def test_the_first_of_two_numbers_to_answer_wins_and_the_other_is_cancelled():
    sim = Simulation(urls={ACTION: AFTER})
    caller(sim, dial(AGENT, OTHER, action=ACTION, callback_url=CB))
    slow = sim.callee("slow", AGENT, ring=8, hangup_after=10)
    fast = sim.callee("fast", OTHER, ring=2, hangup_after=10)
    sim.probe(5)
    sim.run()
    assert fast.answer_at == 2 and slow.answer_at == math.inf
    assert sim.probes[0].hears == {"alice": frozenset({"fast"}), "fast": frozenset({"alice"})}
    assert actions(sim)[0]["DialBLegUUID"] == fast.uuid
    assert {p["DialBLegUUID"] for p in dial_callbacks(sim)} == {fast.uuid}
    assert any(e.call == "slow" and "stops ringing" in e.text for e in sim.timeline)


# -- what ends a connected Dial -----------------------------------------------------------


def test_hangup_on_star_hangs_up_the_callee_and_the_caller_goes_on():
    sim = Simulation()
    caller(sim, dial(AGENT, hangup_on_star=True), then=Speak("back with you"))
    bob = sim.callee("bob", AGENT, ring=1)
    sim.press("alice", "*", at=9)
    sim.run()
    assert (bob.ended_at, bob.end_reason) == (9, "the caller pressed * (hangupOnStar)")
    alice = sim.calls["alice"]
    assert alice.executed == ["Dial", "Speak"] and alice.end_reason == "end of document"
    assert sim.hears(8) == {"alice": frozenset({"bob"}), "bob": frozenset({"alice"})}


def test_star_without_hangup_on_star_passes_to_the_callee():
    sim = Simulation()
    caller(sim, dial(AGENT, time_limit=20))
    bob = sim.callee("bob", AGENT, ring=1)
    sim.press("alice", "*", at=9)
    sim.run()
    assert bob.ended_at == 21  # the time limit, not the star
    assert any("pass to bob" in e.text for e in sim.timeline)


def test_time_limit_ends_the_bridge():
    sim = Simulation(urls={ACTION: AFTER})
    caller(sim, dial(AGENT, time_limit=30, action=ACTION))
    bob = sim.callee("bob", AGENT, ring=5)
    sim.run()
    assert (bob.answer_at, bob.ended_at, bob.end_reason) == (5, 35, "the Dial's timeLimit passed")
    assert actions(sim)[0]["DialStatus"] == "completed"
    assert sim.requests_to(ACTION)[0].at == 35


@pytest.mark.parametrize("redirect", [True, False])
def test_redirect_decides_whether_the_action_document_replaces_the_callers(redirect: bool):
    sim = Simulation(urls={ACTION: AFTER})
    caller(sim, dial(AGENT, action=ACTION, redirect=redirect), then=Wait(length=2))
    sim.callee("bob", AGENT, ring=1, hangup_after=1)
    sim.run()
    assert len(actions(sim)) == 1
    assert sim.calls["alice"].executed == (["Dial", "Speak"] if redirect else ["Dial", "Wait"])


def test_without_action_the_call_goes_on_with_its_next_element():
    sim = Simulation()
    caller(sim, dial(AGENT), then=Wait(length=2))
    sim.callee("bob", AGENT, ring=1, hangup_after=1)
    sim.run()
    assert sim.requests == ()
    assert sim.calls["alice"].executed == ["Dial", "Wait"]
    assert sim.calls["alice"].ended_at == 4


def test_the_caller_hanging_up_hangs_up_the_callee_and_makes_no_action_request():
    sim = Simulation(urls={ACTION: AFTER})
    caller(sim, dial(AGENT, action=ACTION, callback_url=CB), hangup=12)
    bob = sim.callee("bob", AGENT, ring=2)
    sim.run()
    assert (bob.ended_at, bob.end_reason) == (12, "the caller hung up")
    assert actions(sim) == []
    assert [p["DialAction"] for p in dial_callbacks(sim)] == ["answer", "connected", "hangup"]


def test_the_caller_hanging_up_while_ringing_cancels_the_dial():
    sim = Simulation(urls={ACTION: AFTER})
    caller(sim, dial(AGENT, action=ACTION), hangup=2)
    bob = sim.callee("bob", AGENT, ring=5)
    sim.run()
    assert bob.answer_at == math.inf and actions(sim) == []


# -- callbackUrl ------------------------------------------------------------------------------


def test_callback_parameters_exactly():
    sim = Simulation()
    caller(sim, dial(AGENT, callback_url=CB, callback_method="GET", caller_id="15550009999"))
    bob = sim.callee("bob", AGENT, ring=2, hangup_after=3)
    sim.run()
    alice = sim.calls["alice"]
    requests = sim.requests_to(CB)
    assert [(r.at, r.method, r.call) for r in requests] == [(2, "GET", "alice")] * 2 + [(5, "GET", "alice")]
    leg = {
        "DialALegUUID": alice.uuid,
        "DialBLegUUID": bob.uuid,
        "DialBLegFrom": "15550009999",
        "DialBLegTo": AGENT,
    }
    own = [{k: v for k, v in r.params.items() if k.startswith("Dial")} for r in requests]
    assert own == [
        {"DialAction": "answer", **leg, "DialBLegStatus": "answer"},
        {"DialAction": "connected", **leg, "DialBLegStatus": "connected"},
        {
            "DialAction": "hangup",
            **leg,
            "DialBLegStatus": "hangup",
            "DialBLegHangupCause": "NORMAL_CLEARING",
            "DialBLegHangupCauseName": "Normal Hangup",
            "DialBLegHangupCauseCode": "4000",
            "DialBLegHangupSource": "Callee",
            "DialBLegDuration": "3",
            "DialBLegBillDuration": "3",
        },
    ]
    assert all(r.params["CallUUID"] == alice.uuid for r in requests)  # the caller's standard parameters


def test_digits_match_makes_a_digits_callback():
    sim = Simulation()
    caller(sim, dial(AGENT, callback_url=CB, digits_match=["12"]))
    sim.callee("bob", AGENT, ring=1, hangup_after=10)
    sim.press("alice", "912", at=5)
    sim.run()
    digits = [p for p in dial_callbacks(sim) if p["DialAction"] == "digits"]
    assert [p["DialDigitsMatch"] for p in digits] == ["12"]


# -- the API's checks ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"number": "not a number"}, "callee 'bob': number"),
        ({"number": AGENT, "ring": -1}, "ring"),
        ({"number": AGENT, "refuse": "maybe"}, "refuse = 'maybe' is not allowed"),
        ({"number": AGENT, "refuse": "busy", "hangup_after": 3}, "hangup_after goes with a callee that answers"),
    ],
)
def test_callee_refuses_bad_arguments(kwargs: dict[str, Any], message: str):
    sim = Simulation()
    with pytest.raises(SimulationError, match=message):
        sim.callee("bob", **kwargs)


def test_a_callee_name_is_a_call_name():
    sim = Simulation()
    sim.call("bob", Response())
    with pytest.raises(SimulationError, match="already a call named 'bob'"):
        sim.callee("bob", AGENT)


# -- a property --------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(ring=st.integers(0, 40), timeout=st.integers(1, 40))
def test_dial_status_is_completed_iff_the_callee_rings_less_than_the_timeout(ring: int, timeout: int):
    sim = Simulation(urls={ACTION: AFTER})
    caller(sim, dial(AGENT, action=ACTION, timeout=timeout))
    sim.callee("bob", AGENT, ring=ring, hangup_after=1)
    sim.run()
    [params] = actions(sim)
    assert (params["DialStatus"] == "completed") == (ring < timeout)
    assert params["DialStatus"] in ("completed", "no-answer")


# -- scenario files ----------------------------------------------------------------------------


EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "scenarios" / "dial-transfer.toml"


def test_the_dial_transfer_example():
    sim = load_scenario(EXAMPLE).run()
    agent = sim.calls["agent"]
    assert (agent.answer_at, agent.ended_at) == (6.4, 36.4)
    assert agent.from_ == "15550009999"
    probes = {p.at: p.hears for p in sim.probes}
    assert probes[12] == {"caller": frozenset({"agent"}), "agent": frozenset({"caller"})}
    assert probes[1] == {"caller": frozenset()}
    [action] = sim.requests_to("https://example.com/dial-done/")
    assert action.params["DialStatus"] == "completed"
    assert sim.calls["caller"].executed == ["Speak", "Dial", "Speak", "Hangup"]


CALLER = "[[call]]\nname = 'a'\nanswer = '<Response><Dial><Number>15551230000</Number></Dial></Response>'\n"


def test_a_scenario_callee_that_refuses(tmp_path: Path):
    path = tmp_path / "s.toml"
    path.write_text(CALLER + "[[call]]\nname = 'b'\nanswers = '15551230000'\nrefuse = 'busy'\n")
    sim = load_scenario(path).run()
    assert sim.calls["b"].answer_at == math.inf
    assert any("refuses: busy" in e.text for e in sim.timeline)


@pytest.mark.parametrize(
    ("extra", "line", "message"),
    [
        ("answers = '15551230000'\nat = 3\n", 7, "at does not go with answers"),
        ("answers = '15551230000'\nanswer = '<Response/>'\n", 7, "answer does not go with answers"),
        ("answers = '15551230000'\ndirection = 'inbound'\n", 7, "direction does not go with answers"),
        ("answers = 'x y'\n", 6, "answers = 'x y' is not allowed"),
        ("answers = '15551230000'\nring = -2\n", 7, "ring"),
        ("answers = '15551230000'\nrefuse = 'later'\n", 7, 'refuse must be "busy", "no-answer" or "failed"'),
        ("answers = '15551230000'\nrefuse = 'busy'\nhangup = 3\n", 8, "hangup (seconds after it answers) goes"),
        ("answer = '<Response/>'\nring = 3\n", 7, 'ring goes with answers = "NUMBER"'),
        ("answer = '<Response/>'\nrefuse = 'busy'\n", 7, 'refuse goes with answers = "NUMBER"'),
    ],
)
def test_bad_callees_are_scenario_errors_at_their_line(tmp_path: Path, extra: str, line: int, message: str):
    path = tmp_path / "bad.toml"
    path.write_text(CALLER + "[[call]]\nname = 'b'\n" + extra)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    text = str(caught.value)
    assert text.startswith(f"{path}:{line}: "), text
    assert message in text, text


# -- dialMusic ---------------------------------------------------------------------------------

MUSIC = "https://example.com/ringback.xml"
MUSIC_DOC = "<Response><Play>https://example.com/ringback.mp3</Play></Response>"


def test_dial_music_is_what_the_caller_hears_while_the_dial_rings():
    sim = Simulation(urls={MUSIC: MUSIC_DOC})
    sim.call("alice", Response([Dial(dial_music=MUSIC).add_number("15551230000")]), hangup=30)
    sim.callee("agent", "15551230000", ring=5)
    sim.run()
    [fetch] = [r for r in sim.requests if r.kind == "dial-music"]
    assert (fetch.at, fetch.url, fetch.method) == (0, MUSIC, "POST")
    assert sim.audibility(at=2).instead("alice") == f"dialMusic:{MUSIC}"
    assert sim.audibility(at=6).instead("alice") is None and sim.hears(at=6)["alice"] == {"agent"}


def test_dial_music_real_passes_early_media_and_it_stops_when_no_one_answers():
    # the callee's early media (its network's ring tone), no longer Plivo's music placeholder
    sim = Simulation()
    dial = Dial(dial_music="real", timeout=10).add_number("15551230000")
    sim.call("alice", Response([dial, Speak("nobody answered, please try again later")]), hangup=30)
    sim.run()
    assert [r.kind for r in sim.requests] == []
    assert sim.audibility(at=5).instead("alice") == "earlyMedia:us-ring"
    assert sim.audibility(at=11).instead("alice") is None  # the Dial gave up at 10


# -- confirmKey, confirmSound ------------------------------------------------------------------

CONFIRM = "https://example.com/press-1.xml"
CONFIRM_DOC = "<Response><Speak>Press 1 to take this call</Speak></Response>"


def screened(**dial: Any) -> Dial:
    return Dial(confirm_sound=CONFIRM, confirm_key="1", **dial).add_number("15551230000")


def test_confirm_key_connects_only_once_the_callee_presses_it():
    sim = Simulation(urls={CONFIRM: CONFIRM_DOC})
    sim.call("alice", Response([screened()]), hangup=40)
    sim.callee("agent", "15551230000", ring=2)
    sim.press("agent", "31", at=6)  # 3 is not the key; 1 is
    sim.run()
    assert [(r.at, r.kind, r.call) for r in sim.requests if r.kind == "dial-music"] == [(2, "dial-music", "agent")]
    assert sim.audibility(at=4).instead("agent") == f"confirmSound:{CONFIRM}"
    assert sim.hears(at=4) == {"alice": frozenset(), "agent": frozenset()}  # not connected yet
    assert sim.hears(at=7) == {"alice": {"agent"}, "agent": {"alice"}}


def test_no_confirm_key_in_time_hangs_up_the_callee_and_reports_no_answer():
    sim = Simulation(urls={CONFIRM: CONFIRM_DOC, "https://example.com/after": "<Response/>"})
    sim.call("alice", Response([screened(confirm_timeout=10, action="https://example.com/after")]), hangup=40)
    sim.callee("agent", "15551230000", ring=2)
    sim.run()
    [action] = [r for r in sim.requests if r.kind == "action"]
    assert (action.at, action.params["DialStatus"], action.params["DialBLegUUID"]) == (12, "no-answer", "")
    assert sim.calls["agent"].ended_at == 12 and sim.calls["agent"].end_reason == "confirmKey not pressed in time"


def test_the_caller_hanging_up_while_the_callee_is_asked_ends_both():
    sim = Simulation(urls={CONFIRM: CONFIRM_DOC})
    sim.call("alice", Response([screened()]), hangup=5)
    sim.callee("agent", "15551230000", ring=2)
    sim.run()
    assert sim.calls["agent"].ended_at == 5 and sim.requests_to("https://example.com/after") == []


def test_digits_match_b_leg_reports_the_callees_keys():
    callback = "https://example.com/dial-events"
    dial = Dial(callback_url=callback, digits_match="99", digits_match_b_leg="#1,*0").add_number("15551230000")
    sim = Simulation()
    sim.call("alice", Response([dial]), hangup=30)
    sim.callee("agent", "15551230000", ring=1)
    sim.press("agent", "5*0", at=5)  # ends with *0
    sim.press("alice", "#1", at=6)  # the callee's pattern: not the caller's
    sim.press("alice", "99", at=7)
    sim.run()
    events = sim.requests_to(callback)
    digits = [(r.at, r.params["DialDigitsMatch"]) for r in events if r.params["DialAction"] == "digits"]
    assert digits == [(5, "*0"), (7, "99")]
