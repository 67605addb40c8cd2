"""Writers side by side: a seed load and another process that keeps committing, on one database.

On SQLite a transaction that reads first and writes later used to fail with "database is locked"
as soon as another process committed in between (SQLITE_BUSY_SNAPSHOT: no busy timeout helps).
Every write transaction now begins IMMEDIATE and waits its turn (silkledger.db.for_writing).
"""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import UTC, datetime

import pytest
from silkledger import migrate
from silkledger.db import SQLITE_BUSY_TIMEOUT_SECONDS, for_writing, make_engine, session_scope
from silkledger.loaders.seed import load_seed
from silkledger.models import ReportRun, TradeFlow
from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

# Like the scheduler: read the table, then write to it, one transaction per round, until told
# to stop. Prints how many rounds it committed.
WRITER = """
import sys, time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from sqlalchemy import func, select
from silkledger.db import make_engine, session_scope
from silkledger.models import ReportRun

url, ready, stop = sys.argv[1:4]
engine = make_engine(url)
first = datetime(2026, 1, 1, tzinfo=UTC)
rounds = 0
while not Path(stop).exists():
    with session_scope(engine) as session:
        done = session.scalar(select(func.count()).select_from(ReportRun))
        due = first + timedelta(minutes=done)
        session.add(
            ReportRun(job_name="writer", report="deals", due_at=due, started_at=due, status="running")
        )
    rounds += 1
    Path(ready).touch()
    time.sleep(0.002)
print(rounds)
"""


def count(engine, model) -> int:
    with engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(model))


def test_a_seed_and_a_concurrent_writer_both_succeed(migrated_url, databases, tmp_path):
    ready, stop = tmp_path / "ready", tmp_path / "stop"
    database = migrated_url.render_as_string(hide_password=False)
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, database, str(ready), str(stop)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not ready.exists() and writer.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert ready.exists(), writer.stderr.read() if writer.poll() is not None else "no start"
        engine = databases.engine(migrated_url)
        before = count(engine, ReportRun)
        report = load_seed(engine)
        during = count(engine, ReportRun) - before
    finally:
        stop.touch()
        out, err = writer.communicate(timeout=120)

    assert writer.returncode == 0, err.strip().splitlines()[-1:]
    assert report.tables["trade_flows"].inserted == count(engine, TradeFlow) > 0
    assert during > 0  # the writer kept committing while the seed ran
    assert count(engine, ReportRun) == int(out) > during


def sqlite_pair(tmp_path, query: str = ""):
    """Two engines on one migrated SQLite file, as two processes would have."""
    url = f"sqlite:///{tmp_path / 'shared.db'}{query}"
    migrate.upgrade(make_url(url))
    return make_engine(url), make_engine(url)


def test_on_sqlite_a_reader_does_not_hold_up_a_writer(tmp_path):
    reader, writer = sqlite_pair(tmp_path, "?timeout=0.2")
    try:
        with reader.connect() as connection:  # a long report read: a deferred transaction
            assert connection.scalar(select(func.count()).select_from(ReportRun)) == 0
            with session_scope(writer) as session:
                session.add(probe_run())
            # its snapshot is the one it started with
            assert connection.scalar(select(func.count()).select_from(ReportRun)) == 0
        assert count(reader, ReportRun) == 1
    finally:
        reader.dispose()
        writer.dispose()


def test_on_sqlite_a_write_transaction_takes_the_lock_first_and_others_wait(tmp_path):
    """BEGIN IMMEDIATE: the second writer waits from its BEGIN, up to the URL's ?timeout."""
    first, second = sqlite_pair(tmp_path, "?timeout=0.2")
    try:
        with for_writing(first).begin() as connection:
            connection.execute(select(func.count()).select_from(ReportRun))  # reads only, so far
            started = time.monotonic()
            locked = pytest.raises(OperationalError, match="database is locked")
            with locked, session_scope(second) as session:  # its BEGIN IMMEDIATE waits, then fails
                session.scalar(select(func.count()).select_from(ReportRun))
            assert time.monotonic() - started >= 0.2
    finally:
        first.dispose()
        second.dispose()


def test_the_default_busy_timeout_is_generous(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        with engine.connect() as connection:
            assert (
                connection.exec_driver_sql("PRAGMA busy_timeout").scalar()
                == SQLITE_BUSY_TIMEOUT_SECONDS * 1000
                == 30_000
            )
    finally:
        engine.dispose()


def probe_run() -> ReportRun:
    moment = datetime(2026, 1, 1, tzinfo=UTC)
    return ReportRun(
        job_name="probe", report="deals", due_at=moment, started_at=moment, status="running"
    )
