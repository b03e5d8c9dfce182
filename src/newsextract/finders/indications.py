"""Indications: the diseases or therapeutic areas a drug is for (``patterns/<lang>/indications.yml``).

One Aho-Corasick pass finds every disease word (``heads``: "cancer", "obesity", "NSCLC", "癌", "肥胖" …). From each
head the phrase reaches back over the words that qualify it ("relapsed or refractory multiple myeloma", "EGFR-mutated
NSCLC", "Alzheimer's disease"; in Chinese, the characters back to a frame) and counts only where a frame introduces
it: before it ("for the treatment of", "in patients with", "to treat", "用于治疗", "适应症为") or after it ("an obesity
drug", "NSCLC patients", "肥胖症新药"). "and", "or", commas (和, 及, 或, 、) between two phrases that each end in a head
give two indications.

>>> f = IndicationFinder("en")
>>> [x.value for x in f.find("a GLP-1 drug for obesity and type 2 diabetes, and an ADC for HER2-positive breast cancer")]
['obesity', 'type 2 diabetes', 'HER2-positive breast cancer']
>>> [x.value for x in f.find("approved for adults with relapsed or refractory multiple myeloma; sales of the disease")]
['relapsed or refractory multiple myeloma']
>>> [x.value for x in IndicationFinder("zh").find("用于治疗晚期非小细胞肺癌和小细胞肺癌的新药，以及一款肥胖症药物")]
['晚期非小细胞肺癌', '小细胞肺癌', '肥胖症']
"""

from __future__ import annotations

import bisect
import re

import ahocorasick

from ..facts import Fact
from ..patterns import lexicon, load_file, regex_table

__all__ = ["IndicationFinder", "indication_finder"]

#: what may stand between two English words of one phrase: spaces, or a comma or a slash between list items
_GAP = re.compile(r"[ \t]*(?:[,/][ \t]*)?")
#: the words of an English text, as the run back from a head reads them ("relapsed/refractory" is one)
_TOKEN = re.compile(r"[A-Za-z0-9\u00c0-\u024f][\w'’\u00c0-\u024f/-]*")
#: between an acronym in brackets and the word after it
_PAREN_GAP = re.compile(r"\)[ \t]*")
_COORD = frozenset({"and", "or", "and/or"})
#: the longest phrase, in words (en) or characters (zh)
_MAX_WORDS = 12
#: how far back from a head its run may reach, in characters (more than _MAX_WORDS long words)
_WINDOW = 240
_MAX_CHARS = 24
#: a Chinese run stops at these (punctuation, spaces, Latin letters do not qualify a head in our runs)
_ZH_STOP = re.compile(r"[，。；：！？（）()《》「」“”\"'\s,.;:!?]")
#: list marks between two diseases
_ZH_LIST = "、和及或与與"
_MAX_SEG = 14
_AREAS = frozenset({"neuroscience", "psychiatry", "immuno-oncology"})
_LETTER_HYPHEN = re.compile(r"[A-Z]-[a-z]")
_POSSESSIVE = re.compile(r"['’]s?$")
#: a drug code or a year among the words (three digits in a row: "R552", "SSGJ-707"; no marker is written so:
#: HER2, CD37, K27M)
_CODE = re.compile(r"[A-Za-z][A-Za-z-]*\d{3,}|\d{3,}[A-Za-z]|^(?:19|20)\d\d$")
_ADJ_ENDS = ("ed", "al", "ic", "ive", "ary", "ory", "ian", "ous", "-like", "-positive", "-negative",
             "-mutated", "-mutant", "-expressing", "-low", "-high")
_ZH_COORD = re.compile(r"以及|和|及|或|、|与|與")
_ACRONYM_TAIL = re.compile(r"[ \t]*\(([A-Za-z0-9-]{2,10})\)")


def _alternation(words: list[str]) -> re.Pattern[str]:
    """One regex of literal words, the longest first."""
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


class IndicationFinder:
    """Finds indications in text (see the module)."""

    def __init__(self, lang: str, patterns_dir: str | None = None) -> None:
        self.lang = lang
        data = load_file(lang, "indications", patterns_dir)
        table = regex_table(lang, "indications", patterns_dir, section="rules")
        self.before = table["ind.frame_before" if lang == "en" else "ind.zh_frame_before"]
        self.after = table["ind.frame_after" if lang == "en" else "ind.zh_frame_after"]
        self.generic = frozenset(str(x).lower() for x in data.get("generic") or [])
        self.skip = tuple(str(x) for x in data.get("skip_start") or [])
        self.automaton = ahocorasick.Automaton()
        for h in data.get("heads") or []:
            key = str(h).lower() if lang == "en" else str(h)
            self.automaton.add_word(key, (key, False))
        self.acronyms = ahocorasick.Automaton()
        for a in data.get("acronyms") or []:
            self.acronyms.add_word(str(a), (str(a), True))
        if lang == "en":
            self.not_before = frozenset(str(x).lower() for x in data.get("not_before") or [])
            self.stop = frozenset(str(x).lower() for x in data.get("stop") or [])
            self.eponyms = frozenset(str(x).lower() for x in data.get("eponyms") or [])
            self.heads = frozenset(str(x).lower() for x in data.get("heads") or [])
            self.acr = frozenset(str(x) for x in data.get("acronyms") or [])
            self.qualifiers = frozenset(str(x).lower() for x in data.get("disease_qualifiers") or [])
        else:
            ends = sorted((str(x) for x in data.get("ends") or []), key=len, reverse=True)
            self.ends = re.compile("|".join(map(re.escape, ends)))
            self.heads = frozenset(str(x) for x in data.get("heads") or [])
            self.not_heads = tuple(str(x) for x in data.get("not_heads") or [])
            self.frames = _alternation(lexicon(lang, "indications", patterns_dir)["zh_frame"])
            cut = [str(x) for x in data.get("cut") or []]
            self.cut = _alternation(cut)
            marks = {str(x) for x in data.get("list_marks") or []}
            self.cut_inner = _alternation([x for x in cut if x not in marks])
        self.automaton.make_automaton()
        if len(self.acronyms):
            self.acronyms.make_automaton()

    # -- finding -----------------------------------------------------------------------------------------------

    def find(self, text: str) -> list[Fact]:
        """Every indication in ``text`` (label ``indication``; ``value`` the phrase as written), in text order."""
        found = self._find_en(text) if self.lang == "en" else self._find_zh(text)
        out: list[Fact] = []
        seen: set[tuple[int, int]] = set()
        for s, e, rule in sorted(found):
            if (s, e) in seen:
                continue
            seen.add((s, e))
            out.append(Fact(s, e, "indication", "", text[s:e], rule, text[s:e]))
        return out

    def _heads_en(self, text: str) -> list[tuple[int, int]]:
        low = text.lower()
        out = []
        # heads case-insensitively, acronyms as written; neither inside a longer word, nor heads after an apostrophe
        scans = [(self.automaton, low, "-'’")] + ([(self.acronyms, text, "-")] if len(self.acronyms) else [])
        for automaton, hay, joiners in scans:
            for end, (key, _) in automaton.iter(hay):
                s, e = end - len(key) + 1, end + 1
                if (s > 0 and (hay[s - 1].isalnum() or hay[s - 1] in joiners)) or \
                        (e < len(hay) and (hay[e].isalnum() or hay[e] == "-")):
                    continue
                out.append((s, e))
        return sorted(set(out))

    def _disease_word(self, w: str, lw: str) -> bool:
        """A head, a disease acronym or an eponym ("Alzheimer's", "Crohn’s"); ``lw`` is ``w`` lower-cased."""
        return lw in self.heads or w in self.acr or _POSSESSIVE.sub("", lw) in self.eponyms

    def _word_ok(self, w: str) -> bool:
        """Whether an English word may qualify a head (a lower-case word not in ``stop``, a code-like word, an
        eponym)."""
        lw = w.lower()
        if lw in self.stop or _CODE.search(w):
            return False  # (a drug code: "R552 and other diseases", "SSGJ-707 cancer trials")
        if w[0].islower() or w[0].isdigit() or self._disease_word(w, lw):
            return True
        # HER2-positive, EGFR-mutated, KRAS, B-cell
        return sum(c.isupper() for c in w) >= 2 or any(c.isdigit() for c in w) or bool(_LETTER_HYPHEN.match(w))

    def _adjective(self, w: str) -> bool:
        """Whether a word reads as a disease's qualifier ("relapsed", "advanced", "HER2-positive", "ovarian")."""
        lw = w.lower()
        return lw in self.qualifiers or lw.endswith(_ADJ_ENDS) or not w[0].islower()

    def _qualifier(self, w: str) -> bool:
        """Whether a word may qualify a head before a noun frame (``disease_qualifiers``, heads, acronyms, eponyms, codes)."""
        lw = w.lower()
        if _CODE.search(w):
            return False
        if lw in self.qualifiers or lw.isdigit() or self._disease_word(w, lw):
            return True
        return not w[0].islower() and (sum(c.isupper() for c in w) >= 2 or any(c.isdigit() for c in w))

    def _find_en(self, text: str) -> list[tuple[int, int, str]]:
        heads = self._heads_en(text)
        if not heads:
            return []
        head_ends = {e for _, e in heads}
        out: list[tuple[int, int, str]] = []
        done: set[int] = set()
        for hs, he in heads:
            if he in done:
                continue
            # the words around the head (a window from a space, wide enough for the longest run)
            a = text.rfind(" ", 0, max(0, hs - _WINDOW)) + 1
            toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, a, min(len(text), he + 40))]
            tstarts = [t[0] for t in toks]
            k = bisect.bisect_left(tstarts, he)
            if k < len(toks) and text[he:toks[k][0]].strip(" \t") == "" and (
                    toks[k][2].lower() in self.not_before or toks[k][1] in head_ends):
                continue  # "cancer center"; "anxiety disorder" (the longer phrase ends at the next head)
            # the run of words back from the head: [(start, end, word)], nearest first
            run: list[tuple[int, int, str]] = []
            right = hs
            i = bisect.bisect_left(tstarts, hs) - 1
            while i >= 0 and len(run) < _MAX_WORDS:
                s, e, w = toks[i]
                gap = text[e:right]
                if run and run[-1][2].lower() in _COORD and _PAREN_GAP.fullmatch(gap) and text[s - 1:s] == "(":
                    right = s - 1  # "lung cancer (NSCLC) and other solid tumors": over the acronym
                    i -= 1
                    continue
                if not gap or not _GAP.fullmatch(gap):
                    break  # punctuation, or glued to the next word
                if w.lower() not in _COORD and not self._word_ok(w):
                    break
                run.append((s, e, w))
                right = s
                i -= 1
            # drop coordinators (and commas) at the run's far end: the frame is before them
            while run and run[-1][2].lower() in _COORD:
                run.pop()
            start = run[-1][0] if run else hs
            # parts: cut at each coordinator and comma (joined again below)
            words = list(reversed(run)) + [(hs, he, text[hs:he])]
            segs: list[list[tuple[int, int, str]]] = [[]]
            for i, (s, e, w) in enumerate(words):
                if w.lower() in _COORD:
                    segs.append([])
                    continue
                segs[-1].append((s, e, w))
                if i + 1 < len(words) and "," in text[e:words[i + 1][0]]:
                    segs.append([])
            segs = [sg for sg in segs if sg]
            # the frame: before the run, or after the head
            rule = "ind.frame_before"
            if not self.before.search(text[max(0, start - 80):start].lower()):
                rule = "ind.frame_after"
                tail = _ACRONYM_TAIL.match(text, he)
                after_at = tail.end() if tail else he
                if not self.after.match(text[after_at:after_at + 40].lower()):
                    continue
                # a noun frame alone: only disease words qualify the head ("a lung cancer drug", not "an
                # experimental cancer drug")
                n = next((i for i, (_, _, w) in enumerate(words[:-1][::-1]) if not self._qualifier(w)), len(words) - 1)
                segs = [words[len(words) - 1 - n:]]
            # a part without a head qualifies the next one when all its words read as qualifiers ("relapsed or
            # refractory multiple myeloma", "ovarian, endometrial and breast cancers"), else it is no part of the
            # phrase ("weight management and type 2 diabetes")
            joined: list[list[tuple[int, int, str]]] = []
            carry: list[tuple[int, int, str]] = []
            for sg in segs:
                if sg[-1][1] in head_ends:
                    area = sg[-1][2].lower().endswith(("ology", "ologies")) or sg[-1][2].lower() in _AREAS
                    joined.append(sg if area else carry + sg)  # "respiratory, immunology": two areas
                    carry = []
                else:
                    carry = carry + sg if all(self._adjective(w) for _, _, w in sg) else []
            for sg in joined:
                while sg and sg[0][2].lower() in self.skip:
                    sg = sg[1:]
                if not sg:
                    continue
                s, e = sg[0][0], sg[-1][1]
                if len(sg) == 1 and sg[0][2].lower() in self.generic:
                    continue
                done.add(e)
                out.append((s, e, rule))
        return out

    def _find_zh(self, text: str) -> list[tuple[int, int, str]]:
        ends: dict[int, int] = {}  # head end → head start (the longest head ending there)
        for end, (key, _) in self.automaton.iter(text):
            s, e = end - len(key) + 1, end + 1
            if e not in ends or s < ends[e]:
                ends[e] = s
        heads = {}
        for e, hs in ends.items():
            if (e + 1) in ends and ends[e + 1] <= hs:
                continue  # a longer head goes on (病 of 银屑病)
            if any(text.endswith(w, 0, e) for w in self.not_heads):
                continue  # 适应症 ("indication"), 病人 …
            if e < len(text) and not (_ZH_STOP.match(text, e) or _ZH_COORD.match(text, e) or self.ends.match(text, e)):
                continue  # 病毒, 症状: the head goes on into another word
            heads[e] = hs
        out: list[tuple[int, int, str]] = []
        for e, hs in sorted(heads.items()):
            lo = max(0, hs - _MAX_CHARS)
            for m in _ZH_STOP.finditer(text, lo, hs):
                lo = m.end()  # back to punctuation at most
            frame = None
            for m in self.frames.finditer(text, lo, hs):
                if self.before.search(text[lo:m.end()]):
                    frame = m.end()
            rule = "ind.zh_frame_before"
            if frame is not None:
                start = frame
                for m in self.cut_inner.finditer(text, frame, hs):
                    start = m.end()  # "用于…国家药监局批准新增一线肝细胞癌", "…放疗的晚期…": after the last verb or particle
            elif self.after.match(text[e:e + 12]):
                rule = "ind.zh_frame_after"
                start = self._seg_start(text, hs, lo)
                while start - 1 > lo and text[start - 1] in _ZH_LIST and (start - 1) in heads:
                    start = self._seg_start(text, start - 1, lo)  # 自身免疫性疾病、B细胞淋巴瘤等适应症: the whole list
            else:
                continue
            # segments: cut at a coordinator right after a head
            segs: list[tuple[int, int]] = []
            a = start
            for m in _ZH_COORD.finditer(text, start, hs):
                if m.start() in heads and m.start() > a:
                    segs.append((a, m.start()))
                    a = m.end()
            segs.append((a, e))
            for a, b in segs:
                for sk in self.skip:
                    if text.startswith(sk, a) and b - a > len(sk) + 1:
                        a += len(sk)
                if b - a < 2 or text[a:b] in self.generic:
                    continue
                out.append((a, b, rule))
        return out

    def _seg_start(self, text: str, pos: int, lo: int) -> int:
        """Where a Chinese run that goes on to ``pos`` starts: after the nearest character that no disease name
        holds (a particle, a list mark), at most _MAX_SEG characters back."""
        a = max(lo, pos - _MAX_SEG)
        for m in self.cut.finditer(text, a, pos):
            a = m.end()
        return a


_CACHE: dict[tuple[str, str | None], IndicationFinder] = {}


def indication_finder(lang: str, patterns_dir: str | None = None) -> IndicationFinder:
    """The finder of ``lang`` (built once per process)."""
    key = (lang, patterns_dir)
    if key not in _CACHE:
        _CACHE[key] = IndicationFinder(lang, patterns_dir)
    return _CACHE[key]


