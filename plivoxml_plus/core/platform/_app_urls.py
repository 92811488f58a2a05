"""Which URLs are the app's: the one form of a URL that is judged, sent and signed,
and whether it lies under ``base_url``.

A URL is normalised as RFC 3986 (section 6.2.2) says: scheme and host
lower-cased, the scheme's default port dropped, percent-encoded unreserved
characters decoded (``%2e`` is ``.``, ``%7E`` is ``~``), dot segments removed,
an empty path made ``/``; the fragment, never sent, is dropped. A URL is under
``base_url`` when, so normalised, it has the same scheme, host and port and its
path is the base path or below it, segment by segment (``/api`` holds ``/api``
and ``/api/x``, not ``/apix``). The path is judged twice, as written and fully
percent-decoded, and must be under the base path both ways: a server that
decodes ``%2F`` before it resolves ``..`` must not be led out of it either.
"""

from __future__ import annotations

import re
from typing import NamedTuple
from urllib.parse import unquote, urlsplit, urlunsplit

__all__ = ["Scope", "normalised_url", "without_userinfo"]

DEFAULT_PORTS = {"http": 80, "https": 443}
UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")


def _escape(match: re.Match[str]) -> str:
    character = chr(int(match.group(1), 16))
    return character if character in UNRESERVED else match.group(0).upper()


def _without_dot_segments(path: str) -> str:
    """``path`` with its ``.`` and ``..`` segments resolved (RFC 3986, 5.2.4)."""
    segments = path.split("/")
    kept: list[str] = []
    for segment in segments:
        if segment == "..":
            if len(kept) > 1:
                kept.pop()
        elif segment != ".":
            kept.append(segment)
    if segments[-1] in (".", ".."):
        kept.append("")  # "/a/b/.." is the folder "/a/"
    return "/".join(kept) if len(kept) > 1 else "/"


def normalised_url(url: str) -> str | None:
    """``url`` normalised (see the module's docstring); None if it is not an
    absolute http(s) URL with a host."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:  # a port out of range, a bad IPv6 literal
        return None
    scheme = parts.scheme.lower()
    host = parts.hostname
    if scheme not in DEFAULT_PORTS or not host:
        return None
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != DEFAULT_PORTS[scheme]:
        netloc += f":{port}"
    userinfo, at, _ = parts.netloc.rpartition("@")
    path = _without_dot_segments(ESCAPE.sub(_escape, parts.path))
    return urlunsplit((scheme, userinfo + at + netloc, path, parts.query, ""))


def without_userinfo(url: str) -> str:
    """``url`` without its ``user:password@``: the URL the app sees (the
    credentials travel in an Authorization header)."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


class Scope(NamedTuple):
    """The URLs under one normalised base URL (no query, no fragment)."""

    origin: tuple[str, str]  # scheme, netloc
    path: str  # the base path without its trailing "/" ("" for the root)

    @classmethod
    def of(cls, base_url: str) -> Scope:
        normal = normalised_url(base_url)
        assert normal is not None, base_url  # (base_url was admitted as an absolute URL)
        parts = urlsplit(normal)
        return cls((parts.scheme, parts.netloc), parts.path.rstrip("/"))

    def contains(self, url: str) -> bool:
        normal = normalised_url(url)
        if normal is None:
            return False
        parts = urlsplit(normal)
        if (parts.scheme, parts.netloc) != self.origin:
            return False
        decoded = _without_dot_segments(unquote(parts.path))
        return all(path == self.path or path.startswith(self.path + "/") for path in (parts.path, decoded))
