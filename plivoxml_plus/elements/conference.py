"""``<Conference>``: puts the caller into a named conference room."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import attrs

from ._base import Element, attribute, content, xml_element
from ._checks import Choice, Integer
from ._values import BOOL, CONFERENCE_SOUND, DTMF_PATTERNS, FILE_FORMAT, METHOD, NAME, SEND_DIGITS, URL

__all__ = ["Conference"]

Method = Literal["GET", "POST"]


@xml_element("Conference")
@attrs.define(slots=False, repr=False)
class Conference(Element):
    """A caller's place in a conference room; the text content is the room name.

    Attributes not given are not written, so the platform default applies
    (``effective(name)`` reads it). Values are checked when given.
    """

    content: str = content(NAME)
    muted: bool | None = attribute(BOOL, default=False)
    enter_sound: str | None = attribute(CONFERENCE_SOUND, default="")
    exit_sound: str | None = attribute(CONFERENCE_SOUND, default="")
    start_conference_on_enter: bool | None = attribute(BOOL, default=True)
    end_conference_on_exit: bool | None = attribute(BOOL, default=False)
    stay_alone: bool | None = attribute(BOOL, default=True)
    wait_sound: str | None = attribute(URL)
    max_members: int | None = attribute(Integer(1, 20), default=20)
    record: bool | None = attribute(BOOL, default=False)
    record_file_format: Literal["mp3", "wav"] | None = attribute(FILE_FORMAT, default="mp3")
    time_limit: int | None = attribute(Integer(0), default=86400)
    hangup_on_star: bool | None = attribute(BOOL, default=False)
    action: str | None = attribute(URL)
    method: Method | None = attribute(METHOD, default="POST")
    callback_url: str | None = attribute(URL)
    callback_method: Method | None = attribute(METHOD, default="POST")
    digits_match: Sequence[str] | None = attribute(DTMF_PATTERNS)
    floor_event: bool | None = attribute(BOOL, default=False)
    redirect: bool | None = attribute(BOOL, default=True)
    relay_dtmf: bool | None = attribute(BOOL, default=True, xml="relayDTMF")
    send_digits: str | None = attribute(SEND_DIGITS)
    record_when_alone: bool | None = attribute(BOOL, default=False)
    transcription_type: Literal["auto", "hybrid", "manual"] | None = attribute(Choice("auto", "hybrid", "manual"))
    transcription_url: str | None = attribute(URL)
    transcription_method: Method | None = attribute(METHOD, default="POST")
