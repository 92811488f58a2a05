"""The mixer (A2, A3): one total per group, each listener the totals it may hear
less its own voice, clamped to 16 bits once.

Who may hear whom is the bridge's rule (``bridge.audible``), applied here to
groups: a listener hears every group its group is not kept from by a pair rule,
so its mix is the sum of those groups' totals, less its own contribution when
its own group is among them. The work is a few whole-array operations per chunk
of samples, however many listeners: the totals once, then one subtraction and
one clamp over every listener at once. No listener's mix is summed on its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from ..._errors import AudioError
from ..bridge import NO_RULES, PairRules, Seat, group_hears
from ._signals import FRAME_MS, Samples, check_rate, check_samples

__all__ = ["clamp", "mix", "mix_frames"]

Wide = npt.NDArray[np.int32]


# Samples mixed per pass: a pass's rows (every speaker's, every listener's) stay in
# the processor's cache, so each sample is read from memory about once, not once
# per step. A whole number of 20 ms frames at every rate (bench/bench_mix.py).
CHUNK = 960


class _Plan:
    """Who adds into which total and who takes which, for one set of seats.

    Speakers and listeners are both sorted by group, so that each group is a run
    of rows. ``allowed``: per listening group, the speaker groups no pair rule
    keeps from it (the bridge's rule). ``own``: per listener, the row of its own
    voice to take off (-1: none, it is not in its total). When the listeners are
    the speakers, row for row (the usual bridge: everyone speaks and hears),
    ``runs`` gives each listening group's rows, and a group's mix is one
    subtraction: its total less each member's own row."""

    __slots__ = ("allowed", "listeners", "own", "runs", "spans", "speakers", "taking")

    def __init__(self, seats: Sequence[Seat], rules: PairRules, speaking: set[str]) -> None:
        self.listeners = sorted((seat for seat in seats if seat.hears), key=_group)
        self.speakers = sorted((seat for seat in seats if seat.speaks and seat.call in speaking), key=_group)
        groups: list[str] = []
        self.spans = _runs([seat.group for seat in self.speakers], groups)
        listening: list[str] = []
        listener_runs = _runs([seat.group for seat in self.listeners], listening)
        self.allowed = [
            [i for i, group in enumerate(groups) if group_hears(heard, group, rules)] for heard in listening
        ]
        self.taking = [listening.index(seat.group) for seat in self.listeners]
        row_of = {seat.call: row for row, seat in enumerate(self.speakers)}
        # no one hears itself: its own voice comes off, where its total holds it
        self.own = [
            row_of.get(seat.call, -1) if group_hears(seat.group, seat.group, rules) else -1 for seat in self.listeners
        ]
        aligned = [seat.call for seat in self.listeners] == [seat.call for seat in self.speakers]
        # per listening group: (its listener rows, whether its members take their own voice off)
        self.runs: list[tuple[int, int, bool]] | None = None
        if aligned:
            pairs = zip(listener_runs, listening, strict=True)
            self.runs = [(first, last, group_hears(group, group, rules)) for (first, last), group in pairs]


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


def _mix_rows(
    plan: _Plan, voices: Sequence[npt.NDArray[np.integer]], count: int, out: npt.NDArray[np.integer]
) -> None:
    """Fill ``out`` (a row per listener; int16: clamped, int32: not) from ``voices``
    (one per speaker, in the plan's order), ``CHUNK`` samples at a time: each
    chunk of the voices is gathered once, and every step after reads it from cache."""
    width = min(CHUNK, count)
    gathered = np.empty((len(voices), width), dtype=np.result_type(*voices))
    totals = np.empty((len(plan.spans), width), dtype=np.int32)
    heard = np.zeros((len(plan.allowed), width), dtype=np.int32)
    block = np.empty((len(plan.listeners), width), dtype=np.int32)
    taking = np.asarray(plan.taking)
    own_at = [i for i, row in enumerate(plan.own) if row >= 0]
    own_rows = [plan.own[i] for i in own_at]
    clamp_here = out.dtype == np.int16
    for begin in range(0, count, CHUNK):
        end = min(begin + CHUNK, count)
        w = end - begin
        piece = gathered[:, :w]
        np.stack([voice[begin:end] for voice in voices], out=piece)
        for g, (first, last) in enumerate(plan.spans):  # one total per group
            np.sum(piece[first:last], axis=0, dtype=np.int32, out=totals[g, :w])
        for lg, allowed in enumerate(plan.allowed):  # what each listening group may hear
            if len(allowed) == 1:
                heard[lg, :w] = totals[allowed[0], :w]
            elif allowed:
                np.sum(totals[allowed, :w], axis=0, dtype=np.int32, out=heard[lg, :w])
        if plan.runs is not None:  # a group's mix: its total less each member's own voice
            for lg, (first, last, less_own) in enumerate(plan.runs):
                if less_own:
                    np.subtract(heard[lg, :w], piece[first:last], out=block[first:last, :w])
                else:
                    block[first:last, :w] = heard[lg, :w]
        else:
            np.take(heard[:, :w], taking, axis=0, out=block[:, :w])
            if own_at:
                block[own_at, :w] -= piece[own_rows]
        if clamp_here:  # A3: saturate once, straight into the 16-bit output
            np.clip(block[:, :w], -32768, 32767, out=out[:, begin:end], casting="unsafe")
        else:
            out[:, begin:end] = block[:, :w]


def mix(seats: Sequence[Seat], rules: PairRules, voices: Mapping[str, Wide], count: int) -> dict[str, Wide]:
    """The unclamped mix each member that hears the bridge receives over ``count``
    samples: ``voices`` holds what each speaking member says (int32, length
    ``count``; a member without one is silent). Members that do not hear get no
    entry (they hear their own source instead)."""
    plan = _Plan(seats, rules, set(voices))
    if not plan.listeners:
        return {}
    out = np.zeros((len(plan.listeners), count), dtype=np.int32)
    if plan.speakers:
        _mix_rows(plan, [voices[seat.call] for seat in plan.speakers], count, out)
    return {seat.call: out[i] for i, seat in enumerate(plan.listeners)}


def clamp(samples: Wide) -> Samples:
    """A3: 32-bit sums to 16 bits, saturating once (never wrapping around)."""
    return np.clip(samples, -32768, 32767).astype(np.int16)


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
    if plan.speakers and plan.listeners:
        _mix_rows(plan, [checked[seat.call] for seat in plan.speakers], count, out)
    row = {seat.call: i for i, seat in enumerate(plan.listeners)}
    silence = np.zeros(count, dtype=np.int16)
    return {seat.call: out[row[seat.call]] if seat.call in row else silence for seat in seats}
