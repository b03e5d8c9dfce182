"""Rules that start with a lookahead only to be fast (a cheap condition every match meets, so that the costly part is
tried only where it holds) match what they match without it: on the corpus, realdev and their own examples.

A prefilter must stay a necessary condition when its rule or the lexicon it reads changes (a new designator, a
longer ticker suffix): this test reads the rule both ways on every text at hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsextract.patterns import _lexicon, compile_rule, load_file

ROOT = Path(__file__).resolve().parents[1]
HAN = "\\u4e00-\\u9fff"
#: (lang, file, section, rule id, the prefilter as written in the rule)
PREFILTERS = [
    ("zh", "names", "context", "name.zh_before_ticker",
     f"(?=[{HAN}]{{{{2}}}}[{HAN}\\-KYBWSU]{{{{0,12}}}}+\\s*[（(])"),
    ("zh", "names", "rules", "name.zh_designator", f"(?=[{HAN}]{{{{2,10}}}}?(?:{{designator}}))"),
    ("zh", "names", "rules", "name.zh_weak_designator", f"(?=[{HAN}]{{{{2,4}}}}?(?:{{weak_designator}}))"),
    ("zh", "names", "rules", "name.zh_legal",
     f"(?=[{HAN}]{{{{2,12}}}}?(?:[（(]|股份有限公司|有限责任公司|有限責任公司|有限公司|株式会社|株式會社))"),
    ("zh", "names", "rules", "name.zh_institution",
     f"(?=[{HAN}]{{{{2,10}}}}?(?:大学|大學|研究所|研究院|科学院|科學院|医学院|醫學院|医院|醫院))"),
    ("zh", "names", "context", "name.zh_subject_signs_with",
     f"(?=(?:其中|而|则|則|另外|此外|同时|同時|随后|隨後)?[{HAN}]{{{{2,6}}}}?(?:曾经|曾經|曾|已经|已經|已|也|亦|还|還|再度|再次"
     f"|首次|正式|将|將|拟|擬|又)?(?:与|與|和|同))"),
    ("zh", "names", "context", "name.zh_subject_announces",
     f"(?=(?:其中|而|另外|此外)?[{HAN}]{{{{2,6}}}}?(?:\\d{{1,2}}月(?:[上中下]旬|\\d{{1,2}}日|初|底)?|今日|近日|日前|昨日|今天|昨天"
     f"|昨晚|今晚|当晚|當晚|晚间|晚間|盘后|盤後|周[一二三四五六日]|週[一二三四五六日]){{0,2}}"
     f"(?:欣然|谨此|謹此|特此|谨|謹)?(?:宣布|宣佈|公告|發布公告|发布公告|發佈公告))"),
    ("en", "royalty", "rules", "roy.rates", "(?=\\d)"),
    ("en", "names", "rules", "name.designator", "(?=[A-Z\\d])"),
    ("en", "names", "context", "name.context_slash_pair", "(?=[A-Z])"),
    ("zh", "royalty", "rules", "roy.zh_rates", "(?=\\d)"),
]


def _texts() -> list[str]:
    files = sorted((ROOT / "corpus").glob("*/*.txt")) + sorted((ROOT.parent / "shared" / "realdev").glob("*/*.txt"))
    return [p.read_text(encoding="utf-8") for p in files]


TEXTS = _texts()


@pytest.mark.parametrize(("lang", "name", "section", "rule_id", "prefilter"), PREFILTERS,
                         ids=[p[3] for p in PREFILTERS])
def test_prefilter_changes_no_match(lang: str, name: str, section: str, rule_id: str, prefilter: str) -> None:
    data = load_file(lang, name)
    lex = _lexicon(lang, data, None, f"{lang}/{name}.yml")
    raw = next(r for r in data[section] if r["id"] == rule_id)
    assert prefilter in raw["pattern"], f"{rule_id}: the prefilter is no longer written as this test has it"
    fast = compile_rule(raw, lex, "x")
    plain = compile_rule({**raw, "pattern": raw["pattern"].replace(prefilter, "", 1)}, lex, "x")
    for text in [*TEXTS, *raw.get("examples", []), *raw.get("negatives", [])]:
        want = [(m.span(), m.groupdict()) for m in plain.regex.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in fast.regex.finditer(text)] == want, rule_id
