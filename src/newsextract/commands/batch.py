"""`newsextract batch INPUT... -o OUT.jsonl`: many articles, one JSON line each, in order, resumable."""

from __future__ import annotations

import signal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from ..config import DOC_TIMEOUT, MAX_BYTES

if TYPE_CHECKING:
    from ..batch import BatchOptions, BatchSummary


def register(app: typer.Typer) -> None:
    @app.command("batch")
    def batch_cmd(
        inputs: Annotated[list[str], typer.Argument(
            metavar="INPUT...",
            help="Directories (recursive), globs, .txt/.md/.html/.htm/.json/.jsonl files, or - (JSONL on stdin)")],
        output: Annotated[Optional[Path], typer.Option(  # noqa: UP045
            "--output", "-o", help="Output JSON-lines file, one record per input")] = None,
        workers: Annotated[Optional[int], typer.Option(  # noqa: UP045 - typer needs Optional on 3.10
            "--workers", "-w", help="Worker processes (default: all cores)")] = None,
        resume: Annotated[bool, typer.Option(
            "--resume/--no-resume", help="Keep OUT, skip the doc_ids it already has")] = False,
        force: Annotated[bool, typer.Option(
            "--force/--no-force", help="Overwrite OUT (and the CSV) when they exist")] = False,
        csv_path: Annotated[Optional[Path], typer.Option(  # noqa: UP045
            "--csv", help="Also write one flat row per deal to this CSV file "
                      "(and approvals.csv, figures.csv beside it)")] = None,
        keep_text: Annotated[bool, typer.Option(
            "--keep-text/--no-keep-text", help="Store the plain text (evidence offsets index it)")] = False,
        max_bytes: Annotated[int, typer.Option(
            "--max-bytes", help="Inputs (file, JSON line) larger than this give an error record (E024)")] = MAX_BYTES,
        doc_timeout: Annotated[float, typer.Option(
            "--doc-timeout", help="Seconds one article may take (0: no limit); longer gives an error record "
                                  "(E032) and the run goes on")] = DOC_TIMEOUT,
        lang: Annotated[Optional[str], typer.Option(  # noqa: UP045
            "--lang", help="en | zh (default: detect per article)")] = None,
        quiet: Annotated[bool, typer.Option("--quiet/--no-quiet", "-q", help="No progress bar")] = False,
        engine: Annotated[str, typer.Option("--engine", help="local (process pool) | dask")] = "local",
        scheduler: Annotated[Optional[str], typer.Option(  # noqa: UP045
            "--scheduler", help="Dask scheduler address (default: a LocalCluster)")] = None,
        ledger: Annotated[Optional[str], typer.Option(  # noqa: UP045
            "--ledger", help="Also ingest the records into this deal ledger as they are written (file or URL)")] = None,
    ) -> None:
        """Extract deals from many articles into JSON lines.

        Every input gives exactly one line (a record, or an error record with `error` set), in input order.
        An existing OUT is refused unless --resume (continue it) or --force (overwrite it).
        Exit code: 0 all succeeded, 1 some error records were written, 2 usage error.
        """
        output, opts = _options(output, csv_path, workers=workers, resume=resume, keep_text=keep_text,
                                max_bytes=max_bytes, quiet=quiet, engine=engine, scheduler=scheduler, lang=lang,
                                doc_timeout=doc_timeout, force=force)
        summary = _run(inputs, output, opts, ledger)
        typer.echo(summary.line(), err=True)
        raise typer.Exit(summary.exit_code)


def _options(output: Path | None, csv_path: Path | None, doc_timeout: float, **kw: Any) -> tuple[Path, BatchOptions]:
    """The output file and the batch options of the command line, after the usage checks (an output file,
    writable paths)."""
    from ..batch import BatchOptions
    from ..errors import E
    from ._common import timeout, usage, writable

    if output is None:
        usage(E.E048.format(message="no output file"), hint="add -o out.jsonl")
    writable(output)
    if csv_path is not None:
        writable(csv_path)
    return output, BatchOptions(csv_path=csv_path, doc_timeout=timeout(doc_timeout), **kw)


def _run(inputs: list[str], output: Path, opts: BatchOptions, ledger: str | None) -> BatchSummary:
    """Run the batch; SIGTERM and Ctrl-C unwind it cleanly (every line written is whole), and with ``ledger`` a
    thread ingests the output lines into the deal ledger as the batch writes them."""
    from ..batch import UsageError, run_batch
    from ._common import fail

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
        return run_batch(inputs, output, opts)
    except UsageError as exc:
        fail(exc)
    except KeyboardInterrupt:
        typer.echo(f"interrupted: {output} holds complete lines; run again with --resume", err=True)
        raise typer.Exit(130) from None
    finally:
        signal.signal(signal.SIGTERM, previous)
        if follower is not None:
            typer.echo(follower.stop().line(), err=True)
    # --- end ledger
