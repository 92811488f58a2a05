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

from plivoxml_plus import Simulation
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
    a = sim.call("a", "<Response><Wait length='1'/><Speak>one two three four five</Speak><Wait length='9'/></Response>")
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
