"""Every rule file loads, and every rule matches its own examples and none of its negatives."""

from __future__ import annotations

from importlib import resources

import pytest

from newsextract.errors import PatternError
from newsextract.patterns import compile_rule, expand_macros, load_file, load_rules, rule_sections
from newsextract.triggers import TriggerIndex


def _rule_files():
    root = resources.files("newsextract") / "patterns"
    for lang_dir in sorted(root.iterdir(), key=lambda p: p.name):
        if not lang_dir.is_dir():
            continue
        for f in sorted(lang_dir.iterdir(), key=lambda p: p.name):
            if f.name.endswith(".yml"):
                yield lang_dir.name, f.name[:-4]


def _rules():
    """Every rule of every section of every pattern file (sections found, not listed)."""
    for lang, kind in _rule_files():
        data = load_file(lang, kind)
        for section in rule_sections(data):
            for rule in load_rules(lang, kind, section=section):
                yield pytest.param(rule, id=f"{lang}/{kind}/{section}/{rule.id}")


RULES = list(_rules())


@pytest.mark.parametrize("rule", RULES)
def test_patterns_rule_matches_its_examples(rule):
    for ex in rule.examples:
        assert rule.regex.search(ex), f"{rule.id} does not match its example {ex!r}"


@pytest.mark.parametrize("rule", [r for r in RULES if r.values[0].negatives])
def test_patterns_rule_rejects_its_negatives(rule):
    for ex in rule.negatives:
        assert not rule.regex.search(ex), f"{rule.id} matches its negative {ex!r}"


@pytest.mark.parametrize("rule", [r for r in RULES if r.values[0].reach is not None])
def test_patterns_rule_scanned_near_its_triggers_finds_what_a_full_scan_finds(rule):
    # examples and negatives glued, spaced and padded: matches near the windows' edges and across examples
    parts = rule.examples + rule.negatives
    for text in ("".join(parts) * 2, " x ".join(parts) + "\n" + "y" * 300 + " ".join(parts), "。".join(parts)):
        low = text.lower()
        index = TriggerIndex([(0, rule.triggers)])
        assert index.exact(text, low)
        starts = index.hits(low).get(0, [])
        n = len(text)
        for lowered in (None, low):
            for a, b in ((0, n), (n // 3, 2 * n // 3), (1, n // 2), (n // 2, n - 1)):
                near = [m.span() for m in rule.scan(text, lowered, starts, a, b)]
                assert near == [m.span() for m in rule.finditer(text, lowered, a, b)], (rule.id, a, b)


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


@pytest.mark.parametrize("lang,kind", list(_rule_files()))
def test_patterns_file_loads_without_libyaml(lang, kind):
    """The pure-Python YAML loader reads every file as libyaml does (a fresh machine may lack libyaml)."""
    import yaml

    text = (resources.files("newsextract") / "patterns" / lang / f"{kind}.yml").read_text(encoding="utf-8")
    assert yaml.load(text, Loader=yaml.SafeLoader) == load_file(lang, kind)


def test_patterns_unknown_top_level_type_fails_loudly(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "payments.yml").write_text("version: one\nkind: payments\nrules: []\n", encoding="utf-8")
    with pytest.raises(PatternError, match="version"):
        load_file("en", "payments", str(tmp_path))


@pytest.mark.parametrize("section,message", [
    ("anaphors: {latest: [该公司]}", "anaphors.latest"),
    ("legal_abbreviations: Co", "legal_abbreviations"),
])
def test_patterns_names_file_sections_are_validated(tmp_path, section, message):
    """names.yml's word-list sections have a schema of their own (NamesFile): a typo fails loudly."""
    (tmp_path / "zh").mkdir()
    (tmp_path / "zh" / "names.yml").write_text(f"version: 1\nkind: names\n{section}\n", encoding="utf-8")
    with pytest.raises(PatternError, match=message):
        load_file("zh", "names", str(tmp_path))


def test_patterns_html_metadata_section_is_validated(tmp_path):
    (tmp_path / "common").mkdir()
    (tmp_path / "common" / "html.yml").write_text("version: 1\nkind: html\nmetadata: {title_token: [x]}\n",
                                                  encoding="utf-8")
    with pytest.raises(PatternError, match="metadata.title_token"):
        load_file("common", "html", str(tmp_path))


@pytest.mark.parametrize("lang,kind,section,message", [
    ("en", "targets", "greek: [alpha]", "greek"),
    ("zh", "targets", "joins: 和", "joins"),
    ("common", "names", "cjk_legal_forms: 公司", "cjk_legal_forms"),
    ("common", "html", "boilerplate: {author_boxes: [box]}", "boilerplate.author_boxes"),
    ("en", "dates", "months: January", "months"),
    ("en", "dates", "weekdays: {Monday: 1}", "weekdays"),
])
def test_patterns_word_list_sections_are_validated(tmp_path, lang, kind, section, message):
    """The word lists moved out of code (target joins and Greek letters, name-key legal forms, the author box, the
    month and weekday names) have a schema (patterns.FILE_SCHEMAS): a typo or a wrong type fails loudly."""
    (tmp_path / lang).mkdir()
    (tmp_path / lang / f"{kind}.yml").write_text(f"version: 1\nkind: {kind}\n{section}\n", encoding="utf-8")
    with pytest.raises(PatternError, match=message):
        load_file(lang, kind, str(tmp_path))
