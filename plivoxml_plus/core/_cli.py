"""``plivoxml-plus simulate SCENARIO.toml [--format text|json]``.

Exit codes: 0 the scenario ran (its report is on stdout); 2 the scenario cannot
be run (a bad or unreadable file, invalid XML, a timeline out of order):
``FILE:LINE: message`` on stderr, never a traceback. (Characters the output's
encoding cannot show are escaped by ``plivoxml_plus.cli``, for every command.)
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .._errors import ParseError, ScenarioError, SimulationError
from .._files import FileRefused

__all__ = ["register"]


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "simulate",
        help="run a Conference or MultiPartyCall scenario file on a virtual clock",
        description=(
            "Run a scenario (TOML: calls with their answer XML, times, digits, talk; the documents URLs "
            "return; probes; REST API actions on MultiPartyCalls) and print every HTTP request the "
            "platform would make, who hears whom at each probe, and where each call went. "
            "See docs/simulation.md."
        ),
    )
    parser.add_argument("scenario", metavar="SCENARIO.toml", help="the scenario file")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: a readable timeline (default); json: one deterministic object",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ._scenario import load_scenario

    try:
        simulation = load_scenario(args.scenario).run()
    except ScenarioError as error:
        print(error, file=sys.stderr)
        return 2
    except (SimulationError, ParseError, FileRefused) as error:  # defensive: the loader maps these to ScenarioError
        print(f"{args.scenario}: {error}", file=sys.stderr)
        return 2
    sys.stdout.write(simulation.report(args.format))
    return 0
