"""parse's fast path (issue 21, item 4): a document the XSD accepted without a
problem is read into the objects its constructors would make, without checking a
value a second time; what the fast path is not sure of, and every document
validate warned about, is made by the constructors (``_parse._element``), which
stay the judge of what the objects must be."""

from __future__ import annotations

import random
from typing import Any
from uuid import uuid4

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from plivoxml_plus import (
    Conference,
    Dial,
    GetDigits,
    MultiPartyCall,
    Number,
    Response,
    Speak,
    User,
    parse,
    validate,
)
from plivoxml_plus.elements import ELEMENT_CLASSES, Element
from plivoxml_plus.elements import _checks as checks
from plivoxml_plus.schema import _parse
from plivoxml_plus.schema._read import load
from tests._strategies_ssml import mixed_speaks
from tests.conftest import built_children, nested_children


def by_constructors(data: bytes | str) -> Response:
    """The document made by the constructors, as parse made every document before."""
    loaded = load(data)
    assert not isinstance(loaded, checks.Refused | type(None))
    return _parse._build(loaded, _parse._element)  # type: ignore[arg-type]


def state(element: Element) -> tuple[Any, ...]:
    """All an element object holds, each value with its type, its wire texts in the
    order they are written, and its children's: more than ``==`` compares. (Not its
    ``_fresh`` mark: the constructors remember each value they admit, the fast path
    none, so a value's second sight differs; tests below say what the mark is.)"""
    store = dict(vars(element))
    store.pop("_fresh", None)
    children = store.pop("children", None)
    wire = list(store.pop("_wire").items())
    values = {name: (type(value), value) for name, value in store.items()}
    return type(element), values, wire, None if children is None else [state(child) for child in children]


# -- documents as other writers write them: attributes in any order, spaces where the XSD collapses them

# XML whitespace the XSD takes off a bool's, an int's or a name's text (xs:boolean, xs:int, xs:token)
PADDED = (checks.Boolean, checks.Integer, checks.Text)


def rewritten(data: bytes, seed: int, pretty: bool) -> bytes:
    """``data`` with each element's attributes in a shuffled order, some values padded
    with XML whitespace (or an int with a sign and zeros) where the XSD allows it."""
    pick = random.Random(seed)
    root = etree.fromstring(data)
    for node in root.iter("*"):
        cls = ELEMENT_CLASSES.get(str(node.tag))
        items = node.items()
        pick.shuffle(items)
        node.attrib.clear()
        for name, written in items:
            text = written
            check = cls._by_xml[name].check if cls is not None else None
            if isinstance(check, PADDED) and pick.random() < 0.5:
                if isinstance(check, checks.Integer) and pick.random() < 0.5 and not text.startswith("-"):
                    text = "+00" + text
                text = pick.choice([" ", "\n", "\t "]) + text + pick.choice(["", " ", "\r\n"])
            node.set(name, text)
    return bytes(etree.tostring(root, pretty_print=pretty))


children = st.one_of(built_children(), nested_children(), mixed_speaks(2))


@settings(max_examples=150, deadline=None)
@given(st.lists(children, max_size=4), st.booleans(), st.integers(0, 2**32), st.booleans(), st.booleans())
def test_the_fast_path_makes_what_the_constructors_make(
    elements: list[Element], rewrite: bool, seed: int, pretty: bool, as_text: bool
):
    original = Response(elements)
    data = original.to_bytes()
    if rewrite:
        data = rewritten(data, seed, pretty)
    source: bytes | str = data.decode() if as_text else data
    fast = parse(source)  # (first: the constructors remember what they admit)
    made = by_constructors(source)
    assert state(fast) == state(made)
    assert fast == made
    assert fast.to_string() == made.to_string()
    assert fast.to_bytes(pretty=True) == made.to_bytes(pretty=True)
    if not rewrite:
        assert fast == original
        assert fast.to_bytes() == data


def unique(prefix: str) -> str:
    """A value no check has seen (so none has it remembered)."""
    return f"{prefix}{uuid4().hex}"


def ivr_and_meeting() -> Response:
    """A document of the benchmarks' kinds, of values no check had seen."""
    digits = uuid4().int % 10**7
    return Response(
        [
            GetDigits(action=f"https://example.com/{unique('ivr-')}", timeout=6, num_digits=1).add(
                Speak(unique("Press 1. Ticket "))
            ),
            Dial(caller_id=f"+1212{digits:07d}")
            .add(Number(f"+1415{digits:07d}"))
            .add(User(f"sip:{unique('a')}@x.com")),
            Conference(
                unique("room-"),
                start_conference_on_enter=False,
                wait_sound=f"https://example.com/{unique('hold-')}.xml",
                enter_sound="beep:1",
                max_members=12,
            ),
            MultiPartyCall(
                unique("mpc-"),
                "Agent",
                coach_mode=True,
                max_participants=5,
                status_callback_url=f"https://example.com/{unique('events-')}/",
                status_callback_events=["mpc-state-changes", "participant-state-changes"],
            ),
        ]
    )


CHECKS = [kind for kind in vars(checks).values() if isinstance(kind, type) and issubclass(kind, checks.Check)]


def test_a_document_the_xsd_accepted_is_read_without_checking_a_value_again(monkeypatch: pytest.MonkeyPatch):
    expected = ivr_and_meeting()
    document = expected.to_string()
    assert not validate(document).problems

    def checked_again(*args: object) -> Any:
        raise AssertionError("a value the XSD accepted was checked a second time")

    for kind in CHECKS:  # every way a check looks at a value
        for method in ("admit", "clean"):
            if method in vars(kind):
                monkeypatch.setattr(kind, method, checked_again)
    assert state(parse(document)) == state(expected)


def test_parse_remembers_none_of_the_values_it_reads():
    # (the checks remember values given to the constructors, bounded: distinct
    # documents read by parse leave those caches as they were)
    room, hold = unique("room-"), f"https://example.com/{unique('hold-')}.xml"
    callback = f"https://example.com/{unique('events-')}/"
    parse(
        f'<Response><Conference waitSound="{hold}">{room}</Conference>'
        f'<MultiPartyCall role="Agent" statusCallbackUrl="{callback}">{room}</MultiPartyCall></Response>'
    )
    known = [
        Conference.specs["content"].check.known(),
        Conference.specs["wait_sound"].check.known(),
        MultiPartyCall.specs["content"].check.known(),
        MultiPartyCall.specs["status_callback_url"].check.known(),
    ]
    assert all(not {room, hold, callback} & set(values) for values in known)  # type: ignore[arg-type]


def test_an_element_is_marked_fresh_as_its_constructor_marks_it():
    # (_fresh names the attributes whose values are new to their checks: serializing
    # sets them on a copy of a template holding the others, _base.write_children)
    hold, events = (f"https://example.com/{unique(name)}" for name in ("hold-", "events-"))
    for name in ("wait_sound", "callback_url"):  # (room for both: a full cache forgets all at once, KNOWN_MAX)
        Conference.specs[name].check._known.clear()  # type: ignore[attr-defined]
    document = (
        f'<Response><Conference waitSound="{hold}" enterSound="beep:1" callbackUrl="{events}">room</Conference>'
        "</Response>"
    )
    (new,) = parse(document).children
    assert vars(new)["_fresh"] == {"waitSound": None, "callbackUrl": None}
    Conference("room", wait_sound=hold)  # (its check remembers this one)
    (seen,) = parse(document).children
    built = Conference("room", wait_sound=hold, enter_sound="beep:1", callback_url=events)
    assert vars(seen)["_fresh"] == vars(built)["_fresh"] == {"callbackUrl": None}
    assert "_fresh" not in vars(parse(document).children[0])  # (the constructor remembered both)
    assert seen.to_string() == new.to_string() == built.to_string()


def test_attributes_in_any_order_are_kept_in_schema_order():
    document = (
        '<Response><GetDigits numDigits="1" timeout=" 6 " action="https://example.com/menu">'
        "<Speak>Press 1.</Speak></GetDigits></Response>"
    )
    (menu,) = parse(document).children
    assert list(menu.xml_attributes()) == ["action", "timeout", "numDigits"]
    assert menu.xml_attributes()["timeout"] == "6"
    assert state(menu) == state(by_constructors(document).children[0])
    assert menu == GetDigits(action="https://example.com/menu", timeout=6, num_digits=1).add(Speak("Press 1."))


WARNED = [
    # an SDK's spelling of an attribute's name, or of a value (docs/validation.md)
    '<Response><Dial><Number sendOnPreAnswer="true">+14155550100</Number></Dial></Response>',
    '<Response><Conference startConferenceOnEnter="True">room</Conference></Response>',
    '<Response><Conference beep="true">room</Conference></Response>',
    '<Response><Speak legs="aleg">Hello</Speak></Response>',
]


@pytest.mark.parametrize("document", WARNED)
def test_a_document_validate_warned_about_is_made_by_the_constructors(document: str, monkeypatch: pytest.MonkeyPatch):
    assert validate(document).warnings
    expected = by_constructors(document)

    def fast(*args: object) -> Element:
        raise AssertionError("read on the fast path")

    monkeypatch.setattr(_parse, "_accepted_element", fast)
    assert state(parse(document)) == state(expected)


def test_what_the_fast_path_has_no_reading_for_is_made_by_the_constructors(monkeypatch: pytest.MonkeyPatch):
    document = ivr_and_meeting().to_string()
    expected = by_constructors(document)
    made: list[str] = []
    constructors = _parse._element

    def counted(loaded: Any, node: Any) -> Element:
        made.append(node.tag)
        return constructors(loaded, node)

    monkeypatch.setattr(_parse, "_element", counted)
    monkeypatch.setattr(_parse, "_way", lambda check: _parse.UNSURE)  # (a kind of check it does not know)
    monkeypatch.setattr(_parse, "_SHAPES", {})
    assert state(parse(document)) == state(expected)
    # every element with an attribute read so, and what it holds (Response's children have one each)
    assert made == ["GetDigits", "Speak", "Dial", "Number", "User", "Conference", "MultiPartyCall"]


def test_every_attribute_of_every_element_has_a_reading():
    # (a new kind of check gets one in _parse._way, or its elements are made by the constructors)
    for tag, plan in _parse._PLANS.items():
        readings = _parse._shape(tag, plan)[1]
        assert set(readings) == set(ELEMENT_CLASSES[tag]._by_xml)
        unsure = [xml for xml, reading in readings.items() if reading[2] == _parse.UNSURE]
        assert not unsure, f"<{tag}>: no reading for {unsure}"


def test_a_plan_replaced_is_read_from_then_on():
    # (the readings are made from the plan: a converter put in its place is the one called)
    build, attributes, has_content, nests = _parse._PLANS["Number"]
    calls: list[str] = []

    def traced(text: str) -> bool:
        calls.append(text)
        return text == "true"

    replaced = (build, {**attributes, "sendOnPreanswer": ("send_on_preanswer", traced)}, has_content, nests)
    saved = _parse._PLANS["Number"]
    _parse._PLANS["Number"] = replaced
    try:
        dial = parse('<Response><Dial><Number sendOnPreanswer="true">+14155550100</Number></Dial></Response>')
    finally:
        _parse._PLANS["Number"] = saved
    assert calls == ["true"]
    assert dial == Response([Dial().add(Number("+14155550100", send_on_preanswer=True))])
