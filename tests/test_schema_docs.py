"""docs/validation.md shows what the code does: its examples run, its messages are real."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

from plivoxml_plus import validate

DOC = Path(__file__).resolve().parent.parent / "docs" / "validation.md"

# an input for every message the page shows
SOURCES = [
    ('<Response><Conference max_members="5">room</Conference></Response>', "answer"),
    ("<Response><conference>room</conference></Response>", "answer"),
    ("<Response><MultiPartyCall>mpc</MultiPartyCall></Response>", "answer"),
    ("<Response><Conference><Play>https://example.com/a.mp3</Play></Conference></Response>", "answer"),
    ("<Response><Wait>5</Wait></Response>", "answer"),
    ("<Response><Hangup/></Response>", "sound"),
    ("<Response>\n  <Conference>room</Response>", "answer"),
    ('<Response><MultiPartyCall role="Agent" maxParticipants="12">mpc</MultiPartyCall></Response>', "answer"),
]


def test_the_python_examples_run():
    failed, attempted = doctest.testfile(str(DOC), module_relative=False)
    assert attempted > 10 and failed == 0


def test_every_message_shown_is_a_real_one():
    text = DOC.read_text()
    shown = re.search(r"```text\n(.*?)```", text, re.S)
    assert shown is not None
    listed = shown.group(1).splitlines()
    console = re.findall(r"^\S+:\d+:\d+: (.*)$", text, re.M)
    produced = {problem.message for source, kind in SOURCES for problem in validate(source, kind=kind).problems}  # type: ignore[arg-type]
    assert listed and console
    for message in listed + console:
        assert message in produced, message
