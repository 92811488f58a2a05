"""XML's whitespace, which is not Python's.

XML 1.0 (production S) has four whitespace characters: space, tab, carriage
return and line feed. Python's ``str.split()``, ``strip()`` and ``isspace()``
also take U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F,
U+205F, U+3000 and the ASCII control separators for whitespace: to XML they are
text (a no-break space where no text is allowed is a problem, not blank). Every
piece of XML text is split, stripped and tested for blankness here.
"""

from __future__ import annotations

import re

__all__ = ["XML_WHITESPACE", "XML_WHITESPACE_BYTES", "is_xml_blank", "xml_collapse", "xml_split", "xml_strip"]

XML_WHITESPACE = " \t\r\n"
XML_WHITESPACE_BYTES = XML_WHITESPACE.encode("ascii")

_WORD = re.compile(f"[^{XML_WHITESPACE}]+")


def xml_strip(text: str) -> str:
    """``text`` without the XML whitespace around it."""
    return text.strip(XML_WHITESPACE)


def is_xml_blank(text: str) -> bool:
    """Whether ``text`` is empty or XML whitespace only."""
    return not text.strip(XML_WHITESPACE)


def xml_split(text: str) -> list[str]:
    """The pieces of ``text`` between runs of XML whitespace (``str.split()`` as XML reads it)."""
    return _WORD.findall(text)


def xml_collapse(text: str) -> str:
    """``text`` with each run of XML whitespace made one space, none around it."""
    return " ".join(_WORD.findall(text))
