"""The bridge: the members present in one room, their seats, and the changes.

Conference and MultiPartyCall each own one bridge per room and tell it every
change of a member's flags (``put``) and every leave (``remove``); the bridge
keeps the current seats, answers who hears whom now, and appends each change
to its own log, which is the simulation's history of that room: a probe at any
time replays the log of the rooms open then (``_history``). A change costs the
same however many other rooms and members exist.
"""

from __future__ import annotations

from ._seats import NO_RULES, PairRules, Seat, audible

__all__ = ["Bridge", "Change"]

# (time in ms, member key, the new seat or None for a leave)
Change = tuple[int, str, Seat | None]


class Bridge:
    __slots__ = ("closed_ms", "log", "name", "opened_ms", "rules", "seats", "uuid")

    def __init__(self, name: str, uuid: str, now: int, rules: PairRules = NO_RULES) -> None:
        self.name = name
        self.uuid = uuid
        self.rules = rules
        self.opened_ms = now
        self.closed_ms: int | None = None
        self.seats: dict[str, Seat] = {}  # by member key, in join order
        self.log: list[Change] = []

    def put(self, key: str, seat: Seat, now: int) -> None:
        """Member ``key`` joins, or its flags change (nothing is logged if they do not)."""
        if self.seats.get(key) != seat:
            self.seats[key] = seat
            self.log.append((now, key, seat))

    def remove(self, key: str, now: int) -> None:
        if self.seats.pop(key, None) is not None:
            self.log.append((now, key, None))

    def close(self, now: int) -> None:
        for key in list(self.seats):
            self.remove(key, now)
        self.closed_ms = now

    def hears(self, key: str) -> frozenset[str]:
        """The calls member ``key`` hears now."""
        return audible(self.seats[key], self.seats.values(), self.rules)

    def matrix(self) -> dict[str, frozenset[str]]:
        """{call: the calls it hears} for every member now."""
        seats = self.seats.values()
        return {seat.call: audible(seat, seats, self.rules) for seat in seats}

    def seats_at(self, when: int) -> dict[str, Seat]:
        """The seats after every change up to ``when`` (ms), replayed from the log."""
        seats: dict[str, Seat] = {}
        for at, key, seat in self.log:
            if at > when:
                break
            if seat is None:
                del seats[key]
            else:
                seats[key] = seat
        return seats
