"""The figures of one sentence that holds a metric word: its values, each tied to its cue, read into figures; the
period the sentence leaves in force for the next ones."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from ..._spans import SpanIndex
from ...facts import Fact
from ...finders.reports import ReportVocab, norm_period
from ...records import Figure, Quantity
from .context import PeriodContext, anchor_years, last_period, year_of
from .distribute import (
    counts,
    distribute_changes,
    distribute_periods,
    distribute_subjects,
    gapped_list,
    parallel_periods,
    respective_companies,
    respective_metrics,
)
from .figure import Periods, figure
from .index import FactIndex
from .tables import on_table_row
from .ties import Ties
from .values import DIGIT_UNIT, MIN_AMOUNT, clause_end, overlaps


@dataclass
class Article:
    """What every sentence of an article reads its figures with."""

    text: str
    lang: str
    vocab: ReportVocab
    facts: list[Fact]
    index: FactIndex  # the facts by position
    low: str | None  # the lower-cased text (None when lower-casing changed its length)
    own: Fact | None  # the article's own company
    deal_spans: list[tuple[int, int]]
    deal_index: SpanIndex  # the same, for overlap queries
    pay_index: FactIndex  # payment cues of deal terms
    years: list[tuple[int, int]]  # (position, year) of every year written, in order
    year_at: list[int]  # their positions
    money_at: list[int]  # where the amounts start, in order
    pub_year: int | None
    pub_month: int | None = None
    raw: str | None = None  # the text with its line breaks (results tables), same offsets


def year_sentence(art: Article, ctx: PeriodContext, a: int, b: int) -> None:
    """A sentence without figures that names a year still sets the period later sentences take ("2025 marked a
    record year …"); once figures have a period, only a reporting period changes it ("源于2023年底…的合作" dates
    an event)."""
    _set_from(art, ctx, art.vocab.periods_in(art.text, a, b, None, low=art.low), a, b)


def _set_from(art: Article, ctx: PeriodContext, periods: list[Fact], a: int, b: int) -> None:
    """The period in force after a sentence without figures: the last it names -- but in a sentence about a plan
    (fig.plan_words) a period not ended at publication is the plan's date ("expected approval in the second half of
    2025" in July 2025, "likely not before 2027"), no reporting period: it sets none."""
    # a results table's column heads ("Fiscal Year Ended June 30, 2025 2024 Change", "2025 2024"): the first column is
    # the period reported, the later ones its comparison (the prose under the table reports the first)
    periods = _first_columns(art.text, periods)
    plan = art.vocab.fig_rx.rules.get("fig.plan_words")
    if art.pub_year is not None and periods and plan is not None and plan.regex.search(art.text, a, b):
        kept = [p for p in periods if not _to_come(p, art.pub_year, art.pub_month or 12)]
        if not kept:
            return
        periods = kept
    ctx.set(last_period(periods, reporting=ctx.from_figures), b)


def _first_columns(text: str, periods: list[Fact]) -> list[Fact]:
    """A results table's column heads ("Fiscal Year Ended June 30, 2025 2024 Change", "2025 2024"): the first column
    is the period reported, a bare year after it past spaces only is its comparison column, no period in force."""
    return [p for i, p in enumerate(periods) if not (
        i and p.kind == "year" and periods[i - 1].end <= p.start and
        _COLUMN_GAP.fullmatch(text, periods[i - 1].end, p.start) is not None and
        _YEAR_END.search(text, periods[i - 1].start, periods[i - 1].end) is not None)]


def _to_come(p: Fact, pub_year: int, pub_month: int) -> bool:
    """Whether a period is a quarter, a half or nine months that ends after the publication's month."""
    m = _REPORTED.fullmatch(str(p.value or ""))
    if m is None:
        y = re.fullmatch(r"(?:FY)?((?:19|20)\d\d)", str(p.value or ""))
        return y is not None and int(y.group(1)) > pub_year  # (a year to come: "not before 2027")
    end = 3 * int(m.group(2)) if m.group(2) else _ENDS[m.group(1)]
    return (int(m.group(3)), end) > (pub_year, pub_month)


def quarter_sentence(art: Article, ctx: PeriodContext, a: int, b: int) -> None:
    """A sentence before any figure that names a quarter or a half without its year ("said on its third-quarter
    call", "in the third quarter, big pharma kept …") sets that period, the latest such one ended by the publication
    date, where no period is in force but the publication year (a dateline's): the figures after it
    report that quarter. A quarter not yet ended ("expects to launch in the fourth quarter") sets none."""
    if ctx.from_figures or art.pub_year is None or art.pub_month is None or \
            ctx.period not in (None, str(art.pub_year), f"FY{art.pub_year}"):
        return
    periods = [p for p in art.vocab.periods_in(art.text, a, b, art.pub_year, low=art.low)
               if p.kind in ("q", "h1", "h2", "9m") and not p.extra.get("explicit_year")
               and not (p.extra.get("groups") or {}).get("rel")]
    if not periods:
        return
    _latest_reported(periods, art.pub_year, art.pub_month)
    p = periods[-1]
    if p.extra.get("year") == art.pub_year and p.value:  # (ended this year: a reporting period, no plan)
        ctx.set(str(p.value), b, guessed=True)


def sentence_figures(art: Article, ctx: PeriodContext, a: int, b: int) -> list[Figure]:
    """The figures of the sentence ``text[a:b]``, in order; ``ctx`` is updated for the sentences after it."""
    text, vocab, years = art.text, art.vocab, art.years
    has_year = any_in(art.year_at, a, b)
    # a period without a year ("the second quarter", 上半年) is one of the year the article is talking about:
    # that of the period in force, else the last year named before this sentence, else the publication year
    before = bisect.bisect_left(art.year_at, a)  # the years written before the sentence
    year = year_of(ctx.period) or (years[before - 1][1] if before else None) or art.pub_year or \
        (years[0][1] if years else None)  # (a release that dates itself only at its end)
    metrics = vocab.metrics_in(text, a, b, art.low)
    # (a percentage in words too: "a 60 percent share")
    has_value = any_in(art.money_at, a, b) or "%" in text[a:b] or \
        vocab.fig_rx["fig.percent"].search(text, a, b) is not None
    if not (metrics and has_value):  # nothing to read here but the period the next sentences may take
        if not has_year:
            quarter_sentence(art, ctx, a, b)
        return _period_only(art, ctx, a, b, year) if has_year else []
    found = vocab.periods_in(text, a, b, year, low=art.low)
    for p in found:
        p.extra["base"] = _base(vocab, text, a, p)
    periods = [p for p in found if not p.extra["base"]]
    anchor_years(vocab, text, periods, year, art.pub_year, year_of(ctx.period))
    # (a market's value a change starts from keeps its own year: "$51.9 billion in 2024, up from $40 billion in
    # 2023" -- a market's years are its trajectory; a company's such value is no figure)
    from_base = [p for p in found if p.extra["base"] == "from"]
    if from_base:
        anchor_years(vocab, text, from_base, year, art.pub_year, year_of(ctx.period))
    # (a period in force that only a sentence naming a year set -- "a licence signed in 2023" -- is no reporting
    # period: a yearless quarter or half is still the latest one reported)
    if (ctx.period is None or not ctx.from_figures) and art.pub_month and \
            not any(p.extra.get("explicit_year") for p in periods):
        _latest_reported(periods, art.pub_year, art.pub_month)
    for p in periods:
        if p.kind == "rel":
            p.value = norm_period("rel", p.extra.get("groups", {}), art.pub_year)
    market_periods = Periods(sorted([*periods, *from_base], key=lambda p: p.start)) if from_base else None
    periods = Periods(periods)  # (their values are set: each value's period is found by bisection from here)
    sent_figs = _read(art, ctx, a, b, year, metrics, periods, market_periods)
    # (a table's rows are the table reader's: the periods their cells took under the column heads set nothing -- the
    # prose under a table whose heads read "2025 2024" reports 2025, not the comparison column)
    rows = [(f, v) for f, v in sent_figs if art.raw is not None and on_table_row(vocab, art.raw, f)]
    _update(ctx, _first_columns(text, periods), [x for x in sent_figs if x not in rows], b, _CLAUSE_END.search(text, max(a, b - 3), b) is not None)
    if not sent_figs:  # ("said on its third-quarter call that it will acquire …": no figure, a period)
        quarter_sentence(art, ctx, a, b)
    return [f for f, _ in sent_figs]


_COLUMN_GAP = re.compile(r"[ \t]+")  # (between two column heads of a table: spaces only, no line break)
_YEAR_END = re.compile(r"(?:19|20)\d\d$")  # (a period that ends with its year)
_CLAUSE_END = re.compile(r"[;；]\s*$")  # (a sentence the next one continues: cut at a semicolon)
_REPORTED = re.compile(r"(Q([1-4])|H1|H2|9M) ((?:19|20)\d\d)")
_ENDS = {"H1": 6, "H2": 12, "9M": 9}


def _latest_reported(periods: list[Fact], pub_year: int | None, pub_month: int) -> None:
    """A quarter or half without a year in a sentence that states none, with no period in force: the latest such
    period ended by the publication date ("net sales of $138 million in the second quarter" in an October 2025
    article is Q2 2025, whatever year the article named last -- an approval's "June 2024")."""
    if pub_year is None:
        return
    for p in periods:
        m = _REPORTED.fullmatch(str(p.value or ""))
        if m is None or p.kind == "rel" or (p.extra.get("groups") or {}).get("rel"):
            continue
        end = 3 * int(m.group(2)) if m.group(2) else _ENDS[m.group(1)]
        yr = pub_year if end <= pub_month else pub_year - 1
        p.value = f"{m.group(1)} {yr}"
        p.extra["year"] = yr


def _base(vocab: ReportVocab, text: str, a: int, p: Fact) -> bool | str:
    """Whether a period is the comparison base, not a figure's own: "compared with 2023", "up 22% over 2023",
    "(2023: €24.7 million)"; "from" when it is the period of the amount a change starts from."""
    m = vocab.fig_rx["fig.base"].search(text, max(a, p.start - 40), p.start)
    if m is None:
        # "fell to $610 million from $1.4 billion in Q1": the period of the amount a change starts from (not "from
        # 40 billion yuan in 2019 to 90 billion yuan in 2024": a trajectory's first point)
        base_from = vocab.fig_rx.rules.get("fig.base_from")
        if base_from is not None and base_from.regex.search(text, max(a, p.start - 50), p.start) is not None \
                and _TO_NEXT.match(text, p.end) is None:
            return "from"
        return False
    if text[m.start():p.start].strip() in ("(", "（"):  # a bracket opens with the period: only "(2023: €24.7m)"
        return vocab.fig_rx["fig.base_after"].match(text, p.end) is not None
    return True


def _within(positions: list[int], at: int, reach: int) -> bool:
    """Whether one of the sorted ``positions`` lies within ``reach`` of ``at`` (either side, inclusive)."""
    i = bisect.bisect_left(positions, at - reach)
    return i < len(positions) and positions[i] <= at + reach


def any_in(positions: list[int], a: int, b: int) -> bool:
    """Whether one of the sorted ``positions`` lies in ``[a, b)``."""
    i = bisect.bisect_left(positions, a)
    return i < len(positions) and positions[i] < b


def _period_only(art: Article, ctx: PeriodContext, a: int, b: int, year: int | None) -> list[Figure]:
    """A sentence with a year but no value tied to a metric: its counts, and the period it sets."""
    periods = art.vocab.periods_in(art.text, a, b, year, low=art.low)
    out = []
    if DIGIT_UNIT.search(art.text, a, b):
        out = [f for f, _ in counts(art.text, art.vocab, a, b, periods, ctx.period, [], art.facts)]
    _set_from(art, ctx, periods, a, b)
    return out


def _update(ctx: PeriodContext, periods: list[Fact], sent_figs: list[tuple[Figure, Any]], b: int,
            clause: bool = False) -> None:
    """The period later sentences take: the one this sentence's figures were read for, else the last it names."""
    # (a reporting period within a year -- "first-half revenue", 上半年 -- is stated even where the article gives its
    # year elsewhere, when no other period within a year is in force: the sentences after it report the same half,
    # not the year; "Highlights for the first nine months of 2025 … Third-quarter revenue was …" stays 9M)
    # (nor when the period in force is only one a sentence without figures named -- a report's title, "发布2025年第三季度
    # 报告。前三季度实现营业收入…": the figures' own yearless nine months is what the sentences after them report)
    # (nor in a clause the next one continues past a semicolon: "第三季度单季实现营业收入7.8亿元；归母净利润8,200万元"
    # is the quarter's both)
    within = ctx.period is None or re.fullmatch(r"(?:FY)?(?:19|20)\d\d", ctx.period) is not None or ctx.guessed or \
        not ctx.from_figures or clause
    stated = {p.start for p in periods if (p.extra.get("explicit_year") or p.kind == "ended" or
                                           (within and p.kind in ("h1", "h2", "q", "9m"))) and p.kind != "range"}
    used = [f.period for f, _ in sent_figs if f.period and f.metric != "count"
            and any(e.field == "period" and e.start in stated for e in f.evidence)]
    # (a sentence whose figures took the period in force keeps it: "… 且超过其在2023年全年的亏损额" sets none)
    new_ctx = used[-1] if used else (None if any(f.metric != "count" for f, _ in sent_figs)
                                     else last_period(periods, anchored=ctx.period is None,
                                                      reporting=ctx.from_figures))
    ctx.set(new_ctx, b)
    ctx.from_figures = ctx.from_figures or any(f.period for f, _ in sent_figs if f.metric != "count")


def _read(art: Article, ctx: PeriodContext, a: int, b: int, year: int | None, metrics: list[Fact],
          periods: list[Fact], market_periods: list[Fact] | None = None) -> list[tuple[Figure, Any]]:
    """Each value of the sentence tied to its cue and read into a figure; then what the figures share."""
    text, vocab = art.text, art.vocab
    blocks = vocab.not_figures_in(text, a, b, art.low)
    changes = vocab.changes_in(text, a, b, art.low)
    # a change that opens the text right after the sentence, past a space only: a line the segmenter cut at the space
    # ("…销售额约1.64亿美元 同比增长12%", "…约45亿美元 较去年同期增长约150%")
    j = b
    while j < len(text) and j - b < 3 and text[j] in " \t\u3000":
        j += 1
    if j > b:
        after = vocab.changes_in(text, j, min(len(text), j + 30), art.low)
        changes += after[:1] if after and after[0].start == j else []
    metrics, sent_pay = _cues(art, a, b, metrics)
    # (a metric word inside a not-figure cue that takes the amounts after it is that cue's: "Deferred revenue   27.4"
    # on a table line padded past the cue's reach is a balance-sheet line, no revenue)
    held = [(x.start, x.end) for x in blocks if x.extra.get("attach")]
    if held:
        metrics = [m for m in metrics if not any(x <= m.start and m.end <= y for x, y in held)]
    if any(m.extra.get("scope") == "market" for m in metrics):
        # a company's guidance word ("预计", "有望") says nothing against a market's forecast with its year
        # ("2030年该市场规模有望达到约600亿元")
        blocks = [x for x in blocks if x.extra.get("scope") != "company"]
    values, all_amounts = _values(art, a, b, blocks, changes, sent_pay)
    used_changes: set[int] = set()
    by_start = FactIndex(changes)
    others = FactIndex(sorted([*values, *metrics], key=lambda o: o.start))  # (what may stand between)
    sent_figs: list[tuple[Figure, Any]] = []
    stops = [x for x in blocks if x.extra.get("attach")] + sent_pay
    # percentages are tied to market-share words, amounts to the other cues ("860 million yuan in its IPO and
    # booked a net loss": the IPO's, a blocker)
    ties = {share: Ties(vocab, text, [m for m in metrics if (m.kind == "market_share") == share] + stops,
                        [o for o in values if (o.label == "percent") == share], art.lang, all_amounts, blocks)
            for share in {v.label == "percent" for v in values}}
    for v in values:
        share = v.label == "percent"
        cue = ties[share].cue(v)
        if cue is None or cue.label != "metric":
            continue
        if cue.kind == "inherit":  # "… doubled to $36.9 billion, half of the global total of $67.5 billion"
            prev = [f for f, _ in sent_figs if f.metric != "count"]
            if not prev:
                continue
            cue = Fact(cue.start, cue.end, "metric", prev[-1].metric, None, cue.rule, cue.text,
                       {"scope": prev[-1].kind if prev[-1].kind == "market" else "company"})
        before = vocab.fig_rx.rules.get("fig.share_before")
        if share and not vocab.fig_rx["fig.explicit_share"].search(cue.text) and not (
                vocab.share_context is not None and vocab.share_context.match(text, v.end, b)) and not (
                before is not None and cue.end <= v.start and before.regex.search(text, cue.end, v.start)):
            continue  # a percentage of revenue or of a split is no market share
        fig = figure(text, art.lang, vocab, v, cue, a, b, art.index, art.own, periods, ctx.period, year, by_start,
                     used_changes, ctx.fresh(a), others, market_periods)
        if fig is not None and fig.kind != "market" and _UP_TO.search(text, max(a, v.start - 8), v.end):
            continue  # a company's or product's amount "up to" a ceiling is a deal term, no result (not 高达: emphasis)
        if fig is not None and fig.kind != "market" and _forecast(art, fig, a, min(cue.start, v.start)):
            continue
        if fig is not None and not _trajectory_base(vocab, text, v, b, fig, sent_figs):
            sent_figs.append((fig, v))
    distribute_changes(vocab, text, a, b, changes, used_changes, sent_figs)
    distribute_periods(text, a, b, periods, sent_figs, vocab, year)
    distribute_subjects(vocab, text, a, b, sent_figs)
    respective_metrics(vocab, text, a, b, metrics, sent_figs)
    gapped_list(text, vocab, art.index.of("org"), sent_figs)
    respective_companies(vocab, text, a, b, art.index.of("org"), sent_figs)
    parallel_periods(sent_figs)
    if not vocab.fig_rx["fig.respectively"].search(text, a, b):
        sent_figs = _prior_years(sent_figs)
    sent_figs.extend(counts(text, vocab, a, b, periods, ctx.period, sent_figs, art.facts))
    return sent_figs


def _prior_years(figs: list[tuple[Figure, Any]]) -> list[tuple[Figure, Any]]:
    """Current period only (SCHEMA.md): a company's or product's value of an earlier year after another of the same
    subject in the sentence is the comparison base, no figure -- "net income of $22.1 million for 2025, compared with
    a net loss of $8.4 million for 2024", "net profit was 3.7 billion yuan, compared with a loss of 780 million yuan in
    2023". A market's years are its trajectory and stay; a "respectively" list of years is not asked here (the dev
    gold is split on its earlier year)."""
    # (the comparison comes after the current value: "X for 2025, compared with Y"; one pass in text order, keeping
    # each subject's latest year seen so far, not a scan of all dated figures per figure)
    years = [year_of(f.period) if f.kind != "market" else None for f, _ in figs]
    names = [f.subject_name if y is not None else None for (f, _), y in zip(figs, years, strict=True)]
    order = sorted(range(len(figs)), key=lambda k: figs[k][1].start)
    latest: dict[str | None, int] = {}
    drop: set[int] = set()
    i = 0
    for k in order:
        at = figs[k][1].start
        while i < len(order) and figs[order[i]][1].start < at:
            j = order[i]
            yj = years[j]
            if yj is not None:
                latest[names[j]] = max(latest.get(names[j], yj), yj)
            i += 1
        yk = years[k]
        if yk is not None and latest.get(names[k], yk) > yk:
            drop.add(k)
    return [x for k, x in enumerate(figs) if k not in drop]


_TO_NEXT = re.compile(r"\s*,?\s*(?:to|and)\b")
_UP_TO = re.compile(r"\bup\s+to\b", re.I)


def _forecast(art: Article, fig: Figure, a: int, lo: int) -> bool:
    """Whether a company's figure is what it expects for a period not ended at publication ("Kestrel Pharma expects
    its revenue to reach $2 billion in 2026" in a 2025 article): a forecast, no result. An ended period's expected
    figure is a preliminary result ("expects revenue of £12.3 million for 2024" in a 2025 trading update)."""
    rule = art.vocab.fig_rx.rules.get("fig.company_expects")
    will = art.vocab.fig_rx.rules.get("fig.company_will")  # ("Halvex's revenue could reach $5 billion by 2030")
    at = next((e.start for e in fig.evidence if e.field == "value"), lo)
    if (rule is None or not rule.regex.search(art.text, max(a, lo - 80), lo)) and \
            (will is None or at <= lo or not will.regex.search(art.text, lo, at)):
        return False
    if fig.period is None:
        return True  # (an expected figure of no period named: "anticipates sales of $600 million next year")
    yr = year_of(fig.period)
    if art.pub_year is None or yr is None:
        return False
    m = _REPORTED.fullmatch(str(fig.period))
    end_month = (3 * int(m.group(2)) if m.group(2) else _ENDS[m.group(1)]) if m else 12
    return (yr, end_month) > (art.pub_year, art.pub_month or 12)


def _trajectory_base(vocab: ReportVocab, text: str, v: Any, b: int, fig: Figure,
                     sent_figs: list[tuple[Figure, Any]]) -> bool:
    """A company's or a product's value a change starts from is the comparison base, no figure (SCHEMA.md "Not
    figures"): "rose to $315 million in 2021 from $174 million in 2020", "grew from $1.0 billion in 2023 to
    $1.2 billion in 2024", "营收从2023年的10亿元增长至2024年的12亿元". A market's trajectory keeps both years."""
    if fig.kind == "market" or isinstance(fig.value, Quantity):
        return False
    if not vocab.fig_rx["fig.from_before"].search(text, max(0, v.start - 40), v.start):
        return False
    if vocab.fig_rx["fig.to_after"].match(text, v.end, b):  # "from X (in 2023) to Y"
        return True
    return any(f.metric == fig.metric and f.subject == fig.subject for f, _ in sent_figs)  # "to Y … from X"


def _cues(art: Article, a: int, b: int, metrics: list[Fact]) -> tuple[list[Fact], list[Fact]]:
    """The metric words and the deal payment cues of a sentence. Industry statistics ("首付款约20亿美元,总金额达300亿
    美元") are deal values, not terms -- unless the sentence states a deal's own terms (the deal took an amount of
    it) or names one payment ("an upfront payment of")."""
    text, facts = art.text, art.index.starting(a, b)
    one_payment = art.vocab.fig_rx["fig.one_payment"]
    aggregate = any(f.label == "aggregate" and a <= f.start < b for f in facts) or \
        any(m.kind == "deal_value" for m in metrics)
    # (a payment word inside a metric word is no payment: '合作收入', collaboration revenue, is no '合作' deal's amount)
    spans = [(m.start, m.end) for m in metrics]
    own = [(m.start, m.end) for m in metrics if m.kind not in ("deal_value", "market_size", "market_share")]
    sent_pay = [p for p in art.pay_index.starting(a, b) if a <= p.start < b and
                not any(x <= p.start and p.end <= y for x, y in own)]
    if aggregate and not any(a <= s0 < b for s0, _ in art.deal_spans):
        metrics = sorted(metrics + [Fact(p.start, p.end, "metric", "deal_value", None, p.rule, p.text,
                                         {"scope": "market"}) for p in sent_pay
                                    if p.kind in ("total", "upfront") and not overlaps(p, spans)
                                    and not one_payment.search(text, max(a, p.start - 12), p.end)],
                         key=lambda m: m.start)
        sent_pay = []
    return metrics, sent_pay


def _values(art: Article, a: int, b: int, blocks: list[Fact], changes: list[Fact],
            sent_pay: list[Fact]) -> tuple[list[Any], list[Fact]]:
    """The values a figure may be read from (amounts that are no deal term, price, threshold …; percentages that
    are no change), in order, and every amount of the sentence."""
    text, vocab, facts = art.text, art.vocab, art.index.starting(a, b)  # (with f.end <= b: f.start <= b)
    block_spans = [(x.start, x.end) for x in blocks if not x.extra.get("when") or changes]
    # a not-figure cue ("market capitalization of", "expectations of", "EPS … to") takes the amounts it reaches
    stop = vocab.fig_rx.rules.get("fig.attach_stop")  # (a conjunction that opens a clause of its own ends it)
    block_spans += [(x.end, clause_end(text, x.end, min(b, x.end + int(x.extra["attach"])),
                                       stop.regex if stop is not None else None))
                    for x in blocks if x.extra.get("attach")]
    blocked = SpanIndex(block_spans)
    # (a payment word right against an amount makes it a deal's term: looked up by bisection, not per word)
    pay_starts, pay_ends = sorted(p.start for p in sent_pay), sorted(p.end for p in sent_pay)
    money = [f for f in facts if f.label == "money" and a <= f.start and f.end <= b and f.kind != "conversion"
             and getattr(f.value, "amount", MIN_AMOUNT) >= MIN_AMOUNT
             and not blocked.overlaps(f.start, f.end) and not art.deal_index.overlaps(f.start, f.end)
             and not (vocab.not_after is not None and vocab.not_after.match(text, f.end, b))
             and not (_within(pay_starts, f.end, 3) or _within(pay_ends, f.start, 3))]
    changed = SpanIndex((c.start, c.end) for c in changes)
    amounts = SpanIndex((f.start, f.end) for f in facts if f.label == "money" and a <= f.start and f.end <= b)
    pcts = [p for p in vocab.percents_in(text, a, b)
            if not changed.overlaps(p.start, p.end) and not amounts.overlaps(p.start, p.end)
            and not blocked.overlaps(p.start, p.end)]
    values: list[Any] = sorted(money + pcts, key=lambda f: f.start)
    all_amounts = [f for f in facts if f.label == "money" and a <= f.start and f.end <= b]
    return values, all_amounts
