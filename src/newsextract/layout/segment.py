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
from ..triggers import lookahead_literals

__all__ = ["Segmenter", "get_segmenter", "blocks"]

_CLAUSE_MARK = re.compile(r"[;；,，、:：]\s*")
_SPACES = re.compile(r"\s+")



#: a right single quote read as CP437 after Windows-1252 ("IpsenÆs", "donÆt"): one character for one
_MOJIBAKE_APOSTROPHE = re.compile(r"(?<=[a-z])Æ(?=(?:s|t|ll|re|ve|d)\b)")

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
        #: for a rule without trigger literals, the literals one of which a lookahead of it reads (None: none): a
        #: text without any holds no match of it (seg.bullet_mark without a bullet, seg.group_heading)
        #: (a rule matched case-insensitively on the text itself has none: a letter may match another character)
        self._ahead = {r.id: lookahead_literals(r.pattern, r.flags) if r.triggers is None and (
            r.fast_pattern is not None or not r.flags & re.IGNORECASE) else None for r in rules}
        wrap = data.get("soft_wrap") or {}
        #: a line break followed by one of these, after a line that does not end a sentence, is a wrap
        self.wrap_next = re.compile(wrap["next"]) if wrap.get("next") else None
        self.wrap_prev_end = re.compile(wrap["prev_end"]) if wrap.get("prev_end") else None
        #: … but in hard-wrapped text a line that opens with a label and its colon ("乙方（被许可方）：Y") is a new item
        self.wrap_new_item = re.compile(wrap["new_item"]) if wrap.get("new_item") else None
        #: text whose lines are mostly this long and end mid-sentence is hard-wrapped: any break there is a wrap
        self.wrap_lines = tuple(wrap.get("hard_wrap_lines", (0, 0)))
        self.wrap_share = float(wrap.get("hard_wrap_share", 2.0))
        #: table rows and column layouts are never wrapped sentences
        self.table_line = re.compile(wrap["table_line"]) if wrap.get("table_line") else None
        #: a key/value layout (XBRL notes: "|Non-refundable upfront payment" then "|$ 150,000") is one sentence
        self.kv_label = re.compile(wrap["kv_label"]) if wrap.get("kv_label") else None
        self.kv_value = re.compile(wrap["kv_value"]) if wrap.get("kv_value") else None
        #: a long paragraph that stops mid-sentence goes on after blank lines when the next one continues it
        #: (PDF text cut at page or column breaks: "…总额为3.5亿美" / "元的首付款")
        self.long_line = int(wrap.get("long_line", 0))
        self.long_next = re.compile(wrap["long_next"]) if wrap.get("long_next") else None
        #: … or as long as the width the page is wrapped at, when enough lines share it (a filing cut every 35
        #: characters, a blank line after each): the least lines that make a width, and how near a line must come
        self.width_lines = int(wrap.get("wrap_width_lines", 0))
        self.width_share = float(wrap.get("wrap_width_share", 0.9))

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
        width = self.wrap_width(lines)
        long_line = min(self.long_line, int(width * self.width_share)) if width else self.long_line
        out, pos = [], 0
        for i, line in enumerate(lines[:-1]):
            pos += len(line)
            nxt = lines[i + 1]
            if line.strip() and nxt.strip() and not self._ends_sentence(line) and not self._table(line) \
                    and not self._table(nxt) and (hard and not self._new_item(nxt) or self.wrap_next.match(nxt)):
                out.append(pos)
            elif self.kv_label is not None and self.kv_value is not None and self.kv_value.fullmatch(nxt) \
                    and self.kv_label.fullmatch(line):  # the value line first: a label's fullmatch backtracks
                out.append(pos)
            elif self.long_next is not None and not nxt.strip() and len(line.strip()) >= long_line \
                    and not self._ends_sentence(line) and not self._table(line):
                out.extend(self._across_blank_lines(lines, i, pos))
            pos += 1
        return sorted(set(out))

    def _across_blank_lines(self, lines: list[str], i: int, pos: int) -> list[int]:
        """The breaks from the end of line ``i`` to the next non-blank line, when that line continues line ``i``."""
        j, breaks = i + 1, [pos]
        p = pos + 1
        while j < len(lines) and not lines[j].strip():
            p += len(lines[j])
            breaks.append(p)
            p += 1
            j += 1
        if j < len(lines) and self.long_next is not None and self.long_next.match(lines[j]):
            return breaks
        return []

    def wrap_width(self, lines: list[str]) -> int:
        """The width the text is wrapped at: the 80th-percentile line length, when at least ``width_lines`` lines
        come within ``width_share`` of it (0: no such width)."""
        lens = sorted(len(x.strip()) for x in lines if x.strip())
        if not self.width_lines or len(lens) < self.width_lines:
            return 0
        top = lens[int(0.8 * (len(lens) - 1))]
        near = sum(1 for n in lens if top * self.width_share <= n <= top / self.width_share)
        return top if near >= self.width_lines and top >= 16 else 0

    def _new_item(self, line: str) -> bool:
        return bool(self.wrap_new_item is not None and self.wrap_new_item.match(line))

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
        """``text`` with its wrapping line breaks as spaces (same length: every offset stays valid), and with the
        apostrophes a CP437 reading of Windows-1252 text turned into 'Æ' put back ("EpizymeÆs" → "Epizyme’s")."""
        if "Æ" in text:
            text = _MOJIBAKE_APOSTROPHE.sub("’", text)
        soft = self.soft_breaks(text) if soft is None else soft
        if not soft:
            return text
        chars = list(text)
        for p in soft:
            if chars[p] == "\n":
                chars[p] = " "
        return "".join(chars)

    def boundaries(self, text: str, soft_breaks: list[int] | None = None) -> list[int]:
        cuts: set[int] = set()
        low = text.lower()
        soft = set(self.soft_breaks(text) if soft_breaks is None else soft_breaks)
        same = len(low) == len(text)  # then each rule runs on ``low`` or is case-sensitive: its literals tell
        for rule in self.rules:
            if same and rule.triggers is not None and not any(w in low for w in rule.triggers):
                continue  # a literal every match holds is absent ("[" of a citation): the rule cannot match
            ahead = self._ahead.get(rule.id)
            if same and ahead is not None and not any(w in low for w in ahead):
                continue  # … or one that a lookahead of it reads (no bullet mark in the text)
            for m in rule.finditer(text, low):
                end = m.end()
                if soft and rule.id == "seg.newline" and all(p in soft for p in range(m.start(), m.end())
                                                              if text[p] == "\n"):
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
        return self.sentences(text, soft_breaks)[0]

    def sentences(self, text: str, soft_breaks: list[int] | None = None
                  ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
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
        for c in self.boundaries(text, soft_breaks) + [len(text)]:
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
def get_segmenter(lang: str, patterns_dir: str | None = None,
                  max_sentence_chars: int = MAX_SENTENCE_CHARS) -> Segmenter:
    return Segmenter(lang, patterns_dir, max_sentence_chars)
