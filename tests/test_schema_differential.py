"""Construction-time validation and XSD validation give the same verdict, every time.

For every attribute (and element text) of every element class, a list of
boundary values (min-1, min, max, max+1; each enum value and wrong ones; good
and bad URLs, Sounds, patterns) is put on the wire of an otherwise valid
document. The Python verdict (the check's ``from_wire``, then the element's
constructor) must equal the XSD's verdict, as given by libxml2 (lxml) and by
xmlschema, and :func:`plivoxml_plus.parse` must accept exactly those documents.
Hypothesis then searches beyond the list, and every document the classes
serialize must pass the XSD.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
import xmlschema
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from lxml import etree

from plivoxml_plus import ParseError, Response, ValidationError, parse, schema_path, validate
from plivoxml_plus.elements import AttributeSpec, Element
from plivoxml_plus.elements._checks import (
    INT_MAX,
    Boolean,
    Check,
    Choice,
    Integer,
    OrWords,
    Pattern,
    Refused,
    Sound,
    Spoken,
    StreamUrl,
    StringList,
    Text,
    Url,
    UrlText,
)
from tests.conftest import (
    ALL_SPECS,
    XML_CHARS,
    answer_child,
    built_children,
    example_value,
    required_kwargs,
    spec_id,
    valid_values,
)

# The XSD judges every value but the text of a mixed element (Speak and the SSML
# containers): XSD 1.0 cannot constrain it (the agreement tests check it is mixed).
JUDGED = tuple(pair for pair in ALL_SPECS if not isinstance(pair[1].check, Spoken))

LXML_SCHEMA = etree.XMLSchema(etree.parse(str(schema_path("answer"))))


# Where xmlschema departs from XSD 1.0 (it reads xs:int with Python's int() and
# collapses whitespace with str.split(), which take Unicode digits and spaces):
# an Arabic-Indic digit or an underscore has no place in an xs:int, and a no-break
# space is no XML whitespace.
# libxml2 and the Python checks follow the XSD spec on both.
XMLSCHEMA_DEVIATIONS = frozenset({"\u0663", "1_0", "\u00a0"})


@cache
def xmlschema_schema() -> xmlschema.XMLSchema10:
    return xmlschema.XMLSchema10(str(schema_path("answer")))


# -- the verdicts ----------------------------------------------------------------------


def document(cls: type[Element], spec: AttributeSpec, text: str) -> etree._Element:
    """A valid document but for ``text`` as the value of ``spec``."""
    root = Response([answer_child(cls(**required_kwargs(cls)))]).to_element()
    node = next(root.iter(cls.tag))
    if spec.xml is None:
        node.text = text
    else:
        node.set(spec.xml, text)
    return root


def python_verdict(cls: type[Element], spec: AttributeSpec, text: str) -> bool:
    """Does the Python side accept ``text`` from the wire (read, then construct)?"""
    try:
        value = spec.check.from_wire(text)
    except Refused:
        return False
    try:
        cls(**{**required_kwargs(cls), spec.name: value})
    except ValidationError:
        return False
    return True


def xsd_verdict(cls: type[Element], spec: AttributeSpec, text: str) -> bool:
    return bool(LXML_SCHEMA.validate(document(cls, spec, text)))


def assert_same_verdict(cls: type[Element], spec: AttributeSpec, text: str, *, witnesses: bool = True) -> bool:
    expected = python_verdict(cls, spec, text)
    assert xsd_verdict(cls, spec, text) is expected, f"{cls.tag}.{spec.name} = {text!r}: Python says {expected}"
    if witnesses:
        # a second XSD implementation, and the package's own validate/parse
        root = document(cls, spec, text)
        if text not in XMLSCHEMA_DEVIATIONS:
            serialized = etree.tostring(root, encoding="unicode")
            assert xmlschema_schema().is_valid(serialized) is expected, f"xmlschema disagrees on {text!r}"
        data = etree.tostring(root)
        result = validate(data)
        # the documented form: valid without a word; else at most a spelling the platform accepts
        assert (result.ok and not result.warnings) is expected
        variant = None if expected or spec.xml is None else spec.check.variant(text)
        if expected:
            parsed = found(parse(data), cls.tag)
            if spec.xml is not None:
                assert getattr(parsed, spec.name) == spec.check.clean(spec.check.from_wire(text))
        elif variant is not None:  # accepted with a warning, read in the documented form
            assert result.ok and [p.severity for p in result.problems] == ["warning"]
            assert getattr(found(parse(data), cls.tag), spec.name) == spec.check.from_wire(variant.documented)
        else:
            assert not result.ok
            with pytest.raises(ParseError):
                parse(data)
    return expected


# -- the boundary values ------------------------------------------------------------------

URLS_GOOD = [
    "http://a",
    "https://example.com",
    "https://example.com/",
    "https://a.b.c:8080/p?q=1#f",
    "https://ex-ample.com/x/y.xml",
    "http://10.0.0.1:80/",
    "https://a.b/caf\u00e9?x=\u00e9",
    "https://a.b/#",
    "https://a.b?q",
    "https://a.b:1",
]
URLS_BAD = [
    "",
    "https://",
    "ftp://a.b/",
    "HTTPS://a.b/",
    "https://-a.b/",
    "https://a-/",
    "https://a.b/ x",
    " https://a.b/",
    "https://a.b/ ",
    "https://a.b/\n",
    "https://a.b:123456/",
    "https://a.b:/",
    "https//a.b",
    "//a.b/",
    "https://a_b.c/",
    "https://a.b\\c",
    "example.com",
]
TRICKY = [
    "",
    " ",
    "a",
    "0",
    "#",
    "*",
    "w",
    "W",
    "1,2",
    "1,,2",
    ",1",
    "1,",
    "0-9*#wW",
    "123#",
    "12 3",
    " 1",
    "WOMAN",
    "MAN",
    "woman",
    "WOMAN ",
    "Polly.Joanna",
    "Polly.",
    "Polly.Joanna-Neural",
    "Polly.9a",
    "Polly.J_x",
    "en-US",
    "en-us",
    "arb",
    "e",
    "english",
    "en-USA",
    "en_US",
    "EN-US",
]


def found(document: Response, tag: str) -> Element:
    return next(e for e in document.iter() if e.tag == tag)


def candidates(check: Check[Any]) -> list[str]:
    """Wire texts at the edges of what ``check`` allows (good and bad)."""
    if isinstance(check, Boolean):
        return ["true", "false", " true", "false\n", "1", "0", "True", "FALSE", "yes", "", "truefalse"]
    if isinstance(check, Integer):
        low, high = check.minimum, check.maximum
        edges = [low - 1, low, low + 1, high - 1, high, high + 1, INT_MAX, INT_MAX + 1, -(2**31), -(2**31) - 1]
        return [str(n) for n in edges] + [
            f"+{low}",
            f"0{low}",
            f" {low} ",
            f"{low}.0",
            "1e2",
            "",
            "abc",
            "\u0663",  # an Arabic-Indic digit: Python's int() would take it
            "1_0",
            "- 1",
        ]
    if isinstance(check, Choice):
        listed = list(check.choices)
        variants = [c.swapcase() for c in listed] + [c.upper() for c in listed] + [c.lower() for c in listed]
        return [*listed, *variants, *(c + " " for c in listed), *(" " + c for c in listed), "", "x", "none"]
    if isinstance(check, Sound):
        return [*check.words, "beep:3", "BEEP:1", "beep", "none", "", " beep:1", *URLS_GOOD, *URLS_BAD]
    if isinstance(check, OrWords):
        return [*check.words, *(w.upper() for w in check.words), " " + check.words[0], *candidates(check.other)]
    if isinstance(check, UrlText):  # element text: surrounding whitespace trimmed, inner refused
        padded = ["  https://example.com/a.mp3\n", "\n\thttps://example.com/a.mp3", " https://example.com/a b "]
        return URLS_GOOD + URLS_BAD + padded
    if isinstance(check, Url):
        return URLS_GOOD + URLS_BAD
    if isinstance(check, StreamUrl):
        websockets = ["wss://agent.example.com/stream", "ws://10.0.0.1:8080/a", "wss:/x", "ftp://a.b", "WSS://a.b"]
        return URLS_GOOD + URLS_BAD + websockets
    if isinstance(check, Pattern):  # and one value it allows, for both verdicts
        simplest = example_value(check)
        return [*TRICKY, simplest, f" {simplest}", f"{simplest} ", simplest * 2]
    if isinstance(check, StringList):
        if isinstance(check.item, Choice):
            groups = list(check.item.choices)
            return [
                groups[0],
                ",".join(groups[:2]),
                ",".join(reversed(groups)),
                ",".join(groups),
                f"{groups[0]},{groups[0]}",
                f"{groups[0]},{groups[1]},{groups[0]}",
                f"{groups[0]},",
                f",{groups[0]}",
                f"{groups[0]}, {groups[1]}",
                groups[0].upper(),
                "",
                "x",
            ]
        return TRICKY
    if isinstance(check, Text):
        return ["room", "  room  ", "\n    room\n  ", "a b", "caf\u00e9", "x" * 500, "", " ", "\t\n\r ", "\u00a0"]
    raise NotImplementedError(f"no boundary values for {check!r}: add them here")


@pytest.mark.parametrize("pair", JUDGED, ids=spec_id)
def test_boundaries_get_the_same_verdict(pair: tuple[type[Element], AttributeSpec]):
    cls, spec = pair
    verdicts = {assert_same_verdict(cls, spec, text) for text in candidates(spec.check)}
    assert verdicts == {True, False}  # the list reaches both sides of the boundary


@pytest.mark.parametrize("pair", [pair for pair in ALL_SPECS if isinstance(pair[1].check, Integer)], ids=spec_id)
def test_integer_bounds_at_construction_match_the_xsd(pair: tuple[type[Element], AttributeSpec]):
    """Python ints min-1, min, max, max+1 given to the constructor, against the XSD."""
    cls, spec = pair
    check = spec.check
    assert isinstance(check, Integer)
    for number in (check.minimum - 1, check.minimum, check.maximum, check.maximum + 1):
        try:
            cls(**{**required_kwargs(cls), spec.name: number})
            constructed = True
        except ValidationError:
            constructed = False
        assert constructed is (check.minimum <= number <= check.maximum)
        assert xsd_verdict(cls, spec, str(number)) is constructed


# -- beyond the list: Hypothesis --------------------------------------------------------

TEXT_CHARS = st.one_of(XML_CHARS, st.sampled_from(" \t\n\r,:/.#*-+0123456789abwWeEsSpPtT"))


def wire(check: Check[Any], value: Any) -> str:
    return value if isinstance(value, str) else check.to_wire(check.clean(value))


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    """``text`` with one character inserted, deleted or replaced, or its case changed."""
    how = draw(st.sampled_from(["insert", "delete", "replace", "swapcase", "same"]))
    if how == "same":
        return text
    if how == "swapcase" or (how in ("delete", "replace") and not text):
        return text.swapcase()
    at = draw(st.integers(0, len(text) - (0 if how == "insert" else 1)))
    if how == "insert":
        return text[:at] + draw(TEXT_CHARS) + text[at:]
    if how == "delete":
        return text[:at] + text[at + 1 :]
    return text[:at] + draw(TEXT_CHARS) + text[at + 1 :]  # replace


@st.composite
def spec_and_text(draw: st.DrawFn) -> tuple[type[Element], AttributeSpec, str]:
    cls, spec = draw(st.sampled_from(JUDGED))
    check = spec.check
    good = valid_values(check).map(lambda value: wire(check, value))
    if isinstance(check, Integer):
        numbers = st.integers(check.minimum - 3, check.minimum + 3) | st.integers(check.maximum - 3, check.maximum + 3)
        text = draw(st.one_of(numbers.map(str), good.flatmap(mutated), st.text(TEXT_CHARS, max_size=12)))
    else:
        text = draw(st.one_of(good, good.flatmap(mutated), st.text(TEXT_CHARS, max_size=20)))
    return cls, spec, text


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec_and_text())
def test_generated_values_get_the_same_verdict(case: tuple[type[Element], AttributeSpec, str]):
    cls, spec, text = case
    assert_same_verdict(cls, spec, text, witnesses=False)


responses = st.lists(
    built_children(),
    max_size=6,
).map(Response)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(responses, st.booleans())
def test_every_serialized_document_passes_the_xsd(response: Response, pretty: bool):
    data = response.to_bytes(pretty=pretty)
    assert LXML_SCHEMA.validate(etree.fromstring(data)), LXML_SCHEMA.error_log
    assert validate(data).ok
    assert validate(data, kind="sound").ok is response.is_sound_document


def xmlschema_can_judge(response: Response) -> bool:
    """False when a text holds Unicode whitespace other than XML's four characters
    (a no-break space...): xmlschema trims and collapses it in xs:token values (room
    names, Play/Redirect URLs), while XSD, libxml2 and the classes treat it as an
    ordinary character (see XMLSCHEMA_DEVIATIONS)."""
    texts = (str(getattr(child, "content", "")) for child in response.children)
    return not any(c.isspace() and c not in " \t\n\r" for text in texts for c in text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(responses)
def test_xmlschema_agrees_that_serialized_documents_are_valid(response: Response):
    assume(xmlschema_can_judge(response))
    assert xmlschema_schema().is_valid(response.to_string())
