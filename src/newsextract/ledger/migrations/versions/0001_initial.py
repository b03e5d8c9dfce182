"""ledger schema: articles, mentions, deals, sources, field values, status history, companies

Revision ID: 0001
Revises: (none)
Create Date: 2026-12-06 04:51:20.821553
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None

_VIEWS = {
    "deal_sources": """
        SELECT s.deal_id, d.title AS deal, a.doc_id, a.title, a.url, a.published, a.lang, s.link,
               m.idx AS deal_index, m.active, s.article_id
        FROM sources s
        JOIN mentions m ON m.id = s.mention_id
        JOIN articles a ON a.id = s.article_id
        JOIN deals d ON d.id = s.deal_id
        WHERE s.kind = 'deal'
    """,
    "deal_overview": """
        SELECT d.id, d.title, d.licensor, d.licensor_country, d.licensee, d.licensee_country, d.deal_type,
               d.stage, d.asset, d.targets, d.modality, d.upfront_amount, d.upfront_currency,
               d.total_value_amount, d.total_value_currency, d.announced, d.first_seen, d.year, d.n_sources
        FROM deals d
    """,
}


def upgrade() -> None:
    # one helper per table (with its indexes), in the order the foreign keys need
    _create_companies()
    _create_deals()
    _create_ingests()
    _create_ledger_state()
    _create_articles()
    _create_company_aliases()
    _create_deal_parties()
    _create_deal_targets()
    _create_mentions()
    _create_field_values()
    _create_sources()
    _create_status_history()
    # read-only views for browsing; their SQL is frozen here (a later revision replaces a view, never this one)
    for name, sql in _VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS {sql}")
    op.execute("INSERT INTO ledger_state (id, generation, epoch, registry_hash) VALUES (1, 0, 0, NULL)")


def _create_companies() -> None:
    op.create_table('companies',
    sa.Column('id', sa.String(length=128), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('name_zh', sa.Text(), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=True),
    sa.Column('parent', sa.String(length=128), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )


def _create_deals() -> None:
    op.create_table('deals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('licensor_id', sa.String(length=128), nullable=True),
    sa.Column('licensor', sa.Text(), nullable=True),
    sa.Column('licensor_country', sa.String(length=2), nullable=True),
    sa.Column('licensee_id', sa.String(length=128), nullable=True),
    sa.Column('licensee', sa.Text(), nullable=True),
    sa.Column('licensee_country', sa.String(length=2), nullable=True),
    sa.Column('deal_type', sa.String(length=32), nullable=True),
    sa.Column('status', sa.String(length=32), nullable=True),
    sa.Column('stage', sa.String(length=32), nullable=True),
    sa.Column('asset', sa.Text(), nullable=True),
    sa.Column('targets', sa.Text(), nullable=True),
    sa.Column('modality', sa.String(length=64), nullable=True),
    sa.Column('territory', sa.Text(), nullable=True),
    sa.Column('upfront_amount', sa.Numeric(precision=28, scale=4), nullable=True),
    sa.Column('upfront_currency', sa.String(length=3), nullable=True),
    sa.Column('upfront_text', sa.Text(), nullable=True),
    sa.Column('near_term_amount', sa.Numeric(precision=28, scale=4), nullable=True),
    sa.Column('near_term_currency', sa.String(length=3), nullable=True),
    sa.Column('near_term_text', sa.Text(), nullable=True),
    sa.Column('milestones_amount', sa.Numeric(precision=28, scale=4), nullable=True),
    sa.Column('milestones_currency', sa.String(length=3), nullable=True),
    sa.Column('milestones_text', sa.Text(), nullable=True),
    sa.Column('total_value_amount', sa.Numeric(precision=28, scale=4), nullable=True),
    sa.Column('total_value_currency', sa.String(length=3), nullable=True),
    sa.Column('total_value_text', sa.Text(), nullable=True),
    sa.Column('equity_amount', sa.Numeric(precision=28, scale=4), nullable=True),
    sa.Column('equity_currency', sa.String(length=3), nullable=True),
    sa.Column('equity_text', sa.Text(), nullable=True),
    sa.Column('royalty', sa.String(length=16), nullable=True),
    sa.Column('announced', sa.Date(), nullable=True),
    sa.Column('first_seen', sa.Date(), nullable=True),
    sa.Column('last_seen', sa.Date(), nullable=True),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('n_sources', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('deals', schema=None) as batch_op:
        batch_op.create_index('ix_deals_created_at', ['created_at'], unique=False)
        batch_op.create_index('ix_deals_deal_type', ['deal_type'], unique=False)
        batch_op.create_index('ix_deals_first_seen', ['first_seen'], unique=False)
        batch_op.create_index('ix_deals_licensee_country', ['licensee_country'], unique=False)
        batch_op.create_index('ix_deals_licensee_id', ['licensee_id'], unique=False)
        batch_op.create_index('ix_deals_licensor_country', ['licensor_country'], unique=False)
        batch_op.create_index('ix_deals_licensor_id', ['licensor_id'], unique=False)
        batch_op.create_index('ix_deals_status', ['status'], unique=False)
        batch_op.create_index('ix_deals_total_value_amount', ['total_value_amount'], unique=False)
        batch_op.create_index('ix_deals_upfront_amount', ['upfront_amount'], unique=False)
        batch_op.create_index('ix_deals_year', ['year'], unique=False)


def _create_ingests() -> None:
    op.create_table('ingests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('lines', sa.Integer(), nullable=False),
    sa.Column('articles_added', sa.Integer(), nullable=False),
    sa.Column('articles_unchanged', sa.Integer(), nullable=False),
    sa.Column('articles_revised', sa.Integer(), nullable=False),
    sa.Column('malformed', sa.Integer(), nullable=False),
    sa.Column('error_records', sa.Integer(), nullable=False),
    sa.Column('mentions_added', sa.Integer(), nullable=False),
    sa.Column('deals_created', sa.Integer(), nullable=False),
    sa.Column('problems', sa.Text(), nullable=True),
    sa.Column('version', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )


def _create_ledger_state() -> None:
    op.create_table('ledger_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('generation', sa.Integer(), nullable=False),
    sa.Column('epoch', sa.Integer(), nullable=False),
    sa.Column('registry_hash', sa.String(length=64), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )


def _create_articles() -> None:
    op.create_table('articles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('doc_id', sa.String(length=512), nullable=False),
    sa.Column('record_hash', sa.String(length=64), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('lang', sa.String(length=8), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('n_deals', sa.Integer(), nullable=False),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('ingest_id', sa.Integer(), nullable=True),
    sa.Column('superseded_by', sa.Integer(), nullable=True),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['ingest_id'], ['ingests.id'], ),
    sa.ForeignKeyConstraint(['superseded_by'], ['articles.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('doc_id', 'record_hash', name='uq_articles_doc_record')
    )
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.create_index('ix_articles_doc_id', ['doc_id'], unique=False)
        batch_op.create_index('ix_articles_published', ['published'], unique=False)


def _create_company_aliases() -> None:
    op.create_table('company_aliases',
    sa.Column('company_id', sa.String(length=128), nullable=False),
    sa.Column('alias', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], ),
    sa.UniqueConstraint('company_id', 'alias', name='uq_company_aliases')
    )
    with op.batch_alter_table('company_aliases', schema=None) as batch_op:
        batch_op.create_index('ix_company_aliases_alias', ['alias'], unique=False)


def _create_deal_parties() -> None:
    op.create_table('deal_parties',
    sa.Column('deal_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('company_key', sa.String(length=256), nullable=False),
    sa.Column('root_key', sa.String(length=256), nullable=False),
    sa.Column('name', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['deal_id'], ['deals.id'], ),
    sa.UniqueConstraint('deal_id', 'role', 'company_key', name='uq_deal_parties')
    )
    with op.batch_alter_table('deal_parties', schema=None) as batch_op:
        batch_op.create_index('ix_deal_parties_company', ['company_key'], unique=False)
        batch_op.create_index('ix_deal_parties_deal', ['deal_id'], unique=False)
        batch_op.create_index('ix_deal_parties_root', ['root_key'], unique=False)


def _create_deal_targets() -> None:
    op.create_table('deal_targets',
    sa.Column('deal_id', sa.Integer(), nullable=False),
    sa.Column('target', sa.String(length=128), nullable=False),
    sa.ForeignKeyConstraint(['deal_id'], ['deals.id'], ),
    sa.UniqueConstraint('deal_id', 'target', name='uq_deal_targets')
    )
    with op.batch_alter_table('deal_targets', schema=None) as batch_op:
        batch_op.create_index('ix_deal_targets_target', ['target'], unique=False)


def _create_mentions() -> None:
    op.create_table('mentions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('record', sa.Text(), nullable=False),
    sa.Column('licensor_key', sa.String(length=256), nullable=True),
    sa.Column('licensee_key', sa.String(length=256), nullable=True),
    sa.Column('features', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('article_id', 'kind', 'idx', name='uq_mentions_article_kind_idx')
    )
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.create_index('ix_mentions_article', ['article_id'], unique=False)


def _create_field_values() -> None:
    op.create_table('field_values',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('deal_id', sa.Integer(), nullable=True),
    sa.Column('mention_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=32), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('display', sa.Text(), nullable=True),
    sa.Column('vkey', sa.Text(), nullable=True),
    sa.Column('amount', sa.Numeric(precision=28, scale=4), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=True),
    sa.Column('specificity', sa.Integer(), nullable=False),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('evidence', sa.Text(), nullable=True),
    sa.Column('evidence_start', sa.Integer(), nullable=True),
    sa.Column('evidence_end', sa.Integer(), nullable=True),
    sa.Column('rule', sa.String(length=128), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('support', sa.Integer(), nullable=False),
    sa.Column('chosen', sa.Boolean(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ),
    sa.ForeignKeyConstraint(['deal_id'], ['deals.id'], ),
    sa.ForeignKeyConstraint(['mention_id'], ['mentions.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('mention_id', 'field', name='uq_field_values_mention_field')
    )
    with op.batch_alter_table('field_values', schema=None) as batch_op:
        batch_op.create_index('ix_field_values_deal', ['deal_id'], unique=False)
        batch_op.create_index('ix_field_values_entity', ['kind', 'entity_id', 'field'], unique=False)


def _create_sources() -> None:
    op.create_table('sources',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('deal_id', sa.Integer(), nullable=True),
    sa.Column('mention_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('link', sa.Text(), nullable=True),
    sa.Column('score', sa.Numeric(precision=8, scale=2), nullable=True),
    sa.Column('linked_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ),
    sa.ForeignKeyConstraint(['deal_id'], ['deals.id'], ),
    sa.ForeignKeyConstraint(['mention_id'], ['mentions.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('mention_id', name='uq_sources_mention')
    )
    with op.batch_alter_table('sources', schema=None) as batch_op:
        batch_op.create_index('ix_sources_article', ['article_id'], unique=False)
        batch_op.create_index('ix_sources_deal', ['deal_id'], unique=False)
        batch_op.create_index('ix_sources_entity', ['kind', 'entity_id'], unique=False)


def _create_status_history() -> None:
    op.create_table('status_history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('deal_id', sa.Integer(), nullable=False),
    sa.Column('mention_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('stage', sa.String(length=32), nullable=False),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('date_source', sa.String(length=16), nullable=True),
    sa.Column('evidence', sa.Text(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ),
    sa.ForeignKeyConstraint(['deal_id'], ['deals.id'], ),
    sa.ForeignKeyConstraint(['mention_id'], ['mentions.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('mention_id', name='uq_status_history_mention')
    )
    with op.batch_alter_table('status_history', schema=None) as batch_op:
        batch_op.create_index('ix_status_history_deal', ['deal_id'], unique=False)

def downgrade() -> None:
    for name in _VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {name}")
    with op.batch_alter_table('status_history', schema=None) as batch_op:
        batch_op.drop_index('ix_status_history_deal')

    op.drop_table('status_history')
    with op.batch_alter_table('sources', schema=None) as batch_op:
        batch_op.drop_index('ix_sources_entity')
        batch_op.drop_index('ix_sources_deal')
        batch_op.drop_index('ix_sources_article')

    op.drop_table('sources')
    with op.batch_alter_table('field_values', schema=None) as batch_op:
        batch_op.drop_index('ix_field_values_entity')
        batch_op.drop_index('ix_field_values_deal')

    op.drop_table('field_values')
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.drop_index('ix_mentions_article')

    op.drop_table('mentions')
    with op.batch_alter_table('deal_targets', schema=None) as batch_op:
        batch_op.drop_index('ix_deal_targets_target')

    op.drop_table('deal_targets')
    with op.batch_alter_table('deal_parties', schema=None) as batch_op:
        batch_op.drop_index('ix_deal_parties_root')
        batch_op.drop_index('ix_deal_parties_deal')
        batch_op.drop_index('ix_deal_parties_company')

    op.drop_table('deal_parties')
    with op.batch_alter_table('company_aliases', schema=None) as batch_op:
        batch_op.drop_index('ix_company_aliases_alias')

    op.drop_table('company_aliases')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index('ix_articles_published')
        batch_op.drop_index('ix_articles_doc_id')

    op.drop_table('articles')
    op.drop_table('ledger_state')
    op.drop_table('ingests')
    with op.batch_alter_table('deals', schema=None) as batch_op:
        batch_op.drop_index('ix_deals_year')
        batch_op.drop_index('ix_deals_upfront_amount')
        batch_op.drop_index('ix_deals_total_value_amount')
        batch_op.drop_index('ix_deals_status')
        batch_op.drop_index('ix_deals_licensor_id')
        batch_op.drop_index('ix_deals_licensor_country')
        batch_op.drop_index('ix_deals_licensee_id')
        batch_op.drop_index('ix_deals_licensee_country')
        batch_op.drop_index('ix_deals_first_seen')
        batch_op.drop_index('ix_deals_deal_type')
        batch_op.drop_index('ix_deals_created_at')

    op.drop_table('deals')
    op.drop_table('companies')
