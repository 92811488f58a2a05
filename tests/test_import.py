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
