"""`silkledger report deals|trade`: files, row counts, clear one-line errors, LibreOffice."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys

import pytest
from openpyxl import load_workbook
from silkledger.cli import app
from test_reports_data import AS_OF, build_sample
from test_reports_render import needs_libreoffice
from typer.testing import CliRunner

runner = CliRunner()


def db_option(url) -> list[str]:
    return ["--db", url.render_as_string(hide_password=False)]


@pytest.fixture
def sample_url(migrated_url, migrated_engine):
    build_sample(migrated_engine)
    migrated_engine.dispose()
    return migrated_url


def assert_clean_error(result, *fragments):
    assert result.exit_code == 1, result.output
    output = result.output.strip()
    assert "Traceback" not in output
    assert len(output.splitlines()) == 1, output
    assert output.startswith("error:")
    for fragment in fragments:
        assert fragment in output


@pytest.mark.parametrize("kind", ["deals", "trade"])
def test_report_writes_the_workbook_and_prints_counts(kind, sample_url, tmp_path):
    out = tmp_path / "reports" / f"{kind}.xlsx"
    result = runner.invoke(
        app,
        [*db_option(sample_url), "report", kind, "--out", str(out), "--as-of", AS_OF,
         "--country", "KAZ", "--country", "uzb", "--from", "2024", "--to", "2025"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert str(out) in result.output.replace("\n", "")
    wb = load_workbook(out)
    about = {row[0]: row[1] for row in wb["About"].iter_rows(max_col=2, values_only=True)}
    assert about["Countries"] == "KAZ, UZB"
    assert about["From"] == "2024-01-01" and about["To"] == "2025-12-31"
    assert about["Made at (as of)"] == AS_OF
    assert "password" not in " ".join(str(v) for v in about.values()).lower()
    detail = "Agreements" if kind == "deals" else "Trade flows"
    rows = wb[detail].max_row - 1
    assert rows > 0
    assert re.search(rf"{detail}\s*│\s*{rows}\s*│", result.output), result.output


def test_unwritable_path_is_one_line(sample_url, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    result = runner.invoke(
        app, [*db_option(sample_url), "report", "deals", "--out", str(blocker / "deals.xlsx")]
    )
    assert_clean_error(result, "cannot write", "deals.xlsx")


def test_wrong_suffix_is_one_line(sample_url, tmp_path):
    result = runner.invoke(
        app, [*db_option(sample_url), "report", "deals", "--out", str(tmp_path / "deals.csv")]
    )
    assert_clean_error(result, ".xlsx")


@pytest.mark.parametrize("kind", ["deals", "trade"])
def test_an_empty_selection_writes_a_workbook_that_says_so(kind, sample_url, tmp_path):
    """A period with no facts yet is a valid report: written, warned about, exit 0."""
    out = tmp_path / f"{kind}.xlsx"
    result = runner.invoke(
        app, [*db_option(sample_url), "report", kind, "--out", str(out), "--from", "2030"]
    )
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())
    assert "warning: nothing to report" in output and "from 2030-01-01" in output
    wb = load_workbook(out)
    summary = [row[0] for row in wb["Summary"].iter_rows(max_col=1, values_only=True)]
    facts = "agreements or projects" if kind == "deals" else "trade claims"
    assert f"Nothing matched the selection: no {facts} match it." in summary
    about: dict = {}
    for label, value in wb["About"].iter_rows(max_col=2, values_only=True):
        about.setdefault(label, value)  # the Rows block comes before the column dictionary
    detail = "Agreements" if kind == "deals" else "Trade flows"
    assert about[detail] == 0 and about["Sources"] == 0
    assert about["From"] == "2030-01-01"


def test_bad_dates_are_one_line(sample_url, tmp_path):
    out = str(tmp_path / "d.xlsx")
    result = runner.invoke(app, [*db_option(sample_url), "report", "deals", "--out", out,
                                 "--from", "June"])  # fmt: skip
    assert_clean_error(result, "--from", "June")
    result = runner.invoke(app, [*db_option(sample_url), "report", "deals", "--out", out,
                                 "--from", "2025", "--to", "2024"])  # fmt: skip
    assert_clean_error(result, "after")


def test_database_without_tables_is_one_line(empty_url, tmp_path):
    if empty_url.get_backend_name() == "sqlite":
        # an empty SQLite file: it exists, but was never migrated
        from sqlalchemy import create_engine

        create_engine(empty_url).connect().close()
    result = runner.invoke(
        app, [*db_option(empty_url), "report", "deals", "--out", str(tmp_path / "d.xlsx")]
    )
    assert_clean_error(result, "no silkledger tables", "silkledger db upgrade")


def test_missing_database_is_one_line(engine_name, tmp_path):
    if engine_name == "sqlite":
        url = f"sqlite:///{tmp_path / 'missing.db'}"
    else:
        from conftest import PG_ADMIN_URL
        from sqlalchemy.engine import make_url

        url = (
            make_url(PG_ADMIN_URL)
            .set(database="silkledger_no_such_db")
            .render_as_string(hide_password=False)
        )
    result = runner.invoke(app, ["--db", url, "report", "trade", "--out", str(tmp_path / "t.xlsx")])
    assert_clean_error(result)
    assert not (tmp_path / "missing.db").exists()  # the report does not create a database


@needs_libreoffice
@pytest.mark.parametrize("kind", ["deals", "trade"])
def test_libreoffice_converts_the_workbook_to_pdf(kind, sample_url, tmp_path):
    out = tmp_path / f"{kind}.xlsx"
    result = runner.invoke(app, [*db_option(sample_url), "report", kind, "--out", str(out)])
    assert result.exit_code == 0, result.output
    completed = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    pdf = tmp_path / f"{kind}.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")


# --------------------------------------------------------------------------- one way to filter


def _job_filters(tmp_path, filters: dict):
    from silkledger.reports.jobs import parse_jobs

    job = {
        "name": "j",
        "report": "deals",
        "schedule": "@daily",
        "output": "out.xlsx",
        "filters": filters,
    }
    return parse_jobs({"jobs": [job]}, label="reports.toml", base_dir=tmp_path).jobs[0].filters


def test_the_cli_and_a_jobs_file_accept_the_same_filters(tmp_path):
    from datetime import date

    from silkledger.reports.filters import make_filters

    cli = make_filters([" kaz", "UZB", "KAZ"], "2024", "2025-06-30", False)
    assert (cli.countries, cli.date_from, cli.date_to) == (
        ("KAZ", "UZB"),
        date(2024, 1, 1),
        date(2025, 6, 30),
    )
    for lower, upper in [("2024", "2025-06-30"), (2024, date(2025, 6, 30))]:
        job = _job_filters(
            tmp_path, {"countries": [" kaz", "UZB", "KAZ"], "from": lower, "to": upper}
        )
        assert job == cli
    assert _job_filters(tmp_path, {"to": "2024"}).date_to == date(2024, 12, 31)


@pytest.mark.parametrize(
    ("filters", "cli_message", "jobs_message"),
    [
        (
            {"from": "2025", "to": "2024"},
            "--from 2025-01-01 is after --to 2024-12-31",
            "job 'j': filters: from 2025-01-01 is after to 2024-12-31",
        ),
        ({"from": "June"}, "--from must be a date", "job 'j': filters: from must be a date"),
        ({"to": "2024-13-01"}, "--to must be a date", "job 'j': filters: to must be a date"),
        (
            {"countries": ["Kazakhstan"]},
            "country 'KAZAKHSTAN' is not an ISO alpha-3 code",
            "job 'j': filters: country 'KAZAKHSTAN' is not an ISO alpha-3 code",
        ),
    ],
)
def test_the_cli_and_a_jobs_file_reject_the_same_filters(
    tmp_path, filters, cli_message, jobs_message
):
    from silkledger.errors import SilkledgerError
    from silkledger.reports.filters import make_filters
    from silkledger.reports.jobs import JobsFileError

    with pytest.raises(SilkledgerError, match=re.escape(cli_message)):
        make_filters(filters.get("countries"), filters.get("from"), filters.get("to"))
    with pytest.raises(JobsFileError, match=re.escape(jobs_message)):
        _job_filters(tmp_path, filters)


def test_export_report_records_the_bytes_it_wrote_and_syncs_the_folder(
    sample_url, tmp_path, monkeypatch
):
    """The size and hash in the result are those of the file (so a scheduler records them
    without reading it again), and the rename into the folder is fsynced."""
    import hashlib
    import os

    from silkledger.reports.export import export_report
    from silkledger.reports.filters import make_filters

    opened: dict[int, str] = {}
    synced: list[str] = []
    real_open, real_fsync = os.open, os.fsync

    def spy_open(path, flags, *args, **kwargs):
        descriptor = real_open(path, flags, *args, **kwargs)
        opened[descriptor] = str(path)
        return descriptor

    def spy_fsync(descriptor):
        synced.append(opened.get(descriptor, "a file"))
        return real_fsync(descriptor)

    monkeypatch.setattr(os, "open", spy_open)
    monkeypatch.setattr(os, "fsync", spy_fsync)
    out = tmp_path / "out" / "deals.xlsx"
    result = export_report(sample_url, "deals", out, make_filters(as_of=AS_OF))
    data = out.read_bytes()
    assert result.size_bytes == len(data)
    assert result.sha256 == hashlib.sha256(data).hexdigest()
    assert str(out.parent) in synced


# A `report --out` killed before its rename leaves its hidden temporary file beside the target;
# the next export to that path deletes it (its process is gone) and leaves live writers' files.
KILLED_REPORT = """
import os, signal, sys
from silkledger.cli import app
from silkledger.reports import workbook

def kill_before_saving(self, wb):  # the sheets are written; the workbook is about to be saved
    os.kill(os.getpid(), signal.SIGKILL)

workbook.AtomicTarget.commit = kill_before_saving
app(sys.argv[1:])
"""


def test_a_killed_report_leaves_a_temporary_file_that_the_next_export_removes(sample_url, tmp_path):
    out = tmp_path / "deals.xlsx"
    command = [*db_option(sample_url), "report", "deals", "--out", str(out), "--as-of", AS_OF]
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_REPORT, *command], capture_output=True, text=True, timeout=300
    )
    assert killed.returncode == -9, killed.stderr
    [left] = list(tmp_path.glob(".deals.xlsx.*.tmp"))
    assert not out.exists()
    live = tmp_path / f".deals.xlsx.{socket.gethostname()}-{os.getpid()}-abc.tmp"
    other_host = tmp_path / ".deals.xlsx.elsewhere-1-abc.tmp"
    for path in (live, other_host):
        path.write_bytes(b"a workbook being written")

    result = runner.invoke(app, command)
    assert result.exit_code == 0, result.output
    assert out.exists() and not left.exists()
    assert live.exists() and other_host.exists()  # this process is alive; the other host unknown
    assert sorted(p.name for p in tmp_path.glob("*.tmp")) == sorted([live.name, other_host.name])
