"""Every rule file loads, and every rule matches its own examples and none of its negatives."""

from __future__ import annotations

from importlib import resources

import pytest

from newsextract.errors import PatternError
from newsextract.patterns import compile_rule, expand_macros, load_file, load_rules

SECTIONS = {
    "payments": ["rules"], "deal_cues": ["rules", "backrefs", "aggregates"], "status": ["rules"],
    "roles": ["frames"], "names": ["rules", "unnamed_partner", "context", "defines"], "assets": ["rules"],
    "territory": ["rules"], "royalty": ["rules"], "dates": ["rules"], "segments": ["rules"], "targets": ["shape"],
}


def _rules():
    root = resources.files("newsextract") / "patterns"
    for lang in ("en", "zh"):
        for kind, sections in SECTIONS.items():
            if not (root / lang / f"{kind}.yml").is_file():
                continue
            for section in sections:
                for rule in load_rules(lang, kind, section=section):
                    yield pytest.param(rule, id=f"{lang}/{kind}/{rule.id}")


RULES = list(_rules())


@pytest.mark.parametrize("rule", RULES)
def test_patterns_rule_matches_its_examples(rule):
    for ex in rule.examples:
        assert rule.regex.search(ex), f"{rule.id} does not match its example {ex!r}"


@pytest.mark.parametrize("rule", [r for r in RULES if r.values[0].negatives])
def test_patterns_rule_rejects_its_negatives(rule):
    for ex in rule.negatives:
        assert not rule.regex.search(ex), f"{rule.id} matches its negative {ex!r}"


def test_patterns_every_rule_has_examples():
    missing = [r.values[0].id for r in RULES if not r.values[0].examples]
    assert missing == []


@pytest.mark.parametrize("lang,name", [("en", "companies"), ("zh", "companies")])
def test_patterns_gazetteer_size_and_unique_ids(lang, name):
    entries = load_file(lang, name)["entries"]
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids))
    assert len(entries) >= (400 if lang == "en" else 300)


@pytest.mark.parametrize(
    "raw,message",
    [
        ({"id": "x", "pattern": "(", "examples": []}, "bad regex"),
        ({"id": "x", "pattern": "a", "colour": 1}, "unknown keys"),
        ({"pattern": "a"}, "needs 'id'"),
        ({"id": "x", "pattern": "{NOPE}"}, "unknown macro"),
    ],
)
def test_patterns_broken_rules_fail_loudly(raw, message):
    with pytest.raises(PatternError, match=message):
        compile_rule(raw, {}, "test.yml")


def test_patterns_macros_expand_longest_first():
    assert expand_macros("{A}", {"A": ["pay", "payment"]}, "t") == "(?:payment|pay)"
