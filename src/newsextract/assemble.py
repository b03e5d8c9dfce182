"""Facts → deal records: clauses, roles, payment kinds, merging mentions of one deal.

The steps, per article:
1. sentences (``segment.py``) are cut into clauses at ``;`` and before a new subject company;
2. per clause, amounts get their payment kind from the nearest cue they are tied to (``payments.yml``);
   companies are masked (``«P0»``) and the role frames of ``roles.yml`` bind licensor and licensee;
3. a clause with a deal cue and a company is a *mention*; a clause without a company that refers back to
   the deal ("Under the agreement, …") continues the last deal;
4. mentions merge into deals when their parties agree; each deal is finished (roles from priors, milestones
   summed from parts, names resolved to their fullest form) and emitted with evidence.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .finders import Company, Fact, Finders
from .normalize.money import MoneyMatch
from .normalize.names import display_name, name_key
from .patterns import Rule, load_file, load_rules
from .records import Deal, Evidence, Money, Party, Royalty
from .segment import Segmenter

__all__ = ["Assembler"]

_CJK = re.compile(r"[\u4e00-\u9fff]")
#: fact label → the Mention list it goes to / the Mention flag it sets
_BUCKETS = {"deal": "deal_cues", "status": "status", "target": "targets", "modality": "modality", "asset": "assets",
            "territory": "territory", "royalty": "royalty", "date": "dates"}
_FLAGS = {"backref": "backref", "aggregate": "aggregate"}

DEAL_KINDS = {"upfront", "near_term", "milestone", "milestone_part", "total", "equity", "combined_total",
              "combined_upfront"}
TYPE_RANK = {"acquisition": 6, "newco": 5, "asset_purchase": 4, "option": 3, "license": 2, "collaboration": 1,
             "other": 0}
STATUS_RANK = {"signed": 0, "in_discussion": 1, "completed": 2, "terminated": 3}
ACQ_FRAMES = {"role.passive_acquired_by", "role.sold_to", "role.possessive_acquisition", "role.acquisition_of_by",
              "role.acquires", "role.merge", "role.zh_acquire", "role.zh_acquired_by"}


@dataclass
class PartyRef:
    ent: str  # entity key ("" for unnamed)
    role: str | None
    fact: Fact
    rule: str = ""


@dataclass
class Mention:
    sent: int
    start: int
    end: int
    parties: list[PartyRef] = field(default_factory=list)
    money: list[tuple[str, Fact, str]] = field(default_factory=list)  # (kind, money fact, cue rule)
    deal_cues: list[Fact] = field(default_factory=list)
    status: list[Fact] = field(default_factory=list)
    targets: list[Fact] = field(default_factory=list)
    modality: list[Fact] = field(default_factory=list)
    assets: list[Fact] = field(default_factory=list)
    territory: list[Fact] = field(default_factory=list)
    royalty: list[Fact] = field(default_factory=list)
    dates: list[Fact] = field(default_factory=list)
    backref: bool = False
    aggregate: bool = False
    acq_frame: bool = False
    unnamed_roles: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)
    index: int = 0


@dataclass
class DealState:
    parties: dict[str, str | None] = field(default_factory=dict)  # entity → role
    roles: dict[str, str] = field(default_factory=dict)  # role → entity
    role_facts: dict[str, Fact] = field(default_factory=dict)
    role_rules: dict[str, str] = field(default_factory=dict)
    unnamed: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    money: list[tuple[str, Fact, str]] = field(default_factory=list)
    last_sent: int = 0
    last_mention: int = 0
    order: list[str] = field(default_factory=list)  # entities in order of appearance


class Assembler:
    """Builds deals from the facts of one document."""

    def __init__(self, lang: str, finders: Finders, segmenter: Segmenter, patterns_dir: str | None = None) -> None:
        self.lang = lang
        self.finders = finders
        self.segmenter = segmenter
        self.frames: tuple[Rule, ...] = load_rules(lang, "roles", patterns_dir, section="frames")
        clauses = load_file(lang, "clauses", patterns_dir) if _has(lang, "clauses", patterns_dir) else {}
        self.clause_split = re.compile(clauses.get("split", r";\s+|,\s+(?:and|while|whereas|but)\s+(?=«P)|\s+(?:while|whereas)\s+(?=«P)"))
        self.max_continue = int(clauses.get("max_continue_sentences", 4))
        self.appositive = re.compile(clauses["appositive"]) if clauses.get("appositive") else None
        from .normalize.targets import TargetNormalizer
        from .tables import TableReader

        self.tables = TableReader(lang, patterns_dir, TargetNormalizer(lang, patterns_dir))

    # ------------------------------------------------------------------------------------------------------
    def run(self, text: str, facts: list[Fact], published: dt.date | None) -> tuple[list[Deal], list[str]]:
        warnings: list[str] = []
        table_deals, table_ranges = self.tables.read(text)
        sentences = [(a, b) for a, b in self.segmenter.split(text)
                     if not any(x <= a and b <= y for x, y in table_ranges)]
        starts = [f.start for f in facts]
        entities = self._entities(text, facts)
        mentions: list[Mention] = []
        for si, (a, b) in enumerate(sentences):
            lo = bisect.bisect_left(starts, a)
            hi = bisect.bisect_left(starts, b)
            sfacts = [f for f in facts[lo:hi] if f.end <= b]
            if not sfacts:
                continue
            for clause in self._clauses(text, a, b, sfacts):
                m = self._mention(text, si, clause, entities)
                if m is not None:
                    mentions.append(m)
        deals = self._merge(mentions, entities)
        out: list[Deal] = list(table_deals)
        for d in deals:
            rec = self._finish(d, text, entities, published, warnings)
            if rec is not None and not _fold_into(rec, out[: len(table_deals)]):
                out.append(rec)
        return out, warnings

    # -- entities -------------------------------------------------------------------------------------------
    def _entities(self, text: str, facts: list[Fact]) -> dict[str, Any]:
        """Entity keys for every org fact: gazetteer id, or a name key unified with longer names it prefixes."""
        orgs = [f for f in facts if f.label == "org"]
        keys: dict[str, list[Fact]] = {}
        for f in orgs:
            comp: Company = f.value
            keys.setdefault(comp.key, []).append(f)
        # unify unknown short names with longer ones ("Maiwei" → "Maiwei Biotech")
        alias: dict[str, str] = {}
        unknown = [k for k in keys if k.startswith("x:")]
        for k in unknown:
            kw = k[2:].split()
            if not kw:
                continue
            best = None
            for other, ofs in keys.items():
                if other == k:
                    continue
                names = [name_key(f.text) for f in ofs]
                for n in names:
                    nw = n.split()
                    if len(nw) > len(kw) and nw[: len(kw)] == kw:
                        best = other
                        break
                    # Chinese names have no spaces: 睿拓生物 is 杭州睿拓生物 written without its city
                    if self.lang == "zh" and len(n) > len(k) - 2 >= 3 and k[2:] in n:
                        best = other
                        break
                    if other.startswith("x:") is False and nw == kw:
                        best = other
                        break
                if best:
                    break
            if best:
                alias[k] = best
        for f in orgs:
            comp = f.value
            while comp.key in alias:
                comp = Company(alias[comp.key], comp.canonical, comp.country, comp.kind)
            key = comp.key
            f.extra["ent"] = key
        ents: dict[str, Any] = {}
        for f in orgs:
            key = f.extra["ent"]
            e = ents.setdefault(key, {"facts": [], "canonical": None, "country": None, "kind": None})
            e["facts"].append(f)
            comp = f.value
            if comp.canonical and not e["canonical"]:
                e.update(canonical=comp.canonical, country=comp.country, kind=comp.kind)
        # the article's own company, for "we" / "the Company"
        self_ent = None
        for f in facts:
            if f.label == "define" and f.kind == "self":
                before = [o for o in orgs if o.end <= f.start and f.start - o.end < 40]
                if before:
                    self_ent = before[-1].extra["ent"]
                    break
        if self_ent is None and orgs:
            head = text[: 400]
            first = orgs[0]
            if first.start < 300 and re.search(
                r"\b(?:today announced|announced today|\((?:NASDAQ|Nasdaq|NYSE|HKEX|SSE|SZSE|TSE|KOSDAQ|LSE|SIX|Euronext|HKG|SEHK|TYO|KRX)\s*:|公告|宣布)",
                head,
            ):
                self_ent = first.extra["ent"]
        if self_ent is None and orgs:
            first_line = text.lstrip().split("\n", 1)[0].strip()
            o = orgs[0]
            if o.start < 5 + len(text) - len(text.lstrip()) and len(first_line) <= len(o.text) + 6:
                self_ent = o.extra["ent"]  # a filing whose first line is the filer's name
        ents["__self__"] = self_ent
        return ents

    # -- clauses --------------------------------------------------------------------------------------------
    def _clauses(self, text: str, a: int, b: int, sfacts: list[Fact]) -> list[tuple[int, int, list[Fact]]]:
        masked, spans = self._mask(text, a, b, sfacts)
        cuts = [0]
        for m in self.clause_split.finditer(masked):
            cuts.append(m.end())
        cuts.append(len(masked))
        if len(cuts) == 2:
            return [(a, b, sfacts)]
        out = []
        for x, y in zip(cuts, cuts[1:], strict=False):
            ca, cb = spans(x), spans(y)
            out.append((ca, cb, [f for f in sfacts if f.start >= ca and f.end <= cb]))
        return out

    @staticmethod
    def _mask(text: str, a: int, b: int, facts: list[Fact]) -> tuple[str, Any]:
        """Clause text with companies «Pn», unnamed partners «U», amounts «Mn»; and a masked→text offset map."""
        pieces, pos = [], a
        marks: list[tuple[int, int]] = []  # (masked offset, text offset)
        out_len = 0
        np = nm = 0
        for f in facts:
            if f.label not in ("org", "money", "unnamed", "ref") or f.start < pos:
                continue
            if f.label == "money" and f.kind == "conversion":
                tag = "«C»"
            elif f.label == "org":
                tag = f"«P{np}»"
                f.extra["mask"] = np
                np += 1
            elif f.label == "ref":
                tag = f"«P{np}»"
                f.extra["mask"] = np
                np += 1
            elif f.label == "unnamed":
                tag = "«U»"
            else:
                tag = f"«M{nm}»"
                f.extra["mask"] = nm
                nm += 1
            seg = text[pos:f.start]
            pieces.append(seg)
            out_len += len(seg)
            marks.append((out_len, f.start))
            pieces.append(tag)
            out_len += len(tag)
            marks.append((out_len, f.end))
            pos = f.end
        pieces.append(text[pos:b])
        masked = "".join(pieces)

        def to_text(off: int) -> int:
            # the text offset of a masked offset
            base_m, base_t = 0, a
            for mo, to in marks:
                if mo > off:
                    break
                base_m, base_t = mo, to
            return base_t + (off - base_m)

        return masked, to_text

    # -- one clause -----------------------------------------------------------------------------------------
    def _mention(self, text: str, si: int, clause: tuple[int, int, list[Fact]], ents: dict[str, Any]) -> Mention | None:
        a, b, facts = clause
        m = Mention(si, a, b)
        orgs: list[Fact] = []
        for f in facts:
            lab = f.label
            if lab == "org":
                orgs.append(f)
            elif lab == "ref":
                if f.kind == "self" and ents.get("__self__"):
                    f.extra["ent"] = ents["__self__"]
                    orgs.append(f)
                elif f.kind == "descriptor":
                    f.extra["ent"] = None
                    orgs.append(f)
            elif lab == "unnamed":
                orgs.append(f)
            elif lab in _FLAGS:
                setattr(m, _FLAGS[lab], True)
            elif lab in _BUCKETS:
                getattr(m, _BUCKETS[lab]).append(f)
        self._money_kinds(text, m, facts)
        if not (m.deal_cues or m.money or m.royalty or m.targets or m.assets or m.status):
            return None
        self._roles(text, m, a, b, facts, orgs, ents)
        return m

    def _money_kinds(self, text: str, m: Mention, facts: list[Fact]) -> None:
        cues = [f for f in facts if f.label == "pay"]
        monies = [f for f in facts if f.label == "money" and f.kind != "conversion"]
        if not monies:
            return
        fd = self.finders
        bounds = sorted([(x.start, x.end) for x in monies])
        convs = [(x.start, x.end) for x in facts if x.label == "money" and x.kind == "conversion"]

        def gap_text(x: int, y: int) -> str:
            g = text[x:y]
            for s, e in reversed(convs):
                if x <= s and e <= y:
                    g = g[: s - x] + g[e - x:]
            return re.sub(r"[(\[（]\s*(?:approximately|about|approx\.?|~|约)?\s*[)\]）]", " ", g)
        for mf in monies:
            best: tuple[float, Fact] | None = None
            for c in cues:
                if c.end <= mf.start:
                    gap = gap_text(c.end, mf.start)
                    if len(gap) > fd.max_left or c.extra.get("attach") == "right":
                        continue
                    if any(c.end <= s and e <= mf.start for s, e in bounds):
                        continue
                    if not fd.left_gap.match(gap):
                        continue
                    score = len(gap) + 2
                elif c.start >= mf.end:
                    gap = gap_text(mf.end, c.start)
                    if len(gap) > fd.max_right or c.extra.get("attach") == "left":
                        continue
                    if any(mf.end <= s and e <= c.start for s, e in bounds):
                        continue
                    if not fd.right_gap.match(gap):
                        continue
                    score = len(gap)
                else:
                    continue
                if best is None or score < best[0]:
                    best = (score, c)
            mm: MoneyMatch = mf.value
            if mm.amount < 1000 and not mm.scaled and mm.header_scale == 1:
                continue  # "$38.25" on its own is a share price, not a deal term
            if best is None:
                # an acquisition price: "acquire X for $1.1 billion", "in a deal valued at"
                before = text[max(0, mf.start - 12):mf.start].lower()
                if re.search(r"\b(?:for|at|of)\s*$", before) and not re.search(r"\bper\b|/\s?share|a share", text[mf.end:mf.end + 12]):
                    m.money.append(("price?", mf, "pay.for_price"))
                continue
            kind = best[1].kind
            if kind in ("nondeal", "per_share", "royalty_money"):
                continue
            if (kind in ("milestone", "milestone_part") and not mm.upper_bound and fd.history is not None
                    and not re.search(r"milestones|payments", best[1].text, re.I)
                    and (fd.history.search(text, max(m.start, mf.start - 60), mf.start)
                         or (fd.history_after is not None and fd.history_after.match(text, mf.end, m.end)))):
                continue  # "received a $45 million milestone": a payment made, not a ceiling
            if mm.amount < 1000 and not mm.scaled and mm.header_scale == 1:
                continue  # "$38.25" on its own is a share price, not a deal term
            if kind == "combined_upfront":
                m.warnings.append(f"'{best[1].text}' stated as one figure: read as upfront")
            m.money.append((kind, mf, best[1].rule))
            mf.extra["cue"] = best[1]

    def _roles(self, text: str, m: Mention, a: int, b: int, facts: list[Fact], orgs: list[Fact],
               ents: dict[str, Any]) -> None:
        if not orgs:
            return
        masked, _ = self._mask(text, a, b, facts)
        if self.appositive is not None:
            masked = self.appositive.sub(lambda mt: " " * len(mt.group(0)), masked)
        by_mask = {}
        for f in orgs:
            if "mask" in f.extra and f.label in ("org", "ref"):
                by_mask[f"«P{f.extra['mask']}»"] = f
                by_mask[f"«p{f.extra['mask']}»"] = f
        low = masked.lower()
        unnamed = [f for f in orgs if f.label == "unnamed"]
        role_of: dict[int, str] = {}
        named_orgs = [f for f in orgs if f.label == "org"]
        for f in orgs:
            if f.label == "unnamed":
                continue
            info = ents.get(f.extra.get("ent") or "", {}) or {}
            if len(named_orgs) > 2 and (info.get("kind") == "investor" or re.search(
                    r"\b(?:backed|led|co-led|funded|financed|syndicated|joined)\s+by\s+(?:\w+\s+){0,3}$|"
                    r"\b(?:investors?|funds?|backers?)\s+(?:including|such as|like)\s+(?:\w+\s+){0,2}$",
                    text[max(0, f.start - 40):f.start])):
                continue  # investors in a NewCo round are not parties to the licence
            if re.search(r"\b(?:with|from|to|by)\s+(?:the\s+)?$", text[max(0, f.start - 12):f.start]):
                f.extra["prep"] = True
            ent = f.extra.get("ent")
            m.parties.append(PartyRef(ent or "", None, f))
        idx = {id(p.fact): p for p in m.parties}
        taken_roles: set[str] = set()
        for fr in self.frames:
            for mt in fr.finditer(masked, low):
                for role, grp in (("licensor", "licensor"), ("licensee", "licensee"),
                                  ("licensor", "licensor2"), ("licensee", "licensee2")):
                    if grp not in fr.regex.groupindex:
                        continue
                    tok = mt.group(grp)
                    if tok is None:
                        continue
                    if tok.startswith(("«U", "«u")):
                        if role not in taken_roles and unnamed:
                            m.unnamed_roles.add(role)
                            taken_roles.add(role)
                        continue
                    f = by_mask.get(tok)
                    if f is None:
                        continue
                    p = idx.get(id(f))
                    if p is None:
                        continue
                    if p.role is not None or role in taken_roles and not any(
                            q.role == role and q.ent == p.ent for q in m.parties):
                        continue
                    other = "licensee" if role == "licensor" else "licensor"
                    if any(q.role == other and q.ent == p.ent and p.ent for q in m.parties):
                        continue
                    p.role = role
                    p.rule = fr.id
                    role_of[id(f)] = role
                    taken_roles.add(role)
                    if fr.id in ACQ_FRAMES:
                        m.acq_frame = True
            if all(p.role for p in m.parties) and (len(taken_roles) == 2 or not unnamed):
                break  # every company has its role: later (weaker) frames cannot change anything
        # descriptors ("the Chinese drugmaker") without a role carry nothing
        m.parties = [p for p in m.parties if p.ent or p.role]

    # -- merging --------------------------------------------------------------------------------------------
    def _merge(self, mentions: list[Mention], ents: dict[str, Any]) -> list[DealState]:
        deals: list[DealState] = []
        last: DealState | None = None
        heading: Mention | None = None  # "★ SKB264, TROP2, Kelun-Biotech": names the deal the next line describes
        for mi, m in enumerate(mentions):
            m.index = mi
            named = [p for p in m.parties if p.ent]
            dealish = bool(m.deal_cues) or any(k in DEAL_KINDS for k, _, _ in m.money) or bool(m.royalty)
            if not named:
                # descriptor parties with roles resolve to the last deal's party in that role
                if last is not None and not m.aggregate and (m.backref or m.money or m.royalty or m.targets or m.assets
                                                             or m.status) and (
                        m.sent - last.last_sent <= self.max_continue or mi - last.last_mention <= 2):
                    if m.money and not (m.backref or any(k in DEAL_KINDS for k, _, _ in m.money)):
                        continue
                    self._absorb(last, m, ents)
                continue
            if m.aggregate and not m.acq_frame and not any(p.role for p in named):
                # statistics that name companies in passing ("companies such as X and Y have signed deals")
                # start no deal; at most they add terms to the deal just described
                if last is not None and any(p.ent in last.parties for p in named) and m.money:
                    self._absorb(last, m, ents, terms_only=True)
                continue
            if not dealish:
                if m.targets or m.assets:
                    heading = m
                if last is not None and any(p.ent in last.parties for p in named) and (m.targets or m.assets or m.status):
                    if m.sent - last.last_sent <= self.max_continue:
                        self._absorb(last, m, ents, terms_only=True)
                continue
            target = None
            for d in reversed(deals):
                if self._compatible(d, m):
                    target = d
                    break
            if target is None:
                if m.backref and not m.money and all(c.kind == "other" for c in m.deal_cues):
                    continue  # "The deal puts Pfizer in a race with Akeso's drug": talk about a deal, not a new one
                target = DealState()
                deals.append(target)
                if heading is not None and 0 < m.sent - heading.sent <= 2 and not (
                        {p.role for p in named} >= {"licensor", "licensee"}):
                    self._absorb(target, heading, ents)
            heading = None
            self._absorb(target, m, ents)
            last = target
        return deals

    @staticmethod
    def _compatible(d: DealState, m: Mention) -> bool:
        named = [p for p in m.parties if p.ent]
        overlap = [p for p in named if p.ent in d.parties]
        if not overlap:
            return False
        for p in named:
            if p.ent in d.parties:
                have = d.parties[p.ent]
                if p.role and have and p.role != have:
                    return False
            elif p.role and p.role in d.roles:
                return False
        # two different named counterparties mean two deals
        others = {p.ent for p in named if p.ent not in d.parties}
        if others and len(d.parties) >= 2 and not any(p.role for p in named if p.ent in others):
            return False
        # the same payment kind with a different amount is another deal
        have = {k: f.value for k, f, _ in d.money if k in ("upfront", "total")}
        for k, f, _ in m.money:
            if k in have and abs(have[k].amount - f.value.amount) > have[k].amount * Decimal("0.01") \
                    and have[k].currency == f.value.currency:
                return False
        return True

    @staticmethod
    def _absorb(d: DealState, m: Mention, ents: dict[str, Any], terms_only: bool = False) -> None:
        d.mentions.append(m)
        d.last_sent = max(d.last_sent, m.sent)
        d.last_mention = max(d.last_mention, m.index)
        if terms_only:
            return
        both = {p.role for p in m.parties if p.role} >= {"licensor", "licensee"}
        for p in m.parties:
            if both and not p.role:
                continue  # bystanders in a clause whose roles are all taken
            if not p.ent:
                # a descriptor with a role: fill the role only if the deal knows nobody else for it
                continue
            if p.ent not in d.parties:
                d.parties[p.ent] = None
                d.order.append(p.ent)
            if p.role and d.parties[p.ent] is None and p.role not in d.roles:
                d.parties[p.ent] = p.role
                d.roles[p.role] = p.ent
                d.role_facts[p.role] = p.fact
                d.role_rules[p.role] = p.rule
        for r in m.unnamed_roles:
            if r not in d.roles:
                d.unnamed.add(r)
        d.money.extend(m.money)

    # -- finishing ------------------------------------------------------------------------------------------
    def _finish(self, d: DealState, text: str, ents: dict[str, Any], published: dt.date | None,
                warnings: list[str]) -> Deal | None:
        ev: list[Evidence] = []
        allf = [m for m in d.mentions]
        # deal type
        dtype, best = "other", -1
        acq = any(m.acq_frame for m in allf)
        for m in allf:
            for c in m.deal_cues:
                k = c.kind
                if k == "acquisition" and not acq:
                    continue
                if TYPE_RANK.get(k, 0) > best:
                    dtype, best = k, TYPE_RANK.get(k, 0)
        if dtype == "other" and (any(m.royalty for m in allf) or any(k in DEAL_KINDS for k, _, _ in d.money)):
            dtype = "license"
        # roles: complete from the other party, then from priors
        self._complete_roles(d, ents, dtype)
        # money
        fields: dict[str, Any] = {}
        money_by: dict[str, list[tuple[Fact, str]]] = {}
        for k, f, rule in d.money:
            if k == "price?":
                if dtype in ("acquisition", "asset_purchase"):
                    k = "total"
                else:
                    continue
            if k == "combined_total":
                k = "total"
            if k == "combined_upfront":
                k = "upfront"
            money_by.setdefault(k, []).append((f, rule))
        for k, field_name in (("upfront", "upfront"), ("near_term", "near_term"), ("total", "total_value"),
                              ("equity", "equity")):
            if money_by.get(k):
                f, rule = money_by[k][0]
                fields[field_name] = _money(f.value)
                ev.append(Evidence(field=field_name, start=f.start, end=f.end, text=f.text, rule=rule))
        generic = money_by.get("milestone", [])
        parts = money_by.get("milestone_part", [])
        if generic:
            f, rule = max(generic, key=lambda x: x[0].value.amount)
            fields["milestones"] = _money(f.value)
            ev.append(Evidence(field="milestones", start=f.start, end=f.end, text=f.text, rule=rule))
        elif parts:
            seen: set[tuple[Decimal, str]] = set()
            total = Decimal(0)
            cur = parts[0][0].value.currency
            ub = False
            for f, rule in parts:
                key = (f.value.amount, (f.extra.get("cue").text.lower() if f.extra.get("cue") else ""))
                if key in seen or f.value.currency != cur:
                    continue
                seen.add(key)
                total += f.value.amount
                ub = ub or f.value.upper_bound
                ev.append(Evidence(field="milestones", start=f.start, end=f.end, text=f.text, rule=rule))
            fields["milestones"] = Money(amount=total, currency=cur, text=" + ".join(f.text for f, _ in parts),
                                         upper_bound=ub)
        # terms
        targets: list[str] = []
        for m in allf:
            for t in m.targets:
                if t.value not in targets:
                    targets.append(t.value)
                    ev.append(Evidence(field="targets", start=t.start, end=t.end, text=t.text, rule=t.rule))
        assets: list[str] = []
        for m in allf:
            for x in m.assets:
                if x.value not in assets and not _is_party_text(x.value, ents):
                    assets.append(x.value)
                    ev.append(Evidence(field="asset", start=x.start, end=x.end, text=x.text, rule=x.rule))
        modality = None
        for m in allf:
            if m.modality:
                f = m.modality[0]
                modality = f.value
                ev.append(Evidence(field="modality", start=f.start, end=f.end, text=f.text, rule=f.rule))
                break
        territory = None
        for m in allf:
            if m.territory:
                f = m.territory[0]
                territory = f.text.strip()
                ev.append(Evidence(field="territory", start=f.start, end=f.end, text=f.text, rule=f.rule))
                break
        royalty = None
        rf = [r for m in allf for r in m.royalty]
        if rf and not all(r.kind == "royalty_free" for r in rf):
            tiered = any(r.kind == "tiered" for r in rf)
            lo = hi = None
            for r in rf:
                if r.kind == "rates":
                    g = r.value or {}
                    vals = [float(v) for v in (g.get("a"), g.get("b"), g.get("c")) if v]
                    ctx = text[max(0, r.start - 80): r.end + 80].lower()
                    if vals and "royalt" in ctx and all(v <= 50 for v in vals):
                        lo, hi = min(vals), max(vals)
                        break
            first = next(r for r in rf if r.kind != "rates")  if any(r.kind != "rates" for r in rf) else None
            if first is not None:
                royalty = Royalty(tiered=tiered, min_pct=lo, max_pct=hi, text=first.text)
                ev.append(Evidence(field="royalty", start=first.start, end=first.end, text=first.text, rule=first.rule))
        # status
        status, srank = "signed", 0
        for m in allf:
            for s in m.status:
                r = STATUS_RANK.get(s.kind, 0)
                if r > srank:
                    status, srank = s.kind, r
                    ev.append(Evidence(field="status", start=s.start, end=s.end, text=s.text, rule=s.rule))
        # parties
        licensor = self._party(d, "licensor", ents, ev)
        licensee = self._party(d, "licensee", ents, ev)
        has_terms = bool(fields) or bool(targets) or bool(assets)
        if (licensor is None and licensee is None) or not has_terms:
            return None
        if not any(m.deal_cues for m in allf) and not any(k in DEAL_KINDS for k, _, _ in d.money):
            return None
        announced = self._announced(allf, text, published)
        for m in allf:
            warnings.extend(m.warnings)
        ev.sort(key=lambda e: (e.start, e.field))
        return Deal(
            deal_type=dtype,  # type: ignore[arg-type]
            status=status,  # type: ignore[arg-type]
            licensor=licensor,
            licensee=licensee,
            asset=assets[0] if assets else None,
            assets=assets,
            targets=targets,
            modality=modality,  # type: ignore[arg-type]
            territory=territory,
            royalty=royalty,
            announced=announced,
            evidence=ev,
            **fields,
        )

    def _complete_roles(self, d: DealState, ents: dict[str, Any], dtype: str) -> None:
        me = ents.get("__self__")
        named = [e for e in d.order if e]
        if me and len(named) == 1 and named[0] != me and not d.unnamed:
            # a filing or release that names only the counterparty: the other side is the filer itself
            d.parties[me] = None
            d.order.append(me)
        free = [e for e in d.order if d.parties.get(e) is None]
        # a party introduced by "with"/"from"/"to" is the counterparty more often than one named beside the subject
        prep = {p.ent for m in d.mentions for p in m.parties if p.ent in free and p.fact.extra.get("prep")}
        free.sort(key=lambda e: e not in prep)
        for role, other in (("licensor", "licensee"), ("licensee", "licensor")):
            if role in d.roles and other not in d.roles and other not in d.unnamed and free:
                e = free.pop(0)
                d.parties[e] = other
                d.roles[other] = e
        if not d.roles and free:
            if len(free) >= 2:
                a, b = free[0], free[1]
                if self._payer_prior(b, a, ents):
                    first, second = "licensor", "licensee"
                elif self._payer_prior(a, b, ents):
                    first, second = "licensee", "licensor"
                else:
                    first, second = "licensor", "licensee"
                d.parties[a], d.parties[b] = first, second
                d.roles[first], d.roles[second] = a, b
            else:
                a = free[0]
                info = ents.get(a, {})
                role = "licensee" if info.get("kind") == "big_pharma" and "licensee" not in d.unnamed else "licensor"
                if role in d.unnamed:
                    role = "licensor" if role == "licensee" else "licensee"
                d.parties[a] = role
                d.roles[role] = a

    @staticmethod
    def _payer_prior(payer: str, payee: str, ents: dict[str, Any]) -> bool:
        """True when what we know of the two companies says ``payer`` pays (big pharma buys from biotechs;
        global companies in-license from Chinese originators)."""
        p, q = ents.get(payer, {}), ents.get(payee, {})
        if p.get("kind") == "big_pharma" and q.get("kind") != "big_pharma":
            return True
        if q.get("country") in ("CN", "HK") and p.get("country") not in (None, "CN", "HK") and p.get("kind") != "investor":
            return True
        return False

    def _party(self, d: DealState, role: str, ents: dict[str, Any], ev: list[Evidence]) -> Party | None:
        ent = d.roles.get(role)
        if not ent:
            return None
        info = ents.get(ent)
        if not info:
            return None
        facts = info["facts"]
        f = d.role_facts.get(role) or facts[0]
        if f.label == "ref":
            f = facts[0]
        # the fullest form written in the article of the name that holds the role ("Kelun-Biotech" → "Sichuan
        # Kelun-Biotech Biopharmaceutical", not the parent the gazetteer files it under), in the article's script
        core = display_name(f.text) if f.rule != "org.defined_short" else ""  # 许可人 names a role, not a firm
        named = [x for x in facts if x.rule != "org.defined_short"] or facts
        pool = [x for x in named if core and core in display_name(x.text) and len(display_name(x.text)) > len(core)]
        pool = pool or named  # no fuller form of this very name: the fullest name of the company
        if self.lang == "zh" and any(_CJK.search(x.text) for x in pool):
            pool = [x for x in pool if _CJK.search(x.text)]
        best = max(pool, key=lambda x: (len(display_name(x.text)), -x.start))
        name = display_name(best.text)
        ev.append(Evidence(field=role, start=f.start, end=f.end, text=f.text, rule=d.role_rules.get(role) or "role.prior"))
        return Party(id=None if ent.startswith("x:") else ent,  # entity keys of gazetteer companies are their ids
                     name=name, canonical=info.get("canonical"), country=info.get("country"))

    def _announced(self, mentions: list[Mention], text: str, published: dt.date | None) -> dt.date | None:
        for m in mentions:
            for f in m.dates:
                from .normalize.dates import parse_date

                got = parse_date(f.text, relative_to=published, lang=self.lang)
                if got is not None:
                    return got
        return None


def _same_party(a: Party | None, b: Party | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    ka, kb = name_key(a.name), name_key(b.name)
    return bool(ka) and (ka == kb or ka in kb or kb in ka)


def _fold_into(rec: Deal, others: list[Deal]) -> bool:
    """A prose mention of a deal a table already lists fills the table row's empty fields instead."""
    for o in others:
        if _same_party(rec.licensor, o.licensor) and _same_party(rec.licensee, o.licensee):
            for f in ("upfront", "near_term", "milestones", "total_value", "equity", "royalty", "modality",
                      "territory", "asset"):
                if getattr(o, f) is None and getattr(rec, f) is not None:
                    setattr(o, f, getattr(rec, f))
            for t in rec.targets:
                if t not in o.targets:
                    o.targets.append(t)
            o.evidence.extend(e for e in rec.evidence if e.field not in ("licensor", "licensee"))
            return True
    return False


def _money(m: MoneyMatch) -> Money:
    amount = m.amount.quantize(Decimal(1)) if m.amount == m.amount.to_integral_value() else m.amount.normalize()
    return Money(amount=amount, currency=m.currency, text=m.text, upper_bound=m.upper_bound,
                 approximate=m.approximate, lower_bound=m.lower_bound)


def _is_party_text(s: str, ents: dict[str, Any]) -> bool:
    for k, info in ents.items():
        if k == "__self__" or not info:
            continue
        for f in info["facts"]:
            if s in f.text:
                return True
    return False


def _has(lang: str, name: str, pd: str | None) -> bool:
    from .patterns import has_file

    return has_file(lang, name, pd)
