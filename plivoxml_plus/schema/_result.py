"""What validation returns: a :class:`ValidationResult` listing :class:`Problem` s."""

from __future__ import annotations

from typing import Literal

import attrs

from .._errors import ParseError
from .._terminal import counted
from ._location import Kind

__all__ = ["MAX_PROBLEMS", "Problem", "Severity", "ValidationResult", "omitted_line", "problems_error"]

Severity = Literal["error", "warning"]

MAX_PROBLEMS = 100  # listed per document; the rest are counted in ``omitted``


@attrs.frozen
class Problem:
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

    line: int | None
    column: int | None
    element: str | None
    attribute: str | None
    message: str
    count: int = 1
    severity: Severity = "error"

    def __str__(self) -> str:
        said = self.message if self.severity == "error" else f"{self.severity}: {self.message}"
        if self.line is None:
            return said
        if self.column is None:
            return f"{self.line}: {said}"
        return f"{self.line}:{self.column}: {said}"


@attrs.frozen
class ValidationResult:
    """The verdict on one document: true (``ok``) when none of its problems is
    an error (warnings alone leave it ok).

    ``problems`` lists the first :data:`MAX_PROBLEMS` problems in document order;
    ``omitted`` counts the ones left out (their severity is counted in
    ``omitted_errors``).
    """

    kind: Kind
    problems: tuple[Problem, ...] = ()
    omitted: int = 0
    omitted_errors: int = 0

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
