"""Shared fixtures: every database test runs once on SQLite and once on PostgreSQL.

PostgreSQL is found at SILKLEDGER_TEST_POSTGRES_URL (default: the local server on 127.0.0.1:5432,
user postgres). Each test gets a database of its own, made from a template and dropped after.
Under CI (CI=true) an unreachable server fails the run; elsewhere those tests are skipped with a
message that says how to enable them.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from silkledger import migrate
from silkledger.db import make_engine
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url

ENGINES = ("sqlite", "postgresql")
PG_ADMIN_URL = os.environ.get(
    "SILKLEDGER_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
RUN_ID = uuid.uuid4().hex[:8]


def _postgres_problem() -> str | None:
    try:
        engine = create_engine(PG_ADMIN_URL)
        with engine.connect():
            pass
        engine.dispose()
    except Exception as exc:  # any failure to connect means: no PostgreSQL for these tests
        return str(exc).splitlines()[0]
    return None


POSTGRES_PROBLEM = _postgres_problem()


def pytest_sessionstart(session):
    if POSTGRES_PROBLEM and os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        raise pytest.UsageError(
            f"CI requires PostgreSQL at {PG_ADMIN_URL}, but it is unreachable: {POSTGRES_PROBLEM}"
        )


class DatabaseFactory:
    """Makes throw-away databases on one engine and drops them at the end of the test."""

    def __init__(self, engine_name: str, tmp_path: Path):
        self.engine_name = engine_name
        self.tmp_path = tmp_path
        self._made: list[URL] = []
        self._engines: list[Engine] = []

    def create(self, template: URL | None = None) -> URL:
        """A new empty database, or a copy of ``template`` (a database this factory made)."""
        name = f"silkledger_t_{RUN_ID}_{uuid.uuid4().hex[:8]}"
        if self.engine_name == "sqlite":
            path = self.tmp_path / f"{name}.db"
            if template is not None:
                shutil.copyfile(template.database, path)
            url = make_url(f"sqlite:///{path}")
        else:
            clause = f" TEMPLATE {template.database}" if template is not None else ""
            _pg_admin(f'CREATE DATABASE "{name}"{clause}')
            url = make_url(PG_ADMIN_URL).set(database=name)
            self._made.append(url)
        return url

    def engine(self, url: URL) -> Engine:
        engine = make_engine(url)
        self._engines.append(engine)
        return engine

    def cleanup(self) -> None:
        for engine in self._engines:
            engine.dispose()
        for url in self._made:
            drop_postgres_database(url.database)


def _pg_admin(statement: str) -> None:
    engine = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text(statement))
    finally:
        engine.dispose()


def drop_postgres_database(name: str) -> None:
    _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=ENGINES)
def engine_name(request) -> str:
    if request.param == "postgresql" and POSTGRES_PROBLEM:
        pytest.skip(
            f"PostgreSQL unreachable at {PG_ADMIN_URL} ({POSTGRES_PROBLEM}); start it or set "
            "SILKLEDGER_TEST_POSTGRES_URL to run the PostgreSQL half of the suite"
        )
    return request.param


@pytest.fixture
def databases(engine_name, tmp_path) -> Iterator[DatabaseFactory]:
    factory = DatabaseFactory(engine_name, tmp_path)
    yield factory
    factory.cleanup()


@pytest.fixture
def empty_url(databases) -> URL:
    """A fresh, empty database on the engine under test."""
    return databases.create()


# Templates are built once per test session and engine, then copied per test.
_templates: dict[tuple[str, str], URL] = {}


@pytest.fixture(scope="session")
def template_factory(
    tmp_path_factory,
) -> Iterator[Callable[[str, str, Callable[[URL], None]], URL]]:
    factories: dict[str, DatabaseFactory] = {}

    def template(engine_name: str, label: str, build: Callable[[URL], None]) -> URL:
        if (engine_name, label) not in _templates:
            factory = factories.setdefault(
                engine_name, DatabaseFactory(engine_name, tmp_path_factory.mktemp("templates"))
            )
            url = factory.create()
            build(url)
            _templates[(engine_name, label)] = url
        return _templates[(engine_name, label)]

    yield template
    for factory in factories.values():
        factory.cleanup()


@pytest.fixture
def migrated_url(engine_name, databases, template_factory) -> URL:
    """A fresh database with the schema at head and no rows."""
    return databases.create(template_factory(engine_name, "migrated", migrate.upgrade))


@pytest.fixture
def migrated_engine(migrated_url, databases) -> Engine:
    return databases.engine(migrated_url)


def _load_seed(url: URL) -> None:
    from silkledger.loaders.seed import load_seed

    migrate.upgrade(url)
    engine = make_engine(url)
    try:
        load_seed(engine)
    finally:
        engine.dispose()


@pytest.fixture
def seeded_url(engine_name, databases, template_factory) -> URL:
    """A fresh database at head holding the whole seed dataset from seed/."""
    return databases.create(template_factory(engine_name, "seeded", _load_seed))


@pytest.fixture
def seeded_engine(seeded_url, databases) -> Engine:
    return databases.engine(seeded_url)


@pytest.fixture
def reference_url(engine_name, databases, template_factory) -> URL:
    """A fresh database with reference data only (countries, organizations, people, sectors,
    rates): what an ingest run starts from. The template is built once per run."""
    from ingest_helpers import reference_database

    return reference_database(engine_name, databases, template_factory)


@pytest.fixture
def wide_console(monkeypatch):
    """Rich tables fit the terminal; a wide one keeps each ID and quote on one line
    (modules whose CLI output is read use it for every test: pytestmark)."""
    from silkledger import cli

    monkeypatch.setattr(cli.console, "width", 400)


@pytest.fixture(scope="session")
def extractor():
    """The extractor with the seed's reference data as its gazetteer, built once per run: it
    keeps no state between articles, so every extraction test may share it."""
    from silkledger.extract import Extractor
    from silkledger.loaders.evaluation import reference_gazetteer

    return Extractor(reference_gazetteer(Path(__file__).resolve().parent.parent / "seed"))
