"""The elements a call flow is made of around its rooms: Play, Speak, Wait (what
sound URLs return, and what GetDigits, GetInput and PreAnswer hold), Hangup and
Redirect."""

from __future__ import annotations

from typing import Literal

import attrs

from ._base import Element, adder, attribute, child_list, content, optional_content, xml_element
from ._checks import Choice, Integer
from ._values import BOOL, LANGUAGE, METHOD, SPEECH, URL_TEXT, VOICE
from .ssml import SPEAK_SSML, SPEAK_TEXT, Break, Cont, Emphasis, Lang, P, Phoneme, Prosody, S, SayAs, Sub, Text, W

__all__ = ["Hangup", "Play", "Redirect", "Speak", "Wait"]


@xml_element("Play")
@attrs.define(slots=False, repr=False)
class Play(Element):
    """Plays the audio file at a URL; ``loop=0`` repeats until the call moves on."""

    content: str = content(URL_TEXT)
    loop: int | None = attribute(Integer(0), default=1)


@xml_element("Speak", children=SPEAK_SSML, text=SPEAK_TEXT)
@attrs.define(slots=False, repr=False)
class Speak(Element):
    """Speaks text; ``loop=0`` repeats until the call moves on. SSML elements
    (``add_break()``, ``add_prosody()``...) say how, with a Polly voice; the text
    may then be left out (``Speak(voice='Polly.Amy').add_s('Hello')``). Text after an
    SSML element is a Text child (``add_text()``), written as given."""

    content: str | None = optional_content(SPEECH)
    voice: str | None = attribute(VOICE, default="WOMAN")
    language: str | None = attribute(LANGUAGE, default="en-US")
    loop: int | None = attribute(Integer(0), default=1)
    children: list[Element] = child_list()

    add_break = adder(Break, "add_break")
    add_cont = adder(Cont, "add_cont")
    add_emphasis = adder(Emphasis, "add_emphasis")
    add_lang = adder(Lang, "add_lang")
    add_p = adder(P, "add_p")
    add_phoneme = adder(Phoneme, "add_phoneme")
    add_prosody = adder(Prosody, "add_prosody")
    add_s = adder(S, "add_s")
    add_say_as = adder(SayAs, "add_say_as")
    add_sub = adder(Sub, "add_sub")
    add_text = adder(Text, "add_text")
    add_w = adder(W, "add_w")


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
