"""`newsextract batch INPUT... -o OUT.jsonl`: many articles, one JSON line each, in order, resumable."""

from __future__ import annotations

import signal
from pathlib import Path
from typing import Annotated, Optional

import typer


def register(app: typer.Typer) -> None:
    @app.command("batch")
    def batch_cmd(
        inputs: Annotated[list[str], typer.Argument(
            help="Directories (recursive), globs, .txt/.md/.html/.htm/.json/.jsonl files, or - (JSONL on stdin)")],
        output: Annotated[Path, typer.Option("--output", "-o", help="Output JSON-lines file, one record per input")],
        workers: Annotated[Optional[int], typer.Option(  # noqa: UP045 - typer needs Optional on 3.10
            "--workers", "-w", help="Worker processes (default: all cores)")] = None,
        resume: Annotated[bool, typer.Option("--resume", help="Keep OUT, skip the doc_ids it already has")] = False,
        csv_path: Annotated[Optional[Path], typer.Option(  # noqa: UP045
            "--csv", help="Also write one flat row per deal to this CSV file "
                      "(and approvals.csv, figures.csv beside it)")] = None,
        keep_text: Annotated[bool, typer.Option(
            "--keep-text", help="Store the plain text (evidence offsets index it)")] = False,
        max_bytes: Annotated[int, typer.Option(
            "--max-bytes", help="Inputs (file, JSON line) larger than this give an error record")] = 2_000_000,
        lang: Annotated[Optional[str], typer.Option(  # noqa: UP045
            "--lang", help="en | zh (default: detect per article)")] = None,
        quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar")] = False,
        engine: Annotated[str, typer.Option("--engine", help="local (process pool) | dask")] = "local",
        scheduler: Annotated[Optional[str], typer.Option(  # noqa: UP045
            "--scheduler", help="Dask scheduler address (default: a LocalCluster)")] = None,
        ledger: Annotated[Optional[str], typer.Option(  # noqa: UP045
            "--ledger", help="Also ingest the records into this deal ledger as they are written (file or URL)")] = None,
    ) -> None:
        """Extract deals from many articles into JSON lines.

        Every input gives exactly one line (a record, or an error record with `error` set), in input order.
        Exit code: 0 all succeeded, 1 some error records were written, 2 usage error.
        """
        from ..batch import BatchOptions, UsageError, run_batch

        if lang not in (None, "en", "zh"):
            typer.echo(f"error: unknown language {lang!r} (en, zh)", err=True)
            raise typer.Exit(2)
        opts = BatchOptions(workers=workers, resume=resume, keep_text=keep_text, max_bytes=max_bytes,
                            csv_path=csv_path, quiet=quiet, engine=engine, scheduler=scheduler, lang=lang)

        def on_term(signum: int, _frame: object) -> None:
            # unwind normally: the pool is shut down and the output closed (every line written is whole)
            raise SystemExit(128 + signum)

        previous = signal.signal(signal.SIGTERM, on_term)
        # --- ledger (newsextract.ledger.follow): a thread ingests the output lines as the batch writes them
        follower = None
        if ledger is not None:
            from ..ledger.follow import Follower

            follower = Follower(ledger, output).start()
        try:
            summary = run_batch(inputs, output, opts)
        except UsageError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from None
        except KeyboardInterrupt:
            typer.echo(f"interrupted: {output} holds complete lines; run again with --resume", err=True)
            raise typer.Exit(130) from None
        finally:
            signal.signal(signal.SIGTERM, previous)
            if follower is not None:
                typer.echo(follower.stop().line(), err=True)
        # --- end ledger
        typer.echo(summary.line(), err=True)
        raise typer.Exit(summary.exit_code)
