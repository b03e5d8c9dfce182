"""`newsextract eval CORPUS`: score the extractor against hand-made gold (``../shared/EVAL.md``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def eval_cmd(
        corpus: Annotated[Path, typer.Argument(help="Folder with gold files (searched recursively) or one gold file")],
        split: Annotated[str | None, typer.Option("--split", help="dev | test (articles without a split are skipped)")] = None,
        lang: Annotated[str | None, typer.Option("--lang", help="en | zh")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="print the scores as JSON")] = False,
        errors: Annotated[bool, typer.Option("--errors", help="list every FP and FN with its evidence span")] = False,
    ) -> None:
        """Per-field precision/recall/F1, micro-F1 and deal F1, by language and style."""
        from ..quality.evaluate import evaluate, format_report

        if not corpus.exists():
            typer.echo(f"error: no such file or folder: {corpus}", err=True)
            raise typer.Exit(2)
        if split not in (None, "dev", "test"):
            typer.echo(f"error: unknown split {split!r} (dev, test)", err=True)
            raise typer.Exit(2)
        if lang not in (None, "en", "zh"):
            typer.echo(f"error: unknown language {lang!r} (en, zh)", err=True)
            raise typer.Exit(2)
        report = evaluate(corpus, split=split, lang=lang)
        if not report.articles:
            typer.echo("error: no gold articles found (check the folder, --split and --lang)", err=True)
            raise typer.Exit(2)
        if as_json:
            typer.echo(json.dumps(report.to_json(errors=errors), ensure_ascii=False, indent=2))
        else:
            typer.echo(format_report(report, errors=errors))
