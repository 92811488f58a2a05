"""docs/rules.md defines every rule id the project cites, each exactly once.

A rule id is a letter and a number: C for Conference, M for MultiPartyCall, A for
mixing audio, I for the call-flow elements, P for the platform's side (``C5``, ``M2``,
``A3``, ``I1``, ``P1``), cited in
code, docs, messages and test names (``test_C5_...``). A range such as ``C1–C10`` or ``M1-M8`` cites every id in it.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "docs" / "rules.md"

# Letters, then digits, standing alone: no letter or digit on either side, so
# "0xC4", "PC1", "C4F2" and "M10x" are not ids; an underscore may touch them, as
# in the test name test_C5_overflow. The prefixes are the five rule families.
_EDGE_BEFORE = r"(?<![A-Za-z0-9])"
_EDGE_AFTER = r"(?![A-Za-z0-9])"
ID = re.compile(_EDGE_BEFORE + r"([CMAIP])([1-9][0-9]?)" + _EDGE_AFTER)
RANGE = re.compile(_EDGE_BEFORE + r"([CMAIP])([1-9][0-9]?)\s*[-–]\s*\1([1-9][0-9]?)" + _EDGE_AFTER)
HEADING = re.compile(r"^#{2,4} +([CMAIP][1-9][0-9]?)" + _EDGE_AFTER, re.M)
NOT_YET: set[str] = set()  # rules recorded before the simulator models them
GRADE = re.compile(r"\*\*\[(doc|oss|inf|doc/oss)\]\*\*")


def cited(text: str) -> set[str]:
    """Every rule id ``text`` cites, ranges expanded."""
    ids = {prefix + number for prefix, number in ID.findall(text)}
    for prefix, first, last in RANGE.findall(text):
        ids.update(f"{prefix}{n}" for n in range(int(first), int(last) + 1))
    return ids


def sources() -> list[Path]:
    files = [*sorted((ROOT / "plivoxml_plus").rglob("*.py")), *sorted((ROOT / "docs").glob("*.md"))]
    files.append(ROOT / "README.md")
    for folder in ("examples", "tests"):
        files += sorted(p for p in (ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return files


def defined() -> list[str]:
    return HEADING.findall(RULES.read_text(encoding="utf-8"))


def sections() -> dict[str, str]:
    """Each rule's section of docs/rules.md: from its heading to the next heading."""
    text = RULES.read_text(encoding="utf-8")
    parts = re.split(r"^(?=#{2,4} )", text, flags=re.M)
    return {match.group(1): part for part in parts if (match := HEADING.match(part))}


def test_the_id_pattern_finds_citations_and_nothing_else():
    assert cited("rules C1–C10 of the spec") == {f"C{n}" for n in range(1, 11)}
    assert cited('"(MultiPartyCall rules M1-M8 are not modelled yet)."') == {f"M{n}" for n in range(1, 9)}
    assert cited("def test_C5_overflow_caller_skips_conference():") == {"C5"}
    assert cited("# C2, C10 [inf]: the method") == {"C2", "C10"}
    assert cited("see A3 (mixing)") == {"A3"}
    assert cited("the Application's URLs (P1)") == {"P1"}
    for unrelated in ("0xC4", "PC1", "C4F2", "M10x", "C0", "C100", "uuid 4c1a", "ruff select c4", "B011", "PLR2004"):
        assert cited(unrelated) == set(), unrelated


def test_the_project_cites_rules_at_all():
    # (a guard on the collector: if it found nothing, the next test would pass on nothing)
    everything = set().union(*(cited(p.read_text(encoding="utf-8", errors="replace")) for p in sources()))
    assert {"C1", "C5", "C10", "M1", "M8"} <= everything


def test_every_cited_rule_id_is_defined_in_docs_rules_md():
    known = set(defined())
    missing = {}
    for path in sources():
        unknown = cited(path.read_text(encoding="utf-8", errors="replace")) - known
        if unknown:
            missing[str(path.relative_to(ROOT))] = sorted(unknown)
    assert missing == {}, f"rule ids cited but not defined in docs/rules.md: {missing}"


def test_no_rule_id_is_defined_twice():
    twice = [rule for rule, count in Counter(defined()).items() if count > 1]
    assert twice == []


def test_each_family_is_numbered_from_1_without_gaps():
    numbers: dict[str, list[int]] = {}
    for rule in defined():
        numbers.setdefault(rule[0], []).append(int(rule[1:]))
    assert numbers == {
        "C": list(range(1, 12)),
        "M": list(range(1, 9)),
        "A": list(range(1, 4)),
        "I": list(range(1, 8)),
        "P": [1],
    }


@pytest.mark.parametrize("rule", defined())
def test_each_rule_states_its_grade_and_status(rule):
    section = sections()[rule]
    assert GRADE.search(section), f"{rule}: no grade such as **[doc]**"
    statuses = re.findall(r"\*\*Status:\*\* (implemented|not yet)\.", section)
    assert len(statuses) == 1, f"{rule}: one **Status:** implemented. or not yet. expected"
    # the simulator models Conference, MultiPartyCall, the mixing of their audio and
    # the call flow
    assert statuses[0] == ("not yet" if rule in NOT_YET else "implemented")


def _anchor(heading: str) -> str:
    # GitHub's: lower case, punctuation dropped, each space a hyphen
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_links_inside_rules_md_reach_a_heading():
    text = RULES.read_text(encoding="utf-8")
    anchors = {_anchor(h) for h in re.findall(r"^#{1,4} +(.+)$", text, re.M)}
    links = re.findall(r"\]\(#([^)]+)\)", text)
    assert links, "the summary links each rule to its section"
    assert sorted(set(links) - anchors) == []


def test_the_docs_link_to_rules_md():
    for page in ("index.md", "simulation.md"):
        assert "(rules.md)" in (ROOT / "docs" / page).read_text(encoding="utf-8"), page


def test_the_named_options_exist():
    from plivoxml_plus.core._options import ConferenceOptions

    text = RULES.read_text(encoding="utf-8")
    named = set(re.findall(r"`([a-z]+(?:_[a-z]+)+)`", text))
    options = set(ConferenceOptions.names())
    # every option that chooses a rule is on the page (the two guards are not rules)
    assert options - named == {"max_steps_per_instant", "horizon"}
