"""A recording the Call API starts on a live call (Plivo's "Start recording a
call", docs/rules.md I3): as ``<Record recordSession>``'s, it holds what the
call hears and says (a ``CallTape``: ``sim.audio()`` renders it), from the
request until ``time_limit`` seconds have passed, the API stops it, or the call
ends; then its ``callback_url`` is told the figures Plivo lists for it."""

from __future__ import annotations

from .._clock import Clock, Entry, seconds
from .._recording import CallTape, Recording, api_figures
from ..platform._requests import ROUTES
from ._call import Call

__all__ = ["ApiRecording"]

_CALLBACK = ROUTES["Record.callbackUrl"]  # (a call's recording is told there, I3)


class ApiRecording:
    """One recording the Call API started on ``call`` (``api_id``: the Record
    request's, which its callback carries)."""

    __slots__ = ("api_id", "call", "callback", "limit_entry", "recording", "tape")

    def __init__(
        self, call: Call, recording_id: str, file_format: str, api_id: str, callback: tuple[str, str] | None
    ) -> None:
        self.call = call
        self.api_id = api_id
        self.callback = callback
        world = call.world
        self.recording = Recording(recording_id, world.options.record_url_prefix, file_format, world.clock.now)
        self.tape: CallTape | None = None
        self.limit_entry: Entry | None = None

    @property
    def running(self) -> bool:
        return self.tape is not None and self.tape.ended_ms is None

    def start(self, time_limit_ms: int) -> None:
        """Start now, on the live call: it stops by itself after ``time_limit_ms``."""
        call = self.call
        world = call.world
        now = world.clock.now
        # [inf] a call a first <Wait> has not picked up yet (I7) is recorded from its answer
        start = max(now, call.answer_ms)
        self.recording.started_ms = start
        self.tape = CallTape(self.recording.id, call.name, start, self.recording.file_format, session=True)
        world.call_tapes.append(self.tape)
        world.event(
            call.name, "record", f"REST record: the call is recorded from t={seconds(start)} ({self.recording.id})"
        )
        self.limit_entry = world.clock.at(now + time_limit_ms, self._time_up)
        call.endings.append(self._call_ended)

    def _time_up(self, _: object) -> None:
        self.stop("time_limit reached")

    def _call_ended(self) -> None:
        self.stop("the call ended")

    def stop(self, why: str) -> None:
        """Stop now (if it still runs) and tell the callback URL (I3)."""
        if self.tape is None or not self.running:
            return
        world = self.call.world
        now = world.clock.now
        Clock.cancel(self.limit_entry)
        self.limit_entry = None
        self.tape.ended_ms = now
        world.event(self.call.name, "record", f"REST record ends ({why}) after {seconds(now - self.tape.started_ms)} s")
        if self.callback is None:
            return
        figures = api_figures(self.recording.figures(now, world.epoch_ms))
        params = {"api_id": self.api_id, "call_uuid": self.call.uuid, **figures}
        url, method = self.callback
        world.fetch(_CALLBACK, method, url, params, self.call.name, document=None)
