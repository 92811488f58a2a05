"""Rendering a finished simulation as sound: what each call heard and what each
recording holds, from the bridges' own records (their seats' changes, the
sounds played to them, their recordings) and each caller's voice.

Time is sample-accurate: a millisecond is a whole number of samples at every
rate (8, 16 or 48), so a change at t ms takes effect at sample t * rate / 1000.
Between two changes of a bridge its seats are fixed (a stretch, ``_stretches``).

The render goes through time in blocks of ``BLOCK_MS``: in
each, every stretch, prompt, sound and recording that meets the block adds its
part into 32-bit sums the size of the block, each call's sum is clamped to 16
bits once (A3), and every track's block goes to the sink (``_sinks``: kept in
memory, or streamed into WAV and MP3 files). Memory is bounded by the members
times the block, not by the length of the calls. Every sample is computed as
a whole-call render would compute it (mixing, clamping and the sources are
sample by sample), so the output does not depend on the block.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from ..._errors import AudioError
from ...elements import Element
from .._durations import DurationModel
from .._recording import CallTape
from ..bridge import Bridge, Seat, Tape
from ._files import file_stems, write_fresh
from ._memory import DEFAULT_MEMORY_LIMIT, check_memory, check_memory_limit, memory_needed
from ._mixer import Wide, clamp, mix
from ._music import DEFAULT_MUSIC, US_RING, Looped, document_sound, element_sound, placeholder_music, ring_tone
from ._signals import BLOCK_MS, Samples, beep, tone, tone_period, write_wav
from ._sinks import Kept, Owner, Written, WrittenTracks, mp3_encoder

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

    def samples(self, per_ms: int) -> int:
        """The length of what it heard, in samples."""
        return (self.end_ms - self.answer_ms) * per_ms


class AudioResult:
    """What each call heard (``heard[name]``: int16, sample 0 at its answer, until
    it ended or the end of the run) and each recording's audio
    (``recordings[id]``: RecordingID for a Conference or a ``<Record>``, RecordingUUID
    for an MPC). Rendered into files (``audio(folder=...)``), ``heard`` and
    ``recordings`` read each track back from its file when asked for it, and
    ``written`` lists the files."""

    def __init__(
        self, rate: int, heard: Mapping[str, Samples], recordings: Mapping[str, Samples], formats: dict[str, str]
    ) -> None:
        self.rate = rate
        self.heard = heard
        self.recordings = recordings
        self.formats = formats  # recording id -> the recordFileFormat it was made with
        self.written: list[Path] = []  # the files the render streamed into (audio(folder=...))

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
    encoder = mp3_encoder(rate)
    return bytes(encoder.encode(samples.astype("<i2").tobytes()) + encoder.flush())


class _Stretch:
    """A bridge between two changes: its seats, what each seat that does not hear
    the room hears instead (and since when), and the sounds that start in it."""

    __slots__ = ("at", "instead", "members", "sounds", "until")

    def __init__(
        self,
        at: int,
        until: int,
        members: list[Seat],
        instead: list[tuple[str, str, int]],
        sounds: list[tuple[int, Any]],
    ) -> None:
        self.at, self.until = at, until
        self.members = members
        self.instead = instead  # (call, "waitSound:URL"..., since sample)
        self.sounds = sounds  # (ms, "beep:1" or a sound document)


def _stretches(bridge: Bridge, stop_ms: int, per_ms: int) -> list[_Stretch]:
    """The bridge's stretches with members, from its log, up to ``stop_ms``."""
    times = sorted({at for at, _, _ in bridge.log if at < stop_ms} | {bridge.opened_ms})
    seats: dict[str, Seat] = {}
    heard_since: dict[str, tuple[str | None, int]] = {}  # key -> (instead, since sample)
    log, position = bridge.log, 0
    sounds, next_sound = bridge.sounds, 0
    found = []
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
        instead = [
            (seat.call, seat.instead, heard_since[key][1]) for key, seat in seats.items() if seat.instead is not None
        ]
        starting = []
        while next_sound < len(sounds) and sounds[next_sound][0] < until:
            sound_at, played = sounds[next_sound]
            next_sound += 1
            if sound_at >= at:  # (a sound while no one was in the room is not heard)
                starting.append((sound_at, played))
        found.append(_Stretch(at, until, list(seats.values()), instead, starting))
    return found


class _TapeMap:
    """Where a room recording's samples are: its recorded spans, in absolute
    samples, end to end in the recording (``length`` samples in all)."""

    __slots__ = ("length", "spans", "tape")

    def __init__(self, tape: Tape, length: int, per_ms: int) -> None:
        self.tape = tape
        self.length = length
        self.spans: list[tuple[int, int, int]] = []  # (first sample, end sample, offset in the recording)
        offset = 0
        for span_start, span_end in tape.spans:
            assert span_start is not None
            a = span_start * per_ms
            b = a + length - offset if span_end is None else span_end * per_ms
            b = min(b, a + length - offset)
            if b > a:
                self.spans.append((a, b, offset))
                offset += b - a

    def overlaps(self, start: int, end: int) -> Iterable[tuple[int, int, int]]:
        """(offset in the recording, a, b): where [start, end) meets a recorded span."""
        for a_span, b_span, offset in self.spans:
            a, b = max(start, a_span), min(end, b_span)
            if a < b:
                yield offset + a - a_span, a, b

    def offsets(self, start: int, end: int) -> tuple[int, int]:
        """The recording's samples made in [start, end): offsets [first, end)."""
        found = [(offset, offset + b - a) for offset, a, b in self.overlaps(start, end)]
        return (found[0][0], found[-1][1]) if found else (0, 0)


class _Block:
    """One block's 32-bit sums: each call's (what it hears) and each recording's."""

    __slots__ = ("calls", "end", "start", "tapes")

    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end
        self.calls: dict[str, tuple[int, Wide]] = {}  # name -> (its first absolute sample, sums)
        self.tapes: dict[str, tuple[int, Wide]] = {}  # id -> (its first offset, sums)

    def add(self, name: str, start: int, samples: npt.NDArray[Any]) -> None:
        """Add ``samples`` to what ``name`` hears, from absolute sample ``start``."""
        found = self.calls.get(name)
        if found is None:
            return
        first, out = found
        at = start - first
        begin, end = max(at, 0), min(at + len(samples), len(out))
        if begin < end:
            out[begin:end] += samples[begin - at : end - at]

    def tape(self, where: _TapeMap, start: int, samples: npt.NDArray[Any]) -> None:
        """Add ``samples`` from absolute sample ``start`` to a room recording."""
        found = self.tapes.get(where.tape.id)
        if found is None:
            return
        first, out = found
        for offset, a, b in where.overlaps(max(start, self.start), min(start + len(samples), self.end)):
            out[offset - first : offset - first + b - a] += samples[a - start : b - start]


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
        self._sources: dict[str, Looped | None] = {}  # by URL ("default": Plivo's music)
        self._tones: dict[float, Looped] = {}  # a caller's tone by Hz: one period, tiled
        self._spurts: dict[str, tuple[list[int], list[int]]] = {}  # call -> its talk, merged: starts, ends

    # -- sources ---------------------------------------------------------------

    def voice(self, name: str, start: int, count: int) -> Samples | None:
        """What ``name`` says from absolute sample ``start``, or None if nothing:
        only inside its talk spurts if it has any (silence between them)."""
        call = self.calls[name]
        voice = call.voice
        if voice is None:
            return None
        offset = start - call.answer_ms * self.per_ms
        if call.spurts is None:
            return self._said(voice, offset, count)
        starts, ends = self._talk(name, call.spurts)
        said = np.zeros(count, dtype=np.int16)
        first = bisect_right(ends, start // self.per_ms)  # (the spurts still going at start)
        for index in range(first, len(starts)):
            a = max(starts[index] * self.per_ms - start, 0)
            if a >= count:
                break
            b = min(ends[index] * self.per_ms - start, count)
            if a < b:
                said[a:b] = self._said(voice, offset + a, b - a)
        return said

    def _said(self, voice: Voice, offset: int, count: int) -> Samples:
        """The voice from ``offset`` samples after the answer, spurts aside."""
        if voice.hz is not None:
            return self._tone(voice.hz, offset, count)
        assert voice.samples is not None
        said = np.zeros(count, dtype=np.int16)
        begin, end = max(offset, 0), min(offset + count, len(voice.samples))
        if begin < end:
            said[begin - offset : end - offset] = voice.samples[begin:end]
        return said

    def _tone(self, hz: float, offset: int, count: int) -> Samples:
        """A caller's tone from sample ``offset``: one period made once and tiled (a
        tone without a short period is computed as asked)."""
        if (looped := self._tones.get(hz)) is None:
            period = tone_period(hz, self.rate)
            if period is None or offset < 0:
                return tone(hz, offset, count, self.rate)
            looped = self._tones[hz] = Looped(np.zeros(0, dtype=np.int16), tone(hz, 0, period, self.rate))
        if offset < 0:
            return tone(hz, offset, count, self.rate)
        return looped.piece(offset, count)

    def _talk(self, name: str, spurts: Sequence[tuple[int, int]]) -> tuple[list[int], list[int]]:
        """The call's talk spurts merged where they meet, in order (the same gate)."""
        found = self._spurts.get(name)
        if found is None:
            merged: list[list[int]] = []
            for a, b in sorted(spurts):
                if b <= a:
                    continue
                if merged and a <= merged[-1][1]:
                    merged[-1][1] = max(merged[-1][1], b)
                else:
                    merged.append([a, b])
            found = self._spurts[name] = ([a for a, _ in merged], [b for _, b in merged])
        return found

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


class _Sound:
    """A sound played to a room, heard from its start to its end by those hearing
    the room when it started, and by the room's recordings."""

    __slots__ = ("calls", "samples", "start", "tapes")

    def __init__(self, start: int, samples: Wide, calls: list[str], tapes: list[_TapeMap]) -> None:
        self.start, self.samples, self.calls, self.tapes = start, samples, calls, tapes


class _Room:
    """A bridge as the render goes through it: its stretches, the next one to mix."""

    __slots__ = ("bridge", "next", "stretches", "tapes")

    def __init__(self, bridge: Bridge, stretches: list[_Stretch], tapes: list[_TapeMap]) -> None:
        self.bridge = bridge
        self.stretches = stretches
        self.next = 0
        self.tapes = tapes


class _Prompt:
    """A call's own Speak, Play or Wait, heard from ``start`` for ``length`` samples."""

    __slots__ = ("call", "element", "length", "sound", "start")

    def __init__(self, call: str, start: int, length: int, element: Element) -> None:
        self.call, self.start, self.length, self.element = call, start, length, element
        self.sound: Looped | None = None


def _prompts(name: str, call: CallAudio, per_ms: int) -> list[_Prompt]:
    """What the call's own Speak, Play and Wait elements sounded like to it,
    outside any room: each from its start until it ends, or the next one starts
    (a prompt cut short by a key), or the call ends."""
    found = []
    for index, (start, element) in enumerate(call.prompts):
        until = call.prompts[index + 1][0] if index + 1 < len(call.prompts) else call.end_ms
        length = (min(until, call.end_ms) - start) * per_ms
        if length > 0:
            found.append(_Prompt(name, start * per_ms, length, element))
    return found


class _Record:
    """A ``<Record>``'s recording (I3): what the caller said while it ran, plus, for
    recordSession, what the call heard."""

    __slots__ = ("call", "end", "session", "start")

    def __init__(self, record: CallTape, span: tuple[int, int], per_ms: int) -> None:
        self.call, self.session = record.call, record.session
        self.start, self.end = span[0] * per_ms, span[1] * per_ms


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
    wanted_calls: Iterable[str] | None = None,
    wanted_recordings: Iterable[str] | None = None,
    folder: str | os.PathLike[str] | None = None,
    mp3: bool = False,
    progress: Callable[[float, float], None] | None = None,
) -> AudioResult:
    """What the calls heard and the recordings hold (every one, or those asked for):
    kept in memory, or, with ``folder``, streamed into files there (then read back
    when asked for). AudioError, before anything is allocated, if that needs more
    than ``memory_limit`` bytes. ``progress(done, total)``: seconds of audio rendered."""
    per_ms = rate // 1000
    rooms = [bridge for bridge in bridges if bridge.opened_ms <= end_ms]
    room_tapes = {tape.id: (tape, _taped_ms(tape, end_ms)) for bridge in rooms for tape in bridge.tapes}
    spans = [(record, _record_span(record, end_ms)) for record in call_tapes if record.call in calls]
    records = {record.id: (record, span) for record, span in spans if span is not None}
    heard_names = _chosen(wanted_calls, list(calls), "call")
    recording_ids = _chosen(wanted_recordings, [*room_tapes, *records], "recording")
    lengths: dict[Owner, int] = {("call", name): calls[name].samples(per_ms) for name in heard_names}
    for key in recording_ids:
        lengths["recording", key] = (
            room_tapes[key][1] * per_ms if key in room_tapes else (records[key][1][1] - records[key][1][0]) * per_ms
        )
    formats = {key: room_tapes[key][0].file_format if key in room_tapes else records[key][0].file_format
               for key in recording_ids}
    track_samples = (
        [length for (kind, _), length in lengths.items() if kind == "call"],
        [length for (kind, _), length in lengths.items() if kind == "recording"],
    )
    sounds = len(sound_documents)
    keep = folder is None
    prompts = sum(max([0, *(p.length for p in _prompts(name, call, per_ms))]) for name, call in calls.items())
    check_memory(*track_samples, sounds, rate, check_memory_limit(memory_limit), kept=keep, prompts=prompts)
    longest = max([0, *track_samples[0], *track_samples[1]])
    try:  # (the estimate is an upper bound, but the machine may have less free)
        as_mp3 = frozenset(key for key in recording_ids if mp3 and formats[key] == "mp3")
        sink: Kept | Written = Kept(lengths) if folder is None else Written(Path(folder), lengths, rate, as_mp3)
        try:
            sources = _Renderer(rate, calls, durations, sound_documents, url_audio, longest=longest)
            _Render(sources, rooms, room_tapes, records).run(end_ms, lengths, sink, progress)
            sink.finish()
        except BaseException:
            sink.discard()
            raise
    except MemoryError:
        needed = memory_needed(*track_samples, sounds, kept=keep, prompts=prompts)
        raise AudioError(
            f"the machine ran out of memory rendering the audio (about {needed} bytes "
            "estimated); use a lower sample rate, fewer calls or a shorter run, or a lower memory_limit"
        ) from None
    if isinstance(sink, Kept):
        heard = {name: sink.tracks["call", name] for name in heard_names}
        return AudioResult(rate, heard, {key: sink.tracks["recording", key] for key in recording_ids}, formats)
    result = AudioResult(
        rate,
        WrittenTracks({name: sink.paths["call", name][0] for name in heard_names}, rate, "call"),
        WrittenTracks({key: sink.paths["recording", key][0] for key in recording_ids}, rate, "recording"),
        formats,
    )
    result.written = sink.written()
    return result


def _chosen(wanted: Iterable[str] | None, known: list[str], kind: str) -> list[str]:
    """The calls or recordings asked for (None: all), in their own order; AudioError
    naming one that is not there."""
    if wanted is None:
        return known
    if isinstance(wanted, str):
        raise AudioError(f"{kind}s must be a list of {kind} names, not the string {wanted!r}")
    asked = set(wanted)
    missing = sorted(asked.difference(known), key=str)
    if missing:
        raise AudioError(
            f"no {kind} {missing[0]!r} to render; allowed: {', '.join(map(repr, known)) or f'none (no {kind}s)'}"
        )
    return [key for key in known if key in asked]


class _Render:
    """One render, block by block (the module docstring)."""

    def __init__(
        self,
        sources: _Renderer,
        rooms: Sequence[Bridge],
        room_tapes: Mapping[str, tuple[Tape, int]],
        records: Mapping[str, tuple[CallTape, tuple[int, int]]],
    ) -> None:
        self.sources = sources
        per_ms = self.per_ms = sources.per_ms
        self.calls = sources.calls
        maps = {key: _TapeMap(tape, ms * per_ms, per_ms) for key, (tape, ms) in room_tapes.items()}
        self.maps = maps
        self.rooms = rooms
        self.records = {key: _Record(record, span, per_ms) for key, (record, span) in records.items()}

    def run(
        self,
        end_ms: int,
        lengths: Mapping[Owner, int],
        sink: Kept | Written,
        progress: Callable[[float, float], None] | None,
    ) -> None:
        per_ms, calls = self.per_ms, self.calls
        heard = [name for kind, name in lengths if kind == "call"]
        # the calls whose sums are made: those asked for, and those a recordSession records
        summed = set(heard) | {r.call for key, r in self.records.items() if r.session and ("recording", key) in lengths}
        tapes = [self.maps[key] for kind, key in lengths if kind == "recording" and key in self.maps]
        records = [(key, r) for key, r in self.records.items() if ("recording", key) in lengths]
        rooms = [
            _Room(bridge, _stretches(bridge, _stop(bridge, end_ms), per_ms), [self.maps[t.id] for t in bridge.tapes])
            for bridge in self.rooms
        ]
        prompts = sorted((p for name in summed for p in _prompts(name, calls[name], per_ms)), key=_first)
        next_prompt = 0
        playing: list[_Prompt] = []
        sounding: list[_Sound] = []
        first_ms = min([end_ms, *(calls[name].answer_ms for name in summed), *(b.opened_ms for b in self.rooms)])
        first_ms = min([first_ms, *(r.start // per_ms for _, r in records)])
        total = (end_ms - first_ms) / 1000
        for block_ms in range(first_ms, end_ms, BLOCK_MS):
            block = _Block(block_ms * per_ms, min(block_ms + BLOCK_MS, end_ms) * per_ms)
            for name in summed:
                call = calls[name]
                a, b = max(block.start, call.answer_ms * per_ms), min(block.end, call.end_ms * per_ms)
                if a < b:
                    block.calls[name] = (a, np.zeros(b - a, dtype=np.int32))
            for where in tapes:
                first, end = where.offsets(block.start, block.end)
                if first < end:
                    block.tapes[where.tape.id] = (first, np.zeros(end - first, dtype=np.int32))
            for room in rooms:
                self._room(room, block, sounding)
            sounding = [sound for sound in sounding if self._sound(sound, block)]
            while next_prompt < len(prompts) and prompts[next_prompt].start < block.end:
                playing.append(prompts[next_prompt])
                next_prompt += 1
            playing = [prompt for prompt in playing if self._prompt(prompt, block)]
            for key, record in records:
                self._record(key, record, block)
            for name in heard:
                if name in block.calls:
                    sink.put(("call", name), clamp(block.calls[name][1]))
            for kind, key in lengths:
                if kind == "recording" and key in block.tapes:
                    sink.put(("recording", key), clamp(block.tapes[key][1]))
            if progress is not None:
                progress(round((block.end // per_ms - first_ms) / 1000, 3), total)

    def _room(self, room: _Room, block: _Block, sounding: list[_Sound]) -> None:
        """Mix the room's stretches that meet the block."""
        per_ms, sources = self.per_ms, self.sources
        stretches = room.stretches
        block_a, block_b = block.start // per_ms, block.end // per_ms
        index = room.next
        while index < len(stretches) and stretches[index].at < block_b:
            stretch = stretches[index]
            if stretch.until <= block_a:
                index += 1
                room.next = index
                continue
            if stretch.at >= block_a:  # first met: its sounds start
                for sound_at, played in stretch.sounds:
                    samples = sources.sound(played).astype(np.int32)
                    hearing = [seat.call for seat in stretch.members if seat.hears]
                    sounding.append(_Sound(sound_at * per_ms, samples, hearing, room.tapes))
            a_ms, b_ms = max(stretch.at, block_a), min(stretch.until, block_b)
            start, count = a_ms * per_ms, (b_ms - a_ms) * per_ms
            members = stretch.members
            voices = {
                s.call: v for s in members if s.speaks and (v := sources.voice(s.call, start, count)) is not None
            }
            for name, samples in mix(members, room.bridge.rules, voices, count).items():
                block.add(name, start, samples)
            for call, instead, since in stretch.instead:  # those that do not hear the room hear their own source
                if call in block.calls and (source := sources.source(instead)) is not None:
                    block.add(call, start, source.piece(start - since, count))
            for where in room.tapes:  # a recording hears every speaking member its excluded groups leave in
                said = [voices[s.call] for s in members if s.call in voices and s.group not in where.tape.excluded]
                if said:
                    total = said[0].astype(np.int32)
                    for more in said[1:]:
                        np.add(total, more, out=total)
                    block.tape(where, start, total)
            if stretch.until > block_b:
                break  # (it goes on in the next block)
            index += 1
            room.next = index

    @staticmethod
    def _sound(sound: _Sound, block: _Block) -> bool:
        """Add the sound's part in the block; whether it goes on after it."""
        for call in sound.calls:
            block.add(call, sound.start, sound.samples)
        for where in sound.tapes:
            block.tape(where, sound.start, sound.samples)
        return sound.start + len(sound.samples) > block.end

    def _prompt(self, prompt: _Prompt, block: _Block) -> bool:
        """Add the prompt's part in the block; whether it goes on after it."""
        a, b = max(prompt.start, block.start), min(prompt.start + prompt.length, block.end)
        if a < b:
            if prompt.sound is None:
                sources = self.sources
                prompt.sound = element_sound(
                    prompt.element, sources.rate, sources.durations, sources.url_audio, prompt.length
                )
            if not prompt.sound.silent:
                block.add(prompt.call, a, prompt.sound.piece(a - prompt.start, b - a).astype(np.int32))
        return prompt.start + prompt.length > block.end

    def _record(self, key: str, record: _Record, block: _Block) -> None:
        a, b = max(record.start, block.start), min(record.end, block.end)
        if a >= b:
            return
        said = self.sources.voice(record.call, a, b - a)
        recorded = np.zeros(b - a, dtype=np.int32) if said is None else said.astype(np.int32)
        if record.session and (found := block.calls.get(record.call)) is not None:
            first, out = found  # what the call heard (its 32-bit sum, before the clamp)
            c, d = max(a, first), min(b, first + len(out))
            if c < d:
                recorded[c - a : d - a] += out[c - first : d - first]
        block.tapes[key] = (0, recorded)


def _first(prompt: _Prompt) -> int:
    return prompt.start


def _stop(bridge: Bridge, end_ms: int) -> int:
    return end_ms if bridge.closed_ms is None else min(bridge.closed_ms, end_ms)


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
