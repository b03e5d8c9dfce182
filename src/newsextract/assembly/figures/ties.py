"""The cue each value of a sentence is tied to: the nearest one before it with no other value between, else one
right after it. Cues are metric words and the words of amounts that are no figure (deal payments, market
capitalisation …): whichever a value is tied to decides what it is.

The cues, values and amounts of a sentence are indexed once (sorted starts and ends), so that each value looks
only at the cues and values within its reach: a sentence with many figures costs time in proportion to them.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from ...facts import Fact
from ...finders.reports import ReportVocab

__all__ = ["Ties"]

#: how far before its value a cue may end, and after it a cue may start
_BEFORE, _AFTER = 90, 30
_STOP = re.compile(r"[;；。]")


class Ties:
    """The cues and values of one sentence (``values`` and ``amounts`` in text order, as a sentence lists them)."""

    def __init__(self, vocab: ReportVocab, text: str, cues: list[Fact], values: list[Any], lang: str,
                 amounts: list[Any] | None = None, blockers: list[Fact] | None = None) -> None:
        self.vocab, self.text, self.cues, self.values, self.lang = vocab, text, cues, values, lang
        self.by_end = sorted(range(len(cues)), key=lambda i: cues[i].end)
        self.ends = [cues[i].end for i in self.by_end]
        self.by_start = sorted(range(len(cues)), key=lambda i: cues[i].start)  # stable: list order on a tie
        self.starts = [cues[i].start for i in self.by_start]
        self.value_starts = [o.start for o in values]
        self.blocker_starts = sorted(x.start for x in blockers or [])
        # a cue right after another amount belongs to it ("$20 million commercial milestone payment"): per such
        # cue, the starts of the amounts it follows
        ends: dict[int, list[int]] = {}
        for o in amounts or values:
            ends.setdefault(o.end, []).append(o.start)
        self.owned = {i: [s for e in range(m.start - 3, m.start + 1) for s in ends.get(e, [])]
                      for i, m in enumerate(cues) if m.label != "metric"}

    def cue(self, v: Any) -> Fact | None:
        """The cue ``v`` belongs to (the cue of the first value of its list or trajectory)."""
        v = self._chain_head(v)
        best = self._before(v)
        return best if best is not None else self._after(v)

    def _before(self, v: Any) -> Fact | None:
        """The cue that ends nearest before ``v`` (the first listed of those ending there), with no value between."""
        cues, text = self.cues, self.text
        lo, hi = bisect.bisect_left(self.ends, v.start - _BEFORE), bisect.bisect_right(self.ends, v.start)
        best = None
        for i in sorted(self.by_end[lo:hi]):
            m = cues[i]
            if any(s != v.start for s in self.owned.get(i, ())):
                continue
            if not _STOP.search(text, m.end, v.start) and not self._value_between(m.end, v.start, v):
                if best is None or m.end > best.end:
                    best = m
        return best

    def _after(self, v: Any) -> Fact | None:
        """The first cue that starts right after ``v`` with no value or blocker between and a gap that ties them."""
        lo, hi = bisect.bisect_left(self.starts, v.end), bisect.bisect_right(self.starts, v.end + _AFTER)
        for i in self.by_start[lo:hi]:
            m = self.cues[i]
            if _count(self.value_starts, v.end, m.start) or _count(self.blocker_starts, v.end, m.start):
                continue
            if self.lang == "zh" or self.vocab.fig_rx["fig.tie_gap"].fullmatch(self.text[v.end:m.start]):
                return m
        return None

    def _value_between(self, a: int, b: int, v: Any) -> bool:
        """Whether a value other than ``v`` lies wholly inside ``[a, b)``."""
        j = bisect.bisect_left(self.value_starts, a)
        while j < len(self.values) and self.value_starts[j] < b:
            o = self.values[j]
            if o is not v and o.end <= b:
                return True
            j += 1
        return False

    def _chain_head(self, v: Any) -> Any:
        """The first value of a list or trajectory ("from 25.7 billion yuan in 2015 to 71.6 billion yuan in 2024",
        "32%, up from 21% in 2024, and only 5%"): later values share its cue."""
        chain, text, values = self.vocab.fig_rx["fig.chain"], self.text, self.values
        head = v
        for j in range(bisect.bisect_right(self.value_starts, v.start) - 1, -1, -1):
            p = values[j]
            if p.end > v.start:
                continue  # (ends after v starts: not before it)
            if p.end > head.start or not chain.match(text, p.end, head.start) or \
                    head.start - p.end > (70 if p.label == "percent" else 45):
                break
            if self._cue_between(p.end, head.start):
                break  # "from earning 3.7 billion yuan to projecting a loss of 1.1 billion": each has its own cue
            head = p
        return head

    def _cue_between(self, a: int, b: int) -> bool:
        j = bisect.bisect_left(self.starts, a)
        while j < len(self.starts) and self.starts[j] < b:
            if self.cues[self.by_start[j]].end <= b:
                return True
            j += 1
        return False


def _count(starts: list[int], a: int, b: int) -> int:
    """How many of the sorted ``starts`` lie in ``[a, b)``."""
    return bisect.bisect_left(starts, b) - bisect.bisect_left(starts, a) if b > a else 0
