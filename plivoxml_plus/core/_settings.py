"""Validating the simulator's settings (ConferenceOptions, DurationModel, times)
with the same composable checks as the element classes.

``Seconds`` is the one kind of value the simulator adds (layer 1 has no times);
:func:`checked` turns any check into an attrs validator that raises the package's
:class:`~plivoxml_plus.SimulationError` (a ValueError) naming the setting.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import attrs

from .._errors import SimulationError
from ..elements._checks import Check, Refused

__all__ = ["AT_LEAST_ZERO", "POSITIVE", "Seconds", "checked"]


class Seconds(Check[float]):
    """A finite number of seconds (int or float, never a bool) above a minimum."""

    __slots__ = ("allowed", "inclusive", "minimum")

    def __init__(self, minimum: float, *, inclusive: bool) -> None:
        self.minimum = minimum
        self.inclusive = inclusive
        self.allowed = f"a finite number of seconds {'>=' if inclusive else '>'} {minimum:g}"

    def clean(self, value: object) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise Refused(self.allowed)
        if value < self.minimum or (value == self.minimum and not self.inclusive):
            raise Refused(self.allowed)
        return value


AT_LEAST_ZERO = Seconds(0, inclusive=True)
POSITIVE = Seconds(0, inclusive=False)


def checked(check: Check[Any]) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """An attrs validator refusing what ``check`` refuses, with the package's error."""

    def validate(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        try:
            check.clean(value)
        except Refused as why:
            raise SimulationError(
                f"{type(instance).__name__}.{attribute.name} = {value!r} is not allowed; allowed: {why.args[0]}"
            ) from None

    return validate
