"""Sounds the Call API plays into a live call ("Play audio on a call", "Speak
text on a call"): what the platform does is a timeline event where the sound
starts and where it ends or is stopped (docs/testing-apps.md). The call hears it;
the audio mixer does not render it.

A sound's end is one of the call's timers, so it goes when the call ends and any
REST client of the simulation finds it to stop it."""

from __future__ import annotations

from collections.abc import Sequence

from ...elements import Element
from .._clock import Clock, Entry, seconds
from ._call import Call

__all__ = ["start_sound", "stop_sound"]


def _playing(call: Call, kind: str) -> Entry | None:
    for entry in call.timers:
        if entry[2] is _ended and entry[3][1] == kind:
            return entry
    return None


def start_sound(call: Call, kind: str, sounds: Sequence[Element], *, length_ms: int, loop: bool, mix: bool) -> None:
    """``sounds`` (Play or Speak elements) play into ``call`` from now, one after
    the other, for at most ``length_ms`` (``loop``: over and over until then). A
    sound of the same kind still playing is replaced."""
    world = call.world
    once = sum(world.durations.once_ms(sound) for sound in sounds)
    ms = length_ms if loop else min(once, length_ms)
    stop_sound(call, kind, replaced=True)
    what = ", ".join(repr(str(sound.effective("content"))) for sound in sounds)
    how = f"{seconds(ms)} s{', looped' if loop else ''}, {'mixed with' if mix else 'instead of'} the call's audio"
    world.event(call.name, "api", f"REST {kind} {what} into the call ({how})")
    call.timers.append(world.clock.at(world.clock.now + ms, _ended, (call, kind)))


def _ended(sound: tuple[Call, str]) -> None:
    call, kind = sound
    call.timers = [entry for entry in call.timers if not (entry[2] is _ended and entry[3] is sound)]
    if call.live:
        call.world.event(call.name, "sound", f"REST {kind} ended")


def stop_sound(call: Call, kind: str, *, replaced: bool = False) -> bool:
    """Stop ``call``'s ``kind`` sound; False if none was playing."""
    entry = _playing(call, kind)
    if entry is None:
        return False
    call.timers.remove(entry)
    Clock.cancel(entry)
    call.world.event(call.name, "api", f"REST {kind} {'replaced' if replaced else 'stopped'}")
    return True
