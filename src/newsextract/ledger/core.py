"""The :class:`Ledger`: opening a database, ingesting records in batched transactions, linking and merging.

An ingest reads records (JSON lines, dicts or Extraction objects) and writes them in batches, one transaction per
batch, under the ledger's write lock:

- an article already in the ledger with the same record (doc_id and record hash) is skipped — ingesting a file
  twice changes nothing;
- an article whose record changed (re-extracted by a newer release) is added as a new version; the old version and
  its mentions stay, marked superseded and inactive, and the deals they fed are recomputed — nothing is deleted;
- each deal mention is linked to the best compatible deal (``link.py``) or starts a new one; its field values are
  stored with their evidence and the chosen value of every field of the touched deals is recomputed
  (``values.py``); its status joins the deal's history.

A killed ingest loses at most the batch in flight (its transaction never commits); running it again skips what
was committed and completes the rest. Two ingests at once serialise batch by batch on the lock, and each batch
first catches up with what the other committed (``LinkCache.sync`` in ``cache.py``; the batch itself is ``writer.py``), so nothing is lost or linked twice.
"""

from __future__ import annotations

import json
import sys
import time
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update

from ..records import Extraction
from ..registry import Registry, get_registry
from . import schema as S
from .cache import LinkCache
from .link import LinkOptions
from .records import Malformed, Parsed, parse_line, parse_record
from .report import IngestReport
from .store import make_engine, resolve_url, upgrade, write_transaction
from .writer import BatchWriter, Ids, bulk_insert, now

__all__ = ["Ledger", "IngestReport"]

warnings.filterwarnings("ignore", message=r"Dialect sqlite\+pysqlite does \*not\* support Decimal")


class Ledger:
    """A deal ledger in a database (SQLite file by default, PostgreSQL by URL).

    >>> import tempfile, os
    >>> led = Ledger(os.path.join(tempfile.mkdtemp(), "deals.db"))
    >>> rep = led.add_records([{"doc_id": "a1", "published": "2025-07-24", "deals": [
    ...     {"licensor": {"name": "3SBio"}, "licensee": {"name": "Pfizer"}, "asset": "SSGJ-707",
    ...      "upfront": {"amount": 1250000000, "currency": "USD", "text": "$1.25 billion"}}]},
    ...     {"doc_id": "a2", "lang": "zh", "published": "2025-07-25", "deals": [
    ...     {"licensor": {"name": "三生国健"}, "licensee": {"name": "辉瑞"}, "asset": "707"}]}])
    >>> rep.added, rep.deals_created, rep.deals_linked
    (2, 1, 1)
    >>> d = led.deals()[0]
    >>> d["licensor"], d["licensee"], d["n_sources"], d["upfront_amount"]
    ('Sunshine Guojian Pharmaceutical', 'Pfizer', 2, Decimal('1250000000'))
    >>> [(v["display"], v["chosen"], v["reason"]) for v in led.show(d["id"])["fields"]["licensor"]]
    [('Sunshine Guojian Pharmaceutical (三生国健)', True, 'latest (2025-07-25)'), ('3SBio', False, None)]
    >>> led.add_records([{"doc_id": "a1", "published": "2025-07-24", "deals": [
    ...     {"licensor": {"name": "3SBio"}, "licensee": {"name": "Pfizer"}, "asset": "SSGJ-707",
    ...      "upfront": {"amount": 1250000000, "currency": "USD", "text": "$1.25 billion"}}]}]).unchanged
    1
    >>> led.close()
    """

    def __init__(self, db: str | Path | None = None, *, registry: Registry | None = None,
                 options: LinkOptions | None = None, batch_size: int = 500, create: bool = True) -> None:
        self.url = resolve_url(db)
        self.engine = make_engine(self.url)
        self.registry = registry or get_registry()
        self.options = options or LinkOptions()
        self.batch_size = batch_size
        self.cache = LinkCache()
        self._bump_epoch = False
        if create:
            upgrade(self.engine)
            self._sync_registry()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- registry -------------------------------------------------------------------------------------------
    def _sync_registry(self) -> None:
        """Copy the company registry into ``companies``/``company_aliases`` when it changed (adds and updates;
        never deletes)."""
        import hashlib

        payload = [(c.id, c.name, c.name_zh, c.country, c.kind, c.parent, tuple(Registry.names(c)))
                   for c in sorted(self.registry, key=lambda c: c.id)]
        h = hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode()).hexdigest()
        with self.engine.connect() as conn:
            if conn.execute(select(S.ledger_state.c.registry_hash)).scalar() == h:
                return
        with write_transaction(self.engine) as conn:
            if conn.execute(select(S.ledger_state.c.registry_hash)).scalar() == h:
                return
            have = {r.id: tuple(r) for r in conn.execute(select(S.companies))}
            rows = [dict(id=c[0], name=c[1], name_zh=c[2], country=c[3], kind=c[4], parent=c[5]) for c in payload]
            new = [r for r in rows if r["id"] not in have]
            changed = [dict(r, b_id=r["id"]) for r in rows if r["id"] in have and tuple(r.values()) != have[r["id"]]]
            if new:
                conn.execute(insert(S.companies), new)
            if changed:
                cols: dict[str, Any] = {k: bindparam(k) for k in ("name", "name_zh", "country", "kind", "parent")}
                conn.execute(update(S.companies).where(S.companies.c.id == bindparam("b_id")).values(cols), changed)
            aliases = {(c[0], n) for c in payload for n in c[6]}
            have_al = {(r.company_id, r.alias) for r in conn.execute(select(S.company_aliases))}
            add = [dict(company_id=a, alias=n) for a, n in sorted(aliases - have_al)]
            if add:
                conn.execute(insert(S.company_aliases), add)
            conn.execute(update(S.ledger_state).values(registry_hash=h))

    # -- ingesting ------------------------------------------------------------------------------------------
    def add_records(self, records: Iterable[Extraction | dict[str, Any] | str], *, source: str = "records",
                    report: IngestReport | None = None) -> IngestReport:
        """Ingest records: Extraction objects, their JSON dicts, or JSON lines."""

        def items() -> Iterator[tuple[str, Parsed | Malformed]]:
            for i, r in enumerate(records, 1):
                where = f"{source}:{i}"
                if isinstance(r, Extraction):
                    yield where, parse_record(r.model_dump(mode="json"))
                elif isinstance(r, str):
                    yield where, parse_line(r)
                else:
                    yield where, parse_record(r)

        return self._ingest(items(), source, report)

    def add_files(self, paths: Iterable[str | Path], *, report: IngestReport | None = None) -> IngestReport:
        """Ingest JSON-lines files of records (``-`` is standard input); blank lines are skipped."""
        report = report or IngestReport()
        for p in paths:
            name = str(p)
            if name == "-":
                self._ingest(_lines(sys.stdin, "stdin"), "stdin", report)
                continue
            try:
                fh = open(p, encoding="utf-8", errors="replace")  # noqa: SIM115 - closed below
            except OSError as exc:
                report.problem(name, f"cannot read: {exc.strerror or exc}")
                continue
            with fh:
                self._ingest(_lines(fh, name), name, report)
        return report

    def begin_ingest(self, source: str) -> int:
        """Record the start of an ingest (committed at once: a killed ingest leaves it unfinished)."""
        with write_transaction(self.engine) as conn:
            ingest_id = Ids(conn)("ingests")
            conn.execute(insert(S.ingests).values(id=ingest_id, source=source, started_at=now(), lines=0,
                                                  version=_version()))
        return ingest_id

    def _ingest(self, items: Iterable[tuple[str, Parsed | Malformed]], source: str,
                report: IngestReport | None, *, ingest_id: int | None = None, final: bool = True) -> IngestReport:

        rep = report or IngestReport()
        t0 = time.perf_counter()
        if ingest_id is None:
            ingest_id = self.begin_ingest(source)
        chunk: list[tuple[str, Parsed]] = []
        counted = _Counts(rep)
        for where, item in items:
            rep.lines += 1
            if isinstance(item, Malformed):
                rep.problem(where, item.reason)
                continue
            chunk.append((where, item))
            if len(chunk) >= self.batch_size:
                self._write(chunk, ingest_id, rep, counted)
                chunk = []
        self._write(chunk, ingest_id, rep, counted, final=final)
        rep.seconds += time.perf_counter() - t0
        return rep

    def _write(self, chunk: list[tuple[str, Parsed]], ingest_id: int, rep: IngestReport, counted: _Counts,
               final: bool = False) -> None:
        try:
            with write_transaction(self.engine) as conn:
                state = conn.execute(select(S.ledger_state.c.generation, S.ledger_state.c.epoch)).one()
                self.cache.sync(conn, state.generation, state.epoch)
                self._bump_epoch = False
                b = BatchWriter(conn, self, ingest_id, rep)
                b.prefetch([p.doc_id for _, p in chunk])
                for where, rec in chunk:
                    b.add(rec, where)
                b.flush()
                gen, epoch = state.generation + 1, state.epoch + (1 if self._bump_epoch else 0)
                conn.execute(update(S.ledger_state).values(generation=gen, epoch=epoch))
                delta = counted.delta()
                values: dict[str, Any] = {k: getattr(S.ingests.c, k) + v for k, v in delta.items()}
                if final:
                    values["finished_at"] = now()
                    values["problems"] = json.dumps(rep.problems, ensure_ascii=False) if rep.problems else None
                conn.execute(update(S.ingests).where(S.ingests.c.id == ingest_id).values(values))
        except BaseException:
            self.cache = LinkCache()  # it may hold deals of the batch that was rolled back
            raise
        self.cache.generation, self.cache.epoch = gen, epoch
        counted.commit()

    # -- copying --------------------------------------------------------------------------------------------
    def copy_to(self, db: str | Path) -> Ledger:
        """Copy every row into a new ledger (e.g. a PostgreSQL ledger into a SQLite file for Datasette)."""
        dst = Ledger(db, registry=self.registry)
        tables = (S.ingests, S.articles, S.mentions, S.deals, S.sources, S.field_values, S.status_history,
                  S.deal_parties, S.deal_targets)
        with self.engine.connect() as src, write_transaction(dst.engine) as out:
            if any(out.execute(select(func.count()).select_from(t)).scalar() for t in tables):
                raise ValueError(f"{dst.url} is not empty")
            for t in tables:
                res = src.execute(select(t).order_by(*t.primary_key.columns or t.columns))
                while rows := res.fetchmany(5000):
                    bulk_insert(out, t, [dict(r._mapping) for r in rows])
            state = src.execute(select(S.ledger_state.c.generation, S.ledger_state.c.epoch)).one()
            out.execute(update(S.ledger_state).values(generation=state.generation, epoch=state.epoch))
        return dst

    # -- reading --------------------------------------------------------------------------------------------
    def deals(self, flt: Any = None) -> list[dict[str, Any]]:
        """Merged deals matching a :class:`~newsextract.ledger.queries.DealFilter` (all, newest first)."""
        from .queries import DealFilter, query_deals

        with self.engine.connect() as conn:
            return query_deals(conn, flt or DealFilter(), self.registry)

    def show(self, deal_id: int) -> dict[str, Any] | None:
        """One merged deal with every field's values, their sources and evidence, and its status history."""
        from .queries import show_deal

        with self.engine.connect() as conn:
            return show_deal(conn, deal_id)

    def stats(self) -> dict[str, int]:
        """Counts of the main tables."""
        with self.engine.connect() as conn:
            out = {t: conn.execute(select(func.count()).select_from(S.metadata.tables[t])).scalar() or 0
                   for t in ("articles", "mentions", "deals", "sources", "field_values", "status_history", "ingests")}
            out["active_articles"] = conn.execute(select(func.count()).select_from(S.articles).where(
                S.articles.c.superseded_by.is_(None))).scalar() or 0
            out["deals_with_2_sources"] = conn.execute(select(func.count()).select_from(S.deals).where(
                S.deals.c.n_sources >= 2)).scalar() or 0
            return out


class _Counts:
    """Ingest counters: what the ingests row already holds vs what the report says now."""

    KEYS = {"lines": "lines", "articles_added": "added", "articles_unchanged": "unchanged",
            "articles_revised": "revised", "malformed": "malformed", "error_records": "error_records",
            "mentions_added": "mentions", "deals_created": "deals_created"}

    def __init__(self, rep: IngestReport) -> None:
        self.rep = rep
        self.saved = {k: getattr(rep, v) for k, v in self.KEYS.items()}
        self.pending: dict[str, int] = {}

    def delta(self) -> dict[str, int]:
        self.pending = {k: getattr(self.rep, v) for k, v in self.KEYS.items()}
        return {k: self.pending[k] - self.saved[k] for k in self.KEYS}

    def commit(self) -> None:
        self.saved = self.pending


def _lines(fh: Iterable[str], name: str) -> Iterator[tuple[str, Parsed | Malformed]]:
    for n, line in enumerate(fh, 1):
        if not line.strip():
            continue
        if not line.endswith("\n") and len(line) > 0:
            # a last line without its newline may be one a running batch is still writing; it is read anyway
            # (a partial JSON line is malformed and counted; the complete line is read by the next ingest)
            pass
        yield f"{name}:{n}", parse_line(line)


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("newsextract")
    except Exception:  # pragma: no cover
        return "unknown"

