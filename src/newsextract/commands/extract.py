"""`newsextract extract FILE|-`: deals of one article."""

from __future__ import annotations

import sys
from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("extract")
    def extract_cmd(
        path: str = typer.Argument(..., help="Article file (.txt, .html, .json) or - for standard input"),
        fmt: str = typer.Option("json", "--format", "-f", help="json | jsonl | table"),
        lang: str = typer.Option(None, "--lang", help="en | zh (default: detect)"),
        published: str = typer.Option(None, "--published", help="publication date, for relative dates"),
        keep_text: bool = typer.Option(False, "--keep-text", help="store the plain text in the record"),
    ) -> None:
        """Extract the deals of one article and print them."""
        from ..api import Extractor
        from ..errors import InputError
        from ..ingest import load_path, load_text
        from ..output import table, to_json, to_jsonl_line

        if fmt not in ("json", "jsonl", "table"):
            typer.echo(f"error: unknown format {fmt!r} (json, jsonl, table)", err=True)
            raise typer.Exit(2)
        try:
            if path == "-":
                art = load_text(sys.stdin.buffer.read(), name="stdin")
            else:
                p = Path(path)
                if not p.is_file():
                    typer.echo(f"error: no such file: {path}", err=True)
                    raise typer.Exit(2)
                art = load_path(p)
            rec = Extractor(keep_text=keep_text).extract(
                art.text, lang=lang or art.lang, doc_id=art.doc_id, published=published or art.published,
                title=art.title,
            )
        except InputError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from None
        except typer.Exit:
            raise
        except Exception as exc:  # noqa: BLE001 - a bug must still end in a clear message
            from ..errors import E

            typer.echo("error: " + E.E030.format(reason=f"{type(exc).__name__}: {exc}"), err=True)
            raise typer.Exit(1) from None
        if fmt == "json":
            typer.echo(to_json(rec))
        elif fmt == "jsonl":
            sys.stdout.write(to_jsonl_line(rec))
        else:
            typer.echo(table([rec]))
