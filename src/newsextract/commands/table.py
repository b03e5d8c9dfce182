"""`newsextract table RECORDS.jsonl`: a readable table of the deals in a JSON-lines file of records."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    @app.command("table")
    def table_cmd(path: Annotated[Path, typer.Argument(
            metavar="RECORDS", help="JSON lines of Extraction records (newsextract batch output)")]) -> None:
        """Print the deals of a records file as a table, with a count line."""
        from ..errors import E
        from ..output import table
        from ..records import Extraction
        from ._common import existing_file, usage

        existing_file(path, "a JSON-lines file written by newsextract batch",
                      hint="table reads one records file (newsextract batch ... -o out.jsonl)")
        recs = []
        with path.open(encoding="utf-8", errors="replace") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        recs.append(Extraction.model_validate(json.loads(line)))
                    except ValueError as exc:
                        reason = str(exc).splitlines()[0]
                        usage(E.E046.format(path=path, line=n, reason=reason),
                              hint="table reads the JSON lines newsextract batch writes")
        typer.echo(table(recs))
        deals = sum(len(r.deals) for r in recs)
        errors = sum(1 for r in recs if r.error)
        typer.echo(f"\n{len(recs)} articles, {deals} deals, {errors} errors")
