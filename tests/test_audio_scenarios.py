"""Audio in scenario files (``sample_rate``, ``tone``, ``audio``, ``talk_from``,
``[audio]``) and ``plivoxml-plus simulate --audio-out DIR [--mp3]``.

The example examples/scenarios/audio/mpc-audio-coaching.toml is checked by ear,
with a single-frequency DFT (Goertzel) over one-second windows: the tones are
whole hertz, so a second holds whole periods of each and the others cancel.
"""

from __future__ import annotations

import contextlib
import io
import math
import os
import subprocess
import sys
import textwrap
import wave
from pathlib import Path
from typing import Any

import pytest

from plivoxml_plus import ScenarioError
from plivoxml_plus.cli import main
from plivoxml_plus.core import load_scenario

ROOT = Path(__file__).resolve().parent.parent
COACHING = ROOT / "examples" / "scenarios" / "audio" / "mpc-audio-coaching.toml"
RATE = 8000
AGENT_HZ, CUSTOMER_HZ, SUPERVISOR_HZ = 500, 700, 1100
TONE_AMPLITUDE = round(32767 * 10 ** (-12 / 20))  # a voice's tone, -12 dBFS

# an answer for a TOML literal string ('...'): a member of MPC "room", no enter or exit beeps
MPC = (
    '<Response><MultiPartyCall role="{role}" enterSound="none" exitSound="none" {extra}>'
    "room</MultiPartyCall></Response>"
)


def numpy() -> Any:
    return pytest.importorskip("numpy")


def read(path: Path) -> Any:
    np = numpy()
    with wave.open(str(path)) as file:
        assert (file.getnchannels(), file.getsampwidth(), file.getframerate()) == (1, 2, RATE)
        return np.frombuffer(file.readframes(file.getnframes()), dtype="<i2").astype(np.float64)


def level(samples: Any, hz: float, start: float, end: float, rate: int = RATE) -> float:
    """The amplitude of ``hz`` in ``samples[start s : end s]`` (Goertzel / one DFT bin)."""
    np = numpy()
    window = samples[round(start * rate) : round(end * rate)]
    assert len(window) == round((end - start) * rate)
    n = np.arange(len(window))
    return float(2 * abs(np.sum(window * np.exp(-2j * math.pi * hz * n / rate))) / len(window))


def seconds(first: int, last: int) -> list[tuple[int, int]]:
    """One-second windows from ``first`` to ``last`` (relative to the call's answer)."""
    return [(t, t + 1) for t in range(first, last)]


def write_wav(path: Path, *, channels: int = 1, rate: int = RATE, width: int = 2, frames: bytes | None = None) -> Path:
    """A WAV made with the standard library: ``frames`` (default: one second of silence)."""
    with wave.open(str(path), "wb") as file:
        file.setnchannels(channels)
        file.setsampwidth(width)
        file.setframerate(rate)
        file.writeframes(frames if frames is not None else bytes(width * channels * rate))
    return path


def bursts(path: Path, spans: list[tuple[float, float]], seconds_: float, hz: float = 300) -> Path:
    """A mono 16-bit WAV at RATE: a tone inside ``spans`` (seconds), silence elsewhere."""
    samples = []
    for index in range(round(seconds_ * RATE)):
        t = index / RATE
        on = any(a <= t < b for a, b in spans)
        samples.append(round(8000 * math.sin(2 * math.pi * hz * t)) if on else 0)
    frames = b"".join(value.to_bytes(2, "little", signed=True) for value in samples)
    return write_wav(path, frames=frames)


def simulate(*args: object) -> int:
    return main(["simulate", *map(str, args)])


def line_of(text: str, needle: str) -> int:
    (number,) = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    return number


# -- the example: supervisor coaching, heard -------------------------------------------------


@pytest.fixture(scope="module")
def coaching(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    numpy()
    folder = tmp_path_factory.mktemp("coaching")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = simulate(COACHING, "--audio-out", folder)
    assert code == 0, err.getvalue()
    return {"folder": folder, "out": out.getvalue(), "err": err.getvalue()}


def test_the_example_writes_what_each_call_heard(coaching: dict[str, Any]):
    folder: Path = coaching["folder"]
    assert sorted(p.name for p in folder.iterdir()) == ["agent.wav", "customer.wav", "supervisor.wav"]
    assert coaching["err"] == f"wrote 3 audio files to {folder}\n"
    assert coaching["out"].startswith("Simulation: ")  # stdout is the report, nothing else
    assert "wrote" not in coaching["out"]


def test_the_report_is_the_same_with_and_without_audio_out(coaching: dict[str, Any], capsys):
    assert simulate(COACHING) == 0
    captured = capsys.readouterr()
    assert captured.out == coaching["out"]
    assert captured.err == ""


def test_customer_hears_the_supervisor_only_after_coach_mode_is_turned_off(coaching: dict[str, Any]):
    customer = read(coaching["folder"] / "customer.wav")  # sample 0: its answer, t=5
    assert len(customer) == 45 * RATE  # until the MPC ends at t=50
    coaching_part = seconds(11 - 5, 30 - 5)  # the supervisor is in (t=10) and coaching (until t=30)
    after = seconds(31 - 5, 45 - 5)  # coach mode off, until the supervisor hangs up at t=45
    for start, end in coaching_part:
        assert level(customer, SUPERVISOR_HZ, start, end) < 50, (start + 5, "coaching: not heard")
    for start, end in after:
        assert level(customer, SUPERVISOR_HZ, start, end) == pytest.approx(TONE_AMPLITUDE, rel=0.01), start + 5
    for start, end in seconds(1, 45):  # the agent throughout, never its own voice
        assert level(customer, AGENT_HZ, start, end) == pytest.approx(TONE_AMPLITUDE, rel=0.01), start + 5
        assert level(customer, CUSTOMER_HZ, start, end) < 50, start + 5


def test_agent_hears_the_supervisor_throughout(coaching: dict[str, Any]):
    agent = read(coaching["folder"] / "agent.wav")  # sample 0: t=0
    for start, end in seconds(11, 45):  # coaching, then coach mode off
        assert level(agent, SUPERVISOR_HZ, start, end) == pytest.approx(TONE_AMPLITUDE, rel=0.01), start
        assert level(agent, CUSTOMER_HZ, start, end) == pytest.approx(TONE_AMPLITUDE, rel=0.01), start
    for start, end in seconds(1, 10):  # before the supervisor is in
        assert level(agent, SUPERVISOR_HZ, start, end) < 50, start
    for start, end in seconds(0, 50):
        assert level(agent, AGENT_HZ, start, end) < 50, start  # never its own voice


def test_supervisor_hears_both_and_not_itself(coaching: dict[str, Any]):
    supervisor = read(coaching["folder"] / "supervisor.wav")  # sample 0: t=10
    assert len(supervisor) == 35 * RATE
    for start, end in seconds(1, 35):
        assert level(supervisor, AGENT_HZ, start, end) == pytest.approx(TONE_AMPLITUDE, rel=0.01), start
        assert level(supervisor, CUSTOMER_HZ, start, end) == pytest.approx(TONE_AMPLITUDE, rel=0.01), start
        assert level(supervisor, SUPERVISOR_HZ, start, end) < 50, start


def test_the_example_scenario_loads_its_keys():
    numpy()
    scenario = load_scenario(COACHING)
    assert scenario.sample_rate == 8000
    assert [(v.call, v.tone, v.wav, v.talk) for v in scenario.voices] == [
        ("agent", 500, None, "declared"),
        ("customer", 700, None, "declared"),
        ("supervisor", 1100, None, "declared"),
    ]
    sim = scenario.run()
    assert sim.sample_rate == 8000
    assert sim.hears(20)["customer"] == frozenset({"agent"})
    assert sim.hears(40)["customer"] == frozenset({"agent", "supervisor"})


# -- the keys at work ------------------------------------------------------------------------


def test_sample_rate_16000_mixes_at_16000(tmp_path: Path, capsys):
    np = numpy()
    path = tmp_path / "s.toml"
    path.write_text(
        "sample_rate = 16000\n"
        f"[[call]]\nname = 'a'\nanswer = '{MPC.format(role='Agent', extra='')}'\ntone = 5000\nhangup = 4\n"
        f"[[call]]\nname = 'b'\nanswer = '{MPC.format(role='Customer', extra='')}'\nhangup = 4\n"
    )
    assert simulate(path, "--audio-out", tmp_path / "out") == 0
    capsys.readouterr()
    with wave.open(str(tmp_path / "out" / "b.wav")) as file:
        assert file.getframerate() == 16000
        samples = np.frombuffer(file.readframes(file.getnframes()), dtype="<i2").astype(np.float64)
    assert level(samples, 5000, 1, 3, rate=16000) == pytest.approx(TONE_AMPLITUDE, rel=0.01)


def test_audio_file_and_talk_from_energy(tmp_path: Path, capsys):
    """A call's WAV (relative to the scenario) is what the others hear; with
    talk_from = "energy" its bursts are its talk spurts (ParticipantSpeakStart...)."""
    numpy()
    bursts(tmp_path / "voice.wav", [(1, 2), (4, 5.5)], 8)
    path = tmp_path / "s.toml"
    extra = 'statusCallbackUrl="https://example.com/ev/" statusCallbackEvents="participant-speak-events"'
    path.write_text(
        f"[[call]]\nname = 'a'\nanswer = '{MPC.format(role='Agent', extra=extra)}'\nhangup = 8\n"
        f"[[call]]\nname = 'b'\nanswer = '{MPC.format(role='Customer', extra='')}'\n"
        "audio = 'voice.wav'\ntalk_from = 'energy'\n"
    )
    scenario = load_scenario(path)
    (voice,) = scenario.voices
    assert (voice.call, voice.wav, voice.talk) == ("b", str(tmp_path / "voice.wav"), "energy")
    sim = scenario.run()
    audio = sim.audio()
    heard = audio.heard["a"].astype(float)
    assert level(heard, 300, 1, 2) > 7000
    assert level(heard, 300, 2, 4) < 50
    assert level(heard, 300, 4, 5) > 7000
    speak = [(r.at, r.params["EventName"]) for r in sim.requests if "Speak" in r.params.get("EventName", "")]
    assert [name for _, name in speak] == [
        "ParticipantSpeakStart",
        "ParticipantSpeakStop",
        "ParticipantSpeakStart",
        "ParticipantSpeakStop",
    ]
    assert speak[0][0] == pytest.approx(1, abs=0.05)
    assert speak[2][0] == pytest.approx(4, abs=0.05)


def test_audio_table_gives_a_play_url_its_audio(tmp_path: Path):
    """[audio] URL = "file.wav": the hold music a held participant hears."""
    numpy()
    bursts(tmp_path / "music.wav", [(0, 2)], 2, hz=250)
    path = tmp_path / "s.toml"
    hold = "https://example.com/hold.xml"
    agent = MPC.format(role="Agent", extra=f'customerHoldMusicUrl="{hold}"')
    customer = MPC.format(role="Customer", extra="")
    path.write_text(
        f"[[call]]\nname = 'a'\nanswer = '{agent}'\nhangup = 20\ntone = 500\n"
        f"[[call]]\nname = 'b'\nanswer = '{customer}'\n"
        "[[api]]\nat = 5\ncall = 'b'\nhold = true\n"
        "[urls]\n"
        f"'{hold}' = '<Response><Play>https://example.com/m.wav</Play></Response>'\n"
        "[audio]\n'https://example.com/m.wav' = 'music.wav'\n"
    )
    scenario = load_scenario(path)
    line = line_of(path.read_text(), "m.wav' =")
    assert scenario.audio == (("https://example.com/m.wav", str(tmp_path / "music.wav"), line),)
    heard = scenario.run().audio().heard["b"].astype(float)
    assert level(heard, 500, 1, 4) == pytest.approx(TONE_AMPLITUDE, rel=0.01)  # the agent, before the hold
    assert level(heard, 500, 6, 10) < 50
    assert level(heard, 250, 6, 10) > 5000  # the registered music, looped
    assert level(heard, 330, 6, 10) < 50  # not the placeholder


def test_a_scenario_without_audio_keys_needs_no_voice(tmp_path: Path):
    scenario = load_scenario(COACHING.parent.parent / "mpc-supervisor-coaching.toml")
    assert scenario.voices == () and scenario.audio == () and scenario.sample_rate == 8000


# -- errors at FILE:LINE ---------------------------------------------------------------------

AGENT = f"[[call]]\nname = 'agent'\nanswer = '{MPC.format(role='Agent', extra='')}'\nhangup = 10\n"


def bad(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, needle: str, message: str) -> str:
    path = tmp_path / "bad.toml"
    path.write_text(text)
    assert simulate(path) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    line = line_of(text, needle)
    assert captured.err.startswith(f"{path}:{line}: "), captured.err
    assert message.lower() in captured.err.lower(), captured.err
    assert "Traceback" not in captured.err
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert (caught.value.path, caught.value.line) == (str(path), line)
    return captured.err


@pytest.mark.parametrize(
    ("text", "needle", "message"),
    [
        (AGENT + "tone = 'high'\n", "tone", "tone must be a frequency in Hz (a number), not 'high'"),
        (AGENT + "tone = true\n", "tone", "tone must be a frequency"),
        (AGENT + "tone = 500\naudio = 'a.wav'\n", "audio", 'give tone = HZ or audio = "FILE.wav", not both'),
        (AGENT + "audio = 'a.wav'\ntone = 500\n", "tone", "not both"),
        ("sample_rate = 44100\n" + AGENT, "sample_rate", "sample_rate = 44100 is not allowed; allowed: 8000"),
        ("sample_rate = '8000'\n" + AGENT, "sample_rate", "is not allowed"),
        (AGENT + "tone = 500\ntalk_from = 'energy'\n", "talk_from", "needs recorded audio"),
        (AGENT + "talk_from = 'energy'\n", "talk_from", "give one"),
        (AGENT + "audio = 'a.wav'\ntalk_from = 'loud'\n", "talk_from", 'talk_from must be "energy"'),
        (AGENT + "audio = ''\n", "audio", "audio must be a non-empty string"),
        (AGENT + "[audio]\n'https://example.com/m.mp3' = 5\n", "m.mp3", "must be a non-empty string"),
        (AGENT + "audio = 5\n", "audio = 5", "audio must be a non-empty string, not 5"),
    ],
)
def test_bad_audio_keys_are_reported_at_their_line(tmp_path: Path, capsys, text: str, needle: str, message: str):
    bad(tmp_path, capsys, text, needle, message)


def test_an_audio_key_that_is_not_a_table(tmp_path: Path, capsys):
    path = tmp_path / "bad.toml"
    path.write_text("audio = 'x.wav'\n" + AGENT)
    assert simulate(path) == 2
    assert capsys.readouterr().err.startswith(f"{path}:1: audio must be a table")


def test_a_tone_out_of_range_is_reported_at_its_line(tmp_path: Path, capsys):
    numpy()
    err = bad(tmp_path, capsys, AGENT + "tone = 4000\n", "tone", "below half the sample rate (4000)")
    assert "voice of 'agent'" in err


def test_talk_from_with_talk_spurts_too(tmp_path: Path, capsys):
    text = AGENT + "audio = 'a.wav'\ntalk_from = 'energy'\ntalk = [{ from = 1, to = 2 }]\n"
    bad(tmp_path, capsys, text, "talk_from", "talk spurts are given too (line 7)")
    text = AGENT + "audio = 'a.wav'\ntalk_from = 'energy'\n[[talk]]\ncall = 'agent'\nfrom = 1\nto = 2\n"
    bad(tmp_path, capsys, text, "talk_from", "use one or the other")


def test_a_missing_audio_file(tmp_path: Path, capsys):
    numpy()
    err = bad(tmp_path, capsys, AGENT + "audio = 'nope.wav'\n", "audio", "voice of 'agent': cannot read")
    assert str(tmp_path / "nope.wav") in err


def test_a_stereo_wav(tmp_path: Path, capsys):
    numpy()
    write_wav(tmp_path / "stereo.wav", channels=2)
    bad(tmp_path, capsys, AGENT + "audio = 'stereo.wav'\n", "audio", "has 2 channels (mono needed)")


def test_a_wav_at_another_rate(tmp_path: Path, capsys):
    numpy()
    write_wav(tmp_path / "wide.wav", rate=16000)
    bad(tmp_path, capsys, AGENT + "audio = 'wide.wav'\n", "audio", "16000 Hz (the simulation mixes at 8000 Hz)")
    write_wav(tmp_path / "narrow.wav", rate=8000)
    text = "sample_rate = 48000\n" + AGENT + "audio = 'narrow.wav'\n"
    bad(tmp_path, capsys, text, "audio", "8000 Hz (the simulation mixes at 48000 Hz)")


def test_an_8_bit_wav_and_a_file_that_is_not_a_wav(tmp_path: Path, capsys):
    numpy()
    write_wav(tmp_path / "byte.wav", width=1)
    bad(tmp_path, capsys, AGENT + "audio = 'byte.wav'\n", "audio", "8-bit samples (16-bit needed)")
    (tmp_path / "text.wav").write_text("not audio")
    bad(tmp_path, capsys, AGENT + "audio = 'text.wav'\n", "audio", "is not a PCM WAV file")


def test_an_audio_url_to_a_missing_file(tmp_path: Path, capsys):
    numpy()
    text = AGENT + "[audio]\n'https://example.com/m.mp3' = 'gone.wav'\n"
    err = bad(tmp_path, capsys, text, "gone.wav", "audio for 'https://example.com/m.mp3': cannot read")
    assert str(tmp_path / "gone.wav") in err


def test_unknown_keys_list_the_audio_keys(tmp_path: Path, capsys):
    err = bad(tmp_path, capsys, AGENT + "voice = 1\n", "voice", "unknown key 'voice'")
    assert "tone, audio, talk_from" in err
    err = bad(tmp_path, capsys, "samplerate = 8000\n" + AGENT, "samplerate", "unknown key")
    assert "sample_rate" in err and "audio" in err


# -- --audio-out and --mp3 -------------------------------------------------------------------

RECORDED = (
    "[[call]]\nname = 'agent'\ntone = 500\nhangup = 6\n"
    'answer = \'<Response><MultiPartyCall role="Agent" record="true" recordFileFormat="{format}" '
    'enterSound="none" exitSound="none">rec</MultiPartyCall></Response>\'\n'
    f"[[call]]\nname = 'customer'\ntone = 700\nhangup = 6\nanswer = '{MPC.format(role='Customer', extra='')}'\n"
)


def test_mp3_writes_mp3_for_mp3_recordings(tmp_path: Path, capsys):
    numpy()
    pytest.importorskip("lameenc")
    path = tmp_path / "rec.toml"
    path.write_text(RECORDED.format(format="mp3"))
    assert simulate(path, "--audio-out", tmp_path / "plain") == 0
    names = sorted(p.name for p in (tmp_path / "plain").iterdir())
    assert names[:2] == ["agent.wav", "customer.wav"]
    assert len(names) == 3 and names[2].startswith("recording-") and names[2].endswith(".wav")
    assert simulate(path, "--audio-out", tmp_path / "mp3", "--mp3") == 0
    assert capsys.readouterr().err.endswith(f"wrote 4 audio files to {tmp_path / 'mp3'}\n")
    (mp3,) = (tmp_path / "mp3").glob("recording-*.mp3")
    assert mp3.with_suffix(".wav").is_file()
    data = mp3.read_bytes()
    assert data[:3] == b"ID3" or (data[0] == 0xFF and data[1] & 0xE0 == 0xE0)  # an MPEG frame


def test_mp3_leaves_wav_recordings_alone(tmp_path: Path, capsys):
    numpy()
    path = tmp_path / "rec.toml"
    path.write_text(RECORDED.format(format="wav"))
    assert simulate(path, "--audio-out", tmp_path / "out", "--mp3") == 0
    assert not list((tmp_path / "out").glob("*.mp3"))
    assert len(list((tmp_path / "out").glob("recording-*.wav"))) == 1
    assert capsys.readouterr().err == f"wrote 3 audio files to {tmp_path / 'out'}\n"


def test_mp3_without_audio_out_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as caught:
        simulate(COACHING, "--mp3")
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "--mp3 needs --audio-out" in err and "usage:" in err


def test_an_unwritable_audio_out_exits_2(tmp_path: Path, capsys):
    numpy()
    blocker = tmp_path / "file"
    blocker.write_text("")
    for folder in (blocker, blocker / "below"):
        assert simulate(COACHING, "--audio-out", folder) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.startswith(f"{COACHING}: cannot write audio into {folder}: "), captured.err
        assert captured.err.count("\n") == 1 and "Traceback" not in captured.err


# -- without NumPy ---------------------------------------------------------------------------

BLOCKER = textwrap.dedent(
    """
    import importlib.abc, sys

    class NoNumpy(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name == "numpy" or name.startswith("numpy."):
                raise ModuleNotFoundError(f"No module named {name!r} (blocked)", name=name)
            return None

    sys.meta_path.insert(0, NoNumpy())
    sys.modules.pop("numpy", None)
    from plivoxml_plus.cli import main

    code = main(sys.argv[1:])
    assert "numpy" not in sys.modules
    sys.exit(code)
    """
)


def without_numpy(*args: object) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-c", BLOCKER, *map(str, args)],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def test_without_numpy_a_scenario_with_a_tone_names_the_extra(tmp_path: Path):
    path = tmp_path / "tone.toml"
    text = AGENT + "tone = 500\n"
    path.write_text(text)
    done = without_numpy("simulate", path)
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert done.stderr.startswith(f"{path}:{line_of(text, 'tone')}: "), done.stderr
    assert "pip install 'plivoxml-plus[audio]'" in done.stderr
    assert "Traceback" not in done.stderr


def test_without_numpy_an_audio_table_names_the_extra(tmp_path: Path):
    path = tmp_path / "url.toml"
    text = AGENT + "[audio]\n'https://example.com/m.mp3' = 'm.wav'\n"
    path.write_text(text)
    done = without_numpy("simulate", path)
    assert done.returncode == 2
    assert done.stderr.startswith(f"{path}:{line_of(text, 'm.wav')}: "), done.stderr
    assert "plivoxml-plus[audio]" in done.stderr


def test_without_numpy_a_scenario_without_audio_keys_runs(tmp_path: Path):
    done = without_numpy("simulate", ROOT / "examples" / "scenarios" / "mpc-supervisor-coaching.toml")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Simulation: ") and done.stderr == ""
    path = tmp_path / "rate.toml"
    path.write_text("sample_rate = 16000\n" + AGENT)  # a rate alone needs no NumPy
    done = without_numpy("simulate", path, "--format", "json")
    assert done.returncode == 0, done.stderr


def test_without_numpy_audio_out_names_the_extra(tmp_path: Path):
    scenario = ROOT / "examples" / "scenarios" / "mpc-supervisor-coaching.toml"
    done = without_numpy("simulate", scenario, "--audio-out", tmp_path / "out")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith(f"{scenario}: ") and "plivoxml-plus[audio]" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()
