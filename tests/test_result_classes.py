"""``Problem`` and ``ValidationResult`` are plain classes with ``__slots__`` (issue 21,
item 3: attrs cost a sixth of ``plivoxml-plus validate``'s start-up), and keep what
they had as attrs classes: positional and keyword construction, defaults, equality
and hashing by value, attrs' repr, pattern matching, pickling, weak references, and
attrs' FrozenInstanceError on any assignment."""

from __future__ import annotations

import copy
import pickle
import subprocess
import sys
import weakref

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plivoxml_plus import Problem, ValidationResult, validate

optional_int = st.none() | st.integers(min_value=0, max_value=10**6)
optional_name = st.none() | st.text(max_size=8)
problems = st.builds(
    Problem,
    optional_int,
    optional_int,
    optional_name,
    optional_name,
    st.text(max_size=20),
    count=st.integers(min_value=1, max_value=5),
    severity=st.sampled_from(["error", "warning"]),
)
results = st.builds(
    ValidationResult,
    st.sampled_from(["answer", "sound"]),
    st.lists(problems, max_size=3).map(tuple),
    st.integers(min_value=0, max_value=3),
    st.integers(min_value=0, max_value=3),
)


def test_the_constructors_take_the_fields_by_position_and_keyword_with_their_defaults():
    by_keyword = Problem(line=2, column=5, element="Conference", attribute="maxMembers", message="m")
    assert by_keyword == Problem(2, 5, "Conference", "maxMembers", "m", 1, "error")
    assert (by_keyword.count, by_keyword.severity) == (1, "error")
    result = ValidationResult(kind="sound")
    assert (result.kind, result.problems, result.omitted, result.omitted_errors) == ("sound", (), 0, 0)
    assert result == ValidationResult("sound", (), 0, 0) and result.ok


def test_the_repr_is_attrs_repr():
    problem = Problem(1, None, "Wait", None, "it's wrong", severity="warning")
    assert repr(problem) == (
        "Problem(line=1, column=None, element='Wait', attribute=None, message=\"it's wrong\", count=1, "
        "severity='warning')"
    )
    assert repr(ValidationResult("answer", (problem,), 2, 1)) == (
        f"ValidationResult(kind='answer', problems=({problem!r},), omitted=2, omitted_errors=1)"
    )


@settings(max_examples=60, deadline=None)
@given(st.one_of(problems, results), st.one_of(problems, results))
def test_equality_and_hashing_are_by_value_and_class(one, other):
    assert one == copy.copy(one) and hash(one) == hash(copy.deepcopy(one))
    same = type(one) is type(other) and all(
        getattr(one, name) == getattr(other, name) for name in type(one).__match_args__
    )
    assert (one == other) is same and (one != other) is not same
    if same:
        assert hash(one) == hash(other)
    assert one != tuple(getattr(one, name) for name in type(one).__match_args__)


@settings(max_examples=40, deadline=None)
@given(st.one_of(problems, results))
def test_they_pickle_and_are_weakly_referenced(value):
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(value, protocol)) == value
    assert weakref.ref(value)() is value


@pytest.mark.parametrize("value", [Problem(1, 1, None, None, "m"), ValidationResult("answer")])
def test_they_are_frozen_as_attrs_froze_them(value):
    name = type(value).__match_args__[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(value, name, 3)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        delattr(value, name)
    with pytest.raises(AttributeError):
        setattr(value, "other", 1)  # noqa: B010 (mypy would refuse the assignment itself)
    assert getattr(value, name) in (1, "answer")


def test_they_match_by_position():
    match validate("<Response><Conference maxMembers='50'>r</Conference></Response>").problems[0]:
        case Problem(line, column, element, attribute):
            assert (line, column, element, attribute) == (1, 23, "Conference", "maxMembers")
        case _:  # pragma: no cover
            pytest.fail("no match")


def test_validating_a_valid_file_never_imports_attrs(tmp_path):
    document = tmp_path / "answer.xml"
    document.write_text("<Response><Conference>room</Conference></Response>")
    probe = (
        "import sys\n"
        "from plivoxml_plus.cli import main\n"
        f"code = main(['validate', {str(document)!r}])\n"
        "print(code, sorted(m for m in sys.modules if m.split('.')[0] in ('attr', 'attrs')))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.splitlines()[-1] == "0 []", result.stdout
