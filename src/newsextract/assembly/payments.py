"""Stage 4 of assembly — payment kinds: every amount of a clause takes the kind of the cue it is tied to
("upfront payment of $25M", "$571M in milestone payments"), within the gaps ``patterns/<lang>/payments.yml``
(section ``attach``) allows; amounts tied to non-deal cues (revenue, share price …) are dropped."""

from __future__ import annotations

import bisect
import re
from typing import Any

from ..facts import Fact
from ..patterns import load_file
from .types import Mention

__all__ = ["PaymentKinds"]

#: payment kinds more specific than a total: named after an amount, they win over a total word before it
_SPECIFIC = frozenset({"milestone", "milestone_part", "upfront", "near_term", "equity", "exercise_fee"})


def _rx(att: dict[str, Any], key: str, flags: int = re.I) -> re.Pattern[str] | None:
    return re.compile(att[key], flags) if att.get(key) else None


_DIGIT = re.compile(r"\d")
#: a perfect tense of receiving: what was received, not what may be
_PERFECT_RECEIVED = re.compile(r"\b(?:had|has|have)\s+(?:(?:already|so far|to date|previously|also|now|thus far)\s+)?"
                               r"(?:received|earned|collected|recogni[sz]ed|been paid|paid)\b[^.;]{0,50}$")
#: what joins the two ends of a range of amounts
_RANGE_GAP = re.compile(r"\s*(?:to|-|–|—|~|至|到)\s*")
_BETWEEN = re.compile(r"(?i)\bbetween\s+$")

#: an upfront named before a ceiling: the ceiling is what may come beyond it
_UPFRONT_WORD = re.compile(r"(?i)\bup-?\s?front\b|\binitial\s+(?:payment|fee)\b|\bsigning\s+fee\b")
#: a total word that only sums the payment words before it
#: the separator of two amounts of one list, and the word after a list's last amount that makes its amounts parallel
#: ("revenue of $12.3 million and $8.1 million, respectively, under the X agreement": both revenue)
_LIST_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
#: (… or later in its clause, after the periods the amounts are of: "revenue of $12.3 million and $8.1 million under
#: the X agreement for the years ended December 31, 2025 and 2024, respectively"; no other amount between)
_RESPECTIVELY = re.compile(r"(?:[^.;\n$€£¥]|\.(?=\d)){0,120}?,?\s*respectively\b", re.I)
_BARE_TOTAL = re.compile(r"(?i)total(?:l)?ing|amounting to|in total|in aggregate")


#: compiled ``unless_before`` regexes of payment cues
_UNLESS: dict[str, re.Pattern[str]] = {}


class PaymentKinds:
    """Attaches amounts to payment cues within one clause."""

    def __init__(self, lang: str, patterns_dir: str | None = None) -> None:
        att = load_file(lang, "payments", patterns_dir).get("attach", {})
        self.left_gap = re.compile(att.get("left_gap", r"^\s*$"), re.I)
        self.right_gap = re.compile(att.get("right_gap", r"^\s*$"), re.I)
        self.max_left = int(att.get("max_left", 60))
        self.max_right = int(att.get("max_right", 40))
        #: a cue before a comma is farther from the amount after it than its characters say ("19.9% equity stake,
        #: up to $5.75B in milestones": the amount is the milestones')
        self.left_comma_penalty = int(att.get("left_comma_penalty", 0))
        #: … and a cue after a comma is farther from the amount before it ("milestones of up to $865 million, for a
        #: total potential deal value of $900 million": the amount is the milestones')
        self.right_comma_penalty = int(att.get("right_comma_penalty", 0))
        self.history = _rx(att, "history")
        self.history_after = _rx(att, "history_after")
        self.empty_brackets = _rx(att, "empty_brackets", 0)
        self.price_before = _rx(att, "price_before", 0)
        self.price_per_share_after = _rx(att, "price_per_share_after", 0)
        self.price_paid_before = _rx(att, "price_paid_before")
        self.price_to_buy_after = _rx(att, "price_to_buy_after")
        self.price_for_company = _rx(att, "price_for_company")
        self.price_for_rights_after = _rx(att, "price_for_rights_after")
        self.pay_up_to_before = _rx(att, "pay_up_to_before", 0)
        self.paid_now_before = _rx(att, "paid_now_before", 0)
        self.milestones_after_upfront = _rx(att, "milestones_after_upfront")
        self.paid_now_after = _rx(att, "paid_now_after")
        self.price_for_royalty_after = _rx(att, "price_for_royalty_after")
        self.price_codevelop_after = _rx(att, "price_codevelop_after")
        self.price_codevelop_payee_before = _rx(att, "price_codevelop_payee_before", 0)
        self.price_codevelop_payee_after = _rx(att, "price_codevelop_payee_after", 0)
        self.price_got_before = _rx(att, "price_got_before")
        self.whole_before = _rx(att, "whole_before")
        self.whole_after = _rx(att, "whole_after")
        self.history_apart = _rx(att, "history_apart")
        self.exercise_on_after = _rx(att, "exercise_on_after")
        self.history_strong_before = _rx(att, "history_strong_before")
        self.history_strong_after = _rx(att, "history_strong_after")
        self.threshold_after = _rx(att, "threshold_after")
        self.threshold_noun_after = _rx(att, "threshold_noun_after")
        self.threshold_before = _rx(att, "threshold_before")
        self.threshold_deal_after = _rx(att, "threshold_deal_after", 0)
        self.whole_not_after = _rx(att, "whole_not_after")
        self.whole_not_subject = _rx(att, "whole_not_subject")
        self.kind_after_gap = _rx(att, "kind_after_gap")
        self.milestone_general = _rx(att, "milestone_general", 0)
        #: "two milestone payments of $7.0 million each": the amount of one payment of several, no ceiling
        self.per_item_after = _rx(att, "per_item_after")
        #: "paid Deciphera an upfront fee and two milestone payments of $7.0 million": a count of payments made
        self.history_counted = _rx(att, "history_counted")
        #: a sum of payments already received or made ("had received upfront and milestone payments totaling",
        #: 已收到…首付款及里程碑付款合计): history, not the deal's total
        self.history_total_before = _rx(att, "history_total_before")
        self.total_of_market_before = _rx(att, "total_of_market_before")
        self.single_payment_before = _rx(att, "single_payment_before")
        self.single_article = _rx(att, "single_article")
        self.ceiling_words = _rx(att, "ceiling_words")
        self.ceiling_words_one = _rx(att, "ceiling_words_one")
        #: an option exercise fee that is paid only if the option is exercised ("If BI exercises the option, it will
        #: pay an exercise fee of €75 million"): no term of the deal as signed (the cue says exercise, the clause if)
        self.exercise_cue = _rx(att, "exercise_cue")
        self.exercise_if_before = _rx(att, "exercise_if_before")
        self.exercise_if_after = _rx(att, "exercise_if_after")
        self.exercise_now_before = _rx(att, "exercise_now_before")
        self.generic_total = _rx(att, "generic_total", 0)
        #: a bare milestone word after an amount yields to the milestone part named before it in the same clause part
        #: ("在达成开发及注册里程碑后支付合计不超过3,800万美元的里程碑款": the development part)
        self.bare_milestone = _rx(att, "bare_milestone", 0)

    def assign(self, text: str, m: Mention, facts: list[Fact], shared: Fact | None = None) -> None:
        """Adds ``(kind, money fact, cue rule)`` to ``m.money`` for each amount of the clause that is a deal term;
        ``shared``: the cue of an amount that has none of its own (a list's closing payment word)."""
        monies = [f for f in facts if f.label == "money" and f.kind != "conversion"]
        if not monies:
            return
        cues = sorted((f for f in facts if f.label == "pay" and not self._unless(text, m, f)),
                      key=lambda f: f.start)  # stable: file order kept
        bounds = sorted((x.start, x.end) for x in monies)
        convs = [(x.start, x.end) for x in facts if x.label == "money" and x.kind == "conversion"]
        near = _Near(cues, bounds, convs, self.max_left, self.max_right)
        orgs = [x.start for x in facts if x.label == "org"]
        levels = {id(mf) for mf in monies if self._level(text, mf)}
        # a range of amounts ("$50 million to $100 million upfront", "between $1 billion and $2 billion") is a
        # typical level, a view, no deal's term: deals state their sums, or a ceiling
        ordered = sorted(monies, key=lambda x: x.start)
        for a, b in zip(ordered, ordered[1:], strict=False):
            if b.start - a.end <= 6 and (_RANGE_GAP.fullmatch(text, a.end, b.start) or text[a.end:b.start].strip() == "and"
                                         and _BETWEEN.search(text, max(0, a.start - 9), a.start)) and (
                    a.value.currency == b.value.currency and a.value.amount < b.value.amount):
                levels.update((id(a), id(b)))
        terms = [mf for mf in monies if id(mf) not in levels]
        # the later amounts of a list that 'respectively' closes share its first amount's cue (a word after the list
        # names no kind of its last amount alone)
        first_of: dict[int, Fact] = {}
        run: list[Fact] = []
        for a in ordered + [None]:  # type: ignore[list-item]
            if a is not None and run and _LIST_SEP.fullmatch(text, run[-1].end, a.start):
                run.append(a)
                continue
            if len(run) >= 2 and _RESPECTIVELY.match(text, run[-1].end):
                first_of.update((id(x), run[0]) for x in run[1:])
            run = [a] if a is not None else []
        chosen: dict[int, Fact | None] = {}
        for mf in monies:
            mm = mf.value
            if mm.amount < 1000 and not mm.scaled and mm.header_scale == 1:
                continue  # "$38.25" on its own is a share price, not a deal term
            if mm.lower_bound and self.threshold_after is not None and self.threshold_after.match(text[mf.end:mf.end + 24]):
                continue  # "deals with an upfront over $100 million": a threshold, no deal's term
            if id(mf) in levels:
                continue  # "surpassing the $200 million threshold", "Iqirvo tops $200M": a sales level, no term
            best = self._nearest_cue(text, mf, near.cues_around(mf), near, convs) or shared
            head = first_of.get(id(mf))
            if head is not None and chosen.get(id(head)) is not None:
                best = chosen[id(head)]
            chosen[id(mf)] = best
            if best is None:
                if self._for_rights(text, mf):
                    m.money.append(("total" if mm.upper_bound else "upfront", mf, "pay.for_rights"))
                elif not mm.upper_bound and self._for_codevelop(text, mf):
                    m.money.append(("upfront", mf, "pay.for_codevelop"))
                elif self._paid_for(self.price_for_royalty_after, text, mf) or self._paid_in_takeover(text, mf, facts):
                    m.money.append(("price?", mf, "pay.for_price"))
                elif self._exercise_fee(text, m, mf):
                    m.money.append(("upfront", mf, "pay.exercise_fee"))
                elif self._is_price(text, mf, orgs):
                    m.money.append(("price?", mf, "pay.for_price"))
                elif self._is_whole(text, mf):
                    m.money.append(("total", mf, "pay.whole_by_context"))
                elif mm.upper_bound and self.pay_up_to_before is not None and self.pay_up_to_before.search(
                        text[max(0, mf.start - 60):mf.start]):
                    # "Lilly agreed to pay Laekna up to $500 million to develop …": the most one side may pay the
                    # other, with no payment word, is the deal's whole value; after an upfront just told ("paid the
                    # upfront fee of $12.5 million. In addition, it is obligated to pay X up to $144.0 million"), what
                    # may come beyond it is the milestones
                    after_upfront = _UPFRONT_WORD.search(text, max(0, mf.start - 250), mf.start) is not None
                    m.money.append(("milestone" if after_upfront else "total", mf, "pay.whole_up_to"))
                elif not mm.upper_bound and self.paid_now_before is not None and self.paid_now_after is not None and \
                        self.paid_now_before.search(text, max(0, mf.start - 60), mf.start) and \
                        self.paid_now_after.match(text, mf.end, min(len(text), mf.end + 80)):
                    m.money.append(("paid?", mf, "pay.paid_now"))  # the upfront beside milestones (below), else none
                continue
            kind = best.kind
            if kind == "royalty_money" and self.whole_before is not None and self.whole_before.search(
                    text[max(0, mf.start - 80):mf.start]):
                # "a deal … that could generate £860 million in royalty payments and other income": what the deal
                # could bring in all, not one royalty payment
                m.money.append(("total", mf, "pay.whole_by_context"))
                continue
            if kind in ("nondeal", "per_share", "royalty_money"):
                continue
            if kind == "total" and self._sums_nondeal(best, cues, m):
                continue  # "net losses over three years, totaling $194.9 million"
            if kind == "total" and self.total_of_market_before is not None and self.total_of_market_before.search(
                    text[max(m.start, best.start - 120):best.start]):
                continue  # "the global obesity drug market could be worth $150 billion": a market's size, no deal's
            if kind in ("total", "combined_total") and not mf.value.upper_bound and self.history_total_before is not None and \
                    self.history_total_before.search(text, max(m.start, mf.start - 100), mf.start):
                continue  # "the Company had received upfront and milestone payments totaling $120.0 million"
            if kind in ("milestone", "milestone_part") and (self._is_history(text, m, mf, best, monies)
                                                            or self._single_payment(text, m, mf, terms)
                                                            or self.per_item_after is not None
                                                            and self.per_item_after.match(text, mf.end, m.end)):
                continue  # "received a $45 million milestone": a payment made, not a ceiling
            if self.exercise_on_after is not None and self.exercise_on_after.match(text, mf.end, min(m.end, mf.end + 40)):
                continue  # "… and would pay $50 million more on exercise": a fee paid only if the option is exercised
            if kind in ("upfront", "exercise_fee") and self.exercise_cue is not None and self.exercise_cue.search(best.text) and (
                    self.exercise_if_before is not None and self.exercise_if_before.search(
                        text, max(m.start, mf.start - 160), mf.start)
                    or self.exercise_if_after is not None and self.exercise_if_after.match(
                        text, mf.end, min(m.end, mf.end + 160, _next_start(monies, mf)))):
                continue  # a fee paid only if the option is exercised
            if kind == "combined_upfront":
                m.warnings.append(f"'{best.text}' stated as one figure: read as upfront")
            m.money.append((kind, mf, best.rule))
            mf.extra["cue"] = best
        for i, (k, f, r) in enumerate(m.money):
            cue = f.extra.get("cue")
            if k == "total" and cue is not None and cue.extra.get("sub") and cue.end <= f.start:
                # a sum word after the terms it sums (a rule's ``sub``: "…里程碑付款，合计最高15亿美元" beside an upfront is the
                # deal's whole value): after amounts of that kind alone, it sums them ("…销售里程碑，合计最高8亿美元")
                before = {k2 for k2, f2, _ in m.money if f2.end <= cue.start}
                if before and before <= {cue.extra["sub"], cue.extra["sub"] + "_part"}:
                    m.money[i] = (cue.extra["sub"], f, r)
            if k == "total" and cue is not None and self.milestones_after_upfront is not None and \
                    self.milestones_after_upfront.search(cue.text) and (any(
                        k2 in ("upfront", "combined_upfront") and f2.end <= f.start for k2, f2, _ in m.money)
                                                                        or _upfront_in_sentence_before(text, f.start)):
                m.money[i] = ("milestone", f, r)  # "$45 million upfront and up to $620 million in biobucks"
        kinds = {k for k, _, _ in m.money}
        if "price?" in kinds and any(f.label == "deal" and f.kind == "option" for f in facts):
            # "granted Y an exclusive option to license TB-7 for $10 million": the price of an option is paid now
            m.money = [("upfront", f, r) if k == "price?" and not f.value.upper_bound else (k, f, r)
                       for k, f, r in m.money]
            kinds = {k for k, _, _ in m.money}
        if kinds & {"milestone", "milestone_part"} and not kinds & {"upfront", "combined_upfront"}:
            # "sell its drug to Novartis for $3.4 billion and milestone payments of up to $1 billion": a fixed price
            # beside milestones is what is paid now ("for up to $950 million, comprising …" stays the total)
            m.money = [("upfront", f, r) if k in ("price?", "paid?") and not f.value.upper_bound else (k, f, r)
                       for k, f, r in m.money]
        m.money = [x for x in m.money if x[0] != "paid?"]

    def _gap(self, text: str, x: int, y: int, convs: list[tuple[int, int]]) -> str:
        g = text[x:y]
        for s, e in reversed(convs):
            if x <= s and e <= y:
                g = g[: s - x] + g[e - x:]
        return self.empty_brackets.sub(" ", g) if self.empty_brackets is not None else g

    def _nearest_cue(self, text: str, mf: Fact, cues: list[Fact], near: _Near,
                     convs: list[tuple[int, int]]) -> Fact | None:
        best: tuple[float, Fact] | None = None
        right: tuple[float, Fact] | None = None
        left: tuple[float, Fact] | None = None
        for c in cues:
            if c.start < mf.start < c.end <= mf.end:
                # "upfront payment of" and "of up to $1.25 billion" share their "of": the cue ends where the amount begins
                c = Fact(c.start, mf.start, c.label, c.kind, c.value, c.rule, c.text[: mf.start - c.start], c.extra)
            if c.end <= mf.start:
                if c.extra.get("attach") == "right" or near.amount_between(c.end, mf.start):
                    continue
                gap = self._gap(text, c.end, mf.start, convs)
                if len(gap) > self.max_left or not self.left_gap.match(gap):
                    continue
                score = len(gap) + 2 + (self.left_comma_penalty if "," in gap or "，" in gap else 0)
                if c.extra.get("leads") and not gap.strip():
                    score = 0  # a cue marked so, right before its amount ("the rest of the up to $1.1 billion tied
                    # to … goals"): before any cue after it
                if left is None or score < left[0]:
                    left = (score, c)
            elif mf.start <= c.start and c.end <= mf.end and not _DIGIT.search(text, mf.start, c.end):
                score = 1  # a cue the amount's leading words hold ("potentially up to $22 billion")
            elif c.start >= mf.end:
                if c.extra.get("attach") == "left" or near.amount_between(mf.end, c.start):
                    continue
                gap = self._gap(text, mf.end, c.start, convs)
                if len(gap) > self.max_right or not self.right_gap.match(gap):
                    continue
                score = len(gap) + (self.right_comma_penalty if "," in gap or "，" in gap else 0)
                if right is None or score < right[0]:
                    right = (score, c)
            else:
                continue
            if best is None or score < best[0]:
                best = (score, c)
        if best and best[1].kind == "total" and _BARE_TOTAL.fullmatch(best[1].text):
            # "an upfront payment and certain additional payments totaling $28 million": 'totaling' sums what the
            # payment words right before it name
            named = [c for c in cues if c.end <= best[1].start and best[1].start - c.end <= 2 and c.kind != "total"]
            if named:
                return named[-1]
        if best and left and best[1] is not left[1] and best[1].kind == "total" and left[1].kind in _SPECIFIC and (
                best[1].start >= mf.end and _BARE_TOTAL.fullmatch(best[1].text.strip())
                and not re.search(r"[,，;]", text[left[1].end:mf.start])):
            return left[1]  # "sales milestones of up to JPY 5,000 million in aggregate": the kind named before it
        if best and left and best[1] is not left[1] and best[1].kind == "milestone" and left[1].kind == "milestone_part" and (
                self.bare_milestone is not None and best[1].start >= mf.end
                and self.bare_milestone.fullmatch(best[1].text.strip())
                and not re.search(r"[,，;；。]", text[left[1].end:mf.start])):
            return left[1]
        if best and right and best[1] is not right[1] and best[1].kind == "total" and right[1].kind in _SPECIFIC and (
                self.kind_after_gap is None or self.kind_after_gap.match(self._gap(text, mf.end, right[1].start, convs))):
            return right[1]  # "worth up to $975 million in … milestones": the kind named after the amount
        return best[1] if best else None

    def _sums_nondeal(self, cue: Fact, cues: list[Fact], m: Mention) -> bool:
        """A generic total word whose nearest cue before it, in the clause, names something other than a deal."""
        if self.generic_total is None or not self.generic_total.match(cue.text.strip()):
            return False
        before = [c for c in cues if c.end <= cue.start and c.start >= m.start and cue.start - c.end <= 100]
        return bool(before) and before[-1].kind == "nondeal"

    def _is_price(self, text: str, mf: Fact, orgs: list[int]) -> bool:
        """An acquisition price: "acquire X for $1.1 billion", "paid $1.1 billion to buy X", "paid $43 billion
        for Seagen" (a company named right after "for")."""
        if self.price_before is None:
            return False
        before = text[max(0, mf.start - 24):mf.start].lower()
        if not self.price_before.search(before) and not self._paid_to_buy(text, mf, orgs):
            return False
        return not (self.price_per_share_after is not None and self.price_per_share_after.search(text[mf.end:mf.end + 12]))

    def _unless(self, text: str, m: Mention, cue: Fact) -> bool:
        """The cue's ``unless_before`` regex matches the clause before it: no cue here."""
        rx = cue.extra.get("unless_before")
        if not rx:
            return False
        return _UNLESS.setdefault(rx, re.compile(rx, re.I)).search(text, m.start, cue.start) is not None

    def _for_rights(self, text: str, mf: Fact) -> bool:
        """A price paid for rights or a licence: "paid Amgen $20 million for the Greater China rights"."""
        return self._paid_for(self.price_for_rights_after, text, mf)

    def _for_codevelop(self, text: str, mf: Fact) -> bool:
        """An amount handed to a named other to develop or sell a drug with it: "handed Kelvara $15 million to
        co-develop KV-77", "gave $15 million to Kelvara to jointly develop it" (not "spent $15 million to co-develop")."""
        after = text[mf.end:mf.end + 120]
        if self.price_codevelop_after is None or not self.price_codevelop_after.match(after):
            return False
        return bool(self.price_codevelop_payee_after is not None and self.price_codevelop_payee_after.match(after)
                    and self.price_paid_before is not None
                    and self.price_paid_before.search(text, max(0, mf.start - 40), mf.start)
                    or self.price_codevelop_payee_before is not None
                    and self.price_codevelop_payee_before.search(text, max(0, mf.start - 60), mf.start))

    def _paid_for(self, after: re.Pattern[str] | None, text: str, mf: Fact) -> bool:
        """A payment verb before the amount and what it buys (``after``) right after it."""
        if after is None or not after.match(text[mf.end:mf.end + 120]):
            return False
        before = text[max(0, mf.start - 40):mf.start]
        return bool(self.price_paid_before is not None and self.price_paid_before.search(before)
                    or self.price_got_before is not None and self.price_got_before.search(before))

    def _paid_in_takeover(self, text: str, mf: Fact, facts: list[Fact]) -> bool:
        """An amount a payment verb pays in a clause about a takeover ("completed its tender offer for X, paying
        $1.1 billion in cash"): its price."""
        # (the payment verb first: a look at 40 characters, where the deal words are all the clause's facts)
        return bool(self.price_paid_before is not None
                    and self.price_paid_before.search(text[max(0, mf.start - 40):mf.start])
                    and not (self.price_per_share_after is not None and self.price_per_share_after.search(
                        text[mf.end:mf.end + 12]))
                    and any(f.label == "deal" and f.kind == "acquisition" and f.end <= mf.start for f in facts))

    def _exercise_fee(self, text: str, m: Mention, mf: Fact) -> bool:
        """An amount with no payment word in a sentence that reports an option's exercise: its fee, paid now ("By
        exercising the option, Merck will pay Kelun $50 million"); not one paid only if the option is exercised."""
        if self.exercise_now_before is None or mf.value.upper_bound:
            return False
        before = text[max(0, mf.start - 140):mf.start]
        if not self.exercise_now_before.search(before):
            return False
        if self.price_per_share_after is not None and self.price_per_share_after.search(text[mf.end:mf.end + 12]):
            return False  # "$150 million per program"
        return not (self.exercise_if_before is not None and self.exercise_if_before.search(before))

    def _is_whole(self, text: str, mf: Fact) -> bool:
        """A deal's whole value with no payment word: "could bring the developer as much as $4.4 billion",
        "eligible to receive up to $1.04B, including an upfront payment of $300M …"."""
        if self.whole_after is not None and self.whole_after.match(text, mf.end, mf.end + 40):
            return True
        if self.whole_not_after is not None and self.whole_not_after.match(text, mf.end, mf.end + 4):
            return False  # "could earn up to $1.05 billion in option exercise and milestone payments": the kind follows
        if self.whole_not_subject is not None and self.whole_not_subject.search(text[max(0, mf.start - 140):mf.start]):
            return False  # "the market for oral peptide drugs could reach $15 billion": a market, no deal's worth
        return self.whole_before is not None and bool(self.whole_before.search(text[max(0, mf.start - 80):mf.start]))

    def _paid_to_buy(self, text: str, mf: Fact, orgs: list[int]) -> bool:
        if self.price_paid_before is None or not self.price_paid_before.search(text[max(0, mf.start - 40):mf.start]):
            return False
        if self.price_to_buy_after is not None and self.price_to_buy_after.match(text[mf.end:mf.end + 40]):
            return True
        org = next((o for o in orgs if mf.end < o <= mf.end + 50), None)
        return org is not None and self.price_for_company is not None and bool(
            self.price_for_company.fullmatch(text[mf.end:org]))

    def _level(self, text: str, mf: Fact) -> bool:
        """An amount named as a level to reach ("the $200 million threshold", "tops $200M"), no payment."""
        return bool(self.threshold_noun_after is not None and self.threshold_noun_after.match(text, mf.end, mf.end + 40)
                    or self.threshold_before is not None
                    and self.threshold_before.search(text[max(0, mf.start - 24):mf.start])
                    # ("tops the $940 million Hansoh/Regeneron deal": another deal's value, named as one)
                    and not (self.threshold_deal_after is not None
                             and self.threshold_deal_after.match(text, mf.end, mf.end + 80)))

    def _single_payment(self, text: str, m: Mention, mf: Fact, monies: list[Fact]) -> bool:
        """A milestone amount that is one payment due now: after "will receive"/"will pay", the only amount of its
        clause, no word of a ceiling anywhere in the clause."""
        if mf.value.upper_bound or self.single_payment_before is None:
            return False
        one = self.single_article is not None and self.single_article.search(text, max(0, mf.start - 4), mf.start)
        if len(monies) > 1 and not one:  # ("will receive a $20 million milestone payment" is one, whatever else)
            return False
        if not self.single_payment_before.search(text, max(m.start, mf.start - 60), mf.start):
            return False
        # (the only amount, after 'a', in a clause with no word for a kind of deal: a condition names when it falls due)
        alone = one and len(monies) == 1 and not any(c.kind != "other" for c in m.deal_cues)
        ceiling = self.ceiling_words_one if alone and self.ceiling_words_one is not None else self.ceiling_words
        return not (ceiling is not None and ceiling.search(text, m.start, m.end))

    def _is_history(self, text: str, m: Mention, mf: Fact, cue: Fact, monies: list[Fact]) -> bool:
        if mf.value.upper_bound or self.history is None:
            return False
        # (a verb before another amount is that amount's, when 'with' adds this one: "will pay X $35 million upfront,
        # with another $585 million tied to development and commercial goals"; not "paid $35 million upfront and a $20
        # million milestone")
        lo = max(m.start, mf.start - 60)
        prev = max((x.end for x in monies if lo <= x.end <= mf.start), default=-1)
        if prev >= 0 and self.history_apart is not None and self.history_apart.search(text, prev, mf.start):
            lo = prev
        if _PERFECT_RECEIVED.search(text, lo, mf.start):
            return True  # "the Company had received milestone payments totaling $20.0 million": payments made
        if (self.history_strong_before is not None and self.history_strong_before.search(text, max(m.start, lo - 60),
                                                                                         mf.start)
                or self.history_strong_after is not None and self.history_strong_after.match(text, mf.end, m.end)):
            return True  # "… revenue included $40 million in milestone payments", "$2.0 million in milestones to date"
        if self.history_counted is not None and cue.end <= mf.start and self.history_counted.search(
                text, max(m.start, cue.start - 100), cue.start):
            return True  # "… paid X an upfront fee of $20.0 million and two milestone payments of $7.0 million"
        if self.milestone_general is not None and self.milestone_general.search(cue.text) and not (
                self.single_article is not None and self.single_article.search(text, max(0, cue.start - 4), cue.start)):
            return False  # (but "accrued for a milestone payment(s) of $5,000" is one payment)
        return bool(self.history.search(text, lo, mf.start)
                    or (self.history_after is not None and self.history_after.match(text, mf.end, m.end)))


class _Near:
    """The cues of a clause that can reach an amount, and whether another amount lies between two places: found
    by bisection, so that a clause of many amounts and cues costs what its pairs within reach cost."""

    def __init__(self, cues: list[Fact], bounds: list[tuple[int, int]], convs: list[tuple[int, int]],
                 max_left: int, max_right: int) -> None:
        self.cues = cues
        self.cue_starts = [c.start for c in cues]
        self.longest = max((c.end - c.start for c in cues), default=0)
        self.bounds = bounds
        self.starts = [s for s, _ in bounds]
        # what the gap text may lose before it is measured: the conversions it skips, emptied brackets
        slack = sum(e - s for s, e in convs) + 200
        self.left, self.right = max_left + slack, max_right + slack

    def cues_around(self, mf: Fact) -> list[Fact]:
        lo = bisect.bisect_left(self.cue_starts, mf.start - self.left - self.longest)
        hi = bisect.bisect_right(self.cue_starts, mf.end + self.right)
        return self.cues[lo:hi]

    def amount_between(self, x: int, y: int) -> bool:
        """True when an amount starts at or after ``x`` and ends at or before ``y`` (amounts do not overlap)."""
        i = bisect.bisect_left(self.starts, x)
        return any(e <= y for s, e in self.bounds[i:i + 2] if s <= y)


def _upfront_in_sentence_before(text: str, at: int) -> bool:
    """An upfront word in the 200 characters of the sentence before ``at`` (another clause of it)."""
    window = text[max(0, at - 200):at]
    cut = max(window.rfind(". "), window.rfind("\n"), window.rfind("; "))
    return _UPFRONT_WORD.search(window, cut + 1) is not None


def _next_start(monies: list[Fact], mf: Fact) -> int:
    """Where the next amount after ``mf`` begins (a condition after it is that amount's: "$15 million for an option
    …, with $200 million due if it exercises the option")."""
    return min((x.start for x in monies if x.start >= mf.end), default=mf.end + 10**9)
