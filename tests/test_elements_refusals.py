"""Every kind of bad input gives the package's one error, whose message and fields
name the element, the attribute (Python and XML name), the value and what is allowed."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import plivoxml_plus as p
from plivoxml_plus import ValidationError
from plivoxml_plus.elements import AttributeSpec, Element
from plivoxml_plus.elements._base import setter_name
from plivoxml_plus.elements._checks import Integer
from tests.conftest import ALL_SPECS, LEAF_CLASSES, example_value, invalid_values, required_kwargs, spec_id


def assert_names_everything(error: ValidationError, cls: type[Element], spec: AttributeSpec, value: Any) -> None:
    message = str(error)
    assert isinstance(error, ValueError)
    assert error.element == cls.tag and f"<{cls.tag}>" in message
    assert error.attribute == spec.name and spec.name in message
    assert error.xml_attribute == spec.xml
    if spec.xml is not None:
        assert spec.xml in message
    assert error.value is value or error.value == value
    if value is not None:
        assert repr(value) in message
    assert error.allowed == spec.check.allowed and spec.check.allowed in message


def build(cls: type[Element], **changes: Any) -> Element:
    return cls(**{**required_kwargs(cls), **changes})


# -- one property over every attribute of every element ------------------------------


@settings(max_examples=400)
@given(st.data())
def test_any_invalid_value_is_refused_at_construction(data):
    cls, spec = data.draw(st.sampled_from(ALL_SPECS), label="attribute")
    value = data.draw(invalid_values(spec.check), label="value")
    with pytest.raises(ValidationError) as caught:
        build(cls, **{spec.name: value})
    assert_names_everything(caught.value, cls, spec, value)


@settings(max_examples=400)
@given(st.data())
def test_any_invalid_value_is_refused_on_a_later_change_and_changes_nothing(data):
    cls, spec = data.draw(st.sampled_from(ALL_SPECS), label="attribute")
    value = data.draw(invalid_values(spec.check), label="value")
    element = build(cls)
    before = element.to_string()
    via = data.draw(st.sampled_from(["setattr", "set_method"]))
    with pytest.raises(ValidationError) as caught:
        if via == "setattr":
            setattr(element, spec.name, value)
        else:
            getattr(element, setter_name(spec.name))(value)
    assert_names_everything(caught.value, cls, spec, value)
    assert element.to_string() == before


# -- each kind of rule, at its edges ----------------------------------------------------

INTEGER_SPECS = [(cls, spec) for cls, spec in ALL_SPECS if isinstance(spec.check, Integer)]


@pytest.mark.parametrize(("cls", "spec"), INTEGER_SPECS, ids=list(map(spec_id, INTEGER_SPECS)))
def test_integer_range_boundaries(cls, spec):
    check = spec.check
    for inside in {check.minimum, check.maximum}:
        assert build(cls, **{spec.name: inside}).xml_attributes()[spec.xml] == str(inside)
    for outside in (check.minimum - 1, check.maximum + 1):
        with pytest.raises(ValidationError) as caught:
            build(cls, **{spec.name: outside})
        assert_names_everything(caught.value, cls, spec, outside)


@pytest.mark.parametrize("value", [True, False, 5.0, "5", None.__class__])
def test_bool_is_not_an_int_and_nothing_is_coerced(value):
    with pytest.raises(ValidationError):
        p.Conference("room", max_members=value)


@pytest.mark.parametrize("value", [1, 0, "true", "false", "True", None.__class__])
def test_int_or_string_is_not_a_bool(value):
    with pytest.raises(ValidationError):
        p.Conference("room", muted=value)


def test_the_seed_maximums():
    # the seed: maxMembers 1-20, maxDuration 300-28800, maxParticipants 2-10, recordMinMemberCount 1 or 2
    p.Conference("room", max_members=20)
    with pytest.raises(ValidationError, match="maxMembers"):
        p.Conference("room", max_members=21)
    with pytest.raises(ValidationError, match="maxParticipants"):
        p.MultiPartyCall("mpc", "Agent", max_participants=11)
    with pytest.raises(ValidationError, match="maxDuration"):
        p.MultiPartyCall("mpc", "Agent", max_duration=299)
    with pytest.raises(ValidationError, match="recordMinMemberCount"):
        p.MultiPartyCall("mpc", "Agent", record_min_member_count=3)


@pytest.mark.parametrize("method", ["get", "Post", "PUT", ""])
def test_methods_are_get_or_post_exactly(method):
    with pytest.raises(ValidationError, match="callbackMethod"):
        p.Conference("room", callback_method=method)
    with pytest.raises(ValidationError, match="statusCallbackMethod"):
        p.MultiPartyCall("mpc", "Agent", status_callback_method=method)


@pytest.mark.parametrize(
    "url", ["example.com/x", "/relative/path", "ftp://example.com/", "https://", "https://exa mple.com/", "None", ""]
)
def test_url_attributes_take_absolute_http_urls_only(url):
    with pytest.raises(ValidationError, match="absolute http"):
        p.Conference("room", wait_sound=url)
    with pytest.raises(ValidationError, match="absolute http"):
        p.Play(url)


def test_url_with_a_control_character_is_refused_not_left_to_fail_at_serialization():
    with pytest.raises(ValidationError, match="action"):
        p.Conference("room", action="https://example.com/\x01")


@pytest.mark.parametrize("sound", ["beep:1", "beep:2", "https://example.com/join.xml"])
def test_sounds_both_elements_accept(sound):
    assert p.Conference("room", enter_sound=sound).enter_sound == sound
    assert p.MultiPartyCall("mpc", "Agent", exit_sound=sound).exit_sound == sound


def test_no_sound_is_spelt_differently_per_element():
    # Conference: the empty string (its default); MultiPartyCall: "none"
    assert p.Conference("room", enter_sound="").xml_attributes() == {"enterSound": ""}
    assert p.MultiPartyCall("mpc", "Agent", enter_sound="none").xml_attributes()["enterSound"] == "none"
    with pytest.raises(ValidationError, match="enterSound"):
        p.Conference("room", enter_sound="none")
    with pytest.raises(ValidationError, match="enterSound"):
        p.MultiPartyCall("mpc", "Agent", enter_sound="")
    for bad in ("beep:3", "BEEP:1", "beep"):
        with pytest.raises(ValidationError, match="beep:1"):
            p.Conference("room", exit_sound=bad)


def test_dtmf_patterns():
    assert p.Conference("room", digits_match="#0,99,000").xml_attributes() == {"digitsMatch": "#0,99,000"}
    assert p.Conference("room", digits_match=["*1", "2#"]).digits_match == ("*1", "2#")
    bad: Any
    for bad in ("", "1,,2", "1, 2", "12a", "1;2", ["1", ""], [], ["1", 2]):
        with pytest.raises(ValidationError, match="digitsMatch"):
            p.Conference("room", digits_match=bad)
    assert p.Conference("room", send_digits="1w2W#").send_digits == "1w2W#"
    for bad in ("", "1 2", "x", "1,2"):
        with pytest.raises(ValidationError, match="sendDigits"):
            p.Conference("room", send_digits=bad)


def test_status_callback_event_groups():
    groups = "mpc-state-changes,participant-speak-events"
    mpc = p.MultiPartyCall("mpc", "Agent", status_callback_events=groups)
    assert mpc.status_callback_events == ("mpc-state-changes", "participant-speak-events")
    assert mpc.xml_attributes()["statusCallbackEvents"] == groups
    for bad in (
        "",
        "mpc-state-changes,",
        "MPC-STATE-CHANGES",
        "mpc-state-changes, participant-speak-events",
        "mpc-state-changes,mpc-state-changes",
        ["participant-state-changes", "participant-state-changes"],
        "MPCStart",
        [],
    ):
        with pytest.raises(ValidationError, match="statusCallbackEvents"):
            p.MultiPartyCall("mpc", "Agent", status_callback_events=bad)


# -- required content and role --------------------------------------------------------


@pytest.mark.parametrize("cls", [p.Conference, p.Message])
@pytest.mark.parametrize("blank", ["", " ", "\n\t  \r\n", None])
def test_blank_content_is_refused(cls, blank):
    with pytest.raises(ValidationError) as caught:
        cls(blank)
    assert caught.value.attribute == "content"
    assert caught.value.element == cls.tag


def test_blank_speak_text_is_no_text_for_a_speak_made_of_ssml():
    # plivo-python's own tests write SpeakElement('') and add SSML elements to it
    assert p.Speak("").add_s("Hello").to_string() == "<Speak><s>Hello</s></Speak>"
    assert p.Speak(voice="Polly.Amy").add_s("Hi").to_string() == '<Speak voice="Polly.Amy"><s>Hi</s></Speak>'
    with pytest.raises(ValidationError, match="content"):
        p.Speak(5)  # type: ignore[arg-type]


def test_content_and_role_are_required():
    for make in (p.Conference, p.Play, p.Redirect, p.Number, p.User, p.DTMF, p.Message, p.Stream,
                 lambda: p.MultiPartyCall("mpc")):  # fmt: skip
        with pytest.raises(ValidationError, match="required"):
            make()
    with pytest.raises(ValidationError, match="role"):
        p.MultiPartyCall("mpc", None)  # type: ignore[arg-type]


def test_surrounding_whitespace_of_a_name_is_trimmed():
    assert p.Conference("\n        moderated-meeting\n    ").content == "moderated-meeting"
    assert p.MultiPartyCall("  support-call  ", "Agent").to_string().endswith(">support-call</MultiPartyCall>")


@pytest.mark.parametrize("role", ["Agent", "agent", "AGENT", "sUpErViSoR", "customer", "ai-agent"])
def test_role_is_case_insensitive_and_kept_as_written(role):
    mpc = p.MultiPartyCall("mpc", role)
    assert mpc.xml_attributes()["role"] == role
    assert mpc.canonical_role.lower() == role.lower()


@pytest.mark.parametrize("role", ["", "admin", "Agents", " agent", 1, True])
def test_unknown_role_is_refused(role):
    with pytest.raises(ValidationError) as caught:
        p.MultiPartyCall("mpc", role)
    assert caught.value.xml_attribute == "role"
    assert "Supervisor" in str(caught.value)


def test_non_xml_characters_in_text_are_refused():
    with pytest.raises(ValidationError, match="content"):
        p.Speak("bell\x07")
    with pytest.raises(ValidationError, match="content"):
        p.Conference("room\x00")


# -- keywords and positionals ------------------------------------------------------------


@pytest.mark.parametrize(
    ("cls", "typo", "meant"),
    [
        (p.Conference, "max_member", "max_members"),
        (p.Conference, "start_conference_on_entre", "start_conference_on_enter"),
        (p.MultiPartyCall, "coachmode", "coach_mode"),
        (p.MultiPartyCall, "status_callback_event", "status_callback_events"),
        (p.Speak, "langauge", "language"),
    ],
)
def test_misspelt_keyword_names_the_closest_valid_one(cls, typo, meant):
    with pytest.raises(ValidationError) as caught:
        cls(**required_kwargs(cls), **{typo: 1})
    message = str(caught.value)
    assert f"Did you mean {meant!r}" in message
    assert repr(typo) in message and f"<{cls.tag}>" in message
    with pytest.raises(ValidationError, match=f"Did you mean {meant!r}"):
        setattr(cls(**required_kwargs(cls)), typo, 1)


CAMEL_SPECS = [(cls, spec) for cls, spec in ALL_SPECS if spec.xml not in (None, spec.name)]


@pytest.mark.parametrize(("cls", "spec"), CAMEL_SPECS, ids=list(map(spec_id, CAMEL_SPECS)))
def test_camel_case_xml_name_as_keyword_gets_the_python_name(cls, spec):
    with pytest.raises(ValidationError) as caught:
        cls(**required_kwargs(cls), **{spec.xml: None})
    assert f"Did you mean {spec.name!r}?" in str(caught.value)
    assert "snake_case" in str(caught.value)


def test_a_keyword_far_from_every_name_lists_the_valid_ones():
    with pytest.raises(ValidationError) as caught:
        p.Hangup(colour="red")  # type: ignore[call-arg]
    assert "Did you mean" not in str(caught.value)
    assert "reason, schedule" in str(caught.value)


@pytest.mark.parametrize("cls", LEAF_CLASSES, ids=lambda c: c.tag)
def test_arguments_by_position_are_taken_in_plivo_pythons_order_and_one_too_many_is_refused(cls):
    # every argument in field order (plivo-python's positional order): the same as by keyword
    values = {spec.keyword: example_value(spec.check) for spec in cls.specs.values()}
    assert cls(*values.values()) == cls(**values)
    with pytest.raises(ValidationError, match="at most") as caught:
        cls(*values.values(), True)
    assert caught.value.element == cls.tag


def test_response_refuses_unknown_keywords_and_attributes():
    with pytest.raises(ValidationError, match="Response"):
        p.Response(childs=[])  # type: ignore[call-arg]
    with pytest.raises(ValidationError, match="no attribute"):
        p.Response().mute = True  # type: ignore[attr-defined]  # mypy refuses it too


@pytest.mark.parametrize("stray", ["junk", 42, None, p.Response(), etree.Element("Conference")])
def test_a_child_appended_to_the_children_list_directly_is_checked_when_serializing(stray):
    # children is a plain list: what bypassed add() must still never be serialized
    response = p.Response([p.Wait()])
    response.children.append(stray)
    for serialize in (response.to_string, response.to_bytes, response.to_element):
        with pytest.raises(ValidationError, match=r"not added with add\(\)"):
            serialize()


def test_a_subclass_of_an_allowed_element_appended_directly_still_serializes():
    class Room(p.Conference):
        pass

    response = p.Response()
    response.children.append(Room("room", muted=True))
    assert response.to_string() == '<Response><Conference muted="true">room</Conference></Response>'
