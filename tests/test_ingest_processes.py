"""Ingest as real processes: kill -9 in the middle of a run and a rerun, and two runs at once on
one folder, on SQLite and PostgreSQL: no article duplicated, none lost, none half written."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ingest_helpers import distinct_article, reference_database, write_article
from silkledger.extract import Gazetteer
from silkledger.models import Mention, Source
from sqlalchemy import func, select
from sqlalchemy.orm import Session

SILKLEDGER = str(Path(sys.executable).with_name("silkledger"))


@pytest.fixture
def reference_url(engine_name, databases, template_factory):
    return reference_database(engine_name, databases, template_factory)


def make_folder(folder: Path, count: int) -> Path:
    for number in range(count):
        write_article(folder, f"article-{number:04d}.txt", distinct_article(number))
    return folder


def ingest_command(url, folder: Path) -> list[str]:
    return [SILKLEDGER, "--db", url.render_as_string(hide_password=False), "ingest", str(folder)]


def source_count(engine) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(Source))


def assert_whole_and_unique(engine, expected: int) -> None:
    """Every article once, each with all of its mentions (nothing half written)."""
    with Session(engine) as session:
        sources = session.execute(select(Source.id, Source.body_text, Source.content_sha256)).all()
        assert len(sources) == expected
        assert len({sha for _, _, sha in sources}) == expected
        gazetteer = Gazetteer.from_connection(session)
        stored = dict(
            session.execute(
                select(Mention.source_id, func.count()).group_by(Mention.source_id)
            ).all()
        )
        for source_id, body, _ in sources:
            assert stored.get(source_id, 0) == len(gazetteer.mentions(body)) > 0


def test_kill_minus_nine_then_rerun_loads_the_rest(reference_url, databases, tmp_path):
    engine = databases.engine(reference_url)
    total = 400
    folder = make_folder(tmp_path / "inbox", total)
    process = subprocess.Popen(
        [*ingest_command(reference_url, folder), "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while source_count(engine) < 5 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    loaded_before = source_count(engine)
    assert 5 <= loaded_before < total, "the run must be interrupted in the middle"
    rerun = subprocess.run(
        [*ingest_command(reference_url, folder), "--json"], capture_output=True, text=True
    )
    assert rerun.returncode == 0, rerun.stderr
    summary = json.loads(rerun.stdout)
    assert summary["already_loaded"] == loaded_before
    assert summary["loaded"] == total - loaded_before
    assert_whole_and_unique(engine, total)


def test_two_ingests_of_one_folder_at_once(reference_url, databases, tmp_path):
    engine = databases.engine(reference_url)
    total = 100
    folder = make_folder(tmp_path / "inbox", total)
    command = [*ingest_command(reference_url, folder), "--json"]
    runs = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    results = [run.communicate(timeout=300) for run in runs]
    for run, (_, stderr) in zip(runs, results, strict=True):
        assert run.returncode == 0, stderr
    summaries = [json.loads(stdout) for stdout, _ in results]
    for summary in summaries:
        assert summary["loaded"] + summary["already_loaded"] == total
        assert summary["failed"] == 0
    assert sum(summary["loaded"] for summary in summaries) == total
    assert_whole_and_unique(engine, total)


def test_workers_load_every_file_once_in_order(reference_url, databases, tmp_path):
    engine = databases.engine(reference_url)
    total = 45
    folder = make_folder(tmp_path / "inbox", total)
    write_article(folder, "zz-empty.txt", b"")
    run = subprocess.run(
        [*ingest_command(reference_url, folder), "--workers", "2", "--json"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1, run.stderr  # the empty file failed, the rest loaded
    summary = json.loads(run.stdout)
    assert (summary["loaded"], summary["failed"]) == (total, 1)
    names = [Path(article["name"]).name for article in summary["articles"]]
    assert names == [f"article-{n:04d}.txt" for n in range(total)] + ["zz-empty.txt"]
    assert_whole_and_unique(engine, total)
