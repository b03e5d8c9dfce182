"""The values of a sentence and the cue each one is tied to (a metric word, or the words of an amount that is no
figure: a deal payment, a market capitalisation …)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from ...facts import Fact
from ...finders.reports import ReportVocab
from ...records import DEAL_MONEY_FIELDS, Deal
from ..types import DEAL_KINDS as TERM_KINDS

#: amounts below this are garbled or truncated ("remains at $4.") -- no company or market figure is that small
MIN_AMOUNT = Decimal(1000)
#: payment kinds that make an amount a deal term (see patterns/*/payments.yml): the deal's own terms, a price per
#: share, royalty money
DEAL_KINDS = TERM_KINDS | {"per_share", "royalty_money"}
#: a number followed by a word: where a count may be
DIGIT_UNIT = re.compile(r"\d\s*[^\W\d]")
_CLAUSE_END = re.compile(r"\n|[;；。]|\.(?:\s|$)")


def overlaps(f: Any, spans: list[tuple[int, int]]) -> bool:
    return any(a < f.end and f.start < b for a, b in spans)


def deal_spans(deals: list[Deal] | None) -> list[tuple[int, int]]:
    """Where the deals' own amounts are (their evidence): no figure is read there."""
    return [(e.start, e.end) for d in deals or [] for e in d.evidence if e.field in DEAL_MONEY_FIELDS]


def _chain_head(vocab: ReportVocab, text: str, v: Any, values: list[Any], cues: list[Fact] | None = None) -> Any:
    """The first value of a list or trajectory ("from 25.7 billion yuan in 2015 to 71.6 billion yuan in 2024",
    "32%, up from 21% in 2024, and only 5%"): later values share its cue."""
    chain = vocab.fig_rx["fig.chain"]
    prev = [o for o in values if o.end <= v.start]
    head = v
    while prev:
        p = prev.pop()
        if p.end > head.start or not chain.match(text, p.end, head.start) or \
                head.start - p.end > (70 if p.label == "percent" else 45):
            break
        if cues and any(p.end <= c.start and c.end <= head.start for c in cues):
            break  # "from earning 3.7 billion yuan to projecting a loss of 1.1 billion": each has its own cue
        head = p
    return head


def tie(vocab: ReportVocab, text: str, v: Any, cues: list[Fact], values: list[Any], lang: str,
         amounts: list[Any] | None = None, blockers: list[Fact] | None = None) -> Fact | None:
    """The cue a value belongs to: the nearest one before it with no other value between, else one right after it.

    Cues are metric words and the words of amounts that are no figure (deal payments, market capitalisation …):
    whichever a value is tied to decides what it is.
    """
    best = None
    v = _chain_head(vocab, text, v, values, cues)
    for m in cues:
        if m.label != "metric" and any(o.start != v.start and 0 <= m.start - o.end <= 3 for o in amounts or values):
            continue  # "$20 million commercial milestone payment": that cue belongs to the amount before it
        if m.end <= v.start and v.start - m.end <= 90 and not re.search(r"[;；。]", text[m.end:v.start]) and \
                not any(m.end <= o.start and o.end <= v.start for o in values if o is not v):
            if best is None or m.end > best.end:
                best = m
    if best is not None:
        return best
    for m in sorted(cues, key=lambda c: c.start):
        if m.start >= v.end and m.start - v.end <= 30 and not any(v.end <= o.start < m.start for o in values) \
                and not any(v.end <= x.start < m.start for x in blockers or []):
            gap = text[v.end:m.start]
            if lang == "zh" or vocab.fig_rx["fig.tie_gap"].fullmatch(gap):
                return m
    return None


def clause_end(text: str, start: int, end: int) -> int:
    """Where the clause that starts at ``start`` ends, at most ``end``: a not-figure cue reaches no further than
    its own line or sentence ("… core EPS grew 12%\n- Free cash flow of USD 0.9 billion" is a new item)."""
    m = _CLAUSE_END.search(text, start, end)
    return m.start() if m else end
