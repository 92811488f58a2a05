"""The MultiPartyCall resource (Plivo's Multi-party call API: get, list, add,
update and kick participants, record), served for the simulation. An MPC is
named ``uuid_<MPCUUID>`` or ``name_<friendly name>`` in the path, as
plivo-python names it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import _params as p
from ._answers import Answer, RestError, listed
from ._control import CallSound, Control
from ._sounds import MAX_LENGTH  # (a sound played to a participant: at most an hour, as a call's)

__all__ = [
    "add_participant",
    "get",
    "get_participant",
    "kick",
    "listing",
    "participant_record",
    "participants",
    "play_audio",
    "record",
    "stop_audio",
    "update_participant",
]

ROLES = ("agent", "supervisor", "customer")
TRACK_TYPES = ("participant", "all", "both")  # record_track_type (default all)
# what plivo-python sends besides the MultiPartyCall attributes: the new call's own
# (ringing, caller ID...), which the simulated call does not model
_IDENTIFIERS = ("role", "from", "to", "call_uuid")


def get(control: Control, path: tuple[str, ...], _: Mapping[str, Any]) -> Answer:
    return Answer(200, control.mpc_details(control.mpc_name(path[0])))


def listing(control: Control, _: tuple[str, ...], __: Mapping[str, Any]) -> Answer:
    return Answer(200, listed([control.mpc_details(name) for name in control.mpcs()]))


def participants(control: Control, path: tuple[str, ...], _: Mapping[str, Any]) -> Answer:
    return Answer(200, listed(control.participants(control.mpc_name(path[0]))))


def get_participant(control: Control, path: tuple[str, ...], _: Mapping[str, Any]) -> Answer:
    name = control.mpc_name(path[0])
    for participant in control.participants(name):
        if participant["member_id"] == path[1]:
            return Answer(200, participant)
    raise RestError(404, "not found", f"MPC {name!r} has no participant {path[1]!r}")


def add_participant(control: Control, path: tuple[str, ...], params: Mapping[str, Any]) -> Answer:
    """POST /MultiPartyCall/{id}/Participant/: 201 "add participant action initiated"."""
    role = p.required(params, "role").lower()
    if role not in ROLES:
        raise RestError(400, f"role = {params['role']!r} is not allowed; allowed: {', '.join(ROLES)}")
    from_, to, call_uuid = p.text(params, "from"), p.text(params, "to"), p.text(params, "call_uuid")
    if call_uuid is not None and (from_ or to):
        raise RestError(400, "cannot specify call_uuid when (from, to) is provided")
    if call_uuid is None and not (from_ and to):
        raise RestError(400, "specify either call_uuid or (from, to)")
    # name_ may name an MPC not yet live (the participant opens it); uuid_ names a live one
    name = path[0][len("name_") :] if path[0].startswith("name_") else control.mpc_name(path[0])
    attributes = {key: value for key, value in params.items() if key not in _IDENTIFIERS}
    request_uuid, calls = control.add_participant(
        name, role, from_=from_, to=to, call_uuid=call_uuid, attributes=attributes
    )
    return Answer(201, {"calls": calls, "message": "add participant action initiated", "request_uuid": request_uuid})


def update_participant(control: Control, path: tuple[str, ...], params: Mapping[str, Any]) -> Answer:
    """POST /MultiPartyCall/{id}/Participant/{member}/: 200, each field given "Changed"."""
    name = control.mpc_name(path[0])
    fields = {key: p.flag(params, key) for key in ("coach_mode", "mute", "hold")}
    if all(value is None for value in fields.values()):
        raise RestError(400, "update at least one of coach_mode, mute or hold")
    if path[1] == "all" and fields["coach_mode"] is not None:
        raise RestError(400, "cannot specify coach_mode when updating all participants")
    call = control.participant_call(name, path[1])
    control.update_participant(name, call, fields["hold"], fields["mute"], fields["coach_mode"])
    return Answer(200, {key: "Changed" for key, value in fields.items() if value is not None})


def kick(control: Control, path: tuple[str, ...], _: Mapping[str, Any]) -> Answer:
    """DELETE /MultiPartyCall/{id}/Participant/{member}/: 204."""
    name = control.mpc_name(path[0])
    control.kick(name, control.participant_call(name, path[1]))
    return Answer(204)


def record(action: str) -> Any:
    """The handler for one recording action (start, stop, pause, resume) of an MPC."""

    def handle(control: Control, path: tuple[str, ...], _: Mapping[str, Any]) -> Answer:
        name = control.mpc_name(path[0])
        control.recording(name, action)
        if action == "start":
            return Answer(200, {"message": f"MPC: {name} record started"})
        return Answer(204)

    handle.__doc__ = f"The MPC's recording: {action}."
    return handle


def participant_record(action: str) -> Any:
    """The handler for one action (start, stop, pause, resume) on a participant's recording (M7)."""

    def handle(control: Control, path: tuple[str, ...], params: Mapping[str, Any]) -> Answer:
        name = control.mpc_name(path[0])
        track_type = params.get("record_track_type", "all")
        if track_type not in TRACK_TYPES:
            raise RestError(
                400, f"record_track_type = {track_type!r} is not allowed; allowed: {', '.join(TRACK_TYPES)}"
            )
        if action != "start":
            p.synchronous(params)
            control.participant_recording(name, path[1], action)
            return Answer(204)
        file_format = p.recording_format(params)
        if params.get("transcription_url") is not None or p.flag(params, "transcript"):
            raise RestError(405, "transcription of a participant recording is not served by the simulation yet")
        callback_url = p.url(params, "recording_callback_url")
        callback = None if callback_url is None else (callback_url, p.method(params, "recording_callback_method"))
        started = control.participant_recording(name, path[1], "start", (file_format, callback))
        assert started is not None
        recording_id, url = started
        return Answer(
            200, {"message": f"MPC: {name} record started", "recording_id": recording_id, "recording_url": url}
        )

    handle.__doc__ = f"A participant's recording: {action}."
    return handle


def play_audio(control: Control, path: tuple[str, ...], params: Mapping[str, Any]) -> Answer:
    """POST /MultiPartyCall/{id}/Member/{member}/Play/: 202 "play queued into MPC"."""
    name = control.mpc_name(path[0])
    url = p.url(params, "url")
    if url is None:
        raise RestError(400, "url is required but was not given")
    members = control.participant_play(name, path[1], CallSound("play", [url], MAX_LENGTH, loop=False, mix=True))
    return Answer(202, {"message": "play queued into MPC", "mpcMemberId": members, "mpcName": name})


def stop_audio(control: Control, path: tuple[str, ...], _: Mapping[str, Any]) -> Answer:
    """DELETE /MultiPartyCall/{id}/Member/{member}/Play/: 204; the sound stops."""
    control.participant_play(control.mpc_name(path[0]), path[1], None)
    return Answer(204)
