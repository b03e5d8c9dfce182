"""The text the pipeline reads when it is not the text the user gave: reading aids cut out, offsets mapped back.

Some Chinese pages insert pinyin after characters (``授權(quán)許可``). The rules read words, and an annotation in
the middle of a word hides it; so such an article is read without them, and every evidence span is mapped back to
the original text, which is the text the records' offsets index (``Extraction.text``).

>>> view = TextView("授權(quán)許可協(xié)議", [(2, 8), (11, 16)])
>>> view.text
'授權許可協議'
>>> view.span(0, 6), view.span(2, 4)
((0, 17), (8, 10))
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Any

from .patterns import load_file

__all__ = ["TextView", "reading_view", "restore"]


class TextView:
    """``text`` is ``original`` without the ``cuts`` (sorted, disjoint ``(start, end)`` spans of the original)."""

    def __init__(self, original: str, cuts: list[tuple[int, int]]) -> None:
        self.original = original
        parts, at = [], 0
        #: for each cut, where it sits in the view, and how many characters were cut up to and including it
        self._at: list[int] = []
        self._shift: list[int] = []
        removed = 0
        for s, e in cuts:
            parts.append(original[at:s])
            removed += e - s
            self._at.append(s - (removed - (e - s)))
            self._shift.append(removed)
            at = e
        parts.append(original[at:])
        self.text = "".join(parts)

    def offset(self, i: int) -> int:
        """The original offset of the view's character ``i`` (a cut right before it is not included)."""
        k = bisect.bisect_right(self._at, i)
        return i + (self._shift[k - 1] if k else 0)

    def span(self, s: int, e: int) -> tuple[int, int]:
        """The original span of the view's ``[s, e)``: from its first character to just after its last."""
        if e <= s:
            return self.offset(s), self.offset(s)
        return self.offset(s), self.offset(e - 1) + 1


@functools.cache
def _aids(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], int] | None:
    spec = (load_file(lang, "segments").get("reading_aids") or {}) if lang == "zh" else {}
    if not spec:
        return None
    return re.compile(spec["pattern"]), re.compile(spec["marked"]), int(spec.get("min_marked", 3))


def reading_view(text: str, lang: str) -> TextView | None:
    """The view without reading aids, or None when the text has too few of them to be an annotated page."""
    aids = _aids(lang)
    if aids is None or "(" not in text and "（" not in text:
        return None
    rx, marked, least = aids
    cuts = [m.span() for m in rx.finditer(text)]
    if sum(1 for s, e in cuts if marked.search(text, s, e)) < least:
        return None
    return TextView(text, cuts)


def restore(records: Any, view: TextView) -> None:
    """Evidence of the deals, approvals and figures of ``records`` (an Extraction) re-pointed at the original."""
    for rec in (*records.deals, *records.approvals, *records.figures):
        for ev in rec.evidence:
            ev.start, ev.end = view.span(ev.start, ev.end)
            ev.text = view.original[ev.start:ev.end]
