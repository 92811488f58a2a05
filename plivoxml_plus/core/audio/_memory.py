"""The memory a render needs, checked before anything is allocated.

The renderer goes through time in blocks: its working memory
is each track's share of one block, whatever the length of the calls. Kept in
memory (``audio()``), the tracks' 16-bit results add 2 bytes a sample, so a long
run at a high rate with many calls still needs gigabytes; streamed into files
(``audio(folder=...)``, ``--audio-out``) they add nothing. The peak is estimated
from the tracks' lengths alone, and a render over the limit is refused with the
figures and the way out, instead of a NumPy MemoryError (or the machine
swapping) halfway through.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..._errors import AudioError
from ..._terminal import counted
from ._signals import BLOCK_MS, RATES

__all__ = ["DEFAULT_MEMORY_LIMIT", "check_memory", "check_memory_limit", "memory_needed"]

DEFAULT_MEMORY_LIMIT = 2 << 30  # 2 GiB: within a laptop's or a CI runner's memory

# Bytes held per sample of a block (upper bounds, measured with tracemalloc on 1 to
# 30 calls): of each call, its 32-bit sum (4), its voice and its tone (4 + 2), its
# mix (4 + 4 in the mixer's rows), the gate of its talk (1) and its clamped block (2)
CALL_BYTES = 24
# of each recording: its 32-bit sum (4), what the members said added up (4) and its clamped block (2)
RECORDING_BYTES = 12
# of each track kept in memory (not streamed into a file): its 16-bit result
KEPT_BYTES = 2
# of the longest track, per sound document (wait and hold music, made as far as anyone hears it)
SOUND_BYTES = 2
# of one block, once: its working copies (a tone's float64 times and sines, a
# looped sound's copies, a sound's 32-bit copy)
WORK_BYTES = 48
# samples of the longest block (at the highest rate): a track's share of a block is at most this
BLOCK_SAMPLES = BLOCK_MS * max(RATES) // 1000


# of a prompt: its one pass (a Speak or Play a call hears, made as far as it
# hears it) and its copy tiled over a block
PROMPT_BYTES = 4
# Plivo's default music: its one-second cycle and its copy tiled over a block, at the highest rate
MUSIC_BYTES = 2 * (max(RATES) + BLOCK_SAMPLES + max(RATES))


def memory_needed(
    call_samples: Sequence[int],
    recording_samples: Sequence[int],
    sounds: int = 0,
    *,
    kept: bool = True,
    block: int = BLOCK_SAMPLES,
    prompts: int = 0,
) -> int:
    """The render's estimated peak, in bytes, from its tracks' lengths in samples, the
    number of sound documents it may loop (each made as far as the longest track:
    the one part that still grows with the run), and whether the tracks are kept
    in memory; ``block``: the samples of a block at the render's rate; ``prompts``:
    the samples of the calls' own prompts made at once (each call's longest)."""
    longest = max([0, *call_samples, *recording_samples])
    block = min(longest, block)
    working = sum(CALL_BYTES * min(n, block) for n in call_samples)
    working += sum(RECORDING_BYTES * min(n, block) for n in recording_samples)
    results = KEPT_BYTES * (sum(call_samples) + sum(recording_samples)) if kept else 0
    sources = SOUND_BYTES * sounds * longest + PROMPT_BYTES * prompts + MUSIC_BYTES
    return results + working + sources + WORK_BYTES * block


def check_memory_limit(value: object) -> int:
    if type(value) is not int or value < 1:  # (not True, not 2e9)
        raise AudioError(f"memory_limit = {value!r} is not allowed; allowed: a whole number of bytes, at least 1")
    return value


def check_memory(
    call_samples: Sequence[int],
    recording_samples: Sequence[int],
    sounds: int,
    rate: int,
    limit: int,
    *,
    kept: bool,
    prompts: int = 0,
) -> None:
    """AudioError if rendering these tracks would need more than ``limit`` bytes."""
    block = BLOCK_MS * rate // 1000
    needed = memory_needed(call_samples, recording_samples, sounds, kept=kept, block=block, prompts=prompts)
    if needed <= limit:
        return
    seconds = sum(call_samples) / rate
    raise AudioError(
        f"rendering the audio needs about {_size(needed)} ({needed} bytes) of memory, over the limit of "
        f"{_size(limit)} ({limit} bytes): {counted(len(call_samples), 'call')} heard for {seconds:g} s in all "
        f"and {counted(len(recording_samples), 'recording')}, at {rate} Hz. Use a lower sample rate, fewer calls or a "
        "shorter run, or raise the limit (audio(memory_limit=...), --audio-memory-limit MIB)"
    )


def _size(count: int) -> str:
    return f"{count / (1 << 30):.1f} GiB" if count >= 1 << 30 else f"{count / (1 << 20):.1f} MiB"

