"""Elements whose values are partly new (a webhook's room, callback URL or number next to
the flags and limits it writes every time) are copied from a template holding the
repeating values, and only the new ones are set (issue 21, item 1): the bytes are
those lxml's SubElement writes, and the templates stay bounded. And the text checks,
now one method each, admit and refuse what their steps did."""

from __future__ import annotations

from itertools import count

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plivoxml_plus import Conference, MultiPartyCall, Response, Speak, ValidationError
from plivoxml_plus._xml_whitespace import is_xml_blank, xml_collapse, xml_strip
from plivoxml_plus.elements import Element, _base
from plivoxml_plus.elements._base import _FINISHED
from plivoxml_plus.elements._checks import _NOT_XML_CHAR, KNOWN_LEN, Refused, Spoken, Text
from plivoxml_plus.elements._values import NAME, SPEECH, SPOKEN, TEXT
from plivoxml_plus.elements.dial import CALLER_NAME
from tests.conftest import LEAF_CLASSES, answer_child, element_kwargs
from tests.test_elements_fast_paths import no_templates, written

_serial = count()


def forget_values() -> None:
    """Every check forgets the values it admitted: the next ones given are new to it."""
    for cls in _FINISHED:
        for spec in cls.specs.values():
            known = spec.check.known()
            if isinstance(known, set):
                known.clear()


def fresh_conference() -> Conference:
    i = next(_serial)
    return Conference(
        f"fresh-room-{i}", start_conference_on_enter=False, wait_sound=f"https://example.com/fresh/{i}.xml",
        max_members=7,
    )  # fmt: skip


def test_repeating_values_of_an_element_with_new_ones_are_copied_from_a_template():
    _base._TEMPLATES.clear()
    _base._SEEN.clear()
    for _ in range(3):  # seen once, kept the second time, copied from then on
        conference = fresh_conference()
        url, room = conference.wait_sound, conference.content
        assert Response().add(conference).to_string() == (
            f'<Response><Conference startConferenceOnEnter="false" waitSound="{url}" maxMembers="7">{room}'
            "</Conference></Response>"
        )
    # the template is keyed by the repeating values, the new one's place left open
    names = ("startConferenceOnEnter", "waitSound", "maxMembers")
    key: tuple[str | None, ...] = ("Conference", *names, "false", None, "7")
    assert list(_base._TEMPLATES) == [key]


def test_an_element_with_fewer_than_two_repeating_values_touches_no_template():
    # (a template would spare nothing: SubElement writes it, as before templates)
    _base._TEMPLATES.clear()
    _base._SEEN.clear()
    for i in range(5):
        url = f"https://example.com/only-new/{i}.xml"
        Response().add(Conference(f"only-new-{i}", wait_sound=url)).to_string()
        url = f"https://example.com/one-repeating/{i}.xml"
        Response().add(Conference(f"one-repeating-{i}", wait_sound=url, max_members=3)).to_string()
    assert not _base._SEEN and not _base._TEMPLATES


def test_a_value_changed_after_construction_is_written_as_changed():
    for change in ("https://example.com/changed.xml", None):
        conference = fresh_conference()
        for _ in range(3):
            Response().add(fresh_conference()).to_string()  # a template of the shape kept
        before = Response().add(conference).to_string()
        with pytest.raises(ValidationError):
            conference.wait_sound = "not a URL"  # refused: nothing changes
        assert Response().add(conference).to_string() == before
        conference.wait_sound = change
        expected = '<Response><Conference startConferenceOnEnter="false"'
        expected += f' waitSound="{change}"' if change else ""
        expected += f' maxMembers="7">{conference.content}</Conference></Response>'
        assert Response().add(conference).to_string() == expected


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_elements_with_new_values_are_written_as_without_templates(data):
    cls = data.draw(st.sampled_from(LEAF_CLASSES), label="class")
    kwargs = data.draw(element_kwargs(cls), label="kwargs")

    def built() -> Response:
        forget_values()  # every value new to its check, the element's others repeating
        element: Element = answer_child(cls(**kwargs))
        return Response().add(element).add(Speak("after"))

    with no_templates():
        expected = written(built())
    for _ in range(3):  # noted, kept, then copied from
        assert written(built()) == expected


def test_templates_of_elements_with_new_values_stay_bounded():
    long_url = "https://example.com/" + "a" * _base.TEMPLATE_LEN
    for i in range(_base.TEMPLATES_MAX + 50):
        mpc = MultiPartyCall(
            f"bounded-{i}", "Agent", max_participants=2 + i % 9, status_callback_url=f"https://example.com/b/{i}/"
        )
        Response().add(mpc).to_string()
        Response().add(Conference(f"long-{i}", max_members=3, wait_sound=f"{long_url}{i}")).to_string()
        assert len(_base._TEMPLATES) <= _base.TEMPLATES_MAX and len(_base._SEEN) <= _base.TEMPLATES_MAX
    # a new value longer than a template may hold is never kept in one
    assert all(sum(map(len, t.attrib.values())) <= _base.TEMPLATE_LEN for t in _base._TEMPLATES.values())


# -- the text checks: one method, as the composition of steps it replaced -------------------


class _StrSub(str):
    """A str subclass: checked every time, never remembered as given."""


def _text_before(check: Text, value: object) -> str:
    """Text.admit's value as it was computed before (xml_strip, then the tests, issue 21)."""
    if isinstance(value, str):
        text = xml_strip(value)
        if (
            text
            and ((text.isascii() and text.isprintable()) or not _NOT_XML_CHAR.search(text))
            and (check.maximum is None or len(text) <= check.maximum or len(xml_collapse(text)) <= check.maximum)
        ):
            return text
    raise Refused(check.allowed)


def _spoken_before(check: Spoken, value: object) -> str | None:
    if isinstance(value, str) and ((value.isascii() and value.isprintable()) or not _NOT_XML_CHAR.search(value)):
        if not is_xml_blank(value):
            return value
        if check.blank:
            return None
    raise Refused(check.allowed)


_ANY_TEXT = st.one_of(
    st.text(max_size=60),  # control characters, surrogates, Unicode spaces included
    st.text(alphabet=" \t\r\n\x85\xa0a\x00\ud800", max_size=8),
    st.text(max_size=60).map(_StrSub),
    st.integers(),
    st.none(),
)


@settings(max_examples=400, deadline=None)
@given(
    check=st.sampled_from([NAME, TEXT, CALLER_NAME, SPEECH, SPOKEN]),
    value=_ANY_TEXT,
)
def test_the_text_checks_admit_what_their_steps_admitted_before(check, value):
    before = _text_before if isinstance(check, Text) else _spoken_before
    for _ in range(2):  # the second time, a value admitted has been remembered
        try:
            expected = before(check, value)
        except Refused as why:
            with pytest.raises(Refused) as refused:
                check.admit(value)
            assert refused.value.args == why.args
            with pytest.raises(Refused):
                check.clean(value)
            continue
        assert check.admit(value) == (expected, expected)
        assert check.clean(value) == expected
        known = check.known()
        assert all(type(item) is str for item in known)
        if expected is not None and type(value) is str and len(expected) <= KNOWN_LEN:
            assert expected in known
