"""Molecular targets: find them in text and normalise their spelling (``patterns/<lang>/targets.yml``).

>>> tn = TargetNormalizer("en")
>>> [f.value for f in tn.find("a PD-1/VEGF bispecific and an anti-EGFRxHER3 ADC targeting CLDN18.2")]
['PD-1', 'VEGF', 'EGFR', 'HER3', 'Claudin18.2']
>>> tn.normalize("Claudin 18.2"), tn.normalize("cmet"), tn.normalize("TIGIT")
('Claudin18.2', 'c-Met', 'TIGIT')
"""

from __future__ import annotations

import re
from typing import Any

from .._spans import DisjointSpans, SpanIndex
from ..errors import PatternError
from ..facts import Fact
from ..normalize.names import trie_regex
from ..patterns import load_file, load_rules

__all__ = ["TargetNormalizer", "expand_literals"]


def expand_literals(pattern: str, limit: int = 256) -> list[str] | None:
    """Every string a small regex can match (literals, classes, ``?``, groups, ``|``), or None when infinite.

    >>> sorted(expand_literals(r"PD-?L1"))
    ['PD-L1', 'PDL1']
    >>> sorted(expand_literals(r"IL-?4R(?:α|a)?"))
    ['IL-4R', 'IL-4Ra', 'IL-4Rα', 'IL4R', 'IL4Ra', 'IL4Rα']
    """
    from re import _constants as C  # noqa: N812
    from re import _parser

    def seq(items: list) -> list[str] | None:
        out = [""]
        for op, av in items:
            alts = one(op, av)
            if alts is None:
                return None
            out = [a + b for a in out for b in alts]
            if len(out) > limit:
                return None
        return out

    def one(op, av) -> list[str] | None:  # noqa: ANN001
        if op is C.LITERAL:
            return [chr(av)]
        if op is C.IN:
            chars = []
            for iop, iav in av:
                if iop is C.LITERAL:
                    chars.append(chr(iav))
                elif iop is C.RANGE and iav[1] - iav[0] < 30:
                    chars.extend(chr(c) for c in range(iav[0], iav[1] + 1))
                else:
                    return None
            return chars
        if op is C.SUBPATTERN:
            return seq(list(av[-1]))
        if op is C.BRANCH:
            res: list[str] = []
            for alt in av[1]:
                r = seq(list(alt))
                if r is None:
                    return None
                res.extend(r)
            return res
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            lo, hi, sub = av
            if hi > 3:
                return None
            base = seq(list(sub))
            if base is None:
                return None
            res = []
            for n in range(lo, hi + 1):
                res.extend(seq([(C.SUBPATTERN, (None, 0, 0, [(C.LITERAL, ord(c)) for c in ""]))]) and
                           ["".join(p) for p in _product(base, n)])
            return res
        return None

    def _product(base: list[str], n: int) -> list[tuple[str, ...]]:
        import itertools

        return list(itertools.product(base, repeat=n))

    try:
        return seq(list(_parser.parse(pattern)))
    except Exception:  # noqa: BLE001 - anything unusual: not a finite set
        return None


class TargetNormalizer:
    def __init__(self, lang: str, patterns_dir: str | None = None) -> None:
        self._Fact = Fact
        data = load_file("en", "targets", patterns_dir)
        entries: dict[str, list[str]] = data["entries"]
        self.canon: dict[str, str] = {}
        literal: dict[str, str] = {}  # every spelling a variant regex can produce → canonical
        for canon, variants in entries.items():
            self.canon[self._key(canon)] = canon
            for v in list(variants or []) or [re.escape(canon)]:
                spellings = expand_literals(v)
                if spellings is None:
                    raise PatternError(f"E010 targets.yml: variant {v!r} of {canon!r} is not a finite set of spellings")
                for sp in spellings:
                    literal.setdefault(sp, canon)
        self.literal = literal
        # one trie over all spellings: a target may touch another through "/", "x", "×" (PD-1/VEGF, EGFRxHER3)
        # but not sit inside a word
        left = r"(?<![A-Za-wyz0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f])" if lang == "en" else r"(?<![A-Za-wyz0-9])"
        right = r"(?![A-Za-wyz0-9]|x[a-z])"

        self.regex = re.compile(left + "(?:" + trie_regex(sorted(literal)) + ")" + right)
        self.shape = load_rules("en", "targets", patterns_dir, section="shape") if lang == "en" else ()
        self.not_targets = set(data.get("not_targets", []) or [])

    @staticmethod
    def _key(s: str) -> str:
        return re.sub(r"[\s\-./]", "", s).lower()

    def normalize(self, s: str) -> str:
        """Canonical spelling of one target name (unknown names come back tidied, not invented)."""
        k = self._key(s)
        if k in self.canon:
            return self.canon[k]
        return self.literal.get(s.strip(), s.strip())

    def find(self, text: str) -> list[Any]:
        Fact = self._Fact
        out = []
        taken: list[tuple[int, int]] = []
        for m in self.regex.finditer(text):
            canon = self.literal[m.group(0)]
            out.append(Fact(m.start(), m.end(), "target", canon, canon, "target.vocab", m.group(0)))
            taken.append((m.start(), m.end()))
        # "PDE3/4": a family name with two numbers is two targets (unless the pair is itself listed, CDK4/6)
        vocab = SpanIndex(taken)  # a pair never lies inside an earlier pair: finditer's matches do not overlap
        for m in re.finditer(r"(?<![A-Za-z0-9])([A-Z]{2,5})(\d)/(\d)(?![A-Za-z0-9/])", text):
            if self._key(m.group(0)) in self.canon:
                continue
            for grp in (2, 3):
                name = m.group(1) + m.group(grp)
                s, e = (m.start(), m.end(2)) if grp == 2 else (m.start(3), m.end(3))
                if not vocab.contains(s, e) or grp == 3:
                    out.append(Fact(s, e, "target", self.normalize(name), self.normalize(name), "target.family_pair", text[s:e]))
            taken.append((m.start(), m.end()))
        found = SpanIndex(taken)
        shapes = DisjointSpans()  # shape matches are kept only where nothing was found: they never overlap
        for r in self.shape:
            for m in r.regex.finditer(text):
                s, e = m.span("t")
                word = m.group("t")
                if word in self.not_targets or found.overlaps(s, e) or shapes.overlaps(s, e):
                    continue
                canon = self.normalize(word)
                out.append(Fact(s, e, "target", canon, canon, r.id, word))
                shapes.add(s, e)
        out.sort(key=lambda f: f.start)
        return out
