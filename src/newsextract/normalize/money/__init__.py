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

import re
from decimal import Decimal, InvalidOperation

from .tables import apply_headers, scale_headers
from .vocab import MoneyMatch, MoneyVocab, money_vocab, zh_number

#: a year, not an amount ("2024 dollars")
_YEAR = re.compile(r"(19|20)\d\d")
#: a number written in digits (else Chinese numerals)
_ARABIC = re.compile(r"[\d.]")
#: the largest figure read as money
_MAX_AMOUNT = Decimal(10) ** 18
__all__ = ["MoneyMatch", "find_money", "parse_money", "zh_number", "scale_headers"]


def _dec(s: str) -> Decimal | None:
    try:
        return Decimal(s.replace(",", "").replace("，", ""))
    except InvalidOperation:
        return None


def find_money(text: str, lang: str = "en", patterns_dir: str | None = None) -> list[MoneyMatch]:
    """Every amount of money in ``text``, in order, with flags; conversions in brackets are marked."""
    v = money_vocab(lang, patterns_dir)
    out: list[MoneyMatch] = []
    matches = list(v.regex.finditer(text))
    if lang != "zh" and v.rx["money.word_scale"].search(text):
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
    _mark_conversions(v, text, out)
    apply_headers(text, out, v)
    # a figure of 10^18 or more is no deal term (and past 28 digits no Decimal operation works on it)
    out = [mm for mm in out if mm.amount < _MAX_AMOUNT]
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


def _flags(v: MoneyVocab, qual: str | None, mm: MoneyMatch) -> None:
    if not qual:
        return
    q = qual.strip()
    for rx, flag in v.qual_rx:
        if rx.match(q):
            setattr(mm, flag, True)
            break
    if v.rx["money.approx"].search(q):
        mm.approximate = True  # "up to about": an upper bound that is also approximate


def _read_en(v: MoneyVocab, m: re.Match[str], g: dict[str, str | None], text: str) -> MoneyMatch | None:
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
    if not scaled and g["cur_b"] is not None and _YEAR.fullmatch(num_s):
        return None
    return mm


def _read_zh(v: MoneyVocab, m: re.Match[str], g: dict[str, str | None], text: str) -> MoneyMatch | None:
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
    amount = _dec(num_s) if _ARABIC.match(num_s) else v.zh_number(num_s)
    if amount is None:
        return None
    scaled = bool(v.rx["money.zh_scaled"].search(num_s))
    if g["scale_a"]:
        amount *= Decimal(v.scale_map[g["scale_a"]])
        scaled = True
    mm = MoneyMatch(m.start(), m.end(), amount, cur, text[m.start():m.end()], scaled=scaled)
    # a bare "12元" style number with no unit and a tiny value is usually a share price: keep, kinds decide
    return mm


def _bare_yuan(text: str, found: list[MoneyMatch], bare: list[MoneyMatch], v: MoneyVocab) -> None:
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


def _mark_conversions(v: MoneyVocab, text: str, found: list[MoneyMatch]) -> None:
    """An amount in brackets right after another ("RMB315 million ($44 million)") is its conversion."""
    conv_between, conv_after = v.rx["money.conv_between"], v.rx["money.conv_after"]
    for a, b in zip(found, found[1:], strict=False):
        between = text[a.end:b.start]
        after = conv_after.match(text[b.end:b.end + 45]) if len(between) <= 24 and conv_between.match(between) else None
        if after is not None:
            b.conversion = True
            code = after.groupdict().get("code")
            if code:
                b.currency = "CNY" if code == "RMB" else code  # "(¥9 billion CNY)": the code says which ¥
            _currency_by_rate(v, a, b)


def _currency_by_rate(v: MoneyVocab, a: MoneyMatch, b: MoneyMatch) -> None:
    """"¥1.3 billion (US$200 million)": a symbol two currencies share takes the one whose rate fits the conversion."""
    if b.currency != "USD" or not b.amount or not v.by_rate:
        return
    ratio = float(a.amount / b.amount)
    for sym, rates in v.by_rate.items():
        if sym not in a.text or any(c.isalpha() for c in a.text.split(sym)[0][-2:]):
            continue  # not the bare symbol ("JP¥", "CN¥" name their currency)
        for cur, (lo, hi) in rates.items():
            if lo <= ratio <= hi:
                a.currency = cur
                return


def parse_money(text: str, lang: str = "en") -> MoneyMatch | None:
    """The first amount in ``text``, or None.

    >>> m = parse_money("~$3.3B"); (str(m.amount), m.approximate)
    ('3300000000', True)
    """
    found = find_money(text, lang)
    return found[0] if found else None
