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
    'running' AND started_at < cutoff)``) that also sets a new ``started_at``: only one
    scheduler can win that too.

Fencing
    A claim is the row's id *and* the ``started_at`` it was claimed with (``Claim``); that
    timestamp is the fencing token, since a takeover always sets a later one. Every write a run
    makes to its row afterwards is ``UPDATE ... WHERE id = :id AND status = 'running' AND
    started_at = :token``; when it matches no row, the run was taken over (a slow run taken for
    a dead one) and it records nothing: its outcome is ``skipped`` ("lost its claim"). The
    workbook is written to a hidden staging file beside the output path and moved onto the
    output path only inside the transaction whose fenced UPDATE records the success, while that
    UPDATE holds the row (PostgreSQL) or the database write lock (SQLite); a takeover waits for
    it and then finds the run finished. So a run that lost its claim never touches the output
    path, and the file a row names is the one its own run wrote.

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

import os
import time
import traceback
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, and_, insert, inspect, or_, select, update
from sqlalchemy.exc import IntegrityError, OperationalError

from ..db import connection_error, describe, for_writing
from ..errors import SilkledgerError
from ..models.runs import ReportRun
from .jobs import Job, JobsFile, with_as_of
from .workbook import sha256_of

runs = ReportRun.__table__

# After a failed pass, `serve` tries the failed jobs again this much later (or at the next
# scheduled time, if that comes first).
RETRY_INTERVAL = timedelta(minutes=15)
# `serve` never sleeps longer than this at a time, so it notices clock jumps and jobs-file edits.
MAX_NAP_SECONDS = 60.0

# write_report(kind, engine, out_path, filters, database_label) -> ReportResult: a writer writes
# the workbook atomically to out_path and returns its size and SHA-256 (.size_bytes, .sha256).
Writer = Callable[..., Any]


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


@dataclass(frozen=True)
class Claim:
    """A run this process holds: its report_runs id and the ``started_at`` it was claimed
    with, which is the fencing token (a takeover sets a later one; see the module doc)."""

    id: int
    started_at: datetime


@dataclass
class Outcome:
    """What ``run_due`` did with one job: succeeded, failed, or skipped (and why: claimed by
    another scheduler before it started, or lost its claim to one while it ran)."""

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
) -> Claim | None:
    """Claim the run of ``job`` for ``due_at``: its report_runs id and fencing token, or None if
    another scheduler holds it (or has already finished it)."""
    due_at, started_at = as_utc(due_at), as_utc(started_at)
    running = {"status": "running", "report": job.report, "started_at": started_at}
    try:
        with for_writing(engine).begin() as connection:  # the INSERT is the first statement
            result = connection.execute(
                insert(runs).values(job_name=job.name, due_at=due_at, **running)
            )
            return Claim(result.inserted_primary_key[0], started_at)
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
    with for_writing(engine).begin() as connection:
        if connection.execute(retry).rowcount != 1:
            return None
        run_id = connection.execute(
            select(runs.c.id).where(runs.c.job_name == job.name, runs.c.due_at == due_at)
        ).scalar_one()
        return Claim(run_id, started_at)


def _fenced(held: Claim):
    """An UPDATE of ``held``'s row that matches nothing once another scheduler has taken it."""
    return update(runs).where(
        runs.c.id == held.id,
        runs.c.status == "running",
        runs.c.started_at == held.started_at,
    )


def _finish(engine: Engine, held: Claim, **values) -> bool:
    """Record how the run ended; False (and nothing written) if the claim was lost."""
    with for_writing(engine).begin() as connection:
        return connection.execute(_fenced(held).values(**values)).rowcount == 1


class _NotMoved(SilkledgerError):
    """The finished workbook could not be moved onto its output path."""


def _publish(
    engine: Engine, held: Claim, staged: Path, path: Path, size: int, digest: str, finished_at
) -> bool:
    """Move the staged workbook onto ``path`` and record the success, as one step: the rename
    happens inside the transaction of the fenced UPDATE, while it holds the row (or SQLite's
    write lock), so a takeover cannot slip in between. False, with ``path`` untouched and
    nothing recorded, if the claim was lost. A failed rename is a ``_NotMoved`` and rolls the
    UPDATE back."""
    with for_writing(engine).begin() as connection:
        recorded = connection.execute(
            _fenced(held).values(
                status="succeeded",
                finished_at=finished_at,
                file_path=str(path),
                file_size_bytes=size,
                file_sha256=digest,
            )
        )
        if recorded.rowcount != 1:
            return False
        try:
            os.replace(staged, path)
        except OSError as exc:
            raise _NotMoved(f"cannot write {path}: {exc.strerror or exc}") from None
    return True


def _staging_path(path: Path, held: Claim) -> Path:
    """Where a run writes its workbook before it may replace ``path``: hidden, beside it (same
    file system, so the final move is a rename), and unique to the run."""
    return path.with_name(f".{path.name}.run{held.id}-{uuid.uuid4().hex[:8]}.xlsx")


def _lost(outcome: Outcome, what: str) -> Outcome:
    outcome.status = "skipped"
    outcome.detail = (
        "lost its claim: another scheduler took this run over as stale while it was running "
        f"({what}; raise stale_after_minutes if exports take that long)"
    )
    return outcome


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
    held = claim(engine, job, due_at, started_at, stale_after)
    if held is None:
        outcome.detail = "already claimed by another scheduler (running or done)"
        return outcome
    outcome.run_id = held.id

    path = job.output_path(due_at)
    staged = _staging_path(path, held)
    try:
        return _run_claimed(engine, job, held, path, staged, outcome, writer, clock)
    finally:
        staged.unlink(missing_ok=True)  # gone already once moved into place


def _run_claimed(
    engine: Engine,
    job: Job,
    held: Claim,
    path: Path,
    staged: Path,
    outcome: Outcome,
    writer: Writer | None,
    clock: Callable[[], datetime],
) -> Outcome:
    try:
        size, digest = _export(engine, job, staged, held.started_at, writer or default_writer())
    except BaseException as exc:
        return _record_failure(engine, held, outcome, exc, clock)
    try:
        published = _publish(engine, held, staged, path, size, digest, as_utc(clock()))
    except BaseException as exc:
        # _publish rolled its UPDATE back. The staged file is still there unless the rename
        # happened and the commit after it failed.
        if isinstance(exc, _NotMoved) or (not isinstance(exc, Exception) and staged.exists()):
            return _record_failure(engine, held, outcome, exc, clock)
        if not isinstance(exc, Exception):
            raise
        outcome.status = "failed"
        if staged.exists():
            outcome.detail = f"could not record the run, so {path} was left as it was: "
        else:
            outcome.detail = f"wrote {path} but could not record the run: "
        outcome.detail += _one_line_error(exc)
        return outcome
    if not published:
        return _lost(outcome, f"its workbook was discarded, {path} was left to the new run")

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


def _record_failure(
    engine: Engine,
    held: Claim,
    outcome: Outcome,
    exc: BaseException,
    clock: Callable[[], datetime],
) -> Outcome:
    """Record the run failed (fenced); re-raise an interrupt (Ctrl-C, SIGTERM) once recorded."""
    interrupted = not isinstance(exc, Exception)
    message = "interrupted before it finished" if interrupted else _one_line_error(exc)
    stored = message
    if not interrupted and not isinstance(exc, SilkledgerError):
        stored = f"{message}\n{''.join(traceback.format_exception(exc)).rstrip()}"
    recorded = _finish(engine, held, status="failed", finished_at=as_utc(clock()), error=stored)
    if interrupted:
        raise exc
    if not recorded:
        return _lost(outcome, f"its own attempt failed: {message}")
    outcome.status, outcome.detail = "failed", message
    return outcome


def _export(
    engine: Engine, job: Job, staged: Path, started_at: datetime, writer: Writer
) -> tuple[int, str]:
    """Write the workbook to ``staged`` (write_report itself writes beside that and renames, so
    no half-written file ever carries a workbook's name); the size and SHA-256 it reports for
    what it wrote. The file is not read back: what is recorded is what the writer wrote."""
    try:
        staged.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SilkledgerError(
            f"cannot create folder {staged.parent}: {exc.strerror or exc}"
        ) from None
    label = describe(engine.url)
    result = writer(job.report, engine, staged, with_as_of(job.filters, started_at), label)
    if not staged.is_file():
        raise SilkledgerError(f"the {job.report} report wrote no file at {staged}")
    return result.size_bytes, result.sha256


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
    "Claim",
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
