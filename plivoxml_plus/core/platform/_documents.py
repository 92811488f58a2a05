"""Where the documents a call needs from URLs come from.

The user supplies what the app returns for each URL the platform fetches: a
mapping ``{url: document}`` or a function ``f(request) -> document``. A document
is XML text (str or bytes), a :class:`~plivoxml_plus.Response`, or ``None`` for
"no document" (the app answers 404, or not at all). A fetch gives either a
``Response`` or the reason there is none; the caller reports it as the platform
would handle it (no music; the call goes on).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Literal

from ..._errors import ParseError
from ..._files import read_file
from ..._terminal import counted
from ...elements import Response
from ...elements.response import SOUND_CHILDREN
from ._requests import HttpRequest

__all__ = [
    "NO_DOCUMENT",
    "DocumentProblem",
    "DocumentValue",
    "Documents",
    "UrlSource",
    "read_document",
    "read_xml_file",
]

DocumentValue = str | bytes | Response | None
UrlSource = Mapping[str, DocumentValue] | Callable[[HttpRequest], DocumentValue]
Kind = Literal["answer", "sound"]


def read_document(value: object, kind: Kind) -> Response:
    """``value`` (XML text or a Response) as a Response of ``kind``; raises ParseError."""
    if isinstance(value, Response):
        if kind == "sound" and not value.is_sound_document:
            tags = ", ".join(sorted({c.tag for c in value.children if c.tag not in SOUND_CHILDREN}))
            raise ParseError(f"a sound document may hold only Play, Speak and Wait, not {tags}")
        return value
    if isinstance(value, (str, bytes)):
        from ...schema import parse

        return parse(value, kind=kind)
    raise ParseError(f"a document must be XML text (str or bytes) or a Response, not {type(value).__name__}")


def read_xml_file(path: str | os.PathLike[str]) -> bytes:
    """The bytes of an XML file, undecoded (the reader decodes them by their XML
    declaration or BOM, as ``validate`` does): a regular file only, within the
    reader's size limit. Raises :class:`~plivoxml_plus._files.FileRefused`."""
    from ...schema import MAX_BYTES

    return read_file(path, MAX_BYTES)


NO_DOCUMENT = "no document for this URL (the app returned nothing)"


class DocumentProblem(str):
    """Why a reply holds no valid document, naming every problem of it (a
    ``str``, as every other reason is); ``problems`` lists them, each a
    :class:`plivoxml_plus.Problem`."""

    problems: tuple[object, ...]

    def __new__(cls, error: ParseError) -> DocumentProblem:
        # each problem starts with "LINE:COLUMN: " when it has a position
        listed = [f"({number}) {problem}" for number, problem in enumerate(error.problems, start=1)]
        if error.omitted:
            from ...schema import MAX_PROBLEMS

            listed.append(f"and {error.omitted} more (only the first {MAX_PROBLEMS} are listed)")
        if len(listed) > 1:  # (numbered: a problem's own message may hold a semicolon)
            text = f"invalid document, {counted(len(error.problems) + error.omitted, 'problem')}: {'; '.join(listed)}"
        else:
            text = f"invalid document: {error}"
        self = super().__new__(cls, text)
        self.problems = error.problems
        return self


class Documents:
    """The user's URL source, with parsed documents cached for a mapping source
    (a mapping's answers never change; a function's may)."""

    __slots__ = ("_cache", "_function", "_mapping")

    def __init__(self, source: UrlSource | None) -> None:
        self._mapping: Mapping[str, DocumentValue] | None = None
        self._function: Callable[[HttpRequest], DocumentValue] | None = None
        if source is None:
            self._mapping = {}
        elif isinstance(source, Mapping):
            self._mapping = source
        elif callable(source):
            self._function = source
        else:
            raise TypeError(f"urls must be a mapping of URL to document, or a function; not {type(source).__name__}")
        self._cache: dict[tuple[str, Kind], tuple[Response | None, str | None]] = {}

    def knows(self, url: str) -> bool:
        """Whether the user's source answers ``url``: a mapping holding it, or a function."""
        return self._function is not None or (self._mapping is not None and url in self._mapping)

    def fetch(self, request: HttpRequest, kind: Kind) -> tuple[Response | None, str | None]:
        """(the document, None) or (None, why there is none)."""
        if self._function is not None:
            return self._read(self._function(request), kind)
        key = (request.url, kind)
        cached = self._cache.get(key)
        if cached is None:
            assert self._mapping is not None
            if request.url not in self._mapping:
                cached = (None, NO_DOCUMENT)
            else:
                cached = self._read(self._mapping[request.url], kind)
            self._cache[key] = cached
        return cached

    @staticmethod
    def read(value: DocumentValue, kind: Kind) -> tuple[Response | None, str | None]:
        """(the document ``value`` holds, None) or (None, why it holds none)."""
        return Documents._read(value, kind)

    @staticmethod
    def _read(value: DocumentValue, kind: Kind) -> tuple[Response | None, str | None]:
        if value is None:
            return None, NO_DOCUMENT
        try:
            return read_document(value, kind), None
        except ParseError as error:
            return None, DocumentProblem(error)
