"""The MultiPartyCalls of one simulation, by name: the ``Venue`` a call
reaching ``<MultiPartyCall>`` joins (M1: the first join initializes an MPC; a
name is one MPC while it lasts, then a new one with a new MPCUUID)."""

from __future__ import annotations

from ....elements import Element
from ..._world import World
from ...callflow._call import Call
from ._room import Mpc

__all__ = ["MultiPartyCalls"]


class MultiPartyCalls:
    __slots__ = ("api_added", "instances", "rooms", "world")

    def __init__(self, world: World) -> None:
        self.world = world
        self.rooms: dict[str, Mpc] = {}  # live MPCs by name, in opening order
        self.instances: dict[str, int] = {}
        self.api_added: set[str] = set()  # calls placed by add_participant, not yet joined

    def join(self, call: Call, element: Element) -> bool:
        name: str = element.effective("content")
        mpc = self.rooms.get(name)
        if mpc is None:
            instance = self.instances[name] = self.instances.get(name, 0) + 1
            uuid = self.world.ids.mpc(name, instance)
            mpc = Mpc(self.world, name, uuid, element, closed=self.closed, api_added=self.api_added)
            self.rooms[name] = mpc
        return mpc.add(call, element)

    def closed(self, mpc: Mpc) -> None:
        if self.rooms.get(mpc.name) is mpc:
            del self.rooms[mpc.name]
