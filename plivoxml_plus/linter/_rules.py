"""The rule book: each rule's id, name, severity and one-line summary, and the
function that finds where it is broken. The rules themselves live by theme in
``_flow.py``, ``_rooms.py``, ``_attributes.py`` and ``_urls.py``, gathered by ``_rulebook.py``; docs/lint.md
has a section per rule with a wrong and a right example (tests run both)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, NamedTuple, Protocol

import attrs
from lxml import etree

from ._findings import Severity

if TYPE_CHECKING:
    from ._documents import Document

__all__ = [
    "DOCS_URL",
    "RULES",
    "Hit",
    "LintContext",
    "Routes",
    "Rule",
    "Settings",
    "children",
    "flag",
    "rule",
    "written",
]

DOCS_URL = "https://plivoxml-plus.github.io/plivoxml-plus/lint/"


class Hit(NamedTuple):
    """Where a rule is broken: the document, the element, the attribute (if one is
    to blame) and what to tell the user."""

    document: Document
    node: etree._Element
    attribute: str | None
    message: str


class Settings(Protocol):
    """What the rules read of the configuration (``LintConfig``)."""

    @property
    def production(self) -> tuple[str, ...]: ...
    @property
    def placeholder_hosts(self) -> tuple[str, ...]: ...
    @property
    def url_folders(self) -> Mapping[str, str]: ...


class Routes(Protocol):
    """What an app answers (``lint --app``/``--scenario``): the status of ``method url``."""

    def status(self, method: str, url: str) -> int | None: ...


@attrs.frozen
class LintContext:
    """What every rule sees: the valid documents of the run, by name too, and the configuration."""

    documents: tuple[Document, ...]
    config: Settings
    by_name: Mapping[str, tuple[Document, ...]]
    routes: Routes | None = None  # the app's routes, when one is given


Check = Callable[[LintContext], Iterable[Hit]]


@attrs.frozen
class Rule:
    """One lint rule. ``default`` says whether it runs unless configured otherwise."""

    id: str
    name: str
    severity: Severity
    summary: str
    check: Check
    default: bool = True

    @property
    def help_uri(self) -> str:
        """The rule's section of the docs site."""
        return f"{DOCS_URL}#{self.id.lower()}-{self.name}"


RULES: dict[str, Rule] = {}  # filled as the rule modules are imported (see _rulebook.py)


def rule(
    rule_id: str, name: str, severity: Severity, summary: str, *, default: bool = True
) -> Callable[[Check], Check]:
    """Register the decorated function as the check of rule ``rule_id``."""

    def register(check: Check) -> Check:
        assert rule_id not in RULES, rule_id
        RULES[rule_id] = Rule(rule_id, name, severity, summary, check, default)
        return check

    return register


def flag(node: etree._Element, name: str, default: bool) -> bool:
    """A boolean attribute's value as the platform reads it (``True`` too: an SDK spelling)."""
    value = node.get(name)
    return default if value is None else value.strip().lower() == "true"


def written(node: etree._Element, name: str) -> str | None:
    """An attribute's value with its blanks stripped, None when absent or blank."""
    value = node.get(name)
    return value.strip() or None if value is not None else None


def children(node: etree._Element) -> Iterator[etree._Element]:
    """``node``'s child elements (no comments or processing instructions)."""
    return (child for child in node if isinstance(child.tag, str))
