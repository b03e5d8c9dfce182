"""Head literals (newsextract.heads): a rule tried only where one of its head literals starts finds what a scan of
the whole text finds."""

from __future__ import annotations

import re
from pathlib import Path

import ahocorasick
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsextract.heads import START, analyze_rule, finditer_at, head_literals
from newsextract.patterns import load_file as load_pattern_file
from newsextract.patterns import load_rules, rule_sections

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted((ROOT / "src/newsextract/patterns").glob("*/*.yml"))


def _rules_with_heads() -> list:
    out = []
    for path in FILES:
        lang, name = path.parent.name, path.stem
        for section in rule_sections(load_pattern_file(lang, name)):
            out += [r for r in load_rules(lang, name, section=section) if r.heads]
    return out


RULES = _rules_with_heads()


def _starts(heads: frozenset[str], low: str) -> list[int]:
    auto = ahocorasick.Automaton()
    for h in heads:
        auto.add_word(h, len(h))
    auto.make_automaton()
    return sorted([0] * (START in heads) + [end - n + 1 for end, n in auto.iter(low)])


def _same(rx: re.Pattern[str], heads: frozenset[str], text: str, low: str, pos: int = 0,
          endpos: int | None = None) -> None:
    end = len(text) if endpos is None else endpos
    want = [(m.span(), m.groups()) for m in rx.finditer(text, pos, end)]
    got = [(m.span(), m.groups()) for m in finditer_at(rx, text, _starts(heads, low), pos, endpos)]
    assert got == want, rx.pattern


@pytest.mark.parametrize(("pattern", "heads"), [
    (r"\b(?:upfront|up-front)\s+payments?", {"upfront", "up-front"}),
    (r"(?<![\w-])(?:the )?deals?\b", {"the ", "deal"}),
    (r"(?m)^\W*(?:it|they)\b", None),  # \W* may start anywhere, on any line
    (r"^\W*(?:it|they)\b|\bwill pay", {START, "will pay"}),  # (only where the text starts)
    (r"x?\A\W*it", {"x", START}),
    (r"a(?:^b|c)", {"ab", "ac"}),  # (past the text's start: no match, no START)
    (r"\b(?:q[1-4]|h1)\b", {"q1", "q2", "q3", "q4", "h1"}),  # a small range is a few literals
    (r"\b[A-Z]\w+ Inc", None),  # a class of 26 letters
    (r"(?i:abc)d", None),  # read with other flags
    (r"(?:ab)?", None),  # may match the empty string
])
def test_head_literals(pattern: str, heads: set[str] | None) -> None:
    assert head_literals(pattern) == (frozenset(heads) if heads is not None else None)


def test_heads_only_without_reach() -> None:
    lits, reach, heads = analyze_rule(r"\b(?:upfront|up-front)\s+payments?")
    assert reach is None and heads == {"upfront", "up-front"} and lits
    assert analyze_rule(r"\bupfront (?:payment|fee)")[2] is None  # bounded: windows around the literals already


def test_shorter_heads_when_too_many() -> None:
    # 8 characters long, the heads would be 9 x 8 (over 64): 4 long, they are the 9 words
    words = ["abcd", "bcde", "cdef", "defg", "efgh", "fghi", "ghij", "hijk", "ijkl"]
    heads = head_literals("(?:" + "|".join(w + "(?:1|2|3|4|5|6|7|8)" for w in words) + ")")
    assert heads == set(words)


def test_start_is_at_offset_zero() -> None:
    from newsextract.triggers import TriggerIndex

    index = TriggerIndex([("a", frozenset({START, "will pay"})), ("b", frozenset({"x"}))])
    assert index.hits("it will pay") == {"a": [0, 3]} and index.present("none") == {"a"}


def test_rules_with_heads_exist() -> None:
    assert len(RULES) > 20


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_same_matches_on_corpus(lang: str) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / lang).glob("*.txt"))[:25]]
    for r in RULES:
        for text in texts:
            low = text.lower()
            if len(low) != len(text):
                continue
            if r.fast is not None:
                _same(r.fast, r.heads, low, low)
                _same(r.fast, r.heads, low, low, len(low) // 3, len(low) - 7)
            _same(r.regex, r.heads, text, low)


_PIECES = ["upfront", "Up-Front", " ", "\n", "payment", "payments", "the ", "deal", "deals", "milestone", "$5m", ".",
           ",", "-", "a", "royalty", "royalties", "首付款", "亿美元", "(", ")", "license", "licensed to", "Inc", "It", "will pay"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.integers(0, 30))
def test_same_matches_on_made_texts(pieces: list[str], pos: int) -> None:
    text = "".join(pieces)
    low = text.lower()
    if len(low) != len(text):
        return
    for r in RULES:
        _same(r.fast or r.regex, r.heads, low if r.fast is not None else text, low, min(pos, len(text)))
