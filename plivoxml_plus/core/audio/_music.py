"""What a sound document sounds like (wait and hold music, URL enter/exit
sounds): each ``<Play>`` the audio the user registered for its URL (else a
placeholder tone of its modelled length), each ``<Speak>`` a placeholder tone
of its modelled length, each ``<Wait>`` silence. Wait and hold music repeat; a
``loop="0"`` element repeats forever from where it stands."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from ...elements import Element, Response
from .._durations import DurationModel
from ..bridge._seats import US_RING
from ._signals import PLACEHOLDER_DBFS, Samples, tone

__all__ = ["DEFAULT_MUSIC", "US_RING", "Looped", "document_sound", "element_sound", "placeholder_music", "ring_tone"]

PLAY_HZ = 330.0  # a Play whose URL has no registered audio
SPEAK_HZ = 220.0  # a Speak (the simulator has no voice)
DEFAULT_MUSIC = "default"  # Plivo's own wait or hold music (waitMusic:default, holdMusic:default)


class Looped:
    """``head`` once, then ``cycle`` ``repeats`` times (None: over and over), then
    silence (no cycle: silence after the head).

    Every periodic sound is one of these, made once and tiled: wait and hold
    music, a prompt played over and over, a caller's tone (one period,
    ``tone_period``). A new periodic source (a ringback tone) is one more: make
    one period of it and return ``Looped(empty, period)``; ``piece`` gives any
    stretch of it from a tiled copy (``_tiled``), never computing it again."""

    __slots__ = ("_tiled", "cycle", "head", "repeats")

    def __init__(self, head: Samples, cycle: Samples, repeats: int | None = None) -> None:
        self.head = head
        self.cycle = cycle
        self.repeats = repeats
        self._tiled = cycle  # the cycle repeated, long enough for the longest piece asked so far

    @property
    def silent(self) -> bool:
        return not len(self.head) and (not len(self.cycle) or self.repeats == 0)

    def piece(self, start: int, count: int) -> Samples:
        """Samples ``start`` to ``start + count`` of the sound."""
        out = np.zeros(count, dtype=np.int16)
        head, cycle = self.head, self.cycle
        if start < len(head):
            take = min(count, len(head) - start)
            out[:take] = head[start : start + take]
        if len(cycle):
            begin = max(start, len(head))
            end = start + count
            if self.repeats is not None:
                end = min(end, len(head) + self.repeats * len(cycle))
            if begin < end:
                at, n, length = (begin - len(head)) % len(cycle), end - begin, len(cycle)
                into = out[begin - start : end - start]
                if at + n <= length:
                    into[:] = cycle[at : at + n]
                elif n <= length:  # (a long cycle: its end, then its start)
                    into[: length - at] = cycle[at:]
                    into[length - at :] = cycle[: n - (length - at)]
                else:  # a cycle shorter than the piece: from its tiled copy
                    into[:] = self._tiled_to(at + n)[at : at + n]
        return out

    def _tiled_to(self, count: int) -> Samples:
        """The cycle repeated to at least ``count`` samples (kept for the next piece:
        at most a piece and a cycle long, the cycle being shorter than the piece)."""
        if len(self._tiled) < count:
            self._tiled = np.tile(self.cycle, -(-count // len(self.cycle)))
        return self._tiled

    @property
    def once(self) -> Samples:
        """The sound played once (a ``loop="0"`` part, once)."""
        return np.concatenate([self.head, self.cycle])


def placeholder_music(rate: int) -> Looped:
    """Plivo's default music, which the simulator does not have: 440 and 660 Hz, half a second each."""
    half = rate // 2
    return Looped(np.zeros(0, dtype=np.int16), np.concatenate([
        tone(440.0, 0, half, rate, PLACEHOLDER_DBFS),
        tone(660.0, 0, half, rate, PLACEHOLDER_DBFS),
    ]))


def ring_tone(rate: int) -> Looped:
    """FreeSWITCH's us-ring, ``%(2000,4000,440,480)``: 440 and 480 Hz together for
    2 s, then 4 s of silence, over and over: the ringback plivoframework gives a
    caller while its Dial rings [oss]."""
    on = 2 * rate
    ringing = tone(440.0, 0, on, rate, PLACEHOLDER_DBFS) + tone(480.0, 0, on, rate, PLACEHOLDER_DBFS)
    return Looped(np.zeros(0, dtype=np.int16), np.concatenate([ringing, np.zeros(4 * rate, dtype=np.int16)]))


def document_sound(
    document: Response,
    rate: int,
    durations: DurationModel,
    audio_for: Mapping[str, Samples],
    most: int,
) -> Looped:
    """The sound of ``document``, repeating (wait and hold music loop). Only its first
    ``most`` samples are made: no one hears more of it (the longest track), so a
    cycle cut there never wraps, and its memory is bounded."""
    pieces: list[Samples] = []
    made = 0
    for element in document.children:
        left = most - made
        if left <= 0:
            break
        if element.tag == "Wait":
            once = np.zeros(min(element.effective("length") * rate, left), dtype=np.int16)
            loop = 1
        else:
            once = _element_once(element, rate, durations, audio_for.get, left)
            loop = element.effective("loop")
        if loop == 0:  # forever from here: the rest of the document never plays
            return Looped(np.concatenate([np.zeros(0, dtype=np.int16), *pieces]), once)
        copies = min(loop, -(-left // len(once))) if len(once) else 0  # (enough to reach most)
        pieces.extend([once] * copies)
        made += copies * len(once)
    whole = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.int16)
    return Looped(np.zeros(0, dtype=np.int16), whole)


def element_sound(
    element: Element,
    rate: int,
    durations: DurationModel,
    audio_for: Mapping[str, Samples],
    heard: int,
) -> Looped:
    """What an element a call runs sounds like, from its start, over the ``heard``
    samples the call hears of it: a Speak or Play ``loop`` times (``loop="0"``: over
    and over), a Wait silence. (The caller hears it until the next one starts, or
    the call ends: a prompt cut short ends at the cut.) Nothing past ``heard`` is
    made, so its memory is bounded by the call's."""
    silence = np.zeros(0, dtype=np.int16)
    if element.tag == "Wait":
        return Looped(silence, silence)
    loop = element.effective("loop")
    return Looped(silence, _element_once(element, rate, durations, audio_for.get, heard), loop or None)


def _element_once(
    element: Element,
    rate: int,
    durations: DurationModel,
    audio: Callable[[str], Samples | None],
    most: int | None = None,
) -> Samples:
    """One pass of a Speak or Play (its first ``most`` samples, if given)."""
    if element.tag == "Play":
        registered = audio(str(element.effective("content")))
        if registered is not None:
            return registered[:most]
    count = durations.once_ms(element) * rate // 1000
    hz = PLAY_HZ if element.tag == "Play" else SPEAK_HZ
    return tone(hz, 0, count if most is None else min(count, most), rate, PLACEHOLDER_DBFS)
