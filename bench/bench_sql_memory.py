"""Peak memory of `silkledger sql` exporting a large result, on SQLite and PostgreSQL.

    .venv/bin/python bench/bench_sql_memory.py                  # 1,000,000 rows, csv
    .venv/bin/python bench/bench_sql_memory.py --rows 3000000 --formats csv jsonl table
    .venv/bin/python bench/bench_sql_memory.py --engines sqlite

Each run is `silkledger --db URL sql QUERY --format F --out FILE` (the table: to /dev/null) in a
child process; its peak resident memory is ``ru_maxrss`` from ``os.wait4`` of that child alone.
The rows come from the database itself (a recursive CTE on SQLite, generate_series on
PostgreSQL: an integer, a short text and a decimal per row), so no large table is needed: the
databases are a migrated SQLite file in a temporary folder and a throw-away PostgreSQL database
on --postgres (dropped afterwards). A baseline run of ``SELECT 1`` gives the memory of the
process itself (Python, SQLAlchemy, psycopg, openpyxl imported). Target: at most 100 MB for a
1,000,000-row CSV export on each engine.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from silkledger import migrate
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

TARGET_MB = 100
SILKLEDGER = Path(sys.executable).with_name("silkledger")


def rows_query(engine: str, rows: int) -> str:
    if engine == "postgresql":
        return (
            f"SELECT i, 'row ' || i AS label, i * 0.5 AS half FROM generate_series(1, {rows}) AS i"
        )
    return (
        f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rows}) "
        "SELECT i, 'row ' || i AS label, i * 0.5 AS half FROM n"
    )


def measure(url: str, query: str, output_format: str, out: Path) -> tuple[float, float, int]:
    """(peak MB, seconds, exit code) of one `silkledger sql` child process."""
    command = [str(SILKLEDGER), "--db", url, "sql", query, "--timeout", "0"]
    if output_format == "table":
        command += ["--limit", "1000"]
    else:
        command += ["--format", output_format, "--out", str(out)]
    started = time.perf_counter()
    with open(os.devnull, "w") as sink:
        child = subprocess.Popen(command, stdout=sink, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        print(f"  failed: {child.stderr.read().decode().strip()}", file=sys.stderr)
    child.stderr.close()
    return usage.ru_maxrss / 1024, seconds, code  # ru_maxrss is in kilobytes on Linux


def run_engine(engine: str, url: str, rows: int, formats: list[str], folder: Path) -> bool:
    baseline, _, _ = measure(url, "SELECT 1", "table", folder / "none")
    print(f"{engine}: baseline (SELECT 1) {baseline:.0f} MB")
    ok = True
    for output_format in formats:
        out = folder / f"{engine}.{output_format}"
        peak, seconds, code = measure(url, rows_query(engine, rows), output_format, out)
        size = f", file {out.stat().st_size / 1e6:.0f} MB" if out.exists() else ""
        within = output_format != "csv" or peak <= TARGET_MB
        ok = ok and code == 0 and within
        verdict = "" if output_format != "csv" else ("  (target met)" if within else "  OVER")
        print(
            f"{engine}: {rows:,} rows as {output_format}: peak {peak:.0f} MB, "
            f"{seconds:.1f} s{size}{verdict}"
        )
        if out.exists():
            out.unlink()
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--formats", nargs="+", default=["csv"], help="csv json jsonl xlsx table")
    parser.add_argument("--engines", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument(
        "--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
    )
    options = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory(prefix="bench_sql_memory_") as name:
        folder = Path(name)
        if "sqlite" in options.engines:
            url = make_url(f"sqlite:///{folder / 'bench.db'}")
            migrate.upgrade(url)
            ok &= run_engine("sqlite", str(url), options.rows, options.formats, folder)
        if "postgresql" in options.engines:
            ok &= _postgresql(options, folder)
    return 0 if ok else 1


def _postgresql(options, folder: Path) -> bool:
    database = f"bench_sql_memory_{uuid.uuid4().hex[:8]}"
    admin = create_engine(options.postgres, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{database}"'))
    url = make_url(options.postgres).set(database=database)
    try:
        migrate.upgrade(url)
        rendered = url.render_as_string(hide_password=False)
        return run_engine("postgresql", rendered, options.rows, options.formats, folder)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    sys.exit(main())
