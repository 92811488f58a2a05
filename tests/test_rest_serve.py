"""The REST API served over loopback HTTP (issue 18, item 1): ``sim.serve_api()`` and
``plivoxml-plus simulate --serve-api``. An app in any language calls it with plain
HTTP (urllib here, no plivo-python), or points its Plivo SDK at it (plivo-python,
whose base URL is a module constant); the same route table and gate answer it as
the in-process client, at the virtual time the simulation waits at. Every server
here binds 127.0.0.1, stops itself, and every wait is bounded.
"""

from __future__ import annotations

import base64
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import flask
import plivo
import plivo.rest.client
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from plivo.exceptions import AuthenticationError, ResourceNotFoundError

from plivoxml_plus import Simulation, SimulationError
from plivoxml_plus.core.platform._app import DEFAULT_AUTH_TOKEN
from plivoxml_plus.core.platform.rest import _server
from tests.conftest import ROOT

ACCOUNT = "MASIMULATEDACCOUNT00"
AGENT = "15551230001"
MPC_XML = "<Response><MultiPartyCall role='{role}'>support</MultiPartyCall></Response>"


def basic(auth_id: str = ACCOUNT, token: str = DEFAULT_AUTH_TOKEN) -> str:
    return "Basic " + base64.b64encode(f"{auth_id}:{token}".encode()).decode()


def call_api(
    base: str, method: str, path: str, body: Any = None, *, auth: str | None = None, raw: bytes | None = None
) -> tuple[int, Any]:
    """One plain-HTTP request to the served API (as any language would make it): status, JSON body."""
    data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    request = urllib.request.Request(f"{base}{path}", data=data, method=method)
    request.add_header("Authorization", basic() if auth is None else auth)
    request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            text = reply.read()
            return reply.status, json.loads(text) if text else None
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


class AppServer:
    """A real HTTP app on 127.0.0.1: ``answer(path, form)`` gives each request's XML."""

    def __init__(self, answer: Callable[[str, dict[str, str]], str]) -> None:
        outer = self
        self.errors: list[BaseException] = []

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                form = dict(parse_qsl(self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()))
                try:
                    payload = answer(self.path, form).encode()
                except BaseException as error:  # (kept for the test to see)
                    outer.errors.append(error)
                    payload = b""
                self.send_response(200)
                self.send_header("Content-Type", "application/xml")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *_: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> AppServer:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


def refused(url: str) -> bool:
    host, port = url.removeprefix("http://").rsplit(":", 1)
    try:
        socket.create_connection((host, int(port)), timeout=2).close()
    except ConnectionRefusedError:
        return True
    return False


# -- an app in any language -------------------------------------------------------------


def test_an_app_calling_the_api_with_plain_http_acts_at_the_time_it_is_asked():
    api: list[str] = []

    def answer(path: str, form: dict[str, str]) -> str:
        if path == "/answer":  # the customer's answer: ring an agent, while the simulation waits
            status, body = call_api(
                api[0], "POST", f"/v1/Account/{ACCOUNT}/Call/",
                {"from": form["To"], "to": AGENT, "answer_url": f"{app.url}/agent"},
            )  # fmt: skip
            assert (status, body["message"]) == (201, "call fired")
            return MPC_XML.format(role="customer")
        return MPC_XML.format(role="agent")

    with AppServer(answer) as app, Simulation(base_url=app.url, strict=True) as sim:
        with sim.serve_api() as url:
            api.append(url)
            sim.call("customer", answer_url=f"{app.url}/answer", at=3)
            sim.run(until=20)
            # from test code between runs, too: the same API, at the clock's time
            status, live = call_api(url, "GET", f"/v1/Account/{ACCOUNT}/Call/?status=live")
        assert not app.errors
    agent = sim.calls["rest-call-1"]
    assert (agent.to, agent.answer_at) == (AGENT, 3 + sim.mpc_options.add_participant_ring)  # placed at t=3
    assert sim.hears()["customer"] == {"rest-call-1"}
    assert status == 200 and sorted(live["calls"]) == sorted([sim.calls["customer"].uuid, agent.uuid])
    assert refused(url)  # stopped with the context


def test_plivo_python_pointed_at_the_served_url_from_a_real_http_flask_app(monkeypatch):
    # plivo-python has no base-URL option: its API root is a module constant, read on each request
    served: list[str] = []
    app = flask.Flask(__name__)

    @app.post("/answer")
    def answer() -> flask.Response:
        for name in ("PLIVO_API_BASE_URI", "API_VOICE_BASE_URI", "API_VOICE_BASE_URI_FALLBACK_1",
                     "API_VOICE_BASE_URI_FALLBACK_2"):  # fmt: skip
            monkeypatch.setattr(plivo.rest.client, name, f"{served[0]}/v1/Account")
        client = plivo.RestClient(ACCOUNT, DEFAULT_AUTH_TOKEN)
        client.calls.create(from_=flask.request.form["To"], to_=AGENT, answer_url=f"{base}/agent")
        with pytest.raises(ResourceNotFoundError):
            client.calls.get("no-such-call")
        return flask.Response(MPC_XML.format(role="customer"), mimetype="application/xml")

    @app.post("/agent")
    def agent() -> flask.Response:
        return flask.Response(MPC_XML.format(role="agent"), mimetype="application/xml")

    class Quiet(WSGIRequestHandler):
        def log_message(self, *_: Any) -> None:
            pass

    httpd = make_server("127.0.0.1", 0, app, server_class=WSGIServer, handler_class=Quiet)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        with Simulation(base_url=base, strict=True) as sim, sim.serve_api() as url:
            served.append(url)
            sim.call("customer", answer_url=f"{base}/answer")
            sim.run(until=10)
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)
    assert sim.hears()["customer"] == {"rest-call-1"}
    assert sim.calls["rest-call-1"].to == AGENT


def test_plivo_python_with_a_wrong_token_gets_its_authentication_error(monkeypatch):
    sim = Simulation()
    with sim.serve_api() as url:
        monkeypatch.setattr(plivo.rest.client, "PLIVO_API_BASE_URI", f"{url}/v1/Account")
        monkeypatch.setattr(plivo.rest.client, "API_VOICE_BASE_URI", f"{url}/v1/Account")
        with pytest.raises(AuthenticationError, match="authentication failed"):
            plivo.RestClient(ACCOUNT, "not-the-token").calls.get("some-call")
        with pytest.raises(ResourceNotFoundError):  # past the authentication: no such call
            plivo.RestClient(ACCOUNT, DEFAULT_AUTH_TOKEN).calls.get("some-call")


# -- refusals, as Plivo answers them ------------------------------------------------------


@pytest.mark.parametrize(
    "auth",
    [
        "",
        basic(token="wrong"),
        basic(auth_id="MAOTHERACCOUNT000000"),
        "Basic !!!not-base64",
        "Bearer " + DEFAULT_AUTH_TOKEN,
        basic(token=DEFAULT_AUTH_TOKEN + "x"),
    ],
)
def test_bad_credentials_get_401(auth):
    with Simulation().serve_api() as url:
        status, body = call_api(url, "GET", f"/v1/Account/{ACCOUNT}/Call/", auth=auth)
    assert (status, body) == (401, {"error": "authentication failed"})


def test_the_right_credentials_for_another_accounts_path_get_401():
    with Simulation().serve_api() as url:
        status, body = call_api(url, "GET", "/v1/Account/MAOTHERACCOUNT000000/Call/")
    assert (status, body) == (401, {"error": "authentication failed"})


def test_a_token_and_account_of_ones_own():
    sim = Simulation()
    own = "MAOWNACCOUNT00000000"
    with sim.serve_api(auth_id=own, auth_token="secret") as url:
        assert call_api(url, "GET", f"/v1/Account/{own}/Call/", auth=basic(own, "secret"))[0] == 200
        assert call_api(url, "GET", f"/v1/Account/{ACCOUNT}/Call/")[0] == 401


@pytest.mark.parametrize(
    ("method", "path", "body", "status"),
    [
        ("GET", "/", None, 404),
        ("GET", "/v2/Account/x/Call/", None, 404),
        ("GET", f"/v1/Account/{ACCOUNT}/Nothing/", None, 404),
        ("GET", f"/v1/Account/{ACCOUNT}/Call/no-such-call/", None, 404),
        ("PUT", f"/v1/Account/{ACCOUNT}/Call/", {}, 405),
        ("PATCH", f"/v1/Account/{ACCOUNT}/Call/", {}, 405),
        ("POST", f"/v1/Account/{ACCOUNT}/Call/", {"from": "1"}, 400),
        ("POST", f"/v1/Account/{ACCOUNT}/Call/", [1, 2], 400),
    ],
)
def test_bad_requests_get_plivos_error_bodies(method, path, body, status):
    with Simulation().serve_api() as url:
        got, answer = call_api(url, method, path, body)
    assert got == status
    assert isinstance(answer["error"], str) and answer["error"]
    assert "Traceback" not in answer["error"]


def test_a_body_that_is_not_json_gets_400():
    with Simulation().serve_api() as url:
        status, body = call_api(url, "POST", f"/v1/Account/{ACCOUNT}/Call/", raw=b"from=1&to=2")
    assert (status, body["error"]) == (400, "the request body is not JSON")


def raw_exchange(url: str, data: bytes, *, wait: float = 5) -> bytes:
    host, port = url.removeprefix("http://").rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=wait) as sock:
        sock.sendall(data)
        sock.shutdown(socket.SHUT_WR)  # (all sent: a short body is seen short, not waited for)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (b"NONSENSE\r\n\r\n", b"400"),
        (b"GET /v1/ HTTP/1.1\r\nHost: x\r\n" + b"X-A: 1\r\n" * 120 + b"\r\n", b"431"),
        (b"POST /v1/ HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\n", b"413"),
        (b"POST /v1/ HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", b"411"),
        (b"POST /v1/ HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", b"400"),
        (b"GET http://elsewhere/v1/ HTTP/1.1\r\nHost: x\r\nAuthorization: " + basic().encode() + b"\r\n\r\n", b"400"),
    ],
)
def test_malformed_requests_get_a_json_error_not_a_traceback(request_bytes, status):
    with Simulation().serve_api() as url:
        reply = raw_exchange(url, request_bytes)
    head, _, body = reply.partition(b"\r\n\r\n")
    assert head.split(b" ")[1] == status, reply
    assert b"application/json" in head
    assert isinstance(json.loads(body)["error"], str)


def test_a_slow_client_is_cut_off_and_the_threads_are_bounded(monkeypatch):
    monkeypatch.setattr(_server, "READ_SECONDS", 0.5)
    monkeypatch.setattr(_server, "MAX_THREADS", 1)
    with Simulation().serve_api() as url:
        host, port = url.removeprefix("http://").rsplit(":", 1)
        with socket.create_connection((host, int(port)), timeout=5) as slow:
            slow.sendall(b"GET /v1/Acc")  # ... and nothing more: it holds the one thread
            time.sleep(0.1)
            assert call_api(url, "GET", f"/v1/Account/{ACCOUNT}/Call/")[0] == 429  # refused, not queued
            started = time.monotonic()
            assert slow.recv(100) == b""  # cut at READ_SECONDS
            assert time.monotonic() - started < 3
        time.sleep(0.1)
        assert call_api(url, "GET", f"/v1/Account/{ACCOUNT}/Call/")[0] == 200  # the thread is free again


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.1", "example.com", ""])
def test_only_loopback_hosts_are_served(host):
    with (
        pytest.raises(SimulationError, match="is not allowed; allowed: a loopback address"),
        Simulation().serve_api(host=host),
    ):
        pass


@pytest.mark.parametrize("port", [-1, 65536, True, 1.5, "80"])
def test_a_bad_port_is_refused(port):
    refusal = "is not allowed; allowed: a whole number 0 to 65535"
    with pytest.raises(SimulationError, match=refusal), Simulation().serve_api(port):
        pass


def test_a_port_in_use_is_a_simulation_error():
    with Simulation().serve_api() as url:
        port = int(url.rsplit(":", 1)[1])
        refusal = f"cannot serve the REST API on 127.0.0.1 port {port}"
        with pytest.raises(SimulationError, match=refusal), Simulation().serve_api(port):
            pass


def test_ipv6_loopback():
    if not socket.has_ipv6:
        pytest.skip("no IPv6")
    try:
        with Simulation().serve_api(host="::1") as url:
            assert url.startswith("http://[::1]:")
            assert call_api(url, "GET", f"/v1/Account/{ACCOUNT}/Call/")[0] == 200
    except SimulationError as error:  # (a machine without an IPv6 loopback)
        pytest.skip(str(error))


# -- the CLI, end to end ------------------------------------------------------------------

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}  # (this worktree's package, in the child)


def simulate(scenario: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """``plivoxml-plus simulate scenario *options``, run to its end (bounded)."""
    command = [sys.executable, "-m", "plivoxml_plus", "simulate", str(scenario), *options]
    return subprocess.run(command, check=False, capture_output=True, text=True, timeout=60, env=ENV)


def test_simulate_serve_api_end_to_end(tmp_path):
    api: list[str] = []
    ready = threading.Event()

    def answer(path: str, form: dict[str, str]) -> str:
        if path == "/answer":
            assert ready.wait(10), "the CLI never printed the API's URL"
            status, _ = call_api(
                api[0], "POST", "/v1/Account/SAMYSUBACCOUNT000001/Call/",
                {"from": form["To"], "to": AGENT, "answer_url": f"{app.url}/agent"},
                auth=basic("SAMYSUBACCOUNT000001", "scenario-token"),
            )  # fmt: skip
            assert status == 201
            return MPC_XML.format(role="customer")
        return MPC_XML.format(role="agent")

    with AppServer(answer) as app:
        scenario = tmp_path / "served.toml"
        scenario.write_text(
            f'until = 20\nbase_url = "{app.url}"\nauth_token = "scenario-token"\nauth_id = "SAMYSUBACCOUNT000001"\n'
            f'[[call]]\nname = "customer"\nanswer_url = "{app.url}/answer"\nat = 2\n'
        )
        command = [sys.executable, "-m", "plivoxml_plus", "simulate", str(scenario), "--format", "json"]
        process = subprocess.Popen(
            [*command, "--serve-api", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV
        )
        try:
            assert process.stderr is not None
            line = process.stderr.readline()
            assert line.startswith("serving Plivo's REST API at http://127.0.0.1:"), line
            assert line.rstrip().endswith("(auth id SAMYSUBACCOUNT000001)"), line
            api.append(line.split(" at ", 1)[1].split()[0])
            ready.set()
            out, err = process.communicate(timeout=60)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(5)
        assert not app.errors, app.errors
    assert process.returncode == 0, err
    report = json.loads(out)
    assert report["calls"]["rest-call-1"]["to"] == AGENT
    assert report["calls"]["rest-call-1"]["answer_at"] == 7  # placed at t=2, rung 5 s
    assert refused(api[0])  # the server stopped with the run


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("10.0.0.1:0", "host '10.0.0.1' is not allowed; allowed: a loopback address"),
        ("x", "argument --serve-api: 'x' is not allowed; allowed: [HOST:]PORT"),
        ("99999", "argument --serve-api: '99999' is not allowed"),
    ],
)
def test_simulate_serve_api_refusals_exit_2(tmp_path, option, message):
    scenario = tmp_path / "one.toml"
    scenario.write_text("[[call]]\nname = 'ann'\nanswer = '<Response><Wait length=\"2\"/></Response>'\n")
    result = simulate(scenario, "--serve-api", option)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_simulate_serve_api_strict_failure_exits_1_and_stops_the_server(tmp_path):
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}"
    scenario = tmp_path / "dead.toml"
    scenario.write_text(f'base_url = "{dead}"\n[[call]]\nname = "ann"\nanswer_url = "{dead}/answer"\n')
    result = simulate(scenario, "--serve-api", "0")
    first, second = result.stderr.splitlines()
    assert result.returncode == 1 and result.stdout == ""
    assert "strict mode: at t=0, for call 'ann'" in second
    assert refused(first.split(" at ", 1)[1].split()[0])


# -- any bytes a client sends: one HTTP answer with a JSON body, never a hang --------------

TOKENS = st.sampled_from(["GET", "POST", "DELETE", "PUT", "HEAD", "BREW", "", "G\x00T"])
PATHS = st.one_of(
    st.sampled_from(["/", f"/v1/Account/{ACCOUNT}/Call/", f"/v1/Account/{ACCOUNT}/MultiPartyCall/x/Participant/"]),
    st.text(st.characters(min_codepoint=33, max_codepoint=126), max_size=40),
)
HEADERS = st.lists(
    st.sampled_from(
        [
            f"Authorization: {basic()}",
            "Authorization: Basic",
            "Content-Length: 5",
            "Content-Length: x",
            "Transfer-Encoding: chunked",
            "Content-Type: application/json",
            "X: \udcff".encode("utf-8", "surrogateescape").decode("latin-1"),
        ]
    ),
    max_size=4,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(method=TOKENS, path=PATHS, headers=HEADERS, body=st.binary(max_size=8))
@example(method="GET", path="", headers=[], body=b"")  # ("GET  HTTP/1.1" reads as HTTP/0.9: no status line)
def test_any_request_gets_one_json_answer(method, path, headers, body):
    request = f"{method} {path} HTTP/1.1\r\n" + "".join(f"{h}\r\n" for h in headers) + "\r\n"
    with Simulation().serve_api() as url:
        reply = raw_exchange(url, request.encode("latin-1") + body)
    if not reply:  # (a body shorter than its Content-Length: the connection is closed unanswered)
        assert "Content-Length: 5" in headers and len(body) < 5
        return
    head, _, payload = reply.partition(b"\r\n\r\n")
    status = int(head.split(b" ")[1])
    assert 200 <= status < 600
    if payload:
        assert isinstance(json.loads(payload), dict)
    assert b"Traceback" not in reply


def test_a_request_line_without_a_version_gets_a_status_line():
    with Simulation().serve_api() as url:
        reply = raw_exchange(url, b"GET /v1/Account/\r\n\r\n")
    head, _, payload = reply.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.") and int(head.split(b" ")[1]) == 400
    assert "HTTP version" in json.loads(payload)["error"]


@pytest.mark.parametrize("auth_id", ["", "MA123", "XA" + "0" * 18, "MA" + "a" * 18, "MA" + "0" * 18 + ":", 12])
def test_an_auth_id_not_of_plivos_form_is_refused(tmp_path, auth_id):
    refusal = "auth_id = .* is not allowed; allowed: MA or SA and 18"
    with pytest.raises(SimulationError, match=refusal), Simulation().serve_api(auth_id=auth_id):
        pass
    scenario = tmp_path / "bad.toml"
    scenario.write_text(f"auth_id = {json.dumps(auth_id)}\n[[call]]\nname = 'ann'\nanswer = '<Response/>'\n")
    result = simulate(scenario)
    assert result.returncode == 2
    assert result.stderr.startswith(f"{scenario}:1: auth_id = "), result.stderr


# -- one API: over HTTP as in process ---------------------------------------------------

REQUESTS = st.lists(
    st.sampled_from(
        [
            ("POST", "Call/", {"from": "15550000000", "to": AGENT, "answer_url": "https://app.example/agent"}),
            ("POST", "Call/", {"from": "15550000000", "to": AGENT}),
            ("GET", "Call/", {"status": "live"}),
            ("GET", "Call/", {}),
            ("GET", "Call/nope/", {}),
            ("DELETE", "Call/nope/", {}),
            ("POST", "Call/nope/", {"legs": "aleg", "aleg_url": "https://app.example/agent"}),
            ("GET", "MultiPartyCall/", {}),
            ("GET", "Conference/", {}),
            ("PUT", "Call/", {}),
            ("GET", "Nothing/", {}),
        ]
    ),
    max_size=6,
)


def answers(send: Callable[[str, str, dict[str, Any]], tuple[int, Any]], steps: list[Any]) -> list[Any]:
    seen = []
    for method, path, params in steps:
        status, body = send(method, path, params)
        seen.append((status, {k: v for k, v in (body or {}).items() if k != "api_id"}))
    return seen


@settings(max_examples=15, deadline=None)
@given(steps=REQUESTS)
def test_the_served_api_answers_as_the_in_process_client(steps):
    agent = {"https://app.example/agent": "<Response><Wait length='60'/></Response>"}
    local, served = Simulation(agent), Simulation(agent)
    session = local.rest_client().session

    def in_process(method: str, path: str, params: dict[str, Any]) -> tuple[int, Any]:
        url = f"https://api.plivo.com/v1/Account/{ACCOUNT}/{path}"
        reply = session.request(method, url, **({"params": params} if method == "GET" else {"json": params}))
        return reply.status_code, reply.json() if reply.content else None

    with served.serve_api() as url:

        def over_http(method: str, path: str, params: dict[str, Any]) -> tuple[int, Any]:
            query = "?" + "&".join(f"{k}={v}" for k, v in params.items()) if method == "GET" and params else ""
            return call_api(url, method, f"/v1/Account/{ACCOUNT}/{path}{query}", None if method == "GET" else params)

        assert answers(over_http, steps) == answers(in_process, steps)
    local.run(until=30)
    served.run(until=30)
    assert served.report("json") == local.report("json")
