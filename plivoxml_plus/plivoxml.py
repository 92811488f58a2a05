"""Drop-in for plivo-python's ``plivoxml`` module, for the conferencing elements.

Replace ``from plivo import plivoxml`` with ``from plivoxml_plus import plivoxml``:
the class names, constructor keywords, ``add()``, ``add_*()`` and chained
``set_*()`` methods are the same, but every value is checked when it is given.
docs/migration.md lists what plivo-python accepted that this module refuses.
"""

from __future__ import annotations

from ._errors import PlivoXMLPlusError, ValidationError
from .elements import Conference, Element, Hangup, MultiPartyCall, Play, Redirect, Response, Speak, Wait

ResponseElement = Response
ConferenceElement = Conference
MultiPartyCallElement = MultiPartyCall
PlayElement = Play
SpeakElement = Speak
WaitElement = Wait
HangupElement = Hangup
RedirectElement = Redirect
PlivoXMLElement = Element
# plivo-python raises plivo.exceptions.PlivoXMLError; code catching it here keeps working.
PlivoXMLError = PlivoXMLPlusError

__all__ = [
    "ConferenceElement",
    "HangupElement",
    "MultiPartyCallElement",
    "PlayElement",
    "PlivoXMLElement",
    "PlivoXMLError",
    "RedirectElement",
    "ResponseElement",
    "SpeakElement",
    "ValidationError",
    "WaitElement",
]
