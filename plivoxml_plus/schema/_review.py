"""The slow path: every problem of a document the XSD refuses, in linear time.

libxml2 stops checking an element's content at its first unexpected child, so a
misspelt element would hide every later problem of its siblings (an out-of-range
value, a misspelt attribute): a CI user would fix one problem per run. So the
document is reviewed in two steps:

1. *Prune*: every child that its parent cannot hold, at any depth, every
   attribute in a namespace (Plivo XML has none) and every attribute its element
   does not take is reported here and taken out (an element's attributes in one
   pass, however many). Every content model of Plivo XML is a repeated choice, so
   what remains is exactly what could follow, and the XSD checks all of it.
   (``<lang xml:lang>`` stays, and the XSD judges it.) (Empty text nodes, what an
   empty CDATA section leaves, go too: they hold no characters, and the XSD
   counts none.)
2. *Validate* what remains, at most :data:`SLICE` children of an element per
   call (libxml2 names each error's element by a path it finds by scanning
   siblings: quadratic over thousands of invalid siblings, at any depth), and
   hand each error, with the user's element it names, to the describer.
3. Ask the rules between elements (``_cross.py``: warnings the XSD cannot state)
   about what remains, those of the elements the document holds.

Finding what to prune is one XPath query each (run by libxml2, not a Python
loop over every node). A tree this package parsed from bytes is its own and is
pruned in place; a tree the caller passed in is copied first.
"""

from __future__ import annotations

import copy
import functools
import itertools
from collections import Counter
from collections.abc import Callable

from lxml import etree

from .._collection import paused_collection
from ..elements import ELEMENT_CLASSES, SOUND_CHILDREN, Response
from ..elements._spellings import SPELLINGS
from ._cross import CROSS_TAGS, findings
from ._location import Kind
from ._messages import XML_NAMESPACE, Describer, allowed_children, is_text_error, tag_name, written_name
from ._positions import Locator
from ._result import MAX_PROBLEMS, Problem
from ._wide import SLICE, WIDE_ELEMENTS

__all__ = ["SLICE", "WIDE_ELEMENTS", "review"]

# (xml:lang is SSML <lang>'s own attribute: the XSD judges it, wherever it is)
_NAMESPACED_ATTRIBUTES = etree.XPath(f"//@*[namespace-uri() and namespace-uri() != '{XML_NAMESPACE}']")
_EMPTY_TEXT = etree.XPath("//text()[not(string())]")


@functools.lru_cache(maxsize=128)
def _queries(kind: Kind, tags: frozenset[str]) -> tuple[etree.XPath, etree.XPath]:
    """For a document whose Plivo XML elements are ``tags``: the query for every
    attribute without a namespace, or in the xml: one, that its element does not
    take (an SDK's spelling of one, ``SPELLINGS``, is left to the XSD's verdict,
    which the describer turns into a warning); and the query for every element
    whose parent cannot hold it. Both answer in document order.

    (Each rule walks the whole document: only the rules of the elements it holds
    are asked, a few for a webhook answer or a hostile document alike.)"""
    attributes, children = [], []
    for tag in sorted(tags):
        cls = ELEMENT_CLASSES[tag]
        known = [written_name(spec.xml) for spec in cls.specs.values() if spec.xml is not None]
        known += [written for element, written in SPELLINGS if element == tag]
        test = f" and not({' or '.join(f'name()={name!r}' for name in known)})" if known else ""
        attributes.append(f"//{tag}/@*[(namespace-uri()='' or namespace-uri()='{XML_NAMESPACE}'){test}]")
        allowed = SOUND_CHILDREN if tag == Response.tag and kind == "sound" else cls.allowed_children
        test = f"[not({' or '.join(f'self::{name}' for name in allowed)})]" if allowed else ""
        children.append(f"//{tag}/*{test}")
    return etree.XPath(" | ".join(attributes)), etree.XPath(" | ".join(children))


def review(
    schema: etree.XMLSchema, root: etree._Element, data: bytes | None, kind: Kind
) -> tuple[tuple[Problem, ...], int, int]:
    """The problems of ``root`` (parsed from ``data``), each located in the source:
    the first :data:`MAX_PROBLEMS` in document order, how many more there are, and
    how many of those are errors."""
    # (a review keeps an object or two per problem alive until it ends and makes no
    # cycles: collections in between would double the cost of thousands of problems)
    with paused_collection():
        return _review(schema, root, data, kind)


def _review(
    schema: etree.XMLSchema, root: etree._Element, data: bytes | None, kind: Kind
) -> tuple[tuple[Problem, ...], int, int]:
    describer = Describer(root, Locator(root, data), kind)
    if data is not None:  # parsed here: ours to change
        work, origin = root, {}
    else:
        work = copy.deepcopy(root)
        origin = dict(zip(work.iter(), root.iter(), strict=True))
    response, undo = _as_response(work, origin, describer)
    tags = _prune(response, origin, describer)
    _validate(schema, response, origin, describer)
    if tags & CROSS_TAGS:  # (on what the XSD judged: a child pruned above is reported already)
        for rule, node in findings(response):
            describer.cross(origin.get(node, node), rule)
    undo()
    return describer.problems(MAX_PROBLEMS)


def _nothing() -> None:
    pass


def _as_response(
    work: etree._Element, origin: dict[etree._Element, etree._Element], describer: Describer
) -> tuple[etree._Element, Callable[[], None]]:
    """A ``<Response>`` holding the document, so its elements are checked whatever
    the root; and how to undo what that changed."""
    if work.tag == Response.tag:
        return work, _nothing
    describer.wrong_root(origin.get(work, work))
    response = etree.Element(Response.tag)
    origin[response] = origin.get(work, work)
    if tag_name(work.tag) in ELEMENT_CLASSES:  # <Conference> as the root: checked as <Response>'s child
        response.append(work)
        return response, _nothing
    response.text = work.text  # an unknown root: its children stand for <Response>'s
    response.extend(list(work))
    return response, lambda: work.extend(list(response))


def _prune(
    response: etree._Element, origin: dict[etree._Element, etree._Element], describer: Describer
) -> frozenset[str]:
    """Report and take out what the XSD would stop at (see the module docstring);
    the Plivo XML elements the document holds."""
    tags = frozenset(node.tag for node in response.iter("*") if node.tag in ELEMENT_CLASSES)
    unknown_attributes, unexpected_children = _queries(describer.kind, tags)
    pruned: dict[etree._Element, set[str]] = {}  # (what is left is what an element takes: a few)
    for foreign, query in ((True, _NAMESPACED_ATTRIBUTES), (False, unknown_attributes)):
        refused: dict[etree._Element, list[str]] = {}  # (in document order)
        for value in query(response):
            refused.setdefault(value.getparent(), []).append(value.attrname)
        for node, names in refused.items():
            describer.refused_attributes(origin.get(node, node), names, foreign=foreign)
            pruned.setdefault(node, set()).update(names)
    for node, taken in pruned.items():
        _remove_attributes(node, taken)
    for text in _EMPTY_TEXT(response):
        node = text.getparent()
        if text.is_tail:
            node.tail = None
        else:
            node.text = None
    removed: set[etree._Element] = set()  # taken out, or inside one taken out
    last: etree._Element | None = None
    for child in unexpected_children(response):
        parent = child.getparent()
        removed.add(child)
        if parent is None or parent in removed:  # (document order: a parent comes before its children)
            continue
        if parent is not last:  # (siblings come together: the parent's facts once)
            last, original, allowed = parent, origin.get(parent, parent), allowed_children(parent, describer.kind)
        describer.unexpected_child(origin.get(child, child), original, allowed)
        _remove(child, parent)
    return tags


def _remove_attributes(node: etree._Element, names: set[str]) -> None:
    """Take attributes ``names`` out of ``node``, in one pass over its attributes
    (libxml2 finds an attribute by walking them: one deletion each, or reading
    every value, would cost quadratic time on an element with many)."""
    kept = [(name, node.attrib[name]) for name in node.attrib if name not in names]  # (what it takes: a few)
    node.attrib.clear()
    node.attrib.update(kept)


def _remove(node: etree._Element, parent: etree._Element) -> None:
    """Take ``node`` out of ``parent``, keeping the text that follows it."""
    if node.tail:
        previous = node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)


def _validate(
    schema: etree.XMLSchema,
    response: etree._Element,
    origin: dict[etree._Element, etree._Element],
    describer: Describer,
) -> None:
    """Every element checked once by the XSD, in calls of at most :data:`SLICE`
    children per element: a wide element (more children than that, at any depth)
    is checked hollow, then its children in slices, each inside a copy of its
    ancestors and of itself (the copies' own errors are the hollow check's:
    dropped, but for the text between the children, which is the wide element's)."""
    wide = WIDE_ELEMENTS(response)  # (document order: an element before the wide ones inside it)
    held = {node: list(node) for node in wide}  # (comments and processing instructions too: their tails are text)
    for node, children in held.items():
        for child in children:
            node.remove(child)  # (its tail along)
    _check(schema, response, origin, describer)
    for node, children in held.items():
        for start in range(0, len(children), SLICE):
            part, echoes, stand_in = _skeleton(node)
            origin[stand_in] = origin.get(node, node)
            stand_in.extend(children[start : start + SLICE])  # (moved, tails along; put back below)
            _check(schema, part, origin, describer, echoes, stand_in)
        node.extend(children)  # (back in place, before the wide elements inside it are sliced)


def _skeleton(node: etree._Element) -> tuple[etree._Element, set[etree._Element], etree._Element]:
    """A <Response> holding a copy of each ancestor of ``node`` and of ``node`` itself
    (their attributes, no text): the document, the copies of the ancestors, and
    the copy of ``node``."""
    chain = [node, *node.iterancestors()]
    copies = [etree.Element(str(each.tag), dict(each.attrib)) for each in reversed(chain)]
    for parent, child in itertools.pairwise(copies):
        parent.append(child)
    return copies[0], set(copies[:-1]), copies[-1]


def _check(  # noqa: PLR0917 (the slices' context, when there is one)
    schema: etree.XMLSchema,
    part: etree._Element,
    origin: dict[etree._Element, etree._Element],
    describer: Describer,
    echoes: set[etree._Element] | None = None,
    stand_in: etree._Element | None = None,
) -> None:
    """Hand the XSD's errors on ``part`` to the describer. ``echoes`` are copies
    whose errors are reported elsewhere; of ``stand_in``, the copy of a wide
    element, only what concerns its text is reported."""
    if schema.validate(part):
        return
    top = "/" + tag_name(part.tag)
    index: dict[str, etree._Element] | None = None
    last: tuple[str, etree._Element | None] | None = None
    for entry in schema.error_log:
        path = entry.path or ""
        if path == top:
            node: etree._Element | None = part
        else:
            index = index if index is not None else _path_index(part)
            node = index.get(path)
        if echoes is not None and node in echoes:
            continue
        if node is not None and node is stand_in and not is_text_error(entry):
            continue
        if node is not None:
            node = origin.get(node, node)
        said = (entry.message, node)
        if said == last:  # the same error of the same element again (text between children...)
            describer.again()
            continue
        last = said
        describer.entry(entry, node)


def _path_index(tree: etree._Element) -> dict[str, etree._Element]:
    """libxml2's path of every element of ``tree`` (``/Response/Wait[2]``: the index
    only among same-named siblings) -> the element, built in one pass (an XPath
    query per error would cost quadratic time for a document with many problems)."""
    paths: dict[str, etree._Element] = {}
    stack = [(tree, "/" + tag_name(tree.tag))]
    while stack:
        node, path = stack.pop()
        paths[path] = node
        if not len(node):
            continue
        children = [child for child in node if isinstance(child.tag, str)]
        counts = Counter(str(child.tag) for child in children)
        seen: dict[str, int] = {}
        for child in children:
            tag = str(child.tag)
            seen[tag] = number = seen.get(tag, 0) + 1
            stack.append((child, f"{path}/{tag}[{number}]" if counts[tag] > 1 else f"{path}/{tag}"))
    return paths
