"""Rules M1-M8 (MultiPartyCall) of docs/rules.md, one or more tests each
(the rule id is in the name), and the seed's Conference-vs-MPC comparison table."""

from __future__ import annotations

from typing import Any

import pytest

from plivoxml_plus import Conference, MultiPartyCall, Response, SimulationError, Speak, ValidationError, Wait
from plivoxml_plus.core import HttpRequest, MpcOptions, Simulation

STATUS = "https://example.com/mpc-status"
RECORDING = "https://example.com/mpc-recording"
EXIT = "https://example.com/mpc-exit"
WAIT = "https://example.com/wait.xml"
AGENT_HOLD = "https://example.com/agent-hold.xml"
CUSTOMER_HOLD = "https://example.com/customer-hold.xml"
SOUND_DOC = "<Response><Play>https://example.com/music.mp3</Play></Response>"
CB = "https://example.com/conference-cb"
APP = "15550000000"  # the default To of an inbound call

MPC_KEYS = {"EventName", "EventTimestamp", "SequenceNumber", "MPCUUID", "MPCName"}
PARTICIPANT_KEYS = MPC_KEYS | {
    "MemberID",
    "ParticipantRole",
    "ParticipantCallUUID",
    "ParticipantCoachMode",
    "ParticipantCallFrom",
    "ParticipantCallTo",
    "ParticipantCallDirection",
}
END_KEYS = MPC_KEYS | {
    "MPCDuration",
    "MPCBilledDuration",
    "MPCBilledAmount",
    "MPCTerminationCause",
    "MPCTerminationCauseCode",
}
RECORDING_KEYS = MPC_KEYS | {"RecordingUUID", "RecordingURL", "RecordingResourceURL", "RecordingFormat"}


def mpc(role: str, *after: object, name: str = "support", **attributes: object) -> Response:
    """A document: <MultiPartyCall> (statusCallbackUrl set unless given) then ``after``."""
    attributes.setdefault("status_callback_url", STATUS)
    response = Response().add(MultiPartyCall(name, role, **attributes))  # type: ignore[arg-type]
    for element in after:
        response.add(element)  # type: ignore[arg-type]
    return response


def names(requests: list[HttpRequest]) -> list[tuple[float, str, str | None]]:
    """(time, EventName, call) of each MPC event."""
    return [(r.at, r.params["EventName"], r.call) for r in requests]


def end_event(sim: Simulation) -> dict[str, str]:
    (end,) = sim.status_callbacks("MPCEnd")
    return end.params


def up(sim: Simulation, name: str, number: str) -> dict[str, str]:
    """The standard parameters of the inbound call ``name`` (added ``number``-th) while it is up."""
    return {
        "CallUUID": sim.calls[name].uuid,
        "From": number,
        "To": APP,
        "CallerName": number,
        "Direction": "inbound",
        "CallStatus": "in-progress",
    }


def notes_for(sim: Simulation, call: str | None) -> list[str]:
    return [n.text for n in sim.notes if n.call == call]


# -- M1: Initialized -> Active -> Ended; waiting; MPC-level attributes --------------------


def test_M1_states_initialized_then_active_at_the_first_start_on_enter_participant_then_ended():
    sim = Simulation()
    sim.call("cust", mpc("Customer", start_mpc_on_enter=False, stay_alone=True), at=0, hangup=60)
    sim.call("agent", mpc("Agent"), at=10, hangup=40)
    sim.run()
    states = [(r.at, r.params["EventName"]) for r in sim.status_callbacks() if r.params["EventName"].startswith("MPC")]
    assert states == [(0, "MPCInitialized"), (10, "MPCStart"), (60, "MPCEnd")]
    assert sim.hears(at=5) == {"cust": frozenset()}
    assert sim.audibility(at=5).instead("cust") == "waitMusic:default"
    assert sim.hears(at=20) == {"cust": {"agent"}, "agent": {"cust"}}


def test_M1_a_single_start_on_enter_participant_starts_the_mpc_alone():
    sim = Simulation()
    sim.call("agent", mpc("Agent"), at=3, hangup=20)
    sim.run()
    assert names(sim.status_callbacks())[:3] == [
        (3, "MPCInitialized", None),
        (3, "ParticipantJoin", "agent"),
        (3, "MPCStart", None),
    ]
    assert sim.audibility(at=10).instead("agent") is None


def test_M1_wait_for_agent_customer_waits_with_music_until_an_agent_joins():
    sim = Simulation(urls={WAIT: SOUND_DOC})
    sim.call("cust", mpc("Customer", wait_for_agent=True, wait_music_url=WAIT), at=0, hangup=100)
    sim.call("sup", mpc("Supervisor", coach_mode=False), at=10, hangup=100)
    sim.call("agent", mpc("Agent"), at=30, hangup=100)
    sim.run(until=50)
    waiting = sim.audibility(at=20)
    assert waiting.hears("cust") == frozenset() and waiting.hears("sup") == frozenset()
    assert waiting.instead("cust") == "waitMusic:" + WAIT
    assert waiting.instead("sup") == "waitMusic:" + WAIT
    assert [r.at for r in sim.status_callbacks("MPCStart")] == [30]
    assert sim.hears(at=40)["cust"] == {"agent", "sup"}
    assert sim.audibility(at=40).instead("cust") is None
    # fetched for each participant who joined while the MPC waited, GET by default, none for the agent
    assert [(r.kind, r.method, r.call, r.at) for r in sim.requests_to(WAIT)] == [
        ("wait-music", "GET", "cust", 0),
        ("wait-music", "GET", "sup", 10),
    ]


def test_M1_wait_music_method_post():
    sim = Simulation(urls={WAIT: SOUND_DOC})
    doc = mpc("Customer", wait_for_agent=True, wait_music_url=WAIT, wait_music_method="POST")
    sim.call("cust", doc, at=0, hangup=10)
    sim.run()
    assert [(r.kind, r.method) for r in sim.requests_to(WAIT)] == [("wait-music", "POST")]


def test_M1_wait_music_default_without_url_and_silence_for_a_bad_document():
    sim = Simulation(urls={WAIT: "<Response><Speak>not a sound</Speak><Hangup/></Response>"})
    sim.call("a", mpc("Customer", name="one", wait_for_agent=True), at=0, hangup=30)
    sim.call("b", mpc("Customer", name="two", wait_for_agent=True, wait_music_url=WAIT), at=0, hangup=30)
    sim.run(until=20)
    probe = sim.audibility(at=10)
    assert probe.instead("a") == "waitMusic:default"
    assert probe.instead("b") == "silence"
    assert len(sim.requests_to(WAIT, kind="wait-music")) == 1


def test_M3_hold_music_that_is_not_a_sound_document_is_silence_with_a_note():
    bad = "<Response><Speak>please hold</Speak><Redirect>https://example.com/next</Redirect></Response>"
    sim = Simulation(urls={CUSTOMER_HOLD: bad})
    sim.call("agent", mpc("Agent", customer_hold_music_url=CUSTOMER_HOLD), at=0, hangup=60)
    sim.call("cust", mpc("Customer"), at=1, hangup=60)
    sim.update_participant("cust", at=10, hold=True)
    sim.run(until=20)
    probe = sim.audibility(at=15)
    assert probe.instead("cust") == "silence"
    assert probe.hears("cust") == frozenset() and probe.heard_by("cust") == frozenset()
    (fetch,) = sim.requests_to(CUSTOMER_HOLD)
    assert (fetch.kind, fetch.method, fetch.call) == ("hold-music", "GET", "cust")
    (note,) = [n for n in sim.notes if n.call == "cust"]
    assert note.text.startswith(f"customerHoldMusicUrl {CUSTOMER_HOLD}: invalid document")
    assert "Redirect" in note.text


def test_M1_a_participant_taken_off_hold_while_the_mpc_waits_hears_the_wait_music():
    sim = Simulation(urls={WAIT: SOUND_DOC})
    doc = mpc("Customer", hold=True, wait_for_agent=True, wait_music_url=WAIT)
    sim.call("cust", doc, at=0, hangup=50)
    sim.update_participant("cust", at=10, hold=False)
    sim.run(until=20)
    assert sim.audibility(at=5).instead("cust") == "holdMusic:default"
    # "until then every participant hears the wait music"
    assert sim.audibility(at=15).instead("cust") == "waitMusic:" + WAIT


def test_M1_mpc_level_attributes_come_from_the_first_participant_and_a_differing_later_one_is_noted():
    sim = Simulation()
    sim.call("agent", mpc("Agent", max_participants=2), at=0, hangup=100)
    sim.call("cust", mpc("Customer", max_participants=5), at=5, hangup=100)
    sim.call("late", mpc("Customer", max_participants=5), at=10, hangup=100)
    sim.run(until=20)
    # the MPC keeps 2: the third is refused
    assert [r.call for r in sim.status_callbacks("ParticipantJoin")] == ["agent", "cust"]
    (note,) = [n for n in notes_for(sim, "cust") if "maxParticipants" in n]
    assert "5" in note and "2" in note
    assert notes_for(sim, "agent") == []


# -- M2: coach mode ---------------------------------------------------------------------


def test_M2_customer_never_hears_a_coaching_supervisor_agents_do():
    sim = Simulation()
    sim.call("agent", mpc("Agent"), at=0, hangup=100)
    sim.call("cust", mpc("Customer"), at=0, hangup=100)
    sim.call("sup", mpc("Supervisor"), at=0, hangup=100)  # coachMode defaults to true
    sim.run(until=10)
    assert sim.hears(at=5) == {
        "agent": {"cust", "sup"},
        "cust": {"agent"},
        "sup": {"agent", "cust"},
    }
    (join,) = sim.status_callbacks("ParticipantJoin", call="sup")
    assert join.params["ParticipantCoachMode"] == "true"
    assert join.params["ParticipantRole"] == "Supervisor"


def test_M2_coach_mode_false_supervisor_is_heard_by_everyone_and_other_supervisors_do_not_hear_a_coach():
    sim = Simulation()
    sim.call("agent", mpc("Agent"), at=0, hangup=100)
    sim.call("cust", mpc("Customer"), at=0, hangup=100)
    sim.call("coach", mpc("supervisor"), at=0, hangup=100)  # roles are case-insensitive
    sim.call("open", mpc("SUPERVISOR", coach_mode=False), at=0, hangup=100)
    sim.run(until=10)
    hears = sim.hears(at=5)
    assert hears["cust"] == {"agent", "open"}
    assert hears["agent"] == {"cust", "coach", "open"}
    assert hears["open"] == {"agent", "cust"}
    assert hears["coach"] == {"agent", "cust", "open"}


def test_M2_coach_mode_on_other_roles_has_no_effect():
    sim = Simulation()
    sim.call("agent", mpc("Agent", coach_mode=True), at=0, hangup=100)
    sim.call("cust", mpc("Customer", coach_mode=True), at=0, hangup=100)
    sim.call("agent2", mpc("Agent", coach_mode=True), at=0, hangup=100)
    sim.run(until=10)
    assert sim.hears(at=5) == {"agent": {"cust", "agent2"}, "cust": {"agent", "agent2"}, "agent2": {"agent", "cust"}}
    coach_modes = {r.call: r.params["ParticipantCoachMode"] for r in sim.status_callbacks("ParticipantJoin")}
    assert coach_modes == {"agent": "false", "cust": "false", "agent2": "false"}


# -- M3: hold and mute --------------------------------------------------------------------


def test_M3_hold_hears_no_one_is_heard_by_no_one_and_hears_its_roles_hold_music_fetched_with_get():
    sim = Simulation(urls={AGENT_HOLD: SOUND_DOC, CUSTOMER_HOLD: SOUND_DOC})
    attrs = {"agent_hold_music_url": AGENT_HOLD, "customer_hold_music_url": CUSTOMER_HOLD}
    sim.call("agent", mpc("Agent", **attrs), at=0, hangup=100)
    sim.call("cust", mpc("Customer", **attrs), at=0, hangup=100)
    sim.call("agent2", mpc("Agent", **attrs), at=0, hangup=100)
    sim.update_participant("cust", at=10, hold=True)
    sim.update_participant("cust", at=20, hold=False)
    sim.update_participant("cust", at=30, hold=True)
    sim.run(until=40)
    held = sim.audibility(at=15)
    assert held.hears("cust") == frozenset()
    assert held.heard_by("cust") == frozenset()
    assert held.instead("cust") == "holdMusic:" + CUSTOMER_HOLD
    assert held.hears("agent") == {"agent2"}
    assert sim.hears(at=25)["cust"] == {"agent", "agent2"}
    # fetched each time it is put on hold, GET by default, the customer's URL only
    assert [(r.at, r.kind, r.method, r.call) for r in sim.requests_to(CUSTOMER_HOLD)] == [
        (10, "hold-music", "GET", "cust"),
        (30, "hold-music", "GET", "cust"),
    ]
    assert sim.requests_to(AGENT_HOLD) == []
    assert names(sim.status_callbacks(call="cust"))[1:] == [
        (10, "ParticipantHold", "cust"),
        (20, "ParticipantUnhold", "cust"),
        (30, "ParticipantHold", "cust"),
    ]


def test_M3_hold_from_the_element_supervisor_silence_and_default_hold_music_without_url():
    sim = Simulation(urls={AGENT_HOLD: SOUND_DOC})
    sim.call("agent", mpc("Agent", hold=True, agent_hold_music_url=AGENT_HOLD), at=0, hangup=100)
    sim.call("cust", mpc("Customer", hold=True), at=0, hangup=100)
    sim.call("sup", mpc("Supervisor", hold=True, coach_mode=False), at=0, hangup=100)
    sim.call("cust2", mpc("Customer"), at=0, hangup=100)
    sim.run(until=10)
    probe = sim.audibility(at=5)
    assert probe.instead("agent") == "holdMusic:" + AGENT_HOLD
    assert probe.instead("cust") == "holdMusic:default"
    assert probe.instead("sup") == "silence"
    assert probe.hears("cust2") == frozenset()
    assert [(r.kind, r.method, r.call) for r in sim.requests_to(AGENT_HOLD)] == [("hold-music", "GET", "agent")]


def test_M3_mute_heard_by_no_one_hears_everyone():
    sim = Simulation()
    sim.call("agent", mpc("Agent"), at=0, hangup=100)
    sim.call("cust", mpc("Customer", mute=True), at=0, hangup=100)
    sim.call("agent2", mpc("Agent"), at=0, hangup=100)
    sim.update_participant("agent2", at=10, mute=True)
    sim.run(until=20)
    assert sim.hears(at=5) == {"agent": {"agent2"}, "cust": {"agent", "agent2"}, "agent2": {"agent"}}
    assert sim.hears(at=15) == {"agent": frozenset(), "cust": {"agent"}, "agent2": {"agent"}}
    assert names(sim.status_callbacks("ParticipantMute")) == [(10, "ParticipantMute", "agent2")]


# -- M4: the update API --------------------------------------------------------------------


def test_M4_coach_mode_change_beeps_and_reports_coach_mode_stop_and_start():
    sim = Simulation()
    sim.call("agent", mpc("Agent"), at=0, hangup=100)
    sim.call("cust", mpc("Customer"), at=0, hangup=100)
    sim.call("sup", mpc("Supervisor"), at=0, hangup=100)
    sim.update_participant("sup", at=10, coach_mode=False)
    sim.update_participant("sup", at=20, coach_mode=True)
    sim.run(until=30)
    assert sim.hears(at=5)["cust"] == {"agent"}
    assert sim.hears(at=15)["cust"] == {"agent", "sup"}
    assert sim.hears(at=25)["cust"] == {"agent"}
    events = [(r.at, r.params["EventName"], r.params["ParticipantCoachMode"]) for r in sim.status_callbacks(call="sup")]
    assert events[1:] == [(10, "ParticipantCoachModeStop", "false"), (20, "ParticipantCoachModeStart", "true")]
    beeps = [e.at for e in sim.timeline if e.kind == "sound" and "beep:1" in e.text and e.at > 0]
    assert beeps == [10, 20]


def test_M4_coach_mode_on_an_agent_is_noted_and_changes_nothing():
    sim = Simulation()
    sim.call("agent", mpc("Agent"), at=0, hangup=100)
    sim.call("cust", mpc("Customer"), at=0, hangup=100)
    sim.update_participant("agent", at=10, coach_mode=True)
    sim.run(until=20)
    assert sim.hears(at=15) == {"agent": {"cust"}, "cust": {"agent"}}
    assert sim.status_callbacks("ParticipantCoachModeStart") == []
    assert len([n for n in notes_for(sim, "agent") if "coach_mode" in n]) == 1


def test_M4_update_errors_are_refused_at_once():
    sim = Simulation()
    sim.call("agent", mpc("Agent"), at=0, hangup=100)
    with pytest.raises(SimulationError, match="update at least one of coach_mode, mute or hold"):
        sim.update_participant("agent", at=10)
    with pytest.raises(SimulationError, match="cannot specify coach_mode when updating all participants"):
        sim.update_participant("all", at=10, coach_mode=True, mpc="support")
    sim.run()
    assert sim.status_callbacks("ParticipantCoachModeStart") == []


def test_M4_update_for_a_call_not_in_an_mpc_is_a_note_and_changes_nothing():
    sim = Simulation()
    sim.call("agent", mpc("Agent"), at=0, hangup=100)
    sim.call("cust", Response().add(Wait(length=10)).add(MultiPartyCall("support", "Customer")), at=0, hangup=100)
    sim.update_participant("cust", at=5, mute=True)
    sim.run(until=20)
    assert len([n for n in notes_for(sim, "cust") if "not in an MPC" in n]) == 1
    assert sim.hears(at=15) == {"agent": {"cust"}, "cust": {"agent"}}  # joined at 10, not muted
    assert sim.status_callbacks("ParticipantMute") == []


def test_M4_update_all_mutes_every_participant():
    sim = Simulation()
    sim.call("agent", mpc("Agent"), at=0, hangup=100)
    sim.call("cust", mpc("Customer"), at=0, hangup=100)
    sim.update_participant("all", at=10, mute=True, mpc="support")
    sim.run(until=20)
    assert sim.hears(at=15) == {"agent": frozenset(), "cust": frozenset()}
    assert names(sim.status_callbacks("ParticipantMute")) == [
        (10, "ParticipantMute", "agent"),
        (10, "ParticipantMute", "cust"),
    ]


def test_M4_add_participant_places_a_call_that_joins_with_its_role():
    sim = Simulation()
    groups = ["participant-state-changes", "add-participant-api-events"]
    sim.call("cust", mpc("Customer", stay_alone=True, status_callback_events=groups), at=0, hangup=100)
    record = sim.add_participant("support", "agent", at=10, role="Agent", ring=3)
    sim.run(until=30)
    assert names(sim.status_callbacks()) == [
        (0, "ParticipantJoin", "cust"),
        (10, "AddParticipantByAPIActionInitiated", None),
        (13, "ParticipantJoin", "agent"),
        (13, "AddParticipantByAPIActionCompleted", "agent"),
    ]
    assert (record.direction, record.answer_at) == ("outbound", 13)
    assert sim.hears(at=20) == {"cust": {"agent"}, "agent": {"cust"}}


def test_M4_add_participant_to_no_live_mpc_notes_it_and_the_call_opens_a_new_one():
    sim = Simulation()
    sim.add_participant("later", "agent", at=5, role="Agent", ring=2, status_callback_url=STATUS)
    sim.run(until=10)
    (note,) = sim.notes
    assert (note.at, note.call) == (5, None)
    assert note.text.startswith("API add participant 'agent': no MPC named 'later' is live; no ")
    # answered at 7, the call opens the MPC itself; the Completed event still follows its join
    assert names(sim.status_callbacks()) == [
        (7, "MPCInitialized", None),
        (7, "ParticipantJoin", "agent"),
        (7, "MPCStart", None),
    ]
    assert [m.room for m in sim.calls["agent"].memberships] == ["later"]


def test_M4_no_call_may_be_named_all():
    with pytest.raises(SimulationError, match="cannot be named 'all'"):
        Simulation().call("all", mpc("Agent"))


# -- M5: the end of an MPC; maxParticipants; kick -------------------------------------------


def test_M5_end_mpc_on_exit_ends_it_and_the_others_exit_with_multiparty_call_ended():
    sim = Simulation()
    sim.call("agent", mpc("Agent", Speak("after"), end_mpc_on_exit=True), at=0, hangup=30)
    sim.call("cust", mpc("Customer", Speak("after")), at=0, hangup=100)
    sim.call("sup", mpc("Supervisor", Speak("after")), at=0, hangup=100)
    sim.run()
    end = end_event(sim)
    assert (end["MPCTerminationCause"], end["MPCTerminationCauseCode"]) == ("Unknown", "0")
    assert [m.exit_reason for m in sim.calls["cust"].memberships] == ["Multiparty Call Ended"]
    assert [m.exit_reason for m in sim.calls["agent"].memberships] == ["Participant Call Hangup"]
    assert sim.calls["cust"].memberships[0].left_at == 30
    assert sim.calls["cust"].executed == ["MultiPartyCall", "Speak"]


def test_M5_last_participant_leaving_ends_with_no_active_participants():
    sim = Simulation()
    sim.call("agent", mpc("Agent", stay_alone=True), at=0, hangup=20)
    sim.call("cust", mpc("Customer"), at=5, hangup=40)
    sim.run()
    end = end_event(sim)
    assert (end["MPCTerminationCause"], end["MPCTerminationCauseCode"]) == ("No Active Participants", "1000")
    assert [r.at for r in sim.status_callbacks("MPCEnd")] == [40]
    assert end["MPCDuration"] == "40"
    assert (end["MPCBilledDuration"], end["MPCBilledAmount"]) == ("60", "0.00400")


def test_M5_stay_alone_false_ends_once_two_were_there_and_one_is_left():
    sim = Simulation()
    sim.call("agent", mpc("Agent", Speak("after")), at=0, hangup=100)  # stayAlone defaults to false
    sim.call("cust", mpc("Customer"), at=10, hangup=30)
    sim.run()
    end = end_event(sim)
    assert (end["MPCTerminationCause"], end["MPCTerminationCauseCode"]) == ("Stay Alone Not Permitted", "1010")
    assert [r.at for r in sim.status_callbacks("MPCEnd")] == [30]
    assert sim.calls["agent"].memberships[0].exit_reason == "Multiparty Call Ended"
    assert sim.calls["agent"].executed == ["MultiPartyCall", "Speak"]


def test_M5_stay_alone_false_a_first_participant_alone_is_not_put_out():
    sim = Simulation()
    sim.call("agent", mpc("Agent"), at=0, hangup=50)
    sim.run()
    assert [r.at for r in sim.status_callbacks("MPCEnd")] == [50]
    assert end_event(sim)["MPCTerminationCause"] == "No Active Participants"


def test_M5_max_duration_counts_from_the_first_join():
    sim = Simulation()
    sim.call("cust", mpc("Customer", Speak("bye"), wait_for_agent=True, max_duration=300), at=0, hangup=1000)
    sim.call("agent", mpc("Agent"), at=100, hangup=1000)
    sim.run()
    assert [r.at for r in sim.status_callbacks("MPCEnd")] == [300]
    end = end_event(sim)
    assert (end["MPCTerminationCause"], end["MPCTerminationCauseCode"]) == ("Max Duration Reached", "2000")
    assert end["MPCDuration"] == "300"
    assert [m.exit_reason for m in sim.calls["cust"].memberships] == ["Multiparty Call Ended"]


def test_M5_end_api_hangup_api_triggered():
    sim = Simulation()
    sim.call("agent", mpc("Agent"), at=0, hangup=100)
    sim.call("cust", mpc("Customer"), at=0, hangup=100)
    sim.end_mpc("support", at=25)
    sim.run()
    end = end_event(sim)
    assert (end["MPCTerminationCause"], end["MPCTerminationCauseCode"]) == ("Hangup API Triggered", "3000")
    assert set(end) == END_KEYS
    assert [m.exit_reason for name in ("agent", "cust") for m in sim.calls[name].memberships] == [
        "Multiparty Call Ended",
        "Multiparty Call Ended",
    ]
    assert [(r.at, r.call) for r in sim.status_callbacks("ParticipantExit")] == [(25, "agent"), (25, "cust")]


def test_M5_max_participants_refuses_the_join_and_the_call_goes_on():
    sim = Simulation()
    sim.call("a", mpc("Agent", max_participants=2), at=0, hangup=100)
    sim.call("b", mpc("Customer"), at=1, hangup=100)
    sim.call("c", mpc("Customer", Speak("full")), at=2, hangup=100)
    sim.run(until=50)
    assert [r.call for r in sim.status_callbacks("ParticipantJoin")] == ["a", "b"]
    assert sim.status_callbacks(call="c") == []
    assert sim.calls["c"].memberships == []
    assert [e.call for e in sim.timeline if e.kind == "overflow"] == ["c"]
    assert sim.calls["c"].executed == ["MultiPartyCall", "Speak"]


def test_M5_kick_exits_the_participant_and_its_call_goes_on():
    sim = Simulation()
    sim.call("agent", mpc("Agent", stay_alone=True), at=0, hangup=100)
    sim.call("cust", mpc("Customer", Speak("kicked")), at=0, hangup=100)
    sim.call("cust2", mpc("Customer"), at=0, hangup=100)
    sim.kick("cust", at=20)
    sim.run(until=60)
    membership = sim.calls["cust"].memberships[0]
    assert (membership.exit_reason, membership.left_at) == ("Kicked Out of Multiparty Call", 20)
    assert sim.calls["cust"].executed == ["MultiPartyCall", "Speak"]
    assert sim.status_callbacks("MPCEnd") == []
    assert sim.hears(at=30)["agent"] == {"cust2"}


# -- M6: onExitActionUrl -----------------------------------------------------------------


def test_M6_exit_action_posts_the_documented_parameters_and_its_xml_continues_the_call():
    sim = Simulation(urls={EXIT: "<Response><Speak>goodbye</Speak></Response>"})
    sim.call("agent", mpc("Agent", stay_alone=True), at=0, hangup=100)
    sim.call("cust", mpc("Customer", Wait(length=5), on_exit_action_url=EXIT), at=10, hangup=100)
    sim.kick("cust", at=65)
    sim.run(until=90)
    (request,) = sim.requests_to(EXIT)
    (join,) = sim.status_callbacks("ParticipantJoin", call="cust")
    assert (request.method, request.kind, request.call, request.at) == ("POST", "exit-action", "cust", 65)
    assert request.params == {
        "MPCUUID": join.params["MPCUUID"],
        "MPCFriendlyName": "support",
        "MemberID": "2",
        "ParticipantCallUUID": sim.calls["cust"].uuid,
        "ParticipantJoinTime": "2024-01-01 00:00:10+00:00",
        "ParticipantEndTime": "2024-01-01 00:01:05+00:00",
        "ParticipantRole": "Customer",
        **up(sim, "cust", "15550000002"),
    }
    assert sim.calls["cust"].executed == ["MultiPartyCall", "Speak"]


def test_M6_exit_action_method_get_and_not_followed_after_a_hangup():
    sim = Simulation(urls={EXIT: "<Response><Speak>goodbye</Speak></Response>"})
    sim.call("agent", mpc("Agent", stay_alone=True), at=0, hangup=100)
    sim.call("cust", mpc("Customer", on_exit_action_url=EXIT, on_exit_action_method="GET"), at=0, hangup=30)
    sim.run()
    (request,) = sim.requests_to(EXIT)
    assert (request.method, request.at) == ("GET", 30)
    assert sim.calls["cust"].executed == ["MultiPartyCall"]


def test_M6_without_exit_action_the_call_goes_on_with_its_next_element():
    sim = Simulation()
    sim.call("agent", mpc("Agent", stay_alone=True), at=0, hangup=100)
    sim.call("cust", mpc("Customer", Speak("next"), Wait(length=1)), at=0, hangup=100)
    sim.kick("cust", at=10)
    sim.run(until=50)
    assert sim.calls["cust"].executed == ["MultiPartyCall", "Speak", "Wait"]
    assert [r.kind for r in sim.requests if r.call == "cust" and r.kind == "exit-action"] == []


# -- M7: status callbacks, speak events, recording ----------------------------------------


def test_M7_default_groups_are_state_and_participant_changes_posted():
    sim = Simulation()
    sim.call("agent", mpc("Agent", stay_alone=True), at=0, hangup=30)
    sim.call("cust", mpc("Customer"), at=5, hangup=20)
    sim.talk("cust", start=8, end=12)
    sim.press("cust", "1", at=15)
    sim.run()
    assert names(sim.status_callbacks()) == [
        (0, "MPCInitialized", None),
        (0, "ParticipantJoin", "agent"),
        (0, "MPCStart", None),
        (5, "ParticipantJoin", "cust"),
        (20, "ParticipantExit", "cust"),
        (30, "ParticipantExit", "agent"),
        (30, "MPCEnd", None),
    ]
    assert {r.method for r in sim.status_callbacks()} == {"POST"}
    assert [r.params["SequenceNumber"] for r in sim.status_callbacks()] == ["1", "2", "3", "4", "5", "6", "7"]


def test_M7_only_the_chosen_groups_are_sent_with_the_chosen_method():
    sim = Simulation()
    groups = ["participant-speak-events", "participant-digit-input-events"]
    doc = mpc("Agent", stay_alone=True, status_callback_events=groups, status_callback_method="GET")
    sim.call("agent", doc, at=0, hangup=30)
    sim.talk("agent", start=5, end=9)
    sim.press("agent", "12", at=12)
    sim.run()
    assert names(sim.status_callbacks()) == [
        (5, "ParticipantSpeakStart", "agent"),
        (9, "ParticipantSpeakStop", "agent"),
        (12, "ParticipantDigitInput", "agent"),
        (12, "ParticipantDigitInput", "agent"),
    ]
    assert [r.params["DigitInput"] for r in sim.status_callbacks("ParticipantDigitInput")] == ["1", "2"]
    assert {r.method for r in sim.status_callbacks()} == {"GET"}
    assert [r.params["SequenceNumber"] for r in sim.status_callbacks()] == ["1", "2", "3", "4"]


def test_M7_exact_parameter_sets_per_event_kind_without_call_parameters():
    sim = Simulation()
    groups = ["mpc-state-changes", "participant-state-changes", "participant-digit-input-events"]
    sim.call("agent", mpc("Agent", status_callback_events=groups), at=0, hangup=20)
    sim.press("agent", "5", at=10)
    sim.run()
    (initialized,) = sim.status_callbacks("MPCInitialized")
    (join,) = sim.status_callbacks("ParticipantJoin")
    (digit,) = sim.status_callbacks("ParticipantDigitInput")
    assert set(initialized.params) == MPC_KEYS
    assert set(sim.status_callbacks("MPCStart")[0].params) == MPC_KEYS
    assert set(end_event(sim)) == END_KEYS
    assert set(join.params) == PARTICIPANT_KEYS
    assert set(digit.params) == PARTICIPANT_KEYS | {"DigitInput"}
    assert {k: join.params[k] for k in PARTICIPANT_KEYS - MPC_KEYS} == {
        "MemberID": "1",
        "ParticipantRole": "Agent",
        "ParticipantCallUUID": sim.calls["agent"].uuid,
        "ParticipantCoachMode": "false",
        "ParticipantCallFrom": "15550000001",
        "ParticipantCallTo": APP,
        "ParticipantCallDirection": "inbound",
    }
    assert (join.params["MPCName"], join.params["EventName"]) == ("support", "ParticipantJoin")


def test_M7_event_timestamp_is_utc_from_the_epoch():
    sim = Simulation(epoch_ms=1_700_000_000_000)  # 2023-11-14 22:13:20 UTC
    sim.call("agent", mpc("Agent"), at=0, hangup=65)
    sim.run()
    stamps = [(r.params["EventName"], r.params["EventTimestamp"]) for r in sim.status_callbacks()]
    assert stamps[0] == ("MPCInitialized", "2023-11-14 22:13:20+00:00")
    assert stamps[-1] == ("MPCEnd", "2023-11-14 22:14:25+00:00")


def test_M7_speak_events_come_from_talk_spurts_but_not_for_a_muted_participant():
    sim = Simulation()
    doc_events = ["participant-speak-events"]
    sim.call("agent", mpc("Agent", stay_alone=True, status_callback_events=doc_events), at=0, hangup=100)
    sim.call("cust", mpc("Customer", mute=True), at=0, hangup=100)
    sim.talk("agent", start=10, end=15)
    sim.talk("cust", start=20, end=25)
    sim.run(until=50)
    assert names(sim.status_callbacks()) == [
        (10, "ParticipantSpeakStart", "agent"),
        (15, "ParticipantSpeakStop", "agent"),
    ]


def test_M7_option_speak_events_when_unheard():
    sim = Simulation(mpc_options=MpcOptions(speak_events_when_unheard=True))
    doc_events = ["participant-speak-events"]
    sim.call("cust", mpc("Customer", mute=True, status_callback_events=doc_events), at=0, hangup=100)
    sim.talk("cust", start=20, end=25)
    sim.run(until=50)
    assert names(sim.status_callbacks()) == [
        (20, "ParticipantSpeakStart", "cust"),
        (25, "ParticipantSpeakStop", "cust"),
    ]


@pytest.mark.parametrize(("min_count", "started_at"), [(1, 0), (2, 10)])
def test_M7_record_true_starts_once_record_min_member_count_are_in_the_active_mpc(min_count, started_at):
    sim = Simulation()
    attrs = {"record": True, "record_min_member_count": min_count, "recording_callback_url": RECORDING}
    sim.call("agent", mpc("Agent", stay_alone=True, **attrs), at=0, hangup=60)
    sim.call("cust", mpc("Customer"), at=10, hangup=40)
    sim.run()
    events = [(r.at, r.params["EventName"]) for r in sim.recording_callbacks()]
    assert events == [(started_at, "MPCRecordingInitiated"), (60, "MPCRecordingCompleted")]
    assert {r.method for r in sim.recording_callbacks()} == {"GET"}
    (completed,) = sim.recording_callbacks("MPCRecordingCompleted")
    assert completed.params["RecordingDuration"] == str(60 - started_at)


def test_M7_recording_pause_resume_and_duration_excluding_the_pause():
    sim = Simulation()
    attrs = {"recording_callback_url": RECORDING, "recording_callback_method": "POST"}
    sim.call("agent", mpc("Agent", stay_alone=True, **attrs), at=0, hangup=100)
    sim.recording("support", "start", at=10)
    sim.recording("support", "pause", at=20)
    sim.recording("support", "resume", at=35)
    sim.recording("support", "stop", at=50)
    sim.run()
    events = [(r.at, r.params["EventName"], r.method) for r in sim.recording_callbacks()]
    assert events == [
        (10, "MPCRecordingInitiated", "POST"),
        (20, "MPCRecordingPaused", "POST"),
        (35, "MPCRecordingResumed", "POST"),
        (50, "MPCRecordingCompleted", "POST"),
    ]
    for request in sim.recording_callbacks():
        assert set(request.params) >= RECORDING_KEYS
    (completed,) = sim.recording_callbacks("MPCRecordingCompleted")
    assert set(completed.params) == RECORDING_KEYS | {"RecordingDuration", "RecordingStartTime", "RecordingEndTime"}
    assert completed.params["RecordingDuration"] == "25"
    assert completed.params["RecordingStartTime"] == "2024-01-01 00:00:10+00:00"
    assert completed.params["RecordingEndTime"] == "2024-01-01 00:00:50+00:00"
    assert completed.params["RecordingFormat"] == "mp3"
    uuid = completed.params["RecordingUUID"]
    assert completed.params["RecordingURL"] == f"https://media.plivo.com/v1/Account/SIMULATION/Recording/{uuid}.mp3"


def test_M7_record_participant_track_reports_each_participants_recording():
    sim = Simulation()
    attrs: dict[str, Any] = {"record_participant_track": True, "recording_callback_url": RECORDING, "stay_alone": True}
    sim.call("agent", mpc("Agent", **attrs), at=0, hangup=100)
    sim.call("cust", mpc("Customer"), at=5, hangup=100)
    sim.recording("support", "start", at=10)
    sim.recording("support", "stop", at=30)
    sim.run(until=40)
    tracks = [
        (r.at, r.params["EventName"], r.params.get("MemberID"), r.params.get("ParticipantCallUUID"))
        for r in sim.recording_callbacks()
        if r.params["EventName"].startswith("Participant")
    ]
    agent, cust = sim.calls["agent"].uuid, sim.calls["cust"].uuid
    assert sorted(tracks) == sorted(
        [
            (10, "ParticipantRecordingInitiated", "1", agent),
            (10, "ParticipantRecordingInitiated", "2", cust),
            (30, "ParticipantRecordingCompleted", "1", agent),
            (30, "ParticipantRecordingCompleted", "2", cust),
        ]
    )
    mpc_events = [r.params["EventName"] for r in sim.recording_callbacks() if r.params["EventName"].startswith("MPC")]
    assert mpc_events == ["MPCRecordingInitiated", "MPCRecordingCompleted"]


# -- M8: a new member id on every join -----------------------------------------------------


def test_M8_a_kicked_call_rejoining_through_its_exit_action_gets_a_new_member_id():
    rejoin = Response().add(MultiPartyCall("support", "Customer", status_callback_url=STATUS)).to_string()
    sim = Simulation(urls={EXIT: rejoin})
    sim.call("agent", mpc("Agent", stay_alone=True), at=0, hangup=100)
    sim.call("cust", mpc("Customer", on_exit_action_url=EXIT), at=5, hangup=100)
    sim.kick("cust", at=20)
    sim.run(until=50)
    cust = sim.calls["cust"]
    assert [m.member_id for m in cust.memberships] == ["2", "3"]
    assert cust.memberships[0].uuid == cust.memberships[1].uuid
    assert [m.exit_reason for m in cust.memberships] == ["Kicked Out of Multiparty Call", None]
    assert [r.params["MemberID"] for r in sim.status_callbacks("ParticipantJoin", call="cust")] == ["2", "3"]
    assert sim.hears(at=30) == {"agent": {"cust"}, "cust": {"agent"}}


def test_M8_a_new_mpc_with_the_same_name_counts_member_ids_from_one():
    sim = Simulation()
    sim.call("a", mpc("Agent"), at=0, hangup=10)
    sim.call("b", mpc("Agent"), at=20, hangup=30)
    sim.run()
    joins = sim.status_callbacks("ParticipantJoin")
    assert [r.params["MemberID"] for r in joins] == ["1", "1"]
    assert joins[0].params["MPCUUID"] != joins[1].params["MPCUUID"]


# -- the seed's comparison table: Conference vs MultiPartyCall ----------------------------


def test_conference_vs_mpc_max_participants():
    assert Conference("room", max_members=20).max_members == 20
    assert MultiPartyCall("support", "Agent", max_participants=10).max_participants == 10
    with pytest.raises(ValidationError, match="max_participants"):
        MultiPartyCall("support", "Agent", max_participants=11)
    with pytest.raises(ValidationError, match="max_members"):
        Conference("room", max_members=21)


def test_conference_vs_mpc_roles():
    sim = Simulation()
    sim.call("c1", Response().add(Conference("room", callback_url=CB)), at=0, hangup=20)
    sim.call("m1", mpc("Agent"), at=0, hangup=20)
    sim.run()
    (enter,) = sim.callbacks("enter")
    assert not any("Role" in key for key in enter.params)
    (join,) = sim.status_callbacks("ParticipantJoin")
    assert join.params["ParticipantRole"] == "Agent"


def test_conference_vs_mpc_coach_mode():
    sim = Simulation()
    sim.call("c_agent", Response().add(Conference("room")), at=0, hangup=50)
    sim.call("c_cust", Response().add(Conference("room")), at=0, hangup=50)
    sim.call("c_sup", Response().add(Conference("room")), at=0, hangup=50)
    sim.call("m_agent", mpc("Agent"), at=0, hangup=50)
    sim.call("m_cust", mpc("Customer"), at=0, hangup=50)
    sim.call("m_sup", mpc("Supervisor"), at=0, hangup=50)
    sim.run(until=20)
    hears = sim.hears(at=10)
    assert hears["c_cust"] == {"c_agent", "c_sup"}  # a Conference has no coaching member
    assert hears["m_cust"] == {"m_agent"}  # an MPC's customer does not hear the coach
    assert "coach_mode" not in Conference.specs


def test_conference_vs_mpc_individual_hold_and_mute():
    sim = Simulation()
    sim.call("c1", Response().add(Conference("room")), at=0, hangup=50)
    sim.call("c2", Response().add(Conference("room")), at=0, hangup=50)
    sim.call("m1", mpc("Agent"), at=0, hangup=50)
    sim.call("m2", mpc("Customer"), at=0, hangup=50)
    sim.update_participant("c2", at=10, hold=True)
    sim.update_participant("m2", at=10, hold=True)
    sim.run(until=20)
    hears = sim.hears(at=15)
    assert hears["c1"] == {"c2"} and hears["c2"] == {"c1"}  # no such control over a Conference member
    assert hears["m1"] == frozenset() and hears["m2"] == frozenset()
    assert len([n for n in notes_for(sim, "c2") if "not in an MPC" in n]) == 1


def test_conference_vs_mpc_api_control():
    sim = Simulation()
    sim.call("c1", Response().add(Conference("room")), at=0, hangup=100)
    sim.call("m1", mpc("Agent", stay_alone=True), at=0, hangup=100)
    sim.call("m2", mpc("Customer"), at=0, hangup=100)
    sim.kick("c1", at=10)
    sim.kick("m2", at=10)
    sim.add_participant("support", "m3", at=20, role="Agent", ring=3)
    sim.recording("support", "start", at=30)
    sim.end_mpc("support", at=40)
    sim.end_mpc("room", at=40)  # a Conference is no MPC: nothing ends
    sim.run(until=60)
    assert sim.calls["c1"].memberships[0].left_at is None
    assert sim.calls["m2"].memberships[0].exit_reason == "Kicked Out of Multiparty Call"
    assert [(r.at, r.call) for r in sim.status_callbacks("ParticipantJoin")][-1] == (23, "m3")
    assert sim.calls["m3"].memberships[0].member_id == "3"
    assert end_event(sim)["MPCTerminationCause"] == "Hangup API Triggered"
    assert sim.hears(at=50)["c1"] == frozenset()  # alone in its conference, still there
    assert sim.audibility(at=50).room("c1") == "room"
