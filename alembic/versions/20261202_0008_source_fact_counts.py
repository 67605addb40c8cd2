"""source_fact_counts: per source, fact kind and review state, its facts and quotes

A summary of citations kept in step by triggers (silkledger.models.summaries): SQLite row
triggers on citations and on each fact table; PostgreSQL plpgsql functions, statement-level
with transition tables on citations and for review-state changes, BEFORE DELETE per row on the
fact tables. The upgrade fills it from the existing citations; the downgrade drops the triggers
(and functions) and the table. Counting what each source contributes (docs/queries/18) reads it
instead of every citation.

Revision ID: 0008_source_fact_counts
Revises: 0005_report_runs_jobs_file
Create Date: 2026-12-02 15:40:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from silkledger.models import summaries

revision: str = "0008_source_fact_counts"
down_revision: str | None = "0005_report_runs_jobs_file"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


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
    dialect = op.get_bind().dialect.name
    for statement in summaries.create_statements(dialect) + summaries.refill_statements():
        op.execute(statement)


def downgrade() -> None:
    for statement in summaries.drop_statements(op.get_bind().dialect.name):
        op.execute(statement)
    op.drop_table("source_fact_counts")
