"""The Application's URLs (issue 18, item 2; docs/rules.md, P1): a call's
``hangup_url`` is requested exactly once however the call ends, with Plivo's
hangup parameters, each way of ending mapped to one of Plivo's hangup causes (the
one table ``ENDINGS``); ``fallback_answer_url`` is asked when the answer URL fails;
an API call's ``ring_url`` when it starts ringing; the scenario's keys."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import flask
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from plivo.exceptions import PlivoRestError
from plivo.utils import validate_signature, validate_v3_signature

from plivoxml_plus import Simulation
from plivoxml_plus.cli import main
from plivoxml_plus.core import ConferenceOptions, StrictModeError
from plivoxml_plus.core.platform._hangup_causes import ENDINGS
from plivoxml_plus.core.platform._requests import HttpRequest

BASE = "https://app.example"
HANGUP = f"{BASE}/hangup"
CUSTOMER = "14155550100"
AGENT = "14155550123"
KNOWN = {(e.freeswitch, e.name, str(e.code), e.source) for e in ENDINGS}
CAUSE_KEYS = ("HangupCause", "HangupCauseName", "HangupCauseCode", "HangupSource")


def docs(**named: str | None) -> dict[str, str | None]:
    return {f"{BASE}/{path}": xml for path, xml in {"hangup": None, **named}.items()}


def hangups(sim: Simulation, call: str) -> list[HttpRequest]:
    return sim.requests_for(call, kind="hangup")


def cause(sim: Simulation, call: str) -> tuple[str, str, str, str]:
    """The one hangup request's cause: (HangupCause, ...CauseName, ...CauseCode, HangupSource)."""
    (request,) = hangups(sim, call)
    params = request.params
    return (params["HangupCause"], params["HangupCauseName"], params["HangupCauseCode"], params["HangupSource"])


def inbound(sim: Simulation, xml: str, **keywords: Any) -> str:
    sim.call("a", xml, hangup_url=HANGUP, **keywords)
    return "a"


# -- each ending's hangup parameters ---------------------------------------------------------


def test_an_answered_call_sends_plivos_hangup_parameters_once():
    # (a Speak first: a Wait first would hold the answer, I7)
    sim = Simulation(docs(answer="<Response><Speak>hello</Speak><Wait length='100'/></Response>"))
    sim.call("a", answer_url=f"{BASE}/answer", hangup_url=HANGUP, hangup_method="GET", at=2, hangup=9.5)
    sim.run()
    (request,) = hangups(sim, "a")
    record = sim.calls["a"]
    assert (request.method, request.url, request.at) == ("GET", HANGUP, 9.5)
    assert request.params == {
        "Event": "Hangup",
        "HangupCauseName": "Normal Hangup",
        "HangupCauseCode": "4000",
        "HangupSource": "Caller",
        "StartTime": "2024-01-01 00:00:02",
        "AnswerTime": "2024-01-01 00:00:02",
        "EndTime": "2024-01-01 00:00:09",
        "CallUUID": record.uuid,
        "From": record.from_,
        "To": record.to,
        "CallerName": record.from_,
        "Direction": "inbound",
        "CallStatus": "completed",
        "HangupCause": "NORMAL_CLEARING",
        "Duration": "8",  # 7.5 s: each second begun counts
        "BillDuration": "8",
    }


XML_ENDINGS = [
    ("<Response><Speak>hi</Speak></Response>", ("NORMAL_CLEARING", "End Of XML Instructions", "4010", "Plivo")),
    ("<Response><Hangup/></Response>", ("NORMAL_CLEARING", "Normal Hangup", "4000", "Answer XML")),
    ("<Response><Hangup reason='rejected'/></Response>", ("CALL_REJECTED", "Rejected", "3020", "Answer XML")),
    ("<Response><Hangup reason='busy'/></Response>", ("USER_BUSY", "Busy Line", "3010", "Answer XML")),
    (
        "<Response><Hangup schedule='5'/><Wait length='60'/></Response>",
        ("ALLOTTED_TIMEOUT", "Scheduled Hangup", "6000", "Answer XML"),
    ),
    (
        f"<Response><Redirect>{BASE}/loop</Redirect></Response>",
        ("NORMAL_TEMPORARY_FAILURE", "Internal Error", "5010", "Plivo"),
    ),
]


@pytest.mark.parametrize(("xml", "expected"), XML_ENDINGS)
def test_how_the_document_ends_the_call_is_its_hangup_cause(xml: str, expected: tuple[str, ...]):
    sim = Simulation(docs(loop=f"<Response><Redirect>{BASE}/loop</Redirect></Response>"))
    inbound(sim, xml)
    sim.run()
    assert cause(sim, "a") == expected


@pytest.mark.parametrize(
    ("target", "expected"),
    [("missing", ("Error Reaching Redirect URL", "7014")), ("broken", ("Invalid Redirect XML", "8014"))],
)
def test_a_redirect_that_fails_ends_the_call_with_its_cause(target: str, expected: tuple[str, str]):
    sim = Simulation(
        docs(broken="<Response><Nope/></Response>"), options=ConferenceOptions(bad_document_ends_call=True)
    )
    sim.call("a", f"<Response><Redirect>{BASE}/{target}</Redirect></Response>", hangup_url=HANGUP)
    sim.run()
    assert cause(sim, "a")[1:] == (*expected, "Error")


def test_an_outbound_calls_callee_hanging_up_is_the_callee():
    sim = Simulation(docs())
    sim.call("a", "<Response><Wait length='60'/></Response>", direction="outbound", hangup=4, hangup_url=HANGUP)
    sim.run()
    assert cause(sim, "a") == ("NORMAL_CLEARING", "Normal Hangup", "4000", "Callee")


def test_leaving_a_multi_party_call_then_running_out_is_kicked_or_mpc_ended():
    mpc = "<Response><MultiPartyCall role='customer'>desk</MultiPartyCall></Response>"
    sim = Simulation(docs())
    for name in ("kicked", "stays", "third"):
        sim.call(name, mpc, hangup_url=HANGUP)
    sim.kick("kicked", at=5)
    sim.end_mpc("desk", at=8)
    sim.run()
    assert cause(sim, "kicked")[1:] == ("Kicked Out Of Multiparty Call", "4030", "API Request")
    assert cause(sim, "stays")[1:] == ("Multiparty Call Ended", "4020", "Plivo")


def test_a_kicked_call_that_goes_on_ends_by_its_own_document():
    xml = "<Response><MultiPartyCall role='customer'>desk</MultiPartyCall><Speak>bye</Speak></Response>"
    sim = Simulation(docs())
    sim.call("kicked", xml, hangup_url=HANGUP)
    sim.call("other", "<Response><MultiPartyCall role='agent'>desk</MultiPartyCall></Response>")
    sim.kick("kicked", at=5)
    sim.run(until=100)
    assert cause(sim, "kicked")[1:3] == ("End Of XML Instructions", "4010")


def test_a_conference_ending_its_calls_is_plivos_hangup():
    room = "<Response><Conference endConferenceOnExit='true'>room</Conference></Response>"
    sim = Simulation(docs(), options=ConferenceOptions(remaining_calls_continue=False))
    sim.call("host", room, hangup=10)
    sim.call("guest", "<Response><Conference>room</Conference></Response>", hangup_url=HANGUP)
    sim.run()
    assert cause(sim, "guest") == ("NORMAL_CLEARING", "Normal Hangup", "4000", "Plivo")


# -- the answer URL failing, and its fallback ----------------------------------------------


@pytest.mark.parametrize(
    ("answer", "expected"),
    [("missing", ("Error Reaching Answer URL", "7011")), ("broken", ("Invalid Answer XML", "8011"))],
)
def test_an_answer_url_that_fails_without_fallback_ends_the_call(answer: str, expected: tuple[str, str]):
    sim = Simulation(docs(broken="<Response><Nope/></Response>"))
    sim.call("a", answer_url=f"{BASE}/{answer}", hangup_url=HANGUP)
    sim.run()
    assert cause(sim, "a") == ("NORMAL_TEMPORARY_FAILURE", *expected, "Error")
    assert sim.calls["a"].executed == []


@pytest.mark.parametrize("answer", ["missing", "broken"])
def test_the_fallback_answer_url_is_asked_with_the_answer_urls_parameters(answer: str):
    sim = Simulation(docs(broken="<Nope", sorry="<Response><Speak>sorry</Speak></Response>"))
    sim.call("a", answer_url=f"{BASE}/{answer}", fallback_answer_url=f"{BASE}/sorry", fallback_method="GET")
    sim.run()
    first, fallback = sim.requests_for("a", kind="answer")
    assert (fallback.url, fallback.method) == (f"{BASE}/sorry", "GET")
    assert fallback.params == first.params
    assert sim.calls["a"].executed == ["Speak"]


def flask_app(seen: list[tuple[str, str, dict[str, str], bool]]) -> flask.Flask:
    """An app whose answer fails three ways, with a fallback, and a hangup handler;
    each request is kept with plivo-python's verdict on its signatures, V2 and V3."""
    app = flask.Flask("fallbacks")

    @app.before_request
    def check() -> None:
        request = flask.request
        form = dict(parse_qsl(request.get_data(as_text=True), keep_blank_values=True))
        headers = request.headers
        v3 = validate_v3_signature(
            request.method,
            request.url,
            headers["X-Plivo-Signature-V3-Nonce"],
            "t0ken",
            headers["X-Plivo-Signature-V3"],
            form,
        )
        v2 = validate_signature(
            request.url, headers["X-Plivo-Signature-V2-Nonce"], headers["X-Plivo-Signature-V2"], "t0ken"
        )
        seen.append((request.method, request.path, form, bool(v3) and bool(v2)))

    @app.post("/error")
    def error() -> tuple[str, int]:
        return "down", 503

    @app.post("/slow")
    def slow() -> str:
        time.sleep(1.0)
        return "<Response/>"

    @app.post("/html")
    def html() -> str:
        return "<html><body>hello</body></html>"

    @app.post("/fallback")
    def fallback() -> str:
        return "<Response><Speak>we are sorry</Speak></Response>"

    @app.post("/hangup")
    def hangup() -> str:
        return ""

    return app


@pytest.mark.parametrize("failure", ["error", "slow", "html"])
def test_each_kind_of_answer_failure_asks_the_fallback_in_strict_mode_through_a_real_app(failure: str):
    seen: list[tuple[str, str, dict[str, str], bool]] = []
    with Simulation(app=flask_app(seen), base_url=BASE, auth_token="t0ken", strict=True, timeout=0.3) as sim:
        sim.call(
            "a",
            answer_url=f"{BASE}/{failure}",
            fallback_answer_url=f"{BASE}/fallback",
            hangup_url=HANGUP,
            hangup=20,
        )
        sim.run()
        assert sim.calls["a"].executed == ["Speak"]
        paths = [path for _, path, _, _ in seen]
        assert paths[-2:] == ["/fallback", "/hangup"] and paths[0] == f"/{failure}"
        assert all(genuine for *_, genuine in seen)  # every request is signed as Plivo signs
        assert seen[-1][2]["HangupCauseName"] == "End Of XML Instructions"
        assert len(hangups(sim, "a")) == 1 and any(failure in note.text for note in sim.notes)


def test_in_strict_mode_a_fallback_that_fails_too_fails_the_run():
    seen: list[tuple[str, str, dict[str, str], bool]] = []
    with Simulation(app=flask_app(seen), base_url=BASE, auth_token="t0ken", strict=True) as sim:
        sim.call("a", answer_url=f"{BASE}/error", fallback_answer_url=f"{BASE}/html")
        with pytest.raises(StrictModeError, match="fallbackAnswerUrl"):
            sim.run()


# -- calls placed through the REST API: ring_url, fallback_url, hangup_url ----------------


def test_an_api_call_rings_its_ring_url_and_ends_at_its_hangup_url():
    sim = Simulation(docs(ring=None, agent="<Response><Wait length='60'/></Response>"))
    client = sim.rest_client()
    sim.run(until=3)
    client.calls.create(
        from_=CUSTOMER,
        to_=AGENT,
        answer_url=f"{BASE}/agent",
        ring_url=f"{BASE}/ring",
        hangup_url=HANGUP,
        hangup_method="GET",
        time_limit=20,
    )
    sim.run()
    (record,) = sim.calls.values()
    (ring,) = sim.requests_to(f"{BASE}/ring")
    assert (ring.kind, ring.at, ring.params["CallStatus"], ring.params["Event"]) == ("ring", 3, "ringing", "Ring")
    assert ring.params["CallUUID"] == record.uuid and ring.params["Direction"] == "outbound"
    (hangup,) = hangups(sim, record.name)
    assert hangup.method == "GET" and hangup.at == record.ended_at
    assert (hangup.params["HangupCauseName"], hangup.params["HangupSource"]) == ("Scheduled Hangup", "Plivo")
    start = 3 + sim.mpc_options.add_participant_ring
    assert hangup.params["StartTime"] == "2024-01-01 00:00:03"  # when it was placed, before it rang
    assert hangup.params["AnswerTime"] == f"2024-01-01 00:00:{start:02.0f}"
    assert hangup.params["Duration"] == "20"


@pytest.mark.parametrize(
    ("refuse", "expected"),
    [
        ("busy", ("busy", "USER_BUSY", "Busy Line", "3010", "Carrier")),
        ("no-answer", ("no-answer", "NO_ANSWER", "No Answer", "3000", "Carrier")),
        ("failed", ("failed", "CALL_REJECTED", "Rejected", "3020", "Carrier")),
    ],
)
def test_an_api_call_never_answered_reports_why(refuse: str, expected: tuple[str, ...]):
    sim = Simulation(docs(ring=None, agent="<Response/>"))
    client = sim.rest_client()
    sim.callee("agent", AGENT, refuse=refuse)  # type: ignore[arg-type]
    client.calls.create(
        from_=CUSTOMER, to_=AGENT, answer_url=f"{BASE}/agent", hangup_url=HANGUP, ring_url=f"{BASE}/ring"
    )
    sim.run()
    (request,) = hangups(sim, "agent")
    params = request.params
    assert (params["CallStatus"], *(params[k] for k in CAUSE_KEYS)) == expected
    assert (params["Duration"], params["BillDuration"], params["AnswerTime"]) == ("0", "0", "")
    assert not sim.requests_for("agent", kind="answer")
    assert len(sim.requests_to(f"{BASE}/ring")) == (refuse == "no-answer")  # only a call that rings


def test_an_api_hangup_and_a_failed_transfer_are_their_causes():
    sim = Simulation(docs(agent="<Response><Wait length='60'/></Response>", broken="<nope"))
    client = sim.rest_client()
    for _ in range(3):
        client.calls.create(from_=CUSTOMER, to_=AGENT, answer_url=f"{BASE}/agent", hangup_url=HANGUP)
    sim.run(until=10)
    first, second, third = (r.uuid for r in sim.calls.values())
    client.calls.delete(first)
    client.calls.transfer(second, legs="aleg", aleg_url=f"{BASE}/broken")
    client.calls.transfer(third, legs="aleg", aleg_url=f"{BASE}/missing")
    sim.run()
    causes = [cause(sim, name)[1:] for name in sim.calls]
    assert causes == [
        ("Normal Hangup", "4000", "API Request"),
        ("Invalid Transfer XML", "8013", "Error"),
        ("Error Reaching Transfer URL", "7013", "Error"),
    ]


def test_an_api_calls_fallback_url_is_asked_when_its_answer_url_fails():
    sim = Simulation(docs(sorry="<Response><Speak>sorry</Speak></Response>"))
    client = sim.rest_client()
    client.calls.create(
        from_=CUSTOMER, to_=AGENT, answer_url=f"{BASE}/missing", fallback_url=f"{BASE}/sorry", hangup_url=HANGUP
    )
    sim.run()
    (record,) = sim.calls.values()
    assert [r.url for r in sim.requests_for(record.name, kind="answer")] == [f"{BASE}/missing", f"{BASE}/sorry"]
    assert record.executed == ["Speak"] and cause(sim, record.name)[1] == "End Of XML Instructions"


# -- exactly once, however a call ends (the property) ---------------------------------------

DOCUMENTS = {
    "ivr": f"<Response><GetDigits action='{BASE}/menu' timeout='5'><Speak>press</Speak></GetDigits></Response>",
    "menu": "<Response><Speak>thanks</Speak><Hangup/></Response>",
    "mpc": "<Response><MultiPartyCall role='customer'>desk</MultiPartyCall><Speak>bye</Speak></Response>",
    "agent": "<Response><MultiPartyCall role='agent'>desk</MultiPartyCall></Response>",
    "room": "<Response><Conference endConferenceOnExit='true'>room</Conference></Response>",
    "dial": "<Response><Dial timeout='8'><Number>14155550777</Number></Dial><Speak>after</Speak></Response>",
    "wait": "<Response><Wait length='30'/></Response>",
    "sched": "<Response><Hangup schedule='12'/><Wait length='40'/></Response>",
    "broken": "<Response><Nope/></Response>",
}
STEP = st.tuples(
    st.sampled_from(["call", "api-call", "hangup", "rest-hangup", "transfer", "kick", "end-mpc", "press", "run"]),
    st.integers(0, 50),
    st.sampled_from([*sorted(DOCUMENTS), "missing"]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(STEP, max_size=14), st.booleans())
def test_hangup_url_is_requested_exactly_once_per_call_however_it_ends(steps: list[tuple[str, int, str]], ends: bool):
    options = ConferenceOptions(remaining_calls_continue=ends, bad_document_ends_call=not ends)
    sim = Simulation(docs(**DOCUMENTS), options=options)
    client = sim.rest_client()
    sim.callee("far", "14155550777", ring=3, hangup_after=6)
    for number, (action, pick, document) in enumerate(steps):
        names = [n for n, r in sim.calls.items() if n != "far"]
        name = names[pick % len(names)] if names else None
        record = sim.calls.get(name) if name is not None else None
        now = sim.now
        try:
            if action == "call":
                sim.call(f"c{number}", answer_url=f"{BASE}/{document}", at=now + pick % 4, hangup_url=HANGUP)
            elif action == "api-call":
                to = f"1415556{pick:04d}"
                client.calls.create(from_=CUSTOMER, to_=to, answer_url=f"{BASE}/{document}", hangup_url=HANGUP)
            elif action == "hangup" and record is not None and record.ended_at is None and record.hangup_at is None:
                sim.hangup(str(name), at=max(now, record.answer_at) + pick % 7)
            elif action == "rest-hangup" and record is not None:
                client.calls.delete(record.uuid)
            elif action == "transfer" and record is not None:
                client.calls.transfer(record.uuid, legs="aleg", aleg_url=f"{BASE}/{document}")
            elif action == "kick" and name is not None:
                sim.kick(str(name), at=now)
            elif action == "end-mpc":
                sim.end_mpc("desk", at=now)
            elif action == "press" and record is not None and record.ended_at is None and record.answer_at <= now:
                if record.hangup_at is None or record.hangup_at >= now:
                    sim.press(str(name), "1", at=now)
            elif action == "run":
                sim.advance(pick % 9)
        except PlivoRestError:  # (a call not live, as Plivo answers)
            pass
    sim.run()
    for uuid in client.live_calls.list_ids().calls:  # (calls left waiting forever)
        client.calls.delete(uuid)
    sim.run()
    for name, record in sim.calls.items():
        requests = hangups(sim, name)
        if name == "far":  # a Dial's callee: its end is the Dial's callbackUrl's, no hangup_url
            assert requests == []
            continue
        assert record.ended_at is not None, name
        assert len(requests) == 1, (name, record.end_reason, requests)
        (request,) = requests
        assert request.at == record.ended_at
        assert tuple(request.params[key] for key in CAUSE_KEYS) in KNOWN
        assert request.params["Event"] == "Hangup"
        event(request.params["HangupCauseName"])  # (--hypothesis-show-statistics: the endings reached)


# -- scenario files -------------------------------------------------------------------------


def simulate(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main(["simulate", *(str(a) for a in argv)])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def scenario(folder: Path, call: str) -> Path:
    path = folder / "s.toml"
    urls = (
        '[urls]\n"https://app.example/answer" = "<Response><Speak>hi</Speak></Response>"\n'
        '"https://app.example/sorry" = "<Response><Hangup/></Response>"\n'
    )
    path.write_text(f"# a scenario\n[[call]]\n{call}\n{urls}", encoding="utf-8")
    return path


def test_a_scenario_calls_hangup_and_fallback_urls_are_requested(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    call = (
        'name = "a"\nanswer_url = "https://app.example/missing"\n'
        'fallback_answer_url = "https://app.example/sorry"\nfallback_method = "GET"\n'
        'hangup_url = "https://app.example/answer"\nhangup_method = "GET"'
    )
    code, out, err = simulate(capsys, scenario(tmp_path, call), "--format", "json")
    assert code == 0, err
    assert '"kind": "hangup"' in out and '"HangupCauseName": "Normal Hangup"' in out
    assert '"HangupSource": "Answer XML"' in out and '"url": "https://app.example/sorry"' in out


BAD_KEYS: list[tuple[str, str, str]] = [
    ('hangup_url = "ftp://app.example/h"', "hangup_url", "call 'a': hangup_url"),
    ('hangup_url = "https://app.example/h"\nhangup_method = "PUT"', "hangup_method", "call 'a': hangup_method must"),
    ('hangup_method = "GET"', "hangup_method", "call 'a': hangup_method goes with hangup_url (how the hangup URL"),
    ('fallback_method = "GET"', "fallback_method", "call 'a': fallback_method goes with fallback_answer_url"),
    ("fallback_answer_url = 3", "fallback_answer_url", "call 'a': fallback_answer_url"),
]


@pytest.mark.parametrize(("keys", "needle", "expected"), BAD_KEYS)
def test_bad_application_url_keys_are_errors_at_their_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], keys: str, needle: str, expected: str
):
    path = scenario(tmp_path, f'name = "a"\nanswer_url = "https://app.example/answer"\n{keys}')
    assert_error_at(capsys, path, needle, expected)


def assert_error_at(capsys: pytest.CaptureFixture[str], path: Path, needle: str, expected: str) -> None:
    code, out, err = simulate(capsys, path)
    assert code == 2 and out == "", err
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if text.startswith(needle))
    assert err.startswith(f"{path}:{line}: {expected}"), err
    assert err.count("\n") == 1, err


@pytest.mark.parametrize(
    ("call", "needle", "expected"),
    [
        (
            'name = "a"\nanswer = "<Response/>"\nfallback_answer_url = "https://app.example/sorry"',
            "fallback_answer_url",
            "call 'a': fallback_answer_url goes with answer_url",
        ),
        (
            'name = "a"\nanswers = "14155550777"\nhangup_url = "https://app.example/h"',
            "hangup_url",
            "call 'a': hangup_url does not go with answers",
        ),
    ],
)
def test_application_urls_where_they_cannot_be_are_errors_at_their_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], call: str, needle: str, expected: str
):
    assert_error_at(capsys, scenario(tmp_path, call), needle, expected)


# -- the Python API's refusals --------------------------------------------------------------

REFUSALS: list[tuple[dict[str, Any], str]] = [
    ({"hangup_url": "not a url"}, "hangup_url"),
    ({"hangup_url": HANGUP, "hangup_method": "PUT"}, "hangup_method"),
    ({"fallback_answer_url": f"{BASE}/x"}, "fallback_answer_url goes with answer_url"),
    ({"fallback_method": "DELETE"}, "fallback_method"),
]


@pytest.mark.parametrize(("keywords", "needle"), REFUSALS)
def test_sim_call_refuses_bad_application_urls_with_one_clear_error(keywords: dict[str, Any], needle: str):
    from plivoxml_plus import SimulationError

    sim = Simulation(docs())
    with pytest.raises(SimulationError, match=needle):
        sim.call("a", "<Response/>", **keywords)
    assert not sim.calls  # nothing was added


def test_every_ending_is_one_of_plivos_causes_and_each_code_has_one_name():
    codes: dict[int, str] = {}
    for ending in ENDINGS:
        assert codes.setdefault(ending.code, ending.name) == ending.name, ending
    assert {e.source for e in ENDINGS} <= {"Caller", "Callee", "Plivo", "Carrier", "API Request", "Answer XML", "Error"}
    never_answered = {e.status for e in ENDINGS} - {"completed"}
    assert never_answered <= {"busy", "no-answer", "failed", "cancel"}  # Plivo's CallStatus values
