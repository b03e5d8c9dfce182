"""The money vocabulary of a language (``patterns/<lang>/money.yml``) compiled into the amount patterns, the
match type, and Chinese numerals."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from ...patterns import load_kind, load_rules, lower_pattern, regex_table
from ...triggers import TriggerIndex, guarded

#: between the words of a number written out ("twenty-five", "one hundred")
_TOKEN_SEP = re.compile(r"[\s-]+")


@dataclass
class MoneyMatch:
    start: int
    end: int
    amount: Decimal
    currency: str
    text: str
    upper_bound: bool = False
    approximate: bool = False
    lower_bound: bool = False
    scaled: bool = False  # the amount states its own scale word (million, 亿 …)
    conversion: bool = False  # a conversion in brackets after another amount: not the primary figure
    header_scale: int = 1  # multiplied by a table header such as "(in thousands)"
    rule: str = "money"


def _alt(items: list[str]) -> str:
    return "(?:" + "|".join(sorted(items, key=len, reverse=True)) + ")"


class MoneyVocab:
    """The amount patterns, currencies, scale words and qualifiers of one language, and the ``regexes`` of its
    money.yml (``rx``)."""

    def __init__(self, lang: str, patterns_dir: str | None) -> None:
        data = load_kind(lang, "money", patterns_dir)
        self.rx = regex_table(lang, "money", patterns_dir)
        self.lang = lang
        #: a currency symbol shared by two currencies ("¥": yen or yuan) → the currency whose rate to a US-dollar
        #: conversion beside it fits: currency → (lowest, highest) units per dollar
        self.by_rate: dict[str, dict[str, tuple[float, float]]] = {
            sym: {cur: (float(r[0]), float(r[1])) for cur, r in rates.items()}
            for sym, rates in (data.get("symbol_by_rate") or {}).items()}
        self.prefix: list[tuple[str, str]] = [(p, c) for c, ps in data["prefix_currencies"].items() for p in ps]
        self.suffix: list[tuple[str, str]] = [(p, c) for c, ps in data["suffix_currencies"].items() for p in ps]
        self.scales: list[tuple[str, int]] = [(w, int(s)) for s, ws in data["scales"].items() for w in ws]
        self.quals: list[tuple[str, str]] = [(q, flag) for flag, qs in data["qualifiers"].items() for q in qs]
        self.prefix_rx = [(re.compile(r"^(?:" + p + r")$", re.I if p.isalpha() and len(p) > 3 else 0), c)
                          for p, c in self.prefix]
        self.suffix_rx = [(re.compile(r"^(?:" + p + r")$", re.I), c) for p, c in self.suffix]
        self.scale_map = {}
        for w, s in self.scales:
            self.scale_map[w] = s
            if len(w) > 2:
                self.scale_map[w.lower()] = s
        self.qual_rx = [(re.compile(r"^(?:" + q + r")$", re.I), flag) for q, flag in self.quals]
        self.headers = [(re.compile(h["pattern"], re.I), int(h["scale"]), h["id"]) for h in data.get("scale_headers", [])]
        #: the literals one of which a units-header hint holds (None: no such set), and the headers of the last text
        hint_rule = self.rx.rules.get("money.header_hint")
        self.hint_index = TriggerIndex([(0, hint_rule.triggers)]) if hint_rule and hint_rule.triggers else None
        self.header_memo: tuple[str | None, list[tuple[int, int, int, str]]] = (None, [])
        #: the currency a table's heading names (``table_currency_hints``, tried in order), else the default
        self.table_currencies: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
            (str(r.attrs["value"]), r.regex) for r in load_rules(lang, "money", patterns_dir, "table_currency_hints"))
        self.table_currency_default = str(data.get("table_currency_default") or "USD")
        if lang == "zh":
            self.digits = {k: int(v) for k, v in data["digits"].items()}
            self.units = {k: int(v) for k, v in data["units"].items()}
            self.big_units = {k: int(v) for k, v in data["big_units"].items()}
            self.regex = self._build_zh()
            bare = data.get("bare_yuan", {}) or {}
            self.yuan_decl = [re.compile(d["pattern"]) for d in bare.get("declarations", []) or []]
            art = bare.get("article", {}) or {}
            self.yuan_article = [(re.compile("|".join(ws)), cur) for cur, ws in art.items() if ws]
        else:
            nw = data["number_words"]
            self.units_w = {k: float(v) for k, v in nw["units"].items()}
            self.tens_w = {k: int(v) for k, v in nw["tens"].items()}
            self.regex = self._build_en()

    # -- English -------------------------------------------------------------------------------------------
    def _build_en(self) -> re.Pattern[str]:
        num = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
        words = sorted(list(self.units_w) + list(self.tens_w), key=len, reverse=True)
        w = "|".join(words)
        numword = rf"(?:(?:{w})(?:[- ](?:{w}))?(?:\s+hundred(?:\s+(?:and\s+)?(?:{w})(?:[- ](?:{w}))?)?)?)"
        long_scales = [s for s, _ in self.scales if len(s) > 2 and s.isalpha()]
        short_scales = [s for s, _ in self.scales if not (len(s) > 2 and s.isalpha())]
        scale = rf"(?:(?i:{'|'.join(sorted(long_scales, key=len, reverse=True))})|{'|'.join(sorted(short_scales, key=len, reverse=True))})"
        quals = "|".join(sorted((q for q, _ in self.quals), key=len, reverse=True))
        pre = _alt([p for p, _ in self.prefix])
        suf = _alt([p for p, _ in self.suffix])
        q = ""  # qualifiers are read backwards from each amount (a leading optional group slows every position)
        self.qual_back = re.compile(rf"(?:(?<![A-Za-z])(?P<qual>(?i:{quals}))\s*|~\s*)$")
        a = rf"(?<![A-Za-z0-9])(?P<cur_a>{pre})\s{{0,2}}(?P<num_a>{num})(?:\s?(?P<scale_a>{scale})(?![A-Za-z]))?(?P<plus_a>\+|-plus\b)?"
        b = (rf"(?<![\w.,])(?P<num_b>{num})\s?(?:(?P<scale_b>{scale})\s+)?(?:(?i:of)\s+)?"
             rf"(?P<cur_b>(?i:{suf}))(?![A-Za-z])")
        # word numbers need a scale word: "twenty-five million dollars", "half a billion dollars" (not "a USD…");
        # they are a separate pattern, run on lower-cased text and only when a scale word is there at all
        w = (rf"(?<![\w.,])(?P<num_w>half\s+an?|(?:(?:a|one|three)\s+)?quarters?\s+of\s+an?|{numword})\s+(?P<scale_w>{'|'.join(sorted(long_scales, key=len, reverse=True))})"
             rf"\s+(?:of\s+)?(?P<cur_w>{suf.lower()})(?![a-z])")
        self.regex_w = _compile_guarded(lower_pattern(w))
        return _compile_guarded(rf"{q}(?:{a}|{b})")

    def word_number(self, s: str) -> float | None:
        total, cur = 0.0, 0.0
        s = self.rx["money.half_an"].sub("half", s.strip().lower())
        mq = self.rx["money.quarter_of"].match(s)
        if mq is not None:  # "a quarter of a billion", "three quarters of a billion"
            return 0.75 if mq.group(1) == "three" else 0.25
        for tok in _TOKEN_SEP.split(s):
            if tok == "and" or not tok:
                continue
            if tok in self.units_w:
                cur += self.units_w[tok]
            elif tok in self.tens_w:
                cur += self.tens_w[tok]
            elif tok == "hundred":
                cur = (cur or 1) * 100
            else:
                return None
        return total + cur

    # -- Chinese -------------------------------------------------------------------------------------------
    def _build_zh(self) -> re.Pattern[str]:
        cn_digits = "".join(self.digits) + "".join(self.units) + "".join(self.big_units)
        # (a full-width comma between thousands too, as Chinese pages write them: ５，０００万美元)
        num = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:，\d{{3}}(?!\d))+|\d+)(?:\.\d+)?|[{cn_digits}]+"
        scale = _alt([s for s, _ in self.scales])
        quals = _alt([q for q, _ in self.quals])
        pre = _alt([p for p, _ in self.prefix])
        suf = _alt([p for p, _ in self.suffix])
        self.qual_back = re.compile(rf"(?P<qual>{quals})\s*$")
        return re.compile(
            rf"(?:(?P<cur_a>{pre})\s{{0,2}})?(?P<num_a>{num})\s{{0,2}}"
            rf"(?P<scale_a>{scale})?\s{{0,2}}(?P<cur_b>{suf})?",
        )

    def zh_number(self, s: str) -> Decimal | None:
        return _zh_number(s, self.digits, self.units, self.big_units)

    def table_currency(self, heading: str) -> str:
        """The currency a table's heading or units line names ("(€ million)", "RMB'000"), else the default."""
        return next((c for c, rx in self.table_currencies if rx.search(heading)), self.table_currency_default)

    def currency(self, token: str, table: list[tuple[re.Pattern[str], str]]) -> str | None:
        for rx, code in table:
            if rx.match(token):
                return code
        return None


def _zh_number(s: str, digits: dict[str, int], units: dict[str, int], big: dict[str, int]) -> Decimal | None:
    """Chinese numerals, including financial ones: 一千万 → 10000000, 貳仟參佰參拾萬 → 23300000."""
    total = 0
    section = 0
    num = 0
    seen = False  # a digit or a unit: a big unit alone (数亿美元, 亿元) states no amount
    for ch in s:
        if ch in digits:
            num = digits[ch]
            seen = True
        elif ch in units:
            section += (num or 1) * units[ch]
            num = 0
            seen = True
        elif ch in big:
            section += num
            if big[ch] == 100000000:
                total = (total + section) * big[ch]
            else:
                total += section * big[ch]
            section = 0
            num = 0
        else:
            return None
    if not seen:
        return None
    return Decimal(total + section + num)


@functools.lru_cache(maxsize=8)
def money_vocab(lang: str, patterns_dir: str | None) -> MoneyVocab:
    return MoneyVocab(lang, patterns_dir)


def zh_number(s: str) -> Decimal | None:
    """Read a Chinese or Arabic numeral string.

    >>> zh_number("一千万"), zh_number("两千万"), zh_number("十二亿"), zh_number("貳仟參佰參拾萬")
    (Decimal('10000000'), Decimal('20000000'), Decimal('1200000000'), Decimal('23300000'))
    """
    v = money_vocab("zh", None)
    return v.zh_number(s)


def _compile_guarded(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled behind its first-character guard (:func:`newsextract.triggers.guarded`: the same matches;
    every text is scanned for amounts, and the English amount regex starts with lookbehinds)."""
    return re.compile(guarded(pattern) or pattern)
