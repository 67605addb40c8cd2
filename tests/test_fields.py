"""The field dictionary (models/fields.py) is the one place a column's meaning is written, and a
comment that lists allowed values lists exactly the values its CHECK constraint allows."""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

import pytest
from silkledger.models import metadata
from silkledger.models.fields import (
    FIELDS,
    TABLE_FIELDS,
    Field,
    UndescribedField,
    describe,
    descriptions,
    field_for,
)
from silkledger.models.projects import PROJECT_KINDS
from sqlalchemy import CheckConstraint

MODELS_DIR = Path(__file__).resolve().parent.parent / "src" / "models"
COLUMNS = [
    (table.name, column.name) for table in metadata.sorted_tables for column in table.columns
]
ONE_OF = re.compile(r"^(\w+) IN \(('[^']*'(?:, '[^']*')*)\)$")  # one_of() in models/base.py


def listed_values(comment: str | None) -> list[str] | None:
    """``... Values: a, b (gloss, with commas), c. Unit: x.`` -> ["a", "b", "c"]; None if none."""
    if not comment or "Values: " not in comment:
        return None
    listing = comment.split("Values: ", 1)[1]
    listing = re.sub(r"\s*\([^()]*\)", "", listing)  # glosses
    return [value.strip() for value in listing.split(".", 1)[0].split(",")]


def check_values(table_name: str) -> dict[str, list[str]]:
    """Per column, the values a ``column IN ('a', 'b')`` CHECK constraint of the table allows."""
    allowed = {}
    for constraint in metadata.tables[table_name].constraints:
        if isinstance(constraint, CheckConstraint):
            match = ONE_OF.match(str(constraint.sqltext))
            if match:
                allowed[match.group(1)] = re.findall(r"'([^']*)'", match.group(2))
    return allowed


@pytest.mark.parametrize(("table", "column"), COLUMNS)
def test_every_column_is_in_the_field_dictionary(table, column):
    field_for(column, table)


@pytest.mark.parametrize(("table", "column"), COLUMNS)
def test_a_comment_lists_exactly_the_values_its_check_allows(table, column):
    comment = metadata.tables[table].c[column].comment
    assert listed_values(comment) == check_values(table).get(column), comment


def test_projects_kind_lists_every_kind():
    listed = listed_values(metadata.tables["projects"].c["kind"].comment)
    assert listed == list(PROJECT_KINDS)
    assert len(listed) == 18
    assert {"research_centre", "gas_chemical_plant", "flight_route"} <= set(listed)


def test_the_listing_reads_values_past_glosses_with_commas():
    comment = describe("review_status")
    assert "curated (seed, checked by a person)" in comment
    assert listed_values(comment) == ["curated", "extracted", "accepted", "rejected"]


@pytest.mark.parametrize("name", ["id", "loaded_by", "review_status", "value_usd", "created_at"])
def test_a_shared_field_has_one_wording_in_every_table(name):
    wordings = defaultdict(list)
    for table in metadata.tables.values():
        if name in table.c:
            wordings[table.c[name].comment].append(table.name)
    assert len(wordings) == 1, dict(wordings)
    assert len(next(iter(wordings.values()))) >= 4  # really shared


def test_no_table_repeats_a_shared_description():
    repeated = [
        f"{table}.{name}"
        for table, fields in TABLE_FIELDS.items()
        for name, described in fields.items()
        if FIELDS.get(name) == described
    ]
    assert repeated == []


def test_every_table_entry_names_a_real_column():
    stale = [
        f"{table}.{name}"
        for table, fields in TABLE_FIELDS.items()
        for name in fields
        if table not in metadata.tables or name not in metadata.tables[table].c
    ]
    assert stale == []


def inline_comments(path: Path) -> list[str]:
    """``name = mapped_column(..., comment=...)`` assignments in one model module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        call = node.value if isinstance(node, ast.AnnAssign) else None
        if isinstance(call, ast.Call) and any(kw.arg == "comment" for kw in call.keywords):
            found.append(f"{path.name}: {ast.unparse(node.target)}")
    return found


def test_no_model_writes_a_column_comment_of_its_own():
    modules = [path for path in MODELS_DIR.glob("*.py") if path.name != "fields.py"]
    assert len(modules) >= 9
    found = [line for path in modules for line in inline_comments(path)]
    assert found == [], "describe these columns in models/fields.py instead"


def test_a_view_describes_a_passed_on_column_by_its_name():
    assert describe("value_usd") == metadata.tables["trade_flows"].c["value_usd"].comment
    assert describe("kind", "projects") == metadata.tables["projects"].c["kind"].comment
    assert describe("country_id", "events") == "The country where the event was held."


def test_an_undescribed_field_is_named():
    with pytest.raises(UndescribedField, match=r"trade_flows\.colour is not in the field"):
        describe("colour", "trade_flows")


def test_a_gloss_for_a_value_not_allowed_is_refused():
    with pytest.raises(ValueError, match="barter"):
        Field("Which way.", ("exports", "imports"), {"barter": "goods for goods"})


def test_a_unit_follows_the_values():
    assert Field("Size.", unit="bytes").comment == "Size. Unit: bytes."
    assert Field("How.", ("a", "b"), {"b": "bee"}).comment == "How. Values: a, b (bee)."


def test_descriptions_give_datasette_each_table_and_column():
    described = descriptions()
    assert described == descriptions(metadata)
    assert set(described) == set(metadata.tables)
    trade = described["trade_flows"]
    assert trade["description"] == metadata.tables["trade_flows"].comment
    assert trade["columns"]["flow"].startswith("Which way the goods go, from the reporter's side.")
    assert trade["columns"]["flow"].endswith(
        "Values: turnover (both ways), exports, imports, transit."
    )
