"""Finding the XSD files: inside the installed package, else the checkout's ``schemas/``.

The wheel carries ``schemas/*.xsd`` as ``plivoxml_plus/_schemas/`` (pyproject's
force-include); an editable checkout has only the top-level ``schemas/`` folder.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Literal

from .._errors import PlivoXMLPlusError

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["KINDS", "Kind", "check_kind", "schema_file", "schema_path"]

Kind = Literal["answer", "sound"]
KINDS: tuple[Kind, ...] = ("answer", "sound")
# what returns a sound document (Play, Speak and Wait only): every message says it so
SOUND_URLS = "waitSound, enterSound/exitSound, wait-music, hold-music, dialMusic and confirmSound URLs"

_FILES: dict[str, str] = {"answer": "plivoxml.xsd", "sound": "plivoxml-sound.xsd"}
# (os.path, not pathlib: plivoxml-plus validate never imports pathlib: README, Performance)
_PACKAGE = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
_FOLDERS = (os.path.join(_PACKAGE, "_schemas"), os.path.join(os.path.dirname(_PACKAGE), "schemas"))


def check_kind(kind: object) -> Kind:
    """``kind`` itself, if it names a kind of document; else a ValueError saying which do."""
    if kind == "answer":
        return "answer"
    if kind == "sound":
        return "sound"
    raise ValueError(
        f"kind={kind!r} is not a kind of document; allowed: 'answer' (what a call's answer URL returns) "
        f"or 'sound' (what {SOUND_URLS} return)"
    )


def schema_path(kind: Kind = "answer") -> Path:
    """The XSD file that validates ``kind`` documents.

    ``"answer"``: ``plivoxml.xsd``, the contract (a ``<Response>`` with any of the
    elements). ``"sound"``: ``plivoxml-sound.xsd``, which narrows it to Play, Speak
    and Wait and needs ``plivoxml.xsd`` next to it.
    """
    from pathlib import Path

    return Path(schema_file(kind))


def schema_file(kind: Kind = "answer") -> str:
    """:func:`schema_path` as a str."""
    name = _FILES[check_kind(kind)]
    for folder in _FOLDERS:
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            return path
    raise PlivoXMLPlusError(f"{name} is missing from this installation of plivoxml_plus (looked in {_FOLDERS[0]})")
