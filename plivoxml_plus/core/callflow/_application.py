"""The Application's URL set of a call beside its answer URL (docs/rules.md, P1):
``fallback_answer_url``, ``hangup_url`` and ``ring_url``, each with its method;
and the hangup request, made once when the call ends, however it ends.

Plivo sends the hangup_url the call's standard parameters and its hangup
parameters: ``Event=Hangup``, the cause (``HangupCause``, ``HangupCauseName``,
``HangupCauseCode``, ``HangupSource``, from the one table ``_hangup_causes``),
``Duration``, ``BillDuration``, ``StartTime``, ``AnswerTime`` and ``EndTime``.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING, NamedTuple, Protocol

from ..platform._requests import ROUTES

if TYPE_CHECKING:
    from .._world import World
    from ..platform._hangup_causes import Ending

__all__ = ["NO_URLS", "Application", "hangup_request", "ring_request", "wall_time"]

_HANGUP = ROUTES["Call.hangupUrl"]
_RING = ROUTES["Call.ringUrl"]


class Application(NamedTuple):
    """The URLs a call carries besides its answer URL: each ``(url, method)`` or None."""

    fallback: tuple[str, str] | None = None
    hangup: tuple[str, str] | None = None
    ring: tuple[str, str] | None = None


NO_URLS = Application()  # a call with none of them (shared: it is immutable)


class Ended(Protocol):
    """What the hangup request reads of a call (a ``_call.Call``)."""

    name: str
    app: Application
    ending: Ending | None
    started: bool
    start_ms: int
    answer_ms: int
    ended_ms: int | None

    def call_params(self) -> dict[str, str]: ...


def wall_time(world: World, ms: int, *, micro: bool = False) -> str:
    """Virtual time ``ms`` as Plivo writes a call's times: ``yyyy-MM-dd HH:mm:ss``, UTC
    [doc: the Call object page gives the format]; ``micro``: with microseconds, as a
    message's (``YYYY-mm-dd HH:MM:SS.SSSSSS``, the message status callbacks page [doc])."""
    when = datetime.fromtimestamp((world.epoch_ms + ms) / 1000, tz=timezone.utc)
    return when.strftime("%Y-%m-%d %H:%M:%S.%f" if micro else "%Y-%m-%d %H:%M:%S")


def hangup_request(call: Ended, world: World) -> None:
    """The call has ended: its hangup_url, if it has one, is requested (P1)."""
    hangup, ending, ended = call.app.hangup, call.ending, call.ended_ms
    if hangup is None or ending is None or ended is None:
        return
    params = {
        "Event": "Hangup",
        "HangupCauseName": ending.name,
        "HangupCauseCode": str(ending.code),
        "HangupSource": ending.source,
        "StartTime": wall_time(world, call.start_ms),
        # an unanswered call was never answered: no AnswerTime [inf]
        "AnswerTime": wall_time(world, call.answer_ms) if call.started else "",
        "EndTime": wall_time(world, ended),
        **call.call_params(),
    }
    if not call.started:  # never answered: its status says why, and nothing is billed
        params.update(CallStatus=ending.status, Duration="0", BillDuration="0")
    world.fetch(_HANGUP, hangup[1], hangup[0], params, call.name, document=None)


def ring_request(call: Ended, world: World) -> None:
    """An API call starts ringing: its ring_url, if it has one, is requested (P1)."""
    ring = call.app.ring
    if ring is None:
        return
    params = {"Event": "Ring", **call.call_params(), "CallStatus": "ringing"}
    world.fetch(_RING, ring[1], ring[0], params, call.name, document=None)
