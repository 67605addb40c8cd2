"""Events: summits, visits, meetings, forums, business councils, calls — and who took part."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import DATE_PRECISIONS, Base, CuratedMixin, PartyMixin, one_of

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


class Event(CuratedMixin, Base):
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

    id: Mapped[int] = mapped_column(primary_key=True, comment="Surrogate key.")
    kind: Mapped[str] = mapped_column(
        String(24),
        comment=(
            "summit, state_visit, working_visit, bilateral_meeting, forum, business_council, "
            "phone_call, parade, conference, announcement or other."
        ),
    )
    title: Mapped[str] = mapped_column(
        Text, comment="Name of the event (Second China–Central Asia Summit)."
    )
    start_date: Mapped[date | None] = mapped_column(
        Date, index=True, comment="First day (first of the month or year when less precise)."
    )
    end_date: Mapped[date | None] = mapped_column(
        Date, comment="Last day; equals start_date for one day."
    )
    date_precision: Mapped[str | None] = mapped_column(
        String(8), comment="Precision of the dates as stated: day, month or year."
    )
    place: Mapped[str | None] = mapped_column(String(200), comment="City or venue (Astana).")
    country_id: Mapped[int | None] = mapped_column(
        ForeignKey("countries.id", ondelete="RESTRICT"),
        index=True,
        comment="The country where the event was held.",
    )
    sequence_number: Mapped[int | None] = mapped_column(
        Integer, comment="Ordinal of a recurring event: 2 for the second summit, 25 for the 25th."
    )
    parent_event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="SET NULL"),
        index=True,
        comment="The event this one took place on the sidelines of, or was part of.",
    )
    description: Mapped[str | None] = mapped_column(Text, comment="What happened, in a sentence.")


class EventParticipant(Base, PartyMixin):
    __tablename__ = "event_participants"
    __table_args__ = (
        PartyMixin.party_check(),
        one_of("role", PARTICIPANT_ROLES),
        {
            "comment": "Who took part in an event: a country, an organisation or a person, with a role."
        },
    )

    id: Mapped[int] = mapped_column(primary_key=True, comment="Surrogate key.")
    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), index=True, comment="The event."
    )
    role: Mapped[str] = mapped_column(
        String(16), comment="host, participant, guest, organizer or speaker."
    )
