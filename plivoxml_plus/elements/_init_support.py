"""What the generated element constructors (_generated.py) call: the markers of an
argument not given, and ``admit`` turned into the package's error."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._checks import Refused

_REQUIRED: Any = type("_Required", (), {"__repr__": lambda self: "<required>"})()
_NOT_GIVEN: Any = type("_NotGiven", (), {"__repr__": lambda self: "<not given>"})()


def _admitted(cls: Any, name: str, admit: Callable[[object], tuple[Any, str]], value: object) -> Any:
    """``admit(value)`` for the generated constructors (one line of their source per
    attribute), or the package's error (``cls`` is the element class)."""
    try:
        return admit(value)
    except Refused as why:
        raise cls._refused(name, value, why) from None
