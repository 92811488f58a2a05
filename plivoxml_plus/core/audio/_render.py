"""Rendering a finished simulation as sound: what each call heard and what each
recording holds, from the bridges' own records (their seats' changes, the
sounds played to them, their recordings) and each caller's voice.

Time is sample-accurate: a millisecond is a whole number of samples at every
rate (8, 16 or 48), so a change at t ms takes effect at sample t * rate / 1000.
Between two changes of a bridge its seats are fixed, and the whole stretch is
mixed in one block (``_mixer.mix``). Every call's output is a 32-bit sum,
clamped to 16 bits once, at the end (A3).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from ..._errors import AudioError
from ..._extras import require
from ...elements import Element
from .._durations import DurationModel
from .._recording import CallTape
from ..bridge import Bridge, Seat, Tape
from ._files import file_stems, write_fresh
from ._memory import DEFAULT_MEMORY_LIMIT, check_memory, check_memory_limit, memory_needed
from ._mixer import Wide, clamp, mix
from ._music import DEFAULT_MUSIC, US_RING, Looped, document_sound, element_sound, placeholder_music, ring_tone
from ._signals import Samples, beep, tone, write_wav

__all__ = ["AudioResult", "CallAudio", "Voice", "render"]


@attrs.frozen
class Voice:
    """What a caller says: a tone (Hz) or samples, from its answer."""

    hz: float | None = None
    samples: Samples | None = attrs.field(default=None, eq=False)


@attrs.frozen
class CallAudio:
    """What the renderer needs of a call: when it was up, what it says, when it talks
    (``spurts`` None: all the time it is up)."""

    answer_ms: int
    end_ms: int
    voice: Voice | None
    spurts: Sequence[tuple[int, int]] | None
    prompts: Sequence[tuple[int, Element]] = ()  # (start ms, Speak or Play) its own document played it


class AudioResult:
    """What each call heard (``heard[name]``: int16, sample 0 at its answer, until
    it ended or the end of the run) and each recording's audio
    (``recordings[id]``: RecordingID for a Conference or a ``<Record>``, RecordingUUID
    for an MPC)."""

    def __init__(
        self, rate: int, heard: dict[str, Samples], recordings: dict[str, Samples], formats: dict[str, str]
    ) -> None:
        self.rate = rate
        self.heard = heard
        self.recordings = recordings
        self.formats = formats  # recording id -> the recordFileFormat it was made with

    def write(self, folder: str | os.PathLike[str], *, mp3: bool = False) -> list[Path]:
        """Write ``<call>.wav`` for every call and ``recording-<id>.wav`` for every
        recording into ``folder`` (made if missing); with ``mp3``, also
        ``recording-<id>.mp3`` for those whose recordFileFormat is mp3 (needs the
        ``mp3`` extra). Each file is made fresh (a link already there is replaced,
        never written through), under a name of its own: a name that is not plain,
        or is another's but for case, is made plain and followed by a short hash
        (docs/audio.md). Returns the files written."""
        root = Path(folder)
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise AudioError(f"cannot write audio into {root}: {error.strerror}") from None
        stems = file_stems([*(("call", name) for name in self.heard), *(("recording", id) for id in self.recordings)])
        written = []
        for name, samples in self.heard.items():
            written.append(self._file(root / f"{stems['call', name]}.wav", samples, write_wav))
        for recording_id, samples in self.recordings.items():
            stem = stems["recording", recording_id]
            written.append(self._file(root / f"{stem}.wav", samples, write_wav))
            if mp3 and self.formats.get(recording_id) == "mp3":
                written.append(self._file(root / f"{stem}.mp3", samples, write_mp3))
        return written

    def _file(self, path: Path, samples: Samples, write: Callable[[Path, Samples, int], None]) -> Path:
        try:
            write(path, samples, self.rate)
        except OSError as error:
            raise AudioError(f"cannot write {path}: {error.strerror or error}") from None
        return path


def write_mp3(path: Path, samples: Samples, rate: int) -> None:
    encoded = encode_mp3(samples, rate)
    write_fresh(path, lambda file: file.write(encoded))


def encode_mp3(samples: Samples, rate: int) -> bytes:
    lameenc: Any = require("lameenc", "mp3", "writing MP3 recordings")
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(32 if rate == 8000 else 64)
    encoder.set_in_sample_rate(rate)
    encoder.set_channels(1)
    encoder.set_quality(2)
    return bytes(encoder.encode(samples.astype("<i2").tobytes()) + encoder.flush())


class _Renderer:
    def __init__(
        self,
        rate: int,
        calls: Mapping[str, CallAudio],
        durations: DurationModel,
        sound_documents: Mapping[str, Any],
        url_audio: Mapping[str, Samples],
        *,
        longest: int,
    ) -> None:
        self.rate = rate
        self.longest = longest  # samples of the longest track: no one hears more of a sound
        self.per_ms = rate // 1000
        self.calls = calls
        self.durations = durations
        self.sound_documents = sound_documents
        self.url_audio = url_audio
        self.out: dict[str, Wide] = {
            name: np.zeros((call.end_ms - call.answer_ms) * self.per_ms, dtype=np.int32) for name, call in calls.items()
        }
        self._sources: dict[str, Looped | None] = {}  # by URL ("default": Plivo's music)
        self.tapes: dict[str, Wide] = {}  # each recording's 32-bit sum, by id

    # -- sources ---------------------------------------------------------------

    def voice(self, name: str, start: int, count: int) -> Wide | None:
        """What ``name`` says from absolute sample ``start``, or None if nothing."""
        call = self.calls[name]
        voice = call.voice
        if voice is None:
            return None
        offset = start - call.answer_ms * self.per_ms
        if voice.hz is not None:
            said = tone(voice.hz, offset, count, self.rate).astype(np.int32)
        else:
            assert voice.samples is not None
            said = np.zeros(count, dtype=np.int32)
            begin, end = max(offset, 0), min(offset + count, len(voice.samples))
            if begin < end:
                said[begin - offset : end - offset] = voice.samples[begin:end]
        if call.spurts is not None:  # only inside its talk spurts
            gate = np.zeros(count, dtype=bool)
            for spurt_start, spurt_end in call.spurts:
                a = max(spurt_start * self.per_ms - start, 0)
                b = min(spurt_end * self.per_ms - start, count)
                if a < b:
                    gate[a:b] = True
            said[~gate] = 0
        return said

    def source(self, instead: str) -> Looped | None:
        """What "waitSound:URL", "waitMusic:default", "holdMusic:URL"... sound like (None: silence)."""
        _, _, where = instead.partition(":")
        if not where:  # "silence"
            return None
        if where not in self._sources:
            found = None
            if where == DEFAULT_MUSIC:
                found = placeholder_music(self.rate)
            elif where == US_RING:  # a Dial's ring tone (ringback:us-ring, earlyMedia:us-ring)
                found = ring_tone(self.rate)
            elif (document := self.sound_documents.get(where)) is not None:
                found = document_sound(document, self.rate, self.durations, self.url_audio, self.longest)
            self._sources[where] = found
        return self._sources[where]

    def sound(self, played: Any) -> Samples:
        if isinstance(played, str):
            return beep(played, self.rate)
        return document_sound(played, self.rate, self.durations, self.url_audio, self.longest).once

    # -- writing ---------------------------------------------------------------

    def add(self, name: str, start: int, samples: npt.NDArray[Any]) -> None:
        """Add ``samples`` to what ``name`` hears, from absolute sample ``start``."""
        out = self.out.get(name)
        if out is None:
            return
        at = start - self.calls[name].answer_ms * self.per_ms
        begin, end = max(at, 0), min(at + len(samples), len(out))
        if begin < end:
            out[begin:end] += samples[begin - at : end - at]

    # -- a call's own prompts ----------------------------------------------------

    def prompts(self, name: str, call: CallAudio) -> None:
        """What the call's own Speak, Play and Wait elements sounded like to it,
        outside any room: each from its start until it ends, or the next one starts
        (a prompt cut short by a key), or the call ends."""
        per_ms = self.per_ms
        for index, (start, element) in enumerate(call.prompts):
            until = call.prompts[index + 1][0] if index + 1 < len(call.prompts) else call.end_ms
            length = (min(until, call.end_ms) - start) * per_ms
            if length <= 0:
                continue
            sound = element_sound(element, self.rate, self.durations, self.url_audio, length)
            if not sound.silent:
                self.add(name, start * per_ms, sound.piece(0, length).astype(np.int32))

    # -- one bridge --------------------------------------------------------------

    def bridge(self, bridge: Bridge, end_ms: int) -> None:
        per_ms = self.per_ms
        stop_ms = end_ms if bridge.closed_ms is None else min(bridge.closed_ms, end_ms)
        times = sorted({at for at, _, _ in bridge.log if at < stop_ms} | {bridge.opened_ms})
        seats: dict[str, Seat] = {}
        heard_since: dict[str, tuple[str | None, int]] = {}  # key -> (instead, since sample)
        log, position = bridge.log, 0
        sounds, next_sound = bridge.sounds, 0
        for index, at in enumerate(times):
            while position < len(log) and log[position][0] <= at:
                _, key, seat = log[position]
                position += 1
                if seat is None:
                    seats.pop(key, None)
                    heard_since.pop(key, None)
                    continue
                seats[key] = seat
                if heard_since.get(key, (None, 0))[0] != seat.instead:
                    heard_since[key] = (seat.instead, at * per_ms)
            until = times[index + 1] if index + 1 < len(times) else stop_ms
            if until <= at or not seats:
                continue
            start, count = at * per_ms, (until - at) * per_ms
            members = list(seats.values())
            voices = {s.call: v for s in members if s.speaks and (v := self.voice(s.call, start, count)) is not None}
            for name, samples in mix(members, bridge.rules, voices, count).items():
                self.add(name, start, samples)
            for key, seat in seats.items():  # those that do not hear the room hear their own source
                if seat.instead is not None and (source := self.source(seat.instead)) is not None:
                    since = heard_since[key][1]
                    self.add(seat.call, start, source.piece(start - since, count))
            for tape in bridge.tapes:
                self.tape(tape, members, voices, start, count)
            while next_sound < len(sounds) and sounds[next_sound][0] < until:
                sound_at, played = sounds[next_sound]
                next_sound += 1
                if sound_at < at:
                    continue
                samples = self.sound(played).astype(np.int32)
                for seat in members:  # a sound for the room: heard by those hearing the room
                    if seat.hears:
                        self.add(seat.call, sound_at * per_ms, samples)
                for tape in bridge.tapes:
                    self.tape_sound(tape, sound_at * per_ms, samples)

    def tape(self, tape: Tape, members: list[Seat], voices: Mapping[str, Wide], start: int, count: int) -> None:
        """The recording hears every speaking member its excluded groups do not leave out."""
        said = [voices[s.call] for s in members if s.call in voices and s.group not in tape.excluded]
        if not said:
            return
        total = said[0].copy()
        for more in said[1:]:
            total += more
        for offset, (a, b) in self._overlaps(tape, start, start + count):
            self.tapes[tape.id][offset : offset + b - a] += total[a - start : b - start]

    def tape_sound(self, tape: Tape, start: int, samples: Wide) -> None:
        for offset, (a, b) in self._overlaps(tape, start, start + len(samples)):
            self.tapes[tape.id][offset : offset + b - a] += samples[a - start : b - start]

    def _overlaps(self, tape: Tape, start: int, end: int) -> list[tuple[int, tuple[int, int]]]:
        """(offset in the tape, (a, b) absolute samples) where [start, end) meets a recorded span."""
        found = []
        offset = 0
        length = len(self.tapes[tape.id])
        for span_start, span_end in tape.spans:
            assert span_start is not None
            a_span = span_start * self.per_ms
            b_span = a_span + length - offset if span_end is None else span_end * self.per_ms
            a, b = max(start, a_span), min(end, b_span)
            if a < b:
                found.append((offset + a - a_span, (a, b)))
            offset += b_span - a_span
        return found


def render(
    rate: int,
    calls: Mapping[str, CallAudio],
    bridges: Sequence[Bridge],
    *,
    end_ms: int,
    durations: DurationModel,
    sound_documents: Mapping[str, Any],
    url_audio: Mapping[str, Samples],
    call_tapes: Sequence[CallTape] = (),
    memory_limit: int = DEFAULT_MEMORY_LIMIT,
) -> AudioResult:
    """What every call heard and every recording holds; AudioError, before anything
    is allocated, if that needs more than ``memory_limit`` bytes."""
    per_ms = rate // 1000
    rooms = [bridge for bridge in bridges if bridge.opened_ms <= end_ms]
    room_tapes = {tape.id: _taped_ms(tape, end_ms) for bridge in rooms for tape in bridge.tapes}
    spans = [(record, _record_span(record, end_ms)) for record in call_tapes if record.call in calls]
    records = [(record, span) for record, span in spans if span is not None]
    track_samples = (
        [(call.end_ms - call.answer_ms) * per_ms for call in calls.values()],
        [ms * per_ms for ms in room_tapes.values()] + [(stop - start) * per_ms for _, (start, stop) in records],
    )
    sounds = len(sound_documents) + 1  # (and Plivo's music)
    check_memory(*track_samples, sounds, rate, check_memory_limit(memory_limit))
    longest = max([0, *track_samples[0], *track_samples[1]])
    try:  # (the estimate is an upper bound, but the machine may have less free)
        renderer = _Renderer(rate, calls, durations, sound_documents, url_audio, longest=longest)
        tapes = renderer.tapes
        formats: dict[str, str] = {}
        for bridge in rooms:
            for tape in bridge.tapes:
                tapes[tape.id] = np.zeros(room_tapes[tape.id] * per_ms, dtype=np.int32)
                formats[tape.id] = tape.file_format
            renderer.bridge(bridge, end_ms)
        for name, call in calls.items():
            renderer.prompts(name, call)
        for record, span in records:  # each <Record>'s recording
            tapes[record.id] = _record_audio(renderer, record, span)
            formats[record.id] = record.file_format
        heard = {name: clamp(out) for name, out in renderer.out.items()}
        return AudioResult(rate, heard, {key: clamp(value) for key, value in tapes.items()}, formats)
    except MemoryError:
        raise AudioError(
            f"the machine ran out of memory rendering the audio (about {memory_needed(*track_samples, sounds)} bytes "
            "estimated); use a lower sample rate, fewer calls or a shorter run, or a lower memory_limit"
        ) from None


def _taped_ms(tape: Tape, end_ms: int) -> int:
    """How long a bridge's recording has recorded by ``end_ms``."""
    total = 0
    for span_start, span_end in tape.spans:
        assert span_start is not None
        total += (min(end_ms, span_end) if span_end is not None else end_ms) - span_start
    return max(total, 0)


def _record_span(record: CallTape, end_ms: int) -> tuple[int, int] | None:
    """A ``<Record>``'s (start, stop) ms by ``end_ms``; None if it holds nothing yet."""
    stop = end_ms if record.ended_ms is None else min(record.ended_ms, end_ms)
    return (record.started_ms, stop) if record.started_ms < stop else None


def _record_audio(renderer: _Renderer, record: CallTape, span: tuple[int, int]) -> Wide:
    """What a ``<Record>`` holds (I3): what the caller said while it ran, plus, for
    recordSession, what the call heard."""
    audio = renderer.calls[record.call]
    per_ms = renderer.per_ms
    start, count = span[0] * per_ms, (span[1] - span[0]) * per_ms
    said = renderer.voice(record.call, start, count)
    recorded = np.zeros(count, dtype=np.int32) if said is None else said
    if record.session:
        offset = start - audio.answer_ms * per_ms
        heard = renderer.out[record.call][offset : offset + count]
        recorded[: len(heard)] += heard
    return recorded
