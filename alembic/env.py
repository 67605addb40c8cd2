"""Alembic environment: one linear chain of migrations for SQLite and PostgreSQL alike."""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context
from silkledger.db import (
    check_foreign_keys,
    for_writing,
    make_engine,
    resolve_url,
    schema_change,
)
from silkledger.models import metadata
from silkledger.models.base import ExactAmount
from silkledger.models.fulltext import is_search_object
from silkledger.models.trade_groups import is_summary_object

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
    of silkledger.models.fulltext; the per-engine group indexes of silkledger.models.trade_groups.
    Views and triggers are never reflected by autogenerate."""
    if is_summary_object(name, type_):
        return False
    return not is_search_object(name, type_, parent_names.get("table_name"))


def _configure(**kwargs) -> None:
    dialect = kwargs.get("dialect_name") or kwargs["connection"].dialect.name
    context.configure(
        target_metadata=metadata,
        # SQLite cannot ALTER most things: batch mode copies the table; PostgreSQL alters in place.
        render_as_batch=dialect == "sqlite",
        # One transaction for the whole run on both engines: a failed step leaves nothing
        # half-migrated. (Alembic assumes SQLite cannot; with db.py's explicit BEGIN it can.)
        transactional_ddl=True,
        compare_type=True,
        compare_server_default=False,
        include_name=_include_name,
        render_item=_render_item,
        **kwargs,
    )


def _render_item(kind: str, obj, autogen_context):
    """A new migration spells an Amount as the NUMERIC(28, 6) it is in the database."""
    if kind == "type" and isinstance(obj, ExactAmount):
        return repr(obj.impl).replace("Numeric(", "sa.Numeric(")
    return False


def run_migrations_offline() -> None:
    url = _url()
    _configure(url=url, dialect_name=url.get_backend_name(), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def _migrate(connection) -> None:
    """Run the migrations on ``connection`` in one transaction. On SQLite, foreign keys are off
    meanwhile (db.schema_change): batch mode rebuilds a table by dropping it, and a DROP with
    foreign keys on deletes its rows first, which fails on a RESTRICT key (sectors.parent_id)
    or, worse, cascades into citations. The keys are checked before the transaction commits.
    Legacy ALTER TABLE is on too: renaming the rebuilt table into place must not re-parse the
    analyst views, which name the table while it is briefly missing."""
    with schema_change(connection):
        _configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
            check_foreign_keys(connection)


def run_migrations_online() -> None:
    """On a connection the caller passes (migrate.rows_dropped_by_downgrade: it owns the
    transaction), or on one of our own, whose transaction writes (BEGIN IMMEDIATE on SQLite)."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _migrate(connection)
        return
    engine = make_engine(_url())
    try:
        with for_writing(engine).connect() as connection:
            _migrate(connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
