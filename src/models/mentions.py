"""Mentions: which article names which country, organisation, person or project, and where."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, IdMixin, exactly_one, index_where_set

# The things a mention can name; exactly one of these columns is set.
MENTIONED_COLUMNS = ("country_id", "organization_id", "person_id", "project_id")


class Mention(IdMixin, Base):
    __tablename__ = "mentions"
    __table_args__ = (
        exactly_one(MENTIONED_COLUMNS, "exactly_one_mentioned"),
        # partial: each row sets one of the four, and an index holds only the rows that name
        # its kind (three index entries fewer written per mention); with the source, "which
        # articles mention X" is read from the index alone
        *(index_where_set("mentions", column, "source_id") for column in MENTIONED_COLUMNS),
        CheckConstraint("char_start >= 0", name="char_start_non_negative"),
        CheckConstraint("char_end > char_start", name="char_span_order"),
        {
            "comment": (
                "Which article names which country, organisation, person or project, with the "
                "span of each mention: the answer to 'which articles mention Turkmenistan'."
            )
        },
    )

    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    country_id: Mapped[int | None] = mapped_column(ForeignKey("countries.id", ondelete="CASCADE"))
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE")
    )
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    mention_text: Mapped[str] = mapped_column(String(300))
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
