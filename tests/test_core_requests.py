"""Requests as Plivo sends them: every request a call causes carries that call's
standard parameters (From, To, CallStatus...) besides its own, with the method
docs/rules.md ("Requests") gives for its kind."""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plivoxml_plus import Conference, Redirect, Response, ScenarioError, SimulationError, Speak
from plivoxml_plus.core import ConferenceOptions, HttpRequest, Simulation, load_scenario
from plivoxml_plus.core.platform._requests import CALL_PARAMS, ROUTES, RequestKind, Route
from plivoxml_plus.elements import ELEMENT_CLASSES
from tests.test_core_properties import plans, simulate

ROOT = Path(__file__).resolve().parent.parent
CB = "https://example.com/cb"
ACTION = "https://example.com/action"
HOLD = "https://example.com/hold.xml"
JOIN = "https://example.com/join.xml"
LEAVE = "https://example.com/leave.xml"
NEXT = "https://example.com/next.xml"
TRANSCRIBE = "https://example.com/transcription"
SOUND = "<Response><Play>https://example.com/s.mp3</Play></Response>"
FETCHES = {"action", "redirect", "wait-sound", "enter-sound", "exit-sound"}  # the kinds that fetch XML
# the routes a Conference call's requests take (and Redirect's), by kind
CONFERENCE_ROUTES: dict[RequestKind, Route] = {
    route.kind: route for route in ROUTES.values() if route.element in ("Conference", "Redirect")
}
REQUEST_KINDS = tuple(CONFERENCE_ROUTES)


def standard(request: HttpRequest) -> dict[str, str]:
    """The standard call parameters among a request's parameters."""
    return {key: value for key, value in request.params.items() if key in CALL_PARAMS}


def own(request: HttpRequest) -> dict[str, str]:
    return {key: value for key, value in request.params.items() if key not in CALL_PARAMS or key == "CallUUID"}


# -- every kind, each with its own call ---------------------------------------------------------


def every_kind() -> Simulation:
    """One run that makes a request of every kind, for two calls with given numbers:
    an inbound host who hangs up at 60, an outbound guest reached through a
    Redirect who leaves by pressing *."""
    host = Response().add(
        Conference(
            "room",
            callback_url=CB,
            action=ACTION,
            wait_sound=HOLD,
            enter_sound=JOIN,
            record=True,
            transcription_type="auto",
            transcription_url=TRANSCRIBE,
            floor_event=True,
            digits_match="99",
            start_conference_on_enter=False,
        )
    )
    guest_room = Response().add(
        Conference("room", callback_url=CB, action=ACTION, hangup_on_star=True, exit_sound=LEAVE)
    )
    urls = {HOLD: SOUND, JOIN: SOUND, LEAVE: SOUND, ACTION: "<Response><Speak>bye</Speak></Response>"}
    urls[NEXT] = guest_room.to_string()
    sim = Simulation(urls=urls, options=ConferenceOptions(call_params_on_transcription=True))
    sim.call("host", host, at=0, hangup=60, from_="14155550101", to="14155550000")
    sim.call("guest", Response().add(Redirect(NEXT)), at=5, direction="outbound", to="sip:guest@example.com")
    sim.press("host", "99", at=10)
    sim.talk("host", start=12, end=14)
    sim.press("guest", "*", at=30)
    sim.run()
    return sim


def test_every_kind_of_request_carries_the_standard_parameters_of_its_own_call():
    sim = every_kind()
    assert {r.kind for r in sim.requests} == set(REQUEST_KINDS)  # (the run covers every kind)
    host, guest = sim.calls["host"], sim.calls["guest"]
    numbers = {
        "host": {"From": "14155550101", "To": "14155550000", "CallerName": "14155550101", "Direction": "inbound"},
        # an outbound call: From is the app's number by default, To as given
        "guest": {
            "From": "15550000000",
            "To": "sip:guest@example.com",
            "CallerName": "15550000000",
            "Direction": "outbound",
            "ALegUUID": guest.uuid,
            "ALegRequestUUID": sim.requests_to(NEXT)[0].params["ALegRequestUUID"],
        },
    }
    ended = {"host": host.ended_at, "guest": guest.ended_at}
    assert ended["host"] == 60 and ended["guest"] is not None and ended["guest"] > 30
    for request in sim.requests:
        assert request.call in ("host", "guest")
        name = request.call
        record = sim.calls[name]
        expected = {"CallUUID": record.uuid, **numbers[name]}
        end = ended[name]
        if end is not None and request.at >= end:  # no request of this run falls at its call's end but before it
            seconds = str(int(-(-(end - record.answer_at) // 1)))
            expected |= {"CallStatus": "completed", "HangupCause": "NORMAL_CLEARING"}
            expected |= {"Duration": seconds, "BillDuration": seconds}
        else:
            expected["CallStatus"] = "in-progress"
        assert standard(request) == expected, (request.kind, request.at, name)
    statuses = {(r.kind, r.call, r.params["CallStatus"]) for r in sim.requests}
    assert ("action", "host", "completed") in statuses and ("action", "guest", "in-progress") in statuses
    assert ("callback", "host", "completed") in statuses  # the record event: the host has hung up


def test_each_kind_uses_its_documented_method():
    sim = every_kind()
    methods = {(r.kind, r.method) for r in sim.requests}
    # action, callbackUrl, transcriptionUrl and Redirect: their attributes' default, POST;
    # the three sound fetches: POST (the Conference page; plivoframework for waitSound)
    assert methods == {(kind, "POST") for kind in REQUEST_KINDS}


def test_each_request_carries_only_its_own_documented_parameters_and_the_calls():
    for request in every_kind().requests:
        assert set(own(request)) <= set(CONFERENCE_ROUTES[request.kind].own) | {"CallUUID"}, request.kind
        assert set(request.params) <= set(CONFERENCE_ROUTES[request.kind].own) | set(CALL_PARAMS)
        assert all(isinstance(value, str) for value in request.params.values())


def test_an_action_request_after_the_caller_hung_up_says_completed():
    sim = Simulation(urls={ACTION: "<Response><Speak>not run</Speak></Response>"})
    sim.call("host", Response().add(Conference("room")), at=0, hangup=100)
    sim.call("a", Response().add(Conference("room", action=ACTION)), at=2, hangup=32.5)
    sim.run()
    (request,) = sim.requests_to(ACTION)
    assert request.at == 32.5
    assert request.params == {
        "ConferenceName": "room",
        "ConferenceUUID": sim.calls["a"].memberships[0].conference_uuid,
        "ConferenceMemberID": "2",
        "CallUUID": sim.calls["a"].uuid,
        "From": "15550000002",
        "To": "15550000000",
        "CallerName": "15550000002",
        "Direction": "inbound",
        "CallStatus": "completed",
        "HangupCause": "NORMAL_CLEARING",
        "Duration": "31",  # 30.5 s: every second begun counts
        "BillDuration": "31",
    }


def test_an_action_request_while_the_call_is_up_says_in_progress_and_has_no_hangup_figures():
    sim = Simulation(urls={ACTION: "<Response><Speak>next</Speak></Response>"})
    sim.call("host", Response().add(Conference("room", end_conference_on_exit=True)), at=0, hangup=20)
    sim.call("a", Response().add(Conference("room", action=ACTION)), at=2, hangup=100)
    sim.run()
    (request,) = sim.requests_to(ACTION)
    assert (request.at, request.params["CallStatus"]) == (20, "in-progress")  # the conference ended under it
    assert not {"HangupCause", "Duration", "BillDuration"} & set(request.params)


def test_a_redirect_after_a_scheduled_hangup_time_still_concerns_the_live_call():
    sim = Simulation(urls={NEXT: "<Response><Speak>two words</Speak></Response>"})
    sim.call("a", Response().add(Speak("one")).add(Redirect(NEXT, method="GET")), at=0, hangup=50)
    sim.run()
    (request,) = sim.requests_to(NEXT)
    assert request.method == "GET"
    assert request.params == {
        "Event": "Redirect",
        "CallUUID": sim.calls["a"].uuid,
        "From": "15550000001",
        "To": "15550000000",
        "CallerName": "15550000001",
        "Direction": "inbound",
        "CallStatus": "in-progress",
    }


# -- options --------------------------------------------------------------------------------------


def test_callback_events_carry_the_call_parameters_unless_the_option_says_not():
    def enter(options: ConferenceOptions) -> dict[str, str]:
        sim = Simulation(options=options)
        sim.call("a", Response().add(Conference("room", callback_url=CB)), at=0, hangup=5, from_="+4420", to="+4421")
        sim.run()
        return sim.callbacks("enter")[0].params

    documented = {"ConferenceAction", "ConferenceName", "ConferenceUUID", "ConferenceMemberID", "CallUUID"}
    with_call = enter(ConferenceOptions())
    assert set(with_call) == documented | {"From", "To", "CallerName", "Direction", "CallStatus"}
    assert (with_call["From"], with_call["To"], with_call["CallStatus"]) == ("+4420", "+4421", "in-progress")
    assert set(enter(ConferenceOptions(call_params_on_callbacks=False))) == documented


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_enter_and_exit_sounds_use_sound_fetch_method_and_wait_sound_keeps_its_own(method):
    sim = Simulation(urls={JOIN: SOUND, HOLD: SOUND}, options=ConferenceOptions(sound_fetch_method=method))
    sim.call("a", Response().add(Conference("room", enter_sound=JOIN, exit_sound=JOIN)), at=0, hangup=50)
    sim.call("b", Response().add(Conference("room", wait_sound=HOLD)), at=1, hangup=60)
    sim.run()
    assert [(r.kind, r.method) for r in sim.requests] == [
        ("enter-sound", method),
        ("wait-sound", "POST"),
        ("exit-sound", method),
    ]


def test_the_sound_fetches_default_to_post():
    options = ConferenceOptions()
    assert (options.sound_fetch_method, options.wait_sound_method) == ("POST", "POST")
    assert (options.call_params_on_callbacks, options.call_params_on_transcription) == (True, False)


# -- numbers and direction ------------------------------------------------------------------------


def test_default_numbers_follow_the_order_the_calls_are_added():
    sim = Simulation()
    for name in ("z", "y"):
        sim.call(name, Response().add(Speak("hi")))
    sim.call("out", Response().add(Speak("hi")), direction="outbound")
    calls = sim.calls
    assert [(c.from_, c.to, c.direction) for c in calls.values()] == [
        ("15550000001", "15550000000", "inbound"),
        ("15550000002", "15550000000", "inbound"),
        ("15550000000", "15550000003", "outbound"),  # the app calls out from its number
    ]


def test_a_request_uuid_is_deterministic_and_follows_the_seed():
    def a_leg(seed: str) -> tuple[str, str]:
        sim = Simulation(urls={NEXT: SOUND}, seed=seed)
        sim.call("out", Response().add(Redirect(NEXT)), direction="outbound")
        sim.run()
        (request,) = sim.requests
        return request.params["ALegUUID"], request.params["ALegRequestUUID"]

    first = a_leg("")
    assert first == a_leg("")
    assert first[0] != first[1]
    assert a_leg("other") != first


@pytest.mark.parametrize(
    "value",
    ["", "   ", "a\nb", "tab\there", "nul\x00", "c1\x85", "line\u2028sep", "x" * 257, "\ud800", 15550000001, b"1"],
)
@pytest.mark.parametrize("key", ["from_", "to"])
def test_a_bad_number_is_the_packages_error_naming_it(key: str, value: object):
    with pytest.raises(SimulationError, match=rf"call 'a': {key.rstrip('_')} = .* not allowed; allowed: a non-blank"):
        Simulation().call("a", Response().add(Speak("hi")), **{key: value})  # type: ignore[arg-type]


def test_numbers_are_sent_as_given():
    sim = Simulation(urls={NEXT: SOUND})
    sim.call("a", Response().add(Redirect(NEXT)), from_="+1 (415) 555-0100", to="sip:bob@example.com;transport=tls")
    sim.run()
    assert (sim.requests[0].params["From"], sim.requests[0].params["To"]) == (
        "+1 (415) 555-0100",
        "sip:bob@example.com;transport=tls",
    )
    Simulation().call("longest", Response(), from_="9" * 256)  # the bound is inclusive


def test_a_bad_direction_is_refused():
    with pytest.raises(SimulationError, match=r"call 'a': direction = 'sideways' is not allowed; allowed: one of"):
        Simulation().call("a", Response(), direction="sideways")  # type: ignore[arg-type]


# -- scenario files ---------------------------------------------------------------------------------


SCENARIO_CALL = "[[call]]\nname = 'a'\nanswer = '<Response><Redirect>https://example.com/next.xml</Redirect></Response>'\n"


def test_a_scenario_gives_each_call_its_numbers_and_direction(tmp_path: Path):
    path = tmp_path / "s.toml"
    path.write_text(
        SCENARIO_CALL
        + "from = '14155550100'\nto = 'sip:app@example.com'\n"
        + SCENARIO_CALL.replace("'a'", "'b'")
        + "direction = 'outbound'\n"
        + "[urls]\n'https://example.com/next.xml' = '<Response><Speak>hi</Speak></Response>'\n"
    )
    sim = load_scenario(path).run()
    sent = {r.call: standard(r) for r in sim.requests}
    assert sent["a"] == {
        "CallUUID": sim.calls["a"].uuid,
        "From": "14155550100",
        "To": "sip:app@example.com",
        "CallerName": "14155550100",
        "Direction": "inbound",
        "CallStatus": "in-progress",
    }
    assert (sent["b"]["From"], sent["b"]["To"], sent["b"]["Direction"]) == ("15550000000", "15550000002", "outbound")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("from = 15550000001\n", "call 'a': from = 15550000001 is not allowed; allowed: a non-blank str"),
        ("to = ''\n", "call 'a': to = '' is not allowed"),
        ('from = "a\\u0007b"\n', "call 'a': from = 'a\\x07b' is not allowed"),  # (a basic string: escapes apply)
        ("to = ['1']\n", "call 'a': to = ['1'] is not allowed"),
        ("direction = 'sideways'\n", "call 'a': direction = 'sideways' is not allowed; allowed: one of 'inbound'"),
        ("direction = true\n", "call 'a': direction = True is not allowed"),
    ],
)
def test_bad_numbers_and_directions_in_a_scenario_are_reported_at_their_line(tmp_path: Path, text: str, message: str):
    path = tmp_path / "bad.toml"
    path.write_text(SCENARIO_CALL + "at = 0\n" + text)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert (caught.value.path, caught.value.line) == (str(path), 5)
    assert message in str(caught.value)


# -- the table of docs/rules.md --------------------------------------------------------------------


def requests_table() -> dict[str, list[str]]:
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    section = text.split("\n## Requests\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    table: dict[str, list[str]] = {}
    for row in rows:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        key = cells[0].strip("`")
        if key in ROUTES:
            table[key] = cells
    return table


def test_the_requests_table_of_rules_md_states_the_dispatch_table():
    table = requests_table()
    assert set(table) == set(ROUTES)
    for key, (_, kind, url, method, default, parameters, grade, source) in table.items():
        route = ROUTES[key]
        assert kind == f"`{route.kind}`", key
        if route.element == "Call":  # the Application's URLs: arguments of Simulation.call, not attributes
            where = "`calls.create`" if route.key == "Call.ringUrl" else "`sim.call`"  # (ring_url: an API call's)
            stated = (f"`{route.url}` (of {where})", f"`{route.method}` (of {where})", "`POST`")
            assert (url, method, default) == stated
            if where == "`sim.call`":
                assert inspect.signature(Simulation.call).parameters[str(route.method)].default == "POST"
            named = set(re.findall(r"`([A-Za-z_]+)`", parameters))
            assert set(route.own) <= named, key
            continue
        cls = ELEMENT_CLASSES[route.element]
        spec = cls.specs[route.url]
        assert url == (f"`<{cls.tag}>` text" if spec.xml is None else f"`{spec.xml}`"), key
        if route.method is not None:
            method_spec = cls.specs[route.method]
            assert (method, default) == (f"`{method_spec.xml}`", f"`{method_spec.default}`"), key
        else:
            assert route.method_option is not None
            option_default = getattr(ConferenceOptions(), route.method_option)
            assert (method, default) == (f"none: `{route.method_option}`", f"`{option_default}`"), key
        named = set(re.findall(r"`([A-Za-z_]+)`", parameters))
        assert set(route.own) <= named, key
        if isinstance(route.call_params, str):
            assert route.call_params in named, key
        assert re.fullmatch(r"(doc|oss|inf)(, (doc|oss|inf))*", grade), key
        assert source, key


# -- the property --------------------------------------------------------------------------------


@st.composite
def fetching_scenarios(draw: st.DrawFn) -> Simulation:
    """Random conference scenarios whose calls make every kind of XML fetch: a
    Redirect to a room document, wait, enter and exit sounds, action URLs; calls
    of either direction, with default or given numbers, hanging up or leaving by *."""
    urls: dict[str, str] = {HOLD: SOUND, JOIN: SOUND, LEAVE: SOUND, ACTION: "<Response><Speak>bye</Speak></Response>"}
    sim_options = ConferenceOptions(
        remaining_calls_continue=draw(st.booleans()), action_on_overflow=draw(st.booleans())
    )
    calls = []
    for index in range(draw(st.integers(1, 6))):
        conference = Conference(
            "room",
            max_members=draw(st.sampled_from([1, 3, 4, 4])),  # (mostly room for several)
            callback_url=draw(st.sampled_from([None, CB])),
            action=draw(st.sampled_from([None, ACTION])),
            redirect=draw(st.booleans()),
            wait_sound=draw(st.sampled_from([None, HOLD])),
            enter_sound=draw(st.sampled_from(["", "beep:1", JOIN])),
            exit_sound=draw(st.sampled_from(["", LEAVE, LEAVE])),
            hangup_on_star=draw(st.booleans()),
            end_conference_on_exit=draw(st.sampled_from([False, False, True])),
            start_conference_on_enter=draw(st.booleans()),
        )
        document = Response().add(conference).add(Speak("after the room"))
        if draw(st.booleans()):  # reach the room through a Redirect
            url = f"https://example.com/room-{index}.xml"
            urls[url] = document.to_string()
            document = Response().add(Redirect(url, method=draw(st.sampled_from(["GET", "POST"]))))
        at = draw(st.integers(0, 60))
        hangup = draw(st.one_of(st.none(), st.integers(at, 200)))
        numbers: dict[str, str | None] = draw(
            st.one_of(st.just({}), st.just({"from_": f"4420{index}", "to": "sip:app@example.com"}))
        )
        direction: Literal["inbound", "outbound"] = draw(st.sampled_from(["inbound", "outbound"]))
        star = draw(st.one_of(st.none(), st.integers(at, at + 100)))
        calls.append((f"c{index}", document, at, hangup, numbers, direction, star))
    sim = Simulation(urls=urls, options=sim_options)
    for name, document, at, hangup, numbers, direction, star in calls:
        from_, to = numbers.get("from_"), numbers.get("to")
        sim.call(name, document, at=at, hangup=hangup, direction=direction, from_=from_, to=to)
        if star is not None and (hangup is None or star <= hangup):
            sim.press(name, "*", at=star)
    return sim.run()


@settings(max_examples=150, deadline=None)
@given(fetching_scenarios())
def test_every_xml_fetch_carries_the_uuid_of_its_own_call(sim: Simulation):
    for request in sim.requests:
        assert request.call is not None
        record = sim.calls[request.call]
        if request.kind in FETCHES or request.kind == "callback":
            assert request.params["CallUUID"] == record.uuid
            assert (request.params["From"], request.params["To"]) == (record.from_, record.to)
            assert request.params["Direction"] == record.direction
            # completed exactly when the call has ended by then (ended_at is when it did)
            done = record.ended_at is not None and request.at >= record.ended_at
            if request.params["CallStatus"] == "completed":
                assert done and request.params["HangupCause"] == "NORMAL_CLEARING"
            else:
                assert request.params["CallStatus"] == "in-progress" and "Duration" not in request.params
            assert ("ALegUUID" in request.params) == (record.direction == "outbound")
        # and the call is the one the request is about, told apart from its record
        joined = {m.joined_at for m in record.memberships}
        left = {m.left_at for m in record.memberships}
        if request.kind in ("wait-sound", "enter-sound"):
            assert request.at in joined
        elif request.kind == "exit-sound":
            assert request.at in left
        elif request.kind == "action":
            assert request.at in left or request.at in {at for at, _ in record.overflows}
        elif request.kind == "redirect":
            assert "Redirect" in record.executed and request.at >= record.answer_at


@settings(max_examples=40, deadline=None)
@given(plans())
def test_callbacks_of_the_random_scenarios_carry_their_calls_uuid(drawn):
    scenario, options, _ = drawn
    sim = simulate(scenario, options)
    for request in sim.requests:
        assert request.call is not None
        assert request.params["CallUUID"] == sim.calls[request.call].uuid


@settings(max_examples=40, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["ConferenceAction", "CallUUID", "From", "CallStatus", "HangupCause", "Digits", "Event"]),
        st.text(alphabet="abc123", max_size=4),
        max_size=5,
    ),
    st.booleans(),
)
def test_a_requests_params_are_its_own_then_the_calls_built_in_one_dict(own: dict[str, str], ended: bool) -> None:
    """Issue 21, item 5: ``call_params(own)`` makes the request's one dict, the same
    as the request's own parameters followed by the call's (a name in both keeps
    its own place and takes the call's value); ``own`` is not changed."""
    sim = Simulation()
    sim.call("alice", Response().add(Speak("hello")), hangup=5)
    sim.run(until=2 if not ended else 10)
    call = sim._calls["alice"]
    given_own = dict(own)
    merged = call.call_params(own)
    assert merged == {**own, **call.call_params()}
    assert list(merged) == list({**own, **call.call_params()})
    assert own == given_own and merged is not own
