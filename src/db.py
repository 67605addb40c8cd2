"""Where the database is and how to connect to it: the one setting, SILKLEDGER_DATABASE_URL.

The CLI's ``--db`` option, Alembic's env.py, the loaders and the reports all resolve the URL here,
so every entry point talks to the same database.

Transactions on SQLite: a transaction that writes starts with ``BEGIN IMMEDIATE`` (it takes the
write lock first, and waits up to the busy timeout for another writer to finish), a transaction
that only reads starts with a plain ``BEGIN`` (WAL readers never block writers). Writers get
their connections through ``for_writing`` (``session_scope`` does); a deferred transaction that
reads first and writes later would fail with "database is locked" as soon as another process
committed in between, and no busy timeout helps it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from .errors import SilkledgerError, first_line

ENV_VAR = "SILKLEDGER_DATABASE_URL"
DEFAULT_URL = "sqlite:///data/silkledger.db"
# How long a SQLite writer waits for another one to commit before it gives up with "database is
# locked". A seed load takes seconds; a scheduled export's bookkeeping takes milliseconds. A URL
# overrides it: sqlite:///data/silkledger.db?timeout=120
SQLITE_BUSY_TIMEOUT_SECONDS = 30.0
# SQLite reads the database file through a memory map of up to this many bytes instead of a
# read() call per page: on the 750 MB query benchmark, a query reading 150,000 rows spent a third
# of its time in those calls (measured: 1.10 s -> 0.87 s). The map holds no memory of its own: it
# is the operating system's file cache. Set on every connection (it is not stored in the file).
SQLITE_MMAP_PRAGMA = f"PRAGMA mmap_size = {1 << 30}"
# The execution option the SQLite begin listener reads; for_writing() sets it.
SQLITE_BEGIN_OPTION = "sqlite_begin"
SQLITE_BEGIN_MODES = ("DEFERRED", "IMMEDIATE", "EXCLUSIVE")


class DatabaseConfigError(SilkledgerError):
    """The database URL cannot be used; the message says why in one line."""


def resolve_url(explicit: str | None = None) -> URL:
    """The database URL: ``explicit`` (``--db``), else the environment variable, else the default."""
    raw = explicit or os.environ.get(ENV_VAR) or DEFAULT_URL
    try:
        url = make_url(raw)
    except ArgumentError:
        raise DatabaseConfigError(f"not a database URL: {raw!r}") from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise DatabaseConfigError(
            f"unsupported database {url.get_backend_name()!r} in {url.render_as_string()}: "
            "use sqlite:///path or postgresql://user@host/db"
        )
    return url


def make_engine(url: URL | str | None = None) -> Engine:
    """An engine for ``url``; SQLite gets its folder created and foreign keys and WAL turned on."""
    url = resolve_url(url) if not isinstance(url, URL) else url
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    return create_engine(url, pool_pre_ping=True)


def _sqlite_engine(url: URL) -> Engine:
    database = url.database or ""
    in_memory = database in ("", ":memory:")
    if not in_memory:
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    # pysqlite reads ?timeout= from the URL itself; connect_args would override it.
    connect_args = {} if "timeout" in url.query else {"timeout": SQLITE_BUSY_TIMEOUT_SECONDS}
    engine = create_engine(url, connect_args=connect_args)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # SQLite forgets these settings per connection
        # pysqlite only opens a transaction before writes, so a report's SELECTs would each see
        # their own snapshot. Taking over BEGIN (the recipe in SQLAlchemy's SQLite docs) makes
        # every SQLAlchemy transaction a real SQLite transaction: one snapshot, one unit of work.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        if not in_memory:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute(SQLITE_MMAP_PRAGMA)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        mode = connection.get_execution_options().get(SQLITE_BEGIN_OPTION, "DEFERRED")
        if mode not in SQLITE_BEGIN_MODES:
            raise ValueError(f"{SQLITE_BEGIN_OPTION}={mode!r}: use one of {SQLITE_BEGIN_MODES}")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


@contextmanager
def schema_change(connection: Connection) -> Iterator[Connection]:
    """Foreign keys off on SQLite for a migration's transaction, as SQLite's own procedure for
    schema changes asks: its DROP TABLE deletes every row first, so with foreign keys on, a
    table that points at itself (sectors.parent_id, RESTRICT) cannot be dropped once it holds
    rows, and a batch migration that rebuilds a table would fire its ON DELETE actions. Legacy
    ALTER TABLE too, so renaming a rebuilt table does not re-parse the views that name it.
    These PRAGMAs are no-ops inside a transaction, so they are set before the first BEGIN and
    restored after; ``check_foreign_keys`` must run before the transaction commits. Entered
    again inside a transaction begun under it, it changes nothing. Other engines: unchanged."""
    if connection.dialect.name != "sqlite" or connection.in_transaction():
        yield connection
        return
    driver = connection.connection.driver_connection
    driver.execute("PRAGMA foreign_keys = OFF")
    driver.execute("PRAGMA legacy_alter_table = ON")
    try:
        yield connection
    finally:
        driver.execute("PRAGMA legacy_alter_table = OFF")
        driver.execute("PRAGMA foreign_keys = ON")


def check_foreign_keys(connection: Connection) -> None:
    """On SQLite, refuse (raise, so the transaction rolls back) a schema change that left a row
    pointing at nothing; PostgreSQL checks every key itself."""
    if connection.dialect.name != "sqlite":
        return
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        table, rowid, parent, _ = broken[0]
        raise SilkledgerError(
            f"the migration would leave {len(broken)} row(s) pointing at missing rows "
            f"(first: {table} row {rowid} -> {parent}); nothing was changed"
        )


def describe(url: URL) -> str:
    """The URL as it may be shown to people: never with a password."""
    return url.render_as_string(hide_password=True)


def for_writing(engine: Engine) -> Engine:
    """``engine`` for transactions that write: on SQLite each begins with BEGIN IMMEDIATE, so it
    holds the write lock from its first statement (or waits its turn); elsewhere it is
    ``engine`` as it is. Shares the pool and settings: ``for_writing(engine).begin()``."""
    return engine.execution_options(**{SQLITE_BEGIN_OPTION: "IMMEDIATE"})


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One write transaction: committed when the block ends, rolled back if it raises."""
    with sessionmaker(for_writing(engine))() as session, session.begin():
        yield session


def connection_error(url: URL, exc: Exception) -> SilkledgerError:
    """A one-line reason for a failed connection, naming the database (never its password)."""
    return SilkledgerError(f"cannot use database {describe(url)}: {first_line(exc)}")


def _sqlite_file_exists(url: URL) -> bool:
    return url.database in (None, "", ":memory:") or Path(url.database).is_file()


def open_engine(url: URL, must_exist: bool = True) -> Engine:
    """An engine that has been shown to connect; a failure becomes a one-line SilkledgerError.

    With ``must_exist`` (the default), a missing SQLite file is an error instead of a new empty
    database: a mistyped --db path should not quietly create one. Only migrations create one.
    """
    if must_exist and url.get_backend_name() == "sqlite" and not _sqlite_file_exists(url):
        raise SilkledgerError(
            f"no database at {url.database}: run `silkledger init` first, or check --db"
        )
    engine = make_engine(url)
    try:
        with engine.connect():
            pass
    except OperationalError as exc:
        engine.dispose()
        raise connection_error(url, exc) from None
    return engine


@contextmanager
def connected(url: URL, must_exist: bool = True) -> Iterator[Engine]:
    """``open_engine`` for the length of a ``with`` block, disposed afterwards."""
    engine = open_engine(url, must_exist)
    try:
        yield engine
    finally:
        engine.dispose()
