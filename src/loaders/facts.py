"""Facts as seed records and as rows: the one mapping the article loader and the review queue use.

An extracted fact arrives as the ``fields`` of a seed record (src/loaders/seed_files.py): it is
validated with that record model, then written as a row with ``fact_columns``. The review queue
reads a row back as the same record fields with ``record_fields`` (its scalar fields: lists such as
parties stay in their link tables), validates an edit with the record model and writes it back.

A fact's public ID (``fact_id``) is ``<kind>:<row id>`` (``trade_flow:12``): short, and never
ambiguous across the five fact tables. Every command that takes an ID also takes the fact's key.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import SilkledgerError
from ..models import (
    NATURAL_KEYS,
    Agreement,
    AgreementParty,
    AgreementSector,
    CurrencyRate,
    Event,
    EventParticipant,
    Indicator,
    Project,
    ProjectCountry,
    ProjectOrganization,
    TradeFlow,
)
from ..models.base import span_end
from .mentions import key_ids
from .seed import publication_year, usd_conversion
from .seed_files import (
    AgreementRecord,
    CurrencyRateRecord,
    EventRecord,
    IndicatorRecord,
    ProjectRecord,
    Record,
    TradeFlowRecord,
)


@dataclass(frozen=True)
class FactKind:
    name: str  # the extractor's kind: trade_flow, agreement, project, event, indicator
    table: str
    model: type
    record: type[Record]
    citation_column: str
    # (record field, column, what the column points at: None for a plain value)
    scalars: tuple[tuple[str, str, str | None], ...]
    measured: bool = False  # value/unit/period/attribution, as trade flows and indicators have

    @property
    def key_part(self) -> str:
        return self.name.replace("_", "-")


MONEY = (
    ("value", "value_amount", None),
    ("currency", "value_currency", None),
    ("qualifier", "value_qualifier", None),
)
MEASURED = (
    ("value", "value", None),
    ("unit", "unit", None),
    ("qualifier", "value_qualifier", None),
)

KINDS: dict[str, FactKind] = {
    kind.name: kind
    for kind in (
        FactKind(
            "trade_flow",
            "trade_flows",
            TradeFlow,
            TradeFlowRecord,
            "trade_flow_id",
            (
                ("reporter", "reporter_country_id", "country"),
                ("partner", "partner_country_id", "country"),
                ("flow", "flow", None),
                ("measure", "measure", None),
                *MEASURED,
            ),
            measured=True,
        ),
        FactKind(
            "agreement",
            "agreements",
            Agreement,
            AgreementRecord,
            "agreement_id",
            (
                ("title", "title", None),
                ("kind", "kind", None),
                ("status", "status", None),
                ("document_count", "document_count", None),
                ("signed_date", "signed_date", None),
                ("date_precision", "signed_date_precision", None),
                ("event", "event_id", "event"),
                ("project", "project_id", "project"),
                ("part_of", "part_of_agreement_id", "agreement"),
                ("description", "description", None),
                *MONEY,
            ),
        ),
        FactKind(
            "project",
            "projects",
            Project,
            ProjectRecord,
            "project_id",
            (
                ("name", "name", None),
                ("kind", "kind", None),
                ("sector", "sector_id", "sector"),
                ("status", "status", None),
                ("start_year", "start_year", None),
                ("end_year", "end_year", None),
                ("description", "description", None),
                *MONEY,
            ),
        ),
        FactKind(
            "event",
            "events",
            Event,
            EventRecord,
            "event_id",
            (
                ("kind", "kind", None),
                ("title", "title", None),
                ("start_date", "start_date", None),
                ("end_date", "end_date", None),
                ("date_precision", "date_precision", None),
                ("place", "place", None),
                ("country", "country_id", "country"),
                ("sequence_number", "sequence_number", None),
                ("parent", "parent_event_id", "event"),
                ("description", "description", None),
            ),
        ),
        FactKind(
            "indicator",
            "indicators",
            Indicator,
            IndicatorRecord,
            "indicator_id",
            (
                ("name", "name", None),
                ("metric", "metric", None),
                ("country", "country_id", "country"),
                ("partner", "partner_country_id", "country"),
                ("organization", "organization_id", "organization"),
                ("project", "project_id", "project"),
                *MEASURED,
                ("is_target", "is_target", None),
                ("description", "description", None),
            ),
            measured=True,
        ),
    )
}
KIND_OF_TABLE = {kind.table: kind for kind in KINDS.values()}


class FactError(SilkledgerError):
    """A fact that cannot be found or written; the message names it."""


# ---------------------------------------------------------------------------- references


class References:
    """Natural keys <-> row ids of everything a fact can point at, read once per run."""

    def __init__(self, session: Session):
        self.ids: dict[str, dict[str, int]] = key_ids(session, NATURAL_KEYS)
        self.keys = {kind: {v: k for k, v in ids.items()} for kind, ids in self.ids.items()}
        rows = list(session.scalars(select(CurrencyRate)))
        self.rates = [
            CurrencyRateRecord(
                currency=rate.currency,
                valid_from=rate.valid_from,
                valid_to=rate.valid_to,
                usd_per_unit=Decimal(str(rate.usd_per_unit)),
                source_note=rate.source_note or "-",
            )
            for rate in rows
        ]
        self.rate_ids = {(rate.currency, rate.valid_from): rate.id for rate in rows}

    def usd_columns(self, amount, currency, span) -> dict[str, Any]:
        """value_usd and the id of the rate that gave it (currency_rate_id)."""
        usd, rate = usd_conversion(amount, currency, span, self.rates)
        rate_id = None if rate is None else self.rate_ids[(rate.currency, rate.valid_from)]
        return dict(value_usd=usd, currency_rate_id=rate_id)

    def id_of(self, kind: str, key: str | None) -> int | None:
        if key is None:
            return None
        try:
            return self.ids[kind][key]
        except KeyError:
            raise FactError(f"unknown {kind} {key!r}") from None

    def key_of(self, kind: str, row_id: int | None) -> str | None:
        if row_id is None:
            return None
        if row_id not in self.keys[kind]:  # a row made after this cache was read
            raise FactError(f"unknown {kind} id {row_id}")
        return self.keys[kind][row_id]

    def remember(self, kind: str, key: str, row_id: int) -> None:
        self.ids[kind][key] = row_id
        self.keys[kind][row_id] = key

    def check(self, record: Record) -> None:
        """Every key the record points at exists (its citations' sources are the loader's)."""
        for kind, key in record.references():
            if kind != "source":
                self.id_of(kind, key)


# ------------------------------------------------------------------------ record -> columns


def fact_columns(
    kind: FactKind, record: Record, refs: References, published: date | None = None
) -> dict[str, Any]:
    """The row's columns for a validated record (its key, note and review columns excluded).
    ``published`` is the article's date: an agreement without a signing date is converted to
    USD at the rate of that year."""
    columns = {
        column: refs.id_of(target, getattr(record, field)) if target else getattr(record, field)
        for field, column, target in kind.scalars
    }
    if kind.name == "event":
        columns["end_date"] = record.end_date or record.start_date
    if kind.measured:
        columns |= measured_columns(record, refs)
    else:
        columns |= money_columns(kind, record, refs, published)
    return columns


def money_columns(
    kind: FactKind, record: Record, refs: References, published: date | None = None
) -> dict[str, Any]:
    if not hasattr(record, "currency"):
        return {}
    span = None
    if kind.name == "agreement" and record.signed_date:
        span = (record.signed_date, span_end(record.signed_date, record.date_precision))
    elif kind.name == "agreement":
        span = publication_year(published)
    elif kind.name == "project" and record.start_year:
        span = (date(record.start_year, 1, 1), date(record.start_year, 12, 31))
    return dict(
        value_qualifier=record.qualifier if record.value is not None else None,
        **refs.usd_columns(record.value, record.currency, span),
    )


def measured_columns(record: Record, refs: References) -> dict[str, Any]:
    period, attributed = record.period, record.attributed_to
    span = (period.start, period.end) if period else None
    return dict(
        **refs.usd_columns(record.value, record.unit, span),
        period_start=period.start if period else None,
        period_end=period.end if period else None,
        period_label=period.label if period else None,
        attributed_to_person_id=refs.id_of("person", attributed and attributed.person),
        attributed_to_organization_id=refs.id_of(
            "organization", attributed and attributed.organization
        ),
    )


def child_rows(
    kind: FactKind, record: Record, fact_id: int | None, refs: References
) -> Iterator[tuple[type, dict[str, Any]]]:
    """The link rows of a new fact as (model, columns): participants, parties, sectors, project
    countries and organisations (each listed once). Their column pointing at the fact is
    ``kind.citation_column``; ``fact_id`` None leaves it to be filled in."""
    if kind.name in ("event", "agreement"):
        model = EventParticipant if kind.name == "event" else AgreementParty
        parent = "event_id" if kind.name == "event" else "agreement_id"
        parties = record.participants if kind.name == "event" else record.parties
        for party in dict.fromkeys(parties):
            yield (
                model,
                {
                    parent: fact_id,
                    "country_id": refs.id_of("country", party.country),
                    "organization_id": refs.id_of("organization", party.organization),
                    "person_id": refs.id_of("person", party.person),
                    "role": party.role,
                },
            )
    if kind.name == "agreement":
        for sector in dict.fromkeys(record.sectors):
            yield (
                AgreementSector,
                {"agreement_id": fact_id, "sector_id": refs.id_of("sector", sector)},
            )
    if kind.name == "project":
        for ref in dict.fromkeys(record.countries):
            country = refs.id_of("country", ref.country)
            yield ProjectCountry, {"project_id": fact_id, "country_id": country, "role": ref.role}
        for ref in dict.fromkeys(record.organizations):
            organization = refs.id_of("organization", ref.organization)
            yield (
                ProjectOrganization,
                {"project_id": fact_id, "organization_id": organization, "role": ref.role},
            )


# ------------------------------------------------------------------------ row -> record fields


def record_fields(kind: FactKind, row: Any, refs: References) -> dict[str, Any]:
    """The row's scalar record fields (no key, citations or lists), as the record model takes
    them: keys for references, Decimal values, dates."""
    fields = {
        field: refs.key_of(target, getattr(row, column)) if target else getattr(row, column)
        for field, column, target in kind.scalars
    }
    if kind.name == "event" and row.end_date == row.start_date:
        fields["end_date"] = None  # stored as the start date when the record gave none
    if "qualifier" in fields and fields["qualifier"] is None:
        fields["qualifier"] = "exact"
    if "value" in fields and fields["value"] is not None:
        fields["value"] = Decimal(str(fields["value"])).normalize()
    if kind.measured:
        fields["period"] = (
            {"start": row.period_start, "end": row.period_end, "label": row.period_label}
            if row.period_start is not None
            else None
        )
        person = refs.key_of("person", row.attributed_to_person_id)
        organization = refs.key_of("organization", row.attributed_to_organization_id)
        fields["attributed_to"] = (
            {"person": person, "organization": organization} if person or organization else None
        )
    fields["note"] = row.note
    return {field: value for field, value in fields.items() if value is not None}


def editable_fields(kind: FactKind) -> list[str]:
    """The fields a reviewer may change: every scalar field, the period and the note."""
    fields = [field for field, _, _ in kind.scalars]
    if kind.measured:
        fields += ["period.start", "period.end", "period.label"]
    return [*fields, "note"]


def validate(kind: FactKind, key: str, fields: dict[str, Any], citation: dict) -> Record:
    """The record model's verdict on ``fields`` (raises pydantic's ValidationError)."""
    return kind.record.model_validate({**fields, "key": key, "citations": [citation]})


# ---------------------------------------------------------------------------------- lookup


def fact_id(kind: FactKind, row: Any) -> str:
    return f"{kind.name}:{row.id}"


def find_fact(session: Session, identifier: str) -> tuple[FactKind, Any]:
    """A fact by ``<kind>:<id>`` (trade_flow:12) or by its key; one-line error otherwise."""
    name, _, number = identifier.partition(":")
    if number:
        kind = KINDS.get(name) or KIND_OF_TABLE.get(name)
        if kind is None or not number.isdigit():
            raise FactError(
                f"{identifier}: not a fact ID like trade_flow:12 (kinds: {', '.join(KINDS)})"
            )
        row = session.get(kind.model, int(number))
        if row is None:
            raise FactError(f"{identifier}: no such fact")
        return kind, row
    found = [
        (kind, row)
        for kind in KINDS.values()
        if (row := session.scalar(select(kind.model).where(kind.model.key == identifier)))
    ]
    if not found:
        raise FactError(f"{identifier}: no fact has this ID or key")
    if len(found) > 1:
        ids = ", ".join(fact_id(kind, row) for kind, row in found)
        raise FactError(f"{identifier}: key used by several facts ({ids}); give the ID")
    return found[0]
