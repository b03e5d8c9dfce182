"""Results tables under a units header ("单位:人民币千元", "(in millions …)", "(€ million)"): their rows and columns.

Three layouts: rows of a label and its current and prior value (:func:`table_rows`); a heading that names its
columns' periods, then rows of cells (:func:`table_columns`, :func:`column_table_rows`); a table flattened onto the
header's own line (:func:`flat_table_rows`). Amounts are as written (not scaled). The rules are in
``patterns/<lang>/figures.yml`` (``tables`` and the ``fig.table_*`` / ``fig.column_*`` regexes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from ..facts import Fact
from ..normalize.periods import month_number, period_words, year_in

if TYPE_CHECKING:
    from .reports import ReportVocab

__all__ = ["TableColumn", "TableRow", "column_table_rows", "flat_table_rows", "table_columns", "table_rows"]

_YEAR_CELL = re.compile(r"(?:19|20)\d\d")
_CELL_EDGE = " \t|"
_PROSE = re.compile(r"[a-z]{3}|[\u4e00-\u9fff]")  # (a line of words, no column heading)


@dataclass
class TableRow:
    """One row of a results table: its label, the metric the label names, the current value and the change."""

    label: Fact
    metric: Fact
    start: int
    end: int
    amount: Decimal
    change: float | None
    change_span: tuple[int, int] | None
    #: the second value cell (the comparison column, when the table has one) and where it is
    prev: Decimal | None = None
    prev_span: tuple[int, int] | None = None


def table_rows(vocab: ReportVocab, text: str, header_end: int, max_lines: int = 40) -> list[TableRow]:
    """The rows under a units header whose label names a metric ("营业总收入 11,996,406 7,251,228 65.4";
    "Net sales" on one line and "$ 832.1 $ 885.2 (6 )" on the next). Amounts are as written (not scaled)."""
    if vocab.table_values is None:
        return []
    out: list[TableRow] = []
    pos = header_end
    lines: list[tuple[int, int]] = []
    while pos < len(text) and len(lines) < max_lines:
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        if text[pos:end].strip():
            lines.append((pos, end))
        pos = end + 1
    pending: tuple[int, int] | None = None
    for a, b in lines:
        m = None
        for k in range(a, b):  # the values start after the label
            if text[k].isdigit() or text[k] in "$-(":
                if k == a or text[k - 1].isspace():
                    m = vocab.table_values.match(text, k, b)
                    if m:
                        break
        if m is None:
            pending = (a, b) if not any(ch.isdigit() for ch in text[a:b]) else None
            continue
        la, lb = (a, m.start()) if text[a:m.start()].strip() else (pending or (a, a))
        if pending and la == a and lb > a:  # a label broken over two lines ("Net profit attributable to … of the\n
            la = pending[0]                 # listed company  312,875,604.18 …")
        pending = None
        metrics = [f for f in vocab.metrics_in(text, la, lb) if f.kind in vocab.table_metrics or f.kind == "other"]
        if not metrics or not vocab.table_metric(metrics[-1]) or vocab.fig_rx["fig.per_share_row"].search(text, la, lb):
            continue
        cur = m.group("cur")
        chg = m.group("chg")
        change = None
        if chg:
            num = float(re.sub(r"[^\d.]", "", chg))
            change = -num if chg.strip().startswith(("(", "-")) else num
        label = Fact(la, lb, "label", "", None, "table.row", text[la:lb].strip())
        prev = m.groupdict().get("prev")
        out.append(TableRow(label, metrics[-1], m.start("cur"), m.end("cur"), Decimal(cur.replace(",", "")),
                            change, (m.start("chg"), m.end("chg")) if chg else None,
                            Decimal(prev.replace(",", "")) if prev else None,
                            (m.start("prev"), m.end("prev")) if prev else None))
    return out


@dataclass
class TableColumn:
    """One numeric column of a results table: its period and whether it is the current one of its group."""

    period: str | None
    current: bool


def table_columns(vocab: ReportVocab, text: str, header_start: int, header_end: int,
                  max_lines: int = 14) -> tuple[list[TableColumn], int] | None:
    """The columns a results table's heading names ("Three Months Ended … Nine Months Ended / September 30, / 2025
    2024 2025 2024"; "H1 2025  H1 2024  % change"; "For the year ended 31 December / 2024 2023"), and where its
    rows start; None when the heading names fewer than two periods. The current column of each group is the one of
    the latest year."""
    ls = text.rfind("\n", 0, header_start) + 1
    if ls > 0:  # a heading of years right above the units header ("2025 2024" / "RMB'000 RMB'000"): its first line
        ps = text.rfind("\n", 0, ls - 1) + 1
        if len(_YEAR_CELL.findall(text, ps, ls)) >= 2 and not _PROSE.search(text, ps, ls):
            ls = ps
    pos, lines = ls, []
    while pos < len(text) and len(lines) < max_lines:
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        lines.append((max(pos, header_end) if pos <= header_end < end else pos, end))
        pos = end + 1
    best, groups, months, block_end = _heading(vocab, text, lines, header_end)
    if len(best) < 2:
        return None
    return _columns(best, groups, months), block_end


def _heading(vocab: ReportVocab, text: str, lines: list[tuple[int, int]],
             header_end: int) -> tuple[list[Fact], list[tuple[str, int | None]], list[int], int]:
    """The heading lines of a table up to its first row: the most periods one line names, the column groups
    ("Three Months Ended"), the months they end in, and where the rows start."""
    best: list[Fact] = []
    block_end = header_end
    plain: int | None = None
    groups: list[tuple[str, int | None]] = []
    months: list[int] = []
    rx = vocab.fig_rx
    # a heading of one year per line ("2025" / "2024": a table flattened one cell per line), and whether it is the one
    stack: list[Fact] = []
    stacked = False
    for a, b in lines:
        cells = [m for m in rx["fig.table_cell"].finditer(text, a, b) if not _YEAR_CELL.fullmatch(m.group(0).strip())]
        label = text[a:cells[0].start()] if cells else ""
        lone = None if cells else _YEAR_CELL.fullmatch(text[a:b].strip(_CELL_EDGE))
        if lone is None and len(stack) >= 2 and len(stack) >= len(best):
            best, stacked = stack, True
        if lone is None:
            stack = []
        if cells and (len(cells) >= 2 and not label.strip() or label.strip() and any(
                f.kind in vocab.table_metrics for f in vocab.metrics_in(text, a, cells[0].start() + 1))):
            if not label.strip() and plain is not None:
                block_end = plain  # the first row's label stands on a line of its own before its numbers
            break  # the first row
        if stacked and len(cells) == 1 and not label.strip() and plain is not None and any(
                f.kind in vocab.table_metrics for f in vocab.metrics_in(text, plain + 1, a)):
            block_end = plain  # (one cell per line: a row's label, then its cells one under another)
            break
        if text[a:b].strip():
            plain = a - 1 if not cells and not vocab.periods_in(text, a, b) else None
        block_end = b
        for g in rx["fig.column_group"].finditer(text, a, b):
            kind = "fy" if g.group("fy") else "q" if g.group("q") else _month_count(g.group("n").lower())
            groups.append((str(kind), None))
        months += [month_number(m.group("m") or m.group("m2")) or 0
                   for m in rx["fig.column_month"].finditer(text, a, b)]
        found = [p for p in vocab.periods_in(text, a, b) if p.extra.get("explicit_year") and p.kind != "range"]
        if lone is not None and len(found) == 1:
            stack.append(found[0])
        if len(found) >= 2 and len(found) >= len(best):
            best, stacked = found, False
    return best, groups, months, block_end


def _month_count(word: str) -> int:
    """A number of months as written ("six", "6")."""
    return period_words().month_counts.get(word) or int(word)


def _columns(best: list[Fact], groups: list[tuple[str, int | None]], months: list[int]) -> list[TableColumn]:
    """One column per period of the heading; a bare year takes the span of its group ("Nine Months Ended
    September 30," over "2025 2024" → 9M 2025, 9M 2024)."""
    n = len(best)
    per = n // len(groups) if groups and n % len(groups) == 0 else n
    cols: list[TableColumn] = []
    for i, p in enumerate(best):
        yr = year_in(str(p.value or ""))
        period = p.value
        if p.kind == "year" and groups and per:
            kind = groups[min(i // per, len(groups) - 1)][0]
            month = months[min(i // per, len(months) - 1)] if months else 12
            span = {"3": {3: "Q1", 6: "Q2", 9: "Q3", 12: "Q4"}.get(month), "6": "H1" if month == 6 else "H2"
                    if month == 12 else None, "9": "9M" if month == 9 else None, "12": "FY", "fy": "FY"}.get(kind)
            period = None if span is None or yr is None else (f"FY{yr}" if span == "FY" else f"{span} {yr}")
        cols.append(TableColumn(period, False))
    for g in range(0, n, per or n):
        chunk = list(range(g, min(n, g + (per or n))))
        years = [(year_in(str(best[i].value or "")) or 0, i) for i in chunk]
        cols[max(years)[1]].current = True
    return cols


def column_table_rows(vocab: ReportVocab, text: str, cols: list[TableColumn], start: int,
                      max_lines: int = 40) -> list[tuple[TableRow, str | None]]:
    """The rows of a table whose columns :func:`table_columns` read: each row's current cells, with their periods.
    A label broken over lines joins the next line; "(33,957)" is negative; "—" is an empty cell."""
    out: list[tuple[TableRow, str | None]] = []
    pos, n, pending, blank = start, 0, None, 0
    # a heading that names a change column (變動, 同比, "% change"): its % cells are the rows' changes, signed or not
    head = text.rfind("\n", 0, max(0, start - 1)) + 1
    change_col = "fig.change_column" in vocab.fig_rx.rules and \
        vocab.fig_rx["fig.change_column"].search(text, max(0, head - 200), start) is not None
    while pos < len(text) and n < max_lines:
        nl = text.find("\n", pos)
        b = len(text) if nl < 0 else nl
        a, pos, n = pos, b + 1, n + 1
        if not text[a:b].strip():
            blank += 1
            if blank >= 2 and out:
                break
            continue
        blank = 0
        cells = list(vocab.fig_rx["fig.table_cell"].finditer(text, a, b))
        if cells and vocab.fig_rx["fig.prose"].search(text, a, cells[0].start()):
            pending = None  # a sentence under the table ("… expenses were $38.6 million for the three months ended
            continue        # June 30, 2025."): prose, no row whose cells are the columns' ('2025' is no amount)
        if not cells or len(text[a:b].strip()) > 160:
            pending = (a, b) if not cells and len(text[a:b].strip()) <= 80 else None
            continue
        la, lb = a, cells[0].start()
        # (a pipe table's label stands between bars: "| Research and development | 120,455 |")
        alias = next((k for rx, k in vocab.table_labels if rx.fullmatch(text[la:lb].strip(_CELL_EDGE))), None)
        if pending is not None and alias is None and not vocab.metrics_in(text, la, lb):
            la = pending[0]
            if not text[a:lb].strip(_CELL_EDGE):  # (the label alone on the line before: "Research and development")
                alias = next((k for rx, k in vocab.table_labels if rx.fullmatch(text[la:pending[1]].strip(_CELL_EDGE))),
                             None)
        pending = None
        metrics = [f for f in vocab.metrics_in(text, la, lb + 3) if f.start < lb]  # (a word may look at the cell: "虧損 (41,876)")
        if alias is not None:  # "Research and development" alone under "Operating expenses:"
            metrics = [Fact(la, lb, "metric", alias, None, "table.label", text[la:lb].strip())]
        if not metrics or not vocab.table_metric(metrics[-1]) or not text[la:lb].strip() or \
                vocab.fig_rx["fig.per_share_row"].search(text, la, lb):
            continue
        vals = [c for c in cells if not c.group(0).endswith("%")]
        change, span = _row_change(cells, vals, len(cols), text if change_col else None)
        label = Fact(la, lb, "label", "", None, "table.column_row", text[la:lb].strip())
        for i, col in enumerate(cols):
            if not col.current or i >= len(vals) or vals[i].group(0) in ("—", "–"):
                continue
            raw = vals[i].group(0)
            neg = raw.strip().startswith(("(", "-", "−"))
            num = Decimal(re.sub(r"[^\d.]", "", raw) or "0")
            out.append((TableRow(label, metrics[-1], vals[i].start(), vals[i].end(), -num if neg else num,
                                 change if i == 0 else None, span if i == 0 else None), col.period))
    return out


def _row_change(cells: list[re.Match[str]], vals: list[re.Match[str]], n_cols: int,
                text: str | None = None) -> tuple[float | None, tuple[int, int] | None]:
    """The change of a row: its last signed % cell (any % cell under a change column's heading, ``text`` given:
    "317.5%", "(8.5%)" negative), else the cell after the columns ("$ 832.1 $ 885.2 (6 )")."""
    pct = [c for c in cells if c.group(0).endswith("%")]
    change = None
    span = None
    if pct and pct[-1].group(0)[0] in "+-−":
        change = float(re.sub(r"[^\d.]", "", pct[-1].group(0)))
        change = -change if pct[-1].group(0)[0] in "-−" else change
        span = (pct[-1].start(), pct[-1].end())
    elif pct and text is not None:
        c = pct[-1]
        change = float(re.sub(r"[^\d.]", "", c.group(0)))
        change = -change if text[max(0, c.start() - 2):c.start()].strip().endswith(("(", "（")) else change
        span = (c.start(), c.end())
    if change is None and len(vals) > n_cols:
        extra = vals[n_cols].group(0)
        if extra not in ("—", "–"):
            change = float(re.sub(r"[^\d.]", "", extra) or "nan")
            change = -change if extra.strip().startswith(("(", "-", "−")) else change
            span = (vals[n_cols].start(), vals[n_cols].end())
    return change, span


def flat_table_rows(vocab: ReportVocab, text: str, header_end: int, max_chars: int = 2000) -> list[TableRow]:
    """The rows of a results table flattened onto the header's own line ("In millions of CHF … Group sales 12,414
    11,833 100 100 +4 +5 Pharmaceuticals Division 9,800 …"): a label, then its numbers; the first number is the
    current value, the first signed one the change."""
    if vocab.table_flat_row is None:
        return []
    nl = text.find("\n", header_end)
    end = min(len(text) if nl < 0 else nl, header_end + max_chars)
    out: list[TableRow] = []
    for m in vocab.table_flat_row.finditer(text, header_end, end):
        la, lb = m.start("label"), m.end("label")
        # (a metric word may look at the numbers after it: "Division 9,800")
        metrics = [f for f in vocab.metrics_in(text, la, min(end, lb + 16)) if vocab.table_metric(f)
                   and f.start < lb]
        if not metrics:
            continue
        nums = [(n.start(), n.end(), n.group(0)) for n in re.finditer(r"\S+", text[m.start("nums"):m.end("nums")])]
        first = nums[0][2]
        if first[0] in "+-−" or first.endswith("%") or all(_YEAR_CELL.fullmatch(t) for _, _, t in nums):
            continue  # a change, a share, or the header's row of years
        base = m.start("nums")
        chg = next(((base + a, base + b, t) for a, b, t in nums[1:] if t[0] in "+-−"), None)
        change = None
        if chg is not None:
            num = float(re.sub(r"[^\d.]", "", chg[2]) or "nan")
            change = -num if chg[2][0] in "-−" else num
        label = Fact(la, lb, "label", "", None, "table.flat_row", text[la:lb].strip())
        out.append(TableRow(label, metrics[-1], base + nums[0][0], base + nums[0][1],
                            Decimal(first.replace(",", "").strip("()")), change,
                            (chg[0], chg[1]) if chg is not None else None))
    return out
