"""Issue 19 item 2: documents a shipping Plivo SDK writes that were refused. Each is a
warning naming the SDK and parsed to the documented form, or plainly valid where
Plivo documents it (docs/validation.md, "What is accepted with a warning")."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from plivoxml_plus import Speak, parse, validate
from plivoxml_plus.cli import main

R = "<Response>{}</Response>"

# (written, documented form, words the warning must hold; the source is in the id)
WARNED = {
    # plivo-java's Speak writes legs="aleg" on every <Speak>; the Speak XML page has no legs
    "plivo-java Speak legs": (
        '<Speak legs="aleg">Hello</Speak>',
        "<Speak>Hello</Speak>",
        ["<Speak> attribute legs", "plivo-java writes it", "leaves it out"],
    ),
    # plivo-php's Speak voice list spells Polly's names with their accents
    "plivo-php Polly.Céline": (
        '<Speak voice="Polly.Céline">Bonjour</Speak>',
        '<Speak voice="Polly.Celine">Bonjour</Speak>',
        ['"Polly.Celine"', "plivo-php"],
    ),
    "plivo-php Polly.Dóra": (
        '<Speak voice="Polly.Dóra">Halló</Speak>',
        '<Speak voice="Polly.Dora">Halló</Speak>',
        ['"Polly.Dora"', "plivo-php"],
    ),
    "plivo-php Polly.Vitória": (
        '<Speak voice="Polly.Vitória">Olá</Speak>',
        '<Speak voice="Polly.Vitoria">Olá</Speak>',
        ['"Polly.Vitoria"', "plivo-php"],
    ),
    # plivo-dotnet's Number and User list "sendOnPreAnswer" among their valid attributes
    "plivo-dotnet Number sendOnPreAnswer": (
        '<Dial><Number sendOnPreAnswer="true">15551234567</Number></Dial>',
        '<Dial><Number sendOnPreanswer="true">15551234567</Number></Dial>',
        ["the name sendOnPreanswer", "plivo-dotnet writes"],
    ),
    "plivo-dotnet User sendOnPreAnswer": (
        '<Dial><User sendOnPreAnswer="false">sip:alice@phone.plivo.com</User></Dial>',
        '<Dial><User sendOnPreanswer="false">sip:alice@phone.plivo.com</User></Dial>',
        ["the name sendOnPreanswer", "plivo-dotnet writes"],
    ),
    # plivo-node's Number accepts callerId and callerName (Plivo documents them on Dial)
    "plivo-node Number callerId": (
        '<Dial><Number callerId="15550001111">15551234567</Number></Dial>',
        "<Dial><Number>15551234567</Number></Dial>",
        ["<Number> attribute callerId", "plivo-node writes it"],
    ),
    "plivo-node Number callerName": (
        '<Dial><Number callerName="Support">15551234567</Number></Dial>',
        "<Dial><Number>15551234567</Number></Dial>",
        ["<Number> attribute callerName", "plivo-node writes it"],
    ),
    # plivo-node's Wait writes min_silence for the documented minSilence
    "plivo-node Wait min_silence": (
        '<Wait silence="true" min_silence="300"/>',
        '<Wait silence="true" minSilence="300"/>',
        ["the name minSilence", "plivo-node writes"],
    ),
    # plivo-go's Dial has MachineDetection; Plivo documents machine detection for the Call API only
    "plivo-go Dial machineDetection": (
        '<Dial machineDetection="true"><Number>15551234567</Number></Dial>',
        "<Dial><Number>15551234567</Number></Dial>",
        ["<Dial> attribute machineDetection", "plivo-go writes it"],
    ),
}


@pytest.mark.parametrize(("written", "documented", "words"), WARNED.values(), ids=WARNED.keys())
def test_what_an_sdk_writes_is_one_warning_naming_it_and_parses_to_the_documented_form(written, documented, words):
    result = validate(R.format(written))
    assert result.ok and len(result.problems) == 1 and result.problems[0].severity == "warning", result
    for word in words:
        assert word in result.problems[0].message
    assert parse(R.format(written)).to_string() == R.format(documented)
    assert validate(R.format(documented)).problems == ()


@pytest.mark.parametrize("case", WARNED.keys())
def test_strict_fails_on_each_new_warning(case: str, tmp_path: Path, capsys):
    written, documented, _ = WARNED[case]
    (tmp_path / "warned.xml").write_text(R.format(written), encoding="utf-8")
    (tmp_path / "documented.xml").write_text(R.format(documented), encoding="utf-8")
    assert main(["validate", str(tmp_path / "warned.xml")]) == 0
    assert main(["validate", "--strict", str(tmp_path / "warned.xml")]) == 1
    assert main(["validate", "--strict", str(tmp_path / "documented.xml")]) == 0
    capsys.readouterr()


def test_amazon_pollys_welsh_english_is_a_valid_language():
    # Amazon Polly's language code for Welsh English (voice Geraint), to which
    # Plivo's SSML page defers for its voices and languages
    source = R.format('<Speak voice="Polly.Geraint" language="en-GB-WLS">Hello</Speak>')
    assert validate(source).problems == ()
    assert parse(source).to_string() == source
    assert Speak("Hello", voice="Polly.Geraint", language="en-GB-WLS").to_string() == (
        '<Speak voice="Polly.Geraint" language="en-GB-WLS">Hello</Speak>'
    )


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ('<Speak language="en-GB-WLSX">Hi</Speak>', "en-GB-WLS"),
        ('<Speak voice="Polly.Jo anna">Hi</Speak>', "Polly voice"),
        ('<Speak voice="Polly.Ж">Hi</Speak>', "Polly voice"),  # no accent to take off: still an error
        ('<Speak legs="aleg" voice="MAN" loop="-1">Hi</Speak>', "loop"),
        ('<Wait min_silence="0"/>', "read as minSilence"),
    ],
)
def test_real_mistakes_stay_errors(source: str, words: str):
    result = validate(R.format(source))
    assert not result.ok and any(p.severity == "error" and words in p.message for p in result.problems), result


ACCENTED = {"Céline": "Celine", "Dóra": "Dora", "Vitória": "Vitoria", "Léa": "Lea", "Inês": "Ines"}


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(sorted(ACCENTED)), st.text("abcdefghij", max_size=3))
def test_an_accented_polly_voice_parses_like_its_ascii_id(name: str, tail: str):
    written = R.format(f'<Speak voice="Polly.{name}{tail}">Hi</Speak>')
    documented = R.format(f'<Speak voice="Polly.{ACCENTED[name]}{tail}">Hi</Speak>')
    result = validate(written)
    assert result.ok and [p.severity for p in result.problems] == ["warning"]
    assert parse(written) == parse(documented)


# -- issue 19 item 3: what the docs exclude is refused ----------------------------------


@pytest.mark.parametrize(
    ("source", "words"),
    [
        # Plivo's Record page (current and legacy): maxLength "integer greater than 1"
        ('<Record maxLength="1"/>', "from 2"),
        # Record page: transcriptionType auto (current), auto or hybrid (legacy); manual is Conference's
        ('<Record transcriptionType="manual"/>', "'auto', 'hybrid'"),
    ],
)
def test_a_record_value_the_docs_exclude_is_refused(source: str, words: str):
    result = validate(R.format(source))
    assert not result.ok and len(result.problems) == 1, result
    assert result.problems[0].severity == "error" and words in result.problems[0].message
    assert "<Record> attribute" in result.problems[0].message


def test_record_refuses_them_in_python_too():
    from plivoxml_plus import Record, ValidationError

    with pytest.raises(ValidationError, match="max_length"):
        Record(max_length=1)
    with pytest.raises(ValidationError, match="transcription_type"):
        Record(transcription_type="manual")  # type: ignore[arg-type]
    assert Record(max_length=2, transcription_type="hybrid").to_string() == (
        '<Record maxLength="2" transcriptionType="hybrid"/>'
    )


# Plivo's Dial page: callerName "Any string, maximum of 50 characters"
@settings(max_examples=40, deadline=None)
@given(st.integers(1, 80), st.sampled_from(["a", "é", " a"]))
def test_dial_caller_name_is_at_most_50_characters(size: int, unit: str):
    from plivoxml_plus import Dial, ValidationError

    name = ("N" + unit * size)[: size + 1].strip() or "N"
    source = R.format(f'<Dial callerName="{name}"><Number>15551234567</Number></Dial>')
    result = validate(source)
    counted = len(" ".join(name.split()))  # xs:token counts a run of spaces as one
    if counted <= 50:
        assert result.problems == () and Dial(caller_name=name).caller_name == name
    else:
        assert not result.ok and len(result.problems) == 1, result
        assert "at most 50 characters" in result.problems[0].message
        with pytest.raises(ValidationError, match="at most 50 characters"):
            Dial(caller_name=name)


# Plivo's "Pass custom headers" guide: sipHeaders keys of [A-Za-z0-9], values of [A-Za-z0-9] and %
SIP_KEY = st.text("ABCXYZabcxyz0189", min_size=1, max_size=6)
SIP_VALUE = st.text("ABCabc0189%", max_size=6)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(SIP_KEY, SIP_VALUE), min_size=1, max_size=3), st.sampled_from(["Dial", "User"]))
def test_sip_headers_in_the_documented_characters_are_valid(pairs, tag: str):
    headers = ",".join(f"{k}={v}" for k, v in pairs)
    inner = '<User sipHeaders="{}">sip:a@phone.plivo.com</User>' if tag == "User" else "<Number>1555</Number>"
    dial = f'<Dial sipHeaders="{headers}">{inner}</Dial>' if tag == "Dial" else f"<Dial>{inner.format(headers)}</Dial>"
    assert validate(R.format(dial)).problems == ()


@pytest.mark.parametrize("headers", ["X-Team=sales", "Team=sa-les", "Team=sales team", "Team=sal_es", "Tëam=x"])
def test_sip_headers_outside_the_documented_characters_are_refused(headers: str):
    from plivoxml_plus import Dial, ValidationError

    result = validate(R.format(f'<Dial sipHeaders="{headers}"><Number>1555</Number></Dial>'))
    assert not result.ok and len(result.problems) == 1 and "X-PH- prefix" in result.problems[0].message, result
    with pytest.raises(ValidationError, match="sip_headers"):
        Dial(sip_headers=headers)


# Plivo's Stream page: extraHeaders "test1=12,test2=123", at most 512 bytes, only [A-Za-z0-9]
@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(SIP_KEY, st.text("ABCabc0189", max_size=40)), min_size=1, max_size=30))
@example([("a", "1" * 508)])  # 510 characters
@example([("a", "1" * 510)])  # 512
@example([("a", "1" * 511)])  # 513
@example([("a", "1" * 300), ("b", "2" * 300)])
def test_stream_extra_headers_are_documented_pairs_of_at_most_512_bytes(pairs):
    from plivoxml_plus import Stream, ValidationError

    headers = ",".join(f"{k}={v}" for k, v in pairs)
    result = validate(R.format(f'<Stream extraHeaders="{headers}">wss://e.com/a</Stream>'))
    if len(headers) <= 512:
        assert result.problems == () and Stream("wss://e.com/a", extraHeaders=headers).extraHeaders == headers
    else:
        assert not result.ok and len(result.problems) == 1 and "at most 512" in result.problems[0].message
        with pytest.raises(ValidationError, match="at most 512"):
            Stream("wss://e.com/a", extraHeaders=headers)


@pytest.mark.parametrize("headers", ["test1=12;test2=3", "X-Test=1", "test=1 2", "test", "tést=1"])
def test_stream_extra_headers_outside_the_documented_characters_are_refused(headers: str):
    result = validate(R.format(f'<Stream extraHeaders="{headers}">wss://e.com/a</Stream>'))
    assert (
        not result.ok
        and len(result.problems) == 1
        and "key=value pairs of letters and digits" in (result.problems[0].message)
    ), result
