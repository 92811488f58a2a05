"""plivoxml_plus: build, validate, parse and simulate Plivo conferencing XML.

Layer 1, the typed elements, is imported eagerly (it needs only lxml and attrs).
The schema tools and the simulator load on first use, so ``import plivoxml_plus``
stays light in a webhook handler.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._errors import (
    AudioError,
    MissingExtra,
    ParseError,
    PlivoXMLPlusError,
    ScenarioError,
    SimulationError,
    ValidationError,
)
from .elements import (
    DTMF,
    Conference,
    Dial,
    Element,
    GetDigits,
    GetInput,
    Hangup,
    Message,
    MultiPartyCall,
    Number,
    Play,
    PreAnswer,
    Record,
    Redirect,
    Response,
    Speak,
    Stream,
    User,
    Wait,
)

__version__ = "0.1.0"

# name -> module that defines it; loaded on first attribute access (PEP 562).
_LAZY: dict[str, str] = {
    "Problem": "plivoxml_plus.schema",
    "ValidationResult": "plivoxml_plus.schema",
    "parse": "plivoxml_plus.schema",
    "schema_path": "plivoxml_plus.schema",
    "validate": "plivoxml_plus.schema",
    "ConferenceOptions": "plivoxml_plus.core",
    "DurationModel": "plivoxml_plus.core",
    "HttpRequest": "plivoxml_plus.core",
    "MpcOptions": "plivoxml_plus.core",
    "Simulation": "plivoxml_plus.core",
    "StrictModeError": "plivoxml_plus.core",
    "load_scenario": "plivoxml_plus.core",
    "LintConfig": "plivoxml_plus.linter",
    "LintResult": "plivoxml_plus.linter",
    "lint": "plivoxml_plus.linter",
}

if TYPE_CHECKING:  # pragma: no cover
    from .core import (
        ConferenceOptions,
        DurationModel,
        HttpRequest,
        MpcOptions,
        Simulation,
        StrictModeError,
        load_scenario,
    )
    from .linter import LintConfig, LintResult, lint
    from .schema import Problem, ValidationResult, parse, schema_path, validate


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'plivoxml_plus' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    # the lazy names too, for tab completion in a REPL or an IDE
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "DTMF",
    "AudioError",
    "Conference",
    "ConferenceOptions",
    "Dial",
    "DurationModel",
    "Element",
    "GetDigits",
    "GetInput",
    "Hangup",
    "HttpRequest",
    "LintConfig",
    "LintResult",
    "Message",
    "MissingExtra",
    "MpcOptions",
    "MultiPartyCall",
    "Number",
    "ParseError",
    "Play",
    "PlivoXMLPlusError",
    "PreAnswer",
    "Problem",
    "Record",
    "Redirect",
    "Response",
    "ScenarioError",
    "Simulation",
    "SimulationError",
    "Speak",
    "Stream",
    "StrictModeError",
    "User",
    "ValidationError",
    "ValidationResult",
    "Wait",
    "lint",
    "load_scenario",
    "parse",
    "schema_path",
    "validate",
]
