"""Periods of figures in their record form: FY2024, H1 2025, Q3 2024, 9M 2024, 2015, 2025-05, 2020-2024.

The rules that find periods are in ``patterns/<lang>/figures.yml`` (``periods``); the words this module reads their
named groups with (months, quarter numbers, "last year" …) are in ``patterns/<lang>/periods.yml``. Every language's
words are read together: a period is normalised from what its rule captured, whatever language the rule is in.

>>> norm_period("h1", {"y": "2025"}, None), norm_period("span", {"m1": "Jan", "m2": "June"}, 2016)
('H1 2025', 'H1 2016')
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from ..errors import E, PatternError
from ..patterns import load_file, patterns_root

__all__ = ["norm_period", "month_number", "year_in"]

#: months of one year that make a period: Jan–Mar → Q1, Jan–Jun → H1, Jan–Sep → 9M, Jan–Dec → the year
_SPANS = {(1, 3): "Q1", (4, 6): "Q2", (7, 9): "Q3", (10, 12): "Q4", (1, 6): "H1", (7, 12): "H2", (1, 9): "9M",
          (1, 12): "FY"}
#: the period a number of months ended in a month is: {months: {end month: label}}
_ENDED = {3: {3: "Q1", 6: "Q2", 9: "Q3", 12: "Q4"}, 6: {6: "H1", 12: "H2"}, 9: {9: "9M"}, 12: {}}
_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class PeriodWords:
    """The words of every language's ``periods.yml``, merged."""

    months: dict[str, int]  # full month name (lower case) → month number
    quarters: dict[str, int]
    month_counts: dict[str, int]
    past_year: frozenset[str]
    past_year_prefixes: tuple[str, ...]


def _merge(into: dict[str, int], words: dict[Any, Any], where: str) -> None:
    for k, v in (words or {}).items():
        key = str(k)
        if into.get(key, int(v)) != int(v):
            raise PatternError(E.E010.format(path=where, reason=f"{key!r} is {into[key]} in another language"))
        into[key] = int(v)


@functools.lru_cache(maxsize=1)
def period_words() -> PeriodWords:
    """The period words of every packaged language (read once)."""
    months: dict[str, int] = {}
    quarters: dict[str, int] = {}
    counts: dict[str, int] = {}
    past: set[str] = set()
    prefixes: list[str] = []
    root = patterns_root()
    for lang_dir in sorted(root.iterdir(), key=lambda p: p.name):
        if not (lang_dir / "periods.yml").is_file():
            continue
        data = load_file(lang_dir.name, "periods")
        where = f"{lang_dir.name}/periods.yml"
        _merge(months, {str(m).lower(): i for i, m in enumerate(data.get("months") or [], 1)}, where)
        _merge(quarters, data.get("quarters") or {}, where)
        _merge(counts, data.get("month_counts") or {}, where)
        past.update(str(w) for w in data.get("past_year") or [])
        prefixes += [str(w) for w in data.get("past_year_prefixes") or [] if str(w) not in prefixes]
    return PeriodWords(months, quarters, counts, frozenset(past), tuple(prefixes))


def month_number(s: str | None) -> int | None:
    """A month number from a name, an abbreviation or digits.

    >>> month_number("Sept."), month_number("06"), month_number("Ju")
    (9, 6, None)
    """
    if not s:
        return None
    s = s.strip().rstrip(".").lower()
    if s.isdigit():
        return int(s)
    return next((n for name, n in period_words().months.items() if name.startswith(s) and len(s) >= 3), None)


def year_in(s: str) -> int | None:
    """The first year (19xx, 20xx) written in ``s``."""
    m = _YEAR.search(s)
    return int(m.group(0)) if m else None


def norm_period(kind: str, g: dict[str, str | None], year: int | None, scope: str = "company") -> str | None:
    """A period in the record form: FY2024, H1 2025, Q3 2024, 9M 2024, 2015, 2025-05, 2020-2024.

    ``year`` fills periods the text gives without one ("the first half of the year"); a bare year is a fiscal
    year for company and product figures and a point in time for markets.

    >>> norm_period("q", {"q": "third"}, 2024), norm_period("year", {"y": "2024"}, None, "market")
    ('Q3 2024', '2024')
    >>> norm_period("fy", {"yy": "23"}, None), norm_period("range", {"y3": "2020", "y4": "25"}, None)
    ('FY2023', '2020-2025')
    """
    if kind == "rel":  # "last year", 今年: relative to the year the article was published (``year``)
        return _relative(g, year, scope)
    y = next((g[k] for k in ("y", "y2", "y3") if g.get(k)), None)
    if y is None and g.get("yy"):
        y = "20" + str(g["yy"])
    yr = int(y) if y else year
    if kind == "range":
        return _range(g)
    if yr is None:
        return None
    if kind in ("fy", "year"):
        return f"{yr}" if scope == "market" else f"FY{yr}"  # (a market's year, full or not, is a point in time)
    if kind in ("h1", "h2", "9m"):
        return f"{kind.upper()} {yr}"
    if kind == "q":
        return _quarter(g, yr)
    if kind == "ended":
        return _ended(g, yr)
    if kind == "span":
        return _span(g, yr)
    if kind == "ym":
        return _year_month(g, yr, scope)
    return None


def _relative(g: dict[str, str | None], year: int | None, scope: str) -> str | None:
    if year is None:
        return None
    words = period_words()
    rel = str(g.get("rel") or "")
    yr = year - 1 if rel in words.past_year or rel.startswith(words.past_year_prefixes) else year
    return f"{yr}" if scope == "market" else f"FY{yr}"


def _range(g: dict[str, str | None]) -> str | None:
    a = g.get("y") or g.get("y3") or g.get("y5")
    b = g.get("y2") or g.get("y4") or g.get("y6")
    if a and b:
        b = b if len(b) == 4 else a[:2] + b
        return f"{a}-{b}"
    return None


def _quarter(g: dict[str, str | None], yr: int) -> str | None:
    q = next((g[k] for k in ("q", "q2", "q3") if g.get(k)), None) or ""
    quarters = period_words().quarters
    num = quarters.get(q.lower(), quarters.get(q))
    return f"Q{num} {yr}" if num else None


def _ended(g: dict[str, str | None], yr: int) -> str | None:
    """"the six months ended June 30, 2025" → H1 2025; "the year ended December 31" → FY"""
    mon = month_number(g.get("mon")) or 12
    n = 12 if g.get("ye") else 3 if g.get("qe") else period_words().month_counts.get(
        str(g.get("n") or "").lower()) or int(str(g.get("n") or 0) or 0)
    label = "FY" if n == 12 else _ENDED[n].get(mon) if n in _ENDED else None
    if label is None:
        return None
    return f"FY{yr}" if label == "FY" else f"{label} {yr}"


def _span(g: dict[str, str | None], yr: int) -> str | None:
    m2 = month_number(g.get("m2"))
    m1 = month_number(g.get("m1")) or (1 if m2 and "m1" not in g else None)  # ("year-to-date … through June")
    label = _SPANS.get((m1, m2)) if m1 and m2 else None
    if label is None:
        return None
    return f"FY{yr}" if label == "FY" else f"{label} {yr}"


def _year_month(g: dict[str, str | None], yr: int, scope: str) -> str | None:
    mon = g.get("m") or period_words().months.get(str(g.get("mon") or "").lower())
    if scope != "market":
        return f"FY{yr}"  # a company's or product's figure in "July 2019" is one of that year
    if mon and g.get("d"):
        return f"{yr}-{int(mon):02d}-{int(str(g['d'])):02d}"
    return f"{yr}-{int(mon):02d}" if mon else str(yr)
