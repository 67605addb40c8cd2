"""query plans that hold at scale: partial indexes on mostly-NULL keys, pinned join orders

The analysts' SQL (docs/queries, the views) at benchmark scale (bench/bench_queries.py):

- citations: the index of each fact column becomes a partial index (``WHERE column IS NOT
  NULL``) on that column and source_id. SQLite's statistics count NULL as one value, so a full
  index on citations.event_id (NULL in every row of a database without event citations) looked
  as if it matched every row, and event_timeline scanned all citations once per event. The
  partial index's statistics describe only the citations of that kind, and with source_id a
  fact's sources are counted from the index alone (source_count, the disagreement checks).
- agreements.event_id, project_id, part_of_agreement_id: partial indexes for the same reason
  (project_overview counted each project's agreements by scanning them all).
- mentions: the four columns of what a mention names (exactly one is set) likewise, with
  source_id: an article's mentions write one index entry each instead of four (ingest), and
  the articles that mention a country are read from its index alone.
- trade_flow_groups.source_count and all_source_count: partial indexes on the groups stated
  by more than one source (a tenth of them), which docs/queries/10 asks for.
- disagreements(_all): the indicator and worded parts are CROSS JOINed in the order written,
  from the facts found to disagree (sql/0009_query_plans.*.sql).

Downgrade: the full single-column indexes and the views as they were.

Revision ID: 0009_query_plans
Revises: 0008_summaries
Create Date: 2026-12-02 18:15:00+00:00
"""

from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision: str = "0009_query_plans"
down_revision: str | None = "0008_summaries"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CITED_FACT_COLUMNS = ("event_id", "agreement_id", "trade_flow_id", "project_id", "indicator_id")
MENTIONED_COLUMNS = ("country_id", "organization_id", "person_id", "project_id")
MULTI_SOURCE_COLUMNS = ("source_count", "all_source_count")

# The SQL this revision ran, per engine, frozen beside it when it was written (sql/README.md):
# never rendered from silkledger.models, whose definitions are today's, not this revision's.
SQL = Path(__file__).resolve().parent / "sql"


def _run_sql(step: str) -> None:
    """The frozen statements of ``step`` (upgrade or downgrade) on this database's engine."""
    path = SQL / f"{revision}.{step}.{op.get_bind().dialect.name}.sql"
    for statement in path.read_text(encoding="utf-8").split("\n;\n")[:-1]:
        op.execute(statement)


# table -> (columns indexed where set, the columns each index then covers)
PARTIAL = {
    "citations": (CITED_FACT_COLUMNS, ("source_id",)),
    "agreements": (("event_id", "project_id", "part_of_agreement_id"), ()),
    "mentions": (MENTIONED_COLUMNS, ("source_id",)),
}


def upgrade() -> None:
    for table, (columns, covering) in PARTIAL.items():
        for column in columns:
            name = f"ix_{table}_{column}"
            op.drop_index(name, table_name=table)
            where = sa.text(f"{column} IS NOT NULL")
            op.create_index(
                name, table, [column, *covering], sqlite_where=where, postgresql_where=where
            )
    for column in MULTI_SOURCE_COLUMNS:
        where = sa.text(f"{column} > 1")
        op.create_index(
            f"ix_trade_flow_groups_{column}",
            "trade_flow_groups",
            [column],
            sqlite_where=where,
            postgresql_where=where,
        )
    _run_sql("upgrade")  # disagreements re-made


def downgrade() -> None:
    _run_sql("downgrade")  # disagreements as before
    for column in MULTI_SOURCE_COLUMNS:
        op.drop_index(f"ix_trade_flow_groups_{column}", table_name="trade_flow_groups")
    for table, (columns, _) in PARTIAL.items():
        for column in columns:
            name = f"ix_{table}_{column}"
            op.drop_index(name, table_name=table)
            op.create_index(name, table, [column])
