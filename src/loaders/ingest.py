"""Loading articles: one transaction per article, duplicates, mentions and extracted facts.

For each article (read by ``articles.py``) the loader:

1. skips it as *already loaded* when a source with the same ``content_sha256`` (SHA-256 of the
   normalised text) exists, seed articles included;
2. looks for a *near-duplicate* among the stored sources (see ``NearDuplicateIndex``);
3. finds the mentions (``Gazetteer.mentions``) and the facts (``Extractor.extract``), outside any
   transaction, so that transactions stay short;
4. writes, in one transaction whose first statement is the source's INSERT, the source, its
   mentions and its facts (review_status ``extracted``, loaded_by ``article``) with their
   citations. A unique-key violation on the source means another run loaded the same text in the
   meantime: the article is reported as already loaded. Any other failure rolls the article back
   whole and the run goes on.

Each extracted fact is validated with the seed record model of its kind before it is written; a
fact that fails (or whose quote is not ``body_text[char_start:char_end]``) is skipped and named
in the summary. A project fact whose ``key_hint`` names a known project becomes a citation of that
project instead of a second row. Extracted fact keys are ``<source key>.<kind>-<char_start>-<n>``
(underscores as hyphens): the same sentence gives the same key when extraction is run again,
which is how ``reindex`` keeps reviewed facts.

The gazetteer, the extractor and the id caches are built once per run (per worker process with
``--workers``, where the workers read and extract and one process writes). Each transaction
writes its rows with INSERTs compiled once per run and run on the driver's cursor
(``inserts.py``): SQLAlchemy's per-statement work cost as much CPU as the extraction. On
PostgreSQL each table's rows go in one multi-row INSERT, pipelined: the summaries' statement
triggers run once per table and article, and an article costs a few round trips, not dozens.
The run writes on one connection of its own, kept from one article to the next.

Durability: a commit per article would cost a disk flush per article (10 ms or more here), so the
loader commits without waiting for it: SQLite connections run with ``synchronous = NORMAL`` (WAL
mode; SQLite's advice for WAL) and PostgreSQL transactions with ``synchronous_commit = off``.
A committed article survives a crash or kill -9 of the loader; a power failure or an operating
system crash may lose the last articles committed (never corrupting the database, never half an
article). Since loading is idempotent, running the same ingest again restores them.
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from rapidfuzz import fuzz
from sqlalchemy import Connection, Engine, delete, event, select, update
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from ..db import for_writing, session_scope
from ..errors import first_line
from ..extract import EXTRACTOR_NAME, EXTRACTOR_VERSION, ExtractedFact, Extractor, Gazetteer
from ..models import Citation, Mention, ProposedName, ReviewAction, Source
from ..models.provenance import CITED_FACT_COLUMNS
from .articles import (
    DEFAULT_MAX_BYTES,
    Article,
    ArticleError,
    ArticleInput,
    Metadata,
    Skipped,
    read_article,
)
from .facts import KINDS, FactError, FactKind, References, child_rows, fact_columns, validate
from .inserts import Inserts
from .language import index_text
from .mentions import mention_rows
from .proposals import name_rows
from .seed import require_schema

ARTICLE = "article"
LINKED_NOTE = "linked by the extractor to a known project"
LOCK_RETRIES = 20
WAL_CHECKPOINT_PAGES = 10_000
# PostgreSQL: the run ANALYZEs the database after this many articles, then after twice as
# many, and so on (see ArticleLoader._count_written).
FIRST_ANALYZE_AFTER = 100
LOADER_PRAGMAS = "silkledger_loader_pragmas"  # set in a pooled connection's info once applied


# ------------------------------------------------------------------------ near-duplicates


class NearDuplicateIndex:
    """Finds the stored source an article republishes with small edits.

    Similarity: rapidfuzz's ``fuzz.ratio`` of the two texts' words (lower-cased, joined by one
    space) divided by 100, i.e. 1 - Indel distance / (length of both): 1 for the same words in the
    same order. An article is a near-duplicate of the most similar stored source at or above
    ``THRESHOLD``. Comparing with every source would grow with the database, so candidates come
    from an in-memory index of sampled word 5-gram shingles (one in ``SAMPLE``): only sources
    that share at least half of the sampled shingles are compared, and a shingle held by more
    than ``COMMON`` sources (boilerplate) is ignored. The index is built once per run from the
    database and grows with each article loaded; two runs at once do not see each other's
    articles, so a near-duplicate loaded concurrently may stay unlinked.
    """

    THRESHOLD = 0.85
    SHINGLE = 5
    SAMPLE = 8
    COMMON = 50
    MIN_SHARED = 0.5

    def __init__(self):
        self.postings: dict[int, list[int]] = defaultdict(list)
        self.sizes: dict[int, int] = {}

    @classmethod
    def from_session(cls, session: Session) -> NearDuplicateIndex:
        index = cls()
        rows = session.execute(select(Source.id, Source.body_text)).yield_per(500)
        for source_id, body in rows:
            index.add(source_id, index.fingerprints(words(body)))
        return index

    def fingerprints(self, tokens: list[str]) -> set[int]:
        size = self.SHINGLE
        hashes = (hash(tuple(tokens[i : i + size])) for i in range(len(tokens) - size + 1))
        return {value for value in hashes if value % self.SAMPLE == 0}

    def add(self, source_id: int, prints: set[int]) -> None:
        self.sizes[source_id] = len(prints)
        for value in prints:
            self.postings[value].append(source_id)

    def candidates(self, prints: set[int]) -> list[int]:
        shared: Counter[int] = Counter()
        for value in prints:
            holders = self.postings.get(value, ())
            if len(holders) <= self.COMMON:
                shared.update(holders)
        return [
            source_id
            for source_id, count in shared.most_common(5)
            if count >= self.MIN_SHARED * min(len(prints), self.sizes[source_id])
        ]

    def best_match(
        self, session_factory: Callable[[], Any], tokens: list[str], prints: set[int]
    ) -> tuple[int, float] | None:
        candidate_ids = self.candidates(prints)
        if not candidate_ids:
            return None
        with session_factory() as session:
            texts = session.execute(
                select(Source.id, Source.body_text).where(Source.id.in_(candidate_ids))
            ).all()
        joined = " ".join(tokens)
        scored = [
            (source_id, fuzz.ratio(joined, " ".join(words(text))) / 100)
            for source_id, text in texts
        ]
        best = max(scored, key=lambda pair: pair[1], default=None)
        return best if best and best[1] >= self.THRESHOLD else None


WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


# ---------------------------------------------------------------------------------- report


@dataclass
class Outcome:
    """What happened to one input."""

    name: str
    status: str  # loaded, already_loaded, failed, skipped (not a file to read: articles.Skipped)
    source_key: str | None = None
    reason: str | None = None
    near_duplicate_of: str | None = None
    similarity: float | None = None
    facts: dict[str, int] = field(default_factory=dict)
    linked: int = 0
    skipped_facts: list[str] = field(default_factory=list)
    mentions: int = 0
    undated: bool = False
    seconds: float = 0.0  # wall time to read, check, extract and write it

    @classmethod
    def of_problem(cls, problem: ArticleError) -> Outcome:
        """A path that gave no input: skipped (a folder's named pipe, broken link ...) or failed."""
        status = "skipped" if isinstance(problem, Skipped) else "failed"
        return cls(problem.name, status, reason=problem.reason)


@dataclass
class IngestReport:
    outcomes: list[Outcome] = field(default_factory=list)

    def of(self, status: str) -> list[Outcome]:
        return [outcome for outcome in self.outcomes if outcome.status == status]

    @property
    def failed(self) -> list[Outcome]:
        return self.of("failed")

    @property
    def near_duplicates(self) -> list[Outcome]:
        return [o for o in self.of("loaded") if o.near_duplicate_of]

    @property
    def undated(self) -> list[Outcome]:
        return [o for o in self.of("loaded") if o.undated]

    def facts_per_kind(self) -> dict[str, int]:
        total: Counter[str] = Counter({kind: 0 for kind in KINDS})
        for outcome in self.outcomes:
            total.update(outcome.facts)
        return dict(total)

    def as_json(self) -> dict[str, Any]:
        return {
            "loaded": len(self.of("loaded")),
            "already_loaded": len(self.of("already_loaded")),
            "near_duplicates": len(self.near_duplicates),
            "failed": len(self.failed),
            "skipped": [{"name": o.name, "reason": o.reason} for o in self.of("skipped")],
            "facts_per_kind": self.facts_per_kind(),
            "undated": [o.name for o in self.undated],
            "articles": [asdict(outcome) for outcome in self.outcomes],
        }


# ---------------------------------------------------------------------------------- loader


@dataclass
class PreparedFact:
    """A validated fact as the rows to write. It keeps no record model: unpickling the pydantic
    records cost the writing process more CPU than the rest of what a worker hands it."""

    kind: FactKind
    key: str
    columns: dict[str, Any]
    note: str | None
    fact: ExtractedFact
    # link rows (participants, parties, sectors ...): the fact's own id is filled in when written
    children: list[tuple[type, dict[str, Any]]] = field(default_factory=list)
    link_to: int | None = None  # a known project's id: cite it instead of a new row
    search_text: str | None = None  # the quote's lemmas (Russian): citations.search_text


@dataclass
class PreparedArticle:
    """An article read, with its mentions and validated facts: all that writing it needs (it
    crosses from a worker process to the writing process)."""

    article: Article
    mentions: list
    facts: list[PreparedFact]
    outcome: Outcome  # so far: the facts skipped as invalid


class ArticlePreparer:
    """Reads an input and extracts and validates its facts, outside any transaction: the
    gazetteer, the extractor and the id caches, built once (in each worker process)."""

    def __init__(self, engine: Engine):
        require_schema(engine)
        self.engine = engine
        with session_scope(engine) as session:
            self._read_caches(session)
        self.extractor = Extractor(self.gazetteer)

    def _read_caches(self, session: Session) -> None:
        self.gazetteer = Gazetteer.from_connection(session)
        self.refs = References(session)
        self.known_hashes = dict(
            session.execute(select(Source.content_sha256, Source.key)).tuples().all()
        )

    def read_and_prepare(
        self, source: ArticleInput, metadata: Metadata, max_bytes: int
    ) -> PreparedArticle | Outcome:
        """The article ready to write, or its final outcome (unreadable, already loaded ...)."""
        try:
            article = read_article(source, metadata, max_bytes)
        except ArticleError as exc:
            return Outcome(source.name, "failed", reason=exc.reason)
        except Exception as exc:  # a reader's bug fails this input only, never the run
            return Outcome(source.name, "failed", reason=f"cannot read: {first_line(exc)}")
        return self.prepare_article(article)

    def prepare_article(self, article: Article) -> PreparedArticle | Outcome:
        outcome = Outcome(article.name, "loaded", source_key=article.key)
        if article.sha256 in self.known_hashes:
            outcome.status, outcome.source_key = "already_loaded", self.known_hashes[article.sha256]
            return outcome
        try:
            mentions = self.gazetteer.mentions(article.body_text)
            published = article.published.value if article.published else None
            prepared = self.prepare(article, published, outcome)
            article = with_index_text(article)
        except Exception as exc:  # an extractor bug fails this article only, with its reason
            return self._failed(outcome, f"extraction failed: {first_line(exc)}")
        return PreparedArticle(article, mentions, prepared, outcome)

    @staticmethod
    def _failed(outcome: Outcome, reason: str) -> Outcome:
        outcome.status, outcome.reason = "failed", reason
        outcome.facts, outcome.skipped_facts = {}, []
        return outcome

    def extract(self, text: str, published: date | None, language: str) -> list[ExtractedFact]:
        """The extractor on one text (the one place it is called). It reads English and Russian
        alike (its Russian words are data of their own), so the language only goes to the
        full-text index."""
        return self.extractor.extract(text, published=published)

    # ---------------------------------------------------------------- facts

    def prepare(
        self,
        article: Article | Any,
        published: date | None,
        outcome: Outcome,
        skip_keys: set[str] = frozenset(),
    ) -> list[PreparedFact]:
        """Validate every extracted fact; the invalid ones are named in ``outcome``."""
        text, source_key, language = article.body_text, article.key, article.language
        prefix = source_key.replace("_", "-")
        seen: Counter[tuple[str, int]] = Counter()
        prepared = []
        for fact in self.extract(text, published, language):
            kind = KINDS.get(fact.kind)
            if kind is None:
                outcome.skipped_facts.append(f"unknown fact kind {fact.kind!r}")
                continue
            seen[(kind.name, fact.char_start)] += 1
            key = f"{prefix}.{kind.key_part}-{fact.char_start}-{seen[(kind.name, fact.char_start)]}"
            if key in skip_keys:
                continue
            try:
                item = self.prepare_fact(kind, key, fact, text, source_key, published)
                item.search_text = index_text(fact.quote, language)
                prepared.append(item)
            except (ValidationError, FactError, ValueError) as exc:
                outcome.skipped_facts.append(f"{key}: {_validation_reason(exc)}")
        return prepared

    def prepare_fact(
        self,
        kind: FactKind,
        key: str,
        fact: ExtractedFact,
        text: str,
        source_key: str,
        published: date | None = None,
    ) -> PreparedFact:
        if text[fact.char_start : fact.char_end] != fact.quote:
            raise FactError("quote is not body_text[char_start:char_end]")
        fields = dict(fact.fields)
        hint = fields.pop("key_hint", None)
        if fact.note and not fields.get("note"):
            fields["note"] = fact.note
        citation = {"source": source_key, "quote": fact.quote, "stated_value": fact.stated_value}
        record = validate(kind, key, fields, citation)
        self.refs.check(record)
        link_to = self.refs.ids["project"].get(hint) if kind.name == "project" and hint else None
        if link_to:
            return PreparedFact(kind, key, {}, record.note, fact, link_to=link_to)
        columns = fact_columns(kind, record, self.refs, published)
        children = list(child_rows(kind, record, None, self.refs))
        return PreparedFact(kind, key, columns, record.note, fact, children)


class ArticleLoader(ArticlePreparer):
    """One run: an ``ArticlePreparer`` that also writes, with the duplicate indexes."""

    def __init__(self, engine: Engine, actor: str | None = None):
        if engine.dialect.name == "sqlite" and not event.contains(
            engine, "checkout", _sqlite_loader_pragmas
        ):
            event.listen(engine, "checkout", _sqlite_loader_pragmas)
        super().__init__(engine)
        self._sessions = sessionmaker(for_writing(engine))
        self._writer = for_writing(engine)
        self._connection: Connection | None = None
        self._written, self._analyze_at = 0, FIRST_ANALYZE_AFTER
        self.inserts = Inserts(engine.dialect)

    def __enter__(self) -> ArticleLoader:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def close(self) -> None:
        """Give the writing connection back to the pool (and, on SQLite, fold the run's
        write-ahead log into the database file: see ``_sqlite_loader_pragmas``)."""
        if self._connection is None:
            return
        if self.engine.dialect.name == "sqlite" and not self._connection.invalidated:
            # on the driver's connection: outside a transaction (SQLAlchemy would begin one)
            self._connection.connection.driver_connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
        self._connection.close()
        self._connection = None

    def _read_caches(self, session: Session) -> None:
        super()._read_caches(session)
        self.near = NearDuplicateIndex.from_session(session)

    # ---------------------------------------------------------------- one input

    def load(self, source: ArticleInput, metadata: Metadata, max_bytes: int) -> Outcome:
        started = time.perf_counter()
        outcome = self.store(self.read_and_prepare(source, metadata, max_bytes))
        outcome.seconds = time.perf_counter() - started
        return outcome

    def load_article(self, article: Article) -> Outcome:
        return self.store(self.prepare_article(article))

    def store(
        self,
        step: PreparedArticle | Outcome,
        also_write: Callable[[Connection, int], None] | None = None,
    ) -> Outcome:
        """Write a prepared article in its own transaction (after the near-duplicate check);
        an outcome passes through. ``also_write(connection, source_id)`` writes more rows in the
        same transaction (the fetcher's page record), so they are committed with the source or
        not at all."""
        if isinstance(step, Outcome):
            return step
        article, mentions, prepared, outcome = step.article, step.mentions, step.facts, step.outcome
        if article.sha256 in self.known_hashes:  # loaded earlier in this run (another worker's)
            outcome.status, outcome.source_key = "already_loaded", self.known_hashes[article.sha256]
            outcome.skipped_facts = []
            return outcome
        tokens = words(article.body_text)
        prints = self.near.fingerprints(tokens)
        try:
            match = self.near.best_match(self._session, tokens, prints)
        except Exception as exc:
            return self._failed(outcome, f"extraction failed: {first_line(exc)}")
        try:
            source_id = self._write_with_retries(article, match, mentions, prepared, also_write)
        except IntegrityError as exc:
            return self._duplicate_or_failed(outcome, article, exc)
        except SQLAlchemyError as exc:
            return self._failed(outcome, f"not written, rolled back: {first_line(exc)}")
        self.known_hashes[article.sha256] = article.key
        self._count_written()
        self.near.add(source_id, prints)
        if match:
            outcome.near_duplicate_of = self.refs_source_key(match[0])
            outcome.similarity = round(match[1], 3)
        outcome.mentions = len(mentions)
        outcome.undated = article.published is None
        for item in prepared:
            if item.link_to is None:
                outcome.facts[item.kind.name] = outcome.facts.get(item.kind.name, 0) + 1
            else:
                outcome.linked += 1
        return outcome

    def _session(self) -> Session:
        return Session(self.engine)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """``db.session_scope`` (BEGIN IMMEDIATE on SQLite) with one sessionmaker for the whole
        run (``reindex``): making a sessionmaker (a new Session class, with its event hooks)
        per source cost more CPU than the source's INSERTs."""
        with self._sessions() as session, session.begin():
            yield session

    def _count_written(self) -> None:
        """On PostgreSQL, ANALYZE (every table: those the run writes and the summaries their
        triggers fill) each time the run has doubled the articles written. PostgreSQL plans the summary triggers' statements once per connection
        and plans them again only after an ANALYZE; where autovacuum is off (as on the machine
        the benchmark ran on), plans made while the tables were empty kept reading them whole,
        and each article took longer than the one before (72 ms against 27 ms by the 10,000th).
        ANALYZE reads a sample of at most 30,000 rows a table, so the whole run pays for a
        dozen of them at most."""
        self._written += 1
        if self._written < self._analyze_at or self.engine.dialect.name != "postgresql":
            return
        self._analyze_at *= 2
        with self._connection.begin():
            self._connection.exec_driver_sql("ANALYZE")

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """One article's transaction (BEGIN IMMEDIATE on SQLite), committed when the block
        ends, rolled back if it raises. The INSERTs need no ORM Session. The connection is the
        run's own, kept between articles: taking one from the pool per article cost a
        round trip on PostgreSQL (the pool's pre-ping) for every article."""
        if self._connection is None or self._connection.closed:
            self._connection = self._writer.connect()
        with self._connection.begin():
            yield self._connection

    def _duplicate_or_failed(self, outcome: Outcome, article: Article, exc: Exception) -> Outcome:
        with self._session() as session:
            key = session.scalar(select(Source.key).where(Source.content_sha256 == article.sha256))
        if key is None:
            return self._failed(outcome, f"not written, rolled back: {first_line(exc)}")
        self.known_hashes[article.sha256] = key
        outcome.status, outcome.source_key, outcome.facts = "already_loaded", key, {}
        outcome.skipped_facts = []
        return outcome

    def refs_source_key(self, source_id: int) -> str | None:
        with self._session() as session:
            return session.scalar(select(Source.key).where(Source.id == source_id))

    # ---------------------------------------------------------------- writing

    def _write_with_retries(self, article, match, mentions, prepared, also_write=None) -> int:
        for attempt in range(LOCK_RETRIES):
            try:
                with self.writing() as connection:
                    source_id = self.write(connection, article, match, mentions, prepared)
                    if also_write is not None:
                        also_write(connection, source_id)
                    return source_id
            except OperationalError as exc:
                if "locked" not in str(exc) or attempt == LOCK_RETRIES - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    def write(self, connection: Connection, article: Article, match, mentions, prepared) -> int:
        published = article.published
        values = dict(
            key=article.key,
            title=article.title[:2000],
            author=article.author,
            publisher=article.publisher,
            url=article.url,
            published_date=published.value if published else None,
            published_date_precision=published.precision if published else None,
            language=article.language,
            body_text=article.body_text,
            search_title=article.search_title,
            search_text=article.search_text,
            content_sha256=article.sha256,
            file_name=article.name[:500],
            load_method=article.load_method,
            loaded_by=ARTICLE,
            near_duplicate_of_source_id=match[0] if match else None,
            near_duplicate_similarity=round(match[1], 4) if match else None,
            note=article.note,
        )
        # the first statement of the transaction is this INSERT (see the module docstring)
        source_id = self.inserts.one_returning_id(connection, Source.__table__, values)
        with self.inserts.pipeline(connection):
            if connection.dialect.name == "postgresql":
                connection.connection.driver_connection.execute(
                    "SET LOCAL synchronous_commit = off"
                )
            self.write_mentions(connection, source_id, mentions)
            self.write_facts(connection, source_id, prepared)
        return source_id

    def write_mentions(self, connection: Connection, source_id: int, mentions: Iterable) -> None:
        rows = mention_rows(source_id, mentions, self.refs.ids)
        self.inserts.many(connection, Mention.__table__, rows)

    def write_facts(
        self,
        connection: Connection,
        source_id: int,
        prepared: list[PreparedFact],
        skip_names: set[str] = frozenset(),
    ) -> None:
        """Facts, then their citations and link rows (``Inserts``: one INSERT per row on
        SQLite, one multi-row INSERT per table on PostgreSQL)."""
        new = [item for item in prepared if item.link_to is None]
        by_kind: dict[str, list[PreparedFact]] = defaultdict(list)
        for item in new:
            by_kind[item.kind.name].append(item)
        rows = {
            items[0].kind.model.__table__: [self.fact_row(item) for item in items]
            for items in by_kind.values()
        }
        row_ids = self.inserts.tables_returning_ids(connection, rows)
        ids: dict[int, int] = {}  # id(item) -> the fact's row id
        for items in by_kind.values():
            table_ids = row_ids[items[0].kind.model.__table__]
            ids.update((id(item), row_id) for item, row_id in zip(items, table_ids, strict=True))
        children: dict[type, list[dict]] = defaultdict(list)
        for item in new:
            for model, columns in item.children:
                children[model].append({**columns, item.kind.citation_column: ids[id(item)]})
        for model, rows in children.items():
            self.inserts.many(connection, model.__table__, rows)
        citations = [self.citation(source_id, item, ids[id(item)]) for item in new]
        citations += [
            self.citation(source_id, item, item.link_to, note=LINKED_NOTE)
            for item in prepared
            if item.link_to is not None
        ]
        self.inserts.many(connection, Citation.__table__, citations)
        names = [
            row
            for item in prepared
            for row in name_rows(source_id, item, item.link_to or ids[id(item)], self.refs)
            if row["key"] not in skip_names
        ]
        self.inserts.many(connection, ProposedName.__table__, names)
        for item in new:
            if item.kind.name in ("project", "event", "agreement"):
                self.refs.remember(item.kind.name, item.key, ids[id(item)])

    @staticmethod
    def fact_row(item: PreparedFact) -> dict[str, Any]:
        return dict(
            key=item.key,
            review_status="extracted",
            loaded_by=ARTICLE,
            note=item.note,
            confidence=item.fact.confidence,
            extractor_name=EXTRACTOR_NAME,
            extractor_version=EXTRACTOR_VERSION,
            **item.columns,
        )

    @staticmethod
    def citation(source_id: int, item: PreparedFact, fact_row_id: int, note=None) -> dict:
        return {
            **dict.fromkeys(CITED_FACT_COLUMNS),  # one column set: one INSERT
            "source_id": source_id,
            item.kind.citation_column: fact_row_id,
            "quote": item.fact.quote,
            "char_start": item.fact.char_start,
            "char_end": item.fact.char_end,
            "stated_value": item.fact.stated_value,
            "search_text": item.search_text,
            "note": note,
        }

    # ---------------------------------------------------------------- reindex

    def reindex(self, progress: Callable[[Outcome], None] | None = None) -> IngestReport:
        """Recompute every source's mentions; re-run extraction on article sources, replacing
        their pending facts and keeping every reviewed (or merged) one. One transaction each."""
        report = IngestReport()
        with self._session() as session:
            sources = session.execute(select(Source.id, Source.key).order_by(Source.id)).all()
        for source_id, key in sources:
            outcome = self.reindex_source(source_id, key)
            report.outcomes.append(outcome)
            if progress:
                progress(outcome)
        return report

    def _forget_projects(self, keys: list[str]) -> dict[str, int]:
        """Drop ``keys`` from the known projects; returns what was dropped (key -> id)."""
        known_ids, known_keys = self.refs.ids["project"], self.refs.keys["project"]
        dropped = {key: known_ids.pop(key) for key in keys if key in known_ids}
        for project_id in dropped.values():
            known_keys.pop(project_id, None)
        return dropped

    def reindex_source(self, source_id: int, key: str) -> Outcome:
        with self._session() as session:
            source = session.get(Source, source_id)
            outcome = Outcome(source.file_name or key, "loaded", source_key=key)
            mentions = self.gazetteer.mentions(source.body_text)
            lemmas = {
                "search_title": index_text(source.title, source.language),
                "search_text": index_text(source.body_text, source.language),
            }
            stale = lemmas != {
                "search_title": source.search_title,
                "search_text": source.search_text,
            }
            prepared: list[PreparedFact] = []
            reviewed_names: set[str] = set()
            # Its own pending projects are deleted below: nothing may link to them or mention
            # them (a project this article proposed is proposed again, as a new row).
            hidden = self._forget_projects(pending_project_keys(session, source_id))
            if source.loaded_by == ARTICLE:
                kept = reviewed_keys(session, source_id, key.replace("_", "-"))
                prepared = self.prepare(source, source.published_date, outcome, kept)
                reviewed_names = reviewed_name_keys(session, source_id)
            session.expunge(source)
        mentions = [m for m in mentions if not (m.kind == "project" and m.key in hidden)]
        try:
            with self.transaction() as session:
                session.execute(delete(Mention).where(Mention.source_id == source_id))
                if stale:  # its language changed, or the lemmas did: the index follows
                    session.execute(update(Source).where(Source.id == source_id).values(lemmas))
                if source.loaded_by == ARTICLE:
                    delete_pending_facts(session, source_id)
                self.write_mentions(session.connection(), source_id, mentions)
                self.write_facts(session.connection(), source_id, prepared, reviewed_names)
        except SQLAlchemyError as exc:
            for project_key, project_id in hidden.items():  # rolled back: they are still there
                self.refs.remember("project", project_key, project_id)
            return self._failed(outcome, f"not reindexed, rolled back: {first_line(exc)}")
        outcome.mentions = len(mentions)
        for item in prepared:
            outcome.facts[item.kind.name] = outcome.facts.get(item.kind.name, 0) + 1
        return outcome


def _sqlite_loader_pragmas(dbapi_connection, record, _proxy) -> None:
    """See "Durability" in the module docstring; a 64 MB page cache instead of SQLite's 2 MB,
    so that the unique indexes a growing database checks on every INSERT stay in memory; and a
    write-ahead log folded into the database every 10,000 pages (40 MB) rather than every 1,000:
    each article rewrites the same index and full-text pages, and a checkpoint copies a page
    once however often it changed since the last one (measured: 2 ms less per article). The
    loader checkpoints once more when it closes. Set at the first checkout of each connection
    (they last as long as it): connections the engine opened before the loader was built get
    them too."""
    if record.info.get(LOADER_PRAGMAS):
        return
    record.info[LOADER_PRAGMAS] = True
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA cache_size = -65536")
    cursor.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}")
    cursor.close()


@cache
def with_index_text(article: Article) -> Article:
    """``article`` with the lemmatised title and text the full-text index holds (Russian)."""
    search_title = index_text(article.title, article.language)
    search_text = index_text(article.body_text, article.language)
    if search_title is None and search_text is None:
        return article
    return replace(article, search_title=search_title, search_text=search_text)


def _validation_reason(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"])
        return f"{where}: {error['msg']}" if where else error["msg"]
    return first_line(exc)


def cited_facts(session: Session, source_id: int) -> list[tuple[FactKind, Any]]:
    """Every fact row that a citation of this source points at."""
    found = []
    for kind in KINDS.values():
        column = getattr(Citation, kind.citation_column)
        statement = (
            select(kind.model)
            .join(Citation, column == kind.model.id)
            .where(Citation.source_id == source_id)
        )
        found += [(kind, row) for row in session.scalars(statement).unique()]
    return found


def reviewed_keys(session: Session, source_id: int, prefix: str) -> set[str]:
    """Keys extraction must not write again: this source's reviewed facts and merged ones."""
    kept = {
        row.key for _, row in cited_facts(session, source_id) if row.review_status != "extracted"
    }
    merged = session.scalars(
        select(ReviewAction.fact_key).where(
            ReviewAction.action == "merge", ReviewAction.fact_key.startswith(f"{prefix}.")
        )
    )
    return kept | set(merged)


def reviewed_name_keys(session: Session, source_id: int) -> set[str]:
    """Keys of this source's proposed names already accepted or rejected: never proposed again."""
    return set(
        session.scalars(
            select(ProposedName.key).where(
                ProposedName.source_id == source_id, ProposedName.status != "proposed"
            )
        )
    )


def pending_project_keys(session: Session, source_id: int) -> list[str]:
    """The projects that only this article's extraction made and no one has reviewed yet."""
    return [
        row.key
        for kind, row in cited_facts(session, source_id)
        if kind.name == "project" and row.review_status == "extracted" and row.loaded_by == ARTICLE
    ]


def delete_pending_facts(session: Session, source_id: int) -> None:
    """This source's facts and proposed names still waiting for review, and its citations
    linked to projects."""
    session.execute(
        delete(ProposedName).where(
            ProposedName.source_id == source_id, ProposedName.status == "proposed"
        )
    )
    for _kind, row in cited_facts(session, source_id):
        if row.review_status == "extracted" and row.loaded_by == ARTICLE:
            session.delete(row)
    session.execute(
        delete(Citation).where(Citation.source_id == source_id, Citation.note == LINKED_NOTE)
    )
    session.flush()


# ----------------------------------------------------------------------------- entry points


def ingest(
    engine: Engine,
    inputs: Iterable[ArticleInput],
    metadata: Metadata | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[Outcome], None] | None = None,
    workers: int = 1,
) -> IngestReport:
    """Load every input, one transaction each; failures are reported, never raised.

    With ``workers`` > 1, files are read, extracted and validated by that many worker processes
    (gazetteer and extractor built once in each), in chunks, and this process writes them, in
    input order, each in its own transaction: one writer, so that on SQLite no process waits
    for another's write lock, and the near-duplicate check sees every article of the run.
    Standard input is loaded here afterwards.
    """
    inputs = list(inputs)
    metadata = metadata or Metadata()
    files = [source for source in inputs if source.path is not None] if workers > 1 else []
    report = IngestReport()
    if files:
        for outcome in _parallel(engine, files, metadata, max_bytes, workers):
            report.outcomes.append(outcome)
            if progress:
                progress(outcome)
    rest = [source for source in inputs if source.path is None] if files else inputs
    if rest:
        with ArticleLoader(engine) as loader:
            for source in rest:
                outcome = loader.load(source, metadata, max_bytes)
                report.outcomes.append(outcome)
                if progress:
                    progress(outcome)
    return report


CHUNK = 20  # files per task handed to a worker process
# Chunks handed out ahead of the writer, per worker: enough to keep the workers busy while the
# writer works, few enough that prepared articles do not pile up in memory when it lags.
CHUNKS_AHEAD = 3
_worker_preparer: ArticlePreparer | None = None


def _parallel(
    engine: Engine, files: list[ArticleInput], metadata: Metadata, max_bytes: int, workers: int
) -> Iterator[Outcome]:
    import multiprocessing

    url = engine.url.render_as_string(hide_password=False)
    engine.dispose()  # forked workers must not share this process's open connections
    chunks = (
        ([(source.name, str(source.path)) for source in files[i : i + CHUNK]], metadata, max_bytes)
        for i in range(0, len(files), CHUNK)
    )
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    with (
        context.Pool(workers, initializer=_start_worker, initargs=(url,)) as pool,
        ArticleLoader(engine) as writer,  # built after the fork: its caches stay in this process
    ):
        for prepared in _in_order(pool, chunks, workers * CHUNKS_AHEAD):
            for step, seconds in prepared:
                started = time.perf_counter()
                outcome = writer.store(step)
                outcome.seconds = seconds + time.perf_counter() - started
                yield outcome


def _in_order(pool, tasks: Iterator, ahead: int) -> Iterator[list]:
    """``pool.imap(_prepare_chunk, tasks)`` with at most ``ahead`` tasks handed out at once."""
    pending: deque = deque()
    for task in tasks:
        pending.append(pool.apply_async(_prepare_chunk, (task,)))
        if len(pending) >= ahead:
            yield pending.popleft().get()
    while pending:
        yield pending.popleft().get()


def _start_worker(url: str) -> None:
    """Each worker process: its own preparer, built once; it never writes."""
    from ..db import make_engine

    global _worker_preparer
    engine = make_engine(url)
    _worker_preparer = ArticlePreparer(engine)
    engine.dispose()


def _prepare_chunk(task) -> list[tuple[PreparedArticle | Outcome, float]]:
    """Each file of the chunk, prepared, with the seconds that took."""
    files, metadata, max_bytes = task
    prepared = []
    for name, path in files:
        started = time.perf_counter()
        step = _worker_preparer.read_and_prepare(
            ArticleInput(name, Path(path)), metadata, max_bytes
        )
        prepared.append((step, time.perf_counter() - started))
    return prepared
