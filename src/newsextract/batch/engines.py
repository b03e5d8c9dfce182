"""Tasks → results: one task, the local process pool, Dask, and ``extract_bag``."""

from __future__ import annotations

import gc
import json
import os
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..config import DOC_TIMEOUT
from ..deadline import deadline
from ..errors import ConfigError, E, InputError
from .discover import discover, err_task, json_id, jsonl_tasks
from .procs import Watch, exit_with_parent
from .types import DEFAULT_MAX_BYTES, BatchOptions, Result, Task, UsageError

# ------------------------------------------------------------------------------------------------ one task
_WORKER: dict[str, Any] = {}
#: documents per chunk when ``BatchOptions.chunk_size`` is None: a Dask task costs its worker a few milliseconds of
#: CPU beside the documents (messages, state transitions), about a tenth of a worker's time with 8 documents a task
LOCAL_CHUNK = 8
DASK_CHUNK = 32


def _settings(opts: BatchOptions) -> dict[str, Any]:
    return {"keep_text": opts.keep_text, "max_bytes": opts.max_bytes, "lang": opts.lang,
            "rows": opts.csv_path is not None, "doc_timeout": opts.doc_timeout}


def _extractor(settings: dict[str, Any]) -> Any:
    """The extractor of this process for these settings (built once per process, pipelines on first use)."""
    key = json.dumps([settings["keep_text"], settings["max_bytes"], settings["lang"]])
    ex = _WORKER.get(key)
    if ex is None:
        from ..api import Extractor
        from ..config import Config

        ex = Extractor(Config(keep_text=settings["keep_text"], max_chars=settings["max_bytes"],
                              lang=settings["lang"]))
        _WORKER[key] = ex
    return ex


def _document(task: Task, max_bytes: int) -> Any:
    from ..ingest import document_from_json, load_path, load_text

    if task.kind == "error":
        raise InputError(task.payload)
    if task.kind == "obj":
        doc = document_from_json(task.payload, task.source)
    elif task.kind == "text":
        doc = load_text(task.payload, name=task.source)
    elif task.kind == "data":
        data, suffix = task.payload
        from ..ingest import HTML_SUFFIXES, html_to_document

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
    """Read and extract one task; never raises for a bad document (the record carries ``error``).

    Reading and extraction together get ``settings["doc_timeout"]`` seconds (E032 after that).
    """
    from ..output import flat_rows, to_jsonl_line
    from ..records import Extraction

    lang = None
    watch = _WORKER.get("watch")
    if watch is not None:
        watch.begin()
    limit = settings.get("doc_timeout")
    try:
        started = time.monotonic()
        with deadline(limit):
            doc = _document(task, settings["max_bytes"])
        lang = doc.lang
        if doc.encoding is None:
            doc.encoding = task.encoding
        doc.warnings = list(task.warnings) + list(doc.warnings)
        ex = _extractor(settings)
        ex.nlp(_lang_of(doc, settings["lang"]))  # the pipeline is built once per process, outside the limit
        with deadline(max(0.001, limit - (time.monotonic() - started)) if limit else None, limit):
            rec = ex.extract_document(doc, doc_id=task.doc_id, lang=settings["lang"])
        if rec.doc_id != task.doc_id:  # pragma: no cover - the API keeps caller ids
            rec = rec.model_copy(update={"doc_id": task.doc_id})
    except Exception as exc:  # noqa: BLE001 - batch mode degrades per document
        msg = (str(exc) if isinstance(exc, (InputError, ConfigError))
               else E.E030.format(reason=f"{type(exc).__name__}: {exc}"))
        lang = settings["lang"] or lang
        rec = Extraction(doc_id=task.doc_id, lang=lang if lang in ("en", "zh") else "en", error=msg,
                         warnings=list(task.warnings))
    finally:
        if watch is not None:
            watch.end()
    rows = flat_rows(rec) if settings["rows"] else None
    return Result(rec.doc_id, to_jsonl_line(rec), len(rec.deals), rec.error, rows)


def _lang_of(doc: Any, forced: str | None) -> str:
    from ..api import detect_lang

    return forced or (doc.lang if doc.lang in ("en", "zh") else None) or detect_lang(doc.text)


def _process_chunk(chunk: list[Task], settings: dict[str, Any]) -> list[Result]:
    return [process_task(t, settings) for t in chunk]


def _pool_init(settings: dict[str, Any], parent_pid: int) -> None:
    # the parent handles Ctrl-C and shuts the pool down; workers must not print tracebacks of their own.
    # SIGTERM gets its default action back (the parent's clean-exit handler is inherited through fork).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    exit_with_parent(parent_pid)
    _WORKER["watch"] = Watch(parent_pid, settings.get("doc_timeout"))
    ex = _extractor(settings)
    # both pipelines now, not inside the first document of each language (the watch times documents)
    for lang in [settings["lang"]] if settings["lang"] else ["en", "zh"]:
        ex.nlp(lang)
    # what the worker keeps to its end (the modules, both pipelines) out of the garbage collector's walks: a full
    # collection walked all of it (0.15–0.37 s each, about once per 1,500 articles), now only what articles allocate
    gc.freeze()


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


def _died(chunk: list[Task], reason: str, settings: dict[str, Any], timed_out: bool = False) -> list[Result]:
    if timed_out:  # its worker was stopped by the watch thread: the document is the slow one
        msg = E.E032.format(seconds=settings["doc_timeout"]) + "; its worker process was stopped"
    else:
        msg = E.E031.format(reason=reason)
    return [process_task(err_task(t.doc_id, msg, t.source)._replace(warnings=t.warnings), settings)
            for t in chunk]


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
        return ProcessPoolExecutor(max_workers=workers, initializer=_pool_init, initargs=(settings, os.getpid()))

    pool = new_pool()
    window = workers * 4  # chunks in flight: keeps workers busy, bounds memory, keeps output streaming
    pending: deque = deque()
    chunks = _chunks(tasks, opts.chunk_size or LOCAL_CHUNK)
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
                started = time.monotonic()
                try:
                    yield from pool.submit(_pool_chunk, [task], settings).result()
                except BrokenProcessPool as exc:
                    limit = settings.get("doc_timeout")
                    slow = bool(limit) and time.monotonic() - started >= (limit or 0)
                    yield from _died([task], str(exc) or type(exc).__name__, settings, timed_out=slow)
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = new_pool()
            pending = deque((c, pool.submit(_pool_chunk, c, settings)) for c, _ in pending)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _dask_chunk(chunk: list[Task], settings: dict[str, Any]) -> list[Result]:
    from .. import _spacy_import

    # a worker that has not imported spaCy yet imports it without spaCy's own command line (requests, httpx,
    # jinja2 …: ~13 MB of a worker's memory; nothing when spaCy is imported already)
    _spacy_import.install()
    try:
        return _process_chunk(chunk, settings)
    finally:
        _spacy_import.uninstall()


#: Dask settings of the LocalCluster the engine starts: no statistical profiler in the workers (it samples the
#: working thread's stack every 10 ms and keeps the samples: ~15 MB and several per cent of a worker's CPU)
DASK_CONFIG = {"distributed.worker.profile.enabled": False}


def local_cluster(workers: int) -> Any:
    """The ``LocalCluster`` that ``--engine dask`` without ``--scheduler`` starts: ``workers`` processes of one
    thread (the configuration of :data:`DASK_CONFIG`; close it when done)."""
    import dask
    from distributed import LocalCluster

    with dask.config.set(DASK_CONFIG):  # (each worker process starts with the configuration of this moment)
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)


def _iter_dask(tasks: Iterable[Task], opts: BatchOptions, settings: dict[str, Any]) -> Iterator[Result]:
    try:
        from distributed import Client
    except ImportError as exc:
        raise UsageError(E.E048.format(message="the dask engine needs the 'dask' extra"),
                         hint="pip install 'newsextract[dask]'") from exc
    cluster = None
    if opts.scheduler:
        client = Client(opts.scheduler)
    else:
        cluster = local_cluster(opts.workers or os.cpu_count() or 1)
        client = Client(cluster)
    try:
        nworkers = max(1, len(client.scheduler_info().get("workers", {})) or (opts.workers or 1))
        window = nworkers * 4
        pending: deque = deque()
        chunks = _chunks(tasks, opts.chunk_size or DASK_CHUNK)
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
    raise UsageError(E.E040.format(name="--engine", value=opts.engine, expected="local or dask"))


# ------------------------------------------------------------------------------------------------ dask.bag
def _bag_item_task(item: Any, index: int) -> Task:
    if isinstance(item, Task):
        return item
    if isinstance(item, str):
        return Task(f"#{index}", "text", item, f"item {index}")
    if isinstance(item, dict):
        return Task(json_id(item) or f"#{index}", "obj", item, f"item {index}")
    return err_task(f"#{index}", E.E022.format(path=f"item {index}", type=type(item).__name__), f"item {index}")


def _bag_partition(items: Iterable[Any], settings: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for i, item in enumerate(items):
        res = process_task(_bag_item_task(item, i), settings)
        out.append(json.loads(res.line))
    return out


def _jsonl_partition(lines: Iterable[Any], settings: dict[str, Any]) -> list[dict[str, Any]]:
    """One JSONL file (a partition of ``read_text(..., blocksize=None, include_path=True)``)."""
    out: list[dict[str, Any]] = []
    pairs = list(lines)
    if not pairs:
        return out
    path = str(pairs[0][1])
    stem = Path(path.split("://")[-1]).stem
    raw = [line.encode("utf-8") for line, _p in pairs]
    for task in jsonl_tasks(raw, stem, path, settings["max_bytes"]):
        out.append(json.loads(process_task(task, settings).line))
    return out


def extract_bag(source: Any, *, keep_text: bool = False, max_bytes: int = DEFAULT_MAX_BYTES,
                lang: str | None = None, npartitions: int | None = None,
                doc_timeout: float | None = DOC_TIMEOUT) -> Any:
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

    settings = {"keep_text": keep_text, "max_bytes": max_bytes, "lang": lang, "rows": False,
                "doc_timeout": doc_timeout}
    if isinstance(source, db.Bag):
        return source.map_partitions(_bag_partition, settings)
    specs = [str(source)] if isinstance(source, (str, Path)) else [str(s) for s in source]
    if specs and all(s.lower().endswith(".jsonl") for s in specs):
        lines = db.read_text(specs, blocksize=None, include_path=True)
        return lines.map_partitions(_jsonl_partition, settings)
    tasks = list(discover(specs, max_bytes=max_bytes, read_files=True))
    parts = npartitions or max(1, min(len(tasks), 64))
    return db.from_sequence(tasks, npartitions=parts).map_partitions(_bag_partition, settings)
