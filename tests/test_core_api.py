"""The Simulation API: the call model, durations, documents from URLs, IDs, errors."""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

import plivoxml_plus
from plivoxml_plus import (
    Conference,
    ParseError,
    Play,
    Redirect,
    Response,
    SimulationError,
    Speak,
    Wait,
)
from plivoxml_plus.core import ConferenceOptions, DurationModel, HttpRequest, Simulation

CB = "https://example.com/cb"
NEXT = "https://example.com/next.xml"


def test_the_package_exports_the_simulator_lazily():
    assert plivoxml_plus.Simulation is Simulation
    assert "Simulation" in plivoxml_plus.__all__ and "load_scenario" in plivoxml_plus.__all__
    probe = "import sys, plivoxml_plus\nprint(any(m.startswith('plivoxml_plus.core') for m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
    assert done.stdout.strip() == "False"  # import plivoxml_plus does not load the simulator


def test_a_pytest_style_flow_reads_like_the_readme():
    sim = Simulation(urls={"https://example.com/hold.xml": "<Response><Play>https://example.com/m.mp3</Play></Response>"})
    sim.call(
        "alice",
        Response().add(Conference("room", start_conference_on_enter=False, wait_sound="https://example.com/hold.xml")),
        at=0,
    )
    sim.call("bob", f'<Response><Conference callbackUrl="{CB}">room</Conference></Response>', at=5, hangup=60)
    sim.press("alice", "99", at=30)
    sim.talk("bob", start=10, end=20)
    sim.run(until=600)
    assert sim.hears(at=25)["alice"] == {"bob"}
    assert sim.hears(at=2)["alice"] == set()
    assert [r.params["ConferenceAction"] for r in sim.requests_to(CB)] == ["enter", "exit"]
    assert sim.calls["alice"].executed == ["Conference"]
    assert sim.calls["bob"].ended_at == 60


# -- durations -----------------------------------------------------------------------------


def test_speak_play_and_wait_take_the_modelled_time():
    durations = DurationModel(play_seconds={"https://example.com/long.mp3": 42.5})
    sim = Simulation(durations=durations)
    document = (
        Response()
        .add(Speak("one two three four five six seven eight nine ten"))  # 10 words: 4 s
        .add(Speak("hi", loop=3))  # 1 s floor, 3 times
        .add(Play("https://example.com/long.mp3"))
        .add(Play("https://example.com/other.mp3", loop=2))  # default 10 s
        .add(Wait(length=7))
    )
    sim.call("a", document, at=1)
    sim.run()
    assert sim.calls["a"].ended_at == 1 + 4 + 3 + 42.5 + 20 + 7
    assert sim.calls["a"].executed == ["Speak", "Speak", "Play", "Play", "Wait"]


def test_loop_zero_plays_until_the_call_ends():
    sim = Simulation()
    sim.call("a", Response().add(Play("https://example.com/m.mp3", loop=0)).add(Speak("never")), at=0, hangup=500)
    sim.call("b", Response().add(Play("https://example.com/m.mp3", loop=0)), at=0)
    sim.run()
    assert sim.calls["a"].ended_at == 500 and sim.calls["a"].executed == ["Play"]
    assert sim.calls["b"].ended_at is None
    assert any("still up forever: b" in n.text for n in sim.notes)


def test_wait_silence_ends_after_min_silence_or_at_length():
    sim = Simulation()
    doc = Response().add(Wait(length=30, silence=True, min_silence=3000)).add(Speak("done"))
    sim.call("quiet", doc, at=0)
    sim.call("talker", doc, at=0)
    sim.talk("talker", start=0, end=10)
    sim.talk("talker", start=12, end=14)  # 2 s of silence: not enough
    sim.call("busy", doc, at=0)
    sim.talk("busy", start=0, end=40)
    sim.run()
    assert sim.calls["quiet"].ended_at == 3 + 1
    assert sim.calls["talker"].ended_at == 14 + 3 + 1
    assert sim.calls["busy"].ended_at == 30 + 1


# -- Hangup, Redirect, documents from URLs ----------------------------------------------------


def test_hangup_schedule_lets_the_document_go_on_until_then():
    sim = Simulation()
    doc = '<Response><Hangup schedule="5"/><Play loop="0">https://example.com/m.mp3</Play></Response>'
    sim.call("a", doc, at=10)
    sim.run()
    assert sim.calls["a"].ended_at == 15 and sim.calls["a"].executed == ["Hangup", "Play"]


def test_redirect_fetches_and_continues_with_the_new_document():
    sim = Simulation(urls={NEXT: "<Response><Speak>hello</Speak></Response>"})
    sim.call("a", Response().add(Redirect(NEXT, method="GET")).add(Speak("never")), at=0)
    sim.run()
    (fetch,) = sim.requests
    params = {
        "Event": "Redirect",  # the Redirect page's own parameter, then the call's
        "CallUUID": sim.calls["a"].uuid,
        "From": "15550000001",
        "To": "15550000000",
        "CallerName": "15550000001",
        "Direction": "inbound",
        "CallStatus": "in-progress",
    }
    assert (fetch.kind, fetch.method, fetch.url, fetch.params) == ("redirect", "GET", NEXT, params)
    assert sim.calls["a"].executed == ["Redirect", "Speak"]


def test_a_missing_redirect_document_is_noted_and_the_call_goes_on():
    sim = Simulation()
    sim.call("a", Response().add(Redirect(NEXT)).add(Speak("fallback")), at=0)
    sim.run()
    assert sim.calls["a"].executed == ["Redirect", "Speak"]
    assert any(NEXT in n.text and "no document" in n.text for n in sim.notes)


def test_a_redirect_loop_is_stopped_and_reported():
    sim = Simulation(urls={NEXT: f"<Response><Redirect>{NEXT}</Redirect></Response>"},
                     options=ConferenceOptions(max_steps_per_instant=50))
    sim.call("a", Response().add(Redirect(NEXT)), at=0)
    sim.run()
    assert sim.calls["a"].ended_at == 0 and len(sim.calls["a"].executed) == 50
    assert any("Redirect loop" in n.text for n in sim.notes)


def test_urls_can_be_a_function_of_the_request():
    seen: list[HttpRequest] = []

    def app(request: HttpRequest) -> str | None:
        seen.append(request)
        return "<Response><Speak>from the function</Speak></Response>" if request.url == NEXT else None

    sim = Simulation(urls=app)
    sim.call("a", Response().add(Redirect(NEXT)), at=0)
    sim.run()
    assert [r.url for r in seen] == [NEXT] and seen[0].kind == "redirect"
    assert sim.calls["a"].executed == ["Redirect", "Speak"]


def test_urls_may_give_response_objects():
    sim = Simulation(urls={NEXT: Response().add(Speak("object"))})
    sim.call("a", Response().add(Redirect(NEXT)), at=0)
    sim.run()
    assert sim.calls["a"].executed == ["Redirect", "Speak"]


def test_answer_documents_from_xml_text_bytes_and_files(tmp_path: Path):
    file = tmp_path / "a.xml"
    file.write_text("<Response><Speak>from a file</Speak></Response>")
    sim = Simulation()
    sim.call("text", "<Response><Speak>text</Speak></Response>", at=0)
    sim.call("bytes", b"<Response><Speak>bytes</Speak></Response>", at=0)
    sim.call("file", file, at=0)
    sim.run()
    assert all(record.executed == ["Speak"] for record in sim.calls.values())


def test_an_invalid_answer_document_is_a_parse_error():
    with pytest.raises(ParseError):
        Simulation().call("a", '<Response><Conference maxMembers="50">r</Conference></Response>')


# -- digits and talk outside a conference --------------------------------------------------------


def test_digits_from_a_caller_in_no_conference_are_ignored_and_noted():
    sim = Simulation()
    sim.call("a", Response().add(Speak("one two three four five")).add(Conference("room")), at=0, hangup=60)
    sim.press("a", "12", at=1)  # still speaking
    sim.run()
    assert sim.callbacks() == []
    assert [n.text for n in sim.notes] == [
        "digits '12' ignored: the caller is in no conference and no element is listening"
    ]


def test_digits_after_the_call_ended_are_noted():
    sim = Simulation()
    sim.call("a", Response().add(Speak("short")), at=0)
    sim.press("a", "5", at=30)
    sim.run()
    assert [n.text for n in sim.notes] == ["digits '5' ignored: the call has ended"]


# -- identifiers and determinism ----------------------------------------------------------------


def _ids(seed: str) -> list[str]:
    sim = Simulation(seed=seed)
    recorded = Conference("room", callback_url=CB, record=True, record_when_alone=True)
    sim.call("a", Response().add(recorded), at=0, hangup=9)
    sim.run()
    params = sim.callbacks("record")[0].params
    return [params["CallUUID"], params["ConferenceUUID"], params["RecordingID"]]


def test_ids_are_uuids_derived_from_the_scenario_and_the_seed():
    first = _ids("")
    assert first == _ids("")
    assert all(uuid.UUID(value).version == 5 for value in first)
    assert len(set(first)) == 3
    assert set(_ids("other seed")).isdisjoint(first)


# -- the clock, probes, audibility --------------------------------------------------------------


def test_advance_and_probes_recorded_when_the_clock_passes_them():
    sim = Simulation()
    room = Response().add(Conference("room"))
    sim.call("a", room, at=0, hangup=100)
    sim.call("b", room, at=10, hangup=100)
    sim.probe(5)
    sim.probe(50)
    sim.advance(20)
    assert sim.now == 20 and [p.at for p in sim.probes] == [5]
    sim.advance(40)
    assert [p.at for p in sim.probes] == [5, 50]
    assert sim.probes[1].hears == {"a": {"b"}, "b": {"a"}}
    sim.probe(15)  # in the past: taken at once from the record
    assert sim.probes[1].at == 15 and sim.probes[1].hears["a"] == {"b"}


def test_audibility_table_and_matrix():
    sim = Simulation()
    sim.call("a", Response().add(Conference("room")), at=0, hangup=100)
    sim.call("b", Response().add(Conference("room", muted=True)), at=0, hangup=100)
    sim.call("c", Response().add(Speak("not in a room at all")), at=0)
    sim.run(until=1)
    audibility = sim.audibility()
    assert audibility.matrix() == {
        "a": {"a": False, "b": False, "c": False},
        "b": {"a": True, "b": False, "c": False},
        "c": {"a": False, "b": False, "c": False},
    }
    assert audibility.room("a") == "room" and audibility.room("c") is None
    table = audibility.table()
    assert table.splitlines()[0].split("|")[1].split() == ["a", "b", "c"]


def test_time_of_an_event_is_after_it():
    sim = Simulation()
    sim.call("a", Response().add(Conference("room")), at=0, hangup=10)
    sim.call("b", Response().add(Conference("room")), at=5, hangup=10)
    sim.run()
    assert sim.hears(at=5) == {"a": {"b"}, "b": {"a"}}  # b joined at 5
    assert sim.hears(at=10) == {}  # both gone at 10


# -- errors: clear, one package error each ---------------------------------------------------------


def test_bad_calls_raise_simulation_errors():
    sim = Simulation()
    room = Response().add(Conference("room"))
    sim.call("a", room, at=10, hangup=20)
    cases: list[tuple[Callable[[], object], str]] = [
        (lambda: sim.call("a", room), "already a call named 'a'"),
        (lambda: sim.call("", room), "non-blank"),
        (lambda: sim.call("b", room, at=5, hangup=4), "before it is answered"),
        (lambda: sim.call("c", room, at=-1), "finite number of seconds >= 0"),
        (lambda: sim.call("d", room, at="soon"), "number of seconds"),  # type: ignore[arg-type]
        (lambda: sim.call("e", 42), "must be a Response"),  # type: ignore[arg-type]
        (lambda: sim.press("a", "12", at=5), "before it is answered"),
        (lambda: sim.press("a", "12", at=25), "after the caller hangs up"),
        (lambda: sim.press("a", "1a", at=15), "0-9, \\* and #"),
        (lambda: sim.press("zed", "1", at=15), "no call named 'zed'"),
        (lambda: sim.talk("a", start=15, end=12), "must end after it starts"),
        (lambda: sim.hangup("a", at=30), "already hangs up"),
        (lambda: sim.audibility(at=50), "run\\(until=...\\)"),
        (lambda: sim.report("xml"), "format must be"),  # type: ignore[arg-type]
        (lambda: Simulation(urls=42), "urls must be"),  # type: ignore[arg-type]
        (lambda: Simulation(options={"x": 1}), "ConferenceOptions"),  # type: ignore[arg-type]
    ]
    for action, message in cases:
        with pytest.raises(SimulationError, match=message):
            action()


def test_talk_spurts_of_one_caller_may_not_overlap():
    sim = Simulation()
    sim.call("a", Response().add(Conference("room")), at=0)
    sim.talk("a", start=10, end=20)
    with pytest.raises(SimulationError, match="overlap or touch"):
        sim.talk("a", start=20, end=30)


def test_events_in_the_past_are_refused():
    sim = Simulation()
    sim.call("a", Response().add(Conference("room")), at=0)
    sim.run(until=100)
    for action in (
        lambda: sim.call("b", Response().add(Conference("room")), at=50),
        lambda: sim.press("a", "1", at=99),
        lambda: sim.run(until=10),
    ):
        with pytest.raises(SimulationError, match="clock is"):
            action()


def test_multi_party_call_runs_directly_and_after_a_redirect():
    mpc = '<Response><MultiPartyCall role="Agent">m</MultiPartyCall></Response>'
    sim = Simulation(urls={NEXT: mpc})
    sim.call("a", mpc, at=0, hangup=30)
    sim.call("b", Response().add(Redirect(NEXT)), at=5, hangup=20)
    sim.run()
    assert [m.kind for m in sim.calls["a"].memberships] == ["MultiPartyCall"]
    assert sim.calls["b"].executed == ["Redirect", "MultiPartyCall"]
    assert sim.calls["a"].memberships[0].uuid == sim.calls["b"].memberships[0].uuid


def test_hangup_before_answer_is_refused_and_a_later_hangup_is_taken():
    sim = Simulation()
    sim.call("a", Response().add(Conference("room")), at=10)
    with pytest.raises(SimulationError, match="before it is answered"):
        sim.hangup("a", at=5)
    sim.hangup("a", at=30)
    sim.run()
    assert sim.calls["a"].ended_at == 30 and sim.calls["a"].hangup_at == 30
    sim.call("b", Response().add(Speak("short")), at=40)
    sim.run()
    with pytest.raises(SimulationError, match="already ended"):
        sim.hangup("b", at=100)


def test_options_refuse_unknown_values_with_the_package_error():
    with pytest.raises(SimulationError, match="max_members_from = 'last' is not allowed; allowed: one of 'first'"):
        ConferenceOptions(max_members_from="last")  # type: ignore[arg-type]
    with pytest.raises(SimulationError, match=r"action_on_overflow = 'yes' .* True or False"):
        ConferenceOptions(action_on_overflow="yes")  # type: ignore[arg-type]
    with pytest.raises(SimulationError, match="transcription_rate"):
        ConferenceOptions(transcription_rate="cheap")
    with pytest.raises(SimulationError, match="max_steps_per_instant = True"):
        ConferenceOptions(max_steps_per_instant=True)
    with pytest.raises(SimulationError, match=r"dtmf_interdigit_timeout = inf .* finite number of seconds > 0"):
        ConferenceOptions(dtmf_interdigit_timeout=float("inf"))


def test_duration_model_refuses_impossible_durations_with_the_package_error():
    with pytest.raises(SimulationError, match=r"speak_words_per_second = 0 .* > 0"):
        DurationModel(speak_words_per_second=0)
    with pytest.raises(SimulationError, match=r"speak_min_seconds = -1 .* >= 0"):
        DurationModel(speak_min_seconds=-1)
    with pytest.raises(SimulationError, match=r"play_seconds\['https://a.example/x.mp3'\] = 0"):
        DurationModel(play_seconds={"https://a.example/x.mp3": 0})
    assert DurationModel(play_seconds={"https://a.example/x.mp3": 2.5}).play_seconds["https://a.example/x.mp3"] == 2.5
