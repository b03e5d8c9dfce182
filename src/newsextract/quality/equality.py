"""Counts and the equality rules of EVAL.md (parties, money, targets, assets, royalty)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..normalize.names import norm_party

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
    if not a or not b:
        return False
    return target_key(a) == target_key(b)


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
