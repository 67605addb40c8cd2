"""Scheduled exports: decide which jobs are due, claim each run in ``report_runs``, write the
workbook, record how it ended, and delete the workbooks a job no longer keeps.

Rules (docs/scheduling.md explains them for users):

Due-ness
    A job's *slot* is the most recent time its cron schedule names at or before ``now`` (read in
    the job's timezone, stored in UTC). The job is due when that slot is later than the slot of
    its last successful run. A job that never succeeded is therefore due at once for its latest
    slot, and a scheduler that was down for a while runs each job once, for the latest slot
    only (a workbook is a snapshot of the database; older slots would produce the same thing).
    A failed run leaves the job due: the next ``run-due`` retries the same slot.

Claiming
    A run is claimed by committing an INSERT of its ``running`` row before any work is done.
    ``report_runs`` has UNIQUE (job_name, due_at), so a second scheduler that planned the same
    run fails its INSERT and skips the job ("already claimed"). A failed row, or a stale running
    row, is re-claimed with one conditional UPDATE (``... WHERE status = 'failed' OR (status =
    'running' AND started_at < cutoff)``): only one scheduler can win that too.

Stale runs
    A row still ``running`` longer than ``stale_after`` (2 hours unless the jobs file says
    ``stale_after_minutes``) belongs to a process that died; the slot is considered failed and
    may be re-claimed. An export takes seconds, so two hours leaves a wide margin.

Retention
    After a successful run, a job with ``keep = N`` keeps the N newest distinct workbooks among
    its own succeeded runs (including the one just written) and deletes the older ones. Only
    paths recorded in this job's succeeded ``report_runs`` rows are candidates, a path that a
    kept run also wrote is never deleted, and a file whose SHA-256 no longer matches the one
    recorded (someone edited or replaced it) is left alone. Empty dated folders it leaves are
    removed, up to the fixed part of the output pattern.
"""

from __future__ import annotations

import hashlib
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, and_, insert, inspect, or_, select, update
from sqlalchemy.exc import IntegrityError, OperationalError

from ..db import connection_error, describe
from ..errors import SilkledgerError
from ..models.runs import ReportRun
from .jobs import Job, JobsFile, with_as_of

runs = ReportRun.__table__

# After a failed pass, `serve` tries the failed jobs again this much later (or at the next
# scheduled time, if that comes first).
RETRY_INTERVAL = timedelta(minutes=15)
# `serve` never sleeps longer than this at a time, so it notices clock jumps and jobs-file edits.
MAX_NAP_SECONDS = 60.0

Writer = Callable[..., object]  # write_report(kind, engine, out_path, filters, database_label)


class ScheduleError(SilkledgerError):
    """The scheduler cannot work: no report_runs table, a bad --now, an unreachable database."""


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """``moment`` in UTC; a naive value (SQLite hands them back so) is taken to be UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def parse_now(value: str | None) -> datetime | None:
    """``--now`` as given on the command line: ISO 8601; without an offset it means UTC."""
    if value is None:
        return None
    try:
        return as_utc(datetime.fromisoformat(value))
    except ValueError:
        raise ScheduleError(
            f"--now: not an ISO 8601 date-time: {value!r} (e.g. 2025-06-02T06:00:00+00:00)"
        ) from None


def default_writer() -> Writer:
    from .export import write_report

    return write_report


@dataclass(frozen=True)
class RunRecord:
    """One row of report_runs, with its times in UTC."""

    id: int
    job_name: str
    report: str
    due_at: datetime
    started_at: datetime
    finished_at: datetime | None
    status: str
    file_path: str | None
    file_size_bytes: int | None
    file_sha256: str | None
    error: str | None

    @classmethod
    def from_row(cls, row) -> RunRecord:
        values = dict(row._mapping)
        for key in ("due_at", "started_at", "finished_at"):
            if values[key] is not None:
                values[key] = as_utc(values[key])
        return cls(**values)

    def is_stale(self, cutoff: datetime) -> bool:
        return self.status == "running" and self.started_at < cutoff


@dataclass
class Outcome:
    """What ``run_due`` did with one job: succeeded, failed, or skipped (and why)."""

    job: str
    report: str
    due_at: datetime
    status: str  # succeeded | failed | skipped
    detail: str = ""
    path: Path | None = None
    size_bytes: int | None = None
    sha256: str | None = None
    removed: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    run_id: int | None = None

    @property
    def ran(self) -> bool:
        return self.status in ("succeeded", "failed")


@dataclass(frozen=True)
class JobState:
    """A job as ``schedule list`` shows it."""

    job: Job
    due_at: datetime | None  # the slot it is due for now, or None
    next_at: datetime  # the next scheduled time after now
    last: RunRecord | None  # the newest run of any status
    last_success: RunRecord | None
    stale: bool


# ---------------------------------------------------------------------------------------------
# Reading report_runs


def require_runs_table(engine: Engine) -> None:
    try:
        present = inspect(engine).has_table(runs.name)
    except OperationalError as exc:
        raise connection_error(engine.url, exc) from None
    if not present:
        raise ScheduleError(
            f"database {describe(engine.url)} has no report_runs table: run `silkledger db upgrade` first"
        )


def _latest(engine: Engine, job_name: str, *conditions) -> RunRecord | None:
    query = (
        select(runs)
        .where(runs.c.job_name == job_name, *conditions)
        .order_by(runs.c.due_at.desc(), runs.c.id.desc())
        .limit(1)
    )
    with engine.connect() as connection:
        row = connection.execute(query).first()
    return RunRecord.from_row(row) if row is not None else None


def last_run(engine: Engine, job_name: str) -> RunRecord | None:
    return _latest(engine, job_name)


def last_success(engine: Engine, job_name: str) -> RunRecord | None:
    return _latest(engine, job_name, runs.c.status == "succeeded")


def run_for_slot(engine: Engine, job_name: str, due_at: datetime) -> RunRecord | None:
    return _latest(engine, job_name, runs.c.due_at == as_utc(due_at))


def job_runs(engine: Engine, job_name: str) -> list[RunRecord]:
    """Every run of a job, newest slot first."""
    query = (
        select(runs)
        .where(runs.c.job_name == job_name)
        .order_by(runs.c.due_at.desc(), runs.c.id.desc())
    )
    with engine.connect() as connection:
        return [RunRecord.from_row(row) for row in connection.execute(query)]


# ---------------------------------------------------------------------------------------------
# Due-ness


def due_slot(
    engine: Engine, job: Job, now: datetime, stale_after: timedelta, clock=utcnow
) -> datetime | None:
    """The slot ``job`` is due for at ``now``, or None when it is not due (see the module doc)."""
    slot = job.latest_due(now)
    success = last_success(engine, job.name)
    if success is not None and success.due_at >= slot:
        return None
    existing = run_for_slot(engine, job.name, slot)
    if existing is None or existing.status == "failed":
        return slot
    if existing.status == "running" and existing.is_stale(as_utc(clock()) - stale_after):
        return slot
    return None  # running right now in another process, or succeeded


def job_states(
    engine: Engine, jobs_file: JobsFile, now: datetime | None = None, clock=utcnow
) -> list[JobState]:
    require_runs_table(engine)
    now = as_utc(now or clock())
    cutoff = as_utc(clock()) - jobs_file.stale_after
    states = []
    for job in jobs_file.jobs:
        last = last_run(engine, job.name)
        states.append(
            JobState(
                job=job,
                due_at=due_slot(engine, job, now, jobs_file.stale_after, clock),
                next_at=job.next_due(now),
                last=last,
                last_success=last_success(engine, job.name),
                stale=last is not None and last.is_stale(cutoff),
            )
        )
    return states


# ---------------------------------------------------------------------------------------------
# Claiming and recording runs


def claim(
    engine: Engine, job: Job, due_at: datetime, started_at: datetime, stale_after: timedelta
) -> int | None:
    """Claim the run of ``job`` for ``due_at``; its report_runs id, or None if another
    scheduler holds it (or has already finished it)."""
    due_at, started_at = as_utc(due_at), as_utc(started_at)
    running = {"status": "running", "report": job.report, "started_at": started_at}
    try:
        with engine.begin() as connection:  # the INSERT is the transaction's first statement
            result = connection.execute(
                insert(runs).values(job_name=job.name, due_at=due_at, **running)
            )
            return result.inserted_primary_key[0]
    except IntegrityError:
        pass  # the slot has a row already: someone else's run, or one to retry
    cutoff = started_at - stale_after
    retry = (
        update(runs)
        .where(
            runs.c.job_name == job.name,
            runs.c.due_at == due_at,
            or_(
                runs.c.status == "failed",
                and_(runs.c.status == "running", runs.c.started_at < cutoff),
            ),
        )
        .values(
            finished_at=None,
            file_path=None,
            file_size_bytes=None,
            file_sha256=None,
            error=None,
            **running,
        )
    )
    with engine.begin() as connection:
        if connection.execute(retry).rowcount != 1:
            return None
        return connection.execute(
            select(runs.c.id).where(runs.c.job_name == job.name, runs.c.due_at == due_at)
        ).scalar_one()


def _finish(engine: Engine, run_id: int, **values) -> None:
    with engine.begin() as connection:
        connection.execute(update(runs).where(runs.c.id == run_id).values(**values))


def _one_line_error(exc: BaseException) -> str:
    if isinstance(exc, SilkledgerError):
        return str(exc)
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


# ---------------------------------------------------------------------------------------------
# Running jobs


def run_due(
    engine: Engine,
    jobs_file: JobsFile,
    now: datetime | None = None,
    *,
    writer: Writer | None = None,
    clock: Callable[[], datetime] = utcnow,
    on_outcome: Callable[[Outcome], None] | None = None,
    only: Iterable[str] | None = None,
) -> list[Outcome]:
    """Run every job of ``jobs_file`` that is due at ``now`` (default: the clock), each once.

    Jobs that are not due produce no outcome. A failing job is recorded as failed and the others
    still run; look for ``status == "failed"`` in the result.
    """
    require_runs_table(engine)
    now = as_utc(now or clock())
    wanted = set(only) if only is not None else None
    try:
        planned = [
            (job, slot)
            for job in jobs_file.jobs
            if wanted is None or job.name in wanted
            if (slot := due_slot(engine, job, now, jobs_file.stale_after, clock)) is not None
        ]
        outcomes = []
        for job, slot in planned:
            outcome = run_job(
                engine, job, slot, stale_after=jobs_file.stale_after, writer=writer, clock=clock
            )
            outcomes.append(outcome)
            if on_outcome is not None:
                on_outcome(outcome)
    except OperationalError as exc:  # the database went away mid-way
        raise connection_error(engine.url, exc) from None
    return outcomes


def run_job(
    engine: Engine,
    job: Job,
    due_at: datetime,
    *,
    stale_after: timedelta,
    writer: Writer | None = None,
    clock: Callable[[], datetime] = utcnow,
) -> Outcome:
    """Claim, run and record one run of ``job`` for the slot ``due_at``."""
    started_at = as_utc(clock())
    outcome = Outcome(job=job.name, report=job.report, due_at=due_at, status="skipped")
    run_id = claim(engine, job, due_at, started_at, stale_after)
    if run_id is None:
        outcome.detail = "already claimed by another scheduler (running or done)"
        return outcome
    outcome.run_id = run_id

    path = job.output_path(due_at)
    try:
        size, digest = _export(engine, job, path, started_at, writer or default_writer())
    except BaseException as exc:
        interrupted = not isinstance(exc, Exception)
        message = "interrupted before it finished" if interrupted else _one_line_error(exc)
        stored = message
        if not interrupted and not isinstance(exc, SilkledgerError):
            stored = f"{message}\n{''.join(traceback.format_exception(exc)).rstrip()}"
        _finish(engine, run_id, status="failed", finished_at=as_utc(clock()), error=stored)
        if interrupted:
            raise
        outcome.status, outcome.detail = "failed", message
        return outcome

    try:
        _finish(
            engine,
            run_id,
            status="succeeded",
            finished_at=as_utc(clock()),
            file_path=str(path),
            file_size_bytes=size,
            file_sha256=digest,
        )
    except Exception as exc:  # the workbook is there, but the run could not be recorded
        outcome.status = "failed"
        outcome.detail = f"wrote {path} but could not record the run: {_one_line_error(exc)}"
        return outcome
    outcome.status, outcome.path, outcome.size_bytes, outcome.sha256 = (
        "succeeded",
        path,
        size,
        digest,
    )
    if job.keep is not None:
        try:
            outcome.removed, outcome.warnings = apply_retention(engine, job)
        except Exception as exc:
            outcome.warnings.append(f"retention failed: {_one_line_error(exc)}")
    return outcome


def _export(
    engine: Engine, job: Job, path: Path, started_at: datetime, writer: Writer
) -> tuple[int, str]:
    """Write the workbook (write_report writes it beside ``path`` and renames it into place, so
    a failed run never leaves half a workbook under the name analysts open); its size and hash."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SilkledgerError(
            f"cannot create folder {path.parent}: {exc.strerror or exc}"
        ) from None
    writer(job.report, engine, path, with_as_of(job.filters, started_at), describe(engine.url))
    if not path.is_file():
        raise SilkledgerError(f"the {job.report} report wrote no file at {path}")
    return path.stat().st_size, sha256_of(path)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def apply_retention(engine: Engine, job: Job) -> tuple[list[Path], list[str]]:
    """Delete the workbooks ``job`` wrote beyond its ``keep`` newest (see the module doc).
    Returns the files removed and warnings about files left in place."""
    if job.keep is None:
        return [], []
    succeeded = [
        run for run in job_runs(engine, job.name) if run.status == "succeeded" and run.file_path
    ]
    kept: list[str] = []
    for run in succeeded:  # newest slot first
        if len(kept) == job.keep:
            break
        if run.file_path not in kept:
            kept.append(run.file_path)
    removed: list[Path] = []
    warnings: list[str] = []
    done: set[str] = set(kept)
    for run in succeeded:
        if run.file_path in done:
            continue
        done.add(run.file_path)
        path = Path(run.file_path)
        if not path.is_file():
            continue
        if sha256_of(path) != run.file_sha256:
            warnings.append(f"kept {path}: it changed since the job wrote it")
            continue
        path.unlink()
        removed.append(path)
        _prune_empty_folders(path.parent, job.static_root())
    return removed, warnings


def _prune_empty_folders(folder: Path, root: Path) -> None:
    while folder != root and root in folder.parents:
        try:
            folder.rmdir()  # only succeeds when empty
        except OSError:
            return
        folder = folder.parent


# ---------------------------------------------------------------------------------------------
# Serving in the foreground


def next_wake(jobs: Iterable[Job], now: datetime) -> datetime:
    return min(job.next_due(now) for job in jobs)


def serve(
    engine: Engine,
    load: Callable[[], JobsFile],
    *,
    writer: Writer | None = None,
    max_runs: int | None = None,
    until: datetime | None = None,
    clock: Callable[[], datetime] = utcnow,
    sleep: Callable[[float], None] = time.sleep,
    on_outcome: Callable[[Outcome], None] | None = None,
    on_wait: Callable[[datetime], None] | None = None,
    on_error: Callable[[SilkledgerError], None] | None = None,
    changed: Callable[[], bool] | None = None,
) -> int:
    """Run due jobs, sleep until the next scheduled time, repeat; returns the number of runs.

    Stops after ``max_runs`` runs or when the clock reaches ``until`` (both for tests and
    bounded runs); otherwise runs until interrupted (KeyboardInterrupt). ``load`` re-reads the
    jobs file; it is called again whenever ``changed()`` says the file changed, and an invalid
    edit keeps the jobs that were loaded before. A pass that fails as a whole (the database is
    unreachable) is reported to ``on_error`` and tried again RETRY_INTERVAL later.
    """
    require_runs_table(engine)
    jobs_file = load()
    until = as_utc(until) if until is not None else None
    count = failures = 0

    def record(outcome: Outcome) -> None:
        nonlocal count, failures
        count += outcome.ran
        failures += outcome.status == "failed"
        if on_outcome is not None:
            on_outcome(outcome)

    wake = as_utc(clock())  # run whatever is due at start-up
    while True:
        now = as_utc(clock())
        if until is not None and now >= until:
            return count
        if changed is not None and changed():
            try:
                jobs_file = load()
                wake = now
            except SilkledgerError as exc:
                if on_error is not None:
                    on_error(SilkledgerError(f"{exc}; keeping the jobs loaded before"))
        if now >= wake:
            failures = 0
            try:
                run_due(engine, jobs_file, now, writer=writer, clock=clock, on_outcome=record)
            except SilkledgerError as exc:  # e.g. the database is unreachable for a while
                if on_error is not None:
                    on_error(exc)
                failures += 1
            failed = failures > 0
            if max_runs is not None and count >= max_runs:
                return count
            now = as_utc(clock())
            wake = next_wake(jobs_file.jobs, now)
            if failed:
                wake = min(wake, now + RETRY_INTERVAL)
            if on_wait is not None:
                on_wait(wake)
        stop = wake if until is None else min(wake, until)
        sleep(min(max((stop - now).total_seconds(), 0.0), MAX_NAP_SECONDS))


def mtime_watcher(path: Path) -> Callable[[], bool]:
    """A ``changed()`` for ``serve``: true once each time the file's modification time moves."""

    def stamp():
        try:
            return path.stat().st_mtime_ns
        except OSError:
            return None

    last = [stamp()]

    def changed() -> bool:
        current = stamp()
        if current != last[0]:
            last[0] = current
            return True
        return False

    return changed


__all__ = [
    "JobState",
    "Outcome",
    "RunRecord",
    "ScheduleError",
    "apply_retention",
    "claim",
    "due_slot",
    "job_states",
    "parse_now",
    "run_due",
    "run_job",
    "serve",
]
