"""Batch extraction: many inputs in, exactly one JSON line out per input, in order, resumable.

>>> import io, json, tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("Acme Bio licensed AB-101 to Pfizer for $25 million upfront.")
>>> _ = (d / "b.txt").write_text("   ")
>>> summary = run_batch([str(d)], d / "out.jsonl", BatchOptions(workers=1, quiet=True), log=io.StringIO())
>>> [(r["doc_id"], r["error"] is None) for r in map(json.loads, (d / "out.jsonl").read_text().splitlines())]
[('a', True), ('b', False)]
>>> summary.exit_code
1

Inputs (:func:`discover`): directories (recursive: ``.txt``, ``.md``, ``.html``, ``.htm``, ``.json``, ``.jsonl``),
globs, single files, and ``-`` (JSON lines on standard input). ``doc_id`` is the article's JSON ``id``, else the
path relative to the input root without its extension (``.jsonl`` lines without an id: ``<path>:<line>``).

Guarantees:

- every input gives exactly one output line, a result or an error record (``error`` set): unreadable file,
  undecodable bytes, empty text, input over ``max_bytes``, malformed JSON line (with its line number), not an
  article object, an exception inside extraction, a worker process that died;
- output order is input order, whatever the number of workers;
- each line is written whole with one unbuffered ``write`` as soon as it is ready, so a run killed at any moment
  leaves complete lines (at worst a trailing partial line, which ``resume`` truncates away);
- ``resume`` skips doc_ids already present (counting repeats: an id that occurs twice in the inputs and once in
  the file is processed once more), so no id is ever written twice.

Workers receive small task tuples and send back JSON strings (plus the deal count and CSV rows), never spaCy
objects; each worker builds the pipeline once (pool initializer / per-process cache on Dask workers).
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from ..config import check_positive
from ..errors import ConfigError, E
from .discover import count_inputs, discover, expand_inputs
from .engines import extract_bag, iter_results, process_task
from .types import SUFFIXES, BatchOptions, BatchSummary, Result, Task, UsageError
from .writer import LineWriter, csv_text, progress_bar, read_done, rebuild_csv, skip_done, write_kind_csvs

__all__ = [
    "BatchOptions",
    "BatchSummary",
    "Task",
    "Result",
    "UsageError",
    "discover",
    "expand_inputs",
    "read_done",
    "count_inputs",
    "process_task",
    "run_batch",
    "iter_results",
    "extract_bag",
    "SUFFIXES",
    "check_options",
]


def check_options(opts: BatchOptions) -> None:
    """Raise :class:`UsageError` (E040/E049) for option values a run cannot use."""
    try:
        check_positive("--max-bytes", opts.max_bytes)
        check_positive("--workers", opts.workers, optional=True)
        check_positive("--doc-timeout", opts.doc_timeout, integer=False, optional=True)
        check_positive("chunk_size", opts.chunk_size, optional=True)
    except ConfigError as exc:
        raise UsageError(str(exc), hint="see newsextract batch --help") from None
    if opts.engine not in ("local", "dask"):
        raise UsageError(E.E040.format(name="--engine", value=opts.engine, expected="local or dask"))
    if opts.lang not in (None, "en", "zh"):
        raise UsageError(E.E005.format(lang=opts.lang), hint="leave --lang out to detect the language per article")
    if opts.scheduler and opts.engine != "dask":
        raise UsageError(E.E049.format(first="--scheduler", second="--engine local"),
                         hint="add --engine dask")
    if opts.resume and opts.force:
        raise UsageError(E.E049.format(first="--resume", second="--force"),
                         hint="--resume continues the output file, --force starts it again")


def run_batch(inputs: Sequence[str], output: Path, opts: BatchOptions | None = None, *,
              stdin: IO[bytes] | None = None, log: IO[str] | None = None) -> BatchSummary:
    """Extract every input into ``output`` (JSON lines); returns the summary (``exit_code`` 0 or 1).

    Raises :class:`UsageError` for unusable inputs, outputs or options before anything is written (an existing
    output file is refused unless ``opts.resume`` or ``opts.force``).
    """
    opts = opts or BatchOptions()
    log = log if log is not None else sys.stderr
    check_options(opts)
    output = Path(output)
    own = [output] + ([Path(opts.csv_path)] if opts.csv_path else [])
    for path in own:
        if path.is_dir():
            raise UsageError(E.E044.format(path=path), hint="give a file name for the output")
    if not opts.resume and not opts.force:
        for path in own:
            if path.exists() and (path.stat().st_size > 0 or not path.is_file()):
                raise UsageError(E.E042.format(path=path),
                                 hint="add --resume to continue that run, or --force to overwrite the file")
    # the inputs are listed before the output is opened (and never include it): an output inside an input
    # directory must not be read back while it grows
    tasks = discover(inputs, max_bytes=opts.max_bytes, stdin=stdin, read_files=opts.engine == "dask", exclude=own)
    summary = BatchSummary()
    t0 = time.perf_counter()
    done = read_done(output) if opts.resume else Counter()
    n_done = sum(done.values())
    total = count_inputs(inputs, own)
    writer = LineWriter(output, append=opts.resume, fsync=opts.fsync)
    csv_writer: LineWriter | None = None
    if opts.csv_path is not None:
        if opts.resume:
            rebuild_csv(output, opts.csv_path)
            csv_writer = LineWriter(opts.csv_path, append=True)
        else:
            csv_writer = LineWriter(opts.csv_path, append=False)
            csv_writer.write(csv_text([], header=True))
    bar = progress_bar(None if total is None else max(0, total - n_done), opts, log)
    try:
        for res in iter_results(skip_done(tasks, done, summary), opts):
            writer.write(res.line)
            if csv_writer is not None and res.rows:
                csv_writer.write(csv_text(res.rows))
            summary.written += 1
            summary.deals += res.deals
            if res.error:
                summary.errors += 1
                summary.error_reasons[res.error.split(" ", 1)[0]] += 1
            bar.update(1)
            bar.set_postfix(deals=summary.deals, errors=summary.errors, refresh=False)
    finally:
        bar.close()
        writer.close()
        if csv_writer is not None:
            csv_writer.close()
            write_kind_csvs(output, opts.csv_path)  # type: ignore[arg-type]  # csv_writer implies a csv_path
        summary.inputs = summary.written + summary.skipped
        summary.seconds = time.perf_counter() - t0
    return summary
