"""What a person sees: the seed workbooks rendered through LibreOffice (xlsx -> PDF -> PNG) and
read back, and the sheet settings that make every data sheet readable and printable."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest
from openpyxl import load_workbook
from silkledger.reports.export import write_report
from silkledger.reports.filters import ReportFilters
from silkledger.reports.workbook import LINE_HEIGHT, SERIES_COLOURS, text_width
from test_reports_data import AS_OF

# Under CI (.ci/run installs them) a missing renderer fails the tests instead of skipping them.
needs_libreoffice = pytest.mark.skipif(
    (shutil.which("soffice") is None or shutil.which("pdftoppm") is None)
    and os.environ.get("CI") != "true",
    reason="LibreOffice (soffice) and poppler (pdftoppm) are needed to render workbooks: "
    "apt-get install libreoffice-calc-nogui poppler-utils",
)
DPI = 150
# A legend swatch is about 15 x 15 pixels at 150 dpi; the smallest bar of the seed's chart
# (Uzbekistan, $13.7bn on an axis to 100) is over 1,000. A series drawn as a line without
# markers and with a single point leaves only its swatch.
DRAWN = 600
DATA_SHEETS = {
    "deals": ["Agreements", "Projects", "Indicators", "Sources"],
    "trade": ["Trade flows", "Disagreements", "Shares and volumes", "Indicators", "Sources"],
}


def seed_workbook(kind: str, engine, tmp_path: Path) -> Path:
    filters = ReportFilters(as_of=datetime.fromisoformat(AS_OF))
    return write_report(kind, engine, tmp_path / f"{kind}.xlsx", filters, "seed").path


def render(xlsx: Path, folder: Path) -> tuple[list[str], list[np.ndarray]]:
    """The text and the pixels (height x width x RGB) of each printed page of ``xlsx``."""
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{folder}/lo-profile",
         "--convert-to", "pdf", "--outdir", str(folder), str(xlsx)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = folder / f"{xlsx.stem}.pdf"
    subprocess.run(["pdftoppm", "-r", str(DPI), str(pdf), str(folder / "page")], check=True)
    pages = sorted(folder.glob("page-*.ppm"))
    texts = [
        subprocess.run(
            ["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
            check=True, capture_output=True, text=True,
        ).stdout
        for n in range(1, len(pages) + 1)
    ]  # fmt: skip
    return texts, [read_ppm(page) for page in pages]


def read_ppm(path: Path) -> np.ndarray:
    data = path.read_bytes()
    magic, width, height, _maximum = data.split(maxsplit=4)[:4]
    assert magic == b"P6"
    width, height = int(width), int(height)
    return np.frombuffer(data[-width * height * 3 :], dtype=np.uint8).reshape(height, width, 3)


def colour_pixels(image: np.ndarray, colour: str) -> int:
    rgb = np.array([int(colour[i : i + 2], 16) for i in (0, 2, 4)], dtype=np.uint8)
    return int((image == rgb).all(axis=2).sum())


def page_with(texts: list[str], fragment: str) -> int:
    return next(n for n, text in enumerate(texts) if fragment in text)


def drawn(pages: list[np.ndarray], colour: str) -> int:
    """Pixels of ``colour`` on all pages (a chart's objects may be clipped across two)."""
    return sum(colour_pixels(page, colour) for page in pages)


def chart_axis_labels(texts: list[str], title: str) -> set[str]:
    return {label for text in texts if title in text for label in axis_numbers(text)}


def axis_numbers(text: str) -> list[str]:
    """The lines of a chart page that are only a number: its axis labels."""
    return [line.strip() for line in text.splitlines() if re.fullmatch(r"\s*[\d.,]+\s*", line)]


@needs_libreoffice
def test_the_trade_chart_draws_every_series_with_whole_number_axis(seeded_engine, tmp_path):
    """Kazakhstan and Uzbekistan have one year of turnover in the seed: each must be drawn."""
    xlsx = seed_workbook("trade", seeded_engine, tmp_path)
    wb = load_workbook(xlsx)
    headers = [cell.value for cell in next(row for row in wb["Summary"].iter_rows()
                                            if row[0].value == "Year")]  # fmt: skip
    series = [header for header in headers[1:] if header]
    assert series == ["KAZ (USD bn)", "UZB (USD bn)", "XCA (USD bn)"]
    texts, pages = render(xlsx, tmp_path)
    for name, colour in zip(series, SERIES_COLOURS, strict=False):
        assert drawn(pages, colour) > DRAWN, name
    labels = chart_axis_labels(texts, "Turnover with China (highest sourced")
    assert {"0", "20", "100"} <= labels, labels
    assert not any("." in label for label in labels), labels


@needs_libreoffice
def test_the_deals_data_sheets_read_as_words(seeded_engine, tmp_path):
    xlsx = seed_workbook("deals", seeded_engine, tmp_path)
    texts, _pages = render(xlsx, tmp_path)
    labels = chart_axis_labels(texts, "Stated value by year signed")
    assert {"0", "10", "40"} <= labels and not any("." in label for label in labels), labels
    agreements = page_with(texts, "ag-2023-xian-declaration")
    words = texts[agreements].split()
    assert "Documents" in words  # the header is not broken mid-word
    assert "commercial contract" in texts[agreements]
    assert "commercial_contract" not in texts[agreements]
    indicators = page_with(texts, "What is measured")
    assert "66,500,000,000" in texts[indicators] and "66,400,000,000" in texts[indicators]


@pytest.mark.parametrize("kind", ["deals", "trade"])
def test_every_data_sheet_prints_landscape_with_its_header_on_each_page(
    kind, seeded_engine, tmp_path
):
    wb = load_workbook(seed_workbook(kind, seeded_engine, tmp_path))
    for title in [*DATA_SHEETS[kind], "About"]:
        ws = wb[title]
        assert ws.page_setup.orientation == "landscape", title
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0, title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, title
    for title in DATA_SHEETS[kind]:
        assert wb[title].print_title_rows == "$1:$1", title


@pytest.mark.parametrize("kind", ["deals", "trade"])
def test_wrapped_text_gets_its_height_and_headers_whole_words(kind, seeded_engine, tmp_path):
    wb = load_workbook(seed_workbook(kind, seeded_engine, tmp_path))
    tall_rows = 0
    for title in DATA_SHEETS[kind]:
        ws = wb[title]
        for cell in ws[1]:
            width = ws.column_dimensions[cell.column_letter].width
            longest = max(text_width(word, bold=True) for word in cell.value.split())
            assert width >= longest, (title, cell.value)
        for row in ws.iter_rows(min_row=2):
            wrapped = [c for c in row if c.alignment.wrap_text and isinstance(c.value, str)]
            height = ws.row_dimensions[row[0].row].height
            if any(  # surely more than one line in its column
                len(c.value) > 1.5 * ws.column_dimensions[c.column_letter].width for c in wrapped
            ):
                assert height and height >= 2 * LINE_HEIGHT, (title, row[0].row)
                # and every cell of a tall row reads from its top, beside the wrapped text
                assert all(c.alignment.vertical == "top" for c in row if c.value is not None)
                tall_rows += 1
    assert tall_rows > 5


def test_kinds_statuses_and_qualifiers_show_as_words(seeded_engine, tmp_path):
    wb = load_workbook(seed_workbook("deals", seeded_engine, tmp_path))
    kinds = {row[3].value for row in wb["Agreements"].iter_rows(min_row=2)}
    assert "commercial contract" in kinds and not any("_" in kind for kind in kinds if kind)
    statuses = {row[5].value for row in wb["Projects"].iter_rows(min_row=2)}
    assert statuses and not any("_" in status for status in statuses if status)
