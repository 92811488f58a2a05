"""The run as text (a readable timeline) or JSON (one deterministic object).

The JSON holds everything the text shows (the timeline: ``requests`` and
``timeline`` merged by ``seq``; each call's end and end reason; the clock and
the app line) and more: what the app answered each request (``response``) and
the signature headers each request sent to it carried (``signature_headers``), each call's rooms
(``memberships``) and inputs, the lanes the HTML report draws (``lanes``,
``rooms``, ``hearing``: ``_timeline``) and the strict-mode failure that stopped
the run (``failures``). Keys are only ever added to it. The HTML report
(``_html``) is rendered from this same data: one model, three renderings.

Determinism: object keys are sorted (json ``sort_keys``), lists keep their
meaningful order (requests and notes in the order they happened, probes by time,
names heard sorted), times are seconds with at most three decimals (an int when
whole), every parameter value is a string. No wall-clock time, random number or
memory address enters the output.

The text report is for a terminal: every user-supplied text in it (call, room
and MPC names, URLs, parameters, digits, speech, notes) has its control, format
and separator characters escaped (``\x1b``, ``\u2028``: plivoxml_plus._terminal),
so a hostile name can neither drive the terminal nor forge a line. The JSON
report escapes the same characters the JSON way (``\u001b``, ``\u2028``): it
reads back to the same strings.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from ..._terminal import counted, printable
from .._clock import format_seconds, seconds
from .._world import World
from ..bridge import Audibility
from ..callflow._call import CallRecord
from ..platform._requests import AppResponse, HttpRequest, TimelineEvent

if TYPE_CHECKING:
    from .._world import StrictModeError


class _Probe(Protocol):
    @property
    def at(self) -> float: ...

    @property
    def audibility(self) -> Audibility: ...

__all__ = ["render_json", "render_text", "to_data"]


def _at(value: float) -> float | int:
    return seconds(round(value * 1000))


def _response(response: AppResponse | None) -> dict[str, Any] | None:
    if response is None:
        return None
    return {
        "status": response.status,
        "content_type": response.content_type,
        "body": response.text,
        "length": response.length,
        "truncated": response.truncated,
    }


def _call(record: CallRecord) -> dict[str, Any]:
    """A call's record: every fact the text report gives of it, and its rooms and inputs."""
    return {
        "ended_at": None if record.ended_at is None else _at(record.ended_at),
        "executed": list(record.executed),
        "uuid": record.uuid,
        "from": record.from_,
        "to": record.to,
        "direction": record.direction,
        # (a callee no Dial connected has none)
        "answer_at": None if record.answer_at == float("inf") else _at(record.answer_at),
        "end_reason": record.end_reason,
        "memberships": [
            {
                "room": m.room,
                "kind": m.kind,
                "uuid": m.uuid,
                "member_id": m.member_id,
                "joined_at": _at(m.joined_at),
                "left_at": None if m.left_at is None else _at(m.left_at),
                "exit_reason": m.exit_reason,
            }
            for m in record.memberships
        ],
        "inputs": [
            {
                "at": _at(h.at),
                "element": h.tag,
                "digits": h.digits,
                "speech": h.speech,
                "confidence": h.confidence,
                "attempts": h.attempts,
            }
            for h in record.inputs
        ],
        "overflows": [{"at": _at(at), "room": room} for at, room in record.overflows],
    }


def _app(world: World) -> dict[str, Any] | None:
    transport = world.transport
    return None if transport is None else {"base_url": transport.base_url, "strict": world.strict}


def _signature_headers() -> list[str]:
    """The signature headers every request sent to the app carries (``platform._signature``)."""
    from ..platform._signature import signature_headers

    return sorted(signature_headers("POST", "http://app.invalid/", {}, "", 0, "token"))


def _failures(failure: StrictModeError | None) -> list[dict[str, Any]]:
    if failure is None:
        return []
    return [{"at": failure.at, "call": failure.call, "url": failure.url, "text": str(failure)}]


def to_data(
    world: World,
    calls: Mapping[str, CallRecord],
    probes: Sequence[_Probe],
    timeline: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The report as plain data (what ``render_json`` dumps); ``timeline`` adds
    the lanes, rooms and hearing changes (``_timeline.timeline_data``)."""
    signed = _signature_headers() if world.transport is not None else []
    data = {
        "clock_at": seconds(world.clock.now),
        "events_processed": world.clock.processed,
        "app": _app(world),
        "requests": [
            {
                "at": _at(r.at),
                "method": r.method,
                "url": r.url,
                "params": dict(r.params),
                "kind": r.kind,
                "call": r.call,
                "status": r.status,
                "response": _response(r.response),
                "seq": r.seq,
            }
            for r in world.requests
        ],
        "timeline": [
            {"at": _at(e.at), "call": e.call, "kind": e.kind, "text": e.text, "seq": e.seq}
            for e in world.log
            if isinstance(e, TimelineEvent)
        ],
        "probes": [
            {
                "at": _at(p.at),
                "hears": {name: sorted(heard) for name, heard in p.audibility.as_dict().items()},
                "instead": p.audibility.waiting,
            }
            for p in probes
        ],
        "calls": {name: _call(record) for name, record in calls.items()},
        "notes": [
            {"at": _at(n.at), "call": n.call, "text": n.text}
            for n in world.log
            if isinstance(n, TimelineEvent) and n.kind == "note"
        ],
        "failures": _failures(world.failure),
        # the headers signing every request sent to the app (one it answered has a status)
        "signature_headers": signed,
    }
    if timeline is not None:
        data.update(timeline)
    return data


def _json_escape(char: str) -> str:
    return json.dumps(char)[1:-1]  # "\u2028" (a surrogate pair beyond the BMP): the same string once read


def render_json(
    world: World,
    calls: Mapping[str, CallRecord],
    probes: Sequence[_Probe],
    timeline: Mapping[str, Any] | None = None,
) -> str:
    text = json.dumps(to_data(world, calls, probes, timeline), indent=2, sort_keys=True, ensure_ascii=False)
    # json escapes C0 controls only: C1 controls, U+2028, bidi controls and the like
    # are escaped too, line by line (its lines break only between values)
    return "\n".join(printable(line, _json_escape) for line in text.split("\n")) + "\n"


def _request_line(request: HttpRequest) -> str:
    params = " ".join(f"{k}={v}" for k, v in request.params.items())
    answered = "" if request.status is None else f" {request.status}"  # (the app's HTTP status)
    return f"-> {request.method} {request.url} [{request.kind}]{answered}" + (f"  {params}" if params else "")


def render_text(world: World, calls: Mapping[str, CallRecord], probes: Sequence[_Probe]) -> str:
    names = list(calls)
    width = max([len(printable(n)) for n in names] + [4])  # (names are aligned as they are shown)
    lines = [
        f"Simulation: {counted(len(names), 'call')}, clock at t={seconds(world.clock.now)}, "
        f"{counted(world.clock.processed, 'event')}, {counted(len(world.requests), 'request')}",
        "",
        f"{'time':>10}  {'call'.ljust(width)}  what",
    ]
    app = _app(world)
    if app is not None:  # (strict: the default of a scenario driving an app, and of the pytest plugin)
        how = "strict: a failed request stops the run" if app["strict"] else "lenient: a failed request is a note"
        lines[1:1] = [f"App at {app['base_url']} ({how})"]
    for entry in world.log:
        who = printable(entry.call or "-").ljust(width)
        when = format_seconds(round(entry.at * 1000))
        if isinstance(entry, TimelineEvent):
            text = ("NOTE: " if entry.kind == "note" else "") + entry.text
        else:
            text = _request_line(entry)
        lines.append(f"{when}  {who}  {text}")
    if probes:
        lines += ["", "Who hears whom"]
        for probe in probes:
            lines.append(f"  at t={_at(probe.at)}:")
            audibility = probe.audibility
            if not audibility.calls:
                lines.append("    (no call is up)")
            for name in audibility.calls:
                heard = sorted(audibility.hears(name))
                instead = audibility.instead(name)
                text = ", ".join(heard) if heard else "no one"
                if instead is not None:
                    text += f" (hears {instead})"
                lines.append(f"    {printable(name).ljust(width)} hears {text}")
    lines += ["", "Calls"]
    for name, record in calls.items():
        ended = "still up" if record.ended_at is None else f"ended at t={_at(record.ended_at)} ({record.end_reason})"
        if record.answer_at == float("inf"):  # a callee no Dial connected
            ended = "never answered (a callee no <Dial> connected)"
        lines.append(f"  {printable(name).ljust(width)}  {ended}; executed: {', '.join(record.executed) or 'nothing'}")
    # every line escaped as a whole: no user text, wherever it stands, can break one
    return "\n".join(map(printable, lines)) + "\n"
