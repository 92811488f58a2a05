"""docs/lint.md: every rule has a section with a wrong and a right example, and
the linter agrees with both (the wrong one breaks that rule and no other; the
right one breaks nothing), so the page cannot drift from the rules."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from plivoxml_plus.linter import LintConfig, lint, rules

PAGE = Path(__file__).resolve().parent.parent / "docs" / "lint.md"
_SECTION = re.compile(r"^### (PXL\d{3}) — ([a-z-]+)$", re.M)
_BLOCK = re.compile(r'^```xml title="([^"]+)"\n(.*?)^```$', re.M | re.S)


def sections() -> dict[str, tuple[str, str]]:
    text = PAGE.read_text(encoding="utf-8")
    found = list(_SECTION.finditer(text))
    return {
        match[1]: (match[2], text[match.end() : found[n + 1].start() if n + 1 < len(found) else len(text)])
        for n, match in enumerate(found)
    }


def examples(body: str, label: str) -> dict[str, str]:
    start = body.find(f"\n{label}:\n")
    assert start >= 0, f"no {label}: example"
    end = body.find("\nRight:\n", start + 1) if label == "Wrong" else len(body)
    return dict(_BLOCK.findall(body[start:end]))


def test_every_rule_has_its_section_and_row() -> None:
    found = sections()
    assert set(found) == {"PXL000", *rules()}
    for rule_id, rule in rules().items():
        assert found[rule_id][0] == rule.name
        assert f"| {rule_id} | {rule.name} | {rule.severity} |" in PAGE.read_text(encoding="utf-8")
        assert rule.help_uri.endswith(f"#{rule_id.lower()}-{rule.name}")


# Rules that need the app itself (lint --app/--scenario): tests/test_lint.py runs them against a real app.
NEEDS_APP = {"PXL012"}


def test_the_rules_that_need_an_app_say_nothing_without_one() -> None:
    _, body = sections()["PXL012"]
    assert "--app" in body and "--scenario" in body
    menu = {"menu.xml": "<Response><Redirect>https://app.example.com/gone</Redirect></Response>"}
    assert lint(menu, config=LintConfig(enable=sorted(NEEDS_APP))).ok


@pytest.mark.parametrize("rule_id", sorted(set(rules()) - NEEDS_APP))
def test_the_wrong_example_breaks_the_rule_and_the_right_one_nothing(rule_id: str) -> None:
    _, body = sections()[rule_id]
    config = LintConfig(enable=[rule_id], production=["*"] if rule_id == "PXL010" else [])
    wrong = lint(examples(body, "Wrong"), config=config)
    assert {finding.rule for finding in wrong.findings} == {rule_id}, str(wrong)
    right = lint(examples(body, "Right"), config=config)
    assert right.ok, str(right)
