"""The ``validate`` and ``schema`` subcommands of ``plivoxml-plus``.

``validate`` prints one line per problem, ``PATH:LINE:COL: message`` (the form
compilers use, so editors and CI annotate the line; a warning reads
``PATH:LINE:COL: warning: message``), and one ``PATH: error: ...``
line on standard error for each path that names no readable document, then a
summary line. Exit status (see ``plivoxml_plus.cli`` for the codes every
subcommand shares):

* 0: every document was read and is valid (warnings alone leave it valid,
  unless ``--strict``);
* 1: a document is invalid (or, with ``--strict``, has a warning), or a path cannot be read: a missing or unreadable
  file, a folder (or a folder inside it) that cannot be listed, a named pipe or
  device, closed standard input, a folder with no ``*.xml`` file. Nothing found
  on the way is skipped silently, so a CI job never passes on files it did not
  check;
* 2: a usage error (a bad option value, standard input named twice).

Folders are walked with ``os.scandir`` rather than ``Path.rglob``, which drops
folders it cannot list without a word. Links to folders are not followed (a
link cycle cannot make the walk endless); a link named ``*.xml`` is read as the
file it points to, or reported when it points nowhere.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, TextIO

from .._errors import ParseError, PlivoXMLPlusError
from .._files import FileRefused
from .._links import docs_url
from .._terminal import counted, printable
from ._location import _FOLDERS as SCHEMA_FOLDERS
from ._location import KINDS, SOUND_URLS, Kind, schema_file
from ._read import MAX_BYTES
from ._result import Problem, ValidationResult, omitted_line
from ._validate import compiled, validate

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence

__all__ = ["read_validate_arguments", "register"]

STDIN = "-"
SCENARIO = "scenario"  # schema --kind: the scenario files' JSON Schema, not an XSD
SCENARIO_SCHEMA = "scenario.schema.json"
_STDIN_NAME = "<stdin>"

# The largest --max-bytes accepted: 1 GiB. A webhook answer is a few hundred
# bytes; the bound keeps the value within what a read call takes (an integer
# beyond 64 bits overflowed it) and the memory a run may ask for sane.
MAX_BYTES_LIMIT = 1 << 30
FORMATS = ("text", "json")
# validate's options' defaults, for argparse and the plain reader alike
_DEFAULTS: dict[str, object] = {"kind": "answer", "format": "text", "strict": False, "max_bytes": MAX_BYTES, "jobs": 1}

EXIT_CODES = (
    "Exit status: 0 every document valid (warnings alone pass, unless --strict); "
    "1 a document invalid (with --strict: or warned about) or a path unreadable "
    "(a missing or unreadable file or folder, a named pipe or device, closed standard input, "
    "a folder with no *.xml file); 2 a usage error."
)


def register(commands: Any) -> None:
    """Add ``validate`` and ``schema`` to the ``plivoxml-plus`` subcommands."""
    from ._jobs import MIN_SHARE  # (for the help: a plain run loads nothing for --jobs)

    check = commands.add_parser(
        "validate",
        help="check Plivo XML documents against the XSD",
        description=(
            "Check Plivo XML documents against the XSD. Prints PATH:LINE:COL: message for each problem, "
            "PATH: error: message (on standard error) for each path that cannot be read, then a summary. "
            f"{EXIT_CODES} Guide: {docs_url('validation')}; in CI: {docs_url('ci')}"
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
        default=_DEFAULTS["kind"],
        help="answer: what a call's answer URL returns (default); "
        f"sound: what {SOUND_URLS} return (Play, Speak, Wait only)",
    )
    check.add_argument(
        "--format", choices=FORMATS, default=_DEFAULTS["format"], help="text (default) or json, for programs"
    )
    check.add_argument(
        "--strict",
        action="store_true",
        help="warnings fail too (exit 1): documents must be written exactly as Plivo documents them, "
        "without the SDK spellings (True for true, relayDtmfInputs...) that the platform accepts",
    )
    check.add_argument(
        "--max-bytes",
        type=_positive_int,
        default=_DEFAULTS["max_bytes"],
        metavar="N",
        help=f"refuse documents larger than N bytes (default {MAX_BYTES}; at most {MAX_BYTES_LIMIT})",
    )
    check.add_argument(
        "-j",
        "--jobs",
        type=_jobs_count,
        default=_DEFAULTS["jobs"],
        metavar="N",
        help="check the documents in N processes at once (0: one per CPU; default 1), with the same output "
        f"and exit status; at most one process per {MIN_SHARE} documents (fewer are checked in less time "
        "than a process takes to start)",
    )
    check.set_defaults(run=run_validate)

    show = commands.add_parser(
        "schema",
        help="print the XSD, for other toolchains (or the scenario files' JSON Schema)",
        description=(
            "Print the XSD that defines valid Plivo XML, every element and attribute, or with --kind scenario "
            "the JSON Schema of simulate's scenario files, for editors (or, with --path, where the file is). "
            f"Element reference: {docs_url('reference/elements')}"
        ),
    )
    show.add_argument(
        "--kind",
        choices=(*KINDS, SCENARIO),
        default="answer",
        help="answer: plivoxml.xsd (default); sound: plivoxml-sound.xsd (it needs plivoxml.xsd next to it); "
        f"scenario: {SCENARIO_SCHEMA}, the JSON Schema of scenario files (Taplo / Even Better TOML)",
    )
    show.add_argument("--path", action="store_true", help="print the file's path instead of its text")
    show.set_defaults(run=run_schema)


def _integer(text: str, lowest: int, highest: int | None = None) -> int | None:
    """The integer ``text`` gives, from ``lowest`` to ``highest``, or None."""
    try:
        value = int(text)
    except ValueError:  # (also a string of more digits than int() converts)
        return None
    return value if lowest <= value and (highest is None or value <= highest) else None


def _max_bytes(text: str) -> int | None:
    """--max-bytes' value, or None when ``text`` is not an integer from 1 to MAX_BYTES_LIMIT."""
    return _integer(text, 1, MAX_BYTES_LIMIT)


def _jobs(text: str) -> int | None:
    """--jobs' value, or None when ``text`` is not an integer of 0 or more."""
    return _integer(text, 0)


def _argument(read: Callable[[str], int | None], allowed: str) -> Callable[[str], int]:
    """An argparse type: what ``read`` gives, or argparse's usage error saying what is ``allowed``."""

    def convert(text: str) -> int:
        import argparse  # (loaded already: argparse is what calls this)

        value = read(text)
        if value is None:
            raise argparse.ArgumentTypeError(f"{text!r} is not {allowed}")
        return value

    return convert


_positive_int = _argument(_max_bytes, f"an integer from 1 to {MAX_BYTES_LIMIT}")
_jobs_count = _argument(_jobs, "a number of processes (an integer, 0 for one per CPU)")


# validate's options that take a value: the value a text gives, None if it is not allowed
_VALUED: dict[str, tuple[str, Any]] = {
    "--kind": ("kind", lambda text: text if text in KINDS else None),
    "--format": ("format", lambda text: text if text in FORMATS else None),
    "--max-bytes": ("max_bytes", _max_bytes),
    "--jobs": ("jobs", _jobs),
}
_SHORT = {"-j": "--jobs"}  # (a short option's value is the next argument: "-j=2" is argparse's, an error)


def read_validate_arguments(arguments: list[str]) -> SimpleNamespace | None:
    """What argparse reads from ``plivoxml-plus validate ARGUMENTS`` when they are
    plain: one run of paths (``-`` among them), options by their whole names
    (``--kind sound``, ``--kind=sound``, ``--strict``, ``-j 2``) with allowed values; None for
    anything else (help, an abbreviation, ``--``, a bad value, paths after an
    option that follows paths), which argparse reads, with its help and messages.
    (tests/test_cli_argv.py checks that argparse reads the same from each.)"""
    options = dict(_DEFAULTS, command="validate", run=run_validate)
    paths: list[str] = []
    after_paths = False  # (an option after the paths: argparse takes no more paths, nargs="+")
    remaining = iter(arguments)
    for token in remaining:
        if token == STDIN or not token.startswith("-"):
            if after_paths:
                return None
            paths.append(token)
            continue
        after_paths = bool(paths)
        if token == "--strict":
            options["strict"] = True
            continue
        name, equals, text = (_SHORT[token], "", "") if token in _SHORT else token.partition("=")
        if name not in _VALUED:
            return None
        given = text if equals else next(remaining, None)
        if given is None:
            return None
        destination, read = _VALUED[name]
        value = read(given)
        if value is None:
            return None
        options[destination] = value
    return SimpleNamespace(paths=paths, **options) if paths else None


def _write(stream: TextIO | None, line: str) -> None:
    # a path or a document's text may hold characters the stream's encoding
    # cannot show; a closed stream (None) takes nothing, as print() does
    if stream is None:
        return
    encoding = getattr(stream, "encoding", None) or "utf-8"
    stream.write(line.encode(encoding, "backslashreplace").decode(encoding) + "\n")


def _reason(error: OSError) -> str:
    # lower case, as plivoxml_plus._files words its reasons: "cannot read: permission denied"
    return (error.strerror or str(error)).lower()


class _Outcome:
    __slots__ = ("error", "path", "result", "usage")

    def __init__(
        self, path: str, result: ValidationResult | None = None, *, error: str | None = None, usage: bool = False
    ) -> None:
        self.path = path
        self.result = result
        self.error = error
        self.usage = usage  # the error is the command line's, not a path's (exit 2)


def _walk(top: str) -> tuple[list[str], list[_Outcome]]:
    """Every ``*.xml`` entry under the folder ``top``, sorted, and what could not be listed."""
    found: list[str] = []
    errors: list[_Outcome] = []
    # (a loop, not recursion: a path may nest deeper than Python's recursion limit; names
    # joined as str, as Path joins them from the normalised top, at a fraction of the cost)
    pending = [top]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            errors.append(_Outcome(folder, error=f"cannot read: {_reason(error)}"))
            continue
        folders: list[str] = []
        for entry in entries:
            path = entry.name if folder == "." else os.path.join(folder, entry.name)  # (Path(".") / name)
            try:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(path)
                elif entry.name.endswith(".xml") and not (entry.is_symlink() and entry.is_dir()):
                    # a FIFO, device or dangling link is listed too: the reader refuses it
                    # with its reason, where skipping it would hide it
                    found.append(path)
            except OSError as error:
                errors.append(_Outcome(path, error=f"cannot read: {_reason(error)}"))
        pending.extend(reversed(folders))  # (so that errors come in the order of the names)
    return sorted(found), errors


def _targets(paths: list[str]) -> tuple[list[str], list[_Outcome]]:
    """The documents named on the command line, and the names that name none."""
    targets: list[str] = []
    errors: list[_Outcome] = []
    for name in paths:
        if name == STDIN:
            if STDIN in targets:
                errors.append(_Outcome(_STDIN_NAME, error="standard input (-) can be read once only", usage=True))
            else:
                targets.append(STDIN)
        elif _is_folder(name):
            found, folder_errors = _walk(_as_path(name))
            errors += folder_errors
            if found:
                targets.extend(found)
            elif not folder_errors:
                errors.append(_Outcome(name, error="a folder with no *.xml files"))
        else:
            targets.append(name)  # (validate() says so if it cannot be read)
    return targets, errors


# what pathlib's is_dir() takes for "not a folder" rather than raising: a path missing,
# through a file, a bad descriptor, a link loop (and their Windows errors)
_NOT_THERE = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)
_NOT_THERE_ON_WINDOWS = (21, 123, 1921)


def _is_folder(name: str) -> bool:
    """``pathlib.Path(name).is_dir()``, without importing pathlib: any other OSError
    (a folder on the way that cannot be searched) is raised, as it raises it."""
    try:
        return stat.S_ISDIR(os.stat(name).st_mode)
    except OSError as error:
        if error.errno in _NOT_THERE or getattr(error, "winerror", None) in _NOT_THERE_ON_WINDOWS:
            return False
        raise
    except ValueError:  # (a NUL in the name, or a name the file system cannot encode)
        return False


def _as_path(name: str) -> str:
    """``str(pathlib.Path(name))``, the name the walk starts from ("a//b/" is "a/b",
    "./a" is "a"), without importing pathlib for it (tests/test_cli_argv.py ties the two)."""
    if os.name != "posix":  # pragma: no cover (drives and backslashes: pathlib's own rules)
        from pathlib import Path

        return str(Path(name))
    root = "//" if name[:2] == "//" and name[2:3] != "/" else "/" if name[:1] == "/" else ""
    return root + "/".join(part for part in name.split("/") if part not in ("", ".")) or "."


def _read_stdin(max_bytes: int) -> bytes | str:
    """Standard input's bytes (at most one more than ``max_bytes``: enough to refuse), or why not."""
    stream = sys.stdin
    if stream is None:  # (the process was started with file descriptor 0 closed)
        return "standard input is closed"
    try:
        return stream.buffer.read(max_bytes + 1)
    except (OSError, ValueError) as error:  # (ValueError: a stream closed in the process)
        return _reason(error) if isinstance(error, OSError) else "standard input is closed"


class _PathName:
    """A file's name as a path-like, which validate() reads as a file, without pathlib."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __fspath__(self) -> str:
        return self.name


def _check(name: str, kind: Kind, max_bytes: int) -> _Outcome:
    if name == STDIN:
        data = _read_stdin(max_bytes)
        if isinstance(data, str):
            return _Outcome(_STDIN_NAME, error=f"cannot read: {data}")
        return _Outcome(_STDIN_NAME, validate(data, kind=kind, max_bytes=max_bytes))
    try:
        return _Outcome(name, validate(_PathName(name), kind=kind, max_bytes=max_bytes))
    except ParseError as error:
        cause = error.__cause__
        if isinstance(cause, FileRefused):  # (the reader's own words: "it is a named pipe (FIFO); ...")
            reason = cause.reason
        elif isinstance(cause, OSError):
            reason = _reason(cause)
        else:
            reason = str(error)
        return _Outcome(name, error=f"cannot read: {reason}")


def _problem_line(path: str, problem: Problem) -> str:
    return f"{path}:{problem}" if problem.line is not None else f"{path}: {problem}"


def _check_all(targets: list[str], kind: Kind, max_bytes: int, jobs: int) -> list[_Outcome]:
    """Each target's outcome, in order; with ``--jobs`` other than 1, the files are
    shared between processes (``_jobs.py``), standard input read by this one."""

    def check(names: Sequence[str]) -> list[_Outcome]:
        return [_check(name, kind, max_bytes) for name in names]

    if jobs == 1:  # (the common run loads nothing for --jobs)
        return check(targets)
    from ._jobs import processes, shared

    files = [name for name in targets if name != STDIN]
    count = processes(jobs, len(files))
    if count == 1:
        return check(targets)
    compiled(kind)  # (before the fork: every process starts with the XSD compiled)
    outcomes = iter(shared(files, check, count))
    return [check([name])[0] if name == STDIN else next(outcomes) for name in targets]


def run_validate(args: argparse.Namespace | SimpleNamespace) -> int:
    targets, outcomes = _targets(args.paths)
    outcomes += _check_all(targets, args.kind, args.max_bytes, args.jobs)
    checked = [o for o in outcomes if o.result is not None]
    invalid = [o for o in checked if not o.result]
    warned = [o for o in checked if o.result and o.result.warnings]
    unreadable = [o for o in outcomes if o.error is not None and not o.usage]
    problems = sum(len(o.result.problems) + o.result.omitted for o in checked if o.result is not None)
    warnings = sum(len(o.result.warnings) for o in checked if o.result is not None)

    if args.format == "json":
        import json  # (only for --format json: the start-up of a plain run pays nothing for it)

        files = [
            {"path": o.path, "error": o.error}
            if o.result is None
            else {
                "path": o.path,
                "valid": o.result.ok,
                "problems": [{name: getattr(p, name) for name in Problem.__match_args__} for p in o.result.problems],
                "omitted": o.result.omitted,
            }
            for o in outcomes
        ]
        summary = {
            "files": len(outcomes),
            "valid": len(checked) - len(invalid),
            "invalid": len(invalid),
            "unreadable": len(unreadable),
            "problems": problems,
            "warnings": warnings,
            "strict": args.strict,
        }
        _write(sys.stdout, json.dumps({"kind": args.kind, "files": files, "summary": summary}, indent=2))
    else:
        for outcome in outcomes:  # (a path is the user's text: a file name may hold ESC or CR)
            if outcome.error is not None:
                _write(sys.stderr, printable(f"{outcome.path}: error: {outcome.error}"))
            elif outcome.result is not None:
                for problem in outcome.result.problems:
                    _write(sys.stdout, printable(_problem_line(outcome.path, problem)))
                if outcome.result.omitted:
                    _write(sys.stdout, printable(f"{outcome.path}: {omitted_line(outcome.result.omitted)}"))
        summary_line = (
            f"{counted(len(checked), f'{args.kind} document')} checked: "
            f"{len(checked) - len(invalid)} valid, {len(invalid)} invalid"
            + (f" ({counted(problems, 'problem')}" if problems else "")
            + (f", {counted(warnings, 'of them warning', 'of them warnings')}" if warnings else "")
            + (")" if problems else "")
            + (f"; --strict: {len(warned)} with warnings fail" if args.strict and warned else "")
            + (f"; {counted(len(unreadable), 'path')} unreadable" if unreadable else "")
        )
        _write(sys.stdout, summary_line)
    if any(o.usage for o in outcomes):
        return 2
    return 1 if invalid or unreadable or (args.strict and warned) else 0


def _scenario_schema_file() -> str:
    # the shipped file, read as it is: this command never imports the simulator
    # (plivoxml_plus.core), whose scenario format it was generated from
    for folder in SCHEMA_FOLDERS:
        path = os.path.join(folder, SCENARIO_SCHEMA)
        if os.path.isfile(path):
            return path
    raise PlivoXMLPlusError(f"{SCENARIO_SCHEMA} is missing from this installation of plivoxml_plus")


def run_schema(args: argparse.Namespace) -> int:
    path = _scenario_schema_file() if args.kind == SCENARIO else schema_file(args.kind)
    if args.path:
        _write(sys.stdout, path)
    else:
        with open(path, encoding="utf-8") as file:
            _write(sys.stdout, file.read().removesuffix("\n"))
    return 0
