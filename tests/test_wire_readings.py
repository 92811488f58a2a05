"""An Integer's and a Boolean's from_wire read their common forms without a pattern
(a parsed document's values): the same value, or the same refusal, as the general
reading of xs:int / xs:boolean text for every text."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from plivoxml_plus._xml_whitespace import xml_strip
from plivoxml_plus.elements._checks import Boolean, Integer, Refused

CHECKS = [Integer(1, 20), Integer(0), Integer(-5, 5), Integer(1, 999_999_999)]
TEXTS = st.one_of(
    st.integers(-(10**12), 10**12).map(str),
    st.from_regex(r"[ \t\r\n]*[+-]?[0-9]{1,12}[ \t\r\n]*", fullmatch=True),
    st.text(alphabet="0123456789+- \t٣１", max_size=12),
    st.sampled_from(["true", "false", " true ", "True", "\tfalse\n", "", "1"]),
)


def general_integer(check: Integer, text: str) -> int:
    text = xml_strip(text)
    if re.fullmatch(r"[+-]?[0-9]+", text) is None or len(text.lstrip("+-").lstrip("0")) > 19:
        raise Refused(check.allowed)
    return check.clean(int(text))


def general_boolean(text: str) -> bool:
    return {"true": True, "false": False}[xml_strip(text)]


def outcome(read: Callable[..., object], *args: Any) -> tuple[str, object]:
    try:
        return ("value", read(*args))
    except Refused as refusal:
        return ("refused", refusal.args)
    except KeyError:
        return ("refused", ('"true" or "false"',))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(CHECKS), TEXTS)
def test_an_integer_reads_every_text_as_the_general_reading_does(check: Integer, text: str) -> None:
    assert outcome(check.from_wire, text) == outcome(general_integer, check, text)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_a_boolean_reads_every_text_as_the_general_reading_does(text: str) -> None:
    assert outcome(Boolean().from_wire, text) == outcome(general_boolean, text)
