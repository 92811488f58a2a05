"""The reader as an attacker meets it: no file or socket opened, whatever the bytes;
linear time on hostile documents; every problem reported and located, in every encoding.

The hostile documents run in a subprocess with a time limit: a reader that opened
the FIFO they name would block for ever, and the test would fail, not hang.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plivoxml_plus import Conference, ParseError, Problem, Response, Wait, parse, validate
from plivoxml_plus.schema import MAX_BYTES, MAX_PROBLEMS

REFUSED = "DOCTYPE declarations are not allowed"

# Every encoding a parser recognises before it reads a declaration: (Python codec,
# the name an XML declaration gives it).
ENCODINGS = [
    ("utf-8", "UTF-8"),
    ("utf-8-sig", "UTF-8"),
    ("utf-16", "UTF-16"),  # with a byte-order mark
    ("utf-16-le", "UTF-16LE"),
    ("utf-16-be", "UTF-16BE"),
    ("utf-32", "UTF-32"),  # with a byte-order mark
    ("utf-32-le", "UTF-32LE"),
    ("utf-32-be", "UTF-32BE"),
]
# What may stand before a DOCTYPE; the first two hid it from the old byte scan.
PROLOGS = ["", "<?x <a?>", "<!-- <a -->\n", '<?xml version="1.0" encoding="{name}"?>\n']
DOCTYPES = [
    '<!DOCTYPE Response SYSTEM "{target}">',
    '<!DOCTYPE Response PUBLIC "-//X//Y" "{target}">',
    '<!DOCTYPE Response [<!ENTITY % p SYSTEM "{target}"> %p;]>',
    '<!DOCTYPE Response [<!ENTITY e SYSTEM "{target}">]>',
]
BODY = "<Response><Speak>&e;</Speak></Response>"


def hostile_documents(target: str) -> dict[str, bytes]:
    documents = {}
    for codec, name in ENCODINGS:
        for p, prolog in enumerate(PROLOGS):
            for d, doctype in enumerate(DOCTYPES):
                text = prolog.format(name=name) + doctype.format(target=target) + BODY
                documents[f"{codec}/{p}/{d}"] = text.encode(codec)
    return documents


_RUNNER = textwrap.dedent(
    """
    import json, sys
    from plivoxml_plus import ParseError, parse, validate
    documents = json.loads(sys.stdin.read())
    verdicts = {}
    for key, hex_bytes in documents.items():
        data = bytes.fromhex(hex_bytes)
        result = validate(data)
        try:
            parse(data)
            parsed = "parsed"
        except ParseError as error:
            parsed = str(error)
        verdicts[key] = [[str(p) for p in result.problems], parsed]
    print(json.dumps(verdicts))
    """
)


def run_isolated(
    documents: dict[str, bytes], *, prefix: list[str] | None = None, timeout: float = 60
) -> dict[str, list[object]]:
    """Validate and parse ``documents`` in a fresh interpreter (a hang fails the test)."""
    payload = json.dumps({key: data.hex() for key, data in documents.items()})
    completed = subprocess.run(
        [*(prefix or []), sys.executable, "-c", _RUNNER],
        input=payload,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )
    verdicts: dict[str, list[object]] = json.loads(completed.stdout.splitlines()[-1])
    return verdicts


@pytest.fixture
def targets(tmp_path: Path) -> dict[str, str]:
    fifo = tmp_path / "pipe.dtd"
    os.mkfifo(fifo)
    real = tmp_path / "real.dtd"
    real.write_text('<!ENTITY e "SECRET-CONTENT">', encoding="utf-8")
    return {
        "fifo": str(fifo),
        "fifo-uri": fifo.as_uri(),
        "file": str(real),
        "file-uri": real.as_uri(),
        "missing": str(tmp_path / "missing.dtd"),
    }


def test_no_doctype_opens_a_file_in_any_encoding_or_after_any_prolog(targets):
    verdicts = {name: run_isolated(hostile_documents(target)) for name, target in targets.items()}
    keys = verdicts["missing"].keys()
    for key in keys:
        seen = {name: verdicts[name][key] for name in targets}
        problems, parsed = seen["missing"]
        assert isinstance(problems, list) and isinstance(parsed, str)
        assert len(problems) == 1 and REFUSED in problems[0], (key, problems)
        assert REFUSED in parsed
        # the same words whether the named file exists, is a FIFO or is missing: no oracle
        paths_hidden = {name: json.dumps(v).replace(targets[name], "T") for name, v in seen.items()}
        assert len(set(paths_hidden.values())) == 1, (key, seen)
        assert "SECRET-CONTENT" not in json.dumps(seen)


def test_the_doctype_is_located_in_every_encoding():
    for codec, name in ENCODINGS:
        text = f'<?xml version="1.0" encoding="{name}"?>\n  <!-- x -->\n  <!DOCTYPE Response>\n<Response/>'
        problem = validate(text.encode(codec)).problems[0]
        assert (problem.line, problem.column, problem.message[:36]) == (3, 3, REFUSED), codec


@pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace to watch the process's system calls")
def test_libxml2_never_touches_the_named_path(tmp_path: Path):
    # strace sees what libxml2 does in C, which no Python hook can
    watched = tmp_path / "watched-path.dtd"
    watched.write_text('<!ENTITY e "x">', encoding="utf-8")
    log = tmp_path / "trace.txt"
    documents = hostile_documents(str(watched)) | hostile_documents(watched.as_uri())
    verdicts = run_isolated(
        documents, prefix=["strace", "-f", "-qq", "-e", "trace=%file,%network", "-o", str(log)], timeout=120
    )
    assert len(verdicts) == len(documents)
    trace = log.read_text(encoding="utf-8", errors="replace")
    assert "execve" in trace or "open" in trace  # (the trace did record the run)
    assert "watched-path" not in trace
    assert "connect(" not in trace and "socket(" not in trace


def test_validate_opens_nothing_from_python(tmp_path: Path):
    events: list[tuple[str, tuple[object, ...]]] = []
    watching = [False]

    def hook(event: str, args: tuple[object, ...]) -> None:
        if watching[0] and event in {"open", "os.open", "socket.connect", "urllib.Request"}:
            events.append((event, args))

    sys.addaudithook(hook)  # (hooks cannot be removed: this one is off outside the block)
    documents = hostile_documents(str(tmp_path / "x.dtd")) | {"plain": b"<Response><Wait/></Response>"}
    validate(documents["plain"])  # the schema is compiled (opened) before watching
    watching[0] = True
    try:
        for data in documents.values():
            validate(data)
            with pytest.raises(ParseError):
                parse(data.replace(b"Wait", b"Wiat"))
    finally:
        watching[0] = False
    assert events == []


# -- what is read from a path ---------------------------------------------------------


def test_a_fifo_or_a_device_is_refused_at_once(tmp_path: Path):
    fifo = tmp_path / "answer.xml"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero"), tmp_path):
        start = time.perf_counter()
        with pytest.raises(ParseError, match="only regular files are read"):
            validate(path)
        with pytest.raises(ParseError, match="only regular files are read"):
            parse(path)
        assert time.perf_counter() - start < 1


def test_a_path_with_a_nul_byte_is_a_parse_error():
    with pytest.raises(ParseError, match="a path cannot contain a NUL character"):
        validate(Path("answer\0.xml"))


# -- every problem, in linear time ----------------------------------------------------


def test_problems_after_an_unknown_element_are_reported():
    source = '<Response><speak>Hi</speak><Conference maxMembers="50" mutd="true">room</Conference></Response>'
    problems = validate(source).problems
    assert [(p.element, p.attribute) for p in problems] == [
        ("speak", None),
        ("Conference", "maxMembers"),
        ("Conference", "mutd"),
    ]
    assert "did you mean muted?" in problems[2].message
    with pytest.raises(ParseError) as caught:
        parse(source)
    assert len(caught.value.problems) == 3


SNIPPETS = [
    "<Wait/>",
    '<Wait length="0"/>',
    '<Conference maxMembers="50" mutd="true">room</Conference>',
    "<Play>https://example.com/a.mp3</Play>",
    "<Play>not a url</Play>",
    "<speak>Hi</speak>",
    "<Bogus><Wait length='0'/></Bogus>",
    "<Conference>room<Wait/></Conference>",
    "<!-- a comment -->",
]


@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from(SNIPPETS), max_size=10))
def test_an_unexpected_element_hides_no_problem_of_its_siblings(children: list[str]):
    # each known element's problems are the ones it has when it stands alone
    source = "<Response>" + "".join(children) + "</Response>"
    problems = validate(source).problems
    expected = []
    offset = len("<Response>")
    for child in children:
        alone = validate("<Response>" + child + "</Response>").problems
        if not any(p.message.startswith(("<speak>", "<Bogus>")) for p in alone):
            expected += [((p.column or 0) + offset - len("<Response>"), p.message.split(" (and ")[0]) for p in alone]
        else:
            expected.append((offset + 1, alone[0].message.split(" (and ")[0]))
        offset += len(child)
    # (a repeated misplaced element is one problem with a count: compare without counts)
    found = [(p.column, p.message.split(" (and ")[0]) for p in problems]
    assert [m for _, m in found] == [m for _, m in _first_of_each(expected)]
    assert found == _first_of_each(expected)


def _first_of_each(findings: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The misplaced-element problems of one parent are one per element name (the first)."""
    seen: set[str] = set()
    kept = []
    for column, message in findings:
        if message.startswith(("<speak>", "<Bogus>")):
            if message in seen:
                continue
            seen.add(message)
        kept.append((column, message))
    return kept


def test_repeated_problems_of_one_element_are_one_problem_with_a_count():
    result = validate("<Response>" + "<Wait/>x" * 500 + "</Response>")
    (problem,) = result.problems
    assert problem.count == 500
    assert (problem.line, problem.column) == (1, len("<Response><Wait/>") + 1)
    assert problem.message.endswith("(and 499 more like it)")


def test_problems_are_capped_and_the_rest_counted():
    result = validate("<Response>" + '<Wait length="0"/>' * (MAX_PROBLEMS + 40) + "</Response>")
    assert (len(result.problems), result.omitted) == (MAX_PROBLEMS, 40)
    assert str(result).endswith(f"... and 40 more problems (only the first {MAX_PROBLEMS} are listed)")
    with pytest.raises(ParseError, match=rf"\(and {MAX_PROBLEMS + 39} more problems\)") as caught:
        parse("<Response>" + '<Wait length="0"/>' * (MAX_PROBLEMS + 40) + "</Response>")
    assert len(caught.value.problems) == MAX_PROBLEMS


def _megabyte(unit: str, before: str = "<Response>", after: str = "</Response>", codec: str = "utf-8") -> bytes:
    """``unit`` repeated between ``before`` and ``after``, as many times as fit the size limit in ``codec``."""
    width = len("<<".encode(codec)) - len("<".encode(codec))  # (bytes per ASCII character, the mark left out)
    mark = len("<".encode(codec)) - width
    count = (MAX_BYTES - mark - width * (len(before) + len(after))) // (width * len(unit))
    return (before + unit * count + after).encode(codec)


WORST_SHAPES: dict[str, tuple[str, ...]] = {
    "text between children": ("<Wait/>x",),
    "text and comments in an element without content": ("x<!---->", "<Response><Wait>", "</Wait></Response>"),
    "children in an element without children": ("<a/>", "<Response><Wait>", "</Wait></Response>"),
    "misplaced elements": ("<speak>Hi</speak>",),
    "values out of range": ('<Wait length="0"/>',),
    "misspelt attributes": ('<Wait lenght="1" silense="x"/>',),
    "a long number": ("1", '<Response><Conference maxMembers="', '">room</Conference></Response>'),
}


@pytest.mark.parametrize("shape", list(WORST_SHAPES))
@pytest.mark.parametrize("codec", ["utf-8", "utf-16", "utf-32"])
def test_the_worst_shapes_at_the_size_limit_take_linear_time(shape: str, codec: str):
    unit, before, after = (*WORST_SHAPES[shape], "<Response>", "</Response>")[:3]
    data = _megabyte(unit, before, after, codec=codec)
    assert MAX_BYTES - 64 <= len(data) <= MAX_BYTES
    start = time.perf_counter()
    result = validate(data)
    elapsed = time.perf_counter() - start
    assert not result.ok
    # a generous bound: quadratic time took minutes here; bench/bench_hostile.py prints the real figures
    assert elapsed < 5, f"{shape} in {codec}: {elapsed:.2f} s"


def test_a_long_number_is_refused_without_converting_it():
    source = '<Response><Conference maxMembers="' + "9" * 100_000 + '">room</Conference></Response>'
    problem = validate(source).problems[0]
    assert problem.attribute == "maxMembers" and "from 1 to 20" in problem.message


# -- every problem located, in every encoding -----------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from([*SNIPPETS, "\n", "\r\n  ", "é", "<Speak>日本語</Speak>"]), max_size=8),
    st.sampled_from(ENCODINGS),
)
def test_problems_have_the_same_positions_in_every_encoding(children: list[str], encoding: tuple[str, str]):
    codec, name = encoding  # (UTF-16 and UTF-32 without a byte-order mark need the declaration)
    text = f'<?xml version="1.0" encoding="{name}"?>\n<Response>' + "".join(children) + "</Response>"
    utf8 = text.replace(name, "UTF-8").encode("utf-8")
    assert validate(text.encode(codec)) == validate(utf8)


def test_a_utf32_problem_has_its_column():
    text = '<Response>\n  <Conference maxMembers="' + "1" * 40_000 + '">room</Conference>\n</Response>'
    for codec in ("utf-32", "utf-32-le", "utf-32-be", "utf-16"):
        start = time.perf_counter()
        problem = validate(text.encode(codec)).problems[0]
        assert time.perf_counter() - start < 1
        assert (problem.line, problem.column, problem.attribute) == (2, 15, "maxMembers"), codec


# -- small things ---------------------------------------------------------------------


def test_an_empty_document_is_located_at_its_start():
    for data in (b"", b"  \n", ""):
        (problem,) = validate(data).problems
        assert (problem.line, problem.column, problem.message) == (1, 1, "the document is empty")


def test_an_empty_cdata_section_is_no_text():
    assert validate("<Response><Wait><![CDATA[]]></Wait></Response>").ok
    assert parse("<Response><Wait><![CDATA[]]></Wait></Response>") == Response([Wait()])
    assert not validate("<Response><Wait><![CDATA[ x ]]></Wait></Response>").ok


# -- xsi: one contract for validate and parse -----------------------------------------

XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'


@pytest.mark.parametrize(
    "attribute",
    [
        'xsi:type="xs:string"',
        'xsi:nil="false"',
        'xsi:schemaLocation="urn:x plivoxml.xsd"',
        'xsi:noNamespaceSchemaLocation="plivoxml.xsd"',
    ],
)
@pytest.mark.parametrize("on", ["Response", "Conference"])
def test_xsi_attributes_are_refused_by_validate_and_parse_alike(attribute: str, on: str):
    declared = f'{XSI} xmlns:xs="http://www.w3.org/2001/XMLSchema"'
    response = f"<Response {declared} {attribute}>" if on == "Response" else f"<Response {declared}>"
    conference = f"<Conference {attribute}>room</Conference>" if on == "Conference" else "<Conference>room</Conference>"
    source = response + conference + "</Response>"
    for data in (source, source.encode("utf-16")):
        (problem,) = validate(data).problems
        name = attribute.split("=", maxsplit=1)[0]
        assert (problem.element, problem.attribute) == (on, name)
        assert problem.message.startswith(f"<{on}> attribute {name}: Plivo XML uses no namespaces")
        assert problem.column == source.index(name) + 1
        with pytest.raises(ParseError, match="Plivo XML uses no namespaces"):
            parse(data)


def test_a_namespace_declaration_alone_is_harmless():
    source = f"<Response {XSI}><Conference>room</Conference></Response>"
    assert validate(source).ok
    assert parse(source) == Response([Conference("room")])


def test_an_xsi_attribute_on_a_tree_built_in_memory_is_refused_too():
    from lxml import etree

    tree = etree.fromstring(f'<Response {XSI} xsi:type="x"><Wait/></Response>'.encode())
    (problem,) = validate(tree).problems
    assert problem == Problem(
        1, None, "Response", "xsi:type", problem.message
    ) and problem.message.startswith("<Response> attribute xsi:type")
    assert tree.get("{http://www.w3.org/2001/XMLSchema-instance}type") == "x"  # (the caller's tree is left as it was)


def test_the_cli_says_how_many_problems_it_did_not_list(tmp_path: Path, capsys):
    from plivoxml_plus.cli import main

    many = tmp_path / "many.xml"
    many.write_text("<Response>" + '<Wait length="0"/>' * (MAX_PROBLEMS + 5) + "</Response>", encoding="utf-8")
    empty = tmp_path / "empty.xml"
    empty.write_bytes(b"")
    assert main(["validate", str(many), str(empty)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[MAX_PROBLEMS] == f"{many}: ... and 5 more problems (only the first {MAX_PROBLEMS} are listed)"
    assert lines[MAX_PROBLEMS + 1] == f"{empty}:1:1: the document is empty"
    assert lines[-1].endswith(f"({MAX_PROBLEMS + 6} problems)")


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(["<Wait/>", "\n", "\r\n", "\r", " ", "x"]), max_size=30))
def test_the_start_of_each_line_is_found_as_the_parser_counts_lines(pieces: list[str]):
    # (the mark of an error libxml2 locates by line only)
    from lxml import etree

    from plivoxml_plus.schema._positions import Locator

    text = "<Response>" + "".join(pieces) + "</Response>"
    data = text.encode()
    locator = Locator(etree.fromstring(data), data)
    lines = text.count("\n") + text.count("\r") - text.count("\r\n") + 1
    for number in range(1, lines + 1):
        assert locator.positions([locator.line(number)]) == [(number, 1)]
