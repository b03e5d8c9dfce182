"""Company, product and market figures → :class:`~newsextract.records.Figure` records.

Per sentence that holds a metric word (``patterns/<lang>/figures.yml``):
1. the values: amounts from the one money grammar (``normalize/money.py``, via the entities' facts) that are not a
   deal's own amounts (the deals' evidence, payment cues), per-share values, prices, guidance, thresholds or the
   prior-period base of a change; percentages for market shares;
2. each value takes the metric word it is tied to: the nearest one before it in the sentence with no other value
   between, else one right after it ("$893 million in combined sales");
3. the period right after the value ("… in 2024"), else the nearest in the sentence, else the period the article
   last named; the change in % between the metric and the value or right after it ("rose 6% to", "(-42%)",
   "同比增长10.2%"; "分别为 a%、b%" in order);
4. the subject: a product phrasing ("sales of Zelvora", "Norvexa had sales"), a market phrasing ("the global
   asthma market", "Korea's out-licensing deals"), else the company nearest before the metric, else the article's
   own company.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from ..facts import Fact
from ..finders.reports import ReportVocab, norm_period, sentences_with
from ..records import Deal, Evidence, Figure, Money, Party, Quantity

__all__ = ["assemble_figures", "main_company"]

#: a cue that names one payment of one deal ("an upfront payment of", "a down payment"), never an industry total
_ONE_PAYMENT = re.compile(r"(?i)\b(?:an?|its|their|the\s+deal(?:'s|’s)?)\s+(?:\w+\s+){0,2}?(?:payment|fee|deal|"
                          r"transaction|partnership|agreement)\b(?!s)")
#: amounts below this are garbled or truncated ("remains at $4.") -- no company or market figure is that small
_MIN_AMOUNT = Decimal(1000)
#: run-rate and cumulative figures ("annual revenue of", "每年", "累计", "to date") have no period but their own
_NO_PERIOD = re.compile(r"(?i)\b(?:annual|annually|a\s+year|per\s+year|each\s+year|yearly|to\s+date|so\s+far|"
                        r"since\s+(?:its|their)\s+(?:founding|inception|launch)|cumulative(?:ly)?|in\s+total\s+since)\b|"
                        r"每年|年均|累计|累計|截至目前|迄今|至今")
#: payment kinds that make an amount a deal term (see patterns/*/payments.yml)
_DEAL_KINDS = {"upfront", "near_term", "milestone", "milestone_part", "total", "equity", "combined_total",
               "combined_upfront", "per_share", "royalty_money"}
#: payment cues that say "in total" of anything: they make no amount a deal term by themselves
_GENERIC_TOTAL = re.compile(r"(?i)total(?:l?ing|l?ed)|worth|valued at|value of|in total|in aggregate|a total of|"
                            r"for a total|合计|合計|累计|累計")
_EXPLICIT_SHARE = re.compile(r"(?i)market\s+share|市[场場](?:份[额額]|占有率|佔有率)")
#: a number followed by a word: where a count may be
_DIGIT_UNIT = re.compile(r"\d\s*[^\W\d]")
_VALUE_BETWEEN = re.compile(r"[$€£¥]\s?\d|\d\s*(?:billion|million|亿|億|万|萬)")
#: Chinese product candidates that are a time, a total or a description, not a product
_ZH_NOT_PRODUCT = re.compile(r"[\d年月季度首期内內合计計总總占佔约約为為的]|上市|[产產]品$|[药藥]品$|公司|集[团團]|截至|目前|"
                             r"至今|部分|其中")
_FIRST_PERSON = re.compile(r"\b(?:[Oo]ur|[Ww]e)\b|我们的?|我們的?|本公司")
_AFTER_CUE = re.compile(r"\s+(?:of|from)\s+(?:its\s+|the\s+)?")
_RESPECTIVELY = re.compile(r"respectively|分别|分別")
#: a period that is the comparison base ("compared to the second quarter of 2020"), not the figure's own
_BASE = re.compile(r"(?:compar\w*\s+(?:to|with)|versus|vs\.?|against|a\s+year\s+earlier|较|較|对比|對比|相比)\s*(?:the\s+)?"
                   r"(?:same\s+period\s+(?:of|in)\s+)?(?:[^\s]+\s+){0,3}?$")
_YEAR = re.compile(r"(?<![\d.,$])(?:19|20)\d\d(?!\d|[.,]\d)")


def main_company(facts: list[Fact], vocab: ReportVocab | None = None, twice: bool = False) -> Fact | None:
    """The article's own company: the first company named at least twice, else (unless ``twice``) the first one
    named."""
    bad = vocab.not_companies if vocab is not None else None
    orgs = [f for f in facts if f.label == "org" and not (bad is not None and bad.search(f.text))]
    if not orgs:
        return None
    counts: dict[str, int] = {}
    for f in orgs:
        k = getattr(f.value, "key", f.text)
        counts[k] = counts.get(k, 0) + 1
    for f in orgs:
        if counts[getattr(f.value, "key", f.text)] >= 2:
            return f
    return None if twice else orgs[0]


def _overlaps(f: Any, spans: list[tuple[int, int]]) -> bool:
    return any(a < f.end and f.start < b for a, b in spans)


def _deal_spans(deals: list[Deal] | None) -> list[tuple[int, int]]:
    money_fields = {"upfront", "near_term", "milestones", "total_value", "equity"}
    return [(e.start, e.end) for d in deals or [] for e in d.evidence if e.field in money_fields]


_CHAIN = re.compile(r"[\s,]*(?:of\s+(?:the\s+)?(?:global\s+|total\s+|all\s+)?[a-z-]+(?:\s+[a-z-]+)?\s+)?"
                    r"(?:(?:in|for|during)\s+[^,;$€£¥]{1,30}?\s*)?(?:,?\s*(?:to|and|or|up\s+from|down\s+from|"
                    r"from|vs\.?|versus|compared\s+with)\s(?:(?:only|just|nearly|about|around|roughly|some|over)\s)?|"
                    r",\s|增(?:长|長)?至|提升至|[增降]至|至|、|和|及)", re.I)


def _chain_head(text: str, v: Any, values: list[Any], cues: list[Fact] | None = None) -> Any:
    """The first value of a list or trajectory ("from 25.7 billion yuan in 2015 to 71.6 billion yuan in 2024",
    "32%, up from 21% in 2024, and only 5%"): later values share its cue."""
    prev = [o for o in values if o.end <= v.start]
    head = v
    while prev:
        p = prev.pop()
        if p.end > head.start or not _CHAIN.match(text, p.end, head.start) or \
                head.start - p.end > (70 if p.label == "percent" else 45):
            break
        if cues and any(p.end <= c.start and c.end <= head.start for c in cues):
            break  # "from earning 3.7 billion yuan to projecting a loss of 1.1 billion": each has its own cue
        head = p
    return head


def _tie(text: str, v: Any, cues: list[Fact], values: list[Any], lang: str,
         amounts: list[Any] | None = None, blockers: list[Fact] | None = None) -> Fact | None:
    """The cue a value belongs to: the nearest one before it with no other value between, else one right after it.

    Cues are metric words and the words of amounts that are no figure (deal payments, market capitalisation …):
    whichever a value is tied to decides what it is.
    """
    best = None
    v = _chain_head(text, v, values, cues)
    for m in cues:
        if m.label != "metric" and any(o.start != v.start and 0 <= m.start - o.end <= 3 for o in amounts or values):
            continue  # "$20 million commercial milestone payment": that cue belongs to the amount before it
        if m.end <= v.start and v.start - m.end <= 90 and not re.search(r"[;；。]", text[m.end:v.start]) and \
                not any(m.end <= o.start and o.end <= v.start for o in values if o is not v):
            if best is None or m.end > best.end:
                best = m
    if best is not None:
        return best
    for m in sorted(cues, key=lambda c: c.start):
        if m.start >= v.end and m.start - v.end <= 30 and not any(v.end <= o.start < m.start for o in values) \
                and not any(v.end <= x.start < m.start for x in blockers or []):
            gap = text[v.end:m.start]
            if lang == "zh" or re.fullmatch(r"[\s(),.%\w$€£¥-]{0,30}", gap):
                return m
    return None


def assemble_figures(text: str, lang: str, vocab: ReportVocab, sentences: list[tuple[int, int]],
                     facts: list[Fact], deals: list[Deal] | None = None, raw_text: str | None = None,
                     published: Any = None) -> list[Figure]:
    """Every company, product and market figure the article reports, in order of appearance. ``text`` may have
    line breaks as spaces; ``raw_text`` (same offsets) keeps the lines results tables need."""
    raw = raw_text if raw_text is not None and len(raw_text) == len(text) else text
    low = text.lower()
    hits = sentences_with(vocab.figure_trigger, text, sentences, low)
    low = low if len(low) == len(text) else None  # type: ignore[assignment]
    if not hits:
        return _table_figures(raw, lang, vocab, facts, None, _deal_spans(deals))
    deal_spans = _deal_spans(deals)
    pay_cues = [f for f in facts if f.label == "pay" and f.kind in _DEAL_KINDS and not _GENERIC_TOTAL.fullmatch(f.text)]
    from .approvals import _orgs_by_sentence, _top_company

    # the article's own company: named in the most sentences, else the first one named twice
    own = _top_company(_orgs_by_sentence(vocab, facts, sentences), min_count=2)
    if own is None:  # (a weaker guess: "the company" then means the one named last before)
        first = main_company(facts, vocab, twice=True)
        own = None if first is None else Fact(first.start, first.end, first.label, first.kind, first.value,
                                              first.rule, first.text, {**first.extra, "weak": True})
    if own is None and vocab.own_ticker is not None:  # "SINO BIOPHARM(01177)": a name glued to its stock code
        m = vocab.own_ticker.search(text)
        if m:
            own = Fact(m.start("s"), m.end("s"), "org", "ticker", None, "figure.own_ticker", m.group("s").strip())
    filer = _filer(text, vocab)
    if filer is not None:
        own = filer
    years = [(m.start(), int(m.group(0))) for m in _YEAR.finditer(text)]
    out: list[Figure] = []
    period_ctx: str | None = None
    ctx_at = -_FRESH - 1  # where the sentence that set ``period_ctx`` ends
    ctx_from_figs = False  # whether figures have stated a period yet
    money_at = [f.start for f in facts if f.label == "money"]
    pub_year = getattr(published, "year", None)
    hit_set = set(hits)
    # sentences that only name a year still set the period later sentences take ("2025 marked a record year …")
    year_sents = {i for i, (a, b) in enumerate(sentences) if any(a <= p < b for p, _ in years)}
    for si in sorted(hit_set | year_sents):
        a, b = sentences[si]
        if si not in hit_set:
            # (once figures have a period, a sentence without figures changes it only by a reporting period:
            # "源于2023年底…的合作" dates an event)
            new_ctx = _last_period(vocab.periods_in(text, a, b, None, low=low), reporting=ctx_from_figs)
            if new_ctx:
                period_ctx, ctx_at = new_ctx, b
            continue
        has_year = any(a <= p < b for p, _ in years)
        # a period without a year ("the second quarter", 上半年) is one of the year the article is talking about:
        # that of the period in force, else the last year named before this sentence, else the publication year
        year = _year_of(period_ctx) or next((y for p, y in reversed(years) if p < a), None) or pub_year or \
            (years[0][1] if years else None)  # (a release that dates itself only at its end)
        metrics = vocab.metrics_in(text, a, b, low)
        has_value = any(a <= p < b for p in money_at) or "%" in text[a:b]
        if not (metrics and has_value):  # nothing to read here but the period the next sentences may take
            if has_year:
                periods = vocab.periods_in(text, a, b, year, low=low)
                if _DIGIT_UNIT.search(text, a, b):
                    out.extend(f for f, _ in _counts(text, vocab, a, b, periods, period_ctx, [], facts))
                new_ctx = _last_period(periods, reporting=ctx_from_figs)
                if new_ctx:
                    period_ctx, ctx_at = new_ctx, b
            continue
        periods = [p for p in vocab.periods_in(text, a, b, year, low=low)
                   if not _BASE.search(text, max(a, p.start - 40), p.start)]
        _anchor_years(text, periods, year, pub_year, _year_of(period_ctx))
        for p in periods:
            if p.kind == "rel":
                p.value = norm_period("rel", p.extra.get("groups", {}), pub_year)
        blocks = vocab.not_figures_in(text, a, b, low)
        changes = vocab.changes_in(text, a, b, low)
        block_spans = [(x.start, x.end) for x in blocks if not x.extra.get("when") or changes]
        # a not-figure cue ("market capitalization of", "expectations of", "EPS … to") takes the amounts it reaches
        block_spans += [(x.end, _clause_end(text, x.end, min(b, x.end + int(x.extra["attach"]))))
                        for x in blocks if x.extra.get("attach")]
        aggregate = any(f.label == "aggregate" and a <= f.start < b for f in facts) or \
            any(m.kind == "deal_value" for m in metrics)
        sent_pay = [p for p in pay_cues if a <= p.start < b]
        # industry statistics: "首付款约20亿美元,总金额达300亿美元" are deal values, not terms -- unless the sentence
        # states a deal's own terms (the deal took an amount of it) or names one payment ("an upfront payment of")
        if aggregate and not any(a <= s0 < b for s0, _ in deal_spans):
            metrics = sorted(metrics + [Fact(p.start, p.end, "metric", "deal_value", None, p.rule, p.text,
                                             {"scope": "market"}) for p in sent_pay
                                        if p.kind in ("total", "upfront") and not _overlaps(p, [(m.start, m.end) for m in metrics])
                                        and not _ONE_PAYMENT.search(text, max(a, p.start - 12), p.end)],
                             key=lambda m: m.start)
            sent_pay = []
        money = [f for f in facts if f.label == "money" and a <= f.start and f.end <= b and f.kind != "conversion"
                 and getattr(f.value, "amount", _MIN_AMOUNT) >= _MIN_AMOUNT
                 and not _overlaps(f, block_spans) and not _overlaps(f, deal_spans)
                 and not (vocab.not_after is not None and vocab.not_after.match(text, f.end, b))
                 and not any(abs(p.start - f.end) <= 3 or abs(f.start - p.end) <= 3 for p in sent_pay)]
        change_spans = [(c.start, c.end) for c in changes]
        money_spans = [(f.start, f.end) for f in facts if f.label == "money" and a <= f.start and f.end <= b]
        pcts = [p for p in vocab.percents_in(text, a, b)
                if not _overlaps(p, change_spans) and not _overlaps(p, money_spans)
                and not _overlaps(p, block_spans)]
        values: list[Any] = sorted(money + pcts, key=lambda f: f.start)
        all_amounts = [f for f in facts if f.label == "money" and a <= f.start and f.end <= b]
        used_changes: set[int] = set()
        sent_figs: list[tuple[Figure, Any]] = []
        stops = [x for x in blocks if x.extra.get("attach")] + sent_pay
        for v in values:
            share = v.label == "percent"
            cue = _tie(text, v, [m for m in metrics if (m.kind == "market_share") == share] + stops,
                       [o for o in values if (o.label == "percent") == share], lang, all_amounts,
                       blocks)  # ("860 million yuan in its IPO and booked a net loss": the IPO's)
            if cue is None or cue.label != "metric":
                continue
            if cue.kind == "inherit":  # "… doubled to $36.9 billion, half of the global total of $67.5 billion"
                prev = [f for f, _ in sent_figs if f.metric != "count"]
                if not prev:
                    continue
                cue = Fact(cue.start, cue.end, "metric", prev[-1].metric, None, cue.rule, cue.text,
                           {"scope": prev[-1].kind if prev[-1].kind == "market" else "company"})
            if share and not _EXPLICIT_SHARE.search(cue.text) and not (
                    vocab.share_context is not None and vocab.share_context.match(text, v.end, b)):
                continue  # a percentage of revenue or of a split is no market share
            fig = _figure(text, lang, vocab, v, cue, a, b, facts, own, periods, period_ctx, year, changes,
                          used_changes, a - ctx_at <= _FRESH,
                          [o for o in values if o is not v] + [m for m in metrics if m is not cue])
            if fig is not None:
                sent_figs.append((fig, v))
        _distribute(text, a, b, changes, used_changes, sent_figs)
        _distribute_periods(text, a, b, periods, sent_figs, vocab, year)
        _distribute_subjects(text, a, b, lang, sent_figs)
        _parallel_periods(sent_figs)
        sent_figs.extend(_counts(text, vocab, a, b, periods, period_ctx, sent_figs, facts))
        out.extend(f for f, _ in sent_figs)
        # the period later sentences take: the one this sentence's figures were read for, else the last it names
        stated = {p.start for p in periods if p.extra.get("explicit_year") and p.kind != "range"}
        used = [f.period for f, _ in sent_figs if f.period and f.metric != "count"
                and any(e.field == "period" and e.start in stated for e in f.evidence)]
        # (a sentence whose figures took the period in force keeps it: "… 且超过其在2023年全年的亏损额" sets none)
        new_ctx = used[-1] if used else (None if any(f.metric != "count" for f, _ in sent_figs)
                                         else _last_period(periods, anchored=period_ctx is None))
        if new_ctx:
            period_ctx, ctx_at = new_ctx, b
        ctx_from_figs = ctx_from_figs or any(f.period for f, _ in sent_figs if f.metric != "count")
    # a table's rows are read by the table reader (its columns say their periods): a "sentence" that is a row of
    # numbers under a units header gives no figure of its own
    out = [f for f in out if not _on_table_row(raw, f)]
    out.extend(_table_figures(raw, lang, vocab, facts, own, deal_spans))
    if vocab.filer_page is not None and vocab.filer_page.search(text):
        # a filing's data page is the filer's ("we"): its company figures are the filer's, when the page is headed
        # by the filer's name, and no one's otherwise (the companies it names are counterparties)
        out = [f for f in out if f.kind != "company" or (filer is not None and f.subject_name == filer.text)]
    return _dedupe(out)


_TOTAL_ROW = re.compile(r"(?i)\s*(?:total|合计|合計|总|總)")
#: a row that names its product after a dash ("Product revenue, net - Renvexa", "产品收入—宁沃索")
_ROW_PRODUCT = re.compile(r"(?:\s[-–—]\s*|[—–])(?P<s>[A-Z][\w-]{2,30}|[\u4e00-\u9fff]{2,10})\s*$")
_DIVISION = re.compile(r"(?:[A-Z][\w&-]*\s+){1,3}(?:Division|Segment)\b|[\u4e00-\u9fff]{2,8}(?:事业部|事業部|分部)")
_CURRENCY_HINT = (("CHF", re.compile(r"CHF|Swiss")), ("EUR", re.compile(r"€|EUR")), ("JPY", re.compile(r"¥|JPY|yen")),
                  ("CNY", re.compile(r"RMB|CNY|人民[币幣]")), ("HKD", re.compile(r"HK\$|HKD|港元")),
                  ("USD", re.compile(r"\$|USD|US dollars")))


def _table_figures(text: str, lang: str, vocab: ReportVocab, facts: list[Fact], own: Fact | None,
                   deal_spans: list[tuple[int, int]]) -> list[Figure]:
    """Rows of results tables under a units header ("单位:人民币千元", "(in millions …)", "(€ million)"): the
    current column of each period the heading names ("Three Months Ended … Nine Months Ended"), else the first."""
    from ..finders.reports import column_table_rows, flat_table_rows, table_columns, table_rows
    from ..normalize.money import scale_headers

    headers = list(scale_headers(text, lang))
    for rx, scale, rid in vocab.table_headers:
        headers += [(h.start(), h.end(), scale, rid) for h in rx.finditer(text)
                    if not any(a < h.end() and h.start() < b for a, b, _, _ in headers)]
    if not headers:
        return []
    company = own or main_company(facts)
    if company is None:
        return []
    out = []
    for hs, he, scale, rid in sorted(headers):
        around = text[max(0, hs - 40):he + 80]
        currency = next((c for c, rx in _CURRENCY_HINT if rx.search(around)), "CNY" if lang == "zh" else "USD")
        line_end = text.find("\n", he)
        line_end = len(text) if line_end < 0 else line_end
        heads = [p for p in vocab.periods_in(text, he, line_end) if p.value]
        before = [p for p in vocab.periods_in(text, max(0, hs - 600), hs) if p.value and p.extra.get("explicit_year")]
        period = heads[0] if heads else (before[-1] if before else None)
        flat = flat_table_rows(vocab, text, he)  # a table flattened onto the header's own line
        found = table_columns(vocab, text, hs, he) if len(flat) < 2 else None
        if found is not None:
            cols, rows_at = found
            rows = column_table_rows(vocab, text, cols, rows_at)
        else:
            rows = [(r, period.value if period is not None else None)
                    for r in (flat if len(flat) >= 2 else table_rows(vocab, text, he) or flat)]
        # a table of revenue lines (licence, milestone, royalty revenue …) reports their total as the revenue
        totals = [r for r, _ in rows if r.metric.kind == "revenue" and _TOTAL_ROW.match(r.label.text)]
        for row, col_period in rows:
            if _overlaps(row, deal_spans):
                continue
            product = _ROW_PRODUCT.search(row.label.text)
            if totals and row.metric.kind == "revenue" and row not in totals and not product:
                continue
            metric = str(row.metric.extra.get("company_metric") or row.metric.kind)
            amount = row.amount * scale
            if abs(amount) < _MIN_AMOUNT:
                continue
            if metric == "net_profit" and amount < 0:
                metric = "net_loss"
            if metric == "net_loss":
                amount = abs(amount)
            value = Money(amount=abs(amount), currency=currency, text=text[row.start:row.end])
            ev = [Evidence(field="value", start=row.start, end=row.end, text=text[row.start:row.end], rule=rid),
                  Evidence(field="metric", start=row.metric.start, end=row.metric.end, text=row.metric.text,
                           rule=row.metric.rule)]
            if found is None and period is not None:
                ev.append(Evidence(field="period", start=period.start, end=period.end, text=period.text,
                                   rule=period.rule))
            if row.change_span is not None and row.change is not None:
                ev.append(Evidence(field="change_pct", start=row.change_span[0], end=row.change_span[1],
                                   text=text[row.change_span[0]:row.change_span[1]], rule="table.change"))
            if product:  # "Product revenue, net - Renvexa": the product's sales
                out.append(Figure(subject=product.group("s"), kind="product", metric="product_sales", value=value,
                                  period=col_period, change_pct=row.change, evidence=ev))
                continue
            # a division's row is the division's ("Pharmaceuticals Division 9,800 …" → "Roche Pharmaceuticals Division")
            unit = _DIVISION.search(row.label.text)
            name = f"{company.text} {unit.group(0)}" if unit else company.text
            out.append(Figure(subject=Party(name=name, canonical=None if unit else getattr(company.value, "canonical", None)),
                              kind="company", metric=metric, value=value,  # type: ignore[arg-type]
                              period=col_period, change_pct=row.change, evidence=ev))
    return out


#: a period stated at most this many characters before is the one "last year" / 今年 means when the article has no date
_FRESH = 300
_CLAUSE_END = re.compile(r"\n|[;；。]|\.(?:\s|$)")
_YEAR_IN = re.compile(r"(?:19|20)\d\d")


def _clause_end(text: str, start: int, end: int) -> int:
    """Where the clause that starts at ``start`` ends, at most ``end``: a not-figure cue reaches no further than
    its own line or sentence ("… core EPS grew 12%\n- Free cash flow of USD 0.9 billion" is a new item)."""
    m = _CLAUSE_END.search(text, start, end)
    return m.start() if m else end


def _year_of(period: str | None) -> int | None:
    m = _YEAR_IN.search(period or "")
    return int(m.group(0)) if m else None


_OF_REL_YEAR = re.compile(r"\s+of\s+(?:this|last|the\s+(?:current|previous|prior|past))\s+(?:fiscal\s+)?year\b", re.I)


def _anchor_years(text: str, periods: list[Fact], year: int | None, pub_year: int | None = None,
                  ctx_year: int | None = None) -> None:
    """A period without a year takes that of a period stated before it in the same sentence ("in the first half
    of 2025 … in the second quarter"), else the article's (``year``); "the first half of this year" (今年前三季度)
    takes the publication year, else the year in force (``ctx_year``), and "last year's" the one before the
    publication year, or none."""
    last: int | None = None
    if pub_year is None and any(p.kind == "rel" or _OF_REL_YEAR.match(text, p.end) for p in periods):
        year = None  # "this year" with no date: the sentence's periods have no year we know
    for p in periods:
        rel_word = (p.extra.get("groups") or {}).get("rel") if p.kind != "rel" else None
        rel = _OF_REL_YEAR.match(text, p.end) if p.kind != "rel" and not rel_word else None
        if p.extra.get("explicit_year"):
            last = _year_of(p.value) if p.kind != "range" else None
            p.extra["year"] = last
        elif p.kind != "rel":
            if rel or rel_word:
                past = bool(re.search(r"(?i)last|previous|prior|past|去年|上年", rel.group(0) if rel else rel_word))
                yr = (pub_year - 1 if past else pub_year) if pub_year else (None if past else ctx_year)
                p.extra["year"] = yr
                p.value = norm_period(p.kind, p.extra.get("groups", {}), yr) if yr else None
                continue
            yr = last or year
            p.extra["year"] = yr
            p.value = norm_period(p.kind, p.extra.get("groups", {}), yr)


_NUM_CELL = re.compile(r"(?<![\w.,])\(?-?\$?\s?\d[\d,]*(?:\.\d+)?\)?(?![\w.,]?\d)")


def _on_table_row(text: str, f: Figure) -> bool:
    """Whether a figure's value was read off a table row (a units header scaled it, and its line holds two or
    more numbers and no prose)."""
    ev = next((e for e in f.evidence if e.field == "value"), None)
    if ev is None or not (ev.rule or "").startswith("header."):
        return False
    a = text.rfind("\n", 0, ev.start) + 1
    b = text.find("\n", ev.end)
    b = len(text) if b < 0 else b
    line = text[a:b]
    return len(_NUM_CELL.findall(line)) >= 2 and not re.search(r"[.;。；]\s+\S|\b(?:was|were|is|are)\b", line)


def _filer(text: str, vocab: ReportVocab) -> Fact | None:
    """The issuer that heads a filing ("ARVINAS, INC." alone on the first line, 证券简称：楚天药业)."""
    if vocab.filer_name is None:
        return None
    m = vocab.filer_name.search(text, 0, 400)
    if not m:
        return None
    return Fact(m.start("s"), m.end("s"), "org", "filer", None, "figure.filer", m.group("s").strip())


def _last_period(periods: list[Fact], anchored: bool = False, reporting: bool = False) -> str | None:
    """The last period a sentence states with its year (``anchored``: or with the year the article gives it, for
    the first period of an article: "Q1 sales grew 5%" in a release dated at its end; ``reporting``: only a
    reporting period, not a bare year)."""
    good = [p for p in periods if p.value and p.kind not in ("range", "ym") and p.extra.get("explicit_year")
            and not (reporting and p.kind == "year")]
    if not good and anchored:
        good = [p for p in periods if p.value and p.kind in ("q", "h1", "h2", "9m", "fy") and p.extra.get("year")]
    return good[-1].value if good else None


def _figure(text: str, lang: str, vocab: ReportVocab, v: Any, cue: Fact, a: int, b: int, facts: list[Fact],
            own: Fact | None, periods: list[Fact], period_ctx: str | None, year: int | None,
            changes: list[Fact], used: set[int], ctx_fresh: bool = False,
            others: list[Any] | None = None) -> Figure | None:
    metric = cue.kind
    scope = cue.extra.get("scope", "company")
    evidence = [Evidence(field="value", start=v.start, end=v.end, text=v.text, rule=v.rule),
                Evidence(field="metric", start=cue.start, end=cue.end, text=cue.text, rule=cue.rule)]
    subject, kind, subj_fact = _subject(text, lang, vocab, v, cue, scope, a, b, facts, own)
    if subject is None:
        return None
    if kind == "product" and metric == "revenue":
        metric = "product_sales"
    if kind == "company" and metric == "product_sales" and cue.extra.get("company_metric"):
        metric = str(cue.extra["company_metric"])
    if subj_fact is not None:
        evidence.append(Evidence(field="subject", start=subj_fact.start, end=subj_fact.end, text=subj_fact.text,
                                 rule=subj_fact.rule))
    period_f = _period(text, v, cue, periods, lang, period_ctx is not None)
    period = None
    lo, hi = min(cue.start, v.start), max(cue.end, v.end)
    if period_f is not None:
        period = vocab_period(vocab, period_f, year, kind)
        evidence.append(Evidence(field="period", start=period_f.start, end=period_f.end, text=period_f.text,
                                 rule=period_f.rule))
    elif period_ctx and not _NO_PERIOD.search(text, max(a, lo - 40), min(b, hi + 25)) and (ctx_fresh or not any(
            p.kind == "rel" and p.value is None and lo - 60 <= p.start <= hi + 30 for p in periods)):
        # the period in force, unless the figure is a run-rate or a running total ("annual revenue of", 累计), or
        # says its own period in words the article gives no year for ("last year" without a date) and the period
        # in force was not stated right before ("… in 2025. Last year, 157 deals worth …")
        if kind == "market":
            period = period_ctx.replace("FY", "")
        else:
            period = f"FY{period_ctx}" if re.fullmatch(r"(?:19|20)\d\d", period_ctx) else period_ctx
    ch = _change(text, v, cue, changes, used, others)
    change = None
    if ch is not None:
        change = float(ch.value)
        evidence.append(Evidence(field="change_pct", start=ch.start, end=ch.end, text=ch.text, rule=ch.rule))
    if v.label == "percent":
        value: Money | Quantity = Quantity(amount=Decimal(v.value), unit="%", text=v.text)
    else:
        mm = v.value
        value = Money(amount=mm.amount, currency=mm.currency, text=mm.text, upper_bound=mm.upper_bound,
                      approximate=mm.approximate, lower_bound=mm.lower_bound)
    subj: Party | str = subject
    if kind == "company" and subj_fact is not None and subj_fact.label == "org":
        subj = Party(name=subject, canonical=getattr(subj_fact.value, "canonical", None))
    return Figure(subject=subj, kind=kind, metric=metric, value=value, period=period, change_pct=change,  # type: ignore[arg-type]
                  evidence=evidence)


def vocab_period(vocab: ReportVocab, p: Fact, year: int | None, kind: str) -> str | None:
    if p.kind == "rel":  # already resolved against the publication year; only the scope changes
        v = p.value
        return None if v is None else (v.replace("FY", "") if kind == "market" else v)
    yr = p.extra.get("year", year)
    return norm_period(p.kind, p.extra.get("groups", {}), yr, "market" if kind == "market" else "company")


def _subject(text: str, lang: str, vocab: ReportVocab, v: Any, cue: Fact, scope: str, a: int, b: int,
             facts: list[Fact], own: Fact | None) -> tuple[str | None, str, Any]:
    anchor = min(cue.start, v.start)
    # subjects sit near their metric: search a window around it, not the whole sentence
    wa, wb = max(a, anchor - 140), min(b, max(cue.end, v.end) + 60)
    if scope in ("product", "company") or cue.kind in ("revenue", "r_and_d_expense"):
        prods = [p for p in vocab.named_in(vocab.products, text, wa, wb, "product")
                 if p.text not in vocab.not_drugs and not _is_company(p, facts)
                 and not (vocab.not_products is not None and vocab.not_products.fullmatch(p.text))
                 and not (lang == "zh" and _ZH_NOT_PRODUCT.search(p.text))]
        # before the value, or named right after the metric word ("$208 million in net sales of Iqirvo")
        near = [p for p in prods if (p.start <= max(cue.end, v.start) or _AFTER_CUE.fullmatch(text, cue.end, p.start))
                and abs(p.start - anchor) <= 120]
        if near:
            p = min(near, key=lambda x: abs(x.start - cue.start))
            return p.text, "product", p
        if vocab.product_anaphor is not None and vocab.product_anaphor.search(text, a, anchor):
            drugs = [f for f in facts if f.label == "asset" and f.kind in ("inn", "inn_zh", "code") and f.end <= a
                     and a - f.end <= 800]
            if drugs:  # "the drug generated sales of …": the drug named last before
                return drugs[-1].text, "product", drugs[-1]
    if scope == "market":
        mk = vocab.named_in(vocab.markets, text, wa, wb, "market") or \
            vocab.named_in(vocab.markets, text, a, b, "market")
        if mk:
            order = {r.id: i for i, r in enumerate(vocab.markets)}
            p = min(mk, key=lambda x: (order.get(x.rule, 99), abs(x.start - cue.start)))
            return _tidy_market(p.text), "market", p
        if cue.kind == "market_share" or cue.rule.startswith("pay."):
            return None, "market", None  # "accounting for 13%", "占30%", "the upfront payment": no market is named
        return _tidy_market(cue.text), "market", cue
    if _FIRST_PERSON.search(text, max(a, anchor - 60), anchor) and (own is None or own.rule != "figure.filer"):
        return None, "company", None  # "our R&D expenses were …" of a filer never named: "we" has no figures
    bad = vocab.not_companies
    orgs = [f for f in facts if f.label == "org" and a <= f.start and f.end <= anchor
            and not (bad is not None and bad.search(f.text))]
    if orgs:
        o = orgs[-1]
        return o.text, "company", o
    if vocab.company_anaphor is not None and vocab.company_anaphor.search(text, a, anchor):
        if own is not None and not own.extra.get("weak"):
            return own.text, "company", own  # "The company reported revenue of …", "公司2024年实现营业收入…"
        prior = [f for f in facts if f.label == "org" and f.end <= a and not (bad is not None and bad.search(f.text))]
        if prior:  # else the company named last before
            return prior[-1].text, "company", prior[-1]
    orgs_after = [f for f in facts if f.label == "org" and anchor <= f.start and f.end <= b]
    if orgs_after and lang == "en" and re.search(r"\b(?:for|of|by)\s*$", text[max(a, orgs_after[0].start - 6):orgs_after[0].start]):
        return orgs_after[0].text, "company", orgs_after[0]
    if own is not None:
        return own.text, "company", own
    return None, "company", None


def _is_company(p: Fact, facts: list[Fact]) -> bool:
    return any(f.label == "org" and f.start <= p.start and p.end <= f.end and getattr(f.value, "canonical", None)
               for f in facts)


_MARKET_LEAD = re.compile(r"^(?:(?:the|The|these|those|such|more|More|than|over|about|around|at|least|some|of|in|and|"
                          r"value|Value|amount|total|Total|sum|"
                          r"a|an|its|their|year|full|\d[\d,.]*|[a-z]+(?:ed|ing))\s+)+")


def _tidy_market(s: str) -> str:
    """A market as written, without the numbers and words that only lead into it ("More than 13 such NewCo deals"
    → "NewCo deals"); domain words ("out-licensing", "licensing") stay."""
    s = s.strip()
    m = _MARKET_LEAD.match(s)
    if m and m.end() < len(s):
        rest = s[m.end():]
        lead = m.group(0).split()
        keep = []
        for w in reversed(lead):  # keep the domain words right before the noun ("out-licensing deals")
            if w.endswith("licensing") or w in ("licensing",):
                keep.insert(0, w)
            else:
                break
        s = " ".join(keep + [rest])
    return s.strip(" ,.;:")


def _period(text: str, v: Any, cue: Fact, periods: list[Fact], lang: str = "en", has_ctx: bool = False) -> Fact | None:
    cands = [p for p in periods if p.value]
    if lang == "zh":  # 2025年上半年，公司营收… : the period comes first
        before = [p for p in cands if p.end <= min(cue.start, v.start)]
        if before:
            return before[-1]
        if has_ctx:  # a period after the value is another's ("…超过其在2023年全年的亏损额"), unless right after it
            cands = [p for p in cands if p.start < v.start or re.fullmatch(r"[\s(（,，]{0,3}", text[v.end:p.start])]
    after = [p for p in cands if p.start >= v.end and p.start - v.end <= 30
             and not re.search(r"[;。；]", text[v.end:p.start])]
    if after:
        return after[0]
    before = [p for p in cands if p.end <= v.start]
    if before:
        return before[-1]
    later = [p for p in cands if p.start >= v.end and not re.search(r"[;。；]", text[v.end:p.start])]
    return later[0] if later and not _VALUE_BETWEEN.search(text, v.end, later[0].start) else None


def _change(text: str, v: Any, cue: Fact, changes: list[Fact], used: set[int],
            others: list[Any] | None = None) -> Fact | None:
    """The change of a figure: between its metric and its value, else right after the value, else after it past
    amounts that are no figure (no other value or metric word between)."""
    lo = min(cue.start, v.start)
    for i, c in enumerate(changes):
        if i in used:
            continue
        # between the metric and the value, or around the metric word itself ("a 33% sales increase to $563 million")
        if (lo <= c.start or c.start < cue.start < c.end) and c.end <= v.start:
            used.add(i)
            return c
    for i, c in enumerate(changes):
        if i in used:
            continue
        if c.start >= v.end and c.start - v.end <= 45 and not re.search(r"[;。；]", text[v.end:c.start]):
            used.add(i)
            return c
    for i, c in enumerate(changes):  # further on, past a comparison base: "… compared to USD 1,000 million in the
        if i in used or c.start < v.end or c.start - v.end > 140:  # first half of 2023, an increase of USD 250
            continue                                                 # million, or 25%"
        if re.search(r"[;。；]", text[v.end:c.start]) or any(v.end <= o.start < c.start for o in others or []):
            continue
        used.add(i)
        return c
    return None


def _parallel_periods(figs: list[tuple[Figure, Any]]) -> None:
    """"grew from 25.7 billion yuan in 2015 to 71.6 billion yuan in 2024, its share from 18.7% to 27.8%": a
    second trajectory without periods takes those of the first, in order."""
    dated = [f for f, _ in figs if isinstance(f.value, Money) and any(e.field == "period" for e in f.evidence)]
    shares = [f for f, _ in figs if isinstance(f.value, Quantity)]
    if len(shares) >= 2 and len(dated) == len(shares) and len({f.period for f in dated}) == len(dated) and \
            len({f.period for f in shares}) == 1:
        for s, d in zip(shares, dated, strict=True):
            s.period = d.period


def _counts(text: str, vocab: ReportVocab, a: int, b: int, periods: list[Fact], period_ctx: str | None,
            figs: list[tuple[Figure, Any]], facts: list[Fact]) -> list[tuple[Figure, Any]]:
    """Counts ("3,258 projects in progress", "44 起对外授权交易"): metric count, subject the market or country."""
    out = []
    for c in vocab._matches(vocab.counts, text, a, b, "count"):
        g = c.value
        subject = None
        mk = vocab.named_in(vocab.markets, text, max(a, c.start - 140), min(b, c.end + 60), "market")
        if mk:
            subject = _tidy_market(min(mk, key=lambda x: abs(x.start - c.start)).text)
        elif vocab.count_subject is not None:
            m = vocab.count_subject.search(text, a, b)
            subject = m.group("s") if m else None
        if subject is None:
            continue
        ps = [p for p in periods if p.value]
        period = vocab_period(vocab, ps[-1], None, "market") if ps else period_ctx
        out.append((Figure(subject=subject, kind="market", metric="count",
                           value=Quantity(amount=Decimal((g.get("n") or g["n2"]).replace(",", "")),
                                          unit=str(g.get("unit") or g["unit2"]), text=c.text),
                           period=period, evidence=[Evidence(field="value", start=c.start, end=c.end, text=c.text,
                                                             rule=c.rule)]), c))
    return out


def _distribute(text: str, a: int, b: int, changes: list[Fact], used: set[int],
                figs: list[tuple[Figure, Any]]) -> None:
    """"…分别为 63.52%、112.16%" / "…, respectively": the remaining changes go to the figures in order."""
    if not _RESPECTIVELY.search(text, a, b):
        return
    free = [c for i, c in enumerate(changes) if i not in used]
    want = [f for f, _ in figs if f.change_pct is None]
    if free and len(free) == len(want):
        for f, c in zip(want, free, strict=True):
            f.change_pct = float(c.value)
            f.evidence.append(Evidence(field="change_pct", start=c.start, end=c.end, text=c.text, rule=c.rule))


_PERIOD_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|[、和及与與])\s*")


def _distribute_periods(text: str, a: int, b: int, periods: list[Fact], figs: list[tuple[Figure, Any]],
                        vocab: ReportVocab, year: int | None) -> None:
    """"$9,400 and $21,800 for the years ended December 31, 2024 and 2023, respectively", "the three and six
    months ended June 30, 2025, respectively": a list of periods goes to the figures in order."""
    if len(figs) < 2 or not _RESPECTIVELY.search(text, a, b):
        return
    ps = sorted((p for p in periods if p.value), key=lambda p: (p.start, bool(p.extra.get("second"))))
    run: list[Fact] = []
    for p in ps:
        if run and not (p.start == run[-1].start or _PERIOD_JOIN.fullmatch(text, run[-1].end, p.start)):
            if len(run) >= 2:
                break
            run = []
        run.append(p)
    want = [(f, v) for f, v in figs if f.metric != "count"]
    if len(run) < 2 or len(run) != len(want):
        return
    for (f, _), p in zip(sorted(want, key=lambda x: x[1].start), run, strict=True):
        f.period = vocab_period(vocab, p, year, f.kind)
        f.evidence = [e for e in f.evidence if e.field != "period"] + [
            Evidence(field="period", start=p.start, end=p.end, text=p.text, rule=p.rule)]


_CONJ = {"en": re.compile(r",\s*(?:and\s+)?|\s+and\s+"), "zh": re.compile(r"[、和与與及]")}


def _distribute_subjects(text: str, a: int, b: int, lang: str, figs: list[tuple[Figure, Any]]) -> None:
    """"immunology and metabolic disorders …, accounting for 13% and 8% of deal activity, respectively": figures
    that share a subject of several conjuncts take one conjunct each, in order."""
    if len(figs) < 2 or not _RESPECTIVELY.search(text, a, b):
        return
    groups: dict[tuple[str, str], list[Figure]] = {}
    for f, _ in figs:
        if isinstance(f.subject, str):
            groups.setdefault((f.subject, f.metric), []).append(f)
    for (subj, _), fs in groups.items():
        parts = [x.strip() for x in _CONJ[lang].split(subj) if x.strip()]
        if len(fs) >= 2 and len(parts) == len(fs):
            for f, part in zip(fs, parts, strict=True):
                f.subject = part


def _dedupe(figs: list[Figure]) -> list[Figure]:
    """One record per figure: the same metric and value said twice (a headline and its story) is one figure; the
    fuller statement (period, change) wins."""
    out: list[Figure] = []
    for f in figs:
        same = next((i for i, o in enumerate(out) if o.metric == f.metric and _same_value(o.value, f.value)
                     and (o.period == f.period or o.period is None or f.period is None)), None)
        if same is None and f.change_pct is not None and any(
                o.metric == f.metric and (o.period == f.period or f.period is None) and o.subject_name == f.subject_name
                and o.change_pct is not None and abs(o.change_pct - f.change_pct) < 0.05 for o in out):
            continue  # the same result restated (in other units, or garbled): "… up 50.1%" once is one figure
        if same is None:
            out.append(f)
            continue
        o = out[same]
        if (f.period is not None) + (f.change_pct is not None) > (o.period is not None) + (o.change_pct is not None):
            out[same] = f
    return out


def _same_value(x: Money | Quantity, y: Money | Quantity) -> bool:
    if type(x) is not type(y) or getattr(x, "currency", None) != getattr(y, "currency", None):
        return False
    big = max(abs(x.amount), abs(y.amount))
    return abs(x.amount - y.amount) <= Decimal("0.005") * big
