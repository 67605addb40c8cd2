"""`silkledger sql`: read-only on both engines, one-line errors, four output formats."""

import csv
import io
import json

import pytest
from openpyxl import load_workbook
from silkledger.cli import app
from sqlalchemy import text
from typer.testing import CliRunner

runner = CliRunner()
TURNOVER = (
    "SELECT value, min(stated_value) AS stated_value FROM disagreements "
    "WHERE subject = 'Kazakhstan–China turnover, 2024 (USD)' "
    "GROUP BY value, value_qualifier ORDER BY value, value_qualifier"
)
WRITES = [
    "INSERT INTO sectors (key, name) VALUES ('test', 'Test')",
    "UPDATE sources SET title = 'changed'",
    "DELETE FROM citations",
    "DROP TABLE report_runs",
    "CREATE TABLE scratch (a integer)",
    "SELECT 1; DELETE FROM citations",
]


def sql(url, *args):
    return runner.invoke(app, ["--db", url.render_as_string(hide_password=False), "sql", *args])


def counts(engine) -> tuple:
    with engine.connect() as connection:
        queries = [f"SELECT count(*) FROM {t}" for t in ("sectors", "citations", "report_runs")]
        queries.append("SELECT min(title) FROM sources")
        return tuple(connection.execute(text(query)).scalar_one() for query in queries)


def test_csv_of_the_disagreeing_turnover_figures(seeded_url):
    result = sql(seeded_url, TURNOVER, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.output)))
    assert rows == [
        ["value", "stated_value"],
        ["30050000000", "$30.05 billion"],
        ["43800000000", "$43.8 billion"],
        ["44000000000", "$44 billion"],
        ["44000000000", "exceeded $44 billion"],
    ]


def test_json_and_table(seeded_url):
    result = sql(
        seeded_url, "SELECT key, published_date FROM sources ORDER BY key", "--format", "json"
    )
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    assert records[1] == {"key": "001_6f6e2d4435784dae", "published_date": "2025-06-17"}
    table = sql(seeded_url, TURNOVER)
    assert "exceeded $44 billion" in table.output and "4 row(s)" in table.output


def test_xlsx_and_file(seeded_url, tmp_path):
    query = tmp_path / "q.sql"
    query.write_text("-- the turnover figures\n" + TURNOVER + "\n", encoding="utf-8")
    out = tmp_path / "turnover.xlsx"
    result = sql(seeded_url, "--file", str(query), "--out", str(out))
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == ["value", "stated_value"]
    assert values[1] == [30050000000, "$30.05 billion"]
    assert len(values) == 5


@pytest.mark.parametrize("statement", WRITES)
def test_a_writing_statement_is_refused_and_changes_nothing(seeded_url, seeded_engine, statement):
    before = counts(seeded_engine)
    result = sql(seeded_url, statement)
    assert result.exit_code == 1
    assert result.output.strip().startswith("error:")
    assert "\n" not in result.output.strip()
    assert counts(seeded_engine) == before


def test_a_write_is_refused_as_such(seeded_url):
    result = sql(seeded_url, "DELETE FROM citations")
    assert "refused: silkledger sql is read-only" in result.output


def test_sqlite_attach_and_vacuum_into_create_no_file(engine_name, seeded_url, tmp_path):
    if engine_name != "sqlite":
        pytest.skip("ATTACH and VACUUM INTO are SQLite statements")
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    for statement in (f"ATTACH '{folder}/a.db' AS a", f"VACUUM INTO '{folder}/v.db'"):
        result = sql(seeded_url, statement)
        assert result.exit_code == 1 and "refused" in result.output
    assert list(folder.iterdir()) == []


def test_an_sql_error_is_one_line_with_the_database_message(seeded_url, engine_name):
    result = sql(seeded_url, "SELECT * FROM no_such_table")
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0
    expected = "no such table" if engine_name == "sqlite" else 'relation "no_such_table"'
    assert expected in result.output


def test_statement_or_file_not_both(seeded_url, tmp_path):
    assert sql(seeded_url).exit_code == 1
    missing = sql(seeded_url, "--file", str(tmp_path / "missing.sql"))
    assert missing.exit_code == 1 and "cannot read" in missing.output
    assert sql(seeded_url, "SELECT 1", "--format", "xlsx").exit_code == 1
