"""Sentence segmentation from rules (``patterns/<lang>/segments.yml``): pure text → character ranges."""

from __future__ import annotations

import functools
import re

from ..patterns import load_file, load_rules

__all__ = ["Segmenter", "get_segmenter"]


class Segmenter:
    """Splits text into sentences: wire-summary bullets, citations, headings, line breaks, 。 and the usual stops.

    >>> seg = get_segmenter("en")
    >>> text = "Group 1: Deals - Acme Inc. signed a deal [1] - Beta Bio paid $5 million. It closed."
    >>> [text[a:b] for a, b in seg.split(text)]
    ['Group 1: Deals -', 'Acme Inc. signed a deal [1]', 'Beta Bio paid $5 million.', 'It closed.']
    """

    def __init__(self, lang: str, patterns_dir: str | None = None) -> None:
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
        out = []
        prev = 0
        for c in self.boundaries(text) + [len(text)]:
            a, b = prev, c
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a and any(ch.isalnum() for ch in text[a:b]):
                out.append((a, b))
            prev = c
        return out


@functools.lru_cache(maxsize=8)
def get_segmenter(lang: str, patterns_dir: str | None = None) -> Segmenter:
    return Segmenter(lang, patterns_dir)
