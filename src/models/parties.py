"""Organisations and people: the parties and participants that facts name."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import LOADERS, Base, TimestampMixin, one_of

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


class Organization(TimestampMixin, Base):
    __tablename__ = "organizations"
    __table_args__ = (
        one_of("kind", ORGANIZATION_KINDS),
        one_of("loaded_by", LOADERS),
        {"comment": "Companies, banks, ministries, agencies and international bodies."},
    )

    id: Mapped[int] = mapped_column(primary_key=True, comment="Surrogate key.")
    key: Mapped[str] = mapped_column(String(200), unique=True, comment="Stable slug (cnpc).")
    name: Mapped[str] = mapped_column(
        String(300), comment="Full name (China National Petroleum Corporation)."
    )
    kind: Mapped[str] = mapped_column(
        String(24),
        comment="company, bank, ministry, government, agency, international_body, research, media or other.",
    )
    country_id: Mapped[int | None] = mapped_column(
        ForeignKey("countries.id", ondelete="RESTRICT"),
        index=True,
        comment="Country of registration or of the government it belongs to; NULL for international bodies.",
    )
    is_state_owned: Mapped[bool | None] = mapped_column(
        comment="True for state-owned enterprises and banks; NULL when unknown."
    )
    loaded_by: Mapped[str] = mapped_column(
        String(16), comment="Which loader wrote the row: seed, article or manual."
    )
    note: Mapped[str | None] = mapped_column(Text, comment="Free-text remark.")


class OrganizationAlias(Base):
    __tablename__ = "organization_aliases"
    __table_args__ = {
        "comment": "Other names texts use for an organisation (CNPC, Eximbank of China)."
    }

    id: Mapped[int] = mapped_column(primary_key=True, comment="Surrogate key.")
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"),
        index=True,
        comment="The organisation meant.",
    )
    alias: Mapped[str] = mapped_column(
        String(300), unique=True, comment="The name as texts use it."
    )


class Person(TimestampMixin, Base):
    __tablename__ = "people"
    __table_args__ = (
        one_of("loaded_by", LOADERS),
        {"comment": "Leaders, ministers, executives and experts that articles name or quote."},
    )

    id: Mapped[int] = mapped_column(primary_key=True, comment="Surrogate key.")
    key: Mapped[str] = mapped_column(String(200), unique=True, comment="Stable slug (xi-jinping).")
    name: Mapped[str] = mapped_column(
        String(300), comment="Full name as usually written in English."
    )
    country_id: Mapped[int | None] = mapped_column(
        ForeignKey("countries.id", ondelete="RESTRICT"),
        index=True,
        comment="The country the person serves or comes from.",
    )
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL"),
        index=True,
        comment="The organisation the person speaks for, where the articles give one.",
    )
    position: Mapped[str | None] = mapped_column(
        String(300),
        comment="Position as the articles give it (Deputy Foreign Minister of Kazakhstan).",
    )
    loaded_by: Mapped[str] = mapped_column(
        String(16), comment="Which loader wrote the row: seed, article or manual."
    )
    note: Mapped[str | None] = mapped_column(Text, comment="Free-text remark.")
