"""The ``plivoxml-plus`` command line (also ``python -m plivoxml_plus``).

Each layer registers its own subcommands, so this module only dispatches:
``validate`` and ``schema`` live in ``schema/_cli.py``; ``simulate`` is declared
in ``_simulate_command.py`` and runs ``core/_cli.py``, so that no other command
loads the simulator. What every subcommand shares is handled here, once.

Exit codes:

* 0: success (``validate``: every document was read and is valid);
* 1: the input was found wanting (``validate``: a document is invalid, or a path
  cannot be read: a missing or unreadable file or folder, a named pipe or device,
  closed standard input, a folder with no ``*.xml`` file);
* 2: a usage error (argparse prints the usage), or the command could not do its
  job: a scenario that cannot run, an error of the package that a subcommand did
  not handle, output that cannot be written; one message on standard error,
  never a traceback;
* 130: interrupted (Ctrl-C), quietly;
* 141: whoever read standard output stopped reading (``... | head -1``), quietly.
  It is 128 + SIGPIPE, what a shell reports for a program that signal ends, so a
  pipeline under ``set -o pipefail`` sees the usual code.

Output never fails on a character the stream's encoding cannot show (say, a
non-ASCII file name under ``PYTHONIOENCODING=ascii``): it is written as a
backslash escape, as Python's own standard error does.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, TextIO

from . import __version__
from ._errors import PlivoXMLPlusError
from ._links import docs_url
from ._terminal import printable

if TYPE_CHECKING:
    import argparse
    from types import SimpleNamespace

__all__ = ["COMMANDS", "EXIT_BROKEN_PIPE", "EXIT_INTERRUPTED", "build_parser", "main"]

EXIT_INTERRUPTED = 130  # 128 + SIGINT
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE

_EPILOG = (
    "exit status: 0 success; 1 a document invalid or a path unreadable; 2 a usage error or a command "
    "that cannot run (a message, never a traceback); 130 interrupted; 141 standard output closed "
    f"by its reader (for example | head). Documentation: {docs_url()}"
)


# subcommand -> the module that registers it (tests/test_cli_startup.py ties this
# to what the modules register)
COMMANDS: dict[str, str] = {
    "validate": "plivoxml_plus.schema._cli",
    "schema": "plivoxml_plus.schema._cli",
    "simulate": "plivoxml_plus._simulate_command",
    "lint": "plivoxml_plus._lint_command",
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with ``command``, one of :data:`COMMANDS`, only
    the subcommands of its module are registered (a run of ``validate`` builds
    and imports nothing for ``simulate`` or ``lint``)."""
    import importlib

    from ._cli_parser import Parser

    modules = [COMMANDS[command]] if command in COMMANDS else list(dict.fromkeys(COMMANDS.values()))
    parser = Parser(
        prog="plivoxml-plus",
        description=(
            "Validate, inspect and simulate Plivo call-control XML, every element of it: Conference, "
            "MultiPartyCall, Dial (Number, User), GetDigits, GetInput, Record, PreAnswer, DTMF, Message, "
            "Stream, Play, Speak (and its SSML), Wait, Hangup, Redirect."
        ),
        epilog=_EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    commands.required = True
    for module in modules:
        importlib.import_module(module).register(commands)
    return parser


def _read_plainly(arguments: list[str]) -> SimpleNamespace | None:
    # The common runs of validate (paths and whole option names) are read without
    # argparse, a tenth of their start-up; help, usage errors and every other
    # command go to argparse (README: Performance, The CLI).
    if arguments[:1] != ["validate"]:
        return None
    from .schema._cli import read_validate_arguments

    return read_validate_arguments(arguments[1:])


@contextlib.contextmanager
def _escaping_output() -> Iterator[None]:
    # Standard output is "strict" by default: one unencodable character in a
    # report would end the run with UnicodeEncodeError. Switched for the run
    # (every subcommand and argparse's help alike), then put back for a caller
    # that runs main() in its own process.
    switched: list[tuple[io.TextIOWrapper, str]] = []
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper) or stream.errors in (None, "backslashreplace"):
            continue  # (None when closed; another kind of stream is the caller's)
        errors: str = stream.errors
        try:
            stream.reconfigure(errors="backslashreplace")
        except (OSError, ValueError):  # (closed)
            continue
        switched.append((stream, errors))
    try:
        yield
    finally:
        for stream, errors in switched:
            with contextlib.suppress(OSError, ValueError):
                stream.reconfigure(errors=errors)


def _discard_if_broken(stream: TextIO | None) -> None:
    # A stream that can no longer be written keeps its unwritten buffer, and
    # Python's flush at exit would fail on it again ("Exception ignored ...",
    # exit 120). Pointing its descriptor at the null device lets that flush
    # succeed; a stream that still works is left alone.
    if stream is None:
        return
    try:
        stream.flush()
    except (OSError, ValueError):
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(devnull, stream.fileno())
            finally:
                os.close(devnull)


def _say(message: str) -> None:
    with contextlib.suppress(OSError, ValueError, AttributeError):  # (standard error may be gone too)
        print(f"plivoxml-plus: error: {printable(message)}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; the exit status is returned (argparse exits 2 itself on a usage error)."""
    with _escaping_output():
        try:
            arguments = sys.argv[1:] if argv is None else list(argv)
            command = arguments[0] if arguments else None  # (an option first: the whole parser, for its help)
            args: argparse.Namespace | SimpleNamespace | None = _read_plainly(arguments)
            if args is None:
                args = build_parser(command).parse_args(arguments)
            code: int = args.run(args)
            if sys.stdout is not None:
                sys.stdout.flush()  # here, where a broken pipe can still be handled
        except SystemExit:  # argparse's usage error, --help or --version
            _discard_if_broken(sys.stdout)
            raise
        except BrokenPipeError:
            _discard_if_broken(sys.stdout)
            _discard_if_broken(sys.stderr)
            return EXIT_BROKEN_PIPE
        except KeyboardInterrupt:
            return EXIT_INTERRUPTED
        except PlivoXMLPlusError as error:  # a subcommand's own error it did not turn into a message
            _say(str(error))
            return 2
        except OSError as error:  # output that cannot be written (a full disk), a package file gone
            _discard_if_broken(sys.stdout)
            where = f"{error.filename}: " if error.filename is not None else ""
            _say(where + (error.strerror or str(error)))
            return 2
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
