"""`silkledger serve`: Datasette on the SQLite database, with generated metadata, the example
queries and full-text search; fetched over HTTP, and rendered by headless Chromium if present."""

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from silkledger.analyst.serve import datasette_metadata, default_queries_dir
from silkledger.cli import app
from silkledger.models import metadata
from typer.testing import CliRunner

runner = CliRunner()
TURNOVER_SUBJECT = "Kazakhstan–China turnover, 2024 (USD)"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200
        return response.read().decode("utf-8")


@contextmanager
def serving(url):
    port = free_port()
    command = [sys.executable, "-c", "from silkledger.cli import app; app()"]
    process = subprocess.Popen(
        [*command, "--db", url.render_as_string(hide_password=False), "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                fetch(base + "/-/versions.json")
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(process.stdout.read().decode()) from None
                time.sleep(0.3)
        yield base, Path(url.database).stem
    finally:
        process.terminate()
        process.wait(timeout=20)
        process.stdout.close()


def test_metadata_comes_from_the_dictionary_and_docs_queries():
    meta = datasette_metadata("silkledger", default_queries_dir())["databases"]["silkledger"]
    deals = meta["tables"]["deals"]
    assert deals["description"].startswith("Each agreement in one row")
    assert deals["columns"]["title"] == "What was agreed, in a short title."
    value_usd = metadata.tables["trade_flows"].columns["value_usd"].comment
    assert meta["tables"]["trade_flows"]["columns"]["value_usd"] == value_usd
    assert meta["tables"]["sources"]["fts_table"] == "sources_fts"
    query = meta["queries"]["02_where_sources_disagree"]
    assert query["title"] == "Where do the sources disagree, and by how much?"
    assert "FROM disagreements" in query["sql"]
    assert len(meta["queries"]) == len(list(default_queries_dir().glob("*.sql")))


def test_serve_over_http(engine_name, seeded_url):
    if engine_name != "sqlite":
        result = runner.invoke(
            app, ["--db", seeded_url.render_as_string(hide_password=False), "serve"]
        )
        assert result.exit_code == 1 and "browses a SQLite database" in result.output
        return
    with serving(seeded_url) as (base, database):
        assert "deals" in fetch(f"{base}/{database}")
        page = fetch(f"{base}/{database}/deals")
        assert "Each agreement in one row" in page
        assert "58 commercial agreements at the second Central Asia–China" in page
        answer = json.loads(fetch(f"{base}/{database}/02_where_sources_disagree.json?_shape=array"))
        assert answer[0]["subject"] == TURNOVER_SUBJECT
        assert answer[0]["spread_percent"] == 46.4
        search = fetch(f"{base}/{database}/sources.json?_search=rare+earth&_shape=array")
        assert [row["key"] for row in json.loads(search)] == ["003_f6314906d5230dff"]


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed")
def test_a_browser_shows_the_canned_query(engine_name, seeded_url, tmp_path):
    if engine_name != "sqlite":
        pytest.skip("Datasette serves SQLite")
    with serving(seeded_url) as (base, database):
        page = f"{base}/{database}/02_where_sources_disagree"
        browser = [
            "chromium", "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
        ]  # fmt: skip
        dom = subprocess.run(
            [*browser, "--dump-dom", page], capture_output=True, text=True, timeout=120
        ).stdout
        shot = tmp_path / "disagreements.png"
        subprocess.run(
            [*browser, f"--screenshot={shot}", "--window-size=1400,1000", page],
            capture_output=True,
            timeout=120,
        )
    assert "Where do the sources disagree, and by how much?" in dom
    assert TURNOVER_SUBJECT in dom
    assert "46.4" in dom
    assert shot.stat().st_size > 10_000
