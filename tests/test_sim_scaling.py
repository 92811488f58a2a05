"""The clock's time buckets (issue 21, item 5): events run in exactly the order of
(time, sequence) a single heap gives, while an event due in a later bucket is
not put in order until the clock reaches its bucket."""

from __future__ import annotations

import heapq
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from plivoxml_plus import Response, Wait
from plivoxml_plus.core import Simulation
from plivoxml_plus.core._clock import BUCKET_SHIFT, SORTED_FROM, Clock
from plivoxml_plus.core.callflow._call import Call

BUCKET = 1 << BUCKET_SHIFT


def test_an_event_in_a_later_bucket_waits_unordered_until_the_clock_reaches_it():
    clock = Clock()
    for when in (5 * BUCKET, 3 * BUCKET + 1, 3 * BUCKET):
        clock.at(when, print)
    clock.at(BUCKET - 1, print)
    assert [entry[0] for entry in clock.soon] == [BUCKET - 1]  # only the current bucket is ordered
    assert len(clock) == 4
    clock.soon.clear()
    assert clock.next_time() == 3 * BUCKET  # the next bucket, put in order when reached
    assert sorted(entry[0] for entry in clock.soon) == [3 * BUCKET, 3 * BUCKET + 1]


# (delay ms, follow-up delay ms or None, cancel the previous entry): what an action schedules
steps = st.lists(
    st.tuples(
        st.integers(0, 5 * BUCKET),
        st.one_of(st.none(), st.integers(0, 3 * BUCKET)),
        st.booleans(),
    ),
    min_size=1,
    max_size=60,
)


@settings(max_examples=60, deadline=None)
@given(steps, st.lists(st.integers(0, 8 * BUCKET), max_size=4))
def test_events_run_in_the_order_of_one_heap_of_time_and_sequence(plan: list[Any], stops: list[int]) -> None:
    sim = Simulation()
    clock = sim._world.clock
    ran: list[tuple[int, int]] = []
    model: list[tuple[int, int]] = []  # (when, seq) of every live entry, as a single heap would run them
    entries: list[Any] = []

    def action(argument: tuple[int, int | None]) -> None:
        seq, follow = argument
        ran.append((clock.now, seq))
        if follow is not None:
            schedule(clock.now + follow, None)

    def schedule(when: int, follow: int | None) -> None:
        entry = clock.at(when, action, (clock.seq + 1, follow))
        entries.append(entry)
        heapq.heappush(model, (entry[0], entry[1]))

    for delay, follow, cancel in plan:
        schedule(delay, follow)
        if cancel and len(entries) > 1:
            Clock.cancel(entries[-2])
    for stop in sorted(stops):
        if stop >= clock.now:
            sim.run(until=stop / 1000)
    sim.run()
    cancelled = {entry[1] for entry in entries if entry[2] is not action}
    expected = []
    while model:
        when, seq = heapq.heappop(model)
        if seq not in cancelled:
            expected.append((when, seq))
    assert ran == expected


def test_a_bucket_of_many_reached_is_sorted_once_and_an_event_added_to_it_waits_in_the_heap():
    sim = Simulation()
    clock = sim._world.clock
    ran: list[tuple[int, str]] = []

    def note(label: str) -> None:
        ran.append((clock.now, label))

    def first(label: str) -> None:
        note(label)
        clock.at(clock.now + 1, note, "added to the bucket running")

    base = 4 * BUCKET
    # two at the same time (c before d: scheduled first), and enough others to be many
    plan = [(base + 9, "c"), (base + 3, "a"), (base + 9, "d"), (base + 5, "b")]
    plan += [(base + 20 + n, f"later {n}") for n in range(SORTED_FROM)]
    for when, label in reversed(plan[4:]):
        clock.at(when, note, label)
    for when, label in plan[:4]:
        clock.at(when, first if label == "a" else note, label)
    assert clock.next_time() == base + 3
    # (time, sequence) latest first, so the next is popped from the end
    expected = [*sorted(plan[4:], reverse=True), (base + 9, "d"), (base + 9, "c"), (base + 5, "b"), (base + 3, "a")]
    assert [(entry[0], entry[3]) for entry in clock.ready] == expected
    assert not clock.soon
    sim.run()
    assert ran == [
        (base + 3, "a"),
        (base + 4, "added to the bucket running"),
        (base + 5, "b"),
        (base + 9, "c"),
        (base + 9, "d"),
        *sorted(plan[4:]),
    ]


def test_a_bucket_of_a_few_reached_goes_to_the_heap():
    clock = Clock()
    for offset in range(SORTED_FROM - 1, 0, -1):
        clock.at(2 * BUCKET + offset, print)
    assert clock.next_time() == 2 * BUCKET + 1
    assert not clock.ready
    assert sorted(entry[0] for entry in clock.soon) == [2 * BUCKET + n for n in range(1, SORTED_FROM)]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(0, BUCKET - 1), st.booleans()), min_size=SORTED_FROM, max_size=40))
def test_a_bucket_of_many_is_sorted_by_time_then_sequence(offsets: list[tuple[int, bool]]) -> None:
    clock = Clock()
    taken = [clock.take() for _ in offsets]  # sequence numbers taken before, pushed later (a call's inputs)
    for (offset, early), seq in zip(offsets, taken, strict=True):
        if early:
            clock.push(2 * BUCKET + offset, seq, print)
        else:
            clock.at(2 * BUCKET + offset, print)
    assert clock.next_time() == 2 * BUCKET + min(offset for offset, _ in offsets)
    order = [(entry[0], entry[1]) for entry in clock.ready]
    assert order == sorted(order, reverse=True)
    assert len(order) == len(offsets) and not clock.soon


def test_a_call_s_next_input_waits_as_the_function_and_the_call_not_a_bound_method_made_per_input():
    sim = Simulation()
    sim.call("alice", Response().add(Wait(length=60)))
    sim.talk("alice", start=5, end=7)
    call = sim._calls["alice"]
    (entry,) = call.pushed.values()
    assert entry[2] is Call._next_input and entry[3] is call
    sim.run()
    assert call.script_pos == len(call.script) == 2 and not call.pushed  # both inputs ran, through it
