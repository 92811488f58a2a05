"""Where an element, attribute or text sits in the source: line and column.

libxml2 reports schema errors with a line but no column. When a document has
problems (the slow path), the source is decoded once and its start tags are
found in document order, which is also the order of ``root.iter("*")``: the n-th
start tag is the n-th element. A tree built in memory has no source: its
problems then carry libxml2's line alone, if any.
"""

from __future__ import annotations

import bisect
import codecs
import re

from lxml import etree

__all__ = ["Locator"]

Position = tuple[int | None, int | None]

# Tokens of a well-formed document (the parser has accepted it before this runs).
_TOKEN = re.compile(
    r"""<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>"""
    r"""|</[^>]*>|<(?P<name>[^\s/>]+)(?P<attributes>(?:[^>"']|"[^"]*"|'[^']*')*?)(?P<empty>/?)>""",
    re.S,
)
_ATTRIBUTE = re.compile(r"""([^\s=]+)\s*=\s*(?:"[^"]*"|'[^']*')""")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_NOT_BLANK = re.compile(r"[^ \t\r\n]")
_DECLARED = re.compile(rb"<\?xml[^>]*?encoding[ \t\r\n]*=[ \t\r\n]*[\"']([A-Za-z0-9._\-]+)[\"']")


def _decode(data: bytes) -> str:
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, "replace")
    if data.startswith(b"<\x00"):
        return data.decode("utf-16-le", "replace")
    if data.startswith(b"\x00<"):
        return data.decode("utf-16-be", "replace")
    declared = _DECLARED.match(data)
    encoding = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        return data.decode(encoding, "replace")
    except LookupError:
        return data.decode("utf-8", "replace")


class _Tag:
    __slots__ = ("attributes", "end", "inner_end", "start")

    def __init__(self, start: int, inner_end: int, attributes: dict[str, int]) -> None:
        self.start = start  # offset of "<"
        self.inner_end = inner_end  # offset just after the start tag's ">"
        self.end = inner_end  # offset just after the element's end tag
        self.attributes = attributes  # name -> offset of the name


class Locator:
    """Positions of the elements of ``root`` in ``data``, the bytes it was parsed from."""

    def __init__(self, root: etree._Element, data: bytes | None) -> None:
        self._root = root
        self._elements = list(root.iter("*"))
        self._index = {id(node): i for i, node in enumerate(self._elements)}
        self._tags: list[_Tag] | None = None
        self._starts: dict[int, _Tag] = {}
        self._text = ""
        self._line_starts: list[int] = [0]
        if data is not None:
            self._scan(_decode(data))

    def _scan(self, text: str) -> None:
        tags: list[_Tag] = []
        open_tags: list[_Tag] = []
        for token in _TOKEN.finditer(text):
            name = token.group("name")
            if name is None:
                if token.group().startswith("</") and open_tags:
                    open_tags.pop().end = token.end()
                continue
            base = token.start("attributes")
            attributes = {m.group(1): base + m.start(1) for m in _ATTRIBUTE.finditer(token.group("attributes"))}
            tag = _Tag(token.start(), token.end(), attributes)
            tags.append(tag)
            if not token.group("empty"):
                open_tags.append(tag)
        if len(tags) != len(self._elements):  # not the document the tree came from
            return
        self._tags = tags
        self._starts = {tag.start: tag for tag in tags}
        self._text = text
        self._line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def index(self, node: etree._Element) -> int | None:
        return self._index.get(id(node))

    def _at(self, offset: int) -> Position:
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def _tag(self, node: etree._Element) -> _Tag | None:
        index = self._index.get(id(node))
        if self._tags is None or index is None:
            return None
        return self._tags[index]

    def _fallback(self, node: etree._Element | None) -> Position:
        line = node.sourceline if node is not None else None
        return (line if isinstance(line, int) and line > 0 else None), None

    def element(self, node: etree._Element | None) -> Position:
        """The position of the ``<`` that opens ``node``."""
        tag = self._tag(node) if node is not None else None
        return self._fallback(node) if tag is None else self._at(tag.start)

    def attribute(self, node: etree._Element | None, name: str) -> Position:
        """The position of attribute ``name`` of ``node`` (else of ``node``)."""
        tag = self._tag(node) if node is not None else None
        if tag is None or name not in tag.attributes:
            return self.element(node)
        return self._at(tag.attributes[name])

    def text(self, node: etree._Element) -> Position:
        """The first character of text directly inside ``node`` that is not
        whitespace (else just after its start tag)."""
        tag = self._tag(node)
        if tag is None:
            return self._fallback(node)
        text, at = self._text, tag.inner_end
        while (found := _NOT_BLANK.search(text, at, tag.end)) is not None:
            at = found.start()
            if text[at] != "<" or text.startswith("<![CDATA[", at):
                return self._at(at)
            if text.startswith("<!--", at):
                at = text.find("-->", at) + 3
            elif text.startswith("<?", at):
                at = text.find("?>", at) + 2
            elif at in self._starts:  # a child element: skip it whole
                at = self._starts[at].end
            else:  # the element's own end tag
                break
            if at < found.start():  # (an unterminated comment cannot happen once parsed)
                break
        return self._at(tag.inner_end)
