"""Stage 1 of assembly — the article's companies: one key per company, short names unified with their full form,
and the article's own company (the filer or announcer, whom "we" and "the Company" refer to)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ..facts import Fact
from ..normalize.names import name_key
from ..patterns import has_file, load_file
from .types import Entity, EntityTable

__all__ = ["EntityResolver"]

_BRACKET = re.compile(r"\s*[(（][^()（）]{1,30}[)）]")
#: what stands between a descriptor and the name in apposition after it ("its partner, Hanmir Pharma")
_APPOSED = re.compile(r"[ \t]*,?[ \t]*")
#: between a company and its other name in brackets after it ("富士製藥工業（Fuji Pharma）", "Boryung (保寧製藥)"): a
#: legal-form tail of a few characters at most, the opening bracket; the closing one follows the other name
_OPEN_ALIAS = re.compile(r"[^\s，,。；;、()（）]{0,4}[ \t]*[(（][ \t]*$")
_CLOSE_ALIAS = re.compile(r"[ \t]*[)）]")
#: what ends a clause just before a word that opens the next one (。公司将… / ，公司与…)
_CLAUSE_OPEN = re.compile(r"[。；;，,！？!?\n]\s*$")
#: what, before a sentence's first company, makes that company no subject (与X / 由X / 据X / 交易对方为X)
_CLAUSE_SEMI = re.compile(r"[；;]")
_PARAGRAPH_OR_SEMI = re.compile(r"[；;]|\n")
_NOT_SUBJECT_HEAD = re.compile(r"[，,、：:与與和及同跟向从從由被据據对對为為是给給]")
#: a list item's lead ("- ", "★ ", "1. ", "（二）")
_BULLET_LINE = re.compile(r"[ \t\u3000]*(?:[-*•·★☆▲■●◆▶►]|\d{1,2}[.、)）]|[（(][一二三四五六七八九十\d]{1,2}[)）])")


class EntityResolver:
    """Builds the :class:`EntityTable` of one article from its ``org`` and ``define`` facts."""

    def __init__(self, lang: str, patterns_dir: str | None = None) -> None:
        self.lang = lang
        names = load_file(lang, "names", patterns_dir)
        announce = (names.get("references", {}) or {}).get("announcer") or []
        #: country words of descriptors ("the Chinese firm") → ISO code, to pick the company they refer to; a
        #: language without them does not resolve descriptors here (Chinese 前者/后者 are read by the role frames)
        self.countries: dict[str, str] = names.get("descriptor_countries", {}) or {}
        #: what a company's own text says of its country right after its name: "Solvari Bio (NL)", "Kuhnil, a Seoul
        #: mid-cap," (a country word or city of ``countries`` in an appositive; ISO codes in brackets)
        words = "|".join(re.escape(w) for w in sorted(self.countries, key=len, reverse=True))
        #: a country word or city as a whole word of a descriptor ("the Indianapolis drugmaker" is not Indian)
        self.country_word = re.compile(rf"(?<![\w-])(?:{words})(?![\w])") if words else None
        self.country_after = re.compile(
            rf"\s*\((?P<code>[A-Z]{{2}})\)|,[ \t]+(?:an?|the)[ \t]+(?:[^,.;:()\n]{{0,30}}?)(?<![\w-])(?P<word>{words})(?![\w])"
        ) if words else None
        #: generic first words of company names ("Farmaceutici Averna S.p.A."): the word after one is the short name
        self.lead_words: set[str] = {w.lower() for w in names.get("generic_lead_words", []) or []}
        #: legal forms that tell a company's country where the gazetteer does not ("Lenzburg Pharma AG" is no
        #: "Boston-based biotech"): regex of the form at the end of a name → the countries that use it
        self.form_countries: list[tuple[re.Pattern[str], set[str]]] = [
            (re.compile(r"(?:^|[\s,])" + rx + r"$"), set(cs.split()))
            for rx, cs in (names.get("legal_form_countries", {}) or {}).items()]
        #: 'the former' / 'the latter' → which of the companies named before it in its sentence
        self.order: dict[str, str] = names.get("descriptor_order", {}) or {}
        #: kind words of descriptors ("the Big Pharma") → the gazetteer kind of the company they refer to
        self.kinds: list[tuple[re.Pattern[str], str]] = [
            (re.compile(r"\b" + w + r"\b"), k) for w, k in (names.get("descriptor_kinds", {}) or {}).items()]
        #: self references that, in an article with no company of its own, refer back like a descriptor ("the company")
        sd = names.get("self_descriptor")
        self.self_descriptor = re.compile(sd) if sd else None
        #: self references that, in an article with no company of its own, opening a clause, stand for the company
        #: their sentence (or the one before) opens with: its topic (映恩生物成立于2019年。公司将DB-1303授权给…)
        tr = names.get("topic_reference")
        self.topic_reference = re.compile(tr) if tr else None
        #: contract-party labels that stand for a company (交易对方, 甲方): no topic a sentence opens with
        tl = names.get("topic_not_labels")
        self.topic_labels = re.compile(tl) if tl else None
        #: descriptors that name a role ("the seller", "the licensee"), not a company seen before: left to the frames
        self.role_nouns = re.compile(names["descriptor_roles"]) if names.get("descriptor_roles") else None
        #: the words before a descriptor that make it an object ("pay the company", "invest in the company"): the
        #: subject of its sentence is not what it refers to
        self.object_ref = re.compile(names["object_reference_before"]) if names.get("object_reference_before") else None
        #: the words between a company and 'it' that make the company the speaker 'it' refers to ("Genmab said it would
        #: buy Merus", "X announced on Monday that it had licensed …")
        self.speaker_it = re.compile(names["speaker_before_it"]) if names.get("speaker_before_it") else None
        #: "the Company and" / "本公司與" just before a company: that company is the counterparty, never the self
        sp = names.get("self_partner_before")
        self.self_partner = re.compile(sp) if sp else None
        # "X today announced", "X (NASDAQ: XXX)", 公告: the first company named so is the article's own
        self.announcer = re.compile("|".join(announce)) if announce else None
        #: what follows the filer's name on a filing's cover ("(Exact name of registrant as specified in its charter)")
        self.registrant_after = re.compile(names["registrant_after"]) if names.get("registrant_after") else None
        #: … or a report's title after the name that starts a line ("Acme Bio, Inc. Annual Report 2025")
        self.filer_title_after = re.compile(names["filer_title_after"]) if names.get("filer_title_after") else None
        #: an announcing verb right after the first company's name (恒瑞医药公告 / 恒瑞医药周二宣布), where no word edge
        #: lets the ``announcer`` words find it
        self.announcer_after = re.compile(names["announcer_after"]) if names.get("announcer_after") else None
        #: a Chinese name's core: without its legal form and designator (新基制药, 新基公司 → 新基); places and
        #: descriptor words are no core (中国医药 and 中国生物制药 are two companies)
        lex = names.get("lexicon", {}) or {}
        tail = "|".join(sorted((lex.get("designator") or []) + (lex.get("weak_designator") or []), key=len,
                               reverse=True) + (lex.get("legal") or []))
        self.core_tail = re.compile(rf"(?:{tail})+$") if lang == "zh" and tail else None
        self.not_cores = set(names.get("place_words", []) or []) | set(names.get("generic_words", []) or [])
        #: what stands before a wholly owned unit named with its parent ("百利天恒全资子公司SystImmune", "its
        #: subsidiary X"): the unit is its parent's party
        ub = names.get("unit_before")
        self.unit_before = re.compile(ub) if ub else None
        #: a merger agreement's vehicle (its whole name; "Merger Sub") and what names its parent right after it: the
        #: vehicle is its parent, else the company the filing defines as "Parent"
        #: a company's role in its contract, in brackets right after its name ("X（作为许可方）"): role → regex
        self.role_label_after: dict[str, re.Pattern[str]] = {
            role: re.compile(rx) for role, rx in (names.get("role_label_after", {}) or {}).items()}
        mv = names.get("merger_vehicle")
        self.vehicle = re.compile(mv) if mv else None
        vp = names.get("vehicle_parent_after")
        self.vehicle_parent = re.compile(vp) if vp else None
        #: the gazetteer's group companies (``parent:`` of an entry; the English file holds them for both languages):
        #: a subsidiary and its group named in one article are one side of a deal ("AbbVie pays Simcere …" over
        #: "… from Simcere Zaiming")
        self.parents: dict[str, str] = {
            e["id"]: e["parent"] for lg in dict.fromkeys(("en", lang)) if has_file(lg, "companies", patterns_dir)
            for e in load_file(lg, "companies", patterns_dir).get("entries", []) or [] if e.get("parent")}

    def resolve(self, text: str, facts: list[Fact], sentences: Sequence[tuple[int, int]] = ()) -> EntityTable:
        orgs = [f for f in facts if f.label == "org"]
        alias = self._aliases(orgs)
        self._bracket_aliases(text, orgs, alias)
        if self.vehicle is not None:
            self._vehicles(text, orgs, alias)
        table = EntityTable()
        for f in orgs:
            key = f.value.key
            while key in alias:
                key = alias[key]
            f.extra["ent"] = key
            ent = table.entities.get(key)
            if ent is None:
                ent = table.entities[key] = Entity(key)
            ent.facts.append(f)
            comp = f.value
            if comp.canonical and not ent.canonical:
                ent.canonical, ent.country, ent.kind = comp.canonical, comp.country, comp.kind
        table.self_key = self._self_key(text, facts, orgs)
        if self.role_label_after:
            table.declared = self._declared(text, orgs)
        first = min((f for f in facts if f.label == "org" or f.label == "ref" and f.kind == "self"),
                    key=lambda f: f.start, default=None)
        table.self_first = first is not None and first.label == "ref"
        if first is not None and not table.self_first and sentences:
            # … or in the sentence that names the first company ("In connection with its agreement with Novartis,
            # the Company paid …"): the filer speaks of itself from its opening sentence on
            me = min((f.start for f in facts if f.label == "ref" and f.kind == "self"), default=-1)
            i = bisect.bisect_right([a for a, _ in sentences], first.start) - 1
            table.self_first = me >= 0 and i >= 0 and me < sentences[i][1]
        if self.unit_before is not None:
            self._units(text, facts, orgs, table)
        if self.parents:
            self._group_units(table)
        if sentences and self.countries:
            self._descriptors(text, facts, orgs, sentences, table)
        if sentences and self.topic_reference is not None and table.self_key is None:
            self._topic_refs(text, facts, orgs, sentences)
        return table

    def _declared(self, text: str, orgs: list[Fact]) -> dict[str, str]:
        """The companies whose brackets name their role in the contract ("苏州澄源（作为许可方）", "Halvorsen（作為被許可方）"),
        when each such company has one role and each role one company (a list of several contracts' parties says
        nothing about any one deal)."""
        roles: dict[str, set[str]] = {}
        for f in orgs:
            for role, rx in self.role_label_after.items():
                if rx.match(text, f.end):
                    roles.setdefault(f.extra["ent"], set()).add(role)
        if any(len(r) > 1 for r in roles.values()):
            return {}
        out = {key: next(iter(r)) for key, r in roles.items()}
        return out if len(set(out.values())) == len(out) else {}

    def _topic_refs(self, text: str, facts: list[Fact], orgs: list[Fact],
                    sentences: Sequence[tuple[int, int]]) -> None:
        """A ``topic_reference`` (公司) that opens a clause, in an article with no company of its own, is the company
        its sentence opens with, else the one the sentence before, in its paragraph, opens with (映恩生物近年发展迅速，2023年，公司与…;
        映恩生物成立于2019年。公司将…); with no such company it stays what it was."""
        assert self.topic_reference is not None
        starts = [a for a, _ in sentences]
        org_starts = [o.start for o in orgs]

        def opener(si: int, before: int) -> Fact | None:
            a = sentences[si][0]
            j = bisect.bisect_left(org_starts, a)
            if j < len(orgs) and orgs[j].end <= before and orgs[j].extra.get("ent") and orgs[j].kind != "anaphor" \
                    and not (self.topic_labels is not None and self.topic_labels.fullmatch(orgs[j].text)):
                head = text[a:orgs[j].start].strip()
                if len(head) <= 8 and not _NOT_SUBJECT_HEAD.search(head):
                    return orgs[j]
            return None

        for f in facts:
            if f.label != "ref" or f.kind != "self" or f.extra.get("ent") or not self.topic_reference.fullmatch(f.text):
                continue
            if text[:f.start].strip() and not _CLAUSE_OPEN.search(text, max(0, f.start - 4), f.start):
                continue  # (an object: 向公司支付; or inside a phrase)
            si = bisect.bisect_right(starts, f.start) - 1
            if si < 0:
                continue
            o = opener(si, f.start)
            k = bisect.bisect_left(org_starts, o.end) if o is not None else 0
            if o is not None and (_CLAUSE_SEMI.search(text, o.end, f.start) or k < len(orgs) and org_starts[k] < f.start
                                  or self.topic_reference.search(text, o.end, f.start)):
                continue  # (a company or 公司 of another clause stands between: Almirall向公司支付…；…公司可获得)
            if o is None and si > 0 and not _PARAGRAPH_OR_SEMI.search(text, sentences[si - 1][0], f.start):
                # (in the same paragraph, and a sentence before, not a clause: 公司 stands for none of a clause that
                # says it again, as an object: Almirall向公司支付…；…公司可获得)
                o = opener(si - 1, sentences[si - 1][1])
                if o is not None and self.topic_reference.search(text, o.end, sentences[si - 1][1]):
                    o = None
            if o is not None:
                f.extra["ent"] = o.extra.get("ent")

    def _descriptors(self, text: str, facts: list[Fact], orgs: list[Fact], sentences: Sequence[tuple[int, int]],
                     table: EntityTable) -> None:
        """A descriptor ("the Seoul-based company", "the Chinese firm") refers to the first company named before it
        in its sentence, else to the first company of the sentences before (the subject they were about), skipping
        companies of another country when the descriptor names one (the gazetteer's country, else the countries its
        legal form allows: "Lenzburg Pharma AG" is no "Boston-based biotech")."""
        starts = [a for a, _ in sentences]
        forms: dict[str, set[str]] = {}  # the countries a company's legal form allows, where the gazetteer has none
        for o in orgs:
            ent = o.extra.get("ent")
            if ent and not table.country(ent):
                for rx, cs in self.form_countries:
                    if rx.search(o.text.rstrip(". ")):
                        forms.setdefault(ent, set()).update(cs)
                said = self.country_after.match(text, o.end) if self.country_after is not None else None
                if said is not None:
                    code = said.group("code")
                    forms[ent] = {"GB" if code == "UK" else code} if code else {self.countries[said.group("word")]}

        def countries(ent: str | None) -> set[str]:
            """The countries a company may be of, as far as the text and the gazetteer tell (none: any)."""
            have = table.country(ent)
            return {have} if have else forms.get(ent or "", set())

        org_starts = [o.start for o in orgs]
        its: list[Fact] = []  # descriptors and 'it' resolved so far
        it_starts: list[int] = []
        for f in facts:
            if f.label != "ref" or f.kind not in ("descriptor", "self"):
                continue
            if f.kind == "self" and (table.self_key or not self.self_descriptor or not self.self_descriptor.fullmatch(f.text)):
                continue  # "we", or "the company" in a release that has its own company: the announcer
            which = next((o for w, o in self.order.items() if f.text.lower().endswith(w)), None)
            if which is None and self.role_nouns is not None and self.role_nouns.search(f.text):
                continue
            si = bisect.bisect_right(starts, f.start) - 1
            if which == "other":
                if (x := bisect.bisect_left(org_starts, f.end)) < len(orgs) and _APPOSED.fullmatch(
                        text, f.end, orgs[x].start):
                    continue  # "its partner, Hanmir Pharma, will pay": the name that follows is the party
                self._same_partner(f, orgs, sentences, si)
                continue
            if which is not None:
                self._ordinal(f, which, orgs, sentences[si] if si >= 0 else (0, f.start))
                continue
            pronoun = f.text.lower() == "it"
            if pronoun and si >= 0 and self.speaker_it is not None and (x := bisect.bisect_left(org_starts, f.start)) and (
                    (o := orgs[x - 1]).start >= sentences[si][0] and o.extra.get("ent")
                    and self.speaker_it.fullmatch(text, o.end, f.start)):
                f.extra["ent"] = o.extra["ent"]  # "… a month after Genmab said it would buy Merus": the speaker
                its.append(f)
                it_starts.append(f.start)
                continue
            said = self.country_word.search(f.text) if self.country_word is not None else None
            country = self.countries[said.group(0)] if said is not None else None
            kind = next((k for rx, k in self.kinds if rx.search(f.text)), None)
            # a descriptor of a kind ("the Big Pharma") is the last company of that kind named before it in this
            # sentence or the three before, even when a company of another kind stands nearer ("Shortly after
            # announcing the Hanmi transaction, the Big Pharma …"); else, as any descriptor, the nearest subject
            found = False
            for want in ((kind, None) if kind else (None,)):
                for back in range(0, 4):
                    if si - back < 0:
                        break
                    a, b = sentences[si - back]
                    lo, hi = bisect.bisect_left(org_starts, a), bisect.bisect_left(org_starts, min(b, f.start))
                    cands = [o for o in orgs[lo:hi] if o.end <= min(b, f.start)]  # (by bisection: orgs come sorted)
                    if pronoun:  # 'it' after a sentence whose subject was 'it' or a descriptor: the company it was
                        lo, hi = bisect.bisect_left(it_starts, a), bisect.bisect_left(it_starts, min(b, f.start))
                        cands = sorted(cands + [x for x in its[lo:hi] if x.end <= min(b, f.start)],
                                       key=lambda o: o.start)
                    if country:
                        cands = [o for o in cands if country in countries(o.extra.get("ent")) or not countries(
                            o.extra.get("ent"))]
                        sure = [o for o in cands if country in countries(o.extra.get("ent"))]
                        cands = sure or cands  # one known to be of the country before one of no known country
                    if want:
                        cands = [o for o in cands if table.kind(o.extra.get("ent")) == want][-1:]
                    if cands:
                        f.extra["ent"], found = cands[0].extra.get("ent"), True
                        alts = list(dict.fromkeys(e for o in cands if (e := o.extra.get("ent"))))
                        if country and len(alts) >= 2 and not any(countries(e) for e in alts):
                            # no company of the sentence is known to be of the descriptor's country: the nearest
                            # subject is a guess the roles may correct (see linking)
                            f.extra["alts"] = alts
                        break
                if found:
                    break
            if f.extra.get("ent"):
                its.append(f)  # ('it' after "the Boston company paid …, and in 2024 it licensed …": that company)
                it_starts.append(f.start)  # (facts come sorted by start: so do these)
            if found and self.object_ref is not None and self.object_ref.search(text, max(0, f.start - 12), f.start):
                # "X will pay the company $35 million": a company its own sentence's one company pays (or invests in,
                # or licenses to) is the other one, named before
                lo, hi = (bisect.bisect_left(org_starts, sentences[si][0]), bisect.bisect_left(org_starts, f.start)) \
                    if si >= 0 else (0, 0)
                here = [o for o in orgs[lo:hi] if o.end <= f.start]
                if len(here) == 1 and here[0].extra.get("ent") == f.extra.get("ent") and not text.startswith(
                        ("'s", "’s"), here[0].end):  # (not "X's partner paid … to the company")
                    self._same_partner(f, orgs, sentences, si)

    @staticmethod
    def _same_partner(f: Fact, orgs: list[Fact], sentences: Sequence[tuple[int, int]], si: int) -> None:
        """'the same company': the last company named before it (this sentence or up to three before) other than
        the first company of its own sentence (the subject doing business with it again)."""
        lo = sentences[max(0, si - 3)][0] if si >= 0 else 0
        here = [o for o in orgs if si >= 0 and sentences[si][0] <= o.start and o.end <= f.start]
        subject = here[0].extra.get("ent") if here else None
        before = [o for o in orgs if lo <= o.start and o.end <= f.start and o.extra.get("ent") not in (None, subject)]
        if before:
            f.extra["ent"] = before[-1].extra.get("ent")

    @staticmethod
    def _ordinal(f: Fact, which: str, orgs: list[Fact], sentence: tuple[int, int]) -> None:
        """'the former' / 'the latter': of two or more companies named before it in its sentence, the first or
        the last (one company before it is no pair to choose from: left unresolved)."""
        keys: list[str] = []
        for o in orgs:
            k = o.extra.get("ent")
            if sentence[0] <= o.start and o.end <= f.start and k and k not in keys:
                keys.append(k)
        if len(keys) >= 2:
            f.extra["ent"] = keys[0] if which == "first" else keys[-1]

    @staticmethod
    def _bracket_aliases(text: str, orgs: list[Fact], alias: dict[str, str]) -> None:
        """A company's other name in brackets right after it is the same company (the gazetteer's key wins)."""
        def root(k: str) -> str:
            seen = set()
            while k in alias and k not in seen:
                seen.add(k)
                k = alias[k]
            return k
        for a, b in zip(orgs, orgs[1:], strict=False):
            if not (0 < b.start - a.end <= 8 and _OPEN_ALIAS.search(text, a.end, b.start)
                    and _CLOSE_ALIAS.match(text, b.end)):
                continue
            ka, kb = root(a.value.key), root(b.value.key)
            if ka == kb or not (ka.startswith("x:") or kb.startswith("x:")):
                continue
            if ka.startswith("x:"):
                alias[ka] = kb  # 富士製藥（Fuji Pharma）: a known other name stands for the unknown one
            else:
                alias[kb] = ka

    def _vehicles(self, text: str, orgs: list[Fact], alias: dict[str, str]) -> None:
        """A merger agreement's vehicle ("Pike Merger Sub, Inc., a wholly owned subsidiary of Parent ("Merger Sub")",
        "Merger Sub will commence a tender offer …") is its parent: the company named right after it as its parent,
        else the one the filing defines as "Parent" (a vehicle with neither stays itself)."""
        assert self.vehicle is not None
        vehicles = [f for f in orgs if self.vehicle.fullmatch(f.text)]
        if not vehicles:
            return
        starts = {f.start: f for f in orgs}
        defined = next((f for f in orgs if f.text == "Parent" and f.kind == "defined"), None)
        fallback = defined.value.key if defined is not None else None
        for v in vehicles:
            mt = self.vehicle_parent.match(text, v.end) if self.vehicle_parent is not None else None
            p = starts.get(mt.end()) if mt is not None else None
            key = p.value.key if p is not None and not self.vehicle.fullmatch(p.text) else fallback
            seen = {v.value.key}
            while key is not None and key in alias and key not in seen:
                seen.add(key)
                key = alias[key]
            if key is not None and key not in seen:
                alias[v.value.key] = key
                v.extra["vehicle"] = True
        for f in orgs:  # the vehicle's short forms ("Merger Sub", "Sub") stand for it too
            if f.value.key in alias and any(v.extra.get("vehicle") and f.value.key == v.value.key for v in vehicles):
                f.extra["vehicle"] = True

    def _aliases(self, orgs: list[Fact]) -> dict[str, str]:
        """Unknown short names → the longer name they begin ("Maiwei" → "Maiwei Biotech"), or the gazetteer
        entry written the same way."""
        names: dict[str, list[str]] = {}
        #: unknown names written with a bracketed place, keyed without it ("Keymed Biosciences (Chengdu) Co. Ltd.")
        unbracketed: dict[str, str] = {}
        for f in orgs:
            names.setdefault(f.value.key, []).append(name_key(f.text))
            if f.value.key.startswith("x:"):
                names[f.value.key].append(f.value.key[2:])  # the name as keyed: without a leading city
            if f.value.key.startswith("x:") and "(" in f.text:
                unbracketed[f.value.key] = name_key(_BRACKET.sub("", f.text))
        known = {n: k for k, ns in names.items() if not k.startswith("x:") for n in ns}
        alias: dict[str, str] = {}
        # one name written with and without a space ("Heng Yu" and "Hengyu Pharmaceutical", as translations from
        # Chinese go): the first key so written stands for the others
        by_glued: dict[str, str] = {}
        for k in names:
            if k.startswith("x:"):
                first = by_glued.setdefault(k[2:].replace(" ", ""), k)
                if first != k:
                    alias[k] = first
        for k in names:
            if not k.startswith("x:") or k in alias:
                continue
            if unbracketed.get(k) in known:  # a unit of a known company, named with its city: the company
                alias[k] = known[unbracketed[k]]
                continue
            kw = k[2:].split()
            if not kw:
                continue
            best = next((other for other, ns in names.items() if other != k and self._extends(k, kw, other, ns)),
                        None)
            if best:
                alias[k] = best
        return alias

    def _extends(self, k: str, kw: list[str], other: str, other_names: list[str]) -> bool:
        for n in other_names:
            nw = n.split()
            if len(nw) > len(kw) and nw[: len(kw)] == kw:
                return True
            # "Averna" for "Farmaceutici Averna S.p.A.": the name after a generic first word
            if len(kw) == 1 and len(nw) >= 2 and nw[0] in self.lead_words and nw[1] == kw[0] and len(kw[0]) >= 4:
                return True
            # Chinese names have no spaces: 睿拓生物 is 杭州睿拓生物 written without its city
            if self.lang == "zh" and len(n) > len(k) - 2 >= 3 and k[2:] in n:
                return True
            if not other.startswith("x:") and nw == kw:
                return True
            # 新基制药 and the gazetteer's 新基公司, 康拓公司 and 康拓制药: one core, written once with a legal form
            # only (an unknown name joins the gazetteer's or a longer one: never a cycle)
            # (one of the two is the core itself: 联邦制药 and 联邦生物 may be parent and subsidiary)
            core = self._core(k[2:])
            if (not other.startswith("x:") or len(other) > len(k)) and core is not None \
                    and core == self._core(n) and core in (k[2:], n):
                return True
        return False

    def _core(self, name: str) -> str | None:
        if self.core_tail is None:
            return None
        core = self.core_tail.sub("", name)
        return core if len(core) >= 2 and core not in self.not_cores else None

    def _group_units(self, table: EntityTable) -> None:
        """A gazetteer company whose group (or the group's group) the article also names is a unit of it."""
        for key in table.entities:
            seen = {key}
            up = self.parents.get(key)
            while up is not None and up not in seen and key not in table.units:
                if up in table.entities:
                    table.units[key] = up
                seen.add(up)
                up = self.parents.get(up)

    def _units(self, text: str, facts: list[Fact], orgs: list[Fact], table: EntityTable) -> None:
        """A subsidiary named right after the words that make it one ("公司全资子公司SystImmune", "宣布，旗下子公司先声再明",
        "its wholly owned subsidiary X") is a unit of the company named (or the article's own company referred to)
        just before those words: a deal that names the one is open to the other (they stay two companies)."""
        assert self.unit_before is not None
        holders = sorted((f for f in facts if f.label == "org" or f.label == "ref" and f.kind == "self"),
                         key=lambda f: f.end)
        ends = [h.end for h in holders]
        for f in orgs:
            mk = self.unit_before.search(text, max(0, f.start - 16), f.start)
            if mk is None:
                continue
            # the companies (or self references) that end at most 40 characters before those words
            before = holders[bisect.bisect_left(ends, mk.start() - 40):bisect.bisect_right(ends, mk.start())]
            named = [h for h in before if h.label == "org"]  # a company named there before a self reference
            if not before:
                continue
            h = (named or before)[-1]
            parent = h.extra.get("ent") if h.label == "org" else table.self_key
            unit = f.extra.get("ent")
            if not parent or not unit or parent == unit or unit not in table.entities or parent not in table.entities:
                continue
            table.units[unit] = parent

    def _self_key(self, text: str, facts: list[Fact], orgs: list[Fact]) -> str | None:
        for f in facts:
            if f.label == "define" and f.kind == "self":
                before = [o for o in orgs if o.end <= f.start and f.start - o.end < 40]
                if before:
                    return before[-1].extra["ent"]
        if not orgs:
            return None
        if self.registrant_after is not None:
            for o in orgs[:8]:
                if o.start < 1500 and self.registrant_after.match(text, o.end, o.end + 80):
                    return o.extra["ent"]  # the name on a filing's cover, above "(Exact name of registrant …)"
        if self.filer_title_after is not None:
            for o in orgs[:3]:
                if o.start < 600 and not text[text.rfind("\n", 0, o.start) + 1:o.start].strip() and \
                        self.filer_title_after.match(text, o.end, o.end + 80):
                    return o.extra["ent"]  # a report's heading: its filer's name, then the report's title
        first = orgs[0]
        if len(orgs) > 1 and text[first.start - 1:first.start] == "【" and text.startswith("】", first.end):
            first = orgs[1]  # 【华泰医药】澜峰药业2024年报点评: the bracket names the source, the company follows
        if self.self_partner is not None and self.self_partner.search(text, max(0, first.start - 16), first.start):
            return None  # "本公司與北京墨元…", "the Company and X": the counterparty, not the company itself
        if first.start < 300 and self.announcer is not None and self.announcer.search(text, 0, 400):
            return first.extra["ent"]
        if first.start < 300 and self.announcer_after is not None and self.announcer_after.match(text, first.end) and \
                not _BULLET_LINE.match(text, text.rfind("\n", 0, first.start) + 1):
            return first.extra["ent"]  # (not an item of a roundup list, where each item's company announces its own)
        lead = len(text) - len(text.lstrip())
        first_line = text.lstrip().split("\n", 1)[0].strip()
        if first.start < 5 + lead and len(first_line) <= len(first.text) + 6:
            return first.extra["ent"]  # a filing whose first line is the filer's name
        return None
