"""The choices the simulator makes where Plivo's documentation is silent.

docs/rules.md grades each rule [doc], [oss] or [inf]. Every rule graded [oss] or
[inf], and every point where sources disagree, is a named option here whose
default is what docs/rules.md gives, so a user can match what they see on the live
platform. MultiPartyCall has its own class, MpcOptions, below.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

import attrs

from ..elements._checks import Boolean, Choice, Integer, Pattern
from ..elements._values import METHOD
from ._settings import AT_LEAST_ZERO, POSITIVE, checked

__all__ = ["ConferenceOptions", "MpcOptions"]


_BOOL = checked(Boolean())
_TEXT = checked(Pattern(r"[^\x00]*", "a string", xml=False))
_DECIMAL = checked(Pattern(r"[0-9]+(\.[0-9]+)?", "a decimal string such as '0.05000'"))


def _one_of(*choices: str) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    return checked(Choice(*choices))


@attrs.frozen(kw_only=True)
class ConferenceOptions:
    """Named choices for the rules of docs/rules.md that are [oss] or [inf].

    Each attribute's comment names its rule; docs/simulation.md explains them.
    """

    # C2 [doc/oss]: the conference starts once a startConferenceOnEnter member is
    # present AND at least two members are in the room. False: a lone
    # startConferenceOnEnter member starts it (FreeSWITCH clears wait-mod then).
    start_requires_two: bool = attrs.field(default=True, validator=_BOOL)
    # C3 [oss]: when a conference ends under them, the remaining calls go on (action
    # URL or next element). False: they are hung up.
    remaining_calls_continue: bool = attrs.field(default=True, validator=_BOOL)
    # C4 [oss]: stayAlone=false applies once the room has held two members; a first
    # caller waiting alone is not removed. False: it applies at once.
    stay_alone_applies_after_two: bool = attrs.field(default=True, validator=_BOOL)
    # C5 [inf]: whose maxMembers caps the room: "first" (the member who created the
    # room: FreeSWITCH sets max-members when the conference is created) or
    # "joiner" (each caller's own maxMembers is checked when it joins).
    max_members_from: Literal["first", "joiner"] = attrs.field(default="first", validator=_one_of("first", "joiner"))
    # C5 [doc]: an overflowing caller makes no action request. True: plivoframework's
    # behaviour, the action URL is requested with an empty ConferenceMemberID.
    action_on_overflow: bool = attrs.field(default=False, validator=_BOOL)
    # C7 [inf]: timeLimit counts from the start of the conference ("start"; the
    # smallest timeLimit of the members that joined applies) or, as plivoframework
    # does, from the latest join, each join re-arming the room's timer with the
    # joiner's timeLimit ("last_join").
    time_limit_from: Literal["start", "last_join"] = attrs.field(
        default="start", validator=_one_of("start", "last_join")
    )
    # C7 [inf]: timeLimit=0 means no limit (older Plivo docs, plivoframework).
    time_limit_zero_is_unlimited: bool = attrs.field(default=True, validator=_BOOL)
    # C7 [inf]: digitsMatch collects a member's digits; a gap longer than this
    # (seconds) starts a new sequence, and a pattern that is also the start of a
    # longer one is reported once this long passes without another digit.
    dtmf_interdigit_timeout: float = attrs.field(default=1.5, validator=checked(POSITIVE))
    # C7 [oss]: digitsMatch is acted on only when the member has a callbackUrl
    # (plivoframework binds the patterns only then; without it the digits are relayed).
    digits_match_needs_callback: bool = attrs.field(default=True, validator=_BOOL)
    # C9 [inf]: seconds between the end of a recording and its transcription request.
    transcription_delay: float = attrs.field(default=0.0, validator=checked(AT_LEAST_ZERO))
    # C9 [inf]: the ``transcription`` parameter (the simulator cannot hear speech).
    transcription_text: str = attrs.field(default="", validator=_TEXT)
    # C9 [inf]: price per minute, as a decimal string, for transcription_rate and
    # transcription_charge (charge = rate x started minutes).
    transcription_rate: str = attrs.field(default="0.05000", validator=_DECIMAL)
    # C9 [inf]: the fake recording location; RecordUrl is this + RecordingID + "." + format.
    record_url_prefix: str = attrs.field(
        default="https://media.plivo.com/v1/Account/SIMULATION/Recording/", validator=_TEXT
    )
    # C10 [doc]: the method of enterSound/exitSound document fetches. No attribute
    # sets it; Plivo's Conference page says POST. GET: if the live platform differs.
    # I5 [inf]: the Dial's dialMusic fetch uses it too.
    sound_fetch_method: Literal["GET", "POST"] = attrs.field(default="POST", validator=checked(METHOD))
    # C2 [oss]: the method of the waitSound document fetch. No attribute sets it and
    # Plivo's docs are silent; plivoframework fetches remote sounds with POST.
    wait_sound_method: Literal["GET", "POST"] = attrs.field(default="POST", validator=checked(METHOD))
    # Requests [oss]: callbackUrl events carry the standard call parameters (From,
    # To, CallStatus...) besides their own, as plivoframework adds its session
    # parameters to every request; Plivo's docs list only the events' own. False:
    # only those.
    call_params_on_callbacks: bool = attrs.field(default=True, validator=_BOOL)
    # Requests [inf]: the transcriptionUrl request carries only its own (snake_case)
    # parameters, as documented; it is made apart from the call (often after it).
    # True: the standard call parameters of the recording member's call too.
    call_params_on_transcription: bool = attrs.field(default=False, validator=_BOOL)
    # Issue 4, §1 [inf]: a Redirect or action URL that returns no valid document:
    # False, the call goes on with its next element (reported in the notes);
    # True, the call hangs up.
    bad_document_ends_call: bool = attrs.field(default=False, validator=_BOOL)
    # I2 [inf]: what digitEndTimeout="auto" and speechEndTimeout="auto" wait, in
    # seconds (Plivo's pages say "auto" but not how long it is).
    digit_end_timeout_auto: float = attrs.field(default=5.0, validator=checked(POSITIVE))
    speech_end_timeout_auto: float = attrs.field(default=2.0, validator=checked(POSITIVE))
    # I2 [inf]: GetInput's BilledAmount for a phrase recognised (a decimal string;
    # keys cost nothing: "0.00000").
    speech_billed_amount: str = attrs.field(default="0.00000", validator=_DECIMAL)
    # I6 [inf]: TotalRate of a <Message> SMS, per unit (a decimal string); TotalAmount is
    # it times Units.
    sms_rate: str = attrs.field(default="0.00500", validator=_DECIMAL)
    # I5 [doc]: Dial's ring timeout when its timeout attribute is not set, seconds: 30,
    # the default Plivo's voice-agents call-control page documents (its Dial pages say
    # "no default value"; see rules.md, I5). 60 is plivoframework's, which leaves
    # FreeSWITCH's call_timeout [oss].
    dial_timeout: float = attrs.field(default=30.0, validator=checked(POSITIVE))
    # Guard [inf]: elements a call may run at one instant (a Redirect loop); past
    # it the call is hung up and a note says why.
    max_steps_per_instant: int = attrs.field(default=1000, validator=checked(Integer(1)))
    # Guard: with no ``until``, a run stops this many seconds after the time it
    # starts from (the first run: at t=horizon) even if calls are still up (a call
    # that never hangs up in a room without timeLimit).
    horizon: float = attrs.field(default=172800.0, validator=checked(POSITIVE))

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(field.name for field in attrs.fields(cls))


@attrs.frozen(kw_only=True)
class MpcOptions:
    """Named choices for the MultiPartyCall rules of docs/rules.md that are [oss] or [inf].

    Each attribute's comment names its rule; docs/simulation.md explains them.
    """

    # M5 [inf]: stayAlone=false ends the MPC once it has held two participants and
    # drops to one; a first participant alone is not put out. False: at once.
    stay_alone_applies_after_two: bool = attrs.field(default=True, validator=_BOOL)
    # M7 [inf]: ParticipantSpeakStart/Stop are sent only for a participant others can
    # hear (in a started MPC, not muted, not on hold). True: for any talk.
    speak_events_when_unheard: bool = attrs.field(default=False, validator=_BOOL)
    # M7 [inf]: MPCBilledAmount = this price per minute x minutes begun of MPCDuration
    # (a decimal string); MPCBilledDuration is those minutes, in seconds.
    billed_rate: str = attrs.field(default="0.00400", validator=_DECIMAL)
    # M7 [inf]: the fake recording location; RecordingURL is this + RecordingUUID + "." + format.
    recording_url_prefix: str = attrs.field(
        default="https://media.plivo.com/v1/Account/SIMULATION/Recording/", validator=_TEXT
    )
    # M7 [inf]: RecordingResourceURL is this + RecordingUUID + "/" (the REST resource).
    recording_resource_prefix: str = attrs.field(
        default="https://api.plivo.com/v1/Account/SIMULATION/Recording/", validator=_TEXT
    )
    # M4 [inf]: seconds an added participant's call rings before it answers (add_participant's default).
    add_participant_ring: float = attrs.field(default=5.0, validator=checked(AT_LEAST_ZERO))

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(field.name for field in attrs.fields(cls))
