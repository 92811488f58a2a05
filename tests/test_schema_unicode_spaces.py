"""Unicode spaces are text to XML (issue 17, item 1).

XML's whitespace is space, tab, CR and LF; Python's ``str.split()`` and
``isspace()`` also take U+00A0 and fifteen more. A lone one of those where no
text is allowed is a problem, "cannot hold text", located at its line and
column: never an IndexError from ``validate``, ``parse``, the command line or
the simulator.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from plivoxml_plus import ParseError, Redirect, Response, Speak, parse, validate
from plivoxml_plus._errors import PlivoXMLPlusError
from plivoxml_plus._xml_whitespace import XML_WHITESPACE, is_xml_blank, xml_collapse, xml_split, xml_strip
from plivoxml_plus.cli import main
from plivoxml_plus.core import Simulation
from plivoxml_plus.elements import ELEMENT_CLASSES
from tests.conftest import answer_child, required_kwargs

# Whitespace to Python's str methods, text to XML (the list, and the
# control separators U+001C-U+001F, which XML 1.0 cannot carry at all).
UNICODE_SPACES = ["\u0085", "\u00a0", "\u1680", *map(chr, range(0x2000, 0x200B)), "\u2028", "\u2029", "\u202f"]
UNICODE_SPACES += ["\u205f", "\u3000"]
# Every element that holds no text (containers and empty elements alike).
TEXTLESS = [tag for tag, cls in ELEMENT_CLASSES.items() if all(spec.xml is not None for spec in cls.specs.values())]
NEXT = "https://example.com/next.xml"


def test_the_list_is_every_character_python_and_xml_disagree_on():
    python_only = [c for c in map(chr, range(0x110000)) if c.isspace() and c not in XML_WHITESPACE]
    assert sorted(set(python_only) - {"\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f"}) == UNICODE_SPACES
    assert {"Response", "Dial", "GetDigits", "GetInput", "PreAnswer", "Wait", "break"} <= set(TEXTLESS)


@pytest.mark.parametrize(
    ("document", "element", "column"),
    [
        ("<Response>\u00a0<Wait/></Response>", "Response", 11),
        ("<Response><Dial>\u00a0<Number>14155550100</Number></Dial></Response>", "Dial", 17),
        (
            '<Response><GetDigits action="https://a.example/">\u3000<Speak>hi</Speak></GetDigits></Response>',
            "GetDigits",
            50,
        ),
        ("<Response><PreAnswer><Speak>hi</Speak>\u2028</PreAnswer></Response>", "PreAnswer", 39),
        ("<Response><Wait>\u2029</Wait></Response>", "Wait", 17),
        ("<Response>\n  <Wait/>\u0085\n</Response>", "Response", 10),
    ],
)
def test_a_lone_unicode_space_is_text_where_none_is_allowed(document: str, element: str, column: int):
    result = validate(document)
    assert not result.ok
    (problem,) = result.problems
    assert problem.element == element
    assert "cannot hold text" in problem.message and "space, tab, CR and LF" in problem.message
    assert (problem.line, problem.column) == (2 if "\n" in document else 1, column)
    with pytest.raises(ParseError) as caught:
        parse(document)
    assert caught.value.problems == result.problems


def test_the_character_is_shown_escaped_in_the_message():
    (problem,) = validate("<Response><Dial>\u00a0<Number>1</Number></Dial></Response>").problems
    assert 'found "\\xa0"' in problem.message and "\u00a0" not in problem.message
    assert problem.message.endswith("it holds only elements (Number, User)")


def _with_text(tag: str, character: str, where: str) -> bytes:
    """A valid document holding a ``tag`` element, with ``character`` put in it
    (``text``: before anything else; ``tail``: after a child of it)."""
    cls = ELEMENT_CLASSES[tag]
    children = [] if tag == "Response" else [answer_child(cls(**required_kwargs(cls)))]
    root = Response(children).to_element()
    node = root if tag == "Response" else next(root.iter(tag))
    if where == "tail" and len(node):
        node[-1].tail = character
    elif where == "tail" and cls.allowed_children:
        child = cls.allowed_children[0]
        etree.SubElement(node, child, {k: str(v) for k, v in required_kwargs(ELEMENT_CLASSES[child]).items()})
        node[-1].tail = character
    else:
        node.text = character
    return etree.tostring(root, encoding="utf-8")


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(UNICODE_SPACES), st.sampled_from(TEXTLESS), st.sampled_from(["text", "tail"]))
def test_every_unicode_space_in_every_textless_element_is_a_located_problem(character: str, tag: str, where: str):
    data = _with_text(tag, character, where)
    for kind in ("answer", "sound"):
        result = validate(data, kind=kind)
        assert not result.ok
        located = [p for p in result.problems if p.element == tag and "cannot hold text" in p.message]
        if kind == "answer" or tag in ("Response", "Wait", "break"):  # (elsewhere, the element itself is refused)
            (problem,) = located
            assert problem.line == 1 and problem.column == data.decode().index(character) + 1
        try:
            parse(data, kind=kind)
        except ParseError as error:
            assert error.problems == result.problems
        else:  # pragma: no cover - would be a disagreement
            raise AssertionError("parse accepted what validate refused")


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(UNICODE_SPACES), st.sampled_from(sorted(ELEMENT_CLASSES)))
def test_a_unicode_space_as_any_elements_whole_text_raises_only_package_errors(character: str, tag: str):
    data = _with_text(tag, character, "text")
    result = validate(data)
    try:
        parse(data)
    except PlivoXMLPlusError:
        assert not result.ok
    else:
        assert result.ok


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(UNICODE_SPACES), st.sampled_from(TEXTLESS), st.sampled_from(["text", "tail"]))
def test_the_command_line_reports_it_without_a_traceback(character: str, tag: str, where: str):
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "space.xml"
        path.write_bytes(_with_text(tag, character, where))
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["validate", str(path)])
    assert (code, err.getvalue()) == (1, "")
    lines = out.getvalue().splitlines()
    assert any(line.startswith(f"{path}:1:") and "cannot hold text" in line for line in lines[:-1])
    assert lines[-1].startswith("1 answer document checked: 0 valid, 1 invalid")


@pytest.mark.parametrize("strict", [False, True])
def test_the_simulator_notes_the_invalid_document(strict: bool):
    sim = Simulation(urls={NEXT: "<Response>\u00a0<Wait/></Response>"}, strict=strict)
    sim.call("a", Response().add(Redirect(NEXT)).add(Speak("after")))
    if strict:
        with pytest.raises(PlivoXMLPlusError, match="cannot hold text"):
            sim.run()
        return
    sim.run()
    assert sim.calls["a"].executed == ["Redirect", "Speak"]
    (note,) = [n.text for n in sim.notes]
    assert "invalid document: 1:11: <Response> cannot hold text" in note
    with pytest.raises(ParseError, match="1:11: <Response> cannot hold text"):
        Simulation().call("b", "<Response>\u00a0<Wait/></Response>")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from([*XML_WHITESPACE, *UNICODE_SPACES, "a", "b"]), max_size=12))
def test_the_helpers_split_and_strip_on_xml_whitespace_only(text: str):
    words = xml_split(text)
    assert all(word and not set(word) & set(XML_WHITESPACE) for word in words)
    assert "".join(words) == "".join(c for c in text if c not in XML_WHITESPACE)
    assert xml_collapse(text) == " ".join(words)
    assert is_xml_blank(text) == (not words)
    stripped = xml_strip(text)
    assert stripped == text.strip(" \t\r\n") and (not stripped or stripped[0] not in XML_WHITESPACE)
