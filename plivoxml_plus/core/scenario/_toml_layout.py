"""The layout of a TOML text, found in one pass before it is parsed: how deep its
arrays and inline tables nest, which lines begin inside a value (a multi-line
string, array or inline table), and on which lines the items of each array stand.

The TOML reader returns values without positions, so a scenario's line numbers
come from here; and the reader recurses once per nested array or inline table,
so a file nested deeper than :data:`MAX_DEPTH` is refused here, before it is
read (a ``RecursionError`` otherwise, at about 300 levels).

Invalid TOML is scanned too (the reader then reports it): the scan never fails,
it only finds less.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

__all__ = ["MAX_DEPTH", "Layout", "deepest", "scan"]

# Nesting of arrays and tables, counted from the file's top level: a scenario
# needs 4 (the durations' play table, an [[api]] add); 32 leaves room for any
# hand-written data and stays far from the reader's recursion limit.
MAX_DEPTH = 32

# what the scan stops at: string openers, comments, brackets, "=", line ends
_TOKEN = re.compile(r"\"\"\"|'''|[\"'#\[\]{}=\n]")
_BASIC_REST = re.compile(r"(?:[^\"\\\n]|\\.)*\"?")  # the rest of a "string" (ends at " or the line's end)
_MULTILINE_BASIC_STOP = re.compile(r'\\.|"""', re.DOTALL)  # an escape (skipped) or the closing quotes


@attrs.frozen
class Layout:
    """``too_deep``: the line of the first array or inline table opened deeper than
    MAX_DEPTH (None: none is); ``inside``: the lines that begin inside a value;
    ``items``: for each line where a key's array value opens, the lines of that
    array's inline-table items, in order."""

    too_deep: int | None
    inside: frozenset[int]
    items: Mapping[int, list[int]]


def scan(text: str) -> Layout:
    """The layout of ``text`` (one pass; linear in its length)."""
    line = 1
    depth = 0  # arrays and inline tables open around the current position
    opened: list[tuple[str, int]] = []  # each one open: its bracket, and its items' list (arrays at depth 1)
    items: dict[int, list[int]] = {}
    inside: set[int] = set()
    assigned = False  # a "=" at the top level on this line: a "[" opens an array, not a table header
    too_deep: int | None = None
    position = 0
    while (token := _TOKEN.search(text, position)) is not None:
        found = token.group()
        position = token.end()
        if found == "\n":
            line += 1
            assigned = False
            if depth:
                inside.add(line)
        elif found in ('"""', "'''"):
            position, line = _skip_multiline(text, position, found, line, inside)
        elif found == '"':
            rest = _BASIC_REST.match(text, position)
            position = rest.end() if rest is not None else position
        elif found == "'":
            end = min(_find(text, "'", position) + 1, _find(text, "\n", position))
            position = end
        elif found == "#":
            position = _find(text, "\n", position)
        elif found == "=":
            assigned = assigned or depth == 0
        elif found in "[{":
            if depth == 0 and found == "[" and not assigned:
                continue  # a [table] or [[array of tables]] header
            depth += 1
            if depth > MAX_DEPTH and too_deep is None:
                too_deep = line
            if depth == 2 and found == "{" and opened and opened[0][0] == "[":
                items[opened[0][1]].append(line)
            if depth == 1 and found == "[":
                items.setdefault(line, [])  # (a key's array: one key per line)
            opened.append((found, line))
        elif depth:  # a closing bracket ("]" at the top level closes a header)
            depth -= 1
            opened.pop()
    return Layout(too_deep, frozenset(inside), items)


def _find(text: str, what: str, start: int) -> int:
    found = text.find(what, start)
    return len(text) if found < 0 else found


def _skip_multiline(text: str, start: int, quotes: str, line: int, inside: set[int]) -> tuple[int, int]:
    """The position after the multi-line string opened just before ``start``, and the
    line it ends on; the lines it covers after its first begin inside a value."""
    if quotes == '"""':
        end = len(text)
        position = start
        while (stop := _MULTILINE_BASIC_STOP.search(text, position)) is not None:
            position = stop.end()
            if stop.group() == '"""':
                end = position
                break
    else:
        found = text.find("'''", start)
        end = len(text) if found < 0 else found + 3
    for _ in range(2):  # (up to two quotes of the content may come just before the closing three)
        if end < len(text) and text[end] == quotes[0]:
            end += 1
    lines = text.count("\n", start, end)
    inside.update(range(line + 1, line + lines + 1))
    return end, line + lines


def deepest(data: Mapping[str, Any]) -> tuple[tuple[str | int, ...], int]:
    """The path (keys and array indexes) to the table or array nested deepest in
    ``data``, and its depth (the tables and arrays down to it, itself included, as
    the scan counts brackets), found without recursion; the first path deeper
    than MAX_DEPTH if there is one. Table headers and dotted keys nest tables
    with no bracket the scan would count."""
    worst: tuple[tuple[str | int, ...], int] = ((), 0)
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(data, ())]
    while stack:
        node, path = stack.pop()
        if len(path) > worst[1]:
            worst = (path, len(path))
            if len(path) > MAX_DEPTH:
                break
        children: Iterable[tuple[str | int, Any]] = node.items() if isinstance(node, dict) else enumerate(node)
        stack.extend((child, (*path, key)) for key, child in children if isinstance(child, (dict, list)))
    return worst
