"""The company a drug belongs to, read from the whole article: an event sentence often names only the drug
("IBI3009 has received IND clearances …") while another sentence says whose it is.

In order:
1. a tie the text states anywhere: "Harlow's HB-330", "HB-330, Harlow's investigational ASO", "HB-330, developed by
   Harlow", "Akeso said its antibody ivonescimab …", "宁远生物自主研发的泽沃替尼" (the company tied most often);
2. the licensor of a deal about the drug (the company that owned it before the deal: the events an article about a
   licence or an acquisition reports are, as a rule, those the drug won before it).
"""

from __future__ import annotations

import bisect
from typing import Any

from ...facts import Fact
from ...finders.reports import ReportVocab
from .drugs import Drug
from .records import named_mention


def drug_key(vocab: ReportVocab, name: str) -> str:
    """A drug name as the article's mentions of one drug share it ("依沃西注射液" and "依沃西单抗" are one)."""
    return vocab.appr_rx["appr.zh_form"].sub("", name.lower().strip())


def tie(vocab: ReportVocab, text: str, drug: Drug, orgs: list[Fact], a: int) -> Fact | None:
    """The company a sentence ties a drug mention to: a possessive before it ("Kestrel's Norvexa", with no other
    company between), an appositive after it ("KST-101, Kestrel Pharma's gene therapy"), or a maker after it
    ("KST-101, developed by Kestrel Pharma")."""
    rx = vocab.appr_rx
    for o in reversed(orgs):
        if o.end <= drug.start:
            gap = text[o.end:drug.start]
            if len(gap) <= 40 and rx["appr.possessive"].match(gap) and not rx["appr.possessive_stop"].search(gap) \
                    and not any(o.end <= x.start and x.end <= drug.start for x in orgs):
                return o
    for o in orgs:
        if o.start < drug.end:
            continue
        gap = text[drug.end:o.start]
        if rx["appr.appositive"].fullmatch(gap) and rx["appr.possessive"].match(text[o.end:o.end + 3]):
            return o
        maker = rx.get("appr.made_by")
        if maker is not None and maker.fullmatch(gap):
            return o
    return None


def its_owner(vocab: ReportVocab, text: str, drug: Drug, orgs: list[Fact], a: int,
              prev: list[Fact] | None) -> Fact | None:
    """"Akeso said its antibody ivonescimab …": the company "its" stands for — the sentence's subject, the first
    company named before it, else the first of the sentence before ("Minghe is a case in point. Sales of its
    antibody …")."""
    rx = vocab.appr_rx.get("appr.its")
    if rx is None:
        return None
    m = None
    for m in rx.finditer(text, max(a, drug.start - 60), drug.start):  # noqa: B007  (the last one)
        pass
    if m is None or vocab.appr_rx["appr.possessive_stop"].search(text, m.end(), drug.start):
        return None
    if any(m.end() <= o.start and o.end <= drug.start for o in orgs):
        return None  # "its partner Kestrel's Norvexa": a possessive of its own
    before = [o for o in orgs if o.end <= m.start()]
    if before:
        return before[0]
    return prev[0] if prev else None


def drug_owners(vocab: ReportVocab, text: str, sentences: list[tuple[int, int]], known: list[Drug],
                by_sent: dict[int, list[Fact]], deals: list[Any] | None,
                facts: list[Fact]) -> tuple[dict[str, Fact], dict[str, Fact]]:
    """Drug key → the company the article ties the drug to, and drug key → the licensor of a deal about it (see
    the module doc)."""
    starts = [a for a, _ in sentences]
    votes: dict[str, dict[str, list[Any]]] = {}
    for d in known:
        si = bisect.bisect_right(starts, d.start) - 1
        if si < 0:
            continue
        a = sentences[si][0]
        orgs = [o for o in by_sent.get(si, []) if not (o.start < d.end and d.start < o.end)]
        o = tie(vocab, text, d, orgs, a) or its_owner(vocab, text, d, orgs, a, by_sent.get(si - 1))
        if o is None:
            continue
        ballot = votes.setdefault(drug_key(vocab, d.name), {})
        ballot.setdefault(getattr(o.value, "key", o.text), [0, o])[0] += 1
    tied = {k: named_mention(max(b.values(), key=lambda c: c[0])[1], facts) for k, b in votes.items()}
    licensors: dict[str, Fact] = {}
    for deal in deals or []:
        if not deal.asset or deal.licensor is None:
            continue
        ev = next((e for e in deal.evidence if e.field == "licensor"), None)
        org = None if ev is None else next((f for f in facts if f.label == "org" and f.start == ev.start), None)
        if org is None or getattr(org.value, "kind", None) in ("fund", "investor"):
            continue  # a fund that buys a drug's royalties is no sponsor of it
        if (org.kind == "gazetteer" or sum(
                f.label == "org" and getattr(f.value, "key", f.text) == getattr(org.value, "key", org.text)
                for f in facts) >= 2):  # (a name the finders read once and know nothing of may be no company)
            for name in {deal.asset, *vocab.appr_rx["appr.asset_split"].split(deal.asset)}:
                if name.strip():  # "Kelvora (emfasotide)": each name
                    licensors.setdefault(drug_key(vocab, name), named_mention(org, facts))
    return tied, licensors
