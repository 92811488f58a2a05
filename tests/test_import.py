"""``import plivoxml_plus`` stays light: a webhook handler pays for layer 1 only."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("xmlschema", "numpy", "plivo", "elementpath", "hypothesis")


@pytest.mark.parametrize("statement", ["import plivoxml_plus", "from plivoxml_plus import plivoxml"])
def test_importing_the_package_loads_no_heavy_dependency(statement):
    probe = f"{statement}\nimport sys\nprint(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stdout


# what a command must not load: the simulator, and what only it needs
SIMULATOR = ("plivoxml_plus.core", "asyncio", "httpx", "numpy", "plivo", "requests")


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "--help"],
        ["validate", "-"],
        ["schema", "--path"],
    ],
)
def test_a_command_other_than_simulate_never_loads_the_simulator(argv):
    # validate is the CI and pre-commit hot path: its start-up is most of its cost
    probe = (
        "import sys, runpy\n"
        f"sys.argv = ['plivoxml-plus', *{argv!r}]\n"
        "try:\n"
        "    runpy.run_module('plivoxml_plus', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {SIMULATOR!r} or m.startswith({SIMULATOR[0]!r})))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], check=False, input="<Response/>", capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stdout + result.stderr


def test_simulate_still_runs_the_simulator(tmp_path):
    scenario = tmp_path / "one.toml"
    scenario.write_text("[[call]]\nname = 'ann'\nanswer = '<Response><Wait length=\"2\"/></Response>'\n")
    result = subprocess.run(
        [sys.executable, "-m", "plivoxml_plus", "simulate", str(scenario)],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "ann" in result.stdout
