"""A query result as CSV, JSON, JSON lines or an Excel workbook (the rich table is the CLI's).

Every writer streams: it takes the rows one at a time from ``QueryResult.rows`` and writes each
before it reads the next, so memory stays flat however many rows the query returns (an .xlsx is
written by openpyxl's write-only mode, which keeps rows in a temporary file). A file is written
under a temporary name in its folder and renamed into place at the end: a failed or stopped
query never leaves half a file.
"""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import TextIO

from ..errors import SilkledgerError
from .sql import QueryResult

FORMATS = ("table", "csv", "json", "jsonl", "xlsx")
SUFFIXES = {"csv": "csv", "json": "json", "jsonl": "jsonl", "ndjson": "jsonl", "xlsx": "xlsx"}
XLSX_MAX_ROWS = 1_048_576  # an Excel sheet's rows, the header row included


def format_for(out: str | None, explicit: str | None) -> str:
    """The output format: --format, else the --out file's suffix, else a table."""
    if explicit:
        chosen = explicit.lower()
    else:
        chosen = SUFFIXES.get(Path(out).suffix.lower().lstrip("."), "table") if out else "table"
    if chosen not in FORMATS:
        raise SilkledgerError(f"unknown format {explicit!r}: use one of {', '.join(FORMATS)}")
    if chosen == "xlsx" and not out:
        raise SilkledgerError("an .xlsx workbook needs a file: add --out FILE.xlsx")
    return chosen


def plain(value):
    """A value as JSON, CSV and Excel take it: numbers as numbers, dates as ISO text."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return bytes(value).decode("utf-8", "replace")
    return value


def export(result: QueryResult, chosen: str, out: Path | None) -> int:
    """Write the result as ``chosen`` (csv, json, jsonl, xlsx) to ``out`` or standard output;
    returns the number of rows written."""
    if chosen == "xlsx":
        return _atomic(out, lambda name: write_xlsx(result, name))
    writer = {"csv": write_csv, "json": write_json, "jsonl": write_jsonl}[chosen]
    if out is None:
        return writer(result, sys.stdout)

    def save(name: str) -> int:
        with open(name, "w", encoding="utf-8", newline="") as handle:
            return writer(result, handle)

    return _atomic(out, save)


def write_csv(result: QueryResult, handle: TextIO) -> int:
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(result.columns)
    count = 0
    for row in result.rows:
        writer.writerow([plain(value) for value in row])
        count += 1
    return count


def _records(result: QueryResult):
    for row in result.rows:
        record = {column: plain(value) for column, value in zip(result.columns, row, strict=True)}
        yield json.dumps(record, ensure_ascii=False, default=str)


def write_json(result: QueryResult, handle: TextIO) -> int:
    """A JSON array, one record a line."""
    count = 0
    for count, record in enumerate(_records(result), 1):
        handle.write(("[\n" if count == 1 else ",\n") + record)
    handle.write("\n]\n" if count else "[]\n")
    return count


def write_jsonl(result: QueryResult, handle: TextIO) -> int:
    """JSON lines: one record a line."""
    count = 0
    for record in _records(result):
        handle.write(record + "\n")
        count += 1
    return count


def write_xlsx(result: QueryResult, path: str | Path) -> int:
    # openpyxl (and the numpy it pulls in) is imported here, not at the top: it is a fifth of the
    # process's memory, and the csv/json exports that stream millions of rows never need it.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Result")
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    sheet.append([_bold_cell(sheet, name, bold) for name in result.columns])
    count = 0
    for count, row in enumerate(result.rows, 1):
        if count >= XLSX_MAX_ROWS:
            raise SilkledgerError(
                f"an .xlsx sheet holds at most {XLSX_MAX_ROWS - 1:,} rows and this result has "
                "more: use --format csv (or a LIMIT)"
            )
        sheet.append([plain(value) for value in row])
    workbook.save(path)
    return count


def _bold_cell(sheet, name: str, font):
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=name)
    cell.font = font
    return cell


def write_text(text: str, path: Path) -> None:
    _atomic(path, lambda name: Path(name).write_text(text, encoding="utf-8"))


def _atomic(path: Path, save: Callable[[str], int | None]) -> int | None:
    """Write through a temporary file in the same folder, renamed into place: never half a file."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent or ".", suffix=path.suffix)
        os.close(handle)
        try:
            written = save(temporary)
            os.replace(temporary, path)
            return written
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
    except OSError as exc:
        raise SilkledgerError(f"cannot write {path}: {exc.strerror}") from None
