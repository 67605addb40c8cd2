"""Schema migrations from Python: the CLI and the tests run Alembic through these functions.

The migration scripts ship inside the package (``silkledger.migrations``), so they run from an
installed wheel as well as from a checkout.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, Engine, func, inspect, select, table
from sqlalchemy.engine import URL
from sqlalchemy.exc import OperationalError

from .db import connected, connection_error, for_writing, schema_change
from .errors import SilkledgerError
from .models import metadata
from .models.fulltext import is_search_object


def migrations_dir() -> str:
    """Where the migration scripts are: alembic/ in a checkout, silkledger/migrations in a wheel.

    The folder has no __init__.py on purpose: at the top of a checkout, a regular package named
    ``alembic`` would shadow the Alembic library itself.
    """
    package_dir = Path(__file__).resolve().parent
    installed = package_dir / "migrations"
    return str(installed if installed.is_dir() else package_dir.parent / "alembic")


def alembic_config(url: URL) -> Config:
    config = Config()
    config.set_main_option("script_location", migrations_dir())
    config.attributes["url"] = url
    return config


def upgrade(url: URL, revision: str = "head") -> None:
    _run(url, command.upgrade, revision)


def downgrade(
    url: URL, revision: str = "-1", confirm: Callable[[dict[str, int]], bool] | None = None
) -> None:
    """Migrate down to ``revision``. With ``confirm``, a downgrade that would drop tables holding
    rows first asks ``confirm({table: rows})``; a False answer changes nothing."""
    if confirm is not None:
        at_risk = rows_dropped_by_downgrade(url, revision)
        if at_risk and not confirm(at_risk):
            raise SilkledgerError(f"downgrade to {revision!r} cancelled; nothing was changed")
    _run(url, command.downgrade, revision)


def rows_dropped_by_downgrade(url: URL, revision: str) -> dict[str, int]:
    """The tables holding rows that a downgrade to ``revision`` would drop, with their row
    counts. Found by running the downgrade in a transaction and rolling it back (DDL is
    transactional on both engines), so it holds for any migration, batch ones included."""
    with (
        connected(url) as engine,
        for_writing(engine).connect() as connection,
        schema_change(connection),
        connection.begin() as transaction,
    ):
        before = {name: count for name, count in _row_counts(connection).items() if count}
        config = alembic_config(url)
        config.attributes["connection"] = connection
        _guarded(url, revision, lambda: command.downgrade(config, revision))
        remaining = set(inspect(connection).get_table_names())
        transaction.rollback()
    return {name: count for name, count in before.items() if name not in remaining}


def _row_counts(connection: Connection) -> dict[str, int]:
    """Every table in the database (whatever its revision) with its row count; not the
    full-text index, which holds no data of its own (it is rebuilt from sources and citations)."""
    names = sorted(
        name
        for name in set(inspect(connection).get_table_names()) - {"alembic_version"}
        if not is_search_object(name, "table")
    )
    return {
        name: connection.execute(select(func.count()).select_from(table(name))).scalar_one()
        for name in names
    }


def _run(url: URL, action, revision: str) -> None:
    _guarded(url, revision, lambda: action(alembic_config(url), revision))


def _guarded(url: URL, revision: str, migration: Callable[[], None]) -> None:
    try:
        migration()
    except CommandError as exc:
        raise SilkledgerError(f"migration to {revision!r} failed: {exc}") from None
    except OperationalError as exc:
        raise connection_error(url, exc) from None


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config(URL.create("sqlite"))).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def table_row_counts(engine: Engine) -> dict[str, int | None]:
    """Every table of the schema with its row count; None where the table does not exist yet."""
    with engine.connect() as connection:
        present = _row_counts(connection)
    return {name: present.get(name) for name in sorted(metadata.tables)}
