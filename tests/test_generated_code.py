"""The element constructors are plain source checked in (plivoxml_plus/elements/_generated.py),
written by their generator, and nothing is generated and compiled for them at import
(issue 21, item 2)."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import attrs
import pytest

from plivoxml_plus import ValidationError
from plivoxml_plus.elements import _generate, _generated
from plivoxml_plus.elements._base import _FINISHED, Element, attribute, content, xml_element
from plivoxml_plus.elements._checks import Integer, Text
from plivoxml_plus.elements._init_source import init_key


def test_the_checked_in_source_is_what_the_generator_writes() -> None:
    # fails when an element class changed and the file was not rewritten:
    # python -m plivoxml_plus.elements._generate
    assert _generate.TARGET.read_text(encoding="utf-8") == _generate.module_source()


def test_the_generator_check_command_agrees() -> None:
    command = [sys.executable, "-m", "plivoxml_plus.elements._generate", "--check"]
    assert subprocess.run(command, capture_output=True, check=False).returncode == 0


def test_every_element_class_uses_its_checked_in_constructor() -> None:
    classes = [cls for cls in _FINISHED if not cls.__dict__.get("own_init", False)]
    assert classes
    for cls in classes:
        entry: Any = _generated.INITS[f"{cls.__module__}.{cls.__qualname__}"]  # (untyped: generated)
        key, factory = entry
        assert key == init_key(cls), cls
        assert cls.__init__.__code__ is factory(cls).__code__, cls


IMPORT_PROBE = """
import builtins, json, sys
compiled = []
_compile = builtins.compile
def compile(source, filename, *args, **kwargs):
    compiled.append((str(filename), source if isinstance(source, str) else ""))
    return _compile(source, filename, *args, **kwargs)
builtins.compile = compile
import plivoxml_plus
from plivoxml_plus import Response  # (the element layer loads on first use: as a webhook handler loads it)
print(json.dumps({"compiled": compiled, "modules": sorted(sys.modules)}))
"""


@pytest.fixture(scope="module")
def fresh_import() -> dict[str, Any]:
    """What a fresh interpreter compiles and loads for ``import plivoxml_plus``
    (modules compiled from their own files are left out: that is Python's bytecode cache)."""
    out = subprocess.run([sys.executable, "-c", IMPORT_PROBE], capture_output=True, text=True, check=True).stdout
    result: dict[str, Any] = json.loads(out)
    result["compiled"] = [(name, source) for name, source in result["compiled"] if not name.endswith(".py")]
    return result


def test_import_compiles_no_generated_constructor(fresh_import: dict[str, Any]) -> None:
    ours = [name for name, _ in fresh_import["compiled"] if "plivoxml_plus generated" in name]
    assert ours == []
    assert "plivoxml_plus.elements._generate" not in fresh_import["modules"]


def test_attrs_compiles_no_init_or_eq_for_element_classes(fresh_import: dict[str, Any]) -> None:
    # attrs' define() keeps a class's own __init__ and __eq__ (auto_detect); what it
    # still compiles (__attrs_init__) is one small function per class
    attrs_sources = [
        source
        for name, source in fresh_import["compiled"]
        if "attrs generated" in name and "plivoxml_plus.elements." in name and "AttributeSpec" not in name
    ]
    assert attrs_sources
    for source in attrs_sources:
        assert "def __init__(" not in source and "def __eq__(" not in source, source


def test_import_loads_neither_difflib_nor_typing_extensions(fresh_import: dict[str, Any]) -> None:
    # (both only for what is off the hot path: a misspelled name's suggestion, annotations)
    assert "difflib" not in fresh_import["modules"]
    assert "typing_extensions" not in fresh_import["modules"]


def test_a_class_the_file_does_not_have_still_gets_its_constructor() -> None:
    # a class added (or changed) since the file was written: compiled at import from
    # the same generator, so its constructor is never wrong until the file is rewritten
    @xml_element("Conference")
    @attrs.define(slots=False, repr=False)
    class Room(Element):
        content: str = content(Text())
        max_members: int | None = attribute(Integer(1, 20), default=20)

    try:
        assert Room("lobby", max_members=3).to_string() == '<Conference maxMembers="3">lobby</Conference>'
        assert Room("lobby") == Room("lobby") and Room("lobby") != Room("lobby", max_members=3)
        with pytest.raises(ValidationError, match="max_members"):
            Room("lobby", max_members=21)
        with pytest.raises(ValidationError, match="is required"):
            Room()
    finally:
        _FINISHED.remove(Room)


def test_element_classes_compare_by_value_and_stay_unhashable() -> None:
    from plivoxml_plus import Conference, Speak

    assert Conference("a", muted=True) == Conference("a", muted=True)
    assert Conference("a", muted=True) != Conference("a")
    assert Conference("a") != Speak("a")  # type: ignore[comparison-overlap]
    assert Speak("") == Speak()  # blank text stored as None either way
    with pytest.raises(TypeError):
        hash(Conference("a"))
