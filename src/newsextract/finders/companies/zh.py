"""Chinese company names, which have no word edges: descriptions dropped, leading places and descriptors trimmed,
short forms found elsewhere in the article, full names a filing defines, and 后者 / 前者 / 该公司 resolved."""

from __future__ import annotations

import bisect
import re
from typing import Any

import ahocorasick

from ..._spans import DisjointSpans, SpanIndex
from ...facts import Company, Fact
from ...normalize.names import name_key
from ...patterns import RegexTable

__all__ = ["ZhNames"]

#: orgs an anaphor (后者, 该公司) looks back over
_MAX_LOOK_BACK = 64
_SENTENCE_BREAK = re.compile(r"[。\n]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
#: quotes and clause breaks: never inside a company's full name (brackets are: 华东医药（杭州）有限公司)
_QUOTE_OR_BREAK = re.compile(r"[“”\"「」『』，,。；;\n]")
_LEADING_LINK = re.compile(r"[）)\s]*(?:与|與|和|及|同|、|跟)?\s*")
_ASCII_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


def _alnum_ascii(text: str, i: int) -> bool:
    """``text[i]`` is an ASCII letter or digit (what ``[A-Za-z0-9]`` matches); False outside the text."""
    return 0 <= i < len(text) and text[i] in _ASCII_ALNUM

#: a registered legal form at the end of a name (with it, a name is whole)
_REGISTERED = re.compile(r"(?:有限公司|有限责任公司|有限責任公司|株式会社|株式會社)$")


class ZhNames:
    """Chinese names have no word edges: what a shape or context match needs besides its regex.

    Drops descriptions (台灣生技公司), trims a leading place or descriptor (美国大洋生物 → 大洋生物), refuses
    common words read as names from context (收购完成 → 完成), finds a name's short forms elsewhere in the
    article (四川百利天恒藥業股份有限公司 … 百利天恒; 亞獅康-KY … 亞獅康) and resolves 后者 / 前者 / 该公司."""

    def __init__(self, names: dict, rules: tuple, rx: RegexTable) -> None:
        lex = names.get("lexicon", {}) or {}
        anaphors = names.get("anaphors") or {}
        self.last_named = frozenset(anaphors.get("last_named") or [])
        self.former = frozenset(anaphors.get("former") or [])
        self.listing_suffix = rx["name.zh_listing_suffix"]
        self.generic = sorted(names.get("generic_words", []) or [], key=len, reverse=True)
        self.places = sorted(names.get("place_words", []) or [], key=len, reverse=True)
        self.place_desc = tuple(names.get("place_descriptions", []) or [])
        self.stop = set(names.get("stop_names", []) or [])
        #: a contract's party labels (甲方, 乙方): never a name on their own, but a filing may define one for a company
        #: (（以下简称“公司”或“甲方”）), and then it is that company wherever the filing writes it
        self.labels = frozenset(names.get("party_labels", []) or [])
        #: words no company name holds: a name found once by its context with one inside is not written elsewhere
        self.verbs = tuple(names.get("never_in_names", []) or [])
        self.stop_end = tuple(names.get("stop_name_endings", []) or [])
        #: … except these, which end names a context found (晶碩新藥（6924）, 海西新药宣布)
        self.ok_end = tuple(names.get("name_endings_ok", []) or [])
        lf = (names.get("filters", {}) or {}).get("latin_full_name")
        self.latin_full = re.compile(lf) if lf else None
        ak = (names.get("filters", {}) or {}).get("after_known")
        self.after_known = re.compile(ak) if ak else None
        desig = "|".join(sorted((lex.get("designator") or []) + (lex.get("weak_designator") or []), key=len, reverse=True))
        legal = "|".join(lex.get("legal") or [])
        self.tail = re.compile(rf"(?:{desig})?(?:{legal}|[（(](?:[A-Za-z ]{{2,12}}|[\u4e00-\u9fff]{{2}})[)）])?$") if desig else None
        self.legal_tail = re.compile(rf"(?:{legal}|[（(](?:[A-Za-z ]{{2,12}}|[\u4e00-\u9fff]{{2}})[)）])$") if legal else None
        self.desig_tail = re.compile(rf"(?:{desig})$") if desig else None
        self.generic_rx = re.compile("|".join(map(re.escape, self.generic))) if self.generic else None
        self.generic_set = frozenset(self.generic)
        self.generic_lens = sorted({len(w) for w in self.generic}, reverse=True)
        self.shape_ids = {r.id for r in rules}
        lst = names.get("list_members") or {}
        #: a list of companies (逸達、亞獅康-KY、景凱、台微體等): its separator, and items up to the next one
        self.list_sep = lst.get("separator", "")
        #: a whole list: items joined by the separator
        self.list_rx = re.compile(f"(?:{lst['item']}{re.escape(self.list_sep)})+{lst['item']}") \
            if lst.get("item") and self.list_sep else None

    # -- candidates -----------------------------------------------------------------------------------------
    def clean(self, text: str, found: list[Fact]) -> list[Fact]:
        out = []
        known = {f.start: f.end for f in found if f.kind == "gazetteer"}
        for f in found:
            if f.kind == "gazetteer" or not _CJK.search(f.text):
                out.append(f)
                continue
            k = known.get(f.start)
            if k is not None and self.after_known is not None and f.end - k > 3 and self.after_known.match(text, k):
                # 礼来自明德生物: the known name, a preposition, then another company (the known name stays on its own)
                f.start = k + 1
                f.text = text[f.start:f.end]
            span = self._trim(text, f.start, f.end, f.kind == "context")
            if span is None:
                continue
            f.start, f.end = span
            f.text = text[f.start:f.end]
            out.append(f)
        return self._trim_to_known(out)

    def _trim_to_known(self, found: list[Fact]) -> list[Fact]:
        """A candidate that ends in a name the article writes on its own, after words that are no place, is that name
        (此次终止不影响华岭生物 … 华岭生物: the clause before it is no part of the name; 杭州睿拓生物 keeps its city)."""
        alone = {f.text for f in found if f.kind != "gazetteer" and len(f.text) >= 4}
        if len(alone) < 2:
            return found
        lead = tuple(self.places + self.generic)
        for f in found:
            if f.kind == "gazetteer" or self.legal_tail is not None and self.legal_tail.search(f.text):
                continue  # a name with its legal form is whole (石药集团巨石生物制药有限公司)
            # its suffixes, longest first: one set lookup each, and the same answer on every run
            k = next((k for k in range(1, len(f.text) - 3) if f.text[k:] in alone), 0)
            head = f.text[:k]
            if k and not (head.startswith(lead) or head.endswith(lead)):
                f.start += k
                f.text = f.text[k:]
        return found

    def _trim(self, text: str, s: int, e: int, from_context: bool) -> tuple[int, int] | None:
        # a match that begins inside a descriptor word (国大洋生物 in 美国大洋生物) starts after it; the set
        # lookups first say whether any descriptor word is there at all (most candidates have none)
        if self._straddled(text, s, e):
            for w in self.generic:
                for k in range(1, len(w)):
                    if s - k >= 0 and text.startswith(w, s - k) and s - k + len(w) <= e:
                        s = s - k + len(w)
                        break
        # leading descriptors (台灣, 國際, 一家 …) are not part of the name
        moved = any(text[s:s + n] in self.generic_set for n in self.generic_lens)
        while moved:
            moved = False
            for w in self.generic:
                if text.startswith(w, s) and e - s > len(w):
                    s += len(w)
                    moved = True
                    break
        # … nor is a verb before it (拿下石药集团: 'wins CSPC's …')
        verb = next((v for v in self.verbs if text.startswith(v, s)), None)
        if verb is not None and e - s - len(verb) >= 3:
            s += len(verb)
        # … or whose first character the match left out (获得明德生物 read as 得明德生物)
        cut = next((s - k + len(v) for v in self.verbs for k in range(1, min(len(v), s + 1))
                    if text.startswith(v, s - k)), 0)
        if cut and e - cut >= 3:
            s = cut
        # … nor a clause that ends in one (辉瑞携手明德生物, 度牵手明德生物 after 再): the name starts after its last verb
        cut = max((i + len(v) for v in self.verbs if (i := text.rfind(v, s, e)) >= 0), default=0)
        if cut and e - cut >= 3:
            s = cut
        name = text[s:e]
        body = self.tail.sub("", name) if self.tail is not None else name
        if len(body) < 2 or (self.generic_rx is not None and self.generic_rx.fullmatch(body)):
            return None  # 台灣生技公司, 生物製藥公司: a description
        if self.place_desc and name.endswith(self.place_desc) and name[:-2] in self.places:
            return None  # 佛山藥廠: a plant in a place
        if body != name and self.generic_rx is not None and any(body[-n:] in self.generic_set for n in self.generic_lens) \
                and not _REGISTERED.search(name):
            return None  # 突顯台灣生技: a phrase that ends in a place before the designator (康泰国际医药有限公司,
            # with its legal form, is a name)
        if from_context and (name in self.stop or name.endswith(self.stop_end) and body == name
                             and not (self.ok_end and name.endswith(self.ok_end))):
            return None
        return s, e

    def _straddled(self, text: str, s: int, e: int) -> bool:
        """Whether some descriptor word starts before ``s`` and ends inside ``(s, e]``."""
        return any(text[s - k:s - k + n] in self.generic_set
                   for n in self.generic_lens for k in range(1, min(n, s + 1)) if s - k + n <= e)

    # -- short forms ----------------------------------------------------------------------------------------
    def _cores(self, name: str) -> list[str]:
        out: list[str] = []
        if not _CJK.search(name):
            first = name.split()[0].strip(",.") if " " in name else ""
            if len(first) >= 4 and re.fullmatch(r"[A-Z][a-z][A-Za-z]+", first):
                out.append(first)
            return out
        n1 = self.listing_suffix.sub("", name)
        if self.legal_tail is not None:
            n1 = self.legal_tail.sub("", n1)
        n2 = self.desig_tail.sub("", n1) if self.desig_tail is not None else n1
        for n in (n1, n2):
            for p in self.places:
                if n.startswith(p) and len(n) - len(p) >= 2:
                    out.append(n[len(p):])
                    break
            out.append(n)
        return [c for c in dict.fromkeys(out) if c != name and len(c) >= 2 and c not in self.stop
                and not (self.generic_rx is not None and self.generic_rx.fullmatch(c))
                and c not in self.places]

    def list_members(self, text: str, orgs: list[Fact]) -> list[Fact]:
        """Names listed with companies (包括逸達、亞獅康-KY、景凱、台微體等陸續傳出授權佳績): when at least two items of a
        list and half of them are names the article gives companies, the others are companies too, wherever the
        article writes them. (The first item is only as long as a company name it ends with.)"""
        if self.list_rx is None or self.list_sep not in text:
            return orgs
        known = {f.text for f in orgs}
        names: dict[str, Company] = {}
        for m in self.list_rx.finditer(text):
            parts = m.group(0).split(self.list_sep)
            head = parts[0]  # its longest ending that is a known name (one set lookup per length)
            first = next((head[-n:] for n in range(min(len(head), 16), 1, -1) if head[-n:] in known), None)
            parts = ([first] if first else []) + parts[1:]
            hits = sum(1 for x in parts if x in known)
            if hits < 2 or hits * 2 < len(parts):
                continue
            for name in parts:
                if name not in known and _CJK.search(name) and name not in self.stop:
                    names.setdefault(name, Company("x:" + name_key(name)))
        if not names:
            return orgs
        taken = SpanIndex((f.start, f.end) for f in orgs)
        added = [Fact(x.start(), x.end(), "org", "context", names[x.group(0)], "org.zh_list_member", x.group(0))
                 for x in re.finditer("|".join(map(re.escape, sorted(names, key=len, reverse=True))), text)
                 if not taken.overlaps(x.start(), x.end())]
        return sorted(orgs + added, key=lambda x: x.start)

    def short_forms(self, text: str, orgs: list[Fact], money: list[tuple[int, int]]) -> list[Fact]:
        # each core once, in the order the orgs give them (a core seen again finds nothing new: its first pass
        # claimed every free occurrence), all found in one pass over the text instead of one scan per core
        cores: dict[str, Any] = {}
        for f in orgs:
            if f.kind == "gazetteer" and f.value is not None and _CJK.search(f.text) and self.desig_tail is not None \
                    and self.desig_tail.search(f.text):
                # a known name the article writes with its designator (台康生技) is its core elsewhere (台康早在…)
                for core in self._cores(f.text):
                    if _CJK.search(core) and len(core) >= 2:
                        cores.setdefault(core, f.value)
                continue
            if f.kind != "shape" and f.kind != "context" or f.value is None:
                continue
            if f.kind == "context" and len(f.text) >= 3 and _CJK.search(f.text) and not any(
                    f.text.startswith(p) for p in self.places) and not any(w in f.text for w in self.verbs):
                cores.setdefault(f.text, f.value)  # a name its context found once (全资子公司上药信谊) is one everywhere
            for core in self._cores(f.text):
                cores.setdefault(core, f.value)
        if not cores:
            return orgs
        automaton = ahocorasick.Automaton()
        for core in cores:
            automaton.add_word(core, core)
        automaton.make_automaton()
        where: dict[str, list[int]] = {}
        for end, core in automaton.iter(text):
            where.setdefault(core, []).append(end + 1 - len(core))
        taken = SpanIndex([(f.start, f.end) for f in orgs] + list(money))
        claimed = DisjointSpans()
        added: list[Fact] = []
        for core, value in cores.items():
            latin = not _CJK.search(core)
            last = -1  # re.finditer's matches of one core never overlap each other
            for s in sorted(where.get(core, ())):
                e = s + len(core)
                if s < last or latin and (_alnum_ascii(text, s - 1) or _alnum_ascii(text, e)):
                    continue
                last = e
                if taken.overlaps(s, e) or claimed.overlaps(s, e):
                    continue
                claimed.add(s, e)
                added.append(Fact(s, e, "org", "short", value, "org.zh_short", core))
        if not added:
            return orgs
        return sorted(orgs + added, key=lambda x: x.start)

    def defined_full_names(self, text: str, orgs: list[Fact], facts: list[Fact]) -> list[Fact]:
        """``大和制药株式会社（以下简称"大和制药"）`` where no name shape took the full name: it runs from where the
        defined short name is written just before the bracket to the bracket; or, when the short name is not
        written there, a Latin name with its legal form just before it (``HLBLifeScienceCo.,Ltd.公司（以下简称
        「HLB-LS公司」）``). A full name that ends like a drug or a fee (馬來酸吡咯替尼片) names no company."""
        out: list[Fact] = []
        ends = sorted(o.end for o in orgs)
        spans = SpanIndex((o.start, o.end) for o in orgs)
        for d in facts:
            if d.label != "define" or d.kind != "short":
                continue
            if bisect.bisect_right(ends, d.start) > bisect.bisect_left(ends, d.start - 2):
                continue  # an org ends within two characters before the definition
            for name in re.findall(r"[“\"「『]([^”\"」』]{2,20})[”\"」』]", d.text):
                at = text.rfind(name, max(0, d.start - 30), d.start)
                if at < 0 and self.latin_full is not None:
                    m = self.latin_full.search(text, max(0, d.start - 80), d.start)
                    at = m.start() if m else -1
                if at < 0 or spans.overlaps(at, d.start):
                    continue
                full = text[at:d.start]
                cut = max(_QUOTE_OR_BREAK.finditer(full), key=lambda x: x.start(), default=None)
                if cut is not None:
                    # the short name was found inside an earlier definition ("许可方" in （“被许可方”）与南京X有限公司（“许可方”）):
                    # the full name is what follows that definition and its connective
                    lead = _LEADING_LINK.match(full, cut.end())
                    at += lead.end() if lead else cut.end()
                    full = text[at:d.start]
                    if len(full) < 2 or spans.overlaps(at, d.start):
                        continue
                if full.endswith(self.stop_end) or full in self.stop or not (
                        self.latin_full is not None and self.latin_full.search(full)
                        or any(t is not None and t.search(full) for t in (self.legal_tail, self.desig_tail))):
                    continue  # a drug, a fee or an agreement (獨家許可協議（「許可協議」）), not a company
                comp = Company("x:" + name_key(full))
                out.append(Fact(at, d.start, "org", "context", comp, "name.zh_defined_full", full))
                break
        return out

    # -- anaphors -------------------------------------------------------------------------------------------
    @staticmethod
    def anaphor_index(text: str, orgs: list[Fact]) -> tuple[list[int], list[int]]:
        """Where sentences break (。 and line breaks) and where the orgs (sorted by start) start: what
        :meth:`antecedent` looks up by bisection, once per text."""
        return [m.start() for m in _SENTENCE_BREAK.finditer(text)], [o.start for o in orgs]

    @staticmethod
    def _sentence_subject(text: str, breaks: list[int], starts: list[int], orgs: list[Fact], end: int) -> Fact | None:
        """The company a sentence (ending at ``end``) opens with, if it opens with one (within a few characters
        of its start: a date or 近日 may come first)."""
        i = bisect.bisect_left(breaks, end)
        begin = breaks[i - 1] + 1 if i > 0 else 0
        j = bisect.bisect_left(starts, begin)
        if j < len(orgs) and orgs[j].start < end and orgs[j].value is not None:
            head = text[begin:orgs[j].start].strip()
            if len(head) <= 8 and not re.search(r"[，,、：:与與和及同跟向从從由被]", head):
                return orgs[j]
        return None

    def antecedent(self, text: str, word: str, at: int, orgs: list[Fact],
                   index: tuple[list[int], list[int]] | None = None) -> Fact | None:
        """后者 / 前者: the latter / former of two companies named earlier in the same sentence; 该公司: the one
        named last, in this sentence or the one before. ``orgs`` are sorted by start; ``index`` is
        :meth:`anaphor_index` of them (each lookup is then a bisection and a look at the last few orgs)."""
        breaks, starts = index if index is not None else self.anaphor_index(text, orgs)
        i = bisect.bisect_left(breaks, at)
        start = breaks[i - 1] if i > 0 else -1
        if word in self.last_named and start > 0 and not text[start + 1:at].strip():
            # 该公司 opening a sentence is the previous sentence's subject (A获得B的授权。该公司将支付…: A), when
            # that sentence opens with a company
            topic = self._sentence_subject(text, breaks, starts, orgs, start)
            if topic is not None:
                return topic
        if word in self.last_named and start > 0:
            i = bisect.bisect_left(breaks, start)
            start = breaks[i - 1] if i > 0 else -1
        keys: list[str] = []
        found: list[Fact] = []
        # the orgs before ``at``, last first, back to the sentence start; a sentence naming more companies than
        # _MAX_LOOK_BACK before the anaphor is a list, not a sentence with a "latter"
        j = bisect.bisect_left(starts, at)
        for o in reversed(orgs[max(0, j - _MAX_LOOK_BACK):j]):
            if o.start <= start:
                break
            if o.end > at or o.value is None:
                continue
            found.append(o)
            if o.value.key not in keys:
                keys.append(o.value.key)
            if word in self.last_named or len(keys) == 2:
                break
        if word in self.last_named:
            return found[0] if found else None
        if len(keys) < 2:
            return None  # one company in the sentence: 后者 points further back than we can see
        want = keys[1] if word in self.former else keys[0]
        return next(o for o in found if o.value.key == want)
