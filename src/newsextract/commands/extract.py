"""`newsextract extract FILE|-`: deals of one article."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ..config import DOC_TIMEOUT, MAX_BYTES

if TYPE_CHECKING:
    from ..batch.types import Task
    from ..records import Extraction


def register(app: typer.Typer) -> None:
    @app.command("extract")
    def extract_cmd(
        path: Annotated[str, typer.Argument(metavar="FILE",
                                            help="Article file (.txt, .md, .html, .json) or - for standard input")],
        fmt: Annotated[str, typer.Option("--format", "-f", help="json | jsonl | table")] = "json",
        lang: Annotated[Optional[str], typer.Option("--lang", help="en | zh (default: detect)")] = None,  # noqa: UP045
        published: Annotated[Optional[str], typer.Option(  # noqa: UP045
            "--published", help="publication date YYYY-MM-DD, for relative dates")] = None,
        keep_text: Annotated[bool, typer.Option(
            "--keep-text/--no-keep-text", help="store the plain text (evidence offsets index it) in the record")] = False,
        max_bytes: Annotated[int, typer.Option(
            "--max-bytes", help="a larger file (or extracted text) is refused: E024")] = MAX_BYTES,
        doc_timeout: Annotated[float, typer.Option(
            "--doc-timeout", help="seconds the article may take (0: no limit); longer is E032")] = DOC_TIMEOUT,
    ) -> None:
        """Extract the deals of one article and print them.

        Exit code: 0 done, 1 the article could not be processed (error on stderr), 2 usage error.
        """
        published, limit = _check(path, fmt, lang, published, max_bytes, doc_timeout)
        rec = _extract(path, lang, published, keep_text, max_bytes, limit)
        _print(rec, fmt)


def _check(path: str, fmt: str, lang: str | None, published: str | None, max_bytes: int,
           doc_timeout: float) -> tuple[str | None, float | None]:
    """The usage checks of the options; the publication date as ISO and the time limit in seconds (or None)."""
    from ..config import check_positive
    from ..errors import ConfigError, E
    from ._common import check_lang, date_option, existing_file, fail, timeout, usage

    if fmt not in ("json", "jsonl", "table"):
        usage(E.E040.format(name="--format", value=fmt, expected="json, jsonl or table"),
              hint="for example --format table")
    check_lang(lang)
    published = date_option(published, "--published")
    try:
        check_positive("--max-bytes", max_bytes)
    except ConfigError as exc:
        fail(exc)
    limit = timeout(doc_timeout)
    if path != "-":
        existing_file(Path(path), "an article file, or - for standard input",
                      hint="extract reads one article; for a folder use: newsextract batch DIR -o out.jsonl")
    return published, limit


def _task(path: str, max_bytes: int) -> Task:
    """The article to read: a file, or standard input (E024 when it is larger than ``max_bytes``)."""
    from ..batch.types import Task
    from ..errors import E, InputError

    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(E.E024.format(path="standard input", size=f"more than {max_bytes}",
                                           limit=max_bytes))
        return Task("", "data", (data, ""), "stdin")
    return Task("", "file", path, path)


def _extract(path: str, lang: str | None, published: str | None, keep_text: bool, max_bytes: int,
             limit: float | None) -> Extraction:
    """The record of the article, read and extracted within ``limit`` seconds; a document that fails ends the
    command with exit code 1."""
    from .. import _gcpause
    from ..api import Extractor
    from ..batch.engines import _document, _lang_of
    from ..deadline import deadline
    from ..errors import E, InputError
    from ._common import doc_failed

    try:
        started = time.monotonic()
        with deadline(limit):
            doc = _document(_task(path, max_bytes), max_bytes)
        if published:
            doc.published = published
        ex = Extractor(keep_text=keep_text)
        ex.nlp(_lang_of(doc, lang))  # loading the pipeline is not the article's time
        _gcpause.resume()  # (paused by cli.main while the command started)
        with deadline(max(0.001, limit - (time.monotonic() - started)) if limit else None, limit):
            return ex.extract_document(doc, lang=lang)
    except InputError as exc:
        doc_failed(str(exc))
    except Exception as exc:  # noqa: BLE001 - a bug must still end in a clear message
        doc_failed(E.E030.format(reason=f"{type(exc).__name__}: {exc}"))


def _print(rec: Extraction, fmt: str) -> None:
    from ..output import table, to_json, to_jsonl_line

    if fmt == "json":
        typer.echo(to_json(rec))
    elif fmt == "jsonl":
        sys.stdout.write(to_jsonl_line(rec))
    else:
        typer.echo(table([rec]))
