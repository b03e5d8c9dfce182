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
from .mentions import MentionBuilder, distribute_respectively, inherit_subject, split_respectively
from .records import DealWriter, complete_counterparts, complete_roles, drop_bare_repeats, fold_into
from .types import EntityTable, Mention

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
        self.linker = Linker(int(data.get("max_continue_sentences", 4)))
        self.writer = DealWriter(lang)

    def run(self, text: str, facts: list[Fact], published: dt.date | None,
            sentences: Sequence[tuple[int, int]] | None = None) -> tuple[list[Deal], list[str]]:
        """Deals and warnings of one document. ``sentences`` (start, end ranges) default to the segmenter's."""
        warnings: list[str] = []
        table_deals, table_ranges = self.tables.read(text)
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
            mentions.extend(self._sentence(text, si, a, b, sfacts, ents, block_of[si]))
        out: list[Deal] = list(table_deals)
        states = self.linker.link(mentions, text)
        for d in states:
            complete_roles(d, ents)
        complete_counterparts(states)
        for d in states:
            rec = self.writer.write(d, text, ents, published, warnings)
            if rec is not None and not fold_into(rec, out[: len(table_deals)]):
                out.append(rec)
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
        for clause in self.clauses.clauses(text, si, a, b, sfacts):
            clause.block = block
            clause.bullet = bullet
            m = self.mentions.build(text, clause, ents)
            if m is None:
                continue
            if m.list_item == 0:
                first = m
            elif m.list_item > 0 and first is not None:
                inherit_subject(first, m)
            if m.list_item >= 0 and (not items or m.list_item > items[-1].list_item):
                items.append(m)  # (a clause cut off the last item, "…; milestones undisclosed", is none)
            out.extend(split_respectively(m, clause.facts) if paired and m.list_item < 0 else [m])
        if items and paired:
            distribute_respectively(items)
        return out
