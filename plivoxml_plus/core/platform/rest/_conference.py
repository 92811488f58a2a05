"""The Conference resource (Plivo's Conference API: get, list, hang up, member
mute, deaf, kick, hang up, record), served for the simulation (rule C11). A
conference is named by its name in the path; a member by its MemberID, several
MemberIDs separated by commas, or ``all``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import _params as p
from ._answers import Answer
from ._control import CallSound, Control
from ._sounds import MAX_LENGTH  # (a sound played to a member: at most an hour, as a call's)

__all__ = ["get", "hangup", "hangup_all", "listing", "member", "member_sound", "record", "record_stop"]

# what a member action answers (Plivo's Conference Member API): POST 202 with its
# message, DELETE (undo) 204
_ACTIONS = {
    ("POST", "Mute"): ("mute", "muted"),
    ("DELETE", "Mute"): ("unmute", None),
    ("POST", "Deaf"): ("deaf", "deaf"),
    ("DELETE", "Deaf"): ("undeaf", None),
    ("POST", "Kick"): ("kick", "kicked"),
    ("DELETE", ""): ("hangup", None),
}


def listing(control: Control, _: tuple[str, ...], params: Mapping[str, Any]) -> Answer:
    """GET /Conference/: the names of the conferences in progress."""
    p.synchronous(params)
    return Answer(200, {"conferences": control.conferences()})


def get(control: Control, path: tuple[str, ...], params: Mapping[str, Any]) -> Answer:
    """GET /Conference/{name}/: the conference and its members."""
    p.synchronous(params)
    return Answer(200, control.conference_details(path[0]))


def hangup(control: Control, path: tuple[str, ...], params: Mapping[str, Any]) -> Answer:
    """DELETE /Conference/{name}/: 204; the conference ends, its members go on (C3)."""
    p.synchronous(params)
    control.conference_hangup(path[0])
    return Answer(204)


def hangup_all(control: Control, _: tuple[str, ...], params: Mapping[str, Any]) -> Answer:
    """DELETE /Conference/: 204; every conference ends."""
    p.synchronous(params)
    for name in control.conferences():
        control.conference_hangup(name)
    return Answer(204)


def member(verb: str, method: str) -> Any:
    """The handler of one member action: ``verb`` the path's last part (Mute,
    Deaf, Kick; "" for the member itself) under ``method``."""
    action, message = _ACTIONS[method, verb]

    def handle(control: Control, path: tuple[str, ...], params: Mapping[str, Any]) -> Answer:
        p.synchronous(params)
        member_ids = control.conference_member_action(path[0], path[1], action)
        if message is None:
            return Answer(204)
        return Answer(202, {"message": message, "member_id": member_ids})

    handle.__doc__ = f"{method} /Conference/{{name}}/Member/{{id}}/{verb}: {action}."
    return handle


def member_sound(kind: str, method: str) -> Any:
    """The handler playing (POST) or stopping (DELETE) a ``kind`` sound (play: the
    ``url``; speak: the ``text`` in ``voice`` and ``language``) to members."""

    def handle(control: Control, path: tuple[str, ...], params: Mapping[str, Any]) -> Answer:
        p.synchronous(params)
        sound = None
        if method == "POST":
            if kind == "play":
                sound = CallSound(kind, [p.required_url(params, "url")], MAX_LENGTH, False, True)
            else:
                voice, language = p.text(params, "voice"), p.text(params, "language")
                sound = CallSound(kind, [p.required(params, "text")], MAX_LENGTH, False, True, voice, language)
        member_ids = control.conference_member_sound(path[0], path[1], kind, sound)
        if sound is None:
            return Answer(204)
        return Answer(202, {"message": f"{kind} queued into conference", "member_id": member_ids})

    handle.__doc__ = f"{method} /Conference/{{name}}/Member/{{id}}/{kind.capitalize()}/: {kind} to members."
    return handle


def record(control: Control, path: tuple[str, ...], params: Mapping[str, Any]) -> Answer:
    """POST /Conference/{name}/Record/: 202 "conference recording started", its id and URL."""
    file_format, callback = p.recording(params, "conference")
    recording_id, url = control.conference_record(path[0], file_format, callback)
    return Answer(202, {"message": "conference recording started", "recording_id": recording_id, "url": url})


def record_stop(control: Control, path: tuple[str, ...], params: Mapping[str, Any]) -> Answer:
    """DELETE /Conference/{name}/Record/: 204; the recording stops and its callback is sent."""
    p.synchronous(params)
    control.conference_record_stop(path[0])
    return Answer(204)
