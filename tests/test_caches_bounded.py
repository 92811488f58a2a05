"""The caches that make repeated values cheap stay bounded: distinct values, document
after document, never grow memory without bound (issue 21, "Bad input")."""

from __future__ import annotations

import gc
import tracemalloc

from hypothesis import given, settings
from hypothesis import strategies as st

from plivoxml_plus import Conference, Dial, GetDigits, MultiPartyCall, Number, Response, Speak, parse, validate
from plivoxml_plus.elements import _base, _checks
from plivoxml_plus.elements._base import _FINISHED


def distinct_document(i: int) -> Response:
    """A webhook's answer with every value its own: room, URLs, numbers, prompt."""
    return Response(
        [
            GetDigits(action=f"https://example.com/ivr/{i}/menu", timeout=1 + i % 30).add(Speak(f"Ticket {i}.")),
            Dial(caller_id=f"+1212{i:07d}").add(Number(f"+1415{i:07d}")).add(Number(f"+1650{i:07d}")),
            Conference(f"room-{i}", wait_sound=f"https://example.com/hold/{i}.xml", max_members=1 + i % 20),
            MultiPartyCall(f"mpc-{i}", "Agent", status_callback_url=f"https://example.com/events/{i}/"),
        ]
    )


def use(start: int, stop: int) -> None:
    for i in range(start, stop):
        data = distinct_document(i).to_bytes()
        assert validate(data)
        parse(data)


def cache_sizes() -> list[int]:
    known = [len(check.known() or ()) for cls in _FINISHED for spec in cls.specs.values() for check in [spec.check]]
    return [len(_base._TEMPLATES), len(_base._SEEN), *known]


def traced_after(start: int, stop: int) -> int:
    use(start, stop)
    gc.collect()
    return tracemalloc.get_traced_memory()[0]


def test_distinct_documents_do_not_grow_memory() -> None:
    tracemalloc.start()
    try:
        use(0, 3000)  # every cache filled to its bound, and emptied, at least once
        first = traced_after(3000, 6000)
        second = traced_after(6000, 12000)  # twice as many documents again
    finally:
        tracemalloc.stop()
    # the caches hold at most KNOWN_MAX values a check and TEMPLATES_MAX elements:
    # 6,000 more distinct documents (24,000 elements, 60,000 values) add next to nothing
    assert second - first < 512 * 1024, (first, second)
    assert max(cache_sizes()) <= max(_checks.KNOWN_MAX, _base.TEMPLATES_MAX)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(alphabet="abcdefghij-0123456789", min_size=1, max_size=600), min_size=1, max_size=60))
def test_no_cache_outgrows_its_bound(names: list[str]) -> None:
    for name in names:
        url = f"https://example.com/{name}"
        Response().add(Conference(name, wait_sound=url, action=url)).add(Speak(name)).to_string()
        Response().add(Conference(name, wait_sound=url, action=url)).to_string()  # (a template kept)
    assert max(cache_sizes()) <= max(_checks.KNOWN_MAX, _base.TEMPLATES_MAX)
    remembered = [value for cls in _FINISHED for spec in cls.specs.values() for value in spec.check.known() or ()]
    assert all(len(value) <= _checks.KNOWN_LEN for value in remembered)
    assert all(sum(map(len, template.attrib.values())) <= _base.TEMPLATE_LEN for template in _base._TEMPLATES.values())


def test_values_never_seen_do_not_touch_the_template_cache() -> None:
    # a document of new values (a webhook's room, URL, number) is written straight
    # away: no template can be kept for it yet, so none is looked for or noted
    _base._SEEN.clear()
    _base._TEMPLATES.clear()
    for i in range(50):
        room = Conference(f"never-seen-{i}", wait_sound=f"https://example.com/never-seen/{i}.xml")
        dial = Dial(caller_id=f"+1999{i:07d}").add(Number(f"+1888{i:07d}"))
        Response().add(room).add(dial).to_string()
    assert not _base._SEEN and not _base._TEMPLATES
    # values seen before are: the second time noted, the third copied from a template
    for _ in range(3):
        room = Conference("never-seen-0", wait_sound="https://example.com/never-seen/0.xml")
        assert Response().add(room).to_string() == (
            '<Response><Conference waitSound="https://example.com/never-seen/0.xml">never-seen-0</Conference></Response>'
        )
    assert len(_base._TEMPLATES) == 1
