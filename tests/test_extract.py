"""The extractor's API: the gazetteer from a database (both engines), mentions with exact
spans, and the facts read from a seed article and from texts the tests write."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from silkledger.extract import (
    EXTRACTOR_NAME,
    EXTRACTOR_VERSION,
    ExtractedFact,
    Extractor,
    Gazetteer,
)
from silkledger.loaders.seed_files import (
    AgreementRecord,
    EventRecord,
    IndicatorRecord,
    ProjectRecord,
    TradeFlowRecord,
)
from sqlalchemy.orm import Session

SEED = Path(__file__).resolve().parent.parent / "seed"
ARTICLE_000 = (SEED / "articles" / "000_6060bbb4ab9dde19.txt").read_bytes().decode("utf-8")
ARTICLE_003 = (SEED / "articles" / "003_f6314906d5230dff.txt").read_bytes().decode("utf-8")
RECORDS = {
    "trade_flow": TradeFlowRecord,
    "agreement": AgreementRecord,
    "project": ProjectRecord,
    "event": EventRecord,
    "indicator": IndicatorRecord,
}


@pytest.fixture
def gazetteer(seeded_engine) -> Gazetteer:
    with seeded_engine.connect() as connection:
        return Gazetteer.from_connection(connection)


# ------------------------------------------------------------------ gazetteer (both engines)


def test_mentions_of_turkmenistan_in_003_with_their_spans(gazetteer):
    found = [m for m in gazetteer.mentions(ARTICLE_003) if m.key == "TKM"]
    assert [m.text for m in found] == ["Turkmenistan", "Turkmen", "Turkmenistan"]
    assert all(ARTICLE_003[m.char_start : m.char_end] == m.text for m in found)
    assert all(m.kind == "country" for m in found)


def test_aliases_demonyms_capitals_people_organizations_and_projects(gazetteer):
    text = (
        "Kazakh officials in Beijing met Tokayev and CNPC about the Khorgos dry port; "
        "the PRC and Sino-Kazakh ties. ASTANA – Kazakhstani traders."
    )
    found = {(m.text, m.kind, m.key) for m in gazetteer.mentions(text)}
    assert {
        ("Kazakh", "country", "KAZ"),
        ("Beijing", "country", "CHN"),
        ("Tokayev", "person", "kassym-jomart-tokayev"),
        ("CNPC", "organization", "cnpc"),
        ("Khorgos dry port", "project", "prj-khorgos-dry-port"),
        ("PRC", "country", "CHN"),
        ("Sino-", "country", "CHN"),
        ("ASTANA", "country", "KAZ"),
        ("Kazakhstani", "country", "KAZ"),
    } <= found
    assert all(m.text != "Kazakh" or text[m.char_end] == " " for m in gazetteer.mentions(text))


def test_pycountry_names_are_known_for_every_country_in_the_database(gazetteer):
    found = gazetteer.mentions("Russian Federation, Türkiye and Korea, Republic of")
    assert {m.key for m in found} >= {"RUS", "TUR", "KOR"}


def test_a_session_works_like_a_connection(seeded_engine):
    with Session(seeded_engine) as session:
        from_session = Gazetteer.from_connection(session)
    with seeded_engine.connect() as connection:
        assert Gazetteer.from_connection(connection).names == from_session.names


def test_projects_link_by_name_alias_or_fuzzy_match(gazetteer):
    assert gazetteer.match_project("Khorgos dry port") == "prj-khorgos-dry-port"
    assert gazetteer.match_project("gas chemical complex in the Aktobe Region") == (
        "prj-aktobe-gas-chemical-complex"
    )
    assert gazetteer.match_project("pipeline") is None


def test_a_new_alias_in_the_database_is_found_next_time(seeded_engine):
    from silkledger.models import Country, CountryAlias
    from sqlalchemy import insert, select

    with seeded_engine.begin() as connection:
        kgz = connection.execute(select(Country.id).where(Country.iso3 == "KGZ")).scalar_one()
        connection.execute(
            insert(CountryAlias).values(country_id=kgz, alias="Kirghizia", kind="other")
        )
    with seeded_engine.connect() as connection:
        found = Gazetteer.from_connection(connection).mentions("trade with Kirghizia rose")
    assert [(m.key, m.char_start, m.char_end) for m in found] == [("KGZ", 11, 20)]


# ------------------------------------------------------------------ extraction on a seed article


def test_seed_article_000_facts_have_exact_quotes_and_valid_fields(gazetteer):
    facts = Extractor(gazetteer).extract(ARTICLE_000, date(2025, 6, 1))
    assert facts
    for number, fact in enumerate(facts):
        assert isinstance(fact, ExtractedFact)
        assert ARTICLE_000[fact.char_start : fact.char_end] == fact.quote
        assert 0 <= fact.confidence <= 1
        fields = {key: value for key, value in fact.fields.items() if key != "key_hint"}
        record = {"key": f"x-{number}", "citations": [{"source": "s", "quote": fact.quote}]}
        RECORDS[fact.kind].model_validate({**fields, **record})


def _flows(facts):
    return {
        (f.fields["flow"], f.fields["measure"], f.fields["value"], f.fields["period"]["label"]): f
        for f in facts
        if f.kind == "trade_flow"
    }


def test_seed_article_000_trade_flows(gazetteer):
    flows = _flows(Extractor(gazetteer).extract(ARTICLE_000, date(2025, 6, 1)))
    assert ("turnover", "value", Decimal("30.05e9"), "2024") in flows
    assert ("exports", "value", Decimal("14.89e9"), "2024") in flows
    assert ("imports", "value", Decimal("15.15e9"), "2024") in flows
    assert ("turnover", "value", Decimal("8.57e9"), "2025-01..2025-04") in flows
    assert ("turnover", "value", Decimal("8.93e9"), "2024-01..2024-04") in flows
    assert ("imports", "value", Decimal("4.44e9"), "2024-01..2024-04") in flows
    share = flows[("exports", "share", Decimal("15.5"), "2025-01..2025-04")]
    assert (share.fields["reporter"], share.fields["partner"], share.fields["unit"]) == (
        "KAZ",
        "CHN",
        "percent",
    )
    cargo = flows[("turnover", "volume", Decimal("29.3e6"), "2024")]
    assert cargo.fields["unit"] == "tonnes"
    region = flows[("turnover", "value", Decimal("95e9"), "2024")]
    assert (region.fields["reporter"], region.fields["partner"]) == ("XCA", "CHN")
    assert "reporter not stated" in region.note
    quoted = flows[("turnover", "value", Decimal("43.8e9"), "2024")]
    assert quoted.fields["attributed_to"] == {"person": "alibek-kuantyrov"}
    assert "last full year" in quoted.note


def test_seed_article_000_agreement_and_target(gazetteer):
    facts = Extractor(gazetteer).extract(ARTICLE_000, date(2025, 6, 1))
    (package,) = [f for f in facts if f.kind == "agreement" and f.fields.get("value")]
    assert package.fields["value"] == Decimal("24e9")
    assert package.fields["currency"] == "USD"
    assert package.fields["document_count"] == 58
    assert package.fields["kind"] == "package"
    assert package.stated_value == "$24 billion"
    (target,) = [f for f in facts if f.kind == "indicator" and f.fields["is_target"]]
    assert target.fields["value"] == Decimal("100e9")
    assert not any(f.kind == "trade_flow" and f.fields["value"] == Decimal("100e9") for f in facts)


def test_seed_article_000_events(gazetteer):
    facts = Extractor(gazetteer).extract(ARTICLE_000, date(2025, 6, 1))
    forum = next(f for f in facts if f.kind == "event" and f.fields["kind"] == "forum")
    assert forum.fields["place"] == "Astana" and forum.fields["country"] == "KAZ"
    assert "Industrial and Investment Cooperation Forum" in forum.fields["title"]
    summit = next(f for f in facts if f.kind == "event" and f.fields.get("sequence_number") == 1)
    assert summit.fields["start_date"] == date(2023, 1, 1)
    assert summit.fields["date_precision"] == "year"


def test_names_and_version():
    assert EXTRACTOR_NAME == "silkledger-rules"
    assert EXTRACTOR_VERSION == "0.1.0"


# ------------------------------------------------------------------ rules, on texts written here


@pytest.fixture(scope="module")
def small_gazetteer() -> Gazetteer:
    return Gazetteer(
        names={
            "China": ("country", "CHN"),
            "Chinese": ("country", "CHN"),
            "Kazakhstan": ("country", "KAZ"),
            "Uzbekistan": ("country", "UZB"),
            "Russia": ("country", "RUS"),
            "General Administration of Customs": ("organization", "china-customs"),
        }
    )


def extract(gazetteer, text, published=date(2025, 3, 1)):
    return Extractor(gazetteer).extract(text, published)


def test_unstated_reporter_convention(small_gazetteer):
    (flow,) = extract(
        small_gazetteer, "Trade between China and Kazakhstan reached $43.8bn in 2024."
    )
    assert (flow.fields["reporter"], flow.fields["partner"], flow.fields["flow"]) == (
        "KAZ",
        "CHN",
        "turnover",
    )
    assert flow.confidence < 0.8 and "reporter not stated" in flow.note


def test_a_stated_reporter_is_trusted_more_and_china_s_side_is_read_from_its_partner(
    small_gazetteer,
):
    (flow,) = extract(
        small_gazetteer, "China's exports to Uzbekistan rose to $9.1 billion in 2024."
    )
    assert (flow.fields["reporter"], flow.fields["partner"], flow.fields["flow"]) == (
        "UZB",
        "CHN",
        "imports",
    )
    assert (
        flow.confidence == 0.8 and flow.note == "stated from China's side: read from its partner's"
    )


def test_without_china_the_first_named_party_reports(small_gazetteer):
    (flow,) = extract(
        small_gazetteer, "Trade between Kazakhstan and Russia hit $28 billion in 2024."
    )
    assert (flow.fields["reporter"], flow.fields["partner"]) == ("KAZ", "RUS")


def test_one_party_is_not_a_trade_flow(small_gazetteer):
    facts = extract(small_gazetteer, "Kazakhstan's foreign trade reached $140 billion in 2024.")
    assert [f.kind for f in facts] == ["indicator"]


def test_attribution_to_a_known_organization(small_gazetteer):
    text = (
        "According to the General Administration of Customs, trade between China and "
        "Uzbekistan reached $13.7 billion in 2024."
    )
    (flow,) = extract(small_gazetteer, text)
    assert flow.fields["attributed_to"] == {"organization": "china-customs"}


def test_a_suspect_decimal_comma_lowers_confidence(small_gazetteer):
    (flow,) = extract(
        small_gazetteer, "Trade between China and Kazakhstan was $4,700 billion in 2024."
    )
    assert flow.fields["value"] == Decimal("4.7e9")
    assert flow.confidence < 0.5 and "decimal comma" in flow.note


def test_a_foreign_currency_amount_keeps_its_currency_and_notes_its_equivalent(small_gazetteer):
    text = (
        "China's Exim bank signed a loan of 20 billion yuan (about $2.8 billion) with Uzbekistan."
    )
    (loan,) = [f for f in extract(small_gazetteer, text) if f.kind == "agreement"]
    assert (loan.fields["value"], loan.fields["currency"], loan.fields["kind"]) == (
        Decimal("20e9"),
        "CNY",
        "loan",
    )
    assert "2800000000 USD" in loan.note
    assert loan.stated_value == "20 billion yuan (about $2.8 billion)"


def test_a_range_keeps_its_upper_end_in_the_note(small_gazetteer):
    text = "Chinese firms will invest $3–4 billion to build a copper plant in Kazakhstan."
    (project,) = [f for f in extract(small_gazetteer, text) if f.kind == "project"]
    assert project.fields["value"] == Decimal("3e9")
    assert project.fields["kind"] == "industrial_plant"
    assert "upper end 4000000000" in project.note


def test_periods_carry_to_the_next_sentence_and_shift_for_comparisons(small_gazetteer):
    text = (
        "In January–May, trade between China and Kazakhstan was $13.2 billion.\n"
        "Exports to China amounted to $6.1 billion, up from $5.2 billion a year earlier."
    )
    flows = _flows(extract(small_gazetteer, text, date(2025, 6, 20)))
    assert set(flows) == {
        ("turnover", "value", Decimal("13.2e9"), "2025-01..2025-05"),
        ("exports", "value", Decimal("6.1e9"), "2025-01..2025-05"),
        ("exports", "value", Decimal("5.2e9"), "2024-01..2024-05"),
    }


def test_events_are_merged_per_article(small_gazetteer):
    text = (
        "The second China-Central Asia Summit opened in Astana on June 17.\n"
        "During the summit, leaders spoke about trade.\nThe summit ended a day later."
    )
    events = [f for f in extract(small_gazetteer, text, date(2025, 6, 18)) if f.kind == "event"]
    assert len(events) == 1
    assert events[0].fields["sequence_number"] == 2
    assert events[0].fields["start_date"] == date(2025, 6, 17)


def test_weekdays_resolve_and_a_dateline_is_not_the_event_date(small_gazetteer):
    text = (
        "Leaders talk trade\n"
        "ASTANA, March 3 (wire) -- Kazakhstan's president held a telephone conversation with "
        "China's president on Monday."
    )
    (call,) = [f for f in extract(small_gazetteer, text, date(2026, 3, 3)) if f.kind == "event"]
    assert call.fields["kind"] == "phone_call"
    assert call.fields["start_date"] == date(2026, 3, 2)
    assert "Monday" in call.note


def test_a_figure_in_the_headline_is_quoted_from_the_body(small_gazetteer):
    text = (
        "China, Kazakhstan sign deals worth $12.5 bln\n"
        "Kazakhstan and China signed 30 agreements worth $12.5 billion on Tuesday."
    )
    (deal,) = [f for f in extract(small_gazetteer, text) if f.kind == "agreement"]
    assert deal.char_start > text.index("\n")
    assert (deal.fields["value"], deal.fields["document_count"]) == (Decimal("12.5e9"), 30)


def test_future_amounts_are_targets(small_gazetteer):
    text = (
        "Trade between China and Kazakhstan exceeded $43 billion in 2025 and the two sides agreed "
        "to work towards $50 billion in the coming years."
    )
    facts = extract(small_gazetteer, text, date(2026, 3, 3))
    flows = [f.fields["value"] for f in facts if f.kind == "trade_flow"]
    targets = [f.fields["value"] for f in facts if f.kind == "indicator" and f.fields["is_target"]]
    assert (flows, targets) == ([Decimal("43e9")], [Decimal("50e9")])


def test_sentences_keep_abbreviations_initials_and_quotes_whole():
    from silkledger.extract.text import sentences

    text = 'Mr. Smith met U.S. officials. J. Doe said "Trade rose." Then it fell!\nA new line'
    assert [text[s.start : s.end] for s in sentences(text)] == [
        "Mr. Smith met U.S. officials.",
        'J. Doe said "Trade rose."',
        "Then it fell!",
        "A new line",
    ]
