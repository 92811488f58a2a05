"""What the simulation records: the HTTP requests the platform would make, and
the other things that happen on the way (the timeline); and ``ROUTES``, how
the platform makes each kind of request (docs/rules.md, "Requests")."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

if TYPE_CHECKING:
    from .._options import ConferenceOptions

__all__ = [
    "CALL_PARAMS",
    "KEPT_BODY_BYTES",
    "REQUEST_KINDS",
    "ROUTES",
    "AppResponse",
    "HttpRequest",
    "RequestKind",
    "Route",
    "TimelineEvent",
]

RequestKind = Literal[
    "answer",  # a call's answer URL, when the call is answered (or its fallback_answer_url)
    "hangup",  # a call's hangup_url, once, when the call ends (docs/rules.md, P1)
    "ring",  # an API call's ring_url, when it starts ringing (P1)
    "callback",  # a callbackUrl request: a Conference event (enter, exit, digits, floor,
    # record), a Record's recording ready, a Message's SMS sent, a Dial's B leg event
    "action",  # an action URL: a Conference member leaving; what a GetDigits, GetInput
    # or Record collected; how a Dial ended
    "transcription",  # a transcriptionUrl request, after a recording
    "redirect",  # a <Redirect> fetching the next document
    "wait-sound",  # a document fetch: what a waiting Conference member hears
    "enter-sound",  # a document fetch: the sound played when a member joins
    "exit-sound",  # a document fetch: the sound played when a member leaves
    "status-callback",  # a statusCallbackUrl event: a MultiPartyCall's, a Stream's
    "recording-callback",  # a MultiPartyCall recordingCallbackUrl event
    "exit-action",  # a MultiPartyCall onExitActionUrl, when the participant leaves
    "wait-music",  # a document fetch: what a waiting MPC participant hears
    "hold-music",  # a document fetch: what an MPC participant on hold hears
    "dial-music",  # a document fetch: what a caller hears while its Dial rings (dialMusic),
    # what the callee hears before it accepts the call (confirmSound)
]
REQUEST_KINDS: tuple[RequestKind, ...] = (
    "answer",
    "hangup",
    "ring",
    "callback",
    "action",
    "transcription",
    "redirect",
    "wait-sound",
    "enter-sound",
    "exit-sound",
    "status-callback",
    "recording-callback",
    "exit-action",
    "wait-music",
    "hold-music",
    "dial-music",
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
    """How the platform makes one kind of request from one attribute: the
    element and attribute (Python names, as ``effective`` takes them) holding
    the URL, what chooses the method, what the reply must be, the request's own
    parameters, and whether the call's standard parameters (``CALL_PARAMS``)
    are added. ``key`` is how ``ROUTES`` names it: ``Element.xmlAttribute``;
    ``label`` how notes name it (the XML attribute)."""

    key: str
    label: str
    kind: RequestKind
    element: str
    url: str  # the attribute holding the URL ("content": the element's text)
    method: str | None  # the attribute choosing the method; None: no attribute does
    method_option: str | None  # then this options field does
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


_MEMBER = ("ConferenceName", "ConferenceUUID", "ConferenceMemberID")
# a Message's delivery report, one request per status (I6; Plivo's message status
# callbacks page)
MESSAGE_REPORT = (
    "MessageUUID",
    "To",
    "From",
    "Type",
    "Units",
    "TotalRate",
    "TotalAmount",
    "MCC",
    "MNC",
    "ErrorCode",
    "ParentMessageUUID",
    "PowerpackUUID",
    "MessageTime",
    "QueuedTime",
    "Status",
    "Sequence",
    "SentTime",
    "DeliveryReportTime",
)
_RECORDING = ("RecordUrl", "RecordingID")
# a Record's recording (I3): its URL and id, then its figures
RECORD = (
    *_RECORDING,
    "RecordingDuration",
    "RecordingDurationMs",
    "RecordingStartMs",
    "RecordingEndMs",
)
# Dial (I5): what its action URL is told when the Dial ends, and its callbackUrl events
DIAL_ACTION = ("DialStatus", "DialRingStatus", "DialHangupCause", "DialALegUUID", "DialBLegUUID")
DIAL_CALLBACK = (
    "DialAction",
    "DialALegUUID",
    "DialBLegUUID",
    "DialBLegStatus",
    "DialBLegFrom",
    "DialBLegTo",
    "DialBLegHangupCause",
    "DialBLegHangupCauseName",
    "DialBLegHangupCauseCode",
    "DialBLegHangupSource",
    "DialBLegDuration",
    "DialBLegBillDuration",
    "DialDigitsMatch",
    "DialDigitsPressedBy",
)
# the Conference Record API's callback (C11), as Plivo's "Start recording a conference" lists it
CONFERENCE_RECORD_API = (
    "record_url",
    "recording_id",
    "conference_name",
    "recording_duration",
    "recording_duration_ms",
    "recording_start_ms",
    "recording_end_ms",
)
# the Call Record API's callback (I3), as Plivo's "Start recording a call" lists it
CALL_RECORD_API = (
    "api_id",
    "record_url",
    "call_uuid",
    "recording_id",
    "recording_duration",
    "recording_duration_ms",
    "recording_start_ms",
    "recording_end_ms",
)
# a call's hangup_url request (P1): its own parameters, beside the call's standard ones
HANGUP = (
    "Event",
    "HangupCauseName",
    "HangupCauseCode",
    "HangupSource",
    "StartTime",
    "AnswerTime",
    "EndTime",
)
GET_INPUT = ("InputType", "Digits", "Speech", "SpeechConfidenceScore", "BilledAmount")
# MultiPartyCall events (docs/rules.md, "Requests"): the MPC's own, a participant's, a recording's
MPC_EVENT = ("EventName", "EventTimestamp", "SequenceNumber", "MPCUUID", "MPCName")
MPC_END = ("MPCDuration", "MPCBilledDuration", "MPCBilledAmount", "MPCTerminationCause", "MPCTerminationCauseCode")
PARTICIPANT_EVENT = (
    "MemberID",
    "ParticipantRole",
    "ParticipantCallUUID",
    "ParticipantCoachMode",
    "ParticipantCallFrom",
    "ParticipantCallTo",
    "ParticipantCallDirection",
    "DigitInput",
)
RECORDING_EVENT = (
    "RecordingUUID",
    "RecordingURL",
    "RecordingResourceURL",
    "RecordingFormat",
    "RecordingStartTime",
    "RecordingEndTime",
    "RecordingDuration",
)
EXIT_ACTION = (
    "MPCUUID",
    "MPCFriendlyName",
    "MemberID",
    "ParticipantCallUUID",
    "ParticipantJoinTime",
    "ParticipantEndTime",
    "ParticipantRole",
)


def _route(
    key: str,
    kind: RequestKind,
    url: str,
    *,
    method: str | None = None,
    option: str | None = None,
    document: Literal["answer", "sound"] | None = None,
    own: tuple[str, ...] = (),
    call_params: bool | str = True,
) -> tuple[str, Route]:
    element, _, label = key.partition(".")
    route = Route(key, label or kind, kind, element, url, method, option, document, own, call_params)
    return key, route


# One entry per attribute that makes a request: every request the simulator
# makes goes through World.send with one of these. Conference and
# MultiPartyCall share the table (and the kinds where the request is the same:
# a sound fetched as a member joins or leaves).
ROUTES: dict[str, Route] = dict(
    (
        # (the answer URL is the call's own, set when the call is placed: Simulation.call)
        _route("Call.answerUrl", "answer", "answer_url", method="answer_method", document="answer", own=("Event",)),
        # the rest of the Application's URL set (P1): also the call's own
        _route("Call.fallbackAnswerUrl", "answer", "fallback_answer_url", method="fallback_method", document="answer"),
        _route("Call.hangupUrl", "hangup", "hangup_url", method="hangup_method", own=HANGUP),
        _route("Call.ringUrl", "ring", "ring_url", method="ring_method", own=("Event",)),
        _route(
            "Conference.callbackUrl",
            "callback",
            "callback_url",
            method="callback_method",
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
                *CONFERENCE_RECORD_API,
            ),
            call_params="call_params_on_callbacks",
        ),
        _route(
            "Conference.action", "action", "action", method="method", document="answer", own=(*_MEMBER, *_RECORDING)
        ),
        _route(
            "Conference.transcriptionUrl",
            "transcription",
            "transcription_url",
            method="transcription_method",
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
        _route("Redirect", "redirect", "content", method="method", document="answer", own=("Event",)),
        _route("GetDigits.action", "action", "action", method="method", document="answer", own=("Digits",)),
        _route("GetInput.action", "action", "action", method="method", document="answer", own=GET_INPUT),
        _route("Record.action", "action", "action", method="method", document="answer", own=(*RECORD, "Digits")),
        _route(
            "Record.callbackUrl", "callback", "callback_url", method="callback_method", own=(*RECORD, *CALL_RECORD_API)
        ),
        _route("Dial.action", "action", "action", method="method", document="answer", own=DIAL_ACTION),
        _route("Dial.callbackUrl", "callback", "callback_url", method="callback_method", own=DIAL_CALLBACK),
        _route(
            "Message.callbackUrl",
            "callback",
            "callback_url",
            method="callback_method",
            own=MESSAGE_REPORT,
            call_params=False,
        ),
        _route(
            "Stream.statusCallbackUrl",
            "status-callback",
            "statusCallbackUrl",
            method="statusCallbackMethod",
            own=("Event", "StreamID"),
        ),
        _route("Conference.waitSound", "wait-sound", "wait_sound", option="wait_sound_method", document="sound"),
        _route("Dial.dialMusic", "dial-music", "dial_music", option="sound_fetch_method", document="sound"),
        _route("Dial.confirmSound", "dial-music", "confirm_sound", option="sound_fetch_method", document="sound"),
        _route("Conference.enterSound", "enter-sound", "enter_sound", option="sound_fetch_method", document="sound"),
        _route("Conference.exitSound", "exit-sound", "exit_sound", option="sound_fetch_method", document="sound"),
        _route(
            "MultiPartyCall.statusCallbackUrl",
            "status-callback",
            "status_callback_url",
            method="status_callback_method",
            own=(*MPC_EVENT, *MPC_END, *PARTICIPANT_EVENT),
            call_params=False,
        ),
        _route(
            "MultiPartyCall.recordingCallbackUrl",
            "recording-callback",
            "recording_callback_url",
            method="recording_callback_method",
            own=(*MPC_EVENT, *RECORDING_EVENT, "MemberID", "ParticipantCallUUID"),
            call_params=False,
        ),
        _route(
            "MultiPartyCall.onExitActionUrl",
            "exit-action",
            "on_exit_action_url",
            method="on_exit_action_method",
            document="answer",
            own=EXIT_ACTION,
        ),
        _route(
            "MultiPartyCall.waitMusicUrl", "wait-music", "wait_music_url", method="wait_music_method", document="sound"
        ),
        _route(
            "MultiPartyCall.agentHoldMusicUrl",
            "hold-music",
            "agent_hold_music_url",
            method="agent_hold_music_method",
            document="sound",
        ),
        _route(
            "MultiPartyCall.customerHoldMusicUrl",
            "hold-music",
            "customer_hold_music_url",
            method="customer_hold_music_method",
            document="sound",
        ),
        _route(
            "MultiPartyCall.enterSound",
            "enter-sound",
            "enter_sound",
            method="enter_sound_method",
            document="sound",
        ),
        _route(
            "MultiPartyCall.exitSound",
            "exit-sound",
            "exit_sound",
            method="exit_sound_method",
            document="sound",
        ),
    )
)


KEPT_BODY_BYTES = 64 << 10  # of each reply's body, what a request's record keeps (the whole is read for the document)


class AppResponse(NamedTuple):
    """What the app answered one request with (``HttpRequest.response``).

    ``status`` is its HTTP status; ``content_type`` its Content-Type header as
    sent (None: it sent none); ``body`` the first ``KEPT_BODY_BYTES`` (64 KiB)
    of its body; ``length`` the body's whole length in bytes, or None for a body
    over the XML reader's size limit (1 MiB), which is not read further. After
    HTTP redirects, it is the last reply's.
    """

    status: int
    content_type: str | None
    body: bytes
    length: int | None

    @property
    def truncated(self) -> bool:
        """Whether ``body`` holds less than the whole body."""
        return self.length is None or self.length > len(self.body)

    @property
    def text(self) -> str:
        """``body`` decoded as UTF-8, any undecodable byte as U+FFFD (a cut character too)."""
        return self.body.decode("utf-8", "replace")


class HttpRequest(NamedTuple):
    """One HTTP request the platform would send.

    ``at`` is the virtual time in seconds; ``params`` are the parameters with
    their exact names, every value a string (as on the wire: in the query string
    for GET, the form body for POST; ``url`` is the attribute's URL as written):
    the request's own, then, where ``ROUTES`` says so, the standard parameters of
    the call it concerns (``CALL_PARAMS``).
    ``kind`` says why the request was made and ``call`` names the call it was
    made for (``None`` for none). With an app (``Simulation(app=..., base_url=...)``),
    ``status`` and ``response`` keep what it answered (``AppResponse``: status,
    content type, the body's first 64 KiB and its length).
    """

    at: float
    method: str
    url: str
    params: dict[str, str]
    kind: RequestKind
    call: str | None
    seq: int  # position among everything recorded (requests and timeline events)
    status: int | None = None  # the HTTP status the app returned; None: no app answered it
    # what the app answered: None when no reply came (no app for the URL, a timeout, no
    # connection; or the app raised: then ``status`` is 500)
    response: AppResponse | None = None


class TimelineEvent(NamedTuple):
    """Something that happened that is not an HTTP request.

    ``kind`` is one of: answer, element, join, overflow, start, floor, leave, end,
    record, relay, sound, digits, ended, dial (a Dial ringing, connecting,
    ending), note; and for a MultiPartyCall, mpc (an
    MPC event, sent or not: its text starts with the EventName) and api (a REST
    API action taking effect); rest (what the REST API answered a scenario's
    ``[[rest]]`` entry: status and body). ``note`` events report input the
    platform ignored or handled in its own way (a missing document, digits from a
    caller outside any conference...).
    """

    at: float
    call: str | None
    kind: str
    text: str
    seq: int
