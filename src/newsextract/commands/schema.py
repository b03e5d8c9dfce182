"""`newsextract schema`: print the JSON Schema of the records."""

from __future__ import annotations

import json
from typing import Annotated

import typer

RECORDS = ("Extraction", "Deal", "Money", "Party", "Royalty", "Evidence")


def register(app: typer.Typer) -> None:
    @app.command("schema")
    def schema(
        record: Annotated[str, typer.Option("--record", help=", ".join(RECORDS))] = "Extraction",
    ) -> None:
        """Print the JSON Schema of the output records (the record contract: docs/records.md)."""
        from .. import records
        from ..errors import E
        from ._common import usage

        model = getattr(records, record, None) if record in RECORDS else None
        if model is None:
            usage(E.E040.format(name="--record", value=record, expected=", ".join(RECORDS)),
                  hint="for example --record Deal")
        typer.echo(json.dumps(model.model_json_schema(mode="serialization"), indent=2, ensure_ascii=False))
