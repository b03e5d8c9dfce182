"""Assembly: facts → deal records, in stages, each a module with one job:

1. ``entities`` — the article's companies (keys, short names, the article's own company);
2. ``clauses`` — sentences masked and cut into clauses (layout — sentences and deal tables — comes from ``layout/``);
3. ``mentions`` — clauses that say something about a deal, their facts sorted;
4. ``payments`` — each amount's payment kind;
5. ``roles`` — licensor (payee) and licensee (payer) from the role frames;
6. ``linking`` — mentions linked into deals;
7. ``records`` — each deal finished into a :class:`~newsextract.records.Deal` with evidence.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence

from ..facts import Fact
from ..finders.targets import target_finder
from ..layout.segment import blocks, get_segmenter
from ..layout.tables import TableReader
from ..patterns import has_file, load_file
from ..records import Deal
from .clauses import ClauseSplitter
from .entities import EntityResolver
from .linking import Linker
from .mentions import (
    MentionBuilder,
    distribute_respectively,
    inherit_subject,
    split_ordinals,
    split_parallel,
    split_respectively,
)
from .records import (
    DealWriter,
    complete_counterparts,
    complete_roles,
    drop_bare_repeats,
    fill_open_side,
    fold_into,
    pair_heading_parties,
)
from .types import Clause, EntityTable, Mention

__all__ = ["Assembler"]

#: marks that open a list entry's heading line
_BULLETS = frozenset("★☆•●▪■◆►▶")


class Assembler:
    """Builds the deals of one document from its facts (one instance per language, reused)."""

    def __init__(self, lang: str, patterns_dir: str | None = None) -> None:
        self.lang = lang
        self.patterns_dir = patterns_dir
        self.tables = TableReader(lang, patterns_dir, target_finder(lang, patterns_dir))
        self.entities = EntityResolver(lang, patterns_dir)
        self.clauses = ClauseSplitter(lang, patterns_dir)
        self.mentions = MentionBuilder(lang, patterns_dir)
        data = load_file(lang, "clauses", patterns_dir) if has_file(lang, "clauses", patterns_dir) else {}
        self.linker = Linker(int(data.get("max_continue_sentences", 4)), data.get("relative_years"),
                             data.get("earlier_deal"), data.get("drug_anaphor"), bool(data.get("other_drug_stops")),
                             data.get("regulatory_event"), bool(data.get("bullet_heads")),
                             data.get("about_heading"), data.get("pipeline_examples"), data.get("background_clause"),
                             data.get("separate_deal"), data.get("own_drug"), data.get("other_asset"),
                             later_event=data.get("later_event"), earlier_signed=data.get("earlier_signed"))
        self.writer = DealWriter(lang)
        #: a sentence that opens with a grant and no subject ("；7月将KQ-202授予礼来"): its subject is the last sentence's
        lead = data.get("subjectless_lead")
        self.subjectless = re.compile(lead) if lead else None

    def run(self, text: str, facts: list[Fact], published: dt.date | None,
            sentences: Sequence[tuple[int, int]] | None = None, raw: str | None = None) -> tuple[list[Deal], list[str]]:
        """Deals and warnings of one document. ``sentences`` (start, end ranges) default to the segmenter's;
        ``raw`` is the text with its line breaks as written (``text`` may have its wrapping breaks as spaces, same
        length), where the tables are read: a table flattened to one cell per line looks wrapped."""
        warnings: list[str] = []
        table_deals, table_ranges = self.tables.read(text if raw is None else raw)
        if sentences is None:
            sentences = get_segmenter(self.lang, self.patterns_dir).split(text)
        if table_ranges:
            sentences = [(a, b) for a, b in sentences if not any(x <= a and b <= y for x, y in table_ranges)]
        ents = self.entities.resolve(text, facts, sentences)
        block_of = blocks(text, sentences)
        mentions: list[Mention] = []
        starts = [f.start for f in facts]
        for si, (a, b) in enumerate(sentences):
            lo = bisect.bisect_left(starts, a)
            hi = bisect.bisect_left(starts, b)
            sfacts = [f for f in facts[lo:hi] if f.end <= b]
            if not sfacts:
                continue
            got = self._sentence(text, si, a, b, sfacts, ents, block_of[si])
            if (got and mentions and self.subjectless is not None and mentions[-1].sent == si - 1
                    and mentions[-1].block == got[0].block and self.subjectless.match(text, got[0].start)):
                inherit_subject(mentions[-1], got[0])
            mentions.extend(got)
        out: list[Deal] = list(table_deals)
        # the rows of a table that names one side only (a filer's partners): which side each leaves open
        open_side = ["licensor" if d.licensor is None else "licensee" if d.licensee is None else "" for d in table_deals]
        states = self.linker.link(mentions, text, ents.units)
        pair_heading_parties(states, _pair_headings(text, sentences, facts, starts))
        for d in states:
            complete_roles(d, ents, text)
        complete_counterparts(states)
        for d in states:
            rec = self.writer.write(d, text, ents, published, warnings)
            if rec is not None and not fold_into(rec, out[: len(table_deals)]):
                out.append(rec)
        fill_open_side(table_deals, open_side)
        return drop_bare_repeats(out), warnings

    def _sentence(self, text: str, si: int, a: int, b: int, sfacts: list[Fact], ents: EntityTable,
                  block: int) -> list[Mention]:
        """The mentions of one sentence: one per clause that says something about a deal; list items share the
        first item's subject, and amounts listed 'respectively' go one to each item (or asset) in order."""
        first: Mention | None = None
        bullet = text[a] in _BULLETS
        items: list[Mention] = []
        out: list[Mention] = []
        paired = self.clauses.respectively is not None and self.clauses.respectively.search(text, a, b) is not None
        clauses = list(self.clauses.clauses(text, si, a, b, sfacts))
        shared = _list_cues(text, clauses)
        lead_dates: list[Fact] = []  # the dates of a clause before, which says nothing about a deal ("12月1日，«P0»与…")
        for clause in clauses:
            clause.block = block
            clause.bullet = bullet
            m = self.mentions.build(text, clause, ents, shared.get(clause.list_item))
            if m is None:
                # (Chinese: English cuts few clauses at a comma, and its dated clauses are a filing's period ends)
                lead_dates = [f for f in clause.facts if f.label == "date"] if self.lang == "zh" else []
                continue
            if not m.dates and lead_dates:
                m.dates = lead_dates  # a date that leads the sentence dates the deal its next clause tells
            lead_dates = []
            if m.list_item == 0:
                first = m
            elif m.list_item > 0 and first is not None:
                inherit_subject(first, m)
            if m.list_item >= 0 and (not items or m.list_item > items[-1].list_item):
                items.append(m)  # (a clause cut off the last item, "…; milestones undisclosed", is none)
            for x in (split_respectively(m, clause.facts) if paired and m.list_item < 0 else [m]):
                for y in (split_parallel(x, clause.facts) if paired and x is m else [x]):
                    out.extend(split_ordinals(text, y))
        if items and paired:
            distribute_respectively(items)
        return out


#: a heading line that is two companies and a joiner ("Roche / Innovent", "【三生制药×辉瑞】", "Merck–Hengrui:"), the
#: companies written \0
_PAIR_HEADING = re.compile(r"\s*[【\[(（]?\s*\0\s*(?:/|／|×|[xX]|–|—|-|&|\+|and|with|与|與|和|vs\.?|VS)\s*\0\s*[】\])）]?\s*[:：]?\s*")


def _pair_headings(text: str, sentences: Sequence[tuple[int, int]], facts: list[Fact],
                   starts: list[int]) -> list[tuple[int, str, str]]:
    """The headings of a roundup that name a deal's two companies, one line each: (where the line ends, the two
    companies' keys)."""
    out: list[tuple[int, str, str]] = []
    for a, b in sentences:
        if b - a > 80 or "\n" in text[a:b].strip():
            continue
        lo, hi = bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)
        orgs = [f for f in facts[lo:hi] if f.label == "org" and f.end <= b and f.extra.get("ent")]
        if len(orgs) != 2 or orgs[0].end > orgs[1].start or orgs[0].extra["ent"] == orgs[1].extra["ent"]:
            continue
        rest = text[a:orgs[0].start] + "\0" + text[orgs[0].end:orgs[1].start] + "\0" + text[orgs[1].end:b]
        if _PAIR_HEADING.fullmatch(rest):
            out.append((b, orgs[0].extra["ent"], orgs[1].extra["ent"]))
    return out


#: what may stand between a list's last amount and the payment word that closes the list ("«M1» in upfront payments")
_CLOSE = re.compile(r"\s*(?:(?:from|by)\s+«P»\s*)?(?:in\s+)?(?:the\s+)?")
#: what may lead a list's last item to its first amount when a payment word after it closes the whole list ("and
#: «M1» from «P»", "和«P»的«M1»"): a connector, a company and its possessive, no verb of a statement of its own
_ITEM_LEAD = re.compile(r"[\s,，、;；]*(?:and|or|plus|as well as|with|和|及|以及|与|與|、)?\s*(?:(?:from|by|to|来自|來自)?\s*«P»\s*"
                        r"(?:'s|’s|的)?\s*)?(?:another|a further|an additional|additional|另外|另)?\s*")
#: … and between the payment word that opens a list and its first amount ("upfront payments of «M0»")
_OPEN = re.compile(r"\s*(?:of|totaling|totalling|worth|amounting to|were|was|of\s+up\s+to)?\s*")


#: payment words a list's later amounts may share from its first (a price or a total word is the first item's own)
_TERM_KINDS = frozenset({"upfront", "near_term", "milestone", "equity"})


def _list_cues(text: str, clauses: list[Clause]) -> dict[int, Fact]:
    """The payment word a list of amounts shares, for each list item that may take it: the word that closes the
    sentence's last item right after its last amount goes to the items before it ("来自A的«M0»和B的«M1»首付款作为收入");
    the word that opens the first item right before its first amount goes to the items after it ("upfront payments
    of «M0» from A and «M1» from B"). An amount takes it only when it has no payment word of its own."""
    items = [c for c in clauses if c.list_item >= 0]
    if len(items) < 2:
        return {}
    out: dict[int, Fact] = {}
    first, last = min(items, key=lambda c: c.list_item), max(items, key=lambda c: c.list_item)
    money = [f for f in first.facts if f.label == "money"]
    if money:
        start = min(f.start for f in money)
        before = [f for f in first.facts if f.label == "pay" and f.end <= start and _OPEN.fullmatch(text, f.end, start)]
        if before:
            out.update((c.list_item, before[-1]) for c in items if c.list_item > first.list_item)
        else:
            # … or the word right after the first item's only amount, to items that each hold one amount with no
            # word of its own ("Merck's «M0» upfront to Hengrui for A, Novartis's «M1» to Argo, and GSK's «M2» …")
            end = max(f.end for f in money)
            right = [f for f in first.facts if f.label == "pay" and f.kind in _TERM_KINDS and 0 <= f.start - end <= 2
                     and not text[end:f.start].strip()]
            if len(money) == 1 and right and all(
                    sum(f.label == "money" for f in c.facts) == 1 and not any(f.label == "pay" for f in c.facts)
                    for c in items if c.list_item > first.list_item):
                out.update((c.list_item, right[0]) for c in items if c.list_item > first.list_item)
    money_end = max((f.end for f in last.facts if f.label == "money"), default=-1)
    orgs = [f for f in last.facts if f.label == "org"]
    after = [f for f in last.facts if f.label == "pay" and f.start >= money_end >= 0
             and _CLOSE.fullmatch(_masked(text, money_end, f.start, orgs))]
    money_start = min((f.start for f in last.facts if f.label == "money"), default=-1)
    if after and not _ITEM_LEAD.fullmatch(_masked(text, last.start, money_start, orgs)):
        # the last item is a statement of its own ("…, and «P» paid «P» «M1» upfront"): its word is its own
        after = []
    if after:
        out.update((c.list_item, min(after, key=lambda f: f.start)) for c in items if c.list_item < last.list_item)
    return out


def _masked(text: str, a: int, b: int, orgs: list[Fact]) -> str:
    """``text[a:b]`` with each company in it written «P» (not ``clauses.mask``: that numbers the facts it masks,
    which the clause's own masking has done)."""
    out, at = [], a
    for f in orgs:
        if a <= f.start and f.end <= b:
            out += [text[at:f.start], "«P»"]
            at = f.end
    return "".join(out) + text[at:b]
