"""The app transport is bounded and stays on ``base_url`` (issue 17, items 5 and 6).

Redirects are followed only while they stay under ``base_url`` (a property test
over random chains); the prefix check is made on the normalised URL; reply
bodies are read up to the reader's limit and one byte (WSGI, ASGI, real HTTP);
``timeout`` bounds a whole request, an ASGI app that blocks its event loop
included; the threads left behind by hanging apps are bounded; strict mode
fails a request outside ``base_url``; and each request is signed over the URL
the app receives, checked by plivo-python inside Flask and Starlette.

Every server here binds 127.0.0.1, stops itself, and loops a bounded number of times.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import flask
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from plivo.utils import validate_v3_signature
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response as StarletteResponse
from starlette.routing import Route

from plivoxml_plus import Simulation, StrictModeError
from plivoxml_plus.core import DEFAULT_AUTH_TOKEN
from plivoxml_plus.core.platform._app_workers import MAX_WORKERS
from plivoxml_plus.schema import MAX_BYTES

BASE = "https://app.example/api"
SPEAK = b"<Response><Speak>done</Speak></Response>"
Wsgi = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def note_texts(sim: Simulation) -> list[str]:
    return [note.text for note in sim.notes]


def run_one(app: Any, answer_url: str, *, base: str = BASE, **settings: Any) -> Simulation:
    with Simulation(app=app, base_url=base, **settings) as sim:
        sim.call("a", answer_url=answer_url)
        sim.run()
    return sim


# -- redirects stay under base_url -----------------------------------------------------


def redirecting_wsgi(targets: dict[str, str], seen: list[str]) -> Wsgi:
    """A WSGI app answering each path in ``targets`` with a 302 to its target, and
    every other path with a document; it records the host and path of each request."""

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ["PATH_INFO"]
        seen.append(f"{environ['HTTP_HOST']}{path}")
        if path in targets:
            start_response("302 Found", [("Location", targets[path])])
            return [b""]
        start_response("200 OK", [("Content-Type", "application/xml")])
        return [SPEAK]

    return app


OFF_BASE = [
    "https://elsewhere.example/api/next",  # another host
    "http://app.example/api/next",  # another scheme
    "https://app.example:8443/api/next",  # another port
    "https://app.example/apix/next",  # a path beside the base path, not below it
    "https://app.example/api/../next",  # dot segments out of it
    "https://app.example/api/%2e%2e/next",  # percent-encoded ones
    "https://app.example/api/x%2F..%2F..%2Fnext",  # decoded, they leave it too
    "/next",  # relative, outside
    "../next",
]


@pytest.mark.parametrize("target", OFF_BASE)
@pytest.mark.parametrize("strict", [False, True])
def test_a_redirect_off_base_url_is_not_followed(target: str, strict: bool) -> None:
    seen: list[str] = []
    app = redirecting_wsgi({"/api/old": target}, seen)
    with Simulation(app=app, base_url=BASE, strict=strict) as sim:
        record = sim.call("a", answer_url=f"{BASE}/old")
        if strict:
            with pytest.raises(StrictModeError, match=r"redirect to .* outside base_url .*: not followed"):
                sim.run()
            assert seen == ["app.example/api/old"]
            return
        sim.run()
    assert seen == ["app.example/api/old"]  # the app was asked once: the redirect went nowhere
    (text,) = note_texts(sim)
    assert text.startswith(f"answerUrl {BASE}/old: an HTTP 302 redirect to "), text
    assert text.endswith(f"outside base_url {BASE}: not followed")
    assert record.executed == []


MALFORMED = [
    "http://[::1",  # a bad IPv6 address
    "//[zz]/x",
    "https://app.example:99999/api/x",  # a port out of range
    "javascript:alert(1)",
    "mailto:someone@app.example",
    "https://app.example/api/\x00",  # a NUL
    "https://xn--/api/x",  # a host IDNA refuses
    "https://app.example/api/" + "a" * 100_000,  # too long for httpx
]


@pytest.mark.parametrize("target", MALFORMED, ids=range(len(MALFORMED)))
@pytest.mark.parametrize("strict", [False, True])
def test_a_malformed_redirect_is_not_followed_and_says_so(target: str, strict: bool) -> None:
    seen: list[str] = []
    with Simulation(app=redirecting_wsgi({"/api/old": target}, seen), base_url=BASE, strict=strict) as sim:
        sim.call("a", answer_url=f"{BASE}/old")
        if strict:
            with pytest.raises(StrictModeError, match=r"HTTP 302 redirect to .*: not followed"):
                sim.run()
        else:
            sim.run()
            (text,) = note_texts(sim)
            assert text.endswith(f", outside base_url {BASE}: not followed"), text
            assert len(text) < 400  # (a long target is cut short)
    assert seen == ["app.example/api/old"]


ON_BASE = [
    "https://app.example/api/next",
    "HTTPS://APP.Example:443/api/next",  # scheme and host case, the default port
    "https://app.example/api/x/../next",  # dot segments that stay inside
    "https://app.example/api/./%6Eext",  # a percent-encoded unreserved character
    "next",  # relative to /api/old
    "/api/next",
]


@pytest.mark.parametrize("target", ON_BASE)
def test_a_redirect_under_base_url_is_followed(target: str) -> None:
    seen: list[str] = []
    sim = run_one(redirecting_wsgi({"/api/old": target}, seen), f"{BASE}/old", strict=True)
    assert seen == ["app.example/api/old", "app.example/api/next"]
    assert sim.calls["a"].executed == ["Speak"]


@st.composite
def chains(draw: st.DrawFn) -> list[tuple[str, bool]]:
    """Up to 6 redirect targets, each (how it is written, whether it is under BASE),
    the hop it leads to numbered by its place in the chain."""
    hops = []
    for number in range(draw(st.integers(1, 6))):
        on = draw(st.booleans())
        pool = ON_FORMS if on else OFF_FORMS
        hops.append((draw(st.sampled_from(pool)).format(n=number), on))
    return hops


# {n}: the hop's number; every path of the form /api/hop/N is the app's Nth hop
ON_FORMS = [
    "https://app.example/api/hop/{n}",
    "HTTPS://App.EXAMPLE:443/api/hop/{n}",
    "https://app.example/api/x/../hop/{n}",
    "https://app.example/api/./hop/%3{n}",
    "/api/hop/{n}",
    "{n}",  # relative to /api/hop/...
    "../hop/{n}",
    "//app.example/api/hop/{n}",
]
OFF_FORMS = [
    "https://app.example.evil/api/hop/{n}",
    "http://app.example/api/hop/{n}",
    "https://app.example:444/api/hop/{n}",
    "https://app.example/api/../hop/{n}",
    "https://app.example/api/%2E%2E/hop/{n}",
    "https://app.example/apihop/{n}",
    "../../hop/{n}",
    "/hop/{n}",
    "//other.example/api/hop/{n}",
]


@settings(max_examples=60, deadline=None)
@given(chains())
def test_random_redirect_chains_are_followed_exactly_while_under_base_url(chain: list[tuple[str, bool]]) -> None:
    """The answer URL redirects to target 0, hop N to target N+1, the last hop
    answers a document (relative targets resolve against /api/hop/...): the app is
    asked for the answer URL and every hop up to the first target off base_url,
    and nothing after it."""
    targets = {"/api/hop/start" if n == 0 else f"/api/hop/{n - 1}": written for n, (written, _) in enumerate(chain)}
    seen: list[str] = []
    sim = run_one(redirecting_wsgi(targets, seen), f"{BASE}/hop/start")
    followed = next((n for n, (_, on) in enumerate(chain) if not on), len(chain))
    assert seen == ["app.example/api/hop/start"] + [f"app.example/api/hop/{n}" for n in range(followed)]
    if followed == len(chain):
        assert sim.notes == ()
        assert sim.calls["a"].executed == ["Speak"]
    else:
        (text,) = note_texts(sim)
        assert text.endswith(f"outside base_url {BASE}: not followed"), text


# -- base_url's prefix is judged on the normalised URL ------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://app.example/api/../admin/answer",
        "https://app.example/api/%2e%2e/admin/answer",
        "https://app.example/api/%2E%2E/admin/answer",
        "https://app.example/api/.%2e/admin/answer",
        "https://app.example/api/x%2F..%2F..%2Fadmin/answer",
        "https://app.example/apiadmin/answer",
    ],
)
@pytest.mark.parametrize("strict", [False, True])
def test_a_url_escaping_the_base_path_is_not_the_apps(url: str, strict: bool) -> None:
    seen: list[str] = []
    with Simulation(app=redirecting_wsgi({}, seen), base_url=BASE, strict=strict) as sim:
        sim.call("a", answer_url=url)
        if strict:
            with pytest.raises(StrictModeError, match=f"answerUrl .*: not under base_url {BASE}"):
                sim.run()
        else:
            sim.run()
            assert note_texts(sim) == [f"answerUrl {url}: not under base_url {BASE}, so no app answers it"]
    assert seen == []


@pytest.mark.parametrize(
    "url",
    ["https://App.Example:443/api/answer", "https://app.example/api/x/../answer", "https://app.example/api/%61nswer"],
)
def test_a_url_under_the_base_path_once_normalised_is_the_apps(url: str) -> None:
    seen: list[str] = []
    sim = run_one(redirecting_wsgi({}, seen), url, strict=True)
    assert seen == ["app.example/api/answer"]
    assert sim.calls["a"].executed == ["Speak"]


# -- strict mode: a request outside base_url fails, document or not -------------------------


def conference_app(callback: str, seen: list[str]) -> Wsgi:
    document = f'<Response><Conference callbackUrl="{callback}">room</Conference></Response>'.encode()

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        seen.append(environ["PATH_INFO"])
        start_response("200 OK", [("Content-Type", "application/xml")])
        return [document]

    return app


def test_a_misspelt_callback_host_fails_strict_mode() -> None:
    seen: list[str] = []
    misspelt = "https://app.exmaple/api/events"
    with Simulation(app=conference_app(misspelt, seen), base_url=BASE, strict=True) as sim:
        sim.call("a", answer_url=f"{BASE}/answer", hangup=5)
        with pytest.raises(StrictModeError) as caught:
            sim.run()
    assert str(caught.value) == (
        f"strict mode: at t=0, for call 'a': callbackUrl {misspelt}: not under base_url {BASE}, so no app answers it"
    )
    assert seen == ["/api/answer"]


def test_a_misspelt_callback_host_is_a_note_when_lenient() -> None:
    seen: list[str] = []
    misspelt = "https://app.exmaple/api/events"
    with Simulation(app=conference_app(misspelt, seen), base_url=BASE) as sim:
        sim.call("a", answer_url=f"{BASE}/answer", hangup=5)
        sim.run()
    texts = note_texts(sim)
    assert texts and set(texts) == {f"callbackUrl {misspelt}: not under base_url {BASE}, so no app answers it"}
    assert [r.kind for r in sim.requests] == ["answer"] + ["callback"] * len(texts)


def test_a_url_given_in_urls_is_answered_there_in_strict_mode() -> None:
    # a URL outside base_url whose document the simulation was given is not a failure
    seen: list[str] = []
    other = "https://cdn.example/wait"
    document = f'<Response><Conference waitSound="{other}">room</Conference></Response>'.encode()

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        seen.append(environ["PATH_INFO"])
        start_response("200 OK", [("Content-Type", "application/xml")])
        return [document]

    with Simulation({other: "<Response><Wait length='1'/></Response>"}, app=app, base_url=BASE, strict=True) as sim:
        sim.call("a", answer_url=f"{BASE}/answer", hangup=3)
        sim.run()
    assert seen == ["/api/answer"]
    assert [r.url for r in sim.requests] == [f"{BASE}/answer", other]


# -- reply bodies: read up to the limit and one byte ------------------------------------------

CHUNK = 256 * 1024
CHUNKS = 4 * MAX_BYTES // CHUNK  # the whole body: four times the limit


class Counter:
    def __init__(self) -> None:
        self.sent = 0
        self.stop = threading.Event()


def endless_wsgi(counter: Counter, pause: float = 0.0) -> Wsgi:
    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterator[bytes]:
        start_response("200 OK", [("Content-Type", "application/xml")])
        yield b"<Response>"
        for _ in range(CHUNKS if not pause else 2000):  # (bounded)
            if counter.stop.is_set():
                return
            counter.sent += 1
            if pause:  # (a slow body, well under the limit)
                time.sleep(pause)
                yield b" "
            else:
                yield b" " * CHUNK

    return app


def test_a_wsgi_body_is_read_up_to_the_limit_and_no_further() -> None:
    counter = Counter()
    sim = run_one(endless_wsgi(counter), f"{BASE}/answer")
    assert note_texts(sim) == [
        f"answerUrl {BASE}/answer: a body over the reader's limit of {MAX_BYTES} bytes (read no further)"
    ]
    assert sim.requests[0].status == 200
    assert counter.sent <= MAX_BYTES // CHUNK + 1


def test_an_asgi_body_is_read_up_to_the_limit_and_no_further() -> None:
    counter = Counter()

    async def app(scope: dict[str, Any], receive: Callable[..., Any], send: Callable[..., Any]) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/xml")]})
        for _ in range(CHUNKS):
            counter.sent += 1
            await send({"type": "http.response.body", "body": b" " * CHUNK, "more_body": True})
        await send({"type": "http.response.body", "body": b""})

    sim = run_one(app, f"{BASE}/answer")
    assert note_texts(sim) == [
        f"answerUrl {BASE}/answer: a body over the reader's limit of {MAX_BYTES} bytes (read no further)"
    ]
    assert counter.sent <= MAX_BYTES // CHUNK + 1


def test_a_timed_out_wsgi_apps_endless_body_stops_being_read() -> None:
    counter = Counter()
    try:
        sim = run_one(endless_wsgi(counter, pause=0.02), f"{BASE}/answer", timeout=0.3)
        assert note_texts(sim) == [f"answerUrl {BASE}/answer: no reply in time (timeout)"]
        time.sleep(0.3)  # the abandoned reader notices at its next chunk
        before = counter.sent
        time.sleep(0.5)
        assert counter.sent - before <= 1
    finally:
        counter.stop.set()


class Trickle:
    """A real HTTP server on 127.0.0.1 answering 200 with a body of ``size``
    bytes written ``step`` bytes every ``pause`` seconds (headers first, or a
    byte of the headers at a time with ``slow_headers``). It records how many
    body bytes it wrote, and stops when the client leaves or it is shut down."""

    def __init__(self, size: int, step: int, pause: float, slow_headers: bool = False) -> None:
        self.written = 0
        self.done = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                head = f"HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: {size}\r\n\r\n".encode()
                try:
                    if slow_headers:
                        for byte in head:  # (bounded: the header's length)
                            if outer.done.wait(pause):
                                return
                            self.wfile.write(bytes([byte]))
                            self.wfile.flush()
                    else:
                        self.wfile.write(head)
                    for _ in range(size // step):  # (bounded)
                        if pause and outer.done.wait(pause):
                            return
                        self.wfile.write(b" " * step)
                        self.wfile.flush()
                        outer.written += step
                except OSError:  # the client left
                    return

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> Trickle:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.done.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


def test_a_real_http_body_is_read_up_to_the_limit_and_no_further() -> None:
    with Trickle(size=64 * MAX_BYTES, step=64 * 1024, pause=0) as server:
        with Simulation(base_url=server.url) as sim:
            sim.call("a", answer_url=f"{server.url}/answer")
            sim.run()
        assert note_texts(sim) == [
            f"answerUrl {server.url}/answer: a body over the reader's limit of {MAX_BYTES} bytes (read no further)"
        ]
        time.sleep(0.2)
        assert server.written < 16 * MAX_BYTES  # (what the sockets' buffers took, not the 64 MiB)


@pytest.mark.parametrize("slow_headers", [False, True])
def test_timeout_bounds_the_whole_real_http_request(slow_headers: bool) -> None:
    # a byte every 0.2 s never trips a read timeout of 1 s; the request as a whole must
    with Trickle(size=100, step=1, pause=0.2, slow_headers=slow_headers) as server:
        started = time.monotonic()
        with Simulation(base_url=server.url, timeout=1) as sim:
            sim.call("a", answer_url=f"{server.url}/answer")
            sim.run()
        elapsed = time.monotonic() - started
    assert note_texts(sim) == [f"answerUrl {server.url}/answer: no reply in time (timeout)"]
    assert elapsed < 2.5


# -- an ASGI app that blocks its event loop --------------------------------------------------


def test_an_asgi_app_blocking_its_event_loop_is_bounded_too() -> None:
    release = threading.Event()

    async def app(scope: dict[str, Any], receive: Callable[..., Any], send: Callable[..., Any]) -> None:
        release.wait(3)  # a blocking call in an async handler: the loop cannot run
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": SPEAK})

    try:
        started = time.monotonic()
        with Simulation(app=app, base_url=BASE, timeout=0.3) as sim:
            sim.call("a", answer_url=f"{BASE}/answer")
            sim.call("b", answer_url=f"{BASE}/answer", at=1)
            sim.run()
        assert time.monotonic() - started < 1.5
        assert note_texts(sim) == [
            f"answerUrl {BASE}/answer: no reply in time (timeout)",
            f"answerUrl {BASE}/answer: not sent: the app's event loop is still running an earlier request "
            "that did not finish in time (a blocking call in an async handler?)",
        ]
    finally:
        release.set()


def test_an_asgi_request_timed_out_is_cancelled_and_the_loop_serves_the_next() -> None:
    cancelled = threading.Event()

    async def app(scope: dict[str, Any], receive: Callable[..., Any], send: Callable[..., Any]) -> None:
        if scope["path"] == "/api/slow":
            try:
                await asyncio.sleep(5)
            except asyncio.CancelledError:
                cancelled.set()
                raise
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": SPEAK})

    with Simulation(app=app, base_url=BASE, timeout=0.3) as sim:
        sim.call("a", answer_url=f"{BASE}/slow")
        sim.call("b", answer_url=f"{BASE}/fast", at=1)
        sim.run()
    assert note_texts(sim) == [f"answerUrl {BASE}/slow: no reply in time (timeout)"]
    assert cancelled.is_set()
    assert sim.calls["b"].executed == ["Speak"]


# -- the workers left behind are bounded -------------------------------------------------------


def app_workers() -> int:
    return sum(thread.name == "plivoxml-plus-app" for thread in threading.enumerate())


def test_hanging_requests_do_not_pile_up_threads() -> None:
    release = threading.Event()

    def hanging(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ["PATH_INFO"] == "/api/hang":
            release.wait(10)
        start_response("200 OK", [("Content-Type", "application/xml")])
        return [SPEAK]

    extra = 4
    try:
        with Simulation(app=hanging, base_url=BASE, timeout=0.1) as sim:
            for number in range(MAX_WORKERS + extra):
                sim.call(f"c{number}", answer_url=f"{BASE}/hang", at=number)
            sim.run()
            assert app_workers() <= MAX_WORKERS
        texts = note_texts(sim)
        timeouts = [t for t in texts if t.endswith("no reply in time (timeout)")]
        refused = [t for t in texts if "not sent: the 8 workers are all still running" in t]
        assert len(timeouts) + len(refused) == MAX_WORKERS + extra
        assert len(refused) >= extra
    finally:
        release.set()
    for _ in range(100):  # (the released workers finish)
        if app_workers() == 0:
            break
        time.sleep(0.05)
    assert app_workers() == 0
    sim = run_one(hanging, f"{BASE}/fine", timeout=1)
    assert sim.calls["a"].executed == ["Speak"]


# -- signatures over what is sent (item 6) ------------------------------------------------------

TOKEN = DEFAULT_AUTH_TOKEN
# written differently from what the transport sends: the host's case, the default
# port, dot segments (and the base_url itself written so)
WRITTEN = [
    "https://App.Example/api/answer",
    "https://app.example:443/api/answer",
    "https://app.example/api/x/../answer",
    "https://app.example/api/./answer?step=1",
    "https://APP.example:443/api/%61nswer",
]
MOVED_TO = "HTTPS://APP.EXAMPLE:443/api/x/../answer"  # where /api/old redirects


def signed_flask_app(seen: list[str]) -> flask.Flask:
    app = flask.Flask("signature_check")

    @app.route("/api/<path:path>", methods=["GET", "POST"])
    def answer(path: str) -> flask.Response:
        request = flask.request
        params = (request.form if request.method == "POST" else request.args).to_dict()
        genuine = validate_v3_signature(
            request.method,
            request.url,
            request.headers.get("X-Plivo-Signature-V3-Nonce", ""),
            TOKEN,
            request.headers.get("X-Plivo-Signature-V3", ""),
            params,
        )
        seen.append(request.url)
        if not genuine:
            flask.abort(403)
        if path == "old":
            return flask.Response(status=307, headers={"Location": MOVED_TO})
        return flask.Response(SPEAK, mimetype="application/xml")

    return app


def signed_starlette_app(seen: list[str]) -> Starlette:
    async def answer(request: Request) -> StarletteResponse:
        from urllib.parse import parse_qsl

        body = (await request.body()).decode()
        params = dict(parse_qsl(body)) if request.method == "POST" else dict(request.query_params)
        genuine = validate_v3_signature(
            request.method,
            str(request.url),
            request.headers.get("X-Plivo-Signature-V3-Nonce", ""),
            TOKEN,
            request.headers.get("X-Plivo-Signature-V3", ""),
            params,
        )
        seen.append(str(request.url))
        if genuine and request.url.path == "/api/old":
            return StarletteResponse(status_code=307, headers={"Location": MOVED_TO})
        return StarletteResponse(SPEAK if genuine else b"", status_code=200 if genuine else 403)

    return Starlette(routes=[Route("/api/{path:path}", answer, methods=["GET", "POST"])])


@pytest.mark.parametrize("maker", [signed_flask_app, signed_starlette_app], ids=["flask", "starlette"])
@pytest.mark.parametrize("method", ["POST", "GET"])
@pytest.mark.parametrize("url", WRITTEN)
def test_plivo_python_accepts_the_signature_of_a_url_written_otherwise(
    maker: Callable[[list[str]], Any], method: str, url: str
) -> None:
    seen: list[str] = []
    with Simulation(app=maker(seen), base_url="https://App.Example:443/api/", strict=True) as sim:
        sim.call("a", answer_url=url, answer_method=method)  # type: ignore[arg-type]
        sim.run()  # (a 403 would raise StrictModeError)
    assert sim.calls["a"].executed == ["Speak"]
    assert len(seen) == 1
    assert seen[0].startswith("https://app.example/api/answer")
    assert sim.requests[0].url == url  # the record keeps the URL as written


@pytest.mark.parametrize("maker", [signed_flask_app, signed_starlette_app], ids=["flask", "starlette"])
def test_plivo_python_accepts_each_redirect_hop_written_otherwise(maker: Callable[[list[str]], Any]) -> None:
    seen: list[str] = []
    with Simulation(app=maker(seen), base_url=BASE, strict=True) as sim:
        sim.call("a", answer_url=f"{BASE}/old")
        sim.run()
    assert seen == ["https://app.example/api/old", "https://app.example/api/answer"]
    assert sim.calls["a"].executed == ["Speak"]


# -- plivo-python and non-ASCII URLs (what docs/testing-apps.md says) ----------------------------

NON_ASCII_QUERY = f"{BASE}/answer?name=%C3%A9l%C3%A8ne"


def verdicts(method: str, url: str, base_url: str, query: dict[str, str], form: dict[str, str], headers: Any) -> Any:
    """plivo-python's verdict on the request checked with the URL as the framework
    gives it (or the error it raises) and, for a GET, checked as the docs advise:
    the URL without its query, the query as params."""
    nonce, signature = headers.get("X-Plivo-Signature-V3-Nonce", ""), headers.get("X-Plivo-Signature-V3", "")
    try:
        plain: Any = validate_v3_signature(method, url, nonce, TOKEN, signature, form if method == "POST" else None)
    except UnicodeError:
        plain = "raises"
    advised = None
    if method == "GET":
        advised = validate_v3_signature(method, base_url, nonce, TOKEN, signature, dict(query))
    return plain, advised


def advice_flask_app(results: list[Any]) -> flask.Flask:
    app = flask.Flask("non_ascii")

    @app.route("/api/answer", methods=["GET", "POST"])
    def answer() -> flask.Response:
        request = flask.request
        query, form = request.args.to_dict(), request.form.to_dict()
        results.append(verdicts(request.method, request.url, request.base_url, query, form, request.headers))
        return flask.Response(SPEAK, mimetype="application/xml")

    return app


def advice_starlette_app(results: list[Any]) -> Starlette:
    async def answer(request: Request) -> StarletteResponse:
        from urllib.parse import parse_qsl

        form = dict(parse_qsl((await request.body()).decode()))
        bare = str(request.url.replace(query=""))
        url, query = str(request.url), dict(request.query_params)
        results.append(verdicts(request.method, url, bare, query, form, request.headers))
        return StarletteResponse(SPEAK)

    return Starlette(routes=[Route("/api/answer", answer, methods=["GET", "POST"])])


@pytest.mark.parametrize("maker", [advice_flask_app, advice_starlette_app], ids=["flask", "starlette"])
@pytest.mark.parametrize("method", ["POST", "GET"])
def test_plivo_python_raises_on_a_percent_encoded_non_ascii_query_and_the_advice_works(
    maker: Callable[[list[Any]], Any], method: str
) -> None:
    results: list[Any] = []
    with Simulation(app=maker(results), base_url=BASE) as sim:
        sim.call("a", answer_url=NON_ASCII_QUERY, answer_method=method)  # type: ignore[arg-type]
        sim.run()
    # plivo-python raises reading request.url (Flask gives the query decoded, Starlette
    # percent-encoded: either way); for a GET the advised check accepts the request
    assert results == [("raises", True if method == "GET" else None)]


def test_plivo_python_accepts_non_ascii_form_values() -> None:
    results: list[Any] = []
    document = '<Response><GetInput action="https://app.example/api/answer" inputType="speech"/></Response>'

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ["PATH_INFO"] == "/api/start":
            start_response("200 OK", [("Content-Type", "application/xml")])
            return [document.encode()]
        return advice_flask_app(results).wsgi_app(environ, start_response)

    with Simulation(app=app, base_url=BASE, strict=True) as sim:
        sim.call("a", answer_url=f"{BASE}/start")
        sim.say("a", "café crème", at=1)
        sim.run()
    (action,) = sim.requests_for("a", kind="action")
    assert action.params["Speech"] == "café crème"
    assert results == [(True, None)]
