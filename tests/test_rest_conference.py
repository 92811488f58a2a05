"""Plivo's Conference API served by the simulation (issue 18, item 1; rule C11),
driven through plivo-python's own ``RestClient``: each operation's request is
compared with Plivo's documented parameters, its answer with Plivo's, and its
effect read from the simulation (who hears whom, callbacks, memberships).
"""

from __future__ import annotations

from typing import Any

import flask
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plivo.exceptions import InvalidRequestError, PlivoRestError, ResourceNotFoundError, ValidationError

from plivoxml_plus import DurationModel, Simulation
from tests.test_rest_api import BASE, documents, spy

ROOM = f"<Response><Conference callbackUrl='{BASE}/events'>room</Conference><Speak>goodbye</Speak></Response>"
# Plivo's Conference API reference: the optional parameters of each member action and of
# get/list/hang up (asynchronous mode), and those of "Start recording a conference"
ASYNC_PARAMS = {"callback_url", "callback_method"}
RECORD_PARAMS = {
    "file_format", "transcription_type", "transcription_url", "transcription_method", "callback_url", "callback_method",
}  # fmt: skip
# what "Start recording a conference" says its callback_url receives (api_id aside: C11)
RECORD_CALLBACK_PARAMS = {
    "record_url", "recording_id", "conference_name", "recording_duration", "recording_duration_ms",
    "recording_start_ms", "recording_end_ms",
}  # fmt: skip
PATH_ARGS = {"conference_name", "member_id"}  # plivo-python sends its path arguments too


def three_in_a_room() -> tuple[Simulation, Any]:
    sim = Simulation(documents(events="<Response/>", recorded="<Response/>", hangup="<Response/>"))
    client = sim.rest_client()
    for name in ("a", "b", "c"):
        sim.call(name, ROOM)
    sim.run(until=5)
    return sim, client


def member_ids(client: Any) -> dict[str, str]:
    """{call_uuid: member_id} as the API lists the room's members."""
    return {m["call_uuid"]: m["member_id"] for m in client.conferences.get("room").members}


def test_get_and_list_show_the_conference_and_its_members():
    sim, client = three_in_a_room()
    sent = spy(client)
    assert client.conferences.list().conferences == ["room"]
    room = client.conferences.get("room")
    assert [request[:2] for request in sent] == [("GET", "Conference/"), ("GET", "Conference/room/")]
    assert all(set(params) <= ASYNC_PARAMS | PATH_ARGS for _, _, params in sent)
    assert (room.conference_name, room.conference_run_time, room.conference_member_count) == ("room", "5", "3")
    a = sim.calls["a"]
    first = room.members[0]
    assert vars(first) == {
        "muted": False, "member_id": "1", "deaf": False, "from": a.from_, "to": a.to, "caller_name": a.from_,
        "direction": "inbound", "call_uuid": a.uuid, "join_time": "5",
    }  # fmt: skip
    assert [m["member_id"] for m in room.members] == [m.member_id for r in sim.calls.values() for m in r.memberships]


def test_C11_mute_and_unmute_change_who_hears_the_member():
    sim, client = three_in_a_room()
    assert sim.hears()["b"] == {"a", "c"}
    sent = spy(client)
    muted = client.conferences.member_mute("room", "1")
    assert (muted.message, muted.member_id) == ("muted", ["1"])
    assert sent[0][:2] == ("POST", "Conference/room/Member/1/Mute/")
    assert set(sent[0][2]) <= ASYNC_PARAMS | PATH_ARGS
    sim.run(until=6)
    assert sim.hears() == {"a": {"b", "c"}, "b": {"c"}, "c": {"b"}}
    assert client.conferences.get("room").members[0]["muted"] is True
    assert client.conferences.member_mute_stop("room", "1") is None  # 204
    assert sent[-1][:2] == ("DELETE", "Conference/room/Member/1/Mute/")
    sim.run(until=7)
    assert sim.hears()["b"] == {"a", "c"}
    assert sim.hears(at=5.5)["b"] == {"c"}  # (the history keeps what was heard meanwhile)


def test_C11_a_deaf_member_hears_nothing_and_is_still_heard():
    sim, client = three_in_a_room()
    deaf = client.conferences.member_deaf("room", "2")
    assert (deaf.message, deaf.member_id) == ("deaf", ["2"])
    sim.run(until=6)
    assert sim.hears() == {"a": {"b", "c"}, "b": frozenset(), "c": {"a", "b"}}
    assert sim.audibility().instead("b") == "silence"
    assert client.conferences.get("room").members[1]["deaf"] is True
    client.conferences.member_deaf_stop("room", "2")
    sim.run(until=7)
    assert sim.hears()["b"] == {"a", "c"}


def test_C11_several_members_and_all():
    sim, client = three_in_a_room()
    assert client.conferences.member_mute("room", "1,3").member_id == ["1", "3"]
    sim.run(until=6)
    assert sim.hears() == {"a": {"b"}, "b": frozenset(), "c": {"b"}}
    assert client.conferences.member_deaf("room", "all").member_id == ["1", "2", "3"]
    sim.run(until=7)
    assert all(heard == frozenset() for heard in sim.hears().values())


def test_C11_kick_takes_the_member_out_and_its_call_goes_on():
    sim, client = three_in_a_room()
    sent = spy(client)
    kicked = client.conferences.member_kick("room", "3")
    assert (kicked.message, kicked.member_id) == ("kicked", ["3"])
    assert sent[0][:2] == ("POST", "Conference/room/Member/3/Kick/")
    sim.run(until=8)
    c = sim.calls["c"]
    assert (c.memberships[0].left_at, c.memberships[0].exit_reason) == (5, "kicked by the Conference API")
    assert (c.executed, c.end_reason) == (["Conference", "Speak"], "end of document")  # it spoke its goodbye
    assert sim.hears() == {"a": {"b"}, "b": {"a"}}
    (exit_event,) = sim.callbacks("exit", call="c")
    assert exit_event.params["ConferenceMemberID"] == "3"
    assert set(member_ids(client).values()) == {"1", "2"}
    with pytest.raises(ResourceNotFoundError):
        client.conferences.member_kick("room", "3")


def test_C11_member_hangup_ends_the_members_call():
    sim, client = three_in_a_room()
    sent = spy(client)
    assert client.conferences.member_hangup("room", "2") is None
    assert sent[0][:2] == ("DELETE", "Conference/room/Member/2/")
    sim.run(until=6)
    b = sim.calls["b"]
    assert (b.ended_at, b.end_reason, b.executed) == (5, "hung up by the Conference API", ["Conference"])
    assert b.memberships[0].left_at == 5 and set(member_ids(client).values()) == {"1", "3"}

    # the Application's hangup_url hears of it as of any hangup by the API (P1)
    d = sim.call("d", ROOM, at=6, hangup_url=f"{BASE}/hangup")
    sim.run(until=7)
    client.conferences.member_hangup("room", "4")
    sim.run(until=8)
    (hangup,) = sim.requests_to(f"{BASE}/hangup")
    cause = [hangup.params[k] for k in ("HangupCause", "HangupCauseName", "HangupSource")]
    assert (hangup.at, hangup.params["CallUUID"], cause) == (
        7,
        d.uuid,
        ["NORMAL_CLEARING", "Normal Hangup", "API Request"],
    )


def test_C11_hangup_ends_the_conference_and_its_members_go_on():
    sim, client = three_in_a_room()
    assert client.conferences.hangup("room") is None
    sim.run(until=6)
    assert [e.text for e in sim.timeline if e.kind == "end"] == [
        "conference 'room' ended: hung up by the Conference API"
    ]
    assert all(r.memberships[0].exit_reason == "the conference ended" for r in sim.calls.values())
    assert all(r.executed == ["Conference", "Speak"] for r in sim.calls.values())
    assert client.conferences.list().conferences == []
    with pytest.raises(ResourceNotFoundError):
        client.conferences.get("room")


def test_hangup_all_ends_every_conference():
    sim = Simulation()
    client = sim.rest_client()
    for name, room in (("a", "one"), ("b", "one"), ("c", "two"), ("d", "two")):
        sim.call(name, f"<Response><Conference>{room}</Conference></Response>")
    sim.run(until=1)
    assert client.conferences.list().conferences == ["one", "two"]
    assert client.conferences.delete_all() is None
    sim.run(until=2)
    assert client.conferences.list().conferences == [] and all(r.ended_at == 1 for r in sim.calls.values())


def test_C11_record_and_stop_send_the_apis_recording_callback():
    sim, client = three_in_a_room()
    sent = spy(client)
    started = client.conferences.record(
        "room", file_format="wav", callback_url=f"{BASE}/recorded", callback_method="POST"
    )
    assert sent[0][:2] == ("POST", "Conference/room/Record/") and set(sent[0][2]) <= RECORD_PARAMS | PATH_ARGS
    assert started.message == "conference recording started"
    assert started.url.endswith(f"{started.recording_id}.wav")
    sim.run(until=12)
    with pytest.raises(ValidationError, match="already being recorded"):
        client.conferences.record("room")
    assert client.conferences.record_stop("room") is None
    assert sent[-1][:2] == ("DELETE", "Conference/room/Record/")
    sim.run(until=13)
    (callback,) = sim.requests_to(f"{BASE}/recorded")
    assert (callback.at, callback.method, set(callback.params)) == (12, "POST", RECORD_CALLBACK_PARAMS)
    assert callback.params["recording_id"] == started.recording_id and callback.params["record_url"] == started.url
    assert (callback.params["recording_duration"], callback.params["recording_duration_ms"]) == ("7", "7000")
    ms = int(callback.params["recording_end_ms"]) - int(callback.params["recording_start_ms"])
    assert ms == 7000 and callback.params["conference_name"] == "room"
    assert [e.text for e in sim.timeline if e.kind == "record"] == [
        "recording of 'room' started",
        "recording of 'room' stopped (7 s)",
    ]
    with pytest.raises(ResourceNotFoundError):
        client.conferences.record_stop("room")  # nothing records it now


def test_C11_a_recording_the_api_started_stops_when_the_conference_ends():
    sim, client = three_in_a_room()
    client.conferences.record("room", callback_url=f"{BASE}/recorded")
    sim.run(until=8)
    client.conferences.hangup("room")
    sim.run(until=9)
    (callback,) = sim.requests_to(f"{BASE}/recorded")
    assert (callback.at, callback.params["recording_duration"]) == (8, "3")


def test_C11_play_and_speak_to_members_are_heard_by_those_members():
    sim = Simulation(documents(events="<Response/>"), durations=DurationModel(play_seconds={f"{BASE}/tune.mp3": 8}))
    client = sim.rest_client()
    for name in ("a", "b", "c"):
        sim.call(name, ROOM)
    sim.run(until=5)
    sent = spy(client)
    played = client.conferences.member_play("room", "1,2", f"{BASE}/tune.mp3")
    assert (played.message, played.member_id) == ("play queued into conference", ["1", "2"])
    assert sent[0][:2] == ("POST", "Conference/room/Member/1,2/Play/")
    assert set(sent[0][2]) <= {"url"} | ASYNC_PARAMS | PATH_ARGS
    spoken = client.conferences.member_speak("room", "3", "You are next", voice="MAN", language="en-GB")
    assert (spoken.message, spoken.member_id) == ("speak queued into conference", ["3"])
    assert set(sent[1][2]) <= {"text", "voice", "language"} | ASYNC_PARAMS | PATH_ARGS
    sim.run(until=7)
    assert client.conferences.member_play_stop("room", "2") is None
    assert sent[-1][:2] == ("DELETE", "Conference/room/Member/2/Play/")
    sim.run(until=20)
    sounds = [(e.at, e.call, e.text) for e in sim.timeline if e.kind in ("api", "sound") and e.call is not None]
    assert sounds == [
        (5, "a", f"REST play '{BASE}/tune.mp3' into the call (8 s, mixed with the call's audio)"),
        (5, "b", f"REST play '{BASE}/tune.mp3' into the call (8 s, mixed with the call's audio)"),
        (5, "c", "REST speak 'You are next' into the call (1.2 s, mixed with the call's audio)"),
        (6.2, "c", "REST speak ended"),
        (7, "b", "REST play stopped"),
        (13, "a", "REST play ended"),
    ]
    assert sim.hears() == {"a": {"b", "c"}, "b": {"a", "c"}, "c": {"a", "b"}}  # the room is unchanged


def test_refusals_are_plivos():
    sim, client = three_in_a_room()
    with pytest.raises(ResourceNotFoundError, match="not found"):
        client.conferences.get("nowhere")
    with pytest.raises(ResourceNotFoundError):
        client.conferences.member_mute("nowhere", "1")
    with pytest.raises(ResourceNotFoundError):
        client.conferences.member_mute("room", "1,9")
    assert "has no member '1,9'" in sim.notes[-1].text
    with pytest.raises(ValidationError, match="file_format = 'ogg'"):
        client.request("POST", ("Conference", "room", "Record"), {"file_format": "ogg"}, is_voice_request=True)
    with pytest.raises(ValidationError, match="callback_method"):
        client.request(
            "POST", ("Conference", "room", "Record"), {"callback_url": f"{BASE}/r", "callback_method": "PUT"},
            is_voice_request=True,
        )  # fmt: skip
    with pytest.raises(InvalidRequestError, match="asynchronous mode"):
        client.conferences.member_mute("room", "1", callback_url=f"{BASE}/async")
    with pytest.raises(ValidationError, match="url is required"):
        client.request("POST", ("Conference", "room", "Member", "1", "Play"), {}, is_voice_request=True)
    with pytest.raises(ValidationError, match="voice"):
        client.conferences.member_speak("room", "1", "hello", voice="ROBOT")
    sim.run(until=6)
    assert sim.hears()["b"] == {"a", "c"}  # nothing refused changed anything


def test_a_member_who_left_before_the_change_is_noted():
    sim, client = three_in_a_room()
    sim.hangup("a", at=5)  # due at t=5, like the mute below, but queued first
    client.conferences.member_mute("room", "1")
    sim.run(until=6)
    assert "member 1 has left 'room'" in sim.notes[-1].text


def test_C11_a_request_sees_what_earlier_requests_asked_though_not_yet_done():
    """Changes act through the clock; until they do, later requests are answered
    as the live API, taking them one at a time, would answer them."""
    sim, client = three_in_a_room()
    client.conferences.member_kick("room", "3")
    with pytest.raises(ResourceNotFoundError):
        client.conferences.member_mute("room", "3")  # asked to leave already
    assert client.conferences.member_mute("room", "all").member_id == ["1", "2"]
    assert [m["member_id"] for m in client.conferences.get("room").members] == ["1", "2"]
    client.conferences.record("room", callback_url=f"{BASE}/recorded")
    with pytest.raises(ValidationError, match="already being recorded"):
        client.conferences.record("room")
    client.conferences.record_stop("room")
    again = client.conferences.record("room", callback_url=f"{BASE}/recorded").recording_id
    client.conferences.hangup("room")
    with pytest.raises(ResourceNotFoundError):
        client.conferences.record("room")
    assert client.conferences.list().conferences == []
    sim.run(until=6)
    assert sim.calls["c"].memberships[0].exit_reason == "kicked by the Conference API"
    reported = [r.params["recording_id"] for r in sim.requests_to(f"{BASE}/recorded")]
    assert len(reported) == 2 and reported[1] == again  # the first stopped at once, the second with the room


def test_C11_a_room_whose_members_are_all_kicked_is_ending_at_once():
    sim, client = three_in_a_room()
    client.conferences.member_kick("room", "all")
    with pytest.raises(ResourceNotFoundError):
        client.conferences.record("room")  # the last member leaving ends it (C3)
    assert client.conferences.list().conferences == []
    sim.run(until=6)
    assert [e.text for e in sim.timeline if e.kind == "end"] == ["conference 'room' ended: the last member left"]


# -- a property: the hearing is what the mute and deaf flags say ---------------------------------

ACTION = st.sampled_from(["mute", "mute_stop", "deaf", "deaf_stop"])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(ACTION, st.sampled_from(["1", "2", "3", "all", "2,3", "7"])), max_size=10))
def test_C11_any_sequence_of_mutes_and_deafs_leaves_the_hearing_the_flags_say(steps: list[tuple[str, str]]):
    sim, client = three_in_a_room()
    muted: set[str] = set()
    deaf: set[str] = set()
    for step, (action, member) in enumerate(steps):
        try:
            getattr(client.conferences, f"member_{action}")("room", member)
        except PlivoRestError:
            assert member == "7"
            continue
        chosen = {"1", "2", "3"} if member == "all" else set(member.split(","))
        flags = muted if action.startswith("mute") else deaf
        if action.endswith("_stop"):
            flags -= chosen
        else:
            flags |= chosen
        sim.run(until=6 + step)
    sim.run(until=6 + len(steps))
    name = {"1": "a", "2": "b", "3": "c"}
    expected = {
        name[listener]: frozenset() if listener in deaf else {name[s] for s in name if s not in muted | {listener}}
        for listener in name
    }
    assert sim.hears() == expected
    assert {m["member_id"]: (m["muted"], m["deaf"]) for m in client.conferences.get("room").members} == {
        m: (m in muted, m in deaf) for m in name
    }


def test_the_apps_enter_callback_may_mute_the_member_through_the_api():
    """Re-entrant: the app's handler for the enter event calls the API while the
    simulation waits for its answer; the mute takes effect at that time."""
    holder: dict[str, Any] = {}
    app = flask.Flask("muting")

    @app.post("/events")
    def events() -> str:
        form = flask.request.form
        if form["ConferenceAction"] == "enter" and form["ConferenceMemberID"] == "2":
            holder["client"].conferences.member_mute(form["ConferenceName"], "2")
        return "<Response/>"

    with Simulation(app=app, base_url=BASE, strict=True) as sim:
        holder["client"] = sim.rest_client()
        sim.call("host", ROOM)
        sim.call("listener", ROOM, at=3)
        sim.run(until=10)
    assert sim.hears(at=3) == {"host": frozenset(), "listener": {"host"}}
    assert [(e.at, e.text) for e in sim.timeline if e.kind == "api"] == [(3, "Conference API mute member 2 on 'room'")]


OPERATION = st.sampled_from(
    [
        "member_mute",
        "member_deaf",
        "member_kick",
        "member_hangup",
        "hangup",
        "record",
        "record_stop",
        "get",
        "join",
        "run",
    ]
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(OPERATION, st.sampled_from(["1", "2", "3", "4", "all", "1,2", "x"])), max_size=12))
def test_any_sequence_of_conference_calls_raises_only_plivos_errors_and_reports_each_recording_once(
    steps: list[tuple[str, str]],
):
    sim, client = three_in_a_room()
    assert client.conferences.list().conferences == ["room"]  # (the API is served: the sequence is not vacuous)
    started: list[str] = []
    for step, (operation, member) in enumerate(steps):
        try:
            if operation == "join":
                sim.call(f"late{step}", ROOM, at=sim.now)
            elif operation == "run":
                sim.advance(2)
            elif operation == "hangup":
                client.conferences.hangup("room")
            elif operation == "record":
                started.append(client.conferences.record("room", callback_url=f"{BASE}/recorded").recording_id)
            elif operation == "record_stop":
                client.conferences.record_stop("room")
            elif operation == "get":
                client.conferences.get("room")
            else:
                getattr(client.conferences, operation)("room", member)
        except PlivoRestError:  # (ResourceNotFoundError, ValidationError... are all PlivoRestError)
            pass
    sim.run()
    for name, record in sim.calls.items():
        ended = [e for e in sim.timeline if e.call == name and e.kind == "ended"]
        assert len(ended) <= 1 and (record.ended_at is None) == (not ended), (name, ended)
    sim.run(until=sim.now + 3700)
    for uuid in client.live_calls.list_ids().calls:
        client.calls.delete(uuid)
    sim.run()
    reported = [r.params["recording_id"] for r in sim.requests_to(f"{BASE}/recorded")]
    assert sorted(reported) == sorted(set(started)) and len(set(started)) == len(started)
