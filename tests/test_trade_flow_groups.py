"""trade_flow_groups stays equal to a from-scratch recomputation, whatever writes the claims, on
SQLite (row triggers) and PostgreSQL (statement triggers): seed load, ingest, accept, reject,
edits that move a claim, merge, deletes, bulk statements, and the migration's fill. The views
that read it answer exactly what they answered when they aggregated the claims themselves."""

from __future__ import annotations

import threading
from collections import defaultdict
from datetime import date
from decimal import Decimal
from operator import itemgetter
from pathlib import Path

import pytest
from builders import cite, country, source
from ingest_helpers import ingest_paths, write_article
from silkledger import migrate
from silkledger.db import session_scope
from silkledger.models import Citation, Country, Source, TradeFlow, TradeFlowGroup
from silkledger.models.dialect import Dialect
from silkledger.models.schema_objects import read_sql_file
from silkledger.models.summaries import suspended
from silkledger.models.trade_groups import GROUP_COLUMNS, VARIANTS, fill_statements
from sqlalchemy import delete, insert, inspect, select, text, update
from sqlalchemy.orm import Session, defer
from test_review import ARTICLE, EXPORTS, TURNOVER, extracted, ids_by_quote, run

KAZ_CHN_2024_TURNOVER = {
    "flow": "turnover",
    "measure": "value",
    "unit": "USD",
    "period_start": date(2024, 1, 1),
    "period_end": date(2024, 12, 31),
}
CURATED_TURNOVER = "tf-kaz-chn-2024-turnover-43.8"


# ------------------------------------------------------------------------------ reference


def expected_groups(engine) -> dict[tuple, dict]:
    """The summary computed in Python from the claims and their citations."""
    with Session(engine) as session:
        # currency_rate_id deferred: the database may be at a revision before 0015
        claims = session.scalars(select(TradeFlow).options(defer(TradeFlow.currency_rate_id))).all()
        cited = defaultdict(set)
        for flow_id, source_id in session.execute(
            select(Citation.trade_flow_id, Citation.source_id).where(
                Citation.trade_flow_id.is_not(None)
            )
        ):
            cited[flow_id].add(source_id)
        members = defaultdict(list)
        for claim in claims:
            if claim.review_status != "rejected":
                members[tuple(getattr(claim, c) for c in GROUP_COLUMNS)].append(claim)
        return {key: _summed(claims, cited) for key, claims in members.items()}


def _summed(claims, cited) -> dict:
    row = {}
    for prefix, statuses in VARIANTS:
        counted = [claim for claim in claims if claim.review_status in statuses]
        values = sorted({Decimal(claim.value) for claim in counted})
        labels = [claim.period_label for claim in counted if claim.period_label is not None]
        row |= {
            f"{prefix}period_label": min(labels, default=None),
            f"{prefix}claim_count": len(counted),
            f"{prefix}source_count": len(set().union(*(cited[c.id] for c in counted))),
            f"{prefix}claim_source_count": sum(len(cited[c.id]) for c in counted),
            f"{prefix}lowest": values[0] if values else None,
            f"{prefix}highest": values[-1] if values else None,
            f"{prefix}qualifier_count": len({claim.value_qualifier for claim in counted}),
            f"{prefix}value_list": values or None,
        }
    return row


def stored_groups(engine) -> dict[tuple, dict]:
    table = TradeFlowGroup.__table__
    with engine.connect() as connection:
        rows = [dict(row._mapping) for row in connection.execute(select(table))]
    stored = {}
    for row in rows:
        key = tuple(row.pop(column) for column in GROUP_COLUMNS)
        assert key not in stored, f"two rows for the group {key}"
        row.pop("id")
        for prefix, _ in VARIANTS:
            listed = row[f"{prefix}value_list"]
            row[f"{prefix}value_list"] = listed and [Decimal(v) for v in listed.split("; ")]
            for bound in ("lowest", "highest"):
                value = row[f"{prefix}{bound}"]
                row[f"{prefix}{bound}"] = None if value is None else Decimal(value)
        stored[key] = row
    return stored


GROUPED_VIEWS = ("trade_flow_consensus", "disagreements")  # re-made by 0007 to read the groups
MIGRATIONS_SQL = Path(__file__).resolve().parent.parent / "alembic" / "versions" / "sql"


def views_before_the_groups(engine_name: str) -> dict[str, str]:
    """The SELECT of each grouped view (and _all twin) as 0003_views made it, aggregating the
    claims, from the SQL that migration carries."""
    path = MIGRATIONS_SQL / f"0003_views.upgrade.{engine_name}.sql"
    selects = {}
    for statement in read_sql_file(path.read_text(encoding="utf-8")):
        name, _, select_sql = statement.removeprefix("CREATE VIEW ").partition(" AS ")
        if name.removesuffix("_all") in GROUPED_VIEWS:
            selects[name] = select_sql
    return selects


def assert_in_step(engine) -> dict[tuple, dict]:
    """The summary equals the recomputation, and the grouped views answer what their SQL from
    before the summary answers on the same claims."""
    stored = stored_groups(engine)
    assert stored == expected_groups(engine)
    before_groups = views_before_the_groups(engine.dialect.name)
    assert len(before_groups) == 4
    with engine.connect() as connection:
        for name, select_sql in before_groups.items():
            now = connection.execute(text(f"SELECT * FROM {name}")).all()
            before = connection.execute(text(select_sql)).all()
            if name.startswith("disagreements"):  # since 0010 a trade subject is its group's
                now, before = _without_subject(now), _without_subject(before)
            assert sorted(now, key=repr) == sorted(before, key=repr), name
        assert_summary_in_step(connection)
    return stored


def _without_subject(rows) -> list[tuple]:
    return [row[:1] + row[2:] for row in map(tuple, rows)]


def assert_summary_in_step(connection) -> None:
    """disagreement_summary answers what aggregating disagreements answers, though it reads
    most trade groups from trade_flow_groups alone."""
    for suffix in ("", "_all"):
        summary = connection.execute(text(f"SELECT * FROM disagreement_summary{suffix}")).all()
        aggregated = connection.execute(
            text(
                "SELECT fact_kind, subject, count(DISTINCT source_id), min(lowest), "
                "max(highest), max(spread_percent), max(variant_count) "
                f"FROM disagreements{suffix} GROUP BY fact_kind, subject"
            )
        ).all()
        assert sorted(map(tuple, summary), key=repr) == sorted(map(tuple, aggregated), key=repr), (
            suffix
        )


def kaz_chn_turnover_2024(engine) -> dict:
    with Session(engine) as session:
        kaz, chn = (
            session.scalar(select(Country.id).where(Country.iso3 == iso3))
            for iso3 in ("KAZ", "CHN")
        )
    group = KAZ_CHN_2024_TURNOVER | {"reporter_country_id": kaz, "partner_country_id": chn}
    return stored_groups(engine)[tuple(group[column] for column in GROUP_COLUMNS)]


def exports_2024(engine, reporter: str) -> dict | None:
    """The group of ``reporter``'s exports to China in 2024, in USD, if it has a row."""
    with Session(engine) as session:
        ids = dict(session.execute(select(Country.iso3, Country.id)).all())
    group = KAZ_CHN_2024_TURNOVER | {
        "flow": "exports", "reporter_country_id": ids[reporter], "partner_country_id": ids["CHN"]
    }  # fmt: skip
    return stored_groups(engine).get(tuple(group[column] for column in GROUP_COLUMNS))


# ---------------------------------------------------------------------------------- tests


def test_seed_load_fills_the_groups(seeded_engine):
    stored = assert_in_step(seeded_engine)
    assert len(stored) > 10
    group = kaz_chn_turnover_2024(seeded_engine)
    assert [float(v) for v in group["value_list"]] == [30.05e9, 43.8e9, 44e9]
    assert (group["lowest"], group["highest"]) == (Decimal("30050000000"), Decimal("44e9"))
    assert group["qualifier_count"] == 2  # $44bn and over $44bn
    assert group["claim_count"] == group["all_claim_count"] >= 4


def test_ingest_merge_accept_reject_and_edits_that_move(seeded_engine, seeded_url, tmp_path):
    before = kaz_chn_turnover_2024(seeded_engine)
    report = ingest_paths(
        seeded_engine, [write_article(tmp_path, "astana.txt", ARTICLE)], extract=extracted
    )
    assert report.outcomes[0].status == "loaded"
    assert_in_step(seeded_engine)
    ingested = kaz_chn_turnover_2024(seeded_engine)
    assert ingested["all_claim_count"] == before["all_claim_count"] + 1
    assert ingested["claim_count"] == before["claim_count"]  # extracted: not counted
    assert ingested["all_source_count"] == before["all_source_count"] + 1

    ids = ids_by_quote(seeded_engine)
    run(seeded_url, "review", "merge", ids[TURNOVER], "--into", CURATED_TURNOVER)
    assert_in_step(seeded_engine)
    merged = kaz_chn_turnover_2024(seeded_engine)
    assert merged["all_claim_count"] == before["all_claim_count"]
    assert merged["source_count"] == before["source_count"] + 1  # the article now cites it

    exports = ids[EXPORTS]  # extracted: KAZ-CHN exports, 2024, $15.2bn
    run(seeded_url, "review", "accept", exports)
    assert exports_2024(seeded_engine, "KAZ")["claim_count"] >= 1
    assert_in_step(seeded_engine)
    run(seeded_url, "review", "reject", exports)
    assert_in_step(seeded_engine)
    assert exports_2024(seeded_engine, "UZB") is None

    # edits move the claim to another group: another country, then another period
    run(seeded_url, "review", "edit", exports, "--reporter", "UZB")
    run(seeded_url, "review", "accept", exports)
    assert_in_step(seeded_engine)
    assert exports_2024(seeded_engine, "UZB")["value_list"] == [Decimal("15.2e9")]
    run(
        seeded_url, "review", "edit", exports,
        "--period.start", "2023-01-01", "--period.end", "2023-12-31", "--period.label", "2023",
    )  # fmt: skip
    assert_in_step(seeded_engine)
    assert exports_2024(seeded_engine, "UZB") is None


def test_deletes_and_moved_citations(seeded_engine):
    group = kaz_chn_turnover_2024(seeded_engine)
    with session_scope(seeded_engine) as session:
        claim = session.scalar(select(TradeFlow).where(TradeFlow.key == CURATED_TURNOVER))
        citations = session.scalars(select(Citation).where(Citation.trade_flow_id == claim.id))
        first = citations.first()
        other = session.scalar(
            select(TradeFlow).where(TradeFlow.flow == "exports", TradeFlow.id != claim.id)
        )
        first.trade_flow_id = other.id  # a citation moved to another claim
        claim_id, other_id = claim.id, other.id
    assert_in_step(seeded_engine)

    with session_scope(seeded_engine) as session:
        session.execute(delete(Citation).where(Citation.trade_flow_id == other_id))
    assert_in_step(seeded_engine)

    with session_scope(seeded_engine) as session:  # citations go with it (ON DELETE CASCADE)
        session.delete(session.get(TradeFlow, claim_id))
    assert_in_step(seeded_engine)
    assert kaz_chn_turnover_2024(seeded_engine)["claim_count"] == group["claim_count"] - 1

    with session_scope(seeded_engine) as session:
        session.execute(delete(TradeFlow))
    assert assert_in_step(seeded_engine) == {}


def test_bulk_statements(seeded_engine):
    """Many rows in one statement: one trigger call per statement on PostgreSQL."""
    with session_scope(seeded_engine) as session:
        session.execute(update(TradeFlow).values(review_status="extracted"))
    stored = assert_in_step(seeded_engine)
    assert {row["claim_count"] for row in stored.values()} == {0}
    with session_scope(seeded_engine) as session:
        session.execute(
            update(TradeFlow)
            .where(TradeFlow.flow == "turnover")
            .values(review_status="accepted", period_start=None, period_end=None)
        )
        session.execute(update(TradeFlow).values(value_usd=None))  # read by no group
    stored = assert_in_step(seeded_engine)
    assert any(key[2] is None and row["claim_count"] > 1 for key, row in stored.items())
    with session_scope(seeded_engine) as session:
        copies = [
            {
                **{c: getattr(claim, c) for c in (*GROUP_COLUMNS, "value", "value_qualifier")},
                "key": f"{claim.key}-copy",
                "period_label": claim.period_label,
                "review_status": "curated",
                "loaded_by": "manual",
            }
            for claim in session.scalars(select(TradeFlow))
        ]
        session.execute(TradeFlow.__table__.insert(), copies)
    stored = assert_in_step(seeded_engine)
    assert {row["all_claim_count"] > 1 for row in stored.values()} == {True}


def test_the_migration_fills_the_groups_of_existing_claims(databases, seeded_url):
    engine = databases.engine(seeded_url)
    expected = assert_in_step(engine)
    engine.dispose()
    migrate.downgrade(seeded_url, "0005_report_runs_jobs_file", confirm=lambda at_risk: True)
    engine = databases.engine(seeded_url)
    assert "trade_flow_groups" not in inspect(engine).get_table_names()
    engine.dispose()
    migrate.upgrade(seeded_url)
    engine = databases.engine(seeded_url)
    assert assert_in_step(engine) == expected


@pytest.mark.parametrize("write", ["insert", "update"])
def test_rejected_claims_leave_no_group(migrated_engine, write):
    with session_scope(migrated_engine) as session:
        kaz = Country(iso3="KAZ", name="Kazakhstan")
        chn = Country(iso3="CHN", name="China")
        session.add_all([kaz, chn])
        session.flush()
        status = "rejected" if write == "insert" else "curated"
        session.add(
            TradeFlow(
                key="tf-one", reporter_country_id=kaz.id, partner_country_id=chn.id,
                period_start=None, period_end=None, period_label=None, flow="exports",
                measure="value", value=Decimal("15.5"), unit="USD", value_qualifier="about",
                review_status=status, loaded_by="manual",
            )
        )  # fmt: skip
    if write == "update":
        assert len(assert_in_step(migrated_engine)) == 1
        with session_scope(migrated_engine) as session:
            session.execute(update(TradeFlow).values(review_status="rejected"))
    assert assert_in_step(migrated_engine) == {}


def test_two_writers_adding_to_one_group_at_once(seeded_engine):
    """The second writer waits for the first (PostgreSQL: the triggers' lock on the summary;
    SQLite: BEGIN IMMEDIATE), so its recomputation sees the first one's claim."""
    with Session(seeded_engine) as session:
        model = session.scalar(select(TradeFlow).where(TradeFlow.key == CURATED_TURNOVER))
        fields = {c: getattr(model, c) for c in (*GROUP_COLUMNS, "period_label", "unit")}

    def add_claim(session: Session, key: str, value: str) -> None:
        session.add(
            TradeFlow(**fields, key=key, value=Decimal(value), value_qualifier="exact",
                      review_status="curated", loaded_by="manual")
        )  # fmt: skip
        session.flush()

    second_done = threading.Event()

    def second_writer():
        with session_scope(seeded_engine) as session:
            add_claim(session, "tf-second", "41e9")
        second_done.set()

    with session_scope(seeded_engine) as session:
        add_claim(session, "tf-first", "40e9")
        writer = threading.Thread(target=second_writer)
        writer.start()
        second_done.wait(timeout=1)  # it cannot finish while this transaction is open
        assert not second_done.is_set()
    writer.join(timeout=60)
    assert second_done.is_set()
    assert_in_step(seeded_engine)
    values = kaz_chn_turnover_2024(seeded_engine)["value_list"]
    assert {Decimal("40e9"), Decimal("41e9")} <= set(values)


def test_a_bulk_load_with_suspended_triggers_refills_the_groups(seeded_engine):
    with seeded_engine.begin() as connection, suspended(connection):
        connection.execute(
            text(
                "INSERT INTO citations (source_id, trade_flow_id, quote, char_start, char_end) "
                "SELECT s.id, tf.id, 'q', 0, 1 FROM sources s, trade_flows tf"
            )
        )
        connection.execute(update(TradeFlow).values(period_label="bulk"))
    groups = assert_in_step(seeded_engine)
    assert {row["period_label"] for row in groups.values()} == {"bulk"}
    assert {row["all_source_count"] for row in groups.values()} == {5}  # every source cites all
    with session_scope(seeded_engine) as session:  # and the triggers follow writes again
        session.execute(delete(Citation).where(Citation.quote == "q"))
    assert_in_step(seeded_engine)


# ------------------------------------------------------------------- the insert path (SQLite)
# A claim or citation inserted adds itself to its group's row (SQLite's incremental insert
# triggers); each step below is one case of that arithmetic, checked against the recomputation.

TEXT = "Kazakhstan and China traded goods worth $40 billion in 2024, sources say."
QUOTE = "$40 billion"


def equal_to_fill(engine) -> None:
    """The summary equals fill_statements' (the full recompute), run and rolled back."""
    dialect = Dialect(engine.dialect.name)
    with engine.connect() as connection:
        kept = _rows_without_ids(connection)
        for statement in fill_statements(dialect):
            connection.exec_driver_sql(statement)
        assert _rows_without_ids(connection) == kept
        connection.rollback()


def _rows_without_ids(connection) -> list[tuple]:
    table = TradeFlowGroup.__table__
    columns = [column for column in table.columns if column.name != "id"]
    return sorted(connection.execute(select(*columns)).all(), key=repr)


class Group:
    """One group of claims made one write at a time, its row read after each."""

    def __init__(self, engine, period: tuple[date, date] | None):
        self.engine = engine
        self.period = period or (None, None)
        with session_scope(engine) as session:
            kaz, chn = country(session, "KAZ", "Kazakhstan"), country(session, "CHN", "China")
            self.countries = (kaz.id, chn.id)
            self.sources = [source(session, key, f"{TEXT} {key}").id for key in ("a", "b")]
        self.claims: dict[str, int] = {}

    def claim(self, key: str, value: str, qualifier="exact", status="curated", label=None):
        with session_scope(self.engine) as session:
            row = TradeFlow(
                key=key, reporter_country_id=self.countries[0],
                partner_country_id=self.countries[1], period_start=self.period[0],
                period_end=self.period[1], period_label=label, flow="turnover",
                measure="value", value=Decimal(value), unit="USD", value_qualifier=qualifier,
                review_status=status, loaded_by="manual",
            )  # fmt: skip
            session.add(row)
            session.flush()
            self.claims[key] = row.id
        return self.row()

    def cite(self, source_number: int, key: str) -> dict | None:
        with session_scope(self.engine) as session:
            cite(session, session.get(Source, self.sources[source_number]), QUOTE,
                 trade_flow_id=self.claims[key])  # fmt: skip
        return self.row()

    def row(self) -> dict | None:
        """The group's row, after checking the whole summary against both references."""
        stored = assert_in_step(self.engine)
        equal_to_fill(self.engine)
        assert len(stored) <= 1
        return next(iter(stored.values()), None)


def values(*numbers: str) -> list[Decimal]:
    return [Decimal(number) for number in numbers]


@pytest.mark.parametrize("period", ["2024", "NULL"])
def test_claims_added_one_at_a_time(migrated_engine, period):
    year = (date(2024, 1, 1), date(2024, 12, 31))
    group = Group(migrated_engine, year if period == "2024" else None)
    assert group.claim("tf-rejected", "1", status="rejected") is None  # no group for it
    row = group.claim("tf-a", "40e9")
    assert (row["claim_count"], row["value_list"], row["qualifier_count"]) == (1, values("40e9"), 1)
    assert row["period_label"] is None
    row = group.claim("tf-same", "40e9", label="2024")  # the same value, the same qualifier
    assert (row["claim_count"], row["value_list"], row["qualifier_count"]) == (2, values("40e9"), 1)
    assert row["period_label"] == "2024"
    row = group.claim("tf-lower", "30.05e9", qualifier="about", label="FY2024")
    assert row["value_list"] == values("30.05e9", "40e9")
    assert (row["lowest"], row["qualifier_count"], row["period_label"]) == (
        Decimal("30.05e9"), 2, "2024"
    )  # fmt: skip
    row = group.claim("tf-higher", "44e9", label="1999")  # higher; a lower label
    assert (row["highest"], row["period_label"]) == (Decimal("44e9"), "1999")
    row = group.claim("tf-inside", "41.5e9", qualifier="over")  # new, inside the range
    assert row["value_list"] == values("30.05e9", "40e9", "41.5e9", "44e9")
    row = group.claim("tf-again", "40e9", qualifier="about")  # inside, not new
    assert (row["claim_count"], row["qualifier_count"]) == (6, 3)
    row = group.claim("tf-extracted", "35e9", status="extracted")
    assert (row["claim_count"], row["all_claim_count"]) == (6, 7)
    assert Decimal("35e9") not in row["value_list"]
    assert Decimal("35e9") in row["all_value_list"]


def test_an_extracted_claim_counts_in_its_own_variant_first(migrated_engine):
    group = Group(migrated_engine, None)
    row = group.claim("tf-extracted", "15.2e9", qualifier="over", status="extracted")
    assert (row["claim_count"], row["lowest"], row["value_list"]) == (0, None, None)
    assert (row["all_claim_count"], row["all_qualifier_count"]) == (1, 1)
    group.cite(0, "tf-extracted")
    row = group.claim("tf-curated", "15.2e9")  # a value only the other variant has
    assert row["value_list"] == values("15.2e9") and row["qualifier_count"] == 1
    assert (row["source_count"], row["all_source_count"]) == (0, 1)
    with session_scope(migrated_engine) as session:  # accepted: an update, recomputed
        session.execute(
            update(TradeFlow)
            .where(TradeFlow.key == "tf-extracted")
            .values(review_status="accepted")
        )
    row = group.row()
    assert (row["claim_count"], row["source_count"], row["qualifier_count"]) == (2, 1, 2)
    row = group.claim("tf-after", "16e9", status="extracted")  # and increments go on from there
    assert (row["claim_count"], row["all_claim_count"]) == (2, 3)


def test_citations_count_each_source_once_per_group(migrated_engine):
    group = Group(migrated_engine, (date(2024, 1, 1), date(2024, 12, 31)))
    group.claim("tf-a", "40e9")
    group.claim("tf-b", "41e9")
    group.claim("tf-extracted", "42e9", status="extracted")
    group.claim("tf-rejected", "43e9", status="rejected")
    # (source_count, claim_source_count): the pairs count a source once per claim it cites
    pairs = ("source_count", "claim_source_count")
    assert itemgetter(*pairs)(group.cite(0, "tf-a")) == (1, 1)
    assert itemgetter(*pairs)(group.cite(0, "tf-a")) == (1, 1)  # the same source, same claim
    assert itemgetter(*pairs)(group.cite(0, "tf-b")) == (1, 2)  # ... another claim of the group
    row = group.cite(1, "tf-extracted")  # a second source, of a claim only all_ counts
    assert (row["source_count"], row["all_source_count"]) == (1, 2)
    assert (row["claim_source_count"], row["all_claim_source_count"]) == (2, 3)
    row = group.cite(1, "tf-b")  # that source now counts in the plain variant too
    assert (row["source_count"], row["all_source_count"]) == (2, 2)
    assert (row["claim_source_count"], row["all_claim_source_count"]) == (3, 4)
    row = group.cite(1, "tf-rejected")  # a rejected claim's citation counts nowhere
    assert (row["source_count"], row["all_source_count"]) == (2, 2)
    assert (row["claim_source_count"], row["all_claim_source_count"]) == (3, 4)


def test_0011_switches_the_insert_triggers_both_ways(databases, seeded_url):
    """Down at 0010 the insert triggers recompute the group, at head they add to it; both keep
    the summary in step (PostgreSQL's triggers are the same at both)."""
    engine = databases.engine(seeded_url)
    expected = assert_in_step(engine)
    engine.dispose()
    migrate.downgrade(seeded_url, "0010_query_shapes", confirm=lambda at_risk: True)
    engine = databases.engine(seeded_url)
    assert assert_in_step(engine) == expected
    if engine.dialect.name == "sqlite":
        assert "DELETE FROM trade_flow_groups" in _insert_trigger(engine)
    _add_a_claim(engine, "tf-at-0010")
    expected = assert_in_step(engine)
    engine.dispose()
    migrate.upgrade(seeded_url)
    engine = databases.engine(seeded_url)
    assert assert_in_step(engine) == expected
    if engine.dialect.name == "sqlite":
        assert "DELETE FROM trade_flow_groups" not in _insert_trigger(engine)
    claims = kaz_chn_turnover_2024(engine)["all_claim_count"]
    _add_a_claim(engine, "tf-at-head")
    assert kaz_chn_turnover_2024(engine)["all_claim_count"] == claims + 1
    assert_in_step(engine)
    equal_to_fill(engine)


def _insert_trigger(engine) -> str:
    with engine.connect() as connection:
        return connection.scalar(
            text("SELECT sql FROM sqlite_master WHERE name = :name"),
            {"name": "trade_flow_groups_after_trade_flow_insert"},
        )


def _add_a_claim(engine, key: str) -> None:
    """A claim of the KAZ-CHN turnover group of 2024, with a citation of the first source."""
    # Core, with the columns named: the database may be at a revision older than the model
    # (0010 has no trade_flows.currency_rate_id), which an ORM select of the row would read.
    columns = [getattr(TradeFlow, c) for c in (*GROUP_COLUMNS, "period_label")]
    with session_scope(engine) as session:
        model = session.execute(select(*columns).where(TradeFlow.key == CURATED_TURNOVER)).one()
        fields = dict(model._mapping)
        # columns named: the test runs at older revisions, which lack later columns of
        # trade_flows (0015's currency_rate_id), sources and citations (0016's search_text)
        claim_id = session.execute(
            insert(TradeFlow.__table__)
            .values(
                **fields,
                key=key,
                value=Decimal("43.9e9"),
                value_qualifier="about",
                review_status="extracted",
                loaded_by="manual",
            )
            .returning(TradeFlow.__table__.c.id)
        ).scalar_one()
        first_id, body = session.execute(
            select(Source.id, Source.body_text).order_by(Source.id).limit(1)
        ).one()
        session.execute(
            insert(Citation.__table__).values(
                source_id=first_id, quote=body[:5], char_start=0, char_end=5,
                trade_flow_id=claim_id,
            )
        )  # fmt: skip
