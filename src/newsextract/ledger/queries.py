"""Reading the ledger: filtered deal lists, one deal with its provenance, export rows.

>>> parse_amount("100M"), parse_amount("1.5bn"), parse_amount("250000")
(Decimal('100000000'), Decimal('1500000000.0'), Decimal('250000'))
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Select, and_, exists, func, or_, select, union

from ..normalize.names import name_key
from ..registry import Registry
from . import schema as S

__all__ = ["DealFilter", "query_deals", "show_deal", "parse_amount", "TABLE_COLUMNS", "deal_sources"]

#: columns of ``ledger deals --format table`` (csv and jsonl give every column).
TABLE_COLUMNS = ("id", "licensor", "licensee", "deal_type", "stage", "asset", "targets", "upfront", "total_value",
                 "year", "n_sources")
_SCALE = {"": 1, "k": 10**3, "m": 10**6, "mn": 10**6, "b": 10**9, "bn": 10**9}


def parse_amount(text: str) -> Decimal:
    """An amount with an optional k/M/B (bn) suffix, in full units."""
    m = re.fullmatch(r"\s*([\d,.]+)\s*([a-zA-Z]*)\s*", text)
    if not m or m.group(2).lower() not in _SCALE:
        raise ValueError(f"not an amount: {text!r} (e.g. 100M, 1.5bn, 250000)")
    return Decimal(m.group(1).replace(",", "")) * _SCALE[m.group(2).lower()]


@dataclass
class DealFilter:
    """What ``ledger deals`` can ask for. Countries are ISO codes; ``!CN`` means "not CN" (and known)."""

    party: str | None = None
    licensor: str | None = None
    licensee: str | None = None
    licensor_country: str | None = None
    licensee_country: str | None = None
    deal_type: str | None = None
    status: str | None = None
    target: str | None = None
    modality: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    min_upfront: Decimal | None = None
    min_total: Decimal | None = None
    currency: str = "USD"
    limit: int | None = None
    order: str = "recent"  # recent | upfront | total | sources
    include_retired: bool = False  # deals whose every source was superseded by a later version of its article


def _party_clause(name: str, role: str | None, registry: Registry, like: bool = False) -> Any:
    dp = S.deal_parties
    comp = registry.lookup(name)
    # IN (… UNION …): each half is an index lookup (ix_deal_parties_company / _root), never a scan of deals
    keys = [dp.c.company_key == comp.id, dp.c.root_key == comp.id] if comp else [dp.c.company_key == f"x:{name_key(name)}"]
    parts = [select(dp.c.deal_id).where(k, *([dp.c.role == role] if role else [])) for k in keys]
    clause: Any = S.deals.c.id.in_(union(*parts) if len(parts) > 1 else parts[0])
    if comp is None and like:  # an unknown company not found by its key: any deal whose name contains it
        cols = [S.deals.c.licensor, S.deals.c.licensee] if role is None else [S.deals.c[role]]
        clause = or_(clause, *[func.lower(c).contains(name.lower()) for c in cols])
    return clause


def _country(col: Any, spec: str) -> Any:
    spec = spec.strip().upper()
    if spec.startswith("!"):
        return and_(col.is_not(None), col != spec[1:])
    return col == spec


def build_query(flt: DealFilter, registry: Registry, like: bool = False) -> Select[Any]:
    d = S.deals
    q = select(d)
    conds = [] if flt.include_retired else [d.c.n_sources > 0]
    if flt.party:
        conds.append(_party_clause(flt.party, None, registry, like))
    for role in ("licensor", "licensee"):
        name = getattr(flt, role)
        if name:
            conds.append(_party_clause(name, role, registry, like))
        country = getattr(flt, f"{role}_country")
        if country:
            conds.append(_country(d.c[f"{role}_country"], country))
    for f in ("deal_type", "status", "modality"):
        v = getattr(flt, f)
        if v:
            conds.append(func.lower(d.c[f]) == v.lower())
    if flt.target:
        from .link import target_key

        conds.append(exists().where(S.deal_targets.c.deal_id == d.c.id,
                                    S.deal_targets.c.target == target_key(flt.target)))
    when = func.coalesce(d.c.announced, d.c.first_seen)
    if flt.since:
        conds.append(when >= flt.since)
    if flt.until:
        conds.append(when <= flt.until)
    for f, v in (("upfront", flt.min_upfront), ("total_value", flt.min_total)):
        if v is not None:
            conds.append(and_(d.c[f"{f}_currency"] == flt.currency.upper(), d.c[f"{f}_amount"] >= v))
    if conds:
        q = q.where(and_(*conds))
    order: dict[str, list[Any]] = {"recent": [when.desc(), d.c.id.desc()], "upfront": [d.c.upfront_amount.desc(), d.c.id],
             "total": [d.c.total_value_amount.desc(), d.c.id], "sources": [d.c.n_sources.desc(), d.c.id]}
    q = q.order_by(*order.get(flt.order, order["recent"]))
    if flt.order in ("upfront", "total"):  # amounts in --currency first, NULLs last on both back ends
        f = "upfront" if flt.order == "upfront" else "total_value"
        col, cur = d.c[f"{f}_amount"], d.c[f"{f}_currency"]
        q = q.order_by(None).order_by(col.is_(None), func.coalesce(cur, "") != flt.currency.upper(), col.desc(), d.c.id)
    if flt.limit:
        q = q.limit(flt.limit)
    return q


def _plain(row: Any) -> dict[str, Any]:
    out = dict(row._mapping)
    for k, v in out.items():
        if isinstance(v, float) and k.endswith("_amount"):
            out[k] = Decimal(repr(v))
        elif isinstance(v, Decimal) and k.endswith("_amount"):
            out[k] = v.normalize() if v == v.to_integral_value() else v
            if out[k] == out[k].to_integral_value():
                out[k] = out[k].quantize(Decimal(1))
    if out.get("targets"):
        out["targets"] = json.loads(out["targets"])
    return out


def query_deals(conn: Connection, flt: DealFilter, registry: Registry) -> list[dict[str, Any]]:
    """Merged deals as dicts (columns of ``deals``; ``targets`` as a list)."""
    rows = conn.execute(build_query(flt, registry)).all()
    names = [n for n in (flt.party, flt.licensor, flt.licensee) if n]
    if not rows and names and any(registry.lookup(n) is None for n in names):
        rows = conn.execute(build_query(flt, registry, like=True)).all()  # slower: scans the names
    return [_plain(r) for r in rows]


def deal_sources(conn: Connection, deal_id: int) -> list[dict[str, Any]]:
    a, s, m = S.articles, S.sources, S.mentions
    q = (select(a.c.doc_id, a.c.title, a.c.url, a.c.published, a.c.lang, s.c.link, s.c.score, m.c.idx, m.c.active,
                m.c.id.label("mention_id"))
         .join(s, s.c.article_id == a.c.id).join(m, m.c.id == s.c.mention_id)
         .where(s.c.kind == "deal", s.c.entity_id == deal_id).order_by(a.c.published, s.c.id))
    return [dict(r._mapping) for r in conn.execute(q)]


def show_deal(conn: Connection, deal_id: int) -> dict[str, Any] | None:
    """The merged deal, every field's values with their sources and evidence, the status history, the sources."""
    row = conn.execute(select(S.deals).where(S.deals.c.id == deal_id)).first()
    if row is None:
        return None
    fv, a = S.field_values, S.articles
    q = (select(fv.c.field, fv.c.display, fv.c.vkey, fv.c.chosen, fv.c.reason, fv.c.support, fv.c.active,
                fv.c.evidence, fv.c.rule, a.c.doc_id, a.c.published, a.c.title)
         .join(a, a.c.id == fv.c.article_id)
         .where(fv.c.kind == "deal", fv.c.entity_id == deal_id)
         .order_by(fv.c.field, fv.c.chosen.desc(), fv.c.active.desc(), a.c.published, fv.c.id))
    fields: dict[str, list[dict[str, Any]]] = {}
    for r in conn.execute(q):
        fields.setdefault(r.field, []).append(dict(r._mapping))
    sh = S.status_history
    hist = [dict(r._mapping) for r in conn.execute(
        select(sh.c.date, sh.c.date_source, sh.c.status, sh.c.stage, sh.c.evidence, sh.c.active, a.c.doc_id)
        .join(a, a.c.id == sh.c.article_id).where(sh.c.deal_id == deal_id)
        .order_by(sh.c.date.is_(None), sh.c.date, sh.c.id))]
    return {"deal": _plain(row), "fields": fields, "history": hist, "sources": deal_sources(conn, deal_id)}
