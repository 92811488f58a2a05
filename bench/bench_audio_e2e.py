"""Audio end to end at production length (issue 21, item 6): a 10-member MPC with
recording, simulated and rendered into WAV files at 16 kHz.

Run from the repository root:

    .venv/bin/python bench/bench_audio_e2e.py
    .venv/bin/python bench/bench_audio_e2e.py --minutes 10 --repeats 3

One MPC ("support", record="true") of an agent who starts it, a coaching
supervisor (coachMode="true") and eight customers, all with a tone of their own
(the placeholder a caller says), talking in spurts (2-8 s, gaps of 5-40 s),
for the given length (an hour by default); two customers go on hold for a
while. Each repeat runs in a fresh interpreter: build, ``Simulation.run`` and
``sim.audio(folder=...)`` (every call's WAV and the recording's, streamed), and
prints its figures: the end-to-end time (run + render + write) as a multiple of
real time (the call's length over the time taken), and the process's peak
resident set size (``ru_maxrss``) beside the one right after the imports.
Figures are min / median / max over the repeats. Targets: >= 600x real time
and a peak RSS <= 300 MB for the hour at 16 kHz.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _runs import fresh_run, talk_spurts  # (bench/ is on the path: the script's folder)

from plivoxml_plus import MultiPartyCall, Response
from plivoxml_plus.core import Simulation

RATE = 16000
MEMBERS = 10
TARGET_RTF = 600
TARGET_MB = 300
SEED = 20240101
ROLES = (("agent", "Agent"), ("coach", "Supervisor"))  # then customers


def build(minutes: float, rate: int = RATE) -> Simulation:
    rng = random.Random(SEED)
    end = minutes * 60
    sim = Simulation(sample_rate=rate)
    for index in range(MEMBERS):
        name, role = ROLES[index] if index < len(ROLES) else (f"customer{index}", "Customer")
        element = MultiPartyCall(
            "support", role, record=index == 0, coach_mode=index == 1, enter_sound="beep:1", exit_sound="none"
        )
        at = 0.0 if index == 0 else round(rng.uniform(1, 30), 3)
        sim.call(name, Response().add(element), at=at, hangup=end)
        sim.voice(name, tone=float(200 + 50 * index))
        talk_spurts(sim, rng, name, at, end)
    for name in ("customer2", "customer3"):
        sim.update_participant(name, at=round(end / 3, 3), hold=True)
        sim.update_participant(name, at=round(end / 2, 3), hold=False)
    return sim


def _rss_kib() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # bytes on macOS, KiB on Linux


def one(minutes: float) -> int:
    """The internal mode: one end-to-end run, one JSON line."""
    imports_kib = _rss_kib()
    sim = build(minutes)
    started = time.perf_counter()
    sim.run()
    ran = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        written = sim.audio(folder=folder).written
        done = time.perf_counter()
        size = sum(path.stat().st_size for path in written)
    from plivoxml_plus.core.audio import _mixer as mixer  # (loaded by the render: not in the imports' RSS)

    figures = {
        "kernel": mixer.mix_kernel(),  # (after the run: under auto, the one it switched to, if it did)
        "mixed": mixer._choice.mixed,  # member-samples: against auto's PAYBACK_MEMBER_SAMPLES
        "run_s": ran - started,
        "render_s": done - ran,
        "files": len(written),
        "bytes": size,
        "imports_kib": imports_kib,
        "peak_kib": _rss_kib(),
    }
    print(json.dumps(figures), flush=True)
    return 0


def measure(minutes: float) -> dict[str, float]:
    return fresh_run(__file__, "--one", str(minutes))


def spread(values: list[float], form: str) -> str:
    return " / ".join(format(v, form) for v in (min(values), statistics.median(values), max(values)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--minutes", type=float, default=60.0, help="the call's length (default 60)")
    parser.add_argument("--repeats", type=int, default=3, help="fresh interpreters (default 3)")
    parser.add_argument("--one", type=float, metavar="MINUTES", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one is not None:
        return one(args.one)
    rows = [measure(args.minutes) for _ in range(args.repeats)]
    seconds = args.minutes * 60
    total = [row["run_s"] + row["render_s"] for row in rows]
    rtf = [seconds / t for t in total]
    peak = [row["peak_kib"] / 1024 for row in rows]
    print(
        f"## A {MEMBERS}-member MPC with recording, {args.minutes:g} min at {RATE // 1000} kHz, simulated and "
        f"streamed into {rows[0]['files']:.0f} WAV files ({rows[0]['bytes'] / 2**20:,.0f} MiB), "
        f"{args.repeats} fresh interpreters (min / median / max; Python {sys.version.split()[0]})\n"
    )
    from plivoxml_plus.core.audio import _mixer

    kernels = sorted({str(row["kernel"]) for row in rows})
    print(
        f"The mixer's kernel at the end of the runs: {', '.join(kernels)} (PLIVOXML_PLUS_MIXER="
        f"{os.environ.get(_mixer.KERNEL_ENV, 'auto (unset)')}; docs/audio.md#speed), after mixing "
        f"{rows[0]['mixed'] / 1e9:.2f} billion member-samples (auto switches to numba after "
        f"{_mixer.PAYBACK_MEMBER_SAMPLES / 1e9:.2f} billion).\n"
    )
    print("| figure | min / median / max |")
    print("|---|---:|")
    print(f"| Simulation.run (s) | {spread([r['run_s'] for r in rows], '.3f')} |")
    print(f"| sim.audio(folder=...) (s) | {spread([r['render_s'] for r in rows], '.3f')} |")
    print(f"| end to end (× real time) | {spread(rtf, ',.0f')} |")
    print(f"| RSS after imports (MB) | {spread([r['imports_kib'] / 1024 for r in rows], '.1f')} |")
    print(f"| peak RSS (MB) | {spread(peak, '.1f')} |")
    best_rtf, worst_peak = statistics.median(rtf), statistics.median(peak)
    verdict = "met" if best_rtf >= TARGET_RTF and worst_peak <= TARGET_MB else "NOT met"
    print(
        f"\nTarget (1 h, 16 kHz): >= {TARGET_RTF}x real time and peak RSS <= {TARGET_MB} MB, median: {verdict} "
        f"({best_rtf:,.0f}x, {worst_peak:.0f} MB)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
