"""Audio for every run (issue 17, item 3): every element a call can run has a
sound (a ``<Wait>`` is silence, a prompt cut short by a key ends at the cut), so
every shipped scenario renders and writes its audio.

The shipped scenarios are globbed, so a new one is covered as soon as it is added.
"""

from __future__ import annotations

import math
import wave
from pathlib import Path
from typing import Any

import pytest

from plivoxml_plus import GetDigits, PreAnswer, Response, Speak, Wait
from plivoxml_plus.core import Simulation, load_scenario
from plivoxml_plus.core.audio import AudioResult

np = pytest.importorskip("numpy")

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = sorted(
    [*ROOT.glob("examples/scenarios/**/*.toml"), *ROOT.glob("examples/pin/*.toml")],
    key=lambda path: str(path.relative_to(ROOT)),
)
SPEAK_HZ, RATE = 220.0, 8000  # the placeholder of a <Speak> (docs/audio.md)


def test_the_shipped_scenarios_are_found():
    names = {str(path.relative_to(ROOT)) for path in SCENARIOS}
    assert {"examples/scenarios/ivr-menu.toml", "examples/pin/pin-conference.toml"} <= names


def heard_lengths(simulation: Simulation) -> dict[str, int]:
    """Each answered call's track length in samples: from its answer to its end or the run's."""
    now = simulation.now
    rate = simulation.sample_rate
    return {
        name: round((min(now, record.ended_at if record.ended_at is not None else now) - record.answer_at) * rate)
        for name, record in simulation.calls.items()
        if record.answer_at <= now
    }


def read_wav(path: Path) -> tuple[int, Any]:
    with wave.open(str(path)) as file:
        assert (file.getnchannels(), file.getsampwidth()) == (1, 2)
        return file.getframerate(), np.frombuffer(file.readframes(file.getnframes()), dtype="<i2")


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_shipped_scenario_renders_and_writes_its_audio(scenario: Path, tmp_path: Path):
    if (scenario.parent / "app.py").exists():
        pytest.importorskip("flask")
    with load_scenario(scenario).run() as simulation:
        result = simulation.audio()
    rate = simulation.sample_rate
    assert result.rate == rate
    expected = heard_lengths(simulation)
    assert expected, "a shipped scenario has calls"
    assert {name: len(samples) for name, samples in result.heard.items()} == expected
    written = result.write(tmp_path)
    assert sorted(written) == sorted(tmp_path.iterdir())
    assert len(written) == len(result.heard) + len(result.recordings)
    by_content = sorted(len(samples) for samples in [*result.heard.values(), *result.recordings.values()])
    read = [read_wav(path) for path in written]
    assert {framerate for framerate, _ in read} == {rate}
    assert sorted(len(samples) for _, samples in read) == by_content


def level(samples: Any, hz: float, start: float, end: float) -> float:
    """The amplitude of ``hz`` in ``samples[start s : end s]`` (one DFT bin)."""
    window = samples[round(start * RATE) : round(end * RATE)].astype(np.float64)
    n = np.arange(len(window))
    return float(2 * abs(np.sum(window * np.exp(-2j * math.pi * hz * n / RATE))) / len(window))


def heard(document: Response, hangup: float, press: tuple[float, str] | None = None) -> tuple[AudioResult, Simulation]:
    simulation = Simulation()
    simulation.call("c", document, at=0, hangup=hangup)
    if press is not None:
        simulation.press("c", press[1], at=press[0])
    simulation.run()
    return simulation.audio(), simulation


def test_wait_is_silence_between_prompts():
    document = Response([Speak("one two three four five"), Wait(length=3), Speak("one two three four five")])
    result, _ = heard(document, hangup=10)
    samples = result.heard["c"]
    assert len(samples) == 7 * RATE  # the document ends at 7 s
    assert level(samples, SPEAK_HZ, 0, 2) > 500  # the first Speak (2 s)
    assert not np.any(samples[2 * RATE : 5 * RATE])  # the Wait: silence
    assert level(samples, SPEAK_HZ, 5, 7) > 500  # the second Speak


def test_wait_inside_pre_answer_is_silence():
    document = Response([PreAnswer().add(Wait(length=2)).add(Speak("one two three four five"))])
    result, _ = heard(document, hangup=6)
    samples = result.heard["c"]
    assert not np.any(samples[: 2 * RATE])
    assert level(samples, SPEAK_HZ, 2, 4) > 500


def test_a_prompt_cut_short_by_a_key_ends_at_the_cut():
    words = " ".join(["word"] * 25)  # 10 s at 2.5 words a second
    document = Response([GetDigits(action="https://example.com/menu", num_digits=1).add(Speak(words)), Wait(length=5)])
    result, simulation = heard(document, hangup=20, press=(2, "1"))
    samples = result.heard["c"]
    assert simulation.calls["c"].executed == ["GetDigits", "Speak", "Wait"]
    assert len(samples) == 7 * RATE  # the key at 2 s, then the Wait's 5 s
    assert level(samples, SPEAK_HZ, 0, 2) > 500  # the prompt until the key
    assert not np.any(samples[2 * RATE :])  # the key stopped it
