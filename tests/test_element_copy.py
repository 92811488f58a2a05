"""copy.copy of an element: a shallow copy with its own written values (a change to
the original never shows in the copy's document, nor the other way round)."""

from __future__ import annotations

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from plivoxml_plus import Conference, Dial, Number, Response


def test_a_change_to_the_original_does_not_change_what_the_copy_writes() -> None:
    original = Conference("room", wait_sound="https://example.com/hold.xml", max_members=5)
    clone = copy.copy(original)
    original.wait_sound = None
    original.max_members = 7
    assert clone.wait_sound == "https://example.com/hold.xml"
    assert clone.max_members == 5
    assert 'waitSound="https://example.com/hold.xml"' in Response().add(clone).to_string()
    assert 'maxMembers="5"' in Response().add(clone).to_string()
    assert "waitSound" not in Response().add(original).to_string()


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 20), st.integers(1, 20), st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=20))
def test_a_copy_writes_what_its_own_values_say(first: int, second: int, room: str) -> None:
    original = Conference(room, max_members=first)
    clone = copy.copy(original)
    clone.max_members = second
    assert original == Conference(room, max_members=first)
    assert Response().add(original).to_string() == Response().add(Conference(room, max_members=first)).to_string()
    assert Response().add(clone).to_string() == Response().add(Conference(room, max_members=second)).to_string()


def test_children_are_shared_as_in_any_shallow_copy() -> None:
    dial = Dial().add(Number("+14155550100"))
    clone = copy.copy(dial)
    assert clone == dial and clone.children is dial.children
