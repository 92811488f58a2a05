"""The ``validate`` and ``schema`` subcommands of ``plivoxml-plus``.

``validate`` prints one line per problem, ``PATH:LINE:COL: message`` (the form
compilers use, so editors and CI annotate the line), then a summary line; exit
status 0 when every document is valid, 1 when any is invalid, 2 for a usage
error or a path that cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

import attrs

from .._errors import ParseError
from ._location import KINDS, Kind, schema_path
from ._read import MAX_BYTES
from ._result import Problem, ValidationResult
from ._validate import validate

__all__ = ["register"]

STDIN = "-"
_STDIN_NAME = "<stdin>"


def register(commands: Any) -> None:
    """Add ``validate`` and ``schema`` to the ``plivoxml-plus`` subcommands."""
    check = commands.add_parser(
        "validate",
        help="check Plivo XML documents against the XSD",
        description=(
            "Check Plivo XML documents against the XSD. Prints PATH:LINE:COL: message for each problem, "
            "then a summary. Exit status: 0 all valid, 1 any invalid, 2 usage error or unreadable path."
        ),
    )
    check.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="an XML file, a folder (every *.xml file under it), or - for standard input",
    )
    check.add_argument(
        "--kind",
        choices=KINDS,
        default="answer",
        help="answer: what a call's answer URL returns (default); "
        "sound: what waitSound, enter/exitSound, wait-music and hold-music URLs return (Play, Speak, Wait only)",
    )
    check.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (default) or json, for programs"
    )
    check.add_argument(
        "--max-bytes",
        type=_positive_int,
        default=MAX_BYTES,
        metavar="N",
        help=f"refuse documents larger than N bytes (default {MAX_BYTES})",
    )
    check.set_defaults(run=run_validate)

    show = commands.add_parser(
        "schema",
        help="print the XSD, for other toolchains",
        description="Print the XSD that defines valid Plivo XML (or, with --path, where the file is).",
    )
    show.add_argument(
        "--kind",
        choices=KINDS,
        default="answer",
        help="answer: plivoxml.xsd (default); sound: plivoxml-sound.xsd (it needs plivoxml.xsd next to it)",
    )
    show.add_argument("--path", action="store_true", help="print the file's path instead of its text")
    show.set_defaults(run=run_schema)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive integer")
    return value


def _write(stream: TextIO, line: str) -> None:
    # a document's text may hold characters the terminal's encoding cannot show
    encoding = getattr(stream, "encoding", None) or "utf-8"
    stream.write(line.encode(encoding, "backslashreplace").decode(encoding) + "\n")


@attrs.frozen
class _Outcome:
    path: str
    result: ValidationResult | None = None
    error: str | None = None


def _targets(paths: list[str]) -> tuple[list[str], list[_Outcome]]:
    """The documents named on the command line, and the names that name none."""
    targets: list[str] = []
    errors: list[_Outcome] = []
    for name in paths:
        path = Path(name)
        if name == STDIN:
            if STDIN in targets:
                errors.append(_Outcome(_STDIN_NAME, error="standard input (-) can be read once only"))
            else:
                targets.append(STDIN)
        elif path.is_dir():
            found = sorted(str(file) for file in path.rglob("*.xml") if file.is_file())
            if found:
                targets.extend(found)
            else:
                errors.append(_Outcome(name, error="a folder with no *.xml files"))
        else:
            targets.append(name)  # (validate() says so if it cannot be read)
    return targets, errors


def _check(name: str, kind: Kind, max_bytes: int) -> _Outcome:
    if name == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)  # (one byte more than allowed: enough to refuse)
        return _Outcome(_STDIN_NAME, validate(data, kind=kind, max_bytes=max_bytes))
    try:
        return _Outcome(name, validate(Path(name), kind=kind, max_bytes=max_bytes))
    except ParseError as error:
        cause = error.__cause__
        reason = cause.strerror if isinstance(cause, OSError) and cause.strerror else str(error)
        return _Outcome(name, error=f"cannot read: {reason}")


def _problem_line(path: str, problem: Problem) -> str:
    return f"{path}:{problem}" if problem.line is not None else f"{path}: {problem}"


def run_validate(args: argparse.Namespace) -> int:
    targets, outcomes = _targets(args.paths)
    outcomes += [_check(name, args.kind, args.max_bytes) for name in targets]
    checked = [o for o in outcomes if o.result is not None]
    invalid = [o for o in checked if not o.result]
    unreadable = [o for o in outcomes if o.error is not None]
    problems = sum(len(o.result.problems) for o in checked if o.result is not None)

    if args.format == "json":
        files = [
            {"path": o.path, "error": o.error}
            if o.result is None
            else {"path": o.path, "valid": o.result.ok, "problems": [attrs.asdict(p) for p in o.result.problems]}
            for o in outcomes
        ]
        summary = {
            "files": len(outcomes),
            "valid": len(checked) - len(invalid),
            "invalid": len(invalid),
            "unreadable": len(unreadable),
            "problems": problems,
        }
        _write(sys.stdout, json.dumps({"kind": args.kind, "files": files, "summary": summary}, indent=2))
    else:
        for outcome in outcomes:
            if outcome.error is not None:
                _write(sys.stderr, f"{outcome.path}: error: {outcome.error}")
            elif outcome.result is not None:
                for problem in outcome.result.problems:
                    _write(sys.stdout, _problem_line(outcome.path, problem))
        summary_line = (
            f"{len(checked)} {args.kind} document{'s' if len(checked) != 1 else ''} checked: "
            f"{len(checked) - len(invalid)} valid, {len(invalid)} invalid"
            + (f" ({problems} problem{'s' if problems != 1 else ''})" if problems else "")
            + (f"; {len(unreadable)} path{'s' if len(unreadable) != 1 else ''} unreadable" if unreadable else "")
        )
        _write(sys.stdout, summary_line)
    if unreadable:
        return 2
    return 1 if invalid else 0


def run_schema(args: argparse.Namespace) -> int:
    path = schema_path(args.kind)
    if args.path:
        _write(sys.stdout, str(path))
    else:
        sys.stdout.write(path.read_text(encoding="utf-8"))
    return 0
