"""The seed loader: validation that lists every problem, an idempotent sync that updates and
deletes only its own rows, one transaction, and the `seed` / `init` commands. Each database test
runs on SQLite and PostgreSQL (fixtures in conftest.py)."""

from __future__ import annotations

import re
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pycountry
import pytest
import yaml
from silkledger import migrate
from silkledger.cli import app
from silkledger.db import open_engine, session_scope
from silkledger.loaders import seed as seed_module
from silkledger.loaders.seed import SeedLoadError, load_seed, resolve_seed_dir
from silkledger.loaders.seed_files import (
    SeedValidationError,
    parse_stated_value,
    quote_span,
    read_seed,
)
from silkledger.models import (
    Agreement,
    AgreementParty,
    Citation,
    Country,
    Indicator,
    Organization,
    Source,
    TradeFlow,
)
from sqlalchemy import Engine, select
from typer.testing import CliRunner

ARTICLE_000 = "000_6060bbb4ab9dde19"


# ------------------------------------------------------------------------------------ helpers


@pytest.fixture
def seed_copy(tmp_path) -> Path:
    """A private copy of the seed folder that a test may edit."""
    copy = tmp_path / "seed"
    shutil.copytree(resolve_seed_dir(), copy)
    return copy


def read_records(seed_dir: Path, name: str) -> list[dict]:
    return yaml.safe_load((seed_dir / name).read_text(encoding="utf-8"))


def write_records(seed_dir: Path, name: str, records) -> None:
    text = yaml.safe_dump(records, allow_unicode=True, sort_keys=False, width=1000)
    (seed_dir / name).write_text(text, encoding="utf-8")


def find(records: list[dict], **wanted) -> dict:
    matches = [r for r in records if all(r.get(k) == v for k, v in wanted.items())]
    assert len(matches) == 1, f"{len(matches)} records match {wanted}"
    return matches[0]


def changes(report) -> dict[str, tuple[int, int, int]]:
    """Only the tables that changed: {table: (inserted, updated, deleted)}."""
    return {
        name: (c.inserted, c.updated, c.deleted) for name, c in report.tables.items() if c.total
    }


def row_counts(engine: Engine) -> dict:
    return migrate.table_row_counts(engine)


# --------------------------------------------------------------------------- parsing, no DB


@pytest.mark.parametrize(
    ("stated", "number"),
    [
        ("30.05 billion", Decimal("30050000000")),
        ("500 million", Decimal("500000000")),
        (76000, Decimal("76000")),
        (15.5, Decimal("15.5")),
        ("94.8 billion", Decimal("94800000000")),
        ("0.1", Decimal("0.1")),
    ],
)
def test_stated_values_parse_to_exact_decimals(stated, number):
    assert parse_stated_value(stated) == number


@pytest.mark.parametrize("stated", ["$30 billion", "30 bn", "-5", True, "", "1e9"])
def test_values_not_in_the_seed_format_are_refused(stated):
    with pytest.raises(ValueError):
        parse_stated_value(stated)


def test_quote_span_places_the_chosen_occurrence():
    body = "trade rose; trade fell; trade rose"
    assert quote_span(body, "trade rose", 2, "x.txt") == (24, 34)
    with pytest.raises(ValueError, match=r"occurs 2 times in x\.txt"):
        quote_span(body, "trade rose", None, "x.txt")
    with pytest.raises(ValueError, match=r"quote not found in x\.txt"):
        quote_span(body, "trade stalled", None, "x.txt")


def test_the_seed_files_validate():
    data = read_seed(resolve_seed_dir())
    assert len(data.sources) == 5
    assert all(len(record.citations) >= 1 for record in data.trade_flows)


# --------------------------------------------------------------------------- sync behaviour


def test_first_load_inserts_every_record(migrated_engine):
    data = read_seed(resolve_seed_dir())
    report = load_seed(migrated_engine)
    inserted = {name: c.inserted for name, c in report.tables.items()}
    assert inserted["countries"] == len(pycountry.countries) + len(data.countries.aggregates)
    for table in ("sources", "organizations", "events", "agreements", "trade_flows", "indicators"):
        assert inserted[table] == len(getattr(data, table)), table
    assert sum(c.updated + c.deleted for c in report.tables.values()) == 0


def test_second_load_changes_nothing(seeded_engine):
    report = load_seed(seeded_engine)
    assert report.total == 0
    assert set(report.tables) >= {"countries", "sources", "events", "trade_flows", "indicators"}


def kaz_chn_trade(session, value: Decimal) -> list[TradeFlow]:
    kaz, chn = (session.scalar(select(Country.id).where(Country.iso3 == c)) for c in ("KAZ", "CHN"))
    flows = session.scalars(
        select(TradeFlow).where(
            TradeFlow.reporter_country_id == kaz,
            TradeFlow.partner_country_id == chn,
            TradeFlow.flow == "turnover",
            TradeFlow.period_start == date(2024, 1, 1),
        )
    )
    return [flow for flow in flows if Decimal(str(flow.value)) == value]


def test_an_edited_value_updates_exactly_its_row(seeded_engine, seed_copy):
    records = read_records(seed_copy, "trade_flows.yaml")
    record = find(records, reporter="KAZ", partner="CHN", flow="turnover", value="30.05 billion")
    record["value"] = "30.06 billion"
    write_records(seed_copy, "trade_flows.yaml", records)

    report = load_seed(seeded_engine, seed_copy)

    assert changes(report) == {"trade_flows": (0, 1, 0)}
    with session_scope(seeded_engine) as session:
        assert kaz_chn_trade(session, Decimal("30050000000")) == []
        [edited] = kaz_chn_trade(session, Decimal("30060000000"))
        assert edited.key == record["key"]
        assert Decimal(str(edited.value_usd)) == Decimal("30060000000")
    assert load_seed(seeded_engine, seed_copy).total == 0


def test_an_edited_child_list_updates_its_parent_only(seeded_engine, seed_copy):
    records = read_records(seed_copy, "agreements.yaml")
    record = next(r for r in records if len(r.get("parties") or []) >= 2)
    record["parties"].pop()
    write_records(seed_copy, "agreements.yaml", records)

    report = load_seed(seeded_engine, seed_copy)

    assert changes(report) == {"agreements": (0, 1, 0)}
    with session_scope(seeded_engine) as session:
        agreement = session.scalar(select(Agreement).where(Agreement.key == record["key"]))
        parties = session.scalars(
            select(AgreementParty).where(AgreementParty.agreement_id == agreement.id)
        ).all()
        assert len(parties) == len(record["parties"])
        assert agreement.title == record["title"]


def test_a_removed_record_deletes_its_row_and_citations(seeded_engine, seed_copy):
    records = read_records(seed_copy, "indicators.yaml")
    removed = records.pop(0)
    write_records(seed_copy, "indicators.yaml", records)
    with session_scope(seeded_engine) as session:
        indicator_id = session.scalar(select(Indicator.id).where(Indicator.key == removed["key"]))
        assert indicator_id is not None

    report = load_seed(seeded_engine, seed_copy)

    assert changes(report) == {"indicators": (0, 0, 1)}
    with session_scope(seeded_engine) as session:
        assert session.scalar(select(Indicator).where(Indicator.key == removed["key"])) is None
        orphaned = select(Citation).where(Citation.indicator_id == indicator_id)
        assert session.scalars(orphaned).all() == []


ARTICLE_TEXT = "Kazakhstan and China traded goods worth $30.05 billion in 2024."


def add_article_rows(engine: Engine) -> None:
    """Rows another loader wrote: an organisation, a source, and a citation of that source on a
    seed trade flow (the article confirms a curated figure)."""
    with session_scope(engine) as session:
        session.add(
            Organization(
                key="test-article-org", name="Article Org", kind="company", loaded_by="article"
            )
        )
        source = Source(
            key="test-article",
            title="A test article",
            body_text=ARTICLE_TEXT,
            content_sha256="a" * 64,
            load_method="text",
            loaded_by="article",
        )
        session.add(source)
        session.flush()
        [flow] = kaz_chn_trade(session, Decimal("30050000000"))
        start = ARTICLE_TEXT.index("$30.05 billion")
        session.add(
            Citation(
                trade_flow_id=flow.id,
                source_id=source.id,
                quote="$30.05 billion",
                char_start=start,
                char_end=start + len("$30.05 billion"),
            )
        )


def article_snapshot(engine: Engine) -> list[tuple]:
    with session_scope(engine) as session:
        org = session.scalar(select(Organization).where(Organization.key == "test-article-org"))
        source = session.scalar(select(Source).where(Source.key == "test-article"))
        quotes = session.scalars(select(Citation.quote).where(Citation.source_id == source.id))
        return [(org.name, org.loaded_by, org.updated_at), (source.body_text,), sorted(quotes)]


def test_rows_of_other_loaders_survive_a_reseed_untouched(seeded_engine):
    add_article_rows(seeded_engine)
    before = article_snapshot(seeded_engine)

    assert load_seed(seeded_engine).total == 0

    assert article_snapshot(seeded_engine) == before
    assert before[2] == ["$30.05 billion"]


def test_a_key_owned_by_another_loader_is_an_error_and_nothing_is_written(seeded_engine, seed_copy):
    add_article_rows(seeded_engine)
    records = read_records(seed_copy, "organizations.yaml")
    records.append({"key": "test-article-org", "name": "Seed Org", "kind": "company"})
    records.append({"key": "test-new-org", "name": "New Org", "kind": "company"})
    write_records(seed_copy, "organizations.yaml", records)
    before = row_counts(seeded_engine)

    with pytest.raises(SeedLoadError) as raised:
        load_seed(seeded_engine, seed_copy)

    assert "seed/organizations.yaml: test-article-org: key already used" in str(raised.value)
    assert "'article'" in str(raised.value)
    assert row_counts(seeded_engine) == before
    with session_scope(seeded_engine) as session:
        org = session.scalar(select(Organization).where(Organization.key == "test-article-org"))
        assert (org.name, org.loaded_by) == ("Article Org", "article")


# ----------------------------------------------------------------------- broken seed files


def break_quote(seed_dir: Path) -> str:
    records = read_records(seed_dir, "agreements.yaml")
    citation = records[0]["citations"][0]
    citation["quote"] = "words that no seed article contains"
    write_records(seed_dir, "agreements.yaml", records)
    return f"seed/agreements.yaml: {records[0]['key']}: quote not found in {citation['source']}.txt"


def break_country(seed_dir: Path) -> str:
    records = read_records(seed_dir, "trade_flows.yaml")
    records[0]["reporter"] = "ZZZ"
    write_records(seed_dir, "trade_flows.yaml", records)
    return f"seed/trade_flows.yaml: {records[0]['key']}: unknown country code 'ZZZ'"


def break_duplicate_key(seed_dir: Path) -> str:
    records = read_records(seed_dir, "events.yaml")
    records.append(dict(records[0]))
    write_records(seed_dir, "events.yaml", records)
    return f"seed/events.yaml: {records[0]['key']}: duplicate key"


def break_yaml(seed_dir: Path) -> str:
    path = seed_dir / "people.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append("- {key: broken-person, name: [unclosed")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return "seed/people.yaml: line "


def break_package_loop(seed_dir: Path) -> str:
    records = read_records(seed_dir, "agreements.yaml")
    first, second = records[0]["key"], records[1]["key"]
    records[0]["part_of"], records[1]["part_of"] = second, first
    write_records(seed_dir, "agreements.yaml", records)
    return f"seed/agreements.yaml: {first}: parent chain leads back to itself"


def break_by_emptying(seed_dir: Path) -> str:
    (seed_dir / "indicators.yaml").write_text(
        "# all records removed by mistake\n", encoding="utf-8"
    )
    return "seed/indicators.yaml: file is empty: write [] for a file with no records"


def impossible_signed_date(seed_dir: Path, day: str) -> str:
    """An unquoted impossible date: PyYAML itself used to raise on it, with a long traceback."""
    key = next(r["key"] for r in read_records(seed_dir, "agreements.yaml") if r.get("signed_date"))
    path = seed_dir / "agreements.yaml"
    text = re.sub(r"signed_date: \d{4}-\d\d-\d\d", f"signed_date: {day}", path.read_text(), count=1)
    path.write_text(text, encoding="utf-8")
    return f"seed/agreements.yaml: {key}: signed_date: Input should be a valid date"


def break_day_of_month(seed_dir: Path) -> str:
    return impossible_signed_date(seed_dir, "2025-02-30")


def break_month(seed_dir: Path) -> str:
    return impossible_signed_date(seed_dir, "2025-13-01")


def break_value_size(seed_dir: Path) -> str:
    records = read_records(seed_dir, "trade_flows.yaml")
    records[0]["value"] = "99999999999 trillion"
    write_records(seed_dir, "trade_flows.yaml", records)
    return (
        f"seed/trade_flows.yaml: {records[0]['key']}: value: '99999999999 trillion': "
        "99999999999000000000000 is too large: amounts must be below 10^18"
    )


BREAKAGES = [
    break_by_emptying,
    break_quote,
    break_country,
    break_duplicate_key,
    break_yaml,
    break_package_loop,
    break_day_of_month,
    break_month,
    break_value_size,
]


@pytest.mark.parametrize("breakage", BREAKAGES, ids=lambda f: f.__name__)
def test_a_broken_seed_file_is_named_and_nothing_is_written(seeded_engine, seed_copy, breakage):
    expected = breakage(seed_copy)
    before = row_counts(seeded_engine)

    with pytest.raises(SeedValidationError) as raised:
        load_seed(seeded_engine, seed_copy)

    assert any(line.startswith(expected) for line in raised.value.problems), raised.value.problems
    assert row_counts(seeded_engine) == before


@pytest.mark.parametrize(
    ("stated", "reason"),
    [
        ("1000000 trillion", "1000000000000000000 is too large: amounts must be below 10^18"),
        (2**53 + 1, "9007199254740993 has 16 significant digits; at most 15 are kept exactly"),
        ("0.0000001", "0.0000001 has more than 6 decimal places"),
    ],
)
def test_a_value_the_database_cannot_keep_exactly_is_refused(seed_copy, stated, reason):
    records = read_records(seed_copy, "trade_flows.yaml")
    records[0]["value"] = stated
    write_records(seed_copy, "trade_flows.yaml", records)
    with pytest.raises(SeedValidationError) as raised:
        read_seed(seed_copy)
    assert raised.value.problems == [
        f"seed/trade_flows.yaml: {records[0]['key']}: value: {stated!r}: {reason}"
    ]


# Edge values of the amount rule (models.base): each must read back as written on both engines.
EDGE_VALUES = {
    "30.0512345678 billion": Decimal("30051234567.8"),  # not a binary fraction
    "999999999999999": Decimal("999999999999999"),  # the largest 15-digit integer
    "999999999999999 thousand": Decimal("999999999999999000"),  # the largest amount, > 2^53
    "123456789.123456": Decimal("123456789.123456"),  # 15 digits, 6 of them decimals
    "0.000001": Decimal("0.000001"),  # the smallest step
}


def test_edge_values_read_back_as_written_and_a_reseed_changes_nothing(seeded_engine, seed_copy):
    records = read_records(seed_copy, "trade_flows.yaml")
    in_dollars = [r for r in records if r["unit"] == "USD"]
    edited = dict(zip((r["key"] for r in in_dollars), EDGE_VALUES.values(), strict=False))
    for record, stated in zip(in_dollars, EDGE_VALUES, strict=False):
        record["value"] = stated
    write_records(seed_copy, "trade_flows.yaml", records)

    assert changes(load_seed(seeded_engine, seed_copy)) == {"trade_flows": (0, len(edited), 0)}
    assert load_seed(seeded_engine, seed_copy).total == 0

    with session_scope(seeded_engine) as session:
        rows = session.scalars(select(TradeFlow).where(TradeFlow.key.in_(edited))).all()
        read = {row.key: (row.value, row.value_usd) for row in rows}
    for key, value in edited.items():
        assert read[key] == (value, value), key
        assert [str(amount) for amount in read[key]] == [f"{value:.6f}"] * 2  # Numeric(28, 6)


@pytest.mark.parametrize(
    ("file", "edit", "expected"),
    [
        (
            "events.yaml",
            lambda record: record.update(place="A" * 250),
            "place is 250 characters; at most 200 fit",
        ),
        (
            "organizations.yaml",
            lambda record: record["aliases"].append("B" * 301),
            "alias is 301 characters; at most 300 fit",
        ),
    ],
    ids=["column", "child-row column"],
)
def test_a_text_longer_than_its_column_is_one_line_and_nothing_is_written(
    migrated_engine, seed_copy, file, edit, expected
):
    records = read_records(seed_copy, file)
    record = next(r for r in records if "aliases" in r or file == "events.yaml")
    edit(record)
    write_records(seed_copy, file, records)

    with pytest.raises(SeedLoadError) as raised:
        load_seed(migrated_engine, seed_copy)

    assert raised.value.problems == [f"seed/{file}: {record['key']}: {expected}"]
    assert set(row_counts(migrated_engine).values()) == {0}


def test_an_impossible_date_from_the_command_line_is_one_line(migrated_url, seed_copy):
    expected = break_day_of_month(seed_copy)
    result = run_cli(migrated_url, "seed", "--seed-dir", str(seed_copy))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    problem_lines = [line for line in result.output.splitlines() if line.startswith("seed/")]
    assert len(problem_lines) == 1 and problem_lines[0].startswith(expected), result.output
    assert "2025-02-30" in problem_lines[0]


def test_seeding_a_database_that_was_never_migrated_says_what_to_run(empty_url, databases):
    engine = databases.engine(empty_url)
    with pytest.raises(SeedLoadError) as raised:
        load_seed(engine)
    assert "run `silkledger init` first" in str(raised.value)


def test_malformed_yaml_names_the_line(seed_copy):
    path = seed_copy / "people.yaml"
    line_count = len(path.read_text(encoding="utf-8").splitlines())
    break_yaml(seed_copy)
    with pytest.raises(SeedValidationError) as raised:
        read_seed(seed_copy)
    [problem] = raised.value.problems
    reported_line = int(problem.removeprefix("seed/people.yaml: line ").split(",")[0])
    assert reported_line in (line_count + 1, line_count + 2)  # the bad line or the end after it
    assert "malformed YAML" in problem


def test_every_problem_is_reported_at_once(seed_copy):
    expected = [
        breakage(seed_copy) for breakage in (break_quote, break_country, break_duplicate_key)
    ]
    with pytest.raises(SeedValidationError) as raised:
        read_seed(seed_copy)
    for line in expected:
        assert any(problem.startswith(line) for problem in raised.value.problems), line
    assert str(raised.value) == "\n".join(raised.value.problems)


def test_missing_seed_folder_says_how_to_point_at_one(monkeypatch, tmp_path):
    monkeypatch.delenv("SILKLEDGER_SEED_DIR", raising=False)
    monkeypatch.setattr(seed_module, "DEFAULT_SEED_DIR", tmp_path / "not-there")
    with pytest.raises(SeedLoadError, match="--seed-dir or set SILKLEDGER_SEED_DIR"):
        resolve_seed_dir()
    monkeypatch.setenv("SILKLEDGER_SEED_DIR", str(tmp_path))
    assert resolve_seed_dir() == tmp_path


# ------------------------------------------------------------------------------------ CLI


def run_cli(url, *args):
    database = url.render_as_string(hide_password=False)
    return CliRunner().invoke(app, ["--db", database, *args])


def test_init_then_seed_from_the_command_line(empty_url, seed_copy):
    first = run_cli(empty_url, "init", "--seed-dir", str(seed_copy))
    assert first.exit_code == 0, first.output
    assert "trade_flows" in first.output and "inserted" in first.output

    again = run_cli(empty_url, "seed", "--seed-dir", str(seed_copy))
    assert again.exit_code == 0, again.output
    assert "no changes" in again.output


def test_a_broken_seed_dir_exits_1_with_the_problem_and_no_traceback(empty_url, seed_copy):
    expected = break_country(seed_copy)
    result = run_cli(empty_url, "init", "--seed-dir", str(seed_copy))
    assert result.exit_code == 1
    assert expected in result.output
    assert "Traceback" not in result.output
    engine = open_engine(empty_url)
    try:
        assert row_counts(engine)["trade_flows"] == 0  # migrated, but nothing seeded
    finally:
        engine.dispose()


def test_a_sector_listed_twice_on_one_agreement_is_reported(seed_copy):
    records = read_records(seed_copy, "agreements.yaml")
    record = next(r for r in records if r.get("sectors"))
    record["sectors"].append(record["sectors"][0])
    write_records(seed_copy, "agreements.yaml", records)
    with pytest.raises(SeedValidationError) as raised:
        read_seed(seed_copy)
    expected = f"seed/agreements.yaml: {record['key']}: '{record['sectors'][0]}' is listed 2 times"
    assert raised.value.problems == [expected]
