"""floorEvent: who holds the floor (rule C7).

The floor follows who talks: a member who starts talking while the holder is
silent (or when there is none) takes the floor; when the holder stops, the
earliest-started of those still talking takes it; with nobody talking the holder
keeps it until it leaves. Only members the room can hear count (a started
conference; not muted). "Loudest" is modelled as "talking, earliest started":
the simulator has no audio levels.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

__all__ = ["Floor"]

M = TypeVar("M")


class Floor(Generic[M]):
    __slots__ = ("holder", "talking")

    def __init__(self) -> None:
        self.holder: M | None = None
        self.talking: dict[M, None] = {}  # in the order they started talking

    def start(self, member: M) -> M | None:
        """``member`` starts talking; the new holder if the floor changed."""
        self.talking[member] = None
        holder = self.holder
        if holder is None or (holder is not member and holder not in self.talking):
            self.holder = member
            return member
        return None

    def stop(self, member: M) -> M | None:
        """``member`` stops talking; the new holder if the floor changed."""
        if member not in self.talking:
            return None
        del self.talking[member]
        if member is self.holder and self.talking:
            self.holder = next(iter(self.talking))
            return self.holder
        return None

    def remove(self, member: M) -> M | None:
        """``member`` leaves; the new holder if the floor passed to someone."""
        self.talking.pop(member, None)
        if member is self.holder:
            self.holder = next(iter(self.talking), None)
            return self.holder
        return None

    def reset(self, talkers: Iterable[M]) -> M | None:
        """The room starts with ``talkers`` talking (earliest first); the holder."""
        self.talking = dict.fromkeys(talkers)
        self.holder = next(iter(self.talking), None)
        return self.holder
