"""The choices the simulator makes where Plivo's documentation is silent.

BEHAVIOUR.md grades each rule [doc], [oss] or [inf]. Every rule graded [oss] or
[inf], and every point where sources disagree, is a named option here whose
default is what BEHAVIOUR.md gives, so a user can match what they see on the live
platform. (A MultiPartyCall model will get its own options class beside this one.)
"""

from __future__ import annotations

import math
import re
from typing import Any, Literal

import attrs

__all__ = ["ConferenceOptions"]


def _bool(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, bool):
        raise ValueError(f"ConferenceOptions.{attribute.name} must be true or false, not {value!r}")


def _one_of(*choices: str) -> Any:
    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value not in choices:
            listed = ", ".join(repr(c) for c in choices)
            raise ValueError(f"ConferenceOptions.{attribute.name} must be one of {listed}, not {value!r}")

    return check


def _seconds(minimum: float) -> Any:
    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
            or value < minimum
        ):
            raise ValueError(
                f"ConferenceOptions.{attribute.name} must be a number of seconds >= {minimum}, not {value!r}"
            )

    return check


def _count(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"ConferenceOptions.{attribute.name} must be an integer >= 1, not {value!r}")


def _text(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str):
        raise ValueError(f"ConferenceOptions.{attribute.name} must be a string, not {value!r}")


def _decimal(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or re.fullmatch(r"[0-9]+(\.[0-9]+)?", value) is None:
        raise ValueError(
            f"ConferenceOptions.{attribute.name} must be a decimal string such as '0.05000', not {value!r}"
        )


@attrs.frozen(kw_only=True)
class ConferenceOptions:
    """Named choices for the rules of BEHAVIOUR.md that are [oss] or [inf].

    Each attribute's comment names its rule; docs/simulation.md explains them.
    """

    # C2 [doc/oss]: the conference starts once a startConferenceOnEnter member is
    # present AND at least two members are in the room. False: a lone
    # startConferenceOnEnter member starts it (FreeSWITCH clears wait-mod then).
    start_requires_two: bool = attrs.field(default=True, validator=_bool)
    # C3 [oss]: when a conference ends under them, the remaining calls go on (action
    # URL or next element). False: they are hung up.
    remaining_calls_continue: bool = attrs.field(default=True, validator=_bool)
    # C4 [oss]: stayAlone=false applies once the room has held two members; a first
    # caller waiting alone is not removed. False: it applies at once.
    stay_alone_applies_after_two: bool = attrs.field(default=True, validator=_bool)
    # C5 [inf]: whose maxMembers caps the room: "first" (the member who created the
    # room: FreeSWITCH sets max-members when the conference is created) or
    # "joiner" (each caller's own maxMembers is checked when it joins).
    max_members_from: Literal["first", "joiner"] = attrs.field(default="first", validator=_one_of("first", "joiner"))
    # C5 [doc]: an overflowing caller makes no action request. True: plivoframework's
    # behaviour, the action URL is requested with an empty ConferenceMemberID.
    action_on_overflow: bool = attrs.field(default=False, validator=_bool)
    # C7 [inf]: timeLimit counts from the start of the conference ("start"; the
    # smallest timeLimit of the members that joined applies) or, as plivoframework
    # does, from the latest join, each join re-arming the room's timer with the
    # joiner's timeLimit ("last_join").
    time_limit_from: Literal["start", "last_join"] = attrs.field(
        default="start", validator=_one_of("start", "last_join")
    )
    # C7 [inf]: timeLimit=0 means no limit (older Plivo docs, plivoframework).
    time_limit_zero_is_unlimited: bool = attrs.field(default=True, validator=_bool)
    # C7 [inf]: digitsMatch collects a member's digits; a gap longer than this
    # (seconds) starts a new sequence, and a pattern that is also the start of a
    # longer one is reported once this long passes without another digit.
    dtmf_interdigit_timeout: float = attrs.field(default=1.5, validator=_seconds(0.001))
    # C7 [oss]: digitsMatch is acted on only when the member has a callbackUrl
    # (plivoframework binds the patterns only then; without it the digits are relayed).
    digits_match_needs_callback: bool = attrs.field(default=True, validator=_bool)
    # C9 [inf]: seconds between the end of a recording and its transcription request.
    transcription_delay: float = attrs.field(default=0.0, validator=_seconds(0))
    # C9 [inf]: the ``transcription`` parameter (the simulator cannot hear speech).
    transcription_text: str = attrs.field(default="", validator=_text)
    # C9 [inf]: price per minute, as a decimal string, for transcription_rate and
    # transcription_charge (charge = rate x started minutes).
    transcription_rate: str = attrs.field(default="0.05000", validator=_decimal)
    # C9 [inf]: the fake recording location; RecordUrl is this + RecordingID + "." + format.
    record_url_prefix: str = attrs.field(
        default="https://media.plivo.com/v1/Account/SIMULATION/Recording/", validator=_text
    )
    # C2, C10 [inf]: the method of document fetches for waitSound, enterSound and
    # exitSound URLs (no Conference attribute sets it).
    sound_fetch_method: Literal["GET", "POST"] = attrs.field(default="GET", validator=_one_of("GET", "POST"))
    # Issue 4, §1 [inf]: a Redirect or action URL that returns no valid document:
    # False, the call goes on with its next element (reported in the notes);
    # True, the call hangs up.
    bad_document_ends_call: bool = attrs.field(default=False, validator=_bool)
    # Guard [inf]: elements a call may run at one instant (a Redirect loop); past
    # it the call is hung up and a note says why.
    max_steps_per_instant: int = attrs.field(default=1000, validator=_count)
    # Guard: with no ``until``, a run stops at this virtual time (seconds) even if
    # calls are still up (a call that never hangs up in a room without timeLimit).
    horizon: float = attrs.field(default=172800.0, validator=_seconds(0.001))

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(field.name for field in attrs.fields(cls))
