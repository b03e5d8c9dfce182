"""The text the pipeline reads when it is not the text the user gave: reading aids and word-cutting line breaks
cut out, offsets mapped back.

Some Chinese pages insert pinyin after characters (``授權(quán)許可``), and PDF filings wrap lines inside words
(``取得許\n可費``). The rules read words, and an annotation or a break in the middle of a word hides it; so such
an article is read without them, and every evidence span is mapped back to the original text, which is the text the
records' offsets index (``Extraction.text``).

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
        #: what a reader of the records should know about the view (warnings on the Extraction)
        self.notes: list[str] = []
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


def _aid_cuts(text: str, lang: str) -> list[tuple[int, int]]:
    """The reading aids of an annotated page (none when the text has too few to be one)."""
    aids = _aids(lang)
    if aids is None or "(" not in text and "（" not in text:
        return []
    rx, marked, least = aids
    cuts = [m.span() for m in rx.finditer(text)]
    return cuts if sum(1 for s, e in cuts if marked.search(text, s, e)) >= least else []


@functools.cache
def _joins(lang: str) -> re.Pattern[str] | None:
    spec = (load_file(lang, "segments").get("soft_wrap") or {}).get("join_chars")
    return re.compile(spec) if spec else None


def _wrap_cuts(text: str, lang: str) -> list[tuple[int, int]]:
    """Line breaks that wrap a Chinese sentence between two characters (with the blank lines and indents around
    them): 取得許\n可費 is one word. The segmenter says which breaks wrap a sentence."""
    joins = _joins(lang)
    if joins is None or "\n" not in text:
        return []
    from .layout.segment import get_segmenter

    seg = get_segmenter(lang)
    width = seg.wrap_width(text.split("\n"))  # the page width most lines share, when there is one
    if not width:
        return []
    full = int(width * seg.width_share)
    cuts: list[tuple[int, int]] = []
    for p in seg.soft_breaks(text):
        if cuts and cuts[-1][0] <= p < cuts[-1][1]:
            continue  # in the run already cut
        a, b = p, p
        while a > 0 and text[a - 1] in _SPACE:
            a -= 1
        while b < len(text) and text[b] in _SPACE:
            b += 1
        line = text[text.rfind("\n", 0, a) + 1:a].strip()
        if 0 < a and b < len(text) and len(line) >= full and joins.match(text, a - 1) and joins.match(text, b):
            cuts.append((a, b))  # a line shorter than the page (a heading, 单位:人民币千元) ends where it ends
    return cuts


_SPACE = frozenset(" \t\u3000\n")


def reading_view(text: str, lang: str) -> TextView | None:
    """The view without reading aids and without the line breaks that cut Chinese words, or None when there is
    nothing to cut."""
    aids = _aid_cuts(text, lang)
    cuts = _disjoint(sorted(set(aids) | set(_wrap_cuts(text, lang))))
    if not cuts:
        return None
    view = TextView(text, cuts)
    if aids:
        view.notes.append("pinyin after the characters was read past (evidence offsets index the original)")
    return view


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def restore(records: Any, view: TextView) -> None:
    """Evidence of the deals, approvals and figures of ``records`` (an Extraction) re-pointed at the original."""
    for rec in (*records.deals, *records.approvals, *records.figures):
        for ev in rec.evidence:
            ev.start, ev.end = view.span(ev.start, ev.end)
            ev.text = view.original[ev.start:ev.end]
