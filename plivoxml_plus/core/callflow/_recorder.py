"""``<Record>`` on a call (docs/rules.md, I3).

A ``Recorder`` is the call's listener while the element runs: after the beep
it records until ``maxLength`` seconds have passed, the caller has been silent
for ``timeout`` seconds (silence: no talk spurt), a ``finishOnKey`` key is
pressed, or the call ends. Then the action URL gets the recording's figures
(and the key pressed), the callback URL the same figures once the file is
ready. With ``recordSession`` (or ``startOnDialAnswer``) the recording runs in
the background until the call ends: the action URL is told at once, with -1
for what is not known yet, and the call goes on.
"""

from __future__ import annotations

from ...elements import Element
from .._clock import Clock, Entry, seconds
from .._coverage import FINISH_KEY, HANGUP, MAX_LENGTH, SILENCE
from .._recording import CallTape, Recording
from ..platform._requests import ROUTES
from ._call import Call
from ._gathering import NO_FINISH_KEY

__all__ = ["Recorder", "run_record"]

_UNKNOWN = "-1"  # a background recording's figures when its action URL is told


class Recorder:
    __slots__ = ("call", "element", "finish", "max_entry", "recording", "silence_entry", "silence_ms", "tape")

    def __init__(self, call: Call, element: Element, number: int) -> None:
        self.call = call
        self.element = element
        world = call.world
        effective = element.effective
        keys = effective("finish_on_key")
        self.finish = "" if keys in NO_FINISH_KEY else str(keys)
        self.silence_ms: int = effective("timeout") * 1000
        recording_id = world.ids.record(call.name, number)
        self.recording = Recording(recording_id, world.options.record_url_prefix, str(effective("file_format")), 0)
        self.max_entry: Entry | None = None
        self.silence_entry: Entry | None = None
        self.tape: CallTape | None = None

    def _tape(self, start: int, *, session: bool) -> None:
        """The recording's audio runs from ``start`` (sim.audio() renders it)."""
        recording = self.recording
        self.tape = CallTape(recording.id, self.call.name, start, recording.file_format, session=session)
        self.call.world.call_tapes.append(self.tape)

    # -- starting ------------------------------------------------------------------

    def start(self) -> bool:
        """Start recording; True when the call waits for the recording to end."""
        call = self.call
        world = call.world
        effective = self.element.effective
        now = world.clock.now
        if effective("record_session") or effective("start_on_dial_answer"):
            return self._in_background()
        start = now
        if effective("play_beep"):
            start += world.durations.beep_ms
            world.event(call.name, "element", f"beep ({seconds(world.durations.beep_ms)} s)")
        self.recording.started_ms = start
        self._tape(start, session=False)
        world.event(call.name, "record", f"<Record> records from t={seconds(start)} ({self.recording.id})")
        self.max_entry = world.clock.at(start + effective("max_length") * 1000, self._stop, MAX_LENGTH)
        if not call.talking:
            self.silence_entry = world.clock.at(start + self.silence_ms, self._stop, SILENCE)
        call.listener = self
        return True

    def _in_background(self) -> bool:
        call = self.call
        world = call.world
        now = world.clock.now
        params = self.recording.figures(now, world.epoch_ms)
        unknown = ["RecordingDuration", "RecordingDurationMs", "RecordingEndMs"]
        if self.element.effective("start_on_dial_answer"):
            # I3: it starts when the next Dial of this call is answered, if one is
            call.dial_answers.append(self._dial_answered)
            world.event(call.name, "record", "<Record startOnDialAnswer> will record from a Dial's answer")
            unknown.append("RecordingStartMs")
        else:
            self._dial_answered()
        for name in unknown:
            params[name] = _UNKNOWN
        url = self.element.effective("action")
        if url is not None:
            route = ROUTES["Record.action"]
            method = route.method_for(self.element.effective, world.options)
            world.send(route, method, str(url), {**params, "Digits": ""}, call, read=False)
        call.endings.append(self._session_over)
        return False

    def _dial_answered(self) -> None:
        call = self.call
        now = call.world.clock.now
        self.recording.started_ms = now
        self._tape(now, session=True)
        call.world.event(call.name, "record", f"<Record> records the call in the background from t={seconds(now)}")

    def _session_over(self) -> None:
        if self.tape is None:  # startOnDialAnswer, and no Dial was answered
            self.call.world.note(self.call.name, "<Record startOnDialAnswer>: no Dial was answered, nothing recorded")
            return
        self._ready(self.call.world.clock.now)

    # -- the call's side --------------------------------------------------------------

    def digit(self, key: str) -> None:
        call = self.call
        if self.finish and key in self.finish:
            self._stop(FINISH_KEY, key)
        else:
            call.world.note(call.name, f"key {key!r} ignored: it is not a finishOnKey key of <Record>")

    def speech(self, text: str, confidence: float) -> None:
        del confidence  # a recording keeps what is said; nothing recognises it
        self.call.world.note(self.call.name, f"speech {text!r} is recorded, not recognised (<Record> is running)")

    def talk(self, talking: bool) -> None:
        world = self.call.world
        Clock.cancel(self.silence_entry)
        self.silence_entry = None
        if not talking:
            self.silence_entry = world.clock.at(world.clock.now + self.silence_ms, self._stop, SILENCE)

    def hung_up(self) -> None:
        self.call.branch(HANGUP)
        self._cancel()
        # I3 [inf]: no action URL, the file is still made
        self._ready(max(self.call.world.clock.now, self.recording.started_ms))

    # -- ending --------------------------------------------------------------------

    def _cancel(self) -> None:
        Clock.cancel(self.max_entry)
        Clock.cancel(self.silence_entry)
        self.max_entry = self.silence_entry = None

    def _stop(self, why: object, key: str = "") -> None:
        call = self.call
        call.branch(str(why))
        world = call.world
        self._cancel()
        call.listener = None
        now = max(world.clock.now, self.recording.started_ms)  # a key during the beep records nothing
        element = self.element
        world.event(call.name, "record", f"<Record> ends ({why}) after {seconds(now - self.recording.started_ms)} s")
        url = element.effective("action")
        document = None
        failed = False
        redirect = bool(element.effective("redirect"))
        if url is not None:
            route = ROUTES["Record.action"]
            method = route.method_for(element.effective, world.options)
            params = {**self.recording.figures(now, world.epoch_ms), "Digits": key}
            document = world.send(route, method, str(url), params, call, read=redirect)
            failed = redirect and document is None
        self._ready(now)
        call.go_on(document, failed)

    def _ready(self, ended_ms: int) -> None:
        """The file is ready: the callback URL is told (I3)."""
        if self.tape is not None:
            self.tape.ended_ms = ended_ms
        world = self.call.world
        url = self.element.effective("callback_url")
        if url is None:
            return
        route = ROUTES["Record.callbackUrl"]
        method = route.method_for(self.element.effective, world.options)
        world.send(route, method, str(url), self.recording.figures(ended_ms, world.epoch_ms), self.call)


def run_record(call: Call, element: Element) -> bool:
    """A Record: a new ``Recorder``, numbered per call."""
    call.records_made += 1
    return Recorder(call, element, call.records_made).start()
