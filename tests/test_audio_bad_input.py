"""Bad audio input (rule A1 of docs/rules.md): each is refused with one package
error (AudioError or SimulationError) whose message names what was wrong and
what is allowed; nothing is converted. And the optional extras: NumPy is only
imported for audio, and without it (or without lameenc, for MP3) the error says
what to install."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import wave
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import plivoxml_plus
from plivoxml_plus._errors import AudioError, MissingExtra, SimulationError  # (see test_top_level_exports)
from plivoxml_plus.core import Simulation
from plivoxml_plus.core.audio import mix_frames
from plivoxml_plus.core.bridge import Seat

ROOT = Path(__file__).resolve().parent.parent
DOC = "<Response><Conference>room</Conference></Response>"


def sim_with_call(rate: int = 8000) -> Simulation:
    sim = Simulation(sample_rate=rate)
    sim.call("ann", DOC, at=0, hangup=2)
    return sim


def write_wav(path: Path, *, channels: int = 1, width: int = 2, rate: int = 8000, frames: int = 800) -> Path:
    with wave.open(str(path), "wb") as file:
        file.setnchannels(channels)
        file.setsampwidth(width)
        file.setframerate(rate)
        file.writeframes(b"\x01" * (frames * channels * width))
    return path


def test_audio_error_is_a_simulation_error():
    assert issubclass(AudioError, SimulationError)
    assert issubclass(MissingExtra, ImportError)


# -- the sample rate ---------------------------------------------------------------------------


@pytest.mark.parametrize("rate", [44100, 22050, 0, -8000, True, 8000.0, "8000"])
def test_wrong_sample_rate_a1(rate: Any):
    with pytest.raises(SimulationError, match=r"sample_rate.*not allowed.*8000, 16000 or 48000"):
        Simulation(sample_rate=rate)


@pytest.mark.parametrize("rate", [44100, 8000.0, True])
def test_mix_frames_wrong_rate_a1(rate: Any):
    seat = Seat("a", True, True, "all", None)
    with pytest.raises(AudioError, match=r"sample_rate = .* is not allowed.*8000, 16000, 48000"):
        mix_frames([seat], {}, rate=rate)


# -- WAV files ----------------------------------------------------------------------------------


@pytest.mark.parametrize("use", ["voice", "register_audio"])
@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"rate": 16000}, r"16000 Hz \(the simulation mixes at 8000 Hz\)"),
        ({"rate": 44100}, r"44100 Hz \(the simulation mixes at 8000 Hz\)"),
        ({"channels": 2}, r"2 channels \(mono needed\)"),
        ({"width": 1}, r"8-bit samples \(16-bit needed\)"),
        ({"width": 3}, r"24-bit samples \(16-bit needed\)"),
        ({"width": 4, "channels": 2}, r"2 channels \(mono needed\), 32-bit samples \(16-bit needed\)"),
    ],
)
def test_wav_of_the_wrong_kind_a1(tmp_path, use, kwargs, message):
    path = write_wav(tmp_path / "bad.wav", **kwargs)
    sim = sim_with_call()
    with pytest.raises(AudioError, match=message) as caught:
        if use == "voice":
            sim.voice("ann", wav=path)
        else:
            sim.register_audio("https://example.com/a.mp3", wav=path)
    assert str(path) in str(caught.value)
    assert ("voice of 'ann'" if use == "voice" else "audio for 'https://example.com/a.mp3'") in str(caught.value)


def test_wav_at_the_simulation_rate_is_accepted(tmp_path):
    for rate in (8000, 16000):
        sim = sim_with_call(rate)
        sim.voice("ann", wav=write_wav(tmp_path / f"ok{rate}.wav", rate=rate))
        sim.run()
        assert len(sim.audio().heard["ann"]) == 2 * rate


def test_missing_wav_file(tmp_path):
    missing = tmp_path / "nowhere.wav"
    with pytest.raises(AudioError, match=r"voice of 'ann': cannot read .*nowhere\.wav"):
        sim_with_call().voice("ann", wav=missing)
    with pytest.raises(AudioError, match=r"cannot read .*nowhere\.wav"):
        sim_with_call().register_audio("https://example.com/a.mp3", wav=missing)


@pytest.mark.parametrize("content", [b"", b"ID3\x03\x00 not a wave file at all", b"RIFF\x10\x00\x00\x00WAVEjunk"])
def test_file_that_is_not_wav(tmp_path, content):
    path = tmp_path / "fake.wav"
    path.write_bytes(content)
    with pytest.raises(AudioError, match=r"voice of 'ann': .*fake\.wav is not a PCM WAV file"):
        sim_with_call().voice("ann", wav=path)


def test_a_directory_is_not_a_wav_file(tmp_path):
    with pytest.raises(AudioError, match=r"voice of 'ann': cannot read"):
        sim_with_call().voice("ann", wav=tmp_path)


# -- sample arrays ---------------------------------------------------------------------------


BAD_ARRAYS = [
    (np.zeros(160, dtype=np.float64), r"audio must be int16 samples, not float64 \(convert float audio yourself\)"),
    (np.zeros(160, dtype=np.float32), r"audio must be int16 samples, not float32"),
    (np.full(160, np.nan), r"audio must be int16 samples, not float64"),
    (
        np.zeros((160, 2), dtype=np.int16),
        r"audio must be mono, one sample per row \(shape \(n,\)\), not shape \(160, 2\)",
    ),
    (np.zeros((1, 160), dtype=np.int16), r"audio must be mono.*not shape \(1, 160\)"),
    (np.array(5, dtype=np.int16), r"audio must be mono.*not shape \(\)"),
    (np.array([0, 40000], dtype=np.int32), r"samples outside 16 bits \(-32768\.\.32767\): 0\.\.40000"),
    (np.array([-32769, 0], dtype=np.int64), r"samples outside 16 bits \(-32768\.\.32767\): -32769\.\.0"),
    (np.zeros(160, dtype=bool), r"audio must be int16 samples, not bool"),
    (np.zeros(160, dtype=np.complex128), r"audio must be int16 samples, not complex128"),
    ([0] * 160, r"audio must be a NumPy array of int16 samples, not list"),
    (b"\x00" * 320, r"audio must be a NumPy array of int16 samples, not bytes"),
]


@pytest.mark.parametrize(("value", "message"), BAD_ARRAYS)
def test_bad_sample_arrays_for_a_voice_a1(value, message):
    with pytest.raises(AudioError, match=r"voice of 'ann': " + message):
        sim_with_call().voice("ann", samples=value)


@pytest.mark.parametrize(("value", "message"), BAD_ARRAYS)
def test_bad_sample_arrays_for_registered_audio_a1(value, message):
    with pytest.raises(AudioError, match=r"audio for 'https://example.com/a\.mp3': " + message):
        sim_with_call().register_audio("https://example.com/a.mp3", samples=value)


@pytest.mark.parametrize(("value", "message"), BAD_ARRAYS)
def test_bad_sample_arrays_for_mix_frames_a1(value, message):
    seats = [Seat("a", True, True, "all", None), Seat("b", True, True, "all", None)]
    with pytest.raises(AudioError, match=r"audio of 'a': " + message):
        mix_frames(seats, {"a": value})


def test_int32_within_16_bits_is_taken():
    sim = sim_with_call()
    sim.voice("ann", samples=np.array([-32768, 0, 32767] * 100, dtype=np.int32))  # no error


# -- mix_frames ---------------------------------------------------------------------------------


SEATS = [Seat("a", True, True, "all", None), Seat("b", True, True, "all", None)]


@pytest.mark.parametrize(
    ("rate", "count", "message"),
    [
        (8000, 100, r"whole 20 ms frames of 160 samples at 8000 Hz; 100 samples is 0\.625 frames"),
        (8000, 0, None),
        (8000, 161, r"whole 20 ms frames of 160 samples at 8000 Hz; 161 samples"),
        (16000, 160, r"whole 20 ms frames of 320 samples at 16000 Hz; 160 samples is 0\.5 frames"),
        (48000, 320, r"whole 20 ms frames of 960 samples at 48000 Hz"),
    ],
)
def test_mix_frames_wrong_frame_length_a1(rate, count, message):
    frames = {"a": np.zeros(count, dtype=np.int16)}
    if message is None:  # an empty block is zero whole frames: silence for everyone
        assert {k: len(v) for k, v in mix_frames(SEATS, frames, rate=rate).items()} == {"a": 0, "b": 0}
        return
    with pytest.raises(AudioError, match=message):
        mix_frames(SEATS, frames, rate=rate)


def test_mix_frames_frames_of_different_lengths():
    frames = {"a": np.zeros(160, dtype=np.int16), "b": np.zeros(320, dtype=np.int16)}
    with pytest.raises(AudioError, match=r"every member's audio must be as long; lengths given: \[160, 320\]"):
        mix_frames(SEATS, frames)


def test_mix_frames_audio_for_an_unknown_member():
    frames = {"a": np.zeros(160, dtype=np.int16), "zed": np.zeros(160, dtype=np.int16)}
    with pytest.raises(AudioError, match=r"audio for 'zed', who is not a member \(members: \['a', 'b'\]\)"):
        mix_frames(SEATS, frames)


# -- voice(): tones, sources, talk ------------------------------------------------------------


@pytest.mark.parametrize(
    ("rate", "hz"),
    [
        (8000, 0),
        (8000, -400),
        (8000, 4000),
        (8000, 5000),
        (16000, 8000),
        (48000, 24000),
        (8000, float("nan")),
        (8000, float("inf")),
        (8000, True),
        (8000, "400"),
    ],
)
def test_tone_of_0_hz_or_at_or_above_nyquist(rate, hz):
    sim = sim_with_call(rate)
    with pytest.raises(
        AudioError,
        match=rf"voice of 'ann': tone = .* is not allowed; allowed: a frequency in Hz "
        rf"above 0 and below half the sample rate \({rate // 2}\)",
    ):
        sim.voice("ann", tone=hz)


def test_tone_just_below_nyquist_is_accepted():
    sim_with_call(8000).voice("ann", tone=3999.5)


def test_voice_given_twice():
    sim = sim_with_call()
    sim.voice("ann", tone=400)
    with pytest.raises(SimulationError, match=r"call 'ann' already has a voice"):
        sim.voice("ann", tone=600)
    with pytest.raises(SimulationError, match=r"call 'ann' already has a voice"):
        sim.voice("ann", samples=np.zeros(160, dtype=np.int16))


def test_voice_for_an_unknown_call():
    with pytest.raises(SimulationError, match="nobody"):
        sim_with_call().voice("nobody", tone=400)


@pytest.mark.parametrize(
    ("kwargs", "given"),
    [
        ({}, "none"),
        ({"tone": 400, "samples": np.zeros(160, dtype=np.int16)}, r"\['tone', 'samples'\]"),
        ({"tone": 400, "wav": "x.wav"}, r"\['tone', 'wav'\]"),
        ({"samples": np.zeros(160, dtype=np.int16), "wav": "x.wav"}, r"\['samples', 'wav'\]"),
        ({"tone": 400, "samples": np.zeros(160, dtype=np.int16), "wav": "x.wav"}, r"\['tone', 'samples', 'wav'\]"),
    ],
)
def test_voice_needs_exactly_one_source(kwargs, given):
    with pytest.raises(SimulationError, match=rf"voice of 'ann': give one of tone, samples or wav \(given: {given}\)"):
        sim_with_call().voice("ann", **kwargs)


def test_register_audio_needs_exactly_one_source():
    both: dict[str, Any] = {"samples": np.zeros(160, dtype=np.int16), "wav": "x.wav"}
    for kwargs in ({}, both):
        with pytest.raises(SimulationError, match=r"register_audio\(url, samples=\.\.\. or wav=\.\.\.\)"):
            sim_with_call().register_audio("https://example.com/a.mp3", **kwargs)


def test_energy_talk_with_a_tone():
    sim = sim_with_call()
    with pytest.raises(AudioError, match=r"voice of 'ann': talk='energy' needs recorded audio \(samples or wav\)"):
        sim.voice("ann", tone=400, talk="energy")
    sim.voice("ann", tone=400)  # the refused voice was not kept


def test_bad_talk_and_detector():
    samples = np.zeros(1600, dtype=np.int16)
    with pytest.raises(SimulationError, match=r"talk must be 'declared' or 'energy', not 'loud'"):
        sim_with_call().voice("ann", samples=samples, talk="loud")  # type: ignore[arg-type]
    with pytest.raises(SimulationError, match=r"detector must be a TalkDetector, not dict"):
        sim_with_call().voice("ann", samples=samples, talk="energy", detector={"threshold": 1})
    sim = sim_with_call()
    sim.talk("ann", start=0.5, end=1)
    with pytest.raises(SimulationError, match=r"call 'ann' has declared talk spurts already"):
        sim.voice("ann", samples=samples, talk="energy")


# -- optional extras ----------------------------------------------------------------------------


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )


def test_importing_the_package_does_not_import_numpy():
    done = run_python("import sys, plivoxml_plus, plivoxml_plus.core; assert 'numpy' not in sys.modules, 'numpy'")
    assert done.returncode == 0, done.stderr


def test_without_numpy_audio_raises_missing_extra_and_plain_simulation_runs():
    done = run_python(
        """
        import sys
        sys.modules["numpy"] = None  # as if NumPy were not installed
        import plivoxml_plus
        from plivoxml_plus._errors import MissingExtra
        from plivoxml_plus.core import Simulation

        sim = Simulation()
        sim.call("ann", "<Response><Conference>room</Conference></Response>", at=0, hangup=2)
        sim.call("ben", "<Response><Conference>room</Conference></Response>", at=0, hangup=2)
        for attempt in (
            lambda: sim.voice("ann", tone=400),
            lambda: sim.register_audio("https://example.com/a.mp3", samples=[0]),
            lambda: sim.run().audio(),
        ):
            try:
                attempt()
            except MissingExtra as error:
                assert isinstance(error, ImportError)
                print("MISSING:", error)
            else:
                raise AssertionError("no MissingExtra")
        assert sim.hears(1) == {"ann": frozenset({"ben"}), "ben": frozenset({"ann"})}, sim.hears(1)
        assert [c.ended_at for c in sim.calls.values()] == [2, 2]
        print("PLAIN RUN OK")
        """
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1] == "PLAIN RUN OK"
    missing = [line for line in lines if line.startswith("MISSING:")]
    assert len(missing) == 3
    assert all("pip install 'plivoxml-plus[audio]'" in line and "numpy" in line for line in missing)


def test_writing_mp3_without_lameenc_raises_missing_extra(tmp_path, monkeypatch):
    sim = Simulation()
    sim.call(
        "host", '<Response><Conference record="true" recordFileFormat="mp3">r</Conference></Response>', at=0, hangup=2
    )
    sim.call("guest", "<Response><Conference>r</Conference></Response>", at=0, hangup=2)
    result = sim.run().audio()
    assert list(result.formats.values()) == ["mp3"]
    monkeypatch.setitem(sys.modules, "lameenc", None)  # as if lameenc were not installed
    with pytest.raises(MissingExtra, match=r"lameenc.*pip install 'plivoxml-plus\[mp3\]'"):
        result.write(tmp_path / "mp3", mp3=True)
    written = result.write(tmp_path / "wav")  # WAV needs no extra
    assert len(written) == 3


@pytest.mark.parametrize(("name", "error"), [("AudioError", AudioError), ("MissingExtra", MissingExtra)])
def test_top_level_exports(name, error):
    """The audio errors are the package's, catchable as ``plivoxml_plus.AudioError`` /
    ``plivoxml_plus.MissingExtra`` like SimulationError."""
    assert getattr(plivoxml_plus, name, None) is error
    assert name in plivoxml_plus.__all__
