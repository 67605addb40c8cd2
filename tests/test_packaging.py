"""Packaging: one importable package `silkledger`, every subpackage in the wheel, migrations
runnable from an installed wheel."""

import os
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]


def test_every_src_package_is_listed():
    found = {
        ".".join(("silkledger", *init.parent.relative_to(ROOT / "src").parts))
        for init in (ROOT / "src").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found <= set(SETUPTOOLS["packages"]), found - set(SETUPTOOLS["packages"])


def test_nothing_installs_as_a_top_level_models_loaders_or_reports():
    assert all(p == "silkledger" or p.startswith("silkledger.") for p in SETUPTOOLS["packages"])


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    return next(out.glob("silkledger-*.whl"))


def test_wheel_holds_the_package_and_its_migrations(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "silkledger/migrations/env.py" in names
    assert "silkledger/migrations/script.py.mako" in names
    assert any(n.startswith("silkledger/migrations/versions/") and n.endswith(".py") for n in names)
    # the SQL the migrations carry: every file of alembic/versions/sql/
    frozen = {p.name for p in (ROOT / "alembic" / "versions" / "sql").glob("*.sql")}
    shipped = {
        n.rsplit("/", 1)[1] for n in names if n.startswith("silkledger/migrations/versions/sql/")
    }
    assert frozen and frozen <= shipped
    top_levels = {n.split("/")[0] for n in names if not n.startswith("silkledger-")}
    assert top_levels == {"silkledger"}


def test_migrations_run_from_the_installed_wheel(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    database = tmp_path / "wheel.db"
    script = (
        "import silkledger, sys; from silkledger import migrate; from silkledger.db import resolve_url;"
        f"assert silkledger.__file__.startswith({str(site)!r}), silkledger.__file__;"
        f"migrate.upgrade(resolve_url('sqlite:///{database}'));"
        "print(migrate.migrations_dir())"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(site)},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(site / "silkledger" / "migrations")
    assert database.stat().st_size > 0
