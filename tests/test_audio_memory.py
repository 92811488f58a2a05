"""Audio memory bounded (issue 17, item 7): the render's peak is estimated from
its tracks before anything is allocated, and a render over the limit is one
AudioError with the figures and the way out, never a NumPy MemoryError.

The large cases run in a child process whose address space is capped (1 GiB),
so that a render that did allocate could not touch the machine's memory: it
would fail there with a MemoryError instead.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plivoxml_plus import AudioError, Conference, Play, Record, Response, Simulation
from plivoxml_plus.cli import main
from plivoxml_plus.core.audio import DEFAULT_MEMORY_LIMIT
from plivoxml_plus.core.audio._memory import memory_needed
from plivoxml_plus.core.audio._signals import BLOCK_MS

pytest.importorskip("numpy")

ROOT = Path(__file__).resolve().parent.parent
CAP = 1 << 30  # the child's address space


def run_capped(setup: str, render: str = "sim.audio()") -> subprocess.CompletedProcess[str]:
    """Run ``setup`` (a Simulation ``sim``), then ``render`` in a child whose address
    space is capped; the AudioError it raises, if any, is printed on its stdout."""
    resource = pytest.importorskip("resource")

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (CAP, CAP))

    code = "from plivoxml_plus import *\n" + textwrap.dedent(setup)
    code += f"try:\n    {render}\nexcept AudioError as error:\n    print(error)\n"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True, text=True, check=False, preexec_fn=cap, env=env, timeout=300,
    )


pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the child's memory is capped with setrlimit")

TEN_MEMBERS_FOR_AN_HOUR = """
    sim = Simulation(sample_rate=48000)
    for i in range(10):
        sim.call(f"c{i}", Response().add(Conference("room")), at=0, hangup=3600)
        sim.voice(f"c{i}", tone=300 + 10 * i)
    sim.run()
"""


def test_a_one_hour_ten_member_conference_at_48_khz_is_refused_before_allocating():
    done = run_capped(TEN_MEMBERS_FOR_AN_HOUR)
    assert done.returncode == 0, done.stderr
    message = done.stdout
    needed = memory_needed([3600 * 48000] * 10, [])
    assert needed > 3 << 30  # kept in memory: 2 bytes a sample a call
    assert f"({needed} bytes)" in message
    assert f"over the limit of 2.0 GiB ({DEFAULT_MEMORY_LIMIT} bytes)" in message
    assert "10 calls heard for 36000 s in all and 0 recordings, at 48000 Hz" in message
    assert "lower sample rate, fewer calls or a shorter run" in message


def test_streamed_into_files_the_same_run_needs_only_its_blocks():
    # (issue 21, item 6) the tracks are not kept: what is left is a block a call
    streamed = memory_needed([3600 * 48000] * 10, [], kept=False)
    assert streamed < 64 << 20
    assert streamed == memory_needed([60 * 48000] * 10, [], kept=False)  # an hour or a minute: the same


def test_a_long_record_at_48_khz_is_refused_before_allocating():
    done = run_capped(
        """
        sim = Simulation(sample_rate=48000)
        record = Record(action="https://example.com/r", max_length=86400, timeout=86400)
        sim.call("c", Response().add(record), hangup=86400)
        sim.voice("c", tone=300)
        sim.talk("c", start=0, end=86400)
        sim.run()
        """
    )
    assert done.returncode == 0, done.stderr
    samples = 86400 * 48000
    recorded = samples - 48000 // 2  # (from its beep's end)
    assert f"({memory_needed([samples], [recorded])} bytes)" in done.stdout
    assert "1 call heard for 86400 s in all and 1 recording, at 48000 Hz" in done.stdout


def test_running_out_of_memory_under_a_raised_limit_is_an_audio_error():
    done = run_capped(TEN_MEMBERS_FOR_AN_HOUR, "sim.audio(memory_limit=1 << 40)")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("the machine ran out of memory rendering the audio (about ")
    assert "lower sample rate, fewer calls or a shorter run" in done.stdout


def conference(
    calls: int, seconds: int, rate: int, record: bool = False, recorder: bool = False, prompt: bool = False
) -> Simulation:
    """A conference of ``calls``, with a recording (``record``), a call in a <Record>
    (``recorder``) and a call hearing a <Play> over and over (``prompt``)."""
    sim = Simulation(sample_rate=rate)
    if prompt:
        sim.call("p", Response().add(Play("https://example.com/a.mp3", loop=0)), hangup=seconds)
    for i in range(calls):
        sim.call(f"c{i}", Response().add(Conference("room", record=record)), at=i % 3, hangup=seconds)
        sim.voice(f"c{i}", tone=300 + 10 * i)
    if recorder:
        recording = Record(action="https://example.com/r", max_length=seconds, timeout=seconds)
        sim.call("r", Response().add(recording), hangup=seconds)
        sim.voice("r", tone=250)
        sim.talk("r", start=0, end=seconds)
    sim.run()
    return sim


def estimate(sim: Simulation, result: Any) -> int:
    block = BLOCK_MS * sim.sample_rate // 1000  # (a block at the run's rate)
    heard, recordings = [len(s) for s in result.heard.values()], [len(s) for s in result.recordings.values()]
    return memory_needed(heard, recordings, block=block)


@settings(max_examples=20, deadline=None)
@given(
    calls=st.integers(1, 8),
    seconds=st.integers(3, 12),
    rate=st.sampled_from([8000, 16000, 48000]),
    record=st.booleans(),
    recorder=st.booleans(),
    prompt=st.booleans(),
)
def test_the_estimate_bounds_the_real_peak(
    calls: int, seconds: int, rate: int, record: bool, recorder: bool, prompt: bool
) -> None:
    sim = conference(calls, seconds, rate, record, recorder, prompt)
    tracemalloc.start()  # (NumPy reports its arrays to tracemalloc)
    try:
        result = sim.audio()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak <= estimate(sim, result)


def test_a_long_wait_sound_is_made_only_as_far_as_it_is_heard():
    # a wait sound of about 1,000 s (a long Speak, a long Wait) for a call that waits 5 s
    words = " ".join(["word"] * 2500)
    wait = f'<Response><Speak>{words}</Speak><Wait length="86400"/><Speak loop="0">{words}</Speak></Response>'
    sim = Simulation(urls={"https://example.com/wait": wait})
    sim.call("a", Response().add(Conference("r", wait_sound="https://example.com/wait")), hangup=5)
    sim.run()
    tracemalloc.start()
    try:
        result = sim.audio()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(result.heard["a"]) == 5 * 8000
    assert result.heard["a"].any()  # it hears the sound's first Speak
    assert peak <= memory_needed([5 * 8000], [], sounds=2)


def test_the_limit_is_the_estimate_exactly():
    sim = conference(3, 5, 8000, record=True, recorder=True)
    needed = estimate(sim, sim.audio())
    assert len(sim.audio(memory_limit=needed).heard) == 4
    with pytest.raises(AudioError, match=rf"needs about .* \({needed} bytes\) of memory, over the limit of"):
        sim.audio(memory_limit=needed - 1)


@pytest.mark.parametrize("limit", [0, -1, True, 1.5, 2e9, "2G"])
def test_a_memory_limit_that_is_not_a_number_of_bytes(limit: Any):
    sim = conference(1, 3, 8000)
    with pytest.raises(AudioError, match=r"memory_limit = .* is not allowed; allowed: a whole number of bytes"):
        sim.audio(memory_limit=limit)


SCENARIO = """
[[call]]
name = "alice"
answer = '<Response><Conference>room</Conference></Response>'
hangup = 60
tone = 440
"""


def simulate(tmp_path: Path, *options: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    scenario = tmp_path / "s.toml"
    scenario.write_text(SCENARIO)
    try:
        code = main(["simulate", str(scenario), *options])
    except SystemExit as exit:
        code = exit.code  # type: ignore[assignment]
    out, err = capsys.readouterr()
    return code, out, err


def test_the_cli_limit_refuses_with_exit_2_and_nothing_on_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    heard = str(tmp_path / "heard")
    code, out, err = simulate(tmp_path, "--audio-out", heard, "--audio-memory-limit", "1", capsys=capsys)
    assert (code, out) == (2, "")
    assert f"over the limit of 1.0 MiB ({1 << 20} bytes)" in err
    assert "--audio-memory-limit MIB" in err
    assert not (tmp_path / "heard").exists()


def test_the_cli_limit_lets_a_run_within_it_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    heard = str(tmp_path / "heard")
    code, _, err = simulate(tmp_path, "--audio-out", heard, "--audio-memory-limit", "64", capsys=capsys)
    assert code == 0 and "wrote 1 audio file" in err
    assert [path.name for path in (tmp_path / "heard").iterdir()] == ["alice.wav"]


@pytest.mark.parametrize("value", ["0", "-5", "1.5", "2G", "", "9" * 30])
def test_a_bad_cli_limit_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str):
    code, out, err = simulate(tmp_path, "--audio-out", str(tmp_path), "--audio-memory-limit", value, capsys=capsys)
    assert (code, out) == (2, "")
    assert "--audio-memory-limit" in err and "allowed: a whole number of MiB" in err


def test_the_cli_limit_needs_audio_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    code, _, err = simulate(tmp_path, "--audio-memory-limit", "64", capsys=capsys)
    assert code == 2 and "--audio-memory-limit needs --audio-out DIR" in err
