"""Validating the simulator's settings (ConferenceOptions, DurationModel, times)
with the same composable checks as the element classes.

``Seconds`` and ``Rate`` are the kinds of value the simulator adds (layer 1 has
no times); :func:`checked` turns any check into an attrs validator, and
:func:`admit` checks one value, each raising the package's
:class:`~plivoxml_plus.SimulationError` (a ValueError) naming the setting.

The clock counts integer milliseconds; ``MAX_MS`` is the last one it can hold
(the largest signed 64-bit integer, what any other implementation of the model
can store too). Every time, duration and rate given to the simulator is checked
against it here, so nothing downstream can overflow.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from .._errors import SimulationError
from ..elements._checks import Check, Choice, Integer, Pattern, Refused, shown  # (shown: re-exported for the core)

__all__ = [
    "AT_LEAST_ZERO",
    "AUDIO_RATES",
    "CONFIDENCE",
    "DIRECTION",
    "EPOCH_MS",
    "MAX_MS",
    "MAX_SECONDS",
    "PHONE_NUMBER",
    "POSITIVE",
    "RATE",
    "Fraction",
    "PhoneNumber",
    "Rate",
    "Seconds",
    "admit",
    "checked",
    "shown",
]

T = TypeVar("T")

MAX_MS = 2**63 - 1
# A1: the rates audio is mixed at (here, not in the audio package, so that a
# Simulation can check its sample_rate without NumPy)
AUDIO_RATES = (8000, 16000, 48000)
MAX_SECONDS = f"{MAX_MS // 1000}.{MAX_MS % 1000:03d}"  # as text: no float holds it exactly
_BOUND = f"at most {MAX_SECONDS} (the clock counts milliseconds in a signed 64-bit integer)"


class Seconds(Check[float]):
    """A finite number of seconds (int or float, never a bool) above a minimum
    and within the clock (``value * 1000`` rounds to at most ``MAX_MS``)."""

    __slots__ = ("allowed", "inclusive", "minimum")

    def __init__(self, minimum: float, *, inclusive: bool) -> None:
        self.minimum = minimum
        self.inclusive = inclusive
        self.allowed = f"a finite number of seconds {'>=' if inclusive else '>'} {minimum:g}, {_BOUND}"

    def clean(self, value: object) -> float:
        # (an int is finite however large: math.isfinite would overflow converting it)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise Refused(self.allowed)
        if isinstance(value, float) and not math.isfinite(value):
            raise Refused(self.allowed)
        if value < self.minimum or (value == self.minimum and not self.inclusive):
            raise Refused(self.allowed)
        # the same product to_ms rounds; float-int comparison is exact, and an
        # overflow to inf compares False
        if not value * 1000 <= MAX_MS:
            raise Refused(self.allowed)
        return value


AT_LEAST_ZERO = Seconds(0, inclusive=True)
POSITIVE = Seconds(0, inclusive=False)


class Rate(Check[float]):
    """A finite number of units per second (words, for Speak) > 0 whose one unit
    lasts a time the clock can hold: its reciprocal is a valid ``AT_LEAST_ZERO``."""

    __slots__ = ("allowed",)

    def __init__(self) -> None:
        self.allowed = f"a finite number > 0 whose reciprocal (seconds for one) is {_BOUND}"

    def clean(self, value: object) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise Refused(self.allowed)
        if (isinstance(value, float) and not math.isfinite(value)) or not value > 0:
            raise Refused(self.allowed)
        try:
            AT_LEAST_ZERO.clean(1 / value)  # a tiny rate gives inf, or a time past the clock
        except Refused:
            raise Refused(self.allowed) from None
        return value


RATE = Rate()


class Fraction(Check[float]):
    """A number from 0 to 1 (int or float, never a bool): a speech confidence."""

    __slots__ = ("allowed",)

    def __init__(self) -> None:
        self.allowed = "a number from 0 to 1"

    def clean(self, value: object) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise Refused(self.allowed)  # (nan compares False: refused)
        return float(value)


CONFIDENCE = Fraction()
# Simulation(epoch_ms=...): wall-clock ms of virtual time 0, held like any other time
EPOCH_MS = Integer(0, MAX_MS)

# C0 and C1 controls, line and paragraph separators, lone surrogates
_NOT_IN_A_NUMBER = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


class PhoneNumber(Check[str]):
    """A call's From or To: a phone number or SIP address, as text. The
    simulator does not parse it (Plivo sends what the carrier gives), but it
    goes on the wire as is, so it must be a line of text: not blank, at most 256
    characters, no control character."""

    __slots__ = ()
    allowed = (
        "a non-blank str of at most 256 characters without control characters "
        "(a phone number such as '14155550100', or a SIP address)"
    )

    def clean(self, value: object) -> str:
        if (
            isinstance(value, str)
            and 0 < len(value) <= 256
            and not value.isspace()
            and _NOT_IN_A_NUMBER.search(value) is None
        ):
            return value
        raise Refused(self.allowed)


PHONE_NUMBER = PhoneNumber()
# a Plivo account's auth id, as plivo-python's RestClient accepts it: a main account
# (MA...) or a subaccount (SA...), 20 characters; the served API's Basic auth user
AUTH_ID = Pattern(r"[MS]A[A-Z0-9]{18}", "MA or SA and 18 capital letters or digits (a Plivo auth id)", xml=False)
DIRECTION = Choice("inbound", "outbound")


def admit(check: Check[T], value: object, what: str) -> T:
    """``value`` cleaned by ``check``, or a SimulationError naming ``what``."""
    try:
        return check.clean(value)
    except Refused as why:
        raise SimulationError(f"{what} = {shown(value)} is not allowed; allowed: {why.args[0]}") from None


def checked(check: Check[Any]) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """An attrs validator refusing what ``check`` refuses, with the package's error."""

    def validate(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        admit(check, value, f"{type(instance).__name__}.{attribute.name}")

    return validate
