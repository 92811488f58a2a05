"""``validate(bytes)`` of a webhook answer runs in one frame (issue 21, item 4): the
general path (``load`` then ``check_loaded``) is not taken for it, and the verdict is
the general path's, valid or not, whatever the bytes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plivoxml_plus import Conference, GetDigits, Play, Response, Speak, Wait
from plivoxml_plus.schema import Kind, Problem, ValidationResult, _validate, validate
from plivoxml_plus.schema._cross import may_have_findings
from plivoxml_plus.schema._read import load

VALID = [
    Response([Conference("room")]).to_bytes(),
    Response([Conference("room")]).to_bytes(pretty=True),
    Response([GetDigits(action="https://example.com/a").add(Speak("Press 1"))]).to_bytes(),
    Response([Speak("Please hold."), Play("https://example.com/m.mp3", loop=0), Wait(length=2)]).to_bytes(),
]


def _general(data: bytes, kind: Kind = "answer") -> ValidationResult:
    loaded = load(data)
    if isinstance(loaded, Problem):
        return ValidationResult(kind, (loaded,))
    return _validate.check_loaded(loaded, kind)


def _refuse(*_: object, **__: object) -> object:
    raise AssertionError("the general path was taken")


@pytest.mark.parametrize("data", VALID)
def test_a_valid_answer_in_bytes_takes_neither_load_nor_check_loaded(data, monkeypatch):
    kind: Kind = "sound" if b"Conference" not in data and b"GetDigits" not in data else "answer"
    assert validate(data, kind=kind)  # (the first in a thread compiles the XSD on the general path)
    monkeypatch.setattr(_validate, "load", _refuse)
    monkeypatch.setattr(_validate, "check_loaded", _refuse)
    assert validate(data, kind=kind) is validate(data, kind=kind)
    assert validate(data, kind=kind).ok


# bytes around webhook answers: valid ones, and what the fast path must hand on (a
# prolog, a DOCTYPE, UTF-16, a byte-order mark, xsi: attributes, rules between
# elements, syntax errors, invalid values, nothing at all)
PIECES = st.sampled_from(
    [
        "<Response>", "</Response>", "<Conference>room</Conference>", '<Conference maxMembers="50">r</Conference>',
        "<Wait/>", '<Wait length="2"/>', "<GetDigits>", "</GetDigits>", '<GetInput action="x">', "</GetInput>",
        "<GetInput>", "<Speak>hi", "</Speak>", '<Speak voice="Polly.Joanna">', '<break time="1s"/>', "<PreAnswer>",
        "</PreAnswer>", '<Stream bidirectional="true" audioTrack="both">wss://x</Stream>', "<Play>u</Play>",
        '<?xml version="1.0"?>', "<!DOCTYPE Response>", "<!-- c -->", '<Response xmlns:xsi="'
        'http://www.w3.org/2001/XMLSchema-instance" xsi:type="x">', "<", "&", " ", "\ufeff", "<Bogus/>",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=8), st.sampled_from(["utf-8", "utf-16"]), st.sampled_from(["answer", "sound"]))
def test_the_verdict_is_the_general_paths(pieces, encoding, kind):
    data = "".join(pieces).encode(encoding)
    assert validate(data, kind=kind) == _general(data, kind)


@pytest.mark.parametrize(
    ("body", "may"),
    [
        ("<Wait/>", False),
        ('<GetDigits action="a"><Speak>x</Speak></GetDigits>', False),
        ("<Wait/><Wait/>", False),
        ('<GetDigits action="a"><Wait/></GetDigits>', True),
        ('<Wait/><GetInput action="a"/>', True),
        ('<Wait/><Speak>x<break time="1s"/></Speak>', True),
        ("<GetDigits/><PreAnswer/>", True),
    ],
)
def test_a_lone_wait_or_getdigits_is_told_by_its_bytes(body, may):
    assert may_have_findings(f"<Response>{body}</Response>".encode()) is may
