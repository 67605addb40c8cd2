"""Workbook plumbing shared by the deals and trade reports.

Everything here is about writing a workbook, nothing about what goes in it:

- a streaming (openpyxl write-only) workbook whose sheets are written row by row, so a sheet of
  a million rows never sits in memory;
- data sheets that are Excel tables with an autofilter, a frozen header row, column widths,
  number formats (the unit is in the header: "Value (USD mn)") and wrapped long text;
- safe text: every string (data, headings, labels, headers) goes through ``safe_text`` (the
  one formula-injection rule), so no spreadsheet ever evaluates it;
- links from a fact's row to its source's row in the Sources sheet (``openpyxl_fast``, the only
  module that touches openpyxl's internals, keeps them compact while the sheet streams);
- the About sheet: what the workbook holds, where it came from, the filters, row counts and the
  column dictionary, whose meanings are the ``comment=`` of the model columns
  (``silkledger.models.metadata``), never retyped;
- atomic saving: a temporary file in the target folder, fsynced, hashed, then ``os.replace``d
  and the folder fsynced.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import math
import os
import socket
import stat
import textwrap
import uuid
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.data_source import NumFmt
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from ..errors import SilkledgerError
from ..models import metadata
from . import openpyxl_fast
from .openpyxl_fast import SheetLinks, styled_cell
from .safe_text import clean_text, is_risky, safe_text, store_as_text

EXCEL_MAX_ROWS = 1_048_576
TABLE_STYLE = "TableStyleMedium2"

DATE_FORMATS = {"day": "yyyy-mm-dd", "month": "mmm yyyy", "year": "yyyy", None: "yyyy-mm-dd"}
FORMAT_USD_BN = "#,##0.00#"
FORMAT_USD_MN = "#,##0.0##"
FORMAT_AMOUNT = "#,##0.######"
FORMAT_INT = "#,##0"
FORMAT_PERCENT_NUMBER = "0.0#"  # 15.5 shown as 15.5 in a column headed (%)
FORMAT_DATETIME = "yyyy-mm-dd hh:mm:ss"

BOLD = Font(bold=True)
TITLE_FONT = Font(bold=True, size=14)
LINK_FONT = Font(color="0563C1", underline="single")
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
TOP_LEFT = Alignment(horizontal="left", vertical="top")
# Figures keep a space from the text of the column to their right (11 | 004_edff…, not 11004_…).
TOP_FIGURE = Alignment(horizontal="right", vertical="top", indent=1)

# Layout of the free-form sheets (Summary): Excel and LibreOffice do not grow a row to fit
# wrapped text written by a program, so heights are set from an estimate of the lines.
LINE_HEIGHT = 15.0  # points per line of 11-point text
CHART_WIDTH_CM, CHART_HEIGHT_CM = 18.0, 6.5
ROW_HEIGHT_CM = LINE_HEIGHT / 72 * 2.54
# Chart series colours, one per series in order (distinct in colour and in grey).
SERIES_COLOURS = ("1F77B4", "D62728", "2CA02C", "FF7F0E", "9467BD", "8C564B", "17BECF", "7F7F7F")
MAX_YEARS_AS_BARS = 8  # a chart over more years draws lines (with markers)


# Average width of a character of text, in Excel's width units (the width of a "0"): text is
# narrower than digits; the factors leave room for wider fallback fonts (LibreOffice).
CHAR_WIDTH = 0.9
BOLD_CHAR_WIDTH = 1.0
# Printed pages of a Summary: landscape, margins in inches; the printable height of an A4 page
# (the shorter of A4 and Letter) at 100 %, in points, less a little for rounding.
MARGINS = {"left": 0.5, "right": 0.5, "top": 0.75, "bottom": 0.75, "header": 0.3, "footer": 0.3}
PAGE_HEIGHT = 595 - (MARGINS["top"] + MARGINS["bottom"]) * 72 - 30


def text_width(text: str, bold: bool = False) -> float:
    """A column width (Excel's character units) that shows ``text`` on one line."""
    return round(len(text) * (BOLD_CHAR_WIDTH if bold else CHAR_WIDTH) + 2, 1)


def wrapped_lines(text: str, width: float, bold: bool = False) -> int:
    """How many lines ``text`` takes when wrapped in a cell ``width`` characters wide."""
    per_line = max(1, int((width - 1) / (BOLD_CHAR_WIDTH if bold else CHAR_WIDTH)))
    if len(text) <= per_line and "\n" not in text:
        return 1  # most cells: no need to wrap anything
    return sum(
        max(1, len(textwrap.wrap(part, per_line, break_long_words=True)))
        for part in text.split("\n")
    )


def header_width(column: Column) -> float:
    """``column``'s width, widened so that no word of its header is broken across lines."""
    longest = max((text_width(word, bold=True) for word in column.header.split()), default=0)
    return max(column.width, longest)


def as_words(slug: str) -> str:
    """A slug as words for a reader: commercial_contract -> commercial contract."""
    return slug.replace("_", " ")


def lines_height(lines: int) -> float:
    """A row height in points for ``lines`` lines of text."""
    return lines * LINE_HEIGHT + 3


def usd_bn(value) -> float | None:
    return None if value is None else float(value) / 1e9


def usd_mn(value) -> float | None:
    return None if value is None else float(value) / 1e6


def number(value) -> float | None:
    return None if value is None else float(value)


def datetime_cell_value(moment: datetime) -> tuple[datetime, str]:
    """``moment`` as a date-time cell value and its number format. A spreadsheet has no time
    zones: an aware timestamp is written as its wall-clock time, and the format shows its
    offset from UTC after it (2025-07-01 09:00:00 UTC+02:00)."""
    offset = moment.utcoffset()
    if offset is None:
        return moment, FORMAT_DATETIME
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, minutes = divmod(abs(minutes), 60)
    return moment.replace(tzinfo=None), f'{FORMAT_DATETIME} "UTC{sign}{hours:02}:{minutes:02}"'


# --------------------------------------------------------------------------- columns


@dataclass(frozen=True)
class Column:
    """One column of a sheet.

    kind: text | wrap (long text, wrapped) | int | number | date (value is (date, precision))
    | source (value is a source id, shown as a link to its row in Sources) | url (external link).
    ``align`` aligns a text column's cells (a column of years read as labels: left).
    ``dictionary`` names the model column ("agreements.title") whose comment documents it;
    ``note`` says how the cell is derived from it (or documents a column with no model column).
    """

    header: str
    kind: str = "text"
    width: float = 14
    number_format: str | None = None
    dictionary: str | tuple[str, ...] | None = None
    note: str | None = None
    align: str | None = None  # horizontal alignment of a text column's cells: left, center
    words: bool = False  # a slug (commercial_contract) shown as words (commercial contract)

    def meaning(self) -> str:
        parts = []
        if self.note:
            parts.append(self.note)
        names = (self.dictionary,) if isinstance(self.dictionary, str) else self.dictionary or ()
        for name in names:
            table_name, column_name = name.split(".")
            comment = metadata.tables[table_name].c[column_name].comment
            parts.append(comment if len(names) == 1 else f"{name}: {comment}")
        return " ".join(parts)

    def sources_label(self) -> str:
        names = (self.dictionary,) if isinstance(self.dictionary, str) else self.dictionary or ()
        return ", ".join(names)


def slug_column(header: str, slugs: Sequence[str], dictionary: str) -> Column:
    """A column of slugs (a model's allowed values) shown as words, wide enough for the
    longest of them."""
    width = max(text_width(header, bold=True), *(text_width(as_words(slug)) for slug in slugs))
    return Column(
        header,
        width=width,
        dictionary=dictionary,
        note="Shown as words (commercial_contract as commercial contract).",
        words=True,
    )


def source_columns(count: int) -> list[Column]:
    """``count`` link columns, one per citing source of a row (Source 1, Source 2, …)."""
    return [
        Column(
            f"Source {index}",
            "source",
            12,
            dictionary="citations.source_id",
            note="A link to the source's row in the Sources sheet (S-number as there).",
        )
        for index in range(1, count + 1)
    ]


# --------------------------------------------------------------------------- cell makers

EXCEL_EPOCH_ORDINAL = date(1899, 12, 30).toordinal()


def excel_serial(day: date) -> int:
    """The Excel serial number of ``day`` (1900 date system): with a date number format the
    cell is a real date in Excel, LibreOffice and openpyxl, and costs less to write than a
    date object, which openpyxl converts cell by cell."""
    return day.toordinal() - EXCEL_EPOCH_ORDINAL


class _CellMaker:
    """Turns a column's values into what WriteOnlyWorksheet.append takes, fast.

    A plain value goes as it is (openpyxl binds it into its own reusable cell). A styled value
    is bound into a cell object kept for the column and reused on every row: the write-only
    sheet serialises a row as soon as it is appended, so the object is free again at once.
    """

    def __init__(
        self,
        ws,
        column: Column,
        sources: dict[int, tuple[str, int]] | None,
        *,
        tall_rows: bool = True,
    ):
        self.ws = ws
        self.column = column
        self.sources = sources or {}
        kind = column.kind
        # Cells are aligned to the top of their row, so that the cells of a row that holds
        # wrapped text (several lines tall) read on one line with it. Plain text goes unstyled
        # (cheaper) into rows of one line (``tall_rows`` false), where alignment shows nothing.
        aligned = Alignment(horizontal=column.align, vertical="top") if column.align else TOP
        self.styled = None
        if kind == "text" and (tall_rows or column.align):
            self.styled = self._cell(alignment=aligned)
        elif kind == "wrap":
            self.styled = self._cell(alignment=WRAP)
        elif kind in ("int", "number"):
            fmt = column.number_format or (FORMAT_INT if kind == "int" else FORMAT_AMOUNT)
            self.styled = self._cell(alignment=TOP_FIGURE, number_format=fmt)
        elif kind == "date":
            self.dates = {
                precision: self._cell(alignment=TOP_FIGURE, number_format=fmt)
                for precision, fmt in DATE_FORMATS.items()
            }
        elif kind in ("source", "url"):
            self.styled = self._cell(alignment=TOP, font=LINK_FONT)
        self.quoted = self._cell(alignment=WRAP if kind == "wrap" else aligned, quote_prefix=True)

    def _cell(self, *, alignment=None, number_format=None, font=None, quote_prefix=False):
        cell = styled_cell(self.ws)
        if alignment is not None:
            cell.alignment = alignment
        if number_format is not None:
            cell.number_format = number_format
        if font is not None:
            cell.font = font
        if quote_prefix:
            cell.quotePrefix = True
        return cell

    def text(self, value, template=None):
        """``value`` as safe text (see ``safe_text``; the same rules, with this column's
        cells made once)."""
        text = clean_text(value)
        if is_risky(text):
            return store_as_text(self.quoted, text)
        if template is None:
            return text  # clean and not risky: the sheet's row writer binds it as it is
        template.value = text
        return template

    def __call__(self, value):
        if value is None:
            return None
        kind = self.column.kind
        if kind == "text":
            if isinstance(value, str):
                return self.text(as_words(value) if self.column.words else value, self.styled)
            if self.styled is None:
                return value
            self.styled.value = value
            return self.styled
        if kind == "wrap":
            return self.text(value, self.styled)
        if kind in ("int", "number"):
            cell = self.styled
            cell.value = value
            return cell
        if kind == "date":
            day, precision = value
            if day is None:
                return None
            cell = self.dates.get(precision, self.dates[None])
            cell.value = excel_serial(day)
            return cell
        if kind == "source":
            label, _row = self.sources[value]
            return self.text(label, self.styled)
        if kind == "url":
            return self.text(value, self.styled)
        raise ValueError(f"unknown column kind {kind!r}")


def plain_value(column: Column, value, sources: dict[int, tuple[str, int]] | None = None):
    """The bare cell value of ``value`` in ``column``: what a plain write-only sheet would get.
    Used by the benchmark's floor, which writes the same rows without styles or links."""
    if value is None:
        return None
    if column.kind == "date":
        return value[0]
    if column.kind == "source":
        return (sources or {})[value][0]
    return value


# --------------------------------------------------------------------------- sheets


class SheetWriter:
    """A write-only sheet written top to bottom: free rows, titled blocks and Excel tables."""

    def __init__(self, builder: WorkbookBuilder, title: str, widths: Sequence[float] = ()):
        self.builder = builder
        self.title = title
        self.ws = builder.wb.create_sheet(title)
        self.row = 0
        self.data_rows = 0
        for index, width in enumerate(widths, 1):
            self.ws.column_dimensions[get_column_letter(index)].width = width
        self.links = SheetLinks(self.ws)  # written out at the end of the sheet
        self._writer_ready = False
        self._page_used = 0.0  # points of the current printed page filled so far
        self._paged = False  # a sheet laid out for printing (print_landscape_fit_width)
        self._bold = WriteOnlyCell(self.ws)
        self._bold.font = BOLD
        self._title = WriteOnlyCell(self.ws)
        self._title.font = TITLE_FONT
        self._label = WriteOnlyCell(self.ws)
        self._label.font = BOLD
        self._label.alignment = TOP
        self._wrap_maker = _CellMaker(self.ws, Column("", "wrap"), None)

    # ----------------------------------------------------------------- free layout
    def append(self, values: Iterable) -> None:
        if not self._writer_ready:
            openpyxl_fast.install(self.ws, self.links)
            self._writer_ready = True
        if self._paged and self.row + 1 not in self.ws.row_dimensions:
            # Every row of a paged sheet has its height written, so that Excel and LibreOffice
            # (whose default rows are lower) lay out the same rows on each printed page.
            self.ws.row_dimensions[self.row + 1].height = LINE_HEIGHT
        self.ws.append(values)
        self.row += 1
        dim = self.ws.row_dimensions.get(self.row)
        self._page_used += dim.height if dim is not None and dim.height else LINE_HEIGHT

    def blank(self) -> None:
        self.append(())

    def heading(self, text: str, big: bool = False) -> None:
        self.append((safe_text(self._title if big else self._bold, text),))

    def field(
        self,
        label: str,
        value,
        number_format: str | None = None,
        *,
        span_to: int | None = None,
    ) -> None:
        """A label in bold and its value beside it. With ``span_to`` the value's cell is
        merged from column B to that column, left-aligned, and the row is as tall as the
        wrapped text needs."""
        label_cell = safe_text(self._label, label)
        if isinstance(value, str):
            cell = self._wrap_maker(value)
        else:
            cell = WriteOnlyCell(self.ws, value)
            if number_format:
                cell.number_format = number_format
            if span_to is not None:
                cell.alignment = TOP_LEFT
        if span_to is not None:
            row = self.row + 1
            self.merge(row, 2, span_to)
            if isinstance(value, str):
                self.fit_height(row, wrapped_lines(clean_text(value), self.span_width(2, span_to)))
        self.append((label_cell, cell))

    def note(self, text: str, span_to: int) -> None:
        """A paragraph of text: one cell merged from column A to ``span_to``, wrapped, with a
        row as tall as the text needs."""
        row = self.row + 1
        self.merge(row, 1, span_to)
        self.fit_height(row, wrapped_lines(clean_text(text), self.span_width(1, span_to)))
        self.append((self._wrap_maker(text),))

    # ----------------------------------------------------------------- layout
    def span_width(self, first_col: int, last_col: int) -> float:
        """The width of columns ``first_col``..``last_col`` together (character units)."""
        dims = self.ws.column_dimensions
        total = 0.0
        for index in range(first_col, last_col + 1):
            dim = dims.get(get_column_letter(index))
            total += (dim.width if dim is not None and dim.width else 13) + 0.7
        return total

    def merge(self, row: int, first_col: int, last_col: int) -> None:
        if last_col > first_col:
            self.ws.merged_cells.add(
                f"{get_column_letter(first_col)}{row}:{get_column_letter(last_col)}{row}"
            )

    def fit_height(self, row: int, lines: int) -> None:
        """Make sheet row ``row`` (not written yet) tall enough for ``lines`` lines."""
        if row <= self.row:
            raise ValueError(f"row {row} of {self.title!r} is already written")
        if lines > 1:
            self.ws.row_dimensions[row].height = lines_height(lines)

    def print_landscape_fit_width(self, *, paged: bool = True, repeat_header: bool = False):
        """Print in landscape, scaled so the sheet's width fits one page (set it first).
        ``paged``: the sheet is laid out page by page (every row's height written, sections
        kept together: the Summary). ``repeat_header``: the first row (a data sheet's table
        header) is printed at the top of every page."""
        if self.row != 0:
            raise ValueError("page setup must be set before the sheet's first row")
        self.ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        self.ws.page_setup.orientation = "landscape"
        self.ws.page_setup.fitToWidth = 1
        self.ws.page_setup.fitToHeight = 0
        self.ws.page_margins = PageMargins(**MARGINS)
        if repeat_header:
            self.ws.print_title_rows = "1:1"
        self._paged = paged

    def keep_together(self, lines: float) -> None:
        """Start a new printed page here unless the next ``lines`` lines (of 15 points) fit
        on the current one: a section's heading stays with its table, a chart is not cut."""
        needed = lines * LINE_HEIGHT
        if self._page_used > 0 and self._page_used + needed > PAGE_HEIGHT:
            self.ws.row_breaks.append(Break(id=self.row))
            self._page_used = 0.0

    def chart_rows(self) -> int:
        """Sheet rows a chart covers, with one row of space after it."""
        return math.ceil(CHART_HEIGHT_CM / ROW_HEIGHT_CM) + 1

    def reserve_rows(self, count: int) -> None:
        """Empty rows under which charts sit, so the sheet's printed area includes them."""
        for _ in range(count):
            self.blank()

    # ----------------------------------------------------------------- tables
    def table(
        self,
        name: str,
        columns: Sequence[Column],
        rows: Iterable[Sequence],
        *,
        sources: dict[int, tuple[str, int]] | None = None,
        freeze: bool = False,
        count_rows: bool = False,
    ) -> tuple[int, int]:
        """Write a header row and ``rows`` as an Excel table named ``name``; returns the sheet
        rows of the header and of the last data row. ``freeze`` freezes the header row (it
        must then be the sheet's first row)."""
        if freeze:
            if self.row != 0:
                raise ValueError("a frozen header must be the sheet's first row")
            self.ws.freeze_panes = "A2"
        header_row = self.row + 1
        dims = self.ws.column_dimensions
        header_lines = 1
        for index, column in enumerate(columns, 1):
            dim = dims.get(get_column_letter(index))
            width = dim.width if dim is not None and dim.width else column.width
            header_lines = max(header_lines, wrapped_lines(column.header, width, bold=True))
        self.fit_height(header_row, header_lines)
        headers = []
        for column in columns:
            cell = WriteOnlyCell(self.ws)
            cell.font = BOLD
            cell.alignment = WRAP
            headers.append(safe_text(cell, column.header))
        self.append(headers)  # the sheet's top (views, widths) is written here: set them first
        heights = self._row_heights(columns)
        tall = [_CellMaker(self.ws, column, sources) for column in columns]
        short = [_CellMaker(self.ws, column, sources, tall_rows=False) for column in columns]
        source_positions = [i for i, column in enumerate(columns) if column.kind == "source"]
        url_positions = [i for i, column in enumerate(columns) if column.kind == "url"]
        append, link, row_dims = self.ws.append, self.links.link, self.ws.row_dimensions
        row_number = self.row
        for values in rows:
            row_number += 1
            if row_number > EXCEL_MAX_ROWS:
                raise SilkledgerError(
                    f"sheet {self.title!r} would exceed Excel's {EXCEL_MAX_ROWS:,} rows: "
                    "narrow the selection with --country, --from or --to"
                )
            height = heights(values)
            makers = tall if height else short
            cells = [maker(value) for maker, value in zip(makers, values, strict=True)]
            for position in source_positions:
                source_id = values[position]
                if source_id is not None:
                    cells[position] = link(
                        cells[position], row_number, position + 1, target_row=sources[source_id][1]
                    )
            for position in url_positions:
                url = values[position]
                if url and str(url).lower().startswith(("http://", "https://")):
                    cells[position] = link(cells[position], row_number, position + 1, url=str(url))
            if height:
                row_dims[row_number].height = height
                self._page_used += height
            append(cells)
            if not self._paged:  # written with the row: a million rows keep no dimensions
                row_dims.pop(row_number, None)
        data_rows = row_number - self.row
        self.row = row_number
        if count_rows:
            self.data_rows += data_rows
        last_row = max(row_number, header_row + 1)  # a table needs a data row, even empty
        ref = f"A{header_row}:{get_column_letter(len(columns))}{last_row}"
        table = Table(
            displayName=name,
            ref=ref,
            tableColumns=[
                TableColumn(id=index, name=clean_text(column.header))
                for index, column in enumerate(columns, 1)
            ],
            tableStyleInfo=TableStyleInfo(name=TABLE_STYLE, showRowStripes=True),
        )
        table.autoFilter = AutoFilter(ref=ref)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "In write-only mode you must add table columns"
            self.ws.add_table(table)
        return header_row, row_number

    def _row_heights(self, columns: Sequence[Column]):
        """A function of a table row's values giving the row's height in points: as tall as
        its longest wrapped text (Excel and LibreOffice do not grow a row written by a
        program, so wrapped text would spill over the rows below), or None for the default
        height of one line. A paged sheet writes every row's height (see ``append``)."""
        dims = self.ws.column_dimensions
        wrapped = []
        for position, column in enumerate(columns):
            if column.kind == "wrap":
                dim = dims.get(get_column_letter(position + 1))
                wrapped.append((position, dim.width if dim is not None and dim.width else 13))
        single = LINE_HEIGHT if self._paged else None

        def height(values) -> float | None:
            lines = 1
            for position, width in wrapped:
                value = values[position]
                if value is not None:
                    lines = max(lines, wrapped_lines(clean_text(value), width))
            return lines_height(lines) if lines > 1 else single

        return height

    def set_widths(self, columns: Sequence[Column]) -> None:
        """Column widths of a data sheet: each column's own, widened to fit its header's
        longest word."""
        for index, column in enumerate(columns, 1):
            self.ws.column_dimensions[get_column_letter(index)].width = header_width(column)

    # ----------------------------------------------------------------- charts
    def bar_chart(
        self,
        title: str,
        y_title: str,
        data: tuple[int, int, int],  # (column, header row, last row)
        categories_col: int,
        anchor: str,
        *,
        horizontal: bool = False,
    ) -> None:
        col, header_row, last_row = data
        if last_row <= header_row:
            return
        chart = BarChart()
        chart.type = "bar" if horizontal else "col"
        if horizontal:  # categories top to bottom in the table's order
            chart.x_axis.scaling.orientation = "maxMin"
        chart.legend = None
        self._add_chart(
            chart,
            title,
            y_title,
            Reference(self.ws, min_col=col, min_row=header_row, max_row=last_row),
            Reference(self.ws, min_col=categories_col, min_row=header_row + 1, max_row=last_row),
            anchor,
        )

    def years_chart(
        self,
        title: str,
        y_title: str,
        header_row: int,
        last_row: int,
        first_series_col: int,
        last_series_col: int,
        anchor: str,
    ) -> None:
        """One series per column over the years in column A: clustered columns for a few
        years, so that a series with a single year shows as a bar; a line with a marker on
        every point for more."""
        if last_row <= header_row or last_series_col < first_series_col:
            return
        if last_row - header_row <= MAX_YEARS_AS_BARS:
            chart = BarChart()
            chart.type, chart.grouping = "col", "clustered"
        else:
            chart = LineChart()
        chart.x_axis.title = "Year"
        self._add_chart(
            chart,
            title,
            y_title,
            Reference(
                self.ws,
                min_col=first_series_col,
                max_col=last_series_col,
                min_row=header_row,
                max_row=last_row,
            ),
            Reference(self.ws, min_col=1, min_row=header_row + 1, max_row=last_row),
            anchor,
        )

    def _add_chart(self, chart, title, y_title, data, categories, anchor) -> None:
        """The chart's data, a colour of its own for each series (markers on a line), and a
        value axis from zero labelled in the General format, so whole values show as whole
        numbers (20, not 20.00) and fractions only where they are."""
        chart.title = title
        chart.y_axis.title = y_title
        chart.y_axis.scaling.min = 0
        chart.y_axis.numFmt = NumFmt(formatCode="General", sourceLinked=False)
        chart.x_axis.delete = chart.y_axis.delete = False  # Excel hides axes otherwise
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(categories)
        for index, series in enumerate(chart.series):
            colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
            series.graphicalProperties.line.solidFill = colour
            if isinstance(chart, LineChart):
                series.smooth = False
                series.marker.symbol, series.marker.size = "circle", 7
                series.marker.graphicalProperties = GraphicalProperties(solidFill=colour)
                series.marker.graphicalProperties.line.solidFill = colour
            else:
                series.graphicalProperties.solidFill = colour
        chart.width, chart.height = CHART_WIDTH_CM, CHART_HEIGHT_CM
        self.ws.add_chart(chart, anchor)

    # ----------------------------------------------------------------- links
    def link_to_sheet(self, sheet_title: str) -> None:
        """Internal links of this sheet point into ``sheet_title`` (the Sources sheet)."""
        self.links.target_sheet = sheet_title


# --------------------------------------------------------------------------- workbook


@dataclass
class AboutInfo:
    """What the About sheet says besides the row counts and the column dictionary."""

    title: str
    purpose: list[str]
    database_label: str  # as silkledger.db.describe shows it: never with a password
    as_of: datetime
    filters: list[tuple[str, str]]
    notes: list[str] = field(default_factory=list)


class WorkbookBuilder:
    """A streaming workbook: sheets are added in tab order and written as they are added."""

    def __init__(self, title: str, as_of: datetime, subject: str = ""):
        self.wb = Workbook(write_only=True)
        created = as_of.astimezone(UTC).replace(tzinfo=None) if as_of.tzinfo else as_of
        props = self.wb.properties
        props.title = title
        props.subject = subject
        props.creator = "silkledger"
        props.lastModifiedBy = "silkledger"
        props.created = created
        props.modified = created
        self.sheet_row_counts: dict[str, int] = {}
        self.dictionary: list[tuple[str, Column]] = []

    def sheet(self, title: str, widths: Sequence[float] = ()) -> SheetWriter:
        return SheetWriter(self, title, widths)

    def data_sheet(
        self,
        title: str,
        table_name: str,
        columns: Sequence[Column],
        rows: Iterable[Sequence],
        *,
        sources: dict[int, tuple[str, int]] | None = None,
        link_sheet: str = "Sources",
    ) -> SheetWriter:
        """A sheet that is one Excel table with a frozen header: a detail listing."""
        sheet = self.sheet(title)
        sheet.set_widths(columns)
        sheet.print_landscape_fit_width(paged=False, repeat_header=True)
        sheet.link_to_sheet(link_sheet)
        sheet.table(table_name, columns, rows, sources=sources, freeze=True, count_rows=True)
        self.sheet_row_counts[title] = sheet.data_rows
        self.dictionary.extend((title, column) for column in columns)
        return sheet

    def about_sheet(self, info: AboutInfo) -> SheetWriter:
        about_columns = [
            Column("Sheet", width=26),
            Column("Column", width=28),
            Column("Database column", width=30),
            Column("Meaning", "wrap", width=90),
        ]
        sheet = self.sheet("About", [c.width for c in about_columns])
        sheet.print_landscape_fit_width(paged=False)
        last = len(about_columns)  # text spans columns B to the last, as tall as it needs
        sheet.heading(info.title, big=True)
        sheet.blank()
        for line in info.purpose:
            sheet.field("", line, span_to=last)
        sheet.blank()
        sheet.heading("Provenance")
        sheet.field("Made at (as of)", info.as_of.isoformat(), span_to=last)
        sheet.field("Database", info.database_label, span_to=last)
        from .. import __version__

        sheet.field("Made by", f"silkledger {__version__}", span_to=last)
        sheet.blank()
        sheet.heading("Filters")
        for label, value in info.filters:
            sheet.field(label, value, span_to=last)
        sheet.blank()
        sheet.heading("Rows")
        for title, count in self.sheet_row_counts.items():
            sheet.field(title, count, FORMAT_INT)
        if info.notes:
            sheet.blank()
            sheet.heading("How to read the figures")
            for note in info.notes:
                sheet.field("", note, span_to=last)
        sheet.blank()
        sheet.heading("Column dictionary (meanings from the database's data dictionary)")
        rows = [
            (title, column.header, column.sources_label() or None, column.meaning() or None)
            for title, column in self.dictionary
        ]
        sheet.table("AboutColumns", about_columns, rows)
        return sheet

    def discard(self) -> None:
        """Close and delete the sheets' temporary files after a failure, quietly."""
        for ws in self.wb.worksheets:
            writer = getattr(ws, "_writer", None)
            if writer is None:
                continue
            with contextlib.suppress(Exception):  # a half-written sheet: drop it
                ws.close()
            with contextlib.suppress(Exception):
                writer.cleanup()


class AtomicTarget:
    """A temporary file beside ``out_path``, made before the work starts (so an unwritable
    folder fails at once), renamed over ``out_path`` when the workbook is complete."""

    def __init__(self, out_path: Path):
        self.path = check_output_path(out_path)
        sweep_dead_temporaries(self.path)
        self.temp = self.path.parent / f"{temporary_prefix(self.path)}{uuid.uuid4().hex[:12]}.tmp"
        try:
            self.handle = open(self.temp, "xb")  # noqa: SIM115 - closed in commit/abort
        except OSError as exc:
            raise SilkledgerError(f"cannot write {self.path}: {exc.strerror or exc}") from None

    def commit(self, wb: Workbook) -> tuple[int, str]:
        """Save ``wb`` into the temporary file, fsync it, rename it into place and fsync the
        folder, so that once this returns the new name survives a crash. Returns the size in
        bytes and the SHA-256 (hex) of the bytes written, read back from the temporary file
        before the rename (so they describe this run's file, whatever happens to the name
        later)."""
        try:
            wb.save(self.handle)
            self.handle.flush()
            os.fsync(self.handle.fileno())
            self.handle.close()
            size = self.temp.stat().st_size
            digest = sha256_of(self.temp)
            replace_keeping_mode(self.temp, self.path)
        except OSError as exc:
            self.abort()
            raise SilkledgerError(f"cannot write {self.path}: {exc.strerror or exc}") from None
        except BaseException:
            self.abort()
            raise
        fsync_directory(self.path.parent)
        return size, digest

    def abort(self) -> None:
        if not self.handle.closed:
            self.handle.close()
        self.temp.unlink(missing_ok=True)


def temporary_prefix(path: Path) -> str:
    """How this process's temporary files for ``path`` begin: hidden, beside it, and naming the
    host and the process, so that a later export can tell a dead writer's file from a live one
    (another process, or another machine sharing the folder)."""
    return f".{path.name}.{socket.gethostname()}-{os.getpid()}-"


def sweep_dead_temporaries(path: Path) -> list[Path]:
    """Delete the temporary files for ``path`` left by a writer of this host that is no longer
    running (a ``report --out`` killed before its rename). Files of live processes and of other
    hosts are left alone. Returns what was deleted."""
    host_prefix = f".{path.name}.{socket.gethostname()}-"
    removed = []
    for candidate in path.parent.glob(f"{glob.escape(host_prefix)}*.tmp"):
        pid = candidate.name[len(host_prefix) :].split("-", 1)[0]
        if not pid.isdigit() or _process_alive(int(pid)):
            continue
        with contextlib.suppress(OSError):  # another export swept it first
            candidate.unlink()
            removed.append(candidate)
    return removed


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        return True
    return True


def replace_keeping_mode(new: Path, path: Path) -> None:
    """Rename ``new`` onto ``path``; a file it replaces keeps its permission bits (a workbook a
    team shares at 0640 stays 0640 after the next export)."""
    with contextlib.suppress(FileNotFoundError):
        os.chmod(new, stat.S_IMODE(os.stat(path, follow_symlinks=False).st_mode))
    os.replace(new, path)


def sha256_of(path: Path) -> str:
    """The SHA-256 (hex) of the file at ``path``, read in 1 MiB chunks: the one hash of a
    workbook file, when it is written and when it is checked again later."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def fsync_directory(folder: Path) -> None:
    """Make a rename into ``folder`` durable. Quietly nothing where a folder cannot be opened
    or synced (Windows, some network file systems)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def check_output_path(out_path: Path) -> Path:
    """The resolved target; a clear error when it cannot be a workbook file we may write."""
    out_path = Path(out_path)
    if out_path.suffix.lower() != ".xlsx":
        raise SilkledgerError(f"cannot write {out_path}: the file name must end in .xlsx")
    if out_path.is_dir():
        raise SilkledgerError(f"cannot write {out_path}: it is a directory")
    folder = out_path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SilkledgerError(f"cannot write {out_path}: {exc.strerror or exc}") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise SilkledgerError(f"cannot write {out_path}: folder {folder} is not writable")
    return out_path
