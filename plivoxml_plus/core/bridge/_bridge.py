"""The bridge: the members present in one room, their seats, and the changes.

Conference and MultiPartyCall each own one bridge per room and tell it every
change of a member's flags (``put``) and every leave (``remove``); the bridge
keeps the current seats, answers who hears whom now, and appends each change
to its own log, which is the simulation's history of that room: a probe at any
time replays the log of the rooms open then (``_history``). A change costs the
same however many other rooms and members exist.
"""

from __future__ import annotations

from typing import Any

from ._seats import NO_RULES, PairRules, Seat, audible

__all__ = ["Bridge", "Change", "Tape"]

# (time in ms, member key, the new seat or None for a leave)
Change = tuple[int, str, Seat | None]


class Tape:
    """A recording of the bridge (C9, M7): who is left out of it (groups), and the
    spans it records, in ms (``[start, end]``; ``end`` None while it records)."""

    __slots__ = ("excluded", "file_format", "id", "spans")

    def __init__(self, recording_id: str, now: int, file_format: str, excluded: frozenset[str] = frozenset()) -> None:
        self.id = recording_id
        self.file_format = file_format  # what the platform would store: mp3 or wav
        self.excluded = excluded
        self.spans: list[list[int | None]] = [[now, None]]

    def pause(self, now: int) -> None:
        if self.spans[-1][1] is None:
            self.spans[-1][1] = now

    def resume(self, now: int) -> None:
        if self.spans[-1][1] is not None:
            self.spans.append([now, None])

    stop = pause


class Bridge:
    __slots__ = ("closed_ms", "log", "name", "opened_ms", "rules", "seats", "sounds", "tapes", "uuid")

    def __init__(self, name: str, uuid: str, now: int, rules: PairRules = NO_RULES) -> None:
        self.name = name
        self.uuid = uuid
        self.rules = rules
        self.opened_ms = now
        self.closed_ms: int | None = None
        self.seats: dict[str, Seat] = {}  # by member key, in join order
        self.log: list[Change] = []
        # what the mixer needs besides the seats: sounds played to the room (time,
        # "beep:1"/"beep:2" or the sound document a URL gave) and its recordings
        self.sounds: list[tuple[int, Any]] = []
        self.tapes: list[Tape] = []

    def play(self, sound: Any, now: int) -> None:
        """``sound`` (a beep's name, or a sound document) plays to the room at ``now``."""
        self.sounds.append((now, sound))

    def record(
        self, recording_id: str, now: int, file_format: str, excluded: frozenset[str] = frozenset()
    ) -> Tape:
        tape = Tape(recording_id, now, file_format, excluded)
        self.tapes.append(tape)
        return tape

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
        for tape in self.tapes:
            tape.stop(now)
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
