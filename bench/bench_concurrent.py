"""The reference core's scaling: many concurrent calls over 50 rooms for 2 simulated hours.

Run from the repository root:

    .venv/bin/python bench/bench_concurrent.py
    .venv/bin/python bench/bench_concurrent.py --sizes 500,1000

N calls (500, 1000, 2000, 4000 and 8000 by default) arrive uniformly over 2
simulated hours, each into one of 50 rooms ("room-00".."room-49") picked at
random; each stays 2-20 minutes, talks in spurts (2-8 s, with gaps of 5-40 s)
and presses digits now and then. Every member joins with a callbackUrl and
floorEvent (one in four with digitsMatch too), all with the default
startConferenceOnEnter, so the run records many HTTP requests. The scenario is
built from a fixed random seed, so every run of a size simulates the same
events. (At 8000 calls a room holds about 15 members on average, so at its
busiest moments a room may reach the 20-member limit and turn a caller away.)

Each size runs in a fresh interpreter (``--one N``, the internal mode: build
once, run once, print one JSON line), so the peak memory is that of one
simulation: the process's peak resident set size (``ru_maxrss``), beside the
resident set size right after the imports, the difference being the
simulation's own share. Each size runs ``--repeats`` times (3 by default), each
in its own interpreter; the figures are the best run's (the least disturbed by
other work on the machine), with the median and slowest run time beside it, and
the highest peak memory of the runs. Building the scenario and ``Simulation.run``
are timed separately, in the process's CPU time (the run is single-threaded: on
an idle machine the same as the wall time, and not stretched by other work).

``--scenario ivr``: the IVR-heavy one (both run by default, one after the other) (issue 21, item 5). Each call answers a
GetDigits menu (a Speak prompt), presses 1, is sent by the menu's action to a
Dial of an agent of its own (who answers after 2-6 s and hangs up after 1-5
minutes), and the Dial's action puts it into one of the 50 rooms, where it talks
and presses digits as above until it hangs up.

Linearity: the cost per event should stay flat as the calls (and the number of
calls talking at once) grow; the 2x size should take about 2x as long. Target
(issue 21, item 5): at 8,000 calls, at most 1.3x the cost per event at 500.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _runs import fresh_run, talk_spurts  # (bench/ is on the path: the script's folder)

from plivoxml_plus import Conference, Dial, GetDigits, Response, Speak
from plivoxml_plus.core import Simulation

SIZES = (500, 1000, 2000, 4000, 8000)
ROOMS = 50
HOURS = 2
CB = "https://example.com/conference-events"
ACTION = "https://example.com/after-conference"
DIGITS = ("1", "5", "11", "22", "#9", "123")
TARGET_CALLS = 4000
TARGET_SECONDS = 2.0  # Simulation.run, on one core
TARGET_MB = 300  # peak resident set size of the whole process
TARGET_LINEARITY = 1.3  # cost per event at the largest size over that at the smallest
REPEATS = 3  # fresh-interpreter runs per size: the best is shown (a busy machine only slows a run)
MENU = "https://example.com/menu/"
CONNECTED = "https://example.com/after-dial/"


def build(calls: int, seed: int = 20240101, hours: int = HOURS) -> Simulation:
    rng = random.Random(seed)
    end = hours * 3600
    sim = Simulation(urls={ACTION: "<Response><Speak>Thanks, goodbye.</Speak></Response>"})
    # one document per room and kind, shared by its calls: the build stays cheap
    plain = [
        Response().add(Conference(f"room-{room:02d}", callback_url=CB, floor_event=True, action=ACTION))
        for room in range(ROOMS)
    ]
    matching = [
        Response()
        .add(
            Conference(
                f"room-{room:02d}",
                callback_url=CB,
                floor_event=True,
                digits_match="11,22,#9",
                action=ACTION,
                redirect=False,
            )
        )
        .add(Speak("goodbye"))
        for room in range(ROOMS)
    ]
    for index, at in enumerate(sorted(rng.uniform(0, end) for _ in range(calls))):
        name = f"c{index:05d}"
        room = rng.randrange(ROOMS)
        document = matching[room] if rng.random() < 0.25 else plain[room]
        hangup = at + rng.uniform(120, 1200)
        sim.call(name, document, at=round(at, 3), hangup=round(hangup, 3))
        _converse(sim, rng, name, at, hangup)
    return sim


def build_ivr(calls: int, seed: int = 20240101, hours: int = HOURS) -> Simulation:
    """The IVR-heavy scenario: GetDigits, then a Dial of an agent, then a room."""
    rng = random.Random(seed)
    end = hours * 3600
    urls = {ACTION: "<Response><Speak>Thanks, goodbye.</Speak></Response>"}
    rooms = [
        Response().add(Conference(f"room-{room:02d}", callback_url=CB, floor_event=True, action=ACTION)).to_string()
        for room in range(ROOMS)
    ]
    arrivals = sorted(rng.uniform(0, end) for _ in range(calls))
    for index in range(calls):  # each call's menu and dial answer at URLs of its own (a webhook per caller)
        name = f"c{index:05d}"
        urls[f"{MENU}{name}"] = Response().add(Dial(action=f"{CONNECTED}{name}").add_number(_agent(index))).to_string()
        urls[f"{CONNECTED}{name}"] = rooms[rng.randrange(ROOMS)]
    sim = Simulation(urls=urls)
    for index, at in enumerate(arrivals):
        name = f"c{index:05d}"
        menu = GetDigits(action=f"{MENU}{name}", num_digits=1, timeout=10)
        document = Response().add(menu.add(Speak("For sales press 1, for support press 2.")))
        hangup = at + rng.uniform(300, 1500)
        ring = rng.uniform(2, 6)
        sim.call(name, document, at=round(at, 3), hangup=round(hangup, 3))
        sim.press(name, "1", at=round(at + 2, 3))
        sim.callee(f"a{index:05d}", _agent(index), ring=round(ring, 3), hangup_after=round(rng.uniform(60, 300), 3))
        _converse(sim, rng, name, at + 2 + ring, hangup)
    return sim


def _agent(index: int) -> str:
    return f"1555{index:07d}"


def _converse(sim: Simulation, rng: random.Random, name: str, at: float, hangup: float) -> None:
    """Talk spurts and digits from ``at`` until ``hangup``."""
    talk_spurts(sim, rng, name, at, hangup)
    t = at + rng.uniform(30, 120)
    while t < hangup - 5:  # digits
        sim.press(name, rng.choice(DIGITS), at=round(t, 3))
        t += rng.uniform(60, 240)


def _rss_kib() -> int:
    """The process's peak resident set size so far, in KiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # bytes on macOS, KiB on Linux


SCENARIOS = {"rooms": build, "ivr": build_ivr}


def one(calls: int, scenario: str, hours: int = HOURS) -> int:
    """The internal mode: build and run one size, print one JSON line."""
    imports_kib = _rss_kib()  # the imports are done: the peak so far is the RSS now
    # the process's CPU time: a single-threaded run's wall time on an idle machine,
    # and not stretched while other processes share the cores (a long run always
    # shares them more than a short one: the linearity would then measure the load)
    started = time.process_time()
    sim = SCENARIOS[scenario](calls, hours=hours)
    built = time.process_time()
    sim.run()
    done = time.process_time()
    figures = {
        "calls": calls,
        "events": sim.events_processed,
        "requests": len(sim.requests),
        "build_s": built - started,
        "run_s": done - built,
        "imports_kib": imports_kib,
        "peak_kib": _rss_kib(),
    }
    print(json.dumps(figures), flush=True)
    return 0


def measure(calls: int, scenario: str, repeats: int = REPEATS, hours: int = HOURS) -> dict[str, float]:
    """The figures of one size: its fastest run of ``repeats``, each in a fresh
    interpreter, with the median and slowest run times (``run_median``,
    ``run_max``) and the highest peak memory of them all."""
    arguments = ("--one", str(calls), "--scenario", scenario, "--hours", str(hours))
    runs = [fresh_run(__file__, *arguments) for _ in range(repeats)]
    times = [run["run_s"] for run in runs]
    best = dict(min(runs, key=lambda run: run["run_s"]))
    best.update(run_median=statistics.median(times), run_max=max(times), peak_kib=max(run["peak_kib"] for run in runs))
    return best


def sizes(text: str) -> tuple[int, ...]:
    try:
        values = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of call counts: {text!r}") from None
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError(f"call counts must be positive integers: {text!r}")
    return values


def positive(text: str) -> int:
    """A count of runs: a whole number, at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--sizes", type=sizes, default=SIZES, help="call counts, comma-separated (default: 500,...,8000)"
    )
    parser.add_argument(
        "--scenario", choices=[*sorted(SCENARIOS), "all"], default="all", help="rooms, ivr or all (the default)"
    )
    parser.add_argument(
        "--repeats", type=positive, default=REPEATS, help=f"runs per size, the best shown (default: {REPEATS})"
    )
    parser.add_argument(
        "--hours",
        type=positive,
        default=HOURS,
        help=f"simulated hours the calls arrive over (default: {HOURS}, the targets' own): 8000 calls over 32 hours "
        "hold each room as full as 500 over 2, so that the run's size and the calls talking at once can be told apart",
    )
    parser.add_argument("--one", type=int, metavar="N", help=argparse.SUPPRESS)  # internal: one size, JSON out
    args = parser.parse_args(argv)
    if args.one is not None:
        return one(args.one, args.scenario, args.hours)
    for scenario in ("rooms", "ivr") if args.scenario == "all" else (args.scenario,):
        table(scenario, args.sizes, args.repeats, args.hours)
    return 0


def table(scenario: str, chosen: tuple[int, ...], repeats: int = REPEATS, hours: int = HOURS) -> None:
    """Measure the scenario at each size and print its tables and targets."""
    rows = [measure(calls, scenario, repeats, hours) for calls in sorted(set(chosen))]
    kind = "GetDigits -> Dial -> room calls" if scenario == "ivr" else "calls"
    print("\n##", scenario, "\n")
    print(
        f"Simulating N {kind} over {ROOMS} rooms for {hours} simulated hours "
        f"(best of {repeats} runs per size, each in a fresh interpreter; Python {sys.version.split()[0]})\n"
    )
    print(
        "| calls | events | HTTP requests | build (s) | run (s) | run median / slowest (s) | events/s | µs/event "
        "| RSS after imports (MB) | peak RSS (MB) | simulation's share (MB) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        events, run_s = row["events"], row["run_s"]
        imports_mb, peak_mb = row["imports_kib"] / 1024, row["peak_kib"] / 1024
        print(
            f"| {row['calls']:,} | {events:,} | {row['requests']:,} | {row['build_s']:.3f} | {run_s:.3f} | "
            f"{row['run_median']:.3f} / {row['run_max']:.3f} | {events / run_s:,.0f} | {run_s / events * 1e6:.2f} | "
            f"{imports_mb:.1f} | {peak_mb:.1f} | {peak_mb - imports_mb:.1f} |"
        )
    base = rows[0]  # the smallest size: 500 calls by default
    base_calls, base_events, base_run = base["calls"], base["events"], base["run_s"]
    if len(rows) > 1:
        print(f"\n| linearity | calls ratio | events ratio | time ratio | cost per event vs {base_calls:,} |")
        print("|---|---:|---:|---:|---:|")
    for row in rows[1:]:
        per_event = (row["run_s"] / row["events"]) / (base_run / base_events)
        print(
            f"| {row['calls']:,} vs {base_calls:,} | {row['calls'] / base_calls:.2f} | "
            f"{row['events'] / base_events:.2f} | {row['run_s'] / base_run:.2f} | {per_event:.2f}x |"
        )
    if hours != HOURS:
        print(f"\nThe targets are set for calls over {HOURS} hours: not judged over {hours}.")
        return
    if len(rows) > 1:
        last = rows[-1]
        per_event = (last["run_s"] / last["events"]) / (base_run / base_events)
        verdict = "met" if per_event <= TARGET_LINEARITY else "NOT met"
        print(
            f"\nTarget: cost per event at {last['calls']:,} calls <= {TARGET_LINEARITY}x that at {base_calls:,}: "
            f"{verdict} ({per_event:.2f}x)."
        )
    target = f"Target at {TARGET_CALLS:,} calls: run < {TARGET_SECONDS:g} s and peak RSS < {TARGET_MB} MB"
    measured = [row for row in rows if row["calls"] == TARGET_CALLS]
    if not measured:
        print(f"\n{target}: not measured (include {TARGET_CALLS} in --sizes).")
        return
    run_s, peak_mb = measured[0]["run_s"], measured[0]["peak_kib"] / 1024
    verdict = "met" if run_s < TARGET_SECONDS and peak_mb < TARGET_MB else "NOT met"
    print(f"\n{target}: {verdict} ({run_s:.2f} s, {peak_mb:.0f} MB).")


if __name__ == "__main__":
    sys.exit(main())
