"""Writing audio files safely: names of their own, files made fresh.

A file is never opened by its final name: its bytes go to a new temporary file
in the same folder (created exclusively, so a link planted there cannot be
followed), which is then renamed over the name. A link or file already there is
replaced, never written through, and a failure leaves no half-written file.

Each call and recording gets a file name of its own. A name that is plain
(ASCII letters, digits, ``.``, ``_`` and ``-``, starting with a letter or digit,
at most 100 characters, not a Windows device name) and no other file's name,
ignoring case (so that no two files meet on a case-insensitive file system), is
used as it is. Any other is made plain and shortened, then followed by ``-`` and
12 hex digits of its SHA-256: the same run gives the same names every time.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from ..._errors import AudioError

__all__ = ["FreshFile", "file_stems", "write_fresh"]

_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
_PREFIX = 100  # characters kept of a name that is not plain (the file name stays far below 255 bytes)
_DEVICES = frozenset(
    ["CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))]
)
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)

Owner = tuple[str, str]  # ("call", name) or ("recording", id)


def _stem(owner: Owner) -> str:
    kind, name = owner
    return name if kind == "call" else f"recording-{name}"


def _plain(stem: str) -> bool:
    return _PLAIN.fullmatch(stem) is not None and stem.split(".", maxsplit=1)[0].upper() not in _DEVICES


def _hashed(owner: Owner) -> str:
    kind, name = owner
    made_plain = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "_" for c in _stem(owner))
    digest = hashlib.sha256(f"{kind}:{name}".encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"{made_plain[:_PREFIX].lstrip('.') or '_'}-{digest}"


def file_stems(owners: Iterable[Owner]) -> dict[Owner, str]:
    """Each call's and recording's file name, without its extension (see the module
    docstring); AudioError if two would still be one file."""
    owners = list(owners)
    counts: dict[str, int] = {}
    for owner in owners:
        folded = _stem(owner).casefold()
        counts[folded] = counts.get(folded, 0) + 1
    stems = {}
    for owner in owners:
        stem = _stem(owner)
        stems[owner] = stem if _plain(stem) and counts[stem.casefold()] == 1 else _hashed(owner)
    taken: dict[str, Owner] = {}
    for owner, stem in stems.items():
        other = taken.setdefault(stem.casefold(), owner)
        if other != owner:  # (a plain name that is another's hashed one)
            raise AudioError(
                f"the {other[0]} {other[1]!r} and the {owner[0]} {owner[1]!r} would both be written "
                f"as {stem}; rename the call"
            )
    return stems


def write_fresh(path: Path, write: Callable[[BinaryIO], object]) -> Path:
    """Make the file ``path`` with what ``write`` writes, as a new file renamed over
    the name (OSError if that cannot be done)."""
    fresh = FreshFile(path)
    try:
        write(fresh.file)
        fresh.commit()
    except BaseException:
        fresh.discard()
        raise
    return path


class FreshFile:
    """A file being made for ``path``: written through ``file`` (a new temporary file
    in its folder, made exclusively), then renamed over the name (``commit``) or
    removed (``discard``). A render streams each track into one of these."""

    __slots__ = ("file", "path", "temporary")

    def __init__(self, path: Path) -> None:
        folder = path.parent
        for _ in range(100):  # (a name taken by chance: try another)
            temporary = folder / f".{secrets.token_hex(8)}.part"
            try:
                descriptor = os.open(temporary, _CREATE, 0o666)
                break
            except FileExistsError:
                continue
        else:
            raise FileExistsError(f"no free temporary name in {folder}")
        self.path = path
        self.temporary = temporary
        self.file: BinaryIO = os.fdopen(descriptor, "wb")

    def commit(self) -> Path:
        self.file.close()
        os.replace(self.temporary, self.path)
        return self.path

    def discard(self) -> None:
        self.file.close()
        with contextlib.suppress(OSError):
            os.unlink(self.temporary)
