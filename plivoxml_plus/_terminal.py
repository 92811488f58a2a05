"""What reports and messages print: user text made safe for a terminal (one helper
for every report and message), and counts with their nouns (one for plurals).

A name, URL or value from a user's file may hold characters a terminal acts on
instead of showing: ESC sequences (clear the screen, move the cursor, set the
title), CR and backspace (overwrite what was printed), a newline, U+2028 or
U+2029 (start a line that looks like the report's own), bidi controls (reorder
what is shown). Every character Python does not count as printable
(``str.isprintable``: controls, format characters, separators other than the
space, unassigned code points) is written as its escape, as ``repr`` writes it:
``\\x1b``, ``\\r``, ``\\u2028``, ``\\U000e0001``. Everything else is left as is.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["counted", "printable", "python_escape"]

_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def python_escape(char: str) -> str:
    """A character that is not printable, as ``repr`` writes it."""
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def printable(text: str, escape: Callable[[str], str] = python_escape) -> str:
    """``text`` with every character that is not printable written by ``escape``
    (one line, always: a newline is escaped too)."""
    if text.isprintable():  # (the common case, at C speed)
        return text
    return "".join(char if char.isprintable() else escape(char) for char in text)



def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``count`` and ``noun``, in the plural unless it is one: ``1 request``,
    ``2 calls``, ``0 problems`` (``plural`` for a noun not made with an s)."""
    return f"{count} {noun if count == 1 else (plural or noun + 's')}"
