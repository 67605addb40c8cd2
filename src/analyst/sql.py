"""Read-only SQL for analysts: one statement, run where it cannot change anything.

SQLite: the file is opened with ``mode=ro`` (and ``PRAGMA query_only``), and ATTACH (which
VACUUM INTO uses too) is denied, so no statement can write the database or create another file.
PostgreSQL: the statement runs in a READ ONLY transaction that is rolled back afterwards, sent with
the extended query protocol, which carries one statement only: ``SELECT 1; COMMIT; DELETE ...``
is refused by the server instead of escaping the transaction.

A statement that tries to write is refused with one line (``WriteRefused``); any other SQL error is
one line with the database's own message.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import psycopg
from sqlalchemy.engine import URL

from ..db import SQLITE_MMAP_PRAGMA, describe
from ..errors import SilkledgerError, first_line

READ_ONLY_SQLSTATE = "25006"  # read_only_sql_transaction


class WriteRefused(SilkledgerError):
    """The statement would change the database; nothing was changed."""


@dataclass(frozen=True)
class QueryResult:
    columns: list[str]
    rows: list[tuple]


def refusal(detail: str) -> WriteRefused:
    return WriteRefused(
        f"refused: silkledger sql is read-only and this statement writes ({detail})"
    )


def run_read_only(url: URL, statement: str) -> QueryResult:
    """Run one SQL statement read-only on the database at ``url``; return its rows."""
    if not statement.strip():
        raise SilkledgerError("no SQL to run: give a statement or --file")
    if url.get_backend_name() == "sqlite":
        return _run_sqlite(url, statement)
    return _run_postgresql(url, statement)


def _deny_attach(action: int, *_args) -> int:
    return sqlite3.SQLITE_DENY if action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH) else 0


def _run_sqlite(url: URL, statement: str) -> QueryResult:
    path = Path(url.database or "")
    if not path.is_file():
        raise SilkledgerError(f"no database at {url.database}: run `silkledger init` first")
    try:
        connection = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise SilkledgerError(f"cannot open {path}: {exc}") from None
    try:
        connection.execute("PRAGMA query_only = ON")
        connection.execute(SQLITE_MMAP_PRAGMA)
        connection.set_authorizer(_deny_attach)
        cursor = connection.execute(statement)
        columns = [column[0] for column in cursor.description or ()]
        return QueryResult(columns, cursor.fetchall())
    except sqlite3.Error as exc:
        name = getattr(exc, "sqlite_errorname", "")
        if name in ("SQLITE_READONLY", "SQLITE_AUTH"):  # AUTH: the denied ATTACH / VACUUM INTO
            raise refusal(first_line(exc)) from None
        raise SilkledgerError(f"SQL error: {first_line(exc)}") from None
    finally:
        connection.close()


def _run_postgresql(url: URL, statement: str) -> QueryResult:
    conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        connection = psycopg.connect(conninfo)
    except psycopg.Error as exc:
        raise SilkledgerError(f"cannot use database {describe(url)}: {first_line(exc)}") from None
    try:
        connection.read_only = True
        with connection.cursor() as cursor:
            # binary results force the extended protocol: one statement, never a script
            cursor.execute(statement, binary=True)
            columns = [column.name for column in cursor.description or ()]
            rows = cursor.fetchall() if cursor.description else []
        return QueryResult(columns, [tuple(row) for row in rows])
    except psycopg.Error as exc:
        if exc.sqlstate == READ_ONLY_SQLSTATE:
            raise refusal(first_line(exc)) from None
        raise SilkledgerError(f"SQL error: {first_line(exc)}") from None
    finally:
        connection.rollback()
        connection.close()
