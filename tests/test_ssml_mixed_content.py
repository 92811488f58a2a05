"""SSML mixed content (issue 17, item 2): text before, between and after the children
of Speak and of every SSML container is built by the classes, written exactly, read
back equal by ``parse``, and spoken by the simulator; and whatever ``validate``
accepts, ``parse`` reads, keeping every text (nothing but ParseError otherwise)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from plivo import exceptions as plivo_exceptions
from plivo import plivoxml as plivo_xml

from plivoxml_plus import ParseError, Response, Simulation, ValidationError, parse, validate
from plivoxml_plus import plivoxml as dropin
from plivoxml_plus.core._durations import DurationModel
from plivoxml_plus.elements import ELEMENT_CLASSES, Cont, Element, Emphasis, Lang, P, Prosody, S, Speak, Text, W
from tests._strategies_ssml import MIXED_TAGS, documents, mixed_speaks, spoken_text, texts
from tests.test_schema_agreement import answer_schema, declarations

# The sentence, in Speak and in every SSML container that may hold an emphasis.
Mixed = Speak | P | S | Prosody | Emphasis | W | Lang
CONTAINERS: list[type[Mixed]] = [Speak, P, S, Prosody, Emphasis, W, Lang]


def in_speak(inner: str) -> str:
    return f'<Response><Speak voice="Polly.Amy">{inner}</Speak></Response>'


def sentence(tag: str) -> str:
    return f"<{tag}>Hello <emphasis>world</emphasis>, how are you?</{tag}>"


def built(cls: type[Mixed]) -> Mixed:
    element = cls("Hello ")
    return element.add(Emphasis("world")).add(Text(", how are you?"))


@pytest.mark.parametrize("cls", CONTAINERS, ids=lambda cls: cls.tag)
def test_the_classes_build_text_after_a_child_exactly(cls: type[Mixed]):
    assert built(cls).to_string() == sentence(cls.tag)
    # the helper too, in every container that holds text
    assert cls("Hello ").add_emphasis("world").add_text(", how are you?") == built(cls)


@pytest.mark.parametrize("cls", [cls for cls in CONTAINERS if cls is not Speak], ids=lambda cls: cls.tag)
def test_what_validates_parses_back_equal_and_as_written(cls: type[Mixed]):
    xml = in_speak(sentence(cls.tag))
    assert validate(xml).ok
    document = parse(xml)
    assert document.to_string() == xml
    assert document == Response().add(Speak(voice="Polly.Amy").add(built(cls)))


def test_speak_itself_parses_back_equal_and_as_written():
    xml = f"<Response>{sentence('Speak')}</Response>"
    assert validate(xml).ok
    assert parse(xml).to_string() == xml
    assert parse(xml) == Response().add(built(Speak))


def test_text_before_between_and_after_several_children_at_every_depth():
    xml = in_speak(
        "Welcome. <p>First <s>one <emphasis>two <w>three</w> four</emphasis> five</s> six "
        '<prosody rate="slow">seven <say-as interpret-as="digits">8</say-as>, nine</prosody>; ten</p> '
        "eleven<break/>twelve"
    )
    assert validate(xml).ok
    document = parse(xml)
    assert document.to_string() == xml
    assert texts(document.to_string()) == texts(xml)
    (speak,) = document.children
    assert isinstance(speak, Speak)
    assert speak.content == "Welcome. "
    assert [child.tag for child in speak.children] == ["p", "text", "break", "text"]
    assert [child.__dict__["content"] for child in speak.children[1::2]] == [" eleven", "twelve"]


def test_comments_in_the_text_are_left_out_and_the_text_around_them_kept():
    xml = in_speak("<p>Hello <emphasis>world</emphasis>, how <!-- a note --> are you?</p>")
    assert parse(xml).to_string() == in_speak("<p>Hello <emphasis>world</emphasis>, how  are you?</p>")


def test_blank_text_between_elements_is_formatting_not_text():
    pretty = "<Response>\n  <Speak>\n    <s>One</s>\n    <s>Two</s>\n  </Speak>\n</Response>\n"
    assert parse(pretty) == Response().add(Speak().add_s("One").add_s("Two"))
    for blank in ("", " ", "\n  "):
        with pytest.raises(ValidationError, match=r"<text> content .* not allowed; allowed: non-blank text"):
            Text(blank)


def test_text_stands_only_where_text_may_follow_an_element():
    with pytest.raises(ValidationError, match="<text> cannot be nested in <Response>"):
        Response().add(Text("hi"))
    assert Text.tag not in ELEMENT_CLASSES["say-as"].text_runs
    assert Text("on its own").to_string() == "<text>on its own</text>"  # shown as its tag, as Cont is


@pytest.mark.parametrize("inner", ["a<Dial/>", "<p>a<Dial/></p>"])
def test_the_validator_lists_the_elements_a_container_may_hold_not_its_text_classes(inner: str):
    (problem,) = validate(in_speak(inner)).problems
    assert "<Dial> is not allowed in" in problem.message
    assert "break, emphasis, lang" in problem.message
    assert "cont" not in problem.message and "text" not in problem.message


@pytest.mark.parametrize("tag", ["cont", "text"])
def test_a_cont_or_text_element_in_a_document_is_a_misplaced_element(tag: str):
    (problem,) = validate(in_speak(f"Hi <{tag}>there</{tag}>")).problems
    assert problem.message.startswith(f"<{tag}> is not allowed in <Speak>; allowed: break, emphasis, lang, p,")
    assert (problem.line, problem.column) == (1, 39)  # where the element starts
    with pytest.raises(ParseError, match=f"<{tag}> is not allowed in <Speak>"):
        parse(in_speak(f"Hi <{tag}>there</{tag}>"))


def test_every_container_the_xsd_gives_mixed_content_holds_text_and_no_other():
    xsd = declarations(answer_schema())
    mixed = {tag for tag, declaration in xsd.items() if declaration.type.is_complex() and declaration.type.mixed}
    assert mixed == MIXED_TAGS == {"Speak", "emphasis", "lang", "p", "prosody", "s", "w"}


def test_the_drop_in_builds_it_where_plivo_python_cannot():
    element = dropin.PElement("Hello ").add_emphasis("world").add_text(", how are you?")
    assert element.to_string() == sentence("p")
    assert dropin.TextElement is Text
    # plivo-python: no text after an element in a <p> (no add_text, and a cont is refused)
    assert not hasattr(plivo_xml.PElement, "add_text")
    with pytest.raises(plivo_exceptions.PlivoXMLError):
        plivo_xml.PElement("Hello ").add_emphasis("world").add(plivo_xml.ContElement(", how are you?"))
    # in a Speak, its add_cont writes the text between spaces; so does add_cont here
    code = "plivoxml.SpeakElement('Hello ').add_emphasis('world').add_cont(', how are you?')"
    theirs = eval(code, {"plivoxml": plivo_xml}).to_string(False)
    assert eval(code, {"plivoxml": dropin}).to_string() == theirs == (
        "<Speak>Hello <emphasis>world</emphasis> , how are you? </Speak>"
    )


def test_what_plivo_python_writes_with_cont_parses_back_as_written():
    speak = Speak("Hi", voice="Polly.Amy").add_break(strength="weak").add_cont("there").add(
        Cont("and").add_emphasis("you", level="strong")
    )
    xml = Response().add(speak).to_string()
    assert parse(xml).to_string() == xml
    assert texts(parse(xml).to_string()) == ["Hi", "there  and", "you"]


# -- the simulator ---------------------------------------------------------------------


def test_the_simulator_runs_it_and_counts_every_text():
    xml = in_speak(sentence("p")).replace("</Speak>", "</Speak><Conference>room</Conference>")
    sim = Simulation()
    sim.call("alice", xml, hangup=30)
    sim.run()
    assert sim.calls["alice"].executed == ["Speak", "Conference"]
    # "Hello world, how are you?": five words at 2.5 a second
    assert sim.calls["alice"].memberships[0].joined_at == 2.0


@pytest.mark.parametrize("cls", CONTAINERS, ids=lambda cls: cls.tag)
def test_a_mixed_speak_lasts_as_long_as_its_words_said_flat(cls: type[Mixed]):
    durations = DurationModel(speak_min_seconds=0)
    flat = Speak("Hello world, how are you? Fine, thanks.")
    mixed = (built(cls) if cls is Speak else Speak().add(built(cls))).add(Text(" Fine, thanks."))
    assert durations.once_ms(mixed) == durations.once_ms(flat) == 2800  # seven words
    # element boundaries separate words, as plivo-python writes them (no space before the element)
    assert durations.once_ms(Speak("Press").add_emphasis("one").add_cont("for sales.")) == 1600
    # no text, or none that is words: no words
    for silent in (Speak(), Speak("... !"), Speak().add_break(time="1s").add_text(" - ")):
        assert durations.once_ms(silent) == 0


# -- what validates, parses ------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(documents())
def test_what_validates_parses_and_keeps_every_text(xml: str):
    if validate(xml).ok:
        document = parse(xml)
        assert texts(document.to_string()) == texts(xml)
    else:
        with pytest.raises(ParseError):
            parse(xml)


@settings(max_examples=150, deadline=None)
@given(mixed_speaks())
def test_a_built_mixed_speak_parses_back_equal(speak: Element):
    response = Response().add(speak)
    xml = response.to_string()
    assert validate(xml).ok
    assert parse(xml) == response
    assert parse(xml).to_string() == xml


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([Emphasis, S, W, Prosody]), spoken_text()), min_size=1, max_size=4))
def test_text_after_each_of_several_children_is_kept_in_order(pieces: list[tuple[type[Mixed], str]]):
    p = P()
    for cls, text in pieces:
        p.add(cls("x")).add_text(text)
    xml = in_speak(p.to_string())
    assert [t.strip(" \t\n\r") for _, t in pieces] == texts(xml)[1::2]
    assert parse(xml) == Response().add(Speak(voice="Polly.Amy").add(p))


def test_a_nesting_the_classes_refuse_is_a_parse_error_not_a_validation_error(monkeypatch: pytest.MonkeyPatch):
    # (the XSD and the classes agree, test_schema_agreement proves it; were they ever not
    # to, parse says where, as a ParseError)
    monkeypatch.setattr(P, "_child_tags", P._child_tags - {"emphasis"})
    monkeypatch.setattr(P, "_fast_children", P._fast_children - {Emphasis})
    xml = in_speak("\n" + sentence("p"))
    with pytest.raises(ParseError, match=r"<emphasis> could not be built: <emphasis> cannot be nested in <p>") as info:
        parse(xml)
    assert (info.value.line, info.value.column) == (2, 10)
