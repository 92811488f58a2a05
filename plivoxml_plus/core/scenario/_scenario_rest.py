"""A scenario file's ``[[rest]]`` entries: REST API requests made at a time,
answered by the simulation's REST API (``core.platform.rest``): the same route
table, handlers and control functions that answer plivo-python's RestClient,
which reach the same Simulation methods as the Python API. One way to change a call.

::

    [[rest]]
    at = 40                          # seconds (required)
    method = "POST"                  # GET, POST or DELETE (required)
    path = "MultiPartyCall/name_support/Participant/{member:customer}/"   # (required)
    params = { hold = true }         # optional: the request's parameters, Plivo's names
    expect = 200                     # optional: the status the API should answer

``path`` is the operation's path under ``/v1/Account/{auth_id}/`` (a route of
docs/testing-apps.md "Your app's REST calls"; the trailing ``/`` may be left
out); ``{uuid:NAME}`` stands for the CallUUID of the call NAME and
``{member:NAME}`` for its MemberID in the conference or MPC it is in at ``at``.
Calls the API places are named ``rest-call-1``, ``rest-call-2``... in order.

What the API answers is a timeline event of kind ``rest``: the method, path,
status and JSON body. A refusal (status 400 or more) stops the run with a
ScenarioError at the entry's line, unless ``expect`` names that status; with
``expect``, any other status does. Problems found when the file is read (an
unknown key, method or operation, a placeholder naming no call, parameters that
are not a table of values) are ScenarioErrors at their line too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection, Mapping
from itertools import count
from typing import Any

import attrs

from ..._errors import ScenarioError
from .._clock import seconds as to_seconds
from .._clock import to_ms
from .._rest_control import SimulationControl
from .._settings import shown
from .._simulation import Simulation
from ..platform.rest import answer_operation, find
from ._format import FORMAT, STATUS, admits, unknown_key

__all__ = ["REST_KEYS", "RestEntry", "RestRunner", "check_rest"]

REST_KEYS = FORMAT["[[rest]]"].names()
REST_METHODS = tuple(FORMAT["[[rest]]"].key("method").schema["enum"])
PLACEHOLDERS = ("uuid", "member")  # {uuid:NAME}, {member:NAME}
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_PLACED = re.compile(r"rest-call-[1-9][0-9]*")  # the names of the calls the API places
_VALUES = (str, int, float, bool)  # what a parameter may be (or a list of them): JSON values
_WAIT_SECONDS = 5.0  # (the running thread holds the gate: an entry never waits on it)

Fail = Callable[[str, int], ScenarioError]
Line = Callable[[str | None], int]


@attrs.frozen
class RestEntry:
    """One ``[[rest]]`` entry, checked; ``path`` still holds its placeholders."""

    at: float
    line: int
    method: str
    path: str
    params: Mapping[str, Any] = attrs.field(factory=dict)
    expect: int | None = None


def check_rest(table: Mapping[str, Any], what: str, line: Line, fail: Fail, calls: Collection[str]) -> RestEntry:
    """``table`` as a RestEntry, or a ScenarioError (``fail``) at the line of the key concerned.
    ``calls``: the names of the file's calls ([[call]] and [[api]] add)."""
    for key in table:
        if key not in REST_KEYS:
            raise fail(unknown_key(key, REST_KEYS, what), line(key))
    for key in ("at", "method", "path"):
        if key not in table:
            raise fail(f"{what} needs {key} (and {', '.join(k for k in REST_KEYS[:3] if k != key)})", line(None))
    try:
        at = to_ms(table["at"], f"{what}: at")
    except ValueError as error:
        raise fail(str(error), line("at")) from None
    method = table["method"]
    if method not in REST_METHODS:
        raise fail(f"{what}: method must be one of {', '.join(REST_METHODS)}, not {shown(method)}", line("method"))
    path = _path(table["path"], what, line("path"), fail, calls)
    route, _, known = find(method, _PLACEHOLDER.sub("x", path))
    if route is None:
        why = "Plivo has it, the simulation does not serve it" if known else "no such operation"
        message = (
            f"{what}: {method} /{path} is not an operation the simulation serves ({why}; "
            "docs/testing-apps.md lists each method and path)"
        )
        raise fail(message, line("path"))
    params = table.get("params", {})
    if not isinstance(params, dict):
        message = f"{what}: params must be a table (params = {{ name = value, ... }}), not {shown(params)}"
        raise fail(message, line("params"))
    for name, value in params.items():
        items = value if isinstance(value, list) else [value]
        if not all(isinstance(item, _VALUES) for item in items):
            message = (
                f"{what}: params {name} = {shown(value)} is not allowed; allowed: a string, number, "
                "true or false, or an array of them (what plivo-python sends)"
            )
            raise fail(message, line("params"))
    expect = table.get("expect")
    if expect is not None and not admits(STATUS, expect):
        statuses = f"{STATUS.minimum} to {STATUS.maximum}"
        message = f"{what}: expect must be an HTTP status from {statuses}, not {shown(expect)}"
        raise fail(message, line("expect"))
    return RestEntry(to_seconds(at), line(None), method, path, params, expect)


def _path(value: object, what: str, line: int, fail: Fail, calls: Collection[str]) -> str:
    """The path, without slashes around it, its placeholders checked."""
    if not isinstance(value, str) or not value.strip("/ "):
        raise fail(f'{what}: path must be an operation\'s path, e.g. "Call/{{uuid:alice}}/", not {shown(value)}', line)
    path = value.strip("/")
    for found in _PLACEHOLDER.finditer(path):
        kind, _, name = found.group(1).partition(":")
        if kind not in PLACEHOLDERS or not name:
            message = (
                f"{what}: path placeholder {found.group(0)!r} is not allowed; allowed: "
                "{uuid:NAME} (a call's CallUUID) and {member:NAME} (its MemberID in its room)"
            )
            raise fail(message, line)
        if name not in calls and _PLACED.fullmatch(name) is None:
            known = ", ".join(calls) or "none"
            message = f"{what}: path names an unknown call {name!r} (calls: {known}; the API's are rest-call-1, ...)"
            raise fail(message, line)
    if "{" in _PLACEHOLDER.sub("", path) or "}" in _PLACEHOLDER.sub("", path):
        raise fail(f"{what}: path {value!r} has a brace outside a {{uuid:NAME}} or {{member:NAME}}", line)
    return path + "/"


class RestRunner:
    """Sends a simulation's ``[[rest]]`` entries, each at its time, through its REST API."""

    def __init__(self, simulation: Simulation, path: str) -> None:
        self.simulation = simulation
        self.path = path  # the scenario file, as errors show it
        self.control = SimulationControl(simulation, _WAIT_SECONDS)
        self.ids = count(1)  # the answers' api_ids, as one client's

    def schedule(self, entry: RestEntry) -> None:
        self.simulation._world.clock.at(to_ms(entry.at, "at"), self._send, entry)

    def _send(self, entry: RestEntry) -> None:
        path = _PLACEHOLDER.sub(lambda found: self._value(entry, found.group(1)), entry.path)
        answer = answer_operation(self.control, entry.method, path, entry.params, self.ids)
        body = "" if answer.body is None else " " + json.dumps(answer.body, sort_keys=True, ensure_ascii=False)
        self.simulation._world.event(None, "rest", f"REST {entry.method} /{path}: {answer.status}{body}")
        if answer.status < 400 if entry.expect is None else answer.status == entry.expect:
            return
        wanted = "a success (or write expect = STATUS if that is the point)" if entry.expect is None else entry.expect
        message = f"at t={entry.at}, REST {entry.method} /{path} was answered {answer.status}{body}; expected {wanted}"
        raise ScenarioError(message, path=self.path, line=entry.line)

    def _value(self, entry: RestEntry, placeholder: str) -> str:
        kind, _, name = placeholder.partition(":")
        record = self.simulation.calls.get(name)
        if record is None:
            known = ", ".join(self.simulation.calls)
            message = f"at t={entry.at}, {{{placeholder}}}: no call is named {name!r} (calls: {known})"
            raise ScenarioError(message, path=self.path, line=entry.line)
        if kind == "uuid":
            return record.uuid
        rooms = [m for m in record.memberships if m.left_at is None]
        if not rooms:
            message = f"at t={entry.at}, {{{placeholder}}}: call {name!r} is in no conference or MPC now"
            raise ScenarioError(message, path=self.path, line=entry.line)
        return rooms[-1].member_id
