"""trade_flow_groups: a claim or citation inserted adds itself to its group (SQLite)

SQLite's row triggers recomputed a claim's whole group (every claim, their citations, both
variants) on each claim and each citation inserted: O(group size) per row, and groups grow, so
a long ingest wrote each article more slowly than the last (store() CPU per article up a
quarter over 10,000 articles). The insert triggers are re-made to update the group's row in
place instead (models/trade_groups.py, ``_increment_triggers``): counts plus one, lowest and
highest compared, a qualifier or a source counted when the group does not have it yet, the
value list extended at an end or, for a new value inside the range, listed again. Updates and
deletes still recompute the group. The summary is unchanged, so nothing is refilled.

The index of a group's claims (ix_trade_flows_group) goes on past the group key with value,
review_status and value_qualifier: the trigger finds a value by a seek and lists a group's
values, or looks for a qualifier, from the index alone.

PostgreSQL: nothing changes (its statement triggers recompute each touched group once per
statement, and an ingest's per-article cost there does not grow).

Downgrade: the recomputing insert triggers again, and the index on the group key alone.

Revision ID: 0011_group_increments
Revises: 0010_query_shapes
Create Date: 2026-12-02 19:30:00+00:00
"""

from collections.abc import Sequence

from alembic import op
from silkledger.models import trade_groups, views

revision: str = "0011_group_increments"
down_revision: str | None = "0010_query_shapes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    _remake_triggers(increments=True)


def downgrade() -> None:
    _remake_triggers(increments=False)


def _remake_triggers(increments: bool) -> None:
    """SQLite's group triggers, and the index of a group's claims, as ``increments`` has them."""
    if op.get_bind().dialect.name != "sqlite":
        return
    statements = trade_groups.drop_trigger_statements("sqlite")
    statements += [
        f"DROP INDEX {trade_groups.INDEXES['trade_flows']}",
        trade_groups.claim_index_statement(views.Dialect("sqlite"), increments),
    ]
    statements += trade_groups.trigger_statements("sqlite", pairs=True, increments=increments)
    for statement in statements:
        op.execute(statement)
