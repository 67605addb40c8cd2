"""Migrations: up, down and up again, empty and full; models and migrations never drift apart."""

from alembic import command
from builders import populate_every_table
from silkledger import migrate
from silkledger.db import session_scope
from silkledger.models import metadata
from silkledger.models.fulltext import is_search_object
from sqlalchemy import inspect

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

    migrate.downgrade(migrated_url, "base")
    assert table_names(databases, migrated_url) == set()
    migrate.upgrade(migrated_url)
    engine = databases.engine(migrated_url)
    assert set(migrate.table_row_counts(engine).values()) == {0}
    assert migrate.current_revision(engine) == migrate.head_revision()


def test_models_and_migrations_agree(migrated_url):
    """`alembic check`: autogenerate finds nothing to add, drop or alter."""
    command.check(migrate.alembic_config(migrated_url))


def test_one_linear_chain_of_revisions():
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(migrate.alembic_config(None))
    assert len(scripts.get_heads()) == 1
    assert len(scripts.get_bases()) == 1


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
