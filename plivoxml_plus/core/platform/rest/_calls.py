"""The Call resource (Plivo's Call API: make, get, list, transfer, hang up),
served for the simulation: each handler reads Plivo's documented parameters,
asks the ``Control`` and answers as Plivo does."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import _params as p
from ._answers import Answer, RestError, listed
from ._control import Control

__all__ = ["create", "get", "hangup", "listing", "record", "record_stop", "send_digits", "transfer"]

MAX_TIME_LIMIT = 86400  # Plivo disconnects a call at 24 h whatever time_limit says
RECORD_TIME_LIMIT = 60  # "Start recording a call": time_limit defaults to 60 s


def create(control: Control, _: tuple[str, ...], params: Mapping[str, Any]) -> Answer:
    """POST /Call/: 201 "call fired", one request UUID per ``to`` (a list for several)."""
    from_ = p.required(params, "from")
    to = p.required(params, "to")
    answer_url = p.required_url(params, "answer_url")
    answer_method = p.method(params, "answer_method")
    app_urls = {}  # the Application's other URLs (docs/rules.md, P1)
    for key in ("ring", "hangup", "fallback"):
        given = p.url(params, f"{key}_url")
        method = p.method(params, f"{key}_method")
        if given is not None:
            app_urls[key] = (given, method)
    time_limit = p.whole(params, "time_limit", 1, MAX_TIME_LIMIT)
    targets = to.split("<")
    if any(not target.strip() for target in targets):
        raise RestError(400, f"to = {to!r} is not allowed; allowed: numbers or SIP URIs separated by '<'")
    if from_ in targets:
        raise RestError(400, "src and destination cannot overlap")
    requests = [
        control.create_call(from_, target, answer_url, answer_method, time_limit, app_urls=app_urls)[0]
        for target in targets
    ]
    request_uuid: str | list[str] = requests[0] if len(requests) == 1 else requests
    return Answer(201, {"message": "call fired", "request_uuid": request_uuid})


def get(control: Control, path: tuple[str, ...], params: Mapping[str, Any]) -> Answer:
    """GET /Call/{uuid}/: a live call's details with ``status=live``, else its record."""
    return Answer(200, control.call_details(path[0], live=params.get("status") == "live"))


def listing(control: Control, _: tuple[str, ...], params: Mapping[str, Any]) -> Answer:
    """GET /Call/: the live calls' UUIDs with ``status=live``, else every call's record."""
    if params.get("status") == "live":
        return Answer(200, {"calls": control.calls(live=True)})
    return Answer(200, listed([control.call_details(uuid, live=False) for uuid in control.calls(live=False)]))


def transfer(control: Control, path: tuple[str, ...], params: Mapping[str, Any]) -> Answer:
    """POST /Call/{uuid}/: 202 "call transferred"; the A leg fetches ``aleg_url``, the B
    leg its Dial connects it to ``bleg_url`` (``legs``: aleg, bleg or both)."""
    legs = params.get("legs")
    if legs not in ("aleg", "bleg", "both"):
        raise RestError(400, f"legs = {legs!r} is not allowed; allowed: aleg, bleg or both")
    targets = {}
    for leg in ("aleg", "bleg") if legs == "both" else (legs,):
        url = p.url(params, f"{leg}_url")
        if url is None:
            raise RestError(400, f"{leg}_url is required when legs is {legs}")
        targets[leg] = (url, p.method(params, f"{leg}_method"))
    control.transfer_call(path[0], targets)
    return Answer(202, {"message": "call transferred"})


def hangup(control: Control, path: tuple[str, ...], _: Mapping[str, Any]) -> Answer:
    """DELETE /Call/{uuid}/: 204, the call ends now."""
    control.hangup_call(path[0])
    return Answer(204)


def send_digits(control: Control, path: tuple[str, ...], params: Mapping[str, Any]) -> Answer:
    """POST /Call/{uuid}/DTMF/: 202 "digits sent"; the keys leave the call as ``<DTMF>``'s do (I4)."""
    digits = p.required(params, "digits")
    leg = params.get("leg", "aleg")
    if leg not in ("aleg", "bleg"):
        raise RestError(400, f"leg = {leg!r} is not allowed; allowed: aleg or bleg")
    if leg != "aleg":
        raise RestError(405, "send_digits on leg = 'bleg' is not served by the simulation yet (only aleg)")
    p.synchronous(params)
    control.send_digits(path[0], digits)
    return Answer(202, {"message": "digits sent"})


def record(control: Control, path: tuple[str, ...], params: Mapping[str, Any]) -> Answer:
    """POST /Call/{uuid}/Record/: 202 "call recording started", its ``url``, ``recording_id``
    and ``api_id`` (the one its callback carries); it records for ``time_limit`` seconds."""
    time_limit = p.whole(params, "time_limit", 1, MAX_TIME_LIMIT)
    file_format, callback = p.recording(params, "call")
    limit = RECORD_TIME_LIMIT if time_limit is None else time_limit
    recording_id, url, api_id = control.record_call(path[0], limit, file_format, callback)
    return Answer(
        202, {"api_id": api_id, "message": "call recording started", "recording_id": recording_id, "url": url}
    )


def record_stop(control: Control, path: tuple[str, ...], params: Mapping[str, Any]) -> Answer:
    """DELETE /Call/{uuid}/Record/: 204; every recording the API started on the call stops
    (``URL``: only the one at that URL), each telling its callback."""
    p.synchronous(params)
    control.record_call_stop(path[0], p.url(params, "URL"))
    return Answer(204)
