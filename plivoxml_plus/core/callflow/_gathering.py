"""``<GetDigits>`` and ``<GetInput>`` on a call: the prompts play, the caller's
keys (and, for GetInput, speech) are collected, and what was collected goes to
the action URL (docs/rules.md, I1 and I2).

A ``Gathering`` is the call's listener while its element runs: the call hands it
every key pressed and every phrase said, and it tells the call to go on (with
the action URL's document, or the next element) when it is done. One attempt
is: the prompts in turn, a beep if asked, then the wait for input; a key
pressed or a phrase said during a prompt stops the prompts (barge-in).
"""

from __future__ import annotations

from ..._terminal import counted
from ..._xml_whitespace import xml_split
from ...elements import Element
from ...elements.companions import Play, Wait
from .. import _coverage as coverage
from .._clock import Clock, Entry, seconds
from ..platform._requests import ROUTES
from ._call import Call, Heard

__all__ = ["Gathering", "run_gathering"]

NO_FINISH_KEY = ("", "none")  # finishOnKey values that mean no finishing key (GetDigits, GetInput, Record)


_NOTHING_IN_TIME = "no input in time"  # why an attempt failed with no key at all


class Gathering:
    """One GetDigits or GetInput running on ``call`` (see the module docstring)."""

    __slots__ = (
        "attempt",
        "attempts",
        "beep",
        "between_ms",
        "call",
        "digits_on",
        "element",
        "finish",
        "first_ms",
        "keys",
        "max_keys",
        "playing",
        "prompt",
        "prompts",
        "speech_end_ms",
        "speech_on",
        "timer",
        "valid",
    )

    def __init__(self, call: Call, element: Element) -> None:
        self.call = call
        self.element = element
        effective = element.effective
        options = call.world.options
        self.prompts: list[Element] = element.__dict__["children"]
        finish = effective("finish_on_key")
        self.finish = "" if finish in NO_FINISH_KEY else str(finish)
        self.max_keys: int = effective("num_digits")
        if element.tag == "GetDigits":
            self.attempts: int = effective("retries")  # I1: every attempt, the first included
            self.first_ms = effective("timeout") * 1000
            self.between_ms = effective("digit_timeout") * 1000
            self.valid: str | None = str(effective("valid_digits"))
            self.digits_on, self.speech_on = True, False
            self.speech_end_ms = 0
        else:
            kinds = xml_split(str(effective("input_type")))
            self.attempts = 1
            self.first_ms = effective("execution_timeout") * 1000
            self.between_ms = _end_ms(effective("digit_end_timeout"), options.digit_end_timeout_auto)
            self.speech_end_ms = _end_ms(effective("speech_end_timeout"), options.speech_end_timeout_auto)
            self.valid = None
            self.digits_on, self.speech_on = "dtmf" in kinds, "speech" in kinds
        self.beep = bool(effective("play_beep")) if "play_beep" in element.specs else False
        self.attempt = 0
        self.keys: list[str] = []
        self.prompt = 0
        self.playing = False  # a prompt (Speak, Play, Wait) is running
        self.timer: Entry | None = None

    # -- the call's side -------------------------------------------------------------

    def start(self) -> None:
        self.attempt += 1
        self.keys = []
        self.prompt = 0
        self.playing = True
        self._next_prompt(None)

    def digit(self, key: str) -> None:
        """The caller pressed ``key`` while this element listens."""
        call = self.call
        if not self.digits_on:
            call.world.note(call.name, f"key {key!r} ignored: <GetInput inputType=\"speech\"> listens for speech only")
            return
        if self.playing:
            self._stop_prompts()
        Clock.cancel(self.timer)
        self.timer = None
        if self.finish and key == self.finish:
            if self.keys:
                self._done("".join(self.keys), None, None)
            else:  # I1 [oss]: the finishing key alone is no input
                self._failed("the finishing key with no digits before it")
            return
        if self.valid is not None and key not in self.valid:
            self._invalid(key)
            return
        self.keys.append(key)
        if len(self.keys) >= self.max_keys:
            self._done("".join(self.keys), None, None)
        else:
            now = call.world.clock.now
            self.timer = call.world.clock.at(now + self.between_ms, self._digits_over)

    def speech(self, text: str, confidence: float) -> None:
        """The caller finished saying ``text`` while this element listens."""
        call = self.call
        if not self.speech_on:
            call.world.note(call.name, f"speech {text!r} ignored: <{self.element.tag}> listens for keys only")
            return
        if self.keys:  # I2 [doc]: the input detected first wins
            call.world.note(call.name, f"speech {text!r} ignored: the caller has begun pressing keys")
            return
        if self.playing:
            self._stop_prompts()
        Clock.cancel(self.timer)
        # recognition ends once the caller has been silent for speechEndTimeout
        now = call.world.clock.now
        self.timer = call.world.clock.at(now + self.speech_end_ms, self._speech_over, (text, confidence))

    def talk(self, talking: bool) -> None:
        """Talk spurts mean nothing here: only recognised speech (``speech``) counts."""

    def hung_up(self) -> None:
        Clock.cancel(self.timer)
        self.timer = None

    # -- the attempt -------------------------------------------------------------------

    def _next_prompt(self, _: object) -> None:
        call = self.call
        world = call.world
        now = world.clock.now
        self.timer = None
        if self.prompt < len(self.prompts):
            element = self.prompts[self.prompt]
            self.prompt += 1
            call.record.executed.append(element.tag)
            ms = world.durations.ms(element)
            if element.tag != "Wait":
                call.prompts.append((now, element))
            if ms is None:  # loop="0": plays until input stops it
                world.event(call.name, "element", f"<{element.tag}> (loop=0: until the caller answers)")
                return
            world.event(call.name, "element", f"<{element.tag}> ({seconds(ms)} s)")
            self.timer = world.clock.at(now + ms, self._next_prompt)
            return
        self.playing = False
        wait_ms = self.first_ms
        if self.beep:
            beep_ms = world.durations.beep_ms
            world.event(call.name, "element", f"beep ({seconds(beep_ms)} s)")
            wait_ms += beep_ms
        self.timer = world.clock.at(now + wait_ms, self._no_input)

    def _stop_prompts(self) -> None:
        call = self.call
        # what the caller hears stops here (the audio renders prompts until the next one)
        call.prompts.append((call.world.clock.now, Wait(length=1)))
        self.playing = False

    def _no_input(self, _: object) -> None:
        self.timer = None
        self._failed(_NOTHING_IN_TIME)

    def _digits_over(self, _: object) -> None:
        self.timer = None
        self._done("".join(self.keys), None, None)

    def _speech_over(self, said: object) -> None:
        self.timer = None
        text: str
        confidence: float
        text, confidence = said  # type: ignore[misc]
        self._done("", text, confidence)

    def _invalid(self, key: str) -> None:
        call = self.call
        world = call.world
        sound = self.element.effective("invalid_digits_sound")
        world.event(call.name, "digits", f"key {key!r} is not among validDigits: the attempt fails")
        self.keys = []
        if sound is None:
            self._failed(f"key {key!r} is not valid")
            return
        play = Play(sound)
        call.prompts.append((world.clock.now, play))
        ms = world.durations.ms(play) or 0
        world.event(call.name, "element", f"invalidDigitsSound ({seconds(ms)} s)")
        self.timer = world.clock.at(world.clock.now + ms, self._after_invalid)

    def _after_invalid(self, _: object) -> None:
        self.timer = None
        self._failed("an invalid key")

    def _failed(self, why: str) -> None:
        call = self.call
        tag = self.element.tag
        call.branch(coverage.NO_INPUT if why == _NOTHING_IN_TIME else coverage.INVALID_DIGITS)
        if self.attempt < self.attempts:
            again = f"attempt {self.attempt + 1} of {self.attempts} begins"
            call.world.event(call.name, "element", f"<{tag}> {why}: {again}")
            self.start()
            return
        attempts = counted(self.attempt, "attempt")
        call.world.event(call.name, "element", f"<{tag}> {why}: gives up after {attempts} (no action request)")
        if self.attempts > 1:
            call.branch(coverage.RETRIES_EXHAUSTED)
        now = seconds(call.world.clock.now)
        self._finish(Heard(now, tag, "", speech=None, confidence=None, attempts=self.attempt))
        call.go_on(None, False)

    def _done(self, digits: str, speech: str | None, confidence: float | None) -> None:
        call = self.call
        world = call.world
        element = self.element
        heard = Heard(
            seconds(world.clock.now), element.tag, digits, speech=speech, confidence=confidence, attempts=self.attempt
        )
        self._finish(heard)
        if element.tag == "GetDigits":
            call.branch(coverage.digits_branch(digits))
        else:
            call.branch("dtmf" if speech is None else "speech")
        shown = f"digits {digits!r}" if speech is None else f"speech {speech!r}"
        world.event(call.name, "digits" if speech is None else "speech", f"<{element.tag}> got {shown}")
        url = element.effective("action")
        if url is None:
            world.note(call.name, f"<{element.tag}> has no action: what the caller entered is sent nowhere")
            call.go_on(None, False)
            return
        if element.tag == "GetDigits":
            params = {"Digits": digits}
        else:
            params = {
                "InputType": "dtmf" if speech is None else "speech",
                "Digits": digits,
                "Speech": speech or "",
                "SpeechConfidenceScore": "" if confidence is None else f"{confidence:g}",
                "BilledAmount": "0.00000" if speech is None else world.options.speech_billed_amount,
            }
        route = ROUTES[f"{element.tag}.action"]
        method = route.method_for(element.effective, world.options)
        redirect = bool(element.effective("redirect"))
        document = world.send(route, method, str(url), params, call, read=redirect)
        if not redirect:  # I1 [doc]: the URL is requested and the call goes on
            call.go_on(None, False)
            return
        call.go_on(document, document is None)

    def _finish(self, heard: Heard) -> None:
        call = self.call
        Clock.cancel(self.timer)
        self.timer = None
        call.record.inputs.append(heard)
        if call.listener is self:
            call.listener = None


def _end_ms(value: object, auto: float) -> int:
    """digitEndTimeout or speechEndTimeout in ms: seconds, or "auto" (an option)."""
    return round((auto if value == "auto" else float(value)) * 1000)  # type: ignore[arg-type]


def run_gathering(call: Call, element: Element) -> bool:
    """A GetDigits or GetInput: a new ``Gathering`` listens on ``call``."""
    if element.tag == "GetInput" and element.effective("input_type") is None:
        call.world.note(call.name, "<GetInput> has no inputType (the platform requires one): skipped")
        return False
    gathering = Gathering(call, element)
    call.listener = gathering
    call.world.event(call.name, "element", f"<{element.tag}> listens")
    gathering.start()
    return True
