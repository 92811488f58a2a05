"""plivoxml_plus: build, validate, parse and simulate Plivo conferencing XML.

Layer 1, the typed elements, is imported eagerly (it needs only lxml and attrs).
The schema tools and the simulator load on first use, so ``import plivoxml_plus``
stays light in a webhook handler.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._errors import ParseError, PlivoXMLPlusError, ScenarioError, SimulationError, ValidationError
from .elements import (
    Conference,
    Element,
    Hangup,
    MultiPartyCall,
    Play,
    Redirect,
    Response,
    Speak,
    Wait,
)

__version__ = "0.1.0"

# name -> module that defines it; loaded on first attribute access (PEP 562).
_LAZY: dict[str, str] = {}

if TYPE_CHECKING:  # pragma: no cover
    pass


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'plivoxml_plus' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value


__all__ = [
    "Conference",
    "Element",
    "Hangup",
    "MultiPartyCall",
    "ParseError",
    "Play",
    "PlivoXMLPlusError",
    "Redirect",
    "Response",
    "ScenarioError",
    "SimulationError",
    "Speak",
    "ValidationError",
    "Wait",
]
