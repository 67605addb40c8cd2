"""The jobs file: which workbooks the scheduler exports, when, where to, and how many to keep.

A TOML file (``reports.toml`` by default; see ``reports.example.toml`` at the repository root for
every field with comments). Reading it validates everything up front, so a mistake is reported as
one line naming the file and the job (``reports.toml: job 'weekly-deals': bad cron schedule
'61 * * * *'``) before any database is touched or any workbook written; ``check_against_database``
then checks what only the database knows (the country codes of the filters).

Where workbooks go: every output path is resolved against the *output root*, the jobs file's own
folder unless the file sets ``output_root``; a path that leaves the root (``..``, an absolute path
elsewhere, or a folder on the way that is a symbolic link leading out) is refused.

Whose runs: a job is known in ``report_runs`` by its jobs file *and* its name. The jobs file's
identity is its resolved path, or the file's ``id`` setting (so that copies of one jobs file on
several machines share their claims).
"""

from __future__ import annotations

import glob
import os
import re
import string
import tomllib
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from croniter import CroniterBadDateError, croniter
from sqlalchemy import Engine

from ..errors import SilkledgerError
from .filters import ReportFilters, make_filters

JOBS_FILE_ENV_VAR = "SILKLEDGER_JOBS_FILE"
DEFAULT_JOBS_FILE = "reports.toml"
DEFAULT_STALE_AFTER = timedelta(hours=2)

PLACEHOLDERS = ("date", "datetime", "job")
# What each date placeholder can expand to, for recognising a job's own files (retention).
PLACEHOLDER_PATTERNS = {"date": r"\d{4}-\d{2}-\d{2}", "datetime": r"\d{4}-\d{2}-\d{2}T\d{4}"}
CRON_MACROS = ("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly")
JOB_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")

TOP_LEVEL_FIELDS = ("id", "output_root", "timezone", "stale_after_minutes", "jobs")
JOB_FIELDS = ("name", "kind", "report", "schedule", "output", "keep", "timezone", "filters")
# A job of another kind than "report" is run by the runner registered for it (schedule.py's
# JOB_RUNNERS, which the CLI fills): reports/ does not import what those jobs run.
FEED_JOB_FIELDS = ("name", "kind", "schedule", "timezone", "feeds")
JOB_KINDS = ("report", "feeds")
FILTER_FIELDS = ("countries", "from", "to", "include_unreviewed")


class JobsFileError(SilkledgerError):
    """The jobs file is missing, is not TOML, or a job in it is invalid; one line says where."""


def report_kinds() -> tuple[str, ...]:
    """The workbooks a job may export: the exporter's own list, so the two never disagree."""
    from .export import REPORT_KINDS

    return tuple(REPORT_KINDS)


@dataclass(frozen=True)
class Job:
    """One scheduled export, as read from the jobs file."""

    name: str
    report: str  # deals | trade
    schedule: str  # a 5-field cron expression (or @daily, @weekly ...)
    output: str  # the path pattern as written, with {date}, {datetime}, {job}
    keep: int | None  # how many of the newest workbooks to keep; None = keep all
    timezone: ZoneInfo  # the zone the cron expression is read in
    filters: ReportFilters
    root: Path  # the output root (resolved): every workbook of the job is under it
    relative_output: str  # ``output`` relative to ``root``, normalised, with '/' separators
    jobs_file: str  # the jobs file's identity, stored in report_runs.jobs_file
    kind: str = "report"  # report | feeds (see JOB_KINDS)
    feeds: tuple[str, ...] = ()  # a feeds job: the feeds to run (empty: every feed)

    def output_path(self, due_at: datetime) -> Path:
        """The workbook's path for the run due at ``due_at`` (placeholders in the job's zone).
        Folders on the way are resolved (symbolic links followed), the file name is not; a
        folder that leads out of the root is a SilkledgerError naming the job."""
        local = due_at.astimezone(self.timezone)
        relative = self.relative_output.format(
            date=local.strftime("%Y-%m-%d"),
            datetime=local.strftime("%Y-%m-%dT%H%M"),
            job=self.name,
        )
        path = self.root / relative
        folder = path.parent.resolve()
        if not folder.is_relative_to(self.root):
            raise SilkledgerError(
                f"job '{self.name}': output {path} leads out of the output root {self.root} "
                f"(the folder resolves to {folder}, through a symbolic link)"
            )
        return folder / path.name

    def static_root(self) -> Path:
        """The deepest folder of the output pattern that holds no placeholder (resolved):
        retention prunes the empty dated folders it leaves behind, but never this one or
        anything above it."""
        return self.root.joinpath(*self._split()[0]).resolve()

    def output_folders(self) -> list[Path]:
        """The existing folders under the root that the output pattern can name (each
        placeholder a wildcard), resolved: where this job's workbooks, and a dead run's
        leftovers, are."""
        folder_pattern = self._split()[1].rpartition("/")[0]
        wildcard = "".join(
            glob.escape(literal) + ("*" if placeholder is not None else "")
            for literal, placeholder, _spec, _conversion in string.Formatter().parse(folder_pattern)
        )
        base = self.static_root()
        found = base.glob(wildcard) if wildcard else [base]
        folders = {folder.resolve() for folder in found if folder.is_dir()}
        return sorted(folder for folder in folders if folder.is_relative_to(self.root))

    def owns(self, path: Path) -> bool:
        """Whether ``path`` is one of this job's workbooks: in a folder under the output root
        (resolved), not a symbolic link itself, and matching the output pattern, which ends in
        .xlsx. Retention deletes nothing else, whatever a report_runs row says."""
        if path.is_symlink() or path.suffix.lower() != ".xlsx":
            return False
        try:
            rest = path.relative_to(self.static_root()).as_posix()
        except ValueError:
            return False
        if not path.parent.resolve().is_relative_to(self.root):
            return False
        return self._rest_pattern().fullmatch(rest) is not None

    def _split(self) -> tuple[list[str], str]:
        """The output pattern as its fixed leading folders and the rest (from the first folder
        with a placeholder, or the file name)."""
        parts = self.relative_output.split("/")
        fixed = 0
        while fixed < len(parts) - 1 and "{" not in parts[fixed]:
            fixed += 1
        return parts[:fixed], "/".join(parts[fixed:])

    def _rest_pattern(self) -> re.Pattern[str]:
        """A regular expression for the part of this job's paths below ``static_root``."""
        pieces = []
        for literal, placeholder, _spec, _conversion in string.Formatter().parse(self._split()[1]):
            pieces.append(re.escape(literal))
            if placeholder == "job":
                pieces.append(re.escape(self.name))
            elif placeholder is not None:
                pieces.append(PLACEHOLDER_PATTERNS[placeholder])
        return re.compile("".join(pieces))

    def cron(self, start: datetime) -> croniter:
        return croniter(self.schedule, start.astimezone(self.timezone))

    def latest_due(self, now: datetime) -> datetime:
        """The most recent scheduled time at or before ``now``, in UTC."""
        previous = self.cron(now + timedelta(microseconds=1)).get_prev(datetime)
        return previous.astimezone(UTC)

    def next_due(self, after: datetime) -> datetime:
        """The first scheduled time strictly after ``after``, in UTC."""
        return self.cron(after).get_next(datetime).astimezone(UTC)


@dataclass(frozen=True)
class JobsFile:
    path: Path
    jobs: tuple[Job, ...]
    identity: str  # report_runs.jobs_file of its jobs: the ``id`` setting, else the resolved path
    output_root: Path  # resolved; every job's output is under it
    stale_after: timedelta = DEFAULT_STALE_AFTER

    def job(self, name: str) -> Job:
        for job in self.jobs:
            if job.name == name:
                return job
        raise KeyError(name)


def jobs_file_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--jobs FILE``, else $SILKLEDGER_JOBS_FILE, else ``reports.toml`` in the current folder."""
    return Path(explicit or os.environ.get(JOBS_FILE_ENV_VAR) or DEFAULT_JOBS_FILE)


def load_jobs(path: str | os.PathLike[str]) -> JobsFile:
    """Read and validate a jobs file; every problem is a JobsFileError naming file and job."""
    path = Path(path)
    label = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise JobsFileError(
            f"{label}: jobs file not found (pass --jobs FILE or set {JOBS_FILE_ENV_VAR}; "
            "reports.example.toml shows the format)"
        ) from None
    except OSError as exc:
        raise JobsFileError(f"{label}: cannot read the jobs file: {exc.strerror or exc}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise JobsFileError(f"{label}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise JobsFileError(f"{label}: invalid TOML: {exc}") from None
    return parse_jobs(data, label=label, base_dir=path.resolve().parent, path=path)


def parse_jobs(data: dict, *, label: str, base_dir: Path, path: Path | None = None) -> JobsFile:
    """Validate the parsed TOML of a jobs file (``label`` is the file name used in messages,
    ``base_dir`` the folder it is in)."""

    def fail(message: str) -> JobsFileError:
        return JobsFileError(f"{label}: {message}")

    _no_unknown(data, TOP_LEVEL_FIELDS, lambda m: fail(m))
    identity = _identity(data.get("id"), path or Path(label), fail)
    root = _output_root(data.get("output_root"), base_dir, fail)
    default_zone = _zone(data.get("timezone", "UTC"), lambda m: fail(m))
    stale_after = DEFAULT_STALE_AFTER
    if "stale_after_minutes" in data:
        minutes = data["stale_after_minutes"]
        if not _is_int(minutes) or minutes < 1:
            raise fail(
                f"stale_after_minutes must be a whole number of minutes >= 1, not {minutes!r}"
            )
        stale_after = timedelta(minutes=minutes)

    entries = data.get("jobs")
    if not entries:
        raise fail("no jobs defined: add at least one [[jobs]] table")
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        raise fail("'jobs' must be an array of tables: write each job as a [[jobs]] table")

    jobs: list[Job] = []
    seen_names: dict[str, int] = {}
    seen_outputs: dict[str, str] = {}
    for number, entry in enumerate(entries, start=1):
        job = _parse_job(entry, number, default_zone, root, label, identity)
        if job.name in seen_names:
            raise fail(
                f"job '{job.name}': the name is used twice (jobs #{seen_names[job.name]} and #{number})"
            )
        seen_names[job.name] = number
        if job.kind != "report":
            jobs.append(job)
            continue
        pattern = job.relative_output.replace("{job}", job.name)
        if pattern in seen_outputs:
            raise fail(
                f"job '{job.name}': writes to the same output pattern as job "
                f"'{seen_outputs[pattern]}' ({job.output!r}); each job needs its own files"
            )
        seen_outputs[pattern] = job.name
        jobs.append(job)
    return JobsFile(
        path=path or Path(label),
        jobs=tuple(jobs),
        stale_after=stale_after,
        identity=identity,
        output_root=root,
    )


def _identity(value, path: Path, fail) -> str:
    """The jobs file's identity in report_runs: ``id`` if set, else its resolved path."""
    if value is None:
        return str(path.resolve())
    if not isinstance(value, str) or not value.strip() or "\n" in value or len(value) > 500:
        raise fail(
            f"id must be a non-empty name on one line (at most 500 characters), not {value!r}"
        )
    return value.strip()


def _output_root(value, base_dir: Path, fail) -> Path:
    """``output_root`` (relative to the jobs file's folder), resolved; default that folder."""
    if value is None:
        return base_dir.resolve()
    if not isinstance(value, str) or not value.strip():
        raise fail(f"output_root must be a folder path, not {value!r}")
    return (base_dir / value).resolve()


def _parse_job(
    entry: dict,
    number: int,
    default_zone: ZoneInfo,
    root: Path,
    label: str,
    identity: str,
) -> Job:
    name = entry.get("name")
    where = f"job '{name}'" if isinstance(name, str) and name else f"job #{number}"

    def fail(message: str) -> JobsFileError:
        return JobsFileError(f"{label}: {where}: {message}")

    if name is None:
        raise fail("missing field 'name'")
    if not isinstance(name, str) or not JOB_NAME.match(name):
        raise fail(
            f"bad name {name!r}: use letters, digits, '.', '_' and '-' (it becomes part of file names)"
        )
    kind = entry.get("kind", "report")
    if kind not in JOB_KINDS:
        raise fail(f"unknown kind {kind!r} (expected one of: {', '.join(JOB_KINDS)})")
    if kind == "feeds":
        return _parse_feed_job(entry, name, default_zone, root, identity, fail)
    _no_unknown(entry, JOB_FIELDS, fail)
    for required in ("report", "schedule", "output"):
        if required not in entry:
            raise fail(f"missing field '{required}'")

    kinds = report_kinds()
    report = entry["report"]
    if report not in kinds:
        raise fail(f"unknown report {report!r} (expected one of: {', '.join(kinds)})")

    zone = _zone(entry["timezone"], fail) if "timezone" in entry else default_zone
    schedule = _schedule(entry["schedule"], zone, fail)
    output = _output(entry["output"], fail)
    relative_output = _inside_root(output, root, fail)

    keep = entry.get("keep")
    if keep is not None and (not _is_int(keep) or keep < 1):
        raise fail(
            f"keep must be a whole number >= 1 (or left out to keep every file), not {keep!r}"
        )

    filters = _filters(entry.get("filters", {}), fail)
    return Job(
        name=name,
        report=report,
        schedule=schedule,
        output=output,
        keep=keep,
        timezone=zone,
        filters=filters,
        root=root,
        relative_output=relative_output,
        jobs_file=identity,
    )


def _parse_feed_job(entry: dict, name: str, default_zone, root: Path, identity: str, fail) -> Job:
    """A ``kind = "feeds"`` job: run the followed feeds (all, or those in ``feeds``)."""
    _no_unknown(entry, FEED_JOB_FIELDS, fail)
    if "schedule" not in entry:
        raise fail("missing field 'schedule'")
    zone = _zone(entry["timezone"], fail) if "timezone" in entry else default_zone
    feeds = entry.get("feeds", [])
    if not isinstance(feeds, list) or not all(isinstance(f, str) and f for f in feeds):
        raise fail(f"feeds must be a list of feed names, not {feeds!r}")
    return Job(
        name=name,
        report="feeds",
        schedule=_schedule(entry["schedule"], zone, fail),
        output="",
        keep=None,
        timezone=zone,
        filters=make_filters([], None, None, False, option_prefix=""),
        root=root,
        relative_output="",
        jobs_file=identity,
        kind="feeds",
        feeds=tuple(feeds),
    )


def _schedule(value, zone: ZoneInfo, fail) -> str:
    if not isinstance(value, str):
        raise fail(f"schedule must be a cron expression in quotes, not {value!r}")
    expression = " ".join(value.split())
    if expression.lower() in CRON_MACROS:
        return expression.lower()
    fields = expression.split(" ") if expression else []
    if len(fields) != 5:
        raise fail(
            f"bad cron schedule {value!r}: expected 5 fields (minute hour day-of-month month "
            f"day-of-week), found {len(fields)}"
        )
    if not croniter.is_valid(expression):
        raise fail(f"bad cron schedule {value!r}")
    try:  # a valid expression can still name a day that never comes (30 February)
        croniter(expression, datetime(2000, 1, 1, tzinfo=zone)).get_next(datetime)
    except (CroniterBadDateError, ValueError):
        raise fail(f"cron schedule {value!r} never fires") from None
    return expression


def _output(value, fail) -> str:
    if not isinstance(value, str) or not value.strip():
        raise fail(
            f"output must be a path pattern such as 'reports/{{date}}/deals.xlsx', not {value!r}"
        )
    try:
        parsed = list(string.Formatter().parse(value))
    except ValueError as exc:
        raise fail(
            f"bad output pattern {value!r}: {exc} (write a literal brace as {{{{ or }}}})"
        ) from None
    for _literal, field, spec, conversion in parsed:
        if field is None:
            continue
        if field not in PLACEHOLDERS or spec or conversion:
            shown = (
                "{"
                + field
                + (f"!{conversion}" if conversion else "")
                + (f":{spec}" if spec else "")
                + "}"
            )
            raise fail(
                f"bad output pattern {value!r}: unknown placeholder {shown} "
                f"(use {', '.join('{' + p + '}' for p in PLACEHOLDERS)})"
            )
    if not value.lower().endswith(".xlsx"):
        raise fail(f"output {value!r} must end in .xlsx (the workbooks are Excel files)")
    return value


def _inside_root(output: str, root: Path, fail) -> str:
    """``output`` relative to ``root`` with '/' separators; a pattern that leaves the root
    (``..``, an absolute path elsewhere) is refused. Placeholders cannot add a '/' or a '..'
    (job names start with a letter or digit), so checking the pattern checks every path."""
    normal = Path(os.path.normpath(root / output))
    if not normal.is_relative_to(root) or normal == root:
        raise fail(
            f"output {output!r} leads out of the output root {root}: write a path inside it "
            "(relative paths start at the output root), or set output_root"
        )
    return normal.relative_to(root).as_posix()


def _filters(value, fail) -> ReportFilters:
    if not isinstance(value, dict):
        raise fail("filters must be a table: [jobs.filters] or filters = { countries = [...] }")
    _no_unknown(value, FILTER_FIELDS, lambda m: fail(f"filters: {m}"))
    try:
        return make_filters(
            value.get("countries", []),
            value.get("from"),
            value.get("to"),
            value.get("include_unreviewed", False),
            option_prefix="",
        )
    except SilkledgerError as exc:
        raise fail(f"filters: {exc}") from None


def _zone(value, fail) -> ZoneInfo:
    if not isinstance(value, str):
        raise fail(f"timezone must be an IANA name such as 'UTC' or 'Asia/Almaty', not {value!r}")
    try:
        return ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise fail(
            f"unknown timezone {value!r} (use an IANA name such as 'UTC' or 'Asia/Almaty')"
        ) from None


def _no_unknown(table: dict, allowed: tuple[str, ...], fail) -> None:
    for key in table:
        if key not in allowed:
            raise fail(f"unknown field {key!r} (expected one of: {', '.join(allowed)})")


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_against_database(engine: Engine, jobs_file: JobsFile) -> None:
    """What only the database can tell: every country code in the filters names a country
    there. A JobsFileError naming the file and the job, before anything runs."""
    from .selection import resolve_countries

    with engine.connect() as connection:
        for job in jobs_file.jobs:
            try:
                resolve_countries(connection, job.filters.countries)
            except SilkledgerError as exc:
                raise JobsFileError(f"{jobs_file.path}: job '{job.name}': filters: {exc}") from None


def with_as_of(filters: ReportFilters, as_of: datetime) -> ReportFilters:
    return replace(filters, as_of=as_of)
