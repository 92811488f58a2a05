"""``parse``: a document read back into the typed element classes.

The XSD decides validity (one verdict for ``validate`` and ``parse``); the
element classes then read each value with their check's ``from_wire``, so an
attribute comes back as the Python value it was built from (``"true"`` -> True,
``"5"`` -> 5, ``"a,b"`` -> ("a", "b")).

A document the XSD accepts without a problem (not even a warning) is read on a
fast path (README: Performance, Validating and parsing): the XSD and the classes agree attribute by attribute
(tests/test_schema_agreement.py), so each text is already known valid, and each
object is made as its constructor would make it, without the constructor's checks:
the value read from the text (by the plan's converter, or as the check's ``clean``
takes valid text) and the wire text beside it, written straight into the
instance. What the fast path is not sure of (an attribute it has no reading for,
a converter that refuses, text missing) is left to the constructors, as is every
document validate warned about (an SDK's spelling, read in its documented form).
tests/test_parse_fast.py proves both paths make equal objects.
"""

from __future__ import annotations

from collections.abc import Callable, Set
from typing import Any

from lxml import etree

from .._errors import ParseError, ValidationError
from .._xml_whitespace import XML_WHITESPACE, is_xml_blank, xml_strip
from ..elements import ELEMENT_CLASSES, Element, Response, Text
from ..elements._checks import Check, Choice, OrWords, Pattern, Refused, StringList, UrlText
from ..elements._checks import Text as TextCheck
from ..elements._init_source import check_shape
from ..elements._spellings import SPELLINGS
from ._location import KINDS, Kind, check_kind
from ._messages import own_text
from ._positions import Locator
from ._read import MAX_BYTES, Loaded, Source, load
from ._result import Problem, problems_error
from ._validate import check_loaded

__all__ = ["parse"]


Convert = Callable[[str], Any]


def _converter(check: Check[Any]) -> Convert | None:
    """How to turn wire text into the value for the constructor; None when the
    constructor's own check takes the wire text as it is (its ``from_wire`` is its
    ``clean``: a choice of words or a URL too), so the value is checked once, not twice."""
    if type(check).from_wire is Check.from_wire:
        return None
    if isinstance(check, OrWords) and _converter(check.other) is None:
        return None
    return check.from_wire


# tag -> (class, {XML attribute name: (Python name, converter)}, whether it has text content, whether it nests)
_Plan = tuple[Callable[..., Element], dict[str, tuple[str, Convert | None]], bool, bool]
_PLANS: dict[str, _Plan] = {
    tag: (
        cls,
        {spec.xml: (spec.keyword, _converter(spec.check)) for spec in cls.specs.values() if spec.xml is not None},
        any(spec.xml is None for spec in cls.specs.values()),
        bool(cls.allowed_children),
    )
    for tag, cls in ELEMENT_CLASSES.items()
    if tag != Response.tag
}


# -- the fast path: what an attribute's text, accepted by the XSD, stands for -----------

# How a value is read from its text: by the plan's converter (a bool, an int), which
# gives the value the constructor would be handed, written back by its check's
# to_wire; else as its check's clean takes text the XSD accepted: the text itself
# (a URL, a choice, a pattern's match), the text without the XML whitespace around
# it (xs:token text: a name), or its comma-separated items (a list). UNSURE: a kind
# of check the fast path does not know: the constructor reads the element.
CONVERTED, AS_WRITTEN, STRIPPED, ITEMS, UNSURE = range(5)


def _way(check: Check[Any]) -> int:
    if isinstance(check, OrWords):  # its words as written, or its other check's values
        return AS_WRITTEN if _way(check.other) == AS_WRITTEN else UNSURE
    if isinstance(check, (UrlText, TextCheck)):
        return STRIPPED
    if isinstance(check, (Pattern, Choice)):
        return AS_WRITTEN
    if isinstance(check, StringList) and isinstance(check.item, (Pattern, Choice)):
        return ITEMS
    return UNSURE


def _seen(check: Check[Any]) -> tuple[Set[str], ...]:
    """The values the constructor takes from ``check``'s sets without naming the
    attribute in the instance's ``_fresh`` (its values new to their checks, which
    serializing sets on a copy of a template: _base.write_children); none where it
    never names one (see _init_source.py)."""
    if "remembers" not in check_shape(check):
        return ()
    if isinstance(check, OrWords):  # its words, then its other check's values
        return (frozenset(check.words), *_seen(check.other))
    known = check.known()
    return () if known is None else (known,)


# (Python name, place among the XML attributes (the order _wire keeps), way, the
# plan's converter, the check's to_wire, _seen)
_Reading = tuple[str, int, int, "Convert | None", Callable[[Any], str], tuple[Set[str], ...]]
# (the plan read, {XML attribute name: its reading}, whether the element holds
# children (elements or text), whether text may stand between its elements)
_Shape = tuple[_Plan, dict[str, _Reading], bool, bool]
_SHAPES: dict[str, _Shape] = {}  # by tag: made on first use, again if its plan is replaced


def _shape(tag: str, plan: _Plan) -> _Shape:
    cls = ELEMENT_CLASSES[tag]
    order = {xml: index for index, xml in enumerate(cls._xml_order)}
    readings: dict[str, _Reading] = {}
    for xml, (_, convert) in plan[1].items():
        spec = cls._by_xml[xml]
        way = CONVERTED if convert is not None else _way(spec.check)
        to_wire = str if type(spec.check).to_wire is Check.to_wire else spec.check.to_wire  # (the same: str())
        readings[xml] = (spec.name, order[xml], way, convert, to_wire, _seen(spec.check))
    shape = _SHAPES[tag] = (plan, readings, bool(cls._holds), bool(cls.text_runs))
    return shape


_new: Callable[[Any], Any] = object.__new__  # (an instance, its attributes written below)


def parse(source: Source, *, kind: Kind = "answer", max_bytes: int = MAX_BYTES) -> Response:
    """Read a document into a :class:`~plivoxml_plus.Response` of typed elements.

    ``source`` is as for :func:`validate`. An invalid document raises
    :class:`~plivoxml_plus.ParseError` with the first problem's ``line`` and
    ``column`` and every problem in ``problems``. Surrounding whitespace of element
    text is not part of the value (``<Conference>\\n  room\\n</Conference>`` is the
    room ``"room"``).
    """
    if kind not in KINDS:
        kind = check_kind(kind)  # raises: a usage error
    loaded = load(source, max_bytes=max_bytes)
    if isinstance(loaded, Problem):
        raise problems_error((loaded,))
    verdict = check_loaded(loaded, kind)
    if verdict.problems:  # (warnings alone: the constructors read it, in the documented form)
        verdict.raise_for_problems()
        return _build(loaded, _element)
    return _build(loaded, _accepted_element)


Make = Callable[[Loaded, etree._Element], Element]


def _build(loaded: Loaded, make: Make) -> Response:
    response = Response()
    children = response.__dict__["children"]
    holds = Response._fast_children
    for node in loaded[0].iterchildren("*"):
        child = make(loaded, node)
        if type(child) in holds:  # (what add() does first)
            children.append(child)
        else:
            response.add(child)
    return response


def _accepted_element(loaded: Loaded, node: etree._Element) -> Element:
    """``node``, which the XSD accepted without a problem, and what it holds, as the
    constructors would make them from its texts (``_element``), without checking a
    value again; what it is not sure of, it leaves to ``_element``."""
    tag: str = node.tag  # type: ignore[assignment]
    plan = _PLANS[tag]
    shape = _SHAPES.get(tag)
    if shape is None or shape[0] is not plan:
        shape = _shape(tag, plan)
    cls, _, has_content, nests = plan
    readings = shape[1]
    element: Element = _new(cls)
    store = element.__dict__
    wire: dict[str, str] = {}
    last = -1  # the place of the attribute before (a document may write them in any order)
    ordered = True
    fresh: dict[str, None] | None = None
    value: Any
    for xml, text in node.items():
        reading = readings.get(xml)
        if reading is None:
            return _element(loaded, node)
        attribute, order, way, convert, to_wire, seen = reading
        if way == AS_WRITTEN:
            value = given = written = text
        elif way == CONVERTED:
            try:
                value = given = convert(text)  # type: ignore[misc]
            except Refused:  # (the XSD accepted what the check refuses: _element says so)
                return _element(loaded, node)
            written = to_wire(value)
        elif way == STRIPPED:
            value = written = text.strip(XML_WHITESPACE)
            given = text
        elif way == ITEMS:
            value, given, written = tuple(text.split(",")), text, text
        else:
            return _element(loaded, node)
        if seen:  # marked as the constructor marks it (see _seen)
            for values in seen:
                if given in values:
                    break
            else:
                if fresh is None:
                    fresh = {}
                fresh[xml] = None
        store[attribute] = value
        wire[xml] = written
        if order < last:
            ordered = False
        last = order
    if not ordered:
        wire = {xml: wire[xml] for xml in cls._xml_order if xml in wire}  # type: ignore[attr-defined]
    store["_wire"] = wire
    if fresh is not None:
        store["_fresh"] = fresh
    if has_content:
        if not nests:
            content = (own_text(node) if len(node) else node.text or "").strip(XML_WHITESPACE)
            if not content:  # (text the XSD requires: _element says what is wrong)
                return _element(loaded, node)
            store["content"] = content
        else:
            text = _leading_text(node) if len(node) else node.text or ""
            if text.strip(XML_WHITESPACE):
                store["content"] = text
    if shape[2]:
        store["children"] = children = []
        if nests and len(node):
            if shape[3]:
                _add_children(loaded, node, element, _accepted_element, _text_run)
            else:  # elements only: the text between them is formatting (the XSD allows no other)
                holds = cls._fast_children  # type: ignore[attr-defined]
                for child in node:
                    if isinstance(child.tag, str):
                        built = _accepted_element(loaded, child)
                        if type(built) in holds:  # (what add() does first)
                            children.append(built)
                        else:
                            _add(loaded, element, child, built)
    return element


def _text_run(text: str) -> Element:
    """``Text(text)`` for text that is not blank, which the XSD accepted."""
    run: Element = _new(Text)
    store = run.__dict__
    store["content"] = text
    store["_wire"] = {}
    return run


def _element(loaded: Loaded, node: etree._Element) -> Element:
    """``node`` and what it holds as an element object, made by the constructors
    (one call per element: the nesting of a valid document is shallow, Response >
    Dial > Number at most three levels below the root outside Speak)."""
    build, attributes, has_content, nests = _PLANS[node.tag]  # type: ignore[index]
    values: dict[str, Any] = {}
    try:
        try:
            for xml, text in node.items():
                name, convert = attributes[xml]
                values[name] = text if convert is None else convert(text)
        except (KeyError, Refused):  # a spelling validate warned about: read it in the documented form
            values = _documented_values(node, attributes)
        if has_content:
            if not nests:
                values["content"] = xml_strip(own_text(node))
            else:  # spoken text (Speak, SSML containers) is kept as written: the space
                # before an SSML element separates two words; blank text is none
                text = _leading_text(node)
                if not is_xml_blank(text):
                    values["content"] = text
        try:
            element = build(**values)
        except ValidationError:
            element = build(**(_documented_values(node, attributes) | _content(values)))
    except (KeyError, Refused, ValidationError) as error:  # the XSD accepted what a check refuses
        raise _disagreement(loaded, node, error) from None
    if nests:
        _add_children(loaded, node, element, _element, Text)
    return element


def _add_children(
    loaded: Loaded, node: etree._Element, element: Element, make: Make, text_run: Callable[[str], Element]
) -> None:
    """The element children of ``node`` (each made by ``make``), and the text after
    each one (mixed content, each piece made by ``text_run``), added to ``element``
    in document order."""
    after: list[str] = []  # text since the last element child (comments between pieces are not text)
    seen = False
    for child in node:
        if isinstance(child.tag, str):
            if after:
                _add_text(loaded, node, element, after, text_run)
            _add(loaded, element, child, make(loaded, child))
            seen = True
        if seen and child.tail:
            after.append(child.tail)
    if after:
        _add_text(loaded, node, element, after, text_run)


def _add(loaded: Loaded, element: Element, node: etree._Element, child: Element) -> None:
    """``element.add(child)``, ``child`` made from ``node``."""
    try:
        element.add(child)
    except ValidationError as error:  # the XSD accepted a nesting the classes refuse
        raise _disagreement(loaded, node, error) from None


def _leading_text(node: etree._Element) -> str:
    """A mixed element's text before its first element child (around comments)."""
    pieces = [node.text or ""]
    for child in node:
        if isinstance(child.tag, str):
            break
        pieces.append(child.tail or "")
    return "".join(pieces)


def _add_text(
    loaded: Loaded, node: etree._Element, element: Element, after: list[str], text_run: Callable[[str], Element]
) -> None:
    """Text after an SSML element, kept as written (a Text child, which writes it back
    as it was); blank text between elements is formatting, none."""
    text = "".join(after)
    after.clear()
    if not is_xml_blank(text):
        try:
            element.add(text_run(text))
        except ValidationError as error:  # (text the XSD allows, the classes would refuse)
            raise _disagreement(loaded, node, error) from None


def _content(values: dict[str, Any]) -> dict[str, Any]:
    return {"content": values["content"]} if "content" in values else {}


def _documented_values(node: etree._Element, attributes: dict[str, tuple[str, Convert | None]]) -> dict[str, Any]:
    """The constructor's keywords for ``node``, each attribute read in its documented
    form: an SDK's name for it (``SPELLINGS``) and value spellings (``variant``)
    mapped to what Plivo documents; a name with no documented counterpart left out."""
    tag = str(node.tag)
    specs = ELEMENT_CLASSES[tag]._by_xml
    values: dict[str, Any] = {}
    for xml, text in node.items():
        spelling = SPELLINGS.get((tag, xml))
        documented = spelling.documented if spelling is not None else xml
        if documented is None:
            continue
        name, convert = attributes[documented]
        variant = specs[documented].check.variant(text)
        wire = variant.documented if variant is not None else text
        values[name] = wire if convert is None else convert(wire)
    return values


def _disagreement(loaded: Loaded, node: etree._Element, error: Exception) -> ParseError:
    locator = Locator(*loaded)
    ((line, column),) = locator.positions([locator.element(node)])
    tag = node.tag if isinstance(node.tag, str) else "?"
    problem = Problem(line, column, tag, None, f"<{tag}> could not be built: {error}")
    return ParseError(str(problem), line=line, column=column, problems=(problem,))
