"""What the scenario format's declaration (``_format``) is published as: the
JSON Schema ``schemas/scenario.schema.json`` (for editors with TOML and JSON
Schema support: Taplo / Even Better TOML) and the reference page
``docs/scenario-reference.md``. Both are checked in; tests/test_scenario_schema.py
fails when either differs from what this module makes. Regenerate both with::

    python -m plivoxml_plus.core.scenario._format_outputs
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

from ._format import NO_DEFAULT, TOP, Key, Table

__all__ = ["REFERENCE_FILE", "SCHEMA_FILE", "reference_page", "scenario_schema", "schema_text"]

_ROOT = Path(__file__).resolve().parents[3]
SCHEMA_FILE = _ROOT / "schemas" / "scenario.schema.json"
REFERENCE_FILE = _ROOT / "docs" / "scenario-reference.md"


def _table_schema(table: Table) -> dict[str, Any]:
    if table.values is not None:
        return {"type": "object", "description": table.what, "additionalProperties": table.values}
    schema: dict[str, Any] = {
        "type": "object",
        "description": table.what,
        "properties": {key.name: _key_schema(key) for key in table.keys},
        "additionalProperties": False,
    }
    if table.required():
        schema["required"] = list(table.required())
    if table.requires:
        schema["dependencies"] = {key: list(needed) for key, needed in table.requires.items()}
    rules: list[dict[str, Any]] = [
        {"not": {"required": [key, other]}} for key, others in table.excludes.items() for other in others
    ]
    if table.one_of:
        rules.append({"anyOf": [{"required": [key]} for key in table.one_of]})
    if rules:
        schema["allOf"] = rules
    return schema


def _key_schema(key: Key) -> dict[str, Any]:
    if key.table is not None:
        inner = _table_schema(key.table)
        value = {"type": "array", "items": inner} if key.array else inner
    else:
        value = dict(key.json_schema)
    value = {"description": f"{key.description} ({key.value})", **value}
    if key.default is not NO_DEFAULT and _is_json(key.default):
        value["default"] = key.default
    if key.example is not NO_DEFAULT:
        value["examples"] = [key.example]
    return value


def _is_json(value: object) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    return isinstance(value, (str, int, bool, dict, list))


def scenario_schema() -> dict[str, Any]:
    """The JSON Schema of a scenario file (as TOML reads it: a table)."""
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "plivoxml-plus scenario",
        **_table_schema(TOP),
    }


def schema_text() -> str:
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_shown(v)}" for k, v in value.items()) + " }" if value else "{}"
    return repr(value)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def _heading(table: Table) -> str:
    return "Top level" if table.where == "" else f"`{table.where}`"


def _section(table: Table) -> list[str]:
    lines = [f"## {_heading(table)}", "", _cell(table.what[0].upper() + table.what[1:]) + ".", ""]
    if table.values is not None:
        lines += ["Its keys are URLs (quoted); each value is a non-blank string.", ""]
        return lines
    lines += ["| key | value | default | what | example |", "|---|---|---|---|---|"]
    for key in table.keys:
        name = f"`{key.name}`" + (" (required)" if key.required else "")
        if key.table is not None:
            name = f"`{key.name}`" + (f" ([`{key.table.where}`](#{_anchor(key.table)}))")
        default = "" if key.default is NO_DEFAULT else f"`{_cell(_shown(key.default))}`"
        example = "" if key.example is NO_DEFAULT else f"`{key.name} = {_cell(_shown(key.example))}`"
        lines.append(f"| {name} | {_cell(key.value)} | {default} | {_cell(key.description)} | {example} |")
    lines.append("")
    notes = [f"`{key}` needs {_listed(needed)}" for key, needed in table.requires.items()]
    notes += [f"`{key}` excludes {_listed(others)}" for key, others in table.excludes.items()]
    if table.one_of:
        notes.append(f"at least one of {_listed(table.one_of, 'or')} is given")
    if notes:
        lines += ["Together: " + "; ".join(notes) + ".", ""]
    return lines


def _listed(keys: tuple[str, ...], word: str = "and") -> str:
    named = [f"`{key}`" for key in keys]
    return named[0] if len(named) == 1 else f"{', '.join(named[:-1])} {word} {named[-1]}"


def _anchor(table: Table) -> str:
    # (MkDocs' and GitHub's slugs of the heading: lower case, punctuation dropped, spaces as -)
    text = _heading(table).lower()
    return "".join(c if c.isalnum() or c in "_-" else ("-" if c == " " else "") for c in text)


def _walk(table: Table) -> list[Table]:
    found = [table]
    for key in table.keys:
        if key.table is not None and key.table not in found:
            found += [t for t in _walk(key.table) if t not in found]
    return found


def reference_page() -> str:
    """docs/scenario-reference.md: every table and key of the format."""
    lines = [
        "# Scenario file reference",
        "",
        "<!-- Generated from plivoxml_plus/core/scenario/_format.py: do not edit. Regenerate with",
        "     python -m plivoxml_plus.core.scenario._format_outputs -->",
        "",
        "Every table and key a scenario file (`plivoxml-plus simulate FILE.toml`, `load_scenario`) may hold,",
        "from the format's one declaration. An unknown key anywhere is an error at its line, with the",
        "closest known key (`did you mean hangup?`). What the simulation does with them:",
        "[simulation.md](simulation.md#scenario-files-and-the-cli).",
        "",
        "Editors with TOML and JSON Schema support (Taplo, Even Better TOML) complete and check scenario",
        "files with the published schema: `plivoxml-plus schema --kind scenario` prints it",
        "(`--path`: where the file is); put `#:schema PATH` on the first line of a scenario,",
        "or map `*.toml` files to it in `.taplo.toml`. The loader checks more than the schema can say",
        "(a call named twice, a file that does not exist, invalid XML, an input after the hangup).",
        "",
        "Times are seconds, integers or decimals, at least 0 (kept to the millisecond). No key takes a TOML",
        "date or time (Taplo checks one as a string against the schema; the loader refuses it).",
        "",
    ]
    for table in _walk(TOP):
        lines += _section(table)
    return "\n".join(lines).rstrip("\n") + "\n"


def main() -> int:
    if not (_ROOT / "pyproject.toml").is_file():  # (an installed package has no schemas/ or docs/ to write)
        sys.stderr.write(f"{_ROOT} is not a checkout of plivoxml_plus: run this from one\n")
        return 2
    SCHEMA_FILE.write_text(schema_text(), encoding="utf-8")
    REFERENCE_FILE.write_text(reference_page(), encoding="utf-8")
    sys.stdout.write(f"wrote {SCHEMA_FILE} and {REFERENCE_FILE}\n")
    return 0


if __name__ == "__main__":  # pragma: no cover - the regeneration command
    raise SystemExit(main())
