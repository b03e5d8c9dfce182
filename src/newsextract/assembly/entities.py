"""Stage 1 of assembly — the article's companies: one key per company, short names unified with their full form,
and the article's own company (the filer or announcer, whom "we" and "the Company" refer to)."""

from __future__ import annotations

import re

from ..facts import Fact
from ..normalize.names import name_key
from ..patterns import load_file
from .types import Entity, EntityTable

__all__ = ["EntityResolver"]


class EntityResolver:
    """Builds the :class:`EntityTable` of one article from its ``org`` and ``define`` facts."""

    def __init__(self, lang: str, patterns_dir: str | None = None) -> None:
        self.lang = lang
        announce = (load_file(lang, "names", patterns_dir).get("references", {}) or {}).get("announcer") or []
        # "X today announced", "X (NASDAQ: XXX)", 公告: the first company named so is the article's own
        self.announcer = re.compile("|".join(announce)) if announce else None

    def resolve(self, text: str, facts: list[Fact]) -> EntityTable:
        orgs = [f for f in facts if f.label == "org"]
        alias = self._aliases(orgs)
        table = EntityTable()
        for f in orgs:
            key = f.value.key
            while key in alias:
                key = alias[key]
            f.extra["ent"] = key
            ent = table.entities.get(key)
            if ent is None:
                ent = table.entities[key] = Entity(key)
            ent.facts.append(f)
            comp = f.value
            if comp.canonical and not ent.canonical:
                ent.canonical, ent.country, ent.kind = comp.canonical, comp.country, comp.kind
        table.self_key = self._self_key(text, facts, orgs)
        return table

    def _aliases(self, orgs: list[Fact]) -> dict[str, str]:
        """Unknown short names → the longer name they begin ("Maiwei" → "Maiwei Biotech"), or the gazetteer
        entry written the same way."""
        names: dict[str, list[str]] = {}
        for f in orgs:
            names.setdefault(f.value.key, []).append(name_key(f.text))
        alias: dict[str, str] = {}
        for k in names:
            if not k.startswith("x:"):
                continue
            kw = k[2:].split()
            if not kw:
                continue
            best = next((other for other, ns in names.items() if other != k and self._extends(k, kw, other, ns)),
                        None)
            if best:
                alias[k] = best
        return alias

    def _extends(self, k: str, kw: list[str], other: str, other_names: list[str]) -> bool:
        for n in other_names:
            nw = n.split()
            if len(nw) > len(kw) and nw[: len(kw)] == kw:
                return True
            # Chinese names have no spaces: 睿拓生物 is 杭州睿拓生物 written without its city
            if self.lang == "zh" and len(n) > len(k) - 2 >= 3 and k[2:] in n:
                return True
            if not other.startswith("x:") and nw == kw:
                return True
        return False

    def _self_key(self, text: str, facts: list[Fact], orgs: list[Fact]) -> str | None:
        for f in facts:
            if f.label == "define" and f.kind == "self":
                before = [o for o in orgs if o.end <= f.start and f.start - o.end < 40]
                if before:
                    return before[-1].extra["ent"]
        if not orgs:
            return None
        first = orgs[0]
        if first.start < 300 and self.announcer is not None and self.announcer.search(text, 0, 400):
            return first.extra["ent"]
        lead = len(text) - len(text.lstrip())
        first_line = text.lstrip().split("\n", 1)[0].strip()
        if first.start < 5 + lead and len(first_line) <= len(first.text) + 6:
            return first.extra["ent"]  # a filing whose first line is the filer's name
        return None
