"""Every CLI command is documented: listed in the README's command table, with an example in its
help (as sqlite-utils' tests/test_docs.py does). A command added without either fails here."""

import re
from pathlib import Path

import pytest
import typer
from silkledger.cli import app

README = Path(__file__).resolve().parent.parent / "README.md"
COMMAND_WORD = re.compile(r"[a-z][a-z0-9-]*")


def leaf_commands(group, prefix: tuple[str, ...] = ()) -> dict:
    """Every runnable, visible command under ``group``, by its full path ("db upgrade").
    (Typer bundles its own click, so a group is told by its ``commands``, not its class.)"""
    found = {}
    for name, command in group.commands.items():
        if command.hidden:
            continue
        path = (*prefix, name)
        if hasattr(command, "commands"):
            found |= leaf_commands(command, path)
        else:
            found[" ".join(path)] = command
    return found


ROOT = typer.main.get_command(app)
COMMANDS = leaf_commands(ROOT)


def command_words(code: str) -> list[str]:
    """``silkledger report deals --out FILE`` -> ["report", "deals"]: the words before options."""
    words = []
    for token in code.removeprefix("silkledger ").split():
        if not COMMAND_WORD.fullmatch(token):
            break
        words.append(token)
    return words


def readme_commands() -> set[str]:
    """The commands the README's table names. A row may shorten a sibling: in
    ``silkledger schedule run-due`` / ``list`` the second entry is ``schedule list``."""
    text = README.read_text(encoding="utf-8")
    table = text.split("## Commands", 1)[1].split("\n## ", 1)[0]
    listed = set()
    for row in table.splitlines():
        if not row.startswith("| `"):
            continue
        first_cell = row.split("|")[1]
        group: list[str] = []
        for code in re.findall(r"`([^`]+)`", first_cell):
            words = command_words(code)
            if words and words[0] not in ROOT.commands:  # relative to the previous entry's group
                words = [*group, *words]
            group = words[:-1]
            listed.add(" ".join(words))
    return listed


def test_the_walk_finds_the_commands_of_every_group():
    assert {"db upgrade", "db dictionary", "seed", "report deals", "schedule list"} <= set(COMMANDS)


def test_the_readme_table_is_read_with_its_shortened_siblings():
    assert {"db downgrade", "schedule serve", "report trade", "init"} <= readme_commands()


@pytest.mark.parametrize("path", sorted(COMMANDS))
def test_every_command_is_in_the_readme_table(path):
    assert path in readme_commands(), f"add `silkledger {path}` to the README's command table"


@pytest.mark.parametrize("path", sorted(COMMANDS))
def test_every_command_help_ends_with_an_example_of_itself(path):
    lines = [line.strip() for line in (COMMANDS[path].help or "").strip().splitlines()]
    assert lines, f"silkledger {path} has no help"
    last = lines[-1]
    assert last.startswith("Example: silkledger "), (
        f"silkledger {path}: help must end with Example:"
    )
    words = path.split()
    assert command_words_of_example(last)[: len(words)] == words, "the example runs another command"


def command_words_of_example(line: str) -> list[str]:
    """``Example: silkledger --db URL init`` -> ["init"]: the global options are skipped."""
    tokens = line.removeprefix("Example: silkledger ").split()
    while tokens and tokens[0].startswith("--"):
        option = tokens.pop(0)
        if "=" not in option and option != "--version":
            tokens.pop(0)  # the option's value
    return command_words(" ".join(tokens))


def test_the_readme_table_lists_no_command_that_does_not_exist():
    assert readme_commands() - set(COMMANDS) == set()
