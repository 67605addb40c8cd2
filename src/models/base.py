"""The declarative base, the naming rules and the column groups that several tables share.

Naming rules (the analyst's interface; every table follows them):

- tables are plural snake_case nouns (``trade_flows``); link tables join two names
  (``agreement_parties``); every table has an integer surrogate key ``id``;
- a foreign key is ``<referenced singular>_id`` (``country_id``), prefixed by its role where a
  table points twice at one table (``reporter_country_id``, ``partner_country_id``);
- curated and extracted records carry a stable natural key ``key`` (a lower-case slug);
- dates end in ``_date`` and carry a ``*_precision`` (day, month, year); timestamps end in ``_at``;
- money is ``value_amount`` + ``value_currency`` (ISO 4217, as stated) + ``value_qualifier`` and a
  derived ``value_usd``; booleans start with ``is_``; counts end in ``_count``;
- enumerated columns are text with a CHECK constraint listing their values (portable, readable
  in every SQL client) rather than a native ENUM type;
- every table and column has a ``comment``: it is the data dictionary.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Context, Decimal
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    TypeDecorator,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_N_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Enumerations: each is enforced by a CHECK constraint; reports and loaders import them.
REVIEW_STATUSES = ("curated", "extracted", "accepted", "rejected")
COUNTING_REVIEW_STATUSES = ("curated", "accepted")
LOADERS = ("seed", "article", "manual")
DATE_PRECISIONS = ("day", "month", "year")
VALUE_QUALIFIERS = ("exact", "over", "about", "nearly", "up_to", "at_least", "under")


def span_start(day: date, precision: str | None) -> date:
    """The first day a date stated to ``precision`` may stand for (2024, 'year' -> 2024-01-01)."""
    if precision == "year":
        return date(day.year, 1, 1)
    if precision == "month":
        return day.replace(day=1)
    return day


def span_end(day: date, precision: str | None) -> date:
    """The last day a date stated to ``precision`` may stand for (2024-02, 'month' -> 02-29)."""
    if precision == "year":
        return date(day.year, 12, 31)
    if precision == "month":
        return day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return day


# What an Amount may hold, so that it reads back as written on both engines. SQLite keeps a
# Numeric as a binary double (SQLAlchemy converts through float), and a decimal of at most 15
# significant digits always survives that round trip (DBL_DIG = 15); 2^53 + 1 would not. Every
# writer of amounts checks ``amount_problem`` before writing and compares through
# ``amount_as_read``; a computed amount (a conversion to USD) is rounded with ``rounded_amount``.
AMOUNT_SIGNIFICANT_DIGITS = 15
AMOUNT_DECIMAL_PLACES = 6  # the scale of Amount
AMOUNT_LIMIT = Decimal(10) ** 18  # amounts are below a quintillion units: 10^18 is refused
_SIGNIFICANT = Context(prec=AMOUNT_SIGNIFICANT_DIGITS)
_AMOUNT_STEP = Decimal(1).scaleb(-AMOUNT_DECIMAL_PLACES)
_ANY_DOUBLE = Context(prec=400)  # enough digits to quantize any double (SQLite's SUM included)


class ExactAmount(TypeDecorator):
    """NUMERIC(28, 6) on both engines, read back on SQLite as the decimal that was written.

    SQLite hands back a binary double (30051234567.8 as 30051234567.799999237...); rounding it to
    15 significant digits recovers the written decimal exactly for every amount that passes
    ``amount_problem``. So both engines return the same Decimal, at six places.
    """

    impl = Numeric(28, 6)
    cache_ok = True

    def result_processor(self, dialect, coltype):
        if dialect.name != "sqlite":
            return super().result_processor(dialect, coltype)
        return _amount_from_sqlite


# Money and measured values: 28 digits with 6 after the point hold any stated amount in units.
Amount = ExactAmount()


def _amount_from_sqlite(value: float | int | None) -> Decimal | None:
    return (
        None if value is None else amount_as_read(value).quantize(_AMOUNT_STEP, context=_ANY_DOUBLE)
    )


def amount_problem(value: Decimal) -> str | None:
    """Why ``value`` cannot be stored as an Amount and read back unchanged; None if it can."""
    if not value.is_finite():
        return f"{value} is not a finite number"
    if abs(value) >= AMOUNT_LIMIT:
        return f"{value:f} is too large: amounts must be below 10^18"
    if value == 0:
        return None
    _, digits, exponent = value.as_tuple()
    while digits[-1] == 0:  # 30050000000 has 4 significant digits
        digits, exponent = digits[:-1], exponent + 1
    if -exponent > AMOUNT_DECIMAL_PLACES:
        return f"{value:f} has more than {AMOUNT_DECIMAL_PLACES} decimal places"
    if len(digits) > AMOUNT_SIGNIFICANT_DIGITS:
        return (
            f"{value:f} has {len(digits)} significant digits; at most "
            f"{AMOUNT_SIGNIFICANT_DIGITS} are kept exactly"
        )
    return None


def amount_as_read(value: Decimal | float | int) -> Decimal:
    """``value`` at 15 significant digits, for comparing amounts: a float that stands for a
    decimal (30051234567.799999237... for 30051234567.8) becomes that decimal again."""
    return _SIGNIFICANT.create_decimal(value)


def rounded_amount(value: Decimal) -> Decimal:
    """A computed amount rounded to what an Amount holds exactly: 6 places, 15 digits."""
    places = value.quantize(_AMOUNT_STEP, context=_ANY_DOUBLE)
    return _SIGNIFICANT.create_decimal(places)


def length_problems(table: Table, values: Mapping[str, Any]) -> list[str]:
    """Each text in ``values`` longer than its ``String(n)`` column of ``table`` holds, as
    "COLUMN is N characters; at most n fit". Writers check before writing: SQLite would keep
    the text whole, PostgreSQL would refuse it with a message that names no record."""
    problems = []
    for name, value in values.items():
        column = table.columns.get(name)
        limit = getattr(column.type, "length", None) if column is not None else None
        if isinstance(value, str) and limit is not None and len(value) > limit:
            problems.append(f"{name} is {len(value)} characters; at most {limit} fit")
    return problems


class Base(DeclarativeBase):
    """Base of every silkledger table."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def one_of(column: str, values: tuple[str, ...], name: str | None = None) -> CheckConstraint:
    """A CHECK constraint that keeps ``column`` within ``values`` (NULL passes, as in SQL)."""
    listed = ", ".join(f"'{value}'" for value in values)
    return CheckConstraint(f"{column} IN ({listed})", name=name or column)


def non_negative(column: str) -> CheckConstraint:
    return CheckConstraint(f"{column} >= 0", name=f"{column}_non_negative")


def unit_interval(column: str) -> CheckConstraint:
    """A CHECK constraint that keeps ``column`` between 0 and 1 (NULL passes)."""
    return CheckConstraint(f"{column} >= 0 AND {column} <= 1", name=f"{column}_range")


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True),
        server_default=func.now(),
        comment="When the row was first written to this database.",
    )
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True),
        server_default=func.now(),
        onupdate=func.now(),
        comment="When the row was last changed.",
    )


class CuratedMixin(TimestampMixin):
    """Columns every fact row has: its stable key, review state and which loader owns it."""

    key: Mapped[str] = mapped_column(
        String(200),
        unique=True,
        comment="Stable natural key (a lower-case slug); seed files and loaders match rows by it.",
    )
    review_status: Mapped[str] = mapped_column(
        String(16),
        default="extracted",
        comment=(
            "Review state: curated (seed, checked by a person), extracted (machine, not yet "
            "reviewed), accepted or rejected. Reports count curated and accepted facts."
        ),
    )
    loaded_by: Mapped[str] = mapped_column(
        String(16),
        comment="Which loader wrote the row: seed, article or manual. A loader only touches its own rows.",
    )
    note: Mapped[str | None] = mapped_column(
        Text, comment="Free-text remark: inferences made, caveats, disagreements between sources."
    )
    confidence: Mapped[float | None] = mapped_column(
        Float,
        comment=(
            "How sure the extractor was that the quote states this fact, from 0 to 1; "
            "NULL for facts curated or entered by a person."
        ),
    )
    extractor_name: Mapped[str | None] = mapped_column(
        String(60),
        comment="The extractor that made the fact (silkledger-rules); NULL for curated facts.",
    )
    extractor_version: Mapped[str | None] = mapped_column(
        String(20), comment="Version of that extractor (0.1.0); NULL for curated facts."
    )

    @staticmethod
    def fact_checks() -> tuple[CheckConstraint, ...]:
        return (
            one_of("review_status", REVIEW_STATUSES),
            one_of("loaded_by", LOADERS),
            unit_interval("confidence"),
        )


class MoneyMixin:
    """A stated amount of money, kept as stated, with a derived USD value."""

    value_amount: Mapped[Decimal | None] = mapped_column(
        Amount,
        comment="The amount as stated, in units of value_currency (24 billion = 24000000000).",
    )
    value_currency: Mapped[str | None] = mapped_column(
        String(3), comment="ISO 4217 code of the stated amount (USD, CNY, KZT)."
    )
    value_qualifier: Mapped[str | None] = mapped_column(
        String(10),
        comment="How the amount was qualified: exact, over, about, nearly, up_to, at_least, under.",
    )
    value_usd: Mapped[Decimal | None] = mapped_column(
        Amount,
        comment="The amount in US dollars, derived through currency_rates; NULL when no rate is known.",
    )

    @staticmethod
    def money_checks() -> tuple[CheckConstraint, ...]:
        return (
            non_negative("value_amount"),
            non_negative("value_usd"),
            one_of("value_qualifier", VALUE_QUALIFIERS),
            CheckConstraint(
                "value_amount IS NULL OR value_currency IS NOT NULL", name="value_has_currency"
            ),
        )


def exactly_one(columns: tuple[str, ...], name: str) -> CheckConstraint:
    """A CHECK constraint that exactly one of ``columns`` is set (portable: no boolean arithmetic)."""
    count = " + ".join(f"CASE WHEN {column} IS NULL THEN 0 ELSE 1 END" for column in columns)
    return CheckConstraint(f"{count} = 1", name=name)


class PartyMixin:
    """A reference to one party: a country, an organisation or a person (exactly one is set)."""

    country_id: Mapped[int | None] = mapped_column(
        ForeignKey("countries.id", ondelete="RESTRICT"),
        index=True,
        comment="The party when it is a country (or an aggregate such as Central Asia).",
    )
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="RESTRICT"),
        index=True,
        comment="The party when it is an organisation.",
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT"),
        index=True,
        comment="The party when it is a person.",
    )

    @staticmethod
    def party_check() -> CheckConstraint:
        return exactly_one(("country_id", "organization_id", "person_id"), "exactly_one_party")


class PeriodMixin:
    """The period a figure covers: start and end dates and a readable label."""

    period_start: Mapped[date | None] = mapped_column(
        Date, index=True, comment="First day of the period the figure covers."
    )
    period_end: Mapped[date | None] = mapped_column(
        Date, comment="Last day of the period the figure covers."
    )
    period_label: Mapped[str | None] = mapped_column(
        String(40), comment="The period as a label: 2024, or 2025-01..2025-04 for four months."
    )

    @staticmethod
    def period_check() -> CheckConstraint:
        return CheckConstraint("period_end >= period_start", name="period_order")


class AttributionMixin:
    """Whom the source attributes a figure to (a customs office, a minister)."""

    attributed_to_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"),
        comment="The person the source quotes for the figure (Kuantyrov, Tokayev).",
    )
    attributed_to_organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL"),
        comment="The organisation the source credits for the figure (China's customs).",
    )
