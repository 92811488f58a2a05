"""A call centre on Plivo's MultiPartyCall and REST API, as Plivo's call-centre
guides build one ("Supervisor coaching", "Add a participant"):

1. a customer calls the hotline: ``/answer`` rings an agent with ``calls.create``
   and puts the customer into an MPC of its own, ``support-<CallUUID>``;
2. the agent answers: ``/agent`` puts the agent into the customer's MPC;
3. the agent has joined (a status callback): a supervisor is coached in with
   ``multi_party_calls.add_participant`` (role Supervisor, ``coach_mode``): the
   agent hears the supervisor, the customer never does;
4. the agent has left (a status callback): ``calls.transfer`` moves the customer
   to the survey, a ``<GetDigits>`` whose action stores the score;
5. each call's ``hangup_url`` stores its billing record (Duration,
   BillDuration, HangupCauseName).

Run it with ``flask --app examples.callcenter.app run`` (with PLIVO_AUTH_ID and
PLIVO_AUTH_TOKEN set); test it with ``pytest examples/callcenter``
(docs/testing-apps.md), where the simulation answers its REST calls. Every
request is checked against Plivo's signature (V3, or V2 when only V2 is sent).
"""

from __future__ import annotations

import os
from typing import Any

import flask
import plivo
from flask import Flask, abort, request
from plivo.utils import validate_signature, validate_v3_signature

from plivoxml_plus import GetDigits, MultiPartyCall, Play, Response, Speak

BASE_URL = "https://app.example"
AGENT = "15551230001"  # the agent's phone number, rung for each customer
SUPERVISOR = "15551230009"  # the supervisor's, coached into each call
HOLD_MUSIC = "https://cdn.example/hold-music.mp3"


def xml(document: Response) -> flask.Response:
    return flask.Response(document.to_bytes(), mimetype="application/xml")


def genuine(auth_token: str) -> bool:
    """Whether the request is Plivo's: its V3 signature, or its V2 one when it has no V3."""
    headers = request.headers
    if "X-Plivo-Signature-V3" in headers:
        # a GET's parameters are its query: signed apart from the URL (docs/testing-apps.md)
        params = (request.form if request.method == "POST" else request.args).to_dict()
        url = request.url if request.method == "POST" else request.base_url
        return bool(
            validate_v3_signature(
                request.method,
                url,
                headers.get("X-Plivo-Signature-V3-Nonce", ""),
                auth_token,
                headers["X-Plivo-Signature-V3"],
                params,
            )
        )
    nonce, signature = headers.get("X-Plivo-Signature-V2-Nonce", ""), headers.get("X-Plivo-Signature-V2", "")
    # V2 signs the URL without its query
    return bool(signature) and bool(validate_signature(request.base_url, nonce, signature, auth_token))


def rest_client() -> Any:
    """The app's ``plivo.RestClient``: ``app.config["PLIVO_CLIENT"]`` (tests put the
    simulation's there), else one made from $PLIVO_AUTH_ID and the app's token."""
    config = flask.current_app.config
    if config.get("PLIVO_CLIENT") is None:
        config["PLIVO_CLIENT"] = plivo.RestClient(os.environ.get("PLIVO_AUTH_ID"), config["PLIVO_AUTH_TOKEN"])
    return config["PLIVO_CLIENT"]


def create_app(auth_token: str | None = None) -> Flask:
    """The app; ``auth_token`` (default: $PLIVO_AUTH_TOKEN) is the one Plivo signs requests with."""
    app = Flask(__name__)
    app.config["PLIVO_AUTH_TOKEN"] = auth_token or os.environ.get("PLIVO_AUTH_TOKEN", "")
    events: list[dict[str, str]] = []  # every MPC status callback's form, in order
    rooms: dict[str, str] = {}  # the agent call's request UUID -> the customer's MPC
    customers: dict[str, tuple[str, str]] = {}  # an MPC -> its customer's CallUUID and the number called
    scores: dict[str, str] = {}  # CallUUID -> the survey's score
    bills: list[dict[str, str]] = []  # each hangup_url request: the call's billing record
    app.config.update(MPC_EVENTS=events, SCORES=scores, BILLS=bills)

    @app.before_request
    def check_signature() -> None:
        if not genuine(app.config["PLIVO_AUTH_TOKEN"]):
            abort(403)

    @app.post("/answer")
    def answer() -> flask.Response:
        customer = request.form["CallUUID"]
        room = f"support-{customer}"
        customers[room] = customer, request.form["To"]
        placed = rest_client().calls.create(
            from_=request.form["To"],  # the hotline's number, as the agent's caller ID
            to_=AGENT,
            answer_url=f"{BASE_URL}/agent",
            hangup_url=f"{BASE_URL}/hangup",
        )
        rooms[placed.request_uuid] = room
        joining = MultiPartyCall(room, "Customer", status_callback_url=f"{BASE_URL}/mpc-events")
        joining.customer_hold_music_url = f"{BASE_URL}/hold"
        return xml(Response().add(joining))

    @app.post("/agent")
    def agent() -> flask.Response:
        # the agent's call answers with the request UUID calls.create gave
        room = rooms[request.form["ALegRequestUUID"]]
        joining = MultiPartyCall(room, "Agent", status_callback_url=f"{BASE_URL}/mpc-events")
        return xml(Response().add(joining))

    @app.post("/mpc-events")
    def mpc_events() -> tuple[str, int]:
        form = request.form.to_dict()
        events.append(form)
        room, role, event = form.get("MPCName", ""), form.get("ParticipantRole"), form["EventName"]
        if room not in customers:
            return "", 204
        customer, hotline = customers[room]
        if role == "Customer" and event == "ParticipantExit":
            del customers[room]  # the customer hung up (or was transferred): nobody to transfer
        elif role == "Agent" and event == "ParticipantJoin":
            # heard by the agent only while coach_mode is true
            rest_client().multi_party_calls.add_participant(
                role="Supervisor",
                friendly_name=room,
                from_=hotline,
                to_=SUPERVISOR,
                coach_mode=True,
                status_callback_url=f"{BASE_URL}/mpc-events",
                status_callback_method="POST",
            )
        elif role == "Agent" and event == "ParticipantExit":
            del customers[room]
            rest_client().calls.transfer(customer, legs="aleg", aleg_url=f"{BASE_URL}/survey")
        return "", 204

    @app.post("/survey")
    def survey() -> flask.Response:
        rating = GetDigits(action=f"{BASE_URL}/score", num_digits=1, valid_digits="12345")
        rating.add(Speak("Thank you for calling. Please rate us from 1 to 5."))
        return xml(Response().add(rating).add(Speak("We did not get a rating. Goodbye.")))

    @app.post("/score")
    def score() -> flask.Response:
        scores[request.form["CallUUID"]] = request.form["Digits"]
        return xml(Response().add(Speak("Thank you. Goodbye.")))

    @app.post("/hangup")
    def hangup() -> tuple[str, int]:
        keys = ("CallUUID", "From", "To", "Duration", "BillDuration", "HangupCauseName", "HangupCauseCode")
        bills.append({key: request.form[key] for key in keys})
        return "", 204

    @app.get("/hold")
    def hold() -> flask.Response:
        return xml(Response().add(Play(HOLD_MUSIC)))

    return app


app = create_app()
