"""Organisations and people: the parties and participants that facts name."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import LOADERS, Base, IdMixin, TimestampMixin, one_of

ORGANIZATION_KINDS = (
    "company",
    "bank",
    "ministry",
    "government",
    "agency",
    "international_body",
    "research",
    "media",
    "other",
)


class Organization(IdMixin, TimestampMixin, Base):
    __tablename__ = "organizations"
    __table_args__ = (
        one_of("kind", ORGANIZATION_KINDS),
        one_of("loaded_by", LOADERS),
        {"comment": "Companies, banks, ministries, agencies and international bodies."},
    )

    key: Mapped[str] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(24))
    country_id: Mapped[int | None] = mapped_column(
        ForeignKey("countries.id", ondelete="RESTRICT"), index=True
    )
    is_state_owned: Mapped[bool | None] = mapped_column()
    loaded_by: Mapped[str] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)


class OrganizationAlias(IdMixin, Base):
    __tablename__ = "organization_aliases"
    __table_args__ = {
        "comment": "Other names texts use for an organisation (CNPC, Eximbank of China)."
    }

    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    alias: Mapped[str] = mapped_column(String(300), unique=True)


class Person(IdMixin, TimestampMixin, Base):
    __tablename__ = "people"
    __table_args__ = (
        one_of("loaded_by", LOADERS),
        {"comment": "Leaders, ministers, executives and experts that articles name or quote."},
    )

    key: Mapped[str] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    country_id: Mapped[int | None] = mapped_column(
        ForeignKey("countries.id", ondelete="RESTRICT"), index=True
    )
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL"), index=True
    )
    position: Mapped[str | None] = mapped_column(String(300))
    loaded_by: Mapped[str] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)


class PersonAlias(IdMixin, Base):
    __tablename__ = "person_aliases"
    __table_args__ = {
        "comment": "Other names texts use for a person: other spellings and the Russian name (Си Цзиньпин, Токаев)."
    }

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(300), unique=True)
