"""`silkledger sql` holds whatever role the URL names (issue 21): PostgreSQL runs one plain query
as silkledger_reader, SQLite's authorizer lets only reads and reading PRAGMAs through; every
statement has a time limit; rows are streamed, and the table shows the first --limit rows."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import threading
import time
import tracemalloc
import uuid
from pathlib import Path

import pytest
from conftest import _pg_admin, drop_postgres_database
from openpyxl import load_workbook
from silkledger import migrate
from silkledger.cli import app
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

runner = CliRunner()
READER_ROLE = "silkledger_reader"  # made by migration 0012_readonly_role
MIGRATION = Path(__file__).resolve().parents[1] / "alembic/versions/20261207_0012_readonly_role.py"


def sql(url, *args):
    return runner.invoke(app, ["--db", url.render_as_string(hide_password=False), "sql", *args])


def numbers(engine_name: str, count: int) -> str:
    """``count`` rows (i, label, half) made by the database itself: no table needed."""
    if engine_name == "postgresql":
        return (
            f"SELECT i, 'row ' || i AS label, i * 0.5 AS half FROM generate_series(1, {count}) AS i"
        )
    return (
        f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count}) "
        "SELECT i, 'row ' || i AS label, i * 0.5 AS half FROM n"
    )


def one_line_refusal(result) -> str:
    assert result.exit_code == 1, result.output
    message = result.output.strip()
    assert message.count("\n") == 0, message
    assert message.startswith("error: refused: silkledger sql"), message
    return message


# ------------------------------------------------------------------ 1. the role (PostgreSQL)

ATTACKS = {
    "copy to a server file": (
        "COPY (SELECT key FROM sources) TO '{folder}/x.csv'",
        "COPY is not a query",
    ),
    "copy from a server file": ("COPY sources (key) FROM '/etc/hostname'", "COPY is not a query"),
    "read a server file": ("SELECT pg_read_file('/etc/passwd')", "permission denied for function"),
    "list a server folder": ("SELECT pg_ls_dir('/')", "permission denied for function pg_ls_dir"),
    "read a file via explain analyze": (
        "EXPLAIN ANALYZE SELECT pg_read_file('/etc/passwd')",
        "permission denied for function pg_read_file",
    ),
    "turn read-only off": (
        "SELECT set_config('default_transaction_read_only', 'off', false)",
        "set_config() changes the session's settings",
    ),
    "switch the role back, then read a file": (
        "SELECT set_config('role', 'postgres', true), "
        "query_to_xml('SELECT pg_read_file(''/etc/passwd'')', true, false, '')",
        "set_config() changes the session's settings",
    ),
    "read a file through SQL as text": (
        "SELECT query_to_xml('SELECT pg_read_file(''/etc/passwd'')', true, false, '')",
        "query_to_xml() runs SQL given as text",
    ),
    "a DO block": (
        "DO $$ BEGIN PERFORM pg_read_file('/etc/passwd'); END $$",
        "DO is not a query",
    ),
    "a procedure": ("CALL nothing_here()", "CALL is not a query"),
    "set the role": ("SET ROLE postgres", "SET is not a query"),
    "reset the role": ("RESET ROLE", "is not a query"),
    "commit and go on": ("COMMIT", "a transaction statement"),
    "a writing CTE": (
        "WITH gone AS (DELETE FROM citations RETURNING id) SELECT count(*) FROM gone",
        "writes (DELETE inside the query)",
    ),
    "lock rows": ("SELECT key FROM sources FOR UPDATE", "locks rows"),
    "select into": ("SELECT key INTO copied FROM sources", "SELECT INTO creates a table"),
}


@pytest.mark.parametrize("attack", ATTACKS, ids=list(ATTACKS))
def test_postgresql_attacks_are_refused_in_one_line(
    engine_name, seeded_url, seeded_engine, tmp_path, attack
):
    if engine_name != "postgresql":
        pytest.skip("PostgreSQL's server files and roles (SQLite: the authorizer tests below)")
    statement, reason = ATTACKS[attack]
    folder = tmp_path / "server"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)  # the server process could write here, if it were let
    before = _citations(seeded_engine)
    message = one_line_refusal(sql(seeded_url, statement.format(folder=folder)))
    assert reason in message
    assert list(folder.iterdir()) == []
    assert _citations(seeded_engine) == before


def _citations(engine) -> int:
    with engine.connect() as connection:
        return connection.execute(text("SELECT count(*) FROM citations")).scalar_one()


def test_postgresql_runs_as_the_reader_role_with_a_time_limit(engine_name, seeded_url):
    if engine_name != "postgresql":
        pytest.skip("roles and statement_timeout are PostgreSQL's")
    result = sql(
        seeded_url,
        "SELECT current_user AS who, session_user AS login, "
        "current_setting('statement_timeout') AS timeout, "
        "current_setting('transaction_read_only') AS read_only, "
        "(SELECT count(*) FROM sources) AS sources",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [
        {
            "who": READER_ROLE,
            "login": "postgres",
            "timeout": "1min",
            "read_only": "on",
            "sources": 5,
        }
    ]


@pytest.fixture
def outsider(engine_name, seeded_url):
    """A LOGIN role that may read every table but is no member of silkledger_reader."""
    if engine_name != "postgresql":
        pytest.skip("roles are PostgreSQL's")
    name = f"outsider_{uuid.uuid4().hex[:8]}"
    admin = create_engine(seeded_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE ROLE "{name}" LOGIN'))
        connection.execute(text(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{name}"'))
    yield name
    with admin.connect() as connection:
        connection.execute(text(f'DROP OWNED BY "{name}"'))
        connection.execute(text(f'DROP ROLE "{name}"'))
    admin.dispose()


def test_a_role_that_cannot_switch_is_refused_not_run_as_itself(seeded_url, outsider):
    message = one_line_refusal(
        sql(seeded_url.set(username=outsider), "SELECT count(*) FROM sources")
    )
    assert f"connected as {outsider}, which cannot switch to the read-only role" in message
    assert f"GRANT {READER_ROLE} TO {outsider}" in message


def test_an_analyst_role_from_grant_readonly_can_use_sql(seeded_url, outsider):
    granted = runner.invoke(
        app,
        [
            "--db",
            seeded_url.render_as_string(hide_password=False),
            "db",
            "grant-readonly",
            outsider,
        ],
    )
    assert granted.exit_code == 0, granted.output
    result = sql(seeded_url.set(username=outsider), "SELECT current_user, count(*) FROM sources")
    assert result.exit_code == 0, result.output
    assert READER_ROLE in result.output and "│ 5 " in result.output


def test_a_downgrade_revokes_this_database_only(engine_name, databases, migrated_url):
    if engine_name != "postgresql":
        pytest.skip("roles are PostgreSQL's")
    other = databases.create(migrated_url)
    migrate.downgrade(migrated_url, "0011_group_increments")
    refused = one_line_refusal(sql(migrated_url, "SELECT count(*) FROM sources"))
    assert "permission denied for table sources" in refused
    still = sql(other, "SELECT count(*) AS n FROM sources", "--format", "csv")
    assert still.exit_code == 0 and still.output == "n\n0\n", still.output
    migrate.upgrade(migrated_url)
    again = sql(migrated_url, "SELECT count(*) AS n FROM sources", "--format", "csv")
    assert again.exit_code == 0 and again.output == "n\n0\n", again.output


def test_two_databases_creating_the_role_at_once_both_succeed(engine_name, databases):
    """The migration's SQL with a role of the test's own, run in two new databases at the same
    moment: one creates the role, the other finds it made meanwhile; both grant."""
    if engine_name != "postgresql":
        pytest.skip("roles are PostgreSQL's")
    spec = importlib.util.spec_from_file_location("readonly_role", MIGRATION)
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    role = f"reader_{uuid.uuid4().hex[:8]}"
    upgrade = migration.UPGRADE.replace(migration.ROLE, role)
    urls = [databases.create(), databases.create()]
    engines = [create_engine(url) for url in urls]
    for engine in engines:
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE notes (note text)"))
    barrier, errors = threading.Barrier(2), []

    def migrate_one(engine):
        try:
            with engine.begin() as connection:
                barrier.wait()
                connection.execute(text(upgrade))
                time.sleep(0.3)  # hold the new role uncommitted while the other one tries
        except Exception as exc:  # collected: the assertion below names it
            errors.append(exc)

    threads = [threading.Thread(target=migrate_one, args=(engine,)) for engine in engines]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert errors == []
        for engine in engines:
            with engine.connect() as connection:
                allowed = connection.execute(
                    text("SELECT has_table_privilege(:role, 'notes', 'SELECT')"), {"role": role}
                ).scalar_one()
                assert allowed is True
    finally:
        for engine in engines:
            engine.dispose()
        for url in urls:
            drop_postgres_database(url.database)
        databases._made.clear()
        _pg_admin(f'DROP ROLE IF EXISTS "{role}"')


# ------------------------------------------------------------------- 7. SQLite's PRAGMAs


@pytest.mark.parametrize(
    "statement",
    ["PRAGMA writable_schema = 1", "PRAGMA writable_schema = ON", "PRAGMA user_version = 7",
     "PRAGMA journal_mode = DELETE", "PRAGMA wal_checkpoint", "PRAGMA optimize"],
)  # fmt: skip
def test_a_pragma_that_sets_or_acts_is_refused(engine_name, seeded_url, statement):
    if engine_name != "sqlite":
        pytest.skip("PRAGMA is SQLite's (PostgreSQL's SET is refused above)")
    message = one_line_refusal(sql(seeded_url, statement))
    assert "is not a PRAGMA that only reads" in message
    name = statement.split()[1]
    assert f"PRAGMA {name}" in message


def test_pragmas_that_read_still_run(engine_name, seeded_url):
    if engine_name != "sqlite":
        pytest.skip("PRAGMA is SQLite's")
    info = sql(seeded_url, "PRAGMA table_info(sources)", "--format", "csv")
    assert info.exit_code == 0, info.output
    columns = [row[1] for row in csv.reader(io.StringIO(info.output))][1:]
    assert "content_sha256" in columns and "body_text" in columns
    function = sql(
        seeded_url, "SELECT count(*) AS n FROM pragma_table_info('sources')", "--format", "csv"
    )
    assert function.exit_code == 0 and function.output == f"n\n{len(columns)}\n", function.output
    version = sql(seeded_url, "PRAGMA user_version", "--format", "csv")
    assert version.exit_code == 0 and version.output == "user_version\n0\n"


@pytest.mark.parametrize(
    ("statement", "reason"),
    [
        ("BEGIN", "are not queries"),
        ("SAVEPOINT s", "are not queries"),
        ("ANALYZE", "writes (ANALYZE on "),
        ("CREATE TEMP TABLE scratch (a)", "writes (it changes the schema"),
        ("DELETE FROM citations", "writes (DELETE on citations)"),
    ],
)
def test_sqlite_statements_that_are_not_queries_are_refused(
    engine_name, seeded_url, statement, reason
):
    if engine_name != "sqlite":
        pytest.skip("SQLite's authorizer")
    assert reason in one_line_refusal(sql(seeded_url, statement))


# ----------------------------------------------------------------------------- 2. time limit


def test_a_long_statement_is_stopped_at_the_timeout(engine_name, seeded_url):
    statement = (
        "SELECT pg_sleep(30)"
        if engine_name == "postgresql"
        else "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
        "SELECT count(*) FROM n"
    )
    started = time.monotonic()
    result = sql(seeded_url, statement, "--timeout", "1")
    elapsed = time.monotonic() - started
    assert result.exit_code == 1
    assert result.output.strip() == (
        "error: stopped: the statement ran longer than 1 s "
        "(--timeout SECONDS for more, --timeout 0 for no limit)"
    )
    assert 0.9 < elapsed < 5


def test_the_timeout_covers_fetching_the_rows(engine_name, seeded_url, tmp_path):
    """A query whose rows come slowly (a sleep per row on PostgreSQL) is stopped mid-stream,
    and no half file is left."""
    if engine_name != "postgresql":
        pytest.skip("pg_sleep per row is PostgreSQL's (SQLite's handler runs while stepping rows)")
    out = tmp_path / "slow.csv"
    statement = "SELECT i, pg_sleep(0.001) FROM generate_series(1, 100000) AS i"
    result = sql(seeded_url, statement, "--timeout", "1", "--out", str(out))
    assert result.exit_code == 1 and "ran longer than 1 s" in result.output
    assert list(tmp_path.iterdir()) == []


# -------------------------------------------------------------------------- 3. memory, limit


def test_the_table_shows_the_first_thousand_rows_and_counts_the_rest(engine_name, seeded_url):
    result = sql(seeded_url, numbers(engine_name, 2500))
    assert result.exit_code == 0, result.output
    assert "row 1000 " in result.output and "row 1001 " not in result.output
    assert "1,000 of 2,500 row(s) shown, 1,500 left out" in result.output
    everything = sql(seeded_url, numbers(engine_name, 2500), "--limit", "0")
    assert "row 2500 " in everything.output and "2,500 row(s)" in everything.output
    assert "left out" not in everything.output
    few = sql(seeded_url, numbers(engine_name, 2500), "--limit", "3")
    assert "row 3 " in few.output and "row 4 " not in few.output
    assert "3 of 2,500 row(s) shown, 2,497 left out" in few.output


def test_a_csv_export_streams_in_flat_memory(engine_name, seeded_url, tmp_path):
    """100,000 rows held at once take some 20 MB of Python objects; streamed, the peak stays
    under 8 MB."""
    out = tmp_path / "rows.csv"
    tracemalloc.start()
    try:
        result = sql(seeded_url, numbers(engine_name, 100_000), "--out", str(out))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.exit_code == 0, result.output
    assert "wrote" in result.output and "(100,000 row(s))" in result.output
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["i", "label", "half"]
    assert rows[1] == ["1", "row 1", "0.5"] and rows[-1][:2] == ["100000", "row 100000"]
    assert float(rows[-1][2]) == 50000 and len(rows) == 100_001
    print(f"tracemalloc peak {peak / 1e6:.2f} MB")
    assert peak < 8 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


def test_json_lines_and_a_streamed_json_array(engine_name, seeded_url, tmp_path):
    lines = sql(seeded_url, numbers(engine_name, 3), "--format", "jsonl")
    assert lines.exit_code == 0, lines.output
    assert [json.loads(line) for line in lines.output.splitlines()] == [
        {"i": 1, "label": "row 1", "half": 0.5},
        {"i": 2, "label": "row 2", "half": 1},
        {"i": 3, "label": "row 3", "half": 1.5},
    ]
    out = tmp_path / "rows.ndjson"
    assert sql(seeded_url, numbers(engine_name, 5), "--out", str(out)).exit_code == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 5
    array = sql(seeded_url, numbers(engine_name, 2), "--format", "json")
    assert json.loads(array.output) == [
        {"i": 1, "label": "row 1", "half": 0.5},
        {"i": 2, "label": "row 2", "half": 1},
    ]
    empty = sql(seeded_url, "SELECT key FROM sources WHERE key = 'none'", "--format", "json")
    assert json.loads(empty.output) == []


def test_an_xlsx_export_streams_in_flat_memory(engine_name, seeded_url, tmp_path):
    """openpyxl's write-only mode keeps written rows in a temporary file: 60,000 rows held at
    once take some 12 MB of Python objects; streamed, the peak stays under 6 MB (measured: 1 to 4)."""
    out = tmp_path / "rows.xlsx"
    tracemalloc.start()
    try:
        result = sql(seeded_url, numbers(engine_name, 60_000), "--out", str(out))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out, read_only=True).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == ["i", "label", "half"]
    assert values[-1] == [60000, "row 60000", 30000]
    assert len(values) == 60_001
    print(f"tracemalloc peak {peak / 1e6:.2f} MB")
    assert peak < 6 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"
