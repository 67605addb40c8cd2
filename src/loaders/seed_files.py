"""The seed files as typed records: reading, parsing and validating every file of seed/.

The format is the contract written in seed/README.md. ``read_seed`` reads every file, validates
every record, checks every cross-reference and every quote, and only then returns a ``SeedData``;
otherwise it raises one ``SeedValidationError`` that lists every problem found, one line each:
``seed/<file>.yaml: <record key or #n>: <reason>`` (``#n`` counts records from 1).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from itertools import pairwise
from pathlib import Path
from typing import Annotated, Any, Literal

import pycountry
import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from ..errors import SilkledgerError
from ..models.agreements import AGREEMENT_KINDS, AGREEMENT_STATUSES, PARTY_ROLES
from ..models.base import DATE_PRECISIONS, VALUE_QUALIFIERS, amount_problem
from ..models.events import EVENT_KINDS, PARTICIPANT_ROLES
from ..models.parties import ORGANIZATION_KINDS
from ..models.projects import (
    PROJECT_COUNTRY_ROLES,
    PROJECT_KINDS,
    PROJECT_ORGANIZATION_ROLES,
    PROJECT_STATUSES,
)
from ..models.reference import ALIAS_KINDS
from ..models.trade import FLOWS, MEASURES, NON_CURRENCY_UNITS, is_currency

# Every seed file, by the table it fills. All are required: a missing file would otherwise
# read as "no records" and the sync would delete every row of its table.
SEED_FILES = {
    "sources": "sources.yaml",
    "countries": "reference/countries.yaml",
    "sectors": "reference/sectors.yaml",
    "currency_rates": "reference/currency_rates.yaml",
    "organizations": "organizations.yaml",
    "people": "people.yaml",
    "events": "events.yaml",
    "agreements": "agreements.yaml",
    "projects": "projects.yaml",
    "trade_flows": "trade_flows.yaml",
    "indicators": "indicators.yaml",
}
ISO_ALPHA3 = frozenset(country.alpha_3 for country in pycountry.countries)


class SeedValidationError(SilkledgerError):
    """The seed files break the contract; ``problems`` holds one line per problem."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


# ------------------------------------------------------------------------------------ values

SCALE_WORDS = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_STATED_NUMBER = re.compile(r"(\d+(?:\.\d+)?)(?:\s+(thousand|million|billion|trillion))?")


def parse_stated_value(raw: Any) -> Decimal:
    """``"30.05 billion"`` -> 30050000000, ``76000`` -> 76000, ``15.5`` -> 15.5, exactly."""
    if isinstance(raw, bool):  # YAML's yes/no: never a number
        raise ValueError(f"not a number: {raw!r}")
    if isinstance(raw, int | Decimal):
        number = Decimal(raw)
    elif isinstance(raw, float):
        number = Decimal(repr(raw))  # repr is the shortest text that reads back as this float
    elif isinstance(raw, str) and (match := _STATED_NUMBER.fullmatch(raw.strip())):
        digits, scale = match.groups()
        number = Decimal(digits) * SCALE_WORDS.get(scale, 1)
    else:
        raise ValueError(f'not a stated value like "30.05 billion", 76000 or 15.5: {raw!r}')
    if not number.is_finite() or number < 0:
        raise ValueError(f"not a non-negative number: {raw!r}")
    return number


def _decimal_or_error(raw: Any) -> Decimal:
    """A stated value that the database keeps exactly (models.base.amount_problem), or why not."""
    try:
        number = parse_stated_value(raw)
    except InvalidOperation:
        raise ValueError(f"not a number: {raw!r}") from None
    if problem := amount_problem(number):
        raise ValueError(f"{raw!r}: {problem}")
    return number


StatedValue = Annotated[Decimal, BeforeValidator(_decimal_or_error)]
FactKey = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9.-]*$", max_length=200)]
SnakeKey = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_]*$", max_length=100)]
SourceKey = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=200)]
CountryCode = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
CurrencyCode = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
Text = Annotated[str, Field(min_length=1)]

DatePrecision = Literal[DATE_PRECISIONS]
Qualifier = Literal[VALUE_QUALIFIERS]


def check_precision(value: date | None, precision: str | None, field: str) -> None:
    """A month is written as its first day, a year as its 1 January (seed/README.md)."""
    if value is None:
        return
    if precision is None:
        raise ValueError(f"{field} needs a date_precision (day, month or year)")
    if precision == "month" and value.day != 1:
        raise ValueError(f"{field} {value} has precision month but is not the first of a month")
    if precision == "year" and (value.month, value.day) != (1, 1):
        raise ValueError(f"{field} {value} has precision year but is not 1 January")


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    def references(self) -> Iterator[tuple[str, str]]:
        """Every (kind, key) this record points at: country, organization, person, sector,
        event, project or source. The validator checks that each exists."""
        return iter(())


# ------------------------------------------------------------------------- reference files


class SourceRecord(Record):
    key: SourceKey
    file: Text
    title: Text
    author: str | None = None
    publisher: str | None = None
    url: str | None = None
    published_date: date | None = None
    published_date_precision: DatePrecision | None = None
    language: Annotated[str, Field(pattern=r"^[a-z]{2}$")] = "en"
    note: str | None = None

    @model_validator(mode="after")
    def _dates(self) -> SourceRecord:
        check_precision(self.published_date, self.published_date_precision, "published_date")
        if Path(self.file).stem != self.key:
            raise ValueError(f"key must be the file stem of {self.file!r}")
        return self


class AggregateRecord(Record):
    code: CountryCode
    name: Text
    members: list[CountryCode] = Field(min_length=1)
    note: str | None = None

    def references(self):
        yield from (("country", member) for member in self.members)


class CountryAliasRecord(Record):
    alias: Text
    kind: Literal[ALIAS_KINDS]


class CountriesFile(Record):
    aggregates: list[AggregateRecord] = []
    regions: dict[Text, list[CountryCode]] = {}
    aliases: dict[CountryCode, list[CountryAliasRecord]] = {}


class SectorRecord(Record):
    key: SnakeKey
    name: Text
    parent: SnakeKey | None = None
    description: str | None = None

    def references(self):
        if self.parent:
            yield "sector", self.parent


class CurrencyRateRecord(Record):
    currency: CurrencyCode
    valid_from: date
    valid_to: date
    usd_per_unit: StatedValue
    source_note: Text

    @model_validator(mode="after")
    def _range(self) -> CurrencyRateRecord:
        if self.valid_to < self.valid_from:
            raise ValueError(f"valid_to {self.valid_to} is before valid_from {self.valid_from}")
        if self.usd_per_unit <= 0:
            raise ValueError("usd_per_unit must be positive")
        return self

    @property
    def key(self) -> str:
        return f"{self.currency} from {self.valid_from}"

    def covers(self, start: date, end: date) -> bool:
        return self.valid_from <= start and end <= self.valid_to


class OrganizationRecord(Record):
    key: FactKey
    name: Text
    kind: Literal[ORGANIZATION_KINDS]
    country: CountryCode | None = None
    is_state_owned: bool | None = None
    aliases: list[Text] = []
    note: str | None = None

    def references(self):
        if self.country:
            yield "country", self.country


class PersonRecord(Record):
    key: FactKey
    name: Text
    country: CountryCode | None = None
    position: str | None = None
    organization: FactKey | None = None
    note: str | None = None
    aliases: list[Text] = []

    def references(self):
        if self.country:
            yield "country", self.country
        if self.organization:
            yield "organization", self.organization


# ------------------------------------------------------------------------------ fact files


class CitationRecord(Record):
    source: SourceKey
    quote: Text
    stated_value: str | None = None
    occurrence: Annotated[int, Field(ge=1)] | None = None
    note: str | None = None


class PartyRef(Record):
    """One party: exactly one of country, organization or person."""

    country: CountryCode | None = None
    organization: FactKey | None = None
    person: FactKey | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> PartyRef:
        named = [name for name in ("country", "organization", "person") if getattr(self, name)]
        if len(named) != 1:
            raise ValueError("give exactly one of country, organization or person")
        return self

    def references(self):
        for kind in ("country", "organization", "person"):
            if value := getattr(self, kind):
                yield kind, value


class Participant(PartyRef):
    role: Literal[PARTICIPANT_ROLES]


class AgreementParty(PartyRef):
    role: Literal[PARTY_ROLES]


class Attribution(Record):
    organization: FactKey | None = None
    person: FactKey | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Attribution:
        if (self.organization is None) == (self.person is None):
            raise ValueError("attributed_to needs exactly one of organization or person")
        return self

    def references(self):
        if self.organization:
            yield "organization", self.organization
        if self.person:
            yield "person", self.person


class Period(Record):
    start: date
    end: date
    label: Annotated[str, Field(min_length=1, max_length=40)]

    @model_validator(mode="after")
    def _order(self) -> Period:
        if self.end < self.start:
            raise ValueError(f"period end {self.end} is before its start {self.start}")
        return self


class FactRecord(Record):
    key: FactKey
    note: str | None = None
    citations: list[CitationRecord] = Field(min_length=1)

    def references(self):
        yield from (("source", citation.source) for citation in self.citations)


class Money(Record):
    """value + currency + qualifier, as agreements and projects state them."""

    value: StatedValue | None = None
    currency: CurrencyCode | None = None
    qualifier: Qualifier = "exact"

    @model_validator(mode="after")
    def _currency_with_value(self) -> Money:
        if (self.value is None) != (self.currency is None):
            raise ValueError("value and currency go together: give both or neither")
        return self


class EventRecord(FactRecord):
    kind: Literal[EVENT_KINDS]
    title: Text
    start_date: date | None = None
    end_date: date | None = None
    date_precision: DatePrecision | None = None
    place: str | None = None
    country: CountryCode | None = None
    sequence_number: Annotated[int, Field(ge=1)] | None = None
    parent: FactKey | None = None
    participants: list[Participant] = []
    description: str | None = None

    @model_validator(mode="after")
    def _dates(self) -> EventRecord:
        check_precision(self.start_date, self.date_precision, "start_date")
        check_precision(self.end_date, self.date_precision, "end_date")
        if self.end_date and (self.start_date is None or self.end_date < self.start_date):
            raise ValueError(f"end_date {self.end_date} is before start_date {self.start_date}")
        return self

    def references(self):
        yield from super().references()
        if self.country:
            yield "country", self.country
        if self.parent:
            yield "event", self.parent
        for participant in self.participants:
            yield from participant.references()


class AgreementRecord(FactRecord, Money):
    title: Text
    kind: Literal[AGREEMENT_KINDS]
    status: Literal[AGREEMENT_STATUSES]
    document_count: Annotated[int, Field(ge=1)] | None = None
    # "more than 35 memoranda": count 35, qualifier over. None means exact when a count is given.
    document_count_qualifier: Qualifier | None = None
    signed_date: date | None = None
    date_precision: DatePrecision | None = None
    event: FactKey | None = None
    project: FactKey | None = None
    part_of: FactKey | None = None  # the package this agreement is one of
    parties: list[AgreementParty] = []
    sectors: list[SnakeKey] = []
    description: str | None = None

    @model_validator(mode="after")
    def _dates(self) -> AgreementRecord:
        check_precision(self.signed_date, self.date_precision, "signed_date")
        if self.document_count_qualifier and self.document_count is None:
            raise ValueError("document_count_qualifier needs a document_count")
        return self

    @property
    def stated_count_qualifier(self) -> str | None:
        """The qualifier stored with the count: as written, exact by default, none without one."""
        if self.document_count is None:
            return None
        return self.document_count_qualifier or "exact"

    def references(self):
        yield from super().references()
        if self.event:
            yield "event", self.event
        if self.project:
            yield "project", self.project
        if self.part_of:
            yield "agreement", self.part_of
        for party in self.parties:
            yield from party.references()
        yield from (("sector", sector) for sector in self.sectors)


class ProjectCountryRef(Record):
    country: CountryCode
    role: Literal[PROJECT_COUNTRY_ROLES]


class ProjectOrganizationRef(Record):
    organization: FactKey
    role: Literal[PROJECT_ORGANIZATION_ROLES]


class ProjectRecord(FactRecord, Money):
    name: Text
    kind: Literal[PROJECT_KINDS]
    sector: SnakeKey | None = None
    status: Literal[PROJECT_STATUSES] | None = None
    start_year: Annotated[int, Field(ge=1800, le=2200)] | None = None
    end_year: Annotated[int, Field(ge=1800, le=2200)] | None = None
    aliases: list[Text] = []
    countries: list[ProjectCountryRef] = []
    organizations: list[ProjectOrganizationRef] = []
    description: str | None = None

    @model_validator(mode="after")
    def _years(self) -> ProjectRecord:
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValueError(f"end_year {self.end_year} is before start_year {self.start_year}")
        return self

    def references(self):
        yield from super().references()
        if self.sector:
            yield "sector", self.sector
        yield from (("country", ref.country) for ref in self.countries)
        yield from (("organization", ref.organization) for ref in self.organizations)


class TradeFlowRecord(FactRecord):
    reporter: CountryCode
    partner: CountryCode
    period: Period
    flow: Literal[FLOWS]
    measure: Literal[MEASURES]
    value: StatedValue
    unit: str
    qualifier: Qualifier = "exact"
    attributed_to: Attribution | None = None

    @model_validator(mode="after")
    def _consistent(self) -> TradeFlowRecord:
        if self.unit not in NON_CURRENCY_UNITS and not is_currency(self.unit):
            raise ValueError(
                f"unit {self.unit!r} is neither an ISO 4217 code nor one of {NON_CURRENCY_UNITS}"
            )
        if self.measure == "share" and self.unit != "percent":
            raise ValueError("a share is in percent")
        if self.reporter == self.partner:
            raise ValueError("reporter and partner are the same country")
        return self

    def references(self):
        yield from super().references()
        yield from (("country", self.reporter), ("country", self.partner))
        if self.attributed_to:
            yield from self.attributed_to.references()


class IndicatorRecord(FactRecord):
    name: Text
    metric: SnakeKey
    country: CountryCode | None = None
    partner: CountryCode | None = None
    organization: FactKey | None = None
    project: FactKey | None = None
    period: Period | None = None
    value: StatedValue
    unit: Annotated[str, Field(min_length=1, max_length=24)]
    qualifier: Qualifier = "exact"
    is_target: bool = False
    attributed_to: Attribution | None = None
    description: str | None = None

    def references(self):
        yield from super().references()
        for kind in ("country", "partner"):
            if code := getattr(self, kind):
                yield "country", code
        if self.organization:
            yield "organization", self.organization
        if self.project:
            yield "project", self.project
        if self.attributed_to:
            yield from self.attributed_to.references()


RECORD_MODELS: dict[str, type[Record]] = {
    "sources": SourceRecord,
    "sectors": SectorRecord,
    "currency_rates": CurrencyRateRecord,
    "organizations": OrganizationRecord,
    "people": PersonRecord,
    "events": EventRecord,
    "agreements": AgreementRecord,
    "projects": ProjectRecord,
    "trade_flows": TradeFlowRecord,
    "indicators": IndicatorRecord,
}
FACT_TABLES = ("events", "agreements", "projects", "trade_flows", "indicators")


# --------------------------------------------------------------------------------- quotes


class QuoteError(ValueError):
    """A quote that cannot be placed in its article; the message says why."""


def quote_positions(text: str, quote: str) -> list[int]:
    """Every offset where ``quote`` starts in ``text``, overlapping ones included."""
    positions, start = [], text.find(quote)
    while start != -1:
        positions.append(start)
        start = text.find(quote, start + 1)
    return positions


def quote_span(text: str, quote: str, occurrence: int | None, file_name: str) -> tuple[int, int]:
    """The (char_start, char_end) of the chosen occurrence, so that text[start:end] == quote."""
    positions = quote_positions(text, quote)
    if not positions:
        raise QuoteError(f"quote not found in {file_name}: {quote!r}")
    if occurrence is None and len(positions) > 1:
        raise QuoteError(
            f"quote occurs {len(positions)} times in {file_name}; say which with "
            f"occurrence: 1..{len(positions)}: {quote!r}"
        )
    index = (occurrence or 1) - 1
    if index >= len(positions):
        raise QuoteError(
            f"occurrence {occurrence} asked but the quote occurs {len(positions)} time(s) in "
            f"{file_name}: {quote!r}"
        )
    return positions[index], positions[index] + len(quote)


# ---------------------------------------------------------------------------- reading YAML


class _UniqueKeyLoader(yaml.SafeLoader):
    """PyYAML keeps the last of two equal mapping keys silently; a curator's typo must not.

    Unquoted dates stay text: PyYAML's own timestamp constructor raises on 2025-02-30 before any
    record is validated, so pydantic parses them instead and names the record and field.
    """

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(self, node, deep=False):
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"field {key!r} appears twice in one record", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep)


@dataclass(frozen=True)
class Article:
    file_name: str
    text: str
    sha256: str


@dataclass(frozen=True)
class SeedData:
    """Every seed file, parsed and validated; the loader only reads from here."""

    seed_dir: Path
    sources: list[SourceRecord]
    articles: dict[str, Article]
    countries: CountriesFile
    sectors: list[SectorRecord]
    currency_rates: list[CurrencyRateRecord]
    organizations: list[OrganizationRecord]
    people: list[PersonRecord]
    events: list[EventRecord]
    agreements: list[AgreementRecord]
    projects: list[ProjectRecord]
    trade_flows: list[TradeFlowRecord]
    indicators: list[IndicatorRecord]

    def citation_span(self, citation: CitationRecord) -> tuple[int, int]:
        article = self.articles[citation.source]
        return quote_span(article.text, citation.quote, citation.occurrence, article.file_name)


class Problems:
    """Collects problem lines, each naming the file and the record."""

    def __init__(self, seed_dir: Path):
        self.seed_dir = seed_dir
        self.lines: list[str] = []
        # Files that could not be read and keys of records that failed: references to them are
        # not reported again as unknown, so that one typo gives one line, not dozens.
        self.unreadable: set[str] = set()
        self.invalid_keys: set[str] = set()

    def add(self, relative_file: str, where: str | None, reason: str) -> None:
        parts = [f"{self.seed_dir.name}/{relative_file}", *([where] if where else []), reason]
        self.lines.append(": ".join(parts))


def read_yaml(path: Path, relative: str, problems: Problems) -> Any:
    if not path.is_file():
        problems.add(relative, None, "file missing (every seed file is required)")
        problems.unreadable.add(relative)
        return None
    problems.unreadable.add(relative)  # until it has parsed
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
        problems.unreadable.discard(relative)
        return raw
    except UnicodeDecodeError as exc:
        problems.add(relative, None, f"not UTF-8 text: {exc}")
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else None
        reason = getattr(exc, "problem", None) or str(exc)
        context = getattr(exc, "context", None)
        problems.add(
            relative, where, f"malformed YAML: {f'{context}: ' if context else ''}{reason}"
        )
    return None


def _error_reason(error: dict[str, Any]) -> str:
    location = ".".join(str(part) for part in error["loc"])
    if error["type"] == "extra_forbidden":  # often a comma that YAML read as a new field
        return f"unknown field {location!r} (see seed/README.md for the fields of each record)"
    message = error["msg"].removeprefix("Value error, ")
    given = error.get("input")
    shown = (
        f" (got {given!r})"
        if isinstance(given, str | int | float) and error["type"] != "value_error"
        else ""
    )
    return f"{location}: {message}{shown}" if location else f"{message}{shown}"


def _record_label(raw: Any, index: int) -> str:
    if isinstance(raw, dict) and isinstance(raw.get("key"), str):
        return raw["key"]
    if isinstance(raw, dict) and "currency" in raw and "valid_from" in raw:
        return f"{raw['currency']} from {raw['valid_from']}"
    return f"#{index + 1}"


def parse_records(raw: Any, model: type[Record], relative: str, problems: Problems) -> list:
    """Every valid record of a list file; each invalid one adds its problems."""
    if raw is None and relative in problems.unreadable:  # missing or malformed: reported
        return []
    if raw is None:  # an empty or half-saved file would otherwise delete every row it seeds
        problems.add(relative, None, "file is empty: write [] for a file with no records")
        problems.unreadable.add(relative)
        return []
    if not isinstance(raw, list):
        problems.add(relative, None, "must be a YAML list of records")
        problems.unreadable.add(relative)
        return []
    records = []
    for index, item in enumerate(raw):
        try:
            records.append(model.model_validate(item))
        except ValidationError as exc:
            if isinstance(item, dict) and isinstance(item.get("key"), str):
                problems.invalid_keys.add(item["key"])
            for error in exc.errors():
                problems.add(relative, _record_label(item, index), _error_reason(error))
    return records


def parse_countries(raw: Any, relative: str, problems: Problems) -> CountriesFile:
    if raw is None:
        return CountriesFile()
    try:
        return CountriesFile.model_validate(raw)
    except ValidationError as exc:
        for error in exc.errors():
            where, rest = _countries_label(raw, error["loc"])
            problems.add(relative, where, _error_reason({**error, "loc": rest}))
    problems.unreadable.add(relative)
    return CountriesFile()


def _countries_label(raw: Any, loc: tuple) -> tuple[str | None, tuple]:
    """``aggregates.0.members.2`` reads better as ``aggregates XCA: members.2``."""
    if len(loc) >= 2 and loc[0] == "aggregates" and isinstance(loc[1], int):
        item = raw["aggregates"][loc[1]] if isinstance(raw.get("aggregates"), list) else None
        code = item.get("code") if isinstance(item, dict) else None
        return f"aggregates {code or f'#{loc[1] + 1}'}", loc[2:]
    if len(loc) >= 2 and loc[0] in ("regions", "aliases"):
        return f"{loc[0]} {loc[1]}", loc[2:]
    return None, loc


def read_article(seed_dir: Path, record: SourceRecord, problems: Problems) -> Article | None:
    path = (seed_dir / record.file).resolve()
    if not path.is_relative_to(seed_dir.resolve()):
        problems.add(
            SEED_FILES["sources"], record.key, f"file {record.file!r} lies outside the seed folder"
        )
        return None
    if not path.is_file():
        problems.add(SEED_FILES["sources"], record.key, f"article file missing: {record.file}")
        return None
    data = path.read_bytes()
    try:
        text = data.decode(
            "utf-8"
        )  # bytes, not read_text: no newline translation, spans stay exact
    except UnicodeDecodeError as exc:
        problems.add(SEED_FILES["sources"], record.key, f"{record.file} is not UTF-8: {exc}")
        return None
    return Article(path.name, text, hashlib.sha256(data).hexdigest())


# ------------------------------------------------------------------------------ validation


def read_seed(seed_dir: Path) -> SeedData:
    """Read and validate every seed file; raise SeedValidationError listing every problem."""
    if not seed_dir.is_dir():
        raise SeedValidationError([f"{seed_dir}: seed folder not found"])
    problems = Problems(seed_dir)
    raw = {table: read_yaml(seed_dir / name, name, problems) for table, name in SEED_FILES.items()}
    parsed = {
        table: parse_records(raw[table], model, SEED_FILES[table], problems)
        for table, model in RECORD_MODELS.items()
    }
    countries = parse_countries(raw["countries"], SEED_FILES["countries"], problems)
    articles = {}
    for record in parsed["sources"]:
        if (article := read_article(seed_dir, record, problems)) is not None:
            articles[record.key] = article
    data = SeedData(seed_dir=seed_dir, articles=articles, countries=countries, **parsed)
    check_consistency(data, problems)
    if problems.lines:
        raise SeedValidationError(problems.lines)
    return data


def check_consistency(data: SeedData, problems: Problems) -> None:
    check_duplicates(data, problems)
    check_countries_file(data.countries, problems)
    check_references(data, problems)
    check_quotes(data, problems)
    check_rates(data.currency_rates, problems)
    check_cycles(data, problems)


def _duplicates(entries: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str, int]]:
    """(where, value) pairs -> (where, value, count) for each value given more than once."""
    entries = list(entries)
    counts = Counter(value for _, value in entries)
    reported: set[str] = set()
    for where, value in entries:
        if counts[value] > 1 and (where, value) not in reported:
            reported.add((where, value))
            yield where, value, counts[value]


def check_duplicates(data: SeedData, problems: Problems) -> None:
    for table in RECORD_MODELS:
        keys = [(record.key, record.key) for record in getattr(data, table)]
        for where, key, count in _duplicates(keys):
            problems.add(SEED_FILES[table], where, f"duplicate key {key!r} ({count} records)")
    aliases = {
        "organizations": [(org.key, alias) for org in data.organizations for alias in org.aliases],
        "projects": [(prj.key, alias) for prj in data.projects for alias in prj.aliases],
        "people": [(person.key, alias) for person in data.people for alias in person.aliases],
    }
    for table, entries in aliases.items():
        for where, alias, _ in _duplicates(entries):
            problems.add(
                SEED_FILES[table], where, f"alias {alias!r} is given to more than one record"
            )
    check_repeated_links(data, problems)
    for fact_table in FACT_TABLES:  # one key, one fact: keys are unique across the fact files
        for record in getattr(data, fact_table):
            for other in FACT_TABLES:
                if other < fact_table and record.key in {r.key for r in getattr(data, other)}:
                    problems.add(
                        SEED_FILES[fact_table], record.key, f"key also used in {SEED_FILES[other]}"
                    )


def check_repeated_links(data: SeedData, problems: Problems) -> None:
    """Link rows keyed by their content (project countries, agreement sectors) cannot repeat."""
    links = [("projects", p.key, [(c.country, c.role) for c in p.countries]) for p in data.projects]
    links += [
        ("projects", p.key, [(o.organization, o.role) for o in p.organizations])
        for p in data.projects
    ]
    links += [("agreements", a.key, [(s,) for s in a.sectors]) for a in data.agreements]
    for table, key, items in links:
        for item, count in Counter(items).items():
            if count > 1:
                listed = " ".join(item)
                problems.add(SEED_FILES[table], key, f"{listed!r} is listed {count} times")


def check_countries_file(countries: CountriesFile, problems: Problems) -> None:
    relative = SEED_FILES["countries"]
    codes = [(f"aggregates {agg.code}", agg.code) for agg in countries.aggregates]
    for where, code, _ in _duplicates(codes):
        problems.add(relative, where, f"duplicate aggregate code {code!r}")
    for aggregate in countries.aggregates:
        if aggregate.code in ISO_ALPHA3:
            problems.add(
                relative, f"aggregates {aggregate.code}", "code is an ISO 3166-1 country code"
            )
    regions = [
        (f"regions {region}", code) for region, codes in countries.regions.items() for code in codes
    ]
    for where, code, _ in _duplicates(regions):
        problems.add(relative, where, f"{code} is listed in more than one region")
    aliases = [
        (f"aliases {code}", alias.alias)
        for code, items in countries.aliases.items()
        for alias in items
    ]
    for where, alias, _ in _duplicates(aliases):
        problems.add(relative, where, f"alias {alias!r} is given more than once")


def known_keys(data: SeedData) -> dict[str, set[str]]:
    return {
        "country": set(ISO_ALPHA3) | {agg.code for agg in data.countries.aggregates},
        "organization": {record.key for record in data.organizations},
        "person": {record.key for record in data.people},
        "sector": {record.key for record in data.sectors},
        "event": {record.key for record in data.events},
        "project": {record.key for record in data.projects},
        "agreement": {record.key for record in data.agreements},
        "source": {record.key for record in data.sources},
    }


def _unknown_reason(kind: str, value: str) -> str:
    if kind == "country":
        return (
            f"unknown country code {value!r} (neither ISO 3166-1 alpha-3 nor an aggregate in "
            f"{SEED_FILES['countries']})"
        )
    if kind == "source":
        return f"unknown source {value!r} (not a key of {SEED_FILES['sources']})"
    return f"unknown {kind} {value!r}"


# The file that defines each kind of key a record may point at.
DEFINED_IN = {
    "country": "countries",
    "organization": "organizations",
    "person": "people",
    "sector": "sectors",
    "event": "events",
    "project": "projects",
    "agreement": "agreements",
    "source": "sources",
}


def check_references(data: SeedData, problems: Problems) -> None:
    known = known_keys(data)
    unverifiable = {k for k, t in DEFINED_IN.items() if SEED_FILES[t] in problems.unreadable}
    for table in RECORD_MODELS:
        for record in getattr(data, table):
            for kind, value in dict.fromkeys(record.references()):
                if kind in unverifiable or value in problems.invalid_keys:
                    continue
                if value not in known[kind]:
                    problems.add(SEED_FILES[table], record.key, _unknown_reason(kind, value))
    relative = SEED_FILES["countries"]
    for aggregate in data.countries.aggregates:
        for _, code in aggregate.references():
            if code not in known["country"]:
                problems.add(
                    relative, f"aggregates {aggregate.code}", _unknown_reason("country", code)
                )
    listed = [(f"regions {r}", c) for r, codes in data.countries.regions.items() for c in codes]
    listed += [(f"aliases {code}", code) for code in data.countries.aliases]
    for where, code in listed:
        if code not in known["country"]:
            problems.add(relative, where, _unknown_reason("country", code))


def check_quotes(data: SeedData, problems: Problems) -> None:
    for table in FACT_TABLES:
        for record in getattr(data, table):
            for citation in record.citations:
                if citation.source not in data.articles:
                    continue  # an unknown source is reported by check_references
                try:
                    data.citation_span(citation)
                except QuoteError as exc:
                    problems.add(SEED_FILES[table], record.key, str(exc))


def check_rates(rates: list[CurrencyRateRecord], problems: Problems) -> None:
    """Two rates for one currency on one day would make value_usd depend on row order."""
    by_currency: dict[str, list[CurrencyRateRecord]] = defaultdict(list)
    for rate in rates:
        by_currency[rate.currency].append(rate)
    for currency_rates in by_currency.values():
        ordered = sorted(currency_rates, key=lambda rate: rate.valid_from)
        for earlier, later in pairwise(ordered):
            if later.valid_from <= earlier.valid_to:
                problems.add(
                    SEED_FILES["currency_rates"], later.key, f"overlaps the rate {earlier.key}"
                )


def check_cycles(data: SeedData, problems: Problems) -> None:
    for table, parent_of in (
        ("sectors", {record.key: record.parent for record in data.sectors}),
        ("events", {record.key: record.parent for record in data.events}),
        ("agreements", {record.key: record.part_of for record in data.agreements}),
    ):
        for key in parent_of:
            seen, current = {key}, parent_of.get(key)
            while current is not None and current not in seen:
                seen.add(current)
                current = parent_of.get(current)
            if current == key:
                problems.add(SEED_FILES[table], key, "parent chain leads back to itself")
