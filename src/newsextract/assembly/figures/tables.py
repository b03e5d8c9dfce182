"""Figures from results tables under a units header ("单位:人民币千元", "(in millions …)", "(€ million)"): the current
column of each period the heading names ("Three Months Ended … Nine Months Ended"), else the first."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from ...facts import Fact
from ...finders.report_tables import TableRow, column_table_rows, flat_table_rows, table_columns, table_rows
from ...finders.reports import ReportVocab
from ...normalize.money import scale_headers
from ...records import Evidence, Figure, Money, Party
from .context import main_company
from .values import MIN_AMOUNT, overlaps

_YEAR = re.compile(r"(?:19|20)\d\d")


def table_figures(text: str, lang: str, vocab: ReportVocab, facts: list[Fact], own: Fact | None,
                  deal_spans: list[tuple[int, int]]) -> list[Figure]:
    """Rows of results tables under a units header ("单位:人民币千元", "(in millions …)", "(€ million)"): the
    current column of each period the heading names ("Three Months Ended … Nine Months Ended"), else the first."""
    headers = _headers(text, lang, vocab)
    if not headers:
        return []
    company = own or main_company(facts)
    if company is None:
        return []
    out = []
    for hs, he, scale, rid in sorted(headers):
        around = text[max(0, hs - 40):he + 80]
        currency = vocab.money.table_currency(around)
        target, every = _target(vocab, text, hs, facts)
        rows, period = _header_rows(vocab, text, hs, he, every)
        # a table of revenue lines (licence, milestone, royalty revenue …) reports their total as the revenue
        totals = [r for r, _ in rows
                  if r.metric.kind == "revenue" and vocab.fig_rx["fig.total_row"].match(r.label.text)]
        prior = _prior_period(vocab, text, he, rows, period)
        for row, col_period in rows:
            if overlaps(row, deal_spans) or _balance_sheet(vocab, text, row):
                continue
            fig = _row_figure(vocab, text, row, col_period, totals, scale, rid, currency, period, target or company)
            if fig is not None:
                out.append(fig)
                if prior is not None and row.prev is not None and row.prev_span is not None:
                    # the comparison column a heading names (本报告期 上年同期): the same row a year before
                    before = dataclasses.replace(row, amount=row.prev, start=row.prev_span[0], end=row.prev_span[1],
                                                 change=None, change_span=None)
                    fig2 = _row_figure(vocab, text, before, prior, totals, scale, rid, currency, None, company)
                    if fig2 is not None:
                        out.append(fig2)
    return out


def _prior_period(vocab: ReportVocab, text: str, he: int, rows: list[tuple[TableRow, Any]],
                  period: Fact | None) -> str | None:
    """The period of a table's second column, when the heading between its units header and its first row names
    it the same period a year before (本报告期 上年同期): the table's period a year earlier."""
    if vocab.table_prior_column is None or period is None or not rows or not isinstance(period.value, str):
        return None
    first = min(r.start for r, _ in rows)  # (a first label may take the heading line in)
    if not vocab.table_prior_column.search(text, he, first):
        return None
    m = _YEAR.search(period.value)
    return period.value[:m.start()] + str(int(m.group(0)) - 1) + period.value[m.end():] if m else None


def _headers(text: str, lang: str, vocab: ReportVocab) -> list[tuple[int, int, int, str]]:
    """Units headers: those the money grammar scales by, then the tables' own ("(€ million)", "RMB'000")."""
    headers = list(scale_headers(text, lang))
    low = text.lower()
    for (rx, scale, rid), lits in zip(vocab.table_headers, vocab.table_header_literals, strict=True):
        if lits is not None and not any(w in low for w in lits):
            continue  # (none of the words each of its matches holds)
        headers += [(h.start(), h.end(), scale, rid) for h in rx.finditer(text)
                    if not any(a < h.end() and h.start() < b for a, b, _, _ in headers)]
    return headers + _later_tables(text, vocab, headers)


#: how many lines under a units header its own table's heading is looked for (``table_columns``)
_HEADING_LINES = 14


def _later_tables(text: str, vocab: ReportVocab, headers: list[tuple[int, int, int, str]]) -> list[tuple[int, int, int,
                                                                                                            str]]:
    """Tables further down a note headed once by its units ("(in thousands, except per share amounts)" at the top,
    "Year Ended December 31, / 2025 2024" twenty lines below): each column heading past the reach of the header's own
    table, before the next header, is read with the header's scale."""
    group = vocab.fig_rx.rules.get("fig.column_group")
    if group is None or not headers:
        return []
    deal = vocab.fig_rx.rules.get("fig.agreement_table")
    out: list[tuple[int, int, int, str]] = []
    ordered = sorted(headers)
    for i, (_, he, scale, rid) in enumerate(ordered):
        stop = ordered[i + 1][0] if i + 1 < len(ordered) else len(text)
        reach = he
        for _ in range(_HEADING_LINES):
            nl = text.find("\n", reach + 1)
            if nl < 0 or nl >= stop:
                reach = stop
                break
            reach = nl
        for m in group.regex.finditer(text, reach, stop):
            ls = text.rfind("\n", 0, m.start()) + 1
            intro = text.rfind("\n", 0, max(0, ls - 1)) + 1  # (the line before the heading)
            if deal is not None and deal.regex.search(text, text.rfind("\n", 0, max(0, intro - 1)) + 1, ls):
                continue
            if not out or out[-1][0] != ls:
                out.append((ls, ls, scale, rid))
    return out


def _balance_sheet(vocab: ReportVocab, text: str, row: TableRow) -> bool:
    """Whether a row's label is a balance-sheet line that holds a metric word ("Deferred revenue 27.4", 合同负债)."""
    return any(x.rule.endswith("balance_sheet") for x in vocab.not_figures_in(text, row.label.start, row.label.end))


def _target(vocab: ReportVocab, text: str, hs: int, facts: list[Fact]) -> tuple[Fact | None, bool]:
    """The company whose table a filing introduces right before a units header ("the audited financial information
    of the Target Company for the two years ended …": the company it defined as "Target Company"), and whether the
    intro names every column's year as reported (two or three years)."""
    rule = vocab.fig_rx.rules.get("fig.target_table")
    if rule is None:
        return None, False
    m = None
    for found in rule.regex.finditer(text, max(0, hs - 400), hs):
        m = found  # (the last intro before the header)
    if m is None:
        return None, False
    term = m.group("t")
    gap = vocab.fig_rx["fig.target_defined"]
    for q in (f'"{term}"', f"“{term}”", f"「{term}」"):
        at = text.find(q)
        if at < 0:
            continue
        name = next((f for f in reversed(facts) if f.label == "org" and at - 12 <= f.end <= at
                     and gap.fullmatch(text, f.end, at)), None)
        if name is not None:
            return name, m.group("all") is not None
    return None, False


def _header_rows(vocab: ReportVocab, text: str, hs: int, he: int,
                 every: bool = False) -> tuple[list[tuple[TableRow, Any]], Fact | None]:
    """The rows under a header with the period of each, and the period the header states for all of them (None
    when the table's heading names its columns' periods); ``every``: each column's cells, not the current ones."""
    line_end = text.find("\n", he)
    line_end = len(text) if line_end < 0 else line_end
    heads = [p for p in vocab.periods_in(text, he, line_end) if p.value]
    before = [p for p in vocab.periods_in(text, max(0, hs - 600), hs) if p.value and p.extra.get("explicit_year")]
    period = heads[0] if heads else (before[-1] if before else None)
    flat = flat_table_rows(vocab, text, he)  # a table flattened onto the header's own line
    found = table_columns(vocab, text, hs, he) if len(flat) < 2 else None
    if found is not None:
        cols, rows_at = found
        if every:
            cols = [dataclasses.replace(c, current=True) for c in cols]
        return column_table_rows(vocab, text, cols, rows_at), None
    rows = [(r, period.value if period is not None else None)
            for r in (flat if len(flat) >= 2 else table_rows(vocab, text, he) or flat)]
    return rows, period


def _row_figure(vocab: ReportVocab, text: str, row: TableRow, col_period: Any, totals: list[TableRow], scale: int,
                rid: str, currency: str, period: Fact | None, company: Fact) -> Figure | None:
    """The figure of one table row: the company's (or its division's), or a product's when the row names one."""
    product = vocab.fig_rx["fig.row_product"].search(row.label.text)
    if totals and row.metric.kind == "revenue" and row not in totals and not product:
        return None
    metric = str(row.metric.extra.get("company_metric") or row.metric.kind)
    amount = row.amount * scale
    if abs(amount) < MIN_AMOUNT:
        return None
    if metric == "net_profit" and amount < 0:
        metric = "net_loss"
    if metric == "net_loss":
        amount = abs(amount)
    value = Money(amount=abs(amount), currency=currency, text=text[row.start:row.end])
    ev = [Evidence(field="value", start=row.start, end=row.end, text=text[row.start:row.end], rule=rid),
          Evidence(field="metric", start=row.metric.start, end=row.metric.end, text=row.metric.text,
                   rule=row.metric.rule)]
    if period is not None:
        ev.append(Evidence(field="period", start=period.start, end=period.end, text=period.text, rule=period.rule))
    if row.change_span is not None and row.change is not None:
        ev.append(Evidence(field="change_pct", start=row.change_span[0], end=row.change_span[1],
                           text=text[row.change_span[0]:row.change_span[1]], rule="table.change"))
    if product:  # "Product revenue, net - Renvexa": the product's sales
        return Figure(subject=product.group("s"), kind="product", metric="product_sales", value=value,
                      period=col_period, change_pct=row.change, evidence=ev)
    # a division's row is the division's ("Pharmaceuticals Division 9,800 …" → "Roche Pharmaceuticals Division")
    unit = vocab.fig_rx["fig.division"].search(row.label.text)
    name = f"{company.text} {unit.group(0)}" if unit else company.text
    return Figure(subject=Party(name=name, canonical=None if unit else getattr(company.value, "canonical", None)),
                  kind="company", metric=metric, value=value,
                  period=col_period, change_pct=row.change, evidence=ev)


def on_table_row(vocab: ReportVocab, text: str, f: Figure) -> bool:
    """Whether a figure's value was read off a table row (a units header scaled it, and its line holds two or
    more numbers and no prose)."""
    ev = next((e for e in f.evidence if e.field == "value"), None)
    if ev is None or not (ev.rule or "").startswith("header."):
        return False
    a = text.rfind("\n", 0, ev.start) + 1
    b = text.find("\n", ev.end)
    b = len(text) if b < 0 else b
    line = text[a:b]
    return len(vocab.fig_rx["fig.num_cell"].findall(line)) >= 2 and not vocab.fig_rx["fig.prose"].search(line)
