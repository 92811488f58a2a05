"""The worst documents we know, at the size limit: validation stays linear.

Run from the repository root:

    .venv/bin/python bench/bench_hostile.py

Each shape is a document of up to 1 MiB (``MAX_BYTES``) built to make a validator
slow: thousands of problems of one kind, problems hidden behind misplaced
elements, text between every child, a 1 MiB number, a hundred thousand bad
attributes on one element, misplaced SSML grandchildren, lone Unicode spaces.
Each is timed (best of 3) in UTF-8 at 1 KiB, 64 KiB and 1 MiB, and at 1 MiB in
UTF-16 and UTF-32, against the floor in the same process: lxml parsing the same
bytes, with no schema. The scaling column is the cost per byte at 1 MiB over
that at 64 KiB: a linear validator costs the same per byte at every size
(1.00x), a quadratic one 16x (the one issue 7 replaced took 20 minutes on the
first shape; before issue 17, 1 MiB of bad attributes on one element did not
finish in 2 minutes). Target (issues 7 and 17): every shape under 1 s at 1 MiB,
and linear.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from lxml import etree

from plivoxml_plus import validate
from plivoxml_plus.schema import MAX_BYTES

XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
# shape -> (before, unit, after): the unit repeated; "{i}" in it is the repeat's number
SHAPES: dict[str, tuple[str, str, str]] = {
    "text between children": ("<Response>", "<Wait/>x", "</Response>"),
    "text and comments in `<Wait>`": ("<Response><Wait>", "x<!---->", "</Wait></Response>"),
    "elements inside `<Wait>`": ("<Response><Wait>", "<a/>", "</Wait></Response>"),
    "misplaced elements": ("<Response>", "<speak>Hi</speak>", "</Response>"),
    "values out of range": ("<Response>", '<Wait length="0"/>', "</Response>"),
    "misspelt attributes": ("<Response>", '<Wait lenght="1" silense="x"/>', "</Response>"),
    "problems after a misplaced element": ("<Response>", '<speak/><Wait length="0" mutd="1"/>', "</Response>"),
    "a 1 MiB number": ('<Response><Conference maxMembers="', "1", '">room</Conference></Response>'),
    "xsi: attributes": (f"<Response {XSI}>", '<Wait xsi:type="x"/>', "</Response>"),
    "bad attributes on one element": ("<Response><Dial", ' x{i}="1"', "/></Response>"),
    "`xsi:` attributes on one element": (f"<Response {XSI}><Wait", ' xsi:x{i}="1"', "/></Response>"),
    "`<p>` in `<w>` in `<Speak>`": ("<Response><Speak>", "<w><p>a</p></w>", "</Speak></Response>"),
    "`<p>` in `<s>` in `<Speak>`": ("<Response><Speak>", "<s><p>a</p></s>", "</Speak></Response>"),
    "`<p>` in `<p>` in `<Speak>`": ("<Response><Speak>", "<p><p>a</p></p>", "</Speak></Response>"),
    "`<Number>` in `<Number>` in `<Dial>`": (
        "<Response><Dial>",
        "<Number><Number>1</Number></Number>",
        "</Dial></Response>",
    ),
    "bad values in `<Speak>`'s children": ("<Response><Speak>", '<w role="">a</w>', "</Speak></Response>"),
    "lone Unicode spaces between children": ("<Response>", "<Wait/>\u00a0", "</Response>"),
    "lone Unicode spaces in `<Dial>`": ("<Response><Dial>", "<Number>1</Number>\u3000", "</Dial></Response>"),
}
CODECS = ("utf-8", "utf-16", "utf-32")
SIZES = {"1 KiB": 1 << 10, "64 KiB": 64 << 10, "1 MiB": MAX_BYTES}


def document(shape: str, codec: str, size: int) -> bytes:
    """``shape`` in at most ``size`` bytes of ``codec``, its unit repeated as often as fits."""
    before, unit, after = SHAPES[shape]
    mark = len("".encode(codec))  # (a byte-order mark, once)

    def cost(text: str) -> int:
        return len(text.encode(codec)) - mark

    room = size - mark - cost(before + after)
    if "{i}" not in unit:
        return (before + unit * (room // cost(unit)) + after).encode(codec)
    parts, i = [before], 0
    while (piece := cost(unit.format(i=i))) <= room:
        parts.append(unit.format(i=i))
        room -= piece
        i += 1
    return ("".join(parts) + after).encode(codec)


def best(function: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def main() -> int:
    print("## Hostile documents (seconds, best of 3)\n")
    print("| shape | UTF-8 1 KiB | 64 KiB | 1 MiB | / parse | UTF-16 1 MiB | UTF-32 1 MiB | scaling 64 KiB → 1 MiB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    worst = worst_scaling = 0.0
    for shape in SHAPES:
        seconds, per_byte = {}, {}
        for name, size in SIZES.items():
            data = document(shape, "utf-8", size)
            assert len(data) <= size and not validate(data).ok, (shape, name)
            seconds[name] = best(lambda data=data: validate(data))  # type: ignore[misc]
            per_byte[name] = seconds[name] / len(data)
        data = document(shape, "utf-8", MAX_BYTES)
        floor = best(lambda data=data: etree.fromstring(data, _PARSER))  # type: ignore[misc]
        cells = [f"{seconds[name]:.4f}" for name in SIZES] + [f"{seconds['1 MiB'] / floor:.0f}x"]
        worst = max(worst, seconds["1 MiB"])
        for codec in CODECS[1:]:
            data = document(shape, codec, MAX_BYTES)
            assert len(data) <= MAX_BYTES and not validate(data).ok, (shape, codec)
            wide = best(lambda data=data: validate(data))  # type: ignore[misc]
            worst = max(worst, wide)
            cells.append(f"{wide:.3f}")
        scaling = per_byte["1 MiB"] / per_byte["64 KiB"]
        worst_scaling = max(worst_scaling, scaling)
        print(f"| {shape} | " + " | ".join(cells) + f" | {scaling:.2f}x |")
    verdict = "met" if worst < 1.0 else "MISSED"
    print(f"\nTarget: every shape under 1 s at {MAX_BYTES} bytes: worst {worst:.3f} s ({verdict});")
    print(f"worst scaling {worst_scaling:.2f}x per byte from 64 KiB to 1 MiB (1.00x linear, 16x quadratic).")
    libxml2 = ".".join(map(str, etree.LIBXML_VERSION))
    print(f"\nPython {sys.version.split()[0]}, lxml {etree.__version__} (libxml2 {libxml2}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
