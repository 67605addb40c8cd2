"""The review queue's own tables: every accept, reject, edit and merge of a fact, so its history
can be read, and the new names the extractor proposes beside facts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, Float, ForeignKey, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from .agreements import PARTY_ROLES
from .base import Base, IdMixin, TimestampMixin, one_of, unit_interval
from .parties import ORGANIZATION_KINDS
from .projects import PROJECT_ORGANIZATION_ROLES

FACT_TABLES = ("events", "agreements", "trade_flows", "projects", "indicators")
# What a review action may name: a fact, or a proposed new name.
REVIEWED_TABLES = (*FACT_TABLES, "proposed_names")
NAME_KINDS = ("organization", "person")
NAME_STATUSES = ("proposed", "accepted", "rejected")
# A name's role in the fact beside it: a party's (agreements), an organisation's in a project,
# or the source a trade figure is attributed to.
NAME_ROLES = tuple(dict.fromkeys((*PARTY_ROLES, *PROJECT_ORGANIZATION_ROLES, "attributed")))
NAMED_FACT_COLUMNS = ("agreement_id", "project_id", "trade_flow_id")
REVIEW_ACTIONS = ("accept", "reject", "edit", "merge", "reopen")


class ReviewAction(IdMixin, Base):
    __tablename__ = "review_actions"
    __table_args__ = (
        one_of("fact_table", REVIEWED_TABLES),
        one_of("action", REVIEW_ACTIONS),
        {
            "comment": (
                "Every review action on a fact: who did what, when, and which fields changed. "
                "Kept when the fact itself is merged away, so a fact's history can be read back."
            )
        },
    )

    fact_table: Mapped[str] = mapped_column(String(16))
    fact_key: Mapped[str] = mapped_column(String(200), index=True)
    fact_id: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(100))
    acted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    changes: Mapped[str | None] = mapped_column(Text)
    merged_into_key: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)


class ProposedName(IdMixin, TimestampMixin, Base):
    __tablename__ = "proposed_names"
    __table_args__ = (
        one_of("kind", NAME_KINDS),
        one_of("organization_kind", ORGANIZATION_KINDS),
        one_of("role", NAME_ROLES),
        one_of("status", NAME_STATUSES),
        unit_interval("confidence"),
        CheckConstraint("char_end > char_start", name="char_span_order"),
        CheckConstraint(
            " + ".join(f"CASE WHEN {c} IS NULL THEN 0 ELSE 1 END" for c in NAMED_FACT_COLUMNS)
            + " <= 1",
            name="at_most_one_fact",
        ),
        {
            "comment": (
                "Organisations and people an article names beside a fact that the database did "
                "not know, proposed by the extractor and waiting for review (review list --kind "
                "organization). Accepting one adds the organisation or person and links it to "
                "the fact; the row stays as its provenance (source, quote)."
            )
        },
    )

    key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(300))
    organization_kind: Mapped[str | None] = mapped_column(String(24))
    position: Mapped[str | None] = mapped_column(String(300))
    country_id: Mapped[int | None] = mapped_column(
        ForeignKey("countries.id", ondelete="RESTRICT"), index=True
    )
    role: Mapped[str] = mapped_column(String(16))
    source_id: Mapped[int] = mapped_column(
        ForeignKey("sources.id", ondelete="RESTRICT"), index=True
    )
    quote: Mapped[str] = mapped_column(Text)
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    agreement_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreements.id", ondelete="SET NULL"), index=True
    )
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("projects.id", ondelete="SET NULL"), index=True
    )
    trade_flow_id: Mapped[int | None] = mapped_column(
        ForeignKey("trade_flows.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[str] = mapped_column(String(16), default="proposed")
    confidence: Mapped[float | None] = mapped_column(Float)
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    note: Mapped[str | None] = mapped_column(Text)
