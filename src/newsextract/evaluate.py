"""Scoring extracted deals against hand-made gold, exactly as ``../shared/EVAL.md`` says.

Gold comes in two formats, both read by :func:`load_gold`:

- the corpus format, ``corpus/<lang>/<id>.gold.json`` beside ``<id>.txt`` (``total_value``, ``split``, ``style``);
- the realdev format, ``<lang>/<id>.json`` beside ``<id>.txt`` (``total`` instead of ``total_value``, no split).

The scoring functions are pure: :func:`score_article` takes a gold article and an
:class:`~newsextract.records.Extraction` and returns counts plus an error list; :func:`summarize` turns many of
those into per-field precision/recall/F1, micro-F1 and deal-level F1, overall and per language and style.
:func:`evaluate` is the one function that runs the extractor.

>>> g = gold_from_dict({"id": "x", "lang": "en", "deals": [{"licensor": "Maiwei Biotech", "licensee": "Calico",
...     "upfront": {"amount": 25000000, "currency": "USD"}}]})
>>> from newsextract.records import Deal, Extraction, Money, Party
>>> pred = Extraction(doc_id="x", deals=[Deal(licensor=Party(name="Maiwei"), licensee=Party(name="Calico"),
...     upfront=Money(amount=25_000_000, currency="USD", text="$25 million"))])
>>> r = score_article(g, pred)
>>> r.counts["licensor"], r.counts["upfront"], r.deal_tp
(Counts(tp=1, fp=0, fn=0), Counts(tp=1, fp=0, fn=0), 1)
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from .records import Deal, Extraction

__all__ = [
    "FIELDS",
    "MONEY_FIELDS",
    "Counts",
    "GoldArticle",
    "FieldError",
    "ArticleResult",
    "Report",
    "gold_from_dict",
    "load_gold",
    "iter_gold",
    "norm_party",
    "same_party",
    "same_money",
    "target_key",
    "same_target",
    "same_asset",
    "same_royalty",
    "deal_values",
    "field_counts",
    "similarity",
    "match_deals",
    "score_article",
    "summarize",
    "evaluate",
    "prf",
]

#: the scored fields, in report order.
FIELDS: tuple[str, ...] = ("licensor", "licensee", "upfront", "milestones", "total_value", "targets", "asset", "royalty")
MONEY_FIELDS: tuple[str, ...] = ("upfront", "milestones", "total_value")
#: gold keys that mean a record field (realdev says ``total``).
_GOLD_ALIASES = {"total": "total_value"}
#: the money tolerance of EVAL.md: amounts within 0.5 % are equal.
MONEY_TOLERANCE = Decimal("0.005")


# --------------------------------------------------------------------------------------------------- counts
@dataclass
class Counts:
    """True positives, false positives and false negatives of one field (or of deals)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    @property
    def total(self) -> int:
        return self.tp + self.fp + self.fn

    def scores(self) -> dict[str, float | None]:
        """``precision``, ``recall``, ``f1`` (None when there is nothing to divide by)."""
        p, r, f = prf(self.tp, self.fp, self.fn)
        return {"precision": p, "recall": r, "f1": f}


def prf(tp: int, fp: int, fn: int) -> tuple[float | None, float | None, float | None]:
    """Precision, recall and F1; a ratio with an empty denominator is None.

    F1 is 0.0 when something was predicted or expected but nothing matched, and None only when there was
    neither a prediction nor a gold value (the field says nothing about quality).

    >>> prf(3, 1, 2)
    (0.75, 0.6, 0.6667)
    >>> prf(0, 0, 0), prf(0, 2, 0)
    ((None, None, None), (0.0, None, 0.0))
    """
    p = round(tp / (tp + fp), 4) if tp + fp else None
    r = round(tp / (tp + fn), 4) if tp + fn else None
    if tp + fp + fn == 0:
        return p, r, None
    f = round(2 * tp / (2 * tp + fp + fn), 4)
    return p, r, f


# --------------------------------------------------------------------------------------------------- equality
_SUFFIXES = frozenset(
    """inc incorporated ltd limited llc plc corp corporation co company ag sa gmbh holdings holding group
    bv nv kk se spa ab as asa oy lp llp pty sarl srl kgaa""".split()
)
_ZH_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "控股", "集团", "公司")
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)


def norm_party(name: str | None) -> str:
    """A party name reduced for comparison: NFKC, lower case, hyphens to spaces, no punctuation or suffixes.

    >>> norm_party("Regeneron Pharmaceuticals, Inc.")
    'regeneron pharmaceuticals'
    >>> norm_party("Bristol-Myers Squibb Co."), norm_party("江苏恒瑞医药股份有限公司")
    ('bristol myers squibb', '江苏恒瑞医药')
    >>> norm_party("The Group")  # nothing left after dropping: keep what there was
    'the group'
    """
    if not name:
        return ""
    s = unicodedata.normalize("NFKC", name).lower()
    s = s.replace("-", " ").replace("‐", " ").replace("–", " ").replace("&", " ")
    s = _PUNCT.sub(" ", s)
    words = s.split()
    if words and words[0] == "the":
        words = words[1:]
    kept = [w for w in words if w not in _SUFFIXES]
    out = " ".join(kept)
    for suf in _ZH_SUFFIXES:
        if out.endswith(suf) and len(out) > len(suf):
            out = out[: -len(suf)]
    return out or " ".join(s.split())


def _initials(words: Sequence[str]) -> str:
    return "".join(w[0] for w in words if w)


def same_party(a: str | None, b: str | None) -> bool:
    """EVAL.md party equality: containment, initials or word-set Jaccard ≥ 0.5 after :func:`norm_party`.

    >>> same_party("Hansoh Pharma", "Hansoh Pharmaceutical Group Company Limited")
    True
    >>> same_party("BMS", "Bristol-Myers Squibb"), same_party("J&J", "Johnson & Johnson")
    (True, True)
    >>> same_party("Merck KGaA", "Merck & Co."), same_party("Pfizer", "Seagen"), same_party("Merck", "Roche")
    (True, False, False)
    >>> same_party("恒瑞医药", "江苏恒瑞医药股份有限公司"), same_party(None, "Pfizer")
    (True, False)
    """
    if not a or not b:
        return False
    na, nb = norm_party(a), norm_party(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    wa, wb = na.split(), nb.split()
    # EVAL.md: "equal if one contains the other" -- plain containment of the reduced strings
    if na in nb or nb in na:
        return True
    for short, long_ in ((wa, wb), (wb, wa)):
        # initials: "bms", or spelt with separators as "j&j" (reduced to "j j")
        compact = "".join(short) if len(short) == 1 or all(len(w) == 1 for w in short) else ""
        if len(compact) >= 2 and len(long_) >= 2 and compact == _initials(long_):
            return True
    sa, sb = set(wa), set(wb)
    return len(sa & sb) / len(sa | sb) >= 0.5


def _money_pair(m: Any) -> tuple[Decimal, str] | None:
    if m is None:
        return None
    if isinstance(m, dict):
        if m.get("amount") is None:
            return None
        return Decimal(str(m["amount"])), str(m.get("currency") or "").upper()
    if isinstance(m, tuple):
        return m
    return Decimal(str(m.amount)), str(m.currency).upper()


def same_money(a: Any, b: Any) -> bool:
    """Same ISO currency and amounts within 0.5 % of the larger one.

    >>> same_money({"amount": 571000000, "currency": "USD"}, (Decimal("5.7e8"), "USD"))
    True
    >>> same_money({"amount": 100, "currency": "USD"}, {"amount": 100, "currency": "EUR"})
    False
    >>> same_money({"amount": 100, "currency": "USD"}, {"amount": 101, "currency": "USD"})
    False
    """
    pa, pb = _money_pair(a), _money_pair(b)
    if pa is None or pb is None or pa[1] != pb[1]:
        return False
    big = max(abs(pa[0]), abs(pb[0]))
    return abs(pa[0] - pb[0]) <= MONEY_TOLERANCE * big


def target_key(t: str) -> str:
    """Lower case without spaces, hyphens, dots or slashes.

    >>> target_key("PD-L1"), target_key("Claudin 18.2"), target_key("KRAS G12D")
    ('pdl1', 'claudin182', 'krasg12d')
    """
    s = unicodedata.normalize("NFKC", t).lower()
    return re.sub(r"[\s\-./‐–]", "", s)


def same_target(a: str | None, b: str | None) -> bool:
    """Target equality on :func:`target_key`.

    >>> same_target("PD-1", "pd1"), same_target("PD-1", "PD-L1")
    (True, False)
    """
    return bool(a) and bool(b) and target_key(a) == target_key(b)  # type: ignore[arg-type]


def same_asset(a: str | None, b: str | None) -> bool:
    """Asset equality: same key (as targets), or one contains the other.

    >>> same_asset("SSGJ-707", "ssgj707"), same_asset("efpeglenatide, HM12470", "HM-12470")
    (True, True)
    >>> same_asset("HS-20094", "HS-20093")
    False
    """
    if not a or not b:
        return False
    ka, kb = target_key(a), target_key(b)
    if not ka or not kb:
        return False
    return ka == kb or ka in kb or kb in ka


def same_royalty(gold: str | None, pred: str | None) -> bool:
    """Royalty equality: a predicted "tiered" also counts for gold "yes" (mentioned), not the other way round.

    >>> same_royalty("tiered", "tiered"), same_royalty("yes", "tiered"), same_royalty("tiered", "yes")
    (True, True, False)
    """
    if not gold or not pred:
        return False
    return gold == pred or (gold == "yes" and pred == "tiered")


_EQUAL = {
    "licensor": same_party,
    "licensee": same_party,
    "upfront": same_money,
    "milestones": same_money,
    "total_value": same_money,
    "asset": same_asset,
    "royalty": same_royalty,
}


# --------------------------------------------------------------------------------------------------- gold
@dataclass
class GoldDeal:
    """One gold deal reduced to the scored fields; ``accept`` holds the alternatives per field."""

    values: dict[str, Any]
    accept: dict[str, list[Any]] = field(default_factory=dict)
    optional: bool = False
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    def candidates(self, f: str) -> list[Any]:
        """The gold value of field ``f`` followed by its accepted alternatives."""
        return [self.values.get(f)] + list(self.accept.get(f, []))


@dataclass
class GoldArticle:
    id: str
    lang: str
    deals: list[GoldDeal]
    optional_deals: list[GoldDeal] = field(default_factory=list)
    style: str | None = None
    split: str | None = None
    published: str | None = None
    title: str | None = None
    text_path: Path | None = None
    gold_path: Path | None = None

    def text(self) -> str:
        if self.text_path is None:
            raise FileNotFoundError(f"no text file for gold article {self.id}")
        return self.text_path.read_text(encoding="utf-8")


def _gold_value(f: str, v: Any) -> Any:
    if f == "targets":
        if v is None:
            return []
        return [str(t) for t in v] if isinstance(v, list) else [str(v)]
    if f in MONEY_FIELDS:
        return v if isinstance(v, dict) and v.get("amount") is not None else None
    if f == "royalty":
        if v in (None, False, "", "no"):
            return None
        if isinstance(v, dict):  # a record-style royalty
            return "tiered" if v.get("tiered") else "yes"
        return "tiered" if v == "tiered" else "yes"
    if isinstance(v, dict):  # a record-style party {"name": ...}
        v = v.get("name")
    return v if v not in ("", None) else None


def _gold_deal(d: dict[str, Any], optional: bool = False) -> GoldDeal:
    d = {_GOLD_ALIASES.get(k, k): v for k, v in d.items()}
    values = {f: _gold_value(f, d.get(f)) for f in FIELDS}
    accept: dict[str, list[Any]] = {}
    for k, alts in (d.get("accept") or {}).items():
        k = _GOLD_ALIASES.get(k, k)
        if k not in FIELDS:
            continue
        alts = alts if isinstance(alts, list) else [alts]
        if k == "targets":
            accept[k] = [None if a is None else _gold_value(k, a) for a in alts]
        else:
            accept[k] = [_gold_value(k, a) for a in alts]
    return GoldDeal(values=values, accept=accept, optional=optional, raw=d)


def gold_from_dict(data: dict[str, Any], *, gold_path: Path | None = None, text_path: Path | None = None,
                   lang: str | None = None) -> GoldArticle:
    """A :class:`GoldArticle` from a parsed gold file of either format.

    >>> g = gold_from_dict({"id": "rd-en-1", "lang": "en", "style": "news", "deals": [
    ...     {"licensor": "A", "total": {"amount": 5, "currency": "USD"}, "accept": {"total": [None]}}]})
    >>> g.deals[0].values["total_value"], g.deals[0].accept, g.split
    ({'amount': 5, 'currency': 'USD'}, {'total_value': [None]}, None)
    """
    art_id = str(data.get("id") or (gold_path.name.split(".")[0] if gold_path else "?"))
    return GoldArticle(
        id=art_id,
        lang=str(data.get("lang") or lang or "en"),
        deals=[_gold_deal(d) for d in data.get("deals") or []],
        optional_deals=[_gold_deal(d, optional=True) for d in data.get("optional_deals") or []],
        style=data.get("style"),
        split=data.get("split"),
        published=data.get("published"),
        title=data.get("title"),
        text_path=text_path,
        gold_path=gold_path,
    )


def load_gold(path: str | Path) -> GoldArticle:
    """Read one gold file (``<id>.gold.json`` or realdev ``<id>.json``); the text is ``<id>.txt`` beside it."""
    p = Path(path)
    data = json.loads(p.read_text(encoding="utf-8"))
    stem = p.name[: -len(".gold.json")] if p.name.endswith(".gold.json") else p.stem
    txt = p.with_name(stem + ".txt")
    lang = p.parent.name if p.parent.name in ("en", "zh") else None
    return gold_from_dict(data, gold_path=p, text_path=txt if txt.is_file() else None, lang=lang)


def _is_gold_file(p: Path) -> bool:
    if "snapshots" in p.parts:
        return False
    if p.name.endswith(".gold.json"):
        return True
    # realdev: <id>.json with <id>.txt beside it
    return p.suffix == ".json" and p.with_suffix(".txt").is_file()


def iter_gold(root: str | Path, *, split: str | None = None, lang: str | None = None,
              ids: Iterable[str] | None = None) -> Iterator[GoldArticle]:
    """Every gold article under ``root`` (recursively, sorted by path), optionally filtered.

    ``root`` may also be a single gold file. Snapshot folders are skipped.
    """
    root = Path(root)
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*.json") if _is_gold_file(p))
    wanted = set(ids) if ids else None
    for p in files:
        g = load_gold(p)
        if split and g.split != split:
            continue
        if lang and g.lang != lang:
            continue
        if wanted is not None and g.id not in wanted:
            continue
        yield g


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
    if isinstance(v, tuple) and len(v) == 2 and isinstance(v[0], Decimal):
        amt = v[0]
        return {"amount": int(amt) if amt == amt.to_integral_value() else float(amt), "currency": v[1]}
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
    return res


# --------------------------------------------------------------------------------------------------- report
@dataclass
class Report:
    """Scores of many articles: overall and per group."""

    articles: list[ArticleResult]

    def counts(self, results: Iterable[ArticleResult] | None = None) -> dict[str, Counts]:
        tot = {f: Counts() for f in FIELDS}
        for r in self.articles if results is None else results:
            for f in FIELDS:
                tot[f] += r.counts[f]
        return tot

    @property
    def errors(self) -> list[FieldError]:
        return [e for r in self.articles for e in r.errors]

    def groups(self, key: str) -> dict[str, list[ArticleResult]]:
        out: dict[str, list[ArticleResult]] = {}
        for r in self.articles:
            out.setdefault(str(getattr(r, key) or "-"), []).append(r)
        return dict(sorted(out.items()))

    def to_json(self, *, errors: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {"overall": summarize(self.articles)}
        data["by_lang"] = {k: summarize(v) for k, v in self.groups("lang").items()}
        data["by_style"] = {k: summarize(v) for k, v in self.groups("style").items()}
        if errors:
            data["errors"] = [e.to_json() for e in self.errors]
        return data


def summarize(results: Sequence[ArticleResult]) -> dict[str, Any]:
    """Per-field P/R/F1 with counts, micro-averaged scores over all fields, and deal-level scores.

    >>> r = ArticleResult("a", "en", None, None, {f: Counts(tp=1) for f in FIELDS}, deal_tp=1, deal_fn=1)
    >>> s = summarize([r])
    >>> s["micro"]["f1"], s["deals"]["recall"], s["fields"]["asset"]["tp"], s["articles"]
    (1.0, 0.5, 1, 1)
    """
    fields: dict[str, Any] = {}
    micro = Counts()
    for f in FIELDS:
        c = Counts()
        for r in results:
            c += r.counts[f]
        micro += c
        fields[f] = {**c.scores(), "tp": c.tp, "fp": c.fp, "fn": c.fn}
    deals = Counts(sum(r.deal_tp for r in results), sum(r.deal_fp for r in results),
                   sum(r.deal_fn for r in results))
    return {
        "articles": len(results),
        "extraction_errors": sum(1 for r in results if r.extraction_error),
        "fields": fields,
        "micro": {**micro.scores(), "tp": micro.tp, "fp": micro.fp, "fn": micro.fn},
        "deals": {**deals.scores(), "tp": deals.tp, "fp": deals.fp, "fn": deals.fn},
    }


def _extract_all(golds: Sequence[GoldArticle], extractor: Any) -> list[Extraction]:
    items = []
    for g in golds:
        items.append({"id": g.id, "text": g.text(), "lang": g.lang, "published": g.published, "title": g.title})
    return list(extractor.pipe(items, errors="record"))


def evaluate(root: str | Path, *, split: str | None = None, lang: str | None = None,
             extractor: Any = None, ids: Iterable[str] | None = None) -> Report:
    """Run the extractor over every gold article under ``root`` and score it.

    ``extractor`` is anything with ``pipe(items, errors="record")`` yielding :class:`Extraction` records
    in order (default: a new :class:`~newsextract.Extractor`).
    """
    golds = list(iter_gold(root, split=split, lang=lang, ids=ids))
    if extractor is None:
        from .api import Extractor

        extractor = Extractor()
    preds = _extract_all(golds, extractor)
    return Report([score_article(g, p) for g, p in zip(golds, preds, strict=False)])


# --------------------------------------------------------------------------------------------------- text
def _f(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def format_table(summary: dict[str, Any], title: str = "") -> str:
    """A readable table of one :func:`summarize` result."""
    lines = []
    if title:
        lines.append(title)
    lines.append(f"{'field':<12} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}")
    lines.append("-" * 49)
    rows = [(f, summary["fields"][f]) for f in FIELDS] + [("micro", summary["micro"]), ("deals", summary["deals"])]
    for i, (name, s) in enumerate(rows):
        if i == len(FIELDS):
            lines.append("-" * 49)
        lines.append(f"{name:<12} {_f(s['precision']):>6} {_f(s['recall']):>6} {_f(s['f1']):>6} "
                     f"{s['tp']:>5} {s['fp']:>5} {s['fn']:>5}")
    return "\n".join(lines)


def format_breakdown(groups: dict[str, dict[str, Any]], label: str) -> str:
    """One line per group: articles, micro P/R/F1 and deal F1."""
    lines = [f"{label:<14} {'arts':>5} {'microP':>7} {'microR':>7} {'microF1':>7} {'dealF1':>7}"]
    lines.append("-" * 52)
    for k, s in groups.items():
        m = s["micro"]
        lines.append(f"{k:<14} {s['articles']:>5} {_f(m['precision']):>7} {_f(m['recall']):>7} "
                     f"{_f(m['f1']):>7} {_f(s['deals']['f1']):>7}")
    return "\n".join(lines)


def format_errors(errors: Iterable[FieldError]) -> str:
    """Every FP/FN, one line each, with the evidence of the prediction."""
    lines = []
    for e in errors:
        g = "-" if e.gold_deal is None else f"g{e.gold_deal}"
        p = "-" if e.pred_deal is None else f"p{e.pred_deal}"
        line = f"{e.article:<10} {g:>3}/{p:<3} {e.field:<11} {e.kind:<5} gold={fmt_value(e.gold)!s:<28} pred={fmt_value(e.predicted)}"
        for ev in e.evidence:
            line += f"\n{'':>22}@{ev['start']}-{ev['end']} {ev['text']!r}" + (f" [{ev['rule']}]" if ev.get("rule") else "")
        lines.append(line)
    return "\n".join(lines)


def format_report(report: Report, *, errors: bool = False) -> str:
    """The full text report: overall table, breakdowns by language and style, optionally the errors."""
    data = report.to_json()
    o = data["overall"]
    head = f"{o['articles']} articles"
    if o["extraction_errors"]:
        head += f", {o['extraction_errors']} failed to extract"
    parts = [format_table(o, head), "", format_breakdown(data["by_lang"], "lang"), "",
             format_breakdown(data["by_style"], "style")]
    if errors:
        errs = report.errors
        parts += ["", f"errors ({len(errs)}): article gold/pred field kind", format_errors(errs)]
    return "\n".join(parts)
