"""One truth, proven: the XSD and the element classes state the same facts.

xmlschema (an independent XSD implementation, tests only) reads
``schemas/plivoxml.xsd``; each attribute's XSD declaration is reduced to plain
facts (built-in base type, whitespace handling, patterns, enumeration, bounds,
length) and compared with the facts of the Python check object on the same
attribute, together with the attribute's name, default and required-ness, each
element's children, and each element's text content.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import permutations
from typing import Any

import pytest
import xmlschema
from lxml import etree
from xmlschema.names import (
    XSD_ENUMERATION,
    XSD_MAX_INCLUSIVE,
    XSD_MIN_INCLUSIVE,
    XSD_MIN_LENGTH,
    XSD_NAMESPACE,
    XSD_PATTERN,
)

from plivoxml_plus import schema_path
from plivoxml_plus.elements import ELEMENT_CLASSES, SOUND_CHILDREN, AttributeSpec, Element, Response
from plivoxml_plus.elements._checks import (
    INT_MAX,
    Boolean,
    Check,
    Choice,
    Integer,
    Pattern,
    Sound,
    StringList,
    Text,
    Url,
    UrlText,
)
from plivoxml_plus.elements._values import EVENT_GROUPS

INT_MIN = -(2**31)
Facts = dict[str, Any]


@cache
def answer_schema() -> xmlschema.XMLSchema10:
    return xmlschema.XMLSchema10(str(schema_path("answer")))


@cache
def sound_schema() -> xmlschema.XMLSchema10:
    return xmlschema.XMLSchema10(str(schema_path("sound")))


def declarations(schema: xmlschema.XMLSchema10) -> dict[str, Any]:
    """Element name -> XSD element declaration (the root and its children)."""
    root: Any = schema.elements["Response"]
    found = {"Response": root}
    found.update({child.name: child for child in root.type.content.iter_elements()})
    return found


# -- facts from the XSD ------------------------------------------------------------


def xsd_facts(xsd_type: Any) -> Facts:
    """The facts of a simple type: walk its derivation down to the built-in type."""
    if xsd_type.is_union():
        return {"union": [xsd_facts(member) for member in xsd_type.member_types]}
    facts: Facts = {"patterns": [], "enumeration": None, "min": None, "max": None, "min_length": None}
    facts["whitespace"] = xsd_type.white_space
    step = xsd_type
    while type(step).__name__ != "XsdAtomicBuiltin":
        own = step.facets
        if XSD_PATTERN in own:  # patterns of one step are alternatives; of several steps, all apply
            facts["patterns"].append(tuple(own[XSD_PATTERN].regexps))
        if XSD_ENUMERATION in own:
            assert facts["enumeration"] is None, "enumerations on two derivation steps"
            facts["enumeration"] = tuple(own[XSD_ENUMERATION].enumeration)
        for name, key in ((XSD_MIN_INCLUSIVE, "min"), (XSD_MAX_INCLUSIVE, "max"), (XSD_MIN_LENGTH, "min_length")):
            if name in own and facts[key] is None:
                facts[key] = own[name].value
        step = step.base_type
    facts["builtin"] = step.local_name
    if facts["builtin"] == "int":  # xs:int's own bounds apply where no facet narrows them
        facts["min"] = INT_MIN if facts["min"] is None else facts["min"]
        facts["max"] = INT_MAX if facts["max"] is None else facts["max"]
    return facts


# -- the same facts from the Python checks -----------------------------------------


def _facts(builtin: str, whitespace: str, **given: Any) -> Facts:
    facts: Facts = {"patterns": [], "enumeration": None, "min": None, "max": None, "min_length": None}
    facts.update(builtin=builtin, whitespace=whitespace, **given)
    return facts


def case_insensitive_pattern(choices: tuple[str, ...]) -> str:
    """``Agent`` -> ``[Aa][Gg][Ee][Nn][Tt]``: any spelling of each choice."""

    def letters(word: str) -> str:
        return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else c if c in "-_:" else re.escape(c) for c in word)

    return "|".join(letters(choice) for choice in choices)


def python_facts(check: Check[Any]) -> Facts:
    """What the XSD type of an attribute with ``check`` must say."""
    if isinstance(check, Boolean):
        return _facts("boolean", "collapse", patterns=[("|".join(check.wire_values),)])
    if isinstance(check, Integer):
        return _facts("int", "collapse", min=check.minimum, max=check.maximum)
    if isinstance(check, Choice):
        if check.case_insensitive:
            return _facts("string", "preserve", patterns=[(case_insensitive_pattern(check.choices),)])
        return _facts("string", "preserve", enumeration=check.choices)
    if isinstance(check, Sound):
        return {"union": [_facts("string", "preserve", enumeration=check.words), python_facts(check._url)]}
    if isinstance(check, UrlText):  # element text: xs:token trims it before the pattern applies
        return _facts("token", "collapse", patterns=[(check.pattern,)])
    if isinstance(check, Pattern):  # (Url is a Pattern)
        return _facts("string", "preserve", patterns=[(check.pattern,)])
    if isinstance(check, Text):
        # xs:token: surrounding whitespace is not part of the value; at least one other character
        return _facts("token", "collapse", min_length=1)
    if isinstance(check, StringList):
        item = check.item
        if isinstance(item, Pattern):
            return _facts("string", "preserve", patterns=[(f"{item.pattern}(,{item.pattern})*",)])
        if isinstance(item, Choice) and not item.case_insensitive:
            alternatives = "|".join(item.choices)
            facts = _facts("string", "preserve", patterns=[(f"({alternatives})(,({alternatives}))*",)])
            if check.unique:  # XSD 1.0 says "each at most once" by listing every ordering
                facts["enumeration"] = tuple(
                    ",".join(order)
                    for size in range(1, len(item.choices) + 1)
                    for order in permutations(item.choices, size)
                )
            return facts
    raise NotImplementedError(f"no XSD form known for {check!r}: add one here and to the XSD")


# -- the tests -----------------------------------------------------------------------

LEAVES = [cls for cls in ELEMENT_CLASSES.values() if cls is not Response]
ATTRIBUTE_SPECS = [
    pytest.param(cls, spec, id=f"{cls.tag}.{spec.xml}") for cls in LEAVES for spec in cls.specs.values() if spec.xml
]
CONTENT_SPECS = [
    pytest.param(cls, spec, id=cls.tag) for cls in LEAVES for spec in cls.specs.values() if spec.xml is None
]


def snake(xml_name: str) -> str:
    """``relayDTMFInputs`` -> ``relay_dtmf_inputs``: the Python name an XML name calls for."""
    words = re.findall(r"[A-Z]+(?=[A-Z][a-z]|$)|[A-Z]?[a-z0-9]+", xml_name)
    return "_".join(word.lower() for word in words)


def test_the_xsd_declares_every_element_class_and_no_other():
    assert set(declarations(answer_schema())) == set(ELEMENT_CLASSES)


@pytest.mark.parametrize("cls", LEAVES, ids=lambda cls: cls.tag)
def test_attribute_names_agree(cls: type[Element]):
    xsd = declarations(answer_schema())[cls.tag]
    python = {spec.xml for spec in cls.specs.values() if spec.xml is not None}
    assert set(xsd.attributes) == python


def test_response_takes_no_attributes_in_either():
    assert not declarations(answer_schema())["Response"].attributes
    assert not Response.specs


@pytest.mark.parametrize(("cls", "spec"), ATTRIBUTE_SPECS)
def test_attribute_agrees(cls: type[Element], spec: AttributeSpec):
    assert spec.xml is not None
    attribute = declarations(answer_schema())[cls.tag].attributes[spec.xml]
    # names: the Python keyword is the snake_case of the XML name
    assert spec.name == snake(spec.xml)
    # required-ness
    assert (attribute.use == "required") is spec.required
    # default: the platform default, written as the wire form of the Python default
    if spec.default is None:
        assert attribute.default is None
    else:
        assert attribute.default == spec.check.to_wire(spec.check.clean(spec.default))
    # type, bounds, enumeration, pattern, whitespace
    assert xsd_facts(attribute.type) == python_facts(spec.check)


@pytest.mark.parametrize(("cls", "spec"), CONTENT_SPECS)
def test_text_content_agrees(cls: type[Element], spec: AttributeSpec):
    declaration = declarations(answer_schema())[cls.tag]
    assert declaration.type.has_simple_content()
    assert spec.required  # both: the text is required (the XSD type refuses "")
    assert not declaration.type.content.is_valid("")
    assert xsd_facts(declaration.type.content) == python_facts(spec.check)


@pytest.mark.parametrize("cls", [cls for cls in LEAVES if all(s.xml for s in cls.specs.values())], ids=str)
def test_elements_without_text_are_empty_in_the_xsd(cls: type[Element]):
    assert declarations(answer_schema())[cls.tag].type.is_empty()


def test_children_agree_for_answer_and_sound_documents():
    answer = [child.name for child in declarations(answer_schema())["Response"].type.content.iter_elements()]
    sound = [child.name for child in declarations(sound_schema())["Response"].type.content.iter_elements()]
    assert tuple(answer) == Response.allowed_children
    assert tuple(sound) == SOUND_CHILDREN
    leaves = [declarations(answer_schema())[tag] for tag in answer]
    assert all(not leaf.type.has_complex_content() for leaf in leaves)  # no element nests another


def test_the_sound_schema_reuses_the_answer_types():
    answer, sound = declarations(answer_schema()), declarations(sound_schema())
    assert set(sound) == {"Response", *SOUND_CHILDREN}
    for tag in SOUND_CHILDREN:
        assert sound[tag].type.name == answer[tag].type.name
        assert set(sound[tag].attributes) == set(answer[tag].attributes)


def test_event_groups_enumeration_matches_the_groups():
    events = declarations(answer_schema())["MultiPartyCall"].attributes["statusCallbackEvents"]
    single = {value for value in xsd_facts(events.type)["enumeration"] if "," not in value}
    assert single == set(EVENT_GROUPS)


def test_every_schema_declaration_is_documented():
    """An xs:documentation for the root, every named type and every attribute."""
    xs = {"xs": XSD_NAMESPACE}
    for kind in ("answer", "sound"):
        tree = etree.parse(str(schema_path(kind)))
        declared = tree.xpath(
            "//xs:schema/xs:element | //xs:complexType[@name] | //xs:simpleType[@name] | //xs:attribute", namespaces=xs
        )
        assert declared
        for node in declared:
            texts = node.xpath("xs:annotation/xs:documentation/text()", namespaces=xs)
            assert texts and str(texts[0]).strip(), f"{kind}: {node.tag} {node.get('name')} has no documentation"


def test_the_schemas_are_xsd_1_0_that_lxml_compiles():
    for kind in ("answer", "sound"):
        etree.XMLSchema(etree.parse(str(schema_path(kind))))  # raises if libxml2 cannot compile it
        assert xmlschema.XMLSchema10(str(schema_path(kind))).XSD_VERSION == "1.0"


def test_a_new_kind_of_check_needs_an_xsd_form():
    class Odd(Check[str]):
        allowed = "odd"

    with pytest.raises(NotImplementedError):
        python_facts(Odd())
    # and the facts distinguish what they must: a bound, a pattern, a member
    assert python_facts(Integer(1, 20)) != python_facts(Integer(1, 19))
    assert python_facts(Url()) != python_facts(Pattern("[0-9]+", "digits"))
    assert python_facts(Choice("a", "b")) != python_facts(Choice("a", "b", case_insensitive=True))


MPC_LEVELS = {"MPC-level:": "mpc", "Participant-level:": "participant"}


@pytest.mark.parametrize("spec", [s for s in ELEMENT_CLASSES["MultiPartyCall"].specs.values() if s.xml is not None])
def test_every_mpc_attribute_has_one_level_in_both(spec: AttributeSpec):
    # the level (does the first participant's value configure the MPC?) is stated in the class and the XSD
    xs = {"xs": XSD_NAMESPACE}
    tree = etree.parse(str(schema_path("answer")))
    (text,) = tree.xpath(
        f"//xs:complexType[@name='MultiPartyCallType']//xs:attribute[@name='{spec.xml}']"
        "/xs:annotation/xs:documentation/text()",
        namespaces=xs,
    )
    prefix = str(text).split(" ", 1)[0]
    assert prefix in MPC_LEVELS, f"{spec.xml}: its documentation must start with MPC-level: or Participant-level:"
    assert MPC_LEVELS[prefix] == spec.level


def test_only_mpc_attributes_have_a_level():
    for tag, cls in ELEMENT_CLASSES.items():
        for spec in cls.specs.values():
            if tag != "MultiPartyCall" or spec.xml is None:
                assert spec.level is None, (tag, spec.name)
