"""The transport under plivo-python's own RestClient: a ``requests`` adapter
that answers every request in process, from the simulation (no socket).

A request is answered once the adapter holds the simulation's ``Gate``: at
once between runs, and while the running simulation waits for the app's answer
(the app's handler calling the API). It then acts at the clock's current time.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from itertools import count
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from ...._errors import PlivoXMLPlusError
from ._answers import NOT_FOUND, Answer, RestError
from ._control import Control
from ._routes import find

__all__ = ["API_HOST", "answer_operation", "answer_request"]

API_HOST = "api.plivo.com"
_ACCOUNT = "MASIMULATEDACCOUNT00"  # (the account in the path is not checked)
_API_IDS = uuid.UUID("6c1d7c5e-2f0e-4b8e-9a55-7a1f3c0e4d21")  # api_id namespace: the same run, the same ids


def answer_request(
    control: Control, method: str, url: str, body: bytes | None, ids: count[int], *, holding: bool = False
) -> Answer:
    """Plivo's answer to ``method url`` with ``body`` (JSON, as plivo-python sends it).
    ``holding``: the caller is the thread running the simulation's events, which
    holds the gate already (taken twice, it would stay shut while lent to the app)."""
    answer = _answer(control, method, url, body, holding)
    if answer.body is None:
        return answer
    api_id = str(uuid.uuid5(_API_IDS, str(next(ids))))
    return Answer(answer.status, {"api_id": api_id, **answer.body})


def answer_operation(
    control: Control, method: str, path: str, params: Mapping[str, Any], ids: count[int]
) -> Answer:
    """Plivo's answer to ``method path`` (under ``/v1/Account/{auth_id}/``) with the
    parameters ``params``: the request plivo-python would send, answered as it is
    (a scenario file's ``[[rest]]`` entries: the same route table and handlers).
    Called by the thread running the simulation's events, at the clock's time."""
    url = f"https://{API_HOST}/v1/Account/{_ACCOUNT}/{quote(path, safe='/')}"
    return answer_request(control, method, url, json.dumps(dict(params)).encode(), ids, holding=True)


def _answer(control: Control, method: str, url: str, body: bytes | None, holding: bool) -> Answer:
    parts = urlsplit(url)
    segments = [unquote(s) for s in parts.path.split("/")]
    # /v1/Account/{auth_id}/<resource path>/
    if parts.hostname != API_HOST or segments[1:3] != ["v1", "Account"] or len(segments) < 5:
        return Answer(404, {"error": NOT_FOUND})
    path = "/".join(segments[4:])
    try:
        params = _params(parts.query, body)
        route, values, known = find(method, path)
        if route is None:
            if known:
                raise RestError(
                    405, f"{method} /{path} is not served by the simulation (docs/testing-apps.md lists what is)"
                )
            raise RestError(404, NOT_FOUND, f"{method} /{path}: no such resource")
        if not holding and not control.gate.take(control.wait_seconds):
            raise RestError(500, "the simulation is busy: it did not let the API in within its timeout")
        try:
            try:
                return route.handler(control, values, params)
            except RestError as error:
                control.note(f"REST {method} /{path}: {error.status} {error.error} ({error.why})")
                raise
            except PlivoXMLPlusError as error:  # a value the simulation's own checks refuse
                control.note(f"REST {method} /{path}: 400 {error}")
                raise RestError(400, str(error)) from None
        finally:
            if not holding:
                control.gate.give_back()
    except RestError as error:
        return Answer(error.status, {"error": error.error})


def _params(query: str, body: bytes | None) -> Mapping[str, Any]:
    params: dict[str, Any] = dict(parse_qsl(query))
    if body:
        try:
            data = json.loads(body)
        except ValueError:
            raise RestError(400, "the request body is not JSON") from None
        if not isinstance(data, dict):
            raise RestError(400, "the request body is not a JSON object")
        params.update(data)
    return params
