"""Turning libxml2's schema errors into problems a person understands.

libxml2 says *that* something is wrong and where (an element path and a line);
the message says what is allowed in the words of the element classes (each
check's ``allowed`` text, or the reason its ``from_wire`` refuses the value), so
nothing is described twice. Messages read ``<Element> attribute name="value":
allowed: ...``; the position (line:column) is computed from the source.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

from lxml import etree

from .._terminal import printable
from .._xml_whitespace import xml_collapse, xml_split, xml_strip
from ..elements import ELEMENT_CLASSES, SOUND_CHILDREN, AttributeSpec, Response
from ..elements._checks import Refused
from ..elements._spellings import SPELLINGS, Spelling
from ._cross import CrossRule
from ._location import SOUND_URLS, Kind
from ._positions import Locator
from ._result import Problem, Severity

__all__ = ["XML_NAMESPACE", "Describer", "allowed_children", "is_text_error", "own_text", "tag_name", "written_name"]

# "Element 'Conference', attribute 'maxMembers': [facet 'maxInclusive'] The value ..."
_HEAD = re.compile(r"Element '(?P<element>[^']*)'(?:, attribute '(?P<attribute>[^']*)')?: (?P<detail>.*)", re.S)
_QUOTED = re.compile(r"'([^']*)'")
_SHOWN = 60  # longest value quoted in a message
_DOCUMENTED = 300  # longest documented form quoted in full (every list of groups fits)

# XML name -> spec (None: the text content), per element
_SPECS: dict[str, dict[str | None, AttributeSpec]] = {
    tag: {spec.xml: spec for spec in cls.specs.values()} for tag, cls in ELEMENT_CLASSES.items()
}
_TAGS_BY_LOWER = {tag.lower(): tag for tag in ELEMENT_CLASSES}


def _show(value: str, limit: int = _SHOWN) -> str:
    shown = value if len(value) <= limit else value[: limit - 3] + "..."
    shown = shown.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + printable(shown) + '"'  # (a no-break space, a line separator, ESC: seen as escapes)


def tag_name(tag: object) -> str:
    """An element's name as written (a namespaced one as ``{uri}name``)."""
    return tag if isinstance(tag, str) else "?"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _accepts(spec: AttributeSpec, text: str) -> bool:
    try:
        spec.check.from_wire(text)
    except Refused:
        return False
    return True


def _why(spec: AttributeSpec, text: str) -> str:
    """What ``spec`` allows, in the words of the reason its check refuses ``text``."""
    try:
        spec.check.from_wire(text)
    except Refused as why:
        allowed = str(why.args[0])
    else:
        allowed = spec.check.allowed
    trimmed = xml_strip(text)
    if trimmed != text and _accepts(spec, trimmed):
        allowed += f", without the whitespace around {_show(trimmed)}"
    return allowed


_TEXT_ERRORS = ("Character content", "Element content is not allowed")


def is_text_error(entry: etree._LogEntry) -> bool:
    """Whether libxml2's ``entry`` is about the text (or the absence of text) directly inside its element."""
    head = _HEAD.match(entry.message)
    return head is not None and head.group("attribute") is None and head.group("detail").startswith(_TEXT_ERRORS)


def own_text(node: etree._Element) -> str:
    """The text directly inside ``node`` (around its comments or children), as XSD reads it."""
    if not len(node):
        return node.text or ""
    return (node.text or "") + "".join(child.tail or "" for child in node)


def _did_you_mean_element(tag: str) -> str:
    local = _local(tag)
    if tag != local:
        return f" (Plivo XML uses no namespace: write <{local}> without xmlns)" if local in ELEMENT_CLASSES else ""
    known = _TAGS_BY_LOWER.get(tag.lower())
    if known is not None:
        return f"; did you mean <{known}>? (element names are case-sensitive)"
    close = difflib.get_close_matches(tag, list(ELEMENT_CLASSES), n=1, cutoff=0.75)
    return f"; did you mean <{close[0]}>?" if close else ""


XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"


def written_name(name: str) -> str:
    """An attribute's name as written, ``xml:lang`` for lxml's ``{...}lang`` (as XPath's name() gives it)."""
    return "xml:" + name[len(XML_NAMESPACE) + 2 :] if name.startswith("{" + XML_NAMESPACE + "}") else name


def _unknown_attribute(tag: str, name: str) -> str:
    specs = _SPECS.get(tag, {})
    names = [written_name(xml) for xml in specs if xml is not None]
    if not names:
        return f"<{tag}> takes no attributes; found {name}"
    by_lower = {xml.lower(): xml for xml in names}
    by_python = {spec.name: spec.xml for spec in specs.values() if spec.xml is not None}
    if name.lower() in by_lower:
        hint = f"did you mean {by_lower[name.lower()]}? (attribute names are case-sensitive)"
    elif name in by_python:
        hint = f"did you mean {by_python[name]}? ({name} is the Python name; XML names are camelCase)"
    else:
        # (compared without case: relayDtmfInput is closest to relayDTMFInputs)
        close = difflib.get_close_matches(name.lower(), list(by_lower), n=1, cutoff=0.75)
        hint = f"did you mean {by_lower[close[0]]}?" if close else f"allowed: {', '.join(names)}"
    return f"<{tag}> has no attribute {name}; {hint}"


def allowed_children(parent: etree._Element, kind: Kind) -> tuple[str, ...]:
    """The element names ``parent`` may hold, in a document of ``kind``."""
    if parent.tag == Response.tag:
        return SOUND_CHILDREN if kind == "sound" else Response.allowed_children
    cls = ELEMENT_CLASSES.get(tag_name(parent.tag))
    return cls.allowed_children if cls is not None else ()


_XSI = "http://www.w3.org/2001/XMLSchema-instance"


def _written_name(node: etree._Element, name: str) -> str:
    """A namespaced attribute's name as written (``xsi:type``), from ``{uri}type``."""
    uri, _, local = name[1:].partition("}")
    for prefix, bound in node.nsmap.items():
        if bound == uri and prefix:
            return f"{prefix}:{local}"
    return f"xml:{local}" if uri == XML_NAMESPACE else name


def _first_text(node: etree._Element) -> str:
    """The first non-blank piece of the text directly inside ``node``, if any."""
    pieces = [node.text, *(child.tail for child in node)] if len(node) else [node.text]
    for piece in pieces:
        words = xml_split(piece) if piece else ()
        if words:
            return words[0]
    return ""


def _attribute_finding(
    node: etree._Element, tag: str, name: str, type_name: str, detail: str
) -> tuple[Severity, Callable[[], str]]:
    """How bad the problem libxml2 found with attribute ``name`` of ``node`` is,
    and how to say it: a warning when it is a spelling Plivo's SDKs write and
    the platform accepts (``SPELLINGS``, ``Check.variant``), else an error."""
    if type_name.startswith("SCHEMAV_CVC_COMPLEX_TYPE_3_2"):
        spelling = SPELLINGS.get((tag, name))
        if spelling is None:  # (its value is not read: a look-up costs a walk of the element's attributes)
            return "error", lambda: _unknown_attribute(tag, name)
        return _spelling_finding(node, tag, spelling)
    value = node.get(name, "")
    spec = _SPECS.get(tag, {}).get(name)
    if spec is None:
        return "error", lambda: f"<{tag}>: {xml_collapse(detail)}"
    variant = spec.check.variant(value)
    if variant is not None:
        return "warning", lambda: (
            f"<{tag}> attribute {name}={_show(value)}: Plivo documents {_show(variant.documented, _DOCUMENTED)}; "
            f"{variant.why} (accepted, read as {_show(variant.documented, _DOCUMENTED)})"
        )
    return "error", lambda: f"<{tag}> attribute {name}={_show(value)}: allowed: {_why(spec, value)}"


def _spelling_finding(node: etree._Element, tag: str, spelling: Spelling) -> tuple[Severity, Callable[[], str]]:
    written, documented = spelling.written, spelling.documented
    write = "write" if " and " in spelling.who else "writes"
    if documented is None:
        return "warning", lambda: (
            f"<{tag}> attribute {written}: not in Plivo's <{tag}> reference; {spelling.who} {write} it, and what "
            "the platform does with it is not documented (parse() leaves it out)"
        )
    if node.get(documented) is not None:
        return "error", lambda: f"<{tag}> has both {written} and {documented}: write {documented} only"
    spec = _SPECS[tag][documented]
    value = node.get(written, "")
    variant = spec.check.variant(value)
    if not _accepts(spec, value) and (variant is None or not _accepts(spec, variant.documented)):
        return "error", lambda: (
            f"<{tag}> attribute {written}={_show(value)} (read as {documented}): allowed: {_why(spec, value)}"
        )
    also = ""
    if variant is not None:
        also = f"; its value {_show(value)} is {_show(variant.documented)} in the documented form ({variant.why})"
    return "warning", lambda: (
        f"<{tag}> attribute {written}: Plivo documents the name {documented}; {written} is what {spelling.who} "
        f"{write} (accepted, read as {documented}){also}"
    )


class _Finding:
    """One problem, and how many more of its kind the same element has.

    The message is written only for the problems that are listed (a few
    hundred at most, whatever the document): ``message`` makes it.
    """

    __slots__ = ("attribute", "count", "element", "mark", "message", "node", "order", "severity")

    def __init__(
        self,
        mark: int | None,
        element: str | None,
        attribute: str | None,
        message: Callable[[], str],
        severity: Severity,
    ) -> None:
        self.severity = severity
        self.mark = mark  # where it is (see Locator)
        self.element = element
        self.attribute = attribute
        self.message = message
        self.count = 1
        self.order = 0  # an attribute's: 1 + its place in its element (see Locator.attribute_order)
        self.node: etree._Element | None = None  # its element, to locate it if it is listed


class Describer:
    """Builds the problems of one document: one per (element, issue), repeats counted.

    Each problem's key is checked before its message or position is computed, so
    a thousand repeats of one problem cost a thousand dictionary look-ups, not a
    thousand messages.
    """

    def __init__(self, root: etree._Element, locator: Locator, kind: Kind) -> None:
        self.root = root
        self.locator = locator
        self.kind = kind
        self._found: dict[tuple[object, ...], _Finding] = {}
        self._last: _Finding | None = None
        self._lines: dict[int | None, list[etree._Element]] | None = None
        self._batches: list[tuple[etree._Element, list[str], bool]] = []  # see refused_attributes

    def _seen(self, key: tuple[object, ...]) -> bool:
        finding = self._found.get(key)
        if finding is None:
            return False
        finding.count += 1
        self._last = finding
        return True

    def again(self) -> None:
        """The problem just described occurs once more (the same error of the same element);
        an attribute has one value, so what libxml2 says of it again is the same problem."""
        if self._last is not None and self._last.attribute is None:
            self._last.count += 1

    def _add(  # noqa: PLR0917 (one call per kind of problem; keywords would only add noise)
        self,
        key: tuple[object, ...],
        mark: int | None,
        element: str | None,
        attribute: str | None,
        message: Callable[[], str],
        severity: Severity = "error",
    ) -> None:
        self._found[key] = self._last = _Finding(mark, element, attribute, message, severity)

    def _attribute_problem(
        self, node: etree._Element, name: str, written: str, message: Callable[[], str], severity: Severity
    ) -> _Finding:
        """A problem of attribute ``name`` (as lxml names it; ``written``: as the
        source writes it) of ``node``: ordered now, located only if it is listed."""
        mark, order = self.locator.attribute_order(node, name)
        finding = _Finding(mark, tag_name(node.tag), written, message, severity)
        if order:
            finding.order, finding.node = order, node
        return finding

    def problems(self, listed: int) -> tuple[tuple[Problem, ...], int, int]:
        """The first ``listed`` problems in document order (libxml2's order where
        positions tie), how many more there are, and how many of those are errors."""
        made = [
            self._refused_attribute(node, name, foreign=foreign)
            for node, names, foreign in self._batches
            for name in names[:listed]
        ]
        total = len(self._found) + sum(len(names) for _, names, _ in self._batches)
        ordered = sorted([*self._found.values(), *made], key=lambda f: (f.mark is None, f.mark or 0, f.order))
        found = ordered[:listed]
        # (the refused attributes not made into findings are errors, all past the listed ones)
        omitted_errors = sum(f.severity == "error" for f in ordered[listed:]) + total - len(ordered)
        marks = [f.mark if f.node is None else self.locator.attribute(f.node, f.attribute or "") for f in found]
        positions = self.locator.positions(marks)
        shown = tuple(
            Problem(
                line,
                column,
                f.element,
                f.attribute,
                f.message() if f.count == 1 else f"{f.message()} (and {f.count - 1} more like it)",
                count=f.count,
                severity=f.severity,
            )
            for f, (line, column) in zip(found, positions, strict=True)
        )
        return shown, total - len(shown), omitted_errors

    # -- what the review finds itself --------------------------------------------------

    def wrong_root(self, root: etree._Element) -> None:
        tag = tag_name(root.tag)

        def message() -> str:
            hint = f"; wrap it in <{Response.tag}>" if tag in ELEMENT_CLASSES else _did_you_mean_element(tag)
            return f"the root element must be <{Response.tag}>, not <{tag}>{hint}"

        self._add(("root",), self.locator.element(root), tag, None, message)

    def refused_attributes(self, node: etree._Element, names: list[str], *, foreign: bool) -> None:
        """Attributes ``names`` of ``node`` (lxml's names, in source order), which
        it cannot take: in a namespace (``foreign``; Plivo XML has none) or unknown
        to its element. Each is a problem of its own; only as many as can be listed
        are made into findings (:meth:`problems`): an element with a hundred
        thousand of them costs a list, not a hundred thousand findings."""
        self.locator.attribute_order(node, names[0])  # (their places, read before the review takes them out)
        self._batches.append((node, names, foreign))

    def _refused_attribute(self, node: etree._Element, name: str, *, foreign: bool) -> _Finding:
        tag = tag_name(node.tag)
        written = _written_name(node, name) if name[0] == "{" else name

        def message() -> str:
            if not foreign:
                return _unknown_attribute(tag, written)
            if name.startswith("{" + _XSI + "}"):
                why = (
                    "Plivo XML uses no namespaces, and XML Schema instance attributes (xsi:type, xsi:nil, "
                    "xsi:schemaLocation, xsi:noNamespaceSchemaLocation) are not part of it; to check a document "
                    "against plivoxml.xsd in an editor, associate the schema in the editor's settings instead"
                )
            else:
                why = "Plivo XML uses no namespaces: write its attributes without a prefix"
            return f"<{tag}> attribute {written}: {why}"

        return self._attribute_problem(node, name, written, message, "error")

    def unexpected_child(self, child: etree._Element, parent: etree._Element, allowed: tuple[str, ...]) -> None:
        """``child`` stands in ``parent``, which can hold only ``allowed`` (none: only text or nothing)."""
        tag = tag_name(child.tag)
        key = (self.locator.index(parent), "child", tag)
        if self._seen(key):
            return
        parent_tag = tag_name(parent.tag)
        sound_root = parent is self.root and parent.tag == Response.tag and self.kind == "sound"

        def message() -> str:
            if not allowed:
                content = _SPECS.get(parent_tag, {}).get(None)
                holds = f"only text ({content.check.allowed})" if content is not None else "no children and no text"
                return f"<{tag}> cannot be nested in <{parent_tag}>, which holds {holds}"
            where = f"a sound document (the <Response> that {SOUND_URLS} return)" if sound_root else f"<{parent_tag}>"
            hint = "" if tag in ELEMENT_CLASSES else _did_you_mean_element(tag)
            return f"<{tag}> is not allowed in {where}{hint}; allowed: {', '.join(allowed)}"

        self._add(key, self.locator.element(child), tag, None, message)

    def cross(self, node: etree._Element, rule: CrossRule) -> None:
        """``node`` is what ``rule`` (a rule between elements, see ``_cross.py``) finds: a warning."""
        key = (self.locator.index(node), "cross", rule.name)
        if self._seen(key):
            return

        def message() -> str:
            return rule.message(node)

        if rule.attribute is not None and node.get(rule.attribute) is not None:
            finding = self._attribute_problem(node, rule.attribute, rule.attribute, message, "warning")
            self._found[key] = self._last = finding
        else:
            self._add(key, self.locator.element(node), tag_name(node.tag), rule.attribute, message, "warning")

    # -- what libxml2 reports ----------------------------------------------------------

    def _node_on_line(self, entry: etree._LogEntry, element: str | None) -> etree._Element | None:
        # an error whose path the index does not know: the element of that name on
        # the reported line, else the root
        if self._lines is None:
            self._lines = {}
            for node in self.root.iter("*"):
                self._lines.setdefault(node.sourceline, []).append(node)
        for candidate in self._lines.get(entry.line, ()):
            if element is None or candidate.tag == element:
                return candidate
        return self.root if element is None or self.root.tag == element else None

    def entry(self, entry: etree._LogEntry, node: etree._Element | None) -> None:
        """One error of libxml2's log, about ``node`` (None: not known)."""
        text = entry.message
        head = _HEAD.match(text)
        element = head.group("element") if head else None
        attribute = head.group("attribute") if head else None
        detail = head.group("detail") if head else text
        if node is None:
            node = self._node_on_line(entry, element)
        if node is None:
            key: tuple[object, ...] = (None, text)
            if not self._seen(key):
                self._add(key, self.locator.line(entry.line), element, attribute, lambda: xml_collapse(detail))
            return
        tag = tag_name(node.tag)
        index = self.locator.index(node)
        specs = _SPECS.get(tag, {})
        type_name = entry.type_name

        if attribute is not None:
            key = (index, "@" + attribute)
            finding = self._found.get(key)
            if finding is not None:  # libxml2 saying more of the same value (a union's members): not a repeat
                self._last = finding
                return
            severity, message = _attribute_finding(node, tag, attribute, type_name, detail)
            self._found[key] = self._last = self._attribute_problem(node, attribute, attribute, message, severity)
        elif type_name == "SCHEMAV_CVC_COMPLEX_TYPE_4":
            quoted = _QUOTED.findall(detail)
            name = quoted[0] if quoted else "?"
            key = (index, "@" + name)
            if not self._seen(key):
                required = specs.get(name)
                allowed = f"; allowed: {required.check.allowed}" if required is not None else ""
                missing = f"<{tag}> is missing its required attribute {name}{allowed}"
                self._add(key, self.locator.element(node), tag, name, lambda: missing)
        elif detail.startswith(_TEXT_ERRORS):
            key = (index, "content")
            if not self._seen(key):
                self._add(key, self.locator.text(node), tag, None, lambda: self._text_message(node, tag))
        elif None in specs:  # a value problem of the text content
            key = (index, "content")
            if not self._seen(key):

                def content_message() -> str:
                    content = own_text(node)
                    return f"<{tag}> text {_show(content)}: allowed: {_why(specs[None], content)}"

                self._add(key, self.locator.text(node), tag, None, content_message)
        else:  # nothing better to say than libxml2
            said = xml_collapse(detail)
            key = (index, said)
            if not self._seen(key):
                self._add(key, self.locator.element(node), tag, None, lambda: f"<{tag}>: {said}")

    def _text_message(self, node: etree._Element, tag: str) -> str:
        first = _first_text(node)
        found = _show(first) if first else "whitespace"
        if first.isspace():  # (U+00A0 and the like: whitespace to Python, text to XML)
            found += "; XML's whitespace is space, tab, CR and LF only, and this character is text"
        children = allowed_children(node, self.kind)
        holds = f"it holds only elements ({', '.join(children)})" if children else "it takes attributes only"
        return f"<{tag}> cannot hold text (found {found}); {holds}"
