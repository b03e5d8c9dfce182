"""Merge quality of the ledger on a gold set whose same-deal groups are listed (``tests/realdev_same_deals.yml``).

Pairwise scores over deal mentions: a *pair* is two gold deals of different articles; the ledger predicts it when
both land in one merged deal, the list says whether it is true. Two runs keep extraction misses apart from linking
mistakes:

- **linking on gold** — the gold deals themselves are ingested as records (parties by name, money, asset, targets,
  type, status): every miss or false merge is the linker's;
- **end to end** — the extractor's records are ingested; each predicted deal is aligned to a gold deal of its
  article (the one-to-one matching of ``newsextract eval``). Precision is over the aligned pairs the ledger merged;
  recall is given over gold pairs whose two deals were both extracted (linking) and over all gold pairs (the
  difference is what extraction missed). Merges of unaligned predicted deals with aligned ones are counted apart.
"""

from __future__ import annotations

import itertools
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from ..records import Deal, Extraction, Money, Party, Royalty
from .core import Ledger

__all__ = ["load_same", "score_realdev", "pairwise", "format_scores"]


def _evaluate() -> Any:
    from ..quality import evaluate as ev  # imported on use: scoring is a quality tool, not a ledger need

    return ev


def load_same(path: str | Path) -> tuple[list[list[str]], list[list[str]]]:
    """(groups, groups known only from outside the texts) of ``<article id>#<deal index>`` ids."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    groups = [list(map(str, g)) for g in data.get("groups") or []]
    outside = [list(map(str, g)) for g in data.get("outside_knowledge") or []]
    seen: set[str] = set()
    for g in groups + outside:
        for x in g:
            if x in seen:
                raise ValueError(f"{path}: {x} is in two groups")
            seen.add(x)
    return groups, outside


def _pairs(clusters: dict[str, Any]) -> set[tuple[str, str]]:
    by: dict[Any, list[str]] = {}
    for x, c in clusters.items():
        by.setdefault(c, []).append(x)
    out = set()
    for members in by.values():
        for a, b in itertools.combinations(sorted(members), 2):
            if a.split("#")[0] != b.split("#")[0]:  # pairs across articles
                out.add((a, b))
    return out


def pairwise(predicted: dict[str, Any], gold_pairs: set[tuple[str, str]]) -> dict[str, Any]:
    """Precision/recall of the pairs of ``predicted`` (mention → deal) against ``gold_pairs``."""
    pred = _pairs(predicted)
    tp = len(pred & gold_pairs)
    return {"predicted_pairs": len(pred), "gold_pairs": len(gold_pairs), "true_pairs": tp,
            "precision": tp / len(pred) if pred else None, "recall": tp / len(gold_pairs) if gold_pairs else None,
            "false_merges": sorted(pred - gold_pairs), "missed": sorted(gold_pairs - pred)}


def _money(m: Any) -> Money | None:
    if not m:
        return None
    return Money.model_construct(amount=Decimal(str(m["amount"])), currency=str(m["currency"]).upper(),
                                 text=f"{m['currency']} {m['amount']}", upper_bound=False, approximate=False,
                                 lower_bound=False)


def gold_record(g: Any) -> Extraction:
    """The record a perfect extractor would give for a gold article (parties by name only)."""
    deals = []
    for gd in g.deals:
        v, raw = gd.values, gd.raw
        deals.append(Deal.model_construct(
            deal_type=raw.get("deal_type") or "license", status=raw.get("status") or "signed",
            licensor=Party(name=v["licensor"]) if v["licensor"] else None,
            licensee=Party(name=v["licensee"]) if v["licensee"] else None,
            asset=v["asset"], assets=[], targets=list(v["targets"] or []), modality=raw.get("modality"),
            indications=[], territory=raw.get("territory"), upfront=_money(v["upfront"]), near_term=None,
            milestones=_money(v["milestones"]), total_value=_money(v["total_value"]), equity=_money(raw.get("equity")),
            royalty=Royalty(tiered=v["royalty"] == "tiered") if v["royalty"] else None, announced=None, evidence=[]))
    return Extraction.model_construct(doc_id=g.id, lang=g.lang if g.lang in ("en", "zh") else "en", title=None,
                                      url=None, published=None, deals=deals, warnings=[], error=None, text=None)


def _ledger_clusters(records: list[Extraction], db: Path) -> dict[tuple[str, int], int]:
    with Ledger(db) as led:
        led.add_records(records)
        from sqlalchemy import text

        with led.engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT a.doc_id, m.idx, s.deal_id FROM sources s JOIN mentions m ON m.id = s.mention_id "
                "JOIN articles a ON a.id = s.article_id WHERE s.kind = 'deal' AND m.active")).all()
    return {(doc, idx): deal for doc, idx, deal in rows}


def score_realdev(realdev: str | Path, same: str | Path, *, records: str | Path | None = None,
                  extractor: Any = None) -> dict[str, Any]:
    """Both runs (see the module docstring) as a dict of scores."""
    ev = _evaluate()
    golds = sorted(ev.iter_gold(realdev), key=lambda g: g.id)
    groups, outside = load_same(same)
    all_ids = {f"{g.id}#{i}" for g in golds for i in range(len(g.deals))}
    unknown = sorted({x for grp in groups + outside for x in grp} - all_ids)
    if unknown:
        raise ValueError(f"{same}: not gold deals of {realdev}: {unknown}")
    gold_pairs, outside_pairs = _gold_pairs(all_ids, groups, outside)
    tmp = Path(tempfile.mkdtemp(prefix="nxscore"))
    on_gold = _linking_on_gold(golds, gold_pairs, outside_pairs, tmp)
    e2e = _end_to_end(ev, golds, _records(ev, golds, records, extractor), gold_pairs, all_ids, tmp)
    return {"groups": len(groups), "gold_deals": len(all_ids), "gold_pairs": len(gold_pairs),
            "linking_on_gold": on_gold, "end_to_end": e2e}


def _gold_pairs(all_ids: set[str], groups: list[list[str]],
                outside: list[list[str]]) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """The same-deal pairs the gold states, and those known only from outside the texts."""
    cluster = {x: f"deal:{x}" for x in all_ids}
    for n, grp in enumerate(groups):
        for x in grp:
            cluster[x] = f"group:{n}"
    gold_pairs = _pairs(cluster)
    with_outside = dict(cluster)
    for n, grp in enumerate(outside):
        for x in grp:
            with_outside[x] = f"outside:{n}"
    return gold_pairs, _pairs(with_outside) - gold_pairs


def _linking_on_gold(golds: list[Any], gold_pairs: set[tuple[str, str]], outside_pairs: set[tuple[str, str]],
                     tmp: Path) -> dict[str, Any]:
    """1. linking on gold-aligned mentions"""
    linked = _ledger_clusters([gold_record(g) for g in golds], tmp / "gold.db")
    on_gold = pairwise({f"{d}#{i}": c for (d, i), c in linked.items()}, gold_pairs)
    on_gold["outside_knowledge_pairs_found"] = len(_pairs({f"{d}#{i}": c for (d, i), c in linked.items()})
                                                   & outside_pairs)
    on_gold["outside_knowledge_pairs"] = len(outside_pairs)
    return on_gold


def _records(ev: Any, golds: list[Any], records: str | Path | None, extractor: Any) -> list[Extraction]:
    """The extractor's records over the gold articles: read from a batch output, else extracted now."""
    import json

    if records is not None:
        with open(records, encoding="utf-8") as fh:
            return [Extraction.model_validate(json.loads(line)) for line in fh if line.strip()]
    if extractor is None:
        from ..api import Extractor

        extractor = Extractor()
    return ev._extract_all(golds, extractor)


def _end_to_end(ev: Any, golds: list[Any], recs: list[Extraction], gold_pairs: set[tuple[str, str]],
                all_ids: set[str], tmp: Path) -> dict[str, Any]:
    """2. end to end: the extractor's deals aligned to gold deals, then linked by the ledger"""
    by_id = {r.doc_id: r for r in recs}
    aligned: dict[tuple[str, int], str] = {}
    for g in golds:
        rec = by_id.get(g.id)
        if rec is None:
            continue
        for gi, pi, _s in ev.match_deals(g.deals, [ev.deal_values(d) for d in rec.deals]):
            aligned[(g.id, pi)] = f"{g.id}#{gi}"
    e2e_clusters = _ledger_clusters([by_id[g.id] for g in golds if g.id in by_id], tmp / "e2e.db")
    pred = {aligned[k]: c for k, c in e2e_clusters.items() if k in aligned}
    extracted = set(pred)
    both_pairs = {p for p in gold_pairs if p[0] in extracted and p[1] in extracted}
    e2e = pairwise(pred, both_pairs)
    e2e["recall_all_pairs"] = e2e["true_pairs"] / len(gold_pairs) if gold_pairs else None
    e2e["gold_pairs_all"] = len(gold_pairs)
    e2e["pairs_lost_to_extraction"] = len(gold_pairs) - len(both_pairs)
    e2e["gold_deals"] = len(all_ids)
    e2e["gold_deals_extracted"] = len(extracted)
    deal_of_aligned = set(pred.values())
    e2e["unaligned_mentions_merged_into_aligned_deals"] = sum(
        1 for k, c in e2e_clusters.items() if k not in aligned and c in deal_of_aligned)
    return e2e


def _f(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def format_scores(s: dict[str, Any]) -> str:
    g, e = s["linking_on_gold"], s["end_to_end"]
    lines = [
        f"{s['gold_deals']} gold deals, {s['groups']} same-deal groups, {s['gold_pairs']} same-deal pairs",
        f"linking on gold-aligned mentions: precision {_f(g['precision'])} ({g['true_pairs']}/{g['predicted_pairs']} "
        f"merged pairs right), recall {_f(g['recall'])} ({g['true_pairs']}/{g['gold_pairs']}); "
        f"pairs known only from outside the texts found: {g['outside_knowledge_pairs_found']}/{g['outside_knowledge_pairs']}",
        f"end to end (extractor + ledger): precision {_f(e['precision'])} ({e['true_pairs']}/{e['predicted_pairs']}), "
        f"recall {_f(e['recall'])} over the {e['gold_pairs']} pairs whose deals were both extracted, "
        f"{_f(e['recall_all_pairs'])} over all {e['gold_pairs_all']} ({e['pairs_lost_to_extraction']} pairs lost to "
        f"extraction: {e['gold_deals_extracted']}/{e['gold_deals']} gold deals extracted); "
        f"{e['unaligned_mentions_merged_into_aligned_deals']} unaligned predicted deals merged into aligned ones",
    ]
    for name, part in (("linking on gold", g), ("end to end", e)):
        for kind in ("false_merges", "missed"):
            if part[kind]:
                lines.append(f"  {name} {kind.replace('_', ' ')}: " + ", ".join(f"{a}~{b}" for a, b in part[kind]))
    return "\n".join(lines)
