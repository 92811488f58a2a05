"""The ``lint`` command's arguments, declared without loading the linter
(``plivoxml-plus`` builds one parser for every command; see ``_simulate_command``)."""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["register"]

FORMATS = ("text", "json", "sarif", "github")


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "lint",
        help="find call-flow mistakes the XSD cannot see, across an app's documents",
        description=(
            "Lint Plivo XML documents together as one app: elements that never run, input that goes "
            "nowhere, rooms that never start, attributes without effect, sound URLs naming documents "
            "that are not sound documents, one URL requested with two methods... Prints "
            "PATH:LINE:COL: ID message for each finding (or JSON, SARIF 2.1.0, GitHub annotations). "
            "Exit status: 0 nothing reported; 1 a finding (an invalid document or an unreadable path "
            "included); 2 a usage error or a configuration that cannot be used."
        ),
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="an XML file, or a folder (every *.xml file under it)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="text (default), json, sarif or github")
    parser.add_argument("--output", metavar="FILE", help="write the report to FILE instead of standard output")
    parser.add_argument(
        "--config",
        metavar="FILE",
        help="a TOML file with a [tool.plivoxml-plus.lint] table (default: ./pyproject.toml, if it has one)",
    )
    parser.add_argument("--disable", metavar="IDS", default="", help="rule ids to switch off, comma-separated")
    parser.add_argument(
        "--enable", metavar="IDS", default="", help="rule ids to switch on that are off by default (PXL004)"
    )
    parser.add_argument(
        "--production",
        metavar="GLOB",
        action="append",
        default=[],
        help="paths of production documents, where placeholder hosts are findings (PXL010); repeatable",
    )
    parser.add_argument(
        "--url-folder",
        metavar="URL=FOLDER",
        action="append",
        default=[],
        help="the documents under base URL are the files under FOLDER (PXL009); repeatable",
    )
    parser.add_argument(
        "--app",
        metavar="MODULE:ATTR",
        help="your WSGI or ASGI app: every URL under --base-url that the documents name must be one of its "
        "routes, for the method the XML says (PXL012)",
    )
    parser.add_argument("--base-url", metavar="URL", help="the URL the app's routes are under (with --app)")
    parser.add_argument(
        "--auth-token", metavar="TOKEN", default=None, help="the token requests to the app are signed with"
    )
    parser.add_argument(
        "--scenario",
        metavar="FILE",
        action="append",
        default=[],
        help="a scenario driving an app (app, base_url): the documents its app returns are linted too, "
        "and the URLs they name checked against its routes (PXL012); repeatable",
    )
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    from .linter._cli import run

    return run(args)
