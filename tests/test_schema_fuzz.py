"""Mutated and random documents: only the package's error ever comes out.

Documents the classes build (nested too: Dial of Numbers and Users, GetDigits and
GetInput with prompts, PreAnswer, SSML in Speak with text between), and the seed's,
are cut, spliced and sprinkled with XML-ish fragments at the byte level. For each: ``validate`` returns a result
(never raises) whose problems are located and worded, ``parse`` returns a tree or
raises ParseError, the two agree, and the command line prints lines, not a
traceback. Nothing takes long.
"""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plivoxml_plus import ParseError, Problem, Response, ValidationResult, parse, validate
from tests.conftest import built_children, nested_children
from tests.seed_examples import SEED_XML

FRAGMENTS = [
    b"<",
    b">",
    b"/>",
    b"</",
    b"&",
    b"&amp;",
    b"&lol;",
    b"&#0;",
    b"&#x10FFFF;",
    b'"',
    b"'",
    b"=",
    b"<!DOCTYPE Response>",
    b"<!--",
    b"-->",
    b"<![CDATA[",
    b"]]>",
    b"<?xml version='1.0'?>",
    b"<?pi?>",
    b"<Response>",
    b"</Response>",
    b"<conference>",
    b"<Conference>",
    b"</Conference>",
    b"<Wait/>",
    b' maxMembers="0"',
    b' role="Agent"',
    b' xmlns="urn:x"',
    b' xml:lang="en"',
    b" muted=true",
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\xc3",
    b"\t",
    b"\r\n",
    b" ",
    "\u00e9".encode(),
    "\U0001f600".encode(),
    # the call-flow and SSML vocabulary's nesting, and spaces that are text to XML (issue 17)
    b"<Dial>",
    b"</Dial>",
    b"<Number>14155550100</Number>",
    b"<User>sip:a@example.com</User>",
    b"<GetDigits>",
    b"</GetDigits>",
    b"<PreAnswer>",
    b"<Speak>",
    b"</Speak>",
    b"<p>",
    b"</p>",
    b"<w>",
    b"<break/>",
    "\u00a0".encode(),
    "\u2028".encode(),
    "\u3000".encode(),
]

built = st.lists(
    st.one_of(built_children(), nested_children()),
    max_size=4,
).map(lambda children: Response(children).to_bytes(pretty=True))
seeds = st.sampled_from([text.encode() for text in SEED_XML.values()])


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.one_of(built, seeds)))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        how = draw(st.sampled_from(["insert", "delete", "replace", "truncate", "duplicate", "byte"]))
        if how == "insert":
            data[at:at] = draw(st.sampled_from(FRAGMENTS))
        elif how == "delete":
            del data[at : at + draw(st.integers(1, 8))]
        elif how == "replace":
            data[at : at + 1] = draw(st.sampled_from(FRAGMENTS))
        elif how == "truncate":
            del data[at:]
        elif how == "duplicate":
            data[at:at] = data[at : at + draw(st.integers(1, 40))]
        else:
            data[at:at] = bytes([draw(st.integers(0, 255))])
    return bytes(data)


def check(data: bytes) -> None:
    start = time.perf_counter()
    for kind in ("answer", "sound"):
        result = validate(data, kind=kind)
        assert isinstance(result, ValidationResult)
        for problem in result.problems:
            assert isinstance(problem, Problem) and problem.message
            assert "Traceback" not in problem.message
            assert problem.line is None or problem.line >= 1
            assert problem.column is None or problem.column >= 1
        try:
            parsed = parse(data, kind=kind)
        except ParseError as error:
            assert not result.ok
            assert error.problems == result.problems
        else:
            assert result.ok and isinstance(parsed, Response)
    assert time.perf_counter() - start < 2.0


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_documents(data: bytes):
    check(data)


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(st.binary(max_size=200), st.text(max_size=200).map(lambda text: text.encode("utf-8", "surrogatepass")))
)
def test_random_input(data: bytes):
    check(data)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=120))
def test_random_str_input(text: str):
    result = validate(text)
    assert isinstance(result, ValidationResult)
    if not result.ok:
        try:
            parse(text)
        except ParseError:
            pass
        else:  # pragma: no cover - would be a disagreement
            raise AssertionError("parse accepted what validate refused")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_the_command_line_never_shows_a_traceback(data: bytes):
    import contextlib
    import io
    import tempfile
    from pathlib import Path

    from plivoxml_plus.cli import main

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.xml"
        path.write_bytes(data)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["validate", str(path)])
    assert code in (0, 1)
    assert err.getvalue() == ""
    lines = out.getvalue().splitlines()
    assert lines[-1].startswith("1 answer document checked")
    assert all(line.startswith(str(path)) for line in lines[:-1])
