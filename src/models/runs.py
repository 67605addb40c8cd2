"""Report runs: the record the scheduler keeps of every export it attempted."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, IdMixin, non_negative, one_of

RUN_STATUSES = ("running", "succeeded", "failed")


class ReportRun(IdMixin, Base):
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

    # '' on rows from before migration 0005, whose jobs file is unknown (see fields.py).
    jobs_file: Mapped[str] = mapped_column(Text, server_default="")
    job_name: Mapped[str] = mapped_column(String(200), index=True)
    report: Mapped[str] = mapped_column(String(32))
    due_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(16))
    file_path: Mapped[str | None] = mapped_column(Text)
    file_size_bytes: Mapped[int | None] = mapped_column(BigInteger)
    file_sha256: Mapped[str | None] = mapped_column(String(64))
    error: Mapped[str | None] = mapped_column(Text)
    warnings: Mapped[str | None] = mapped_column(Text)
