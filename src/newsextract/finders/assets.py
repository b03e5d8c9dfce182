"""Assets (drug codes and names) and modalities: ``patterns/<lang>/assets.yml`` and ``patterns/<lang>/modality.yml``.

Asset rules find candidates of several kinds — codes (SSGJ-707, NBTXR-3, 2-MW7141), INNs by their stems
(ivonescimab, soticlestat, ilofotase alfa), brand names next to a cue (Cresemba®, "the drug Datroway", "Tyvyt
(sintilimab)"), Chinese generic names (依沃西单抗, 吡咯替尼) — then guards drop look-alikes (years, stock codes, trial
names, mutations, companies, targets) and comparators ("previously treated with trastuzumab"). A brand found by a cue
is also taken wherever else the article names it, and a drug named twice ("navoximod (GDC-0919)") is reported by its
fuller form at each mention.

>>> af = AssetFinder("en")
>>> [f.value for f in af.find("Lilly licensed R552, a RIP1 inhibitor, and Tyvyt (sintilimab); sales of Tyvyt grew.")]
['R552', 'Tyvyt (sintilimab)', 'Tyvyt (sintilimab)']
>>> [f.value for f in af.find("in KEYNOTE-189, patients previously treated with trastuzumab; FY2023 and T790M")]
[]
>>> [f.value for f in ModalityFinder("en").find("a bispecific antibody-drug conjugate and an siRNA")]
['bispecific ADC', 'siRNA']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import ahocorasick

from .._spans import SpanIndex
from ..facts import Fact
from ..patterns import Rule, lexicon, load_file, load_rules, regex_table
from .runner import RuleRunner
from .targets import DASHES, fold_dashes

__all__ = ["AssetFinder", "ModalityFinder"]

_MARKS = re.compile(r"\s*[®™]")


#: rule kinds whose names are also taken wherever else the article writes them
_PROPAGATE = {"brand", "cue_code"}


def _names(span: str) -> list[str]:
    """The names a span gives a drug: "Tuoyi (toripalimab)" → the whole, "Tuoyi", "toripalimab".

    >>> _names("Cresemba® (isavuconazole)")
    ['Cresemba® (isavuconazole)', 'Cresemba', 'isavuconazole']
    """
    parts = [span]
    if "(" in span:
        parts += [p.strip() for p in re.split(r"[()/]|:\s", _MARKS.sub("", span)) if len(p.strip()) >= 3]
    return list(dict.fromkeys(parts))


_WORDISH = re.compile(r"\w")


class _Taken:
    """What no asset may overlap (targets, money, gazetteer companies) and the companies' names, indexed."""

    def __init__(self, spans: list[tuple[int, int]], orgs: set[str]) -> None:
        self.spans = SpanIndex(spans)
        self.orgs = orgs
        self.joined = "\x00".join(sorted(orgs))  # one string: "in some org name" is one C-level search
        self.memo: dict[str, bool] = {}

    def in_org_name(self, name: str) -> bool:
        """``any(name == o or (name in o and len(name) > 3) for o in orgs)``."""
        if name in self.orgs:
            return True
        if len(name) <= 3 or "\x00" in name:
            return False
        got = self.memo.get(name)
        if got is None:
            got = self.memo[name] = name in self.joined
        return got


class AssetFinder:
    """Drug codes and names of one language."""

    def __init__(self, lang: str, patterns_dir: str | None = None) -> None:
        self.lang = lang
        data = load_file(lang, "assets", patterns_dir)
        self.rules: tuple[Rule, ...] = load_rules(lang, "assets", patterns_dir)
        self.runner = RuleRunner(self.rules, lexicon(lang, "assets", patterns_dir))
        self.order = {r.id: i for i, r in enumerate(self.rules)}
        self.not_assets = {str(x) for x in data.get("not_assets") or []}
        self.not_lower = {x.lower() for x in self.not_assets}
        self.not_shapes = re.compile("(?:" + str(data.get("not_asset_shapes") or "(?!)") + ")")
        self.stop_words = {str(x) for x in data.get("stop_words") or []}
        self.comparator = re.compile("(?:" + str(data.get("comparator") or "(?!)") + ")", re.I)
        self.comparator_window = int(data.get("comparator_window", 40))
        #: a news source's label right before a name ("資料來源:AM730", "Source: ABC123"): the name is the source's
        self.source_label = re.compile("(?:" + str(data["source_label"]) + ")$") if data.get("source_label") else None
        self.company_after = re.compile(str(data.get("company_after") or "(?!)"))
        #: (Chinese) words ending in a name character: a name found inside one starts after it (公司 → not 司…)
        self.left_words = [str(w) for w in data.get("left_words") or []]
        #: a label opening the bracket after a drug name ("(INN: …)", "(formerly …)"), English in every language
        self.paren_label = regex_table("en", "assets", patterns_dir)["asset.paren_label"]

    def _tidy(self, s: str) -> str:
        """An asset name as reported: marks and bracket labels dropped, blanks single, dashes plain.

        >>> af = AssetFinder("en")
        >>> af._tidy("K-CAB (ingredient: tegoprazan)"), af._tidy("QARZIBA® (dinutuximab  beta)")
        ('K-CAB (tegoprazan)', 'QARZIBA (dinutuximab beta)')
        """
        s = self.paren_label.sub("(", _MARKS.sub("", s.translate(DASHES)))
        return re.sub(r"\s+", " ", s).strip()

    def _trim_left(self, t: str, s: int, e: int) -> int:
        for w in self.left_words:
            for k in range(1, len(w)):
                if s - k >= 0 and t.startswith(w, s - k) and s - k + len(w) < e:
                    return s - k + len(w)
        return s

    def find(self, text: str, taken: Sequence[Fact] = (), dashed: str | None = None,
             company_names: frozenset[str] = frozenset()) -> list[Fact]:
        """Asset facts in ``text``; ``taken`` are facts whose spans no asset may overlap (targets, money,
        companies). (``dashed``: ``fold_dashes(text)`` when the caller has it.)"""
        t = dashed if dashed is not None else fold_dashes(text)
        spans = sorted((f.start, f.end) for f in taken if f.label != "org")
        # a code may contain a company's name (SIMM-2306 holds SIMM), but no name may sit inside a company's
        org_spans = [(f.start, f.end) for f in taken if f.label == "org"]
        orgs = {f.text for f in taken if f.label == "org"}
        # overlap and containment by bisection, company names searched in one string: a scan of every span or
        # name per candidate was quadratic on texts with thousands of them
        in_org = SpanIndex(org_spans)
        index = _Taken(spans, orgs)
        cands: list[tuple[int, int, int, Rule, str]] = []
        for r, m in self.runner.finditer(t):
            groups = [g for g in ("a", "b") if g in m.re.groupindex] or [0]
            grp = next((g for g in groups if m.group(g)), groups[0])
            for a, b in self._items(r, t, *m.span(grp)):
                a = self._trim_left(t, a, b)
                if b > a:
                    cands.append((a, b, self.order[r.id], r, t[a:b]))
        cands.sort(key=lambda c: (c[0], -(c[1] - c[0]), c[2]))
        out: list[Fact] = []
        last = -1
        for s, e, _, r, raw in cands:
            if s < last:
                continue
            name = self._tidy(raw)
            if r.attrs.get("kind") == "inn" and name[:1].isupper() and name[1:].islower():
                if name in company_names:
                    continue  # "Corrib regains the rights": a company the article names, shaped like an INN
                name = name.lower()  # an INN at the start of a sentence
            if not self._keep(t, s, e, name, r, index) or in_org.contains(s, e):
                continue
            last = e
            out.append(Fact(s, e, "asset", str(r.attrs.get("kind") or r.id.split(".")[-1]), name, r.id, text[s:e],
                            {"names": _names(text[s:e])}))
        out = self._propagate(t, text, out, spans + org_spans, orgs)
        return out

    @staticmethod
    def _items(r: Rule, t: str, s: int, e: int) -> list[tuple[int, int]]:
        """The span of a match, or of each item of the list it holds (a rule with ``split``: 3款产品(A、B和C))."""
        sep = r.attrs.get("split")
        if not sep:
            return [(s, e)]
        out, at = [], s
        for m in re.finditer(sep, t[s:e]):
            out.append((at, s + m.start()))
            at = s + m.end()
        out.append((at, e))
        trimmed = [(a + len(t[a:b]) - len(t[a:b].lstrip()), b - len(t[a:b]) + len(t[a:b].rstrip())) for a, b in out]
        return [(a, b) for a, b in trimmed if b > a]

    # ------------------------------------------------------------------------------------------------------
    def _keep(self, t: str, s: int, e: int, name: str, r: Rule, taken: _Taken) -> bool:
        if name in self.not_assets or name.upper() in self.not_assets or name.lower() in self.not_lower:
            return False
        parts = _names(name)
        if any(self.not_shapes.fullmatch(p) or p in self.not_assets or p in self.stop_words for p in parts):
            return False  # "Hengrui (SH600276)": a company and its stock code is no drug named twice
        if taken.spans.overlaps(s, e) and not ("(" in name and not taken.spans.contains(s, e)):
            return False  # a bracketed pair may contain a target-looking word ("KarXT (xanomeline-trospium)")
        if taken.in_org_name(name):
            return False
        if "(" not in name and self.company_after.match(t, e):
            return False  # "Ebbtide Biosciences", "Gubra's shareholders": a company, not a drug
        head = name.split(" (")[0].split("(")[0]
        if r.attrs.get("kind") in _PROPAGATE and (head in self.stop_words or head.split("-")[0] in self.stop_words):
            return False
        if self.source_label is not None and self.source_label.search(t, max(0, s - 16), s):
            return False
        left = t[max(0, s - self.comparator_window):s]
        return not self.comparator.search(left)

    def _company_like(self, t: str, name: str) -> bool:
        """A cue-found brand that the article also writes as a company ("Windward has raised …")."""
        return name in self._companies_among(t, {name})

    def _companies_among(self, t: str, names: set[str]) -> set[str]:
        """The names the article also writes as a company, all found in one pass over the text."""
        if not names:
            return set()
        ac = ahocorasick.Automaton()
        for n in names:
            ac.add_word(n, n)
        ac.make_automaton()
        out: set[str] = set()
        for end, n in ac.iter(t):
            s, e = end - len(n) + 1, end + 1
            if n in out or s > 0 and (_WORDISH.match(t[s - 1]) or t[s - 1] == "-") \
                    or e < len(t) and (_WORDISH.match(t[e]) or t[e] == "-"):
                continue  # what (?<![\w-])name(?![\w-]) would refuse
            if self.company_after.match(t, e):
                out.add(n)
        return out

    def _propagate(self, t: str, text: str, facts: list[Fact], spans: list[tuple[int, int]], orgs: set[str]) -> list[Fact]:
        """Brand names found by a cue are assets wherever the article names them; each part of a drug named twice
        ("Tuoyi (toripalimab)") is reported by the fuller form."""
        alias: dict[str, str] = {}
        brands: set[str] = set()
        for f in facts:
            if "(" in f.value:
                for part in re.split(r"\s*[()/]\s*|:\s*", f.value):
                    part = part.strip()
                    if len(part) >= 3:
                        alias.setdefault(part, f.value)
                        if f.kind in _PROPAGATE and re.match(r"[A-Z]", part):
                            brands.add(part)
            elif f.kind in _PROPAGATE:
                brands.add(f.value)
        companies = self._companies_among(t, brands)
        brands -= companies
        facts = [f for f in facts if not (f.kind in _PROPAGATE and f.value in companies)]
        if not alias and not brands:
            return facts
        have = SpanIndex((f.start, f.end) for f in facts)
        blocked = SpanIndex(spans)
        added_at: dict[int, int] = {}  # end -> first start of a mention added here (the automaton goes by end)
        if brands:
            ac = ahocorasick.Automaton()
            for b in brands:
                ac.add_word(b, b)
            ac.make_automaton()
            for end, b in ac.iter(t):
                s, e = end - len(b) + 1, end + 1
                if (s > 0 and (t[s - 1].isalnum() or t[s - 1] == "-")) or (e < len(t) and (t[e].isalnum() or t[e] == "-")):
                    continue
                # inside a span found so far: one of the facts, or a mention added here, which ends where this
                # one ends (earlier ones end before it, later ones have not been seen)
                if have.contains(s, e) or added_at.get(e, e) <= s or blocked.overlaps(s, e):
                    continue
                facts.append(Fact(s, e, "asset", "mention", b, "asset.mention", text[s:e]))
                added_at[e] = min(added_at.get(e, s), s)
        for f in facts:
            if f.value in alias:
                f.value = alias[f.value]
        facts.sort(key=lambda f: (f.start, -f.end))
        return facts


class ModalityFinder:
    """Modality words folded to the fixed vocabulary of SCHEMA.md, one automaton over every spelling."""

    def __init__(self, lang: str, patterns_dir: str | None = None) -> None:
        from .runner import expand_literals

        self.lang = lang
        self.automaton = ahocorasick.Automaton()
        self.meta: dict[str, tuple[str, str, int]] = {}
        for order, e in enumerate(load_file(lang, "modality", patterns_dir)["entries"]):
            for term in e["terms"]:
                spellings = expand_literals(term, limit=4096)
                if spellings is None:
                    from ..errors import PatternError

                    raise PatternError(f"E010 {lang}/modality.yml: term {term!r} of {e['id']} is not a finite set of spellings")
                for sp in spellings:
                    key = sp.lower() if lang == "en" else sp
                    if key not in self.meta:
                        self.meta[key] = (e["value"], e["id"], order)
                        self.automaton.add_word(key, key)
        self.automaton.make_automaton()

    def find(self, text: str, dashed: str | None = None) -> list[Fact]:
        t = dashed if dashed is not None else fold_dashes(text)
        low = t.lower() if self.lang == "en" else t
        cands = []
        for end, key in self.automaton.iter(low):
            s, e = end - len(key) + 1, end + 1
            if not self._edges(low, s, e, key):
                continue
            cands.append((s, e, key))
        cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        out, last = [], -1
        for s, e, key in cands:
            if s < last:
                continue
            last = e
            value, rid, _ = self.meta[key]
            out.append(Fact(s, e, "modality", value, value, rid, text[s:e]))
        return out

    def _edges(self, low: str, s: int, e: int, key: str) -> bool:
        """Latin terms are whole words (in Chinese text too); Chinese terms may touch anything."""
        if key[:1].isascii() and key[:1].isalnum() and s > 0 and (low[s - 1].isascii() and low[s - 1].isalnum()
                                                                   or self.lang == "en" and low[s - 1] == "-"):
            return False
        if key[-1:].isascii() and key[-1:].isalnum() and e < len(low) and low[e].isascii() and low[e].isalnum():
            return False
        return True
