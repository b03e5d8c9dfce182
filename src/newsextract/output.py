"""Serialising records: JSON, JSON lines, flat CSV rows and a readable table."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from .records import DEAL_MONEY_FIELDS, Deal, Extraction, Money

__all__ = ["to_json", "to_jsonl_line", "flat_rows", "CSV_COLUMNS", "write_csv", "table", "fmt_money"]


def to_json(rec: Extraction, *, indent: int | None = 2) -> str:
    """One record as JSON (amounts as exact JSON numbers, None fields kept so the shape is stable)."""
    return json.dumps(rec.model_dump(mode="json"), ensure_ascii=False, indent=indent, sort_keys=False)


def to_jsonl_line(rec: Extraction) -> str:
    """One record as a single JSON line (no newline inside, newline at the end)."""
    return json.dumps(rec.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":")) + "\n"


CSV_COLUMNS = [
    "doc_id", "deal_index", "deal_type", "status", "licensor", "licensee", "asset", "targets", "modality",
    "territory",
    "upfront_amount", "upfront_currency", "near_term_amount", "near_term_currency",
    "milestones_amount", "milestones_currency", "total_value_amount", "total_value_currency",
    "equity_amount", "equity_currency", "royalty", "announced",
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


def _cut(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def table(records: Iterable[Extraction]) -> str:
    """A readable fixed-width table of the deals found, one line per deal."""
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
    return "\n".join(line.rstrip() for line in lines)


def deal_summary(d: Deal) -> str:
    """One-line description of a deal (used in diffs and logs)."""
    a = d.licensor.name if d.licensor else "?"
    b = d.licensee.name if d.licensee else "?"
    return f"{d.deal_type} {a} -> {b}"
