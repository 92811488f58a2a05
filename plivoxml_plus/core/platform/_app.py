"""Sending the platform's requests to the user's own app: in-process (a WSGI or
ASGI app) or over real HTTP to a running server.

httpx is the optional extra ``app`` and is imported only when a simulation is
given an app or a base URL. Every request is signed as Plivo signs its requests
(``X-Plivo-Signature-V2`` and ``-V3``, ``_signature``) over the URL the app
receives, so an app that checks either signature accepts it. Only URLs under
``base_url`` are sent, redirects included (``_app_urls``); a request is bounded
as a whole by ``timeout`` and runs in a bounded worker (``_app_workers``); the
reply is read up to the XML reader's size limit and no further
(``_app_reading``).
"""

from __future__ import annotations

import asyncio
import inspect
import threading
import time
from collections.abc import Mapping
from typing import Any, NamedTuple
from urllib.parse import urlencode, urljoin, urlsplit

from ._app_reading import Answer, asgi_answer, read_body
from ._app_urls import Scope, normalised_url, without_userinfo
from ._app_workers import MAX_WORKERS, Abandon, Late, NoWorker, remaining, run_bounded
from ._requests import KEPT_BODY_BYTES, AppResponse
from ._signature import signature_headers

__all__ = ["DEFAULT_AUTH_TOKEN", "AppTransport", "Reply"]

# what the simulator signs with unless told otherwise: give the app the same token
DEFAULT_AUTH_TOKEN = "plivoxml-plus-simulation-token"
MAX_REDIRECTS = 10  # HTTP redirects followed before the request counts as failed
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
SHOWN_URL = 200  # characters of a redirect's target a message shows
NO_WORKER = (
    f"not sent: the {MAX_WORKERS} workers are all still running earlier requests to apps that did not finish in time"
)
LOOP_BUSY = (
    "not sent: the app's event loop is still running an earlier request that did not finish in time "
    "(a blocking call in an async handler?)"
)


class Reply(NamedTuple):
    """What came back: the status (None: no answer at all), the body, why it is
    unusable if it is (a failure to connect, a timeout, a body over the limit, a
    redirect off ``base_url``), and what of it a request's record keeps (None:
    no reply came)."""

    status: int | None
    body: bytes
    problem: str | None
    response: AppResponse | None = None


def _kept(answer: Answer) -> AppResponse:
    """What a request's record keeps of ``answer``: its first 64 KiB, and its length."""
    length = None if answer.over else len(answer.body)
    return AppResponse(answer.status, answer.content_type, answer.body[:KEPT_BODY_BYTES], length)


class LoopBusy(Exception):
    """An ASGI app's event loop is still running an earlier, abandoned request."""


def is_asgi(app: object) -> bool:
    """An ASGI app is an async callable (a coroutine function, or an object whose
    ``__call__`` is one, as Starlette's and FastAPI's are); any other callable is WSGI."""
    call = getattr(app, "__call__", None)  # noqa: B004 - a class's instances are callable too
    return inspect.iscoroutinefunction(app) or inspect.iscoroutinefunction(call)


class AppTransport:
    """Requests to URLs under ``base_url``: to ``app`` if given, else over HTTP."""

    def __init__(self, app: Any, base_url: str, auth_token: str, timeout: float, seed: str) -> None:
        from ..._extras import require

        self.httpx: Any = require("httpx", "app", "sending requests to your app")
        self.base_url = base_url
        self.scope = Scope.of(base_url)
        self.auth_token = auth_token
        self.seed = seed
        self.sent = 0
        self.timeout = timeout
        self.app = app
        self.asgi = app is not None and is_asgi(app)
        # an ASGI app keeps one event loop for the simulation (what it creates on it
        # lives on), run by one request's worker at a time
        self.loop: asyncio.AbstractEventLoop | None = asyncio.new_event_loop() if self.asgi else None
        self.loop_free = threading.Lock()
        self.closed = False
        # the client builds the requests; they are sent through its transport itself,
        # so that redirects (followed here, re-signed, kept under base_url) are the
        # simulator's alone: httpx reads no Location header
        if app is None:
            self.transport: Any = self.httpx.HTTPTransport()
        elif not self.asgi:
            self.transport = self.httpx.WSGITransport(app=app, raise_app_exceptions=False)
        else:
            self.transport = None  # (driven by _app_reading.asgi_answer)
        self.client: Any = self.httpx.Client(timeout=timeout, transport=self.transport)

    def wire_url(self, url: str) -> str | None:
        """``url`` as it is sent: normalised (``_app_urls``), then written as httpx
        writes it (non-ASCII percent-encoded); None if it cannot be sent."""
        normal = normalised_url(url)
        if normal is None:
            return None
        try:
            return str(self.httpx.URL(normal))
        except (self.httpx.InvalidURL, UnicodeError):  # (a NUL, a host IDNA refuses, a URL too long)
            return None

    def handles(self, url: str) -> bool:
        """Whether ``url`` is the app's: under ``base_url`` once normalised."""
        wire = self.wire_url(url)
        return wire is not None and self.scope.contains(wire)

    def send(self, method: str, url: str, params: Mapping[str, str], limit: int) -> Reply:
        """The request (``url`` under ``base_url``), with its redirects while they
        stay under it, all within ``timeout`` seconds."""
        deadline = time.monotonic() + self.timeout
        if method == "GET" and params:  # the parameters join the URL's own query: what is sent is signed
            url = f"{url}{'&' if '?' in url else '?'}{urlencode(params)}"
            params = {}
        wire = self.wire_url(url)
        assert wire is not None, url  # (handles(url))
        httpx = self.httpx
        try:
            for _ in range(MAX_REDIRECTS + 1):
                answer = self._exchange(method, wire, params, limit, deadline)
                if answer.over:
                    problem = f"a body over the reader's limit of {limit} bytes (read no further)"
                    return Reply(answer.status, b"", problem, _kept(answer))
                if answer.status not in REDIRECT_STATUSES or answer.location is None:
                    return Reply(answer.status, answer.body, None, _kept(answer))
                # a redirect is followed as a client does (303, and 301/302 after a POST: GET
                # without the form), each hop signed for its own URL, while it stays under base_url
                try:
                    target = urljoin(wire, answer.location)
                except ValueError:  # (not a URL: a bad IPv6 address...)
                    target = answer.location
                next_wire = self.wire_url(target)
                if next_wire is None or not self.scope.contains(next_wire):
                    shown = target if len(target) <= SHOWN_URL else target[:SHOWN_URL] + "..."
                    problem = f"an HTTP {answer.status} redirect to {shown}, outside base_url {self.base_url}"
                    return Reply(answer.status, b"", problem + ": not followed", _kept(answer))
                wire = next_wire
                if answer.status == 303 or (answer.status in (301, 302) and method == "POST"):
                    method, params = "GET", {}
            return Reply(None, b"", f"more than {MAX_REDIRECTS} HTTP redirects (a redirect loop?)")
        except (Late, httpx.TimeoutException):
            return Reply(None, b"", "no reply in time (timeout)")
        except NoWorker:
            return Reply(None, b"", NO_WORKER)
        except LoopBusy:
            return Reply(None, b"", LOOP_BUSY)
        except httpx.HTTPError as error:
            where = urlsplit(wire).netloc
            return Reply(None, b"", f"could not reach {where}: {error.__class__.__name__}: {error}")
        except Exception as error:  # the app itself raised: its 500
            return Reply(500, b"", f"the app answered HTTP 500 (it raised {type(error).__name__}: {error})")

    def _exchange(self, method: str, url: str, form: Mapping[str, str], limit: int, deadline: float) -> Answer:
        """One hop: the request built, signed and answered in a worker by ``deadline``."""
        request = self.client.build_request(method, url, data=dict(form) if method == "POST" else None)
        # signed over the URL the app receives: httpx's, without any user:password@
        request.headers.update(self._headers(method, without_userinfo(str(request.url)), form))
        if not self.asgi:

            def exchange(abandon: Abandon) -> Answer:
                return read_body(self.transport.handle_request(request), limit, abandon)

            return run_bounded(exchange, deadline)
        # the loop is taken here and handed to the worker, which gives it back
        if not self.loop_free.acquire(timeout=remaining(deadline)):
            raise LoopBusy
        try:
            return run_bounded(lambda abandon: self._asgi(request, limit, abandon), deadline)
        except NoWorker:  # (the worker never ran)
            self.loop_free.release()
            raise

    def _asgi(self, request: Any, limit: int, abandon: Abandon) -> Answer:
        loop = self.loop
        assert loop is not None
        try:
            task = loop.create_task(asgi_answer(self.app, request, limit))

            def cancel() -> None:  # (from the waiting thread, at the deadline)
                if not loop.is_closed():
                    loop.call_soon_threadsafe(task.cancel)

            abandon.when_set(cancel)
            return loop.run_until_complete(task)
        finally:
            if self.closed:  # (the simulation was closed while this request ran on)
                loop.close()
            self.loop_free.release()

    def _headers(self, method: str, url: str, form: Mapping[str, str]) -> dict[str, str]:
        self.sent += 1
        params = form if method == "POST" else {}
        signed = signature_headers(method, url, params, self.seed, self.sent, self.auth_token)
        return {**signed, "User-Agent": "PlivoXMLPlus-Simulator"}

    def close(self) -> None:
        self.closed = True
        self.client.close()
        if self.loop is not None and self.loop_free.acquire(blocking=False):
            try:
                self.loop.close()
            finally:
                self.loop_free.release()
