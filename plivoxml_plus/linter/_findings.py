"""What the linter reports: a :class:`Finding` per place, and the :class:`LintResult` of a run."""

from __future__ import annotations

from typing import Literal

import attrs

__all__ = ["Finding", "LintResult", "Severity"]

# SARIF's levels, so the three output formats say the same thing
Severity = Literal["error", "warning", "note"]


@attrs.frozen
class Finding:
    """One rule broken at one place.

    ``rule`` is the rule's id (``"PXL001"``; ``"PXL000"`` is a document that is
    not valid Plivo XML, or a path that names no readable document);
    ``line`` and ``column`` are 1-based, None where the input has no position;
    ``element`` and ``attribute`` are the XML names involved, if any.
    """

    rule: str
    severity: Severity
    message: str
    path: str
    line: int | None = None
    column: int | None = None
    element: str | None = None
    attribute: str | None = None

    def __str__(self) -> str:
        """``PATH:LINE:COL: ID message``, the form compilers use (editors and CI annotate the line)."""
        where = self.path
        if self.line is not None:
            where += f":{self.line}" + (f":{self.column}" if self.column is not None else "")
        return f"{where}: {self.rule} {self.message}"


@attrs.frozen
class LintResult:
    """A lint run's findings, in path then document order, and the documents it read.

    True (``ok``) when nothing was reported.
    """

    findings: tuple[Finding, ...] = ()
    paths: tuple[str, ...] = ()  # every document linted, in the order read

    @property
    def ok(self) -> bool:
        """Nothing was reported."""
        return not self.findings

    def __bool__(self) -> bool:
        return self.ok

    def rules(self) -> frozenset[str]:
        """The ids of the rules that reported something."""
        return frozenset(finding.rule for finding in self.findings)

    def __str__(self) -> str:
        return "\n".join(str(finding) for finding in self.findings) or "no findings"
