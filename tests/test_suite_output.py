"""The suite's own output is for a person: starting pytest draws from no Hypothesis
strategy (no HypothesisSideeffectWarning, issue 23), so a run ends with its summary,
not a wall of warnings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_starting_the_suite_draws_from_no_strategy():
    result = subprocess.run(
        [
            sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider",
            "-W", "error::hypothesis.errors.HypothesisSideeffectWarning",
            "tests/test_smoke.py",
        ],
        cwd=ROOT,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "HypothesisSideeffectWarning" not in output
