"""Who hears whom at one moment, among the calls that are up (rules C2, C8, M2, M3).

Built from the seats of the bridges open at that moment (``History.at``):

* a member that hears the bridge hears every other member that speaks, except
  those a pair rule keeps from its group (a coaching supervisor, for customers);
* a member that does not hear the bridge (waiting, alone in a waiting room, on
  hold) hears no member: it hears what its seat says instead ("waitSound:URL",
  "holdMusic:URL", "silence"...);
* no member ever hears itself; a call that is up but in no room hears no member.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ..._errors import SimulationError
from .._settings import shown
from ._bridge import Bridge
from ._seats import Seat, audible

__all__ = ["Audibility"]


class Audibility:
    """Who hears whom at one moment (``at``, seconds), among the calls that are up."""

    __slots__ = ("_hears", "_instead", "_rooms", "at")

    def __init__(self, at: float, calls: Sequence[str], rooms: Iterable[tuple[Bridge, Mapping[str, Seat]]]) -> None:
        self.at = at
        self._hears: dict[str, frozenset[str]] = dict.fromkeys(sorted(calls), frozenset())
        self._instead: dict[str, str] = {}
        self._rooms: dict[str, str] = {}
        for bridge, seats in rooms:
            members = seats.values()
            for seat in members:
                self._rooms[seat.call] = bridge.name
                self._hears[seat.call] = audible(seat, members, bridge.rules)
                if seat.instead is not None:
                    self._instead[seat.call] = seat.instead

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
