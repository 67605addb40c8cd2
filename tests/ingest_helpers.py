"""Helpers for the ingest and review tests: a database with reference data only, article files
written by the test, and a stand-in extractor that returns facts the test builds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from silkledger import migrate
from silkledger.db import make_engine
from silkledger.extract import ExtractedFact
from silkledger.loaders.articles import collect_inputs
from silkledger.loaders.ingest import ArticleLoader, IngestReport, Outcome
from silkledger.loaders.reference import load_reference_data
from silkledger.loaders.seed import DEFAULT_SEED_DIR
from sqlalchemy import Engine
from sqlalchemy.engine import URL

SEED_ARTICLES = DEFAULT_SEED_DIR / "articles"


def build_reference_database(url: URL) -> None:
    """Migrate and load the seed's reference data (no articles, no facts)."""
    migrate.upgrade(url)
    engine = make_engine(url)
    try:
        load_reference_data(engine)
    finally:
        engine.dispose()


def reference_database(engine_name, databases, template_factory) -> URL:
    """A fresh database with reference data only (made from a template built once per run);
    test modules wrap it in their ``reference_url`` fixture."""
    template = template_factory(engine_name, "reference", build_reference_database)
    return databases.create(template)


def ingest_paths(
    engine: Engine,
    paths: list[str | Path],
    extract: Callable[[str], list[ExtractedFact]] | None = None,
    **options,
) -> IngestReport:
    """Run the loader on ``paths``; ``extract`` replaces the extractor's output when given."""
    loader = ArticleLoader(engine)
    if extract is not None:
        loader.extractor = StandInExtractor(extract)
    inputs, problems = collect_inputs([str(path) for path in paths], options.pop("glob", None))
    report = IngestReport([Outcome.of_problem(problem) for problem in problems])
    from silkledger.loaders.articles import Metadata

    with loader:
        for source in inputs:
            max_bytes = options.get("max_bytes", 5 << 20)
            report.outcomes.append(loader.load(source, Metadata(), max_bytes))
    return report


class StandInExtractor:
    """Returns the facts a test builds from the text, so the loader's writing is tested alone."""

    def __init__(self, extract: Callable[[str], list[ExtractedFact]]):
        self._extract = extract

    def extract(self, text: str, published=None) -> list[ExtractedFact]:
        return self._extract(text)


def fact_at(text: str, quote: str, kind: str, fields: dict, **extra) -> ExtractedFact:
    start = text.index(quote)
    return ExtractedFact(
        kind=kind,
        fields=fields,
        confidence=extra.pop("confidence", 0.8),
        quote=quote,
        char_start=start,
        char_end=start + len(quote),
        **extra,
    )


def write_article(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


COUNTRIES = ("Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Tajikistan", "Turkmenistan")
GOODS = ("wheat", "copper", "cotton", "natural gas", "machinery", "fertiliser", "steel")


def distinct_article(number: int) -> str:
    """A short article of its own (no two share their wording): for bulk and concurrency tests."""
    country = COUNTRIES[number % len(COUNTRIES)]
    good = GOODS[number % len(GOODS)]
    return (
        f"{country} report {number}: {good} shipments to China\n"
        f"Officials in {country} said shipments of {good} to China reached {number + 3} "
        f"thousand tonnes in the period covered by report number {number}. "
        f"Analysts number {number * 7 % 101} and {number * 13 % 97} expect growth. "
        f"Batch {number} code {number * 31337 % 100003}.\n"
    )
