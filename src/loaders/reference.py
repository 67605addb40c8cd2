"""A database for new articles: the seed's reference data without its articles and facts.

Countries and their aliases, sectors, currency rates, organisations and people come from seed/;
the seed's sources and curated facts are left out. The ingest tests and bench/bench_ingest.py
start from such a database, so that every fact in it was extracted from the articles loaded.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from sqlalchemy import Engine

from .seed import SeedReport, load_seed, resolve_seed_dir

# The seed files that hold articles and facts: emptied in the copy that is loaded.
ARTICLE_AND_FACT_FILES = (
    "sources.yaml",
    "events.yaml",
    "agreements.yaml",
    "projects.yaml",
    "trade_flows.yaml",
    "indicators.yaml",
)


def load_reference_data(engine: Engine, seed_dir: Path | None = None) -> SeedReport:
    """Load the seed's reference files only, through the seed loader (one transaction)."""
    source = resolve_seed_dir(seed_dir)
    with tempfile.TemporaryDirectory(prefix="silkledger-reference-") as folder:
        copy = Path(folder) / source.name
        shutil.copytree(source, copy, ignore=shutil.ignore_patterns("articles"))
        for name in ARTICLE_AND_FACT_FILES:
            (copy / name).write_text("[]\n", encoding="utf-8")
        return load_seed(engine, copy)
