"""Full-text search of the articles and the quotes (the index: silkledger.models.fulltext).

The query language is the same on both engines, PostgreSQL's ``websearch_to_tsquery``: words
(all must occur, stemmed: "earths" finds "earth"), "a quoted phrase", OR between alternatives,
and -word to exclude a word. For SQLite it is translated into FTS5 syntax, each word quoted, so
that punctuation in a query is never an FTS5 syntax error.

Russian words are found in every inflected form. PostgreSQL: the query is asked in both text
search configurations at once (``websearch_to_tsquery('english', q) ||
websearch_to_tsquery('russian', q)``; Russian sources are indexed with ``russian``), and each
snippet is cut with its source's. SQLite: the index holds Russian sources' words as lemmas
(silkledger.models.fulltext), so each Russian word of the query is replaced by its lemma too
(``lemmas.lemmatize_text``), the word as written kept as an alternative for English
texts that quote it: «соглашений» searches ``("соглашений" OR "соглашение")``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from ..errors import SilkledgerError, first_line
from ..lemmas import CYRILLIC_WORD, lemmatize_text

# Marks around the matched words in a snippet; characters no article uses.
MARK_START, MARK_END = "\u27e6", "\u27e7"
_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Hit:
    source_key: str
    title: str
    published_date: date | str | None
    snippet: str  # the matched words between MARK_START and MARK_END
    fact: str | None = None  # for a quote: "kind fact_key"


def fts5_query(query: str) -> str:
    """``websearch_to_tsquery`` syntax as an FTS5 query: words and phrases quoted, OR kept,
    -word as NOT. Raises SilkledgerError when nothing searchable is left."""
    positive: list[str] = []
    negative: list[str] = []
    for match in _TOKEN.finditer(query):
        excluded, phrase, bare = match.groups()
        if bare is not None and bare == "OR":
            if positive and positive[-1] != "OR":
                positive.append("OR")
            continue
        if bare is not None and bare.startswith("-"):
            excluded, bare = "-", bare[1:]
        words = _WORD.findall(phrase if phrase is not None else bare)
        if not words:
            continue
        (negative if excluded else positive).append(_term(words))
    while positive and positive[-1] == "OR":
        positive.pop()
    if not positive:
        raise SilkledgerError(f"nothing to search for in {query!r}: give at least one word")
    expression = _joined(positive)
    for term in negative:
        expression = f"({expression}) NOT {term}"
    return expression


def _joined(terms: list[str]) -> str:
    """Terms and ORs as one expression: AND between two terms where one is a parenthesised
    pair (a Russian word and its lemma), since FTS5 reads an implicit AND between phrases only."""
    joined = terms[:1]
    for previous, term in pairwise(terms):
        grouped = term.startswith("(") or previous.endswith(")")
        if grouped and "OR" not in (previous, term):
            joined.append("AND")
        joined.append(term)
    return " ".join(joined)


def _term(words: list[str]) -> str:
    """A word or phrase, quoted; with Russian words, also as lemmas (the index holds those)."""
    written = '"' + " ".join(words) + '"'
    if not any(CYRILLIC_WORD.search(word) for word in words):
        return written
    lemmas = '"' + " ".join(lemmatize_text(word) for word in words) + '"'
    return written if lemmas == written.lower() else f"({written} OR {lemmas})"


SQLITE_SOURCES = f"""
SELECT s.key AS source_key, s.title, s.published_date,
       snippet(sources_fts, -1, '{MARK_START}', '{MARK_END}', '…', 24) AS snippet
FROM sources_fts JOIN sources s ON s.id = sources_fts.rowid
WHERE sources_fts MATCH :query
ORDER BY bm25(sources_fts, 10.0, 1.0), s.key
LIMIT :limit"""

SQLITE_QUOTES = f"""
SELECT s.key AS source_key, s.title, s.published_date,
       snippet(citations_fts, 0, '{MARK_START}', '{MARK_END}', '…', 24) AS snippet,
       f.fact_kind || ' ' || f.fact_key AS fact
FROM citations_fts
JOIN citations c ON c.id = citations_fts.rowid
JOIN sources s ON s.id = c.source_id
LEFT JOIN source_facts_all f ON f.citation_id = c.id
WHERE citations_fts MATCH :query
ORDER BY bm25(citations_fts), s.key, c.id
LIMIT :limit"""

HEADLINE = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=35, MinWords=15, MaxFragments=2"
# Both configurations at once: English sources are indexed with english, Russian with russian.
BOTH = "websearch_to_tsquery('english', :query) || websearch_to_tsquery('russian', :query)"
SOURCE_CONFIG = "CASE WHEN s.language = 'ru' THEN 'russian' ELSE 'english' END::regconfig"
QUOTE_CONFIG = "CASE WHEN c.search_text IS NULL THEN 'english' ELSE 'russian' END::regconfig"

POSTGRESQL_SOURCES = f"""
SELECT s.key AS source_key, s.title, s.published_date,
       ts_headline({SOURCE_CONFIG}, s.body_text, q, '{HEADLINE}') AS snippet
FROM sources s CROSS JOIN (SELECT {BOTH} AS q) AS asked
WHERE s.search_vector @@ q
ORDER BY ts_rank(s.search_vector, q) DESC, s.key
LIMIT :limit"""

POSTGRESQL_QUOTES = f"""
SELECT s.key AS source_key, s.title, s.published_date,
       ts_headline({QUOTE_CONFIG}, c.quote, q, '{HEADLINE}') AS snippet,
       f.fact_kind || ' ' || f.fact_key AS fact
FROM citations c
CROSS JOIN (SELECT {BOTH} AS q) AS asked
JOIN sources s ON s.id = c.source_id
LEFT JOIN source_facts_all f ON f.citation_id = c.id
WHERE c.search_vector @@ q
ORDER BY ts_rank(c.search_vector, q) DESC, s.key, c.id
LIMIT :limit"""


def search(engine: Engine, query: str, limit: int = 20, quotes: bool = False) -> list[Hit]:
    """The sources (or, with ``quotes``, the citations) matching ``query``, best first."""
    translated = fts5_query(query)  # also refuses, on both engines, a query without a word
    if engine.dialect.name == "sqlite":
        sql, query = (SQLITE_QUOTES if quotes else SQLITE_SOURCES), translated
    else:
        sql = POSTGRESQL_QUOTES if quotes else POSTGRESQL_SOURCES
    try:
        with engine.connect() as connection:
            found = connection.execute(text(sql), {"query": query, "limit": limit}).all()
    except DBAPIError as exc:
        raise SilkledgerError(f"search failed: {first_line(exc)}") from None
    return [
        Hit(row.source_key, row.title, row.published_date, row.snippet, getattr(row, "fact", None))
        for row in found
    ]
