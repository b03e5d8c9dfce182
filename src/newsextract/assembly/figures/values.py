"""The values of a sentence and the cue each one is tied to (a metric word, or the words of an amount that is no
figure: a deal payment, a market capitalisation …)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

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


def clause_end(text: str, start: int, end: int, stop: re.Pattern[str] | None = None) -> int:
    """Where the clause that starts at ``start`` ends, at most ``end``: a not-figure cue reaches no further than
    its own line or sentence ("… core EPS grew 12%\n- Free cash flow of USD 0.9 billion" is a new item), nor past
    ``stop``, a conjunction that opens a clause of its own ("… guidance to $60 billion after sales climbed to …")."""
    m = _CLAUSE_END.search(text, start, end)
    end = m.start() if m else end
    m = stop.search(text, start, end) if stop is not None else None
    return m.start() if m else end
