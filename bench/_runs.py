"""What the simulation benchmarks share: timing a scenario built for 1, 4 and 16
simulated hours (best of several runs, timing ``Simulation.run`` only) and
printing the figures with the linearity table and the target's verdict."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from plivoxml_plus.core import Simulation

HOURS = (1, 4, 16)

Row = tuple[float, int, int, float, float]  # hours, events, requests, best build s, best run s


def measure(build: Callable[[float], Simulation], hours: float, repeats: int) -> Row:
    best_build = best_run = float("inf")
    events = requests = 0
    for _ in range(repeats):
        started = time.perf_counter()
        sim = build(hours)
        built = time.perf_counter()
        sim.run()
        done = time.perf_counter()
        best_build = min(best_build, built - started)
        best_run = min(best_run, done - built)
        events, requests = sim.events_processed, len(sim.requests)
    return hours, events, requests, best_build, best_run


def report(title: str, build: Callable[[float], Simulation], *, repeats: int, target: int) -> int:
    """Measure at each of ``HOURS`` and print the tables; 0 (the exit code)."""
    rows = [measure(build, hours, repeats) for hours in HOURS]
    print(f"{title} (best of {repeats}; Python {sys.version.split()[0]})\n")
    print("| simulated | events | HTTP requests | build (s) | run (s) | events/s | µs/event |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for hours, events, requests, build_s, run_s in rows:
        print(
            f"| {hours} h | {events:,} | {requests:,} | {build_s:.4f} | {run_s:.4f} | "
            f"{events / run_s:,.0f} | {run_s / events * 1e6:.2f} |"
        )
    base_events, base_run = rows[0][1], rows[0][4]
    print("\n| linearity | events ratio | time ratio | cost per event vs 1 h |")
    print("|---|---:|---:|---:|")
    for hours, events, _, _, run_s in rows[1:]:
        per_event = (run_s / events) / (base_run / base_events)
        print(f"| {hours} h vs 1 h | {events / base_events:.2f} | {run_s / base_run:.2f} | {per_event:.2f}x |")
    rate = rows[0][1] / rows[0][4]
    verdict = "met" if rate >= target else "NOT met"
    print(f"\nTarget >= {target:,} simulated events/s on one core (1 h run): {verdict} ({rate:,.0f}/s).")
    return 0


def talk_spurts(sim: Simulation, rng: random.Random, name: str, at: float, hangup: float) -> None:
    """Talk in spurts of 2-8 s with gaps of 5-40 s, from ``at`` until 10 s before ``hangup``."""
    t = at + rng.uniform(1, 10)
    while t < hangup - 10:
        length = rng.uniform(2, 8)
        sim.talk(name, start=round(t, 3), end=round(t + length, 3))
        t += length + rng.uniform(5, 40)


def fresh_run(script: str, *arguments: str) -> dict[str, float]:
    """Run ``script`` (a benchmark's internal one-run mode) in a fresh interpreter and
    return the figures of the JSON line it prints last."""
    done = subprocess.run(
        [sys.executable, str(Path(script).resolve()), *arguments], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"{' '.join(arguments)}: the run failed (exit status {done.returncode})")
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures
