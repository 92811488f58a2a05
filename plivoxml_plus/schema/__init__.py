"""Layer 2: the XSD contract, validation and safe parsing.

``schemas/plivoxml.xsd`` is the contract: any XSD 1.0 validator can use it, and
the element classes agree with it attribute by attribute (the tests prove it).

    >>> from plivoxml_plus.schema import validate, parse
    >>> validate('<Response><Conference maxMembers="50">room</Conference></Response>').problems[0].message
    '<Conference> attribute maxMembers="50": allowed: an integer from 1 to 20'
    >>> parse("<Response><Conference>room</Conference></Response>")
    Response(children=[Conference('room')])
"""

from typing import TYPE_CHECKING, Any

from ._location import Kind, schema_path
from ._read import MAX_BYTES, Source
from ._result import MAX_PROBLEMS, Problem, ValidationResult
from ._validate import validate

if TYPE_CHECKING:
    from ._parse import parse


def __getattr__(name: str) -> Any:
    # parse() loads on first use (PEP 562): it needs the element classes, which
    # validate() and plivoxml-plus validate never load
    if name != "parse":
        raise AttributeError(f"module 'plivoxml_plus.schema' has no attribute {name!r}")
    from ._parse import parse

    globals()["parse"] = parse
    return parse


__all__ = [
    "MAX_BYTES",
    "MAX_PROBLEMS",
    "Kind",
    "Problem",
    "Source",
    "ValidationResult",
    "parse",
    "schema_path",
    "validate",
]
