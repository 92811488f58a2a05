"""Invariants that hold for every scenario, checked on random ones (hypothesis).

* no one hears themselves;
* muted members are heard by no one;
* a room never holds more than its maxMembers;
* every enter has exactly one exit, after it;
* times never go backwards;
* the same input gives the same output.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plivoxml_plus import Conference, Hangup, Response, Speak, Wait
from plivoxml_plus.core import ConferenceOptions, Simulation

CB = "https://example.com/cb"
ACTION = "https://example.com/action"
ROOMS = ("r1", "r2")


@dataclass
class Plan:
    name: str
    document: Response
    muted: bool
    at: float
    hangup: float | None
    presses: list[tuple[float, str]] = field(default_factory=list)
    talk: list[tuple[float, float]] = field(default_factory=list)


@st.composite
def plans(draw: st.DrawFn) -> tuple[list[Plan], ConferenceOptions, int]:
    max_members = draw(st.integers(1, 4))
    options = ConferenceOptions(
        start_requires_two=draw(st.booleans()),
        remaining_calls_continue=draw(st.booleans()),
        stay_alone_applies_after_two=draw(st.booleans()),
        action_on_overflow=draw(st.booleans()),
        time_limit_from=draw(st.sampled_from(["start", "last_join"])),
        digits_match_needs_callback=draw(st.booleans()),
    )
    result = []
    for index in range(draw(st.integers(1, 6))):
        muted = draw(st.booleans())
        document = Response()
        for _ in range(draw(st.integers(1, 3))):
            kind = draw(st.sampled_from(["Conference", "Conference", "Speak", "Wait"]))
            if kind == "Conference":
                document.add(
                    Conference(
                        draw(st.sampled_from(ROOMS)),
                        callback_url=CB,
                        muted=muted,
                        max_members=max_members,
                        start_conference_on_enter=draw(st.booleans()),
                        end_conference_on_exit=draw(st.booleans()),
                        stay_alone=draw(st.booleans()),
                        hangup_on_star=draw(st.booleans()),
                        time_limit=draw(st.sampled_from([0, 20, 86400])),
                        digits_match=draw(st.sampled_from([None, "1", "12,9", "*#"])),
                        floor_event=draw(st.booleans()),
                        record=draw(st.booleans()),
                        action=draw(st.sampled_from([None, ACTION])),
                        redirect=draw(st.booleans()),
                    )
                )
            elif kind == "Speak":
                document.add(Speak("a few words here"))
            else:
                document.add(Wait(length=draw(st.integers(1, 30)), silence=draw(st.booleans())))
        if draw(st.booleans()):
            document.add(Hangup())
        at_ms = draw(st.integers(0, 200_000))  # times drawn in whole ms, as the simulator keeps them
        length_ms = draw(st.one_of(st.none(), st.integers(0, 200_000)))
        hangup_ms = None if length_ms is None else at_ms + length_ms
        at = at_ms / 1000
        hangup = None if hangup_ms is None else hangup_ms / 1000
        end = hangup if hangup is not None else at + 200
        plan = Plan(f"c{index}", document, muted, at, hangup)
        for _ in range(draw(st.integers(0, 3))):
            when = draw(st.floats(at, end, allow_nan=False))
            plan.presses.append((round(when, 3), draw(st.text("0123456789*#", min_size=1, max_size=3))))
        points = sorted(set(draw(st.lists(st.integers(0, 20_000), max_size=6))))
        for start, stop in zip(points[::2], points[1::2], strict=False):
            if stop - start > 0 and (start_s := (at_ms + start * 10) / 1000) < end:
                plan.talk.append((start_s, (at_ms + stop * 10) / 1000))
        result.append(plan)
    return result, options, max_members


def simulate(scenario: list[Plan], options: ConferenceOptions) -> Simulation:
    sim = Simulation(urls={ACTION: "<Response><Speak>bye</Speak></Response>"}, options=options)
    for plan in scenario:
        sim.call(plan.name, plan.document, at=plan.at, hangup=plan.hangup)
    for plan in scenario:
        for when, digits in plan.presses:
            sim.press(plan.name, digits, at=when)
        for start, stop in plan.talk:
            sim.talk(plan.name, start=start, end=stop)
    sim.run()
    return sim


def moments(sim: Simulation) -> list[float]:
    """Every time something happened, and a moment just after each."""
    points = {e.at for e in sim.timeline} | {r.at for r in sim.requests}
    return sorted(points | {round(t + 0.0005, 4) for t in points if t + 0.0005 <= sim.now})


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(plans())
def test_audibility_invariants_hold_at_every_moment(drawn):
    scenario, options, max_members = drawn
    sim = simulate(scenario, options)
    muted = {plan.name for plan in scenario if plan.muted}
    for when in moments(sim):
        audibility = sim.audibility(at=when)
        rooms = Counter(room for name in audibility.calls if (room := audibility.room(name)) is not None)
        assert all(count <= max_members for count in rooms.values()), (when, rooms)
        for name in audibility.calls:
            heard = audibility.hears(name)
            assert name not in heard  # no one hears themselves
            assert not heard & muted  # muted members are heard by no one
            if heard:
                assert audibility.instead(name) is None
                assert all(audibility.room(other) == audibility.room(name) for other in heard)


@SETTINGS
@given(plans())
def test_every_enter_has_exactly_one_exit_and_time_never_goes_back(drawn):
    scenario, options, _ = drawn
    sim = simulate(scenario, options)
    enters = Counter((r.params["ConferenceUUID"], r.params["ConferenceMemberID"]) for r in sim.callbacks("enter"))
    exits = Counter((r.params["ConferenceUUID"], r.params["ConferenceMemberID"]) for r in sim.callbacks("exit"))
    assert set(enters.values()) <= {1} and set(exits.values()) <= {1} and set(exits) <= set(enters)
    # an enter without its exit: only a call still up in that room (with nothing left to happen)
    still_in = {
        (m.conference_uuid, m.member_id)
        for record in sim.calls.values()
        for m in record.memberships
        if m.left_at is None and record.ended_at is None
    }
    assert set(enters) - set(exits) == still_in
    entered = {(r.params["ConferenceUUID"], r.params["ConferenceMemberID"]): r.at for r in sim.callbacks("enter")}
    for r in sim.callbacks("exit"):
        assert r.at >= entered[(r.params["ConferenceUUID"], r.params["ConferenceMemberID"])]
    assert [r.at for r in sim.requests] == sorted(r.at for r in sim.requests)
    assert [e.at for e in sim.timeline] == sorted(e.at for e in sim.timeline)
    for plan in scenario:
        record = sim.calls[plan.name]
        if record.ended_at is None:  # only a call with nothing left to do stays up
            assert plan.hangup is None
            continue
        if record.answer_at == float("inf"):  # hung up while a first <Wait> held the answer (I7)
            assert record.executed[:1] == ["Wait"] and record.direction == "inbound"
        else:
            assert record.ended_at >= record.answer_at
        if plan.hangup is not None:
            assert record.ended_at <= plan.hangup
        for membership in record.memberships:
            assert membership.left_at is not None
            assert record.answer_at <= membership.joined_at <= membership.left_at <= record.ended_at


@settings(max_examples=40, deadline=None)
@given(plans())
def test_the_same_input_gives_the_same_output(drawn):
    scenario, options, _ = drawn
    assert simulate(scenario, options).report("json") == simulate(scenario, options).report("json")
