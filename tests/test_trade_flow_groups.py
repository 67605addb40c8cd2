"""trade_flow_groups stays equal to a from-scratch recomputation, whatever writes the claims, on
SQLite (row triggers) and PostgreSQL (statement triggers): seed load, ingest, accept, reject,
edits that move a claim, merge, deletes, bulk statements, and the migration's fill. The views
that read it answer exactly what they answered when they aggregated the claims themselves."""

from __future__ import annotations

import threading
from collections import defaultdict
from datetime import date
from decimal import Decimal

import pytest
from ingest_helpers import ingest_paths, write_article
from silkledger import migrate
from silkledger.db import session_scope
from silkledger.models import Citation, Country, TradeFlow, TradeFlowGroup
from silkledger.models.summaries import suspended
from silkledger.models.trade_groups import GROUP_COLUMNS, VARIANTS
from silkledger.models.views import GROUPS_REVISION, Dialect, views_changed_at
from sqlalchemy import delete, inspect, select, text, update
from sqlalchemy.orm import Session
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
        claims = session.scalars(select(TradeFlow)).all()
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


def assert_in_step(engine) -> dict[tuple, dict]:
    """The summary equals the recomputation, and the grouped views answer what their SQL from
    before the summary answers on the same claims."""
    stored = stored_groups(engine)
    assert stored == expected_groups(engine)
    dialect = Dialect(engine.dialect.name)
    with engine.connect() as connection:
        for view in views_changed_at(GROUPS_REVISION):
            for name, statuses in view.variants():
                now = connection.execute(text(f"SELECT * FROM {name}")).all()
                before = connection.execute(
                    text(view.select(dialect, statuses, revision="0003_views"))
                ).all()
                if view.name == "disagreements":  # since 0010 a trade subject is its group's
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
