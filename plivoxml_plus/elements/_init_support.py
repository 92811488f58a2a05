"""The markers the generated element constructors (_generated.py) use for an
argument not given."""

from __future__ import annotations

from typing import Any

_REQUIRED: Any = type("_Required", (), {"__repr__": lambda self: "<required>"})()
_NOT_GIVEN: Any = type("_NotGiven", (), {"__repr__": lambda self: "<not given>"})()
