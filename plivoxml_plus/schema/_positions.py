"""Where an element, attribute or text sits in the source: line and column.

libxml2 reports schema errors with a line but no column. When a document has
problems (the slow path), the source is decoded once, in the encoding the XML
rules give it (byte-order mark, else the first bytes, else the declaration), and
scanned once, left to right, for its start tags: they come in document order,
which is also the order of ``root.iter("*")``, so the n-th start tag is the n-th
element. Each token's pattern reads to its own end and no further, and the scan
stops at the first place no token fits (text that is not the parsed document),
so its cost is linear in the document whatever the bytes. Line and column are
worked out only for the problems that are listed. A tree built in memory has no
source: its problems then carry libxml2's line alone, if any.
"""

from __future__ import annotations

import codecs
import re

from lxml import etree

from .._xml_whitespace import XML_WHITESPACE

__all__ = ["Locator", "Position", "decode", "doctype_position", "is_wide"]

Position = tuple[int | None, int | None]

_NOT_BLANK = re.compile(f"[^{XML_WHITESPACE}]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_NAME_END = re.compile(r"[ \t\r\n/>]")
# one attribute of a start tag, its value included (a start tag's attributes follow each other so)
_ATTRIBUTES = re.compile(r"[ \t\r\n]+([^ \t\r\n=/>]+)[ \t\r\n]*=[ \t\r\n]*(?:\"[^\"]*\"|'[^']*')")
_DECLARED = re.compile(rb"<\?xml[ \t\r\n][^>]*?encoding[ \t\r\n]*=[ \t\r\n]*[\"']([A-Za-z][A-Za-z0-9._\-]*)[\"']")

# XML 1.0, appendix F: the byte-order mark, else the first four bytes of "<?xm"
# or "<" and a name, tell the encoding family before any declaration is read.
_BOMS = (
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # (before UTF-16 LE, whose mark it starts with)
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
)
_WIDE = (
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<", "utf-16-be"),
    (b"<\x00", "utf-16-le"),
)


_WIDE_FIRST = frozenset((0x00, 0xFE, 0xFF))


def is_wide(data: bytes) -> bool:
    """Whether ``data`` is UTF-16 or UTF-32 (an encoding in which ASCII is not one byte each)."""
    return len(data) > 1 and (data[0] in _WIDE_FIRST or data[1] == 0)


def decode(data: bytes) -> str:
    """``data`` as text, decoded as an XML parser decodes it (unknown bytes replaced)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, "replace")
    for start, encoding in _WIDE:
        if data.startswith(start):
            return data.decode(encoding, "replace")
    declared = _DECLARED.match(data)
    encoding = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        return data.decode(encoding, "replace")
    except LookupError:  # a name libxml2 knows and Python does not: positions may be off, never wrong in kind
        return data.decode("utf-8", "replace")


def doctype_position(data: bytes) -> Position:
    """Where the DOCTYPE declaration of a document that has one starts.

    Only the prolog is read (the declaration, comments, processing instructions
    and white space that may stand before it). Deciding *whether* there is one is
    the parser's job; this only says where.
    """
    text = decode(data)
    at = 0
    while True:
        found = _NOT_BLANK.search(text, at)
        if found is None:
            return None, None
        at = found.start()
        if text.startswith("<!DOCTYPE", at):
            before = text[:at]
            line = before.count("\n") + before.count("\r") - before.count("\r\n") + 1
            return line, at - max(before.rfind("\n"), before.rfind("\r"))
        if text.startswith("<!--", at):
            end = text.find("-->", at + 4)
            at = end + 3
        elif text.startswith("<?", at):
            end = text.find("?>", at + 2)
            at = end + 2
        else:
            return None, None
        if end < 0:
            return None, None


# One token of a well-formed document: a comment, CDATA section, processing
# instruction, end tag or start tag. Each alternative reads up to its own end
# and no further; the last one (``bad``) matches where none does, which happens
# only when the text is not the document the parser read (then the scan stops:
# one failed attempt, never one per "<").
_TOKEN = re.compile(
    r"<(?:!--.*?-->|!\[CDATA\[.*?\]\]>|\?.*?\?>|(?P<close>/)[^>]*>"
    r"|(?P<open>[^ \t\r\n/>!?<]+)(?:[ \t\r\n]+[^ \t\r\n=/>]+[ \t\r\n]*=[ \t\r\n]*(?:\"[^\"]*\"|'[^']*'))*"
    r"[ \t\r\n]*(?P<empty>/?)>"
    r"|(?P<bad>))",
    re.S,
)
def _scan(text: str) -> tuple[list[int], list[int], list[int]] | None:
    """Where each start tag of ``text`` starts and ends, and where its element ends
    (just after the end tag), in document order; None if the text is not well-formed."""
    starts: list[int] = []
    inner_ends: list[int] = []
    ends: list[int] = []
    open_elements: list[int] = []
    for token in _TOKEN.finditer(text):
        if token.group("open") is not None:
            starts.append(token.start())
            inner_ends.append(token.end())
            ends.append(token.end())
            if not token.group("empty"):
                open_elements.append(len(starts) - 1)
        elif token.group("close") is not None:
            if open_elements:
                ends[open_elements.pop()] = token.end()
        elif token.group("bad") is not None:
            return None
    return starts, inner_ends, ends


class Locator:
    """Where the elements of ``root`` stand in ``data``, the bytes it was parsed from.

    Every query answers a *mark*: an offset in the decoded source (or, without a
    source, the element's line), which orders problems in document order for the
    cost of an integer. :meth:`positions` turns marks into (line, column) pairs,
    for the few problems that are listed.
    """

    def __init__(self, root: etree._Element, data: bytes | None) -> None:
        self._elements = list(root.iter("*"))  # (keeps the proxies, and so their ids, alive)
        self._index = {id(node): i for i, node in enumerate(self._elements)}
        self._text = ""
        self._starts: list[int] = []
        self._inner_ends: list[int] = []
        self._ends: list[int] = []
        self._by_start: dict[int, int] | None = None
        self._attributes: dict[int, dict[str, int]] = {}  # element index -> attribute name -> mark
        self._orders: dict[int, dict[str, int]] = {}  # element index -> attribute name -> 1 + its place
        self._line_starts: list[int] | None = None
        self.has_source = False
        if data is not None:
            text = decode(data)
            scanned = _scan(text)
            if scanned is not None and len(scanned[0]) == len(self._elements):  # else not the parsed document
                self._starts, self._inner_ends, self._ends = scanned
                self._text = text
                self.has_source = True

    def index(self, node: etree._Element) -> int | None:
        return self._index.get(id(node))

    def _fallback(self, node: etree._Element | None) -> int | None:
        line = node.sourceline if node is not None else None
        return line if isinstance(line, int) and line > 0 else None

    def _source_index(self, node: etree._Element | None) -> int | None:
        if not self.has_source or node is None:
            return None
        return self._index.get(id(node))

    def element(self, node: etree._Element | None) -> int | None:
        """The mark of the ``<`` that opens ``node``."""
        index = self._source_index(node)
        return self._fallback(node) if index is None else self._starts[index]

    def attribute_order(self, node: etree._Element, name: str) -> tuple[int | None, int]:
        """The mark of ``node`` and 1 + the place of its attribute ``name`` (as lxml
        names it) among its attributes, which is their order in the source (0 if
        not known).

        A problem of an attribute is ordered by these, which cost no scan of the
        source: only the listed ones are then located (:meth:`attribute`), so a
        start tag with a hundred thousand bad attributes costs one pass.
        """
        index = self._source_index(node)
        if index is None:
            return self._fallback(node), 0
        order = self._orders.get(index)
        if order is None:  # (once per element: before the review takes any of its attributes out)
            order = self._orders[index] = {key: place for place, key in enumerate(node.keys(), 1)}
        return self._starts[index], order.get(name, 0)

    def attribute(self, node: etree._Element | None, name: str) -> int | None:
        """The mark of attribute ``name`` of ``node`` as written (``"xsi:type"``), else of ``node``."""
        index = self._source_index(node)
        if index is None:
            return self._fallback(node)
        found = self._attributes.get(index)
        if found is None:  # (each start tag is read once, however many of its attributes are asked for)
            found = self._attributes[index] = self._read_attributes(index)
        return found.get(name, self._starts[index])

    def _read_attributes(self, index: int) -> dict[str, int]:
        """Where each attribute of the ``index``-th start tag starts, by its name as written."""
        text, end = self._text, self._inner_ends[index]
        name_end = _NAME_END.search(text, self._starts[index] + 1, end)
        at = end if name_end is None else name_end.start()
        return {attribute.group(1): attribute.start(1) for attribute in _ATTRIBUTES.finditer(text, at, end)}

    def text(self, node: etree._Element) -> int | None:
        """The mark of the first character of text directly inside ``node`` that is
        not whitespace (else of the end of its start tag)."""
        index = self._source_index(node)
        if index is None:
            return self._fallback(node)
        if self._by_start is None:
            self._by_start = {start: i for i, start in enumerate(self._starts)}
        text, at, end = self._text, self._inner_ends[index], self._ends[index]
        while (found := _NOT_BLANK.search(text, at, end)) is not None:
            at = found.start()
            if text[at] != "<":
                return at
            if text.startswith("<![CDATA[", at):
                if not text.startswith("<![CDATA[]]>", at):
                    return at
                at += 12  # (an empty section holds no text)
            elif text.startswith("<!--", at):
                at = text.find("-->", at) + 3
            elif text.startswith("<?", at):
                at = text.find("?>", at) + 2
            elif at in self._by_start:  # a child element: skip it whole
                at = self._ends[self._by_start[at]]
            else:  # the element's own end tag
                break
            if at < found.start():  # (an unterminated comment cannot happen once parsed)
                break
        return self._inner_ends[index]

    def line(self, line: int | None) -> int | None:
        """The mark of the start of line ``line`` (libxml2's line of an error whose element is not known)."""
        if not self.has_source or line is None or line < 1:
            return line if line else None
        if self._line_starts is None:  # (one pass, the first time a line is asked for)
            self._line_starts = [0, *(m.end() for m in _LINE_BREAK.finditer(self._text))]
        return self._line_starts[min(line, len(self._line_starts)) - 1]

    def positions(self, marks: list[int | None]) -> list[Position]:
        """(line, column) of each mark (1-based; column in characters)."""
        if not self.has_source:
            return [(mark, None) for mark in marks]
        text = self._text
        found: list[Position] = [(None, None)] * len(marks)
        line, line_start, counted = 1, 0, 0  # line breaks counted in text[:counted]
        placed = sorted((mark, at) for at, mark in enumerate(marks) if mark is not None)
        for mark, at in placed:
            piece = text[counted:mark]
            line += piece.count("\n") + piece.count("\r") - piece.count("\r\n")
            if text.startswith("\n", mark) and mark > 0 and text[mark - 1] == "\r":
                line -= 1  # (a mark on the "\n" of "\r\n": one line break, counted once)
            last_break = max(text.rfind("\n", counted, mark), text.rfind("\r", counted, mark))
            if last_break >= 0:
                line_start = last_break + 1
            counted = mark
            found[at] = (line, mark - line_start + 1)
        return found
