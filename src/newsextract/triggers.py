"""Trigger words: the literals a rule cannot match without, found for every rule in one pass over the text.

Every regex rule is reduced, at load time, to a set of lower-cased literal strings such that any match of the
rule contains at least one of them (:func:`required_literals`, read off the parsed pattern). One Aho-Corasick
automaton over all those literals (``pyahocorasick``) then scans the lower-cased text once; a rule runs only
where one of its literals occurs. Rules without such a set always run.

>>> sorted(required_literals(r"\\b(?:upfront|up-front)\\s+payments?"))
['up-front', 'upfront']
>>> sorted(required_literals(r"(?:total|aggregate)\\s+value|\\bworth\\b"))
['value', 'worth']
>>> required_literals(r"\\d+\\s*[a-z]+") is None
True
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence

# the parser of Python's own re (private, stable since 3.11, which pyproject requires)
from re import _casefix  # type: ignore[attr-defined]  # private module: no stubs
from re import _constants as _c  # type: ignore[attr-defined]  # private module: no stubs
from re import _parser as _sre  # type: ignore[attr-defined]  # private module: no stubs
from typing import Any

import ahocorasick

__all__ = ["required_literals", "reach", "analyze", "near", "finditer_near", "line_literals", "finditer_lines",
           "lookahead_tail", "TriggerIndex", "START"]

#: a character class with at most this many plain characters still counts as a set of literals
_MAX_CLASS = 6
#: cross products of adjacent alternatives are formed up to this many strings
_MAX_SET = 64
#: a rule whose matches (with what its lookaheads read) may be longer than this runs on the whole text
_MAX_REACH = 400
#: the head literal (:mod:`newsextract.heads`) of the matches that can only start where the text starts (``^``
#: without MULTILINE, ``\A``, before anything a match consumes): no text holds it, a :class:`TriggerIndex` places it
#: at offset 0
START = "\x00^"

_Lits = frozenset[str] | None


def required_literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-cased strings one of which every match of ``pattern`` contains; None when there is no such set."""
    return analyze(pattern, flags)[0]


def analyze(pattern: str, flags: int = 0, with_reach: bool = False) -> tuple[frozenset[str] | None, int | None]:
    """:func:`required_literals` and, with ``with_reach`` and when there are literals, :func:`reach`: one parse."""
    try:
        parsed = _sre.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - an unusual pattern: no prefilter, the rule always runs
        return None, None
    _exact, factors = _seq(list(parsed))
    if not factors or any(not s for s in factors):
        return None, None
    return frozenset(s.lower() for s in factors), _reach(parsed) if with_reach else None


def reach(pattern: str, flags: int = 0) -> int | None:
    """How far from one of its literals a match of ``pattern`` can read: its longest match plus its longest
    lookahead, plus two characters (``\\b`` reads one, ``$`` two: it also matches before a final line break); None
    when unbounded (or over ``_MAX_REACH``).

    A match that holds a literal at ``p`` lies inside ``[p - reach, p + reach)`` and reads nothing beyond it, so
    ``finditer`` over the merged windows around the literals (lookbehinds and ``\\b`` still see the text before a
    window) finds what a scan of the whole text finds, and a match inside a window holds a literal of it.

    >>> reach(r"(?<!x)[a-z]{2,8}(?:bio|pharma)(?![a-z])")
    17
    >>> reach(r"\\w+ inc") is None
    True
    >>> reach(r"(?>ab(?=c{5}))d")
    10
    """
    try:
        parsed = _sre.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - an unusual pattern: no window, the rule scans the whole text
        return None
    return _reach(parsed)


def _reach(parsed: Any) -> int | None:
    total = parsed.getwidth()[1] + _lookahead(list(parsed)) + 2
    return total if total <= _MAX_REACH else None


def _lookahead(items: Sequence[Any]) -> int:
    """The longest assertion (lookahead or lookbehind) anywhere in a parsed pattern."""
    most = 0
    for op, av in items:
        if op in (_c.ASSERT, _c.ASSERT_NOT):
            most = max(most, av[1].getwidth()[1], _lookahead(list(av[1])))
        elif op is _c.SUBPATTERN:
            most = max(most, _lookahead(list(av[-1])))
        elif op is _c.ATOMIC_GROUP:
            most = max(most, _lookahead(list(av)))
        elif op is _c.BRANCH:
            most = max([most, *(_lookahead(list(b)) for b in av[1])])
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            most = max(most, _lookahead(list(av[2])))
        elif op is _c.GROUPREF_EXISTS:
            most = max([most, *(_lookahead(list(b)) for b in av[1:] if b is not None)])
    return most


def near(positions: Sequence[int], width: int, size: int) -> list[tuple[int, int]]:
    """The merged windows ``[p - width, p + width)`` (inside ``[0, size)``) around sorted ``positions``."""
    out: list[tuple[int, int]] = []
    for p in positions:
        _merge(out, max(0, p - width), min(size, p + width))
    return out


def _merge(out: list[tuple[int, int]], a: int, b: int) -> None:
    """Append ``[a, b)`` to sorted ranges ``out``, joined with the last one when they touch."""
    if out and a <= out[-1][1]:
        if b > out[-1][1]:
            out[-1] = (out[-1][0], b)
    else:
        out.append((a, b))


def finditer_near(regex: re.Pattern[str], text: str, starts: Sequence[int] | None, width: int | None,
                  pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
    """``regex.finditer(text, pos, endpos)``, or, given ``starts`` (the sorted offsets of its literals) and its
    :func:`reach` ``width``, only in the windows around those: the same matches. No starts, no matches."""
    end = len(text) if endpos is None else endpos
    if starts is None or (width is None and starts):
        yield from regex.finditer(text, pos, end)
        return
    if width is not None:
        lo = bisect.bisect_left(starts, pos - width)
        hi = bisect.bisect_left(starts, end + width)
        for a, b in near(starts[lo:hi], width, end):
            if b > pos:
                yield from regex.finditer(text, max(a, pos), b)


_NL_CATEGORIES = frozenset(getattr(_c, name) for name in (  # the classes that hold a line break
    "CATEGORY_SPACE", "CATEGORY_NOT_WORD", "CATEGORY_NOT_DIGIT", "CATEGORY_LINEBREAK", "CATEGORY_UNI_SPACE",
    "CATEGORY_UNI_NOT_WORD", "CATEGORY_UNI_NOT_DIGIT", "CATEGORY_UNI_LINEBREAK", "CATEGORY_LOC_NOT_WORD"))


def line_literals(pattern: str, flags: int = 0) -> tuple[re.Pattern[str], int] | None:
    """For a case-sensitive pattern none of whose matches can hold a line break: a regex of the literals (as
    written) one of which every match holds, and how far past a line's end a match starting on it can read (its
    longest lookahead plus two). None for any other pattern.

    Such a rule runs only on the lines that hold one of them (:func:`finditer_lines`): "Inc", "AG" as written are
    rare where "ag" is everywhere.

    >>> line_literals(r"(?<![\\w&])[A-Z]\\w*[ \\t]+(?:Inc|AG)(?!\\w)")[0].pattern
    'Inc|AG'
    >>> line_literals(r"[A-Z]\\w*\\s+(?:Inc|AG)") is None
    True
    """
    if flags & re.IGNORECASE:
        return None
    try:
        parsed = _sre.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - an unusual pattern: no line windows
        return None
    _exact, factors = _seq(list(parsed))
    tail = _lookahead(list(parsed)) + 2  # (see lookahead_tail)
    if not factors or any(not x for x in factors) or parsed.getwidth()[0] == 0 or tail > _MAX_REACH or \
            flags & re.DOTALL or not _no_newline(list(parsed)):
        return None
    return re.compile("|".join(re.escape(x) for x in sorted(factors, key=lambda x: (-len(x), x)))), tail


def lookahead_tail(regex: re.Pattern[str]) -> int | None:
    """How far past its end a match of ``regex`` can read: its longest lookahead plus two (None: unbounded)."""
    tail = _lookahead(list(_sre.parse(regex.pattern, regex.flags))) + 2
    return tail if tail <= _MAX_REACH else None


def _no_newline(items: Sequence[Any]) -> bool:
    """Whether nothing a parsed pattern consumes can be a line break (assertions only read)."""
    for op, av in items:
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT, _c.ANY):  # (ANY: DOTALL is ruled out by the caller)
            continue
        if op is _c.LITERAL or op is _c.NOT_LITERAL:
            if (av == 10) != (op is _c.LITERAL):
                continue
            return False
        if op is _c.IN:
            if _class_has_newline(av):
                return False
        elif op is _c.SUBPATTERN:
            if av[1] & re.DOTALL or not _no_newline(list(av[-1])):
                return False
        elif op is _c.BRANCH:
            if not all(_no_newline(list(b)) for b in av[1]):
                return False
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            if not _no_newline(list(av[2])):
                return False
        elif op is _c.ATOMIC_GROUP:
            if not _no_newline(list(av)):
                return False
        else:
            return False  # a back-reference, a conditional …: may be anything
    return True


def _class_has_newline(items: Sequence[Any]) -> bool:
    negate, has = False, False
    for op, av in items:
        if op is _c.NEGATE:
            negate = True
        elif op is _c.LITERAL:
            has = has or av == 10
        elif op is _c.RANGE:
            has = has or av[0] <= 10 <= av[1]
        elif op is _c.CATEGORY:
            has = has or av in _NL_CATEGORIES
        else:
            return True  # unknown: it may
    return has != negate


def finditer_lines(regex: re.Pattern[str], text: str, literals: re.Pattern[str], tail: int, pos: int = 0,
                   endpos: int | None = None) -> Iterator[re.Match[str]]:
    """``regex.finditer(text, pos, endpos)`` for a pattern :func:`line_literals` gives ``literals`` and ``tail``
    for: only on the lines that hold one of the literals, each read ``tail`` characters on (its matches never
    cross a line break, and what they read past it is there). The same matches."""
    end = len(text) if endpos is None else endpos
    ranges: list[tuple[int, int]] = []
    for m in literals.finditer(text, pos, end):
        if ranges and m.start() < ranges[-1][1]:
            continue  # its line is in already
        le = text.find("\n", m.start())
        _merge(ranges, text.rfind("\n", 0, m.start()) + 1, len(text) if le < 0 else le)
    for a, b in ranges:
        for m in regex.finditer(text, max(a, pos), min(end, b + tail)):
            if m.start() >= b:
                break  # (starts on a line without a literal: no match of the rule, only an artefact of the cut)
            yield m


def _score(s: frozenset[str]) -> tuple[int, int]:
    # the more selective set first: longest shortest string, then fewest strings
    return (min(len(x) for x in s), -len(s))


def _better(a: _Lits, b: _Lits) -> _Lits:
    if a is None:
        return b
    if b is None:
        return a
    return a if _score(a) >= _score(b) else b


def _seq(items: Sequence[Any]) -> tuple[_Lits, _Lits]:
    """(exact, factors) of a sequence: ``exact`` the set of whole strings it can be (when finite), ``factors`` a
    set of strings one of which every match contains."""
    best: _Lits = None
    run: _Lits = frozenset([""])  # exact strings of the current run of finite nodes
    finite = True  # every node has a finite set of exact strings
    for op, av in items:
        ex, fa = _node(op, av)
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero-width: neither breaks a run nor contributes
        finite = finite and ex is not None
        if ex is not None and run is not None and len(run) * len(ex) <= _MAX_SET:
            run = frozenset(a + b for a in run for b in ex)
            continue
        if run is not None and run != frozenset([""]):
            best = _better(best, _nonempty(run))
        best = _better(best, fa)
        run = ex if ex is not None else frozenset([""])
    exact = run if finite else None
    if run is not None and run != frozenset([""]):
        best = _better(best, _nonempty(run))
    return exact, best


def _nonempty(s: frozenset[str]) -> _Lits:
    return None if any(not x for x in s) else s


def _node(op: Any, av: Any) -> tuple[_Lits, _Lits]:
    if op is _c.LITERAL:
        ch = frozenset([chr(av)])
        return ch, ch
    if op is _c.IN:
        chars = []
        for iop, iav in av:
            if iop is _c.LITERAL:
                chars.append(chr(iav))
            else:
                return None, None
        if 0 < len(chars) <= _MAX_CLASS:
            s = frozenset(chars)
            return s, s
        return None, None
    if op is _c.SUBPATTERN:
        return _seq(list(av[-1]))
    if op is _c.BRANCH:
        exacts: set[str] = set()
        facts: set[str] = set()
        ex_ok = fa_ok = True
        for branch in av[1]:
            e, f = _seq(list(branch))
            if e is None or len(exacts) > _MAX_SET:
                ex_ok = False
            else:
                exacts |= e
            if f is None:
                fa_ok = False
            else:
                facts |= f
        return (frozenset(exacts) if ex_ok else None), (frozenset(facts) if fa_ok else None)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        lo, hi, sub = av
        e, f = _seq(list(sub))
        if lo == 0:
            if hi == 1 and e is not None:
                return e | frozenset([""]), None  # optional: finite, but no required factor
            return None, None
        if lo == hi == 1:
            return e, f
        return None, f
    return None, None


class TriggerIndex:
    """One automaton over the literals of many rules; tells which rules can match and where.

    ``rules`` are (key, literals) pairs; literals None means "always run".
    """

    def __init__(self, rules: Iterable[tuple[Any, frozenset[str] | None]]) -> None:
        self.always: list[Any] = []
        self.keys: list[Any] = []
        lit_rules: dict[str, list[int]] = {}
        odd: set[str] = set()
        #: the rules one of whose literals is the text's start (:data:`newsextract.heads.START`): at offset 0
        self.at_start: list[int] = []
        for key, lits in rules:
            if lits is None:
                self.always.append(key)
                continue
            idx = len(self.keys)
            self.keys.append(key)
            for lit in lits:
                if lit == START:
                    self.at_start.append(idx)
                    continue
                lit_rules.setdefault(lit, []).append(idx)
                odd.update(_odd_cases(lit))
        #: characters a case-insensitive regex takes for a literal's letter but that lower-case to another letter
        #: (ſ for s, ı for i): in a text that holds one, the literals found in its lower-cased copy may miss a match
        self._odd = frozenset(odd)
        self.automaton = ahocorasick.Automaton()
        for lit, idxs in lit_rules.items():
            self.automaton.add_word(lit, (tuple(idxs), len(lit), frozenset(self.keys[i] for i in idxs)))
        self.empty = not lit_rules
        if not self.empty:
            self.automaton.make_automaton()

    def exact(self, text: str, lowered: str) -> bool:
        """Whether the literals found in ``lowered`` (``text.lower()``) stand for every match of the rules in
        ``text``, also of rules matched case-insensitively on ``text`` itself; when not, run every rule."""
        return len(lowered) == len(text) and not (self._odd and any(ch in text for ch in self._odd))

    def present(self, lowered: str) -> set[Any]:
        """The keys of the rules whose literals occur in ``lowered`` (``hits`` without the offsets)."""
        found: set[Any] = {self.keys[i] for i in self.at_start}
        if not self.empty:
            for _end, (_idxs, _length, keys) in self.automaton.iter(lowered):
                found |= keys
        return found

    def hits(self, lowered: str) -> dict[Any, list[int]]:
        """key → sorted start offsets of its literals in ``lowered``, for every rule that has one (the text's start
        at offset 0)."""
        found: dict[int, list[int]] = {i: [0] for i in self.at_start}
        if not self.empty:
            for end, (idxs, length, _keys) in self.automaton.iter(lowered):
                start = end - length + 1
                for i in idxs:
                    found.setdefault(i, []).append(start)
        return {self.keys[i]: sorted(v) for i, v in found.items()}


def _odd_cases(literal: str) -> set[str]:
    out = set()
    for ch in literal:
        for other in _casefix._EXTRA_CASES.get(ord(ch), ()):
            if chr(other).lower() != ch:
                out.add(chr(other))
    return out


def windows(positions: Sequence[int], sentences: Sequence[tuple[int, int]], starts: Sequence[int]) -> list[tuple[int, int]]:
    """The merged sentence ranges that hold any of ``positions`` (``starts``: the sentence starts, sorted)."""
    out: list[tuple[int, int]] = []
    for p in positions:
        i = bisect.bisect_right(starts, p) - 1
        if i < 0:
            continue
        _merge(out, *sentences[i])
    return out
