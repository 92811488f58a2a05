"""Every rule of the linter, gathered from the modules that define them by theme."""

from __future__ import annotations

from collections.abc import Mapping

from . import _app_routes, _attributes, _flow, _rooms, _urls
from ._rules import RULES, Rule

__all__ = ["rules"]

_THEMES = (_app_routes, _attributes, _flow, _rooms, _urls)  # (imported for the rules they register)


def rules() -> Mapping[str, Rule]:
    """Every rule, by id, in id order."""
    return dict(sorted(RULES.items()))
