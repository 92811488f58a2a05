"""The same REST API over loopback HTTP, for apps in any language
(docs/testing-apps.md, "Apps in any language").

Each request is answered by ``answer_request``, as plivo-python's in-process
requests are: the same route table, handlers and gate (a call made while the
simulation waits for the app's answer acts at that virtual time). The server
binds a loopback address only, checks Basic auth against the account's auth id
and token (Plivo's 401 otherwise), and is bounded: ``MAX_THREADS`` requests at
once (Plivo's 429 beyond), ``MAX_BODY`` bytes of body, ``READ_SECONDS`` to
receive a request. Every refusal is Plivo's JSON error body, never a traceback.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import ipaddress
import json
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import count
from typing import Any

from ...._errors import SimulationError
from ._adapter import API_HOST, answer_request
from ._answers import Answer
from ._control import Control

__all__ = ["MAX_BODY", "MAX_THREADS", "READ_SECONDS", "loopback", "serve"]

MAX_THREADS = 8  # requests answered at once; more get Plivo's 429 at once
MAX_BODY = 1 << 20  # bytes of request body (Plivo's API requests are a few hundred)
READ_SECONDS = 10.0  # to receive a whole request (line, headers, body): then the connection is cut
AUTH_FAILED = "authentication failed"  # Plivo's 401: "Authentication failed" (its API response codes)


def loopback(host: str) -> str:
    """``host`` if it is a loopback address (``localhost``: 127.0.0.1); else a SimulationError."""
    if host == "localhost":
        return "127.0.0.1"
    try:
        if ipaddress.ip_address(host).is_loopback:
            return host
    except ValueError:
        pass
    raise SimulationError(
        f"host {host!r} is not allowed; allowed: a loopback address (127.0.0.1, ::1 or localhost): "
        "the served API answers this machine only"
    )


@contextmanager
def serve(control: Control, host: str, port: int, auth_id: str, auth_token: str) -> Iterator[str]:
    """Serve the API on ``host:port`` (0: a free port) while inside; yields its base URL
    (what ``https://api.plivo.com`` is to Plivo's SDKs). Stops, its requests finished, on exit."""
    host = loopback(host)
    if isinstance(port, bool) or not isinstance(port, int) or not 0 <= port <= 65535:
        raise SimulationError(f"port {port!r} is not allowed; allowed: a whole number 0 to 65535 (0: any free port)")
    server_class = _Server6 if ":" in host else _Server
    try:
        server = server_class((host, port), _Handler)
    except OSError as error:
        raise SimulationError(f"cannot serve the REST API on {host} port {port}: {error.strerror or error}") from None
    server.setup_api(control, auth_id, auth_token)
    shown = f"[{host}]" if ":" in host else host
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://{shown}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()  # (waits for the requests in flight: each is bounded)
        thread.join()


class _Server(ThreadingHTTPServer):
    daemon_threads = False  # server_close waits for them
    block_on_close = True

    def setup_api(self, control: Control, auth_id: str, auth_token: str) -> None:
        self.control = control
        self.auth_id = auth_id
        self.credentials = f"{auth_id}:{auth_token}".encode()
        self.ids = count(1)
        self.slots = threading.BoundedSemaphore(MAX_THREADS)

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self.slots.acquire(blocking=False):  # bounded: refused at once, not queued
            _refuse_busy(request)
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # (a client gone mid-request: nothing to tell anyone, and no traceback)


class _Server6(_Server):
    address_family = socket.AF_INET6


def _refuse_busy(request: socket.socket) -> None:
    body = json.dumps({"error": f"too many requests: at most {MAX_THREADS} at once"}).encode()
    head = f"HTTP/1.0 429 Too Many Requests\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    try:
        request.settimeout(1.0)
        request.sendall(head.encode() + body)
    except OSError:
        pass


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    timeout = READ_SECONDS  # (each read and write; the whole reading is bounded by a timer too)
    server_version = "PlivoXMLPlus-Simulator"
    sys_version = ""

    def handle(self) -> None:
        # the whole request must arrive in READ_SECONDS: a client sending a byte at a
        # time cannot hold a thread longer (the timer cuts the connection)
        self.cutoff = threading.Timer(READ_SECONDS, self._cut)
        self.cutoff.start()
        try:
            super().handle()
        finally:
            self.cutoff.cancel()

    def _cut(self) -> None:
        with suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def do_GET(self) -> None:
        self._answer()

    do_POST = do_DELETE = do_PUT = do_PATCH = do_OPTIONS = do_GET  # (Plivo's 405 for a path it has)

    def do_HEAD(self) -> None:
        self._send(Answer(405, {"error": "HEAD is not allowed"}), body=False)

    def _answer(self) -> None:
        body = self._body()
        if body is None:
            return
        self.cutoff.cancel()  # received: what remains is bounded by the gate's wait
        if not self._authenticated():
            self._send(Answer(401, {"error": AUTH_FAILED}))
            return
        if not self.path.startswith("/"):
            self._send(Answer(400, {"error": "the request target is not a path"}))
            return
        server = self.server
        try:
            answer = answer_request(server.control, self.command, f"https://{API_HOST}{self.path}", body, server.ids)
        except Exception as error:  # a fault of the simulation: Plivo's 500, not a traceback
            answer = Answer(500, {"error": f"server error: {type(error).__name__}: {error}"})
        self._send(answer)

    def _body(self) -> bytes | None:
        """The request's body (b"" for none); None once a refusal is sent."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self._send(Answer(411, {"error": "a body needs a Content-Length (chunked bodies are not read)"}))
            return None
        text = self.headers.get("Content-Length", "0").strip() or "0"
        if not (text.isascii() and text.isdigit()):
            self._send(Answer(400, {"error": f"Content-Length {text[:40]!r} is not a number of bytes"}))
            return None
        length = int(text)
        if length > MAX_BODY:
            self._send(Answer(413, {"error": f"a body of {length} bytes is over the limit of {MAX_BODY}"}))
            return None
        body = self.rfile.read(length)
        if len(body) < length:  # (cut off, or the client stopped sending)
            self.close_connection = True
            return None
        return body

    def _authenticated(self) -> bool:
        """Basic auth with the account's auth id and token, for a path under that account."""
        scheme, _, encoded = self.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "basic":
            return False
        try:
            given = base64.b64decode(encoded.strip(), validate=True)
        except (binascii.Error, ValueError):
            return False
        if not hmac.compare_digest(given, self.server.credentials):
            return False
        segments = self.path.split("?", 1)[0].split("/")
        # another account's resources: not these credentials' (the path's account is checked)
        return segments[1:3] != ["v1", "Account"] or segments[3:4] == [self.server.auth_id]

    def parse_request(self) -> bool:
        if not super().parse_request():
            return False
        if self.request_version == "HTTP/0.9":  # ("GET /path" alone: its answer would have no status line)
            self.send_error(400, "a request line needs an HTTP version (HTTP/1.0 or HTTP/1.1)")
            return False
        return True

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own refusals (a malformed request line, too many headers...) as Plivo's JSON."""
        self.close_connection = True
        self.request_version = self.protocol_version  # (a status line even for a line too bad to read its version)
        self._send(Answer(code, {"error": message or self.responses.get(code, ("error",))[0]}))

    def _send(self, answer: Answer, *, body: bool = True) -> None:
        payload = b"" if answer.body is None else json.dumps(answer.body).encode()
        try:
            self.send_response(answer.status)
            if answer.body is not None:
                self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.send_header("Connection", "close")
            self.end_headers()
            if body and self.command != "HEAD":
                self.wfile.write(payload)
        except OSError:
            self.close_connection = True

    def log_message(self, format: str, *args: Any) -> None:
        pass  # (the simulation's report says what the API did; no access log on stderr)
