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

The steps are modules of this package: ``context`` (the article's own company, the period in force), ``values``
(which value a cue takes), ``figure`` (subject, period and change of one figure), ``distribute`` ("respectively"
lists, counts), ``sentences`` (one sentence), ``tables`` (results tables), ``aggregate`` (one record per figure).
"""

from __future__ import annotations

import re
from typing import Any

from ..._spans import SpanIndex
from ...facts import Fact
from ...finders.reports import ReportVocab, sentences_with
from ...records import Deal, Figure
from ...triggers import guarded
from .aggregate import dedupe, filer_page_only
from .context import PeriodContext, filer_of, main_company, own_company
from .index import FactIndex
from .sentences import Article, any_in, quarter_sentence, sentence_figures, year_sentence
from .tables import on_table_row, table_figures
from .values import DEAL_KINDS, deal_spans

__all__ = ["assemble_figures", "main_company"]

_WITHIN_YEAR = re.compile(r"quarter|\bhalf\b|\bnine\s+months\b|季度|半年", re.I)  # (periods within a year)
_YEAR_SRC = r"(?<![\d.,$])(?<![A-Z]-)(?:19|20)\d\d(?!\d|[.,]\d)"  # (not the digits of a code: HSB-1906)
_YEAR = re.compile(guarded(_YEAR_SRC) or _YEAR_SRC)  # (scanned over every text: behind its first-character guard)


def assemble_figures(text: str, lang: str, vocab: ReportVocab, sentences: list[tuple[int, int]],
                     facts: list[Fact], deals: list[Deal] | None = None, raw_text: str | None = None,
                     published: Any = None) -> list[Figure]:
    """Every company, product and market figure the article reports, in order of appearance. ``text`` may have
    line breaks as spaces; ``raw_text`` (same offsets) keeps the lines results tables need."""
    raw = raw_text if raw_text is not None and len(raw_text) == len(text) else text
    low = text.lower()
    hits = sentences_with(vocab.figure_trigger, text, sentences, low)
    if not hits:
        return table_figures(raw, lang, vocab, facts, None, deal_spans(deals))
    filer = filer_of(text, vocab)
    years = [(m.start(), int(m.group(0))) for m in _YEAR.finditer(text)]
    spans = deal_spans(deals)
    generic_total = vocab.fig_rx["fig.generic_total"]
    pay_cues = [f for f in facts if f.label == "pay" and f.kind in DEAL_KINDS and not generic_total.fullmatch(f.text)]
    art = Article(text=text, lang=lang, vocab=vocab, facts=facts, index=FactIndex(facts), low=low if len(low) == len(text) else None,
                  own=own_company(text, vocab, facts, sentences, filer), deal_spans=spans,
                  deal_index=SpanIndex(spans),
                  pay_index=FactIndex(pay_cues),
                  years=years, year_at=[p for p, _ in years],
                  money_at=sorted(f.start for f in facts if f.label == "money"),
                  pub_year=getattr(published, "year", None), pub_month=getattr(published, "month", None), raw=raw)
    out: list[Figure] = []
    ctx = PeriodContext()
    hit_set = set(hits)
    # sentences that only name a year still set the period later sentences take ("2025 marked a record year …")
    year_sents = {i for i, (a, b) in enumerate(sentences) if any_in(art.year_at, a, b)}
    # (and those that name a quarter or a half without its year, before any figure: "on its third-quarter call")
    within = [m.start() for m in _WITHIN_YEAR.finditer(text)]
    quarter_sents = {i for i, (a, b) in enumerate(sentences) if any_in(within, a, b)} - year_sents - hit_set
    for si in sorted(hit_set | year_sents | quarter_sents):
        a, b = sentences[si]
        if si in quarter_sents:
            quarter_sentence(art, ctx, a, b)
        elif si not in hit_set:
            year_sentence(art, ctx, a, b)
        else:
            out.extend(sentence_figures(art, ctx, a, b))
    # a table's rows are read by the table reader (its columns say their periods): a "sentence" that is a row of
    # numbers under a units header gives no figure of its own
    out = [f for f in out if not on_table_row(vocab, raw, f)]
    out.extend(table_figures(raw, lang, vocab, facts, art.own, art.deal_spans))
    return dedupe(filer_page_only(out, text, vocab, filer))
