"""The openpyxl internals behind one door: the import-time probe notices when they are missing or
behave differently, and the public-API fallback writes the same workbook cells."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import WorksheetWriter
from silkledger.reports import openpyxl_fast
from silkledger.reports.export import REPORT_KINDS, write_report
from silkledger.reports.filters import ReportFilters
from test_reports_data import AS_OF


def test_the_probe_passes_on_the_installed_openpyxl():
    assert openpyxl_fast.probe() is None
    assert openpyxl_fast.FAST and openpyxl_fast.PROBLEM is None


def test_the_probe_names_a_missing_internal(monkeypatch):
    monkeypatch.delattr(WriteOnlyWorksheet, "_values_to_row")
    assert "WriteOnlyWorksheet._values_to_row" in openpyxl_fast.probe()


def test_the_probe_notices_links_no_longer_written(monkeypatch):
    """An openpyxl whose write_tail no longer calls write_hyperlinks would drop every link."""
    original = WorksheetWriter.write_tail

    def write_tail_elsewhere(self):
        self.write_hyperlinks = lambda: None
        original(self)

    monkeypatch.setattr(WorksheetWriter, "write_tail", write_tail_elsewhere)
    problem = openpyxl_fast.probe()
    assert "an internal link is written" in problem
    assert "an external link is written" in problem


def test_a_changed_openpyxl_warns_at_import_and_falls_back():
    code = (
        "import warnings; warnings.simplefilter('error')\n"
        "from openpyxl.worksheet._write_only import WriteOnlyWorksheet\n"
        "del WriteOnlyWorksheet._values_to_row\n"
        "import silkledger.reports.openpyxl_fast\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 1
    assert "RuntimeWarning: silkledger: openpyxl" in run.stderr
    assert "public API" in run.stderr


def cells_and_links(path) -> dict:
    """Every cell's value, type, format, font, alignment, quote prefix and link, sheet by sheet,
    with the merged ranges and row heights: what a reader of the workbook sees."""
    workbook = load_workbook(path)
    sheets = {}
    for ws in workbook.worksheets:
        cells = [
            (
                cell.coordinate,
                cell.value,
                cell.data_type,
                cell.number_format,
                cell.font.b,
                cell.font.u,
                cell.alignment.wrap_text,
                cell.alignment.horizontal,
                cell.quotePrefix,
                cell.hyperlink and (cell.hyperlink.location, cell.hyperlink.target),
            )
            for row in ws.iter_rows()
            for cell in row
        ]
        merged = sorted(str(cells) for cells in ws.merged_cells.ranges)
        heights = {row: dim.height for row, dim in ws.row_dimensions.items() if dim.height}
        sheets[ws.title] = (cells, merged, heights)
    return sheets


@pytest.mark.parametrize("kind", REPORT_KINDS)
def test_the_public_api_fallback_writes_the_same_cells(kind, seeded_engine, tmp_path, monkeypatch):
    filters = ReportFilters(as_of=datetime.fromisoformat(AS_OF))
    fast = write_report(kind, seeded_engine, tmp_path / "fast.xlsx", filters, "seed")
    monkeypatch.setattr(openpyxl_fast, "FAST", False)
    public = write_report(kind, seeded_engine, tmp_path / "public.xlsx", filters, "seed")
    fast_cells, public_cells = cells_and_links(fast.path), cells_and_links(public.path)
    links = [cell for cells, _m, _h in fast_cells.values() for cell in cells if cell[-1]]
    assert len(links) > 10  # the seed's facts link to their sources
    assert public_cells == fast_cells
