"""A mypy plugin that tells mypy about the ``set_<name>`` chain methods.

The element classes generate one ``set_<name>(value) -> self`` method per
attribute when they are built (plivo-python's chaining style), which mypy cannot
see. Enable this plugin and it declares, for each class decorated with
``xml_element``, exactly the setters the runtime makes: one per field declared
with ``attribute()``, ``content()`` or ``required()``, taking that field's type.
Nothing is restated: the plugin reads the same declarations.

    [tool.mypy]
    plugins = ["plivoxml_plus.mypy"]

Only mypy imports this module; the package never does.
"""

from __future__ import annotations

from collections.abc import Callable

from mypy.nodes import ARG_POS, Argument, AssignmentStmt, CallExpr, NameExpr, RefExpr, Var
from mypy.plugin import ClassDefContext, Plugin
from mypy.plugins.common import add_method_to_class
from mypy.typevars import fill_typevars

_BASE = "plivoxml_plus.elements._base"
_DECORATOR = f"{_BASE}.xml_element"
_FIELD_DECLARATIONS = frozenset(
    {f"{_BASE}.attribute", f"{_BASE}.content", f"{_BASE}.optional_content", f"{_BASE}.required"}
)


def _declared_fields(ctx: ClassDefContext) -> list[tuple[str, Var]] | None:
    """The class's fields declared with attribute()/content()/optional_content()/required(), in order;
    None while mypy has not yet given every one of them its type."""
    fields: list[tuple[str, Var]] = []
    for statement in ctx.cls.defs.body:
        if not (isinstance(statement, AssignmentStmt) and isinstance(statement.rvalue, CallExpr)):
            continue
        callee = statement.rvalue.callee
        if not (isinstance(callee, RefExpr) and callee.fullname in _FIELD_DECLARATIONS):
            continue
        for target in statement.lvalues:
            if isinstance(target, NameExpr) and isinstance(target.node, Var):
                if target.node.type is None:
                    return None
                fields.append((target.name, target.node))
    return fields


def _add_setters(ctx: ClassDefContext) -> bool:
    fields = _declared_fields(ctx)
    if fields is None:
        return False  # ask mypy to call again once the annotations are analysed
    returns = fill_typevars(ctx.cls.info)
    for name, var in fields:
        method = f"set_{name.rstrip('_')}"  # (as _base.setter_name: DTMF's async_ has set_async)
        if method in ctx.cls.info.names:
            continue
        value = Argument(Var("value", var.type), var.type, None, ARG_POS)
        add_method_to_class(ctx.api, ctx.cls, method, [value], returns)
    return True


class _ElementSettersPlugin(Plugin):
    def get_class_decorator_hook_2(self, fullname: str) -> Callable[[ClassDefContext], bool] | None:
        return _add_setters if fullname == _DECORATOR else None


def plugin(version: str) -> type[Plugin]:
    """mypy's entry point."""
    return _ElementSettersPlugin
