"""Serialising records: JSON, JSON lines, flat CSV rows and a readable table."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from .records import DEAL_MONEY_FIELDS, Approval, Deal, Extraction, Figure, Money, Quantity

__all__ = ["to_json", "to_jsonl_line", "flat_rows", "CSV_COLUMNS", "write_csv", "table", "fmt_money",
           "APPROVAL_COLUMNS", "FIGURE_COLUMNS", "approval_rows", "figure_rows", "write_kind_csv", "fmt_value"]


def to_json(rec: Extraction, *, indent: int | None = 2) -> str:
    """One record as JSON (amounts as exact JSON numbers, None fields kept so the shape is stable)."""
    return json.dumps(rec.model_dump(mode="json"), ensure_ascii=False, indent=indent, sort_keys=False)


def to_jsonl_line(rec: Extraction) -> str:
    """One record as a single JSON line (no newline inside, newline at the end)."""
    return json.dumps(rec.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":")) + "\n"


CSV_COLUMNS = [
    "doc_id", "deal_index", "deal_type", "status", "licensor", "licensee", "asset", "targets", "modality",
    "indications", "territory",
    *(f"{f}_{part}" for f in DEAL_MONEY_FIELDS for part in ("amount", "currency")),
    "royalty", "announced",
]


def _money_cells(m: Money | None) -> tuple[str, str]:
    if m is None:
        return "", ""
    return format(m.amount.normalize(), "f"), m.currency


def flat_rows(rec: Extraction) -> list[dict[str, Any]]:
    """One flat dict per deal (money as amount + currency), for CSV and spreadsheets."""
    rows = []
    for i, d in enumerate(rec.deals):
        row: dict[str, Any] = {
            "doc_id": rec.doc_id,
            "deal_index": i,
            "deal_type": d.deal_type,
            "status": d.status,
            "licensor": d.licensor.name if d.licensor else "",
            "licensee": d.licensee.name if d.licensee else "",
            "asset": d.asset or "",
            "targets": "; ".join(d.targets),
            "modality": d.modality or "",
            "indications": "; ".join(d.indications),
            "territory": d.territory or "",
            "royalty": ("tiered" if d.royalty.tiered else "yes") if d.royalty else "",
            "announced": d.announced.isoformat() if d.announced else "",
        }
        for f in DEAL_MONEY_FIELDS:
            row[f"{f}_amount"], row[f"{f}_currency"] = _money_cells(getattr(d, f))
        rows.append(row)
    return rows


def write_csv(records: Iterable[Extraction], fh: io.TextIOBase) -> int:
    w = csv.DictWriter(fh, fieldnames=CSV_COLUMNS)
    w.writeheader()
    n = 0
    for rec in records:
        for row in flat_rows(rec):
            w.writerow(row)
            n += 1
    return n


APPROVAL_COLUMNS = ["doc_id", "approval_index", "regulator", "event", "designation", "drug", "brand", "code",
                    "company", "indication", "date"]
FIGURE_COLUMNS = ["doc_id", "figure_index", "subject", "kind", "metric", "value_amount", "value_currency",
                  "value_unit", "period", "change_pct"]


def approval_rows(rec: Extraction) -> list[dict[str, Any]]:
    """One flat dict per approval, for CSV and spreadsheets."""
    out = []
    for i, a in enumerate(rec.approvals):
        out.append({"doc_id": rec.doc_id, "approval_index": i, "regulator": a.regulator or "", "event": a.event,
                    "designation": a.designation or "", "drug": a.drug or "", "brand": a.brand or "",
                    "code": a.code or "", "company": a.company.name if a.company else "",
                    "indication": a.indication or "", "date": a.date or ""})
    return out


def figure_rows(rec: Extraction) -> list[dict[str, Any]]:
    """One flat dict per figure (value as amount + currency or unit), for CSV and spreadsheets."""
    out = []
    for i, f in enumerate(rec.figures):
        v = f.value
        out.append({"doc_id": rec.doc_id, "figure_index": i, "subject": f.subject_name, "kind": f.kind,
                    "metric": f.metric, "value_amount": format(v.amount.normalize(), "f"),
                    "value_currency": v.currency if isinstance(v, Money) else "",
                    "value_unit": v.unit if isinstance(v, Quantity) else "", "period": f.period or "",
                    "change_pct": "" if f.change_pct is None else f.change_pct})
    return out


def write_kind_csv(records: Iterable[Extraction], fh: io.TextIOBase, kind: str) -> int:
    """Approvals (``kind="approvals"``) or figures of many records as CSV; returns the number of rows."""
    cols, rows_of = (APPROVAL_COLUMNS, approval_rows) if kind == "approvals" else (FIGURE_COLUMNS, figure_rows)
    w = csv.DictWriter(fh, fieldnames=cols)
    w.writeheader()
    n = 0
    for rec in records:
        for row in rows_of(rec):
            w.writerow(row)
            n += 1
    return n


_SCALES = ((10**12, "T"), (10**9, "B"), (10**6, "M"), (10**3, "K"))


def fmt_money(m: Money | None) -> str:
    """Short human form: ``USD 1.25B``, ``≤USD 571M``.

    >>> from decimal import Decimal
    >>> fmt_money(Money(amount=Decimal(571000000), currency="USD", text="", upper_bound=True))
    '≤USD 571M'
    """
    if m is None:
        return ""
    amt = m.amount
    num, suffix = f"{amt.normalize():f}", ""
    for scale, name in _SCALES:
        if amt >= scale:
            num, suffix = f"{(amt / scale).normalize():f}", name
            break
    pre = "≤" if m.upper_bound else (">" if m.lower_bound else ("~" if m.approximate else ""))
    return f"{pre}{m.currency} {num}{suffix}"


def fmt_value(v: Money | Quantity) -> str:
    """A figure's value, short: ``CNY 5.823B``, ``27.8%``, ``3258 projects``."""
    if isinstance(v, Money):
        return fmt_money(v)
    unit = v.unit if v.unit == "%" else f" {v.unit}"
    return f"{v.amount.normalize():f}{unit}"


def _cut(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def table(records: Iterable[Extraction]) -> str:
    """A readable fixed-width table of the deals found, one line per deal; approvals and figures below it."""
    records = list(records)
    cols = [("doc", 14), ("type", 11), ("status", 10), ("licensor (payee)", 24), ("licensee (payer)", 22),
            ("asset", 12), ("targets", 14), ("upfront", 11), ("milestones", 11), ("total", 11)]
    lines = ["  ".join(f"{name:<{w}}" for name, w in cols)]
    lines.append("  ".join("-" * w for _, w in cols))
    for rec in records:
        if rec.error:
            lines.append(f"{_cut(rec.doc_id, 14):<14}  ERROR: {rec.error}")
            continue
        for d in rec.deals:
            cells = [rec.doc_id, d.deal_type, d.status,
                     d.licensor.name if d.licensor else "-", d.licensee.name if d.licensee else "-",
                     d.asset or "", "/".join(d.targets), fmt_money(d.upfront), fmt_money(d.milestones),
                     fmt_money(d.total_value)]
            lines.append("  ".join(f"{_cut(str(c), w):<{w}}" for c, (_, w) in zip(cells, cols, strict=True)))
    return "\n".join(line.rstrip() for line in lines) + kinds_table(records)


def kinds_table(records: Iterable[Extraction]) -> str:
    """Approvals and figures of the records, one line each (empty string when there are none)."""
    a_cols = [("doc", 14), ("regulator", 10), ("event", 16), ("drug", 24), ("company", 24), ("date", 10)]
    f_cols = [("doc", 14), ("subject", 26), ("metric", 15), ("value", 14), ("period", 10), ("change %", 8)]
    a_lines: list[str] = []
    f_lines: list[str] = []
    for rec in records:
        for a in rec.approvals:
            cells = [rec.doc_id, a.regulator or "-", a.event + (f"/{a.designation}" if a.designation else ""),
                     a.drug or "-", a.company.name if a.company else "-", a.date or ""]
            a_lines.append("  ".join(f"{_cut(str(c), w):<{w}}" for c, (_, w) in zip(cells, a_cols, strict=True)))
        for f in rec.figures:
            cells = [rec.doc_id, f.subject_name, f.metric, fmt_value(f.value), f.period or "-",
                     "" if f.change_pct is None else f"{f.change_pct:+g}"]
            f_lines.append("  ".join(f"{_cut(str(c), w):<{w}}" for c, (_, w) in zip(cells, f_cols, strict=True)))
    out: list[str] = []
    for title, cols, lines in (("approvals", a_cols, a_lines), ("figures", f_cols, f_lines)):
        if lines:
            out += ["", title, "  ".join(f"{n:<{w}}" for n, w in cols), "  ".join("-" * w for _, w in cols), *lines]
    return ("\n" if out else "") + "\n".join(line.rstrip() for line in out)


def approval_summary(a: Approval) -> str:
    """One-line description of an approval (used in diffs and logs)."""
    return f"{a.regulator or '?'} {a.event} {a.drug or (a.company.name if a.company else '?')}"


def figure_summary(f: Figure) -> str:
    """One-line description of a figure (used in diffs and logs)."""
    return f"{f.subject_name} {f.metric} {fmt_value(f.value)} {f.period or ''}".rstrip()


def deal_summary(d: Deal) -> str:
    """One-line description of a deal (used in diffs and logs)."""
    a = d.licensor.name if d.licensor else "?"
    b = d.licensee.name if d.licensee else "?"
    return f"{d.deal_type} {a} -> {b}"
