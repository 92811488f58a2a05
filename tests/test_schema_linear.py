"""Linear time on the hostile shapes of issue 17 (item 4), and every problem still reported.

Each shape is timed at two sizes, eight times apart (8 and 64 KiB, or 64 and
512 KiB where the quadratic cost was libxml2's, small per step): a linear
validator costs about the same per byte at both, a quadratic one several times
as much. The figures at 1 KiB, 64 KiB and 1 MiB are bench/bench_hostile.py's.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from plivoxml_plus import validate
from plivoxml_plus.schema import MAX_PROBLEMS

XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'

# shape -> (before, the n-th unit, after, problems per unit: 0 when all units are one problem, counted)
# (SSML in a Speak with a Polly voice, as Plivo's Speak page says: the shapes' problems only)
SPEAK = ('<Response><Speak voice="Polly.Joanna">', "</Speak></Response>")
DIAL = ("<Response><Dial>", "</Dial></Response>")
SHAPES: dict[str, tuple[str, Callable[[int], str], str, int]] = {
    "many bad attributes on one element": ("<Response><Dial", lambda i: f' x{i}="1"', "/></Response>", 1),
    "many xsi: attributes on one element": (f"<Response {XSI}><Wait", lambda i: f' xsi:x{i}="1"', "/></Response>", 1),
    "misplaced SSML grandchildren (w > p)": (SPEAK[0], lambda i: "<w><p>a</p></w>", SPEAK[1], 1),
    "misplaced SSML grandchildren (s > p)": (SPEAK[0], lambda i: "<s><p>a</p></s>", SPEAK[1], 1),
    "misplaced SSML grandchildren (p > p)": (SPEAK[0], lambda i: "<p><p>a</p></p>", SPEAK[1], 1),
    # (the outer Number, its Number taken out, is also an empty number)
    "Number in Number": (DIAL[0], lambda i: "<Number><Number>1</Number></Number>", DIAL[1], 2),
    # (no text: a Speak of over 3,000 characters would add its warning)
    "bad values in SSML grandchildren": (SPEAK[0], lambda i: '<w role=""/>', SPEAK[1], 1),
    "lone Unicode spaces in Dial": (DIAL[0], lambda i: "<Number>1</Number>\u00a0", DIAL[1], 0),
}


def document(shape: str, size: int) -> tuple[str, int]:
    """``shape`` in about ``size`` bytes (UTF-8), and how many units it holds."""
    before, unit, after, _ = SHAPES[shape]
    parts, used, count = [before], len(before) + len(after), 0
    while used + len(piece := unit(count).encode()) <= size:
        parts.append(unit(count))
        used += len(piece)
        count += 1
    return "".join(parts) + after, count


def best(source: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        validate(source)
        times.append(time.perf_counter() - start)
    return min(times)


@pytest.mark.parametrize("shape", list(SHAPES))
def test_each_shape_costs_the_same_per_byte_at_eight_times_the_size(shape: str):
    size = 8 << 10 if "attributes" in shape else 64 << 10
    small, _ = document(shape, size)
    large, _ = document(shape, 8 * size)
    per_byte_small = best(small, 5) / len(small)
    per_byte_large = best(large, 3) / len(large)
    # linear: about 1 (fixed costs make the small one dearer per byte); quadratic: 5 to 8 here
    assert per_byte_large / per_byte_small < 3, f"{shape}: {per_byte_large / per_byte_small:.1f}x per byte"


@pytest.mark.parametrize("shape", list(SHAPES))
def test_each_shape_reports_every_problem_and_locates_the_listed_ones(shape: str):
    source, units = document(shape, 64 << 10)
    result = validate(source)
    assert not result.ok
    per_unit = SHAPES[shape][3]
    if per_unit:
        more = per_unit * units - MAX_PROBLEMS
        assert (len(result.problems), result.omitted, result.omitted_errors) == (MAX_PROBLEMS, more, more)
    else:
        ((problem),) = result.problems
        assert problem.count == units and "cannot hold text" in problem.message
    assert all(p.line == 1 and p.column is not None for p in result.problems)
    columns = [p.column or 0 for p in result.problems]
    assert columns == sorted(columns)  # document order
    for problem, column in zip(result.problems, columns, strict=True):  # each located where it is written
        at, element = column - 1, problem.element or ""
        if problem.attribute is not None:
            assert source.startswith(problem.attribute + "=", at)
        elif "cannot hold text" in problem.message:
            assert source[at] == "\u00a0"
        elif "text" in problem.message:  # (the empty outer Number: at the end of its start tag)
            assert source.startswith(f"<{element}>", at - len(element) - 2)
        else:
            assert source.startswith(f"<{element}", at)


def test_bad_attributes_among_good_ones_are_listed_in_source_order():
    names = [f' x{i}="1"' for i in range(300)]
    names[150:150] = [' timeout="0"', ' xsi:type="x"']
    source = f"<Response {XSI}><Dial" + "".join(names) + "/></Response>"
    result = validate(source)
    columns = [p.column or 0 for p in result.problems]
    assert columns == sorted(columns) and len(result.problems) == MAX_PROBLEMS
    assert result.omitted == 302 - MAX_PROBLEMS
    listed = {p.attribute for p in validate(source.replace(' x0="1"', "")).problems}
    assert "x1" in listed and "timeout" not in listed  # (the 151st problem is past the listed ones)
    early = source.replace("".join(names[:150]), "".join(names[:10]))
    problems = validate(early).problems
    assert [p.attribute for p in problems[9:13]] == ["x9", "timeout", "xsi:type", "x150"]
    assert [p.severity for p in problems[9:13]] == ["error"] * 4


def test_an_unknown_xml_attribute_is_named_and_located_as_written():
    source = (
        '<Response><Speak voice="Polly.Joanna"><lang xml:lang="en-US" xml:x="1">a</lang></Speak>'
        '<Wait xml:lang="en"/></Response>'
    )
    x, lang = source.index("xml:x") + 1, source.index('xml:lang="en"') + 1
    assert [str(p) for p in validate(source).problems] == [
        f"1:{x}: <lang> has no attribute xml:x; allowed: xml:lang",
        f"1:{lang}: <Wait> has no attribute xml:lang; allowed: length, silence, minSilence, beep",
    ]
