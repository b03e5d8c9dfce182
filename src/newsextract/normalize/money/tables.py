"""Results tables: units headers ("(in thousands)", 单位：人民币千元) that scale the amounts under them, and the bare
numbers in label rows under such a header (English filings)."""

from __future__ import annotations

import re
from decimal import Decimal

from .vocab import MoneyMatch, MoneyVocab, money_vocab

_ROW = re.compile(
    r"^(?P<label>[A-Za-z(][^\n|]{2,90}?)[ \t,:]{2,}(?P<cells>(?:(?:\$|US\$|€|RMB)?[ \t]*(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[—–-])"
    r"(?:[ \t]{2,}(?:(?:\$|US\$|€|RMB)?[ \t]*(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[—–-]))*)[ \t]*$",
    re.M,
)
#: a flattened filing table ("|Potential commercial milestone payments under agreement" with "|330,000" on the line
#: below, or after it when the lines are joined): a label cell of a payment, then its amount cells
_PIPE_ROW = re.compile(
    r"(?:^|(?<=\s))\|(?P<label>[A-Za-z(][^\n|]{2,120}?)\s+(?P<cells>(?:\|[ \t]*(?:(?:\$|US\$|€|RMB)[ \t]*)?"
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?=\s*(?:\||$))\s*)+)",
    re.M,
)
#: an XBRL row with its label first and pipe-separated cells ("Regulatory milestones, Maximum | 120.0 | |")
_LABEL_PIPE_ROW = re.compile(
    r"^(?P<label>[A-Za-z(][^\n|]{2,90}?)[ \t]*(?P<cells>(?:\|[ \t]*(?:(?:(?:\$|US\$|€|RMB)[ \t]*)?"
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?=[ \t]*(?:\||$)))?[ \t]*)+)$",
    re.M,
)
#: a bare number right after a payment word in a note's prose under a units header ("Sakura paid an upfront fee of
#: 20,000 in December 2023", "Upfront payment made: 25,000", "up to an aggregate of 151,000 in … milestones"; single
#: spaces: a table row's cells are read as a row)
_PROSE_AMOUNT = re.compile(
    r"(?i)\b(?:payments?|fees?|milestones?|consideration|price|upfront|up-front|aggregate)(?: (?:made|received|"
    r"paid|of|totall?ing|amounting to|up to|an aggregate of|approximately|about))*:? "
    r"(?P<num>(?:\d{1,3}(?:,\d{3})+|\d{4,})(?:\.\d+)?)(?![\d.,]*[ \t]*(?:%|percent|per[ \t]?cent|shares|patients|"
    r"days|months|years|units))"
)
_PAYMENT_LABEL = re.compile(r"payment|milestone|up-?front|fee\b|royalt", re.I)
_CELL = re.compile(r"(?:(?P<cur>\$|US\$|€|RMB)[ \t]*)?(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)")
#: a cell that is a year (a column heading), not an amount
_YEAR_CELL = re.compile(r"(?:19|20)\d\d")


def _table_rows(text: str, after: int, found: list[MoneyMatch], currency: str) -> list[MoneyMatch]:
    """Bare numbers in label rows under a units header ("Sales milestones, Maximum    480,000"): the largest
    cell of a row (a ceiling beside paid-to-date amounts) is that row's amount. In a flattened filing table, a
    payment's label line and its cells one per line ("|Potential commercial milestone payments under agreement" /
    "|330,000") are a row too."""
    taken = [(m.start, m.end) for m in found]
    rows = list(_ROW.finditer(text, after))
    if " |" in text or "\n|" in text:
        rows += [r for r in _PIPE_ROW.finditer(text, after) if _PAYMENT_LABEL.search(r.group("label"))]
        rows += [r for r in _LABEL_PIPE_ROW.finditer(text, after) if _PAYMENT_LABEL.search(r.group("label"))
                 and _CELL.search(r.group("cells"))]
    out = []
    for row in rows:
        mm = _row_amount(text, row, taken, currency)
        if mm is not None:
            out.append(mm)
            taken.append((mm.start, mm.end))
    for p in _PROSE_AMOUNT.finditer(text, after):
        s, e = p.span("num")
        if _YEAR_CELL.fullmatch(p.group("num")) or any(a < e and s < b for a, b in taken):
            continue
        out.append(MoneyMatch(s, e, Decimal(p.group("num").replace(",", "")), currency, text[s:e],
                              rule="money.table_row"))
        taken.append((s, e))
    return out


def _row_amount(text: str, row: re.Match[str], taken: list[tuple[int, int]], currency: str) -> MoneyMatch | None:
    """A row's largest cell that is no year, unless an amount with its currency already stands there."""
    best = None
    for c in _CELL.finditer(row.group("cells")):
        if _YEAR_CELL.fullmatch(c.group("num")):
            continue
        val = Decimal(c.group("num").replace(",", ""))
        if best is None or val > best[0]:
            best = (val, c)
    if best is None:
        return None
    off = row.start("cells")
    s, e = off + best[1].start(), off + best[1].end()
    if any(a < e and s < b for a, b in taken):
        return None
    cur = {"$": "USD", "US$": "USD", "€": "EUR", "RMB": "CNY"}.get(best[1].group("cur") or "", currency)
    return MoneyMatch(s, e, best[0], cur, text[s:e], rule="money.table_row")


def apply_headers(text: str, found: list[MoneyMatch], v: MoneyVocab) -> None:
    """'(in thousands)' / '$ in Millions' scale amounts that follow, unless they state their own scale."""
    headers = [(start, scale, rid) for start, _end, scale, rid in _header_matches(text, v)]
    if not headers:
        return
    if v.lang == "en":
        head_txt = text[headers[0][0]: headers[0][0] + 60]
        cur = "EUR" if v.rx["money.header_eur"].search(head_txt) else \
            "CNY" if v.rx["money.header_cny"].search(head_txt) else "USD"
        found.extend(_table_rows(text, headers[0][0], found, cur))
        found.sort(key=lambda m: m.start)
    elif "money.header_row" in v.rx.rules:
        # a filing's terms one per line under a units header ("（单位：万美元）" / "首付款：1,200"): each bare number
        start, end = headers[0][0], headers[0][1]
        cur = v.table_currency(text[max(0, start - 20):end + 10])
        for r in v.rx["money.header_row"].finditer(text, start):
            s, e = r.span("num")
            if any(m.start < e and s < m.end for m in found):
                continue
            found.append(MoneyMatch(s, e, Decimal(r.group("num").replace(",", "")), cur, text[s:e], rule="money.header_row"))
        found.sort(key=lambda m: m.start)
    for mm in found:
        if mm.scaled:
            continue
        active = [h for h in headers if h[0] < mm.start]
        if not active:
            continue
        pos, scale, rid = active[-1]
        mm.amount *= scale
        mm.header_scale = scale
        mm.rule = rid


def scale_headers(text: str, lang: str = "en", patterns_dir: str | None = None) -> list[tuple[int, int, int, str]]:
    """Units headers that scale the amounts under them: ``(start, end, scale, rule id)``.

    >>> scale_headers("单位:人民币千元\\n营业总收入 11,996,406", "zh")
    [(0, 8, 1000, 'header.zh_qian')]
    """
    return list(_header_matches(text, money_vocab(lang, patterns_dir)))


def _header_matches(text: str, v: MoneyVocab) -> list[tuple[int, int, int, str]]:
    """(The amounts and the figures of an article both ask: the answer for the last text is kept; read it, never
    change it.)"""
    memo = v.header_memo
    if memo[0] is not text:
        memo = v.header_memo = (text, _find_headers(text, v))
    return memo[1]


def _find_headers(text: str, v: MoneyVocab) -> list[tuple[int, int, int, str]]:
    if v.hint_index is not None:  # none of the words a hint holds: no scan of the text for one
        low = text.lower()
        if v.hint_index.exact(text, low) and not v.hint_index.present(low):
            return []
    hints = [m.start() for m in v.rx["money.header_hint"].finditer(text)]
    if not hints:
        return []
    found: set[tuple[int, int, int, str]] = set()
    for pos in hints:  # a header is a few words around its hint word: look only there
        a, b = max(0, pos - 40), min(len(text), pos + 60)
        for rx, scale, rid in v.headers:
            for h in rx.finditer(text, a, b):
                if h.start() <= pos < h.end():
                    found.add((h.start(), h.end(), scale, rid))
    return sorted(found)
