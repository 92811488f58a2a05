"""Call-flow coverage as a report: for every document a run executed, each
element's branches, taken or not, and the share covered (docs/simulation.md,
"Call-flow coverage").

The branches an element has come from what it says: a ``<GetDigits>`` with
``numDigits="1"`` and ``validDigits`` has one branch per valid key, else one for
any keys; no input;
an invalid key unless every key is valid; its retries running out when it has
more than one attempt. A ``<GetInput>`` has its input types and no input; a
``<Dial>`` each ``DialStatus`` (completed, busy, no-answer, failed); a
``<Record>`` each way it ends (silence, maxLength, the finishing key if it has
one, the caller hanging up); a room, its members hanging up and the room ending
(with hangupOnStar and timeLimit when written); a ``<Redirect>``, being followed.
Any other element has one branch: it ran. A branch taken outside these (a member
kicked out by the API) is listed, and counts for nothing.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from typing import Any

import attrs

from ...elements import ELEMENT_CLASSES, Element
from .._coverage import (
    DIGITS,
    FINISH_KEY,
    FOLLOWED,
    HANGUP,
    HANGUP_ON_STAR,
    HUNG_UP,
    INVALID_DIGITS,
    MAX_LENGTH,
    NO_INPUT,
    RETRIES_EXHAUSTED,
    ROOM_ENDED,
    RUN,
    SILENCE,
    TIME_LIMIT,
    CoverageRecorder,
    digits_branch,
)
from ..callflow._dial import DIAL_STATUSES
from ..callflow._gathering import NO_FINISH_KEY

__all__ = ["CoverageReport", "DocumentCoverage", "ElementCoverage", "expected_branches"]

# every key (validDigits' default: a GetDigits left with it has no invalid key)
_ALL_KEYS = frozenset(ELEMENT_CLASSES["GetDigits"].specs["valid_digits"].default)


def expected_branches(element: Element) -> tuple[str, ...]:
    """The branches ``element`` has (see the module's docstring)."""
    tag, effective = element.tag, element.effective
    if tag == "GetDigits":
        valid = str(effective("valid_digits"))
        narrowed = effective("num_digits") == 1 and "valid_digits" in element.explicit()
        digits = [digits_branch(key) for key in valid] if narrowed else [DIGITS]
        invalid = [INVALID_DIGITS] if set(valid) != _ALL_KEYS else []
        retries = [RETRIES_EXHAUSTED] if int(effective("retries")) > 1 else []
        return (*digits, NO_INPUT, *invalid, *retries)
    if tag == "GetInput":
        kinds = str(effective("input_type") or "").split()
        return (*(kind for kind in ("dtmf", "speech") if kind in kinds), NO_INPUT)
    if tag == "Dial":
        return DIAL_STATUSES
    if tag == "Record":
        key = str(effective("finish_on_key") or "")
        return (SILENCE, MAX_LENGTH, *([FINISH_KEY] if key not in NO_FINISH_KEY else []), HANGUP)
    if tag in ("Conference", "MultiPartyCall"):
        extra = []
        if tag == "Conference" and effective("hangup_on_star"):
            extra.append(HANGUP_ON_STAR)
        if tag == "Conference" and "time_limit" in element.explicit():
            extra.append(TIME_LIMIT)
        return (HUNG_UP, ROOM_ENDED, *extra)
    if tag == "Redirect":
        return (FOLLOWED,)
    return (RUN,)


def _covers(branch: str, taken: frozenset[str]) -> bool:
    if branch == DIGITS:  # (any keys at all)
        return any(outcome.startswith(digits_branch("")) for outcome in taken)
    return branch in taken


@attrs.frozen
class ElementCoverage:
    """One element of a document: its branches (name: taken), and what else happened there."""

    path: str
    tag: str
    branches: tuple[tuple[str, bool], ...]
    other: tuple[str, ...] = ()  # taken, not among its branches (the keys a "digits" branch saw...)
    reached: bool = True  # it ran at least once

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(name for name, taken in self.branches if not taken)


@attrs.frozen
class DocumentCoverage:
    """One document (its URL, or which call's inline answer), element by element."""

    document: str
    elements: tuple[ElementCoverage, ...]

    @property
    def total(self) -> int:
        return sum(len(element.branches) for element in self.elements)

    @property
    def covered(self) -> int:
        return sum(taken for element in self.elements for _, taken in element.branches)


def _percent(covered: int, total: int) -> str:
    return f"{100 * covered / total:.0f}%" if total else "100%"


@attrs.frozen
class CoverageReport:
    """The branches of every document the run (or runs, merged) executed."""

    documents: tuple[DocumentCoverage, ...] = ()

    @classmethod
    def of(cls, recorder: CoverageRecorder) -> CoverageReport:
        return cls._build(
            (source, path, element, frozenset(recorder.taken.get((source, path), ())))
            for source, elements in recorder.documents.items()
            for path, element in elements
        )

    @classmethod
    def _build(cls, rows: Iterable[tuple[str, str, Element, frozenset[str]]]) -> CoverageReport:
        documents: dict[str, list[ElementCoverage]] = {}
        for source, path, element, taken in rows:
            expected = expected_branches(element)
            branches = tuple((name, _covers(name, taken)) for name in expected)
            other = tuple(sorted(taken - set(expected) - {RUN}))
            documents.setdefault(source, []).append(ElementCoverage(path, element.tag, branches, other, RUN in taken))
        return cls(tuple(DocumentCoverage(source, tuple(elements)) for source, elements in sorted(documents.items())))

    def merge(self, other: CoverageReport) -> CoverageReport:
        """This report and ``other`` together (the same document in both: its branches taken in either)."""
        merged: dict[tuple[str, str], ElementCoverage] = {}
        for document in (*self.documents, *other.documents):
            for element in document.elements:
                key = (document.document, element.path)
                seen = merged.get(key)
                if seen is None or seen.tag != element.tag:
                    merged[key] = element
                    continue
                taken = {name for name, was in (*seen.branches, *element.branches) if was}
                branches = tuple((name, name in taken) for name, _ in seen.branches)
                also = tuple(sorted({*seen.other, *element.other}))
                merged[key] = ElementCoverage(
                    element.path, element.tag, branches, also, seen.reached or element.reached
                )
        documents: dict[str, list[ElementCoverage]] = {}
        for (source, _), element in merged.items():
            documents.setdefault(source, []).append(element)
        return CoverageReport(tuple(DocumentCoverage(s, tuple(e)) for s, e in sorted(documents.items())))

    @property
    def total(self) -> int:
        return sum(document.total for document in self.documents)

    @property
    def covered(self) -> int:
        return sum(document.covered for document in self.documents)

    def missing(self) -> list[tuple[str, str, str]]:
        """Every branch not taken: (document, element path, branch)."""
        return [
            (document.document, element.path, name)
            for document in self.documents
            for element in document.elements
            for name in element.missing
        ]

    def to_data(self) -> dict[str, Any]:
        return {
            "covered": self.covered,
            "branches": self.total,
            "documents": [
                {
                    "document": document.document,
                    "covered": document.covered,
                    "branches": document.total,
                    "elements": [
                        {
                            "element": element.path,
                            "reached": element.reached,
                            "branches": dict(element.branches),
                            **({"other": list(element.other)} if element.other else {}),
                        }
                        for element in document.elements
                    ],
                }
                for document in self.documents
            ],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_data(), indent=2, ensure_ascii=False)

    def to_html(self) -> str:
        """One self-contained HTML page (no script, no network fetch)."""
        return render_html(self)

    def render_text(self) -> str:
        """The report a person reads: a line per document, then its elements with a missing branch."""
        lines = [f"call-flow coverage: {self.covered} of {self.total} branches ({_percent(self.covered, self.total)})"]
        for document in self.documents:
            share = _percent(document.covered, document.total)
            lines.append(f"  {document.document}: {document.covered}/{document.total} ({share})")
            for element in document.elements:
                if not element.reached:
                    lines.append(f"    {element.path}: never run")
                elif element.missing:
                    taken = [name for name, was in element.branches if was]
                    said = f"missing {', '.join(element.missing)}"
                    if taken:
                        said += f"; taken {', '.join(taken)}"
                    lines.append(f"    {element.path}: {said}")
        return "\n".join(lines)


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Call-flow coverage</title>
<style>
body {{ font: 14px system-ui, sans-serif; margin: 1.5em; color: #222; }}
h1 {{ font-size: 1.3em; }} h2 {{ font-size: 1.05em; margin-top: 1.6em; word-break: break-all; }}
table {{ border-collapse: collapse; }} td, th {{ padding: 3px 10px; border-bottom: 1px solid #ddd; text-align: left; }}
.taken {{ color: #1b7f3b; }} .missing {{ color: #b3261e; font-weight: 600; }} .never {{ color: #888; }}
.bar {{ display: inline-block; height: 8px; background: #1b7f3b; vertical-align: middle; }}
.rest {{ display: inline-block; height: 8px; background: #e7b9b5; vertical-align: middle; }}
</style></head><body>
<h1>Call-flow coverage: {covered} of {total} branches ({percent})</h1>
{documents}
</body></html>
"""


def _bar(covered: int, total: int) -> str:
    width = 200 * covered // total if total else 200
    return f'<span class="bar" style="width:{width}px"></span><span class="rest" style="width:{200 - width}px"></span>'


def render_html(report: CoverageReport) -> str:
    """``report`` as one self-contained page (no script, no network): a table per document."""
    parts = []
    for document in report.documents:
        rows = []
        for element in document.elements:
            if not element.reached:
                cells = '<span class="never">never run</span>'
            else:
                cells = " ".join(
                    f'<span class="{"taken" if taken else "missing"}">{"&#10003;" if taken else "&#10007;"} '
                    f"{html.escape(name)}</span>"
                    for name, taken in element.branches
                )
                if element.other:
                    cells += " <small>also: " + html.escape(", ".join(element.other)) + "</small>"
            rows.append(f"<tr><td><code>{html.escape(element.path)}</code></td><td>{cells}</td></tr>")
        share = _percent(document.covered, document.total)
        parts.append(
            f"<h2>{html.escape(document.document)} &mdash; {document.covered}/{document.total} ({share}) "
            f"{_bar(document.covered, document.total)}</h2>\n<table>{''.join(rows)}</table>"
        )
    return _PAGE.format(
        covered=report.covered,
        total=report.total,
        percent=_percent(report.covered, report.total),
        documents="\n".join(parts),
    )
