"""Schema migrations from Python: the CLI and the tests run Alembic through these functions.

The migration scripts ship inside the package (``silkledger.migrations``), so they run from an
installed wheel as well as from a checkout.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine, func, inspect, select
from sqlalchemy.engine import URL
from sqlalchemy.exc import OperationalError

from .db import connection_error
from .errors import SilkledgerError
from .models import metadata


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


def downgrade(url: URL, revision: str = "-1") -> None:
    _run(url, command.downgrade, revision)


def _run(url: URL, action, revision: str) -> None:
    try:
        action(alembic_config(url), revision)
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
    existing = set(inspect(engine).get_table_names())
    counts: dict[str, int | None] = {}
    with engine.connect() as connection:
        for name, table in sorted(metadata.tables.items()):
            if name in existing:
                counts[name] = connection.execute(
                    select(func.count()).select_from(table)
                ).scalar_one()
            else:
                counts[name] = None
    return counts
