"""What every view module uses: a view and its documented columns, and a few SQL pieces.

A view is documented like a table: a description and every column with its meaning. A column
that is a table column word for word says so (``source="agreements.title"``) and takes that
column's comment, so a text is never written twice.

Counting: each view counts curated and accepted facts only, like the reports. Its ``_all`` twin
(``deals_all``, ``disagreements_all`` …) has the same columns and also counts extracted facts,
those not yet reviewed; rejected facts are in neither. Every such view has a ``review_status``
column. A view's ``sql(dialect, counted)`` returns its SELECT; ``counted(column)`` is the
review-status condition of the variant being rendered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..base import ALL_REVIEW_STATUSES, COUNTING_REVIEW_STATUSES, REVIEW_STATUSES, Base, statuses_in
from ..dialect import Dialect
from ..trade_groups import group_prefix

__all__ = ["ALL_SUFFIX", "Counting", "Dialect", "View", "ViewColumn", "col"]

ALL_SUFFIX = "_all"
ALL_VARIANT_NOTE = "This _all variant also counts extracted (unreviewed) facts."


@dataclass(frozen=True)
class Counting:
    """The review statuses a view variant counts; called with a column, the SQL condition."""

    statuses: tuple[str, ...]

    def __call__(self, column: str) -> str:
        return statuses_in(column, self.statuses)

    @property
    def group_prefix(self) -> str:
        """Prefix of trade_flow_groups' columns that count these statuses ('' or 'all_')."""
        return group_prefix(self.statuses)


# sql(dialect, counted) -> the SELECT
SqlFunction = Callable[[Dialect, Counting], str]


@dataclass(frozen=True)
class ViewColumn:
    name: str
    description: str | None = None
    source: str | None = None  # "table.column" whose comment describes this column

    def meaning(self) -> str:
        if self.description:
            return self.description
        table, column = self.source.split(".")
        return Base.metadata.tables[table].columns[column].comment


@dataclass(frozen=True)
class View:
    name: str
    description: str
    columns: tuple[ViewColumn, ...]
    sql: SqlFunction = field(repr=False)
    has_all_variant: bool = True

    def variants(self) -> list[tuple[str, tuple[str, ...] | None]]:
        """(view name, statuses counted) for the view and its ``_all`` twin."""
        if not self.has_all_variant:
            return [(self.name, None)]
        return [
            (self.name, COUNTING_REVIEW_STATUSES),
            (self.name + ALL_SUFFIX, ALL_REVIEW_STATUSES),
        ]

    def describe(self, name: str) -> str:
        """The description of the view ``name``: this view or its ``_all`` twin."""
        if name == self.name:
            return self.description
        return f"{self.description} {ALL_VARIANT_NOTE}"

    def select(self, dialect: Dialect, statuses: tuple[str, ...] | None) -> str:
        """The SELECT of the variant counting ``statuses``."""
        return self.sql(dialect, Counting(statuses or REVIEW_STATUSES))


def col(name: str, source: str | None = None, description: str | None = None) -> ViewColumn:
    return ViewColumn(name, description, source)


# ------------------------------------------------------------------ SQL several views share


def party_name(alias: str = "pt") -> str:
    return f"COALESCE({alias}_c.name, {alias}_o.name, {alias}_p.name)"


def party_joins(table: str, alias: str = "pt") -> str:
    return (
        f"{table} {alias} "
        f"LEFT JOIN countries {alias}_c ON {alias}_c.id = {alias}.country_id "
        f"LEFT JOIN organizations {alias}_o ON {alias}_o.id = {alias}.organization_id "
        f"LEFT JOIN people {alias}_p ON {alias}_p.id = {alias}.person_id"
    )


def source_count(fact_column: str, fact_id: str) -> str:
    return f"(SELECT count(DISTINCT ci.source_id) FROM citations ci WHERE ci.{fact_column} = {fact_id})"


def spread(prefix: str = "") -> str:
    """(highest - lowest) / lowest in percent, from the columns named ``prefix``lowest …"""
    lowest, highest = f"{prefix}lowest", f"{prefix}highest"
    return f"CASE WHEN {lowest} > 0 THEN round(({highest} - {lowest}) * 100.0 / {lowest}, 1) END"


# The citing source's columns, documented once (trade claims, disagreements, source facts).
# The rate that gave a fact's value_usd (currency_rates, through currency_rate_id).
USD_RATE_COLUMNS = (
    col(
        "usd_rate",
        description="USD per unit of the stated currency: the rate that gave value_usd "
        "(currency_rates.usd_per_unit); NULL for dollars and figures without a USD value.",
    ),
    col("usd_rate_source", description="Where that rate comes from (currency_rates.source_note)."),
)
SOURCE_COLUMNS_DOC = (
    col("source_id", "citations.source_id"),
    col("source_key", "sources.key"),
    col("source_title", "sources.title"),
    col("source_published_date", "sources.published_date"),
)
