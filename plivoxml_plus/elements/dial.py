"""``<Dial>``: calls one or more numbers or SIP users and bridges the caller to
the first who answers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import attrs

from ._base import Element, adder, attribute, child_list, content, xml_element
from ._checks import Choice, Integer, OrWords, Text
from ._values import (
    BOOL,
    DTMF_PATTERNS,
    METHOD,
    ONE_KEY,
    PHONE_NUMBER,
    SEND_DIGITS,
    SIP_HEADERS,
    SIP_URI,
    URL,
)

__all__ = ["Dial", "Number", "User"]

Method = Literal["GET", "POST"]

# "Any string, maximum of 50 characters" (Plivo's Dial page)
CALLER_NAME = Text("a non-blank name of at most 50 characters", maximum=50)
DIAL_MUSIC = OrWords(URL, "real")  # "real": the caller hears the real ringing; else a URL returning sound XML


@xml_element("Number")
@attrs.define(slots=False, repr=False)
class Number(Element):
    """A phone number to dial (only inside ``<Dial>``)."""

    content: str = content(PHONE_NUMBER)
    send_digits: str | None = attribute(SEND_DIGITS)
    send_on_preanswer: bool | None = attribute(BOOL, default=False)
    # rfc2833: the digits as RFC 2833 telephone events instead of in-band tones
    send_digits_mode: Literal["rfc2833"] | None = attribute(Choice("rfc2833"))


@xml_element("User")
@attrs.define(slots=False, repr=False)
class User(Element):
    """A SIP endpoint to dial (only inside ``<Dial>``)."""

    content: str = content(SIP_URI)
    send_digits: str | None = attribute(SEND_DIGITS)
    send_on_preanswer: bool | None = attribute(BOOL, default=False)
    sip_headers: str | None = attribute(SIP_HEADERS)


@xml_element("Dial", children=("Number", "User"))
@attrs.define(slots=False, repr=False)
class Dial(Element):
    """Dials its Numbers and Users at once; the first to answer is bridged to the
    caller, the others are cancelled."""

    action: str | None = attribute(URL)
    method: Method | None = attribute(METHOD, default="POST")
    hangup_on_star: bool | None = attribute(BOOL, default=False)
    time_limit: int | None = attribute(Integer(1), default=14400)
    timeout: int | None = attribute(Integer(1))
    caller_id: str | None = attribute(PHONE_NUMBER)
    caller_name: str | None = attribute(CALLER_NAME)
    confirm_sound: str | None = attribute(URL)
    confirm_timeout: int | None = attribute(Integer(1), default=120)
    confirm_key: str | None = attribute(ONE_KEY)
    dial_music: str | None = attribute(DIAL_MUSIC)
    callback_url: str | None = attribute(URL)
    callback_method: Method | None = attribute(METHOD, default="POST")
    redirect: bool | None = attribute(BOOL, default=True)
    digits_match: Sequence[str] | None = attribute(DTMF_PATTERNS)
    digits_match_b_leg: Sequence[str] | None = attribute(DTMF_PATTERNS, xml="digitsMatchBLeg")
    sip_headers: str | None = attribute(SIP_HEADERS)
    children: list[Element] = child_list()

    add_number = adder(Number, "add_number")
    add_user = adder(User, "add_user")
