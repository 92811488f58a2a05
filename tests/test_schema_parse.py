"""Parsing documents back into the typed element classes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import plivoxml_plus as p
from plivoxml_plus import ParseError, PlivoXMLPlusError, Problem, Response, parse
from plivoxml_plus.elements._checks import Refused
from plivoxml_plus.schema import _parse
from tests.conftest import built_children
from tests.seed_examples import SEED_XML, STATUS_CALLBACK_EXAMPLE


def test_values_come_back_as_python_values():
    response = parse(
        "<Response>"
        '<Conference muted="true" maxMembers="5" digitsMatch="#0,99" enterSound="" relayDTMF="false">room</Conference>'
        '<MultiPartyCall role="supervisor" statusCallbackEvents="participant-speak-events,mpc-state-changes" '
        'maxDuration="+300">mpc</MultiPartyCall>'
        '<Wait length=" 7 " beep=" true "/>'
        "</Response>"
    )
    conference, mpc, wait = response.children
    assert isinstance(mpc, p.MultiPartyCall) and isinstance(wait, p.Wait)
    assert conference == p.Conference(
        "room", muted=True, max_members=5, digits_match=("#0", "99"), enter_sound="", relay_dtmf=False
    )
    assert isinstance(conference, p.Conference) and conference.max_members == 5
    assert mpc.role == "supervisor" and mpc.canonical_role == "Supervisor"  # as written; canonical on demand
    assert mpc.status_callback_events == ("participant-speak-events", "mpc-state-changes")
    assert mpc.max_duration == 300
    assert (wait.length, wait.beep) == (7, True)  # xs:int and xs:boolean collapse surrounding whitespace


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("conference_basic", Response([p.Conference("my-conference-room")])),
        (
            "conference_entry_exit_beeps",
            Response([p.Conference("my-conference-room", enter_sound="beep:1", exit_sound="beep:2")]),
        ),
        (
            "conference_record",
            Response(
                [
                    p.Conference(
                        "recorded-meeting",
                        record=True,
                        record_file_format="mp3",
                        callback_url="https://example.com/recording-ready/",
                    )
                ]
            ),
        ),
        ("mpc_supervisor_coach", Response([p.MultiPartyCall("support-call-123", "Supervisor", coach_mode=True)])),
    ],
)
def test_seed_documents_parse_to_the_objects_that_build_them(name, expected):
    assert parse(SEED_XML[name]) == expected


@pytest.mark.parametrize("name", [name for name in SEED_XML if name != STATUS_CALLBACK_EXAMPLE])
def test_every_seed_document_round_trips(name):
    response = parse(SEED_XML[name])
    assert parse(response.to_string(pretty=True)) == response
    # surrounding whitespace of the seed's indented names is not part of them
    contents = [getattr(child, "content", "") for child in response.children]
    assert contents and all(content == content.strip() for content in contents)


documents = st.lists(
    built_children(),
    max_size=6,
).map(Response)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents, st.sampled_from(["str", "pretty", "bytes", "declaration"]))
def test_round_trip(response: Response, form: str):
    if form == "str":
        text: str | bytes = response.to_string()
    elif form == "pretty":
        text = response.to_string(pretty=True)
    elif form == "bytes":
        text = response.to_bytes()
    else:
        text = response.to_string(xml_declaration=True)
    parsed = parse(text)
    assert parsed == response
    assert parsed.to_string() == response.to_string()


def test_whitespace_around_names_is_trimmed_and_spoken_text_is_kept_as_written():
    response = parse(
        "<Response>\n  <Conference>\n\t  my room \r\n  </Conference>\n  <Speak>  Hello\n  there </Speak>\n</Response>"
    )
    # a room name's spaces are not part of the name; spoken text round-trips as written
    assert response.children == [p.Conference("my room"), p.Speak("  Hello\n  there ")]
    assert parse(response.to_string()) == response


def test_comments_processing_instructions_and_cdata():
    response = parse(
        "<?xml version='1.0'?><!-- prolog --><Response><!-- c --><?pi x?>"
        "<Conference>room<!-- inside -->-1</Conference><Speak><![CDATA[1 < 2 & <Speak>]]></Speak></Response>"
    )
    assert response.children == [p.Conference("room-1"), p.Speak("1 < 2 & <Speak>")]


def test_other_inputs(tmp_path: Path):
    file = tmp_path / "a.xml"
    file.write_bytes(
        '<?xml version="1.0" encoding="ISO-8859-1"?><Response><Speak>caf\u00e9</Speak></Response>'.encode("latin-1")
    )
    assert parse(file) == Response([p.Speak("caf\u00e9")])
    assert parse(etree.parse(str(file))) == Response([p.Speak("caf\u00e9")])
    text = '<?xml version="1.0" encoding="ISO-8859-1"?><Response><Speak>caf\u00e9</Speak></Response>'
    assert parse(text) == Response([p.Speak("caf\u00e9")])  # a str's declaration does not matter
    assert parse("<Response><Speak>hi</Speak></Response>".encode("utf-16")) == Response([p.Speak("hi")])


def test_an_invalid_document_raises_parse_error_with_every_problem():
    source = '<Response>\n  <Conference maxMembers="50" muted="1">room</Conference>\n</Response>'
    with pytest.raises(ParseError) as caught:
        parse(source)
    error = caught.value
    assert isinstance(error, PlivoXMLPlusError) and isinstance(error, ValueError)
    assert (error.line, error.column) == (2, 15)
    assert len(error.problems) == 2 and all(isinstance(x, Problem) for x in error.problems)
    assert (
        str(error)
        == '2:15: <Conference> attribute maxMembers="50": allowed: an integer from 1 to 20 (and 1 more problem)'
    )


def test_a_malformed_document_raises_parse_error_with_its_position():
    with pytest.raises(ParseError) as caught:
        parse("<Response>\n  <Conference>room</Conferenc>\n</Response>")
    assert caught.value.line == 2 and caught.value.column is not None
    assert "not well-formed XML: Opening and ending tag mismatch" in str(caught.value)


def test_an_unreadable_path_raises_parse_error(tmp_path: Path):
    with pytest.raises(ParseError, match=r"cannot read .*missing\.xml") as caught:
        parse(tmp_path / "missing.xml")
    assert isinstance(caught.value.__cause__, FileNotFoundError)
    with pytest.raises(ParseError, match="cannot read"):
        parse(tmp_path)  # a folder


def test_sound_documents():
    sound = "<Response><Play loop='0'>https://example.com/music.mp3</Play></Response>"
    assert parse(sound, kind="sound") == Response([p.Play("https://example.com/music.mp3", loop=0)])
    with pytest.raises(ParseError, match="not allowed in a sound document"):
        parse("<Response><Hangup/></Response>", kind="sound")


def test_an_empty_response_is_a_document():
    assert parse("<Response/>") == Response()


def test_if_a_check_ever_refused_what_the_xsd_accepts_the_error_is_still_a_parse_error(monkeypatch):
    def refuse(text: str) -> object:
        raise Refused("nothing")

    build, attributes, has_content, nests = _parse._PLANS["Conference"]
    monkeypatch.setitem(
        _parse._PLANS, "Conference", (build, {**attributes, "muted": ("muted", refuse)}, has_content, nests)
    )
    with pytest.raises(ParseError) as caught:
        parse('<Response>\n<Conference muted="true">room</Conference></Response>')
    assert (caught.value.line, caught.value.column) == (2, 1)
    assert str(caught.value).startswith("2:1: <Conference> could not be built: nothing")
