"""The trade workbook: every trade claim with its source, and where sources disagree.

Sheets: Summary (latest annual turnover of each Central Asian country, and of Central Asia as a
whole, with China; a chart over the years available), Trade flows (every claim), Disagreements
(figures stated by more than one source, lowest, highest, spread and each source's figure),
Shares and volumes (claims in percent, tonnes and containers), Sources, About.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from itertools import groupby

import pandas as pd
from sqlalchemy import Connection, and_, case, distinct, func, or_, select
from sqlalchemy.orm import aliased

from ..models import Citation, Country, Organization, Person, TradeFlow
from ..models.base import VALUE_QUALIFIERS
from ..models.trade import is_currency
from .base import Report
from .filters import ReportFilters
from .rates import RATE_COLUMN, RateBook
from .selection import (
    BATCH_SIZE,
    CHINA,
    DetailSheet,
    SourceIndex,
    attributed_to_column,
    build_source_index,
    central_asia_countries,
    claim_conditions,
    describe_selection,
    fact_tail_columns,
    max_sources_per_fact,
    period_text,
    source_cells,
)
from .workbook import (
    FORMAT_AMOUNT,
    FORMAT_INT,
    FORMAT_PERCENT_NUMBER,
    FORMAT_USD_BN,
    Column,
    WorkbookBuilder,
    datetime_cell_value,
    slug_column,
    text_width,
    usd_bn,
)

Reporter = aliased(Country, name="reporter")
Partner = aliased(Country, name="partner")
ATTRIBUTED = func.coalesce(Person.name, Organization.name).label("attributed_to")
FORMAT_FIGURE = "#,##0.00##"


def trade_conditions(filters: ReportFilters, country_ids: list[int] | None) -> list:
    return claim_conditions(
        TradeFlow,
        filters,
        country_ids,
        TradeFlow.reporter_country_id,
        TradeFlow.partner_country_id,
    )


def _claim_columns():
    return (
        TradeFlow.id,
        Reporter.name.label("reporter"),
        Partner.name.label("partner"),
        TradeFlow.period_label,
        TradeFlow.period_start,
        TradeFlow.period_end,
        TradeFlow.flow,
        TradeFlow.measure,
        TradeFlow.value,
        TradeFlow.unit,
        TradeFlow.value_qualifier,
        TradeFlow.value_usd,
        TradeFlow.currency_rate_id,
        ATTRIBUTED,
        TradeFlow.review_status,
        TradeFlow.key,
    )


def _with_names(stmt):
    return (
        stmt.join(Reporter, Reporter.id == TradeFlow.reporter_country_id)
        .join(Partner, Partner.id == TradeFlow.partner_country_id)
        .outerjoin(Person, Person.id == TradeFlow.attributed_to_person_id)
        .outerjoin(Organization, Organization.id == TradeFlow.attributed_to_organization_id)
    )


CLAIM_ORDER = (
    Reporter.name,
    Partner.name,
    TradeFlow.period_start.is_(None),
    TradeFlow.period_start,
    TradeFlow.period_end,
    TradeFlow.flow,
    TradeFlow.measure,
    TradeFlow.unit,
    TradeFlow.value,
    TradeFlow.id,
)


def claims(connection: Connection, conditions: list) -> Iterator[tuple]:
    """(claim row, its source ids) in sheet order, streamed: one query, citations joined and
    folded back into their claim."""
    stmt = (
        _with_names(select(*_claim_columns(), Citation.source_id))
        .outerjoin(Citation, Citation.trade_flow_id == TradeFlow.id)
        .where(*conditions)
        .order_by(*CLAIM_ORDER, Citation.source_id)
        .execution_options(yield_per=BATCH_SIZE)
    )
    result = connection.execute(stmt)
    for _claim_id, rows in groupby(result, key=lambda row: row.id):
        group = list(rows)
        first = group[0]
        source_ids = [row.source_id for row in group if row.source_id is not None]
        yield first, source_ids


# --------------------------------------------------------------------------- trade flows

# What a claim is about: who reports trade with whom, over which period, which flow and measure.
REPORTER = Column("Reporter", width=16, dictionary="trade_flows.reporter_country_id", note="Name.")
PARTNER = Column("Partner", width=16, dictionary="trade_flows.partner_country_id", note="Name.")
PERIOD = Column("Period", width=16, dictionary="trade_flows.period_label")
PERIOD_START = Column("Period start", "date", 11, dictionary="trade_flows.period_start")
PERIOD_END = Column("Period end", "date", 11, dictionary="trade_flows.period_end")
FLOW = Column("Flow", width=10, dictionary="trade_flows.flow")
MEASURE = Column("Measure", width=9, dictionary="trade_flows.measure")
QUALIFIER = slug_column("Qualifier", VALUE_QUALIFIERS, "trade_flows.value_qualifier")


def claim_columns(*period_detail: Column) -> list[Column]:
    """The columns every claim sheet starts with; ``period_detail`` goes after Period."""
    return [REPORTER, PARTNER, PERIOD, *period_detail, FLOW, MEASURE]


def claim_values(row, *period_detail) -> tuple:
    """The cells of ``claim_columns`` for a claim ``row``."""
    return (
        row.reporter,
        row.partner,
        period_text(row.period_label, row.period_start, row.period_end),
        *period_detail,
        row.flow,
        row.measure,
    )


ATTRIBUTED_TO = attributed_to_column("trade_flows")


def claim_tail_columns(n_sources: int) -> list[Column]:
    """The columns every claim sheet ends with: who said it, review state, key and sources."""
    return [
        ATTRIBUTED_TO,
        *fact_tail_columns("trade_flows", 34, n_sources),
    ]


def flow_columns(n_sources: int) -> list[Column]:
    return [
        *claim_columns(PERIOD_START, PERIOD_END),
        Column(
            "Value (in Unit)",
            "number",
            18,
            FORMAT_AMOUNT,
            dictionary="trade_flows.value",
        ),
        Column("Unit", width=10, dictionary="trade_flows.unit"),
        QUALIFIER,
        Column(
            "Value (USD bn)",
            "number",
            12,
            FORMAT_USD_BN,
            dictionary="trade_flows.value_usd",
            note="In billions of US dollars.",
        ),
        RATE_COLUMN,
        *claim_tail_columns(n_sources),
    ]


def flow_rows(connection, conditions, index: SourceIndex, n_sources: int) -> Iterator[tuple]:
    rates = RateBook.from_connection(connection)
    for row, source_ids in claims(connection, conditions):
        yield (
            *claim_values(row, (row.period_start, "day"), (row.period_end, "day")),
            row.value,
            row.unit,
            row.value_qualifier,
            usd_bn(row.value_usd),
            rates.label(row.currency_rate_id),
            row.attributed_to,
            row.review_status,
            row.key,
            *source_cells(index, source_ids, n_sources),
        )


# --------------------------------------------------------------------------- shares, volumes


def share_columns(n_sources: int) -> list[Column]:
    return [
        *claim_columns(),
        Column(
            "Share (%)",
            "number",
            10,
            FORMAT_PERCENT_NUMBER,
            dictionary="trade_flows.value",
            note="For unit percent: the share in percent (15.5 = 15.5%).",
        ),
        Column(
            "Volume (tonnes)",
            "number",
            14,
            FORMAT_INT,
            dictionary="trade_flows.value",
            note="For unit tonnes.",
        ),
        Column(
            "Volume (containers)",
            "number",
            14,
            FORMAT_INT,
            dictionary="trade_flows.value",
            note="For unit containers.",
        ),
        Column(
            "Other value (in Unit)",
            "number",
            14,
            FORMAT_AMOUNT,
            dictionary="trade_flows.value",
            note="A share or volume stated in any other unit.",
        ),
        Column("Unit", width=10, dictionary="trade_flows.unit"),
        QUALIFIER,
        *claim_tail_columns(n_sources),
    ]


UNIT_SLOTS = {"percent": 0, "tonnes": 1, "containers": 2}


def share_rows(connection, conditions, index: SourceIndex, n_sources: int) -> Iterator[tuple]:
    for row, source_ids in claims(connection, conditions):
        slots = [None, None, None, None]
        slots[UNIT_SLOTS.get(row.unit, 3)] = row.value
        yield (
            *claim_values(row),
            *slots,
            row.unit,
            row.value_qualifier,
            row.attributed_to,
            row.review_status,
            row.key,
            *source_cells(index, source_ids, n_sources),
        )


# --------------------------------------------------------------------------- disagreements

GROUP_COLUMNS = (
    TradeFlow.reporter_country_id,
    TradeFlow.partner_country_id,
    TradeFlow.period_start,
    TradeFlow.period_end,
    TradeFlow.flow,
    TradeFlow.measure,
    TradeFlow.unit,
)


def disagreement_groups(conditions: list):
    """Reporter/partner/period/flow/measure/unit combinations stated by more than one source."""
    n_sources = func.count(distinct(Citation.source_id))
    return (
        select(
            *(column.label(f"g_{column.key}") for column in GROUP_COLUMNS),
            func.min(TradeFlow.value).label("low"),
            func.max(TradeFlow.value).label("high"),
            n_sources.label("n_sources"),
        )
        .join(Citation, Citation.trade_flow_id == TradeFlow.id)
        .where(*conditions)
        .group_by(*GROUP_COLUMNS)
        .having(n_sources > 1)
        .subquery("disagreement_groups")
    )


def disagreement_columns() -> list[Column]:
    shown = "In Unit shown: billions for a currency (USD bn), else as stated."
    return [
        *claim_columns(),
        Column(
            "Unit shown",
            width=11,
            dictionary="trade_flows.unit",
            note="The unit of Lowest, Highest and Figure: USD bn for dollars.",
        ),
        Column(
            "Sources stating it",
            "int",
            10,
            note="How many sources state a figure for this reporter, partner, period, flow, "
            "measure and unit.",
        ),
        Column(
            "Lowest (in Unit shown)",
            "number",
            12,
            FORMAT_FIGURE,
            dictionary="trade_flows.value",
            note="The lowest figure any source states. " + shown,
        ),
        Column(
            "Highest (in Unit shown)",
            "number",
            12,
            FORMAT_FIGURE,
            dictionary="trade_flows.value",
            note="The highest figure any source states. " + shown,
        ),
        Column(
            "Spread (%)",
            "number",
            10,
            "0.0",
            note="(Highest − Lowest) / Lowest × 100.",
        ),
        Column(
            "Figure (in Unit shown)",
            "number",
            12,
            FORMAT_FIGURE,
            dictionary="trade_flows.value",
            note="The figure this source states. " + shown,
        ),
        QUALIFIER,
        Column("Stated as", "wrap", 20, dictionary="citations.stated_value"),
        ATTRIBUTED_TO,
        Column(
            "Source",
            "source",
            12,
            dictionary="citations.source_id",
            note="A link to the source's row in the Sources sheet.",
        ),
        Column("Claim key", "wrap", 34, dictionary="trade_flows.key"),
    ]


def _scale(unit: str | None) -> tuple[str, float]:
    if is_currency(unit):
        return f"{unit} bn", 1e9
    return unit or "", 1.0


def disagreement_rows(connection, conditions, index: SourceIndex) -> Iterator[tuple]:
    groups = disagreement_groups(conditions)
    join = and_(
        *(
            column.is_not_distinct_from(groups.c[f"g_{column.key}"])
            if column.key in ("period_start", "period_end")
            else column == groups.c[f"g_{column.key}"]
            for column in GROUP_COLUMNS
        )
    )
    stmt = (
        _with_names(
            select(
                *_claim_columns(),
                groups.c.low,
                groups.c.high,
                groups.c.n_sources,
                Citation.source_id,
                Citation.stated_value,
            ).join(groups, join)
        )
        .join(Citation, Citation.trade_flow_id == TradeFlow.id)
        .where(*conditions)
        .order_by(*CLAIM_ORDER, Citation.source_id, Citation.id)
        .execution_options(yield_per=BATCH_SIZE)
    )
    links = index.links
    for _claim_id, rows in groupby(connection.execute(stmt), key=lambda row: row.id):
        by_source: dict[int, object] = {}
        for row in rows:
            by_source.setdefault(row.source_id, row)  # first citation of each source
        for source_id in sorted(by_source, key=lambda s: links[s][1]):
            row = by_source[source_id]
            unit_shown, divisor = _scale(row.unit)
            low, high = float(row.low), float(row.high)
            yield (
                *claim_values(row),
                unit_shown,
                row.n_sources,
                low / divisor,
                high / divisor,
                (high - low) / low * 100 if low > 0 else None,
                float(row.value) / divisor,
                row.value_qualifier,
                row.stated_value,
                row.attributed_to,
                source_id,
                row.key,
            )


# --------------------------------------------------------------------------- summary


def turnover_with_china(connection: Connection, conditions: list) -> pd.DataFrame:
    """Turnover claims between China and each Central Asian country (and XCA), in US dollars:
    per country and full calendar year, the lowest and highest claim, claims and sources."""
    china_id = connection.execute(select(Country.id).where(Country.iso3 == CHINA)).scalar()
    region = central_asia_countries(connection)
    columns = ["country_id", "period_start", "period_end", "low", "high", "claims", "sources"]
    if china_id is None or not region:
        return pd.DataFrame(columns=["name", "iso3", "year", *columns[3:]])
    side = case(
        (TradeFlow.reporter_country_id == china_id, TradeFlow.partner_country_id),
        else_=TradeFlow.reporter_country_id,
    )
    stmt = (
        select(
            side.label("country_id"),
            TradeFlow.period_start,
            TradeFlow.period_end,
            func.min(TradeFlow.value_usd),
            func.max(TradeFlow.value_usd),
            func.count(distinct(TradeFlow.id)),
            func.count(distinct(Citation.source_id)),
        )
        .outerjoin(Citation, Citation.trade_flow_id == TradeFlow.id)
        .where(
            *conditions,
            TradeFlow.flow == "turnover",
            TradeFlow.measure == "value",
            TradeFlow.value_usd.is_not(None),
            or_(
                TradeFlow.reporter_country_id == china_id, TradeFlow.partner_country_id == china_id
            ),
            side.in_([row.id for row in region]),
        )
        .group_by(side, TradeFlow.period_start, TradeFlow.period_end)
    )
    frame = pd.DataFrame(connection.execute(stmt).all(), columns=columns)
    names = pd.DataFrame(
        [(row.id, row.name, row.iso3) for row in region], columns=["country_id", "name", "iso3"]
    )
    if frame.empty:
        return names.assign(year=None, low=None, high=None, claims=0, sources=0).iloc[0:0]
    full_year = frame.apply(
        lambda r: (
            r.period_start is not None
            and r.period_end is not None
            and r.period_start == date(r.period_start.year, 1, 1)
            and r.period_end == date(r.period_start.year, 12, 31)
        ),
        axis=1,
    )
    frame = frame[full_year].copy()
    frame["year"] = [start.year for start in frame["period_start"]]
    frame["low"] = pd.to_numeric(frame["low"]) / 1e9
    frame["high"] = pd.to_numeric(frame["high"]) / 1e9
    frame = names.merge(frame.drop(columns=["period_start", "period_end"]), on="country_id")
    return frame.sort_values(["year", "country_id"]).reset_index(drop=True)


# Summary columns: A holds labels and the tables' first column; B–G the rest.
SUMMARY_WIDTHS = [12, 10, 14, 14, 12, 12]
SUMMARY_LAST_COLUMN = 1 + len(SUMMARY_WIDTHS)


def write_summary(builder: WorkbookBuilder, report: TradeReport, as_of: datetime) -> None:
    connection, filters = report.connection, report.filters
    headline = [
        ("Trade claims", report.n_claims),
        ("of which money values", report.n_money),
        ("of which shares and volumes", report.n_claims - report.n_money),
        ("Sources cited", len(report.index)),
        ("Figures stated by more than one source", report.n_groups),
    ]
    label_width = min(
        max(
            26.0,
            *(text_width(label, bold=True) for label, _value in headline),
            *(text_width(name) for _id, name, _iso3 in report.region),
        ),
        80.0,
    )
    sheet = builder.sheet("Summary", [label_width, *SUMMARY_WIDTHS])
    sheet.print_landscape_fit_width()
    last_column = SUMMARY_LAST_COLUMN
    sheet.heading("China–Central Asia trade: summary", big=True)
    moment, moment_format = datetime_cell_value(as_of)
    sheet.field("As of", moment, moment_format, span_to=last_column)
    sheet.field("Selection", describe_selection(filters), span_to=last_column)
    sheet.blank()
    sheet.heading("Headline figures")
    for label, value in headline:
        sheet.field(label, value, FORMAT_INT)
    sheet.blank()

    turnover = turnover_with_china(connection, report.conditions)
    sheet.keep_together(len(report.region) + 5)
    sheet.heading("Latest annual turnover with China (USD bn)")
    latest_columns = [
        Column("Country", dictionary="countries.name"),
        Column("ISO3", dictionary="countries.iso3", align="center"),
        Column(
            "Year", "int", 10, "0", dictionary="trade_flows.period_start", note="Calendar year."
        ),
        Column(
            "Lowest claim (USD bn)",
            "number",
            14,
            FORMAT_USD_BN,
            dictionary="trade_flows.value_usd",
            note="Lowest claimed turnover that year, in billions of US dollars.",
        ),
        Column(
            "Highest claim (USD bn)",
            "number",
            14,
            FORMAT_USD_BN,
            dictionary="trade_flows.value_usd",
            note="Highest claimed turnover that year, in billions of US dollars.",
        ),
        Column("Claims", "int", 10, note="Distinct claimed values."),
        Column("Sources", "int", 10, note="Sources stating them."),
    ]
    region = report.region
    latest = []
    for country_id, name, iso3 in region:
        rows = turnover[turnover["country_id"] == country_id]
        if rows.empty:
            latest.append((name, iso3, None, None, None, 0, 0))
            continue
        last = rows.sort_values("year").iloc[-1]
        latest.append(
            (
                name,
                iso3,
                int(last["year"]),
                float(last["low"]),
                float(last["high"]),
                int(last["claims"]),
                int(last["sources"]),
            )
        )
    sheet.table("SummaryLatestTurnover", latest_columns, latest)
    sheet.note(
        "Full calendar years only; turnover in either direction (China as reporter or partner). "
        "Where sources disagree both ends are shown; see Disagreements for each figure.",
        last_column,
    )
    sheet.blank()

    pivot = (
        turnover.pivot_table(index="year", columns="iso3", values="high", aggfunc="max")
        if not turnover.empty
        else pd.DataFrame()
    )
    sheet.keep_together(len(pivot.index) + 4)
    sheet.heading("Turnover with China by year: highest claim (USD bn)")
    codes = [iso3 for _id, _name, iso3 in region if iso3 in pivot.columns]
    year_columns = [Column("Year", note="Calendar year.", align="left")] + [
        Column(
            f"{code} (USD bn)",
            "number",
            12,
            FORMAT_USD_BN,
            note=f"Highest claimed turnover of {code} with China, in billions of US dollars.",
        )
        for code in codes
    ]
    rows = [
        (
            int(year),
            *(
                None if pd.isna(pivot.at[year, code]) else float(pivot.at[year, code])
                for code in codes
            ),
        )
        for year in pivot.index
    ]
    header, last = sheet.table("SummaryTurnoverByYear", year_columns, rows)
    if codes and last > header:
        # Under the tables, on rows kept empty for it.
        sheet.blank()
        sheet.keep_together(sheet.chart_rows())
        sheet.years_chart(
            "Turnover with China (highest sourced claim)",
            "USD bn",
            header,
            last,
            2,
            1 + len(codes),
            f"A{sheet.row + 1}",
        )
        sheet.reserve_rows(sheet.chart_rows())


# --------------------------------------------------------------------------- the workbook


class TradeReport(Report):
    """The trade workbook for one selection."""

    title = "China–Central Asia trade (silkledger)"
    summary_title = "China–Central Asia trade: summary"
    about_title = "About this workbook: China–Central Asia trade"
    facts = "trade claims"
    purpose = [
        "Trade between China and the Central Asian states as the articles stored in "
        "the silkledger database state it: one row per claimed figure, so sources "
        "that disagree stand side by side.",
        "Summary: the latest annual turnover of each Central Asian country, and of "
        "Central Asia as a whole, with China, and a chart over the years. Trade "
        "flows: every claim (values, shares and volumes). Disagreements: every "
        "figure stated by more than one source, one row per source. Shares and "
        "volumes: the claims in percent, tonnes and containers again, each unit in "
        "its own column. Indicators: every other figure stated (trade shares and growth, "
        "targets, investment portfolios, numbers of projects), with its sources; the deals "
        "workbook lists the same. Sources: every article cited. About: this page.",
    ]
    dates_rule = (
        "a claim counts when its whole period lies within the period (it starts "
        "on or after From and ends on or before To: a claim for 2024 counts for "
        "From 2024-01-01 but not for From 2024-06-01, nor for To 2024-03-31); "
        "a country filter keeps claims whose reporter or partner is one of the "
        "countries"
    )
    notes = [
        "A figure is stated by more than one source when several sources give a "
        "value for the same reporter, partner, period, flow, measure and unit; they "
        "may agree (spread 0) or not.",
        "Flows are from the reporter's side; turnover is both ways. Values in USD "
        "are derived through the database's currency_rates table.",
    ]

    def __init__(self, connection: Connection, filters: ReportFilters):
        super().__init__(connection, filters)
        self.conditions = trade_conditions(filters, self.country_ids)
        self.claim_ids = select(TradeFlow.id).where(*self.conditions)
        counts = connection.execute(
            select(
                func.count(TradeFlow.id),
                func.count(case((TradeFlow.measure == "value", 1))),
            ).where(*self.conditions)
        ).one()
        self.n_claims, self.n_money = counts
        self.share_conditions = [*self.conditions, TradeFlow.measure != "value"]
        self.index = build_source_index(
            connection, [(Citation.trade_flow_id, self.claim_ids), self.indicators.cited]
        )
        self.n_sources = max_sources_per_fact(connection, Citation.trade_flow_id, self.claim_ids)
        self.n_groups = connection.execute(
            select(func.count()).select_from(disagreement_groups(self.conditions))
        ).scalar_one()
        self.region = [
            (row.id, row.name, row.iso3)
            for row in central_asia_countries(connection, self.country_ids)
        ]

    @property
    def is_empty(self) -> bool:
        return self.n_claims == 0

    def fact_sheets(self) -> list[DetailSheet]:
        return [
            DetailSheet(
                "Trade flows",
                "TradeFlows",
                flow_columns(self.n_sources),
                flow_rows(self.connection, self.conditions, self.index, self.n_sources),
            ),
            DetailSheet(
                "Disagreements",
                "Disagreements",
                disagreement_columns(),
                disagreement_rows(self.connection, self.conditions, self.index),
            ),
            DetailSheet(
                "Shares and volumes",
                "SharesAndVolumes",
                share_columns(self.n_sources),
                share_rows(self.connection, self.share_conditions, self.index, self.n_sources),
            ),
        ]

    def write_summary(self, builder: WorkbookBuilder, as_of: datetime) -> None:
        write_summary(builder, self, as_of)
