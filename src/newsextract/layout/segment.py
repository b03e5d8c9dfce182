"""Sentence segmentation from rules (``patterns/<lang>/segments.yml``): pure text → character ranges.

A "sentence" longer than ``max_sentence_chars`` (a text with no stop in sight: a list glued into one line, a
hostile input) is processed in pieces of at most that many characters, cut at the last clause mark (``;`` ``,``
``，`` …) or space in the second half of each piece. Later stages are bounded by the sentence length, so this
keeps the whole pipeline linear; the cuts are reported (:meth:`Segmenter.sentences`) and become a warning on
the record.
"""

from __future__ import annotations

import functools
import re

from ..config import MAX_SENTENCE_CHARS
from ..patterns import load_file, load_rules

__all__ = ["Segmenter", "get_segmenter"]

_CLAUSE_MARK = re.compile(r"[;；,，、:：]\s*")
_SPACES = re.compile(r"\s+")


class Segmenter:
    """Splits text into sentences: wire-summary bullets, citations, headings, line breaks, 。 and the usual stops.

    >>> seg = get_segmenter("en")
    >>> text = "Group 1: Deals - Acme Inc. signed a deal [1] - Beta Bio paid $5 million. It closed."
    >>> [text[a:b] for a, b in seg.split(text)]
    ['Group 1: Deals -', 'Acme Inc. signed a deal [1]', 'Beta Bio paid $5 million.', 'It closed.']
    """

    def __init__(self, lang: str, patterns_dir: str | None = None,
                 max_sentence_chars: int = MAX_SENTENCE_CHARS) -> None:
        self.max_sentence_chars = max_sentence_chars
        rules = load_rules(lang, "segments", patterns_dir)
        data = load_file(lang, "segments", patterns_dir)
        self.abbrev = re.compile(
            r"(?:^|[\s(])(?:" + "|".join(re.escape(a) for a in data.get("abbreviations", []) or []) + r")\.?$"
        ) if data.get("abbreviations") else None
        self.rules = rules

    def boundaries(self, text: str) -> list[int]:
        cuts: set[int] = set()
        low = text.lower()
        for rule in self.rules:
            for m in rule.finditer(text, low):
                end = m.end()
                if self.abbrev is not None and rule.id in ("seg.terminal",):
                    before = text[max(0, m.start() - 12):m.start() + 1]
                    if self.abbrev.search(before.rstrip(".")) and text[m.start()] == ".":
                        # "Inc. signed": an abbreviation, unless the next word starts a new sentence obviously
                        continue
                cuts.add(end)
        return sorted(c for c in cuts if 0 < c < len(text))

    def split(self, text: str) -> list[tuple[int, int]]:
        """Sentence (start, end) ranges with surrounding white space trimmed; empty pieces dropped."""
        return self.sentences(text)[0]

    def sentences(self, text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """Sentence ranges (as :meth:`split`), and the over-long sentences that were cut into pieces.

        >>> seg = Segmenter("en", max_sentence_chars=20)
        >>> text = "Alpha beta, gamma delta epsilon zeta eta theta iota"
        >>> ranges, cut = seg.sentences(text)
        >>> [text[a:b] for a, b in ranges], cut
        (['Alpha beta,', 'gamma delta epsilon', 'zeta eta theta iota'], [(0, 51)])
        """
        out: list[tuple[int, int]] = []
        cut: list[tuple[int, int]] = []
        prev = 0
        limit = self.max_sentence_chars
        for c in self.boundaries(text) + [len(text)]:
            a, b = _trim(text, prev, c)
            prev = c
            if b - a > limit:
                cut.append((a, b))
                for x, y in _pieces(text, a, b, limit):
                    x, y = _trim(text, x, y)
                    if y > x and _has_alnum(text, x, y):
                        out.append((x, y))
            elif b > a and _has_alnum(text, a, b):
                out.append((a, b))
        return out, cut


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _has_alnum(text: str, a: int, b: int) -> bool:
    return any(ch.isalnum() for ch in text[a:b])


def _pieces(text: str, a: int, b: int, limit: int) -> list[tuple[int, int]]:
    """``text[a:b]`` in pieces of at most ``limit`` characters, each ending after a clause mark or a space in
    its second half when there is one."""
    out = []
    while b - a > limit:
        lo, hi = a + limit // 2, a + limit
        end = None
        for rx in (_CLAUSE_MARK, _SPACES):
            for m in rx.finditer(text, lo, hi):
                end = m.end()
            if end is not None:
                break
        end = end if end is not None and end > a else hi
        out.append((a, end))
        a = end
    out.append((a, b))
    return out


@functools.lru_cache(maxsize=8)
def get_segmenter(lang: str, patterns_dir: str | None = None,
                  max_sentence_chars: int = MAX_SENTENCE_CHARS) -> Segmenter:
    return Segmenter(lang, patterns_dir, max_sentence_chars)
