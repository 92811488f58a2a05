"""No import circle anywhere in the package (issue 9).

Every ``import`` in every module counts, wherever it is written: at the top, in
a function (a deferred import), or under ``if TYPE_CHECKING``. A circle hidden
in any of them still ties the modules together, so the graph of all of them
must have an order: each module depends only on modules before it.
"""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "plivoxml_plus"


def modules() -> dict[str, tuple[Path, bool]]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        found[".".join(parts)] = (path, is_package)
    return found


def imports(name: str, path: Path, is_package: bool, known: set[str]) -> set[str]:
    """The package's modules that ``name`` imports. ``from pkg import x`` is an
    import of ``pkg.x`` when that is a module, else of ``pkg``."""
    base = name.split(".") if is_package else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = base[: len(base) - node.level + 1]
                target = ".".join(anchor + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in known else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {module for module in found if module in known and module != name}


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(name, path, is_package, set(known)) for name, (path, is_package) in known.items()}


def test_the_package_has_no_import_circle():
    try:
        order = list(TopologicalSorter(graph()).static_order())
    except CycleError as error:
        pytest.fail(f"import circle: {' -> '.join(error.args[1])}")
    assert "plivoxml_plus.core.bridge" in order and "plivoxml_plus.core.rooms.conference._room" in order


def test_the_graph_check_finds_a_circle(tmp_path: Path):
    """The check itself can fail: two modules importing each other (one only
    under TYPE_CHECKING, one in a function) make a circle."""
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .b import B\n")
    (package / "b.py").write_text("def f():\n    from . import a\n")
    known = {
        "pkg": (package / "__init__.py", True),
        "pkg.a": (package / "a.py", False),
        "pkg.b": (package / "b.py", False),
    }
    edges = {name: imports(name, path, is_pkg, set(known)) for name, (path, is_pkg) in known.items()}
    assert edges == {"pkg": set(), "pkg.a": {"pkg.b"}, "pkg.b": {"pkg.a"}}
    with pytest.raises(CycleError):
        list(TopologicalSorter(edges).static_order())


def test_the_layers_depend_downwards_only():
    """elements <- schema <- core: the typed elements know nothing of the
    schema or the simulator, and the bridge nothing of the room types."""
    edges = graph()
    for name, targets in edges.items():
        if name.startswith("plivoxml_plus.elements"):
            assert not {t for t in targets if t.startswith(("plivoxml_plus.schema", "plivoxml_plus.core"))}, name
        if name.startswith("plivoxml_plus.schema"):
            assert not {t for t in targets if t.startswith("plivoxml_plus.core")}, name
        if name.startswith("plivoxml_plus.core.bridge"):
            rooms = (
                "plivoxml_plus.core.rooms.conference",
                "plivoxml_plus.core.rooms.mpc",
                "plivoxml_plus.core.callflow._call",
            )
            assert not {t for t in targets if t.startswith(rooms)}, name


def test_the_platform_knows_no_call_and_no_room():
    """core.platform (the REST API, the gate) reaches the simulation only through
    its Control interface: it imports no call, room, call-flow venue or simulation."""
    edges = graph()
    above = (
        "plivoxml_plus.core.callflow._call",
        "plivoxml_plus.core.callflow._call_sounds",
        "plivoxml_plus.core._simulation",
        "plivoxml_plus.core._rest_control",
        "plivoxml_plus.core._world",
        "plivoxml_plus.core.callflow._dial",
        "plivoxml_plus.core.rooms.conference",
        "plivoxml_plus.core.rooms.mpc",
        "plivoxml_plus.core.bridge",
    )
    platform = [name for name in edges if name.startswith("plivoxml_plus.core.platform")]
    assert "plivoxml_plus.core.platform.rest._routes" in platform
    for name in platform:
        assert not {t for t in edges[name] if t.startswith(above)}, name
