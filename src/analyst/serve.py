"""Browse the SQLite database in a browser: Datasette, with the data dictionary as its metadata.

Needs the optional extra: ``pip install 'silkledger[web]'``. The metadata is generated, never
written by hand: table and view descriptions and column meanings from the models' comments and
silkledger.models.views, the example queries of docs/queries/ as canned queries (titled by their
question), and full-text search on sources and citations (the FTS5 tables of
silkledger.models.fulltext).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from sqlalchemy.engine import URL

from ..errors import SilkledgerError
from ..models import metadata
from ..models.fulltext import INDEXED
from ..models.views import VIEWS

QUESTION = "-- Question: "


def default_queries_dir() -> Path:
    """docs/queries/ of the checkout this package runs from."""
    return Path(__file__).resolve().parents[2] / "docs" / "queries"


def _tables() -> dict:
    tables = {
        table.name: {
            "description": table.comment or "",
            "columns": {column.name: column.comment or "" for column in table.columns},
        }
        for table in metadata.sorted_tables
    }
    for table, fts, *_ in INDEXED:
        tables[table].update({"fts_table": fts, "fts_pk": "id"})
    for view in VIEWS:
        columns = {column.name: column.meaning() for column in view.columns}
        for name, _ in view.variants():
            tables[name] = {"description": view.describe(name), "columns": columns}
    return tables


def canned_query(path: Path) -> dict:
    """A docs/queries file as a Datasette canned query: its question is the title, the rest of
    its opening comment the description."""
    sql = path.read_text(encoding="utf-8")
    comment = []
    for line in sql.splitlines():
        if not line.startswith("--"):
            break
        comment.append(line[2:].strip())
    title = comment[0].removeprefix(QUESTION.removeprefix("-- ").strip()).strip() if comment else ""
    return {"sql": sql, "title": title or path.stem, "description": " ".join(comment[1:])}


def datasette_metadata(database_name: str, queries_dir: Path | None) -> dict:
    queries = {}
    if queries_dir is not None and queries_dir.is_dir():
        queries = {path.stem: canned_query(path) for path in sorted(queries_dir.glob("*.sql"))}
    return {
        "title": "silkledger",
        "description": "China–Central Asia relations from news articles: every fact with its "
        "source and verbatim quote. Start with the views (deals, disagreements, "
        "trade_flow_consensus …) or the example queries.",
        "databases": {database_name: {"tables": _tables(), "queries": queries}},
    }


def serve(url: URL, host: str, port: int, queries_dir: Path | None) -> None:
    """Run Datasette on the SQLite database at ``url`` until interrupted."""
    if url.get_backend_name() != "sqlite":
        raise SilkledgerError(
            "silkledger serve browses a SQLite database; for PostgreSQL use psql, pandas or "
            "any SQL client (see README: the analyst's path)"
        )
    path = Path(url.database or "")
    if not path.is_file():
        raise SilkledgerError(f"no database at {url.database}: run `silkledger init` first")
    try:
        from datasette.cli import cli
    except ImportError:
        raise SilkledgerError(
            "silkledger serve needs Datasette: pip install 'silkledger[web]'"
        ) from None
    meta = datasette_metadata(path.stem, queries_dir)
    with tempfile.TemporaryDirectory(prefix="silkledger-serve-") as folder:
        meta_path = Path(folder) / "metadata.json"
        meta_path.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        args = ["serve", str(path), "--metadata", str(meta_path), "--host", host]
        cli.main([*args, "--port", str(port)], standalone_mode=False)
