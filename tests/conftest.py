"""Helpers shared by the test modules (import them: ``from tests.conftest import canonical``).

``canonical`` turns an XML document into a plain value that compares equal for
documents that differ only in formatting: indentation, whitespace around text,
attribute order, quote style, the XML declaration.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, find, settings
from hypothesis import strategies as st
from lxml import etree

import plivoxml_plus
from plivoxml_plus.elements import ELEMENT_CLASSES, AttributeSpec, Element, Response
from plivoxml_plus.elements._checks import (
    URL_PATTERN,
    Boolean,
    Check,
    Choice,
    Integer,
    OrWords,
    Pattern,
    Spoken,
    StringList,
    Text,
    Url,
    UrlText,
)
from plivoxml_plus.elements.ssml import Text as TextRun

ROOT = Path(__file__).resolve().parent.parent

# Timing is not what the property tests test: on a loaded 2-core CI machine,
# generating documents of 39 regex-shaped attributes can trip Hypothesis' speed
# health check or a deadline. Both are off for the whole suite; every assertion
# and example count stays as written.
# In CI (CI=true) the examples are derived from each test's name, not drawn at
# random: the run that decides whether a change lands is the one the change was
# tested with; developers' runs keep exploring, and keep what they find.
settings.register_profile(
    "plivoxml_plus",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=os.environ.get("CI", "").lower() in ("1", "true"),
)
settings.load_profile("plivoxml_plus")

XMLInput = str | bytes | etree._Element

# Never fetch anything or expand entities while reading test documents.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)

# (tag, attributes as a sorted tuple of pairs, trimmed text or None, children)
Canonical = tuple[str, tuple[tuple[str, str], ...], str | None, tuple[Any, ...]]


def parse(xml: XMLInput) -> etree._Element:
    """The root element of ``xml`` (a str, UTF-8 bytes, or an element, returned as is)."""
    if isinstance(xml, etree._Element):
        return xml
    data = xml.encode("utf-8") if isinstance(xml, str) else xml  # a str may carry an encoding declaration
    return etree.fromstring(data.strip(), _PARSER)


def _trimmed(text: str | None) -> str | None:
    if text is None:
        return None
    text = text.strip()
    return text or None


def canonical(xml: XMLInput) -> Canonical:
    """``xml`` as a comparable value, whitespace and attribute order aside.

    Text and tails are trimmed (whitespace-only ones dropped): a seed page that
    writes a room name on its own indented line means the same name.
    """
    return _canonical(parse(xml))


def _canonical(node: etree._Element) -> Canonical:
    children: list[Any] = []
    for child in node:
        if not isinstance(child.tag, str):  # comments and processing instructions
            continue
        children.append(_canonical(child))
        tail = _trimmed(child.tail)
        if tail is not None:
            children.append(("#tail", (), tail, ()))
    attributes = tuple(sorted((str(k), str(v)) for k, v in node.attrib.items()))
    return (str(node.tag), attributes, _trimmed(node.text), tuple(children))


def assert_same_xml(actual: XMLInput, expected: XMLInput) -> None:
    """Assert two documents are the same, whitespace and attribute order aside."""
    got, want = canonical(actual), canonical(expected)
    assert got == want, f"documents differ:\n  got:      {got}\n  expected: {want}"


# -- Hypothesis strategies derived from the element specs -------------------------
#
# Each strategy is built from a check object's own facets (minimum/maximum,
# choices, pattern, words, item...), so no rule is written twice: a change to an
# element class changes what these generate.


# Characters an XML document can carry (no controls, surrogates or non-characters).
XML_CHARS = st.characters(exclude_categories=("Cc", "Cs", "Cn"))
WHITESPACE = st.text(alphabet=" \t\n\r", max_size=3)

# Every element class that takes attributes or content, and every (class, spec) pair.
LEAF_CLASSES: tuple[type[Element], ...] = tuple(cls for cls in ELEMENT_CLASSES.values() if cls.specs)
ALL_SPECS: tuple[tuple[type[Element], AttributeSpec], ...] = tuple(
    (cls, spec) for cls in LEAF_CLASSES for spec in cls.specs.values()
)


def spec_id(pair: tuple[type[Element], AttributeSpec]) -> str:
    return f"{pair[0].tag}.{pair[1].name}"


def urls() -> st.SearchStrategy[str]:
    """Absolute http(s) URLs, generated from the same pattern the check and the XSD use."""
    return st.from_regex(URL_PATTERN, fullmatch=True, alphabet=XML_CHARS)


def valid_values(check: Check[Any]) -> st.SearchStrategy[Any]:
    """Values ``check`` must accept, in every form a user may give them."""
    if isinstance(check, Boolean):
        return st.booleans()
    if isinstance(check, Integer):
        return st.integers(check.minimum, check.maximum)
    if isinstance(check, Choice):
        choices = st.sampled_from(check.choices)
        if check.case_insensitive:
            return choices.flatmap(lambda c: st.sampled_from((c, c.lower(), c.upper(), c.swapcase())))
        return choices
    if isinstance(check, OrWords):  # (Sound too: its other check is a Url)
        return st.one_of(st.sampled_from(check.words), valid_values(check.other))
    if isinstance(check, Spoken):  # kept as given, spaces included
        text = st.text(alphabet=XML_CHARS, min_size=0 if check.blank else 1)
        return text if check.blank else text.filter(lambda s: s.strip(" \t\n\r") != "")
    if isinstance(check, UrlText):  # surrounding whitespace is not part of element text
        return st.tuples(WHITESPACE, urls(), WHITESPACE).map("".join)
    if isinstance(check, Url):
        return urls()
    if isinstance(check, Pattern):  # (StreamUrl too) in characters XML can carry
        return st.from_regex(check.pattern, fullmatch=True, alphabet=XML_CHARS)
    if isinstance(check, StringList):
        items = st.lists(valid_values(check.item), min_size=1, max_size=5, unique=check.unique)
        return st.one_of(items, items.map(tuple), items.map(",".join))
    if isinstance(check, Text):  # (at most its maximum, counted as the check counts: padding aside)
        core = st.text(alphabet=XML_CHARS, min_size=1, max_size=check.maximum)
        core = core.filter(lambda s: s.strip(" \t\n\r") != "")
        return st.tuples(WHITESPACE, core, WHITESPACE).map("".join)
    raise NotImplementedError(f"no strategy for {check!r}: add one here")  # a new kind of check


def invalid_values(check: Check[Any]) -> st.SearchStrategy[Any]:
    """Values ``check`` must refuse: wrong types, out of range, not a member, malformed."""
    not_str = st.one_of(st.integers(), st.floats(allow_nan=False), st.booleans(), st.binary(), st.just(object()))
    if isinstance(check, Boolean):
        # 1/0 and "true"/"false" look like booleans but are not
        return st.one_of(st.integers(), st.sampled_from(["true", "false", "True", ""]), st.text(), st.floats())
    if isinstance(check, Integer):
        out_of_range = st.one_of(st.integers(max_value=check.minimum - 1), st.integers(min_value=check.maximum + 1))
        in_range = st.integers(check.minimum, check.maximum)
        return st.one_of(out_of_range, st.booleans(), in_range.map(str), in_range.map(float), st.text())
    if isinstance(check, Choice):
        members = {c.lower() for c in check.choices} if check.case_insensitive else set(check.choices)
        others = st.text().filter(lambda s: (s.lower() if check.case_insensitive else s) not in members)
        if not check.case_insensitive:  # another case of a member is not a member
            others = st.one_of(
                others, st.sampled_from(check.choices).map(str.swapcase).filter(lambda s: s not in members)
            )
        return st.one_of(others, not_str)
    if isinstance(check, OrWords):
        return invalid_values(check.other).filter(lambda v: v not in check.words)
    if isinstance(check, Spoken):
        control = st.tuples(st.text(alphabet=XML_CHARS, min_size=1), st.sampled_from(["\x00", "\x08", "\x1b"]))
        bad = [control.map("".join), not_str]
        if not check.blank:
            bad.append(WHITESPACE)
        return st.one_of(*bad)
    if isinstance(check, Url):
        not_url = st.text().filter(lambda s: not s.startswith(("http://", "https://")))
        # whitespace or a control character inside the URL (for element text, whitespace
        # at the end alone is trimmed, so something must follow it)
        tail = st.text(alphabet="abc/?", min_size=1 if isinstance(check, UrlText) else 0, max_size=3)
        broken = st.tuples(urls(), st.sampled_from([" ", "\t", "\n", "\x00", "\x1f"]), tail)
        relative = st.from_regex(r"/[a-z0-9/]*", fullmatch=True)
        return st.one_of(not_url, broken.map("".join), relative, not_str)
    if isinstance(check, Pattern):
        return st.one_of(st.text().filter(lambda s: check._fullmatch(s) is None), not_str)
    if isinstance(check, StringList):
        bad_item = invalid_values(check.item).filter(lambda v: isinstance(v, str) and "," not in v)
        with_bad_item = st.tuples(st.lists(valid_values(check.item), max_size=3), bad_item).map(
            lambda t: [*t[0], t[1]]
        )
        kinds = [with_bad_item, st.just([]), st.just(()), st.integers(), st.dictionaries(st.text(), st.text())]
        if check.unique:
            kinds.append(valid_values(check.item).map(lambda v: [v, v]))
        return st.one_of(*kinds)
    if isinstance(check, Text):
        blank = WHITESPACE
        control = st.tuples(st.text(alphabet=XML_CHARS, min_size=1), st.sampled_from(["\x00", "\x08", "\x1b"]))
        if check.maximum is not None:  # (letters only: no whitespace run for the count to collapse)
            too_long = st.text(alphabet="ab0", min_size=check.maximum + 1, max_size=check.maximum + 20)
            return st.one_of(blank, control.map("".join), not_str, too_long)
        return st.one_of(blank, control.map("".join), not_str)
    raise NotImplementedError(f"no strategy for {check!r}: add one here")


def _simplest(check: Check[Any]) -> Any:
    if isinstance(check, Boolean):
        return True
    if isinstance(check, Integer):
        return check.minimum
    if isinstance(check, Choice):
        return check.choices[0]
    if isinstance(check, OrWords):
        return check.words[0]
    if isinstance(check, Spoken):
        return "example"
    if isinstance(check, Url):
        return "https://example.com/"
    if isinstance(check, Pattern):  # the simplest string the pattern matches
        return find(st.from_regex(check.pattern, fullmatch=True), lambda _: True, settings=settings(database=None))
    if isinstance(check, StringList):
        return [_simplest(check.item)]
    if isinstance(check, Text):
        return "example"
    raise NotImplementedError(f"no example for {check!r}: add one here")


@cache
def example_value(check: Check[Any]) -> Any:
    """One valid value for ``check``. (For a Pattern check this runs a search: not
    from inside a Hypothesis test, where it would nest; draw valid_values there.)"""
    return _simplest(check)


def required_kwargs(cls: type[Element]) -> dict[str, Any]:
    """The fewest keywords that build a ``cls`` (its content and role, if any)."""
    return {name: example_value(spec.check) for name, spec in cls.specs.items() if spec.required}


# What Plivo's pages require and the classes leave out, as SDKs do (a warning, not an
# error: docs/validation.md, "Rules between elements"): given, so a document is as documented.
DOCUMENTED_KWARGS: dict[str, dict[str, Any]] = {"GetInput": {"action": "https://example.com/"}}
# The voice a Speak holding SSML needs (Plivo's Speak page: an Amazon Polly voice)
SSML_VOICE = "Polly.Joanna"


@st.composite
def element_kwargs(draw: st.DrawFn, cls: type[Element]) -> dict[str, Any]:
    """Keywords for a valid ``cls``: every required one and any subset of the others."""
    return {
        name: draw(valid_values(spec.check))
        for name, spec in cls.specs.items()
        if spec.required or draw(st.booleans())
    }


def effective_tree(xml: XMLInput) -> list[tuple[str, dict[str, str], str | None]]:
    """Each element of a document, in order, as (tag, attributes, text), with every
    platform default filled in and the MPC role's case folded: equal for two documents
    that make the platform do the same (one may write defaults, the other not)."""
    result = []
    for element in plivoxml_plus.parse(xml).iter():
        attributes = element.effective_xml_attributes()
        if "role" in attributes:
            attributes["role"] = attributes["role"].lower()
        result.append((element.tag, attributes, getattr(element, "content", None)))
    return result


@pytest.fixture(scope="session", autouse=True)
def _examples_found_before_any_test() -> None:
    """A Pattern's example is found by a search, which must not run nested inside a
    Hypothesis test (required_kwargs is called from inside some): found once, before
    the first test. Not at import: a conftest is read while pytest starts, when
    Hypothesis warns about drawing from a strategy (HypothesisSideeffectWarning)."""
    for cls in LEAF_CLASSES:
        required_kwargs(cls)


# Where an element that a Response cannot hold may stand: its nearest parent.
_PARENT_OF: dict[str, str] = {"Number": "Dial", "User": "Dial"}
_PARENT_OF.update({tag: "Speak" for tag in ELEMENT_CLASSES["Speak"].allowed_children if tag in ELEMENT_CLASSES})


def answer_child(element: Element) -> Element:
    """``element`` as a child a Response may hold, as documented: itself (a GetInput
    given its action), or inside the parent it needs (a Number in a Dial, an SSML
    element in a Speak with a Polly voice)."""
    for name, value in DOCUMENTED_KWARGS.get(element.tag, {}).items():
        if getattr(element, name) is None:
            setattr(element, name, value)
    parent = _PARENT_OF.get(element.tag)
    if parent is None:
        return element
    voice = {"voice": SSML_VOICE} if parent == "Speak" else {}  # (SSML needs a Polly voice)
    return ELEMENT_CLASSES[parent](**required_kwargs(ELEMENT_CLASSES[parent]), **voice).add(element)


def built_children() -> st.SearchStrategy[Element]:
    """Any valid element of any class, placed where a Response may hold it."""
    return st.sampled_from(LEAF_CLASSES).flatmap(
        lambda cls: element_kwargs(cls).map(lambda kwargs: answer_child(cls(**kwargs)))
    )


@st.composite
def nested_element(draw: st.DrawFn, cls: type[Element], depth: int = 3) -> Element:
    """A valid ``cls`` holding children it may hold, to ``depth`` levels: a Dial of
    Numbers and Users, a GetDigits or GetInput with Speak, Play and Wait prompts,
    a PreAnswer of its children, SSML nested in a Speak with text before its
    first child and, in a Speak, after its children (mixed content)."""
    element = cls(**draw(element_kwargs(cls)))
    allowed = [tag for tag in cls.allowed_children if tag in ELEMENT_CLASSES]
    if not allowed or depth <= 0:
        return element
    for tag in draw(st.lists(st.sampled_from(allowed), max_size=3)):
        element.add(draw(nested_element(ELEMENT_CLASSES[tag], depth - 1)))
        if "text" in cls.text_runs and draw(st.booleans()):  # (text after an SSML element)
            element.add(TextRun(**draw(element_kwargs(TextRun))))
    return element


# The containers a Response may hold (the elements whose nesting is the new vocabulary's).
CONTAINER_CHILDREN = tuple(
    ELEMENT_CLASSES[tag] for tag in Response.allowed_children if ELEMENT_CLASSES[tag].allowed_children
)


def nested_children() -> st.SearchStrategy[Element]:
    """A container a Response may hold (Dial, GetDigits, GetInput, PreAnswer,
    Speak), filled as :func:`nested_element` fills it."""
    return st.sampled_from(CONTAINER_CHILDREN).flatmap(nested_element)
