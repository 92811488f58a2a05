"""The REST operations issue 18 item 1 still listed as "not served": recording a
call through the Call API (rule I3); a MultiPartyCall participant's recording and
audio played to members (rule M7). Each is driven through plivo-python's own
RestClient: the request it sends is compared with Plivo's documented parameters,
the effect is read from the simulation (callbacks, timeline, audio), and refusals
are plivo-python's own exceptions.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plivo.exceptions import InvalidRequestError, ResourceNotFoundError, ValidationError

from plivoxml_plus import DurationModel, Simulation
from tests.test_rest_api import BASE, spy

CALLBACK = f"{BASE}/recorded"
HANGUP = f"{BASE}/hangup"
TALKER = "<Response><Speak>one two three four five</Speak><Wait length='60'/></Response>"

# Plivo's "Start recording a call" (POST /Call/{call_uuid}/Record/): its arguments
# (and record_channel_type, which plivo-python sends), and what its callback_url is told
RECORD_PARAMS = {
    "time_limit", "file_format", "transcription_type", "transcription_url", "transcription_method",
    "transcription_report_type", "callback_url", "callback_method", "record_channel_type",
}  # fmt: skip
RECORD_CALLBACK = {
    "api_id", "record_url", "call_uuid", "recording_id", "recording_duration", "recording_duration_ms",
    "recording_start_ms", "recording_end_ms",
}  # fmt: skip


def recorded(sim: Simulation) -> list[Any]:
    return [r for r in sim.requests if r.url == CALLBACK]


# -- Calls: record / record_stop (I3) -------------------------------------------------------------


def test_a_call_recorded_through_the_api_until_stopped_tells_its_callback():
    sim = Simulation(urls={CALLBACK: "<Response/>"})
    client = sim.rest_client()
    a = sim.call("a", TALKER)
    sim.run(until=1)
    sent = spy(client)
    started = client.calls.record(a.uuid, time_limit=30, file_format="wav", callback_url=CALLBACK)
    assert sent[0][:2] == ("POST", f"Call/{a.uuid}/Record/") and set(sent[0][2]) - {"call_uuid"} <= RECORD_PARAMS
    assert started.message == "call recording started"
    assert started.url.endswith(f"/{started.recording_id}.wav")
    sim.run(until=5)
    assert client.calls.record_stop(a.uuid) is None  # 204
    assert sent[1][:2] == ("DELETE", f"Call/{a.uuid}/Record/")
    sim.run()
    (callback,) = recorded(sim)
    assert (callback.at, callback.method, callback.call) == (5, "POST", "a")
    assert set(callback.params) == RECORD_CALLBACK  # the documented names only, no call parameters
    assert callback.params["api_id"] == started.api_id  # "the same api_id returned by the Record API"
    assert callback.params["recording_id"] == started.recording_id
    assert callback.params["record_url"] == started.url
    assert callback.params["call_uuid"] == a.uuid
    assert callback.params["recording_duration"] == "4"
    assert callback.params["recording_duration_ms"] == "4000"
    start, end = int(callback.params["recording_start_ms"]), int(callback.params["recording_end_ms"])
    assert end - start == 4000
    events = [(e.at, e.text) for e in sim.timeline if e.kind == "record"]
    assert events == [
        (1, f"REST record: the call is recorded from t=1 ({started.recording_id})"),
        (5, "REST record ends (stopped by the REST API) after 4 s"),
    ]


def test_a_recording_stops_at_its_time_limit_by_default_60_s_or_with_its_call():
    sim = Simulation(urls={CALLBACK: "<Response/>", HANGUP: "<Response/>"})
    client = sim.rest_client()
    a = sim.call("a", TALKER)
    b = sim.call("b", TALKER, hangup=20, hangup_url=HANGUP)
    sim.run(until=2)
    client.calls.record(a.uuid, callback_url=CALLBACK, callback_method="GET")
    client.calls.record(b.uuid, time_limit=100, callback_url=CALLBACK)
    sim.run()
    by_call = {r.call: r for r in recorded(sim)}
    assert (by_call["a"].at, by_call["a"].method, by_call["a"].params["recording_duration"]) == (62, "GET", "60")
    assert (by_call["b"].at, by_call["b"].params["recording_duration"]) == (20, "18")
    # the call's recording is told before its hangup_url (the recording stops as the call ends)
    b_requests = [r.url for r in sim.requests if r.call == "b"]
    assert b_requests == [CALLBACK, HANGUP]
    assert ("record", "REST record ends (the call ended) after 18 s") in [(e.kind, e.text) for e in sim.timeline]


def test_a_recording_holds_what_the_call_hears():
    np = pytest.importorskip("numpy")
    sim = Simulation()
    client = sim.rest_client()
    # (outbound: an inbound call's first Wait would hold its answer, I7)
    document = "<Response><Wait length='1'/><Speak>one two three four five</Speak><Wait length='9'/></Response>"
    a = sim.call("a", document, direction="outbound")
    sim.run(until=0)
    started = client.calls.record(a.uuid, time_limit=4)
    sim.run()
    tape = sim.audio().recordings[started.recording_id]
    rate = sim.sample_rate
    assert len(tape) == 4 * rate  # from t=0 to its time limit
    assert np.abs(tape[: rate - 10]).max() == 0  # the silent first second
    assert np.abs(tape[rate + 10 : 3 * rate - 10]).max() > 0  # the 2 s prompt the call heard


def test_several_recordings_of_a_call_and_stopping_one_by_its_url():
    sim = Simulation(urls={CALLBACK: "<Response/>"})
    client = sim.rest_client()
    a = sim.call("a", TALKER)
    sim.run(until=0)
    first = client.calls.record(a.uuid, callback_url=CALLBACK)
    sim.run(until=3)
    second = client.calls.record(a.uuid, callback_url=CALLBACK, file_format="mp3")
    assert second.recording_id != first.recording_id and second.api_id != first.api_id
    sim.run(until=4)
    client.request("DELETE", ("Call", a.uuid, "Record"), {"URL": first.url}, is_voice_request=True)
    sim.run(until=6)
    client.calls.record_stop(a.uuid)
    sim.run(until=7)
    assert [(r.at, r.params["recording_id"]) for r in recorded(sim)] == [
        (4, first.recording_id),
        (6, second.recording_id),
    ]
    with pytest.raises(ResourceNotFoundError):  # nothing is being recorded any more
        client.calls.record_stop(a.uuid)
    assert "has no recording the API started" in sim.notes[-1].text


def test_record_refusals_are_plivo_pythons_own_exceptions():
    sim = Simulation()
    client = sim.rest_client()
    a = sim.call("a", "<Response><Wait length='5'/></Response>")
    with pytest.raises(ResourceNotFoundError):
        client.calls.record("no-such-call")
    with pytest.raises(ValidationError, match="file_format = 'ogg' is not allowed; allowed: mp3 or wav"):
        client.calls.record(a.uuid, file_format="ogg")
    with pytest.raises(ValidationError, match="time_limit"):
        client.calls.record(a.uuid, time_limit=0)
    with pytest.raises(ValidationError, match="callback_url"):
        client.request("POST", ("Call", a.uuid, "Record"), {"callback_url": "nowhere"}, is_voice_request=True)
    with pytest.raises(InvalidRequestError, match="transcription of a call recording"):
        client.calls.record(a.uuid, transcription_url=CALLBACK)
    with pytest.raises(ResourceNotFoundError):
        client.calls.record_stop(a.uuid)  # nothing recorded yet
    sim.run()
    with pytest.raises(ResourceNotFoundError):
        client.calls.record(a.uuid)  # the call has ended
    assert [e for e in sim.timeline if e.kind == "record"] == []


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(st.sampled_from(["record", "stop", "run"]), st.integers(1, 20)), max_size=12),
    st.integers(5, 60),
)
def test_every_recording_tells_its_callback_once_with_consistent_figures(steps: list[tuple[str, int]], end: int):
    sim = Simulation(urls={CALLBACK: "<Response/>"})
    client = sim.rest_client()
    a = sim.call("a", TALKER, hangup=end)
    started: dict[str, tuple[float, int]] = {}
    now = 0.0
    for action, value in steps:
        try:
            if action == "record":
                answer = client.calls.record(a.uuid, time_limit=value, callback_url=CALLBACK)
                started[answer.recording_id] = (now, value)
            elif action == "stop":
                client.calls.record_stop(a.uuid)
            else:
                now += value
                sim.run(until=now)
        except ResourceNotFoundError:
            pass  # the call has ended, or nothing was being recorded
    sim.run()
    callbacks = recorded(sim)
    assert sorted(r.params["recording_id"] for r in callbacks) == sorted(started)
    for request in callbacks:
        at, limit = started[request.params["recording_id"]]
        took = int(request.params["recording_duration_ms"])
        assert took == round((request.at - at) * 1000) and 0 <= took <= limit * 1000
        assert request.at <= end


# -- MultiPartyCall: a participant's recording (M7) ------------------------------------------------

RECORDINGS = f"{BASE}/recordings"
MPC_RECORDINGS = f"{BASE}/mpc-recordings"
# Plivo's "Start participant-level recording" arguments (and what plivo-python sends besides:
# the MPC and participant it names, the asynchronous mode's callback)
PARTICIPANT_RECORD_PARAMS = {
    "file_format", "recording_callback_url", "recording_callback_method", "record_track_type",
    "transcription_url", "transcript", "callback_url", "callback_method",
}  # fmt: skip
IDENTIFIERS = {"uuid", "friendly_name", "participant_id"}


def desk(
    *, recording_callback: str | None = None, durations: DurationModel | None = None
) -> tuple[Simulation, Any, dict[str, str]]:
    """An MPC "desk" with a customer and an agent in it at t=1; the member id of each."""
    callback = "" if recording_callback is None else f" recordingCallbackUrl='{recording_callback}'"
    sim = Simulation(urls={RECORDINGS: "<Response/>", MPC_RECORDINGS: "<Response/>"}, durations=durations)
    for role in ("customer", "agent"):
        sim.call(role, f"<Response><MultiPartyCall role='{role}'{callback}>desk</MultiPartyCall></Response>")
    sim.run(until=1)
    client = sim.rest_client()
    members = {p.call_uuid: p.member_id for p in client.multi_party_calls.list_participants(friendly_name="desk")}
    return sim, client, {name: members[sim.calls[name].uuid] for name in ("customer", "agent")}


def test_a_participants_recording_started_paused_resumed_and_stopped_through_the_api():
    sim, client, member = desk(recording_callback=MPC_RECORDINGS)
    sent = spy(client)
    agent = member["agent"]
    started = client.multi_party_calls.start_participant_recording(
        agent, friendly_name="desk", file_format="wav", recording_callback_url=RECORDINGS
    )
    assert sent[0][:2] == ("POST", f"MultiPartyCall/name_desk/Participant/{agent}/Record/")
    assert set(sent[0][2]) <= PARTICIPANT_RECORD_PARAMS
    assert started.message == "MPC: desk record started"
    assert started.recording_url.endswith(f"/{started.recording_id}.wav")
    sim.run(until=3)
    assert client.multi_party_calls.pause_participant_recording(agent, friendly_name="desk") is None  # 204
    assert sent[-1][:2] == ("POST", f"MultiPartyCall/name_desk/Participant/{agent}/Record/Pause/")
    sim.run(until=5)
    client.multi_party_calls.resume_participant_recording(agent, friendly_name="desk")
    assert sent[-1][:2] == ("POST", f"MultiPartyCall/name_desk/Participant/{agent}/Record/Resume/")
    sim.run(until=9)
    client.multi_party_calls.stop_participant_recording(agent, friendly_name="desk")
    assert sent[-1][:2] == ("DELETE", f"MultiPartyCall/name_desk/Participant/{agent}/Record/")
    assert all(set(body) - IDENTIFIERS <= PARTICIPANT_RECORD_PARAMS for _, _, body in sent)
    sim.run(until=10)
    events = [(r.at, r.params["EventName"]) for r in sim.requests if r.url == RECORDINGS]
    assert events == [
        (1, "ParticipantRecordingInitiated"),
        (3, "ParticipantRecordingPaused"),
        (5, "ParticipantRecordingResumed"),
        (9, "ParticipantRecordingCompleted"),
    ]
    completed = sim.recording_callbacks("ParticipantRecordingCompleted")[-1]
    assert completed.params["MemberID"] == agent and completed.params["ParticipantCallUUID"] == sim.calls["agent"].uuid
    assert completed.params["RecordingUUID"] == started.recording_id
    assert completed.params["RecordingURL"] == started.recording_url
    assert completed.params["RecordingFormat"] == "wav"
    assert completed.params["RecordingDuration"] == "6"  # 8 s, less the 2 s paused
    assert [r for r in sim.requests if r.url == MPC_RECORDINGS] == []  # its own callback, not the MPC's


def test_a_participant_recording_is_its_own_the_mpcs_recording_leaves_it_be():
    sim, client, member = desk(recording_callback=MPC_RECORDINGS)
    customer = member["customer"]
    client.multi_party_calls.start_participant_recording(customer, friendly_name="desk")  # no URL: the MPC's
    client.multi_party_calls.start_recording(friendly_name="desk")
    sim.run(until=4)
    client.multi_party_calls.stop_recording(friendly_name="desk")
    sim.run(until=6)
    client.calls.hangup(sim.calls["customer"].uuid)  # its recording completes as it leaves
    sim.run(until=7)
    events = [(r.at, r.params["EventName"]) for r in sim.requests if r.url == MPC_RECORDINGS]
    assert events == [
        (1, "ParticipantRecordingInitiated"),
        (1, "MPCRecordingInitiated"),
        (4, "MPCRecordingCompleted"),
        (6, "ParticipantRecordingCompleted"),
    ]


def test_participant_recording_refusals_and_notes():
    sim, client, member = desk()
    agent = member["agent"]
    with pytest.raises(ResourceNotFoundError):
        client.multi_party_calls.start_participant_recording("99", friendly_name="desk")
    with pytest.raises(ResourceNotFoundError):
        client.multi_party_calls.start_participant_recording(agent, friendly_name="nowhere")
    with pytest.raises(ValidationError, match="file_format = 'ogg' is not allowed; allowed: mp3 or wav"):
        client.request(
            "POST", ("MultiPartyCall", "name_desk", "Participant", agent, "Record"), {"file_format": "ogg"},
            is_voice_request=True,
        )  # fmt: skip
    with pytest.raises(ValidationError, match="record_track_type = 'some'"):
        client.multi_party_calls.start_participant_recording(agent, friendly_name="desk", record_track_type="some")
    with pytest.raises(ValidationError, match="recording_callback_url"):
        client.request(
            "POST", ("MultiPartyCall", "name_desk", "Participant", agent, "Record"),
            {"recording_callback_url": "nowhere"}, is_voice_request=True,
        )  # fmt: skip
    with pytest.raises(InvalidRequestError, match="transcription"):
        client.multi_party_calls.start_participant_recording(agent, friendly_name="desk", transcript=True)
    with pytest.raises(ValidationError, match="one participant"):
        client.multi_party_calls.start_participant_recording("all", friendly_name="desk")
    client.multi_party_calls.stop_participant_recording(agent, friendly_name="desk")
    sim.run(until=2)
    assert sim.notes[-1].text == "recording stop of member 2 of MPC 'desk' ignored: it is not being recorded"
    assert sim.recording_callbacks() == []


# -- MultiPartyCall: audio played to members -------------------------------------------------------


def test_play_audio_to_a_member_is_heard_by_it_until_it_ends_or_stops():
    sim, client, member = desk(durations=DurationModel(play_seconds={f"{BASE}/hold.mp3": 30}))
    sent = spy(client)
    customer = member["customer"]
    played = client.multi_party_calls.start_play_audio(customer, friendly_name="desk", url=f"{BASE}/hold.mp3")
    assert sent[0][:2] == ("POST", f"MultiPartyCall/name_desk/Member/{customer}/Play/")
    assert set(sent[0][2]) - IDENTIFIERS == {"url"}
    assert (played.message, played.mpcMemberId, played.mpcName) == ("play queued into MPC", [customer], "desk")
    sim.run(until=5)
    assert client.multi_party_calls.stop_play_audio(customer, friendly_name="desk") is None  # 204
    assert sent[-1][:2] == ("DELETE", f"MultiPartyCall/name_desk/Member/{customer}/Play/")
    sim.run(until=6)
    client.multi_party_calls.start_play_audio("all", friendly_name="desk", url=f"{BASE}/hold.mp3")
    sim.run(until=40)
    events = [(e.at, e.call, e.kind, e.text) for e in sim.timeline if e.text.startswith("REST")]
    assert events == [
        (1, None, "api", "REST play audio on MPC 'desk'"),
        (1, "customer", "api", f"REST play '{BASE}/hold.mp3' into the call (30 s, mixed with the call's audio)"),
        (5, None, "api", "REST stop play audio on MPC 'desk'"),
        (5, "customer", "api", "REST play stopped"),
        (6, None, "api", "REST play audio on MPC 'desk'"),
        (6, "customer", "api", f"REST play '{BASE}/hold.mp3' into the call (30 s, mixed with the call's audio)"),
        (6, "agent", "api", f"REST play '{BASE}/hold.mp3' into the call (30 s, mixed with the call's audio)"),
        (36, "customer", "sound", "REST play ended"),
        (36, "agent", "sound", "REST play ended"),
    ]


def test_play_audio_refusals():
    sim, client, member = desk()
    with pytest.raises(ResourceNotFoundError):
        client.multi_party_calls.start_play_audio("99", friendly_name="desk", url=f"{BASE}/a.mp3")
    with pytest.raises(ValidationError, match="url is required"):
        client.request("POST", ("MultiPartyCall", "name_desk", "Member", "1", "Play"), {}, is_voice_request=True)
    with pytest.raises(ValidationError, match="url"):
        client.request(
            "POST", ("MultiPartyCall", "name_desk", "Member", "1", "Play"), {"url": "ftp://x/a.mp3"},
            is_voice_request=True,
        )  # fmt: skip
    with pytest.raises(ResourceNotFoundError):
        client.multi_party_calls.stop_play_audio(member["agent"], friendly_name="elsewhere")
    client.multi_party_calls.stop_play_audio(member["agent"], friendly_name="desk")
    sim.run(until=2)
    assert sim.notes[-1].text == "REST stop play audio: nothing was playing; nothing changes"


# -- Calls: transfer of a Dial's B leg (I5) --------------------------------------------------------

DIAL = (
    f"<Response><Dial action='{BASE}/dialed' redirect='false'><Number>15550000002</Number></Dial>"
    "<Speak>after</Speak></Response>"
)
SURVEY = "<Response><Speak>How did we do?</Speak><Wait length='30'/></Response>"
QUEUE = "<Response><Speak>Please hold</Speak><Wait length='30'/></Response>"


def dialled() -> tuple[Simulation, Any, Any, Any]:
    """A caller connected by a Dial to a callee at t=2; (sim, client, caller, callee)."""
    sim = Simulation(
        urls={f"{BASE}/dialed": "<Response/>", f"{BASE}/survey": SURVEY, f"{BASE}/queue": QUEUE, HANGUP: "<Response/>"}
    )
    caller = sim.call("caller", DIAL)
    callee = sim.callee("callee", "15550000002", ring=2)
    sim.run(until=5)
    assert sim.hears()["caller"] == {"callee"}
    return sim, sim.rest_client(), caller, callee


def test_a_transfer_of_the_b_leg_moves_the_callee_to_new_xml_and_ends_the_callers_dial():
    sim, client, caller, callee = dialled()
    sent = spy(client)
    moved = client.calls.transfer(caller.uuid, legs="bleg", bleg_url=f"{BASE}/survey", bleg_method="GET")
    assert moved.message == "call transferred" and set(sent[0][2]) - {"call_uuid"} <= {
        "legs", "aleg_url", "aleg_method", "bleg_url", "bleg_method",
    }  # fmt: skip
    sim.run(until=5.5)
    assert sim.hears()["caller"] == frozenset() and sim.hears()["callee"] == frozenset()
    (survey,) = sim.requests_to(f"{BASE}/survey")
    assert (survey.at, survey.method, survey.kind, survey.params["CallUUID"]) == (5, "GET", "answer", callee.uuid)
    (action,) = sim.requests_to(f"{BASE}/dialed")  # the caller's Dial ends as when the callee leaves it
    assert (action.at, action.params["DialStatus"], action.params["DialBLegUUID"]) == (5, "completed", callee.uuid)
    sim.run()
    assert caller.executed == ["Dial", "Speak"] and callee.executed == ["Speak", "Wait"]
    # not hung up by the Dial: it ran the survey (its 30 s Wait from t=5) to its end
    assert callee.end_reason == "end of document" and callee.ended_at is not None and callee.ended_at > 35
    assert ("dial", "<Dial>: callee is transferred by the REST API") in [(e.kind, e.text) for e in sim.timeline]


def test_a_transfer_of_both_legs_moves_each_with_no_dial_action():
    sim, client, caller, callee = dialled()
    client.calls.transfer(
        caller.uuid, legs="both", aleg_url=f"{BASE}/queue", bleg_url=f"{BASE}/survey", aleg_method="POST"
    )
    sim.run(until=6)
    assert [r.url for r in sim.requests if r.at == 5] == [f"{BASE}/survey", f"{BASE}/queue"]
    assert sim.requests_to(f"{BASE}/dialed") == []  # the caller was transferred, not left by its callee
    sim.run()
    assert caller.executed == ["Dial", "Speak", "Wait"] and callee.executed == ["Speak", "Wait"]
    assert all(r.ended_at is not None and r.ended_at > 35 for r in (caller, callee))  # each ran its 30 s Wait


def test_b_leg_transfer_refusals():
    sim, client, caller, _ = dialled()
    with pytest.raises(ValidationError, match="bleg_url is required when legs is bleg"):
        client.request("POST", ("Call", caller.uuid), {"legs": "bleg"}, is_voice_request=True)
    with pytest.raises(ValidationError, match="aleg_url is required when legs is both"):
        client.request(
            "POST", ("Call", caller.uuid), {"legs": "both", "bleg_url": f"{BASE}/survey"}, is_voice_request=True
        )
    lone = sim.call("lone", "<Response><Wait length='30'/></Response>", at=5)
    sim.run(until=6)
    with pytest.raises(ValidationError, match="has no B leg"):
        client.calls.transfer(lone.uuid, legs="bleg", bleg_url=f"{BASE}/survey")
    with pytest.raises(ResourceNotFoundError):
        client.calls.transfer("no-such-call", legs="both", aleg_url=f"{BASE}/queue", bleg_url=f"{BASE}/survey")
    assert sim.requests_to(f"{BASE}/survey") == []
