"""What a pattern file may say: the Pydantic schemas :mod:`newsextract.patterns` validates every file with.

A rule's keys (:class:`RuleSpec`; unknown keys are refused), the frame of every file (:class:`PatternFile`), and the
schemas of the kinds whose files hold more than rules (:data:`FILE_SCHEMAS`).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

__all__ = ["RuleSpec", "PatternFile", "FILE_SCHEMAS"]


class RuleSpec(BaseModel):
    """What a rule in a pattern file may say (unknown keys are refused: a typo never passes silently)."""

    model_config = ConfigDict(extra="forbid")

    id: str
    pattern: str
    label: str | None = None
    examples: list[str] = []
    negatives: list[str] = []
    priority: int = 0
    case_sensitive: bool = False
    #: payment cues: which side of an amount the cue may attach to; rule finders: how far a rule reaches
    attach: str | int | dict[str, int] | None = None
    #: payment cues: a cue the clause text before it matches this regex is no cue there (a market value after a share move)
    unless_before: str | None = None
    #: payment cues (attach: left): right before its amount, the cue wins over any cue after the amount
    leads: bool = False
    #: role frames: a frame that reads an acquisition (the deal is typed acquisition only with such a frame); a weak
    #: reading, which a later, plainer statement of the same deal overrides ("X's drug … from Y": the owner)
    acquisition: bool = False
    weak: bool = False
    #: role frames: the role belongs to the party the frame binds, never to the first of a pair written before it
    #: (a role in brackets after each name: "«P0» (as purchaser) and «P1» (as vendor)")
    own: bool = False
    #: company context rules: the name may be an acronym alone ("with DRL"), which is otherwise read as a code
    acronym: bool = False
    #: role frames: the deal type a frame's reading implies when no deal word types the deal (rights given: a
    #: licence; a drug bought from its owner: an asset purchase)
    deal_type: str | None = None
    sub: str | None = None
    scale: int | None = None
    value: Any = None
    terms: list[str] | None = None
    note: str | None = None
    flags: Any = None
    roles: Any = None
    kind: str | None = None
    keep_first: bool = False  #: company context rules: the cue is before the name (at a full stop, keep that side)
    #: asset rules: the separator of a list the rule's group holds (each item is one asset)
    split: str | None = None
    lang: str | None = None
    #: approvals and figures: the designation an event names, where a rule applies, the regulator it implies,
    #: the company metric it reads
    designation: str | None = None
    scope: Any = None
    when: Any = None
    regulator: str | None = None
    company_metric: Any = None


class PatternFile(BaseModel):
    """The frame of every pattern file: a version, a kind, an optional lexicon of macros, then sections."""

    model_config = ConfigDict(extra="allow")

    version: int
    kind: str
    lexicon: dict[str, list[str]] | None = None


class Anaphors(BaseModel):
    """``anaphors`` of ``zh/names.yml``: words for the company named last, the former of two (others: the latter)."""

    model_config = ConfigDict(extra="forbid")

    last_named: list[str] = []
    former: list[str] = []


class NamesFile(PatternFile):
    """``names.yml``: besides its rule sections, the word lists the company finder (``<lang>/names.yml``) and the
    name keys (``common/names.yml``) read."""

    #: abbreviated legal forms read as designator words ("Co", "Inc")
    legal_abbreviations: list[str] = []
    #: ``zh/names.yml``: how a list of companies is written (separator, one item) — its other items are companies
    list_members: dict[str, str] = {}
    #: places that begin a registered company name ("Hangzhou Ruiyang Biopharma"), though stop words elsewhere
    name_places: list[str] = []
    anaphors: Anaphors | None = None
    #: ``common/names.yml``: Chinese legal forms and group words as they end a name, tried in order
    cjk_legal_forms: list[str] = []


class TargetsFile(PatternFile):
    """``targets.yml``: besides the vocabulary and the shape rules, the Greek letters spelled out (``en``) and the
    words that join two targets named together."""

    greek: dict[str, str] = {}
    joins: list[str] = []


class HtmlMetadata(BaseModel):
    """``metadata`` of ``common/html.yml``: class/id tokens of the elements that hold a page's headline and date."""

    model_config = ConfigDict(extra="forbid")

    title_tokens: list[str] = []
    date_tokens: list[str] = []


class HtmlBoilerplate(BaseModel):
    """``boilerplate`` of ``common/html.yml``: class/id tokens of the containers that are not the article."""

    model_config = ConfigDict(extra="forbid")

    tokens: list[str] = []
    always: list[str] = []
    wrapper: list[str] = []
    author: list[str] = []
    author_box: list[str] = []


class HtmlFile(PatternFile):
    """``common/html.yml``: the boilerplate vocabulary (read by :mod:`newsextract.ingest.html.boilerplate`) and
    the metadata tokens."""

    boilerplate: HtmlBoilerplate | None = None
    metadata: HtmlMetadata | None = None


class DatesFile(PatternFile):
    """``dates.yml``: the month and weekday names in calendar order (``en``) that ``parse_date`` reads."""

    months: list[str] = []
    weekdays: list[str] = []


#: pattern files whose kind has sections beyond the frame, validated by their own schema
FILE_SCHEMAS: dict[str, type[PatternFile]] = {"names": NamesFile, "html": HtmlFile, "targets": TargetsFile,
                                              "dates": DatesFile}
