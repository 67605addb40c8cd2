"""The trade workbook, read back with openpyxl and checked against SQL on the same database."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from silkledger.reports.export import write_report
from silkledger.reports.filters import ReportFilters
from sqlalchemy import text
from test_reports_data import (
    AS_OF,
    KAZ_CHN_2024_TURNOVER_BN,
    all_cells,
    build_sample,
    table_rows,
)

TRADE_SHEETS = [
    "Summary", "Trade flows", "Disagreements", "Shares and volumes", "Indicators", "Sources", "About",
]  # fmt: skip
FLOW_HEADERS = [
    "Reporter", "Partner", "Period", "Period start", "Period end", "Flow", "Measure",
    "Value (in Unit)", "Unit", "Qualifier", "Value (USD bn)", "USD rate used", "Attributed to", "Review status",
    "Key", "Source 1",
]  # fmt: skip


@pytest.fixture
def sample_engine(migrated_engine):
    build_sample(migrated_engine)
    return migrated_engine


def trade(engine, tmp_path: Path, name="trade.xlsx", **filters):
    filters.setdefault("as_of", datetime.fromisoformat(AS_OF))
    result = write_report("trade", engine, tmp_path / name, ReportFilters(**filters), "test-db")
    return result, load_workbook(result.path)


def sql_claims(engine) -> tuple[int, int]:
    with engine.connect() as connection:
        return connection.execute(
            text(
                "SELECT count(*), sum(CASE WHEN measure <> 'value' THEN 1 ELSE 0 END) "
                "FROM trade_flows WHERE review_status IN ('curated', 'accepted')"
            )
        ).one()


def kaz_2024_turnover(wb) -> list[dict]:
    return [
        row
        for row in table_rows(wb["Disagreements"], "Disagreements")
        if (row["Reporter"], row["Partner"], row["Period"], row["Flow"], row["Measure"])
        == ("Kazakhstan", "China", "2024", "turnover", "value")
    ]


def check_against_sql(engine, result, wb):
    assert wb.sheetnames == TRADE_SHEETS
    claims, shares = sql_claims(engine)
    flows = table_rows(wb["Trade flows"], "TradeFlows")
    assert [c.value for c in wb["Trade flows"][1]][: len(FLOW_HEADERS)] == FLOW_HEADERS
    assert len(flows) == claims == result.sheet_row_counts["Trade flows"]
    assert len(table_rows(wb["Shares and volumes"], "SharesAndVolumes")) == shares
    summary = {row[0]: row[1] for row in wb["Summary"].iter_rows(max_col=2, values_only=True)}
    assert summary["Trade claims"] == claims
    kaz = kaz_2024_turnover(wb)
    assert sorted({row["Figure (in Unit shown)"] for row in kaz}) == list(KAZ_CHN_2024_TURNOVER_BN)
    assert {row["Unit shown"] for row in kaz} == {"USD bn"}
    assert {row["Lowest (in Unit shown)"] for row in kaz} == {30.05}
    assert {row["Highest (in Unit shown)"] for row in kaz} == {44}
    assert kaz[0]["Spread (%)"] == pytest.approx((44 - 30.05) / 30.05 * 100)
    return flows, kaz


def test_trade_workbook_matches_sql(sample_engine, tmp_path):
    result, wb = trade(sample_engine, tmp_path)
    _flows, kaz = check_against_sql(sample_engine, result, wb)
    by_figure = {(row["Figure (in Unit shown)"], row["Qualifier"]): row for row in kaz}
    assert by_figure[(43.8, "exact")]["Attributed to"] == "Alibek Kuantyrov"
    assert by_figure[(44, "exact")]["Attributed to"] == "Kassym-Jomart Tokayev"
    assert by_figure[(44, "over")]["Stated as"] == "exceeded $44 billion"
    assert all(row["Sources stating it"] == 3 for row in kaz)
    sources = {row[0].value: row[1].value for row in wb["Sources"].iter_rows(min_row=2)}
    assert sources[by_figure[(30.05, "exact")]["Source"]] == (
        "Relations between China and Central Asia surge forward during Xi's visit"
    )
    latest = {row["ISO3"]: row for row in table_rows(wb["Summary"], "SummaryLatestTurnover")}
    assert (latest["KAZ"]["Year"], latest["KAZ"]["Lowest claim (USD bn)"]) == (2024, 30.05)
    assert latest["KAZ"]["Highest claim (USD bn)"] == 44
    assert (latest["XCA"]["Lowest claim (USD bn)"], latest["XCA"]["Highest claim (USD bn)"]) == (
        94.8,
        95,
    )
    assert latest["UZB"]["Highest claim (USD bn)"] == 13.7
    assert latest["TKM"]["Year"] is None  # only an unreviewed claim
    by_year = {row["Year"]: row for row in table_rows(wb["Summary"], "SummaryTurnoverByYear")}
    assert by_year[2023]["XCA (USD bn)"] == 90
    shares = {row["Key"]: row for row in table_rows(wb["Shares and volumes"], "SharesAndVolumes")}
    assert shares["tf-kaz-chn-2025-jan-apr-exports-share-15.5"]["Share (%)"] == 15.5
    assert shares["tf-kaz-chn-2024-cargo-tonnes-29.3m"]["Volume (tonnes)"] == 29_300_000
    assert shares["tf-kaz-chn-2024-transit-containers-211000"]["Volume (containers)"] == 211_000
    flows_ws = wb["Trade flows"]
    assert flows_ws.freeze_panes == "A2"
    assert flows_ws["D2"].is_date and flows_ws["D2"].number_format == "yyyy-mm-dd"


def test_trade_workbook_on_the_seed_dataset(seeded_engine, tmp_path):
    engine = seeded_engine
    result, wb = trade(engine, tmp_path)
    _flows, kaz = check_against_sql(engine, result, wb)
    assert {row["Attributed to"] for row in kaz} >= {"Alibek Kuantyrov", "Kassym-Jomart Tokayev"}


def claim_keys(wb) -> set[str]:
    return {row["Key"] for row in table_rows(wb["Trade flows"], "TradeFlows")}


def test_filters_narrow_the_claims(sample_engine, tmp_path):
    _r, everything = trade(sample_engine, tmp_path, "all.xlsx")
    all_keys = claim_keys(everything)
    assert "test-tkm-chn-2024-turnover-extracted" not in all_keys

    _r, uzb = trade(sample_engine, tmp_path, "uzb.xlsx", countries=("UZB",))
    assert claim_keys(uzb) == {"tf-uzb-chn-2024-turnover-13.7"}
    assert [r["ISO3"] for r in table_rows(uzb["Summary"], "SummaryLatestTurnover")] == ["UZB"]

    _r, y2025 = trade(sample_engine, tmp_path, "2025.xlsx", date_from=date(2025, 1, 1))
    assert claim_keys(y2025) == {
        "tf-kaz-chn-2025-jan-apr-turnover-8.57",
        "tf-kaz-chn-2025-jan-apr-exports-share-15.5",
    }
    assert table_rows(y2025["Disagreements"], "Disagreements") == []

    _r, y2023 = trade(sample_engine, tmp_path, "2023.xlsx", date_to=date(2023, 12, 31))
    assert claim_keys(y2023) == {"tf-xca-chn-2023-turnover-nearly-90"}

    _r, unreviewed = trade(sample_engine, tmp_path, "unrev.xlsx", include_unreviewed=True)
    assert claim_keys(unreviewed) == all_keys | {"test-tkm-chn-2024-turnover-extracted"}
    row = {r["Key"]: r for r in table_rows(unreviewed["Trade flows"], "TradeFlows")}[
        "test-tkm-chn-2024-turnover-extracted"
    ]
    assert row["Review status"] == "extracted"


def test_same_as_of_gives_the_same_cells(sample_engine, tmp_path):
    _r, wb1 = trade(sample_engine, tmp_path, "one.xlsx")
    _r, wb2 = trade(sample_engine, tmp_path, "two.xlsx")
    assert all_cells(wb1) == all_cells(wb2)
    _r, later = trade(sample_engine, tmp_path, "later.xlsx", as_of=datetime(2026, 1, 1))
    assert all_cells(later) != all_cells(wb1)  # the as-of is in the workbook


def test_summary_layout(sample_engine, tmp_path):
    _r, wb = trade(sample_engine, tmp_path)
    ws = wb["Summary"]
    cells = {row[0].value: row for row in ws.iter_rows(max_col=2) if row[0].value}
    as_of = cells["As of"][1]
    assert as_of.is_date and as_of.value == datetime.fromisoformat(AS_OF)
    assert as_of.number_format == "yyyy-mm-dd hh:mm:ss"
    merged = {str(r) for r in ws.merged_cells.ranges}
    note = next(c for c in cells if str(c).startswith("Full calendar years only"))
    row = cells[note][0].row
    assert f"A{row}:G{row}" in merged
    assert ws.column_dimensions["A"].width >= len("Figures stated by more than one source")
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    (chart,) = ws._charts
    table_end = int(ws.tables["SummaryTurnoverByYear"].ref.split(":")[1][1:])
    assert chart.anchor._from.row + 1 > table_end and chart.anchor._from.col == 0
