"""``lint --scenario``: the documents an app returns, and whether it answers the URLs they name.

Each scenario (a file driving an app: ``app`` and ``base_url``, docs/simulation.md)
is run, not strictly, so that one failure does not hide the rest. Every document
the app returned for a request whose reply is a document becomes a linted
document of its own (named ``URL (METHOD, SCENARIO)``), so every rule looks at what
the app really answers too. Then each URL under ``base_url`` that those
documents name is asked of the app with the method the XML says, unless the run
already asked it so: a 404 or a 405 is a finding (PXL012). The probe is a real,
signed request to the app, with no parameters: a handler that fails on that
(a 400 or a 500) has a route, which is all this checks.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from typing import Any

import attrs

from .._errors import PlivoXMLPlusError
from ..schema._result import Problem
from ._documents import Document, read_document
from ._errors import LintConfigError
from ._rules import Hit, LintContext, rule
from ._urls import method_of, urls_named

__all__ = ["AppRoutes", "scenario_documents"]

_NOT_ROUTED = (404, 405)


@attrs.define
class AppRoutes:
    """What the apps of the scenarios answer, by (method, URL): the statuses the
    runs saw, and a probe for the rest."""

    transports: list[Any] = attrs.field(factory=list)  # (one per scenario with an app)
    statuses: dict[tuple[str, str], int | None] = attrs.field(factory=dict)

    def status(self, method: str, url: str) -> int | None:
        """The status the app answers ``method url`` with (None: no app has that URL)."""
        key = (method, url)
        if key not in self.statuses:
            transport = next((t for t in self.transports if t.handles(url)), None)
            self.statuses[key] = None if transport is None else transport.send(method, url, {}, 1 << 20).status
        return self.statuses[key]

    def close(self) -> None:
        for transport in self.transports:
            transport.close()


def app_routes(spec: str, base_url: str, auth_token: str) -> AppRoutes:
    """The routes of the WSGI or ASGI app ``module:attribute`` (imported with the
    current folder first on ``sys.path``) under ``base_url``."""
    from ..core.platform._app import AppTransport

    module_name, colon, attribute = spec.partition(":")
    if not colon or not module_name or not attribute:
        raise LintConfigError(f"--app {spec!r}: write it module:attribute (for example app:app)")
    if "" not in sys.path:
        sys.path.insert(0, "")
    try:
        app = getattr(importlib.import_module(module_name), attribute)
    except ImportError as error:
        raise LintConfigError(f"--app {spec!r}: cannot import {module_name}: {error}") from None
    except AttributeError:
        raise LintConfigError(f"--app {spec!r}: {module_name} has no attribute {attribute!r}") from None
    if not callable(app):
        raise LintConfigError(f"--app {spec!r}: {attribute} is not a WSGI or ASGI app (not callable)")
    try:
        return AppRoutes([AppTransport(app, base_url, auth_token, 5.0, "lint")])
    except PlivoXMLPlusError as error:
        raise LintConfigError(f"--app {spec!r}: {error}") from None


def _unusable(path: str, message: str) -> Document:
    return Document(path, None, None, (Problem(None, None, None, None, message),))


def scenario_documents(paths: list[str], routes: AppRoutes) -> list[Document]:
    """The documents the scenarios' apps returned; their apps join ``routes``."""
    from ..core import load_scenario
    from ..core.platform._app import AppTransport
    from ..core.platform._requests import ROUTES

    returns_document = {route.kind for route in ROUTES.values() if route.document is not None}
    documents: list[Document] = []
    for path in paths:
        try:
            scenario = load_scenario(path)
        except (PlivoXMLPlusError, OSError) as error:
            documents.append(_unusable(path, f"the scenario cannot be used: {error}"))
            continue
        base_url = scenario.base_url
        if base_url is None or scenario.app is None:
            documents.append(_unusable(path, "the scenario drives no app: give it app and base_url"))
            continue
        scenario = attrs.evolve(scenario, strict=False)
        try:
            with scenario.run() as simulation:
                requests = list(simulation.requests)
        except PlivoXMLPlusError as error:
            documents.append(_unusable(path, f"the scenario cannot run: {error}"))
            continue
        routes.transports.append(
            AppTransport(scenario.app, base_url, scenario.auth_token, scenario.timeout, "lint")
        )
        seen: set[bytes] = set()
        for request in requests:
            routes.statuses.setdefault((request.method, request.url), request.status)
            response = request.response
            if request.kind not in returns_document or response is None or response.status >= 300:
                continue
            if response.body in seen or response.length is None:
                continue
            seen.add(response.body)
            documents.append(read_document(f"{request.url} ({request.method}, {path})", response.body))
    return documents


@rule(
    "PXL012",
    "route-not-answered",
    "error",
    "a URL under the app's base_url, named by a document, gets a 404 or 405 from the app (lint --scenario)",
)
def route_not_answered(context: LintContext) -> Iterator[Hit]:
    routes = context.routes
    if routes is None:
        return
    for document in context.documents:
        for node, entry, url in urls_named(document):
            method = method_of(node, entry)
            if method is None:
                continue
            status = routes.status(method, url)
            if status in _NOT_ROUTED:
                yield Hit(
                    document,
                    node,
                    entry.attribute or None,
                    f"{method} {url}: the app answers HTTP {status}"
                    + (" (no such route)" if status == 404 else " (the route takes another method)"),
                )
