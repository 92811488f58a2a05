"""The classic PIN-then-conference flow: a caller hears a prompt, types a PIN with
``<GetDigits>``, may try again after a wrong one, and joins a moderated conference
with the right one.

- ``/answer``: "Enter your PIN" (four keys, or fewer then ``#``); no input at all
  falls through to a goodbye and a hangup.
- ``/pin``: the moderator's PIN starts the conference (and ends it on leaving);
  a participant's PIN joins it, waiting with hold music until a moderator comes.
  A wrong PIN asks again, up to ``MAX_TRIES`` tries in all, then hangs up.

Run it with ``flask --app examples.pin.app run``; test it with ``pytest
examples/pin`` (the tests drive it through the simulator), or simulate it with
``plivoxml-plus simulate examples/pin/pin-conference.toml``.
"""

from __future__ import annotations

import flask
from flask import Flask, request

from plivoxml_plus import Conference, GetDigits, Hangup, Response

BASE_URL = "https://app.example"
ROOM = "weekly-review"
MODERATOR_PIN = "1111"
PARTICIPANT_PIN = "2222"
MAX_TRIES = 3
HOLD_MUSIC = f"{BASE_URL}/hold"


def xml(document: Response) -> flask.Response:
    return flask.Response(document.to_bytes(), mimetype="application/xml")


def ask_for_pin(prompt: str, tries: int) -> Response:
    """The PIN prompt; ``tries``: how many PINs were entered before this one."""
    gather = GetDigits(f"{BASE_URL}/pin?tries={tries}", num_digits=4, timeout=7, retries=2)
    gather.add_speak(prompt)
    return Response().add(gather).add_speak("We did not get a PIN. Goodbye.").add(Hangup())


def create_app() -> Flask:
    app = Flask(__name__)

    @app.post("/answer")
    def answer() -> flask.Response:
        return xml(ask_for_pin("Welcome. Please enter your four-digit PIN.", 0))

    @app.post("/pin")
    def pin() -> flask.Response:
        digits = request.form.get("Digits", "")
        tries = int(request.args.get("tries", "0")) + 1
        if digits == MODERATOR_PIN:
            room = Conference(ROOM, start_conference_on_enter=True, end_conference_on_exit=True)
            return xml(Response().add_speak("Welcome, moderator.").add(room))
        if digits == PARTICIPANT_PIN:
            room = Conference(ROOM, start_conference_on_enter=False, wait_sound=HOLD_MUSIC)
            return xml(Response().add_speak("Thank you. Joining the conference.").add(room))
        if tries >= MAX_TRIES:
            return xml(Response().add_speak("That PIN is not valid. Goodbye.").add(Hangup()))
        return xml(ask_for_pin("That PIN is not valid. Please try again.", tries))

    @app.post("/hold")
    def hold() -> flask.Response:
        return xml(Response().add_play("https://cdn.example/hold-music.mp3", loop=0))

    return app


app = create_app()
