"""Rules across the documents given together: rooms that can never start or
never end, and MultiPartyCall settings the documents disagree on."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from lxml import etree

from ..elements import ELEMENT_CLASSES
from ._documents import Document
from ._rules import Hit, LintContext, flag, rule, written

Joins = dict[str, list[tuple[Document, etree._Element]]]


def _joins(context: LintContext, tag: str) -> Joins:
    """Every join of a room of kind ``tag`` in the run, by room name, in document order."""
    rooms: Joins = defaultdict(list)
    for document in context.documents:
        for node in document.elements(tag):
            name = (node.text or "").strip()
            if name:
                rooms[name].append((document, node))
    return rooms


def _elsewhere(joins: list[tuple[Document, etree._Element]]) -> str:
    files = sorted({document.path for document, _ in joins})
    return "this document" if len(files) == 1 else f"the {len(files)} documents that join it"


@rule(
    "PXL003",
    "room-never-starts",
    "error",
    "no document given joins a Conference or MultiPartyCall in a way that starts it",
)
def room_never_starts(context: LintContext) -> Iterator[Hit]:
    for name, joins in _joins(context, "Conference").items():
        if not any(flag(node, "startConferenceOnEnter", True) for _, node in joins):
            document, node = joins[0]
            yield Hit(
                document,
                node,
                "startConferenceOnEnter",
                f"conference {name!r} never starts: every join in {_elsewhere(joins)} has "
                'startConferenceOnEnter="false", so its members wait forever (rule C2); '
                'give the moderator\'s document startConferenceOnEnter="true"',
            )
    for name, joins in _joins(context, "MultiPartyCall").items():
        document, node = joins[0]
        if not any(flag(node, "startMpcOnEnter", True) for _, node in joins):
            yield Hit(
                document,
                node,
                "startMpcOnEnter",
                f"MultiPartyCall {name!r} never starts: every join in {_elsewhere(joins)} has "
                'startMpcOnEnter="false" (rule M1)',
            )
        elif flag(node, "waitForAgent", False) and not any(
            (written(other, "role") or "").lower() == "agent" for _, other in joins
        ):
            yield Hit(
                document,
                node,
                "waitForAgent",
                f'MultiPartyCall {name!r} never starts: it has waitForAgent="true" and no document given '
                'joins it with role="Agent" (rule M1)',
            )


@rule(
    "PXL004",
    "room-never-ends",
    "note",
    "nothing ends a Conference but its members leaving: no endConferenceOnExit, no timeLimit",
    default=False,
)
def room_never_ends(context: LintContext) -> Iterator[Hit]:
    for name, joins in _joins(context, "Conference").items():
        if not any(flag(node, "endConferenceOnExit", False) or node.get("timeLimit") is not None for _, node in joins):
            document, node = joins[0]
            yield Hit(
                document,
                node,
                None,
                f"conference {name!r} ends only when its last member leaves: no join in {_elsewhere(joins)} "
                'has endConferenceOnExit="true" or a timeLimit (rules C3, C7)',
            )


def _mpc_level_attributes() -> tuple[str, ...]:
    specs = ELEMENT_CLASSES["MultiPartyCall"].specs.values()
    return tuple(spec.xml for spec in specs if spec.level == "mpc" and spec.xml is not None)


def _normal(value: str) -> str:
    value = value.strip()
    return value.lower() if value.lower() in ("true", "false") else value


@rule(
    "PXL008",
    "mpc-settings-disagree",
    "warning",
    "documents joining the same MultiPartyCall write different values for an MPC-level attribute",
)
def mpc_settings_disagree(context: LintContext) -> Iterator[Hit]:
    names = _mpc_level_attributes()
    for room, joins in _joins(context, "MultiPartyCall").items():
        first: dict[str, tuple[str, Document, etree._Element]] = {}
        for document, node in joins:
            for attribute in names:
                value = node.get(attribute)
                if value is None:
                    continue
                seen = first.setdefault(attribute, (_normal(value), document, node))
                if seen[0] != _normal(value):
                    line = seen[1].position(seen[2], attribute)[0]
                    there = seen[1].path + (f":{line}" if line is not None else "")
                    yield Hit(
                        document,
                        node,
                        attribute,
                        f'MultiPartyCall {room!r}: {attribute}="{value.strip()}" here but "{seen[0]}" at {there}; '
                        "an MPC-level attribute is the first participant's, later values change nothing (rule M1)",
                    )
