"""Rules C1-C10 of BEHAVIOUR.md, one or more tests each (the rule id is in the name)."""

from __future__ import annotations

import pytest

from plivoxml_plus import Conference, Hangup, Play, Response, Speak
from plivoxml_plus.core import ConferenceOptions, HttpRequest, Simulation

CB = "https://example.com/cb"
ACTION = "https://example.com/action"
HOLD = "https://example.com/hold.xml"
HOLD_DOC = "<Response><Play>https://example.com/hold.mp3</Play></Response>"


def room(name: str = "room", *after: object, **attributes: object) -> Response:
    """A document: <Conference> with callbackUrl (unless given) then ``after``."""
    attributes.setdefault("callback_url", CB)
    response = Response().add(Conference(name, **attributes))  # type: ignore[arg-type]
    for element in after:
        response.add(element)  # type: ignore[arg-type]
    return response


def events(sim: Simulation) -> list[tuple[float, str, str | None]]:
    """(time, ConferenceAction, call) of every callbackUrl event."""
    return [(r.at, r.params["ConferenceAction"], r.call) for r in sim.callbacks()]


def kinds(sim: Simulation) -> list[tuple[str, str | None]]:
    return [(r.kind, r.call) for r in sim.requests]


APP = "15550000000"  # the default To of an inbound call


def up(sim: Simulation, name: str, number: str) -> dict[str, str]:
    """The standard parameters of the inbound call ``name`` while it is up; it was
    added ``number``-th, so its default From is that number."""
    uuid = sim.calls[name].uuid
    return {
        "CallUUID": uuid,
        "From": number,
        "To": APP,
        "CallerName": number,
        "Direction": "inbound",
        "CallStatus": "in-progress",
    }


def hung_up(sim: Simulation, name: str, number: str, seconds: str) -> dict[str, str]:
    """... and once it has ended, after ``seconds`` (whole, each begun counting)."""
    return {
        **up(sim, name, number),
        "CallStatus": "completed",
        "HangupCause": "NORMAL_CLEARING",
        "Duration": seconds,
        "BillDuration": seconds,
    }


# -- C1: a room is its name, from the first join to the end ---------------------------------


def test_C1_same_name_while_open_is_one_conference_with_member_ids_in_join_order():
    sim = Simulation()
    sim.call("alice", room(), at=0, hangup=50)
    sim.call("bob", room(), at=10, hangup=40)
    sim.run()
    enter = sim.callbacks("enter")
    assert [r.params["ConferenceMemberID"] for r in enter] == ["1", "2"]
    assert enter[0].params["ConferenceUUID"] == enter[1].params["ConferenceUUID"]
    assert {r.params["ConferenceName"] for r in sim.callbacks()} == {"room"}


def test_C1_a_join_after_the_end_opens_a_new_conference():
    sim = Simulation()
    sim.call("alice", room(), at=0, hangup=10)
    sim.call("bob", room(), at=20, hangup=30)
    sim.call("carol", room("other"), at=0, hangup=30)
    sim.run()
    uuids = {r.call: r.params["ConferenceUUID"] for r in sim.callbacks("enter")}
    assert len(set(uuids.values())) == 3
    assert sim.calls["alice"].memberships[0].left_at == 10
    assert sim.calls["bob"].memberships[0].member_id == "1"  # a new conference counts from 1 again


def test_C1_rejoining_the_same_room_gives_a_new_member_id():
    sim = Simulation()
    sim.call("host", room(), at=0, hangup=100)
    doc = room("room", Conference("room", callback_url=CB), hangup_on_star=True)
    sim.call("guest", doc, at=5, hangup=90)
    sim.press("guest", "*", at=20)
    sim.run()
    guest = sim.calls["guest"]
    assert [m.member_id for m in guest.memberships] == ["2", "3"]
    assert guest.memberships[0].conference_uuid == guest.memberships[1].conference_uuid
    assert guest.memberships[0].left_at == 20 and guest.memberships[1].joined_at == 20
    assert [a for _, a, c in events(sim) if c == "guest"] == ["enter", "exit", "enter", "exit"]


# -- C2: waiting vs started; waitSound -----------------------------------------------------


def test_C2_waiting_members_hear_wait_sound_not_each_other_until_the_moderator():
    sim = Simulation(urls={HOLD: HOLD_DOC})
    participant = room(start_conference_on_enter=False, wait_sound=HOLD)
    sim.call("ann", participant, at=0, hangup=100)
    sim.call("ben", participant, at=5, hangup=100)
    sim.call("mod", room(), at=30, hangup=100)
    sim.run(until=50)
    before = sim.audibility(at=20)
    assert before.hears("ann") == frozenset() and before.hears("ben") == frozenset()
    assert before.instead("ann") == "waitSound:" + HOLD
    assert sim.hears(at=40) == {"ann": {"ben", "mod"}, "ben": {"ann", "mod"}, "mod": {"ann", "ben"}}
    assert sim.audibility(at=40).instead("ann") is None
    assert [r.kind for r in sim.requests_to(HOLD)] == ["wait-sound", "wait-sound"]
    # POST: plivoframework's remote sound fetch (Plivo's docs do not say); each for its own call
    assert [(r.method, r.call, r.params) for r in sim.requests_to(HOLD)] == [
        ("POST", "ann", up(sim, "ann", "15550000001")),
        ("POST", "ben", up(sim, "ben", "15550000002")),
    ]


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_C2_option_wait_sound_method(method):
    sim = Simulation(urls={HOLD: HOLD_DOC}, options=ConferenceOptions(wait_sound_method=method))
    sim.call("ann", room(wait_sound=HOLD, enter_sound=HOLD), at=0, hangup=10)
    sim.run()
    # the enterSound fetch keeps its own default (POST): the two options are apart
    assert [(r.kind, r.method) for r in sim.requests_to(HOLD)] == [("wait-sound", method), ("enter-sound", "POST")]


def test_C2_a_lone_moderator_waits_for_a_second_member():
    sim = Simulation()
    sim.call("mod", room(), at=0, hangup=100)
    sim.call("guest", room(), at=30, hangup=100)
    sim.run()
    starts = [e.at for e in sim.timeline if e.kind == "start"]
    assert starts == [30]
    assert sim.audibility(at=10).instead("mod") == "silence"


def test_C2_option_a_lone_moderator_starts_the_conference():
    sim = Simulation(options=ConferenceOptions(start_requires_two=False))
    sim.call("mod", room(), at=0, hangup=100)
    sim.run()
    assert [e.at for e in sim.timeline if e.kind == "start"] == [0]
    assert sim.audibility(at=10).instead("mod") == "silence"  # alone: still hears no one (C2)


def test_C2_no_start_without_a_start_conference_on_enter_member():
    sim = Simulation()
    waiting = room(start_conference_on_enter=False)
    for index, name in enumerate(("a", "b", "c")):
        sim.call(name, waiting, at=index, hangup=60)
    sim.run()
    assert not [e for e in sim.timeline if e.kind == "start"]
    assert sim.hears(at=30) == {"a": set(), "b": set(), "c": set()}


def test_C2_a_missing_or_invalid_wait_sound_is_silence_and_noted():
    bad = "https://example.com/bad.xml"
    sim = Simulation(urls={bad: "<Response><Conference>no</Conference></Response>"})
    sim.call("a", room(start_conference_on_enter=False, wait_sound=HOLD), at=0, hangup=10)
    sim.call("b", room(start_conference_on_enter=False, wait_sound=bad), at=0, hangup=10)
    sim.run()
    audibility = sim.audibility(at=5)
    assert audibility.instead("a") == "silence" and audibility.instead("b") == "silence"
    notes = [n.text for n in sim.notes]
    assert any(HOLD in n and "no document" in n for n in notes)
    assert any(bad in n and "invalid document" in n for n in notes)


def test_C2_the_last_member_of_a_started_room_hears_wait_sound_again():
    sim = Simulation(urls={HOLD: HOLD_DOC})
    sim.call("first", room(wait_sound=HOLD), at=0, hangup=100)
    sim.call("second", room(), at=10, hangup=50)
    sim.run()
    assert sim.audibility(at=30).hears("first") == {"second"}
    assert sim.audibility(at=60).instead("first") == "waitSound:" + HOLD


# -- C3: endConferenceOnExit -----------------------------------------------------------------


def test_C3_end_conference_on_exit_exits_everyone_and_their_calls_go_on():
    sim = Simulation(urls={ACTION: "<Response><Speak>after</Speak></Response>"})
    sim.call("mod", room(end_conference_on_exit=True, action=ACTION), at=0, hangup=60)
    sim.call("p1", room("room", Speak("next element")), at=5)
    sim.call("p2", room(action=ACTION), at=6)
    sim.run()
    assert [(k, c) for k, c in kinds(sim) if k in ("callback", "action")][-5:] == [
        ("callback", "mod"),  # mod's exit
        ("action", "mod"),  # made, but mod has hung up: nothing runs
        ("callback", "p1"),
        ("callback", "p2"),
        ("action", "p2"),
    ]
    assert [a for t, a, _ in events(sim) if t == 60] == ["exit", "exit", "exit"]
    assert sim.calls["p1"].executed == ["Conference", "Speak"]  # its next element
    assert sim.calls["p2"].executed == ["Conference", "Speak"]  # what its action URL returned
    assert sim.calls["p1"].ended_at == 60 + 1  # "next element" = 2 words: 1 s (the floor)
    assert sim.calls["mod"].executed == ["Conference"]


def test_C3_option_remaining_calls_are_hung_up():
    sim = Simulation(options=ConferenceOptions(remaining_calls_continue=False))
    sim.call("mod", room(end_conference_on_exit=True), at=0, hangup=60)
    sim.call("p1", room("room", Speak("never said")), at=5)
    sim.run()
    assert sim.calls["p1"].executed == ["Conference"]
    assert sim.calls["p1"].ended_at == 60


def test_C3_end_conference_on_exit_while_waiting_also_ends_the_room():
    sim = Simulation()
    sim.call("a", room(start_conference_on_enter=False, end_conference_on_exit=True), at=0, hangup=20)
    sim.call("b", room(start_conference_on_enter=False), at=5, hangup=100)
    sim.run()
    assert sim.calls["b"].ended_at == 20  # left at 20, end of document
    assert sim.calls["b"].memberships[0].exit_reason == "the conference ended"


# -- C4: stayAlone=false ---------------------------------------------------------------------


def test_C4_stay_alone_false_ends_the_conference_when_back_to_one():
    sim = Simulation()
    sim.call("a", room("room", Speak("alone now"), stay_alone=False), at=0, hangup=300)
    sim.call("b", room(), at=10, hangup=40)
    sim.run()
    a = sim.calls["a"]
    assert a.memberships[0].left_at == 40
    assert a.executed == ["Conference", "Speak"]
    ends = [e.text for e in sim.timeline if e.kind == "end"]
    assert ends == ["conference 'room' ended: stayAlone=false and only one member left"]


def test_C4_a_first_caller_waiting_alone_is_not_removed():
    sim = Simulation()
    sim.call("a", room(stay_alone=False), at=0, hangup=300)
    sim.run()
    assert sim.calls["a"].memberships[0].left_at == 300
    assert sim.calls["a"].end_reason == "the caller hung up"


def test_C4_stay_alone_true_keeps_the_last_member():
    sim = Simulation()
    sim.call("a", room(), at=0, hangup=300)
    sim.call("b", room(), at=10, hangup=40)
    sim.run()
    assert sim.calls["a"].memberships[0].left_at == 300


def test_C4_option_applies_at_once_removes_a_lone_first_caller():
    def lone(options: ConferenceOptions) -> tuple[float | None, list[str]]:
        sim = Simulation(options=options)
        sim.call("c", room("solo", Speak("removed"), stay_alone=False), at=0, hangup=300)
        sim.run()
        return sim.calls["c"].memberships[0].left_at, sim.calls["c"].executed

    assert lone(ConferenceOptions()) == (300, ["Conference"])
    assert lone(ConferenceOptions(stay_alone_applies_after_two=False)) == (0, ["Conference", "Speak"])


# -- C5: maxMembers ----------------------------------------------------------------------------


def test_C5_overflow_caller_skips_conference():
    sim = Simulation()
    small = room("room", Speak("the room is full"), max_members=2, action=ACTION)
    sim.call("a", small, at=0, hangup=100)
    sim.call("b", small, at=1, hangup=100)
    sim.call("c", small, at=2)
    sim.run()
    c = sim.calls["c"]
    assert c.executed == ["Conference", "Speak"]
    assert c.memberships == [] and c.overflows == [(2, "room")]
    assert [r for r in sim.requests if r.call == "c"] == []  # no enter/exit, no action
    assert c.ended_at == 2 + 1.6  # 4 words at 2.5 words/s


def test_C5_overflow_with_no_next_element_hangs_up():
    sim = Simulation()
    sim.call("a", room(max_members=1), at=0, hangup=100)
    sim.call("b", room(max_members=1), at=5)
    sim.run()
    assert sim.calls["b"].ended_at == 5 and sim.calls["b"].end_reason == "end of document"


def test_C5_option_action_on_overflow_requests_action_with_empty_member_id():
    sim = Simulation(urls={ACTION: "<Response><Speak>sorry</Speak></Response>"},
                     options=ConferenceOptions(action_on_overflow=True))
    sim.call("a", room(max_members=1), at=0, hangup=100)
    sim.call("b", room("room", Hangup(), max_members=1, action=ACTION), at=5)
    sim.run()
    (request,) = sim.requests_to(ACTION)
    assert request.params["ConferenceMemberID"] == "" and request.method == "POST"
    assert sim.calls["b"].executed == ["Conference", "Speak"]  # the action's document replaced the rest


def test_C5_max_members_from_first_vs_joiner():
    def third_caller(options: ConferenceOptions) -> list[str]:
        sim = Simulation(options=options)
        sim.call("a", room(max_members=2), at=0, hangup=100)
        sim.call("b", room(), at=1, hangup=100)
        sim.call("c", room("room", Speak("skipped")), at=2, hangup=100)
        sim.run()
        return sim.calls["c"].executed

    assert third_caller(ConferenceOptions()) == ["Conference", "Speak"]  # the room's cap is the first member's
    assert third_caller(ConferenceOptions(max_members_from="joiner")) == ["Conference"]  # c's own cap: 20


# -- C6: exit, then the action request --------------------------------------------------------


def test_C6_exit_event_then_action_and_redirect_true_follows_the_returned_xml():
    sim = Simulation(urls={ACTION: "<Response><Speak>goodbye</Speak><Hangup/></Response>"})
    sim.call("host", room(), at=0, hangup=100)
    sim.call("a", room("room", Speak("never reached"), action=ACTION, method="GET", hangup_on_star=True), at=1)
    sim.press("a", "*", at=10)
    sim.run()
    mine = [r for r in sim.requests if r.call == "a"]
    assert [(r.kind, r.params.get("ConferenceAction")) for r in mine] == [
        ("callback", "enter"),
        ("callback", "exit"),
        ("action", None),
    ]
    action = mine[-1]
    assert action.method == "GET" and action.at == 10
    uuid = sim.calls["a"].memberships[0].conference_uuid
    assert action.params == {
        "ConferenceName": "room",
        "ConferenceUUID": uuid,
        "ConferenceMemberID": "2",
        **up(sim, "a", "15550000002"),
    }
    assert sim.calls["a"].executed == ["Conference", "Speak", "Hangup"]


def test_C6_redirect_false_requests_action_and_goes_on_with_the_next_element():
    sim = Simulation(urls={ACTION: "<Response><Speak>not used</Speak></Response>"})
    sim.call("host", room(), at=0, hangup=100)
    sim.call("a", room("room", Play("https://example.com/next.mp3"), action=ACTION, redirect=False,
                       hangup_on_star=True), at=1)
    sim.press("a", "*", at=10)
    sim.run()
    assert [r.method for r in sim.requests_to(ACTION)] == ["POST"]
    assert sim.calls["a"].executed == ["Conference", "Play"]
    assert sim.calls["a"].ended_at == 20  # Play: 10 s by default


def test_C6_a_caller_who_hung_up_gets_the_action_request_but_nothing_executes():
    sim = Simulation(urls={ACTION: "<Response><Speak>not for a dead call</Speak></Response>"})
    sim.call("host", room(), at=0, hangup=100)
    sim.call("a", room(action=ACTION), at=1, hangup=30)
    sim.run()
    (action,) = sim.requests_to(ACTION)
    assert action.at == 30
    assert sim.calls["a"].executed == ["Conference"]


def test_C6_a_missing_action_document_is_noted_and_the_call_goes_on():
    sim = Simulation()
    sim.call("host", room(), at=0, hangup=100)
    sim.call("a", room("room", Speak("fallback"), action=ACTION, hangup_on_star=True), at=1)
    sim.press("a", "*", at=10)
    sim.run()
    assert sim.calls["a"].executed == ["Conference", "Speak"]
    assert any(ACTION in n.text for n in sim.notes)


def test_C6_option_a_bad_action_document_ends_the_call():
    sim = Simulation(urls={ACTION: "<Response><Bogus/></Response>"},
                     options=ConferenceOptions(bad_document_ends_call=True))
    sim.call("host", room(), at=0, hangup=100)
    sim.call("a", room("room", Speak("fallback"), action=ACTION, hangup_on_star=True), at=1)
    sim.press("a", "*", at=10)
    sim.run()
    assert sim.calls["a"].executed == ["Conference"]
    assert sim.calls["a"].ended_at == 10


# -- C7: hangupOnStar, digitsMatch, relayDTMF, floorEvent, timeLimit --------------------------


def test_C7_hangup_on_star_leaves_without_hanging_up():
    sim = Simulation()
    sim.call("host", room(), at=0, hangup=100)
    sim.call("a", room("room", Speak("out of the room"), hangup_on_star=True), at=1)
    sim.press("a", "1*2", at=10)
    sim.run()
    a = sim.calls["a"]
    assert a.memberships[0].left_at == 10 and a.memberships[0].exit_reason == "pressed * (hangupOnStar)"
    assert a.executed == ["Conference", "Speak"] and a.ended_at == 10 + 1.6
    assert any("'2'" in n.text for n in sim.notes)  # the digit after * went nowhere


def test_C7_star_without_hangup_on_star_stays_and_is_relayed():
    sim = Simulation()
    sim.call("host", room(), at=0, hangup=100)
    sim.call("a", room(), at=1, hangup=100)
    sim.press("a", "*", at=10)
    sim.run()
    assert sim.calls["a"].memberships[0].left_at == 100
    assert [e.text for e in sim.timeline if e.kind == "relay"] == ["DTMF '*' relayed to host"]


def test_C7_digits_match_reports_each_matching_pattern():
    sim = Simulation()
    sim.call("host", room(), at=0, hangup=100)
    sim.call("a", room(digits_match="#0,99,000"), at=1, hangup=100)
    sim.press("a", "99", at=10)
    sim.press("a", "000", at=20)
    sim.press("a", "12", at=30)
    sim.press("a", "#0", at=40)
    sim.run()
    digits = [(r.at, r.params["ConferenceDigitsMatch"]) for r in sim.callbacks("digits")]
    assert digits == [(10, "99"), (20, "000"), (40, "#0")]
    assert sim.callbacks("digits")[0].params == {
        "ConferenceAction": "digits",
        "ConferenceName": "room",
        "ConferenceUUID": sim.calls["a"].memberships[0].conference_uuid,
        "ConferenceMemberID": "2",
        **up(sim, "a", "15550000002"),
        "ConferenceDigitsMatch": "99",
    }
    assert [e.text for e in sim.timeline if e.kind == "relay"] == ["DTMF '12' relayed to host"]


def test_C7_a_pattern_that_starts_a_longer_one_waits_for_the_interdigit_timeout():
    sim = Simulation()
    sim.call("host", room(), at=0, hangup=100)
    sim.call("a", room(digits_match=["9", "99"]), at=1, hangup=100)
    sim.press("a", "9", at=10)
    sim.press("a", "99", at=20)
    sim.press("a", "9", at=30)
    sim.press("a", "9", at=31)  # within 1.5 s: one sequence
    sim.run()
    assert [(r.at, r.params["ConferenceDigitsMatch"]) for r in sim.callbacks("digits")] == [
        (11.5, "9"),
        (20, "99"),
        (31, "99"),
    ]


def test_C7_digits_match_needs_a_callback_url_unless_the_option_says_otherwise():
    def relayed(options: ConferenceOptions) -> list[str]:
        sim = Simulation(options=options)
        sim.call("host", room(), at=0, hangup=100)
        sim.call("a", room(digits_match="99", callback_url=None), at=1, hangup=100)
        sim.press("a", "99", at=10)
        sim.run()
        return [e.text for e in sim.timeline if e.kind == "relay"]

    assert relayed(ConferenceOptions()) == ["DTMF '99' relayed to host"]
    assert relayed(ConferenceOptions(digits_match_needs_callback=False)) == []


def test_C7_relay_dtmf_false_relays_nothing():
    sim = Simulation()
    sim.call("host", room(), at=0, hangup=100)
    sim.call("a", room(relay_dtmf=False), at=1, hangup=100)
    sim.press("a", "123", at=10)
    sim.run()
    assert [e for e in sim.timeline if e.kind == "relay"] == []


def test_C7_floor_event_goes_to_whoever_takes_the_floor():
    sim = Simulation()
    for name, start in (("a", 0), ("b", 1), ("c", 2)):
        sim.call(name, room(floor_event=True), at=start, hangup=200)
    sim.talk("a", start=10, end=20)
    sim.talk("b", start=15, end=30)  # starts while a holds the floor
    sim.talk("c", start=25, end=28)  # a stopped at 20: b holds it; c does not take it
    sim.talk("c", start=40, end=45)  # b silent since 30: c takes it
    sim.run()
    assert [(t, c) for t, a, c in events(sim) if a == "floor"] == [(10, "a"), (20, "b"), (40, "c")]
    assert sim.callbacks("floor")[0].params == {
        "ConferenceAction": "floor",
        "ConferenceName": "room",
        "ConferenceUUID": sim.calls["a"].memberships[0].conference_uuid,
        "ConferenceMemberID": "1",
        **up(sim, "a", "15550000001"),
    }


def test_C7_floor_event_is_sent_only_for_members_that_asked_and_muted_members_never_hold_it():
    sim = Simulation()
    sim.call("a", room(floor_event=True), at=0, hangup=200)
    sim.call("b", room(), at=1, hangup=200)
    sim.call("m", room(floor_event=True, muted=True), at=2, hangup=200)
    sim.talk("m", start=5, end=50)
    sim.talk("b", start=10, end=20)
    sim.talk("a", start=30, end=40)
    sim.run()
    assert [(t, c) for t, a, c in events(sim) if a == "floor"] == [(30, "a")]
    assert [e.call for e in sim.timeline if e.kind == "floor"] == ["b", "a"]


def test_C7_time_limit_counts_from_the_start_of_the_conference():
    sim = Simulation()
    sim.call("a", room("room", Speak("time is up"), time_limit=60), at=0)
    sim.call("b", room(time_limit=120), at=30)
    sim.run()
    assert sim.calls["a"].memberships[0].left_at == 90  # started at 30, smallest limit 60
    assert sim.calls["b"].memberships[0].exit_reason == "the conference ended"
    assert [e.text for e in sim.timeline if e.kind == "end"] == ["conference 'room' ended: timeLimit reached"]


def test_C7_option_time_limit_from_last_join_rearms_on_each_join():
    sim = Simulation(options=ConferenceOptions(time_limit_from="last_join"))
    sim.call("a", room(time_limit=60), at=0)
    sim.call("b", room(time_limit=60), at=30)
    sim.run()
    assert sim.calls["a"].memberships[0].left_at == 90


def test_C7_time_limit_zero_means_no_limit_unless_the_option_says_otherwise():
    sim = Simulation()
    sim.call("a", room(time_limit=0), at=0, hangup=500)
    sim.call("b", room(time_limit=0), at=1, hangup=500)
    sim.run()
    assert sim.calls["a"].memberships[0].left_at == 500
    strict = Simulation(options=ConferenceOptions(time_limit_zero_is_unlimited=False))
    strict.call("a", room(time_limit=0), at=0, hangup=500)
    strict.call("b", room(time_limit=0), at=1, hangup=500)
    strict.run()
    assert strict.calls["a"].memberships[0].left_at == 1


def test_C7_default_time_limit_ends_a_conference_nobody_leaves():
    sim = Simulation()
    sim.call("a", room(), at=0)
    sim.call("b", room(), at=10)
    sim.run()
    assert sim.calls["a"].ended_at == 10 + 86400  # timeLimit's default, from the start


# -- C8: muted; nobody hears itself ----------------------------------------------------------


def test_C8_muted_members_hear_everyone_and_are_heard_by_no_one():
    sim = Simulation()
    sim.call("speaker", room(), at=0, hangup=100)
    sim.call("listener", room(muted=True), at=1, hangup=100)
    sim.call("other", room(), at=2, hangup=100)
    sim.run(until=50)
    audibility = sim.audibility()
    assert audibility.hears("listener") == {"speaker", "other"}
    assert audibility.heard_by("listener") == frozenset()
    assert audibility.hears("speaker") == {"other"}
    matrix = audibility.matrix()
    assert all(not matrix[name][name] for name in matrix)
    assert matrix["speaker"]["other"] and not matrix["speaker"]["listener"]


# -- C9: recording and transcription --------------------------------------------------------


def test_C9_record_event_carries_the_recording_figures():
    sim = Simulation(epoch_ms=1_000_000_000_000)
    sim.call("host", room(record=True, record_file_format="wav"), at=0, hangup=300)
    sim.call("guest", room(), at=15.25, hangup=240)
    sim.run()
    (record,) = sim.callbacks("record")
    p = record.params
    assert record.at == 300 and record.call == "host"
    assert p["RecordingStartMs"] == str(1_000_000_000_000 + 15_250)
    assert p["RecordingEndMs"] == str(1_000_000_000_000 + 300_000)
    assert p["RecordingDurationMs"] == "284750" and p["RecordingDuration"] == "285"
    assert p["RecordUrl"].endswith(p["RecordingID"] + ".wav")
    # sent once the conference has ended, with the host's call: it has hung up
    assert p == {
        "ConferenceAction": "record",
        "ConferenceName": "room",
        "ConferenceUUID": sim.calls["host"].memberships[0].conference_uuid,
        "ConferenceMemberID": "1",
        **hung_up(sim, "host", "15550000001", "300"),
        "RecordUrl": p["RecordUrl"],
        "RecordingID": p["RecordingID"],
        "RecordingDuration": "285",
        "RecordingDurationMs": "284750",
        "RecordingStartMs": str(1_000_000_000_000 + 15_250),
        "RecordingEndMs": str(1_000_000_000_000 + 300_000),
    }


def test_C9_action_requests_carry_the_recording():
    sim = Simulation()
    sim.call("guest", room(action=ACTION), at=0, hangup=240)
    sim.call("early", room(action=ACTION), at=1, hangup=5)  # leaves before anyone records
    sim.call("host", room(record=True, action=ACTION), at=10, hangup=300)
    sim.run()
    by_call = {r.call: r.params for r in sim.requests_to(ACTION)}
    assert "RecordUrl" not in by_call["early"]
    record = sim.callbacks("record")[0].params
    assert by_call["guest"]["RecordUrl"] == record["RecordUrl"]
    assert by_call["host"]["RecordingID"] == record["RecordingID"]


def test_C9_transcription_request_follows_the_recording():
    url = "https://example.com/transcription/"
    sim = Simulation(options=ConferenceOptions(transcription_delay=30))
    sim.call("host", room(record=True, transcription_type="auto", transcription_url=url), at=0, hangup=125)
    sim.call("guest", room(), at=5, hangup=200)
    sim.run()
    (request,) = sim.requests_to(url)
    record = sim.callbacks("record")[0]
    assert request.kind == "transcription" and request.method == "POST" and request.at == 230
    # its own parameters only, by default (call_params_on_transcription)
    assert request.params == {
        "transcription": "",
        "transcription_charge": "0.20000",
        "transcription_rate": "0.05000",
        "duration": "195",
        "call_uuid": sim.calls["host"].uuid,
        "recording_id": record.params["RecordingID"],
        "error": "",
    }


def test_C9_option_call_params_on_transcription():
    url = "https://example.com/transcription/"
    options = ConferenceOptions(transcription_delay=30, call_params_on_transcription=True)
    sim = Simulation(options=options)
    sim.call("host", room(record=True, transcription_type="auto", transcription_url=url), at=0, hangup=125)
    sim.call("guest", room(), at=5, hangup=200.5)
    sim.run()
    (request,) = sim.requests_to(url)
    assert request.at == 230.5
    own = {key: value for key, value in request.params.items() if key.islower()}
    assert set(own) == {
        "transcription", "transcription_charge", "transcription_rate", "duration", "call_uuid", "recording_id",
        "error",
    }
    # the host's call, as it is when the request is made: long over
    assert {key: value for key, value in request.params.items() if not key.islower()} == hung_up(
        sim, "host", "15550000001", "125"
    )


def test_C9_no_recording_while_waiting_unless_record_when_alone():
    sim = Simulation()
    sim.call("host", room(record=True), at=0, hangup=100)
    sim.run()
    assert sim.callbacks("record") == []
    alone = Simulation()
    alone.call("host", room(record=True, record_when_alone=True), at=0, hangup=100)
    alone.run()
    assert alone.callbacks("record")[0].params["RecordingDurationMs"] == "100000"


# -- C10: enter and exit sounds -----------------------------------------------------------------


def test_C10_enter_and_exit_sounds_play_to_the_room():
    join = "https://example.com/join.xml"
    sim = Simulation(urls={join: "<Response><Speak>welcome</Speak></Response>"})
    sim.call("a", room(enter_sound="beep:1", exit_sound="beep:2"), at=0, hangup=50)
    sim.call("b", room(enter_sound=join), at=10, hangup=100)
    sim.run()
    sounds = [(e.at, e.text) for e in sim.timeline if e.kind == "sound"]
    assert sounds == [
        (0, "enterSound beep:1 played to the room"),
        (10, f"enterSound {join} played to the room"),
        (50, "exitSound beep:2 played to the room"),
    ]
    (fetch,) = sim.requests_to(join)
    # POST, as Plivo's Conference page says; for the call whose join plays it
    assert (fetch.kind, fetch.method, fetch.call) == ("enter-sound", "POST", "b")
    assert fetch.params == up(sim, "b", "15550000002")


def test_C10_an_exit_sound_url_is_fetched_for_the_leaving_call_as_it_is_then():
    leave = "https://example.com/leave.xml"
    sim = Simulation(urls={leave: HOLD_DOC})
    sim.call("stay", room(), at=0, hangup=100)
    sim.call("star", room(exit_sound=leave, hangup_on_star=True), at=1, hangup=100)
    sim.call("gone", room(exit_sound=leave), at=2, hangup=30.2)
    sim.press("star", "*", at=20)
    sim.run()
    assert [(r.at, r.method, r.call, r.params) for r in sim.requests_to(leave)] == [
        (20, "POST", "star", up(sim, "star", "15550000002")),  # left by *: still up
        (30.2, "POST", "gone", hung_up(sim, "gone", "15550000003", "29")),  # left by hanging up
    ]


def test_C10_a_sound_url_that_is_not_a_sound_document_plays_nothing():
    join = "https://example.com/join.xml"
    sim = Simulation(urls={join: "<Response><Conference>x</Conference></Response>"})
    sim.call("a", room(enter_sound=join), at=0, hangup=50)
    sim.run()
    assert [e for e in sim.timeline if e.kind == "sound"] == []
    assert any(join in n.text for n in sim.notes)


def test_C10_no_exit_sound_for_the_last_member():
    sim = Simulation()
    sim.call("a", room(exit_sound="beep:2"), at=0, hangup=50)
    sim.run()
    assert [e for e in sim.timeline if e.kind == "sound"] == []


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_C10_option_sound_fetch_method(method):
    join = "https://example.com/join.xml"
    sim = Simulation(urls={join: HOLD_DOC}, options=ConferenceOptions(sound_fetch_method=method))
    sim.call("a", room(enter_sound=join), at=0, hangup=50)
    sim.run()
    assert [r.method for r in sim.requests_to(join)] == [method]


def test_callbacks_use_the_callback_method():
    sim = Simulation()
    sim.call("a", room(callback_method="GET"), at=0, hangup=10)
    sim.run()
    assert {r.method for r in sim.callbacks()} == {"GET"}
    assert all(isinstance(r, HttpRequest) and all(isinstance(v, str) for v in r.params.values()) for r in sim.requests)
