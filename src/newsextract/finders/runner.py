"""Running a rule file's regexes only where they can match, and the finite spellings of a small regex.

:class:`RuleRunner` skips a rule whose trigger words are absent from the text and runs it only in windows around
them when the rule says how far a match reaches; :func:`expand_literals` turns a small regex into the strings it
matches (lexicon words become tries, target variants become automaton entries).
"""

from __future__ import annotations

import re
from typing import Any

import ahocorasick

from .. import triggers
from ..normalize.names import trie_regex
from ..patterns import BUILD_CACHE, Rule

__all__ = ["RuleRunner", "expand_literals"]


def expand_literals(pattern: str, limit: int = 256) -> list[str] | None:
    """Every string a small regex can match (literals, classes, ``?``, groups, ``|``), or None when infinite.

    >>> sorted(expand_literals(r"PD-?L1"))
    ['PD-L1', 'PDL1']
    >>> sorted(expand_literals(r"IL-?4R(?:α|a)?"))
    ['IL-4R', 'IL-4Ra', 'IL-4Rα', 'IL4R', 'IL4Ra', 'IL4Rα']
    """
    got = BUILD_CACHE.get(("literals", pattern, limit))  # (kept between runs: see newsextract.buildcache)
    if got is None:
        got = (_expand_literals(pattern, limit),)
        BUILD_CACHE.put(("literals", pattern, limit), got)
    return list(got[0]) if got[0] is not None else None


def _expand_literals(pattern: str, limit: int) -> list[str] | None:
    import itertools
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
            return ["".join(p) for n in range(lo, hi + 1) for p in itertools.product(base, repeat=n)]
        return None

    try:
        return seq(list(_parser.parse(pattern)))
    except Exception:  # noqa: BLE001 - anything unusual: not a finite set
        return None


class RuleRunner:
    """Runs a file's regex rules only where they can match.

    A rule runs not at all when none of its trigger words (:func:`newsextract.triggers.required_literals`, one
    Aho-Corasick pass for all rules) occurs in the text, and only
    in windows around its trigger words when it says how far a match reaches from one (``attach: {before: N,
    after: M}``) or when the regex bounds it (:func:`newsextract.triggers.reach`); literal word lists of the file's lexicon are compiled as tries (one branch per letter instead of
    one per word). Matches are those of the rule run on the whole text.
    """

    def __init__(self, rules: tuple[Rule, ...], lex: dict[str, list[str]] | None = None) -> None:
        tries = []
        for items in (lex or {}).values():
            spellings = [expand_literals(i) for i in items]
            if items and all(sp is not None for sp in spellings):
                flat = sorted({x for sp in spellings for x in sp or []})
                tries.append(("(?:" + "|".join(sorted(items, key=len, reverse=True)) + ")",
                              "(?:" + trie_regex(flat) + ")"))
        self.rules: list[tuple[Rule, Any, tuple[int, int] | None]] = []
        for r in rules:
            src = r.pattern
            for alt, trie in sorted(tries, key=lambda x: -len(x[0])):
                src = src.replace(alt, trie)
            att = r.attrs.get("attach")
            reach = (int(att["before"]), int(att["after"])) if isinstance(att, dict) else None
            # how far a match can read, from the regex itself (kept by the build cache; compiled at once when not)
            # … and the regex behind its first-character guard (triggers.guarded: the same matches), what runs
            width = BUILD_CACHE.get(("runner", src, r.flags))
            if width is None:
                width = (triggers.reach(src, r.flags), triggers.guarded(src, r.flags) or src)
                BUILD_CACHE.put(("runner", src, r.flags), width)
                rx: Any = re.compile(width[1], r.flags)
            else:
                rx = _Lazy(width[1], r.flags)
            if reach is None and r.triggers is not None:
                reach = (width[0], width[0]) if width[0] is not None else None
            self.rules.append((r, rx, reach))
        #: rules without trigger words run on every text
        self.always = {i for i, r in enumerate(rules) if r.triggers is None}
        # trigger word → (rules that only need to know it occurs, rules that run around where it occurs)
        self.words = ahocorasick.Automaton()
        by_word: dict[str, tuple[set[int], set[int]]] = {}
        for i, r in enumerate(rules):
            for w in r.triggers or ():
                by_word.setdefault(w, (set(), set()))[self.rules[i][2] is not None].add(i)
        for w, (present, placed) in by_word.items():
            self.words.add_word(w, (len(w), frozenset(present), tuple(sorted(placed))))
        if by_word:
            self.words.make_automaton()

    def _hits(self, low: str) -> tuple[set[int], dict[int, list[int]]]:
        present: set[int] = set()
        placed: dict[int, list[int]] = {}
        if len(self.words):
            for end, (n, pres, plac) in self.words.iter(low):
                present |= pres
                for i in plac:
                    placed.setdefault(i, []).append(end - n + 1)
        return present, placed

    def finditer(self, t: str) -> Any:
        """(rule, match) pairs, rule by rule in file order, matches in text order."""
        low = t.lower()
        exact = len(low) == len(t)
        present, placed = self._hits(low) if exact else (set(), {})
        for i, (r, rx, reach) in enumerate(self.rules):
            if i in self.always or i in present or not exact:
                yield from ((r, m) for m in rx.finditer(t))
            elif i in placed and reach is not None:
                seen = -1
                for a, b in _windows(sorted(placed[i]), reach, len(t)):
                    for m in rx.finditer(t, a, b):
                        if m.start() >= seen:
                            seen = m.end()
                            yield r, m


class _Lazy:
    """A regex compiled on its first ``finditer``."""

    __slots__ = ("src", "flags", "rx")

    def __init__(self, src: str, flags: int) -> None:
        self.src, self.flags, self.rx = src, flags, None

    def finditer(self, *args: Any) -> Any:
        if self.rx is None:
            self.rx = re.compile(self.src, self.flags)
        return self.rx.finditer(*args)


def _windows(positions: list[int], reach: tuple[int, int], n: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for p in positions:
        a, b = max(0, p - reach[0]), min(n, p + reach[1])
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out
