"""Overlap queries over character spans in O(log n) each: "does (s, e) touch any span found so far?".

Finders ask this for every candidate, and a hostile text has tens of thousands of candidates; a scan of every
span per candidate is quadratic.

>>> idx = SpanIndex([(10, 20), (30, 35), (0, 3)])
>>> idx.overlaps(19, 25), idx.overlaps(20, 30), idx.overlaps(2, 4), idx.overlaps(36, 40)
(True, False, True, False)
>>> idx.contains(12, 20), idx.contains(12, 21), idx.contains(0, 3)
(True, False, True)
>>> taken = DisjointSpans(); taken.add(5, 8); taken.add(12, 14)
>>> taken.overlaps(7, 9), taken.overlaps(8, 12), taken.overlaps(13, 20)
(True, False, True)
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

__all__ = ["SpanIndex", "DisjointSpans"]


class SpanIndex:
    """A fixed set of spans (they may overlap each other); ``overlaps(s, e)`` is ``any(a < e and s < b)``."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.max_end: list[int] = []
        best = -1
        for _, b in ordered:
            best = max(best, b)
            self.max_end.append(best)

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self.starts, e)  # spans [0, i) start before e
        return i > 0 and self.max_end[i - 1] > s

    def contains(self, s: int, e: int) -> bool:
        """``any(a <= s and e <= b)``: some span holds all of (s, e)."""
        i = bisect.bisect_right(self.starts, s)  # spans [0, i) start at or before s
        return i > 0 and self.max_end[i - 1] >= e


class DisjointSpans:
    """A growing set of spans that never overlap each other (callers add a span only when it is free)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self.starts, e)  # disjoint and sorted: the last span starting before e decides
        return i > 0 and self.ends[i - 1] > s

    def add(self, s: int, e: int) -> None:
        i = bisect.bisect_left(self.starts, s)
        self.starts.insert(i, s)
        self.ends.insert(i, e)
