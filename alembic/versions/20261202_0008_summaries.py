"""summaries kept by triggers: source_fact_counts and agreement_countries

Two summary tables the database keeps in step itself (today's: models/summaries.py), so no
writer maintains them and none can forget them:

- source_fact_counts: per source, fact kind and review state, its distinct facts and quotes
  (from citations); docs/queries/18 reads it instead of every citation;
- agreement_countries: per agreement and country, its parties that are the country or of it
  (from agreement_parties, organizations, people); the deal_countries views read it.

SQLite: row triggers. PostgreSQL: plpgsql functions; statement-level triggers with transition
tables (a bulk insert costs one aggregate per statement), BEFORE DELETE per row on the fact
tables. The upgrade fills both from the existing rows and re-creates deal_countries(_all) on the
new table; the downgrade puts the grouping views back and drops triggers, functions and tables.
The SQL is in sql/0008_summaries.*.sql.

Revision ID: 0008_summaries
Revises: 0007_trade_flow_groups
Create Date: 2026-12-02 15:40:00+00:00
"""

from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision: str = "0008_summaries"
down_revision: str | None = "0007_trade_flow_groups"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The SQL this revision ran, per engine, frozen beside it when it was written (sql/README.md):
# never rendered from silkledger.models, whose definitions are today's, not this revision's.
SQL = Path(__file__).resolve().parent / "sql"


def _run_sql(step: str) -> None:
    """The frozen statements of ``step`` (upgrade or downgrade) on this database's engine."""
    path = SQL / f"{revision}.{step}.{op.get_bind().dialect.name}.sql"
    for statement in path.read_text(encoding="utf-8").split("\n;\n")[:-1]:
        op.execute(statement)


def upgrade() -> None:
    op.create_table(
        "source_fact_counts",
        sa.Column(
            "id",
            sa.Integer(),
            nullable=False,
            comment="Surrogate key: an integer the database assigns; foreign keys point at it.",
        ),
        sa.Column(
            "source_id",
            sa.Integer(),
            nullable=False,
            comment="The article whose citations are counted.",
        ),
        sa.Column(
            "fact_kind",
            sa.String(length=16),
            nullable=False,
            comment="What kind of fact is counted. Values: event, agreement, trade_flow, project, indicator.",
        ),
        sa.Column(
            "review_status",
            sa.String(length=16),
            nullable=False,
            comment="Review state; reports count curated and accepted facts. Values: curated "
            "(seed, checked by a person), extracted (machine, not yet reviewed), accepted, "
            "rejected.",
        ),
        sa.Column(
            "fact_count",
            sa.Integer(),
            nullable=False,
            comment="How many distinct facts of this kind and review state the source cites. Unit: facts.",
        ),
        sa.Column(
            "quote_count",
            sa.Integer(),
            nullable=False,
            comment="How many citations (quotes) of the source state those facts; one fact may be quoted more than once. Unit: citations.",
        ),
        sa.CheckConstraint(
            "fact_kind IN ('event', 'agreement', 'trade_flow', 'project', 'indicator')",
            name=op.f("ck_source_fact_counts_fact_kind"),
        ),
        sa.CheckConstraint(
            "review_status IN ('curated', 'extracted', 'accepted', 'rejected')",
            name=op.f("ck_source_fact_counts_review_status"),
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
            name=op.f("fk_source_fact_counts_source_id_sources"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_fact_counts")),
        sa.UniqueConstraint(
            "source_id",
            "fact_kind",
            "review_status",
            name=op.f("uq_source_fact_counts_source_id_fact_kind_review_status"),
        ),
        comment="How many facts of each kind and review state each source states, and in how many quotes: a summary of citations kept in step by triggers, so that counting per source reads a few rows per source, not every citation.",
    )
    op.create_table(
        "agreement_countries",
        sa.Column(
            "id",
            sa.Integer(),
            nullable=False,
            comment="Surrogate key: an integer the database assigns; foreign keys point at it.",
        ),
        sa.Column(
            "agreement_id",
            sa.Integer(),
            nullable=False,
            comment="The agreement whose parties are counted.",
        ),
        sa.Column("country_id", sa.Integer(), nullable=False, comment="A country it involves."),
        sa.Column(
            "party_count",
            sa.Integer(),
            nullable=False,
            comment="How many of its parties are the country itself (0: it takes part only "
            "through a party organisation or person of that country). Unit: parties.",
        ),
        sa.Column(
            "link_count",
            sa.Integer(),
            nullable=False,
            comment="How many of its parties are the country or an organisation or person of "
            "it. Unit: parties.",
        ),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreements.id"],
            name=op.f("fk_agreement_countries_agreement_id_agreements"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["country_id"],
            ["countries.id"],
            name=op.f("fk_agreement_countries_country_id_countries"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_countries")),
        sa.UniqueConstraint(
            "agreement_id",
            "country_id",
            name=op.f("uq_agreement_countries_agreement_id_country_id"),
        ),
        comment="Which countries each agreement involves, one row per agreement and country: a "
        "summary of agreement_parties kept in step by triggers (a party organisation or person "
        "counts for its country), read by the deal_countries view.",
    )
    op.create_index(
        op.f("ix_agreement_countries_country_id"), "agreement_countries", ["country_id"]
    )
    _run_sql("upgrade")  # the triggers (and functions), both filled, deal_countries re-made


def downgrade() -> None:
    _run_sql("downgrade")  # deal_countries as before, the triggers and functions dropped
    op.drop_index(op.f("ix_agreement_countries_country_id"), table_name="agreement_countries")
    op.drop_table("agreement_countries")
    op.drop_table("source_fact_counts")
