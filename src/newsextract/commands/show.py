"""`newsextract show ARTICLE [--html OUT.html]`: see the evidence of every extracted field."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def _resolve(article: str) -> Path | None:
    p = Path(article)
    if p.is_file():
        return p
    # a corpus id such as en-001
    for cand in sorted(Path("corpus").glob(f"*/{article}.txt")):
        return cand
    return None


def register(app: typer.Typer) -> None:
    @app.command("show")
    def show_cmd(
        article: Annotated[str, typer.Argument(metavar="ARTICLE",
                                               help="Article text file, or a corpus id such as en-001")],
        html: Annotated[Path | None, typer.Option("--html", help="write a self-contained HTML page here")] = None,
        lang: Annotated[str | None, typer.Option("--lang", help="en | zh (default: gold beside the file, else detect)")] = None,
    ) -> None:
        """Highlight the evidence spans of every deal (HTML), or list them (terminal)."""
        from ..errors import E, InputError
        from ..output import table
        from ..quality.show import show_file
        from ._common import check_lang, doc_failed, usage, writable

        path = _resolve(article)
        if path is None:
            if Path(article).is_dir():
                usage(E.E044.format(path=article), hint="show reads one article file or a corpus id such as en-001")
            usage(E.E041.format(path=article), hint="give an article file, or a corpus id such as en-001")
        check_lang(lang)
        if html is not None:
            writable(html)
        out = html if html is not None else Path("/dev/null")
        try:
            rec = show_file(path, out, lang=lang)
        except InputError as exc:
            doc_failed(str(exc))
        except OSError as exc:
            usage(E.E047.format(path=out, reason=exc.strerror or exc), hint="check that the folder is writable")
        if html is not None:
            typer.echo(f"{html}: {len(rec.deals)} deal(s), "
                       f"{sum(len(d.evidence) for d in rec.deals)} evidence span(s)")
        else:
            typer.echo(table([rec]))
            for i, d in enumerate(rec.deals):
                for e in d.evidence:
                    typer.echo(f"deal {i + 1} {e.field:<12} {e.start:>6}-{e.end:<6} {e.text!r}"
                               + (f" [{e.rule}]" if e.rule else ""))
        if rec.error:
            typer.echo(f"error: {rec.error}", err=True)
            raise typer.Exit(1)
