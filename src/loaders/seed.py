"""The seed loader: seed/ files -> database, as one idempotent sync in one transaction.

Rows are matched by their natural key (countries by iso3, aliases by alias, rate by currency and
first day, everything else by ``key``). A record that is new is inserted, a record that differs
from its row updates it (child rows — participants, parties, sectors, aliases, citations — are
replaced only when they differ), and a seed-owned row whose record is gone is deleted. Rows that
another loader wrote (``loaded_by`` other than 'seed') are never touched: a key collision with one
is an error, reported before anything is written.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pycountry
from sqlalchemy import Engine, inspect, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ..db import session_scope
from ..errors import SilkledgerError, first_line
from ..extract.gazetteer import Gazetteer
from ..models import (
    Agreement,
    AgreementParty,
    AgreementSector,
    Citation,
    Country,
    CountryAlias,
    CountryGroupMember,
    CurrencyRate,
    Event,
    EventParticipant,
    Indicator,
    Mention,
    Organization,
    OrganizationAlias,
    Person,
    PersonAlias,
    Project,
    ProjectAlias,
    ProjectCountry,
    ProjectOrganization,
    Sector,
    Source,
    TradeFlow,
    metadata,
)
from ..models.base import amount_as_read, length_problems, rounded_amount, span_end
from ..models.trade import is_currency
from .language import index_text
from .mentions import MENTION_COLUMNS, key_ids, mention_rows
from .seed_files import (
    SEED_FILES,
    CitationRecord,
    CurrencyRateRecord,
    FactRecord,
    SeedData,
    read_seed,
)

SEED_DIR_ENV_VAR = "SILKLEDGER_SEED_DIR"
# src/loaders/seed.py -> the checkout's seed/ folder (absent from an installed wheel).
DEFAULT_SEED_DIR = Path(__file__).resolve().parents[2] / "seed"
SEED = "seed"

# The order of the report, which is also the order of loading.
REPORT_TABLES = (
    "countries",
    "country_aliases",
    "sectors",
    "currency_rates",
    "organizations",
    "people",
    "sources",
    "events",
    "projects",
    "agreements",
    "trade_flows",
    "indicators",
)


class SeedLoadError(SilkledgerError):
    """The seed cannot be written (a collision with another loader's rows, a missing folder,
    a constraint); nothing was written. ``problems`` holds one line per problem."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class TableChanges:
    inserted: int = 0
    updated: int = 0
    deleted: int = 0

    @property
    def total(self) -> int:
        return self.inserted + self.updated + self.deleted


@dataclass
class SeedReport:
    seed_dir: Path
    tables: dict[str, TableChanges] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(changes.total for changes in self.tables.values())


@dataclass
class Tracker:
    """The keys of one table that were inserted, updated and deleted by this run."""

    inserted: set[Hashable] = field(default_factory=set)
    updated: set[Hashable] = field(default_factory=set)
    deleted: set[Hashable] = field(default_factory=set)

    def mark_updated(self, key: Hashable) -> None:
        if key not in self.inserted:  # filling in a new row's links is part of inserting it
            self.updated.add(key)

    def changes(self) -> TableChanges:
        return TableChanges(len(self.inserted), len(self.updated), len(self.deleted))


# ------------------------------------------------------------------------------- entry point


def resolve_seed_dir(seed_dir: Path | None = None) -> Path:
    """``seed_dir``, else $SILKLEDGER_SEED_DIR, else the checkout's seed/ folder."""
    from_env = os.environ.get(SEED_DIR_ENV_VAR)
    chosen = Path(seed_dir) if seed_dir else Path(from_env) if from_env else DEFAULT_SEED_DIR
    if not chosen.is_dir():
        how = (
            ""
            if seed_dir or from_env
            else (
                " (the seed data ships with a source checkout, not with the installed package; "
                f"pass --seed-dir or set {SEED_DIR_ENV_VAR})"
            )
        )
        raise SeedLoadError([f"seed folder not found: {chosen}{how}"])
    return chosen


def load_seed(engine: Engine, seed_dir: Path | None = None) -> SeedReport:
    """Validate every seed file, then sync the database to them in one transaction.

    ``seed_dir`` defaults to $SILKLEDGER_SEED_DIR, else DEFAULT_SEED_DIR. Raises
    SeedValidationError (every problem in the files) or SeedLoadError; either way nothing is written.
    """
    seed_dir = resolve_seed_dir(seed_dir)
    data = read_seed(seed_dir)
    require_schema(engine)
    try:
        with session_scope(engine) as session:
            return SeedSync(session, data).run()
    except SQLAlchemyError as exc:
        raise SeedLoadError(
            [f"seed load rolled back, nothing written: {first_line(exc)}"]
        ) from None


def require_schema(engine: Engine) -> None:
    """A clear error for a database that was never migrated, instead of 'no such table'."""
    missing = sorted(set(metadata.tables) - set(inspect(engine).get_table_names()))
    if missing:
        raise SeedLoadError(
            [f"the database has no {', '.join(missing[:3])}… tables: run `silkledger init` first"]
        )


# ------------------------------------------------------------------------------ comparisons


def comparable(value: Any) -> Any:
    """Numeric columns come back as Decimal on PostgreSQL and via float on SQLite: compare both
    as read back (models.base.amount_as_read), so an unchanged amount is never an update."""
    if isinstance(value, Decimal | float):
        return amount_as_read(value)
    return value


def apply_values(row: Any, values: dict[str, Any]) -> bool:
    """Set the columns that differ; True when any did."""
    changed = False
    for column, value in values.items():
        if comparable(getattr(row, column)) != comparable(value):
            setattr(row, column, value)
            changed = True
    return changed


@dataclass(frozen=True)
class ChildTable:
    """Child rows of a parent table, compared and replaced as one set per parent."""

    model: type
    parent_column: str
    columns: tuple[str, ...]
    owned: Callable[[Any], bool] = lambda _row: True

    def as_tuple(self, row: Any) -> tuple:
        return tuple(comparable(getattr(row, column)) for column in self.columns)


def usd_value(
    amount: Decimal | None,
    currency: str | None,
    span: tuple[date, date] | None,
    rates: list[CurrencyRateRecord],
) -> Decimal | None:
    """The amount in USD through a rate that covers the whole span; None without one. A yuan
    or tenge figure is never taken as dollars."""
    return usd_conversion(amount, currency, span, rates)[0]


def usd_conversion(
    amount: Decimal | None,
    currency: str | None,
    span: tuple[date, date] | None,
    rates: list[CurrencyRateRecord],
) -> tuple[Decimal | None, CurrencyRateRecord | None]:
    """``usd_value`` and the rate it was converted with (None for dollars and no value), so
    the fact can store which rate gave it (``currency_rate_id``)."""
    if amount is None or currency is None or not is_currency(currency):
        return None, None
    if currency == "USD":
        return amount, None
    if span is None:
        return None, None
    for rate in rates:
        if rate.currency == currency and rate.covers(*span):
            return rounded_amount(amount * rate.usd_per_unit), rate
    return None, None


def publication_year(published: date | None) -> tuple[date, date] | None:
    """The span an undated agreement is converted at: its article's publication year."""
    return (date(published.year, 1, 1), date(published.year, 12, 31)) if published else None


# ------------------------------------------------------------------------------------- sync


class SeedSync:
    """One run of the sync inside one session; ``run`` returns the report."""

    def __init__(self, session: Session, data: SeedData):
        self.session = session
        self.data = data
        self.language_of = {source.key: source.language for source in data.sources}
        self.trackers = {table: Tracker() for table in (*REPORT_TABLES, "mentions")}
        self.ids: dict[str, dict[Hashable, int]] = {}
        self.removed: dict[str, list[Any]] = {}

    def run(self) -> SeedReport:
        self.check_ownership()
        self.sync_countries()
        self.sync_country_aliases()
        self.sync_sectors()
        self.sync_currency_rates()
        self.sync_organizations()
        self.sync_people()
        self.sync_sources()
        self.sync_events()
        self.sync_projects()
        self.sync_agreements()
        self.sync_trade_flows()
        self.sync_indicators()
        self.delete_removed()
        self.sync_mentions()
        changes = {table: tracker.changes() for table, tracker in self.trackers.items()}
        return SeedReport(self.data.seed_dir, changes)

    # ---------------------------------------------------------------- generic building blocks

    def upsert(
        self,
        table: str,
        model: type,
        wanted: dict[Hashable, dict[str, Any]],
        existing: dict[Hashable, Any],
    ) -> dict[Hashable, Any]:
        """Insert the missing rows and update the differing ones; returns the rows by key."""
        self.check_lengths(table, model, {key: [values] for key, values in wanted.items()})
        tracker, rows = self.trackers[table], {}
        for key, values in wanted.items():
            row = existing.get(key)
            if row is None:
                row = model(**values)
                self.session.add(row)
                tracker.inserted.add(key)
            elif apply_values(row, values):
                tracker.updated.add(key)
            rows[key] = row
        self.session.flush()
        self.removed[table] = [row for key, row in existing.items() if key not in wanted]
        return rows

    def sync_children(
        self,
        table: str,
        spec: ChildTable,
        parents: dict[Hashable, Any],
        wanted: dict[Hashable, Iterable[tuple]],
    ) -> None:
        """Replace a parent's child rows when their set differs from the wanted set."""
        self.check_lengths(
            table,
            spec.model,
            {
                key: [dict(zip(spec.columns, item, strict=True)) for item in items]
                for key, items in wanted.items()
            },
        )
        current: dict[int, list[Any]] = defaultdict(list)
        for child in self.session.scalars(select(spec.model)):
            if spec.owned(child):
                current[getattr(child, spec.parent_column)].append(child)
        # Children of rows about to be deleted go first too, so that an alias can move on.
        stale = [child for row in self.removed[table] for child in current.get(row.id, [])]
        fresh: list[Any] = []
        for key, parent in parents.items():
            target = [tuple(comparable(v) for v in item) for item in wanted.get(key, ())]
            children = current.get(parent.id, [])
            if Counter(map(spec.as_tuple, children)) != Counter(target):
                self.trackers[table].mark_updated(key)
                stale.extend(children)
                fresh.extend(self._child(spec, parent.id, values) for values in wanted.get(key, ()))
        for child in stale:
            self.session.delete(child)
        self.session.flush()
        self.session.add_all(fresh)
        self.session.flush()

    def check_lengths(
        self, table: str, model: type, rows: dict[Hashable, list[dict[str, Any]]]
    ) -> None:
        """Refuse, before the rows reach the database, a text longer than its column holds."""
        problems = [
            f"{self.data.seed_dir.name}/{SEED_FILES[FILE_OF.get(table, table)]}: "
            f"{_record_name(key)}: {problem}"
            for key, values_list in rows.items()
            for values in values_list
            for problem in length_problems(model.__table__, values)
        ]
        if problems:
            raise SeedLoadError(problems)

    @staticmethod
    def _child(spec: ChildTable, parent_id: int, values: tuple) -> Any:
        return spec.model(
            **{spec.parent_column: parent_id, **dict(zip(spec.columns, values, strict=True))}
        )

    def set_parents(
        self, table: str, rows: dict[str, Any], parent_of: dict[str, str | None], column: str
    ) -> None:
        """Self-references (sector parent, parent event) are set once every row has an id."""
        for key, row in rows.items():
            parent = parent_of.get(key)
            if apply_values(row, {column: rows[parent].id if parent else None}):
                self.trackers[table].mark_updated(key)
        self.session.flush()

    def seed_rows(self, model: type) -> dict[str, Any]:
        return {
            row.key: row
            for row in self.session.scalars(select(model).where(model.loaded_by == SEED))
        }

    def remember_ids(self, kind: str, rows: dict[Hashable, Any]) -> None:
        self.ids[kind] = {key: row.id for key, row in rows.items()}

    def id_of(self, kind: str, key: str | None) -> int | None:
        return None if key is None else self.ids[kind][key]

    # ---------------------------------------------------------------------------- ownership

    def check_ownership(self) -> None:
        """Refuse, before writing anything, to overwrite rows that another loader owns."""
        problems: list[str] = []
        for table, model in OWNED_TABLES.items():
            wanted = {record.key for record in getattr(self.data, table)}
            for row in self.session.scalars(
                select(model).where(model.loaded_by != SEED, model.key.in_(wanted))
            ):
                problems.append(
                    f"{self.data.seed_dir.name}/{SEED_FILES[table]}: {row.key}: key already used by a "
                    f"{table} row loaded by {row.loaded_by!r} (id {row.id}); the seed never overwrites it"
                )
        problems += self._foreign_collisions()
        if problems:
            raise SeedLoadError(problems)

    def _foreign_collisions(self) -> list[str]:
        """Unique values other than keys — article texts, aliases — that another loader holds."""
        checks = (
            (
                "sources",
                "the same article text as",
                {a.sha256: k for k, a in self.data.articles.items()},
                select(Source.content_sha256, Source.key, Source.loaded_by),
            ),
            (
                "organizations",
                "alias",
                {alias: o.key for o in self.data.organizations for alias in o.aliases},
                select(OrganizationAlias.alias, Organization.key, Organization.loaded_by).join(
                    Organization, OrganizationAlias.organization_id == Organization.id
                ),
            ),
            (
                "people",
                "alias",
                {alias: p.key for p in self.data.people for alias in p.aliases},
                select(PersonAlias.alias, Person.key, Person.loaded_by).join(
                    Person, PersonAlias.person_id == Person.id
                ),
            ),
            (
                "projects",
                "alias",
                {alias: p.key for p in self.data.projects for alias in p.aliases},
                select(ProjectAlias.alias, Project.key, Project.loaded_by).join(
                    Project, ProjectAlias.project_id == Project.id
                ),
            ),
        )
        problems = []
        for table, what, wanted, query in checks:
            for value, owner, loaded_by in self.session.execute(query):
                if loaded_by != SEED and value in wanted:
                    shown = f"{what} {value!r}" if what == "alias" else what
                    problems.append(
                        f"{self.data.seed_dir.name}/{SEED_FILES[table]}: {wanted[value]}: {shown} "
                        f"row {owner!r}, loaded by {loaded_by!r}; the seed never overwrites it"
                    )
        return problems

    # ---------------------------------------------------------------------------- reference

    def sync_countries(self) -> None:
        countries = self.data.countries
        region_of = {code: region for region, codes in countries.regions.items() for code in codes}
        wanted = {
            country.alpha_3: iso_country(country, region_of) for country in pycountry.countries
        }
        for aggregate in countries.aggregates:
            wanted[aggregate.code] = dict(
                iso3=aggregate.code,
                iso2=None,
                numeric_code=None,
                name=aggregate.name,
                official_name=None,
                region=region_of.get(aggregate.code),
                is_aggregate=True,
            )
        existing = {row.iso3: row for row in self.session.scalars(select(Country))}
        rows = self.upsert("countries", Country, wanted, existing)
        # Only aggregates leave with their record; an ISO code stays even if pycountry drops it.
        self.removed["countries"] = [row for row in self.removed["countries"] if row.is_aggregate]
        self.remember_ids("country", {iso3: row for iso3, row in existing.items()} | rows)
        members = {
            agg.code: [(self.ids["country"][m],) for m in agg.members]
            for agg in countries.aggregates
        }
        aggregates = {code: rows[code] for code in members}
        spec = ChildTable(CountryGroupMember, "group_country_id", ("member_country_id",))
        self.sync_children("countries", spec, aggregates, members)

    def sync_country_aliases(self) -> None:
        wanted = {
            alias.alias: dict(
                alias=alias.alias, kind=alias.kind, country_id=self.ids["country"][code]
            )
            for code, aliases in self.data.countries.aliases.items()
            for alias in aliases
        }
        existing = {row.alias: row for row in self.session.scalars(select(CountryAlias))}
        self.upsert("country_aliases", CountryAlias, wanted, existing)

    def sync_sectors(self) -> None:
        wanted = {
            s.key: dict(key=s.key, name=s.name, description=s.description)
            for s in self.data.sectors
        }
        existing = {row.key: row for row in self.session.scalars(select(Sector))}
        rows = self.upsert("sectors", Sector, wanted, existing)
        self.set_parents("sectors", rows, {s.key: s.parent for s in self.data.sectors}, "parent_id")
        self.remember_ids("sector", rows)

    def sync_currency_rates(self) -> None:
        wanted = {
            (r.currency, r.valid_from): dict(
                currency=r.currency,
                valid_from=r.valid_from,
                valid_to=r.valid_to,
                usd_per_unit=r.usd_per_unit,
                source_note=r.source_note,
            )
            for r in self.data.currency_rates
        }
        existing = {
            (row.currency, row.valid_from): row
            for row in self.session.scalars(select(CurrencyRate))
        }
        self.upsert("currency_rates", CurrencyRate, wanted, existing)
        self.session.flush()
        self.rate_ids = {
            (row.currency, row.valid_from): row.id
            for row in self.session.scalars(select(CurrencyRate))
        }

    def rate_id(self, rate: CurrencyRateRecord | None) -> int | None:
        return None if rate is None else self.rate_ids[(rate.currency, rate.valid_from)]

    # ------------------------------------------------------------------- parties and sources

    def sync_organizations(self) -> None:
        wanted = {
            o.key: dict(
                key=o.key,
                name=o.name,
                kind=o.kind,
                country_id=self.id_of("country", o.country),
                is_state_owned=o.is_state_owned,
                loaded_by=SEED,
                note=o.note,
            )
            for o in self.data.organizations
        }
        rows = self.upsert("organizations", Organization, wanted, self.seed_rows(Organization))
        aliases = {o.key: [(alias,) for alias in o.aliases] for o in self.data.organizations}
        spec = ChildTable(OrganizationAlias, "organization_id", ("alias",))
        self.sync_children("organizations", spec, rows, aliases)
        self.remember_ids("organization", rows)

    def sync_people(self) -> None:
        wanted = {
            p.key: dict(
                key=p.key,
                name=p.name,
                country_id=self.id_of("country", p.country),
                organization_id=self.id_of("organization", p.organization),
                position=p.position,
                loaded_by=SEED,
                note=p.note,
            )
            for p in self.data.people
        }
        rows = self.upsert("people", Person, wanted, self.seed_rows(Person))
        aliases = {p.key: [(alias,) for alias in p.aliases] for p in self.data.people}
        self.sync_children(
            "people", ChildTable(PersonAlias, "person_id", ("alias",)), rows, aliases
        )
        self.remember_ids("person", rows)

    def first_published(self, record) -> date | None:
        """The publication date of the source a record cites first."""
        if not hasattr(self, "_published"):
            self._published = {s.key: s.published_date for s in self.data.sources}
        return self._published.get(record.citations[0].source) if record.citations else None

    def sync_sources(self) -> None:
        wanted = {}
        for s in self.data.sources:
            article = self.data.articles[s.key]
            wanted[s.key] = dict(
                key=s.key,
                title=s.title,
                author=s.author,
                publisher=s.publisher,
                url=s.url,
                published_date=s.published_date,
                published_date_precision=s.published_date_precision,
                language=s.language,
                body_text=article.text,
                search_title=index_text(s.title, s.language),
                search_text=index_text(article.text, s.language),
                content_sha256=article.sha256,
                file_name=s.file,
                load_method=SEED,
                loaded_by=SEED,
                note=s.note,
            )
        self.remember_ids("source", self.upsert("sources", Source, wanted, self.seed_rows(Source)))

    # --------------------------------------------------------------------------------- facts

    def fact_values(self, record: FactRecord) -> dict[str, Any]:
        return dict(key=record.key, review_status="curated", loaded_by=SEED, note=record.note)

    def citation_tuples(self, record: FactRecord) -> list[tuple]:
        return [self.citation_tuple(citation) for citation in record.citations]

    def citation_tuple(self, citation: CitationRecord) -> tuple:
        start, end = self.data.citation_span(citation)
        source_id = self.ids["source"][citation.source]
        search_text = index_text(citation.quote, self.language_of[citation.source])
        return (
            source_id, citation.quote, start, end, citation.stated_value, citation.note,
            search_text,
        )  # fmt: skip

    def sync_citations(
        self, table: str, fact_column: str, rows: dict[str, Any], records: list
    ) -> None:
        seed_sources = set(self.ids["source"].values())
        spec = ChildTable(
            Citation,
            fact_column,
            ("source_id", "quote", "char_start", "char_end", "stated_value", "note", "search_text"),
            # A citation that another loader added to a seed fact is not the seed's to replace.
            owned=lambda citation: citation.source_id in seed_sources,
        )
        self.sync_children(table, spec, rows, {r.key: self.citation_tuples(r) for r in records})

    def party_tuples(self, parties) -> list[tuple]:
        return [
            (
                self.id_of("country", p.country),
                self.id_of("organization", p.organization),
                self.id_of("person", p.person),
                p.role,
            )
            for p in parties
        ]

    def sync_events(self) -> None:
        records = self.data.events
        wanted = {
            e.key: self.fact_values(e)
            | dict(
                kind=e.kind,
                title=e.title,
                start_date=e.start_date,
                end_date=e.end_date or e.start_date,
                date_precision=e.date_precision,
                place=e.place,
                country_id=self.id_of("country", e.country),
                sequence_number=e.sequence_number,
                description=e.description,
            )
            for e in records
        }
        rows = self.upsert("events", Event, wanted, self.seed_rows(Event))
        self.set_parents("events", rows, {e.key: e.parent for e in records}, "parent_event_id")
        spec = ChildTable(
            EventParticipant, "event_id", ("country_id", "organization_id", "person_id", "role")
        )
        self.sync_children(
            "events", spec, rows, {e.key: self.party_tuples(e.participants) for e in records}
        )
        self.sync_citations("events", "event_id", rows, records)
        self.remember_ids("event", rows)

    def money_values(self, record, span: tuple[date, date] | None) -> dict[str, Any]:
        usd, rate = usd_conversion(record.value, record.currency, span, self.data.currency_rates)
        return dict(
            value_amount=record.value,
            value_currency=record.currency,
            value_qualifier=record.qualifier if record.value is not None else None,
            value_usd=usd,
            currency_rate_id=self.rate_id(rate),
        )

    def sync_projects(self) -> None:
        records = self.data.projects
        wanted = {}
        for p in records:
            span = (date(p.start_year, 1, 1), date(p.start_year, 12, 31)) if p.start_year else None
            wanted[p.key] = (
                self.fact_values(p)
                | self.money_values(p, span)
                | dict(
                    name=p.name,
                    kind=p.kind,
                    sector_id=self.id_of("sector", p.sector),
                    status=p.status,
                    start_year=p.start_year,
                    end_year=p.end_year,
                    description=p.description,
                )
            )
        rows = self.upsert("projects", Project, wanted, self.seed_rows(Project))
        children = (
            (
                ChildTable(ProjectAlias, "project_id", ("alias",)),
                lambda p: [(a,) for a in p.aliases],
            ),
            (
                ChildTable(ProjectCountry, "project_id", ("country_id", "role")),
                lambda p: [(self.id_of("country", c.country), c.role) for c in p.countries],
            ),
            (
                ChildTable(ProjectOrganization, "project_id", ("organization_id", "role")),
                lambda p: [
                    (self.id_of("organization", o.organization), o.role) for o in p.organizations
                ],
            ),
        )
        for spec, tuples in children:
            self.sync_children("projects", spec, rows, {p.key: tuples(p) for p in records})
        self.sync_citations("projects", "project_id", rows, records)
        self.remember_ids("project", rows)

    def sync_agreements(self) -> None:
        records = self.data.agreements
        wanted = {}
        for a in records:
            span = (
                (a.signed_date, span_end(a.signed_date, a.date_precision))
                if a.signed_date
                else publication_year(self.first_published(a))
            )
            wanted[a.key] = (
                self.fact_values(a)
                | self.money_values(a, span)
                | dict(
                    title=a.title,
                    kind=a.kind,
                    status=a.status,
                    document_count=a.document_count,
                    document_count_qualifier=a.stated_count_qualifier,
                    signed_date=a.signed_date,
                    signed_date_precision=a.date_precision,
                    event_id=self.id_of("event", a.event),
                    project_id=self.id_of("project", a.project),
                    description=a.description,
                )
            )
        rows = self.upsert("agreements", Agreement, wanted, self.seed_rows(Agreement))
        part_of = {a.key: a.part_of for a in records}
        self.set_parents("agreements", rows, part_of, "part_of_agreement_id")
        parties = ChildTable(
            AgreementParty, "agreement_id", ("country_id", "organization_id", "person_id", "role")
        )
        self.sync_children(
            "agreements", parties, rows, {a.key: self.party_tuples(a.parties) for a in records}
        )
        sectors = ChildTable(AgreementSector, "agreement_id", ("sector_id",))
        sector_ids = {a.key: [(self.ids["sector"][s],) for s in a.sectors] for a in records}
        self.sync_children("agreements", sectors, rows, sector_ids)
        self.sync_citations("agreements", "agreement_id", rows, records)

    def usd_columns(self, amount, currency, span) -> dict[str, Any]:
        usd, rate = usd_conversion(amount, currency, span, self.data.currency_rates)
        return dict(value_usd=usd, currency_rate_id=self.rate_id(rate))

    def measured_values(self, record) -> dict[str, Any]:
        """Columns trade flows and indicators share: value, unit, period, attribution."""
        period = record.period
        span = (period.start, period.end) if period else None
        attributed = record.attributed_to
        return dict(
            value=record.value,
            unit=record.unit,
            value_qualifier=record.qualifier,
            **self.usd_columns(record.value, record.unit, span),
            period_start=period.start if period else None,
            period_end=period.end if period else None,
            period_label=period.label if period else None,
            attributed_to_person_id=self.id_of("person", attributed.person if attributed else None),
            attributed_to_organization_id=self.id_of(
                "organization", attributed.organization if attributed else None
            ),
        )

    def sync_trade_flows(self) -> None:
        records = self.data.trade_flows
        wanted = {
            t.key: self.fact_values(t)
            | self.measured_values(t)
            | dict(
                reporter_country_id=self.id_of("country", t.reporter),
                partner_country_id=self.id_of("country", t.partner),
                flow=t.flow,
                measure=t.measure,
            )
            for t in records
        }
        rows = self.upsert("trade_flows", TradeFlow, wanted, self.seed_rows(TradeFlow))
        self.sync_citations("trade_flows", "trade_flow_id", rows, records)

    def sync_indicators(self) -> None:
        records = self.data.indicators
        wanted = {
            i.key: self.fact_values(i)
            | self.measured_values(i)
            | dict(
                name=i.name,
                metric=i.metric,
                country_id=self.id_of("country", i.country),
                partner_country_id=self.id_of("country", i.partner),
                organization_id=self.id_of("organization", i.organization),
                project_id=self.id_of("project", i.project),
                is_target=i.is_target,
                description=i.description,
            )
            for i in records
        }
        rows = self.upsert("indicators", Indicator, wanted, self.seed_rows(Indicator))
        self.sync_citations("indicators", "indicator_id", rows, records)

    # ------------------------------------------------------------------------------ mentions

    def sync_mentions(self) -> None:
        """The seed articles' mentions, found by the gazetteer over every name the database now
        holds (the seed's and any loaded since): rows that differ are replaced, so a re-seed with
        nothing new changes nothing and a new alias adds its mentions."""
        self.session.flush()
        gazetteer = Gazetteer.from_connection(self.session)
        ids = key_ids(self.session)
        source_ids = self.ids["source"]
        existing = {
            _mention_tuple(row): row
            for row in self.session.scalars(
                select(Mention).where(Mention.source_id.in_(source_ids.values()))
            )
        }
        wanted = set()
        for key, source_id in source_ids.items():
            found = gazetteer.mentions(self.data.articles[key].text)
            wanted.update(_mention_tuple(row) for row in mention_rows(source_id, found, ids))
        tracker = self.trackers["mentions"]
        for values, row in existing.items():
            if values not in wanted:
                self.session.delete(row)
                tracker.deleted.add(values)
        for values in wanted - existing.keys():
            self.session.add(Mention(**dict(zip(MENTION_TUPLE, values, strict=True))))
            tracker.inserted.add(values)
        self.session.flush()

    # ------------------------------------------------------------------------------ removal

    def delete_removed(self) -> None:
        """Delete seed rows whose records are gone, facts first: they point at the rest."""
        for table in reversed(REPORT_TABLES):
            rows = self.removed.get(table, [])
            if table in SELF_REFERENCES:  # unhook links among the removed rows first
                for row in rows:
                    setattr(row, SELF_REFERENCES[table], None)
                self.session.flush()
            for row in rows:
                self.session.delete(row)
                self.trackers[table].deleted.add(_natural_key(table, row))
            self.session.flush()


# A mention as a comparable tuple: what the seed compares to decide what to write.
MENTION_TUPLE = ("source_id", *MENTION_COLUMNS.values(), "mention_text", "char_start", "char_end")


def _mention_tuple(row: Any) -> tuple:
    get = row.get if isinstance(row, dict) else lambda name: getattr(row, name)
    return tuple(get(name) for name in MENTION_TUPLE)


# Tables that point at themselves, and the column that does.
SELF_REFERENCES = {
    "sectors": "parent_id",
    "events": "parent_event_id",
    "agreements": "part_of_agreement_id",
}

OWNED_TABLES = {
    "organizations": Organization,
    "people": Person,
    "sources": Source,
    "events": Event,
    "projects": Project,
    "agreements": Agreement,
    "trade_flows": TradeFlow,
    "indicators": Indicator,
}


# Tables filled from another table's seed file.
FILE_OF = {"country_aliases": "countries"}


def _record_name(key: Hashable) -> str:
    """How a problem line names a record: its key; a rate by currency and first day."""
    return " from ".join(map(str, key)) if isinstance(key, tuple) else str(key)


def _natural_key(table: str, row: Any) -> Hashable:
    if table == "countries":
        return row.iso3
    if table == "country_aliases":
        return row.alias
    if table == "currency_rates":
        return (row.currency, row.valid_from)
    return row.key


def iso_country(country: Any, region_of: dict[str, str]) -> dict[str, Any]:
    return dict(
        iso3=country.alpha_3,
        iso2=country.alpha_2,
        numeric_code=country.numeric,
        name=country.name,
        official_name=getattr(country, "official_name", None),
        region=region_of.get(country.alpha_3),
        is_aggregate=False,
    )
