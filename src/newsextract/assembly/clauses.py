"""Stage 2 of assembly — clauses: each sentence is masked (companies «Pn», amounts «Mn», unnamed partners «U»,
conversions «C») and cut at ``;`` and where a new company becomes the subject (``patterns/<lang>/clauses.yml``)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator

from ..facts import Fact
from ..patterns import has_file, load_file
from ..triggers import guarded
from .types import Clause

__all__ = ["ClauseSplitter", "mask"]

_WORD = re.compile(r"[^\W\d_]{2,}")
_PARTY_TOKEN = re.compile(r"«[PQ]\d+»")
#: how many distinct drugs a sentence may name for its list items to be cut by drug
_MAX_LIST_DRUGS = 16
_DEFAULT_SPLIT = r";\s+|,\s+(?:and|while|whereas|but)\s+(?=«P)|\s+(?:while|whereas)\s+(?=«P)"


def mask(text: str, a: int, b: int, facts: list[Fact],
         is_object: Callable[[str, Fact], bool] | None = None) -> tuple[str, Callable[[int], int]]:
    """``text[a:b]`` with companies «Pn», unnamed partners «U», amounts «Mn» and conversions «C»; and a
    masked-offset → text-offset map. Sets ``fact.extra["mask"]`` to each masked fact's number. A company that
    ``is_object`` says is the object of a preposition ("a deal with GSK") is masked «Qn»: it can be a deal's party
    but not the subject of a later verb.

    >>> from newsextract.facts import Fact
    >>> s = "Acme pays Pfizer $5 million."
    >>> m, to_text = mask(s, 0, len(s), [Fact(0, 4, "org"), Fact(10, 16, "org"), Fact(17, 27, "money")])
    >>> m, to_text(m.index("«M0»") + 4)
    ('«P0» pays «P1» «M0».', 27)
    """
    pieces: list[str] = []
    pos = a
    mo_marks: list[int] = []  # masked offsets where a piece starts
    to_marks: list[int] = []  # the text offsets they stand for
    out_len = 0
    np = nm = 0
    for f in facts:
        if f.label not in ("org", "money", "unnamed", "ref") or f.start < pos:
            continue
        if f.label == "money" and f.kind == "conversion":
            tag = "«C»"
        elif f.label in ("org", "ref"):
            tag = f"«Q{np}»" if is_object is not None and is_object(text, f) else f"«P{np}»"
            f.extra["mask"] = np
            np += 1
        elif f.label == "unnamed":
            tag = "«U»"
        else:
            tag = f"«M{nm}»"
            f.extra["mask"] = nm
            nm += 1
        seg = text[pos:f.start]
        pieces.append(seg)
        out_len += len(seg)
        mo_marks.append(out_len)
        to_marks.append(f.start)
        pieces.append(tag)
        out_len += len(tag)
        mo_marks.append(out_len)
        to_marks.append(f.end)
        pos = f.end
    pieces.append(text[pos:b])

    def to_text(off: int) -> int:
        i = bisect.bisect_right(mo_marks, off) - 1
        if i < 0:
            return a + off
        return to_marks[i] + (off - mo_marks[i])

    return "".join(pieces), to_text


def _guarded(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled behind its first-character guard (:func:`newsextract.triggers.guarded`), if any."""
    return re.compile(guarded(pattern) or pattern)


def _inside_brackets(s: str, pos: int) -> bool:
    """True when ``pos`` is inside an open bracket ("(Head Office: Tokyo; "Sakuragi")" is no place to cut)."""
    head = s[max(0, pos - 200):pos]
    return head.count("(") + head.count("（") > head.count(")") + head.count("）")


class ClauseSplitter:
    """Cuts sentences into clauses on the masked text."""

    def __init__(self, lang: str, patterns_dir: str | None = None) -> None:
        data = load_file(lang, "clauses", patterns_dir) if has_file(lang, "clauses", patterns_dir) else {}
        # (the cuts are found with finditer over each masked sentence: behind a first-character guard, the same cuts)
        self.split_rx = _guarded(data.get("split", _DEFAULT_SPLIT))
        self.list_sep = _guarded(data["list_separator"]) if data.get("list_separator") else None
        self.pair_split = _guarded(data["pair_split"]) if data.get("pair_split") else None
        #: the word that pairs a list of amounts with the list of deals before it ("respectively")
        self.respectively = re.compile(data["respectively"]) if data.get("respectively") else None
        #: a relative clause on the subject that states another deal, with its amount ("«P0», which licensed A to «Q1»
        #: in 2022 for «M0» upfront, on Tuesday granted …"): a clause of its own, cut out of the main one
        rel = data.get("relative_deal")
        self.relative_deal = re.compile(rel) if rel else None
        #: … or one that ends the sentence on an earlier deal of the company it follows ("… from «Q1», which previously
        #: licensed TB-3 from «P2» in a «M1» deal.")
        rel_end = data.get("relative_deal_end")
        self.relative_deal_end = re.compile(rel_end) if rel_end else None
        #: a fronted phrase of the deal's terms ("For «M0» upfront, «P0» has licensed …"): no clause of its own
        fronted = data.get("fronted_terms")
        self.fronted_terms = re.compile(fronted) if fronted else None
        obj = data.get("object_before")
        subj = data.get("subject_after")
        self.object_before = _guarded(obj) if obj else None
        self.subject_after = re.compile(subj) if subj else None
        #: a company inside a relative clause on another, after its verb: the object of that verb
        inside = data.get("inside_relative")
        self.inside_relative = _guarded(inside) if inside else None

    def is_object(self, text: str, f: Fact, lo: int = 0) -> bool:
        """A company right after a preposition ("with multinational drugmaker GSK"), unless a relative clause or a
        participle makes it the subject of what follows ("from X, which will receive", "with X paying"); the
        preposition is in its sentence (from ``lo``: not "Deals of the week" in the heading before it)."""
        if self.inside_relative is not None and self.inside_relative.search(text, max(lo, f.start - 80), f.start):
            return True  # "X, which counts Y as its largest shareholder, licensed …": Y is not the subject of 'licensed'
        if self.object_before is None or not self.object_before.search(text, max(lo, f.start - 50), f.start):
            return False
        return not (self.subject_after is not None and self.subject_after.match(text, f.end, f.end + 40))

    def clauses(self, text: str, sent: int, a: int, b: int, facts: list[Fact]) -> Iterator[Clause]:
        def is_object(t: str, f: Fact) -> bool:
            return self.is_object(t, f, a)

        masked, to_text = mask(text, a, b, facts, is_object)
        cuts = {0, len(masked)}
        cuts.update(m.end() for m in self.split_rx.finditer(masked) if not _inside_brackets(masked, m.start()))
        if len(cuts) > 2 and self.fronted_terms is not None and (fr := self.fronted_terms.match(masked)) is not None:
            cuts -= {c for c in cuts if 0 < c <= fr.end()}
        items, lead_end = self._list_items(masked, facts)
        if lead_end is not None:
            cuts.add(lead_end)  # where the statements leading into the list end: no item
        if self.pair_split is not None and "«Q" in masked:
            items |= {m.end() for m in self.pair_split.finditer(masked) if not _inside_brackets(masked, m.start())}
        cuts.update(items)
        if len(cuts) == 2:
            rel = None
            if "«M" in masked:
                rel = next((x for rx in (self.relative_deal, self.relative_deal_end) if rx is not None
                            for x in [rx.search(masked)] if x is not None), None)
            if rel is not None:
                yield from self._relative_apart(text, sent, a, b, facts, masked, to_text, rel)
                return
            yield Clause(sent, a, b, facts, masked, to_text)
            return
        order = sorted(cuts)
        item = -1 if not items else 0
        first_item = min(items) if items else 0
        starts = [f.start for f in facts]  # facts come sorted by start: each clause's are found by bisection
        for x, y in zip(order, order[1:], strict=False):
            ca, cb = to_text(x), to_text(y)
            lo, hi = bisect.bisect_left(starts, ca), bisect.bisect_right(starts, cb)
            cfacts = [f for f in facts[lo:hi] if f.end <= cb]
            cm, cmap = mask(text, ca, cb, cfacts, is_object)
            if items and x in items:
                item += 1
            yield Clause(sent, ca, cb, cfacts, cm, cmap, list_item=item if items and y >= first_item else -1)

    def _relative_apart(self, text: str, sent: int, a: int, b: int, facts: list[Fact], masked: str,
                        to_text: Callable[[int], int], rel: re.Match[str]) -> Iterator[Clause]:
        """The subject with its relative clause ("«P0», which licensed A to «Q1» … for «M0» upfront,"), then the
        sentence without the relative's facts and with its words blanked out (same length: offsets hold)."""
        ra, rb = to_text(rel.start("rel")), to_text(rel.end("rel"))
        sa = to_text(rel.start())
        rfacts = [f for f in facts if sa <= f.start and f.end <= rb]
        rm, rmap = mask(text, sa, rb, rfacts, lambda t, f: self.is_object(t, f, a))
        yield Clause(sent, sa, rb, rfacts, rm, rmap)
        mfacts = [f for f in facts if not (ra <= f.start and f.end <= rb)]
        mm, mmap = mask(text, a, b, mfacts, lambda t, f: self.is_object(t, f, a))
        words = text[ra:rb]  # (masked as written: none of its facts is masked here)
        at = mm.find(words)
        if at >= 0:
            mm = mm[:at] + " " * len(words) + mm[at + len(words):]
        yield Clause(sent, a, b, mfacts, mm, mmap)

    def _list_items(self, masked: str, facts: list[Fact]) -> tuple[set[int], int | None]:
        """Cut points of a list of deals in one sentence: separators before items that hold an amount and a
        company not named in the items before, when the first item holds an amount and a company too (parts
        before the first amount lead into the first item: "X has been on a spree, buying Y for «M0», and Z …"), and
        where the statements before the first item end, when the first part holds amounts before a comma that
        comes before its company (else None)."""
        if self.list_sep is None or masked.count("«M") < 2:
            return set(), None
        seps = [m for m in self.list_sep.finditer(masked) if not _inside_brackets(masked, m.start())]
        if not seps:
            return set(), None
        ent_of = {f"«{tag}{f.extra['mask']}»": f.extra.get("ent") for f in facts
                  if f.label in ("org", "ref") and "mask" in f.extra for tag in "PQ"}
        bounds = [0] + [m.end() for m in seps] + [len(masked)]
        assets = {f.text for f in facts if f.label == "asset"}
        if len(assets) > _MAX_LIST_DRUGS:
            assets = set()  # (each part is searched for each drug: a sentence of very many drugs is read by companies)
        seen_assets: set[str] = set()
        drug_at: int | None = None  # where an item that names a new drug began, until its amounts come
        named_at: int | None = None  # where a part with a new company and no amount began, until amounts come
        seen: set[str] = set()
        cuts: set[int] = set()
        lead_end: int | None = None
        started = False  # the first item is the first part with an amount; parts before it lead into it
        for x, y in zip(bounds, bounds[1:], strict=False):
            part = masked[x:y]
            ents = {ent_of.get(t) for t in _PARTY_TOKEN.findall(part)} - {None}
            named = {a for a in assets if a in part}
            if not started:
                # the first item names a new company, or follows a lead-in that named the companies and the first
                # drug, or names a drug after it
                new = "«M" in part and (bool(ents - seen) or bool(seen_assets) and bool(named - seen_assets or seen))
                if "«M" in part and not new or "«M" not in part and len(_WORD.findall(_PARTY_TOKEN.sub(" ", part))) < 2:
                    return set(), None  # the first amount names no new company, or a list of companies leads in
                started = new
                if started:
                    # the first item begins after the last comma before its (last) company when amounts of other
                    # statements stand before that comma ("…首付款为«M1»，确认来自«P0»的«M2»和«P1»的«M3»")
                    toks = list(_PARTY_TOKEN.finditer(part))
                    end = toks[-1].start() if toks else 0
                    comma = max(part.rfind(",", 0, end), part.rfind("，", 0, end))
                    if comma > 0 and "«M" in part[:comma] and not _inside_brackets(masked, x + comma):
                        lead_end = x + comma + 1
            elif "«M" in part and ents - seen:
                # an item that names a new company; it began at a part before with a new company and no amount
                # ("…, and «P2» licensed ILX-7, which targets PCSK9, to «Q3» for «M1»")
                cuts.add(x if named_at is None else named_at)
                drug_at = None
            elif "«M" in part and (drug_at is not None or named - seen_assets):
                # … or a new drug with amounts of its own ("…, followed two months later by HS-20089, a B7-H4 ADC,
                # for «M2» upfront")
                cuts.add(x if drug_at is None else drug_at)
                drug_at = None
            elif "«M" not in part and named - seen_assets and drug_at is None:
                drug_at = x  # a new drug whose amounts come in a later part ("followed by B, a B7-H4 ADC, for «M2»")
            if "«M" in part:
                named_at = None
            elif started and ents - seen and named_at is None:
                named_at = x
            seen |= ents
            seen_assets |= named
        return cuts, (lead_end if cuts else None)
