"""INSERTs compiled once and run on the DBAPI cursor: the article loader's write path.

Profiling the loader showed that SQLAlchemy's per-execute work (the compiled-cache lookup,
``construct_params`` per row, the execution context and result objects) cost about as much CPU
as extracting the article's facts, for INSERTs whose SQL never changes. ``Inserts`` compiles
each INSERT once per (table, column set) with the engine's dialect (quoting, parameter style and
PostgreSQL's bind casts as SQLAlchemy renders them), applies the column types' bind processors
itself (SQLite's date and decimal conversions) and the columns' scalar Python defaults, and runs
the statement with the driver cursor of the SQLAlchemy connection, inside its transaction.

Row ids: on SQLite a single-row INSERT's ``cursor.lastrowid``; on PostgreSQL ``RETURNING id``
(psycopg's ``executemany(returning=True)`` gives one result per row, in order, in one round
trip). A driver error is raised as SQLAlchemy's exception of the same class (IntegrityError,
OperationalError ...), as ``Connection.execute`` would raise it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError


@dataclass(frozen=True)
class CompiledInsert:
    sql: str
    names: tuple[str, ...]  # the parameters in the order the SQL takes them
    positional: bool
    processors: tuple[tuple[str, Callable[[Any], Any]], ...]
    defaults: tuple[tuple[str, Any], ...]  # scalar Python defaults of the columns not given

    def parameters(self, row: dict[str, Any]) -> tuple | dict:
        if self.defaults:
            row = {**dict(self.defaults), **row}
        if self.processors:
            row = dict(row)
            for name, process in self.processors:
                row[name] = process(row[name])
        if self.positional:
            return tuple(row[name] for name in self.names)
        return {name: row[name] for name in self.names}


class Inserts:
    """The INSERTs of one engine's dialect, compiled on first use and kept."""

    def __init__(self, dialect: Dialect):
        self.dialect = dialect
        self.sqlite = dialect.name == "sqlite"
        self._compiled: dict[tuple, CompiledInsert] = {}

    def compiled(self, table: Table, keys: Iterable[str], returning: bool) -> CompiledInsert:
        keys = tuple(keys)
        found = self._compiled.get((table.name, keys, returning))
        if found is None:
            found = self._compile(table, keys, returning)
            self._compiled[(table.name, keys, returning)] = found
        return found

    def _compile(self, table: Table, keys: tuple[str, ...], returning: bool) -> CompiledInsert:
        statement = insert(table)
        if returning and not self.sqlite:
            statement = statement.returning(table.c.id)
        compiled = statement.compile(dialect=self.dialect, column_keys=list(keys))
        defaults = []
        for column in table.columns:
            if column.key in keys or column.default is None:
                continue
            if not column.default.is_scalar:  # a callable or a sequence: SQLAlchemy's to run
                raise ValueError(f"{table.name}.{column.key}: only scalar defaults are supported")
            defaults.append((column.key, column.default.arg))
        if compiled.positional:
            names = tuple(compiled.positiontup)
        else:
            names = tuple(compiled.bind_names.values())
        if getattr(compiled, "escaped_bind_names", None):
            raise ValueError(f"{table.name}: a column name needs escaping; not supported")
        processors = []
        for name in names:
            process = table.c[name].type.dialect_impl(self.dialect).bind_processor(self.dialect)
            if process is not None:
                processors.append((name, process))
        return CompiledInsert(
            compiled.string, names, compiled.positional, tuple(processors), tuple(defaults)
        )

    # ------------------------------------------------------------------ running

    def one_returning_id(self, connection: Connection, table: Table, row: dict) -> int:
        return self.many_returning_ids(connection, table, [row])[0]

    def many_returning_ids(self, connection: Connection, table: Table, rows: list[dict]) -> list:
        """Insert ``rows`` (one column set) and give their ids in the same order."""
        if not rows:
            return []
        statement = self.compiled(table, rows[0], returning=True)
        parameters = [statement.parameters(row) for row in rows]
        with self._cursor(connection, statement.sql, parameters) as cursor:
            if self.sqlite:
                ids = []
                for values in parameters:
                    cursor.execute(statement.sql, values)
                    ids.append(cursor.lastrowid)
                return ids
            cursor.executemany(statement.sql, parameters, returning=True)
            ids = []
            while True:
                ids.append(cursor.fetchone()[0])
                if not cursor.nextset():
                    return ids

    def many(self, connection: Connection, table: Table, rows: list[dict]) -> None:
        """Insert ``rows``: one executemany per set of columns."""
        groups: dict[tuple, list[dict]] = {}
        for row in rows:
            groups.setdefault(tuple(row), []).append(row)
        for keys, group in groups.items():
            statement = self.compiled(table, keys, returning=False)
            parameters = [statement.parameters(row) for row in group]
            with self._cursor(connection, statement.sql, parameters) as cursor:
                cursor.executemany(statement.sql, parameters)

    def _cursor(self, connection: Connection, sql: str, parameters: list) -> _DriverCursor:
        return _DriverCursor(connection, self.dialect, sql, parameters)


class _DriverCursor:
    """The connection's driver cursor for one statement; a driver error becomes SQLAlchemy's."""

    def __init__(self, connection: Connection, dialect: Dialect, sql: str, parameters: list):
        self.connection, self.dialect = connection, dialect
        self.sql, self.parameters = sql, parameters

    def __enter__(self):
        self.cursor = self.connection.connection.cursor()
        return self.cursor

    def __exit__(self, kind, exc, _traceback) -> None:
        self.cursor.close()
        dbapi = self.dialect.loaded_dbapi
        if exc is not None and isinstance(exc, dbapi.Error):
            raise DBAPIError.instance(
                self.sql, self.parameters, exc, dbapi.Error, dialect=self.dialect
            ) from exc
