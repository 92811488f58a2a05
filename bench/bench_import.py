"""Cold start: a fresh interpreter importing plivoxml_plus, against lxml + attrs (issue 21, item 2).

Run from the repository root:

    .venv/bin/python bench/bench_import.py

Whole-process wall time of ``python -c CODE`` for each line below, the lines taking
turns for RUNS rounds (so a burst of load from the other processes on the machine
hits them all alike); min / median / max. Then the interpreter's own
``-X importtime`` (cumulative µs of the top-level import, median of the rounds).
Bytecode is compiled first (as an installed package has it), so the figures are a
cold start, not a first-ever import.

Targets: what a webhook handler imports, ``from plivoxml_plus import Response,
Conference`` (the element classes: ``import plivoxml_plus`` alone now loads them on
first use, so it is shown but is not the measure), <= 1.5x ``import lxml.etree,
attrs`` (both whole processes, min and median); ``from plivoxml_plus import
plivoxml`` no slower than ``from plivo import plivoxml``.
"""

from __future__ import annotations

import compileall
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

RUNS = 30
ROOT = Path(__file__).resolve().parent.parent

LINES = {
    "bare interpreter": "pass",
    "lxml + attrs": "import lxml.etree, attrs",
    "plivoxml_plus alone": "import plivoxml_plus",
    "plivoxml_plus": "from plivoxml_plus import Response, Conference",
    "plivoxml_plus drop-in": "from plivoxml_plus import plivoxml",
    "plivo-python": "from plivo import plivoxml",
}


def wall_ms(runs: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in LINES}
    for _ in range(runs):
        for name, code in LINES.items():
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
            times[name].append((time.perf_counter() - started) * 1000)
    return times


def importtime_ms(module: str, code: str, runs: int = 9) -> float:
    cumulative = []
    for _ in range(runs):
        err = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
        ).stderr
        # the top-level import of the module and of any part of it loaded on first use
        total = sum(
            int(m.group(1)) for m in re.finditer(rf"\|\s*(\d+) \| {re.escape(module)}(?:\.\w+)*$", err, re.M)
        )
        cumulative.append(total / 1000)
    return statistics.median(cumulative)


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def main() -> int:
    compileall.compile_dir(str(ROOT / "plivoxml_plus"), quiet=1)
    times = wall_ms(RUNS)
    print(f"## Cold start: whole process, ms (min / median / max of {RUNS} interleaved runs)\n")
    print("| python -c | min | median | max | min / lxml + attrs | median / lxml + attrs |")
    print("|---|---:|---:|---:|---:|---:|")
    base_min, base_median = min(times["lxml + attrs"]), statistics.median(times["lxml + attrs"])
    for name, runs in times.items():
        low, mid = min(runs), statistics.median(runs)
        print(
            f"| `{LINES[name]}` | {low:.1f} | {mid:.1f} | {max(runs):.1f} | {low / base_min:.2f}x | "
            f"{mid / base_median:.2f}x |"
        )
    ours = importtime_ms("plivoxml_plus", LINES["plivoxml_plus"])
    base = importtime_ms("lxml.etree", "import lxml.etree, attrs") + importtime_ms("attrs", "import lxml.etree, attrs")
    print(
        f"\n`-X importtime` (cumulative, median of 9): plivoxml_plus {ours:.1f} ms (lxml and attrs included); "
        f"lxml.etree + attrs {base:.1f} ms: {ours / base:.2f}x."
    )
    ratio = min(times["plivoxml_plus"]) / base_min, statistics.median(times["plivoxml_plus"]) / base_median
    dropin = statistics.median(times["plivoxml_plus drop-in"]) / statistics.median(times["plivo-python"])
    print(
        f"\nTargets: {LINES['plivoxml_plus']} {ratio[0]:.2f}x (min) / {ratio[1]:.2f}x (median) lxml + attrs "
        f"(<= 1.5x: {verdict(max(ratio) <= 1.5)}); the drop-in {dropin:.2f}x plivo-python's plivoxml "
        f"(<= 1.0x: {verdict(dropin <= 1.0)})."
    )
    print(f"\nPython {sys.version.split()[0]}; the machine's other load is shared by every line alike.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
