"""Russian full-text search: lemmatised index text on SQLite, the russian configuration on PostgreSQL

- sources.search_title, sources.search_text and citations.search_text: for Russian sources (and
  their citations) the text with every Russian word as its lemma, word for word; NULL otherwise.
- Sources stored as English (the default before languages were detected) whose letters are at
  least 30% Cyrillic become Russian, as the loaders now decide; then the lemmatised columns of
  every Russian source and its citations are filled (pymorphy3, as below).
- SQLite: the FTS5 tables and their triggers made again, indexing the lemmatised columns where
  set, and filled: every row re-indexed. PostgreSQL: the generated search vectors made again,
  stemming Russian sources (and citations with search_text) with the ``russian`` configuration;
  PostgreSQL recomputes them for every row.

Downgrade: the search index as before (English only) and the three columns dropped; languages
set to 'ru' stay.

Revision ID: 0016_russian_search
Revises: 0015_usd_rates
Create Date: 2026-12-07 09:10:00+00:00
"""

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision: str = "0016_russian_search"
down_revision: str | None = "0015_usd_rates"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQL = Path(__file__).resolve().parent / "sql"
COLUMNS = (
    (
        "sources",
        "search_title",
        "Russian sources: the title with every Russian word as its lemma (dictionary form), word "
        "for word, which the SQLite full-text index holds instead of the title; NULL for other "
        "languages. Filled by the loaders.",
    ),
    (
        "sources",
        "search_text",
        "Russian sources: body_text with every Russian word as its lemma, word for word (the "
        "SQLite full-text index holds it, so «соглашение» finds «соглашений»); NULL for other "
        "languages. Filled by the loaders.",
    ),
    (
        "citations",
        "search_text",
        "Citations of Russian sources: the quote with every Russian word as its lemma, word for "
        "word, which the full-text index holds (SQLite) and which tells PostgreSQL to stem the "
        "quote as Russian; NULL for other languages. Filled by the loaders.",
    ),
)

LANGUAGE_COMMENT = (
    "ISO 639-1 language code of the text: front matter or --language, else detected (ru when at "
    "least 30% of its letters are Cyrillic, else en)."
)
OLD_LANGUAGE_COMMENT = "ISO 639-1 language code of the text."

# Frozen here as they stood at this revision (silkledger.extract.lemmas, loaders.articles).
RUSSIAN_SHARE = 0.3
CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
CYRILLIC_LETTER = re.compile(r"[А-Яа-яЁё]")
LATIN_LETTER = re.compile(r"[A-Za-z]")
TOKEN = re.compile(r"[^\W_]+")


def _run_sql(step: str) -> None:
    """The frozen statements of ``step`` (upgrade or downgrade) on this database's engine."""
    path = SQL / f"{revision}.{step}.{op.get_bind().dialect.name}.sql"
    for statement in path.read_text(encoding="utf-8").split("\n;\n")[:-1]:
        op.execute(statement)


@cache
def _analyzer():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@cache
def _lemma(word: str) -> str:
    if "-" in word:
        return "-".join(_lemma(part) for part in word.split("-"))
    return _analyzer().parse(word)[0].normal_form.replace("ё", "е")


def _lemmatised(text: str | None) -> str | None:
    """Every Russian word as its lemma; None when that would not keep the words one for one."""
    if text is None or not CYRILLIC_WORD.search(text):
        return None
    result = CYRILLIC_WORD.sub(lambda m: _lemma(m.group(0)), text)
    return result if len(TOKEN.findall(result)) == len(TOKEN.findall(text)) else None


def _is_russian(text: str) -> bool:
    cyrillic, latin = len(CYRILLIC_LETTER.findall(text)), len(LATIN_LETTER.findall(text))
    return cyrillic + latin > 0 and cyrillic / (cyrillic + latin) >= RUSSIAN_SHARE


def _fill_lemmas() -> None:
    connection = op.get_bind()
    sources = sa.table(
        "sources",
        sa.column("id"),
        sa.column("title"),
        sa.column("body_text"),
        sa.column("language"),
        sa.column("search_title"),
        sa.column("search_text"),
    )
    citations = sa.table(
        "citations", sa.column("id"), sa.column("source_id"), sa.column("quote"),
        sa.column("search_text"),
    )  # fmt: skip
    english = connection.execute(
        sa.select(sources.c.id, sources.c.title, sources.c.body_text).where(
            sources.c.language == "en"
        )
    ).all()
    for row in english:
        if _is_russian(f"{row.title}\n{row.body_text}"):
            connection.execute(sources.update().where(sources.c.id == row.id).values(language="ru"))
    russian = connection.execute(
        sa.select(sources.c.id, sources.c.title, sources.c.body_text).where(
            sources.c.language == "ru"
        )
    ).all()
    for row in russian:
        connection.execute(
            sources.update()
            .where(sources.c.id == row.id)
            .values(search_title=_lemmatised(row.title), search_text=_lemmatised(row.body_text))
        )
        quotes = connection.execute(
            sa.select(citations.c.id, citations.c.quote).where(citations.c.source_id == row.id)
        ).all()
        for quote in quotes:
            connection.execute(
                citations.update()
                .where(citations.c.id == quote.id)
                .values(search_text=_lemmatised(quote.quote))
            )


def _language_comment(comment: str, existing: str) -> None:
    if op.get_bind().dialect.name == "postgresql":  # SQLite keeps no comments
        op.alter_column(
            "sources",
            "language",
            existing_type=sa.String(length=8),
            existing_nullable=False,
            comment=comment,
            existing_comment=existing,
        )


def upgrade() -> None:
    for table, column, comment in COLUMNS:
        op.add_column(table, sa.Column(column, sa.Text(), nullable=True, comment=comment))
    _language_comment(LANGUAGE_COMMENT, OLD_LANGUAGE_COMMENT)
    _fill_lemmas()
    _run_sql("upgrade")  # the search index made again over the filled columns


def downgrade() -> None:
    _language_comment(OLD_LANGUAGE_COMMENT, LANGUAGE_COMMENT)
    _run_sql("downgrade")  # the English-only index, which reads none of the columns
    for table, column, _ in COLUMNS:
        if op.get_bind().dialect.name == "sqlite":  # no batch rebuild: it would drop triggers
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        else:
            op.drop_column(table, column)
