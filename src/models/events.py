"""Events: summits, visits, meetings, forums, business councils, calls — and who took part."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import DATE_PRECISIONS, Base, CuratedMixin, IdMixin, PartyMixin, one_of

EVENT_KINDS = (
    "summit",
    "state_visit",
    "working_visit",
    "bilateral_meeting",
    "forum",
    "business_council",
    "phone_call",
    "parade",
    "conference",
    "announcement",
    "other",
)
PARTICIPANT_ROLES = ("host", "participant", "guest", "organizer", "speaker")


class Event(IdMixin, CuratedMixin, Base):
    __tablename__ = "events"
    __table_args__ = (
        *CuratedMixin.fact_checks(),
        one_of("kind", EVENT_KINDS),
        one_of("date_precision", DATE_PRECISIONS),
        CheckConstraint("end_date >= start_date", name="date_order"),
        CheckConstraint("sequence_number > 0", name="sequence_number_positive"),
        {
            "comment": "Summits, state and working visits, bilateral meetings, forums, calls, parades."
        },
    )

    kind: Mapped[str] = mapped_column(String(24))
    title: Mapped[str] = mapped_column(Text)
    start_date: Mapped[date | None] = mapped_column(Date, index=True)
    end_date: Mapped[date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(String(8))
    place: Mapped[str | None] = mapped_column(String(200))
    country_id: Mapped[int | None] = mapped_column(
        ForeignKey("countries.id", ondelete="RESTRICT"), index=True
    )
    sequence_number: Mapped[int | None] = mapped_column(Integer)
    parent_event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="SET NULL"), index=True
    )
    description: Mapped[str | None] = mapped_column(Text)


class EventParticipant(IdMixin, Base, PartyMixin):
    __tablename__ = "event_participants"
    __table_args__ = (
        PartyMixin.party_check(),
        one_of("role", PARTICIPANT_ROLES),
        {
            "comment": "Who took part in an event: a country, an organisation or a person, with a role."
        },
    )

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(16))
