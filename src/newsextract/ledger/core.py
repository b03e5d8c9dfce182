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
first catches up with what the other committed (``_Cache.sync``), so nothing is lost or linked twice.
"""

from __future__ import annotations

import datetime as dt
import json
import operator
import sys
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Connection, Date, DateTime, Numeric, bindparam, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from ..records import Extraction
from ..registry import Registry, get_registry
from . import schema as S
from .link import DealState, Features, LinkOptions, compare, features
from .records import Malformed, Parsed, parse_line, parse_record
from .store import make_engine, resolve_url, upgrade, write_transaction
from .values import FieldValue, Row, choose, current_status, deal_values, dumps, stage

__all__ = ["Ledger", "IngestReport"]

warnings.filterwarnings("ignore", message=r"Dialect sqlite\+pysqlite does \*not\* support Decimal")

#: problems kept (and printed) per ingest; the count is always complete.
MAX_PROBLEMS = 100


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)


@dataclass
class IngestReport:
    """What one ingest did."""

    lines: int = 0
    added: int = 0
    unchanged: int = 0
    revised: int = 0
    malformed: int = 0
    error_records: int = 0
    mentions: int = 0
    deals_created: int = 0
    deals_linked: int = 0
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def line(self) -> str:
        rate = f" in {self.seconds:.1f}s ({self.lines / self.seconds:.0f} records/s)" if self.seconds > 0 else ""
        return (f"ledger: {self.lines} records read: {self.added} added ({self.revised} new versions), "
                f"{self.unchanged} unchanged, {self.malformed} malformed, {self.error_records} error records; "
                f"{self.mentions} deal mentions → {self.deals_created} new deals, {self.deals_linked} linked to "
                f"existing ones{rate}")

    def problem(self, where: str, reason: str) -> None:
        self.malformed += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(f"{where}: {reason}")


# ------------------------------------------------------------------------------------------------ linking cache
class _Cache:
    """Linking state of every deal with active mentions, with indexes to find candidates fast."""

    def __init__(self) -> None:
        self.generation = -1
        self.epoch = -1
        self.max_mention = 0
        self.states: dict[int, DealState] = {}
        self.by_pair: dict[tuple[str, str], set[int]] = {}
        self.by_role: dict[tuple[str, str | None], set[int]] = {}
        self.by_asset: dict[str, set[int]] = {}

    def sync(self, conn: Connection, generation: int, epoch: int) -> None:
        """Catch up with the database: everything after a supersede, else only mentions added since."""
        if generation == self.generation and epoch == self.epoch:
            return
        if epoch != self.epoch:
            self.__init__()  # type: ignore[misc]
        q = (select(S.sources.c.entity_id, S.mentions.c.id, S.mentions.c.features)
             .join(S.mentions, S.mentions.c.id == S.sources.c.mention_id)
             .where(S.sources.c.kind == "deal", S.mentions.c.active, S.mentions.c.id > self.max_mention)
             .order_by(S.mentions.c.id))
        for deal_id, mid, feats in conn.execute(q):
            self.add(deal_id, Features.from_json(json.loads(feats)))
            self.max_mention = max(self.max_mention, mid)
        self.generation, self.epoch = generation, epoch

    def add(self, deal_id: int, f: Features) -> None:
        st = self.states.get(deal_id)
        if st is None:
            st = self.states[deal_id] = DealState(deal_id)
            self.by_role.setdefault(("licensor", None), set()).add(deal_id)
            self.by_role.setdefault(("licensee", None), set()).add(deal_id)
        before = (set(st.licensor), set(st.licensee))
        st.add(f)
        for role, old, new in (("licensor", before[0], st.licensor), ("licensee", before[1], st.licensee)):
            for r in new - old:
                self.by_role.setdefault((role, r), set()).add(deal_id)
            if new and not old:
                self.by_role[(role, None)].discard(deal_id)
        if st.licensor - before[0] or st.licensee - before[1]:
            for a in st.licensor:
                for b in st.licensee:
                    self.by_pair.setdefault((a, b), set()).add(deal_id)
        for k in f.assets:
            self.by_asset.setdefault(k, set()).add(deal_id)

    def candidates(self, f: Features) -> set[int]:
        lr, le = f.licensor_root, f.licensee_root
        role = self.by_role
        if lr and le:
            out = set(self.by_pair.get((lr, le), ())) | self.by_pair.get((le, lr), set())
            out |= role.get(("licensee", le), set()) & role.get(("licensor", None), set())
            out |= role.get(("licensor", lr), set()) & role.get(("licensee", None), set())
            if f.assets:  # co-licensors: same licensee, same asset
                by_asset = set().union(*(self.by_asset.get(a, set()) for a in f.assets))
                out |= role.get(("licensee", le), set()) & by_asset
            return out
        if lr:
            return set(role.get(("licensor", lr), ()))
        if le:
            return set(role.get(("licensee", le), ()))
        return set()


# ------------------------------------------------------------------------------------------------ batch writer
class _Ids:
    """Ids handed out under the write lock (one max() per table and batch)."""

    TABLES = (S.ingests, S.articles, S.mentions, S.deals, S.sources, S.field_values, S.status_history)

    def __init__(self, conn: Connection) -> None:
        self.next = {t.name: (conn.execute(select(func.max(t.c.id))).scalar() or 0) + 1 for t in self.TABLES}

    def __call__(self, table: str) -> int:
        i = self.next[table]
        self.next[table] = i + 1
        return i


@dataclass
class _DealWork:
    rows: list[Row]
    history: list[tuple[dt.date | None, str, str, int]]  # (date, status, stage, order)
    new: bool
    loaded: bool = True  # False: the deal's stored values and history are still to be read


class _Batch:
    """The rows of one batch, written by :meth:`flush` with a few multi-row statements."""

    def __init__(self, conn: Connection, ledger: Ledger, ingest_id: int | None, report: IngestReport) -> None:
        self.conn, self.ledger, self.ingest_id, self.report = conn, ledger, ingest_id, report
        self.ids = _Ids(conn)
        self.now = _now()
        self.inserts: dict[str, list[dict[str, Any]]] = {t: [] for t in (
            "articles", "mentions", "deals", "sources", "field_values", "status_history")}
        self.parties: list[dict[str, Any]] = []
        self.targets: list[dict[str, Any]] = []
        self.work: dict[int, _DealWork] = {}
        self.seen: dict[str, list[tuple[int, str]]] = {}  # doc_id → [(article id, record hash)] of this batch
        self.pending_values: list[tuple[int, int, Row]] = []  # (deal id, mention id, row) not written yet
        self.prev_states: dict[int, DealState] = {}  # deals fed by the superseded version of the current article

    # -- reading existing state ---------------------------------------------------------------------------
    def prefetch(self, doc_ids: list[str]) -> None:
        for i in range(0, len(doc_ids), 500):
            chunk = doc_ids[i:i + 500]
            q = select(S.articles.c.id, S.articles.c.doc_id, S.articles.c.record_hash).where(
                S.articles.c.doc_id.in_(chunk), S.articles.c.superseded_by.is_(None))
            for aid, doc, h in self.conn.execute(q):
                self.seen.setdefault(doc, []).append((aid, h))

    def _load(self, deal_id: int) -> _DealWork:
        """The work of an existing deal; its stored values are read in bulk by :meth:`_load_stored`."""
        w = self.work.get(deal_id)
        if w is None:
            w = self.work[deal_id] = _DealWork([], [], False, loaded=False)
        return w

    def _load_stored(self) -> None:
        todo = [d for d, w in self.work.items() if not w.loaded]
        fv, sh = S.field_values, S.status_history
        for i in range(0, len(todo), 500):
            chunk = todo[i:i + 500]
            for r in self.conn.execute(select(fv).where(fv.c.deal_id.in_(chunk), fv.c.active)):
                v = FieldValue(r.field, json.loads(r.value), r.display, r.vkey, r.specificity,
                               Decimal(str(r.amount)) if r.amount is not None else None, r.currency, None)
                self.work[r.deal_id].rows.append(Row(v, r.article_id, r.published, r.id, r.chosen, r.support,
                                                     r.reason, f"{int(r.chosen)}|{r.support}|{r.reason}"))
            for h in self.conn.execute(select(sh.c.deal_id, sh.c.date, sh.c.status, sh.c.stage, sh.c.id).where(
                    sh.c.deal_id.in_(chunk), sh.c.active)):
                self.work[h.deal_id].history.append((h.date, h.status, h.stage, h.id))
        for d in todo:
            self.work[d].loaded = True

    # -- adding ---------------------------------------------------------------------------------------------
    def add(self, rec: Parsed, where: str) -> None:
        rep = self.report
        versions = self.seen.get(rec.doc_id, [])
        if any(h == rec.record_hash for _, h in versions):
            rep.unchanged += 1
            return
        aid = self.ids("articles")
        self.seen[rec.doc_id] = [(aid, rec.record_hash)]
        rep.added += 1
        if rec.error:
            rep.error_records += 1
        self.inserts["articles"].append(dict(
            id=aid, doc_id=rec.doc_id, record_hash=rec.record_hash, content_hash=rec.content_hash, url=rec.url,
            title=rec.title, published=rec.published, lang=rec.lang, error=rec.error, n_deals=len(rec.deals),
            source=where, ingest_id=self.ingest_id, superseded_by=None, added_at=self.now))
        if versions:
            self.supersede([a for a, _ in versions], aid)
            rep.revised += 1
        if not versions:
            self.prev_states = {}
        linked_here: set[int] = set()  # several deals of one article are several deals
        for idx, (deal, raw) in enumerate(zip(rec.deals, rec.deal_json, strict=True)):
            self.add_deal(aid, idx, deal, raw, rec, linked_here)
        for kind, items in rec.others.items():
            for idx, item in enumerate(items):
                self.inserts["mentions"].append(dict(
                    id=self.ids("mentions"), article_id=aid, kind=kind, idx=idx, active=True, record=dumps(item),
                    licensor_key=None, licensee_key=None, features=None))

    def add_deal(self, aid: int, idx: int, deal: Any, raw: dict[str, Any], rec: Parsed, linked_here: set[int]) -> None:
        led, rep = self.ledger, self.report
        f = features(deal, rec.published, led.registry)
        cache = led._cache
        best: tuple[float, int, int, str] | None = None
        # a new version of an article first looks at the deals its old version fed (they may have no other source)
        prev = {did: st for did, st in self.prev_states.items() if did not in cache.states}
        for did in (cache.candidates(f) | set(prev)) - linked_here:
            st = cache.states.get(did) or prev[did]
            link = compare(f, st, led.options)
            if link is not None:
                key = (link.score, st.n, -did, link.reason)
                if best is None or key > best:
                    best = key
        mid = self.ids("mentions")
        if best is None:
            deal_id, how, score = self.ids("deals"), "new", None
            self.work[deal_id] = _DealWork([], [], True)
            rep.deals_created += 1
        else:
            deal_id, how, score = -best[2], best[3], best[0]
            rep.deals_linked += 1
            self._load(deal_id)
        linked_here.add(deal_id)
        cache.add(deal_id, f)
        rep.mentions += 1
        self.inserts["mentions"].append(dict(
            id=mid, article_id=aid, kind="deal", idx=idx, active=True, record=dumps(raw),
            licensor_key=f.licensor, licensee_key=f.licensee, features=dumps(f.to_json())))
        self.inserts["sources"].append(dict(
            id=self.ids("sources"), kind="deal", entity_id=deal_id, deal_id=deal_id, mention_id=mid, article_id=aid, link=how,
            score=score, linked_at=self.now))
        w = self.work[deal_id]
        for v in deal_values(deal, led.registry):
            w.rows.append(Row(v, aid, rec.published, self.ids("field_values")))
            self.pending_values.append((deal_id, mid, w.rows[-1]))
        date, date_source = (deal.announced, "announced") if deal.announced else (
            (rec.published, "published") if rec.published else (None, None))
        hid = self.ids("status_history")
        st = stage(deal.status, deal.deal_type)
        w.history.append((date, deal.status, st, hid))
        ev = next((e.text for e in deal.evidence if e.field == "status"), None)
        self.inserts["status_history"].append(dict(
            id=hid, deal_id=deal_id, mention_id=mid, article_id=aid, status=deal.status, stage=st, date=date,
            date_source=date_source, evidence=ev, active=True))
        for role in ("licensor", "licensee"):
            key = getattr(f, role)
            if key:
                p = getattr(deal, role)
                self.parties.append(dict(deal_id=deal_id, role=role, company_key=key,
                                         root_key=getattr(f, f"{role}_root") or key, name=p.name))
        for t in f.targets:
            self.targets.append(dict(deal_id=deal_id, target=t))

    def supersede(self, old: list[int], new: int) -> None:
        """Mark older versions of an article superseded; their mentions stop counting (nothing is deleted)."""
        self.flush()
        conn = self.conn
        conn.execute(update(S.articles).where(S.articles.c.id.in_(old)).values(superseded_by=new))
        conn.execute(update(S.mentions).where(S.mentions.c.article_id.in_(old)).values(active=False))
        conn.execute(update(S.field_values).where(S.field_values.c.article_id.in_(old)).values(
            active=False, chosen=False, reason="superseded by a later version of the article"))
        conn.execute(update(S.status_history).where(S.status_history.c.article_id.in_(old)).values(active=False))
        self.prev_states = {}
        q = (select(S.sources.c.deal_id, S.mentions.c.features).join(S.mentions, S.mentions.c.id == S.sources.c.mention_id)
             .where(S.sources.c.article_id.in_(old), S.sources.c.kind == "deal"))
        for did, feats in conn.execute(q):
            self.prev_states.setdefault(did, DealState(did)).add(Features.from_json(json.loads(feats)))
        affected = list(self.prev_states)
        self.ledger._bump_epoch = True
        cache = self.ledger._cache
        state = conn.execute(select(S.ledger_state.c.generation, S.ledger_state.c.epoch)).one()
        cache.__init__()  # type: ignore[misc]
        cache.sync(conn, state.generation, state.epoch)
        for did in affected:
            self._load(did)

    # -- writing --------------------------------------------------------------------------------------------
    def flush(self) -> None:
        """Write everything added so far (inside the batch's transaction) and recompute the touched deals."""
        conn, ins = self.conn, self.inserts
        for t in ("articles", "mentions"):
            _bulk_insert(conn, S.metadata.tables[t], ins[t])
            ins[t] = []
        self._load_stored()
        new_deals, upd_deals, new_vals, upd_vals = [], [], [], []
        mention_of = {id(r): (did, mid) for did, mid, r in self.pending_values}
        for deal_id, w in self.work.items():
            row = self._recompute(deal_id, w)
            (new_deals if w.new else upd_deals).append(row)
            w.new = False
            for r in w.rows:
                flags = f"{int(r.chosen)}|{r.support}|{r.note}"
                if id(r) in mention_of:
                    did, mid = mention_of[id(r)]
                    new_vals.append(self._value_row(r, did, mid))
                elif r.stored != flags:
                    upd_vals.append(dict(b_id=r.id, chosen=r.chosen, support=r.support, reason=r.note))
                r.stored = flags
        _bulk_insert(conn, S.deals, new_deals)
        if upd_deals:
            cols = {k: bindparam(k) for k in upd_deals[0] if k not in ("id", "created_at")}
            conn.execute(update(S.deals).where(S.deals.c.id == bindparam("b_id")).values(cols),
                         [dict(r, b_id=r["id"]) for r in upd_deals])
        for t in ("sources", "status_history"):
            _bulk_insert(conn, S.metadata.tables[t], ins[t])
            ins[t] = []
        _bulk_insert(conn, S.field_values, new_vals)
        if upd_vals:
            fv = S.field_values
            conn.execute(update(fv).where(fv.c.id == bindparam("b_id")).values(
                chosen=bindparam("chosen"), support=bindparam("support"), reason=bindparam("reason")), upd_vals)
        for table, rows in ((S.deal_parties, self.parties), (S.deal_targets, self.targets)):
            if rows:
                stmt = (sqlite.insert(table) if conn.dialect.name == "sqlite" else postgresql.insert(table))
                conn.execute(stmt.on_conflict_do_nothing(), _dedupe(rows))
        self.parties, self.targets = [], []
        self.work = {}
        self.pending_values = []

    def _value_row(self, r: Row, deal_id: int, mid: int) -> dict[str, Any]:
        v, ev = r.value, r.value.evidence
        return dict(id=r.id, kind="deal", entity_id=deal_id, deal_id=deal_id, mention_id=mid, article_id=r.source,
                    field=v.field,
                    value=dumps(v.value), display=v.display, vkey=v.vkey, amount=v.amount, currency=v.currency,
                    specificity=v.specificity, published=r.published, evidence=ev.text if ev else None,
                    evidence_start=ev.start if ev else None, evidence_end=ev.end if ev else None,
                    rule=ev.rule if ev else None, active=True, support=r.support, chosen=r.chosen, reason=r.note)

    def _recompute(self, deal_id: int, w: _DealWork) -> dict[str, Any]:
        by_field: dict[str, list[Row]] = {}
        for r in w.rows:
            r.chosen, r.note = False, None
            by_field.setdefault(r.value.field, []).append(r)
        chosen: dict[str, FieldValue] = {}
        for fname, rows in by_field.items():
            best, why = choose(rows)
            best.chosen, best.note = True, why
            chosen[fname] = best.value
        reg = self.ledger.registry
        row: dict[str, Any] = {"id": deal_id, "updated_at": self.now}
        if w.new:
            row["created_at"] = self.now
        for role in ("licensor", "licensee"):
            v = chosen.get(role)
            p = v.value if v else None
            comp = reg.get(p.get("id")) if p else None
            row[f"{role}_id"] = comp.id if comp else None
            row[role] = (comp.name if comp else p["name"]) if p else None
            row[f"{role}_country"] = (comp.country if comp else p.get("country")) if p else None
        row["deal_type"] = chosen["deal_type"].value if "deal_type" in chosen else None
        last = max(w.history, key=lambda h: (h[0] or dt.date.min, _ORDER.get(h[1], 0), h[3])) if w.history else None
        row["status"] = current_status([(h[0], h[1], h[3]) for h in w.history])
        row["stage"] = last[2] if last else None
        row["asset"] = chosen["asset"].value if "asset" in chosen else None
        row["targets"] = dumps(chosen["targets"].value) if "targets" in chosen else None
        for f in ("modality", "territory"):
            row[f] = chosen[f].value if f in chosen else None
        for f in S.MONEY_FIELDS:
            v = chosen.get(f)
            row[f"{f}_amount"] = v.amount if v else None
            row[f"{f}_currency"] = v.currency if v else None
            row[f"{f}_text"] = v.value.get("text") if v else None
        row["royalty"] = chosen["royalty"].vkey if "royalty" in chosen else None
        ann = chosen.get("announced")
        row["announced"] = dt.date.fromisoformat(ann.value) if ann else None
        pubs = [r.published for r in by_field.get("status", []) if r.published]
        row["first_seen"] = min(pubs) if pubs else None
        row["last_seen"] = max(pubs) if pubs else None
        year_from = row["announced"] or row["first_seen"]
        row["year"] = year_from.year if year_from else None
        row["n_sources"] = len(by_field.get("status", []))
        what = row["asset"] or (", ".join(chosen["targets"].value) if "targets" in chosen else None)
        row["title"] = f"{row['licensor'] or '?'} → {row['licensee'] or '?'}" + (f": {what}" if what else "")
        return row


_ORDER = {"in_discussion": 0, "signed": 1, "completed": 2, "terminated": 3}


def _sqlite_converters(table: Any, cols: list[str]) -> list[tuple[int, Any]]:
    # the forms SQLAlchemy's SQLite types store (and read back): ISO dates, "YYYY-MM-DD HH:MM:SS.ffffff", 0/1, REAL
    out = []
    for i, c in enumerate(cols):
        t = table.c[c].type
        if isinstance(t, DateTime):
            out.append((i, lambda v: v.strftime("%Y-%m-%d %H:%M:%S.%f")))
        elif isinstance(t, Date):
            out.append((i, dt.date.isoformat))
        elif isinstance(t, Numeric):
            out.append((i, float))
        elif isinstance(t, Boolean):
            out.append((i, int))
    return out


def _bulk_insert(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    """A multi-row insert through the DBAPI cursor: the big tables of a batch take most of an ingest's time, and
    SQLAlchemy's per-row parameter processing was half of it. Values are converted as SQLAlchemy would."""
    if not rows:
        return
    cols = list(rows[0])
    sqlite = conn.dialect.name == "sqlite"
    mark = "?" if sqlite else "%s"
    sql = f"INSERT INTO {table.name} ({', '.join(cols)}) VALUES ({', '.join([mark] * len(cols))})"
    get = operator.itemgetter(*cols)
    if sqlite:
        conv = _sqlite_converters(table, cols)
        params = []
        for r in rows:
            t = list(get(r))
            for i, fn in conv:
                if t[i] is not None:
                    t[i] = fn(t[i])
            params.append(t)
    else:
        params = [get(r) for r in rows]
    cur = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cur.executemany(sql, params)
    finally:
        cur.close()


def _dedupe(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen, out = set(), []
    for r in rows:
        k = tuple(sorted((k, v) for k, v in r.items() if k != "name"))
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


# ------------------------------------------------------------------------------------------------ the ledger
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
        self._cache = _Cache()
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
                cols = {k: bindparam(k) for k in ("name", "name_zh", "country", "kind", "parent")}
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
            ingest_id = _Ids(conn)("ingests")
            conn.execute(insert(S.ingests).values(id=ingest_id, source=source, started_at=_now(), lines=0,
                                                  version=_version()))
        return ingest_id

    def _ingest(self, items: Iterable[tuple[str, Parsed | Malformed]], source: str,
                report: IngestReport | None, *, ingest_id: int | None = None, final: bool = True) -> IngestReport:
        import time

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
                self._cache.sync(conn, state.generation, state.epoch)
                self._bump_epoch = False
                b = _Batch(conn, self, ingest_id, rep)
                b.prefetch([p.doc_id for _, p in chunk])
                for where, rec in chunk:
                    b.add(rec, where)
                b.flush()
                gen, epoch = state.generation + 1, state.epoch + (1 if self._bump_epoch else 0)
                conn.execute(update(S.ledger_state).values(generation=gen, epoch=epoch))
                delta = counted.delta()
                values: dict[str, Any] = {k: getattr(S.ingests.c, k) + v for k, v in delta.items()}
                if final:
                    values["finished_at"] = _now()
                    values["problems"] = json.dumps(rep.problems, ensure_ascii=False) if rep.problems else None
                conn.execute(update(S.ingests).where(S.ingests.c.id == ingest_id).values(values))
        except BaseException:
            self._cache = _Cache()  # it may hold deals of the batch that was rolled back
            raise
        self._cache.generation, self._cache.epoch = gen, epoch
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
                    _bulk_insert(out, t, [dict(r._mapping) for r in rows])
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

