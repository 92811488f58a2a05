"""The HTML report's cost: writing the report of bench_concurrent's 4,000-call run
(issue 20), as a ratio to the simulation's own time (``Simulation.run``), both
timed in this process on the same run.

Run from the repository root:

    .venv/bin/python bench/bench_report.py
    .venv/bin/python bench/bench_report.py --calls 1000 --repeats 3

Each repeat builds and runs the scenario afresh (the same seeded events), then
times ``Simulation.report_html`` into a temporary folder; the best of the
repeats is kept for each (and each repeat's own ratio is given: min, median,
max). The report's parts are timed too: the timeline data
(lanes, rooms, who-hears-whom changes), the rest of the JSON model, and the
page (JSON, gzip-compressed past 4 MiB). Target: the report at most 2x the run,
and the page under 20 MB.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_concurrent import build

from plivoxml_plus._collection import paused_collection
from plivoxml_plus.core.report._html import render_html
from plivoxml_plus.core.report._report import to_data
from plivoxml_plus.core.report._timeline import timeline_data

TARGET_RATIO = 2.0
TARGET_MB = 20


def measure(calls: int) -> dict[str, float]:
    sim = build(calls)
    started = time.perf_counter()
    sim.run()
    run_s = time.perf_counter() - started
    world = sim._world  # (the parts, as report_html computes them: the collector paused)
    with paused_collection():
        started = time.perf_counter()
        timeline = timeline_data(world, sim._calls, sim._talk)
        timeline_s = time.perf_counter() - started
        data = to_data(world, sim.calls, sim.probes, timeline)
        model_s = time.perf_counter() - started - timeline_s
        render_html(data)
        page_s = time.perf_counter() - started - timeline_s - model_s
    del timeline, data
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        path = sim.report_html(Path(folder) / "report.html")
        report_s = time.perf_counter() - started
        size = path.stat().st_size
    return {
        "run_s": run_s,
        "report_s": report_s,
        "timeline_s": timeline_s,
        "model_s": model_s,
        "page_s": page_s,
        "mb": size / 1e6,
        "requests": len(sim.requests),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--calls", type=int, default=4000, help="calls in the run (default 4000)")
    parser.add_argument("--repeats", type=int, default=3, help="runs, the best kept (default 3)")
    args = parser.parse_args(argv)
    rows = [measure(args.calls) for _ in range(max(1, args.repeats))]
    best = {key: min(row[key] for row in rows) for key in rows[0]}
    ratio = best["report_s"] / best["run_s"]
    print(f"The HTML report of {args.calls:,} calls (best of {len(rows)}; Python {sys.version.split()[0]})\n")
    print("| run (s) | report (s) | ratio | timeline data (s) | JSON model (s) | page (s) | page (MB) | requests |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {best['run_s']:.2f} | {best['report_s']:.2f} | {ratio:.2f}x | {best['timeline_s']:.2f} | "
        f"{best['model_s']:.2f} | {best['page_s']:.2f} | {best['mb']:.1f} | {best['requests']:,.0f} |"
    )
    ratios = sorted(row["report_s"] / row["run_s"] for row in rows)  # (each repeat's own: the load varies)
    median = statistics.median(ratios)
    print(f"\nEach repeat's ratio: min {ratios[0]:.2f}x, median {median:.2f}x, max {ratios[-1]:.2f}x.")
    verdict = "met" if ratio <= TARGET_RATIO and best["mb"] < TARGET_MB else "NOT met"
    print(f"\nTarget: report <= {TARGET_RATIO:g}x the run and the page < {TARGET_MB} MB: {verdict}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
