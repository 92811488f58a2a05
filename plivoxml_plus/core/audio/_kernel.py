"""The mixer's single-pass compiled kernel, with Numba (the
``speed`` extra): the same sums as the NumPy passes of ``_mixer``, sample by
sample in 32-bit integers, but each chunk's voices are read once and each
listener's row written once, subtraction and clamp (A3) in the same loop.

Imported only by ``_mixer`` at the first mix, when Numba is installed and
``PLIVOXML_PLUS_MIXER`` does not ask for NumPy: never by ``import plivoxml_plus``.
Compiled once per process (or loaded from Numba's cache where a cache folder is
writable: ``cache=True``).
"""

from __future__ import annotations

from typing import Any

import numba
import numpy as np

__all__ = ["mix_chunk"]

# Samples per inner block: the group totals and listening sums of a block stay
# in the first-level cache while every row of the block is made from them.
BLOCK = 1024


def _mix_chunk(  # noqa: PLR0917 (Numba compiles positional parameters only)
    wide: Any,
    width: int,
    spans: Any,
    hears: Any,
    taking: Any,
    own: Any,
    out: Any,
    begin: int,
    clamp: bool,
) -> None:  # pragma: no cover - compiled: its lines run as machine code
    """``out[:, begin:begin + width]`` from the first ``width`` samples of each row
    of ``wide`` (a row per speaker, sorted by group). ``spans``: per speaker group,
    its (first, end) rows; ``hears[lg, g]``: whether listening group ``lg`` hears
    speaker group ``g``; ``taking``/``own``: per listener, its listening group
    and its own row (-1: none). Sums wrap in 32 bits as NumPy's do."""
    groups, listening, listeners = spans.shape[0], hears.shape[0], taking.shape[0]
    totals = np.empty((groups, BLOCK), dtype=np.int32)
    sums = np.empty((listening, BLOCK), dtype=np.int32)
    for first_sample in range(0, width, BLOCK):
        n = min(BLOCK, width - first_sample)
        for g in range(groups):  # one total per group: each voice read once
            total = totals[g]
            first, last = spans[g, 0], spans[g, 1]
            voice = wide[first, first_sample : first_sample + n]
            for j in range(n):
                total[j] = voice[j]
            for speaker in range(first + 1, last):
                voice = wide[speaker, first_sample : first_sample + n]
                for j in range(n):
                    total[j] = np.int32(total[j] + voice[j])
        for lg in range(listening):  # what each listening group may hear
            heard = sums[lg]
            for j in range(n):
                heard[j] = 0
            for g in range(groups):
                if hears[lg, g]:
                    total = totals[g]
                    for j in range(n):
                        heard[j] = np.int32(heard[j] + total[j])
        at = begin + first_sample
        for listener in range(listeners):  # one subtraction and one clamp, straight into the row
            heard = sums[taking[listener]]
            row = out[listener, at : at + n]
            mine = own[listener]
            if mine >= 0:
                voice = wide[mine, first_sample : first_sample + n]
                if clamp:
                    for j in range(n):
                        x = np.int32(heard[j] - voice[j])
                        row[j] = 32767 if x > 32767 else (-32768 if x < -32768 else x)
                else:
                    for j in range(n):
                        row[j] = np.int32(heard[j] - voice[j])
            elif clamp:
                for j in range(n):
                    x = heard[j]
                    row[j] = 32767 if x > 32767 else (-32768 if x < -32768 else x)
            else:
                for j in range(n):
                    row[j] = heard[j]


def _compile() -> Any:
    """The kernel, compiled at its first call; Numba refuses ``cache=True`` when it
    finds no folder to keep it in (numba/core/caching.py: "no locator available")."""
    options: dict[str, Any] = {"nogil": True, "boundscheck": False, "error_model": "numpy"}
    try:  # the compiled code kept between processes, where Numba finds a writable folder
        return numba.njit(cache=True, **options)(_mix_chunk)
    except RuntimeError:  # ("no locator available": nowhere to keep it) compiled in each process
        return numba.njit(**options)(_mix_chunk)


mix_chunk = _compile()
