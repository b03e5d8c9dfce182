"""The company finder of one language: candidates (gazetteer, name shapes, names in context) → named orgs →
unnamed partners, self-references, descriptors and definitions around them."""

from __future__ import annotations

import bisect
import re
from typing import Any

from ..._spans import SpanIndex
from ...facts import Company, Fact
from ...normalize.names import Gazetteer
from ...patterns import Rule, load_file, load_rules, regex_table
from ...triggers import TriggerIndex, analyze, finditer_near
from .forms import defined_short_names, propagate
from .unknown import NameCleaner
from .zh import ZhNames

__all__ = ["CompanyFinder"]


def _starts(rule: Rule, hits: dict[Any, list[int]] | None, key: Any) -> list[int] | None:
    """Where a rule's trigger literals are (None: scan the whole text)."""
    if hits is None or rule.triggers is None:
        return None
    return hits.get(key, [])


class CompanyFinder:
    """Every company-like mention of one language, as ``org`` / ``unnamed`` / ``ref`` / ``define`` facts."""

    def __init__(self, lang: str, pd: str | None = None) -> None:
        self.lang = lang
        self.gazetteer = Gazetteer(lang, pd)
        self.name_rules = load_rules(lang, "names", pd)
        names = load_file(lang, "names", pd)
        self.names = NameCleaner(lang, names, pd)
        refs = names.get("references", {}) or {}
        self_refs = refs.get("self", []) or []
        desc = refs.get("descriptor", []) or []
        # Chinese has no word edges (\w also matches 公司的): zh entries carry their own boundaries
        bl, br = (r"(?<![\w])", r"(?![\w])") if lang == "en" else ("", "")
        self.self_rx = re.compile(bl + "(?:" + "|".join(sorted(self_refs, key=len, reverse=True)) + ")" + br) if self_refs else None
        self.desc_rx = re.compile(bl + "(?:" + "|".join(desc) + ")" + br) if desc else None
        self.unnamed_rules = load_rules(lang, "names", pd, section="unnamed_partner")
        self.context_rules = load_rules(lang, "names", pd, section="context")
        self.defines = load_rules(lang, "names", pd, section="defines")
        #: the name, context, unnamed-partner and define rules, and the self and descriptor references, run only near
        #: their trigger literals (one automaton for all)
        self.refs = {key: analyze(rx.pattern, rx.flags, with_reach=True) if rx is not None else (None, None)
                     for key, rx in (("self", self.self_rx), ("desc", self.desc_rx))}
        self.name_index = TriggerIndex([*(((sec, i), r.index_literals) for sec, rules in
                                          (("name", self.name_rules), ("context", self.context_rules),
                                           ("unnamed", self.unnamed_rules), ("define", self.defines))
                                          for i, r in enumerate(rules)),
                                        *((key, lits) for key, (lits, _) in self.refs.items())])
        self.zh = ZhNames(names, self.name_rules, regex_table(lang, "names", pd)) if lang == "zh" else None

    def find(self, text: str, money_spans: list[tuple[int, int]] | None = None) -> list[Fact]:
        low = text.lower()
        hits = self.name_index.hits(low) if self.name_index.exact(text, low) else None
        orgs = self._orgs(text, money_spans, hits)
        out = list(orgs)
        taken = SpanIndex((f.start, f.end) for f in orgs)
        org_ends = {f.end for f in orgs}
        for i, r in enumerate(self.unnamed_rules):
            named = "name" in r.regex.groupindex  # (the words that lead to it are not the counterparty)
            for m in r.scan(text, low, _starts(r, hits, ("unnamed", i))):
                a, b = m.span("name") if named else m.span()
                if taken.overlaps(a, b) or _appositive(text, a, org_ends):
                    continue
                out.append(Fact(a, b, "unnamed", "", None, r.id, text[a:b]))
        if self.self_rx is not None:
            for m in self._refs("self", self.self_rx, text, hits):
                if taken.overlaps(m.start(), m.end()):
                    continue
                out.append(Fact(m.start(), m.end(), "ref", "self", None, "ref.self", m.group(0)))
        out.extend(self._descriptors(text, orgs, taken, hits))
        for i, r in enumerate(self.defines):
            for m in r.scan(text, low, _starts(r, hits, ("define", i))):
                out.append(Fact(m.start(), m.end(), "define", r.label, m.groupdict(), r.id, text[m.start():m.end()]))
        if self.zh is not None:
            extra = self.zh.defined_full_names(text, orgs, out)
            out.extend(extra)
            orgs = orgs + extra
        out.extend(defined_short_names(text, orgs, out, self.self_rx, self.zh))
        return out

    def _refs(self, key: str, rx: re.Pattern[str], text: str, hits: dict[Any, list[int]] | None) -> Any:
        lits, width = self.refs[key]
        return finditer_near(rx, text, None if hits is None or lits is None else hits.get(key, []), width)

    def _candidates(self, text: str, hits: dict[Any, list[int]] | None = None) -> list[Fact]:
        """Name candidates: gazetteer entries, name shapes and names in context (zh: cleaned of descriptors)."""
        found: list[Fact] = []
        for start, end, entry in self.gazetteer.find(text):
            found.append(Fact(start, end, "org", "gazetteer", Company(entry.id, entry.name, entry.country, entry.kind),
                              "org.gazetteer", text[start:end]))
        for i, r in enumerate(self.name_rules):
            for m in r.scan(text, None, _starts(r, hits, ("name", i))):
                for s, e in self.names.split_headline(text, m.start(), m.end()):
                    s, e = self.names.trim_name(text, s, e)
                    if e - s < 2:
                        continue
                    found.append(Fact(s, e, "org", "shape", None, r.id, text[s:e]))
        for i, r in enumerate(self.context_rules):
            for m in r.scan(text, None, _starts(r, hits, ("context", i))):
                g = next((k for k in ("name", "name2") if k in r.regex.groupindex and m.group(k)), 0)
                parts = self.names.split_headline(text, *m.span(g))
                s, e = parts[0] if r.attrs.get("keep_first") else parts[-1]  # the name next to the cue
                s, e = self.names.trim_name(text, s, e, keep_first=bool(r.attrs.get("keep_first")))
                if e - s < 2:
                    continue
                found.append(Fact(s, e, "org", "context", None, r.id, text[s:e]))
        if self.zh is not None:
            found = self.zh.clean(text, found)
        return found

    def _orgs(self, text: str, money_spans: list[tuple[int, int]] | None,
              hits: dict[Any, list[int]] | None = None) -> list[Fact]:
        """The named companies (``org`` facts) in text order: candidates resolved, none inside an amount, and
        their later mentions (propagated names, zh short forms)."""
        cands = self._candidates(text, hits)
        if money_spans:
            cands = self._after_amounts(text, cands, money_spans)
        orgs = self.names.resolve_overlaps(cands, text)
        if money_spans:
            money = SpanIndex(money_spans)
            orgs = [o for o in orgs if o.kind.startswith("gazetteer") or not money.overlaps(o.start, o.end)]
        if self.names.name_tail is not None:
            orgs = sorted(orgs + propagate(text, orgs, money_spans or [], self.names), key=lambda f: f.start)
        if self.zh is not None:
            orgs = self.zh.short_forms(text, self.zh.list_members(text, orgs), money_spans or [])
        return orgs

    def _after_amounts(self, text: str, cands: list[Fact], money_spans: list[tuple[int, int]]) -> list[Fact]:
        """Candidates, each name shape that starts inside an amount ("$1.2B Deal With Melby Bio" in a title-case
        headline) cut to the name after it (or dropped when none is left)."""
        ordered = sorted(money_spans)
        starts = [a for a, _ in ordered]
        out = []
        for o in cands:
            i = bisect.bisect_right(starts, o.start) - 1
            if o.kind == "gazetteer" or i < 0 or not ordered[i][0] <= o.start < ordered[i][1] < o.end:
                out.append(o)
                continue
            s = ordered[i][1]
            while s < o.end and text[s].isspace():
                s += 1
            s, e = self.names.trim_name(text, s, o.end)
            if e - s >= 2 and text[s].isupper():
                out.append(Fact(s, e, o.label, o.kind, None, o.rule, text[s:e]))
        return out

    def _descriptors(self, text: str, orgs: list[Fact], taken: SpanIndex,
                     hits: dict[Any, list[int]] | None = None) -> list[Fact]:
        """Descriptors ("the drugmaker"), and zh anaphors (后者 / 该公司) as the company they stand for."""
        out: list[Fact] = []
        if self.desc_rx is None:
            return out
        ante_index = None
        for m in self._refs("desc", self.desc_rx, text, hits):
            if taken.overlaps(m.start(), m.end()):
                continue
            if self.zh is not None and ante_index is None:
                ante_index = self.zh.anaphor_index(text, orgs)
            ante = self.zh.antecedent(text, m.group(0), m.start(), orgs, ante_index) if self.zh is not None else None
            if ante is not None:  # 后者 / 该公司: the company it stands for, named just before
                # ruled like a defined role word (许可人): it stands for the company and never names it
                out.append(Fact(m.start(), m.end(), "org", "anaphor", ante.value, "org.defined_short", m.group(0)))
                continue
            out.append(Fact(m.start(), m.end(), "ref", "descriptor", None, "ref.descriptor", m.group(0)))
        return out


#: what stands between a company and a description of it in apposition ("Halden Bio, a Suzhou-based company, …")
_APPOSITION = re.compile(r"\s*[,(，（]\s*$")


def _appositive(text: str, start: int, org_ends: set[int]) -> bool:
    """Whether an unnamed-party phrase at ``start`` is in apposition to the company named just before it: then it
    describes that company ("Halden Bio, a Suzhou-based company, has licensed …"), no other party."""
    m = _APPOSITION.search(text, max(0, start - 4), start)
    return m is not None and m.start() in org_ends
