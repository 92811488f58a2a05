"""Lists of records (the report's requests, timeline events: dicts of the same
keys, built by one literal each) as columns, each string written once: how the
page embeds them (a 4,000-call run's 42 MB of requests as JSON are
7 MB so, quicker to write, compress and read). The page's ``unpack`` gives back
the very records; tests/test_report_html.py checks that it does, in Chromium too.

A packed block: ``{"strings": [...], "shapes": [[key index...]...], "records":
{name: {"length": n, "columns": {key: [kind, values]}}}, ...the plain keys}``.
A column's kind: ``raw`` (the values as they are), ``text`` (a string or null:
its index in ``strings``, where null may stand too), ``fields`` (a dict of
strings: two lists, each record's shape's index in ``shapes``, and all the
records' values' indexes, one record's after the other's). Only strings and null are interned (1 and True would be
one key of the index: raw columns hold the numbers and booleans).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import chain
from operator import itemgetter
from typing import Any

__all__ = ["FIELDS", "TEXT", "pack"]

TEXT = "text"
FIELDS = "fields"
_RAW = "raw"


class _Index(dict[Any, int]):
    """Each value's index: the next one for a value not seen before."""

    def __missing__(self, value: Any) -> int:
        self[value] = index = len(self)
        return index


def pack(records: Mapping[str, Sequence[Mapping[str, Any]]], kinds: Mapping[str, str]) -> dict[str, Any]:
    """``records`` (name -> its list) as one block; ``kinds``: a key's kind (TEXT,
    FIELDS) wherever it is a key of a record; every other key's values are raw."""
    strings = _Index()
    index = strings.__getitem__  # (map and a dict's own lookup: no Python code per value)
    shapes = _Index()
    packed: dict[str, Any] = {}
    for name, rows in records.items():
        columns: dict[str, Any] = {}
        for key in rows[0] if rows else ():
            kind = kinds.get(key, _RAW)
            values: list[Any]
            if kind == TEXT:
                values = list(map(index, map(itemgetter(key), rows)))
            elif kind == FIELDS:  # (each record's shape, then all the values in a row)
                dicts = list(map(itemgetter(key), rows))
                values = [
                    list(map(shapes.__getitem__, map(tuple, dicts))),
                    list(map(index, chain.from_iterable(map(dict.values, dicts)))),
                ]
            else:
                values = list(map(itemgetter(key), rows))
            columns[key] = [kind, values]
        packed[name] = {"length": len(rows), "columns": columns}
    keys = [list(map(index, keys)) for keys in shapes]
    return {"strings": list(strings), "shapes": keys, "records": packed}
