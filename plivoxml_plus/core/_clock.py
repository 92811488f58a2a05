"""The virtual clock: pending events (time, sequence, action, argument) and the time.

Time is kept in integer milliseconds, so sums of durations are exact and the same
input always gives the same times. The sequence number breaks ties: events due at
the same millisecond run in the order they were scheduled, which makes every run
of a scenario identical.

The events wait in time buckets (a calendar queue): a later
one is appended to its bucket's list, unordered, and its bucket is put in order
only when the clock reaches it. With thousands of calls the pending events are
many, but each is ordered among the few due in the same bucket: a heap of all
of them grew with the calls, and each step of it missed the processor's cache.
Every bucket before the current one is empty and every later one holds only
later events, so events run in exactly the order a single heap of (time,
sequence) gives.

A bucket of many events is sorted once when the clock reaches it (``ready``,
latest first: the next is popped from its end), by two sorts on whole-number
keys, time after sequence (sorting is stable); a bucket of a few goes to the
heap (``soon``), as do events scheduled into the current bucket after it was
reached: the next event is the earlier of the two heads. A heap of
entries paid a comparison of two lists per level for every event, and its depth
grew with the events per bucket, that is with the calls talking at once: at
8,000 calls (``bench/bench_concurrent.py``), about 40% of the instructions per
event added over 500 calls (counted with cachegrind).

The clock ends at ``MAX_MS`` (see ``_settings``): no run can go past it, so an
event that would fall after it (a long Play repeated, a timer set near the end)
never happens, and is not even queued.
"""

from __future__ import annotations

from collections.abc import Callable
from heapq import heapify, heappop, heappush
from operator import itemgetter
from typing import Any

from ..elements._checks import Refused
from ._settings import AT_LEAST_ZERO, MAX_MS, shown

__all__ = ["BUCKET_SHIFT", "SKIP", "SORTED_FROM", "Clock", "Entry", "format_seconds", "seconds", "to_ms"]

Action = Callable[[Any], None]
# [time, sequence, action, argument]: a list, so that cancelling is setting the action to SKIP
Entry = list[Any]

# A bucket holds 2**BUCKET_SHIFT ms (about a second): a few events per bucket at
# tens of calls, a few hundred at thousands (bench/bench_concurrent.py)
BUCKET_SHIFT = 10


def SKIP(argument: Any) -> None:
    """The action of a cancelled entry: the run loop drops it without moving the clock."""


_WHEN, _SEQ = itemgetter(0), itemgetter(1)
# From this many entries a bucket reached is sorted into ``ready``; fewer go to
# the heap ``soon``, which costs less for a few (measured: the sorts' set-up)
SORTED_FROM = 8


class Clock:
    """Pending events and the current time (``now``, in ms).

    ``ready``: the current bucket's events as they were when the clock reached
    it, latest first (the next is ``ready[-1]``), if they were many; ``soon``:
    the heap of the others in buckets up to ``bucket`` (the current one);
    ``later``: each later bucket's events, unordered; ``buckets``: the heap of
    the later buckets' numbers. The lists ``ready`` and ``soon`` are the same
    objects for the clock's life (the run loop holds them): refilling ``ready``
    is ``refill``."""

    __slots__ = ("bucket", "buckets", "later", "now", "processed", "ready", "seq", "soon")

    def __init__(self) -> None:
        self.ready: list[Entry] = []
        self.soon: list[Entry] = []
        self.later: dict[int, list[Entry]] = {}
        self.buckets: list[int] = []
        self.bucket = 0
        self.seq = 0
        self.now = 0
        self.processed = 0

    def at(self, when: int, action: Action, argument: Any = None) -> Entry:
        """Run ``action(argument)`` at ``when`` ms (never before ``now``); the
        entry returned can be cancelled."""
        self.seq += 1
        entry = [when if when > self.now else self.now, self.seq, action, argument]
        if when > MAX_MS:  # after the end of time: it never runs (cancelling it stays harmless)
            entry[2] = SKIP
            return entry
        self._queue(entry)
        return entry

    def push(self, when: int, seq: int, action: Action, argument: Any = None) -> Entry:
        """Schedule with a sequence number taken earlier (``take``): the entry
        sorts as if it had been scheduled then."""
        entry = [when, seq, action, argument]
        self._queue(entry)
        return entry

    def _queue(self, entry: Entry) -> None:
        bucket = entry[0] >> BUCKET_SHIFT
        if bucket <= self.bucket:
            heappush(self.soon, entry)
            return
        waiting = self.later.get(bucket)
        if waiting is None:
            self.later[bucket] = [entry]
            heappush(self.buckets, bucket)
        else:
            waiting.append(entry)

    def refill(self) -> bool:
        """Move the next bucket's events into ``ready`` (empty, as is ``soon``),
        latest first, or if they are few, into the heap ``soon``; False if no
        event is pending."""
        if not self.buckets:
            return False
        self.bucket = bucket = heappop(self.buckets)
        waiting = self.later.pop(bucket)
        if len(waiting) < SORTED_FROM:  # a few: a heap of them costs less than sorting
            soon = self.soon
            soon.extend(waiting)
            heapify(soon)
            return True
        ready = self.ready
        ready.extend(waiting)
        # (time, sequence) descending: by sequence, then by time keeping that order
        ready.sort(key=_SEQ, reverse=True)
        ready.sort(key=_WHEN, reverse=True)
        return True

    def take(self) -> int:
        """A sequence number for an entry that will be pushed later."""
        self.seq += 1
        return self.seq

    @staticmethod
    def cancel(entry: Entry | None) -> None:
        """The entry will not run (it stays queued, dropped when reached)."""
        if entry is not None:
            entry[2] = SKIP

    def next_time(self) -> int | None:
        """When the next live entry is due (cancelled ones are dropped)."""
        ready, soon = self.ready, self.soon
        while True:
            while soon and soon[0][2] is SKIP:
                heappop(soon)
            while ready and ready[-1][2] is SKIP:
                ready.pop()
            if soon or ready:
                return int(min(head[0] for head in (soon[:1] + ready[-1:])))
            if not self.refill():
                return None

    def __len__(self) -> int:
        """The entries queued (cancelled ones included, until they are reached)."""
        return len(self.ready) + len(self.soon) + sum(map(len, self.later.values()))


def to_ms(value: object, what: str) -> int:
    """Seconds given by a user (int or float, finite, >= 0, within the clock) as integer ms.

    Raises ``ValueError`` with a message naming ``what``; callers wrap it in the
    package error that fits (SimulationError, ScenarioError).
    """
    try:
        seconds = AT_LEAST_ZERO.clean(value)
    except Refused as why:
        raise ValueError(f"{what} must be {why.args[0]}, not {shown(value)}") from None
    return round(seconds * 1000)


def seconds(ms: int) -> float | int:
    """ms as seconds: an int when whole, else a float with at most 3 decimals."""
    whole, rest = divmod(ms, 1000)
    return whole if rest == 0 else ms / 1000


def format_seconds(ms: int) -> str:
    """ms as a fixed-width seconds string for the text report."""
    return f"{ms / 1000:10.3f}"
