"""Rules on the URLs documents name: sound documents that are not, placeholder
hosts in production documents, one URL fetched with two methods.

Which attribute makes which request, with which method and what reply, is the
simulator's route table (``core/platform/_requests.py``, docs/rules.md
"Requests"): the linter reads it rather than keep a list of its own.
"""

from __future__ import annotations

import fnmatch
from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple
from urllib.parse import urlsplit

from lxml import etree

from ..elements import ELEMENT_CLASSES
from ..schema._validate import validate
from ._documents import Document
from ._rules import Hit, LintContext, rule, written


class _UrlAttribute(NamedTuple):
    element: str
    attribute: str  # the XML name; "" for the element's text (a Redirect's URL)
    method: str | None  # the XML attribute choosing the method
    default_method: str | None
    document: str | None  # "answer", "sound" or None: what the reply must be


@cache
def url_attributes() -> tuple[_UrlAttribute, ...]:
    """Every attribute of the vocabulary whose value Plivo requests, from the route table."""
    from ..core.platform._requests import ROUTES  # (the simulator's one table of requests)

    found = []
    for route in ROUTES.values():
        cls = ELEMENT_CLASSES.get(route.element)
        if cls is None:  # (the call's own URLs: no element holds them)
            continue
        specs = cls.specs
        attribute = "" if route.url == "content" else specs[route.url].xml
        method = specs[route.method] if route.method is not None else None
        found.append(
            _UrlAttribute(
                route.element,
                attribute or "",
                method.xml if method is not None else None,
                str(method.default) if method is not None else None,
                route.document,
            )
        )
    return tuple(found)


@cache
def _by_tag() -> dict[str, list[_UrlAttribute]]:
    by_tag: dict[str, list[_UrlAttribute]] = defaultdict(list)
    for entry in url_attributes():
        by_tag[entry.element].append(entry)
    return by_tag


def method_of(node: etree._Element, entry: _UrlAttribute) -> str | None:
    """The method ``node`` requests ``entry``'s URL with (as written, else its default),
    None where no attribute chooses it."""
    if entry.method is None or entry.default_method is None:
        return None
    return (written(node, entry.method) or entry.default_method).upper()


def urls_named(document: Document) -> Iterator[tuple[etree._Element, _UrlAttribute, str]]:
    """Each URL the document names: its element, what it is, the URL."""
    by_tag = _by_tag()
    for node in document.elements(*by_tag):
        for entry in by_tag[str(node.tag)]:
            value = (node.text or "").strip() if not entry.attribute else written(node, entry.attribute)
            if value and value.lower().startswith(("http://", "https://")):
                yield node, entry, value


def _where(document: Document, node: etree._Element, attribute: str) -> str:
    line = document.position(node, attribute or None)[0]
    return document.path + (f":{line}" if line is not None else "")


def _linted_file(context: LintContext, url: str) -> Document | None:
    """The linted document a URL names, or None when it names none for sure.

    A base URL mapped to a folder (``url_folders``) names the file at the rest of
    the URL's path under it; otherwise the URL's last path segment is compared
    with the linted files' names, and a name two files share decides nothing.
    """
    for base, folder in sorted(context.config.url_folders.items(), key=lambda item: -len(item[0])):
        if url.startswith(base):
            rest = urlsplit(url[len(base) :]).path.lstrip("/")
            wanted = f"{folder.rstrip('/')}/{rest}"
            for document in context.documents:
                if document.path.replace("\\", "/").endswith(wanted):
                    return document
            return None
    name = urlsplit(url).path.rsplit("/", 1)[-1]
    candidates = context.by_name.get(name, ())
    return candidates[0] if len(candidates) == 1 else None


@rule(
    "PXL009",
    "not-a-sound-document",
    "error",
    "a sound URL (waitSound, music, enter/exit, dialMusic, confirmSound) names a linted non-sound document",
)
def not_a_sound_document(context: LintContext) -> Iterator[Hit]:
    verdicts: dict[str, str | None] = {}
    for document in context.documents:
        for node, entry, url in urls_named(document):
            if entry.document != "sound":
                continue
            target = _linted_file(context, url)
            if target is None or target.root is None:
                continue
            if target.path not in verdicts:
                result = validate(target.root, kind="sound")
                verdicts[target.path] = None if result.ok else result.errors[0].message
            why = verdicts[target.path]
            if why is not None:
                yield Hit(
                    document,
                    node,
                    entry.attribute,
                    f"{entry.attribute} names {target.path}, which is not a sound document (only Play, Speak and "
                    f"Wait may be in it): {why}",
                )


# Names that are placeholders whatever the configuration (RFC 2606's reserved names;
# the hosts themselves are LintConfig.placeholder_hosts)
PLACEHOLDER_TLDS = (".example", ".test", ".invalid", ".localhost")


def _is_placeholder(host: str, hosts: tuple[str, ...]) -> bool:
    host = host.lower().rstrip(".")
    return host.endswith(PLACEHOLDER_TLDS) or any(host == h or host.endswith(f".{h}") for h in hosts)


@rule(
    "PXL010",
    "placeholder-url",
    "warning",
    "a document in a production folder names a placeholder host (example.com, localhost...)",
)
def placeholder_url(context: LintContext) -> Iterator[Hit]:
    config = context.config
    if not config.production:
        return
    for document in context.documents:
        path = document.path.replace("\\", "/")
        if not any(fnmatch.fnmatch(path, pattern) for pattern in config.production):
            continue
        for node, entry, url in urls_named(document):
            host = urlsplit(url).hostname or ""
            if _is_placeholder(host, config.placeholder_hosts):
                what = entry.attribute or "the URL"
                yield Hit(
                    document, node, entry.attribute or None, f"<{node.tag!s}> {what} names the placeholder host {host}"
                )


@rule(
    "PXL011",
    "url-with-two-methods",
    "warning",
    "the same URL is requested with GET in one place and POST in another",
)
def url_with_two_methods(context: LintContext) -> Iterator[Hit]:
    first: dict[str, tuple[str, Document, etree._Element, str]] = {}
    for document in context.documents:
        for node, entry, url in urls_named(document):
            method = method_of(node, entry)
            if method is None:
                continue
            seen = first.setdefault(url, (method, document, node, entry.attribute))
            if seen[0] != method:
                chosen = entry.method is not None and node.get(entry.method) is not None
                yield Hit(
                    document,
                    node,
                    entry.method if chosen else entry.attribute or None,
                    f"{url} is requested with {method} here but {seen[0]} at {_where(seen[1], seen[2], seen[3])}: "
                    "an app route usually answers one method (a 405 for the other)",
                )
