"""The scenario format is one declaration (plivoxml_plus/core/scenario/_format.py):
the loader's key checks, the published JSON Schema (schemas/scenario.schema.json,
``plivoxml-plus schema --kind scenario``) and docs/scenario-reference.md come
from it (issue 23, item 2), and an unknown key anywhere gets the closest known
one (issue 19, item 6: "did you mean hangup?").

The schema and the loader agree: the same verdict on every shipped scenario and
on a corpus of bad files made from them (wrong types, unknown keys, values out
of range, required keys missing, keys that need or exclude others), the
loader's ``FILE:LINE`` message naming the key.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plivoxml_plus import ScenarioError
from plivoxml_plus.core.scenario._format import FORMAT, NO_DEFAULT, Key, Table, closest
from plivoxml_plus.core.scenario._format_outputs import reference_page, schema_text
from plivoxml_plus.core.scenario._scenario import load_scenario
from tests.test_scenario_hardening import _load_seconds  # (the best of five loads)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = ROOT / "schemas" / "scenario.schema.json"
EXAMPLES = ROOT / "examples"
SHIPPED = sorted(path for path in EXAMPLES.rglob("*.toml") if "call" in tomllib.loads(path.read_text("utf-8")))
SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft7Validator(SCHEMA)
REGENERATE = "python -m plivoxml_plus.core.scenario._format_outputs"


# -- published from the declaration ------------------------------------------------------


def test_the_published_schema_is_what_the_declaration_generates():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), f"regenerate it: {REGENERATE}"


def test_the_reference_page_is_what_the_declaration_generates():
    page = ROOT / "docs" / "scenario-reference.md"
    assert page.read_text(encoding="utf-8") == reference_page(), f"regenerate it: {REGENERATE}"


def test_the_reference_page_names_every_table_and_key():
    page = reference_page()
    for where, table in FORMAT.items():
        heading = "## Top level" if where == "" else f"## `{where}`"
        assert heading in page
        section = page.split(heading, 1)[1].split("\n## ", 1)[0]
        for key in table.keys:
            assert f"| `{key.name}`" in section, (where, key.name)


# keywords that mean the same in draft 4 (what Taplo implements) and draft 7
DRAFT_4_AND_7 = {
    "$schema",
    "title",
    "description",
    "default",
    "examples",  # (an annotation: draft 4 ignores it)
    "type",
    "properties",
    "additionalProperties",
    "required",
    "dependencies",
    "items",
    "minItems",
    "enum",
    "minimum",
    "maximum",
    "pattern",
    "maxLength",
    "not",
    "anyOf",
    "allOf",
}


def _keywords(schema: Any) -> Iterator[str]:
    if isinstance(schema, dict):
        for keyword, value in schema.items():
            yield keyword
            if keyword in ("properties", "dependencies"):
                for inner in value.values():
                    yield from _keywords(inner) if isinstance(inner, dict) else ()
            elif keyword in ("items", "additionalProperties", "not"):
                yield from _keywords(value)
            elif keyword in ("anyOf", "allOf"):
                for inner in value:
                    yield from _keywords(inner)


def test_the_schema_is_a_draft_7_schema_taplos_draft_4_reads_alike():
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    jsonschema.Draft4Validator.check_schema({**SCHEMA, "$schema": "http://json-schema.org/draft-04/schema#"})
    assert set(_keywords(SCHEMA)) <= DRAFT_4_AND_7


def _run_cli(*argv: str) -> subprocess.CompletedProcess[str]:
    # (what the command loaded is printed after it ran: it must not load the simulator)
    probe = (
        "import sys, runpy\n"
        f"sys.argv = ['plivoxml-plus', *{list(argv)!r}]\n"
        "try:\n"
        "    runpy.run_module('plivoxml_plus', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('LOADED', sorted(m for m in sys.modules if m.startswith('plivoxml_plus.core') or m == 'asyncio'))\n"
    )
    return subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False, timeout=60)


def test_schema_kind_scenario_prints_the_published_schema_without_the_simulator():
    result = _run_cli("schema", "--kind", "scenario")
    text, _, loaded = result.stdout.rpartition("LOADED ")
    assert json.loads(text) == SCHEMA, result.stderr
    assert loaded.strip() == "[]"
    result = _run_cli("schema", "--kind", "scenario", "--path")
    path, _, loaded = result.stdout.rpartition("LOADED ")
    assert Path(path.strip()).read_text(encoding="utf-8") == SCHEMA_FILE.read_text(encoding="utf-8")
    assert loaded.strip() == "[]"


def test_the_wheel_carries_the_scenario_schema():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    included = project["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert included["schemas/scenario.schema.json"] == "plivoxml_plus/_schemas/scenario.schema.json"


# -- "did you mean": an unknown key anywhere gets the closest known one ---------------------

CALL = "[[call]]\nname = \"a\"\nanswer = \"<Response><Wait length='1'/></Response>\"\n"
TYPOS = [
    ("untill = 5\n" + CALL, 1, "unknown key 'untill' in the scenario; did you mean until?"),
    (CALL + "hangpu = 5\n", 4, "unknown key 'hangpu' in [[call]]; did you mean hangup?"),
    (CALL + "Hangup = 5\n", 4, "unknown key 'Hangup' in [[call]]; did you mean hangup?"),
    (CALL + "digits = [{ at = 1, pres = '1' }]\n", 4, "unknown key 'pres' in call 'a' digits; did you mean press?"),
    (CALL + "[[probe]]\nta = 1\n", 5, "unknown key 'ta' in [[probe]]; did you mean at?"),
    (CALL + "[options]\ndial_timout = 5\n", 5, "unknown key 'dial_timout' in [options]; did you mean dial_timeout?"),
    (CALL + "[mpc_options]\nbilled_rat = '1'\n", 5, "in [mpc_options]; did you mean billed_rate?"),
    (CALL + "[durations]\nbeep_second = 1\n", 5, "in [durations]; did you mean beep_seconds?"),
    (CALL + "[[rest]]\nat = 1\nmetod = 'GET'\n", 6, "unknown key 'metod' in [[rest]] #1; did you mean method?"),
    (CALL + "[[api]]\nat = 1\ncall = 'a'\nhodl = true\n", 7, "unknown key 'hodl' in [[api]] #1; did you mean hold?"),
    (
        CALL + "[[api]]\nat = 1\nmpc = 'm'\nadd = { name = 'b', rol = 'Agent' }\n",
        7,
        "unknown key 'rol' in [[api]] #1: add; did you mean role?",
    ),
    (CALL + "[[talk]]\ncall = 'a'\nfom = 1\nto = 2\n", 6, "unknown key 'fom' in [[talk]]; did you mean from?"),
]


@pytest.mark.parametrize(("text", "line", "message"), TYPOS)
def test_a_mistyped_key_gets_the_closest_known_key(tmp_path: Path, text: str, line: int, message: str):
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert str(caught.value).startswith(f"{path}:{line}: "), str(caught.value)
    assert message in str(caught.value)


def test_a_key_like_no_known_one_gets_the_list_only():
    assert closest("colour", FORMAT["[[call]]"].names()) is None


def _keys() -> list[tuple[str, str]]:
    return [(where, key.name) for where, table in FORMAT.items() for key in table.keys]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(_keys()), st.data())
def test_a_key_written_in_another_case_or_with_two_letters_swapped_is_suggested(found, data):
    where, name = found
    known = FORMAT[where].names()
    assert closest(name.upper(), known) == name
    if len(name) >= 5:
        # two neighbouring letters swapped (the commonest typo) keeps the key closest
        at = data.draw(st.integers(0, len(name) - 2))
        typo = name[:at] + name[at + 1] + name[at] + name[at + 2 :]
        if typo not in known:
            assert closest(typo, known) == name, (where, typo)


# -- the schema and the loader agree ----------------------------------------------------------


def _loader_verdict(path: Path) -> ScenarioError | None:
    try:
        load_scenario(path)
    except ScenarioError as error:
        return error
    return None


def _schema_verdict(data: dict[str, Any]) -> list[jsonschema.ValidationError]:
    return list(VALIDATOR.iter_errors(data))


@pytest.mark.parametrize("path", SHIPPED, ids=[str(p.relative_to(EXAMPLES)) for p in SHIPPED])
def test_every_shipped_scenario_passes_the_schema_and_the_loader(path: Path):
    assert _schema_verdict(tomllib.loads(path.read_text(encoding="utf-8"))) == []
    assert _loader_verdict(path) is None


def _docs_scenarios() -> list[tuple[str, str]]:
    """The TOML blocks of the docs that are scenarios (not a pyproject.toml snippet)."""
    found = []
    for page in sorted((ROOT / "docs").glob("*.md")):
        for index, block in enumerate(re.findall(r"```toml\n(.*?)```", page.read_text(encoding="utf-8"), re.S)):
            if not {"tool", "project"} & set(tomllib.loads(block)):
                found.append((f"{page.name} #{index + 1}", block))
    return found


@pytest.mark.parametrize(("name", "block"), _docs_scenarios(), ids=[name for name, _ in _docs_scenarios()])
def test_every_scenario_the_docs_show_passes_the_schema(name: str, block: str):
    # (their files, apps and calls are the reader's: the loader cannot run them here)
    assert [error.message for error in _schema_verdict(tomllib.loads(block))] == []


# A mutation: (the path to the table changed, its declaration, the kind, the key, the new value or None: removed)
Where = tuple[str | int, ...]


def _instances(data: dict[str, Any], table: Table, where: Where = ()) -> Iterator[tuple[Where, Table, dict[str, Any]]]:
    """Every table of ``data`` the declaration has (closed or keyed by URLs), with its path."""
    yield where, table, data
    for key in table.keys:
        if key.table is None or key.name not in data:
            continue
        value = data[key.name]
        if key.array and isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, dict):
                    yield from _instances(item, key.table, (*where, key.name, index))
        elif not key.array and isinstance(value, dict):
            yield from _instances(value, key.table, (*where, key.name))


def _valid(schema: dict[str, Any], value: object) -> bool:
    return bool(jsonschema.Draft7Validator(schema).is_valid(value))


def _json_types(key: Key) -> set[str]:
    if key.table is not None:
        return {"array"} if key.array else {"object"}
    declared = key.json_schema.get("type")
    if declared is None:
        return set()
    return {declared} if isinstance(declared, str) else set(declared)


WRONG = {"string": "text", "number": 1.5, "integer": 1.5, "boolean": True, "array": [1], "object": {"x": 1}}


def _wrong_type(key: Key) -> object:
    types = _json_types(key)
    for kind, value in WRONG.items():
        if kind not in types and not (kind == "integer" and "number" in types):
            return value
    raise AssertionError(key)


def _out_of_range(key: Key) -> object | None:
    schema = key.json_schema
    if "enum" in schema:
        if schema.get("type") == "boolean":
            return not bool(schema["enum"][0])
        return 12345 if schema.get("type") == "integer" else "not-a-choice"
    if "minimum" in schema:
        below: object = schema["minimum"] - 1
        return below
    if "maximum" in schema:
        above: object = schema["maximum"] + 1
        return above
    if schema.get("type") == "string" and "pattern" in schema:
        return next(bad for bad in (" ", "/ ", "x y") if not _valid(schema, bad))
    return None


def _sample(key: Key) -> object:
    """A value the key's schema admits."""
    schema = key.json_schema
    candidates = [key.example, key.default, *schema.get("enum", [])[:1], 1, True, "https://example.com/a", "x"]
    return next(value for value in candidates if value is not NO_DEFAULT and _valid(schema, value))


def _mutations(data: dict[str, Any]) -> list[tuple[Where, str, str, object]]:
    found: list[tuple[Where, str, str, object]] = []
    for where, table, instance in _instances(data, FORMAT[""]):
        if table.values is not None:  # [urls], [audio]: any URL, a non-blank string each
            found += [(where, "wrong type", url, 5) for url in instance]
            continue
        for name in instance:
            key = table.key(name)
            if _json_types(key):
                found.append((where, "wrong type", name, _wrong_type(key)))
            bad = _out_of_range(key) if key.table is None else None
            if bad is not None:
                found.append((where, "out of range", name, bad))
            found.append((where, "unknown key", name + "x", 1))
        found += [(where, "missing", name, None) for name in table.required()]
        for name, needed in table.requires.items():
            if name not in instance and not any(other in instance for other in needed):
                found.append((where, "needs another key", name, _sample(table.key(name))))
        for name, others in table.excludes.items():
            for other in others:
                if (name in instance) != (other in instance):
                    added = other if name in instance else name
                    found.append((where, "excludes another key", added, _sample(table.key(added))))
    return found


def _mutated(data: dict[str, Any], mutation: tuple[Where, str, str, object]) -> dict[str, Any]:
    where, _, name, value = mutation
    data = copy.deepcopy(data)
    table: Any = data
    for part in where:
        table = table[part]
    if value is None:
        del table[name]
    else:
        table[name] = value
    return data


# -- writing a scenario back as TOML (a header per table: each first-level key on its own line)

_BARE = re.compile(r"[A-Za-z0-9_-]+")


def _name(key: str) -> str:
    return key if _BARE.fullmatch(key) else json.dumps(key, ensure_ascii=False)


def _inline(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_inline(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_name(k)} = {_inline(v)}" for k, v in value.items()) + " }"
    raise TypeError(value)


def _toml(data: dict[str, Any]) -> tuple[str, dict[Where, int]]:
    """The TOML text of ``data`` and the line of each first-level key and table
    (``(key,)``, ``(table, key)``, ``(table, index)``, ``(table, index, key)``)."""
    lines: list[str] = []
    where: dict[Where, int] = {}
    tables = {k: v for k, v in data.items() if isinstance(v, dict)}
    arrays = {k: v for k, v in data.items() if isinstance(v, list) and v and all(isinstance(i, dict) for i in v)}
    for key, value in data.items():
        if key not in tables and key not in arrays:
            lines.append(f"{_name(key)} = {_inline(value)}")
            where[(key,)] = len(lines)
    for key, table in tables.items():
        lines.append(f"[{_name(key)}]")
        where[(key,)] = len(lines)
        for inner, value in table.items():
            lines.append(f"{_name(inner)} = {_inline(value)}")
            where[(key, inner)] = len(lines)
    for key, items in arrays.items():
        for index, item in enumerate(items):
            lines.append(f"[[{_name(key)}]]")
            where[(key, index)] = len(lines)
            for inner, value in item.items():
                lines.append(f"{_name(inner)} = {_inline(value)}")
                where[(key, index, inner)] = len(lines)
    return "\n".join(lines) + "\n", where


def _expected_lines(where: dict[Where, int], mutation: tuple[Where, str, str, object]) -> set[int]:
    """The lines the loader may name for ``mutation``: the key's own line, else the
    lines of the table it is in (a missing key, or a pair of keys)."""
    path, kind, name, _ = mutation
    own = (*path, name)
    if kind in ("wrong type", "out of range", "unknown key") and own in where:
        return {where[own]}
    for length in range(len(path), -1, -1):  # the nearest table the writer gave lines to
        prefix = path[:length]
        inside = {line for at, line in where.items() if at[:length] == prefix}
        if inside:
            return inside
    raise AssertionError(mutation)


@pytest.fixture(scope="module")
def examples_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # (the mutated files are written beside the originals' documents and apps, which they name)
    copied = tmp_path_factory.mktemp("examples") / "examples"
    shutil.copytree(EXAMPLES, copied, ignore=shutil.ignore_patterns("__pycache__"))
    return copied


BASES = [(path, tomllib.loads(path.read_text(encoding="utf-8"))) for path in SHIPPED]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_the_schema_and_the_loader_refuse_the_same_bad_files(examples_copy: Path, data: st.DataObject):
    source, base = data.draw(st.sampled_from(BASES), label="scenario")
    mutation = data.draw(st.sampled_from(_mutations(base)), label="mutation")
    changed = _mutated(base, mutation)
    text, where = _toml(changed)
    assert tomllib.loads(text) == changed  # (written back faithfully)
    path = examples_copy / source.relative_to(EXAMPLES).parent / "mutated.toml"
    path.write_text(text, encoding="utf-8")
    assert _schema_verdict(changed) != [], f"the schema admits {mutation}"
    error = _loader_verdict(path)
    assert error is not None, f"the loader admits {mutation}"
    # the loader's message is the better one: it says where, FILE:LINE
    assert error.line in _expected_lines(where, mutation), (mutation, str(error))
    assert str(error).startswith(f"{path}:{error.line}: ")
    kind, name = mutation[1], mutation[2]
    if kind == "unknown key":
        assert f"did you mean {name[:-1]}?" in str(error)


# -- Taplo (Even Better TOML's engine) reads the schema as jsonschema does -------------------

TAPLO = os.environ.get("TAPLO") or shutil.which("taplo")  # (npm's @taplo/cli; not a Python package)


@pytest.mark.skipif(TAPLO is None, reason="taplo is not installed (npm install @taplo/cli; or set TAPLO=PATH)")
def test_taplo_gives_the_schemas_verdict_on_the_shipped_scenarios_and_bad_ones(tmp_path: Path):
    assert TAPLO is not None
    expected: dict[str, bool] = {}  # file: whether it is valid
    for number, (_, base) in enumerate(BASES):
        written = tmp_path / f"shipped-{number}.toml"
        written.write_text(_toml(base)[0], encoding="utf-8")
        expected[str(written)] = True
        for index, mutation in enumerate(_mutations(base)[number % 7 :: 7]):  # (a seventh of them: Taplo is slow)
            written = tmp_path / f"bad-{number}-{index}.toml"
            written.write_text(_toml(_mutated(base, mutation))[0], encoding="utf-8")
            expected[str(written)] = False
    result = subprocess.run(
        [TAPLO, "check", "--schema", SCHEMA_FILE.as_uri(), *expected],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    refused = set(re.findall(r'invalid file error=schema validation failed path="([^"]+)"', result.stderr))
    assert refused == {path for path, valid in expected.items() if not valid}, result.stderr[-2000:]


def test_a_long_unknown_key_is_refused_in_linear_time(tmp_path: Path):
    # looking for the closest key must not cost the square of the key's length
    # (each swap of two letters of a 16,000-letter key copied it: 0.26 s, 100 times 2,000's)
    small, large = tmp_path / "small.toml", tmp_path / "large.toml"
    small.write_text(CALL + "h" * 4000 + "angup = 5\n", encoding="utf-8")
    large.write_text(CALL + "h" * 32000 + "angup = 5\n", encoding="utf-8")
    ratio = _load_seconds(large) / _load_seconds(small)
    assert ratio < 24, f"8 times the key's length took {ratio:.1f} times as long"
