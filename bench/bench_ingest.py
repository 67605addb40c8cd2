"""Benchmark of `silkledger ingest` on a synthetic corpus, on SQLite and PostgreSQL.

    .venv/bin/python bench/bench_ingest.py                        # 10,000 articles, both engines
    .venv/bin/python bench/bench_ingest.py --count 2000 --engines sqlite
    .venv/bin/python bench/bench_ingest.py --language ru --engines sqlite --workers 1   # Russian

The corpus comes from bench/make_corpus.py (written to a temporary folder unless --corpus names
one). For each engine a fresh database is migrated and given the seed's reference data (no seed
articles or facts); then one ArticleLoader (the gazetteer and the extractor built once) loads
every article through the real path: read, decode, normalise, near-duplicate check, mentions,
extraction, validation, one transaction per article; with --workers 1,2 once in one process
and once with two worker processes (ingest --workers 2: the workers read, extract and validate,
and the parent process writes every article). It prints the loader's start-up time, the
articles per second over the whole run, and the mean time per article over the first and the
last thousand (targets: >= 120 articles/s on SQLite, >= 60 on PostgreSQL, last/first <= 1.2;
Russian: >= 100 on SQLite),
and the CPU time per article (the machine is shared: the load average is printed beside).

Time per article: with one process, the wall time of its whole load; with workers, the wall time
its worker spent reading and extracting it plus the time the writing process spent writing it
(the work done for it, not its latency in the pipeline). The CPU time of a run with workers
includes the workers' (they are waited for before it is read) and the writing process's.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import make_corpus
from silkledger import migrate
from silkledger.db import make_engine
from silkledger.loaders.articles import Metadata, collect_inputs
from silkledger.loaders.ingest import ArticleLoader, IngestReport, ingest
from silkledger.loaders.reference import load_reference_data

TARGETS = {"sqlite": 120, "postgresql": 60}
# Russian articles (--language ru): the target on SQLite; PostgreSQL as for English.
RUSSIAN_TARGETS = {"sqlite": 100, "postgresql": 60}
WINDOW = 1000
PG_ADMIN = os.environ.get(
    "SILKLEDGER_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def fresh_database(engine_name: str, folder: Path):
    """A new empty database URL and a function that drops it."""
    if engine_name == "sqlite":
        return make_url(f"sqlite:///{folder / 'bench.db'}"), lambda: None
    name = f"silkledger_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))

    def drop():
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return make_url(PG_ADMIN).set(database=name), drop


def run(engine_name: str, corpus: Path, folder: Path, workers: int) -> dict:
    url, drop = fresh_database(engine_name, folder)
    try:
        migrate.upgrade(url)
        engine = make_engine(url)
        load_reference_data(engine)
        inputs, _ = collect_inputs([str(corpus)])
        started = time.perf_counter()
        ArticleLoader(engine).close()  # what each run (each worker) builds once
        build = time.perf_counter() - started
        loop_started, cpu_started = time.perf_counter(), cpu_seconds()
        if workers == 1:  # in this process: the CPU time of each article can be taken too
            report, cpu_times = timed_loop(engine, inputs)
        else:
            report, cpu_times = ingest(engine, inputs, Metadata(), workers=workers), []
        elapsed, cpu = time.perf_counter() - loop_started, cpu_seconds() - cpu_started
        engine.dispose()
        times = [outcome.seconds for outcome in report.outcomes]
        statuses = Counter(outcome.status for outcome in report.outcomes)
        facts = report.facts_per_kind()
    finally:
        drop()
    first = sum(times[:WINDOW]) / len(times[:WINDOW])
    last = sum(times[-WINDOW:]) / len(times[-WINDOW:])
    return {
        "engine": engine_name,
        "workers": workers,
        "articles": len(inputs),
        "statuses": dict(statuses),
        "facts": dict(facts),
        "build_s": build,
        "elapsed_s": elapsed,
        "per_second": len(inputs) / elapsed,
        "cpu_ms": cpu / len(inputs) * 1000,
        "first_ms": first * 1000,
        "last_ms": last * 1000,
        "ratio": last / first,
        "cpu_ratio": mean(cpu_times[-WINDOW:]) / mean(cpu_times[:WINDOW]) if cpu_times else None,
    }


def timed_loop(engine, inputs) -> tuple[IngestReport, list[float]]:
    report, cpu_times = IngestReport(), []
    with ArticleLoader(engine) as loader:
        for source in inputs:
            started = time.process_time()
            report.outcomes.append(loader.load(source, Metadata(), 5 << 20))
            cpu_times.append(time.process_time() - started)
    return report, cpu_times


def mean(values: list[float]) -> float:
    return sum(values) / len(values)


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the worker processes)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def report(result: dict, language: str = "en") -> None:
    target = (RUSSIAN_TARGETS if language == "ru" else TARGETS)[result["engine"]]
    rate_ok = "meets" if result["per_second"] >= target else "MISSES"
    ratio_ok = "meets" if result["ratio"] <= 1.2 else "MISSES"
    print(
        f"\n{result['engine']}, {result['workers']} worker process(es): "
        f"{result['articles']:,} articles {result['statuses']}"
    )
    print(f"  facts extracted: {result['facts']}")
    print(
        f"  loader start-up (gazetteer, extractor, caches): {result['build_s']:.2f} s per process"
    )
    print(
        f"  {result['elapsed_s']:.1f} s: {result['per_second']:.0f} articles/s "
        f"({rate_ok} the target of {target})"
    )
    print(
        f"  CPU per article {result['cpu_ms']:.2f} ms: {1000 / result['cpu_ms']:.0f} articles per "
        "CPU-second (the rate one idle core would give)"
    )
    print(
        f"  wall time per article (in its worker): first {WINDOW:,} {result['first_ms']:.2f} ms, last {WINDOW:,} "
        f"{result['last_ms']:.2f} ms, ratio {result['ratio']:.2f} ({ratio_ok} the target of 1.2)"
    )
    if result["cpu_ratio"] is not None:
        print(
            f"  CPU time per article, last {WINDOW:,} / first {WINDOW:,}: {result['cpu_ratio']:.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="An existing corpus folder.")
    parser.add_argument("--count", type=int, default=10_000, help="Articles to generate.")
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument(
        "--language", choices=("en", "ru"), default="en", help="The corpus' language."
    )
    parser.add_argument(
        "--workers", default="1,2", help="Worker processes, one run per value (ingest --workers)."
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="silkledger-bench-") as scratch:
        corpus = args.corpus
        if corpus is None:
            corpus = Path(scratch) / "corpus"
            paths = make_corpus(corpus, args.count, language=args.language)
            size = sum(path.stat().st_size for path in paths) / len(paths)
            print(
                f"corpus: {len(paths):,} synthetic articles ({args.language}), "
                f"{size:,.0f} bytes each on average"
            )
        print(f"load average before the runs: {os.getloadavg()[0]:.1f} (2 cores)")
        for engine_name in args.engines.split(","):
            for workers in map(int, args.workers.split(",")):
                folder = Path(scratch) / f"{engine_name}-{workers}"
                folder.mkdir()
                report(run(engine_name, corpus, folder, workers), args.language)
                print(f"  load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
