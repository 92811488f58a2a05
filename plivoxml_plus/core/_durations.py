"""How long each element takes on the virtual clock: the documented duration model.

* ``<Speak>``: ``words / speak_words_per_second`` seconds, at least
  ``speak_min_seconds``; times ``loop``. Its words are those of every text it
  holds (its own, its SSML elements', the text after each of them); a word is a
  run of non-space characters with a letter or digit in it, so the comma that
  follows an element (``<emphasis>world</emphasis>, how``) is not one.
* ``<Play>``: ``play_seconds[url]`` when given, else ``play_default_seconds``;
  times ``loop``.
* ``<Wait>``: ``length`` seconds (with ``silence="true"``, it ends earlier once
  the caller has been silent for ``minSilence`` ms: see the call model).
* ``loop="0"`` repeats forever: the element ends only when the call ends.
* a beep (GetDigits', GetInput's and Record's ``playBeep``): ``beep_seconds``;
  one key a ``<DTMF>`` sends: ``dtmf_digit_seconds``.

Durations are rounded to whole milliseconds. Every setting is checked against
the clock's bound (``_settings``): a rate so small that one word outlasts the
clock, or a duration the clock cannot hold, is refused when it is given.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from .._errors import SimulationError
from ..elements import Element
from ..elements._checks import Refused
from ._settings import AT_LEAST_ZERO, POSITIVE, RATE, checked, shown

__all__ = ["DurationModel"]

_WORD = re.compile(r"[^\W_]")  # a letter or digit: what makes a run of non-space characters a word


def _frozen_map(value: Mapping[str, float]) -> Mapping[str, float]:
    if not isinstance(value, Mapping):
        raise SimulationError(f"DurationModel.play_seconds must map audio URLs to seconds, not {shown(value)}")
    for url, length in value.items():
        try:
            if not isinstance(url, str):
                raise Refused("a mapping of audio URLs (str) to seconds")
            POSITIVE.clean(length)
        except Refused as why:
            raise SimulationError(
                f"DurationModel.play_seconds[{shown(url)}] = {shown(length)} is not allowed; allowed: {why.args[0]}"
            ) from None
    return MappingProxyType(dict(value))


@attrs.frozen(kw_only=True)
class DurationModel:
    """How long Speak, Play and Wait take (see the module docstring)."""

    speak_words_per_second: float = attrs.field(default=2.5, validator=checked(RATE))  # 150 words a minute
    speak_min_seconds: float = attrs.field(default=1.0, validator=checked(AT_LEAST_ZERO))
    play_default_seconds: float = attrs.field(default=10.0, validator=checked(POSITIVE))
    play_seconds: Mapping[str, float] = attrs.field(factory=dict, converter=_frozen_map)
    beep_seconds: float = attrs.field(default=0.5, validator=checked(POSITIVE))  # GetDigits, Record playBeep
    dtmf_digit_seconds: float = attrs.field(default=0.25, validator=checked(POSITIVE))  # one <DTMF> key

    @property
    def beep_ms(self) -> int:
        return round(self.beep_seconds * 1000)

    @property
    def dtmf_digit_ms(self) -> int:
        return round(self.dtmf_digit_seconds * 1000)

    def once_ms(self, element: Element) -> int:
        """One pass of a Speak or Play, in ms."""
        if element.tag == "Speak":
            # its own text, and its SSML children's (a Speak of SSML alone has no text);
            # element boundaries separate words (Press<emphasis>one</emphasis>: two)
            if element.__dict__.get("children"):
                text = " ".join(element.to_element().itertext())
            else:  # (no text at all: no words, not the word "None")
                text = element.__dict__.get("content") or ""
            words = sum(1 for token in text.split() if _WORD.search(token))
            return round(max(self.speak_min_seconds, words / self.speak_words_per_second) * 1000)
        url = str(element.effective("content"))
        return round(self.play_seconds.get(url, self.play_default_seconds) * 1000)

    def ms(self, element: Element) -> int | None:
        """How long ``element`` (Speak, Play or Wait) runs, in ms; ``None``: forever."""
        if element.tag == "Wait":
            length: int = element.effective("length")
            return length * 1000
        loop: int = element.effective("loop")
        if loop == 0:
            return None
        return self.once_ms(element) * loop
