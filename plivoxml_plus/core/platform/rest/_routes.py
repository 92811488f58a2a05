"""The REST API's one route table: each served operation, its method and path
under ``/v1/Account/{auth_id}/``, and its handler. docs/testing-apps.md lists
the same operations ("Your app's REST calls"); a test checks the two agree."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from . import _calls, _conference, _mpc, _sounds
from ._answers import Answer
from ._control import Control

__all__ = ["RESOURCES", "ROUTES", "Handler", "RestRoute", "find"]

Handler = Callable[[Control, tuple[str, ...], Mapping[str, Any]], Answer]

_ID = "([^/]+)"
_MPC = f"MultiPartyCall/{_ID}"
_PART = f"{_MPC}/Participant/{_ID}"
_CONFERENCE = f"Conference/{_ID}"
_MEMBER = f"{_CONFERENCE}/Member/{_ID}"


class RestRoute(NamedTuple):
    """One operation: ``name`` as plivo-python calls it, the method and path pattern."""

    name: str
    method: str
    path: re.Pattern[str]
    handler: Handler


def _route(name: str, method: str, path: str, handler: Handler) -> RestRoute:
    return RestRoute(name, method, re.compile(path + "/"), handler)


ROUTES: tuple[RestRoute, ...] = (
    _route("calls.create", "POST", "Call", _calls.create),
    _route("calls.list / live_calls.list_ids", "GET", "Call", _calls.listing),
    _route("calls.get / live_calls.get", "GET", f"Call/{_ID}", _calls.get),
    _route("calls.transfer / calls.update", "POST", f"Call/{_ID}", _calls.transfer),
    _route("calls.delete / calls.hangup", "DELETE", f"Call/{_ID}", _calls.hangup),
    _route("calls.send_digits", "POST", f"Call/{_ID}/DTMF", _calls.send_digits),
    _route("calls.record / start_recording", "POST", f"Call/{_ID}/Record", _calls.record),
    _route("calls.record_stop / stop_recording", "DELETE", f"Call/{_ID}/Record", _calls.record_stop),
    _route("calls.play / start_playing", "POST", f"Call/{_ID}/Play", _sounds.play),
    _route("calls.stop_playing / play_stop", "DELETE", f"Call/{_ID}/Play", _sounds.stop("play")),
    _route("calls.speak / start_speaking", "POST", f"Call/{_ID}/Speak", _sounds.speak),
    _route("calls.stop_speaking / speak_stop", "DELETE", f"Call/{_ID}/Speak", _sounds.stop("speak")),
    _route("multi_party_calls.list", "GET", "MultiPartyCall", _mpc.listing),
    _route("multi_party_calls.get", "GET", _MPC, _mpc.get),
    _route("multi_party_calls.add_participant", "POST", f"{_MPC}/Participant", _mpc.add_participant),
    _route("multi_party_calls.list_participants", "GET", f"{_MPC}/Participant", _mpc.participants),
    _route("multi_party_calls.get_participant", "GET", f"{_MPC}/Participant/{_ID}", _mpc.get_participant),
    _route("multi_party_calls.update_participant", "POST", f"{_MPC}/Participant/{_ID}", _mpc.update_participant),
    _route("multi_party_calls.kick_participant", "DELETE", f"{_MPC}/Participant/{_ID}", _mpc.kick),
    _route("multi_party_calls.start_recording", "POST", f"{_MPC}/Record", _mpc.record("start")),
    _route("multi_party_calls.stop_recording", "DELETE", f"{_MPC}/Record", _mpc.record("stop")),
    _route("multi_party_calls.pause_recording", "POST", f"{_MPC}/Record/Pause", _mpc.record("pause")),
    _route("multi_party_calls.resume_recording", "POST", f"{_MPC}/Record/Resume", _mpc.record("resume")),
    _route(
        "multi_party_calls.start_participant_recording", "POST", f"{_PART}/Record", _mpc.participant_record("start")
    ),
    _route(
        "multi_party_calls.stop_participant_recording", "DELETE", f"{_PART}/Record", _mpc.participant_record("stop")
    ),
    _route(
        "multi_party_calls.pause_participant_recording",
        "POST",
        f"{_PART}/Record/Pause",
        _mpc.participant_record("pause"),
    ),
    _route(
        "multi_party_calls.resume_participant_recording",
        "POST",
        f"{_PART}/Record/Resume",
        _mpc.participant_record("resume"),
    ),
    _route("multi_party_calls.start_play_audio", "POST", f"{_MPC}/Member/{_ID}/Play", _mpc.play_audio),
    _route("multi_party_calls.stop_play_audio", "DELETE", f"{_MPC}/Member/{_ID}/Play", _mpc.stop_audio),
    _route("conferences.list", "GET", "Conference", _conference.listing),
    _route("conferences.hangup_all / delete_all", "DELETE", "Conference", _conference.hangup_all),
    _route("conferences.get", "GET", _CONFERENCE, _conference.get),
    _route("conferences.hangup / delete", "DELETE", _CONFERENCE, _conference.hangup),
    _route("conferences.member_mute", "POST", f"{_MEMBER}/Mute", _conference.member("Mute", "POST")),
    _route("conferences.member_mute_stop", "DELETE", f"{_MEMBER}/Mute", _conference.member("Mute", "DELETE")),
    _route("conferences.member_deaf", "POST", f"{_MEMBER}/Deaf", _conference.member("Deaf", "POST")),
    _route("conferences.member_deaf_stop", "DELETE", f"{_MEMBER}/Deaf", _conference.member("Deaf", "DELETE")),
    _route("conferences.member_kick", "POST", f"{_MEMBER}/Kick", _conference.member("Kick", "POST")),
    _route("conferences.member_hangup", "DELETE", _MEMBER, _conference.member("", "DELETE")),
    _route("conferences.member_play", "POST", f"{_MEMBER}/Play", _conference.member_sound("play", "POST")),
    _route("conferences.member_play_stop", "DELETE", f"{_MEMBER}/Play", _conference.member_sound("play", "DELETE")),
    _route("conferences.member_speak", "POST", f"{_MEMBER}/Speak", _conference.member_sound("speak", "POST")),
    _route("conferences.member_speak_stop", "DELETE", f"{_MEMBER}/Speak", _conference.member_sound("speak", "DELETE")),
    _route("conferences.record", "POST", f"{_CONFERENCE}/Record", _conference.record),
    _route("conferences.record_stop", "DELETE", f"{_CONFERENCE}/Record", _conference.record_stop),
)
# the voice resources Plivo has: asked of one the simulation does not serve (yet),
# the API says so (405) rather than pretend it is not there (404)
RESOURCES = ("Call", "MultiPartyCall", "Conference", "Request", "Recording")


def find(method: str, path: str) -> tuple[RestRoute | None, tuple[str, ...], bool]:
    """The route serving ``method path``, its path values, and whether the path
    (under another method) is one Plivo has."""
    known = False
    for route in ROUTES:
        match = route.path.fullmatch(path)
        if match is not None:
            if route.method == method:
                return route, match.groups(), True
            known = True
    return None, (), known or path.split("/", 1)[0] in RESOURCES
