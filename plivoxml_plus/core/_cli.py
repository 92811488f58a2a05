"""``plivoxml-plus simulate SCENARIO.toml [--format text|json] [--strict] [--audio-out DIR [--mp3]
[--audio-memory-limit MIB]]``.

Exit codes: 0 the scenario ran (its report is on stdout); 1 strict mode (the
default of a scenario driving an app, one with ``base_url``, unless it says
``strict = false``; or ``--strict``) stopped the run at the app's first
failed request (a non-2xx reply, an unknown URL, an invalid document, a timeout,
no connection): ``FILE: strict mode: at t=..., for call '...': URL: problem`` on
stderr, nothing on stdout; 2 the scenario cannot be run (a bad or unreadable
file, invalid XML, a timeline out of order, audio that cannot be used, an app
module that does not import, an extra not installed: audio, or httpx for an
app): ``FILE:LINE: message`` on stderr, never a traceback. A message is one line:
control, format and separator characters in it (a hostile name or path quoted
in it) are escaped (``\x1b``, ``\u2028``: plivoxml_plus._terminal), as in the text report.
(Characters the output's encoding cannot show are escaped by
``plivoxml_plus.cli``, for every command.)

``--audio-out DIR`` also writes what every call heard (``<call>.wav``) and every
recording (``recording-<id>.wav``; with ``--mp3`` also ``recording-<id>.mp3``
for mp3-format recordings) into DIR, made if missing; one line on stderr says
how many files were written. Audio needs the audio extra (NumPy; ``--mp3`` the
mp3 extra); a folder that cannot be written, or audio that would need more
memory than ``--audio-memory-limit`` (default 2048 MiB), is exit 2 too, and then
nothing is printed on stdout.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from .._errors import MissingExtra, ParseError, ScenarioError, SimulationError
from .._files import FileRefused
from .._terminal import printable
from ._world import StrictModeError

if TYPE_CHECKING:
    from ._simulation import Simulation

__all__ = ["register"]


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "simulate",
        help="run a Conference or MultiPartyCall scenario file on a virtual clock",
        description=(
            "Run a scenario (TOML: calls with their answer XML, times, digits, talk; the documents URLs "
            "return; probes; REST API actions on MultiPartyCalls) and print every HTTP request the "
            "platform would make (with what your app answered), who hears whom at each probe, and where "
            "each call went. A scenario driving your app (base_url) is strict unless it says strict = false. "
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
    parser.set_defaults(run=run, simulate_parser=parser)


def _mebibytes(text: str) -> int:
    """--audio-memory-limit's MiB as bytes (a refusal is argparse's usage error, exit 2)."""
    value = int(text) if text.isascii() and text.isdigit() else 0
    if not 1 <= value <= 1 << 30:  # (up to an exbibyte: beyond any machine, within any integer)
        raise argparse.ArgumentTypeError(f"{text!r} is not allowed; allowed: a whole number of MiB, 1 to {1 << 30}")
    return value << 20


def run(args: argparse.Namespace) -> int:
    import attrs

    from ._scenario import load_scenario

    if args.mp3 and args.audio_out is None:
        args.simulate_parser.error("--mp3 needs --audio-out DIR (where the recordings are written)")
    if args.audio_memory_limit is not None and args.audio_out is None:
        args.simulate_parser.error("--audio-memory-limit needs --audio-out DIR (where the audio is written)")
    try:
        scenario = load_scenario(args.scenario)
        if getattr(args, "strict", False):
            scenario = attrs.evolve(scenario, strict=True)
        simulation = scenario.run()
    except StrictModeError as error:  # the scenario is fine: the app is not
        _complain(f"{args.scenario}: {error}")
        return 1
    except ScenarioError as error:
        _complain(str(error))
        return 2
    except (SimulationError, ParseError, FileRefused, MissingExtra) as error:  # defensive: the loader maps these
        _complain(f"{args.scenario}: {error}")
        return 2
    with simulation:  # (closes the client to the app, if any)
        return _finish(args, simulation)


def _finish(args: argparse.Namespace, simulation: Simulation) -> int:
    written = 0
    if args.audio_out is not None:
        try:
            audio = simulation.audio(memory_limit=args.audio_memory_limit)
            written = len(audio.write(args.audio_out, mp3=args.mp3))
        except (SimulationError, MissingExtra) as error:  # (AudioError is a SimulationError)
            _complain(f"{args.scenario}: {error}")
            return 2
        except OSError as error:
            where = error.filename if error.filename is not None else args.audio_out
            _complain(f"{args.scenario}: cannot write {where}: {error.strerror or error}")
            return 2
    sys.stdout.write(simulation.report(args.format))
    if args.audio_out is not None:
        noun = "file" if written == 1 else "files"
        print(f"wrote {written} audio {noun} to {args.audio_out}", file=sys.stderr)
    return 0


def _complain(message: str) -> None:
    """``message`` on standard error, as one line: no text quoted in it can drive the terminal or break the line."""
    print(printable(message), file=sys.stderr)
