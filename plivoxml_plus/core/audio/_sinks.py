"""Where a render's tracks go, block by block: kept in memory
(``Kept``: one int16 array per track, filled in place) or streamed into files
(``Written``: each track a WAV file, and an MP3 beside a recording whose format
is mp3, each made fresh and renamed over its name when its last block is in).

A track is a call's (``("call", name)``) or a recording's (``("recording",
id)``); ``put`` gives its next samples, in order, and the render calls
``finish`` once every block is in, or ``discard`` if it fails."""

from __future__ import annotations

import contextlib
import os
import wave
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np

from ..._errors import AudioError
from ..._extras import require
from ._files import FreshFile, file_stems
from ._signals import MAX_WAV_DATA, Samples, read_wav

__all__ = ["Kept", "Owner", "Written", "WrittenTracks", "mp3_encoder"]

Owner = tuple[str, str]  # ("call", name) or ("recording", id)


class Kept:
    """Every track in memory, whole."""

    def __init__(self, lengths: Mapping[Owner, int]) -> None:
        self.tracks = {owner: np.empty(length, dtype=np.int16) for owner, length in lengths.items()}
        self._at = dict.fromkeys(lengths, 0)

    def put(self, owner: Owner, samples: Samples) -> None:
        at = self._at[owner]
        self.tracks[owner][at : at + len(samples)] = samples
        self._at[owner] = at + len(samples)

    def finish(self) -> None:
        pass

    def discard(self) -> None:
        pass


def mp3_encoder(rate: int) -> Any:
    lameenc: Any = require("lameenc", "mp3", "writing MP3 recordings")
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(32 if rate == 8000 else 64)
    encoder.set_in_sample_rate(rate)
    encoder.set_channels(1)
    encoder.set_quality(2)
    return encoder


class _Track:
    """One track's files while it is written: its WAV and, maybe, its MP3."""

    __slots__ = ("encoder", "left", "mp3", "wav", "wav_file")

    def __init__(self, stem: Path, length: int, rate: int, mp3: bool) -> None:
        self.left = length
        self.wav = FreshFile(stem.with_name(stem.name + ".wav"))
        self.mp3: FreshFile | None = None
        self.encoder: Any = None
        try:
            self.wav_file = wave.open(self.wav.file, "wb")  # noqa: SIM115 (closed by close())
            self.wav_file.setnchannels(1)
            self.wav_file.setsampwidth(2)
            self.wav_file.setframerate(rate)
            self.wav_file.setnframes(length)  # the header is right from the start: nothing to patch
            if mp3:
                self.encoder = mp3_encoder(rate)
                self.mp3 = FreshFile(stem.with_name(stem.name + ".mp3"))
        except BaseException:
            self.discard()
            raise

    def put(self, samples: Samples) -> None:
        data = samples.astype("<i2", copy=False)  # (little-endian int16 already: no copy)
        self.wav_file.writeframesraw(data.data)
        if self.mp3 is not None:
            self.mp3.file.write(self.encoder.encode(data.tobytes()))
        self.left -= len(samples)

    def close(self) -> list[Path]:
        try:
            self.wav_file.close()
            written = [self.wav.commit()]
            if self.mp3 is not None:
                self.mp3.file.write(self.encoder.flush())
                written.append(self.mp3.commit())
        except BaseException:
            self.discard()  # (no part file is left behind)
            raise
        return written

    def discard(self) -> None:
        writer = getattr(self, "wav_file", None)
        if writer is not None:  # (closed first: else its finaliser writes to the discarded file)
            with contextlib.suppress(Exception):
                writer.close()
        for fresh in (self.wav, self.mp3):
            if fresh is not None:
                fresh.discard()


class Written:
    """Every track streamed into files in ``folder``: ``<call>.wav``,
    ``recording-<id>.wav`` and, for ``mp3_ids``, ``recording-<id>.mp3`` (names by
    ``file_stems``). A track's files are open only while it is being written."""

    def __init__(self, folder: Path, lengths: Mapping[Owner, int], rate: int, mp3_ids: frozenset[str]) -> None:
        for (kind, name), length in lengths.items():
            if 2 * length > MAX_WAV_DATA:
                raise AudioError(
                    f"cannot write the {kind} {name!r}: {length} samples are {2 * length} bytes, over the "
                    f"{MAX_WAV_DATA} bytes a WAV file can hold; use a lower sample rate or a shorter run"
                )
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise AudioError(f"cannot write audio into {folder}: {error.strerror}") from None
        self.folder = folder
        self.rate = rate
        self.lengths = dict(lengths)
        self.stems = file_stems(lengths)
        self.mp3_ids = mp3_ids
        self.paths: dict[Owner, list[Path]] = {}
        self._open: dict[Owner, _Track] = {}

    def _track(self, owner: Owner) -> _Track:
        track = self._open.get(owner)
        if track is None:
            stem = self.folder / self.stems[owner]
            mp3 = owner[0] == "recording" and owner[1] in self.mp3_ids
            track = self._open[owner] = self._guarded(lambda: _Track(stem, self.lengths[owner], self.rate, mp3), owner)
        return track

    def put(self, owner: Owner, samples: Samples) -> None:
        track = self._track(owner)
        self._guarded(lambda: track.put(samples), owner)
        if track.left <= 0:
            del self._open[owner]
            self.paths[owner] = self._guarded(track.close, owner)

    def finish(self) -> None:
        for owner in self.lengths:  # (an empty track, never put)
            if owner not in self.paths:
                track = self._track(owner)
                del self._open[owner]
                self.paths[owner] = self._guarded(track.close, owner)

    def discard(self) -> None:
        for track in self._open.values():
            track.discard()
        self._open.clear()

    def written(self) -> list[Path]:
        """The files written: every call's, then every recording's (WAV, then MP3)."""
        return [path for owner in sorted(self.lengths, key=lambda o: o[0]) for path in self.paths[owner]]

    def _guarded(self, action: Any, owner: Owner) -> Any:
        try:
            return action()
        except OSError as error:
            path = self.folder / f"{self.stems[owner]}.wav"
            raise AudioError(f"cannot write {path}: {error.strerror or error}") from None


class WrittenTracks(Mapping[str, Samples]):
    """Tracks written to WAV files, read back when asked for (not kept in memory)."""

    def __init__(self, paths: Mapping[str, Path], rate: int, kind: str) -> None:
        self._paths = dict(paths)
        self._rate = rate
        self._kind = kind

    def __getitem__(self, key: str) -> Samples:
        path = self._paths[key]
        return read_wav(path, self._rate, f"the {self._kind} {key!r} ({os.fspath(path)})")

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)
