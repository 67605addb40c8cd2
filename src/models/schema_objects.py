"""The schema objects the models make with hand-written SQL, as defined today: the views, the
triggers and functions that keep the summaries and the search index, and the per-engine indexes.
Autogenerate sees none of them, so:

- ``render`` writes today's SQL of one part for a new migration to carry (``silkledger db
  render-sql``), in the format of alembic/versions/sql/ (each statement, then a line ``;``);
- ``definition_statements`` is everything a database at head must hold of them, which
  tests/test_schema_objects.py compares with a database migrated to head, on both engines.

The migrations never import this: each runs the SQL frozen beside it when it was written.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import SilkledgerError
from . import fulltext, summaries, trade_groups, views

ENGINES = ("sqlite", "postgresql")
PARTS = ("views", "group-triggers", "summary-triggers", "search-index")
# How alembic/versions/sql/ ends each statement (a line of its own, so the body may hold ';').
STATEMENT_END = "\n;\n"


def _views_named(names: Sequence[str]) -> tuple[views.View, ...]:
    """The views called ``names`` (an ``_all`` twin names its view), in catalogue order."""
    wanted = {name.removesuffix(views.ALL_SUFFIX) for name in names}
    unknown = wanted - {view.name for view in views.VIEWS}
    if unknown:
        known = ", ".join(view.name for view in views.VIEWS)
        raise SilkledgerError(f"no view {', '.join(sorted(unknown))}; the views are: {known}")
    return tuple(view for view in views.VIEWS if not wanted or view.name in wanted)


def render(
    engine: str, part: str, view_names: Sequence[str] = (), drop_only: bool = False
) -> list[str]:
    """What a migration that (re-)makes ``part`` on ``engine`` runs, as defined today: the
    objects dropped (IF EXISTS), then created. ``views``: those named (all when none), with
    COMMENT ON on PostgreSQL, since a view dropped loses its comments. ``drop_only``: the drops
    alone (the downgrade of a migration that adds the objects)."""
    if part == "views":
        chosen = _views_named(view_names)
        drops = views.drop_view_statements(chosen)
        creates = views.create_view_statements(engine, chosen)
        if engine == "postgresql":
            creates += views.comment_statements(chosen)
    elif part == "group-triggers":
        drops = trade_groups.drop_trigger_statements(engine)
        creates = trade_groups.trigger_statements(engine)
    elif part == "summary-triggers":
        drops = summaries.drop_statements(engine)
        creates = summaries.create_statements(engine)
    elif part == "search-index":  # made again and filled: every row re-indexed
        drops = fulltext.drop_statements(engine)
        creates = fulltext.create_statements(engine)
    else:
        raise SilkledgerError(f"no part {part!r}; the parts are: {', '.join(PARTS)}")
    return drops if drop_only else drops + creates


def as_sql_file(statements: Sequence[str]) -> str:
    """``statements`` as a file of alembic/versions/sql/ holds them."""
    return "".join(statement + STATEMENT_END for statement in statements)


def read_sql_file(text: str) -> list[str]:
    """The statements of a file of alembic/versions/sql/ (as the migrations split it)."""
    return text.split(STATEMENT_END)[:-1]


def definition_statements(engine: str) -> list[str]:
    """Every view, trigger, function and per-engine index a database at head holds, with the
    views' comments on PostgreSQL, as today's definitions make them. (The search index's
    'rebuild' on SQLite is a fill, not an object.)"""
    statements = fulltext.create_statements(engine)
    statements += summaries.create_statements(engine)
    statements += trade_groups.create_statements(engine)
    statements += views.create_view_statements(engine)
    if engine == "postgresql":
        statements += views.comment_statements()
    return [s for s in statements if not s.startswith("INSERT ")]
