"""Migrations: up, down and up again, empty and full; models and migrations never drift apart."""

import pytest
from alembic import command
from builders import populate_every_table
from silkledger import db, migrate
from silkledger.db import make_engine, session_scope
from silkledger.errors import SilkledgerError
from silkledger.loaders.seed import load_seed
from silkledger.models import metadata
from silkledger.models.fulltext import is_search_object
from sqlalchemy import inspect, text

EVERY_TABLE = set(metadata.tables)


def table_names(databases, url) -> set[str]:
    engine = databases.engine(url)
    try:
        names = set(inspect(engine).get_table_names()) - {"alembic_version"}
        return {name for name in names if not is_search_object(name, "table")}
    finally:
        engine.dispose()


def test_upgrade_downgrade_upgrade_on_an_empty_database(databases, empty_url):
    migrate.upgrade(empty_url)
    assert table_names(databases, empty_url) == EVERY_TABLE
    migrate.downgrade(empty_url, "base")
    assert table_names(databases, empty_url) == set()
    migrate.upgrade(empty_url)
    assert table_names(databases, empty_url) == EVERY_TABLE


def test_downgrade_and_upgrade_with_a_row_in_every_table(databases, migrated_url):
    engine = databases.engine(migrated_url)
    with session_scope(engine) as session:
        populate_every_table(session)
    counts = migrate.table_row_counts(engine)
    assert all(counts[name] > 0 for name in EVERY_TABLE), counts
    engine.dispose()

    engine = down_to_base_and_up_again(databases, migrated_url)
    assert migrate.current_revision(engine) == migrate.head_revision()


def down_to_base_and_up_again(databases, url):
    """Downgrade to base (no table left), upgrade to head (every table empty); the engine."""
    migrate.downgrade(url, "base")
    assert table_names(databases, url) == set()
    migrate.upgrade(url)
    engine = databases.engine(url)
    assert set(migrate.table_row_counts(engine).values()) == {0}
    return engine


def test_models_and_migrations_agree(migrated_url):
    """`alembic check`: autogenerate finds nothing to add, drop or alter."""
    command.check(migrate.alembic_config(migrated_url))


def test_one_linear_chain_of_revisions():
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(migrate.alembic_config(None))
    assert len(scripts.get_heads()) == 1
    assert len(scripts.get_bases()) == 1


def test_a_seeded_database_downgrades_to_base_and_upgrades_again(databases, seeded_url):
    """Seeded sectors point at their parents (RESTRICT): SQLite's DROP TABLE deletes the rows
    first, which used to fail with 'FOREIGN KEY constraint failed'."""
    engine = databases.engine(seeded_url)
    assert migrate.table_row_counts(engine)["sectors"] > 0
    with engine.connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM sectors WHERE parent_id IS NOT NULL"))
    engine.dispose()

    engine = down_to_base_and_up_again(databases, seeded_url)
    load_seed(engine)
    assert migrate.table_row_counts(engine)["sectors"] > 0


def test_rows_dropped_by_a_downgrade_are_counted_and_nothing_changes(databases, seeded_url):
    engine = databases.engine(seeded_url)
    before = migrate.table_row_counts(engine)
    engine.dispose()

    at_risk = migrate.rows_dropped_by_downgrade(seeded_url, "base")

    assert at_risk == {name: count for name, count in before.items() if count}
    assert at_risk["trade_flows"] == before["trade_flows"] > 0
    engine = databases.engine(seeded_url)
    assert migrate.table_row_counts(engine) == before  # the trial ran in a rolled-back transaction
    assert migrate.current_revision(engine) == migrate.head_revision()


def test_a_refused_downgrade_changes_nothing(databases, seeded_url):
    asked = []

    def refuse(at_risk):
        asked.append(at_risk)
        return False

    with pytest.raises(SilkledgerError, match="downgrade to 'base' cancelled; nothing was changed"):
        migrate.downgrade(seeded_url, "base", confirm=refuse)
    assert "sources" in asked[0]
    assert table_names(databases, seeded_url) == EVERY_TABLE


def test_a_migration_that_leaves_a_dangling_key_on_sqlite_is_refused(tmp_path):
    """SQLite checks no foreign key while a migration runs (db.schema_change); the check at the
    end refuses a dangling one, so the migration's transaction rolls back."""
    engine = make_engine(f"sqlite:///{tmp_path / 'probe.db'}")
    with engine.connect() as connection, db.schema_change(connection), connection.begin():
        connection.execute(text("CREATE TABLE parent (id INTEGER PRIMARY KEY)"))
        connection.execute(text("CREATE TABLE child (parent_id INTEGER REFERENCES parent(id))"))
        connection.execute(text("INSERT INTO child VALUES (42)"))  # no error: keys are off
        with pytest.raises(SilkledgerError, match=r"1 row\(s\) pointing at missing rows"):
            db.check_foreign_keys(connection)
    with engine.connect() as connection:  # and the connection goes back with keys on
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()


def test_migrating_down_to_the_first_revision_and_up_keeps_every_row(databases, migrated_url):
    """Every later revision goes down and up on a full database without losing a row of the
    tables the first revision made: on SQLite, batch mode rebuilds tables with foreign keys off
    (alembic/env.py), so a rebuilt table never cascades into its citations."""
    engine = databases.engine(migrated_url)
    with session_scope(engine) as session:
        populate_every_table(session)
    before = migrate.table_row_counts(engine)
    engine.dispose()

    migrate.downgrade(migrated_url, "0001")
    kept = table_names(databases, migrated_url)
    migrate.upgrade(migrated_url)
    engine = databases.engine(migrated_url)
    after = migrate.table_row_counts(engine)
    assert {name: after[name] for name in kept} == {name: before[name] for name in kept}
    assert after["citations"] == before["citations"] > 0


def test_postgresql_runs_the_views_without_jit(databases, empty_url):
    """0010_query_shapes turns JIT off for the database (it compiled the views' plans for longer
    than some of them run), and its downgrade turns it back to the server's default. A setting
    of the database: not copied by CREATE DATABASE ... TEMPLATE, hence a database migrated here."""
    if empty_url.get_backend_name() != "postgresql":
        pytest.skip("JIT is PostgreSQL's")

    def jit() -> str:
        engine = make_engine(empty_url)  # a new session: ALTER DATABASE SET applies to those
        try:
            with engine.connect() as connection:
                return connection.exec_driver_sql("SHOW jit").scalar()
        finally:
            engine.dispose()

    default = jit()
    migrate.upgrade(empty_url)
    assert jit() == "off"
    migrate.downgrade(empty_url, "0009_query_plans")
    assert jit() == default
