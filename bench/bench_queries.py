"""Benchmark of the analysts' SQL: every example query and every view, on SQLite and PostgreSQL.

    .venv/bin/python bench/bench_queries.py                # 100,000 agreements, 1,000,000 claims
    .venv/bin/python bench/bench_queries.py --scale 0.1    # a quicker run
    .venv/bin/python bench/bench_queries.py --engines sqlite

It builds the synthetic database of bench/bench_reports.py (same generator) on each engine: a
SQLite file in a temporary folder, and a throw-away PostgreSQL database on --postgres (dropped
afterwards). Both are ANALYZEd. Then it times, on each engine:

- every docs/queries/*.sql file, all rows fetched (they name seed keys such as CNNC: on synthetic
  data they may return few rows, but the plan and the work are those of the real question);
- every view: a first page (``SELECT * ... LIMIT 100``) and a lookup by the column an analyst
  filters it by (a country, a key, a source, a year), all rows fetched.

Each figure is the best of --repeat runs (a warm cache). Beside it: whether the plan reads the
filtered tables through an index ("index"), and the large tables it reads whole ("scan: t").
Target: under one second each.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import uuid
from pathlib import Path

from bench_reports import build_database
from silkledger import migrate
from silkledger.db import make_engine
from silkledger.models.views import VIEWS
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

QUERIES = Path(__file__).resolve().parent.parent / "docs" / "queries"
TARGET_SECONDS = 1.0
# Tables large enough that reading them whole is what the target is about.
LARGE = {
    "trade_flows",
    "trade_flow_groups",  # one row per group: 926,674 at full scale
    "citations",
    "agreements",
    "agreement_parties",
    "agreement_sectors",
}

# view -> the filter an analyst would put on it (synthetic values from bench_reports.py)
VIEW_LOOKUPS = {
    "deals": "key = 'ag-004242'",
    "deal_countries": "iso3 = 'KGZ'",
    "trade_flow_claims": "reporter_iso3 = 'KAZ' AND partner_iso3 = 'CHN' AND period_year = 2024",
    "trade_flow_consensus": "reporter_iso3 = 'KAZ' AND partner_iso3 = 'CHN'",
    "disagreements": "fact_key = 'tf-0000019'",
    "disagreement_summary": "subject = 'Kazakhstan–China turnover, 2000 (USD)'",
    "project_overview": "key = 'prj-00042'",
    "event_timeline": "year = 2005",
    "source_facts": "source_key = 'src-00042'",
    "mention_counts": "entity_kind = 'country'",
}


def probes() -> list[tuple[str, str]]:
    """(label, SQL) for every example query and every view."""
    found = [
        (path.stem, path.read_text(encoding="utf-8")) for path in sorted(QUERIES.glob("*.sql"))
    ]
    for view in VIEWS:
        for name, _ in view.variants():
            found.append((f"{name} (first 100)", f"SELECT * FROM {name} LIMIT 100"))
            lookup = VIEW_LOOKUPS[view.name]
            found.append((f"{name} WHERE {lookup}", f"SELECT * FROM {name} WHERE {lookup}"))
    return found


def _fetch(connection, sql: str) -> list:
    """Rows through the driver's own cursor, as sqlite3 and psql would send the text (no
    parameter parsing: the queries' LIKE '%...%' stays as written)."""
    cursor = connection.connection.driver_connection.cursor()
    try:
        cursor.execute(sql)
        return cursor.fetchall()
    finally:
        cursor.close()


def _time(connection, sql: str, repeat: int) -> tuple[float, int]:
    best, rows = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        rows = len(_fetch(connection, sql))
        best = min(best, time.perf_counter() - start)
    return best, rows


def _sqlite_plan(connection, sql: str) -> str:
    lines = [row[-1] for row in _fetch(connection, f"EXPLAIN QUERY PLAN {sql}")]
    scans = sorted(
        {
            line.split()[1]
            for line in lines
            if line.startswith("SCAN ") and line.split()[1] in LARGE and "INDEX" not in line
        }
    )
    uses_index = any("INDEX" in line or "PRIMARY KEY" in line for line in lines)
    return _plan_text(uses_index, scans)


def _postgresql_plan(connection, sql: str) -> str:
    [[plan]] = _fetch(connection, f"EXPLAIN (FORMAT JSON) {sql}")
    if isinstance(plan, str):
        plan = json.loads(plan)
    scans, uses_index = set(), False
    stack = [plan[0]["Plan"]]
    while stack:
        node = stack.pop()
        stack.extend(node.get("Plans", []))
        if "Index" in node["Node Type"]:
            uses_index = True
        if node["Node Type"] == "Seq Scan" and node.get("Relation Name") in LARGE:
            scans.add(node["Relation Name"])
    return _plan_text(uses_index, sorted(scans))


def _plan_text(uses_index: bool, scans: list[str]) -> str:
    parts = ["index" if uses_index else "no index"]
    if scans:
        parts.append("scan: " + ", ".join(scans))
    return "; ".join(parts)


def measure(url, repeat: int) -> dict[str, tuple[float, int, str]]:
    engine = make_engine(url)
    plan = _sqlite_plan if engine.dialect.name == "sqlite" else _postgresql_plan
    results = {}
    with engine.connect() as connection:
        for label, sql in probes():
            statement = sql.strip().rstrip(";")
            seconds, rows = _time(connection, statement, repeat)
            results[label] = (seconds, rows, plan(connection, statement))
            print(
                f"  {url.get_backend_name()} {seconds:8.3f} s  {label}", file=sys.stderr, flush=True
            )
            connection.rollback()
    engine.dispose()
    return results


def build(url, scale: float) -> str:
    start = time.perf_counter()
    migrate.upgrade(url)
    counts = build_database(url, scale)
    engine = make_engine(url)
    # in a transaction that commits: under AUTOCOMMIT, silkledger's SQLite engine still sends
    # its own BEGIN, and the statistics were rolled back with it (the SQLite file had none)
    with engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
    engine.dispose()
    summary = ", ".join(f"{name} {count:,}" for name, count in counts.items())
    return f"built in {time.perf_counter() - start:.0f} s: {summary}"


def _admin(postgres_url: str, statement: str) -> None:
    engine = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.exec_driver_sql(statement)
    engine.dispose()


def run_engine(name: str, args, folder: Path) -> dict:
    """Build (unless --keep holds one built before) and measure one engine. A database is built
    under another name and renamed when complete, so an interrupted build is never reused."""
    if name == "sqlite":
        path = Path(args.keep or folder) / "bench.db"
        if not path.exists():
            building = path.with_suffix(".building")
            building.unlink(missing_ok=True)
            print(f"sqlite: {build(make_url(f'sqlite:///{building}'), args.scale)}", flush=True)
            building.rename(path)
        return measure(make_url(f"sqlite:///{path}"), args.repeat)
    database = "silkledger_bench_kept" if args.keep else f"silkledger_bench_{uuid.uuid4().hex[:8]}"
    try:
        if not _exists(args.postgres, database):
            building = database + "_building"
            _admin(args.postgres, f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')
            _admin(args.postgres, f'CREATE DATABASE "{building}"')
            url = make_url(args.postgres).set(database=building)
            print(f"postgresql: {build(url, args.scale)}", flush=True)
            _admin(args.postgres, f'ALTER DATABASE "{building}" RENAME TO "{database}"')
        return measure(make_url(args.postgres).set(database=database), args.repeat)
    finally:
        if not args.keep:
            _admin(args.postgres, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def _exists(postgres_url: str, database: str) -> bool:
    engine = create_engine(postgres_url)
    with engine.connect() as connection:
        found = connection.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": database}
        ).first()
    engine.dispose()
    return found is not None


def report(results: dict[str, dict]) -> bool:
    engines = list(results)
    labels = list(next(iter(results.values())))
    width = max(len(label) for label in labels)
    header = f"{'query or view':{width}}"
    for name in engines:
        header += f" | {name + ' s':>12} {'rows':>7} {'plan':30}"
    print(header)
    print("-" * len(header))
    all_fast = True
    for label in labels:
        line = f"{label:{width}}"
        for name in engines:
            seconds, rows, plan = results[name][label]
            all_fast &= seconds < TARGET_SECONDS
            mark = "" if seconds < TARGET_SECONDS else " SLOW"
            line += f" | {seconds:>7.3f}{mark:5} {rows:>7,} {plan:30}"
        print(line)
    return all_fast


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = 1,000,000 claims")
    parser.add_argument("--engines", default="sqlite,postgresql", help="comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="runs per probe (best is kept)")
    parser.add_argument(
        "--postgres",
        default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres",
        help="a PostgreSQL URL allowed to create and drop a database",
    )
    parser.add_argument(
        "--keep",
        metavar="FOLDER",
        help="keep the built databases (FOLDER/bench.db, PostgreSQL silkledger_bench_kept) "
        "and reuse them on the next run; drop them by hand afterwards",
    )
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory(prefix="silkledger-bench-queries-") as folder:
        for name in args.engines.split(","):
            results[name] = run_engine(name, args, Path(folder))
    print()
    all_fast = report(results)
    print()
    print(f"target: every probe under {TARGET_SECONDS:.0f} s on every engine: "
          f"{'met' if all_fast else 'NOT met (SLOW above)'}")  # fmt: skip
    sys.exit(0)


if __name__ == "__main__":
    main()
