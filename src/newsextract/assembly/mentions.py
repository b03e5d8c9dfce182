"""Stage 3 of assembly — mentions: a clause that carries a deal cue, an amount, a royalty, a target, an asset or
a status becomes a :class:`Mention`, its facts sorted into buckets; its amounts then get payment kinds (stage 4)
and its parties roles (stage 5)."""

from __future__ import annotations

import dataclasses
import re

from ..facts import Fact
from ..patterns import load_file
from .payments import PaymentKinds
from .roles import RoleBinder
from .types import Clause, EntityTable, Mention, PartyRef

__all__ = ["MentionBuilder", "inherit_subject", "split_ordinals", "split_parallel"]

#: fact label → the Mention list it goes to / the Mention flag it sets
_BUCKETS = {"deal": "deal_cues", "status": "status", "target": "targets", "modality": "modality", "asset": "assets",
            "territory": "territory", "royalty": "royalty", "date": "dates"}
_FLAGS = {"backref": "backref", "aggregate": "aggregate"}
#: kinds of an amount that, in a clause about many deals, sum them rather than state one deal's term
_TOTALS = frozenset({"total", "combined_total", "price?"})
#: aggregate rules that make every amount of their clause a sum (unless a frame binds both sides): averages, years
#: summed over, and a count of drugs handed to partners in the plural ("licensed 12 molecules to Western companies")
_SUMS_ALL = frozenset({"agg.summed", "agg.many_assets"})
#: deal cues that are only payment words (milestone, upfront, royalty; 里程碑, 首付款 …)
_PAYMENT_WORDS = frozenset({"deal.payment", "deal.zh_payment"})


class MentionBuilder:
    def __init__(self, lang: str, patterns_dir: str | None = None) -> None:
        self.payments = PaymentKinds(lang, patterns_dir)
        self.roles = RoleBinder(lang, patterns_dir)
        #: statistic words that only name a period ("in the third quarter"): no statistic in a clause about one deal
        cues = load_file(lang, "deal_cues", patterns_dir)
        po = cues.get("aggregate_period_only")
        self.period_only = re.compile(po, re.I) if po else None
        #: … nor when the period leads a clause whose subject is a company ("In Q4 alone, «P0» completed …")
        #: … nor in a clause with no amount (a language's data opts in)
        pa = cues.get("aggregate_period_no_amount")
        self.period_alone = re.compile(pa, re.I) if pa else None
        pl = cues.get("aggregate_period_lead")
        self.period_lead = re.compile(pl) if pl else None
        #: a payment word in the plural that sums to an amount ("with upfront payments totaling $1.6 billion"): in a
        #: clause about many deals, a sum over them
        ps = cues.get("aggregate_plural_sum")
        self.plural_sum = re.compile(ps, re.I) if ps else None

    def build(self, text: str, clause: Clause, ents: EntityTable, shared_cue: Fact | None = None) -> Mention | None:
        """The mention of one clause (None when it says nothing about a deal). ``shared_cue``: the payment word that
        ends the list this clause is an item of ("来自A的«M0»和B的«M1»首付款"): the kind of an amount with no cue."""
        m = Mention(clause.sent, clause.start, clause.end, block=clause.block, list_item=clause.list_item,
                    bullet=clause.bullet)
        orgs: list[Fact] = []
        one_deal = False  # the clause points at one agreement ("under this agreement")
        form_line = False  # a disclosure form's party line ("3. Counterparty: X"): about the deal the form discloses
        aggs: list[Fact] = []
        for f in clause.facts:
            lab = f.label
            if lab == "org" or lab == "unnamed":
                orgs.append(f)
            elif lab == "ref":
                if f.kind == "self" and ents.self_key:
                    f.extra["ent"] = ents.self_key
                    orgs.append(f)
                elif f.kind == "self" and f.extra.get("ent"):
                    orgs.append(f)  # "the company" in a news story: the company the entities stage found for it
                elif f.kind == "self" and ents.self_first and self.roles.self_unnamed is not None and \
                        self.roles.self_unnamed.fullmatch(f.text):
                    f.extra["unnamed_self"] = True  # 本公司 in a filing that never names itself: a party with no name
                    orgs.append(f)
                elif f.kind == "descriptor":
                    f.extra.setdefault("ent", None)  # the company it refers to, when the entities stage found one
                    orgs.append(f)
            elif lab in _FLAGS:
                setattr(m, _FLAGS[lab], True)
                one_deal = one_deal or f.rule == "ref.the_deal"
                form_line = form_line or f.rule == "ref.form_party"
                if lab == "aggregate":
                    aggs.append(f)
            elif lab in _BUCKETS:
                getattr(m, _BUCKETS[lab]).append(f)
        lead = self.period_lead is not None and self.period_lead.match(clause.masked) is not None
        # … nor in a clause whose subject is the filer itself ("the Company paid an upfront fee of $47.0 million in
        # the second quarter of 2022"): a filing dates its own deal's payment
        lead = lead or any(f.label == "unnamed" or f.label == "ref" and f.kind == "self" for f in orgs)
        if m.aggregate and (one_deal or lead) and self.period_only is not None and all(
                self.period_only.fullmatch(f.text.strip()) for f in aggs):
            m.aggregate = False  # "an upfront payment under this agreement … during the third quarter": one deal's
        money_end = max((f.end for f in clause.facts if f.label == "money"), default=-1)
        if m.aggregate and money_end < 0 and self.period_alone is not None and all(
                self.period_alone.fullmatch(f.text.strip()) for f in aggs):
            m.aggregate = False  # a period alone, with no amount, sums nothing ("JS-0718 … 预计明年上半年解盲"): the
            # clause may still name the deal's drug and targets
        if m.aggregate and one_deal and 0 <= money_end < min(f.start for f in aggs):
            # "The deal includes an upfront payment of $500 million, which is large compared with its previous 14
            # out-licensing agreements": the many deals come after this one's term, as a comparison
            m.aggregate = False
        self.payments.assign(text, m, clause.facts, shared_cue)
        # "Halvex earned a $30 million milestone from partner Lilly when the first patient was dosed", "recognized $12
        # million of milestone revenue from its partner X": a payment word whose only amounts are no deal term (a
        # payment made or due, revenue) reports money under an existing deal; it may tell that deal's sides, but no
        # deal rests on it alone (records.py)
        m.paid = not m.money and bool(m.deal_cues) and all(c.rule in _PAYMENT_WORDS for c in m.deal_cues) and any(
            f.label == "money" and f.kind != "conversion" and f.value.amount >= 1000 for f in clause.facts)
        if not (m.deal_cues or m.money or m.royalty or m.targets or m.assets or any(s.kind != "not_bd" for s in m.status)
                or (m.bullet or form_line) and orgs):
            return None  # (a loan or a grant alone says nothing about a deal: status.not_bd only vetoes one)
        m.form_line = form_line and bool(orgs)
        self.roles.bind(text, m, clause, orgs, ents)
        # a verb that gives both sides their roles ("X transferred the technology of A to Y") states a deal
        m.framed = {"licensor", "licensee"} <= {p.role for p in m.parties if p.role and p.ent and not p.weak}
        if not m.framed and any(s.rule in ("status.not_bd", "status.zh_not_bd") for s in m.status) and all(
                c.kind == "other" for c in m.deal_cues):
            m.money = []  # the amounts of a loan, a grant or a government contract are no deal's terms ("a term loan
            # facility of up to $50 million …, of which $15 million was drawn at closing")
        if m.aggregate and not m.acq_frame and not any(s.kind == "in_discussion" for s in m.status):
            # "nine deals valued at $20 billion": no deal's total; but talks on several transactions are one deal in
            # the making, and its potential value is the one it reports
            m.money = [x for x in m.money if x[0] not in _TOTALS and not _summed(text, x[1]) and not (
                not m.framed and self.plural_sum is not None and (cue := x[1].extra.get("cue")) is not None and
                cue.end <= x[1].start and self.plural_sum.fullmatch(text, cue.start, x[1].start))]
            if not m.framed and any(f.rule in _SUMS_ALL for f in aggs):
                m.money = []  # "an average upfront of $72 million", "since their first deal in 2022": sums all
        return m


#: a payment word summed over many deals ("four out-licensing agreements … with aggregate upfront receipts of")
_SUMMED = re.compile(r"\b(?:aggregate|aggregated|cumulative|combined|total)\s+$", re.I)


def _summed(text: str, money: Fact) -> bool:
    """The amount's payment word says it is a sum (in a clause about many deals)."""
    cue = money.extra.get("cue")
    return cue is not None and _SUMMED.search(text, max(0, cue.start - 14), cue.start) is not None


#: the other side of a deal's two roles
_OTHER_SIDE = {"licensor": "licensee", "licensee": "licensor"}


def inherit_subject(first: Mention, item: Mention) -> None:
    """A later item of a list of deals shares the first item's subject ("Daewoong … a drug for «M1» to M8, and a
    drug for «M2» to Zydus"; "Lilly purchased Scorpion for «M1», and SiteOne for «M2»"): the item's own company
    takes the role of the first item's later company, the first item's subject is added with its role, and the
    item is a deal of the same kind."""
    ents = {p.ent for p in item.parties}
    held = sorted((p for p in first.parties if p.role and p.ent and p.ent not in ents), key=lambda p: p.fact.start)
    own = [p for p in item.parties if p.ent and not p.role]
    if len({p.ent for p in own}) >= 2 and not any(p.role for p in item.parties):
        return  # "…, while Kailera's deal with Hengrui carried «M1»": an item that names both its companies
    if len(own) == 1 and not any(p.role for p in item.parties) and not item.unnamed_roles and (
            len(held) == 2 or len(held) == 1 and held[0].fact.extra.get("prep")):
        # in the place of the first item's object ("… to X and B to Y": Y, not X, is this item's licensee)
        own[0].role, own[0].rule = held[-1].role, "role.list_item"
        if len(held) == 1:
            held = []
    have = {p.role for p in item.parties if p.role} | item.unnamed_roles
    if have and held and not any(p.ent and not p.role for p in item.parties):
        # the item's own verb gave its company a role ("…, and last year signed a deal with Y worth «M1»"): it
        # shares the first item's subject only, in the role its own verb leaves (not the first item's object)
        first_subject = held[0]
        role = first_subject.role if first_subject.role not in have else _OTHER_SIDE.get(first_subject.role or "")
        held = [] if role is None or role in have else [PartyRef(first_subject.ent, role, first_subject.fact)]
    for p in held:
        if p.role not in have:
            item.parties.append(PartyRef(p.ent, p.role, p.fact, "role.list_subject"))
            have.add(p.role)
    if not item.deal_cues and (item.money or any(p.rule == "role.list_item" for p in item.parties)) and first.dealish:
        item.deal_cues = list(first.deal_cues)
        item.acq_frame = item.acq_frame or first.acq_frame
        item.listed_deal = True


def distribute_respectively(items: list[Mention]) -> None:
    """'X out-licensed A to Y and B to Z, for «M0» and «M1» upfront respectively': the list of amounts the last
    item holds gives one amount to each item, in order, all of the kind the list's cue gives (its last amount's)."""
    if len(items) < 2 or len(items[-1].money) != len(items) or any(m.money for m in items[:-1]):
        return
    run = sorted(items[-1].money, key=lambda x: x[1].start)
    kind = run[-1][0]
    items[-1].money = []
    for m, (_, f, rule) in zip(items, run, strict=True):
        m.money = [(kind, f, rule)]


#: words that point at the first / the second of two things named before them
_FORMER = frozenset({"前者", "the former", "The former"})
_LATTER = frozenset({"后者", "後者", "the latter", "The latter"})
#: what separates the items of a list of drugs
_ITEM_SEP = re.compile(r"与|與|和|及|、|,|\band\b|&")


def split_ordinals(text: str, m: Mention) -> list[Mention]:
    """'翰森制药将HS-20089与HS-20093授权给GSK，前者首付款«M0»、里程碑«M1»，后者首付款«M2»…' ('A and B …, the former for
    «M0», the latter for «M1»'): two drugs, then terms for the former and for the latter, make one mention per drug
    with its terms and targets; the two words are no companies here."""
    former = [p for p in m.parties if p.fact.text in _FORMER]
    latter = [p for p in m.parties if p.fact.text in _LATTER]
    assets = sorted(m.assets, key=lambda f: f.start)
    if len(assets) != 2 or not former or not latter or not m.money:
        return [m]
    a, b = former[0].fact.start, latter[0].fact.start
    money = sorted(m.money, key=lambda x: x[1].start)
    if not (assets[1].end <= a < b) or money[0][1].start < a or not any(f.start > b for _, f, _ in money) \
            or not any(a < f.start < b for _, f, _ in money):
        return [m]
    parties = [p for p in m.parties if p not in former and p not in latter]
    # between the two drugs, a target before the list separator is the first drug's ("HS-20093 (B7-H3) and …"),
    # one after it the second's ("B7-H4 ADC HS-20089与B7-H3 ADC HS-20093")
    sep = _ITEM_SEP.search(text, assets[0].end, assets[1].start)
    cut = sep.start() if sep is not None else assets[1].start
    out = []
    for i, asset in enumerate(assets):
        lo, hi = (a, b) if i == 0 else (b, m.end)
        terms = [x for x in money if lo <= x[1].start < hi]
        targets = [t for t in m.targets if (t.start < cut if i == 0 else cut <= t.start < a)]
        out.append(dataclasses.replace(m, parties=[dataclasses.replace(p) for p in parties], money=terms,
                                       assets=[asset], targets=targets))
    return out


def split_parallel(m: Mention, facts: list[Fact]) -> list[Mention]:
    """'A, B and C received upfront payments of «M0», «M1» and «M2» from D, E and F respectively', 'A and B paid C and D
    «M0» and «M1» upfront, respectively': as many companies in each of two lists as amounts make one mention per place
    in the lists, each with its two companies (in the roles the clause's frame gave the two lists) and its amount (of
    the kind of the list's cue)."""
    amounts = sorted((f for f in facts if f.label == "money" and f.kind != "conversion"), key=lambda f: f.start)
    if len(amounts) < 2 or not m.money:
        return [m]
    pairs = _parallel_pairs(m, amounts, len(amounts))
    if pairs is None:
        return [m]
    kind, _, rule = min(m.money, key=lambda x: x[1].start)
    return [dataclasses.replace(m, parties=pair, money=[(kind, amount, rule)], assets=[], targets=[])
            for pair, amount in zip(pairs, amounts, strict=True)]


def _parallel_pairs(m: Mention, amounts: list[Fact], n: int) -> list[list[PartyRef]] | None:
    """Two lists of ``n`` companies each, one before the amounts and one after them, or both before them (one list
    right after the other), whose frame gave each list one role: the ``n`` pairs of companies, in order."""
    named = sorted((p for p in m.parties if p.ent), key=lambda p: p.fact.start)
    before = [p for p in named if p.fact.end <= amounts[0].start]
    after = [p for p in named if p.fact.start >= amounts[-1].end]
    if len(before) == 2 * n and not after:
        before, after = before[:n], before[n:]
    elif not before and len(after) == 2 * n:
        before, after = after[:n], after[n:]
    ents = {p.ent for p in before + after}
    if len(before) == 1 and len(after) == n and len(ents) == n + 1:
        before = before * n  # one company on one side of all the deals ("A licensed X and Y to B and C, respectively")
    elif len(before) == n and len(after) == 1 and len(ents) == n + 1:
        after = after * n
    elif len(before) != n or len(after) != n or len(ents) != 2 * n:
        return None
    rb = {p.role for p in before if p.role}
    ra = {p.role for p in after if p.role}
    if len(rb) != 1 or len(ra) != 1 or rb == ra:
        return None
    role_b, role_a = rb.pop(), ra.pop()
    return [[dataclasses.replace(b, role=role_b, rule=b.rule or "role.respectively"),
             dataclasses.replace(a, role=role_a, rule=a.rule or "role.respectively")]
            for b, a in zip(before, after, strict=True)]


def split_respectively(m: Mention, facts: list[Fact]) -> list[Mention]:
    """'HS-20093 (B7-H3) and HS-20089 (B7-H4), upfront payments respectively «M0» and «M1»': as many amounts as
    assets in one clause that says 'respectively' make one mention per asset, each with its amount (of the kind
    the list's cue gives) and the targets named after it; the parties are shared."""
    amounts = sorted((f for f in facts if f.label == "money" and f.kind != "conversion"), key=lambda f: f.start)
    assets = sorted(m.assets, key=lambda f: f.start)
    if len(assets) < 2 or len(amounts) != len(assets) or not m.money:
        return [m]
    kind, _, rule = m.money[-1]
    # (two lists of as many companies, one role each: each drug goes between the companies at its place, "A and B
    # licensed X and Y to C and D, respectively")
    pairs = _parallel_pairs(m, assets, len(assets))
    out = []
    for i, (asset, amount) in enumerate(zip(assets, amounts, strict=True)):
        end = assets[i + 1].start if i + 1 < len(assets) else m.end
        targets = [t for t in m.targets if t.start < assets[0].start or asset.start <= t.start < end]
        parties = pairs[i] if pairs is not None else [dataclasses.replace(p) for p in m.parties]
        out.append(dataclasses.replace(m, parties=parties, money=[(kind, amount, rule)], assets=[asset],
                                       targets=targets))
    return out

