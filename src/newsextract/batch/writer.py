"""Results → output: whole lines written at once, resume bookkeeping, CSV rows."""

from __future__ import annotations

import csv
import io
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import E
from .types import BatchOptions, BatchSummary, Task, UsageError


class LineWriter:
    """Appends whole lines to a file with unbuffered writes: no line is ever left half in a Python buffer."""

    def __init__(self, path: Path, *, append: bool, fsync: bool = False) -> None:
        flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
        try:
            self.fd = os.open(path, flags, 0o644)
        except OSError as exc:
            raise UsageError(E.E047.format(path=path, reason=exc.strerror),
                             hint="check that the folder exists and is writable") from exc
        self.fsync = fsync

    def write(self, text: str) -> None:
        view = memoryview(text.encode("utf-8"))
        while view:
            n = os.write(self.fd, view)
            view = view[n:]
        if self.fsync:
            os.fsync(self.fd)

    def close(self) -> None:
        os.fsync(self.fd)
        os.close(self.fd)


def _truncate_partial(path: Path) -> int:
    """Cut a trailing partial line (a run killed mid-write); returns the bytes removed."""
    size = path.stat().st_size
    if size == 0:
        return 0
    with open(path, "rb+") as fh:
        pos = size
        block = 1 << 16
        while pos > 0:
            start = max(0, pos - block)
            fh.seek(start)
            data = fh.read(pos - start)
            i = data.rfind(b"\n")
            if i >= 0:
                keep = start + i + 1
                break
            pos = start
        else:
            keep = 0
        if keep < size:
            fh.truncate(keep)
    return size - keep


def read_done(path: Path) -> Counter:
    """doc_id counts of an existing output file (after truncating a partial last line); raises UsageError."""
    done: Counter = Counter()
    if not path.exists():
        return done
    _truncate_partial(path)
    with open(path, "rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw)
                doc_id = rec["doc_id"]
            except (json.JSONDecodeError, UnicodeDecodeError, KeyError, TypeError) as exc:
                raise UsageError(E.E046.format(path=path, line=lineno, reason=exc),
                                 hint="--resume continues a file written by newsextract batch; name a new "
                                      "output file instead") from exc
            done[str(doc_id)] += 1
    return done


def rebuild_csv(jsonl: Path, csv_path: Path) -> None:
    """The CSV is derived from the JSON lines: on resume it is rewritten from them (no lost or doubled rows)."""
    from ..output import CSV_COLUMNS, flat_rows
    from ..records import Extraction

    tmp = csv_path.with_name(csv_path.name + ".tmp")
    with open(tmp, "w", newline="", encoding="utf-8") as out:
        w = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
        w.writeheader()
        if jsonl.exists():
            with open(jsonl, encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        for row in flat_rows(Extraction.model_validate_json(line)):
                            w.writerow(row)
    os.replace(tmp, csv_path)


def write_kind_csvs(jsonl: Path, csv_path: Path) -> None:
    """``approvals.csv`` and ``figures.csv`` beside the deals CSV, derived from the JSON lines (so a resumed run
    rewrites them whole)."""
    from ..output import write_kind_csv
    from ..records import Extraction

    for kind in ("approvals", "figures"):
        target = csv_path.with_name(f"{kind}.csv")
        if target == csv_path:
            continue
        tmp = target.with_name(target.name + ".tmp")
        with open(tmp, "w", newline="", encoding="utf-8") as out:
            recs = []
            if jsonl.exists():
                with open(jsonl, encoding="utf-8") as fh:
                    recs = [Extraction.model_validate_json(line) for line in fh if line.strip()]
            write_kind_csv(recs, out, kind)
        os.replace(tmp, target)


def csv_text(rows: list[dict[str, Any]], header: bool = False) -> str:
    from ..output import CSV_COLUMNS

    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS)
    if header:
        w.writeheader()
    for row in rows:
        w.writerow(row)
    return buf.getvalue()


def skip_done(tasks: Iterable[Task], done: Counter, summary: BatchSummary) -> Iterator[Task]:
    for t in tasks:
        if done[t.doc_id] > 0:
            done[t.doc_id] -= 1
            summary.skipped += 1
            continue
        yield t


def progress_bar(total: int | None, opts: BatchOptions, stream: IO[str]) -> Any:
    from tqdm import tqdm

    disable = opts.quiet or not (hasattr(stream, "isatty") and stream.isatty())
    return tqdm(total=total, unit="art", file=stream, disable=disable, dynamic_ncols=True, smoothing=0.1,
                desc="batch")
