"""Hypothesis strategies for whole documents over the whole vocabulary, SSML mixed
content included: text before, between and after the children of Speak and the SSML
containers (and, now and then, text or a child where none may stand).

Two kinds: ``documents()`` writes lxml trees directly (so it reaches shapes the
classes cannot build: comments in text, text anywhere), and ``mixed_speaks()`` builds
Speak elements with the classes, in the shape ``parse`` reads back (text before the
first child is the container's own; a ``Text`` only after an element, never two in a
row).
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st
from lxml import etree

from plivoxml_plus.elements import ELEMENT_CLASSES, Element, Response, Speak, Text
from plivoxml_plus.elements._checks import Spoken
from plivoxml_plus.elements.ssml import SSML_CLASSES
from tests.conftest import XML_CHARS, element_kwargs

__all__ = ["MIXED_TAGS", "documents", "mixed_speaks", "spoken_text", "texts"]

# The containers whose text and children mix: those that may hold a Text.
MIXED_TAGS = frozenset(tag for tag, cls in ELEMENT_CLASSES.items() if Text.tag in cls.text_runs)

# Text as users write it: words, punctuation, spaces of every kind (XML's and Unicode's).
_SPACES = " \t\n\r\u00a0\u2009\u3000"
_PIECES = st.one_of(
    st.sampled_from(["Hello", "world", ",", ".", "?", " ", "  ", "\n  ", "how are you", "42", "&", "<", "é"]),
    st.text(alphabet=XML_CHARS, min_size=1, max_size=6),
    st.text(alphabet=_SPACES, min_size=1, max_size=3),
)
ANY_TEXT = st.lists(_PIECES, max_size=4).map("".join)
BLANK = st.text(alphabet=" \t\n\r", max_size=3)


def spoken_text() -> st.SearchStrategy[str]:
    """Text a ``Spoken`` check admits: not blank (XML whitespace aside)."""
    return ANY_TEXT.filter(lambda s: s.strip(" \t\n\r") != "")


@st.composite
def _node(draw: st.DrawFn, tag: str, depth: int) -> etree._Element:
    """A ``tag`` element with valid attributes and content, and children that may stand
    in it; in a mixed container, any text before, between and after them."""
    cls = ELEMENT_CLASSES[tag]
    kwargs = draw(element_kwargs(cls))
    element = cls(**kwargs)
    node = etree.Element(tag, element.xml_attributes())
    mixed = tag in MIXED_TAGS
    content = kwargs.get("content")
    if content is not None and not (mixed and draw(st.booleans())):
        node.text = element.__dict__.get("content") if mixed else content  # (leaf text: as given, spaces around)
    elif mixed:
        node.text = draw(ANY_TEXT)
    elif cls.allowed_children:
        node.text = draw(BLANK)
    allowed = cls.allowed_children
    if allowed and depth > 0:
        for child_tag in draw(st.lists(st.sampled_from(allowed), max_size=3)):
            child = draw(_node(child_tag, depth - 1))
            if mixed and draw(st.booleans()):  # a comment among the text: not text itself
                node.append(etree.Comment(draw(st.sampled_from(["", " note ", "-x"]))))
            node.append(child)
            child.tail = draw(ANY_TEXT if mixed else BLANK)
    return node


@st.composite
def _stray(draw: st.DrawFn, root: etree._Element) -> None:
    """Now and then something misplaced: text where no text may stand, or an element
    in a container that may not hold it (the document is then invalid)."""
    nodes = list(root.iter("*"))
    target = draw(st.sampled_from(nodes))
    if draw(st.booleans()):
        target.text = (target.text or "") + draw(spoken_text())  # (a lone Unicode space too)
    else:
        target.append(draw(_node(draw(st.sampled_from(sorted(ELEMENT_CLASSES))), 1)))


@st.composite
def documents(draw: st.DrawFn, depth: int = 4) -> str:
    """A whole document (as a str): a Response of any children, to ``depth`` levels,
    usually valid, sometimes with a stray text or element."""
    root = etree.Element(Response.tag)
    root.text = draw(BLANK)
    # (Speak as often as all the others: it is where text and elements mix)
    tags = st.one_of(st.just(Speak.tag), st.sampled_from(Response.allowed_children))
    for tag in draw(st.lists(tags, min_size=1, max_size=3)):
        child = draw(_node(tag, depth))
        root.append(child)
        child.tail = draw(BLANK)
    if draw(st.sampled_from((False, False, False, False, True))):  # (one in five, shrinking to none)
        draw(_stray(root))
    return etree.tostring(root, encoding="unicode")


def texts(xml: str) -> list[str]:
    """The document's texts in order, each trimmed of XML whitespace, blank ones and
    comments left out, and text split only by a comment joined again."""
    found: list[str] = []
    run: list[str] = []

    def close() -> None:
        text = "".join(run).strip(" \t\n\r")
        run.clear()
        if text:
            found.append(text)

    def walk(node: etree._Element) -> None:
        run.append(node.text or "")
        for child in node:
            if isinstance(child.tag, str):
                close()
                walk(child)
                close()
            run.append(child.tail or "")

    walk(etree.fromstring(xml))
    close()
    return found


# -- built with the classes ----------------------------------------------------------

@st.composite
def _built(draw: st.DrawFn, cls: type[Element], depth: int) -> Element:
    kwargs: dict[str, Any] = draw(element_kwargs(cls))
    spec = cls.specs.get("content")
    if spec is not None and isinstance(spec.check, Spoken):  # (a container's text: of the kinds above)
        kwargs.pop("content", None)
        text = draw(st.none() | spoken_text())
        if text is not None:
            kwargs["content"] = text
    element = cls(**kwargs)
    allowed = [tag for tag in cls.allowed_children if tag in SSML_CLASSES]
    if allowed and depth > 0:
        for tag in draw(st.lists(st.sampled_from(allowed), max_size=3)):
            element.add(draw(_built(SSML_CLASSES[tag], depth - 1)))
            if Text.tag in cls.text_runs and draw(st.booleans()):
                element.add(Text(draw(spoken_text())))
    return element


def mixed_speaks(depth: int = 3) -> st.SearchStrategy[Element]:
    """A Speak of SSML elements built with the classes, text after any child."""
    return _built(Speak, depth)
