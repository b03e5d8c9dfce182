"""Scoring approvals and figures (``../shared/EVAL.md`` point 6): each kind on its own, never mixed with deals.

Gold carries ``"approvals": [...]`` / ``"figures": [...]`` when the article was labelled for them (``[]`` means
"labelled: none"); a missing key means "not labelled" and the article is not scored for that kind.

- Approvals match one-to-one, best pair first: the drug must match (the company, where the gold drug is null),
  then +1 each for the same regulator, event and company. Scored fields: regulator, event, drug, company.
- Figures match when subject or value agree: +2 same subject, +1 same metric, +1 same period, +1.5 same value;
  a pair needs 2. Scored fields: subject, metric, value, period, change_pct. Figures with metric ``count`` are
  not scored (gold and prediction alike).

>>> g = [GoldItem({"regulator": "FDA", "event": "approval", "drug": "zolbetuximab", "company": "Astellas"},
...               {"drug": ["VYLOY"]})]
>>> p = [{"regulator": "FDA", "event": "approval", "drug": "Vyloy", "company": "Astellas Pharma"}]
>>> r = score_items("approvals", g, p)
>>> r.counts["drug"], r.counts["company"], (r.tp, r.fp, r.fn)
(Counts(tp=1, fp=0, fn=0), Counts(tp=1, fp=0, fn=0), (1, 0, 0))
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..records import Approval, Figure, Money, Party
from .equality import Counts, same_asset, same_money, same_party

__all__ = [
    "KINDS",
    "KIND_FIELDS",
    "GoldItem",
    "ItemError",
    "KindResult",
    "gold_items",
    "approval_values",
    "figure_values",
    "same_code",
    "same_value",
    "same_pct",
    "match_items",
    "score_items",
]

KINDS: tuple[str, ...] = ("approvals", "figures")
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "approvals": ("regulator", "event", "drug", "company"),
    "figures": ("subject", "metric", "value", "period", "change_pct"),
}
#: change_pct tolerance of EVAL.md: 0.05 points
PCT_TOLERANCE = 0.05


# --------------------------------------------------------------------------------------------------- equality
def _code(s: Any) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", str(s)).upper() if ch not in " .\u00a0")


def same_code(a: Any, b: Any) -> bool:
    """Regulator and period equality: upper-cased without spaces or dots.

    >>> same_code("FY 2024", "FY2024"), same_code("U.S. FDA", "US FDA"), same_code("H1 2025", "FY2025")
    (True, True, False)
    """
    return a is not None and b is not None and _code(a) == _code(b)


def _value_pair(v: Any) -> tuple[Decimal, str, str] | None:
    """(amount, currency, unit) of a gold dict, a Money/Quantity or a prediction tuple."""
    if v is None:
        return None
    if isinstance(v, tuple):
        return v
    if isinstance(v, dict):
        if v.get("amount") is None:
            return None
        return Decimal(str(v["amount"])), str(v.get("currency") or "").upper(), str(v.get("unit") or "")
    if isinstance(v, Money):
        return Decimal(v.amount), v.currency, ""
    return Decimal(v.amount), "", str(v.unit)


def same_value(a: Any, b: Any) -> bool:
    """Money like money (ISO currency, within 0.5 %); a Quantity compares amount (same tolerance) and unit.

    >>> same_value({"amount": 27.8, "unit": "%"}, (Decimal("27.8"), "", "%"))
    True
    >>> same_value({"amount": 5823000000, "currency": "CNY"}, (Decimal("5.823E9"), "CNY", ""))
    True
    >>> same_value({"amount": 44, "unit": "deals"}, (Decimal(44), "", "%"))
    False
    """
    pa, pb = _value_pair(a), _value_pair(b)
    if pa is None or pb is None:
        return False
    if pa[1] or pb[1]:
        return same_money((pa[0], pa[1]), (pb[0], pb[1]))
    if pa[2].strip().lower() != pb[2].strip().lower():
        return False
    big = max(abs(pa[0]), abs(pb[0]))
    return abs(pa[0] - pb[0]) <= Decimal("0.005") * big


def same_pct(a: Any, b: Any) -> bool:
    """change_pct equality: within 0.05 points.

    >>> same_pct(936.31, 936.3), same_pct(-32.5, 32.5)
    (True, False)
    """
    return a is not None and b is not None and abs(float(a) - float(b)) <= PCT_TOLERANCE + 1e-9


def _same_text(a: Any, b: Any) -> bool:
    return a is not None and b is not None and str(a).strip().lower() == str(b).strip().lower()


EQUAL: dict[str, Callable[[Any, Any], bool]] = {
    "regulator": same_code,
    "event": _same_text,
    "drug": same_asset,
    "company": same_party,
    "subject": same_party,
    "metric": _same_text,
    "value": same_value,
    "period": same_code,
    "change_pct": same_pct,
}


# --------------------------------------------------------------------------------------------------- gold
@dataclass
class GoldItem:
    """One gold approval or figure reduced to its scored fields; ``accept`` holds alternatives per field."""

    values: dict[str, Any]
    accept: dict[str, list[Any]] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    def candidates(self, f: str) -> list[Any]:
        return [self.values.get(f)] + list(self.accept.get(f, []))


def _gold_field(f: str, v: Any) -> Any:
    if isinstance(v, dict) and f in ("company", "subject"):
        v = v.get("name")
    if f == "value":
        return v if isinstance(v, dict) and v.get("amount") is not None else None
    return v if v not in ("", None) else None


def gold_items(kind: str, data: dict[str, Any]) -> list[GoldItem] | None:
    """The gold items of ``kind`` in a gold file, or None when the file was not labelled for it.

    Figures with metric ``count`` are dropped: they are not scored.

    >>> gold_items("figures", {"figures": [{"subject": "X", "metric": "count", "value": {"amount": 3, "unit": "deals"}}]})
    []
    >>> gold_items("approvals", {"deals": []}) is None
    True
    """
    if kind not in data or data[kind] is None:
        return None
    fields = KIND_FIELDS[kind]
    out = []
    for raw in data[kind]:
        if kind == "figures" and raw.get("metric") == "count":
            continue
        values = {f: _gold_field(f, raw.get(f)) for f in fields}
        accept: dict[str, list[Any]] = {}
        for k, alts in (raw.get("accept") or {}).items():
            if k in fields:
                accept[k] = [_gold_field(k, a) for a in (alts if isinstance(alts, list) else [alts])]
        out.append(GoldItem(values, accept, raw))
    return out


# --------------------------------------------------------------------------------------------------- predictions
def approval_values(a: Approval) -> dict[str, Any]:
    """The scored fields of a predicted approval."""
    return {"regulator": a.regulator, "event": a.event, "drug": a.drug,
            "company": a.company.name if a.company else None}


def figure_values(f: Figure) -> dict[str, Any]:
    """The scored fields of a predicted figure (value as an ``(amount, currency, unit)`` tuple)."""
    v = f.value
    value = (Decimal(v.amount), v.currency, "") if isinstance(v, Money) else (Decimal(v.amount), "", v.unit)
    return {"subject": f.subject.name if isinstance(f.subject, Party) else f.subject, "metric": f.metric,
            "value": value, "period": f.period, "change_pct": f.change_pct}


# --------------------------------------------------------------------------------------------------- matching
def _eq_any(f: str, g: GoldItem, pv: Any) -> bool:
    return pv is not None and any(c is not None and EQUAL[f](c, pv) for c in g.candidates(f))


def _field_counts(f: str, g: GoldItem, pv: Any) -> Counts:
    best: Counts | None = None
    for c in g.candidates(f) or [None]:
        if c is None and pv is None:
            got = Counts()
        elif c is None:
            got = Counts(fp=1)
        elif pv is None:
            got = Counts(fn=1)
        elif EQUAL[f](c, pv):
            got = Counts(tp=1)
        else:
            got = Counts(fp=1, fn=1)
        if best is None or (got.fp + got.fn, -got.tp) < (best.fp + best.fn, -best.tp):
            best = got
    assert best is not None
    return best


def pair_score(kind: str, g: GoldItem, pv: dict[str, Any]) -> float | None:
    """The similarity of a gold and a predicted item, or None when they may not be paired.

    >>> gi = GoldItem({"subject": "Roche", "metric": "revenue", "value": {"amount": 5, "currency": "CHF"},
    ...                "period": "Q1 2016", "change_pct": 4})
    >>> pair_score("figures", gi, {"subject": "Novartis", "metric": "revenue", "value": (Decimal(5), "CHF", ""),
    ...                            "period": None, "change_pct": None})
    2.5
    """
    if kind == "approvals":
        key = "drug" if g.values.get("drug") is not None else "company"
        if not _eq_any(key, g, pv.get(key)):
            return None
        return 1.0 + sum(1.0 for f in ("regulator", "event", "company") if _eq_any(f, g, pv.get(f)))
    score = 2.0 * _eq_any("subject", g, pv.get("subject")) + 1.0 * _eq_any("metric", g, pv.get("metric")) \
        + 1.0 * _eq_any("period", g, pv.get("period")) + 1.5 * _eq_any("value", g, pv.get("value"))
    if not (_eq_any("subject", g, pv.get("subject")) or _eq_any("value", g, pv.get("value"))):
        return None
    return score if score >= 2 else None


def match_items(kind: str, gold: Sequence[GoldItem], pred: Sequence[dict[str, Any]]) -> list[tuple[int, int, float]]:
    """Greedy one-to-one matching, best pair first (ties: earlier gold, then earlier prediction)."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, pv in enumerate(pred):
            s = pair_score(kind, g, pv)
            if s is not None:
                pairs.append((-s, gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for neg, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi, -neg))
    return sorted(out)


@dataclass
class ItemError:
    """One field of an approval or figure that counted FP and/or FN."""

    kind: str
    field: str
    fp: int
    fn: int
    gold: Any
    predicted: Any
    gold_item: int | None
    pred_item: int | None
    evidence: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class KindResult:
    """Counts of one kind (approvals or figures) in one article: per field, and matched items."""

    kind: str
    counts: dict[str, Counts]
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[ItemError] = field(default_factory=list)


def score_items(kind: str, gold: Sequence[GoldItem], pred: Sequence[dict[str, Any]],
                evidence: Sequence[list[dict[str, Any]]] | None = None) -> KindResult:
    """Score the predicted items of one kind against the gold items of one article."""
    fields = KIND_FIELDS[kind]
    if kind == "figures":
        keep = [i for i, p in enumerate(pred) if p.get("metric") != "count"]
        pred = [pred[i] for i in keep]
        evidence = [evidence[i] for i in keep] if evidence is not None else None
    res = KindResult(kind, {f: Counts() for f in fields})
    matches = match_items(kind, gold, pred)

    def add(f: str, c: Counts, gi: int | None, pi: int | None, gv: Any, pv: Any) -> None:
        res.counts[f] += c
        if c.fp or c.fn:
            ev = [e for e in (evidence[pi] if evidence is not None and pi is not None else []) if e.get("field") == f]
            res.errors.append(ItemError(kind, f, c.fp, c.fn, gv, pv, gi, pi, ev))

    mg = {gi for gi, _, _ in matches}
    mp = {pi for _, pi, _ in matches}
    for gi, pi, _ in matches:
        for f in fields:
            add(f, _field_counts(f, gold[gi], pred[pi].get(f)), gi, pi, gold[gi].values.get(f), pred[pi].get(f))
        res.tp += 1
    for gi, g in enumerate(gold):
        if gi in mg:
            continue
        res.fn += 1
        for f in fields:
            add(f, _field_counts(f, g, None), gi, None, g.values.get(f), None)
    for pi, pv in enumerate(pred):
        if pi in mp:
            continue
        res.fp += 1
        for f in fields:
            if pv.get(f) is not None:
                add(f, Counts(fp=1), None, pi, None, pv.get(f))
    return res
