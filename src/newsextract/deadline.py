"""A per-document time limit: ``with deadline(60): ...`` raises :class:`DocTimeoutError` (E032) after 60 s.

In the main thread (Unix) the limit is a ``SIGALRM`` timer; its handler raises inside whatever Python code runs,
including a regular expression (``re`` checks for signals while it matches) and spaCy's tokenizer. Elsewhere
(a Dask worker thread, a web server's request thread) a timer thread raises the error asynchronously in the
working thread; that lands at the next Python instruction, so a single long C call finishes first.

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
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}
    expired = type("DocTimeout", (DocTimeoutError,), {"__init__": lambda self: DocTimeoutError.__init__(self, message)})

    def fire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(expired))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["done"] = True
            timer.cancel()
            if state["fired"]:  # raised already, or still pending: take a pending one back
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)
        # (if the error had been raised in the block, it is propagating now; nothing to add)
