"""What the calls and rooms of one simulation share: the clock, the record of
requests and events, the URL documents, the options, the IDs and the history
of the bridges.

The world knows nothing of calls or rooms (they depend on it, never the other
way): a request is made for any ``Requester``, which a call is."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, NamedTuple, Protocol

from .._errors import SimulationError
from ..elements import Response
from ._clock import Clock, seconds
from ._coverage import CoverageRecorder
from ._durations import DurationModel
from ._ids import Ids
from ._options import ConferenceOptions, MpcOptions
from ._recording import CallTape
from .bridge import History
from .platform._app import AppTransport, Reply
from .platform._documents import NO_DOCUMENT, DocumentProblem, Documents
from .platform._gate import Gate
from .platform._requests import ROUTES, HttpRequest, RequestKind, Route, TimelineEvent

__all__ = ["Fetched", "Requester", "StrictModeError", "World"]

# The records are made with tuple.__new__ and every field given: a NamedTuple's
# own __new__ is a Python function, a third of the cost of a record (a run
# makes one or two per event: bench/bench_simulate_mpc.py)
_record = tuple.__new__


class StrictModeError(SimulationError):
    """Strict mode: a request went wrong (a non-2xx reply, an unknown URL, an invalid
    document, no reply); the message names the URL, the call and the time, and
    every problem of an invalid document.

    ``at`` (seconds), ``call`` (None: for no call), ``url`` and ``problem`` say the
    same for programs; ``problems`` lists an invalid document's problems (each a
    :class:`plivoxml_plus.Problem`; empty for any other failure).
    """

    def __init__(
        self, message: str, *, at: float, call: str | None, url: str, problem: str, problems: tuple[object, ...] = ()
    ) -> None:
        super().__init__(message)
        self.at = at
        self.call = call
        self.url = url
        self.problem = problem
        self.problems = problems


class Fetched(NamedTuple):
    """A document fetched, or None; when None, ``unreachable`` tells a request that
    got no 2xx reply from one whose reply was no valid document (Plivo's 70xx and
    80xx causes, docs/rules.md P1)."""

    document: Response | None
    unreachable: bool = False


_NOT_READ = Fetched(None)  # a request whose reply is not read (one record, not one per request)


class Requester(Protocol):
    """What a request is made for: a call, by its name, with its standard parameters."""

    @property
    def name(self) -> str: ...

    def call_params(self, own: Mapping[str, str] | None = None) -> dict[str, str]: ...


class World:
    __slots__ = (
        "call_params",
        "call_tapes",
        "clock",
        "coverage",
        "documents",
        "durations",
        "epoch_ms",
        "failure",
        "gate",
        "history",
        "ids",
        "log",
        "mpc_options",
        "options",
        "requests",
        "seq",
        "sound_documents",
        "strict",
        "transport",
    )

    def __init__(
        self,
        documents: Documents,
        options: ConferenceOptions,
        durations: DurationModel,
        ids: Ids,
        epoch_ms: int,
        *,
        mpc_options: MpcOptions | None = None,
    ) -> None:
        self.clock = Clock()
        self.documents = documents
        self.options = options
        self.mpc_options = mpc_options or MpcOptions()
        self.durations = durations
        self.ids = ids
        self.epoch_ms = epoch_ms
        self.requests: list[HttpRequest] = []
        self.log: list[HttpRequest | TimelineEvent] = []
        self.seq = 0
        # per route, whether its requests carry the call's standard parameters (read
        # once: the options are frozen)
        self.call_params = {route.key: route.adds_call_params(options) for route in ROUTES.values()}
        self.history = History()
        self.call_tapes: list[CallTape] = []  # each <Record>'s recording, for the audio (I3)
        # the last valid sound document each URL gave (what wait and hold music,
        # and URL enter/exit sounds, sound like: the mixer plays them)
        self.sound_documents: dict[str, Response] = {}
        self.transport: AppTransport | None = None  # the user's app, for URLs under its base URL
        self.strict = False  # a failed request fails the run
        self.failure: StrictModeError | None = None  # the one that did (the HTML report shows it)
        self.gate = Gate()  # held while events run; lent to the REST API while the app is waited on
        self.coverage: CoverageRecorder | None = None  # the branches taken, when asked for

    def send(
        self,
        route: Route,
        method: str,
        url: str,
        own: dict[str, str],
        call: Requester | None,
        *,
        read: bool = True,
    ) -> Response | None:
        """The request ``route`` describes, made for ``call`` (None: for no call,
        an MPC's own event): its own parameters, then the call's standard ones
        where the route says so. A route whose reply is a document has it read
        (unless ``read`` is False: the platform makes the request but has no use
        for the reply) and returned; else None."""
        name = None if call is None else call.name
        document = route.document if read else None
        return self.fetch(route, method, url, self.params_for(route, own, call), name, document=document).document

    def params_for(self, route: Route, own: dict[str, str], call: Requester | None) -> dict[str, str]:
        """A request's parameters: its own, then the call's where the route says so."""
        if call is not None and self.call_params[route.key]:
            return call.call_params(own)
        return own

    def request(
        self,
        kind: RequestKind,
        method: str,
        url: str,
        params: dict[str, str],
        call: str | None,
        *,
        reply: Reply | None = None,
    ) -> HttpRequest:
        self.seq += 1
        status, response = (None, None) if reply is None else (reply.status, reply.response)
        record: HttpRequest = _record(
            HttpRequest, (self.clock.now / 1000, method, url, params, kind, call, self.seq, status, response)
        )
        self.requests.append(record)
        self.log.append(record)
        return record

    def event(self, call: str | None, kind: str, text: str) -> None:
        self.seq += 1
        self.log.append(_record(TimelineEvent, (self.clock.now / 1000, call, kind, text, self.seq)))

    def note(self, call: str | None, text: str) -> None:
        self.event(call, "note", text)

    def fetch(
        self,
        route: Route,
        method: str,
        url: str,
        params: dict[str, str],
        call: str | None,
        *,
        document: Literal["answer", "sound"] | None,
        fallible: bool = False,
    ) -> Fetched:
        """Make the request, to the app when ``url`` is its, and read the document
        it returns if ``document`` says which kind is wanted (None: the reply is not
        used). A failure (non-2xx, no reply, no or an invalid document) is noted,
        or, in strict mode, raised (``fallible``: only noted, a fallback URL being
        tried next); the document is None then, and ``Fetched`` tells which failure."""
        transport = self.transport
        response: Response | None = None
        if transport is not None and transport.handles(url):
            from ..schema import MAX_BYTES

            with self.gate.lent():  # (the app's handler may call the REST API meanwhile)
                reply = transport.send(method, url, params, MAX_BYTES)
            self.request(route.kind, method, url, params, call, reply=reply)
            problem = reply.problem
            if problem is None and reply.status is not None and not 200 <= reply.status < 300:
                problem = f"the app answered HTTP {reply.status}"
            if problem is None and document is not None:
                response, problem = Documents.read(reply.body, document)
        elif transport is not None and not self.documents.knows(url):
            # with an app, a URL outside its base_url (a misspelt host) reaches no one
            self.request(route.kind, method, url, params, call)
            problem = f"not under base_url {transport.base_url}, so no app answers it"
        else:
            request = self.request(route.kind, method, url, params, call)
            if document is None:
                return _NOT_READ
            response, problem = self.documents.fetch(request, document)
            if transport is not None and problem == NO_DOCUMENT:  # (urls, a function, gave None)
                problem = f"not under base_url {transport.base_url}, so no app answers it; urls gives no document"
        if problem is not None:
            self.failed(route, url, call, problem, fallible=fallible)
            return Fetched(None, not isinstance(problem, DocumentProblem))
        if document == "sound" and response is not None:
            self.sound_documents[url] = response
        if self.coverage is not None and response is not None:
            self.coverage.fetched(response, url)
        return Fetched(response)

    def failed(self, route: Route, url: str, call: str | None, problem: str, *, fallible: bool = False) -> None:
        text = f"{route.label} {url}: {problem}"
        if self.strict and not fallible:
            who = "no call" if call is None else f"call {call!r}"
            at = seconds(self.clock.now)
            message = f"strict mode: at t={at}, for {who}: {text}"
            problems = problem.problems if isinstance(problem, DocumentProblem) else ()
            self.failure = StrictModeError(message, at=at, call=call, url=url, problem=str(problem), problems=problems)
            raise self.failure
        self.note(call, text)
