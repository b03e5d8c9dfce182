"""Head literals: strings one of which every match of a rule *starts with*, so that the rule is tried only where one
of them is.

A rule whose matches can be arbitrarily long (no :func:`~newsextract.triggers.reach`) scans the whole text even
when its trigger words are rare, and Python's ``re`` tries every position of it (it skips ahead quickly only for a
pattern that starts with a literal or a character set; ours mostly start with ``\\b`` or a lookbehind). When every
match starts with one of a few literals (:func:`head_literals`, read off the parsed pattern), the trigger automaton
(:class:`~newsextract.triggers.TriggerIndex`) finds those in its one pass over the text, and the rule is tried at
them alone (:func:`finditer_at`): the same matches as ``finditer``.

>>> sorted(head_literals(r"\\b(?:upfront|up-front)\\s+payments?"))
['up-front', 'upfront']
>>> sorted(head_literals(r"(?<![\\w-])(?:the )?deals?\\b"))
['deal', 'the ']
>>> head_literals(r"\\b[A-Z]\\w+ Inc") is None
True
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

# the parser of Python's own re (private, stable since 3.11, which pyproject requires)
from re import _constants as _c  # type: ignore[attr-defined]  # private module: no stubs
from re import _parser as _sre  # type: ignore[attr-defined]  # private module: no stubs
from typing import Any

from .triggers import START, _reach, _seq

__all__ = ["head_literals", "analyze_rule", "finditer_at", "START"]

#: at most this many head literals (more: no heads, the rule scans as before)
_MAX_SET = 64
#: a literal is extended by what follows it up to this many characters
_MAX_LEN = 8
#: … and when that gives too many heads, up to these many
_LENGTHS = (_MAX_LEN, 4, 3)
#: the analysis gives up (no heads) after this many steps: nested optional alternations multiply
_MAX_STEPS = 3000
#: a character class with at most this many plain characters counts as that many literals
_MAX_CLASS = 6
#: heads shorter than this are everywhere: such a rule scans as before
MIN_HEAD = 2
_REPEATS = tuple(x for x in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) if x is not None)
_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)

_Set = frozenset[str] | None


def head_literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Strings (as written in the pattern) one of which every match of ``pattern`` starts with; None when there is
    no such set (a match may start with anything, or the set would be too large)."""
    try:
        parsed = _sre.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - an unusual pattern: no heads
        return None
    return _parsed_heads(parsed)


def _parsed_heads(parsed: Any) -> frozenset[str] | None:
    anchors = (_c.AT_BEGINNING_STRING,) if parsed.state.flags & re.MULTILINE else \
        (_c.AT_BEGINNING, _c.AT_BEGINNING_STRING)
    for length in _LENGTHS:  # (shorter heads when the longer ones are too many: fewer combinations)
        try:
            heads = _heads(list(parsed), length, [_MAX_STEPS], anchors, length)
        except (RecursionError, _TooLong):
            return None
        if heads and all(heads):
            return heads
    return None


def analyze_rule(pattern: str, flags: int = 0) -> tuple[frozenset[str] | None, int | None, frozenset[str] | None]:
    """A rule's trigger literals and reach (:func:`newsextract.triggers.analyze`) and, for a rule with trigger
    literals but no reach, its lower-cased head literals when none is shorter than ``MIN_HEAD`` (else None): one
    parse of the pattern."""
    try:
        parsed = _sre.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - an unusual pattern: no prefilter, the rule always runs
        return None, None, None
    _exact, factors = _seq(list(parsed))  # as newsextract.triggers.analyze reads them
    if not factors or any(not s for s in factors):
        return None, None, None
    lits, reach = frozenset(s.lower() for s in factors), _reach(parsed)
    if reach is not None:
        return lits, reach, None
    heads = _parsed_heads(parsed)
    if heads is None or min(len(h) for h in heads) < MIN_HEAD:
        return lits, reach, None
    return lits, reach, frozenset(h.lower() for h in heads)


class _TooLong(Exception):
    pass


def _heads(items: Sequence[Any], budget: int, steps: list[int], anchors: tuple[Any, ...] = (), top: int = _MAX_LEN) -> _Set:
    steps[0] -= 1
    if steps[0] < 0:
        raise _TooLong
    i = 0
    while i < len(items) and items[i][0] in _ZERO_WIDTH:
        if budget == top and items[i][0] is _c.AT and items[i][1] in anchors:
            return frozenset([START])  # (nothing consumed yet: the match starts where the text does)
        i += 1  # \b, lookarounds: they consume nothing
    if i == len(items):
        return None  # the rest can match the empty string
    op, av = items[i]
    rest = list(items[i + 1:])
    if op is _c.SUBPATTERN:
        if av[1] or av[2]:
            return None  # (?i:…) and the like: its literals would be read with other flags
        return _heads(list(av[-1]) + rest, budget, steps, anchors, top)
    if op is _c.ATOMIC_GROUP:
        return _heads(list(av) + rest, budget, steps, anchors, top)
    if op is _c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            h = _heads(list(branch) + rest, budget, steps, anchors, top)
            if h is None or len(out | h) > _MAX_SET:
                return None
            out |= h
        return frozenset(out)
    if op in _REPEATS:
        lo, hi, sub = av
        if lo == hi == 1:
            return _heads(list(sub) + rest, budget, steps, anchors, top)
        h = _heads(list(sub), budget, steps, anchors, top)
        if h is not None and lo == 0:
            r = _heads(rest, budget, steps, anchors, top)
            h = None if r is None else h | r
        return h if h is not None and len(h) <= _MAX_SET else None
    chars = _chars(op, av)
    if chars is None:
        return None
    tail = _heads(rest, budget - 1, steps) if budget > 1 else None
    if tail is not None and len(chars) * len(tail) <= _MAX_SET:
        return frozenset(a + b for a in chars for b in tail)
    return chars


def _chars(op: Any, av: Any) -> _Set:
    """The characters one literal or small class matches (as written), else None."""
    if op is _c.LITERAL:
        return frozenset([chr(av)])
    if op is _c.IN and av:
        chars: set[str] = set()
        for iop, iav in av:
            if iop is _c.LITERAL:
                chars.add(chr(iav))
            elif iop is _c.RANGE and iav[1] - iav[0] < _MAX_CLASS:  # a small range: "[1-4]"
                chars.update(chr(c) for c in range(iav[0], iav[1] + 1))
            else:
                return None
            if len(chars) > _MAX_CLASS:
                return None
        return frozenset(chars)
    return None


def finditer_at(regex: re.Pattern[str], text: str, starts: Sequence[int], pos: int = 0,
                endpos: int | None = None) -> Iterator[re.Match[str]]:
    """``regex.finditer(text, pos, endpos)`` for a ``regex`` every match of which starts at one of ``starts`` (the
    sorted offsets of its head literals): ``regex`` is tried only there. The same matches: the match ``finditer``
    finds at ``s`` is the one ``match`` finds at ``s`` (lookbehinds, ``\\b`` and ``^`` see the text before ``s``
    either way), and no match starts anywhere else."""
    end = len(text) if endpos is None else endpos
    match = regex.match
    last = pos  # matches do not overlap: the next one starts at or after the end of the last
    tried = -1
    for i in range(bisect.bisect_left(starts, pos), len(starts)):
        s = starts[i]
        if s >= end:
            return
        if s < last or s == tried:
            continue
        tried = s
        m = match(text, s, end)
        if m is not None:
            yield m
            last = m.end()
