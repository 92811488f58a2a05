"""Issue 19 item 3: the rules between elements that Plivo's pages state and an XSD
cannot (docs/validation.md, "Rules between elements"). Each is written by some of
Plivo's SDKs (source read: the mirrors of plivo-ruby, plivo-java, plivo-php,
plivo-node, plivo-go, plivo-dotnet, and plivo-python 4.63 itself), so each is one
warning naming them; ``--strict`` fails on it; parse() keeps what is written, and
validate() of the parsed or built object warns the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from lxml import etree

from plivoxml_plus import GetDigits, GetInput, PreAnswer, Response, Speak, Stream, parse, validate
from plivoxml_plus.cli import main
from plivoxml_plus.schema._cross import SPEAK_TEXT_MAX, has_findings, may_have_findings
from tests.conftest import nested_children

R = "<Response>{}</Response>"
ACTION = "https://example.com/a"
EVERY_SDK = ["plivo-python", "plivo-node", "plivo-ruby", "plivo-java", "plivo-php", "plivo-go", "plivo-dotnet"]

# rule -> (written, the documented form, (element, attribute) of the problem, words the warning must hold)
WARNED = {
    # Plivo's Speak page: SSML needs an Amazon Polly voice; plivo-ruby, -java, -php and -go refuse it,
    # plivo-python, -node and -dotnet write it
    "ssml-needs-polly": (
        '<Speak>Hi<break time="1s"/></Speak>',
        '<Speak voice="Polly.Joanna">Hi<break time="1s"/></Speak>',
        ("Speak", "voice"),
        ["SSML (<break>)", "no voice (WOMAN)", "Amazon Polly", "plivo-python, plivo-node and plivo-dotnet write it"],
    ),
    "ssml-needs-polly (MAN)": (
        '<Speak voice="MAN"><s>Hi</s></Speak>',
        '<Speak voice="Polly.Matthew"><s>Hi</s></Speak>',
        ("Speak", "voice"),
        ['voice="MAN"', "plivo-ruby, plivo-java, plivo-php and plivo-go refuse it"],
    ),
    # Amazon Polly bills at most 3,000 characters a request; plivo-php refuses a longer Speak text
    "speak-over-3000": (
        f"<Speak>{'a' * 3001}</Speak>",
        f"<Speak>{'a' * 3000}</Speak>",
        ("Speak", None),
        ["3,001 characters", "at most 3,000", "plivo-php refuses", "plivo-python"],
    ),
    # Plivo's GetInput page marks action required; every SDK builds a GetInput without it
    "getinput-without-action": (
        '<GetInput inputType="speech"/>',
        f'<GetInput action="{ACTION}" inputType="speech"/>',
        ("GetInput", "action"),
        ["has no action", "required", ", ".join(EVERY_SDK[:-1]) + " and plivo-dotnet write it without"],
    ),
    # Plivo's PreAnswer page and plivo-java: Speak, Play and Wait only
    "preanswer-child": (
        f'<PreAnswer><GetDigits action="{ACTION}"/></PreAnswer>',
        "<PreAnswer><Speak>Hi</Speak></PreAnswer>",
        ("GetDigits", None),
        [
            "<GetDigits> in <PreAnswer>",
            "plivo-java",
            "plivo-python, plivo-node, plivo-ruby, plivo-php and plivo-dotnet ",
        ],
    ),
    "preanswer-child (DTMF)": (
        "<PreAnswer><DTMF>12</DTMF></PreAnswer>",
        "<PreAnswer><Play>https://example.com/a.mp3</Play></PreAnswer>",
        ("DTMF", None),
        ["<DTMF> in <PreAnswer>", "plivo-go any element"],
    ),
    # Plivo's GetDigits and GetInput pages nest Speak and Play only; every SDK accepts Wait (rule I1)
    "wait-in-prompt": (
        f'<GetDigits action="{ACTION}"><Speak>Hi</Speak><Wait/></GetDigits>',
        f'<GetDigits action="{ACTION}"><Speak>Hi</Speak></GetDigits>',
        ("Wait", None),
        ["<Wait> in <GetDigits>", "only Speak and Play", "rule I1", "plivo-dotnet accept"],
    ),
    "wait-in-prompt (GetInput)": (
        f'<GetInput action="{ACTION}" inputType="dtmf"><Wait length="2"/></GetInput>',
        f'<GetInput action="{ACTION}" inputType="dtmf"><Play>https://example.com/a.mp3</Play></GetInput>',
        ("Wait", None),
        ["<Wait> in <GetInput>", "Plivo's GetInput page"],
    ),
    # Plivo's Stream page: a bidirectional stream should not take audioTrack outbound or both
    "bidirectional-track": (
        '<Stream bidirectional="true" audioTrack="both">wss://example.com/s</Stream>',
        '<Stream bidirectional="true" audioTrack="inbound">wss://example.com/s</Stream>',
        ("Stream", "audioTrack"),
        ['audioTrack="both" with bidirectional="true"', "should not", "none checks the pair"],
    ),
}


@pytest.mark.parametrize(("written", "documented", "where", "words"), WARNED.values(), ids=WARNED.keys())
def test_each_rule_is_one_located_warning_naming_the_sdks(written, documented, where, words):
    source = R.format(written)
    result = validate(source)
    assert result.ok and len(result.problems) == 1, result
    (problem,) = result.problems
    assert problem.severity == "warning" and (problem.element, problem.attribute) == where
    for word in words:
        assert word in problem.message, problem.message
    # located where it is written: the attribute if written, else the element
    assert problem.line == 1 and problem.column is not None
    at = source[problem.column - 1 :]
    assert at.startswith(f"{where[1]}=") if where[1] and f' {where[1]}="' in written else at.startswith(f"<{where[0]}")
    assert validate(R.format(documented)).problems == ()


@pytest.mark.parametrize(("written", "documented", "where", "words"), WARNED.values(), ids=WARNED.keys())
def test_parse_keeps_what_is_written_and_the_object_warns_the_same(written, documented, where, words):
    source = R.format(written)
    response = parse(source)
    assert response.to_string() == source
    assert [p.message for p in validate(response).problems] == [p.message for p in validate(source).problems]


@pytest.mark.parametrize("case", WARNED.keys())
def test_strict_fails_on_each_rule(case: str, tmp_path: Path, capsys):
    written, documented, _, _ = WARNED[case]
    (tmp_path / "warned.xml").write_text(R.format(written), encoding="utf-8")
    (tmp_path / "documented.xml").write_text(R.format(documented), encoding="utf-8")
    assert main(["validate", str(tmp_path / "warned.xml")]) == 0
    assert main(["validate", "--strict", str(tmp_path / "warned.xml")]) == 1
    assert main(["validate", "--strict", str(tmp_path / "documented.xml")]) == 0
    assert "warning:" in capsys.readouterr().out


def test_built_objects_warn_as_their_documents_do():
    # the classes build what plivo-python builds; validate() of the object says what is not documented
    cases = [
        (Speak("Hi").add_break(time="1s"), "needs an Amazon Polly voice"),
        (GetInput(input_type="speech"), "has no action"),
        (PreAnswer().add_get_digits(action=ACTION).add_redirect("https://example.com/r"), "in <PreAnswer>"),
        (GetDigits(action=ACTION).add_wait(length=1), "<Wait> in <GetDigits>"),
        (Stream("wss://example.com/s", bidirectional=True, audioTrack="outbound"), 'audioTrack="outbound"'),
    ]
    for element, words in cases:
        problems = validate(Response([element])).problems
        assert problems and all(p.severity == "warning" for p in problems), element
        assert any(words in p.message for p in problems)
    assert len(validate(Response([cases[2][0]])).problems) == 2  # GetDigits and Redirect, each named
    assert validate(Response([Speak("Hi", voice="Polly.Amy").add_break(time="1s")])).problems == ()


def test_an_unknown_root_and_a_copied_tree_are_checked_too():
    # the review path: a wrong root (an error) still has the rules of what it holds checked
    result = validate("<Responses><GetInput/></Responses>")
    assert [p.severity for p in result.problems] == ["error", "warning"]
    tree = etree.fromstring(R.format("<GetInput/>").encode())
    assert [p.element for p in validate(tree).problems] == ["GetInput"]


# -- the rules hold for a class of inputs ---------------------------------------------

VOICES = st.one_of(
    st.sampled_from(["WOMAN", "MAN", "Polly.Joanna", "Polly.Céline", "Polly.Mathieu-Neural"]),
    st.none(),
)


@settings(max_examples=40, deadline=None)
@given(VOICES, st.sampled_from(['<break time="1s"/>', "<s>Hi</s>", '<prosody rate="slow">Hi</prosody>', ""]))
def test_ssml_warns_exactly_when_the_voice_is_not_polly(voice: str | None, ssml: str):
    attribute = f' voice="{voice}"' if voice is not None else ""
    result = validate(R.format(f"<Speak{attribute}>Hello{ssml}</Speak>"))
    polly = voice is not None and voice.startswith("Polly.")
    warned = [p for p in result.problems if "SSML" in p.message]
    assert result.ok and len(warned) == (1 if ssml and not polly else 0), result


@settings(max_examples=40, deadline=None)
@given(st.integers(SPEAK_TEXT_MAX - 5, SPEAK_TEXT_MAX + 5), st.sampled_from(["", " ", "\n  "]), st.booleans())
@example(SPEAK_TEXT_MAX, "\n  ", True)
def test_a_speak_warns_exactly_when_its_text_is_over_3000_characters(size: int, padding: str, ssml: bool):
    words = ("ab " * size)[:size].strip()  # whitespace runs count as one, surrounding whitespace not at all
    counted = len(words)
    inner = f"{padding}{words[:10]}<s>{words[10:]}</s>{padding}" if ssml else f"{padding}{words}{padding}"
    voice = ' voice="Polly.Joanna"' if ssml else ""
    result = validate(R.format(f"<Speak{voice}>{inner}</Speak>"))
    assert result.ok
    assert [p.message for p in result.problems if "characters" in p.message] == (
        [result.problems[0].message] if counted > SPEAK_TEXT_MAX else []
    )
    if counted > SPEAK_TEXT_MAX:
        assert f"{counted:,} characters" in result.problems[0].message


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["true", "True", "false", None]), st.sampled_from(["inbound", "outbound", "both", None]))
def test_a_bidirectional_stream_warns_exactly_with_an_outbound_track(bidirectional, track):
    attributes = "".join(
        f' {name}="{value}"' for name, value in (("bidirectional", bidirectional), ("audioTrack", track)) if value
    )
    result = validate(R.format(f"<Stream{attributes}>wss://example.com/s</Stream>"))
    paired = [p for p in result.problems if "with bidirectional" in p.message]
    assert result.ok and len(paired) == (bidirectional in ("true", "True") and track in ("outbound", "both"))


PROMPTS = ["<Speak>Hi</Speak>", "<Play>https://example.com/a.mp3</Play>", "<Wait/>"]
PREANSWERED = [*PROMPTS, f'<GetDigits action="{ACTION}"/>', "<Redirect>https://example.com/r</Redirect>",
               "<Message>hi</Message>", "<DTMF>1</DTMF>"]  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(PREANSWERED), max_size=5), st.lists(st.sampled_from(PROMPTS), max_size=4))
def test_each_child_outside_the_documented_ones_is_one_warning(pre: list[str], prompts: list[str]):
    source = R.format(
        f'<PreAnswer>{"".join(pre)}</PreAnswer><GetDigits action="{ACTION}">{"".join(prompts)}</GetDigits>'
    )
    result = validate(source)
    assert result.ok and all(p.severity == "warning" for p in result.problems)
    expected = sum(child not in PROMPTS for child in pre) + prompts.count("<Wait/>")
    assert len(result.problems) == expected, result
    # read as written: parse keeps each child, and writes the same document back
    assert parse(source).to_string() == etree.tostring(etree.fromstring(source), encoding="unicode")


@settings(max_examples=60, deadline=None)
@given(st.lists(nested_children(), min_size=1, max_size=3))
def test_the_byte_check_never_hides_a_finding(children):
    # the fast path skips the queries for bytes that name no element a rule is about:
    # sound, for any document the classes build
    data = Response(children).to_bytes()
    root = etree.fromstring(data)
    assert not has_findings(root) or may_have_findings(data)
    assert bool(validate(data).warnings) >= has_findings(root)
