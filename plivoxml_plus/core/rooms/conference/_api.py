"""What Plivo's Conference API does to an open room (rule C11): mute, unmute, deaf,
undeaf, kick and hang up members, hang up the conference, start and stop its
recording. The REST API (``platform.rest``, through the simulation's control)
finds the room and members here and acts through ``act`` at the clock's time.

A change acts through the clock, after the request being answered; what a later
request may ask depends on the earlier ones, so each change is marked on the room
when it is asked (a member asked to leave, a room asked to end, a recording asked
to start or stop), as the live API, taking requests one at a time, would have it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from ....elements import Element
from ...callflow._call import HANGUP
from ...callflow._call_sounds import start_sound, stop_sound
from ...platform._hangup_causes import API_HANGUP
from ._registry import Conferences
from ._room import ENDED, Member, Room

__all__ = [
    "MEMBER_ACTIONS",
    "MemberAction",
    "act",
    "ask_hangup",
    "ask_recording",
    "is_open",
    "members_named",
    "on_members",
    "on_members_sound",
    "records",
]

MemberAction = Literal["mute", "unmute", "deaf", "undeaf", "kick", "hangup"]
MEMBER_ACTIONS: tuple[MemberAction, ...] = ("mute", "unmute", "deaf", "undeaf", "kick", "hangup")
RoomAction = Callable[[Room], None]


def is_open(room: Room) -> bool:
    """Whether the API sees ``room`` in progress: not asked to end, and not to end
    once the members asked to leave have left (C3: the last member, or one with
    endConferenceOnExit; C4: stayAlone=false and one left)."""
    if room.closing or room.state is ENDED:
        return False
    members = room.members.values()
    staying = sum(not m.leaving for m in members)
    ending = any(m.leaving and m.end_on_exit for m in members) or (room.enforce_min and staying < 2)
    return staying > 0 and not ending


def members_named(room: Room, member_ids: str) -> list[Member] | None:
    """The members ``member_ids`` names: one MemberID, several separated by commas,
    or ``all``; None if one of them (or, for ``all``, every one) is not a member of
    ``room`` now or is already asked to leave."""
    present = {key: m for key, m in room.members.items() if not m.leaving}
    if member_ids == "all":
        return list(present.values()) or None
    found = [present.get(member_id.strip()) for member_id in member_ids.split(",")]
    return None if None in found else [m for m in found if m is not None]


def records(room: Room) -> bool:
    """Whether ``room`` records once what the API was asked has been done."""
    return room.recording is not None if room.planned_recording is None else room.planned_recording


def ask_recording(room: Room, on: bool, action: RoomAction) -> RoomAction:
    """``action`` (starting or stopping the recording), asked now: until it runs,
    ``records`` answers ``on``."""
    room.planned_recording = on
    room.recording_plans += 1

    def run(room: Room) -> None:
        room.recording_plans -= 1
        if not room.recording_plans:
            room.planned_recording = None
        action(room)

    return run


def ask_hangup(room: Room) -> RoomAction:
    """The room is to end (C3): from now on the API no longer sees it in progress."""
    room.closing = True
    return lambda room: room.end("hung up by the Conference API")


def _do(room: Room, member: Member, action: MemberAction) -> None:
    if action in ("mute", "unmute"):
        room.set_muted(member, action == "mute")
    elif action in ("deaf", "undeaf"):
        room.set_deaf(member, action == "deaf")
    elif action == "kick":  # the call leaves and goes on with its next element (C6)
        room.leave(member, "kicked by the Conference API")
    else:  # the call itself ends; leaving the room follows from its hangup
        # (Plivo reports it as any hangup by the API: NORMAL_CLEARING, source "API Request")
        member.call.schedule(room.world.clock.now, HANGUP, ("hung up by the Conference API", API_HANGUP))


def on_members(members: list[Member], action: MemberAction) -> RoomAction:
    """The room action applying ``action`` to those of ``members`` still there
    (kicked or hung up: asked to leave from now on)."""
    if action in ("kick", "hangup"):
        for member in members:
            member.leaving = True

    def apply(room: Room) -> None:
        for member in members:
            if room.members.get(member.member_id) is not member:
                room.world.note(None, f"Conference API {action}: member {member.member_id} has left {room.name!r}")
            elif room.state is not ENDED:
                _do(room, member, action)

    return apply


def on_members_sound(members: list[Member], kind: str, sounds: list[Element] | None, length_ms: int) -> RoomAction:
    """The room action playing ``sounds`` (Play or Speak elements) to each of
    ``members`` still there, heard by that member only; ``sounds`` None: stopping
    the ``kind`` sound each is hearing."""

    def apply(room: Room) -> None:
        for member in members:
            call = member.call
            if room.members.get(member.member_id) is not member:
                room.world.note(None, f"Conference API {kind}: member {member.member_id} has left {room.name!r}")
            elif sounds is not None:
                start_sound(call, kind, sounds, length_ms=length_ms, loop=False, mix=True)
            elif not stop_sound(call, kind):
                room.world.note(call.name, f"Conference API stop {kind}: nothing was playing; nothing changes")

    return apply


def act(conferences: Conferences, name: str, uuid: str, what: str, action: RoomAction) -> None:
    """Run ``action`` on the room ``name`` if it is still the conference ``uuid``
    (it may have ended since the request); else a note says nothing changed."""
    world = conferences.world
    room = conferences.rooms.get(name)
    if room is None or room.uuid != uuid or room.state is ENDED:
        world.note(None, f"Conference API {what}: conference {name!r} has ended; nothing changes")
        return
    world.event(None, "api", f"Conference API {what} on {name!r}")
    action(room)
