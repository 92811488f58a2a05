"""The ``plivoxml-plus`` command line (also ``python -m plivoxml_plus``).

Each layer registers its own subcommands, so this module only dispatches:
``validate`` and ``schema`` live in ``schema/_cli.py``, ``simulate`` in
``core/_cli.py``. Exit codes: 0 success, 1 a document or scenario found wanting,
2 a usage error or unreadable input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__


def build_parser() -> argparse.ArgumentParser:
    from .core import _cli as core_cli
    from .schema import _cli as schema_cli

    parser = argparse.ArgumentParser(
        prog="plivoxml-plus",
        description="Validate, inspect and simulate Plivo conferencing XML.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    schema_cli.register(commands)
    core_cli.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    code: int = args.run(args)
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
