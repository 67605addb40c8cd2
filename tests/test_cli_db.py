"""The `db` commands on a temporary database, and clean errors for bad input."""

import pytest
from silkledger import cli, migrate
from silkledger.cli import app
from silkledger.models import metadata
from typer.testing import CliRunner

runner = CliRunner()


def run(url, *args):
    return runner.invoke(app, ["--db", url.render_as_string(hide_password=False), *args])


def test_upgrade_status_current_downgrade(empty_url):
    result = run(empty_url, "db", "upgrade")
    assert result.exit_code == 0, result.output
    status = run(empty_url, "db", "status")
    assert status.exit_code == 0, status.output
    for table in metadata.tables:
        assert table in status.output
    current = run(empty_url, "db", "current")
    assert f"revision {migrate.head_revision()} (up to date)" in " ".join(current.output.split())
    down = run(empty_url, "db", "downgrade", "base")
    assert down.exit_code == 0, down.output
    assert "missing" in run(empty_url, "db", "status").output


def test_status_before_any_migration_shows_tables_missing(empty_url, databases):
    with databases.engine(empty_url).connect():  # SQLite: create the (empty) file
        pass
    result = run(empty_url, "db", "status")
    assert result.exit_code == 0
    assert result.output.count("missing") == len(metadata.tables)


def test_unknown_revision_is_one_clean_line(migrated_url):
    result = run(migrated_url, "db", "upgrade", "nosuchrev")
    assert result.exit_code == 1
    assert "migration to 'nosuchrev' failed" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("not a url", "not a database URL: 'not a url'"),
        ("mysql://root@localhost/x", "unsupported database 'mysql'"),
        (
            "postgresql://postgres@127.0.0.1:1/nowhere",
            "cannot use database postgresql+psycopg://postgres@127.0.0.1:1/nowhere",
        ),
    ],
)
def test_bad_db_url_gives_a_clear_message(url, message):
    result = runner.invoke(app, ["--db", url, "db", "status"])
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


def test_password_is_never_printed():
    result = runner.invoke(app, ["--db", "postgresql://u:s3cret@127.0.0.1:1/x", "db", "current"])
    assert result.exit_code == 1
    assert "s3cret" not in result.output
    assert "***" in result.output


def test_every_command_help_ends_with_an_example():
    import typer.main

    group = typer.main.get_command(app)

    def commands(cmd, path=()):
        if hasattr(cmd, "commands"):
            for name, sub in cmd.commands.items():
                yield from commands(sub, (*path, name))
        else:
            yield path, cmd

    found = list(commands(group))
    assert found
    for path, cmd in found:
        assert "Example:" in (cmd.help or ""), f"`{' '.join(path)}` help has no example"


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.startswith("silkledger ")


def test_error_messages_keep_their_brackets(tmp_path):
    """A message is data, not Rich markup: '[[jobs]]' must reach the user as written."""
    jobs = tmp_path / "reports.toml"
    jobs.write_text('timezone = "UTC"\n', encoding="utf-8")
    result = runner.invoke(app, ["schedule", "list", "--jobs", str(jobs)])
    assert result.exit_code == 1
    assert "[[jobs]]" in result.output


@pytest.mark.parametrize("command", [("db", "status"), ("db", "current"), ("seed",)])
def test_a_mistyped_sqlite_path_is_an_error_not_a_new_database(tmp_path, command):
    missing = tmp_path / "typo.db"
    result = runner.invoke(app, ["--db", f"sqlite:///{missing}", *command])
    assert result.exit_code == 1
    assert f"no database at {missing}: run `silkledger init` first" in result.output
    assert not missing.exists()


def test_a_downgrade_that_drops_rows_without_a_terminal_refuses_in_one_line(seeded_url, databases):
    result = run(seeded_url, "db", "downgrade", "base")
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert "downgrade to base drops" in lines[0] and "rerun with --yes to confirm" in lines[0]
    assert "trade_flows (" in lines[0]
    assert migrate.current_revision(databases.engine(seeded_url)) == migrate.head_revision()


def test_a_downgrade_asks_at_a_terminal_and_no_keeps_the_tables(seeded_url, databases, monkeypatch):
    monkeypatch.setattr(cli, "_interactive", lambda: True)
    result = runner.invoke(
        app,
        ["--db", seeded_url.render_as_string(hide_password=False), "db", "downgrade", "base"],
        input="n\n",
    )
    assert result.exit_code == 1
    assert "Continue? [y/N]" in result.output
    assert "cancelled; nothing was changed" in result.output
    assert migrate.current_revision(databases.engine(seeded_url)) == migrate.head_revision()


def test_downgrade_yes_drops_the_seeded_tables(seeded_url, databases):
    result = run(seeded_url, "db", "downgrade", "base", "--yes")
    assert result.exit_code == 0, result.output
    engine = databases.engine(seeded_url)
    assert set(migrate.table_row_counts(engine).values()) == {None}
    assert migrate.current_revision(engine) is None
