"""One truth, proven: the XSD and the element classes state the same facts.

xmlschema (an independent XSD implementation, tests only) reads
``schemas/plivoxml.xsd``; each attribute's XSD declaration is reduced to plain
facts (built-in base type, whitespace handling, patterns, enumeration, bounds,
length) and compared with the facts of the Python check object on the same
attribute, together with the attribute's name, default and required-ness, each
element's children (for every element of the nesting, down to the SSML inside a
Speak), and each element's text content.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import permutations
from pathlib import Path
from typing import Any

import pytest
import xmlschema
from lxml import etree
from xmlschema.names import (
    XSD_ENUMERATION,
    XSD_MAX_INCLUSIVE,
    XSD_MAX_LENGTH,
    XSD_MIN_INCLUSIVE,
    XSD_MIN_LENGTH,
    XSD_NAMESPACE,
    XSD_PATTERN,
)

from plivoxml_plus import schema_path
from plivoxml_plus.elements import ELEMENT_CLASSES, SOUND_CHILDREN, AttributeSpec, Cont, Element, Response, ssml
from plivoxml_plus.elements._checks import (
    INT_MAX,
    Boolean,
    Check,
    Choice,
    Integer,
    OrWords,
    Pattern,
    StringList,
    Text,
    Url,
    UrlText,
)
from plivoxml_plus.elements._values import EVENT_GROUPS, LANGUAGE
from plivoxml_plus.elements.ssml import XML_LANG

INT_MIN = -(2**31)
Facts = dict[str, Any]


@cache
def answer_schema() -> xmlschema.XMLSchema10:
    return xmlschema.XMLSchema10(str(schema_path("answer")))


@cache
def sound_schema() -> xmlschema.XMLSchema10:
    return xmlschema.XMLSchema10(str(schema_path("sound")))


def child_declarations(declaration: Any) -> list[Any]:
    """The element declarations of ``declaration``'s content model, in order (none
    for an element of simple or empty content)."""
    xsd_type = declaration.type
    if not xsd_type.is_complex() or xsd_type.has_simple_content() or xsd_type.is_empty():
        return []
    return list(xsd_type.content.iter_elements())


def declarations(schema: xmlschema.XMLSchema10) -> dict[str, Any]:
    """Element name -> XSD element declaration, for every element of the nesting
    (the root, its children, theirs...). The same name always has the same type."""
    root: Any = schema.elements["Response"]
    found = {"Response": root}
    todo = [root]
    while todo:
        for child in child_declarations(todo.pop()):
            seen = found.get(child.name)
            if seen is None:
                found[child.name] = child
                todo.append(child)
            else:
                assert child.type is seen.type, f"<{child.name}> is declared with two types"
    return found


# -- facts from the XSD ------------------------------------------------------------

NO_FACTS: Facts = dict.fromkeys(("enumeration", "min", "max", "min_length", "max_length"), None) | {"patterns": []}
FACETS = (
    (XSD_MIN_INCLUSIVE, "min"),
    (XSD_MAX_INCLUSIVE, "max"),
    (XSD_MIN_LENGTH, "min_length"),
    (XSD_MAX_LENGTH, "max_length"),
)


def xsd_facts(xsd_type: Any) -> Facts:
    """The facts of a simple type: walk its derivation down to the built-in type."""
    if xsd_type.is_union():
        return {"union": [xsd_facts(member) for member in xsd_type.member_types]}
    facts: Facts = {**NO_FACTS, "patterns": []}  # (a list of its own: patterns are appended)
    facts["whitespace"] = xsd_type.white_space
    step = xsd_type
    while type(step).__name__ != "XsdAtomicBuiltin":
        own = step.facets
        if XSD_PATTERN in own:  # patterns of one step are alternatives; of several steps, all apply
            facts["patterns"].append(tuple(own[XSD_PATTERN].regexps))
        if XSD_ENUMERATION in own:
            assert facts["enumeration"] is None, "enumerations on two derivation steps"
            facts["enumeration"] = tuple(own[XSD_ENUMERATION].enumeration)
        for name, key in FACETS:
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
    facts: Facts = {**NO_FACTS, "patterns": []}  # (a list of its own: patterns are appended)
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
    if isinstance(check, OrWords):  # the words, or what the other check allows: a union (Sound too)
        return {"union": [_facts("string", "preserve", enumeration=check.words), python_facts(check.other)]}
    if isinstance(check, UrlText):  # element text: xs:token trims it before the pattern applies
        return _facts("token", "collapse", patterns=[(check.pattern,)], max_length=check.maximum)
    if isinstance(check, Pattern):  # (Url is a Pattern)
        return _facts("string", "preserve", patterns=[(check.pattern,)], max_length=check.maximum)
    if isinstance(check, Text):
        # xs:token: surrounding whitespace is not part of the value; at least one other character
        return _facts("token", "collapse", min_length=1, max_length=check.maximum)
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

NON_ROOT = [cls for cls in ELEMENT_CLASSES.values() if cls is not Response]
# Elements that hold others (Response, Dial, GetDigits, GetInput, PreAnswer, Speak, the SSML containers)
CONTAINERS = [cls for cls in ELEMENT_CLASSES.values() if cls.allowed_children]
LEAVES = [cls for cls in ELEMENT_CLASSES.values() if not cls.allowed_children]


def has_content(cls: type[Element]) -> bool:
    return any(spec.xml is None for spec in cls.specs.values())


def shown_xml(name: str | None) -> str:
    return "xml:lang" if name == XML_LANG else str(name)


ATTRIBUTE_SPECS = [
    pytest.param(cls, spec, id=f"{cls.tag}.{shown_xml(spec.xml)}")
    for cls in NON_ROOT
    for spec in cls.specs.values()
    if spec.xml
]
# text only: the content is the element's simple content
CONTENT_SPECS = [
    pytest.param(cls, spec, id=cls.tag) for cls in LEAVES for spec in cls.specs.values() if spec.xml is None
]
# text and elements: mixed content (Speak and the SSML containers)
MIXED_CONTENT_SPECS = [
    pytest.param(cls, spec, id=cls.tag) for cls in CONTAINERS for spec in cls.specs.values() if spec.xml is None
]

# The Python names that are not the snake_case of their XML names, each for a reason.
NAME_EXCEPTIONS = {
    ("DTMF", "async"): "async_",  # async is a Python keyword
    ("lang", XML_LANG): "xmllang",  # plivo-python's keyword for xml:lang
    # Stream's attributes are named as plivo-python (and the XML) names them
    **{
        ("Stream", xml): xml
        for xml in ("streamTimeout", "statusCallbackUrl", "statusCallbackMethod", "contentType", "extraHeaders",
                    "keepCallAlive", "audioTrack")
    },
}  # fmt: skip


def snake(xml_name: str) -> str:
    """``relayDTMFInputs`` -> ``relay_dtmf_inputs``: the Python name an XML name calls for."""
    words = re.findall(r"[A-Z]+(?=[A-Z][a-z]|$)|[A-Z]?[a-z0-9]+", xml_name)
    return "_".join(word.lower() for word in words)


def xml_children(cls: type[Element]) -> tuple[str, ...]:
    """The elements ``cls`` may hold in a document (not the text classes, ``text_runs``)."""
    return cls.allowed_children


def reachable(tags: tuple[str, ...]) -> set[str]:
    """``tags`` and every element they may hold, and those hold...: the nesting below them."""
    found: set[str] = set()
    todo = list(tags)
    while todo:
        tag = todo.pop()
        if tag not in found:
            found.add(tag)
            todo.extend(xml_children(ELEMENT_CLASSES[tag]))
    return found


def documentation(type_name: str) -> str:
    xs = {"xs": XSD_NAMESPACE}
    tree = etree.parse(str(schema_path("answer")))
    (text,) = tree.xpath(f"//xs:complexType[@name='{type_name}']/xs:annotation/xs:documentation/text()", namespaces=xs)
    return str(text)


def test_the_xsd_declares_every_element_class_and_no_other():
    assert set(declarations(answer_schema())) == set(ELEMENT_CLASSES)
    # plivo-python's text continuation, and the text after an SSML element, are no elements
    assert Cont.tag not in ELEMENT_CLASSES and ssml.Text.tag not in ELEMENT_CLASSES
    # every element class is reached from Response by its classes' nesting too
    assert reachable((Response.tag,)) == set(ELEMENT_CLASSES)


@pytest.mark.parametrize("cls", NON_ROOT, ids=lambda cls: cls.tag)
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
    # names: the Python name is the snake_case of the XML name (but for NAME_EXCEPTIONS)
    assert spec.name == NAME_EXCEPTIONS.get((cls.tag, spec.xml), snake(spec.xml))
    # required-ness
    assert (attribute.use == "required") is spec.required
    # default: the platform default, written as the wire form of the Python default
    if spec.default is None:
        assert attribute.default is None
    else:
        assert attribute.default == spec.check.to_wire(spec.check.clean(spec.default))
    # type, bounds, enumeration, pattern, whitespace
    assert xsd_facts(attribute.type) == python_facts(spec.check)


def test_the_name_exceptions_are_real():
    # each exception names an attribute that exists, and is one (not the snake_case after all)
    for (tag, xml), name in NAME_EXCEPTIONS.items():
        assert ELEMENT_CLASSES[tag].specs[name].xml == xml
        assert name != snake(xml) or name == xml == name.lower()


@pytest.mark.parametrize("cls", NON_ROOT, ids=lambda cls: cls.tag)
def test_constructor_keywords_are_the_names_or_streams_xml_names(cls: type[Element]):
    # Stream takes plivo-python's camelCase keywords (audioTrack=): its names are its XML names
    for spec in cls.specs.values():
        assert spec.keyword == spec.name
        if cls.tag == "Stream" and spec.xml is not None:
            assert spec.name == spec.xml


@pytest.mark.parametrize(("cls", "spec"), CONTENT_SPECS)
def test_text_content_agrees(cls: type[Element], spec: AttributeSpec):
    declaration = declarations(answer_schema())[cls.tag]
    assert declaration.type.has_simple_content()
    assert spec.required  # both: the text is required (the XSD type refuses "")
    assert not declaration.type.content.is_valid("")
    assert xsd_facts(declaration.type.content) == python_facts(spec.check)


@pytest.mark.parametrize(("cls", "spec"), MIXED_CONTENT_SPECS)
def test_text_among_elements_is_mixed_content(cls: type[Element], spec: AttributeSpec):
    # text and elements: XSD 1.0 cannot constrain mixed text, and the type says so
    declaration = declarations(answer_schema())[cls.tag]
    assert declaration.type.mixed
    assert declaration.type.has_complex_content()
    assert not spec.required  # both: the text may be left out (SSML elements carry the words)
    assert "cannot constrain the text of mixed content" in documentation(declaration.type.name)


@pytest.mark.parametrize("cls", [cls for cls in ELEMENT_CLASSES.values() if not has_content(cls)], ids=str)
def test_elements_without_text_hold_no_text_in_the_xsd(cls: type[Element]):
    xsd_type = declarations(answer_schema())[cls.tag].type
    assert not xsd_type.mixed
    if cls.allowed_children:  # element-only content
        assert xsd_type.has_complex_content()
    else:
        assert xsd_type.is_empty()


@pytest.mark.parametrize("cls", CONTAINERS, ids=lambda cls: cls.tag)
def test_children_agree(cls: type[Element]):
    declaration = declarations(answer_schema())[cls.tag]
    group = declaration.type.content
    # a repeated choice (the validator's review relies on it), of elements only
    assert (group.model, group.min_occurs, group.max_occurs) == ("choice", 0, None)
    assert all(type(particle).__name__ == "XsdElement" for particle in group)
    children = child_declarations(declaration)
    assert tuple(child.name for child in children) == xml_children(cls)
    assert all(child.min_occurs == 1 and child.max_occurs == 1 for child in children)


@pytest.mark.parametrize("cls", LEAVES, ids=lambda cls: cls.tag)
def test_leaves_hold_no_elements(cls: type[Element]):
    declaration = declarations(answer_schema())[cls.tag]
    assert not declaration.type.has_complex_content()
    assert child_declarations(declaration) == []


def test_children_agree_for_answer_and_sound_documents():
    answer = [child.name for child in declarations(answer_schema())["Response"].type.content.iter_elements()]
    sound = [child.name for child in declarations(sound_schema())["Response"].type.content.iter_elements()]
    assert tuple(answer) == Response.allowed_children
    assert tuple(sound) == SOUND_CHILDREN
    # an element nests others exactly when its class does
    for tag, declaration in declarations(answer_schema()).items():
        assert declaration.type.has_complex_content() is bool(ELEMENT_CLASSES[tag].allowed_children), tag


def test_the_sound_schema_reuses_the_answer_types():
    answer, sound = declarations(answer_schema()), declarations(sound_schema())
    assert set(sound) == {"Response", *reachable(SOUND_CHILDREN)}  # Play, Speak (with its SSML) and Wait
    assert set(SOUND_CHILDREN) <= set(sound)
    for tag in set(sound) - {"Response"}:
        assert sound[tag].type.name == answer[tag].type.name
        assert set(sound[tag].attributes) == set(answer[tag].attributes)
        assert [c.name for c in child_declarations(sound[tag])] == [c.name for c in child_declarations(answer[tag])]


def test_xml_lang_is_declared_locally_as_the_class_checks_it():
    # <lang>'s xml:lang comes from xml.xsd next to plivoxml.xsd: an xs:language in every value,
    # restricted (from xs:string, so no whitespace is collapsed) to the class's LANGUAGE pattern
    attribute = declarations(answer_schema())["lang"].attributes[XML_LANG]
    assert xsd_facts(attribute.type) == python_facts(LANGUAGE)
    declared: Any = answer_schema().maps.attributes[XML_LANG]  # the global declaration <lang> refers to
    assert declared.type is attribute.type
    assert Path(str(declared.schema.url).removeprefix("file://")) == schema_path("answer").parent / "xml.xsd"
    meta: Any = xmlschema.XMLSchema10.meta_schema
    language = meta.types["language"]
    for value in ("en-US", "fr-FR", "arb", "cmn-CN"):
        assert attribute.type.is_valid(value) and language.is_valid(value)
    for value in (" en-US", "en-US ", "en-us", "english", ""):
        assert not attribute.type.is_valid(value)


def test_the_schemas_open_no_network_location():
    # every xs:import, xs:include and xs:redefine names a file of the schemas' own folder
    xs = {"xs": XSD_NAMESPACE}
    folder = schema_path("answer").parent
    for path in sorted(folder.glob("*.xsd")):
        for node in etree.parse(str(path)).xpath("//xs:import | //xs:include | //xs:redefine", namespaces=xs):
            location = node.get("schemaLocation")
            assert location is not None and "/" not in location and ":" not in location, (path.name, location)
            assert (folder / location).is_file(), (path.name, location)
    # and xml.xsd declares only what Plivo XML uses of the XML namespace
    tree = etree.parse(str(folder / "xml.xsd"))
    assert tree.getroot().get("targetNamespace") == "http://www.w3.org/XML/1998/namespace"
    assert [node.get("name") for node in tree.xpath("/xs:schema/xs:*[@name]", namespaces=xs)] == ["lang"]


def test_event_groups_enumeration_matches_the_groups():
    events = declarations(answer_schema())["MultiPartyCall"].attributes["statusCallbackEvents"]
    single = {value for value in xsd_facts(events.type)["enumeration"] if "," not in value}
    assert single == set(EVENT_GROUPS)


def test_every_schema_declaration_is_documented():
    """An xs:documentation for the root, every named type and every attribute."""
    xs = {"xs": XSD_NAMESPACE}
    # (xml.xsd: the xml:lang that plivoxml.xsd imports from its own folder)
    paths = {"answer": schema_path("answer"), "sound": schema_path("sound")}
    paths["xml"] = paths["answer"].parent / "xml.xsd"
    for kind, path in paths.items():
        tree = etree.parse(str(path))
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
