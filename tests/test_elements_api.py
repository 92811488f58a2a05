"""The element API by example: building, changing, reading, nesting, serializing."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from lxml import etree

import plivoxml_plus as p
from plivoxml_plus import ValidationError
from plivoxml_plus.elements import ELEMENT_CLASSES, Element
from plivoxml_plus.elements._base import setter_name
from tests.conftest import ALL_SPECS, assert_same_xml, parse, required_kwargs, spec_id

# -- serialization -----------------------------------------------------------------


def moderated() -> p.Response:
    return p.Response().add(
        p.Conference("moderated-meeting", start_conference_on_enter=False, wait_sound="https://example.com/hold.xml")
    )


def test_compact_by_default():
    assert moderated().to_string() == (
        '<Response><Conference startConferenceOnEnter="false" waitSound="https://example.com/hold.xml">'
        "moderated-meeting</Conference></Response>"
    )


def test_pretty_indents_and_means_the_same():
    pretty = moderated().to_string(pretty=True)
    assert pretty.splitlines()[0] == "<Response>"
    assert pretty.splitlines()[1].startswith("  <Conference ")
    assert pretty.endswith("</Response>\n")
    assert_same_xml(pretty, moderated().to_string())


def test_xml_declaration_and_bytes():
    text = moderated().to_string(xml_declaration=True)
    assert text.startswith("<?xml version='1.0' encoding='UTF-8'?>\n<Response>")
    data = moderated().to_bytes(xml_declaration=True)
    assert isinstance(data, bytes)
    assert data.decode("utf-8") == text
    assert moderated().to_bytes() == moderated().to_string().encode("utf-8")
    assert_same_xml(data, text)


def test_non_ascii_text_is_written_as_utf8_characters():
    speak = p.Speak("Grüße, 東京")
    assert speak.to_string() == "<Speak>Grüße, 東京</Speak>"
    assert speak.to_bytes() == "<Speak>Grüße, 東京</Speak>".encode()


def test_escaping_in_text_and_attributes():
    tricky = "Tom & Jerry's <\"quoted\"> room"
    doc = p.Response().add(p.Conference(tricky)).add(p.Speak(tricky))
    text = doc.to_string()
    assert "Tom &amp; Jerry's &lt;\"quoted\"&gt; room" in text
    assert [node.text for node in parse(text)] == [tricky, tricky]
    url = 'https://example.com/cb?a=1&b="2"&c=<3>'
    conference = p.Conference("room", callback_url=url)
    assert 'callbackUrl="https://example.com/cb?a=1&amp;b=&quot;2&quot;&amp;c=&lt;3&gt;"' in conference.to_string()
    assert parse(conference.to_string()).get("callbackUrl") == url


def test_to_element_gives_an_lxml_element_and_appends_to_a_parent():
    node = moderated().to_element()
    assert isinstance(node, etree._Element)
    assert node[0].get("startConferenceOnEnter") == "false"
    parent = etree.Element("Wrapper")
    p.Play("https://example.com/a.mp3", loop=2).to_element(parent)
    assert etree.tostring(parent) == b'<Wrapper><Play loop="2">https://example.com/a.mp3</Play></Wrapper>'


def test_str_is_the_compact_document():
    assert str(moderated()) == moderated().to_string()


def test_elements_without_content_serialize_empty():
    assert p.Response().to_string() == "<Response/>"
    assert p.Response().add_wait(length=2).add_hangup(reason="busy").to_string() == (
        '<Response><Wait length="2"/><Hangup reason="busy"/></Response>'
    )


# -- reading ---------------------------------------------------------------------------


def test_unset_attributes_are_not_written_and_read_as_none():
    mpc = p.MultiPartyCall("mpc", "Agent")
    assert mpc.xml_attributes() == {"role": "Agent"}
    assert mpc.explicit() == {"role": "Agent"}
    assert mpc.coach_mode is None
    assert mpc.effective("coach_mode") is mpc.specs["coach_mode"].default


def test_effective_xml_attributes_fill_in_every_default_and_keep_what_was_written():
    elements: list[Element] = [p.Conference("x", record=True), p.MultiPartyCall("x", "Agent", hold=True), p.Wait()]
    for element in elements:
        cls = type(element)
        effective = element.effective_xml_attributes()
        for name, spec in cls.specs.items():
            if spec.xml is None:
                continue
            if name in element.explicit():
                assert effective[spec.xml] == element.xml_attributes()[spec.xml]
            elif spec.default is None:
                assert spec.xml not in effective
            else:
                assert effective[spec.xml] == spec.check.to_wire(spec.default)
    muted = p.Conference("room", muted=True).effective_xml_attributes()
    assert muted["muted"] == "true"
    assert list(muted) == [s.xml for s in p.Conference.specs.values() if s.xml in muted]  # schema order


def test_effective_of_an_unknown_name_is_the_package_error():
    with pytest.raises(ValidationError, match="Did you mean 'max_members'"):
        p.Conference("room").effective("max_member")


def test_specs_list_every_attribute_with_its_xml_name_in_schema_order():
    for cls in ELEMENT_CLASSES.values():
        xml_names = [spec.xml for spec in cls.specs.values() if spec.xml is not None]
        assert len(set(xml_names)) == len(xml_names)
        for spec in cls.specs.values():
            # snake_case, but for Stream, whose names are plivo-python's (and the XML's)
            assert spec.name.islower() or spec.name == "content" or (cls is p.Stream and spec.name == spec.xml)
            assert hasattr(cls, setter_name(spec.name))
    assert hasattr(p.DTMF, "set_async") and p.DTMF.specs["async_"].xml == "async"
    assert p.Conference.specs["relay_dtmf"].xml == "relayDTMF"
    assert p.MultiPartyCall.specs["relay_dtmf_inputs"].xml == "relayDTMFInputs"


# -- later changes -----------------------------------------------------------------------


def test_set_methods_validate_and_chain():
    conference: Any = p.Conference("room")
    assert conference.set_muted(True).set_max_members(5) is conference
    assert conference.xml_attributes() == {"muted": "true", "maxMembers": "5"}
    with pytest.raises(ValidationError, match="maxMembers"):
        conference.set_max_members(50)
    assert conference.max_members == 5


def test_changes_keep_schema_order_and_none_unsets():
    conference = p.Conference("room", record=True)
    conference.muted = True  # muted comes before record in the schema
    assert list(conference.xml_attributes()) == ["muted", "record"]
    conference.muted = None
    assert conference.xml_attributes() == {"record": "true"}
    del conference.record
    assert conference.to_string() == "<Conference>room</Conference>"


def test_content_changes_are_validated_and_trimmed_and_cannot_be_unset():
    conference = p.Conference("room")
    conference.content = "  other-room\n"
    assert conference.content == "other-room"
    for bad in ("", "  ", None):
        with pytest.raises(ValidationError, match="content"):
            conference.content = bad  # type: ignore[assignment]
    assert conference.content == "other-room"


def test_attrs_evolve_validates_the_changes():
    mpc = p.MultiPartyCall("mpc", "Supervisor", coach_mode=True)
    agent = attrs.evolve(mpc, role="Agent", coach_mode=None, mute=True)
    assert agent.xml_attributes() == {"role": "Agent", "mute": "true"}
    assert mpc.xml_attributes() == {"role": "Supervisor", "coachMode": "true"}  # unchanged
    with pytest.raises(ValidationError, match="maxParticipants"):
        attrs.evolve(mpc, max_participants=1)


def test_equality_and_repr():
    a = p.Conference("room", muted=True, digits_match=["1", "2"])
    assert a == p.Conference("room", digits_match="1,2", muted=True)
    assert a != p.Conference("room", muted=False, digits_match="1,2")
    assert a != p.Conference("other", muted=True, digits_match="1,2")
    assert repr(a) == "Conference('room', muted=True, digits_match=('1', '2'))"
    assert repr(p.MultiPartyCall("m", "agent", mute=True)) == "MultiPartyCall('m', 'agent', mute=True)"
    response = p.Response().add(a)
    assert repr(response) == f"Response(children=[{a!r}])"
    assert response == p.Response([p.Conference("room", muted=True, digits_match=("1", "2"))])


# -- nesting ---------------------------------------------------------------------------


def test_add_helpers_build_the_child_from_its_keywords_and_chain():
    response = (
        p.Response()
        .add_speak("Connecting you", voice="MAN", language="en-GB")
        .add_conference("room", muted=True)
        .add_multi_party_call("mpc", "Customer", hold=True)
        .add_play("https://example.com/a.mp3")
        .add_wait(length=1)
        .add_redirect("https://example.com/next", method="GET")
        .add_hangup(schedule=5)
    )
    assert [child.tag for child in response.children] == [
        "Speak", "Conference", "MultiPartyCall", "Play", "Wait", "Redirect", "Hangup",
    ]  # fmt: skip
    with pytest.raises(ValidationError, match="maxMembers"):
        p.Response().add_conference("room", max_members=0)


@pytest.mark.parametrize("child", [p.Response(), "<Conference>room</Conference>", None, 5])
def test_response_refuses_what_is_not_an_allowed_child(child):
    response = p.Response().add(p.Conference("room"))
    with pytest.raises(ValidationError) as caught:
        response.add(child)
    assert caught.value.element == "Response"
    assert "Conference" in str(caught.value.allowed)
    assert len(response.children) == 1


def test_leaf_elements_take_no_children():
    with pytest.raises(ValidationError, match="cannot be nested in <Conference>; allowed: no children"):
        p.Conference("room").add(p.Play("https://example.com/a.mp3"))
    with pytest.raises(ValidationError, match="cannot be nested in <Speak>"):
        p.Speak("hello").add(p.Wait())


def test_replacing_children_validates_all_before_changing_anything():
    response = p.Response([p.Conference("room")])
    with pytest.raises(ValidationError):
        response.children = [p.Play("https://example.com/a.mp3"), p.Response()]
    assert [child.tag for child in response.children] == ["Conference"]
    response.children = [p.Speak("hi")]
    assert response.to_string() == "<Response><Speak>hi</Speak></Response>"


def test_sound_document_holds_only_play_speak_wait():
    assert p.Response().add_play("https://example.com/m.mp3").add_wait(length=2).is_sound_document
    assert not p.Response().add_conference("room").is_sound_document


def test_iter_walks_the_document_in_order():
    response = p.Response().add_speak("hi").add_conference("room")
    assert [element.tag for element in response.iter()] == ["Response", "Speak", "Conference"]


@pytest.mark.parametrize(("cls", "spec"), ALL_SPECS, ids=list(map(spec_id, ALL_SPECS)))
def test_every_unset_attribute_reads_its_platform_default_and_is_not_written(cls, spec):
    element = cls(**required_kwargs(cls))
    if spec.required:
        assert element.effective(spec.name) == getattr(element, spec.name) is not None
        return
    assert getattr(element, spec.name) is None
    assert element.effective(spec.name) == spec.default
    assert spec.xml not in element.xml_attributes()
    assert f" {spec.xml}=" not in element.to_string()
