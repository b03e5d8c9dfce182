"""Finders: every rule-based fact in a text (money, companies, cues, targets, assets …) as :class:`Fact` objects.

A :class:`Finders` object is built once per language from ``patterns/`` and is then a pure function of the
text. The spaCy component ``newsextract_entities`` wraps it and copies the facts into ``doc.spans``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Any

from ..facts import Company, Fact
from ..normalize.money import find_money
from ..patterns import Rule, load_file, load_rules
from ..triggers import TriggerIndex
from .assets import AssetFinder, ModalityFinder
from .companies import CompanyFinder
from .targets import fold_dashes, target_finder

__all__ = ["Fact", "Finders", "Company", "CompanyFinder"]

_SPACE = re.compile(r"\s")  # what str.isspace() calls white space
#: how far from a window's edge the white space that ends its word is looked for before all are listed
_WORD = 64


class Finders:
    """All finders of one language."""

    def __init__(self, lang: str, patterns_dir: str | None = None) -> None:
        self.lang = lang
        pd = patterns_dir
        self.company_finder = CompanyFinder(lang, pd)
        self.gazetteer = self.company_finder.gazetteer
        self.pay = load_rules(lang, "payments", pd)
        att = load_file(lang, "payments", pd).get("attach", {})
        # how far a payment cue may be from its amount: cues are looked for only that near to amounts
        self.max_left = int(att.get("max_left", 60))
        self.max_right = int(att.get("max_right", 40))
        self.deal = load_rules(lang, "deal_cues", pd)
        self.backrefs = load_rules(lang, "deal_cues", pd, section="backrefs")
        self.aggregates = load_rules(lang, "deal_cues", pd, section="aggregates")
        self.status = load_rules(lang, "status", pd)
        self.targets = target_finder(lang, pd)
        self.modality, self.assets = ModalityFinder(lang, pd), AssetFinder(lang, pd)
        self.territory = load_rules(lang, "territory", pd)
        self.royalty = load_rules(lang, "royalty", pd)
        self.dates = load_rules(lang, "dates", pd)
        #: the cue rules, by fact label, and one automaton over their trigger words
        self.groups: dict[str, tuple[Rule, ...]] = {
            "pay": self.pay, "deal": self.deal, "backref": self.backrefs, "aggregate": self.aggregates,
            "status": self.status, "territory": self.territory, "date": self.dates, "royalty": self.royalty}
        self.triggers = TriggerIndex(((label, i), r.index_literals) for label, rules in self.groups.items()
                                     for i, r in enumerate(rules))
        self.always = set(self.triggers.always)

    # ------------------------------------------------------------------------------------------------------
    def find(self, text: str, sentences: Sequence[tuple[int, int]] | None = None) -> list[Fact]:
        """Every fact in ``text``, sorted by start. (``sentences``: the document's sentence ranges, when known.)"""
        facts: list[Fact] = []
        low = text.lower()
        for m in find_money(text, self.lang):
            facts.append(Fact(m.start, m.end, "money", "conversion" if m.conversion else "", m, m.rule, m.text))
        facts.extend(self.company_finder.find(text, [(f.start, f.end) for f in facts]))
        live = self._live(text, low)
        facts.extend(self._combined(text, self._rules("pay", live), "pay", low, self._windows(text, facts),
                                    self._starts("pay", live)))
        for label in ("deal", "backref", "aggregate", "status", "territory", "date"):
            facts.extend(self._combined(text, self._rules(label, live), label, low, starts=self._starts(label, live)))
        dashed = fold_dashes(text)  # the targets, modality and asset finders read the text with dashes as hyphens
        org_names = {f.text for f in facts if f.label == "org"}
        # a name shaped like a target that the article writes as a company is the company ("a BioVersys program")
        tfacts = [t for t in self.targets.find(text, dashed) if t.text not in org_names or self.targets.known(t.text)]
        if org_names & {t.text for t in tfacts}:
            # … and a target the vocabulary knows is no company the gazetteer does not ("a FcRn deal with Y")
            facts = [f for f in facts if f.label != "org" or f.kind not in ("shape", "context", "propagated") or f.text not in org_names
                     or not self.targets.known(f.text)]
            org_names = {f.text for f in facts if f.label == "org"}
        facts.extend(tfacts)
        facts.extend(self.modality.find(text, dashed))
        assets = self.assets.find(text, tfacts + [f for f in facts if f.label == "money" or f.kind.startswith("gazetteer")],
                                  dashed, frozenset(org_names))
        facts.extend(assets)
        facts.extend(self.find_royalty(text, low, self._rules("royalty", live), self._starts("royalty", live)))
        if assets:
            facts = _drop_drug_names(text, facts, assets)
        facts.sort(key=lambda f: (f.start, -f.end))
        return facts

    def _live(self, text: str, low: str) -> dict[tuple[str, int], list[int] | None] | None:
        """The cue rules whose trigger words occur in the (lower-cased) text, with where they occur, and those that
        have none (None: anywhere). None when the lower-cased text cannot tell (see ``TriggerIndex.exact``)."""
        if not self.triggers.exact(text, low):
            return None
        live: dict[tuple[str, int], list[int] | None] = dict(self.triggers.hits(low))
        live.update((key, None) for key in self.always)
        return live

    def _rules(self, label: str, live: dict[tuple[str, int], list[int] | None] | None) -> tuple[Rule, ...]:
        rules = self.groups[label]
        if live is None:
            return rules
        return tuple(r for i, r in enumerate(rules) if (label, i) in live)

    def _starts(self, label: str, live: dict[tuple[str, int], list[int] | None] | None) -> list[list[int] | None] | None:
        """Where the trigger words of the rules ``_rules`` gives are (None: a whole-text scan), in its order."""
        if live is None:
            return None
        return [live[(label, i)] for i in range(len(self.groups[label])) if (label, i) in live]

    def _combined(self, text: str, combo: tuple[Rule, ...], label: str, lowered: str | None = None,
                  windows: list[tuple[int, int]] | None = None,
                  starts: list[list[int] | None] | None = None) -> list[Fact]:
        """Matches of rules of one kind; each rule runs on its own (Python's ``re`` scans fast for one rule's first
        characters but tries every branch at every position of a big alternation), then the leftmost match wins
        and, at the same place, the earlier rule in the file. ``windows``: where to look (else the whole text);
        ``starts``: per rule, where its trigger words are (it looks only near them, see ``Rule.scan``)."""
        if not combo:
            return []
        found: list[tuple[int, int, int, Rule]] = []
        for order, r in enumerate(combo):
            near = starts[order] if starts is not None else None
            if windows is not None:
                matches: Any = (m for a, b in windows for m in r.scan(text, lowered, near, a, b))
            else:
                matches = r.scan(text, lowered, near)
            for m in matches:
                if m.end() > m.start():
                    found.append((m.start(), order, m.end(), r))
        found.sort(key=lambda x: (x[0], x[1]))
        out, end = [], -1
        for st, _, en, r in found:
            if st < end:
                continue  # leftmost match wins, as one alternation would have it
            end = en
            out.append(Fact(st, en, label, r.label, None, r.id, text[st:en], r.attrs))
        return out

    def _windows(self, text: str, facts: list[Fact]) -> list[tuple[int, int]]:
        """Where payment cues can matter: around each amount, as far as a cue may reach (whole words)."""
        out: list[tuple[int, int]] = []
        # every white-space position, listed only when a word is too long to find its edges near it (a text without
        # spaces): then a word's edges by bisection, not by walking
        spaces: list[int] | None = None
        for f in facts:
            if f.label != "money":
                continue
            a = max(0, f.start - self.max_left - 80)
            b = min(len(text), f.end + self.max_right + 80)
            if a > 0:  # back to the start of the word a is in (Chinese has no spaces: the start of the text)
                last = None
                for m in _SPACE.finditer(text, max(0, a - _WORD), a):
                    last = m
                if last is not None:
                    a = last.start() + 1
                elif a <= _WORD:
                    a = 0
                else:
                    if spaces is None:
                        spaces = [m.start() for m in _SPACE.finditer(text)]
                    i = bisect.bisect_left(spaces, a) - 1
                    a = spaces[i] + 1 if i >= 0 else 0
            nxt = _SPACE.search(text, b, b + _WORD)  # on to the end of the word b is in
            if nxt is not None:
                b = nxt.start()
            elif b + _WORD >= len(text):
                b = len(text)
            else:
                if spaces is None:
                    spaces = [m.start() for m in _SPACE.finditer(text)]
                j = bisect.bisect_left(spaces, b)
                b = spaces[j] if j < len(spaces) else len(text)
            if out and a <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], b))
            else:
                out.append((a, b))
        return out

    def find_royalty(self, text: str, low: str | None = None, rules: tuple[Rule, ...] | None = None,
                     starts: list[list[int] | None] | None = None) -> list[Fact]:
        out = []
        for i, r in enumerate(self.royalty if rules is None else rules):
            for m in r.scan(text, low, starts[i] if starts is not None else None):
                # the span of the text itself: with ``low`` the match runs on the lower-cased copy
                out.append(Fact(m.start(), m.end(), "royalty", r.label, m.groupdict(), r.id, text[m.start():m.end()]))
        return out


_BRACKET_OPEN = re.compile(r"\s*[(（]\s*")
_BRACKET_CLOSE = re.compile(r"\s*[)）]")


def _drop_drug_names(text: str, facts: list[Fact], assets: list[Fact]) -> list[Fact]:
    """Capitalised drug names the name rules took for companies: an asset's own text, or a brand written beside
    its generic name ("Tuoyi (toripalimab)", "toripalimab (Tuoyi)"). Gazetteer names are kept."""
    drugs = {p for a in assets for p in a.extra.get("names", [a.text])}
    starts = {a.start for a in assets}
    ends = {a.end for a in assets}
    for f in facts:
        if f.label != "org" or f.kind.startswith("gazetteer"):
            continue
        after = _BRACKET_OPEN.match(text, f.end)
        if after and after.end() in starts and f.rule != "name.designator":
            drugs.add(f.text)  # "Tuoyi (toripalimab)" (but a name ending in a company word is a company's: "Vexa
            continue  # Therapeutics (VX-12, $80M upfront)" in a roundup)
        head = text[max(0, f.start - 4):f.start]
        m = re.search(r"[(（]\s*$", head)
        if m and _BRACKET_CLOSE.match(text, f.end):
            before = text[:f.start - len(head) + m.start()].rstrip()
            if len(before) in ends or any(before.endswith(d) for d in drugs):
                drugs.add(f.text)  # "toripalimab (Tuoyi)"
    return [f for f in facts if not (f.label == "org" and not f.kind.startswith("gazetteer") and f.text in drugs)]
