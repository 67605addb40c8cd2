"""A query result as CSV, JSON or an Excel workbook (the rich table is the CLI's own)."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from ..errors import SilkledgerError
from .sql import QueryResult

FORMATS = ("table", "csv", "json", "xlsx")


def format_for(out: str | None, explicit: str | None) -> str:
    """The output format: --format, else the --out file's suffix, else a table."""
    if explicit:
        chosen = explicit.lower()
    elif out and Path(out).suffix.lower().lstrip(".") in FORMATS:
        chosen = Path(out).suffix.lower().lstrip(".")
    else:
        chosen = "table"
    if chosen not in FORMATS:
        raise SilkledgerError(f"unknown format {explicit!r}: use one of {', '.join(FORMATS)}")
    if chosen == "xlsx" and not out:
        raise SilkledgerError("an .xlsx workbook needs a file: add --out FILE.xlsx")
    return chosen


def plain(value):
    """A value as JSON, CSV and Excel take it: numbers as numbers, dates as ISO text."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return bytes(value).decode("utf-8", "replace")
    return value


def to_csv(result: QueryResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows([plain(value) for value in row] for row in result.rows)
    return buffer.getvalue()


def to_json(result: QueryResult) -> str:
    records = [
        {column: plain(value) for column, value in zip(result.columns, row, strict=True)}
        for row in result.rows
    ]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def write_xlsx(result: QueryResult, path: Path) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Result")
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    sheet.append([_bold_cell(sheet, name, bold) for name in result.columns])
    for row in result.rows:
        sheet.append([plain(value) for value in row])
    _atomic(path, workbook.save)


def _bold_cell(sheet, name: str, font: Font) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=name)
    cell.font = font
    return cell


def write_text(text: str, path: Path) -> None:
    _atomic(path, lambda name: Path(name).write_text(text, encoding="utf-8"))


def _atomic(path: Path, save) -> None:
    """Write through a temporary file in the same folder, renamed into place: never half a file."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent or ".", suffix=path.suffix)
        os.close(handle)
        try:
            save(temporary)
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
    except OSError as exc:
        raise SilkledgerError(f"cannot write {path}: {exc.strerror}") from None
