"""Company names: the gazetteer (``patterns/<lang>/companies.yml``), name keys, and display names.

>>> name_key("Bristol-Myers Squibb Company"), name_key("the Jiangsu Hengrui Pharmaceuticals Co., Ltd.")
('bristol myers squibb', 'jiangsu hengrui')
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

import ahocorasick

from ..errors import E, PatternError
from ..patterns import RegexTable, has_file, lexicon, load_file, regex_table

__all__ = ["Entry", "Gazetteer", "name_key", "norm_party", "display_name", "trie_regex", "legal_forms", "cjk_legal_forms"]


@functools.cache
def _key_rules() -> tuple[frozenset[str], tuple[str, ...], RegexTable]:
    """The legal forms, the Chinese legal forms and the key regexes of ``patterns/common/names.yml``."""
    data = load_file("common", "names")
    return (frozenset(lexicon("common", "names")["legal_form"]), tuple(data.get("cjk_legal_forms") or ()),
            regex_table("common", "names"))


def legal_forms() -> frozenset[str]:
    """Legal forms that end company names, lower case (one list for the entity keys here and for the scorer's
    party equality)."""
    return _key_rules()[0]


def cjk_legal_forms() -> tuple[str, ...]:
    """Chinese legal forms and group words, as they end a name (tried in this order)."""
    return _key_rules()[1]


@functools.cache
def _cjk_suffix() -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(cjk_legal_forms()) + ")$")


_HOMOGLYPHS = str.maketrans({"о": "o", "О": "O", "а": "a", "А": "A", "е": "e", "Е": "E", "с": "c", "С": "C",
                             "р": "p", "Р": "P", "і": "i", "І": "I", "х": "x", "Х": "X", "у": "y", "к": "k",
                             "К": "K", "М": "M", "Н": "H", "Т": "T", "В": "B"})


_HOMOGLYPH = re.compile("[" + "".join(chr(c) for c in _HOMOGLYPHS) + "]")


def fold(text: str) -> str:
    """NFKC + Cyrillic look-alikes to Latin (scraped text mixes them into company names)."""
    s = unicodedata.normalize("NFKC", text)
    # str.translate looks every character up: ask first whether there is a look-alike at all (one regex scan)
    return s.translate(_HOMOGLYPHS) if _HOMOGLYPH.search(s) else s


_POSSESSIVE = re.compile(r"(?:'s|’s)$")
_POSSESSIVE_OR_QUOTE = re.compile(r"(?:'s|’s|')$")
_PUNCT = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")
_BROKEN_HYPHEN = re.compile(r"(?<=\w)- (?=[A-Za-z])")  # "Kelun- Biotech": a word broken at its hyphen


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A comparable key: folded, lower-cased, hyphens to spaces, suffixes and punctuation dropped."""
    rx = _key_rules()[2]
    s = fold(name).strip()
    s = rx["key.lead_the"].sub("", s)
    s = _POSSESSIVE.sub("", s)
    s = s.lower().replace("-", " ").replace("&", " and ")
    prev = None
    while prev != s:
        prev = s
        s2 = rx["key.suffix"].sub(" ", s)
        s2 = _PUNCT.sub(" ", s2)
        s2 = _SPACES.sub(" ", s2).strip()
        s = s2 if s2 else _PUNCT.sub(" ", s).strip()
    s = _cjk_suffix().sub("", s) or s
    return s


def norm_party(name: str | None) -> str:
    """A party name reduced for the scorer's party equality (:mod:`newsextract.quality.equality`, EVAL.md): NFKC, lower case, hyphens to spaces, no punctuation or suffixes.

    >>> norm_party("Regeneron Pharmaceuticals, Inc.")
    'regeneron pharmaceuticals'
    >>> norm_party("Bristol-Myers Squibb Co."), norm_party("江苏恒瑞医药股份有限公司")
    ('bristol myers squibb', '江苏恒瑞医药')
    >>> norm_party("The Group")  # nothing left after dropping: keep what there was
    'the group'
    """
    if not name:
        return ""
    s = unicodedata.normalize("NFKC", name).lower()
    s = s.replace("-", " ").replace("‐", " ").replace("–", " ").replace("&", " ")
    s = _PUNCT.sub(" ", s)
    words = s.split()
    if words and words[0] == "the":
        words = words[1:]
    suffixes = legal_forms()
    kept = [w for w in words if w not in suffixes]
    out = " ".join(kept)
    for suf in cjk_legal_forms():
        if out.endswith(suf) and len(out) > len(suf):
            out = out[: -len(suf)]
    return out or " ".join(s.split())


@functools.lru_cache(maxsize=65536)
def display_name(text: str) -> str:
    """A party name as written: no leading 'the', no trailing punctuation or possessive, one line.

    >>> display_name("the Duality Biologics (Suzhou)"), display_name("Pfizer Inc."), display_name("Hansoh (Shanghai")
    ('Duality Biologics (Suzhou)', 'Pfizer Inc.', 'Hansoh')
    >>> display_name("Kelun- Biotech")
    'Kelun-Biotech'

    """
    s = _BROKEN_HYPHEN.sub("-", _SPACES.sub(" ", text).strip())
    s = _key_rules()[2]["key.lead_the_cased"].sub("", s)
    s = _POSSESSIVE_OR_QUOTE.sub("", s)
    if s.count("(") > s.count(")"):
        s = s[: s.rindex("(")]  # "Duality Biologics (Suzhou": an aside cut off by the match
    out = s.strip(" ,;:.\"'“”‘’")
    while out and out[0] in "(（" or out.count(")") > out.count("(") and out.endswith(")"):
        out = (out[1:] if out[0] in "(（" else out[:-1]).strip(" ,;:.\"'“”‘’")
    return out + ("." if s.endswith((" Inc.", " Co.", " Corp.", " Ltd.")) else "")


@dataclass
class Entry:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    kind: str | None = None
    en: str | None = None


def trie_regex(words: list[str]) -> str:
    """A regex alternation built as a trie, so that thousands of names cost one pass over the text.

    >>> print(trie_regex(["Pfizer", "Pfizer Inc", "Pharma"]))
    P(?:fizer(?:\\ Inc)?|harma)
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        if "" in node and len(node) == 1:
            return ""
        alts, optional = [], False
        for ch in sorted(node):
            if ch == "":
                optional = True
                continue
            alts.append(re.escape(ch) + build(node[ch]))
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if optional:
            body = (body if len(alts) > 1 or len(alts[0]) == 1 or alts[0].startswith("(?:") and alts[0].endswith(")") and
                    alts[0].count("(?:") == 1 else "(?:" + body + ")")
            if not (body.startswith("(?:") and body.endswith(")")) and len(body) > 1:
                body = "(?:" + body + ")"
            return body + "?"
        return body

    return build(trie)


class Gazetteer:
    """Known companies of a language (Chinese text also uses the English gazetteer: names are mixed)."""

    def __init__(self, lang: str, patterns_dir: str | None = None) -> None:
        self.lang = lang
        files = ["en"] if lang == "en" else ["zh", "en"]
        self.entries: dict[str, Entry] = {}
        surface: dict[str, str] = {}
        for fl in files:
            if not has_file(fl, "companies", patterns_dir):
                raise PatternError(E.E010.format(path=f"{fl}/companies.yml", reason="missing company gazetteer"))
            data = load_file(fl, "companies", patterns_dir)
            for raw in data.get("entries", []) or []:
                eid = str(raw["id"])
                entry = self.entries.get(eid)
                if entry is None:
                    entry = Entry(eid, str(raw["name"]), [], raw.get("country"), raw.get("kind"), raw.get("en"))
                    self.entries[eid] = entry
                names = [str(raw["name"])] + [str(a) for a in raw.get("aliases", []) or []]
                for n in names:
                    n = n.strip()
                    if len(n) < 2:
                        continue
                    surface.setdefault(n, eid)
                    if fl == "en" and len(n) >= 4 and re.search(r"[a-z]", n):
                        surface.setdefault(n.upper(), eid)  # "CALICO"
                    if fl == "en" and len(n) >= 5 and _INNER_CAPS.fullmatch(n):
                        surface.setdefault(n.capitalize(), eid)  # "Glaxosmithkline", "Beigene", "Biontech"
                    if fl == "en" and "-" in n:
                        surface.setdefault(n.replace("-", " "), eid)
                        surface.setdefault(n.replace("-", ""), eid)
        self.surface = surface
        # one Aho-Corasick automaton over every surface form (white space inside a name matches any run of it)
        self.automaton = ahocorasick.Automaton()
        for n in surface:
            key = _SPACES.sub(" ", n)
            self.automaton.add_word(key, len(key))
        self.automaton.make_automaton()
        if lang == "en":
            self._before, self._after = re.compile(r"[\w&-]"), re.compile(r"[\w&]|-[A-Za-z0-9]")
        else:  # Chinese names are not space-delimited; English names inside Chinese text still need word edges
            self._before, self._after = re.compile(r"[A-Za-z0-9]"), re.compile(r"[a-z0-9]|-[A-Za-z0-9]")

    def find(self, text: str) -> list[tuple[int, int, Entry]]:
        """Known names in ``text``: at each place the longest one that stands as a whole word, left to right."""
        folded = fold(text) if not text.isascii() else text
        if len(folded) != len(text):  # NFKC changed lengths: fall back to the raw text
            folded = text
        flat, where = _one_space(folded)
        ends: dict[int, list[int]] = {}
        for end, n in self.automaton.iter(flat):
            ends.setdefault(end + 1 - n, []).append(end + 1)
        out: list[tuple[int, int, Entry]] = []
        last = 0
        for start in sorted(ends):
            a = where(start)
            if a < last or a and self._before.match(folded, a - 1) and not _ENCLOSED.match(text, a - 1):
                continue  # (a list's circled number folds to a digit but is no part of a word: ②科伦博泰—默沙东)
            for e in sorted(ends[start], reverse=True):  # the longest name that ends at a word edge
                b = where(e - 1) + 1
                if self._after.match(folded, b) and not (self.lang != "en" and "\u3400" <= folded[b - 1] <= "\u9fff"):
                    continue  # (a Chinese name may run into a date: 百利天恒2025年12月收到)
                eid = self.surface.get(folded[a:b]) or self.surface.get(flat[start:e])
                if eid is not None:
                    out.append((a, b, self.entries[eid]))
                last = b
                break
        return out


def _one_space(text: str) -> tuple[str, Callable[[int], int]]:
    """``text`` with each run of white space as one space, and the map from its positions back to ``text``'s."""
    flat = _SPACES.sub(" ", text)
    if len(flat) == len(text):
        return flat, _same
    marks: list[int] = []  # where, in ``flat``, the text after each longer run of white space starts
    shifts: list[int] = []  # and how many characters the runs up to there lost
    shift = 0
    for m in _LONG_SPACE.finditer(text):
        shift += m.end() - m.start() - 1
        marks.append(m.end() - shift)
        shifts.append(shift)

    def where(i: int) -> int:
        k = bisect.bisect_right(marks, i) - 1
        return i + shifts[k] if k >= 0 else i

    return flat, where


def _same(i: int) -> int:
    return i


#: one word with capitals inside ("GlaxoSmithKline", "BeiGene"): written with only its first capital too
_INNER_CAPS = re.compile(r"[A-Z][a-z]+[A-Z][A-Za-z]*")
_LONG_SPACE = re.compile(r"\s{2,}")
#: circled and parenthesised numbers and letters (list marks), which NFKC folds to plain digits and letters
_ENCLOSED = re.compile(r"[\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]")


@functools.lru_cache(maxsize=4)
def get_gazetteer(lang: str, patterns_dir: str | None = None) -> Gazetteer:
    return Gazetteer(lang, patterns_dir)
