"""``newsextract batch … --ledger DB``: ingest the records a running batch writes, as it writes them.

The batch writes one whole JSON line per article to its output file; a :class:`Follower` thread reads the complete
lines appended since its last look and ingests them every ``interval`` seconds (or every ``batch_size`` lines), and
drains the rest when the batch ends. It needs nothing from the batch engine but the output file, so it works the
same with ``--workers``, ``--engine dask`` and ``--resume`` (lines already in the ledger are skipped).
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from .core import IngestReport, Ledger
from .records import parse_line

__all__ = ["Follower"]


class Follower:
    def __init__(self, db: str, path: str | Path, *, interval: float = 1.0, batch_size: int = 500) -> None:
        self.ledger = Ledger(db, batch_size=batch_size)  # opened (and migrated) here: a bad URL fails at once
        self.path = Path(path)
        self.interval = interval
        self.batch_size = batch_size
        self.report = IngestReport()
        self.error: BaseException | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="ledger-follower", daemon=True)
        self._offset = 0
        self._line = 0
        self._rest = b""
        self._ingest_id: int | None = None

    def start(self) -> Follower:
        self._thread.start()
        return self

    def stop(self) -> IngestReport:
        """Ingest what is left and return the report (re-raises an error of the thread)."""
        self._stop.set()
        self._thread.join()
        self.ledger.close()
        if self.error is not None:
            raise self.error
        return self.report

    def _read(self) -> list[tuple[int, str]]:
        try:
            size = os.path.getsize(self.path)
        except OSError:
            return []
        if size < self._offset:  # the batch started the file anew
            self._offset, self._rest, self._line = 0, b"", 0
        if size == self._offset:
            return []
        with open(self.path, "rb") as fh:
            fh.seek(self._offset)
            data = fh.read(size - self._offset)
        self._offset += len(data)
        buf = self._rest + data
        *lines, self._rest = buf.split(b"\n")
        out = []
        for raw in lines:
            self._line += 1
            if raw.strip():
                out.append((self._line, raw.decode("utf-8", errors="replace")))
        return out

    def _ingest(self, lines: list[tuple[int, str]], final: bool = False) -> None:
        if not lines and not final:
            return
        if self._ingest_id is None:
            self._ingest_id = self.ledger.begin_ingest(f"{self.path} (batch --ledger)")
        items = ((f"{self.path}:{n}", parse_line(s)) for n, s in lines)
        self.ledger._ingest(items, str(self.path), self.report, ingest_id=self._ingest_id, final=final)

    def _run(self) -> None:
        try:
            pending: list[tuple[int, str]] = []
            last = time.monotonic()
            while not self._stop.is_set():
                pending += self._read()
                if len(pending) >= self.batch_size or (pending and time.monotonic() - last >= self.interval):
                    self._ingest(pending)
                    pending, last = [], time.monotonic()
                self._stop.wait(0.2)
            pending += self._read()
            if self._rest.strip():  # the batch ended: a last line without its newline is still a record
                self._line += 1
                pending.append((self._line, self._rest.decode("utf-8", errors="replace")))
                self._rest = b""
            self._ingest(pending, final=True)
        except BaseException as exc:  # reported by stop()
            self.error = exc
