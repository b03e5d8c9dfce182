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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..facts import Fact
from ..finders.reports import ReportVocab, sentences_with
from ..records import Approval, Evidence, Party

__all__ = ["assemble_approvals", "DrugIndex"]

_ANAPHOR = {"en": re.compile(r"\b(?:it|its|the (?:drug|therapy|medicine|product|treatment|candidate|molecule|"
                             r"compound|asset))\b", re.I),
            "zh": re.compile(r"该药|該藥|该产品|該產品|其|此药|此藥|该疗法|該療法")}
_SELF = {"en": re.compile(r"\b(?:we|our|the Company)\b"), "zh": re.compile(r"本公司|公司(?:自主|已|获|獲|宣布)")}
#: verbs the Chinese name finder sometimes takes into a name ("批准宁远生物")
_ZH_LEAD = re.compile(r"^(?:批准|批準|宣布|表示|公布|获得|獲得|获|獲|由|与|與|向|和|及|将|將|对|對)+(?=[\u4e00-\u9fff]{2})")
_POSSESSIVE = re.compile(r"^\s*(?:[’']s?|的)\s*")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:\s?年\s?(\d{1,2})\s?月)?(?!\d)")
_MONTH_YEAR = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|"
                         r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+(?:\d{1,2},?\s+)?((?:19|20)\d\d)")
_MON = {m[:3].lower(): i for i, m in enumerate("January February March April May June July August September "
                                               "October November December".split(), 1)}


@dataclass
class _Drug:
    name: str
    start: int
    end: int
    rule: str
    inn: str | None = None
    brand: str | None = None
    code: str | None = None


@dataclass
class DrugIndex:
    """Brand ↔ INN pairs the article states anywhere ("Norvexa (ingredient name norvestrant)")."""

    inn_of: dict[str, str] = field(default_factory=dict)

    def add(self, brand: str | None, inn: str | None) -> None:
        if brand and inn:
            self.inn_of.setdefault(brand.lower(), inn)

    def inn(self, name: str) -> str | None:
        return self.inn_of.get(name.lower())


_COMPANY_WORD = re.compile(r"(?:^|\b)(?:Pharmaceuticals?|Diagnostics|Division|Pharma|Therapeutics|Biosciences?|Bio|Biotech|Biologics|Inc|Ltd|"
                           r"LLC|Corp|Corporation|NV|AG|SA|plc|Group|Holdings|Laboratories|Sciences|Industries|"
                           r"Healthcare|Medicines|International|Company)\.?$")
_ZH_FUNCTION = re.compile(r"[的了在于於为為是和与與及或等其该該此本各个個将將已并並被从從对對向以由至]|公司|截至|用于|用於|治疗|治療")
_ZH_DISEASE = re.compile(r"(?:癌|病|症|炎|瘤|癥|综合征|綜合征)$")
_ZH_DESCRIPTOR = re.compile(r"[药藥]物|新[药藥]|[产產]品|疗法|療法|[双雙]抗|抗[体體]|的")
#: what a Chinese drug name may end with beside its core ("依沃西注射液", "依沃西单抗" are one drug)
_ZH_FORM = re.compile(r"(?:注射液|片|胶囊|膠囊|单抗|單抗)$")
_ZH_SUFFIX = re.compile(r"(?:单抗|單抗|替尼|注射液|片|胶囊|膠囊|仑赛|侖賽|西普|肽|韦|韋|司他|珠单抗)$")


def _valid_name(vocab: ReportVocab, text: str, name: str, start: int, end: int, facts: list[Fact]) -> bool:
    if name in vocab.not_drugs or name.split()[0] in vocab.not_drugs:
        return False
    if vocab.lang == "zh" and re.search(r"[\u4e00-\u9fff]", name):
        if _ZH_FUNCTION.search(name) or _ZH_DISEASE.search(name) or len(name) < 2:
            return False
        return bool(_ZH_SUFFIX.search(name)) or text.count(name) >= 2
    if _COMPANY_WORD.search(name):
        return False
    for f in facts:
        if f.end <= start or f.start >= end:
            continue
        if f.label == "target" or (f.label == "org" and getattr(f.value, "canonical", None)):
            return False
    return not re.match(r"\s*:", text[end:end + 2])  # tickers: "(BAYN: DE)"


def _drugs(vocab: ReportVocab, text: str, a: int, b: int, facts: list[Fact], index: DrugIndex,
           low: str | None = None, known: list[_Drug] | None = None,
           cache: dict[tuple[int, int], list[_Drug]] | None = None) -> list[_Drug]:
    found = cache.get((a, b)) if cache is not None else None
    if found is None:
        found = _found_drugs(vocab, text, a, b, facts, low)
        if cache is not None:
            cache[(a, b)] = found
    cands: list[_Drug] = [d for d in known or [] if a <= d.start and d.end <= b] + list(found)
    # overlapping names: the one that states its INN, else the asset finder's, else the longer
    cands.sort(key=lambda d: (d.inn is None or d.brand is None, d.rule.startswith("drug."), -(d.end - d.start)))
    out: list[_Drug] = []
    for d in cands:
        if not any(o.start < d.end and d.start < o.end for o in out):
            out.append(d)
    return sorted(out, key=lambda d: d.start)


def _found_drugs(vocab: ReportVocab, text: str, a: int, b: int, facts: list[Fact], low: str | None) -> list[_Drug]:
    """The drug names of a sentence from the asset finder, INN shapes and the drug phrasings (once per sentence)."""
    cands: list[_Drug] = []
    for f in facts:
        if f.label == "asset" and a <= f.start and f.end <= b:
            d = _Drug(f.text, f.start, f.end, f.rule)
            if f.kind in ("inn", "inn_zh"):
                d.inn = f.text
            elif f.kind == "code":
                d.code = f.text
            cands.append(d)
    for f in vocab.inns_in(text, a, b, low):
        if not any(d.start <= f.start and f.end <= d.end for d in cands):
            cands.append(_Drug(f.value, f.start, f.end, f.rule, inn=f.value))
    for f in vocab.drugs_in(text, a, b):
        v = f.value
        if vocab.lang == "zh":  # "癌症药物沃瑞沙": the name after its description
            tail = _ZH_DESCRIPTOR.split(v["name"])[-1]
            if tail != v["name"] and len(tail) >= 2:
                f.start, v["name"] = f.end - len(tail), tail
        if not _valid_name(vocab, text, v["name"], f.start, f.end, facts):
            continue
        d = _Drug(v["name"], f.start, f.end, f.rule, inn=v.get("inn"), brand=v.get("brand"))
        if d.inn is None and vocab.is_inn(d.name):
            d.inn = d.name.lower() if d.name[:1].isupper() and d.name[1:].islower() else d.name
        cands.append(d)
    return cands


def _known_names(vocab: ReportVocab, text: str, facts: list[Fact], found: set[str]) -> list[_Drug]:
    """Every mention of a drug the article names somewhere as a drug: INNs and codes, brands given with their INN,
    names the drug phrasings found in an event sentence."""
    names: dict[str, tuple[str | None, str | None]] = {n: (None, None) for n in found if len(n) >= 2}
    for brand, inn in vocab.drug_pairs(text):
        names.setdefault(brand, (inn, brand))
        names.setdefault(inn, (inn, brand))
    for f in facts:
        if f.label == "asset" and f.kind in ("inn", "inn_zh", "code") and len(f.text) >= 3:
            names.setdefault(f.text, (f.text if f.kind != "code" else None, None))
    out = []
    for name, (inn, brand) in names.items():
        i = text.find(name)
        while i >= 0:
            j = i + len(name)
            if not (text[i - 1:i].isalnum() and vocab.lang == "en") and not (text[j:j + 1].isalnum() and vocab.lang == "en"):
                out.append(_Drug(name, i, j, "drug.known", inn=inn, brand=brand if brand != inn else None))
            i = text.find(name, j)
    return sorted(out, key=lambda d: d.start)


def _choose_drug(text: str, drugs: list[_Drug], ev: Fact) -> _Drug | None:
    """The drug of an event: near it, and preferably the one the article is about (named most often)."""
    best, best_score = None, None
    for d in drugs:
        dist = d.start - ev.end if d.start >= ev.end else ev.start - d.end
        score = dist - (10 if d.start >= ev.end else 0) - 40 * min(3, text.count(d.name) - 1)
        if best_score is None or score < best_score:
            best, best_score = d, score
    return best


def _regulators(vocab: ReportVocab, text: str, a: int, b: int) -> list[Fact]:
    agencies = vocab.regulators_in(text, a, b)
    spans = [(r.start, r.end) for r in agencies]
    out = list(agencies)
    for j in vocab.jurisdictions_in(text, a, b):
        if re.match(r"\s*[’']s\b", text[j.end:j.end + 3]) or any(x < j.end and j.start < y for x, y in spans):
            continue  # "Japan's Kestrel Pharma": a company's home, not where the approval is
        if any(r.value == j.value for r in out):
            continue
        out.append(j)
    return sorted(out, key=lambda r: r.start)


def _nearest(items: list[Any], pos_a: int, pos_b: int, after_bonus: int = 0) -> Any:
    best, best_d = None, None
    for it in items:
        d = it.start - pos_b if it.start >= pos_b else pos_a - it.end
        if it.start >= pos_b:
            d -= after_bonus
        if best_d is None or d < best_d:
            best, best_d = it, d
    return best


def _clip_orgs(text: str, facts: list[Fact], a: int, b: int, reg_spans: list[tuple[int, int]]) -> list[Fact]:
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
        rest = _ZH_LEAD.sub("", text[cut:f.end])
        if len(rest) >= 2 and cut < f.end:
            start = f.end - len(rest)
            out.append(Fact(start, f.end, "org", f.kind, f.value, f.rule, text[start:f.end], dict(f.extra)))
    return out


def _company(text: str, lang: str, ev: Fact, drug: _Drug | None, orgs: list[Fact], a: int) -> tuple[Fact | None, bool]:
    """The sponsor of an event and whether the text ties it to the drug or the event ("Kestrel's Norvexa",
    "approval to Halcyon", "a drug from Halcyon") rather than only naming it before the event."""
    if drug is not None:
        for o in orgs:
            gap = text[o.end:drug.start]  # "Kestrel's Norvexa", "宁远生物的泽沃替尼"
            if o.end <= drug.start and len(gap) <= 40 and _POSSESSIVE.match(gap) and \
                    not re.search(r"[,;。，]", gap):
                return o, True
            if o.start >= drug.end and re.fullmatch(r",\s*(?:an?\s+|the\s+)?", text[drug.end:o.start]) and \
                    _POSSESSIVE.match(text[o.end:o.end + 3]):
                return o, True  # "KST-101, Kestrel Pharma's gene therapy"
    after = [o for o in orgs if o.start >= ev.end and o.start - ev.end <= 90 and re.search(r"\b(?:to|from|by)\s*$|授予\s*$",
                                                                 text[max(a, o.start - 8):o.start])]
    if after:
        return after[0], True
    before = [o for o in orgs if o.end <= ev.start]
    if before:
        return before[-1], False
    return None, False


def _orgs_by_sentence(vocab: ReportVocab, facts: list[Fact], sentences: list[tuple[int, int]]) -> dict[int, list[Fact]]:
    import bisect

    starts = [a for a, _ in sentences]
    out: dict[int, list[Fact]] = {}
    for f in facts:
        if f.label == "org" and not (vocab.not_companies is not None and vocab.not_companies.search(f.text)):
            out.setdefault(bisect.bisect_right(starts, f.start) - 1, []).append(f)
    return out


def _top_company(orgs_by_sent: dict[int, list[Fact]], min_count: int = 3) -> Fact | None:
    """The company the article is about: named in the most sentences (at least ``min_count``), clearly ahead."""
    counts: dict[str, list[Any]] = {}
    for orgs in orgs_by_sent.values():
        for k in {getattr(o.value, "key", o.text): o for o in orgs}.items():
            counts.setdefault(k[0], [0, k[1]])[0] += 1
    ranked = sorted(counts.values(), key=lambda c: -c[0])
    if not ranked or ranked[0][0] < min_count or (len(ranked) > 1 and ranked[1][0] * 2 > ranked[0][0]):
        return None
    return ranked[0][1]  # type: ignore[no-any-return]


def _date(text: str, a: int, b: int) -> str | None:
    m = _MONTH_YEAR.search(text, a, b)
    if m:
        return f"{m.group(2)}-{_MON[m.group(1)[:3].lower()]:02d}"
    m = _YEAR.search(text, a, b)
    if m:
        return f"{m.group(1)}-{int(m.group(2)):02d}" if m.group(2) else m.group(1)
    return None


def assemble_approvals(text: str, lang: str, vocab: ReportVocab, sentences: list[tuple[int, int]],
                       facts: list[Fact]) -> list[Approval]:
    """Every regulatory event the article reports, in order of appearance."""
    low = text.lower()
    hits = sentences_with(vocab.approval_trigger, text, sentences, low)
    if not hits:
        return []
    index = DrugIndex()
    for brand, inn in vocab.drug_pairs(text):
        index.add(brand, inn)
    low = low if len(low) == len(text) else None  # type: ignore[assignment]
    found: set[str] = set()
    cache: dict[tuple[int, int], list[_Drug]] = {}
    for si in hits:
        a, b = sentences[si]
        found.update(d.name for d in _drugs(vocab, text, a, b, facts, index, low, cache=cache)
                     if d.rule.startswith("drug."))
    known = _known_names(vocab, text, facts, found)
    orgs_by_sent = _orgs_by_sentence(vocab, facts, sentences)
    top = _top_company(orgs_by_sent, min_count=2 if lang == "zh" else 3)
    records: list[tuple[Approval, str | None]] = []
    last_drug: tuple[int, _Drug] | None = None
    hit_set = set(hits)
    for si in hits:
        a, b = sentences[si]
        events = vocab.events_in(text, a, b, low)
        drugs = _drugs(vocab, text, a, b, facts, index, low, known, cache)
        if not events:
            if drugs:
                last_drug = (si, drugs[-1])
            continue
        regs = _regulators(vocab, text, a, b)
        reg_spans = [(r.start, r.end) for r in regs]
        drugs = [d for d in drugs if not any(x < d.end and d.start < y for x, y in reg_spans)]
        orgs = [f for f in _clip_orgs(text, facts, a, b, reg_spans)
                if not (vocab.not_companies is not None and vocab.not_companies.search(f.text.strip()))
                and not any(d.start < f.end and f.start < d.end for d in drugs)]
        seen: set[tuple[str, str | None]] = set()
        for ev in events:
            key = (ev.kind, ev.extra.get("designation"))
            if key in seen:
                continue
            seen.add(key)
            drug = _choose_drug(text, drugs, ev)
            if drug is None and si > 0 and sentences[si - 1][1] - sentences[si - 1][0] <= 100 and \
                    (si - 1) not in hit_set:
                # a drug named in a heading line just before ("★ tafolimab, IL-4R, Halcyon Bio")
                head = [d for d in known if sentences[si - 1][0] <= d.start and d.end <= sentences[si - 1][1]]
                drug = head[0] if head else None
            if drug is None and (lang == "zh" or _ANAPHOR[lang].search(text, a, b)):
                prior = [d for d in known if d.end <= a and a - d.end <= (600 if lang == "en" else 300)]
                if prior:  # "It was approved …": the drug the passage is about (named most often), else the last
                    drug = max(reversed(prior), key=lambda d: min(3, text.count(d.name)))
                elif last_drug is not None and si - last_drug[0] <= 2:
                    drug = last_drug[1]
            company, tied = _company(text, lang, ev, drug, orgs, a)
            if company is None and top is not None and _SELF[lang].search(text, a, b):
                company = top  # "we" / "the Company" in a company's own release
            if drug is None and (ev.kind != "approval" or company is None or not tied
                                 or not any(r.label == "regulator" for r in regs)):
                continue
            if company is None and not orgs and top is not None:
                company = top  # reports name their company, then only its drug
            ev_regs = regs
            if ev.extra.get("regulator") and not any(r.label == "regulator" for r in regs):
                ev_regs = []  # a CHMP opinion is the EMA's, whatever jurisdiction the sentence names
            fan_out = len({e.kind for e in events}) == 1 and len({r.kind for r in ev_regs}) > 1
            targets = ev_regs if fan_out else ([_nearest(ev_regs, ev.start, ev.end)] if ev_regs else [None])
            done: set[str | None] = set()
            for reg in targets:
                rv = None if reg is None else str(reg.value)
                if rv in done:
                    continue
                done.add(rv)
                rec = _record(text, ev, reg, drug, company, index, a, b)
                if rec.regulator is None and ev.extra.get("regulator"):
                    rec.regulator = str(ev.extra["regulator"])
                records.append((rec, _date(text, a, b)))
        if drugs:
            last_drug = (si, drugs[-1])
    return _dedupe(records)


def _record(text: str, ev: Fact, reg: Fact | None, drug: _Drug | None, company: Fact | None, index: DrugIndex,
            a: int, b: int) -> Approval:
    evidence = [Evidence(field="event", start=ev.start, end=ev.end, text=ev.text, rule=ev.rule)]
    regulator = None
    if reg is not None:
        regulator = str(reg.value)
        evidence.append(Evidence(field="regulator", start=reg.start, end=reg.end, text=reg.text, rule=reg.rule))
    name = brand = code = None
    if drug is not None:
        inn = drug.inn or index.inn(drug.name)
        brand = drug.brand if drug.brand else (drug.name if drug.name != inn and not drug.code else None)
        code = drug.code
        name = inn or brand or code or drug.name
        evidence.append(Evidence(field="drug", start=drug.start, end=drug.end, text=text[drug.start:drug.end],
                                 rule=drug.rule))
    party = None
    if company is not None:
        cname = _ZH_LEAD.sub("", company.text.strip())
        cut = company.end - len(cname)
        party = Party(name=cname or company.text.strip(), canonical=getattr(company.value, "canonical", None))
        evidence.append(Evidence(field="company", start=cut, end=company.end, text=text[cut:company.end],
                                 rule=company.rule))
    return Approval(regulator=regulator, event=ev.kind, designation=ev.extra.get("designation"), drug=name,
                    brand=brand if brand != name else None, code=code if code != name else None, company=party,
                    evidence=evidence)


def _dedupe(records: list[tuple[Approval, str | None]]) -> list[Approval]:
    out: list[tuple[Approval, str | None]] = []
    for rec, date in records:
        same = None
        for i, (o, odate) in enumerate(out):
            if (o.event, o.designation) == (rec.event, rec.designation) and \
                    (o.regulator == rec.regulator or rec.regulator is None) and \
                    _same_drug(o, rec) and (date is None or odate is None or date == odate):
                same = i
                break
        if same is None:
            rec.date = date
            out.append((rec, date))
            continue
        o, odate = out[same]
        if o.company is None and rec.company is not None:
            o.company = rec.company
            o.evidence.extend(e for e in rec.evidence if e.field == "company")
        if o.date is None and date:
            o.date = date
    return [r for r, _ in out]


def _same_drug(x: Approval, y: Approval) -> bool:
    if x.drug is None or y.drug is None:
        return x.drug is None and y.drug is None and (x.company and y.company and
                                                      x.company.name == y.company.name) is True
    names_x = {_ZH_FORM.sub("", n.lower()) for n in (x.drug, x.brand, x.code) if n}
    names_y = {_ZH_FORM.sub("", n.lower()) for n in (y.drug, y.brand, y.code) if n}
    return bool(names_x & names_y)
