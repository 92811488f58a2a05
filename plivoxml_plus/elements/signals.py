"""What a call sends out besides its voice: ``<DTMF>`` keys, a ``<Message>`` (SMS)
and a ``<Stream>`` of its audio to a WebSocket."""

from __future__ import annotations

from typing import Literal

import attrs

from ._base import Element, attribute, content, xml_element
from ._checks import Choice, Integer
from ._values import (
    BOOL,
    EXTRA_HEADERS,
    MESSAGE_DESTINATIONS,
    METHOD,
    PHONE_NUMBER,
    SEND_DIGITS,
    STREAM_URL,
    TEXT,
    URL,
)

__all__ = ["DTMF", "Message", "Stream"]

Method = Literal["GET", "POST"]

STREAM_CONTENT_TYPE = Choice("audio/x-l16;rate=8000", "audio/x-l16;rate=16000", "audio/x-mulaw;rate=8000")


@xml_element("DTMF")
@attrs.define(slots=False, repr=False)
class DTMF(Element):
    """Sends keys (``w``/``W``: a half-second / one-second pause) on the call."""

    content: str = content(SEND_DIGITS)
    async_: bool | None = attribute(BOOL, default=True, xml="async")


@xml_element("Message")
@attrs.define(slots=False, repr=False)
class Message(Element):
    """Sends an SMS whose text is the content."""

    content: str = content(TEXT)
    src: str | None = attribute(PHONE_NUMBER)
    dst: str | None = attribute(MESSAGE_DESTINATIONS)
    type: Literal["sms"] | None = attribute(Choice("sms"), default="sms")
    callback_url: str | None = attribute(URL)
    callback_method: Method | None = attribute(METHOD, default="POST")


@xml_element("Stream")
@attrs.define(slots=False, repr=False)
class Stream(Element):
    """Streams the call's audio to the WebSocket URL that is the content.
    (Its attributes are named as plivo-python names them, and as the XML does:
    ``audioTrack``, ``keepCallAlive``...)"""

    content: str = content(STREAM_URL)
    bidirectional: bool | None = attribute(BOOL, default=False)
    audioTrack: Literal["inbound", "outbound", "both"] | None = attribute(
        Choice("inbound", "outbound", "both"), default="inbound"
    )
    streamTimeout: int | None = attribute(Integer(1), default=86400)
    statusCallbackUrl: str | None = attribute(URL)
    statusCallbackMethod: Method | None = attribute(METHOD, default="POST")
    contentType: str | None = attribute(STREAM_CONTENT_TYPE, default="audio/x-l16;rate=8000")
    extraHeaders: str | None = attribute(EXTRA_HEADERS)
    keepCallAlive: bool | None = attribute(BOOL, default=False)
