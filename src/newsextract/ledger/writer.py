"""Writing one batch of records: linking each deal mention, keeping every field value with its provenance,
recomputing the chosen values and the status of the deals it touched, and writing it all with a few multi-row
statements inside the batch's transaction (see ``core.py`` for the transaction and the lock)."""

from __future__ import annotations

import datetime as dt
import json
import operator
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import Boolean, Connection, Date, DateTime, Numeric, bindparam, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from . import schema as S
from .link import DealState, Features, compare, features
from .records import Parsed
from .report import IngestReport
from .values import FieldValue, Row, choose, current_status, deal_values, dumps, stage

if TYPE_CHECKING:
    from .core import Ledger

__all__ = ["BatchWriter", "Ids", "bulk_insert", "now"]


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


class Ids:
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


class BatchWriter:
    """The rows of one batch, written by :meth:`flush` with a few multi-row statements."""

    def __init__(self, conn: Connection, ledger: Ledger, ingest_id: int | None, report: IngestReport) -> None:
        self.conn, self.ledger, self.ingest_id, self.report = conn, ledger, ingest_id, report
        self.ids = Ids(conn)
        self.now = now()
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
        cache = led.cache
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
        deal_stage = stage(deal.status, deal.deal_type)
        w.history.append((date, deal.status, deal_stage, hid))
        ev = next((e.text for e in deal.evidence if e.field == "status"), None)
        self.inserts["status_history"].append(dict(
            id=hid, deal_id=deal_id, mention_id=mid, article_id=aid, status=deal.status, stage=deal_stage, date=date,
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
        cache = self.ledger.cache
        state = conn.execute(select(S.ledger_state.c.generation, S.ledger_state.c.epoch)).one()
        cache.reset()
        cache.sync(conn, state.generation, state.epoch)
        for did in affected:
            self._load(did)

    # -- writing --------------------------------------------------------------------------------------------
    def flush(self) -> None:
        """Write everything added so far (inside the batch's transaction) and recompute the touched deals."""
        conn, ins = self.conn, self.inserts
        for t in ("articles", "mentions"):
            bulk_insert(conn, S.metadata.tables[t], ins[t])
            ins[t] = []
        self._load_stored()
        new_deals: list[dict[str, Any]] = []
        upd_deals: list[dict[str, Any]] = []
        new_vals: list[dict[str, Any]] = []
        upd_vals: list[dict[str, Any]] = []
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
        bulk_insert(conn, S.deals, new_deals)
        if upd_deals:
            cols: dict[str, Any] = {k: bindparam(k) for k in upd_deals[0] if k not in ("id", "created_at")}
            conn.execute(update(S.deals).where(S.deals.c.id == bindparam("b_id")).values(cols),
                         [dict(r, b_id=r["id"]) for r in upd_deals])
        for t in ("sources", "status_history"):
            bulk_insert(conn, S.metadata.tables[t], ins[t])
            ins[t] = []
        bulk_insert(conn, S.field_values, new_vals)
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


def bulk_insert(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
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
    cur = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]  # an open connection has its driver's
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
