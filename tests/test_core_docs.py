"""The Python examples of docs/simulation.md run as written (and their test functions pass)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

DOC = Path(__file__).resolve().parent.parent / "docs" / "simulation.md"
BLOCKS = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


def test_the_doc_has_examples():
    assert len(BLOCKS) >= 4


@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_doc_example_runs(index: int):
    # a block may use the imports of the blocks before it, as a reader would
    namespace: dict[str, Any] = {}
    for number, block in enumerate(BLOCKS[: index + 1]):
        exec(compile(block, f"{DOC}:python block {number}", "exec"), namespace)
    for name, value in list(namespace.items()):
        if name.startswith("test_") and callable(value):
            value()
