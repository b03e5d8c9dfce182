"""Stage 5 of assembly — roles: the frames of ``patterns/<lang>/roles.yml`` bind licensor (payee) and licensee
(payer) on the masked clause, in file order; a party keeps the first role it gets."""

from __future__ import annotations

import re

from ..facts import Fact
from ..patterns import Rule, has_file, load_file, load_rules
from ..triggers import TriggerIndex
from .types import Clause, EntityTable, Mention, PartyRef

__all__ = ["RoleBinder"]

_GROUPS = (("licensor", "licensor"), ("licensee", "licensee"), ("licensor", "licensor2"), ("licensee", "licensee2"))


def _blank(mt: re.Match[str]) -> str:
    # frames read only the tokens they bind («P0»), never positions: the aside goes whole, so the gap between a
    # subject and its verb is what it would be without it
    return " "


class RoleBinder:
    """Binds the parties of a mention to roles with the role frames."""

    def __init__(self, lang: str, patterns_dir: str | None = None) -> None:
        self.frames = load_rules(lang, "roles", patterns_dir, section="frames")
        data = load_file(lang, "clauses", patterns_dir) if has_file(lang, "clauses", patterns_dir) else {}
        self.appositive = re.compile(data["appositive"]) if data.get("appositive") else None
        self.relative = re.compile(data["relative"]) if data.get("relative") else None
        #: an earlier deal the subject is said to follow up, in passing ("«P0» followed up its takeover of «Q1» with a
        #: deal to buy «Q2»", "«P0», which bought «Q1» in May, agreed to acquire «Q2»"): the frames read the clause
        #: without it first, so the deal being told binds the roles
        self.background = re.compile(data["background_aside"]) if data.get("background_aside") else None
        #: a speech tag between a subject and its verb (", the Japanese company said,"): the speaker is no subject
        self.speech = re.compile(data["speech"]) if data.get("speech") else None
        #: a company named only to describe the next ("Zealand's Chinese rival, «P2»"): it binds nothing
        self.relation = re.compile(data["possessive_relation"]) if data.get("possessive_relation") else None
        roles = load_file(lang, "roles", patterns_dir)
        self.investor_before = re.compile(roles["investor_before"]) if roles.get("investor_before") else None
        self.prep_before = re.compile(roles["prep_before"]) if roles.get("prep_before") else None
        #: a company named as another's parent ("传奇的母公司金斯瑞", "Legend's parent GenScript") is no party
        self.parent_before = re.compile(roles["parent_before"]) if roles.get("parent_before") else None
        #: … and one named just before the unit it owns ("罗氏集团旗下的基因泰克", "Roche unit Genentech")
        self.parent_of_next = re.compile(roles["parent_of_next"]) if roles.get("parent_of_next") else None
        #: the first company of a coordinated subject, written just before the one a frame binds
        self.coordinated = re.compile(roles["coordinated_before"], re.I) if roles.get("coordinated_before") else None
        #: (Chinese) half-width punctuation between words, read as the full-width mark (same length: offsets hold)
        self.halfwidth = re.compile(roles["halfwidth"]) if roles.get("halfwidth") else None
        self.as_fullwidth: dict[str, str] = roles.get("as_fullwidth") or {}
        #: a company the clause later names as the unnamed one ("…該日本公司為大塚製藥"): it takes the unnamed one's role
        self.names_unnamed = re.compile(roles["names_unnamed"]) if roles.get("names_unnamed") else None
        #: self references (本公司) that, in an article naming no company of its own, take a role as an unnamed party
        #: does: the role is set, the name stays null (a language's data opts in)
        self.self_unnamed = re.compile(roles["self_unnamed"]) if roles.get("self_unnamed") else None
        # frames whose trigger words are absent from a clause are not tried
        self.index = TriggerIndex(((i, r.triggers) for i, r in enumerate(self.frames)),
                                  also={i: r.also for i, r in enumerate(self.frames)})
        self.always = set(self.index.always)

    def bind(self, text: str, m: Mention, clause: Clause, orgs: list[Fact], ents: EntityTable) -> None:
        """Fills ``m.parties`` (with roles where a frame binds them), ``m.unnamed_roles`` and ``m.acq_frame``."""
        if not orgs:
            return
        masked = clause.masked
        if self.halfwidth is not None:
            masked = self.halfwidth.sub(lambda m: self.as_fullwidth.get(m.group(0), m.group(0)), masked)
        if ", " in masked:  # (in both readings below: the speaker, and a company that only describes, bind nothing)
            for rx in (self.speech, self.relation):
                if rx is not None:
                    masked = rx.sub(_blank, masked)
        whole = masked
        if ", " in masked:  # both asides start after a comma
            for rx in (self.appositive, self.relative):
                if rx is not None:
                    masked = rx.sub(_blank, masked)
        if self.background is not None:
            masked = self.background.sub(_blank, masked)
        by_mask: dict[str, Fact] = {}
        for f in orgs:
            if "mask" in f.extra and f.label in ("org", "ref"):
                n = f.extra["mask"]
                for tag in ("P", "p", "Q", "q"):
                    by_mask[f"«{tag}{n}»"] = f
        low = masked.lower()
        unnamed = [f for f in orgs if f.label == "unnamed"]
        m.unnamed_count = len(unnamed)
        unnamed += [f for f in orgs if f.extra.get("unnamed_self")]
        self._parties(text, m, orgs, ents)
        idx = {id(p.fact): p for p in m.parties}
        taken: set[str] = set()
        self._frames(masked, low, m, by_mask, idx, taken, unnamed)
        if whole != masked and not all(p.role for p in m.parties):
            # a company the main verb left without a role may have one in its aside ("Impax, which had licensed
            # rights to the drug, would continue to sell it")
            self._frames(whole, whole.lower(), m, by_mask, idx, taken, unnamed)
        if self.names_unnamed is not None and len(m.unnamed_roles) == 1:
            named = self.names_unnamed.search(masked)
            f = by_mask.get(named.group("party")) if named is not None else None
            p = idx.get(id(f)) if f is not None else None
            if p is not None and p.role is None and p.ent:
                p.role = m.unnamed_roles.pop()
                p.rule = "role.names_unnamed"
        # descriptors ("the Chinese drugmaker") without a role carry nothing
        m.parties = [p for p in m.parties if p.ent or p.role]
        if m.self_roles and not (m.parties or m.money or m.assets or m.targets):
            # the unnamed filer's role in a clause naming no other company, amount or drug is its business in
            # general ("we are also concentrating on out-licensing activities"), no side of a deal
            m.unnamed_roles -= m.self_roles
            m.self_roles = set()

    def _frames(self, masked: str, low: str, m: Mention, by_mask: dict[str, Fact], idx: dict[int, PartyRef],
                taken: set[str], unnamed: list[Fact]) -> None:
        for i in sorted(self.always.union(self.index.present(low))):  # file order, frames that can match only
            fr = self.frames[i]
            for mt in fr.finditer(masked, low):
                self._apply(fr, mt, m, by_mask, idx, taken, unnamed, self.coordinated)
            if all(p.role for p in m.parties) and (len(taken) == 2 or not unnamed):
                break  # every company has its role: later (weaker) frames cannot change anything

    def _parties(self, text: str, m: Mention, orgs: list[Fact], ents: EntityTable) -> None:
        named = [f for f in orgs if f.label == "org"]
        nxt = {id(a): b for a, b in zip(named, named[1:], strict=False)}
        for f in orgs:
            if f.label == "unnamed" or f.extra.get("unnamed_self"):
                continue
            if len(named) > 2 and f is not named[0] and (ents.kind(f.extra.get("ent")) == "investor" or (
                    self.investor_before is not None
                    and self.investor_before.search(text[max(0, f.start - 40):f.start]))):
                continue  # investors in a NewCo round are not parties to the licence (one that is the clause's subject is)
            if self.parent_before is not None and self.parent_before.search(text[max(0, f.start - 80):f.start]) and \
                    not text.startswith(" to ", f.end):
                continue  # the parent of a party the clause names (not the seller of "sold by X to Y")
            unit = nxt.get(id(f))
            if self.parent_of_next is not None and unit is not None and self.parent_of_next.fullmatch(
                    text, f.end, unit.start):
                continue  # … named before its unit
            if self.prep_before is not None and self.prep_before.search(text[max(0, f.start - 12):f.start]):
                f.extra["prep"] = True
            m.parties.append(PartyRef(f.extra.get("ent") or "", None, f))

    @staticmethod
    def _apply(fr: Rule, mt: re.Match[str], m: Mention, by_mask: dict[str, Fact], idx: dict[int, PartyRef],
               taken: set[str], unnamed: list[Fact], coordinated: re.Pattern[str] | None = None) -> None:
        groups = mt.re.groupindex  # (the form that ran: the full regex need not be compiled for its group names)
        for role, grp in _GROUPS:
            if grp not in groups:
                continue
            tok = mt.group(grp)
            if tok is None:
                continue
            if coordinated is not None and mt.start(grp) == mt.start() and not fr.attrs.get("own"):  # the subject: the first of a pair
                pair = coordinated.search(mt.string, max(0, mt.start() - 60), mt.start())
                if pair is not None and pair.group("first") in by_mask:
                    tok = pair.group("first")
            if tok.startswith(("«U", "«u")):
                if role not in taken and unnamed:
                    m.unnamed_roles.add(role)
                    taken.add(role)
                continue
            f = by_mask.get(tok)
            if f is not None and f.extra.get("unnamed_self"):
                if role not in taken and not m.self_roles:  # (the filer keeps the first role it gets)
                    m.unnamed_roles.add(role)
                    m.self_roles.add(role)
                    taken.add(role)
                continue
            p = idx.get(id(f)) if f is not None else None
            if p is None:
                continue
            if p.role is not None or role in taken and not any(q.role == role and q.ent == p.ent for q in m.parties):
                continue
            other = "licensee" if role == "licensor" else "licensor"
            if any(q.role == other and q.ent == p.ent and p.ent for q in m.parties):
                continue
            p.role = role
            p.rule = fr.id
            p.weak = bool(fr.attrs.get("weak"))
            taken.add(role)
            if fr.attrs.get("acquisition"):
                m.acq_frame = True
