"""A Pattern check matches exactly its pattern's language: the faster non-capturing
form it compiles must not change what a character class holds (a bug once let
``?`` and ``:`` into the URL's user information, so ``http://?@0`` passed)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plivoxml_plus import ValidationError
from plivoxml_plus.elements import Conference, MultiPartyCall
from plivoxml_plus.elements._checks import URL_PATTERN, Pattern, non_capturing

CHECKS = [spec.check for cls in (Conference, MultiPartyCall) for spec in cls.specs.values()]
TRICKY = r"a(b)[(]\(c[]()][^]()]"  # groups, a "(" in a class, an escaped "(", "]" first in a class
PATTERNS = sorted({check.pattern for check in CHECKS if isinstance(check, Pattern)} | {URL_PATTERN, TRICKY})


@pytest.mark.parametrize("pattern", PATTERNS)
def test_the_non_capturing_form_keeps_every_character_class(pattern: str):
    converted = non_capturing(pattern)
    assert re.sub(r"\(\?:", "(", converted) == pattern  # only group openings changed
    assert re.compile(converted).groups == 0


@pytest.mark.parametrize("pattern", PATTERNS)
@given(text=st.text(alphabet="ahtps:/?@0()[]\\#.-_~%!$&'*+,;=xyz 1", max_size=24))
def test_a_pattern_check_accepts_exactly_its_language(pattern: str, text: str):
    check = Pattern(pattern, "test")
    assert (check._fullmatch(text) is not None) is (re.fullmatch(pattern, text) is not None)


@pytest.mark.parametrize("url", ["http://?@0", "http://[@host", "http://a b@host"])
def test_a_url_whose_user_information_has_other_characters_is_refused(url: str):
    with pytest.raises(ValidationError):
        Conference("r", action=url)


@pytest.mark.parametrize("url", ["http://:@host", "https://a(b)@c.com", "https://user:p%40ss@host/x"])
def test_user_information_with_its_own_characters_is_accepted(url: str):
    assert Conference("r", action=url).action == url
