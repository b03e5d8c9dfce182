"""One figure: a value tied to its metric word, with its subject, period and change."""

from __future__ import annotations

import bisect
import re
from decimal import Decimal
from typing import Any

from ...facts import Fact
from ...finders.reports import ReportVocab, norm_period
from ...records import Evidence, Figure, Money, Party, Quantity
from .context import vocab_period, year_of
from .index import FactIndex


def figure(text: str, lang: str, vocab: ReportVocab, v: Any, cue: Fact, a: int, b: int, facts: FactIndex,
            own: Fact | None, periods: list[Fact], period_ctx: str | None, year: int | None,
            changes: FactIndex, used: set[int], ctx_fresh: bool = False,
            others: FactIndex | None = None, market_periods: list[Fact] | None = None) -> Figure | None:
    """``market_periods``: the periods a market's figure reads from, when they are more than ``periods`` (the
    year of a market's value a change starts from)."""
    metric = cue.kind
    scope = cue.extra.get("scope", "company")
    evidence = [Evidence(field="value", start=v.start, end=v.end, text=v.text, rule=v.rule),
                Evidence(field="metric", start=cue.start, end=cue.end, text=cue.text, rule=cue.rule)]
    subject, kind, subj_fact = _subject(text, lang, vocab, v, cue, scope, a, b, facts, own)
    if subject is None:
        return None
    if kind == "product" and metric in ("revenue", "market_size"):  # (a drug's "global sales": its own)
        metric = "product_sales"
    if kind == "company" and metric == "product_sales" and cue.extra.get("company_metric") == "none":
        return None  # (a word that is a product's sales only: "Rinvoq added $3.7 billion"; a company's adds nothing)
    if kind == "company" and metric == "product_sales" and cue.extra.get("company_metric"):
        metric = str(cue.extra["company_metric"])
    if metric == "net_profit" and _NEGATIVE.search(text, max(a, v.start - 3), v.start + 1):
        metric = "net_loss"  # a profit written below zero ("净利润-3.57亿元", "net income of -$12.3 million")
    if subj_fact is not None:
        evidence.append(Evidence(field="subject", start=subj_fact.start, end=subj_fact.end, text=subj_fact.text,
                                 rule=subj_fact.rule))
    period_f = _period(vocab, text, v, cue, periods, lang, period_ctx is not None)
    if period_f is not None and period_f.kind == "year" and kind != "market":
        period_f = _quarter_of_year(vocab, text, v, cue, periods, period_f)
    end_year = None
    if period_f is not None and period_f.kind == "range" and kind == "market" and metric == "market_size" and \
            period_f.end <= v.start and _REACHING.fullmatch(text, period_f.end, v.start):
        # "is expected to grow at a CAGR of 15% between 2025 and 2030, reaching $130 billion": the size at the end
        end_year = str(period_f.value or "").rpartition("-")[2] or None
    if kind == "market" and market_periods:
        # the year of the amount a change starts from is that amount's own ("up from $40 billion in 2023": the
        # value right before it), no other value's
        own = next((p for p in market_periods if p.extra.get("base") == "from" and v.end <= p.start and
                    _BASE_GAP.fullmatch(text, v.end, p.start)), None)
        if own is not None:
            period_f = own
    period = None
    lo, hi = min(cue.start, v.start), max(cue.end, v.end)
    # (a share is a point in time whoever holds it: a company's share in 2024 is of 2024, no fiscal year)
    pkind = "market" if metric == "market_share" else kind
    if period_f is not None:
        period = end_year or vocab_period(vocab, period_f, year, pkind)
        evidence.append(Evidence(field="period", start=period_f.start, end=period_f.end, text=period_f.text,
                                 rule=period_f.rule))
    elif period_ctx and not vocab.fig_rx["fig.no_period"].search(text, max(a, lo - 40), min(b, hi + 25)) and (
            ctx_fresh or not any(p.kind == "rel" and p.value is None and lo - 60 <= p.start <= hi + 30
                                 for p in periods)):
        # the period in force, unless the figure is a run-rate or a running total ("annual revenue of", 累计), or
        # says its own period in words the article gives no year for ("last year" without a date) and the period
        # in force was not stated right before ("… in 2025. Last year, 157 deals worth …")
        if pkind == "market":
            period = period_ctx.replace("FY", "")
        else:
            period = f"FY{period_ctx}" if re.fullmatch(r"(?:19|20)\d\d", period_ctx) else period_ctx
    ch = _change(text, v, cue, changes, used, others, vocab)
    change = None
    if ch is not None:
        change = float(ch.value)
        evidence.append(Evidence(field="change_pct", start=ch.start, end=ch.end, text=ch.text, rule=ch.rule))
    if v.label == "percent":
        value: Money | Quantity = Quantity(amount=Decimal(v.value), unit="%", text=v.text)
    else:
        mm = v.value
        value = Money(amount=mm.amount, currency=mm.currency, text=mm.text, upper_bound=mm.upper_bound,
                      approximate=mm.approximate, lower_bound=mm.lower_bound)
    subj: Party | str = subject
    if kind == "company" and subj_fact is not None and subj_fact.label == "org":
        subj = Party(name=subject, canonical=getattr(subj_fact.value, "canonical", None))
    return Figure(subject=subj, kind=kind, metric=metric, value=value, period=period, change_pct=change,
                  evidence=evidence)


#: how far before the first drug near a value an aside that holds it may begin (fig.relative_clause reads at most
#: about 200 characters)
_ASIDE_REACH = 400
#: how far before a drug's sales value a reference to the drug ("the drug", "该药") is read as its subject
_REFERENCE_REACH = 600


def _named_company(vocab: ReportVocab, f: Fact) -> bool:
    """A company fact that names a company: not a word the figures never take for one, nor a reference a name finder
    read as a company ("该公司", "the company": the anaphor rules resolve those)."""
    bad, ana = vocab.not_companies, vocab.company_anaphor
    return not (bad is not None and bad.search(f.text)) and not (ana is not None and ana.fullmatch(f.text.strip()))


def _subject(text: str, lang: str, vocab: ReportVocab, v: Any, cue: Fact, scope: str, a: int, b: int,
             facts: FactIndex, own: Fact | None) -> tuple[str | None, str, Any]:
    anchor = min(cue.start, v.start)
    # subjects sit near their metric: search a window around it, not the whole sentence
    wa, wb = max(a, anchor - 140), min(b, max(cue.end, v.end) + 60)
    # (a net profit or loss is a company's, never a product's: "Velorsa sales rose 142% …; the net loss narrowed to …")
    if cue.rule == "metric.class_sales":
        # a drug named right before the words ("Zelvora global sales reached …"): the drug's own sales, no class's
        own_p = [p for p in _products(text, lang, vocab, wa, wb, facts)
                 if p.end <= cue.start and not text[p.end:cue.start].strip(" ®™")]
        if own_p:
            return _product_tail(vocab, own_p[-1].text), "product", own_p[-1]
    if (scope in ("product", "company") or cue.kind in ("revenue", "r_and_d_expense")) and \
            cue.kind not in ("net_loss", "net_profit") and not _WHOLE.match(cue.text):
        prods = _products(text, lang, vocab, wa, wb, facts)
        # before the value, or named right after the metric word ("$208 million in net sales of Iqirvo")
        after_cue = vocab.fig_rx["fig.after_cue"]
        near = [p for p in prods if (p.start <= max(cue.end, v.start) or after_cue.fullmatch(text, cue.end, p.start))
                and abs(p.start - anchor) <= 120]
        if near and (rel := vocab.fig_rx.rules.get("fig.relative_clause")) is not None:
            # (a drug named inside an aside on the company before it is no subject: "Merck, the maker of Keytruda,
            # brought in …")
            # (an aside holds at most about 200 characters: looked for from a little before the first drug, not from
            # the sentence start, which in a long sentence made every value's search a scan of all before it)
            lo = max(a, min(p.start for p in near) - _ASIDE_REACH)
            asides = [(m.start(), m.end()) for m in rel.regex.finditer(text, lo, anchor)]
            near = [p for p in near if not any(s < p.start and p.end <= e and facts.of("org").last_within(
                a, s, lambda f: True) is not None for s, e in asides)]
        if near:
            p = min(near, key=lambda x: abs(x.start - cue.start))
            return _product_tail(vocab, p.text), "product", p
        # "the drug generated sales of …": the drug named last before (the drugs first: the search is the dearer)
        drugs = [f for f in facts.ending(a - 800, a) if f.label == "asset" and f.kind in ("inn", "inn_zh", "code")
                 and f.end <= a and a - f.end <= 800] if vocab.product_anaphor is not None else []
        if drugs and vocab.product_anaphor is not None and facts.found(vocab.product_anaphor, text, a, anchor):
            return drugs[-1].text, "product", drugs[-1]
        if cue.kind == "product_sales":
            drug = _drug_of_sales(text, vocab, v, cue, a, facts)
            if drug is not None:
                return _drug_name(drug), "product", drug
    if scope == "market":
        mk = vocab.named_in(vocab.markets, text, wa, wb, "market") or \
            vocab.named_in(vocab.markets, text, a, b, "market")
        if cue.rule == "metric.class_sales":
            # (the sales of a class name their market themselves: a market named before another value of the
            # sentence is that value's -- "China's ADC market is expected to reach RMB 66 billion by 2030, while
            # global GLP-1 sales topped $50 billion")
            between = vocab.fig_rx["fig.value_between"]
            mk = [m for m in mk if not (m.end <= cue.start and between.search(text, m.end, cue.start))]
        if cue.kind != "market_share":
            # the subject of a share said after the value is that share's ("… exceeded $16 billion …, with deals for
            # Chinese assets accounting for roughly 30% of the total"), not this figure's
            mk = [m for m in mk if not (m.rule.endswith("share_subject") and m.start >= v.end)]
        if cue.kind == "market_share":
            # a drug that holds the share ("Keytruda now holds a 45% share of the US PD-1 market", "Merck's Keytruda
            # held …": the drug's, not its owner's nor the market's)
            held = [p for p in _products(text, lang, vocab, wa, wb, facts)
                    if p.rule.endswith("holds_share") and p.end <= v.end and v.start - p.start <= 60]
            if held:
                return _product_tail(vocab, held[-1].text), "product", held[-1]
            gap = vocab.fig_rx.rules.get("fig.share_holder_gap")
            d = facts.of("asset").last_within(a, cue.start, lambda f: f.kind in ("inn", "inn_zh", "code", "brand"))
            if gap is not None and d is not None and gap.regex.fullmatch(text, d.end, cue.start):
                return _drug_name(d), "product", d  # ("信迪利单抗在国内PD-1市场的份额约为22%": the drug's)
        if mk and cue.kind == "market_share" and (all(m.start >= v.end for m in mk) or (
                cue.text.lower().startswith("share") and _POSSESSIVE.match(text, max(a, cue.start - 3), cue.start))):
            # "Novo Nordisk holds a 60% share of the GLP-1 market": the market after the share is where it is held;
            # the company the clause names before is its holder
            o = facts.of("org").last_within(a, min(cue.start, v.start), lambda f: not _not_company(vocab, f))
            if o is not None:
                return o.text, "company", o
        if mk and cue.kind == "market_share" and vocab.fig_rx["fig.explicit_share"].search(cue.text):
            # "宁远生物在国内GLP-1市场的占有率提升至18%": the company right before the market it holds its share in
            o = facts.of("org").last_within(a, cue.start, lambda f: not _not_company(vocab, f))
            if o is not None and any(m.start >= o.end and _IN_MARKET.fullmatch(text, o.end, m.start) for m in mk):
                return o.text, "company", o
        if mk and cue.kind == "market_share":
            # a holder named before its share word that is a company ("诺和诺德在中国GLP-1市场的份额", "宁远生物的市场份额"):
            # the company's share, no segment's
            for m in mk:
                if m.rule.endswith("share_holder"):
                    o = next((f for f in facts.of("org").starting(m.start - facts.of("org").longest, m.end)
                              if f.start < m.end and m.start < f.end and not _not_company(vocab, f)), None)
                    if o is not None:
                        return o.text, "company", o
            mk = [m for m in mk if not m.rule.endswith("share_holder") or len(mk) == 1 or
                  all(x.rule.endswith("share_holder") for x in mk)]
        if mk:
            order = {r.id: i for i, r in enumerate(vocab.markets)}
            if cue.kind == "market_share":  # (a share's holder, said before its share word, first: "美国企业约占…")
                order = {k: (i - 100 if k.endswith("share_subject") else i) for k, i in order.items()}
            p = min(mk, key=lambda x: (order.get(x.rule, 99), abs(x.start - cue.start)))
            name = tidy_market(vocab, p.text)
            if vocab.fig_rx["fig.market_anaphor"].match(name):  # "2030年该市场规模": the market named before
                prev = [m for m in vocab.named_in(vocab.markets, text, max(0, a - 600), a, "market")
                        if not vocab.fig_rx["fig.market_anaphor"].match(tidy_market(vocab, m.text))]
                if prev:
                    return tidy_market(vocab, prev[-1].text), "market", prev[-1]
            return name, "market", p
        if cue.kind == "market_share" and v.start >= cue.end and vocab.fig_rx["fig.explicit_share"].search(cue.text):
            # "礼来…市场份额提升至约9%", "其在中国GLP-1市场的份额约为68%": the share of the company the clause names
            # before the share word (or "其" refers to), when no market is named
            o = facts.of("org").last_within(a, cue.start, lambda f: not _not_company(vocab, f))
            if o is None and vocab.company_anaphor is not None and facts.found(vocab.company_anaphor, text, a,
                                                                                cue.start):
                o = facts.of("org").last_within(max(0, a - 400), a, lambda f: not _not_company(vocab, f))
            if o is not None:
                return o.text, "company", o
        if cue.kind == "market_share" or cue.rule.startswith("pay."):
            return None, "market", None  # "accounting for 13%", "占30%", "the upfront payment": no market is named
        if cue.kind == "deal_value" and not vocab.fig_rx["fig.market_anaphor"].match(tidy_market(vocab, cue.text)):
            # a total said with its metric words only ("Disclosed upfront payments exceeded $4.0 billion"): the
            # company the sentence opens with when it names one before ("Alphinity has signed four licensing
            # agreements, with aggregate upfront receipts of …"), else the deals the sentence before names
            src = vocab.fig_rx["fig.source_before"]  # (not the source it is quoted from: "according to a report by X")
            o = facts.of("org").last_within(a, cue.start, lambda f: not _not_company(vocab, f) and
                                            not src.search(text, max(a, f.start - 30), f.start))
            if o is not None:
                return o.text, "company", o
            prev = [m for m in vocab.named_in(vocab.markets, text, max(0, a - 400), a, "market") if "deals" in m.rule]
            if prev:
                return tidy_market(vocab, prev[-1].text), "market", prev[-1]
        name = tidy_market(vocab, cue.text)
        if cue.kind == "market_size" and name.lower() == "market" and _SIZED_MARKET.search(text, max(0, cue.start - 20),
                                                                                     cue.start):
            return None, "market", None  # ("targets a $3 billion market": of no class the sentence names)
        if cue.kind == "market_size" and name.lower().endswith(" sales"):  # ("global GLP-1 sales": "global GLP-1")
            name = name[:-6].rstrip()
        return name, "market", cue
    if (m := vocab.fig_rx["fig.first_person"].search(text, max(a, anchor - 60), anchor)) is not None:
        issuer = vocab.fig_rx.rules.get("fig.issuer_self")
        if own is not None and own.rule != "figure.filer" and not own.extra.get("weak") and issuer is not None \
                and issuer.regex.fullmatch(m.group(0)):
            # "恒泽制药（688001）发布年报。…本公司实现营业收入…": the issuer's own words name the article's company
            # (not 我们 / we: an analyst's "我们预计公司…净利润分别为…" is no company's figure)
            return own.text, "company", own
        if own is None or own.rule != "figure.filer":
            return None, "company", None  # "our R&D expenses were …" of a filer never named: "we" has no figures
    # (a company a name finder read from a reference -- "该公司", "the company" -- is no name: see the anaphor below)
    o = facts.of("org").last_within(a, anchor, lambda f: _named_company(vocab, f))
    if o is not None and (rel := vocab.fig_rx.rules.get("fig.relative_clause")) is not None:
        # a company named inside a relative clause or an aside before the metric ("Kestrel Pharma, which licensed
        # Norvexa from Halcyon Bio, reported revenue of …"): the clause's subject before it is the figure's
        for m in rel.regex.finditer(text, max(a, o.start - _ASIDE_REACH), anchor):  # (one that holds the company)
            if m.start() < o.start and o.end <= m.end():
                main = facts.of("org").last_within(a, m.start(), lambda f: _named_company(vocab, f))
                # (an aside between dashes names the company's partners: "royalty revenue — mostly from its partnership
                # with Kestrel — accounted for ¥8.2 billion"; none of them is the subject)
                if main is not None or m.group(0).lstrip()[:1] in "—–":
                    o = main
                elif (drug := facts.of("asset").last_within(a, m.start(), lambda f: f.kind != "cue_code")) is not None \
                        and not text[drug.end:m.start()].strip(" ®™") and cue.kind in ("revenue", "product_sales"):
                    # "Padcev, which Pfizer and Astellas co-developed, sold …": the drug the clause is on
                    return _drug_name(drug), "product", drug
                break
    if o is not None and (obj := vocab.fig_rx.rules.get("fig.partner_object")) is not None and \
            (mo := obj.regex.search(text, max(a, o.start - 120), o.start)) is not None:
        # "The Company has collaborations with Merck and Sanofi, and its revenue …": a partner after 'with' is no
        # subject; the clause's subject before the phrase is (a name, else the article's company a reference names)
        main = facts.of("org").last_within(a, mo.start(), lambda f: _named_company(vocab, f))
        if main is not None:
            o = main
        elif (me := vocab.fig_rx.rules.get("fig.partner_object_self")) is not None and \
                me.regex.search(text, a, mo.start()) is not None:
            # ("The Company has …": the article's company, else the company named last before the sentence)
            ref = own if own is not None and not own.extra.get("weak") else facts.of("org").last_within(
                None, a, lambda f: _named_company(vocab, f))
            if ref is not None:
                return ref.text, "company", ref
    if o is not None:
        return o.text, "company", o
    named = _reporting_subject(text, vocab, a, anchor, facts)
    if named is not None:  # "Kurokawa reported revenue of …": a name no company finder knew, as the reporter
        return named.text, "company", named
    if vocab.company_anaphor is not None and facts.found(vocab.company_anaphor, text, a, anchor):
        if own is not None and not own.extra.get("weak"):
            return own.text, "company", own  # "The company reported revenue of …", "公司2024年实现营业收入…"
        prior = facts.of("org").last_within(None, a, lambda f: _named_company(vocab, f))
        if prior is not None:  # else the company named last before
            return prior.text, "company", prior
    orgs_after = [f for f in facts.of("org").starting(anchor, b) if anchor <= f.start and f.end <= b]
    if orgs_after and lang == "en" and vocab.fig_rx["fig.org_after_prep"].search(
            text[max(a, orgs_after[0].start - 6):orgs_after[0].start]):
        return orgs_after[0].text, "company", orgs_after[0]
    named = _name_after_cue(text, vocab, cue, v, facts)
    if named is not None:  # "R&D costs at Kestrel rose …": a name no company finder knew, right after "at" / "for"
        return named.text, "company", named
    line = _line_company(text, vocab, a, facts)
    if line is not None:
        return line.text, "company", line
    if own is not None:
        return own.text, "company", own
    return None, "company", None


def _products(text: str, lang: str, vocab: ReportVocab, wa: int, wb: int, facts: FactIndex) -> list[Fact]:
    """The product phrasings in ``text[wa:wb]`` whose name is no company's, no drug word and no results word."""
    return [p for p in vocab.named_in(vocab.products, text, wa, wb, "product")
            if p.text not in vocab.not_drugs and not _is_company(p, facts)
            and not (vocab.not_products is not None and vocab.not_products.fullmatch(p.text))
            and not (lang == "zh" and vocab.fig_rx["fig.zh_not_product"].search(_product_tail(vocab, p.text)))]


def _line_company(text: str, vocab: ReportVocab, a: int, facts: FactIndex) -> Fact | None:
    """The company a sentence that names none takes from its line, when the line is an item of a list that opens
    with a company's name ("- Halvex Bio: first-half revenue rose 31% … The net loss narrowed to $40 million.",
    "1. 宁远生物：上半年收入4.2亿元…；期内亏损1.1亿元")."""
    start = text.rfind("\n", 0, a) + 1
    bullet = vocab.fig_rx.rules.get("fig.list_item")
    item = bullet.regex.match(text, start, a) if start < a and bullet is not None else None
    if item is None:
        return None
    head = item.end() + len(text[item.end():a]) - len(text[item.end():a].lstrip())  # (where the item's words start)
    first = next((f for f in facts.of("org").starting(head, head) if f.end <= a and _named_company(vocab, f)), None)
    named = _reporting_subject(text, vocab, start, min(a, start + 100), facts)
    if named is not None and named.start == head and first is None:
        return named
    return first


def _name_after_cue(text: str, vocab: ReportVocab, cue: Fact, v: Any, facts: FactIndex) -> Fact | None:
    """The capitalised name a preposition leads to right after a company's metric word ("Revenue at Kestrel",
    "R&D costs for Halvex"), when it is no period, product word or drug (``fig.subject_after_cue``)."""
    rule = vocab.fig_rx.rules.get("fig.subject_after_cue")
    if rule is None or cue.end > v.start:
        return None
    m = rule.regex.match(text, cue.end, v.start)
    if m is None:
        return None
    x, y = m.span("s")
    first = m.group("s").split()[0]
    if first in vocab.not_drugs or (vocab.not_products is not None and vocab.not_products.fullmatch(first)) or \
            any(f.start < y and x < f.end for f in facts.of("asset").starting(x - facts.of("asset").longest, y)):
        return None
    return Fact(x, y, "org", "subject", None, "fig.subject_after_cue", m.group("s"))


def _drug_of_sales(text: str, vocab: ReportVocab, v: Any, cue: Fact, a: int, facts: FactIndex) -> Fact | None:
    """The drug a product-sales figure is about when no product phrasing names it: the drug right before the sales
    word ("with Nivaro contributing CHF 41.7 million"), or the one a reference between the sentence start and the
    value stands for ("Net sales of the drug reached …"; "Korvalta won approval in 2023. Its US sales reached …",
    "it generated net product revenues of …" where the name written last before "its" / "it" is the drug's)."""
    assets = facts.of("asset")
    before = assets.last_within(max(0, cue.start - 40), cue.start, lambda f: True)
    if before is not None and vocab.fig_rx["fig.drug_before_sales"].fullmatch(text, before.end, cue.start):
        return before
    last = assets.last_within(a, cue.start, lambda f: f.kind != "cue_code")
    if last is not None and facts.of("org").last_within(last.end, cue.start, lambda f: True) is None and \
            _owners_only(text, vocab, facts, a, last):
        # the sentence names the drug and no company before its sales word (but the one that says it: "睿跃医药表示，
        # 瑞维西单抗…2024年在国内实现销售额4.6亿元", and the drug's owners: "是辉瑞和安斯泰来共同开发的恩诺单抗（…），2024年
        # 全球销售额约16亿美元")
        return last
    upto = v.start if v.start > cue.start else cue.start
    ref = None
    # (the last one, within reach of the value: a search from the sentence start for each value was quadratic in a
    # long sentence)
    for ref in vocab.fig_rx["fig.drug_reference"].finditer(text, max(a, upto - _REFERENCE_REACH), upto):  # noqa: B007
        pass
    if ref is None:
        return None
    lo = max(0, ref.start() - 400)
    if ref.group("pron") and not text[a:ref.start()].strip():
        # a sentence that opens with "It" / "Its": the subject of the sentence before (the name it opens with;
        # "Abilify was one of Otsuka's main revenue drivers. It raked in …")
        stop = vocab.fig_rx["fig.sentence_stop"]
        end = a
        while end > lo and text[end - 1].isspace():
            end -= 1
        prev = lo
        for m in stop.finditer(text, lo, max(lo, end - 1)):  # (not the stop that ends the sentence before)
            prev = m.end()
        first = [f for f in (*assets.starting(prev, a), *facts.of("org").starting(prev, a)) if f.end <= a]
        if first:
            head = min(first, key=lambda f: f.start)
            return head if head.label == "asset" and head.kind != "cue_code" else None
    drug = assets.last_within(lo, ref.start(), lambda f: f.kind != "cue_code")
    if drug is None:
        return None
    if ref.group("pron"):  # "its", "it", 其: only when no company is named after the drug
        org = facts.of("org").last_within(drug.end, ref.start(), lambda f: True)
        if org is not None:
            return None
    return drug


def _owners_only(text: str, vocab: ReportVocab, facts: FactIndex, a: int, drug: Fact) -> bool:
    """No company is named in the sentence before ``drug`` but the one that says it and the drug's owners: the last
    company before it is joined to the first drug after it by an owner's words (``fig.drug_owner``: "Pfizer's",
    "共同开发的")."""
    org = facts.of("org").last_within(a, drug.start, lambda f: not _SPEAKS.match(text, f.end))
    if org is None:
        return True
    owner = vocab.fig_rx.rules.get("fig.drug_owner")
    first = next((f for f in facts.of("asset").starting(org.end, drug.start + 1) if f.kind != "cue_code"), None)
    return bool(owner is not None and first is not None and owner.regex.fullmatch(text, org.end, first.start))


def _product_tail(vocab: ReportVocab, name: str) -> str:
    """A product phrasing's name without the description it ran back into ("降脂药物禾替贝特片" → "禾替贝特片",
    "贝伐珠单抗原研药安维汀" → "安维汀"): the part after the last description word, when both parts have a name's
    length (``fig.product_descriptor``, where the language has one)."""
    if "fig.product_descriptor" not in vocab.fig_rx.rules:
        return name
    last = None
    for last in vocab.fig_rx["fig.product_descriptor"].finditer(name):  # noqa: B007  (the last one)
        pass
    if last is None or last.start() < 2 or len(name) - last.end() < 2:
        return name
    return name[last.end():]


def _drug_name(drug: Fact) -> str:
    """A drug mention's name without the INN a brand is given with ("Korvalta (ezurlatinib)" → "Korvalta")."""
    return re.split(r"\s*[(（]", drug.text, maxsplit=1)[0].strip() or drug.text


def _reporting_subject(text: str, vocab: ReportVocab, a: int, anchor: int, facts: FactIndex) -> Fact | None:
    """The capitalised name a clause of the sentence opens with before a reporting verb ("- Kurokawa reported revenue
    of …"), when it is no drug, product word or market word."""
    m = None
    opener = vocab.fig_rx["fig.clause_opener"]
    # (in English the verb may be the metric word itself: "Halvex spent $6.8 billion on R&D"; a Chinese name is read
    # up to its metric word only: "恒泽制药研发费用…")
    reach = anchor + 10 if vocab.lang == "en" else anchor
    for c in vocab.fig_rx["fig.subject_reports"].finditer(text, max(a, anchor - 100), reach):
        if c.end("s") > anchor:
            break
        if c.start() == a or opener.search(text, max(0, c.start() - 4), c.start()):
            m = c
    if m is None:
        return None
    g = "s" if m.group("s") else "s2"  # (the Chinese phrasing names its group s2: "Farmavalle实现营业收入")
    x, y = m.span(g)
    name = m.group(g)
    first = name.split()[0]
    if first in vocab.not_drugs or (vocab.not_products is not None and vocab.not_products.fullmatch(first)) or \
            any(f.start < y and x < f.end for f in facts.of("asset").starting(x - facts.of("asset").longest, y)):
        return None
    return Fact(x, y, "org", "subject", None, "fig.subject_reports", name)


def _not_company(vocab: ReportVocab, f: Fact) -> bool:
    return vocab.not_companies is not None and vocab.not_companies.search(f.text) is not None


#: company mentions found by their shape that are as sure as a gazetteer name: a name with its legal or business
#: designator ("Halcyon Bio", "Kestrel Pharma AG", 宁远生物有限公司), an institution, the short form of such a name
_SURE_ORG_RULES = frozenset({"name.designator", "name.zh_designator", "name.institution", "org.propagated"})


def _is_company(p: Fact, facts: FactIndex) -> bool:
    """Whether a product phrasing's name is a company's ("Halcyon Bio's sales climbed …" are the company's)."""
    orgs = facts.of("org")  # (an org that holds p starts at most the longest org's length before p ends)
    return any((f.start <= p.start or f.end == p.end) and p.end <= f.end and (
        getattr(f.value, "canonical", None) or f.rule in _SURE_ORG_RULES)
        for f in orgs.starting(p.end - orgs.longest, p.end))  # (… or ends it: "Pfizer and Astellas" are companies)


def tidy_market(vocab: ReportVocab, s: str) -> str:
    """A market as written, without the numbers and words that only lead into it ("More than 13 such NewCo deals"
    → "NewCo deals"); domain words ("out-licensing", "licensing") stay."""
    s = s.strip().rsplit("\n", 1)[-1].lstrip("-–•*· \t")  # (a phrase that ran over a line break: its last line)
    for rid in ("fig.market_cut", "fig.market_clause"):  # "机构预计2030年减重药物": what a clause said before the
        cut = vocab.fig_rx[rid].match(s)                   # year; "Chinese drugmakers signed 72 …": its subject and verb
        if cut and cut.end() < len(s):
            s = s[cut.end():]
    m = vocab.fig_rx["fig.market_lead"].match(s)
    if m and m.end() < len(s):
        rest = s[m.end():]
        lead = m.group(0).split()
        keep = []
        for w in reversed(lead):  # keep the domain words right before the noun ("out-licensing deals")
            if vocab.fig_rx["fig.market_domain_word"].search(w):
                keep.insert(0, w)
            else:
                break
        s = " ".join(keep + [rest])
    return s.strip(" ,.;:")


def _period(vocab: ReportVocab, text: str, v: Any, cue: Fact, periods: list[Fact], lang: str = "en",
            has_ctx: bool = False) -> Fact | None:
    cands, starts, ends, ordered = _candidates(periods)
    # (the first or last period that fits, found by bisection: a sentence may hold many periods and values)
    if lang == "zh":  # 2025年上半年，公司营收… : the period comes first
        own = _last_ending_by(cands, ends, ordered, v.start)  # "从2024年的1200亿元增长至2030年的3500亿元": each its own
        if own is not None and own.end > cue.end and (_ZH_OF.fullmatch(text, own.end, v.start) or (
                own.start >= cue.end and _ZH_VERB_GAP.fullmatch(text, own.end, v.start)) or (
                vocab.fig_rx["fig.value_between"].search(text, cue.end, own.start) and
                not vocab.fig_rx["fig.value_between"].search(text, own.end, v.start))):
            return own  # (or the period between a list's earlier value and this one: "约为50亿元，预计2030年将增长至660亿元")
        before = _last_ending_by(cands, ends, ordered, min(cue.start, v.start))
        if before is not None:
            return before
        if has_ctx:  # a period after the value is another's ("…超过其在2023年全年的亏损额"), unless right after it
            cands = [p for p in cands if p.start < v.start or re.fullmatch(r"[\s(（,，]{0,3}", text[v.end:p.start])]
            starts, ends = [p.start for p in cands], [p.end for p in cands]
    # (past the value in another currency in brackets right after it: "HK$3.2 billion (about US$410 million) in …")
    conv = _CONVERSION.match(text, v.end)
    ve = conv.end() if conv is not None else v.end
    i = bisect.bisect_left(starts, ve)
    for p in cands[i:]:
        if p.start - ve > 30:
            break
        if not re.search(r"[;。；]", text[ve:p.start]):
            return p
    before = _last_ending_by(cands, ends, ordered, v.start)
    if before is not None:
        return before
    # the first period after the value, when no clause break comes between (a break before one is before all later)
    later = cands[i] if i < len(cands) and not re.search(r"[;。；]", text[ve:cands[i].start]) else None
    return later if later is not None and not vocab.fig_rx["fig.value_between"].search(text, ve, later.start) \
        else None


_SPEAKS = re.compile(r"\s*(?:表示|称|稱|指出|透露|said|says|noted|announced)")
_WHOLE = re.compile(r"(?:total|consolidated|group)\b", re.I)  # ("total revenue of …": the company's, no product's)
_NEGATIVE = re.compile(r"(?<![A-Za-z0-9.])[-−－负負](?=\s?(?:[A-Z]{0,3}[$€£¥]|人民[币幣]|\d))")  # (window: a few characters)
_POSSESSIVE = re.compile(r"[’']s\s")  # ("Halvex's share of the GLP-1 market": the company's)
#: between the amount a change starts from and its year ("$40 billion in 2023", "the $52 billion recorded in 2024")
_BASE_GAP = re.compile(r"(?:\s+(?:yuan|won|yen|euros?|dollars))?\s+(?:(?:it|they|(?:was|were)\s+)?(?:recorded|seen|reported|"
                       r"posted|logged|booked|registered|tallied|achieved)\s+)?(?:in|for|during|of)\s+(?:the\s+)?")
_REACHING = re.compile(r"\s*,?\s*(?:reaching|to\s+reach|and\s+(?:will\s+)?reach|hitting|to\s+hit|topping|to\s+top)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+|over\s+|more\s+than\s+)?")
_IN_MARKET = re.compile(r"\s*(?:在|于|於)\s*")  # (between a company and the market it holds a share in: X在…市场)
_SIZED_MARKET = re.compile(r"illion\s+(?:(?:global|worldwide|annual)\s+)?$")  # ("a $3 billion market")
_CONVERSION = re.compile(r"\s*[(（]\s*(?:about|approximately|around|roughly|approx\.|or|约|約)?\s*(?:[A-Z]{1,3}\$|[A-Z]{3}\s?|[$€£¥]|人民[币幣])\s?\d[\d,.]*\s*(?:billion|million|trillion|bn|mn|m|亿|億|万|萬)?[^()（）]{0,12}[)）]")  # noqa: E501
_ZH_OF = re.compile(r"\s*的\s*")  # (between a period and its value: "2024年的1200亿元")
#: between a period that follows its metric word and the value ("市场规模2024年达到1.2万亿元", "营收2024年为280亿元"): a
#: verb of a few characters, no clause break and no number
_ZH_VERB_GAP = re.compile(r"[^，。；,;:：\d]{0,6}")


class Periods(list):  # type: ignore[type-arg]  # a list of period facts
    """A sentence's periods, which keep the ones with a value and their starts and ends once they are asked for
    (every value of the sentence asks: one pass, not one per value). Values must be set before the first ask."""

    _index: tuple[list[Fact], list[int], list[int], bool] | None = None

    def candidates(self) -> tuple[list[Fact], list[int], list[int], bool]:
        """The periods with a value in text order, their starts and ends, and whether the ends are in order too."""
        if self._index is None:
            cands = sorted((p for p in self if p.value), key=lambda p: (p.start, p.end))
            ends = [p.end for p in cands]
            self._index = (cands, [p.start for p in cands], ends,
                           all(x <= y for x, y in zip(ends, ends[1:], strict=False)))
        return self._index


def _quarter_of_year(vocab: ReportVocab, text: str, v: Any, cue: Fact, periods: list[Fact], year: Fact) -> Fact:
    """A quarter, half or nine months said without its year before a company's value whose year comes after it
    ("Halvex's third-quarter revenue rose 12% to $9.6 billion in 2025"): that part of the year, not the year."""
    if not year.extra.get("explicit_year") or year.start < v.end:
        return year
    lo = min(cue.start, v.start) - 40
    within = [p for p in periods if p.kind in _WITHIN_KINDS and not p.extra.get("explicit_year")
              and lo <= p.start and p.end <= v.start]
    if not within or vocab.fig_rx["fig.value_between"].search(text, within[-1].end, v.start):
        return year
    q = within[-1]
    y = year_of(year.value) if isinstance(year.value, str) else None
    if y is None:
        return year
    groups = q.extra.get("groups") or {}
    return Fact(q.start, q.end, "period", q.kind, norm_period(q.kind, groups, y), q.rule, q.text,
                {**q.extra, "year": y})


_WITHIN_KINDS = frozenset({"q", "h1", "h2", "9m", "span"})


def _candidates(periods: list[Fact]) -> tuple[list[Fact], list[int], list[int], bool]:
    if isinstance(periods, Periods):
        return periods.candidates()
    return Periods(periods).candidates()


def _last_ending_by(cands: list[Fact], ends: list[int], ordered: bool, at: int) -> Fact | None:
    """The last period (in text order) that ends at or before ``at`` (``ordered``: the ends are sorted, as they are
    unless a period holds another: then by bisection; asked once per sentence, not per value)."""
    if ordered:
        k = bisect.bisect_right(ends, at)
        return cands[k - 1] if k else None
    return next((p for p in reversed(cands) if p.end <= at), None)


def _change(text: str, v: Any, cue: Fact, changes: FactIndex, used: set[int],
            others: FactIndex | None, vocab: ReportVocab) -> Fact | None:
    """The change of a figure: between its metric and its value, else right after the value, else after it past
    amounts that are no figure (no other value or metric word between)."""
    lo = min(cue.start, v.start)
    facts = changes.facts
    # (a change around the metric word starts at most the longest change's length before it)
    between = sorted({*changes.indices(lo, v.start), *changes.indices(cue.start - changes.longest, cue.start)})
    for i in between:
        c = facts[i]
        if i in used:
            continue
        # between the metric and the value, or around the metric word itself ("a 33% sales increase to $563 million")
        if (lo <= c.start or c.start < cue.start < c.end) and c.end <= v.start:
            used.add(i)
            return c
    # a change said before the metric word it is of ("a 20% rise in first-quarter revenue to $410 million")
    of_cue = vocab.fig_rx.rules.get("fig.change_of_cue")
    if of_cue is not None and cue.start <= v.start:
        for i in changes.indices(cue.start - 80, cue.start):
            c = facts[i]
            if i not in used and c.end <= cue.start and of_cue.regex.fullmatch(text, c.end, cue.start):
                used.add(i)
                return c
    for i in changes.indices(v.end, v.end + 45):
        c = facts[i]
        if i in used:
            continue
        if c.start >= v.end and c.start - v.end <= 45 and not re.search(r"[;。；]", text[v.end:c.start]) and \
                not _claimed(text, c, cue, v, others, vocab):
            used.add(i)
            return c
    for i in changes.indices(v.end, v.end + 140):  # further on, past a comparison base: "… compared to USD 1,000
        c = facts[i]                                 # million in the first half of 2023, an increase of USD 250
        if i in used or c.start < v.end or c.start - v.end > 140:  # million, or 25%"
            continue
        if re.search(r"[;。；]", text[v.end:c.start]) or others is not None and any(
                o is not v and o is not cue and v.end <= o.start < c.start for o in others.starting(v.end, c.start)):
            continue
        used.add(i)
        return c
    return None


_OWN_METRIC = re.compile(r"\s*(?:in|of)?\s*")  # ("$21.4bn in headline value, up 9%": the value's own metric word)


def _claimed(text: str, c: Fact, cue: Fact, v: Any, others: FactIndex | None, vocab: ReportVocab) -> bool:
    """Whether a change after a value is another metric word's: one stands between them ("net loss narrowed to $30
    million, and its R&D spending rose 5% to $50 million", "raked in $2.29 billion in 2013 before sales fell 12%",
    "产品销售收入6.47亿元，其中瑞伐替尼片贡献5.12亿元，同比增长56.0%") -- unless the changes are listed "respectively"
    ("总营收约为20.66亿元，归母净利润约为亏损4.95亿元，降幅分别为63.52%、112.16%": in order)."""
    if others is None or not any(o.label == "metric" and o is not cue and v.end <= o.start
                                 and not _OWN_METRIC.fullmatch(text, v.end, o.start)
                                 for o in others.starting(v.end, c.start)):
        return False
    return vocab.fig_rx["fig.respectively"].search(text, v.end, min(len(text), c.end + 60)) is None
