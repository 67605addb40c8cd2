"""`silkledger db grant-readonly`: a PostgreSQL role that reads everything and changes nothing."""

import uuid

import pytest
from conftest import PG_ADMIN_URL
from silkledger.cli import app
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError
from typer.testing import CliRunner

runner = CliRunner()


def grant(url, role):
    return runner.invoke(
        app, ["--db", url.render_as_string(hide_password=False), "db", "grant-readonly", role]
    )


@pytest.fixture
def role(seeded_url):
    name = f"ro_{uuid.uuid4().hex[:10]}"
    yield name
    if seeded_url.get_backend_name() != "postgresql":
        return
    admin = create_engine(seeded_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        exists = connection.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": name}
        ).first()
        if exists:
            connection.execute(text(f'DROP OWNED BY "{name}"'))
            connection.execute(text(f'DROP ROLE "{name}"'))
    admin.dispose()


WRITES = [
    "INSERT INTO sectors (key, name) VALUES ('test', 'Test')",
    "UPDATE sources SET title = 'changed'",
    "DELETE FROM citations",
    "DROP TABLE report_runs",
    "DROP VIEW deals",
    "CREATE TABLE scratch (a integer)",
]


def test_the_role_reads_every_table_and_view_and_changes_nothing(engine_name, seeded_url, role):
    if engine_name != "postgresql":
        pytest.skip("roles are PostgreSQL's")
    result = grant(seeded_url, role)
    assert result.exit_code == 0, result.output
    assert f"created read-only role {role}" in result.output

    # a table the owner creates later is readable too (default privileges)
    owner = create_engine(seeded_url)
    with owner.begin() as connection:
        connection.execute(text("CREATE TABLE later_notes (note text)"))
        connection.execute(text("INSERT INTO later_notes VALUES ('kept')"))
    owner.dispose()

    analyst = create_engine(make_url(seeded_url).set(username=role, password=None))
    try:
        with analyst.connect() as connection:
            turnover = connection.execute(
                text(
                    "SELECT max(highest) FROM trade_flow_consensus WHERE reporter_iso3 = 'KAZ' "
                    "AND period_label = '2024' AND flow = 'turnover' AND measure = 'value'"
                )
            ).scalar_one()
            assert float(turnover) == 44e9
            assert connection.execute(text("SELECT count(*) FROM sources")).scalar_one() == 5
            assert connection.execute(text("SELECT note FROM later_notes")).scalar_one() == "kept"
        for statement in WRITES:
            with analyst.connect() as connection, pytest.raises(ProgrammingError) as failure:
                connection.execute(text(statement))
            assert "permission denied" in str(failure.value) or "must be owner" in str(
                failure.value
            ), statement
    finally:
        analyst.dispose()
    with create_engine(seeded_url).connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM citations")).scalar_one() > 0
        assert (
            connection.execute(text("SELECT count(*) FROM sectors WHERE key = 'test'")).scalar_one()
            == 0
        )

    again = grant(seeded_url, role)  # idempotent: the role exists now
    assert again.exit_code == 0 and f"updated read-only role {role}" in again.output


def test_a_superuser_is_refused(engine_name, seeded_url):
    if engine_name != "postgresql":
        pytest.skip("roles are PostgreSQL's")
    superuser = make_url(PG_ADMIN_URL).username
    result = grant(seeded_url, superuser)
    assert result.exit_code == 1 and "cannot be made read-only" in result.output


def test_sqlite_says_postgresql_only_in_one_line(engine_name, seeded_url):
    if engine_name != "sqlite":
        pytest.skip("the SQLite message")
    result = grant(seeded_url, "analyst")
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0
    assert "PostgreSQL-only" in result.output


def test_a_bad_role_name_is_refused(engine_name, seeded_url):
    if engine_name != "postgresql":
        pytest.skip("roles are PostgreSQL's")
    result = grant(seeded_url, 'x"; DROP TABLE sources; --')
    assert result.exit_code == 1 and "not a role name" in result.output
