"""Reading extraction records for the ledger: one JSON line → a :class:`Parsed` record or a :class:`Malformed` one.

The ledger reads the JSON form of :class:`~newsextract.records.Extraction` leniently at the top level (records of
newer releases carry more keys; ``approvals`` and ``figures`` are kept as they are) and strictly per deal (each deal
is validated by :class:`~newsextract.records.Deal`). A line that cannot be read is counted and reported, never fatal.

>>> parse_line('{"doc_id": "a", "published": "2025-07-01", "deals": []}').doc_id
'a'
>>> parse_line('{"doc_id": 3}').reason
'no doc_id string'
>>> parse_line('{"doc_id": "a", "deals": [{"upfront": {"amount": -1, "currency": "USD", "text": "x"}}]}').reason
'deal 0: upfront.amount: Value error, amount must not be negative, got -1'
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from ..records import Deal

__all__ = ["Parsed", "Malformed", "parse_line", "parse_record", "OTHER_KINDS"]

#: record kinds besides deals that the ledger stores as mentions (linked once a linker exists for them).
OTHER_KINDS = {"approvals": "approval", "figures": "figure"}


@dataclass
class Parsed:
    doc_id: str
    record_hash: str
    content_hash: str | None
    url: str | None
    title: str | None
    published: dt.date | None
    lang: str | None
    error: str | None
    deals: list[Deal]
    deal_json: list[dict[str, Any]]
    others: dict[str, list[Any]] = field(default_factory=dict)  # kind → raw records


@dataclass
class Malformed:
    reason: str


def _date(v: Any) -> dt.date | None:
    if v in (None, ""):
        return None
    return dt.date.fromisoformat(str(v)[:10])


def parse_record(obj: Any) -> Parsed | Malformed:
    """A record dict (the JSON form of an Extraction) → :class:`Parsed`, or why it cannot be read."""
    if not isinstance(obj, dict):
        return Malformed(f"not a JSON object ({type(obj).__name__})")
    doc_id = obj.get("doc_id")
    if not isinstance(doc_id, str) or not doc_id:
        return Malformed("no doc_id string")
    raw_deals = obj.get("deals") or []
    if not isinstance(raw_deals, list):
        return Malformed("deals is not a list")
    deals = []
    for i, d in enumerate(raw_deals):
        try:
            deals.append(Deal.model_validate(d))
        except ValidationError as exc:
            err = exc.errors()[0]
            loc = ".".join(str(x) for x in err["loc"])
            return Malformed(f"deal {i}: {loc}: {err['msg']}")
    try:
        published = _date(obj.get("published"))
    except ValueError:
        return Malformed(f"published is not a date: {obj.get('published')!r}")
    body = {k: v for k, v in obj.items() if k != "text"}
    record_hash = hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()
    text = obj.get("text")
    content_hash = hashlib.sha256(text.encode()).hexdigest() if isinstance(text, str) and text else None
    others = {kind: list(obj[key]) for key, kind in OTHER_KINDS.items() if isinstance(obj.get(key), list) and obj[key]}
    return Parsed(doc_id, record_hash, content_hash, _str(obj.get("url")), _str(obj.get("title")), published,
                  _str(obj.get("lang")), _str(obj.get("error")), deals,
                  [d.model_dump(mode="json") for d in deals], others)


def _str(v: Any) -> str | None:
    return v if isinstance(v, str) and v else None


def parse_line(line: str) -> Parsed | Malformed:
    """One JSON line → :class:`Parsed` or :class:`Malformed`."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return Malformed(f"not JSON: {exc.msg} at column {exc.colno}")
    return parse_record(obj)
