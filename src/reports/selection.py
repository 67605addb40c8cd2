"""What both reports share about the database: the schema check, the country filter, the
Central Asian countries, the Sources sheet and its link cells, and the one description of the
filters (Summary, About sheet, error messages)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import NamedTuple

from sqlalchemy import ColumnElement, Connection, Select, and_, func, inspect, or_, select

from ..errors import SilkledgerError
from ..models import Citation, Country, Source
from .filters import ReportFilters
from .workbook import Column, WorkbookBuilder, source_columns

# Rows fetched per round trip from the database while a sheet streams; children (parties,
# sectors, sources) are fetched for one such batch at a time.
BATCH_SIZE = 2000
# At most this many "Source n" link columns; a fact cited by more sources lists the first ones
# (in Sources order), and the About sheet says so.
MAX_SOURCE_COLUMNS = 8
CENTRAL_ASIA_REGION = "Central Asia"
CENTRAL_ASIA_AGGREGATE = "XCA"
CHINA = "CHN"

REQUIRED_TABLES = (
    "agreements",
    "citations",
    "countries",
    "projects",
    "sources",
    "trade_flows",
)


class DetailSheet(NamedTuple):
    """A sheet that is one Excel table: title, table name, columns and a fresh row iterator."""

    title: str
    table_name: str
    columns: Sequence[Column]
    rows: Iterable[Sequence]


def check_schema(connection: Connection, database_label: str) -> None:
    """A clear error when the database has no silkledger tables (never migrated)."""
    existing = set(inspect(connection).get_table_names())
    missing = [name for name in REQUIRED_TABLES if name not in existing]
    if missing:
        raise SilkledgerError(
            f"database {database_label} has no silkledger tables ({', '.join(missing)} missing): "
            "run `silkledger db upgrade` first"
        )


def resolve_countries(connection: Connection, codes: Sequence[str]) -> list[int] | None:
    """The ids of the ISO alpha-3 ``codes`` (as ``make_filters`` normalised them); None for no
    country filter. Unknown codes are an error naming them."""
    if not codes:
        return None
    wanted = sorted(set(codes))
    found = dict(
        connection.execute(select(Country.iso3, Country.id).where(Country.iso3.in_(wanted))).all()
    )
    unknown = [code for code in wanted if code not in found]
    if unknown:
        raise SilkledgerError(
            f"unknown country code{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}: "
            "use ISO 3166 alpha-3 codes such as KAZ, or an aggregate such as XCA"
        )
    return [found[code] for code in wanted]


def claim_conditions(model, filters: ReportFilters, country_ids, *country_columns) -> list:
    """The conditions selecting claims of ``model`` (a fact with a review status and a period:
    trade flows, indicators): counted review statuses; a whole period within the bounds (it
    starts on or after From and ends on or before To; a claim without a period is left out
    when a bound is set); and one of ``country_columns`` among ``country_ids`` (None: any)."""
    conditions = [model.review_status.in_(filters.review_statuses)]
    if filters.date_from is not None:
        conditions.append(model.period_start >= filters.date_from)
    if filters.date_to is not None:
        conditions.append(func.coalesce(model.period_end, model.period_start) <= filters.date_to)
    if country_ids is not None:
        conditions.append(or_(*(column.in_(country_ids) for column in country_columns)))
    return conditions


def central_asia_countries(connection: Connection, country_ids: Sequence[int] | None = None):
    """The rows (id, name, iso3, is_aggregate) of the Central Asian countries and of Central
    Asia as a whole (XCA), countries first, by name; only those in ``country_ids`` if given."""
    stmt = (
        select(Country.id, Country.name, Country.iso3, Country.is_aggregate)
        .where(
            or_(
                and_(Country.region == CENTRAL_ASIA_REGION, Country.is_aggregate.is_(False)),
                Country.iso3 == CENTRAL_ASIA_AGGREGATE,
            )
        )
        .order_by(Country.is_aggregate, Country.name)
    )
    if country_ids is not None:
        stmt = stmt.where(Country.id.in_(country_ids))
    return connection.execute(stmt).all()


def period_text(label: str | None, start: date | None, end: date | None) -> str | None:
    if label:
        return label
    if start and end:
        return f"{start.isoformat()}..{end.isoformat()}"
    return start.isoformat() if start else None


def selection_rows(filters: ReportFilters) -> list[tuple[str, str]]:
    """What ``filters`` select, as (label, value) rows."""
    return [
        ("Countries", ", ".join(sorted(filters.countries)) if filters.countries else "all"),
        ("From", filters.date_from.isoformat() if filters.date_from else "any date"),
        ("To", filters.date_to.isoformat() if filters.date_to else "any date"),
        ("Review statuses counted", ", ".join(filters.review_statuses)),
    ]


def describe_selection(filters: ReportFilters) -> str:
    """What ``filters`` select, in one line: the Summary's "Selection" and error messages."""
    countries, date_from, date_to, statuses = (value for _label, value in selection_rows(filters))
    return f"countries: {countries}; from {date_from} to {date_to}; review statuses: {statuses}"


def filter_description(filters: ReportFilters, fact_dates: str) -> list[tuple[str, str]]:
    """The About sheet's Filters rows; ``fact_dates`` says how facts' dates meet the bounds."""
    rows = selection_rows(filters)
    rows.insert(3, ("Dates compared", fact_dates))
    return rows


# --------------------------------------------------------------------------- sources


SOURCE_COLUMNS = [
    Column("Ref", width=7, note="Short reference the fact sheets link to (S1, S2 …)."),
    Column("Title", "wrap", 50, dictionary="sources.title"),
    Column("Author", width=20, dictionary="sources.author"),
    Column("Publisher", width=16, dictionary="sources.publisher"),
    Column("Published", "date", 12, dictionary="sources.published_date"),
    Column("Date precision", width=10, dictionary="sources.published_date_precision"),
    Column("URL", "url", 36, dictionary="sources.url"),
    Column("Language", width=9, dictionary="sources.language"),
    Column(
        "Facts cited here",
        "int",
        10,
        note="How many facts in this workbook cite the source.",
    ),
    Column("Key", width=24, dictionary="sources.key"),
]


def attributed_to_column(table: str) -> Column:
    """Who a claim of ``table`` (AttributionMixin) is attributed to, by name."""
    return Column(
        "Attributed to",
        "wrap",
        22,
        dictionary=(f"{table}.attributed_to_person_id", f"{table}.attributed_to_organization_id"),
        note="The person's or organisation's name.",
    )


def fact_tail_columns(table: str, key_width: float, n_sources: int) -> list[Column]:
    """The columns every fact sheet ends with: review status, key and the links to sources."""
    return [
        Column("Review status", width=10, dictionary=f"{table}.review_status"),
        Column("Key", "wrap", key_width, dictionary=f"{table}.key"),
        *source_columns(n_sources),
    ]


class SourceIndex:
    """The sources cited by the facts of a workbook, in Sources-sheet order, with each one's
    link label and sheet row."""

    def __init__(self, rows: list, fact_counts: dict[int, int]):
        self.rows = rows
        self.fact_counts = fact_counts
        self.links: dict[int, tuple[str, int]] = {
            row.id: (f"S{index}", index + 1) for index, row in enumerate(rows, 1)
        }

    def order(self, source_ids: Iterable[int]) -> list[int]:
        """``source_ids`` without repeats, in Sources order."""
        links = self.links
        return sorted(set(source_ids), key=lambda source_id: links[source_id][1])

    def __len__(self) -> int:
        return len(self.rows)


def build_source_index(
    connection: Connection, cited: Sequence[tuple[ColumnElement, Select]]
) -> SourceIndex:
    """``cited`` pairs a citations column (Citation.agreement_id) with a select of the ids of
    the facts in the workbook."""
    fact_counts: dict[int, int] = defaultdict(int)
    for column, fact_ids in cited:
        stmt = (
            select(Citation.source_id, func.count(func.distinct(column)))
            .where(column.in_(fact_ids))
            .group_by(Citation.source_id)
        )
        for source_id, count in connection.execute(stmt):
            fact_counts[source_id] += count
    ids = sorted(fact_counts)
    rows = []
    for start in range(0, len(ids), BATCH_SIZE):
        chunk = ids[start : start + BATCH_SIZE]
        rows.extend(
            connection.execute(
                select(
                    Source.id,
                    Source.key,
                    Source.title,
                    Source.author,
                    Source.publisher,
                    Source.published_date,
                    Source.published_date_precision,
                    Source.url,
                    Source.language,
                ).where(Source.id.in_(chunk))
            ).all()
        )
    rows.sort(key=lambda r: (r.published_date is None, r.published_date or 0, r.key))
    return SourceIndex(rows, dict(fact_counts))


def source_rows(index: SourceIndex):
    for r in index.rows:
        yield (
            index.links[r.id][0],
            r.title,
            r.author,
            r.publisher,
            (r.published_date, r.published_date_precision),
            r.published_date_precision,
            r.url,
            r.language,
            index.fact_counts.get(r.id, 0),
            r.key,
        )


def source_cells(index: SourceIndex, source_ids, n_sources: int) -> tuple:
    """The "Source n" cells of one fact: its first ``n_sources`` sources in Sources order,
    padded with None."""
    ordered = index.order(source_ids)[:n_sources] if source_ids else []
    return tuple(ordered) + (None,) * (n_sources - len(ordered))


def fact_sources(connection: Connection, column: ColumnElement, ids: list[int]):
    """The source ids of each fact in ``ids``, ``column`` being its citations column
    (Citation.agreement_id ...): {fact id: [source id, ...]}."""
    sources: dict[int, list[int]] = defaultdict(list)
    for fact_id, source_id in connection.execute(
        select(column, Citation.source_id).where(column.in_(ids))
    ):
        sources[fact_id].append(source_id)
    return sources


def write_sources_sheet(builder: WorkbookBuilder, index: SourceIndex) -> None:
    builder.data_sheet("Sources", "Sources", SOURCE_COLUMNS, source_rows(index))


def max_sources_per_fact(connection: Connection, column: ColumnElement, fact_ids: Select) -> int:
    """The most distinct sources any one selected fact has (at least 1, at most the cap)."""
    per_fact = (
        select(func.count(func.distinct(Citation.source_id)).label("n"))
        .where(column.in_(fact_ids))
        .group_by(column)
        .subquery()
    )
    most = connection.execute(select(func.max(per_fact.c.n))).scalar() or 0
    return max(1, min(int(most), MAX_SOURCE_COLUMNS))
