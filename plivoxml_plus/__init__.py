"""plivoxml_plus: build, validate, parse and simulate Plivo call-control XML.

Every layer loads on first use of one of its names (PEP 562): the typed elements
(layer 1) when a handler first builds one, the schema tools and the simulator
likewise. So ``import plivoxml_plus`` stays light in a webhook handler, and
``plivoxml-plus validate`` never loads the element classes (tests/test_import.py).
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
from ._version import __version__ as __version__

# name -> module that defines it; loaded on first attribute access (PEP 562).
_ELEMENTS = (
    "DTMF", "Conference", "Dial", "Element", "GetDigits", "GetInput", "Hangup", "Message", "MultiPartyCall",
    "Number", "Play", "PreAnswer", "Record", "Redirect", "Response", "Speak", "Stream", "User", "Wait",
)  # fmt: skip
_LAZY: dict[str, str] = {
    **dict.fromkeys(_ELEMENTS, "plivoxml_plus.elements"),
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
