"""Issue 18: an amount in yuan keeps its currency, gets its USD value through currency_rates,
and the deals and trade workbooks name the rate used and its source (both engines)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ingest_helpers import fact_at, ingest_paths, write_article
from openpyxl import load_workbook
from silkledger.reports.export import write_report
from silkledger.reports.filters import ReportFilters
from sqlalchemy import text

ARTICLE = (
    "Kazakhstan and China sign yuan loan for a railway\n"
    "ASTANA, 13 June 2025 – The two governments signed a loan agreement worth 15 billion yuan on "
    "12 June 2025 to build a railway to the border.\n"
    "Trade between Kazakhstan and China reached 180 billion yuan in 2024, the customs said.\n"
)


def _rate(connection, currency: str, day: date) -> tuple[Decimal, str]:
    row = connection.execute(
        text(
            "SELECT usd_per_unit, source_note FROM currency_rates "
            "WHERE currency = :c AND valid_from <= :d AND valid_to >= :d"
        ),
        {"c": currency, "d": day},
    ).one()
    return Decimal(str(row.usd_per_unit)), row.source_note


def _rows(path, sheet: str) -> list[dict]:
    rows = list(load_workbook(path)[sheet].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=False)) for row in rows[1:]]


def test_a_yuan_amount_shows_its_usd_value_and_its_rate_in_both_workbooks(seeded_engine, tmp_path):
    report = ingest_paths(seeded_engine, [write_article(tmp_path, "yuan.txt", ARTICLE)])
    assert [o.status for o in report.outcomes] == ["loaded"]
    with seeded_engine.connect() as connection:
        loan_rate, loan_source = _rate(connection, "CNY", date(2025, 6, 12))
        trade_rate, trade_source = _rate(connection, "CNY", date(2024, 7, 1))
        stored = connection.execute(
            text("SELECT value_amount, value_usd FROM agreements WHERE value_currency = 'CNY'")
        ).one()
    assert Decimal(str(stored.value_amount)) == 15 * 10**9
    assert abs(Decimal(str(stored.value_usd)) - 15 * 10**9 * loan_rate) < 1000

    filters = ReportFilters(include_unreviewed=True)
    deals = write_report("deals", seeded_engine, tmp_path / "deals.xlsx", filters, "test-db")
    (loan,) = [r for r in _rows(deals.path, "Agreements") if r["Stated currency"] == "CNY"]
    assert loan["Stated amount (mn)"] == 15000
    assert abs(loan["Value (USD mn)"] - float(15000 * loan_rate)) < 0.01
    assert loan_source in loan["USD rate used"] and "1 CNY = " in loan["USD rate used"]

    trade = write_report("trade", seeded_engine, tmp_path / "trade.xlsx", filters, "test-db")
    (flow,) = [r for r in _rows(trade.path, "Trade flows") if r["Unit"] == "CNY"]
    assert abs(flow["Value (USD bn)"] - float(180 * trade_rate)) < 0.001
    assert trade_source in flow["USD rate used"]


def test_a_dollar_amount_names_no_rate(seeded_engine, tmp_path):
    filters = ReportFilters()
    deals = write_report("deals", seeded_engine, tmp_path / "deals.xlsx", filters, "test-db")
    rows = _rows(deals.path, "Agreements")
    assert rows and all(r["USD rate used"] is None for r in rows if r["Stated currency"] == "USD")


def _views(connection) -> tuple:
    deal = connection.execute(
        text(
            "SELECT value_usd, currency_rate_id, usd_rate, usd_rate_source FROM deals_all "
            "WHERE value_currency = 'CNY'"
        )
    ).one()
    claim = connection.execute(
        text(
            "SELECT value_usd, currency_rate_id, usd_rate, usd_rate_source "
            "FROM trade_flow_claims_all WHERE unit = 'CNY'"
        )
    ).one()
    return deal, claim


def test_the_views_name_the_stored_rate(seeded_engine, tmp_path):
    ingest_paths(seeded_engine, [write_article(tmp_path, "yuan.txt", ARTICLE)])
    with seeded_engine.connect() as connection:
        loan_rate, loan_source = _rate(connection, "CNY", date(2025, 6, 12))
        trade_rate, trade_source = _rate(connection, "CNY", date(2024, 7, 1))
        deal, claim = _views(connection)
        (stored,) = connection.execute(
            text(
                "SELECT r.valid_from FROM agreements a JOIN currency_rates r "
                "ON r.id = a.currency_rate_id WHERE a.value_currency = 'CNY'"
            )
        ).one()
    assert (Decimal(str(deal.usd_rate)), deal.usd_rate_source) == (loan_rate, loan_source)
    assert abs(Decimal(str(deal.value_usd)) - 15 * 10**9 * loan_rate) < 1000
    assert str(stored)[:4] == "2025"  # the signing year's rate, not 2024's
    assert (Decimal(str(claim.usd_rate)), claim.usd_rate_source) == (trade_rate, trade_source)
    assert deal.currency_rate_id != claim.currency_rate_id
    with seeded_engine.connect() as connection:
        dollars = connection.execute(
            text("SELECT count(*) FROM deals WHERE value_currency = 'USD' AND usd_rate IS NULL")
        ).scalar_one()
        curated = connection.execute(
            text("SELECT count(*) FROM deals WHERE value_currency = 'USD'")
        ).scalar_one()
    assert curated > 0 and dollars == curated


LOAN = "The two governments agreed a loan worth 15 billion yuan to build a railway."
UNDATED = f"---\ntitle: Yuan loan for a Kazakh railway\npublished: 2025-06-13\n---\n{LOAN}\n"


def undated_loan(body: str):
    """The extractor's reading of LOAN, without a signing date (the loader's part is tested)."""
    fields = {"title": "Railway loan", "kind": "loan", "status": "signed"}
    fields |= {"value": Decimal(15 * 10**9), "currency": "CNY", "qualifier": "exact"}
    return [fact_at(body, LOAN, "agreement", fields)]


def test_an_agreement_without_a_date_takes_its_articles_year(seeded_engine, tmp_path):
    path = write_article(tmp_path, "undated.md", UNDATED)
    report = ingest_paths(seeded_engine, [path], extract=undated_loan)
    assert [o.status for o in report.outcomes] == ["loaded"]
    with seeded_engine.connect() as connection:
        rate, source = _rate(connection, "CNY", date(2025, 7, 1))
        deal = connection.execute(
            text(
                "SELECT signed_date, value_usd, usd_rate_source FROM deals_all "
                "WHERE value_currency = 'CNY'"
            )
        ).one()
    assert deal.signed_date is None
    assert abs(Decimal(str(deal.value_usd)) - 15 * 10**9 * rate) < 1000
    assert deal.usd_rate_source == source
    filters = ReportFilters(include_unreviewed=True)
    deals = write_report("deals", seeded_engine, tmp_path / "deals.xlsx", filters, "test-db")
    (loan,) = [r for r in _rows(deals.path, "Agreements") if r["Stated currency"] == "CNY"]
    assert source in loan["USD rate used"] and "2025-01-01..2025-12-31" in loan["USD rate used"]
