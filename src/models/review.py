"""Review actions: every accept, reject, edit and merge of a fact, so its history can be read."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, one_of

FACT_TABLES = ("events", "agreements", "trade_flows", "projects", "indicators")
REVIEW_ACTIONS = ("accept", "reject", "edit", "merge", "reopen")


class ReviewAction(Base):
    __tablename__ = "review_actions"
    __table_args__ = (
        one_of("fact_table", FACT_TABLES),
        one_of("action", REVIEW_ACTIONS),
        {
            "comment": (
                "Every review action on a fact: who did what, when, and which fields changed. "
                "Kept when the fact itself is merged away, so a fact's history can be read back."
            )
        },
    )

    id: Mapped[int] = mapped_column(primary_key=True, comment="Surrogate key.")
    fact_table: Mapped[str] = mapped_column(
        String(16),
        comment="The table of the reviewed fact: events, agreements, trade_flows, projects or indicators.",
    )
    fact_key: Mapped[str] = mapped_column(
        String(200), index=True, comment="The reviewed fact's key (stable across merges)."
    )
    fact_id: Mapped[int | None] = mapped_column(
        Integer,
        comment="The reviewed fact's id at the time; no foreign key, since a merge deletes it.",
    )
    action: Mapped[str] = mapped_column(
        String(16), comment="accept, reject, edit, merge (into another fact) or reopen."
    )
    actor: Mapped[str] = mapped_column(String(100), comment="Who acted (a user name).")
    acted_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), comment="When the action was taken."
    )
    changes: Mapped[str | None] = mapped_column(
        Text,
        comment='What changed, as JSON: {"field": [old, new]} (review_status included).',
    )
    merged_into_key: Mapped[str | None] = mapped_column(
        String(200), comment="For a merge: the key of the fact that now carries the citation."
    )
    note: Mapped[str | None] = mapped_column(Text, comment="The reviewer's remark.")
