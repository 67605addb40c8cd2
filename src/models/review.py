"""Review actions: every accept, reject, edit and merge of a fact, so its history can be read."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, IdMixin, one_of

FACT_TABLES = ("events", "agreements", "trade_flows", "projects", "indicators")
REVIEW_ACTIONS = ("accept", "reject", "edit", "merge", "reopen")


class ReviewAction(IdMixin, Base):
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

    fact_table: Mapped[str] = mapped_column(String(16))
    fact_key: Mapped[str] = mapped_column(String(200), index=True)
    fact_id: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(100))
    acted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    changes: Mapped[str | None] = mapped_column(Text)
    merged_into_key: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
