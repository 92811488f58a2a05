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

Three mixers, in the same run, from the same int16 frames to every member's
int16 mix:

* ``mix_frames`` with each of its two kernels, forced (``PLIVOXML_PLUS_MIXER``,
  docs/audio.md#speed): ``numba``, the compiled single-pass kernel (the
  ``speed`` extra; its rows are left out, and said so, without Numba), and
  ``numpy``, NumPy's passes (one total per group, one subtraction and one clamp
  per listener); ``auto``, the default, mixes with NumPy's passes until the
  process has mixed ``PAYBACK_MEMBER_SAMPLES``, then with the compiled kernel;
* reference: written here, "mixing separately for each listener": for each
  listener, the rows of the members it may hear (``bridge.audible``) summed with
  NumPy in 32 bits (it leaves itself out by not adding itself), then clamped;
  quadratic in N.

All are checked to give identical output once per configuration before any
timing. The real-time factor is seconds of bridge audio mixed (the block's
10 s, however many members) per second of wall time on one core. The mixers
take turns, round after round (``REPEATS`` rounds, each call repeated for about
``MIN_RUN_S``), so a burst of load from the machine's other processes weighs on
all alike; a time is the median of the rounds, and a ratio (speed-up, share of
the bound) is taken within each round, printed as min / median / max. Targets:
the mixer >= 2000x real time for N=20 at 16 kHz with coaching, and >= 10x
faster than the reference at N=20, printed for each kernel.

The memory-bandwidth bound (issue 21, item 7): the mix must read every member's
int16 samples and write every member's int16 mix, 4 bytes a sample a member;
at the machine's copy bandwidth, measured in the same run (``np.copyto`` of a
128 MiB array, best of several, counting the bytes read and written, before and
after the mixers), that takes ``bound`` seconds, and a kernel's share of the
bound is bound / its time. Target: >= 25% at N=20, 16 kHz, coaching.

The compiled kernel's first mix in a process compiles it, or loads it from
Numba's cache: both are measured in fresh interpreters with an empty cache
folder of their own (``NUMBA_CACHE_DIR``), kept out of the figures above, and
printed after them, with the payback they imply: that cost over the time the
compiled kernel saves per member-sample (one sample of one listener's mix;
median over N >= 10), beside ``auto``'s ``PAYBACK_MEMBER_SAMPLES``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np
import numpy.typing as npt

from plivoxml_plus.core.audio import _mixer, clamp, mix_frames, mix_kernel
from plivoxml_plus.core.bridge import NO_RULES, PairRules, Seat, audible

SIZES = (2, 10, 20, 50)
RATES = (8000, 16000)
SECONDS = 10  # one block between two bridge changes
REPEATS = 5
MIN_RUN_S = 0.1  # calls per round: enough for a mixer's turn to take about this long
COACH_RULES: PairRules = frozenset(("coach", group) for group in ("customer", "supervisor", "coach"))
TARGET_RTF = 2000  # the mixer, N=20, 16 kHz, coaching
TARGET_SPEEDUP = 10  # the mixer vs reference, N=20
TARGET_BOUND = 0.25  # the mixer's share of the memory-bandwidth bound, N=20, 16 kHz, coaching
KEY = (20, 16000, True)
COPY_BYTES = 128 << 20
SEED = 20240101

Samples = npt.NDArray[np.int16]
Mixer = Callable[[], dict[str, Samples]]


class Row:
    """One configuration's rounds: per kernel, seconds per block in each round,
    and the reference's in the same rounds."""

    def __init__(self, members: int, rate: int, coaching: bool, kernels: dict[str, list[float]], ref: list[float]):
        self.members, self.rate, self.coaching = members, rate, coaching
        self.kernels, self.reference = kernels, ref

    @property
    def config(self) -> tuple[int, int, bool]:
        return self.members, self.rate, self.coaching

    def speedups(self, kernel: str) -> list[float]:
        return [r / k for r, k in zip(self.reference, self.kernels[kernel], strict=True)]

    def saving_ns(self) -> float:
        """What the compiled kernel saves per member-sample (median of the rounds), in ns."""
        member_samples = self.members * self.rate * SECONDS  # (every member hears)
        return statistics.median(
            (numpy_s - numba_s) / member_samples * 1e9
            for numpy_s, numba_s in zip(self.kernels["numpy"], self.kernels["numba"], strict=True)
        )

    def shares(self, kernel: str, bandwidth: float) -> list[float]:
        bound = bound_seconds(self.members, self.rate, bandwidth)
        return [bound / k for k in self.kernels[kernel]]


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


def use(kernel: str) -> None:
    """Make ``mix_frames`` mix with ``kernel`` from now on (as PLIVOXML_PLUS_MIXER would)."""
    os.environ[_mixer.KERNEL_ENV] = kernel
    _mixer._choose_afresh()
    assert mix_kernel() == kernel, kernel


def kernels_here() -> list[str]:
    """The kernels this machine has: numba only with the speed extra (``auto``
    past a payback of nothing takes it if Numba imports)."""
    os.environ.pop(_mixer.KERNEL_ENV, None)
    _mixer._choose_afresh(payback=0)
    here = ["numba", "numpy"] if mix_kernel() == "numba" else ["numpy"]
    _mixer._choose_afresh()
    return here


def rounds(mixers: Sequence[tuple[str | None, Mixer]]) -> list[list[float]]:
    """Seconds per call of each mixer (its kernel chosen first, when it has one), in
    each of ``REPEATS`` rounds; the mixers take turns within a round."""
    numbers = []
    for kernel, mixer in mixers:
        if kernel is not None:
            use(kernel)
        number = 1
        while True:  # calibrate, as timeit's autorange
            started = time.perf_counter()
            for _ in range(number):
                mixer()
            if time.perf_counter() - started >= MIN_RUN_S / 2:
                break
            number *= 2
        numbers.append(number)
    times: list[list[float]] = [[] for _ in mixers]
    for _ in range(REPEATS):
        for i, ((kernel, mixer), number) in enumerate(zip(mixers, numbers, strict=True)):
            if kernel is not None:
                use(kernel)
            started = time.perf_counter()
            for _ in range(number):
                mixer()
            times[i].append((time.perf_counter() - started) / number)
    return times


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


def measure(members: int, rate: int, coaching: bool, kernels: Sequence[str], rng: np.random.Generator) -> Row:
    seats, rules = bridge(members, coaching)
    count = rate * SECONDS
    audio = rng.integers(-32768, 32768, size=(members, count), dtype=np.int16)
    frames = {seat.call: audio[row] for row, seat in enumerate(seats)}

    def fast() -> dict[str, Samples]:
        return mix_frames(seats, frames, rules=rules, rate=rate)

    def separately() -> dict[str, Samples]:
        return reference(seats, frames, rules)

    expected = separately()
    for kernel in kernels:
        use(kernel)
        got = fast()
        assert got.keys() == expected.keys(), (members, rate, coaching, kernel)
        for call, samples in expected.items():
            assert got[call].dtype == np.int16, (members, rate, coaching, kernel, call)
            assert np.array_equal(got[call], samples), f"N={members} {rate} Hz coaching={coaching} {kernel}: {call}"
    *by_kernel, by_reference = rounds([*((kernel, fast) for kernel in kernels), (None, separately)])
    return Row(members, rate, coaching, dict(zip(kernels, by_kernel, strict=True)), by_reference)


FIRST_MIX = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
import numpy as np
from plivoxml_plus.core.audio import mix_frames
from plivoxml_plus.core.bridge import Seat
seats = [Seat("a", True, True, "agent", None), Seat("b", True, True, "customer", None)]
said = {"a": np.ones(320, dtype=np.int16), "b": np.ones(320, dtype=np.int16)}
started = time.perf_counter()
mix_frames(seats, said, rate=16000)
first = time.perf_counter() - started
started = time.perf_counter()
mix_frames(seats, said, rate=16000)
print(json.dumps({"first": first, "next": time.perf_counter() - started}))
"""


def first_mix_seconds() -> tuple[float, float]:
    """The compiled kernel's first mix in a fresh interpreter (importing Numba and
    compiling the kernel, then, in another, loading it from the cache the first
    left), less a second mix's time: the one-off cost, in seconds."""
    root = str(Path(__file__).resolve().parent.parent)
    costs = []
    with tempfile.TemporaryDirectory(prefix="numba-cache-") as cache:
        env = {**os.environ, _mixer.KERNEL_ENV: "numba", "NUMBA_CACHE_DIR": cache}
        for _ in range(2):  # compiled, then loaded
            done = subprocess.run(
                [sys.executable, "-c", FIRST_MIX, root], env=env, capture_output=True, text=True, check=True
            )
            figures = json.loads(done.stdout)
            costs.append(figures["first"] - figures["next"])
    return costs[0], costs[1]


def spread(values: Sequence[float], fmt: str) -> str:
    return " / ".join(format(value, fmt) for value in (min(values), statistics.median(values), max(values)))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="only N=20 at 16 kHz with coaching")
    args = parser.parse_args(argv)
    configs = (
        [KEY] if args.quick else [(n, rate, coaching) for n in SIZES for rate in RATES for coaching in (False, True)]
    )
    kernels = kernels_here()
    rng = np.random.default_rng(SEED)
    bandwidth = copy_bandwidth()
    rows = [measure(n, rate, coaching, kernels, rng) for n, rate, coaching in configs]
    bandwidth = max(bandwidth, copy_bandwidth())  # (before and after: the machine at its best)

    print(
        f"## Mixing a {SECONDS} s block of random int16 audio per member "
        f"({REPEATS} rounds, min / median / max; Python {sys.version.split()[0]}, NumPy {np.__version__})\n"
    )
    print(
        "| N | rate | coaching | kernel | ms per block | × real time | reference × real time "
        "| speed-up over the reference | memory bound (ms) | share of the bound |"
    )
    print("|---:|---:|---|---|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        reference_s = statistics.median(row.reference)
        bound_ms = bound_seconds(row.members, row.rate, bandwidth) * 1e3
        for kernel in kernels:
            kernel_s = statistics.median(row.kernels[kernel])
            print(
                f"| {row.members} | {row.rate // 1000} kHz | {'yes' if row.coaching else 'no'} | {kernel} | "
                f"{kernel_s * 1e3:.2f} | {SECONDS / kernel_s:,.0f}x | {SECONDS / reference_s:,.0f}x | "
                f"{spread(row.speedups(kernel), '.1f')}x | {bound_ms:.2f} | "
                f"{spread(row.shares(kernel, bandwidth), '.0%')} |"
            )
    print(f"\nCopy bandwidth (bytes read + written per second): {bandwidth / 1e9:.1f} GB/s.")
    if "numba" not in kernels:
        print("Numba is not installed (pip install 'plivoxml-plus[speed]'): the compiled kernel is not measured.")
    else:
        compiled, loaded = first_mix_seconds()
        print(
            f"The compiled kernel's first mix in a process (once; not in the figures above): "
            f"{compiled:.2f} s importing Numba and compiling, {loaded:.2f} s importing Numba "
            f"and loading it from Numba's cache."
        )
        savings = [row.saving_ns() for row in rows if row.members >= 10] or [row.saving_ns() for row in rows]
        saving = statistics.median(savings)
        print(
            f"It saves {min(savings):.2f} / {saving:.2f} / {max(savings):.2f} ns per member-sample "
            f"(min / median / max over the configurations with N >= 10): it pays back after "
            f"{compiled / saving:.2f} billion member-samples when it compiles, "
            f"{loaded / saving:.2f} billion when it loads; auto switches after "
            f"{_mixer.PAYBACK_MEMBER_SAMPLES * 1e-9:.2f} billion (PAYBACK_MEMBER_SAMPLES)."
        )
    (key,) = [row for row in rows if row.config == KEY]
    print("\nTargets (N=20, 16 kHz, coaching; the speed-up: the worst configuration at N=20), by kernel:")
    for kernel in kernels:
        rtf = SECONDS / statistics.median(key.kernels[kernel])
        worst = min(statistics.median(row.speedups(kernel)) for row in rows if row.members == 20)
        share = statistics.median(key.shares(kernel, bandwidth))
        default = " (auto's, past the payback)" if kernel == "numba" else " (auto's, until the payback)"
        print(
            f"- {kernel}{default}: >= {TARGET_RTF:,}x real time: {'met' if rtf >= TARGET_RTF else 'NOT met'} "
            f"({rtf:,.0f}x); >= {TARGET_SPEEDUP}x faster than the reference: "
            f"{'met' if worst >= TARGET_SPEEDUP else 'NOT met'} ({worst:.1f}x); "
            f">= {TARGET_BOUND:.0%} of the memory-bandwidth bound: "
            f"{'met' if share >= TARGET_BOUND else 'NOT met'} ({share:.0%})."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
