"""The public entry points of the reports: ``write_report`` writes one workbook from an engine,
atomically; ``export_report`` does it from a database URL (the command line's way).

The CLI (`silkledger report deals|trade`) calls ``export_report``; the scheduler calls
``write_report`` and records the ReportResult it returns (size and SHA-256 of the bytes
written).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, OperationalError

from ..db import connected, describe, resolve_url
from ..errors import SilkledgerError, first_line
from .filters import ReportFilters
from .kinds import REPORT_KINDS, REPORTS
from .selection import check_schema
from .workbook import AtomicTarget, WorkbookBuilder, sha256_of

__all__ = [
    "REPORT_KINDS",
    "ReportResult",
    "export_report",
    "sha256_of",
    "write_report",
]


@dataclass(frozen=True)
class ReportResult:
    path: Path
    size_bytes: int  # of the bytes written, counted before the file was renamed into place
    sha256: str  # hex SHA-256 of those bytes: record this, do not hash the file again
    sheet_row_counts: dict[str, int]
    # What the person who asked should know, one line each: e.g. that nothing matched the
    # selection (the workbook says so too, and is still a valid report).
    warnings: list[str] = field(default_factory=list)


def export_report(
    url: URL | str | None, kind: str, out_path: Path | str, filters: ReportFilters
) -> ReportResult:
    """Write the ``kind`` workbook of the database at ``url`` (None: the configured one) to
    ``out_path``. A SQLite file that does not exist is an error (a report never creates a
    database), and so is a database that cannot be reached: one-line SilkledgerErrors."""
    url = url if isinstance(url, URL) else resolve_url(url)
    with connected(url) as engine:
        return write_report(kind, engine, Path(out_path), filters, describe(url))


def write_report(
    kind: str,
    engine: Engine,
    out_path: Path,
    filters: ReportFilters,
    database_label: str | None = None,
) -> ReportResult:
    """Write the ``kind`` workbook ("deals" or "trade") of the facts in ``engine`` that
    ``filters`` (see ``make_filters``) select to ``out_path``, atomically. ``database_label``
    is how the About sheet names the database: ``silkledger.db.describe`` of its URL (the
    default), never with a password. Every expected failure (unwritable path, missing database
    or tables, unknown country) is a one-line SilkledgerError and leaves any existing file
    untouched. A selection that matches nothing is written (its Summary says so) and named in
    the result's ``warnings``. The result's size and SHA-256 are those of the bytes written."""
    if kind not in REPORTS:
        raise SilkledgerError(f"unknown report {kind!r}: choose one of {', '.join(REPORT_KINDS)}")
    label = database_label if database_label is not None else describe(engine.url)
    as_of = filters.as_of or datetime.now().astimezone().replace(microsecond=0)
    target = AtomicTarget(Path(out_path))  # an unwritable path fails here, before any work
    report_class = REPORTS[kind].load()
    builder = WorkbookBuilder(report_class.title, as_of, subject=f"silkledger {kind} report")
    try:
        try:
            with engine.connect() as connection:
                if connection.dialect.name == "postgresql":
                    # One snapshot for every query of the workbook.
                    connection.execution_options(isolation_level="REPEATABLE READ")
                check_schema(connection, label)
                report = report_class(connection, filters)
                report.write(builder, as_of, label)
        except (OperationalError, DBAPIError) as exc:
            raise SilkledgerError(f"cannot read database {label}: {first_line(exc)}") from None
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
        warnings=report.warnings,
    )
