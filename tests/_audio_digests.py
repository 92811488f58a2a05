"""The digests of every track the renderer makes for the shipped scenarios and a few
longer ones (issue 21, item 6): computed once with the renderer that held whole
tracks, stored in tests/audio_digests.json, and compared with the
streaming renderer's (tests/test_audio_streaming.py). Run this module as a script
to print them (``python tests/_audio_digests.py``)."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def digest(samples: Any) -> str:
    return hashlib.sha256(samples.astype("<i2").tobytes()).hexdigest()


def long_runs() -> dict[str, Any]:
    """Longer runs than the shipped scenarios (many render blocks, 16 and 48 kHz):
    a recorded conference with beeps, talk spurts and a recordSession <Record>, and
    a coached MPC with hold music."""
    from plivoxml_plus import Conference, MultiPartyCall, Play, Record, Response, Simulation, Speak

    runs: dict[str, Any] = {}
    for rate in (16000, 48000):
        sim = Simulation(sample_rate=rate)
        for i in range(4):
            room = Conference("room", record=i == 0, enter_sound="beep:1", exit_sound="beep:2")
            sim.call(f"c{i}", Response().add(room), at=i * 1.5, hangup=31 - i)
            sim.voice(f"c{i}", tone=300.0 + 70 * i)
            for k in range(4):
                sim.talk(f"c{i}", start=i * 1.5 + 1 + k * 5.3, end=i * 1.5 + 3.7 + k * 5.3)
        recorder = Record(action="https://example.com/r", max_length=20, timeout=20, record_session=True)
        sim.call("r", Response().add(Speak("please leave a message")).add(recorder), hangup=17.5)
        sim.voice("r", tone=250.0)
        sim.call("p", Response().add(Play("https://example.com/a.mp3", loop=0)), at=2.25, hangup=23.01)
        sim.run()
        runs[f"conference-{rate}"] = sim
        mpc = Simulation(sample_rate=rate)
        extras: tuple[tuple[str, str, float, dict[str, Any]], ...] = (
            ("agent", "Agent", 0, {"record": True}),
            ("customer", "Customer", 0.5, {}),
            ("coach", "Supervisor", 3, {"coach_mode": True}),
        )
        for name, role, at, extra in extras:
            element = MultiPartyCall("support", role, enter_sound="beep:1", exit_sound="none", **extra)
            mpc.call(name, Response().add(element), at=at, hangup=40)
            mpc.voice(name, tone={"agent": 500.0, "customer": 700.0, "coach": 1100.0}[name])
        mpc.update_participant("customer", at=10, hold=True)
        mpc.update_participant("customer", at=17, hold=False)
        mpc.update_participant("coach", at=25, coach_mode=False)
        mpc.run()
        runs[f"mpc-{rate}"] = mpc
    return runs


def shipped() -> list[Path]:
    return sorted(
        [*ROOT.glob("examples/scenarios/**/*.toml"), *ROOT.glob("examples/pin/*.toml")],
        key=lambda path: str(path.relative_to(ROOT)),
    )


def tracks(result: Any) -> dict[str, str]:
    found = {f"heard/{name}": digest(samples) for name, samples in result.heard.items()}
    found.update({f"recording/{key}": digest(samples) for key, samples in result.recordings.items()})
    return found


def all_digests() -> dict[str, dict[str, str]]:
    from plivoxml_plus.core import load_scenario

    found: dict[str, dict[str, str]] = {}
    for path in shipped():
        with load_scenario(path).run() as simulation:
            found[str(path.relative_to(ROOT))] = tracks(simulation.audio())
    for name, simulation in long_runs().items():
        found[name] = tracks(simulation.audio())
    return found


if __name__ == "__main__":
    json.dump(all_digests(), sys.stdout, indent=1, sort_keys=True)
    print()
