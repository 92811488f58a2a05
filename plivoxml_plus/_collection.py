"""The cyclic garbage collector paused around work that makes many objects and
no cycles (a review's problems, a report's model): each collection in between
walks every object alive (a big simulation's millions) and finds nothing."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_collection"]


@contextmanager
def paused_collection() -> Iterator[None]:
    """The cyclic garbage collector paused (if it runs), restored after."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()
