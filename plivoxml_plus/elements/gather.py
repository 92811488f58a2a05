"""``<GetDigits>`` and ``<GetInput>``: collect what the caller presses (or says)
while the prompts they hold play, and send it to ``action``."""

from __future__ import annotations

from typing import Literal

import attrs

from ._base import Element, adder, attribute, child_list, xml_element
from ._checks import Choice, Integer, OrWords, Pattern
from ._values import BOOL, DIGIT_KEYS, LANGUAGE, METHOD, TEXT, URL
from .companions import Play, Speak, Wait

__all__ = ["PROMPT_CHILDREN", "GetDigits", "GetInput"]

Method = Literal["GET", "POST"]
# What GetDigits and GetInput play while they listen.
PROMPT_CHILDREN = ("Speak", "Play", "Wait")

FINISH_KEY = Pattern(r"[0-9*#]?|none", "one key (0-9, * or #), or '' or 'none' for none")
INPUT_TYPE = Choice("dtmf", "speech", "dtmf speech")
SPEECH_MODEL = Choice("default", "command_and_search", "phone_call")
# "auto", or seconds (GetInput's digitEndTimeout and speechEndTimeout)
END_TIMEOUT = OrWords(Integer(2, 10), "auto")


@xml_element("GetDigits", children=PROMPT_CHILDREN)
@attrs.define(slots=False, repr=False)
class GetDigits(Element):
    """Plays its prompts and collects the keys the caller presses."""

    action: str | None = attribute(URL)
    method: Method | None = attribute(METHOD, default="POST")
    timeout: int | None = attribute(Integer(1), default=5)
    digit_timeout: int | None = attribute(Integer(1), default=2)
    finish_on_key: str | None = attribute(FINISH_KEY, default="#")
    num_digits: int | None = attribute(Integer(1), default=99)
    retries: int | None = attribute(Integer(1), default=1)
    redirect: bool | None = attribute(BOOL, default=True)
    play_beep: bool | None = attribute(BOOL, default=False)
    valid_digits: str | None = attribute(DIGIT_KEYS, default="1234567890*#")
    invalid_digits_sound: str | None = attribute(URL)
    log: bool | None = attribute(BOOL, default=True)
    children: list[Element] = child_list()

    add_play = adder(Play, "add_play")
    add_speak = adder(Speak, "add_speak")
    add_wait = adder(Wait, "add_wait")


@xml_element("GetInput", children=PROMPT_CHILDREN)
@attrs.define(slots=False, repr=False)
class GetInput(Element):
    """Plays its prompts and collects keys (``dtmf``), speech (``speech``) or both."""

    action: str | None = attribute(URL)
    method: Method | None = attribute(METHOD, default="POST")
    input_type: Literal["dtmf", "speech", "dtmf speech"] | None = attribute(INPUT_TYPE)
    execution_timeout: int | None = attribute(Integer(5, 60), default=15)
    digit_end_timeout: int | str | None = attribute(END_TIMEOUT, default="auto")
    speech_end_timeout: int | str | None = attribute(END_TIMEOUT, default="auto")
    finish_on_key: str | None = attribute(FINISH_KEY, default="#")
    num_digits: int | None = attribute(Integer(1, 32), default=32)
    speech_model: Literal["default", "command_and_search", "phone_call"] | None = attribute(
        SPEECH_MODEL, default="default"
    )
    hints: str | None = attribute(TEXT)
    language: str | None = attribute(LANGUAGE, default="en-US")
    interim_speech_results_callback: str | None = attribute(URL)
    interim_speech_results_callback_method: Method | None = attribute(METHOD, default="POST")
    log: bool | None = attribute(BOOL, default=True)
    redirect: bool | None = attribute(BOOL, default=True)
    profanity_filter: bool | None = attribute(BOOL, default=False)
    children: list[Element] = child_list()

    add_play = adder(Play, "add_play")
    add_speak = adder(Speak, "add_speak")
    add_wait = adder(Wait, "add_wait")
