"""What validation returns: a :class:`ValidationResult` listing :class:`Problem` s."""

from __future__ import annotations

import attrs

from .._errors import ParseError
from ._location import Kind

__all__ = ["MAX_PROBLEMS", "Problem", "ValidationResult", "omitted_line", "problems_error"]

MAX_PROBLEMS = 100  # listed per document; the rest are counted in ``omitted``


@attrs.frozen
class Problem:
    """One thing wrong with a document, located and explained.

    ``line`` and ``column`` are 1-based (``None`` when the input has no position,
    such as a document over the size limit or a tree built in memory);
    ``element`` and ``attribute`` are the XML names involved, if any. ``count``
    is how many times the same problem occurs in the same element (text between
    a thousand children is one problem with ``count=1000``, located at the first).
    """

    line: int | None
    column: int | None
    element: str | None
    attribute: str | None
    message: str
    count: int = 1

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        if self.column is None:
            return f"{self.line}: {self.message}"
        return f"{self.line}:{self.column}: {self.message}"


@attrs.frozen
class ValidationResult:
    """The verdict on one document: true (``ok``) when it has no problems.

    ``problems`` lists the first :data:`MAX_PROBLEMS` problems in document order;
    ``omitted`` counts the ones left out.
    """

    kind: Kind
    problems: tuple[Problem, ...] = ()
    omitted: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def __bool__(self) -> bool:
        return not self.problems

    def __str__(self) -> str:
        if not self.problems:
            return f"valid {self.kind} document"
        listed = "\n".join(str(problem) for problem in self.problems)
        return listed + (f"\n{omitted_line(self.omitted)}" if self.omitted else "")

    def raise_for_problems(self) -> None:
        """Raise :class:`~plivoxml_plus.ParseError` (first problem's position, the
        listed problems in ``.problems``) if the document is not valid."""
        if self.problems:
            raise problems_error(self.problems, self.omitted)


def omitted_line(omitted: int) -> str:
    return f"... and {omitted} more problem{'s' if omitted > 1 else ''} (only the first {MAX_PROBLEMS} are listed)"


def problems_error(problems: tuple[Problem, ...], omitted: int = 0) -> ParseError:
    """The package's error for a document with ``problems`` (at least one) and
    ``omitted`` more that are not listed."""
    first = problems[0]
    more = len(problems) - 1 + omitted
    suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return ParseError(f"{first}{suffix}", line=first.line, column=first.column, problems=problems)
