"""Reading one reply of the user's app, never more than the reader's size limit
and one byte: from an httpx response streamed off a WSGI app or a real server,
or from an ASGI app driven here (httpx's ASGI transport keeps the whole body
before it answers, so it cannot stop at a limit).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any, NamedTuple

from ._app_workers import Abandon

__all__ = ["Answer", "asgi_answer", "read_body"]

Message = MutableMapping[str, Any]


class Answer(NamedTuple):
    """The app's status, its Location and Content-Type headers, and its body; or
    ``over``: the body passed ``limit``, and ``body`` holds its first ``limit`` bytes."""

    status: int
    location: str | None
    content_type: str | None
    body: bytes
    over: bool


def read_body(response: Any, limit: int, abandon: Abandon) -> Answer:
    """The answer of an httpx ``response`` opened as a stream, read a chunk at a
    time: reading stops past ``limit`` bytes, or when nobody waits for it any more."""
    status, location = response.status_code, response.headers.get("location")
    content_type = response.headers.get("content-type")
    parts: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                return Answer(status, location, content_type, b"".join((*parts, chunk))[:limit], over=True)
            if abandon.is_set():
                break
            parts.append(chunk)
    finally:
        response.close()  # (a WSGI app's iterable is closed: a generator stops)
    return Answer(status, location, content_type, b"".join(parts), over=False)


class _Over(Exception):
    """Raised into an ASGI app that sends more than the limit: it stops there."""


async def asgi_answer(app: Callable[[Message, Any, Any], Awaitable[None]], request: Any, limit: int) -> Answer:
    """Run the httpx ``request`` through the ASGI ``app`` (the scope httpx's own
    ASGI transport gives) and answer what it sent, up to ``limit`` bytes."""
    url = request.url
    scope: Message = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": request.method,
        "headers": [(key.lower(), value) for key, value in request.headers.raw],
        "scheme": url.scheme,
        "path": url.path,
        "raw_path": url.raw_path.split(b"?")[0],
        "query_string": url.query,
        "server": (url.host, url.port),
        "client": ("127.0.0.1", 123),
        "root_path": "",
    }
    form = request.read()
    status: int | None = None
    headers: list[tuple[bytes, bytes]] = []
    parts: list[bytes] = []
    size = 0
    over = False
    asked = False
    complete = asyncio.Event()

    async def receive() -> Message:
        nonlocal asked
        if not asked:
            asked = True
            return {"type": "http.request", "body": form, "more_body": False}
        await complete.wait()
        return {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        nonlocal status, headers, size, over
        if message["type"] == "http.response.start":
            status, headers = message["status"], list(message.get("headers", []))
        elif message["type"] == "http.response.body":
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                over = True
                parts.append(chunk[: len(chunk) - (size - limit)])  # (the first limit bytes are kept)
                raise _Over
            parts.append(chunk)
            if not message.get("more_body", False):
                complete.set()

    try:
        await app(scope, receive, send)
    except Exception:
        # past the limit it stopped as told; after a complete reply (a background
        # task failing) the reply stands; anything else is the app's error, its 500
        if not (over or complete.is_set()):
            raise
    finally:
        complete.set()
    location, content_type = (_header(headers, name) for name in (b"location", b"content-type"))
    return Answer(500 if status is None else status, location, content_type, b"".join(parts), over)


def _header(headers: list[tuple[bytes, bytes]], name: bytes) -> str | None:
    """The first ``name`` header's value (lower-case ``name``), as httpx decodes it; None without one."""
    return next((value.decode("latin-1") for key, value in headers if key.lower() == name), None)
