"""The source of each element class's ``__init__`` (written into _generated.py by
``python -m plivoxml_plus.elements._generate``), and the key that says which source a
class needs.

An element's constructor is straight-line code, as attrs would write it: one ``if
name is not None`` per attribute and one ``admit`` call per value given, the common
values' checks inlined (a Python call costs more than the test), so validating
costs less than lxml's own work on the same document. Generating and compiling it
for every class at import cost about a third of ``import plivoxml_plus`` (README:
Performance, Cold start), so the source is checked in; a class changed since the file was written
gets the same source compiled at import instead (``compile_factory``), so its
constructor is never wrong, and tests/test_generated_code.py fails until the file
is rewritten.

Parameters keep the attrs field order (plivo-python's positional order), so the
signature mypy sees (from the attrs plugin) is the one that runs; attributes are
written in that order. A guard parameter after the last one turns one argument too
many into the package's error (a ``*args`` catch-all would take CPython off its
fast path for binding keywords: measured, 0.25 µs a call).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._checks import Boolean, Check, Integer, OrWords, Refused
from ._init_support import _NOT_GIVEN, _REQUIRED

__all__ = ["class_path", "compile_factory", "factory_source", "init_key"]

# (the element class) -> its __init__
Factory = Callable[[Any], Callable[..., None]]


def check_shape(check: Check[Any]) -> tuple[Any, ...]:
    """What a generated constructor's source depends on in ``check``: which of its
    values are admitted inline, and an Integer's bounds, which are written into the
    source. The sets tested are read from the check itself when the constructor is
    made, so they are not part of it."""
    if isinstance(check, OrWords):
        return ("words", *check_shape(check.other))
    known = check.known()
    if known is not None:  # values it remembers (a set that grows), or its fixed choices
        return ("remembers",) if isinstance(known, set) else ("choices",)
    if type(check) is Integer:
        return ("int", check.minimum, check.maximum)
    if type(check) is Boolean:
        return ("bool",)
    return ("call",)


def init_key(cls: Any) -> tuple[Any, ...]:
    """Everything the source of ``cls.__init__`` depends on: equal keys, the same source."""
    specs = tuple((n, s.keyword, s.xml, s.required, check_shape(s.check)) for n, s in cls.specs.items())
    return (bool(cls._holds), specs)


def class_path(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def _branches(
    check: Check[Any], where: str, keyword: str, stores: list[str], refs: list[str]
) -> list[tuple[str, list[str]]]:
    """(condition, assignments) pairs for ``check``'s common values (``check`` is the
    object the expression ``where`` reads in the factory); each gives exactly what
    ``admit`` would (tests/test_elements_fast_paths.py checks it). A set tested is
    read into a closure variable of its own, appended to ``refs`` as its binding."""
    ref = f"_c{sum(line.startswith('_c') for line in refs)}"
    if isinstance(check, OrWords):  # its words, then what its other check admits (Sound too)
        refs.append(f"{ref} = {where}.words")
        words = (f"_type({keyword}) is _str and {keyword} in {ref}", [" = ".join([*stores, keyword])])
        return [words, *_branches(check.other, f"{where}.other", keyword, stores, refs)]
    if check.known() is not None:  # a value admitted before, or a choice as written (the same set admit adds to)
        refs.append(f"{ref} = {where}.known()")
        return [(f"_type({keyword}) is _str and {keyword} in {ref}", [" = ".join([*stores, keyword])])]
    if type(check) is Integer:
        assignments = [f"{stores[0]} = {keyword}", *(f'{wire} = f"{{{keyword}}}"' for wire in stores[1:])]
        return [(f"_type({keyword}) is _int and {check.minimum} <= {keyword} <= {check.maximum}", assignments)]
    if type(check) is Boolean:
        wires = [f"{wire} = 'true' if {keyword} else 'false'" for wire in stores[1:]]
        return [(f"{keyword} is True or {keyword} is False", [f"{stores[0]} = {keyword}", *wires])]
    return []


def factory_source(cls: Any, function: str) -> str:
    """The source of ``def function(_cls):``, which returns ``cls.__init__``."""
    refs: list[str] = []
    params: list[str] = []
    body = ["_store = self.__dict__", "_wire = {}"]
    for name, spec in cls.specs.items():
        keyword = spec.keyword
        where = f"_specs[{name!r}].check"
        admit = f"_admit_{name}"
        refs.append(f"{admit} = {where}.admit")
        stores = [f"_store[{name!r}]", *([f"_wire[{spec.xml!r}]"] if spec.xml else [])]
        target = ", ".join([stores[0], stores[1] if spec.xml else "_"])
        admitted = [
            "try:",
            f"    {target} = {admit}({keyword})",
            "except _Refused as _why:",
            f"    raise _cls._refused({name!r}, {keyword}, _why) from None",
        ]
        if spec.xml is not None and "remembers" in check_shape(spec.check):
            # a value its check had not remembered: serializing sets it on a copy of a
            # template that holds the element's other values (see _base.write_children)
            admitted.append(f"_store.setdefault('_fresh', {{}})[{spec.xml!r}] = None")
        checked: list[str] = []
        for index, (condition, assignments) in enumerate(_branches(spec.check, where, keyword, stores, refs)):
            checked += [f"{'if' if index == 0 else 'elif'} {condition}:", *(f"    {line}" for line in assignments)]
        checked += ["else:", *(f"    {line}" for line in admitted)] if checked else admitted
        if spec.required:
            params.append(f"{keyword}=_REQUIRED")
            body += [
                f"if {keyword} is _REQUIRED or {keyword} is None:",
                f"    raise _cls._refuse({name!r}, None, 'is required')",
                *checked,
            ]
        else:
            params.append(f"{keyword}=None")
            body += [f"if {keyword} is not None:", *(f"    {line}" for line in checked)]
    body.append("_store['_wire'] = _wire")
    guard = ["_by_position=_NOT_GIVEN"]
    if cls._holds:  # children: after the guard, so only a keyword reaches it
        guard.append("children=None")
        body += ["_store['children'] = []", "if children is not None:", "    self._set_children(children)"]
    signature = ", ".join(["self", *params, *guard, "**_unknown"])
    lines = [
        f"def {function}(_cls):",
        "    _specs = _cls.specs",
        *(f"    {ref}" for ref in refs),
        "",
        f"    def __init__({signature}):",
        "        if _by_position is not _NOT_GIVEN or _unknown:",
        "            raise _cls._bad_call(_by_position, _unknown)",
        *(f"        {line}" for line in body),
        "",
        "    return __init__",
    ]
    return "\n".join(lines) + "\n"


def function_name(cls: type) -> str:
    return f"_{cls.__module__.rpartition('.')[2]}_{cls.__qualname__.replace('.', '_')}"


def compile_factory(cls: Any) -> Factory:
    """The factory of a class _generated.py does not have (or has from before a change)."""
    namespace: dict[str, Any] = {
        "_Refused": Refused, "_REQUIRED": _REQUIRED, "_NOT_GIVEN": _NOT_GIVEN, "_type": type, "_str": str,
        "_int": int,
    }  # fmt: skip
    source = factory_source(cls, "factory")
    exec(compile(source, f"<plivoxml_plus generated {cls.__name__}.__init__>", "exec"), namespace)
    factory: Factory = namespace["factory"]
    return factory
