"""The validation API: every input form, every problem located and explained."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import plivoxml_plus as p
from plivoxml_plus import ParseError, Play, Problem, Redirect, ValidationResult, Wait, parse, schema_path, validate
from plivoxml_plus.elements import ELEMENT_CLASSES, SOUND_CHILDREN, AttributeSpec, Element, Response
from plivoxml_plus.elements.ssml import XML_LANG
from plivoxml_plus.schema import MAX_PROBLEMS, Kind, Source, _review
from tests.conftest import ALL_SPECS, answer_child, required_kwargs, spec_id
from tests.seed_examples import SEED_XML, STATUS_CALLBACK_EXAMPLE
from tests.test_schema_differential import candidates, python_verdict

BAD_MAX_MEMBERS = '<Response>\n  <Conference maxMembers="50">room</Conference>\n</Response>\n'


def only(result: ValidationResult) -> Problem:
    assert len(result.problems) == 1, result.problems
    return result.problems[0]


# -- verdicts ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", [name for name in SEED_XML if name != STATUS_CALLBACK_EXAMPLE])
def test_every_seed_document_is_valid(name):
    result = validate(SEED_XML[name])
    assert result.ok, result
    assert result and not result.problems


def test_the_seed_status_callback_snippet_is_a_fragment_not_a_document():
    # a fragment is still checked as <Response>'s child would be: the root and the missing role are both reported
    root, role = validate(SEED_XML[STATUS_CALLBACK_EXAMPLE]).problems
    assert root.message == "the root element must be <Response>, not <MultiPartyCall>; wrap it in <Response>"
    assert (root.line, root.column, root.element) == (2, 1, "MultiPartyCall")
    assert role.message.startswith("<MultiPartyCall> is missing its required attribute role")


def test_every_input_form_gets_the_same_verdict(tmp_path: Path):
    file = tmp_path / "answer.xml"
    file.write_text(BAD_MAX_MEMBERS, encoding="utf-8")
    forms: list[Source] = [
        BAD_MAX_MEMBERS,
        BAD_MAX_MEMBERS.encode(),
        bytearray(BAD_MAX_MEMBERS.encode()),
        file,
        etree.fromstring(BAD_MAX_MEMBERS.encode()),
        etree.ElementTree(etree.fromstring(BAD_MAX_MEMBERS.encode())),
    ]
    for form in forms:
        problem = only(validate(form))
        assert (problem.element, problem.attribute) == ("Conference", "maxMembers")
        assert problem.line == 2  # lxml trees parsed from text keep their line numbers
    assert validate(Response([p.Conference("room", max_members=20)])).ok


def test_a_problem_says_what_where_and_what_is_allowed():
    problem = only(validate(BAD_MAX_MEMBERS))
    allowed = p.Conference.specs["max_members"].check.allowed  # the class's words, not a second copy
    assert problem == Problem(
        2, 15, "Conference", "maxMembers", f'<Conference> attribute maxMembers="50": allowed: {allowed}'
    )
    assert str(problem) == f'2:15: <Conference> attribute maxMembers="50": allowed: {allowed}'
    assert allowed == "an integer from 1 to 20"


@pytest.mark.parametrize("pair", [pair for pair in ALL_SPECS if pair[1].xml is not None], ids=spec_id)
def test_every_refused_attribute_value_is_explained(pair: tuple[type[Element], AttributeSpec]):
    cls, spec = pair
    refused = [text for text in candidates(spec.check) if not python_verdict(cls, spec, text)]
    assert refused
    for text in refused:
        node = Response([answer_child(cls(**required_kwargs(cls)))]).to_element()
        next(node.iter(cls.tag)).set(str(spec.xml), text)
        source = etree.tostring(node, encoding="unicode")
        problem = only(validate(source))
        assert (problem.element, problem.attribute) == (cls.tag, spec.xml)
        assert problem.message.startswith(f"<{cls.tag}> attribute {spec.xml}=")
        variant = spec.check.variant(text)
        if variant is None:  # a mistake: what is allowed
            assert problem.severity == "error" and "allowed: " in problem.message
        else:  # a spelling the platform accepts: what Plivo documents
            assert problem.severity == "warning" and f'Plivo documents "{variant.documented}"' in problem.message
        # the position is the attribute's name in the source
        assert problem.line == 1 and problem.column is not None
        if spec.xml == XML_LANG:  # (known limit: the locator finds no xml: attribute, and names the element)
            assert source[problem.column - 1 :].startswith("<lang ")
        else:
            assert source[problem.column - 1 :].startswith(f"{spec.xml}=")


def test_problems_are_all_listed_in_document_order():
    source = (
        "<Response>\n"
        '  <Conference muted="yes" maxMembers="0">room</Conference>\n'
        '  <MultiPartyCall coachMode="maybe">mpc</MultiPartyCall>\n'
        '  <Wait length="0"/>\n'
        "</Response>"
    )
    problems = validate(source).problems
    assert [(x.line, x.column, x.element, x.attribute) for x in problems] == [
        (2, 15, "Conference", "muted"),
        (2, 27, "Conference", "maxMembers"),
        (3, 3, "MultiPartyCall", "role"),
        (3, 19, "MultiPartyCall", "coachMode"),
        (4, 9, "Wait", "length"),
    ]
    assert problems[2].message.startswith("<MultiPartyCall> is missing its required attribute role; allowed: one of")
    assert problems[1].message == '<Conference> attribute maxMembers="0": allowed: an integer from 1 to 20'


def test_positions_in_a_one_line_document_and_a_multi_line_start_tag():
    one_line = '<Response><Conference>a</Conference><Conference maxMembers="21">b</Conference></Response>'
    problem = only(validate(one_line))
    assert problem.column == one_line.index('maxMembers="21"') + 1
    multi = (
        '<Response>\n  <Conference\n      record="true"\n      recordFileFormat="ogg">\n'
        "    room\n  </Conference>\n</Response>"
    )
    problem = only(validate(multi))
    assert (problem.line, problem.column, problem.attribute) == (4, 7, "recordFileFormat")


def test_columns_count_characters_not_bytes():
    source = '<Response><Speak>caf\u00e9 \u00e9t\u00e9</Speak><Wait length="x"/></Response>'
    problem = only(validate(source.encode("utf-8")))
    assert problem.column == source.index('length="x"') + 1


@pytest.mark.parametrize("encoding", ["utf-8", "iso-8859-1", "utf-16"])
def test_documents_in_other_encodings_are_read_and_located(encoding):
    declaration = f'<?xml version="1.0" encoding="{encoding}"?>'
    text = declaration + '\n<Response><Speak>d\u00e9j\u00e0</Speak><Wait beep="1"/></Response>'
    problem = only(validate(text.encode(encoding)))
    assert (problem.line, problem.column, problem.attribute) == (2, text.splitlines()[1].index("beep") + 1, "beep")
    assert only(validate(text)).attribute == "beep"  # a str with a declaration is fine too


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (
            "<Response><conference>room</conference></Response>",
            "<conference> is not allowed in <Response>; did you mean <Conference>? (element names are "
            "case-sensitive); allowed: Conference, Dial, DTMF, GetDigits, GetInput, Hangup, Message, Play, PreAnswer, "
            "Record, Redirect, Speak, Wait, MultiPartyCall, Stream",
        ),
        (
            "<response/>",
            "the root element must be <Response>, not <response>; did you mean <Response>? (element "
            "names are case-sensitive)",
        ),
        (
            '<Response><Conference MaxMembers="5">room</Conference></Response>',
            "<Conference> has no attribute MaxMembers; did you mean maxMembers? (attribute names are case-sensitive)",
        ),
        (
            '<Response><Conference max_members="5">room</Conference></Response>',
            "<Conference> has no attribute max_members; did you mean maxMembers? (max_members is the Python name; "
            "XML names are camelCase)",
        ),
        ('<Response><Wait lenght="2"/></Response>', "<Wait> has no attribute lenght; did you mean length?"),
        ('<Response loop="1"/>', "<Response> takes no attributes; found loop"),
        (
            "<Response>\n  hello\n  <Hangup/>\n</Response>",
            '<Response> cannot hold text (found "hello"); it holds only elements (Conference, Dial, DTMF, GetDigits, '
            "GetInput, Hangup, Message, Play, PreAnswer, Record, Redirect, Speak, Wait, MultiPartyCall, Stream)",
        ),
        ("<Response><Wait>5</Wait></Response>", '<Wait> cannot hold text (found "5"); it takes attributes only'),
        (
            "<Response><Conference>room<Play>https://example.com/a.mp3</Play></Conference></Response>",
            "<Play> cannot be nested in <Conference>, which holds only text (a non-blank name)",
        ),
        ("<Response><Conference>   </Conference></Response>", '<Conference> text "   ": allowed: a non-blank name'),
        (
            "<Response><Play> https://example.com/a b.mp3 </Play></Response>",
            '<Play> text " https://example.com/a b.mp3 ": allowed: an absolute http:// or https:// URL',
        ),
        (
            '<Response xmlns="http://www.plivo.com/"/>',
            "the root element must be <Response>, not <{http://www.plivo.com/}Response> (Plivo XML uses no "
            "namespace: write <Response> without xmlns)",
        ),
        (
            '<Response><Conference muted="TRUE">room</Conference></Response>',
            '<Conference> attribute muted="TRUE": allowed: "true" or "false"',
        ),
        (
            '<Response><MultiPartyCall role="boss">mpc</MultiPartyCall></Response>',
            "<MultiPartyCall> attribute role=\"boss\": allowed: one of 'Agent', 'Supervisor', 'Customer', "
            "'ai-agent' (any case)",
        ),
    ],
)
def test_messages_for_common_mistakes(source, message):
    assert only(validate(source)).message == message


def test_a_url_given_as_element_text_may_stand_on_its_own_indented_line():
    # like a room name, surrounding whitespace is not part of Play's or Redirect's URL
    document = (
        "<Response>\n  <Play loop='2'>\n    https://example.com/a.mp3\n  </Play>\n"
        "  <Redirect> https://example.com/next.xml\t</Redirect>\n</Response>"
    )
    assert validate(document).ok
    play, redirect = parse(document).children
    assert play == Play("https://example.com/a.mp3", loop=2)
    assert redirect == Redirect("https://example.com/next.xml")
    assert Play("\n  https://example.com/a.mp3\n").content == "https://example.com/a.mp3"


def test_a_sound_document_holds_only_play_speak_and_wait():
    sound = "<Response><Play>https://example.com/hold.mp3</Play><Speak>Please hold</Speak><Wait/></Response>"
    assert validate(sound, kind="sound").ok
    assert validate(sound).ok  # a sound document is an answer document too
    conference = "<Response><Play>https://example.com/a.mp3</Play>\n<Conference>room</Conference></Response>"
    assert validate(conference).ok
    problem = only(validate(conference, kind="sound"))
    assert (problem.line, problem.column, problem.element) == (2, 1, "Conference")
    assert "not allowed in a sound document" in problem.message
    assert problem.message.endswith(f"allowed: {', '.join(SOUND_CHILDREN)}")
    assert validate(Response([p.Hangup()]), kind="sound").problems[0].element == "Hangup"


def test_an_unknown_kind_or_source_type_is_a_usage_error():
    with pytest.raises(ValueError, match=r"'answer'.*'sound'"):
        validate("<Response/>", kind="hold")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"pathlib\.Path"):
        validate(42)  # type: ignore[arg-type]


def test_a_str_that_is_not_xml_hints_at_paths():
    problem = only(validate("answer.xml"))
    assert problem.message.startswith("not XML: a document must start with '<'")
    assert "pass a pathlib.Path" in problem.message


def test_a_tree_built_in_memory_has_problems_without_positions():
    root = etree.Element("Response")
    etree.SubElement(root, "Conference", maxMembers="0").text = "room"
    problem = only(validate(root))
    assert (problem.line, problem.column, problem.attribute) == (None, None, "maxMembers")
    assert str(problem) == problem.message


def test_raise_for_problems():
    validate("<Response/>").raise_for_problems()  # valid: nothing happens
    result = validate('<Response><Wait length="0" beep="no"/></Response>')
    with pytest.raises(ParseError) as caught:
        result.raise_for_problems()
    assert caught.value.problems == result.problems
    assert (caught.value.line, caught.value.column) == (1, 17)
    assert str(caught.value).endswith("(and 1 more problem)")


def test_result_str():
    assert str(validate("<Response/>")) == "valid answer document"
    assert str(validate(BAD_MAX_MEMBERS)).startswith("2:15: <Conference>")


def test_schema_path_finds_both_files():
    answer, sound = schema_path(), schema_path("sound")
    assert (answer.name, sound.name) == ("plivoxml.xsd", "plivoxml-sound.xsd")
    assert answer.parent == sound.parent  # the sound schema includes its neighbour
    assert 'schemaLocation="plivoxml.xsd"' in sound.read_text()


def test_threads_each_get_their_own_problems():
    documents = {
        name: f'<Response><Conference {name}="bad">room</Conference></Response>'
        for name in ("muted", "record", "redirect", "floorEvent", "relayDTMF", "stayAlone")
    }
    failures: list[str] = []

    def work(name: str, source: str) -> None:
        for _ in range(200):
            problems = validate(source).problems
            if [x.attribute for x in problems] != [name]:
                failures.append(f"{name}: {problems}")

    threads = [threading.Thread(target=work, args=item) for item in documents.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures


@pytest.mark.parametrize("tag", [tag for tag in ELEMENT_CLASSES if tag != "Response"])
def test_a_wrongly_cased_element_gets_its_right_name(tag):
    wrong = tag.upper() if tag.upper() != tag else tag.lower()  # (DTMF is all capitals)
    problem = only(validate(f"<Response><{wrong}/></Response>"))
    assert problem.element == wrong
    assert f"did you mean <{tag}>? (element names are case-sensitive)" in problem.message


def test_a_response_inside_a_response_is_misplaced():
    problem = only(validate("<Response><Response/></Response>"))
    assert problem.message.startswith("<Response> is not allowed in <Response>; allowed: Conference")


def test_importing_the_package_stays_light():
    code = (
        "import sys, plivoxml_plus\n"
        "assert 'plivoxml_plus.schema' not in sys.modules\n"
        "assert plivoxml_plus.validate('<Response/>').ok\n"
        "assert 'xmlschema' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


SNIPPETS = [
    "<Wait/>",
    '<Wait length="0"/>',
    "<Conference>room</Conference>",
    '<Conference muted="x" maxMembers="0">room</Conference>',
    "<Play>https://example.com/a.mp3</Play>",
    "<MultiPartyCall>mpc</MultiPartyCall>",
    "<!-- a comment -->",
    "stray text",
    "<conference/>",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(SNIPPETS), max_size=12), st.sampled_from(["answer", "sound"]))
def test_validating_a_wide_document_in_slices_finds_the_same_problems(children: list[str], kind: Kind):
    source = "<Response>\n" + "\n".join(children) + "\n</Response>"
    with mock.patch.object(_review, "SLICE", 10_000):
        whole = validate(source, kind=kind)
    with mock.patch.object(_review, "SLICE", 2):
        sliced = validate(source, kind=kind)
    # misplaced children are pruned before libxml2 runs, so slicing changes nothing
    assert sliced == whole


def test_a_megabyte_of_invalid_siblings_is_linear_not_quadratic():
    count = 55_000  # about 1 MiB: validated in one pass, libxml2 alone takes ~40 s
    source = "<Response>" + '<Wait length="0"/>' * count + "</Response>"
    start = time.perf_counter()
    result = validate(source)
    assert time.perf_counter() - start < 5  # (about 0.3 s here; libxml2 alone, unsliced, takes ~40 s)
    assert (len(result.problems), result.omitted) == (MAX_PROBLEMS, count - MAX_PROBLEMS)
    assert result.problems[-1] == Problem(
        1,
        len("<Response>") + (MAX_PROBLEMS - 1) * len('<Wait length="0"/>') + len("<Wait ") + 1,
        "Wait",
        "length",
        f'<Wait> attribute length="0": allowed: {Wait.specs["length"].check.allowed}',
    )
