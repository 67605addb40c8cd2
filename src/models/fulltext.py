"""Full-text search over the articles (title and text) and the citations' quotes.

SQLite: FTS5 external-content tables ``sources_fts`` (title, body_text) and ``citations_fts``
(quote, stated_value), kept in step by triggers on sources and citations, so every loader keeps
the index current without a line of its own. PostgreSQL: a stored generated ``tsvector`` column
``search_vector`` on sources and citations (English stemming; the title weighs more than the
text), with a GIN index.

Search SQL, by hand:

    -- SQLite
    SELECT s.key, s.title, snippet(sources_fts, -1, '[', ']', '…', 16)
    FROM sources_fts JOIN sources s ON s.id = sources_fts.rowid
    WHERE sources_fts MATCH '"rare earth"' ORDER BY rank;

    -- PostgreSQL
    SELECT s.key, s.title, ts_headline('english', s.body_text, q)
    FROM sources s, websearch_to_tsquery('english', '"rare earth"') AS q
    WHERE s.search_vector @@ q ORDER BY ts_rank(s.search_vector, q) DESC;

The models do not declare these tables and columns (they are the database's own machinery), so
alembic/env.py leaves them out of autogenerate's comparison (``is_search_object``).

SQLite caveat: a later migration that rebuilds sources or citations in batch mode drops their
triggers with the old table; it must carry those triggers again (as SQL of its own, like every
migration: the CREATE TRIGGER statements of ``create_statements("sqlite")``), and
tests/test_search.py and tests/test_schema_objects.py fail if they are missing.
"""

from __future__ import annotations

# (table, FTS table / column name, indexed columns, PostgreSQL tsvector expression)
INDEXED = (
    (
        "sources",
        "sources_fts",
        ("title", "body_text"),
        "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
        "setweight(to_tsvector('english', coalesce(body_text, '')), 'B')",
    ),
    (
        "citations",
        "citations_fts",
        ("quote", "stated_value"),
        "to_tsvector('english', coalesce(quote, '') || ' ' || coalesce(stated_value, ''))",
    ),
)
SEARCH_COLUMN = "search_vector"
SEARCH_COLUMN_COMMENTS = {
    "sources": "Full-text search vector of title and body_text (English stemming), generated; "
    "query it with @@ websearch_to_tsquery('english', ...). PostgreSQL only.",
    "citations": "Full-text search vector of quote and stated_value (English stemming), "
    "generated. PostgreSQL only.",
}
TOKENIZER = "porter unicode61 remove_diacritics 2"
# FTS5 keeps an FTS table's index in shadow tables named after it.
FTS5_SHADOW_SUFFIXES = ("_data", "_idx", "_docsize", "_config", "_content")


def search_index_name(table: str) -> str:
    return f"ix_{table}_{SEARCH_COLUMN}"


def is_search_object(name: str | None, type_: str, table_name: str | None = None) -> bool:
    """True for the search tables, columns and indexes that the models do not declare."""
    if name is None:
        return False
    if type_ == "table":
        return any(
            name == fts or (name.startswith(fts) and name[len(fts) :] in FTS5_SHADOW_SUFFIXES)
            for _, fts, _, _ in INDEXED
        )
    if type_ == "column":
        return name == SEARCH_COLUMN and table_name in {table for table, *_ in INDEXED}
    if type_ == "index":
        return name in {search_index_name(table) for table, *_ in INDEXED}
    return False


def _sqlite_statements(table: str, fts: str, columns: tuple[str, ...]) -> list[str]:
    listed = ", ".join(columns)
    new = ", ".join(f"new.{column}" for column in columns)
    old = ", ".join(f"old.{column}" for column in columns)
    delete = f"INSERT INTO {fts}({fts}, rowid, {listed}) VALUES ('delete', old.id, {old});"
    insert = f"INSERT INTO {fts}(rowid, {listed}) VALUES (new.id, {new});"
    return [
        f'CREATE VIRTUAL TABLE {fts} USING fts5({listed}, content="{table}", '
        f"content_rowid='id', tokenize='{TOKENIZER}')",
        f"CREATE TRIGGER {fts}_after_insert AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {fts}_after_delete AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER {fts}_after_update AFTER UPDATE OF {listed} ON {table} "
        f"BEGIN {delete} {insert} END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def _postgresql_statements(table: str, expression: str) -> list[str]:
    comment = SEARCH_COLUMN_COMMENTS[table].replace("'", "''")
    return [
        f"ALTER TABLE {table} ADD COLUMN {SEARCH_COLUMN} tsvector "
        f"GENERATED ALWAYS AS ({expression}) STORED",
        f"CREATE INDEX {search_index_name(table)} ON {table} USING gin ({SEARCH_COLUMN})",
        f"COMMENT ON COLUMN {table}.{SEARCH_COLUMN} IS '{comment}'",
    ]


def create_statements(dialect: str) -> list[str]:
    statements = []
    for table, fts, columns, expression in INDEXED:
        if dialect == "sqlite":
            statements += _sqlite_statements(table, fts, columns)
        else:
            statements += _postgresql_statements(table, expression)
    return statements


def drop_statements(dialect: str) -> list[str]:
    statements = []
    for table, fts, _, _ in INDEXED:
        if dialect == "sqlite":
            statements += [
                f"DROP TRIGGER IF EXISTS {fts}_after_{event}"
                for event in ("insert", "delete", "update")
            ]
            statements.append(f"DROP TABLE IF EXISTS {fts}")
        else:
            statements += [
                f"DROP INDEX IF EXISTS {search_index_name(table)}",
                f"ALTER TABLE {table} DROP COLUMN IF EXISTS {SEARCH_COLUMN}",
            ]
    return statements
