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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..records import Extraction
from .equality import (
    FIELDS,
    MONEY_FIELDS,
    Counts,
    norm_party,
    prf,
    same_asset,
    same_money,
    same_party,
    same_royalty,
    same_target,
    target_key,
)
from .gold import GoldArticle, gold_from_dict, iter_gold, load_gold
from .reports import KIND_FIELDS, KINDS
from .scoring import (
    ArticleResult,
    FieldError,
    deal_values,
    field_counts,
    fmt_value,
    match_deals,
    score_article,
    similarity,
)

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
    "summarize_kind",
    "evaluate",
    "prf",
]


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
        for kind in KINDS:
            labelled = [r for r in self.articles if kind in r.kinds]
            if not labelled:
                continue
            data[kind] = {
                "overall": summarize_kind(labelled, kind),
                "by_lang": {k: summarize_kind([r for r in v if kind in r.kinds], kind)
                            for k, v in self.groups("lang").items() if any(kind in r.kinds for r in v)},
                "by_style": {k: summarize_kind([r for r in v if kind in r.kinds], kind)
                             for k, v in self.groups("style").items() if any(kind in r.kinds for r in v)},
            }
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


def summarize_kind(results: Sequence[ArticleResult], kind: str) -> dict[str, Any]:
    """Per-field P/R/F1 of approvals or figures, their micro-average, and item-level scores (matched items).

    Only articles whose gold is labelled for ``kind`` count.
    """
    results = [r for r in results if kind in r.kinds]
    fields: dict[str, Any] = {}
    micro = Counts()
    for f in KIND_FIELDS[kind]:
        c = Counts()
        for r in results:
            c += r.kinds[kind].counts[f]
        micro += c
        fields[f] = {**c.scores(), "tp": c.tp, "fp": c.fp, "fn": c.fn}
    items = Counts(sum(r.kinds[kind].tp for r in results), sum(r.kinds[kind].fp for r in results),
                   sum(r.kinds[kind].fn for r in results))
    return {
        "articles": len(results),
        "fields": fields,
        "micro": {**micro.scores(), "tp": micro.tp, "fp": micro.fp, "fn": micro.fn},
        "items": {**items.scores(), "tp": items.tp, "fp": items.fp, "fn": items.fn},
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
        from ..api import Extractor

        extractor = Extractor()
    preds = _extract_all(golds, extractor)
    return Report([score_article(g, p) for g, p in zip(golds, preds, strict=False)])


# --------------------------------------------------------------------------------------------------- text
def _f(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def format_table(summary: dict[str, Any], title: str = "", kind: str = "deals") -> str:
    """A readable table of one :func:`summarize` (or :func:`summarize_kind`) result."""
    lines = []
    if title:
        lines.append(title)
    lines.append(f"{'field':<12} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}")
    lines.append("-" * 49)
    fields = FIELDS if kind == "deals" else KIND_FIELDS[kind]
    last = ("deals", summary["deals"]) if kind == "deals" else (kind, summary["items"])
    rows = [(f, summary["fields"][f]) for f in fields] + [("micro", summary["micro"]), last]
    for i, (name, s) in enumerate(rows):
        if i == len(fields):
            lines.append("-" * 49)
        lines.append(f"{name:<12} {_f(s['precision']):>6} {_f(s['recall']):>6} {_f(s['f1']):>6} "
                     f"{s['tp']:>5} {s['fp']:>5} {s['fn']:>5}")
    return "\n".join(lines)


def format_breakdown(groups: dict[str, dict[str, Any]], label: str, kind: str = "deals") -> str:
    """One line per group: articles, micro P/R/F1 and deal (or approval / figure) F1."""
    item = {"deals": "dealF1", "approvals": "apprF1", "figures": "figF1"}[kind]
    lines = [f"{label:<14} {'arts':>5} {'microP':>7} {'microR':>7} {'microF1':>7} {item:>7}"]
    lines.append("-" * 52)
    for k, s in groups.items():
        m = s["micro"]
        it = s["deals"] if kind == "deals" else s["items"]
        lines.append(f"{k:<14} {s['articles']:>5} {_f(m['precision']):>7} {_f(m['recall']):>7} "
                     f"{_f(m['f1']):>7} {_f(it['f1']):>7}")
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
    for kind in KINDS:
        if kind not in data:
            continue
        k = data[kind]
        parts += ["", format_table(k["overall"], f"{kind}: {k['overall']['articles']} labelled articles", kind), "",
                  format_breakdown(k["by_lang"], "lang", kind), "", format_breakdown(k["by_style"], "style", kind)]
    if errors:
        errs = report.errors
        parts += ["", f"errors ({len(errs)}): article gold/pred field kind", format_errors(errs)]
    return "\n".join(parts)
