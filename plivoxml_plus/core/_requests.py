"""What the simulation records: the HTTP requests the platform would make, and
the other things that happen on the way (the timeline); and ``ROUTES``, how
the platform makes each kind of request (docs/rules.md, "Requests")."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

if TYPE_CHECKING:
    from ._options import ConferenceOptions

__all__ = [
    "CALL_PARAMS",
    "REQUEST_KINDS",
    "ROUTES",
    "HttpRequest",
    "RequestKind",
    "Route",
    "TimelineEvent",
]

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

# The standard parameters of the call a request concerns (Plivo's "XML request"
# page, and its Redirect page for CallerName), in the order they are added. Some
# are present only sometimes: ALegUUID and ALegRequestUUID for an outbound call,
# HangupCause, Duration and BillDuration once the call has ended.
CALL_PARAMS = (
    "CallUUID",
    "From",
    "To",
    "CallerName",
    "Direction",
    "ALegUUID",
    "ALegRequestUUID",
    "CallStatus",
    "HangupCause",
    "Duration",
    "BillDuration",
)


class Route(NamedTuple):
    """How the platform makes one kind of request: the element and attribute
    (Python names, as ``effective`` takes them) holding the URL, what chooses the
    method, what the reply must be, the request's own parameters, and whether the
    call's standard parameters (``CALL_PARAMS``) are added."""

    element: str
    url: str  # the attribute holding the URL ("content": the element's text)
    method: str | None  # the attribute choosing the method; None: no attribute does
    method_option: str | None  # then this ConferenceOptions field does
    document: Literal["answer", "sound"] | None  # the reply read; None: it is not read
    own: tuple[str, ...]  # every parameter of its own it may carry, documented names
    call_params: bool | str  # True: always added; a str: the ConferenceOptions field deciding

    def method_for(self, effective: Callable[[str], Any], options: ConferenceOptions) -> str:
        """The method of this request, for an element read through ``effective``."""
        if self.method is not None:
            return str(effective(self.method))
        assert self.method_option is not None
        return str(getattr(options, self.method_option))

    def adds_call_params(self, options: ConferenceOptions) -> bool:
        if isinstance(self.call_params, bool):
            return self.call_params
        return bool(getattr(options, self.call_params))


# the document fetches no attribute sets the method of: (kind, URL attribute, option)
_SOUNDS: tuple[tuple[RequestKind, str, str], ...] = (
    ("waitSound", "wait_sound", "wait_sound_method"),
    ("enterSound", "enter_sound", "sound_fetch_method"),
    ("exitSound", "exit_sound", "sound_fetch_method"),
)
_MEMBER = ("ConferenceName", "ConferenceUUID", "ConferenceMemberID")
_RECORDING = ("RecordUrl", "RecordingID")

# One entry per kind: every request the simulator makes goes through World.send,
# which reads this table. (A MultiPartyCall model adds its kinds here.)
ROUTES: dict[RequestKind, Route] = {
    "callback": Route(
        element="Conference",
        url="callback_url",
        method="callback_method",
        method_option=None,
        document=None,
        own=(
            "ConferenceAction",
            *_MEMBER,
            "CallUUID",
            "ConferenceDigitsMatch",
            *_RECORDING,
            "RecordingDuration",
            "RecordingDurationMs",
            "RecordingStartMs",
            "RecordingEndMs",
        ),
        call_params="call_params_on_callbacks",
    ),
    "action": Route(
        element="Conference",
        url="action",
        method="method",
        method_option=None,
        document="answer",
        own=(*_MEMBER, *_RECORDING),
        call_params=True,
    ),
    "transcription": Route(
        element="Conference",
        url="transcription_url",
        method="transcription_method",
        method_option=None,
        document=None,
        own=(
            "transcription",
            "transcription_charge",
            "transcription_rate",
            "duration",
            "call_uuid",
            "recording_id",
            "error",
        ),
        call_params="call_params_on_transcription",
    ),
    "redirect": Route(
        element="Redirect",
        url="content",
        method="method",
        method_option=None,
        document="answer",
        own=("Event",),
        call_params=True,
    ),
    **{
        kind: Route(
            element="Conference",
            url=attribute,
            method=None,
            method_option=option,
            document="sound",
            own=(),
            call_params=True,
        )
        for kind, attribute, option in _SOUNDS
    },
}


class HttpRequest(NamedTuple):
    """One HTTP request the platform would send.

    ``at`` is the virtual time in seconds; ``params`` are the parameters with
    their exact names, every value a string (as on the wire: in the query string
    for GET, the form body for POST; ``url`` is the attribute's URL as written):
    the request's own, then, where ``ROUTES`` says so, the standard parameters of
    the call it concerns (``CALL_PARAMS``).
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
