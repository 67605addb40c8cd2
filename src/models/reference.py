"""Reference data: countries and their aliases, sectors, currency rates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Amount, Base, TimestampMixin, one_of

ALIAS_KINDS = ("name", "demonym", "capital", "abbreviation", "other")


class Country(TimestampMixin, Base):
    __tablename__ = "countries"
    __table_args__ = {
        "comment": (
            "Every ISO 3166 country, plus aggregates that articles treat as one party "
            "(Central Asia as a whole, the EU), flagged is_aggregate."
        )
    }

    id: Mapped[int] = mapped_column(primary_key=True, comment="Surrogate key.")
    iso3: Mapped[str] = mapped_column(
        String(3),
        unique=True,
        comment="ISO 3166-1 alpha-3 code, the readable key (KAZ); aggregates use a user-assigned code (XCA).",
    )
    iso2: Mapped[str | None] = mapped_column(
        String(2), unique=True, comment="ISO 3166-1 alpha-2 code (KZ); NULL for aggregates."
    )
    numeric_code: Mapped[str | None] = mapped_column(
        String(3), comment="ISO 3166-1 numeric code as three digits (398); NULL for aggregates."
    )
    name: Mapped[str] = mapped_column(String(200), comment="Common English name (Kazakhstan).")
    official_name: Mapped[str | None] = mapped_column(
        String(300), comment="Official English name where ISO gives one (Republic of Kazakhstan)."
    )
    region: Mapped[str | None] = mapped_column(
        String(100),
        index=True,
        comment="UN M49 sub-region (Central Asia, Eastern Asia) where known.",
    )
    is_aggregate: Mapped[bool] = mapped_column(
        default=False,
        comment="True for a group of countries treated as one party (Central Asia, EU).",
    )


class CountryAlias(Base):
    __tablename__ = "country_aliases"
    __table_args__ = (
        one_of("kind", ALIAS_KINDS),
        {
            "comment": "What texts call a country: demonyms, capitals standing for governments, short names."
        },
    )

    id: Mapped[int] = mapped_column(primary_key=True, comment="Surrogate key.")
    country_id: Mapped[int] = mapped_column(
        ForeignKey("countries.id", ondelete="CASCADE"), index=True, comment="The country meant."
    )
    alias: Mapped[str] = mapped_column(
        String(200), unique=True, comment="The words as texts use them (Kazakh, PRC, Beijing)."
    )
    kind: Mapped[str] = mapped_column(
        String(16), comment="name, demonym, capital, abbreviation or other."
    )


class CountryGroupMember(Base):
    __tablename__ = "country_group_members"
    __table_args__ = {"comment": "Which countries an aggregate (Central Asia, EU) is made of."}

    group_country_id: Mapped[int] = mapped_column(
        ForeignKey("countries.id", ondelete="CASCADE"),
        primary_key=True,
        comment="The aggregate (a countries row with is_aggregate).",
    )
    member_country_id: Mapped[int] = mapped_column(
        ForeignKey("countries.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
        comment="A member country.",
    )


class Sector(Base):
    __tablename__ = "sectors"
    __table_args__ = {"comment": "A small two-level taxonomy of economic sectors."}

    id: Mapped[int] = mapped_column(primary_key=True, comment="Surrogate key.")
    key: Mapped[str] = mapped_column(String(100), unique=True, comment="Stable slug (oil_gas).")
    name: Mapped[str] = mapped_column(String(200), comment="Display name (Oil and gas).")
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("sectors.id", ondelete="RESTRICT"),
        comment="The broader sector (energy for oil_gas); NULL at the top level.",
    )
    description: Mapped[str | None] = mapped_column(Text, comment="What the sector covers.")


class CurrencyRate(Base):
    __tablename__ = "currency_rates"
    __table_args__ = (
        UniqueConstraint("currency", "valid_from"),
        CheckConstraint("usd_per_unit > 0", name="usd_per_unit_positive"),
        CheckConstraint("valid_to >= valid_from", name="valid_range"),
        {"comment": "Rates used to derive value_usd from amounts stated in other currencies."},
    )

    id: Mapped[int] = mapped_column(primary_key=True, comment="Surrogate key.")
    currency: Mapped[str] = mapped_column(String(3), comment="ISO 4217 code (CNY).")
    valid_from: Mapped[date] = mapped_column(Date, comment="First day the rate applies to.")
    valid_to: Mapped[date] = mapped_column(Date, comment="Last day the rate applies to.")
    usd_per_unit: Mapped[Decimal] = mapped_column(
        Amount, comment="US dollars for one unit of the currency."
    )
    source_note: Mapped[str] = mapped_column(Text, comment="Where the rate comes from.")
