"""Sending the platform's requests to the user's own app: in-process (a WSGI or
ASGI app, through httpx's transports) or over real HTTP to a running server.

httpx is the optional extra ``app`` and is imported only when a simulation is
given an app or a base URL. Every request is signed as Plivo signs its requests
(``X-Plivo-Signature-V3``, ``_signature``), so an app that checks signatures
accepts it. The reply is read up to the XML reader's size limit.
"""

from __future__ import annotations

import asyncio
import inspect
import threading
from collections.abc import Mapping
from typing import Any, NamedTuple
from urllib.parse import urlencode, urljoin, urlsplit

from ._signature import nonce_for, sign_v3

__all__ = ["DEFAULT_AUTH_TOKEN", "AppTransport", "Reply"]

# what the simulator signs with unless told otherwise: give the app the same token
DEFAULT_AUTH_TOKEN = "plivoxml-plus-simulation-token"
MAX_REDIRECTS = 10  # HTTP redirects followed before the request counts as failed


class Reply(NamedTuple):
    """What came back: the status (None: no answer at all), the body, and why it
    is unusable if it is (a failure to connect, a timeout, a body over the limit)."""

    status: int | None
    body: bytes
    problem: str | None


def is_asgi(app: object) -> bool:
    """An ASGI app is an async callable (a coroutine function, or an object whose
    ``__call__`` is one, as Starlette's and FastAPI's are); any other callable is WSGI."""
    call = getattr(app, "__call__", None)  # noqa: B004 - a class's instances are callable too
    return inspect.iscoroutinefunction(app) or inspect.iscoroutinefunction(call)


class AppTransport:
    """Requests to URLs under ``base_url``: to ``app`` if given, else over HTTP."""

    def __init__(self, app: Any, base_url: str, auth_token: str, timeout: float, seed: str) -> None:
        from .._extras import require

        self.httpx: Any = require("httpx", "app", "sending requests to your app")
        self.base_url = base_url.rstrip("/")
        self.auth_token = auth_token
        self.seed = seed
        self.sent = 0
        self.asgi = app is not None and is_asgi(app)
        self.in_process = app is not None
        self.timeout = timeout
        self.loop: asyncio.AbstractEventLoop | None = None
        options: dict[str, Any] = {"timeout": timeout, "follow_redirects": False}  # (followed here, re-signed)
        httpx = self.httpx
        if app is None:
            self.client: Any = httpx.Client(**options)
        elif self.asgi:
            self.loop = asyncio.new_event_loop()
            transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
            self.client = httpx.AsyncClient(transport=transport, **options)
        else:
            transport = httpx.WSGITransport(app=app, raise_app_exceptions=False)
            self.client = httpx.Client(transport=transport, **options)

    def handles(self, url: str) -> bool:
        """Whether ``url`` is the app's: ``base_url`` itself or a path under it."""
        base = self.base_url
        return url == base or url.startswith((base + "/", base + "?"))

    def send(self, method: str, url: str, params: Mapping[str, str], limit: int) -> Reply:
        if method == "GET" and params:  # the parameters join the URL's own query: what is sent is signed
            url = f"{url}{'&' if '?' in url else '?'}{urlencode(params)}"
            params = {}
        headers = self._headers(method, url, params)
        httpx = self.httpx
        try:
            for _ in range(MAX_REDIRECTS + 1):
                response = self._one(method, url, headers, None if method == "GET" else params)
                location = response.headers.get("location")
                if not response.is_redirect or location is None:
                    break
                # a redirect is followed as a client does (303, and 301/302 after a POST: GET
                # without the form), each hop signed for its own URL
                url = urljoin(url, location)
                if response.status_code == 303 or (response.status_code in (301, 302) and method == "POST"):
                    method, params = "GET", {}
                headers = self._headers(method, url, {} if method == "GET" else params)
            else:
                return Reply(None, b"", f"more than {MAX_REDIRECTS} HTTP redirects (a redirect loop?)")
        except httpx.TimeoutException:
            return Reply(None, b"", "no reply in time (timeout)")
        except httpx.HTTPError as error:
            where = urlsplit(url).netloc
            return Reply(None, b"", f"could not reach {where}: {error.__class__.__name__}: {error}")
        except Exception as error:  # the app itself raised (a WSGI app's error escapes httpx): its 500
            return Reply(500, b"", f"the app answered HTTP 500 (it raised {type(error).__name__}: {error})")
        body = response.content
        if len(body) > limit:
            return Reply(response.status_code, b"", f"a body of {len(body)} bytes, over the reader's limit of {limit}")
        return Reply(response.status_code, body, None)

    def _headers(self, method: str, url: str, form: Mapping[str, str]) -> dict[str, str]:
        self.sent += 1
        nonce = nonce_for(self.seed, self.sent)
        return {
            "X-Plivo-Signature-V3": sign_v3(method, url, form, nonce, self.auth_token),
            "X-Plivo-Signature-V3-Nonce": nonce,
            "User-Agent": "PlivoXMLPlus-Simulator",
        }

    def _one(self, method: str, url: str, headers: Mapping[str, str], form: Mapping[str, str] | None) -> Any:
        arguments: dict[str, Any] = {"headers": headers}
        if form is not None:
            arguments["data"] = dict(form)
        if self.loop is not None:  # an ASGI app: given ``timeout`` to answer
            waiting = asyncio.wait_for(self.client.request(method, url, **arguments), self.timeout)
            try:
                return self.loop.run_until_complete(waiting)
            except asyncio.TimeoutError:
                raise self.httpx.TimeoutException("the app did not answer in time") from None
        if not self.in_process:  # a server: httpx's own timeouts
            return self.client.request(method, url, **arguments)
        # a WSGI app runs in a thread of its own, so that one that hangs costs
        # ``timeout`` and not the whole run (the thread is left to finish, a daemon)
        outcome: dict[str, Any] = {}

        def run() -> None:
            try:
                outcome["reply"] = self.client.request(method, url, **arguments)
            except BaseException as error:  # (handed back to the caller below)
                outcome["error"] = error

        worker = threading.Thread(target=run, name="plivoxml-plus-app", daemon=True)
        worker.start()
        worker.join(self.timeout)
        if worker.is_alive():
            raise self.httpx.TimeoutException("the app did not answer in time")
        if "error" in outcome:
            raise outcome["error"]
        return outcome["reply"]

    def close(self) -> None:
        if self.loop is not None:
            self.loop.run_until_complete(self.client.aclose())
            self.loop.close()
            self.loop = None
        else:
            self.client.close()
