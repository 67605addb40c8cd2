"""The deals workbook, read back with openpyxl and checked against SQL on the same database."""

from __future__ import annotations

import stat
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from silkledger.reports.deals import COMPONENTS_LABEL, LOWER_BOUND_LABEL
from silkledger.reports.export import REPORT_KINDS, ReportResult, write_report
from silkledger.reports.filters import ReportFilters
from sqlalchemy import text
from test_reports_data import (
    AS_OF,
    INJECTION_TITLES,
    all_cells,
    build_sample,
    table_rows,
)

DEALS_SHEETS = ["Summary", "Agreements", "Projects", "Indicators", "Sources", "About"]
AGREEMENT_HEADERS = [
    "Date", "Date precision", "Title", "Kind", "Status", "Documents", "Documents qualifier", "Part of", "Parties",
    "Countries",
    "Sectors", "Stated amount (mn)", "Stated currency", "Qualifier", "Value (USD mn)", "USD rate used", "Event",
    "Review status", "Key",
]  # fmt: skip


@pytest.fixture
def sample_engine(migrated_engine):
    build_sample(migrated_engine)
    return migrated_engine


def deals(engine, tmp_path: Path, name="deals.xlsx", **filters) -> tuple[ReportResult, object]:
    filters.setdefault("as_of", datetime.fromisoformat(AS_OF))
    result = write_report("deals", engine, tmp_path / name, ReportFilters(**filters), "test-db")
    return result, load_workbook(result.path)


def sql_totals(engine, statuses=("curated", "accepted")) -> dict:
    """The workbook's figures computed independently in SQL. Totals count top-level agreements
    only: a component of a package (part_of_agreement_id set) is already in its package."""
    listed = ", ".join(f"'{s}'" for s in statuses)
    with engine.connect() as connection:
        agreements, documents, usd = connection.execute(
            text(
                "SELECT count(*), sum(coalesce(document_count, 1)), sum(value_usd) "
                f"FROM agreements WHERE review_status IN ({listed}) "
                "AND part_of_agreement_id IS NULL"
            )
        ).one()
        listed_rows, components = connection.execute(
            text(
                "SELECT count(*), count(part_of_agreement_id) "
                f"FROM agreements WHERE review_status IN ({listed})"
            )
        ).one()
        by_country = dict(
            connection.execute(
                text(
                    "SELECT c.iso3, sum(a.value_usd) FROM agreements a JOIN countries c ON "
                    "c.id IN (SELECT p.country_id FROM agreement_parties p "
                    "         WHERE p.agreement_id = a.id AND p.country_id IS NOT NULL "
                    "         UNION SELECT o.country_id FROM agreement_parties p "
                    "         JOIN organizations o ON o.id = p.organization_id "
                    "         WHERE p.agreement_id = a.id "
                    "         UNION SELECT pe.country_id FROM agreement_parties p "
                    "         JOIN people pe ON pe.id = p.person_id WHERE p.agreement_id = a.id) "
                    f"WHERE a.review_status IN ({listed}) AND a.part_of_agreement_id IS NULL "
                    "AND (c.region = 'Central Asia' OR c.iso3 = 'XCA') GROUP BY c.iso3"
                )
            ).all()
        )
        projects = connection.execute(
            text(f"SELECT count(*) FROM projects WHERE review_status IN ({listed})")
        ).scalar_one()
    return {
        "agreements": agreements,
        "documents": int(documents or 0),
        "usd_bn": float(usd or 0) / 1e9,
        "listed": listed_rows,
        "components": components,
        "by_country_bn": {k: float(v) / 1e9 for k, v in by_country.items() if v is not None},
        "projects": projects,
    }


def headline(ws) -> dict:
    return {row[0]: row[1] for row in ws.iter_rows(max_col=2, values_only=True) if row[0]}


def check_against_sql(engine, result, wb):
    assert wb.sheetnames == DEALS_SHEETS
    expected = sql_totals(engine)
    summary = wb["Summary"]
    figures = headline(summary)
    assert figures["Agreements"] == expected["agreements"]
    assert figures["Documents"] == expected["documents"]
    assert figures["Stated value, USD bn"] == pytest.approx(expected["usd_bn"])
    assert figures["Projects"] == expected["projects"]
    assert figures[COMPONENTS_LABEL] == expected["components"]
    by_country = {row["ISO3"]: row for row in table_rows(summary, "SummaryByCountry")}
    for iso3, value in expected["by_country_bn"].items():
        assert by_country[iso3]["Value (USD bn)"] == pytest.approx(value), iso3
    agreements = wb["Agreements"]
    headers = [cell.value for cell in agreements[1]]
    assert headers[: len(AGREEMENT_HEADERS)] == AGREEMENT_HEADERS
    assert headers[len(AGREEMENT_HEADERS)] == "Source 1"
    rows = table_rows(agreements, "Agreements")
    assert len(rows) == expected["listed"] == result.sheet_row_counts["Agreements"]
    top = [row for row in rows if row["Part of"] is None]
    assert len(top) == expected["agreements"]
    assert sum(row["Documents"] or 1 for row in top) == expected["documents"]
    assert len(table_rows(wb["Projects"], "Projects")) == expected["projects"]
    return rows


def test_report_kinds_are_the_public_names():
    assert REPORT_KINDS == ("deals", "trade")


def test_deals_workbook_matches_sql(sample_engine, tmp_path):
    result, wb = deals(sample_engine, tmp_path)
    rows = check_against_sql(sample_engine, result, wb)
    by_key = {row["Key"]: row for row in rows}
    forum = by_key["ag-2025-06-astana-forum-58-commercial"]
    assert forum["Documents"] == 58
    assert forum["Value (USD mn)"] == 24000
    assert forum["Stated currency"] == "USD"
    assert forum["Event"] == "Second China–Central Asia Summit"
    assert forum["Sectors"] == "Energy; Industry"
    loan = by_key["test-kgz-cny-loan"]
    assert (loan["Stated amount (mn)"], loan["Stated currency"], loan["Qualifier"]) == (
        3500,
        "CNY",
        "about",
    )
    assert loan["Value (USD mn)"] == 490
    assert loan["Countries"] == "China; Kyrgyzstan"  # China through its bank
    assert loan["Parties"] == "China Development Bank (lender); Kyrgyzstan (borrower)"
    by_country = {r["ISO3"]: r for r in table_rows(wb["Summary"], "SummaryByCountry")}
    assert by_country["KAZ"]["Agreements"] == 2
    assert by_country["KAZ"]["Documents"] == 82  # 58 + 24
    assert by_country["KGZ"]["Value (USD bn)"] == pytest.approx(0.49)
    assert by_country["TKM"]["Agreements"] == 0  # only an unreviewed loan
    npp = {r["Key"]: r for r in table_rows(wb["Projects"], "Projects")}["prj-kaz-second-npp"]
    assert npp["Organisations"] == "China National Nuclear Corporation (contractor)"
    assert npp["Countries"] == "Kazakhstan (host)"
    assert npp["Start year"] == 2025


def test_deals_workbook_on_the_seed_dataset(seeded_engine, tmp_path):
    engine = seeded_engine
    result, wb = deals(engine, tmp_path)
    rows = check_against_sql(engine, result, wb)
    forum = {row["Key"]: row for row in rows}["ag-2025-06-astana-forum-58-commercial"]
    assert forum["Documents"] == 58
    assert forum["Value (USD mn)"] == 24000


def test_dates_formats_links_and_layout(sample_engine, tmp_path):
    _result, wb = deals(sample_engine, tmp_path)
    ws = wb["Agreements"]
    assert ws.freeze_panes == "A2"
    assert ws.tables["Agreements"].autoFilter.ref == ws.tables["Agreements"].ref
    assert ws.column_dimensions["C"].width == 48  # Title
    headers = [cell.value for cell in ws[1]]
    col = {header: index for index, header in enumerate(headers)}
    formats = {}
    for row in ws.iter_rows(min_row=2):
        key = row[col["Key"]].value
        formats[key] = row
    forum = formats["ag-2025-06-astana-forum-58-commercial"]
    assert forum[col["Date"]].value == datetime(2025, 6, 1)
    assert forum[col["Date"]].is_date
    assert forum[col["Date"]].number_format == "mmm yyyy"
    assert forum[col["Date precision"]].value == "month"
    visit = formats["ag-2025-06-16-kaz-chn-24-agreements"]
    assert visit[col["Date"]].number_format == "yyyy-mm-dd"
    assert formats["ag-2023-xian-declaration"][col["Date"]].number_format == "yyyy"
    assert forum[col["Value (USD mn)"]].number_format == "#,##0.0##"
    assert forum[col["Title"]].alignment.wrap_text
    # each source is a link to its row in Sources, whose Ref is the link's text
    sources = {row[0].value: row[0].row for row in wb["Sources"].iter_rows(min_row=2)}
    for link_col in ("Source 1", "Source 2"):
        cell = visit[col[link_col]]
        assert cell.hyperlink.location == f"'Sources'!A{sources[cell.value]}"
    titles = {row[1].value for row in wb["Sources"].iter_rows(min_row=2)}
    assert "China and Central Asia organized the second bilateral Summit" in titles
    assert wb.properties.title and wb.properties.creator == "silkledger"
    assert wb.properties.created == datetime(2025, 7, 1, 9, 0)
    about = [row for row in wb["About"].iter_rows(values_only=True)]
    assert ("Made at (as of)", AS_OF) in [row[:2] for row in about]
    dictionary = table_rows(wb["About"], "AboutColumns")
    title = next(r for r in dictionary if (r["Sheet"], r["Column"]) == ("Agreements", "Title"))
    from silkledger.models import metadata

    assert title["Meaning"] == metadata.tables["agreements"].c["title"].comment
    with zipfile.ZipFile(_result.path) as archive:
        charts = [name for name in archive.namelist() if name.startswith("xl/charts/chart")]
    assert len(charts) >= 2


def test_formula_injection_stays_text(sample_engine, tmp_path):
    result, wb = deals(sample_engine, tmp_path)
    titles = {}
    for row in wb["Agreements"].iter_rows(min_row=2):
        titles[row[2].value] = row[2]
    for literal in INJECTION_TITLES:
        cell = titles[literal]
        assert cell.data_type == "s", literal
        assert cell.value == literal
        assert cell.quotePrefix
    evil = next(
        row[1] for row in wb["Sources"].iter_rows(min_row=2) if row[9].value == "test-evil-title"
    )
    assert evil.data_type == "s"
    assert evil.value == '=HYPERLINK("http://example.com","source")'
    # no formula anywhere in the file
    with zipfile.ZipFile(result.path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert b"<f>" not in archive.read(name), name


def keys(wb) -> set[str]:
    return {row["Key"] for row in table_rows(wb["Agreements"], "Agreements")}


def test_filters_narrow_the_rows(sample_engine, tmp_path):
    _r, everything = deals(sample_engine, tmp_path, "all.xlsx")
    all_keys = keys(everything)
    assert "test-extracted-loan" not in all_keys and "test-rejected" not in all_keys

    _r, kgz = deals(sample_engine, tmp_path, "kgz.xlsx", countries=("KGZ",))
    assert keys(kgz) == {"test-kgz-cny-loan"}
    assert {r["Key"] for r in table_rows(kgz["Projects"], "Projects")} == {"prj-cku-railway"}

    _r, y2025 = deals(
        sample_engine, tmp_path, "2025.xlsx", date_from=date(2025, 1, 1), date_to=date(2025, 12, 31)
    )
    assert keys(y2025) == {
        "ag-2025-06-astana-forum-58-commercial",
        "ag-2025-06-16-kaz-chn-24-agreements",
    }
    assert {r["Key"] for r in table_rows(y2025["Projects"], "Projects")} == {"prj-kaz-second-npp"}

    _r, upto_2023 = deals(sample_engine, tmp_path, "old.xlsx", date_to=date(2023, 12, 31))
    assert keys(upto_2023) == {"ag-2023-xian-declaration"} | {
        f"test-injection-{i}" for i in range(4)
    }

    _r, unreviewed = deals(sample_engine, tmp_path, "unrev.xlsx", include_unreviewed=True)
    assert keys(unreviewed) == all_keys | {"test-extracted-loan"}
    tkm = {r["ISO3"]: r for r in table_rows(unreviewed["Summary"], "SummaryByCountry")}["TKM"]
    assert tkm["Value (USD bn)"] == pytest.approx(0.1)
    assert headline(unreviewed["Summary"])["Agreements"] == len(all_keys) + 1


def test_same_as_of_gives_the_same_cells(sample_engine, tmp_path):
    first, wb1 = deals(sample_engine, tmp_path, "one.xlsx")
    second, wb2 = deals(sample_engine, tmp_path, "two.xlsx")
    assert all_cells(wb1) == all_cells(wb2)
    assert first.sheet_row_counts == second.sheet_row_counts
    assert first.size_bytes == Path(first.path).stat().st_size


def test_a_failed_export_leaves_the_old_file_alone(sample_engine, tmp_path):
    from silkledger.errors import SilkledgerError

    folder = tmp_path / "reports"
    folder.mkdir()
    target = folder / "deals.xlsx"
    target.write_bytes(b"previous workbook")
    with pytest.raises(SilkledgerError, match="unknown country code XXX"):
        write_report(
            "deals",
            sample_engine,
            target,
            ReportFilters(countries=("XXX",)),
            "test-db",
        )
    assert target.read_bytes() == b"previous workbook"
    assert sorted(p.name for p in folder.iterdir()) == ["deals.xlsx"]  # no temp file left


def test_an_empty_selection_is_a_report_with_a_warning(sample_engine, tmp_path):
    result, wb = deals(sample_engine, tmp_path, countries=("RUS",))
    assert result.warnings == [
        "nothing to report: no agreements or projects match the selection (countries: RUS; "
        "from any date to any date; review statuses: curated, accepted)"
    ]
    assert result.sheet_row_counts == {
        "Agreements": 0,
        "Projects": 0,
        "Indicators": 0,
        "Sources": 0,
    }
    assert wb.sheetnames == DEALS_SHEETS
    full, _wb = deals(sample_engine, tmp_path, name="all.xlsx")
    assert full.warnings == []


def test_unknown_country_is_a_clear_error(sample_engine, tmp_path):
    from silkledger.errors import SilkledgerError

    with pytest.raises(SilkledgerError, match="unknown country code XXX"):
        write_report(
            "deals", sample_engine, tmp_path / "x.xlsx", ReportFilters(countries=("XXX",)), "db"
        )


def test_value_of_a_decimal_is_not_rounded_to_text(sample_engine, tmp_path):
    _r, wb = deals(sample_engine, tmp_path)
    value = headline(wb["Summary"])["Stated value, USD bn"]
    assert isinstance(value, float)
    assert Decimal(str(value)) == Decimal("24.49")


# --------------------------------------------------------------------------- packages


def test_a_package_component_is_listed_but_not_added(migrated_engine, tmp_path):
    """Test-built: a $1.5bn package with a $1bn component counts $1.5bn, not $2.5bn."""
    from silkledger.models import Agreement, AgreementParty, Country
    from sqlalchemy.orm import Session

    with Session(migrated_engine) as session, session.begin():
        kaz = Country(iso3="KAZ", name="Kazakhstan", region="Central Asia", is_aggregate=False)
        chn = Country(iso3="CHN", name="China", region="Eastern Asia", is_aggregate=False)
        session.add_all([kaz, chn])
        session.flush()

        def agreement(key, title, usd, **extra):
            row = Agreement(
                key=key,
                title=title,
                status="signed",
                review_status="curated",
                loaded_by="seed",
                value_amount=Decimal(usd),
                value_currency="USD",
                value_usd=Decimal(usd),
                signed_date=date(2025, 9, 1),
                signed_date_precision="month",
                **extra,
            )
            session.add(row)
            session.flush()
            for country in (kaz, chn):
                session.add(
                    AgreementParty(agreement_id=row.id, role="party", country_id=country.id)
                )
            return row

        package = agreement("test-package", "Oil and gas package", "1500000000", kind="package")
        agreement(
            "test-component",
            "Gas chemical complex",
            "1000000000",
            kind="investment",
            part_of_agreement_id=package.id,
        )

    result, wb = deals(migrated_engine, tmp_path)
    figures = headline(wb["Summary"])
    assert figures["Stated value, USD bn"] == pytest.approx(1.5)
    assert figures["Agreements"] == 1
    assert figures["Agreements with a USD value"] == 1
    assert figures[COMPONENTS_LABEL] == 1
    for table in ("SummaryByCountry", "SummaryBySector", "SummaryByYear", "SummaryByKind"):
        rows = table_rows(wb["Summary"], table)
        assert sum(row["Agreements"] for row in rows if row.get("ISO3") != "CHN") == 1, table
        values = [row["Value (USD bn)"] for row in rows if row["Value (USD bn)"]]
        assert values == [pytest.approx(1.5)], table  # KAZ alone: CHN is not Central Asian
    rows = {row["Key"]: row for row in table_rows(wb["Agreements"], "Agreements")}
    assert result.sheet_row_counts["Agreements"] == 2  # every row is listed
    assert rows["test-component"]["Part of"] == "Oil and gas package"
    assert rows["test-package"]["Part of"] is None
    about = [row[1] for row in wb["About"].iter_rows(values_only=True) if row[1]]
    assert any("top-level agreements only" in str(line) for line in about)


def test_seed_headline_counts_top_level_agreements(seeded_engine, tmp_path):
    engine = seeded_engine
    _result, wb = deals(engine, tmp_path)
    with engine.connect() as connection:
        top_usd, all_usd, components = connection.execute(
            text(
                "SELECT sum(CASE WHEN part_of_agreement_id IS NULL THEN value_usd END), "
                "sum(value_usd), count(part_of_agreement_id) FROM agreements "
                "WHERE review_status IN ('curated', 'accepted')"
            )
        ).one()
        package_title = connection.execute(
            text(
                "SELECT title FROM agreements WHERE key = 'ag-2025-09-kaz-oil-gas-investments-1.5bn'"
            )
        ).scalar_one()
    figures = headline(wb["Summary"])
    assert figures["Stated value, USD bn"] == pytest.approx(float(top_usd) / 1e9)
    assert components > 0 and float(all_usd) > float(top_usd)  # the seed has components
    assert figures[COMPONENTS_LABEL] == components
    rows = {row["Key"]: row for row in table_rows(wb["Agreements"], "Agreements")}
    for key in (
        "ag-2025-09-cnpc-aktobe-gas-chemical-complex",
        "ag-2025-09-cdb-atyrau-pipelines-financing",
    ):
        assert rows[key]["Part of"] == package_title


# --------------------------------------------------------------------------- summary layout


def test_summary_reads_as_paragraphs_and_prints_landscape(sample_engine, tmp_path):
    from openpyxl.utils import column_index_from_string

    _result, wb = deals(sample_engine, tmp_path, as_of=datetime.fromisoformat(AS_OF + "+02:00"))
    ws = wb["Summary"]
    cells = {row[0].value: row for row in ws.iter_rows(max_col=2) if row[0].value}
    as_of = cells["As of"][1]
    assert as_of.is_date and as_of.value == datetime(2025, 7, 1, 9, 0)
    assert as_of.number_format == 'yyyy-mm-dd hh:mm:ss "UTC+02:00"'
    merged = {str(r) for r in ws.merged_cells.ranges}
    selection_row = cells["Selection"][1].row
    assert f"B{selection_row}:F{selection_row}" in merged
    note = next(c for c in cells if str(c).startswith("An agreement counts under every country"))
    note_row = cells[note][0].row
    assert f"A{note_row}:F{note_row}" in merged
    assert ws.row_dimensions[note_row].height >= 30  # two lines at least
    assert cells[note][0].alignment.wrap_text
    labels = [label for label, row in cells.items() if row[1].value is not None]
    assert ws.column_dimensions["A"].width >= max(len(str(label)) for label in labels)
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    last_table_row = max(
        int(table.ref.split(":")[1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        for table in ws.tables.values()
    )
    anchors = sorted(chart.anchor._from.row + 1 for chart in ws._charts)
    assert len(anchors) == 2
    assert anchors[0] > last_table_row  # under the tables, not over them
    assert anchors[1] - anchors[0] >= 12  # one below the other
    assert all(chart.anchor._from.col == column_index_from_string("A") - 1 for chart in ws._charts)


# --------------------------------------------------------------------------- safe text


def _formula_free(path) -> None:
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert b"<f>" not in archive.read(name), name


def test_a_control_character_does_not_unmask_a_formula(sample_engine, tmp_path):
    """ "\\x01=1+1" loses its control character on the way into the cell; what is left is
    still text, never the formula =1+1."""
    with sample_engine.begin() as connection:
        connection.execute(
            text("UPDATE agreements SET title = :title WHERE key = 'ag-2023-xian-declaration'"),
            {"title": "\x01=1+1"},
        )
        connection.execute(
            text("UPDATE sources SET title = :title WHERE key = '003_f6314906d5230dff'"),
            {"title": "\x02\x03+SUM(1,2)"},
        )
    result, wb = deals(sample_engine, tmp_path)
    key = AGREEMENT_HEADERS.index("Key")
    cell = next(
        row[2]
        for row in wb["Agreements"].iter_rows(min_row=2)
        if row[key].value == "ag-2023-xian-declaration"
    )
    assert cell.value == "=1+1"
    assert cell.data_type == "s"
    assert cell.quotePrefix
    source = next(
        row[1]
        for row in wb["Sources"].iter_rows(min_row=2)
        if row[9].value == "003_f6314906d5230dff"
    )
    assert (source.value, source.data_type) == ("+SUM(1,2)", "s")
    _formula_free(result.path)


def test_headings_labels_and_headers_are_safe_text(tmp_path):
    from silkledger.reports.workbook import (
        AtomicTarget,
        Column,
        WorkbookBuilder,
        clean_text,
        is_risky,
    )

    assert clean_text("\x01=1+1") == "=1+1" and is_risky(clean_text("\x01=1+1"))
    builder = WorkbookBuilder("test", datetime(2025, 7, 1, 9, 0))
    sheet = builder.sheet("Sheet", [20, 20])
    sheet.heading("\x01=1+1", big=True)
    sheet.heading("Plain heading")
    sheet.field("\x01@label", "\x03-3")
    sheet.field("+label", 5)
    sheet.field("Plain label", "plain")
    sheet.table("T", [Column("\x01=header"), Column("-wrap", "wrap")], [("\x01=2+2", "\x01-x")])
    target = AtomicTarget(tmp_path / "safe.xlsx")
    size, digest = target.commit(builder.wb)
    import hashlib

    data = (tmp_path / "safe.xlsx").read_bytes()
    assert (size, digest) == (len(data), hashlib.sha256(data).hexdigest())
    _formula_free(tmp_path / "safe.xlsx")
    ws = load_workbook(tmp_path / "safe.xlsx")["Sheet"]
    cells = {cell.value: cell for row in ws.iter_rows() for cell in row if cell.value is not None}
    for value in ("=1+1", "@label", "-3", "+label", "=header", "-wrap", "=2+2", "-x"):
        assert cells[value].data_type == "s", value
        assert cells[value].quotePrefix, value
    assert cells["=1+1"].font.bold  # the quoted heading keeps its style
    assert not cells["Plain heading"].quotePrefix  # and the reused heading cell stays plain
    assert not cells["Plain label"].quotePrefix
    assert cells[5].data_type == "n"


# --------------------------------------------------------------------------- date precision


def test_a_date_counts_for_the_whole_span_it_states(migrated_engine, tmp_path):
    """A year- or month-precision date is a span; it counts when the span overlaps the period,
    on --from as on --to (SQLite and PostgreSQL alike)."""
    from silkledger.models import Agreement, Country
    from silkledger.reports.filters import make_filters
    from sqlalchemy.orm import Session

    with Session(migrated_engine) as session, session.begin():
        session.add(
            Country(iso3="KAZ", name="Kazakhstan", region="Central Asia", is_aggregate=False)
        )
        for key, signed, precision in [
            ("year-2024", date(2024, 1, 1), "year"),
            ("month-2024-05", date(2024, 5, 1), "month"),
            ("day-2024-06-15", date(2024, 6, 15), "day"),
            ("unstated-2024-06-01", date(2024, 6, 1), None),
            ("year-2023", date(2023, 1, 1), "year"),
            ("undated", None, None),
        ]:
            session.add(
                Agreement(
                    key=key,
                    title=key,
                    kind="memorandum",
                    status="signed",
                    review_status="curated",
                    loaded_by="seed",
                    signed_date=signed,
                    signed_date_precision=precision,
                )
            )

    def selected(name, date_from=None, date_to=None):
        filters = make_filters((), date_from, date_to, as_of=AS_OF)
        return keys(deals(migrated_engine, tmp_path, f"{name}.xlsx", **vars(filters))[1])

    assert selected("from", "2024-06-01") == {
        "year-2024",
        "day-2024-06-15",
        "unstated-2024-06-01",
    }
    assert selected("to", None, "2024-03-31") == {"year-2024", "year-2023"}
    assert selected("may31", "2024-05-31", "2024-05-31") == {"year-2024", "month-2024-05"}
    assert selected("june", "2024-06-01", "2024-06-30") == {
        "year-2024",
        "day-2024-06-15",
        "unstated-2024-06-01",
    }
    assert selected("y2024", "2024", "2024") == {
        "year-2024",
        "month-2024-05",
        "day-2024-06-15",
        "unstated-2024-06-01",
    }
    assert selected("all") == {
        "year-2024",
        "month-2024-05",
        "day-2024-06-15",
        "unstated-2024-06-01",
        "year-2023",
        "undated",
    }
    _r, wb = deals(migrated_engine, tmp_path, "about.xlsx")
    about = {row[0]: row[1] for row in wb["About"].iter_rows(max_col=2, values_only=True)}
    assert "as precisely as it is stated" in about["Dates compared"]


def test_document_counts_stated_as_lower_bounds_are_shown(seeded_engine, tmp_path):
    """Article 000 says "more than 35 memoranda": the Agreements sheet shows the qualifier
    beside 35, and the headline says how many of the counts it adds are lower bounds."""
    _result, wb = deals(seeded_engine, tmp_path)
    rows = table_rows(wb["Agreements"], "Agreements")
    qualified = {row["Documents"]: row["Documents qualifier"] for row in rows if row["Documents"]}
    assert qualified[35] == "over"
    assert qualified[58] == "exact"
    with seeded_engine.connect() as connection:
        lower_bounds = connection.execute(
            text(
                "SELECT count(*) FROM agreements WHERE document_count_qualifier IN "
                "('over', 'at_least') AND part_of_agreement_id IS NULL "
                "AND review_status IN ('curated', 'accepted')"
            )
        ).scalar_one()
    figures = headline(wb["Summary"])
    assert lower_bounds >= 1
    assert figures[LOWER_BOUND_LABEL] == lower_bounds


def test_replacing_a_workbook_keeps_its_file_mode(sample_engine, tmp_path):
    out = tmp_path / "deals.xlsx"
    out.write_bytes(b"an older export")
    out.chmod(0o640)
    result, _wb = deals(sample_engine, tmp_path)
    assert result.path == out and out.read_bytes()[:2] == b"PK"
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
