"""The command line: `silkledger ...`. Each command is thin: it calls a library function and turns
an expected error (SilkledgerError) into one clear line on stderr and exit code 1."""

from __future__ import annotations

import functools
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
    if outcome.status == "succeeded":
        line = f"[green]succeeded[/] {outcome.job} ({outcome.report}, due {due}): {escape(str(outcome.path))}"
        line += f" ({outcome.size_bytes:,} bytes)"
        if outcome.removed:
            line += f"; removed {len(outcome.removed)} old workbook(s)"
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
        detail = last.file_path or ""
        if last.status == "failed" and last.error:
            detail = last.error.splitlines()[0]
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


def _print_result_table(result) -> None:
    from .analyst.output import plain

    table = Table(show_lines=False)
    for column in result.columns:
        table.add_column(column, overflow="fold")
    for row in result.rows:
        table.add_row(*("" if value is None else escape(str(plain(value))) for value in row))
    console.print(table)
    console.print(f"{len(result.rows)} row(s)", highlight=False)


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
            help="table, csv, json or xlsx (default: from --out's suffix, else table).",
        ),
    ] = None,
    out: Annotated[
        str | None, typer.Option("--out", help="Write to this file instead of the screen.")
    ] = None,
) -> None:
    """Run one SQL statement read-only and print its rows (or write CSV, JSON or .xlsx).

    A statement that would write is refused and changes nothing; the views (deals,
    disagreements, …) and the examples in docs/queries/ are a good start.

    Example: silkledger sql "SELECT subject, value, stated_value FROM disagreements" --format csv
    """
    from pathlib import Path

    from .analyst import output
    from .analyst.sql import run_read_only

    chosen = output.format_for(out, output_format)
    result = run_read_only(database_url(ctx), _read_statement(statement, file))
    if chosen == "table":
        _print_result_table(result)
        return
    if chosen == "xlsx":
        output.write_xlsx(result, Path(out))
    else:
        text = output.to_csv(result) if chosen == "csv" else output.to_json(result)
        if out is None:
            print(text, end="")
            return
        output.write_text(text, Path(out))
    err_console.print(f"wrote {out} ({len(result.rows)} row(s))", highlight=False)


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
