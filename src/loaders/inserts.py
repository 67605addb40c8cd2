"""INSERTs compiled once and run on the DBAPI cursor: the article loader's write path.

Profiling the loader showed that SQLAlchemy's per-execute work (the compiled-cache lookup,
``construct_params`` per row, the execution context and result objects) cost about as much CPU
as extracting the article's facts, for INSERTs whose SQL never changes. ``Inserts`` compiles
each INSERT once per (table, column set) with the engine's dialect (quoting, parameter style and
PostgreSQL's bind casts as SQLAlchemy renders them), applies the column types' bind processors
itself (SQLite's date and decimal conversions) and the columns' scalar Python defaults, and runs
the statement with the driver cursor of the SQLAlchemy connection, inside its transaction.

Rows per statement: on SQLite one row per INSERT (``executemany``): statements are cheap and its
triggers run per row anyway. On PostgreSQL all the rows of one table and column set go in one
multi-row INSERT (``VALUES (...), (...), ...``), so that the summaries' statement triggers
(models/summaries.py, models/trade_groups.py) run once per table and article, not once per row:
sent a row at a time, each row paid a trigger call and a round trip.

Row ids: on SQLite a single-row INSERT's ``cursor.lastrowid``; on PostgreSQL a single row's from
``RETURNING id``. For several rows on PostgreSQL the ids are taken from the tables' sequences
first (``nextval`` over ``generate_series``, one round trip for all the tables) and inserted with
the rows: which id is whose is then known without relying on the order in which ``RETURNING``
gives rows back. A driver error is raised as SQLAlchemy's exception of the same
class (IntegrityError, OperationalError ...), as ``Connection.execute`` would raise it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
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


# One named placeholder of psycopg's pyformat style (``%(name)s``), as SQLAlchemy renders it.
NAMED_PLACEHOLDER = re.compile(r"%\((\w+)\)s")
MAX_ROWS_PER_STATEMENT = 1000  # PostgreSQL takes at most 65,535 parameters per statement


class Inserts:
    """The INSERTs of one engine's dialect, compiled on first use and kept."""

    def __init__(self, dialect: Dialect):
        self.dialect = dialect
        self.sqlite = dialect.name == "sqlite"
        self._compiled: dict[tuple, CompiledInsert] = {}
        self._multirow: dict[tuple, tuple[str, list[str]]] = {}
        self._sequences: dict[str, str] = {}

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
        if self.sqlite:
            return self.many_returning_ids(connection, table, [row])[0]
        statement = self.compiled(table, row, returning=True)  # one row: RETURNING is unambiguous
        parameters = statement.parameters(row)
        with self._cursor(connection, statement.sql, [parameters]) as cursor:
            cursor.execute(statement.sql, parameters)
            return cursor.fetchone()[0]

    def many_returning_ids(self, connection: Connection, table: Table, rows: list[dict]) -> list:
        """Insert ``rows`` (one column set) and give their ids in the same order."""
        return self.tables_returning_ids(connection, {table: rows}).get(table, [])

    def tables_returning_ids(
        self, connection: Connection, rows_by_table: dict[Table, list[dict]]
    ) -> dict[Table, list[int]]:
        """Insert each table's rows (one column set per table) and give their ids, per table
        in the rows' order. On PostgreSQL every table's ids come from one round trip."""
        rows_by_table = {table: rows for table, rows in rows_by_table.items() if rows}
        if not rows_by_table:
            return {}
        if not self.sqlite:
            counts = {table: len(rows) for table, rows in rows_by_table.items()}
            ids = self._next_ids(connection, counts)
            for table, rows in rows_by_table.items():
                with_ids = [{**row, "id": id_} for row, id_ in zip(rows, ids[table], strict=True)]
                self.many(connection, table, with_ids)
            return ids
        return {
            table: self._sqlite_ids(connection, table, rows)
            for table, rows in rows_by_table.items()
        }

    def _sqlite_ids(self, connection: Connection, table: Table, rows: list[dict]) -> list[int]:
        statement = self.compiled(table, rows[0], returning=True)
        parameters = [statement.parameters(row) for row in rows]
        ids = []
        with self._cursor(connection, statement.sql, parameters) as cursor:
            for values in parameters:
                cursor.execute(statement.sql, values)
                ids.append(cursor.lastrowid)
        return ids

    def many(self, connection: Connection, table: Table, rows: list[dict]) -> None:
        """Insert ``rows``: per set of columns, an executemany (SQLite) or multi-row INSERTs
        (PostgreSQL)."""
        groups: dict[tuple, list[dict]] = {}
        for row in rows:
            groups.setdefault(tuple(row), []).append(row)
        for keys, group in groups.items():
            statement = self.compiled(table, keys, returning=False)
            if self.sqlite:
                parameters = [statement.parameters(row) for row in group]
                with self._cursor(connection, statement.sql, parameters) as cursor:
                    cursor.executemany(statement.sql, parameters)
            else:
                self._many_multirow(connection, table, statement, group)

    def _many_multirow(
        self, connection: Connection, table: Table, statement: CompiledInsert, rows: list[dict]
    ) -> None:
        """PostgreSQL: ``rows`` (one column set) in as few INSERT statements as it takes."""
        for start in range(0, len(rows), MAX_ROWS_PER_STATEMENT):
            chunk = rows[start : start + MAX_ROWS_PER_STATEMENT]
            sql, order = self._multirow_sql(table, tuple(chunk[0]), statement, len(chunk))
            values = []
            for row in chunk:
                parameters = statement.parameters(row)
                values += [parameters[name] for name in order]
            with self._cursor(connection, sql, values) as cursor:
                cursor.execute(sql, values)

    def _multirow_sql(
        self, table: Table, keys: tuple, statement: CompiledInsert, count: int
    ) -> tuple[str, list[str]]:
        """``INSERT ... VALUES (row), (row) ...`` for ``count`` rows with positional
        placeholders, and the parameter names in the order one row's placeholders take them."""
        found = self._multirow.get((table.name, keys, count))
        if found is None:
            head, _, row = statement.sql.partition(" VALUES ")
            row = row.partition(" RETURNING ")[0]  # SQLAlchemy's implicit RETURNING of the key
            order = NAMED_PLACEHOLDER.findall(row)
            row = NAMED_PLACEHOLDER.sub("%s", row)
            found = (f"{head} VALUES {', '.join([row] * count)}", order)
            self._multirow[(table.name, keys, count)] = found
        return found

    def _next_ids(self, connection: Connection, counts: dict[Table, int]) -> dict[Table, list]:
        """``count`` new ids from the sequence of each ``table.id`` (PostgreSQL), in one query."""
        for table in counts:
            if table.name not in self._sequences:
                sql = "SELECT pg_get_serial_sequence(%s, 'id')"
                with self._cursor(connection, sql, [table.name]) as cursor:
                    cursor.execute(sql, (table.name,))
                    self._sequences[table.name] = cursor.fetchone()[0]
        tables = list(counts)
        sql = " UNION ALL ".join(
            "SELECT %s, nextval(%s) FROM generate_series(1, %s)" for _ in tables
        )
        parameters = [
            value
            for n, table in enumerate(tables)
            for value in (n, self._sequences[table.name], counts[table])
        ]
        ids: dict[Table, list] = {table: [] for table in tables}
        with self._cursor(connection, sql, parameters) as cursor:
            cursor.execute(sql, parameters)
            for n, id_ in cursor.fetchall():
                ids[tables[n]].append(id_)
        return ids

    @contextmanager
    def pipeline(self, connection: Connection) -> Iterator[None]:
        """On PostgreSQL, the statements of the block are sent without waiting for each one's
        answer (psycopg's pipeline mode): an article's dozen INSERTs cost one or two round
        trips, not a dozen. A failed statement raises when the block ends (or when a result is
        fetched), as SQLAlchemy's exception. On SQLite there is no round trip to save."""
        if self.sqlite:
            yield
            return
        driver = connection.connection.driver_connection
        try:
            with driver.pipeline():
                yield
        except self.dialect.loaded_dbapi.Error as exc:
            raise DBAPIError.instance(
                "(pipelined INSERTs)",
                [],
                exc,
                self.dialect.loaded_dbapi.Error,
                dialect=self.dialect,
            ) from exc

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
