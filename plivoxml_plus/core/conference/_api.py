"""What Plivo's Conference API does to an open room (rule C11): mute, unmute, deaf,
undeaf, kick and hang up members, hang up the conference, start and stop its
recording. The REST API (``platform.rest``, through the simulation's control)
finds the room and members here and acts through ``act`` at the clock's time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from .._call import HANGUP
from ._registry import Conferences
from ._room import ENDED, Member, Room

__all__ = ["MEMBER_ACTIONS", "MemberAction", "act", "members_named", "on_members"]

MemberAction = Literal["mute", "unmute", "deaf", "undeaf", "kick", "hangup"]
MEMBER_ACTIONS: tuple[MemberAction, ...] = ("mute", "unmute", "deaf", "undeaf", "kick", "hangup")


def members_named(room: Room, member_ids: str) -> list[Member] | None:
    """The members ``member_ids`` names: one MemberID, several separated by commas,
    or ``all``; None if one of them is not a member of ``room`` now."""
    if member_ids == "all":
        return list(room.members.values())
    found = [room.members.get(member_id.strip()) for member_id in member_ids.split(",")]
    return None if None in found else [m for m in found if m is not None]


def _do(room: Room, member: Member, action: MemberAction) -> None:
    if action in ("mute", "unmute"):
        room.set_muted(member, action == "mute")
    elif action in ("deaf", "undeaf"):
        room.set_deaf(member, action == "deaf")
    elif action == "kick":  # the call leaves and goes on with its next element (C6)
        room.leave(member, "kicked by the Conference API")
    else:  # the call itself ends; leaving the room follows from its hangup
        member.call.schedule(room.world.clock.now, HANGUP, "hung up by the Conference API")


def act(conferences: Conferences, name: str, uuid: str, what: str, action: Callable[[Room], None]) -> None:
    """Run ``action`` on the room ``name`` if it is still the conference ``uuid``
    (it may have ended since the request); else a note says nothing changed."""
    world = conferences.world
    room = conferences.rooms.get(name)
    if room is None or room.uuid != uuid or room.state is ENDED:
        world.note(None, f"Conference API {what}: conference {name!r} has ended; nothing changes")
        return
    world.event(None, "api", f"Conference API {what} on {name!r}")
    action(room)


def on_members(member_ids: list[str], action: MemberAction) -> Callable[[Room], None]:
    """The room action applying ``action`` to the members still there of ``member_ids``."""

    def apply(room: Room) -> None:
        for member_id in member_ids:
            member = room.members.get(member_id)
            if member is None:
                room.world.note(None, f"Conference API {action}: member {member_id} has left {room.name!r}")
            elif room.state is not ENDED:
                _do(room, member, action)

    return apply
