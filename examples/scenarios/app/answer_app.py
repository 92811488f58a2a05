"""A minimal Flask app for ``app-answer.toml``: the simulator calls it in-process.

``/answer`` puts every caller into one MultiPartyCall, by caller number: a From
ending in "1" is the Agent, any other the Customer. ``/events`` keeps the MPC's
status callbacks in ``EVENTS`` and answers 204 No Content.

Run it with ``plivoxml-plus simulate examples/scenarios/app/app-answer.toml``
(the scenario's ``app = "answer_app:app"`` imports this file from the
scenario's folder; it needs Flask and the app extra: pip install 'plivoxml-plus[app]' flask).
"""

from __future__ import annotations

from flask import Flask, Response, request

from plivoxml_plus import MultiPartyCall
from plivoxml_plus import Response as XmlResponse

BASE_URL = "https://app.example"  # what the scenario's base_url says

app = Flask(__name__)
EVENTS: list[dict[str, str]] = []  # every status callback received, in order


@app.post("/answer")
def answer() -> Response:
    caller = request.values.get("From", "")
    role = "Agent" if caller.endswith("1") else "Customer"
    document = XmlResponse().add(
        MultiPartyCall(
            "support",
            role,
            status_callback_url=f"{BASE_URL}/events",
            status_callback_events="mpc-state-changes,participant-state-changes",
        )
    )
    return Response(document.to_string(), mimetype="application/xml")


@app.post("/events")
def events() -> tuple[str, int]:
    EVENTS.append(request.form.to_dict())
    return "", 204
