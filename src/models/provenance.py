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
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import DATE_PRECISIONS, Base, TimestampMixin, exactly_one, one_of, unit_interval

LOAD_METHODS = ("seed", "text", "markdown", "html")

# The fact tables a citation can point at; the order is the order of the columns below.
CITED_FACT_COLUMNS = (
    "event_id",
    "agreement_id",
    "trade_flow_id",
    "project_id",
    "indicator_id",
)


class Source(TimestampMixin, Base):
    __tablename__ = "sources"
    __table_args__ = (
        one_of("published_date_precision", DATE_PRECISIONS),
        one_of("load_method", LOAD_METHODS),
        unit_interval("near_duplicate_similarity"),
        CheckConstraint("near_duplicate_of_source_id <> id", name="not_near_duplicate_of_itself"),
        {
            "comment": "One row per article: its metadata and its full text, the ground of every citation."
        },
    )

    id: Mapped[int] = mapped_column(primary_key=True, comment="Surrogate key.")
    key: Mapped[str] = mapped_column(
        String(200), unique=True, comment="Stable key, the file stem for seed articles."
    )
    title: Mapped[str] = mapped_column(Text, comment="Headline as the article gives it.")
    author: Mapped[str | None] = mapped_column(
        String(300), comment="Author where the article states one."
    )
    publisher: Mapped[str | None] = mapped_column(
        String(300), comment="Publisher, only where known; never guessed."
    )
    url: Mapped[str | None] = mapped_column(
        Text, comment="Where the article was published, if known."
    )
    published_date: Mapped[date | None] = mapped_column(
        Date,
        index=True,
        comment="Publication date (first day of the month or year when less precise).",
    )
    published_date_precision: Mapped[str | None] = mapped_column(
        String(8), comment="Precision of published_date: day, month or year."
    )
    language: Mapped[str] = mapped_column(
        String(8), default="en", comment="ISO 639-1 language code of the text."
    )
    body_text: Mapped[str] = mapped_column(
        Text, comment="The full text as stored; citation spans are offsets into it."
    )
    content_sha256: Mapped[str] = mapped_column(
        String(64),
        unique=True,
        comment="SHA-256 of body_text (UTF-8), hex; the same text is never stored twice.",
    )
    file_name: Mapped[str | None] = mapped_column(
        String(500), comment="The file the article was loaded from."
    )
    load_method: Mapped[str] = mapped_column(
        String(16), comment="How the text was read: seed, text, markdown or html."
    )
    loaded_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), comment="When the article was loaded."
    )
    loaded_by: Mapped[str] = mapped_column(
        String(16), comment="Which loader wrote the row: seed, article or manual."
    )
    note: Mapped[str | None] = mapped_column(
        Text, comment="Remarks: how the date was inferred, what the text contains."
    )
    near_duplicate_of_source_id: Mapped[int | None] = mapped_column(
        ForeignKey("sources.id", ondelete="SET NULL"),
        index=True,
        comment=(
            "The earlier article this one republishes with small edits (a near-duplicate); "
            "its facts are kept too, so both quotes stand side by side."
        ),
    )
    near_duplicate_similarity: Mapped[float | None] = mapped_column(
        Float,
        comment="How alike the two texts are, from 0 to 1 (1: the same words in the same order).",
    )


class Citation(TimestampMixin, Base):
    __tablename__ = "citations"
    __table_args__ = (
        exactly_one(CITED_FACT_COLUMNS, "exactly_one_fact"),
        CheckConstraint("char_start >= 0", name="char_start_non_negative"),
        CheckConstraint("char_end > char_start", name="char_span_order"),
        {
            "comment": (
                "Links one fact (event, agreement, trade flow, project or indicator) to a source: "
                "the verbatim quote, its character span and the value as that source states it."
            )
        },
    )

    id: Mapped[int] = mapped_column(primary_key=True, comment="Surrogate key.")
    source_id: Mapped[int] = mapped_column(
        ForeignKey("sources.id", ondelete="RESTRICT"),
        index=True,
        comment="The article that states the fact.",
    )
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), index=True, comment="The cited event."
    )
    agreement_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), index=True, comment="The cited agreement."
    )
    trade_flow_id: Mapped[int | None] = mapped_column(
        ForeignKey("trade_flows.id", ondelete="CASCADE"),
        index=True,
        comment="The cited trade flow.",
    )
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True, comment="The cited project."
    )
    indicator_id: Mapped[int | None] = mapped_column(
        ForeignKey("indicators.id", ondelete="CASCADE"), index=True, comment="The cited indicator."
    )
    quote: Mapped[str] = mapped_column(
        Text, comment="Verbatim quote: exactly sources.body_text[char_start:char_end]."
    )
    char_start: Mapped[int] = mapped_column(
        Integer, comment="Offset of the quote's first character in the source text (0-based)."
    )
    char_end: Mapped[int] = mapped_column(
        Integer, comment="Offset just past the quote's last character."
    )
    stated_value: Mapped[str | None] = mapped_column(
        Text,
        comment="The value as this source words it, kept when sources disagree (18-19 May, 2023).",
    )
    note: Mapped[str | None] = mapped_column(Text, comment="Remark on this citation.")
