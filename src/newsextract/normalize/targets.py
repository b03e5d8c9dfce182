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

from ..patterns import load_file, load_rules

__all__ = ["TargetNormalizer"]


class TargetNormalizer:
    def __init__(self, lang: str, patterns_dir: str | None = None) -> None:
        from ..finders import Fact  # local import: finders imports this module

        self._Fact = Fact
        data = load_file("en", "targets", patterns_dir)
        entries: dict[str, list[str]] = data["entries"]
        self.canon: dict[str, str] = {}
        parts = []
        self.group_canon: list[str] = []
        for i, (canon, variants) in enumerate(entries.items()):
            vs = list(variants or []) or [re.escape(canon)]
            parts.append(f"(?P<t{i}>" + "|".join(sorted(vs, key=len, reverse=True)) + ")")
            self.group_canon.append(canon)
            self.canon[self._key(canon)] = canon
        # a target may touch another through "/", "x", "×" (PD-1/VEGF, EGFRxHER3) but not sit inside a word
        left = r"(?<![A-Za-wyz0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f])" if lang == "en" else r"(?<![A-Za-wyz0-9])"
        right = r"(?![A-Za-wyz0-9]|x[a-z])"
        self.regex = re.compile(left + "(?:" + "|".join(parts) + ")" + right)
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
        m = self.regex.fullmatch(s.strip())
        if m:
            return self.group_canon[int(m.lastgroup[1:])]  # type: ignore[index]
        return s.strip()

    def find(self, text: str) -> list[Any]:
        Fact = self._Fact
        out = []
        taken: list[tuple[int, int]] = []
        for m in self.regex.finditer(text):
            canon = self.group_canon[int(m.lastgroup[1:])]  # type: ignore[index]
            out.append(Fact(m.start(), m.end(), "target", canon, canon, "target.vocab", m.group(0)))
            taken.append((m.start(), m.end()))
        # "PDE3/4": a family name with two numbers is two targets (unless the pair is itself listed, CDK4/6)
        for m in re.finditer(r"(?<![A-Za-z0-9])([A-Z]{2,5})(\d)/(\d)(?![\w/])", text):
            if self._key(m.group(0)) in self.canon:
                continue
            for grp in (2, 3):
                name = m.group(1) + m.group(grp)
                s, e = (m.start(), m.end(2)) if grp == 2 else (m.start(3), m.end(3))
                if not any(a <= s and e <= b for a, b in taken) or grp == 3:
                    out.append(Fact(s, e, "target", self.normalize(name), self.normalize(name), "target.family_pair", text[s:e]))
            taken.append((m.start(), m.end()))
        for r in self.shape:
            for m in r.regex.finditer(text):
                s, e = m.span("t")
                word = m.group("t")
                if word in self.not_targets or any(a < e and s < b for a, b in taken):
                    continue
                canon = self.normalize(word)
                out.append(Fact(s, e, "target", canon, canon, r.id, word))
                taken.append((s, e))
        out.sort(key=lambda f: f.start)
        return out
