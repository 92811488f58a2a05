"""How long each element takes on the virtual clock: the documented duration model.

* ``<Speak>``: ``words / speak_words_per_second`` seconds, at least
  ``speak_min_seconds``; times ``loop``.
* ``<Play>``: ``play_seconds[url]`` when given, else ``play_default_seconds``;
  times ``loop``.
* ``<Wait>``: ``length`` seconds (with ``silence="true"``, it ends earlier once
  the caller has been silent for ``minSilence`` ms: see the call model).
* ``loop="0"`` repeats forever: the element ends only when the call ends.

Durations are rounded to whole milliseconds.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

from ..elements import Element

__all__ = ["DurationModel"]


def _positive(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
        raise ValueError(f"DurationModel.{attribute.name} must be a number of seconds > 0, not {value!r}")


def _not_negative(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        raise ValueError(f"DurationModel.{attribute.name} must be a number of seconds >= 0, not {value!r}")


def _frozen_map(value: Mapping[str, float]) -> Mapping[str, float]:
    if not isinstance(value, Mapping):
        raise ValueError(f"DurationModel.play_seconds must map audio URLs to seconds, not {value!r}")
    for url, length in value.items():
        if (
            not isinstance(url, str)
            or isinstance(length, bool)
            or not isinstance(length, (int, float))
            or not math.isfinite(length)
            or length <= 0
        ):
            raise ValueError(f"DurationModel.play_seconds[{url!r}] must be a number of seconds > 0, not {length!r}")
    return MappingProxyType(dict(value))


@attrs.frozen(kw_only=True)
class DurationModel:
    """How long Speak, Play and Wait take (see the module docstring)."""

    speak_words_per_second: float = attrs.field(default=2.5, validator=_positive)  # 150 words a minute
    speak_min_seconds: float = attrs.field(default=1.0, validator=_not_negative)
    play_default_seconds: float = attrs.field(default=10.0, validator=_positive)
    play_seconds: Mapping[str, float] = attrs.field(factory=dict, converter=_frozen_map)

    def once_ms(self, element: Element) -> int:
        """One pass of a Speak or Play, in ms."""
        if element.tag == "Speak":
            words = len(str(element.effective("content")).split())
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
