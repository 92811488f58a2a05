"""docs/elements.md shows what the code does: its examples run as written."""

from __future__ import annotations

import doctest

from tests.conftest import ROOT


def test_the_examples_in_elements_md_run_as_written():
    result = doctest.testfile(
        str(ROOT / "docs" / "elements.md"),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        raise_on_error=False,
        verbose=False,
    )
    assert result.attempted >= 20
    assert result.failed == 0
