"""A per-document time limit: ``with deadline(60): ...`` raises :class:`DocTimeoutError` (E032) after 60 s.

In the main thread (Unix) the limit is a ``SIGALRM`` timer; its handler raises inside whatever Python code runs,
including a regular expression (``re`` checks for signals while it matches) and spaCy's tokenizer. Elsewhere
(a Dask worker thread, a web server's request thread) a watchdog thread (one per process) raises the error
asynchronously in the working thread; that lands at the next Python instruction, so a single long C call finishes first.

Code that never returns to Python (a C library stuck in a loop) is out of reach of both: batch workers have a
watchdog that ends such a process (see :mod:`newsextract.batch.procs`).

>>> import time
>>> with deadline(0.2):
...     time.sleep(5)
Traceback (most recent call last):
...
newsextract.errors.DocTimeoutError: E032 document took longer than 0.2 s (set --doc-timeout / doc_timeout to change the limit)
"""

from __future__ import annotations

import ctypes
import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from .errors import DocTimeoutError, E

__all__ = ["deadline"]


@contextmanager
def deadline(seconds: float | None, limit: float | None = None) -> Iterator[None]:
    """Raise :class:`DocTimeoutError` in the block when it runs longer than ``seconds`` (None: no limit).

    ``limit`` is the document's whole limit, for the message, when ``seconds`` is what is left of it.
    """
    if not seconds:
        yield
        return
    message = E.E032.format(seconds=limit or seconds)
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds, message):
            yield
    else:
        with _async_timer(seconds, message):
            yield


@contextmanager
def _alarm(seconds: float, message: str) -> Iterator[None]:
    def expire(_signum: int, _frame: object) -> None:
        raise DocTimeoutError(message)

    previous = signal.signal(signal.SIGALRM, expire)
    outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:  # somebody else's timer was running: give it back what is left of it
            signal.setitimer(signal.ITIMER_REAL, max(0.001, outer - (time.monotonic() - started)))


@contextmanager
def _async_timer(seconds: float, message: str) -> Iterator[None]:
    expired = type("DocTimeout", (DocTimeoutError,), {"__init__": lambda self: DocTimeoutError.__init__(self, message)})
    job = _Job(time.monotonic() + seconds, threading.get_ident(), expired)
    _WATCHDOG.add(job)
    try:
        yield
    finally:
        _WATCHDOG.remove(job)
        # (if the error had been raised in the block, it is propagating now; nothing to add)


class _Job:
    """A block under a time limit in some thread: when it is due, the watchdog raises ``error`` in that thread."""

    __slots__ = ("due", "target", "error", "fired")

    def __init__(self, due: float, target: int, error: type[BaseException]) -> None:
        self.due, self.target, self.error, self.fired = due, target, error, False


class _Watchdog:
    """One daemon thread per process that raises the time-out error in the threads whose block is due.

    (A timer thread per block cost a thread start and stop per document: about 0.15 ms of CPU and 0.8 ms of wall
    time of the working thread, each document of a Dask worker.) The thread waits for the earliest due block; a
    block that ends first is just taken off the list, without waking it.
    """

    def __init__(self) -> None:
        self._reset()
        if hasattr(os, "register_at_fork"):  # a forked child has no watchdog thread, and maybe a lock held
            os.register_at_fork(after_in_child=self._reset)

    def _reset(self) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._jobs: dict[int, _Job] = getattr(self, "_jobs", {})
        self._thread: threading.Thread | None = None
        self._wake = float("inf")  # when the thread wakes next (inf: when told)

    def add(self, job: _Job) -> None:
        with self._cond:
            self._jobs[id(job)] = job
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="newsextract-deadline", daemon=True)
                self._thread.start()
            elif job.due < self._wake:
                self._cond.notify()

    def remove(self, job: _Job) -> None:
        with self._cond:
            self._jobs.pop(id(job), None)
            if job.fired:  # raised already, or still pending: take a pending one back
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(job.target), None)

    def _run(self) -> None:
        with self._cond:
            while True:
                now = time.monotonic()
                for key, job in list(self._jobs.items()):
                    if job.due <= now:
                        del self._jobs[key]
                        job.fired = True
                        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(job.target),
                                                                   ctypes.py_object(job.error))
                self._wake = min((job.due for job in self._jobs.values()), default=float("inf"))
                self._cond.wait(None if self._wake == float("inf") else self._wake - now)


_WATCHDOG = _Watchdog()
