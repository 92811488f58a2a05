"""A call centre on Plivo's MultiPartyCall: agents and customers meet in the MPC "support".

Run it with ``flask --app examples.callcenter.app run``; test it with
``pytest examples/callcenter`` (docs/testing-apps.md). Every request is checked
against its ``X-Plivo-Signature-V3`` header when plivo-python is installed.
"""

from __future__ import annotations

import os
from typing import Any

import flask
from flask import Flask, abort, request

from plivoxml_plus import MultiPartyCall, Play, Response, Speak

try:
    from plivo.utils import validate_v3_signature
except ImportError:  # without plivo-python, requests are not checked
    validate_v3_signature = None

BASE_URL = "https://app.example"
AGENTS = frozenset({"15551230001", "15551230002"})  # the agents' phone numbers, as Plivo sends them
HOLD_MUSIC = "https://cdn.example/hold-music.mp3"


def xml(document: Response) -> flask.Response:
    return flask.Response(document.to_bytes(), mimetype="application/xml")


def create_app(auth_token: str | None = None) -> Flask:
    """The app; ``auth_token`` (default: $PLIVO_AUTH_TOKEN) is the one Plivo signs requests with."""
    app = Flask(__name__)
    app.config["PLIVO_AUTH_TOKEN"] = auth_token or os.environ.get("PLIVO_AUTH_TOKEN", "")
    events: list[dict[str, str]] = []
    app.config["MPC_EVENTS"] = events  # every status callback's form, in order

    @app.before_request
    def check_signature() -> None:
        if validate_v3_signature is None:
            return
        params: dict[str, Any] = (request.form if request.method == "POST" else request.args).to_dict()
        genuine = validate_v3_signature(
            request.method,
            request.url,
            request.headers.get("X-Plivo-Signature-V3-Nonce", ""),
            app.config["PLIVO_AUTH_TOKEN"],
            request.headers.get("X-Plivo-Signature-V3", ""),
            params,
        )
        if not genuine:
            abort(403)

    @app.post("/answer")
    def answer() -> flask.Response:
        caller = request.form.get("From", "")
        if caller in AGENTS:
            # the customer's call goes on to the survey when the agent hangs up
            joining = MultiPartyCall("support", "Agent", end_mpc_on_exit=True)
        else:
            joining = MultiPartyCall("support", "Customer", on_exit_action_url=f"{BASE_URL}/survey")
        joining.status_callback_url = f"{BASE_URL}/mpc-events"
        joining.customer_hold_music_url = f"{BASE_URL}/hold"
        return xml(Response().add(joining))

    @app.post("/mpc-events")
    def mpc_events() -> tuple[str, int]:
        events.append(request.form.to_dict())
        return "", 204

    @app.post("/survey")
    def survey() -> flask.Response:
        return xml(Response().add(Speak("Thank you for calling. Please rate us after the tone.")))

    @app.get("/hold")
    def hold() -> flask.Response:
        return xml(Response().add(Play(HOLD_MUSIC)))

    return app


app = create_app()
