"""One :class:`~newsextract.records.Approval` per event, drug and regulator: the record, its date, and the merging
of records that report the same event."""

from __future__ import annotations

import re

from ...facts import Fact
from ...finders.reports import ReportVocab
from ...normalize.names import display_name
from ...records import Approval, Evidence, Party
from .drugs import Drug, DrugIndex

_CJK = re.compile(r"[\u4e00-\u9fff]")
_MON = {m[:3].lower(): i for i, m in enumerate("January February March April May June July August September "
                                               "October November December".split(), 1)}


def event_date(vocab: ReportVocab, text: str, a: int, b: int) -> str | None:
    m = vocab.appr_rx["appr.month_year"].search(text, a, b)
    if m:
        return f"{m.group(2)}-{_MON[m.group(1)[:3].lower()]:02d}"
    m = vocab.appr_rx["appr.year"].search(text, a, b)
    if m:
        return f"{m.group(1)}-{int(m.group(2)):02d}" if m.group(2) else m.group(1)
    return None


def fullest_name(company: Fact, facts: list[Fact]) -> str:
    """The fullest form the article writes of a (Latin-script) company name: "Blueprint" is "Blueprint Medicines
    Corporation" where the article writes that too (only forms that contain the name: never another alias)."""
    name = display_name(company.text)
    key = getattr(company.value, "key", None)
    if key is None or _CJK.search(name):
        return name
    pool = [display_name(f.text) for f in facts if f.label == "org" and getattr(f.value, "key", None) == key]
    return max((n for n in pool if name in n), key=len, default=name)


def record(vocab: ReportVocab, text: str, ev: Fact, reg: Fact | None, drug: Drug | None, company: Fact | None,
           index: DrugIndex, facts: list[Fact] | None = None) -> Approval:
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
        party, ev_company = company_party(vocab, text, company, facts)
        evidence.append(ev_company)
    return Approval(regulator=regulator, event=ev.kind, designation=ev.extra.get("designation"), drug=name,
                    brand=brand if brand != name else None, code=code if code != name else None, company=party,
                    evidence=evidence)


def company_party(vocab: ReportVocab, text: str, company: Fact, facts: list[Fact] | None) -> tuple[Party, Evidence]:
    """The record's company and its evidence, from the company's mention (a verb a Chinese name finder took into
    the name cut off; a Latin-script name in the fullest form the article writes)."""
    if company.kind == "anaphor" and facts:  # "该公司表示，其…获批": the company the reference stands for
        company = named_mention(company, facts)
    cname = company.text.strip()
    if company.kind != "gazetteer":  # (a gazetteer name is a name as it stands: 和黄医药 is no 和 + 黄医药)
        cname = vocab.appr_rx["appr.zh_lead"].sub("", cname)
    cut = company.end - len(cname)
    full = fullest_name(company, facts) if facts and cname == company.text.strip() else ""
    party = Party(name=full or cname or company.text.strip(), canonical=getattr(company.value, "canonical", None))
    return party, Evidence(field="company", start=cut, end=company.end, text=text[cut:company.end], rule=company.rule)


def dedupe(vocab: ReportVocab, records: list[tuple[Approval, str | None]], weak: set[int] | None = None) -> list[Approval]:
    """One record per event of one drug by one regulator, unless the text dates them apart; a later mention
    lends the first its company and date (then see :func:`same_drug_company`). ``weak``: the ids of records
    whose company was read from another sentence — a company a later mention's own sentence names replaces it."""
    weak = weak or set()
    out: list[tuple[Approval, str | None]] = []
    for rec, date in records:
        same = None
        for i, (o, odate) in enumerate(out):
            if _same_event(o, rec) and (o.regulator == rec.regulator or rec.regulator is None) and \
                    _same_drug(vocab, o, rec) and (date is None or odate is None or date == odate):
                same = i
                break
        if same is None:
            rec.date = date
            out.append((rec, date))
            continue
        o, odate = out[same]
        if o.designation is None and rec.designation is not None:  # (accepted, then granted priority review)
            o.designation = rec.designation
        if rec.company is not None and (o.company is None or (id(o) in weak and id(rec) not in weak)):
            o.company = rec.company
            o.evidence = [e for e in o.evidence if e.field != "company"]
            o.evidence.extend(e for e in rec.evidence if e.field == "company")
            weak.discard(id(o))
        if o.date is None and date:
            o.date = date
    return [r for r, _ in out]


def _same_event(x: Approval, y: Approval) -> bool:
    """The same event: one event and designation, or a filing accepted and the priority review it was granted
    ("accepted the NDA … and granted priority review", 受理并纳入优先审评: one filing_accepted, README conventions)."""
    if x.event != y.event:
        return False
    return x.designation == y.designation or (x.event == "filing_accepted" and
                                              {x.designation, y.designation} == {None, "priority_review"})


def same_drug_company(vocab: ReportVocab, recs: list[Approval]) -> None:
    """An event whose sentence names no company ("It then won approval in China") is the company's that the
    article's other events of the same drug name, when they all name the same one."""
    for rec in recs:
        if rec.company is not None or rec.drug is None:
            continue
        others = [o for o in recs if o is not rec and o.company is not None and _same_drug(vocab, o, rec)]
        if others and len({o.company.name for o in others if o.company}) == 1:
            rec.company = others[0].company
            rec.evidence.extend(e for e in others[0].evidence if e.field == "company")


def _same_drug(vocab: ReportVocab, x: Approval, y: Approval) -> bool:
    if x.drug is None or y.drug is None:
        return x.drug is None and y.drug is None and (x.company and y.company and
                                                      x.company.name == y.company.name) is True
    form = vocab.appr_rx["appr.zh_form"]  # "依沃西注射液", "依沃西单抗" are one drug
    names_x = {form.sub("", n.lower()) for n in (x.drug, x.brand, x.code) if n}
    names_y = {form.sub("", n.lower()) for n in (y.drug, y.brand, y.code) if n}
    return bool(names_x & names_y)


def named_mention(org: Fact, facts: list[Fact]) -> Fact:
    """The mention that names a company a reference stands for ("该公司", "后者", "the latter": the last name of its
    key before it); the reference itself when there is none."""
    if org.kind != "anaphor":
        return org
    key = getattr(org.value, "key", None)
    named = [f for f in facts if f.label == "org" and f.kind != "anaphor" and f.end <= org.start
             and key is not None and getattr(f.value, "key", None) == key]
    return named[-1] if named else org
