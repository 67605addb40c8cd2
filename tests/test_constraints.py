"""The database itself refuses bad rows, on SQLite and on PostgreSQL alike."""

from datetime import date
from decimal import Decimal

import pytest
from builders import populate_every_table
from silkledger.db import session_scope
from silkledger.models import (
    Agreement,
    AgreementParty,
    Citation,
    Country,
    Event,
    Indicator,
    Source,
    TradeFlow,
)
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError


@pytest.fixture
def full_engine(migrated_engine):
    with session_scope(migrated_engine) as session:
        populate_every_table(session)
    return migrated_engine


def one_id(connection, model, **where):
    return connection.execute(select(model.id).filter_by(**where)).scalar_one()


def citation_with_two_facts(connection):
    row = connection.execute(select(Citation).where(Citation.trade_flow_id.is_not(None))).one()
    connection.execute(
        update(Citation)
        .where(Citation.id == row.id)
        .values(event_id=one_id(connection, Event, key="ev-test"))
    )


def citation_with_no_fact(connection):
    connection.execute(
        insert(Citation).values(
            source_id=one_id(connection, Source, key="test-article"),
            quote="K",
            char_start=0,
            char_end=1,
        )
    )


def citation_span_backwards(connection):
    connection.execute(update(Citation).values(char_end=0))


def period_ending_before_it_starts(connection):
    connection.execute(
        update(TradeFlow).values(period_start=date(2024, 12, 31), period_end=date(2024, 1, 1))
    )


def unknown_review_status(connection):
    connection.execute(update(Agreement).values(review_status="approved"))


def unknown_flow(connection):
    connection.execute(update(TradeFlow).values(flow="barter"))


def unknown_unit(connection):
    connection.execute(update(TradeFlow).values(unit="bananas"))


def share_not_in_percent(connection):
    connection.execute(update(TradeFlow).values(measure="share"))


def unknown_date_precision(connection):
    connection.execute(update(Event).values(date_precision="week"))


def unknown_value_qualifier(connection):
    connection.execute(update(Agreement).values(value_qualifier="roughly"))


def negative_agreement_value(connection):
    connection.execute(update(Agreement).values(value_amount=Decimal("-1")))


def negative_trade_value(connection):
    connection.execute(update(TradeFlow).values(value=Decimal("-30.05")))


def negative_indicator_value(connection):
    connection.execute(update(Indicator).values(value=Decimal("-5")))


def amount_without_currency(connection):
    connection.execute(update(Agreement).values(value_currency=None))


def duplicate_fact_key(connection):
    row = connection.execute(select(TradeFlow)).mappings().one()
    values = {k: v for k, v in row.items() if k not in ("id", "created_at", "updated_at")}
    connection.execute(insert(TradeFlow).values(**values))


def duplicate_country_code(connection):
    connection.execute(insert(Country).values(iso3="KAZ", name="Kazakhstan again"))


def duplicate_source_text(connection):
    row = connection.execute(select(Source).where(Source.key == "test-article")).mappings().one()
    values = {
        k: v for k, v in row.items() if k not in ("id", "created_at", "updated_at", "loaded_at")
    }
    connection.execute(insert(Source).values(**{**values, "key": "another-key"}))


def party_naming_two_parties(connection):
    connection.execute(
        update(AgreementParty).values(country_id=one_id(connection, Country, iso3="KAZ"))
    )


def trade_flow_with_itself(connection):
    connection.execute(update(TradeFlow).values(partner_country_id=TradeFlow.reporter_country_id))


def citation_of_a_missing_source(connection):
    connection.execute(update(Citation).values(source_id=999_999))


def deleting_a_cited_source(connection):
    connection.execute(delete(Source))


BAD_CHANGES = [
    citation_with_two_facts,
    citation_with_no_fact,
    citation_span_backwards,
    period_ending_before_it_starts,
    unknown_review_status,
    unknown_flow,
    unknown_unit,
    share_not_in_percent,
    unknown_date_precision,
    unknown_value_qualifier,
    negative_agreement_value,
    negative_trade_value,
    negative_indicator_value,
    amount_without_currency,
    duplicate_fact_key,
    duplicate_country_code,
    duplicate_source_text,
    party_naming_two_parties,
    trade_flow_with_itself,
    citation_of_a_missing_source,
    deleting_a_cited_source,
]


@pytest.mark.parametrize("bad_change", BAD_CHANGES, ids=lambda f: f.__name__)
def test_the_database_rejects(full_engine, bad_change):
    with pytest.raises(IntegrityError), full_engine.begin() as connection:
        bad_change(connection)


def test_deleting_a_fact_deletes_its_citations(full_engine):
    with full_engine.begin() as connection:
        before = connection.execute(select(func.count()).select_from(Citation)).scalar_one()
        connection.execute(delete(TradeFlow))
        after = connection.execute(select(func.count()).select_from(Citation)).scalar_one()
    assert (before, after) == (5, 4)


def test_deleting_an_event_keeps_the_agreement_signed_there(full_engine):
    with full_engine.begin() as connection:
        connection.execute(delete(Event))
        event_id = connection.execute(
            select(Agreement.event_id).filter_by(key="ag-test")
        ).scalar_one()
    assert event_id is None
