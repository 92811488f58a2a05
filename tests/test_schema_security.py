"""Hostile input: refused quickly and clearly, never fetched, expanded or read."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from plivoxml_plus import ParseError, Speak, parse, validate
from plivoxml_plus.schema import MAX_BYTES

REFUSED = "DOCTYPE declarations are not allowed"


@pytest.fixture
def listener() -> Iterator[tuple[str, socket.socket]]:
    """A local TCP port that records any connection: proof that nothing was fetched."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.settimeout(0.2)
    yield f"http://127.0.0.1:{server.getsockname()[1]}", server
    server.close()


def assert_no_connection(server: socket.socket) -> None:
    with pytest.raises(socket.timeout):
        connection, _ = server.accept()
        connection.close()


def refused_quickly(source: str | bytes | Path) -> str:
    start = time.perf_counter()
    result = validate(source)
    assert time.perf_counter() - start < 1.0
    assert not result.ok
    with pytest.raises(ParseError):
        parse(source)
    return result.problems[0].message


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">\n' for i in range(1, 10)
    )
    + "]>\n<Response><Speak>&lol9;</Speak></Response>"
)


def test_billion_laughs_is_refused_before_parsing():
    assert REFUSED in refused_quickly(BILLION_LAUGHS)
    problem = validate(BILLION_LAUGHS).problems[0]
    assert (problem.line, problem.column) == (2, 1)


def test_quadratic_blowup_is_refused():
    source = (
        '<!DOCTYPE r [<!ENTITY a "' + "x" * 50_000 + '">]><Response><Speak>' + "&a;" * 5_000 + "</Speak></Response>"
    )
    assert REFUSED in refused_quickly(source)


def test_external_entity_is_refused_and_not_read(tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    source = f'<!DOCTYPE r [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]><Response><Speak>&xxe;</Speak></Response>'
    message = refused_quickly(source)
    assert REFUSED in message and "TOP-SECRET" not in message


def test_external_dtd_and_parameter_entities_are_not_fetched(listener):
    url, server = listener
    for source in (
        f'<!DOCTYPE Response SYSTEM "{url}/plivo.dtd"><Response/>',
        f'<!DOCTYPE Response PUBLIC "-//X//Y" "{url}/plivo.dtd"><Response/>',
        f'<!DOCTYPE r [<!ENTITY % remote SYSTEM "{url}/p.dtd"> %remote;]><Response/>',
        f'<!DOCTYPE r [<!ENTITY e SYSTEM "{url}/e">]><Response><Speak>&e;</Speak></Response>',
    ):
        assert REFUSED in refused_quickly(source)
    assert_no_connection(server)


def test_a_doctype_after_a_comment_or_in_utf16_is_still_refused():
    assert REFUSED in refused_quickly('<!-- <Response> --><!DOCTYPE Response [<!ENTITY a "b">]><Response/>')
    assert REFUSED in refused_quickly("<!DOCTYPE Response><Response/>".encode("utf-16"))
    assert REFUSED in refused_quickly(BILLION_LAUGHS.replace('<?xml version="1.0"?>\n', "").encode("utf-16"))


def test_doctype_text_inside_content_is_just_text():
    source = "<Response><Speak><![CDATA[<!DOCTYPE is a word here]]></Speak><!-- <!DOCTYPE --></Response>"
    assert validate(source).ok
    assert parse(source).children == [Speak("<!DOCTYPE is a word here")]


def test_xinclude_is_not_processed(tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    source = (
        '<Response xmlns:xi="http://www.w3.org/2001/XInclude">'
        f'<Speak>x</Speak><xi:include href="{secret.as_uri()}" parse="text"/></Response>'
    )
    message = refused_quickly(source)
    assert "{http://www.w3.org/2001/XInclude}include" in message and "TOP-SECRET" not in message


def test_undefined_entities_are_malformed_not_resolved():
    message = refused_quickly("<Response><Speak>&nbsp;</Speak></Response>")
    assert message == "not well-formed XML: Entity 'nbsp' not defined"


def test_size_limit_is_checked_before_reading(tmp_path: Path):
    big = tmp_path / "big.xml"
    with big.open("wb") as file:
        file.truncate(50 * MAX_BYTES)  # a sparse 50 MiB file: refused by its size, never read
    start = time.perf_counter()
    problem = validate(big).problems[0]
    assert time.perf_counter() - start < 0.5
    assert (
        problem.message
        == f"the document is {50 * MAX_BYTES} bytes, over the size limit of {MAX_BYTES} bytes (max_bytes)"
    )
    assert (problem.line, problem.column) == (None, None)


def test_size_limit_applies_to_every_input_form():
    padding = "<Speak>" + "x" * 1000 + "</Speak>"
    source = "<Response>" + padding * 1100 + "</Response>"  # just over 1 MiB
    assert len(source) > MAX_BYTES
    for form in (source, source.encode()):
        assert "over the size limit" in validate(form).problems[0].message
    assert validate(source, max_bytes=2 * MAX_BYTES).ok
    small = "<Response/>"
    assert validate(small, max_bytes=len(small)).ok
    assert not validate(small, max_bytes=len(small) - 1).ok


def test_deep_nesting_is_an_error_not_a_hang_or_a_recursion_error():
    source = "<Response>" + "<Speak>" * 60_000 + "</Speak>" * 60_000 + "</Response>"
    assert len(source) < MAX_BYTES
    message = refused_quickly(source)
    assert message == "elements are nested too deep for this parser (over 256 levels; Plivo XML needs two)"


def test_many_elements_within_the_limit_are_fine():
    source = "<Response>" + "<Wait/>" * 50_000 + "</Response>"
    start = time.perf_counter()
    assert len(parse(source).children) == 50_000
    assert time.perf_counter() - start < 5.0
