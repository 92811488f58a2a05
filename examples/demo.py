"""The demo (`make demo`): every example of Plivo's conferencing page, built with the
typed classes, validated against schemas/plivoxml.xsd and printed; then a moderated
meeting simulated on a virtual clock, with every request the platform would make;
then a MultiPartyCall with a coaching supervisor: its status events and who hears whom.
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


def main() -> int:
    print("# 1. The seed's documents, built with plivoxml_plus and checked against the XSD\n")
    all_valid = show_seed_examples()
    print("# 2. A moderated meeting, simulated (examples/scenarios/moderated-meeting.toml)\n")
    sys.stdout.flush()
    simulated = cli(["simulate", str(EXAMPLES / "scenarios" / "moderated-meeting.toml")])
    print("\n# 3. A supervisor coaching an agent (examples/scenarios/mpc-supervisor-coaching.toml)\n")
    show_coaching()
    return 0 if all_valid and simulated == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
