"""The SSML elements a ``<Speak>`` may hold (Amazon Polly voices): how text is said.

Each is a small element class like the others. Their tags are SSML's (lower case,
``say-as``); the Python classes are named as plivo-python names them, without its
``Element`` suffix.

Speak and the SSML containers have mixed content: text before, between and after
their children. The text before is the container's ``content``; each text after a
child is a :class:`Text` child, written exactly as given (``P('Hello ')
.add_emphasis('world').add_text(', how are you?')`` is ``<p>Hello
<emphasis>world</emphasis>, how are you?</p>``). ``Cont`` is plivo-python's way to
continue the text after an SSML element (``Speak('Hi').add_break(time='1s')
.add_cont('there')`` says "Hi", pauses, says "there"), written as that text between
spaces, as plivo-python writes it. Neither is an element of the document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import attrs
from lxml import etree

from ._base import Element, adder, attribute, child_list, content, helper_name, optional_content, xml_element
from ._checks import Choice, Pattern
from ._values import LANGUAGE, SPOKEN, TEXT

__all__ = [
    "MIXED", "SPEAK_SSML", "SPEAK_TEXT", "SSML_CLASSES", "Break", "Cont", "Emphasis", "Lang", "P", "Phoneme",
    "Prosody", "S", "SayAs", "Sub", "Text", "W", "install_helpers",
]  # fmt: skip

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"  # xml:lang, as lxml names it

# What each SSML container may hold (Amazon Polly's nesting, as plivo-python checks it).
_INLINE = ("break", "emphasis", "lang", "phoneme", "prosody", "say-as", "sub", "w")
SPEAK_SSML = ("break", "emphasis", "lang", "p", "phoneme", "prosody", "s", "say-as", "sub", "w")
# The text after an element: every container of text may hold a Text (mixed content, as
# the XSD declares it); Speak and Cont also a Cont, as in plivo-python.
MIXED = ("text",)
SPEAK_TEXT = ("cont", "text")

BREAK_STRENGTH = Choice("none", "x-weak", "weak", "medium", "strong", "x-strong")
BREAK_TIME = Pattern(r"[0-9]{1,5}(ms|s)", "a duration such as '250ms' or '2s'")
EMPHASIS_LEVEL = Choice("strong", "moderate", "reduced")
PHONETIC_ALPHABET = Choice("ipa", "x-sampa")
VOLUME = Pattern(
    r"default|silent|x-soft|soft|medium|loud|x-loud|[+\-][0-9]{1,2}(\.[0-9]+)?dB",
    "default, silent, x-soft, soft, medium, loud, x-loud, or a change in decibels such as '+6dB'",
)
RATE = Pattern(
    r"x-slow|slow|medium|fast|x-fast|[0-9]{1,3}%", "x-slow, slow, medium, fast, x-fast, or a percentage such as '80%'"
)
PITCH = Pattern(
    r"default|x-low|low|medium|high|x-high|[+\-][0-9]{1,3}(\.[0-9]+)?%",
    "default, x-low, low, medium, high, x-high, or a relative change such as '+10%'",
)
INTERPRET_AS = Choice(
    "characters", "spell-out", "cardinal", "number", "ordinal", "digits", "fraction", "unit", "date", "time",
    "address", "expletive", "telephone",
)  # fmt: skip
DATE_FORMAT = Choice("mdy", "dmy", "ymd", "md", "dm", "ym", "my", "d", "m", "y", "yyyymmdd")
WORD_ROLE = Pattern(r"[a-z]+:[A-Za-z0-9_]+", "a prefixed word role such as 'amazon:VB' or 'amazon:SENSE_1'")


@xml_element("break")
@attrs.define(slots=False, repr=False)
class Break(Element):
    """A pause: by ``strength``, or for ``time`` (``'250ms'``, ``'2s'``)."""

    strength: Literal["none", "x-weak", "weak", "medium", "strong", "x-strong"] | None = attribute(
        BREAK_STRENGTH, default="medium"
    )
    time: str | None = attribute(BREAK_TIME)


@xml_element("phoneme")
@attrs.define(slots=False, repr=False)
class Phoneme(Element):
    """Text said as the phonetic spelling ``ph`` in ``alphabet``."""

    content: str = content(TEXT)
    alphabet: Literal["ipa", "x-sampa"] | None = attribute(PHONETIC_ALPHABET)
    ph: str | None = attribute(TEXT)


@xml_element("say-as")
@attrs.define(slots=False, repr=False)
class SayAs(Element):
    """Text said as a kind of value (``interpret_as``: digits, date, telephone...)."""

    content: str = content(TEXT)
    interpret_as: str | None = attribute(INTERPRET_AS, xml="interpret-as")
    format: str | None = attribute(DATE_FORMAT)


@xml_element("sub")
@attrs.define(slots=False, repr=False)
class Sub(Element):
    """Text said as ``alias`` (``W3C`` said as "World Wide Web Consortium")."""

    content: str = content(TEXT)
    alias: str | None = attribute(TEXT)


@xml_element("text")
@attrs.define(slots=False, repr=False)
class Text(Element):
    """Text after an SSML element in its container, written exactly as given (spaces
    included: ``", how are you?"`` follows the element with no space between). Blank
    text is refused: between elements it is formatting (what pretty printing writes),
    and ``parse`` does not keep it."""

    content: str = content(SPOKEN)

    def to_element(self, parent: etree._Element | None = None) -> etree._Element:
        if parent is None:  # on its own it is only text: shown as a <text> element
            return super().to_element(None)
        _append_text(parent, self.__dict__["content"])
        return parent


@xml_element("w", children=("break", "emphasis", "phoneme", "prosody", "say-as", "sub"), text=MIXED)
@attrs.define(slots=False, repr=False)
class W(Element):
    """A word said in the sense ``role`` gives it (``amazon:VB``: the verb)."""

    content: str | None = optional_content(SPOKEN)
    role: str | None = attribute(WORD_ROLE)
    children: list[Element] = child_list()

    if TYPE_CHECKING:  # (installed below, once every class exists: the nesting is recursive)
        add_break = adder(Break, "add_break")
        add_emphasis = adder(Emphasis, "add_emphasis")  # noqa: F821 (defined below)
        add_phoneme = adder(Phoneme, "add_phoneme")
        add_prosody = adder(Prosody, "add_prosody")  # noqa: F821 (defined below)
        add_say_as = adder(SayAs, "add_say_as")
        add_sub = adder(Sub, "add_sub")
        add_text = adder(Text, "add_text")


@xml_element("emphasis", children=_INLINE, text=MIXED)
@attrs.define(slots=False, repr=False)
class Emphasis(Element):
    """Text said with emphasis ``level``."""

    content: str | None = optional_content(SPOKEN)
    level: Literal["strong", "moderate", "reduced"] | None = attribute(EMPHASIS_LEVEL, default="moderate")
    children: list[Element] = child_list()

    if TYPE_CHECKING:  # (installed below)
        add_break = adder(Break, "add_break")
        add_emphasis = adder(Emphasis, "add_emphasis")  # noqa: F821 (defined below)
        add_lang = adder(Lang, "add_lang")  # noqa: F821 (defined below)
        add_phoneme = adder(Phoneme, "add_phoneme")
        add_prosody = adder(Prosody, "add_prosody")  # noqa: F821 (defined below)
        add_say_as = adder(SayAs, "add_say_as")
        add_sub = adder(Sub, "add_sub")
        add_text = adder(Text, "add_text")
        add_w = adder(W, "add_w")


@xml_element("prosody", children=(*_INLINE, "p", "s"), text=MIXED)
@attrs.define(slots=False, repr=False)
class Prosody(Element):
    """Text said at a ``volume``, ``rate`` and ``pitch``."""

    content: str | None = optional_content(SPOKEN)
    volume: str | None = attribute(VOLUME)
    rate: str | None = attribute(RATE)
    pitch: str | None = attribute(PITCH)
    children: list[Element] = child_list()

    if TYPE_CHECKING:  # (installed below)
        add_break = adder(Break, "add_break")
        add_emphasis = adder(Emphasis, "add_emphasis")
        add_lang = adder(Lang, "add_lang")  # noqa: F821 (defined below)
        add_phoneme = adder(Phoneme, "add_phoneme")
        add_prosody = adder(Prosody, "add_prosody")  # noqa: F821 (defined below)
        add_say_as = adder(SayAs, "add_say_as")
        add_sub = adder(Sub, "add_sub")
        add_text = adder(Text, "add_text")
        add_w = adder(W, "add_w")
        add_p = adder(P, "add_p")  # noqa: F821 (defined below)
        add_s = adder(S, "add_s")  # noqa: F821 (defined below)


@xml_element("s", children=_INLINE, text=MIXED)
@attrs.define(slots=False, repr=False)
class S(Element):
    """A sentence."""

    content: str | None = optional_content(SPOKEN)
    children: list[Element] = child_list()

    if TYPE_CHECKING:  # (installed below)
        add_break = adder(Break, "add_break")
        add_emphasis = adder(Emphasis, "add_emphasis")
        add_lang = adder(Lang, "add_lang")  # noqa: F821 (defined below)
        add_phoneme = adder(Phoneme, "add_phoneme")
        add_prosody = adder(Prosody, "add_prosody")
        add_say_as = adder(SayAs, "add_say_as")
        add_sub = adder(Sub, "add_sub")
        add_text = adder(Text, "add_text")
        add_w = adder(W, "add_w")


@xml_element("p", children=(*_INLINE, "s"), text=MIXED)
@attrs.define(slots=False, repr=False)
class P(Element):
    """A paragraph."""

    content: str | None = optional_content(SPOKEN)
    children: list[Element] = child_list()

    if TYPE_CHECKING:  # (installed below)
        add_break = adder(Break, "add_break")
        add_emphasis = adder(Emphasis, "add_emphasis")
        add_lang = adder(Lang, "add_lang")  # noqa: F821 (defined below)
        add_phoneme = adder(Phoneme, "add_phoneme")
        add_prosody = adder(Prosody, "add_prosody")
        add_say_as = adder(SayAs, "add_say_as")
        add_sub = adder(Sub, "add_sub")
        add_text = adder(Text, "add_text")
        add_w = adder(W, "add_w")
        add_s = adder(S, "add_s")


@xml_element("lang", children=(*_INLINE, "p", "s"), text=MIXED)
@attrs.define(slots=False, repr=False)
class Lang(Element):
    """Text in another language (``xmllang``, written ``xml:lang``)."""

    content: str | None = optional_content(SPOKEN)
    xmllang: str | None = attribute(LANGUAGE, xml=XML_LANG)
    children: list[Element] = child_list()

    if TYPE_CHECKING:  # (installed below)
        add_break = adder(Break, "add_break")
        add_emphasis = adder(Emphasis, "add_emphasis")
        add_lang = adder(Lang, "add_lang")  # noqa: F821 (defined below)
        add_phoneme = adder(Phoneme, "add_phoneme")
        add_prosody = adder(Prosody, "add_prosody")
        add_say_as = adder(SayAs, "add_say_as")
        add_sub = adder(Sub, "add_sub")
        add_text = adder(Text, "add_text")
        add_w = adder(W, "add_w")
        add_p = adder(P, "add_p")
        add_s = adder(S, "add_s")


@xml_element("cont", children=(*_INLINE, "p", "s"), text=SPEAK_TEXT)
@attrs.define(slots=False, repr=False)
class Cont(Element):
    """Text that continues after the SSML element before it (plivo-python's
    ``<cont>``): written as that text, between spaces, not as an element."""

    content: str = content(TEXT)
    children: list[Element] = child_list()

    if TYPE_CHECKING:  # (installed below)
        add_break = adder(Break, "add_break")
        add_emphasis = adder(Emphasis, "add_emphasis")
        add_lang = adder(Lang, "add_lang")
        add_phoneme = adder(Phoneme, "add_phoneme")
        add_prosody = adder(Prosody, "add_prosody")
        add_say_as = adder(SayAs, "add_say_as")
        add_sub = adder(Sub, "add_sub")
        add_text = adder(Text, "add_text")
        add_w = adder(W, "add_w")
        add_p = adder(P, "add_p")
        add_s = adder(S, "add_s")
        add_cont = adder(Cont, "add_cont")  # noqa: F821 (defined below)

    def to_element(self, parent: etree._Element | None = None) -> etree._Element:
        if parent is None:  # on its own it is only text: shown as plivo-python's own tag
            return super().to_element(None)
        _append_text(parent, f" {self.__dict__['content']} ")
        for child in self.children:
            child.to_element(parent)
        return parent


def _append_text(parent: etree._Element, text: str) -> None:
    """``text`` after whatever ``parent`` holds so far (its last child's tail, or its text)."""
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


SSML_CLASSES: dict[str, type[Element]] = {
    cls.tag: cls for cls in (Break, Cont, Emphasis, Lang, P, Phoneme, Prosody, S, SayAs, Sub, Text, W)
}


def install_helpers(container: type[Element], classes: dict[str, type[Element]]) -> None:
    """Give ``container`` one ``add_<tag>`` helper per tag it may hold (what its
    ``if TYPE_CHECKING:`` block declares for mypy; a test proves the two agree)."""
    for tag in container._holds:
        name = helper_name(tag)
        setattr(container, name, adder(classes[tag], name))


for _container in SSML_CLASSES.values():
    install_helpers(_container, SSML_CLASSES)
