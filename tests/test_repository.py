"""The repository's own files: nothing half-merged is ever committed."""

from __future__ import annotations

import re
import subprocess

from tests.conftest import ROOT

# a line git writes into a file it could not merge (the middle "=======" alone is
# also a Markdown heading underline, so it is not looked for)
CONFLICT_MARKER = re.compile(rb"^(<{7} |>{7} |\|{7} )", re.MULTILINE)


def tracked_files() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True, timeout=60)
    return [name for name in listed.stdout.decode("utf-8").split("\0") if name]


def test_no_tracked_file_holds_a_merge_conflict_marker():
    files = tracked_files()
    assert "README.md" in files and "tests/conftest.py" in files  # (the listing is the real one)
    marked = []
    for name in files:
        path = ROOT / name
        if path.is_file() and CONFLICT_MARKER.search(path.read_bytes()):
            marked.append(name)
    assert marked == []


def test_the_marker_pattern_finds_what_git_writes():
    half_merged = b"text\n<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> branch\n"
    assert len(CONFLICT_MARKER.findall(half_merged)) == 2
    assert not CONFLICT_MARKER.search(b"Title\n=======\n<<< not a marker\n")
