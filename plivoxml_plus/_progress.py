"""Progress of long work as one line on a terminal: ``simulate: 41.2 s of 600 s (6%)``.

The work reports through a callback, ``progress(done, total)`` (seconds done,
and the seconds in all or None where that is not known: docs/simulation.md,
"Progress"); :class:`ProgressLine` is the callback that shows it. It rewrites
one line with a carriage return, at most ten times a second by the wall clock
however often it is called, and clears it when closed, so that what follows on
the stream (a message, the report) starts on a clean line. A plain class, not
tqdm or rich: one line of text needs no dependency, and the plain ``validate``
path must import nothing more (tests/test_import.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

__all__ = ["INTERVAL", "Progress", "ProgressLine", "progress_line"]

# what the work calls: progress(done, total), in seconds; total None when not known
Progress = Callable[[float, "float | None"], object]

INTERVAL = 0.1  # seconds of wall clock between two lines written: ten a second at most


class ProgressLine:
    """A :data:`Progress` callback writing ``LABEL: DONE s of TOTAL s (P%)`` (or
    ``LABEL: DONE s`` with no total) over itself on ``stream``; a context manager
    that clears the line on exit."""

    def __init__(
        self,
        label: str,
        stream: TextIO,
        *,
        interval: float = INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._label = label
        self._stream = stream
        self._interval = interval
        self._clock = clock
        self._next = -float("inf")  # the first call is shown at once
        self._width = 0  # of the line on screen: cleared by as many spaces

    def __call__(self, done: float, total: float | None) -> None:
        now = self._clock()
        if now < self._next:
            return
        self._next = now + self._interval
        if total is None or total <= 0:
            text = f"{self._label}: {done:.1f} s"
        else:
            text = f"{self._label}: {done:.1f} s of {total:g} s ({min(done / total, 1.0):.0%})"
        self._stream.write("\r" + text.ljust(self._width))
        self._stream.flush()
        self._width = len(text)

    def close(self) -> None:
        """Clear the line (if one was written): the cursor is back at its start."""
        if self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
            self._width = 0

    def __enter__(self) -> ProgressLine:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def progress_line(label: str, stream: TextIO, wanted: bool | None) -> ProgressLine | None:
    """A ProgressLine on ``stream`` if ``wanted``, or (``wanted`` None: not said)
    if ``stream`` is a terminal; else None, the work's "no progress"."""
    if wanted is None:
        try:
            wanted = stream.isatty()
        except (AttributeError, ValueError, OSError):  # (no stream, or a closed one: no terminal)
            wanted = False
    return ProgressLine(label, stream) if wanted else None
