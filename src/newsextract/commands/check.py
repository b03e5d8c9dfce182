"""`newsextract check CORPUS [IDS...] [--update]`: compare current output with the reviewed snapshots."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    @app.command("check")
    def check_cmd(
        corpus: Annotated[Path, typer.Argument(help="Corpus folder (gold files are searched recursively)")],
        ids: Annotated[list[str] | None, typer.Argument(help="Article ids to check (default: all)")] = None,
        update: Annotated[bool, typer.Option("--update", help="rewrite the snapshots of the named (or all) articles")] = False,
        snapshots: Annotated[Path | None, typer.Option("--snapshots", help="snapshot folder (default: CORPUS/snapshots)")] = None,
    ) -> None:
        """Extract every corpus article and diff it against its snapshot; exit 1 on any change."""
        from ..quality.snapshots import check_corpus

        if not corpus.exists():
            typer.echo(f"error: no such file or folder: {corpus}", err=True)
            raise typer.Exit(2)
        try:
            res = check_corpus(corpus, ids or None, update=update, snapshots=snapshots)
        except FileNotFoundError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from None
        if res.checked == 0:
            typer.echo("error: no corpus articles found", err=True)
            raise typer.Exit(2)
        typer.echo(res.report())
        if not res.ok and not update:
            raise typer.Exit(1)
