"""Pydantic models of the record contract (``../shared/SCHEMA.md``).

Amounts are :class:`decimal.Decimal` in full units. In JSON they are written as plain JSON numbers with no
exponent (``571000000``, ``0.5``), never ``5.71E+8``, so nothing is lost and spreadsheets read them as numbers.

>>> m = Money(amount="5.71E+8", currency="usd", text="5.71亿美元", upper_bound=True)
>>> m.model_dump_json()
'{"amount":571000000,"currency":"USD","text":"5.71亿美元","upper_bound":true,"approximate":false,"lower_bound":false}'
>>> Money(amount=-1, currency="USD", text="x")
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for Money
amount
  Value error, amount must not be negative, got -1 [type=value_error, input_value=-1, input_type=int]
...
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, WithJsonSchema, field_validator

__all__ = [
    "DEAL_TYPES",
    "STATUSES",
    "MODALITIES",
    "CURRENCIES",
    "Money",
    "Party",
    "Royalty",
    "Evidence",
    "Deal",
    "Quantity",
    "Approval",
    "Figure",
    "EVENTS",
    "METRICS",
    "FIGURE_KINDS",
    "Extraction",
    "decimal_to_json",
]

DealType = Literal["license", "collaboration", "option", "acquisition", "asset_purchase", "newco", "other"]
Status = Literal["signed", "completed", "in_discussion", "terminated"]
Modality = Literal[
    "monoclonal antibody",
    "bispecific antibody",
    "trispecific antibody",
    "ADC",
    "bispecific ADC",
    "small molecule",
    "siRNA",
    "ASO",
    "mRNA",
    "cell therapy",
    "gene therapy",
    "peptide",
    "vaccine",
    "PROTAC/degrader",
    "radioligand",
    "T-cell engager",
    "biosimilar",
    "fusion protein",
    "enzyme",
]
DEAL_TYPES: tuple[str, ...] = get_args(DealType)
STATUSES: tuple[str, ...] = get_args(Status)
MODALITIES: tuple[str, ...] = get_args(Modality)

#: ISO 4217 codes the extractor emits and accepts.
CURRENCIES: frozenset[str] = frozenset(
    "USD CNY EUR JPY GBP CHF HKD KRW TWD SGD AUD CAD INR SEK DKK NOK THB".split()
)


def decimal_to_json(value: Decimal) -> int | float | str:
    """A Decimal as JSON without exponent or loss.

    Whole amounts become an ``int`` (a JSON number, exact at any size); fractional ones a ``float`` when it
    round-trips exactly, else a plain decimal string ("99999999999999.99") — never a rounded or ``E`` form.

    >>> decimal_to_json(Decimal("5.71E+8")), decimal_to_json(Decimal("0.175")), decimal_to_json(Decimal("25000000.00"))
    (571000000, 0.175, 25000000)
    >>> decimal_to_json(Decimal("99999999999999.99"))
    '99999999999999.99'
    """
    if value == value.to_integral_value():
        return int(value)
    as_float = float(value)
    if Decimal(repr(as_float)) == value and "e" not in repr(as_float):
        return as_float
    return format(value.normalize(), "f")


JsonDecimal = Annotated[
    Decimal,
    PlainSerializer(decimal_to_json, when_used="json"),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string", "pattern": r"^\d+(?:\.\d+)?$"}]},
                   mode="serialization"),
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False, validate_assignment=False)


class Money(_Strict):
    """An amount of money as stated in the text, in full units."""

    amount: JsonDecimal = Field(description="Full units: '$1.25 billion' -> 1250000000; '5.71亿美元' -> 571000000")
    currency: str = Field(description="ISO 4217 code (USD, CNY, EUR, JPY, GBP, CHF, HKD, KRW …)")
    text: str = Field(description="The exact span the amount was read from")
    upper_bound: bool = Field(False, description="'up to', 'as much as', '最高', '高达'")
    approximate: bool = Field(False, description="'about', 'approximately', 'nearly', '约', '近'")
    lower_bound: bool = Field(False, description="'over', 'more than', 'exceeding', '超过'")

    @field_validator("amount")
    @classmethod
    def _non_negative(cls, v: Decimal) -> Decimal:
        if not v.is_finite():
            raise ValueError(f"amount must be a finite number, got {v}")
        if v < 0:
            raise ValueError(f"amount must not be negative, got {v}")
        return v

    @field_validator("currency", mode="before")
    @classmethod
    def _iso_currency(cls, v: Any) -> str:
        code = str(v).strip().upper()
        if code not in CURRENCIES:
            raise ValueError(f"unknown currency {v!r}: expected an ISO 4217 code such as USD, CNY, EUR")
        return code


class Party(_Strict):
    """A deal party, named as written in the article (no leading 'the', no trailing punctuation)."""

    id: str | None = Field(None, description="Company registry id (the gazetteer id), when the party is a known company")
    name: str = Field(min_length=1)
    canonical: str | None = Field(None, description="Gazetteer name, when the party is a known company")
    country: str | None = Field(None, description="ISO 3166 alpha-2 of the headquarters, when known")


class Royalty(_Strict):
    tiered: bool = False
    min_pct: float | None = Field(None, ge=0, le=100)
    max_pct: float | None = Field(None, ge=0, le=100)
    text: str = ""


class Evidence(_Strict):
    """Where a filled field came from: character offsets into the document's plain text."""

    field: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    rule: str | None = Field(None, description="id of the pattern that produced it")


#: the money fields of a Deal, in record order (one list for outputs, tables, folding and the ledger)
DEAL_MONEY_FIELDS: tuple[str, ...] = ("upfront", "near_term", "milestones", "total_value", "equity")


class Deal(_Strict):
    deal_type: DealType = "license"
    status: Status = "signed"
    licensor: Party | None = Field(None, description="Grants rights / sells / is acquired: the payee")
    licensee: Party | None = Field(None, description="Acquires rights / buys: the payer")
    asset: str | None = None
    assets: list[str] = Field(default_factory=list, description="All assets named for the deal")
    targets: list[str] = Field(default_factory=list)
    modality: Modality | None = None
    indications: list[str] = Field(default_factory=list)
    territory: str | None = None
    upfront: Money | None = None
    near_term: Money | None = None
    milestones: Money | None = None
    total_value: Money | None = None
    equity: Money | None = None
    royalty: Royalty | None = None
    announced: dt.date | None = None
    evidence: list[Evidence] = Field(default_factory=list)


EventType = Literal["approval", "filing_accepted", "designation", "positive_opinion", "rejection", "trial_clearance"]
FigureKind = Literal["company", "product", "market"]
Metric = Literal["revenue", "net_profit", "net_loss", "product_sales", "r_and_d_expense", "market_size", "market_share",
                 "deal_value", "count", "other"]
EVENTS: tuple[str, ...] = get_args(EventType)
FIGURE_KINDS: tuple[str, ...] = get_args(FigureKind)
METRICS: tuple[str, ...] = get_args(Metric)
#: a point in time or a day as far as the text says it: 2025, 2025-05, 2025-05-20
PartialDate = Annotated[str, Field(pattern=r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")]


class Quantity(_Strict):
    """A number that is not money: a share (``27.8`` ``%``) or a count (``3258`` ``projects``).

    >>> Quantity(amount="27.8", unit="%", text="27.8%").model_dump_json()
    '{"amount":27.8,"unit":"%","text":"27.8%","approximate":false,"lower_bound":false}'
    """

    amount: JsonDecimal
    unit: str = Field(min_length=1, description="'%' for shares, else what is counted ('projects', 'deals', '笔')")
    text: str = Field("", description="The exact span it was read from")
    approximate: bool = False
    lower_bound: bool = False


class Approval(_Strict):
    """A regulatory event: approval, accepted filing, designation, opinion, rejection or trial clearance."""

    regulator: str | None = Field(None, description="Standard acronym: FDA, EMA, EC, NMPA, PMDA, MHLW, MHRA …")
    event: EventType
    designation: str | None = Field(None, description="For designations: breakthrough_therapy, fast_track, "
                                                      "orphan_drug, priority_review, prime …")
    drug: str | None = Field(None, description="INN when the text gives one, else brand, else code")
    brand: str | None = None
    code: str | None = None
    company: Party | None = Field(None, description="Sponsor or marketing-authorisation holder named in the text")
    indication: str | None = None
    date: PartialDate | None = Field(None, description="When it happened, as far as the text says (2025, 2025-05 …)")
    evidence: list[Evidence] = Field(default_factory=list)


class Figure(_Strict):
    """A company, product or market figure: revenue, profit or loss, sales, R&D spend, market size or share …"""

    subject: Party | str = Field(description="The company (a Party); the product or the market as written")
    kind: FigureKind
    metric: Metric
    value: Money | Quantity
    period: str | None = Field(None, description="FY2024, H1 2025, Q3 2024, 9M 2024, or a year / year-month")
    change_pct: float | None = Field(None, description="Year-on-year change in % as stated (negative: a decline)")
    evidence: list[Evidence] = Field(default_factory=list)

    @property
    def subject_name(self) -> str:
        return self.subject.name if isinstance(self.subject, Party) else self.subject


class Extraction(_Strict):
    """Everything extracted from one input document."""

    doc_id: str
    lang: Literal["en", "zh"] = "en"
    title: str | None = None
    url: str | None = Field(None, description="Source address, when the input gave one")
    published: dt.date | None = None
    deals: list[Deal] = Field(default_factory=list)
    approvals: list[Approval] = Field(default_factory=list, description="Regulatory events the article reports")
    figures: list[Figure] = Field(default_factory=list, description="Company, product and market figures")
    warnings: list[str] = Field(default_factory=list)
    error: str | None = None
    encoding: str | None = Field(None, description="How the input bytes were decoded (utf-8, gb18030 …); None "
                                                    "for text input. A guessed encoding also gives a warning")
    text: str | None = Field(None, description="The plain text evidence offsets index (kept on request)")
