"""The call-flow rules I1–I4 and I6 (docs/rules.md, "Call flow"): GetDigits,
GetInput, Record, DTMF, Message and Stream as the simulator runs them."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plivoxml_plus import (
    DTMF,
    Conference,
    GetDigits,
    GetInput,
    Message,
    Record,
    Response,
    ScenarioError,
    Simulation,
    SimulationError,
    Speak,
    Stream,
)
from plivoxml_plus.core import DurationModel, load_scenario

ACTION = "https://app.example/action"
CALLBACK = "https://app.example/callback"
NEXT = "<Response><Speak>next document</Speak></Response>"
PROMPT = Speak("one two three")  # 1.2 s at 2.5 words a second


def run(document: Response, *inputs: tuple[str, object, float], hangup: float = 100, **sim_args: object) -> Simulation:
    """One call 'alice' running ``document``; inputs are ("press", keys, at),
    ("say", text, at), ("talk", end, start) or ("hangup", None, at)."""
    sim = Simulation(urls={ACTION: NEXT}, **sim_args)  # type: ignore[arg-type]
    sim.call("alice", document, hangup=hangup)
    for kind, value, at in inputs:
        if kind == "press":
            sim.press("alice", str(value), at=at)
        elif kind == "say":
            sim.say("alice", str(value), at=at)
        else:
            sim.talk("alice", start=at, end=float(value))  # type: ignore[arg-type]
    return sim.run()


def actions(sim: Simulation) -> list[tuple[float, dict[str, str]]]:
    return [(r.at, r.params) for r in sim.requests if r.kind == "action"]


# -- I1: GetDigits ------------------------------------------------------------------------


def test_I1_the_digits_go_to_the_action_url_and_its_document_replaces_the_call():
    document = Response([GetDigits(action=ACTION, num_digits=4, children=[PROMPT]), Speak("never heard")])
    sim = run(document, ("press", "12", 2), ("press", "34", 3))
    [(at, params)] = actions(sim)
    assert at == 3 and params["Digits"] == "1234" and params["CallStatus"] == "in-progress"
    assert sim.calls["alice"].executed == ["GetDigits", "Speak", "Speak"]
    assert sim.calls["alice"].ended_at == 3 + 1  # the action document's one-second Speak
    [heard] = sim.calls["alice"].inputs
    assert (heard.digits, heard.attempts, heard.gave_up) == ("1234", 1, False)


def test_I1_a_key_during_a_prompt_stops_it_and_the_finish_key_is_not_sent():
    long_prompt = Speak(" ".join(["word"] * 25))  # 10 s
    sim = run(Response([GetDigits(action=ACTION, children=[long_prompt])]), ("press", "42#", 0.5))
    assert actions(sim)[0] == (0.5, actions(sim)[0][1])
    assert actions(sim)[0][1]["Digits"] == "42"
    call = sim._calls["alice"]  # what the caller heard: the prompt, cut at the key
    assert [(start, element.tag) for start, element in call.prompts][:2] == [(0, "Speak"), (500, "Wait")]


def test_I1_digit_timeout_ends_the_input_after_the_last_key():
    sim = run(Response([GetDigits(action=ACTION, digit_timeout=3, children=[PROMPT])]), ("press", "7", 2))
    assert [(at, p["Digits"]) for at, p in actions(sim)] == [(5, "7")]


def test_I1_no_input_gives_up_after_every_attempt_without_a_request():
    document = Response([GetDigits(action=ACTION, retries=3, timeout=5, children=[PROMPT]), Speak("bye")])
    sim = run(document)
    assert actions(sim) == []
    record = sim.calls["alice"]
    assert record.executed == ["GetDigits", "Speak", "Speak", "Speak", "Speak"]  # 3 prompts, then "bye"
    [heard] = record.inputs
    assert heard.gave_up and heard.attempts == 3 and heard.at == 3 * (1.2 + 5)


def test_I1_an_invalid_key_fails_the_attempt_after_the_invalid_digits_sound():
    sound = "https://app.example/invalid.mp3"
    gather = GetDigits(
        action=ACTION, num_digits=1, retries=2, valid_digits="12", invalid_digits_sound=sound, children=[PROMPT]
    )
    durations = DurationModel(play_seconds={sound: 2})
    sim = run(Response([gather]), ("press", "9", 1.5), ("press", "2", 4), durations=durations)
    # 9 is refused at 1.5, the sound plays to 3.5, the prompt again to 4.7; 2 at 4 stops it
    assert [(at, p["Digits"]) for at, p in actions(sim)] == [(4, "2")]
    assert sim.calls["alice"].inputs[0].attempts == 2


def test_I1_the_finish_key_alone_is_no_input():
    sim = run(Response([GetDigits(action=ACTION, children=[PROMPT])]), ("press", "#", 2))
    assert actions(sim) == []
    assert sim.calls["alice"].inputs[0].gave_up


def test_I1_redirect_false_requests_the_url_and_goes_on():
    document = Response([GetDigits(action=ACTION, redirect=False, num_digits=1, children=[PROMPT]), Speak("mine")])
    sim = run(document, ("press", "5", 2))
    assert [p["Digits"] for _, p in actions(sim)] == ["5"]
    assert sim.calls["alice"].executed == ["GetDigits", "Speak", "Speak"]
    assert sim.calls["alice"].ended_at == 2 + 1  # its own next Speak, "mine"


def test_I1_keys_past_num_digits_go_where_the_call_is_then():
    sim = run(Response([GetDigits(action=ACTION, num_digits=2), Speak("x")]), ("press", "123", 1))
    assert actions(sim)[0][1]["Digits"] == "12"
    assert any("digits '3' ignored" in note.text for note in sim.notes)


def test_I1_play_beep_comes_before_the_wait():
    sim = run(Response([GetDigits(action=ACTION, play_beep=True, timeout=2, children=[PROMPT])]))
    assert sim.calls["alice"].inputs[0].at == 1.2 + 0.5 + 2


def test_I1_without_action_the_keys_go_nowhere():
    sim = run(Response([GetDigits(num_digits=1), Speak("after")]), ("press", "1", 1))
    assert sim.requests == ()
    assert any("sent nowhere" in note.text for note in sim.notes)
    assert sim.calls["alice"].executed == ["GetDigits", "Speak"]


@settings(max_examples=60, deadline=None)
@given(
    keys=st.text(alphabet="0123456789*#", min_size=1, max_size=12),
    num_digits=st.integers(1, 12),
    finish=st.sampled_from(["#", "*", ""]),
)
def test_I1_digits_are_the_keys_before_the_finish_key_at_most_num_digits(keys, num_digits, finish):
    gather = GetDigits(action=ACTION, num_digits=num_digits, finish_on_key=finish, valid_digits="0123456789*#")
    sim = run(Response([gather]), ("press", keys, 1))
    before = keys.split(finish, 1)[0] if finish else keys
    expected = before[:num_digits]
    sent = [p["Digits"] for _, p in actions(sim)]
    assert sent == ([expected] if expected else [])


# -- I2: GetInput --------------------------------------------------------------------------


def test_I2_speech_is_sent_speech_end_timeout_after_the_phrase():
    gather = GetInput(action=ACTION, input_type="dtmf speech", speech_end_timeout=4, children=[PROMPT])
    sim = Simulation(urls={ACTION: NEXT})
    sim.call("alice", Response([gather]), hangup=100)
    sim.say("alice", "sales please", at=3, confidence=0.75)
    sim.run()
    [(at, params)] = actions(sim)
    assert at == 7
    own = {k: params[k] for k in ("InputType", "Digits", "Speech", "SpeechConfidenceScore", "BilledAmount")}
    assert own == {
        "InputType": "speech",
        "Digits": "",
        "Speech": "sales please",
        "SpeechConfidenceScore": "0.75",
        "BilledAmount": "0.00000",
    }


def test_I2_keys_end_digit_end_timeout_after_the_last_one():
    gather = GetInput(action=ACTION, input_type="dtmf", children=[PROMPT])  # digitEndTimeout auto: 5 s
    sim = run(Response([gather]), ("press", "12", 2))
    [(at, params)] = actions(sim)
    assert at == 7 and params["InputType"] == "dtmf" and params["Digits"] == "12" and params["Speech"] == ""


def test_I2_speech_only_ignores_keys_and_gives_up_after_execution_timeout():
    gather = GetInput(action=ACTION, input_type="speech", execution_timeout=5, children=[PROMPT])
    sim = run(Response([gather, Speak("bye")]), ("press", "1", 2))
    assert actions(sim) == []
    assert any("listens for speech only" in note.text for note in sim.notes)
    assert sim.calls["alice"].inputs[0].at == 1.2 + 5


def test_I2_without_input_type_it_is_skipped_with_a_note():
    sim = run(Response([GetInput(action=ACTION), Speak("after")]))
    assert sim.calls["alice"].executed == ["GetInput", "Speak"]
    assert any("no inputType" in note.text for note in sim.notes)


def test_I2_speech_when_nothing_listens_is_a_note():
    sim = run(Response([Speak("a b c d e f")]), ("say", "hello", 1))
    assert any("speech 'hello' ignored" in note.text for note in sim.notes)


@pytest.mark.parametrize("confidence", [-0.1, 1.5, True, "high", float("nan")])
def test_I2_a_confidence_outside_0_to_1_is_refused(confidence):
    sim = Simulation()
    sim.call("alice", Response([Speak("hi")]))
    with pytest.raises(SimulationError, match="confidence"):
        sim.say("alice", "hi", at=0, confidence=confidence)


# -- I3: Record --------------------------------------------------------------------------


def record_requests(sim: Simulation) -> list[tuple[str, float, dict[str, str]]]:
    return [(r.kind, r.at, r.params) for r in sim.requests if r.url in (ACTION, CALLBACK)]


def test_I3_recording_ends_after_timeout_seconds_of_silence():
    record = Record(action=ACTION, callback_url=CALLBACK, timeout=5)
    sim = run(Response([record]), ("talk", 10, 3))  # beep 0 to 0.5, talk 3 to 10
    [(kind, at, params), (kind2, at2, params2)] = record_requests(sim)
    assert (kind, at, kind2, at2) == ("action", 15, "callback", 15)
    assert params["RecordingDurationMs"] == "14500" and params["RecordingDuration"] == "15"  # half up
    assert params["Digits"] == "" and "Digits" not in params2
    assert int(params["RecordingEndMs"]) - int(params["RecordingStartMs"]) == 14500
    assert params["RecordUrl"].endswith(params["RecordingID"] + ".mp3")


def test_I3_a_finish_key_ends_it_and_is_sent():
    sim = run(Response([Record(action=ACTION, play_beep=False, file_format="wav")]), ("press", "3#", 4))
    [(_, at, params)] = record_requests(sim)
    assert at == 4 and params["Digits"] == "#" and params["RecordingDurationMs"] == "4000"
    assert params["RecordUrl"].endswith(".wav")
    assert any("key '3' ignored" in note.text for note in sim.notes)


def test_I3_max_length_ends_it_while_the_caller_talks():
    sim = run(Response([Record(action=ACTION, max_length=10)]), ("talk", 50, 0.2))
    [(_, at, params)] = record_requests(sim)
    assert at == 10.5 and params["RecordingDurationMs"] == "10000"


def test_I3_hanging_up_while_recording_sends_the_callback_only():
    record = Record(action=ACTION, callback_url=CALLBACK, play_beep=False)
    sim = run(Response([record]), ("talk", 30, 1), hangup=8)
    [(kind, at, params)] = record_requests(sim)
    assert (kind, at, params["RecordingDurationMs"], params["CallStatus"]) == ("callback", 8, "8000", "completed")


def test_I3_record_session_tells_the_action_at_once_and_the_callback_at_the_end():
    record = Record(action=ACTION, callback_url=CALLBACK, record_session=True)
    sim = run(Response([record, Speak("one two three four five")]), hangup=30)
    [(kind, at, params), (kind2, at2, params2)] = record_requests(sim)
    assert (kind, at) == ("action", 0)
    assert (params["RecordingDuration"], params["RecordingDurationMs"], params["RecordingEndMs"]) == ("-1",) * 3
    assert sim.calls["alice"].executed == ["Record", "Speak"]  # the action's document is not used
    assert (kind2, at2, params2["RecordingDurationMs"]) == ("callback", 2, "2000")


def test_I3_each_record_has_its_own_id():
    document = Response([Record(action=ACTION, max_length=2), Record(callback_url=CALLBACK, max_length=2)])
    sim = Simulation(urls={ACTION: "<Response><Record callbackUrl='https://app.example/callback'/></Response>"})
    sim.call("alice", document, hangup=60)
    sim.run()
    ids = [r.params["RecordingID"] for r in sim.requests]
    assert len(ids) == 2 and ids[0] != ids[1]


# -- I4: DTMF ----------------------------------------------------------------------------


def test_I4_dtmf_keys_reach_the_room_the_call_is_in():
    room = Conference("room", callback_url=CALLBACK, digits_match="12")
    sim = Simulation()
    sim.call("alice", Response([DTMF("12"), room]), hangup=10)
    sim.call("bob", Response([Conference("room")]), hangup=10)
    sim.run()
    digits = sim.callbacks("digits", call="alice")
    assert [(r.at, r.params["ConferenceDigitsMatch"]) for r in digits] == [(0.5, "12")]


def test_I4_dtmf_async_false_waits_and_outside_a_room_no_one_hears():
    sim = run(Response([DTMF("123", async_=False), Speak("after")]))
    assert sim.calls["alice"].ended_at == 0.75 + 1
    assert sum("no one hears it" in note.text for note in sim.notes) == 3


# -- I6: Message and Stream -----------------------------------------------------------------


def test_I6_a_message_is_sent_and_its_callback_told():
    # each status reached is one request (issue 19: the message status callbacks page);
    # tests/test_sim_round3.py checks every parameter
    message = Message("Your PIN is 4321", src="14155550000", dst="14155551234", callback_url=CALLBACK)
    sim = run(Response([message, Speak("after")]))
    assert [(r.kind, r.at, r.params["Status"]) for r in sim.requests] == [
        ("callback", 0, "queued"),
        ("callback", 1, "sent"),
        ("callback", 3, "delivered"),
    ]
    for request in sim.requests:
        assert (request.params["From"], request.params["To"], request.params["Units"]) == (
            "14155550000",
            "14155551234",
            "1",
        )
    assert any(e.kind == "message" and "Your PIN is 4321" in e.text for e in sim.timeline)


def test_I6_a_message_without_src_sends_nothing():
    sim = run(Response([Message("hi", dst="14155551234", callback_url=CALLBACK)]))
    assert sim.requests == ()
    assert any("nothing is sent" in note.text for note in sim.notes)


def test_I6_a_stream_reports_its_start_and_stop():
    stream = Stream("wss://media.example.com/s", statusCallbackUrl=CALLBACK)
    sim = run(Response([stream, Speak("one two three four five")]), hangup=30)
    events = [(r.at, r.kind, r.params["Event"]) for r in sim.requests]
    assert events == [(0, "status-callback", "StartStream"), (2, "status-callback", "StopStream")]


def test_I6_keep_call_alive_holds_the_call_on_the_stream():
    stream = Stream("wss://media.example.com/s", keepCallAlive=True, streamTimeout=20)
    sim = run(Response([stream, Speak("after")]), hangup=100)
    assert sim.calls["alice"].ended_at == 20 + 1


# -- scenario files ------------------------------------------------------------------------


def test_a_scenario_gives_speech(tmp_path: Path):
    gather = f'<Response><GetInput action="{ACTION}" inputType="speech"><Speak>Say it</Speak></GetInput></Response>'
    (tmp_path / "s.toml").write_text(
        "[[call]]\n"
        'name = "alice"\n'
        f"answer = '{gather}'\n"
        "hangup = 30\n"
        'speech = [{ at = 3, text = "billing", confidence = 0.8 }]\n'
        f'[urls]\n"{ACTION}" = "<Response><Speak>ok</Speak></Response>"\n',
        encoding="utf-8",
    )
    sim = load_scenario(tmp_path / "s.toml").run()
    [request] = sim.requests
    assert (request.at, request.params["Speech"], request.params["SpeechConfidenceScore"]) == (5, "billing", "0.8")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('speech = [{ at = 3 }]', "needs at = SECONDS and text"),
        ('speech = [{ at = 3, text = "x", confidence = 2 }]', "confidence must be a number from 0 to 1"),
        ('speech = [{ at = 3, text = "x", loud = true }]', "unknown key 'loud'"),
    ],
)
def test_bad_speech_in_a_scenario_is_refused_at_its_line(tmp_path: Path, line: str, message: str):
    (tmp_path / "s.toml").write_text(
        f'[[call]]\nname = "alice"\nanswer = "<Response><Speak>hi</Speak></Response>"\n{line}\n', encoding="utf-8"
    )
    with pytest.raises(ScenarioError, match=message) as caught:
        load_scenario(tmp_path / "s.toml")
    assert str(caught.value).startswith(f"{tmp_path / 's.toml'}:4:")


# -- the PIN tutorial (examples/pin) ----------------------------------------------------------


def test_the_pin_tutorial_scenario_runs_the_app_through_every_step():
    pytest.importorskip("flask")
    sim = load_scenario(Path(__file__).resolve().parent.parent / "examples" / "pin" / "pin-conference.toml").run()
    pins = [(r.call, r.params["Digits"], r.status) for r in sim.requests if "/pin" in r.url]
    assert pins == [("guest", "9999", 200), ("guest", "2222", 200), ("host", "1111", 200)]
    waiting, talking = sim.probes
    assert waiting.audibility.instead("guest") == "waitSound:https://app.example/hold"
    assert talking.hears == {"guest": frozenset({"host"}), "host": frozenset({"guest"})}
    assert sim.calls["guest"].executed == ["GetDigits", "Speak", "GetDigits", "Speak", "Speak", "Conference"]


# -- the scenarios of examples/scenarios --------------------------------------------------------

SCENARIOS = Path(__file__).resolve().parent.parent / "examples" / "scenarios"


def test_the_ivr_menu_scenario():
    sim = load_scenario(SCENARIOS / "ivr-menu.toml").run()
    sent = {r.call: (r.at, r.params.get("Digits"), r.params.get("Speech")) for r in sim.requests}
    assert sent == {"keys": (1, "2", None), "speaker": (6, "", "sales")}
    assert sim.calls["keys"].rooms == sim.calls["speaker"].rooms == ["queue"]
    silent = sim.calls["silent"]
    assert silent.inputs[0].gave_up and silent.executed[-1] == "Speak" and silent.rooms == []


def test_the_ivr_voicemail_scenario():
    sim = load_scenario(SCENARIOS / "ivr-voicemail.toml").run()
    assert [(r.kind, r.at, r.params["RecordingDurationMs"]) for r in sim.requests] == [
        ("action", 17, "13700"),
        ("callback", 17, "13700"),
    ]


def test_the_ivr_signals_scenario():
    sim = load_scenario(SCENARIOS / "ivr-signals.toml").run()
    assert [r.params["ConferenceDigitsMatch"] for r in sim.callbacks("digits")] == ["12"]
    assert [r.params["Event"] for r in sim.requests if r.kind == "status-callback"] == ["StartStream", "StopStream"]
    # one request per status reached, as the message status callbacks page says (issue 19)
    statuses = ["queued", "sent", "delivered"]
    assert [r.params["Status"] for r in sim.requests if r.url == "https://example.com/sms"] == statuses


# -- I3 with audio: what a <Record> holds ------------------------------------------------------


def test_I3_a_record_holds_what_the_caller_says_while_it_runs():
    np = pytest.importorskip("numpy")
    sim = Simulation(urls={ACTION: "<Response/>"})
    sim.call("alice", Response([Record(action=ACTION, play_beep=False, max_length=4)]), hangup=20)
    sim.voice("alice", tone=440)
    sim.talk("alice", start=1, end=3)
    sim.run()
    [request] = sim.requests
    tape = sim.audio().recordings[request.params["RecordingID"]]
    rate = sim.sample_rate
    assert len(tape) == 4 * rate  # the recording's length, not the call's
    assert np.abs(tape[: rate - 10]).max() == 0  # silent before the talk spurt
    assert np.abs(tape[rate : 3 * rate]).max() > 1000  # the tone while talking
    assert np.abs(tape[3 * rate + 10 :]).max() == 0  # silent again after it


def test_I3_a_record_session_holds_what_the_call_hears_too():
    np = pytest.importorskip("numpy")
    sim = Simulation()
    document = Response([Record(record_session=True, callback_url=CALLBACK), Speak("one two three four five")])
    sim.call("alice", document, hangup=30)
    sim.run()
    [request] = sim.requests
    tape = sim.audio().recordings[request.params["RecordingID"]]
    assert len(tape) == 2 * sim.sample_rate and np.abs(tape).max() > 0  # the 2 s prompt (a placeholder voice)


def test_a_speak_made_of_ssml_lasts_as_long_as_its_words():
    from plivoxml_plus.elements import Emphasis, S

    durations = DurationModel()
    ssml = Speak(children=[S("one two three four"), Emphasis("five six seven eight nine ten")])
    assert durations.ms(ssml) == 4000  # ten words at 2.5 a second
    assert durations.ms(Speak("one two three four five six seven eight nine ten")) == 4000


def test_I3_start_on_dial_answer_records_from_the_answer_to_the_end():
    from plivoxml_plus import Dial

    document = Response(
        [
            Record(action=ACTION, callback_url=CALLBACK, start_on_dial_answer=True),
            Dial(timeout=20).add_number("15551230000"),
        ]
    )
    sim = Simulation(urls={ACTION: NEXT})
    sim.call("alice", document, hangup=30)
    sim.callee("agent", "15551230000", ring=4)
    sim.run()
    [(kind, at, params), (kind2, at2, params2)] = record_requests(sim)
    assert (kind, at, params["RecordingStartMs"], params["RecordingDurationMs"]) == ("action", 0, "-1", "-1")
    assert (kind2, at2, params2["RecordingDurationMs"]) == ("callback", 30, "26000")  # answered at 4


def test_I3_start_on_dial_answer_without_an_answer_records_nothing():
    sim = run(Response([Record(callback_url=CALLBACK, start_on_dial_answer=True), Speak("no dial here")]))
    assert record_requests(sim) == []
    assert any("nothing recorded" in note.text for note in sim.notes)
