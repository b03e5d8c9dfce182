"""`newsextract ledger …`: the deal ledger (add records, list and show deals, export, serve, score merging)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

ledger_app = typer.Typer(name="ledger", no_args_is_help=True, add_completion=False,
                         help="One database of deals across all articles: deduplicated, with sources and history.")

DbOpt = Annotated[str, typer.Option(
    "--db", envvar="NEWSEXTRACT_DB", help="SQLite file or database URL (postgresql+psycopg://…)")]


def _open(db: str, *, must_exist: bool = True):  # noqa: ANN202
    from ..ledger import Ledger, resolve_url

    url = resolve_url(db)
    if must_exist and url.startswith("sqlite:///") and not Path(url[len("sqlite:///"):]).exists():
        typer.echo(f"error: no ledger at {db} (create one with: newsextract ledger add RECORDS.jsonl --db {db})", err=True)
        raise typer.Exit(2)
    try:
        return Ledger(db)
    except Exception as exc:  # a URL that cannot be reached, a file that is not a ledger …
        typer.echo(f"error: cannot open ledger {db}: {exc}", err=True)
        raise typer.Exit(2) from None


def _date(s: str | None, opt: str) -> dt.date | None:
    if s is None:
        return None
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        typer.echo(f"error: {opt} wants a date like 2025-07-01, got {s!r}", err=True)
        raise typer.Exit(2) from None


def register(app: typer.Typer) -> None:
    app.add_typer(ledger_app, name="ledger")


@ledger_app.command("add")
def add_cmd(files: Annotated[list[str], typer.Argument(help="JSON-lines record files (newsextract batch output); - for stdin")],
            db: DbOpt = "deals.db") -> None:
    """Ingest record files: link each deal to the deals already known or start new ones.

    Same file twice changes nothing; malformed lines are counted and listed, never fatal (exit code 1).
    """
    missing = [f for f in files if f != "-" and not Path(f).is_file()]
    if missing:
        typer.echo(f"error: no such file: {', '.join(missing)}", err=True)
        raise typer.Exit(2)
    with _open(db, must_exist=False) as led:
        rep = led.add_files(files)
    for p in rep.problems:
        typer.echo(f"malformed: {p}", err=True)
    if rep.malformed > len(rep.problems):
        typer.echo(f"malformed: … and {rep.malformed - len(rep.problems)} more", err=True)
    typer.echo(rep.line(), err=True)
    raise typer.Exit(1 if rep.malformed else 0)


@ledger_app.command("deals")
def deals_cmd(
    db: DbOpt = "deals.db",
    party: Annotated[Optional[str], typer.Option("--party", help="either side (a group includes its subsidiaries)")] = None,  # noqa: UP045
    licensor: Annotated[Optional[str], typer.Option("--licensor", help="payee / seller")] = None,  # noqa: UP045
    licensee: Annotated[Optional[str], typer.Option("--licensee", help="payer / buyer")] = None,  # noqa: UP045
    licensor_country: Annotated[Optional[str], typer.Option("--licensor-country", help="ISO code; !CN = not CN")] = None,  # noqa: UP045
    licensee_country: Annotated[Optional[str], typer.Option("--licensee-country", help="ISO code; !CN = not CN")] = None,  # noqa: UP045
    deal_type: Annotated[Optional[str], typer.Option("--type", help="license, collaboration, option, acquisition …")] = None,  # noqa: UP045
    status: Annotated[Optional[str], typer.Option("--status", help="in_discussion, signed, completed, terminated")] = None,  # noqa: UP045
    target: Annotated[Optional[str], typer.Option("--target", help="e.g. PD-1")] = None,  # noqa: UP045
    modality: Annotated[Optional[str], typer.Option("--modality", help="e.g. ADC")] = None,  # noqa: UP045
    since: Annotated[Optional[str], typer.Option("--since", help="announced (else first seen) on or after")] = None,  # noqa: UP045
    until: Annotated[Optional[str], typer.Option("--until", help="announced (else first seen) on or before")] = None,  # noqa: UP045
    min_upfront: Annotated[Optional[str], typer.Option("--min-upfront", help="e.g. 100M (in --currency)")] = None,  # noqa: UP045
    min_total: Annotated[Optional[str], typer.Option("--min-total", help="e.g. 1bn (in --currency)")] = None,  # noqa: UP045
    currency: Annotated[str, typer.Option("--currency", help="currency of --min-upfront/--min-total")] = "USD",
    order: Annotated[str, typer.Option("--order", help="recent | upfront | total | sources")] = "recent",
    limit: Annotated[Optional[int], typer.Option("--limit", "-n")] = None,  # noqa: UP045
    fmt: Annotated[str, typer.Option("--format", "-f", help="table | csv | jsonl")] = "table",
) -> None:
    """List merged deals, filtered."""
    from ..ledger import DealFilter
    from ..ledger.output import table, to_csv, to_jsonl
    from ..ledger.queries import parse_amount

    if fmt not in ("table", "csv", "jsonl") or order not in ("recent", "upfront", "total", "sources"):
        typer.echo("error: --format is table, csv or jsonl; --order is recent, upfront, total or sources", err=True)
        raise typer.Exit(2)
    try:
        amounts = [parse_amount(a) if a else None for a in (min_upfront, min_total)]
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    flt = DealFilter(party=party, licensor=licensor, licensee=licensee, licensor_country=licensor_country,
                     licensee_country=licensee_country, deal_type=deal_type, status=status, target=target,
                     modality=modality, since=_date(since, "--since"), until=_date(until, "--until"),
                     min_upfront=amounts[0], min_total=amounts[1], currency=currency, limit=limit, order=order)
    with _open(db) as led:
        rows = led.deals(flt)
    if fmt == "table":
        typer.echo(table(rows))
        typer.echo(f"\n{len(rows)} deal{'s' if len(rows) != 1 else ''}")
    else:
        sys.stdout.write(to_csv(rows) if fmt == "csv" else to_jsonl(rows))


@ledger_app.command("show")
def show_cmd(deal_id: Annotated[int, typer.Argument(help="deal id (from ledger deals)")], db: DbOpt = "deals.db",
             as_json: Annotated[bool, typer.Option("--json", help="as JSON")] = False) -> None:
    """One merged deal: each field's values with their sources and evidence quotes, the chosen one and why, and
    the status history."""
    from ..ledger.output import show_text, to_jsonl

    with _open(db) as led:
        info = led.show(deal_id)
    if info is None:
        typer.echo(f"error: no deal {deal_id}", err=True)
        raise typer.Exit(1)
    typer.echo(to_jsonl([info]).rstrip() if as_json else show_text(info))


@ledger_app.command("export")
def export_cmd(db: DbOpt = "deals.db",
               output: Annotated[Optional[Path], typer.Option("--output", "-o", help="file (default stdout)")] = None,  # noqa: UP045
               fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl (deal + provenance) | csv (deal rows) | sqlite (the whole ledger, into -o)")] = "jsonl") -> None:
    """Every merged deal: JSON lines with fields, sources and history, or flat CSV rows; or a copy of the whole
    ledger into a new SQLite file (a PostgreSQL ledger to browse in Datasette)."""
    from ..ledger.output import to_csv, to_jsonl

    if fmt not in ("jsonl", "csv", "sqlite"):
        typer.echo("error: --format is jsonl, csv or sqlite", err=True)
        raise typer.Exit(2)
    if fmt == "sqlite":
        if output is None or output.exists():
            typer.echo("error: --format sqlite needs -o NEW_FILE (one that does not exist yet)", err=True)
            raise typer.Exit(2)
        with _open(db) as led:
            led.copy_to(output).close()
        typer.echo(f"ledger copied to {output}", err=True)
        return
    with _open(db) as led:
        rows = led.deals()
        text = to_csv(rows) if fmt == "csv" else to_jsonl(led.show(r["id"]) for r in rows)
    if output:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"{len(rows)} deals written to {output}", err=True)
    else:
        sys.stdout.write(text)


@ledger_app.command("stats")
def stats_cmd(db: DbOpt = "deals.db",
              top: Annotated[int, typer.Option("--top", help="deals to list (most sources first)")] = 10) -> None:
    """Counts, and the deals reported by most sources."""
    from ..ledger import DealFilter
    from ..ledger.output import table

    with _open(db) as led:
        s = led.stats()
        rows = led.deals(DealFilter(order="sources", limit=top))
    typer.echo(f"ledger {led.url}: {s['active_articles']} articles, {s['mentions']} mentions → {s['deals']} deals "
               f"({s['deals_with_2_sources']} reported by 2+ sources), {s['ingests']} ingests")
    if rows:
        typer.echo(table(rows))


@ledger_app.command("serve")
def serve_cmd(db: DbOpt = "deals.db",
              port: Annotated[int, typer.Option("--port", "-p")] = 8001,
              host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
              metadata_out: Annotated[Optional[Path], typer.Option("--write-metadata", help="only write Datasette metadata JSON here")] = None) -> None:  # noqa: UP045
    """Browse the ledger in Datasette (optional extra: pip install 'newsextract[datasette]')."""
    from ..ledger.browse import DatasetteMissing, serve, write_metadata

    with _open(db) as led:
        url = led.url
        if not url.startswith("sqlite") and metadata_out is None:  # Datasette reads SQLite: serve a snapshot
            import tempfile

            snap = Path(tempfile.mkdtemp(prefix="nxledger")) / "deals.db"
            led.copy_to(snap).close()
            typer.echo(f"serving a snapshot of {url} copied to {snap}", err=True)
            url = f"sqlite:///{snap}"
    if metadata_out is not None:
        write_metadata(metadata_out)
        typer.echo(f"metadata written to {metadata_out}", err=True)
        return
    try:
        raise typer.Exit(serve(url, host=host, port=port))
    except DatasetteMissing as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None


@ledger_app.command("score")
def score_cmd(realdev: Annotated[Path, typer.Argument(help="gold folder (../shared/realdev)")],
              same: Annotated[Path, typer.Option("--same", help="YAML of gold deals that are the same deal")],
              records: Annotated[Optional[Path], typer.Option("--records", help="batch output over REALDEV (default: extract now)")] = None,  # noqa: UP045
              as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Pairwise merge precision and recall of the ledger on a gold set, end to end and on gold-aligned mentions."""
    import json

    from ..ledger.score import format_scores, score_realdev

    if not realdev.is_dir() or not same.is_file():
        typer.echo("error: REALDEV must be a folder and --same a file", err=True)
        raise typer.Exit(2)
    scores = score_realdev(realdev, same, records=records)
    typer.echo(json.dumps(scores, indent=2) if as_json else format_scores(scores))
