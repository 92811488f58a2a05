"""The bridge on its own (plivoxml_plus.core.bridge), checked on random sequences (hypothesis).

* after every put/remove, ``Bridge.matrix()`` is the rule recomputed naively:
  a member that hears hears every other member that speaks, except the pairs
  (speaker's group, listener's group) in the rules; one that does not hear hears no one;
* no one hears itself; a member that does not speak is heard by no one;
* ``seats_at(t)`` replays the log to exactly the live seats at every step's time;
* a put of an unchanged seat, or a remove of an absent member, logs nothing;
* a change costs one log entry in its own bridge and none in any other,
  however many other bridges the history holds;
* ``History.at(t)`` holds exactly the bridges open at ``t``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plivoxml_plus.core.bridge import NO_RULES, Bridge, History, PairRules, Seat, audible

GROUPS = ("agent", "customer", "supervisor", "coach")
KEYS = tuple(str(n) for n in range(1, 7))
INSTEAD = (None, "silence", "waitMusic:default", "holdMusic:https://example.com/hold")

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def call_of(key: str) -> str:
    return f"call-{key}"


def naive(seats: Iterable[Seat], rules: PairRules) -> dict[str, frozenset[str]]:
    """Who hears whom, from the rule as written, for every member."""
    members = list(seats)
    result: dict[str, frozenset[str]] = {}
    for listener in members:
        heard: set[str] = set()
        if listener.hears:
            for speaker in members:
                if speaker is listener or speaker.call == listener.call:
                    continue
                if not speaker.speaks:
                    continue
                if (speaker.group, listener.group) in rules:
                    continue
                heard.add(speaker.call)
        result[listener.call] = frozenset(heard)
    return result


rules_strategy = st.frozensets(st.tuples(st.sampled_from(GROUPS), st.sampled_from(GROUPS)))


@st.composite
def seats(draw: st.DrawFn, key: str) -> Seat:
    return Seat(
        call_of(key),
        draw(st.booleans()),
        draw(st.booleans()),
        draw(st.sampled_from(GROUPS)),
        draw(st.sampled_from(INSTEAD)),
    )


@dataclass
class Step:
    at: int  # ms, never before the previous step
    key: str
    seat: Seat | None  # None: remove


@st.composite
def steps(draw: st.DrawFn) -> list[Step]:
    result: list[Step] = []
    now = draw(st.integers(0, 1000))
    live: dict[str, Seat] = {}
    for _ in range(draw(st.integers(0, 40))):
        now += draw(st.sampled_from([0, 0, 1, 7, 250]))
        key = draw(st.sampled_from(KEYS))
        kind = draw(st.sampled_from(["put", "put", "same", "remove"]))
        if kind == "remove":
            seat = None
        elif kind == "same" and key in live:
            seat = Seat(*live[key])  # an unchanged seat (a fresh but equal tuple)
        else:
            seat = draw(seats(key))
        if seat is None:
            live.pop(key, None)
        else:
            live[key] = seat
        result.append(Step(now, key, seat))
    return result


@SETTINGS
@given(rules_strategy, steps())
def test_matrix_is_the_rule_after_every_step(rules, plan):
    bridge = Bridge("room", "uuid-room", plan[0].at if plan else 0, rules)
    live: dict[str, Seat] = {}
    after: dict[int, dict[str, Seat]] = {}  # each time: the seats after its last step
    for step in plan:
        before = len(bridge.log)
        if step.seat is None:
            present = step.key in live
            bridge.remove(step.key, step.at)
            live.pop(step.key, None)
            assert len(bridge.log) == before + (1 if present else 0)
            if present:
                assert bridge.log[-1] == (step.at, step.key, None)
        else:
            changed = live.get(step.key) != step.seat
            bridge.put(step.key, step.seat, step.at)
            live[step.key] = step.seat
            assert len(bridge.log) == before + (1 if changed else 0)  # an unchanged seat logs nothing
            if changed:
                assert bridge.log[-1] == (step.at, step.key, step.seat)
        assert bridge.seats == live
        matrix = bridge.matrix()
        assert matrix == naive(live.values(), rules)
        for key, seat in live.items():
            assert bridge.hears(key) == matrix[seat.call]
            assert seat.call not in matrix[seat.call]  # no one hears itself
            if not seat.hears:
                assert matrix[seat.call] == frozenset()  # not hearing: hears no one
            if not seat.speaks:
                assert all(seat.call not in heard for heard in matrix.values())  # not speaking: heard by no one
            assert audible(seat, live.values(), rules) == matrix[seat.call]
        after[step.at] = dict(live)
    # the log replays to exactly the live seats at every step's time
    for when, expected in after.items():
        assert bridge.seats_at(when) == expected
        assert naive(bridge.seats_at(when).values(), rules) == naive(expected.values(), rules)
    if plan:
        assert bridge.seats_at(plan[0].at - 1) == {}
        assert bridge.seats_at(plan[-1].at + 10**9) == live
    # the log's times never go back
    times = [at for at, _, _ in bridge.log]
    assert times == sorted(times)


@SETTINGS
@given(rules_strategy, steps(), st.integers(0, 10_000))
def test_close_removes_everyone_and_logs_each_leave(rules, plan, extra):
    bridge = Bridge("room", "uuid-room", 0, rules)
    for step in plan:
        if step.seat is None:
            bridge.remove(step.key, step.at)
        else:
            bridge.put(step.key, step.seat, step.at)
    present = list(bridge.seats)
    end = (plan[-1].at if plan else 0) + extra
    before = len(bridge.log)
    bridge.close(end)
    assert bridge.seats == {}
    assert bridge.closed_ms == end
    assert bridge.log[before:] == [(end, key, None) for key in present]
    assert bridge.matrix() == {}
    assert bridge.seats_at(end) == {}


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([1, 200]), st.integers(0, 199), st.sampled_from(KEYS), seats("1"), rules_strategy)
def test_a_change_costs_one_entry_in_its_own_bridge_only(others, which, key, seat, rules):
    history = History()
    bridges = [history.opened(Bridge(f"room{n}", f"uuid{n}", 0, rules)) for n in range(others + 1)]
    for n, bridge in enumerate(bridges):  # every room has members already
        for member in KEYS[: 1 + n % 3]:
            bridge.put(member, Seat(call_of(f"{n}-{member}"), True, True, "agent", None), 1)
    target = bridges[which % len(bridges)]
    lengths = [len(b.log) for b in bridges]
    changed = Seat(seat.call, not target.seats.get(key, seat).speaks, seat.hears, seat.group, seat.instead)
    target.put(key, changed, 5)
    assert [len(b.log) for b in bridges] == [n + (b is target) for n, b in zip(lengths, bridges, strict=True)]
    lengths = [len(b.log) for b in bridges]
    target.remove(key, 6)
    assert [len(b.log) for b in bridges] == [n + (b is target) for n, b in zip(lengths, bridges, strict=True)]
    lengths = [len(b.log) for b in bridges]
    target.remove(key, 7)  # already gone: nothing
    for member, same in list(target.seats.items()):
        target.put(member, Seat(*same), 7)  # unchanged: nothing
    assert [len(b.log) for b in bridges] == lengths
    assert len(history.bridges) == others + 1


@st.composite
def lifetimes(draw: st.DrawFn) -> list[tuple[int, int | None]]:
    result = []
    for _ in range(draw(st.integers(0, 12))):
        opened = draw(st.integers(0, 100))
        closed = draw(st.one_of(st.none(), st.integers(opened, 120)))
        result.append((opened, closed))
    return sorted(result, key=lambda pair: pair[0])  # bridges open in time order


@SETTINGS
@given(lifetimes(), st.lists(st.integers(-1, 130), max_size=12))
def test_history_at_holds_only_the_bridges_open_then(spans, probes):
    history = History()
    bridges = []
    for n, (opened, closed) in enumerate(spans):
        bridge = history.opened(Bridge(f"room{n}", f"uuid{n}", opened, NO_RULES))
        bridge.put("1", Seat(f"c{n}", True, True, "agent", None), opened)
        if closed is not None:
            bridge.close(closed)
        bridges.append((bridge, opened, closed))
    assert history.bridges == [b for b, _, _ in bridges]
    for when in [*probes, *(o for o, _ in spans), *(c for _, c in spans if c is not None)]:
        state = history.at(when)
        expected = [b for b, opened, closed in bridges if opened <= when and (closed is None or closed > when)]
        assert [b for b, _ in state] == expected
        for bridge, members in state:
            assert members == bridge.seats_at(when)
            assert set(members) == {"1"}  # an open bridge holds the member put at its opening
