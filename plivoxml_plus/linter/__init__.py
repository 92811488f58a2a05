"""The call-flow linter: rules beyond the XSD, across the documents of one app.

    >>> from plivoxml_plus.linter import lint
    >>> result = lint({"menu.xml": "<Response><Hangup/><Speak>Bye</Speak></Response>"})
    >>> print(result.findings[0])
    menu.xml:1:20: PXL001 <Speak> never runs: the call hangs up at <Hangup>

Each rule has an id, a severity and a section in docs/lint.md with a wrong and a
right example; a comment ``<!-- plivoxml-plus: disable=PXL001 -->`` before an
element silences a rule there, ``disable-file=`` in the whole file, and
:class:`LintConfig` (``[tool.plivoxml-plus.lint]``) switches rules off or on.
"""

from ._config import LintConfig
from ._errors import LintConfigError
from ._findings import Finding, LintResult, Severity
from ._rulebook import rules
from ._rules import Rule
from ._run import lint

__all__ = ["Finding", "LintConfig", "LintConfigError", "LintResult", "Rule", "Severity", "lint", "rules"]
