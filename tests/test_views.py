"""The analysts' views on the seeded database, on SQLite and PostgreSQL: values from the seed."""

import re
from datetime import date
from decimal import Decimal

import pytest
from builders import cite
from silkledger import migrate
from silkledger.db import session_scope
from silkledger.models import Country, Mention, Source, TradeFlow
from silkledger.models.views import VIEWS, view_names
from sqlalchemy import inspect, select, text


def rows(engine, sql: str, **params) -> list[dict]:
    with engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(text(sql), params)]


def as_float(value) -> float | None:
    return None if value is None else float(value)


def test_every_view_has_its_documented_columns(seeded_engine):
    inspector = inspect(seeded_engine)
    assert set(view_names()) <= set(inspector.get_view_names())
    for view in VIEWS:
        documented = [column.name for column in view.columns]
        for name, _ in view.variants():
            assert [c["name"] for c in inspector.get_columns(name)] == documented, name
            assert all(column.meaning().strip() for column in view.columns)


def test_postgresql_stores_the_view_comments(engine_name, seeded_engine):
    if engine_name != "postgresql":
        pytest.skip("SQLite has no COMMENT ON")
    [row] = rows(
        seeded_engine,
        "SELECT obj_description('deals'::regclass, 'pg_class') AS view_comment, "
        "col_description('deals'::regclass, 3) AS title_comment",
    )
    assert row["view_comment"].startswith("Each agreement in one row")
    assert row["title_comment"] == "What was agreed, in a short title."


def test_kazakhstan_china_turnover_2024_disagreement(seeded_engine):
    found = rows(
        seeded_engine,
        "SELECT value, value_qualifier, stated_value, source_key, spread_percent "
        "FROM disagreements WHERE subject = :subject ORDER BY value, value_qualifier",
        subject="Kazakhstan–China turnover, 2024 (USD)",
    )
    assert sorted({(as_float(r["value"]), r["value_qualifier"]) for r in found}) == [
        (30.05e9, "exact"),
        (43.8e9, "exact"),
        (44e9, "exact"),
        (44e9, "over"),
    ]
    assert {r["stated_value"] for r in found} >= {
        "$30.05 billion",
        "$43.8 billion",
        "$44 billion",
        "exceeded $44 billion",
    }
    assert {r["source_key"] for r in found} == {
        "000_6060bbb4ab9dde19",
        "002_1e87d0e1641d56e9",
        "003_f6314906d5230dff",
    }
    assert {as_float(r["spread_percent"]) for r in found} == {46.4}


def test_first_summit_dates_disagree(seeded_engine):
    found = rows(
        seeded_engine,
        "SELECT stated_value, start_date, end_date FROM disagreements "
        "WHERE fact_kind = 'event' AND fact_key = 'ev-2023-05-18-xian-summit'",
    )
    stated = {r["stated_value"] for r in found}
    assert {"19 May 2023", "18-19 May, 2023"} <= stated
    assert {str(r["start_date"]) for r in found} == {"2023-05-18"}


def test_one_source_stating_two_figures_is_no_disagreement(seeded_engine):
    # 000 states 62 projects implemented and 55 in the pipeline: different things, one source.
    keys = {r["fact_key"] for r in rows(seeded_engine, "SELECT fact_key FROM disagreements")}
    assert "ind-kaz-chn-joint-project-count-62" not in keys
    assert {
        "ind-kaz-chn-investment-portfolio-66.5",
        "ind-kaz-chn-investment-portfolio-66.4",
    } <= keys


def test_trade_flow_consensus(seeded_engine):
    [group] = rows(
        seeded_engine,
        "SELECT * FROM trade_flow_consensus WHERE reporter_iso3 = 'KAZ' AND partner_iso3 = 'CHN' "
        "AND period_label = '2024' AND flow = 'turnover' AND measure = 'value'",
    )
    assert group["source_count"] == 3
    assert group["claim_count"] == 4
    assert (as_float(group["lowest"]), as_float(group["highest"])) == (30.05e9, 44e9)
    assert as_float(group["spread_percent"]) == 46.4
    assert group["value_list"] == "30050000000; 43800000000; 44000000000"
    assert group["period_year"] == 2024


def test_deals_one_row_per_agreement(seeded_engine):
    [deal] = rows(
        seeded_engine,
        "SELECT * FROM deals WHERE key = 'ag-2025-06-astana-forum-58-commercial'",
    )
    assert deal["document_count"] == 58
    assert as_float(deal["value_usd"]) == 24e9
    assert deal["countries"] == "Central Asia; China; Kazakhstan"
    assert deal["signed_year"] == 2025
    assert deal["source_count"] == 1
    assert deal["is_top_level"] == 1
    [cnnc] = rows(
        seeded_engine,
        "SELECT parties FROM deals WHERE key = 'ag-2025-cnnc-kaz-second-npp-contract'",
    )
    assert "(contractor)" in cnnc["parties"]
    with seeded_engine.connect() as connection:
        total = connection.execute(text("SELECT count(*) FROM agreements")).scalar_one()
    assert len(rows(seeded_engine, "SELECT agreement_id FROM deals")) == total


def test_event_timeline_in_date_order(seeded_engine):
    found = rows(seeded_engine, "SELECT key, start_date, participants FROM event_timeline")
    dated = [str(r["start_date"]) for r in found if r["start_date"] is not None]
    assert dated == sorted(dated)
    keys = [r["key"] for r in found]
    assert keys.index("ev-2023-05-18-xian-summit") < keys.index("ev-2025-06-17-astana-summit")
    astana = found[keys.index("ev-2025-06-17-astana-summit")]
    assert "Kazakhstan (host)" in astana["participants"]
    assert "Xi Jinping (participant)" in astana["participants"]


def test_source_facts_holds_every_citation_of_a_source(seeded_engine):
    found = rows(
        seeded_engine,
        "SELECT fact_kind, quote, char_start, char_end FROM source_facts "
        "WHERE source_key = '003_f6314906d5230dff'",
    )
    with seeded_engine.connect() as connection:
        body = connection.execute(
            select(Source.body_text).where(Source.key == "003_f6314906d5230dff")
        ).scalar_one()
        cited = connection.execute(
            text(
                "SELECT count(*) FROM citations c JOIN sources s ON s.id = c.source_id "
                "WHERE s.key = '003_f6314906d5230dff'"
            )
        ).scalar_one()
    assert len(found) == cited
    assert all(body[r["char_start"] : r["char_end"]] == r["quote"] for r in found)
    assert {r["fact_kind"] for r in found} >= {"event", "agreement", "trade_flow", "project"}


def test_project_overview(seeded_engine):
    [cku] = rows(seeded_engine, "SELECT * FROM project_overview WHERE key = 'prj-cku-railway'")
    assert cku["countries"] == "China (partner); Kyrgyzstan (transit); Uzbekistan (partner)"
    assert "CKU railway" in cku["aliases"]
    assert cku["sector_group"] == "Transport and logistics"


def test_all_variants_add_extracted_facts(seeded_engine):
    with session_scope(seeded_engine) as session:
        kaz, chn = (
            session.execute(select(Country).where(Country.iso3 == code)).scalar_one()
            for code in ("KAZ", "CHN")
        )
        article = session.execute(
            select(Source).where(Source.key == "000_6060bbb4ab9dde19")
        ).scalar_one()
        flow = TradeFlow(
            key="tf-extracted-test",
            review_status="extracted",
            loaded_by="article",
            reporter_country_id=kaz.id,
            partner_country_id=chn.id,
            period_start=date(2024, 1, 1),
            period_end=date(2024, 12, 31),
            period_label="2024",
            flow="turnover",
            measure="value",
            value=Decimal("30.05e9"),
            unit="USD",
        )
        session.add(flow)
        session.flush()
        cite(
            session,
            article,
            "racking up $30.05 billion in bilateral trade in 2024",
            trade_flow_id=flow.id,
        )
    query = "SELECT count(*) FROM {view} WHERE key = 'tf-extracted-test'"
    with seeded_engine.connect() as connection:
        assert connection.execute(text(query.format(view="trade_flow_claims"))).scalar_one() == 0
        assert (
            connection.execute(text(query.format(view="trade_flow_claims_all"))).scalar_one() == 1
        )
        facts = "SELECT count(*) FROM {view} WHERE fact_key = 'tf-extracted-test'"
        assert connection.execute(text(facts.format(view="source_facts"))).scalar_one() == 0
        assert connection.execute(text(facts.format(view="source_facts_all"))).scalar_one() == 1


def test_downgrade_drops_the_views(databases, seeded_url):
    migrate.downgrade(seeded_url, "0004_field_comments")  # the revision before 0003_views
    engine = databases.engine(seeded_url)
    assert not set(view_names()) & set(inspect(engine).get_view_names())


def test_mention_counts(seeded_engine):
    """The seed loader records every name the gazetteer finds in the seed articles: each word
    "Turkmenistan" or "Turkmen" is a mention of TKM, unless it is part of a longer name (a
    project named after the countries it crosses is a mention of the project)."""
    word = r"\bTurkmen(?:istan)?\b"
    with session_scope(seeded_engine) as session:
        sources = session.execute(select(Source).order_by(Source.key)).scalars().all()
        session.expunge_all()
        longer = [
            (m.source_id, m.char_start, m.char_end)
            for m in session.scalars(select(Mention).where(Mention.project_id.is_not(None)))
        ]
        tkm = select(Country.id).where(Country.iso3 == "TKM").scalar_subquery()
        spans = {
            (m.source_id, m.char_start)
            for m in session.scalars(select(Mention).where(Mention.country_id == tkm))
        }
    words = {(a.id, match.start()) for a in sources for match in re.finditer(word, a.body_text)}
    inside_longer = {
        (source, at) for source, at in words for s, start, end in longer
        if s == source and start <= at < end
    }  # fmt: skip
    assert len(words) == 7 and len(inside_longer) == 1
    assert spans == words - inside_longer
    [row] = rows(seeded_engine, "SELECT * FROM mention_counts WHERE entity_key = 'TKM'")
    assert row["entity_kind"] == "country"
    assert row["entity_name"] == "Turkmenistan"
    assert (row["source_count"], row["mention_count"]) == (3, 6)
