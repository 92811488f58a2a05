"""Writes _generated.py: each element class's ``__init__``, as plain source (see
_init_source.py for why and what the source is).

    python -m plivoxml_plus.elements._generate          # rewrite the file
    python -m plivoxml_plus.elements._generate --check  # exit 1 if it is out of date

Not imported by ``import plivoxml_plus``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ._base import _FINISHED
from ._init_source import class_path, factory_source, function_name, init_key

TARGET = Path(__file__).with_name("_generated.py")


HEADER = '''"""Each element class's ``__init__``, as plain source: written by
``python -m plivoxml_plus.elements._generate`` from the classes (see _init_source.py).
Do not edit; tests/test_generated_code.py checks that it is up to date."""

# fmt: off
# ruff: noqa
# mypy: ignore-errors
from ._checks import Refused as _Refused
from ._init_support import _NOT_GIVEN, _REQUIRED

_type = type
_str = str
_int = int
'''


def module_source() -> str:
    """The text _generated.py must hold, for the element classes as they are now."""
    import plivoxml_plus.elements  # noqa: F401  (every element class finished)

    classes = [cls for cls in _FINISHED if not cls.__dict__.get("own_init", False)]
    parts = [HEADER]
    entries = []
    for cls in classes:
        function = function_name(cls)
        parts.append("\n" + factory_source(cls, function))
        entries.append(f"    {class_path(cls)!r}: ({init_key(cls)!r}, {function}),")
    parts.append("\n# class -> (the key its source was made for: see _base.init_key, its factory)\n")
    parts.append("INITS = {\n" + "\n".join(entries) + "\n}\n")
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    text = module_source()
    current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
    if "--check" in argv:
        if text != current:
            print(f"{TARGET} is out of date: run python -m plivoxml_plus.elements._generate", file=sys.stderr)
            return 1
        return 0
    if text != current:
        TARGET.write_text(text, encoding="utf-8")
        print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
