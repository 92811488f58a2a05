"""``<Record>``: records the caller (or the whole call) and sends the recording's URL."""

from __future__ import annotations

from typing import Literal

import attrs

from ._base import Element, attribute, xml_element
from ._checks import Choice, Integer, Pattern
from ._values import BOOL, FILE_FORMAT, METHOD, URL

__all__ = ["Record"]

Method = Literal["GET", "POST"]

# (Plivo's current Record page: default "#"; its older page and plivoframework: "1234567890*#")
RECORD_FINISH_KEYS = Pattern(r"[0-9*#]*|none", "keys from 0-9, * and #, or '' or 'none' for none")


@xml_element("Record")
@attrs.define(slots=False, repr=False)
class Record(Element):
    """Records for up to ``max_length`` seconds, until ``timeout`` seconds of
    silence or a ``finish_on_key`` key; with ``record_session``, the whole call
    from here on, in the background."""

    action: str | None = attribute(URL)
    method: Method | None = attribute(METHOD, default="POST")
    file_format: Literal["mp3", "wav"] | None = attribute(FILE_FORMAT, default="mp3")
    redirect: bool | None = attribute(BOOL, default=True)
    timeout: int | None = attribute(Integer(1), default=15)
    # "integer greater than 1" (Plivo's Record page, current and legacy)
    max_length: int | None = attribute(Integer(2), default=60)
    play_beep: bool | None = attribute(BOOL, default=True)
    finish_on_key: str | None = attribute(RECORD_FINISH_KEYS, default="#")
    record_session: bool | None = attribute(BOOL, default=False)
    start_on_dial_answer: bool | None = attribute(BOOL, default=False)
    # auto (current Record page), hybrid (legacy page); "manual" is Conference's only
    transcription_type: Literal["auto", "hybrid"] | None = attribute(Choice("auto", "hybrid"), default="auto")
    transcription_url: str | None = attribute(URL)
    transcription_method: Method | None = attribute(METHOD, default="POST")
    transcription_report_type: Literal["full", "compact"] | None = attribute(
        Choice("full", "compact"), default="compact"
    )
    callback_url: str | None = attribute(URL)
    callback_method: Method | None = attribute(METHOD, default="POST")
    record_channel_type: Literal["mono", "stereo"] | None = attribute(Choice("mono", "stereo"), default="stereo")
