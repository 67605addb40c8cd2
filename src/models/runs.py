"""Report runs: the record the scheduler keeps of every export it attempted."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, non_negative, one_of

RUN_STATUSES = ("running", "succeeded", "failed")


class ReportRun(Base):
    __tablename__ = "report_runs"
    __table_args__ = (
        one_of("status", RUN_STATUSES),
        non_negative("file_size_bytes"),
        # One row per job and due time: a second scheduler started at the same moment cannot
        # claim the same run, because its INSERT breaks this constraint. A job is its jobs file
        # and its name, so two jobs files that share a job name do not block each other.
        UniqueConstraint("jobs_file", "job_name", "due_at"),
        {"comment": "Every scheduled report export: when it ran, how it ended and what it wrote."},
    )

    id: Mapped[int] = mapped_column(primary_key=True, comment="Surrogate key.")
    jobs_file: Mapped[str] = mapped_column(
        Text,
        server_default="",
        comment="The jobs file the job is defined in: its id setting, else its resolved path. "
        "Empty on runs recorded before jobs files were told apart (migration 0005); those count "
        "as history of every job of that name.",
    )
    job_name: Mapped[str] = mapped_column(
        String(200), index=True, comment="Job name from the jobs file."
    )
    report: Mapped[str] = mapped_column(String(32), comment="Which workbook: deals or trade.")
    due_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), comment="The scheduled time this run was for."
    )
    started_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), comment="When the run started."
    )
    finished_at: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), comment="When the run ended; NULL while running."
    )
    status: Mapped[str] = mapped_column(String(16), comment="running, succeeded or failed.")
    file_path: Mapped[str | None] = mapped_column(Text, comment="The workbook written.")
    file_size_bytes: Mapped[int | None] = mapped_column(
        BigInteger, comment="Size of the workbook in bytes."
    )
    file_sha256: Mapped[str | None] = mapped_column(
        String(64), comment="SHA-256 of the workbook, hex."
    )
    error: Mapped[str | None] = mapped_column(Text, comment="Why the run failed.")
    warnings: Mapped[str | None] = mapped_column(
        Text,
        comment="What a run that succeeded warned about (such as: nothing matched the filters, "
        "so the workbook says so), one warning per line; NULL when there was nothing to say.",
    )
