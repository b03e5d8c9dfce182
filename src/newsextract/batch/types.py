"""The batch run's value types: options, tasks, results, the summary."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from ..config import DOC_TIMEOUT, MAX_BYTES
from ..errors import UsageError

__all__ = ["SUFFIXES", "DEFAULT_MAX_BYTES", "UsageError", "BatchOptions", "Task", "Result", "BatchSummary"]

#: file suffixes picked up when walking a directory
SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")
DEFAULT_MAX_BYTES = MAX_BYTES


@dataclass(frozen=True)
class BatchOptions:
    """Options of one batch run.

    Attributes:
        workers: worker processes (None: all cores; 1: in this process, no pool).
        resume: keep the existing output, skip the doc_ids it has, append the rest.
        keep_text: store the plain text (which evidence offsets index) in each record.
        max_bytes: inputs (file, JSON line) larger than this give an error record (default 2 MB).
        doc_timeout: seconds one document may take before it becomes an E032 error record (None: no limit).
        force: overwrite an existing output file (without it, and without ``resume``, an existing file is
            refused: E042).
        csv_path: also write one flat row per deal to this CSV file.
        quiet: no progress bar.
        engine: "local" (process pool) or "dask".
        scheduler: Dask scheduler address (None: a LocalCluster with ``workers`` processes).
        lang: force "en" or "zh" (None: per article).
        chunk_size: tasks sent to a worker at once (None: 8 for the local engine, 32 for Dask, whose every task
            costs a worker a few milliseconds of its own; a Dask chunk whose worker dies becomes error records whole).
    """

    workers: int | None = None
    resume: bool = False
    keep_text: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    csv_path: Path | None = None
    quiet: bool = False
    engine: str = "local"
    scheduler: str | None = None
    lang: str | None = None
    chunk_size: int | None = None
    fsync: bool = False
    doc_timeout: float | None = DOC_TIMEOUT
    force: bool = False


class Task(NamedTuple):
    """One input, as shipped to a worker.

    ``kind`` is ``file`` (payload: path), ``data`` (payload: (bytes, suffix)), ``obj`` (payload: article dict),
    ``text`` (payload: str) or ``error`` (payload: the error message found while reading the input).
    """

    doc_id: str
    kind: str
    payload: Any
    source: str
    encoding: str | None = None  # how the input's bytes were decoded, when they were decoded while listing it
    warnings: tuple[str, ...] = ()  # what listing the input noticed (a renamed duplicate id, a guessed encoding)


class Result(NamedTuple):
    """What a worker sends back for one task."""

    doc_id: str
    line: str  # one JSON record with its trailing newline
    deals: int
    error: str | None
    rows: list[dict[str, Any]] | None  # flat CSV rows, when asked for


@dataclass
class BatchSummary:
    inputs: int = 0
    written: int = 0
    skipped: int = 0
    deals: int = 0
    errors: int = 0
    seconds: float = 0.0
    error_reasons: Counter = field(default_factory=Counter)

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0

    def line(self) -> str:
        rate = self.written / self.seconds if self.seconds > 0 else 0.0
        text = (f"newsextract batch: {self.written} written ({self.skipped} skipped, already in output), "
                f"{self.deals} deals, {self.errors} errors in {self.seconds:.1f}s ({rate:.1f} articles/s)")
        if self.error_reasons:
            text += "; errors: " + ", ".join(f"{code} x{n}" for code, n in self.error_reasons.most_common())
        return text
