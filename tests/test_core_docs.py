"""The Python examples of docs/simulation.md and docs/audio.md run as written
(and their test functions pass)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"


def blocks(name: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", (DOCS / name).read_text(encoding="utf-8"), flags=re.S)


EXAMPLES = [(name, index) for name in ("simulation.md", "audio.md") for index in range(len(blocks(name)))]


def test_the_docs_have_examples():
    assert len(blocks("simulation.md")) >= 4 and len(blocks("audio.md")) >= 2


@pytest.mark.parametrize(("name", "index"), EXAMPLES)
def test_doc_example_runs(name: str, index: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # a block may use the imports of the blocks before it, as a reader would
    monkeypatch.chdir(tmp_path)  # (an example may write files)
    namespace: dict[str, Any] = {}
    for number, block in enumerate(blocks(name)[: index + 1]):
        exec(compile(block, f"{DOCS / name}:python block {number}", "exec"), namespace)
    for name, value in list(namespace.items()):
        if name.startswith("test_") and callable(value):
            value()
