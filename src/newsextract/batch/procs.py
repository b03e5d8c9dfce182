"""Worker processes that end with their parent and never hold a run up for ever.

Every pool worker, at start:

- asks Linux to kill it when its parent dies (``prctl(PR_SET_PDEATHSIG, SIGKILL)``), so that a batch killed with
  SIGKILL (or by the out-of-memory killer) leaves no worker behind;
- starts a watch thread that checks twice a second that its parent is still the process that started it (the
  same guarantee where ``prctl`` does not exist, and for the instant between ``fork`` and ``prctl``), and that
  the document in hand has not run far past the time limit: the limit itself is a ``SIGALRM`` timer
  (:func:`newsextract.deadline.deadline`), which cannot interrupt code stuck inside a C library; the watch thread
  then ends the process, and the parent records that document (E032) and carries on with a fresh worker.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

__all__ = ["exit_with_parent", "Watch", "hard_limit"]

_PR_SET_PDEATHSIG = 1
#: exit status of a worker the watch thread ended
STUCK_EXIT = 75


def hard_limit(doc_timeout: float) -> float:
    """Seconds after which a document that the timer did not stop ends its worker."""
    return 2 * doc_timeout + 1


def exit_with_parent(parent_pid: int) -> None:
    """Die with the parent process (SIGKILL from the kernel on Linux; see :class:`Watch` elsewhere)."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - no libc prctl: the watch thread still works
            pass
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)


class Watch:
    """The watch thread of one worker process (see the module docstring)."""

    def __init__(self, parent_pid: int, doc_timeout: float | None, interval: float = 0.5) -> None:
        self.parent_pid = parent_pid
        self.limit = hard_limit(doc_timeout) if doc_timeout else None
        self.interval = interval
        self.started: float | None = None  # when the document in hand started (None: idle)
        threading.Thread(target=self._run, name="newsextract-watch", daemon=True).start()

    def begin(self) -> None:
        self.started = time.monotonic()

    def end(self) -> None:
        self.started = None

    def _run(self) -> None:
        while True:
            time.sleep(self.interval)
            if os.getppid() != self.parent_pid:
                os._exit(1)  # orphaned: nobody reads our results
            started = self.started
            if self.limit is not None and started is not None and time.monotonic() - started > self.limit:
                os._exit(STUCK_EXIT)
