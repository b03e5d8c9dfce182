"""Molecular targets: find them in text and normalise their spelling (``patterns/<lang>/targets.yml``).

The vocabulary (``patterns/en/targets.yml``, plus ``patterns/zh/targets.yml`` for Chinese names and cues) is
expanded at load time into every spelling it allows and compiled into one Aho-Corasick automaton, so that finding
targets costs one pass over the text however large the vocabulary grows. Short or word-like names (ER, C5, M1,
KIT) count only next to a target cue; target-shaped words that the vocabulary lacks are taken next to cues
("anti-BDCA2", "a URAT1 inhibitor", "D-amino acid oxidase (DAAO)", "靶向AGT").

>>> tn = TargetNormalizer("en")
>>> [f.value for f in tn.find("a PD-1/VEGF bispecific and an anti-EGFRxHER3 ADC targeting CLDN18.2")]
['PD-1', 'VEGF', 'EGFR', 'HER3', 'Claudin18.2']
>>> tn.normalize("Claudin 18.2"), tn.normalize("cmet"), tn.normalize("TIGIT")
('Claudin18.2', 'c-Met', 'TIGIT')
>>> [f.value for f in tn.find("an oral ER degrader; the ER visit; an FP/EP3 dual receptor agonist")]
['ER', 'FP', 'EP3']
>>> [f.value for f in tn.find("a PDE3/4 inhibitor and an anti-IL-17A/F nanobody")]
['PDE3', 'PDE4', 'IL-17A', 'IL-17F']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

import ahocorasick

from .._spans import DisjointSpans, SpanIndex
from ..errors import PatternError
from ..facts import Fact
from ..patterns import Rule, has_file, lexicon, load_file, load_rules
from ..triggers import guarded
from .runner import RuleRunner, expand_literals

__all__ = ["TargetNormalizer", "TargetFinder", "target_finder", "fold_dashes", "RuleRunner", "expand_literals", "spelling_variants", "DASHES"]

#: dash-like characters read as "-" (same length, so offsets stay those of the text)
DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d"})
_DASH = re.compile("[\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d]")


def fold_dashes(text: str) -> str:
    """``text`` with each dash a hyphen (``DASHES``; same length). str.translate looks up every character: one
    regex scan asks first whether there is a dash at all."""
    return text.translate(DASHES) if _DASH.search(text) else text


#: a target may touch another through "/", "x", "×" (PD-1/VEGF, EGFRxHER3) but not sit inside a word or a code
_CODE_TAIL = re.compile(r"-\d{2,}")
_CODE_NEXT = re.compile(r"-[A-Z]")
#: the longest gap _joined() accepts between two joined targets
_MAX_JOIN = 5
_PAIR_SRC = (r"(?<![A-Za-z0-9])([A-Z]{2,5}-?)(\d)/(\d)(?![A-Za-z0-9/])|"
             r"(?<![A-Za-z0-9])([A-Z]{2,4}-?\d{1,2})([A-Z])/([A-Z])(?![A-Za-z0-9/])")
_PAIR = re.compile(guarded(_PAIR_SRC) or _PAIR_SRC)  # (scanned over every text: behind its first-character guard)
#: shapes of drug codes, which the shape rules must not take for targets (GPR139 and CYP11A1 are families)
_CODEISH = re.compile(r"(?!miR-)[A-Za-z0-9]+-[A-Za-z0-9-]+|[A-Z]{2,}\d{2,}[A-Z]+\d*|[A-Z]{2,}\d{3,}[A-Za-z]?|\d+")
_FAMILY = re.compile(r"(?:GPR|CYP|SLC|TMEM|HSD|ZNF|LRRC|ADAM|MMP|KIF|USP|TRIM|KCN|SCN)\d")
_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")

@functools.cache
def _greek() -> dict[str, str]:
    """Greek letters and their names (``greek`` of ``patterns/en/targets.yml``)."""
    return {str(k): str(v) for k, v in (load_file("en", "targets").get("greek") or {}).items()}


def spelling_variants(s: str, greek: Mapping[str, str] | None = None) -> list[str]:
    """The spellings a listed one implies: itself, without hyphens, Greek spelled out (``greek``: letter → name,
    by default that of ``patterns/en/targets.yml``), capitalised.

    >>> spelling_variants("FRα")
    ['FRα', 'FRalpha', 'FR-alpha', 'FR alpha']
    >>> spelling_variants("alpha-synuclein")
    ['alpha-synuclein', 'alphasynuclein', 'Alpha-synuclein', 'Alphasynuclein']
    >>> spelling_variants("PD-1")
    ['PD-1', 'PD1']
    """
    out = [s]
    if "-" in s and len(s.replace("-", "")) >= 3:
        out.append(s.replace("-", ""))
    for g, word in (_greek() if greek is None else greek).items():
        if g in s:
            out.extend(v.replace(g, sep + word) for v in list(out) for sep in ("", "-", " ") if g in v)
    if s[:1].islower() and s[:1].isalpha() and not re.match(r"[a-z]{1,3}[A-Z]", s):
        out.extend(v[:1].upper() + v[1:] for v in list(out))
    return list(dict.fromkeys(out))


class TargetFinder:
    """Targets of one language: the vocabulary in one automaton, ambiguity and shape rules next to cues."""

    def __init__(self, lang: str, patterns_dir: str | None = None) -> None:
        data = load_file("en", "targets", patterns_dir)
        files = [("en", data)]
        if lang != "en" and has_file(lang, "targets", patterns_dir):
            files.append((lang, load_file(lang, "targets", patterns_dir)))
        self.canon: dict[str, str] = {}
        #: every spelling → its canonical ("" for a blocker: matched only to be dropped)
        self.literal: dict[str, str] = {}
        ambiguous: set[str] = set()
        greek = {str(k): str(v) for k, v in (data.get("greek") or {}).items()}
        #: what may stand between two targets named together (``joins`` of the targets files)
        self.joins = frozenset(str(j) for _, d in files for j in d.get("joins") or [])
        for name, d in files:
            for canon, variants in (d.get("entries") or {}).items():
                canon = str(canon)
                self.canon.setdefault(self._key(canon), canon)
                for v in [re.escape(canon)] + list(variants or []):
                    spellings = expand_literals(v)
                    if spellings is None:
                        raise PatternError(f"E010 {name}/targets.yml: variant {v!r} of {canon!r} is not a finite set of spellings")
                    for sp in spellings:
                        for var in spelling_variants(sp, greek) if name == "en" else [sp]:
                            self.literal.setdefault(var, canon)
            for b in d.get("blockers") or []:
                self.literal[str(b)] = ""
            ambiguous.update(str(a) for a in d.get("ambiguous") or [])
        self.ambiguous = {sp for sp in self.literal if sp in ambiguous or sp[:1].lower() + sp[1:] in ambiguous}
        self.automaton = ahocorasick.Automaton()
        for sp, canon in self.literal.items():
            self.automaton.add_word(sp, (len(sp), canon))
        self.automaton.make_automaton()
        cues = [d.get("cues") or {} for _, d in files]
        self.cue_after = re.compile("|".join(f"(?:{c['after']})" for c in cues if c.get("after")))
        self.cue_before = re.compile("|".join(f"(?:{c['before']})" for c in cues if c.get("before")))
        self.window = int(cues[0].get("window", 40))
        self.shape: tuple[Rule, ...] = load_rules("en", "targets", patterns_dir, section="shape")
        lex = lexicon("en", "targets", patterns_dir)
        if lang != "en" and has_file(lang, "targets", patterns_dir):
            self.shape += load_rules(lang, "targets", patterns_dir, section="shape")
            lex = {**lex, **{"zh_" + k: v for k, v in lexicon(lang, "targets", patterns_dir).items()}}
        self.runner = RuleRunner(self.shape, lex)
        self.not_targets = {str(x) for _, d in files for x in d.get("not_targets") or []}
        words = [str(w) for _, d in files for w in d.get("company_words") or []]
        self.company_next = re.compile(r"\s+(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")\b" if words else r"(?!)")

    @staticmethod
    def _key(s: str) -> str:
        return re.sub(r"[\s\-./]", "", s).lower()

    def normalize(self, s: str) -> str:
        """Canonical spelling of one target name (unknown names come back tidied, not invented)."""
        s = s.strip().translate(DASHES)
        if s in self.literal and self.literal[s]:
            return self.literal[s]
        return self.canon.get(self._key(s), s)

    def known(self, s: str) -> bool:
        """Whether a name is in the target vocabulary (not only shaped like a target)."""
        s = s.strip().translate(DASHES)
        return bool(self.literal.get(s)) or self._key(s) in self.canon

    # ------------------------------------------------------------------------------------------------------
    def find(self, text: str, dashed: str | None = None) -> list[Any]:
        """Every target in ``text`` as a ``target`` fact (value: the canonical spelling), sorted by start.
        (``dashed``: ``fold_dashes(text)`` when the caller has it.)"""
        t = dashed if dashed is not None else fold_dashes(text)
        hits = self._vocab_hits(t)
        out: list[Fact] = []
        taken: list[tuple[int, int]] = []
        pending: list[tuple[int, int, str, str]] = []
        for s, e, canon, sp in hits:
            taken.append((s, e))
            if not canon:
                continue  # a blocker
            if sp in self.ambiguous and not self._cued(t, s, e):
                pending.append((s, e, canon, sp))
                continue
            out.append(Fact(s, e, "target", canon, canon, "target.vocab", text[s:e]))
        # an ambiguous name joined to an accepted target ("FP/EP3 dual agonist", "M1/M4 agonist") counts too, and
        # so does one joined to that one: everything connected to an accepted target, found from each accepted one
        # by looking up the pending names within a join's reach (not every pending name against every target)
        if pending:
            by_start = {p[0]: p for p in pending}
            by_end = {p[1]: p for p in pending}
            todo = [(f.start, f.end) for f in out]
            while todo:
                s, e = todo.pop()
                near = [by_start.get(x) for x in range(e, e + _MAX_JOIN + 1)]
                near += [by_end.get(x) for x in range(s - _MAX_JOIN, s + 1)]
                for p in near:
                    if p is None or p[0] not in by_start or not self._joined(t, p[0], p[1], s, e):
                        continue
                    del by_start[p[0]], by_end[p[1]]
                    out.append(Fact(p[0], p[1], "target", p[2], p[2], "target.vocab", text[p[0]:p[1]]))
                    todo.append((p[0], p[1]))
        out.extend(self._pairs(t, text, taken))
        out.extend(self._shapes(t, text, taken))
        out.sort(key=lambda f: f.start)
        return self._drop_restated(t, out)

    @staticmethod
    def _drop_restated(t: str, facts: list[Fact]) -> list[Fact]:
        """'MAPT (tau)', 'transthyretin (TTR)': a target in brackets right after another one restates it."""
        out: list[Fact] = []
        seen: set[tuple[int, str]] = set()
        for f in facts:
            if (f.start, f.value) in seen:
                continue  # the vocabulary and a pair rule found the same name
            seen.add((f.start, f.value))
            prev = out[-1] if out else None
            if (prev is not None and prev.value != f.value and re.fullmatch(r"\s*[(（]\s*", t[prev.end:f.start])
                    and re.match(r"\s*[)）]", t[f.end:f.end + 3])):
                continue
            out.append(f)
        return out

    def _vocab_hits(self, t: str) -> list[tuple[int, int, str, str]]:
        """Leftmost-longest vocabulary matches that are whole words (or glued to another target by x/×)."""
        cands = []
        for end, (n, canon) in self.automaton.iter(t):
            s, e = end - n + 1, end + 1
            if s > 0 and (_WORD.match(t[s - 1]) and not (t[s - 1] in "x×" and s > 1 and t[s - 2].isalnum()
                                                          and not t[s - 2].islower())):
                continue
            if self._in_code(t, s, e):
                continue
            if e < len(t) and (_WORD.match(t[e]) and not (t[e] == "x" and e + 1 < len(t) and t[e + 1].isupper())):
                continue
            cands.append((s, e, canon, t[s:e]))
        cands.sort(key=lambda c: (c[0], -c[1]))
        hits, last = [], -1
        for c in cands:
            if c[0] >= last:
                hits.append(c)
                last = c[1]
        return hits

    def _in_code(self, t: str, s: int, e: int) -> bool:
        """Part of a drug code or a company name: IONIS-TTR-LRX, MET-097i, ABL Bio (but not GPRC5D-BCMA-CD3)."""
        if _CODE_TAIL.match(t, e) or self.company_next.match(t, e):
            return True
        if s > 1 and t[s - 1] == "-" and t[s - 2].isupper() and _CODE_NEXT.match(t, e):
            j = s - 1
            while j > 0 and t[j - 1].isalnum():
                j -= 1
            return not self.literal.get(t[j:s - 1])
        return False

    def _cued(self, t: str, s: int, e: int) -> bool:
        if self.cue_after.match(t[e:e + self.window]):
            return True
        return bool(self.cue_before.search(t[max(0, s - self.window):s]))

    def _joined(self, t: str, s: int, e: int, s2: int, e2: int) -> bool:
        gap = t[e:s2] if e <= s2 else t[e2:s]
        return gap == "" or 0 < len(gap) <= _MAX_JOIN and gap.strip() in self.joins

    def _pairs(self, t: str, text: str, taken: list[tuple[int, int]]) -> list[Fact]:
        """'PDE3/4' (a family name with two numbers) and 'IL-17A/F' (two letters) are two targets, unless the pair
        is itself listed (CDK4/6)."""
        out: list[Fact] = []
        if "/" not in t:
            return out
        for m in _PAIR.finditer(t):
            if self.literal.get(m.group(0)) or self._key(m.group(0)) in self.canon:
                continue
            head = m.group(1) or m.group(4)
            g1, g2 = (2, 3) if m.group(1) else (5, 6)
            for grp in (g1, g2):
                name = head + m.group(grp)
                s, e = (m.start(), m.end(g1)) if grp == g1 else (m.start(g2), m.end(g2))
                canon = self.normalize(name)
                if canon == name and self._key(name) not in self.canon and not self.literal.get(name):
                    break  # not a family we know
                out.append(Fact(s, e, "target", canon, canon, "target.family_pair", text[s:e]))
            taken.append((m.start(), m.end()))
        return out

    def _shapes(self, t: str, text: str, taken: list[tuple[int, int]]) -> list[Fact]:
        out = []
        found = SpanIndex(taken)
        shapes = DisjointSpans()  # shape matches are kept only where nothing was found: they never overlap
        for r, m in self.runner.finditer(t):
            s, e = m.span("t")
            word = m.group("t")
            if word in self.not_targets or word.upper() in self.not_targets or found.overlaps(s, e) \
                    or shapes.overlaps(s, e):
                continue
            if _CODEISH.fullmatch(word) and not _FAMILY.match(word):
                continue  # a drug code (HRS-1167, ALT-B4, IMM27M, SKB264), not a target
            canon = self.normalize(word)
            out.append(Fact(s, e, "target", canon, canon, r.id, text[s:e]))
            shapes.add(s, e)
            taken.append((s, e))
        return out


#: the name the rest of the package imports
TargetNormalizer = TargetFinder


@functools.lru_cache(maxsize=8)
def target_finder(lang: str, patterns_dir: str | None = None) -> TargetFinder:
    """The target finder of one language, built once per process (it keeps nothing between texts): the finders
    and the deal-table reader share it."""
    return TargetFinder(lang, patterns_dir)
