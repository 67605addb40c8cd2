"""The Indicators sheet, in both workbooks: every other figure the articles state (investment
portfolios, numbers of projects and enterprises, jobs, shares, growth, ranks, targets), one row
per claimed value with its sources, so that figures that differ (224 projects worth $66.5bn in
one sentence, $66.4bn in another) stand side by side.

Both workbooks carry it because the indicators straddle them: portfolios, projects, jobs and
investment targets are read beside the deals; trade shares, growth, transit and trade targets
beside the trade claims. An analyst who opens either workbook finds all of them, sorted by
country, partner and metric.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import aliased

from ..models import Citation, Country, Indicator, Organization, Person
from ..models.base import VALUE_QUALIFIERS
from .filters import ReportFilters
from .selection import (
    BATCH_SIZE,
    DetailSheet,
    SourceIndex,
    attributed_to_column,
    claim_conditions,
    fact_sources,
    fact_tail_columns,
    max_sources_per_fact,
    period_text,
    source_cells,
)
from .workbook import (
    FORMAT_AMOUNT,
    FORMAT_USD_BN,
    Column,
    slug_column,
    usd_bn,
)

SHEET_TITLE = "Indicators"
DATES_RULE = (
    "Indicators count like trade claims: when their whole period lies within the period; "
    "an indicator without a period is left out when a date bound is set."
)

IndicatorCountry = aliased(Country, name="indicator_country")
IndicatorPartner = aliased(Country, name="indicator_partner")


def indicator_conditions(filters: ReportFilters, country_ids: list[int] | None) -> list:
    return claim_conditions(
        Indicator, filters, country_ids, Indicator.country_id, Indicator.partner_country_id
    )


def indicator_columns(n_sources: int) -> list[Column]:
    return [
        Column("Country", width=16, dictionary="indicators.country_id", note="Name."),
        Column("Partner", width=16, dictionary="indicators.partner_country_id", note="Name."),
        Column("Metric", width=20, dictionary="indicators.metric", words=True),
        Column("What is measured", "wrap", 44, dictionary="indicators.name"),
        Column("Period", width=14, dictionary="indicators.period_label"),
        Column("Value (in Unit)", "number", 18, FORMAT_AMOUNT, dictionary="indicators.value"),
        Column("Unit", width=10, dictionary="indicators.unit"),
        slug_column("Qualifier", VALUE_QUALIFIERS, "indicators.value_qualifier"),
        Column(
            "Value (USD bn)",
            "number",
            12,
            FORMAT_USD_BN,
            dictionary="indicators.value_usd",
            note="In billions of US dollars.",
        ),
        Column(
            "Target or achieved",
            width=11,
            dictionary="indicators.is_target",
            note="target: a goal; achieved: a figure reached.",
        ),
        Column("Context", "wrap", 36, dictionary="indicators.description"),
        attributed_to_column("indicators"),
        *fact_tail_columns("indicators", 30, n_sources),
    ]


def indicator_rows(
    connection: Connection, conditions: list, index: SourceIndex, n_sources: int
) -> Iterator[tuple]:
    stmt = (
        select(
            Indicator.id,
            IndicatorCountry.name.label("country"),
            IndicatorPartner.name.label("partner"),
            Indicator.metric,
            Indicator.name,
            Indicator.period_label,
            Indicator.period_start,
            Indicator.period_end,
            Indicator.value,
            Indicator.unit,
            Indicator.value_qualifier,
            Indicator.value_usd,
            Indicator.is_target,
            Indicator.description,
            func.coalesce(Person.name, Organization.name).label("attributed_to"),
            Indicator.review_status,
            Indicator.key,
        )
        .outerjoin(IndicatorCountry, IndicatorCountry.id == Indicator.country_id)
        .outerjoin(IndicatorPartner, IndicatorPartner.id == Indicator.partner_country_id)
        .outerjoin(Person, Person.id == Indicator.attributed_to_person_id)
        .outerjoin(Organization, Organization.id == Indicator.attributed_to_organization_id)
        .where(*conditions)
        .order_by(
            IndicatorCountry.name.is_(None),
            IndicatorCountry.name,
            IndicatorPartner.name.is_(None),
            IndicatorPartner.name,
            Indicator.metric,
            Indicator.period_start.is_(None),
            Indicator.period_start,
            Indicator.id,
        )
        .execution_options(yield_per=BATCH_SIZE)
    )
    for batch in connection.execute(stmt).partitions():
        sources = fact_sources(connection, Citation.indicator_id, [row.id for row in batch])
        for row in batch:
            yield (
                row.country,
                row.partner,
                row.metric,
                row.name,
                period_text(row.period_label, row.period_start, row.period_end),
                row.value,
                row.unit,
                row.value_qualifier,
                usd_bn(row.value_usd),
                "target" if row.is_target else "achieved",
                row.description,
                row.attributed_to,
                row.review_status,
                row.key,
                *source_cells(index, sources.get(row.id), n_sources),
            )


class IndicatorSelection:
    """The indicators a report's filters select: what its source index must include, and the
    sheet that lists them."""

    def __init__(self, connection: Connection, filters: ReportFilters, country_ids):
        self.connection = connection
        self.conditions = indicator_conditions(filters, country_ids)
        self.ids = select(Indicator.id).where(*self.conditions)
        self.n_sources = max_sources_per_fact(connection, Citation.indicator_id, self.ids)

    @property
    def cited(self):
        """The (citations column, fact ids) pair of ``build_source_index``."""
        return (Citation.indicator_id, self.ids)

    def sheet(self, index: SourceIndex) -> DetailSheet:
        return DetailSheet(
            SHEET_TITLE,
            "Indicators",
            indicator_columns(self.n_sources),
            indicator_rows(self.connection, self.conditions, index, self.n_sources),
        )
