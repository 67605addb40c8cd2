"""The deals workbook: agreements and projects, with their parties, values and sources.

Sheets: Summary (headline figures; by Central Asian country, sector, year and kind; two
charts), Agreements, Projects, Sources, About.
"""

from __future__ import annotations

import operator
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime

import pandas as pd
from sqlalchemy import Connection, and_, case, extract, func, or_, select, union
from sqlalchemy.orm import aliased

from ..models import (
    Agreement,
    AgreementParty,
    AgreementSector,
    Citation,
    Country,
    Event,
    Organization,
    Person,
    Project,
    ProjectCountry,
    ProjectOrganization,
    Sector,
)
from ..models.agreements import AGREEMENT_KINDS, AGREEMENT_STATUSES
from ..models.base import VALUE_QUALIFIERS, span_end, span_start
from ..models.projects import PROJECT_KINDS, PROJECT_STATUSES
from .base import Report
from .filters import ReportFilters
from .rates import RATE_COLUMN, RateBook
from .selection import (
    BATCH_SIZE,
    DetailSheet,
    SourceIndex,
    build_source_index,
    central_asia_countries,
    describe_selection,
    fact_sources,
    fact_tail_columns,
    max_sources_per_fact,
    source_cells,
)
from .workbook import (
    FORMAT_INT,
    FORMAT_USD_BN,
    FORMAT_USD_MN,
    Column,
    WorkbookBuilder,
    datetime_cell_value,
    slug_column,
    text_width,
    usd_bn,
    usd_mn,
)

TITLE = "silkledger — China–Central Asia deals"
NO_SECTOR = "(no sector)"
NO_DATE = "(no date)"

# --------------------------------------------------------------------------- selection


def agreement_countries():
    """(agreement_id, country_id): the countries of an agreement — a country that is a party,
    and the country of every organisation and person that is a party."""
    party = AgreementParty
    direct = select(party.agreement_id, party.country_id.label("country_id")).where(
        party.country_id.is_not(None)
    )
    via_organization = (
        select(party.agreement_id, Organization.country_id.label("country_id"))
        .join(Organization, Organization.id == party.organization_id)
        .where(Organization.country_id.is_not(None))
    )
    via_person = (
        select(party.agreement_id, Person.country_id.label("country_id"))
        .join(Person, Person.id == party.person_id)
        .where(Person.country_id.is_not(None))
    )
    return union(direct, via_organization, via_person).subquery("agreement_countries")


def signed_in_period(date_from: date | None, date_to: date | None):
    """Agreements whose stated signing date overlaps ``date_from``..``date_to``.

    A date is stated to a precision: signed_date 2024-01-01 with precision 'year' says "some
    day in 2024", with 'month' "some day in January 2024". An agreement counts when that span
    overlaps the period: it starts on or before ``date_to`` and ends on or after
    ``date_from``. So a year-precision agreement of 2024 counts for --from 2024-06-01 and for
    --to 2024-03-31 alike. The span's ends are found without date arithmetic in SQL (the same
    on SQLite and PostgreSQL): a span of the year of signed_date ends on or after ``date_from``
    exactly when signed_date is on or after 1 January of ``date_from``'s year, and starts on or
    before ``date_to`` exactly when signed_date is on or before 31 December of its year; the
    same with months. A day (or unstated) precision compares signed_date itself. Undated
    agreements never count when a bound is set."""
    conditions = [Agreement.signed_date.is_not(None)]
    if date_from is not None:  # the stated span ends on or after date_from
        conditions.append(_by_precision(date_from, span_start, operator.ge))
    if date_to is not None:  # the stated span starts on or before date_to
        conditions.append(_by_precision(date_to, span_end, operator.le))
    return and_(*conditions)


def _by_precision(bound: date, edge, compare):
    """signed_date compared with ``bound`` widened to each precision's span (see above)."""
    precision, signed = Agreement.signed_date_precision, Agreement.signed_date
    coarse = ("year", "month")
    return or_(
        *(and_(precision == p, compare(signed, edge(bound, p))) for p in coarse),
        and_(or_(precision.is_(None), precision.not_in(coarse)), compare(signed, bound)),
    )


SIGNED_DATE_RULE = (
    "agreements by the date signed, as precisely as it is stated: one dated only to a year or "
    "a month counts when that year or month overlaps the period (a 2024 agreement counts for "
    "From 2024-06-01 and for To 2024-03-31 alike); undated ones are left out when a date bound "
    "is set. Projects count when their start–end years overlap the period"
)


def agreement_conditions(filters: ReportFilters, country_ids: list[int] | None) -> list:
    conditions = [Agreement.review_status.in_(filters.review_statuses)]
    if filters.date_from is not None or filters.date_to is not None:
        conditions.append(signed_in_period(filters.date_from, filters.date_to))
    if country_ids is not None:
        countries = agreement_countries()
        conditions.append(
            Agreement.id.in_(
                select(countries.c.agreement_id).where(countries.c.country_id.in_(country_ids))
            )
        )
    return conditions


def project_conditions(filters: ReportFilters, country_ids: list[int] | None) -> list:
    conditions = [Project.review_status.in_(filters.review_statuses)]
    # A project counts when its years overlap the period; one without years does not.
    if filters.date_from is not None:
        conditions.append(
            func.coalesce(Project.end_year, Project.start_year) >= filters.date_from.year
        )
    if filters.date_to is not None:
        conditions.append(
            func.coalesce(Project.start_year, Project.end_year) <= filters.date_to.year
        )
    if country_ids is not None:
        conditions.append(
            Project.id.in_(
                select(ProjectCountry.project_id).where(ProjectCountry.country_id.in_(country_ids))
            )
        )
    return conditions


# --------------------------------------------------------------------------- summary


def _frame(connection: Connection, stmt) -> pd.DataFrame:
    result = connection.execute(stmt)
    return pd.DataFrame(result.all(), columns=list(result.keys()))


def _numbers(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    for column in columns:
        frame[column] = pd.to_numeric(frame[column], errors="coerce")
    return frame


def _aggregates(*group_columns):
    """The measures every Summary table shows, for a select grouped by ``group_columns``."""
    return (
        *group_columns,
        func.count(func.distinct(Agreement.id)).label("agreements"),
        func.sum(func.coalesce(Agreement.document_count, 1)).label("documents"),
        func.sum(Agreement.value_usd).label("value_usd"),
        func.count(Agreement.value_usd).label("with_usd"),
    )


def top_level(conditions: list) -> list:
    """``conditions`` narrowed to top-level agreements: a component of a package (one with a
    part_of_agreement_id) is already counted in its package, so totals never add it again."""
    return [*conditions, Agreement.part_of_agreement_id.is_(None)]


def summary_frames(connection: Connection, conditions: list) -> dict:
    """The small aggregates of the Summary sheet, computed in SQL and shaped with pandas.
    Every total counts top-level agreements only (see ``top_level``)."""
    frames: dict = {}
    components = connection.execute(
        select(func.count(Agreement.id)).where(
            *conditions, Agreement.part_of_agreement_id.is_not(None)
        )
    ).scalar_one()
    conditions = top_level(conditions)
    totals = connection.execute(
        select(
            func.count(Agreement.id).label("agreements"),
            func.sum(func.coalesce(Agreement.document_count, 1)).label("documents"),
            func.sum(Agreement.value_usd).label("value_usd"),
            func.count(Agreement.value_usd).label("with_usd"),
            func.count(Agreement.value_amount).label("with_value"),
            func.count(
                case((Agreement.document_count_qualifier.in_(LOWER_BOUND_QUALIFIERS), 1))
            ).label("lower_bound_counts"),
        ).where(*conditions)
    ).one()
    frames["totals"] = totals
    frames["components"] = components

    # By Central Asian country: every country of the region (and Central Asia as a whole),
    # zero where none of the selected agreements involves it.
    region = pd.DataFrame(
        [(row.id, row.name, row.iso3) for row in central_asia_countries(connection)],
        columns=["id", "name", "iso3"],
    )
    countries = agreement_countries()
    by_country = _frame(
        connection,
        select(*_aggregates(countries.c.country_id.label("id")))
        .select_from(countries)
        .join(Agreement, Agreement.id == countries.c.agreement_id)
        .where(*conditions)
        .group_by(countries.c.country_id),
    )
    merged = region.merge(by_country, on="id", how="left")
    merged[["agreements", "documents", "with_usd"]] = (
        merged[["agreements", "documents", "with_usd"]].fillna(0).astype(int)
    )
    frames["country"] = _numbers(merged, "value_usd")

    sector_name = func.coalesce(Sector.name, NO_SECTOR)
    by_sector = _frame(
        connection,
        select(*_aggregates(sector_name.label("sector")))
        .select_from(Agreement)
        .outerjoin(AgreementSector, AgreementSector.agreement_id == Agreement.id)
        .outerjoin(Sector, Sector.id == AgreementSector.sector_id)
        .where(*conditions)
        .group_by(sector_name),
    )
    by_sector = _numbers(by_sector, "value_usd")
    by_sector["_last"] = by_sector["sector"] == NO_SECTOR
    frames["sector"] = by_sector.sort_values(
        ["_last", "value_usd", "agreements", "sector"],
        ascending=[True, False, False, True],
        na_position="last",
    ).drop(columns="_last")

    year = extract("year", Agreement.signed_date)
    by_year = _frame(
        connection,
        select(*_aggregates(year.label("year"))).where(*conditions).group_by(year),
    )
    by_year = _numbers(by_year, "value_usd", "year")
    by_year = by_year.sort_values("year", na_position="last")
    by_year["year"] = [NO_DATE if pd.isna(y) else int(y) for y in by_year["year"]]
    frames["year"] = by_year

    by_kind = _frame(
        connection,
        select(*_aggregates(Agreement.kind.label("kind")))
        .where(*conditions)
        .group_by(Agreement.kind),
    )
    frames["kind"] = _numbers(by_kind, "value_usd").sort_values(
        ["value_usd", "agreements", "kind"], ascending=[False, False, True], na_position="last"
    )
    return frames


# Summary columns: A holds labels and each table's first column, B–E the measures of every
# table (so they line up from table to table), F the country table's ISO3.
MEASURE_WIDTHS = [12, 12, 14, 16]
ISO3_WIDTH = 8
LAST_COLUMN = 1 + len(MEASURE_WIDTHS) + 1
COMPONENTS_LABEL = "Components of packages listed, not added"
LOWER_BOUND_LABEL = "Document counts stated as lower bounds (more than …)"
# Qualifiers under which a stated count is a floor: the total it is added to is one as well.
LOWER_BOUND_QUALIFIERS = ("over", "at_least")


def _measure_columns(first: Column) -> list[Column]:
    agreements, documents, value, with_usd = MEASURE_WIDTHS
    return [
        first,
        Column(
            "Agreements",
            "int",
            agreements,
            note=(
                "Number of selected top-level agreements (a package counts once; an agreement "
                "that is one of a package is not counted again)."
            ),
        ),
        Column(
            "Documents",
            "int",
            documents,
            FORMAT_INT,
            dictionary="agreements.document_count",
            note="Sum of document_count, counting 1 where it is not stated.",
        ),
        Column(
            "Value (USD bn)",
            "number",
            value,
            FORMAT_USD_BN,
            dictionary="agreements.value_usd",
            note="Sum in billions of US dollars of the agreements with a USD value.",
        ),
        Column(
            "Agreements with a USD value",
            "int",
            with_usd,
            note="How many of the agreements the value sums.",
        ),
    ]


def _measure_rows(frame: pd.DataFrame, label_column: str, extra=None):
    for record in frame.to_dict("records"):
        value = record["value_usd"]
        yield (
            record[label_column],
            int(record["agreements"]),
            int(record["documents"] or 0),
            None if pd.isna(value) else float(value) / 1e9,
            int(record["with_usd"]),
            *(extra(record) if extra else ()),
        )


def write_summary(builder: WorkbookBuilder, frames, filters, as_of, n_projects, n_sources):
    totals = frames["totals"]
    components = frames["components"]
    headline = [
        ("Agreements", totals.agreements, FORMAT_INT),
        ("Documents", int(totals.documents or 0), FORMAT_INT),
        (LOWER_BOUND_LABEL, totals.lower_bound_counts, FORMAT_INT),
        ("Stated value, USD bn", usd_bn(totals.value_usd) or 0.0, FORMAT_USD_BN),
        ("Agreements with a USD value", totals.with_usd, FORMAT_INT),
        (
            "Agreements with a stated value not converted to USD",
            totals.with_value - totals.with_usd,
            FORMAT_INT,
        ),
        (COMPONENTS_LABEL, components, FORMAT_INT),
        ("Projects", n_projects, FORMAT_INT),
        ("Sources cited", n_sources, FORMAT_INT),
    ]
    first_cells = [
        *(text_width(label, bold=True) for label, _value, _fmt in headline),
        *(
            text_width(str(value))
            for key, column in (("country", "name"), ("sector", "sector"), ("kind", "kind"))
            for value in frames[key][column]
        ),
        text_width(NO_DATE),
    ]
    label_width = min(max(30.0, *first_cells), 80.0)
    sheet = builder.sheet("Summary", [label_width, *MEASURE_WIDTHS, ISO3_WIDTH])
    sheet.print_landscape_fit_width()
    sheet.heading("China–Central Asia deals: summary", big=True)
    moment, moment_format = datetime_cell_value(as_of)
    sheet.field("As of", moment, moment_format, span_to=LAST_COLUMN)
    sheet.field("Selection", describe_selection(filters), span_to=LAST_COLUMN)
    sheet.blank()
    sheet.heading("Headline figures")
    for label, value, number_format in headline:
        sheet.field(label, value, number_format)
    sheet.note(
        "Totals count top-level agreements only. An agreement that is one of a package (the "
        'Agreements sheet names its package under "Part of") is listed there but not added '
        "here again: its package's value and documents already include it.",
        LAST_COLUMN,
    )
    sheet.blank()

    sheet.keep_together(len(frames["country"]) + 5)
    sheet.heading("By Central Asian country")
    country = Column("Country", dictionary="countries.name")
    iso3 = Column("ISO3", width=ISO3_WIDTH, dictionary="countries.iso3", align="center")
    country_columns = [*_measure_columns(country), iso3]
    header, last = sheet.table(
        "SummaryByCountry",
        country_columns,
        _measure_rows(frames["country"], "name", lambda r: (r["iso3"],)),
    )
    sheet.note(
        "An agreement counts under every country that is a party to it, directly or through one "
        "of its organisations or people, so the rows add up to more than the headline figures. "
        "Central Asia (XCA) counts agreements made with the region as a whole.",
        LAST_COLUMN,
    )
    country_chart = (4, header, last)
    sheet.blank()

    sheet.keep_together(len(frames["sector"]) + 4)
    sheet.heading("By sector")
    sector_columns = _measure_columns(Column("Sector", dictionary="sectors.name"))
    sheet.table("SummaryBySector", sector_columns, _measure_rows(frames["sector"], "sector"))
    sheet.note("An agreement covering several sectors counts under each.", LAST_COLUMN)
    sheet.blank()

    sheet.keep_together(len(frames["year"]) + 4)
    sheet.heading("By year signed")
    year_columns = _measure_columns(
        Column(
            "Year", dictionary="agreements.signed_date", note="Year of signed_date.", align="left"
        )
    )
    year_header, year_last = sheet.table(
        "SummaryByYear", year_columns, _measure_rows(frames["year"], "year")
    )
    dated_last = year_last - int((frames["year"]["year"] == NO_DATE).sum())
    sheet.blank()

    sheet.keep_together(len(frames["kind"]) + 4)
    sheet.heading("By kind")
    kind_columns = _measure_columns(Column("Kind", dictionary="agreements.kind", words=True))
    sheet.table("SummaryByKind", kind_columns, _measure_rows(frames["kind"], "kind"))
    sheet.blank()

    # The charts go under the tables, one below the other, on rows kept empty for them.
    charts = [
        ("Stated value by Central Asian country", country_chart, True),
        ("Stated value by year signed", (4, year_header, dated_last), False),
    ]
    charts = [chart for chart in charts if chart[1][2] > chart[1][1]]
    if charts:
        sheet.keep_together(1 + len(charts) * sheet.chart_rows())
        sheet.heading("Charts")
    for title, data, horizontal in charts:
        sheet.bar_chart(title, "USD bn", data, 1, f"A{sheet.row + 1}", horizontal=horizontal)
        sheet.reserve_rows(sheet.chart_rows())


# --------------------------------------------------------------------------- agreements


def money_columns(table: str) -> list[Column]:
    """The stated amount, its currency and qualifier, and the USD value of a fact of ``table``
    (agreements, projects): the same four columns, shown in millions, wherever money is."""
    return [
        Column(
            "Stated amount (mn)",
            "number",
            14,
            FORMAT_USD_MN,
            dictionary=f"{table}.value_amount",
            note="In millions of the stated currency.",
        ),
        Column("Stated currency", width=9, dictionary=f"{table}.value_currency"),
        slug_column("Qualifier", VALUE_QUALIFIERS, f"{table}.value_qualifier"),
        Column(
            "Value (USD mn)",
            "number",
            14,
            FORMAT_USD_MN,
            dictionary=f"{table}.value_usd",
            note="In millions of US dollars.",
        ),
        RATE_COLUMN,
    ]


def money_values(row, rates: RateBook) -> tuple:
    """The cells of ``money_columns`` for a row with value_amount, value_currency,
    value_qualifier, value_usd and currency_rate_id (the rate stored with value_usd)."""
    return (
        usd_mn(row.value_amount),
        row.value_currency,
        row.value_qualifier,
        usd_mn(row.value_usd),
        rates.label(row.currency_rate_id),
    )


def agreement_columns(n_sources: int) -> list[Column]:
    return [
        Column(
            "Date",
            "date",
            12,
            dictionary="agreements.signed_date",
            note="Shown to its precision: a day, a month (Jun 2025) or a year.",
        ),
        Column("Date precision", width=10, dictionary="agreements.signed_date_precision"),
        Column("Title", "wrap", 48, dictionary="agreements.title"),
        slug_column("Kind", AGREEMENT_KINDS, "agreements.kind"),
        slug_column("Status", AGREEMENT_STATUSES, "agreements.status"),
        Column("Documents", "int", 10, dictionary="agreements.document_count"),
        slug_column("Documents qualifier", VALUE_QUALIFIERS, "agreements.document_count_qualifier"),
        Column(
            "Part of",
            "wrap",
            36,
            dictionary="agreements.part_of_agreement_id",
            note=(
                "The title of the package this agreement is one of; empty for a top-level "
                "agreement. The Summary's totals do not add such an agreement again."
            ),
        ),
        Column(
            "Parties",
            "wrap",
            40,
            dictionary=("agreement_parties.role",),
            note="Each party (a country, an organisation or a person) with its role in brackets.",
        ),
        Column(
            "Countries",
            "wrap",
            24,
            note="Countries that are parties, directly or through a party organisation or person.",
        ),
        Column("Sectors", "wrap", 22, dictionary="agreement_sectors.sector_id"),
        *money_columns("agreements"),
        Column("Event", "wrap", 30, dictionary="agreements.event_id", note="The event's title."),
        *fact_tail_columns("agreements", 30, n_sources),
    ]


def _party_name(row) -> str:
    return row.country_name or row.organization_name or row.person_name or "?"


def _agreement_children(connection: Connection, ids: list[int]):
    party_country = aliased(Country)
    organization_country = aliased(Country)
    person_country = aliased(Country)
    parties: dict[int, list[str]] = defaultdict(list)
    countries: dict[int, set[str]] = defaultdict(set)
    for row in connection.execute(
        select(
            AgreementParty.agreement_id,
            AgreementParty.role,
            party_country.name.label("country_name"),
            Organization.name.label("organization_name"),
            Person.name.label("person_name"),
            organization_country.name.label("organization_country"),
            person_country.name.label("person_country"),
        )
        .outerjoin(party_country, party_country.id == AgreementParty.country_id)
        .outerjoin(Organization, Organization.id == AgreementParty.organization_id)
        .outerjoin(organization_country, organization_country.id == Organization.country_id)
        .outerjoin(Person, Person.id == AgreementParty.person_id)
        .outerjoin(person_country, person_country.id == Person.country_id)
        .where(AgreementParty.agreement_id.in_(ids))
        .order_by(AgreementParty.agreement_id, AgreementParty.id)
    ):
        parties[row.agreement_id].append(f"{_party_name(row)} ({row.role})")
        for name in (row.country_name, row.organization_country, row.person_country):
            if name:
                countries[row.agreement_id].add(name)
    sectors: dict[int, list[str]] = defaultdict(list)
    for agreement_id, name in connection.execute(
        select(AgreementSector.agreement_id, Sector.name)
        .join(Sector, Sector.id == AgreementSector.sector_id)
        .where(AgreementSector.agreement_id.in_(ids))
        .order_by(AgreementSector.agreement_id, Sector.name)
    ):
        sectors[agreement_id].append(name)
    return parties, countries, sectors


def agreement_rows(
    connection: Connection, conditions: list, index: SourceIndex, n_sources: int
) -> Iterator[tuple]:
    package = aliased(Agreement, name="package")
    stmt = (
        select(
            Agreement.id,
            Agreement.signed_date,
            Agreement.signed_date_precision,
            Agreement.title,
            Agreement.kind,
            Agreement.status,
            Agreement.document_count,
            Agreement.document_count_qualifier,
            Agreement.value_amount,
            Agreement.value_currency,
            Agreement.value_qualifier,
            Agreement.value_usd,
            Agreement.currency_rate_id,
            Agreement.review_status,
            Agreement.key,
            Event.title.label("event_title"),
            package.title.label("package_title"),
        )
        .outerjoin(Event, Event.id == Agreement.event_id)
        .outerjoin(package, package.id == Agreement.part_of_agreement_id)
        .where(*conditions)
        .order_by(Agreement.signed_date.is_(None), Agreement.signed_date, Agreement.id)
        .execution_options(yield_per=BATCH_SIZE)
    )
    rates = RateBook.from_connection(connection)
    result = connection.execute(stmt)
    for batch in result.partitions():
        ids = [row.id for row in batch]
        parties, countries, sectors = _agreement_children(connection, ids)
        sources = fact_sources(connection, Citation.agreement_id, ids)
        for row in batch:
            yield (
                (row.signed_date, row.signed_date_precision),
                row.signed_date_precision,
                row.title,
                row.kind,
                row.status,
                row.document_count,
                row.document_count_qualifier,
                row.package_title,
                "; ".join(parties.get(row.id, ())) or None,
                "; ".join(sorted(countries.get(row.id, ()))) or None,
                "; ".join(sectors.get(row.id, ())) or None,
                *money_values(row, rates),
                row.event_title,
                row.review_status,
                row.key,
                *source_cells(index, sources.get(row.id), n_sources),
            )


# --------------------------------------------------------------------------- projects


def project_columns(n_sources: int) -> list[Column]:
    return [
        Column("Name", "wrap", 40, dictionary="projects.name"),
        slug_column("Kind", PROJECT_KINDS, "projects.kind"),
        Column("Sector", width=18, dictionary="projects.sector_id", note="The sector's name."),
        Column(
            "Countries",
            "wrap",
            30,
            dictionary="project_countries.role",
            note="Each country with its role in brackets.",
        ),
        Column(
            "Organisations",
            "wrap",
            40,
            dictionary="project_organizations.role",
            note="Each organisation with its role in brackets.",
        ),
        slug_column("Status", PROJECT_STATUSES, "projects.status"),
        *money_columns("projects"),
        Column("Start year", "int", 8, "0", dictionary="projects.start_year"),
        Column("End year", "int", 8, "0", dictionary="projects.end_year"),
        *fact_tail_columns("projects", 30, n_sources),
    ]


def project_rows(
    connection: Connection, conditions: list, index: SourceIndex, n_sources: int
) -> Iterator[tuple]:
    stmt = (
        select(
            Project.id,
            Project.name,
            Project.kind,
            Sector.name.label("sector"),
            Project.status,
            Project.value_amount,
            Project.value_currency,
            Project.value_qualifier,
            Project.value_usd,
            Project.currency_rate_id,
            Project.start_year,
            Project.end_year,
            Project.review_status,
            Project.key,
        )
        .outerjoin(Sector, Sector.id == Project.sector_id)
        .where(*conditions)
        .order_by(Project.name, Project.id)
        .execution_options(yield_per=BATCH_SIZE)
    )
    rates = RateBook.from_connection(connection)
    for batch in connection.execute(stmt).partitions():
        ids = [row.id for row in batch]
        countries: dict[int, list[str]] = defaultdict(list)
        for project_id, name, role in connection.execute(
            select(ProjectCountry.project_id, Country.name, ProjectCountry.role)
            .join(Country, Country.id == ProjectCountry.country_id)
            .where(ProjectCountry.project_id.in_(ids))
            .order_by(ProjectCountry.project_id, Country.name, ProjectCountry.role)
        ):
            countries[project_id].append(f"{name} ({role})")
        organizations: dict[int, list[str]] = defaultdict(list)
        for project_id, name, role in connection.execute(
            select(ProjectOrganization.project_id, Organization.name, ProjectOrganization.role)
            .join(Organization, Organization.id == ProjectOrganization.organization_id)
            .where(ProjectOrganization.project_id.in_(ids))
            .order_by(ProjectOrganization.project_id, Organization.name, ProjectOrganization.role)
        ):
            organizations[project_id].append(f"{name} ({role})")
        sources = fact_sources(connection, Citation.project_id, ids)
        for row in batch:
            yield (
                row.name,
                row.kind,
                row.sector,
                "; ".join(countries.get(row.id, ())) or None,
                "; ".join(organizations.get(row.id, ())) or None,
                row.status,
                *money_values(row, rates),
                row.start_year,
                row.end_year,
                row.review_status,
                row.key,
                *source_cells(index, sources.get(row.id), n_sources),
            )


# --------------------------------------------------------------------------- the workbook


class DealsReport(Report):
    """The deals workbook for one selection."""

    title = "China–Central Asia deals (silkledger)"
    summary_title = "China–Central Asia deals: summary"
    about_title = "About this workbook: China–Central Asia deals"
    facts = "agreements or projects"
    dates_rule = SIGNED_DATE_RULE
    purpose = [
        "Agreements (treaties, intergovernmental agreements, memoranda, contracts, "
        "loans and packages of them) and projects between China and the Central "
        "Asian states, as stated in the articles stored in the silkledger database.",
        "Summary: headline figures and breakdowns by Central Asian country, sector, "
        "year and kind, with charts. Agreements and Projects: one row each, with "
        "links to the Sources sheet. Indicators: every other figure stated (investment "
        "portfolios, numbers of projects, jobs, shares, targets), with its sources; the trade "
        "workbook lists the same. Sources: every article cited. About: this page.",
    ]
    notes = [
        "Values in USD are derived from the stated amount through the database's "
        "currency_rates table; an amount without a known rate has no USD value and "
        "is not summed. Qualified amounts (over, about, up to …) are summed at the "
        "stated figure.",
        "Documents count each agreement's document_count, or 1 where none is stated. "
        "A package is one agreement of many documents. A count stated as a lower bound "
        '("more than 35 memoranda") is added at its stated figure, so the total is then a '
        "lower bound too: the Summary says beside it how many counts are lower bounds.",
        "Packages are never counted twice: every total on the Summary (headline, "
        "by country, sector, year and kind, and the charts) counts top-level "
        'agreements only. An agreement recorded as one of a package (its "Part '
        'of" column on the Agreements sheet names the package) is listed there '
        "but not added, since its package's value and documents already include "
        "it; the Summary's headline says how many such components are listed. A "
        "component counts in no total even when its package falls outside the "
        "selection.",
    ]

    def __init__(self, connection: Connection, filters: ReportFilters):
        super().__init__(connection, filters)
        self.agreements = agreement_conditions(filters, self.country_ids)
        self.projects = project_conditions(filters, self.country_ids)
        self.agreement_ids = select(Agreement.id).where(*self.agreements)
        self.project_ids = select(Project.id).where(*self.projects)
        self.n_agreements = connection.execute(
            select(func.count()).select_from(self.agreement_ids.subquery())
        ).scalar_one()
        self.n_projects = connection.execute(
            select(func.count()).select_from(self.project_ids.subquery())
        ).scalar_one()
        self.index = build_source_index(
            connection,
            [
                (Citation.agreement_id, self.agreement_ids),
                (Citation.project_id, self.project_ids),
                self.indicators.cited,
            ],
        )
        self.agreement_sources = max_sources_per_fact(
            connection, Citation.agreement_id, self.agreement_ids
        )
        self.project_sources = max_sources_per_fact(
            connection, Citation.project_id, self.project_ids
        )

    @property
    def is_empty(self) -> bool:
        return self.n_agreements == 0 and self.n_projects == 0

    def fact_sheets(self) -> list[DetailSheet]:
        return [
            DetailSheet(
                "Agreements",
                "Agreements",
                agreement_columns(self.agreement_sources),
                agreement_rows(
                    self.connection, self.agreements, self.index, self.agreement_sources
                ),
            ),
            DetailSheet(
                "Projects",
                "Projects",
                project_columns(self.project_sources),
                project_rows(self.connection, self.projects, self.index, self.project_sources),
            ),
        ]

    def write_summary(self, builder: WorkbookBuilder, as_of: datetime) -> None:
        frames = summary_frames(self.connection, self.agreements)
        write_summary(builder, frames, self.filters, as_of, self.n_projects, len(self.index))
