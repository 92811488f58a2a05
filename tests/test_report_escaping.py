"""The text report and the CLI's messages are safe on a terminal (issue 17, item 9):
user-supplied text (call and room names, URLs, parameters, speech, notes, paths)
is printed with its control, format and separator characters escaped, so it can
neither drive the terminal nor forge a line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plivoxml_plus import Conference, GetInput, Response, Simulation, Speak
from plivoxml_plus._terminal import printable
from plivoxml_plus.cli import main

ACTION = "https://app.example/action"
NEXT = "<Response><Speak>next</Speak></Response>"
HOSTILE = "a\x1b[2J\x1b]0;owned\x07\r     9.000  bob  answered\x08\x85\x9b31m\u2028\u2029\u202e\u2066\n!"


def _run(names: tuple[str, str], room: str, said: str) -> Simulation:
    """Two calls in a room, the first saying ``said`` to a GetInput first: user
    text in names, the room, a request parameter (Speech) and the notes."""
    sim = Simulation(urls={ACTION: NEXT})
    gather = GetInput(action=ACTION, input_type="speech", children=[Speak("say something")])
    sim.call(names[0], Response([gather]), hangup=30)
    sim.call(names[1], Response([Conference(room)]), at=1, hangup=20)
    sim.say(names[0], said, at=2)
    sim.say(names[1], said, at=3)  # (no GetInput listens: a note quoting it)
    sim.probe(5)
    return sim.run()


def _unsafe(line: str) -> list[str]:
    """The characters of ``line`` that a terminal may act on instead of showing."""
    return [char for char in line if not char.isprintable()]


def test_a_hostile_name_is_escaped_and_forges_no_line():
    plain = _run(("alice", "bob"), "room", "sales").report("text")
    hostile = _run((HOSTILE, HOSTILE + "2"), "room\u2028\x85\u202eroom", HOSTILE).report("text")
    for line in hostile.split("\n"):
        assert not _unsafe(line), repr(line)
    assert "a\\x1b[2J\\x1b]0;owned\\x07\\r" in hostile and "\\u2028\\u2029\\u202e\\u2066\\n!" in hostile
    assert hostile.count("\n") == plain.count("\n")


def test_the_json_report_is_safe_and_keeps_the_names_as_given():
    report = _run((HOSTILE, "bob"), "room\u2028\x85\u202eroom", HOSTILE + "\U000e0001").report("json")
    for line in report.split("\n"):
        assert not _unsafe(line), repr(line)
    data = json.loads(report)
    assert HOSTILE in data["calls"]
    assert any(r["params"].get("Speech") == HOSTILE + "\U000e0001" for r in data["requests"])


def test_printable_escapes_as_repr_does():
    for char in "\x00\x1b\x7f\x85\x9b\xa0\xad\u2028\u2029\u202e\u2066\ufeff\U000e0001\n\r\t":
        assert printable(f"a{char}b") == repr(f"a{char}b")[1:-1]
    assert printable("caf\u00e9 \u4e2d\u6587 \U0001f600") == "caf\u00e9 \u4e2d\u6587 \U0001f600"


# names, rooms and speech of any characters a call name may hold (no lone surrogates)
ANY_TEXT = st.text(st.characters(codec="utf-8"), min_size=1, max_size=12).filter(
    lambda text: not text.isspace()
)
# a room name travels in XML: characters XML can carry
XML_TEXT = st.text(
    st.characters(codec="utf-8", exclude_characters="\x7f\ufffe\uffff", min_codepoint=0x20),
    min_size=1,
    max_size=12,
).filter(lambda text: text.strip(" ") == text and text.strip() != "")


@settings(max_examples=40, deadline=None)
@given(first=ANY_TEXT, second=ANY_TEXT, room=XML_TEXT, said=ANY_TEXT)
def test_every_report_line_is_safe_and_the_names_change_no_line_count(first: str, second: str, room: str, said: str):
    names = (first, second + "\x00") if first == second else (first, second)
    sim = _run(names, room, said)
    report, data = sim.report("text"), sim.report("json")
    for line in report.split("\n") + data.split("\n"):
        assert not _unsafe(line), repr(line)
    assert report.count("\n") == _run(("a", "b"), "room", "words").report("text").count("\n")
    assert list(json.loads(data)["calls"]) == sorted(names)  # (sorted keys) the names as given


# -- the CLI's messages -------------------------------------------------------------------


def test_a_scenario_error_quoting_a_hostile_path_is_one_safe_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    path = tmp_path / "s.toml"
    path.write_text('[[call]]\nname = "a"\nanswer = "miss\\u001b[2J\\r\\u2028\\u202eing.xml"\n', encoding="utf-8")
    assert main(["simulate", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert not _unsafe(err[:-1]), repr(err)
    assert err.startswith(f"{path}:3: ") and "miss\\x1b[2J\\r\\u2028\\u202eing.xml" in err


def test_the_simulate_report_of_a_hostile_scenario_is_safe(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    path = tmp_path / "s.toml"
    answer = "<Response><Conference>r</Conference></Response>"
    path.write_text(f'[[call]]\nname = "a\\u001b[2J\\r  1.000  b"\nanswer = "{answer}"\nhangup = 5\n', encoding="utf-8")
    assert main(["simulate", str(path)]) == 0
    out = capsys.readouterr().out
    for line in out.split("\n"):
        assert not _unsafe(line), repr(line)
    assert "a\\x1b[2J\\r  1.000  b" in out
