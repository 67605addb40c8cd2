"""The `db` commands on a temporary database, and clean errors for bad input."""

import pytest
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
    assert "revision 0001 (up to date)" in current.output
    down = run(empty_url, "db", "downgrade", "base")
    assert down.exit_code == 0, down.output
    assert "missing" in run(empty_url, "db", "status").output


def test_status_before_any_migration_shows_tables_missing(empty_url):
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
