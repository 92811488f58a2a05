"""The reference core's speed: a 20-member conference with joins, talk spurts, digits and leaves.

Run from the repository root:

    .venv/bin/python bench/bench_simulate.py

Each member joins in the first minute, talks in spurts (2-8 s, with gaps of
5-40 s), presses digits now and then (some of them ``*``: it leaves the room and
rejoins), and hangs up near the end; every member has a callbackUrl with
floorEvent and digitsMatch, so the run records thousands of HTTP requests too.
The scenario is built from a fixed random seed, so every run simulates the same
events. "Events" are the clock's events (answers, element ends, talk starts and
stops, digits, timers); figures are the best of several runs, timing
``Simulation.run`` only (building the scenario is timed separately).

Linearity: the same conference simulated for 1, 4 and 16 hours; the cost per
event should stay flat (the 4x run should take about 4x as long).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _runs import report, talk_spurts  # (bench/ is on the path: the script's folder)

from plivoxml_plus import Conference, Response, Speak
from plivoxml_plus.core import Simulation

MEMBERS = 20
CB = "https://example.com/conference-events"
ACTION = "https://example.com/after-conference"
TARGET = 100_000  # events per second, on one core
REPEATS = 5


def build(hours: float, seed: int = 20240101) -> Simulation:
    rng = random.Random(seed)
    end = hours * 3600
    sim = Simulation(urls={ACTION: "<Response><Speak>Thanks, goodbye.</Speak></Response>"})
    moderator = Response().add(Conference("bench", callback_url=CB, floor_event=True, digits_match="11,22,#9"))
    participant = (
        Response()
        .add(
            Conference(
                "bench",
                callback_url=CB,
                floor_event=True,
                digits_match="11,22,#9",
                hangup_on_star=True,
                start_conference_on_enter=False,
            )
        )
        .add(Speak("rejoining the conference"))
        .add(Conference("bench", callback_url=CB, floor_event=True, action=ACTION, redirect=False))
    )
    for index in range(MEMBERS):
        name = f"m{index:02d}"
        at = 0 if index == 0 else rng.uniform(1, 60)
        hangup = end - rng.uniform(0, 300) if index else end
        sim.call(name, moderator if index == 0 else participant, at=round(at, 3), hangup=round(hangup, 3))
        talk_spurts(sim, rng, name, at, hangup)
        t = at + rng.uniform(30, 120)
        star_pressed = False
        while t < hangup - 5:  # digits; one * per participant
            if index and not star_pressed and t > end / 2:
                digits, star_pressed = "*", True
            else:
                digits = rng.choice(["11", "22", "#9", "5", "123"])
            sim.press(name, digits, at=round(t, 3))
            t += rng.uniform(60, 180)
    return sim


def main() -> int:
    return report(f"Simulating a {MEMBERS}-member conference", build, repeats=REPEATS, target=TARGET)


if __name__ == "__main__":
    sys.exit(main())
