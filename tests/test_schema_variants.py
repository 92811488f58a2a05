"""Conformance: what Plivo documents is valid, what its SDKs write otherwise is a
warning read in the documented form, and real mistakes stay errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plivoxml_plus import Conference, MultiPartyCall, ParseError, Response, parse, validate
from plivoxml_plus.cli import main
from plivoxml_plus.elements import ELEMENT_CLASSES, Element
from plivoxml_plus.elements._checks import Boolean, Choice, Integer, StringList
from plivoxml_plus.elements._spellings import SPELLINGS
from tests.conftest import answer_child, required_kwargs


def only(source: str):
    result = validate(source)
    assert len(result.problems) == 1, result
    return result, result.problems[0]


# -- Plivo's current reference is valid -------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        '<Response><Conference transcriptionType="manual">room</Conference></Response>',
        '<Response><MultiPartyCall role="Customer" waitForAgent="true">mpc</MultiPartyCall></Response>',
        '<Response><MultiPartyCall role="Agent" record="true" recordCoachVoice="false">mpc</MultiPartyCall></Response>',
        '<Response><Conference waitSound="https://user:p%40ss@example.com/hold.xml">room</Conference></Response>',
        "<Response><Play>https://user@example.com/a.mp3</Play></Response>",
    ],
)
def test_what_plivo_documents_now_is_valid_without_a_word(source: str):
    result = validate(source)
    assert result.ok and not result.problems, result
    assert parse(source).to_string() == source


def test_the_new_mpc_attributes_are_typed():
    mpc = MultiPartyCall("mpc", "Agent", wait_for_agent=True, record_coach_voice=False)
    assert mpc.to_string() == (
        '<MultiPartyCall role="Agent" waitForAgent="true" recordCoachVoice="false">mpc</MultiPartyCall>'
    )
    assert MultiPartyCall("m", "Agent").effective("wait_for_agent") is False
    assert MultiPartyCall("m", "Agent").effective("record_coach_voice") is None  # no documented default
    assert MultiPartyCall("m", "Agent").effective("recording_callback_method") == "GET"
    assert MultiPartyCall.specs["stay_alone"].level == "mpc"
    assert MultiPartyCall.specs["mute"].level == "participant"


# -- SDK spellings: warnings, read in the documented form ---------------------------------

SPELLED = [
    (
        '<Response><MultiPartyCall role="Agent" relayDtmfInputs="true">m</MultiPartyCall></Response>',
        '<Response><MultiPartyCall role="Agent" relayDTMFInputs="true">m</MultiPartyCall></Response>',
        ["relayDTMFInputs", "plivo-java and plivo-go"],
    ),
    (
        '<Response><MultiPartyCall role="Agent" StartRecordingAudio="https://e.com/a.xml">m</MultiPartyCall></Response>',
        '<Response><MultiPartyCall role="Agent" startRecordingAudio="https://e.com/a.xml">m</MultiPartyCall></Response>',
        ["startRecordingAudio", "plivo-go"],
    ),
    (
        '<Response><Conference recordWhenAlone="True">room</Conference></Response>',
        '<Response><Conference recordWhenAlone="true">room</Conference></Response>',
        ['"true"', "plivo-python"],
    ),
    (
        '<Response><Conference digitsMatch="#0, 99,  000">room</Conference></Response>',
        '<Response><Conference digitsMatch="#0,99,000">room</Conference></Response>',
        ['"#0,99,000"', "spaces"],
    ),
    (
        '<Response><MultiPartyCall role="Agent" statusCallbackEvents="mpc-state-changes,mpc-state-changes">m'
        "</MultiPartyCall></Response>",
        '<Response><MultiPartyCall role="Agent" statusCallbackEvents="mpc-state-changes">m</MultiPartyCall></Response>',
        ['"mpc-state-changes"', "plivo-python"],
    ),
    (
        '<Response><Conference beep="true">room</Conference></Response>',
        "<Response><Conference>room</Conference></Response>",
        ["plivo-node, plivo-ruby and plivo-php", "leaves it out"],
    ),
]


@pytest.mark.parametrize(("written", "documented", "named"), SPELLED)
def test_an_sdk_spelling_is_a_warning_and_parses_to_the_documented_form(written, documented, named):
    result, problem = only(written)
    assert result.ok and bool(result) and result.warnings == (problem,) and result.errors == ()
    assert problem.severity == "warning"
    for words in named:
        assert words in problem.message
    assert str(problem).startswith(f"{problem.line}:{problem.column}: warning: ")
    result.raise_for_problems()  # warnings alone raise nothing
    assert parse(written).to_string() == documented
    assert validate(documented).problems == ()


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ('<MultiPartyCall role="Agent" maxParticipants="11">m</MultiPartyCall>', "from 2 to 10"),
        ('<Conference transcriptionType="bogus">room</Conference>', "'auto', 'hybrid', 'manual'"),
        ('<MultiPartyCall role="Agent" relayDtmfInput="true">m</MultiPartyCall>', "did you mean relayDTMFInputs?"),
        ('<Conference recordWhenAlone="yes">room</Conference>', '"true" or "false"'),
        ('<MultiPartyCall role="Agent" relayDtmfInputs="yes">m</MultiPartyCall>', '"true" or "false"'),
        (
            '<MultiPartyCall role="Agent" relayDtmfInputs="true" relayDTMFInputs="true">m</MultiPartyCall>',
            "write relayDTMFInputs only",
        ),
        ('<Conference waitSound="https://us er@example.com/x">room</Conference>', "absolute http"),
    ],
)
def test_real_mistakes_stay_errors(source: str, words: str):
    result, problem = only(f"<Response>{source}</Response>")
    assert not result.ok and problem.severity == "error" and words in problem.message
    with pytest.raises(ParseError):
        parse(f"<Response>{source}</Response>")


def test_an_error_is_not_hidden_among_warnings():
    source = '<Response><Conference muted="True" maxMembers="50" beep="1">room</Conference></Response>'
    result = validate(source)
    assert [p.severity for p in result.problems] == ["warning", "error", "warning"]
    assert not result.ok and len(result.errors) == 1
    with pytest.raises(ParseError) as caught:
        parse(source)
    assert (caught.value.line, caught.value.column) == (1, source.index("maxMembers") + 1)  # at the error


# -- every variant parses to the same object as its documented form (hypothesis) -----------

BOOLEANS = [
    (cls, spec) for cls in ELEMENT_CLASSES.values() for spec in cls.specs.values() if isinstance(spec.check, Boolean)
]
LISTS = [
    (cls, spec) for cls in ELEMENT_CLASSES.values() for spec in cls.specs.values() if isinstance(spec.check, StringList)
]
def element(tag: str, attributes: str) -> str:
    """A document holding a ``tag`` (where it may stand) that carries ``attributes``, as written."""
    cls = ELEMENT_CLASSES[tag]
    document = Response([answer_child(cls(**required_kwargs(cls)))]).to_string()
    return re.sub(rf"<{re.escape(tag)}(?=[ />])", f"<{tag} {attributes}", document, count=1)


def found(document: Response, tag: str) -> Element:
    return next(e for e in document.iter() if e.tag == tag)


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(BOOLEANS), st.booleans())
def test_a_python_bool_spelling_parses_like_the_documented_boolean(pair, value: bool):
    cls, spec = pair
    written = parse(element(cls.tag, f'{spec.xml}="{value}"'))
    assert written == parse(element(cls.tag, f'{spec.xml}="{str(value).lower()}"'))
    assert getattr(found(written, cls.tag), spec.name) is value


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_a_list_with_spaces_or_repeats_parses_like_the_documented_list(data):
    cls, spec = data.draw(st.sampled_from(LISTS))
    check = spec.check
    assert isinstance(check, StringList)
    if spec.name == "status_callback_events":
        groups = list(check.item.choices)  # type: ignore[attr-defined]
        items = data.draw(st.lists(st.sampled_from(groups), min_size=1, max_size=4))
    else:
        items = data.draw(st.lists(st.text("0123456789*#", min_size=1, max_size=4), min_size=1, max_size=4))
    pads = 2 * len(items)
    spaces = data.draw(st.lists(st.sampled_from(["", " ", "  ", "\t"]), min_size=pads, max_size=pads))
    written = ",".join(f"{spaces[2 * i]}{item}{spaces[2 * i + 1]}" for i, item in enumerate(items))
    documented = ",".join(dict.fromkeys(items)) if check.unique else ",".join(items)
    result = validate(element(cls.tag, f'{spec.xml}="{written}"'))
    assert result.ok and all(p.severity == "warning" for p in result.problems)
    assert parse(element(cls.tag, f'{spec.xml}="{written}"')) == parse(element(cls.tag, f'{spec.xml}="{documented}"'))


@settings(max_examples=40, deadline=None)
@given(st.sampled_from([s for s in SPELLINGS.values() if s.documented is not None]), st.data())
def test_a_spelt_name_parses_like_the_documented_name(spelling, data):
    spec = ELEMENT_CLASSES[spelling.element]._by_xml[spelling.documented]
    values = {Boolean: ["true", "false", "True"], Choice: ["GET", "POST"], Integer: ["1", "300"]}.get(
        type(spec.check), ["https://e.com/x"]
    )
    value = data.draw(st.sampled_from(values))
    documented = value.lower() if value == "True" else value
    written = parse(element(spelling.element, f'{spelling.written}="{value}"'))
    assert written == parse(element(spelling.element, f'{spelling.documented}="{documented}"'))


def test_every_spelling_stands_for_a_documented_attribute_or_none():
    for (tag, written), spelling in SPELLINGS.items():
        assert written not in ELEMENT_CLASSES[tag]._by_xml  # (a spelling is not itself documented)
        assert spelling.documented is None or spelling.documented in ELEMENT_CLASSES[tag]._by_xml


def test_the_documented_form_of_a_parsed_variant_is_what_the_class_writes():
    parsed = parse('<Response><Conference muted="False" digitsMatch="1, 2">room</Conference></Response>')
    assert parsed == Response([Conference("room", muted=False, digits_match=["1", "2"])])


# -- the command line ---------------------------------------------------------------------


def test_warnings_pass_and_strict_makes_them_fail(tmp_path: Path, capsys):
    warned = tmp_path / "warned.xml"
    warned.write_text(SPELLED[2][0], encoding="utf-8")
    assert main(["validate", str(warned)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{warned}:1:23: warning: <Conference> attribute recordWhenAlone=\"True\"")
    assert out[-1] == "1 answer document checked: 1 valid, 0 invalid (1 problem, 1 of them warning)"
    assert main(["validate", "--strict", str(warned)]) == 1
    assert capsys.readouterr().out.splitlines()[-1].endswith("; --strict: 1 with warnings fail")
    clean = tmp_path / "clean.xml"
    clean.write_text(SPELLED[2][1], encoding="utf-8")
    assert main(["validate", "--strict", str(clean)]) == 0


# -- the ai-agent role and its stream attributes -------------------------------------------


def test_an_ai_agent_participant_with_its_stream_attributes_is_valid():
    source = (
        '<Response><MultiPartyCall role="ai-agent" aiAgentStreamServiceUrl="wss://agent.example.com/stream" '
        'aiAgentStreamContentType="audio/x-l16;rate=16000" aiAgentStreamStatusCallbackUrl="https://e.com/s" '
        'aiAgentStreamStatusCallbackMethod="GET" aiAgentStreamSamplingRate="16000" '
        'aiAgentStreamExtraHeaders="team=support">support</MultiPartyCall></Response>'
    )
    result = validate(source)
    assert result.ok and not result.problems, result
    mpc = parse(source).children[0]
    assert isinstance(mpc, MultiPartyCall)
    assert (mpc.canonical_role, mpc.ai_agent_stream_sampling_rate) == ("ai-agent", 16000)
    assert MultiPartyCall("m", "ai-agent").effective("ai_agent_stream_content_type") == "audio/x-l16;rate=8000"
    assert all(
        spec.level == "participant" for spec in MultiPartyCall.specs.values() if spec.name.startswith("ai_agent_")
    )


@pytest.mark.parametrize(
    ("attribute", "words"),
    [
        ('aiAgentStreamServiceUrl="ftp://a.b/x"', "ws://, wss://, http:// or https://"),
        ('aiAgentStreamStatusCallbackUrl="wss://a.b/x"', "http:// or https://"),
        ('aiAgentStreamSamplingRate="0"', "from 1 to"),
        ('aiAgentStreamCodec="PCMU"', "has no attribute aiAgentStreamCodec"),
    ],
)
def test_ai_agent_stream_mistakes_are_errors(attribute: str, words: str):
    result, problem = only(f'<Response><MultiPartyCall role="ai-agent" {attribute}>m</MultiPartyCall></Response>')
    assert not result.ok and words in problem.message


def test_a_long_document_with_warnings_only_parses_whole_and_in_order():
    # the review validates many children in slices and puts them back before parse() builds
    waits = "".join(f'<Wait length="{i + 1}" beep="True"/><!-- {i} -->' for i in range(600))
    source = f"<Response>{waits}</Response>"
    result = validate(source)
    assert result.ok and (len(result.problems), result.omitted, result.omitted_errors) == (100, 500, 0)
    children = parse(source).children
    assert [child.length for child in children] == list(range(1, 601))  # type: ignore[attr-defined]
    assert all(child.beep is True for child in children)  # type: ignore[attr-defined]
