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

Whose runs
    A job is known by its jobs file's identity (``report_runs.jobs_file``: the file's ``id``
    setting, else its resolved path) and its name, so two jobs files that share a job name on
    one database neither block nor prune each other. Rows from before migration 0005 carry
    ``jobs_file = ''`` (the file that wrote them is unknown): they are read as history of every
    job of that name, which is what they were then, and never written again.

Claiming
    A run is claimed by committing an INSERT of its ``running`` row before any work is done.
    ``report_runs`` has UNIQUE (jobs_file, job_name, due_at), so a second scheduler that planned
    the same run fails its INSERT and skips the job ("already claimed"). A failed row, or a
    stale running row, is re-claimed with one conditional UPDATE (``... WHERE status =
    'failed' OR (status = 'running' AND started_at < cutoff)``) that also sets a new
    ``started_at``: only one scheduler can win that too.

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

Leftovers
    Every file a run makes besides its workbook carries its tag ``run<id>-<token>`` (the token
    is ``started_at`` in microseconds): the staged workbook ``.NAME.run<id>-<token>.xlsx`` and
    the exporter's temporary file beside it, and openpyxl's temporary files, which are routed
    into ``<output root>/.silkledger-tmp/run<id>-<token>/`` while the run exports. A kill -9
    leaves them behind; the job's next run deletes every tagged leftover in the folders its
    output pattern names and in that scratch folder whose run no longer holds that claim
    (finished, failed, taken over, or stale), and retention does the same in a folder before
    it prunes it. Only hidden names of that form are touched beside the outputs.

Stale runs
    A row still ``running`` longer than ``stale_after`` (2 hours unless the jobs file says
    ``stale_after_minutes``) belongs to a process that died; the slot is considered failed and
    may be re-claimed. An export takes seconds, so two hours leaves a wide margin.

Retention
    After a successful run, a job with ``keep = N`` keeps the N newest distinct workbooks among
    its own succeeded runs (including the one just written) and deletes the older ones. Only
    paths recorded in this job's succeeded ``report_runs`` rows are candidates, and of those
    only the job's own files (``Job.owns``: under the output root, matching the output pattern,
    ending in .xlsx, no symbolic link), so a forged or stale row cannot make it delete anything
    else. A path that a kept run also wrote is never deleted, and a file whose SHA-256 no longer
    matches the one recorded (someone edited or replaced it) is left alone. Empty dated folders
    it leaves are removed, up to the fixed part of the output pattern.

Output files
    Replacing an existing workbook keeps that file's permission bits. An output path that is a
    symbolic link is refused (the run fails): the scheduler neither writes through a link nor
    replaces one.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Engine, and_, insert, inspect, or_, select, update
from sqlalchemy.exc import IntegrityError, OperationalError

from ..db import connection_error, describe, for_writing
from ..errors import SilkledgerError
from ..models.runs import ReportRun
from .jobs import Job, JobsFile, check_against_database, with_as_of
from .workbook import replace_keeping_mode, sha256_of

runs = ReportRun.__table__

# After a failed pass, `serve` tries the failed jobs again this much later (or at the next
# scheduled time, if that comes first).
RETRY_INTERVAL = timedelta(minutes=15)
# `serve` never sleeps longer than this at a time, so it notices clock jumps and jobs-file edits.
MAX_NAP_SECONDS = 60.0
# report_runs.jobs_file of the rows written before jobs files were told apart (migration 0005).
LEGACY_JOBS_FILE = ""
# The folder under the output root that holds openpyxl's temporary files while a run exports.
SCRATCH_FOLDER = ".silkledger-tmp"
# What a run leaves behind if it dies, named with the claim it was made under (id and token):
# beside the output, its hidden staged workbook and the exporter's temporary file of that;
# in the scratch folder, its folder of openpyxl's temporary files.
STAGED_LEFTOVER = re.compile(r"^\..+\.run(?P<id>\d+)-(?P<token>\d+)\.xlsx(?:\..+\.tmp)?$")
SCRATCH_LEFTOVER = re.compile(r"^run(?P<id>\d+)-(?P<token>\d+)$")

# write_report(kind, engine, out_path, filters, database_label) -> ReportResult: a writer writes
# the workbook atomically to out_path and returns its size and SHA-256 (.size_bytes, .sha256),
# and what it warns about (.warnings, e.g. that nothing matched the filters), if anything.
Writer = Callable[..., Any]


@dataclass(frozen=True)
class JobResult:
    """What a runner of another job kind (``JOB_RUNNERS``) reports: a one-line summary, the
    lines it warns about (an item that failed), and whether the run failed as a whole."""

    summary: str
    warnings: tuple[str, ...] = ()
    failed: bool = False


# job kind -> runner(engine, job) -> JobResult, for the kinds that are not a report export
# ("feeds"). The CLI registers them: reports/ imports nothing from what they run (loaders/).
JOB_RUNNERS: dict[str, Callable[[Engine, Job], JobResult]] = {}


def register_job_kind(kind: str, runner: Callable[[Engine, Job], JobResult]) -> None:
    JOB_RUNNERS[kind] = runner


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
    jobs_file: str
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
    warnings: str | None

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

    @property
    def tag(self) -> str:
        """Names the files this claim makes besides the workbook (see Leftovers)."""
        return f"run{self.id}-{_token(self.started_at)}"


EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _token(started_at: datetime) -> int:
    return (as_utc(started_at) - EPOCH) // timedelta(microseconds=1)


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
    cleaned: list[Path] = field(default_factory=list)  # leftovers of earlier runs deleted
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


def check_ready(engine: Engine, jobs_file: JobsFile) -> None:
    """Before anything runs: the database has report_runs, and every job of the file is valid
    against it (country codes); one line naming the file and job otherwise."""
    require_runs_table(engine)
    try:
        check_against_database(engine, jobs_file)
    except OperationalError as exc:
        raise connection_error(engine.url, exc) from None


def _history(job: Job) -> ColumnElement[bool]:
    """The rows that are ``job``'s history: its own, and those from before migration 0005."""
    return and_(
        runs.c.job_name == job.name, runs.c.jobs_file.in_((job.jobs_file, LEGACY_JOBS_FILE))
    )


def _own_slot(job: Job, due_at: datetime) -> ColumnElement[bool]:
    """The row this job's run for ``due_at`` writes: never a pre-0005 row, never another file's."""
    return and_(
        runs.c.jobs_file == job.jobs_file, runs.c.job_name == job.name, runs.c.due_at == due_at
    )


def _latest(engine: Engine, job: Job, *conditions) -> RunRecord | None:
    query = (
        select(runs)
        .where(_history(job), *conditions)
        .order_by(runs.c.due_at.desc(), runs.c.id.desc())
        .limit(1)
    )
    with engine.connect() as connection:
        row = connection.execute(query).first()
    return RunRecord.from_row(row) if row is not None else None


def last_run(engine: Engine, job: Job) -> RunRecord | None:
    return _latest(engine, job)


def last_success(engine: Engine, job: Job) -> RunRecord | None:
    return _latest(engine, job, runs.c.status == "succeeded")


def run_for_slot(engine: Engine, job: Job, due_at: datetime) -> RunRecord | None:
    return _latest(engine, job, runs.c.due_at == as_utc(due_at))


def job_runs(engine: Engine, job: Job) -> list[RunRecord]:
    """Every run of a job, newest slot first."""
    query = select(runs).where(_history(job)).order_by(runs.c.due_at.desc(), runs.c.id.desc())
    with engine.connect() as connection:
        return [RunRecord.from_row(row) for row in connection.execute(query)]


# ---------------------------------------------------------------------------------------------
# Due-ness


def due_slot(
    engine: Engine, job: Job, now: datetime, stale_after: timedelta, clock=utcnow
) -> datetime | None:
    """The slot ``job`` is due for at ``now``, or None when it is not due (see the module doc)."""
    slot = job.latest_due(now)
    success = last_success(engine, job)
    if success is not None and success.due_at >= slot:
        return None
    existing = run_for_slot(engine, job, slot)
    if existing is None or existing.status == "failed":
        return slot
    if existing.status == "running" and existing.is_stale(as_utc(clock()) - stale_after):
        return slot
    return None  # running right now in another process, or succeeded


def job_states(
    engine: Engine, jobs_file: JobsFile, now: datetime | None = None, clock=utcnow
) -> list[JobState]:
    check_ready(engine, jobs_file)
    now = as_utc(now or clock())
    cutoff = as_utc(clock()) - jobs_file.stale_after
    states = []
    for job in jobs_file.jobs:
        last = last_run(engine, job)
        states.append(
            JobState(
                job=job,
                due_at=due_slot(engine, job, now, jobs_file.stale_after, clock),
                next_at=job.next_due(now),
                last=last,
                last_success=last_success(engine, job),
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
                insert(runs).values(
                    jobs_file=job.jobs_file, job_name=job.name, due_at=due_at, **running
                )
            )
            return Claim(result.inserted_primary_key[0], started_at)
    except IntegrityError:
        pass  # the slot has a row already: someone else's run, or one to retry
    cutoff = started_at - stale_after
    retry = (
        update(runs)
        .where(
            _own_slot(job, due_at),
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
            warnings=None,
            **running,
        )
    )
    with for_writing(engine).begin() as connection:
        if connection.execute(retry).rowcount != 1:
            return None
        run_id = connection.execute(select(runs.c.id).where(_own_slot(job, due_at))).scalar_one()
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


@dataclass(frozen=True)
class _Written:
    """What the exporter wrote to the staging file, as it reported it."""

    size: int
    sha256: str
    warnings: tuple[str, ...]


def _publish(
    engine: Engine, held: Claim, staged: Path, path: Path, written: _Written, finished_at
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
                file_size_bytes=written.size,
                file_sha256=written.sha256,
                warnings="\n".join(written.warnings) or None,
            )
        )
        if recorded.rowcount != 1:
            return False
        _replace(staged, path)
    return True


def _replace(staged: Path, path: Path) -> None:
    """Rename ``staged`` onto ``path``, keeping the permission bits of the file it replaces;
    a symbolic link at ``path`` is refused rather than replaced (or written through)."""
    _refuse_link(path)
    try:
        replace_keeping_mode(staged, path)
    except OSError as exc:
        raise _NotMoved(f"cannot write {path}: {exc.strerror or exc}") from None


def _refuse_link(path: Path) -> None:
    if path.is_symlink():
        raise _NotMoved(
            f"cannot write {path}: it is a symbolic link, and the scheduler neither writes "
            "through links nor replaces them (point output at a real path)"
        )


def _staging_path(path: Path, held: Claim) -> Path:
    """Where a run writes its workbook before it may replace ``path``: hidden, beside it (same
    file system, so the final move is a rename), and tagged with the claim (see Leftovers)."""
    return path.with_name(f".{path.name}.{held.tag}.xlsx")


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

    The whole file is first checked against the database (``check_ready``): a job naming an
    unknown country stops the pass before anything runs. Jobs that are not due produce no
    outcome. A failing job is recorded as failed and the others still run; look for
    ``status == "failed"`` in the result.
    """
    check_ready(engine, jobs_file)
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
    if job.kind != "report":
        return _run_registered(engine, job, due_at, outcome, stale_after, clock)
    held = claim(engine, job, due_at, started_at, stale_after)
    if held is None:
        outcome.detail = "already claimed by another scheduler (running or done)"
        return outcome
    outcome.run_id = held.id
    sweeper = _Sweeper(engine, lambda: as_utc(clock()) - stale_after)
    try:
        path = job.output_path(due_at)
    except SilkledgerError as exc:
        return _record_failure(engine, held, outcome, exc, clock)
    try:
        outcome.cleaned = _sweep_job(sweeper, job)
    except Exception as exc:  # a leftover we cannot delete must not stop the run
        outcome.warnings.append(f"cleaning up leftovers failed: {_one_line_error(exc)}")
    staged = _staging_path(path, held)
    try:
        return _run_claimed(engine, job, held, path, staged, outcome, writer, clock, sweeper)
    finally:
        staged.unlink(missing_ok=True)  # gone already once moved into place


def _run_registered(
    engine: Engine,
    job: Job,
    due_at: datetime,
    outcome: Outcome,
    stale_after: timedelta,
    clock: Callable[[], datetime],
) -> Outcome:
    """A job of a registered kind (feeds): claimed like an export, never run while another run
    of the same job (any slot) is still going, recorded in report_runs the same way."""
    runner = JOB_RUNNERS.get(job.kind)
    if runner is None:
        outcome.status = "failed"
        outcome.detail = (
            f"no runner for jobs of kind {job.kind!r} (run it with the silkledger command)"
        )
        return outcome
    started_at = as_utc(clock())
    running = _running_elsewhere(engine, job, started_at - stale_after)
    if running is not None:
        outcome.detail = f"still running (the run due {running.isoformat()}): not started twice"
        return outcome
    held = claim(engine, job, due_at, started_at, stale_after)
    if held is None:
        outcome.detail = "already claimed by another scheduler (running or done)"
        return outcome
    outcome.run_id = held.id
    try:
        result = runner(engine, job)
    except BaseException as exc:
        return _record_failure(engine, held, outcome, exc, clock)
    status = "failed" if result.failed else "succeeded"
    recorded = _finish(
        engine,
        held,
        status=status,
        finished_at=as_utc(clock()),
        error=result.summary if result.failed else None,
        warnings="\n".join(result.warnings) or None,
    )
    if not recorded:
        return _lost(outcome, "its result was not recorded")
    outcome.status, outcome.detail = status, result.summary
    outcome.warnings.extend(result.warnings)
    return outcome


def _running_elsewhere(engine: Engine, job: Job, cutoff: datetime) -> datetime | None:
    """The slot of a run of ``job`` that is still running (and not stale), if any."""
    query = select(runs.c.due_at).where(
        runs.c.jobs_file == job.jobs_file,
        runs.c.job_name == job.name,
        runs.c.status == "running",
        runs.c.started_at >= cutoff,
    )
    with engine.connect() as connection:
        found = connection.execute(query.limit(1)).scalar()
    return as_utc(found) if found is not None else None


def _run_claimed(
    engine: Engine,
    job: Job,
    held: Claim,
    path: Path,
    staged: Path,
    outcome: Outcome,
    writer: Writer | None,
    clock: Callable[[], datetime],
    sweeper: _Sweeper,
) -> Outcome:
    try:
        _refuse_link(path)  # fail before the work; _publish checks again before the move
        written = _export(engine, job, held, staged, writer or default_writer())
    except BaseException as exc:
        return _record_failure(engine, held, outcome, exc, clock)
    try:
        published = _publish(engine, held, staged, path, written, as_utc(clock()))
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
        written.size,
        written.sha256,
    )
    outcome.warnings.extend(written.warnings)
    if job.keep is not None:
        try:
            removed, warnings = apply_retention(engine, job, sweeper)
        except Exception as exc:
            outcome.warnings.append(f"retention failed: {_one_line_error(exc)}")
        else:
            outcome.removed = removed
            outcome.warnings.extend(warnings)
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


def _export(engine: Engine, job: Job, held: Claim, staged: Path, writer: Writer) -> _Written:
    """Write the workbook to ``staged`` (write_report itself writes beside that and renames, so
    no half-written file ever carries a workbook's name); the size and SHA-256 it reports for
    what it wrote, and its warnings. The file is not read back: what is recorded is what the
    writer wrote. openpyxl's temporary files go to this run's scratch folder meanwhile."""
    try:
        staged.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SilkledgerError(
            f"cannot create folder {staged.parent}: {exc.strerror or exc}"
        ) from None
    label = describe(engine.url)
    filters = with_as_of(job.filters, held.started_at)
    with _temporary_files_in(_scratch_root(job) / held.tag):
        result = writer(job.report, engine, staged, filters, label)
    if not staged.is_file():
        raise SilkledgerError(f"the {job.report} report wrote no file at {staged}")
    warnings = tuple(str(warning) for warning in getattr(result, "warnings", None) or ())
    return _Written(result.size_bytes, result.sha256, warnings)


# tempfile.tempdir is one setting for the whole process: exports that reroute it take turns.
_TEMPDIR_LOCK = threading.RLock()


@contextlib.contextmanager
def _temporary_files_in(folder: Path) -> Iterator[None]:
    """Send the temporary files of everything in this block (openpyxl's write-only sheets use
    ``tempfile`` without a folder) to ``folder``, which is created, and deleted afterwards.
    A kill -9 leaves the folder behind, named with the claim: the next run removes it."""
    with _TEMPDIR_LOCK:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SilkledgerError(f"cannot create folder {folder}: {exc.strerror or exc}") from None
        previous = tempfile.tempdir
        tempfile.tempdir = str(folder)
        try:
            yield
        finally:
            tempfile.tempdir = previous
            shutil.rmtree(folder, ignore_errors=True)
            with contextlib.suppress(OSError):
                folder.parent.rmdir()  # the scratch root, when no other run is using it


def _scratch_root(job: Job) -> Path:
    return job.root / SCRATCH_FOLDER


class _Sweeper:
    """Deletes the leftovers of dead runs (see Leftovers in the module doc) from a folder: the
    tagged files and scratch folders whose claim is no longer held, since its row finished,
    was taken over (another ``started_at``) or has been running longer than ``stale_after``."""

    def __init__(self, engine: Engine, cutoff: Callable[[], datetime]):
        self.engine = engine
        self.cutoff = cutoff

    def sweep(self, folder: Path, leftover: re.Pattern[str] = STAGED_LEFTOVER) -> list[Path]:
        try:
            entries = [(entry, leftover.match(entry.name)) for entry in folder.iterdir()]
        except OSError:  # no such folder yet, or not readable: nothing of ours to clean
            return []
        tagged = [(entry, int(m["id"]), int(m["token"])) for entry, m in entries if m]
        if not tagged:
            return []
        live = self._live_claims({run_id for _entry, run_id, _token in tagged})
        removed = []
        for entry, run_id, token in tagged:
            if (run_id, token) in live:
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
            removed.append(entry)
        return removed

    def _live_claims(self, run_ids: set[int]) -> set[tuple[int, int]]:
        query = select(runs.c.id, runs.c.started_at).where(
            runs.c.id.in_(sorted(run_ids)),
            runs.c.status == "running",
            runs.c.started_at >= self.cutoff(),
        )
        with self.engine.connect() as connection:
            return {(run_id, _token(started)) for run_id, started in connection.execute(query)}


def _sweep_job(sweeper: _Sweeper, job: Job) -> list[Path]:
    """Delete the dead runs' leftovers of ``job``: in its scratch folder and in every folder
    its output pattern names; a dated folder left empty goes too, as retention would."""
    cleaned = sweeper.sweep(_scratch_root(job), SCRATCH_LEFTOVER)
    for folder in job.output_folders():
        swept = sweeper.sweep(folder)
        if swept:
            cleaned.extend(swept)
            _prune_empty_folders(folder, job.static_root())
    return cleaned


def apply_retention(
    engine: Engine, job: Job, sweeper: _Sweeper | None = None
) -> tuple[list[Path], list[str]]:
    """Delete the workbooks ``job`` wrote beyond its ``keep`` newest (see the module doc), and
    the dead runs' leftovers in each folder it empties. Returns the files removed and warnings
    about files left in place."""
    if job.keep is None:
        return [], []
    succeeded = [
        run for run in job_runs(engine, job) if run.status == "succeeded" and run.file_path
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
        if not job.owns(path):
            warnings.append(
                f"kept {path}: report_runs names it, but it is not one of this job's files "
                f"(output {job.output!r} under {job.root})"
            )
            continue
        if sha256_of(path) != run.file_sha256:
            warnings.append(f"kept {path}: it changed since the job wrote it")
            continue
        path.unlink()
        removed.append(path)
        if sweeper is not None:
            sweeper.sweep(path.parent)
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
    unreachable) is reported to ``on_error`` and tried again RETRY_INTERVAL later. The jobs
    file is checked against the database (``check_ready``) whenever it is loaded.
    """
    jobs_file = load()
    check_ready(engine, jobs_file)
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
                edited = load()
                check_ready(engine, edited)
                jobs_file, wake = edited, now
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
    "JOB_RUNNERS",
    "Claim",
    "JobResult",
    "JobState",
    "Outcome",
    "RunRecord",
    "ScheduleError",
    "apply_retention",
    "check_ready",
    "claim",
    "due_slot",
    "job_states",
    "parse_now",
    "register_job_kind",
    "run_due",
    "run_job",
    "serve",
]
