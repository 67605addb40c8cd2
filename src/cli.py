"""The command line: `silkledger ...`. Each command is thin: it calls a library function and turns
an expected error (SilkledgerError) into one clear line on stderr and exit code 1."""

from __future__ import annotations

import functools
import re
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from . import __version__, dictionary, migrate
from .db import connected, describe, open_engine, resolve_url
from .errors import SilkledgerError
from .reports.kinds import REPORTS, ReportKind

console = Console()
err_console = Console(stderr=True)

app = typer.Typer(
    help="silkledger: a database of China–Central Asia relations built from articles.",
    no_args_is_help=True,
    rich_markup_mode="rich",
)
db_app = typer.Typer(help="Create, migrate and inspect the database schema.", no_args_is_help=True)
app.add_typer(db_app, name="db")


def expected_errors(command):
    """Turn SilkledgerError into a one-line message and exit code 1 instead of a traceback."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except SilkledgerError as exc:
            # the message may hold [brackets] (a TOML table, a quote): never read it as markup
            err_console.print(
                f"[bold red]error:[/] {escape(str(exc))}", highlight=False, soft_wrap=True
            )
            raise typer.Exit(1) from None

    return wrapper


def _version(value: bool) -> None:
    if value:
        console.print(f"silkledger {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar="SILKLEDGER_DATABASE_URL",
            help="Database URL (default: sqlite:///data/silkledger.db).",
            show_envvar=True,
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """silkledger: a database of China–Central Asia relations built from articles.

    Example: silkledger --db postgresql://postgres@127.0.0.1/silkledger db status
    """
    ctx.obj = db


def database_url(ctx: typer.Context):
    """The URL chosen by --db, the environment or the default; a bad one is a SilkledgerError."""
    return resolve_url(ctx.find_root().obj)


@db_app.command("upgrade")
@expected_errors
def db_upgrade(
    ctx: typer.Context,
    revision: Annotated[str, typer.Argument(help="Target revision.")] = "head",
) -> None:
    """Migrate the schema up to REVISION (default: the newest).

    Example: silkledger db upgrade
    """
    url = database_url(ctx)
    migrate.upgrade(url, revision)
    console.print(f"database {describe(url)} is at revision {revision}")


@db_app.command("downgrade")
@expected_errors
def db_downgrade(
    ctx: typer.Context,
    revision: Annotated[
        str, typer.Argument(help="Target revision: -1, a revision id, or base.")
    ] = "-1",
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Drop tables that hold rows without asking.")
    ] = False,
) -> None:
    """Migrate the schema down to REVISION (default: one step back).

    A downgrade that would drop tables holding rows asks first; --yes skips the question.

    Example: silkledger db downgrade base --yes
    """
    url = database_url(ctx)
    migrate.downgrade(url, revision, confirm=None if yes else _confirm_drop(revision))
    console.print(f"database {describe(url)} downgraded to {revision}")


def _confirm_drop(revision: str):
    """Ask before a downgrade drops tables that hold rows; without a terminal, refuse."""

    def confirm(at_risk: dict[str, int]) -> bool:
        listed = ", ".join(f"{name} ({count:,} rows)" for name, count in at_risk.items())
        question = f"downgrade to {revision} drops {len(at_risk)} table(s) holding rows: {listed}"
        if not _interactive():
            raise SilkledgerError(f"{question}; rerun with --yes to confirm")
        return typer.confirm(f"{question}. Continue?", default=False, err=True)

    return confirm


def _interactive() -> bool:
    return sys.stdin.isatty()


@db_app.command("current")
@expected_errors
def db_current(ctx: typer.Context) -> None:
    """Show the schema revision the database is at, and the newest one available.

    Example: silkledger db current
    """
    url = database_url(ctx)
    with connected(url) as engine:
        current = migrate.current_revision(engine)
    head = migrate.head_revision()
    state = "up to date" if current == head else f"newest is {head}"
    console.print(f"{describe(url)}: revision {current or 'none (empty database)'} ({state})")


@db_app.command("dictionary")
@expected_errors
def db_dictionary(
    out: Annotated[
        str | None, typer.Option("--out", help="Write to this file instead of stdout.")
    ] = None,
) -> None:
    """Print the data dictionary (every table and column with its meaning) as Markdown.

    Example: silkledger db dictionary --out docs/data-dictionary.md
    """
    text = dictionary.markdown()
    if out is None:
        print(text)
        return
    try:
        with open(out, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
    except OSError as exc:
        raise SilkledgerError(f"cannot write {out}: {exc.strerror}") from None
    console.print(f"wrote {out}")


@db_app.command("render-sql")
@expected_errors
def db_render_sql(
    part: Annotated[
        str,
        typer.Argument(
            help="What to render: views, group-triggers (trade_flow_groups), "
            "summary-triggers (source_fact_counts, agreement_countries) or search-index (the "
            "full-text index, made again and filled)."
        ),
    ],
    engine: Annotated[
        str, typer.Option("--engine", help="sqlite or postgresql.", show_default=False)
    ],
    view: Annotated[
        list[str] | None,
        typer.Option("--view", help="Only this view and its _all twin (repeatable; views only)."),
    ] = None,
    drop_only: Annotated[
        bool, typer.Option("--drop-only", help="Only the DROP statements (undoing a new object).")
    ] = False,
) -> None:
    """Print today's SQL of views or triggers, dropped and made again, for a new migration to
    carry in alembic/versions/sql/ (see the README's development section). Nothing is read from
    or written to a database.

    Example: silkledger db render-sql views --view disagreements --engine sqlite > alembic/versions/sql/0012_x.upgrade.sqlite.sql
    """
    from .models import schema_objects

    if engine not in schema_objects.ENGINES:
        raise SilkledgerError(f"no engine {engine!r}; use sqlite or postgresql")
    if view and part != "views":
        raise SilkledgerError("--view goes with the part views only")
    statements = schema_objects.render(engine, part, view or (), drop_only)
    sys.stdout.write(schema_objects.as_sql_file(statements))


@db_app.command("status")
@expected_errors
def db_status(ctx: typer.Context) -> None:
    """List every table of the schema with its row count.

    Example: silkledger db status
    """
    url = database_url(ctx)
    with connected(url) as engine:
        counts = migrate.table_row_counts(engine)
        current = migrate.current_revision(engine)
    console.print(f"{describe(url)} — revision {current or 'none'}", highlight=False)
    table = Table()
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, count in counts.items():
        table.add_row(name, "[dim]missing[/]" if count is None else f"{count:,}")
    console.print(table)


@db_app.command("grant-readonly")
@expected_errors
def db_grant_readonly(
    ctx: typer.Context,
    role: Annotated[str, typer.Argument(help="The role to create (if needed) and grant to.")],
) -> None:
    """PostgreSQL: let ROLE read every table and view, including those created later, and
    change nothing. Creates the role (LOGIN) if it does not exist.

    Example: silkledger --db postgresql://postgres@127.0.0.1/silkledger db grant-readonly analyst
    """
    from .analyst.grants import grant_read_only

    url = database_url(ctx)
    with migrate.connected(url) as engine:
        created, statements = grant_read_only(engine, role)
    console.print(
        f"{'created' if created else 'updated'} read-only role {role} on {describe(url)}",
        highlight=False,
        soft_wrap=True,
    )
    for statement in statements:
        console.print(f"  {statement}", markup=False, highlight=False, soft_wrap=True)


# --- schedule: scheduled Excel exports (silkledger.reports.schedule, docs/scheduling.md) ---------

schedule_app = typer.Typer(
    help="Export the workbooks listed in a jobs file (reports.toml) on their cron schedules.",
    no_args_is_help=True,
)
app.add_typer(schedule_app, name="schedule")

JobsFileOption = Annotated[
    str | None,
    typer.Option(
        "--jobs",
        envvar="SILKLEDGER_JOBS_FILE",
        show_envvar=True,
        metavar="FILE",
        help="The jobs file (default: reports.toml in the current folder).",
    ),
]
NowOption = Annotated[
    str | None,
    typer.Option(
        "--now",
        metavar="ISO",
        help="Act as if it were this time (ISO 8601; UTC unless it carries an offset).",
    ),
]


def _schedule_when(moment, zone) -> str:
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z") if moment else ""


def _schedule_print_outcome(outcome, zone_of) -> None:
    zone = zone_of(outcome.job)
    due = _schedule_when(outcome.due_at, zone)
    if outcome.status == "succeeded" and outcome.path is None:  # a feeds job: no workbook
        line = f"[green]succeeded[/] {outcome.job} ({outcome.report}, due {due}): {escape(outcome.detail)}"
        console.print(line, highlight=False, soft_wrap=True)
    elif outcome.status == "succeeded":
        line = f"[green]succeeded[/] {outcome.job} ({outcome.report}, due {due}): {escape(str(outcome.path))}"
        line += f" ({outcome.size_bytes:,} bytes)"
        if outcome.removed:
            line += f"; removed {len(outcome.removed)} old workbook(s)"
        if outcome.cleaned:
            line += f"; cleaned up {len(outcome.cleaned)} leftover(s) of dead runs"
        console.print(line, highlight=False, soft_wrap=True)
    elif outcome.status == "failed":
        err_console.print(
            f"[bold red]failed[/] {outcome.job} ({outcome.report}, due {due}): {escape(str(outcome.detail))}",
            highlight=False,
            soft_wrap=True,
        )
    else:
        console.print(
            f"[yellow]skipped[/] {outcome.job} (due {due}): {escape(str(outcome.detail))}",
            highlight=False,
            soft_wrap=True,
        )
    for warning in outcome.warnings:
        err_console.print(
            f"[yellow]warning:[/] {outcome.job}: {escape(str(warning))}",
            highlight=False,
            soft_wrap=True,
        )


def _register_job_kinds() -> None:
    """Jobs files may hold feed jobs beside report jobs: reports/ runs them through its
    registry (it does not import loaders/), filled here."""
    from .reports.schedule import register_job_kind

    register_job_kind("feeds", _run_feeds_job)


def _run_feeds_job(engine, job):
    from .loaders.feeds import run_feeds
    from .reports.schedule import JobResult

    report = run_feeds(engine, job.feeds or None)
    items = report.items
    warnings = [f"{run.url}: {run.detail}" for run in report.failed_feeds]
    warnings += [line for run in report.runs for line in run.problems]
    warnings += [f"{o.name}: {o.reason}" for o in items.failed]
    summary = (
        f"{len(report.runs)} feed(s): {len(items.of('loaded'))} article(s) loaded, "
        f"{len(items.failed)} failed, {len(report.failed_feeds)} feed(s) failed"
    )
    every_feed_failed = bool(report.runs) and len(report.failed_feeds) == len(report.runs)
    return JobResult(summary, tuple(warnings), failed=every_feed_failed)


def _schedule_zone_lookup(jobs_file):
    from datetime import UTC

    zones = {job.name: job.timezone for job in jobs_file.jobs}
    return lambda name: zones.get(name, UTC)


@schedule_app.command("run-due")
@expected_errors
def schedule_run_due(
    ctx: typer.Context, jobs: JobsFileOption = None, now: NowOption = None
) -> None:
    """Run, once each, the jobs that have come due since their last successful run.

    Every run is recorded in report_runs; a job another scheduler has claimed is skipped.

    Meant for cron or a systemd timer every few minutes (see docs/scheduling.md).

    Exits 1 if any job failed; the other jobs still run.

    Example: silkledger schedule run-due --jobs reports.toml
    """
    from .reports import schedule
    from .reports.jobs import jobs_file_path, load_jobs

    jobs_file = load_jobs(jobs_file_path(jobs))
    moment = schedule.parse_now(now)
    zone_of = _schedule_zone_lookup(jobs_file)
    _register_job_kinds()
    with connected(database_url(ctx)) as engine:
        outcomes = schedule.run_due(
            engine, jobs_file, moment, on_outcome=lambda o: _schedule_print_outcome(o, zone_of)
        )
    if not outcomes:
        console.print(f"no job due ({len(jobs_file.jobs)} in {jobs_file.path})", highlight=False)
    failed = [outcome.job for outcome in outcomes if outcome.status == "failed"]
    if failed:
        err_console.print(
            f"[bold red]error:[/] {len(failed)} of {len(outcomes)} job run(s) failed: {', '.join(failed)}",
            highlight=False,
        )
        raise typer.Exit(1)


@schedule_app.command("list")
@expected_errors
def schedule_list(ctx: typer.Context, jobs: JobsFileOption = None, now: NowOption = None) -> None:
    """Show each job with its schedule, its next run and how its last run ended.

    Example: silkledger schedule list --jobs reports.toml
    """
    from .reports import schedule
    from .reports.jobs import jobs_file_path, load_jobs

    jobs_file = load_jobs(jobs_file_path(jobs))
    moment = schedule.parse_now(now)
    with connected(database_url(ctx)) as engine:
        states = schedule.job_states(engine, jobs_file, moment)
    table = Table(title=f"jobs in {jobs_file.path}")
    for column in ("job", "report", "schedule", "next run", "last run", "status", "file or error"):
        table.add_column(column, overflow="fold")
    colours = {"succeeded": "green", "failed": "red", "running": "yellow"}
    for state in states:
        job, last = state.job, state.last
        zone_name = str(job.timezone)
        cron = job.schedule if zone_name == "UTC" else f"{job.schedule} ({zone_name})"
        if state.due_at is not None:
            next_run = f"[yellow]due now[/] (slot {_schedule_when(state.due_at, job.timezone)})"
        else:
            next_run = _schedule_when(state.next_at, job.timezone)
        if last is None:
            table.add_row(job.name, job.report, cron, next_run, "never", "", "")
            continue
        status = f"[{colours[last.status]}]{last.status}[/]" + (" (stale)" if state.stale else "")
        detail = escape(last.file_path or "")  # a path or an error may hold [brackets]
        if last.status == "failed" and last.error:
            detail = escape(last.error.splitlines()[0])
        elif last.warnings:
            detail += f" [yellow](warning: {escape(last.warnings.splitlines()[0])})[/]"
        when = _schedule_when(last.finished_at or last.started_at, job.timezone)
        table.add_row(job.name, job.report, cron, next_run, when, status, detail)
    console.print(table)


@schedule_app.command("serve")
@expected_errors
def schedule_serve(
    ctx: typer.Context,
    jobs: JobsFileOption = None,
    max_runs: Annotated[
        int | None, typer.Option("--max-runs", hidden=True, min=1, help="Stop after N job runs.")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", hidden=True, metavar="ISO", help="Stop at this time.")
    ] = None,
) -> None:
    """Stay in the foreground and run each job at its scheduled time, until Ctrl-C.

    Runs whatever is due at start-up, then sleeps until the next scheduled time.

    Edits to the jobs file are picked up while it runs; a failed job is retried 15 minutes later.

    Example: silkledger schedule serve --jobs reports.toml
    """
    import signal
    import threading

    from .reports import schedule
    from .reports.jobs import jobs_file_path, load_jobs

    path = jobs_file_path(jobs)
    jobs_file = load_jobs(path)
    stop_at = schedule.parse_now(until)
    url = database_url(ctx)
    engine = open_engine(url)
    zone_of = _schedule_zone_lookup(jobs_file)
    _register_job_kinds()

    def on_wait(moment) -> None:
        console.print(f"next check at {_schedule_when(moment, zone_of(''))}", highlight=False)

    def on_error(exc) -> None:
        err_console.print(
            f"[yellow]warning:[/] {escape(str(exc))}", highlight=False, soft_wrap=True
        )

    previous_handler = None
    if threading.current_thread() is threading.main_thread():  # systemd stops with SIGTERM

        def terminate(_signum, _frame):
            raise KeyboardInterrupt

        previous_handler = signal.signal(signal.SIGTERM, terminate)
    console.print(
        f"serving {len(jobs_file.jobs)} job(s) from {path} on {describe(url)}; Ctrl-C to stop",
        highlight=False,
    )
    try:
        count = schedule.serve(
            engine,
            lambda: load_jobs(path),
            max_runs=max_runs,
            until=stop_at,
            on_outcome=lambda o: _schedule_print_outcome(o, zone_of),
            on_wait=on_wait,
            on_error=on_error,
            changed=schedule.mtime_watcher(path),
        )
        console.print(f"stopped after {count} run(s)")
    except KeyboardInterrupt:
        console.print("stopped")
    finally:
        engine.dispose()
        if previous_handler is not None:
            signal.signal(signal.SIGTERM, previous_handler)


# ------------------------------------------------------------------------ seed and init


SeedDirOption = Annotated[
    str | None,
    typer.Option(
        "--seed-dir",
        help="Folder of seed files (default: $SILKLEDGER_SEED_DIR, else the checkout's seed/).",
        show_default=False,
    ),
]


def _print_seed_problems(problems: list[str], what: str) -> None:
    err_console.print(f"[bold red]error:[/] {what}: {len(problems)} problem(s)", highlight=False)
    for line in problems:  # quotes may hold [brackets]: no markup
        err_console.print(line, markup=False, highlight=False, soft_wrap=True)


def _seed(url, seed_dir: str | None) -> None:
    """Validate and load the seed into the database at ``url``; print the changes per table."""
    from pathlib import Path

    from .loaders.seed import SeedLoadError, load_seed
    from .loaders.seed_files import SeedValidationError

    try:
        with connected(url) as engine:
            report = load_seed(engine, Path(seed_dir) if seed_dir else None)
    except SeedValidationError as exc:
        _print_seed_problems(exc.problems, "the seed files are invalid, nothing was loaded")
        raise typer.Exit(1) from None
    except SeedLoadError as exc:
        _print_seed_problems(exc.problems, "the seed was not loaded")
        raise typer.Exit(1) from None
    console.print(f"seed {report.seed_dir} -> {describe(url)}", highlight=False)
    table = Table()
    for column in ("table", "inserted", "updated", "deleted"):
        table.add_column(column, justify="left" if column == "table" else "right")
    for name, changes in report.tables.items():
        table.add_row(name, str(changes.inserted), str(changes.updated), str(changes.deleted))
    console.print(table)
    console.print(
        "no changes: the database already matches the seed"
        if report.total == 0
        else f"{report.total} row(s) changed"
    )


@app.command("seed")
@expected_errors
def seed_command(ctx: typer.Context, seed_dir: SeedDirOption = None) -> None:
    """Validate every seed file, then sync the database to them in one transaction.

    New records are inserted, edited ones updated, removed ones deleted.
    Rows written by other loaders are never touched; a second run changes nothing.

    Example: silkledger seed --seed-dir seed
    """
    _seed(database_url(ctx), seed_dir)


@app.command("init")
@expected_errors
def init_command(ctx: typer.Context, seed_dir: SeedDirOption = None) -> None:
    """Migrate the schema to the newest revision, then load the seed.

    Example: silkledger --db sqlite:///data/silkledger.db init
    """
    url = database_url(ctx)
    migrate.upgrade(url)
    console.print(f"database {describe(url)} is at the newest revision")
    _seed(url, seed_dir)


# --------------------------------------------------------------------------- report

report_app = typer.Typer(
    help="Export the Excel workbooks: deals (agreements, projects) and trade (claims, disagreements).",
    no_args_is_help=True,
)
app.add_typer(report_app, name="report")

ReportOutOption = Annotated[
    str, typer.Option("--out", help="The workbook to write (.xlsx); written atomically.")
]
ReportCountryOption = Annotated[
    list[str] | None,
    typer.Option(
        "--country", help="Keep facts involving this country (ISO alpha-3, e.g. KAZ); repeatable."
    ),
]
ReportFromOption = Annotated[
    str | None,
    typer.Option(
        "--from", help="Facts dated on or after this day: YYYY-MM-DD, or YYYY (1 January)."
    ),
]
ReportToOption = Annotated[
    str | None,
    typer.Option(
        "--to", help="Facts dated on or before this day: YYYY-MM-DD, or YYYY (31 December)."
    ),
]
ReportUnreviewedOption = Annotated[
    bool,
    typer.Option(
        "--include-unreviewed",
        help="Count extracted (not yet reviewed) facts too; by default only curated and accepted.",
    ),
]
ReportAsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="Timestamp written into the workbook (ISO 8601; default: now). "
        "The same database and --as-of give the same cells.",
    ),
]


def _add_report_command(kind: ReportKind) -> None:
    """One `silkledger report KIND` command: the same options and body for every kind."""

    @expected_errors
    def command(
        ctx: typer.Context,
        out: ReportOutOption,
        country: ReportCountryOption = None,
        date_from: ReportFromOption = None,
        date_to: ReportToOption = None,
        include_unreviewed: ReportUnreviewedOption = False,
        as_of: ReportAsOfOption = None,
    ) -> None:
        from .reports.export import export_report
        from .reports.filters import make_filters

        filters = make_filters(country, date_from, date_to, include_unreviewed, as_of)
        result = export_report(database_url(ctx), kind.name, out, filters)
        console.print(f"wrote {result.path} ({result.size_bytes:,} bytes)", highlight=False)
        table = Table(show_header=True)
        table.add_column("sheet")
        table.add_column("rows", justify="right")
        for sheet, rows in result.sheet_row_counts.items():
            table.add_row(sheet, f"{rows:,}")
        console.print(table)
        for warning in result.warnings:  # a valid report all the same: exit 0
            console.print(f"[yellow]warning:[/] {escape(warning)}", highlight=False)

    command.__name__ = f"report_{kind.name}"
    report_app.command(kind.name, help=kind.help)(command)


for _kind in REPORTS.values():
    _add_report_command(_kind)


# --------------------------------------------------------------------------- ingest

IngestPathsArgument = Annotated[
    list[str] | None,
    typer.Argument(help="Article files, folders (searched recursively) or - for standard input."),
]


LanguageOption = Annotated[
    str | None,
    typer.Option(
        help="ISO 639-1 language code of every article (ru, en); without it front matter "
        "decides, else the text (ru when at least 30% of its letters are Cyrillic)."
    ),
]


def _language(language: str | None) -> str | None:
    if language is not None and not re.fullmatch(r"[a-z]{2}", language):
        raise SilkledgerError(f"--language: not an ISO 639-1 code like ru or en: {language!r}")
    return language


def _ingest_metadata(title, author, publisher, url, published, language):
    from .loaders.articles import Metadata, parse_published

    language = _language(language)
    return Metadata(
        title=title,
        author=author,
        publisher=publisher,
        url=url,
        published=parse_published("--published", published, language) if published else None,
        language=language,
    )


def _ingest_progress(total: int, quiet: bool):
    """A rich progress bar on stderr for more than a few files; otherwise nothing."""
    from contextlib import nullcontext

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    if quiet or total <= 5:
        return nullcontext(None)
    columns = (
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    return Progress(*columns, console=err_console, transient=True)


def _print_ingest_report(report, reindex: bool) -> None:
    summary = Table(title="reindexed" if reindex else "ingest summary", show_header=False)
    summary.add_column("what")
    summary.add_column("count", justify="right")
    rows = [("loaded" if not reindex else "reindexed", len(report.of("loaded")))]
    if not reindex:
        rows += [
            ("already loaded", len(report.of("already_loaded"))),
            ("near-duplicates (loaded, linked)", len(report.near_duplicates)),
        ]
    rows += [("failed", len(report.failed))]
    if report.of("skipped"):
        rows += [("skipped (not files to read)", len(report.of("skipped")))]
    rows += [(f"facts extracted: {kind}", count) for kind, count in report.facts_per_kind().items()]
    if not reindex:
        rows += [("articles without a publication date", len(report.undated))]
    for what, count in rows:
        summary.add_row(what, f"{count:,}")
    console.print(summary)
    for outcome in report.near_duplicates:
        console.print(
            f"near-duplicate: {outcome.name} of {outcome.near_duplicate_of} "
            f"(similarity {outcome.similarity})",
            markup=False,
            highlight=False,
        )
    for outcome in report.undated:
        console.print(
            f"no publication date: {outcome.name}", markup=False, highlight=False, soft_wrap=True
        )
    for outcome in report.outcomes:
        for reason in outcome.skipped_facts:
            err_console.print(
                f"fact skipped: {outcome.name}: {reason}", markup=False, soft_wrap=True
            )
    for outcome in report.of("skipped"):
        err_console.print(
            f"[yellow]skipped:[/] {escape(outcome.name)}: {escape(outcome.reason or '')}",
            highlight=False,
            soft_wrap=True,
        )
    for outcome in report.failed:
        err_console.print(
            f"[bold red]failed:[/] {escape(outcome.name)}: {escape(outcome.reason or '')}",
            highlight=False,
            soft_wrap=True,
        )


@app.command("ingest")
@expected_errors
def ingest_command(
    ctx: typer.Context,
    paths: IngestPathsArgument = None,
    glob: Annotated[
        str | None,
        typer.Option(
            help="In folders, load the files matching this pattern (default: *.txt, *.md, *.html …)."
        ),
    ] = None,
    title: Annotated[str | None, typer.Option(help="Headline (overrides the article's).")] = None,
    author: Annotated[str | None, typer.Option(help="Author (overrides the article's).")] = None,
    publisher: Annotated[
        str | None, typer.Option(help="Publisher (overrides the article's).")
    ] = None,
    url: Annotated[str | None, typer.Option(help="URL (overrides the article's).")] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date: 2025-06-17, 2025-06 or 2025.")
    ] = None,
    language: LanguageOption = None,
    max_size: Annotated[
        str, typer.Option("--max-size", help="Refuse files larger than this (5MB, 500KB).")
    ] = "5MB",
    reindex: Annotated[
        bool,
        typer.Option(
            "--reindex",
            help="Recompute every stored source's mentions and re-run extraction on loaded "
            "articles, keeping reviewed facts (PATHs are not read).",
        ),
    ] = False,
    workers: Annotated[
        int,
        typer.Option(
            min=1, max=64, help="Processes reading and extracting files side by side (one writes)."
        ),
    ] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only failures.")] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print a JSON summary on stdout.")
    ] = False,
) -> None:
    """Load articles (plain text, text/Markdown with front matter, saved HTML), one transaction
    each, with their mentions and extracted facts waiting for review.

    An article whose text is already stored is skipped; one republished with small edits is
    loaded and linked as a near-duplicate. Exits 1 when any article failed; the others are loaded.

    Example: silkledger ingest inbox/ --glob "*.md" --publisher "Caspian Wire"
    """
    import json

    from .loaders.articles import collect_inputs, parse_size
    from .loaders.ingest import ArticleLoader, Outcome, ingest

    if not paths and not reindex:
        raise SilkledgerError("give at least one file, folder or - (or --reindex)")
    metadata = _ingest_metadata(title, author, publisher, url, published, language)
    max_bytes = parse_size(max_size)
    inputs, problems = ([], []) if reindex else collect_inputs(paths or [], glob)
    with (
        migrate.connected(database_url(ctx)) as engine,
        _ingest_progress(len(inputs), quiet or as_json) as progress,
    ):
        task = progress.add_task("loading", total=len(inputs)) if progress else None

        def advance(_outcome) -> None:
            if progress:
                progress.advance(task)

        if reindex:
            report = ArticleLoader(engine).reindex(progress=advance)
        else:
            report = ingest(engine, inputs, metadata, max_bytes, advance, workers)
    report.outcomes[:0] = [Outcome.of_problem(problem) for problem in problems]
    if as_json:
        print(json.dumps(report.as_json(), indent=2, default=str))
    elif quiet:
        for outcome in report.failed:
            err_console.print(f"failed: {outcome.name}: {outcome.reason}", markup=False)
    else:
        _print_ingest_report(report, reindex)
    if report.failed:
        raise typer.Exit(1)


# --------------------------------------------------------------------------- fetch and feeds

AllowPrivateOption = Annotated[
    bool,
    typer.Option(
        "--allow-private",
        help="Also fetch from loopback and private addresses (refused by default).",
    ),
]
FetchMaxSizeOption = Annotated[
    str, typer.Option("--max-size", help="Refuse pages larger than this (5MB, 500KB).")
]
TimeoutOption = Annotated[
    float,
    typer.Option("--timeout", min=0.01, help="Seconds to wait to connect, and for each read."),
]
DelayOption = Annotated[
    float,
    typer.Option(
        "--delay",
        min=0,
        envvar="SILKLEDGER_FETCH_DELAY",
        show_envvar=True,
        help="Seconds between two requests to one host (politeness).",
    ),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print only failures.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print a JSON summary on stdout.")]


def _fetch_settings(max_size: str, timeout: float, delay: float, allow_private: bool):
    from .loaders.articles import parse_size
    from .loaders.fetch import FetchSettings

    return FetchSettings(
        connect_timeout=timeout,
        read_timeout=timeout,
        max_bytes=parse_size(max_size),
        delay=delay,
        allow_private=allow_private,
    )


def _print_fetch_report(report, quiet: bool, title: str) -> None:
    if not quiet:
        for outcome in report.of("already_loaded"):
            console.print(
                f"already loaded: {outcome.name} (source {outcome.source_key}; {outcome.reason})",
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
        summary = Table(title=title, show_header=False)
        summary.add_column("what")
        summary.add_column("count", justify="right")
        rows = [
            ("loaded", len(report.of("loaded"))),
            ("already loaded", len(report.of("already_loaded"))),
            ("failed", len(report.failed)),
        ]
        rows += [(f"facts extracted: {k}", n) for k, n in report.facts_per_kind().items()]
        for what, count in rows:
            summary.add_row(what, f"{count:,}")
        console.print(summary)
    for outcome in report.failed:
        err_console.print(f"failed: {outcome.name}: {outcome.reason}", markup=False, soft_wrap=True)


@app.command("fetch")
@expected_errors
def fetch_command(
    ctx: typer.Context,
    urls: Annotated[list[str], typer.Argument(help="Pages to fetch and load (http or https).")],
    refresh: Annotated[
        bool, typer.Option("--refresh", help="Fetch URLs loaded before again.")
    ] = False,
    allow_private: AllowPrivateOption = False,
    max_size: FetchMaxSizeOption = "5MB",
    timeout: TimeoutOption = 10.0,
    delay: DelayOption = 1.0,
    language: LanguageOption = None,
    quiet: QuietOption = False,
    as_json: JsonOption = False,
) -> None:
    """Download web pages and load them as articles (as ingest does), one transaction each,
    with their facts waiting for review.

    robots.txt is honoured, one request per second per host; a URL loaded before is not
    fetched again (unless --refresh). Exits 1 when any URL failed; the others are loaded.

    Example: silkledger fetch https://example.com/news/kazakhstan-china-trade.html
    """
    import json

    from .loaders.fetch import fetch_urls

    settings = _fetch_settings(max_size, timeout, delay, allow_private)
    with (
        migrate.connected(database_url(ctx)) as engine,
        _ingest_progress(len(urls), quiet or as_json) as progress,
    ):
        task = progress.add_task("fetching", total=len(urls)) if progress else None
        report = fetch_urls(
            engine,
            urls,
            settings,
            refresh=refresh,
            progress=(lambda _o: progress.advance(task)) if progress else None,
            language=_language(language),
        )
    if as_json:
        print(json.dumps(report.as_json(), indent=2, default=str))
    else:
        _print_fetch_report(report, quiet, "fetch summary")
    if report.failed:
        raise typer.Exit(1)


feeds_app = typer.Typer(
    help="The feeds followed (RSS, Atom, RDF): add, list, remove, run.", no_args_is_help=True
)
app.add_typer(feeds_app, name="feeds")


@feeds_app.command("add")
@expected_errors
def feeds_add(
    ctx: typer.Context,
    url: Annotated[str, typer.Argument(help="The feed's URL.")],
    name: Annotated[
        str | None, typer.Option("--name", help="Short name (default: host and path).")
    ] = None,
    tag: Annotated[
        str | None, typer.Option("--tag", help="A label: an outlet group, a topic.")
    ] = None,
    allow_private: AllowPrivateOption = False,
) -> None:
    """Follow a feed: `feeds run` (or a feeds job of the scheduler) loads its new items.

    Example: silkledger feeds add https://example.com/rss.xml --name caspian-wire --tag kz
    """
    from .loaders.feeds import add_feed

    with migrate.connected(database_url(ctx)) as engine:
        added = add_feed(engine, url, name, tag, allow_private)
    console.print(f"following {url} as {added}", markup=False, highlight=False)


@feeds_app.command("list")
@expected_errors
def feeds_list(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Show each feed with its last run and the items seen, loaded and failed.

    Example: silkledger feeds list
    """
    import json

    from .loaders.feeds import list_feeds

    with migrate.connected(database_url(ctx)) as engine:
        feeds = list_feeds(engine)
    if as_json:
        print(json.dumps([feed.as_json() for feed in feeds], indent=2, default=str))
        return
    if not feeds:
        console.print("no feeds followed (add one with `silkledger feeds add URL`)")
        return
    table = Table(title="feeds")
    for column in ("name", "url", "tag", "last run", "status", "seen", "loaded", "failed", "error"):
        table.add_column(column, overflow="fold")
    for feed in feeds:
        status = feed.last_status or ""
        if feed.failing:
            status = f"[red]failing[/] ({feed.failure_count} runs)"
        when = feed.last_run_at.strftime("%Y-%m-%d %H:%M") if feed.last_run_at else "never"
        table.add_row(
            escape(feed.name),
            escape(feed.url),
            escape(feed.tag or ""),
            when,
            status,
            str(feed.seen),
            str(feed.loaded),
            str(feed.failed),
            escape((feed.last_error or "").splitlines()[0] if feed.last_error else ""),
        )
    console.print(table)


@feeds_app.command("remove")
@expected_errors
def feeds_remove(
    ctx: typer.Context, name: Annotated[str, typer.Argument(help="The feed's name or URL.")]
) -> None:
    """Stop following a feed; the articles loaded from it stay.

    Example: silkledger feeds remove caspian-wire
    """
    from .loaders.feeds import remove_feed

    with migrate.connected(database_url(ctx)) as engine:
        items = remove_feed(engine, name)
    console.print(f"removed feed {name} ({items} item(s) forgotten)", markup=False, highlight=False)


@feeds_app.command("run")
@expected_errors
def feeds_run(
    ctx: typer.Context,
    names: Annotated[list[str] | None, typer.Argument(help="Feeds to run (default: all).")] = None,
    allow_private: AllowPrivateOption = False,
    max_size: FetchMaxSizeOption = "5MB",
    timeout: TimeoutOption = 10.0,
    delay: DelayOption = 1.0,
    quiet: QuietOption = False,
    as_json: JsonOption = False,
) -> None:
    """Fetch each feed (a conditional request: an unchanged feed costs one 304) and load its
    new items, one transaction each.

    An interrupted run leaves the rest for the next one. Exits 1 when a feed or an item failed.

    Example: silkledger feeds run caspian-wire
    """
    import json

    from .loaders.feeds import run_feeds

    settings = _fetch_settings(max_size, timeout, delay, allow_private)
    with (
        migrate.connected(database_url(ctx)) as engine,
        _ingest_progress(6, quiet or as_json) as progress,
    ):
        task = progress.add_task("loading", total=0) if progress else None

        def more(count: int) -> None:
            if progress:
                progress.update(task, total=progress.tasks[0].total + count)

        report = run_feeds(
            engine,
            names,
            settings,
            progress=(lambda _o: progress.advance(task)) if progress else None,
            on_items=more,
        )
    items = report.items
    if as_json:
        print(json.dumps(report.as_json(), indent=2, default=str))
    else:
        for run in report.runs:
            line = f"{run.name}: {run.detail or 'ok'}"
            if run.status != "not_modified":
                line += f" ({run.new_items} new item(s), {len(run.outcomes)} tried)"
            if run.status == "failed":
                err_console.print(f"failed: {run.url}: {run.detail}", markup=False, soft_wrap=True)
            elif not quiet:
                console.print(line, markup=False, highlight=False, soft_wrap=True)
            for problem in run.problems:
                err_console.print(problem, markup=False, soft_wrap=True)
        _print_fetch_report(items, quiet, "feeds summary")
    if items.failed or report.failed_feeds:
        raise typer.Exit(1)


# --------------------------------------------------------------------------- review

review_app = typer.Typer(
    help="The review queue: accept, reject, edit or merge extracted facts (or use Excel).",
    no_args_is_help=True,
)
app.add_typer(review_app, name="review")

ActorOption = Annotated[
    str | None, typer.Option("--actor", help="Who is reviewing (default: $USER).")
]
ReviewNoteOption = Annotated[
    str | None, typer.Option("--note", help="A remark kept with the action.")
]
ReviewSourceOption = Annotated[
    str | None, typer.Option("--source", metavar="KEY", help="Only facts cited from this source.")
]


def _review_session(ctx: typer.Context):
    """A session in one transaction on the chosen database (committed if the block ends)."""
    from contextlib import contextmanager

    from .db import session_scope

    @contextmanager
    def scope():
        with migrate.connected(database_url(ctx)) as engine, session_scope(engine) as session:
            yield session

    return scope()


@review_app.command("list")
@expected_errors
def review_list(
    ctx: typer.Context,
    source: ReviewSourceOption = None,
    kind: Annotated[
        str | None,
        typer.Option(
            help="trade_flow, agreement, project, event or indicator; organization or person "
            "for the new names proposed beside facts."
        ),
    ] = None,
    min_confidence: Annotated[
        float | None,
        typer.Option("--min-confidence", min=0, max=1, help="Only facts at least this sure."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Show the facts waiting for review, with their quotes (as the article words them, in its
    language), and the new organisations and people proposed beside them (IDs organization:N,
    person:N); --json: one object per fact, text as UTF-8.

    Example: silkledger review list --kind organization
    """
    import json

    from .loaders.review import pending_facts

    with _review_session(ctx) as session:
        facts = pending_facts(session, source, kind, min_confidence)
    if as_json:
        rows = [
            {name: getattr(fact, name) for name in ("id", "kind", "key", "source", "confidence")}
            | {"summary": fact.summary, "quote": fact.quote}
            for fact in facts
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False, default=str))
        return
    table = Table(title=f"{len(facts)} fact(s) waiting for review")
    for column in ("ID", "source", "conf.", "fields", "quote"):
        table.add_column(column, overflow="fold")
    for fact in facts:
        confidence = "" if fact.confidence is None else f"{fact.confidence:.2f}"
        table.add_row(
            fact.id, escape(fact.source), confidence, escape(fact.summary), escape(fact.quote)
        )
    console.print(table)


def _review_decide(ctx, ids, decision, all_of_source, source, actor, note) -> None:
    from .loaders.review import current_actor, decide, decide_source

    if all_of_source == bool(ids) or (all_of_source and not source):
        raise SilkledgerError("give fact IDs, or --all --source KEY")
    with _review_session(ctx) as session:
        who = current_actor(actor)
        if all_of_source:
            done = decide_source(session, source, decision, who, note)
        else:
            done = decide(session, ids, decision, who, note)
    verb = {"accept": "accepted", "reject": "rejected"}[decision]
    console.print(f"{verb} {len(done)} fact(s): {', '.join(done) or '-'}", highlight=False)


ReviewIdsArgument = Annotated[
    list[str] | None,
    typer.Argument(help="Fact IDs (trade_flow:12), proposed names (organization:3) or keys."),
]
ReviewAllOption = Annotated[bool, typer.Option("--all", help="Every pending fact of --source.")]


def _review_decision_command(decision: str, help_text: str) -> None:
    """``review accept`` and ``review reject``: the same options, a different decision."""

    @review_app.command(decision, help=help_text)
    @expected_errors
    def command(
        ctx: typer.Context,
        ids: ReviewIdsArgument = None,
        all_of_source: ReviewAllOption = False,
        source: ReviewSourceOption = None,
        actor: ActorOption = None,
        note: ReviewNoteOption = None,
    ) -> None:
        _review_decide(ctx, ids, decision, all_of_source, source, actor, note)


_review_decision_command(
    "accept",
    "Accept facts: from now on they count in reports and default views. An accepted proposed "
    "name (organization:N, person:N) is added and linked to the fact beside it.\n\n"
    "Example: silkledger review accept trade_flow:12 agreement:3",
)
_review_decision_command(
    "reject",
    "Reject facts: they stay in the database, marked rejected, and never count.\n\n"
    "Example: silkledger review reject --all --source wire-2025-06-17-3f2a9c01d2e4",
)


@review_app.command(
    "edit", context_settings={"allow_extra_args": True, "ignore_unknown_options": True}
)
@expected_errors
def review_edit(
    ctx: typer.Context,
    fact: Annotated[str, typer.Argument(help="Fact ID (trade_flow:12) or key.")],
    actor: ActorOption = None,
    note: ReviewNoteOption = None,
) -> None:
    """Change fields of a fact: --FIELD VALUE for each, any field of its seed record
    (value, unit, currency, qualifier, reporter, period.start, signed-date, status …; an empty
    VALUE clears it). Validated like the seed files; a bad value writes nothing.

    Example: silkledger review edit trade_flow:12 --value "44 billion" --qualifier over
    """
    from .loaders.review import current_actor, edit

    changes = _field_options(ctx.args)
    with _review_session(ctx) as session:
        changed = edit(session, fact, changes, current_actor(actor), note)
    if not changed:
        console.print(f"{fact}: nothing changed", highlight=False)
    for name, (old, new) in changed.items():
        console.print(f"{fact}: {name}: {old!s} -> {new!s}", markup=False, highlight=False)


def _field_options(args: list[str]) -> dict[str, str]:
    """``--value 44bn --period.start 2024-01-01`` -> {"value": "44bn", "period.start": ...}."""
    if not args:
        raise SilkledgerError("give at least one --FIELD VALUE to change")
    changes: dict[str, str] = {}
    pending = list(args)
    while pending:
        name = pending.pop(0)
        if not name.startswith("--") or len(name) < 3:
            raise SilkledgerError(f"expected --FIELD VALUE, got {name!r}")
        name, has_value, value = name[2:].partition("=")
        if not has_value:
            if not pending:
                raise SilkledgerError(f"--{name} needs a value (an empty one clears the field)")
            value = pending.pop(0)
        changes[name] = value
    return changes


@review_app.command("merge")
@expected_errors
def review_merge(
    ctx: typer.Context,
    fact: Annotated[str, typer.Argument(help="The extracted fact or proposed name (ID or key).")],
    into: Annotated[
        str,
        typer.Option(
            "--into",
            help="The curated or accepted fact it restates, or the key of the organisation or "
            "person a proposed name is another name of.",
        ),
    ],
    actor: ActorOption = None,
    note: ReviewNoteOption = None,
) -> None:
    """Merge an extracted fact into an existing one it restates: its quote becomes a second
    citation of that fact, and its own row goes. A proposed name (organization:N, person:N)
    merged into a known organisation or person becomes its alias and links the fact beside it.

    Example: silkledger review merge trade_flow:40 --into tf-kaz-chn-2024-turnover-customs
    """
    from .loaders.review import current_actor, merge

    with _review_session(ctx) as session:
        target = merge(session, fact, into, current_actor(actor), note)
    console.print(f"merged {fact} into {target}", highlight=False)


@review_app.command("history")
@expected_errors
def review_history(
    ctx: typer.Context, fact: Annotated[str, typer.Argument(help="Fact ID or key.")]
) -> None:
    """Show every review action on a fact: who, when, what changed.

    Example: silkledger review history trade_flow:12
    """
    from .loaders.review import history

    with _review_session(ctx) as session:
        actions = history(session, fact)
        table = Table(title=f"history of {fact}")
        for column in ("when", "who", "action", "changes", "note"):
            table.add_column(column, overflow="fold")
        for action in actions:
            changes = action.changes or ""
            if action.merged_into_key:
                changes += f" (into {action.merged_into_key})"
            table.add_row(
                str(action.acted_at)[:19],
                action.actor,
                action.action,
                escape(changes),
                escape(action.note or ""),
            )
    console.print(table)


@review_app.command("export")
@expected_errors
def review_export(
    ctx: typer.Context,
    out: Annotated[str, typer.Argument(help="The workbook to write (.xlsx).")],
    source: ReviewSourceOption = None,
    kind: Annotated[str | None, typer.Option(help="Only facts of this kind.")] = None,
) -> None:
    """Write the pending facts to a workbook: one sheet per kind, the quote, the editable fields
    and a decision column (accept / reject) to fill in, then `review import` it.

    Example: silkledger review export review.xlsx
    """
    from pathlib import Path

    from .loaders.review import export_workbook

    with _review_session(ctx) as session:
        count = export_workbook(session, Path(out), source=source, kind=kind)
    console.print(f"wrote {count} pending fact(s) to {out}", markup=False, highlight=False)


@review_app.command("import")
@expected_errors
def review_import(
    ctx: typer.Context,
    workbook: Annotated[str, typer.Argument(help="A workbook written by `review export`.")],
    strict: Annotated[
        bool, typer.Option("--strict", help="Apply nothing if any row is refused.")
    ] = False,
    actor: ActorOption = None,
) -> None:
    """Apply the decisions and edits of an exported workbook, in one transaction. A row whose
    fact changed since the export is refused (exit 1) and the others are applied.

    Example: silkledger review import review.xlsx --strict
    """
    from pathlib import Path

    from .loaders.review import ReviewImportError, current_actor, import_workbook

    try:
        with migrate.connected(database_url(ctx)) as engine:
            report = import_workbook(engine, Path(workbook), current_actor(actor), strict)
    except ReviewImportError as exc:
        _print_seed_problems(exc.problems, f"{workbook}: rows refused")
        raise typer.Exit(1) from None
    for line in report.applied:
        console.print(line, markup=False, highlight=False)
    console.print(
        f"{len(report.applied)} row(s) applied, {report.unchanged} left pending, "
        f"{len(report.refused)} refused",
        highlight=False,
    )
    for line in report.refused:
        err_console.print(f"refused: {line}", markup=False, highlight=False, soft_wrap=True)
    if report.refused:
        raise typer.Exit(1)


# ----------------------------------------------------------------------------- eval


def _print_eval(report, show_misses: bool, per_article: bool) -> None:
    table = Table(title=f"{report.name}: {report.articles} articles")
    table.add_column("kind", no_wrap=True)
    for column in ("expected", "extracted", "matched", "precision", "recall"):
        table.add_column(column, justify="right")
    rows = [(name, report.group(name)) for name in report.group_names] + [("", None)]
    rows += [(f"  {category}", result) for category, result in report.scores.items()]
    for name, result in rows:
        if result is None:
            table.add_section()
            continue
        shown = [f"{v:.2f}" if v is not None else "-" for v in (result.precision, result.recall)]
        table.add_row(
            name, str(result.expected), str(result.extracted), str(result.matched), *shown
        )
    console.print(table)
    if report.trade_found:
        share = report.trade_right / report.trade_found
        console.print(
            f"trade figures found with the countries and the period right: "
            f"{report.trade_right} of {report.trade_found} ({share:.0%})"
        )
    if report.datable:
        console.print(f"publication date read from the text: {report.dated} of {report.datable}")
    if per_article:
        _print_per_article(report, report.group_names)
    if show_misses:
        for label, outcomes in (
            ("miss", report.misses),
            ("false positive", report.false_positives),
            ("wrong countries or period", report.wrong_attribution),
        ):
            for item in outcomes:
                console.print(
                    f"{label}: {item.category}: {item.source}: {item.label}\n    “{item.quote}”",
                    markup=False,
                    highlight=False,
                )


def _print_per_article(report, groups) -> None:
    table = Table(title=f"{report.name}: per article (expected/extracted/matched)")
    table.add_column("article")
    for name in groups:
        table.add_column(name, justify="right")
    for key, scores in report.per_article.items():
        cells = [f"{s.expected}/{s.extracted}/{s.matched}" for s in scores.values()]
        table.add_row(key, *cells)
    console.print(table)


@app.command("eval")
@expected_errors
def eval_command(
    which: Annotated[
        str,
        typer.Option(
            "--set",
            help="Sets, comma-separated: seed, dev, tune, test, ru-tune, ru-test; default "
            "(seed,dev,tune) or all. The test parts are held out: score them once, at the end.",
        ),
    ] = "default",
    seed_dir: SeedDirOption = None,
    misses: Annotated[
        bool, typer.Option("--misses", help="List every miss and false positive with its quote.")
    ] = False,
    per_article: Annotated[
        bool, typer.Option("--per-article", help="A row per article: expected/extracted/matched.")
    ] = False,
    check: Annotated[bool, typer.Option("--check", help="Exit 1 when a target is missed.")] = False,
) -> None:
    """Measure the fact extractor: precision and recall of money facts, events and indicators
    (and per kind) on the seed articles (against the curated seed facts), the developers' set
    (tests/data/articles) and the corpus parts (tests/data/corpus, see its README).

    Example: silkledger eval --set seed,tune --misses
    """
    from pathlib import Path

    from .loaders.evaluation import evaluate_extractor, shortfalls

    reports = evaluate_extractor(which, Path(seed_dir) if seed_dir else None)
    for report in reports:
        _print_eval(report, show_misses=misses, per_article=per_article)
    missed = [line for report in reports for line in shortfalls(report)]
    for line in missed:
        err_console.print(f"below target: {line}", markup=False, highlight=False)
    if check and missed:
        raise typer.Exit(1)


# --------------------------------------------------------------- analyst: search, sql, serve

QueryLimitOption = Annotated[
    int, typer.Option("--limit", min=1, help="Show at most this many matches.")
]


def _highlighted(snippet: str) -> str:
    """A snippet as rich markup: the matched words in bold yellow, everything else literal."""
    from .analyst.search import MARK_END, MARK_START

    return (
        escape(" ".join(snippet.split()))
        .replace(MARK_START, "[bold yellow]")
        .replace(MARK_END, "[/]")
    )


@app.command("search")
@expected_errors
def search_command(
    ctx: typer.Context,
    query: Annotated[
        str,
        typer.Argument(
            help='Words (all must occur), "a phrase", OR between alternatives, -word to exclude.'
        ),
    ],
    quotes: Annotated[
        bool, typer.Option("--quotes", help="Search the citations' quotes instead of the texts.")
    ] = False,
    limit: QueryLimitOption = 20,
) -> None:
    """Full-text search of the articles (or the quotes): each matching source with a snippet.

    Words are stemmed (earths finds earth); the best matches come first.

    Example: silkledger search "rare earth"
    """
    from .analyst.search import search

    with migrate.connected(database_url(ctx)) as engine:
        hits = search(engine, query, limit=limit, quotes=quotes)
    if not hits:
        console.print(f"no {'quote' if quotes else 'article'} matches {query!r}", highlight=False)
        return
    for hit in hits:
        header = (
            f"[bold]{escape(hit.source_key)}[/]  {hit.published_date or ''}  {escape(hit.title)}"
        )
        if hit.fact:
            header += f"  [dim]({escape(hit.fact)})[/]"
        console.print(header, highlight=False, soft_wrap=True)
        console.print("    " + _highlighted(hit.snippet), highlight=False, soft_wrap=True)
    console.print(f"{len(hits)} match(es)", highlight=False)


def _read_statement(statement: str | None, file: str | None) -> str:
    if (statement is None) == (file is None):
        raise SilkledgerError(
            'give either a statement or --file FILE, e.g. silkledger sql "SELECT 1"'
        )
    if file is None:
        return statement
    try:
        with open(file, encoding="utf-8") as handle:
            return handle.read()
    except OSError as exc:
        raise SilkledgerError(f"cannot read {file}: {exc.strerror}") from None


def _print_result_table(result, limit: int) -> None:
    """The first ``limit`` rows (0: all) as a table; the rest are counted, not kept."""
    from itertools import islice

    from .analyst.output import plain

    table = Table(show_lines=False)
    for column in result.columns:
        table.add_column(column, overflow="fold")
    shown = 0
    for row in islice(result.rows, limit or None):
        table.add_row(*("" if value is None else escape(str(plain(value))) for value in row))
        shown += 1
    left_out = sum(1 for _ in result.rows)
    console.print(table)
    if left_out:
        console.print(
            f"{shown:,} of {shown + left_out:,} row(s) shown, {left_out:,} left out "
            "(--limit N to show more, --limit 0 for all, or --format csv --out FILE)",
            highlight=False,
            soft_wrap=True,
        )
    else:
        console.print(f"{shown:,} row(s)", highlight=False)


@app.command("sql")
@expected_errors
def sql_command(
    ctx: typer.Context,
    statement: Annotated[
        str | None, typer.Argument(help="One SQL statement (SELECT, WITH …).", show_default=False)
    ] = None,
    file: Annotated[
        str | None, typer.Option("--file", "-f", help="Read the statement from this file.")
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="table, csv, json, jsonl or xlsx (default: from --out's suffix, else table).",
        ),
    ] = None,
    out: Annotated[
        str | None, typer.Option("--out", help="Write to this file instead of the screen.")
    ] = None,
    limit: Annotated[
        int,
        typer.Option(
            "--limit", min=0, help="The table shows this many rows (0: all); files get every row."
        ),
    ] = 1000,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout", min=0, help="Stop the statement after this many seconds (0: no limit)."
        ),
    ] = 60.0,
) -> None:
    """Run one SQL query read-only and print its rows (or write CSV, JSON, JSON lines or .xlsx).

    Only plain queries run (SELECT, WITH … SELECT, VALUES, EXPLAIN); anything that would write
    is refused and changes nothing. On PostgreSQL the query runs as the read-only role
    silkledger_reader, whatever role the URL names. Rows are streamed to files; the views
    (deals, disagreements, …) and the examples in docs/queries/ are a good start.

    Example: silkledger sql "SELECT subject, value, stated_value FROM disagreements" --format csv
    """
    from pathlib import Path

    from .analyst import output
    from .analyst.sql import read_only_query

    chosen = output.format_for(out, output_format)
    with read_only_query(database_url(ctx), _read_statement(statement, file), timeout) as result:
        if chosen == "table":
            _print_result_table(result, limit)
            return
        written = output.export(result, chosen, Path(out) if out else None)
    if out is not None:
        err_console.print(f"wrote {out} ({written:,} row(s))", highlight=False)


@app.command("serve")
@expected_errors
def serve_command(
    ctx: typer.Context,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port.")] = 8001,
    queries: Annotated[
        str | None,
        typer.Option(
            "--queries",
            help="Folder of .sql example queries (default: the checkout's docs/queries).",
        ),
    ] = None,
) -> None:
    """Browse the SQLite database in a browser (Datasette).

    Tables and views with their descriptions, the example queries, full-text search.
    Needs the web extra: pip install 'silkledger\\[web]'.

    Example: silkledger serve --port 8001
    """
    from pathlib import Path

    from .analyst.serve import default_queries_dir, serve

    url = database_url(ctx)
    console.print(
        f"serving {describe(url)} at http://{host}:{port}/ ; Ctrl-C to stop", highlight=False
    )
    serve(url, host, port, Path(queries) if queries else default_queries_dir())
