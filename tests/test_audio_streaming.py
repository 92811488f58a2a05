"""Audio at production length (issue 21, item 6): the render goes block by block,
streaming each track into its file, so its memory does not grow with the run;
its output is sample for sample what the whole-track renderer made (digests
stored from it); it renders only the calls and recordings asked for, and
reports its progress."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plivoxml_plus import AudioError, Conference, MultiPartyCall, Response, Simulation
from tests import _audio_digests

np = pytest.importorskip("numpy")

from plivoxml_plus.core.audio import tone  # noqa: E402
from plivoxml_plus.core.audio._signals import BLOCK_MS, tone_period  # noqa: E402

GOLDEN = Path(__file__).resolve().parent / "audio_digests.json"


def test_every_track_is_sample_for_sample_what_the_whole_track_renderer_made():
    # (the digests were computed with the renderer before the blocks: tests/_audio_digests.py)
    assert _audio_digests.all_digests() == json.loads(GOLDEN.read_text())


def recorded_mpc(
    seconds: float, members: int = 4, rate: int = 16000, fmt: Literal["mp3", "wav"] = "wav"
) -> Simulation:
    sim = Simulation(sample_rate=rate)
    for i in range(members):
        element = MultiPartyCall("m", "Agent" if i == 0 else "Customer", enter_sound="beep:1", exit_sound="none",
                                 record=i == 0, record_file_format=fmt)
        sim.call(f"c{i}", Response().add(element), at=i * 0.5, hangup=seconds)
        sim.voice(f"c{i}", tone=300.0 + 100 * i)
        sim.talk(f"c{i}", start=i * 0.5 + 1, end=seconds - 1)
    sim.update_participant("c1", at=seconds / 3, hold=True)
    sim.update_participant("c1", at=seconds / 2, hold=False)
    sim.run()
    return sim


def test_streamed_into_files_they_hold_what_the_render_in_memory_holds(tmp_path: Path):
    sim = recorded_mpc(7.3)
    kept = sim.audio()
    streamed = sim.audio(folder=tmp_path / "streamed")
    assert sorted(streamed.written) == sorted((tmp_path / "streamed").iterdir())
    assert [p.name for p in streamed.written] == [p.name for p in kept.write(tmp_path / "whole")]
    for path in streamed.written:
        assert path.read_bytes() == (tmp_path / "whole" / path.name).read_bytes()
    assert streamed.heard.keys() == kept.heard.keys() and streamed.recordings.keys() == kept.recordings.keys()
    for name, samples in kept.heard.items():  # read back from its file when asked for
        assert np.array_equal(streamed.heard[name], samples)
    for key, samples in kept.recordings.items():
        assert np.array_equal(streamed.recordings[key], samples)


def test_an_mp3_streamed_block_by_block_is_the_mp3_of_the_whole_recording(tmp_path: Path):
    pytest.importorskip("lameenc")
    sim = recorded_mpc(2 * BLOCK_MS / 1000 + 1.7, fmt="mp3")
    streamed = sim.audio(folder=tmp_path / "streamed", mp3=True)
    whole = sim.audio().write(tmp_path / "whole", mp3=True)
    mp3s = [path for path in streamed.written if path.suffix == ".mp3"]
    assert len(mp3s) == 1 and [p.name for p in streamed.written] == [p.name for p in whole]
    assert mp3s[0].read_bytes() == (tmp_path / "whole" / mp3s[0].name).read_bytes()


def streamed_peak(seconds: float, folder: Path) -> int:
    sim = recorded_mpc(seconds, members=6)
    tracemalloc.start()
    try:
        sim.audio(folder=folder)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_streaming_needs_the_same_memory_for_a_run_four_times_as_long(tmp_path: Path):
    short, long = streamed_peak(40, tmp_path / "short"), streamed_peak(160, tmp_path / "long")
    assert long < 1.15 * short  # a block per member, whatever the length
    # (kept in memory, the tracks alone are 2 bytes a sample: 6 calls and a recording for 160 s)
    assert long < 2 * 7 * 160 * 16000 / 4


def test_only_the_calls_and_recordings_asked_for_are_rendered():
    sim = recorded_mpc(5)
    everything = sim.audio()
    only = sim.audio(calls=["c2"], recordings=[])
    assert list(only.heard) == ["c2"] and not only.recordings
    assert np.array_equal(only.heard["c2"], everything.heard["c2"])
    (recording,) = everything.recordings
    just_the_recording = sim.audio(calls=[], recordings=[recording])
    assert not just_the_recording.heard
    assert np.array_equal(just_the_recording.recordings[recording], everything.recordings[recording])


@pytest.mark.parametrize(
    ("asked", "message"),
    [
        ({"calls": ["nobody"]}, r"no call 'nobody' to render; allowed: 'c0', 'c1', 'c2', 'c3'"),
        ({"recordings": ["r"]}, r"no recording 'r' to render; allowed: '"),
        ({"calls": "c0"}, r"calls must be a list of call names, not the string 'c0'"),
    ],
)
def test_asking_for_a_track_that_is_not_there_is_one_audio_error(asked: dict[str, object], message: str):
    with pytest.raises(AudioError, match=message):
        recorded_mpc(5).audio(**asked)  # type: ignore[arg-type]


def test_progress_reports_the_seconds_of_audio_rendered():
    sim = Simulation(sample_rate=8000)
    sim.call("a", Response().add(Conference("r")), at=1, hangup=8.5)
    sim.voice("a", tone=440)
    sim.run()
    seen: list[tuple[float, float]] = []
    sim.audio(progress=lambda done, total: seen.append((done, total)))
    assert {total for _, total in seen} == {7.5}  # from the first track's start to the run's end
    done = [d for d, _ in seen]
    assert done == sorted(done) and done[-1] == 7.5 and len(done) == -(-7500 // BLOCK_MS)


@settings(max_examples=40, deadline=None)
@given(
    hz=st.integers(20, 3999).map(float) | st.sampled_from([440.5, 261.5, 1000.5]),
    start=st.integers(0, 10**9),
    count=st.integers(1, 3000),
    rate=st.sampled_from([8000, 16000, 48000]),
)
def test_a_tone_is_one_period_tiled_wherever_it_starts(hz: float, start: int, count: int, rate: int):
    period = tone_period(hz, rate)
    assert period is not None
    made = tone(hz, start, count, rate)
    one = tone(hz, 0, period, rate)
    assert np.array_equal(made, one[(start + np.arange(count)) % period])


class _Terminal:
    """Standard error as a terminal: what it is written, kept."""

    def __init__(self) -> None:
        self.text = ""

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def flush(self) -> None:
        pass


SCENARIO = """
sample_rate = 8000
[[call]]
name = "alice"
answer = '<Response><Conference>room</Conference></Response>'
hangup = 5
tone = 440
"""


def test_audio_out_shows_the_seconds_rendered_on_a_terminal_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from plivoxml_plus.cli import main

    scenario = tmp_path / "s.toml"
    scenario.write_text(SCENARIO)
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.setattr("sys.stdout", _Terminal())
    assert main(["simulate", str(scenario), "--audio-out", str(tmp_path / "out")]) == 0
    # the run's own line, then the audio's: each cleared before what follows is written
    shown = [piece.strip() for piece in terminal.text.split("\r") if piece.strip()]
    assert any(piece.startswith("audio: ") and piece.endswith("of 5 s (40%)") for piece in shown), shown
    assert terminal.text.endswith(f"\r\nwrote 1 audio file to {tmp_path / 'out'}\n".replace("\r\n", "\r"))


def test_a_folder_that_cannot_be_written_is_one_audio_error_and_leaves_no_part_files(tmp_path: Path):
    sim = recorded_mpc(5)
    taken = tmp_path / "out"
    taken.mkdir()
    (taken / "c0.wav").mkdir()  # a folder where a track's file goes: it cannot be renamed over
    with pytest.raises(AudioError, match=r"cannot write .*c0\.wav"):
        sim.audio(folder=taken)
    assert not list(taken.glob(".*.part"))


@settings(max_examples=60, deadline=None)
@given(
    head=st.integers(0, 50),
    cycle=st.integers(1, 400),
    repeats=st.none() | st.integers(0, 5),
    start=st.integers(0, 3000),
    count=st.integers(1, 900),
)
def test_a_looped_sound_in_pieces_is_the_sound_made_whole(
    head: int, cycle: int, repeats: int | None, start: int, count: int
) -> None:
    from plivoxml_plus.core.audio._music import Looped

    rng = np.random.default_rng(head * 1000 + cycle)
    made = Looped(rng.integers(-99, 99, head).astype(np.int16), rng.integers(-99, 99, cycle).astype(np.int16), repeats)
    copies = (start + count) // cycle + 1 if repeats is None else repeats  # (over and over: past the piece)
    whole = np.concatenate([made.head, *[made.cycle] * copies, np.zeros(start + count, dtype=np.int16)])
    assert np.array_equal(made.piece(start, count), whole[start : start + count])
