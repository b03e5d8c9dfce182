"""`newsextract table RECORDS.jsonl`: a readable table of the deals in a JSON-lines file of records."""

from __future__ import annotations

import json
from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("table")
    def table_cmd(path: Path = typer.Argument(..., help="JSON lines of Extraction records (newsextract batch output)")) -> None:  # noqa: B008
        """Print the deals of a records file as a table, with a count line."""
        from ..output import table
        from ..records import Extraction

        if not path.is_file():
            typer.echo(f"error: no such file: {path}", err=True)
            raise typer.Exit(2)
        recs = []
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        recs.append(Extraction.model_validate(json.loads(line)))
                    except ValueError as exc:
                        typer.echo(f"error: line {n} of {path} is not a record: {exc}", err=True)
                        raise typer.Exit(1) from None
        typer.echo(table(recs))
        deals = sum(len(r.deals) for r in recs)
        errors = sum(1 for r in recs if r.error)
        typer.echo(f"\n{len(recs)} articles, {deals} deals, {errors} errors")
