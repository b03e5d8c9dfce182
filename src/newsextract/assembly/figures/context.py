"""What a figure takes from the article around its sentence: the article's own company and the period in force."""

from __future__ import annotations

from dataclasses import dataclass

from ...facts import Fact
from ...finders.reports import ReportVocab, norm_period
from ...normalize.periods import year_in

#: a period stated at most this many characters before is the one "last year" / 今年 means when the article has no date
FRESH = 300
#: the headline and opening of an article, where a name glued to its stock code names the article's own company
_OPENING = 400


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


def _only_company(facts: list[Fact], vocab: ReportVocab) -> Fact | None:
    """The one company an article names, when it names one only (by key); else none."""
    bad = vocab.not_companies
    orgs = [f for f in facts if f.label == "org" and not (bad is not None and bad.search(f.text))]
    return orgs[0] if orgs and len({getattr(f.value, "key", f.text) for f in orgs}) == 1 else None


def own_company(text: str, vocab: ReportVocab, facts: list[Fact], sentences: list[tuple[int, int]],
                filer: Fact | None) -> Fact | None:
    """The article's own company: a filing's filer, else the company named in the most sentences, else the first
    one named twice, else a name glued to its stock code."""
    from ..approvals.parties import announcer, orgs_by_sentence, top_company

    # the article's own company: named in the most sentences, else the one its opening announces ("… (HKEX: 1801)
    # today announced") or its headline names with a stock code, else the first one named twice
    by_sent = orgs_by_sentence(vocab, facts, sentences)
    own = top_company(by_sent, min_count=2, announcer=announcer(vocab, text, by_sent, opening=False))
    if own is None:  # (a weaker guess: "the company" then means the one named last before)
        # the first company named twice, else the only company the article names ("Verdane Pharma released its
        # annual results. Revenue rose 11% to …")
        first = main_company(facts, vocab, twice=True) or _only_company(facts, vocab)
        own = None if first is None else Fact(first.start, first.end, first.label, first.kind, first.value,
                                              first.rule, first.text, {**first.extra, "weak": True})
    if vocab.own_ticker is not None:  # "SINO BIOPHARM(01177)": a name glued to its stock code
        m = vocab.own_ticker.search(text, 0, _OPENING) if own is not None else vocab.own_ticker.search(text)
        if m:
            # (in the headline or the opening -- "复宏汉霖（2696.HK）公司点评", "康哲藥業（00867）今早公布" -- a company the
            # name finder knows is the article's own even where its partner is named in more sentences)
            name = m.group("s").strip()
            known = next((f for f in facts if f.label == "org" and f.text == name), None)
            if known is not None:
                own = known
            elif own is None:
                own = Fact(m.start("s"), m.end("s"), "org", "ticker", None, "figure.own_ticker", name)
    if filer is not None:
        own = filer
    return own


def filer_of(text: str, vocab: ReportVocab) -> Fact | None:
    """The issuer that heads a filing ("ARVINAS, INC." alone on the first line, 证券简称：楚天药业, 杭州普济医药科技股份有限公司
    over its report's title)."""
    m = vocab.filer_name.search(text, 0, 400) if vocab.filer_name is not None else None
    if m is None and vocab.filer_head is not None:
        m = vocab.filer_head.match(text, 0, 400)
    if not m:
        return None
    return Fact(m.start("s"), m.end("s"), "org", "filer", None, "figure.filer", m.group("s").strip())


@dataclass
class PeriodContext:
    """The period later sentences take: the one figures were last read for, else the last one a sentence named."""

    period: str | None = None
    at: int = -FRESH - 1  # where the sentence that set ``period`` ends
    from_figures: bool = False  # whether figures have stated a period yet
    guessed: bool = False  # whether ``period`` is a yearless quarter or half read before any figure (weak)

    def set(self, period: str | None, end: int, guessed: bool = False) -> None:
        if period:
            self.period, self.at, self.guessed = period, end, guessed

    def fresh(self, start: int) -> bool:
        """Whether the period in force was stated right before ``start``."""
        return start - self.at <= FRESH


def year_of(period: str | None) -> int | None:
    return year_in(period or "")


def last_period(periods: list[Fact], anchored: bool = False, reporting: bool = False) -> str | None:
    """The last period a sentence states with its year (``anchored``: or with the year the article gives it, for
    the first period of an article: "Q1 sales grew 5%" in a release dated at its end; ``reporting``: only a
    reporting period, not a bare year)."""
    good = [p for p in periods if p.value and p.kind not in ("range", "ym") and p.extra.get("explicit_year")
            and not (reporting and p.kind == "year")]
    if not good and anchored:
        good = [p for p in periods if p.value and p.kind in ("q", "h1", "h2", "9m", "fy") and p.extra.get("year")]
    return good[-1].value if good else None


def anchor_years(vocab: ReportVocab, text: str, periods: list[Fact], year: int | None, pub_year: int | None = None,
                 ctx_year: int | None = None) -> None:
    """A period without a year takes that of a period stated before it in the same sentence ("in the first half
    of 2025 … in the second quarter"), else the article's (``year``); "the first half of this year" (今年前三季度)
    takes the publication year, else the year in force (``ctx_year``), and "last year's" the one before the
    publication year, or none."""
    last: int | None = None
    of_rel_year, past_rel = vocab.fig_rx["fig.of_rel_year"], vocab.fig_rx["fig.past_rel"]
    if pub_year is None and any(p.kind == "rel" or of_rel_year.match(text, p.end) for p in periods):
        year = None  # "this year" with no date: the sentence's periods have no year we know
    for p in periods:
        rel_word = (p.extra.get("groups") or {}).get("rel") if p.kind != "rel" else None
        rel = of_rel_year.match(text, p.end) if p.kind != "rel" and not rel_word else None
        if p.extra.get("explicit_year"):
            last = year_of(p.value) if p.kind != "range" else None
            p.extra["year"] = last
        elif p.kind != "rel":
            if rel or rel_word:
                past = bool(past_rel.search(rel.group(0) if rel else rel_word))
                yr = (pub_year - 1 if past else pub_year) if pub_year else (None if past else ctx_year)
                p.extra["year"] = yr
                p.value = norm_period(p.kind, p.extra.get("groups", {}), yr) if yr else None
                continue
            yr = last or year
            p.extra["year"] = yr
            p.value = norm_period(p.kind, p.extra.get("groups", {}), yr)


def vocab_period(vocab: ReportVocab, p: Fact, year: int | None, kind: str) -> str | None:
    """A period's record form for a figure of ``kind`` (a market's bare year is a point in time, not a FY)."""
    if p.kind == "rel":  # already resolved against the publication year; only the scope changes
        v = p.value
        return None if v is None else (v.replace("FY", "") if kind == "market" else v)
    yr = p.extra.get("year", year)
    return norm_period(p.kind, p.extra.get("groups", {}), yr, "market" if kind == "market" else "company")
