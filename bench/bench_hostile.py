"""The worst documents we know, at the size limit: validation stays linear.

Run from the repository root:

    .venv/bin/python bench/bench_hostile.py

Each shape is a document of up to 1 MiB (``MAX_BYTES``) built to make a validator
slow: thousands of problems of one kind, problems hidden behind misplaced
elements, text between every child, a 1 MiB number. Each is timed (best of 3) in
UTF-8, UTF-16 and UTF-32 against the floor in the same process: lxml parsing the
same bytes, with no schema. The scaling columns time the UTF-8 document at 1/8
and 1/2 of the limit: a linear validator costs the same per byte at every size
(1.00x); the quadratic one this replaced took 20 minutes on the first shape.
Target (issue 7): every shape under 1 s at 1 MiB.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from lxml import etree

from plivoxml_plus import validate
from plivoxml_plus.schema import MAX_BYTES

SHAPES: dict[str, tuple[str, str, str]] = {
    "text between children": ("<Response>", "<Wait/>x", "</Response>"),
    "text and comments in <Wait>": ("<Response><Wait>", "x<!---->", "</Wait></Response>"),
    "elements inside <Wait>": ("<Response><Wait>", "<a/>", "</Wait></Response>"),
    "misplaced elements": ("<Response>", "<speak>Hi</speak>", "</Response>"),
    "values out of range": ("<Response>", '<Wait length="0"/>', "</Response>"),
    "misspelt attributes": ("<Response>", '<Wait lenght="1" silense="x"/>', "</Response>"),
    "problems after a misplaced element": ("<Response>", '<speak/><Wait length="0" mutd="1"/>', "</Response>"),
    "a 1 MiB number": ('<Response><Conference maxMembers="', "1", '">room</Conference></Response>'),
    "xsi: attributes": (
        '<Response xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
        '<Wait xsi:type="x"/>',
        "</Response>",
    ),
}
CODECS = ("utf-8", "utf-16", "utf-32")


def document(shape: str, codec: str, size: int) -> bytes:
    before, unit, after = SHAPES[shape]
    width = len("<<".encode(codec)) - len("<".encode(codec))
    mark = len("<".encode(codec)) - width
    count = (size - mark - width * (len(before) + len(after))) // (width * len(unit))
    return (before + unit * count + after).encode(codec)


def best(function: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def main() -> int:
    print("## Hostile documents at the size limit (seconds, best of 3)\n")
    columns = " | ".join(f"{codec} validate | {codec} / parse" for codec in CODECS)
    print(f"| shape | {columns} | scaling 1/8 → 1 | 1/2 → 1 |")
    print("|---|" + "---:|---:|" * len(CODECS) + "---:|---:|")
    worst = 0.0
    for shape in SHAPES:
        cells = []
        for codec in CODECS:
            data = document(shape, codec, MAX_BYTES)
            assert len(data) <= MAX_BYTES and not validate(data).ok, (shape, codec)
            seconds = best(lambda data=data: validate(data))  # type: ignore[misc]
            floor = best(lambda data=data: etree.fromstring(data, _PARSER))  # type: ignore[misc]
            worst = max(worst, seconds)
            cells.append(f"{seconds:.3f} | {seconds / floor:.0f}x")
        per_byte = {}
        for fraction in (8, 2, 1):
            data = document(shape, "utf-8", MAX_BYTES // fraction)
            per_byte[fraction] = best(lambda data=data: validate(data)) / len(data)  # type: ignore[misc]
        scaling = f"{per_byte[1] / per_byte[8]:.2f}x | {per_byte[1] / per_byte[2]:.2f}x"
        print(f"| {shape} | " + " | ".join(cells) + f" | {scaling} |")
    verdict = "met" if worst < 1.0 else "MISSED"
    print(f"\nTarget: every shape under 1 s at {MAX_BYTES} bytes: worst {worst:.3f} s ({verdict}).")
    libxml2 = ".".join(map(str, etree.LIBXML_VERSION))
    print(f"\nPython {sys.version.split()[0]}, lxml {etree.__version__} (libxml2 {libxml2}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
