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

__all__ = ["required_literals", "required_sets", "also_sets", "guarded", "lookahead_literals", "reach", "analyze", "near", "finditer_near", "line_literals", "finditer_lines",
           "lookahead_tail", "TriggerIndex", "START"]

#: a character class with at most this many plain characters still counts as a set of literals
_MAX_CLASS = 6
#: cross products of adjacent alternatives are formed up to this many strings
_MAX_SET = 64
#: a rule whose matches (with what its lookaheads read) may be longer than this runs on the whole text
_MAX_REACH = 400
#: a case-insensitive first-character guard may take at most this many letters (:func:`guarded`)
_MAX_GUARD_LETTERS = 5
#: a rule is checked for at most this many required sets beside its index literals (:func:`also_sets`) …
_MAX_ALSO = 3
#: … of at most this many strings each
_MAX_ALSO_SIZE = 32
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


def required_sets(pattern: str, flags: int = 0) -> list[frozenset[str]]:
    """Every set of lower-cased strings that the top-level sequence of ``pattern`` requires: a match holds one
    string of each set (the one :func:`required_literals` gives is among them). Empty for an unusual pattern.

    >>> sorted(map(sorted, required_sets(r"(?:license|licence)\\s+\\w+\\s+to\\b")))
    [['licence', 'license'], ['to']]
    """
    try:
        parsed = _sre.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - an unusual pattern: nothing required
        return []
    return [frozenset(s.lower() for s in x) for x in _all_factors(list(parsed))]


def also_sets(pattern: str, flags: int, index_literals: frozenset[str] | None) -> tuple[frozenset[str], ...]:
    """The required sets of ``pattern`` (:func:`required_sets`) beside its ``index_literals`` worth checking too:
    a rule whose index literals occur but one of whose other required sets does not cannot match. At most
    ``_MAX_ALSO`` sets of at most ``_MAX_ALSO_SIZE`` strings, none shorter than 2 characters, the most selective
    first (a one-character set holds for nearly every text)."""
    if not index_literals:
        return ()
    sets = {x for x in required_sets(pattern, flags)
            if x != index_literals and len(x) <= _MAX_ALSO_SIZE and min(len(s) for s in x) >= 2}
    return tuple(sorted(sets, key=lambda x: (_score(x), sorted(x)), reverse=True)[:_MAX_ALSO])


def _all_factors(items: Sequence[Any]) -> list[frozenset[str]]:
    """Each required factor set of a sequence (what :func:`_seq` chooses its best one among)."""
    out: list[frozenset[str]] = []
    run: _Lits = frozenset([""])
    for op, av in items:
        ex, fa = _node(op, av)
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue
        if ex is not None and run is not None and len(run) * len(ex) <= _MAX_SET:
            run = frozenset(a + b for a in run for b in ex)
            continue
        if run is not None and run != frozenset([""]) and _nonempty(run):
            out.append(run)
        if fa is not None and _nonempty(fa):
            out.append(fa)
        run = ex if ex is not None else frozenset([""])
    if run is not None and run != frozenset([""]) and _nonempty(run):
        out.append(run)
    return out


_CATEGORY_SRC = {getattr(_c, k): v for k, v in (
    ("CATEGORY_DIGIT", r"\d"), ("CATEGORY_NOT_DIGIT", r"\D"), ("CATEGORY_SPACE", r"\s"),
    ("CATEGORY_NOT_SPACE", r"\S"), ("CATEGORY_WORD", r"\w"), ("CATEGORY_NOT_WORD", r"\W"))}
_GLOBAL_FLAGS = re.compile(r"\A\(\?[aiLmsux]+\)")


class _NoGuard(Exception):
    pass


def guarded(pattern: str, flags: int = 0) -> str | None:
    """``pattern`` behind a lookahead for the characters its matches can start with, for a pattern that Python's
    ``re`` finds no literal or character-set prefix for (one that starts with ``\\b``, a lookbehind or an
    alternation of such): ``finditer`` then rejects a position with one test instead of trying every branch there.
    The same matches (the first character a match consumes is one of them; a pattern that can match the empty
    string gets none). None when the pattern needs none or its first characters cannot be told.

    >>> guarded(r"(?<=x)\\s+and\\b|;\\s+")
    '(?=[\\\\s\\\\x3b])(?:(?<=x)\\\\s+and\\\\b|;\\\\s+)'
    >>> guarded(r"deal\\w+") is None, guarded(r"(?<!x)(?:a|b)?") is None
    (True, True)
    """
    if flags & re.VERBOSE:
        return None
    try:
        parsed = _sre.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - an unusual pattern: as it is
        return None
    if parsed.getwidth()[0] == 0 or parsed.state.flags & re.VERBOSE:
        return None
    from re import _compiler  # type: ignore[attr-defined]  # private module: no stubs

    if _compiler._get_literal_prefix(parsed, parsed.state.flags)[0] or \
            _compiler._get_charset_prefix(parsed, parsed.state.flags):
        return None  # re skips to where a match can start already
    first = list(parsed)
    while first and first[0][0] is _c.SUBPATTERN:
        first = list(first[0][1][-1])
    if not first or first[0][0] not in (_c.AT, _c.ASSERT, _c.ASSERT_NOT, _c.BRANCH) or \
            first[0][0] is _c.AT and first[0][1] not in (_c.AT_BOUNDARY, _c.AT_NON_BOUNDARY, _c.AT_BEGINNING_LINE) or \
            first[0][0] in (_c.ASSERT, _c.ASSERT_NOT) and first[0][1][0] != -1:
        # a pattern that starts with what it consumes is rejected at a position about as fast; one anchored at the
        # text's start is tried there only; one that starts with a lookahead has a guard of its own
        return None
    try:
        pieces, empty = _first(list(parsed))
    except _NoGuard:
        return None
    if empty or not pieces or any(p.startswith("[^") or not _narrow(p) for p in pieces):
        return None  # (a guard that most characters pass costs more than it saves)
    one = "".join(sorted(p[1:-1] if p.startswith("[") else p for p in pieces if not p.startswith("[^")))
    if parsed.state.flags & re.IGNORECASE and \
            sum(1 for ch in "abcdefghijklmnopqrstuvwxyz" if re.match(f"[{one}]", ch, re.I)) > _MAX_GUARD_LETTERS:
        return None  # (a case-insensitive class of many letters is a slow test that most positions pass)
    alts = ([f"[{one}]"] if one else []) + sorted(p for p in pieces if p.startswith("[^"))
    head = _GLOBAL_FLAGS.match(pattern)
    k = head.end() if head else 0
    return f"{pattern[:k]}(?={'|'.join(alts)})(?:{pattern[k:]})"


def _first(items: Sequence[Any]) -> tuple[set[str], bool]:
    """Class sources of the characters a sequence's match can start with, and whether it can be empty."""
    out: set[str] = set()
    for op, av in items:
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue
        if op is _c.LITERAL:
            out.add(_char(av))
            return out, False
        if op is _c.IN:
            out.add(_class(av))
            return out, False
        if op is _c.SUBPATTERN:
            if av[1] or av[2]:
                raise _NoGuard  # flags changed inside the group
            got, empty = _first(list(av[-1]))
        elif op is _c.ATOMIC_GROUP:
            got, empty = _first(list(av))
        elif op is _c.BRANCH:
            got, empty = set(), False
            for b in av[1]:
                g, e = _first(list(b))
                got |= g
                empty = empty or e
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            got, empty = _first(list(av[2]))
            empty = empty or av[0] == 0
        else:
            raise _NoGuard  # ANY, a back-reference, a conditional …
        out |= got
        if not empty:
            return out, False
    return out, True


def _narrow(piece: str) -> bool:
    """Whether a class source of :func:`_first` holds few of the characters of a text: no class of word or
    non-space characters, no run of more than 12 lower-case letters."""
    if any(cat in piece for cat in (r"\w", r"\W", r"\S", r"\D")):
        return False
    for lo, hi in re.findall(r"\\(?:x|u|U)([0-9a-f]+)-\\(?:x|u|U)([0-9a-f]+)", piece):
        a, b = int(lo, 16), int(hi, 16)
        if min(b, 0x7A) - max(a, 0x61) >= 12:
            return False
    return True


def _char(code: int) -> str:
    return f"\\U{code:08x}" if code > 0xFFFF else f"\\u{code:04x}" if code > 0xFF else f"\\x{code:02x}"


def _class(items: Sequence[Any]) -> str:
    parts = []
    for op, av in items:
        if op is _c.NEGATE:
            parts.insert(0, "^")
        elif op is _c.LITERAL:
            parts.append(_char(av))
        elif op is _c.RANGE:
            parts.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is _c.CATEGORY and av in _CATEGORY_SRC:
            parts.append(_CATEGORY_SRC[av])
        else:
            raise _NoGuard
    return "[" + "".join(parts) + "]"


def lookahead_literals(pattern: str, flags: int = 0, max_class: int = 16) -> frozenset[str] | None:
    """Lower-cased strings one of which a text holds wherever ``pattern`` matches, read off a lookahead of its
    top-level sequence (what :func:`required_literals` leaves out: a lookahead reads past the match, so its
    literals tell whether the text can hold a match, not where). A lookahead that starts with a class of at most
    ``max_class`` plain characters gives those. None when there is no such lookahead.

    >>> sorted(lookahead_literals(r"(?<!\\s)\\s*(?=[★•●▪■◆►▶])"))
    ['•', '■', '▪', '▶', '►', '◆', '●', '★']
    >>> sorted(lookahead_literals(r"\\s*(?=Group \\d+)"))
    ['group ']
    """
    try:
        parsed = _sre.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - an unusual pattern: none
        return None
    best: _Lits = None
    for op, av in list(parsed):
        if op is not _c.ASSERT or av[0] != 1:
            continue
        items = list(av[1])
        _exact, fa = _seq(items)
        if fa is not None and _nonempty(fa):
            best = _better(best, fa)
        if items and items[0][0] is _c.IN and all(iop is _c.LITERAL for iop, _ in items[0][1]) and \
                0 < len(items[0][1]) <= max_class:
            best = _better(best, frozenset(chr(c) for _, c in items[0][1]))
    return frozenset(x.lower() for x in best) if best else None


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

    ``rules`` are (key, literals) pairs; literals None means "always run". ``also`` (key → sets of lower-cased
    strings, :func:`also_sets`): what else a rule's every match holds, one string of each set; a rule one of whose
    sets is absent from the text is left out of :meth:`present` and :meth:`hits` (it cannot match there). Their
    strings are found in the same pass.
    """

    def __init__(self, rules: Iterable[tuple[Any, frozenset[str] | None]],
                 also: dict[Any, Sequence[frozenset[str]]] | None = None) -> None:
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
        # the also-sets, numbered; a literal → the numbers of the sets it is in
        set_ids: dict[frozenset[str], int] = {}
        lit_sets: dict[str, set[int]] = {}
        #: (rule index, the numbers of its also-sets), for the rules that have any
        self._also: list[tuple[int, frozenset[int]]] = []
        for idx, key in enumerate(self.keys):
            sets = (also or {}).get(key) or ()
            if not sets:
                continue
            ids = []
            for x in sets:
                n = set_ids.setdefault(x, len(set_ids))
                ids.append(n)
                for lit in x:
                    lit_sets.setdefault(lit, set()).add(n)
                    odd.update(_odd_cases(lit))
            self._also.append((idx, frozenset(ids)))
        #: characters a case-insensitive regex takes for a literal's letter but that lower-case to another letter
        #: (ſ for s, ı for i): in a text that holds one, the literals found in its lower-cased copy may miss a match
        self._odd = frozenset(odd)
        self.automaton = ahocorasick.Automaton()
        for lit in {*lit_rules, *lit_sets}:
            idxs = tuple(lit_rules.get(lit, ()))
            self.automaton.add_word(lit, (idxs, len(lit), frozenset(self.keys[i] for i in idxs),
                                          frozenset(lit_sets.get(lit, ()))))
        self.empty = not lit_rules
        if lit_rules or lit_sets:
            self.automaton.make_automaton()

    def exact(self, text: str, lowered: str) -> bool:
        """Whether the literals found in ``lowered`` (``text.lower()``) stand for every match of the rules in
        ``text``, also of rules matched case-insensitively on ``text`` itself; when not, run every rule."""
        return len(lowered) == len(text) and not (self._odd and any(ch in text for ch in self._odd))

    def present(self, lowered: str) -> set[Any]:
        """The keys of the rules whose literals occur in ``lowered`` (``hits`` without the offsets)."""
        found: set[Any] = {self.keys[i] for i in self.at_start}
        if not self.empty:
            sets: set[int] = set()
            for _end, (_idxs, _length, keys, ids) in self.automaton.iter(lowered):
                found |= keys
                if ids:
                    sets |= ids
            for i, need in self._also:
                if not need <= sets:
                    found.discard(self.keys[i])
        return found

    def hits(self, lowered: str) -> dict[Any, list[int]]:
        """key → sorted start offsets of its literals in ``lowered``, for every rule that has one (the text's start
        at offset 0)."""
        found: dict[int, list[int]] = {i: [0] for i in self.at_start}
        if not self.empty:
            sets: set[int] = set()
            for end, (idxs, length, _keys, ids) in self.automaton.iter(lowered):
                start = end - length + 1
                for i in idxs:
                    found.setdefault(i, []).append(start)
                if ids:
                    sets |= ids
            for i, need in self._also:
                if not need <= sets:
                    found.pop(i, None)
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
