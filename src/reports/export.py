"""The public entry point of the reports: ``write_report`` writes one workbook, atomically.

The CLI (`silkledger report deals|trade`) and the scheduler both call it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from ..errors import SilkledgerError
from .deals import DealsReport
from .filters import ReportFilters
from .selection import check_schema
from .trade import TradeReport
from .workbook import AtomicTarget, WorkbookBuilder, safe_database_label

REPORT_KINDS = ("deals", "trade")

_REPORTS = {"deals": DealsReport, "trade": TradeReport}
_TITLES = {
    "deals": "China–Central Asia deals (silkledger)",
    "trade": "China–Central Asia trade (silkledger)",
}


@dataclass(frozen=True)
class ReportResult:
    path: Path
    size_bytes: int
    sha256: str
    sheet_row_counts: dict[str, int]


def write_report(
    kind: str,
    engine: Engine,
    out_path: Path,
    filters: ReportFilters,
    database_label: str,
) -> ReportResult:
    """Write the ``kind`` workbook ("deals" or "trade") of the facts in ``engine`` that
    ``filters`` select to ``out_path``, atomically. Every expected failure (unwritable path,
    missing database or tables, unknown country, empty selection) is a one-line
    SilkledgerError and leaves any existing file untouched."""
    if kind not in _REPORTS:
        raise SilkledgerError(f"unknown report {kind!r}: choose one of {', '.join(REPORT_KINDS)}")
    if (
        filters.date_from is not None
        and filters.date_to is not None
        and filters.date_from > filters.date_to
    ):
        raise SilkledgerError(
            f"--from {filters.date_from} is after --to {filters.date_to}: nothing can match"
        )
    label = safe_database_label(database_label)
    as_of = filters.as_of or datetime.now().astimezone().replace(microsecond=0)
    target = AtomicTarget(Path(out_path))  # an unwritable path fails here, before any work
    builder = WorkbookBuilder(_TITLES[kind], as_of, subject=f"silkledger {kind} report")
    try:
        try:
            with engine.connect() as connection:
                if connection.dialect.name == "postgresql":
                    # One snapshot for every query of the workbook.
                    connection.execution_options(isolation_level="REPEATABLE READ")
                check_schema(connection, label)
                report = _REPORTS[kind](connection, filters)
                report.write(builder, as_of, label)
        except (OperationalError, DBAPIError) as exc:
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            raise SilkledgerError(f"cannot read database {label}: {reason}") from None
    except BaseException:
        builder.discard()
        target.abort()
        raise
    size, digest = target.commit(builder.wb)
    return ReportResult(
        path=target.path,
        size_bytes=size,
        sha256=digest,
        sheet_row_counts=dict(builder.sheet_row_counts),
    )


_YEAR = re.compile(r"^\d{4}$")


def parse_date_bound(text: str | None, *, end: bool, option: str = "--from") -> date | None:
    """A date bound from the command line or a jobs file: YYYY-MM-DD, or YYYY meaning
    1 January (a lower bound) or 31 December (an upper bound)."""
    if text is None or text == "":
        return None
    text = text.strip()
    if _YEAR.match(text):
        year = int(text)
        return date(year, 12, 31) if end else date(year, 1, 1)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise SilkledgerError(
            f"{option} {text!r} is not a date: use YYYY-MM-DD or a year YYYY"
        ) from None


def parse_as_of(text: str | None) -> datetime | None:
    """An --as-of timestamp: ISO 8601 (2025-07-01, 2025-07-01T09:00, 2025-07-01T09:00:00+02:00)."""
    if text is None or text == "":
        return None
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        raise SilkledgerError(
            f"--as-of {text!r} is not a timestamp: use ISO 8601, e.g. 2025-07-01T09:00:00"
        ) from None
