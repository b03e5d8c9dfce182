"""Inputs → tasks: directories, globs, files, JSON lines and stdin, each input exactly one task."""

from __future__ import annotations

import glob
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from ..errors import E, InputError
from .types import DEFAULT_MAX_BYTES, SUFFIXES, Task, UsageError

_HINT_INPUTS = "give directories, files, quoted globs ('feeds/*.jsonl') or - for JSON lines on standard input"


def _rel_id(path: Path, root: Path, keep_suffix: bool = False) -> str:
    try:  # absolute, not resolved: a symlinked article keeps its own name
        rel = Path(os.path.abspath(path)).relative_to(os.path.abspath(root))
    except ValueError:
        rel = Path(path.name)
    return rel.as_posix() if keep_suffix else rel.with_suffix("").as_posix()


def _file_ids(pairs: list[tuple[Path | None, Path]]) -> dict[tuple[Path, Path], str]:
    """The doc_id of each input file: its path under its root without the extension, or with it when two files
    would otherwise share an id (``a/x.txt`` and ``a/x.html`` are ``a/x.txt`` and ``a/x.html``)."""
    plain: dict[tuple[Path, Path], str] = {(f, r): _rel_id(f, r) for f, r in pairs if f is not None}
    count = Counter(plain.values())
    return {key: _rel_id(*key, keep_suffix=True) if count[rid] > 1 else rid for key, rid in plain.items()}


class _UniqueIds:
    """Keeps doc_ids unique within a run: a repeated id becomes ``<id>~2``, ``<id>~3`` … with a warning on its
    record (deterministic, so that ``--resume`` finds the same ids again)."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def __call__(self, task: Task) -> Task:
        doc_id = task.doc_id
        if doc_id not in self.used:
            self.used.add(doc_id)
            return task
        n = 2
        while f"{doc_id}~{n}" in self.used:
            n += 1
        new = f"{doc_id}~{n}"
        self.used.add(new)
        note = f"doc_id {doc_id!r} occurs more than once in this run: this record is {new!r}"
        return task._replace(doc_id=new, warnings=(*task.warnings, note))


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
        raise UsageError(E.E048.format(message="no input given"), hint=_HINT_INPUTS)
    if list(specs).count("-") > 1:
        raise UsageError(E.E048.format(message="'-' (standard input) given more than once"),
                         hint="read standard input once; name files for the rest")
    for spec in specs:
        if spec == "-":
            out.append((None, Path("-")))
            continue
        p = Path(spec)
        if p.is_dir():
            found = _walk(p)
            if not found:
                raise UsageError(E.E045.format(spec=spec),
                                 hint=f"the folder is searched for {', '.join(SUFFIXES)} files; hidden files are "
                                      "skipped")
            out += [(f, p) for f in found]
        elif p.exists():
            out.append((p, p.parent))
        elif glob.has_magic(spec):
            root = _glob_root(spec)
            before = len(out)
            for m in map(Path, sorted(glob.glob(spec, recursive=True))):
                if m.is_dir():
                    out += [(f, root) for f in _walk(m)]
                elif m.name.lower().endswith(SUFFIXES):
                    out.append((m, root))
            if len(out) == before:
                raise UsageError(E.E045.format(spec=repr(spec)),
                                 hint=f"no {', '.join(SUFFIXES)} file matches; quote the pattern so that the shell "
                                      "does not expand it")
        else:
            raise UsageError(E.E041.format(path=spec), hint=_HINT_INPUTS)
    return out


def err_task(doc_id: str, message: str, source: str) -> Task:
    return Task(doc_id, "error", message, source)


def jsonl_tasks(lines: Iterable[bytes], stem: str, source: str, max_bytes: int) -> Iterator[Task]:
    for lineno, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        where = f"{source}:{lineno}"
        fallback = f"{stem}:{lineno}"
        if len(raw) > max_bytes:
            yield err_task(fallback, E.E024.format(path=f"line {lineno} of {source}", size=len(raw),
                                                    limit=max_bytes), where)
            continue
        try:
            text = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield err_task(fallback, E.E004.format(path=f"line {lineno} of {source}", reason=exc.reason), where)
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            yield err_task(fallback, E.E020.format(line=lineno, path=source, reason=exc.msg), where)
            continue
        doc_id = json_id(obj) or fallback
        yield Task(doc_id, "obj", obj, where)


def json_id(obj: Any) -> str | None:
    if isinstance(obj, dict) and obj.get("id") not in (None, ""):
        from ..ingest.document import scrub

        return scrub(str(obj["id"]))
    return None


def discover(specs: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: IO[bytes] | None = None,
             read_files: bool = False, exclude: Iterable[Path] = ()) -> Iterator[Task]:
    """The tasks of the inputs, lazily and in order (usage errors are raised before the first task).

    JSON and JSON-lines files are parsed here (their ids are needed to resume); text and HTML files are read by
    the worker (``read_files=True`` reads them here and ships the bytes: for a cluster without a shared disk).
    """
    pairs = expand_inputs(specs, exclude)
    ids = _file_ids(pairs)
    unique = _UniqueIds()

    def gen() -> Iterator[Task]:
        for task in _tasks(pairs, ids, max_bytes, stdin, read_files):
            yield unique(task)

    return gen()


def _tasks(pairs: list[tuple[Path | None, Path]], ids: dict[tuple[Path, Path], str], max_bytes: int,
           stdin: IO[bytes] | None, read_files: bool) -> Iterator[Task]:
    for path, root in pairs:
        if path is None:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from jsonl_tasks(stream, "stdin", "stdin", max_bytes)
            continue
        doc_id = ids[(path, root)]
        suffix = path.suffix.lower()
        source = str(path)
        try:
            size = path.stat().st_size
        except OSError as exc:
            yield err_task(doc_id, E.E021.format(path=path, reason=exc.strerror or exc), source)
            continue
        if suffix == ".jsonl":
            try:
                with open(path, "rb") as fh:
                    yield from jsonl_tasks(fh, doc_id, source, max_bytes)
            except OSError as exc:
                yield err_task(doc_id, E.E021.format(path=path, reason=exc.strerror or exc), source)
            continue
        if size > max_bytes:
            yield err_task(doc_id, E.E024.format(path=path, size=size, limit=max_bytes), source)
            continue
        if suffix == ".json" or read_files:
            try:
                data = path.read_bytes()
            except OSError as exc:
                yield err_task(doc_id, E.E021.format(path=path, reason=exc.strerror or exc), source)
                continue
            if suffix != ".json":
                yield Task(doc_id, "data", (data, suffix), source)
                continue
            try:
                from ..ingest import decode

                decoded = decode(data, source)
                obj = json.loads(decoded.text)
            except InputError as exc:
                yield err_task(doc_id, str(exc), source)
                continue
            except json.JSONDecodeError as exc:
                yield err_task(doc_id, E.E020.format(line=exc.lineno, path=path, reason=exc.msg), source)
                continue
            # an article object's text is Unicode already: the file's encoding is not the article's (as for
            # JSON lines and objects given to Extractor.pipe), but a guess in reading the file is worth a warning
            yield Task(json_id(obj) or doc_id, "obj", obj, source, None, tuple(decoded.warnings))
            continue
        yield Task(doc_id, "file", source, source)


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
