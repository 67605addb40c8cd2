"""analysts' views and full-text search

The analysts' views (deals, deal_countries, trade_flow_claims, trade_flow_consensus,
disagreements, project_overview, event_timeline, source_facts and their ``_all`` twins,
mention_counts), with COMMENT ON VIEW / COLUMN on PostgreSQL; full-text search (SQLite FTS5
tables with triggers, PostgreSQL generated tsvector columns with GIN indexes). Autogenerate sees
none of this; the revision is written by hand and its downgrade drops everything it creates. Its
SQL is in sql/0003_views.{upgrade,downgrade}.{sqlite,postgresql}.sql.

Revision ID: 0003_views
Revises: 0004_field_comments
Create Date: 2026-12-02 12:30:00+00:00
"""

from collections.abc import Sequence
from pathlib import Path

from alembic import op

revision: str = "0003_views"
down_revision: str | None = "0004_field_comments"
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
    _run_sql("upgrade")


def downgrade() -> None:
    _run_sql("downgrade")
