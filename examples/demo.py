"""The demo (`make demo`): every example of Plivo's conferencing page, built with the
typed classes, validated against schemas/plivoxml.xsd and printed; then a moderated
meeting simulated on a virtual clock, with every request the platform would make;
then a MultiPartyCall with a coaching supervisor: its status events and who hears whom;
then the same coaching with a tone per caller, mixed: what each participant heard;
then the way into a room: an IVR menu (keys, speech, no input) and a transfer by Dial.
"""

from __future__ import annotations

import contextlib
import io
import runpy
import sys
from pathlib import Path

from plivoxml_plus import validate
from plivoxml_plus.cli import main as cli
from plivoxml_plus.core import load_scenario

EXAMPLES = Path(__file__).resolve().parent


def show_seed_examples() -> bool:
    """Run each example script, validate what it prints, print it. True if all valid."""
    all_valid = True
    for script in sorted(EXAMPLES.glob("*.py")):
        if script.name == "demo.py":
            continue
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            runpy.run_path(str(script), run_name="__main__")
        document = printed.getvalue()
        result = validate(document)
        verdict = "valid" if result.ok else "INVALID"
        all_valid = all_valid and result.ok
        print(f"== {script.name}: {verdict}")
        print(document.rstrip())
        for problem in result.problems:
            print(f"   {problem}")
        print()
    return all_valid


def show_coaching() -> None:
    """The MPC's status events, then who hears whom at each probe."""
    sim = load_scenario(EXAMPLES / "scenarios" / "mpc-supervisor-coaching.toml").run()
    print("Status events (statusCallbackUrl):")
    for request in sim.requests:
        if request.kind != "status-callback":
            continue
        params = request.params
        who = f"  {request.call} (member {params['MemberID']}, {params['ParticipantRole']})" if request.call else ""
        if params["EventName"] == "MPCEnd":
            who = f"  ({params['MPCTerminationCause']})"
        print(f"  t={request.at:>5g}  {params['SequenceNumber']:>2}. {params['EventName']}{who}")
    print("\nWho hears whom (the supervisor coaches until the API turns coach mode off at t=90):")
    for probe in sim.probes:
        print(f"  at t={probe.at:g}:")
        for listener, heard in sorted(probe.hears.items()):
            print(f"    {listener:<10} hears {', '.join(sorted(heard)) or 'no one'}")


def show_coaching_heard() -> None:
    """The same coaching with a tone per caller: how loud each caller's tone is in
    what each participant heard, before and after coach mode goes off at t=30."""
    import numpy as np

    sim = load_scenario(EXAMPLES / "scenarios" / "audio" / "mpc-audio-coaching.toml").run()
    audio = sim.audio()
    tones = {"agent": 500, "customer": 700, "supervisor": 1100}
    print(f"Level of each caller's tone in what each heard (dBFS; {audio.rate} Hz mix):")
    print(f"  {'listener':<10} {'while':<22} " + " ".join(f"{name:>10}" for name in tones))
    for listener, heard in audio.heard.items():
        answer = sim.calls[listener].answer_at
        for label, start, end in (("coaching (t=21-29)", 21, 29), ("coach mode off (31-39)", 31, 39)):
            piece = heard[int((start - answer) * audio.rate) : int((end - answer) * audio.rate)].astype(float)
            t = np.arange(len(piece))
            cells = []
            for hz in tones.values():
                level = 2 * abs(np.dot(piece, np.exp(-2j * np.pi * hz * t / audio.rate))) / max(len(piece), 1) / 32768
                cells.append(f"{20 * np.log10(level):>10.0f}" if level > 1e-4 else f"{'-':>10}")
            print(f"  {listener:<10} {label:<22} " + " ".join(cells))
    print("  (-12 dBFS: heard; -: not heard. The customer hears the supervisor only once coaching ends.)")


def main() -> int:
    print("# 1. The seed's documents, built with plivoxml_plus and checked against the XSD\n")
    all_valid = show_seed_examples()
    print("# 2. A moderated meeting, simulated (examples/scenarios/moderated-meeting.toml)\n")
    sys.stdout.flush()
    simulated = cli(["simulate", str(EXAMPLES / "scenarios" / "moderated-meeting.toml")])
    print("\n# 3. A supervisor coaching an agent (examples/scenarios/mpc-supervisor-coaching.toml)\n")
    show_coaching()
    print("\n# 4. The same coaching, heard: a tone per caller through the mixer (examples/scenarios/audio/)\n")
    show_coaching_heard()
    print("\n# 5. The way in: an IVR menu (examples/scenarios/ivr-menu.toml)\n")
    sys.stdout.flush()
    menu = cli(["simulate", str(EXAMPLES / "scenarios" / "ivr-menu.toml")])
    print("\n# 6. A transfer: Dial to an agent who answers (examples/scenarios/dial-transfer.toml)\n")
    sys.stdout.flush()
    transfer = cli(["simulate", str(EXAMPLES / "scenarios" / "dial-transfer.toml")])
    return 0 if all_valid and simulated == menu == transfer == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
