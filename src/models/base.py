"""The declarative base, the naming rules and the column groups that several tables share.

Naming rules (the analyst's interface; tests/test_naming_rules.py checks the schema against them,
and each exception is written here, as PUDL's naming conventions do):

- tables are plural snake_case nouns (``trade_flows``, ``people``); link tables join two names
  (``agreement_parties``);
- every table has an integer surrogate key ``id`` (declared once, by ``IdMixin``), except the link
  tables whose rows are nothing but the link, keyed by their foreign keys and role:
  ``agreement_sectors``, ``country_group_members``, ``project_countries``,
  ``project_organizations``;
- a foreign key is ``<referenced singular>_id`` (``country_id``), prefixed by its role where a
  table points twice at one table or the link needs a name (``reporter_country_id``,
  ``partner_country_id``, ``part_of_agreement_id``); exception: a sector's broader sector is
  ``parent_id``; every other ``*_id`` column is a foreign key, but for a review action's
  ``fact_id``, which outlives the fact it names;
- curated and extracted records carry a stable natural key ``key`` (a lower-case slug);
- dates end in ``_date`` and carry a ``<date>_precision`` (day, month, year); exceptions: an
  event's ``start_date`` and ``end_date`` share one ``date_precision``, and the bounds of a period
  or a validity range are whole days that need no precision: ``period_start`` / ``period_end``
  (trade flows, indicators) and ``valid_from`` / ``valid_to`` (currency rates); timestamps end in
  ``_at``; years are integers ending in ``_year``;
- money is ``value_amount`` + ``value_currency`` (ISO 4217, as stated) + ``value_qualifier`` and a
  derived ``value_usd``; a figure that may or may not be money (trade flows, indicators) is
  ``value`` + ``unit`` + ``value_qualifier`` + ``value_usd``; booleans start with ``is_``; counts
  end in ``_count``;
- enumerated columns are text with a CHECK constraint listing their values (portable, readable
  in every SQL client) rather than a native ENUM type;
- every table and column has a ``comment``: it is the data dictionary. Column comments are written
  once, in the field dictionary (``models/fields.py``), which lists an enumeration's values from
  the same tuple as its CHECK.
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
    Index,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    TypeDecorator,
    func,
    text,
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
# What the analysts' ``_all`` views (and summaries) count: every fact not rejected.
ALL_REVIEW_STATUSES = tuple(status for status in REVIEW_STATUSES if status != "rejected")

LOADERS = ("seed", "article", "manual")
DATE_PRECISIONS = ("day", "month", "year")
VALUE_QUALIFIERS = ("exact", "over", "about", "nearly", "up_to", "at_least", "under")


def statuses_in(column: str, statuses: tuple[str, ...]) -> str:
    """SQL: ``column`` holds one of ``statuses``."""
    listed = ", ".join(f"'{status}'" for status in statuses)
    return f"{column} IN ({listed})"


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


def sql_list(values: tuple[str, ...]) -> str:
    """``("a", "b")`` -> ``'a', 'b'``: values as SQL string literals, for an IN (...) list."""
    return ", ".join(f"'{value}'" for value in values)


def one_of(column: str, values: tuple[str, ...], name: str | None = None) -> CheckConstraint:
    """A CHECK constraint that keeps ``column`` within ``values`` (NULL passes, as in SQL)."""
    return CheckConstraint(f"{column} IN ({sql_list(values)})", name=name or column)


def non_negative(column: str) -> CheckConstraint:
    return CheckConstraint(f"{column} >= 0", name=f"{column}_non_negative")


def unit_interval(column: str) -> CheckConstraint:
    """A CHECK constraint that keeps ``column`` between 0 and 1 (NULL passes)."""
    return CheckConstraint(f"{column} >= 0 AND {column} <= 1", name=f"{column}_range")


class IdMixin:
    """The integer surrogate key ``id``, declared once for every table that has one (all but the
    link tables keyed by what they link); ``sort_order`` keeps it the first column."""

    id: Mapped[int] = mapped_column(primary_key=True, sort_order=-1)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )


class CuratedMixin(TimestampMixin):
    """Columns every fact row has: its stable key, review state and which loader owns it."""

    key: Mapped[str] = mapped_column(String(200), unique=True)
    review_status: Mapped[str] = mapped_column(String(16), default="extracted")
    loaded_by: Mapped[str] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float | None] = mapped_column(Float)
    extractor_name: Mapped[str | None] = mapped_column(String(60))
    extractor_version: Mapped[str | None] = mapped_column(String(20))

    @staticmethod
    def fact_checks() -> tuple[CheckConstraint, ...]:
        return (
            one_of("review_status", REVIEW_STATUSES),
            one_of("loaded_by", LOADERS),
            unit_interval("confidence"),
        )


class MoneyMixin:
    """A stated amount of money, kept as stated, with a derived USD value."""

    value_amount: Mapped[Decimal | None] = mapped_column(Amount)
    value_currency: Mapped[str | None] = mapped_column(String(3))
    value_qualifier: Mapped[str | None] = mapped_column(String(10))
    value_usd: Mapped[Decimal | None] = mapped_column(Amount)
    currency_rate_id: Mapped[int | None] = mapped_column(ForeignKey("currency_rates.id"))

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


def index_where_set(table: str, column: str, *covering: str) -> Index:
    """An index on ``column`` over only the rows where it is set (a partial index), then on
    ``covering`` columns, so a lookup can read them from the index alone.

    Why partial: a column that is mostly NULL (citations.event_id, agreements.project_id) gets
    statistics that describe the rows that have a value. SQLite's sqlite_stat1 counts NULL as
    one value: a full index on a column that is NULL everywhere is taken to match every row, and
    the planner then scans the whole table once per event or project. A lookup ``column = x``
    implies ``column IS NOT NULL``, so both engines use the partial index for it (and for the
    foreign key's ON DELETE)."""
    return partial_index(table, column, f"{column} IS NOT NULL", *covering)


def partial_index(table: str, column: str, where: str, *covering: str) -> Index:
    """``ix_<table>_<column>`` over the rows for which ``where`` holds, on both engines."""
    condition = text(where)
    return Index(
        f"ix_{table}_{column}",
        column,
        *covering,
        sqlite_where=condition,
        postgresql_where=condition,
    )


class PartyMixin:
    """A reference to one party: a country, an organisation or a person (exactly one is set)."""

    country_id: Mapped[int | None] = mapped_column(
        ForeignKey("countries.id", ondelete="RESTRICT"), index=True
    )
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="RESTRICT"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT"), index=True
    )

    @staticmethod
    def party_check() -> CheckConstraint:
        return exactly_one(("country_id", "organization_id", "person_id"), "exactly_one_party")


class PeriodMixin:
    """The period a figure covers: start and end dates and a readable label."""

    period_start: Mapped[date | None] = mapped_column(Date, index=True)
    period_end: Mapped[date | None] = mapped_column(Date)
    period_label: Mapped[str | None] = mapped_column(String(40))

    @staticmethod
    def period_check() -> CheckConstraint:
        return CheckConstraint("period_end >= period_start", name="period_order")


class AttributionMixin:
    """Whom the source attributes a figure to (a customs office, a minister)."""

    attributed_to_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL")
    )
    attributed_to_organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL")
    )
