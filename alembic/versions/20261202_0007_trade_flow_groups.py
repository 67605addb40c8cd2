"""trade_flow_groups: trade claims summed up per group, kept in step by triggers

Adds the table ``trade_flow_groups`` (one row per reporter, partner, period, flow, measure and
unit with a claim that is not rejected), the group indexes on it and on trade_flows, partial
indexes on the disputed groups of each variant (where disagreements starts), and the
triggers that keep it in step with trade_flows and citations (row triggers on SQLite, statement
triggers with transition tables on PostgreSQL; today's are defined in models/trade_groups.py). Fills it for the claims
already there, and re-creates trade_flow_consensus and disagreements (and their _all twins) to
read it. The indexes and triggers are per engine, so they are written by hand and autogenerate
leaves them out (alembic/env.py). The SQL is in sql/0007_trade_flow_groups.*.sql.

Downgrade: the two views as they were (aggregating the claims), then the triggers, indexes and
table are dropped; nothing is lost, the table is derived.

Revision ID: 0007_trade_flow_groups
Revises: 0005_report_runs_jobs_file
Create Date: 2026-12-02 15:40:00+00:00
"""

from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision: str = "0007_trade_flow_groups"
down_revision: str | None = "0005_report_runs_jobs_file"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "trade_flow_groups"
Amount = sa.Numeric(precision=28, scale=6)
TABLE_COMMENT = (
    "Trade claims summed up per group (reporter, partner, period, flow, measure and unit), kept "
    "in step with trade_flows and citations by the database's own triggers: never write to it. "
    "One row per group with a claim that is not rejected; the plain columns count curated and "
    "accepted claims, the all_ columns extracted claims too. trade_flow_consensus and "
    "disagreements read it."
)

# The columns' comments, from the field dictionary as it stood at this revision.
COMMENTS = {
    "id": "Surrogate key: an integer the database assigns; foreign keys point at it.",
    "reporter_country_id": "The reporter of the group's claims.",
    "partner_country_id": "The partner of the group's claims.",
    "period_start": "First day of the group's period; NULL for claims without one.",
    "period_end": "Last day of the group's period; NULL for claims without one.",
    "flow": "The flow of the group's claims (as trade_flows.flow).",
    "measure": "The measure of the group's claims (as trade_flows.measure).",
    "unit": "The unit of the group's values (as trade_flows.unit).",
    "period_label": "The lowest period_label of the group's curated and accepted claims (they share the period).",
    "claim_count": "Number of the group's curated and accepted claims (trade_flows rows).",
    "source_count": "Number of distinct sources citing the group's curated and accepted claims.",
    "lowest": "The lowest value among the group's curated and accepted claims, in unit.",
    "highest": "The highest value among the group's curated and accepted claims, in unit.",
    "qualifier_count": "Number of distinct value_qualifier among the group's curated and accepted claims: above 1, they qualify it differently.",
    "value_list": "Every distinct value of the group's curated and accepted claims, ascending, joined by '; ' (30050000000; 43800000000); NULL when there is none.",
    "all_period_label": "The lowest period_label of the group's claims that are not rejected (extracted ones too) (they share the period).",
    "all_claim_count": "Number of the group's claims that are not rejected (extracted ones too) (trade_flows rows).",
    "all_source_count": "Number of distinct sources citing the group's claims that are not rejected (extracted ones too).",
    "all_lowest": "The lowest value among the group's claims that are not rejected (extracted ones too), in unit.",
    "all_highest": "The highest value among the group's claims that are not rejected (extracted ones too), in unit.",
    "all_qualifier_count": "Number of distinct value_qualifier among the group's claims that are not rejected (extracted ones too): above 1, they qualify it differently.",
    "all_value_list": "Every distinct value of the group's claims that are not rejected (extracted ones too), ascending, joined by '; ' (30050000000; 43800000000); NULL when there is none.",
}

# The SQL this revision ran, per engine, frozen beside it when it was written (sql/README.md):
# never rendered from silkledger.models, whose definitions are today's, not this revision's.
SQL = Path(__file__).resolve().parent / "sql"


def _run_sql(step: str) -> None:
    """The frozen statements of ``step`` (upgrade or downgrade) on this database's engine."""
    path = SQL / f"{revision}.{step}.{op.get_bind().dialect.name}.sql"
    for statement in path.read_text(encoding="utf-8").split("\n;\n")[:-1]:
        op.execute(statement)


def _column(name: str, type_, nullable: bool = True, **kwargs) -> sa.Column:
    return sa.Column(name, type_, nullable=nullable, comment=COMMENTS[name], **kwargs)


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


def upgrade() -> None:
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
    # the group indexes and triggers, the fill, trade_flow_consensus and disagreements re-made
    _run_sql("upgrade")


def downgrade() -> None:
    _run_sql("downgrade")  # the two views as 0003 made them; the triggers and indexes dropped
    op.drop_index(op.f("ix_trade_flow_groups_partner_country_id"), table_name=TABLE)
    op.drop_table(TABLE)
