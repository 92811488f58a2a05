"""``lint()``: read the documents, run the rules, locate what they find."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..schema._read import MAX_BYTES
from ..schema._result import omitted_line
from ._config import LintConfig
from ._documents import Document, read_document
from ._findings import Finding, LintResult, Severity
from ._rulebook import rules
from ._rules import Hit, LintContext, Routes

__all__ = ["INVALID", "lint", "lint_documents"]

INVALID = "PXL000"  # a document that is not valid Plivo XML (what `validate` says), or no document at all


def lint(
    sources: Iterable[str | os.PathLike[str]] | Mapping[str, str | bytes],
    *,
    config: LintConfig | None = None,
    max_bytes: int = MAX_BYTES,
) -> LintResult:
    """Lint documents together: files (each a path to an XML file), or a mapping of
    names to documents' texts.

    The rules that look across documents (rooms, sound documents, URLs) take the
    whole set as one app. Folders are not walked here (the command line does that).
    """
    if isinstance(sources, Mapping):
        documents = [read_document(name, text, max_bytes=max_bytes) for name, text in sources.items()]
    else:
        documents = [read_document(os.fspath(path), Path(path), max_bytes=max_bytes) for path in sources]
    return lint_documents(documents, config or LintConfig())


def _invalid(document: Document) -> list[Finding]:
    found = [
        Finding(
            INVALID,
            "error",
            problem.message,
            document.path,
            problem.line,
            problem.column,
            problem.element,
            problem.attribute,
        )
        for problem in document.problems
        if problem.severity == "error"
    ]
    if document.omitted:
        found.append(Finding(INVALID, "error", omitted_line(document.omitted), document.path))
    return found


def lint_documents(documents: list[Document], config: LintConfig, routes: Routes | None = None) -> LintResult:
    """The findings on documents already read (``routes``: what the app answers, for PXL012)."""
    valid = tuple(document for document in documents if document.root is not None)
    by_name: dict[str, list[Document]] = defaultdict(list)
    for document in valid:
        by_name[document.name].append(document)
    context = LintContext(valid, config, {name: tuple(found) for name, found in by_name.items()}, routes)
    found: dict[str, list[tuple[tuple[int, int], Finding]]] = defaultdict(list)
    for document in documents:
        if document.root is None:
            found[document.path] += [((0, n), finding) for n, finding in enumerate(_invalid(document))]
    for rule in rules().values():
        if not config.runs(rule.id, rule.default):
            continue
        for hit in rule.check(context):
            if hit.document.silenced(rule.id, hit.node):
                continue
            found[hit.document.path].append(_locate(rule.id, rule.severity, hit))
    order = {document.path: n for n, document in enumerate(documents)}
    findings = tuple(
        finding
        for path in sorted(found, key=lambda path: order.get(path, len(order)))
        for _, finding in sorted(found[path], key=lambda item: item[0])
    )
    return LintResult(findings, tuple(document.path for document in documents))


def _locate(rule_id: str, severity: Severity, hit: Hit) -> tuple[tuple[int, int], Finding]:
    line, column = hit.document.position(hit.node, hit.attribute)
    finding = Finding(
        rule_id,
        severity,
        hit.message,
        hit.document.path,
        line,
        column,
        str(hit.node.tag),
        hit.attribute,
    )
    return (line or 0, column or 0), finding
