"""`newsextract extract FILE|-`: deals of one article."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..config import DOC_TIMEOUT, MAX_BYTES


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
        from ..api import Extractor
        from ..batch.engines import _document, _lang_of
        from ..batch.types import Task
        from ..config import check_positive
        from ..deadline import deadline
        from ..errors import ConfigError, E, InputError
        from ..output import table, to_json, to_jsonl_line
        from ._common import check_lang, date_option, doc_failed, existing_file, fail, timeout, usage

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
        try:
            started = time.monotonic()
            with deadline(limit):
                if path == "-":
                    data = sys.stdin.buffer.read(max_bytes + 1)
                    if len(data) > max_bytes:
                        raise InputError(E.E024.format(path="standard input", size=f"more than {max_bytes}",
                                                       limit=max_bytes))
                    task = Task("", "data", (data, ""), "stdin")
                else:
                    task = Task("", "file", path, path)
                doc = _document(task, max_bytes)
            if published:
                doc.published = published
            ex = Extractor(keep_text=keep_text)
            ex.nlp(_lang_of(doc, lang))  # loading the pipeline is not the article's time
            with deadline(max(0.001, limit - (time.monotonic() - started)) if limit else None, limit):
                rec = ex.extract_document(doc, lang=lang)
        except InputError as exc:
            doc_failed(str(exc))
        except Exception as exc:  # noqa: BLE001 - a bug must still end in a clear message
            doc_failed(E.E030.format(reason=f"{type(exc).__name__}: {exc}"))
        if fmt == "json":
            typer.echo(to_json(rec))
        elif fmt == "jsonl":
            sys.stdout.write(to_jsonl_line(rec))
        else:
            typer.echo(table([rec]))
