"""What the calls and rooms of one simulation share: the clock, the record of
requests and events, the URL documents, the options and the IDs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from ..elements import Response
from ._clock import Clock
from ._documents import Documents
from ._durations import DurationModel
from ._ids import Ids
from ._options import ConferenceOptions
from ._requests import ROUTES, HttpRequest, RequestKind, TimelineEvent

if TYPE_CHECKING:
    from ._audibility import History
    from ._call import Call
    from .conference import Conferences

__all__ = ["World"]


class World:
    __slots__ = (
        "call_params",
        "calls",
        "clock",
        "conferences",
        "dirty",
        "documents",
        "durations",
        "epoch_ms",
        "history",
        "ids",
        "log",
        "options",
        "requests",
        "seq",
    )

    def __init__(
        self,
        documents: Documents,
        options: ConferenceOptions,
        durations: DurationModel,
        ids: Ids,
        epoch_ms: int,
    ) -> None:
        self.clock = Clock()
        self.documents = documents
        self.options = options
        self.durations = durations
        self.ids = ids
        self.epoch_ms = epoch_ms
        self.requests: list[HttpRequest] = []
        self.log: list[HttpRequest | TimelineEvent] = []
        self.seq = 0
        # set when who-hears-whom may have changed; the run loop then records a
        # snapshot once, after the event (never per talk spurt or digit)
        self.dirty = False
        self.calls: dict[str, Call] = {}
        # per kind, whether its requests carry the call's standard parameters (read
        # once: the options are frozen)
        self.call_params = {kind: route.adds_call_params(options) for kind, route in ROUTES.items()}
        self.conferences: Conferences
        self.history: History

    def send(
        self,
        kind: RequestKind,
        method: str,
        url: str,
        own: dict[str, str],
        call: Call,
        *,
        read: bool = True,
    ) -> Response | None:
        """The request of ``kind`` made for ``call``: its own parameters, then the
        call's standard ones where ROUTES says so. A kind whose reply is a document
        has it read (unless ``read`` is False: the platform makes the request but
        has no use for the reply) and returned; else None."""
        params = {**own, **call.call_params()} if self.call_params[kind] else own
        document = ROUTES[kind].document
        if document is None or not read:
            self.request(kind, method, url, params, call.name)
            return None
        return self.fetch(kind, method, url, params, call.name, document=document)

    def request(
        self, kind: RequestKind, method: str, url: str, params: dict[str, str], call: str | None
    ) -> HttpRequest:
        self.seq += 1
        record = HttpRequest(self.clock.now / 1000, method, url, params, kind, call, self.seq)
        self.requests.append(record)
        self.log.append(record)
        return record

    def event(self, call: str | None, kind: str, text: str) -> None:
        self.seq += 1
        self.log.append(TimelineEvent(self.clock.now / 1000, call, kind, text, self.seq))

    def note(self, call: str | None, text: str) -> None:
        self.event(call, "note", text)

    def fetch(
        self,
        kind: RequestKind,
        method: str,
        url: str,
        params: dict[str, str],
        call: str | None,
        *,
        document: Literal["answer", "sound"],
    ) -> Response | None:
        """Request ``url`` and read the document it returns; report a missing or
        invalid one in the notes and return None."""
        request = self.request(kind, method, url, params, call)
        response, problem = self.documents.fetch(request, document)
        if response is None:
            self.note(call, f"{kind} {url}: {problem}")
        return response
