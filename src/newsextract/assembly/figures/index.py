"""The facts of an article by position: a sentence, a window or the text before a point asks only for the facts
that can lie there, so that an article with many sentences and figures costs time in proportion to them.

Answers are those of a scan of the whole list, in list order; when the list is not in order of start (facts a
model added), every question scans the list.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Sequence

from ...facts import Fact
from ...triggers import lookahead_tail

__all__ = ["FactIndex"]

_tail = functools.lru_cache(maxsize=64)(lookahead_tail)


class FactIndex:
    """``facts`` (as the finders give them: in order of start) with their starts, and the longest span."""

    def __init__(self, facts: list[Fact]) -> None:
        self.facts = facts
        self.starts = [f.start for f in facts]
        self.ordered = all(x <= y for x, y in zip(self.starts, self.starts[1:], strict=False))
        self.longest = max((f.end - f.start for f in facts), default=0)
        self._labels: dict[str, FactIndex] = {}
        #: (regex, from) → where on a search of the text from there is sure to find a match (see ``found``)
        self._found: dict[tuple[re.Pattern[str], int], int] = {}

    def of(self, label: str) -> FactIndex:
        """The index of the facts with ``label`` (built on first use)."""
        sub = self._labels.get(label)
        if sub is None:
            sub = self._labels[label] = FactIndex([f for f in self.facts if f.label == label])
        return sub

    def indices(self, a: int, b: int) -> Sequence[int]:
        """The positions in the list of the facts that start in ``[a, b]`` (both ends included), in list order."""
        if not self.ordered:
            return [i for i, f in enumerate(self.facts) if a <= f.start <= b]
        return range(bisect.bisect_left(self.starts, a), bisect.bisect_right(self.starts, b))

    def starting(self, a: int, b: int) -> list[Fact]:
        """The facts that start in ``[a, b]`` (both ends included), in list order."""
        if not self.ordered:
            return [f for f in self.facts if a <= f.start <= b]
        return self.facts[bisect.bisect_left(self.starts, a):bisect.bisect_right(self.starts, b)]

    def ending(self, a: int, b: int) -> list[Fact]:
        """The facts that end in ``[a, b]``, in list order."""
        return [f for f in self.starting(a - self.longest, b) if a <= f.end <= b]

    def last_within(self, a: int | None, b: int, keep: Callable[[Fact], bool]) -> Fact | None:
        """The last fact (in list order) inside ``[a, b]`` (a None: from the start of the text) that ``keep``
        keeps."""
        if not self.ordered:
            found = [f for f in self.facts if (a is None or a <= f.start) and f.end <= b and keep(f)]
            return found[-1] if found else None
        first = 0 if a is None else bisect.bisect_left(self.starts, a)
        for j in range(bisect.bisect_right(self.starts, b) - 1, first - 1, -1):
            f = self.facts[j]
            if f.end <= b and keep(f):
                return f
        return None

    def found(self, rx: re.Pattern[str], text: str, a: int, b: int) -> bool:
        """``rx.search(text, a, b) is not None`` (a search from a sentence start ``a`` to each figure's anchor). A
        match that ends more than its lookahead reaches before ``b`` read nothing of the cut: any search from ``a``
        that goes further finds a match too, so it is not searched again."""
        sure = self._found.get((rx, a))
        if sure is not None and b >= sure:
            return True
        m = rx.search(text, a, b)
        if m is None:
            return False
        tail = _tail(rx)
        if tail is not None and m.end() + tail <= b:
            self._found[(rx, a)] = m.end() + tail
        return True
