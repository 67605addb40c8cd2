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

from ingest_helpers import distinct_article, write_article
from silkledger.extract import Gazetteer
from silkledger.loaders.articles import collect_inputs
from silkledger.loaders.ingest import CHUNK, ingest
from silkledger.models import Mention, Source
from sqlalchemy import func, select
from sqlalchemy.orm import Session

SILKLEDGER = str(Path(sys.executable).with_name("silkledger"))


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


def test_workers_prepare_and_one_writer_sees_the_whole_run(reference_url, databases, tmp_path):
    """With --workers, the workers read and extract and this process writes: a near-duplicate
    and an exact copy handed to another worker than their original are still found."""
    engine = databases.engine(reference_url)
    folder = make_folder(tmp_path / "inbox", 2 * CHUNK)
    original = distinct_article(7000) + "Officials expect the shipments to keep growing. " * 4
    write_article(folder, "a-original.txt", original)
    write_article(folder, "zz-copy.txt", original)
    edited = original.replace("Analysts number", "Market analysts number")
    write_article(folder, "zz-edited.txt", edited)
    inputs, problems = collect_inputs([str(folder)])
    assert not problems
    report = ingest(engine, inputs, workers=2)
    by_name = {Path(outcome.name).name: outcome for outcome in report.outcomes}
    names = list(by_name)
    assert (names[0], names[-2:]) == ("a-original.txt", ["zz-copy.txt", "zz-edited.txt"])
    original_key = by_name["a-original.txt"].source_key
    assert (by_name["zz-copy.txt"].status, by_name["zz-copy.txt"].source_key) == (
        "already_loaded",
        original_key,
    )
    assert by_name["zz-edited.txt"].status == "loaded"
    assert by_name["zz-edited.txt"].near_duplicate_of == original_key
    assert all(outcome.seconds > 0 for outcome in report.outcomes)
    assert_whole_and_unique(engine, 2 * CHUNK + 2)
    with Session(engine) as session:
        ids = dict(session.execute(select(Source.key, Source.id)).all())
        linked = session.scalar(
            select(Source.near_duplicate_of_source_id).where(
                Source.key == by_name["zz-edited.txt"].source_key
            )
        )
        assert linked == ids[original_key]
        # written in input order by the one writer: ids follow the file names
        names = session.scalars(select(Source.file_name).order_by(Source.id)).all()
        assert [Path(name).name for name in names] == sorted(
            name for name in by_name if name != "zz-copy.txt"
        )
