"""The demo (`make demo`) runs to the end and shows each of its parts."""

from __future__ import annotations

import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_demo_runs_and_shows_every_part():
    assert find_spec("numpy") is not None, "the demo mixes audio: the test environment has the audio extra"
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "demo.py")], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    headings = [line for line in done.stdout.splitlines() if line.startswith("# ")]
    assert [heading.split(".")[0] for heading in headings] == [f"# {n}" for n in range(1, 7)]
    assert "INVALID" not in done.stdout
    assert "<GetDigits> got digits '2'" in done.stdout  # the IVR menu
    assert "DialStatus=completed" in done.stdout  # the transfer
