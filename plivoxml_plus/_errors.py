"""The package's one exception hierarchy, rooted in :class:`PlivoXMLPlusError`."""

from __future__ import annotations

__all__ = [
    "AudioError",
    "MissingExtra",
    "ParseError",
    "PlivoXMLPlusError",
    "ScenarioError",
    "SimulationError",
    "ValidationError",
]


class PlivoXMLPlusError(Exception):
    """Base class of every error raised by plivoxml_plus."""


class ValidationError(PlivoXMLPlusError, ValueError):
    """A value, keyword or nesting that Plivo XML does not allow.

    Raised the moment the value is given (at construction or on a later change),
    so nothing invalid can ever be serialized. The message names the element, the
    attribute (Python and XML name), the value given and what is allowed; the
    same facts are kept as attributes for programs.
    """

    def __init__(
        self,
        message: str,
        *,
        element: str | None = None,
        attribute: str | None = None,
        xml_attribute: str | None = None,
        value: object = None,
        allowed: str | None = None,
    ) -> None:
        super().__init__(message)
        self.element = element
        self.attribute = attribute
        self.xml_attribute = xml_attribute
        self.value = value
        self.allowed = allowed


class ParseError(PlivoXMLPlusError, ValueError):
    """A document that cannot be read or is not valid Plivo XML.

    ``line`` and ``column`` locate the first problem (1-based, ``None`` when the
    input has no position, such as an empty document); ``problems`` lists every
    problem found, each a :class:`plivoxml_plus.Problem` (the first
    ``MAX_PROBLEMS``: ``omitted`` counts the rest).
    """

    def __init__(
        self,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        problems: tuple[object, ...] = (),
        omitted: int = 0,
    ) -> None:
        super().__init__(message)
        self.line = line
        self.column = column
        self.problems = problems
        self.omitted = omitted


class ScenarioError(PlivoXMLPlusError, ValueError):
    """A scenario file (or scenario built in Python) that cannot be run.

    ``path`` and ``line`` locate the problem when it comes from a file.
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        location = ""
        if path is not None:
            location = f"{path}:{line}: " if line is not None else f"{path}: "
        super().__init__(location + message)
        self.path = path
        self.line = line
        self.reason = message


class SimulationError(PlivoXMLPlusError, ValueError):
    """A request to the simulator that no real call could make (for example a
    call that is asked to act before it was answered or after it ended)."""


class AudioError(SimulationError):
    """Audio that cannot be used as given: a wrong sample rate, width or channel
    count, float or NaN samples, frames of the wrong length, a missing file."""


class MissingExtra(PlivoXMLPlusError, ImportError):
    """A feature needs an optional extra that is not installed; the message says
    which, and the ``pip install`` line that adds it."""
