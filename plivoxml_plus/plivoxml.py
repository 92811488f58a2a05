"""Drop-in for plivo-python's ``plivoxml`` module: every element class of
plivo-python 4.63, under its name.

Replace ``from plivo import plivoxml`` with ``from plivoxml_plus import plivoxml``:
the class names, constructor arguments (in the same order, with the same
keywords), ``add()``, the ``add_*()`` helpers and the chained ``set_*()`` methods
are the same, but every value is checked when it is given. docs/migration.md
lists every difference.
"""

from __future__ import annotations

from ._errors import PlivoXMLPlusError, ValidationError
from .elements import (
    DTMF,
    Break,
    Conference,
    Cont,
    Dial,
    Element,
    Emphasis,
    GetDigits,
    GetInput,
    Hangup,
    Lang,
    Message,
    MultiPartyCall,
    Number,
    P,
    Phoneme,
    Play,
    PreAnswer,
    Prosody,
    Record,
    Redirect,
    Response,
    S,
    SayAs,
    Speak,
    Stream,
    Sub,
    Text,
    User,
    W,
    Wait,
)

ResponseElement = Response
ConferenceElement = Conference
MultiPartyCallElement = MultiPartyCall
DialElement = Dial
NumberElement = Number
UserElement = User
GetDigitsElement = GetDigits
GetInputElement = GetInput
HangupElement = Hangup
MessageElement = Message
PlayElement = Play
PreAnswerElement = PreAnswer
RecordElement = Record
RedirectElement = Redirect
SpeakElement = Speak
WaitElement = Wait
DTMFElement = DTMF
StreamElement = Stream
BreakElement = Break
ContElement = Cont
EmphasisElement = Emphasis
LangElement = Lang
PElement = P
PhonemeElement = Phoneme
ProsodyElement = Prosody
SElement = S
SayAsElement = SayAs
SubElement = Sub
TextElement = Text  # text after an SSML element, as written (plivo-python has only ContElement)
WElement = W
PlivoXMLElement = Element
# plivo-python raises plivo.exceptions.PlivoXMLError; code catching it here keeps working.
PlivoXMLError = PlivoXMLPlusError

__all__ = [
    "BreakElement",
    "ConferenceElement",
    "ContElement",
    "DTMFElement",
    "DialElement",
    "EmphasisElement",
    "GetDigitsElement",
    "GetInputElement",
    "HangupElement",
    "LangElement",
    "MessageElement",
    "MultiPartyCallElement",
    "NumberElement",
    "PElement",
    "PhonemeElement",
    "PlayElement",
    "PlivoXMLElement",
    "PlivoXMLError",
    "PreAnswerElement",
    "ProsodyElement",
    "RecordElement",
    "RedirectElement",
    "ResponseElement",
    "SElement",
    "SayAsElement",
    "SpeakElement",
    "StreamElement",
    "SubElement",
    "TextElement",
    "UserElement",
    "ValidationError",
    "WElement",
    "WaitElement",
]
