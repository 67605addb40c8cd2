"""The loader's INSERTs run on the driver cursor (loaders/inserts.py), on SQLite and PostgreSQL:
rows read back through the ORM as written (dates, exact amounts, the columns' Python defaults),
ids in the order of the rows, and a driver error raised as SQLAlchemy's exception."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from silkledger.db import for_writing
from silkledger.loaders.inserts import MAX_ROWS_PER_STATEMENT, Inserts
from silkledger.models import Indicator, Source
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session


def source_row(number: int, **extra) -> dict:
    return {
        "key": f"inserts_test_{number}",
        "title": f"Title {number}",
        "body_text": f"Body {number}",
        "content_sha256": f"{number:064d}",
        "load_method": "text",
        "loaded_by": "article",
        **extra,
    }


def indicator_row(number: int, value: Decimal) -> dict:
    return {
        "key": f"inserts-test.indicator-{number}",
        "name": "trade growth",
        "metric": "trade_growth",
        "value": value,
        "unit": "percent",
        "loaded_by": "article",
    }


def test_rows_read_back_as_written_with_defaults_and_ordered_ids(migrated_engine):
    inserts = Inserts(migrated_engine.dialect)
    values = [Decimal("30051234567.8"), Decimal("0.000001"), Decimal("12.5")]
    with for_writing(migrated_engine).begin() as connection:
        source_id = inserts.one_returning_id(
            connection,
            Source.__table__,
            source_row(1, published_date=date(2025, 3, 31), near_duplicate_similarity=0.8731),
        )
        rows = [indicator_row(n, value) for n, value in enumerate(values)]
        ids = inserts.many_returning_ids(connection, Indicator.__table__, rows)
    with Session(migrated_engine) as session:
        source = session.get(Source, source_id)
        assert (source.key, source.published_date) == ("inserts_test_1", date(2025, 3, 31))
        assert source.language == "en"  # the column's default, not given in the row
        assert source.near_duplicate_similarity == pytest.approx(0.8731)
        assert source.loaded_at is not None  # the server default
        stored = {row.id: row for row in session.scalars(select(Indicator))}
        assert [stored[i].value for i in ids] == values
        assert [stored[i].key for i in ids] == [row["key"] for row in rows]
        assert {(row.value_qualifier, row.is_target) for row in stored.values()} == {
            ("exact", False)
        }


def test_rows_of_several_column_sets_in_one_call(migrated_engine):
    inserts = Inserts(migrated_engine.dialect)
    rows = [source_row(2), source_row(3, author="A. Writer"), source_row(4)]
    with for_writing(migrated_engine).begin() as connection:
        inserts.many(connection, Source.__table__, rows)
    with Session(migrated_engine) as session:
        authors = dict(session.execute(select(Source.key, Source.author)).all())
    assert authors == {
        "inserts_test_2": None,
        "inserts_test_3": "A. Writer",
        "inserts_test_4": None,
    }


def test_a_driver_error_is_raised_as_sqlalchemy_integrity_error(migrated_engine):
    inserts = Inserts(migrated_engine.dialect)
    clash = source_row(7, content_sha256=f"{5:064d}")
    with (
        pytest.raises(IntegrityError, match=r"content_sha256"),
        for_writing(migrated_engine).begin() as connection,
    ):
        inserts.many(connection, Source.__table__, [source_row(5)])
        inserts.one_returning_id(connection, Source.__table__, source_row(6, key="other"))
        inserts.one_returning_id(connection, Source.__table__, clash)
    with Session(migrated_engine) as session:  # the transaction was rolled back whole
        assert session.scalars(select(Source.key)).all() == []


def test_several_tables_in_one_call_each_with_its_ids_in_row_order(migrated_engine):
    inserts = Inserts(migrated_engine.dialect)
    sources = [source_row(n) for n in (11, 12)]
    indicators = [indicator_row(n, Decimal(n)) for n in (1, 2, 3)]
    with for_writing(migrated_engine).begin() as connection:
        ids = inserts.tables_returning_ids(
            connection, {Source.__table__: sources, Indicator.__table__: indicators}
        )
    with Session(migrated_engine) as session:
        assert [session.get(Source, i).key for i in ids[Source.__table__]] == [
            "inserts_test_11",
            "inserts_test_12",
        ]
        assert [session.get(Indicator, i).value for i in ids[Indicator.__table__]] == [
            Decimal(1),
            Decimal(2),
            Decimal(3),
        ]


def test_more_rows_than_one_statement_takes(migrated_engine):
    """PostgreSQL gets at most MAX_ROWS_PER_STATEMENT rows per INSERT: 2,500 rows are three
    statements, every row with its own id."""
    inserts = Inserts(migrated_engine.dialect)
    count = MAX_ROWS_PER_STATEMENT * 2 + 500
    rows = [indicator_row(n, Decimal(n)) for n in range(count)]
    with for_writing(migrated_engine).begin() as connection:
        ids = inserts.many_returning_ids(connection, Indicator.__table__, rows)
    assert len(set(ids)) == count
    with Session(migrated_engine) as session:
        stored = dict(session.execute(select(Indicator.id, Indicator.key)).tuples().all())
    assert [stored[i] for i in ids] == [row["key"] for row in rows]


def test_an_error_in_a_pipeline_is_sqlalchemys_and_rolls_back(migrated_engine):
    inserts = Inserts(migrated_engine.dialect)
    with (
        pytest.raises(IntegrityError, match=r"content_sha256"),
        for_writing(migrated_engine).begin() as connection,
        inserts.pipeline(connection),
    ):
        inserts.many(connection, Source.__table__, [source_row(21)])
        inserts.many(connection, Source.__table__, [source_row(22, content_sha256=f"{21:064d}")])
        inserts.many(connection, Source.__table__, [source_row(23)])
    with Session(migrated_engine) as session:
        assert session.scalars(select(Source.key)).all() == []
