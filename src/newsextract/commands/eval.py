"""`newsextract eval CORPUS`: score the extractor against hand-made gold (``../shared/EVAL.md``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def eval_cmd(
        corpus: Annotated[Path, typer.Argument(metavar="CORPUS",
                                               help="Folder with gold files (searched recursively) or one gold file")],
        split: Annotated[str | None, typer.Option("--split", help="dev | test (articles without a split are skipped)")] = None,
        lang: Annotated[str | None, typer.Option("--lang", help="en | zh")] = None,
        as_json: Annotated[bool, typer.Option("--json/--no-json", help="print the scores as JSON")] = False,
        errors: Annotated[bool, typer.Option("--errors/--no-errors",
                                             help="list every FP and FN with its evidence span")] = False,
    ) -> None:
        """Per-field precision/recall/F1, micro-F1 and deal F1, by language and style."""
        from ..errors import E
        from ..quality.evaluate import evaluate, format_report
        from ._common import check_lang, usage

        if not corpus.exists():
            usage(E.E041.format(path=corpus), hint="give the corpus folder, e.g. newsextract eval corpus")
        if split not in (None, "dev", "test"):
            usage(E.E040.format(name="--split", value=split, expected="dev or test"), hint="for example --split test")
        check_lang(lang)
        report = evaluate(corpus, split=split, lang=lang)
        if not report.articles:
            usage(E.E045.format(spec=corpus), hint="gold files are <id>.gold.json beside <id>.txt; check --split "
                                                   "and --lang")
        if as_json:
            typer.echo(json.dumps(report.to_json(errors=errors), ensure_ascii=False, indent=2))
        else:
            typer.echo(format_report(report, errors=errors))
