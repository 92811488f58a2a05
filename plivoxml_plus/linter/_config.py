"""The linter's configuration: which rules run, where production documents are,
and how URLs map to linted files. Read from ``[tool.plivoxml-plus.lint]`` in a
``pyproject.toml`` (or a file given with ``--config``), and from the command line.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from ._errors import LintConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["CONFIG_TABLE", "LintConfig", "LintConfigError"]

CONFIG_TABLE = "tool.plivoxml-plus.lint"


def _rule_ids(value: Iterable[str]) -> frozenset[str]:
    return frozenset(str(item).strip().upper() for item in value)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _table(value: Mapping[str, str]) -> dict[str, str]:
    return dict(value)


@attrs.frozen
class LintConfig:
    """How a lint run is set up.

    ``disable`` and ``enable`` name rule ids switched off, or on (for the rules
    that are off unless asked for); ``production`` is a list of glob patterns of
    the paths whose documents must not name placeholder hosts (PXL010);
    ``placeholder_hosts`` the hosts taken for placeholders; ``url_folders`` maps a
    base URL to the folder its documents are in (PXL009).
    """

    disable: frozenset[str] = attrs.field(default=frozenset(), converter=_rule_ids)
    enable: frozenset[str] = attrs.field(default=frozenset(), converter=_rule_ids)
    production: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    placeholder_hosts: tuple[str, ...] = attrs.field(
        default=("example.com", "example.net", "example.org", "localhost", "127.0.0.1"), converter=_strings
    )
    url_folders: Mapping[str, str] = attrs.field(factory=dict, converter=_table)

    def __attrs_post_init__(self) -> None:
        from ._rulebook import rules

        known = rules()
        unknown = sorted((self.disable | self.enable) - set(known))
        if unknown:
            raise LintConfigError(
                f"unknown rule id {', '.join(unknown)}; the rules are {', '.join(known)} (docs/lint.md)"
            )

    def runs(self, rule_id: str, default: bool) -> bool:
        """Whether the rule ``rule_id`` runs."""
        if rule_id in self.disable:
            return False
        return default or rule_id in self.enable

    @classmethod
    def from_file(cls, path: str | Path, *, required: bool = True) -> LintConfig:
        """The ``[tool.plivoxml-plus.lint]`` table of a TOML file (a pyproject.toml).

        With ``required=False`` a file without the table gives the defaults.
        """
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            raise LintConfigError(f"{path}: cannot read the configuration: {error}") from None
        except tomllib.TOMLDecodeError as error:
            raise LintConfigError(f"{path}: not TOML: {error}") from None
        table: Any = data
        for key in CONFIG_TABLE.split("."):
            table = table.get(key) if isinstance(table, dict) else None
        if table is None:
            if required:
                raise LintConfigError(f"{path}: no [{CONFIG_TABLE}] table")
            return cls()
        return cls.from_mapping(table, where=f"{path}: [{CONFIG_TABLE}]")

    @classmethod
    def from_mapping(cls, table: Mapping[str, Any], *, where: str = "the configuration") -> LintConfig:
        """A configuration from a table's keys (``disable``, ``enable``, ``production``,
        ``placeholder-hosts``, ``url-folders``)."""
        allowed = {"disable": list, "enable": list, "production": list, "placeholder-hosts": list, "url-folders": dict}
        given: dict[str, Any] = {}
        for key, value in table.items():
            kind = allowed.get(key)
            if kind is None:
                raise LintConfigError(f"{where}: unknown key {key!r}; allowed: {', '.join(allowed)}")
            if (
                not isinstance(value, kind)
                or not all(isinstance(item, str) for item in value)
                or (kind is dict and not all(isinstance(item, str) for item in value.values()))
            ):
                shape = "a list of strings" if kind is list else "a table of strings"
                raise LintConfigError(f"{where}: {key} must be {shape}")
            given[key.replace("-", "_")] = value
        return cls(**given)
