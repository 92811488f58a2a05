"""``validate``: the verdict of the XSD on a document, fast when it is valid.

The compiled schemas are lxml ``XMLSchema`` objects, loaded on first use and kept
per thread (an ``XMLSchema`` keeps the error log of its last run, so one shared
between threads could report another thread's errors).
"""

from __future__ import annotations

import copy
import threading

from lxml import etree

from ..elements import Response
from ._location import KINDS, Kind, check_kind, schema_path
from ._messages import describe, path_index, slice_index
from ._read import MAX_BYTES, Loaded, Source, load
from ._result import Problem, ValidationResult

__all__ = ["check_loaded", "compiled", "validate"]


class _PerThread(threading.local):
    def __init__(self) -> None:
        self.schemas: dict[str, etree.XMLSchema] = {}


_local = _PerThread()
_VALID = {kind: ValidationResult(kind) for kind in KINDS}  # (frozen: one shared instance per kind)


def compiled(kind: Kind) -> etree.XMLSchema:
    """The XSD for ``kind`` documents, compiled once per thread."""
    schema = _local.schemas.get(kind)
    if schema is None:
        schema = _local.schemas[kind] = etree.XMLSchema(etree.parse(str(schema_path(kind))))
    return schema


def check_loaded(loaded: Loaded, kind: Kind) -> tuple[Problem, ...]:
    """The problems the XSD finds in a parsed document (none: it is valid)."""
    schema = _local.schemas.get(kind) or compiled(kind)
    root, data = loaded
    if len(root) > _SLICE:
        return _check_in_slices(schema, root, data, kind)
    if schema.validate(root):
        return ()
    index = path_index(root)
    return describe(((entry, index.get(entry.path or "")) for entry in schema.error_log), root, data, kind)


# lxml names the element of each error by its path, which libxml2 finds by scanning
# the element's siblings: one pass over thousands of invalid siblings costs
# quadratic time (tens of seconds for 1 MiB of them). <Response>'s content is a
# repeated choice, so its children can be checked in slices, with the same verdict.
_SLICE = 256


def _check_in_slices(
    schema: etree.XMLSchema, root: etree._Element, data: bytes | None, kind: Kind
) -> tuple[Problem, ...]:
    children = list(root)  # (comments and processing instructions too: their tails are text)
    errors: list[tuple[etree._LogEntry, etree._Element | None]] = []
    elements_before = 0
    for start in range(0, len(children), _SLICE):
        part = etree.Element(root.tag, dict(root.attrib), nsmap=root.nsmap)
        part.text = root.text if start == 0 else None
        chunk = children[start : start + _SLICE]
        part.extend(copy.deepcopy(child) for child in chunk)  # (a copy keeps its tail and line)
        if not schema.validate(part):
            index = slice_index(part, root, elements_before)
            errors += [(entry, index.get(entry.path or "")) for entry in schema.error_log]
        if root.tag != Response.tag:  # the root itself is wrong: no child is checked
            break
        elements_before += sum(isinstance(child.tag, str) for child in chunk)
    return describe(errors, root, data, kind) if errors else ()


def validate(source: Source, *, kind: Kind = "answer", max_bytes: int = MAX_BYTES) -> ValidationResult:
    """Check a document against the XSD and list every problem found.

    ``source`` is the XML text (str), its bytes, a path (``pathlib.Path``), an
    lxml element or tree, or an element object of this package. ``kind="sound"``
    checks a sound document (a ``<Response>`` of Play, Speak and Wait, what
    waitSound, enter/exitSound, wait-music and hold-music URLs return).
    Documents over ``max_bytes`` are refused unread. A file that cannot be read
    raises :class:`~plivoxml_plus.ParseError`; every problem of the document
    itself is in the result.
    """
    if kind not in KINDS:
        kind = check_kind(kind)  # raises: a usage error
    loaded = load(source, max_bytes=max_bytes)
    if isinstance(loaded, Problem):
        return ValidationResult(kind, (loaded,))
    problems = check_loaded(loaded, kind)
    return ValidationResult(kind, problems) if problems else _VALID[kind]
