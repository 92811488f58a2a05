"""``parse``: a document read back into the typed element classes.

The XSD decides validity (one verdict for ``validate`` and ``parse``); the
element classes then read each value with their check's ``from_wire``, so an
attribute comes back as the Python value it was built from (``"true"`` -> True,
``"5"`` -> 5, ``"a,b"`` -> ("a", "b")).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lxml import etree

from .._errors import ParseError, ValidationError
from .._xml_whitespace import is_xml_blank, xml_strip
from ..elements import ELEMENT_CLASSES, Element, Response, Text
from ..elements._checks import Check, Refused
from ..elements._spellings import SPELLINGS
from ._location import Kind, check_kind
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
    ``clean``), so the value is checked once, not twice."""
    return None if type(check).from_wire is Check.from_wire else check.from_wire


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


def parse(source: Source, *, kind: Kind = "answer", max_bytes: int = MAX_BYTES) -> Response:
    """Read a document into a :class:`~plivoxml_plus.Response` of typed elements.

    ``source`` is as for :func:`validate`. An invalid document raises
    :class:`~plivoxml_plus.ParseError` with the first problem's ``line`` and
    ``column`` and every problem in ``problems``. Surrounding whitespace of element
    text is not part of the value (``<Conference>\\n  room\\n</Conference>`` is the
    room ``"room"``).
    """
    kind = check_kind(kind)
    loaded = load(source, max_bytes=max_bytes)
    if isinstance(loaded, Problem):
        raise problems_error((loaded,))
    check_loaded(loaded, kind).raise_for_problems()
    return _build(loaded)


def _build(loaded: Loaded) -> Response:
    children: list[Element] = []
    for node in loaded[0].iterchildren("*"):
        children.append(_element(loaded, node))
    return Response(children)


def _element(loaded: Loaded, node: etree._Element) -> Element:
    """``node`` and what it holds as an element object (one call per element: the
    nesting of a valid document is shallow, Response > Dial > Number at most
    three levels below the root outside Speak)."""
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
        _add_children(loaded, node, element)
    return element


def _add_children(loaded: Loaded, node: etree._Element, element: Element) -> None:
    """The element children of ``node``, and the text after each one (mixed content),
    added to ``element`` in document order."""
    after: list[str] = []  # text since the last element child (comments between pieces are not text)
    seen = False
    for child in node:
        if isinstance(child.tag, str):
            _add_text(loaded, node, element, after)
            built = _element(loaded, child)
            try:
                element.add(built)
            except ValidationError as error:  # the XSD accepted a nesting the classes refuse
                raise _disagreement(loaded, child, error) from None
            seen = True
        if seen and child.tail:
            after.append(child.tail)
    _add_text(loaded, node, element, after)


def _leading_text(node: etree._Element) -> str:
    """A mixed element's text before its first element child (around comments)."""
    pieces = [node.text or ""]
    for child in node:
        if isinstance(child.tag, str):
            break
        pieces.append(child.tail or "")
    return "".join(pieces)


def _add_text(loaded: Loaded, node: etree._Element, element: Element, after: list[str]) -> None:
    """Text after an SSML element, kept as written (a Text child, which writes it back
    as it was); blank text between elements is formatting, none."""
    text = "".join(after)
    after.clear()
    if not is_xml_blank(text):
        try:
            element.add(Text(text))
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
