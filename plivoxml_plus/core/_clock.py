"""The virtual clock: a heap of (time, sequence, action, argument).

Time is kept in integer milliseconds, so sums of durations are exact and the same
input always gives the same times. The sequence number breaks ties: events due at
the same millisecond run in the order they were scheduled, which makes every run
of a scenario identical.

The clock ends at ``MAX_MS`` (see ``_settings``): no run can go past it, so an
event that would fall after it (a long Play repeated, a timer set near the end)
never happens, and is not even queued.
"""

from __future__ import annotations

from collections.abc import Callable
from heapq import heappop, heappush
from typing import Any

from ..elements._checks import Refused
from ._settings import AT_LEAST_ZERO, MAX_MS, shown

__all__ = ["SKIP", "Clock", "Entry", "format_seconds", "seconds", "to_ms"]

Action = Callable[[Any], None]
# [time, sequence, action, argument]: a list, so that cancelling is setting the action to SKIP
Entry = list[Any]


def SKIP(argument: Any) -> None:
    """The action of a cancelled entry: the run loop drops it without moving the clock."""


class Clock:
    """Pending events and the current time (``now``, in ms)."""

    __slots__ = ("heap", "now", "processed", "seq")

    def __init__(self) -> None:
        self.heap: list[Entry] = []
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
        heappush(self.heap, entry)
        return entry

    def push(self, when: int, seq: int, action: Action, argument: Any = None) -> Entry:
        """Schedule with a sequence number taken earlier (``take``): the entry
        sorts as if it had been scheduled then."""
        entry = [when, seq, action, argument]
        heappush(self.heap, entry)
        return entry

    def take(self) -> int:
        """A sequence number for an entry that will be pushed later."""
        self.seq += 1
        return self.seq

    @staticmethod
    def cancel(entry: Entry | None) -> None:
        """The entry will not run (it stays in the heap, dropped when reached)."""
        if entry is not None:
            entry[2] = SKIP

    def next_time(self) -> int | None:
        """When the next live entry is due (cancelled ones are dropped)."""
        heap = self.heap
        while heap and heap[0][2] is SKIP:
            heappop(heap)
        return heap[0][0] if heap else None


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
