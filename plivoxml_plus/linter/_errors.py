"""The linter's own error: a configuration it cannot use."""

from __future__ import annotations

from .._errors import PlivoXMLPlusError

__all__ = ["LintConfigError"]


class LintConfigError(PlivoXMLPlusError, ValueError):
    """The linter's configuration is not one it can use (the message says where and what is allowed)."""
