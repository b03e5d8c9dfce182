"""`newsextract schema`: print the JSON Schema of the records."""

from __future__ import annotations

import json

import typer


def register(app: typer.Typer) -> None:
    @app.command("schema")
    def schema(
        record: str = typer.Option("Extraction", "--record", help="Extraction, Deal, Money, Party, Royalty or Evidence"),
    ) -> None:
        """Print the JSON Schema of the output records."""
        from .. import records

        model = getattr(records, record, None)
        if model is None or not hasattr(model, "model_json_schema"):
            typer.echo(f"unknown record {record!r}", err=True)
            raise typer.Exit(2)
        typer.echo(json.dumps(model.model_json_schema(mode="serialization"), indent=2, ensure_ascii=False))
