"""The mixer's throughput: ``mix_frames`` against mixing separately for each listener.

Run from the repository root:

    .venv/bin/python bench/bench_mix.py
    .venv/bin/python bench/bench_mix.py --quick    # only N=20 at 16 kHz with coaching

A bridge of N members (2, 10, 20 and 50), every one speaking and hearing, each
saying a 10 s block of random 16-bit audio (full scale, so the sums clip and the
clamp has work): one block between two bridge changes, as the simulator mixes
it. Without coaching the members are split between groups "agent" and
"customer" with no pair rules; with coaching one member (two from N=10 on) is in
group "coach", kept by the rules from "customer", "supervisor" and "coach", the
rest split agent/customer as before.

Two mixers, in the same run, from the same int16 frames to every member's int16
mix:

* fast: ``plivoxml_plus.core.audio.mix_frames`` (one total per group, one
  subtraction and one clamp over every listener at once);
* reference: written here, "mixing separately for each listener": for each
  listener, the rows of the members it may hear (``bridge.audible``) summed with
  NumPy in 32 bits (it leaves itself out by not adding itself), then clamped;
  quadratic in N.

Both are checked to give identical output once per configuration before any
timing. The real-time factor is seconds of bridge audio mixed (the block's
10 s, however many members) per second of wall time on one core; a figure is the
best of several timeit-style repeats (``time.perf_counter``), the two mixers
taking turns. Targets: the fast mixer >= 2000x real time for N=20 at 16 kHz with
coaching, and >= 10x faster than the reference at N=20.

The memory-bandwidth bound (issue 21, item 7): the mix must read every member's
int16 samples and write every member's int16 mix, 4 bytes a sample a member;
at the machine's copy bandwidth, measured in the same run (``np.copyto`` of a
128 MiB array, best of several, counting the bytes read and written), that
takes ``bound`` seconds, and the fast mixer's share of the bound is bound /
its time. Target: >= 25% at N=20, 16 kHz, coaching.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np
import numpy.typing as npt

from plivoxml_plus.core.audio import clamp, mix_frames
from plivoxml_plus.core.bridge import NO_RULES, PairRules, Seat, audible

SIZES = (2, 10, 20, 50)
RATES = (8000, 16000)
SECONDS = 10  # one block between two bridge changes
REPEATS = 5
MIN_RUN_S = 0.1  # calls per repeat: enough for a repeat to take about this long
COACH_RULES: PairRules = frozenset(("coach", group) for group in ("customer", "supervisor", "coach"))
TARGET_RTF = 2000  # fast mixer, N=20, 16 kHz, coaching
TARGET_SPEEDUP = 10  # fast vs reference, N=20
TARGET_BOUND = 0.25  # fast mixer's share of the memory-bandwidth bound, N=20, 16 kHz, coaching
COPY_BYTES = 128 << 20
SEED = 20240101

Samples = npt.NDArray[np.int16]
Mixer = Callable[[], dict[str, Samples]]
Row = tuple[int, int, bool, float, float]  # N, rate, coaching, fast s, reference s (per block)


def bridge(members: int, coaching: bool) -> tuple[list[Seat], PairRules]:
    coaches = (1 if members < 10 else 2) if coaching else 0
    seats = [Seat(f"c{index:02d}", True, True, "coach", None) for index in range(coaches)]
    seats += [
        Seat(f"m{index:02d}", True, True, ("agent", "customer")[index % 2], None) for index in range(members - coaches)
    ]
    return seats, COACH_RULES if coaching else NO_RULES


def reference(seats: Sequence[Seat], frames: Mapping[str, Samples], rules: PairRules) -> dict[str, Samples]:
    """Mixing separately for each listener: sum what it may hear, clamp."""
    row_of = {call: row for row, call in enumerate(frames)}
    wide = np.stack(list(frames.values())).astype(np.int32)
    silence = np.zeros(wide.shape[1], dtype=np.int16)
    out: dict[str, Samples] = {}
    for listener in seats:
        rows = [row_of[call] for call in audible(listener, seats, rules) if call in row_of]
        # audible(): nothing for a listener that does not hear, never itself
        out[listener.call] = clamp(wide[rows].sum(axis=0, dtype=np.int32)) if rows else silence
    return out


def best_seconds(mixers: Sequence[Mixer]) -> list[float]:
    """Best of ``REPEATS`` runs of each mixer, in seconds per call; the mixers take
    turns each round, so a change in the machine's load weighs on both alike."""
    numbers = []
    for mixer in mixers:
        number = 1
        while True:  # calibrate, as timeit's autorange
            started = time.perf_counter()
            for _ in range(number):
                mixer()
            if time.perf_counter() - started >= MIN_RUN_S / 2:
                break
            number *= 2
        numbers.append(number)
    best = [float("inf")] * len(mixers)
    for _ in range(REPEATS):
        for i, (mixer, number) in enumerate(zip(mixers, numbers, strict=True)):
            started = time.perf_counter()
            for _ in range(number):
                mixer()
            best[i] = min(best[i], (time.perf_counter() - started) / number)
    return best


def copy_bandwidth() -> float:
    """Bytes read plus bytes written per second copying a large array (best of 5)."""
    source = np.ones(COPY_BYTES, dtype=np.uint8)
    target = np.empty_like(source)
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        np.copyto(target, source)
        best = min(best, time.perf_counter() - started)
    return 2 * COPY_BYTES / best


def bound_seconds(members: int, rate: int, bandwidth: float) -> float:
    """The least time the mix of one block can take: its bytes at the copy bandwidth."""
    return 4 * members * rate * SECONDS / bandwidth


def measure(members: int, rate: int, coaching: bool, rng: np.random.Generator) -> Row:
    seats, rules = bridge(members, coaching)
    count = rate * SECONDS
    audio = rng.integers(-32768, 32768, size=(members, count), dtype=np.int16)
    frames = {seat.call: audio[row] for row, seat in enumerate(seats)}

    def fast() -> dict[str, Samples]:
        return mix_frames(seats, frames, rules=rules, rate=rate)

    def separately() -> dict[str, Samples]:
        return reference(seats, frames, rules)

    got, expected = fast(), separately()
    assert got.keys() == expected.keys(), (members, rate, coaching)
    for call, samples in expected.items():
        assert got[call].dtype == np.int16, (members, rate, coaching, call)
        assert np.array_equal(got[call], samples), f"N={members} {rate} Hz coaching={coaching}: {call} differs"
    fast_s, reference_s = best_seconds((fast, separately))
    return members, rate, coaching, fast_s, reference_s


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="only N=20 at 16 kHz with coaching")
    args = parser.parse_args(argv)
    configs = (
        [(20, 16000, True)]
        if args.quick
        else [(n, rate, coaching) for n in SIZES for rate in RATES for coaching in (False, True)]
    )
    rng = np.random.default_rng(SEED)
    bandwidth = copy_bandwidth()
    rows = [measure(n, rate, coaching, rng) for n, rate, coaching in configs]
    bandwidth = max(bandwidth, copy_bandwidth())  # (before and after: the machine at its best)

    print(
        f"## Mixing a {SECONDS} s block of random int16 audio per member "
        f"(best of {REPEATS}; Python {sys.version.split()[0]}, NumPy {np.__version__})\n"
    )
    print(
        "| N | rate | coaching | fast (ms/block) | fast × real time "
        "| reference (ms/block) | reference × real time | speed-up | memory bound (ms) | fast's share of it |"
    )
    print("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for n, rate, coaching, fast_s, reference_s in rows:
        bound = bound_seconds(n, rate, bandwidth)
        print(
            f"| {n} | {rate // 1000} kHz | {'yes' if coaching else 'no'} | {fast_s * 1e3:.2f} | "
            f"{SECONDS / fast_s:,.0f}x | {reference_s * 1e3:.2f} | {SECONDS / reference_s:,.0f}x | "
            f"{reference_s / fast_s:.1f}x | {bound * 1e3:.2f} | {bound / fast_s:.0%} |"
        )
    print(f"\nCopy bandwidth (bytes read + written per second): {bandwidth / 1e9:.1f} GB/s.")
    (key,) = [row for row in rows if row[:3] == (20, 16000, True)]
    rtf = SECONDS / key[3]
    speedups = [reference_s / fast_s for n, _, _, fast_s, reference_s in rows if n == 20]
    worst = min(speedups)
    share = bound_seconds(20, 16000, bandwidth) / key[3]
    print(
        f"\nTargets: fast mixer >= {TARGET_RTF:,}x real time at N=20, 16 kHz, coaching: "
        f"{'met' if rtf >= TARGET_RTF else 'NOT met'} ({rtf:,.0f}x); "
        f"fast >= {TARGET_SPEEDUP}x faster than the reference at N=20 (worst configuration): "
        f"{'met' if worst >= TARGET_SPEEDUP else 'NOT met'} ({worst:.1f}x); "
        f">= {TARGET_BOUND:.0%} of the memory-bandwidth bound at N=20, 16 kHz, coaching: "
        f"{'met' if share >= TARGET_BOUND else 'NOT met'} ({share:.0%})."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
