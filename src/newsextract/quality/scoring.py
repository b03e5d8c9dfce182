"""Scoring one article: deal matching (best pair first), per-field counts, the error list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from ..records import Approval, Deal, Extraction, Figure
from .equality import _EQUAL, FIELDS, MONEY_FIELDS, Counts, target_key
from .gold import GoldArticle, GoldDeal


# --------------------------------------------------------------------------------------------------- scoring
def deal_values(deal: Deal) -> dict[str, Any]:
    """The scored fields of a predicted :class:`Deal` in the shape gold values have.

    >>> from newsextract.records import Money, Party, Royalty
    >>> v = deal_values(Deal(licensor=Party(name="3SBio"), royalty=Royalty(tiered=True),
    ...     upfront=Money(amount=1, currency="USD", text="$1")))
    >>> v["licensor"], v["royalty"], v["upfront"], v["targets"]
    ('3SBio', 'tiered', (Decimal('1'), 'USD'), [])
    """
    out: dict[str, Any] = {
        "licensor": deal.licensor.name if deal.licensor else None,
        "licensee": deal.licensee.name if deal.licensee else None,
        "asset": deal.asset or None,
        "targets": list(deal.targets),
        "royalty": None if deal.royalty is None else ("tiered" if deal.royalty.tiered else "yes"),
    }
    for f in MONEY_FIELDS:
        m = getattr(deal, f)
        out[f] = None if m is None else (Decimal(m.amount), m.currency)
    return out


def _target_counts(gold: list[str] | None, pred: list[str]) -> Counts:
    gk = {target_key(t) for t in gold or []}
    pk = {target_key(t) for t in pred}
    gk.discard("")
    pk.discard("")
    return Counts(tp=len(gk & pk), fp=len(pk - gk), fn=len(gk - pk))


def _one_counts(f: str, gold: Any, pred: Any) -> Counts:
    if f == "targets":
        return _target_counts(gold, pred or [])
    if gold is None and pred is None:
        return Counts()
    if gold is None:
        return Counts(fp=1)
    if pred is None:
        return Counts(fn=1)
    if _EQUAL[f](gold, pred):
        return Counts(tp=1)
    return Counts(fp=1, fn=1)


def field_counts(f: str, candidates: Sequence[Any], pred: Any) -> Counts:
    """Counts of one field for a matched pair, taking the gold alternative that is most favourable.

    ``candidates`` is the gold value followed by its accepted alternatives; ``None`` among them means an
    empty prediction is no miss.

    >>> field_counts("licensee", ["Janssen", "Johnson & Johnson"], "J&J")
    Counts(tp=1, fp=0, fn=0)
    >>> field_counts("upfront", [{"amount": 5, "currency": "USD"}, None], None)
    Counts(tp=0, fp=0, fn=0)
    >>> field_counts("upfront", [{"amount": 5, "currency": "USD"}], (Decimal(6), "USD"))
    Counts(tp=0, fp=1, fn=1)
    >>> field_counts("targets", [["PD-1", "VEGF"]], ["PD1", "HER2"])
    Counts(tp=1, fp=1, fn=1)
    """
    best: Counts | None = None
    for c in candidates or [None]:
        got = _one_counts(f, c, pred)
        if best is None or (got.fp + got.fn, -got.tp) < (best.fp + best.fn, -best.tp):
            best = got
    assert best is not None
    return best


def _equal_any(f: str, gd: GoldDeal, pred: Any) -> bool:
    if pred is None or pred == []:
        return False
    return any(c is not None and _one_counts(f, c, pred).tp > 0 for c in gd.candidates(f))


def similarity(gd: GoldDeal, pv: dict[str, Any]) -> float:
    """EVAL.md deal similarity: +2 per same party, +1.5 per same money field, +1 shared target, +1 same asset.

    >>> from newsextract.quality.gold import gold_from_dict
    >>> gd = gold_from_dict({"deals": [{"licensor": "A Bio", "licensee": "Pfizer", "targets": ["PD-1"]}]}).deals[0]
    >>> similarity(gd, {"licensor": "A Bio", "licensee": None, "targets": ["PD1"], "asset": None})
    3.0
    """
    score = 0.0
    for f in ("licensor", "licensee"):
        if _equal_any(f, gd, pv.get(f)):
            score += 2
    for f in MONEY_FIELDS:
        if _equal_any(f, gd, pv.get(f)):
            score += 1.5
    if _equal_any("targets", gd, pv.get("targets")):
        score += 1
    if _equal_any("asset", gd, pv.get("asset")):
        score += 1
    return score


def match_deals(gold: Sequence[GoldDeal], pred: Sequence[dict[str, Any]], min_score: float = 2.0
                ) -> list[tuple[int, int, float]]:
    """Greedy one-to-one matching, best pair first; pairs scoring under ``min_score`` stay unmatched.

    Ties prefer a required gold deal over an optional one, then the earlier gold and predicted deal.
    Returns ``(gold index, predicted index, score)`` triples.
    """
    pairs = []
    for gi, gd in enumerate(gold):
        for pi, pv in enumerate(pred):
            s = similarity(gd, pv)
            if s >= min_score:
                pairs.append((-s, gd.optional, gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for neg, _opt, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi, -neg))
    return sorted(out, key=lambda t: (t[0], t[1]))


@dataclass
class FieldError:
    """One scoring error: a field of a deal that counted FP and/or FN."""

    article: str
    lang: str
    style: str | None
    field: str
    fp: int
    fn: int
    gold: Any
    predicted: Any
    gold_deal: int | None  # index into deals (+ len(deals) for optional deals); None: unmatched prediction
    pred_deal: int | None  # index into the predicted deals; None: unmatched gold deal
    evidence: list[dict[str, Any]] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return "FP+FN" if self.fp and self.fn else ("FP" if self.fp else "FN")

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["kind"] = self.kind
        d["gold"] = _jsonable(self.gold)
        d["predicted"] = _jsonable(self.predicted)
        return d


def _jsonable(v: Any) -> Any:
    if isinstance(v, tuple) and len(v) in (2, 3) and isinstance(v[0], Decimal):
        amt = v[0]
        num = int(amt) if amt == amt.to_integral_value() else float(amt)
        if len(v) == 3 and not v[1]:  # a Quantity: (amount, "", unit)
            return {"amount": num, "unit": v[2]}
        return {"amount": num, "currency": v[1]}
    if isinstance(v, Decimal):
        return float(v)
    return v


def fmt_value(v: Any) -> str:
    """Short text of a gold or predicted value for tables and error lists.

    >>> fmt_value({"amount": 571000000, "currency": "USD"}), fmt_value(None), fmt_value(["PD-1", "VEGF"])
    ('USD 571,000,000', '-', 'PD-1, VEGF')
    """
    v = _jsonable(v)
    if v is None or v == []:
        return "-"
    if isinstance(v, dict) and "amount" in v and "unit" in v and not v.get("currency"):
        return f"{v['amount']} {v['unit']}"
    if isinstance(v, dict) and "amount" in v:
        amt = v["amount"]
        return f"{v.get('currency', '?')} {amt:,}" if isinstance(amt, int) else f"{v.get('currency', '?')} {amt}"
    if isinstance(v, list):
        return ", ".join(str(x) for x in v)
    return str(v)


@dataclass
class ArticleResult:
    """Scores of one article."""

    id: str
    lang: str
    style: str | None
    split: str | None
    counts: dict[str, Counts]
    deal_tp: int = 0
    deal_fp: int = 0
    deal_fn: int = 0
    errors: list[FieldError] = field(default_factory=list)
    extraction_error: str | None = None
    n_gold: int = 0
    n_pred: int = 0
    #: approvals / figures, for the kinds the gold is labelled for (EVAL.md point 6)
    kinds: dict[str, Any] = field(default_factory=dict)


def _evidence_for(deal: Deal, f: str) -> list[dict[str, Any]]:
    return [
        {"start": e.start, "end": e.end, "text": e.text, "rule": e.rule}
        for e in deal.evidence
        if e.field == f or (f == "targets" and e.field in ("target", "targets"))
    ]


def score_article(gold: GoldArticle, pred: Extraction) -> ArticleResult:
    """Score the predicted deals of one article against its gold (EVAL.md points 1–4)."""
    all_gold = list(gold.deals) + list(gold.optional_deals)
    pvals = [deal_values(d) for d in pred.deals]
    matches = match_deals(all_gold, pvals)
    res = ArticleResult(
        id=gold.id, lang=gold.lang, style=gold.style, split=gold.split,
        counts={f: Counts() for f in FIELDS}, extraction_error=pred.error,
        n_gold=len(gold.deals), n_pred=len(pred.deals),
    )

    def add(f: str, c: Counts, gi: int | None, pi: int | None, gv: Any, pv: Any) -> None:
        res.counts[f] += c
        if c.fp or c.fn:
            ev = _evidence_for(pred.deals[pi], f) if pi is not None else []
            if f == "targets":  # name the wrong elements, not the whole lists
                gk = {target_key(t) for t in gv or []}
                pk = {target_key(t) for t in pv or []}
                gv = [t for t in gv or [] if target_key(t) not in pk]
                pv = [t for t in pv or [] if target_key(t) not in gk]
            res.errors.append(FieldError(gold.id, gold.lang, gold.style, f, c.fp, c.fn, gv, pv, gi, pi, ev))

    def best_gold(gd: GoldDeal, f: str, pv: Any) -> Any:
        # the alternative used for the counts, so the error list shows what the prediction was held against
        cands = gd.candidates(f)
        return min(cands, key=lambda c: ((k := _one_counts(f, c, pv)).fp + k.fn, -k.tp)) if cands else None

    matched_g = {gi for gi, _, _ in matches}
    matched_p = {pi for _, pi, _ in matches}
    for gi, pi, _s in matches:
        gd, pv = all_gold[gi], pvals[pi]
        for f in FIELDS:
            add(f, field_counts(f, gd.candidates(f), pv[f]), gi, pi, best_gold(gd, f, pv[f]), pv[f])
        res.deal_tp += 1
    for gi, gd in enumerate(all_gold):
        if gi in matched_g or gd.optional:
            continue
        res.deal_fn += 1
        for f in FIELDS:
            add(f, field_counts(f, gd.candidates(f), None if f != "targets" else []), gi, None,
                gd.values[f], None)
    for pi, pv in enumerate(pvals):
        if pi in matched_p:
            continue
        res.deal_fp += 1
        for f in FIELDS:
            add(f, _one_counts(f, None if f != "targets" else [], pv[f]), None, pi, None, pv[f])
    _score_kinds(gold, pred, res)
    return res


def _score_kinds(gold: GoldArticle, pred: Extraction, res: ArticleResult) -> None:
    """Approvals and figures, each on its own, where the gold is labelled for them (EVAL.md point 6)."""
    from .reports import approval_values, figure_values, score_items

    for kind, items in gold.items.items():
        recs: Sequence[Approval | Figure] = pred.approvals if kind == "approvals" else pred.figures
        pvals = ([approval_values(r) for r in pred.approvals] if kind == "approvals"
                 else [figure_values(r) for r in pred.figures])
        ev = [[{"field": e.field, "start": e.start, "end": e.end, "text": e.text, "rule": e.rule}
               for e in r.evidence] for r in recs]
        kr = score_items(kind, items, pvals, ev)
        res.kinds[kind] = kr
        label = kind[:-1]
        for e in kr.errors:
            res.errors.append(FieldError(gold.id, gold.lang, gold.style, f"{label}.{e.field}", e.fp, e.fn, e.gold,
                                         e.predicted, e.gold_item, e.pred_item, e.evidence))
