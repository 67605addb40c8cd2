"""The migrations and today's definitions agree: a database at head holds exactly the views,
triggers, functions and per-engine indexes that silkledger.models renders (the ``alembic check``
of what autogenerate cannot see), on both engines, upgraded from base and after a downgrade to
base and up again. The migrations carry their own SQL (alembic/versions/sql/), so this test is
what catches a definition changed without a migration, or a migration that froze other SQL.

SQLite keeps each object's SQL as it was written, so there the text is compared as it is.
PostgreSQL keeps its own rendering, so there, in a transaction rolled back, every such object is
dropped and made again from today's definitions, and the catalogue is compared before and after.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from silkledger import migrate
from silkledger.cli import app
from silkledger.models.fulltext import SEARCH_COLUMN, is_search_object
from silkledger.models.schema_objects import (
    ENGINES,
    PARTS,
    as_sql_file,
    definition_statements,
    read_sql_file,
    render,
)
from silkledger.models.trade_groups import is_summary_object
from silkledger.models.views import view_names
from sqlalchemy import text
from typer.testing import CliRunner

VERSIONS = Path(__file__).resolve().parent.parent / "alembic" / "versions"
CREATED = re.compile(r"CREATE (VIEW|TRIGGER|INDEX|VIRTUAL TABLE) (\w+)")
KINDS = {"VIEW": "view", "TRIGGER": "trigger", "INDEX": "index", "VIRTUAL TABLE": "table"}


def _own_index(name: str) -> bool:
    return is_summary_object(name, "index") or is_search_object(name, "index")


# -------------------------------------------------------------------------------- SQLite


def _sqlite_rendered() -> dict[tuple[str, str], str]:
    rendered = {}
    for statement in definition_statements("sqlite"):
        created = CREATED.match(statement)
        if created:
            rendered[(KINDS[created[1]], created[2])] = statement
    return rendered


def _sqlite_held(connection) -> dict[tuple[str, str], str]:
    rows = connection.exec_driver_sql(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL"
    ).all()
    return {
        (kind, name): sql
        for kind, name, sql in rows
        if kind in ("view", "trigger")
        or (kind == "index" and _own_index(name))
        or (kind == "table" and sql.startswith("CREATE VIRTUAL TABLE"))
    }


# ---------------------------------------------------------------------------- PostgreSQL

PG_CATALOGUE = {
    "view": """SELECT c.relname, pg_get_viewdef(c.oid) FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'v'""",
    "view comment": """SELECT c.relname, obj_description(c.oid, 'pg_class') FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'v'""",
    "view column": """SELECT c.relname || '.' || a.attname,
            format_type(a.atttypid, a.atttypmod) || ': ' || coalesce(col_description(c.oid, a.attnum), '')
        FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'v'""",
    "trigger": """SELECT t.tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t
        JOIN pg_class c ON c.oid = t.tgrelid
        WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal""",
    "function": """SELECT p.proname, pg_get_functiondef(p.oid) FROM pg_proc p
        WHERE p.pronamespace = 'public'::regnamespace""",
    "index": "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
    "search column": f"""SELECT c.relname, pg_get_expr(d.adbin, d.adrelid) || ': '
            || coalesce(col_description(c.oid, a.attnum), '')
        FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = '{SEARCH_COLUMN}'
        JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
        WHERE c.relnamespace = 'public'::regnamespace""",
}


def _pg_held(connection) -> dict[tuple[str, str], str]:
    held = {}
    for kind, query in PG_CATALOGUE.items():
        for name, definition in connection.execute(text(query)).all():
            if kind != "index" or _own_index(name):
                held[(kind, name)] = definition
    return held


def _pg_made_again(connection) -> dict[tuple[str, str], str]:
    """The catalogue once every such object is dropped and made from today's definitions."""
    held = _pg_held(connection)
    drops = [f"DROP VIEW IF EXISTS {name} CASCADE" for kind, name in held if kind == "view"]
    drops += [f"DROP FUNCTION {name}() CASCADE" for kind, name in held if kind == "function"]
    drops += [f"DROP INDEX {name}" for kind, name in held if kind == "index"]
    drops += [
        f"ALTER TABLE {table} DROP COLUMN {SEARCH_COLUMN}"
        for kind, table in held
        if kind == "search column"
    ]
    for statement in [*drops, *definition_statements("postgresql")]:
        connection.execute(text(statement))  # as the migrations run it (op.execute)
    return _pg_held(connection)


# ------------------------------------------------------------------------------ the check


def differences(engine) -> list[str]:
    """What the database ``engine`` holds otherwise than today's definitions render."""
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            held, rendered = _sqlite_held(connection), _sqlite_rendered()
        else:
            held, rendered = _pg_held(connection), _pg_made_again(connection)
            connection.rollback()
    found = []
    for key in sorted(held.keys() | rendered.keys()):
        if key not in rendered:
            found.append(f"{key[0]} {key[1]}: in the database, not in the definitions")
        elif key not in held:
            found.append(f"{key[0]} {key[1]}: in the definitions, not in the database")
        elif held[key] != rendered[key]:
            found.append(f"{key[0]} {key[1]}: differs")
    return found


def test_a_database_at_head_holds_what_the_definitions_render(migrated_engine):
    with migrated_engine.connect() as connection:  # the comparison covers every kind of object
        if migrated_engine.dialect.name == "sqlite":
            held = _sqlite_held(connection)
            assert len(held) == len(_sqlite_rendered())
            kinds = {"view", "trigger", "index", "table"}
        else:
            held = _pg_held(connection)
            kinds = set(PG_CATALOGUE)
    assert {kind for kind, _ in held} == kinds
    assert sum(kind == "view" for kind, _ in held) == len(view_names())
    assert differences(migrated_engine) == []


def test_down_to_base_and_up_again_gives_the_same_objects(databases, empty_url):
    migrate.upgrade(empty_url)
    migrate.downgrade(empty_url, "base")
    engine = databases.engine(empty_url)
    with engine.connect() as connection:  # base: none of them is left
        if engine.dialect.name == "sqlite":
            assert _sqlite_held(connection) == {}
        else:
            assert _pg_held(connection) == {}
    engine.dispose()
    migrate.upgrade(empty_url)
    assert differences(databases.engine(empty_url)) == []


def test_the_check_sees_a_view_changed_a_trigger_missing_and_one_extra(migrated_engine):
    dialect = migrated_engine.dialect.name
    with migrated_engine.begin() as connection:
        connection.exec_driver_sql("DROP VIEW mention_counts")
        connection.exec_driver_sql(
            "CREATE VIEW mention_counts AS SELECT 1 AS entity_kind"  # changed without a migration
        )
        connection.exec_driver_sql("CREATE VIEW stray AS SELECT 2 AS n")
        if dialect == "sqlite":
            connection.exec_driver_sql("DROP TRIGGER trade_flow_groups_after_citation_insert")
        else:
            connection.exec_driver_sql(
                "DROP TRIGGER trade_flow_groups_after_citation_insert ON citations"
            )
    found = differences(migrated_engine)
    assert "view mention_counts: differs" in found
    assert "view stray: in the database, not in the definitions" in found
    assert (
        "trigger trade_flow_groups_after_citation_insert: in the definitions, not in the database"
        in found
    )
    if dialect == "sqlite":
        assert len(found) == 3, found
    else:  # PostgreSQL also compares the views' columns and comments, and the functions
        named = ("mention_counts", "stray", "trade_flow_groups_after_citation_insert")
        assert all(any(name in line for name in named) for line in found), found


def test_no_migration_imports_the_models():
    for path in VERSIONS.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import) silkledger", source, re.MULTILINE), path.name


def _revisions() -> dict[str, str]:
    """revision id -> the source of its migration."""
    found = {}
    for path in VERSIONS.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        found[re.search(r'^revision(?:: str)? = "([^"]+)"', source, re.MULTILINE)[1]] = source
    return found


def test_every_frozen_file_is_statements_its_migration_runs():
    revisions = _revisions()
    files = sorted((VERSIONS / "sql").glob("*.sql"))
    steps = {tuple(path.name.split(".")[:3]) for path in files}
    assert {revision for revision, _, _ in steps} == {
        revision for revision, source in revisions.items() if "_run_sql(" in source
    }
    for revision, step, engine in steps:  # an engine's upgrade has its downgrade
        other = "downgrade" if step == "upgrade" else "upgrade"
        assert (revision, other, engine) in steps and engine in ENGINES, (revision, step, engine)
    for path in files:
        content = path.read_text(encoding="utf-8")
        statements = read_sql_file(content)
        assert statements and as_sql_file(statements) == content, path.name
        assert all(s.strip() == s and s for s in statements), path.name


def test_render_sql_prints_todays_sql_in_the_migrations_format():
    runner = CliRunner()
    result = runner.invoke(
        app, ["db", "render-sql", "views", "--engine", "postgresql", "--view", "deals_all"]
    )
    assert result.exit_code == 0, result.output
    statements = read_sql_file(result.output)
    assert statements == render("postgresql", "views", ["deals"])
    assert statements[:2] == ["DROP VIEW IF EXISTS deals", "DROP VIEW IF EXISTS deals_all"]
    assert statements[2].startswith("CREATE VIEW deals AS SELECT a.id AS agreement_id")
    assert statements[4].startswith("COMMENT ON VIEW deals IS 'Each agreement in one row")
    drops = runner.invoke(
        app, ["db", "render-sql", "group-triggers", "--engine", "sqlite", "--drop-only"]
    )
    assert read_sql_file(drops.output) == [
        f"DROP TRIGGER IF EXISTS trade_flow_groups_after_{name}"
        for name in (
            "trade_flow_insert", "trade_flow_delete", "trade_flow_update", "trade_flow_move",
            "citation_insert", "citation_delete", "citation_update",
        )
    ]  # fmt: skip


def test_render_sql_names_a_view_it_does_not_know_in_one_line():
    result = CliRunner().invoke(
        app, ["db", "render-sql", "views", "--engine", "sqlite", "--view", "dealz"]
    )
    assert result.exit_code != 0
    assert "no view dealz; the views are: deals, deal_countries" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_render_covers_every_view_trigger_and_function_at_head(engine):
    """What render-sql can write for a migration is what the head check expects."""
    parts = [s for part in PARTS for s in render(engine, part)]
    made = {s for s in parts if s.startswith(("CREATE ", "COMMENT ", "ALTER TABLE sources ADD"))}
    made |= {s for s in parts if s.startswith("ALTER TABLE citations ADD")}
    expected = {  # the group indexes are made with their tables, not by a part
        s for s in definition_statements(engine) if not s.startswith("CREATE INDEX ix_trade_flow")
    }
    assert made == expected
