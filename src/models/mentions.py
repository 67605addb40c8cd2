"""Mentions: which article names which country, organisation, person or project, and where."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, exactly_one

# The things a mention can name; exactly one of these columns is set.
MENTIONED_COLUMNS = ("country_id", "organization_id", "person_id", "project_id")


class Mention(Base):
    __tablename__ = "mentions"
    __table_args__ = (
        exactly_one(MENTIONED_COLUMNS, "exactly_one_mentioned"),
        CheckConstraint("char_start >= 0", name="char_start_non_negative"),
        CheckConstraint("char_end > char_start", name="char_span_order"),
        {
            "comment": (
                "Which article names which country, organisation, person or project, with the "
                "span of each mention: the answer to 'which articles mention Turkmenistan'."
            )
        },
    )

    id: Mapped[int] = mapped_column(primary_key=True, comment="Surrogate key.")
    source_id: Mapped[int] = mapped_column(
        ForeignKey("sources.id", ondelete="CASCADE"),
        index=True,
        comment="The article that contains the mention.",
    )
    country_id: Mapped[int | None] = mapped_column(
        ForeignKey("countries.id", ondelete="CASCADE"),
        index=True,
        comment="The country named (by its name, a demonym, a capital or an abbreviation).",
    )
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"),
        index=True,
        comment="The organisation named.",
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), index=True, comment="The person named."
    )
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True, comment="The project named."
    )
    mention_text: Mapped[str] = mapped_column(
        String(300), comment="The words as they stand: exactly body_text[char_start:char_end]."
    )
    char_start: Mapped[int] = mapped_column(
        Integer, comment="Offset of the mention's first character in the source text (0-based)."
    )
    char_end: Mapped[int] = mapped_column(
        Integer, comment="Offset just past the mention's last character."
    )
