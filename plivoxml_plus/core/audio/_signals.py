"""Samples: the rates and frame size (A1), checking audio a user gives, tones,
beeps and the placeholders that stand for audio the user did not give, and WAV
files (read with the standard ``wave`` module, through the package's safe file
reader)."""

from __future__ import annotations

import io
import math
import os
import wave
from fractions import Fraction
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
import numpy.typing as npt

from ..._errors import AudioError
from ..._files import FileRefused, read_file
from .._settings import AUDIO_RATES
from ._files import write_fresh

__all__ = [
    "BEEPS",
    "BLOCK_MS",
    "FRAME_MS",
    "LEVEL_DBFS",
    "MAX_WAV_BYTES",
    "RATES",
    "Samples",
    "amplitude",
    "beep",
    "check_rate",
    "check_samples",
    "read_wav",
    "tone",
    "tone_period",
    "write_wav",
]

Samples = npt.NDArray[np.int16]

RATES = AUDIO_RATES  # A1: what real bridges mix at
FRAME_MS = 20  # A1: one frame (160 samples at 8 kHz)
BLOCK_MS = 2000  # what a render mixes at a time (bench/bench_audio_e2e.py)
LEVEL_DBFS = -12.0  # a caller's tone: loud enough to hear, far from clipping alone
PLACEHOLDER_DBFS = -20.0  # music and prompts the user gave no audio for
MAX_WAV_BYTES = 256 << 20  # about 2 h of 16 kHz mono
MAX_PERIOD = 1 << 17  # samples of one period a tone is made from (2.7 s at 48 kHz), at most
MAX_WAV_DATA = 0xFFFFFFFF - 36  # a WAV file's sizes are 32-bit: its samples' bytes and a 36-byte header

# beep:1 and beep:2 [inf: FreeSWITCH's conference beeps are short 800 Hz tones]:
# (tone ms, gap ms) repeated
BEEPS = {"beep:1": ((200, 0),), "beep:2": ((200, 200), (200, 0))}
BEEP_HZ = 800.0


def check_rate(rate: object) -> int:
    if type(rate) is not int or rate not in RATES:  # (not 8000.0, not True)
        raise AudioError(f"sample_rate = {rate!r} is not allowed; allowed: one of 8000, 16000, 48000 (Hz)")
    return rate


def amplitude(dbfs: float) -> float:
    return 32767 * 10 ** (dbfs / 20)


def tone(hz: float, start: int, count: int, rate: int, dbfs: float = LEVEL_DBFS) -> Samples:
    """``count`` samples of a sine at ``hz``, from absolute sample ``start`` (so
    consecutive pieces join without a click). A tone whose period is a whole
    number of samples (``tone_period``) is computed from each sample's place in
    its period: any piece of it is the same as the same samples of one period
    repeated, which is how long tones are made (``_music.Looped``)."""
    period = tone_period(hz, rate)
    if period is not None and count > period:  # one period, made once and tiled
        one = tone(hz, start % period, period, rate, dbfs)
        return np.resize(one, count)
    index = np.arange(start, start + count, dtype=np.int64)
    if period is not None:
        index %= period
    return np.rint(amplitude(dbfs) * np.sin(2 * math.pi * hz * index.astype(np.float64) / rate)).astype(np.int16)


def tone_period(hz: float, rate: int) -> int | None:
    """The tone's period in samples, if it is a whole number of at most ``MAX_PERIOD``
    (hz / rate = p / q in lowest terms: q samples), else None."""
    period = (Fraction(hz) / rate).denominator
    return period if period <= MAX_PERIOD else None


def beep(name: str, rate: int) -> Samples:
    """The samples of ``beep:1`` or ``beep:2``."""
    pieces = []
    for on_ms, off_ms in BEEPS[name]:
        pieces.append(tone(BEEP_HZ, 0, on_ms * rate // 1000, rate))
        pieces.append(np.zeros(off_ms * rate // 1000, dtype=np.int16))
    return np.concatenate(pieces)


def check_samples(value: Any, what: str) -> Samples:
    """``value`` as mono 16-bit samples, or AudioError: only integer samples within
    16 bits are audio here (floats, NaN, stereo and other widths are refused,
    never converted)."""
    if not isinstance(value, np.ndarray):
        raise AudioError(f"{what}: audio must be a NumPy array of int16 samples, not {type(value).__name__}")
    if value.ndim != 1:
        raise AudioError(f"{what}: audio must be mono, one sample per row (shape (n,)), not shape {value.shape}")
    if value.dtype == np.int16:
        return value
    if not np.issubdtype(value.dtype, np.integer):
        raise AudioError(f"{what}: audio must be int16 samples, not {value.dtype} (convert float audio yourself)")
    if value.size and (value.min() < -32768 or value.max() > 32767):
        raise AudioError(f"{what}: samples outside 16 bits (-32768..32767): {value.min()}..{value.max()}")
    return value.astype(np.int16)


def read_wav(path: str | os.PathLike[str], rate: int, what: str) -> Samples:
    """A mono 16-bit WAV file at ``rate``, or AudioError saying what it is instead."""
    try:
        data = read_file(path, MAX_WAV_BYTES)
    except FileRefused as error:
        raise AudioError(f"{what}: cannot read {os.fspath(path)!s}: {error.reason}") from None
    try:
        with wave.open(io.BytesIO(data)) as file:
            channels, width, framerate = file.getnchannels(), file.getsampwidth(), file.getframerate()
            frames = file.readframes(file.getnframes())
    except (wave.Error, EOFError) as error:
        raise AudioError(f"{what}: {os.fspath(path)!s} is not a PCM WAV file ({error})") from None
    problems = []
    if channels != 1:
        problems.append(f"{channels} channels (mono needed)")
    if width != 2:
        problems.append(f"{8 * width}-bit samples (16-bit needed)")
    if framerate != rate:
        problems.append(f"{framerate} Hz (the simulation mixes at {rate} Hz)")
    if problems:
        raise AudioError(f"{what}: {os.fspath(path)!s} has {', '.join(problems)}")
    return np.frombuffer(frames, dtype="<i2").astype(np.int16)


def write_wav(path: str | os.PathLike[str], samples: Samples, rate: int) -> None:
    """Write ``samples`` as a mono 16-bit WAV file at ``rate``, made fresh (a new
    file renamed over ``path``: a link there is replaced, not written through)."""
    if 2 * len(samples) > MAX_WAV_DATA:
        raise AudioError(
            f"cannot write {os.fspath(path)!s}: {len(samples)} samples are {2 * len(samples)} bytes, "
            f"over the {MAX_WAV_DATA} bytes a WAV file can hold; use a lower sample rate or a shorter run"
        )

    def wav(target: BinaryIO) -> None:
        with wave.open(target, "wb") as file:
            file.setnchannels(1)
            file.setsampwidth(2)
            file.setframerate(rate)
            file.writeframes(samples.astype("<i2").tobytes())

    write_fresh(Path(path), wav)
