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
from collections import Counter
from collections.abc import Iterable

from lxml import etree

from ..elements import ELEMENT_CLASSES, SOUND_CHILDREN, AttributeSpec, Response
from ..elements._checks import Refused
from ._location import Kind
from ._positions import Locator, Position
from ._result import Problem

__all__ = ["describe", "own_text", "path_index", "slice_index"]

# "Element 'Conference', attribute 'maxMembers': [facet 'maxInclusive'] The value ..."
_HEAD = re.compile(r"Element '(?P<element>[^']*)'(?:, attribute '(?P<attribute>[^']*)')?: (?P<detail>.*)", re.S)
_QUOTED = re.compile(r"'([^']*)'")
_SHOWN = 60  # longest value quoted in a message

# XML name -> spec (None: the text content), per element
_SPECS: dict[str, dict[str | None, AttributeSpec]] = {
    tag: {spec.xml: spec for spec in cls.specs.values()} for tag, cls in ELEMENT_CLASSES.items()
}
_TAGS_BY_LOWER = {tag.lower(): tag for tag in ELEMENT_CLASSES}
_SOUND_URLS = "waitSound, enterSound/exitSound, wait-music and hold-music URLs"


def _show(value: str) -> str:
    shown = value if len(value) <= _SHOWN else value[: _SHOWN - 3] + "..."
    return '"' + shown.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def _tag_name(tag: object) -> str:
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
    trimmed = text.strip(" \t\r\n")
    if trimmed != text and _accepts(spec, trimmed):
        allowed += f", without the whitespace around {_show(trimmed)}"
    return allowed


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


def _unknown_attribute(tag: str, name: str) -> str:
    specs = _SPECS.get(tag, {})
    names = [xml for xml in specs if xml is not None]
    if not names:
        return f"<{tag}> takes no attributes; found {name}"
    by_lower = {xml.lower(): xml for xml in names}
    by_python = {spec.name: spec.xml for spec in specs.values() if spec.xml is not None}
    if name.lower() in by_lower:
        hint = f"did you mean {by_lower[name.lower()]}? (attribute names are case-sensitive)"
    elif name in by_python:
        hint = f"did you mean {by_python[name]}? ({name} is the Python name; XML names are camelCase)"
    else:
        close = difflib.get_close_matches(name, names, n=1, cutoff=0.75)
        hint = f"did you mean {close[0]}?" if close else f"allowed: {', '.join(names)}"
    return f"<{tag}> has no attribute {name}; {hint}"


def _allowed_children(parent: etree._Element, kind: Kind) -> tuple[str, ...]:
    if parent.tag == Response.tag:
        return SOUND_CHILDREN if kind == "sound" else Response.allowed_children
    cls = ELEMENT_CLASSES.get(_tag_name(parent.tag))
    return cls.allowed_children if cls is not None else ()


class _Describer:
    """Builds the problems of one document, one per (element, issue)."""

    def __init__(self, root: etree._Element, locator: Locator, kind: Kind) -> None:
        self.root = root
        self.locator = locator
        self.kind = kind
        self.problems: list[Problem] = []
        self.seen: set[tuple[int | None, str]] = set()
        self._lines: dict[int | None, list[etree._Element]] | None = None

    def lines(self) -> dict[int | None, list[etree._Element]]:
        if self._lines is None:
            self._lines = {}
            for node in self.root.iter("*"):
                self._lines.setdefault(node.sourceline, []).append(node)
        return self._lines

    def add(
        self, key: tuple[int | None, str], position: Position, element: str | None, attribute: str | None, message: str
    ) -> None:
        if key not in self.seen:
            self.seen.add(key)
            self.problems.append(Problem(position[0], position[1], element, attribute, message))

    def node(self, entry: etree._LogEntry, element: str | None) -> etree._Element | None:
        # a path the index does not know (namespaced names): the element of that
        # name on the reported line, else the root
        for candidate in self.lines().get(entry.line, ()):
            if element is None or candidate.tag == element:
                return candidate
        return self.root if element is None or self.root.tag == element else None

    def entry(self, entry: etree._LogEntry, node: etree._Element | None) -> None:
        head = _HEAD.match(entry.message)
        element = head.group("element") if head else None
        attribute = head.group("attribute") if head else None
        detail = " ".join((head.group("detail") if head else entry.message).split())
        if node is None:
            node = self.node(entry, element)
        if node is None:
            self.add((None, entry.message), (entry.line or None, None), element, attribute, detail)
            return
        tag = _tag_name(node.tag)
        index = self.locator.index(node)
        specs = _SPECS.get(tag, {})
        type_name = entry.type_name

        if node is self.root and type_name == "SCHEMAV_CVC_ELT_1":
            hint = f"; wrap it in <{Response.tag}>" if tag in ELEMENT_CLASSES else _did_you_mean_element(tag)
            self.add(
                (index, "root"),
                self.locator.element(node),
                tag,
                None,
                f"the root element must be <{Response.tag}>, not <{tag}>{hint}",
            )
        elif type_name == "SCHEMAV_ELEMENT_CONTENT" and "not expected" in detail:
            self.misplaced(node, tag, index)
        elif attribute is not None and type_name.startswith("SCHEMAV_CVC_COMPLEX_TYPE_3_2"):
            self.add(
                (index, "@" + attribute),
                self.locator.attribute(node, attribute),
                tag,
                attribute,
                _unknown_attribute(tag, attribute),
            )
        elif attribute is not None and attribute in specs:
            spec = specs[attribute]
            value = node.get(attribute, "")
            self.add(
                (index, "@" + attribute),
                self.locator.attribute(node, attribute),
                tag,
                attribute,
                f"<{tag}> attribute {attribute}={_show(value)}: allowed: {_why(spec, value)}",
            )
        elif type_name == "SCHEMAV_CVC_COMPLEX_TYPE_4":
            quoted = _QUOTED.findall(detail)
            name = quoted[0] if quoted else "?"
            required = specs.get(name)
            allowed = f"; allowed: {required.check.allowed}" if required is not None else ""
            self.add(
                (index, "@" + name),
                self.locator.element(node),
                tag,
                name,
                f"<{tag}> is missing its required attribute {name}{allowed}",
            )
        elif detail.startswith("Element content is not allowed"):
            self.nested(node, tag, index, specs)
        elif detail.startswith("Character content"):
            pieces = own_text(node).split()
            found = _show(pieces[0]) if pieces else "whitespace"
            if node.tag == Response.tag:
                holds = f"it holds only elements ({', '.join(_allowed_children(node, self.kind))})"
            else:
                holds = "it takes attributes only"
            self.add(
                (index, "content"),
                self.locator.text(node),
                tag,
                None,
                f"<{tag}> cannot hold text (found {found}); {holds}",
            )
        elif None in specs:  # a value problem of the text content
            spec = specs[None]
            text = own_text(node)
            self.add(
                (index, "content"),
                self.locator.text(node),
                tag,
                None,
                f"<{tag}> text {_show(text)}: allowed: {_why(spec, text)}",
            )
        else:  # nothing better to say than libxml2
            self.add((index, detail), self.locator.element(node), tag, attribute, f"<{tag}>: {detail}")

    def misplaced(self, node: etree._Element, tag: str, index: int | None) -> None:
        parent = node.getparent()
        parent_tag = _tag_name(parent.tag) if parent is not None else "?"
        allowed = _allowed_children(parent, self.kind) if parent is not None else ()
        where = f"<{parent_tag}>"
        if parent is self.root and self.kind == "sound":
            where = f"a sound document (the <Response> that {_SOUND_URLS} return)"
        hint = "" if tag in ELEMENT_CLASSES else _did_you_mean_element(tag)
        listed = ", ".join(allowed) if allowed else "nothing"
        self.add(
            (index, "misplaced"),
            self.locator.element(node),
            tag,
            None,
            f"<{tag}> is not allowed in {where}{hint}; allowed: {listed}",
        )

    def nested(self, node: etree._Element, tag: str, index: int | None, specs: dict[str | None, AttributeSpec]) -> None:
        children = [child for child in node if isinstance(child.tag, str)]
        child = children[0] if children else node
        content = specs.get(None)
        holds = f"only text ({content.check.allowed})" if content is not None else "no children and no text"
        self.add(
            (index, "content"),
            self.locator.element(child),
            tag,
            None,
            f"<{_tag_name(child.tag)}> cannot be nested in <{tag}>, which holds {holds}",
        )


def path_index(tree: etree._Element) -> dict[str, etree._Element]:
    """libxml2's path of every element of ``tree`` (``/Response/Wait[2]``: the index
    only among same-named siblings) -> the element.

    Built in one pass: an XPath query per error would cost quadratic time for a
    document with many problems.
    """
    return _path_index(tree, tree, 0)


def _path_index(tree: etree._Element, twin: etree._Element, first: int) -> dict[str, etree._Element]:
    paths: dict[str, etree._Element] = {}
    twin_children = [child for child in twin if isinstance(child.tag, str)][first:]
    stack = [(tree, twin, "/" + _tag_name(tree.tag), twin_children)]
    while stack:
        node, same, path, same_children = stack.pop()
        paths[path] = same
        children = [child for child in node if isinstance(child.tag, str)]
        counts = Counter(child.tag for child in children)
        seen: Counter[str] = Counter()
        # (a slice's top level has fewer children than its twin: zip stops with them)
        for child, twin_child in zip(children, same_children, strict=False):
            tag = str(child.tag)
            if tag[0] == "{":  # libxml2 writes namespaced names otherwise: left to the fallback
                continue
            seen[tag] += 1
            child_path = f"{path}/{tag}[{seen[tag]}]" if counts[tag] > 1 else f"{path}/{tag}"
            stack.append((child, twin_child, child_path, [c for c in twin_child if isinstance(c.tag, str)]))
    return paths


def slice_index(part: etree._Element, root: etree._Element, first: int) -> dict[str, etree._Element]:
    """:func:`path_index` of ``part``, a copy of ``root`` holding copies of its
    element children ``first`` onwards, mapped to ``root``'s own elements."""
    return _path_index(part, root, first)


def describe(
    errors: Iterable[tuple[etree._LogEntry, etree._Element | None]],
    root: etree._Element,
    data: bytes | None,
    kind: Kind,
) -> tuple[Problem, ...]:
    """The problems libxml2 reports about ``root`` (parsed from ``data``): each error
    with the element it names, when known."""
    describer = _Describer(root, Locator(root, data), kind)
    for entry, node in errors:
        describer.entry(entry, node)
    # in document order (a stable sort: libxml2's order where positions tie)
    return tuple(sorted(describer.problems, key=lambda p: (p.line is None, p.line or 0, p.column or 0)))
