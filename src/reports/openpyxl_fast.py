"""The openpyxl internals the workbooks rely on for speed, behind one guarded door.

openpyxl's write-only mode is fast, but three of its habits cost a million-row sheet dearly:

- a styled cell looks its style id up on every row (``Cell.style_id`` hashes the cell's
  ``_style`` into ``Workbook._cell_styles``): ``StyledCell`` looks it up once;
- ``WriteOnlyWorksheet._values_to_row`` binds every appended item as a value and, for a cell
  object, catches the ValueError (whose message formats the cell's repr) before using it:
  ``install`` replaces it with a writer that passes a ready cell straight through;
- one Hyperlink object per linked cell is kept until the sheet closes (about 250 bytes each):
  ``SheetLinks`` keeps each internal link as ten bytes in arrays and streams the
  ``<hyperlinks>`` element through the sheet's own XML writer (``WorksheetWriter.xf``) at the
  place ``WorksheetWriter.write_tail`` calls ``write_hyperlinks``.

These are private parts of openpyxl. At import, ``probe`` checks that each exists and, by
writing a small workbook through them and reading it back, that they still do what this
module expects. If anything differs (a newer openpyxl), ``FAST`` is False, a RuntimeWarning
says why, and every function here uses openpyxl's public API instead: slower, never wrong.
Nothing else in silkledger touches openpyxl's internals.
"""

from __future__ import annotations

import inspect
import io
import warnings
from array import array
from collections.abc import Callable

import openpyxl
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.xml.functions import Element

from .safe_text import copy_style, is_risky, safe_text

FAST = True  # set by the probe at import: the internals below exist and behave as expected
PROBLEM: str | None = None  # why FAST is False


class StyledCell(Cell):
    """A cell whose style is fixed once made, so its style id is looked up once, not per row."""

    __slots__ = ("_style_id",)

    def __init__(self, worksheet):
        super().__init__(worksheet, column=1, row=1)
        self._style_id = None

    @property
    def style_id(self):
        if self._style_id is None:
            self._style_id = self.parent.parent._cell_styles.add(self._style)
        return self._style_id


def styled_cell(ws) -> Cell:
    """A cell to style once and reuse row after row in write-only sheet ``ws``."""
    return StyledCell(ws) if FAST else WriteOnlyCell(ws)


def quote_sheet_name(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


class SheetLinks:
    """The hyperlinks of one write-only sheet: internal ones (to a row of ``target_sheet``) and
    external ones (URLs). ``link`` returns the cell to append in place of ``cell``."""

    def __init__(self, ws, target_sheet: str = "Sources"):
        self.ws = ws
        self.target_sheet = target_sheet
        self.rows = array("L")
        self.cols = array("H")
        self.targets = array("L")
        self.external: list[tuple[int, int, str]] = []

    def location(self, target_row: int) -> str:
        return f"{quote_sheet_name(self.target_sheet)}!A{target_row}"

    def link(
        self, cell: Cell, row: int, col: int, *, target_row: int | None = None, url: str = ""
    ) -> Cell:
        if FAST:
            if url:
                self.external.append((row, col, url))
            else:
                self.rows.append(row)
                self.cols.append(col)
                self.targets.append(target_row)
            return cell
        # Public API: a cell of its own carrying a Hyperlink, which openpyxl keeps until the end.
        linked = WriteOnlyCell(self.ws, cell.value)
        copy_style(cell, linked)
        location = None if url else self.location(target_row)
        linked.hyperlink = Hyperlink(ref="", target=url or None, location=location)
        return linked

    def write_xml(self, writer: WorksheetWriter, default: Callable[[], None]) -> None:
        """Write the sheet's <hyperlinks> element (replaces WorksheetWriter.write_hyperlinks)."""
        if self.external:  # few (source URLs): openpyxl's own way, with relationships
            if self.rows:
                raise ValueError("a sheet holds either internal or external links, not both")
            self.ws._hyperlinks.extend(
                Hyperlink(ref=f"{get_column_letter(col)}{row}", target=url)
                for row, col, url in self.external
            )
            default()
            return
        if not self.rows:
            return
        letters: dict[int, str] = {}
        xf = writer.xf.send(True)
        with xf.element("hyperlinks"):
            for row, col, target in zip(self.rows, self.cols, self.targets, strict=True):
                letter = letters.get(col) or letters.setdefault(col, get_column_letter(col))
                xf.write(
                    Element(
                        "hyperlink", {"ref": f"{letter}{row}", "location": self.location(target)}
                    )
                )
        writer.xf.send(None)


def install(ws, links: SheetLinks) -> None:
    """Give write-only sheet ``ws`` the fast row writer and ``links``' hyperlink writer. Call it
    before the sheet's first row (it opens the sheet's XML writer). Nothing under the public
    API, where it is not needed: openpyxl writes the links attached to the cells."""
    if FAST:
        _install_fast(ws, links)


def _install_fast(ws, links: SheetLinks) -> None:
    ws._get_writer()
    writer = ws._writer
    ws._values_to_row = _fast_values_to_row(ws)
    default = writer.write_hyperlinks
    writer.write_hyperlinks = lambda: links.write_xml(writer, default)


def _fast_values_to_row(ws):
    """openpyxl's WriteOnlyWorksheet._values_to_row without its slow path for cells: a ready
    cell goes straight through, and plain values are bound into one reused cell as openpyxl
    does."""

    def values_to_row(values, row_idx):
        plain = WriteOnlyCell(ws)
        for col_idx, value in enumerate(values, 1):
            if value is None:
                continue
            if isinstance(value, Cell):
                cell = value
            elif isinstance(value, str):
                # Text from a column's cell maker is clean and not risky already; anything
                # else goes the safe-text way (a control character first must not unmask a
                # formula behind it).
                if is_risky(value):
                    cell = safe_text(plain, value)
                else:
                    try:
                        plain.value = value
                        cell = plain
                    except IllegalCharacterError:
                        cell = safe_text(plain, value)
            else:
                cell = plain
                cell.value = value
            cell.column = col_idx
            cell.row = row_idx
            yield cell

    return values_to_row


# --------------------------------------------------------------------------- the probe

PROBE_URL = "https://example.org/a"


def probe() -> str | None:
    """None when openpyxl's internals used here exist and behave as expected, else what differs.
    Writes a two-sheet workbook through the fast paths and reads it back with openpyxl."""
    try:
        missing = _missing_internals()
        if missing:
            return f"openpyxl {openpyxl.__version__} has no {missing}"
        return _round_trip()
    except Exception as exc:  # any failure of a private API is a reason to use the public one
        return f"openpyxl {openpyxl.__version__}: {type(exc).__name__}: {exc}"


def _missing_internals() -> str | None:
    values_to_row = getattr(WriteOnlyWorksheet, "_values_to_row", None)
    if values_to_row is None or list(inspect.signature(values_to_row).parameters) != [
        "self",
        "values",
        "row_idx",
    ]:
        return "WriteOnlyWorksheet._values_to_row(values, row_idx)"
    for owner, name in (
        (WriteOnlyWorksheet, "_get_writer"),
        (WorksheetWriter, "write_hyperlinks"),
        (WorksheetWriter, "write_tail"),
    ):
        if not callable(getattr(owner, name, None)):
            return f"{owner.__name__}.{name}"
    slots = {name for klass in Cell.__mro__ for name in getattr(klass, "__slots__", ())}
    if "_style" not in slots or not isinstance(
        inspect.getattr_static(Cell, "style_id", None), property
    ):
        return "Cell._style / Cell.style_id"
    if not hasattr(getattr(Workbook(), "_cell_styles", None), "add"):
        return "Workbook._cell_styles.add"
    return None


def _round_trip() -> str | None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Data")
    links = SheetLinks(ws, "Target")
    _install_fast(ws, links)
    bold = StyledCell(ws)
    bold.font = Font(bold=True)
    bold.value = "Header"
    number = StyledCell(ws)
    number.number_format = "0.0"
    number.value = 1.5
    label = StyledCell(ws)
    label.value = "S1"
    ws.append([bold, "plain", number, links.link(label, 1, 4, target_row=2)])
    ws.append(["=1+1", 7])
    web = wb.create_sheet("Web")
    web_links = SheetLinks(web)
    _install_fast(web, web_links)
    url = WriteOnlyCell(web, PROBE_URL)
    web.append([web_links.link(url, 1, 1, url=PROBE_URL)])
    wb.create_sheet("Target").append(["target"])
    buffer = io.BytesIO()
    wb.save(buffer)
    back = load_workbook(io.BytesIO(buffer.getvalue()))
    data = back["Data"]
    checks = {
        "a reused styled cell keeps its font": data["A1"].font.bold is True,
        "a plain value is written": data["B1"].value == "plain",
        "a styled number keeps its format": (data["C1"].value, data["C1"].number_format)
        == (1.5, "0.0"),
        "an internal link is written": data["D1"].hyperlink is not None
        and data["D1"].hyperlink.location == "'Target'!A2",
        "risky text stays text": (data["A2"].value, data["A2"].data_type) == ("=1+1", "s")
        and data["A2"].quotePrefix,
        "a plain number is written": data["B2"].value == 7,
        "an external link is written": back["Web"]["A1"].hyperlink is not None
        and back["Web"]["A1"].hyperlink.target == PROBE_URL,
    }
    failed = [name for name, ok in checks.items() if not ok]
    if failed:
        return f"openpyxl {openpyxl.__version__} behaves differently: {'; '.join(failed)}"
    return None


def _check_at_import() -> None:
    global FAST, PROBLEM
    PROBLEM = probe()
    if PROBLEM is not None:
        FAST = False
        warnings.warn(
            f"silkledger: {PROBLEM}; workbooks are written through openpyxl's public API "
            "(correct, but slower and using more memory)",
            RuntimeWarning,
            stacklevel=2,
        )


_check_at_import()
