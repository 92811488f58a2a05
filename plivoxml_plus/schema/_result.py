"""What validation returns: a :class:`ValidationResult` listing :class:`Problem` s."""

from __future__ import annotations

import attrs

from .._errors import ParseError
from ._location import Kind

__all__ = ["Problem", "ValidationResult"]


@attrs.frozen
class Problem:
    """One thing wrong with a document, located and explained.

    ``line`` and ``column`` are 1-based (``None`` when the input has no position,
    such as a document over the size limit or a tree built in memory);
    ``element`` and ``attribute`` are the XML names involved, if any.
    """

    line: int | None
    column: int | None
    element: str | None
    attribute: str | None
    message: str

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        if self.column is None:
            return f"{self.line}: {self.message}"
        return f"{self.line}:{self.column}: {self.message}"


@attrs.frozen
class ValidationResult:
    """The verdict on one document: true (``ok``) when it has no problems."""

    kind: Kind
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    def __bool__(self) -> bool:
        return not self.problems

    def __str__(self) -> str:
        if not self.problems:
            return f"valid {self.kind} document"
        return "\n".join(str(problem) for problem in self.problems)

    def raise_for_problems(self) -> None:
        """Raise :class:`~plivoxml_plus.ParseError` (first problem's position, all
        problems in ``.problems``) if the document is not valid."""
        if self.problems:
            raise problems_error(self.problems)


def problems_error(problems: tuple[Problem, ...]) -> ParseError:
    """The package's error for a document with ``problems`` (at least one)."""
    first = problems[0]
    more = len(problems) - 1
    suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return ParseError(f"{first}{suffix}", line=first.line, column=first.column, problems=problems)
