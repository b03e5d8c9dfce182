"""Field values of a deal mention, and the choice of one value per field of a merged deal.

Every filled field of every mention becomes a :class:`FieldValue`: the value as JSON, a readable form, an equality
key (values with the same key agree: the same company, the same amount and currency …), how specific it is, and
the evidence quote it was read from.

:func:`choose` picks one value per field, in this order of criteria, and says which one decided:

1. **most specific** — an exact amount beats an approximate one or a lower bound ("over $1 billion"), more
   significant digits beat fewer ($1.25 billion beats $1.3 billion); a registry company beats an unknown name;
   a fuller name of the asset (code and name) beats a part of it (a longer list of assets does not); more targets beat fewer; ``other`` is the least specific type;
2. **most sources** — the value more articles agree on;
3. **latest** — the value of the most recently published article.

Status is not chosen this way: it is the last step of the deal's history (:func:`current_status`).

>>> from decimal import Decimal
>>> from newsextract.records import Money
>>> a = money_value("upfront", Money(amount=Decimal("1.25e9"), currency="USD", text="$1.25 billion"))
>>> b = money_value("upfront", Money(amount=Decimal("1.3e9"), currency="USD", text="about $1.3 billion", approximate=True))
>>> rows = [Row(a, 1, None), Row(b, 2, None), Row(b, 3, None)]
>>> best, reason = choose(rows)
>>> best.value.display, reason
('USD 1,250,000,000 ($1.25 billion)', 'most specific (exact amount, 3 significant digits)')
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..records import DEAL_MONEY_FIELDS, Deal, Evidence, Money, Party
from ..registry import Registry, party_key
from .link import asset_keys, target_key

__all__ = ["FieldValue", "Row", "deal_values", "money_value", "choose", "current_status", "stage", "STAGE_ORDER",
           "FIELDS"]

#: the fields of a deal the ledger keeps values of (status has its own history as well).
FIELDS = ("licensor", "licensee", "deal_type", "status", "asset", "targets", "modality", "indications", "territory",
          *DEAL_MONEY_FIELDS, "royalty", "announced")
#: order of the stages a deal goes through (a later stage wins a tie of dates).
STAGE_ORDER = {"in_discussion": 0, "signed": 1, "completed": 2, "terminated": 3}


@dataclass(frozen=True)
class FieldValue:
    field: str
    value: Any  # JSON-able
    display: str
    vkey: str
    specificity: int = 0
    amount: Decimal | None = None
    currency: str | None = None
    evidence: Evidence | None = None


@dataclass
class Row:
    """A field value as the chooser sees it: the value, its source's id and publication date."""

    value: FieldValue
    source: int  # article id: one vote per article
    published: dt.date | None
    id: int = 0
    chosen: bool = False
    support: int = 1
    note: str | None = None  # why it is chosen
    stored: str | None = None  # chosen|support|note as the database holds them (None: not written yet)


def money_value(f: str, m: Money, ev: Evidence | None = None) -> FieldValue:
    amount = m.amount.normalize()
    digits = len(amount.as_tuple().digits)  # significant digits: 1.25E+9 has 3
    exact = not (m.approximate or m.lower_bound)
    spec = (10 if exact else 0) + min(digits, 9)
    qual = "up to " if m.upper_bound else "over " if m.lower_bound else "about " if m.approximate else ""
    display = f"{m.currency} {qual}{format(m.amount.quantize(Decimal(1)) if m.amount == m.amount.to_integral_value() else m.amount, ',f')} ({m.text})"
    return FieldValue(f, m.model_dump(mode="json"), display, f"{m.currency}:{format(amount, 'f')}", spec,
                      m.amount, m.currency, ev)


def _party_value(f: str, p: Party, registry: Registry, ev: Evidence | None) -> FieldValue:
    p = registry.resolve(p) or p
    key = party_key(p, registry) or p.name
    comp = registry.get(p.id)
    display = comp.name if comp else p.name
    if comp and p.name != comp.name:
        display += f" ({p.name})"
    return FieldValue(f, p.model_dump(mode="json"), display, key, 2 if comp else 1, evidence=ev)


def deal_values(deal: Deal, registry: Registry) -> list[FieldValue]:
    """One value per filled field of a deal record, each with its first evidence."""
    ev: dict[str, Evidence] = {}
    for e in deal.evidence:
        ev.setdefault(e.field, e)
    out: list[FieldValue] = []
    for f in ("licensor", "licensee"):
        p = getattr(deal, f)
        if p is not None:
            out.append(_party_value(f, p, registry, ev.get(f)))
    out.append(FieldValue("deal_type", deal.deal_type, deal.deal_type, deal.deal_type,
                          0 if deal.deal_type == "other" else 1, evidence=ev.get("deal_type")))
    out.append(FieldValue("status", deal.status, deal.status, deal.status, 1, evidence=ev.get("status")))
    assets = list(dict.fromkeys([a for a in [deal.asset, *deal.assets] if a]))
    if assets:
        keys = asset_keys(*assets)
        # more specific: more names of the main asset ("BL-B01D1 (iza-bren)"), not a longer list of assets
        main = assets[0]
        out.append(FieldValue("asset", ", ".join(assets), ", ".join(assets), "|".join(sorted(keys)),
                              len(asset_keys(main)) * 100 + len(main), evidence=ev.get("asset")))
    if deal.targets:
        tkeys = sorted({target_key(t) for t in deal.targets})
        out.append(FieldValue("targets", list(deal.targets), ", ".join(deal.targets), "|".join(tkeys), len(tkeys),
                              evidence=ev.get("targets")))
    for f in ("modality", "territory"):
        v = getattr(deal, f)
        if v:
            out.append(FieldValue(f, v, v, v.lower(), 1, evidence=ev.get(f)))
    if deal.indications:
        out.append(FieldValue("indications", list(deal.indications), ", ".join(deal.indications),
                              "|".join(sorted(i.lower() for i in deal.indications)), len(deal.indications),
                              evidence=ev.get("indications")))
    for f in DEAL_MONEY_FIELDS:
        m = getattr(deal, f)
        if m is not None:
            out.append(money_value(f, m, ev.get(f)))
    if deal.royalty is not None:
        r = deal.royalty
        label = "tiered" if r.tiered else "yes"
        rates = f" {r.min_pct}–{r.max_pct}%" if r.min_pct is not None or r.max_pct is not None else ""
        out.append(FieldValue("royalty", r.model_dump(mode="json"), label + rates, label,
                              (2 if r.tiered else 1) + (1 if rates else 0), evidence=ev.get("royalty")))
    if deal.announced is not None:
        out.append(FieldValue("announced", deal.announced.isoformat(), deal.announced.isoformat(),
                              deal.announced.isoformat(), 1, evidence=ev.get("announced")))
    return out


def choose(rows: list[Row]) -> tuple[Row, str]:
    """The chosen row of one field of one deal, and why (see the module docstring); sets ``support``."""
    groups: dict[str, list[Row]] = {}
    for r in rows:
        groups.setdefault(r.value.vkey, []).append(r)
    summary = []
    for key, rs in groups.items():
        n = len({r.source for r in rs})
        for r in rs:
            r.support = n
        spec = max(r.value.specificity for r in rs)
        latest = max((r.published for r in rs if r.published), default=None)
        summary.append((spec, n, latest or dt.date.min, -min(r.id for r in rs), key))
    summary.sort(reverse=True)
    spec, n, latest, _, key = summary[0]
    best = max(groups[key], key=lambda r: (r.value.specificity, r.published or dt.date.min, -r.id))
    total = len({r.source for r in rows})
    if len(summary) == 1:
        return best, ("only value" if total == 1 else f"all {total} sources agree")
    spec2, n2, latest2, _, _ = summary[1]
    if spec != spec2:
        return best, f"most specific ({_why_specific(best.value)})"
    if n != n2:
        return best, f"most sources ({n} of {total})"
    if latest != latest2:
        return best, f"latest ({latest.isoformat()})"
    return best, "first recorded (tie)"


def _why_specific(v: FieldValue) -> str:
    if v.amount is not None:
        exact = "exact amount" if v.specificity >= 10 else "approximate amount"
        return f"{exact}, {v.specificity % 10} significant digit{'s' if v.specificity % 10 != 1 else ''}"
    if v.field in ("licensor", "licensee"):
        return "a registry company" if v.specificity >= 2 else "a fuller name"
    if v.field == "asset":
        return "names more of the asset"
    if v.field in ("targets", "indications"):
        return "more of them"
    if v.field == "deal_type":
        return "a definite type"
    if v.field == "royalty":
        return "more detail"
    return "more detail"


def stage(status: str, deal_type: str | None) -> str:
    """The stage in words.

    >>> stage("completed", "option"), stage("in_discussion", "license")
    ('option exercised', 'in talks')
    """
    if status == "completed" and deal_type == "option":
        return "option exercised"
    return {"in_discussion": "in talks"}.get(status, status)


def current_status(history: list[tuple[dt.date | None, str, int]]) -> str | None:
    """The status of the latest step of a history of (date, status, order seen); undated steps count as oldest,
    a later stage wins a tie.

    >>> d = dt.date
    >>> current_status([(d(2023, 9, 1), "terminated", 2), (d(2021, 1, 11), "signed", 1), (None, "signed", 3)])
    'terminated'
    """
    if not history:
        return None
    return max(history, key=lambda h: (h[0] or dt.date.min, STAGE_ORDER.get(h[1], 0), h[2]))[1]


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
