"""What validation returns: a :class:`ValidationResult` listing :class:`Problem` s.

Both are plain frozen classes with ``__slots__`` rather than attrs classes: a run
of ``plivoxml-plus validate`` on a valid file creates none of them (it shares one
result per kind) yet would pay for importing attrs, about a sixth of its start-up
(README: Performance, The CLI). :class:`_Frozen` gives them what ``attrs.frozen`` gave: equality
and hashing by value, a repr of every field, pickling, and no assignment.
"""

from __future__ import annotations

from typing import Any, Literal, NoReturn

from .._errors import ParseError
from .._terminal import counted
from ._location import Kind

__all__ = ["MAX_PROBLEMS", "Problem", "Severity", "ValidationResult", "omitted_line", "problems_error"]

Severity = Literal["error", "warning"]

MAX_PROBLEMS = 100  # listed per document; the rest are counted in ``omitted``


class _Frozen:
    """Value semantics over the fields named in ``__match_args__`` (the
    constructor's order, as attrs set it), and no assignment after ``__init__``
    (which sets them with ``_set``)."""

    __slots__ = ()
    __match_args__: tuple[str, ...] = ()

    def _set(self, *values: object) -> None:
        for name, value in zip(self.__match_args__, values, strict=True):
            object.__setattr__(self, name, value)

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__match_args__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((self.__class__.__name__, *self._values()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__match_args__)
        return f"{self.__class__.__name__}({fields})"

    def __reduce__(self) -> tuple[type[_Frozen], tuple[Any, ...]]:
        return self.__class__, self._values()

    def __setattr__(self, name: str, value: object) -> NoReturn:
        _refuse()

    def __delattr__(self, name: str) -> NoReturn:
        _refuse()


def _refuse() -> NoReturn:
    # attrs' own error, as when these were attrs classes (loaded only by a mistake)
    import attrs

    raise attrs.exceptions.FrozenInstanceError()


class Problem(_Frozen):
    """One thing wrong with a document, located and explained.

    ``line`` and ``column`` are 1-based (``None`` when the input has no position,
    such as a document over the size limit or a tree built in memory);
    ``element`` and ``attribute`` are the XML names involved, if any. ``count``
    is how many times the same problem occurs in the same element (text between
    a thousand children is one problem with ``count=1000``, located at the first).
    ``severity`` is ``"error"`` (the platform would refuse the document or
    misbehave) or ``"warning"`` (the platform accepts it, but it is not written
    as Plivo documents it, e.g. ``True`` for ``true``, or an SDK's spelling of
    an attribute name: the message names the documented form and who writes the
    variant).
    """

    __match_args__ = ("line", "column", "element", "attribute", "message", "count", "severity")
    __slots__ = ("__weakref__", "attribute", "column", "count", "element", "line", "message", "severity")
    line: int | None
    column: int | None
    element: str | None
    attribute: str | None
    message: str
    count: int
    severity: Severity

    def __init__(  # noqa: PLR0917 (positional, as when it was an attrs class)
        self,
        line: int | None,
        column: int | None,
        element: str | None,
        attribute: str | None,
        message: str,
        count: int = 1,
        severity: Severity = "error",
    ) -> None:
        self._set(line, column, element, attribute, message, count, severity)

    def __str__(self) -> str:
        said = self.message if self.severity == "error" else f"{self.severity}: {self.message}"
        if self.line is None:
            return said
        if self.column is None:
            return f"{self.line}: {said}"
        return f"{self.line}:{self.column}: {said}"


class ValidationResult(_Frozen):
    """The verdict on one document: true (``ok``) when none of its problems is
    an error (warnings alone leave it ok).

    ``problems`` lists the first :data:`MAX_PROBLEMS` problems in document order;
    ``omitted`` counts the ones left out (their severity is counted in
    ``omitted_errors``).
    """

    __match_args__ = ("kind", "problems", "omitted", "omitted_errors")
    __slots__ = ("__weakref__", "kind", "omitted", "omitted_errors", "problems")
    kind: Kind
    problems: tuple[Problem, ...]
    omitted: int
    omitted_errors: int

    def __init__(
        self, kind: Kind, problems: tuple[Problem, ...] = (), omitted: int = 0, omitted_errors: int = 0
    ) -> None:
        self._set(kind, problems, omitted, omitted_errors)

    @property
    def ok(self) -> bool:
        """No problem is an error."""
        return self.omitted_errors == 0 and all(p.severity != "error" for p in self.problems)

    def __bool__(self) -> bool:
        return self.ok

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The listed problems that are errors."""
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """The listed problems that are warnings."""
        return tuple(p for p in self.problems if p.severity == "warning")

    def __str__(self) -> str:
        if not self.problems:
            return f"valid {self.kind} document"
        listed = "\n".join(str(problem) for problem in self.problems)
        return listed + (f"\n{omitted_line(self.omitted)}" if self.omitted else "")

    def raise_for_problems(self) -> None:
        """Raise :class:`~plivoxml_plus.ParseError` (first error's position, the
        listed problems in ``.problems``) if the document has an error; warnings
        alone raise nothing."""
        if not self.ok:
            raise problems_error(self.problems, self.omitted)


def omitted_line(omitted: int) -> str:
    return f"... and {counted(omitted, 'more problem', 'more problems')} (only the first {MAX_PROBLEMS} are listed)"


def problems_error(problems: tuple[Problem, ...], omitted: int = 0) -> ParseError:
    """The package's error for a document with ``problems`` (at least one) and
    ``omitted`` more that are not listed; it is located at the first error."""
    first = next((p for p in problems if p.severity == "error"), problems[0])
    more = len(problems) - 1 + omitted
    suffix = f" (and {counted(more, 'more problem', 'more problems')})" if more else ""
    return ParseError(f"{first}{suffix}", line=first.line, column=first.column, problems=problems, omitted=omitted)
