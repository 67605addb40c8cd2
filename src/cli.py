"""The command line: `silkledger ...`. Each command is thin: it calls a library function and turns
an expected error (SilkledgerError) into one clear line on stderr and exit code 1."""

from __future__ import annotations

import functools
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from . import __version__, dictionary, migrate
from .db import describe, resolve_url
from .errors import SilkledgerError

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
            err_console.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
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
) -> None:
    """Migrate the schema down to REVISION (default: one step back).

    Example: silkledger db downgrade base
    """
    url = database_url(ctx)
    migrate.downgrade(url, revision)
    console.print(f"database {describe(url)} downgraded to {revision}")


@db_app.command("current")
@expected_errors
def db_current(ctx: typer.Context) -> None:
    """Show the schema revision the database is at, and the newest one available.

    Example: silkledger db current
    """
    url = database_url(ctx)
    engine = migrate.open_engine(url)
    try:
        current = migrate.current_revision(engine)
    finally:
        engine.dispose()
    head = migrate.head_revision()
    state = "up to date" if current == head else f"newest is {head}"
    console.print(f"{describe(url)}: revision {current or 'none (empty database)'} ({state})")


@db_app.command("dictionary")
@expected_errors
def db_dictionary(
    out: Annotated[str | None, typer.Option("--out", help="Write to this file instead of stdout.")] = None,
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
    engine = migrate.open_engine(url)
    try:
        counts = migrate.table_row_counts(engine)
        current = migrate.current_revision(engine)
    finally:
        engine.dispose()
    table = Table(title=f"{describe(url)} — revision {current or 'none'}")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, count in counts.items():
        table.add_row(name, "[dim]missing[/]" if count is None else f"{count:,}")
    console.print(table)
