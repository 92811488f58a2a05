"""Validation's fast path (issue 21, item 4): what a small valid document is spared,
and that what it is spared could never have found anything."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from plivoxml_plus.schema import _validate, validate
from plivoxml_plus.schema._review import SLICE, WIDE_ELEMENTS


def _refuse(*_: object) -> object:
    raise AssertionError("the tree was walked")


def test_a_small_document_is_not_walked_for_wide_elements_however_many_angle_brackets(monkeypatch):
    # "<" in a comment is no element: a count of "<" cannot tell, but a child takes
    # at least 4 bytes ("<a/>"), so no document this small has more than SLICE of them
    data = b"<Response><!--" + b"<" * (SLICE + 10) + b"--><Conference>room</Conference></Response>"
    assert len(data) < 4 * (SLICE + 1) and data.count(b"<") > SLICE + 1
    monkeypatch.setattr(_validate, "WIDE_ELEMENTS", _refuse)
    assert validate(data)


def test_a_large_document_is_still_walked(monkeypatch):
    data = b"<Response><!--" + b"<" * (4 * SLICE) + b"--><Conference>room</Conference></Response>"
    walked: list[object] = []

    def wide_elements(root: object) -> list[object]:
        walked.append(root)
        return []

    monkeypatch.setattr(_validate, "WIDE_ELEMENTS", wide_elements)
    assert validate(data) and walked


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=SLICE - 3, max_value=SLICE + 3), st.sampled_from(["<Wait/>", "<W/>", "<Wait></Wait>"]))
def test_under_the_size_bound_no_element_is_wide(count: int, child: str):
    # the bound the fast path trusts: an element with more than SLICE element
    # children takes at least 4 * (SLICE + 1) bytes, in the shortest spelling there is
    data = f"<Response>{child * count}</Response>".encode()
    wide = bool(WIDE_ELEMENTS(etree.fromstring(data)))
    assert wide == (count > SLICE)
    if wide:
        assert len(data) >= 4 * (SLICE + 1)
