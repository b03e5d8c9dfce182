"""`newsextract check CORPUS [IDS...] [--update]`: compare current output with the reviewed snapshots."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    @app.command("check")
    def check_cmd(
        corpus: Annotated[Path, typer.Argument(metavar="CORPUS",
                                               help="Corpus folder (gold files are searched recursively)")],
        ids: Annotated[list[str] | None, typer.Argument(help="Article ids to check (default: all)")] = None,
        update: Annotated[bool, typer.Option("--update/--no-update",
                                             help="rewrite the snapshots of the named (or all) articles")] = False,
        snapshots: Annotated[Path | None, typer.Option("--snapshots", help="snapshot folder (default: CORPUS/snapshots)")] = None,
    ) -> None:
        """Extract every corpus article and diff it against its snapshot; exit 1 on any change."""
        from ..errors import E
        from ..quality.snapshots import check_corpus
        from ._common import usage

        if not corpus.exists():
            usage(E.E041.format(path=corpus), hint="give the corpus folder, e.g. newsextract check corpus")
        try:
            res = check_corpus(corpus, ids or None, update=update, snapshots=snapshots)
        except FileNotFoundError as exc:
            usage(E.E048.format(message=str(exc)), hint="give corpus ids such as en-001 (see corpus/README.md)")
        if res.checked == 0:
            usage(E.E045.format(spec=corpus), hint="corpus articles are <lang>/<id>.txt beside <id>.gold.json")
        typer.echo(res.report())
        if not res.ok and not update:
            raise typer.Exit(1)
