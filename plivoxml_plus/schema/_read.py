"""Reading a source (str, bytes, path, tree) into an lxml tree, safely.

Plivo XML never needs a DTD, so a document with a DOCTYPE is refused outright:
that is how entity-expansion ("billion laughs"), external-entity (XXE) and
DTD-fetching attacks start. The decision is the parser's own: the tree it built
says whether the document had a DOCTYPE, whatever its encoding or what stands
before it. While parsing, the parser expands no entity and fetches nothing: its
resolver answers every request for an external DTD subset or entity with an
empty text, before libxml2 could open a file or a socket, so whether the named
file exists changes nothing. A size limit, checked before parsing, bounds the
memory a document can take; a path is read only if it is a regular file.
"""

from __future__ import annotations

import os
import re
import sys
from _thread import _local
from typing import TYPE_CHECKING, Any, TypeGuard, Union

from lxml import etree

from .._errors import ParseError
from .._files import FileRefused, FileTooLarge, read_file
from .._xml_whitespace import XML_WHITESPACE_BYTES, xml_collapse
from ._result import Problem

if TYPE_CHECKING:
    from ..elements import Element

__all__ = ["MAX_BYTES", "REFUSED_DOCTYPE", "Loaded", "Source", "load", "parser"]

MAX_BYTES = 1 << 20  # 1 MiB: a webhook answer is a few hundred bytes

Source = Union[str, bytes, bytearray, "os.PathLike[str]", etree._Element, etree._ElementTree, "Element"]


class _NothingExternal(etree.Resolver):
    """Answers every external DTD subset and entity with an empty text.

    (``load_dtd=False`` and ``no_network=True`` do not stop libxml2 from reading
    an external subset or parameter entity from a local path; a resolver is asked
    first, and its answer is final.)
    """

    def resolve(self, system_url: str | None, public_id: str | None, context: Any) -> Any:
        return self.resolve_string("", context)


class _PerThread(_local):
    """One parser per thread (lxml: cheaper than sharing one). (``_thread._local`` is
    ``threading.local``; the threading module is not loaded for it.)"""

    def __init__(self) -> None:
        self.parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            attribute_defaults=False,
            huge_tree=False,
            collect_ids=False,
        )
        self.parser.resolvers.add(_NothingExternal())


_per_thread = _PerThread()


def parser() -> etree.XMLParser:
    """This thread's safe parser."""
    return _per_thread.parser


_DECLARED_ENCODING = re.compile(rb"<\?xml[^>]*?encoding[ \t\r\n]*=[ \t\r\n]*[\"']([^\"']*)[\"']")
_LIBXML_POSITION = re.compile(r", line \d+, column \d+$")

REFUSED_DOCTYPE = (
    "DOCTYPE declarations are not allowed: Plivo XML needs none, and a DTD is how "
    "entity-expansion (billion laughs), external-entity (XXE) and DTD-fetching attacks work"
)


# A parsed document: its root, and the bytes it came from (to locate problems; None
# for a tree given as is).
Loaded = tuple[etree._Element, bytes | None]

# After "<", what starts a prolog (a declaration, comment or DOCTYPE, or UTF-16)
# rather than the root element.
_PROLOG_SECOND = frozenset(b"?!\x00")


def load(source: Source, *, max_bytes: int = MAX_BYTES) -> Loaded | Problem:
    """``source`` parsed, or the problem that stops it from being read as XML.

    A str is the document's text and a path-like names a file; bytes are the
    document as stored (its XML declaration or byte-order mark gives the encoding).
    An lxml element or tree, or an element object of this package, is taken as is.
    """
    if isinstance(source, bytes):  # the hot path: a webhook's response body
        return _parse(source, max_bytes, is_text=False)
    if isinstance(source, bytearray):
        data = bytes(source)
    elif isinstance(source, str):
        if len(source) > max_bytes:  # (a character is at least one byte)
            return _too_large(len(source), max_bytes, "characters")
        data = _encode(source)
    elif isinstance(source, etree._ElementTree):
        root = source.getroot()
        if root is None:
            return Problem(None, None, None, None, "the tree has no root element")
        return root, None
    elif isinstance(source, etree._Element):
        return source, None
    elif isinstance(source, os.PathLike):
        read = _read_file(source, max_bytes)
        if isinstance(read, Problem):
            return read
        data = read
    elif _is_element(source):
        return source.to_element(), None
    else:
        raise TypeError(
            "validate() and parse() read a str (the XML text), bytes, a path (pathlib.Path), "
            f"an lxml element or tree, or a plivoxml_plus element; not {type(source).__name__}"
        )
    return _parse(data, max_bytes, is_text=isinstance(source, str))


def _is_element(source: object) -> TypeGuard[Element]:
    # an element object exists only once its classes are loaded: reading a file or
    # bytes never loads them (plivoxml-plus validate, tests/test_import.py)
    elements = sys.modules.get("plivoxml_plus.elements")
    return elements is not None and isinstance(source, elements.Element)


def _encode(text: str) -> bytes:
    # lxml refuses a str with an encoding declaration; as UTF-8 bytes, the
    # declaration must then say UTF-8 (lone surrogates come out as invalid UTF-8,
    # which the parser reports with their position).
    data = text.encode("utf-8", "surrogatepass")
    declared = _DECLARED_ENCODING.match(data)
    if declared is not None:
        data = data[: declared.start(1)] + b"UTF-8" + data[declared.end(1) :]
    return data


def _read_file(path: os.PathLike[str], max_bytes: int) -> bytes | Problem:
    try:
        return read_file(path, max_bytes)
    except FileTooLarge as error:
        return _too_large(error.size, max_bytes, "bytes")
    except FileRefused as error:  # (the OSError, if any, stays the cause: its errno tells programs why)
        raise ParseError(str(error)) from (error.__cause__ or error)


def _too_large(size: int, max_bytes: int, unit: str) -> Problem:
    return Problem(
        None, None, None, None, f"the document is {size} {unit}, over the size limit of {max_bytes} bytes (max_bytes)"
    )


def _parse(data: bytes, max_bytes: int, *, is_text: bool) -> Loaded | Problem:
    if len(data) > max_bytes:
        return _too_large(len(data), max_bytes, "bytes")
    try:
        root = etree.fromstring(data, _per_thread.parser)
    except etree.XMLSyntaxError as error:
        if not data.strip(XML_WHITESPACE_BYTES):  # (libxml2 says "Start tag expected" for whitespace)
            return Problem(1, 1, None, None, "the document is empty")
        from ._positions import doctype_position  # (its patterns load for a document that is not plainly valid)

        doctype = doctype_position(data)  # (refused either way: the DOCTYPE is the cause worth naming)
        if doctype[0] is not None:
            return Problem(*doctype, None, None, REFUSED_DOCTYPE)
        return _syntax_problem(error, is_text=is_text)
    # Bytes that start with "<" and a name start with the root element: no prolog,
    # so no DOCTYPE (one after the root element is a syntax error).
    if (data[0] != 0x3C or data[1] in _PROLOG_SECOND) and _has_doctype(root.getroottree().docinfo):
        from ._positions import doctype_position

        line, column = doctype_position(data)
        return Problem(line, column, None, None, REFUSED_DOCTYPE)
    return root, data


def _has_doctype(docinfo: etree.DocInfo) -> bool:
    return bool(docinfo.doctype) or docinfo.internalDTD is not None or docinfo.externalDTD is not None


def _syntax_problem(error: etree.XMLSyntaxError, *, is_text: bool) -> Problem:
    line, column = error.position
    raw = xml_collapse(_LIBXML_POSITION.sub("", error.msg or ""))
    if raw.startswith("Start tag expected") or raw == "Document is empty":
        message = "not XML: a document must start with '<' (an XML declaration or the <Response> element)"
        if is_text:
            message += "; to read a file, pass a pathlib.Path, not a str"
    elif "not proper UTF-8" in raw or "Invalid bytes in character encoding" in raw:
        detail = raw.split("Bytes:", 1)[1].strip() if "Bytes:" in raw else ""
        message = (
            "the document is not in the encoding it declares (UTF-8 when it declares none)"
            + (f": bytes {detail}" if detail else "")
            + '; save it as UTF-8 or declare its encoding in <?xml version="1.0" encoding="..."?>'
        )
    elif raw.startswith("Unsupported encoding"):
        message = f"the document declares an encoding this parser does not know ({raw.split(':', 1)[-1].strip()})"
    elif raw.startswith("Excessive depth in document"):
        message = "elements are nested too deep for this parser (over 256 levels; Plivo XML needs two)"
    else:
        message = f"not well-formed XML: {raw}"
    if line <= 0:
        line, column = 1, 1
    return Problem(line, column if column > 0 else None, None, None, message)
