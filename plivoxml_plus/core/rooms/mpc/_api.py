"""What the REST API does to an MPC's participants (rule M7): participants named
by member id, and actions run on them through the clock at its current time, as
the Python API's are (after the request the app is answering, if any), on those
still in the MPC then."""

from __future__ import annotations

from collections.abc import Callable

from ._participant import Participant
from ._registry import MultiPartyCalls
from ._room import Mpc

__all__ = ["on_participants", "participants_named"]


def participants_named(room: Mpc, member_ids: str) -> list[Participant] | None:
    """The participants ``member_ids`` names (member ids separated by commas, or
    "all"); None if one is not in the MPC."""
    if member_ids == "all":
        return list(room.participants.values())
    chosen = [room.participants.get(member_id.strip()) for member_id in member_ids.split(",")]
    return None if any(p is None for p in chosen) else [p for p in chosen if p is not None]


def on_participants(
    mpcs: MultiPartyCalls, room: Mpc, chosen: list[Participant], what: str, action: Callable[[Mpc, Participant], None]
) -> None:
    """At the clock's current time, run ``action`` on each of ``chosen`` still in
    ``room``; the MPC or a participant gone by then is a note."""
    world = mpcs.world

    def run(_: object) -> None:
        if mpcs.rooms.get(room.name) is not room:
            world.note(None, f"REST {what}: MPC {room.name!r} has ended; nothing changes")
            return
        world.event(None, "api", f"REST {what} on MPC {room.name!r}")
        for p in chosen:
            if room.participants.get(p.member_id) is p:
                action(room, p)
            else:
                world.note(p.call.name, f"REST {what}: member {p.member_id} has left MPC {room.name!r}")

    world.clock.at(world.clock.now, run)
