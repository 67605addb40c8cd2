"""Read-only SQL for analysts: one plain query, run where it cannot change or reach anything.

SQLite: the file is opened with ``mode=ro`` and ``PRAGMA query_only``, and an authorizer lets a
statement do nothing but read tables and views, call functions and read the PRAGMAs that only
report (``READ_PRAGMAS``): INSERT, ATTACH (which VACUUM INTO uses too), ``PRAGMA
writable_schema = 1`` and the like are refused before they run.

PostgreSQL: the statement is parsed with PostgreSQL's own parser (pglast, libpg_query) and runs
only if it is one plain query (SELECT, WITH … SELECT, VALUES, TABLE, or EXPLAIN of one) that
calls none of ``DENIED_FUNCTIONS``: COPY, DO, CALL, SET and every other statement are refused.
It then runs in a READ ONLY transaction, rolled back afterwards, under ``SET LOCAL ROLE
silkledger_reader``: a NOLOGIN role that the migrations create with SELECT on every table and
view and nothing else, so whatever role the URL names (``postgres`` included), the query cannot
read server files (pg_read_file), write them (COPY … TO) or run programs. A connecting role that
cannot switch to it is refused, never run as itself. ``set_config`` is refused because a session
whose login role is a superuser could switch the role back with it (``set_config('role', …)``);
the functions that run SQL given as text are refused because this check cannot see that SQL.

Every statement has a time limit (``DEFAULT_TIMEOUT_SECONDS``; ``statement_timeout`` and a
client-side cancel on PostgreSQL, a progress handler on SQLite) that covers fetching its rows.
Rows are streamed (a server-side cursor on PostgreSQL): memory does not grow with the result.

A refused statement is one line (``WriteRefused``) and nothing runs; any other SQL error is one
line with the database's own message.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import psycopg
from sqlalchemy.engine import URL

from ..db import SQLITE_MMAP_PRAGMA, describe
from ..errors import SilkledgerError, first_line

READER_ROLE = "silkledger_reader"  # created by migration 0012_readonly_role
DEFAULT_TIMEOUT_SECONDS = 60.0
FETCH_ROWS = 2000  # rows per round trip from the server-side cursor
READ_ONLY_SQLSTATE = "25006"  # read_only_sql_transaction
PERMISSION_SQLSTATE = "42501"  # insufficient_privilege
CANCELED_SQLSTATE = "57014"  # query_canceled: statement_timeout or our cancel


class WriteRefused(SilkledgerError):
    """The statement would change the database or is not a plain query; nothing ran."""


class StatementTimeout(SilkledgerError):
    """The statement ran past its time limit and was stopped."""


@dataclass
class QueryResult:
    """A query's columns and its rows: a list (``run_read_only``) or a stream
    (``read_only_query``, to be read before its block ends)."""

    columns: list[str]
    rows: Any


def refusal(detail: str) -> WriteRefused:
    return WriteRefused(
        f"refused: silkledger sql is read-only and this statement writes ({detail})"
    )


def not_a_query(detail: str) -> WriteRefused:
    return WriteRefused(
        f"refused: silkledger sql is read-only and runs plain queries only: {detail}"
    )


def timed_out(seconds: float) -> StatementTimeout:
    return StatementTimeout(
        f"stopped: the statement ran longer than {seconds:g} s "
        "(--timeout SECONDS for more, --timeout 0 for no limit)"
    )


def run_read_only(
    url: URL, statement: str, timeout: float = DEFAULT_TIMEOUT_SECONDS
) -> QueryResult:
    """Run one statement read-only on the database at ``url``; return all its rows."""
    with read_only_query(url, statement, timeout) as result:
        return QueryResult(result.columns, list(result.rows))


@contextmanager
def read_only_query(
    url: URL, statement: str, timeout: float = DEFAULT_TIMEOUT_SECONDS
) -> Iterator[QueryResult]:
    """One statement, read-only, its rows streamed: read ``rows`` inside the block."""
    if not statement.strip():
        raise SilkledgerError("no SQL to run: give a statement or --file")
    opener = _sqlite_query if url.get_backend_name() == "sqlite" else _postgresql_query
    with opener(url, statement, timeout or 0) as result:
        yield result


class _Deadline:
    def __init__(self, seconds: float):
        self.seconds = seconds
        self.at = time.monotonic() + seconds if seconds > 0 else None
        self.passed = False

    def expired(self) -> bool:
        if self.at is not None and time.monotonic() > self.at:
            self.passed = True
        return self.passed


# ------------------------------------------------------------------------------------ SQLite

# PRAGMAs that only report. Those in READ_PRAGMAS_WITH_ARGUMENT may name a table, an index or a
# schema; the others are allowed without an argument only (with one, most of them set a value).
READ_PRAGMAS_WITH_ARGUMENT = frozenset(
    [
        "table_info",
        "table_xinfo",
        "table_list",
        "index_list",
        "index_info",
        "index_xinfo",
        "foreign_key_list",
        "foreign_key_check",
        "integrity_check",
        "quick_check",
    ]
)
READ_PRAGMAS = READ_PRAGMAS_WITH_ARGUMENT | frozenset(
    [
        "database_list",
        "collation_list",
        "function_list",
        "module_list",
        "pragma_list",
        "compile_options",
        "application_id",
        "user_version",
        "schema_version",
        "data_version",
        "encoding",
        "page_size",
        "page_count",
        "freelist_count",
        "max_page_count",
        "journal_mode",
        "foreign_keys",
        "query_only",
        "auto_vacuum",
        "cache_size",
        "busy_timeout",
        "synchronous",
        "recursive_triggers",
        "defer_foreign_keys",
        "temp_store",
    ]
)
SQLITE_READS = frozenset(
    (sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION, sqlite3.SQLITE_RECURSIVE)
)
SQLITE_WRITES = {
    getattr(sqlite3, f"SQLITE_{name}"): name.replace("_", " ")
    for name in [
        "INSERT",
        "UPDATE",
        "DELETE",
        "CREATE_INDEX",
        "CREATE_TABLE",
        "CREATE_TEMP_INDEX",
        "CREATE_TEMP_TABLE",
        "CREATE_TEMP_TRIGGER",
        "CREATE_TEMP_VIEW",
        "CREATE_TRIGGER",
        "CREATE_VIEW",
        "DROP_INDEX",
        "DROP_TABLE",
        "DROP_TEMP_INDEX",
        "DROP_TEMP_TABLE",
        "DROP_TEMP_TRIGGER",
        "DROP_TEMP_VIEW",
        "DROP_TRIGGER",
        "DROP_VIEW",
        "ALTER_TABLE",
        "REINDEX",
        "ANALYZE",
        "CREATE_VTABLE",
        "DROP_VTABLE",
    ]
}
SQLITE_SCHEMA_TABLES = ("sqlite_master", "sqlite_temp_master", "sqlite_schema")


class _Authorizer:
    """Allows reading only; remembers the first thing it refused, for the message."""

    def __init__(self):
        self.refusals: list[tuple[bool, WriteRefused]] = []

    @property
    def refused(self) -> WriteRefused | None:
        """The first refusal that names the statement itself: a CREATE or ANALYZE is asked
        first as an INSERT into sqlite_master, which says less."""
        return min(self.refusals, key=lambda pair: pair[0])[1] if self.refusals else None

    def __call__(self, action: int, arg1, arg2, _db, _trigger) -> int:
        if action in SQLITE_READS:
            return sqlite3.SQLITE_OK
        if action == sqlite3.SQLITE_PRAGMA and _reads(arg1, arg2):
            return sqlite3.SQLITE_OK
        if action == sqlite3.SQLITE_UPDATE and arg1 in SQLITE_SCHEMA_TABLES and arg2 is not None:
            # asked by SQLite for every PRAGMA table function (pragma_table_info('x')); the file
            # is opened read-only and writable_schema cannot be set, so no schema row changes
            return sqlite3.SQLITE_OK
        on_schema = arg1 in SQLITE_SCHEMA_TABLES
        self.refusals.append((on_schema, _sqlite_refusal(action, arg1, arg2)))
        return sqlite3.SQLITE_DENY


def _reads(name: str | None, argument: str | None) -> bool:
    name = (name or "").lower()
    return name in READ_PRAGMAS and (argument is None or name in READ_PRAGMAS_WITH_ARGUMENT)


def _sqlite_refusal(action: int, arg1, arg2) -> WriteRefused:
    if action == sqlite3.SQLITE_PRAGMA:
        shown = f"PRAGMA {arg1}" + (f" = {arg2}" if arg2 is not None else "")
        return not_a_query(f"{shown} is not a PRAGMA that only reads")
    if action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH):
        return refusal("ATTACH or VACUUM INTO opens another database file")
    if action in SQLITE_WRITES and arg1 in SQLITE_SCHEMA_TABLES:
        return refusal("it changes the schema: CREATE, DROP, ALTER, ANALYZE …")
    if action in SQLITE_WRITES:
        return refusal(f"{SQLITE_WRITES[action]} on {arg1}" if arg1 else SQLITE_WRITES[action])
    if action in (sqlite3.SQLITE_TRANSACTION, sqlite3.SQLITE_SAVEPOINT):
        return not_a_query("BEGIN, COMMIT, ROLLBACK and SAVEPOINT are not queries")
    return not_a_query(f"this statement is not a query (SQLite authorizer action {action})")


@contextmanager
def _sqlite_query(url: URL, statement: str, timeout: float) -> Iterator[QueryResult]:
    path = Path(url.database or "")
    if not path.is_file():
        raise SilkledgerError(f"no database at {url.database}: run `silkledger init` first")
    try:
        connection = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise SilkledgerError(f"cannot open {path}: {exc}") from None
    authorizer, deadline = _Authorizer(), _Deadline(timeout)
    try:
        connection.execute("PRAGMA query_only = ON")
        connection.execute(SQLITE_MMAP_PRAGMA)
        connection.set_authorizer(authorizer)
        if deadline.at is not None:  # a non-zero return interrupts the statement
            connection.set_progress_handler(deadline.expired, 10_000)
        with _sqlite_errors(authorizer, deadline):
            cursor = connection.execute(statement)
        columns = [column[0] for column in cursor.description or ()]
        yield QueryResult(columns, _sqlite_rows(cursor, authorizer, deadline))
    finally:
        connection.close()


def _sqlite_rows(cursor, authorizer, deadline) -> Iterator[tuple]:
    with _sqlite_errors(authorizer, deadline):
        while batch := cursor.fetchmany(FETCH_ROWS):
            yield from batch


@contextmanager
def _sqlite_errors(authorizer: _Authorizer, deadline: _Deadline) -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as exc:
        name = getattr(exc, "sqlite_errorname", "")
        if deadline.passed:
            raise timed_out(deadline.seconds) from None
        if authorizer.refused is not None:
            raise authorizer.refused from None
        if name == "SQLITE_READONLY":
            raise refusal(first_line(exc)) from None
        raise SilkledgerError(f"SQL error: {first_line(exc)}") from None


# -------------------------------------------------------------------------------- PostgreSQL

# Functions refused by name (in any schema): set_config changes settings for the rest of the
# transaction, the role among them; the others run SQL given as text, out of this check's sight.
DENIED_FUNCTIONS = {
    "set_config": "set_config() changes the session's settings (its role among them)",
    **dict.fromkeys(
        (
            "query_to_xml",
            "query_to_xmlschema",
            "query_to_xml_and_xmlschema",
            "cursor_to_xml",
            "cursor_to_xmlschema",
            "ts_stat",
            "ts_rewrite",
        ),
        "{name}() runs SQL given as text",
    ),
}
WRITING_STATEMENTS = ("Insert", "Update", "Delete", "Merge", "Create", "Drop", "Alter", "Truncate")
STATEMENT_NAMES = {
    "VariableSetStmt": "SET",
    "VariableShowStmt": "SHOW",
    "TransactionStmt": "a transaction statement (BEGIN, COMMIT, ROLLBACK …)",
    "DeclareCursorStmt": "DECLARE",
    "CreateTableAsStmt": "CREATE TABLE AS",
    "ExecuteStmt": "EXECUTE",
}


def check_plain_query(statement: str) -> str:
    """``query`` or ``explain`` if ``statement`` is one plain query (or EXPLAIN of one) that
    calls no denied function; otherwise raises WriteRefused (or a syntax error) naming why."""
    from pglast.parser import ParseError, parse_sql_json

    try:
        parsed = json.loads(parse_sql_json(statement))["stmts"]
    except ParseError as exc:
        raise SilkledgerError(f"SQL error: {first_line(exc)}") from None
    if len(parsed) != 1:
        raise not_a_query(f"one statement at a time, and this is {len(parsed)}")
    ((kind, node),) = parsed[0]["stmt"].items()
    query = node.get("query", {}).get("SelectStmt") if kind == "ExplainStmt" else None
    if kind != "SelectStmt" and query is None:
        raise _statement_refusal(kind)
    if node.get("intoClause") or (query or {}).get("intoClause"):
        raise refusal("SELECT INTO creates a table")
    for key, value in _nodes(node):
        if key == "lockingClause":
            raise not_a_query("SELECT … FOR UPDATE/SHARE locks rows")
        if key.endswith("Stmt") and key.startswith(WRITING_STATEMENTS):
            raise refusal(f"{_statement_name(key)} inside the query")
        if key == "FuncCall":
            name = value["funcname"][-1]["String"]["sval"]
            if name in DENIED_FUNCTIONS:
                raise not_a_query(DENIED_FUNCTIONS[name].format(name=name))
    return "query" if kind == "SelectStmt" else "explain"


def _nodes(tree) -> Iterator[tuple[str, Any]]:
    """Every (key, value) pair of the parse tree, depth first in the statement's order."""
    stack: list[tuple[str, Any]] = [("", tree)]
    while stack:
        key, item = stack.pop()
        if key:
            yield key, item
        if isinstance(item, dict):
            stack.extend(reversed(item.items()))
        elif isinstance(item, list):
            stack.extend(("", child) for child in reversed(item))


def _statement_name(kind: str) -> str:
    if kind in STATEMENT_NAMES:
        return STATEMENT_NAMES[kind]
    return " ".join(re.findall(r"[A-Z][a-z]*", kind.removesuffix("Stmt"))).upper()


def _statement_refusal(kind: str) -> WriteRefused:
    name = _statement_name(kind)
    if kind.startswith(WRITING_STATEMENTS) or kind in ("GrantStmt", "VacuumStmt"):
        return refusal(name)
    return not_a_query(f"{name} is not a query (SELECT, WITH … SELECT, VALUES, TABLE, EXPLAIN)")


@contextmanager
def _postgresql_query(url: URL, statement: str, timeout: float) -> Iterator[QueryResult]:
    kind = check_plain_query(statement)
    conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        connection = psycopg.connect(conninfo)
    except psycopg.Error as exc:
        raise SilkledgerError(f"cannot use database {describe(url)}: {first_line(exc)}") from None
    deadline = _Deadline(timeout)
    # the cancel covers the whole run, fetching included; statement_timeout guards the server
    timer = threading.Timer(timeout, connection.cancel_safe) if timeout > 0 else None
    try:
        connection.read_only = True
        with _postgresql_errors(deadline):
            _become_reader(connection, timeout)
        if timer:
            timer.start()
        if kind == "query":  # a server-side cursor: rows come FETCH_ROWS at a time
            cursor = connection.cursor(name="silkledger_sql", binary=True)
        else:
            cursor = connection.cursor(binary=True)  # binary: the extended protocol, one statement
        with _postgresql_errors(deadline):
            cursor.execute(statement)
        columns = [column.name for column in cursor.description or ()]
        yield QueryResult(columns, _postgresql_rows(cursor, deadline))
    finally:
        if timer:
            timer.cancel()
        with suppress(psycopg.Error):  # a cancelled or broken connection: close ends it
            connection.rollback()
        connection.close()


def _become_reader(connection: psycopg.Connection, timeout: float) -> None:
    """Switch this transaction to READER_ROLE, or refuse (never run as the connecting role)."""
    with connection.cursor() as cursor:
        # lex string literals as the parser that checked the statement does
        cursor.execute("SET LOCAL standard_conforming_strings = on")
        try:
            cursor.execute(f"SET LOCAL ROLE {READER_ROLE}")
        except psycopg.Error as exc:
            user = connection.info.user
            raise not_a_query(
                f"connected as {user}, which cannot switch to the read-only role {READER_ROLE} "
                f"({first_line(exc)}); nothing was run: run `silkledger db upgrade`, or "
                f"GRANT {READER_ROLE} TO {user}"
            ) from None
        privileged = cursor.execute(
            "SELECT rolsuper OR rolbypassrls OR pg_has_role(current_user, "
            "'pg_read_server_files', 'MEMBER') OR pg_has_role(current_user, "
            "'pg_write_server_files', 'MEMBER') OR pg_has_role(current_user, "
            "'pg_execute_server_program', 'MEMBER') FROM pg_roles WHERE rolname = current_user"
        ).fetchone()[0]
        if privileged:
            raise not_a_query(f"role {READER_ROLE} has been given privileges; nothing was run")
        if timeout > 0:
            cursor.execute(f"SET LOCAL statement_timeout = {max(1, round(timeout * 1000))}")


def _postgresql_rows(cursor, deadline: _Deadline) -> Iterator[tuple]:
    with _postgresql_errors(deadline):
        if cursor.description is None:
            return
        while batch := cursor.fetchmany(FETCH_ROWS):
            yield from batch


@contextmanager
def _postgresql_errors(deadline: _Deadline) -> Iterator[None]:
    try:
        yield
    except psycopg.Error as exc:
        if exc.sqlstate == CANCELED_SQLSTATE:
            raise timed_out(deadline.seconds) from None
        if exc.sqlstate == READ_ONLY_SQLSTATE:
            raise refusal(first_line(exc)) from None
        if exc.sqlstate == PERMISSION_SQLSTATE:
            raise WriteRefused(
                f"refused: silkledger sql runs as the read-only role {READER_ROLE}: "
                f"{first_line(exc)}"
            ) from None
        raise SilkledgerError(f"SQL error: {first_line(exc)}") from None
