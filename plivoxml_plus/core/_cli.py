"""``plivoxml-plus simulate SCENARIO.toml [--format text|json] [--strict] [--html REPORT.html] [--serve-api [HOST:]PORT]
[--[no-]progress] [--audio-out DIR [--mp3] [--audio-memory-limit MIB]]``.

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

``--serve-api [HOST:]PORT`` also answers Plivo's REST API over HTTP on that
loopback address (default host 127.0.0.1; port 0: a free one) while the scenario
runs, for an app in any language (docs/testing-apps.md, "Apps in any
language"): one line on stderr gives its URL before the run starts; the server
stops when the run ends. A host that is not loopback, or a port that cannot be
bound, is exit 2.

``--progress`` / ``--no-progress``: a line on stderr showing the virtual time
reached (of the scenario's ``until``, if it has one), rewritten in place at
most ten times a second and cleared when the run ends. By default it is shown
when stderr is a terminal and the format is text; never in JSON mode unless
``--progress`` asks (docs/simulation.md, "Progress").

``--html REPORT.html`` also writes the run as one self-contained HTML page
(docs/report.md; with ``--audio-out``, its players' WAV files go beside it in
``REPORT-audio/``); one line on stderr names it; a page that cannot be written
is exit 2, nothing on stdout.

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
import contextlib
import json
import sys
from typing import TYPE_CHECKING

from .._errors import MissingExtra, ParseError, ScenarioError, SimulationError
from .._files import FileRefused
from .._progress import ProgressLine, progress_line
from .._terminal import counted, printable
from ._world import StrictModeError

if TYPE_CHECKING:
    from ._simulation import Simulation
    from .scenario._scenario import Scenario

__all__ = ["run"]


def run(args: argparse.Namespace) -> int:
    import attrs

    from .scenario._scenario import load_scenario

    if args.mp3 and args.audio_out is None:
        args.simulate_parser.error("--mp3 needs --audio-out DIR (where the recordings are written)")
    if args.audio_memory_limit is not None and args.audio_out is None:
        args.simulate_parser.error("--audio-memory-limit needs --audio-out DIR (where the audio is written)")
    progress = _progress(args)
    try:
        with progress if progress is not None else contextlib.nullcontext():  # (cleared before a message)
            scenario = load_scenario(args.scenario)
            if getattr(args, "strict", False):
                scenario = attrs.evolve(scenario, strict=True)
            if args.serve_api is None:
                simulation = scenario.run(scenario.simulation(coverage=args.coverage), progress=progress)
            else:
                simulation = _run_serving(scenario, args, progress)
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


def _progress(args: argparse.Namespace, label: str = "simulate") -> ProgressLine | None:
    """A progress line on stderr (the run's, or the audio's: seconds rendered): as
    --progress/--no-progress say, else when stderr is a terminal and the report is
    text (JSON is for programs)."""
    wanted = getattr(args, "progress", None)
    return progress_line(label, sys.stderr, False if wanted is None and args.format == "json" else wanted)


def _run_serving(scenario: Scenario, args: argparse.Namespace, progress: ProgressLine | None) -> Simulation:
    """The scenario run while its REST API is served on ``--serve-api`` (the URL on
    stderr first); the server stops when the run ends, before the report is printed."""
    simulation = scenario.simulation(coverage=args.coverage)
    host, port = args.serve_api
    try:
        with simulation.serve_api(port, host=host, auth_id=scenario.auth_id, auth_token=scenario.auth_token) as url:
            print(f"serving Plivo's REST API at {url} (auth id {scenario.auth_id})", file=sys.stderr, flush=True)
            return scenario.run(simulation, progress=progress)
    except SimulationError:  # (the server could not start: the run has not)
        simulation.close()
        raise


def _finish(args: argparse.Namespace, simulation: Simulation) -> int:
    written = 0
    audio = None
    if args.audio_out is not None:
        try:
            # streamed into the files block by block (the memory it needs does not grow with the run)
            line = _progress(args, "audio")
            with line if line is not None else contextlib.nullcontext():
                audio = simulation.audio(
                    memory_limit=args.audio_memory_limit, folder=args.audio_out, mp3=args.mp3, progress=line
                )
            written = len(audio.written)
        except (SimulationError, MissingExtra) as error:  # (AudioError is a SimulationError)
            _complain(f"{args.scenario}: {error}")
            return 2
        except OSError as error:
            where = error.filename if error.filename is not None else args.audio_out
            _complain(f"{args.scenario}: cannot write {where}: {error.strerror or error}")
            return 2
    if args.html is not None:
        try:
            simulation.report_html(args.html, audio=audio)
        except SimulationError as error:  # (a page or audio file that cannot be written)
            _complain(f"{args.scenario}: {error}")
            return 2
    report = simulation.report(args.format)
    if args.coverage:  # (text: a section after the report; JSON: one more key of the one object)
        coverage = simulation.coverage()
        if args.format == "json":
            data = json.loads(report)
            data["coverage"] = coverage.to_data()
            report = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        else:
            report += "\n" + coverage.render_text() + "\n"
    sys.stdout.write(report)
    if args.audio_out is not None:
        print(f"wrote {counted(written, 'audio file')} to {args.audio_out}", file=sys.stderr)
    if args.html is not None:
        print(printable(f"wrote the HTML report {args.html}"), file=sys.stderr)
    return 0


def _complain(message: str) -> None:
    """``message`` on standard error, as one line: no text quoted in it can drive the terminal or break the line."""
    print(printable(message), file=sys.stderr)
