"""``<PreAnswer>``: what the caller hears before the call is answered (early media),
so a prompt can play without the call being billed as answered."""

from __future__ import annotations

import attrs

from ._base import Element, adder, child_list, xml_element
from .companions import Play, Redirect, Speak, Wait
from .gather import GetDigits
from .signals import DTMF, Message

__all__ = ["PREANSWER_CHILDREN", "PreAnswer"]

PREANSWER_CHILDREN = ("Speak", "Play", "Wait", "GetDigits", "Redirect", "Message", "DTMF")


@xml_element("PreAnswer", children=PREANSWER_CHILDREN)
@attrs.define(slots=False, repr=False)
class PreAnswer(Element):
    """Runs its children before the call is answered; no attributes."""

    children: list[Element] = child_list()

    add_speak = adder(Speak, "add_speak")
    add_play = adder(Play, "add_play")
    add_wait = adder(Wait, "add_wait")
    add_get_digits = adder(GetDigits, "add_get_digits")
    add_redirect = adder(Redirect, "add_redirect")
    add_message = adder(Message, "add_message")
    add_dtmf = adder(DTMF, "add_dtmf")
