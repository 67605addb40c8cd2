"""Full-text search over the articles (title and text) and the citations' quotes.

SQLite: FTS5 external-content tables ``sources_fts`` (title, body_text) and ``citations_fts``
(quote, stated_value), kept in step by triggers on sources and citations, so every loader keeps
the index current without a line of its own. PostgreSQL: a stored generated ``tsvector`` column
``search_vector`` on sources and citations (the title weighs more than the text), with a GIN
index.

Russian (``sources.language = 'ru'``):

- PostgreSQL stems a Russian source with the ``russian`` text search configuration, every other
  with ``english`` (``CASE WHEN language = 'ru' THEN 'russian'::regconfig ELSE 'english'::regconfig
  END``: two constants, so the generated column stays IMMUTABLE). A citation has no language of
  its own and a generated column cannot read its source's, so it is stemmed as Russian when its
  ``search_text`` is set, which the loaders do exactly for the citations of Russian sources. The
  search (silkledger.analyst.search) asks both configurations at once (``websearch_to_tsquery
  ('english', q) || websearch_to_tsquery('russian', q)``), so one query serves both languages.
- SQLite has no Russian stemmer, so the index holds lemmas: the loaders fill
  ``sources.search_title``, ``sources.search_text`` and ``citations.search_text`` with the text in
  which every Russian word is replaced by its lemma (pymorphy3, ``lemmas.lemmatize_text``:
  «соглашений» -> «соглашение»), word for word, and the triggers index those columns where set
  (``coalesce(search_text, body_text)``) under the original columns' names. The search lemmatises
  the query's Russian words the same way. Because the lemmatised text has the same words in the
  same order, FTS5's ``snippet()`` and ``highlight()`` (which read the original text of the
  content table and mark the words at the positions the index matched) show the original text,
  «соглашений» marked. Hence: never ``INSERT INTO sources_fts(sources_fts) VALUES ('rebuild')``
  (it would index the original text, and Russian words would be found in the form written only);
  ``refill_statements`` re-indexes, and FTS5's 'integrity-check' reports the lemmas as a
  mismatch by design.

Search SQL, by hand:

    -- SQLite (a Russian query word as its lemma: соглашение, not соглашений)
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
migration: ``silkledger db render-sql search-index --engine sqlite``), and tests/test_search.py
and tests/test_schema_objects.py fail if they are missing.
"""

from __future__ import annotations


def _config(condition: str) -> str:
    """The text search configuration of a row: constants only, so the expression is IMMUTABLE."""
    return f"CASE WHEN {condition} THEN 'russian'::regconfig ELSE 'english'::regconfig END"


SOURCE_CONFIG = _config("language = 'ru'")
CITATION_CONFIG = _config("search_text IS NOT NULL")

# (table, FTS table, indexed columns, what SQLite indexes for each (``{row}`` is new. or old.),
#  PostgreSQL tsvector expression)
INDEXED = (
    (
        "sources",
        "sources_fts",
        ("title", "body_text"),
        ("coalesce({row}search_title, {row}title)", "coalesce({row}search_text, {row}body_text)"),
        f"setweight(to_tsvector({SOURCE_CONFIG}, coalesce(title, '')), 'A') || "
        f"setweight(to_tsvector({SOURCE_CONFIG}, coalesce(body_text, '')), 'B')",
    ),
    (
        "citations",
        "citations_fts",
        ("quote", "stated_value"),
        ("coalesce({row}search_text, {row}quote)", "{row}stated_value"),
        f"to_tsvector({CITATION_CONFIG}, coalesce(quote, '') || ' ' || coalesce(stated_value, ''))",
    ),
)
# The columns whose change re-indexes a row on SQLite.
WATCHED = {
    "sources": ("title", "body_text", "search_title", "search_text"),
    "citations": ("quote", "stated_value", "search_text"),
}
SEARCH_COLUMN = "search_vector"
SEARCH_COLUMN_COMMENTS = {
    "sources": "Full-text search vector of title and body_text (Russian stemming for Russian "
    "sources, English for the others), generated; query it with @@ websearch_to_tsquery('english', "
    "...) || websearch_to_tsquery('russian', ...). PostgreSQL only.",
    "citations": "Full-text search vector of quote and stated_value (Russian stemming where "
    "search_text is set, i.e. for citations of Russian sources; English otherwise), generated. "
    "PostgreSQL only.",
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
            for _, fts, *_ in INDEXED
        )
    if type_ == "column":
        return name == SEARCH_COLUMN and table_name in {table for table, *_ in INDEXED}
    if type_ == "index":
        return name in {search_index_name(table) for table, *_ in INDEXED}
    return False


def _sqlite_statements(table: str, fts: str, columns: tuple[str, ...], values) -> list[str]:
    listed = ", ".join(columns)
    new = ", ".join(value.format(row="new.") for value in values)
    old = ", ".join(value.format(row="old.") for value in values)
    delete = f"INSERT INTO {fts}({fts}, rowid, {listed}) VALUES ('delete', old.id, {old});"
    insert = f"INSERT INTO {fts}(rowid, {listed}) VALUES (new.id, {new});"
    return [
        f'CREATE VIRTUAL TABLE {fts} USING fts5({listed}, content="{table}", '
        f"content_rowid='id', tokenize='{TOKENIZER}')",
        f"CREATE TRIGGER {fts}_after_insert AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {fts}_after_delete AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER {fts}_after_update AFTER UPDATE OF {', '.join(WATCHED[table])} "
        f"ON {table} BEGIN {delete} {insert} END",
        _sqlite_fill(table, fts, columns, values),
    ]


def _sqlite_fill(table: str, fts: str, columns: tuple[str, ...], values) -> str:
    """Index every row of ``table`` (an empty index: just made, or after 'delete-all')."""
    selected = ", ".join(value.format(row="") for value in values)
    return f"INSERT INTO {fts}(rowid, {', '.join(columns)}) SELECT id, {selected} FROM {table}"


def refill_statements(dialect: str) -> list[str]:
    """Re-index every row (SQLite; PostgreSQL's generated columns need nothing): the index
    emptied, then filled from the lemmatised columns where set (never FTS5's 'rebuild')."""
    if dialect != "sqlite":
        return []
    statements = []
    for table, fts, columns, values, _ in INDEXED:
        statements += [
            f"INSERT INTO {fts}({fts}) VALUES ('delete-all')",
            _sqlite_fill(table, fts, columns, values),
        ]
    return statements


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
    for table, fts, columns, values, expression in INDEXED:
        if dialect == "sqlite":
            statements += _sqlite_statements(table, fts, columns, values)
        else:
            statements += _postgresql_statements(table, expression)
    return statements


def drop_statements(dialect: str) -> list[str]:
    statements = []
    for table, fts, *_ in INDEXED:
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
