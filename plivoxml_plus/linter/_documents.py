"""The documents a lint run reads: each parsed safely once, validated once, and
asked about its elements and attributes by the rules.

A document is read with the schema layer's reader (no DTD, no entity, no
network, a size limit) and judged by ``validate``: the rules look only at valid
documents, so each rule can trust the XSD for what one attribute can hold.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePath
from typing import TYPE_CHECKING

import attrs
from lxml import etree

from .._errors import ParseError
from ..schema._positions import Locator
from ..schema._read import MAX_BYTES, load
from ..schema._result import Problem
from ..schema._validate import check_loaded

if TYPE_CHECKING:
    from ..schema._read import Source

__all__ = ["ALL_RULES", "Document", "read_document"]

ALL_RULES = "all"

# <!-- plivoxml-plus: disable=PXL001,PXL002 --> just before an element silences
# those rules on it and inside it; disable-file= silences them in the whole file.
_DIRECTIVE = re.compile(r"^\s*plivoxml-plus:\s*(disable|disable-file)\s*=\s*([A-Za-z0-9_, ]+?)\s*$")


@attrs.define(eq=False)
class Document:
    """One linted document: its name, its tree (None when it cannot be read or is
    invalid), and what validation found."""

    path: str
    root: etree._Element | None
    data: bytes | None
    problems: tuple[Problem, ...] = ()
    omitted: int = 0
    _locator: Locator | None = None
    _silenced_file: frozenset[str] | None = None

    @property
    def name(self) -> str:
        """The file's last path segment (what a URL's last segment is compared with)."""
        return PurePath(self.path).name

    def elements(self, *tags: str) -> Iterator[etree._Element]:
        """Every element of the document with one of ``tags``, in document order."""
        if self.root is not None:
            yield from self.root.iter(*tags)

    def position(self, node: etree._Element, attribute: str | None = None) -> tuple[int | None, int | None]:
        """Line and column (1-based) of ``node``, or of its ``attribute`` as written."""
        if self.root is None:
            return None, None
        if self._locator is None:
            self._locator = Locator(self.root, self.data)
        locator = self._locator
        mark = locator.element(node) if attribute is None else locator.attribute(node, attribute)
        return locator.positions([mark])[0]

    def silenced(self, rule: str, node: etree._Element | None) -> bool:
        """Whether a comment silences ``rule`` at ``node`` (or in the whole file)."""
        if self._silenced_file is None:
            self._silenced_file = frozenset(
                rule_id
                for comment in (self.root.iter(etree.Comment) if self.root is not None else ())
                for kind, ids in [_directive(comment)]
                if kind == "disable-file"
                for rule_id in ids
            )
        if rule in self._silenced_file or ALL_RULES in self._silenced_file:
            return True
        while node is not None:
            before = node.getprevious()
            while isinstance(before, etree._Comment):
                kind, ids = _directive(before)
                if kind == "disable" and (rule in ids or ALL_RULES in ids):
                    return True
                before = before.getprevious()
            node = node.getparent()
        return False


def _directive(comment: etree._Element) -> tuple[str | None, frozenset[str]]:
    found = _DIRECTIVE.match(comment.text or "")
    if found is None:
        return None, frozenset()
    ids = frozenset(part.strip().upper() if part.strip() != ALL_RULES else ALL_RULES for part in found[2].split(","))
    return found[1], ids - {""}


def read_document(path: str, source: Source, *, max_bytes: int = MAX_BYTES) -> Document:
    """``source`` read and validated as an answer document, under the name ``path``."""
    try:
        loaded = load(source, max_bytes=max_bytes)
    except ParseError as error:  # a path that names no readable file: the reader says why
        return Document(path, None, None, (Problem(None, None, None, None, str(error)),))
    if isinstance(loaded, Problem):
        return Document(path, None, None, (loaded,))
    result = check_loaded(loaded, "answer")
    root, data = loaded
    if result.ok:
        return Document(path, root, data, result.problems, result.omitted)
    return Document(path, None, data, result.problems, result.omitted)
