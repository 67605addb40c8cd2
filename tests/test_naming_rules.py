"""The naming rules in models/base.py's docstring hold for the whole schema, and every exception
the schema makes is written into those rules (PUDL's naming conventions do the same)."""

from __future__ import annotations

import re

import pytest
from silkledger.models import FACT_MODELS, metadata
from silkledger.models.base import __doc__ as RULES
from sqlalchemy import Boolean, CheckConstraint, Date, DateTime, Enum, Integer, String

TABLES = sorted(metadata.tables.values(), key=lambda table: table.name)
COLUMNS = [(table, column) for table in TABLES for column in table.columns]
SNAKE_CASE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
ONE_OF = re.compile(r"^(\w+) IN \(")

# The exceptions, each of which the rules must name.
IRREGULAR_PLURALS = {"people": "person"}
KEYED_BY_THEIR_LINKS = {
    "agreement_sectors",
    "country_group_members",
    "project_countries",
    "project_organizations",
}
FOREIGN_KEYS_NAMED_BY_ROLE_ONLY = {("sectors", "parent_id")}
IDS_WITHOUT_A_FOREIGN_KEY = {("review_actions", "fact_id")}
DATES_SHARING_A_PRECISION = {("events", "start_date"), ("events", "end_date")}
RANGE_BOUNDS = {"period_start", "period_end", "valid_from", "valid_to"}


def singular(table_name: str) -> str:
    if table_name in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[table_name]
    if table_name.endswith("ies"):
        return table_name[:-3] + "y"
    return table_name.removesuffix("s")


def named(table, column):
    return f"{table.name}.{column.name}"


def test_the_rules_name_every_exception():
    unnamed = [
        name
        for name in [
            "people",
            *KEYED_BY_THEIR_LINKS,
            *(column for _, column in FOREIGN_KEYS_NAMED_BY_ROLE_ONLY),
            *(column for _, column in IDS_WITHOUT_A_FOREIGN_KEY),
            "date_precision",
            *RANGE_BOUNDS,
        ]
        if f"``{name}``" not in RULES
    ]
    assert unnamed == []


@pytest.mark.parametrize("table", TABLES, ids=lambda table: table.name)
def test_tables_are_plural_snake_case(table):
    assert SNAKE_CASE.fullmatch(table.name)
    assert table.name.endswith("s") or table.name in IRREGULAR_PLURALS


@pytest.mark.parametrize(("table", "column"), COLUMNS, ids=lambda item: getattr(item, "name", ""))
def test_columns_are_snake_case(table, column):
    assert SNAKE_CASE.fullmatch(column.name), named(table, column)


@pytest.mark.parametrize("table", TABLES, ids=lambda table: table.name)
def test_every_table_has_an_integer_id_unless_it_is_keyed_by_its_links(table):
    key = [column.name for column in table.primary_key.columns]
    if table.name in KEYED_BY_THEIR_LINKS:
        assert "id" not in table.c
        assert all(table.c[name].foreign_keys or name == "role" for name in key), key
        assert sum(bool(table.c[name].foreign_keys) for name in key) == 2, key
    else:
        assert key == ["id"]
        assert isinstance(table.c.id.type, Integer)
        assert table.columns.keys()[0] == "id"


@pytest.mark.parametrize(("table", "column"), COLUMNS, ids=lambda item: getattr(item, "name", ""))
def test_foreign_keys_are_named_for_the_table_they_point_at(table, column):
    if (table.name, column.name) in FOREIGN_KEYS_NAMED_BY_ROLE_ONLY:
        assert column.foreign_keys
        return
    for foreign_key in column.foreign_keys:
        target = singular(foreign_key.column.table.name)
        assert column.name == f"{target}_id" or column.name.endswith(f"_{target}_id"), (
            f"{named(table, column)} points at {foreign_key.column.table.name}"
        )
    if column.name.endswith("_id") and (table.name, column.name) not in IDS_WITHOUT_A_FOREIGN_KEY:
        assert column.foreign_keys, f"{named(table, column)} ends in _id but is no foreign key"


@pytest.mark.parametrize(("table", "column"), COLUMNS, ids=lambda item: getattr(item, "name", ""))
def test_dates_end_in_date_and_carry_their_precision(table, column):
    is_date = isinstance(column.type, Date) and not isinstance(column.type, DateTime)
    if column.name.endswith("_date"):
        assert is_date, named(table, column)
    if not is_date:
        return
    if column.name in RANGE_BOUNDS:
        return
    assert column.name.endswith("_date"), named(table, column)
    if (table.name, column.name) in DATES_SHARING_A_PRECISION:
        precision = "date_precision"
    else:
        precision = f"{column.name}_precision"
    assert precision in table.c, f"{named(table, column)} has no {precision}"


@pytest.mark.parametrize(
    ("suffix", "kind"),
    [("_at", DateTime), ("_year", Integer), ("_count", Integer)],
)
def test_suffixes_say_the_type(suffix, kind):
    mismatched = [
        named(table, column)
        for table, column in COLUMNS
        if column.name.endswith(suffix) != isinstance(column.type, kind)
        and (suffix == "_at" or column.name.endswith(suffix))
    ]
    assert mismatched == []


def test_booleans_start_with_is():
    mismatched = [
        named(table, column)
        for table, column in COLUMNS
        if column.name.startswith("is_") != isinstance(column.type, Boolean)
    ]
    assert mismatched == []


def one_of_columns(table) -> set[str]:
    return {
        match.group(1)
        for constraint in table.constraints
        if isinstance(constraint, CheckConstraint)
        and (match := ONE_OF.match(str(constraint.sqltext)))
    }


@pytest.mark.parametrize("table", TABLES, ids=lambda table: table.name)
def test_enumerations_are_text_with_a_check(table):
    assert not [column.name for column in table.columns if isinstance(column.type, Enum)]
    enumerated = {
        column.name
        for column in table.columns
        if column.name in ("kind", "status", "role", "loaded_by", "review_status", "load_method")
        or column.name.endswith(("_precision", "_qualifier"))
    }
    assert enumerated <= one_of_columns(table), enumerated - one_of_columns(table)
    for name in one_of_columns(table):
        assert isinstance(table.c[name].type, String), name


@pytest.mark.parametrize("table", TABLES, ids=lambda table: table.name)
def test_money_and_figures_come_with_their_companions(table):
    if "value_amount" in table.c:
        assert {"value_currency", "value_qualifier", "value_usd"} <= set(table.c.keys())
    if "value" in table.c:
        assert {"unit", "value_qualifier", "value_usd"} <= set(table.c.keys())


def test_every_fact_table_has_a_unique_key():
    for model in FACT_MODELS:
        key = model.__table__.c.key
        assert isinstance(key.type, String) and key.unique and not key.nullable, model.__name__
