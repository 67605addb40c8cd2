"""Reference data: countries and their aliases, sectors, currency rates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Amount, Base, IdMixin, TimestampMixin, one_of

ALIAS_KINDS = ("name", "demonym", "capital", "abbreviation", "other")


class Country(IdMixin, TimestampMixin, Base):
    __tablename__ = "countries"
    __table_args__ = {
        "comment": (
            "Every ISO 3166 country, plus aggregates that articles treat as one party "
            "(Central Asia as a whole, the EU), flagged is_aggregate."
        )
    }

    iso3: Mapped[str] = mapped_column(String(3), unique=True)
    iso2: Mapped[str | None] = mapped_column(String(2), unique=True)
    numeric_code: Mapped[str | None] = mapped_column(String(3))
    name: Mapped[str] = mapped_column(String(200))
    official_name: Mapped[str | None] = mapped_column(String(300))
    region: Mapped[str | None] = mapped_column(String(100), index=True)
    is_aggregate: Mapped[bool] = mapped_column(default=False)


class CountryAlias(IdMixin, Base):
    __tablename__ = "country_aliases"
    __table_args__ = (
        one_of("kind", ALIAS_KINDS),
        {
            "comment": "What texts call a country: demonyms, capitals standing for governments, short names."
        },
    )

    country_id: Mapped[int] = mapped_column(
        ForeignKey("countries.id", ondelete="CASCADE"), index=True
    )
    alias: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(16))


class CountryGroupMember(Base):
    __tablename__ = "country_group_members"
    __table_args__ = {"comment": "Which countries an aggregate (Central Asia, EU) is made of."}

    group_country_id: Mapped[int] = mapped_column(
        ForeignKey("countries.id", ondelete="CASCADE"), primary_key=True
    )
    member_country_id: Mapped[int] = mapped_column(
        ForeignKey("countries.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Sector(IdMixin, Base):
    __tablename__ = "sectors"
    __table_args__ = {"comment": "A small two-level taxonomy of economic sectors."}

    key: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("sectors.id", ondelete="RESTRICT"))
    description: Mapped[str | None] = mapped_column(Text)


class CurrencyRate(IdMixin, Base):
    __tablename__ = "currency_rates"
    __table_args__ = (
        UniqueConstraint("currency", "valid_from"),
        CheckConstraint("usd_per_unit > 0", name="usd_per_unit_positive"),
        CheckConstraint("valid_to >= valid_from", name="valid_range"),
        {"comment": "Rates used to derive value_usd from amounts stated in other currencies."},
    )

    currency: Mapped[str] = mapped_column(String(3))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date] = mapped_column(Date)
    usd_per_unit: Mapped[Decimal] = mapped_column(Amount)
    source_note: Mapped[str] = mapped_column(Text)
