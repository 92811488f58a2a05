"""``plivoxml-plus validate --jobs N``: a list of files checked by N processes at once.

The processes are ``os.fork`` children of the run, not a ``multiprocessing`` or
``concurrent.futures`` pool: a forked child starts with the compiled XSD and every
module the run has loaded, and ``os`` and ``pickle`` are all this needs. Measured on
this project's 2-core machine (bench/bench_cli.py): importing
``concurrent.futures.process`` costs 17 ms and ``multiprocessing`` 8-13 ms, while
checking 1,000 webhook answers takes 20-30 ms, so a pool's import alone costs
more than a second process saves (``validate`` on 1,000 files, median of 9 runs:
1.32-1.38x one process with a pool of the "fork" context, Linux's default; 2.3x with
"forkserver" and 2.6x with "spawn", macOS's default, whose workers start Python and
import the package again). Where there is no ``os.fork`` (Windows), the files are
checked in one process.

Each process takes one contiguous share, the run itself the first: the documents
cost alike, and one share each is one fork, one pipe and one pickle (with a pool,
batches of 50 files measured no better than one share per process). A child's
results come back pickled through a pipe, in order. A child that does not return
its share whole (killed, out of memory, an error) has its share checked again by
the run itself, so the output is what a run without ``--jobs`` gives; on Ctrl-C
(or any error) the children are killed and reaped before the run ends.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = ["MIN_SHARE", "processes", "shared"]

Item = TypeVar("Item")
Result = TypeVar("Result")

# The fewest files a process is started for: the measured break-even. Starting one
# costs the run several milliseconds (the fork, the child's start on the other CPU,
# its results pickled and read back), and a child checks its share slower than the
# run checks its own (its caches cold); checking a webhook answer takes 20-30 µs.
# Measured here, whole runs of `validate --jobs 2` against one process, interleaved,
# median ratio of 15: 1,000 files 0.95-1.10x (two processes of 500: no gain),
# 2,000 files 0.94-1.03x, 4,000 files 0.81x, 10,000 files 0.75-0.87x.
MIN_SHARE = 1000


def processes(jobs: int, files: int) -> int:
    """How many processes check ``files`` files for ``--jobs jobs`` (0: one per CPU):
    at most one per :data:`MIN_SHARE` files, and 1 where there is no ``os.fork``."""
    if not hasattr(os, "fork"):  # pragma: no cover (Windows)
        return 1
    wanted = jobs or _cpus()
    return max(1, min(wanted, files // MIN_SHARE))


def _cpus() -> int:
    # the CPUs this process may run on (a container's or taskset's limit), else all
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


def _shares(items: Sequence[Item], count: int) -> list[Sequence[Item]]:
    # contiguous, in order, their sizes differing by one at most
    return [items[len(items) * index // count : len(items) * (index + 1) // count] for index in range(count)]


def shared(items: Sequence[Item], work: Callable[[Sequence[Item]], list[Result]], count: int) -> list[Result]:
    """``work(items)``, with ``items`` split between ``count`` processes: this one and
    ``count - 1`` forked children. ``work`` must return one result per item; whatever
    it has loaded (a compiled schema) before the call, the children start with."""
    import gc
    import pickle
    import signal

    first, *others = _shares(items, count)
    children: list[tuple[int, int]] = []  # (pid, the read end of its pipe), in the order of ``others``
    try:
        gc.freeze()  # (a child's collections then leave the run's objects, and so their pages, alone)
        # Ctrl-C waits while the children are forked: one pressed between a fork and its
        # pid being listed would leave that child unreaped, and one reaching a child before
        # its own code runs would send it back into the run's. The children keep it blocked
        # (the run kills them when it is interrupted); the run takes it once all are listed.
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            for share in others:
                children.append(_fork(share, work, pickle.dumps))
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        gc.unfreeze()
        results = work(first)
        for share in others:
            pid, pipe = children[0]
            returned: list[Result] | None = _collect(pid, pipe)
            del children[0]  # (reaped)
            results += work(share) if returned is None or len(returned) != len(share) else returned
    finally:
        gc.unfreeze()
        _end(children)
    return results


def _fork(
    share: Sequence[Item], work: Callable[[Sequence[Item]], list[Result]], dumps: Callable[[object], bytes]
) -> tuple[int, int]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write_end)
        return pid, read_end
    # the child: its results, pickled, to the pipe; it never returns into the run's code
    # (nor runs its exit handlers or flushes its output buffers, which are the run's)
    code = 1
    try:
        os.close(read_end)
        data = dumps(work(share))
        with open(write_end, "wb") as pipe:
            pipe.write(data)
        code = 0
    except BaseException:  # (Ctrl-C or an error: the run checks this share itself)
        pass
    finally:
        os._exit(code)


def _collect(pid: int, pipe: int) -> list[Result] | None:
    """A child's results, once it has ended; None if it did not end well."""
    import pickle  # (loaded already, by shared())

    with open(pipe, "rb") as stream:
        data = stream.read()
    _, status = os.waitpid(pid, 0)
    if status != 0:
        return None
    try:  # (a child that ended early with status 0 sent a pickle cut short, or nothing)
        results: list[Result] = pickle.loads(data)  # (written by this run's own child)
    except (EOFError, pickle.UnpicklingError):
        return None
    return results


def _end(children: list[tuple[int, int]]) -> None:
    """Kill and reap the children still running (the run was interrupted or failed)."""
    import contextlib
    import signal

    for pid, pipe in children:
        with contextlib.suppress(OSError):  # (closed already, by an interrupted _collect)
            os.close(pipe)
        try:
            # (a child reaped already is no longer this run's: waitpid refuses it, and its
            # pid, which another process may have now, is left alone)
            if os.waitpid(pid, os.WNOHANG) == (0, 0):
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
        except ChildProcessError:
            pass
