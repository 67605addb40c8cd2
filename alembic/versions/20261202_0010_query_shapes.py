"""query shapes for the analysts' slowest questions (docs/queries/02 and 15)

- trade_flow_groups.claim_source_count and all_claim_source_count, kept by the group triggers
  (re-made here): the group's (claim, source) pairs. Equal to source_count, no source cites two
  claims of the group; then every claim of a disputed group is contradicted, and disagreements
  skips its per-claim test there (``single_sourced`` in models/views/disagreements.py).
- disagreement_summary(_all): one row per disputed fact or figure group, summed up from
  trade_flow_groups where it can be (the question of docs/queries/02 took 2 to 4 s over
  disagreements at benchmark scale). disagreements' trade subject is its group's.
- trade_flow_claims(_all): attributed_to_person_id and attributed_to_organization_id, and
  partial indexes on those trade_flows columns, so that "figures attributed to someone" is
  found from the claims rather than tested on every claim after the joins.
- PostgreSQL: ``ALTER DATABASE ... SET jit = off`` (when the migrating role owns the database).
  The views' plans are large and their cost estimates high, so PostgreSQL compiled them to
  machine code on every query: 0.2 to 0.5 s each, more than some queries themselves
  (disagreement_summary: 1.11 s with JIT, 0.63 s without). It holds for every new session:
  silkledger's, psql's, pandas'.

Downgrade: the views, triggers and indexes as they were, the two columns dropped. The SQL of
the triggers, the fill and the views is in sql/0010_query_shapes.*.sql.

Revision ID: 0010_query_shapes
Revises: 0009_query_plans
Create Date: 2026-12-03 00:30:00+00:00
"""

from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision: str = "0010_query_shapes"
down_revision: str | None = "0009_query_plans"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "trade_flow_groups"
# The new columns and their comments, from the field dictionary as it stood at this revision.
PAIR_COLUMNS = {
    "claim_source_count": "Number of (claim, source) pairs among the group's curated and accepted claims: each claim once per distinct source citing it. Equal to source_count when no source states two of those claims.",
    "all_claim_source_count": "Number of (claim, source) pairs among the group's claims that are not rejected (extracted ones too): each claim once per distinct source citing it. Equal to all_source_count when no source states two of those claims.",
}
ATTRIBUTION_COLUMNS = ("attributed_to_person_id", "attributed_to_organization_id")

# The SQL this revision ran, per engine, frozen beside it when it was written (sql/README.md):
# never rendered from silkledger.models, whose definitions are today's, not this revision's.
SQL = Path(__file__).resolve().parent / "sql"


def _run_sql(step: str) -> None:
    """The frozen statements of ``step`` (upgrade or downgrade) on this database's engine."""
    path = SQL / f"{revision}.{step}.{op.get_bind().dialect.name}.sql"
    for statement in path.read_text(encoding="utf-8").split("\n;\n")[:-1]:
        op.execute(statement)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for column, comment in PAIR_COLUMNS.items():
        # a NOT NULL column added to a table with rows needs a default on SQLite; the model
        # declares none, so PostgreSQL's is dropped again
        op.add_column(
            TABLE,
            sa.Column(column, sa.Integer(), nullable=False, server_default="0", comment=comment),
        )
        if dialect == "postgresql":
            op.alter_column(TABLE, column, server_default=None)
    for column in ATTRIBUTION_COLUMNS:
        where = sa.text(f"{column} IS NOT NULL")
        op.create_index(
            f"ix_trade_flows_{column}",
            "trade_flows",
            [column],
            sqlite_where=where,
            postgresql_where=where,
        )
    # the group triggers re-made with the pairs, the pairs filled, the changed views re-made
    _run_sql("upgrade")
    if dialect == "postgresql":
        op.execute(_as_owner("ALTER DATABASE %I SET jit = off"))


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute(_as_owner("ALTER DATABASE %I RESET jit"))
    for column in ATTRIBUTION_COLUMNS:
        op.drop_index(f"ix_trade_flows_{column}", table_name="trade_flows")
    _run_sql("downgrade")  # the views and the triggers as 0009 had them
    for column in PAIR_COLUMNS:
        op.drop_column(TABLE, column)


def _as_owner(statement: str) -> str:
    """``statement`` on this database (its name in place of %I), run only when the migrating
    role owns it (or is a superuser): a setting is the owner's to make."""
    return f"""DO $$ BEGIN
    IF pg_has_role(current_user,
                   (SELECT datdba FROM pg_database WHERE datname = current_database()),
                   'MEMBER') THEN
        EXECUTE format('{statement}', current_database());
    END IF;
END $$"""
