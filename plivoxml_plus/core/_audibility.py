"""Who hears whom (rules C2 and C8), at any moment of the run.

The run records a snapshot of the rooms' membership only when it may change
(a join, a leave, a start, an end), never per talk spurt or digit; who hears whom
is computed from a snapshot when asked:

* in a started room of two or more, each member hears every other member that is
  not muted (a muted member still hears everyone);
* a member of a waiting room, or alone in a room, hears no member: it hears its
  waitSound document instead ("waitSound:URL"), or "silence" when it has none or
  the URL gave no valid sound document;
* no member ever hears itself; a call that is up but in no room hears no member.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from .._errors import SimulationError
from ._settings import shown

if TYPE_CHECKING:
    from .conference._room import Room

__all__ = ["Audibility", "History", "MemberView"]


class MemberView(NamedTuple):
    call: str
    room: str
    conference_uuid: str
    hearing: bool  # its room is started and holds two or more members
    muted: bool
    instead: str  # what it hears while not hearing the room


class History:
    """Snapshots of room membership, by time (ms); the last one at a time wins."""

    __slots__ = ("times", "views")

    def __init__(self) -> None:
        self.times: list[int] = []
        self.views: list[tuple[MemberView, ...]] = []

    def record(self, now: int, rooms: Iterable[Room]) -> None:
        view = tuple(
            MemberView(m.call.name, room.name, room.uuid, hearing, m.muted, m.wait_heard)
            for room in rooms
            for hearing in (room.hearing,)
            for m in room.members.values()
        )
        if self.times and self.times[-1] == now:
            self.views[-1] = view
        else:
            self.times.append(now)
            self.views.append(view)

    def at(self, when: int) -> tuple[MemberView, ...]:
        index = bisect_right(self.times, when) - 1
        return self.views[index] if index >= 0 else ()


class Audibility:
    """Who hears whom at one moment (``at``, seconds), among the calls that are up."""

    __slots__ = ("_hears", "_instead", "_rooms", "at")

    def __init__(self, at: float, calls: Sequence[str], view: Sequence[MemberView]) -> None:
        self.at = at
        by_room: dict[str, list[MemberView]] = {}
        for member in view:
            by_room.setdefault(member.conference_uuid, []).append(member)
        self._hears: dict[str, frozenset[str]] = dict.fromkeys(sorted(calls), frozenset())
        self._instead: dict[str, str] = {}
        self._rooms: dict[str, str] = {}
        for members in by_room.values():
            speakers = frozenset(m.call for m in members if not m.muted)
            for member in members:
                self._rooms[member.call] = member.room
                if member.hearing:
                    self._hears[member.call] = speakers - {member.call}
                else:
                    self._instead[member.call] = member.instead

    @property
    def calls(self) -> tuple[str, ...]:
        """The calls that are up, sorted."""
        return tuple(self._hears)

    def _check(self, name: str) -> None:
        if not isinstance(name, str) or name not in self._hears:  # (a list is unhashable)
            up = ", ".join(self._hears) or "none"
            raise SimulationError(f"no call named {shown(name)} is up at t={self.at} (calls up: {up})")

    def hears(self, listener: str) -> frozenset[str]:
        """The calls ``listener`` hears."""
        self._check(listener)
        return self._hears[listener]

    def heard_by(self, speaker: str) -> frozenset[str]:
        """The calls that hear ``speaker``."""
        self._check(speaker)
        return frozenset(name for name, heard in self._hears.items() if speaker in heard)

    def instead(self, listener: str) -> str | None:
        """What a member that hears no one hears instead ("waitSound:URL" or
        "silence"); None for a member that hears the room, or a call in no room."""
        self._check(listener)
        return self._instead.get(listener)

    def room(self, name: str) -> str | None:
        """The room ``name`` is in, or None."""
        self._check(name)
        return self._rooms.get(name)

    def as_dict(self) -> dict[str, frozenset[str]]:
        """{listener: the calls it hears}, for every call that is up."""
        return dict(self._hears)

    @property
    def waiting(self) -> dict[str, str]:
        """{member: what it hears instead} for the members that hear no one."""
        return dict(sorted(self._instead.items()))

    def matrix(self) -> dict[str, dict[str, bool]]:
        """matrix[listener][speaker]: whether listener hears speaker (False on the diagonal)."""
        names = self.calls
        return {listener: {speaker: speaker in self._hears[listener] for speaker in names} for listener in names}

    def table(self) -> str:
        """The matrix as text: a row per listener, an ``x`` where it hears the column's call."""
        names = self.calls
        if not names:
            return "(no call is up)"
        width = max(len(n) for n in names)
        header = " " * width + " | " + " ".join(names)
        lines = [header, "-" * len(header)]
        for listener in names:
            cells = " ".join(("x" if s in self._hears[listener] else ".").center(len(s)) for s in names)
            extra = f"   ({self._instead[listener]})" if listener in self._instead else ""
            lines.append(f"{listener.ljust(width)} | {cells}{extra}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        shown = {k: sorted(v) for k, v in self._hears.items()}
        return f"Audibility(at={self.at!r}, hears={shown!r})"
