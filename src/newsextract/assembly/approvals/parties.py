"""The regulators and companies of an approval sentence, and the company an article is about."""

from __future__ import annotations

import bisect
from typing import Any

from ...facts import Fact
from ...finders.reports import ReportVocab
from .drugs import Drug


def regulators(vocab: ReportVocab, text: str, a: int, b: int) -> list[Fact]:
    agencies = vocab.regulators_in(text, a, b)
    pending = vocab.appr_rx["appr.pending_after"] if "appr.pending_after" in vocab.appr_rx.rules else None
    if pending is not None and len(agencies) > 1:
        # "…, and the EMA's CHMP is due to review the same filing": the agency of an event still to come
        agencies = [r for r in agencies if not pending.match(text, r.end, b)] or agencies
    spans = [(r.start, r.end) for r in agencies]
    out = list(agencies)
    first_of = vocab.appr_rx["appr.first_of"] if "appr.first_of" in vocab.appr_rx.rules else None
    for j in vocab.jurisdictions_in(text, a, b):
        if vocab.appr_rx["appr.home_possessive"].match(text[j.end:j.end + 4]) or \
                any(x < j.end and j.start < y for x, y in spans):
            continue  # "Japan's Kestrel Pharma": a company's home, not where the approval is
        if any(0 <= r.start - j.end <= 1 and not text[j.end:r.start].strip() for r in agencies):
            continue  # "日本PMDA", "韩国 MFDS": the country names the agency right after it, no regulator of its own
        if agencies and first_of is not None and first_of.match(text, j.end):
            continue  # "韩国首个获FDA批准的…": the country of the first drug an agency of another approved
        if any(r.value == j.value for r in out):
            continue
        out.append(j)
    back = vocab.appr_rx["appr.regulator_anaphor"] if "appr.regulator_anaphor" in vocab.appr_rx.rules else None
    if not out and back is not None and (m := back.search(text, a, b)) is not None:
        # "Separately, the agency approved …": the last agency named in the text before (the sentences before)
        before = vocab.regulators_in(text, max(0, a - _ANAPHOR_BACK), a)
        if before:
            last = before[-1]
            out.append(Fact(m.start(), m.end(), last.label, last.kind, last.value, "appr.regulator_anaphor",
                            text[m.start():m.end()], dict(last.extra)))
    return sorted(out, key=lambda r: r.start)


#: how far back (characters) "the agency" looks for the agency it refers to
_ANAPHOR_BACK = 1200


def nearest(items: list[Any], pos_a: int, pos_b: int, after_bonus: int = 0) -> Any:
    best, best_d = None, None
    for it in items:
        d = it.start - pos_b if it.start >= pos_b else pos_a - it.end
        if it.start >= pos_b:
            d -= after_bonus
        if best_d is None or d < best_d:
            best, best_d = it, d
    return best


def clip_orgs(vocab: ReportVocab, text: str, facts: list[Fact], a: int, b: int,
              reg_spans: list[tuple[int, int]]) -> list[Fact]:
    """Company mentions of a sentence without the regulator a name finder may have run into
    ("国家药监局批准宁远生物" is the company 宁远生物 after the regulator and its verb)."""
    out = []
    for f in facts:
        if f.label != "org" or f.start < a or f.end > b:
            continue
        over = [(x, y) for x, y in reg_spans if x < f.end and f.start < y]
        if not over:
            out.append(f)
            continue
        cut = max(y for _, y in over)
        rest = vocab.appr_rx["appr.zh_lead"].sub("", text[cut:f.end])
        if len(rest) >= 2 and cut < f.end:
            start = f.end - len(rest)
            out.append(Fact(start, f.end, "org", f.kind, f.value, f.rule, text[start:f.end], dict(f.extra)))
    return out


def company(vocab: ReportVocab, text: str, ev: Fact, drug: Drug | None, orgs: list[Fact],
            a: int) -> tuple[Fact | None, bool]:
    """The sponsor of an event and whether the text ties it to the drug or the event ("Kestrel's Norvexa",
    "approval to Halcyon", "a drug from Halcyon") rather than only naming it before the event."""
    rx = vocab.appr_rx
    if drug is not None:
        for o in orgs:
            gap = text[o.end:drug.start]  # "Kestrel's Norvexa", "宁远生物的泽沃替尼"
            if o.end <= drug.start and len(gap) <= 40 and rx["appr.possessive"].match(gap) and \
                    not rx["appr.possessive_stop"].search(gap) and \
                    not any(o.end <= x.start and x.end <= drug.start for x in orgs) and \
                    not (drug.owner is not None and drug.owner[0] >= o.end):
                # (not when the drug's phrasing read a nearer owner: "approved Halvex's tafolimab and Kestrel's
                # Norvexa" is Kestrel's Norvexa)
                return o, True  # (not "Merck's acquisition of Verona brings in Ohtuvayre": Verona's)
            if o.start >= drug.end and rx["appr.appositive"].fullmatch(text[drug.end:o.start]) and \
                    rx["appr.possessive"].match(text[o.end:o.end + 3]):
                return o, True  # "KST-101, Kestrel Pharma's gene therapy"
    if drug is not None and (m := rx["appr.owner_after"].match(text, drug.end, min(len(text), drug.end + 90))):
        name = m.group("owner")  # "approved Zentoria (obrelimod), Castlerock Bio's oral S1P receptor modulator"
        if name.split()[0] not in vocab.not_drugs and not vocab.regulators_in(text, m.start("owner"), m.end("owner")):
            return Fact(m.start("owner"), m.end("owner"), "org", "possessive", None, "appr.owner_after", name), True
    if drug is not None and (m := rx["appr.owner_before"].search(text, max(a, drug.start - 60), drug.start)):
        name = m.group("owner")
        if name.split()[0] not in vocab.not_drugs and not vocab.regulators_in(text, m.start(), m.end("owner")) \
                and not vocab.jurisdictions_in(text, m.start(), m.end("owner")) and \
                not any(o.start < drug.start and m.start() < o.end for o in orgs):
            return Fact(m.start(), m.end("owner"), "org", "possessive", None, "appr.owner_before", name), True
    # the applicant named inside the event's words ("validated Kestrel Pharma's marketing authorisation application")
    poss = rx["appr.possessive"]
    inside = [o for o in orgs if ev.start < o.start and o.end < ev.end and
              (m := poss.match(text[o.end:min(ev.end, o.end + 3)])) is not None and m.end() > 0]
    if inside:
        return inside[0], True
    after = [o for o in orgs if o.start >= ev.end and o.start - ev.end <= 90 and
             rx["appr.granted_to"].search(text[max(a, o.start - 8):o.start])]
    if after:
        return after[0], True
    said = rx.get("appr.reporter_after")
    if said is not None:  # "The FDA has approved zavotinib, Halcyon Bio said on Monday": the one who reports it
        tellers = [o for o in orgs if o.start >= ev.end and said.match(text, o.end, o.end + 24)]
        if tellers:
            return tellers[0], False
    if drug is not None and (its := rx.get("appr.its")) is not None:
        # "Kestrel, with its partner Orwell, won approval for its drug Norvexa": "its" right before the drug is the
        # subject's, the first company of the sentence (not the partner named nearer the event)
        m = None
        for m in its.finditer(text, max(a, drug.start - 60), drug.start):  # noqa: B007  (the last one)
            pass
        if m is not None and not rx["appr.possessive_stop"].search(text, m.end(), drug.start) and \
                not any(m.end() <= o.start and o.end <= drug.start for o in orgs):
            subject = [o for o in orgs if o.end <= m.start()]
            if subject:
                return subject[0], True
    before = [o for o in orgs if o.end <= ev.start]
    if before:
        i = len(before) - 1
        join = rx.get("appr.partner_join")
        # "Halcyon and its partner Sunray won approval", "宁泰医药与合作伙伴辉瑞宣布": the first of companies joined
        # as partners, not the partner named nearer the event
        while join is not None and i > 0 and before[i - 1].end <= before[i].start and \
                join.fullmatch(text, before[i - 1].end, before[i].start):
            i -= 1
        return before[i], False
    return None, False


def orgs_by_sentence(vocab: ReportVocab, facts: list[Fact], sentences: list[tuple[int, int]]) -> dict[int, list[Fact]]:
    starts = [a for a, _ in sentences]
    out: dict[int, list[Fact]] = {}
    for f in facts:
        if f.label == "org" and not (vocab.not_companies is not None and vocab.not_companies.search(f.text)):
            out.setdefault(bisect.bisect_right(starts, f.start) - 1, []).append(f)
    return out


def top_company(orgs_by_sent: dict[int, list[Fact]], min_count: int = 3, announcer: Fact | None = None) -> Fact | None:
    """The company the article is about: named in the most sentences (at least ``min_count``), clearly ahead; else
    the company that opens the article announcing it ("恆瑞醫藥(600276.SH)公布…"), when there is one."""
    counts: dict[str, list[Any]] = {}
    for orgs in orgs_by_sent.values():
        for k in {getattr(o.value, "key", o.text): o for o in orgs}.items():
            counts.setdefault(k[0], [0, k[1]])[0] += 1
    ranked = sorted(counts.values(), key=lambda c: -c[0])
    if not ranked or ranked[0][0] < min_count or (len(ranked) > 1 and ranked[1][0] * 2 > ranked[0][0]):
        return announcer
    return ranked[0][1]


def announcer(vocab: ReportVocab, text: str, orgs_by_sent: dict[int, list[Fact]],
              opening: bool = True) -> Fact | None:
    """The first company of the article's first three sentences when its stock code and 'announced' follow it
    (also past an appositive: "Ascentage Pharma, a global biopharmaceutical company …, recently announced"); else,
    unless the headline is about a deal, the company the article opens with ("Novartis delivers solid sales …") or
    the headline names with its stock code ("朗信生物（2785.HK）中期業績要點"). ``opening``: whether the company an
    article merely opens with counts."""
    rx = vocab.appr_rx.get("appr.announcer_after")
    firsts = [orgs[0] for si, orgs in sorted(orgs_by_sent.items()) if si <= 2 and orgs]
    if not firsts:
        return None
    first = firsts[0]
    for o in firsts:  # (a headline, then the dateline sentence "Kestrel Bio (NASDAQ: KSTB), a …, today announced")
        if rx is not None and rx.match(text, o.end, o.end + 220):
            return o
    headline = text.lstrip().split("\n", 1)[0]
    deal = vocab.appr_rx.get("appr.deal_headline")
    if deal is not None and deal.search(headline):
        return None
    if opening and first.start <= len(text) - len(text.lstrip()):
        return first
    ticker = vocab.appr_rx.get("appr.headline_ticker")  # "AI摘要｜朗信生物（2785.HK）2025年中期業績要點"
    head_end = len(text) - len(text.lstrip()) + len(headline)
    for o in (o for orgs in orgs_by_sent.values() for o in orgs if o.end <= head_end):
        if ticker is not None and ticker.match(text, o.end, head_end):
            return o  # ("【华泰医药】澜峰药业（688526）年报点评": the company with the code, not the broker)
    return None


def filer_company(vocab: ReportVocab, text: str, facts: list[Fact]) -> Fact | None:
    """The issuer that heads a filing ("HARLOW BIOSCIENCES, INC.", 证券简称：智康生物), in the fullest form the text
    names it elsewhere ("Harlow Biosciences, Inc.", 无锡智康生物科技股份有限公司); None for an article that is no
    filing."""
    if vocab.filer_name is None:
        return None
    m = vocab.filer_name.search(text, 0, 400)
    if not m:
        return None
    head = m.group("s").strip()
    low = head.lower()
    named = [f for f in facts if f.label == "org" and f.start >= m.end("s") and len(f.text.strip()) >= 2
             and (f.text.strip().lower() in low or low in f.text.lower())]
    if named:
        return max(named, key=lambda f: len(f.text.strip()))
    return Fact(m.start("s"), m.start("s") + len(head), "org", "filer", None, "figure.filer", head)
