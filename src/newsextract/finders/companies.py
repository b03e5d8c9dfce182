"""Company mentions: the gazetteer, name shapes, names in context, unnamed partners, self-references,
descriptors and names a filing defines (以下简称…)."""

from __future__ import annotations

import bisect
import re
from typing import Any

import ahocorasick

from .._spans import DisjointSpans, SpanIndex
from ..facts import Company, Fact
from ..normalize.names import Gazetteer, display_name, name_key
from ..patterns import Rule, load_file, load_rules
from ..triggers import TriggerIndex, analyze, finditer_near

__all__ = ["CompanyFinder"]

_MAX_SHORT_NAMES = 64
#: orgs an anaphor (后者, 该公司) looks back over
_MAX_LOOK_BACK = 64
_SENTENCE_BREAK = re.compile(r"[。\n]")


def _alnum_ascii(text: str, i: int) -> bool:
    """``text[i]`` is an ASCII letter or digit (what ``[A-Za-z0-9]`` matches); False outside the text."""
    return 0 <= i < len(text) and text[i] in _ASCII_ALNUM


_ASCII_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


def _word_char(text: str, i: int, extra: str) -> bool:
    """True when ``text[i]`` continues a word (a letter, digit, underscore or one of ``extra``)."""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_" or text[i] in extra)


def _starts(rule: Rule, hits: dict[Any, list[int]] | None, key: Any) -> list[int] | None:
    """Where a rule's trigger literals are (None: scan the whole text)."""
    if hits is None or rule.triggers is None:
        return None
    return hits.get(key, [])


class CompanyFinder:
    """Every company-like mention of one language, as ``org`` / ``unnamed`` / ``ref`` / ``define`` facts."""

    def __init__(self, lang: str, pd: str | None = None) -> None:
        self.lang = lang
        self.gazetteer = Gazetteer(lang, pd)
        self.name_rules = load_rules(lang, "names", pd)
        names = load_file(lang, "names", pd)
        self.name_stop = set(names.get("stopwords", []) or [])
        refs = names.get("references", {}) or {}
        self_refs = refs.get("self", []) or []
        desc = refs.get("descriptor", []) or []
        # Chinese has no word edges (\w also matches 公司的): zh entries carry their own boundaries
        bl, br = (r"(?<![\w])", r"(?![\w])") if lang == "en" else ("", "")
        self.self_rx = re.compile(bl + "(?:" + "|".join(sorted(self_refs, key=len, reverse=True)) + ")" + br) if self_refs else None
        self.desc_rx = re.compile(bl + "(?:" + "|".join(desc) + ")" + br) if desc else None
        self.unnamed_rules = load_rules(lang, "names", pd, section="unnamed_partner")
        self.context_rules = load_rules(lang, "names", pd, section="context")
        #: the name and context rules, and the self and descriptor references, run only near their trigger literals
        #: (one automaton for all)
        self.refs = {key: analyze(rx.pattern, rx.flags, with_reach=True) if rx is not None else (None, None)
                     for key, rx in (("self", self.self_rx), ("desc", self.desc_rx))}
        self.name_index = TriggerIndex([*(((sec, i), r.triggers) for sec, rules in
                                          (("name", self.name_rules), ("context", self.context_rules))
                                          for i, r in enumerate(rules)),
                                        *((key, lits) for key, (lits, _) in self.refs.items())])
        self.defines = load_rules(lang, "names", pd, section="defines")
        filt = names.get("filters", {}) or {}
        self.place_after = re.compile(filt["place_after"]) if filt.get("place_after") else None
        self.descriptor_after = re.compile(filt["descriptor_after"]) if filt.get("descriptor_after") else None
        self.based_word = re.compile(filt["based_word"]) if filt.get("based_word") else None
        self.drug_before = re.compile(filt["drug_before"]) if filt.get("drug_before") else None
        self.owned_thing_after = re.compile(filt["owned_thing_after"]) if filt.get("owned_thing_after") else None
        self.person_rx = re.compile(filt["person"]) if filt.get("person") else None
        self.drug_named = re.compile(filt["drug_named"]) if filt.get("drug_named") else None
        lex = names.get("lexicon", {}) or {}
        self.designator_words = {w for x in (lex.get("designator") or []) + (lex.get("legal") or [])
                                 for w in re.sub(r"\\|\?|\(.*?\)", "", x).replace(",", " ").split()} | {"Co", "Inc", "Corp"}
        self.designator_words = {w.strip(".") for w in self.designator_words}
        tail = [*(lex.get("designator") or []), *(lex.get("legal") or [])]
        # a name without its designator and legal form ("Pellmont Pharma AG" → "Pellmont"): how articles go on
        self.name_tail = re.compile(r"(?:[\s,]+(?:" + "|".join(tail) + r"|and|&))+\.?$") if tail and lang == "en" else None
        self.zh = _ZhNames(names, self.name_rules) if lang == "zh" else None

    def find(self, text: str, money_spans: list[tuple[int, int]] | None = None) -> list[Fact]:
        found: list[Fact] = []
        for start, end, entry in self.gazetteer.find(text):
            found.append(Fact(start, end, "org", "gazetteer", Company(entry.id, entry.name, entry.country, entry.kind),
                              "org.gazetteer", text[start:end]))
        low = text.lower()
        hits = self.name_index.hits(low) if self.name_index.exact(text, low) else None
        for i, r in enumerate(self.name_rules):
            for m in r.scan(text, None, _starts(r, hits, ("name", i))):
                s, e = m.start(), m.end()
                s, e = self._trim_name(text, s, e)
                if e - s < 2:
                    continue
                found.append(Fact(s, e, "org", "shape", None, r.id, text[s:e]))
        for i, r in enumerate(self.context_rules):
            for m in r.scan(text, None, _starts(r, hits, ("context", i))):
                g = next((k for k in ("name", "name2") if k in r.regex.groupindex and m.group(k)), 0)
                s, e = m.span(g)
                s, e = self._trim_name(text, s, e, keep_first=r.id.endswith("after_prep"))
                if e - s < 2:
                    continue
                found.append(Fact(s, e, "org", "context", None, r.id, text[s:e]))
        if self.zh is not None:
            found = self.zh.clean(text, found)
        orgs = self._resolve_overlaps(found, text)
        if money_spans:
            money = SpanIndex(money_spans)
            orgs = [o for o in orgs if o.kind.startswith("gazetteer") or not money.overlaps(o.start, o.end)]
        if self.name_tail is not None:
            orgs = sorted(orgs + self._propagate(text, orgs, money_spans or []), key=lambda f: f.start)
        if self.zh is not None:
            orgs = self.zh.short_forms(text, orgs, money_spans or [])
        out = list(orgs)
        taken = SpanIndex((f.start, f.end) for f in orgs)
        for r in self.unnamed_rules:
            for m in r.finditer(text, low):
                if taken.overlaps(m.start(), m.end()):
                    continue
                out.append(Fact(m.start(), m.end(), "unnamed", "", None, r.id, text[m.start():m.end()]))
        if self.self_rx is not None:
            for m in self._refs("self", self.self_rx, text, hits):
                if taken.overlaps(m.start(), m.end()):
                    continue
                out.append(Fact(m.start(), m.end(), "ref", "self", None, "ref.self", m.group(0)))
        if self.desc_rx is not None:
            ante_index = None
            for m in self._refs("desc", self.desc_rx, text, hits):
                if taken.overlaps(m.start(), m.end()):
                    continue
                if self.zh is not None and ante_index is None:
                    ante_index = self.zh.anaphor_index(text, orgs)
                ante = self.zh.antecedent(text, m.group(0), m.start(), orgs, ante_index) if self.zh is not None else None
                if ante is not None:  # 后者 / 该公司: the company it stands for, named just before
                    # ruled like a defined role word (许可人): it stands for the company and never names it
                    out.append(Fact(m.start(), m.end(), "org", "anaphor", ante.value, "org.defined_short", m.group(0)))
                    continue
                out.append(Fact(m.start(), m.end(), "ref", "descriptor", None, "ref.descriptor", m.group(0)))
        for r in self.defines:
            for m in r.finditer(text, low):
                out.append(Fact(m.start(), m.end(), "define", r.label, m.groupdict(), r.id, text[m.start():m.end()]))
        if self.zh is not None:
            extra = self.zh.defined_full_names(text, orgs, out)
            out.extend(extra)
            orgs = orgs + extra
        out.extend(self._short_names(text, orgs, out))
        return out

    def _refs(self, key: str, rx: re.Pattern[str], text: str, hits: dict[Any, list[int]] | None) -> Any:
        lits, width = self.refs[key]
        return finditer_near(rx, text, None if hits is None or lits is None else hits.get(key, []), width)

    def _propagate(self, text: str, orgs: list[Fact], money_spans: list[tuple[int, int]]) -> list[Fact]:
        """Every other place the article writes a company it names somewhere: its names as found, and each
        without its designator and legal form. ("Pellmont Pharma signed …", later "Northcove's fund will pay
        Pellmont" — the rules that find unknown names fire on the first, not the second.)"""
        forms: dict[str, Company] = {}
        lower_words: set[str] | None = None
        for f in orgs:
            name = display_name(f.text).rstrip(".")
            short = self.name_tail.sub("", name).strip() if self.name_tail is not None else name
            for form in (name, short):
                words = form.split()
                if len(form) < 3 or not words or all(w.strip(",.") in self.name_stop for w in words):
                    continue
                if len(words) == 1 and form != name:
                    if lower_words is None:
                        lower_words = set(re.findall(r"(?<![A-Za-z])[a-z][a-z-]+", text))
                    if form.lower() in lower_words or form in self.name_stop:
                        continue  # a common word ("Vision", "Point") is no name on its own
                forms.setdefault(form, f.value)
        if not forms:
            return []
        taken = SpanIndex([(f.start, f.end) for f in orgs] + list(money_spans))
        claimed = DisjointSpans()  # what this pass adds never overlaps itself
        # every occurrence of every form in one pass over the text (a scan per form was quadratic in the names)
        automaton = ahocorasick.Automaton()
        for form in forms:
            automaton.add_word(form, form)
        automaton.make_automaton()
        hits: list[tuple[int, int, str]] = []
        for end, form in automaton.iter(text):
            i, j = end + 1 - len(form), end + 1
            if not _word_char(text, i - 1, "&-") and not _word_char(text, j, "-"):
                hits.append((i, j, form))
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))  # longest first, as an alternation would match
        added: list[Fact] = []
        for s, e, form in hits:
            if taken.overlaps(s, e) or claimed.overlaps(s, e):
                continue
            if s > 0 and text[s - 1] in "\"“「" and text[e:e + 1] in ("\"", "”", "」"):
                continue  # '("Brightwater")': the short name being defined, not another mention
            claimed.add(s, e)
            added.append(Fact(s, e, "org", "propagated", forms[form], "org.propagated", form))
        return added

    def _short_names(self, text: str, orgs: list[Fact], facts: list[Fact]) -> list[Fact]:
        """Names a filing defines right after a company (defines rules labelled ``short``):
        ``科伦博泰…公司（以下简称“科伦博泰”或“许可人”）`` makes every later 科伦博泰 and 许可人 that company."""
        shorts: list[tuple[str, Company]] = []
        by_end = sorted((o.end, i) for i, o in enumerate(orgs))
        for d in facts:
            if d.label != "define" or d.kind != "short":
                continue
            # the org that ends right before the definition (the last one in text order, as a scan would find)
            lo = bisect.bisect_left(by_end, (d.start - 2, -1))
            hi = bisect.bisect_right(by_end, (d.start, len(orgs)))
            prev = orgs[max(i for _, i in by_end[lo:hi])] if hi > lo else None
            if prev is None or not isinstance(prev.value, Company):
                continue
            for name in re.findall(r"[“\"「『]([^”\"」』]{2,20})[”\"」』]", d.text):
                if self.self_rx is not None and self.self_rx.fullmatch(name):
                    continue
                if self.zh is not None and name in self.zh.stop:
                    continue  # （以下简称“协议”）: the agreement, not a company
                shorts.append((name, prev.value))
        if not shorts:
            return []
        spans = [(f.start, f.end) for f in facts if f.label in ("org", "ref", "unnamed")]
        refs = {(f.start, f.end) for f in facts if f.label == "ref"}
        # a reference inside the defined name (公司 of HLB-LS公司) is part of it, not in the way: what is in the way
        # is any other span that overlaps it, or a reference that crosses one of its ends
        taken = SpanIndex(sp for sp in spans if sp not in refs)
        crossing = SpanIndex(sp for sp in spans if sp in refs)
        claimed = DisjointSpans()
        added: list[Fact] = []
        seen: set[str] = set()
        for name, comp in sorted(shorts, key=lambda x: -len(x[0])):  # 被许可人 before 许可人
            if name in seen:
                continue  # a name defined again finds nothing new: its first definition claimed every occurrence
            seen.add(name)
            if len(seen) > _MAX_SHORT_NAMES:
                break  # each name is one scan of the text: a filing defines a handful, not thousands
            for m in re.finditer(re.escape(name), text):
                ms, me = m.start(), m.end()
                if taken.overlaps(ms, me) or crossing.overlaps(ms, ms) or crossing.overlaps(me, me) \
                        or claimed.overlaps(ms, me):
                    continue
                claimed.add(m.start(), m.end())
                added.append(Fact(m.start(), m.end(), "org", "defined", comp, "org.defined_short", name))
        if added:
            inside = SpanIndex((f.start, f.end) for f in added)
            facts[:] = [f for f in facts if not (f.label == "ref" and inside.contains(f.start, f.end))]
        return added

    _LEAD = re.compile(r"^(?:(?:The|the|A|An|and|And|with|With|by|By|from|From|to|To|of|Of|said|Said|Both|both|[A-Z][a-z]+-based)\s+)+")

    def _trim_name(self, text: str, s: int, e: int, keep_first: bool = False) -> tuple[int, int]:
        seg = text[s:e]
        # a sentence end inside the candidate ("Sciwind Biosciences. Verdiva has"): keep the side next to the cue
        for mdot in reversed(list(re.finditer(r"(?<!\bInc)(?<!\bCo)(?<!\bCorp)(?<!\bLtd)(?<!\bSt)(?<!\bDr)(?<!\bNo)(?<!U\.S)\.\s+(?=[A-Z0-9])", seg))):
            if keep_first:
                e = s + mdot.start() + 1
                seg = text[s:e]
            else:
                s = s + mdot.end()
                seg = text[s:e]
                break
        m = self._LEAD.match(seg)
        if m:
            s += m.end()
            seg = text[s:e]
        # "Japan's Daiichi Sankyo", "Korea’s Alteogen": a place's possessive is not part of the name
        mp = re.match(r"^([A-Z][A-Za-z.]+)(?:'s|’s)\s+(?=[A-Z0-9])", seg)
        if mp and mp.group(1).rstrip(".") in self.name_stop:
            s += mp.end()
            seg = text[s:e]
        # drop leading stop words ("Under Pfizer" → "Pfizer")
        words = seg.split(" ")
        while len(words) > 1 and words[0].strip(",.") in self.name_stop and not all(
                w.strip(",.") in self.designator_words for w in words[1:]):  # "Boston Pharmaceuticals" stays whole
            s += len(words[0]) + 1
            words = words[1:]
        seg = text[s:e]
        while seg and seg[-1] in ",;:’'\"":
            e -= 1
            seg = seg[:-1]
        if seg.endswith("’s") or seg.endswith("'s"):
            e -= 2
        return s, e

    def _resolve_overlaps(self, found: list[Fact], text: str) -> list[Fact]:
        """Longest span wins; a gazetteer entity inside a longer shape match lends it its identity."""
        found.sort(key=lambda f: (f.start, -(f.end - f.start), f.kind != "gazetteer"))
        out: list[Fact] = []
        for f in found:
            if out and f.start < out[-1].end:
                prev = out[-1]
                if f.kind == "gazetteer" and prev.value is None and f.end <= prev.end:
                    if re.search(r"(?:'s|’s)\b", text[f.end:prev.end]) or re.match(r"['’]\s", text[f.end:prev.end]):
                        out[-1] = f  # "Sino Biopharm's UK", "Lexicon Pharmaceuticals' Phase": the known name, not
                        # its possessive tail
                    else:
                        prev.value = f.value
                        prev.kind = "gazetteer+shape"
                elif f.end > prev.end and f.kind == "gazetteer" and prev.kind != "gazetteer":
                    out[-1] = f
                continue
            out.append(f)
        keep = []
        lower_words = None
        persons: set[str] | None = None
        drugs: set[str] | None = None
        for f in out:
            if f.value is None:
                if lower_words is None:
                    lower_words = set(re.findall(r"(?<![A-Za-z])[a-z][a-z-]+", text))
                f = self._clean_unknown(f, text, lower_words)
                if f is None:
                    continue
                if persons is None:
                    persons = self._persons(text)
                if f.text in persons:
                    continue  # "Saldanha said": a person the article names with a title
                if drugs is None:
                    drugs = self._drug_names(text)
                if f.text in drugs:
                    continue  # "Enhertu’s price": a name the article calls a drug somewhere
                f.value = Company("x:" + name_key(f.text))
            keep.append(f)
        return keep

    def _persons(self, text: str) -> set[str]:
        """People the article names with a title ("Glenn Saldanha, Chairman", "CEO Jane Doe"): their full names
        and surnames."""
        out: set[str] = set()
        if self.person_rx is None:
            return out
        for m in self.person_rx.finditer(text):
            name = m.group("person") or m.group("person2")
            if name and name.split()[-1] not in self.name_stop and name.split()[-1] not in self.designator_words:
                out.add(name)
                out.add(name.split()[-1])
        return out

    def _drug_names(self, text: str) -> set[str]:
        """Names the article introduces with a drug word ("antibody-drug conjugate (ADC) Enhertu")."""
        if self.drug_named is None:
            return set()
        return {m.group("drug") for m in self.drug_named.finditer(text)}

    _ACRONYM = re.compile(r"^(?:[A-Z]{2,5}s|[A-Z]{1,5}-[A-Z]{2,6})$")
    _CODE = re.compile(r"^(?:[A-Z]{1,6}\d?[A-Z]{0,3}-?[A-Z]?\d[\w-]*|\d+[A-Z]+\d+\w*|[A-Z]{2,5})$")

    def _clean_unknown(self, f: Fact, text: str, lower_words: set[str]) -> Fact | None:
        """An unknown name candidate, trimmed of headline words; None when nothing name-like is left."""
        s, e = f.start, f.end
        seg = text[s:e]
        cut = seg.rfind(". ")
        if cut >= 0 and not re.search(r"(?:Inc|Co|Corp|Ltd|No|St)$", seg[:cut]):
            s += cut + 2
        # leading words used as ordinary words elsewhere in the article ("Licenses Bispecific X Bio")
        while True:
            seg = text[s:e]
            first, _, rest = seg.partition(" ")
            if not rest:
                break
            w = first.strip(",.:;")
            if all(x.strip(",.") in self.designator_words for x in rest.split()):
                break  # "Boston Pharmaceuticals": a place word that is the name's own
            if w in self.name_stop or w.lower() in lower_words and not re.match(r"^(?:[A-Z]{2,}|.*\d)", w):
                s += len(first) + 1
                continue
            break
        seg = text[s:e]
        mp = re.search(r"(?:'s|’s)\s+", seg)
        if mp:
            tail = [w.strip(",.") for w in seg[mp.end():].split()]
            if not tail or all(w in self.name_stop for w in tail):
                return None  # "Sino Biopharm's UK": an owner and a place, the name follows elsewhere
            if self.owned_thing_after is not None and self.owned_thing_after.match(text, e, e + 30):
                return None  # "Voyager's TRACER platform": a thing the owner has, not a company
            s += mp.end()
            seg = text[s:e]
        first, _, rest = seg.partition(" ")
        if rest and self.based_word is not None and self.based_word.search(first):
            s += len(first) + 1
            seg = text[s:e]
        words = [w.strip(",.:;") for w in seg.split()]
        if not words or all(w in self.name_stop or w.strip(".") in self.designator_words for w in words):
            return None  # nothing but stop words, designators and legal forms ("Holding AG", "Kong Limited")
        if text[max(0, s - 5):s] in ("This ", "this ", "That ", "that ") and len(words) == 2 \
                and words[1] in self.designator_words:
            return None  # "This SoCal Biotech": a description of a company named elsewhere
        if self.based_word is not None and self.based_word.search(words[-1]):
            return None
        if self.descriptor_after is not None and self.descriptor_after.match(text, e, e + 30):
            return None  # "Danish biotech Nordhavn": a word describing the company, not its name
        if self.place_after is not None and self.place_after.match(text, e, e + 40):
            return None  # "Princeton, N.J.-based Conjugatebio": a place
        if self.drug_before is not None and self.drug_before.search(text, max(0, s - 30), s):
            return None  # "its Crohn's disease drug Entocort": a drug
        if len(words) == 1:
            w = words[0]
            if w in self.name_stop or len(w) < 2 or self._CODE.match(w) and not re.search(r"[a-z]", w):
                return None
            if self._ACRONYM.match(w):
                return None  # "TKIs", "ADCs", "CP-CML": a plural or compound abbreviation, no company
            if w.lower() in lower_words:
                return None
        if all(self._CODE.match(w) for w in words):
            return None
        if any(re.match(r"^[A-Z]{1,6}-?[A-Z]?\d{2,}", w) for w in words):
            return None  # "Agonist HS-20094": a headline around a drug code, not a company
        f.start, f.end, f.text = s, e, text[s:e]
        return f


_CJK = re.compile(r"[\u4e00-\u9fff]")


class _ZhNames:
    """Chinese names have no word edges: what a shape or context match needs besides its regex.

    Drops descriptions (台灣生技公司), trims a leading place or descriptor (美国大洋生物 → 大洋生物), refuses
    common words read as names from context (收购完成 → 完成), finds a name's short forms elsewhere in the
    article (四川百利天恒藥業股份有限公司 … 百利天恒; 亞獅康-KY … 亞獅康) and resolves 后者 / 前者 / 该公司."""

    def __init__(self, names: dict, rules: tuple) -> None:
        lex = names.get("lexicon", {}) or {}
        self.generic = sorted(names.get("generic_words", []) or [], key=len, reverse=True)
        self.places = sorted(names.get("place_words", []) or [], key=len, reverse=True)
        self.stop = set(names.get("stop_names", []) or [])
        self.stop_end = tuple(names.get("stop_name_endings", []) or [])
        lf = (names.get("filters", {}) or {}).get("latin_full_name")
        self.latin_full = re.compile(lf) if lf else None
        desig = "|".join(sorted((lex.get("designator") or []) + (lex.get("weak_designator") or []), key=len, reverse=True))
        legal = "|".join(lex.get("legal") or [])
        self.tail = re.compile(rf"(?:{desig})?(?:{legal}|[（(](?:[A-Za-z ]{{2,12}}|[\u4e00-\u9fff]{{2}})[)）])?$") if desig else None
        self.legal_tail = re.compile(rf"(?:{legal}|[（(](?:[A-Za-z ]{{2,12}}|[\u4e00-\u9fff]{{2}})[)）])$") if legal else None
        self.desig_tail = re.compile(rf"(?:{desig})$") if desig else None
        self.generic_rx = re.compile("|".join(map(re.escape, self.generic))) if self.generic else None
        self.generic_set = frozenset(self.generic)
        self.generic_lens = sorted({len(w) for w in self.generic}, reverse=True)
        self.shape_ids = {r.id for r in rules}

    # -- candidates -----------------------------------------------------------------------------------------
    def clean(self, text: str, found: list[Fact]) -> list[Fact]:
        out = []
        for f in found:
            if f.kind == "gazetteer" or not _CJK.search(f.text):
                out.append(f)
                continue
            span = self._trim(text, f.start, f.end, f.kind == "context")
            if span is None:
                continue
            f.start, f.end = span
            f.text = text[f.start:f.end]
            out.append(f)
        return out

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
        name = text[s:e]
        body = self.tail.sub("", name) if self.tail is not None else name
        if len(body) < 2 or (self.generic_rx is not None and self.generic_rx.fullmatch(body)):
            return None  # 台灣生技公司, 生物製藥公司: a description
        if body != name and self.generic_rx is not None and any(body[-n:] in self.generic_set for n in self.generic_lens):
            return None  # 突顯台灣生技: a phrase that ends in a place before the designator
        if from_context and (name in self.stop or name.endswith(self.stop_end) and body == name):
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
        n1 = name[:-3] if name.endswith("-KY") else name
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

    def short_forms(self, text: str, orgs: list[Fact], money: list[tuple[int, int]]) -> list[Fact]:
        # each core once, in the order the orgs give them (a core seen again finds nothing new: its first pass
        # claimed every free occurrence), all found in one pass over the text instead of one scan per core
        cores: dict[str, Any] = {}
        for f in orgs:
            if f.kind != "shape" and f.kind != "context" or f.value is None:
                continue
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
    def antecedent(text: str, word: str, at: int, orgs: list[Fact],
                   index: tuple[list[int], list[int]] | None = None) -> Fact | None:
        """后者 / 前者: the latter / former of two companies named earlier in the same sentence; 该公司: the one
        named last, in this sentence or the one before. ``orgs`` are sorted by start; ``index`` is
        :meth:`anaphor_index` of them (each lookup is then a bisection and a look at the last few orgs)."""
        breaks, starts = index if index is not None else _ZhNames.anaphor_index(text, orgs)
        i = bisect.bisect_left(breaks, at)
        start = breaks[i - 1] if i > 0 else -1
        if word in ("该公司", "該公司") and start > 0:
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
            if word in ("该公司", "該公司") or len(keys) == 2:
                break
        if word in ("该公司", "該公司"):
            return found[0] if found else None
        if len(keys) < 2:
            return None  # one company in the sentence: 后者 points further back than we can see
        want = keys[1] if word == "前者" else keys[0]
        return next(o for o in found if o.value.key == want)
