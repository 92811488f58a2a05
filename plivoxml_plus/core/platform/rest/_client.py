"""plivo-python's RestClient wired to the simulation: the ``requests`` adapter
mounted on each of its sessions, for every URL, so nothing it sends leaves the
process. Imported only once plivo (and so requests) is known to be installed."""

from __future__ import annotations

import json
from itertools import count
from typing import Any

import plivo
import requests
from requests.adapters import BaseAdapter

from ._adapter import answer_request
from ._control import Control

__all__ = ["SimulatedApi", "client_for"]

_REASONS = {200: "OK", 201: "Created", 202: "Accepted", 204: "No Content", 400: "Bad Request", 404: "Not Found"}
_MORE_REASONS = {405: "Method Not Allowed", 500: "Internal Server Error"}


class SimulatedApi(BaseAdapter):
    """Answers each prepared request from the simulation, as Plivo's API would."""

    def __init__(self, control: Control) -> None:
        super().__init__()
        self.control = control
        self.ids = count(1)

    def send(  # noqa: PLR0917 - the signature requests calls
        self,
        request: Any,
        stream: bool = False,
        timeout: Any = None,
        verify: Any = True,
        cert: Any = None,
        proxies: Any = None,
    ) -> Any:
        body = request.body.encode() if isinstance(request.body, str) else request.body
        answer = answer_request(self.control, str(request.method), str(request.url), body, self.ids)
        response = requests.Response()
        response.status_code = answer.status
        response.reason = _REASONS.get(answer.status) or _MORE_REASONS.get(answer.status, "")
        response.url = request.url
        response.request = request
        response.encoding = "utf-8"
        if answer.body is not None:
            response._content = json.dumps(answer.body).encode()
            response.headers["Content-Type"] = "application/json"
        else:
            response._content = b""
        return response

    def close(self) -> None:
        pass


def client_for(control: Control, auth_id: str, auth_token: str) -> Any:
    """A real ``plivo.RestClient`` whose every request the simulation answers."""
    client = plivo.RestClient(auth_id, auth_token)
    adapter = SimulatedApi(control)
    for session in (client.session, client.multipart_session):
        for prefix in ("https://", "http://"):
            session.mount(prefix, adapter)
    return client
