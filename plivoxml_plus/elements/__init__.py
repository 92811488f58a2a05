"""Layer 1: typed element classes that refuse invalid values and serialize through lxml."""

from ._base import AttributeSpec, Element
from .companions import Hangup, Play, Redirect, Speak, Wait
from .conference import Conference
from .dial import Dial, Number, User
from .gather import GetDigits, GetInput
from .multiparty import MultiPartyCall
from .preanswer import PreAnswer
from .record import Record
from .response import ANSWER_CHILDREN, SOUND_CHILDREN, Response
from .signals import DTMF, Message, Stream
from .ssml import Break, Cont, Emphasis, Lang, P, Phoneme, Prosody, S, SayAs, Sub, Text, W

# Every element of Plivo XML, by tag (Cont and Text are not: text written into their container).
ELEMENT_CLASSES: dict[str, type[Element]] = {
    cls.tag: cls
    for cls in (
        Response, Conference, MultiPartyCall, Dial, Number, User, GetDigits, GetInput, Hangup, Message, Play,
        PreAnswer, Record, Redirect, Speak, Wait, DTMF, Stream,
        Break, Emphasis, Lang, P, Phoneme, Prosody, S, SayAs, Sub, W,
    )
}  # fmt: skip

__all__ = [
    "ANSWER_CHILDREN",
    "DTMF",
    "ELEMENT_CLASSES",
    "SOUND_CHILDREN",
    "AttributeSpec",
    "Break",
    "Conference",
    "Cont",
    "Dial",
    "Element",
    "Emphasis",
    "GetDigits",
    "GetInput",
    "Hangup",
    "Lang",
    "Message",
    "MultiPartyCall",
    "Number",
    "P",
    "Phoneme",
    "Play",
    "PreAnswer",
    "Prosody",
    "Record",
    "Redirect",
    "Response",
    "S",
    "SayAs",
    "Speak",
    "Stream",
    "Sub",
    "Text",
    "User",
    "W",
    "Wait",
]
