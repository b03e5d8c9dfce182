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

import csv
import glob
import io
import json
import os
import signal
import sys
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, NamedTuple

from .errors import E, InputError

__all__ = [
    "BatchOptions",
    "BatchSummary",
    "Task",
    "Result",
    "UsageError",
    "discover",
    "count_inputs",
    "process_task",
    "run_batch",
    "iter_results",
    "extract_bag",
    "SUFFIXES",
]

#: file suffixes picked up when walking a directory
SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")
DEFAULT_MAX_BYTES = 2_000_000


class UsageError(Exception):
    """Bad command-line usage: missing input, unusable output file (exit code 2)."""


@dataclass(frozen=True)
class BatchOptions:
    """Options of one batch run.

    Attributes:
        workers: worker processes (None: all cores; 1: in this process, no pool).
        resume: keep the existing output, skip the doc_ids it has, append the rest.
        keep_text: store the plain text (which evidence offsets index) in each record.
        max_bytes: inputs (file, JSON line) larger than this give an error record (default 2 MB).
        csv_path: also write one flat row per deal to this CSV file.
        quiet: no progress bar.
        engine: "local" (process pool) or "dask".
        scheduler: Dask scheduler address (None: a LocalCluster with ``workers`` processes).
        lang: force "en" or "zh" (None: per article).
        chunk_size: tasks sent to a worker at once.
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
    chunk_size: int = 8
    fsync: bool = False


class Task(NamedTuple):
    """One input, as shipped to a worker.

    ``kind`` is ``file`` (payload: path), ``data`` (payload: (bytes, suffix)), ``obj`` (payload: article dict),
    ``text`` (payload: str) or ``error`` (payload: the error message found while reading the input).
    """

    doc_id: str
    kind: str
    payload: Any
    source: str


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


# ------------------------------------------------------------------------------------------------ discovery
def _rel_id(path: Path, root: Path) -> str:
    try:  # absolute, not resolved: a symlinked article keeps its own name
        rel = Path(os.path.abspath(path)).relative_to(os.path.abspath(root))
    except ValueError:
        rel = Path(path.name)
    return rel.with_suffix("").as_posix()


def _walk(directory: Path) -> list[Path]:
    found = []
    for dirpath, dirnames, filenames in os.walk(directory, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith(".") and name.lower().endswith(SUFFIXES):
                found.append(Path(dirpath) / name)
    return found


def _glob_root(pattern: str) -> Path:
    parts = Path(pattern).parts
    fixed = []
    for part in parts:
        if glob.has_magic(part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path(".")


def expand_inputs(specs: Sequence[str], exclude: Iterable[Path] = ()) -> list[tuple[Path | None, Path]]:
    """``(file, root)`` pairs for each input spec (``(None, Path('-'))`` for stdin); raises UsageError.

    A directory contributes its supported files recursively; a glob its matching files (directories matched by
    the glob are walked); a named file is taken whatever its suffix. Files in ``exclude`` (the run's own
    output, when it lies inside an input directory) are left out.
    """
    pairs = _expand(specs)
    skip = {p.resolve() for p in exclude}
    return [(f, r) for f, r in pairs if f is None or f.resolve() not in skip] if skip else pairs


def _expand(specs: Sequence[str]) -> list[tuple[Path | None, Path]]:
    out: list[tuple[Path | None, Path]] = []
    if not specs:
        raise UsageError("no input given")
    if list(specs).count("-") > 1:
        raise UsageError("'-' (standard input) given more than once")
    for spec in specs:
        if spec == "-":
            out.append((None, Path("-")))
            continue
        p = Path(spec)
        if p.is_dir():
            out += [(f, p) for f in _walk(p)]
        elif p.exists():
            out.append((p, p.parent))
        elif glob.has_magic(spec):
            root = _glob_root(spec)
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                raise UsageError(f"no file matches {spec!r}")
            for m in map(Path, matches):
                if m.is_dir():
                    out += [(f, root) for f in _walk(m)]
                elif m.name.lower().endswith(SUFFIXES):
                    out.append((m, root))
        else:
            raise UsageError(f"no such file or directory: {spec}")
    return out


def _err_task(doc_id: str, message: str, source: str) -> Task:
    return Task(doc_id, "error", message, source)


def _jsonl_tasks(lines: Iterable[bytes], stem: str, source: str, max_bytes: int) -> Iterator[Task]:
    for lineno, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        where = f"{source}:{lineno}"
        fallback = f"{stem}:{lineno}"
        if len(raw) > max_bytes:
            yield _err_task(fallback, E.E024.format(path=f"line {lineno} of {source}", size=len(raw),
                                                    limit=max_bytes), where)
            continue
        try:
            text = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield _err_task(fallback, E.E004.format(path=f"line {lineno} of {source}", reason=exc.reason), where)
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            yield _err_task(fallback, E.E020.format(line=lineno, path=source, reason=exc.msg), where)
            continue
        doc_id = _json_id(obj) or fallback
        yield Task(doc_id, "obj", obj, where)


def _json_id(obj: Any) -> str | None:
    if isinstance(obj, dict) and obj.get("id") not in (None, ""):
        return str(obj["id"])
    return None


def discover(specs: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: IO[bytes] | None = None,
             read_files: bool = False, exclude: Iterable[Path] = ()) -> Iterator[Task]:
    """The tasks of the inputs, lazily and in order (usage errors are raised before the first task).

    JSON and JSON-lines files are parsed here (their ids are needed to resume); text and HTML files are read by
    the worker (``read_files=True`` reads them here and ships the bytes: for a cluster without a shared disk).
    """
    pairs = expand_inputs(specs, exclude)

    def gen() -> Iterator[Task]:
        for path, root in pairs:
            if path is None:
                stream = stdin if stdin is not None else sys.stdin.buffer
                yield from _jsonl_tasks(stream, "stdin", "stdin", max_bytes)
                continue
            doc_id = _rel_id(path, root)
            suffix = path.suffix.lower()
            source = str(path)
            try:
                size = path.stat().st_size
            except OSError as exc:
                yield _err_task(doc_id, E.E021.format(path=path, reason=exc.strerror or exc), source)
                continue
            if suffix == ".jsonl":
                try:
                    with open(path, "rb") as fh:
                        yield from _jsonl_tasks(fh, doc_id, source, max_bytes)
                except OSError as exc:
                    yield _err_task(doc_id, E.E021.format(path=path, reason=exc.strerror or exc), source)
                continue
            if size > max_bytes:
                yield _err_task(doc_id, E.E024.format(path=path, size=size, limit=max_bytes), source)
                continue
            if suffix == ".json" or read_files:
                try:
                    data = path.read_bytes()
                except OSError as exc:
                    yield _err_task(doc_id, E.E021.format(path=path, reason=exc.strerror or exc), source)
                    continue
                if suffix != ".json":
                    yield Task(doc_id, "data", (data, suffix), source)
                    continue
                try:
                    from .ingest import decode_bytes

                    obj = json.loads(decode_bytes(data, source))
                except InputError as exc:
                    yield _err_task(doc_id, str(exc), source)
                    continue
                except json.JSONDecodeError as exc:
                    yield _err_task(doc_id, E.E020.format(line=exc.lineno, path=path, reason=exc.msg), source)
                    continue
                yield Task(_json_id(obj) or doc_id, "obj", obj, source)
                continue
            yield Task(doc_id, "file", source, source)

    return gen()


def count_inputs(specs: Sequence[str], exclude: Iterable[Path] = ()) -> int | None:
    """How many tasks :func:`discover` will yield (None when reading stdin): for the progress bar's total."""
    n = 0
    for path, _root in expand_inputs(specs, exclude):
        if path is None:
            return None
        if path.suffix.lower() == ".jsonl":
            try:
                with open(path, "rb") as fh:
                    n += sum(1 for line in fh if line.strip())
            except OSError:
                n += 1
        else:
            n += 1
    return n


# ------------------------------------------------------------------------------------------------ one task
_WORKER: dict[str, Any] = {}


def _settings(opts: BatchOptions) -> dict[str, Any]:
    return {"keep_text": opts.keep_text, "max_bytes": opts.max_bytes, "lang": opts.lang,
            "rows": opts.csv_path is not None}


def _extractor(settings: dict[str, Any]) -> Any:
    """The extractor of this process for these settings (built once per process, pipelines on first use)."""
    key = json.dumps([settings["keep_text"], settings["max_bytes"], settings["lang"]])
    ex = _WORKER.get(key)
    if ex is None:
        from .api import Extractor
        from .config import Config

        ex = Extractor(Config(keep_text=settings["keep_text"], max_chars=settings["max_bytes"],
                              lang=settings["lang"]))
        _WORKER[key] = ex
    return ex


def _document(task: Task, max_bytes: int) -> Any:
    from .ingest import document_from_json, load_path, load_text

    if task.kind == "error":
        raise InputError(task.payload)
    if task.kind == "obj":
        doc = document_from_json(task.payload, task.source)
    elif task.kind == "text":
        doc = load_text(task.payload, name=task.source)
    elif task.kind == "data":
        data, suffix = task.payload
        from .ingest import HTML_SUFFIXES, html_to_document

        if suffix in HTML_SUFFIXES:
            doc = html_to_document(data, name=task.source)
        else:
            doc = load_text(data, name=task.source)
    elif task.kind == "file":
        path = Path(task.payload)
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise InputError(E.E021.format(path=path, reason=exc.strerror or exc)) from exc
        if size > max_bytes:
            raise InputError(E.E024.format(path=path, size=size, limit=max_bytes))
        doc = load_path(path)
    else:  # pragma: no cover - a programming error
        raise ValueError(f"unknown task kind {task.kind!r}")
    size = len(doc.text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise InputError(E.E024.format(path=f"the text of {task.source}", size=size, limit=max_bytes))
    return doc


def process_task(task: Task, settings: dict[str, Any]) -> Result:
    """Read and extract one task; never raises for a bad document (the record carries ``error``)."""
    from .output import flat_rows, to_jsonl_line
    from .records import Extraction

    lang = None
    try:
        doc = _document(task, settings["max_bytes"])
        lang = doc.lang
        rec = _extractor(settings).extract(doc.text, lang=settings["lang"] or doc.lang, doc_id=task.doc_id,
                                           published=doc.published, title=doc.title, url=doc.url)
        if rec.doc_id != task.doc_id:  # pragma: no cover - the API keeps caller ids
            rec = rec.model_copy(update={"doc_id": task.doc_id})
    except Exception as exc:  # noqa: BLE001 - batch mode degrades per document
        msg = str(exc) if isinstance(exc, InputError) else E.E030.format(reason=f"{type(exc).__name__}: {exc}")
        lang = settings["lang"] or lang
        rec = Extraction(doc_id=task.doc_id, lang=lang if lang in ("en", "zh") else "en", error=msg)
    rows = flat_rows(rec) if settings["rows"] else None
    return Result(rec.doc_id, to_jsonl_line(rec), len(rec.deals), rec.error, rows)


def _process_chunk(chunk: list[Task], settings: dict[str, Any]) -> list[Result]:
    return [process_task(t, settings) for t in chunk]


def _pool_init(settings: dict[str, Any]) -> None:
    # the parent handles Ctrl-C and shuts the pool down; workers must not print tracebacks of their own.
    # SIGTERM gets its default action back (the parent's clean-exit handler is inherited through fork).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    ex = _extractor(settings)
    if settings["lang"]:
        ex.nlp(settings["lang"])


def _pool_chunk(chunk: list[Task], settings: dict[str, Any]) -> list[Result]:
    return _process_chunk(chunk, settings)


def _chunks(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    buf: list[Task] = []
    for t in tasks:
        buf.append(t)
        if len(buf) >= size:
            yield buf
            buf = []
    if buf:
        yield buf


def _died(chunk: list[Task], reason: str, settings: dict[str, Any]) -> list[Result]:
    return [process_task(_err_task(t.doc_id, E.E031.format(reason=reason), t.source), settings) for t in chunk]


# ------------------------------------------------------------------------------------------------ engines
def _iter_local(tasks: Iterable[Task], opts: BatchOptions, settings: dict[str, Any]) -> Iterator[Result]:
    workers = opts.workers or os.cpu_count() or 1
    if workers <= 1:
        for t in tasks:
            yield process_task(t, settings)
        return
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=workers, initializer=_pool_init, initargs=(settings,))

    pool = new_pool()
    window = workers * 4  # chunks in flight: keeps workers busy, bounds memory, keeps output streaming
    pending: deque = deque()
    chunks = _chunks(tasks, opts.chunk_size)
    try:
        while True:
            while len(pending) < window:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                pending.append((chunk, pool.submit(_pool_chunk, chunk, settings)))
            if not pending:
                break
            chunk, fut = pending.popleft()
            try:
                yield from fut.result()
                continue
            except BrokenProcessPool:
                pass
            # a worker died (killed, out of memory, segfault) and took every chunk in flight with it: resubmit
            # the others to a fresh pool, then retry this chunk one document at a time, so that only a document
            # that kills its worker again gets an E031 record
            pool.shutdown(wait=False, cancel_futures=True)
            pool = new_pool()
            for task in chunk:
                try:
                    yield from pool.submit(_pool_chunk, [task], settings).result()
                except BrokenProcessPool as exc:
                    yield from _died([task], str(exc) or type(exc).__name__, settings)
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = new_pool()
            pending = deque((c, pool.submit(_pool_chunk, c, settings)) for c, _ in pending)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _dask_chunk(chunk: list[Task], settings: dict[str, Any]) -> list[Result]:
    return _process_chunk(chunk, settings)


def _iter_dask(tasks: Iterable[Task], opts: BatchOptions, settings: dict[str, Any]) -> Iterator[Result]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise UsageError("the dask engine needs the 'dask' extra: pip install 'newsextract[dask]'") from exc
    cluster = None
    if opts.scheduler:
        client = Client(opts.scheduler)
    else:
        cluster = LocalCluster(n_workers=opts.workers or os.cpu_count() or 1, threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        nworkers = max(1, len(client.scheduler_info().get("workers", {})) or (opts.workers or 1))
        window = nworkers * 4
        pending: deque = deque()
        chunks = _chunks(tasks, opts.chunk_size)
        while True:
            while len(pending) < window:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                pending.append((chunk, client.submit(_dask_chunk, chunk, settings, pure=False)))
            if not pending:
                break
            chunk, fut = pending.popleft()
            try:
                results = fut.result()
            except Exception as exc:  # noqa: BLE001 - KilledWorker and friends: record, go on
                results = _died(chunk, f"{type(exc).__name__}: {exc}", settings)
            yield from results
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def iter_results(tasks: Iterable[Task], opts: BatchOptions) -> Iterator[Result]:
    """Results of ``tasks`` in input order, with the engine and worker count of ``opts``."""
    settings = _settings(opts)
    if opts.engine == "local":
        return _iter_local(tasks, opts, settings)
    if opts.engine == "dask":
        return _iter_dask(tasks, opts, settings)
    raise UsageError(f"unknown engine {opts.engine!r} (local, dask)")


# ------------------------------------------------------------------------------------------------ output
class LineWriter:
    """Appends whole lines to a file with unbuffered writes: no line is ever left half in a Python buffer."""

    def __init__(self, path: Path, *, append: bool, fsync: bool = False) -> None:
        flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
        try:
            self.fd = os.open(path, flags, 0o644)
        except OSError as exc:
            raise UsageError(f"cannot write {path}: {exc.strerror}") from exc
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
                raise UsageError(f"{path} line {lineno} is not a newsextract record ({exc}); "
                                 "not resuming over it") from exc
            done[str(doc_id)] += 1
    return done


def _rebuild_csv(jsonl: Path, csv_path: Path) -> None:
    """The CSV is derived from the JSON lines: on resume it is rewritten from them (no lost or doubled rows)."""
    from .output import CSV_COLUMNS, flat_rows
    from .records import Extraction

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


def _csv_text(rows: list[dict[str, Any]], header: bool = False) -> str:
    from .output import CSV_COLUMNS

    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS)
    if header:
        w.writeheader()
    for row in rows:
        w.writerow(row)
    return buf.getvalue()


def _skip_done(tasks: Iterable[Task], done: Counter, summary: BatchSummary) -> Iterator[Task]:
    for t in tasks:
        if done[t.doc_id] > 0:
            done[t.doc_id] -= 1
            summary.skipped += 1
            continue
        yield t


def _progress(total: int | None, opts: BatchOptions, stream: IO[str]) -> Any:
    from tqdm import tqdm

    disable = opts.quiet or not (hasattr(stream, "isatty") and stream.isatty())
    return tqdm(total=total, unit="art", file=stream, disable=disable, dynamic_ncols=True, smoothing=0.1,
                desc="batch")


def run_batch(inputs: Sequence[str], output: Path, opts: BatchOptions | None = None, *,
              stdin: IO[bytes] | None = None, log: IO[str] | None = None) -> BatchSummary:
    """Extract every input into ``output`` (JSON lines); returns the summary (``exit_code`` 0 or 1).

    Raises :class:`UsageError` for unusable inputs/outputs before anything is written.
    """
    opts = opts or BatchOptions()
    log = log if log is not None else sys.stderr
    if opts.max_bytes <= 0:
        raise UsageError("--max-bytes must be positive")
    if opts.workers is not None and opts.workers < 1:
        raise UsageError("--workers must be at least 1")
    if opts.engine not in ("local", "dask"):
        raise UsageError(f"unknown engine {opts.engine!r} (local, dask)")
    if opts.scheduler and opts.engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    output = Path(output)
    if output.is_dir():
        raise UsageError(f"output {output} is a directory")
    own = [output] + ([opts.csv_path] if opts.csv_path else [])
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
            _rebuild_csv(output, opts.csv_path)
            csv_writer = LineWriter(opts.csv_path, append=True)
        else:
            csv_writer = LineWriter(opts.csv_path, append=False)
            csv_writer.write(_csv_text([], header=True))
    bar = _progress(None if total is None else max(0, total - n_done), opts, log)
    try:
        for res in iter_results(_skip_done(tasks, done, summary), opts):
            writer.write(res.line)
            if csv_writer is not None and res.rows:
                csv_writer.write(_csv_text(res.rows))
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
        summary.inputs = summary.written + summary.skipped
        summary.seconds = time.perf_counter() - t0
    return summary


# ------------------------------------------------------------------------------------------------ dask.bag
def _bag_item_task(item: Any, index: int) -> Task:
    if isinstance(item, Task):
        return item
    if isinstance(item, str):
        return Task(f"#{index}", "text", item, f"item {index}")
    if isinstance(item, dict):
        return Task(_json_id(item) or f"#{index}", "obj", item, f"item {index}")
    return _err_task(f"#{index}", E.E022.format(path=f"item {index}", type=type(item).__name__), f"item {index}")


def _bag_partition(items: Iterable[Any], settings: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for i, item in enumerate(items):
        res = process_task(_bag_item_task(item, i), settings)
        out.append(json.loads(res.line))
    return out


def _jsonl_partition(lines: Iterable[Any], settings: dict[str, Any]) -> list[dict[str, Any]]:
    """One JSONL file (a partition of ``read_text(..., blocksize=None, include_path=True)``)."""
    out = []
    pairs = list(lines)
    if not pairs:
        return out
    path = str(pairs[0][1])
    stem = Path(path.split("://")[-1]).stem
    raw = [line.encode("utf-8") for line, _p in pairs]
    for task in _jsonl_tasks(raw, stem, path, settings["max_bytes"]):
        out.append(json.loads(process_task(task, settings).line))
    return out


def extract_bag(source: Any, *, keep_text: bool = False, max_bytes: int = DEFAULT_MAX_BYTES,
                lang: str | None = None, npartitions: int | None = None) -> Any:
    """Map extraction over a ``dask.bag``; returns a bag of record dicts (JSON form), in order.

    ``source`` is either a bag of article dicts (``id``, ``text`` or ``html``, optional ``title``,
    ``published``, ``url``, ``lang``), strings (plain text) or :class:`Task` s, or path(s) / glob(s) of
    partitioned JSON-lines files (read with ``dask.bag.read_text``, one partition per file, so remote storage
    such as ``s3://bucket/feed/*.jsonl`` works), or any input :func:`discover` accepts (directories of
    ``.txt``/``.html`` files, read on the client). The records are those the local engine writes; each Dask
    worker process builds the pipeline once.

    Example (see docs/batch.md)::

        import dask.bag as db
        bag = extract_bag(db.from_sequence([{"id": "a", "text": "..."}], npartitions=1))
        bag.map(json.dumps).to_textfiles("out/*.jsonl")
    """
    import dask.bag as db

    settings = {"keep_text": keep_text, "max_bytes": max_bytes, "lang": lang, "rows": False}
    if isinstance(source, db.Bag):
        return source.map_partitions(_bag_partition, settings)
    specs = [str(source)] if isinstance(source, (str, Path)) else [str(s) for s in source]
    if specs and all(s.lower().endswith(".jsonl") for s in specs):
        lines = db.read_text(specs, blocksize=None, include_path=True)
        return lines.map_partitions(_jsonl_partition, settings)
    tasks = list(discover(specs, max_bytes=max_bytes, read_files=True))
    parts = npartitions or max(1, min(len(tasks), 64))
    return db.from_sequence(tasks, npartitions=parts).map_partitions(_bag_partition, settings)
