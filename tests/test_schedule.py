"""Scheduled exports: the jobs file, due-ness, run records, retention, failures, two schedulers
at once, `schedule list` and `schedule serve`. Database tests run on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from builders import country
from silkledger import cli
from silkledger.db import make_engine, session_scope
from silkledger.models.runs import ReportRun
from silkledger.reports import schedule
from silkledger.reports.export import ReportResult
from silkledger.reports.jobs import JobsFileError, load_jobs
from sqlalchemy import insert, select
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
runs = ReportRun.__table__

MONDAY_6 = datetime(2025, 6, 2, 6, 0, tzinfo=UTC)  # 2 June 2025 was a Monday

TWO_JOBS = """
[[jobs]]
name = "weekly-deals"
report = "deals"
schedule = "0 6 * * 1"
output = "reports/{date}/deals.xlsx"
keep = 2
[jobs.filters]
countries = ["kaz", "UZB"]
from = 2024-01-01
to = "2025-12-31"

[[jobs]]
name = "daily-trade"
report = "trade"
schedule = "30 5 * * *"
output = "reports/trade/{job}-{datetime}.xlsx"
"""


def add_filter_countries(url):
    """The two countries TWO_JOBS filters on (a jobs file naming a country the database does
    not know is refused before anything runs)."""
    engine = make_engine(url)
    try:
        with session_scope(engine) as session:
            country(session, "KAZ", "Kazakhstan")
            country(session, "UZB", "Uzbekistan")
    finally:
        engine.dispose()
    return url


@pytest.fixture
def migrated_url(migrated_url):
    """The conftest database at head, with the countries of TWO_JOBS."""
    return add_filter_countries(migrated_url)


def write_jobs(folder: Path, text: str, name: str = "reports.toml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


class FakeWriter:
    """Stands in for write_report in the scheduler-logic tests: writes a small distinct file,
    returns its ReportResult and remembers each call; fails for the report kinds in ``fail``.
    ``during`` runs inside the call, before the file is written (to stage a takeover)."""

    def __init__(self, fail: tuple[str, ...] = (), during: Callable[[], None] | None = None):
        self.calls: list[dict] = []
        self.fail = fail
        self.during = during
        self._lock = threading.Lock()

    def __call__(self, kind, engine, out_path, filters, database_label):
        with self._lock:
            self.calls.append(
                {"kind": kind, "path": Path(out_path), "filters": filters, "label": database_label}
            )
            number = len(self.calls)
        if self.during is not None:
            self.during()
        if kind in self.fail:
            raise RuntimeError(f"the {kind} workbook exploded")
        content = f"{kind} workbook #{number} for {filters.as_of}".encode()
        Path(out_path).write_bytes(content)
        return ReportResult(
            path=Path(out_path),
            size_bytes=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
            sheet_row_counts={},
        )


def rows(engine, job_name: str | None = None) -> list[schedule.RunRecord]:
    query = select(runs).order_by(runs.c.job_name, runs.c.due_at)
    if job_name is not None:
        query = query.where(runs.c.job_name == job_name)
    with engine.connect() as connection:
        return [schedule.RunRecord.from_row(row) for row in connection.execute(query)]


def add_run(
    engine, job_name: str, due_at: datetime, status: str, started_at=None, **values
) -> None:
    with engine.begin() as connection:
        connection.execute(
            insert(runs).values(
                job_name=job_name,
                report="deals",
                due_at=due_at,
                started_at=started_at or due_at,
                finished_at=None if status == "running" else (started_at or due_at),
                status=status,
                **values,
            )
        )


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def url_arg(url) -> str:
    return url.render_as_string(hide_password=False)


# ------------------------------------------------------------------------------------------------
# Cron times and due-ness


def test_scheduled_times_around_now(tmp_path):
    job = load_jobs(write_jobs(tmp_path, TWO_JOBS)).job("weekly-deals")
    assert job.latest_due(MONDAY_6 - timedelta(minutes=1)) == MONDAY_6 - timedelta(days=7)
    assert job.latest_due(MONDAY_6) == MONDAY_6  # a scheduled time is due at that very moment
    assert job.latest_due(MONDAY_6 + timedelta(seconds=1)) == MONDAY_6
    assert job.next_due(MONDAY_6) == MONDAY_6 + timedelta(days=7)
    assert job.output_path(MONDAY_6) == (tmp_path / "reports/2025-06-02/deals.xlsx").resolve()


def test_schedule_is_read_in_the_jobs_timezone(tmp_path):
    text = TWO_JOBS.replace("keep = 2", 'keep = 2\ntimezone = "Asia/Almaty"')
    job = load_jobs(write_jobs(tmp_path, text)).job("weekly-deals")
    # Monday 06:00 in Almaty (UTC+5) is 01:00 UTC.
    assert job.latest_due(MONDAY_6) == datetime(2025, 6, 2, 1, 0, tzinfo=UTC)
    other = load_jobs(write_jobs(tmp_path, TWO_JOBS, "utc.toml")).job("daily-trade")
    assert other.output_path(datetime(2025, 6, 2, 5, 30, tzinfo=UTC)).name == (
        "daily-trade-2025-06-02T0530.xlsx"
    )


def test_never_ran_job_is_due_for_its_latest_slot(migrated_engine, tmp_path):
    jobs = load_jobs(write_jobs(tmp_path, TWO_JOBS))
    job = jobs.job("weekly-deals")
    now = MONDAY_6 + timedelta(days=3)  # Thursday
    assert schedule.due_slot(migrated_engine, job, now, jobs.stale_after) == MONDAY_6


def test_job_that_ran_after_the_last_due_time_is_not_due(migrated_engine, tmp_path):
    jobs = load_jobs(write_jobs(tmp_path, TWO_JOBS))
    job = jobs.job("weekly-deals")
    add_run(migrated_engine, "weekly-deals", MONDAY_6, "succeeded", MONDAY_6 + timedelta(minutes=2))
    for now in (MONDAY_6, MONDAY_6 + timedelta(days=6, hours=23, minutes=59)):
        assert schedule.due_slot(migrated_engine, job, now, jobs.stale_after) is None
    # The next Monday's 06:00 has come since: due again, for that slot.
    next_monday = MONDAY_6 + timedelta(days=7)
    assert schedule.due_slot(migrated_engine, job, next_monday, jobs.stale_after) == next_monday
    # Another job's history does not count.
    other = jobs.job("daily-trade")
    assert schedule.due_slot(migrated_engine, other, MONDAY_6, jobs.stale_after) is not None


def test_failed_and_stale_runs_stay_due_but_a_live_run_does_not(migrated_engine, tmp_path):
    jobs = load_jobs(write_jobs(tmp_path, TWO_JOBS))
    job, now = jobs.job("weekly-deals"), MONDAY_6 + timedelta(hours=1)
    wall = datetime(2025, 6, 2, 7, 0, tzinfo=UTC)

    def clock():
        return wall

    add_run(migrated_engine, "weekly-deals", MONDAY_6, "running", wall - timedelta(minutes=10))
    assert schedule.due_slot(migrated_engine, job, now, jobs.stale_after, clock) is None
    # Three hours later the same running row is stale (the default limit is two hours).
    wall += timedelta(hours=3)
    assert schedule.due_slot(migrated_engine, job, now, jobs.stale_after, clock) == MONDAY_6

    add_run(migrated_engine, "daily-trade", MONDAY_6 - timedelta(minutes=30), "failed")
    trade = jobs.job("daily-trade")
    assert schedule.due_slot(migrated_engine, trade, now, jobs.stale_after, clock) == (
        MONDAY_6 - timedelta(minutes=30)
    )


# ------------------------------------------------------------------------------------------------
# Running and recording


def test_run_due_records_each_run(migrated_engine, tmp_path):
    jobs = load_jobs(write_jobs(tmp_path, TWO_JOBS))
    writer = FakeWriter()
    now = MONDAY_6 + timedelta(minutes=5)
    outcomes = schedule.run_due(migrated_engine, jobs, now, writer=writer)

    assert [(o.job, o.status) for o in outcomes] == [
        ("weekly-deals", "succeeded"),
        ("daily-trade", "succeeded"),
    ]
    deals = rows(migrated_engine, "weekly-deals")
    assert len(deals) == 1
    run = deals[0]
    path = (tmp_path / "reports/2025-06-02/deals.xlsx").resolve()
    assert (run.report, run.status, run.due_at, run.error) == ("deals", "succeeded", MONDAY_6, None)
    assert run.file_path == str(path)
    assert run.file_size_bytes == path.stat().st_size > 0
    assert run.file_sha256 == sha256(path)
    assert run.started_at <= run.finished_at

    trade = rows(migrated_engine, "daily-trade")
    assert [(r.due_at, r.status) for r in trade] == [
        (datetime(2025, 6, 2, 5, 30, tzinfo=UTC), "succeeded")
    ]

    call = writer.calls[0]
    assert call["kind"] == "deals"
    assert call["filters"].countries == ("KAZ", "UZB")
    assert str(call["filters"].date_from) == "2024-01-01"
    assert str(call["filters"].date_to) == "2025-12-31"
    assert call["filters"].include_unreviewed is False
    assert call["filters"].as_of == run.started_at
    assert call["label"] == migrated_engine.url.render_as_string(hide_password=True)

    # Nothing is due any more at the same moment: a second pass does nothing.
    assert schedule.run_due(migrated_engine, jobs, now, writer=writer) == []
    assert len(writer.calls) == 2


def test_retention_keeps_the_newest_files_and_touches_nothing_else(migrated_engine, tmp_path):
    jobs = load_jobs(write_jobs(tmp_path, TWO_JOBS))  # weekly-deals keeps 2
    reports = tmp_path / "reports"
    first_folder = reports / "2025-06-02"
    first_folder.mkdir(parents=True)
    bystanders = [reports / "notes.txt", first_folder / "by-hand.xlsx", tmp_path / "deals.xlsx"]
    for path in bystanders:
        path.write_text("not the scheduler's")

    writer = FakeWriter()
    mondays = [MONDAY_6 + timedelta(days=7 * week) for week in range(3)]
    for monday in mondays:
        outcomes = schedule.run_due(
            migrated_engine, jobs, monday, writer=writer, only=["weekly-deals"]
        )
        assert [o.status for o in outcomes] == ["succeeded"]

    written = [(reports / f"{m:%Y-%m-%d}" / "deals.xlsx") for m in mondays]
    assert not written[0].exists()
    assert written[1].exists() and written[2].exists()
    assert outcomes[0].removed == [written[0].resolve()]  # the third run removed the first
    assert all(path.read_text() == "not the scheduler's" for path in bystanders)
    assert first_folder.is_dir()  # it still holds a file the job did not write
    # The history stays: three succeeded rows.
    assert [r.status for r in rows(migrated_engine, "weekly-deals")] == ["succeeded"] * 3


def test_retention_removes_the_emptied_folder_and_spares_edited_files(migrated_engine, tmp_path):
    text = TWO_JOBS.replace("keep = 2", "keep = 1")
    jobs = load_jobs(write_jobs(tmp_path, text))
    writer = FakeWriter()
    first, second, third = (MONDAY_6 + timedelta(days=7 * week) for week in range(3))
    schedule.run_due(migrated_engine, jobs, first, writer=writer, only=["weekly-deals"])
    outcome = schedule.run_due(migrated_engine, jobs, second, writer=writer, only=["weekly-deals"])[
        0
    ]
    first_path = (tmp_path / "reports/2025-06-02/deals.xlsx").resolve()
    assert outcome.removed == [first_path]
    assert not first_path.parent.exists()  # the dated folder it emptied is gone
    assert (tmp_path / "reports").is_dir()  # the fixed part of the pattern stays

    second_path = outcome.path
    second_path.write_text("an analyst saved over it")
    outcome = schedule.run_due(migrated_engine, jobs, third, writer=writer, only=["weekly-deals"])[
        0
    ]
    assert outcome.removed == []
    assert second_path.read_text() == "an analyst saved over it"
    assert any("changed since the job wrote it" in warning for warning in outcome.warnings)


def test_a_failing_job_is_recorded_and_the_others_still_run(
    migrated_url, migrated_engine, tmp_path, monkeypatch
):
    text = (
        TWO_JOBS
        + """
[[jobs]]
name = "weekly-deals-2"
report = "deals"
schedule = "0 6 * * 1"
output = "reports/{date}/deals-2.xlsx"
"""
    )
    jobs_path = write_jobs(tmp_path, text)
    writer = FakeWriter(fail=("trade",))
    monkeypatch.setattr(schedule, "default_writer", lambda: writer)
    args = ["--db", url_arg(migrated_url), "schedule", "run-due", "--jobs", str(jobs_path)]
    now = "2025-06-02T06:05:00+00:00"

    result = CliRunner().invoke(cli.app, [*args, "--now", now])
    assert result.exit_code == 1, result.output
    assert "daily-trade" in result.stderr and "the trade workbook exploded" in result.stderr
    statuses = {r.job_name: r.status for r in rows(migrated_engine)}
    assert statuses == {
        "weekly-deals": "succeeded",
        "daily-trade": "failed",
        "weekly-deals-2": "succeeded",
    }
    failed = rows(migrated_engine, "daily-trade")[0]
    assert failed.error.startswith("RuntimeError: the trade workbook exploded")
    assert failed.finished_at is not None and failed.file_path is None

    # Fixed: the next run-due retries the same slot, in the same row, and exits 0.
    writer.fail = ()
    result = CliRunner().invoke(cli.app, [*args, "--now", now])
    assert result.exit_code == 0, result.output
    retried = rows(migrated_engine, "daily-trade")
    assert [(r.due_at, r.status, r.error) for r in retried] == [(failed.due_at, "succeeded", None)]
    assert len(rows(migrated_engine)) == 3


def test_an_interrupted_run_is_recorded_failed(migrated_engine, tmp_path):
    jobs = load_jobs(write_jobs(tmp_path, TWO_JOBS))

    def interrupted(*_args):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        schedule.run_due(migrated_engine, jobs, MONDAY_6, writer=interrupted, only=["weekly-deals"])
    [run] = rows(migrated_engine, "weekly-deals")
    assert (run.status, run.error) == ("failed", "interrupted before it finished")
    assert not list((tmp_path / "reports").rglob("*.xlsx"))


def test_a_stale_running_row_is_taken_over(migrated_engine, tmp_path):
    jobs = load_jobs(write_jobs(tmp_path, TWO_JOBS))
    started = datetime.now(UTC) - timedelta(hours=3)
    add_run(migrated_engine, "weekly-deals", MONDAY_6, "running", started, jobs_file=jobs.identity)
    outcomes = schedule.run_due(
        migrated_engine, jobs, MONDAY_6, writer=FakeWriter(), only=["weekly-deals"]
    )
    assert [o.status for o in outcomes] == ["succeeded"]
    [run] = rows(migrated_engine, "weekly-deals")
    assert run.status == "succeeded" and run.started_at > started


def test_a_run_claimed_elsewhere_is_skipped(migrated_engine, tmp_path):
    jobs = load_jobs(write_jobs(tmp_path, TWO_JOBS))
    job = jobs.job("weekly-deals")
    add_run(
        migrated_engine,
        "weekly-deals",
        MONDAY_6,
        "running",
        datetime.now(UTC),
        jobs_file=jobs.identity,
    )
    # Planned before the other scheduler's INSERT landed: the claim fails and the job is skipped.
    writer = FakeWriter()
    outcome = schedule.run_job(
        migrated_engine, job, MONDAY_6, stale_after=jobs.stale_after, writer=writer
    )
    assert outcome.status == "skipped" and "already claimed" in outcome.detail
    assert writer.calls == []


def test_the_recorded_hash_is_the_one_the_writer_reported(migrated_engine, tmp_path, monkeypatch):
    """The run records write_report's own size and SHA-256; it never reads the file back
    (which could by then be a file someone else put there)."""
    jobs = load_jobs(write_jobs(tmp_path, TWO_JOBS))

    def no_rehash(path):
        raise AssertionError(f"re-hashed {path}")

    monkeypatch.setattr(schedule, "sha256_of", no_rehash)
    writer = FakeWriter()
    [outcome] = schedule.run_due(
        migrated_engine, jobs, MONDAY_6, writer=writer, only=["daily-trade"]
    )
    assert outcome.status == "succeeded", outcome.detail
    [run] = rows(migrated_engine, "daily-trade")
    content = outcome.path.read_bytes()
    assert (run.file_size_bytes, run.file_sha256) == (len(content), sha256(outcome.path))
    assert (outcome.size_bytes, outcome.sha256) == (run.file_size_bytes, run.file_sha256)
    # The writer was handed a hidden staging file beside the output, moved into place after.
    staged = writer.calls[0]["path"]
    assert staged.parent == outcome.path.parent and staged.name.startswith(".")
    assert [p.name for p in outcome.path.parent.iterdir()] == [outcome.path.name]


def _takeover(engine, job, slot, stale_after, started, *, finish: bool):
    """Another scheduler, three hours later, takes the slot over as stale: claims it and (with
    ``finish``) runs it to the end. Returns its outcome, or its claim when it only claims."""
    later = started + timedelta(hours=3)
    if not finish:
        return schedule.claim(engine, job, slot, later, stale_after)
    return schedule.run_job(
        engine, job, slot, stale_after=stale_after, writer=FakeWriter(), clock=lambda: later
    )


@pytest.mark.parametrize("new_owner", ["finished", "still running"])
def test_a_run_taken_over_midway_records_nothing_and_keeps_off_the_output(
    migrated_engine, tmp_path, new_owner
):
    """A slow but live run is taken over as stale between its claim and its finish: its late
    finish must leave the new owner's row alone, and it must not write the output path."""
    jobs = load_jobs(write_jobs(tmp_path, TWO_JOBS))
    job = jobs.job("weekly-deals")
    started = datetime(2025, 6, 2, 6, 1, tzinfo=UTC)
    path = job.output_path(MONDAY_6)
    taken: list = []

    def take_over():
        taken.append(
            _takeover(
                migrated_engine,
                job,
                MONDAY_6,
                jobs.stale_after,
                started,
                finish=new_owner == "finished",
            )
        )

    slow = FakeWriter(during=take_over)
    outcome = schedule.run_job(
        migrated_engine,
        job,
        MONDAY_6,
        stale_after=jobs.stale_after,
        writer=slow,
        clock=lambda: started,
    )

    assert outcome.status == "skipped"
    assert outcome.detail.startswith("lost its claim: another scheduler took this run over")
    assert outcome.path is None and outcome.sha256 is None
    [run] = rows(migrated_engine, "weekly-deals")
    assert run.id == outcome.run_id and run.started_at == started + timedelta(hours=3)
    if new_owner == "finished":
        [theirs] = taken
        assert theirs.status == "succeeded"
        assert (run.status, run.file_path, run.file_sha256) == (
            "succeeded",
            str(path),
            theirs.sha256,
        )
        assert sha256(path) == theirs.sha256  # their workbook, not overwritten by the slow run
        assert [p.name for p in path.parent.iterdir()] == [path.name]
    else:
        assert taken[0] is not None and taken[0].started_at == run.started_at
        assert (run.status, run.finished_at, run.file_path, run.error) == (
            "running",
            None,
            None,
            None,
        )
        assert not list(path.parent.iterdir())  # nothing at the output path, no staging file


def test_a_run_taken_over_then_failing_reports_the_lost_claim(migrated_engine, tmp_path):
    jobs = load_jobs(write_jobs(tmp_path, TWO_JOBS))
    job = jobs.job("weekly-deals")
    started = datetime(2025, 6, 2, 6, 1, tzinfo=UTC)
    taken: list = []

    def take_over():
        taken.append(
            _takeover(migrated_engine, job, MONDAY_6, jobs.stale_after, started, finish=False)
        )

    outcome = schedule.run_job(
        migrated_engine,
        job,
        MONDAY_6,
        stale_after=jobs.stale_after,
        writer=FakeWriter(fail=("deals",), during=take_over),
        clock=lambda: started,
    )
    assert outcome.status == "skipped"
    assert "lost its claim" in outcome.detail
    assert "its own attempt failed: RuntimeError: the deals workbook exploded" in outcome.detail
    [run] = rows(migrated_engine, "weekly-deals")
    assert (run.status, run.started_at, run.error) == ("running", taken[0].started_at, None)


def test_a_workbook_that_cannot_be_moved_into_place_is_a_failed_run(migrated_engine, tmp_path):
    jobs = load_jobs(write_jobs(tmp_path, TWO_JOBS))
    path = jobs.job("weekly-deals").output_path(MONDAY_6)
    (path / "in-the-way").mkdir(parents=True)  # a folder, not empty, where the workbook goes
    [outcome] = schedule.run_due(
        migrated_engine, jobs, MONDAY_6, writer=FakeWriter(), only=["weekly-deals"]
    )
    assert outcome.status == "failed" and outcome.detail.startswith(f"cannot write {path}")
    [run] = rows(migrated_engine, "weekly-deals")
    assert (run.status, run.file_path, run.error) == ("failed", None, outcome.detail)
    assert sorted(p.name for p in path.parent.iterdir()) == ["deals.xlsx"]  # no staging file


# ------------------------------------------------------------------------------------------------
# Two schedulers at once


def test_two_concurrent_run_due_run_each_job_once(
    migrated_url, migrated_engine, tmp_path, monkeypatch
):
    """Two threads, each with its own engine, plan the same runs and then claim them at the same
    moment (a barrier before every claim), so the UNIQUE (job_name, due_at) race really happens."""
    jobs = load_jobs(write_jobs(tmp_path, TWO_JOBS))
    writer = FakeWriter()
    barrier = threading.Barrier(2, timeout=30)
    real_claim = schedule.claim

    def claim_together(*args, **kwargs):
        barrier.wait()
        return real_claim(*args, **kwargs)

    monkeypatch.setattr(schedule, "claim", claim_together)
    results: dict[int, list[schedule.Outcome]] = {}
    errors: list[BaseException] = []
    now = MONDAY_6 + timedelta(minutes=1)

    def scheduler(number: int) -> None:
        engine = make_engine(migrated_url)
        try:
            results[number] = schedule.run_due(engine, jobs, now, writer=writer)
        except BaseException as exc:
            errors.append(exc)
            barrier.abort()
        finally:
            engine.dispose()

    threads = [threading.Thread(target=scheduler, args=(n,)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    assert errors == []

    for name in ("weekly-deals", "daily-trade"):
        statuses = sorted(o.status for result in results.values() for o in result if o.job == name)
        assert statuses == ["skipped", "succeeded"]
        assert [r.status for r in rows(migrated_engine, name)] == ["succeeded"]
    assert sorted(call["kind"] for call in writer.calls) == ["deals", "trade"]


# ------------------------------------------------------------------------------------------------
# End to end through the real workbook writer, on the seed data


def test_run_due_writes_real_workbooks(seeded_engine, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    jobs = load_jobs(write_jobs(tmp_path, TWO_JOBS))
    outcomes = schedule.run_due(seeded_engine, jobs, MONDAY_6)
    assert [(o.job, o.status) for o in outcomes] == [
        ("weekly-deals", "succeeded"),
        ("daily-trade", "succeeded"),
    ], [o.detail for o in outcomes]
    facts_sheet = {"deals": "Agreements", "trade": "Trade flows"}
    for run in rows(seeded_engine):
        path = Path(run.file_path)
        assert run.file_sha256 == sha256(path)
        assert run.file_size_bytes == path.stat().st_size
        workbook = openpyxl.load_workbook(path, read_only=True)
        # The seed facts are in it: more than a header row on the main sheet.
        assert sum(1 for _ in workbook[facts_sheet[run.report]].iter_rows()) > 1
        workbook.close()
        # Nothing but the workbook is left in its folder (no temporary file).
        assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_two_run_due_processes_against_one_database(seeded_url, seeded_engine, tmp_path):
    jobs_path = write_jobs(tmp_path, TWO_JOBS)
    command = [
        sys.executable,
        "-c",
        "from silkledger.cli import app; app()",
        "--db",
        url_arg(seeded_url),
        "schedule",
        "run-due",
        "--jobs",
        str(jobs_path),
        "--now",
        "2025-06-02T06:01:00Z",
    ]
    processes = [
        subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path
        )
        for _ in range(2)
    ]
    outputs = [process.communicate(timeout=300) for process in processes]
    assert [process.returncode for process in processes] == [0, 0], outputs
    stdout = "".join(out for out, _err in outputs)
    for name in ("weekly-deals", "daily-trade"):
        assert stdout.count(f"succeeded {name} ") == 1, stdout
        [run] = rows(seeded_engine, name)
        assert run.status == "succeeded"
        assert run.file_sha256 == sha256(Path(run.file_path))


# ------------------------------------------------------------------------------------------------
# schedule list and schedule serve


def test_schedule_list_shows_next_run_and_last_result(
    migrated_url, migrated_engine, tmp_path, monkeypatch
):
    jobs_path = write_jobs(tmp_path, TWO_JOBS)
    jobs = load_jobs(jobs_path)
    schedule.run_due(migrated_engine, jobs, MONDAY_6, writer=FakeWriter(), only=["weekly-deals"])
    monkeypatch.setattr(cli.console, "width", 300)
    result = CliRunner().invoke(
        cli.app,
        [
            "--db",
            url_arg(migrated_url),
            "schedule",
            "list",
            "--jobs",
            str(jobs_path),
            "--now",
            "2025-06-02T06:10:00Z",
        ],
    )
    assert result.exit_code == 0, result.output
    deals_line = next(line for line in result.stdout.splitlines() if "weekly-deals" in line)
    assert "0 6 * * 1" in deals_line
    assert "2025-06-09 06:00 UTC" in deals_line  # next Monday
    assert "succeeded" in deals_line and "deals.xlsx" in deals_line
    trade_line = next(line for line in result.stdout.splitlines() if "daily-trade" in line)
    assert "due now" in trade_line and "never" in trade_line


def test_serve_sleeps_until_each_scheduled_time(migrated_engine, tmp_path):
    text = TWO_JOBS.replace('schedule = "30 5 * * *"', 'schedule = "*/5 * * * *"')
    jobs_path = write_jobs(tmp_path, text)
    jobs = load_jobs(jobs_path)
    moment = [datetime(2025, 6, 3, 10, 0, 30, tzinfo=UTC)]  # a Tuesday: weekly-deals is due once
    naps: list[float] = []

    def sleep(seconds: float) -> None:
        naps.append(seconds)
        moment[0] += timedelta(seconds=seconds)

    count = schedule.serve(
        migrated_engine,
        lambda: jobs,
        writer=FakeWriter(),
        max_runs=4,
        clock=lambda: moment[0],
        sleep=sleep,
    )
    assert count == 4
    assert [r.due_at for r in rows(migrated_engine, "daily-trade")] == [
        datetime(2025, 6, 3, 10, minute, tzinfo=UTC) for minute in (0, 5, 10)
    ]
    assert [r.due_at for r in rows(migrated_engine, "weekly-deals")] == [MONDAY_6]
    assert naps and max(naps) <= schedule.MAX_NAP_SECONDS
    assert moment[0] == datetime(2025, 6, 3, 10, 10, tzinfo=UTC)  # woke exactly on time


def test_serve_stops_at_until(migrated_engine, tmp_path):
    text = TWO_JOBS.replace('schedule = "30 5 * * *"', 'schedule = "*/5 * * * *"')
    jobs = load_jobs(write_jobs(tmp_path, text))
    moment = [datetime(2025, 6, 3, 10, 0, 30, tzinfo=UTC)]

    def sleep(seconds: float) -> None:
        moment[0] += timedelta(seconds=seconds)

    count = schedule.serve(
        migrated_engine,
        lambda: jobs,
        writer=FakeWriter(),
        until=datetime(2025, 6, 3, 10, 7, tzinfo=UTC),
        clock=lambda: moment[0],
        sleep=sleep,
    )
    assert count == 3  # weekly-deals, daily-trade at 10:00 and at 10:05
    assert moment[0] == datetime(2025, 6, 3, 10, 7, tzinfo=UTC)


def test_serve_command_runs_due_jobs_and_stops_when_bounded(
    migrated_url, migrated_engine, tmp_path, monkeypatch
):
    jobs_path = write_jobs(tmp_path, TWO_JOBS)
    monkeypatch.setattr(schedule, "default_writer", lambda: FakeWriter())
    until = (datetime.now(UTC) + timedelta(seconds=20)).isoformat()  # a bound in case of a bug
    result = CliRunner().invoke(
        cli.app,
        [
            "--db",
            url_arg(migrated_url),
            "schedule",
            "serve",
            "--jobs",
            str(jobs_path),
            "--max-runs",
            "2",
            "--until",
            until,
        ],
    )
    assert result.exit_code == 0, result.output
    assert "stopped after 2 run(s)" in result.stdout
    assert sorted(r.job_name for r in rows(migrated_engine)) == ["daily-trade", "weekly-deals"]


# ------------------------------------------------------------------------------------------------
# The jobs file


def test_example_jobs_file_is_valid():
    jobs = load_jobs(REPO / "reports.example.toml")
    assert [job.name for job in jobs.jobs] == ["weekly-deals", "monthly-trade", "follow-outlets"]
    feeds_job = jobs.job("follow-outlets")
    assert (feeds_job.kind, feeds_job.feeds, feeds_job.schedule) == ("feeds", (), "*/30 * * * *")
    assert jobs.stale_after == timedelta(minutes=120)
    assert str(jobs.job("weekly-deals").timezone) == "Asia/Almaty"


def test_jobs_file_names_file_and_job_in_one_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_jobs(tmp_path, TWO_JOBS.replace('"0 6 * * 1"', '"61 * * * *"'))
    with pytest.raises(JobsFileError) as caught:
        load_jobs("reports.toml")
    assert str(caught.value) == "reports.toml: job 'weekly-deals': bad cron schedule '61 * * * *'"


JOB = 'name = "j"\nreport = "deals"\nschedule = "0 6 * * 1"\noutput = "out/{date}.xlsx"\n'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[jobs]\n", "reports.toml: invalid TOML"),
        ("", "reports.toml: no jobs defined"),
        (
            'timezone = "Mars/Olympus"\n[[jobs]]\n' + JOB,
            "reports.toml: unknown timezone 'Mars/Olympus'",
        ),
        ("stale_after_minutes = 0\n[[jobs]]\n" + JOB, "stale_after_minutes must be a whole number"),
        (
            "[[jobs]]\n" + JOB.replace('name = "j"\n', ""),
            "reports.toml: job #1: missing field 'name'",
        ),
        ("[[jobs]]\n" + JOB.replace('"j"', '"a b"'), "job 'a b': bad name 'a b'"),
        ("[[jobs]]\n" + JOB + "fitlers = {}\n", "job 'j': unknown field 'fitlers'"),
        (
            "[[jobs]]\n" + JOB.replace('"deals"', '"loans"'),
            "job 'j': unknown report 'loans' (expected one of: deals, trade)",
        ),
        (
            "[[jobs]]\n" + JOB.replace('output = "out/{date}.xlsx"\n', ""),
            "job 'j': missing field 'output'",
        ),
        (
            "[[jobs]]\n" + JOB.replace('"0 6 * * 1"', '"0 0 6 * * 1"'),
            "job 'j': bad cron schedule '0 0 6 * * 1': expected 5 fields",
        ),
        (
            "[[jobs]]\n" + JOB.replace('"0 6 * * 1"', '"0 6 30 2 *"'),
            "job 'j': cron schedule '0 6 30 2 *' never fires",
        ),
        (
            "[[jobs]]\n" + JOB.replace('"0 6 * * 1"', "6"),
            "job 'j': schedule must be a cron expression",
        ),
        (
            "[[jobs]]\n" + JOB.replace("{date}", "{when}"),
            "job 'j': bad output pattern 'out/{when}.xlsx': unknown placeholder {when}",
        ),
        ("[[jobs]]\n" + JOB.replace("{date}", "{date"), "job 'j': bad output pattern"),
        (
            "[[jobs]]\n" + JOB.replace(".xlsx", ".csv"),
            "job 'j': output 'out/{date}.csv' must end in .xlsx",
        ),
        ("[[jobs]]\n" + JOB + "keep = 0\n", "job 'j': keep must be a whole number >= 1"),
        ("[[jobs]]\n" + JOB + "keep = true\n", "job 'j': keep must be a whole number >= 1"),
        ("[[jobs]]\n" + JOB + 'timezone = "Nowhere"\n', "job 'j': unknown timezone 'Nowhere'"),
        (
            "[[jobs]]\n" + JOB + 'filters = { countries = ["Kazakhstan"] }\n',
            "job 'j': filters: country 'KAZAKHSTAN' is not an ISO alpha-3 code",
        ),
        (
            "[[jobs]]\n" + JOB + 'filters = { countries = "KAZ" }\n',
            "job 'j': filters: countries must be a list",
        ),
        (
            "[[jobs]]\n" + JOB + "filters = { from = 2025-01-01, to = 2024-01-01 }\n",
            "job 'j': filters: from 2025-01-01 is after to 2024-01-01",
        ),
        (
            "[[jobs]]\n" + JOB + 'filters = { from = "last year" }\n',
            "job 'j': filters: from must be a date",
        ),
        (
            "[[jobs]]\n" + JOB + 'filters = { include_unreviewed = "yes" }\n',
            "job 'j': filters: include_unreviewed must be true or false",
        ),
        (
            "[[jobs]]\n" + JOB + "filters = { region = 'CA' }\n",
            "job 'j': filters: unknown field 'region'",
        ),
        (
            "[[jobs]]\n" + JOB + "[[jobs]]\n" + JOB,
            "job 'j': the name is used twice (jobs #1 and #2)",
        ),
        (
            "[[jobs]]\n" + JOB + "[[jobs]]\n" + JOB.replace('"j"', '"k"'),
            "job 'k': writes to the same output pattern as job 'j'",
        ),
        (
            "[jobs.j]\n" + JOB.replace('name = "j"\n', ""),
            "reports.toml: 'jobs' must be an array of tables",
        ),
    ],
)
def test_jobs_file_errors(tmp_path, text, message):
    with pytest.raises(JobsFileError) as caught:
        load_jobs(write_jobs(tmp_path, text))
    error = str(caught.value)
    assert message.replace("reports.toml", str(tmp_path / "reports.toml")) in error
    assert "\n" not in error


def test_missing_jobs_file_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SILKLEDGER_JOBS_FILE", raising=False)
    result = CliRunner().invoke(cli.app, ["schedule", "run-due"])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: reports.toml: jobs file not found")

    monkeypatch.setenv("SILKLEDGER_JOBS_FILE", str(tmp_path / "elsewhere.toml"))
    result = CliRunner().invoke(cli.app, ["schedule", "list"])
    assert result.exit_code == 1
    assert "elsewhere.toml: jobs file not found" in result.stderr


def test_jobs_file_from_the_environment_is_used(tmp_path, monkeypatch, migrated_url):
    jobs_path = write_jobs(tmp_path, TWO_JOBS, "custom.toml")
    monkeypatch.setenv("SILKLEDGER_JOBS_FILE", str(jobs_path))
    monkeypatch.setattr(schedule, "default_writer", lambda: FakeWriter())
    result = CliRunner().invoke(
        cli.app,
        ["--db", url_arg(migrated_url), "schedule", "run-due", "--now", "2025-06-02T06:00:00Z"],
    )
    assert result.exit_code == 0, result.output
    assert "succeeded weekly-deals" in result.stdout


def test_bad_now_and_unmigrated_database_are_clear_errors(tmp_path, empty_url, databases):
    with databases.engine(empty_url).connect():  # SQLite: an existing, empty database file
        pass
    jobs_path = write_jobs(tmp_path, TWO_JOBS)
    base = ["--db", url_arg(empty_url), "schedule", "run-due", "--jobs", str(jobs_path)]
    result = CliRunner().invoke(cli.app, [*base, "--now", "next tuesday"])
    assert result.exit_code == 1
    assert "--now: not an ISO 8601 date-time: 'next tuesday'" in result.stderr
    result = CliRunner().invoke(cli.app, base)
    assert result.exit_code == 1
    assert "has no report_runs table: run `silkledger db upgrade` first" in result.stderr


def test_serve_retries_a_failed_job_and_picks_up_jobs_file_edits(migrated_engine, tmp_path):
    weekly_only = TWO_JOBS.split('[[jobs]]\nname = "daily-trade"')[0]
    jobs_path = write_jobs(tmp_path, weekly_only)
    moment = [datetime(2025, 6, 3, 10, 0, 0, tzinfo=UTC)]
    writer = FakeWriter(fail=("deals",))
    edited = [False]

    def sleep(seconds: float) -> None:
        moment[0] += timedelta(seconds=seconds)
        if moment[0] >= datetime(2025, 6, 3, 10, 10, tzinfo=UTC):
            writer.fail = ()  # fixed before the retry

    def changed() -> bool:  # a job is added to the file at 10:20
        if moment[0] >= datetime(2025, 6, 3, 10, 20, tzinfo=UTC) and not edited[0]:
            write_jobs(tmp_path, TWO_JOBS)
            edited[0] = True
            return True
        return False

    count = schedule.serve(
        migrated_engine,
        lambda: load_jobs(jobs_path),
        writer=writer,
        max_runs=3,
        clock=lambda: moment[0],
        sleep=sleep,
        changed=changed,
    )
    assert count == 3
    # The failed slot was retried RETRY_INTERVAL (15 minutes) later, in the same row.
    [deals] = rows(migrated_engine, "weekly-deals")
    assert (deals.due_at, deals.status, deals.error) == (MONDAY_6, "succeeded", None)
    assert deals.started_at == datetime(2025, 6, 3, 10, 15, tzinfo=UTC)
    # The job added to the file ran without a restart, as soon as the edit was noticed.
    [trade] = rows(migrated_engine, "daily-trade")
    assert trade.status == "succeeded"
    assert trade.started_at == datetime(2025, 6, 3, 10, 20, tzinfo=UTC)
