"""Who may change the simulation now.

The thread running the simulation holds the gate while it runs events, and
opens it only while it waits for the app's answer to a request: then, and
between runs, a REST call (from the app's worker thread, or from test code)
takes it and acts at the clock's current time. A REST call never runs beside
the simulation's own events, so neither needs a lock of its own.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["Gate"]


class Gate:
    """A re-entrant lock (the running thread may call the API from a ``urls``
    function) that the running thread lends out while it waits on the app."""

    __slots__ = ("_lock", "_runner")

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._runner: int | None = None  # the thread running events, while it does

    @contextmanager
    def held(self) -> Iterator[None]:
        """Held by the thread running events, for the whole run."""
        with self._lock:
            outer, self._runner = self._runner, threading.get_ident()
            try:
                yield
            finally:
                self._runner = outer

    @contextmanager
    def lent(self) -> Iterator[None]:
        """Opened while the running thread waits on the app; taken back after.
        (Outside a run, or in a nested one, there is nothing to lend.)"""
        if self._runner != threading.get_ident():
            yield
            return
        self._lock.release()
        try:
            yield
        finally:
            self._lock.acquire()

    def take(self, timeout: float) -> bool:
        """Taken by a REST call; False if the simulation kept it ``timeout`` seconds
        (it runs events, or waits on another thread's request)."""
        return self._lock.acquire(timeout=timeout)

    def give_back(self) -> None:
        self._lock.release()
