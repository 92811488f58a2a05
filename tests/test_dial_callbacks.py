"""<Dial> callbackUrl events as Plivo's current Dial reference names them (rule I5):
each way a B leg ends reports one cause (FreeSWITCH's name beside Plivo's name,
code and source) and the leg's durations; digits events say who pressed; the
table of endings in docs/rules.md is the one in code."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plivoxml_plus import Dial, Response
from plivoxml_plus.core import Simulation
from plivoxml_plus.core.platform._hangup_causes import ENDINGS

RULES = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
CB = "https://example.com/dial-events"
CONFIRM = "https://example.com/press-1.xml"
AGENT = "15551230000"
OTHER = "15551239999"
FROM = "15550001111"  # the caller's From, which the callee sees without callerId


def dialling(
    sim: Simulation, *, hangup: float | None = None, numbers: tuple[str, ...] = (AGENT,), **attrs: Any
) -> None:
    dial = Dial(callback_url=CB, **attrs)
    for number in numbers:
        dial.add_number(number)
    sim.call("alice", Response([dial]), hangup=hangup, from_=FROM)


def hangups(sim: Simulation) -> list[tuple[float, dict[str, str]]]:
    """Each hangup event: its time, and its Dial parameters."""
    return [
        (r.at, {k: v for k, v in r.params.items() if k.startswith("Dial")})
        for r in sim.requests_to(CB, kind="callback")
        if r.params["DialAction"] == "hangup"
    ]


def cause(fs: str, name: str, code: int, source: str, duration: int = 0) -> dict[str, str]:
    """What a hangup event says of the end: the cause under both names, its source, the durations."""
    return {
        "DialBLegHangupCause": fs,
        "DialBLegHangupCauseName": name,
        "DialBLegHangupCauseCode": str(code),
        "DialBLegHangupSource": source,
        "DialBLegDuration": str(duration),
        "DialBLegBillDuration": str(duration),
    }


HANGUP_KEYS = tuple(cause("", "", 0, ""))


def callee_hangs_up(sim: Simulation) -> None:
    dialling(sim)
    sim.callee("bob", AGENT, ring=2, hangup_after=7)


def caller_hangs_up(sim: Simulation) -> None:
    dialling(sim, hangup=12)
    sim.callee("bob", AGENT, ring=2)


def hangup_on_star(sim: Simulation) -> None:
    dialling(sim, hangup_on_star=True)
    sim.callee("bob", AGENT, ring=2)
    sim.press("alice", "*", at=6)


def time_limit(sim: Simulation) -> None:
    dialling(sim, time_limit=5)
    sim.callee("bob", AGENT, ring=2)


def confirm_timeout(sim: Simulation) -> None:
    dialling(sim, confirm_key="1", confirm_timeout=4, hangup=40)
    sim.callee("bob", AGENT, ring=2)


def callee_hangs_up_unconfirmed(sim: Simulation) -> None:
    dialling(sim, confirm_key="1", hangup=40)
    sim.callee("bob", AGENT, ring=2, hangup_after=3)


def caller_hangs_up_while_confirming(sim: Simulation) -> None:
    dialling(sim, confirm_key="1", hangup=5)
    sim.callee("bob", AGENT, ring=2)


def ring_timeout(sim: Simulation) -> None:
    dialling(sim, timeout=10)
    sim.callee("bob", AGENT, ring=15)


def network_no_answer(sim: Simulation) -> None:
    dialling(sim)
    sim.callee("bob", AGENT, ring=3, refuse="no-answer")


def busy(sim: Simulation) -> None:
    dialling(sim)
    sim.callee("bob", AGENT, refuse="busy")


def failed(sim: Simulation) -> None:
    dialling(sim)
    sim.callee("bob", AGENT, refuse="failed")


def caller_cancels(sim: Simulation) -> None:
    dialling(sim, hangup=2)
    sim.callee("bob", AGENT, ring=5)


NORMAL = ("NORMAL_CLEARING", "Normal Hangup", 4000)
RING_TIMEOUT = ("NO_ANSWER", "Ring Timeout Reached", 6010)
CASES: list[tuple[Callable[[Simulation], None], float, dict[str, str]]] = [
    (callee_hangs_up, 9, cause(*NORMAL, "Callee", 7)),
    (caller_hangs_up, 12, cause(*NORMAL, "Caller", 10)),
    (hangup_on_star, 6, cause(*NORMAL, "Caller", 4)),
    (time_limit, 7, cause(*NORMAL, "Plivo", 5)),
    (confirm_timeout, 6, cause(*RING_TIMEOUT, "Plivo", 4)),
    (callee_hangs_up_unconfirmed, 5, cause(*NORMAL, "Callee", 3)),
    (caller_hangs_up_while_confirming, 5, cause(*NORMAL, "Caller", 3)),
    (ring_timeout, 10, cause(*RING_TIMEOUT, "Plivo")),
    (network_no_answer, 3, cause(*RING_TIMEOUT, "Carrier")),
    (busy, 0, cause("USER_BUSY", "Busy Line", 3010, "Carrier")),
    (failed, 0, cause("CALL_REJECTED", "Rejected", 3020, "Carrier")),
    (caller_cancels, 2, cause("ORIGINATOR_CANCEL", "Canceled", 1000, "Caller")),
]


@pytest.mark.parametrize(("scene", "at", "expected"), CASES, ids=[case[0].__name__ for case in CASES])
def test_each_ending_reports_its_cause_source_and_durations(
    scene: Callable[[Simulation], None], at: float, expected: dict[str, str]
):
    sim = Simulation(urls={CONFIRM: "<Response/>"})
    scene(sim)
    sim.run()
    bob = sim.calls["bob"]
    [(when, params)] = hangups(sim)
    assert when == at
    assert params == {
        "DialAction": "hangup",
        "DialALegUUID": sim.calls["alice"].uuid,
        "DialBLegUUID": bob.uuid,
        "DialBLegStatus": "hangup",
        "DialBLegFrom": FROM,
        "DialBLegTo": AGENT,
        **expected,
    }


def test_a_target_no_callee_answers_rings_out_with_an_empty_b_leg_uuid():
    sim = Simulation()
    dialling(sim, timeout=5, caller_id="15550009999")
    sim.run()
    [(when, params)] = hangups(sim)
    assert when == 5
    assert (params["DialBLegUUID"], params["DialBLegFrom"], params["DialBLegTo"]) == ("", "15550009999", AGENT)
    assert {k: params[k] for k in HANGUP_KEYS} == cause(*RING_TIMEOUT, "Plivo")


def test_a_leg_that_loses_the_race_has_no_hangup_event():
    sim = Simulation()
    dialling(sim, numbers=(AGENT, OTHER))
    fast = sim.callee("fast", AGENT, ring=1, hangup_after=4)
    sim.callee("slow", OTHER, ring=3)
    sim.run()
    assert [(at, p["DialBLegUUID"]) for at, p in hangups(sim)] == [(5, fast.uuid)]


def test_a_callee_busy_in_another_dial_is_a_busy_line():
    sim = Simulation()
    sim.call("carol", Response([Dial().add_number(AGENT)]), hangup=30)
    sim.callee("bob", AGENT, ring=1)
    dialling(sim)  # alice's Dial starts at 0 too, after carol's: bob is ringing for carol
    sim.run()
    [(_, params)] = hangups(sim)
    assert (params["DialBLegUUID"], params["DialBLegHangupCauseName"]) == ("", "Busy Line")


@pytest.mark.parametrize(
    ("attribute", "who", "presses", "pressed_by"),
    [
        ("digits_match", "alice", "12", "ALeg"),
        ("digits_match_b_leg", "bob", "12", "BLeg"),
    ],
)
def test_a_digits_event_says_which_leg_pressed(attribute: str, who: str, presses: str, pressed_by: str):
    sim = Simulation()
    attrs: dict[str, Any] = {attribute: "12"}
    dialling(sim, **attrs)
    bob = sim.callee("bob", AGENT, ring=1, hangup_after=10)
    sim.press(who, presses, at=5)
    sim.run()
    [digits] = [r.params for r in sim.requests_to(CB) if r.params["DialAction"] == "digits"]
    assert {k: v for k, v in digits.items() if k.startswith("Dial")} == {
        "DialAction": "digits",
        "DialALegUUID": sim.calls["alice"].uuid,
        "DialBLegUUID": bob.uuid,
        "DialBLegStatus": "connected",
        "DialBLegFrom": FROM,
        "DialBLegTo": AGENT,
        "DialDigitsMatch": "12",
        "DialDigitsPressedBy": pressed_by,
    }


@settings(max_examples=40, deadline=None)
@given(
    legs=st.lists(
        st.one_of(  # (ring, refuse, hangup_after): only a callee that answers may hang up after
            st.tuples(st.integers(1, 12), st.none(), st.one_of(st.none(), st.integers(1, 12))),
            st.tuples(st.integers(1, 12), st.sampled_from(["busy", "no-answer", "failed"]), st.none()),
        ),
        min_size=1,
        max_size=3,
    ),
    caller_hangup=st.one_of(st.none(), st.integers(1, 30)),
    timeout=st.integers(1, 15),
    time_limit=st.integers(1, 20),
)
def test_every_leg_but_a_race_loser_ends_with_one_hangup_event_of_a_known_cause(
    legs: list[tuple[int, str | None, int | None]], caller_hangup: int | None, timeout: int, time_limit: int
):
    numbers = tuple(f"1555123000{i}" for i in range(len(legs)))
    sim = Simulation()
    dialling(sim, numbers=numbers, hangup=caller_hangup, timeout=timeout, time_limit=time_limit)
    records = [
        sim.callee(f"b{i}", number, ring=ring, refuse=refuse, hangup_after=after)  # type: ignore[arg-type]
        for i, (number, (ring, refuse, after)) in enumerate(zip(numbers, legs, strict=True))
    ]
    sim.run()
    events = hangups(sim)
    by_leg = [p["DialBLegTo"] for _, p in events]
    assert len(by_leg) == len(set(by_leg))  # at most one each
    answered = [r for r in records if r.answer_at != float("inf")]
    assert len(answered) <= 1
    if not answered:  # no race was won: every leg ended on its own
        assert sorted(by_leg) == sorted(numbers)
    known = {(e.freeswitch, e.name, str(e.code), e.source) for e in ENDINGS}
    for _, params in events:
        assert tuple(params[k] for k in HANGUP_KEYS[:4]) in known
        answered_leg = any(r.uuid == params["DialBLegUUID"] for r in answered)
        assert (params["DialBLegDuration"] != "0") <= answered_leg  # only an answered leg lasts


def documented_endings() -> list[tuple[str, ...]]:
    """The rows of the endings table in docs/rules.md (I5), backquotes dropped."""
    text = RULES.read_text(encoding="utf-8")
    table = text.split("<!-- hangup-endings -->", 1)[1].split("<!-- /hangup-endings -->", 1)[0]
    rows = table.strip().splitlines()[2:]  # after the header and its rule
    return [tuple(cell.strip().strip("`") for cell in row.strip("|").split("|")) for row in rows]


def test_the_endings_table_of_rules_md_is_the_one_in_code():
    stated = [(e.what, e.freeswitch, e.name, str(e.code), e.source, e.grade) for e in ENDINGS]
    assert documented_endings() == stated


def test_each_ending_is_graded_and_its_cause_is_one_plivo_cause():
    for ending in ENDINGS:
        assert re.fullmatch(r"(doc|oss|inf)(, (doc|oss|inf))*", ending.grade), ending
    codes: dict[int, str] = {}
    for ending in ENDINGS:  # one code, one name: the same cause is never named two ways
        assert codes.setdefault(ending.code, ending.name) == ending.name, ending
