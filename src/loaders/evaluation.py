"""`silkledger eval`: the fact extractor measured on the seed and test article sets.

The scoring lives in extract/evaluate.py; this module supplies what extract may not import: the
seed files (read_seed) and a reference database. That database is a temporary SQLite file whose
schema is created from the models (it is thrown away after the run; the migrations produce the
same schema, which tests/test_migrations.py checks), loaded with the seed, then stripped of every
fact, citation and source by ``reference_only``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..db import make_engine
from ..extract import Gazetteer
from ..extract.evaluate import Report, evaluate, reference_only, shortfalls
from ..models import Base
from .seed import load_seed, resolve_seed_dir
from .seed_files import read_seed

__all__ = ["evaluate_extractor", "reference_gazetteer", "shortfalls"]


def reference_gazetteer(seed_dir: Path) -> Gazetteer:
    """A gazetteer from a temporary database holding the seed's reference data only."""
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'reference.db'}")
        try:
            Base.metadata.create_all(engine)
            load_seed(engine, seed_dir)
            with engine.begin() as connection:
                reference_only(connection)
            with engine.connect() as connection:
                return Gazetteer.from_connection(connection)
        finally:
            engine.dispose()


def evaluate_extractor(
    which: str, seed_dir: Path | None = None, folders: dict[str, Path] | None = None
) -> list[Report]:
    """Per-kind precision and recall on the named sets (extract.evaluate.set_names)."""
    seed_dir = resolve_seed_dir(seed_dir)
    return evaluate(which, reference_gazetteer(seed_dir), read_seed(seed_dir), folders)
