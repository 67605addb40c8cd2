"""The Indicators sheet of both workbooks: every selected indicator with its sources."""

from __future__ import annotations

from datetime import datetime

import pytest
from openpyxl import load_workbook
from silkledger.reports.export import REPORT_KINDS, write_report
from silkledger.reports.filters import ReportFilters
from sqlalchemy import text
from test_reports_data import AS_OF, table_rows


def indicators(kind, engine, tmp_path, **filters):
    filters = ReportFilters(as_of=datetime.fromisoformat(AS_OF), **filters)
    result = write_report(kind, engine, tmp_path / f"{kind}.xlsx", filters, "seed")
    wb = load_workbook(result.path)
    return result, wb, table_rows(wb["Indicators"], "Indicators")


def sql_count(engine, where: str = "") -> int:
    with engine.connect() as connection:
        return connection.execute(
            text(
                "SELECT count(*) FROM indicators i "
                "LEFT JOIN countries c ON c.id = i.country_id "
                "LEFT JOIN countries p ON p.id = i.partner_country_id "
                f"WHERE i.review_status IN ('curated', 'accepted') {where}"
            )
        ).scalar_one()


@pytest.mark.parametrize("kind", REPORT_KINDS)
def test_every_indicator_is_listed_with_its_sources(kind, seeded_engine, tmp_path):
    result, wb, rows = indicators(kind, seeded_engine, tmp_path)
    assert len(rows) == sql_count(seeded_engine) == result.sheet_row_counts["Indicators"]
    assert wb.sheetnames.index("Indicators") == wb.sheetnames.index("Sources") - 1
    portfolios = [
        row
        for row in rows
        if (row["Country"], row["Metric"]) == ("Kazakhstan", "investment portfolio")
    ]
    assert sorted(row["Value (USD bn)"] for row in portfolios) == [66.4, 66.5]
    refs = {row[0].value for row in wb["Sources"].iter_rows(min_row=2)}
    assert all(row["Source 1"] in refs for row in rows)  # every one cites a listed source
    assert all(row["Target or achieved"] in ("target", "achieved") for row in rows)
    assert {row["Target or achieved"] for row in rows} == {"target", "achieved"}


def test_a_country_filter_narrows_the_indicators(seeded_engine, tmp_path):
    _result, _wb, rows = indicators("trade", seeded_engine, tmp_path, countries=("UZB",))
    assert len(rows) == sql_count(seeded_engine, "AND 'UZB' IN (c.iso3, p.iso3)") > 0
    assert all("Uzbekistan" in (row["Country"], row["Partner"]) for row in rows)
