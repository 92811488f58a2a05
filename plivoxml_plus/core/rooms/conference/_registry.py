"""The Conference rooms of one simulation, by name: the ``Venue`` a call
reaching ``<Conference>`` joins (C1: a name is one room while it lasts; C5: a
full room turns the caller away)."""

from __future__ import annotations

from ....elements import Element
from ..._world import World
from ...callflow._call import Call
from ...platform._hangup_causes import ACTION_INVALID
from ...platform._requests import ROUTES
from ._room import Room

__all__ = ["Conferences"]

_ACTION = ROUTES["Conference.action"]


class Conferences:
    """The open rooms, and how many conferences each name has held (for IDs)."""

    __slots__ = ("instances", "rooms", "world")

    def __init__(self, world: World) -> None:
        self.world = world
        self.rooms: dict[str, Room] = {}  # open rooms by name, in opening order
        self.instances: dict[str, int] = {}

    def join(self, call: Call, element: Element) -> bool:
        """The call reaches ``<Conference>``: True if it joined (it waits in the
        room), False if the room was full and the call goes on (C5)."""
        world = self.world
        name: str = element.effective("content")
        room = self.rooms.get(name)
        if room is None:
            instance = self.instances[name] = self.instances.get(name, 0) + 1
            uuid = world.ids.conference(name, instance)
            room = Room(world, name, uuid, element.effective("max_members"), self.closed)
            self.rooms[name] = room
        cap: int = room.max_members if world.options.max_members_from == "first" else element.effective("max_members")
        if len(room.members) >= cap:
            self._overflow(call, element, room, cap)
            return False
        room.add(call, element)
        return True

    def _overflow(self, call: Call, element: Element, room: Room, cap: int) -> None:
        world = self.world
        world.event(call.name, "overflow", f"{room.name!r} is full ({cap} members): <Conference> skipped")
        call.record.overflows.append((world.clock.now / 1000, room.name))
        action = element.effective("action")
        if not world.options.action_on_overflow or action is None:
            return
        params = {"ConferenceName": room.name, "ConferenceUUID": room.uuid, "ConferenceMemberID": ""}
        method = _ACTION.method_for(element.effective, world.options)
        follow: bool = element.effective("redirect")
        document = world.send(_ACTION, method, action, params, call, read=follow)
        if document is not None:
            call.replace_document(document)
        elif follow and world.options.bad_document_ends_call:
            call.end("the action URL returned no valid document", ACTION_INVALID)

    def closed(self, room: Room) -> None:
        if self.rooms.get(room.name) is room:
            del self.rooms[room.name]
