"""The figures of an article as one list: one record per figure (a headline and its story state it twice)."""

from __future__ import annotations

from decimal import Decimal

from ...facts import Fact
from ...finders.reports import ReportVocab
from ...records import Figure, Money, Quantity


def filer_page_only(figs: list[Figure], text: str, vocab: ReportVocab, filer: Fact | None) -> list[Figure]:
    """A filing's data page is the filer's ("we"): its company figures are the filer's, when the page is headed by
    the filer's name, and no one's otherwise (the companies it names are counterparties)."""
    if vocab.filer_page is not None and vocab.filer_page.search(text):
        return [f for f in figs if f.kind != "company" or (filer is not None and f.subject_name == filer.text)]
    return figs


def dedupe(figs: list[Figure]) -> list[Figure]:
    """One record per figure: the same metric and value said twice (a headline and its story) is one figure; the
    fuller statement (period, change) wins."""
    out: list[Figure] = []
    for f in figs:
        same = next((i for i, o in enumerate(out) if o.metric == f.metric and _same_value(o.value, f.value)
                     and (o.period == f.period or o.period is None or f.period is None
                          or _one_period_twice(o, f))), None)
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


def _one_period_twice(x: Figure, y: Figure) -> bool:
    """Whether two figures of one subject with the very same value are one period named two ways (a quarter by its
    months and by the fiscal year: "the July-September quarter", "the second quarter of FY26"): periods of one
    shape (two quarters, two halves) whose value is written the same way."""
    return x.subject_name == y.subject_name and x.value.text == y.value.text and \
        str(x.period)[:1] == str(y.period)[:1] and str(x.period)[:1] in ("Q", "H") and x.period != y.period


def _same_value(x: Money | Quantity, y: Money | Quantity) -> bool:
    if type(x) is not type(y) or getattr(x, "currency", None) != getattr(y, "currency", None):
        return False
    big = max(abs(x.amount), abs(y.amount))
    return abs(x.amount - y.amount) <= Decimal("0.005") * big
