"""What the simulation records: the HTTP requests the platform would make, and
the other things that happen on the way (the timeline)."""

from __future__ import annotations

from typing import Literal, NamedTuple

__all__ = ["REQUEST_KINDS", "HttpRequest", "RequestKind", "TimelineEvent"]

RequestKind = Literal[
    "callback",  # a Conference callbackUrl event (enter, exit, digits, floor, record)
    "action",  # a Conference action URL, when the member leaves
    "transcription",  # a transcriptionUrl request, after a recording
    "redirect",  # a <Redirect> fetching the next document
    "waitSound",  # a document fetch: what a waiting member hears
    "enterSound",  # a document fetch: the sound played when a member joins
    "exitSound",  # a document fetch: the sound played when a member leaves
]
REQUEST_KINDS: tuple[RequestKind, ...] = (
    "callback",
    "action",
    "transcription",
    "redirect",
    "waitSound",
    "enterSound",
    "exitSound",
)


class HttpRequest(NamedTuple):
    """One HTTP request the platform would send.

    ``at`` is the virtual time in seconds; ``params`` are the parameters with
    their exact names, every value a string (as on the wire: in the query string
    for GET, the form body for POST; ``url`` is the attribute's URL as written).
    ``kind`` says why the request was made and ``call`` names the call it was
    made for (``None`` for none).
    """

    at: float
    method: str
    url: str
    params: dict[str, str]
    kind: RequestKind
    call: str | None
    seq: int  # position among everything recorded (requests and timeline events)


class TimelineEvent(NamedTuple):
    """Something that happened that is not an HTTP request.

    ``kind`` is one of: answer, element, join, overflow, start, floor, leave, end,
    record, relay, sound, digits, ended, note. ``note`` events report input the
    platform ignored or handled in its own way (a missing document, digits from a
    caller outside any conference...).
    """

    at: float
    call: str | None
    kind: str
    text: str
    seq: int
