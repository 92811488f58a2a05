"""The threads that run requests to the user's app, few and never waited on
past a deadline.

Each request runs in a daemon thread of its own, so that an app that hangs
costs the simulator its ``timeout`` and not the run: at the deadline the
request is abandoned (``Abandon`` tells the work so; it stops reading the
reply at its next chunk, and an ASGI request is cancelled). Work that cannot
notice (a WSGI app stuck inside its handler, an ASGI app blocking its event
loop) keeps its thread until it returns. Such threads are bounded in number
for the whole process: at most ``MAX_WORKERS`` run at once, and a request that
finds none free before its deadline fails (``NoWorker``) rather than starting
one more.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["MAX_WORKERS", "Abandon", "Late", "NoWorker", "remaining", "run_bounded"]

MAX_WORKERS = 8  # threads running requests to apps at once, across every simulation
_free = threading.BoundedSemaphore(MAX_WORKERS)

T = TypeVar("T")


class Late(Exception):
    """The work did not finish before its deadline."""


class NoWorker(Exception):
    """Every worker is still busy with an earlier request that did not finish in time."""


class Abandon:
    """Set when nobody waits for the work any more; ``when_set`` hooks run then."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._set = False
        self._hooks: list[Callable[[], None]] = []

    def is_set(self) -> bool:
        return self._set

    def when_set(self, hook: Callable[[], None]) -> None:
        with self._lock:
            if not self._set:
                self._hooks.append(hook)
                return
        hook()

    def set(self) -> None:
        with self._lock:
            self._set = True
            hooks, self._hooks = self._hooks, []
        for hook in hooks:
            hook()


class _Outcome(Generic[T]):
    __slots__ = ("error", "value")

    def __init__(self) -> None:
        self.value: T | None = None
        self.error: BaseException | None = None


def remaining(deadline: float) -> float:
    """Seconds left until ``deadline`` (``time.monotonic``), never below 0."""
    return max(0.0, deadline - time.monotonic())


def run_bounded(work: Callable[[Abandon], T], deadline: float) -> T:
    """``work(abandon)``'s result, run in a worker thread; raises what it raised,
    ``Late`` at ``deadline`` (``time.monotonic``), ``NoWorker`` (and ``work`` is
    not run) if no worker frees up before it."""
    if not _free.acquire(timeout=remaining(deadline)):
        raise NoWorker
    abandon = Abandon()
    outcome: _Outcome[T] = _Outcome()

    def run() -> None:
        try:
            outcome.value = work(abandon)
        except BaseException as error:  # (handed back to the caller below)
            outcome.error = error
        finally:
            _free.release()

    worker = threading.Thread(target=run, name="plivoxml-plus-app", daemon=True)
    try:
        worker.start()
    except RuntimeError:  # (the system has no thread to give)
        _free.release()
        raise NoWorker from None
    worker.join(remaining(deadline))
    if worker.is_alive():
        abandon.set()
        raise Late
    if outcome.error is not None:
        raise outcome.error
    return outcome.value  # type: ignore[return-value] # (set when there is no error)
