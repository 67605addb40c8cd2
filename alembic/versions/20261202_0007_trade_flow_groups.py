"""trade_flow_groups: trade claims summed up per group, kept in step by triggers

Adds the table ``trade_flow_groups`` (one row per reporter, partner, period, flow, measure and
unit with a claim that is not rejected), the group indexes on it and on trade_flows, partial
indexes on the disputed groups of each variant (where disagreements starts), and the
triggers that keep it in step with trade_flows and citations (models/trade_groups.py: row triggers
on SQLite, statement triggers with transition tables on PostgreSQL). Fills it for the claims
already there, and re-creates trade_flow_consensus and disagreements (and their _all twins) to
read it. The indexes and triggers are per engine, so they are written by hand and autogenerate
leaves them out (alembic/env.py).

Downgrade: the two views as they were (aggregating the claims), then the triggers, indexes and
table are dropped; nothing is lost, the table is derived.

Revision ID: 0007_trade_flow_groups
Revises: 0005_report_runs_jobs_file
Create Date: 2026-12-02 15:40:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from silkledger.models import trade_groups, views
from silkledger.models.base import Amount
from silkledger.models.fields import describe

revision: str = "0007_trade_flow_groups"
down_revision: str | None = "0005_report_runs_jobs_file"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = trade_groups.TABLE
TABLE_COMMENT = (
    "Trade claims summed up per group (reporter, partner, period, flow, measure and unit), kept "
    "in step with trade_flows and citations by the database's own triggers: never write to it. "
    "One row per group with a claim that is not rejected; the plain columns count curated and "
    "accepted claims, the all_ columns extracted claims too. trade_flow_consensus and "
    "disagreements read it."
)


def _column(name: str, type_, nullable: bool = True, **kwargs) -> sa.Column:
    return sa.Column(name, type_, nullable=nullable, comment=describe(name, TABLE), **kwargs)


def _variant_columns(prefix: str) -> list[sa.Column]:
    return [
        _column(f"{prefix}period_label", sa.String(length=40)),
        _column(f"{prefix}claim_count", sa.Integer(), nullable=False),
        _column(f"{prefix}source_count", sa.Integer(), nullable=False),
        _column(f"{prefix}lowest", Amount),
        _column(f"{prefix}highest", Amount),
        _column(f"{prefix}qualifier_count", sa.Integer(), nullable=False),
        _column(f"{prefix}value_list", sa.Text()),
    ]


def _execute(statements: list[str]) -> None:
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.create_table(
        TABLE,
        _column("id", sa.Integer(), nullable=False),
        _column("reporter_country_id", sa.Integer(), nullable=False),
        _column("partner_country_id", sa.Integer(), nullable=False),
        _column("period_start", sa.Date()),
        _column("period_end", sa.Date()),
        _column("flow", sa.String(length=16), nullable=False),
        _column("measure", sa.String(length=8), nullable=False),
        _column("unit", sa.String(length=16), nullable=False),
        *_variant_columns(""),
        *_variant_columns("all_"),
        sa.ForeignKeyConstraint(
            ["reporter_country_id"],
            ["countries.id"],
            name=op.f("fk_trade_flow_groups_reporter_country_id_countries"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["partner_country_id"],
            ["countries.id"],
            name=op.f("fk_trade_flow_groups_partner_country_id_countries"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trade_flow_groups")),
        comment=TABLE_COMMENT,
    )
    op.create_index(op.f("ix_trade_flow_groups_partner_country_id"), TABLE, ["partner_country_id"])
    # the triggers and fill as at this revision: claim_source_count comes with 0010_query_shapes,
    # SQLite's adding insert triggers with 0011_group_increments
    _execute(trade_groups.create_statements(dialect, pairs=False, increments=False))
    _execute(trade_groups.fill_statements(views.Dialect(dialect), pairs=False))
    _execute(views.recreate_changed_statements(dialect, revision, as_at=revision))


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    _execute(views.recreate_changed_statements(dialect, revision, as_at="0003_views"))
    _execute(trade_groups.drop_statements(dialect))
    op.drop_index(op.f("ix_trade_flow_groups_partner_country_id"), table_name=TABLE)
    op.drop_table(TABLE)
