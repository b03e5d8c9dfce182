"""First-character guards and other required literal sets (newsextract.triggers ``guarded``, ``also_sets``): a rule
run behind its guard finds what it finds without, and a text that lacks one string of each of a rule's required sets
holds no match of it — on every rule file, the corpus, realdev and the rules' own examples."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsextract.patterns import load_file as load_pattern_file
from newsextract.patterns import load_rules, rule_sections
from newsextract.triggers import also_sets, guarded, required_sets

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted((ROOT / "src/newsextract/patterns").glob("*/*.yml"))


def _rules() -> list:
    out = []
    for path in FILES:
        lang, name = path.parent.name, path.stem
        for section in rule_sections(load_pattern_file(lang, name)):
            out += list(load_rules(lang, name, section=section))
    return out


RULES = _rules()
GUARDED = [r for r in RULES if r.guarded]
ALSO = [r for r in RULES if r.also]
TEXTS = [p.read_text(encoding="utf-8") for p in
         sorted((ROOT / "corpus").glob("*/*.txt")) + sorted((ROOT.parent / "shared" / "realdev").glob("*/*.txt"))]


def _used(r) -> re.Pattern[str]:
    return r.fast if r.fast_pattern is not None else r.regex


def test_some_rules_are_guarded_and_have_other_sets() -> None:
    assert len(GUARDED) > 50 and len(ALSO) > 50


@pytest.mark.parametrize("rule", GUARDED, ids=[r.id for r in GUARDED])
def test_guard_changes_no_match(rule) -> None:
    used = _used(rule)
    guard = re.compile(rule.guarded, used.flags)
    for text in [*TEXTS, *rule.examples, *rule.negatives]:
        on = text.lower() if rule.fast_pattern is not None else text
        want = [(m.span(), m.groupdict()) for m in used.finditer(on)]
        assert [(m.span(), m.groupdict()) for m in guard.finditer(on)] == want, rule.id


@pytest.mark.parametrize("rule", ALSO, ids=[r.id for r in ALSO])
def test_other_sets_hold_in_every_match(rule) -> None:
    used = _used(rule)
    for text in [*TEXTS, *rule.examples]:
        on = text.lower() if rule.fast_pattern is not None else text
        for m in used.finditer(on):
            for s in rule.also:
                assert any(x in m.group(0).lower() for x in s), (rule.id, m.group(0), sorted(s))


_PIECES = ["ab", "x", "\\s+", ";", "(?<=a)", "(?<!b)", "\\b", "(?:c|d)", "[e-g]", "h?", "(?:i|j)*", "[^k]", "\\d",
           "(?=l)", "m{0,2}", "[A-C]", "n+", "(?:o|p\\s)+"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=5), min_size=1, max_size=3),
       st.text(alphabet="abcdefghijklmnop ;ABC12\n", max_size=60))
def test_guard_of_any_pattern_changes_no_match(branches: list[list[str]], text: str) -> None:
    pattern = "|".join("".join(b) for b in branches)
    g = guarded(pattern)
    if g is not None:
        assert [(m.span(), m.groups()) for m in re.finditer(g, text)] == \
            [(m.span(), m.groups()) for m in re.finditer(pattern, text)], (pattern, g)
    for m in re.finditer(pattern, text):
        for s in required_sets(pattern):
            assert any(x in m.group(0).lower() for x in s), (pattern, m.group(0), s)
    lits = also_sets(pattern, 0, frozenset(["zz"]))
    assert all(len(x) >= 2 for s in lits for x in s)


def test_segment_lookahead_literals_hold_where_a_rule_matches() -> None:
    from newsextract.layout.segment import get_segmenter

    for lang in ("en", "zh"):
        seg = get_segmenter(lang)
        for rule in seg.rules:
            ahead = seg._ahead.get(rule.id)
            if ahead is None:
                continue
            for text in [*TEXTS, *rule.examples]:
                if any(True for _ in rule.finditer(text, text.lower())):
                    assert any(w in text.lower() for w in ahead), (rule.id, sorted(ahead))


def test_code_regexes_behind_guards_match_as_without() -> None:
    """The regexes code compiles behind a guard (clauses, linking, money, targets, figures, names) find on every
    text what their unguarded source finds."""
    from newsextract.assembly import Assembler
    from newsextract.assembly import figures as figs
    from newsextract.finders import targets
    from newsextract.finders.companies.finder import CompanyFinder
    from newsextract.normalize.money import money_vocab

    pairs = [(targets._PAIR, targets._PAIR_SRC), (figs._YEAR, figs._YEAR_SRC)]
    for lang in ("en", "zh"):
        asm = Assembler(lang)
        data = load_pattern_file(lang, "clauses")
        pairs += [(asm.clauses.split_rx, data.get("split")), (asm.clauses.list_sep, data.get("list_separator")),
                  (asm.clauses.pair_split, data.get("pair_split")), (asm.clauses.object_before, data.get("object_before"))]
        names = load_pattern_file(lang, "names").get("filters", {}) or {}
        cf = CompanyFinder(lang)
        pairs += [(cf.names.person_rx, names.get("person")), (cf.names.drug_named, names.get("drug_named"))]
        v = money_vocab(lang, None)
        pairs += [(v.regex, None), (getattr(v, "regex_w", None), None)]
    for rx, src in pairs:
        if rx is None:
            continue
        plain = re.compile(src if src else rx.pattern.split("(?:", 1)[1][:-1] if rx.pattern.startswith("(?=") else
                           rx.pattern, rx.flags)
        for text in TEXTS:
            assert [(m.span(), m.groups()) for m in rx.finditer(text)] == \
                [(m.span(), m.groups()) for m in plain.finditer(text)], rx.pattern[:60]
