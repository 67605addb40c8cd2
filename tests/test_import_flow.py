"""Imports flow one way (README, Layout): cli -> loaders / reports -> models, with db and errors
below all. Read from the source with ast, so a new import that breaks the flow fails here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import silkledger

PACKAGE = Path(silkledger.__file__).resolve().parent
BELOW_ALL = {"db", "errors", "lemmas", "__init__"}  # __init__: the version string
# What each part of the package may import besides itself and BELOW_ALL. A new top-level module
# or package must be placed here: that is the point of the test.
MAY_IMPORT = {
    "cli": {"loaders", "reports", "analyst", "migrate", "dictionary", "models"},
    "analyst": {"models"},
    "loaders": {"extract", "models"},
    "extract": {"models"},
    "reports": {"models"},
    "migrate": {"models"},
    "dictionary": {"models"},
    "models": set(),
    "db": {"errors"},
    "errors": set(),
    "lemmas": set(),
    "__init__": set(),
    "migrations": {"models"},  # alembic/ as shipped in a wheel
}


def part_of(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def imported_parts(source: str, depth: int) -> set[str]:
    """The parts of silkledger that ``source`` imports (relative or absolute imports alike);
    ``depth`` is how deep its file lies in the package (0 for cli.py, 1 for reports/export.py)."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level:
            if node.level - 1 < depth:  # within its own package
                continue
            names = [node.module] if node.module else [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module == "silkledger":
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("silkledger."):
            names = [node.module.removeprefix("silkledger.")]
        elif isinstance(node, ast.Import):
            names = [
                a.name.removeprefix("silkledger.")
                for a in node.names
                if a.name.startswith("silkledger.")
            ]
        else:
            continue
        found |= {name.split(".")[0] for name in names}
    return {"__init__" if name.startswith("__") else name for name in found}


def test_imports_flow_one_way():
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        part = part_of(path)
        assert part in MAY_IMPORT, f"{path.relative_to(PACKAGE)}: place {part!r} in MAY_IMPORT"
        allowed = MAY_IMPORT[part] | BELOW_ALL | {part}
        depth = len(path.relative_to(PACKAGE).parts) - 1
        imported = imported_parts(path.read_text(encoding="utf-8"), depth)
        wrong += [f"{path.relative_to(PACKAGE)} imports {name}" for name in imported - allowed]
    assert wrong == []


@pytest.mark.parametrize(
    ("source", "depth", "parts"),
    [
        ("from .. import migrate\n", 1, {"migrate"}),  # what reports/export.py did
        ("from ..migrate import upgrade\n", 1, {"migrate"}),
        ("from .selection import check_schema\n", 1, set()),
        ("from silkledger.loaders import seed\n", 1, {"loaders"}),
        ("from silkledger import migrate\n", 1, {"migrate"}),
        ("import silkledger.reports.export\n", 1, {"reports"}),
        ("def f():\n    from .reports import schedule\n", 0, {"reports"}),
        ("from . import __version__, dictionary\n", 0, {"__init__", "dictionary"}),
    ],
)
def test_the_check_reads_every_kind_of_import(source, depth, parts):
    assert imported_parts(source, depth) == parts
