"""The drugs of an approval sentence: names from the asset finder, INN shapes and the drug phrasings of
``patterns/<lang>/approvals.yml``; the brand ↔ INN pairs the article states; the drug an event is about."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...facts import Fact
from ...finders.reports import ReportVocab


@dataclass
class Drug:
    name: str
    start: int
    end: int
    rule: str
    inn: str | None = None
    brand: str | None = None
    code: str | None = None
    #: the span of the company the drug phrasing names as its owner ("approved Kestrel Pharm's norvexitan")
    owner: tuple[int, int] | None = None


@dataclass
class DrugIndex:
    """Brand ↔ INN pairs the article states anywhere ("Norvexa (ingredient name norvestrant)")."""

    inn_of: dict[str, str] = field(default_factory=dict)

    def add(self, brand: str | None, inn: str | None) -> None:
        if brand and inn:
            self.inn_of.setdefault(brand.lower(), inn)

    def inn(self, name: str) -> str | None:
        return self.inn_of.get(name.lower())


def valid_name(vocab: ReportVocab, text: str, name: str, start: int, end: int, facts: list[Fact]) -> bool:
    rx = vocab.appr_rx
    if name in vocab.not_drugs or name.split()[0] in vocab.not_drugs:
        return False
    if rx["appr.ticker_before"].search(text, max(0, start - 16), start):
        return False  # "(NASDAQ: QLLN)": a ticker
    if vocab.lang == "zh" and rx["appr.zh_han"].search(name):
        if rx["appr.zh_function"].search(name) or rx["appr.zh_disease"].search(name) or len(name) < 2:
            return False
        if any(r.start < end and start < r.end for r in vocab.regulators_in(text, max(0, start - 16), end + 16)):
            return False  # "国家药监局还批准了…": an agency named twice is no drug
        if any(f.label == "org" and f.start <= start and end <= f.end and
               (getattr(f.value, "canonical", None) or f.rule in _SURE_ORG_RULES) for f in facts):
            return False  # "美国FDA批准恒泽制药的泽沃替尼": a company the name finders are sure of is no drug
        return bool(rx["appr.zh_suffix"].search(name)) or text.count(name) >= 2
    if rx["appr.company_word"].search(name):
        return False
    head = name + " "
    for f in facts:
        if f.label == "org" and f.text.startswith(head) and rx["appr.company_word"].search(f.text, len(head)):
            return False  # "Mahavir received final approval …" where the article writes "Mahavir Lifesciences"
        if f.end <= start or f.start >= end:
            continue
        if f.label == "target" or (f.label == "org" and (getattr(f.value, "canonical", None) or
                                                         f.rule in _SURE_ORG_RULES)):
            return False
    if "appr.not_name_after" in rx.rules and rx["appr.not_name_after"].match(text, end):
        return False  # "Mirai's sodium channel blocker …", "for IgA nephropathy": a description or a disease
    return not rx["appr.ticker_colon"].match(text[end:end + 2])  # tickers: "(BAYN: DE)"


#: company mentions found by their shape that are as sure as a gazetteer name ("Mahavir Lifesciences" and its short
#: form "Mahavir": "Mahavir received final approval …" names the company, not a drug)
_SURE_ORG_RULES = frozenset({"name.designator", "name.zh_designator", "name.institution"})


def drugs_in(vocab: ReportVocab, text: str, a: int, b: int, facts: list[Fact], index: DrugIndex,
             low: str | None = None, known: list[Drug] | None = None,
             cache: dict[tuple[int, int], list[Drug]] | None = None) -> list[Drug]:
    found = cache.get((a, b)) if cache is not None else None
    if found is None:
        found = _found_drugs(vocab, text, a, b, facts, low)
        if cache is not None:
            cache[(a, b)] = found
    owners = [d.owner for d in found if d.owner]  # (names a phrasing reads as a drug's owner are no drug)
    cands: list[Drug] = [d for d in known or [] if a <= d.start and d.end <= b and
                         not any(x < d.end and d.start < y for x, y in owners)] + list(found)
    # overlapping names: the one that states its INN, else the asset finder's, else the longer
    cands.sort(key=lambda d: (d.inn is None or d.brand is None, d.rule.startswith("drug."), -(d.end - d.start)))
    out: list[Drug] = []
    for d in cands:
        same = next((o for o in out if o.start < d.end and d.start < o.end), None)
        if same is None:
            out.append(d)
        elif same.owner is None and d.owner is not None:
            same.owner = d.owner  # (the phrasing that read "Kestrel's norvexitan" knows its owner)
    return sorted(out, key=lambda d: d.start)


_PAIR = re.compile(r"(.+?)\s*[（(]\s*([^()（）]+?)\s*[)）]")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _found_drugs(vocab: ReportVocab, text: str, a: int, b: int, facts: list[Fact], low: str | None) -> list[Drug]:
    """The drug names of a sentence from the asset finder, INN shapes and the drug phrasings (once per sentence);
    a name a phrasing reads as the drug's owner ("approved Halvorsen's ravozimod") is none."""
    phrased = vocab.drugs_in(text, a, b)
    owners = [f.value["owner"] for f in phrased if f.value.get("owner")]
    cands: list[Drug] = []
    for f in facts:
        if f.label == "asset" and a <= f.start and f.end <= b and \
                not any(x < f.end and f.start < y for x, y in owners):
            d = Drug(f.text, f.start, f.end, f.rule)
            if f.kind in ("inn", "inn_zh"):
                d.inn = f.text
            elif f.kind == "code":
                d.code = f.text
            elif (pair := _PAIR.fullmatch(f.text)) is not None:
                # "瑞维西单抗（RY-01）": one drug by two names, the first its name and the bracketed its code or brand
                first, other = pair.group(1), pair.group(2)
                generic = vocab.is_inn(first) or bool(_HAN.search(first)) or first[:1].islower()
                d = Drug(first, f.start, f.start + len(first), f.rule, inn=first if generic else None,
                         brand=None if generic else first)
                if any(ch.isdigit() for ch in other):
                    d.code = other
                elif not generic and other[:1].islower():
                    d.inn = other  # "Zelvora (tafolimab)": a brand, then its INN
                elif d.brand is None:
                    d.brand = other
            cands.append(d)
    orgs = [f for f in facts if f.label == "org" and f.start < b and a < f.end]
    for f in vocab.inns_in(text, a, b, low):
        if any(d.start <= f.start and f.end <= d.end for d in cands):
            continue
        if any(o.start < f.end and f.start < o.end for o in orgs) or any(x < f.end and f.start < y for x, y in owners):
            continue  # a company whose name has the shape of an INN ("BeiGene": the stem -gene)
        cands.append(Drug(f.value, f.start, f.end, f.rule, inn=f.value))
    for f in phrased:
        v = f.value
        if vocab.lang == "zh":  # "癌症药物沃瑞沙": the name after its description
            tail = vocab.appr_rx["appr.zh_descriptor"].split(v["name"])[-1]
            if tail != v["name"] and len(tail) >= 2:
                f.start, v["name"] = f.end - len(tail), tail
            # "澜替尼二线治疗适应症获批": the name before the indication the event is for
            cut = vocab.appr_rx["appr.zh_indication_tail"].search(v["name"])
            if cut is not None and cut.start() >= 2:
                v["name"] = v["name"][:cut.start()]
                f.end = f.start + len(v["name"])
        if not valid_name(vocab, text, v["name"], f.start, f.end, facts):
            continue
        d = Drug(v["name"], f.start, f.end, f.rule, inn=v.get("inn"), brand=v.get("brand"), owner=v.get("owner"))
        if d.inn is None and vocab.is_inn(d.name):
            d.inn = d.name.lower() if d.name[:1].isupper() and d.name[1:].islower() else d.name
        cands.append(d)
    return cands


def known_names(vocab: ReportVocab, text: str, facts: list[Fact], found: set[str]) -> list[Drug]:
    """Every mention of a drug the article names somewhere as a drug: INNs and codes, brands given with their INN,
    names the drug phrasings found in an event sentence."""
    names: dict[str, tuple[str | None, str | None]] = {n: (None, None) for n in found if len(n) >= 2}
    for brand, inn in vocab.drug_pairs(text):
        names.setdefault(brand, (inn, brand))
        names.setdefault(inn, (inn, brand))
    for name, _code in vocab.drug_codes(text):  # "Tykvera, known in development as AVB-1103": a drug by its name
        names.setdefault(name, (None, name))
    for f in facts:
        if f.label == "asset" and f.kind in ("inn", "inn_zh", "code") and len(f.text) >= 3:
            names.setdefault(f.text, (f.text if f.kind != "code" else None, None))
    out = []
    for name, (inn, brand) in names.items():
        i = text.find(name)
        while i >= 0:
            j = i + len(name)
            if not (text[i - 1:i].isalnum() and vocab.lang == "en") and not (text[j:j + 1].isalnum() and vocab.lang == "en"):
                out.append(Drug(name, i, j, "drug.known", inn=inn, brand=brand if brand != inn else None))
            i = text.find(name, j)
    return sorted(out, key=lambda d: d.start)


#: after a subject: it receives an event ("Halvex secured marketing authorization … for tafolimab")
_RECEIVES = re.compile(r"\s+(?:(?:has|have|had)\s+)?(?:also\s+|now\s+)?(?:secured|secures|won|wins|received|receives|gets|got|"
                       r"gained|gains|obtained|obtains|earned|earns)\b")
_CLAUSE_STOP = re.compile(r"[;；，]|,\s+(?:while|whereas|but|and)\b")


def choose_drug(text: str, drugs: list[Drug], ev: Fact) -> Drug | None:
    """The drug of an event: near it, and preferably the one the article is about (named most often)."""
    best, best_score = None, None
    for d in drugs:
        dist = d.start - ev.end if d.start >= ev.end else ev.start - d.end
        score = dist - (10 if d.start >= ev.end else 0) - 40 * min(3, text.count(d.name) - 1)
        if _CLAUSE_STOP.search(text, min(d.end, ev.end), max(d.start, ev.start)):
            score += 60  # (another clause: "竞争对手的NR-22已于去年在美国获批，而瑞康医药的RK-101仍处于III期")
        if d.end <= ev.start and _RECEIVES.match(text, d.end) and any(
                o.start >= ev.end and o.name != d.name and not _CLAUSE_STOP.search(text, ev.end, o.start)
                for o in drugs):
            score += 80  # (a subject that receives the event for a drug named after it is its sponsor: "Halvex secured
            # marketing authorization from the European Commission for tafolimab")
        if best_score is None or score < best_score:
            best, best_score = d, score
    return best
