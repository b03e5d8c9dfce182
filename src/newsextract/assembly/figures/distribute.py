"""What a sentence's figures share: "…, respectively" lists of changes, periods and subjects given out in order,
a second trajectory's periods, and the counts a sentence states beside its figures."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from ...facts import Fact
from ...finders.reports import ReportVocab
from ...records import Evidence, Figure, Money, Party, Quantity
from .context import vocab_period
from .figure import tidy_market


def parallel_periods(figs: list[tuple[Figure, Any]]) -> None:
    """"grew from 25.7 billion yuan in 2015 to 71.6 billion yuan in 2024, its share from 18.7% to 27.8%": a
    second trajectory without periods takes those of the first, in order."""
    dated = [f for f, _ in figs if isinstance(f.value, Money) and any(e.field == "period" for e in f.evidence)]
    shares = [f for f, _ in figs if isinstance(f.value, Quantity)]
    if len(shares) >= 2 and len(dated) == len(shares) and len({f.period for f in dated}) == len(dated) and \
            len({f.period for f in shares}) == 1:
        for s, d in zip(shares, dated, strict=True):
            s.period = d.period


def counts(text: str, vocab: ReportVocab, a: int, b: int, periods: list[Fact], period_ctx: str | None,
            figs: list[tuple[Figure, Any]], facts: list[Fact]) -> list[tuple[Figure, Any]]:
    """Counts ("3,258 projects in progress", "44 起对外授权交易"): metric count, subject the market or country."""
    out = []
    for c in vocab._matches(vocab.counts, text, a, b, "count"):
        g = c.value
        subject = None
        mk = vocab.named_in(vocab.markets, text, max(a, c.start - 140), min(b, c.end + 60), "market")
        if mk:
            subject = tidy_market(vocab, min(mk, key=lambda x: abs(x.start - c.start)).text)
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


def distribute_changes(vocab: ReportVocab, text: str, a: int, b: int, changes: list[Fact], used: set[int],
                       figs: list[tuple[Figure, Any]]) -> None:
    """"…分别为 63.52%、112.16%" / "…, respectively": the remaining changes go to the figures in order."""
    if not vocab.fig_rx["fig.respectively"].search(text, a, b):
        return
    free = [c for i, c in enumerate(changes) if i not in used]
    want = [f for f, _ in figs if f.change_pct is None]
    if free and len(free) == len(want):
        for f, c in zip(want, free, strict=True):
            f.change_pct = float(c.value)
            f.evidence.append(Evidence(field="change_pct", start=c.start, end=c.end, text=c.text, rule=c.rule))


def distribute_periods(text: str, a: int, b: int, periods: list[Fact], figs: list[tuple[Figure, Any]],
                        vocab: ReportVocab, year: int | None) -> None:
    """"$9,400 and $21,800 for the years ended December 31, 2024 and 2023, respectively", "the three and six
    months ended June 30, 2025, respectively": a list of periods goes to the figures in order."""
    if len(figs) < 2 or not vocab.fig_rx["fig.respectively"].search(text, a, b):
        return
    join = vocab.fig_rx["fig.period_join"]
    ps = sorted((p for p in periods if p.value), key=lambda p: (p.start, bool(p.extra.get("second"))))
    run: list[Fact] = []
    for p in ps:
        if run and not (p.start == run[-1].start or join.fullmatch(text, run[-1].end, p.start)):
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


def distribute_subjects(vocab: ReportVocab, text: str, a: int, b: int, figs: list[tuple[Figure, Any]]) -> None:
    """"immunology and metabolic disorders …, accounting for 13% and 8% of deal activity, respectively": figures
    that share a subject of several conjuncts take one conjunct each, in order."""
    if len(figs) < 2 or not vocab.fig_rx["fig.respectively"].search(text, a, b):
        return
    groups: dict[tuple[str, str], list[Figure]] = {}
    for f, _ in figs:
        if isinstance(f.subject, str):
            groups.setdefault((f.subject, f.metric), []).append(f)
    for (subj, _), fs in groups.items():
        parts = [x.strip() for x in vocab.fig_rx["fig.conj"].split(subj) if x.strip()]
        if len(fs) >= 2 and len(parts) == len(fs):
            for f, part in zip(fs, parts, strict=True):
                f.subject = part


def gapped_list(text: str, vocab: ReportVocab, orgs: Any, figs: list[tuple[Figure, Any]]) -> None:
    """"Sunray reported revenue of RMB2.1 billion, Qinlan Pharma RMB1.4 billion and Heyuan Bio RMB860 million for
    2025": the values after the first that share its metric word each take the company named right before them, and
    a period written after the last one is all of theirs."""
    groups: dict[int, list[tuple[Figure, Any]]] = {}
    for f, v in figs:
        cue = next((e for e in f.evidence if e.field == "metric"), None)
        if cue is not None and f.metric != "count" and v.label != "percent":
            groups.setdefault(cue.start, []).append((f, v))
    bad = vocab.not_companies
    for group in groups.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda x: x[1].start)
        named = 0
        for (pf, pv), (f, v) in zip(group, group[1:], strict=False):
            if f.kind == "product" and pf.kind == "product" and \
                    (m := _PRODUCT_GAP.fullmatch(text, pv.end, v.start)) is not None:
                # "with Mounjaro contributing $6.5 billion and Zepbound $3.6 billion": the drug right before the value
                f.subject = m.group("s")
                f.evidence = [e for e in f.evidence if e.field != "subject"] + [
                    Evidence(field="subject", start=m.start("s"), end=m.end("s"), text=m.group("s"),
                             rule="figure.gapped_product")]
                continue
            if f.kind != "company":
                continue
            o = orgs.last_within(pv.end, v.start, lambda x: not (bad is not None and bad.search(x.text)))
            if o is None or text[o.end:v.start].strip() or not _GAP.fullmatch(text, pv.end, o.start):
                continue
            f.subject = Party(name=o.text, canonical=getattr(o.value, "canonical", None))
            f.evidence = [e for e in f.evidence if e.field != "subject"] + [
                Evidence(field="subject", start=o.start, end=o.end, text=o.text, rule=o.rule)]
            named += 1
        if not named:
            continue
        last = group[-1][0]
        pe = next((e for e in last.evidence if e.field == "period"), None)
        if pe is None or pe.start < group[-1][1].end:
            continue
        for f, _ in group[:-1]:
            if f.period is None:
                f.period = last.period
                f.evidence.append(pe)


_GAP = re.compile(r"\s*(?:,|，|、|;)?\s*(?:and\s+|while\s+|和|及|与)?\s*")
# (a drug's name alone between two values of one metric word: "… $6.5 billion and Zepbound $3.6 billion")
_PRODUCT_GAP = re.compile(r"(?:\s+(?:in|for|during)\s+[^,;$€£¥]{1,40}?)?\s*(?:,\s*(?:and\s+)?|;\s*|\s+and\s+|\s+while\s+)(?P<s>[A-Z][A-Za-z0-9-]{2,40})[®™]?\s+(?:had\s+|posted\s+|with\s+)?")


_LIST_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|、|，|\s+and\s+|\s*(?:和|及|与|與)\s*)\s*")


def respective_companies(vocab: ReportVocab, text: str, a: int, b: int, orgs: Any,
                         figs: list[tuple[Figure, Any]]) -> None:
    """"Halvex Pharma, Orriant Bio and Corvane Therapeutics reported 2025 revenue of $4.1 billion, $2.3 billion and
    $84 million, respectively", "恒泽制药、瑞康医药和宁远生物的营业收入分别为…": the figures of one metric, one subject
    each, take the companies the sentence lists before them, in order; a period one of them has is all of theirs."""
    if len(figs) < 2 or not vocab.fig_rx["fig.respectively"].search(text, a, b):
        return
    groups: dict[str, list[tuple[Figure, Any]]] = {}
    for f, v in figs:
        if f.kind == "company" and f.metric != "count":
            groups.setdefault(f.metric, []).append((f, v))
    bad = vocab.not_companies
    for group in groups.values():
        if len(group) < 2 or len({f.subject_name for f, _ in group}) != 1:
            continue
        group.sort(key=lambda x: x[1].start)
        first = group[0][1].start
        listed = [o for o in orgs.starting(a, first) if a <= o.start and o.end <= first
                  and not (bad is not None and bad.search(o.text))]
        run: list[Fact] = []
        for o in listed:
            if run and (o.start < run[-1].end or not _LIST_SEP.fullmatch(text, run[-1].end, o.start)):
                if len(run) == len(group):
                    break
                run = []
            if run and o.start < run[-1].end:
                continue
            run.append(o)
        if len(run) != len(group) or len({o.text for o in run}) != len(run):
            continue
        for (f, _), o in zip(group, run, strict=True):
            f.subject = Party(name=o.text, canonical=getattr(o.value, "canonical", None))
            f.evidence = [e for e in f.evidence if e.field != "subject"] + [
                Evidence(field="subject", start=o.start, end=o.end, text=o.text, rule=o.rule)]
        dated = {f.period for f, _ in group if f.period is not None}
        if len(dated) == 1:
            for f, _ in group:
                f.period = f.period or next(iter(dated))


def respective_metrics(vocab: ReportVocab, text: str, a: int, b: int, metrics: list[Fact],
                       figs: list[tuple[Figure, Any]]) -> None:
    """"Total revenues and net loss for the year ended December 31, 2025 were $182.4 million and $41.2 million,
    respectively": the values that took the last of a list of metric words take one word each, in order."""
    if len(figs) < 2 or not vocab.fig_rx["fig.respectively"].search(text, a, b):
        return
    groups: dict[int, list[tuple[Figure, Any]]] = {}
    for f, v in figs:
        cue = next((e for e in f.evidence if e.field == "metric"), None)
        if cue is not None and f.kind == "company" and isinstance(f.value, Money) and v.start > cue.end:
            groups.setdefault(cue.start, []).append((f, v))
    for start, group in groups.items():
        if len(group) < 2:
            continue
        group.sort(key=lambda x: x[1].start)
        run = [m for m in metrics if m.label == "metric" and a <= m.start <= start]
        run.sort(key=lambda m: m.start)
        listed: list[Fact] = []
        for m in reversed(run):  # the words joined by "and" / commas, back from the one the values took
            if listed and not _LIST_SEP.fullmatch(text, m.end, listed[0].start):
                break
            listed.insert(0, m)
        if len(listed) != len(group) or len({m.kind for m in listed}) != len(listed):
            continue
        for (f, _), m in zip(group, listed, strict=True):
            f.metric = m.kind
            f.evidence = [e for e in f.evidence if e.field != "metric"] + [
                Evidence(field="metric", start=m.start, end=m.end, text=m.text, rule=m.rule)]
