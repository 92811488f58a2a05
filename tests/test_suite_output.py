"""The suite's own output is for a person: starting pytest draws from no Hypothesis
strategy (no HypothesisSideeffectWarning, issue 23), so a run ends with its summary,
not a wall of warnings."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_pytest(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
        cwd=ROOT,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_starting_the_suite_draws_from_no_strategy():
    result = run_pytest(
        "--collect-only", "-W", "error::hypothesis.errors.HypothesisSideeffectWarning", "tests/test_smoke.py"
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "HypothesisSideeffectWarning" not in output


def test_a_run_ends_with_its_summary_and_no_warnings():
    # what make test shows, on a module of the suite (the project's addopts apply)
    result = run_pytest("tests/test_smoke.py")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "warnings summary" not in result.stdout
    assert re.fullmatch(r"\d+ passed in [\d.]+s", result.stdout.strip().splitlines()[-1]), result.stdout
