"""Talk detection from the sound itself (item 6 of the mixing issue): a caller
talks while the energy of its audio is high, as FreeSWITCH's conference decides
it (energy-level): per 20 ms frame, the mean absolute sample; a frame at or
above ``threshold`` is speech; talk goes on through ``hangover_ms`` of quieter
frames, so the pauses between words do not end it."""

from __future__ import annotations

import attrs
import numpy as np

from ...elements._checks import Integer
from .._settings import checked
from ._signals import FRAME_MS, Samples

__all__ = ["TalkDetector"]


@attrs.frozen(kw_only=True)
class TalkDetector:
    # mean absolute sample of a 20 ms frame at which it counts as speech; about
    # -40 dBFS, FreeSWITCH's default energy level (300) on its own scale [oss/inf]
    threshold: int = attrs.field(default=300, validator=checked(Integer(1, 32767)))
    # how long talk lasts after the last loud frame (FreeSWITCH: a few frames) [inf]
    hangover_ms: int = attrs.field(default=200, validator=checked(Integer(0, 10_000)))

    def spurts(self, samples: Samples, rate: int) -> list[tuple[int, int]]:
        """The talk spurts of ``samples``: (start ms, end ms) from its first sample."""
        per_frame = rate * FRAME_MS // 1000
        frames = len(samples) // per_frame
        if frames == 0:
            return []
        energy = np.abs(samples[: frames * per_frame].astype(np.int32)).reshape(frames, per_frame).mean(axis=1)
        loud = np.flatnonzero(energy >= self.threshold)
        spurts: list[tuple[int, int]] = []
        hangover = -(-self.hangover_ms // FRAME_MS)
        total_ms = frames * FRAME_MS
        for frame in loud.tolist():
            start = frame * FRAME_MS
            end = min(total_ms, (frame + 1 + hangover) * FRAME_MS)
            if spurts and start <= spurts[-1][1]:
                spurts[-1] = (spurts[-1][0], max(spurts[-1][1], end))
            else:
                spurts.append((start, end))
        return spurts
