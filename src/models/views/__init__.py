"""The analysts' views as they are today: their SQL for each engine and their documentation.

One module per family, each readable alone: deals (deals, deal_countries), trade
(trade_flow_claims, trade_flow_consensus), disagreements (disagreements, disagreement_summary),
projects_events (project_overview, event_timeline), sources (source_facts, mention_counts); base
holds what they share. The data dictionary (``silkledger db dictionary``), PostgreSQL's COMMENT ON
VIEW / COLUMN and Datasette's metadata are all rendered from here.

SQL is portable where it can be; what differs between the engines (string aggregation, date
parts) is rendered per engine by :class:`~silkledger.models.dialect.Dialect`.

These are today's definitions only. The migrations do not import them: each carries the SQL it
ran (alembic/versions/sql/). Changing a view: edit its definition here, render the new SQL
(``silkledger db render-sql``), write a migration that runs it, and tests/test_schema_objects.py
confirms that a database at head holds what is defined here (the README's development section).
"""

from __future__ import annotations

from .base import ALL_SUFFIX, Dialect, View, ViewColumn
from .deals import DEAL_COUNTRIES, DEALS
from .disagreements import DISAGREEMENT_SUMMARY, DISAGREEMENTS
from .projects_events import EVENT_TIMELINE, PROJECT_OVERVIEW
from .sources import MENTION_COUNTS, SOURCE_FACTS
from .trade import TRADE_FLOW_CLAIMS, TRADE_FLOW_CONSENSUS

__all__ = [
    "ALL_SUFFIX",
    "VIEWS",
    "Dialect",
    "View",
    "ViewColumn",
    "comment_statements",
    "create_view_statements",
    "drop_view_statements",
    "view_names",
]

# In the order they are created (and dropped in reverse), and listed in the data dictionary.
VIEWS: tuple[View, ...] = (
    DEALS,
    DEAL_COUNTRIES,
    TRADE_FLOW_CLAIMS,
    TRADE_FLOW_CONSENSUS,
    DISAGREEMENTS,
    DISAGREEMENT_SUMMARY,
    PROJECT_OVERVIEW,
    EVENT_TIMELINE,
    SOURCE_FACTS,
    MENTION_COUNTS,
)


def view_names(views=VIEWS) -> list[str]:
    """Every view, ``_all`` twins included."""
    return [name for view in views for name, _ in view.variants()]


def create_view_statements(dialect_name: str, views=VIEWS) -> list[str]:
    """CREATE VIEW for ``views`` (and their ``_all`` twins) on the engine ``dialect_name``."""
    dialect = Dialect(dialect_name)
    return [
        f"CREATE VIEW {name} AS {view.select(dialect, statuses).strip()}"
        for view in views
        for name, statuses in view.variants()
    ]


def drop_view_statements(views=VIEWS) -> list[str]:
    return [
        f"DROP VIEW IF EXISTS {name}" for view in reversed(views) for name, _ in view.variants()
    ]


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def comment_statements(views=VIEWS) -> list[str]:
    """PostgreSQL's COMMENT ON VIEW / COLUMN for ``views`` and their columns."""
    statements = []
    for view in views:
        for name, _ in view.variants():
            statements.append(f"COMMENT ON VIEW {name} IS {_quoted(view.describe(name))}")
            statements.extend(
                f"COMMENT ON COLUMN {name}.{column.name} IS {_quoted(column.meaning())}"
                for column in view.columns
            )
    return statements
