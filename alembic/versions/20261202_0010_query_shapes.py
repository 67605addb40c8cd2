"""query shapes for the analysts' slowest questions (docs/queries/02 and 15)

- trade_flow_groups.claim_source_count and all_claim_source_count, kept by the group triggers
  (re-made here): the group's (claim, source) pairs. Equal to source_count, no source cites two
  claims of the group; then every claim of a disputed group is contradicted, and disagreements
  skips its per-claim test there (models/views.py, ``single_sourced``).
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

Downgrade: the views, triggers and indexes as they were, the two columns dropped.

Revision ID: 0010_query_shapes
Revises: 0009_query_plans
Create Date: 2026-12-03 00:30:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from silkledger.models import trade_groups, views
from silkledger.models.fields import describe
from silkledger.models.trade import ATTRIBUTION_COLUMNS

revision: str = "0010_query_shapes"
down_revision: str | None = "0009_query_plans"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PAIR_COLUMNS = ("claim_source_count", "all_claim_source_count")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for column in PAIR_COLUMNS:
        # a NOT NULL column added to a table with rows needs a default on SQLite; the model
        # declares none, so PostgreSQL's is dropped again
        op.add_column(
            trade_groups.TABLE,
            sa.Column(
                column,
                sa.Integer(),
                nullable=False,
                server_default="0",
                comment=describe(column, trade_groups.TABLE),
            ),
        )
        if dialect == "postgresql":
            op.alter_column(trade_groups.TABLE, column, server_default=None)
    _execute(trade_groups.drop_trigger_statements(dialect))
    _execute(trade_groups.trigger_statements(dialect, increments=False))
    _execute(trade_groups.fill_pairs_statements(views.Dialect(dialect)))
    for column in ATTRIBUTION_COLUMNS:
        where = sa.text(f"{column} IS NOT NULL")
        op.create_index(
            f"ix_trade_flows_{column}",
            "trade_flows",
            [column],
            sqlite_where=where,
            postgresql_where=where,
        )
    _recreate_changed_views(revision)
    if dialect == "postgresql":
        op.execute(_as_owner("ALTER DATABASE %I SET jit = off"))


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute(_as_owner("ALTER DATABASE %I RESET jit"))
    _recreate_changed_views(down_revision)
    for column in ATTRIBUTION_COLUMNS:
        op.drop_index(f"ix_trade_flows_{column}", table_name="trade_flows")
    _execute(trade_groups.drop_trigger_statements(dialect))
    _execute(trade_groups.trigger_statements(dialect, pairs=False, increments=False))
    for column in PAIR_COLUMNS:
        op.drop_column(trade_groups.TABLE, column)


def _recreate_changed_views(as_at: str) -> None:
    """disagreements, trade_flow_claims and disagreement_summary as they stand at ``as_at``."""
    dialect = op.get_bind().dialect.name
    _execute(views.recreate_changed_statements(dialect, revision, as_at))


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


def _execute(statements: list[str]) -> None:
    for statement in statements:
        op.execute(statement)
