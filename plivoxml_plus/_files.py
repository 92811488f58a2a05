"""Reading a file the user named, safely: a regular file only, never more than a limit.

Every file the package reads on a user's behalf (a document to validate, a
scenario, the answer and URL documents a scenario names) comes through here, so
a FIFO cannot block the reader, a device such as ``/dev/zero`` cannot feed it
without end, and a path with a NUL byte is a clear refusal rather than a
``ValueError`` from deep inside ``os``.
"""

from __future__ import annotations

import os
import stat

__all__ = ["FileRefused", "FileTooLarge", "read_file"]

# Opening a FIFO for reading blocks until a writer appears; O_NONBLOCK makes the
# open return at once, so the type check below can refuse it. (No effect on a
# regular file; absent on Windows, where FIFOs cannot be opened this way anyway.)
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


class FileRefused(Exception):
    """The file cannot be read: ``reason`` says why, in a few words."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"cannot read {path}: {reason}")
        self.path = path
        self.reason = reason


class FileTooLarge(FileRefused):
    """The file is larger than the limit (``size`` bytes, from the file system)."""

    def __init__(self, path: str, size: int, limit: int) -> None:
        super().__init__(path, f"it is {size} bytes, over the size limit of {limit} bytes")
        self.size = size
        self.limit = limit


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_file(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``max_bytes`` of them.

    Raises :class:`FileTooLarge` when the file is larger, :class:`FileRefused`
    when it cannot be opened or is not a regular file (a folder, FIFO, device or
    socket): the check is made on the opened descriptor, so a path swapped
    between a check and the open cannot get around it.
    """
    name = os.fspath(path)
    shown = name if isinstance(name, str) else os.fsdecode(name)
    if "\x00" in shown:
        raise FileRefused(shown.replace("\x00", "\\0"), "a path cannot contain a NUL character")
    try:
        descriptor = os.open(name, _FLAGS)
    except OSError as error:
        raise FileRefused(shown, (error.strerror or str(error)).lower()) from error
    except ValueError as error:  # (an embedded NUL some other way, an over-long name on some systems)
        raise FileRefused(shown, str(error)) from error
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(shown, f"it is {_kind(info.st_mode)}; only regular files are read")
        if info.st_size > max_bytes:
            raise FileTooLarge(shown, info.st_size, max_bytes)
        chunks: list[bytes] = []
        remaining = max_bytes + 1  # one byte more than allowed: enough to see a file that grew
        while remaining > 0:
            chunk = os.read(descriptor, min(remaining, 1 << 16))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        data = b"".join(chunks)
        if len(data) > max_bytes:
            raise FileTooLarge(shown, len(data), max_bytes)
        return data
    except OSError as error:
        raise FileRefused(shown, (error.strerror or str(error)).lower()) from error
    finally:
        os.close(descriptor)
