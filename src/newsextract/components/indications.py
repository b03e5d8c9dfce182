"""``newsextract_indications``: the diseases a deal's drug or a regulatory event is for (``Deal.indications``,
``Approval.indication``).

Runs last: it reads the records of ``newsextract_deals`` and ``newsextract_reports`` and fills their indications
from :mod:`newsextract.finders.indications`, with evidence, and changes nothing else. A deal takes the indications
named in the clauses that hold its own evidence (its drug, targets, parties, amounts) and in the sentences that name
its drug; an event takes the first indication after its drug in the clause of its drug or its event word. Clauses are
the sentences of ``newsextract_segmenter`` cut at semicolons and line breaks, so that the deals of one roundup line do
not share their diseases.
"""

from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (declares Doc._.deals etc.)
from ..facts import Fact
from ..records import Approval, Deal, Evidence
from ._common import doc_flat_text, doc_sentences, doc_text, lang_of

__all__ = ["IndicationsComponent", "make_indications", "clauses"]

#: the most indications a deal lists
MAX_PER_DEAL = 5
_CUT = re.compile(r"[;；\n]")
#: a deal's own evidence (not its status, date or territory words, which may sit in a sentence about something else)
_DEAL_FIELDS = frozenset({"asset", "assets", "targets", "licensor", "licensee", "upfront", "near_term", "milestones",
                          "total_value", "equity", "modality", "royalty"})


def clauses(text: str, sentences: list[tuple[int, int]] | None) -> list[tuple[int, int]]:
    """The sentences of ``text`` (the whole text as one when none are given) cut at ";" and line breaks.

    >>> clauses("A for x; B for y.\\nC.", [(0, 17), (18, 20)])
    [(0, 7), (9, 17), (18, 20)]
    """
    out: list[tuple[int, int]] = []
    for a, b in sentences or [(0, len(text))]:
        s = a
        for m in _CUT.finditer(text, a, b):
            if m.start() > s:
                out.append((s, m.start()))
            s = m.end()
        while s < b and text[s] == " ":
            s += 1
        if b > s:
            out.append((s, b))
    return out


class IndicationsComponent:
    """Fills ``indications`` of ``doc._.deals`` and ``indication`` of ``doc._.approvals`` (see the module)."""

    def __init__(self, nlp: Language, name: str, *, patterns_dir: str | None = None) -> None:
        from ..finders.indications import indication_finder

        self.name = name
        self.finder = indication_finder(lang_of(nlp), patterns_dir)

    def __call__(self, doc: Doc) -> Doc:
        deals: list[Deal] = doc._.deals or []
        approvals: list[Approval] = doc._.approvals or []
        if not deals and not approvals:
            return doc
        raw, text = doc_text(doc), doc_flat_text(doc)
        found = self.finder.find(text)
        if not found:
            return doc
        spans = clauses(text, doc_sentences(doc))
        starts = [a for a, _ in spans]

        def clause_of(pos: int) -> int:
            i = bisect.bisect_right(starts, pos) - 1
            return i if i >= 0 and pos < spans[i][1] else -1

        by_clause: dict[int, list[Fact]] = {}
        for f in found:
            by_clause.setdefault(clause_of(f.start), []).append(f)
        for d in deals:
            own = {clause_of(e.start) for e in d.evidence if e.field in _DEAL_FIELDS}
            for name in {n for n in (d.asset, *d.assets) if n and len(n) >= 3}:
                at = text.find(name)
                while at >= 0:
                    own.add(clause_of(at))
                    at = text.find(name, at + len(name))
            picked: list[Fact] = []
            seen: set[str] = set(i.lower() for i in d.indications)
            for c in sorted(own - {-1}):
                for f in by_clause.get(c, []):
                    key = str(f.value).lower()
                    # one disease named twice ("prostate cancer", later "advanced prostate cancer"): the first
                    if not any(key in k or k in key for k in seen) and len(picked) + len(d.indications) < MAX_PER_DEAL:
                        seen.add(key)
                        picked.append(f)
            for f in picked:
                d.indications.append(str(f.value))
                d.evidence.append(Evidence(field="indications", start=f.start, end=f.end, text=raw[f.start:f.end],
                                           rule=f.rule))
        for a in approvals:
            if a.indication is not None:
                continue
            anchor = next((e for e in a.evidence if e.field == "drug"), None) or \
                next((e for e in a.evidence if e.field == "event"), None)
            if anchor is None:
                continue
            pool = by_clause.get(clause_of(anchor.start), [])
            hit = next((x for x in pool if x.start >= anchor.end), None) or (pool[0] if pool else None)
            if hit is not None:
                a.indication = str(hit.value)
                a.evidence.append(Evidence(field="indication", start=hit.start, end=hit.end,
                                           text=raw[hit.start:hit.end], rule=hit.rule))
        return doc


@Language.factory("newsextract_indications", requires=["doc._.deals"], assigns=["doc._.deals", "doc._.approvals"],
                  default_config={"patterns_dir": None})
def make_indications(nlp: Language, name: str, patterns_dir: str | None) -> IndicationsComponent:
    return IndicationsComponent(nlp, name, patterns_dir=patterns_dir)
