"""The linter's output formats: text, JSON, SARIF 2.1.0 and GitHub Actions annotations."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import PurePath
from typing import Any

from .._terminal import counted
from ._findings import LintResult
from ._rules import Rule

__all__ = ["FORMATS", "render"]

FORMATS = ("text", "json", "sarif", "github")
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
TOOL_URI = "https://plivoxml-plus.github.io/plivoxml-plus/"


def summary(result: LintResult) -> str:
    """One line: how many findings in how many documents."""
    files = len({finding.path for finding in result.findings})
    if result.ok:
        return f"{counted(len(result.paths), 'document')} linted: no findings"
    found = f"{counted(len(result.findings), 'finding')} in {counted(files, 'file')}"
    return f"{counted(len(result.paths), 'document')} linted: {found}"


def _text(result: LintResult) -> str:
    return "\n".join([*(str(finding) for finding in result.findings), summary(result)])


def _json(result: LintResult) -> str:
    findings = [
        {
            "rule": f.rule,
            "severity": f.severity,
            "message": f.message,
            "path": f.path,
            "line": f.line,
            "column": f.column,
            "element": f.element,
            "attribute": f.attribute,
        }
        for f in result.findings
    ]
    return json.dumps({"findings": findings, "documents": list(result.paths), "ok": result.ok}, indent=2)


def _uri(path: str) -> str:
    """A path as SARIF wants it: a relative URI reference with forward slashes."""
    pure = PurePath(path)
    text = pure.as_posix()
    return pure.as_uri() if pure.is_absolute() else text.removeprefix("./")


def _sarif(result: LintResult, rules: Mapping[str, Rule], version: str) -> str:
    ids = sorted({finding.rule for finding in result.findings} | set(rules))
    descriptors = []
    for rule_id in ids:
        rule = rules.get(rule_id)
        if rule is None:  # PXL000: validation
            descriptors.append(
                {
                    "id": rule_id,
                    "name": "invalid-document",
                    "shortDescription": {"text": "the document is not valid Plivo XML, or cannot be read"},
                    "helpUri": f"{TOOL_URI}lint/#pxl000-invalid-document",
                    "defaultConfiguration": {"level": "error"},
                }
            )
            continue
        descriptors.append(
            {
                "id": rule.id,
                "name": rule.name,
                "shortDescription": {"text": rule.summary},
                "helpUri": rule.help_uri,
                "defaultConfiguration": {"level": rule.severity, "enabled": rule.default},
            }
        )
    index = {descriptor["id"]: n for n, descriptor in enumerate(descriptors)}
    results = []
    for finding in result.findings:
        region: dict[str, int] = {}
        if finding.line is not None:
            region["startLine"] = finding.line
            if finding.column is not None:
                region["startColumn"] = finding.column
        location: dict[str, Any] = {"artifactLocation": {"uri": _uri(finding.path)}}
        if region:
            location["region"] = region
        results.append(
            {
                "ruleId": finding.rule,
                "ruleIndex": index[finding.rule],
                "level": finding.severity,
                "message": {"text": finding.message},
                "locations": [{"physicalLocation": location}],
            }
        )
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "plivoxml-plus",
                        "version": version,
                        "informationUri": TOOL_URI,
                        "rules": descriptors,
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _github(result: LintResult, rules: Mapping[str, Rule]) -> str:
    """GitHub Actions workflow commands: each finding becomes an annotation on its line."""
    lines = []
    for finding in result.findings:
        command = {"error": "error", "warning": "warning", "note": "notice"}[finding.severity]
        rule = rules.get(finding.rule)
        title = f"{finding.rule} {rule.name if rule else 'invalid-document'}"
        props = [f"file={_escape_property(finding.path)}"]
        if finding.line is not None:
            props.append(f"line={finding.line}")
            if finding.column is not None:
                props.append(f"col={finding.column}")
        props.append(f"title={_escape_property(title)}")
        lines.append(f"::{command} {','.join(props)}::{_escape_data(finding.message)}")
    lines.append(summary(result))
    return "\n".join(lines)


def render(result: LintResult, form: str, rules: Mapping[str, Rule], *, version: str) -> str:
    """``result`` written in the format ``form`` (one of :data:`FORMATS`)."""
    if form == "text":
        return _text(result)
    if form == "json":
        return _json(result)
    if form == "sarif":
        return _sarif(result, rules, version)
    if form == "github":
        return _github(result, rules)
    raise ValueError(f"format {form!r}: allowed: {', '.join(FORMATS)}")
