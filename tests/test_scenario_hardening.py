"""Scenario files of hostile shape (issue 17, items 4 and 9): lines are located in
linear time, and nesting of any depth is a ``FILE:LINE`` ScenarioError (exit 2),
never a RecursionError."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plivoxml_plus import ScenarioError
from plivoxml_plus.cli import main
from plivoxml_plus.core import load_scenario
from plivoxml_plus.core.scenario._toml_layout import MAX_DEPTH

ANSWER = "<Response><Conference>room</Conference></Response>"
CALL = f'[[call]]\nname = "a"\nanswer = "{ANSWER}"\n'  # (3 lines: the next key is on line 4)


def _error(path: Path) -> ScenarioError:
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    return caught.value


# -- the line locator is linear (item 4) ------------------------------------------------


def _digits_on_one_line(n: int) -> str:
    return CALL + "digits = [" + ", ".join(f'{{ at = {i + 1}, press = "1" }}' for i in range(n)) + "]\n"


def _digits_one_per_line(n: int) -> str:
    return CALL + "digits = [\n" + "".join(f'  {{ at = {i + 1}, press = "1" }},\n' for i in range(n)) + "]\n"


def _header_with_spaces(n: int) -> str:
    # a dotted header may have spaces around its dots ([options   .x]): a lazy name
    # followed by \s* in the header pattern was quadratic on them
    return CALL + "[options" + " " * (16 * n) + ".x]\n"


LONG_SHAPES: dict[str, Callable[[int], str]] = {
    "an inline array of digits on one line": _digits_on_one_line,
    "an inline array of digits, one item a line": _digits_one_per_line,
    "a table header with a run of spaces": _header_with_spaces,
}


def _load_seconds(path: Path) -> float:
    """The best of five loads (the scenario may be refused: its time counts the same)."""
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        with contextlib.suppress(ScenarioError):
            load_scenario(path)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("shape", list(LONG_SHAPES))
def test_a_scenario_loads_in_linear_time(tmp_path: Path, shape: str):
    # n and 8n items: linear time is about 8 times as long, quadratic 64 times
    # (the 4,000-item inline array took 20 s before the locator was one pass)
    small, large = tmp_path / "small.toml", tmp_path / "large.toml"
    small.write_text(LONG_SHAPES[shape](500), encoding="utf-8")
    large.write_text(LONG_SHAPES[shape](4000), encoding="utf-8")
    ratio = _load_seconds(large) / _load_seconds(small)
    assert ratio < 24, f"{shape}: 8 times the items took {ratio:.1f} times as long"


def test_the_item_of_a_long_inline_array_is_located(tmp_path: Path):
    path = tmp_path / "s.toml"
    items = [f'{{ at = {i + 1}, press = "1" }}' for i in range(4000)]
    items[3210] = '{ at = 3211, press = "x" }'
    path.write_text(CALL + "digits = [\n" + ",\n".join(items) + "\n]\n", encoding="utf-8")
    error = _error(path)
    assert error.line == 5 + 3210
    assert "press must be a string of 0-9" in error.reason


# pieces of text a speech item may hold: brackets, braces, quotes, comment marks,
# and the characters str.splitlines() (not TOML) takes for line ends
TRICKY = st.lists(st.sampled_from([*"ab {}[]#=,'\u2028\u2029\x85", '\\"', "\\n"]), max_size=12).map("".join)
SEPARATORS = st.sampled_from([", ", ",\n", ",  # a comment { [ ] } ' \" =\n", " ,\n\n", ",\n  # [[call]]\n"])


@settings(max_examples=60, deadline=None)
@given(
    texts=st.lists(TRICKY, min_size=1, max_size=12),
    separators=st.lists(SEPARATORS, min_size=12, max_size=12),
    bad=st.integers(min_value=0, max_value=11),
    block=st.booleans(),
)
def test_an_item_is_reported_at_its_own_line(
    tmp_path_factory: pytest.TempPathFactory, texts: list[str], separators: list[str], bad: int, block: bool
):
    bad %= len(texts)
    # the answer as a multi-line string whose lines look like headers and keys
    comment = "'''\n<Response>\n<!--\n[[call]]\nspeech = [\n-->\n<Conference>room</Conference></Response>'''"
    answer = comment if block else f'"{ANSWER}"'
    head = f'[[call]]\nname = "a"\nanswer = {answer}\nspeech = ['
    text = head
    expected = 0
    for index, said in enumerate(texts):
        if index:
            text += separators[index]
        if index == bad:
            expected = text.count("\n") + 1
        confidence = 2 if index == bad else 0.5
        text += f'{{ at = {index + 1}, text = "x{said}", confidence = {confidence} }}'
    text += "]\n"
    path = tmp_path_factory.mktemp("s") / "s.toml"
    path.write_text(text, encoding="utf-8")
    error = _error(path)
    assert "confidence must be" in error.reason
    assert error.line == expected, text


# -- nesting of any depth is a scenario error (item 9) ---------------------------------


DEEP: dict[str, tuple[str, int]] = {
    "an array 1,000 deep": ("until = " + "[" * 1000 + "]" * 1000 + "\n", 1),
    "an inline table 1,000 deep": ("until = " + "{ a = " * 1000 + "1" + " }" * 1000 + "\n", 1),
    "an array 100,000 deep": ("until = " + "[" * 100_000 + "]" * 100_000 + "\n", 1),
    "an array over many lines": ("until = [\n" + "[\n" * 1000 + "]\n" * 1001, 1 + MAX_DEPTH),
    "arrays and tables in a call's digits": (CALL + "digits = [" + "{ a = [" * 600 + "]}" * 600 + "]\n", 4),
    "dotted keys in a call's digits": (CALL + "digits = [{ at = 1, press." + ".".join(["a"] * 2000) + " = 1 }]\n", 4),
    "a table header 2,000 deep": (CALL + "[" + ".".join(["call"] * 2000) + "]\n", 4),
    "dotted keys at the top level": ("options." + ".".join(["a"] * 2000) + " = 1\n" + CALL, 1),
}


@pytest.mark.parametrize("shape", list(DEEP))
def test_deep_nesting_is_a_scenario_error_at_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], shape: str):
    text, line = DEEP[shape]
    path = tmp_path / "deep.toml"
    path.write_text(text, encoding="utf-8")
    error = _error(path)
    assert error.line == line
    assert f"nest more than {MAX_DEPTH} deep" in error.reason
    assert main(["simulate", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{path}:{line}: "), err
    assert "Traceback" not in err and "RecursionError" not in err


BRACKETS = st.sampled_from([("[", "]"), ("{ a = ", " }"), ("[{ a = ", "}]")])


@settings(max_examples=40, deadline=None)
@given(depth=st.integers(min_value=1, max_value=3 * MAX_DEPTH), kinds=st.lists(BRACKETS, min_size=1, max_size=4))
def test_nesting_is_refused_exactly_past_the_maximum(tmp_path_factory: pytest.TempPathFactory, depth: int, kinds):
    opened, closed, level = "", "", 0
    while level < depth:
        before, after = kinds[level % len(kinds)]
        count = before.count("[") + before.count("{")
        if level + count > depth:
            before, after, count = "[", "]", 1
        opened, closed, level = opened + before, after + closed, level + count
    path = tmp_path_factory.mktemp("s") / "s.toml"
    path.write_text(CALL + "talk = " + opened + "1" + closed + "\n", encoding="utf-8")
    error = _error(path)
    too_deep = f"nest more than {MAX_DEPTH} deep" in error.reason
    # [[call]] and its table hold the talk value: two levels more than its brackets
    assert too_deep == (depth + 2 > MAX_DEPTH), (depth, error.reason)
    assert error.line == 4


@pytest.mark.parametrize("ending", ["", "\n", "\n\n"])
def test_lines_are_counted_at_newlines_only(tmp_path: Path, ending: str):
    # U+2028, U+0085 and U+000C in a string are text to TOML, not line ends (str.splitlines
    # counts them): a problem after them, or at the end of the file, keeps its line
    path = tmp_path / "s.toml"
    path.write_text(CALL.replace('"a"', '"a\u2028b\x85c"') + "hangup = -1\n", encoding="utf-8")
    assert _error(path).line == 4
    path.write_text('until = 5\nx = "a\u2028b\x85c\\f"\ny = [1,' + ending, encoding="utf-8")
    error = _error(path)
    assert "at the end of the file" in error.reason and error.line == 3
