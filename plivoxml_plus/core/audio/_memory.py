"""The memory a render needs, checked before anything is allocated (issue 17, item 7).

The renderer holds every track whole (until the audio path streams), so a long
run at a high rate with many calls needs gigabytes. Its peak is estimated from
the tracks' lengths alone, and a render over the limit is refused with the
figures and the way out, instead of a NumPy MemoryError (or the machine
swapping) halfway through.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..._errors import AudioError

__all__ = ["DEFAULT_MEMORY_LIMIT", "check_memory", "check_memory_limit", "memory_needed"]

DEFAULT_MEMORY_LIMIT = 2 << 30  # 2 GiB: within a laptop's or a CI runner's memory

# Bytes held per sample (upper bounds, measured with tracemalloc on 1 to 30 calls):
# of each call: its 32-bit sum (4), its voice and its mix over a stretch (4 + 4), its 16-bit result (2)
CALL_BYTES = 14
# of each recording: its 32-bit sum (4) and its 16-bit result (2)
RECORDING_BYTES = 6
# of the longest track, per sound document (wait and hold music, made as far as anyone hears it)
SOUND_BYTES = 2
# of the longest track, once: one stretch's working copies (a tone's float64 times
# and sines, a looped sound's offsets, 16- and 32-bit copies of a sound)
WORK_BYTES = 32


def memory_needed(call_samples: Sequence[int], recording_samples: Sequence[int], sounds: int = 1) -> int:
    """The render's estimated peak, in bytes, from its tracks' lengths in samples and
    the number of sound documents it may loop."""
    longest = max([0, *call_samples, *recording_samples])
    tracks = CALL_BYTES * sum(call_samples) + RECORDING_BYTES * sum(recording_samples)
    return tracks + (SOUND_BYTES * sounds + WORK_BYTES) * longest


def check_memory_limit(value: object) -> int:
    if type(value) is not int or value < 1:  # (not True, not 2e9)
        raise AudioError(f"memory_limit = {value!r} is not allowed; allowed: a whole number of bytes, at least 1")
    return value


def check_memory(
    call_samples: Sequence[int], recording_samples: Sequence[int], sounds: int, rate: int, limit: int
) -> None:
    """AudioError if rendering these tracks would need more than ``limit`` bytes."""
    needed = memory_needed(call_samples, recording_samples, sounds)
    if needed <= limit:
        return
    seconds = sum(call_samples) / rate
    raise AudioError(
        f"rendering the audio needs about {_size(needed)} ({needed} bytes) of memory, over the limit of "
        f"{_size(limit)} ({limit} bytes): {_count(len(call_samples), 'call')} heard for {seconds:g} s in all "
        f"and {_count(len(recording_samples), 'recording')}, at {rate} Hz. Use a lower sample rate, fewer calls or a "
        "shorter run, or raise the limit (audio(memory_limit=...), --audio-memory-limit MIB)"
    )


def _size(count: int) -> str:
    return f"{count / (1 << 30):.1f} GiB" if count >= 1 << 30 else f"{count / (1 << 20):.1f} MiB"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
