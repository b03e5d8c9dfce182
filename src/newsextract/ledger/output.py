"""Writing ledger deals: a table for people, CSV for spreadsheets, JSON lines for programs; one deal in words.

>>> from decimal import Decimal
>>> print(short_money(Decimal("1250000000"), "USD"), short_money(Decimal("571000000"), "CNY"), short_money(None, None))
USD 1.25B CNY 571M -
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from ..records import decimal_to_json
from .queries import TABLE_COLUMNS

__all__ = ["short_money", "table", "to_csv", "to_jsonl", "show_text", "jsonable"]

_SCALES = ((10**12, "T"), (10**9, "B"), (10**6, "M"), (10**3, "K"))


def short_money(amount: Decimal | None, currency: str | None) -> str:
    if amount is None:
        return "-"
    for div, suffix in _SCALES:
        if amount >= div:
            v = (Decimal(amount) / div).quantize(Decimal("0.01")).normalize()
            return f"{currency} {format(v, 'f')}{suffix}"
    return f"{currency} {format(Decimal(amount).normalize(), 'f')}"


def jsonable(v: Any) -> Any:
    if isinstance(v, Decimal):
        return decimal_to_json(v)
    if isinstance(v, dt.date | dt.datetime):
        return v.isoformat()
    if isinstance(v, dict):
        return {k: jsonable(x) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [jsonable(x) for x in v]
    return v


def _cell(d: dict[str, Any], col: str) -> str:
    if col in ("upfront", "total_value"):
        return short_money(d.get(f"{col}_amount"), d.get(f"{col}_currency"))
    v = d.get(col)
    if v is None:
        return "-"
    if isinstance(v, list):
        return ", ".join(v)
    return str(v)


def _width(s: str) -> int:
    return sum(2 if "\u2e80" <= ch <= "\uffef" else 1 for ch in s)


def _fit(s: str, n: int) -> str:
    while _width(s) > n:
        s = s[:-2] + "…"
    return s + " " * (n - _width(s))


def table(deals: list[dict[str, Any]], *, max_width: int = 28) -> str:
    """A fixed-width table of deals (wide characters count double)."""
    heads = {"id": "id", "licensor": "licensor (payee)", "licensee": "licensee (payer)", "deal_type": "type",
             "stage": "stage", "asset": "asset", "targets": "targets", "upfront": "upfront",
             "total_value": "total", "year": "year", "n_sources": "src"}
    cells = [[_cell(d, c) for c in TABLE_COLUMNS] for d in deals]
    widths = [min(max([_width(heads[c])] + [_width(r[i]) for r in cells]), max_width)
              for i, c in enumerate(TABLE_COLUMNS)]
    lines = ["  ".join(_fit(heads[c], w) for c, w in zip(TABLE_COLUMNS, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for r in cells:
        lines.append("  ".join(_fit(x, w) for x, w in zip(r, widths, strict=True)).rstrip())
    return "\n".join(lines)


def to_csv(deals: Iterable[dict[str, Any]]) -> str:
    rows = [jsonable(d) for d in deals]
    if not rows:
        return ""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rows[0]))
    w.writeheader()
    for r in rows:
        r = dict(r)
        if isinstance(r.get("targets"), list):
            r["targets"] = "; ".join(r["targets"])
        w.writerow(r)
    return buf.getvalue()


def to_jsonl(items: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps(jsonable(d), ensure_ascii=False) + "\n" for d in items)


def show_text(info: dict[str, Any]) -> str:
    """One merged deal in words: header, each field's values (chosen first, with why and the quote), history,
    sources."""
    d = info["deal"]
    out = [f"deal {d['id']}: {d['licensor'] or '?'} → {d['licensee'] or '?'} ({d['deal_type']}, {d['stage']}), "
           f"{d['n_sources']} source{'s' if d['n_sources'] != 1 else ''}"]
    for fname, values in info["fields"].items():
        out.append(f"  {fname}:")
        for v in values:
            mark = "*" if v["chosen"] else ("x" if not v["active"] else " ")
            why = f"  [{v['reason']}]" if v["chosen"] and v["reason"] else ""
            quote = f'  “{v["evidence"]}”' if v["evidence"] else ""
            pub = v["published"].isoformat() if v["published"] else "undated"
            out.append(f"    {mark} {v['display']}{why} — {v['doc_id']} ({pub}){quote}")
    out.append("  history:")
    for h in info["history"]:
        when = h["date"].isoformat() if h["date"] else "undated"
        src = f" ({h['date_source']})" if h["date_source"] else ""
        out.append(f"    {when}{src}  {h['stage']}  — {h['doc_id']}" + ("" if h["active"] else "  [superseded]"))
    out.append("  sources:")
    for s in info["sources"]:
        pub = s["published"].isoformat() if s["published"] else "undated"
        title = f" “{s['title']}”" if s["title"] else ""
        url = f" {s['url']}" if s["url"] else ""
        out.append(f"    {s['doc_id']} deal {s['idx']} ({pub}){title}{url}  linked: {s['link']}")
    out.append("  (* chosen value, x from a superseded version of an article)")
    return "\n".join(out)
