"""Loading an optional extra only when its feature is used, with an error that
says how to install it (NumPy for audio, lameenc for MP3)."""

from __future__ import annotations

import importlib
from types import ModuleType

from ._errors import MissingExtra

__all__ = ["require"]


def require(module: str, extra: str, feature: str) -> ModuleType:
    """``module``, imported; or MissingExtra naming the extra that provides it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtra(
            f"{feature} needs {module}, which is not installed: pip install 'plivoxml-plus[{extra}]'"
        ) from None
