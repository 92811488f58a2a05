"""The ``simulate`` command's arguments, declared without loading the simulator.

``plivoxml-plus`` builds one parser for every command, so what a command
declares is imported by all of them: ``validate``, the pre-commit hot path,
must not pay for the simulator (and asyncio, which the app transport needs).
The simulator is imported when ``simulate`` runs (``core/_cli.py``).
"""

from __future__ import annotations

import argparse
from typing import Any

from ._links import docs_url

__all__ = ["register"]


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "simulate",
        help="run a scenario file (calls, their XML or your app, REST API requests) on a virtual clock",
        description=(
            "Run a scenario (TOML: calls with their answer XML or your app's answer URL, times, digits, "
            "speech, talk; the documents URLs return; probes; REST API requests) through every element "
            "(rooms, Dial, GetDigits, GetInput, Record, PreAnswer, DTMF, Message, Stream, the companions) "
            "and print every HTTP request the platform would make (with what your app answered), who hears "
            "whom at each probe, and where each call went. A scenario driving your app (base_url) is strict "
            f"unless it says strict = false. Guide: {docs_url('simulation')}; every key: "
            f"{docs_url('scenario-reference')}"
        ),
    )
    parser.add_argument("scenario", metavar="SCENARIO.toml", help="the scenario file")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: a readable timeline (default); json: one deterministic object",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help=(
            "stop at the first request your app fails (non-2xx, URL not under base_url, invalid XML, "
            "timeout) and exit 1. A scenario with base_url (driving an app) is strict by default; "
            "strict = false in the file makes such failures notes, and --strict overrides it"
        ),
    )
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=(
            "show (or not) the virtual time reached on stderr as the run goes; "
            "default: shown when stderr is a terminal and --format is text"
        ),
    )
    parser.add_argument(
        "--audio-out",
        metavar="DIR",
        default=None,
        help=(
            "also write what each call heard (<call>.wav) and each recording (recording-<id>.wav) "
            "into DIR (needs the audio extra: pip install 'plivoxml-plus[audio]')"
        ),
    )
    parser.add_argument(
        "--mp3",
        action="store_true",
        help="with --audio-out: also recording-<id>.mp3 for mp3-format recordings (needs plivoxml-plus[mp3])",
    )
    parser.add_argument(
        "--audio-memory-limit",
        metavar="MIB",
        type=_mebibytes,
        default=None,
        help="with --audio-out: the most memory rendering the audio may need, in MiB (default 2048)",
    )
    parser.add_argument(
        "--coverage",
        action="store_true",
        help=(
            "after the report, the call-flow coverage: for every document the run executed, each "
            "element's branches (keys, no input, Dial statuses, Record endings, room exits...) taken "
            f"or not ({docs_url('simulation', 'call-flow-coverage')})"
        ),
    )
    parser.add_argument(
        "--html",
        metavar="REPORT.html",
        default=None,
        help=(
            "also write the run as one self-contained HTML page: lanes in time, rooms, who hears whom "
            "at any instant, requests, notes; with --audio-out, players synced with the timeline "
            f"({docs_url('report')})"
        ),
    )
    parser.add_argument(
        "--serve-api",
        metavar="[HOST:]PORT",
        type=_api_address,
        default=None,
        help=(
            "while the scenario runs, also answer Plivo's REST API (/v1/Account/{auth_id}/...) over HTTP "
            "on 127.0.0.1:PORT (0: a free port; the URL is printed on stderr), for your app in any "
            "language; Basic auth: the scenario's auth_id (default MASIMULATEDACCOUNT00) and auth_token. "
            f"HOST must be a loopback address. See {docs_url('testing-apps', 'apps-in-any-language')}"
        ),
    )
    parser.set_defaults(run=_run, simulate_parser=parser)


def _api_address(text: str) -> tuple[str, int]:
    """--serve-api's [HOST:]PORT (HOST a loopback address, checked when served; ``[::1]:PORT``)."""
    host, _, port = text.rpartition(":")
    host = host.removeprefix("[").removesuffix("]") or "127.0.0.1"
    if not (port.isascii() and port.isdigit() and int(port) <= 65535):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not allowed; allowed: [HOST:]PORT, PORT 0 to 65535 (0: any free)"
        )
    return host, int(port)


def _mebibytes(text: str) -> int:
    """--audio-memory-limit's MiB as bytes (a refusal is argparse's usage error, exit 2)."""
    value = int(text) if text.isascii() and text.isdigit() else 0
    if not 1 <= value <= 1 << 30:  # (up to an exbibyte: beyond any machine, within any integer)
        raise argparse.ArgumentTypeError(f"{text!r} is not allowed; allowed: a whole number of MiB, 1 to {1 << 30}")
    return value << 20


def _run(args: argparse.Namespace) -> int:
    from .core._cli import run

    return run(args)
