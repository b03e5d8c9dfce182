"""Traditional Chinese at parity with simplified in every Chinese rule and vocabulary file (issue 8).

Every Chinese rule is unrolled into strings that cover each of its branches (each alternative, each character of
a class, each optional part once); every string it matches is converted to traditional characters (Taiwan forms,
OpenCC's phrase-then-character conversion, kept in ``tests/data/zh_s2tw.tsv``) and the rule must match the
converted string too. Word lists (currencies, scale words, stop words, designators …) must hold the traditional form
of each simplified entry, and the company gazetteer must find every alias written in traditional characters.

When a file gains characters the table has not seen, ``test_zh_parity_table_covers_the_files`` fails: regenerate the
table with ``scripts/zh_s2tw_table.py``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pytest

from newsextract.normalize.names import Gazetteer
from newsextract.patterns import compile_rule, expand_macros, lexicon, load_file, load_rules, rule_sections

try:  # the compiled parser of Python's own re (3.11+: re._parser; 3.10: sre_parse)
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

TABLE = Path(__file__).parent / "data" / "zh_s2tw.tsv"
CJK = re.compile(r"[\u3400-\u9fff]")
ROOT = resources.files("newsextract") / "patterns" / "zh"

#: rule files and their regex sections


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], int]:
    conv: dict[str, str] = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        a, b = line.split("\t")
        conv[a] = b
    return conv, max(len(k) for k in conv)


def to_trad(s: str) -> str:
    """Simplified → traditional, longest phrase first (后者 → 後者, 里程碑 → 里程碑, 干细胞 → 幹細胞).

    >>> to_trad("首付款及里程碑付款"), to_trad("后者将获得")
    ('首付款及里程碑付款', '後者將獲得')
    """
    conv, longest = _table()
    out, i = [], 0
    while i < len(s):
        for n in range(min(longest, len(s) - i), 0, -1):
            piece = s[i:i + n]
            if piece in conv:
                out.append(conv[piece])
                i += n
                break
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


# -- unrolling a regex into strings that cover its branches ------------------------------------------------------
_CAP = 600


def _zip(parts: list[list[str]]) -> list[str]:
    """One string per position: the i-th string takes the i-th choice of every part (cycling), so that every
    choice of every part appears in at least one string."""
    parts = [p or [""] for p in parts]
    n = min(_CAP, max(len(p) for p in parts)) if parts else 1
    return ["".join(p[i % len(p)] for p in parts) for i in range(n)]


def _class(items: list) -> list[str]:
    if any(op == C.NEGATE for op, _ in items):
        return ["x"]
    out: list[str] = []
    for op, av in items:
        if op == C.LITERAL:
            out.append(chr(av))
        elif op == C.RANGE:
            out.append(chr(av[0]))
        elif op == C.CATEGORY:
            out.append({C.CATEGORY_DIGIT: "1", C.CATEGORY_SPACE: " "}.get(av, "a"))
    return out or ["x"]


def _seq(items) -> list[str]:
    parts: list[list[str]] = []
    for op, av in items:
        if op == C.LITERAL:
            parts.append([chr(av)])
        elif op == C.NOT_LITERAL:
            parts.append(["x" if av != ord("x") else "y"])
        elif op == C.ANY:
            parts.append(["x"])
        elif op == C.IN:
            parts.append(_class(av))
        elif op == C.BRANCH:
            parts.append([s for alt in av[1] for s in _seq(alt)][:_CAP])
        elif op == C.SUBPATTERN:
            parts.append(_seq(av[-1]))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) or op == getattr(C, "POSSESSIVE_REPEAT", None):
            lo, _hi, sub = av
            inner = _seq(sub)
            parts.append(([""] if lo == 0 else []) + [s * max(1, min(lo, 2)) for s in inner])
        # anchors, lookarounds and back references add no characters: the original rule judges the string
    return _zip(parts)


def unroll(pattern: str, flags: int = 0) -> list[str]:
    return _seq(list(P.parse(pattern, flags)))


# -- what is checked --------------------------------------------------------------------------------------------
#: known gaps, found when these regexes moved out of the code into the rule files (the move changed no output);
#: strict, so that the fix is noticed
KNOWN_GAPS: dict[str, str] = {}


def _rule_params():
    for path in sorted(ROOT.glob("*.yml")):
        kind = path.stem
        for section in rule_sections(load_file("zh", kind)):
            for rule in load_rules("zh", kind, section=section):
                pid = f"{kind}/{section}/{rule.id}"
                marks = [pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[pid])] if pid in KNOWN_GAPS else []
                yield pytest.param(rule.regex, f"{kind}/{rule.id}", id=pid, marks=marks)
    # regexes that live outside rule lists
    clauses = load_file("zh", "clauses")
    yield pytest.param(re.compile(clauses["split"]), "clauses/split", id="clauses/split")
    att = load_file("zh", "payments")["attach"]
    for key in ("left_gap", "right_gap", "history", "history_after"):
        if att.get(key):
            yield pytest.param(re.compile(att[key], re.I), f"payments/attach.{key}", id=f"payments/attach.{key}")
    refs = load_file("zh", "names")["references"]
    for key in ("self", "announcer", "descriptor"):
        if refs.get(key):  # one alternation, as the company finder compiles it
            rx = re.compile("(?:" + "|".join(refs[key]) + ")")
            yield pytest.param(rx, f"names/references.{key}", id=f"names/references.{key}")
    money = load_file("zh", "money")
    for h in money.get("scale_headers", []) or []:
        yield pytest.param(re.compile(h["pattern"], re.I), f"money/{h['id']}", id=f"money/{h['id']}")
    for i, d in enumerate((money.get("bare_yuan") or {}).get("declarations", []) or []):
        yield pytest.param(re.compile(d["pattern"]), "money/bare_yuan", id=f"money/bare_yuan.{i}")
    for name in ("modality",):
        data = load_file("zh", name)
        for e in data.get("entries", []) or []:
            rx = re.compile("|".join(e["terms"]), re.I)
            yield pytest.param(rx, f"{name}/{e['id']}", id=f"{name}/{e['id']}")


@pytest.mark.parametrize("regex,where", list(_rule_params()))
def test_zh_parity_rule_matches_traditional(regex, where):
    missing = []
    for s in unroll(regex.pattern, regex.flags & ~re.UNICODE):
        if not CJK.search(s) or not regex.search(s):
            continue
        t = to_trad(s)
        if t != s and not regex.search(t):
            missing.append(f"{s!r} → {t!r}")
    assert not missing, f"{where}: traditional forms not matched:\n  " + "\n  ".join(missing[:20])


def _lists():
    money = load_file("zh", "money")
    for key in ("prefix_currencies", "suffix_currencies", "qualifiers"):
        for group, words in money[key].items():
            yield f"money/{key}.{group}", words
    yield "money/scales", [w for ws in money["scales"].values() for w in ws]
    for key in ("digits", "units", "big_units"):
        yield f"money/{key}", list(money[key])
    names = load_file("zh", "names")
    for key in ("stopwords", "generic_words", "place_words", "stop_names", "stop_name_endings"):
        yield f"names/{key}", names.get(key) or []
    for key, words in (names.get("lexicon") or {}).items():
        yield f"names/lexicon.{key}", words
    for key, words in (load_file("zh", "lexicon").get("lexicon") or {}).items():
        yield f"lexicon/{key}", words
    for key, words in (load_file("zh", "roles").get("lexicon") or {}).items():
        yield f"roles/lexicon.{key}", words


@pytest.mark.parametrize("where,words", list(_lists()), ids=[w for w, _ in _lists()])
def test_zh_parity_word_lists(where, words):
    rx = [re.compile(f"(?:{w})") for w in words]
    missing = []
    for w in words:
        for s in unroll(w):
            if not CJK.search(s):
                continue
            t = to_trad(s)
            if t != s and not any(r.fullmatch(t) for r in rx):
                missing.append(f"{s} → {t}")
    assert not missing, f"{where}: no traditional entry for " + ", ".join(sorted(set(missing))[:30])


def test_zh_parity_gazetteer_finds_traditional_aliases():
    gz = Gazetteer("zh")
    missing = []
    for raw in load_file("zh", "companies")["entries"]:
        for alias in [raw["name"]] + list(raw.get("aliases") or []):
            t = to_trad(alias)
            if t == alias or not CJK.search(alias):
                continue
            found = [e.id for s, e_, e in gz.find(t) if s == 0 and e_ == len(t)]
            if raw["id"] not in found:
                missing.append(f"{raw['id']}: {alias} → {t}")
    assert not missing, "gazetteer misses traditional forms:\n  " + "\n  ".join(missing[:40]) + \
        f"\n  ({len(missing)} in all)"


def test_zh_parity_table_covers_the_files():
    conv, _ = _table()
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(Path(str(ROOT)).glob("*.yml")))
    unseen = sorted(set(CJK.findall(text)) - set(conv))
    assert not unseen, f"characters not in {TABLE.name} (run scripts/zh_s2tw_table.py): {''.join(unseen)}"


@pytest.mark.parametrize("simplified,traditional", [("后者将获得首付款", "後者將獲得首付款"),
                                                    ("里程碑付款", "里程碑付款"), ("为", "為"), ("台湾生技", "臺灣生技")])
def test_zh_parity_conversion(simplified, traditional):
    assert to_trad(simplified) == traditional


def test_zh_parity_unroll_covers_branches():
    got = unroll("(?:首付款|预付款)[为為]?")
    for piece in ("首付款", "预付款", "为", "為"):
        assert any(piece in s for s in got), piece
    assert "" not in got and any(s in ("首付款", "预付款") for s in got)  # the optional part left out once


_ = (compile_rule, expand_macros, lexicon)  # re-exported helpers used by other parity checks
