"""Issue 19 item 6: the messages a user reads count what they saw, name a doubled
URL scheme, and put a count's noun in the plural only when it is not one (one
helper, plivoxml_plus._terminal.counted)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plivoxml_plus import GetDigits, Hangup, Redirect, Response, Simulation, Speak, Stream, ValidationError, validate
from plivoxml_plus._terminal import counted
from plivoxml_plus.cli import main

GROUPS = ["mpc-state-changes", "participant-state-changes", "participant-speak-events", "add-participant-api-events"]
SPACES = st.sampled_from(["", " ", "  ", "\t", " \n"])


def mpc(events: str) -> str:
    return f'<Response><MultiPartyCall role="Agent" statusCallbackEvents="{events}">r</MultiPartyCall></Response>'


def test_one_spaced_comma_is_one_not_one_more_like_it():
    result = validate(mpc("mpc-state-changes, participant-state-changes"))
    (problem,) = result.problems
    assert problem.count == 1 and "more like it" not in problem.message
    assert "spaces around 1 comma " in problem.message


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(GROUPS), min_size=2, max_size=4, unique=True), st.data())
def test_the_spacing_warning_counts_the_commas_it_saw(groups: list[str], data: st.DataObject):
    around = [(data.draw(SPACES), data.draw(SPACES)) for _ in groups[1:]]
    spaced = sum(bool(before or after) for before, after in around)
    events = groups[0] + "".join(f"{b},{a}{g}" for (b, a), g in zip(around, groups[1:], strict=True))
    result = validate(mpc(events))
    if not spaced:
        assert result.problems == ()
        return
    (problem,) = result.problems
    assert problem.severity == "warning" and problem.count == 1 and "more like it" not in problem.message
    assert f"spaces around {counted(spaced, 'comma')} (" in problem.message


URL_TAILS = st.sampled_from(["host/x", "example.com", "a.b.example.com:8080/p?q=1#f", "user:pw@h.com/x"])
SCHEMES = st.sampled_from(["http://", "https://", "HTTP://"])


@settings(max_examples=50, deadline=None)
@given(st.lists(SCHEMES, min_size=1, max_size=2), st.sampled_from(["http://", "https://"]), URL_TAILS)
def test_a_doubled_scheme_is_named_as_such(extra: list[str], scheme: str, tail: str):
    single = scheme + tail
    doubled = "".join(extra) + single
    # in a document: the text of Redirect, an attribute of GetDigits
    for source, name in [
        (f"<Response><Redirect>{doubled}</Redirect></Response>", "text"),
        (f'<Response><GetDigits action="{doubled}"/></Response>', "attribute action"),
    ]:
        (problem,) = validate(source).problems
        assert name in problem.message and "repeats its scheme, " + "".join(extra) + scheme in problem.message
        assert f"write '{single}'" in problem.message
    # and in Python, with the same words (one check says both)
    with pytest.raises(ValidationError, match="repeats its scheme") as caught:
        Redirect(doubled)
    assert f"write '{single}'" in str(caught.value)
    with pytest.raises(ValidationError, match="repeats its scheme"):
        GetDigits(action=doubled)


def test_a_doubled_stream_scheme_is_named_and_a_plain_mistake_is_not():
    with pytest.raises(ValidationError, match=re.escape("repeats its scheme, wss://wss://: write 'wss://e.com/s'")):
        Stream("wss://wss://e.com/s")
    (problem,) = validate("<Response><Redirect>ftp://host/x</Redirect></Response>").problems
    assert "scheme" not in problem.message and problem.message.endswith("an absolute http:// or https:// URL")


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000), st.sampled_from(["call", "request", "problem"]))
def test_a_count_is_plural_unless_it_is_one(count: int, noun: str):
    said = counted(count, noun)
    assert said == (f"1 {noun}" if count == 1 else f"{count} {noun}s")
    assert counted(count, "of them warning", "of them warnings").endswith("warning" if count == 1 else "warnings")


def test_the_simulation_repr_and_report_say_1_call_and_1_request():
    sim = Simulation(urls={"https://example.com/next": "<Response><Hangup/></Response>"})
    sim.call("alice", Response([Speak("Hi"), Redirect("https://example.com/next")]))
    sim.run()
    assert repr(sim).endswith(": 1 call, 1 request>"), repr(sim)
    first = sim.report().splitlines()[0]
    assert first.startswith("Simulation: 1 call, ") and first.endswith(", 1 request"), first
    two = Simulation()
    two.call("alice", Response([Hangup()]))
    two.call("bob", Response([Hangup()]))
    two.run()
    assert repr(two).endswith(": 2 calls, 0 requests>") and two.report().startswith("Simulation: 2 calls, ")


def test_validate_summary_counts_in_the_plural_only_past_one(tmp_path: Path, capsys):
    one = tmp_path / "one.xml"
    one.write_text(mpc("mpc-state-changes, participant-state-changes"), encoding="utf-8")
    main(["validate", str(one)])
    assert capsys.readouterr().out.splitlines()[-1] == (
        "1 answer document checked: 1 valid, 0 invalid (1 problem, 1 of them warning)"
    )
    two = tmp_path / "two.xml"
    two.write_text('<Response><Wait length="0"/><Wait length="0" beep="x"/></Response>', encoding="utf-8")
    main(["validate", str(one), str(two)])
    assert capsys.readouterr().out.splitlines()[-1] == (
        "2 answer documents checked: 1 valid, 1 invalid (4 problems, 1 of them warning)"
    )
