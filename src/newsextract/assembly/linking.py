"""Stage 6 of assembly — linking: mentions become deals. A mention joins the latest deal it is compatible with
(shared party, no role or amount conflict), continues the last deal when it names no company but refers back to
it ("Under the agreement, …"), or starts a new deal; list headings ("★ SKB264, TROP2, Kelun-Biotech") name the
deal of the next lines."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from ..triggers import guarded
from .types import DEAL_KINDS, FIELD_KIND, DealState, Mention, PartyRef, round_amount

__all__ = ["Linker"]


class Linker:
    def __init__(self, max_continue: int = 4, relative_years: dict[str, int] | None = None,
                 earlier_deal: str | None = None, drug_anaphor: str | None = None,
                 other_drug_stops: bool = False, regulatory_event: str | None = None,
                 bullet_heads: bool = False, about_heading: str | None = None,
                 pipeline_examples: str | None = None, background_clause: str | None = None,
                 separate_deal: str | None = None, own_drug: str | None = None,
                 other_asset: str | None = None, later_event: str | None = None,
                 earlier_signed: str | None = None) -> None:
        #: how many sentences on a mention without a company may still continue the last deal
        self.max_continue = max_continue
        #: words that name a year relative to the article's ("last year": -1), by offset
        self.relative_years = relative_years or {}
        #: a clause naming an earlier deal of the same parties ("the first deal's $600 million package")
        self.earlier_deal = re.compile(earlier_deal, re.I) if earlier_deal else None
        #: what ends the text right before a clause that moves to another time (", and later that year agreed to pay
        #: …"): with its own upfront or total, that clause is another deal of the same parties
        self.later_event = re.compile(later_event, re.I) if later_event else None
        #: a clause that says the same parties signed a deal in an earlier year ("; the two had signed a «M» deal for B in
        #: 2023"): with an upfront or total the last deal has in no amount, that earlier deal
        self.earlier_signed = re.compile(earlier_signed, re.I) if earlier_signed else None
        #: a sentence that opens by referring back to a drug ("该药的…权益已授予X"): the drug named just before is its
        self.drug_anaphor = re.compile(drug_anaphor) if drug_anaphor else None
        #: a sentence with no deal word about another drug than the deal's does not continue it
        self.other_drug_stops = other_drug_stops
        #: a regulatory event (an approval, an accepted filing, a designation): a sentence that reports one, with no
        #: deal word, is about a drug's history, and adds to a deal only when it names the deal's own drug
        self.regulatory_event = re.compile(regulatory_event) if regulatory_event else None
        #: a list heading that names a drug and no company opens the next entry even when it has a deal word
        self.bullet_heads = bullet_heads
        #: the heading of a press release's company boilerplate ("关于康桥生物", "About X"): what follows it describes
        #: the company, and adds no drug or target to a deal told before it
        self.about_heading = re.compile(about_heading) if about_heading else None
        self._about_from = -1
        #: drugs named as examples of a company's pipeline ("拥有十余款产品，其中包括A、B等"): no deal's drugs
        self.pipeline_examples = re.compile(pipeline_examples) if pipeline_examples else None
        #: a relative clause on an earlier deal of the company before it (", which previously licensed A from X in a
        #: «M» deal"): with an amount, that earlier deal, never the terms of the deal being told
        self.background_clause = re.compile(background_clause, re.I) if background_clause else None
        #: a clause that says its deal is another one ("… an option on QB-330 under a separate agreement"): with a drug
        #: the deal it would join does not name, a deal of its own
        self.separate_deal = re.compile(separate_deal, re.I) if separate_deal else None
        #: a drug the sentence calls the company's own ("its wholly owned HER3 ADC", "developed in-house") and a deal
        #: clause that says it is about another drug or apart ("partnered an unrelated antibody", "Separately, …"):
        #: such a drug heads no deal that does not name it
        self.own_drug = re.compile(own_drug, re.I) if own_drug else None
        self.other_asset = re.compile(other_asset, re.I) if other_asset else None
        words = "|".join(sorted(map(re.escape, self.relative_years), key=len, reverse=True))
        # (behind a first-character guard: the same matches, one test at most positions)
        self._relative = re.compile(guarded(words, re.I) or words, re.I) if self.relative_years else None

    def link(self, mentions: list[Mention], text: str = "", units: dict[str, str] | None = None) -> list[DealState]:
        """``units``: wholly owned units and their parents (see ``EntityTable.units``): a deal that names one is open
        to the other."""
        units = units or {}
        about = self.about_heading.search(text) if self.about_heading is not None and text else None
        self._about_from = about.start() if about is not None else -1
        deals: list[DealState] = []
        last: DealState | None = None
        heading: Mention | None = None
        for mi, m in enumerate(mentions):
            m.index = mi
            if self._relative is not None and m.deal_cues:
                m.rel_years = frozenset(self.relative_years[x.group().lower()]
                                        for x in self._relative.finditer(text, m.start, m.end))
            if last is not None:
                _descriptor_by_role(last, m)
            named = [p for p in m.parties if p.ent]
            if self._pipeline(text, m):
                continue  # a pipeline's examples: no deal's drugs, no heading of the next deal
            if not named:
                if (m.assets and not m.dealish and mi + 1 < len(mentions) and (
                        mentions[mi + 1].sent == m.sent or self._refers_back(text, m, mentions[mi + 1]))
                        and any(p.ent for p in mentions[mi + 1].parties)):
                    heading = m  # "With a readout of its trial of A ahead, X has found a buyer …": A is X's deal's
                    continue  # (… and "X's best-known drug is A. 该药的海外权益已授予Y": A is Y's deal's)
                if (heading is not None and heading.sent == m.sent and heading.bullet and any(
                        p.ent for p in heading.parties) and any(k in DEAL_KINDS for k, _, _ in m.money)
                        and not (last is not None and last.mentions and last.mentions[-1] is heading)):
                    # "• X–Y: TB-7 rights ex-China; «M0» upfront; …": the item's head names the parties of its terms
                    target = DealState()
                    deals.append(target)
                    absorb(target, heading)
                    absorb(target, m)
                    last, heading = target, None
                    continue
                if (self.bullet_heads and m.bullet and (m.assets or m.targets) and not m.money and not m.royalty
                        and m.end - m.start <= 120):
                    heading = m  # a list heading that names a drug (or a target) and no company opens the next entry,
                    continue  # even with a deal word ("★ HX-301，GLP-1/GCGR双激动剂，NewCo"), and is no term of the entry before
                if last is not None and self._continues(last, m, mi, text):
                    if self._earlier(text, last, m) or _other_drug_terms(last, m):
                        other = _same_parties(last)  # the same parties' earlier (or later) deal, with its own terms
                        deals.append(other)
                        absorb(other, m)
                        continue
                    absorb(_asset_owner(deals, last, m), m)
                continue
            if m.aggregate and not m.acq_frame and (not any(p.role for p in named) or len({p.ent for p in named}) >= 3) and not (
                    m.assets and len({p.ent for p in named}) == 2):  # (two companies and a drug: one deal of a list;
                # three or more are the list itself: "X、Y等公司接连签下…合同，Z的A在美获批")
                # statistics that name companies in passing ("companies such as X and Y have signed deals"; a role
                # given to a list of three or more, "X、Y、Z等多家企业相继披露收到里程碑款", is the list's) start no deal; at
                # most they add terms to the deal just described
                if last is not None and any(p.ent in last.parties for p in named) and m.money:
                    absorb(last, m, terms_only=True)
                continue
            if not m.dealish:
                if (m.assets and mi + 1 < len(mentions) and self._refers_back(text, m, mentions[mi + 1])
                        and not any(p.role for p in named) and any(p.ent for p in mentions[mi + 1].parties)):
                    heading = m  # "X's best-known drug is A. 该药的海外权益已授予Y": A (and X) are Y's deal's
                elif m.form_line and last is not None and m.sent - last.last_sent <= self.max_continue and len(
                        last.parties) == 1:
                    absorb(last, m)  # "3. Counterparty: X" under a form's deal: the other party of the deal
                elif last is not None and m.sent == last.last_sent and _completes(last, m):
                    absorb(last, m)  # "X will receive $35 million upfront, and Y will receive the rights to A": the
                    # other side of the deal the sentence began
                elif m.bullet and m.assets and m.end - m.start <= 120:
                    heading = m  # a list heading (★ drug, target, company) opens the next entry, even one of the
                    # company just described (its next deal)
                elif (last is not None and any(_side_of(last, p.ent, units) for p in named) and (m.targets or m.assets or m.status)
                        and m.sent - last.last_sent <= self.max_continue and not m.unnamed_roles & set(last.roles)
                        and not self._regulatory(text, last, m) and not self._other_drug(last, m)
                        and not self._in_about(m) and not _own_drug_of_party(last, m)
                        and not _other_in_role(last, m, units)):
                    # (not a drug from an unnamed other: "In January X paid a sum for rights to a TSLP bispecific from
                    # another Chinese developer")
                    # more about the deal just described (or about a near earlier one whose drug it names: "X hopes Y's
                    # resources speed up A" after X's next deal with Z, A being Y's deal's)
                    owner = _drug_deal(deals, last, m, named)
                    absorb(owner, m, terms_only=True)
                    for p in named:  # … and the role a verb gives one of its parties ("Zai Lab received … rights")
                        if p.role and not p.weak and owner.parties.get(p.ent, "") is None and p.role not in owner.roles:
                            _bind(owner, p)
                elif m.targets or m.assets or m.bullet:
                    heading = m  # names the drug of a deal the next lines describe
                continue
            # under a list heading, a new entry begins: its status line is not about an earlier entry's deal (a bullet
            # after a bullet is the next item of a flat list, not the body of a heading)
            fresh = heading is not None and heading.bullet and not m.bullet and 0 < m.sent - heading.sent <= 2
            target = None if fresh else _best(deals, m, units)
            if target is not None and target.money and m.money and (self.background_clause is not None and \
                    self.background_clause.match(text, m.start) or self._earlier(text, target, m)):
                other = _same_parties(target)  # "…, which previously licensed A from X in a «M» deal": that deal
                # (… and ", and in 2023 paid «M» for rights to B": the same parties' deal of another time)
                deals.append(other)
                absorb(other, m)
                heading = None
                continue
            # (the clause's words first: a deal's drugs are gathered from all its mentions)
            if target is not None and self.separate_deal is not None and self.separate_deal.search(
                    text, m.start, m.end) and _assets_of(m) and _assets_of(target) and not (
                    _assets_of(m) & _assets_of(target)):
                target = None  # "… is also taking an option on QB-330 under a separate agreement": another deal
                fresh = True
            if target is not None and not m.money and self.other_asset is not None and self.other_asset.search(
                    text, m.start, m.end) and not (_assets_of(m) & _assets_of(target)):  # (the words first: the
                # deal's drugs are gathered from all its mentions)
                target = None  # "X is also in talks with a US company over another ADC": not the deal told before
                fresh = True
            if target is None and last is not None and not fresh and _completes(last, m):
                target = last  # "X is entitled to $5M upfront. Should Y exercise its option, …": Y is X's partner
            if target is None and last is not None and not fresh and _pays_back(last, m):
                absorb(last, m, terms_only=True)  # royalties the deal's payee pays its funder: the same deal
                heading = None
                continue
            if (target is None and last is not None and not fresh and m.money and m.sent == last.last_sent
                    and all(p.ent in last.parties for p in named) and not any(
                        p.role and last.parties.get(p.ent) not in (None, p.role) for p in named)
                    and self._earlier(text, last, m)):
                other = _same_parties(last)  # "…, building on the 2024 collaboration that paid Y «M1» upfront": the
                deals.append(other)  # same parties' earlier deal, which the clause names with its own terms (the
                absorb(other, m)  # last deal's upfront differs, so it was no match; the deal told stays the last)
                heading = None
                continue
            if target is None:
                if m.backref and not m.money and all(c.kind == "other" for c in m.deal_cues) and not (
                        len({p.ent for p in named}) >= 2 and any(p.role and not p.weak for p in named)):
                    if any(p.role and not p.weak for p in named):
                        heading = m  # … but one that names who pays whom ("其中，X收到由Y支付的里程碑付款") names the
                        # parties of the deal whose terms the next lines give (one with a role is enough: "X收到由Y支付的")
                    continue  # "The deal puts Pfizer in a race with Akeso's drug": talk about a deal, not a new one
                    # (but "an agreement with X under which X obtains rights": two companies and a role read from the
                    # text, a deal)
                target = DealState()
                deals.append(target)
                if heading is not None and self._apart(text, heading, m):
                    heading = None  # "X's wholly owned A … X partnered an unrelated antibody with Y": not A's deal
                if heading is not None and not _other_company(heading, m) and (0 < m.sent - heading.sent <= 2 and (not (
                        {p.role for p in named} >= {"licensor", "licensee"}) or _same_drug(heading, m)
                        or _heading_party(heading, m) or self._refers_back(text, heading, m))
                        or _same_sentence_lead(heading, m)):
                    absorb(target, heading)
            elif heading is not None and heading not in target.mentions and self._refers_back(text, heading, m):
                absorb(target, heading)  # "A is an oral JAK1 inhibitor. X licensed it to Y": A is the deal's drug
            heading = None
            absorb(target, m)
            last = target
        if self._about_from >= 0:
            # a deal told only in the company boilerplate at the end ("About X: … BW-14, a Claudin18.2 ADC partnered
            # with Y in 2024"), with no amount: background, not the news
            deals = [d for d in deals if d.money or any(x.start < self._about_from for x in d.mentions)]
        return deals

    def _apart(self, text: str, heading: Mention, m: Mention) -> bool:
        """Deal clause ``m`` is not about heading ``heading``'s drug: it names none of its own and says it is about
        another drug or apart from what came before, or the heading calls its drug the company's own."""
        if _same_drug(heading, m) or self._refers_back(text, heading, m):
            return False
        return bool(self.other_asset is not None and self.other_asset.search(text, m.start, m.end)
                    or not m.assets and self.own_drug is not None and self.own_drug.search(
                        text, heading.start, heading.end))

    def _refers_back(self, text: str, m: Mention, nxt: Mention) -> bool:
        """``nxt`` is the next sentence and opens by referring back to a drug ("该药…"): the drug ``m`` names."""
        return (self.drug_anaphor is not None and nxt.sent == m.sent + 1
                and self.drug_anaphor.match(text, nxt.start) is not None)

    def _earlier(self, text: str, last: DealState, m: Mention) -> bool:
        """``m`` names an earlier deal ("the first deal's … $600 million package") or a later expansion, or follows
        a move to another time (", and later that year agreed to pay …"), and an upfront or total the last deal has
        in another amount: the terms of that other deal."""
        if not m.money:
            return False
        later = self.later_event is not None and self.later_event.search(text, max(0, m.start - 40), m.start)
        later = later or self.earlier_signed is not None and self.earlier_signed.search(text, m.start, m.end)
        if not (later or self.earlier_deal is not None and self.earlier_deal.search(text, m.start, m.end)):
            return False
        have = {FIELD_KIND.get(k, k): f.value for k, f, _ in last.money}
        heads = [v for k, v in have.items() if k in ("upfront", "total")]
        for k, f, _ in m.money:
            kind = FIELD_KIND.get(k, k)
            if kind in ("upfront", "total") and kind in have and not _same_amount(have[kind], f.value):
                return True
            # (after a move to another time, a sum paid now against the last deal's price: "bought A for «M0» in
            # 2021, and in 2023 paid «M1» for rights to B"; "; the two had signed a «M» deal for B in 2023")
            if later and kind in ("upfront", "total") and heads and not any(_same_amount(v, f.value) for v in heads):
                return True
        return False

    def _pipeline(self, text: str, m: Mention) -> bool:
        """``m`` has no deal word and names two or more drugs as examples of a pipeline."""
        return (self.pipeline_examples is not None and not m.dealish and len({a.value for a in m.assets}) >= 2
                and self.pipeline_examples.search(text, m.start, m.end) is not None)

    def _in_about(self, m: Mention) -> bool:
        """``m`` lies in the company boilerplate at the end of a press release and states no payment."""
        return 0 <= self._about_from < m.start and not m.money

    def _other_drug(self, last: DealState, m: Mention) -> bool:
        """``m`` has no deal word and names another drug than deal ``last``'s, which names its own (with the company or
        without: "康桥生物在研的KRAS G12D抑制剂KQ-303已进入临床" after its deal for KQ-101)."""
        return (self.other_drug_stops and not m.dealish and bool(m.assets) and bool(_assets_of(last))
                and not _shares_drug(m, last))

    def _regulatory(self, text: str, last: DealState, m: Mention) -> bool:
        """``m`` reports a regulatory event and no deal, about no drug of deal ``last``, which names its own
        ("公司首款产品X（KRAS G12C抑制剂）的上市申请已获受理" after a deal for Y): its drugs and targets are not the deal's (a
        deal that names no drug yet may take one from it: "X的核心资产A已获FDA批准")."""
        return (self.regulatory_event is not None and not m.dealish and bool(_assets_of(last))
                and not (m.assets and _shares_drug(m, last))
                and self.regulatory_event.search(text, m.start, m.end) is not None)

    def _continues(self, last: DealState, m: Mention, mi: int, text: str = "") -> bool:
        """A mention without a named company continues the last deal when it is near and carries terms."""
        if m.aggregate or not (m.backref or m.money or m.royalty or m.targets or m.assets or m.status):
            return False
        if not (m.sent - last.last_sent <= self.max_continue or mi - last.last_mention <= 2):
            return False
        if self._other_drug(last, m) or self._in_about(m):
            return False  # a sentence about another drug of the company ("PD-1单抗斯鲁利单抗已于2022年获批…"): not the deal's
        if self._regulatory(text, last, m):
            return False
        if (self.own_drug is not None and not m.backref and not _shares_drug(m, last)
                and self.own_drug.search(text, m.start, m.end)):
            return False  # the company's own drug ("Net sales of Zentra, its own JAK inhibitor, …"): not the deal's
        if m.unnamed_roles & set(last.roles) or m.unnamed_count >= 2 or (
                m.unnamed_count and not m.money and {"licensor", "licensee"} <= set(last.roles)):
            return False  # unnamed companies in a role the deal has named, or two of them ("某欧洲药企已将…权益退还给中国合作方",
            # "a Nasdaq-listed biotech signed a memorandum with a multinational"), or one, with no amount, after a deal
            # whose two sides are named ("市场传闻一家港股药企正与海外公司就…进行授权磋商"): another deal, of companies unnamed
        return not (m.money and not (m.backref or any(k in DEAL_KINDS for k, _, _ in m.money)))


def _descriptor_by_role(last: DealState, m: Mention) -> None:
    """A descriptor of a country no company before it is known to be of ("X is licensing A to Y; the US company is
    paying $35 million upfront") refers to the party of the deal just described that has the role the clause gives it,
    not to the nearest subject."""
    for p in m.parties:
        alts = p.fact.extra.get("alts")
        if not alts or not p.role or p.weak or last.parties.get(p.ent) in (None, p.role):
            continue
        fit = [e for e in alts if last.parties.get(e) == p.role]
        if len(fit) == 1:
            p.ent = fit[0]


def _side_of(d: DealState, ent: str, units: dict[str, str]) -> bool:
    """Whether a company is a party of the deal, or a wholly owned unit or the parent of one (本集团 and its unit
    that signed)."""
    return ent in d.parties or bool(units) and (units.get(ent) in d.parties or any(units.get(x) == ent for x in d.parties))


def _best(deals: list[DealState], m: Mention, units: dict[str, str] | None = None) -> DealState | None:
    """The compatible deal sharing the most named parties with ``m``; of equals, the one named last (not the one
    begun last: "… out-licensed RNV-5 to Y, which pays …; X will also receive royalties" after another deal of X's)."""
    ents = {p.ent for p in m.parties if p.ent}
    best: tuple[int, int, int] | None = None
    found = None
    for i, d in enumerate(deals):
        if compatible(d, m, units):
            key = (len(ents & set(d.parties)), d.last_mention, i)
            if best is None or key > best:
                best, found = key, d
    return found


def _drug_deal(deals: list[DealState], last: DealState, m: Mention, named: list[PartyRef]) -> DealState:
    """The deal a mention about a drug continues: the last one, unless the drugs it names are not the last deal's
    but a near earlier deal's whose parties are all the companies it names."""
    mine = _assets_of(m)
    if not mine or mine & _assets_of(last):
        return last
    return next((d for d in reversed(deals[-8:]) if d is not last and mine & _assets_of(d)
                 and all(p.ent in d.parties for p in named)), last)


def _same_parties(d: DealState) -> DealState:
    """A new deal between the parties of ``d``, in the roles they have there, with no terms yet."""
    new = DealState(parties=dict(d.parties), roles=dict(d.roles), role_facts=dict(d.role_facts),
                    role_rules=dict(d.role_rules), order=list(d.order))
    new.weak_roles = set(d.weak_roles)
    return new


def _pays_back(d: DealState, m: Mention) -> bool:
    """``m`` has the deal's two parties in reversed roles (or one reversed, one open), royalties and no amount: the
    payee pays royalties back to whoever funds it ("Northcove's fund will pay Pellmont $150 million … Pellmont will
    make success-based payments to Northcove and pay it royalties"), a term of the same deal, not another deal."""
    roled = {p.ent: p.role for p in m.parties if p.ent and p.role}
    have = {e: d.parties.get(e) for e in roled}
    return bool(m.royalty and not m.money and len(roled) == 2 and all(e in d.parties for e in roled)
                and all(h is None or h != roled[e] for e, h in have.items()) and any(h is not None for h in have.values()))


def _same_sentence_lead(heading: Mention, m: Mention) -> bool:
    """The clause before, in the same sentence, names the drug of the deal this clause states ("Following data on
    X's drug A, the Seoul-based company has licensed the drug to Y", "With a readout of its trial of A ahead, X has
    found a buyer"): the companies it names, if any, are this clause's."""
    ents = {p.ent for p in heading.parties if p.ent}
    if heading.sent != m.sent:
        return False
    mine = {p.ent for p in m.parties if p.ent}
    if ents <= mine:
        return True
    if mine and mine < ents and len(ents) == 2:
        return True  # "X and Y will share A, with X paying «M» upfront": the clause before names both companies
    # … or the clause before names the other side of this clause's deal, in the other role ("The tie-up gives X
    # rights to A in Japan; Y gets $30 million now")
    have = {p.ent: p.role for p in heading.parties if p.ent and p.role and not p.weak}
    new = {p.ent: p.role for p in m.parties if p.ent and p.role and not p.weak}
    return len(have) == 1 and len(new) == 1 and not (have.keys() & {p.ent for p in m.parties}) and set(
        have.values()) | set(new.values()) == {"licensor", "licensee"}


def _completes(d: DealState, m: Mention) -> bool:
    """``m`` names the one party the deal just described lacks: the deal has a single named party, with a role (or,
    in the same sentence, with none yet);
    ``m`` gives one other party the other role by a frame that is not weak (others it names have none), in the next
    sentence, with no amount of a kind the deal already has."""
    roled = {p.ent: p.role for p in m.parties if p.ent and p.role and not p.weak}
    if len(d.parties) != 1 or len(roled) != 1 or any(p.weak for p in m.parties) or m.sent - d.last_sent > (
            3 if m.form_line else 1):  # (a form's next line: "Licensor: X" … "Licensee: Y")
        return False
    (have, role), = d.parties.items()
    (ent, new), = roled.items()
    if have in {p.ent for p in m.parties} or role == new or role is None and m.sent != d.last_sent:
        return False  # (a party with no role yet is completed only in its own sentence: "The licence gives X «M»
        # upfront; Y gains rights to A")
    return not any(k in d.terms for k, _, _ in m.money)


def _other_in_role(d: DealState, m: Mention, units: dict[str, str]) -> bool:
    """``m`` gives a company outside the deal a role the deal has given another ("… let its option on Kimura's TIGIT
    antibody lapse" after Halvard's licence to Ostrava): it is about another deal, not more about this one."""
    return any(p.ent and p.role and not p.weak and p.role in d.roles and not _side_of(d, p.ent, units)
               for p in m.parties)


def _own_drug_of_party(d: DealState, m: Mention) -> bool:
    """The deal's licensee that a clause with no deal word makes the owner of a drug, by a frame that is not weak
    ("Kestrel Pharma's CTLA-4 antibody will be combined with HM-88" after Kestrel in-licensed HM-88): the clause is
    about the licensee's own drug, and its targets and drugs are not the deal's. (Not the other way round: the
    licensor keeping rights of its own, "X retains the rights in China", is still about the deal.)"""
    return any(p.ent and p.role == "licensor" and not p.weak and d.parties.get(p.ent) == "licensee"
               and "licensee" not in d.weak_roles for p in m.parties)


def compatible(d: DealState, m: Mention, units: dict[str, str] | None = None) -> bool:
    """True when mention ``m`` can be about deal ``d``: a shared party, and no role or amount that contradicts it.
    A wholly owned unit and its parent (``units``) count as one side."""
    named = [p for p in m.parties if p.ent]
    units = units or {}

    def kin(e: str) -> bool:
        return _side_of(d, e, units)

    if not any(kin(p.ent) for p in named):
        return False
    for p in named:
        if p.ent in d.parties:
            have = d.parties[p.ent]
            if p.role and have and p.role != have and not (have in d.weak_roles and not p.weak and m.money):
                return False
        elif p.role and p.role in d.roles and not (units.get(p.ent) == d.roles[p.role]
                                                   or units.get(d.roles[p.role]) == p.ent):
            return False
    # two different named counterparties mean two deals (unless the mention gives the deal's own two parties their
    # roles in it: a third company it names without one is a bystander, "Celgene's licence from BeiGene for
    # tislelizumab drew attention, since BMS already had a PD-1 drug")
    others = {p.ent for p in named if not kin(p.ent)}
    roled = {p.role: p.ent for p in named if p.role and not p.weak}
    same_pair = all(roled.get(r) is not None and roled.get(r) == d.roles.get(r) for r in ("licensor", "licensee"))
    if others and len(d.parties) >= 2 and not same_pair and (not any(p.role for p in named if p.ent in others) or (
            _assets_of(m) and _assets_of(d) and not (_assets_of(m) & _assets_of(d)))):
        return False  # (a new counterparty with a role over another asset: "following the licensing of B to Z")
    if m.unnamed_roles & set(d.roles) and _assets_of(m) and _assets_of(d) and not (_assets_of(m) & _assets_of(d)):
        return False  # an unnamed counterparty in a role the deal has named, over another asset ("X licensed another
        # drug, B, to a domestic company" after X's deal for A with Y): another deal
    if m.unnamed_roles & set(d.roles) and not _assets_of(m) and _targets_of(m) and _targets_of(d) and not (
            _targets_of(m) & _targets_of(d)):
        return False  # … or over a drug of another target, named by no code ("Y had earlier in-licensed a TROP2 ADC
        # from another Chinese company" after Y's deal for X's B7-H3 ADC)
    if others and len(d.parties) >= 2 and not same_pair and _kinds(m) and d.kinds and not (_kinds(m) & d.kinds):
        return False  # a licence to a new counterparty after a takeover offer: another deal
    if m.unnamed_roles and not others and _kinds(m) and d.kinds and not (_kinds(m) & d.kinds) and (
            m.unnamed_roles & (d.unnamed | set(d.roles))):
        return False  # … or to an unnamed one, in a role another has in it ("a European drugmaker" after "a Japanese
        # drugmaker's takeover offer"): another deal
    # the same payment kind with a different amount (or currency) is another deal (not an amount the deal has under
    # another kind: "completed the acquisition … for an aggregate amount of $100 million" after "$100 million in cash
    # at closing … for a total transaction value of up to $128 million")
    have_money = d.terms
    for k, f, r in m.money:
        if k == "price?" and _other_price(have_money, f.value, m):
            return False
        if k in have_money and not _same_amount(have_money[k], f.value) and not any(
                _same_amount(v, f.value) for v in have_money.values()):
            if k == "upfront" and any(c.kind == "option" for x in d.mentions for c in x.deal_cues) and (
                    _exercise_fee(f, r) or any(_exercise_fee(g, gr) for gk, g, gr in d.money if gk == "upfront")):
                continue  # the fee of the option's exercise, beside the option fee: the same option deal
            return False
    # a deal signed in another year ("In June 2017, X signed a licence with Y" after a 2018 amendment; "… last year"
    # after "in January this year") is another
    if m.deal_cues and m.rel_years and not any(x.rel_years & m.rel_years for x in d.mentions) and any(
            x.rel_years for x in d.mentions):
        return False
    return not (m.deal_cues and _years(m) and _years_of(d) and not (_years(m) & _years_of(d)))


#: the price a clause names for what it buys ("for $2 billion") is kept apart from the deal's total
_TERM = {"price?": "price"}


def _other_price(have: dict[str, Any], value: Any, m: Mention) -> bool:
    """A price named for what is bought ("to acquire a Shanghai developer for up to $2 billion") that differs from
    the deal's price or total in the same currency (another currency may be its conversion): another deal ("Sanofi
    last year agreed to buy Blueprint for $9.5 billion"), unless the clause also names one of the deal's amounts."""
    if any(_same_amount(v, g.value) for _, g, _ in m.money for v in have.values()):
        return False
    for hk in ("price", "total"):
        h = have.get(hk)
        if h is not None and h.currency == value.currency and not any(_same_amount(v, value) for v in have.values()):
            return True
    return False

_EXERCISE = re.compile(r"(?i)exercise|行权|行權")


def _other_drug_terms(d: DealState, m: Mention) -> bool:
    """``m`` names another drug than the deal's with an upfront or total of its own, different from the deal's ("Two
    months later it took rights to SKB315 for $35 million upfront" after SKB264's $47 million): another deal of the
    same parties."""
    mine, theirs = _assets_of(m), _assets_of(d)
    if not mine or not theirs or mine & theirs:
        return False
    have = {FIELD_KIND.get(k, k): f.value for k, f, _ in d.money}
    return any(FIELD_KIND.get(k, k) in ("upfront", "total") and FIELD_KIND.get(k, k) in have
               and not _same_amount(have[FIELD_KIND.get(k, k)], f.value) for k, f, _ in m.money)


def _exercise_fee(f: Any, rule: str) -> bool:
    """An upfront amount that is an option's exercise fee (its cue or rule says so)."""
    return rule == "pay.exercise_fee" or bool(_EXERCISE.search(str(getattr(f.extra.get("cue"), "text", ""))))


def _same_amount(a: Any, b: Any) -> bool:
    """Two amounts of money that are the same to within 1 %, in one currency (5 % when either is approximate; a lower
    bound, "$1.9B-plus", is the same as an amount up to a quarter above it: "$1.925B")."""
    if a.currency != b.currency:
        return False
    if abs(a.amount - b.amount) <= a.amount * Decimal("0.01"):
        return True
    if (getattr(a, "approximate", False) or getattr(b, "approximate", False) or round_amount(a.amount) or round_amount(b.amount)) \
            and abs(a.amount - b.amount) <= a.amount * Decimal("0.05"):
        return True  # (a round figure, as headlines write them, is as good as an approximate one: "up to $1 billion"
        # over "as much as $1.03 billion")
    lo, other = (a, b) if getattr(a, "lower_bound", False) else (b, a) if getattr(b, "lower_bound", False) else (None, None)
    return lo is not None and lo.amount <= other.amount <= lo.amount * Decimal("1.25")


_FAMILY = {"option": "license"}  # an option is on a licence: "an option-to-license agreement"


def _kinds(m: Mention) -> set[str]:
    """The deal words' kinds (licence, acquisition …) of a mention, without the generic ones (a deal keeps the
    union of its mentions' as ``DealState.kinds``)."""
    return {_FAMILY.get(c.kind, c.kind) for c in m.deal_cues if c.kind != "other"}


def _asset_owner(deals: list[DealState], last: DealState, m: Mention) -> DealState:
    """The deal a mention that names no company continues: the last one, unless the drugs it names are not the last
    deal's but an earlier deal's ("… following the 2022 licensing of B to Z. A also shows potential …": A's deal)."""
    mine = _assets_of(m)
    if not mine or mine & _assets_of(last) or not _assets_of(last):
        return last
    return next((d for d in reversed(deals[-8:]) if d is not last and mine & _assets_of(d)), last)  # (near ones)


def _other_company(heading: Mention, m: Mention) -> bool:
    """A sentence before ``m`` that names a company ``m`` does not, when ``m`` names two of its own, is about another
    company's drug ("The FDA granted Fast Track to Aoba's AOB-305." before "Kyoto University and Sakura began a
    collaboration"), no heading of ``m``'s deal."""
    mine = {p.ent for p in heading.parties if p.ent}
    theirs = {p.ent for p in m.parties if p.ent}
    return bool(mine - theirs) and len(theirs) >= 2 and not heading.bullet


def _heading_party(heading: Mention, m: Mention) -> bool:
    """A heading that names companies, each a party of ``m`` ("★ KG-77 | anti-TSLP antibody | handed back by Kaigen"
    over "The Osaka company has returned all rights to Valtrix …")."""
    mine = {p.ent for p in heading.parties if p.ent}
    return bool(mine) and mine <= {p.ent for p in m.parties if p.ent}


def _shares_drug(m: Mention, d: DealState) -> bool:
    """A drug of ``m`` is one of deal ``d``'s, once each name is cut into its parts ("HLX11（帕妥珠单抗）")."""
    return any(_same_drug(m, x) for x in d.mentions if x.assets)


def _same_drug(a: Mention, b: Mention) -> bool:
    """Two mentions name one drug, once each name is cut into its parts ("格樂替尼（HL-085）" and "格樂替尼")."""
    def parts(m: Mention) -> set[str]:
        return {p.strip().lower() for x in _assets_of(m) for p in _NAME_PARTS.split(x) if p.strip()}
    return bool(parts(a) & parts(b))


_NAME_PARTS = re.compile(r"[()（）,，/、]")


def _targets_of(x: DealState | Mention) -> set[str]:
    ms = x.mentions if isinstance(x, DealState) else [x]
    return {str(t.value) for m in ms for t in m.targets}


def _assets_of(x: DealState | Mention) -> set[str]:
    ms = x.mentions if isinstance(x, DealState) else [x]
    return {str(a.value) for m in ms for a in m.assets}


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")  # 2017, 2017年


def _years(m: Mention) -> set[str]:
    return {y for f in m.dates for y in _YEAR.findall(f.text)}


def _years_of(d: DealState) -> set[str]:
    return {y for m in d.mentions for y in _years(m)}


def absorb(d: DealState, m: Mention, terms_only: bool = False) -> None:
    """Adds mention ``m`` to deal ``d``: its terms always, its parties and amounts unless ``terms_only``."""
    d.mentions.append(m)
    d.kinds |= _kinds(m)
    d.last_sent = max(d.last_sent, m.sent)
    d.last_mention = max(d.last_mention, m.index)
    if terms_only:
        return
    both = {p.role for p in m.parties if p.role} >= {"licensor", "licensee"}
    for p in m.parties:  # a plain statement of roles with its terms overrides the weak reading of the same deal
        if p.ent and p.role and not p.weak and m.money:
            for r in [r for r in d.weak_roles if (d.roles.get(r) == p.ent) != (r == p.role)]:
                d.parties[d.roles.pop(r)] = None
                d.role_facts.pop(r, None)
                d.role_rules.pop(r, None)
                d.weak_roles.discard(r)
    for p in m.parties:
        if both and not p.role:
            continue  # bystanders in a clause whose roles are all taken
        if not p.ent:
            continue  # a descriptor with a role fills nothing by itself
        if p.ent not in d.parties:
            d.parties[p.ent] = None
            d.order.append(p.ent)
        if p.role and d.parties[p.ent] is None and p.role not in d.roles:
            _bind(d, p)
    for r in m.unnamed_roles:
        if r not in d.roles:
            d.unnamed.add(r)
    d.money.extend(m.money)
    for k, f, _ in m.money:
        if k in ("upfront", "total", "price?"):
            d.terms[_TERM.get(k, k)] = f.value  # the last amount of each kind, as compatible() compares


def _bind(d: DealState, p: PartyRef) -> None:
    """Party ``p`` of a mention takes its role in deal ``d`` (the deal has the party, without a role, and not the
    role): with the fact and frame that gave it, weak when the frame is."""
    assert p.role is not None
    d.parties[p.ent] = p.role
    d.roles[p.role] = p.ent
    d.role_facts[p.role] = p.fact
    d.role_rules[p.role] = p.rule
    if p.weak:
        d.weak_roles.add(p.role)

