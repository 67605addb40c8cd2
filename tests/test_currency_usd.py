"""Issue 18: an amount in yuan keeps its currency, gets its USD value through currency_rates,
and the deals and trade workbooks name the rate used and its source (both engines)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ingest_helpers import ingest_paths, write_article
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
