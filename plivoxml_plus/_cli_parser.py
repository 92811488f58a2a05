"""The argparse parser class of ``plivoxml-plus`` (``cli.build_parser``), whose help
keeps URLs whole; the subcommands' parsers are of this class too.

A module of its own so that argparse loads only when a parser is built: a plain
run of ``plivoxml-plus validate`` is read without it (``schema/_cli.py``,
``read_validate_arguments``; README, Performance).
"""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["Parser"]


class _Formatter(argparse.HelpFormatter):
    # A URL holds hyphens: wrapped at one, it could not be copied from the help.
    # (textwrap is imported here, as argparse imports it: only help is wrapped)
    def _split_lines(self, text: str, width: int) -> list[str]:
        import textwrap

        text = self._whitespace_matcher.sub(" ", text).strip()
        return textwrap.wrap(text, width, break_on_hyphens=False, break_long_words=False)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        import textwrap

        text = self._whitespace_matcher.sub(" ", text).strip()
        return textwrap.fill(
            text, width, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False,
            break_long_words=False,
        )


class Parser(argparse.ArgumentParser):
    """A parser whose help keeps URLs whole; the subcommands' parsers are of this class too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
