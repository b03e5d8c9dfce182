"""Money: find amounts in text and read them into full units (pure functions, vocabulary from patterns/).

>>> [(str(m.amount), m.currency, m.upper_bound) for m in find_money("up to $571 million in milestones")]
[('571000000', 'USD', True)]
>>> [(str(m.amount), m.currency) for m in find_money("5.71亿美元的里程碑付款", lang="zh")]
[('571000000', 'USD')]
>>> m = find_money("RMB315 million ($44 million)")
>>> [(str(x.amount), x.currency, x.conversion) for x in m]
[('315000000', 'CNY', False), ('44000000', 'USD', True)]
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..patterns import load_kind, lower_pattern

__all__ = ["MoneyMatch", "find_money", "parse_money", "zh_number", "scale_headers"]


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


class _Vocab:
    def __init__(self, lang: str, patterns_dir: str | None) -> None:
        data = load_kind(lang, "money", patterns_dir)
        self.lang = lang
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
        w = (rf"(?<![\w.,])(?P<num_w>half\s+an?|{numword})\s+(?P<scale_w>{'|'.join(sorted(long_scales, key=len, reverse=True))})"
             rf"\s+(?:of\s+)?(?P<cur_w>{suf.lower()})(?![a-z])")
        self.regex_w = re.compile(lower_pattern(w))
        return re.compile(rf"{q}(?:{a}|{b})")

    def word_number(self, s: str) -> float | None:
        total, cur = 0.0, 0.0
        s = re.sub(r"^half\s+an?$", "half", s.strip().lower())
        for tok in re.split(r"[\s-]+", s):
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
        num = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?|[{cn_digits}]+"
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
    seen = False
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
            seen = True
        else:
            return None
    if not seen:
        return None
    return Decimal(total + section + num)


@functools.lru_cache(maxsize=8)
def _vocab(lang: str, patterns_dir: str | None) -> _Vocab:
    return _Vocab(lang, patterns_dir)


def zh_number(s: str) -> Decimal | None:
    """Read a Chinese or Arabic numeral string.

    >>> zh_number("一千万"), zh_number("两千万"), zh_number("十二亿"), zh_number("貳仟參佰參拾萬")
    (Decimal('10000000'), Decimal('20000000'), Decimal('1200000000'), Decimal('23300000'))
    """
    v = _vocab("zh", None)
    return v.zh_number(s)


_CONV_BETWEEN = re.compile(
    r"^\s*[\(（\[]\s*(?:(?:or|approximately|approx\.?|about|around|roughly|some|c\.|ca\.|equivalent to|"
    r"equal to|worth|约|約|约合|約合|折合|合)\s*)?$",
    re.I,
)
_CONV_AFTER = re.compile(r"^\s*(?:at\s+[^)）\]]{0,40})?[\)）\]]")


def _dec(s: str) -> Decimal | None:
    try:
        return Decimal(s.replace(",", ""))
    except InvalidOperation:
        return None


def find_money(text: str, lang: str = "en", patterns_dir: str | None = None) -> list[MoneyMatch]:
    """Every amount of money in ``text``, in order, with flags; conversions in brackets are marked."""
    v = _vocab(lang, patterns_dir)
    out: list[MoneyMatch] = []
    matches = list(v.regex.finditer(text))
    if lang != "zh" and _WORD_SCALE.search(text):
        lowered = text.lower()
        if len(lowered) == len(text):
            taken = [(m.start(), m.end()) for m in matches]
            matches += [m for m in v.regex_w.finditer(lowered)
                        if not any(a < m.end() and m.start() < b for a, b in taken)]
            matches.sort(key=lambda m: m.start())
    bare: list[MoneyMatch] = []  # Chinese amounts in a bare 元, whose currency the article may settle
    for m in matches:
        g = m.groupdict()
        g.setdefault("cur_w", None)
        for k in ("cur_a", "cur_b", "num_a", "num_b", "scale_a", "scale_b", "plus_a", "num_w", "scale_w"):
            g.setdefault(k, None)
        if lang == "zh":
            mm = _read_zh(v, m, g, text)
            if mm is not None and not g["cur_a"] and g["cur_b"] in ("元", "圆", "圓"):
                bare.append(mm)
        else:
            mm = _read_en(v, m, g, text)
        if mm is not None:
            q = v.qual_back.search(text, max(0, mm.start - 30), mm.start)
            if q is not None:
                _flags(v, q.group("qual") if q.groupdict().get("qual") else "~", mm)
                mm.start = q.start()
                mm.text = text[mm.start:mm.end]
            out.append(mm)
    if lang == "zh" and bare:
        _bare_yuan(text, out, bare, v)
    _mark_conversions(text, out)
    _apply_headers(text, out, v)
    for mm in out:
        mm.amount = tidy(mm.amount)
    return out


def tidy(amount: Decimal) -> Decimal:
    """Whole amounts without a fractional part (1250000000, not 1250000000.00); others normalised.

    >>> tidy(Decimal("1.25") * 1000000000), tidy(Decimal("38.250"))
    (Decimal('1250000000'), Decimal('38.25'))
    """
    if amount == amount.to_integral_value():
        return amount.quantize(Decimal(1))
    return amount.normalize()


def _flags(v: _Vocab, qual: str | None, mm: MoneyMatch) -> None:
    if not qual:
        return
    q = qual.strip()
    for rx, flag in v.qual_rx:
        if rx.match(q):
            setattr(mm, flag, True)
            break
    if re.search(r"about|approx|around|roughly|约|約", q, re.I):
        mm.approximate = True  # "up to about": an upper bound that is also approximate


def _read_en(v: _Vocab, m: re.Match[str], g: dict[str, str | None], text: str) -> MoneyMatch | None:
    if g["cur_a"] is not None:
        cur = v.currency(g["cur_a"], v.prefix_rx)
        num_s, scale_s, plus = g["num_a"], g["scale_a"], g["plus_a"]
    elif g.get("cur_w") is not None:
        cur = v.currency(g["cur_w"], v.suffix_rx)
        num_s, scale_s, plus = g["num_w"], g["scale_w"], None
    else:
        cur = v.currency(g["cur_b"] or "", v.suffix_rx)
        num_s, scale_s, plus = g["num_b"], g["scale_b"], None
    if cur is None or num_s is None:
        return None
    amount = _dec(num_s)
    if amount is None:
        wn = v.word_number(num_s)
        if wn is None:
            return None
        amount = Decimal(str(wn))
    scaled = False
    if scale_s:
        s = v.scale_map.get(scale_s) or v.scale_map.get(scale_s.lower())
        if s is None:
            return None
        amount *= s
        scaled = True

    start = m.start()
    end = m.end()
    mm = MoneyMatch(start, end, amount, cur, text[start:end], scaled=scaled)
    if plus:
        mm.lower_bound = True
    # a year-like bare number with a currency suffix word only ("2024 dollars") is not money
    if not scaled and g["cur_b"] is not None and re.fullmatch(r"(19|20)\d\d", num_s):
        return None
    return mm


def _read_zh(v: _Vocab, m: re.Match[str], g: dict[str, str | None], text: str) -> MoneyMatch | None:
    cur_a, cur_b = g["cur_a"], g["cur_b"]
    if not cur_a and not cur_b:
        return None
    cur = None
    if cur_b:
        cur = v.currency(cur_b, v.suffix_rx)
    if cur_a:
        cur = v.currency(cur_a, v.prefix_rx) if cur is None or cur_b in ("元", "圆", "圓") else cur
    if cur is None:
        return None
    num_s = g["num_a"] or ""
    amount = _dec(num_s) if re.match(r"[\d.]", num_s) else v.zh_number(num_s)
    if amount is None:
        return None
    scaled = bool(re.search(r"[十百千万萬亿億拾佰仟]", num_s))
    if g["scale_a"]:
        amount *= Decimal(v.scale_map[g["scale_a"]])
        scaled = True
    mm = MoneyMatch(m.start(), m.end(), amount, cur, text[m.start():m.end()], scaled=scaled)
    # a bare "12元" style number with no unit and a tiny value is usually a share price: keep, kinds decide
    return mm


def _bare_yuan(text: str, found: list[MoneyMatch], bare: list[MoneyMatch], v: _Vocab) -> None:
    """A bare 元 takes the currency an article declares for it (（人民幣，下同）, 所有金额均以美元列示), else the
    article's own (新台幣 written anywhere: Taiwan dollars), else stays CNY."""
    decls = []
    for rx in v.yuan_decl:
        for d in rx.finditer(text):
            word = next((x for x in d.groups() if x), None)
            cur = word and (v.currency(word, v.suffix_rx) or v.currency(word, v.prefix_rx))
            if cur:
                decls.append((d.start(), cur))
    decls.sort()
    article = next((cur for rx, cur in v.yuan_article if rx.search(text)), None)
    for mm in bare:
        # a declaration right after an amount covers it, and every bare amount after it
        active = [cur for at, cur in decls if at <= mm.end + 2]
        if active:
            mm.currency = active[-1]
        elif article:
            mm.currency = article


def _mark_conversions(text: str, found: list[MoneyMatch]) -> None:
    for a, b in zip(found, found[1:], strict=False):
        between = text[a.end:b.start]
        if len(between) <= 24 and _CONV_BETWEEN.match(between) and _CONV_AFTER.match(text[b.end:b.end + 45]):
            b.conversion = True


_ROW = re.compile(
    r"^(?P<label>[A-Za-z(][^\n|]{2,90}?)[ \t,:]{2,}(?P<cells>(?:(?:\$|US\$|€|RMB)?[ \t]*(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[—–-])"
    r"(?:[ \t]{2,}(?:(?:\$|US\$|€|RMB)?[ \t]*(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[—–-]))*)[ \t]*$",
    re.M,
)
_CELL = re.compile(r"(?:(?P<cur>\$|US\$|€|RMB)[ \t]*)?(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)")


def _table_rows(text: str, after: int, found: list[MoneyMatch], currency: str) -> list[MoneyMatch]:
    """Bare numbers in label rows under a units header ("Sales milestones, Maximum    480,000"): the largest
    cell of a row (a ceiling beside paid-to-date amounts) is that row's amount."""
    taken = [(m.start, m.end) for m in found]
    out = []
    for row in _ROW.finditer(text, after):
        cells = [c for c in _CELL.finditer(row.group("cells"))]
        best = None
        for c in cells:
            num = c.group("num")
            if re.fullmatch(r"(?:19|20)\d\d", num):
                continue
            val = Decimal(num.replace(",", ""))
            if best is None or val > best[0]:
                best = (val, c)
        if best is None:
            continue
        off = row.start("cells")
        s, e = off + best[1].start(), off + best[1].end()
        if any(a < e and s < b for a, b in taken):
            continue
        cur = {"$": "USD", "US$": "USD", "€": "EUR", "RMB": "CNY"}.get(best[1].group("cur") or "", currency)
        out.append(MoneyMatch(s, e, best[0], cur, text[s:e], rule="money.table_row"))
    return out


_WORD_SCALE = re.compile(r"(?i)[a-z]\s+(?:million|billion|thousand|trillion)\s")
_HEADER_HINT = re.compile(r"[Tt]housands|[Mm]illions|THOUSANDS|MILLIONS|[单單]位")


def _apply_headers(text: str, found: list[MoneyMatch], v: _Vocab) -> None:
    """'(in thousands)' / '$ in Millions' scale amounts that follow, unless they state their own scale."""
    headers = [(start, scale, rid) for start, _end, scale, rid in _header_matches(text, v)]
    if not headers:
        return
    if v.lang == "en":
        head_txt = text[headers[0][0]: headers[0][0] + 60]
        cur = "EUR" if re.search(r"€|EUR", head_txt) else "CNY" if re.search(r"RMB|CNY", head_txt) else "USD"
        found.extend(_table_rows(text, headers[0][0], found, cur))
        found.sort(key=lambda m: m.start)
    for mm in found:
        if mm.scaled:
            continue
        active = [h for h in headers if h[0] < mm.start]
        if not active:
            continue
        pos, scale, rid = active[-1]
        mm.amount *= scale
        mm.header_scale = scale
        mm.rule = rid


def scale_headers(text: str, lang: str = "en", patterns_dir: str | None = None) -> list[tuple[int, int, int, str]]:
    """Units headers that scale the amounts under them: ``(start, end, scale, rule id)``.

    >>> scale_headers("单位:人民币千元\\n营业总收入 11,996,406", "zh")
    [(0, 8, 1000, 'header.zh_qian')]
    """
    return _header_matches(text, _vocab(lang, patterns_dir))


def _header_matches(text: str, v: _Vocab) -> list[tuple[int, int, int, str]]:
    hints = [m.start() for m in _HEADER_HINT.finditer(text)]
    if not hints:
        return []
    found: set[tuple[int, int, int, str]] = set()
    for pos in hints:  # a header is a few words around its hint word: look only there
        a, b = max(0, pos - 40), min(len(text), pos + 60)
        for rx, scale, rid in v.headers:
            for h in rx.finditer(text, a, b):
                if h.start() <= pos < h.end():
                    found.add((h.start(), h.end(), scale, rid))
    return sorted(found)


def parse_money(text: str, lang: str = "en") -> MoneyMatch | None:
    """The first amount in ``text``, or None.

    >>> m = parse_money("~$3.3B"); (str(m.amount), m.approximate)
    ('3300000000', True)
    """
    found = find_money(text, lang)
    return found[0] if found else None
