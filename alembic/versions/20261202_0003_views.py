"""analysts' views and full-text search

The views of silkledger.models.views (deals, deal_countries, trade_flow_claims,
trade_flow_consensus, disagreements, project_overview, event_timeline, source_facts and their
``_all`` twins, mention_counts), with COMMENT ON VIEW / COLUMN on PostgreSQL; full-text search of
silkledger.models.fulltext (SQLite FTS5 tables with triggers, PostgreSQL generated tsvector
columns with GIN indexes). Autogenerate sees none of this; the revision is written by hand and its
downgrade drops everything it creates.

Revision ID: 0003_views
Revises: 0004_field_comments
Create Date: 2026-12-02 12:30:00+00:00
"""

from collections.abc import Sequence

from alembic import op
from silkledger.models import fulltext, views

revision: str = "0003_views"
down_revision: str | None = "0004_field_comments"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _execute(statements: list[str]) -> None:
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    _execute(fulltext.create_statements(dialect))
    # the views as this revision's schema holds them (later revisions re-create some)
    _execute(views.create_view_statements(dialect, revision=revision))
    if dialect == "postgresql":
        _execute(views.comment_statements(views.views_at(revision), revision))


def downgrade() -> None:
    _execute(views.drop_view_statements())
    _execute(fulltext.drop_statements(op.get_bind().dialect.name))
