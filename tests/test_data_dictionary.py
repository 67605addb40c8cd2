"""The data dictionary: every table and column says what it holds, and PostgreSQL knows it too."""

import pytest
from silkledger.models import metadata
from sqlalchemy import text

COLUMNS = [
    (table.name, column.name) for table in metadata.sorted_tables for column in table.columns
]


@pytest.mark.parametrize("table", sorted(metadata.tables))
def test_every_table_has_a_comment(table):
    assert (metadata.tables[table].comment or "").strip()


@pytest.mark.parametrize(("table", "column"), COLUMNS)
def test_every_column_has_a_comment(table, column):
    assert (metadata.tables[table].columns[column].comment or "").strip()


def test_postgresql_stores_the_comments(engine_name, migrated_engine):
    if engine_name != "postgresql":
        pytest.skip("SQLite has no COMMENT ON; the comments live in the models and the docs")
    with migrated_engine.connect() as connection:
        stored = dict(
            connection.execute(
                text(
                    "SELECT c.relname || '.' || a.attname, col_description(c.oid, a.attnum) "
                    "FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid "
                    "JOIN pg_namespace n ON n.oid = c.relnamespace "
                    "WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 "
                    "AND NOT a.attisdropped"
                )
            ).all()
        )
        table_comment = connection.execute(
            text("SELECT obj_description('trade_flows'::regclass, 'pg_class')")
        ).scalar_one()
    expected = {f"{t}.{c}": metadata.tables[t].columns[c].comment for t, c in COLUMNS}
    assert {key: stored.get(key) for key in expected} == expected
    assert table_comment == metadata.tables["trade_flows"].comment
