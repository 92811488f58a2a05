"""A simulated call: executes its document element by element on the virtual clock.

Speak, Play and Wait take their time (see ``_durations``); Hangup ends the call
(or, with ``schedule``, ends it later while the document goes on); Redirect
fetches the next document and continues with it; Conference and
MultiPartyCall hand the call to a room (a ``Venue``, by tag) until the member
leaves, and Dial to the dialer (``_dial``) until the Dial ends, then the call
goes on with the document its action URL returned, or its next element. At the end of the document the call hangs up.

A call knows rooms only through the two small protocols below, so this module
depends on no room type (they depend on it).
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from ..._terminal import counted
from ...elements import Element, Response
from .._clock import Clock, Entry, seconds
from .._coverage import FOLLOWED, NOT_FOLLOWED
from .._world import Fetched, World
from ..platform._hangup_causes import (
    ACTION_INVALID,
    CALLEE_HUNG_UP,
    CALLER_CANCELLED,
    CALLER_HUNG_UP,
    END_OF_XML,
    HANGUP_BUSY,
    HANGUP_ELEMENT,
    HANGUP_REJECTED,
    HANGUP_SCHEDULED,
    TOO_MANY_STEPS,
    URL_FAILURES,
    Ending,
)
from ..platform._requests import ROUTES
from ._application import NO_URLS, Application, hangup_request

__all__ = [
    "HANGUP",
    "PRESS",
    "SAY",
    "TALK",
    "Call",
    "CallRecord",
    "Heard",
    "Listener",
    "Membership",
    "Place",
    "Runs",
    "Venue",
]

_REDIRECT = ROUTES["Redirect"]
_ANSWER = ROUTES["Call.answerUrl"]
_FALLBACK = ROUTES["Call.fallbackAnswerUrl"]
_HANGUP_REASONS = {None: HANGUP_ELEMENT, "rejected": HANGUP_REJECTED, "busy": HANGUP_BUSY}


class Place(Protocol):
    """A call's stay in a room, as the call sees it: what it tells the room."""

    def talk_start(self) -> None: ...

    def talk_stop(self) -> None: ...

    def digits(self, digits: str) -> None: ...

    def hung_up(self) -> None: ...


class Listener(Protocol):
    """An element collecting what the caller does (GetDigits, GetInput, Record):
    while it runs, the call hands it every key, phrase and talk spurt."""

    def digit(self, key: str) -> None: ...

    def speech(self, text: str, confidence: float) -> None: ...

    def talk(self, talking: bool) -> None: ...

    def hung_up(self) -> None: ...


class Venue(Protocol):
    """The rooms of one kind (Conference, MultiPartyCall; the dialer, for Dial): where a call goes on
    reaching their element. ``join`` returns True when the call stays there (it
    waits until its place tells it to go on), False when it goes on at once."""

    def join(self, call: Call, element: Element) -> bool: ...


class Runs:
    """A ``Venue`` that is one function: the call-flow elements (GetDigits, Record,
    DTMF...) run by ``run(call, element)``, True when the call waits."""

    __slots__ = ("run",)

    def __init__(self, run: Callable[[Call, Element], bool]) -> None:
        self.run = run

    def join(self, call: Call, element: Element) -> bool:
        return self.run(call, element)


class Membership:
    """One stay of a call in a room: times in seconds, ``left_at`` is None while
    the call is still in the room. ``kind`` is "Conference" or "MultiPartyCall";
    ``conference_uuid`` is the room's ConferenceUUID or MPCUUID."""

    __slots__ = ("conference_uuid", "exit_reason", "joined_at", "kind", "left_at", "member_id", "room")

    def __init__(
        self, room: str, conference_uuid: str, member_id: str, joined_at: float, kind: str = "Conference"
    ) -> None:
        self.room = room
        self.conference_uuid = conference_uuid
        self.member_id = member_id
        self.joined_at = joined_at
        self.kind = kind
        self.left_at: float | None = None
        self.exit_reason: str | None = None

    @property
    def uuid(self) -> str:
        """The room's ConferenceUUID or MPCUUID."""
        return self.conference_uuid

    def __repr__(self) -> str:
        return (
            f"Membership(room={self.room!r}, kind={self.kind!r}, member_id={self.member_id!r}, "
            f"joined_at={self.joined_at!r}, left_at={self.left_at!r}, exit_reason={self.exit_reason!r})"
        )


class Heard:
    """What one GetDigits or GetInput collected (``CallRecord.inputs``): ``at`` in
    seconds, ``digits`` ("" for none), ``speech`` (None unless GetInput heard a
    phrase), ``attempts`` made. ``digits`` and ``speech`` are both empty when the
    element gave up (no input: no action request)."""

    __slots__ = ("at", "attempts", "confidence", "digits", "speech", "tag")

    def __init__(
        self, at: float, tag: str, digits: str, *, speech: str | None, confidence: float | None, attempts: int
    ) -> None:
        self.at = at
        self.tag = tag
        self.digits = digits
        self.speech = speech
        self.confidence = confidence
        self.attempts = attempts

    @property
    def gave_up(self) -> bool:
        return not self.digits and self.speech is None

    def __repr__(self) -> str:
        return (
            f"Heard(at={self.at!r}, tag={self.tag!r}, digits={self.digits!r}, speech={self.speech!r}, "
            f"attempts={self.attempts!r})"
        )


class CallRecord:
    """What happened to one call (read it; the simulation writes it).

    ``executed`` lists the elements the call ran, in order, including those of
    documents fetched on the way (action, Redirect). Times are in seconds.
    ``uuid``, ``from_``, ``to`` and ``direction`` are the call's CallUUID, From, To
    and Direction parameters.
    """

    __slots__ = (
        "answer_at",
        "direction",
        "end_reason",
        "ended_at",
        "executed",
        "from_",
        "hangup_at",
        "inputs",
        "memberships",
        "name",
        "overflows",
        "to",
        "uuid",
    )

    def __init__(
        self,
        name: str,
        uuid: str,
        answer_at: float,
        hangup_at: float | None,
        *,
        from_: str = "",
        to: str = "",
        direction: str = "inbound",
    ) -> None:
        self.name = name
        self.uuid = uuid
        self.from_ = from_  # the From, To and Direction its requests carry
        self.to = to
        self.direction = direction
        self.answer_at = answer_at  # when the call is answered (a callee: inf until a Dial connects it)
        self.hangup_at = hangup_at  # when the caller hangs up, if scheduled
        self.ended_at: float | None = None  # when the call actually ended
        self.end_reason: str | None = None
        self.executed: list[str] = []
        self.memberships: list[Membership] = []
        self.inputs: list[Heard] = []  # what each GetDigits and GetInput collected, in order
        self.overflows: list[tuple[float, str]] = []  # (time, room) of each skipped full room

    @property
    def rooms(self) -> list[str]:
        """The rooms the call was in, in order."""
        return [m.room for m in self.memberships]

    def __repr__(self) -> str:
        return (
            f"CallRecord({self.name!r}, answer_at={self.answer_at!r}, ended_at={self.ended_at!r}, "
            f"end_reason={self.end_reason!r}, executed={self.executed!r})"
        )


class Call:
    """The running call. ``pending`` is the clock entry that ends the current
    element; it is cancelled when the call moves on another way (a hangup).

    The scenario's inputs for this call (talk, digits, hangup) wait in
    ``script``, sorted, each ``(time, seq, kind, argument)``: a tuple of atoms,
    which the garbage collector stops tracking, so a long scenario costs it
    nothing. An input enters the clock's heap (``pushed``, by seq) only once it is
    the call's next one, so the heap stays about as small as the number of calls
    however long the scenario. Each input keeps the sequence number it got when
    scheduled, so ties run in scheduling order all the same, and each is pushed
    at most once, so no two heap entries tie. ``timers`` are internal entries
    (<Hangup schedule>) cancelled when the call ends."""

    __slots__ = (
        "answer",
        "answer_ms",
        "app",
        "departure",
        "dial_answers",
        "doc",
        "ended_ms",
        "ending",
        "endings",
        "hangup_ms",
        "instant_at",
        "instant_steps",
        "listener",
        "live",
        "member",
        "name",
        "pc",
        "pending",
        "prompts",
        "pushed",
        "record",
        "records_made",
        "request_params",
        "script",
        "script_pos",
        "silence_entry",
        "silence_ms",
        "source",
        "start_ms",
        "started",
        "steps",
        "talk_since",
        "talking",
        "timers",
        "uuid",
        "venues",
        "world",
    )

    def __init__(
        self,
        world: World,
        name: str,
        document: Response,
        answer_ms: int,
        hangup_ms: int | None,
        *,
        venues: Mapping[str, Venue],
        from_: str,
        to: str,
        direction: str,
        answer: tuple[str, str] | None = None,
        app: Application | None = None,
    ) -> None:
        self.world = world
        self.answer = answer  # (answer URL, method): the document is the app's, asked at the answer
        self.app = app or NO_URLS  # the rest of the Application's URL set (P1)
        self.start_ms = answer_ms  # StartTime: an API call's is when it was placed
        self.ending: Ending | None = None  # how the call ended (P1)
        # how it last left a MultiPartyCall (kicked, the MPC ended): reported as its end
        # if its document runs out right after
        self.departure: Ending | None = None
        self.venues = venues
        self.name = name
        self.uuid = world.ids.call(name)
        self.answer_ms = answer_ms
        self.hangup_ms = hangup_ms
        self.ended_ms: int | None = None  # exact, where record.ended_at is seconds (a float)
        hangup_at = None if hangup_ms is None else seconds(hangup_ms)
        self.record = CallRecord(
            name, self.uuid, seconds(answer_ms), hangup_at, from_=from_, to=to, direction=direction
        )
        # The parameters that never change, built once (callbacks are frequent).
        # CallerName: for a PSTN call, Plivo's Redirect page says, the caller ID.
        self.request_params = {
            "CallUUID": self.uuid,
            "From": from_,
            "To": to,
            "CallerName": from_,
            "Direction": direction,
        }
        if direction == "outbound":
            # an API call is the first leg itself; the request id is the API call's
            self.request_params["ALegUUID"] = self.uuid
            self.request_params["ALegRequestUUID"] = world.ids.request(name)
        self.doc: list[Element] = list(document.children)
        self.source: str | None = None  # where the document running came from (None: inline; coverage)
        self.pc = 0
        self.prompts: list[tuple[int, Element]] = []  # (start ms, Speak or Play): what the caller heard
        self.steps: list[tuple[int, str]] = []  # (start ms, tag) of each element run: the report's lane
        self.pending: Entry | None = None
        self.timers: list[Entry] = []
        self.script: list[tuple[int, int, int, Any]] = []
        self.script_pos = 0
        self.pushed: dict[int, Entry] = {}
        self.started = False  # answered (stays True after the call ended)
        self.live = False  # answered and not ended
        self.member: Place | None = None
        self.listener: Listener | None = None  # the GetDigits, GetInput or Record running
        self.endings: list[Callable[[], None]] = []  # run when the call ends (a background Record)
        self.dial_answers: list[Callable[[], None]] = []  # run when a Dial it makes connects (startOnDialAnswer)
        self.records_made = 0  # <Record> elements run: each recording's number
        self.talking = False
        self.talk_since = 0
        self.silence_ms: int | None = None  # minSilence while in <Wait silence="true">
        self.silence_entry: Entry | None = None
        self.instant_at = -1
        self.instant_steps = 0

    def call_params(self, own: Mapping[str, str] | None = None) -> dict[str, str]:
        """The standard parameters of this call now, for a request it concerns
        (``CALL_PARAMS``; docs/rules.md, "Requests"); after the request's ``own``
        ones when given (a name in both keeps its place and takes the call's value),
        in the one dict the request records."""
        params = {**own, **self.request_params} if own else dict(self.request_params)
        ended = self.ended_ms
        params["CallStatus"] = "in-progress" if ended is None else "completed"
        if ended is not None:
            # present only once the call has hung up (the "XML request" page); the
            # simulated call starts at its answer, so both durations are the same
            # whole seconds, each second begun counting
            duration = str(max(0, -(-(ended - self.answer_ms) // 1000)))  # (0: never picked up, I7)
            params["HangupCause"] = "NORMAL_CLEARING" if self.ending is None else self.ending.freeswitch
            params["Duration"] = duration
            params["BillDuration"] = duration
        return params

    # -- events from the scenario ------------------------------------------------

    def schedule(self, when: int, kind: int, argument: str | bool | tuple[str, float] | tuple[str, Ending]) -> None:
        """Add a scenario input (TALK, PRESS, HANGUP or SAY) at ``when`` (not in the past)."""
        item = (when, self.world.clock.take(), kind, argument)
        script = self.script
        if not script or item > script[-1]:
            script.append(item)
        else:  # given out of time order (sequence numbers are unique: tuples compare on them)
            insort(script, item, lo=self.script_pos)
        self._feed()

    def _feed(self) -> None:
        """Make sure the next input is in the clock's heap. (An input pushed
        earlier stays there: it is later than the next one, and runs in turn.)"""
        if self.script_pos < len(self.script):
            when, seq, _, _ = self.script[self.script_pos]
            if seq not in self.pushed:
                # (the function and the call, not a bound method: no object made and
                # freed per input, the free touching memory long out of the cache)
                self.pushed[seq] = self.world.clock.push(when, seq, Call._next_input, self)

    def _next_input(self) -> None:
        # the entry due is always the next input's: every earlier one has run, every
        # other pushed one is later
        _, seq, kind, argument = self.script[self.script_pos]
        self.script_pos += 1
        del self.pushed[seq]
        self._feed()
        _INPUTS[kind](self, argument)

    def on_answer(self, _: object) -> None:
        self.started = True
        self.live = True
        self.world.event(self.name, "answer", "answered")
        if self.answer is not None:
            url, method = self.answer
            # what the answer URL is sent: the call's parameters; an inbound call is
            # still ringing [doc: the XML request page], and Event says why [inf]
            params = self.call_params()
            if self.record.direction == "inbound":
                params["CallStatus"] = "ringing"
            params["Event"] = "StartApp"
            fallback = self.app.fallback
            fetched = self.world.fetch(
                _ANSWER, method, url, params, self.name, document="answer", fallible=fallback is not None
            )
            if fetched.document is None and fallback is not None:
                # Plivo requests the fallback with the answer URL's parameters [doc: the
                # Application object page]
                url = fallback[0]
                fetched = self.world.fetch(_FALLBACK, fallback[1], url, params, self.name, document="answer")
            if fetched.document is None:
                self.fetch_failed("answer", fetched)
                return
            self.doc = list(fetched.document.children)
            self.source = url
        if self.world.coverage is not None:
            self.world.coverage.entered(self.name, self.source, self.doc)
        if self.record.direction == "inbound" and self.doc and self.doc[0].tag == "Wait":
            self._answer_after(self.doc[0])
        self.step()

    def _answer_after(self, wait: Element) -> None:
        """I7 [doc: the Wait page]: a ``<Wait>`` first in the document delays the
        answer by its length: the call is picked up when it ends, and AnswerTime,
        Duration and BillDuration count from then (StartTime stays: it rang). With
        ``silence="true"`` the answer comes when the wait does (``_silence_over``)."""
        length_ms = int(wait.effective("length")) * 1000
        self.answer_ms = self.world.clock.now + length_ms
        self.record.answer_at = seconds(self.answer_ms)
        self.world.event(self.name, "answer", f"<Wait> first: the call is picked up {seconds(length_ms)} s later")

    def fetch_failed(self, what: str, fetched: Fetched) -> None:
        """A URL the call needed a document from (``what``: answer, transfer,
        redirect) gave none: the call ends with Plivo's cause for it (P1)."""
        unreachable, invalid = URL_FAILURES[what]
        self.end(f"the {what} URL gave no valid document", unreachable if fetched.unreachable else invalid)

    def party_hung_up(self) -> tuple[str, Ending]:
        """The HANGUP input of the scenario's party hanging up: the caller of an
        inbound call, the callee of an outbound one."""
        if self.record.direction == "inbound":
            return "the caller hung up", CALLER_HUNG_UP
        return "the callee hung up", CALLEE_HUNG_UP

    def on_hangup(self, reason: object) -> None:
        if self.live:
            text: str
            ending: Ending
            text, ending = reason  # type: ignore[misc]
            self.end(text, ending)

    def on_talk(self, start: object) -> None:
        if not self.live:
            return
        now = self.world.clock.now
        if start:
            if self.talking:
                return
            self.talking = True
            self.talk_since = now
            if self.member is not None:
                self.member.talk_start()
            if self.listener is not None:
                self.listener.talk(True)
            if self.silence_ms is not None:
                Clock.cancel(self.silence_entry)
                self.silence_entry = None
        else:
            if not self.talking:
                return
            self.talking = False
            if self.member is not None:
                self.member.talk_stop()
            if self.listener is not None:
                self.listener.talk(False)
            if self.silence_ms is not None:
                self.silence_entry = self.world.clock.at(now + self.silence_ms, self._silence_over)

    def on_press(self, digits: object) -> None:
        text = str(digits)
        # keys go one by one to the element listening: it may finish on any of them,
        # and the rest go wherever the call is then
        while text and self.live and self.listener is not None:
            self.listener.digit(text[0])
            text = text[1:]
        if not text:
            return
        if not self.live:
            why = "the call has ended" if self.started else "the call is not answered (a callee not connected)"
            self.world.note(self.name, f"digits {text!r} ignored: {why}")
        elif self.member is None:
            self.world.note(
                self.name, f"digits {text!r} ignored: the caller is in no conference and no element is listening"
            )
        else:
            self.member.digits(text)

    def on_speech(self, said: object) -> None:
        text: str
        confidence: float
        text, confidence = said  # type: ignore[misc]
        if not self.live:
            self.world.note(self.name, f"speech {text!r} ignored: the call has ended")
        elif self.listener is None:
            self.world.note(self.name, f"speech {text!r} ignored: no <GetInput> is listening")
        else:
            self.listener.speech(text, confidence)

    # -- running the document ----------------------------------------------------

    def step(self) -> None:
        """Run elements until one takes time, waits in a room, or the call ends."""
        world = self.world
        now = world.clock.now
        if now != self.instant_at:
            self.instant_at = now
            self.instant_steps = 0
        limit = world.options.max_steps_per_instant
        while self.live:
            if self.pc >= len(self.doc):
                self.end("end of document", self.departure or END_OF_XML)
                return
            element = self.doc[self.pc]
            self.pc += 1
            self.instant_steps += 1
            if self.instant_steps > limit:
                world.note(
                    self.name,
                    f"more than {limit} elements at one instant (a Redirect loop?): the simulation hangs up the call",
                )
                self.end("too many elements at one instant", TOO_MANY_STEPS)
                return
            self.departure = None  # it went on after leaving its room
            self.record.executed.append(element.tag)
            self.steps.append((now, element.tag))
            if world.coverage is not None:
                world.coverage.reached(self.name, element)
            if _HANDLERS[element.tag](self, element):
                return

    def resume(self, _: object) -> None:
        """The current element ends (its time is up)."""
        self.pending = None
        if not self.live:
            return
        if self.silence_ms is not None:
            Clock.cancel(self.silence_entry)
            self.silence_entry = None
            self.silence_ms = None
        self.step()

    def _silence_over(self, _: object) -> None:
        """<Wait silence="true">: the caller has been silent for minSilence."""
        self.silence_entry = None
        self.silence_ms = None
        now = self.world.clock.now
        if now < self.answer_ms:  # the Wait that holds the answer (I7) ends early
            self.answer_ms = now
            self.record.answer_at = seconds(now)
        Clock.cancel(self.pending)
        self.pending = None
        self.step()

    def replace_document(self, document: Response) -> None:
        self.doc = list(document.children)
        self.pc = 0
        coverage = self.world.coverage
        if coverage is not None:
            self.source = coverage.source_of(document)
            coverage.entered(self.name, self.source, self.doc)

    def branch(self, outcome: str) -> None:
        """The element running ended with ``outcome`` (call-flow coverage)."""
        if self.world.coverage is not None:
            self.world.coverage.took(self.name, outcome)

    def go_on(self, document: Response | None, failed: bool) -> None:
        """After leaving a room: continue with ``document`` (the action URL's
        answer) or the next element. ``failed``: the action URL was to give a
        document and gave none."""
        if not self.live:
            return
        if failed and self.world.options.bad_document_ends_call:
            self.end("the action URL returned no valid document", ACTION_INVALID)
            return
        if document is not None:
            self.replace_document(document)
        # through the clock, so a room finishes its own work before the call moves on
        self.pending = self.world.clock.at(self.world.clock.now, self.resume)

    def end(self, reason: str, ending: Ending) -> None:
        """The call ends now, ``reason`` in words and ``ending`` as Plivo reports it;
        its hangup_url is requested (P1)."""
        if not self.live:
            return
        world = self.world
        self.live = False
        Clock.cancel(self.pending)
        Clock.cancel(self.silence_entry)
        for entry in self.timers:
            Clock.cancel(entry)
        # talk and hangup inputs after the end would change nothing; digits and
        # speech are kept (they are reported as ignored, at their time)
        kept = []
        for item in self.script[self.script_pos :]:
            if item[2] in (PRESS, SAY):
                kept.append(item)
            else:
                Clock.cancel(self.pushed.pop(item[1], None))
        self.script[self.script_pos :] = kept
        self._feed()
        self.pending = self.silence_entry = None
        self.silence_ms = None
        self.ended_ms = world.clock.now
        self.record.ended_at = seconds(world.clock.now)
        self.record.end_reason = reason
        self.ending = ending
        if world.clock.now < self.answer_ms:  # hung up while a first <Wait> held the answer (I7):
            self.started = False  # never picked up; the caller cancelled a ringing call
            self.record.answer_at = float("inf")
            self.ending = CALLER_CANCELLED if ending is CALLER_HUNG_UP else ending
        world.event(self.name, "ended", f"call ended: {reason}")
        member = self.member
        if member is not None:
            member.hung_up()
        listener = self.listener
        if listener is not None:
            self.listener = None
            listener.hung_up()
        for hook in self.endings:
            hook()
        hangup_request(self, world)

    def not_answered(self, reason: str, ending: Ending) -> None:
        """An API call that never answers (busy, no answer, failed) ends now (P1)."""
        world = self.world
        self.ended_ms = world.clock.now
        self.record.ended_at = seconds(self.ended_ms)
        self.record.end_reason = reason
        self.ending = ending
        world.event(self.name, "ended", f"call not answered: {reason}")
        hangup_request(self, world)

    # -- element handlers: True when the call must wait -----------------------------

    def _timed(self, element: Element) -> bool:
        world = self.world
        self.prompts.append((world.clock.now, element))
        ms = world.durations.ms(element)
        if ms is None:
            world.event(self.name, "element", f"<{element.tag}> (loop=0: until the call ends)")
            return True
        world.event(self.name, "element", f"<{element.tag}> ({seconds(ms)} s)")
        self.pending = world.clock.at(world.clock.now + ms, self.resume)
        return True

    def _wait(self, element: Element) -> bool:
        if not element.effective("silence"):
            return self._timed(element)
        world = self.world
        now = world.clock.now
        length_ms = element.effective("length") * 1000
        self.silence_ms = int(element.effective("min_silence"))
        world.event(self.name, "element", f"<Wait silence> (at most {seconds(length_ms)} s)")
        self.pending = world.clock.at(now + length_ms, self.resume)
        if not self.talking:
            self.silence_entry = world.clock.at(now + self.silence_ms, self._silence_over)
        return True

    def _hangup(self, element: Element) -> bool:
        reason = element.effective("reason")
        why = "<Hangup>" if reason is None else f"<Hangup reason={reason}>"
        schedule = element.effective("schedule")
        if schedule:
            world = self.world
            world.event(self.name, "element", f"<Hangup schedule={schedule}>: hangs up in {schedule} s")
            hangup = (why, HANGUP_SCHEDULED)
            self.timers.append(world.clock.at(world.clock.now + schedule * 1000, self.on_hangup, hangup))
            return False
        self.end(why, _HANGUP_REASONS.get(reason, HANGUP_ELEMENT))
        return True

    def _redirect(self, element: Element) -> bool:
        world = self.world
        url = str(element.effective("content"))
        world.event(self.name, "element", f"<Redirect> {url}")
        method = _REDIRECT.method_for(element.effective, world.options)
        params = world.params_for(_REDIRECT, {"Event": "Redirect"}, self)
        fetched = world.fetch(_REDIRECT, method, url, params, self.name, document="answer")
        if fetched.document is None:
            self.branch(NOT_FOLLOWED)
            if world.options.bad_document_ends_call:
                self.fetch_failed("redirect", fetched)
                return True
            return False
        self.branch(FOLLOWED)
        self.replace_document(fetched.document)
        return False

    def _room(self, element: Element) -> bool:
        return self.venues[element.tag].join(self, element)

    def _pre_answer(self, element: Element) -> bool:
        # its children run in turn, before what follows it (the simulated call has no
        # ringing phase: early media is heard as the first thing after the answer)
        children: list[Element] = element.__dict__["children"]
        self.world.event(self.name, "element", f"<PreAnswer> ({counted(len(children), 'element')}, early media)")
        self.doc[self.pc : self.pc] = children
        return False

# the kinds of scenario input, and their handlers
TALK, PRESS, HANGUP, SAY = 0, 1, 2, 3
_INPUTS: tuple[Callable[[Call, Any], None], ...] = (Call.on_talk, Call.on_press, Call.on_hangup, Call.on_speech)

_HANDLERS: dict[str, Callable[[Call, Element], bool]] = {
    "Speak": Call._timed,
    "Play": Call._timed,
    "Wait": Call._wait,
    "Hangup": Call._hangup,
    "Redirect": Call._redirect,
    "Conference": Call._room,
    "MultiPartyCall": Call._room,
    "PreAnswer": Call._pre_answer,
    # the call-flow elements are venues too (rules I1-I6), so this module depends on
    # none of them: _gathering, _recorder, _signals, _dial (Simulation lists them)
    "GetDigits": Call._room,
    "GetInput": Call._room,
    "Record": Call._room,
    "DTMF": Call._room,
    "Message": Call._room,
    "Stream": Call._room,
    "Dial": Call._room,
}
