"""Alembic environment: one linear chain of migrations for SQLite and PostgreSQL alike."""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context
from silkledger.db import make_engine, resolve_url
from silkledger.models import metadata
from silkledger.models.fulltext import is_search_object

config = context.config

# Only the `alembic` command configures logging from alembic.ini; the silkledger CLI passes no
# file name, so it keeps its own logging.
if config.config_file_name is not None and config.attributes.get("configure_logging", True):
    fileConfig(config.config_file_name, disable_existing_loggers=False)


def _url():
    """The same URL the CLI would use; `alembic -x db=URL` and the CLI's --db override it."""
    return resolve_url(
        config.attributes.get("url") or context.get_x_argument(as_dictionary=True).get("db")
    )


def _include_name(name, type_, parent_names) -> bool:
    """Leave out of autogenerate what the models do not declare on purpose: the full-text
    search tables (SQLite FTS5 and its shadow tables), columns and indexes (PostgreSQL tsvector)
    of silkledger.models.fulltext. Views are never reflected by autogenerate."""
    return not is_search_object(name, type_, parent_names.get("table_name"))


def _configure(**kwargs) -> None:
    dialect = kwargs.get("dialect_name") or kwargs["connection"].dialect.name
    context.configure(
        target_metadata=metadata,
        # SQLite cannot ALTER most things: batch mode copies the table; PostgreSQL alters in place.
        render_as_batch=dialect == "sqlite",
        compare_type=True,
        compare_server_default=False,
        include_name=_include_name,
        **kwargs,
    )


def run_migrations_offline() -> None:
    url = _url()
    _configure(url=url, dialect_name=url.get_backend_name(), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def _migrate(connection) -> None:
    """Run the migrations on ``connection``. On SQLite, foreign keys are off meanwhile: batch mode
    rebuilds a table by dropping it, and a DROP with foreign keys on deletes its rows first, which
    fails on a RESTRICT key or, worse, cascades into citations. The keys are checked afterwards.
    Legacy ALTER TABLE is on too: renaming the rebuilt table into place must not re-parse the
    analyst views, which name the table while it is briefly missing."""
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:  # a PRAGMA inside a transaction is ignored: set it before BEGIN
        connection.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")
        connection.connection.driver_connection.execute("PRAGMA legacy_alter_table = ON")
    try:
        _configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"migration broke foreign keys: {broken[:5]}")
    finally:
        if sqlite:
            connection.connection.driver_connection.execute("PRAGMA legacy_alter_table = OFF")
            connection.connection.driver_connection.execute("PRAGMA foreign_keys = ON")


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _migrate(connection)
        return
    engine = make_engine(_url())
    try:
        with engine.connect() as connection:
            _migrate(connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
