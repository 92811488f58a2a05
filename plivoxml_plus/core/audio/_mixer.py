"""The mixer (A2, A3): one total per group, each listener the totals it may hear
less its own voice, clamped to 16 bits once.

Who may hear whom is the bridge's rule (``bridge.audible``), applied here to
groups: a listener hears every group its group is not kept from by a pair rule,
so its mix is the sum of those groups' totals, less its own contribution when
its own group is among them. Per chunk of samples, each voice is added once
into its group's total, and each listener's row is one subtraction and one
clamp: no listener's mix is summed on its own, and the work stays near the
memory's bandwidth (each voice read once, each output written once:
bench/bench_mix.py).

Two kernels make the rows, with the same sums and bit for bit the same output
(tests/test_mix_kernels.py): NumPy's passes (add, subtract, clamp, one call each
over a chunk), and, when Numba is installed (the ``speed`` extra), a compiled
kernel that does them in one pass over each chunk (``_kernel``), several times
as fast (bench/bench_mix.py) but with a one-off cost per process (importing
Numba and loading or compiling the kernel: seconds, and LLVM's memory). The
environment variable ``PLIVOXML_PLUS_MIXER``, read at the first mix (never at
import), decides: ``numpy`` keeps NumPy's passes, ``numba`` demands the compiled
kernel, unset or ``auto`` mixes with NumPy's passes until the process has mixed
``PAYBACK_MEMBER_SAMPLES``, then with the compiled kernel if Numba imports
(docs/audio.md#speed).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping, Sequence

import numpy as np
import numpy.typing as npt

from ..._errors import AudioError
from ..._extras import require
from ..bridge import NO_RULES, PairRules, Seat, group_hears
from ._signals import FRAME_MS, Samples, check_rate, check_samples

__all__ = ["KERNEL_ENV", "clamp", "mix", "mix_frames", "mix_kernel"]

Wide = npt.NDArray[np.int32]

KERNEL_ENV = "PLIVOXML_PLUS_MIXER"
KERNELS = ("auto", "numba", "numpy")

# Under ``auto``, the member-samples (one sample of one listener's mix) NumPy's
# passes mix in a process before the compiled kernel takes over: its one-off cost
# over what it saves per member-sample (the ski-rental rule: switch once NumPy's
# extra time has reached what the switch costs). Measured with bench/bench_mix.py's
# bridges (16-bit frames, coaching, 8 and 16 kHz, N=2-50, interleaved rounds) on
# the project's shared 2-core machine (NumPy 2.4, Numba 0.68): the compiled kernel
# saves 1.3-2.9 ns per member-sample (median 2.0 ns at N=10-50); its first mix
# costs 3.1-3.4 s when it compiles (a fresh install, or no writable cache folder)
# and 1.0-1.2 s when it loads from Numba's cache, plus ~140 MB resident (LLVM).
# The compile cost is the one counted (a process cannot know whether the cache
# holds the kernel, and the memory is not paid back by speed): 3.3 s / 2.0 ns =
# 1.65e9. (An hour of bench/bench_audio_e2e.py's 10-member call at 16 kHz mixes
# 5.5e8: NumPy's passes all along.)
PAYBACK_MEMBER_SAMPLES = 1_650_000_000


# Samples mixed per pass: a pass's group totals and the row being made stay in the
# processor's cache (a few hundred KiB), while each voice is read from memory
# once and each output row written once. A whole number of 20 ms frames at every
# rate; larger passes make fewer NumPy calls (bench/bench_mix.py).
CHUNK = 38400


class _Plan:
    """Who adds into which total and who takes which, for one set of seats.

    Speakers and listeners are both sorted by group, so that each group is a run
    of rows. ``allowed``: per listening group, the speaker groups no pair rule
    keeps from it (the bridge's rule). ``own``: per listener, the row of its own
    voice to take off (-1: none, it is not in its total). ``taking``: per
    listener, its listening group."""

    __slots__ = ("allowed", "listeners", "own", "spans", "speakers", "taking")

    def __init__(self, seats: Sequence[Seat], rules: PairRules, speaking: set[str]) -> None:
        self.listeners = sorted((seat for seat in seats if seat.hears), key=_group)
        self.speakers = sorted((seat for seat in seats if seat.speaks and seat.call in speaking), key=_group)
        groups: list[str] = []
        self.spans = _runs([seat.group for seat in self.speakers], groups)
        listening: list[str] = []
        _runs([seat.group for seat in self.listeners], listening)
        self.allowed = [
            [i for i, group in enumerate(groups) if group_hears(heard, group, rules)] for heard in listening
        ]
        self.taking = [listening.index(seat.group) for seat in self.listeners]
        row_of = {seat.call: row for row, seat in enumerate(self.speakers)}
        # no one hears itself: its own voice comes off, where its total holds it
        self.own = [
            row_of.get(seat.call, -1) if group_hears(seat.group, seat.group, rules) else -1 for seat in self.listeners
        ]


def _group(seat: Seat) -> str:
    return seat.group


def _runs(groups: list[str], names: list[str]) -> list[tuple[int, int]]:
    """The (first, end) rows of each run of equal ``groups``; their names into ``names``."""
    runs: list[tuple[int, int]] = []
    for row, group in enumerate(groups):
        if names and names[-1] == group:
            runs[-1] = (runs[-1][0], row + 1)
        else:
            names.append(group)
            runs.append((row, row + 1))
    return runs


Kernel = Callable[..., None]


class _Choice:
    """Which kernel mixes in this process: ``PLIVOXML_PLUS_MIXER`` read at the
    first mix, then (``auto``) the member-samples mixed so far against ``payback``."""

    def __init__(self, payback: int) -> None:
        self.payback = payback
        self.asked: str | None = None  # (None: no mix yet)
        self.compiled: Kernel | None = None  # (None: NumPy's passes)
        self.settled = False  # no more to decide: forced, or the compiled kernel tried (once)
        self.mixed = 0  # member-samples mixed (a lost update under threads only delays the switch)
        self.lock = threading.Lock()

    def kernel(self) -> Kernel | None:
        """The kernel for the next mix: the compiled one, or None for NumPy's passes."""
        if not self.settled:
            with self.lock:  # (one thread imports; the others wait for its answer)
                if not self.settled:
                    self._decide()
        return self.compiled

    def _decide(self) -> None:
        if self.asked is None:
            self.asked = os.environ.get(KERNEL_ENV, "").strip().lower() or "auto"
            if self.asked not in KERNELS:
                self.asked = None  # (read again at the next mix: the same error)
                raise AudioError(
                    f"{KERNEL_ENV} = {os.environ[KERNEL_ENV]!r} is not allowed; "
                    f"allowed: {', '.join(KERNELS)} (or unset: auto)"
                )
        if self.asked == "numpy":
            self.settled = True
        elif self.asked == "numba":  # demanded: its absence is an error naming the extra
            require("numba", "speed", f"{KERNEL_ENV}=numba (the compiled mixer)")
            from ._kernel import mix_chunk

            self.compiled, self.settled = mix_chunk, True
        elif self.mixed >= self.payback:  # auto, paid back: tried once, whatever the outcome
            self.settled = True
            try:
                from ._kernel import mix_chunk
            except ImportError:  # (without Numba: NumPy's passes, no error, never tried again)
                return
            self.compiled = mix_chunk


_choice = _Choice(PAYBACK_MEMBER_SAMPLES)


def _choose_afresh(payback: int = PAYBACK_MEMBER_SAMPLES) -> None:
    """Forget the choice (and the member-samples mixed): the next mix reads
    ``PLIVOXML_PLUS_MIXER`` again, and ``auto`` switches after ``payback``
    member-samples (the seam of tests/test_mix_kernels.py and bench/bench_mix.py)."""
    global _choice  # noqa: PLW0603 (the process's one choice, replaced whole)
    _choice = _Choice(payback)


def mix_kernel() -> str:
    """Which kernel mixes now in this process: ``"numba"`` (the compiled one, the
    ``speed`` extra) or ``"numpy"``. From ``PLIVOXML_PLUS_MIXER``, read at the first
    mix (or here); under ``auto`` it turns from ``"numpy"`` to ``"numba"`` once the
    process has mixed ``PAYBACK_MEMBER_SAMPLES`` (docs/audio.md#speed)."""
    return "numpy" if _choice.kernel() is None else "numba"


def _mix_rows(plan: _Plan, voices: Sequence[npt.NDArray[np.integer]], count: int, out: npt.NDArray[np.integer]) -> None:
    """Fill ``out`` (a row per listener; int16: clamped, int32: not) from ``voices``
    (one per speaker, in the plan's order), with the kernel chosen now."""
    choice = _choice
    compiled = choice.kernel()  # (at the first mix, even one with no one to mix)
    if not plan.speakers or not plan.listeners:
        return  # (silence: ``out`` stays as it is)
    if compiled is None:
        _numpy_rows(plan, voices, count, out)
    else:
        _compiled_rows(compiled, plan, voices, count, out)
    choice.mixed += len(plan.listeners) * count


def _compiled_rows(
    compiled: Kernel,
    plan: _Plan,
    voices: Sequence[npt.NDArray[np.integer]],
    count: int,
    out: npt.NDArray[np.integer],
) -> None:
    """``_mix_rows`` with the compiled kernel, ``CHUNK`` samples at a time: each
    chunk of every voice is copied into one block (a row per speaker, in the
    processor's cache) that the kernel reads in a single pass."""
    spans = np.array(plan.spans, dtype=np.int64)
    hears = np.zeros((len(plan.allowed), len(plan.spans)), dtype=np.bool_)
    for lg, allowed in enumerate(plan.allowed):
        hears[lg, allowed] = True
    taking = np.array(plan.taking, dtype=np.int64)
    own = np.array(plan.own, dtype=np.int64)
    narrow = all(voice.dtype == np.int16 for voice in voices)
    wide = np.empty((len(voices), min(CHUNK, count)), dtype=np.int16 if narrow else np.int32)
    clamp_here = out.dtype == np.int16
    for begin in range(0, count, CHUNK):
        end = min(begin + CHUNK, count)
        for speaker, voice in enumerate(voices):  # (refusing what NumPy's passes refuse: floats)
            np.copyto(wide[speaker, : end - begin], voice[begin:end], casting="same_kind")
        compiled(wide, end - begin, spans, hears, taking, own, out, begin, clamp_here)


def _numpy_rows(
    plan: _Plan, voices: Sequence[npt.NDArray[np.integer]], count: int, out: npt.NDArray[np.integer]
) -> None:
    """``_mix_rows`` with NumPy's passes, ``CHUNK`` samples at a time: per chunk,
    each voice is read once into its group's total, and each listener's row is
    one subtraction and one clamp, straight into its output; the totals and the
    row being made stay in the processor's cache."""
    width = min(CHUNK, count)
    totals = np.empty((len(plan.spans), width), dtype=np.int32)
    heard = np.empty((len(plan.allowed), width), dtype=np.int32)
    row = np.empty(width, dtype=np.int32)
    clamp_here = out.dtype == np.int16
    for begin in range(0, count, CHUNK):
        end = min(begin + CHUNK, count)
        w = end - begin
        for g, (first, last) in enumerate(plan.spans):  # one total per group
            total = totals[g, :w]
            if last - first == 1:
                total[...] = voices[first][begin:end]
            else:
                np.add(voices[first][begin:end], voices[first + 1][begin:end], out=total, dtype=np.int32)
            for speaker in range(first + 2, last):
                np.add(total, voices[speaker][begin:end], out=total, dtype=np.int32)
        sums = []  # what each listening group may hear: a total itself when it is one group
        for lg, allowed in enumerate(plan.allowed):
            if len(allowed) == 1:
                sums.append(totals[allowed[0], :w])
                continue
            mixed = heard[lg, :w]
            if allowed:
                np.add(totals[allowed[0], :w], totals[allowed[1], :w], out=mixed)
                for more in allowed[2:]:
                    np.add(mixed, totals[more, :w], out=mixed)
            else:
                mixed[...] = 0
            sums.append(mixed)
        for listener, (taking, own) in enumerate(zip(plan.taking, plan.own, strict=True)):
            mix_row = sums[taking]
            if own >= 0:  # no one hears itself: its own voice comes off its group's sum
                mix_row = np.subtract(mix_row, voices[own][begin:end], out=row[:w], dtype=np.int32)
            if clamp_here:  # A3: saturate once, straight into the 16-bit output
                np.clip(mix_row, -32768, 32767, out=out[listener, begin:end], casting="unsafe")
            else:
                out[listener, begin:end] = mix_row


def mix(
    seats: Sequence[Seat], rules: PairRules, voices: Mapping[str, npt.NDArray[np.integer]], count: int
) -> dict[str, Wide]:
    """The unclamped mix each member that hears the bridge receives over ``count``
    samples: ``voices`` holds what each speaking member says (int16 or int32, length
    ``count``; a member without one is silent). Members that do not hear get no
    entry (they hear their own source instead)."""
    plan = _Plan(seats, rules, set(voices))
    out = np.zeros((len(plan.listeners), count), dtype=np.int32)
    _mix_rows(plan, [voices[seat.call] for seat in plan.speakers], count, out)
    return {seat.call: out[i] for i, seat in enumerate(plan.listeners)}


def clamp(samples: Wide) -> Samples:
    """A3: 32-bit sums to 16 bits, saturating once (never wrapping around)."""
    return np.clip(samples, -32768, 32767, out=np.empty(samples.shape, dtype=np.int16), casting="unsafe")


def mix_frames(
    seats: Sequence[Seat],
    frames: Mapping[str, Samples],
    *,
    rules: PairRules = NO_RULES,
    rate: int = 8000,
) -> dict[str, Samples]:
    """Mix whole 20 ms frames at ``rate``: ``frames`` maps a member's call to
    what it says (int16, the same whole number of frames for all); the result
    maps every member to what it hears (silence for one that does not hear the
    bridge: its own source is the caller's to add)."""
    check_rate(rate)
    per_frame = rate * FRAME_MS // 1000
    members = {seat.call for seat in seats}
    unknown = sorted(set(frames) - members)
    if unknown:
        raise AudioError(f"audio for {', '.join(map(repr, unknown))}, who is not a member (members: {sorted(members)})")
    checked = {call: check_samples(value, f"audio of {call!r}") for call, value in frames.items()}
    lengths = {len(value) for value in checked.values()}
    if len(lengths) > 1:
        raise AudioError(f"every member's audio must be as long; lengths given: {sorted(lengths)}")
    count = lengths.pop() if lengths else per_frame
    if count % per_frame:
        raise AudioError(
            f"audio must be whole {FRAME_MS} ms frames of {per_frame} samples at {rate} Hz; "
            f"{count} samples is {count / per_frame:g} frames"
        )
    plan = _Plan(seats, rules, set(checked))
    out = np.zeros((len(plan.listeners), count), dtype=np.int16)
    _mix_rows(plan, [checked[seat.call] for seat in plan.speakers], count, out)
    row = {seat.call: i for i, seat in enumerate(plan.listeners)}
    silence = np.zeros(count, dtype=np.int16)
    return {seat.call: out[row[seat.call]] if seat.call in row else silence for seat in seats}
