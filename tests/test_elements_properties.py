"""Properties over every element and attribute, with strategies derived from the
element classes' own specs (tests/conftest.py): any valid combination builds,
serializes to well-formed XML that says exactly what the object holds, and reads back."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plivoxml_plus import Response
from plivoxml_plus.elements import ANSWER_CHILDREN, ELEMENT_CLASSES, Element
from plivoxml_plus.elements._checks import Refused
from tests.conftest import ALL_SPECS, LEAF_CLASSES, element_kwargs, invalid_values, parse, valid_values


def stored(cls: type[Element], name: str, given: Any) -> Any:
    """What the object keeps for a value given: lists become tuples, text is trimmed."""
    return cls.specs[name].check.clean(given)


def assert_serializes_what_it_holds(element: Element, kwargs: dict[str, Any]) -> None:
    cls = type(element)
    node = parse(element.to_string())
    assert node.tag == cls.tag
    # exactly the attributes given, and nothing else (unset ones are not written)
    assert dict(node.attrib) == element.xml_attributes()
    assert set(element.explicit()) == {name for name in kwargs if cls.specs[name].xml is not None}
    for name, value in kwargs.items():
        spec = cls.specs[name]
        expected = stored(cls, name, value)
        assert getattr(element, name) == expected
        assert element.effective(name) == expected
        if expected is None:  # blank Speak text: no text, as if none was given
            assert spec.xml is None and node.text is None
            continue
        wire = node.text if spec.xml is None else node.get(spec.xml)
        assert wire is not None
        assert wire == spec.check.to_wire(expected)
        assert spec.check.from_wire(wire) == expected  # what a parser reads back


@settings(max_examples=300)
@given(st.data())
def test_any_valid_combination_builds_and_serializes(data):
    cls = data.draw(st.sampled_from(LEAF_CLASSES), label="element")
    kwargs = data.draw(element_kwargs(cls), label="keywords")
    assert_serializes_what_it_holds(cls(**kwargs), kwargs)


@settings(max_examples=100)
@given(st.data())
def test_any_valid_response_serializes_its_children_in_order(data):
    children_classes = [ELEMENT_CLASSES[tag] for tag in ANSWER_CHILDREN]
    built: list[tuple[Element, dict[str, Any]]] = []
    for cls in data.draw(st.lists(st.sampled_from(children_classes), max_size=6), label="children"):
        kwargs = data.draw(element_kwargs(cls))
        built.append((cls(**kwargs), kwargs))
    response = Response([child for child, _ in built])
    for pretty in (False, True):
        root = parse(response.to_string(pretty=pretty))
        assert root.tag == "Response" and not root.attrib
        assert [node.tag for node in root] == [child.tag for child, _ in built]
    for (child, kwargs), node in zip(built, parse(response.to_bytes()), strict=True):
        assert dict(node.attrib) == child.xml_attributes()
        assert_serializes_what_it_holds(child, kwargs)


@settings(max_examples=200)
@given(st.data())
def test_keyword_order_and_change_order_do_not_change_the_output(data):
    cls = data.draw(st.sampled_from(LEAF_CLASSES), label="element")
    kwargs = data.draw(element_kwargs(cls), label="keywords")
    reference = cls(**kwargs).to_string()
    shuffled = data.draw(st.permutations(list(kwargs.items())), label="order")
    assert cls(**dict(shuffled)).to_string() == reference
    # the same values set one by one after construction, in another order
    element = cls(**{n: v for n, v in kwargs.items() if cls.specs[n].required})
    for name, value in data.draw(st.permutations(list(kwargs.items()))):
        setattr(element, name, value)
    assert element.to_string() == reference
    # attributes are always written in the class's (schema) order
    order = [spec.xml for spec in cls.specs.values() if spec.xml is not None]
    written = list(element.xml_attributes())
    assert written == sorted(written, key=order.index)


@settings(max_examples=200)
@given(st.data())
def test_effective_is_the_value_set_else_the_platform_default(data):
    cls, spec = data.draw(st.sampled_from(ALL_SPECS), label="attribute")
    required = {name: data.draw(valid_values(s.check)) for name, s in cls.specs.items() if s.required}
    element = cls(**required)
    if not spec.required:
        assert element.effective(spec.name) == spec.default
        assert getattr(element, spec.name) is None
        assert spec.xml not in element.xml_attributes()
    value = data.draw(valid_values(spec.check), label="value")
    setattr(element, spec.name, value)
    assert element.effective(spec.name) == stored(cls, spec.name, value)
    if not spec.required:  # unsetting brings the default back, and the attribute is no longer written
        setattr(element, spec.name, None)
        assert element.effective(spec.name) == spec.default
        assert spec.xml not in element.xml_attributes()


@settings(max_examples=100)
@given(st.data())
def test_equal_values_make_equal_objects_and_repr_rebuilds_them(data):
    cls = data.draw(st.sampled_from(LEAF_CLASSES), label="element")
    kwargs = data.draw(element_kwargs(cls), label="keywords")
    element = cls(**kwargs)
    assert element == cls(**kwargs)
    namespace = {c.__name__: c for c in ELEMENT_CLASSES.values()}
    rebuilt = eval(repr(element), namespace)
    assert rebuilt == element
    assert rebuilt.to_string() == element.to_string()


@settings(max_examples=300)
@given(st.data())
def test_the_fast_admit_path_agrees_with_clean(data):
    # admit() is clean() + to_wire() inlined for speed in some checks: same verdicts, same values
    _, spec = data.draw(st.sampled_from(ALL_SPECS), label="attribute")
    check = spec.check
    value = data.draw(st.one_of(valid_values(check), invalid_values(check)), label="value")
    try:
        cleaned = check.clean(value)
    except Refused:
        with pytest.raises(Refused):
            check.admit(value)
        return
    assert check.admit(value) == (cleaned, check.to_wire(cleaned))


@settings(max_examples=300, deadline=None)
@given(data=st.data(), control=st.sampled_from(["\x00", "\x01", "\x08", "\x0b", "\x1f", "\ud800", "\uffff"]))
def test_a_value_xml_cannot_carry_is_refused_at_construction_never_at_writing(data, control):
    # a pattern such as [^@]+ matches control characters; no document can hold them
    _, spec = data.draw(st.sampled_from(ALL_SPECS), label="attribute")
    value = data.draw(valid_values(spec.check), label="valid value")
    if not isinstance(value, str):
        return
    at = data.draw(st.integers(0, len(value)), label="where")
    spoiled = value[:at] + control + value[at:]
    with pytest.raises(Refused):
        spec.check.admit(spoiled)
    with pytest.raises(Refused):
        spec.check.clean(spoiled)
