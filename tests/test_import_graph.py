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
    schema or the simulator."""
    edges = graph()
    for name, targets in edges.items():
        if name.startswith("plivoxml_plus.elements"):
            assert not {t for t in targets if t.startswith(("plivoxml_plus.schema", "plivoxml_plus.core"))}, name
        if name.startswith("plivoxml_plus.schema"):
            assert not {t for t in targets if t.startswith("plivoxml_plus.core")}, name


CORE = "plivoxml_plus.core"

# The core's layers, each a set of modules and packages (a package holds all
# below it), bottom first. The shared ground is small and knows nothing above
# it; the bridge (who hears whom) and the platform (what Plivo sends the app,
# how it is signed, the REST API) are siblings that know no call and no room;
# the world is one run's shared state over them; a call runs its XML in the
# call flow; the rooms seat calls on a bridge; on top, the simulation wires
# them together and the scenario drives it.
CORE_LAYERS: dict[str, tuple[str, ...]] = {
    "ground": ("_settings", "_clock", "_ids", "_options", "_recording", "_durations", "_coverage"),
    "bridge": ("bridge",),
    "platform": ("platform",),
    "audio": ("audio",),
    "world": ("_world",),
    "callflow": ("callflow",),
    "rooms": ("rooms",),
    "report": ("report",),
    "top": ("", "_simulation", "_rest_control", "_cli", "scenario"),
}

# What each layer may import beside itself: dependencies run one way.
MAY_IMPORT: dict[str, set[str]] = {
    "ground": set(),
    "bridge": {"ground"},
    "platform": {"ground"},
    "audio": {"ground", "bridge"},
    "world": {"ground", "bridge", "platform"},
    "callflow": {"ground", "bridge", "platform", "world"},
    "rooms": {"ground", "bridge", "platform", "world", "callflow"},
    "report": {"ground", "bridge", "platform", "world", "callflow"},
    "top": set(CORE_LAYERS) - {"top"},
}


def core_layer(module: str) -> str | None:
    """The layer of a module of the core, None outside the core."""
    if module != CORE and not module.startswith(CORE + "."):
        return None
    rest = module[len(CORE) + 1 :]
    for layer, members in CORE_LAYERS.items():
        for member in members:
            if rest == member or (member and rest.startswith(member + ".")):
                return layer
    raise AssertionError(f"{module} is in no layer of the core: place it in CORE_LAYERS")


def test_every_core_module_is_in_a_layer():
    """A new module of the core names its layer here, and the four sibling
    folders a newcomer looks for exist: bridge, rooms, callflow, platform."""
    core = [name for name in graph() if core_layer(name) is not None]
    for folder in ("bridge", "rooms.conference", "rooms.mpc", "callflow", "platform", "platform.rest", "scenario"):
        assert f"{CORE}.{folder}" in core, folder
    assert f"{CORE}.callflow._dial" in core and f"{CORE}.platform._requests" in core


def upward_edges(edges: dict[str, set[str]]) -> list[str]:
    """Every import of a core module that its layer may not use."""
    found = []
    for name, targets in edges.items():
        layer = core_layer(name)
        if layer is None:
            continue
        for target in sorted(targets):
            used = core_layer(target)
            if used not in (None, layer) and used not in MAY_IMPORT[layer]:
                found.append(f"{name} ({layer}) imports {target} ({used})")
    return found


def test_the_core_layers_depend_one_way():
    """Each module of the core imports only its own layer and those its layer
    may use: the platform knows no call, no room and no simulation (the REST
    API reaches the simulation only through its Control interface), the call
    flow knows no room, the bridge nothing of the rooms."""
    assert upward_edges(graph()) == []


def test_the_layer_check_finds_an_upward_edge():
    """The check itself can fail: a platform module importing a call, or a
    call importing a room, is an upward edge; the reverse is not."""
    edges = {
        f"{CORE}.platform.rest._routes": {f"{CORE}.callflow._call", f"{CORE}._clock"},
        f"{CORE}.callflow._dial": {f"{CORE}.rooms.mpc._room", f"{CORE}.platform._requests"},
        f"{CORE}.rooms.mpc._room": {f"{CORE}.callflow._call", "plivoxml_plus.elements"},
    }
    assert upward_edges(edges) == [
        f"{CORE}.platform.rest._routes (platform) imports {CORE}.callflow._call (callflow)",
        f"{CORE}.callflow._dial (callflow) imports {CORE}.rooms.mpc._room (rooms)",
    ]
