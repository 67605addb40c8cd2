"""Ingest inputs that used to stop the run or slip through (issue 21): a front-matter field
that is wrong (a date that does not exist, a list as title ...), folder entries that are not
files (named pipes, sockets, broken links, link loops), and texts holding NUL characters."""

from __future__ import annotations

import json
import os
import signal
import socket
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from ingest_helpers import write_article
from silkledger.cli import app
from silkledger.loaders import articles
from silkledger.loaders.articles import ArticleError, ArticleInput, collect_inputs, read_article
from sqlalchemy import text
from typer.testing import CliRunner

GOOD = "---\ntitle: Rail freight doubles\npublished: 2025-04-02\n---\nContainer trains doubled.\n"
TOMORROW = datetime.now(UTC).date() + timedelta(days=1)
LATER = TOMORROW + timedelta(days=2)


def ingest_json(url, *paths: Path):
    result = CliRunner().invoke(
        app,
        ["--db", url.render_as_string(hide_password=False), "ingest", *map(str, paths), "--json"],
    )
    return result, json.loads(result.stdout)


def source_files(engine) -> list[str]:
    with engine.connect() as connection:
        names = connection.execute(text("SELECT file_name FROM sources ORDER BY file_name"))
        return [Path(name).name for name in names.scalars()]


# ----------------------------------------------------------------------- 4. front matter

BAD_FRONT_MATTER = {
    "month.md": ("published: 2099-13-45", "published: month must be 1..12 (2099-13-45)"),
    "day.md": ("published: 2025-02-30", "published: day must be 1..28 in February 2025"),
    "leap.md": ("published: 2023-02-29", "published: day must be 1..28 in February 2023"),
    "old.md": ("published: 1850-06-01", "published: before 1900 (1850-06-01)"),
    "old-year.md": ("published: 1066", "published: before 1900 (1066)"),
    "future.md": (f"published: {LATER}", f"published: in the future ({LATER};"),
    "future-words.md": ("published: 1 January 2999", "published: in the future (1 January 2999;"),
    "date-list.md": ("published: [2025, 2026]", "published: a list where a date"),
    "title-list.md": ("title: [Rail, Road]", "title: a list where text is expected"),
    "title-number.md": ("title: 42", "title: a number where text is expected"),
    "author-map.md": ("author: {name: Dana}", "author: a mapping where text is expected"),
    "url-bool.md": ("url: yes", "url: true/false where text is expected"),
    "tagged.md": ("published: !!timestamp 2099-13-45", "malformed front matter: month must be"),
}


@pytest.mark.parametrize("name", BAD_FRONT_MATTER, ids=list(BAD_FRONT_MATTER))
def test_a_bad_front_matter_field_is_one_line_naming_file_and_field(tmp_path, name):
    field, reason = BAD_FRONT_MATTER[name]
    path = write_article(tmp_path, name, f"---\n{field}\n---\nHeadline\nBody.\n")
    with pytest.raises(ArticleError) as caught:
        read_article(ArticleInput(str(path), path))
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    assert reason in message


def test_dates_up_to_tomorrow_and_from_1900_are_kept(tmp_path):
    for value in (TOMORROW.isoformat(), "1900-01-01"):
        path = write_article(tmp_path, f"{value}.md", f"---\npublished: {value}\n---\nH\nB.\n")
        published = read_article(ArticleInput(str(path), path)).published
        assert (published.value.isoformat(), published.precision) == (value, "day")


def test_a_malformed_date_fails_its_article_and_the_folder_loads(
    reference_url, databases, tmp_path
):
    folder = tmp_path / "in"
    write_article(folder, "good.md", GOOD)
    write_article(folder, "bad.md", "---\ntitle: Odd\npublished: 2099-13-45\n---\nOdd date.\n")
    write_article(folder, "list.md", "---\ntitle: [a, b]\n---\nA list as title.\n")
    result, summary = ingest_json(reference_url, folder)
    assert result.exit_code == 1
    assert (summary["loaded"], summary["failed"]) == (1, 2)
    reasons = {Path(a["name"]).name: a["reason"] for a in summary["articles"]}
    assert reasons["bad.md"] == "published: month must be 1..12 (2099-13-45)"
    assert reasons["list.md"] == "malformed front matter: title: a list where text is expected"
    assert source_files(databases.engine(reference_url)) == ["good.md"]


# ------------------------------------------------------------------ 5. not files to read


def make_special_entries(folder: Path) -> socket.socket:
    """A named pipe, a socket, a broken link and a link loop, all with article names."""
    folder.mkdir(parents=True, exist_ok=True)
    os.mkfifo(folder / "pipe.txt")
    (folder / "broken.md").symlink_to(folder / "nowhere.md")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(folder / "sock.txt"))
    return server


SKIP_REASONS = {
    "broken.md": "broken symbolic link: its target",
    "loop.txt": "symbolic link loop",
    "pipe.txt": "named pipe (FIFO), not a regular file: not opened",
    "sock.txt": "socket, not a regular file",
}


@pytest.fixture
def alarm():
    """Fail instead of hanging if anything opens the named pipe for a blocking read."""

    def hung(*_):
        raise TimeoutError("blocked: the named pipe was opened")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def test_entries_that_are_not_files_are_listed_as_skipped(
    reference_url, databases, tmp_path, alarm
):
    folder = tmp_path / "in"
    write_article(folder, "good.md", GOOD)
    server = make_special_entries(folder)
    try:
        result, summary = ingest_json(reference_url, folder)
        table = CliRunner().invoke(
            app,
            ["--db", reference_url.render_as_string(hide_password=False), "ingest", str(folder)],
        )
    finally:
        server.close()
    assert result.exit_code == 0, result.output
    assert (summary["loaded"], summary["failed"]) == (1, 0)
    skipped = {Path(entry["name"]).name: entry["reason"] for entry in summary["skipped"]}
    assert sorted(skipped) == sorted(SKIP_REASONS)
    for name, reason in SKIP_REASONS.items():
        assert skipped[name].startswith(reason), name
        assert f"skipped: {folder / name}: {reason}" in table.output
    assert "skipped (not files to read)" in table.output
    assert source_files(databases.engine(reference_url)) == ["good.md"]


def test_a_named_pipe_is_never_opened_for_reading(tmp_path, alarm):
    server = make_special_entries(tmp_path / "in")
    server.close()
    inputs, problems = collect_inputs([str(tmp_path / "in")])
    assert inputs == [] and all(isinstance(problem, articles.Skipped) for problem in problems[:-1])
    assert str(problems[-1]).endswith(
        "folder has no article file (.htm, .html, .markdown, .md, .text, .txt, .xhtml)"
    )
    named, named_problems = collect_inputs([str(tmp_path / "in" / "pipe.txt")])
    assert named == []
    assert [str(problem) for problem in named_problems] == [
        f"{tmp_path / 'in' / 'pipe.txt'}: named pipe (FIFO), not a regular file: not opened"
    ]
    # a path that became a pipe after the folder was listed: opened without blocking, refused
    source = ArticleInput("late.txt", tmp_path / "in" / "pipe.txt")
    with pytest.raises(ArticleError, match=r"late\.txt: named pipe"):
        read_article(source)


# ----------------------------------------------------------------------------- 6. NUL


def test_a_text_with_a_nul_character_is_refused_on_each_engine(reference_url, databases, tmp_path):
    folder = tmp_path / "in"
    write_article(folder, "good.md", GOOD)
    write_article(folder, "nul.txt", b"Headline\nTrade grew.\x00 Exports too.\n")
    write_article(folder, "utf16.txt", "Headline\nTrade grew.\n".encode("utf-16-le"))
    result, summary = ingest_json(reference_url, folder)
    assert result.exit_code == 1
    assert (summary["loaded"], summary["failed"]) == (1, 2)
    reasons = {Path(a["name"]).name: a["reason"] for a in summary["articles"]}
    assert reasons["nul.txt"] == (
        "binary file, not text: a NUL character on line 2 (UTF-16 or UTF-32 text needs a "
        "byte-order mark)"
    )
    assert reasons["utf16.txt"].startswith("binary file, not text: a NUL character on line 1")
    assert source_files(databases.engine(reference_url)) == ["good.md"]


def test_a_nul_character_after_a_byte_order_mark_is_refused(tmp_path):
    path = write_article(tmp_path, "bom.txt", "Headline\nA\x00B\n".encode("utf-16"))
    with pytest.raises(ArticleError, match="a NUL character on line 2"):
        read_article(ArticleInput(str(path), path))
