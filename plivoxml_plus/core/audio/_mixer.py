"""The mixer (A2, A3): one total per group, each listener the totals it may hear
less its own voice, clamped to 16 bits once.

Who may hear whom is the bridge's rule (``bridge.audible``), applied here to
groups: a listener hears every group its group is not kept from by a pair rule,
so its mix is the sum of those groups' totals, less its own contribution when
its own group is among them. The work is a few whole-array operations per block
of samples, however many listeners: the totals once, then one subtraction and
one clamp over every listener at once. No listener's mix is summed on its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from ..._errors import AudioError
from ..bridge import NO_RULES, PairRules, Seat
from ._signals import FRAME_MS, Samples, check_rate, check_samples

__all__ = ["clamp", "mix", "mix_frames"]

Wide = npt.NDArray[np.int32]


def mix(seats: Sequence[Seat], rules: PairRules, voices: Mapping[str, Wide], count: int) -> dict[str, Wide]:
    """The unclamped mix each member that hears the bridge receives over ``count``
    samples: ``voices`` holds what each speaking member says (int32, length
    ``count``; a member without one is silent). Members that do not hear get no
    entry (they hear their own source instead)."""
    listeners = [seat for seat in seats if seat.hears]
    if not listeners:
        return {}
    speakers = sorted((seat for seat in seats if seat.speaks and seat.call in voices), key=lambda seat: seat.group)
    if not speakers:
        silence = np.zeros(count, dtype=np.int32)
        return {seat.call: silence for seat in listeners}
    stack = np.stack([voices[seat.call] for seat in speakers])  # one row per speaker, grouped
    groups: list[str] = []
    starts: list[int] = []
    for row, seat in enumerate(speakers):
        if not groups or groups[-1] != seat.group:
            groups.append(seat.group)
            starts.append(row)
    totals = np.add.reduceat(stack, starts, axis=0, dtype=np.int32)  # one total per group
    # per listening group, the sum of the totals no pair rule keeps from it
    listening = sorted({seat.group for seat in listeners})
    heard = np.zeros((len(listening), count), dtype=np.int32)
    for i, group in enumerate(listening):
        allowed = [j for j, speaker_group in enumerate(groups) if (speaker_group, group) not in rules]
        if allowed:
            heard[i] = totals[allowed].sum(axis=0, dtype=np.int32)
    out = heard[[listening.index(seat.group) for seat in listeners]]  # one row per listener
    # less its own voice where it is in its total: no one hears itself
    row_of = {seat.call: row for row, seat in enumerate(speakers)}
    own = [
        (i, row_of[seat.call])
        for i, seat in enumerate(listeners)
        if seat.call in row_of and (seat.group, seat.group) not in rules
    ]
    if own:
        rows, voices_rows = zip(*own, strict=True)
        out[list(rows)] -= stack[list(voices_rows)]
    return {seat.call: out[i] for i, seat in enumerate(listeners)}


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
    wide = {call: value.astype(np.int32) for call, value in checked.items()}
    mixed = mix(seats, rules, wide, count)
    silence = np.zeros(count, dtype=np.int16)
    return {seat.call: clamp(mixed[seat.call]) if seat.call in mixed else silence for seat in seats}
