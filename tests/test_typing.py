"""What mypy sees of the element classes: the typed constructor, and no way to
assign an unknown name or a value of the wrong type (the validating __setattr__
exists at run time only, so it does not make mypy accept every assignment)."""

from __future__ import annotations

from pathlib import Path

from mypy import api

SNIPPET = """
from plivoxml_plus import Conference, MultiPartyCall

conference = Conference("room", max_members=5, muted=True)
conference.max_members = 10
conference.mutted = True
conference.muted = "yes"
Conference("room", max_member=5)
MultiPartyCall("mpc", "Agent", coach_mode="true")
"""


def test_mypy_catches_typos_and_wrong_types_in_user_code(tmp_path: Path):
    source = tmp_path / "user_code.py"
    source.write_text(SNIPPET)
    out, _, status = api.run(["--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"), str(source)])
    errors = [line for line in out.splitlines() if ": error:" in line]
    lines = {int(line.split(":")[1]) for line in errors}
    assert status == 1
    # the valid lines (4, 5) pass; each wrong one (6 to 9) is flagged
    assert lines == {6, 7, 8, 9}, out
    assert 'has no attribute "mutted"; maybe "muted"?' in out
