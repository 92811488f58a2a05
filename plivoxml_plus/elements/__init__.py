"""Layer 1: typed element classes that refuse invalid values and serialize through lxml."""

from ._base import AttributeSpec, Element
from .companions import Hangup, Play, Redirect, Speak, Wait
from .conference import Conference
from .multiparty import MultiPartyCall
from .response import ANSWER_CHILDREN, SOUND_CHILDREN, Response

ELEMENT_CLASSES: dict[str, type[Element]] = {
    cls.tag: cls for cls in (Response, Conference, MultiPartyCall, Play, Speak, Wait, Hangup, Redirect)
}

__all__ = [
    "ANSWER_CHILDREN",
    "ELEMENT_CLASSES",
    "SOUND_CHILDREN",
    "AttributeSpec",
    "Conference",
    "Element",
    "Hangup",
    "MultiPartyCall",
    "Play",
    "Redirect",
    "Response",
    "Speak",
    "Wait",
]
