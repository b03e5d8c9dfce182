"""Company names no gazetteer knows: a candidate of a name shape or a context trimmed to the name (headline words,
leading stop words, possessives), overlapping candidates resolved, and what only looks like a company refused
(a place, a person named with a title, a drug the article names, a description, a code)."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ...facts import Company, Fact
from ...normalize.names import name_key
from ...patterns import has_file, load_file, load_rules, regex_table
from ...triggers import guarded

__all__ = ["NameCleaner"]


class NameCleaner:
    """The stop words, designators and filters of ``patterns/<lang>/names.yml`` and what they decide about a
    candidate name."""

    #: a drug or product code ("HS-20094", "ADC"), never a company on its own
    _CODE = re.compile(r"^(?:[A-Z]{1,6}\d?[A-Z]{0,3}-?[A-Z]?\d[\w-]*|\d+[A-Z]+\d+\w*|[A-Z]{2,5})$")

    def __init__(self, lang: str, names: dict[str, Any], pd: str | None = None) -> None:
        rx = regex_table(lang, "names", pd)
        self.lead_words, self.sentence_end = rx["name.lead_words"], rx["name.sentence_end"]
        self.lead_possessive, self.owner_possessive = rx["name.lead_possessive"], rx["name.owner_possessive"]
        self.possessive_tail, self.plural_possessive = rx["name.possessive_tail"], rx["name.plural_possessive"]
        self.abbreviation_end, self.demonstrative_before = rx["name.abbreviation_end"], rx["name.demonstrative_before"]
        self.plural_acronym = rx["name.plural_acronym"]
        self.currency_tail = rx["name.currency_tail"]
        self.headline_verb = rx["name.headline_verb"]
        self.name_stop = set(names.get("stopwords", []) or [])
        #: context rules whose name may be an acronym alone (a filing's counterparty known by its initials: "with
        #: DRL"), kept when the article writes it more than once
        self.acronym_rules = [r for r in load_rules(lang, "names", pd, section="context") if r.attrs.get("acronym")]
        #: the last article's acronyms and their counts, one tuple (replaced whole: safe across threads)
        self._caps: tuple[str, Counter[str]] = ("", Counter())
        #: words no company name ends in ("… to Expand Neuropsychiatry Pipeline" in a title-case headline)
        self.never_last = set(names.get("never_last_words", []) or [])
        self.name_places = set(names.get("name_places", []) or [])
        self.place_keys = {w.lower() for w in self.name_places}
        #: a regulator's name is no company ("authorisation from Swissmedic")
        self.regulator = _regulators(lang, pd)
        filt = names.get("filters", {}) or {}
        self.place_after = re.compile(filt["place_after"]) if filt.get("place_after") else None
        self.based_place = re.compile(filt["based_place"]) if filt.get("based_place") else None
        self.descriptor_after = re.compile(filt["descriptor_after"]) if filt.get("descriptor_after") else None
        self.based_word = re.compile(filt["based_word"]) if filt.get("based_word") else None
        self.not_name_after = re.compile(filt["not_name_after"]) if filt.get("not_name_after") else None
        self.describing_end = re.compile(filt["describing_end"]) if filt.get("describing_end") else None
        self.thing_end = re.compile(filt["thing_end"]) if filt.get("thing_end") else None
        self.drug_before = re.compile(filt["drug_before"]) if filt.get("drug_before") else None
        self.owned_thing_after = re.compile(filt["owned_thing_after"]) if filt.get("owned_thing_after") else None
        # (scanned over every text: behind their first-character guard, the same matches)
        self.person_rx = re.compile(guarded(filt["person"]) or filt["person"]) if filt.get("person") else None
        self.drug_named = re.compile(guarded(filt["drug_named"]) or filt["drug_named"]) if filt.get("drug_named") else None
        lex = names.get("lexicon", {}) or {}
        self.designator_words = {w for x in (lex.get("designator") or []) + (lex.get("legal") or []) + (
                                     lex.get("fund_word") or [])
                                 for w in re.sub(r"\\|\?|\(.*?\)", "", x).replace(",", " ").split()}
        self.designator_words |= set(names.get("legal_abbreviations") or [])
        self.designator_words = {w.strip(".") for w in self.designator_words}
        # a name without its designator and legal form ("Pellmont Pharma AG" → "Pellmont"): how articles go on
        self.name_tail = rx["name.tail"] if "name.tail" in rx.rules else None

    # -- one candidate ---------------------------------------------------------------------------------------
    def split_headline(self, text: str, s: int, e: int) -> list[tuple[int, int]]:
        """A candidate cut at the headline verbs inside it ("Ilsan NeuroSciences Grants Marlowe Therapeutics" → both
        names); most candidates come back whole."""
        out, at = [], s
        # (from the space before it: a candidate that starts with the verb, "Snaps Up Velbright Bio", is the name after it)
        for m in self.headline_verb.finditer(text, max(0, s - 1), e):
            if m.start() > at:
                out.append((at, m.start()))
            at = max(at, m.end())
        if at < e or not out:
            out.append((at, e))
        return out

    def trim_name(self, text: str, s: int, e: int, keep_first: bool = False) -> tuple[int, int]:
        seg = text[s:e]
        # a sentence end inside the candidate ("Sciwind Biosciences. Verdiva has"): keep the side next to the cue
        for mdot in reversed(list(self.sentence_end.finditer(seg))):
            if keep_first:
                e = s + mdot.start() + 1
                seg = text[s:e]
            else:
                s = s + mdot.end()
                seg = text[s:e]
                break
        if keep_first:
            mp = self.plural_possessive.search(seg)
            if mp and seg[max(0, mp.start() - 1):mp.start()] == "s":
                e = s + mp.start()  # "led by Hanul Biologics' HER3 antibody": the owner, not its drug
                seg = text[s:e]
        m = self.lead_words.match(seg)
        if m:
            s += m.end()
            seg = text[s:e]
        # "Japan's Daiichi Sankyo", "Korea’s Alteogen": a place's possessive is not part of the name
        mp = self.lead_possessive.match(seg)
        if mp and mp.group(1).rstrip(".") in self.name_stop:
            s += mp.end()
            seg = text[s:e]
        # drop leading stop words ("Under Pfizer" → "Pfizer")
        words = seg.split(" ")
        while len(words) > 1 and words[0].strip(",.") in self.name_stop and not self._own_place(words):
            s += len(words[0]) + 1
            words = words[1:]
        seg = text[s:e]
        while seg and seg[-1] in ",;:’'\"":
            e -= 1
            seg = seg[:-1]
        mc = self.currency_tail.search(seg)
        if mc is not None and mc.start() > 0:  # "pay Melby Bio USD 80 million": the name ends before the code
            e = s + mc.start()
            seg = text[s:e]
        if seg.endswith("’s") or seg.endswith("'s"):
            e -= 2
        return s, e

    # -- all candidates --------------------------------------------------------------------------------------
    def resolve_overlaps(self, found: list[Fact], text: str) -> list[Fact]:
        """Longest span wins; a gazetteer entity inside a longer shape match lends it its identity."""
        found.sort(key=lambda f: (f.start, -(f.end - f.start), f.kind != "gazetteer"))
        out: list[Fact] = []
        for f in found:
            if out and f.start < out[-1].end:
                prev = out[-1]
                if f.kind == "gazetteer" and prev.value is None and f.end <= prev.end:
                    tail = text[f.end:prev.end]
                    if self.possessive_tail.search(tail) or self.plural_possessive.match(tail):
                        out[-1] = f  # "Sino Biopharm's UK", "Lexicon Pharmaceuticals' Phase": the known name, not
                        # its possessive tail
                    else:
                        prev.value = f.value
                        prev.kind = "gazetteer+shape"
                        head = text[prev.start:f.start]
                        if head.endswith(" ") and " " not in head.strip() and self.based_word is not None and \
                                self.based_word.search(head.strip()):
                            # "Alphabet-backed Calico Life Sciences": the describing word is no part of the name
                            prev.start, prev.text = f.start, text[f.start:prev.end]
                elif f.end > prev.end and f.kind == "gazetteer" and prev.kind != "gazetteer":
                    out[-1] = f
                continue
            out.append(f)
        return self._name_unknown(out, text)

    def _name_unknown(self, orgs: list[Fact], text: str) -> list[Fact]:
        """Candidates without a gazetteer identity, cleaned and given a key of their own (or dropped)."""
        keep = []
        lower_words = None
        persons: set[str] | None = None
        drugs: set[str] | None = None
        places: set[str] | None = None
        for f in orgs:
            if f.value is None:
                if lower_words is None:
                    lower_words = set(re.findall(r"(?<![A-Za-z])[a-z][a-z-]+", text))
                f = self.clean_unknown(f, text, lower_words)
                if f is None:
                    continue
                if persons is None:
                    persons = self._persons(text)
                if f.text in persons:
                    continue  # "Saldanha said": a person the article names with a title
                if places is None:
                    places = {x.group("place") for x in self.based_place.finditer(text)} if self.based_place else set()
                if f.text in places:
                    continue  # "buys Munich antibody spin-out X" where the article also writes "Munich-based": a place
                if self.regulator is not None and self.regulator.fullmatch(f.text):
                    continue
                if drugs is None:
                    drugs = self._drug_names(text)
                if f.text in drugs:
                    continue  # "Enhertu’s price": a name the article calls a drug somewhere
                f.value = Company("x:" + self.key(f.text))
            keep.append(f)
        return keep

    def _persons(self, text: str) -> set[str]:
        """People the article names with a title ("Glenn Saldanha, Chairman", "CEO Jane Doe"): their full names
        and surnames."""
        out: set[str] = set()
        if self.person_rx is None:
            return out
        for m in self.person_rx.finditer(text):
            name = m.group("person") or m.group("person2") or (m.group("person3") if "person3" in m.re.groupindex else None)
            if name and name.split()[-1] not in self.name_stop and name.split()[-1] not in self.designator_words:
                out.add(name)
                out.add(name.split()[-1])
        return out

    def _drug_names(self, text: str) -> set[str]:
        """Names the article introduces with a drug word ("antibody-drug conjugate (ADC) Enhertu")."""
        if self.drug_named is None:
            return set()
        return {m.group("drug") for m in self.drug_named.finditer(text)}

    # -- one unknown name ------------------------------------------------------------------------------------
    def clean_unknown(self, f: Fact, text: str, lower_words: set[str]) -> Fact | None:
        """An unknown name candidate, trimmed of headline words; None when nothing name-like is left."""
        e = f.end
        s = self._skip_headline_words(text, f.start, e, lower_words)
        s_owned = self._skip_owner(text, s, e)
        if s_owned is None:
            return None
        s = s_owned
        seg = text[s:e]
        if self.based_word is not None and " " in seg:
            # "Boston-based X", "Tang Capital-backed Kalaris": the name starts after the last describing word
            head = seg[:seg.rindex(" ")].split(" ")
            cut = max((i for i, w in enumerate(head) if self.based_word.search(w)), default=-1)
            if cut >= 0:
                s += sum(len(w) + 1 for w in head[:cut + 1])
                seg = text[s:e]
        words = [w.strip(",.:;") for w in seg.split()]
        if words and (words[-1] in self.never_last or self.describing_end is not None and self.describing_end.search(
                words[-1])) or self.not_name_after is not None and self.not_name_after.match(
                text, e) or not (self._name_like(text, s, e, words, lower_words) or self._acronym_party(text, s, e, words)):
            return None
        f.start, f.end, f.text = s, e, text[s:e]
        return f

    def _skip_headline_words(self, text: str, s: int, e: int, lower_words: set[str]) -> int:
        """Where the name starts after a sentence end and the leading words the article uses as ordinary words
        elsewhere ("Licenses Bispecific X Bio")."""
        seg = text[s:e]
        cut = seg.rfind(". ")
        if cut >= 0 and not self.abbreviation_end.search(seg[:cut]):
            s += cut + 2
        while True:
            seg = text[s:e]
            first, _, rest = seg.partition(" ")
            if not rest:
                break
            w = first.strip(",.:;")
            if self._own_place([first, *rest.split()]):
                break
            if w in self.name_stop or w.lower() in lower_words and not re.match(r"^(?:[A-Z]{2,}|.*\d)", w):
                s += len(first) + 1
                continue
            break
        return s

    def key(self, name: str) -> str:
        """The key of an unknown name: its name key without a place that begins registered names ("Zhejiang Baiyue
        Pharmaceutical Co., Ltd." is the "Baiyue Pharma" the article names again)."""
        k = name_key(name)
        place, _, rest = k.partition(" ")
        return rest if rest and place in self.place_keys else k

    def _own_place(self, words: list[str]) -> bool:
        """A place word that is the name's own: "Boston Pharmaceuticals", "Hangzhou Ruiyang Biopharma" (a place
        that begins registered names, before a capitalised name of two words or more)."""
        if all(x.strip(",.") in self.designator_words for x in words[1:]):
            return True
        return words[0] in self.name_places and len(words) > 2 and words[1][:1].isupper()

    def _skip_owner(self, text: str, s: int, e: int) -> int | None:
        """Where the name starts after an owner's possessive ("Pfizer's Seagen"); None when what follows the
        possessive is no company."""
        seg = text[s:e]
        mp = self.owner_possessive.search(seg)
        if not mp:
            return s
        tail = [w.strip(",.") for w in seg[mp.end():].split()]
        if not tail or all(w in self.name_stop for w in tail):
            return None  # "Sino Biopharm's UK": an owner and a place, the name follows elsewhere
        if self.owned_thing_after is not None and self.owned_thing_after.match(text, e, e + 30):
            return None  # "Voyager's TRACER platform": a thing the owner has, not a company
        return s + mp.end()

    def _acronym_party(self, text: str, s: int, e: int, words: list[str]) -> bool:
        """An acronym alone that an acronym context rule finds ("a license agreement … with DRL"), no stop word,
        written more than once in the article: a company known by its initials."""
        if not self.acronym_rules or len(words) != 1 or not re.fullmatch(r"[A-Z]{2,5}", words[0]) or \
                words[0] in self.name_stop or not any(m.span("name") == (s, e) for r in self.acronym_rules
                                                      for m in r.regex.finditer(text, max(0, s - 200), e + 1)):
            return False
        memo = self._caps
        if memo[0] is not text:  # (the article's acronyms counted once)
            memo = self._caps = (text, Counter(_ACRONYM.findall(text)))
        return memo[1][words[0]] >= 2

    def _name_like(self, text: str, s: int, e: int, words: list[str], lower_words: set[str]) -> bool:
        """Whether the trimmed candidate ``text[s:e]`` (its ``words``) still reads as a company name."""
        if not words or all(w in self.name_stop or w.strip(".") in self.designator_words for w in words):
            return False  # nothing but stop words, designators and legal forms ("Holding AG", "Kong Limited")
        if self.demonstrative_before.fullmatch(text[max(0, s - 5):s]) and len(words) == 2 \
                and words[1] in self.designator_words:
            return False  # "This SoCal Biotech": a description of a company named elsewhere
        if self.based_word is not None and self.based_word.search(words[-1]):
            return False
        if self.thing_end is not None and len(words) > 1 and self.thing_end.fullmatch(words[-1].strip(",.")):
            return False  # "Breakthrough-Designated BTK Degrader": a drug in a title-case headline
        if self.descriptor_after is not None and self.descriptor_after.match(text, e, e + 30):
            return False  # "Danish biotech Nordhavn": a word describing the company, not its name
        if self.place_after is not None and self.place_after.match(text, e, e + 40):
            return False  # "Princeton, N.J.-based Conjugatebio": a place
        if self.drug_before is not None and self.drug_before.search(text, max(0, s - 30), s):
            return False  # "its Crohn's disease drug Entocort": a drug
        if len(words) == 1:
            w = words[0]
            if w in self.name_stop or len(w) < 2 or self._CODE.match(w) and not re.search(r"[a-z]", w):
                return False
            if self.plural_acronym.match(w):
                return False  # "TKIs", "ADCs", "CP-CML": a plural or compound abbreviation, no company
            if w.lower() in lower_words and not w.islower():
                return False  # (a name written all in lower case is in the article's lower-case words by itself)
        if all(self._CODE.match(w) for w in words):
            return False
        if any(re.match(r"^[A-Z]{1,6}-?[A-Z]?\d{2,}", w) for w in words):
            return False  # "Agonist HS-20094": a headline around a drug code, not a company
        return True


#: a word of two to five capitals ("DRL")
_ACRONYM = re.compile(r"(?<![\w-])[A-Z]{2,5}(?![\w-])")


def _regulators(lang: str, pd: str | None) -> re.Pattern[str] | None:
    """Every agency term of ``patterns/<lang>/regulators.yml`` as one regex (its case rule kept per term)."""
    if not has_file(lang, "regulators", pd):
        return None
    terms = [t if e.get("case_sensitive") else f"(?i:{t})" for e in load_file(lang, "regulators", pd).get("entries", [])
             for t in e.get("terms", [])]
    return re.compile("|".join(terms)) if terms else None
