"""The ledger's tables (SQLAlchemy Core). Alembic migrations under ``migrations/`` create and evolve them.

Generic tables are keyed by record *kind* (``deal`` today; ``approval`` and ``figure`` once the records carry
them): ``articles`` → ``mentions`` (one per record of an article, with its evidence) → ``sources`` (mention ↔ merged
entity) and ``field_values`` (every value of every field, which article said it, which one is chosen and why).
Deals have their own merged table (``deals``) with the chosen values as columns, side tables for their parties and
targets (indexes for linking and filters) and a ``status_history``. The first migration also creates two
read-only views, ``deal_sources`` and ``deal_overview``.

Ids are assigned by the writer under the ledger's write lock (see ``store.py``), never by the database, so a batch
can be written with a few multi-row inserts and the same code runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from ..records import DEAL_MONEY_FIELDS

__all__ = ["metadata", "ingests", "articles", "mentions", "deals", "deal_parties", "deal_targets", "sources",
           "field_values", "status_history", "companies", "company_aliases", "ledger_state", "MONEY_FIELDS"]

metadata = MetaData()

#: money fields of a deal; each is three columns of ``deals``: <f>_amount, <f>_currency, <f>_text.
MONEY_FIELDS = DEAL_MONEY_FIELDS
_AMOUNT = Numeric(28, 4)

ledger_state = Table(
    "ledger_state", metadata,
    Column("id", Integer, primary_key=True),
    Column("generation", Integer, nullable=False, doc="bumped by every committed write batch"),
    Column("epoch", Integer, nullable=False, doc="bumped when mentions are superseded (a cache must reload)"),
    Column("registry_hash", String(64), doc="hash of the company registry last copied into companies"),
)

ingests = Table(
    "ingests", metadata,
    Column("id", Integer, primary_key=True),
    Column("source", Text, doc="the file (or stream) ingested"),
    Column("started_at", DateTime(timezone=False), nullable=False),
    Column("finished_at", DateTime(timezone=False), doc="null while running, or when the ingest was killed"),
    Column("lines", Integer, nullable=False, default=0),
    Column("articles_added", Integer, nullable=False, default=0),
    Column("articles_unchanged", Integer, nullable=False, default=0),
    Column("articles_revised", Integer, nullable=False, default=0),
    Column("malformed", Integer, nullable=False, default=0),
    Column("error_records", Integer, nullable=False, default=0),
    Column("mentions_added", Integer, nullable=False, default=0),
    Column("deals_created", Integer, nullable=False, default=0),
    Column("problems", Text, doc="JSON list of the malformed lines (file:line: reason)"),
    Column("version", String(32)),
)

articles = Table(
    "articles", metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_id", String(512), nullable=False),
    Column("record_hash", String(64), nullable=False, doc="sha256 of the record as ingested (text excluded)"),
    Column("content_hash", String(64), doc="sha256 of the article text, when the record kept it"),
    Column("url", Text),
    Column("title", Text),
    Column("published", Date),
    Column("lang", String(8)),
    Column("error", Text, doc="the extractor's error record, if any"),
    Column("n_deals", Integer, nullable=False, default=0),
    Column("source", Text, doc="file:line the record was read from"),
    Column("ingest_id", Integer, ForeignKey("ingests.id")),
    Column("superseded_by", Integer, ForeignKey("articles.id"), doc="a later record of the same doc_id"),
    Column("added_at", DateTime(timezone=False), nullable=False),
    UniqueConstraint("doc_id", "record_hash", name="uq_articles_doc_record"),
)
Index("ix_articles_doc_id", articles.c.doc_id)
Index("ix_articles_published", articles.c.published)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False),
    Column("kind", String(16), nullable=False, doc="deal | approval | figure"),
    Column("idx", Integer, nullable=False, doc="position in the article's list of that kind"),
    Column("active", Boolean, nullable=False, default=True, doc="false once a later record of the article replaced it"),
    Column("record", Text, nullable=False, doc="the per-article record as JSON, evidence included"),
    Column("licensor_key", String(256)),
    Column("licensee_key", String(256)),
    Column("features", Text, doc="JSON: what linking compares (party roots, asset keys, targets, type, dates, money)"),
    UniqueConstraint("article_id", "kind", "idx", name="uq_mentions_article_kind_idx"),
)
Index("ix_mentions_article", mentions.c.article_id)

deals = Table(
    "deals", metadata,
    Column("id", Integer, primary_key=True),
    Column("title", Text, doc="licensor → licensee: asset (a label for lists and links)"),
    Column("licensor_id", String(128), doc="registry id of the licensor (payee), when known"),
    Column("licensor", Text, doc="licensor: registry name, else the name as written"),
    Column("licensor_country", String(2)),
    Column("licensee_id", String(128)),
    Column("licensee", Text, doc="licensee (payer): registry name, else the name as written"),
    Column("licensee_country", String(2)),
    Column("deal_type", String(32)),
    Column("status", String(32), doc="latest status: in_discussion | signed | completed | terminated"),
    Column("stage", String(32), doc="latest stage in words: in talks, signed, completed, option exercised, terminated"),
    Column("asset", Text),
    Column("targets", Text, doc="JSON array"),
    Column("modality", String(64)),
    Column("territory", Text),
    *[c for f in MONEY_FIELDS for c in (
        Column(f"{f}_amount", _AMOUNT),
        Column(f"{f}_currency", String(3)),
        Column(f"{f}_text", Text),
    )],
    Column("royalty", String(16), doc="tiered | yes"),
    Column("announced", Date),
    Column("first_seen", Date, doc="earliest publication date among the sources"),
    Column("last_seen", Date, doc="latest publication date among the sources"),
    Column("year", Integer, doc="year announced, else first seen"),
    Column("n_sources", Integer, nullable=False, default=0, doc="active mentions"),
    Column("created_at", DateTime(timezone=False), nullable=False),
    Column("updated_at", DateTime(timezone=False), nullable=False),
)
for _c in ("licensor_id", "licensee_id", "licensor_country", "licensee_country", "deal_type", "status", "year",
           "first_seen", "created_at", "upfront_amount", "total_value_amount"):
    Index(f"ix_deals_{_c}", deals.c[_c])

deal_parties = Table(
    "deal_parties", metadata,
    Column("deal_id", Integer, ForeignKey("deals.id"), nullable=False),
    Column("role", String(16), nullable=False, doc="licensor | licensee"),
    Column("company_key", String(256), nullable=False, doc="registry id, or x:<name key> for unknown companies"),
    Column("root_key", String(256), nullable=False, doc="the company's group (registry parent chain)"),
    Column("name", Text, doc="a name as written"),
    UniqueConstraint("deal_id", "role", "company_key", name="uq_deal_parties"),
)
Index("ix_deal_parties_company", deal_parties.c.company_key)
Index("ix_deal_parties_root", deal_parties.c.root_key)
Index("ix_deal_parties_deal", deal_parties.c.deal_id)

deal_targets = Table(
    "deal_targets", metadata,
    Column("deal_id", Integer, ForeignKey("deals.id"), nullable=False),
    Column("target", String(128), nullable=False),
    UniqueConstraint("deal_id", "target", name="uq_deal_targets"),
)
Index("ix_deal_targets_target", deal_targets.c.target)

sources = Table(
    "sources", metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("entity_id", Integer, nullable=False, doc="deals.id for kind deal"),
    Column("deal_id", Integer, ForeignKey("deals.id"), doc="entity_id again for kind deal (a typed link)"),
    Column("mention_id", Integer, ForeignKey("mentions.id"), nullable=False),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False),
    Column("link", Text, doc="why the mention joined this entity (or 'new')"),
    Column("score", Numeric(8, 2)),
    Column("linked_at", DateTime(timezone=False), nullable=False),
    UniqueConstraint("mention_id", name="uq_sources_mention"),
)
Index("ix_sources_entity", sources.c.kind, sources.c.entity_id)
Index("ix_sources_article", sources.c.article_id)
Index("ix_sources_deal", sources.c.deal_id)

field_values = Table(
    "field_values", metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("entity_id", Integer, nullable=False),
    Column("deal_id", Integer, ForeignKey("deals.id"), doc="entity_id again for kind deal (a typed link)"),
    Column("mention_id", Integer, ForeignKey("mentions.id"), nullable=False),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False),
    Column("field", String(32), nullable=False),
    Column("value", Text, nullable=False, doc="the value as JSON"),
    Column("display", Text, doc="the value in words"),
    Column("vkey", Text, doc="equality key: values with the same key agree"),
    Column("amount", _AMOUNT),
    Column("currency", String(3)),
    Column("specificity", Integer, nullable=False, default=0),
    Column("published", Date, doc="publication date of the article that said it"),
    Column("evidence", Text, doc="the quote the value was read from"),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    Column("rule", String(128)),
    Column("active", Boolean, nullable=False, default=True),
    Column("support", Integer, nullable=False, default=1, doc="active sources that agree with this value"),
    Column("chosen", Boolean, nullable=False, default=False),
    Column("reason", Text, doc="why this value is the chosen one"),
    UniqueConstraint("mention_id", "field", name="uq_field_values_mention_field"),
)
Index("ix_field_values_entity", field_values.c.kind, field_values.c.entity_id, field_values.c.field)
Index("ix_field_values_deal", field_values.c.deal_id)

status_history = Table(
    "status_history", metadata,
    Column("id", Integer, primary_key=True),
    Column("deal_id", Integer, ForeignKey("deals.id"), nullable=False),
    Column("mention_id", Integer, ForeignKey("mentions.id"), nullable=False),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False),
    Column("status", String(32), nullable=False),
    Column("stage", String(32), nullable=False),
    Column("date", Date, doc="the date the article gives for the deal, else its publication date"),
    Column("date_source", String(16), doc="announced | published | null"),
    Column("evidence", Text),
    Column("active", Boolean, nullable=False, default=True),
    UniqueConstraint("mention_id", name="uq_status_history_mention"),
)
Index("ix_status_history_deal", status_history.c.deal_id)

companies = Table(
    "companies", metadata,
    Column("id", String(128), primary_key=True),
    Column("name", Text, nullable=False),
    Column("name_zh", Text),
    Column("country", String(2)),
    Column("kind", String(16)),
    Column("parent", String(128)),
)

company_aliases = Table(
    "company_aliases", metadata,
    Column("company_id", String(128), ForeignKey("companies.id"), nullable=False),
    Column("alias", Text, nullable=False),
    UniqueConstraint("company_id", "alias", name="uq_company_aliases"),
)
Index("ix_company_aliases_alias", company_aliases.c.alias)
