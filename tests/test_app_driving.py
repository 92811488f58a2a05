"""Driving the user's own app (issue 11): ``Simulation(app=..., base_url=...)``.

End to end: a plain WSGI function, a Flask app and a Starlette (ASGI) app each
receive the platform's requests (the answer URL, callbacks, action URLs, sounds,
Redirect), signed as Plivo signs them (checked with plivo-python's own
checker), and the XML they return is what the calls run. Also: the statuses
recorded, the failures (lenient notes and strict-mode errors), real HTTP to a
server started here, and the arguments refused.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable, Iterable, Iterator
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import parse_qsl, urlsplit

import flask
import pytest
from plivo.utils import validate_v3_signature
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response as StarletteResponse
from starlette.routing import Route

from plivoxml_plus import MissingExtra, Simulation, SimulationError, StrictModeError
from plivoxml_plus.core import DEFAULT_AUTH_TOKEN
from plivoxml_plus.schema import MAX_BYTES

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://app.example"
STANDARD = ("CallUUID", "From", "To", "CallerName", "Direction", "CallStatus")


# -- the apps under test ---------------------------------------------------------


class Seen(NamedTuple):
    """One request as the app received it."""

    method: str
    url: str  # the full URL the app saw (with its query)
    path: str
    query: dict[str, str]
    form: dict[str, str]
    signature: str | None
    nonce: str | None


Reply = tuple[int, dict[str, str], bytes]
Handler = Callable[[Seen], Reply]
Routes = dict[str, "Handler | str"]  # a str: an XML document, answered 200


def xml(document: str) -> Reply:
    return 200, {"Content-Type": "application/xml"}, document.encode()


def no_content(_: Seen) -> Reply:
    return 204, {}, b""


def boom(_: Seen) -> Reply:
    raise RuntimeError("the route is broken")


def respond(routes: Routes, seen: Seen) -> Reply:
    handler = routes.get(seen.path)
    if handler is None:
        return 404, {"Content-Type": "text/plain"}, b"not found"
    if isinstance(handler, str):
        return xml(handler)
    return handler(seen)


def wsgi_app(routes: Routes, seen: list[Seen]) -> Callable[..., Iterable[bytes]]:
    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        query = environ.get("QUERY_STRING", "")
        host = environ.get("HTTP_HOST") or environ["SERVER_NAME"]
        url = f"{environ['wsgi.url_scheme']}://{host}{environ['PATH_INFO']}" + (f"?{query}" if query else "")
        record = Seen(
            environ["REQUEST_METHOD"],
            url,
            environ["PATH_INFO"],
            dict(parse_qsl(query, keep_blank_values=True)),
            dict(parse_qsl(body.decode(), keep_blank_values=True)),
            environ.get("HTTP_X_PLIVO_SIGNATURE_V3"),
            environ.get("HTTP_X_PLIVO_SIGNATURE_V3_NONCE"),
        )
        seen.append(record)
        status, headers, payload = respond(routes, record)  # (an exception escapes: the server's 500)
        start_response(f"{status} {HTTPStatus(status).phrase}", list(headers.items()))
        return [payload]

    return app


def flask_app(routes: Routes, seen: list[Seen]) -> flask.Flask:
    app = flask.Flask("plivoxml_plus_test_app")

    @app.route("/", defaults={"path": ""}, methods=["GET", "POST"])
    @app.route("/<path:path>", methods=["GET", "POST"])
    def handle(path: str) -> flask.Response:
        request = flask.request
        record = Seen(
            request.method,
            request.url,
            "/" + path,
            request.args.to_dict(),
            request.form.to_dict(),
            request.headers.get("X-Plivo-Signature-V3"),
            request.headers.get("X-Plivo-Signature-V3-Nonce"),
        )
        seen.append(record)
        status, headers, payload = respond(routes, record)
        return flask.Response(payload, status=status, headers=headers)

    return app


def starlette_app(routes: Routes, seen: list[Seen]) -> Starlette:
    async def handle(request: Request) -> StarletteResponse:
        # (request.form() needs python-multipart, which Starlette does not install)
        body = await request.body()
        record = Seen(
            request.method,
            str(request.url),
            request.url.path,
            dict(request.query_params),
            dict(parse_qsl(body.decode(), keep_blank_values=True)),
            request.headers.get("X-Plivo-Signature-V3"),
            request.headers.get("X-Plivo-Signature-V3-Nonce"),
        )
        seen.append(record)
        status, headers, payload = respond(routes, record)
        return StarletteResponse(payload, status_code=status, headers=headers)

    return Starlette(routes=[Route("/{path:path}", handle, methods=["GET", "POST"])])


MAKERS: dict[str, Callable[[Routes, list[Seen]], Any]] = {
    "wsgi": wsgi_app,
    "flask": flask_app,
    "asgi": starlette_app,
}
MakeApp = Callable[[Routes], tuple[Any, list[Seen]]]


@pytest.fixture(params=sorted(MAKERS))
def make_app(request: pytest.FixtureRequest) -> MakeApp:
    """A function building the app of one flavour from routes: (app, what it received)."""
    maker = MAKERS[request.param]

    def make(routes: Routes) -> tuple[Any, list[Seen]]:
        seen: list[Seen] = []
        return maker(routes, seen), seen

    return make


def genuine(seen: Seen, token: str = DEFAULT_AUTH_TOKEN) -> bool:
    """plivo-python's verdict on the request's signature (GET: it reads the query
    from the URL; POST: it is given the form)."""
    assert seen.signature, f"no X-Plivo-Signature-V3 on {seen.method} {seen.url}"
    assert seen.nonce, f"no X-Plivo-Signature-V3-Nonce on {seen.method} {seen.url}"
    params = None if seen.method == "GET" else dict(seen.form)
    return bool(validate_v3_signature(seen.method, seen.url, seen.nonce, token, seen.signature, params))


def note_texts(sim: Simulation) -> list[str]:
    return [n.text for n in sim.notes]


def on_path(seen: list[Seen], path: str) -> list[Seen]:
    return [s for s in seen if s.path == path]


# documents

CONFERENCE = (
    f'<Response><Conference callbackUrl="{BASE}/cb" action="{BASE}/act" waitSound="{BASE}/wait" '
    'hangupOnStar="true">room</Conference><Speak>not reached</Speak></Response>'
)
WAIT = "<Response><Play>https://cdn.example/wait.mp3</Play></Response>"
AFTER = "<Response><Speak>after the conference</Speak></Response>"


def conference_routes() -> Routes:
    return {"/answer": CONFERENCE, "/cb": no_content, "/act": AFTER, "/wait": WAIT}


# -- 1. the answer URL and the requests that follow -------------------------------------


def test_answer_url_inbound_post(make_app: MakeApp) -> None:
    app, seen = make_app(conference_routes())
    with Simulation(app=app, base_url=BASE) as sim:
        record = sim.call("a", answer_url=f"{BASE}/answer", hangup=3)
        sim.run()
    answer = on_path(seen, "/answer")
    assert len(answer) == 1
    got = answer[0]
    assert got.method == "POST"
    assert got.query == {}
    assert got.form == {
        "CallUUID": record.uuid,
        "From": record.from_,
        "To": record.to,
        "CallerName": got.form["CallerName"],
        "Direction": "inbound",
        "CallStatus": "ringing",
        "Event": "StartApp",
    }
    assert got.form["CallerName"]
    assert (record.from_, record.to) == ("15550000001", "15550000000")
    assert record.executed[0] == "Conference"
    (request,) = sim.requests_for("a", kind="answer")
    assert request.params == got.form
    assert request.status == 200


def test_answer_url_outbound_get(make_app: MakeApp) -> None:
    app, seen = make_app({"/answer": CONFERENCE, "/cb": no_content, "/act": AFTER, "/wait": WAIT})
    with Simulation(app=app, base_url=BASE) as sim:
        record = sim.call("b", answer_url=f"{BASE}/answer", answer_method="GET", direction="outbound", hangup=2)
        sim.run()
    (got,) = on_path(seen, "/answer")
    assert got.method == "GET"
    assert got.form == {}
    for key in STANDARD:
        assert key in got.query, key
    assert got.query["CallUUID"] == record.uuid
    assert got.query["From"] == record.from_ == "15550000000"
    assert got.query["To"] == record.to == "15550000001"
    assert got.query["Direction"] == "outbound"
    assert got.query["CallStatus"] == "in-progress"
    assert got.query["Event"] == "StartApp"
    assert urlsplit(got.url).query  # the parameters are in the query string
    assert record.executed[0] == "Conference"


def test_conference_requests_reach_the_app_and_action_continues(make_app: MakeApp) -> None:
    app, seen = make_app(conference_routes())
    with Simulation(app=app, base_url=BASE) as sim:
        record = sim.call("a", answer_url=f"{BASE}/answer")
        sim.probe(1)
        sim.press("a", "*", at=2)
        sim.run()
    # every request the simulation made went to the app, in order, and the app saw the same parameters
    assert [s.path for s in seen] == [urlsplit(r.url).path for r in sim.requests]
    for got, request in zip(seen, sim.requests, strict=True):
        assert (got.form or got.query) == request.params
    assert {r.kind for r in sim.requests} >= {"answer", "wait-sound", "callback", "action"}
    for got in seen:
        params = got.form or got.query
        for key in STANDARD:
            assert key in params, (got.path, key)
        assert params["CallUUID"] == record.uuid
        assert params["From"] == record.from_
        assert params["Direction"] == "inbound"
    actions = [(got.form or got.query)["ConferenceAction"] for got in on_path(seen, "/cb")]
    assert actions[0] == "enter"
    assert "exit" in actions
    assert len(on_path(seen, "/act")) == 1
    assert len(on_path(seen, "/wait")) == 1
    # the app's documents were run: the answer's Conference, then the action's Speak
    assert record.executed == ["Conference", "Speak"]
    assert record.end_reason == "end of document"
    # the app's waitSound is what the lone member hears
    assert sim.probes[0].audibility.instead("a") == f"waitSound:{BASE}/wait"
    assert sim.notes == ()


def test_wait_sound_failing_is_not_heard(make_app: MakeApp) -> None:
    routes = conference_routes()
    del routes["/wait"]
    app, _ = make_app(routes)
    with Simulation(app=app, base_url=BASE) as sim:
        sim.call("a", answer_url=f"{BASE}/answer", hangup=3)
        sim.probe(1)
        sim.run()
    assert sim.probes[0].audibility.instead("a") != f"waitSound:{BASE}/wait"
    assert f"waitSound {BASE}/wait: the app answered HTTP 404" in note_texts(sim)


def test_mpc_requests_reach_the_app_and_exit_action_continues(make_app: MakeApp) -> None:
    customer = (
        f'<Response><MultiPartyCall role="Customer" startMpcOnEnter="false" statusCallbackUrl="{BASE}/status" '
        f'onExitActionUrl="{BASE}/exit" waitMusicUrl="{BASE}/music" customerHoldMusicUrl="{BASE}/hold">m'
        "</MultiPartyCall><Speak>not reached</Speak></Response>"
    )
    agent = f'<Response><MultiPartyCall role="Agent" statusCallbackUrl="{BASE}/status">m</MultiPartyCall></Response>'
    routes: Routes = {
        "/customer": customer,
        "/agent": agent,
        "/status": no_content,
        "/exit": f"<Response><Redirect>{BASE}/next</Redirect></Response>",
        "/next": "<Response><Speak>redirected</Speak></Response>",
        "/music": WAIT,
        "/hold": "<Response><Play>https://cdn.example/hold.mp3</Play></Response>",
    }
    app, seen = make_app(routes)
    with Simulation(app=app, base_url=BASE) as sim:
        a = sim.call("a", answer_url=f"{BASE}/customer")
        b = sim.call("b", answer_url=f"{BASE}/agent", at=2, hangup=20)
        sim.update_participant("a", at=4, hold=True)
        sim.probe(5)
        sim.kick("a", at=6)
        sim.run()
    assert [s.path for s in seen] == [urlsplit(r.url).path for r in sim.requests]
    kinds = {r.kind for r in sim.requests}
    assert kinds >= {"answer", "status-callback", "wait-music", "hold-music", "exit-action", "redirect"}
    uuids = {"a": a.uuid, "b": b.uuid}
    for request, got in zip(sim.requests, seen, strict=True):
        params = got.form or got.query
        assert params == request.params
        if request.kind == "status-callback":
            if request.call is not None:
                assert params["ParticipantCallUUID"] == uuids[request.call]
            continue
        assert request.call is not None
        for key in STANDARD:
            assert key in params, (request.kind, key)
        assert params["CallUUID"] == uuids[request.call]
    (exit_action,) = on_path(seen, "/exit")
    assert exit_action.form["ParticipantCallUUID"] == a.uuid
    # the onExitActionUrl document, then the Redirect's, were run
    assert a.executed == ["MultiPartyCall", "Redirect", "Speak"]
    assert b.executed[0] == "MultiPartyCall"
    assert sim.probes[0].audibility.instead("a") == f"holdMusic:{BASE}/hold"
    assert sim.notes == ()


def test_redirect_reaches_the_app(make_app: MakeApp) -> None:
    routes: Routes = {
        "/answer": f'<Response><Speak>hi</Speak><Redirect method="GET">{BASE}/next?step=2</Redirect></Response>',
        "/next": "<Response><Speak>next</Speak></Response>",
    }
    app, seen = make_app(routes)
    with Simulation(app=app, base_url=BASE) as sim:
        record = sim.call("a", answer_url=f"{BASE}/answer")
        sim.run()
    (got,) = on_path(seen, "/next")
    assert got.method == "GET"
    assert got.query["step"] == "2"
    assert got.query["CallUUID"] == record.uuid
    for key in STANDARD:
        assert key in got.query
    assert record.executed == ["Speak", "Redirect", "Speak"]
    assert genuine(got)


# -- 2. signatures ------------------------------------------------------------------


def busy_run(app: Any, **settings: Any) -> Simulation:
    """A run that makes GET and POST requests of several kinds, with the
    simulation closed; returns it."""
    with Simulation(app=app, base_url=BASE, **settings) as sim:
        sim.call("a", answer_url=f"{BASE}/answer")
        sim.call("b", answer_url=f"{BASE}/answer", answer_method="GET", direction="outbound", at=1)
        sim.press("a", "*", at=2)
        sim.press("b", "*", at=3)
        sim.run()
    return sim


def test_every_request_is_signed_as_plivo_signs(make_app: MakeApp) -> None:
    app, seen = make_app(conference_routes())
    sim = busy_run(app)
    assert len(seen) == len(sim.requests) >= 8
    assert {s.method for s in seen} == {"GET", "POST"}
    for got in seen:
        assert genuine(got), (got.method, got.url)
        assert not genuine(got, "another-token")
    nonces = [s.nonce for s in seen]
    assert len(set(nonces)) == len(nonces)  # one per request


def test_another_auth_token_is_used(make_app: MakeApp) -> None:
    app, seen = make_app(conference_routes())
    busy_run(app, auth_token="my-account-token")
    assert seen
    for got in seen:
        assert genuine(got, "my-account-token")
        assert not genuine(got, DEFAULT_AUTH_TOKEN)


def test_signatures_are_deterministic(make_app: MakeApp) -> None:
    runs = []
    for _ in range(2):
        app, seen = make_app(conference_routes())
        sim = busy_run(app, seed="s1")
        runs.append(([(s.url, s.nonce, s.signature) for s in seen], sim.report("json")))
    assert runs[0] == runs[1]
    app, seen = make_app(conference_routes())
    busy_run(app, seed="s2")
    assert [s.nonce for s in seen] != [nonce for _, nonce, _ in runs[0][0]]


# -- 3. the statuses recorded ---------------------------------------------------------


def test_statuses_are_recorded(make_app: MakeApp) -> None:
    answer = (
        f'<Response><Conference callbackUrl="{BASE}/cb" action="{BASE}/act" waitSound="https://cdn.example/wait" '
        f'hangupOnStar="true">room</Conference><Redirect>{BASE}/missing</Redirect></Response>'
    )
    routes: Routes = {"/answer": answer, "/cb": no_content, "/act": boom}
    app, seen = make_app(routes)
    with Simulation({"https://cdn.example/wait": WAIT}, app=app, base_url=BASE) as sim:
        sim.call("a", answer_url=f"{BASE}/answer")
        sim.press("a", "*", at=2)
        sim.run()
    by_url = {(r.url, r.kind): r.status for r in sim.requests}
    assert by_url[(f"{BASE}/answer", "answer")] == 200
    assert by_url[(f"{BASE}/cb", "callback")] == 204
    assert by_url[(f"{BASE}/act", "action")] == 500
    assert by_url[(f"{BASE}/missing", "redirect")] == 404
    assert by_url[("https://cdn.example/wait", "wait-sound")] is None
    # the URL outside base_url came from urls=, not from the app
    assert all(urlsplit(s.url).netloc == "app.example" for s in seen)
    assert not on_path(seen, "/wait")
    report = json.loads(sim.report("json"))
    assert [r["status"] for r in report["requests"]] == [r.status for r in sim.requests]
    assert {r["status"] for r in report["requests"]} == {200, 204, 404, 500, None}


def test_urls_outside_base_url_are_not_the_apps(make_app: MakeApp) -> None:
    # a host that merely starts with the base URL's is another host
    lookalike = "https://app.example.com/next"
    app, seen = make_app({"/answer": f"<Response><Redirect>{lookalike}</Redirect></Response>"})
    with Simulation({lookalike: AFTER}, app=app, base_url=BASE + "/") as sim:
        record = sim.call("a", answer_url=f"{BASE}/answer")
        sim.run()
    assert [s.path for s in seen] == ["/answer"]
    assert sim.requests_for("a", kind="redirect")[0].status is None
    assert record.executed == ["Redirect", "Speak"]


def test_urls_source_alone_gives_no_status() -> None:
    with Simulation({f"{BASE}/next": AFTER}) as sim:
        sim.call("a", f"<Response><Redirect>{BASE}/next</Redirect></Response>")
        sim.run()
    assert [r.status for r in sim.requests] == [None]
    assert json.loads(sim.report("json"))["requests"][0]["status"] is None


# -- 4 and 5. failures: lenient notes, strict errors ------------------------------------------


def loop(seen: Seen) -> Reply:
    """A route redirecting (HTTP 302) to itself."""
    return 302, {"Location": f"{BASE}{seen.path}"}, b""


def huge(_: Seen) -> Reply:
    return 200, {"Content-Type": "application/xml"}, b"<Response>" + b" " * MAX_BYTES + b"</Response>"


def hello(_: Seen) -> Reply:
    return 200, {"Content-Type": "text/plain"}, b"hello"


# (answer URL path, what the note and the error must say)
ANSWER_FAILURES = {
    "missing": ("/missing", "the app answered HTTP 404"),
    "raises": ("/boom", "the app answered HTTP 500"),
    "not-xml": ("/hello", "invalid document"),
    "redirect-loop": ("/loop", "redirect loop"),
    "huge": ("/huge", f"over the reader's limit of {MAX_BYTES}"),
}
FAILING_ROUTES: Routes = {"/boom": boom, "/hello": hello, "/loop": loop, "/huge": huge}


@pytest.mark.parametrize("case", sorted(ANSWER_FAILURES))
def test_failing_answer_url_lenient(make_app: MakeApp, case: str) -> None:
    path, problem = ANSWER_FAILURES[case]
    app, _ = make_app(FAILING_ROUTES)
    url = f"{BASE}{path}"
    with Simulation(app=app, base_url=BASE) as sim:
        record = sim.call("a", answer_url=url, at=1)
        sim.run()
    texts = note_texts(sim)
    assert len(texts) == 1, texts
    assert texts[0].startswith(f"answerUrl {url}: "), texts
    assert problem in texts[0]
    assert sim.notes[0].call == "a"
    assert record.executed == []
    assert record.ended_at == 1
    assert record.end_reason == "the answer URL gave no valid document"


def test_huge_body_has_its_status_but_is_refused(make_app: MakeApp) -> None:
    app, _ = make_app(FAILING_ROUTES)
    with Simulation(app=app, base_url=BASE) as sim:
        sim.call("a", answer_url=f"{BASE}/huge")
        sim.run()
    assert sim.requests[0].status == 200
    # (read up to the limit and one byte: how long the rest is, is not known)
    assert f"a body over the reader's limit of {MAX_BYTES} bytes (read no further)" in note_texts(sim)[0]


@pytest.mark.parametrize("case", sorted(ANSWER_FAILURES))
def test_failing_answer_url_strict(make_app: MakeApp, case: str) -> None:
    path, problem = ANSWER_FAILURES[case]
    app, _ = make_app(FAILING_ROUTES)
    url = f"{BASE}{path}"
    with Simulation(app=app, base_url=BASE, strict=True) as sim:
        sim.call("lost", answer_url=url, at=2)
        with pytest.raises(StrictModeError) as caught:
            sim.run()
    message = str(caught.value)
    assert isinstance(caught.value, SimulationError)
    assert message.startswith("strict mode: at t=2, for call 'lost': "), message
    assert f"answerUrl {url}: " in message
    assert problem in message


def action_routes(action: Handler | str) -> Routes:
    return {
        "/answer": (
            f'<Response><Conference action="{BASE}/act" callbackUrl="{BASE}/cb" hangupOnStar="true">room'
            "</Conference><Speak>next element</Speak></Response>"
        ),
        "/act": action,
        "/cb": boom,
    }


def test_failing_action_url_lenient_goes_on_with_the_next_element(make_app: MakeApp) -> None:
    app, _ = make_app(action_routes(boom))
    with Simulation(app=app, base_url=BASE) as sim:
        record = sim.call("a", answer_url=f"{BASE}/answer")
        sim.press("a", "*", at=2)
        sim.run()
    texts = note_texts(sim)
    # the callbacks fail too (noted, nothing else changes), then the action
    # (a plain WSGI app's exception is named too: "... HTTP 500 (it raised RuntimeError: ...)")
    assert any(text.startswith(f"callbackUrl {BASE}/cb: the app answered HTTP 500") for text in texts)
    assert any(text.startswith(f"action {BASE}/act: the app answered HTTP 500") for text in texts)
    assert [r.status for r in sim.requests_for("a", kind="action")] == [500]
    assert record.executed == ["Conference", "Speak"]
    assert record.end_reason == "end of document"


@pytest.mark.parametrize(
    ("action", "problem"), [(boom, "HTTP 500"), (hello, "invalid document"), (loop, "redirect loop")]
)
def test_failing_action_url_strict(make_app: MakeApp, action: Handler, problem: str) -> None:
    routes = action_routes(action)
    routes["/cb"] = no_content
    app, _ = make_app(routes)
    with Simulation(app=app, base_url=BASE, strict=True) as sim:
        sim.call("a", answer_url=f"{BASE}/answer")
        sim.press("a", "*", at=2.5)
        with pytest.raises(StrictModeError) as caught:
            sim.run()
    message = str(caught.value)
    assert message.startswith(f"strict mode: at t=2.5, for call 'a': action {BASE}/act: "), message
    assert problem in message


def test_strict_mode_passes_a_clean_run(make_app: MakeApp) -> None:
    app, seen = make_app(conference_routes())
    with Simulation(app=app, base_url=BASE, strict=True) as sim:
        record = sim.call("a", answer_url=f"{BASE}/answer")
        sim.press("a", "*", at=2)
        sim.run()
    assert record.executed == ["Conference", "Speak"]
    assert seen


# -- 6. real HTTP ----------------------------------------------------------------------


class Server:
    """A threading HTTP server on a free local port, answering as ``answer``
    says; it records (method, path, headers, body) of every request."""

    def __init__(self, delay: float = 0.0) -> None:
        self.received: list[tuple[str, str, dict[str, str], bytes]] = []
        self.release = threading.Event()  # set: a delayed handler stops waiting
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                outer.received.append((self.command, self.path, dict(self.headers.items()), body))
                if delay:
                    outer.release.wait(delay)
                if self.path == "/answer":
                    payload = (
                        f'<Response><Conference callbackUrl="{outer.url}/events">room</Conference></Response>'
                    ).encode()
                    self.send_response(200)
                    self.send_header("Content-Type", "application/xml")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                elif self.path == "/events":
                    self.send_response(204)
                    self.end_headers()
                else:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


def test_real_http_server() -> None:
    with Server() as server, Simulation(base_url=server.url) as sim:
        record = sim.call("a", answer_url=f"{server.url}/answer", hangup=3)
        sim.run()
    assert record.executed == ["Conference"]
    assert [(r.kind, r.status) for r in sim.requests] == [("answer", 200), ("callback", 204), ("callback", 204)]
    assert sim.notes == ()
    assert [path for _, path, _, _ in server.received] == ["/answer", "/events", "/events"]
    for (method, path, headers, body), request in zip(server.received, sim.requests, strict=True):
        form = dict(parse_qsl(body.decode(), keep_blank_values=True))
        assert form == request.params
        seen = Seen(
            method,
            server.url + path,
            path,
            {},
            form,
            headers.get("X-Plivo-Signature-V3"),
            headers.get("X-Plivo-Signature-V3-Nonce"),
        )
        assert genuine(seen)
    assert dict(parse_qsl(server.received[0][3].decode()))["CallUUID"] == record.uuid


def test_real_http_timeout() -> None:
    with Server(delay=5) as server, Simulation(base_url=server.url, timeout=0.5) as sim:
        record = sim.call("a", answer_url=f"{server.url}/answer")
        sim.run()
    assert note_texts(sim) == [f"answerUrl {server.url}/answer: no reply in time (timeout)"]
    assert sim.requests[0].status is None
    assert record.end_reason == "the answer URL gave no valid document"


def test_real_http_timeout_strict() -> None:
    with Server(delay=5) as server, Simulation(base_url=server.url, timeout=0.5, strict=True) as sim:
        sim.call("a", answer_url=f"{server.url}/answer")
        with pytest.raises(StrictModeError, match=r"for call 'a': answerUrl .*/answer: no reply in time"):
            sim.run()


def closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.mark.parametrize("strict", [False, True])
def test_real_http_closed_port(strict: bool) -> None:
    base = f"http://127.0.0.1:{closed_port()}"
    with Simulation(base_url=base, strict=strict) as sim:
        record = sim.call("a", answer_url=f"{base}/answer", at=1)
        if strict:
            with pytest.raises(StrictModeError) as caught:
                sim.run()
            message = str(caught.value)
            assert message.startswith(f"strict mode: at t=1, for call 'a': answerUrl {base}/answer: ")
            assert f"could not reach {urlsplit(base).netloc}" in message
            return
        sim.run()
    (text,) = note_texts(sim)
    assert text.startswith(f"answerUrl {base}/answer: could not reach {urlsplit(base).netloc}"), text
    assert sim.requests[0].status is None
    assert record.end_reason == "the answer URL gave no valid document"


# -- 7. bad arguments ----------------------------------------------------------------------


def dummy_app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterator[bytes]:
    start_response("204 No Content", [])
    yield b""


def test_app_needs_base_url() -> None:
    with pytest.raises(SimulationError, match="app needs base_url"):
        Simulation(app=dummy_app)


def test_app_must_be_callable() -> None:
    with pytest.raises(SimulationError, match=r"app must be a WSGI or ASGI app .*not int"):
        Simulation(app=42, base_url=BASE)


@pytest.mark.parametrize("base_url", ["app.example", "/answer", "ftp://app.example", ""])
def test_base_url_must_be_absolute(base_url: str) -> None:
    with pytest.raises(SimulationError, match="base_url") as caught:
        Simulation(app=dummy_app, base_url=base_url)
    assert "absolute http:// or https:// URL" in str(caught.value)


def test_answer_or_answer_url_one_of_the_two() -> None:
    with Simulation(app=dummy_app, base_url=BASE) as sim:
        with pytest.raises(SimulationError, match="call 'a': give its answer document or its answer_url"):
            sim.call("a")
        with pytest.raises(SimulationError, match="call 'a': give its answer document or its answer_url"):
            sim.call("a", "<Response/>", answer_url=f"{BASE}/answer")
        assert sim.calls == {}


def test_answer_method_put_is_refused() -> None:
    with Simulation(app=dummy_app, base_url=BASE) as sim:
        with pytest.raises(SimulationError, match="answer_method") as caught:
            sim.call("a", answer_url=f"{BASE}/answer", answer_method="PUT")  # type: ignore[arg-type]
        assert "PUT" in str(caught.value)
        assert sim.calls == {}


def test_without_httpx() -> None:
    code = textwrap.dedent(
        """
        import sys

        class Blocker:
            def find_spec(self, name, path=None, target=None):
                if name == "httpx" or name.startswith("httpx."):
                    raise ModuleNotFoundError(f"No module named {name!r}")
                return None

        sys.meta_path.insert(0, Blocker())
        from plivoxml_plus import MissingExtra, Simulation

        def app(environ, start_response):
            start_response("204 No Content", [])
            return [b""]

        for settings in ({"app": app, "base_url": "https://app.example"}, {"base_url": "http://127.0.0.1:9"}):
            try:
                Simulation(**settings)
            except MissingExtra as error:
                print("missing:", error)
            else:
                print("no error")
        sim = Simulation()
        record = sim.call("a", "<Response><Speak>hi</Speak></Response>")
        sim.run()
        print("ran:", record.executed, record.end_reason)
        print("httpx imported:", "httpx" in sys.modules)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 4, result.stdout
    for line in lines[:2]:
        assert line.startswith("missing: "), line
        assert "pip install 'plivoxml-plus[app]'" in line
        assert "httpx" in line
    assert lines[2] == "ran: ['Speak'] end of document"
    assert lines[3] == "httpx imported: False"
    assert issubclass(MissingExtra, Exception)


@pytest.mark.parametrize(("code", "method_after"), [(307, "POST"), (302, "GET"), (303, "GET")])
def test_an_http_redirect_is_followed_and_each_hop_is_signed_for_its_own_url(
    make_app: MakeApp, code: int, method_after: str
) -> None:
    def moved(_: Seen) -> Reply:
        return code, {"Location": f"{BASE}/new"}, b""

    app, seen = make_app({"/old": moved, "/new": "<Response><Speak>moved here</Speak></Response>"})
    with Simulation(app=app, base_url=BASE, strict=True) as sim:
        record = sim.call("a", answer_url=f"{BASE}/old")
        sim.run()
    assert record.executed == ["Speak"]
    assert [(s.method, s.path) for s in seen] == [("POST", "/old"), (method_after, "/new")]
    assert all(genuine(s) for s in seen)
    # a 307 keeps the form; a 302 after a POST, or a 303, becomes a GET without it
    assert (seen[1].form == seen[0].form) is (method_after == "POST")
    assert [(r.url, r.status) for r in sim.requests] == [(f"{BASE}/old", 200)]


def test_an_in_process_app_that_hangs_times_out_and_the_run_goes_on() -> None:
    import threading
    import time

    release = threading.Event()

    def slow_wsgi(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        release.wait(5)  # hangs until the test lets it go
        start_response("200 OK", [("Content-Type", "application/xml")])
        return [b"<Response><Speak>late</Speak></Response>"]

    async def slow_asgi(scope: dict[str, Any], receive: Callable[..., Any], send: Callable[..., Any]) -> None:
        import asyncio

        await asyncio.sleep(5)

    try:
        for app in (slow_wsgi, slow_asgi):
            started = time.perf_counter()
            with Simulation(app=app, base_url=BASE, timeout=0.3) as sim:
                record = sim.call("a", answer_url=f"{BASE}/answer")
                sim.run()
            assert time.perf_counter() - started < 3
            assert note_texts(sim) == [f"answerUrl {BASE}/answer: no reply in time (timeout)"]
            assert (record.end_reason, sim.requests[0].status) == ("the answer URL gave no valid document", None)
    finally:
        release.set()
