"""Stage 7 of assembly — records: a linked deal becomes a :class:`~newsextract.records.Deal` with evidence.

Its type is the most specific deal word; roles left open are completed from the other party and from priors
(big pharma pays biotechs, global companies in-license from Chinese originators, a filing's counterparty deals
with the filer); milestones given only in parts are summed; each party is named by the fullest form the article
writes of it, in the article's script."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from decimal import Decimal
from typing import Any, cast

from ..facts import Fact
from ..normalize.dates import parse_date
from ..normalize.money import MoneyMatch
from ..normalize.names import display_name, name_key
from ..patterns import load_file
from ..records import DEAL_MONEY_FIELDS, Deal, Evidence, Money, Party, Royalty
from .types import (
    DEAL_KINDS,
    FIELD_KIND,
    STATUS_RANK,
    TYPE_RANK,
    DealState,
    EntityTable,
    Mention,
    PartyRef,
    round_amount,
)

__all__ = ["DealWriter", "complete_counterparts", "complete_roles", "fold_into"]

_CJK = re.compile(r"[\u4e00-\u9fff]")
#: money that is none whatever deal words stand beside it (a lawsuit, a building bought): per language
_NOT_BD_STRONG = frozenset({"status.not_bd_strong", "status.zh_not_bd_strong"})
#: status rules that deny only a deal not done yet: another clause that binds both sides and states money overrides
#: them ("X licensed WP-9 to Y for $500 million upfront, after saying last year it had no plans to partner the drug")
_SOFT_DENIALS = frozenset({"status.not_done", "status.foreseen", "status.plan_dropped", "status.valuation",
                           "status.zh_codeveloped", "status.zh_not_done", "status.zh_talks_not_agreed"})
#: talks with several unnamed parties ("in discussions with multiple parties about licensing X"): talks, and no deal
#: when the deal has no terms ("… and on Friday licensed ZL-1310 to AbbVie for $70 million upfront" stays)
_SHOPPING = frozenset({"status.talks_many", "status.zh_talks_many"})
#: money kinds → the record field they fill (milestones are handled on their own: a ceiling or summed parts)
_MONEY_FIELDS = (("upfront", "upfront"), ("near_term", "near_term"), ("total", "total_value"), ("equity", "equity"))


class DealWriter:
    """Turns linked deals into records."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        #: role frames → the deal type their reading implies (``deal_type`` in roles.yml)
        self.frame_types: dict[str, str] = {f["id"]: f["deal_type"] for f in load_file(lang, "roles").get("frames", [])
                                            if f.get("deal_type")}
        own = load_file(lang, "clauses").get("own_item")
        #: a drug an item of a list calls the company's own ("KT-22, an in-house GLP-1 agonist", "自主研发的…HX-40")
        self.own_item = re.compile(own, re.I) if own else None

    def write(self, d: DealState, text: str, ents: EntityTable, published: dt.date | None,
              warnings: list[str]) -> Deal | None:
        ev: list[Evidence] = []
        allf = d.mentions
        denied = [m for m in allf if any(s.kind == "denied" for s in m.status)]
        if denied and not (all(s.rule in _SOFT_DENIALS for m in denied for s in m.status if s.kind == "denied")
                           and any(m.money and (m.framed or m not in denied and any(c.kind != "other" for c in m.deal_cues))
                                   for m in allf)):
            return None  # a deal the article's own words deny ("rejecting a report that it had approached X"), or
            # one only foreseen or ruled out ("has no plans to license WP-9") that no clause states with money, binding
            # both sides ("licensed the drug to AbbVie for $150 million, after saying it had no plans to partner it")
            # or naming the deal apart from those words ("… intends to keep Chinese rights. It licensed the rest of
            # the world to Novo Nordisk for $50 million upfront")
        dtype = _deal_type(allf, d, self.frame_types)
        complete_roles(d, ents, text)
        fields = _money_fields(d, dtype, ev, text)
        asset_ev: list[Evidence] = []
        assets = _assets(allf, ents, asset_ev, text)
        targets = _targets(allf, ev, text, assets, self.own_item)
        ev.extend(asset_ev)
        modality = _modality(allf, ev, text)
        territory = _territory(allf, ev)
        royalty = _royalty(allf, text, ev)
        status = _status(allf, ev, text)
        licensor = self._party(d, "licensor", ents, ev)
        licensee = self._party(d, "licensee", ents, ev)
        ended = status == "terminated" and licensor is not None and licensee is not None and any(
            c.kind != "other" for m in allf for c in m.deal_cues)  # an agreement ended: a deal, terms or none
        # a royalty rate between two parties a frame bound (not a prior's guess) is a term: "阿斯利康将…向和黄医药支付30%
        # 固定特许权使用费"
        paid_royalty = royalty is not None and (royalty.max_pct is not None or royalty.tiered) and (
            licensor is not None and licensee is not None and {"licensor", "licensee"} <= set(d.role_rules)) and (
            self.lang != "en" or any(c.kind != "other" for m in allf for c in m.deal_cues))
        # (in English, only with a deal word beyond 'agreement': "AbbVie pays Arden Bio royalties in the low double
        # digits on net sales of Arvix" tells an old licence's royalty, no deal)
        # a company bought by another, both bound by an acquisition frame, is a deal without a term ("X agreed to
        # acquire Y for $107 per share in cash": the price of a share is none). English only: Chinese text gives the
        # 收购 frame to words that are no companies ("多家省属医药集团通过并购整合地方药企") far more often (realdev zh
        # lost 2 FP with it)
        # … or a filer that never names itself, bought or buying by its merger agreement ("Merger Sub will merge with
        # and into the Company, with the Company surviving as a wholly owned subsidiary of AbbVie"): its side is the
        # role a frame gave "the Company", its name null
        filer = {r for m in allf if m.acq_frame for r in m.self_roles}
        bought = self.lang == "en" and dtype == "acquisition" and (licensor is not None or "licensor" in filer) and (
            licensee is not None or "licensee" in filer) and any(m.acq_frame and not m.aggregate for m in allf) and {
            "licensor", "licensee"} <= (set(d.role_rules) - d.weak_roles) | filer
        # two companies a frame binds to both sides of a licence, an option or a purchase are a deal even when the
        # text gives no term ("Novartis has licensed a cardiovascular asset from Argo, without disclosing terms");
        # English only (Chinese lists give the frame to words that are no companies), and not when the deal word
        # stands in a relative clause, which tells background ("Pfizer, which licensed the antibody from Hengrui
        # in 2019, reported data")
        pair = self.lang == "en" and licensor is not None and licensee is not None and any(
            c.kind in ("license", "option", "acquisition") and not _RELATIVE_BEFORE.search(
                text, max(0, c.start - 40), c.start) for m in allf for c in m.deal_cues) and {
            "licensor", "licensee"} <= set(d.role_rules) - d.weak_roles
        if (licensor is None and licensee is None) or not (fields or targets or assets or ended or paid_royalty
                                                            or bought or pair):
            return None
        if not fields and royalty is None and all(
                c.kind != "other" and _PRIOR_BEFORE.search(text, max(0, c.start - 30), c.start)
                for m in allf for c in m.deal_cues if c.kind != "other") and any(
                c.kind != "other" for m in allf for c in m.deal_cues):
            return None  # a deal told only as another's background, with no term ("assume liabilities tied to X's
            # prior in-licensing of the molecule from Novartis")
        if not fields and royalty is None and any(s.rule in _SHOPPING for m in allf for s in m.status):
            return None  # a drug shopped to several parties no text names, with no terms: no deal yet
        if any(s.kind == "not_bd" for m in allf for s in m.status) and all(
                c.kind == "other" for m in allf for c in m.deal_cues) and royalty is None and not (
                fields.keys() & {"upfront", "near_term", "milestones"}):
            return None  # a loan, a grant, a government contract, damages or a supply agreement, with no deal word
            # but 'agreement'/'contract' and no deal payment ("a credit agreement … up to $75 million in term loans")
        strong = [m for m in allf if any(s.rule in _NOT_BD_STRONG for s in m.status)]
        if strong and not any(e.field in ("upfront", "near_term", "milestones", "royalty") and not any(
                m.start <= e.start < m.end for m in strong) for e in ev) and not any(
                m.framed and (m.money or m.royalty) and (m not in strong or any(
                    c.kind in ("license", "option", "acquisition", "asset_purchase") for c in m.deal_cues))
                for m in allf):
            return None  # a lawsuit, a settlement, a stake bought on the market, a plant bought: whatever deal words
            # it holds, no deal, unless a deal payment is told outside it or a clause binds both sides with money
            # ("is suing its former licensee Hawick Bio for $100 million"; "paid $30 million to settle a dispute …
            # over milestone payments owed"; but "X, which sued Y last year, licensed its patents to Y for $50 million").
            # A clause that binds both sides with money but is itself the lawsuit or settlement keeps the deal only
            # with a licence, option or purchase word ("agreed to pay Genentech $95 million plus a 4% royalty to settle
            # patent infringement claims" is none; "under the settlement, X granted Y a licence to … for $40 million" is)
        if not any(m.deal_cues or m.listed_deal or m.acq_frame or m.framed for m in allf) and not any(
                k in DEAL_KINDS for k, _, _ in d.money):
            return None
        if royalty is None and not fields and all(m.paid or not (m.deal_cues or m.listed_deal or m.acq_frame or m.framed)
                                                  for m in allf):
            return None  # only payments made or due under an existing deal ("received a $20 million milestone payment
            # from Bayer, triggered by the MAA's acceptance", "recognized $12 million of milestone revenue from X")
        if not fields and (licensor is None or licensee is None) and not d.unnamed and not (
                set(d.role_rules) - d.weak_roles) and all(c.kind == "other" or _owned_rights(c, text)
                                                          for m in allf if not m.aggregate for c in m.deal_cues):
            return None  # one company, a drug, no deal word, no terms, no role read from the text but a weak one
            # ("Roche's trontinemab … are the names everyone cites"; the deal words of a statistic are none; nor rights
            # a company holds: "retains full global commercial rights to AB-12"): a drug story
        sides = [p for m in allf for p in m.parties if p.ent and p.ent in (d.roles.get("licensor"), d.roles.get("licensee"))]
        if licensor is not None and licensee is not None and not {"licensor", "licensee"} & set(d.role_rules) and sides \
                and len({p.ent for p in sides}) == 2 and all(
                _WITH_OBJECT.search(text, max(0, p.fact.start - 16), p.fact.start) for p in sides):
            return None  # two partners of a third, each after "with" ("its collaborations with X … and with Y"), and
            # nothing read from the text makes one pay the other
        if licensor is not None and licensee is not None and not {"licensor", "licensee"} <= set(d.role_rules) - d.weak_roles \
                and _coordinated(sides, text):
            return None  # two companies on one side of a preposition ("collaboration income of £22.1 million from
            # AstraZeneca and Bayer"): partners of a third, and only a guess makes one pay the other
        if licensor is not None and licensee is not None and not fields and royalty is None and not ended and not {
                "licensor", "licensee"} & set(d.role_rules) and not any(m.listed_deal for m in allf) and not _one_sentence(
                _named(allf, d, "licensor", self.lang), _named(allf, d, "licensee", self.lang), text):
            return None  # two companies no sentence names together, each a partner of a third ("Partner Novartis
            # started a trial of X; the collaboration with Ipsen on Y advanced"; a pipeline table's partner cells),
            # joined only by a guess at who pays, with no term but a drug: no deal between them
        announced = self._announced(allf, published)
        for m in allf:
            warnings.extend(m.warnings)
        ev.sort(key=lambda e: (e.start, e.field))
        return Deal(
            deal_type=dtype,  # type: ignore[arg-type]  # a TYPE_RANK key, which the Literal lists
            status=status,  # type: ignore[arg-type]  # a STATUS_RANK key, which the Literal lists
            licensor=licensor,
            licensee=licensee,
            asset=assets[0] if assets else None,
            assets=assets,
            targets=targets,
            modality=modality,
            territory=territory,
            royalty=royalty,
            announced=announced,
            evidence=ev,
            **fields,
        )

    def _party(self, d: DealState, role: str, ents: EntityTable, ev: list[Evidence]) -> Party | None:
        ent = ents.get(d.roles.get(role))
        if ent is None:
            return None
        facts = ent.facts
        f = d.role_facts.get(role) or facts[0]
        if f.label == "ref":
            f = facts[0]
        # the fullest form written in the article of the name that holds the role ("Kelun-Biotech" → "Sichuan
        # Kelun-Biotech Biopharmaceutical", not the parent the gazetteer files it under), in the article's script
        # (nor does a merger agreement's vehicle name its parent: "Merger Sub" acts for Parent)
        core = display_name(f.text) if f.rule != "org.defined_short" and not f.extra.get("vehicle") else ""
        named = [x for x in facts if x.rule != "org.defined_short" and not x.extra.get("vehicle")] or facts
        pool = [x for x in named if core and core in display_name(x.text) and len(display_name(x.text)) > len(core)]
        pool = pool or named  # no fuller form of this very name: the fullest name of the company
        if self.lang == "zh" and any(_CJK.search(x.text) for x in pool):
            pool = [x for x in pool if _CJK.search(x.text)]
        best = max(pool, key=lambda x: (len(display_name(x.text)), -x.start))
        ev.append(Evidence(field=role, start=f.start, end=f.end, text=f.text, rule=d.role_rules.get(role) or "role.prior"))
        return Party(id=None if ent.key.startswith("x:") else ent.key,  # gazetteer companies' keys are their ids
                     name=display_name(best.text), canonical=ent.canonical, country=ent.country)

    def _announced(self, mentions: list[Mention], published: dt.date | None) -> dt.date | None:
        for m in mentions:
            for f in m.dates:
                got = parse_date(f.text, relative_to=published, lang=self.lang)
                if got is not None:
                    return got
        return None


def _named(allf: list[Mention], d: DealState, role: str, lang: str) -> list[Fact]:
    """Where the deal's mentions name the company in ``role`` (in English by name: "the company" may mean a third;
    公司 is the issuer)."""
    return [p.fact for m in allf for p in m.parties
            if p.ent == d.roles.get(role) and (p.fact.label != "ref" or lang != "en")]


def _deal_type(allf: list[Mention], d: DealState, frame_types: dict[str, str]) -> str:
    dtype, best = "other", -1
    acq = any(m.acq_frame for m in allf)
    for m in allf:
        for c in m.deal_cues:
            k = c.kind
            if k == "acquisition" and not acq and not c.extra.get("acquisition") and not _MERGER.search(c.text):
                continue  # "acquire" of rights or an option; a cue that reads a company bought needs no frame (nor
                # does a merger or a takeover: "under the merger agreement with X", "paid X $4.9 billion in its takeover")
            if TYPE_RANK.get(k, 0) > best:
                dtype, best = k, TYPE_RANK.get(k, 0)
    if dtype == "other" and acq:
        dtype = "acquisition"  # "Pfizer paid $43 billion for Seagen": the frame is the deal word
    if dtype == "other" and (any(m.royalty for m in allf) or any(k in DEAL_KINDS for k, _, _ in d.money)):
        dtype = "license"
    # the type a frame's reading implies, where the deal words give a weaker one ("X will acquire Y's VB-12
    # programme": an asset purchase; "Vertex granted Zai Lab Greater China rights to povetacicept": a licence)
    for r in d.role_rules.values():
        implied = frame_types.get(r) if r else None
        if implied and (dtype == "other" or implied == "asset_purchase" and TYPE_RANK.get(dtype, 0) < TYPE_RANK[implied]):
            dtype = implied
    return dtype


#: a merger, a takeover, a buyout, a tender offer, a price per share are of companies, never of rights
_MERGER = re.compile(r"(?i)\bmerg(?:e|es|ed|er|ing)\b|\btake-?overs?\b|\bbuy-?outs?\b|\btender\s+offers?\b|\bper\s+share\b"
                     r"|\bto\s+be\s+acquired\b|\bsold\s+itself\b|\bsells\s+itself\b")


def pair_heading_parties(deals: list[DealState], headings: list[tuple[int, str, str]]) -> None:
    """A deal under a roundup heading that names its two companies ("Roche / Innovent", "【三生制药×辉瑞】"), whose
    own sentences name only one of them, takes the other as its counterparty (its role left to
    :func:`complete_roles`)."""
    if not headings:
        return
    ends = [h[0] for h in headings]
    for d in deals:
        named = [e for e in d.order if e]
        if len(set(named)) != 1 or d.unnamed or not d.mentions:
            continue
        k = bisect.bisect_right(ends, min(m.start for m in d.mentions)) - 1
        if k < 0:
            continue
        _, x, y = headings[k]
        if named[0] in (x, y):
            other = y if named[0] == x else x
            d.parties[other] = None
            d.order.append(other)


def complete_roles(d: DealState, ents: EntityTable, text: str = "") -> None:
    """Roles the frames left open: from the other party's role, else from whose drug the deal's is ("Castlerock
    Bio's oral S1P receptor modulator" anywhere in ``text``), else from priors."""
    me = ents.self_key
    named = [e for e in d.order if e]
    if me and len(named) == 1 and named[0] != me and not d.unnamed:
        # a filing or release that names only the counterparty: the other side is the filer itself
        d.parties[me] = None
        d.order.append(me)
    free = [e for e in d.order if d.parties.get(e) is None]
    for e in list(free):
        # a company whose brackets name its role in the article's contract ("X（作为许可方）") holds that role
        role = ents.declared.get(e)
        if role is not None and role not in d.roles and role not in d.unnamed:
            d.parties[e] = role
            d.roles[role] = e
            d.role_rules.setdefault(role, "role.declared_label")
            free.remove(e)
    held = [r for r, e in d.roles.items() if ents.declared.get(e) == r]
    if len(held) == 1 and not free:
        # … and the deal that names one of the contract's two sides so takes the other, named in a clause of its own
        # ("訂約方：（1）X（作为许可方）；及（2）Y（作为被许可方）")
        other = "licensee" if held[0] == "licensor" else "licensor"
        them = [e for e, r in ents.declared.items() if r == other]
        if len(them) == 1 and other not in d.roles and other not in d.unnamed and them[0] not in d.parties:
            d.parties[them[0]] = other
            d.roles[other] = them[0]
            d.order.append(them[0])
            d.role_rules.setdefault(other, "role.declared_label")
    # a party introduced by "with"/"from"/"to" is the counterparty more often than one named beside the subject
    prep = {p.ent for m in d.mentions for p in m.parties if p.ent in free and p.fact.extra.get("prep")}
    free.sort(key=lambda e: e not in prep)
    for role, other in (("licensor", "licensee"), ("licensee", "licensor")):
        if role in d.roles and other not in d.roles and other not in d.unnamed and free:
            e = free.pop(0)
            d.parties[e] = other
            d.roles[other] = e
    if d.roles or not free:
        return
    if len(d.unnamed) == 1 and len(free) >= 2:
        # the one side an unnamed party holds ("the Company received an upfront payment of $15.0 million" after "the
        # Company entered into an Option and License Agreement with Merck KGaA and EMD Serono"): the companies named
        # with it are the other side, the first of them (by "with" first) the party; no guess makes one pay the other
        (held,) = d.unnamed
        role = "licensor" if held == "licensee" else "licensee"
        d.parties[free[0]] = role
        d.roles[role] = free[0]
        return
    if len(free) >= 2:
        a, b = free[0], free[1]
        owner = _drug_owner(d, (a, b), ents, text)
        if owner is not None:
            first, second = ("licensor", "licensee") if owner == a else ("licensee", "licensor")
            d.role_rules.setdefault("licensor", "role.drug_owner")
            d.role_rules.setdefault("licensee", "role.drug_owner")
        else:
            first, second = ("licensee", "licensor") if payer_prior(a, b, ents) and not payer_prior(b, a, ents) \
                else ("licensor", "licensee")
        d.parties[a], d.parties[b] = first, second
        d.roles[first], d.roles[second] = a, b
        return
    a = free[0]
    role = "licensee" if ents.kind(a) == "big_pharma" and "licensee" not in d.unnamed else "licensor"
    if role in d.unnamed:
        role = "licensor" if role == "licensee" else "licensee"
    d.parties[a] = role
    d.roles[role] = a


#: a word between an owner's "'s" and its drug ("Castlerock Bio's oral S1P receptor modulator Zentoria"): not a deal
#: and its counterparty ("Merck's deal with Kelun-Biotech for SKB264" names no owner of SKB264)
_OWN_WORD = (r"(?!(?:deal|deals|agreement|pact|licen[cs]e|licen[cs]ing|collaboration|partnership|tie-up|with|from|to|by|"
             r"and|for)\b)[\w/-]+")


def _drug_owner(d: DealState, pair: tuple[str, str], ents: EntityTable, text: str) -> str | None:
    """The one of two parties the article writes as the owner of the deal's drug ("Castlerock Bio's oral S1P receptor
    modulator Zentoria"), or None when neither or both are."""
    drugs = {x.text for m in d.mentions for x in m.assets if len(x.text) >= 3}
    if not text or not drugs:
        return None
    # both readings need a party written with "'s" (most deals have none: no regex of the drug names is built)
    heads = [(e, [f for f in ent.facts if f.label == "org" and text.startswith(("'s", "’s"), f.end)])
             for e in pair if (ent := ents.get(e)) is not None]
    if not any(facts for _, facts in heads):
        return None
    owns = re.compile(r"(?:'s|’s)\s+(?:" + _OWN_WORD + r"\s+){0,5}?(?:" + "|".join(map(re.escape, sorted(drugs, key=len, reverse=True)))
                      + r")(?![\w-])|(?:'s|’s)\s+(?:" + _OWN_WORD + r"\s+){0,5}?[\w/-]+,\s+(?:" + "|".join(map(re.escape, drugs))
                      + r")(?![\w-])")
    # … or after the drug, in an appositive ("Zentoria (obrelimod), Castlerock Bio's oral S1P receptor modulator";
    # built when asked for)
    named_before: list[re.Pattern[str]] = []

    def after_drug(f: Fact) -> bool:
        if not named_before:
            named_before.append(re.compile(r"(?:" + "|".join(map(re.escape, sorted(drugs, key=len, reverse=True)))
                                           + r")(?:\)|\s*\([^()]{0,40}\))?,\s+$"))
        return named_before[0].search(text, max(0, f.start - 90), f.start) is not None

    owners = [e for e, facts in heads if any(owns.match(text, f.end, f.end + 90) or after_drug(f) for f in facts)]
    return owners[0] if len(owners) == 1 else None


def complete_counterparts(deals: list[DealState]) -> None:
    """A deal that names one party and leaves the other role open takes the counterparty that party has in every
    other deal of the article where it holds the same role ("In May, Merck licensed SKB264 …" in a story about
    Merck's deals with Kelun-Biotech). Run after :func:`complete_roles`; nothing is guessed when the article gives
    the party two counterparts."""
    # (role, party) → the counterparts of the deals where that party holds that role and the other role is known
    known: dict[tuple[str, str], set[str]] = {}
    for x in deals:
        if "licensor" in x.roles and "licensee" in x.roles:
            known.setdefault(("licensor", x.roles["licensor"]), set()).add(x.roles["licensee"])
            known.setdefault(("licensee", x.roles["licensee"]), set()).add(x.roles["licensor"])
    for d in deals:
        if len(d.roles) != 1 or d.unnamed or any(r is None for r in d.parties.values()):
            continue
        (role, ent), = d.roles.items()
        if role not in d.role_rules or role in d.weak_roles:
            continue  # only a role a verb gave: one a prior guessed says too little about the deal
        other = "licensee" if role == "licensor" else "licensor"
        seen = known.get((role, ent), set())
        if len(seen) == 1:
            (them,) = seen
            d.parties[them] = other
            d.roles[other] = them
            d.order.append(them)
            d.role_rules[other] = "role.counterpart"


def payer_prior(payer: str, payee: str, ents: EntityTable) -> bool:
    """True when what we know of the two companies says ``payer`` pays (big pharma buys from biotechs; global
    companies in-license from Chinese originators)."""
    pk, qk = ents.kind(payer), ents.kind(payee)
    if pk == "big_pharma" and qk not in ("big_pharma", "investor"):
        return True
    if pk == "investor" and qk in ("big_pharma", "pharma", "biotech"):
        return True  # a fund pays a drug company (synthetic royalties, development funding)
    pc, qc = ents.country(payer), ents.country(payee)
    return qc in ("CN", "HK") and pc not in (None, "CN", "HK") and pk != "investor"


def _money_fields(d: DealState, dtype: str, ev: list[Evidence], text: str = "") -> dict[str, Any]:
    fields: dict[str, Any] = {}
    money_by: dict[str, list[tuple[Fact, str]]] = {}
    for k, f, rule in d.money:
        money_by.setdefault(FIELD_KIND.get(k, k), []).append((f, rule))  # a price, a combined figure: see FIELD_KIND
    for k, field_name in _MONEY_FIELDS:
        if money_by.get(k):
            # the first exact amount ("$1.925B" in the body over the headline's "$1.9B-plus")
            exact = [c for c in money_by[k] if not (c[0].value.lower_bound or c[0].value.approximate)]
            f, rule = (exact or money_by[k])[0]
            if round_amount(f.value.amount):
                # … and over a headline's round figure, the body's exact one close to it ("up to $1 billion" and
                # "as much as $1.03 billion")
                f, rule = next(((g, r) for g, r in exact if not round_amount(g.value.amount) and g.value.currency == f.value.currency
                                and abs(g.value.amount - f.value.amount) <= f.value.amount * Decimal("0.05")), (f, rule))
            fields[field_name] = to_money(f.value)
            ev.append(Evidence(field=field_name, start=f.start, end=f.end, text=f.text, rule=rule))
    # kinds that fill a field only when the deal names no amount of the field's own kind: another measure of a price
    # (an enterprise value) is the total; an option's exercise fee, paid at the exercise reported, is the upfront
    for field_name, kind in (("total_value", "total_alt"), ("upfront", "exercise_fee")):
        if field_name not in fields and money_by.get(kind):
            f, rule = money_by[kind][0]
            fields[field_name] = to_money(f.value)
            ev.append(Evidence(field=field_name, start=f.start, end=f.end, text=f.text, rule=rule))
    generic = money_by.get("milestone", [])
    parts = money_by.get("milestone_part", [])
    if generic:
        f, rule = max(generic, key=lambda x: x[0].value.amount)
        # a kind of milestones the text adds to them ("can receive up to an additional $80 million in milestone
        # payments. Karuna is also eligible to receive up to $72 million in sales milestones": $152 million)
        more = [(p, r) for p, r in parts if p.start > f.end and p.value.currency == f.value.currency
                and _ALSO.search(text[max(f.end, p.start - 100, text.rfind(". ", 0, p.start) + 1):p.start])]
        if rule == "pay.milestone_more":
            # "up to $62 million in development and regulatory milestones and up to $148 million more tied to annual
            # sales": "more" than the kind named before it in the sentence, so the two add up
            more = [(p, r) for p, r in parts if p.end <= f.start and p.value.currency == f.value.currency
                    and ". " not in text[p.end:f.start] and f.start - p.end <= 120] + more
        if more:
            fields["milestones"] = _sum_parts([(f, rule)] + more, ev)
        else:
            fields["milestones"] = to_money(f.value)
            ev.append(Evidence(field="milestones", start=f.start, end=f.end, text=f.text, rule=rule))
    elif parts:
        fields["milestones"] = _sum_parts(parts, ev)
    tot, up = fields.get("total_value"), fields.get("upfront")
    if tot is not None and up is not None and fields.get("milestones") is not None and (
            tot.amount == up.amount and tot.currency == up.currency):
        # a whole value equal to the upfront of a deal with milestones is the upfront read twice ("receipt of $700
        # million from AbbVie under a global licensing deal" after "$700 mn upfront payment"), never the whole
        del fields["total_value"]
        ev[:] = [e for e in ev if e.field != "total_value"]
    ms = fields.get("milestones")
    if tot is not None and ms is not None and up is None and tot.amount == ms.amount and tot.currency == ms.currency and any(
            e.field == "total_value" and e.rule in _SUM_RULES for e in ev):
        # a sum item after milestone items alone ("（1）开发里程碑：不超过2亿元；（2）销售里程碑：不超过4亿元；（3）合计不超过6亿元")
        # sums the milestones, as the same sum after a comma in one clause does
        del fields["total_value"]
        ev[:] = [e for e in ev if e.field != "total_value"]
    return fields


#: sum words that total the terms named before them (payments.yml rules with ``sub``)
_SUM_RULES = frozenset({"pay.zh_sum_after_terms"})


#: words that add a kind of milestones to those named before ("is also eligible to receive …")
_ALSO = re.compile(r"\b(?:also|additionally|in addition|further)\b|另外|此外|还可|還可|亦可")


_PART_WORDS = re.compile(r"development|regulatory|clinical|commercial|sales|approval|launch|开发|開發|监管|監管|注册|註冊|销售|銷售|商业|商業")


def _sum_parts(parts: list[tuple[Fact, str]], ev: list[Evidence]) -> Money:
    """Milestones stated only in parts: their sum, each part once (the same amount under the same cue is a repeat)."""
    seen: set[tuple[Decimal, str]] = set()
    kept: list[Fact] = []
    total = Decimal(0)
    cur = parts[0][0].value.currency
    ub = False
    for f, _rule in parts:
        cue = f.extra.get("cue").text.lower() if f.extra.get("cue") else ""
        # the same amount under cues of the same kinds is a repeat ("up to $242,500 upon … development and regulatory
        # milestones" in a note and "Development and regulatory milestone payments | $ 242,500" in its table)
        key = (f.value.amount, " ".join(sorted(set(_PART_WORDS.findall(cue)))) or cue)
        same = (f.value.amount, "=" + f.text.strip().lower())  # … or written the same way twice
        if key in seen or same in seen or f.value.currency != cur:
            continue
        seen.update((key, same))
        kept.append(f)
        total += f.value.amount
        ub = ub or f.value.upper_bound
    # one part that is the sum of the others is their total, written again ("Regulatory … $ 400", "Sales-based …
    # 1,000" in a table and "up to $1.4 billion in regulatory and sales milestones" in the prose)
    for f in kept:
        rest = total - f.value.amount
        if len(kept) >= 3 and rest > 0 and abs(rest - f.value.amount) <= f.value.amount / 100:
            kept, total, ub = [f], f.value.amount, f.value.upper_bound
            break
    for f in kept:
        rule = next(r for g, r in parts if g is f)
        ev.append(Evidence(field="milestones", start=f.start, end=f.end, text=f.text, rule=rule))
    return Money(amount=total, currency=cur, text=" + ".join(f.text for f in kept), upper_bound=ub)


def _asides(m: Mention, text: str) -> list[tuple[int, int]]:
    """Relative clauses on a company of ``m`` that state no deal term ("X, which sells the PD-L1 antibody A, …",
    "X, whose lead drug is a FGFR2b antibody, …"): what they name is the company's, not the deal's."""
    if not text or not m.parties:
        return []
    out = []
    for p in m.parties:
        x = _ASIDE.match(text, p.fact.end, m.end)
        if x is None:
            continue
        a, b = x.span()
        if any(a <= c.start < b for c in m.deal_cues) or any(a <= f.start < b for _, f, _ in m.money):
            continue  # (", which licensed A from Y for «M»,": a deal of its own, cut apart or not)
        out.append((a, b))
    return out


def _inside(f: Fact, spans: list[tuple[int, int]]) -> bool:
    return any(a <= f.start and f.end <= b for a, b in spans)


#: where an item of a list (a drug and what is said of it) ends
_ITEM_EDGE = re.compile(r"[,;，；、()（）。]|\s+and\s+|\s+while\s+|\s+whereas\s+|以及|而")


def _own_items(allf: list[Mention], text: str, own: re.Pattern[str], assets: list[str] | None) -> list[tuple[int, int]]:
    """Items of a list that call a drug other than the deal's the company's own ("… KT-10, a TROP2 ADC partnered with
    Merck, and KT-22, an in-house GLP-1 agonist", "…以及自主研发的KRAS G12D抑制剂HX-40"), with no deal word or amount in
    them: what they name is not the deal's."""
    out: list[tuple[int, int]] = []
    if not assets:
        return out
    for m in allf:
        if assets[0] not in {f.value for f in m.assets}:
            continue  # (only a list that names the deal's drug too: "AK112是康方自主研发的…" may be its other name)
        for x in own.finditer(text, m.start, m.end):
            a = max((e.end() for e in _ITEM_EDGE.finditer(text, m.start, x.start())), default=m.start)
            e = _ITEM_EDGE.search(text, x.end(), m.end)
            b = e.start() if e is not None else m.end
            if any(a <= c.start < b for c in m.deal_cues) or any(a <= f.start < b for _, f, _ in m.money):
                continue
            drugs = [f.value for f in m.assets if a <= f.start < b or f.end <= a and not text[f.end:a].strip(" ,")]
            if drugs and assets[0] not in drugs:
                out.append((a, b))
    return out


def _targets(allf: list[Mention], ev: list[Evidence], text: str = "", assets: list[str] | None = None,
             own: re.Pattern[str] | None = None) -> list[str]:
    """The deal's targets in order of mention; a target named with its variant too ("KRAS" beside "KRAS G12D")
    is that variant; one named only as the patients' mutation ("EGFR-mutated NSCLC") is no target of a deal that
    has another, and one the patients lack ("HER2-negative") none at all. Where a clause stating the deal names a
    target, targets named only in other sentences (another drug's approval, sales or trial, a rival's drug, the
    partner's pipeline) are not the deal's."""
    found: dict[str, Fact] = {}  # each target's first mention, in order
    biomarker: dict[str, bool] = {}  # every mention of it is a patients' mutation
    asides = {id(m): _asides(m, text) for m in allf}
    aside = {t.value for m in allf for t in m.targets if _inside(t, asides[id(m)])}
    outside = {t.value for m in allf for t in m.targets if not _inside(t, asides[id(m)])}
    owned = _own_items(allf, text, own, assets) if own is not None and text else []
    for m in allf:
        for t in m.targets:
            if owned and _inside(t, owned):
                continue  # the target of a drug a list item calls the company's own, beside the deal's
            if outside and t.value in aside - outside:
                continue  # a company's own drug's target, named in a relative clause on it: not the deal's
            if text and _NEGATIVE.match(text, t.end):
                continue  # the patients lack it ("ER-positive/HER2-negative breast cancer"): not the drug's target
            if text and _COMBINED.search(text, max(0, t.start - 40), t.start):
                continue  # the target of a drug given with the deal's ("in combination with a PD-1 antibody")
            if text and (_PATHWAY.search(text, max(0, t.start - 50), t.start) or _EXCLUDED.match(text, t.end)):
                continue  # what the target acts on ("TSLP, a cytokine upstream of IL-4, IL-5 and IL-13"), or what the
                # text says the deal leaves out ("ADCs against TROP2 and B7-H3, which are not part of the deal")
            found.setdefault(t.value, t)
            only = bool(text) and _MUTATED.match(text, t.end) is not None and not _TARGETING.search(
                text, max(0, t.start - 24), t.start)
            biomarker[t.value] = biomarker.get(t.value, True) and only
    if not found and owned:
        return _targets(allf, ev, text, assets)  # no other target: the own item's drug may be the deal's by another name
    if not all(biomarker.values()):
        found = {v: t for v, t in found.items() if not biomarker[v]}
    stated = {t.value for m in allf if _states(m) for t in m.targets}
    if not stated & set(found) and assets and any(
            _states(m) and assets[0] in {a.value for a in m.assets} for m in allf):
        # no clause stating the deal names a target: a sentence about the deal's drug alone ("BW-12 targets KRAS
        # G12D") says which, not one about the parties' other drugs
        stated = {t.value for m in allf if {a.value for a in m.assets} == {assets[0]} for t in m.targets}
    if stated & set(found):
        found = {v: t for v, t in found.items() if v in stated}
    out: list[str] = []
    for t in found.values():
        if any(v != t.value and _variant_of(v, t.value) for v in found):
            continue
        out.append(t.value)
        ev.append(Evidence(field="targets", start=t.start, end=t.end, text=t.text, rule=t.rule))
    return out


def _states(m: Mention) -> bool:
    """``m`` states the deal: a word for a kind of deal (not "agreement" or "deal" alone), an amount of the deal or a
    party with a role a verb gives (not the owner of a drug named "X's inhibitor")."""
    return (any(c.kind != "other" for c in m.deal_cues) or any(k in DEAL_KINDS for k, _, _ in m.money)
            or any(p.role and not p.weak for p in m.parties))


def _variant_of(v: str, t: str) -> bool:
    """Whether target ``v`` is a variant of target ``t``: "KRAS G12D" of "KRAS", "IL-17A" of "IL-17", "Claudin18.2"
    of "Claudin" (not "IL-17" of "IL-1")."""
    if not v.lower().startswith(t.lower()) or len(v) == len(t):
        return False
    rest = v[len(t):]
    return rest[0] == " " or t[-1].isdigit() and rest[0].isalpha() and len(rest) <= 2 or (
        len(t) >= 4 and t[-1].isalpha() and rest[0].isdigit())


def _assets(allf: list[Mention], ents: EntityTable, ev: list[Evidence], text: str = "") -> list[str]:
    """The deal's assets, its own first: one named in a clause that states the deal (a deal word, a payment, a
    party with a role) before one only described nearby; then the most often named; then the first. A drug named
    only in a relative clause on a company ("X, which sells A, licensed B from Y") is none, beside others."""
    found: dict[str, list[tuple[Fact, Mention]]] = {}
    names = {f.text for e in ents.entities.values() for f in e.facts}  # each company name once
    outside: set[str] = set()  # drugs named at least once outside a relative clause on a company
    for m in allf:
        spans = _asides(m, text)
        for x in m.assets:
            if not any(x.value in n for n in names):
                found.setdefault(x.value, []).append((x, m))
                if not _inside(x, spans):
                    outside.add(x.value)
    inner = set(found) - outside
    if inner and len(inner) < len(found):
        found = {v: occ for v, occ in found.items() if v not in inner}
    if not found:
        return []

    def weight(value: str) -> tuple[int, int, int, int]:
        occ = found[value]
        stated = any(m.deal_cues or any(p.role for p in m.parties) or m.money for _, m in occ)
        # a drug in a clause where a frame binds both sides (瀚海药业将HX-205授权给诺华) first: before one whose
        # clause gives only its owner a role (瀚海药业的HX-100获批上市, told beside the deal)
        framed = any(m.framed for _, m in occ)
        return (1 if framed else 0, 1 if stated else 0, len(occ), -occ[0][0].start)

    out = sorted(found, key=weight, reverse=True)
    for value in out:
        x = found[value][0][0]
        ev.append(Evidence(field="asset", start=x.start, end=x.end, text=x.text, rule=x.rule))
    return out


#: a Chinese drug name's own class ending ("依沃西单抗": 单抗 after the name's characters): a weaker modality than one said
_NAME_SUFFIX = re.compile(r"[\u4e00-\u9fff]$")


def _modality(allf: list[Mention], ev: list[Evidence], text: str) -> str | None:
    """The deal's first modality, unless it is only a Chinese name's class ending ("依沃西单抗" as an antibody) and a
    later mention says the modality outright ("双特异性抗体")."""
    facts = [f for m in allf for f in m.modality[:1]]
    if not facts:
        return None
    pick = facts[0]
    if pick.rule == "mod.zh_mab" and _NAME_SUFFIX.search(text, max(0, pick.start - 1), pick.start):
        pick = next((f for f in facts[1:] if f.value != pick.value), pick)
    ev.append(Evidence(field="modality", start=pick.start, end=pick.end, text=pick.text, rule=pick.rule))
    return cast(str, pick.value)


#: territory rules that only say "abroad" (海外权益): a region the deal's clauses state is preferred
_VAGUE_TERRITORY = frozenset({"terr.zh_overseas"})


def _territory(allf: list[Mention], ev: list[Evidence]) -> str | None:
    """The deal's territory as first stated, a region before a bare 'abroad' (海外) told elsewhere."""
    facts = [f for m in allf for f in m.territory]
    if not facts:
        return None
    f = next((x for x in facts if x.rule not in _VAGUE_TERRITORY), facts[0])
    ev.append(Evidence(field="territory", start=f.start, end=f.end, text=f.text, rule=f.rule))
    return f.text.strip()


#: after a target, what makes it the patients' mutation, not the drug's target ("EGFR-mutated NSCLC")
_MUTATED = re.compile(r"[- ](?:exon \d+ )?(?:mutated|mutation|mutations|mutant|positive|driven|altered|amplified|"
                      r"expressing)\b|突变|突變|阳性|陽性")
#: before a target, that it is the target of a drug given with the deal's ("in combination with a PD-1 antibody")
_COMBINED = re.compile(r"\b(?:in combination with|combined with|combination with|together with|alongside|add-on to)"
                       r"(?: (?:an?|the|its|their|approved|standard|existing|marketed|[\w-]+'s))*\s*$|(?:联合|聯合)$"
                       # … or of a drug it is compared with ("tested against Keytruda, a PD-1 inhibitor", "versus an
                       # approved PD-1 antibody"; not "an antibody against PD-1")
                       r"|\b(?:versus|vs\.?|compared (?:with|to)|head-to-head (?:with|against)|against|rivals?|"
                       r"competitors?(?: to)?)\s+(?-i:[A-Z][\w-]*)(?:\s+\([\w-]+\))?,\s+(?:an?|the|its|[\w-]+'s)?\s*$"
                       r"|\b(?:versus|vs\.?|compared (?:with|to)|head-to-head (?:with|against)|beat|outperform(?:s|ed)?|bested|"
                       r"superior to|better than|non-?inferior to)\s+(?:an?|the|approved|"
                       r"standard|existing|marketed)(?:\s+(?:approved|standard|existing|marketed|rival))?\s*$", re.I)
#: before a target, that it is one the drug's target acts on ("a cytokine that sits upstream of IL-4, IL-5 and IL-13")
_PATHWAY = re.compile(r"\b(?:upstream|downstream)\s+of\s+(?:the\s+)?(?:[\w./-]+(?:,|\s+and|\s+or)?\s+){0,6}$", re.I)
#: after a target, that the deal leaves it out ("…, which are not part of the deal")
_EXCLUDED = re.compile(r"[^.;]{0,60}?\b(?:(?:are|is|were|was)\s+not\s+(?:part\s+of|included\s+in|covered\s+by|"
                       r"subject\s+to)|(?:are|is|were|was)\s+excluded\s+from|fall\s+outside)\s+(?:the\s+)?(?:deal|"
                       r"agreement|licen[cs]e|transaction|collaboration|pact)\b", re.I)
#: a relative clause on a company, right after its name (", which sells …,", ", whose lead drug is …,")
_ASIDE = re.compile(r",\s+(?:which|who|whose)\b[^,;.()«»]{0,100}?,")
#: after a target, that the patients lack it ("HER2-negative", "HER2阴性"): no target of the deal's drug
_NEGATIVE = re.compile(r"[- ]?(?:negative\b|阴性|陰性)")
#: … unless the drug is said to target it ("靶向KIT和PDGFRA突变", "targeting EGFR mutations")
_TARGETING = re.compile(r"(?:靶向|target(?:s|ing|ed)?|against|inhibit(?:s|ing|or of)?)[^.;。；]{0,20}$", re.I)

#: a company named as the object of "with" ("partnerships with Bayer … and with Bristol Myers Squibb")
#: a verb of owning right before a licence cue's rights: the company's own rights, no deal ("retains full global
#: commercial rights", "holds worldwide rights", "has exclusive rights to develop")
_OWN_BEFORE = re.compile(r"\b(?:retain(?:s|ed|ing)?|hold(?:s|ing)?|held|own(?:s|ed|ing)?|keep(?:s|ing)?|kept|has|have|had)"
                         r"\s+(?:(?:full|all|the|its|their|sole|entire|exclusive|global|worldwide|commercial|development|"
                         r"and|U\.?S\.?|Chinese|regional)\s+){0,4}$", re.I)


def _owned_rights(cue: Fact, text: str) -> bool:
    """A licence cue naming rights a company holds ("retains full global commercial rights"), not a grant of them."""
    return cue.rule == "deal.license" and cue.text.rstrip().endswith("rights") and _OWN_BEFORE.search(
        text, max(0, cue.start - 60), cue.start) is not None


#: two companies named as the objects of one preposition: "from «X» and «Y»"
_LIST_COMMA = re.compile(r",\s+")
_LIST_END = re.compile(r",?\s+(?:and|&)\s+[A-Z]")
_COORD_BETWEEN = re.compile(r",?\s+(?:and|&)\s+(?:with\s+|from\s+)?", re.I)
_PREP_BEFORE = re.compile(r"\b(?:from|with|by|to|of|for)\s+(?:the\s+)?$", re.I)


_SENTENCE_BREAK = re.compile(r"[.;|\n。；](?!\d)")


def _one_sentence(a: list[Fact], b: list[Fact], text: str) -> bool:
    """Whether a fact of ``a`` and one of ``b`` stand in one sentence (no full stop, semicolon, line break or table
    bar between them): only neighbours in text order need a look, so sorting is all it costs."""
    marks = sorted([(f.start, f.end, 0) for f in a] + [(f.start, f.end, 1) for f in b])
    return any(x[2] != y[2] and not _SENTENCE_BREAK.search(text, x[1], max(x[1], y[0]))
               for x, y in zip(marks, marks[1:], strict=False))


def _coordinated(sides: list[PartyRef], text: str) -> bool:
    """The deal's two sides are named by name one after the other, joined by 'and', after one preposition ('from X
    and Y'): the same relation to a third, no relation to each other."""
    facts = sorted({(p.fact.start, p.fact.end, p.ent) for p in sides if p.fact.label == "org"})
    for (s1, e1, a), (s2, e2, b) in zip(facts, facts[1:], strict=False):
        if a != b and s2 - e1 <= 8 and _COORD_BETWEEN.fullmatch(text, e1, s2) and _PREP_BEFORE.search(
                text, max(0, s1 - 12), s1):
            return True
        if a != b and _LIST_COMMA.fullmatch(text, e1, s2) and _LIST_END.match(text, e2):
            return True  # two of a list of three or more ("BioNTech, Merck and Pfizer each hold one")
    return False


_WITH_OBJECT = re.compile(r"\b(?:with|與|与|和)\s*(?:the\s+)?$", re.I)

#: a word for royalties near a rate, in the rate's clause, makes the rate a royalty rate (English and Chinese)
_ROYALTY_WORD = re.compile(r"royalt|特许权使用费|特許權使用費|销售提成|銷售提成|提成|分成")
_CLAUSE_STOPS = ("。", "；", ";", "\n", ". ", "，", "（")


def _royalty(allf: list[Mention], text: str, ev: list[Evidence]) -> Royalty | None:
    rf = [r for m in allf for r in m.royalty]
    free = [(r.start, r.end) for r in rf if r.kind == "royalty_free"]
    # the royalty word of "No royalties are payable" says none is
    rf = [r for r in rf if r.kind == "royalty_free" or not any(a <= r.start and r.end <= b for a, b in free)]
    if not rf or all(r.kind == "royalty_free" for r in rf):
        return None
    tiered = any(r.kind == "tiered" for r in rf)
    lo = hi = None
    rates: list[float] = []
    for r in rf:
        if r.kind == "rates":
            g = r.value or {}
            vals = [float(v) for v in (g.get("a"), g.get("b"), g.get("c")) if v]
            a, b = max(0, r.start - 80), r.end + 80
            a = max([a] + [text.rfind(stop, a, r.start) + 1 for stop in _CLAUSE_STOPS])  # within its own clause
            b = min([b] + [i for i in (text.find(stop, r.end, b) for stop in _CLAUSE_STOPS) if i >= 0])
            if vals and _ROYALTY_WORD.search(text[a:b].lower()) and all(v <= 50 for v in vals):
                if lo is None:
                    lo, hi = min(vals), max(vals)
                rates.extend(vals)
    if len(set(rates)) >= 2:
        # rates of several lines ("Royalty rate, Minimum | 10.00%" … "Royalty rate, Maximum | 18.00%"): a range, tiered
        lo, hi, tiered = min(rates), max(rates), True
    first = next((r for r in rf if r.kind != "rates"), None)
    if first is None:
        return None
    ev.append(Evidence(field="royalty", start=first.start, end=first.end, text=first.text, rule=first.rule))
    return Royalty(tiered=tiered, min_pct=lo, max_pct=hi, text=first.text)


#: a word that makes a deal another's background ("X's prior in-licensing of the molecule from Y")
#: a relative clause opened before a deal word: the deal is told as the background of something else
_RELATIVE_BEFORE = re.compile(r"(?i),\s+(?:which|who|that)\s+(?:had\s+|has\s+|have\s+)?(?:\w+ly\s+)?[\w-]*\s*$")

_PRIOR_BEFORE = re.compile(r"(?i)\b(?:prior|previous|earlier|former|original|existing|pre-existing)\s+(?:[\w-]+\s+)?$")


#: a condition the clause sets before a status word ("If Sanofi does not exercise its option, all rights remain with
#: us"): what would happen, not the deal's status
_CONDITION_BEFORE = re.compile(r"(?i)\b(?:if|should|unless|in the event(?: that| of)?|provided that)\b[^.;]{0,100}$|"
                               r"(?:如果|如若|倘若|若|一旦|假如)[^。；]{0,40}$")


def _status(allf: list[Mention], ev: list[Evidence], text: str = "") -> str:
    status, srank = "signed", 0
    for m in allf:
        for s in m.status:
            if s.kind == "terminated" and text and _CONDITION_BEFORE.search(text, m.start, s.start):
                continue
            r = STATUS_RANK.get(s.kind, 0)
            if r > srank:
                status, srank = s.kind, r
                ev.append(Evidence(field="status", start=s.start, end=s.end, text=s.text, rule=s.rule))
    return status


def _same_party(a: Party | None, b: Party | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    ka, kb = name_key(a.name), name_key(b.name)
    return bool(ka) and (ka == kb or ka in kb or kb in ka)


def _bare(rec: Deal) -> bool:
    return not (rec.targets or rec.assets or any(getattr(rec, f) is not None for f in DEAL_MONEY_FIELDS))


def drop_bare_repeats(recs: list[Deal]) -> list[Deal]:
    """An ended agreement written with no terms is kept only when no other deal of the article shares a party with
    it (a bare repeat is the same agreement read a second time, its parties' roles guessed)."""
    def shares(a: Deal, b: Deal) -> bool:
        return any(_same_party(x, y) for x in (a.licensor, a.licensee) for y in (b.licensor, b.licensee)
                   if x is not None and y is not None)
    return [r for i, r in enumerate(recs) if not (
        _bare(r) and any(o is not r and shares(r, o) for o in recs)
        or any(o is not r and _half_of(r, o) for o in recs)
        or any(j != i and _repeat_of(r, o) and (j < i or not _repeat_of(o, r)) for j, o in enumerate(recs)))]


def _repeat_of(r: Deal, o: Deal) -> bool:
    """``r`` has the parties of ``o`` in the same roles and only amounts, drugs and targets ``o`` has too: a headline's
    half read a second time ("X to get $45 million exercise fee" over the body that says Y pays it), not another deal."""
    if None in (r.licensor, r.licensee, o.licensor, o.licensee):
        return False
    if not (_same_party(r.licensor, o.licensor) and _same_party(r.licensee, o.licensee)):
        return False
    amounts = [(getattr(r, f), getattr(o, f)) for f in DEAL_MONEY_FIELDS if getattr(r, f) is not None]
    if not amounts or any(b is None or (a.amount, a.currency) != (b.amount, b.currency) for a, b in amounts):
        return False
    have = {a.lower() for a in o.assets}
    return all(a.lower() in have for a in r.assets) and set(r.targets) <= set(o.targets)


def _half_of(r: Deal, o: Deal) -> bool:
    """``r`` names one party and no amount, and ``o`` is a deal of that party, in the same role, with both parties
    and every drug and target ``r`` names: ``r`` is a headline's half of ``o`` ("Biogen ends its X pact; Y regains
    the rights"), not another deal."""
    if (r.licensor is None) == (r.licensee is None) or o.licensor is None or o.licensee is None:
        return False
    if not r.assets or any(getattr(r, f) is not None for f in DEAL_MONEY_FIELDS):
        return False
    side = "licensor" if r.licensor is not None else "licensee"
    have = {a.lower() for a in o.assets}
    return (_same_party(getattr(r, side), getattr(o, side)) and all(a.lower() in have for a in r.assets)
            and set(r.targets) <= set(o.targets))


def _fill(row: Deal, rec: Deal, fields: tuple[str, ...]) -> None:
    """The row's empty ``fields`` take the prose record's values."""
    for f in fields:
        if getattr(row, f) is None and getattr(rec, f) is not None:
            setattr(row, f, getattr(rec, f))


def fold_into(rec: Deal, others: list[Deal]) -> bool:
    """A prose mention of a deal a table already lists fills the table row's empty fields instead."""
    for o in others:
        if _same_party(rec.licensor, o.licensor) and _same_party(rec.licensee, o.licensee):
            _fill(o, rec, (*DEAL_MONEY_FIELDS, "royalty", "modality", "territory", "asset"))
            for t in rec.targets:
                if t not in o.targets:
                    o.targets.append(t)
            o.evidence.extend(e for e in rec.evidence if e.field not in ("licensor", "licensee"))
            return True
    named = [p for p in (rec.licensor, rec.licensee) if p is not None]
    # a row that names one party (a filer's table of its partners, "Partner" / "Product candidate" / …, the filer
    # being the other side): the prose about the deal of that partner and the row's asset gives the row its other
    # party and what the table has no column for (royalties, targets); the amounts stay the table's
    for o in others:
        row = [p for p in (o.licensor, o.licensee) if p is not None]
        if len(row) != 1 or len(named) != 2 or not any(_same_party(row[0], p) for p in named):
            continue
        if o.asset is not None and rec.asset is not None and o.asset.lower() != rec.asset.lower():
            continue
        other = [p for p in named if not _same_party(row[0], p)]
        if len(other) != 1:
            continue
        side = "licensor" if o.licensor is None else "licensee"
        setattr(o, side, other[0])
        _fill(o, rec, ("royalty", "modality", "territory", "asset"))
        o.targets.extend(t for t in rec.targets if t not in o.targets)
        o.evidence.extend(e for e in rec.evidence if e.field not in DEAL_MONEY_FIELDS
                          and e.field != ("licensee" if side == "licensor" else "licensor"))
        return True
    # a note about a row's drug that names one of its parties in its role ("Kuhnil, a Seoul mid-cap, out-licensed
    # KH-6611 …" under the row Kuhnil Pharm | Solvari Bio | KH-6611): the row's deal, whose columns say who the other is
    for o in others:
        if rec.asset and o.asset and _asset_key(rec.asset) == _asset_key(o.asset) and (
                rec.licensor is not None and _same_party(rec.licensor, o.licensor)
                or rec.licensee is not None and _same_party(rec.licensee, o.licensee)):
            _fill(o, rec, (*DEAL_MONEY_FIELDS, "royalty", "modality", "territory"))
            o.evidence.extend(e for e in rec.evidence if e.field not in ("licensor", "licensee"))
            return True
    # a note about a row, naming its parties in other roles or only one of them ("The Hanbit upfront includes a
    # $10 million equity purchase by Teverin"): the row, whose columns say who is who, stays as it is
    rows = [o for o in others if named and all(
        _same_party(p, o.licensor) or _same_party(p, o.licensee) for p in named)]
    return len(rows) == 1


def _asset_key(name: str) -> str:
    return re.sub(r"[\s._/-]+", "", name.lower())


def fill_open_side(rows: list[Deal], open_side: list[str]) -> None:
    """The side a table leaves open (its filer's, in a table of the filer's partners) is the same party in every row:
    when the prose about some rows names it (:func:`fold_into`) and always the same, the other rows take it too."""
    sides = {s for s in open_side if s}
    if len(sides) != 1:
        return
    side = sides.pop()
    filled = [d for d, s in zip(rows, open_side, strict=True) if s and getattr(d, side) is not None]
    if not filled or not all(_same_party(getattr(d, side), getattr(filled[0], side)) for d in filled):
        return
    ev = [e for e in filled[0].evidence if e.field == side]
    for d, s in zip(rows, open_side, strict=True):
        if s and getattr(d, side) is None:
            setattr(d, side, getattr(filled[0], side))
            d.evidence.extend(e.model_copy() for e in ev)


def to_money(m: MoneyMatch) -> Money:
    amount = m.amount.quantize(Decimal(1)) if m.amount == m.amount.to_integral_value() else m.amount.normalize()
    return Money(amount=amount, currency=m.currency, text=m.text, upper_bound=m.upper_bound,
                 approximate=m.approximate, lower_bound=m.lower_bound)

