"""Corrections to the curated seed (issue 9, items 17-22), checked against the articles.

Each test would fail on the seed as it stood before the correction. Facts are found by meaning
(the quote that states them, countries, organisations), as in test_seed_data.py; expected values
are the articles' own figures.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from pydantic import ValidationError
from silkledger.loaders.seed import resolve_seed_dir
from silkledger.loaders.seed_files import AgreementRecord, read_seed
from silkledger.models.base import span_end, span_start
from silkledger.reports.export import write_report
from silkledger.reports.filters import ReportFilters
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from test_reports_data import table_rows

BN = Decimal(10) ** 9
ARTICLE_001 = "001_6f6e2d4435784dae"
ARTICLE_002 = "002_1e87d0e1641d56e9"
ARTICLE_003 = "003_f6314906d5230dff"


def rows(engine, sql: str, **params) -> list:
    with engine.connect() as connection:
        return list(connection.execute(text(sql), params))


def as_date(value) -> date:
    """Raw SQL gives dates as text on SQLite and as date objects on PostgreSQL."""
    return value if isinstance(value, date) else date.fromisoformat(value)


def dec(value) -> Decimal:
    return Decimal(str(value))


def cited(engine, table: str, column: str, fragment: str, *fields: str) -> list:
    """``fields`` of the rows of ``table`` that a citation quoting ``fragment`` is attached to."""
    listed = ", ".join(f"t.{field}" for field in fields)
    return rows(
        engine,
        f"SELECT DISTINCT {listed} FROM {table} t JOIN citations c ON c.{column} = t.id "
        "WHERE c.quote LIKE :pattern",
        pattern=f"%{fragment}%",
    )


def trade_value(engine, reporter: str, partner: str, flow: str, year: int) -> set[Decimal]:
    """USD values claimed for one flow of a pair over a calendar year."""
    found = rows(
        engine,
        "SELECT tf.value, tf.period_start, tf.period_end FROM trade_flows tf "
        "JOIN countries r ON r.id = tf.reporter_country_id "
        "JOIN countries p ON p.id = tf.partner_country_id "
        "WHERE r.iso3 = :reporter AND p.iso3 = :partner AND tf.flow = :flow "
        "AND tf.measure = 'value' AND tf.unit = 'USD'",
        reporter=reporter,
        partner=partner,
        flow=flow,
    )
    year_span = (date(year, 1, 1), date(year, 12, 31))
    return {dec(v) for v, start, end in found if (as_date(start), as_date(end)) == year_span}


# ------------------------------------------------------------------------------------ item 17


def test_the_70_percent_is_chinas_export_share_of_its_trade_with_the_region(seeded_engine):
    """003: "China enjoys a significant trade surplus with the region, accounting for about 70%
    of the total trade volume". A surplus of 70% of the $95bn would leave China importing less
    from the whole region than Kazakhstan alone exported to China (000: $14.89bn)."""
    (found,) = cited(
        seeded_engine,
        "indicators",
        "indicator_id",
        "accounting for about 70",
        "metric",
        "country_id",
        "partner_country_id",
        "value",
        "value_qualifier",
    )
    metric, country_id, partner_id, value, qualifier = found
    iso3 = dict(rows(seeded_engine, "SELECT id, iso3 FROM countries WHERE iso3 IN ('CHN','XCA')"))
    assert (metric, iso3[country_id], iso3[partner_id]) == (
        "export_share_of_bilateral_trade",
        "CHN",
        "XCA",
    )
    assert (dec(value), qualifier) == (70, "about")

    share = dec(value) / 100
    (total,) = trade_value(seeded_engine, "XCA", "CHN", "turnover", 2024) & {95 * BN}
    (kazakh_exports,) = trade_value(seeded_engine, "KAZ", "CHN", "exports", 2024)
    assert kazakh_exports == Decimal("14.89") * BN
    imports_if_surplus_share = total * (1 - share) / 2  # exports - imports = share * total
    imports_if_export_share = total * (1 - share)
    assert imports_if_surplus_share < kazakh_exports <= imports_if_export_share
    assert (
        rows(seeded_engine, "SELECT key FROM indicators WHERE metric = 'trade_surplus_share'") == []
    )


# ------------------------------------------------------------------------------------ item 18


def names_of(party, people, organizations) -> list[str]:
    if party.person:
        return [people[party.person].name.split()[-1]]  # "Tokayev", "Bektenov"
    organization = organizations[party.organization]
    return [organization.name, *organization.aliases]


def plain(text_: str) -> str:
    return text_.replace("’", "'").casefold()


def test_every_citation_of_an_attributed_figure_names_who_it_is_attributed_to():
    """Attribution is the record's, so it must hold for each source cited: the quote or the
    citation's note names the person or organisation."""
    seed = read_seed(resolve_seed_dir())
    people = {person.key: person for person in seed.people}
    organizations = {org.key: org for org in seed.organizations}
    unnamed = []
    attributed = [r for r in seed.trade_flows + seed.indicators if r.attributed_to]
    assert len(attributed) >= 10
    for record in attributed:
        names = names_of(record.attributed_to, people, organizations)
        for citation in record.citations:
            said = plain(f"{citation.quote} {citation.note or ''}")
            if not any(plain(name) in said for name in names):
                unnamed.append(f"{record.key}: {citation.source} does not name {names[0]}")
    assert unnamed == []


def test_only_001_credits_the_94_8_billion_to_chinas_customs(seeded_engine):
    found = rows(
        seeded_engine,
        "SELECT s.key, o.key FROM trade_flows tf "
        "JOIN countries r ON r.id = tf.reporter_country_id "
        "JOIN citations c ON c.trade_flow_id = tf.id JOIN sources s ON s.id = c.source_id "
        "LEFT JOIN organizations o ON o.id = tf.attributed_to_organization_id "
        "WHERE r.iso3 = 'XCA' AND tf.flow = 'turnover' AND tf.value = :value",
        value=int(Decimal("94.8") * BN),
    )
    assert dict(found) == {ARTICLE_001: "china-customs", ARTICLE_002: None}


def test_the_trade_workbook_shows_002s_94_8_billion_unattributed(seeded_engine, tmp_path):
    filters = ReportFilters(as_of=datetime(2025, 10, 1))
    result = write_report("trade", seeded_engine, tmp_path / "t.xlsx", filters, "test-db")
    wb = load_workbook(result.path)
    titles = {row[0].value: row[1].value for row in wb["Sources"].iter_rows(min_row=2)}
    attributed = {
        titles[row["Source"]]: row["Attributed to"]
        for row in table_rows(wb["Disagreements"], "Disagreements")
        if (row["Reporter"], row["Period"], row["Figure (in Unit shown)"])
        == ("Central Asia", "2024", 94.8)
    }
    assert attributed == {
        "CHINA – A STRATEGIC PARTNER OF CENTRAL ASIA": "General Administration of Customs of China",
        "China and Central Asia organized the second bilateral Summit": None,
    }


# ------------------------------------------------------------------------------------ item 19

# 002: the SCO summit in Tianjin "on 31st August – 1st September" and the parade in Beijing
# "on 3rd September" to mark the 80th anniversary of victory over Japan: 2025.
WEEK_FIRST, WEEK_LAST = date(2025, 8, 31), date(2025, 9, 3)


def agreements_of_the_week(engine) -> list:
    return rows(
        engine,
        "SELECT a.title, a.signed_date, a.signed_date_precision, a.value_usd, "
        "a.part_of_agreement_id FROM agreements a JOIN events e ON e.id = a.event_id "
        "WHERE e.title LIKE 'Week of high-level meetings in China%'",
    )


def test_the_deals_of_the_week_in_china_are_dated_no_more_precisely_than_known(seeded_engine):
    agreements = agreements_of_the_week(seeded_engine)
    assert len(agreements) >= 8
    for title, signed, precision, _usd, _part in agreements:
        assert signed is not None, title
        first, last = span_start(as_date(signed), precision), span_end(as_date(signed), precision)
        # The stated span takes in the whole week (a deal may date from 31 August) within 2025.
        assert date(2025, 1, 1) <= first <= WEEK_FIRST and WEEK_LAST <= last <= date(2025, 12, 31)


def test_the_zhylyoi_agreement_is_dated_to_2025(seeded_engine):
    (found,) = cited(
        seeded_engine,
        "agreements",
        "agreement_id",
        "signed an agreement for exploration and production within the Zhylyoi project",
        "signed_date",
        "signed_date_precision",
    )
    signed, precision = found
    assert (as_date(signed).year, precision) == (2025, "year")


def test_a_deals_report_from_2025_holds_the_16_5_billion_of_the_week(seeded_engine, tmp_path):
    """The issue's symptom: `report deals --from 2025` left out the $15bn and the $1.5bn."""
    filters = ReportFilters(date_from=date(2025, 1, 1), as_of=datetime(2025, 10, 1))
    result = write_report("deals", seeded_engine, tmp_path / "d.xlsx", filters, "test-db")
    listed = table_rows(load_workbook(result.path)["Agreements"], "Agreements")
    top_level = {row["Value (USD mn)"] for row in listed if row["Part of"] is None}
    assert {15000, 1500} <= top_level
    week = {dec(usd) for _t, _s, _p, usd, part in agreements_of_the_week(seeded_engine) if usd} - {
        BN,
        BN / 2,
    }  # the CNPC and CDB parts are inside the $1.5bn
    assert sum(week) == Decimal("16.5") * BN


# ------------------------------------------------------------------------------------ item 20


@pytest.mark.parametrize(
    ("fragment", "count", "qualifier"),
    [
        ("more than 35 memoranda worth a total of over USD 17 billion", 35, "over"),
        ("signed more than 70 new commercial deals worth $15 billion", 70, "over"),
        ("58 commercial agreements worth $24 billion", 58, "exact"),
        ("That meeting led to the signing of 24 intergovernmental", 24, "exact"),
    ],
)
def test_document_counts_keep_how_they_were_stated(seeded_engine, fragment, count, qualifier):
    found = cited(
        seeded_engine,
        "agreements",
        "agreement_id",
        fragment,
        "document_count",
        "document_count_qualifier",
    )
    assert [tuple(row) for row in found] == [(count, qualifier)]


def test_a_count_qualifier_needs_a_count():
    record = {
        "key": "ag-test",
        "title": "Memoranda",
        "kind": "package",
        "status": "signed",
        "document_count_qualifier": "over",
        "citations": [{"source": ARTICLE_001, "quote": "more than 35 memoranda"}],
    }
    with pytest.raises(ValidationError, match="document_count_qualifier needs a document_count"):
        AgreementRecord.model_validate(record)
    assert AgreementRecord.model_validate(record | {"document_count": 35}).document_count == 35


def test_the_database_refuses_a_count_qualifier_without_a_count(seeded_engine):
    with pytest.raises(IntegrityError), seeded_engine.begin() as connection:
        connection.execute(
            text(
                "UPDATE agreements SET document_count_qualifier = 'over' "
                "WHERE document_count IS NULL"
            )
        )


# ------------------------------------------------------------------------------------ item 21


def test_the_13_mining_deals_have_a_chinese_party(seeded_engine):
    parties = rows(
        seeded_engine,
        "SELECT co.iso3 FROM agreements a JOIN citations c ON c.agreement_id = a.id "
        "JOIN agreement_parties ap ON ap.agreement_id = a.id "
        "JOIN countries co ON co.id = ap.country_id "
        "WHERE c.quote LIKE '%announced 13 new mining-related deals%'",
    )
    assert {iso3 for (iso3,) in parties} == {"UZB", "CHN"}


def test_second_to_russia_is_chinas_rank_among_kazakh_import_sources(seeded_engine):
    """000: "China represented 15.5% of Kazakhstan's total exports and 27.4% of its imports,
    coming in second to Russia": the rank follows the import share."""
    found = rows(
        seeded_engine,
        "SELECT i.metric, i.value FROM indicators i JOIN citations c ON c.indicator_id = i.id "
        "WHERE c.stated_value = 'second to Russia'",
    )
    assert [(metric, dec(value)) for metric, value in found] == [("import_partner_rank", 2)]


def test_nearly_half_of_95_billion_is_read_against_the_claims_it_fits(seeded_engine):
    """000: "$95 billion in 2024, with nearly half of that amount involving Kazakhstan". The
    note gives each Kazakhstan–China claim of 2024 its share of the $95bn; only $43.8bn and $44bn
    come near half, the $30.05bn of the same article does not."""
    ((note,),) = cited(
        seeded_engine, "indicators", "indicator_id", "with nearly half of that amount", "note"
    )
    claims = dict(
        rows(
            seeded_engine,
            "SELECT tf.key, tf.value FROM trade_flows tf "
            "JOIN countries r ON r.id = tf.reporter_country_id "
            "WHERE r.iso3 = 'KAZ' AND tf.flow = 'turnover' AND tf.measure = 'value' "
            "AND tf.value_qualifier = 'exact' AND tf.period_label = '2024'",
        )
    )
    stated = {key: int(pct) for key, pct in re.findall(r"(tf-[a-z0-9.-]+[0-9]), (\d+)%", note)}
    assert set(stated) == set(claims)  # 30.05, 43.8 and 44
    total = 95 * BN
    for key, value in claims.items():
        assert stated[key] == round(dec(value) / total * 100), key
    near_half = {dec(v) / BN for k, v in claims.items() if 40 <= stated[k] < 50}
    assert near_half == {Decimal("43.8"), 44}


def test_the_58_and_35_packages_name_each_other_as_possible_overlaps(seeded_engine):
    ((forum_key, forum_note),) = cited(
        seeded_engine, "agreements", "agreement_id", "58 commercial agreements", "key", "note"
    )
    ((council_key, council_note),) = cited(
        seeded_engine, "agreements", "agreement_id", "more than 35 memoranda", "key", "note"
    )
    assert council_key in forum_note and "overlap" in forum_note
    assert forum_key in council_note and "overlap" in council_note


# ------------------------------------------------------------------------------------ item 22


def facts_citing(engine, quote: str) -> dict[str, list[tuple]]:
    """The facts a citation covering ``quote`` of 003 is attached to, by table."""
    body = rows(engine, "SELECT body_text FROM sources WHERE key = :key", key=ARTICLE_003)[0][0]
    start = body.index(quote)
    found = {}
    for table, column, fields in (
        ("trade_flows", "trade_flow_id", "r.iso3, p.iso3, t.flow, t.value, t.value_qualifier"),
        ("indicators", "indicator_id", "r.iso3, p.iso3, t.metric, t.value, t.value_qualifier"),
    ):
        reporter = "reporter_country_id" if table == "trade_flows" else "country_id"
        found[table] = [
            (iso3, partner, kind, dec(value), qualifier)
            for iso3, partner, kind, value, qualifier in rows(
                engine,
                f"SELECT {fields} FROM {table} t JOIN citations c ON c.{column} = t.id "
                f"JOIN sources s ON s.id = c.source_id "
                f"JOIN countries r ON r.id = t.{reporter} "
                f"JOIN countries p ON p.id = t.partner_country_id "
                "WHERE s.key = :key AND c.char_start <= :start AND :end <= c.char_end",
                key=ARTICLE_003,
                start=start,
                end=start + len(quote),
            )
        ]
    return found


def test_the_minor_dip_qualifies_uzbekistan_china_trade(seeded_engine):
    facts = facts_citing(seeded_engine, "Despite a minor dip last year")
    assert ("UZB", "CHN", "turnover", Decimal("13.7") * BN, "exact") in facts["trade_flows"]


def test_turkmenistans_positive_balance_qualifies_chinas_surplus_and_its_gas(seeded_engine):
    facts = facts_citing(
        seeded_engine, "The only country to post a positive trade balance with China"
    )
    assert {(iso3, partner, metric) for iso3, partner, metric, _v, _q in facts["indicators"]} == {
        ("CHN", "XCA", "export_share_of_bilateral_trade"),
        ("TKM", "CHN", "gas_export_share"),
    }


def test_the_comparison_with_russia_cites_both_figures_it_compares(seeded_engine):
    facts = facts_citing(seeded_engine, "slightly more than Russia's total trade")
    assert set(facts["trade_flows"]) == {
        ("KAZ", "CHN", "turnover", 44 * BN, "over"),
        ("XCA", "RUS", "turnover", 44 * BN, "exact"),
    }
