"""Benchmark of the deals and trade workbooks on a large synthetic database.

    .venv/bin/python bench/bench_reports.py                 # 100,000 agreements, 1,000,000 claims
    .venv/bin/python bench/bench_reports.py --scale 0.05    # a quick run
    .venv/bin/python bench/bench_reports.py --db postgresql://postgres@127.0.0.1/bench

It builds the database (a SQLite file in a temporary folder unless --db is given; an existing
--db database must be empty: it is migrated and filled), then for each workbook prints:

- export: wall time of silkledger's write_report in a child process (queries, styling, links,
  summaries and the atomic save included), and that child's peak resident memory (ru_maxrss,
  which includes the Python interpreter and the imported libraries; the child's baseline after
  imports is printed beside it);
- floor: in another child, the same detail rows (every data sheet, as plain values) are fetched
  first and untimed, then a bare openpyxl write-only workbook writes them and is saved: only
  that writing is timed;
- ratio = export time / floor time (target: at most 2), and whether peak memory is under 1 GB.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from silkledger import migrate
from silkledger.db import describe, make_engine, resolve_url
from silkledger.models import (
    Agreement,
    AgreementParty,
    AgreementSector,
    Citation,
    Country,
    Event,
    Organization,
    Person,
    Project,
    ProjectCountry,
    ProjectOrganization,
    Sector,
    Source,
    TradeFlow,
    summaries,
)
from sqlalchemy import insert

AGREEMENTS = 100_000
TRADE_FLOWS = 1_000_000
CHUNK = 20_000
CENTRAL_ASIA = ["KAZ", "KGZ", "TJK", "TKM", "UZB"]
OTHERS = ["CHN", "RUS", "USA", "DEU", "TUR", "IND", "JPN", "KOR", "IRN", "AFG"]
AS_OF = datetime(2025, 7, 1, 9, 0, 0)
GIB = 1024**3


def _chunks(rows, size=CHUNK):
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _insert(connection, model, rows) -> int:
    count = 0
    for batch in _chunks(rows):
        connection.execute(insert(model), batch)
        count += len(batch)
    return count


def build_database(url, scale: float, seed: int = 7) -> dict[str, int]:
    """Fill a migrated database with synthetic facts; returns row counts per table."""
    rng = random.Random(seed)
    n_agreements = max(10, int(AGREEMENTS * scale))
    n_flows = max(10, int(TRADE_FLOWS * scale))
    n_sources = max(5, int(2000 * scale))
    n_projects = max(5, int(5000 * scale))
    counts: dict[str, int] = {}
    engine = make_engine(url)
    # one transaction of a million rows: the summaries' triggers wait, and are refilled at the end
    with engine.begin() as connection, summaries.suspended(connection):
        country_ids = {}
        names = {
            "KAZ": "Kazakhstan", "KGZ": "Kyrgyzstan", "TJK": "Tajikistan", "TKM": "Turkmenistan",
            "UZB": "Uzbekistan", "CHN": "China", "RUS": "Russian Federation",
            "USA": "United States", "DEU": "Germany", "TUR": "Türkiye", "IND": "India",
            "JPN": "Japan", "KOR": "Korea, Republic of", "IRN": "Iran", "AFG": "Afghanistan",
        }  # fmt: skip
        for iso3, name in names.items():
            region = "Central Asia" if iso3 in CENTRAL_ASIA else None
            country_ids[iso3] = connection.execute(
                insert(Country).returning(Country.id),
                {"iso3": iso3, "name": name, "region": region, "is_aggregate": False},
            ).scalar_one()
        country_ids["XCA"] = connection.execute(
            insert(Country).returning(Country.id),
            {"iso3": "XCA", "name": "Central Asia", "is_aggregate": True},
        ).scalar_one()
        counts["countries"] = len(country_ids)
        ca_ids = [country_ids[c] for c in [*CENTRAL_ASIA, "XCA"]]
        other_ids = [country_ids[c] for c in OTHERS]
        china = country_ids["CHN"]

        sector_keys = ["energy", "oil_gas", "rail", "logistics", "mining", "finance", "ict",
                       "agriculture", "industry", "tourism"]  # fmt: skip
        connection.execute(
            insert(Sector), [{"key": k, "name": k.replace("_", " ").title()} for k in sector_keys]
        )
        sector_ids = list(range(1, len(sector_keys) + 1))
        organization_rows = [
            {
                "key": f"org-{i}",
                "name": f"Organisation {i}",
                "kind": rng.choice(["company", "bank", "ministry", "agency"]),
                "country_id": rng.choice([*ca_ids[:5], china]),
                "loaded_by": "seed",
            }
            for i in range(300)
        ]
        connection.execute(insert(Organization), organization_rows)
        connection.execute(
            insert(Person),
            [
                {"key": f"person-{i}", "name": f"Person {i}", "country_id": rng.choice(ca_ids[:5]),
                 "loaded_by": "seed"}
                for i in range(200)
            ],
        )  # fmt: skip
        n_events = max(5, int(1000 * scale))
        connection.execute(
            insert(Event),
            [
                {"key": f"ev-{i}", "kind": "forum", "title": f"Forum number {i}",
                 "start_date": date(2005, 1, 1) + timedelta(days=i % 7000),
                 "date_precision": "day", "review_status": "curated", "loaded_by": "seed"}
                for i in range(n_events)
            ],
        )  # fmt: skip
        text = "Synthetic article text stating figures, for the benchmark. " * 4
        counts["sources"] = _insert(
            connection,
            Source,
            (
                {
                    "key": f"src-{i:05d}",
                    "title": f"Synthetic article {i} on China–Central Asia relations",
                    "author": None if i % 3 else f"Author {i % 97}",
                    "url": f"https://example.com/articles/{i}" if i % 2 else None,
                    "published_date": date(2000, 1, 1) + timedelta(days=(i * 37) % 9000),
                    "published_date_precision": "day",
                    "body_text": f"{i}: {text}",
                    "content_sha256": hashlib.sha256(f"{i}: {text}".encode()).hexdigest(),
                    "load_method": "text",
                    "loaded_by": "article",
                }
                for i in range(n_sources)
            ),
        )
        quote = text[:40]

        no_fact = {"agreement_id": None, "project_id": None, "trade_flow_id": None}

        def citation(source_id, **fact):
            return {"source_id": source_id, "quote": quote, "char_start": 0,
                    "char_end": len(quote), **no_fact, **fact}  # fmt: skip

        kinds = ["package", "memorandum", "intergovernmental", "commercial_contract", "loan"]
        precisions = ["day", "day", "month", "year"]

        def agreements():
            for i in range(n_agreements):
                has_value = i % 3 != 0
                amount = Decimal(rng.randrange(1, 50_000)) * 1_000_000 if has_value else None
                yield {
                    "key": f"ag-{i:06d}",
                    "title": f"Agreement {i} on cooperation in {sector_keys[i % 10]}",
                    "kind": kinds[i % 5],
                    "status": "signed",
                    "document_count": rng.randrange(1, 60) if i % 5 == 0 else 1,
                    "signed_date": None if i % 50 == 0 else date(2005, 1, 1) + timedelta(days=i % 7300),
                    "signed_date_precision": None if i % 50 == 0 else precisions[i % 4],
                    "value_amount": amount,
                    "value_currency": "USD" if has_value else None,
                    "value_qualifier": "exact" if has_value else None,
                    "value_usd": amount,
                    "event_id": (i % n_events) + 1 if i % 4 == 0 else None,
                    "review_status": "curated" if i % 10 else "extracted",
                    "loaded_by": "seed",
                }  # fmt: skip

        counts["agreements"] = _insert(connection, Agreement, agreements())

        def parties():
            for i in range(1, n_agreements + 1):
                none = {"country_id": None, "organization_id": None}
                yield {**none, "agreement_id": i, "country_id": china, "role": "party"}
                yield {**none, "agreement_id": i, "country_id": ca_ids[i % 6], "role": "party"}
                if i % 3 == 0:
                    yield {**none, "agreement_id": i, "organization_id": 1 + i % 300,
                           "role": "contractor"}  # fmt: skip

        counts["agreement_parties"] = _insert(connection, AgreementParty, parties())
        counts["agreement_sectors"] = _insert(
            connection,
            AgreementSector,
            (
                {"agreement_id": i, "sector_id": s}
                for i in range(1, n_agreements + 1)
                for s in {sector_ids[i % 10], sector_ids[(i * 7) % 10]}
            ),
        )

        def projects():
            for i in range(n_projects):
                yield {
                    "key": f"prj-{i:05d}", "name": f"Project {i}", "kind": "railway",
                    "sector_id": sector_ids[i % 10], "status": "planned",
                    "start_year": 2005 + i % 20, "end_year": 2010 + i % 20,
                    "review_status": "curated", "loaded_by": "seed",
                }  # fmt: skip

        counts["projects"] = _insert(connection, Project, projects())
        _insert(
            connection,
            ProjectCountry,
            (
                {"project_id": i, "country_id": c, "role": r}
                for i in range(1, n_projects + 1)
                for c, r in ((ca_ids[i % 5], "host"), (china, "partner"))
            ),
        )
        _insert(
            connection,
            ProjectOrganization,
            (
                {"project_id": i, "organization_id": 1 + i % 300, "role": "contractor"}
                for i in range(1, n_projects + 1)
            ),
        )

        # Synthetic trading partners, so that a million claims need not repeat a reporter,
        # partner, period and flow; one claim in twenty restates the previous claim's figure
        # differently (another value, another source): those are the disagreements.
        partner_rows = [
            {"iso3": f"Q{chr(65 + i // 10)}{i % 10}", "name": f"Partner {i}", "is_aggregate": False}
            for i in range(200)
        ]
        connection.execute(insert(Country), partner_rows)
        partners = [china, *other_ids] + [
            row.id
            for row in connection.execute(Country.__table__.select().where(Country.iso3.like("Q%")))
        ]
        periods = [(date(y, 1, 1), date(y, 12, 31), str(y)) for y in range(2000, 2026)]
        for y in range(2000, 2026):
            for m in range(1, 13):
                start = date(y, m, 1)
                end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
                periods.append((start, end, f"{y}-{m:02d}"))
        flows = ["turnover", "exports", "imports"]

        def trade_flows():
            for i in range(n_flows):
                j = i - 1 if i % 20 == 19 else i
                flow, rest = flows[j % 3], j // 3
                reporter, rest = ca_ids[rest % 6], rest // 6
                partner, rest = partners[rest % len(partners)], rest // len(partners)
                start, end, label = periods[rest % len(periods)]
                measure = "value" if j % 10 else ("share" if j % 20 else "volume")
                unit = {"value": "USD", "share": "percent", "volume": "tonnes"}[measure]
                value = (
                    Decimal(rng.randrange(10_000, 90_000_000)) * 1000
                    if measure == "value"
                    else Decimal(rng.randrange(1, 999)) / 10
                    if measure == "share"
                    else Decimal(rng.randrange(1000, 10_000_000))
                )
                yield {
                    "key": f"tf-{i:07d}",
                    "reporter_country_id": reporter,
                    "partner_country_id": partner,
                    "period_start": start,
                    "period_end": end,
                    "period_label": label,
                    "flow": flow,
                    "measure": measure,
                    "value": value,
                    "unit": unit,
                    "value_qualifier": "exact",
                    "value_usd": value if unit == "USD" else None,
                    "attributed_to_person_id": 1 + i % 200 if i % 7 == 0 else None,
                    "review_status": "curated" if i % 50 else "extracted",
                    "loaded_by": "seed",
                }

        counts["trade_flows"] = _insert(connection, TradeFlow, trade_flows())

        def citations():
            for i in range(1, n_agreements + 1):
                yield citation(1 + i % n_sources, agreement_id=i)
                if i % 4 == 0:
                    yield citation(1 + (i * 13) % n_sources, agreement_id=i)
            for i in range(1, n_projects + 1):
                yield citation(1 + i % n_sources, project_id=i)
            for i in range(1, n_flows + 1):
                yield citation(1 + (i * 7) % n_sources, trade_flow_id=i)
                if i % 10 == 0:
                    yield citation(1 + (i * 11) % n_sources, trade_flow_id=i)

        counts["citations"] = _insert(connection, Citation, citations())
    engine.dispose()
    return counts


# --------------------------------------------------------------------------- children


def _rss_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: kilobytes


def child_export(kind: str, url: str, out: str) -> dict:
    from silkledger.reports.export import write_report
    from silkledger.reports.filters import ReportFilters

    engine = make_engine(resolve_url(url))
    baseline = _rss_bytes()
    start = time.perf_counter()
    result = write_report(kind, engine, Path(out), ReportFilters(as_of=AS_OF), describe(engine.url))
    elapsed = time.perf_counter() - start
    return {
        "seconds": elapsed,
        "peak_rss": _rss_bytes(),
        "baseline_rss": baseline,
        "size": result.size_bytes,
        "rows": result.sheet_row_counts,
    }


def child_floor(kind: str, url: str, out: str) -> dict:
    """Fetch the detail rows as plain values (untimed), then time a bare write-only workbook."""
    from openpyxl import Workbook
    from silkledger.reports.deals import DealsReport
    from silkledger.reports.filters import ReportFilters
    from silkledger.reports.selection import SOURCE_COLUMNS, source_rows
    from silkledger.reports.trade import TradeReport
    from silkledger.reports.workbook import plain_value

    engine = make_engine(resolve_url(url))
    fetch_start = time.perf_counter()
    sheets = []
    with engine.connect() as connection:
        report = (DealsReport if kind == "deals" else TradeReport)(
            connection, ReportFilters(as_of=AS_OF)
        )
        links = report.index.links
        detail = report.detail_sheets()
        detail.append(("Sources", "Sources", SOURCE_COLUMNS, source_rows(report.index)))
        for title, _table, columns, rows in detail:
            header = [column.header for column in columns]
            plain = [
                [plain_value(c, v, links) for c, v in zip(columns, row, strict=True)]
                for row in rows
            ]
            sheets.append((title, header, plain))
    fetch_seconds = time.perf_counter() - fetch_start
    start = time.perf_counter()
    wb = Workbook(write_only=True)
    for title, header, rows in sheets:
        ws = wb.create_sheet(title)
        ws.append(header)
        for row in rows:
            ws.append(row)
    wb.save(out)
    elapsed = time.perf_counter() - start
    return {
        "seconds": elapsed,
        "fetch_seconds": fetch_seconds,
        "rows": {title: len(rows) for title, _header, rows in sheets},
        "size": os.path.getsize(out),
    }


def start_child(mode: str, kind: str, url: str, out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, __file__, "--child", mode, "--kind", kind, "--db", url, "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish_child(child: subprocess.Popen) -> dict:
    stdout, stderr = child.communicate()
    if child.returncode != 0:
        raise SystemExit(f"benchmark child failed:\n{stderr}")
    return json.loads(stdout.strip().splitlines()[-1])


def run_pair(kind: str, url: str, folder: Path, sequential: bool) -> tuple[dict, dict]:
    """The export and the floor of one workbook, each in its own process; at the same time
    (one core each) unless ``sequential``."""
    export = start_child("export", kind, url, folder / f"{kind}.xlsx")
    if sequential:
        export_result = finish_child(export)
        return export_result, finish_child(
            start_child("floor", kind, url, folder / f"{kind}-floor.xlsx")
        )
    floor = start_child("floor", kind, url, folder / f"{kind}-floor.xlsx")
    return finish_child(export), finish_child(floor)


# --------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument(
        "--scale", type=float, default=1.0, help="1.0 = 100,000 agreements, 1,000,000 claims"
    )
    parser.add_argument("--db", help="database URL (default: a SQLite file in a temporary folder)")
    parser.add_argument(
        "--sequential",
        action="store_true",
        help="run each export and its floor one after the other (default: side by side, one "
        "core each)",
    )
    parser.add_argument("--child", choices=["export", "floor"], help=argparse.SUPPRESS)
    parser.add_argument("--kind", choices=["deals", "trade"], help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        action = child_export if args.child == "export" else child_floor
        print(json.dumps(action(args.kind, args.db, args.out)))
        return

    with tempfile.TemporaryDirectory(prefix="silkledger-bench-") as folder:
        folder = Path(folder)
        url = resolve_url(args.db or f"sqlite:///{folder / 'bench.db'}")
        url_text = url.render_as_string(hide_password=False)
        mode = "sequential" if args.sequential else "export and floor side by side"
        print(f"database: {describe(url)}  scale {args.scale}  ({os.cpu_count()} CPUs, {mode})")
        start = time.perf_counter()
        migrate.upgrade(url)
        counts = build_database(url, args.scale)
        print(
            f"built in {time.perf_counter() - start:.1f} s: "
            + ", ".join(f"{name} {count:,}" for name, count in counts.items())
        )
        print()
        header = (
            f"{'workbook':8} {'rows':>10} {'export s':>9} {'floor s':>8} {'ratio':>6} "
            f"{'peak RSS':>9} {'baseline':>9} {'file MB':>8}  verdict"
        )
        print(header)
        print("-" * len(header))
        for kind in ("deals", "trade"):
            export, floor = run_pair(kind, url_text, folder, args.sequential)
            ratio = export["seconds"] / floor["seconds"]
            rows = sum(floor["rows"].values())
            ok = ratio <= 2 and export["peak_rss"] < GIB
            print(
                f"{kind:8} {rows:>10,} {export['seconds']:>9.1f} {floor['seconds']:>8.1f} "
                f"{ratio:>6.2f} {export['peak_rss'] / 2**20:>7.0f}MB "
                f"{export['baseline_rss'] / 2**20:>7.0f}MB {export['size'] / 1e6:>8.1f}  "
                f"{'ok' if ok else 'OVER TARGET'}"
            )
            print(
                f"         sheets: {export['rows']}; floor fetched its rows in "
                f"{floor['fetch_seconds']:.1f} s (untimed)"
            )
        print()
        print(
            "export s: write_report wall time in a child process (queries, styles, links, "
            "summary, atomic save).\nfloor s: bare openpyxl write-only writing the same detail "
            "rows (fetched beforehand, untimed) and saving.\npeak RSS: ru_maxrss of the export "
            "child (interpreter and libraries included; baseline = after imports).\n"
            "target: ratio <= 2 and peak RSS < 1 GB."
        )


if __name__ == "__main__":
    main()
