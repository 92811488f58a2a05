"""Sounds the Call API plays into a live call (Plivo's "Play audio on a call" and
"Speak text on a call", and their stops): each handler reads Plivo's documented
parameters and asks the ``Control`` to play or stop; the sound is the element's
(``<Play>``, ``<Speak>``), checked as the element checks it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import _params as p
from ._answers import Answer, RestError
from ._control import CallSound, Control

__all__ = ["play", "speak", "stop"]

MAX_LENGTH = 3600  # plivoframework: a sound with no length plays at most an hour


def _common(params: Mapping[str, Any]) -> tuple[int, bool, bool]:
    """``length`` (s), ``loop`` and ``mix``, as the two APIs share them; ``legs``
    other than the call's own (aleg) and the asynchronous mode are not served."""
    legs = params.get("legs", "aleg")
    if legs not in ("aleg", "bleg", "both"):
        raise RestError(400, f"legs = {legs!r} is not allowed; allowed: aleg, bleg or both")
    if legs != "aleg":
        raise RestError(405, f"a sound on legs = {legs!r} is not served by the simulation yet (only aleg)")
    p.synchronous(params)
    length = p.whole(params, "length", 1, MAX_LENGTH)
    loop, mix = p.flag(params, "loop"), p.flag(params, "mix")
    return MAX_LENGTH if length is None else length, bool(loop), mix is None or mix


def play(control: Control, path: tuple[str, ...], params: Mapping[str, Any]) -> Answer:
    """POST /Call/{uuid}/Play/: 202 "play started"; ``urls`` (comma-separated) play in turn."""
    given = params.get("urls")
    # a comma-separated string, as Plivo documents it, or the list plivo-python passes on as given
    if isinstance(given, list) and given and all(isinstance(url, str) for url in given):
        urls = [url.strip() for url in given]
    else:
        urls = [url.strip() for url in p.required(params, "urls").split(",")]
    length, loop, mix = _common(params)
    control.play_sound(path[0], CallSound("play", urls, length, loop, mix))
    return Answer(202, {"message": "play started"})


def speak(control: Control, path: tuple[str, ...], params: Mapping[str, Any]) -> Answer:
    """POST /Call/{uuid}/Speak/: 202 "speak started"; ``text`` in ``voice`` and ``language``."""
    text = p.required(params, "text")
    voice, language = p.text(params, "voice"), p.text(params, "language")
    length, loop, mix = _common(params)
    control.play_sound(path[0], CallSound("speak", [text], length, loop, mix, voice, language))
    return Answer(202, {"message": "speak started"})


def stop(kind: str) -> Any:
    """The handler stopping the ``kind`` (play or speak) sound of a call: 204."""

    def handle(control: Control, path: tuple[str, ...], params: Mapping[str, Any]) -> Answer:
        p.synchronous(params)
        control.stop_sound(path[0], kind)
        return Answer(204)

    handle.__doc__ = f"DELETE /Call/{{uuid}}/{kind.capitalize()}/: 204; the call's {kind} stops."
    return handle
