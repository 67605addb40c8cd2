"""trade_flow_groups: a claim or citation inserted adds itself to its group (SQLite)

SQLite's row triggers recomputed a claim's whole group (every claim, their citations, both
variants) on each claim and each citation inserted: O(group size) per row, and groups grow, so
a long ingest wrote each article more slowly than the last (store() CPU per article up a
quarter over 10,000 articles). The insert triggers are re-made to update the group's row in
place instead (today's: ``_increment_triggers`` in models/trade_groups.py): counts plus one, lowest and
highest compared, a qualifier or a source counted when the group does not have it yet, the
value list extended at an end or, for a new value inside the range, listed again. Updates and
deletes still recompute the group. The summary is unchanged, so nothing is refilled.

The index of a group's claims (ix_trade_flows_group) goes on past the group key with value,
review_status and value_qualifier: the trigger finds a value by a seek and lists a group's
values, or looks for a qualifier, from the index alone.

PostgreSQL: nothing changes (its statement triggers recompute each touched group once per
statement, and an ingest's per-article cost there does not grow).

Downgrade: the recomputing insert triggers again, and the index on the group key alone.
The SQL is in sql/0011_group_increments.*.sqlite.sql.

Revision ID: 0011_group_increments
Revises: 0010_query_shapes
Create Date: 2026-12-02 19:30:00+00:00
"""

from collections.abc import Sequence
from pathlib import Path

from alembic import op

revision: str = "0011_group_increments"
down_revision: str | None = "0010_query_shapes"
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
    if op.get_bind().dialect.name == "sqlite":  # PostgreSQL: nothing changes
        _run_sql("upgrade")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _run_sql("downgrade")
