"""Hand-made gold: the corpus and realdev formats, read into :class:`GoldArticle`."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .equality import _GOLD_ALIASES, FIELDS, MONEY_FIELDS


# --------------------------------------------------------------------------------------------------- gold
@dataclass
class GoldDeal:
    """One gold deal reduced to the scored fields; ``accept`` holds the alternatives per field."""

    values: dict[str, Any]
    accept: dict[str, list[Any]] = field(default_factory=dict)
    optional: bool = False
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    def candidates(self, f: str) -> list[Any]:
        """The gold value of field ``f`` followed by its accepted alternatives."""
        return [self.values.get(f)] + list(self.accept.get(f, []))


@dataclass
class GoldArticle:
    id: str
    lang: str
    deals: list[GoldDeal]
    optional_deals: list[GoldDeal] = field(default_factory=list)
    style: str | None = None
    split: str | None = None
    published: str | None = None
    title: str | None = None
    text_path: Path | None = None
    gold_path: Path | None = None
    #: per kind ("approvals", "figures"): the gold items, or absent when the file was not labelled for the kind
    items: dict[str, list[Any]] = field(default_factory=dict)

    def text(self) -> str:
        if self.text_path is None:
            raise FileNotFoundError(f"no text file for gold article {self.id}")
        return self.text_path.read_text(encoding="utf-8")


def _gold_value(f: str, v: Any) -> Any:
    if f == "targets":
        if v is None:
            return []
        return [str(t) for t in v] if isinstance(v, list) else [str(v)]
    if f in MONEY_FIELDS:
        return v if isinstance(v, dict) and v.get("amount") is not None else None
    if f == "royalty":
        if v in (None, False, "", "no"):
            return None
        if isinstance(v, dict):  # a record-style royalty
            return "tiered" if v.get("tiered") else "yes"
        return "tiered" if v == "tiered" else "yes"
    if isinstance(v, dict):  # a record-style party {"name": ...}
        v = v.get("name")
    return v if v not in ("", None) else None


def _gold_deal(d: dict[str, Any], optional: bool = False) -> GoldDeal:
    d = {_GOLD_ALIASES.get(k, k): v for k, v in d.items()}
    values = {f: _gold_value(f, d.get(f)) for f in FIELDS}
    accept: dict[str, list[Any]] = {}
    for k, alts in (d.get("accept") or {}).items():
        k = _GOLD_ALIASES.get(k, k)
        if k not in FIELDS:
            continue
        alts = alts if isinstance(alts, list) else [alts]
        if k == "targets":
            accept[k] = [None if a is None else _gold_value(k, a) for a in alts]
        else:
            accept[k] = [_gold_value(k, a) for a in alts]
    return GoldDeal(values=values, accept=accept, optional=optional, raw=d)


def gold_from_dict(data: dict[str, Any], *, gold_path: Path | None = None, text_path: Path | None = None,
                   lang: str | None = None) -> GoldArticle:
    """A :class:`GoldArticle` from a parsed gold file of either format.

    >>> g = gold_from_dict({"id": "rd-en-1", "lang": "en", "style": "news", "deals": [
    ...     {"licensor": "A", "total": {"amount": 5, "currency": "USD"}, "accept": {"total": [None]}}]})
    >>> g.deals[0].values["total_value"], g.deals[0].accept, g.split
    ({'amount': 5, 'currency': 'USD'}, {'total_value': [None]}, None)
    """
    from .reports import KINDS, gold_items

    items = {k: v for k in KINDS if (v := gold_items(k, data)) is not None}
    art_id = str(data.get("id") or (gold_path.name.split(".")[0] if gold_path else "?"))
    return GoldArticle(
        id=art_id,
        lang=str(data.get("lang") or lang or "en"),
        deals=[_gold_deal(d) for d in data.get("deals") or []],
        optional_deals=[_gold_deal(d, optional=True) for d in data.get("optional_deals") or []],
        style=data.get("style"),
        split=data.get("split"),
        published=data.get("published"),
        title=data.get("title"),
        text_path=text_path,
        gold_path=gold_path,
        items=items,
    )


def load_gold(path: str | Path) -> GoldArticle:
    """Read one gold file (``<id>.gold.json`` or realdev ``<id>.json``); the text is ``<id>.txt`` beside it."""
    p = Path(path)
    data = json.loads(p.read_text(encoding="utf-8"))
    stem = p.name[: -len(".gold.json")] if p.name.endswith(".gold.json") else p.stem
    txt = p.with_name(stem + ".txt")
    lang = p.parent.name if p.parent.name in ("en", "zh") else None
    return gold_from_dict(data, gold_path=p, text_path=txt if txt.is_file() else None, lang=lang)


def _is_gold_file(p: Path) -> bool:
    if "snapshots" in p.parts:
        return False
    if p.name.endswith(".gold.json"):
        return True
    # realdev: <id>.json with <id>.txt beside it
    return p.suffix == ".json" and p.with_suffix(".txt").is_file()


def iter_gold(root: str | Path, *, split: str | None = None, lang: str | None = None,
              ids: Iterable[str] | None = None) -> Iterator[GoldArticle]:
    """Every gold article under ``root`` (recursively, sorted by path), optionally filtered.

    ``root`` may also be a single gold file. Snapshot folders are skipped.
    """
    root = Path(root)
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*.json") if _is_gold_file(p))
    wanted = set(ids) if ids else None
    for p in files:
        g = load_gold(p)
        if split and g.split != split:
            continue
        if lang and g.lang != lang:
            continue
        if wanted is not None and g.id not in wanted:
            continue
        yield g
