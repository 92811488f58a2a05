"""The simulation's history of who was where: every bridge ever opened, each
with its own log of changes (``Bridge.log``). Nothing is copied on a change;
the state at a time is replayed, when asked, from the logs of the rooms open then."""

from __future__ import annotations

from ._bridge import Bridge
from ._seats import Seat

__all__ = ["History"]


class History:
    __slots__ = ("bridges",)

    def __init__(self) -> None:
        self.bridges: list[Bridge] = []  # in opening order

    def opened(self, bridge: Bridge) -> Bridge:
        self.bridges.append(bridge)
        return bridge

    def at(self, when: int) -> list[tuple[Bridge, dict[str, Seat]]]:
        """The bridges open at ``when`` (ms; after every change due then), with their seats."""
        return [
            (bridge, bridge.seats_at(when))
            for bridge in self.bridges
            if bridge.opened_ms <= when and (bridge.closed_ms is None or bridge.closed_ms > when)
        ]
