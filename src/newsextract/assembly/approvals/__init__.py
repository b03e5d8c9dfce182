"""Regulatory events → :class:`~newsextract.records.Approval` records.

Per sentence that holds an event word (``patterns/<lang>/approvals.yml``):
1. the event words that are not inside a non-event phrasing (pending, hoped-for, conditional, PDUFA …);
2. the regulators: agencies named in the sentence, else jurisdictions ("approved in the US" → FDA); an approval
   listing several ("approved in the US, Japan and Europe") is one record per regulator;
3. the drug nearest to the event word (drug names, INN codes from the asset finder, brand phrasings); a brand
   given with its INN anywhere in the article becomes the INN;
4. the company: the owner of the drug ("Kestrel's Norvexa", "宁远生物的…"), else the company nearest before the
   event in the sentence, else the one the approval is granted to.
Records need a drug or a company (a company alone only when an agency is named); one event of one drug by one
regulator is one record unless the text dates them apart.

Modules: ``drugs`` (drug names and brand ↔ INN pairs), ``parties`` (regulators and companies), ``records`` (one
record, its date, merging); this one walks the sentences and their events.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ...facts import Fact
from ...finders.reports import ReportVocab, sentences_with
from ...records import Approval
from .drugs import Drug, DrugIndex, choose_drug, drugs_in, known_names
from .owners import drug_key, drug_owners
from .parties import (
    announcer,
    clip_orgs,
    company,
    filer_company,
    nearest,
    orgs_by_sentence,
    regulators,
    top_company,
)
from .records import company_party, dedupe, event_date, record, same_drug_company

__all__ = ["assemble_approvals", "DrugIndex"]

#: a drug named in the previous sentence, by its sentence index
_LastDrug = tuple[int, Drug] | None
_Dated = tuple[Approval, str | None]


@dataclass
class _Article:
    """What every event sentence of one article reads: its text, facts, the drugs it names and its company."""

    text: str
    lang: str
    vocab: ReportVocab
    sentences: list[tuple[int, int]]
    facts: list[Fact]
    low: str | None
    index: DrugIndex
    known: list[Drug]
    top: Fact | None
    own: Fact | None
    #: drug key → the company a sentence ties it to; drug key → the licensor of a deal about it
    owners: dict[str, Fact]
    licensors: dict[str, Fact]
    hits: set[int]
    cache: dict[tuple[int, int], list[Drug]]
    #: the drug each record was made for, and whether its sentence names no company (by the record's id)
    drug_of: dict[int, Drug] = field(default_factory=dict)
    bare: set[int] = field(default_factory=set)
    #: the drug of the last event read, by its sentence index
    event_drug: tuple[int, Drug] | None = None
    #: whether ``own`` is only the company the article opens with (or the one it names), in one sentence of its own
    #: with no stock code and no 'announced': no sponsor of a drug the article never ties to it
    own_weak: bool = False


def assemble_approvals(text: str, lang: str, vocab: ReportVocab, sentences: list[tuple[int, int]],
                       facts: list[Fact], deals: list[Any] | None = None) -> list[Approval]:
    """Every regulatory event the article reports, in order of appearance."""
    low = text.lower()
    hits = sentences_with(vocab.approval_trigger, text, sentences, low)
    if not hits:
        return []
    art = _article(text, lang, vocab, sentences, facts, hits, low if len(low) == len(text) else None, deals)
    records: list[_Dated] = []
    last_drug: _LastDrug = None
    heads = _headings(art)
    for si in hits:
        if si in heads:  # (a section heading's event is its items', read below)
            continue
        last_drug = _sentence(art, si, last_drug, records)
    if heads:
        _heading_items(art, heads, records)
    # an event whose sentence ties no company to it: the company another sentence ties the drug to, else the
    # article's own when the sentence names none; else the company the article's other events of the drug name;
    # else the licensor of a deal about the drug
    weak = _fill(art, [r for r, _ in records],
                 lambda rec: _owner(art, rec, art.owners) or
                 (art.own if id(rec) in art.bare and not _weak_own(art, rec) else None))
    recs = dedupe(vocab, records, weak)
    same_drug_company(vocab, recs)
    # an event of no regulator that the article also reports with a regulator (and no other date): a headline or a
    # summary of it
    # ("Zentavo wins wider label" over "The FDA has expanded the approval of …", "Korvalta has been approved by three
    # regulators in the Access Consortium" over the Health Canada, TGA and Swissmedic approvals); it lends its company
    # (in another sentence: one sentence that tells two events of a drug apart keeps both, see _dated_apart)
    starts = [a for a, _ in sentences]
    recs = [r for r in recs if r.regulator is not None or r.drug is None or not _lend_company(r, [
        o for o in recs if o.regulator is not None and o.event == r.event and o.designation == r.designation
        and o.drug == r.drug
        and (o.date is None or r.date is None or o.date == r.date)
        and _sentence_of(starts, o) != _sentence_of(starts, r)])]
    _fill(art, recs, lambda rec: _owner(art, rec, art.licensors))
    return recs


def _sentence_of(starts: list[int], rec: Approval) -> int:
    """The index of the sentence a record's event word stands in."""
    at = next((e.start for e in rec.evidence if e.field == "event"), -1)
    return bisect.bisect_right(starts, at) - 1


def _lend_company(rec: Approval, same: list[Approval]) -> bool:
    """Whether ``same`` (the records of ``rec``'s event and drug that name a regulator) holds any; the one of them
    that names no company takes ``rec``'s."""
    if rec.company is not None:
        for o in same:
            if o.company is None:
                o.company = rec.company
                o.evidence.extend(e for e in rec.evidence if e.field == "company")
    return bool(same)


def _headings(art: _Article) -> dict[int, tuple[Fact, list[Fact]]]:
    """Section headings that name an event and no drug ("二、突破性治疗认定", "一、获批上市", "FDA approvals"): by
    sentence index, the event and the regulators the heading names."""
    rx = art.vocab.appr_rx
    if "appr.section_head" not in rx.rules:
        return {}
    head = rx["appr.section_head"]
    out: dict[int, tuple[Fact, list[Fact]]] = {}
    for si in sorted(art.hits):
        a, b = art.sentences[si]
        if b - a > (30 if art.lang == "zh" else 60) or not head.match(art.text, a, b):
            continue
        events = art.vocab.events_in(art.text, a, b, art.low)
        if not events or drugs_in(art.vocab, art.text, a, b, art.facts, art.index, art.low, art.known, art.cache):
            continue
        out[si] = (events[0], regulators(art.vocab, art.text, a, b))
    return out


def _heading_items(art: _Article, heads: dict[int, tuple[Fact, list[Fact]]], records: list[_Dated]) -> None:
    """The list items under a heading that names an event ("二、突破性治疗认定" then "1. 维恩生物VN-41片，拟用于…"):
    an item that names a drug and no event of its own reports the heading's event for its drug (its regulator the
    item's, else the heading's). The heading holds until the next section heading."""
    rx = art.vocab.appr_rx
    item, section = rx["appr.list_item"], rx["appr.section_head"]
    text, vocab = art.text, art.vocab
    cur: tuple[Fact, list[Fact]] | None = None
    for si, (a, b) in enumerate(art.sentences):
        if si in heads:
            cur = heads[si]
            continue
        if cur is None:
            continue
        listed = _is_item(text, a, b, item)
        if b - a <= (30 if art.lang == "zh" else 60) and section.match(text, a, b) and not listed:
            cur = None  # the next section
            continue
        if not listed or (si in art.hits and vocab.events_in(text, a, b, art.low)):
            continue
        drugs = drugs_in(vocab, text, a, b, art.facts, art.index, art.low, art.known, art.cache)
        if not drugs:
            continue
        ev0, head_regs = cur
        regs = regulators(vocab, text, a, b) or head_regs
        orgs = [f for f in clip_orgs(vocab, text, art.facts, a, b, [(r.start, r.end) for r in regs])
                if not any(d.start < f.end and f.start < d.end for d in drugs)]
        ev = Fact(drugs[0].start, drugs[0].start, "event", ev0.kind, ev0.value, ev0.rule, ev0.text, dict(ev0.extra))
        records.extend(_event_records(art, si, ev, True, drugs[0], regs, orgs))


def _is_item(text: str, a: int, b: int, item: re.Pattern[str]) -> bool:
    """Whether the sentence ``text[a:b]`` is a list item: it opens with a number or a bullet, or the segmenter left
    one between the line break before it and its start ("\n- Halcyon Bio's HB-101 …")."""
    if item.match(text, a, b):
        return True
    nl = text.rfind("\n", max(0, a - 8), a)
    return nl >= 0 and item.fullmatch(text, nl + 1, a) is not None


def _fill(art: _Article, recs: list[Approval], find: Callable[[Approval], Fact | None]) -> set[int]:
    """Gives the records without a company the one ``find`` gives; returns the ids of those it filled."""
    filled = set()
    for rec in recs:
        if rec.company is None and (o := find(rec)) is not None and not _investor(art.vocab, o, art.facts) and \
                o.text.strip().lower() not in {n.lower() for n in (rec.drug, rec.brand, rec.code) if n} and \
                not _in_regulator(art, o):
            # (not the drug itself, which a name finder may read as a company: "Zavotinib has been approved …")
            rec.company, ev = company_party(art.vocab, art.text, o, art.facts)
            rec.evidence.append(ev)
            filled.add(id(rec))
    return filled


def _in_regulator(art: _Article, o: Fact) -> bool:
    """Whether a company mention is part of an agency's name ("Agency" in "the European Medicines Agency's
    committee", read as the article's only company): no sponsor."""
    x, y = max(0, o.start - 60), min(len(art.text), o.end + 60)
    return any(r.start <= o.start and o.end <= r.end for r in art.vocab.regulators_in(art.text, x, y))


def _investor(vocab: ReportVocab, o: Fact, facts: list[Fact]) -> bool:
    """Whether a company is an investor by its name, or the fullest name the article writes of it ("Harborview"
    defined as "Harborview Royalty Fund II, L.P.", "Ridgeway Royalty Capital", 某某基金): one that buys a royalty or
    funds a trial is no sponsor of a drug's events."""
    rule = vocab.appr_rx.rules.get("appr.investor")
    if rule is None:
        return False
    names = {o.text, str(getattr(o.value, "canonical", None) or "")}
    key = getattr(o.value, "key", None)
    if key is not None:
        names |= {f.text for f in facts if f.label == "org" and getattr(f.value, "key", None) == key}
    return any(rule.regex.search(n) for n in names if n)


def _article(text: str, lang: str, vocab: ReportVocab, sentences: list[tuple[int, int]], facts: list[Fact],
             hits: list[int], low: str | None, deals: list[Any] | None = None) -> _Article:
    """The article's brand ↔ INN pairs, every mention of a drug it names in an event sentence, and its company."""
    index = DrugIndex()
    for brand, inn in vocab.drug_pairs(text):
        index.add(brand, inn)
    found: set[str] = set()
    cache: dict[tuple[int, int], list[Drug]] = {}
    for si in hits:
        a, b = sentences[si]
        found.update(d.name for d in drugs_in(vocab, text, a, b, facts, index, low, cache=cache)
                     if d.rule.startswith("drug."))
    known = known_names(vocab, text, facts, found)
    by_sent = orgs_by_sentence(vocab, facts, sentences)
    top = top_company(by_sent, min_count=2 if lang == "zh" else 3, announcer=announcer(vocab, text, by_sent))
    if top is None:  # (the only company the article names, by key: "北京天衡药业股份有限公司（以下简称“天衡药业”）" whose short
        top = _only_company(by_sent)  # name no finder reads again)
    owners, licensors = drug_owners(vocab, text, sentences, known, by_sent, deals, facts)
    filer = filer_company(vocab, text, facts)
    own = filer or top  # "we", "the Company" in a filing are its issuer
    weak = filer is None and top is not None and _once(by_sent, top) and not _about(vocab, text, top)
    return _Article(text=text, lang=lang, vocab=vocab, sentences=sentences, facts=facts, low=low, index=index,
                    known=known, top=top, own=own, owners=owners, licensors=licensors, hits=set(hits), cache=cache,
                    own_weak=weak)


def _about(vocab: ReportVocab, text: str, org: Fact) -> bool:
    """Whether the article is about a company it names once: 'announced' or a stock code follows the name, or the
    article refers to a company by 'the company', 'we', 本公司 …"""
    rx = vocab.appr_rx
    return any(r is not None and r.match(text, org.end, org.end + 220) for r in (
        rx.get("appr.announcer_after"), rx.get("appr.headline_ticker"))) or \
        ((ref := rx.get("appr.company_ref")) is not None and ref.search(text) is not None)


def _once(by_sent: dict[int, list[Fact]], org: Fact) -> bool:
    """Whether a company is named in one sentence of the article only (by key)."""
    key = getattr(org.value, "key", org.text)
    return sum(any(getattr(o.value, "key", o.text) == key for o in orgs) for orgs in by_sent.values()) <= 1


def _weak_own(art: _Article, rec: Approval) -> bool:
    """Whether the article's company is too weak a sponsor for a record whose sentence names no company: it is
    named once, with no 'announced' or stock code ("Hengrui posted revenue of … The FDA approved Keytruda …"), and
    the sentence that names it names no drug of the record."""
    if not art.own_weak or art.top is None:
        return False
    drug = art.drug_of.get(id(rec))
    if drug is None:
        return True
    starts = [a for a, _ in art.sentences]
    a, b = art.sentences[bisect.bisect_right(starts, art.top.start) - 1]
    names = {n.lower() for n in (drug.name, drug.inn, drug.brand, drug.code) if n}
    return not any(n in art.text[a:b].lower() for n in names)


def _only_company(by_sent: dict[int, list[Fact]]) -> Fact | None:
    """The one company an article names, when it names one only (by key; a key inside another is the same
    company: "杭州岚泽药业股份有限公司（以下简称“岚泽药业”）")."""
    orgs = [o for os in by_sent.values() for o in os]
    if not orgs:
        return None
    keys = {str(getattr(o.value, "key", o.text)).split(":", 1)[-1] for o in orgs}  # ("x:岚泽药业": the name)
    longest = max(keys, key=len)
    return orgs[0] if all(k in longest for k in keys) else None


def _sentence(art: _Article, si: int, last_drug: _LastDrug, records: list[_Dated]) -> _LastDrug:
    """The records of one sentence's events (added to ``records``); returns the drug named last so far."""
    text, vocab = art.text, art.vocab
    a, b = art.sentences[si]
    blocked: list[tuple[int, int]] = []
    events = vocab.events_in(text, a, b, art.low, blocked)
    drugs = drugs_in(vocab, text, a, b, art.facts, art.index, art.low, art.known, art.cache)
    if not events:
        return (si, drugs[-1]) if drugs else last_drug
    # (a jurisdiction inside a non-event phrasing is where the hoped-for event would be: "预计可获得欧盟批准")
    regs = [r for r in regulators(vocab, text, a, b)
            if r.label != "jurisdiction" or not any(x < r.end and r.start < y for x, y in blocked)]
    # (and one right after a non-event phrasing in its clause is where that event is not or not yet, when another is
    # the event's: "has yet to receive approval for sunvatinib in the United States, though it was approved in China",
    # "approved in the US and the EU, and is seeking approval in Japan"; not "awaiting approval from the NMPA, which
    # accepted the filing")
    kept = [r for r in regs if not _after_non_event(text, r, blocked, events)]
    regs = kept if kept else regs
    reg_spans = [(r.start, r.end) for r in regs]
    known = [f for f in art.facts if f.label == "org" and f.kind == "gazetteer" and a <= f.start and f.end <= b]
    drugs = [_after_company(art.text, d, known) for d in drugs
             if not any(x < d.end and d.start < y for x, y in reg_spans)]
    # (a Chinese name finder may also have run over the event word: "程序附条件批准启明星辰生物制药有限公司申报的…")
    cut_spans = reg_spans + [(e.start, e.end) for e in events] if vocab.lang == "zh" else reg_spans
    orgs = [f for f in clip_orgs(vocab, text, art.facts, a, b, cut_spans)
            if not (vocab.not_companies is not None and vocab.not_companies.search(f.text.strip()))
            and not _investor(vocab, f, art.facts)
            and not any(d.start < f.end and f.start < d.end for d in drugs)]
    prev_drug: Drug | None = None
    prev_regs: list[Fact] = []
    for s0, s1 in _event_clauses(text, events, regs, drugs):
        part = [e for e in events if s0 <= e.start < s1]
        p_drugs = [d for d in drugs if s0 <= d.start < s1] or ([prev_drug] if prev_drug is not None else [])
        # (a part that is a verb coordinated with the one before shares its regulators: see _event_clauses)
        p_regs = [r for r in regs if s0 <= r.start < s1] or (prev_regs if s0 > -1 else [])
        prev_regs = p_regs
        p_orgs = [o for o in orgs if s0 <= o.start < s1]
        seen: set[tuple[str, str | None]] = set()
        for ev in part:
            key = (ev.kind, ev.extra.get("designation"))
            if key in seen:
                continue
            seen.add(key)
            drug = _event_drug(art, si, ev, p_drugs, last_drug, bool(p_orgs))
            if drug is not None:
                art.event_drug = (si, drug)
                prev_drug = drug
            # (one kind of event: one designation too -- "获CDE纳入突破性治疗…，并获美国FDA授予孤儿药资格" are two
            # designations, each of its own regulator, not both of both)
            one_kind = len({(e.kind, e.extra.get("designation")) for e in part}) == 1
            for d in _conjuncts(art, drug, p_drugs):
                regs_d = _own_clause_regs(text, a, b, ev, d, p_regs, p_drugs)
                records.extend(_event_records(art, si, ev, one_kind, d, regs_d, p_orgs))
    return (si, drugs[-1]) if drugs else last_drug


_CLAUSE_SEP = re.compile(r"[,;，；。]")
#: how far after a non-event phrasing a regulator or jurisdiction of its clause may stand
_NON_EVENT_REACH = 60


def _own_clause_regs(text: str, a: int, b: int, ev: Fact, drug: Drug | None, regs: list[Fact],
                     drugs: list[Drug]) -> list[Fact]:
    """The regulators an event may take: not one in another clause of the sentence that names another drug and no
    event ("The FDA approved Halvex's zeltrimab, while China's NMPA cleared Sunray's sunvatinib": the NMPA is no
    regulator of zeltrimab's approval), unless that leaves none."""
    if drug is None or len(regs) < 2:
        return regs
    seps = [m.start() for m in _CLAUSE_SEP.finditer(text, a, b)]
    if not seps:
        return regs

    def clause(pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(seps, pos)
        return (seps[i - 1] if i else a), (seps[i] if i < len(seps) else b)

    kept = []
    for r in regs:
        c0, c1 = clause(r.start)
        if not (c0 <= ev.start < c1) and any(c0 <= d.start < c1 and d.name != drug.name for d in drugs) and \
                not any(c0 <= d.start < c1 and d.name == drug.name for d in drugs):
            continue
        kept.append(r)
    return kept or regs


def _after_non_event(text: str, r: Fact, blocked: list[tuple[int, int]], events: list[Fact]) -> bool:
    """Whether a regulator stands next to a non-event phrasing, in its clause, with no event word between (after it:
    "has yet to receive approval … in the United States"; before it: "尚未在美国获批", "正在申请FDA批准")."""
    for x, y in blocked:
        if x <= r.start and r.end <= y:  # (inside it: "正在申请FDA批准")
            return True
        if y <= r.start <= y + _NON_EVENT_REACH:
            u, v = y, r.start
        elif r.end <= x <= r.end + _NON_EVENT_REACH:
            u, v = r.end, x
        else:
            continue
        if not _CLAUSE_SEP.search(text, u, v) and not any(u <= e.start < v for e in events):
            return True
    return False


def _event_clauses(text: str, events: list[Fact], regs: list[Fact], drugs: list[Drug]) -> list[tuple[int, int]]:
    """The parts of a sentence each event of one kind is read in: one event of a kind again after a comma, with a
    regulator and a drug of its own on each side, is another event ("The FDA approved Halcyon's zavotinib, and the
    European Commission approved Kestrel's tafolimab", "美国FDA批准了泽沃替尼，欧盟委员会则批准了舒沃单抗");
    else the whole sentence (one event of several regulators: "approved in the US and the EU")."""
    bounds = [min(e.start for e in events)]
    last: dict[tuple[str, str | None], Fact] = {}
    for ev in events:
        key = (ev.kind, ev.extra.get("designation"))
        prev = last.get(key)
        last[key] = ev
        if prev is None or prev.end > ev.start:
            continue
        cut = None
        for m in _CLAUSE_SEP.finditer(text, prev.end, ev.start):
            cut = m.end()
        if cut is None or cut <= bounds[-1]:
            continue
        bounds.append(cut)
    if len(bounds) == 1:
        return [(-1, len(text) + 1)]
    edges = [-1, *bounds[1:], len(text) + 1]
    parts = list(zip(edges, edges[1:], strict=False))
    def own_or_shared(i: int, x: int, y: int) -> bool:
        """The part names its regulator, or is a verb coordinated with the first part's, whose regulator it shares
        ("The FDA approved Halcyon's Zelvora for asthma, and approved Kestrel's Norvexa for migraine")."""
        if any(x <= r.start < y for r in regs):
            return True
        ev = next((e for e in events if x <= e.start < y), None)
        return i > 0 and ev is not None and _COORDINATED.fullmatch(text, max(x, 0), ev.start) is not None and any(
            edges[0] <= r.start < parts[0][1] for r in regs)

    if not all(own_or_shared(i, x, y) and any(x <= d.start < y for d in drugs) for i, (x, y) in enumerate(parts)) \
            and not _dated_apart(text, parts, events, regs, drugs):
        return [(-1, len(text) + 1)]
    return parts


#: what stands between a clause's start and its event when it is a verb of the same subject (", and also cleared …")
_COORDINATED = re.compile(r"\s*(?:and|as well as|while|then)?\s*(?:(?:also|then|later|separately|additionally)\s+)?"
                          r"(?:(?:has|had|have)\s+)?(?:(?:also|then|later)\s+)?")


_PART_YEAR = re.compile(r"(?:19|20)\d\d(?=\s?年)|(?<![\d.,])(?:19|20)\d\d(?![\d.,])")


def _dated_apart(text: str, parts: list[tuple[int, int]], events: list[Fact], regs: list[Fact],
                 drugs: list[Drug]) -> bool:
    """Whether a sentence tells one drug's events of one kind apart by their years: the first part names the drug,
    each part's event has a year of its own before it, the later ones a regulator ("泽沃替尼于2021年获批上市，2024年在
    欧盟获批")."""
    years = []
    for i, (x, y) in enumerate(parts):
        ev = next((e for e in events if x <= e.start < y), None)
        if ev is None:
            return False
        m = [mm.group(0) for mm in _PART_YEAR.finditer(text, max(x, 0, ev.start - 30), ev.start)]
        if not m:
            return False
        years.append(m[-1])
        if i > 0 and not any(x <= r.start < y for r in regs):
            return False
    return len(set(years)) == len(years) and any(parts[0][0] <= d.start < parts[0][1] for d in drugs)


def _conjuncts(art: _Article, drug: Drug | None, drugs: list[Drug]) -> list[Drug | None]:
    """The event's drug and the drugs coordinated with it in its sentence ("approved sotorasib and adagrasib",
    "Halcyon's tafolimab and Kestrel's norvestrant are approved", "A、B和C获批"): one event each. A drug's other name
    in brackets right after it is the same drug ("Zelvora (tafolimab), Norvexa (norvestrant) and …"). A list joined
    by commas alone is none ("Zelvora, tafolimab" may name one drug twice): some link must say and / or / 和 / 、."""
    if drug is None or drug not in drugs:
        return [drug]
    text, link = art.text, art.vocab.appr_rx["appr.conjunct"]
    units: list[list[Any]] = []  # [the drug, its start, its end with its bracketed other name]
    mine = 0
    for d in drugs:
        if units and _BRACKET_OPEN.fullmatch(text, units[-1][2], d.start) and \
                (close := _BRACKET_CLOSE.match(text, d.end)) is not None:
            units[-1][2] = close.end()
        else:
            units.append([d, d.start, d.end])
        if d is drug:
            mine = len(units) - 1
            units[mine][0] = drug
    chain, words = [units[mine][0]], False
    for step in (1, -1):
        j, cur = mine + step, units[mine]
        while 0 <= j < len(units):
            nxt = units[j]
            x, y = (cur[2], nxt[1]) if step == 1 else (nxt[2], cur[1])
            m = link.fullmatch(text, x, y) if x <= y else None
            if m is None:
                break
            words = words or any(v for k, v in m.groupdict().items() if k.startswith("word"))
            chain.append(nxt[0])
            cur, j = nxt, j + step
    if len(chain) == 1 or not words:
        return [drug]
    return sorted(chain, key=lambda d: d.start)


_BRACKET_OPEN = re.compile(r"\s*[(（]\s*")
_BRACKET_CLOSE = re.compile(r"\s*[)）]")


def _after_company(text: str, d: Drug, known: list[Fact]) -> Drug:
    """A drug name that runs on from a known company's name (``known``: the sentence's gazetteer companies) loses
    the company's part ("百奥泰贝伐珠单抗…" read as the drug "奥泰贝伐珠单抗": 贝伐珠单抗)."""
    for f in known:
        if f.start < d.start < f.end < d.end and d.end - f.end >= 2:
            name = text[f.end:d.end]
            return Drug(name, f.end, d.end, d.rule, inn=name if d.inn == d.name else d.inn, brand=d.brand,
                        code=d.code, owner=d.owner)
    return d


def _event_drug(art: _Article, si: int, ev: Fact, drugs: list[Drug], last_drug: _LastDrug,
                has_orgs: bool = False) -> Drug | None:
    """The drug of one event: in its sentence, else in a heading line just before, else the one "it" refers to,
    else -- in a sentence that names neither a drug nor a company -- the drug of the sentence right before ("The
    Swiss decision follows approval in the European Union", "- U.S. IND cleared by the FDA" under "- KY-0731 …")."""
    text, sentences = art.text, art.sentences
    a, b = sentences[si]
    # a drug named as the partner of a combination is not the one approved ("the drug was approved in the US in
    # combination with amivantamab"): the others first, else the drug referred to, else the partner
    combo = art.vocab.appr_rx["appr.combination"]
    partners = [d for d in drugs if combo.search(text, max(a, d.start - 30), d.start)]
    drug = choose_drug(text, [d for d in drugs if d not in partners], ev)
    if drug is None and partners and not art.vocab.appr_rx["appr.anaphor"].search(text, a, b):
        drug = choose_drug(text, partners, ev)
    if drug is None and si > 0 and sentences[si - 1][1] - sentences[si - 1][0] <= 100 and \
            (si - 1) not in art.hits:
        # a drug named in a heading line just before ("★ tafolimab, IL-4R, Halcyon Bio")
        head = [d for d in art.known if sentences[si - 1][0] <= d.start and d.end <= sentences[si - 1][1]]
        drug = head[0] if head else None
    if drug is None and (art.lang == "zh" or art.vocab.appr_rx["appr.anaphor"].search(text, a, b)):
        prior = [d for d in art.known if d.end <= a and a - d.end <= (600 if art.lang == "en" else 300)]
        if prior:  # "It was approved …": the drug the passage is about (named most often), else the last
            drug = max(reversed(prior), key=lambda d: min(3, text.count(d.name)))
        elif last_drug is not None and si - last_drug[0] <= 2:
            drug = last_drug[1]
    if drug is None and not drugs and not has_orgs:
        before = art.event_drug if art.event_drug is not None and art.event_drug[0] == si - 1 else last_drug
        if before is not None and before[0] == si - 1:  # (the previous sentence's event's drug, else its last)
            drug = before[1]
        elif si > 0:  # a sentence without an event word that names the drug ("DJ-3305 is a candidate Dongjin Bio
            pa, pb = sentences[si - 1]  # developed … In 2023, the MFDS approved the phase 1 clinical trial plan")
            prev = [d for d in art.known if pa <= d.start and d.end <= pb]
            if len({d.name for d in prev}) == 1:
                drug = prev[0]
    return drug


def _event_records(art: _Article, si: int, ev: Fact, one_kind: bool, drug: Drug | None, regs: list[Fact],
                   orgs: list[Fact]) -> list[_Dated]:
    """The records of one event: its company, and one per regulator when a single kind of event lists several
    (``one_kind``: the sentence's events are all of one kind)."""
    text, rx = art.text, art.vocab.appr_rx
    a, b = art.sentences[si]
    sponsor, tied = company(art.vocab, text, ev, drug, orgs, a)
    if sponsor is None and drug is not None and drug.owner is not None:
        x, y = drug.owner  # a possessive the name finder did not read as a company ("Kurokawa's nerafenidone")
        sponsor, tied = Fact(x, y, "org", "possessive", None, drug.rule, text[x:y]), True
    if sponsor is None and drug is not None and si > 0 and drug.end <= a:
        # the drug came from the heading line right before ("★ lumarisiran, TTR, Aurelis Pharma" over "Health Canada
        # approved the twice-yearly siRNA …"): the company that line names is its sponsor
        ha, hb = art.sentences[si - 1]
        if ha <= drug.start and hb - ha <= 100:
            named = [f for f in art.facts if f.label == "org" and ha <= f.start and f.end <= hb
                     and not (art.vocab.not_companies is not None and art.vocab.not_companies.search(f.text.strip()))]
            if len({f.text for f in named}) == 1:
                sponsor, tied = named[0], True
    if sponsor is None and art.own is not None and rx["appr.self"].search(text, a, b):
        sponsor = art.own  # "we" / "the Company" in a company's own release
    if sponsor is None and not orgs and (m := rx["appr.subject_receives"].match(text, a, ev.start)) is not None:
        x, y = m.span("owner")  # "Pharming receives FDA complete response letter for …": the line's subject
        name = m.group("owner")
        if not (drug is not None and x < drug.end and drug.start < y) and name.split()[0] not in art.vocab.not_drugs \
                and not art.vocab.regulators_in(text, x, y) and not art.vocab.jurisdictions_in(text, x, y):
            sponsor, tied = Fact(x, y, "org", "subject", None, "appr.subject_receives", name), True
    if drug is None and (ev.kind != "approval" or sponsor is None or not tied
                         or not any(r.label == "regulator" for r in regs)):
        return []
    bare = sponsor is None and not orgs  # (reports name their company, then only its drug: see _owner)
    # the regulators of the event's own clause, when it names any ("approved in Japan (March 2024); filings under
    # review in the US and EU": Japan's alone)
    stop = art.vocab.appr_rx["appr.clause_stop"]
    own = [r for r in regs if not stop.search(text, min(r.end, ev.end), max(r.start, ev.start))]
    ev_regs = own or regs
    if ev.extra.get("regulator"):  # a CHMP opinion is the EMA's, whatever jurisdiction the sentence names, and
        # whatever other agency it names besides the EMA ("获EMA人用药品委员会正面意见，预期欧盟委员会将…做出决定")
        fixed = [r for r in ev_regs if str(r.value) == str(ev.extra["regulator"])]
        if fixed:
            ev_regs = fixed
        elif not any(r.label == "regulator" for r in ev_regs):
            ev_regs = []
    if ev.kind in ("approval", "designation") and {str(r.value) for r in ev_regs} >= {"EC", "EMA"}:
        # the Commission decides what the EMA (its committees) recommended ("granted orphan designation by the European
        # Commission …, following a positive recommendation from the EMA's Committee for Orphan Medicinal Products")
        ev_regs = [r for r in ev_regs if str(r.value) != "EMA"]
    if ev.kind == "approval" and {str(r.value) for r in ev_regs} >= {"MHLW", "PMDA"}:
        # the ministry approves what its agency reviewed ("The MHLW approved nerafenidone …, following a priority
        # review by the PMDA"): one approval, the MHLW's
        ev_regs = [r for r in ev_regs if str(r.value) != "PMDA"]
    fan_out = one_kind and len({r.kind for r in ev_regs}) > 1
    targets = ev_regs if fan_out else ([nearest(ev_regs, ev.start, ev.end)] if ev_regs else [None])
    out: list[_Dated] = []
    done: set[str | None] = set()
    for reg in targets:
        rv = None if reg is None else str(reg.value)
        if rv in done:
            continue
        done.add(rv)
        rec = record(art.vocab, text, ev, reg, drug, sponsor, art.index, art.facts)
        if rec.regulator is None and ev.extra.get("regulator"):
            rec.regulator = str(ev.extra["regulator"])
        if drug is not None:
            art.drug_of[id(rec)] = drug
        if bare:
            art.bare.add(id(rec))
        out.append((rec, event_date(art.vocab, text, a, b)))
    return out


def _owner(art: _Article, rec: Approval, table: dict[str, Fact]) -> Fact | None:
    """The company ``table`` (:mod:`.owners`) gives a record's drug, by any of the drug's names."""
    drug = art.drug_of.get(id(rec))
    if drug is None:
        return None
    for name in (drug.name, drug.inn, drug.code, drug.brand, art.index.inn(drug.name)):
        if name and (o := table.get(drug_key(art.vocab, name))) is not None:
            return o
    return None
