"""Audio files written safely (issue 17, item 8): every file is made fresh in the
folder (a link there is replaced, never written through), and every call and
recording has a file name of its own, deterministic, whatever the names."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
import wave
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plivoxml_plus import AudioError
from plivoxml_plus.core.audio import AudioResult, write_wav

np = pytest.importorskip("numpy")

RATE = 8000
symlinks = pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32", reason="needs symlinks")


def samples(count: int) -> Any:
    return np.arange(count, dtype=np.int16)


def result(calls: dict[str, int], recordings: dict[str, int] | None = None) -> AudioResult:
    """Every call and recording with a sample count of its own (to tell the files apart)."""
    return AudioResult(
        RATE,
        {name: samples(count) for name, count in calls.items()},
        {id: samples(count) for id, count in (recordings or {}).items()},
        {},
    )


def frames(path: Path) -> int:
    with wave.open(str(path)) as file:
        assert (file.getnchannels(), file.getsampwidth(), file.getframerate()) == (1, 2, RATE)
        return int(file.getnframes())


@symlinks
def test_a_link_in_the_folder_is_replaced_not_written_through(tmp_path: Path):
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me")
    folder = tmp_path / "heard"
    folder.mkdir()
    (folder / "alice.wav").symlink_to(outside)
    (folder / "recording-r1.wav").symlink_to(outside)
    written = result({"alice": 10}, {"r1": 20}).write(folder)
    assert outside.read_text() == "keep me"
    assert sorted(written) == sorted(folder.iterdir())
    assert not any(path.is_symlink() for path in written)
    assert [frames(path) for path in written] == [10, 20]


@symlinks
def test_a_dangling_link_is_not_followed(tmp_path: Path):
    target = tmp_path / "elsewhere" / "made.wav"
    target.parent.mkdir()
    folder = tmp_path / "heard"
    folder.mkdir()
    (folder / "alice.wav").symlink_to(target)
    result({"alice": 10}).write(folder)
    assert not target.exists()
    assert frames(folder / "alice.wav") == 10


@symlinks
def test_write_wav_replaces_a_link(tmp_path: Path):
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me")
    (tmp_path / "a.wav").symlink_to(outside)
    write_wav(tmp_path / "a.wav", samples(5), RATE)
    assert outside.read_text() == "keep me"
    assert frames(tmp_path / "a.wav") == 5


def test_an_existing_file_is_replaced(tmp_path: Path):
    (tmp_path / "alice.wav").write_bytes(b"old")
    result({"alice": 10}).write(tmp_path)
    assert frames(tmp_path / "alice.wav") == 10


def test_a_folder_in_the_way_is_an_audio_error_and_leaves_nothing_behind(tmp_path: Path):
    (tmp_path / "alice.wav").mkdir()
    with pytest.raises(AudioError, match=r"cannot write .*alice\.wav"):
        result({"alice": 10}).write(tmp_path)
    assert [path.name for path in tmp_path.iterdir()] == ["alice.wav"]  # no temporary file left


def test_names_that_would_meet_get_names_of_their_own():
    calls = {"a/b": 1, "a_b": 2, "a?b": 3, "recording-r1": 4, "Bob": 5, "bob": 6, "con": 7, "x" * 300: 8}
    with tempfile.TemporaryDirectory() as folder:
        written = result(calls, {"r1": 9}).write(folder)
        names = [path.name for path in written]
        assert names[1] == "a_b.wav"  # a plain name no other takes is kept
        assert names[0].startswith("a_b-") and names[2].startswith("a_b-")
        assert names[3].startswith("recording-r1-") and names[8].startswith("recording-r1-")
        assert names[4].startswith("Bob-") and names[5].startswith("bob-")  # one file on macOS or Windows
        assert names[6].startswith("con-")  # a Windows device name
        assert names[7].startswith("x" * 100 + "-") and len(names[7]) == 100 + 1 + 12 + 4
        assert len({name.casefold() for name in names}) == len(names)
        assert [frames(path) for path in written] == list(range(1, 10))
    with tempfile.TemporaryDirectory() as again:  # the same names every time
        assert [path.name for path in result(calls, {"r1": 9}).write(again)] == names


def test_a_plain_name_that_is_another_ones_hashed_name_is_an_audio_error(tmp_path: Path):
    first = result({"a/b": 1}).write(tmp_path / "one")[0].stem
    with pytest.raises(AudioError, match=r"the call 'a/b' and the call '.*' would both be written as"):
        result({"a/b": 1, first: 2}).write(tmp_path / "two")


def test_a_long_name_writes_without_noise(tmp_path: Path):
    script = textwrap.dedent(
        f"""
        import numpy as np
        from plivoxml_plus.core.audio import AudioResult
        AudioResult(8000, {{"n" * 5000: np.zeros(8, dtype=np.int16)}}, {{}}, {{}}).write({str(tmp_path)!r})
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stderr) == (0, "")
    assert [len(path.name) for path in tmp_path.iterdir()] == [100 + 1 + 12 + 4]


NAMES = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=300),
    st.sampled_from(["a/b", "a_b", "a?b", "A_B", "..", ".", "../x", "recording-r1", "con", "NUL.txt", "x" * 300]),
)


@symlinks
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(calls=st.lists(NAMES, min_size=1, max_size=8, unique=True))
def test_every_file_is_inside_the_folder_with_a_name_of_its_own(calls: list[str]):
    with tempfile.TemporaryDirectory() as top:
        outside = Path(top) / "outside.txt"
        outside.write_text("keep me")
        folder = Path(top) / "heard"
        folder.mkdir()
        (folder / "a_b.wav").symlink_to(outside)  # a link planted where a call's file may go
        written = result({name: 1 + i for i, name in enumerate(calls)}, {"r1": 100}).write(folder)
        assert all(path.parent == folder for path in written)
        assert len({path.name.casefold() for path in written}) == len(written) == len(calls) + 1
        assert sorted(os.listdir(top)) == ["heard", "outside.txt"]
        assert outside.read_text() == "keep me"
        assert set(folder.iterdir()) == set(written) | ({folder / "a_b.wav"} - set(written))
        assert [frames(path) for path in written] == [*range(1, len(calls) + 1), 100]


@symlinks
def test_audio_out_replaces_a_link_and_keeps_names_apart(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    from plivoxml_plus.cli import main

    outside = tmp_path / "precious.txt"
    outside.write_text("keep me")
    folder = tmp_path / "heard"
    folder.mkdir()
    (folder / "a_b.wav").symlink_to(outside)
    room = "answer = '<Response><Conference>room</Conference></Response>'\nhangup = 2\ntone = 440\n"
    scenario = tmp_path / "s.toml"
    scenario.write_text("".join(f"[[call]]\nname = {name!r}\n{room}" for name in ["a/b", "a_b", "a?b"]))
    assert main(["simulate", str(scenario), "--audio-out", str(folder)]) == 0
    assert capsys.readouterr().err == f"wrote 3 audio files to {folder}\n"
    assert outside.read_text() == "keep me"
    names = sorted(path.name for path in folder.iterdir())
    assert len(names) == 3 and "a_b.wav" in names and not (folder / "a_b.wav").is_symlink()
