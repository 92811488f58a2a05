"""The public entry point: :class:`Simulation`."""

from __future__ import annotations

import os
import pathlib
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from heapq import heappop
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from .._collection import paused_collection
from .._errors import AudioError, ParseError, SimulationError
from .._files import FileRefused
from .._progress import Progress
from .._terminal import counted
from ..elements import MultiPartyCall as MultiPartyCallElement
from ..elements import Response
from ..elements._checks import Pattern, Url
from ..elements._values import METHOD
from ._clock import SKIP, seconds, to_ms
from ._coverage import CoverageRecorder
from ._durations import DurationModel
from ._ids import Ids
from ._options import ConferenceOptions, MpcOptions
from ._settings import (
    AUDIO_RATES,
    AUTH_ID,
    CONFIDENCE,
    DIRECTION,
    EPOCH_MS,
    MAX_MS,
    MAX_SECONDS,
    PHONE_NUMBER,
    POSITIVE,
    admit,
    shown,
)
from ._world import World
from .bridge import Audibility
from .callflow._application import Application
from .callflow._call import HANGUP, PRESS, SAY, TALK, Call, CallRecord, Runs, Venue
from .callflow._dial import DIAL_TARGET, REFUSALS, Callee, Dialer
from .callflow._gathering import run_gathering
from .callflow._recorder import run_record
from .callflow._signals import run_dtmf, run_message, run_stream
from .platform._app import DEFAULT_AUTH_TOKEN, AppTransport
from .platform._documents import Documents, UrlSource, read_document, read_xml_file
from .platform._requests import HttpRequest, RequestKind, TimelineEvent
from .report._coverage import CoverageReport
from .report._report import render_json, render_text, to_data
from .report._timeline import timeline_data
from .rooms.conference import Conferences
from .rooms.mpc import Mpc, MultiPartyCalls, Participant

if TYPE_CHECKING:
    from .audio import AudioResult

__all__ = [
    "APP_NUMBER",
    "DEFAULT_AUTH_ID",
    "DEFAULT_EPOCH_MS",
    "AnswerDocument",
    "Probe",
    "Simulation",
    "caller_number",
]

# the account rest_client() uses unless told (plivo-python wants "MA" + 18 characters)
DEFAULT_AUTH_ID = "MASIMULATEDACCOUNT00"

# 2024-01-01T00:00:00Z: virtual time 0 in the epoch-millisecond figures (RecordingStartMs...)
DEFAULT_EPOCH_MS = 1_704_067_200_000

# Default numbers, in the form Plivo sends (country code, no "+"), in the 555
# area code that no real line has: the app's number, and one per call by the
# order the calls were added (1555000000N for the N-th), so that the same
# scenario always gives the same numbers.
APP_NUMBER = "15550000000"


def caller_number(position: int) -> str:
    """The default number of the ``position``-th call added (from 1)."""
    return f"1555{position:07d}"


AnswerDocument = Response | str | bytes | os.PathLike[str]

_DIGITS = re.compile(r"[0-9*#]+")
# the call-flow elements' venues (rules I1-I4, I6): functions, keeping no state
_CALL_FLOW = {
    "GetDigits": Runs(run_gathering),
    "GetInput": Runs(run_gathering),
    "Record": Runs(run_record),
    "DTMF": Runs(run_dtmf),
    "Message": Runs(run_message),
    "Stream": Runs(run_stream),
}
# Names and the seed become UUID names, encoded as UTF-8: a lone surrogate cannot be.
_NAME = Pattern(
    r"[^\ud800-\udfff]*[^\s\ud800-\udfff][^\ud800-\udfff]*", "a non-blank str without lone surrogates", xml=False
)
URL = Url()
_PROGRESS_EVERY = 64  # events between two calls of a run's progress (a fraction of a millisecond)
_SEED = Pattern(r"[^\ud800-\udfff]*", "a str without lone surrogates", xml=False)


class Probe(NamedTuple):
    """Who heard whom at ``at`` (seconds)."""

    at: float
    audibility: Audibility

    @property
    def hears(self) -> dict[str, frozenset[str]]:
        return self.audibility.as_dict()


def _ms(value: object, what: str) -> int:
    try:
        return to_ms(value, what)
    except ValueError as error:
        raise SimulationError(str(error)) from None


class Simulation:
    """Calls executing their Plivo XML on a virtual clock, in one conference world.

    ``urls`` gives what the app returns for each URL the platform fetches (action,
    Redirect, waitSound, enterSound, exitSound): a mapping ``{url: document}`` or a
    function ``f(request) -> document``, a document being XML text, a Response,
    or None. ``options`` picks the behaviour where the platform's is not
    documented; ``durations`` how long Speak/Play/Wait take. Every ID derives
    from ``seed``; ``epoch_ms`` is the wall-clock time of virtual time 0.

    Times given to and returned by the API are in seconds.
    """

    def __init__(
        self,
        urls: UrlSource | None = None,
        *,
        options: ConferenceOptions | None = None,
        durations: DurationModel | None = None,
        seed: str = "",
        epoch_ms: int = DEFAULT_EPOCH_MS,
        mpc_options: MpcOptions | None = None,
        sample_rate: int = 8000,
        app: Any = None,
        base_url: str | None = None,
        auth_token: str = DEFAULT_AUTH_TOKEN,
        strict: bool = False,
        timeout: float = 5.0,
        coverage: bool = False,
    ) -> None:
        if options is not None and not isinstance(options, ConferenceOptions):
            raise SimulationError(f"options must be a ConferenceOptions, not {type(options).__name__}")
        if mpc_options is not None and not isinstance(mpc_options, MpcOptions):
            raise SimulationError(f"mpc_options must be an MpcOptions, not {type(mpc_options).__name__}")
        if durations is not None and not isinstance(durations, DurationModel):
            raise SimulationError(f"durations must be a DurationModel, not {type(durations).__name__}")
        admit(_SEED, seed, "seed")
        admit(EPOCH_MS, epoch_ms, "epoch_ms (ms since 1970)")
        try:
            documents = Documents(urls)
        except TypeError as error:
            raise SimulationError(str(error)) from None
        world = World(
            documents,
            options or ConferenceOptions(),
            durations or DurationModel(),
            Ids(seed),
            epoch_ms,
            mpc_options=mpc_options,
        )
        if not isinstance(strict, bool):
            raise SimulationError(f"strict must be True or False, not {shown(strict)}")
        world.strict = strict
        if not isinstance(coverage, bool):
            raise SimulationError(f"coverage must be True or False, not {shown(coverage)}")
        if coverage:
            world.coverage = CoverageRecorder()
        if app is not None and base_url is None:
            raise SimulationError("app needs base_url: the URL your app's routes are under (e.g. 'https://app.example')")
        if base_url is not None:
            admit(URL, base_url, "base_url")
            if app is not None and not callable(app):
                raise SimulationError(f"app must be a WSGI or ASGI app (a callable), not {type(app).__name__}")
            if not isinstance(auth_token, str) or not auth_token:
                raise SimulationError(f"auth_token must be a non-empty str, not {shown(auth_token)}")
            admit(POSITIVE, timeout, "timeout (seconds)")
            world.transport = AppTransport(app, base_url, auth_token, timeout, seed)
        self._world = world
        self._calls: dict[str, Call] = {}
        self._conferences = Conferences(world)
        self._mpcs = MultiPartyCalls(world)
        self._dialer = Dialer(world)
        self._venues: dict[str, Venue] = {
            "Conference": self._conferences,
            "MultiPartyCall": self._mpcs,
            "Dial": self._dialer,
            **_CALL_FLOW,
        }
        self._pending_probes: list[int] = []
        self._probes: list[Probe] = []
        self._talk: dict[str, list[tuple[int, int]]] = {}
        if type(sample_rate) is not int or sample_rate not in AUDIO_RATES:
            raise SimulationError(
                f"sample_rate = {shown(sample_rate)} is not allowed; allowed: 8000, 16000 or 48000 (Hz)"
            )
        self._rate = sample_rate
        self._voices: dict[str, Any] = {}  # call name -> audio Voice (audio only)
        self._url_audio: dict[str, Any] = {}  # Play URL -> samples (audio only)

    # -- reading -------------------------------------------------------------------

    @property
    def now(self) -> float:
        """The virtual time, in seconds."""
        return seconds(self._world.clock.now)

    @property
    def options(self) -> ConferenceOptions:
        return self._world.options

    @property
    def mpc_options(self) -> MpcOptions:
        return self._world.mpc_options

    @property
    def calls(self) -> Mapping[str, CallRecord]:
        """Each call's record, by name, in the order the calls were added."""
        return MappingProxyType({name: call.record for name, call in self._calls.items()})

    @property
    def requests(self) -> tuple[HttpRequest, ...]:
        """Every HTTP request the platform would have made so far, in order."""
        return tuple(self._world.requests)

    @property
    def timeline(self) -> tuple[TimelineEvent, ...]:
        """What happened besides requests (joins, starts, floor changes, notes...), in order."""
        return tuple(e for e in self._world.log if isinstance(e, TimelineEvent))

    @property
    def notes(self) -> tuple[TimelineEvent, ...]:
        """Input the platform ignored or handled its own way: missing or invalid
        documents, digits from a caller in no conference, loops, a run that stopped
        at the horizon."""
        return tuple(e for e in self._world.log if isinstance(e, TimelineEvent) and e.kind == "note")

    @property
    def probes(self) -> tuple[Probe, ...]:
        """The probes the clock has passed, in time order."""
        return tuple(sorted(self._probes, key=lambda p: p.at))

    @property
    def events_processed(self) -> int:
        """Events the clock has run (answers, element ends, talk, digits, timers...)."""
        return self._world.clock.processed

    def requests_to(self, url: str, *, kind: RequestKind | None = None) -> list[HttpRequest]:
        """The requests made to ``url`` (of one ``kind`` if given), in order."""
        return [r for r in self._world.requests if r.url == url and (kind is None or r.kind == kind)]

    def callbacks(self, action: str | None = None, *, call: str | None = None) -> list[HttpRequest]:
        """The callbackUrl events (ConferenceAction ``action`` if given; for ``call`` if given)."""
        return [
            r
            for r in self._world.requests
            if r.kind == "callback"
            and (action is None or r.params.get("ConferenceAction") == action)
            and (call is None or r.call == call)
        ]

    def requests_for(self, call: str, kind: RequestKind | None = None) -> list[HttpRequest]:
        """The requests made for the call ``call`` (of one ``kind`` if given), in order."""
        self._call(call)
        return [r for r in self._world.requests if r.call == call and (kind is None or r.kind == kind)]

    def close(self) -> None:
        """Release the connection to the app or server, if any (a ``with`` block does it)."""
        transport = self._world.transport
        if transport is not None:
            transport.close()

    def __enter__(self) -> Simulation:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def status_callbacks(self, event: str | None = None, *, call: str | None = None) -> list[HttpRequest]:
        """The MultiPartyCall statusCallbackUrl events (EventName ``event`` if
        given; for ``call`` if given), in order."""
        return self._events("status-callback", event, call)

    def recording_callbacks(self, event: str | None = None, *, call: str | None = None) -> list[HttpRequest]:
        """The MultiPartyCall recordingCallbackUrl events, in order."""
        return self._events("recording-callback", event, call)

    def _events(self, kind: str, event: str | None, call: str | None) -> list[HttpRequest]:
        return [
            r
            for r in self._world.requests
            if r.kind == kind
            and (event is None or r.params.get("EventName") == event)
            and (call is None or r.call == call)
        ]

    def audibility(self, at: float | None = None) -> Audibility:
        """Who hears whom at ``at`` seconds (default: now); ``at`` may not be
        after the clock. State at ``at`` means after every event due at ``at``."""
        clock = self._world.clock
        when = clock.now if at is None else _ms(at, "at")
        if when > clock.now:
            raise SimulationError(
                f"cannot tell who hears whom at t={seconds(when)}: the clock is at t={seconds(clock.now)}; "
                "run(until=...) or advance(...) past it first"
            )
        return self._audibility_at(when)

    def hears(self, at: float | None = None) -> dict[str, frozenset[str]]:
        """{call: the calls it hears} at ``at`` seconds (default: now), for every call up then."""
        return self.audibility(at).as_dict()

    def _audibility_at(self, when: int) -> Audibility:
        up = [
            name
            for name, call in self._calls.items()
            if call.started and call.answer_ms <= when and (call.ended_ms is None or call.ended_ms > when)
        ]
        return Audibility(seconds(when), up, self._world.history.at(when))

    # -- scheduling ----------------------------------------------------------------

    def call(
        self,
        name: str,
        answer: AnswerDocument | None = None,
        *,
        answer_url: str | None = None,
        answer_method: Literal["GET", "POST"] = "POST",
        at: float = 0,
        hangup: float | None = None,
        from_: str | None = None,
        to: str | None = None,
        direction: Literal["inbound", "outbound"] = "inbound",
        hangup_url: str | None = None,
        hangup_method: Literal["GET", "POST"] = "POST",
        fallback_answer_url: str | None = None,
        fallback_method: Literal["GET", "POST"] = "POST",
    ) -> CallRecord:
        """Add a call labelled ``name``, answered at ``at`` seconds with the
        document ``answer`` (a Response, XML text, or a path to an XML file);
        the caller hangs up at ``hangup`` if given. Returns the call's record.

        The rest of the Application's URL set (docs/rules.md, P1): ``hangup_url``
        is requested once when the call ends, however it ends, with Plivo's
        hangup parameters; ``fallback_answer_url`` when ``answer_url`` fails (no
        2xx reply, or no valid document), with the same parameters.

        ``from_``, ``to`` and ``direction`` are the call's From, To and Direction
        request parameters. By default an inbound call is from the N-th call's
        own number (``caller_number(N)``: 15550000001 for the first) to the app's
        number (``APP_NUMBER``); an outbound call the other way round."""
        world = self._world
        self._new_name(name)
        admit(DIRECTION, direction, f"call {name!r}: direction")
        own = caller_number(len(self._calls) + 1)
        if from_ is None:
            from_ = APP_NUMBER if direction == "outbound" else own
        if to is None:
            to = own if direction == "outbound" else APP_NUMBER
        admit(PHONE_NUMBER, from_, f"call {name!r}: from")
        admit(PHONE_NUMBER, to, f"call {name!r}: to")
        answer_ms = _ms(at, f"call {name!r}: at")
        self._not_past(answer_ms, f"call {name!r} answered")
        hangup_ms = None
        if hangup is not None:
            hangup_ms = _ms(hangup, f"call {name!r}: hangup")
            if hangup_ms < answer_ms:
                raise SimulationError(
                    f"call {name!r} hangs up at t={seconds(hangup_ms)}, before it is answered at t={seconds(answer_ms)}"
                )
        if (answer is None) == (answer_url is None):
            raise SimulationError(f"call {name!r}: give its answer document or its answer_url, one of the two")
        app = Application(
            fallback=self._app_url(name, "fallback_answer_url", fallback_answer_url, fallback_method),
            hangup=self._app_url(name, "hangup_url", hangup_url, hangup_method),
        )
        if app.fallback is not None and answer_url is None:
            raise SimulationError(
                f"call {name!r}: fallback_answer_url goes with answer_url (an answer document given here never fails)"
            )
        asked = None
        if answer_url is not None:
            admit(URL, answer_url, f"call {name!r}: answer_url")
            admit(METHOD, answer_method, f"call {name!r}: answer_method")
            asked = (answer_url, answer_method)
            document = Response()
        else:
            document = _answer_document(answer, name)
        call = Call(
            world,
            name,
            document,
            answer_ms,
            hangup_ms,
            venues=self._venues,
            from_=from_,
            to=to,
            direction=direction,
            answer=asked,
            app=app,
        )
        self._calls[name] = call
        world.clock.at(answer_ms, call.on_answer)
        if hangup_ms is not None:
            call.schedule(hangup_ms, HANGUP, call.party_hung_up())
        return call.record

    @staticmethod
    def _app_url(name: str, key: str, url: str | None, method: str) -> tuple[str, str] | None:
        """One URL of a call's Application set, checked, with its method; None if not given."""
        admit(METHOD, method, f"call {name!r}: {key.replace('url', 'method').replace('_answer', '')}")
        if url is None:
            return None
        admit(URL, url, f"call {name!r}: {key}")
        return url, method

    def callee(
        self,
        name: str,
        number: str,
        *,
        ring: float = 3.0,
        refuse: Literal["busy", "no-answer", "failed"] | None = None,
        hangup_after: float | None = None,
    ) -> CallRecord:
        """Add a callee labelled ``name``: a party that a ``<Dial>`` reaches at
        ``number`` (a phone number as a ``<Number>`` holds it, or a SIP URI as a
        ``<User>`` does: matched exactly). Rung, it answers ``ring`` seconds later
        (if that is before the Dial's timeout), is connected to the caller and,
        with ``hangup_after``, hangs up that many seconds after answering. With
        ``refuse`` it never answers: "busy" and "failed" refuse at once, "no-answer"
        rings ``ring`` seconds and gives up. Returns its record: ``answer_at`` is
        ``inf`` until a Dial connects it; its From, To and Direction are set then
        (the Dial's callerId or the caller's From, the number, "outbound").

        A callee answers one Dial; dialled while ringing for or connected to
        another, it is busy. Several callees may answer the same number: a Dial
        rings the first one not yet connected. Its inputs (``talk``, ``press``,
        ``voice``) are at absolute times and count only while it is connected."""
        self._new_name(name)
        admit(DIAL_TARGET, number, f"callee {name!r}: number")
        ring_ms = _ms(ring, f"callee {name!r}: ring")
        if refuse is not None and refuse not in REFUSALS:
            raise SimulationError(
                f"callee {name!r}: refuse = {shown(refuse)} is not allowed; "
                "allowed: None, 'busy', 'no-answer' or 'failed'"
            )
        hangup_ms = None
        if hangup_after is not None:
            if refuse is not None:
                raise SimulationError(
                    f"callee {name!r}: hangup_after goes with a callee that answers, and refuse={refuse!r} never does"
                )
            hangup_ms = _ms(hangup_after, f"callee {name!r}: hangup_after")
        call = Call(
            self._world,
            name,
            Response(),
            0,
            None,
            venues=self._venues,
            from_="",
            to=number,
            direction="outbound",
        )
        call.record.answer_at = float("inf")  # (answered when a Dial connects it: _dial)
        self._calls[name] = call
        self._dialer.add(Callee(call, number, ring_ms, refuse, hangup_ms))
        return call.record

    def _new_name(self, name: str) -> None:
        admit(_NAME, name, "a call's name")
        if name == "all":
            raise SimulationError(
                "a call cannot be named 'all': the MultiPartyCall API's methods take 'all' for every participant"
            )
        if name in self._calls:
            raise SimulationError(f"there is already a call named {name!r}; call names must be unique")

    def hangup(self, name: str, *, at: float) -> None:
        """The caller ``name`` hangs up at ``at`` seconds."""
        call = self._call(name)
        when = _ms(at, f"call {name!r}: hangup")
        if call.hangup_ms is not None:
            raise SimulationError(f"call {name!r} already hangs up at t={seconds(call.hangup_ms)}")
        if call.record.ended_at is not None:
            raise SimulationError(f"call {name!r} already ended at t={call.record.ended_at} ({call.record.end_reason})")
        if when < call.answer_ms:
            raise SimulationError(
                f"call {name!r} cannot hang up at t={seconds(when)}, "
                f"before it is answered at t={seconds(call.answer_ms)}"
            )
        self._not_past(when, f"call {name!r} hangs up")
        call.hangup_ms = when
        call.record.hangup_at = seconds(when)
        call.schedule(when, HANGUP, call.party_hung_up())

    def press(self, name: str, digits: str, *, at: float) -> None:
        """The caller ``name`` presses ``digits`` (0-9, *, #) at ``at`` seconds.

        Digits reach, one key at a time, the GetDigits, GetInput or Record
        listening then (rules I1-I3), else the conference or Dial the caller is
        in; elsewhere they reach no one (the platform ignores them; a note says so).
        """
        call = self._call(name)
        if not isinstance(digits, str) or _DIGITS.fullmatch(digits) is None:
            raise SimulationError(f"call {name!r}: digits must be a string of 0-9, * and #, not {shown(digits)}")
        when = _ms(at, f"call {name!r}: digits at")
        self._within_call(call, when, f"presses {digits!r}")
        call.schedule(when, PRESS, digits)

    def say(self, name: str, text: str, *, at: float, confidence: float = 0.9) -> None:
        """The caller ``name`` finishes saying ``text`` at ``at`` seconds: what a
        ``<GetInput>`` listening for speech recognises, with ``confidence`` (0 to 1)
        as its SpeechConfidenceScore (I2). Speech no GetInput listens for is a note."""
        call = self._call(name)
        admit(_NAME, text, f"call {name!r}: speech text")
        admit(CONFIDENCE, confidence, f"call {name!r}: speech confidence")
        when = _ms(at, f"call {name!r}: speech at")
        self._within_call(call, when, f"says {text!r}")
        call.schedule(when, SAY, (text, float(confidence)))

    def talk(self, name: str, *, start: float, end: float) -> None:
        """The caller ``name`` talks from ``start`` to ``end`` seconds (a talk spurt)."""
        call = self._call(name)
        start_ms = _ms(start, f"call {name!r}: talk start")
        end_ms = _ms(end, f"call {name!r}: talk end")
        if end_ms <= start_ms:
            raise SimulationError(
                f"call {name!r}: a talk spurt must end after it starts (from {seconds(start_ms)} to {seconds(end_ms)})"
            )
        self._within_call(call, start_ms, "talks")
        spurts = self._talk.setdefault(name, [])  # sorted, disjoint: only the neighbours can overlap
        index = bisect_left(spurts, (start_ms, end_ms))
        for other_start, other_end in spurts[max(0, index - 1) : index + 1]:
            if start_ms <= other_end and other_start <= end_ms:
                raise SimulationError(
                    f"call {name!r}: talk spurts {seconds(other_start)}-{seconds(other_end)} and "
                    f"{seconds(start_ms)}-{seconds(end_ms)} overlap or touch; make them one spurt"
                )
        spurts.insert(index, (start_ms, end_ms))
        call.schedule(start_ms, TALK, True)
        call.schedule(end_ms, TALK, False)

    # -- the MultiPartyCall REST API (M4) --------------------------------------------

    def update_participant(
        self,
        call: str,
        *,
        at: float,
        hold: bool | None = None,
        mute: bool | None = None,
        coach_mode: bool | None = None,
        mpc: str | None = None,
    ) -> None:
        """At ``at`` seconds, update the participant that ``call`` is (or, with
        ``call="all"``, every participant of the MPC ``mpc``) as Plivo's Update
        Participant API does: any of ``hold``, ``mute``, ``coach_mode``.

        Refused at once, as the API refuses them: no field given; coach_mode for
        "all". At run time, a call that is not in an MPC then gets a note and
        nothing changes."""
        fields = {"hold": hold, "mute": mute, "coach_mode": coach_mode}
        for key, value in fields.items():
            if value is not None and not isinstance(value, bool):
                raise SimulationError(f"update_participant: {key} must be True or False, not {shown(value)}")
        if all(value is None for value in fields.values()):
            raise SimulationError("update_participant: update at least one of coach_mode, mute or hold")
        if call == "all" and coach_mode is not None:
            raise SimulationError(
                "update_participant: cannot specify coach_mode when updating all participants "
                "(the API answers 400: name one Supervisor)"
            )
        what = "update " + ", ".join(f"{k}={v}" for k, v in fields.items() if v is not None)
        self._api(call, at, mpc, what, lambda room, p: room.update(p, hold, mute, coach_mode))

    def kick(self, call: str, *, at: float, mpc: str | None = None) -> None:
        """At ``at`` seconds, kick the participant that ``call`` is out of its MPC
        (exit cause "Kicked Out of Multiparty Call"); its call goes on. ``call="all"``
        with ``mpc`` kicks every participant."""
        self._api(call, at, mpc, "kick", lambda room, p: room.kick(p))

    def recording(self, mpc: str, action: Literal["start", "stop", "pause", "resume"], *, at: float) -> None:
        """At ``at`` seconds, start, stop, pause or resume the recording of the MPC ``mpc``."""
        if action not in ("start", "stop", "pause", "resume"):
            raise SimulationError(
                f"recording: action must be 'start', 'stop', 'pause' or 'resume', not {shown(action)}"
            )
        admit(_NAME, mpc, "recording: the MPC's name")
        when = _ms(at, f"recording {action}: at")
        self._not_past(when, f"recording {action} on MPC {mpc!r}")
        recording = (mpc, f"recording {action}", lambda room: room.record(action), "nothing changes")
        self._world.clock.at(when, self._on_mpc, recording)

    def end_mpc(self, mpc: str, *, at: float) -> None:
        """At ``at`` seconds, end the MPC ``mpc`` (MPCTerminationCause "Hangup API Triggered")."""
        admit(_NAME, mpc, "end_mpc: the MPC's name")
        when = _ms(at, "end_mpc: at")
        self._not_past(when, f"end_mpc {mpc!r}")
        end = (mpc, "end", lambda room: room.end("api", "ended by the API"), "nothing changes")
        self._world.clock.at(when, self._on_mpc, end)

    def add_participant(
        self,
        mpc: str,
        name: str,
        *,
        at: float,
        role: str,
        ring: float | None = None,
        from_: str | None = None,
        to: str | None = None,
        **attributes: Any,
    ) -> CallRecord:
        """At ``at`` seconds, Plivo's Add Participant API: a new outbound call
        ``name`` is placed; it answers ``ring`` seconds later (default: the
        MpcOptions' ``add_participant_ring``) and joins the MPC ``mpc`` with
        ``role`` and ``attributes`` (MultiPartyCall attributes, Python names).
        Events: AddParticipantByAPIActionInitiated at ``at``, ...Completed at
        the join (group add-participant-api-events). Returns the call's record."""
        admit(_NAME, mpc, "add_participant: the MPC's name")
        when = _ms(at, f"add_participant {name!r}: at")
        self._not_past(when, f"add_participant {name!r}")
        delay = self._world.mpc_options.add_participant_ring if ring is None else ring
        answer_ms = when + _ms(delay, f"add_participant {name!r}: ring")
        if answer_ms > MAX_MS:
            raise SimulationError(f"add_participant {name!r}: it would answer after the clock ends")
        element = MultiPartyCallElement(mpc, role, **attributes)  # (refuses a bad value at once)
        record = self.call(
            name, Response().add(element), at=seconds(answer_ms), from_=from_, to=to, direction="outbound"
        )
        self._mpcs.api_added.add(name)
        initiated = (
            mpc,
            f"add participant {name!r}",
            lambda room: room.status("AddParticipantByAPIActionInitiated"),
            "no AddParticipantByAPIActionInitiated event; the call still rings and, answered, "
            "joins the MPC (a new one if none is live then)",
        )
        self._world.clock.at(when, self._on_mpc, initiated)
        return record

    def _api(self, call: str, at: float, mpc: str | None, what: str, action: Any) -> None:
        if call != "all":
            self._call(call)
        elif mpc is None:
            raise SimulationError(f"{what} for call='all' needs mpc= (the MPC's name)")
        if mpc is not None:
            admit(_NAME, mpc, f"{what}: the MPC's name")
        when = _ms(at, f"{what}: at")
        self._not_past(when, f"{what} of call {call!r}")
        self._world.clock.at(when, self._on_participant, (call, mpc, what, action))

    def _on_participant(self, request: tuple[str, str | None, str, Any]) -> None:
        name, mpc_name, what, action = request
        world = self._world
        if name == "all":
            room = self._mpcs.rooms.get(mpc_name or "")
            if room is None:
                world.note(None, f"API {what} (all): no MPC named {mpc_name!r} is live; nothing changes")
                return
            world.event(None, "api", f"API {what} on every participant of MPC {room.name!r}")
            for participant in list(room.participants.values()):
                if room.participants.get(participant.member_id) is participant:  # (still there)
                    action(room, participant)
            return
        member = self._calls[name].member
        if not isinstance(member, Participant) or (mpc_name is not None and member.mpc.name != mpc_name):
            where = "an MPC" if mpc_name is None else f"MPC {mpc_name!r}"
            world.note(name, f"API {what}: the call is not in {where} now; nothing changes")
            return
        world.event(name, "api", f"API {what}")
        action(self._mpcs.rooms[member.mpc.name], member)

    def _on_mpc(self, request: tuple[str, str, Any, str]) -> None:
        name, what, action, otherwise = request
        room: Mpc | None = self._mpcs.rooms.get(name)
        if room is None:
            self._world.note(None, f"API {what}: no MPC named {name!r} is live; {otherwise}")
            return
        self._world.event(None, "api", f"API {what} on MPC {name!r}")
        action(room)

    def probe(self, at: float) -> None:
        """Record who hears whom at ``at`` seconds (kept in :attr:`probes` once
        the clock has passed it)."""
        when = _ms(at, "probe at")
        clock = self._world.clock
        # the state at t is after every event due at t: at the clock's own time,
        # events may still be due (before the first run, or a call added since)
        due = clock.next_time()
        if when < clock.now or (when == clock.now and (due is None or due > when)):
            self._probes.append(Probe(seconds(when), self._audibility_at(when)))
        else:
            self._pending_probes.append(when)

    # -- running -------------------------------------------------------------------

    def run(self, until: float | None = None, *, progress: Progress | None = None) -> Simulation:
        """Run every event due up to ``until`` seconds (inclusive), then set the
        clock to ``until``. Without ``until``: until nothing is left to happen
        (every call ended), or for at most the options' ``horizon`` seconds from
        where the clock is. The clock never goes back. Returns ``self``.

        ``progress(done, total)``, if given, is called as the run goes (every
        64 events) and once at its end: ``done`` the virtual time reached,
        ``total`` ``until`` (None without it: when the calls end is not known);
        docs/simulation.md, "Progress"."""
        if until is None:
            return self._run(None, progress)
        limit = _ms(until, "until")
        if limit < self._world.clock.now:
            raise SimulationError(f"cannot run until t={seconds(limit)}: the clock is already at t={self.now}")
        return self._run(limit, progress)

    def _run(self, until: int | None, progress: Progress | None = None) -> Simulation:
        if progress is not None and not callable(progress):
            raise SimulationError(f"progress must be a function progress(done, total), not {shown(progress)}")
        # the run holds the gate: a REST call acts between runs, or while the app is waited on
        with self._world.gate.held():
            self._run_held(until, progress)
        if progress is not None:
            progress(self.now, None if until is None else seconds(until))
        return self

    def _run_held(self, until: int | None, progress: Progress | None) -> None:
        world = self._world
        clock = world.clock
        # without until, the horizon counts from here: a run after run(until=...) goes
        # on from there (the clock is never set back), and never past the clock's end
        limit = min(clock.now + round(world.options.horizon * 1000), MAX_MS) if until is None else until
        # (the same lists for the clock's life: refill fills ready again)
        ready, soon = clock.ready, clock.soon
        processed = 0
        # progress is told every _PROGRESS_EVERY events: one comparison per event when
        # it is not wanted (-1 is never reached), no wall clock read in the loop
        told_at = _PROGRESS_EVERY if progress is not None else -1
        total = None if until is None else seconds(until)
        # The cyclic collector is paused for the run: everything the run makes is
        # kept (the record of requests, calls, bridges), so its passes over a
        # growing heap found little and cost a third of the time. Restored after.
        with paused_collection():
            try:
                while True:
                    # the next entry: the earlier of the sorted bucket's and the heap's
                    if ready and not (soon and soon[0] < ready[-1]):
                        when = ready[-1][0]
                        if when > limit:
                            break
                        _, _, action, argument = ready.pop()
                    elif soon:
                        when = soon[0][0]
                        if when > limit:
                            break
                        _, _, action, argument = heappop(soon)
                    elif clock.refill():
                        continue
                    else:
                        break
                    if action is SKIP:
                        continue
                    clock.now = when
                    action(argument)
                    processed += 1
                    if processed == told_at:
                        assert progress is not None
                        progress(seconds(when), total)
                        told_at += _PROGRESS_EVERY
            finally:
                clock.processed += processed
        if until is not None:
            clock.now = limit
        elif clock.next_time() is not None:
            clock.now = limit
            up = ", ".join(n for n, c in self._calls.items() if c.live) or "none"
            world.note(None, f"stopped at the horizon, t={seconds(limit)}, with events still due (calls up: {up})")
        else:
            forever = [n for n, c in self._calls.items() if c.live]
            if forever:
                world.note(None, f"nothing left to happen; calls still up forever: {', '.join(forever)}")
            if self._pending_probes:
                clock.now = max(clock.now, *self._pending_probes)
        self._take_probes()

    def advance(self, seconds_: float, *, progress: Progress | None = None) -> Simulation:
        """Run for ``seconds_`` more seconds of virtual time (``progress``: as for :meth:`run`)."""
        step = _ms(seconds_, "advance")
        target = self._world.clock.now + step  # in ms: no float round trip
        if target > MAX_MS:
            raise SimulationError(
                f"cannot advance {shown(seconds_)} s from t={self.now}: "
                f"the clock ends at t={MAX_SECONDS} (milliseconds in a signed 64-bit integer)"
            )
        return self._run(target, progress)

    # -- audio (rules A1-A3; needs the audio extra) ----------------------------------

    @property
    def sample_rate(self) -> int:
        """The rate audio is mixed at (8000, 16000 or 48000 Hz)."""
        return self._rate

    def voice(
        self,
        name: str,
        *,
        tone: float | None = None,
        samples: Any = None,
        wav: str | os.PathLike[str] | None = None,
        talk: Literal["declared", "energy"] = "declared",
        detector: Any = None,
    ) -> None:
        """What the caller ``name`` says, from its answer: a sine ``tone`` (Hz, at
        -12 dBFS), ``samples`` (a NumPy int16 array at ``sample_rate``) or a ``wav``
        file (mono, 16-bit, at ``sample_rate``). It sounds while the call is up,
        only inside its talk spurts if it has any. ``talk="energy"`` derives the
        talk spurts from the audio itself (``detector``: a ``TalkDetector``), which
        then drive floor and speak events. Needs the audio extra (NumPy)."""
        from .audio import TalkDetector, Voice, check_samples, read_wav

        call = self._call(name)
        given = [key for key, value in (("tone", tone), ("samples", samples), ("wav", wav)) if value is not None]
        if len(given) != 1:
            raise SimulationError(f"voice of {name!r}: give one of tone, samples or wav (given: {given or 'none'})")
        if name in self._voices:
            raise SimulationError(f"call {name!r} already has a voice")
        if tone is not None:
            if isinstance(tone, bool) or not isinstance(tone, (int, float)) or not 0 < tone < self._rate / 2:
                raise AudioError(
                    f"voice of {name!r}: tone = {shown(tone)} is not allowed; allowed: a frequency in Hz "
                    f"above 0 and below half the sample rate ({self._rate // 2})"
                )
            voice = Voice(hz=float(tone))
        elif samples is not None:
            voice = Voice(samples=check_samples(samples, f"voice of {name!r}"))
        else:
            assert wav is not None
            voice = Voice(samples=read_wav(wav, self._rate, f"voice of {name!r}"))
        if talk == "energy":
            if voice.samples is None:
                raise AudioError(
                    f"voice of {name!r}: talk='energy' needs recorded audio (samples or wav): a tone never pauses"
                )
            if self._talk.get(name):
                raise SimulationError(f"call {name!r} has declared talk spurts already: use one or the other")
            chosen = detector if detector is not None else TalkDetector()
            if not isinstance(chosen, TalkDetector):
                raise SimulationError(f"detector must be a TalkDetector, not {type(chosen).__name__}")
            end = call.hangup_ms
            for start_ms, end_ms in chosen.spurts(voice.samples, self._rate):
                start_at, end_at = call.answer_ms + start_ms, call.answer_ms + end_ms
                if end is not None:
                    end_at = min(end_at, end)
                if end_at > start_at:
                    self.talk(name, start=seconds(start_at), end=seconds(end_at))
        elif talk != "declared":
            raise SimulationError(f"voice of {name!r}: talk must be 'declared' or 'energy', not {shown(talk)}")
        self._voices[name] = voice

    def register_audio(self, url: str, *, samples: Any = None, wav: str | os.PathLike[str] | None = None) -> None:
        """The audio a ``<Play>`` of ``url`` plays in wait or hold music and sounds
        (else a placeholder tone of its modelled length). Needs the audio extra."""
        from .audio import check_samples, read_wav

        if not isinstance(url, str) or (samples is None) == (wav is None):
            raise SimulationError("register_audio(url, samples=... or wav=...): a URL and one of the two")
        what = f"audio for {url!r}"
        if wav is not None:
            self._url_audio[url] = read_wav(wav, self._rate, what)
        else:
            self._url_audio[url] = check_samples(samples, what)

    def audio(
        self,
        *,
        memory_limit: int | None = None,
        calls: Iterable[str] | None = None,
        recordings: Iterable[str] | None = None,
        folder: str | os.PathLike[str] | None = None,
        mp3: bool = False,
        progress: Callable[[float, float], None] | None = None,
    ) -> AudioResult:
        """What every call heard and every recording holds, from the run so far
        (rules A1-A3): an :class:`~plivoxml_plus.core.audio.AudioResult`; only the
        ``calls`` and ``recordings`` named, if given. With ``folder``, each track is
        streamed into its file there as it is rendered (and ``mp3``: MP3 beside
        mp3-format recordings), never held whole. ``progress(done, total)`` is
        called after each block with the seconds of audio rendered. Needs the
        audio extra (NumPy). AudioError, before anything is allocated, if that
        needs more than ``memory_limit`` bytes (None: 2 GiB; docs/audio.md)."""
        from .audio import DEFAULT_MEMORY_LIMIT, CallAudio, render

        now = self._world.clock.now
        up = {}
        for name, call in self._calls.items():
            if not call.started or call.answer_ms > now:
                continue
            end = now if call.ended_ms is None else min(call.ended_ms, now)
            spurts = self._talk.get(name)
            voice = self._voices.get(name)
            up[name] = CallAudio(call.answer_ms, end, voice, list(spurts) if spurts else None, list(call.prompts))
        world = self._world
        return render(
            self._rate,
            up,
            world.history.bridges,
            end_ms=now,
            durations=world.durations,
            sound_documents=world.sound_documents,
            url_audio=self._url_audio,
            call_tapes=world.call_tapes,
            memory_limit=DEFAULT_MEMORY_LIMIT if memory_limit is None else memory_limit,
            wanted_calls=calls,
            wanted_recordings=recordings,
            folder=folder,
            mp3=mp3,
            progress=progress,
        )

    def report(self, format: Literal["text", "json"] = "text") -> str:
        """The run so far as a readable timeline (``text``) or one JSON object
        (``json``: requests, probes, calls, notes; byte-identical across runs)."""
        if format == "json":
            return render_json(self._world, self.calls, self.probes, self._timeline())
        if format == "text":
            return render_text(self._world, self.calls, self.probes)
        raise SimulationError(f"format must be 'text' or 'json', not {format!r}")

    def coverage(self) -> CoverageReport:
        """The call-flow coverage of the run so far: for every document executed,
        each element's branches taken or not (docs/simulation.md, "Call-flow
        coverage"). Needs ``Simulation(coverage=True)``."""
        recorder = self._world.coverage
        if recorder is None:
            raise SimulationError("coverage is recorded only when asked for: Simulation(coverage=True)")
        return CoverageReport.of(recorder)

    def report_html(
        self, path: str | os.PathLike[str], *, audio: AudioResult | None = None, embed_audio: bool = False
    ) -> pathlib.Path:
        """Write the run so far as one self-contained HTML page to ``path`` (docs/report.md):
        lanes in time, rooms, who hears whom at any instant, requests, notes; with
        ``audio`` (``self.audio()``), a player per heard track and recording, as
        files beside the page or, with ``embed_audio``, inside it. Returns its path."""
        from .report._html import write_html

        # (the model of a big run is millions of new objects and no cycle: a collection
        # in between walks the run's own millions too, and finds nothing; the model is
        # freed before the collector runs again, not walked once more on the way out)
        with paused_collection():
            data = to_data(self._world, self.calls, self.probes, self._timeline())
            written = write_html(path, data, audio, embed_audio=embed_audio)
            del data
        return written

    # -- helpers -------------------------------------------------------------------

    def _timeline(self) -> dict[str, Any]:
        return timeline_data(self._world, self._calls, self._talk)

    def _take_probes(self) -> None:
        now = self._world.clock.now
        due = sorted(t for t in self._pending_probes if t <= now)
        self._pending_probes = [t for t in self._pending_probes if t > now]
        for when in due:
            self._probes.append(Probe(seconds(when), self._audibility_at(when)))

    def _call(self, name: str) -> Call:
        call = self._calls.get(name) if isinstance(name, str) else None  # (a list is unhashable)
        if call is None:
            known = ", ".join(self._calls) or "none yet"
            raise SimulationError(f"no call named {shown(name)} (calls: {known})")
        return call

    def _not_past(self, when: int, what: str) -> None:
        now = self._world.clock.now
        if when < now:
            raise SimulationError(f"{what} at t={seconds(when)}, in the past: the clock is at t={seconds(now)}")

    def _within_call(self, call: Call, when: int, what: str) -> None:
        self._not_past(when, f"call {call.name!r} {what}")
        if when < call.answer_ms:
            raise SimulationError(
                f"call {call.name!r} {what} at t={seconds(when)}, before it is answered at t={seconds(call.answer_ms)}"
            )
        if call.hangup_ms is not None and when > call.hangup_ms:
            raise SimulationError(
                f"call {call.name!r} {what} at t={seconds(when)}, "
                f"after the caller hangs up at t={seconds(call.hangup_ms)}"
            )

    # -- the REST API (docs/testing-apps.md, "Your app's REST calls") -----------------

    def rest_client(self, auth_id: str = DEFAULT_AUTH_ID, auth_token: str | None = None) -> Any:
        """A real ``plivo.RestClient`` (plivo-python, the ``rest`` extra) whose
        requests this simulation answers in process, as Plivo's API would, at the
        clock's current time: from test code between runs, or from the app's
        handlers while the simulation waits for their answer. ``auth_token``
        defaults to the one requests are signed with."""
        from .platform.rest import rest_client

        control, token = self._rest_control(auth_token)
        return rest_client(control, auth_id, token)

    @contextmanager
    def serve_api(
        self,
        port: int = 0,
        *,
        host: str = "127.0.0.1",
        auth_id: str = DEFAULT_AUTH_ID,
        auth_token: str | None = None,
    ) -> Iterator[str]:
        """Serve the same REST API as :meth:`rest_client` over HTTP on a loopback
        ``host`` and ``port`` (0: a free one) while inside, for an app in any
        language: yields the base URL its Plivo SDK is pointed at (what
        ``https://api.plivo.com`` is). Requests need Basic auth with ``auth_id``
        and ``auth_token`` (the one requests are signed with, unless told); the
        server stops on exit (docs/testing-apps.md, "Apps in any language")."""
        from .platform.rest._server import serve

        admit(AUTH_ID, auth_id, "serve_api: auth_id")
        control, token = self._rest_control(auth_token)
        with serve(control, host, port, auth_id, token) as url:
            yield url

    def _rest_control(self, auth_token: str | None) -> tuple[Any, str]:
        """The REST API's control of this simulation, and its token (by default the
        one requests are signed with); it waits for the simulation as long as for the app."""
        from ._rest_control import SimulationControl

        transport = self._world.transport
        if auth_token is None:
            auth_token = DEFAULT_AUTH_TOKEN if transport is None else transport.auth_token
        wait = 5.0 if transport is None else transport.timeout
        return SimulationControl(self, wait), auth_token

    def __repr__(self) -> str:
        calls, requests = counted(len(self._calls), "call"), counted(len(self._world.requests), "request")
        return f"<Simulation at t={self.now}: {calls}, {requests}>"


def _answer_document(answer: object, name: str) -> Response:
    if isinstance(answer, os.PathLike):
        try:
            data = read_xml_file(answer)
        except FileRefused as error:  # a document that cannot be read: the answer's own error
            raise ParseError(str(error)) from None
        document = read_document(data, "answer")
    elif isinstance(answer, (Response, str, bytes)):
        document = read_document(answer, "answer")
    else:
        raise SimulationError(
            f"call {name!r}: the answer document must be a Response, XML text or a path, not {type(answer).__name__}"
        )
    return document
