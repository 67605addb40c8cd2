"""Provenance: the articles (sources) and the citations that tie every fact to a quote."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import (
    DATE_PRECISIONS,
    LOADERS,
    REVIEW_STATUSES,
    Base,
    IdMixin,
    TimestampMixin,
    exactly_one,
    index_where_set,
    one_of,
    unit_interval,
)

LOAD_METHODS = ("seed", "text", "markdown", "html")

# The fact tables a citation can point at; the order is the order of the columns below.
CITED_FACT_COLUMNS = (
    "event_id",
    "agreement_id",
    "trade_flow_id",
    "project_id",
    "indicator_id",
)
# The kind of fact each of those columns cites: event, agreement, trade_flow, project, indicator.
FACT_KINDS = tuple(column.removesuffix("_id") for column in CITED_FACT_COLUMNS)


class Source(IdMixin, TimestampMixin, Base):
    __tablename__ = "sources"
    __table_args__ = (
        one_of("published_date_precision", DATE_PRECISIONS),
        one_of("load_method", LOAD_METHODS),
        one_of("loaded_by", LOADERS),
        unit_interval("near_duplicate_similarity"),
        CheckConstraint("near_duplicate_of_source_id <> id", name="not_near_duplicate_of_itself"),
        {
            "comment": "One row per article: its metadata and its full text, the ground of every citation."
        },
    )

    key: Mapped[str] = mapped_column(String(200), unique=True)
    title: Mapped[str] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(300))
    publisher: Mapped[str | None] = mapped_column(String(300))
    url: Mapped[str | None] = mapped_column(Text)
    published_date: Mapped[date | None] = mapped_column(Date, index=True)
    published_date_precision: Mapped[str | None] = mapped_column(String(8))
    language: Mapped[str] = mapped_column(String(8), default="en")
    body_text: Mapped[str] = mapped_column(Text)
    search_title: Mapped[str | None] = mapped_column(Text)
    search_text: Mapped[str | None] = mapped_column(Text)
    content_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    file_name: Mapped[str | None] = mapped_column(String(500))
    load_method: Mapped[str] = mapped_column(String(16))
    loaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    loaded_by: Mapped[str] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)
    near_duplicate_of_source_id: Mapped[int | None] = mapped_column(
        ForeignKey("sources.id", ondelete="SET NULL"), index=True
    )
    near_duplicate_similarity: Mapped[float | None] = mapped_column(Float)


class Citation(IdMixin, TimestampMixin, Base):
    __tablename__ = "citations"
    __table_args__ = (
        exactly_one(CITED_FACT_COLUMNS, "exactly_one_fact"),
        # one partial index per fact kind, with the source: a fact's sources are counted from
        # the index alone (the views' source_count, the disagreement and trade-group checks)
        *(index_where_set("citations", column, "source_id") for column in CITED_FACT_COLUMNS),
        CheckConstraint("char_start >= 0", name="char_start_non_negative"),
        CheckConstraint("char_end > char_start", name="char_span_order"),
        {
            "comment": (
                "Links one fact (event, agreement, trade flow, project or indicator) to a source: "
                "the verbatim quote, its character span and the value as that source states it."
            )
        },
    )

    source_id: Mapped[int] = mapped_column(
        ForeignKey("sources.id", ondelete="RESTRICT"), index=True
    )
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    agreement_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE")
    )
    trade_flow_id: Mapped[int | None] = mapped_column(
        ForeignKey("trade_flows.id", ondelete="CASCADE")
    )
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    indicator_id: Mapped[int | None] = mapped_column(
        ForeignKey("indicators.id", ondelete="CASCADE")
    )
    quote: Mapped[str] = mapped_column(Text)
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    stated_value: Mapped[str | None] = mapped_column(Text)
    search_text: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)


class SourceFactCount(IdMixin, Base):
    """A summary of citations, kept in step by the database's own triggers (models/summaries.py):
    no writer maintains it, and none can forget it. No CHECK that counts are non-negative:
    PostgreSQL checks the row an upsert proposes before it finds the conflict, and a trigger
    proposes a group's change (which may be negative) as that row."""

    __tablename__ = "source_fact_counts"
    __table_args__ = (
        one_of("fact_kind", FACT_KINDS),
        one_of("review_status", REVIEW_STATUSES),
        UniqueConstraint("source_id", "fact_kind", "review_status"),
        {
            "comment": (
                "How many facts of each kind and review state each source states, and in how "
                "many quotes: a summary of citations kept in step by triggers, so that counting "
                "per source reads a few rows per source, not every citation."
            )
        },
    )

    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    fact_kind: Mapped[str] = mapped_column(String(16))
    review_status: Mapped[str] = mapped_column(String(16))
    fact_count: Mapped[int] = mapped_column(Integer)
    quote_count: Mapped[int] = mapped_column(Integer)
