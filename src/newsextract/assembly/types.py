"""The values that flow between the assembly stages: clauses, mentions, entities and deals in the making."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..facts import Fact

__all__ = ["Clause", "Entity", "EntityTable", "PartyRef", "Mention", "DealState", "DEAL_KINDS", "TYPE_RANK",
           "STATUS_RANK", "FIELD_KIND", "round_amount"]

#: payment kinds that are terms of a deal (the others say what an amount is not)
DEAL_KINDS = frozenset({"upfront", "near_term", "milestone", "milestone_part", "total", "equity", "combined_total",
                        "combined_upfront", "exercise_fee", "total_alt"})
#: payment kinds by the deal field they fill: a price ("acquire X for $1.1 billion") and a combined figure ("up to $303
#: million in upfront and milestone payments") are a total, upfront and near-term payments together an upfront
FIELD_KIND = {"price?": "total", "combined_total": "total", "combined_upfront": "upfront"}
#: when a deal's mentions use several type words, the most specific wins
TYPE_RANK = {"acquisition": 6, "newco": 5, "asset_purchase": 4, "option": 3, "license": 2, "collaboration": 1,
             "other": 0}
#: when they state several statuses, the latest in a deal's life wins
STATUS_RANK = {"signed": 0, "in_discussion": 1, "completed": 2, "terminated": 3}


@dataclass
class Clause:
    """A piece of a sentence with its facts, and its text with parties and amounts masked (``«P0»``, ``«M0»``)."""

    sent: int
    start: int
    end: int
    facts: list[Fact]
    masked: str
    to_text: Callable[[int], int]
    block: int = 0
    #: position in a list of deals cut from one sentence (0 the first item, -1 not a list item)
    list_item: int = -1
    #: the sentence is a list entry's heading line ("★ RL-3 · PSMA radioligand · Yarra Institute")
    bullet: bool = False


@dataclass
class Entity:
    """One company of the article: all its mentions and what the gazetteer knows of it."""

    key: str
    facts: list[Fact] = field(default_factory=list)
    canonical: str | None = None
    country: str | None = None
    kind: str | None = None


@dataclass
class EntityTable:
    """The article's companies by key, and which of them is the article's own company ("we", "the Company")."""

    entities: dict[str, Entity] = field(default_factory=dict)
    self_key: str | None = None
    #: the article speaks of itself (本公司, we) before it names any company: a filing of its own
    self_first: bool = False
    #: wholly owned units named as such, and their parents ("百利天恒全资子公司SystImmune": systimmune → biokin)
    units: dict[str, str] = field(default_factory=dict)
    #: the role a company's own brackets give it in the article's contract ("X（作为许可方）", "Y（作為被許可方）"): the
    #: role of that company in a deal whose frames bind none (each company one role, each role one company)
    declared: dict[str, str] = field(default_factory=dict)

    def get(self, key: str | None) -> Entity | None:
        return self.entities.get(key) if key else None

    def kind(self, key: str | None) -> str | None:
        e = self.get(key)
        return e.kind if e else None

    def country(self, key: str | None) -> str | None:
        e = self.get(key)
        return e.country if e else None


@dataclass
class PartyRef:
    """A party of one mention: its entity key ("" for an unnamed one), its role once bound, and the frame that did."""

    ent: str
    role: str | None
    fact: Fact
    rule: str = ""
    weak: bool = False  # bound by a frame marked weak: a plainer statement of the same deal overrides it


@dataclass
class Mention:
    """One clause that says something about a deal: its parties, amounts with their payment kinds, and terms."""

    sent: int
    start: int
    end: int
    parties: list[PartyRef] = field(default_factory=list)
    money: list[tuple[str, Fact, str]] = field(default_factory=list)  # (kind, money fact, cue rule)
    deal_cues: list[Fact] = field(default_factory=list)
    status: list[Fact] = field(default_factory=list)
    targets: list[Fact] = field(default_factory=list)
    modality: list[Fact] = field(default_factory=list)
    assets: list[Fact] = field(default_factory=list)
    territory: list[Fact] = field(default_factory=list)
    royalty: list[Fact] = field(default_factory=list)
    dates: list[Fact] = field(default_factory=list)
    backref: bool = False
    aggregate: bool = False
    acq_frame: bool = False
    unnamed_roles: set[str] = field(default_factory=set)
    self_roles: set[str] = field(default_factory=set)  # of ``unnamed_roles``, those the filer's own "we" took
    unnamed_count: int = 0  # unnamed companies the clause names ("a Nasdaq-listed biotech", 某科创板公司)
    warnings: list[str] = field(default_factory=list)
    index: int = 0
    block: int = 0
    list_item: int = -1
    bullet: bool = False
    listed_deal: bool = False  # an item of a list of deals whose first item is one
    form_line: bool = False  # a disclosure form's party line ("3. Counterparty: X"): a party of the form's deal
    framed: bool = False  # a frame bound both sides (not a weak one): the clause states a deal
    paid: bool = False  # its only deal words are payment words whose amounts are no term (a milestone paid, revenue)
    rel_years: frozenset[int] = frozenset()  # years named relative to the article's ("last year": -1), of a deal clause

    @property
    def dealish(self) -> bool:
        """A deal word, a deal payment, a royalty, or a price paid for a company: this clause can start a deal."""
        return (bool(self.deal_cues) or any(k in DEAL_KINDS for k, _, _ in self.money) or bool(self.royalty)
                or self.listed_deal or self.framed or self.acq_frame and any(k == "price?" for k, _, _ in self.money))


@dataclass
class DealState:
    """A deal while its mentions are linked: parties with roles, amounts, and the mentions it holds."""

    parties: dict[str, str | None] = field(default_factory=dict)  # entity → role
    roles: dict[str, str] = field(default_factory=dict)  # role → entity
    role_facts: dict[str, Fact] = field(default_factory=dict)
    role_rules: dict[str, str] = field(default_factory=dict)
    weak_roles: set[str] = field(default_factory=set)  # roles bound only by weak frames
    unnamed: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    money: list[tuple[str, Fact, str]] = field(default_factory=list)
    #: the last upfront and total amounts among ``money`` (kept as mentions are absorbed: linking compares them)
    terms: dict[str, Any] = field(default_factory=dict)
    #: the kinds of the deal words of its mentions (licence, acquisition …; linking compares them)
    kinds: set[str] = field(default_factory=set)
    last_sent: int = 0
    last_mention: int = 0
    order: list[str] = field(default_factory=list)  # entities in order of appearance


def round_amount(x: Decimal) -> bool:
    """An amount of at most two significant digits, as headlines write them ($1 billion, $1.5 billion, $20 million)."""
    digits = x.normalize().as_tuple().digits if x else ()
    return 0 < len(digits) <= 2 and x >= 1_000_000
