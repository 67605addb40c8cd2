"""Rules written twice agree: the seed files' pydantic validators and the database's CHECK
constraints refuse the same bad record.

Each case spoils one real seed record. The spoilt record is validated by its pydantic model (which
must refuse it, naming the rule), and the same record, unvalidated, is written by the seed loader
into the seeded database (which must refuse it through the named CHECK constraint) — on SQLite and
on PostgreSQL.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import timedelta

import pytest
from pydantic import ValidationError
from silkledger.db import session_scope
from silkledger.loaders.seed import SeedSync, resolve_seed_dir
from silkledger.loaders.seed_files import Record, SeedData, read_seed
from silkledger.models import metadata
from sqlalchemy import CheckConstraint, inspect
from sqlalchemy.exc import IntegrityError


@dataclasses.dataclass(frozen=True)
class BadRecord:
    rule: str
    seed_table: str  # the SeedData list the record comes from
    constraint: str  # the CHECK constraint that must refuse it (its full, conventional name)
    validator_says: str  # what the one pydantic error must name (in its location or message)
    fits: Callable[[Record], bool]  # the seed records this case can spoil
    spoil: Callable[[Record], Record]

    def record(self, data: SeedData) -> Record:
        good = next(record for record in getattr(data, self.seed_table) if self.fits(record))
        return self.spoil(good)


def ends_before_it_starts(record):
    period = record.period.model_copy(update={"end": record.period.start - timedelta(days=1)})
    return record.model_copy(update={"period": period})


def party_with_an_organization_too(record):
    first, *rest = record.parties
    return record.model_copy(
        update={
            "parties": [first.model_copy(update={"person": None, "organization": "cnpc"}), *rest]
        }
    )


CASES = [
    BadRecord(
        "year order",
        "projects",
        "ck_projects_year_order",
        "end_year",
        lambda project: project.start_year is not None,
        lambda project: project.model_copy(update={"end_year": project.start_year - 1}),
    ),
    BadRecord(
        "value has currency",
        "agreements",
        "ck_agreements_value_has_currency",
        "currency",
        lambda agreement: agreement.value is not None,
        lambda agreement: agreement.model_copy(update={"currency": None}),
    ),
    BadRecord(
        "exactly one party",
        "agreements",
        "ck_agreement_parties_exactly_one_party",
        "parties.0",
        lambda agreement: bool(agreement.parties) and agreement.parties[0].country is not None,
        party_with_an_organization_too,
    ),
    BadRecord(
        "period order (trade flows)",
        "trade_flows",
        "ck_trade_flows_period_order",
        "period",
        lambda flow: True,
        ends_before_it_starts,
    ),
    BadRecord(
        "period order (indicators)",
        "indicators",
        "ck_indicators_period_order",
        "period",
        lambda indicator: indicator.period is not None,
        ends_before_it_starts,
    ),
]


@pytest.fixture(scope="module")
def seed_data() -> SeedData:
    return read_seed(resolve_seed_dir())


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.rule)
def test_the_validator_refuses_the_bad_record(case, seed_data):
    bad = case.record(seed_data)
    with pytest.raises(ValidationError) as refused:
        type(bad).model_validate(bad.model_dump())
    [error] = refused.value.errors()  # this one problem, and no other
    where = ".".join(str(part) for part in error["loc"])
    assert case.validator_says in f"{where}: {error['msg']}"


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.rule)
def test_the_database_refuses_the_same_record(case, seed_data, seeded_engine):
    bad = case.record(seed_data)
    records = [
        bad if record.key == bad.key else record for record in getattr(seed_data, case.seed_table)
    ]
    spoilt = dataclasses.replace(seed_data, **{case.seed_table: records})
    with pytest.raises(IntegrityError) as refused, session_scope(seeded_engine) as session:
        SeedSync(session, spoilt).run()
    assert case.constraint in str(refused.value)


def test_the_unspoilt_records_pass_both(seed_data, seeded_engine):
    """Each case spoils one thing only: the records they start from are accepted by both."""
    for case in CASES:
        good = next(r for r in getattr(seed_data, case.seed_table) if case.fits(r))
        type(good).model_validate(good.model_dump())
    with session_scope(seeded_engine) as session:
        report = SeedSync(session, seed_data).run()
    assert report.total == 0


def check_names(table) -> set[str]:
    return {c.name for c in table.constraints if isinstance(c, CheckConstraint)}


def test_the_migrations_create_every_check_the_models_declare(migrated_engine):
    """`alembic check` cannot see CHECK constraints: compare them by name, table by table."""
    inspector = inspect(migrated_engine)
    missing = {
        table.name: check_names(table)
        - {c["name"] for c in inspector.get_check_constraints(table.name)}
        for table in metadata.sorted_tables
    }
    assert {table: names for table, names in missing.items() if names} == {}
    assert "ck_sources_loaded_by" in check_names(metadata.tables["sources"])
