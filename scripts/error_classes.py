"""Classify the deal-field errors of an evaluation into the error classes of issue 8, and count them.

    python scripts/error_classes.py ../shared/realdev            # the table (FP+FN units per class, share)
    python scripts/error_classes.py ../shared/realdev --list     # every error with its class

Classes (decided per error, in this order):
- segmentation: the error belongs to a gold deal no prediction matched, or to a predicted deal no gold deal
  matched, while the companies involved were found (several deals merged into one, a background deal merged
  into the new one, a deal split in two, a spurious deal);
- names: a party error where the gold name is not among the companies found in the article, or the predicted
  name is not a company of the gold record at all (a false company); unmatched deals whose gold parties were
  not found count here too;
- roles: a party error where the right company was found but holds the other role or none;
- payment kind: a money error where the gold amount was read from the text but took another kind (or none);
- money formats: a money error where the gold amount was never read (format, currency, scale);
- vocabulary: targets, asset and royalty errors.
One FP+FN error counts 2 units, as it costs both precision and recall.
"""

from __future__ import annotations

import argparse
import collections
import sys
from decimal import Decimal
from pathlib import Path

from newsextract import Extractor
from newsextract.quality.equality import MONEY_FIELDS, same_money, same_party
from newsextract.quality.gold import iter_gold
from newsextract.quality.scoring import score_article

CLASSES = ("segmentation", "names", "roles", "payment kind", "money formats", "vocabulary")


def article_facts(ex: Extractor, text: str, lang: str) -> tuple[list, object]:
    nlp = ex.nlp(lang)
    doc = nlp(text)
    return list(doc._.facts or []), doc


def classify(err, gold_deal, orgs: list[str], monies: list[tuple[Decimal, str]]) -> str:  # noqa: ANN001
    f = err.field
    if err.gold_deal is None or err.pred_deal is None:
        if gold_deal is not None:
            parties = [gold_deal.values.get("licensor"), gold_deal.values.get("licensee")]
            parties = [p for p in parties if p]
            if parties and not all(any(same_party(p, o) for o in orgs) for p in parties):
                return "names"
        return "segmentation"
    if f in ("licensor", "licensee"):
        g = err.gold
        p = err.predicted
        if g is not None and not any(same_party(g, o) for o in orgs):
            return "names"
        if p is not None and gold_deal is not None:
            others = [gold_deal.values.get(x) for x in ("licensor", "licensee")]
            if not any(o and same_party(p, o) for o in others):
                return "names"
        return "roles"
    if f in MONEY_FIELDS:
        g = err.gold
        if g is None:
            return "payment kind"
        if any(same_money(g, {"amount": a, "currency": c}) for a, c in monies):
            return "payment kind"
        return "money formats"
    return "vocabulary"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--split")
    args = ap.parse_args(argv)
    ex = Extractor()
    units: collections.Counter[str] = collections.Counter()
    for g in iter_gold(args.corpus, split=args.split):
        text = Path(g.text_path).read_text(encoding="utf-8")
        rec = ex.extract(text, lang=g.lang, doc_id=g.id)
        facts, _doc = article_facts(ex, text, g.lang)
        orgs = [f.text for f in facts if f.label == "org"]
        monies = [(f.value.amount, f.value.currency) for f in facts if f.label == "money"]
        res = score_article(g, rec)
        gold_all = list(g.deals) + list(g.optional_deals)
        for err in res.errors:
            if "." in err.field:
                continue  # approvals and figures are scored on their own
            gd = gold_all[err.gold_deal] if err.gold_deal is not None and err.gold_deal < len(gold_all) else None
            cls = classify(err, gd, orgs, monies)
            n = err.fp + err.fn
            units[cls] += n
            if args.list:
                print(f"{err.article:12s} {cls:14s} {err.field:12s} {err.kind:6s} gold={err.gold!s:.40} pred={err.predicted!s:.40}")
    total = sum(units.values())
    print(f"{'class':16s} {'units':>6s} {'share':>6s}")
    for c in CLASSES:
        print(f"{c:16s} {units[c]:6d} {units[c] / total if total else 0:6.1%}")
    print(f"{'total':16s} {total:6d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
