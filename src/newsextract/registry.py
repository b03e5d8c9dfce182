"""The company registry: one canonical record per company, built from the gazetteer files.

``patterns/en/companies.yml`` and ``patterns/zh/companies.yml`` list the same companies under the same ``id``; the
registry joins them into :class:`Company` records (English name, Chinese name, aliases in both scripts, ISO country,
kind, parent) and resolves a party name as written in an article to one of them.

>>> reg = get_registry()
>>> reg.lookup("恒瑞医药").id, reg.lookup("Jiangsu Hengrui").id, reg.lookup("Hengrui Medicine").name
('hengrui', 'hengrui', 'Jiangsu Hengrui Medicine')
>>> c = reg.lookup("三生国健")
>>> c.id, c.name_zh, c.parent, reg.root(c.id)
('sunshine_guojian', '三生国健', '3sbio', '3sbio')
>>> reg.lookup("Some Unknown Startup") is None
True
>>> reg.resolve(Party(name="三生制药"))
Party(id='3sbio', name='三生制药', canonical='3SBio', country='CN')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from .errors import E, PatternError
from .normalize.names import fold, name_key
from .patterns import load_file
from .records import Party

__all__ = ["KINDS", "Company", "Registry", "get_registry", "party_key"]

#: what a company is; ``big_pharma`` is a pharma company of the global top tier.
KINDS: tuple[str, ...] = ("pharma", "big_pharma", "biotech", "fund", "investor", "academic", "other")
#: keys an entry of ``companies.yml`` may have.
_ENTRY_KEYS = frozenset({"id", "name", "aliases", "country", "kind", "en", "parent"})
_CJK = re.compile(r"[\u3400-\u9fff]")
_PAREN = re.compile(r"\s*[(（]([^()（）]*)[)）]\s*")


@dataclass
class Company:
    """One canonical company."""

    id: str
    name: str
    name_zh: str | None = None
    aliases: list[str] = field(default_factory=list)
    aliases_zh: list[str] = field(default_factory=list)
    country: str | None = None
    kind: str | None = None
    parent: str | None = None


def _check_entry(raw: object, where: str) -> dict:
    if not isinstance(raw, dict) or "id" not in raw or "name" not in raw:
        raise PatternError(E.E010.format(path=where, reason=f"a company entry needs 'id' and 'name': {raw!r}"))
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise PatternError(E.E010.format(path=where, reason=f"unknown keys {sorted(unknown)} in company {raw['id']!r}"))
    kind = raw.get("kind")
    if kind is not None and kind not in KINDS:
        raise PatternError(E.E010.format(path=where, reason=f"company {raw['id']!r}: kind {kind!r} is not one of {KINDS}"))
    country = raw.get("country")
    if country is not None and not re.fullmatch(r"[A-Z]{2}", str(country)):
        raise PatternError(E.E010.format(path=where, reason=f"company {raw['id']!r}: country {country!r} is not ISO 3166 alpha-2"))
    return raw


class Registry:
    """Canonical companies and a resolver from names as written to them.

    Resolution tries, in order: the exact surface form (name or alias, either script); the name key
    (``normalize.names.name_key``: case, punctuation and company suffixes ignored); the name without a bracketed
    aside, and the aside itself ("Merck Sharp & Dohme (MSD)"); the longest known name the written one starts with
    ("BeiGene Switzerland" → BeiGene, 百济神州瑞士 → 百济神州) or, in Chinese, contains (上海翰森生物 → 翰森).
    """

    def __init__(self, patterns_dir: str | None = None) -> None:
        self.companies: dict[str, Company] = {}
        for lang in ("en", "zh"):
            where = f"{lang}/companies.yml"
            for raw in load_file(lang, "companies", patterns_dir).get("entries", []) or []:
                raw = _check_entry(raw, where)
                cid = str(raw["id"])
                names = [str(raw["name"])] + [str(a) for a in raw.get("aliases", []) or []]
                comp = self.companies.get(cid)
                if comp is None:
                    comp = self.companies[cid] = Company(cid, str(raw.get("en") or raw["name"]))
                if lang == "en":
                    comp.name = str(raw["name"])
                    comp.aliases.extend(n for n in names[1:] if n not in comp.aliases)
                else:
                    comp.name_zh = str(raw["name"])
                    comp.aliases_zh.extend(n for n in names[1:] if n not in comp.aliases_zh)
                for k in ("country", "kind", "parent"):
                    if raw.get(k) is not None:
                        setattr(comp, k, str(raw[k]))
        for comp in self.companies.values():
            if comp.parent is not None and comp.parent not in self.companies:
                raise PatternError(E.E010.format(path="companies.yml", reason=f"company {comp.id!r}: unknown parent {comp.parent!r}"))
            self.root(comp.id)  # raises on a cycle
        self._surface: dict[str, str] = {}
        self._keys: dict[str, str] = {}
        for comp in self.companies.values():
            for n in self.names(comp):
                self._surface.setdefault(fold(n).strip(), comp.id)
                key = name_key(n)
                if key and (len(key) >= 3 or _CJK.search(key)):
                    self._keys.setdefault(key, comp.id)
        # Chinese keys, for "the longest known name a written name contains"
        self._cjk_keys = {k for k in self._keys if _CJK.search(k) and len(k) >= 2}

    # -- reading ------------------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.companies)

    def __iter__(self) -> Iterator[Company]:
        return iter(self.companies.values())

    def get(self, cid: str | None) -> Company | None:
        return self.companies.get(cid) if cid else None

    @staticmethod
    def names(comp: Company) -> list[str]:
        """Every name of a company, both scripts, canonical names first."""
        out = [comp.name] + ([comp.name_zh] if comp.name_zh else []) + comp.aliases + comp.aliases_zh
        return list(dict.fromkeys(out))

    def root(self, cid: str) -> str:
        """The top of the company's parent chain (itself when it has no parent)."""
        seen = [cid]
        comp = self.companies.get(cid)
        while comp is not None and comp.parent:
            if comp.parent in seen:
                raise PatternError(E.E010.format(path="companies.yml", reason=f"parent cycle {' → '.join(seen + [comp.parent])}"))
            seen.append(comp.parent)
            comp = self.companies.get(comp.parent)
        return seen[-1]

    # -- resolving ----------------------------------------------------------------------------------------
    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one registry per process; names repeat across articles
    def _lookup_id(self, name: str) -> str | None:
        s = fold(name).strip()
        if not s:
            return None
        got = self._surface.get(s)
        if got:
            return got
        key = name_key(s)
        if key in self._keys:
            return self._keys[key]
        m = _PAREN.search(s)
        if m:
            for part in (_PAREN.sub(" ", s).strip(), m.group(1).strip()):
                if part and part != s:
                    got = self._lookup_id(part)
                    if got:
                        return got
        if not key:
            return None
        if _CJK.search(key):  # the longest known Chinese name inside the written one
            for n in range(len(key) - 1, 1, -1):
                for i in range(len(key) - n + 1):
                    if key[i:i + n] in self._cjk_keys:
                        return self._keys[key[i:i + n]]
            return None
        words = key.split(" ")
        for n in range(len(words) - 1, 0, -1):  # the longest known name the written one starts with
            k = " ".join(words[:n])
            if len(k) >= 4 and k in self._keys:
                return self._keys[k]
        return None

    def lookup(self, name: str | None) -> Company | None:
        """The company a written name refers to, or None."""
        if not name:
            return None
        cid = self._lookup_id(name)
        return self.companies.get(cid) if cid else None

    def resolve(self, party: Party | None) -> Party | None:
        """The party with ``id``, ``canonical`` and ``country`` filled where the registry knows the company.

        A party that already carries an ``id`` keeps it; otherwise its ``canonical`` name, then its ``name``
        are looked up.
        """
        if party is None:
            return None
        comp = self.get(party.id) or self.lookup(party.canonical) or self.lookup(party.name)
        if comp is None:
            return party
        return party.model_copy(update={"id": comp.id, "canonical": party.canonical or comp.name,
                                        "country": party.country or comp.country})


def party_key(party: Party | None, registry: Registry) -> str | None:
    """A stable identity for a party: the registry id, else ``x:`` + the name key (None without a name).

    >>> reg = get_registry()
    >>> party_key(Party(name="Pfizer Inc."), reg), party_key(Party(name="Acme Bio, Inc."), reg)
    ('pfizer', 'x:acme')
    """
    if party is None or not party.name.strip():
        return None
    comp = registry.get(party.id) or registry.lookup(party.canonical) or registry.lookup(party.name)
    if comp is not None:
        return comp.id
    key = name_key(party.canonical or party.name)
    return f"x:{key}" if key else None


@functools.lru_cache(maxsize=4)
def get_registry(patterns_dir: str | None = None) -> Registry:
    """The registry of the packaged (or given) gazetteer files, built once per process."""
    return Registry(patterns_dir)
