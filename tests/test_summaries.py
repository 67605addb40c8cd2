"""The summaries kept by triggers equal a recomputation from scratch after every kind of write,
on SQLite and PostgreSQL. source_fact_counts: seed load, ingest, accept and reject, edit, merge,
reindex, citation inserts, moves and deletes, fact deletes. agreement_countries: seed load,
ingest, parties added, changed and deleted, organisations and people moved to another country,
agreements deleted."""

from __future__ import annotations

from pathlib import Path

from builders import cite
from silkledger import migrate
from silkledger.db import session_scope
from silkledger.loaders import review
from silkledger.loaders.ingest import ArticleLoader
from silkledger.models import (
    Agreement,
    AgreementParty,
    Citation,
    Country,
    Organization,
    Person,
    Source,
    TradeFlow,
)
from silkledger.models.summaries import (
    COLUMNS,
    COUNTRIES_COLUMNS,
    COUNTRIES_TABLE,
    TABLE,
    recompute_countries_sql,
    recompute_sql,
    suspended,
)
from sqlalchemy import delete, select, text, update
from test_review import DEALS, EXPORTS, TURNOVER, ids_by_quote, load_article

CURATED_TURNOVER = "tf-kaz-chn-2024-turnover-43.8"


def summary(engine) -> list[tuple]:
    with engine.connect() as connection:
        return sorted(
            tuple(row) for row in connection.execute(text(f"SELECT {COLUMNS} FROM {TABLE}"))
        )


def recomputed(engine) -> list[tuple]:
    with engine.connect() as connection:
        return sorted(tuple(row) for row in connection.execute(text(recompute_sql())))


def assert_in_step(engine) -> list[tuple]:
    kept = summary(engine)
    assert kept == recomputed(engine)
    assert_countries_in_step(engine)
    return kept


def assert_countries_in_step(engine) -> list[tuple]:
    with engine.connect() as connection:
        kept = sorted(
            tuple(row)
            for row in connection.execute(
                text(f"SELECT {COUNTRIES_COLUMNS} FROM {COUNTRIES_TABLE}")
            )
        )
        recount = sorted(tuple(row) for row in connection.execute(text(recompute_countries_sql())))
    assert kept == recount
    return kept


def deal_countries_of(engine, agreement_id: int) -> set[tuple[str, int]]:
    with engine.connect() as connection:
        return set(
            connection.execute(
                text("SELECT iso3, is_party FROM deal_countries_all WHERE agreement_id = :id"),
                {"id": agreement_id},
            ).all()
        )


def counts_of(engine, source_key: str) -> dict[tuple[str, str], tuple[int, int]]:
    """(fact_kind, review_status) -> (facts, quotes) of one source."""
    with engine.connect() as connection:
        found = connection.execute(
            text(
                f"SELECT fact_kind, review_status, fact_count, quote_count FROM {TABLE} "
                "JOIN sources s ON s.id = source_id WHERE s.key = :key"
            ),
            {"key": source_key},
        )
        return {(kind, status): (facts, quotes) for kind, status, facts, quotes in found}


def test_the_seed_load_fills_the_summary(seeded_engine):
    kept = assert_in_step(seeded_engine)
    assert kept  # the seed's citations are counted
    with seeded_engine.connect() as connection:
        citations = connection.execute(text("SELECT count(*) FROM citations")).scalar_one()
    assert sum(row[4] for row in kept) == citations


def test_review_keeps_the_summary_in_step(seeded_engine, tmp_path: Path):
    key = load_article(seeded_engine, tmp_path)
    assert_in_step(seeded_engine)
    assert counts_of(seeded_engine, key) == {
        ("trade_flow", "extracted"): (2, 2),
        ("agreement", "extracted"): (1, 1),
    }
    ids = ids_by_quote(seeded_engine)
    with session_scope(seeded_engine) as session:
        review.decide(session, [ids[EXPORTS]], "accept", "tester")
        review.decide(session, [ids[DEALS]], "reject", "tester")
    assert_in_step(seeded_engine)
    assert counts_of(seeded_engine, key) == {
        ("trade_flow", "extracted"): (1, 1),
        ("trade_flow", "accepted"): (1, 1),
        ("agreement", "rejected"): (1, 1),
    }
    with session_scope(seeded_engine) as session:
        review.edit(session, ids[TURNOVER], {"value": "44 billion"}, "tester")
    assert_in_step(seeded_engine)
    with session_scope(seeded_engine) as session:
        review.merge(session, ids[TURNOVER], CURATED_TURNOVER, "tester")
    assert_in_step(seeded_engine)
    assert counts_of(seeded_engine, key) == {
        ("trade_flow", "curated"): (1, 1),
        ("trade_flow", "accepted"): (1, 1),
        ("agreement", "rejected"): (1, 1),
    }
    ArticleLoader(seeded_engine).reindex()
    assert_in_step(seeded_engine)


def scalar(engine, statement):
    with engine.connect() as connection:
        return connection.execute(statement).scalar_one()


def test_citation_moves_and_deletes_keep_the_summary_in_step(seeded_engine):
    with session_scope(seeded_engine) as session:
        flow = session.scalar(select(TradeFlow).where(TradeFlow.key == CURATED_TURNOVER))
        first = session.scalars(select(Citation).where(Citation.trade_flow_id == flow.id)).first()
        # the same source quotes the same fact twice: one fact, two quotes
        cite(session, session.get(Source, first.source_id), first.quote, trade_flow_id=flow.id)
        flow_id, first_id, source_id = flow.id, first.id, first.source_id
    assert_in_step(seeded_engine)
    other_flow = scalar(seeded_engine, select(TradeFlow.id).where(TradeFlow.id != flow_id).limit(1))
    other_source = scalar(seeded_engine, select(Source.id).where(Source.id != source_id).limit(1))
    with session_scope(seeded_engine) as session:
        # a citation moves to another fact, then the fact's other one to another source
        session.execute(
            update(Citation).where(Citation.id == first_id).values(trade_flow_id=other_flow)
        )
        session.execute(
            update(Citation)
            .where(Citation.trade_flow_id == flow_id, Citation.source_id == source_id)
            .values(source_id=other_source)
        )
    assert_in_step(seeded_engine)
    with session_scope(seeded_engine) as session:
        session.execute(delete(Citation).where(Citation.source_id == other_source))
    assert_in_step(seeded_engine)
    with session_scope(seeded_engine) as session:  # citations go with their facts (cascade)
        agreement_id = session.scalar(
            select(Agreement.id).join(Citation, Citation.agreement_id == Agreement.id).limit(1)
        )
        session.execute(delete(Agreement).where(Agreement.id == agreement_id))
        session.execute(delete(TradeFlow).where(TradeFlow.id == other_flow))
    assert_in_step(seeded_engine)


def test_a_bulk_status_change_keeps_the_summary_in_step(seeded_engine):
    with session_scope(seeded_engine) as session:
        session.execute(
            update(TradeFlow).where(TradeFlow.id % 2 == 0).values(review_status="extracted")
        )
    kept = assert_in_step(seeded_engine)
    assert any(row[1:3] == ("trade_flow", "extracted") for row in kept)
    with session_scope(seeded_engine) as session:
        session.execute(update(TradeFlow).values(review_status="curated"))
    kept = assert_in_step(seeded_engine)
    assert {row[2] for row in kept if row[1] == "trade_flow"} == {"curated"}


def test_party_changes_keep_agreement_countries_in_step(seeded_engine):
    assert assert_countries_in_step(seeded_engine)  # the seed's parties are counted
    with session_scope(seeded_engine) as session:
        agreement = session.scalar(select(Agreement).order_by(Agreement.id).limit(1))
        agreement_id = agreement.id
        country = Country(iso3="XTA", name="Testland")
        elsewhere = Country(iso3="XTB", name="Otherland")
        session.add_all([country, elsewhere])
        session.flush()
        org = Organization(key="test-org", name="Test Org", kind="company", loaded_by="manual")
        org.country_id = country.id
        person = Person(key="test-person", name="Test Person", loaded_by="manual")
        session.add_all([org, person])
        session.flush()
        ids = {"country": country.id, "elsewhere": elsewhere.id, "org": org.id}
        ids["person"] = person.id
        session.add_all(
            [
                AgreementParty(agreement_id=agreement_id, organization_id=org.id, role="party"),
                AgreementParty(agreement_id=agreement_id, person_id=person.id, role="party"),
            ]
        )
    assert_in_step(seeded_engine)
    assert ("XTA", 0) in deal_countries_of(seeded_engine, agreement_id)
    with session_scope(seeded_engine) as session:  # the country itself becomes a party
        session.add(
            AgreementParty(agreement_id=agreement_id, country_id=ids["country"], role="party")
        )
    assert_in_step(seeded_engine)
    assert ("XTA", 1) in deal_countries_of(seeded_engine, agreement_id)
    with session_scope(seeded_engine) as session:  # people and organisations move
        session.execute(
            update(Person).where(Person.id == ids["person"]).values(country_id=ids["elsewhere"])
        )
        session.execute(
            update(Organization)
            .where(Organization.id == ids["org"])
            .values(country_id=ids["elsewhere"])
        )
    assert_in_step(seeded_engine)
    assert ("XTB", 0) in deal_countries_of(seeded_engine, agreement_id)
    with session_scope(seeded_engine) as session:  # the direct party becomes the organisation
        session.execute(
            update(AgreementParty)
            .where(AgreementParty.country_id == ids["country"])
            .values(country_id=None, organization_id=ids["org"])
        )
    assert_in_step(seeded_engine)
    assert not {iso3 for iso3, _ in deal_countries_of(seeded_engine, agreement_id)} & {"XTA"}
    with session_scope(seeded_engine) as session:
        session.execute(delete(AgreementParty).where(AgreementParty.person_id == ids["person"]))
    assert_in_step(seeded_engine)
    with session_scope(seeded_engine) as session:
        session.execute(delete(AgreementParty).where(AgreementParty.organization_id == ids["org"]))
        session.execute(delete(Agreement).where(Agreement.id == agreement_id))
    assert_in_step(seeded_engine)
    assert deal_countries_of(seeded_engine, agreement_id) == set()


def every_deal_country(engine) -> list[tuple]:
    with engine.connect() as connection:
        return sorted(
            tuple(row)
            for view in ("deal_countries", "deal_countries_all")
            for row in connection.execute(text(f"SELECT '{view}', * FROM {view}"))
        )


def test_the_migration_fills_the_summaries_from_existing_rows(seeded_url, databases):
    engine = databases.engine(seeded_url)
    summarised = every_deal_country(engine)
    engine.dispose()
    migrate.downgrade(seeded_url, "0007_trade_flow_groups")  # the revision before 0008
    engine = databases.engine(seeded_url)
    assert every_deal_country(engine) == summarised  # the grouping views give the same rows
    engine.dispose()
    migrate.upgrade(seeded_url)
    engine = databases.engine(seeded_url)
    assert assert_in_step(engine)
    assert assert_countries_in_step(engine)
    assert every_deal_country(engine) == summarised


def test_a_bulk_load_with_suspended_triggers_ends_in_step(seeded_engine):
    with seeded_engine.begin() as connection, suspended(connection):
        connection.execute(
            text(
                "INSERT INTO citations (source_id, trade_flow_id, quote, char_start, char_end) "
                "SELECT s.id, tf.id, 'q', 0, 1 FROM sources s, trade_flows tf"
            )
        )
        connection.execute(delete(AgreementParty).where(AgreementParty.country_id.is_not(None)))
    assert_in_step(seeded_engine)
    with session_scope(seeded_engine) as session:  # and the triggers follow writes again
        session.execute(delete(Citation).where(Citation.quote == "q"))
    assert_in_step(seeded_engine)
