"""The elements a conference flow needs around it: Play, Speak, Wait (what sound
URLs return), Hangup and Redirect (what usually follows a conference)."""

from __future__ import annotations

from typing import Literal

import attrs

from ._base import Element, attribute, content, xml_element
from ._checks import Choice, Integer
from ._values import BOOL, LANGUAGE, METHOD, TEXT, URL_TEXT, VOICE

__all__ = ["Hangup", "Play", "Redirect", "Speak", "Wait"]


@xml_element("Play")
@attrs.define(slots=False, repr=False)
class Play(Element):
    """Plays the audio file at a URL; ``loop=0`` repeats until the call moves on."""

    content: str = content(URL_TEXT)
    loop: int | None = attribute(Integer(0), default=1)


@xml_element("Speak")
@attrs.define(slots=False, repr=False)
class Speak(Element):
    """Speaks text; ``loop=0`` repeats until the call moves on."""

    content: str = content(TEXT)
    voice: str | None = attribute(VOICE, default="WOMAN")
    language: str | None = attribute(LANGUAGE, default="en-US")
    loop: int | None = attribute(Integer(0), default=1)


@xml_element("Wait")
@attrs.define(slots=False, repr=False)
class Wait(Element):
    """Waits ``length`` seconds (or, with ``silence``, until the caller is silent)."""

    length: int | None = attribute(Integer(1), default=1)
    silence: bool | None = attribute(BOOL, default=False)
    min_silence: int | None = attribute(Integer(1), default=2000)
    beep: bool | None = attribute(BOOL, default=False)


@xml_element("Hangup")
@attrs.define(slots=False, repr=False)
class Hangup(Element):
    """Ends the call, now or after ``schedule`` seconds."""

    reason: Literal["rejected", "busy"] | None = attribute(Choice("rejected", "busy"))
    schedule: int | None = attribute(Integer(1))


@xml_element("Redirect")
@attrs.define(slots=False, repr=False)
class Redirect(Element):
    """Fetches new XML from a URL and continues the call with it."""

    content: str = content(URL_TEXT)
    method: Literal["GET", "POST"] | None = attribute(METHOD, default="POST")
