"""The README shows what the code does: its Python examples run as written, and
every output it shows (a ``# ...`` comment line right after a ``print``, or a
``>>>`` doctest) is what the code really prints."""

from __future__ import annotations

import contextlib
import doctest
import io
import re
from typing import Any

import pytest

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```python\n(.*?)```", README, flags=re.S)
SCRIPTS = [block for block in BLOCKS if not block.lstrip().startswith(">>>")]
DOCTESTS = [block for block in BLOCKS if block.lstrip().startswith(">>>")]


def shown_outputs(block: str) -> list[str]:
    """The comment lines that directly follow a print(...) line: what the reader is told it prints."""
    shown: list[str] = []
    after_print = False
    for line in block.splitlines():
        stripped = line.strip()
        if after_print and stripped.startswith("# "):
            shown.append(stripped[2:])
            continue
        after_print = "print(" in stripped
    return shown


def test_the_readme_has_examples_of_each_kind():
    assert len(SCRIPTS) >= 2 and len(DOCTESTS) >= 1
    assert any(shown_outputs(block) for block in SCRIPTS)


@pytest.mark.parametrize("index", range(len(SCRIPTS)))
def test_readme_example_runs_and_prints_what_it_shows(index: int):
    block = SCRIPTS[index]
    namespace: dict[str, Any] = {}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(block, f"README.md python block {index}", "exec"), namespace)
        for name, value in list(namespace.items()):
            if name.startswith("test_") and callable(value):
                value()  # a pytest-style example in the README must pass
    lines = printed.getvalue().splitlines()
    for expected in shown_outputs(block):
        assert expected in lines


@pytest.mark.parametrize("index", range(len(DOCTESTS)))
def test_readme_doctest(index: int):
    parser = doctest.DocTestParser()
    test = parser.get_doctest(DOCTESTS[index], {}, f"README doctest {index}", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.failures == 0 and runner.tries > 0
