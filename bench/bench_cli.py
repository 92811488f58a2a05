"""The command line: ``plivoxml-plus validate`` as whole processes (issue 21, item 3).

Run from the repository root:

    .venv/bin/python bench/bench_cli.py

Like hyperfine: each command is run RUNS times, the commands taking turns (a burst
of load from the machine's other processes hits them all alike); min / median / max
of the wall time. The CLI is started as its console script starts it
(``from plivoxml_plus.cli import main; sys.exit(main())``).

* one file: ``plivoxml-plus validate FILE`` against ``python -c 'import lxml.etree'``
  (target <= 1.3x), beside the floor any lxml-based validator stands on: Python,
  lxml, compiling the XSD, parsing and validating the file (not judged);
* 1,000 files (distinct documents, the three of bench_build's regimes, in one folder):
  ``plivoxml-plus validate FOLDER`` against a bare Python + lxml script validating the
  same files with the same XSD (target <= 1.5x);
* ``--jobs 2`` on this 2-core machine: ``plivoxml-plus validate --jobs 2 FOLDER``
  against ``plivoxml-plus validate FOLDER`` on the same 1,000 files, and on 10,000
  (target <= 1x: the option must not cost time). Start-up is most of a run of 1,000
  files and stays in one process; only checking (20-30 µs a file) is shared, and a
  process is started per 1,000 files at most (``schema/_jobs.py``, MIN_SHARE: the
  measured break-even), so on 1,000 files ``--jobs 2`` checks them in one process.
"""

from __future__ import annotations

import compileall
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _regimes import conference_values, ivr_values, mpc_values, ours_conference, ours_ivr, ours_mpc, verdict

from plivoxml_plus import schema_path

RUNS = 15
FILES = 1000
LARGE = 10_000  # (--jobs: a large folder, where checking outweighs start-up)
ROOT = Path(__file__).resolve().parent.parent
CLI = "import sys; from plivoxml_plus.cli import main; sys.exit(main())"
BARE = """
import sys
from pathlib import Path
from lxml import etree
schema = etree.XMLSchema(etree.parse(sys.argv[1]))
invalid = 0
for path in sorted(Path(sys.argv[2]).glob("*.xml")):
    invalid += not schema.validate(etree.parse(str(path)))
print(f"{invalid} invalid")
sys.exit(1 if invalid else 0)
"""
# the floor of a one-file run: what no lxml-based validator can skip
FLOOR = "import sys; from lxml import etree; etree.XMLSchema(file=sys.argv[1]).validate(etree.parse(sys.argv[2]))"


def write_documents(folder: Path, files: int = FILES) -> Path:
    """``files`` distinct documents in ``folder``; the first document's path."""
    builds = ((conference_values, ours_conference), (mpc_values, ours_mpc), (ivr_values, ours_ivr))
    for i in range(files):
        values, build = builds[i % 3]
        path = folder / f"answer-{i:05d}.xml"
        path.write_text(build(values("distinct", i)), encoding="utf-8")
    return folder / "answer-00000.xml"


def hyperfine(commands: dict[str, list[list[str]]]) -> dict[str, list[float]]:
    """Wall time of each entry: its commands run concurrently (one command: as is)."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(RUNS):
        for name, concurrent in commands.items():
            started = time.perf_counter()
            running = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL) for command in concurrent]
            codes = [process.wait() for process in running]
            times[name].append((time.perf_counter() - started) * 1000)
            assert codes == [0] * len(running), (name, codes)
    return times


def table(
    title: str, times: dict[str, list[float]], anchor: str, target: float, unjudged: tuple[str, ...] = ()
) -> bool:
    print(f"\n## {title} (ms, min / median / max of {RUNS} interleaved runs)\n")
    print("| command | min | median | max | / anchor (min) | / anchor (median) |")
    print("|---|---:|---:|---:|---:|---:|")
    base_min, base_median = min(times[anchor]), statistics.median(times[anchor])
    for name, runs in times.items():
        low, mid = min(runs), statistics.median(runs)
        cells = f"{low:.1f} | {mid:.1f} | {max(runs):.1f} | {low / base_min:.2f}x | {mid / base_median:.2f}x"
        print(f"| {name} | {cells} |")
    ours = [name for name in times if name != anchor and name not in unjudged]
    worst = max(statistics.median(times[name]) / base_median for name in ours)
    print(f"\nTarget: <= {target}x {anchor} (median): {verdict(worst <= target)} ({worst:.2f}x).")
    return worst <= target


def main() -> int:
    compileall.compile_dir(str(ROOT / "plivoxml_plus"), quiet=1)  # bytecode, as an installed package has it
    python = sys.executable
    xsd = str(schema_path("answer"))
    with tempfile.TemporaryDirectory() as tmp:
        folder, large = Path(tmp) / "all", Path(tmp) / "large"
        folder.mkdir()
        large.mkdir()
        one = write_documents(folder)
        write_documents(large, LARGE)
        validate = [python, "-c", CLI, "validate"]
        table(
            "`plivoxml-plus validate` on one file",
            hyperfine(
                {
                    "python -c 'import lxml.etree'": [[python, "-c", "import lxml.etree"]],
                    "floor: Python + lxml + XSD + one file": [[python, "-c", FLOOR, xsd, str(one)]],
                    "plivoxml-plus validate FILE": [[*validate, str(one)]],
                }
            ),
            "python -c 'import lxml.etree'",
            1.3,
            unjudged=("floor: Python + lxml + XSD + one file",),
        )
        table(
            f"`plivoxml-plus validate` on {FILES:,} files",
            hyperfine(
                {
                    "bare Python + lxml script": [[python, "-c", BARE, xsd, str(folder)]],
                    "plivoxml-plus validate FOLDER": [[*validate, str(folder)]],
                }
            ),
            "bare Python + lxml script",
            1.5,
        )
        for files, where in ((FILES, folder), (LARGE, large)):
            table(
                f"`plivoxml-plus validate --jobs 2` on {files:,} files",
                hyperfine(
                    {
                        "plivoxml-plus validate FOLDER": [[*validate, str(where)]],
                        "plivoxml-plus validate --jobs 2 FOLDER": [[*validate, "--jobs", "2", str(where)]],
                    }
                ),
                "plivoxml-plus validate FOLDER",
                1.0,
            )
    print(f"\nPython {sys.version.split()[0]}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
