"""The reference core's speed on MultiPartyCall: concurrent call-center MPCs with
roles, coaching, talk spurts, digits, REST API updates, kicks and rejoins.

Run from the repository root:

    .venv/bin/python bench/bench_simulate_mpc.py

The MPC twin of bench/bench_simulate.py. ``ROOMS`` MPCs run side by side; each
holds at most 10 participants (maxParticipants="10"): an agent who starts it, a
second agent, a coaching supervisor (coachMode="true") and customers, plus one
agent added through the add-participant API. Every MPC has a statusCallbackUrl
with all five event groups (mpc-state-changes, participant-state-changes,
participant-speak-events, participant-digit-input-events and
add-participant-api-events), so the run records thousands of HTTP requests.
Participants talk in spurts (2-8 s, with gaps of 5-40 s) and press digits now
and then; the REST API puts customers on hold and off, mutes and unmutes them,
switches the supervisor's coach mode, and kicks each customer once in the second
half: its document then speaks and joins the MPC again (a new member id, M8).
Everyone hangs up near the end of the hour: each hour is a shift of new MPCs.
The scenario is built from a fixed random seed, so every run simulates the same events. "Events" are the clock's events;
figures are the best of several runs, timing ``Simulation.run`` only (building
the scenario is timed separately).

Linearity: the same MPCs simulated for 1, 4 and 16 hours; the cost per event
should stay flat (the 4x run should take about 4x as long).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _runs import report, talk_spurts  # (bench/ is on the path: the script's folder)

from plivoxml_plus import MultiPartyCall, Response, Speak
from plivoxml_plus.core import Simulation

ROOMS = 4  # MPCs at a time
CUSTOMERS = 6  # per MPC: with 2 agents, a supervisor and the added agent, 10 participants
CB = "https://example.com/mpc-events"
EVENTS = (
    "mpc-state-changes,participant-state-changes,participant-speak-events,"
    "participant-digit-input-events,add-participant-api-events"
)
TARGET = 200_000  # events per second, on one core (issue 21, item 5)
REPEATS = 5


def document(room: str, role: str, *, start_mpc_on_enter: bool, coach_mode: bool | None = None) -> Response:
    """Join ``room``; once out of it (kicked), speak and join it again."""

    def join() -> MultiPartyCall:
        return MultiPartyCall(
            room,
            role,
            max_participants=10,
            status_callback_url=CB,
            status_callback_events=EVENTS,
            stay_alone=True,
            start_mpc_on_enter=start_mpc_on_enter,
            coach_mode=coach_mode,
        )

    return Response().add(join()).add(Speak("Reconnecting you to the call.")).add(join())


def talk_and_press(sim: Simulation, rng: random.Random, name: str, at: float, hangup: float) -> None:
    talk_spurts(sim, rng, name, at, hangup)
    t = at + rng.uniform(30, 120)
    while t < hangup - 5:  # digits
        sim.press(name, rng.choice(["1", "22", "#9", "5", "123"]), at=round(t, 3))
        t += rng.uniform(60, 180)


def build(hours: float, seed: int = 20240101) -> Simulation:
    """``ROOMS`` MPCs per hour: an MPC lasts one shift of an hour (maxDuration is
    4 h by default), so a longer run is more shifts of the same work."""
    rng = random.Random(seed)
    sim = Simulation()
    for shift in range(int(hours)):
        for index in range(ROOMS):
            build_room(sim, rng, f"s{shift}-r{index}", shift * 3600.0)
    return sim


def build_room(sim: Simulation, rng: random.Random, room: str, begin: float) -> None:
    end = begin + 3600
    lead = f"{room}-agent0"
    sim.call(lead, document(room, "Agent", start_mpc_on_enter=True), at=begin, hangup=end)
    talk_and_press(sim, rng, lead, begin, end)
    others = [(f"{room}-agent1", "Agent"), (f"{room}-super", "Supervisor")]
    others += [(f"{room}-cust{c}", "Customer") for c in range(CUSTOMERS)]
    for name, role in others:
        at = round(begin + rng.uniform(1, 60), 3)
        hangup = round(end - rng.uniform(0, 300), 3)
        coach = True if role == "Supervisor" else None
        sim.call(name, document(room, role, start_mpc_on_enter=False, coach_mode=coach), at=at, hangup=hangup)
        talk_and_press(sim, rng, name, at, hangup)
        if role != "Customer":
            continue
        t = at + rng.uniform(60, 300)
        while t < hangup - 60:  # API: hold and unhold, mute and unmute
            length = rng.uniform(10, 40)
            if rng.random() < 0.5:
                sim.update_participant(name, at=round(t, 3), hold=True)
                sim.update_participant(name, at=round(t + length, 3), hold=False)
            else:
                sim.update_participant(name, at=round(t, 3), mute=True)
                sim.update_participant(name, at=round(t + length, 3), mute=False)
            t += length + rng.uniform(120, 600)
        sim.kick(name, at=round(rng.uniform(begin + 1800, begin + 3200), 3))  # then rejoins
    t = begin + rng.uniform(300, 900)
    coaching = True
    while t < end - 400:  # the supervisor stops coaching and starts again
        coaching = not coaching
        sim.update_participant(f"{room}-super", at=round(t, 3), coach_mode=coaching)
        t += rng.uniform(300, 900)
    sim.add_participant(room, f"{room}-added", at=round(begin + rng.uniform(60, 120), 3), role="Agent", ring=5)


def main() -> int:
    title = f"Simulating {ROOMS} concurrent {2 + 1 + CUSTOMERS + 1}-participant MPCs"
    return report(title, build, repeats=REPEATS, target=TARGET)


if __name__ == "__main__":
    sys.exit(main())
