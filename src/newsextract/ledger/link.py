"""Linking: is a new deal mention the same deal as one already in the ledger?

A mention is reduced to :class:`Features` (canonical party keys and their groups, asset keys, targets, type, dates,
money); a merged deal keeps the union of its mentions' features in a :class:`DealState`. :func:`compare` says
whether the mention may join the deal and how strongly (a :class:`Link`), or why not (None).

The rules, in the order they are tested:

1. At least one party must be the same company in the same role; a subsidiary and its parent count as the same
   (Sunshine Guojian ~ 3SBio), two subsidiaries of one group do not (Genentech ≁ Chugai). A mention without any
   named party never links.
2. A different licensee is a different deal. A different licensor is one too, except for co-licensors: the same
   licensee and the same asset (two owners of one co-developed drug).
3. Parties in swapped roles (the extractor confused payer and payee) link only on the same asset.
4. A different asset is a different deal (assets written in different scripts cannot be compared and are
   neither); disjoint targets are a different deal unless the assets match.
5. Types must be compatible: licensing (licence, collaboration, option, NewCo) vs buying (acquisition, asset
   purchase); ``other`` goes with both.
6. Dates within a window (default 730 days): the deal dates the articles give, when both have one; otherwise
   the publication dates — but not when the asset matches, because a deal that is signed, then exercised, then
   terminated years later keeps its asset and its parties.
7. With only one party in common (the other unnamed on one side), the mention needs more: the same asset, or
   the same target and an equal amount, or two equal amounts.

Score: 2 per party in common, 3 for the asset, 1 for a shared target, 1 per equal amount, 0.5 for the same type,
less 1 for swapped roles or a second licensor. The best-scoring deal wins; ties go to the deal with more sources.

>>> from newsextract.records import Deal, Party
>>> from newsextract.registry import get_registry
>>> reg = get_registry()
>>> a = features(Deal(licensor=Party(name="3SBio"), licensee=Party(name="Pfizer"), asset="SSGJ-707"), None, reg)
>>> b = features(Deal(licensor=Party(name="三生国健"), licensee=Party(name="辉瑞"), asset="707"), None, reg)
>>> st = DealState(1); st.add(a)
>>> compare(b, st)
Link(score=7.5, reason='licensor, licensee, asset, type')
>>> c = features(Deal(licensor=Party(name="3SBio"), licensee=Party(name="Pfizer"), asset="SSGJ-705"), None, reg)
>>> compare(c, st) is None
True
>>> st2 = DealState(2); st2.add(features(Deal(licensor=Party(name="Chugai"), licensee=Party(name="Roche")), None, reg))
>>> compare(features(Deal(licensor=Party(name="Genentech"), licensee=Party(name="Roche")), None, reg), st2) is None
True
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..patterns import regex_table
from ..records import DEAL_MONEY_FIELDS, Deal
from ..registry import Registry, party_key

__all__ = ["Features", "DealState", "Link", "LinkOptions", "features", "compare", "asset_keys", "target_key",
           "TYPE_FAMILY"]

#: deal types that can describe the same transaction; "other" goes with every family.
TYPE_FAMILY = {"license": "licensing", "collaboration": "licensing", "option": "licensing", "newco": "licensing",
               "acquisition": "buying", "asset_purchase": "buying", "other": None}
_MONEY = DEAL_MONEY_FIELDS
_CJK = re.compile(r"[\u3400-\u9fff]")
_KEY_DROP = re.compile(r"[\s\-‐‑–—._·'’®™/]+")


def target_key(t: str) -> str:
    """>>> target_key("PD-L1"), target_key("Claudin 18.2")
    ('pdl1', 'claudin182')
    """
    return _KEY_DROP.sub("", t.lower())


def asset_keys(*texts: str | None) -> tuple[str, ...]:
    """Comparable keys of the drug names and codes a deal names.

    >>> asset_keys("BL-B01D1 (iza-bren)", "Leclaza (lazertinib)")
    ('blb01d1', 'izabren', 'leclaza', 'lazertinib')
    >>> asset_keys("ustekinumab and golimumab biosimilars")
    ('ustekinumab', 'golimumab')
    """
    rx = regex_table("en", "assets")  # the words that split and pad an asset text (any language's article)
    split, noise = rx["asset.key_split"], rx["asset.key_noise"]
    out: list[str] = []
    for t in texts:
        for part in split.split(t or ""):
            key = _KEY_DROP.sub("", noise.sub(" ", part).lower())
            if len(key) >= 2 and key not in out:
                out.append(key)
    return tuple(out)


@dataclass(frozen=True)
class Features:
    """What linking compares of one mention."""

    licensor: str | None = None
    licensee: str | None = None
    licensor_root: str | None = None
    licensee_root: str | None = None
    assets: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    deal_type: str = "license"
    status: str = "signed"
    announced: dt.date | None = None
    published: dt.date | None = None
    money: tuple[tuple[str, str, str], ...] = ()  # (field, currency, amount as text)
    licensor_chain: tuple[str, ...] = ()  # the company and its parents, nearest first
    licensee_chain: tuple[str, ...] = ()

    @property
    def date(self) -> dt.date | None:
        return self.announced or self.published

    def to_json(self) -> dict[str, Any]:
        return {"licensor": self.licensor, "licensee": self.licensee, "licensor_root": self.licensor_root,
                "licensee_root": self.licensee_root, "assets": list(self.assets), "targets": list(self.targets),
                "deal_type": self.deal_type, "status": self.status,
                "announced": self.announced.isoformat() if self.announced else None,
                "published": self.published.isoformat() if self.published else None,
                "money": [list(m) for m in self.money], "licensor_chain": list(self.licensor_chain),
                "licensee_chain": list(self.licensee_chain)}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Features:
        def date(v: str | None) -> dt.date | None:
            return dt.date.fromisoformat(v) if v else None

        return cls(d.get("licensor"), d.get("licensee"), d.get("licensor_root"), d.get("licensee_root"),
                   tuple(d.get("assets") or ()), tuple(d.get("targets") or ()), d.get("deal_type") or "license",
                   d.get("status") or "signed", date(d.get("announced")), date(d.get("published")),
                   tuple(tuple(m) for m in d.get("money") or ()),
                   tuple(d.get("licensor_chain") or ([d["licensor"]] if d.get("licensor") else [])),
                   tuple(d.get("licensee_chain") or ([d["licensee"]] if d.get("licensee") else [])))


def features(deal: Deal, published: dt.date | None, registry: Registry) -> Features:
    """The linking features of a deal record (parties resolved through the registry)."""
    keys = {r: party_key(getattr(deal, r), registry) for r in ("licensor", "licensee")}
    roots = {r: (registry.root(k) if k and not k.startswith("x:") else k) for r, k in keys.items()}
    chains = {r: _chain(k, registry) for r, k in keys.items()}
    money = tuple((f, m.currency, format(m.amount.normalize(), "f")) for f in _MONEY if (m := getattr(deal, f)))
    return Features(keys["licensor"], keys["licensee"], roots["licensor"], roots["licensee"],
                    asset_keys(deal.asset, *deal.assets), tuple(dict.fromkeys(target_key(t) for t in deal.targets)),
                    deal.deal_type, deal.status, deal.announced, published, money, chains["licensor"],
                    chains["licensee"])


def _chain(key: str | None, registry: Registry) -> tuple[str, ...]:
    out: list[str] = []
    while key and key not in out:
        out.append(key)
        comp = registry.get(key)
        key = comp.parent if comp else None
    return tuple(out)


@dataclass
class DealState:
    """The union of the features of a merged deal's active mentions."""

    id: int
    licensor: set[str] = field(default_factory=set)  # group roots (to find candidates)
    licensee: set[str] = field(default_factory=set)
    licensor_keys: set[str] = field(default_factory=set)  # the companies themselves
    licensee_keys: set[str] = field(default_factory=set)
    licensor_family: set[str] = field(default_factory=set)  # the companies and their parents
    licensee_family: set[str] = field(default_factory=set)
    assets: set[str] = field(default_factory=set)
    targets: set[str] = field(default_factory=set)
    types: set[str] = field(default_factory=set)
    dates: list[dt.date] = field(default_factory=list)  # effective dates (announced, else published)
    announced: list[dt.date] = field(default_factory=list)
    money: set[tuple[str, str, str]] = field(default_factory=set)
    n: int = 0

    def add(self, f: Features) -> None:
        if f.licensor_root:
            self.licensor.add(f.licensor_root)
        if f.licensee_root:
            self.licensee.add(f.licensee_root)
        for role in ("licensor", "licensee"):
            key = getattr(f, role)
            if key:
                getattr(self, f"{role}_keys").add(key)
                getattr(self, f"{role}_family").update(getattr(f, f"{role}_chain") or (key,))
        self.assets.update(f.assets)
        self.targets.update(f.targets)
        self.types.add(f.deal_type)
        if f.date:
            self.dates.append(f.date)
        if f.announced:
            self.announced.append(f.announced)
        self.money.update(f.money)
        self.n += 1


@dataclass(frozen=True)
class Link:
    score: float
    reason: str


@dataclass(frozen=True)
class LinkOptions:
    """How far apart (days) two reports of one deal may be dated."""

    window_days: int = 730


def _part_of(x: str, y: str) -> bool:
    """Whether key ``x`` is a whole part of key ``y``: "707" of "ssgj707", "izabren" of "blb01d1izabren", but not
    "nx1" of "nx10" (a code is not part of a longer number).

    >>> _part_of("707", "ssgj707"), _part_of("nx1", "nx10"), _part_of("hrs9821", "hrs9821")
    (True, False, True)
    """
    if len(x) < 3 or len(x) > len(y):
        return False
    start = y.find(x)
    while start >= 0:
        end = start + len(x)
        before_ok = start == 0 or y[start - 1].isdigit() != x[0].isdigit()
        after_ok = end == len(y) or y[end].isdigit() != x[-1].isdigit()
        if before_ok and after_ok:
            return True
        start = y.find(x, start + 1)
    return False


def _assets(a: tuple[str, ...], b: set[str]) -> str:
    """'match', 'conflict' or 'unknown' (nothing to compare, or only names in different scripts)."""
    if not a or not b:
        return "unknown"
    for x in a:
        for y in b:
            if x == y or _part_of(x, y) or _part_of(y, x):
                return "match"
    la, lb = [x for x in a if not _CJK.search(x)], [y for y in b if not _CJK.search(y)]
    ca, cb = [x for x in a if _CJK.search(x)], [y for y in b if _CJK.search(y)]
    return "conflict" if (la and lb) or (ca and cb) else "unknown"


def _same_party(f: Features, mine: str, d: DealState, theirs: str) -> bool | None:
    """None when either side has no party in that role; else whether the mention's company is one of the deal's,
    or a parent or subsidiary of one (not merely of the same group)."""
    key = getattr(f, mine)
    keys = getattr(d, f"{theirs}_keys")
    if not key or not keys:
        return None
    chain = getattr(f, f"{mine}_chain") or (key,)
    return key in getattr(d, f"{theirs}_family") or any(k in chain for k in keys)


def _gap(date: dt.date | None, dates: list[dt.date]) -> int | None:
    if date is None or not dates:
        return None
    lo, hi = min(dates), max(dates)
    if lo <= date <= hi:
        return 0
    return (lo - date).days if date < lo else (date - hi).days


def _same_money(f: Features, d: DealState) -> int:
    n = 0
    for fld, cur, amt in f.money:
        a = Decimal(amt)
        for fld2, cur2, amt2 in d.money:
            if fld2 == fld and cur2 == cur and abs(Decimal(amt2) - a) <= a * Decimal("0.01"):
                n += 1
                break
    return n


def compare(f: Features, d: DealState, opts: LinkOptions = LinkOptions()) -> Link | None:  # noqa: B008
    """Whether mention ``f`` may join deal ``d``: a :class:`Link` with its score and reason, or None."""
    role = {}
    for r in ("licensor", "licensee"):
        role[r] = _same_party(f, r, d, r)
    swapped = (role["licensor"] is False and role["licensee"] is False and _same_party(f, "licensor", d, "licensee")
               and _same_party(f, "licensee", d, "licensor"))
    assets = _assets(f.assets, d.assets)
    reasons: list[str] = []
    score = 0.0
    if swapped:
        if assets != "match":
            return None
        score, reasons = 3.0, ["parties in swapped roles"]
    else:
        if not (role["licensor"] or role["licensee"]):
            return None
        if role["licensee"] is False:
            return None
        if role["licensor"] is False and not (role["licensee"] and assets == "match"):
            return None
        for r in ("licensor", "licensee"):
            if role[r]:
                score += 2
                reasons.append(r)
        if role["licensor"] is False:
            score -= 1
            reasons.append("second licensor")
    if assets == "conflict":
        return None
    targets = "unknown" if not f.targets or not d.targets else ("match" if set(f.targets) & d.targets else "conflict")
    if targets == "conflict" and assets != "match":
        return None
    fam = TYPE_FAMILY.get(f.deal_type)
    fams = {TYPE_FAMILY.get(t) for t in d.types} - {None}
    if fam is not None and fams and fam not in fams:
        return None
    if assets == "match":
        gap = _gap(f.announced, d.announced)
    else:
        gap = _gap(f.date, d.dates)
    if gap is not None and gap > opts.window_days:
        return None
    money = _same_money(f, d)
    both = role["licensor"] and role["licensee"] or swapped
    if not both and not (assets == "match" or (targets == "match" and money >= 1) or money >= 2):
        return None
    if assets == "match":
        score += 3
        reasons.append("asset")
    if targets == "match":
        score += 1
        reasons.append("target")
    if money:
        score += money
        reasons.append(f"{money} equal amount{'s' if money > 1 else ''}")
    if f.deal_type in d.types:
        score += 0.5
        reasons.append("type")
    return Link(score, ", ".join(reasons))
