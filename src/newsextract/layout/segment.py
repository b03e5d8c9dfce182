"""Sentence segmentation from rules (``patterns/<lang>/segments.yml``): pure text → character ranges."""

from __future__ import annotations

import functools
import re

from ..patterns import load_file, load_rules

__all__ = ["Segmenter", "get_segmenter", "blocks"]


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
        wrap = data.get("soft_wrap") or {}
        #: a line break followed by one of these, after a line that does not end a sentence, is a wrap
        self.wrap_next = re.compile(wrap["next"]) if wrap.get("next") else None
        self.wrap_prev_end = re.compile(wrap["prev_end"]) if wrap.get("prev_end") else None
        #: text whose lines are mostly this long and end mid-sentence is hard-wrapped: any break there is a wrap
        self.wrap_lines = tuple(wrap.get("hard_wrap_lines", (0, 0)))
        self.wrap_share = float(wrap.get("hard_wrap_share", 2.0))
        #: table rows and column layouts are never wrapped sentences
        self.table_line = re.compile(wrap["table_line"]) if wrap.get("table_line") else None
        #: a key/value layout (XBRL notes: "|Non-refundable upfront payment" then "|$ 150,000") is one sentence
        self.kv_label = re.compile(wrap["kv_label"]) if wrap.get("kv_label") else None
        self.kv_value = re.compile(wrap["kv_value"]) if wrap.get("kv_value") else None

    def soft_breaks(self, text: str) -> list[int]:
        r"""Positions of line breaks inside a sentence (PDF, wire and e-mail text wrapped at a fixed width).

        >>> seg = get_segmenter("en")
        >>> text = "Drugmaker Acme Inc is working\nwith bankers to buy a rival.\nShares rose."
        >>> seg.soft_breaks(text), [text[a:b] for a, b in seg.split(text)][0]
        ([29], 'Drugmaker Acme Inc is working\nwith bankers to buy a rival.')
        """
        if self.wrap_next is None or "\n" not in text:
            return []
        lines = text.split("\n")
        hard = self._hard_wrapped(lines)
        out, pos = [], 0
        for i, line in enumerate(lines[:-1]):
            pos += len(line)
            nxt = lines[i + 1]
            if line.strip() and nxt.strip() and not self._ends_sentence(line) and not self._table(line) \
                    and not self._table(nxt) and (hard or self.wrap_next.match(nxt)):
                out.append(pos)
            elif self.kv_label is not None and self.kv_value is not None and self.kv_label.fullmatch(line) \
                    and self.kv_value.fullmatch(nxt):
                out.append(pos)
            pos += 1
        return out

    def _table(self, line: str) -> bool:
        return bool(self.table_line is not None and self.table_line.search(line))

    def _ends_sentence(self, line: str) -> bool:
        return bool(self.wrap_prev_end is not None and self.wrap_prev_end.search(line.rstrip()))

    def _hard_wrapped(self, lines: list[str]) -> bool:
        lo, hi = self.wrap_lines if len(self.wrap_lines) == 2 else (0, 0)
        full = [x for x in lines if x.strip()]
        if len(full) < 4 or not hi:
            return False
        wrapped = sum(1 for x in full if lo <= len(x) <= hi and not self._ends_sentence(x) and not self._table(x))
        return wrapped >= self.wrap_share * len(full)

    def flatten(self, text: str, soft: list[int] | None = None) -> str:
        """``text`` with its wrapping line breaks as spaces (same length: every offset stays valid)."""
        soft = self.soft_breaks(text) if soft is None else soft
        if not soft:
            return text
        chars = list(text)
        for p in soft:
            chars[p] = " "
        return "".join(chars)

    def boundaries(self, text: str, soft_breaks: list[int] | None = None) -> list[int]:
        cuts: set[int] = set()
        low = text.lower()
        soft = set(self.soft_breaks(text) if soft_breaks is None else soft_breaks)
        for rule in self.rules:
            for m in rule.finditer(text, low):
                end = m.end()
                if soft and rule.id == "seg.newline" and m.group(0) == "\n" and m.start() in soft:
                    continue
                if self.abbrev is not None and rule.id in ("seg.terminal",):
                    before = text[max(0, m.start() - 12):m.start() + 1]
                    if self.abbrev.search(before.rstrip(".")) and text[m.start()] == ".":
                        # "Inc. signed": an abbreviation, unless the next word starts a new sentence obviously
                        continue
                cuts.add(end)
        return sorted(c for c in cuts if 0 < c < len(text))

    def split(self, text: str, soft_breaks: list[int] | None = None) -> list[tuple[int, int]]:
        """Sentence (start, end) ranges with surrounding white space trimmed; empty pieces dropped."""
        out = []
        prev = 0
        for c in self.boundaries(text, soft_breaks) + [len(text)]:
            a, b = prev, c
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a and any(ch.isalnum() for ch in text[a:b]):
                out.append((a, b))
            prev = c
        return out


def blocks(text: str, sentences: list[tuple[int, int]] | tuple[tuple[int, int], ...]) -> list[int]:
    r"""The block (paragraph, list item, dateline story) of each sentence: a new one after every line break
    between two sentences (wrapping breaks are inside sentences, so they do not count).

    >>> blocks("A b. C d.\nE f.", [(0, 4), (5, 9), (10, 14)])
    [0, 0, 1]
    """
    out: list[int] = []
    block, prev = 0, None
    for a, b in sentences:
        if prev is not None and "\n" in text[prev:a]:
            block += 1
        out.append(block)
        prev = b
    return out


@functools.lru_cache(maxsize=8)
def get_segmenter(lang: str, patterns_dir: str | None = None) -> Segmenter:
    return Segmenter(lang, patterns_dir)
