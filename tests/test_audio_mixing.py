"""Mixing real audio through the simulated bridges (rules A1-A3 of docs/rules.md,
with C2, C8, M2 and M3 for who hears whom).

Each caller gets a tone of its own; a single-bin DFT (Goertzel's measure) over a
window of what a call heard says whose tones are in it. Windows are whole tenths
of a second and every frequency a multiple of 10 Hz, so the tones are orthogonal
over a window: a tone that is there measures its full amplitude, one that is not
measures (almost) zero. "Heard" is above 10% of the tone's amplitude, "not
heard" below 1%.
"""

from __future__ import annotations

import math
import wave
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from plivoxml_plus.core import Simulation
from plivoxml_plus.core._simulation import DEFAULT_EPOCH_MS
from plivoxml_plus.core.audio import AudioResult, mix_frames
from plivoxml_plus.core.bridge import PairRules, Seat

Samples = npt.NDArray[np.int16]

LEVEL = round(32767 * 10 ** (-12 / 20))  # a caller's tone, -12 dBFS: 8231
PRESENT = 0.10 * LEVEL
ABSENT = 0.01 * LEVEL
BEEP_HZ = 800.0

HOLD_HZ = 1700.0  # a registered hold / wait music tone
MUSIC_URL = "https://example.com/music.mp3"
MUSIC_DOC = "https://example.com/music.xml"


# -- measuring --------------------------------------------------------------------------


def level(samples: Samples, hz: float, rate: int) -> float:
    """The amplitude of the ``hz`` component of ``samples`` (one DFT bin)."""
    if len(samples) == 0:
        return 0.0
    x = samples.astype(np.float64)
    n = np.arange(len(x), dtype=np.float64)
    phase = 2 * math.pi * hz * n / rate
    return float(2 * math.hypot(float(np.dot(x, np.cos(phase))), float(np.dot(x, np.sin(phase)))) / len(x))


def window(result: AudioResult, sim: Simulation, name: str, start: float, end: float) -> Samples:
    """What ``name`` heard from ``start`` to ``end`` seconds of virtual time."""
    answered = sim.calls[name].answer_at
    assert answered is not None
    rate = result.rate
    a, b = round((start - answered) * rate), round((end - answered) * rate)
    samples = result.heard[name][a:b]
    assert len(samples) == b - a, f"{name} heard nothing from t={start} to t={end}"
    return samples


def hears(samples: Samples, hz: float, rate: int) -> bool:
    found = level(samples, hz, rate)
    assert found > PRESENT or found < ABSENT, f"{hz} Hz at {found:.0f}: neither clearly there nor clearly absent"
    return found > PRESENT


def tones_heard(samples: Samples, tones: Mapping[str, float], rate: int) -> set[str]:
    """The callers whose tone is in ``samples`` (asserting each is clearly in or out)."""
    return {name for name, hz in tones.items() if hears(samples, hz, rate)}


def assert_hearing(
    sim: Simulation,
    result: AudioResult,
    tones: Mapping[str, float],
    start: float,
    end: float,
    expected: Mapping[str, set[str]],
) -> None:
    got = {name: tones_heard(window(result, sim, name, start, end), tones, result.rate) for name in expected}
    assert got == expected, f"from t={start} to t={end}"


def sine(hz: float, count: int, rate: int, amplitude: int = LEVEL) -> Samples:
    n = np.arange(count, dtype=np.float64)
    samples: Samples = np.rint(amplitude * np.sin(2 * math.pi * hz * n / rate)).astype(np.int16)
    return samples


def conference(name: str = "room", **attributes: str) -> str:
    attrs = " ".join(f'{key}="{value}"' for key, value in attributes.items())
    return f"<Response><Conference {attrs}>{name}</Conference></Response>"


def mpc(role: str, name: str = "support", **attributes: str) -> str:
    """A MultiPartyCall document; no enter or exit beeps unless asked for."""
    fields = {"enterSound": "none", "exitSound": "none", **attributes}
    attrs = " ".join(f'{key}="{value}"' for key, value in fields.items())
    return f'<Response><MultiPartyCall role="{role}" {attrs}>{name}</MultiPartyCall></Response>'


def music_sim(rate: int = 8000) -> Simulation:
    """A simulation whose MUSIC_DOC loops the registered HOLD_HZ tone."""
    sim = Simulation({MUSIC_DOC: f'<Response><Play loop="0">{MUSIC_URL}</Play></Response>'}, sample_rate=rate)
    sim.register_audio(MUSIC_URL, samples=sine(HOLD_HZ, rate, rate))  # one second, whole cycles: loops cleanly
    return sim


# -- who hears whom, by tone --------------------------------------------------------------


def open_conference(rate: int) -> tuple[Simulation, dict[str, float]]:
    tones = {"ann": 400.0, "ben": 600.0, "cat": 900.0}
    sim = Simulation(sample_rate=rate)
    for name, hz in tones.items():
        sim.call(name, conference(), at=0, hangup=4)
        sim.voice(name, tone=hz)
    return sim.run(), tones


@pytest.mark.parametrize("rate", [8000, 16000, 48000])
def test_open_conference_each_hears_the_other_two_c8_a1_a2(rate):
    sim, tones = open_conference(rate)
    result = sim.audio()
    assert result.rate == rate == sim.sample_rate
    assert {name: len(samples) for name, samples in result.heard.items()} == dict.fromkeys(tones, 4 * rate)
    assert all(samples.dtype == np.int16 for samples in result.heard.values())
    assert_hearing(sim, result, tones, 0.5, 3.5, {"ann": {"ben", "cat"}, "ben": {"ann", "cat"}, "cat": {"ann", "ben"}})
    # each hears the others at their full level: the mix is a plain sum
    heard = window(result, sim, "ann", 0.5, 3.5)
    assert level(heard, 600, rate) == pytest.approx(LEVEL, rel=0.01)
    assert level(heard, 900, rate) == pytest.approx(LEVEL, rel=0.01)


def test_muted_member_is_heard_by_no_one_and_hears_all_c8():
    tones = {"ann": 400.0, "ben": 600.0, "cat": 900.0}
    sim = Simulation()
    for name, hz in tones.items():
        sim.call(name, conference(muted="true") if name == "cat" else conference(), at=0, hangup=4)
        sim.voice(name, tone=hz)
    result = sim.run().audio()
    assert_hearing(sim, result, tones, 0.5, 3.5, {"ann": {"ben"}, "ben": {"ann"}, "cat": {"ann", "ben"}})


def test_moderated_room_before_and_after_the_moderator_c2():
    tones = {"ann": 400.0, "ben": 600.0, "mod": 900.0}
    sim = music_sim()
    # ann waits hearing its waitSound (the registered tone), ben waits in silence
    sim.call("ann", conference(startConferenceOnEnter="false", waitSound=MUSIC_DOC), at=0, hangup=10)
    sim.call("ben", conference(startConferenceOnEnter="false"), at=0, hangup=10)
    sim.call("mod", conference(), at=4, hangup=10)
    for name, hz in tones.items():
        sim.voice(name, tone=hz)
    result = sim.run().audio()
    every = {**tones, "music": HOLD_HZ}
    # before: neither hears the other; ann hears its wait music, ben silence
    assert_hearing(sim, result, every, 0.5, 3.5, {"ann": {"music"}, "ben": set()})
    assert not window(result, sim, "ben", 0.5, 3.5).any()  # silence, sample for sample
    # after the moderator starts the room: everyone hears the others, the music stops
    assert_hearing(sim, result, every, 4.5, 9.5, {"ann": {"ben", "mod"}, "ben": {"ann", "mod"}, "mod": {"ann", "ben"}})


def test_mpc_coaching_customer_never_hears_the_supervisor_until_coach_mode_off_m2():
    tones = {"agent": 400.0, "customer": 600.0, "supervisor": 900.0}
    sim = Simulation()
    sim.call("agent", mpc("Agent"), at=0, hangup=20)
    sim.call("customer", mpc("Customer"), at=0, hangup=20)
    sim.call("supervisor", mpc("Supervisor", coachMode="true"), at=1, hangup=20)
    for name, hz in tones.items():
        sim.voice(name, tone=hz)
    sim.update_participant("supervisor", at=10, coach_mode=False)  # beep:1 at 10 s: kept out of the windows
    result = sim.run().audio()
    assert_hearing(
        sim,
        result,
        tones,
        1.5,
        9.5,
        {"agent": {"customer", "supervisor"}, "customer": {"agent"}, "supervisor": {"agent", "customer"}},
    )
    assert_hearing(
        sim,
        result,
        tones,
        10.5,
        19.5,
        {
            "agent": {"customer", "supervisor"},
            "customer": {"agent", "supervisor"},
            "supervisor": {"agent", "customer"},
        },
    )


def test_mpc_hold_cuts_the_held_participant_off_and_plays_its_hold_music_m3():
    tones = {"agent": 400.0, "customer": 600.0, "agent2": 900.0}
    sim = music_sim()
    for name, hz in tones.items():
        role = "Customer" if name == "customer" else "Agent"
        sim.call(name, mpc(role, customerHoldMusicUrl=MUSIC_DOC), at=0, hangup=20)
        sim.voice(name, tone=hz)
    sim.update_participant("customer", at=5, hold=True)
    sim.update_participant("customer", at=12, hold=False)
    result = sim.run().audio()
    every = {**tones, "music": HOLD_HZ}
    everyone = {"agent": {"customer", "agent2"}, "customer": {"agent", "agent2"}, "agent2": {"agent", "customer"}}
    assert_hearing(sim, result, every, 0.5, 4.5, everyone)
    # on hold: the customer hears its hold music and no participant; no one hears it (nor its music)
    assert_hearing(sim, result, every, 5.5, 11.5, {"agent": {"agent2"}, "customer": {"music"}, "agent2": {"agent"}})
    assert_hearing(sim, result, every, 12.5, 19.5, everyone)


def test_mpc_hold_without_music_url_hears_no_participant_m3():
    tones = {"agent": 400.0, "customer": 600.0, "agent2": 900.0}
    sim = Simulation()
    for name, hz in tones.items():
        sim.call(name, mpc("Customer" if name == "customer" else "Agent"), at=0, hangup=10)
        sim.voice(name, tone=hz)
    sim.update_participant("agent", at=2, hold=True)
    result = sim.run().audio()
    assert_hearing(sim, result, tones, 2.5, 9.5, {"agent": set(), "customer": {"agent2"}, "agent2": {"customer"}})


def self_exclusion_scenarios() -> Iterable[tuple[str, Simulation, dict[str, float]]]:
    sim, tones = open_conference(8000)
    yield "conference", sim, tones
    tones = {"agent": 400.0, "customer": 600.0, "supervisor": 900.0, "agent2": 1300.0}
    sim = music_sim()
    roles = {"agent": "Agent", "customer": "Customer", "supervisor": "Supervisor", "agent2": "Agent"}
    for name, role in roles.items():
        sim.call(name, mpc(role, customerHoldMusicUrl=MUSIC_DOC), at=0, hangup=12)
        sim.voice(name, tone=tones[name])
    sim.update_participant("agent2", at=2, mute=True)
    sim.update_participant("agent2", at=4, mute=False)
    sim.update_participant("customer", at=5, hold=True)
    sim.update_participant("customer", at=7, hold=False)
    sim.update_participant("supervisor", at=8, coach_mode=False)  # and a beep:1
    yield "mpc", sim.run(), tones


@pytest.mark.parametrize("scenario", ["conference", "mpc"])
def test_no_one_ever_hears_its_own_tone_c8_a2(scenario):
    for name, sim, tones in self_exclusion_scenarios():
        if name != scenario:
            continue
        result = sim.audio()
        rate = result.rate
        for call, hz in tones.items():
            heard = result.heard[call]
            tenth = rate // 10
            assert len(heard) % tenth == 0
            checked = 0
            for start in range(0, len(heard), tenth):  # every tenth of a second of the call
                piece = heard[start : start + tenth]
                if np.abs(piece.astype(np.int32)).max() >= 32767:
                    continue  # saturated: clipping makes intermodulation products at other frequencies
                assert level(piece, hz, rate) < ABSENT, (call, start / rate)
                checked += 1
            assert checked >= len(heard) // tenth - 2


# -- the mixer against a reference, saturation (A2, A3) -----------------------------------


def reference_mix(
    seats: Sequence[Seat], frames: Mapping[str, Samples], rules: PairRules, count: int
) -> dict[str, list[int]]:
    """Slow and plain: each listener adds, in Python ints, every other speaking
    member its group may hear, then saturates to 16 bits."""
    out: dict[str, list[int]] = {}
    for listener in seats:
        total = [0] * count
        if listener.hears:
            for speaker in seats:
                if speaker.call == listener.call or not speaker.speaks or speaker.call not in frames:
                    continue
                if (speaker.group, listener.group) in rules:
                    continue
                for i, sample in enumerate(frames[speaker.call].tolist()):
                    total[i] += int(sample)
        out[listener.call] = [max(-32768, min(32767, value)) for value in total]
    return out


GROUPS = ["Agent", "Customer", "coach"]
PAIRS = [(a, b) for a in GROUPS for b in GROUPS]
EXTREMES = st.sampled_from([-32768, -32767, 32767, 0, 30000, -30000])
SAMPLE = st.one_of(EXTREMES, st.integers(-32768, 32767))


@st.composite
def mixes(draw: st.DrawFn) -> tuple[list[Seat], dict[str, Samples], PairRules, int]:
    size = draw(st.integers(1, 8))
    seats = [
        Seat(f"m{i}", draw(st.booleans()), draw(st.booleans()), draw(st.sampled_from(GROUPS)), None)
        for i in range(size)
    ]
    rules: PairRules = frozenset(draw(st.lists(st.sampled_from(PAIRS), max_size=4)))
    count = 160 * draw(st.integers(1, 3))
    with_audio = draw(st.lists(st.sampled_from([s.call for s in seats]), unique=True))
    frames = {call: draw(hnp.arrays(np.int16, count, elements=SAMPLE)) for call in with_audio}
    return seats, frames, rules, count


@settings(max_examples=150)
@given(mixes())
def test_mix_frames_agrees_with_a_reference_mixer_bit_for_bit_a2_a3(case):
    seats, frames, rules, count = case
    got = mix_frames(seats, frames, rules=rules, rate=8000)
    assert set(got) == {seat.call for seat in seats}
    if not frames:
        count = 160  # no audio at all: one frame of silence
    expected = reference_mix(seats, frames, rules, count)
    for call, samples in got.items():
        assert samples.dtype == np.int16
        assert len(samples) == count
        assert samples.tolist() == expected[call], call


def test_a_sum_past_16_bits_saturates_never_wraps_a3():
    seats = [Seat(name, True, True, "all", None) for name in ("a", "b", "c", "d")]
    loud = np.full(160, 30000, dtype=np.int16)
    quiet = np.zeros(160, dtype=np.int16)
    got = mix_frames(seats[:3], {"a": loud, "b": loud, "c": quiet})
    assert got["c"].tolist() == [32767] * 160  # 60000 saturates; int16 wrapping would give -5536
    assert got["a"].tolist() == got["b"].tolist() == [30000] * 160
    low = np.full(160, -30000, dtype=np.int16)
    assert mix_frames(seats[:3], {"a": low, "b": low})["c"].tolist() == [-32768] * 160
    # clamped once, at the end: 30000 + 30000 - 30000 is 30000, whatever the order
    got = mix_frames(seats, {"a": loud, "b": loud, "c": low, "d": quiet})
    assert got["d"].tolist() == [30000] * 160


def test_saturation_in_a_simulation_a3():
    rate = 8000
    sim = Simulation()
    loud = np.full(rate * 2, 30000, dtype=np.int16)
    for name in ("a", "b"):
        sim.call(name, conference(), at=0, hangup=2)
        sim.voice(name, samples=loud)
    sim.call("c", conference(), at=0, hangup=2)
    result = sim.run().audio()
    assert result.heard["c"].tolist() == [32767] * (2 * rate)


# -- recordings ------------------------------------------------------------------------------


def test_conference_recording_length_is_recording_duration_ms_and_holds_every_speaker_c9_a2():
    tones = {"host": 400.0, "guest": 600.0, "third": 900.0}
    sim = Simulation()
    sim.call("host", conference(record="true", callbackUrl="https://example.com/cb"), at=0, hangup=10)
    sim.call("guest", conference(), at=2.5, hangup=9)
    sim.call("third", conference(), at=3, hangup=9)
    for name, hz in tones.items():
        sim.voice(name, tone=hz)
    result = sim.run().audio()
    (record,) = sim.callbacks("record")
    recording_id = record.params["RecordingID"]
    assert set(result.recordings) == {recording_id}
    recording = result.recordings[recording_id]
    assert recording.dtype == np.int16
    assert len(recording) == int(record.params["RecordingDurationMs"]) * result.rate // 1000
    started_ms = int(record.params["RecordingStartMs"]) - DEFAULT_EPOCH_MS  # virtual time
    assert started_ms == 2500  # the room starts with its second member
    a = (4000 - started_ms) * result.rate // 1000
    assert tones_heard(recording[a : a + 4 * result.rate], tones, result.rate) == set(tones)


def mpc_recording_sim(record_coach_voice: str | None) -> tuple[Simulation, dict[str, float]]:
    tones = {"agent": 400.0, "customer": 600.0, "supervisor": 900.0}
    extra = {} if record_coach_voice is None else {"recordCoachVoice": record_coach_voice}
    sim = Simulation()
    sim.call("agent", mpc("Agent", record="true", **extra), at=0, hangup=10)
    sim.call("customer", mpc("Customer"), at=0, hangup=10)
    sim.call("supervisor", mpc("Supervisor"), at=0, hangup=10)
    for name, hz in tones.items():
        sim.voice(name, tone=hz)
    return sim.run(), tones


@pytest.mark.parametrize(("value", "with_supervisor"), [(None, True), ("true", True), ("false", False)])
def test_mpc_record_coach_voice_m7_m2(value, with_supervisor):
    sim, tones = mpc_recording_sim(value)
    result = sim.audio()
    (recording,) = result.recordings.values()
    expected = set(tones) if with_supervisor else {"agent", "customer"}
    assert tones_heard(recording[8000 : 9 * 8000], tones, 8000) == expected


def test_mpc_recording_leaves_pauses_out_m7():
    rate = 8000
    voice = np.random.default_rng(7).integers(-20000, 20000, 20 * rate, dtype=np.int16)
    sim = Simulation()
    sim.call("agent", mpc("Agent", record="true", recordingCallbackUrl="https://example.com/rec"), at=0, hangup=20)
    sim.call("customer", mpc("Customer"), at=0, hangup=20)
    sim.voice("customer", samples=voice)  # the agent says nothing: the recording is the customer alone
    sim.recording("support", "pause", at=5)
    sim.recording("support", "resume", at=8)
    result = sim.run().audio()
    (completed,) = sim.recording_callbacks("MPCRecordingCompleted")
    recording = result.recordings[completed.params["RecordingUUID"]]
    duration = int(completed.params["RecordingDuration"])
    assert duration == 17
    assert abs(len(recording) - duration * rate) <= rate * 20 // 1000  # within one 20 ms frame
    # sample for sample: what the customer said before the pause, then after it
    assert recording.tolist() == np.concatenate([voice[: 5 * rate], voice[8 * rate :]]).tolist()


def read_back(path: Path) -> tuple[int, int, int, Samples]:
    with wave.open(str(path), "rb") as file:
        data = file.readframes(file.getnframes())
        return file.getnchannels(), file.getsampwidth(), file.getframerate(), np.frombuffer(data, dtype="<i2")


@pytest.mark.parametrize("rate", [8000, 16000])
def test_write_wav_files_read_back_the_same(tmp_path, rate):
    sim = Simulation(sample_rate=rate)
    sim.call("host", conference(record="true", recordFileFormat="wav"), at=0, hangup=3)
    sim.call("guest", conference(), at=0, hangup=3)
    sim.voice("host", tone=400)
    sim.voice("guest", tone=600)
    result = sim.run().audio()
    written = result.write(tmp_path / "out")
    (recording_id,) = result.recordings
    expected = {tmp_path / "out" / name for name in ("host.wav", "guest.wav", f"recording-{recording_id}.wav")}
    assert set(written) == expected
    assert set((tmp_path / "out").iterdir()) == expected
    sources = {"host": result.heard["host"], "guest": result.heard["guest"]}
    sources[f"recording-{recording_id}"] = result.recordings[recording_id]
    for stem, samples in sources.items():
        channels, width, framerate, data = read_back(tmp_path / "out" / f"{stem}.wav")
        assert (channels, width, framerate) == (1, 2, rate)
        assert data.tolist() == samples.tolist()
    assert not any(p.suffix == ".mp3" for p in written)


def test_write_mp3_for_mp3_recordings_only(tmp_path):
    pytest.importorskip("lameenc")
    sim = Simulation()
    sim.call("agent", mpc("Agent", record="true", recordFileFormat="mp3"), at=0, hangup=3)
    sim.call("customer", mpc("Customer"), at=0, hangup=3)
    sim.call("host", conference("room2", record="true", recordFileFormat="wav"), at=0, hangup=3)
    sim.call("guest", conference("room2"), at=0, hangup=3)
    for name, hz in (("agent", 400), ("customer", 600), ("host", 900), ("guest", 1300)):
        sim.voice(name, tone=hz)
    result = sim.run().audio()
    assert sorted(result.formats.values()) == ["mp3", "wav"]
    written = result.write(tmp_path, mp3=True)
    mp3s = [p for p in written if p.suffix == ".mp3"]
    (mp3_id,) = [key for key, value in result.formats.items() if value == "mp3"]
    assert mp3s == [tmp_path / f"recording-{mp3_id}.mp3"]
    assert mp3s[0].stat().st_size > 0
    assert len([p for p in written if p.suffix == ".wav"]) == 4 + 2


# -- sounds: the join beep ------------------------------------------------------------------


def test_mpc_join_beep_is_heard_by_those_hearing_the_room_a2_m3():
    rate = 8000
    sim = Simulation()
    sim.call("agent", mpc("Agent", enterSound="beep:1"), at=0, hangup=10)
    sim.call("customer", mpc("Customer", enterSound="beep:1"), at=0, hangup=10)
    sim.call("held", mpc("Customer", enterSound="beep:1"), at=0, hangup=10)
    sim.update_participant("held", at=1, hold=True)
    sim.call("late", mpc("Customer", enterSound="beep:1"), at=3, hangup=10)
    result = sim.run().audio()
    for name in ("agent", "customer"):
        beep = window(result, sim, name, 3.0, 3.2)
        assert level(beep, BEEP_HZ, rate) == pytest.approx(LEVEL, rel=0.01), name  # 200 ms of 800 Hz, -12 dBFS
        assert level(window(result, sim, name, 3.2, 3.4), BEEP_HZ, rate) < ABSENT, name
        assert level(window(result, sim, name, 2.0, 3.0), BEEP_HZ, rate) < ABSENT, name
    assert level(window(result, sim, "held", 3.0, 3.2), BEEP_HZ, rate) < ABSENT  # on hold: not hearing the room


# -- talk detection from the audio -------------------------------------------------------------


def spoken(rate: int) -> Samples:
    """One second of silence, one of a tone, two of silence."""
    silence = np.zeros(rate, dtype=np.int16)
    return np.concatenate([silence, sine(400, rate, rate), silence, silence])


FRAME = 0.02
HANGOVER = 0.2


def test_energy_talk_gives_mpc_speak_events_m7():
    sim = Simulation()
    events = {"statusCallbackUrl": "https://example.com/s", "statusCallbackEvents": "participant-speak-events"}
    sim.call("agent", mpc("Agent", **events), at=0, hangup=10)
    sim.call("customer", mpc("Customer"), at=0.5, hangup=10)
    sim.voice("customer", samples=spoken(8000), talk="energy")
    sim.run()
    speak = [
        (r.at, r.params["EventName"])
        for r in sim.status_callbacks()
        if r.params["EventName"].startswith("ParticipantSpeak")
    ]
    assert [name for _, name in speak] == ["ParticipantSpeakStart", "ParticipantSpeakStop"]
    (start, _), (stop, _) = speak
    assert start == pytest.approx(0.5 + 1.0, abs=FRAME)
    assert stop == pytest.approx(0.5 + 2.0 + HANGOVER, abs=FRAME)
    # the voice sounds (the talk spurt gates it, hangover included): the agent hears the tone
    result = sim.audio()
    assert hears(window(result, sim, "agent", 1.6, 2.4), 400, 8000)
    assert not window(result, sim, "agent", 3.0, 4.0).any()


def test_energy_talk_moves_the_conference_floor_c7():
    rate = 8000
    first = spoken(rate)  # talks 1.0-2.0 s from its answer
    second = np.concatenate([np.zeros(rate, dtype=np.int16), first])[: 4 * rate]  # talks 2.0-3.0 s
    sim = Simulation()
    floor = {"floorEvent": "true", "callbackUrl": "https://example.com/floor"}
    sim.call("a", conference(**floor), at=0, hangup=10)
    sim.call("b", conference(**floor), at=0, hangup=10)
    sim.voice("a", samples=first, talk="energy")
    sim.voice("b", samples=second[: int(2.5 * rate)], talk="energy")  # talks 2.0-2.5 s: still on at a's stop
    sim.run()
    floors = [(r.at, r.call) for r in sim.callbacks("floor")]
    assert [call for _, call in floors] == ["a", "b"]
    assert floors[0][0] == pytest.approx(1.0, abs=FRAME)  # a starts talking: it takes the floor
    assert floors[1][0] == pytest.approx(2.0 + HANGOVER, abs=FRAME)  # a stops (after hangover): b, still talking


def test_A2_a_call_hears_its_own_prompts_outside_the_room() -> None:
    """Speak and Play of the call's own document, before it joins: a Speak is the
    220 Hz placeholder for its modelled length, a registered Play its audio; the
    room comes after, and a loop="0" Play repeats until the call moves on."""
    rate = 8000
    music = np.asarray(8000 * np.sin(2 * np.pi * 300 * np.arange(rate) / rate), dtype=np.int16)  # 1 s
    sim = Simulation(sample_rate=rate)
    sim.register_audio("https://example.com/intro.mp3", samples=music)
    doc = (
        '<Response><Speak>one two three four five</Speak>'  # 2 s at 2.5 words per second
        "<Play>https://example.com/intro.mp3</Play>"  # 10 s by the duration model; its audio is 1 s
        '<Play loop="0">https://example.com/intro.mp3</Play></Response>'
    )
    sim.call("a", doc, at=0, hangup=20)
    sim.run()
    heard = sim.audio().heard["a"]
    assert len(heard) == 20 * rate
    assert level(heard[: 2 * rate], 220, rate) > 0.3 * LEVEL  # (placeholders are at -20 dBFS)
    assert np.array_equal(heard[2 * rate : 3 * rate], music)  # the registered audio, once
    assert not heard[3 * rate : 12 * rate].any()  # the rest of that Play's modelled 10 s: nothing more
    assert np.array_equal(heard[12 * rate : 13 * rate], music) and np.array_equal(heard[19 * rate :], music)
