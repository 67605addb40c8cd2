"""The review queue on SQLite and PostgreSQL: list, accept, reject, edit, merge, history, and the
Excel round trip with a stale row (refused, the rest applied; nothing with --strict)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from ingest_helpers import fact_at, ingest_paths, write_article
from openpyxl import load_workbook
from silkledger.cli import app
from silkledger.models import Agreement, Citation, ReviewAction, TradeFlow
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

ARTICLE = (
    "Astana and Beijing widen ties\n"
    "Kazakhstan's trade with China reached $43.8 billion in 2024, customs data showed. "
    "Exports from Kazakhstan to China rose to $15.2 billion in 2024. "
    "The two governments signed 12 agreements worth $2 billion in Astana.\n"
)
PERIOD_2024 = {"start": date(2024, 1, 1), "end": date(2024, 12, 31), "label": "2024"}
TURNOVER = "Kazakhstan's trade with China reached $43.8 billion in 2024"
EXPORTS = "Exports from Kazakhstan to China rose to $15.2 billion in 2024"
DEALS = "The two governments signed 12 agreements worth $2 billion in Astana"


def extracted(body: str):
    trade = {"reporter": "KAZ", "partner": "CHN", "period": PERIOD_2024, "measure": "value"}
    trade |= {"unit": "USD", "qualifier": "exact"}
    return [
        fact_at(
            body, TURNOVER, "trade_flow", {**trade, "flow": "turnover", "value": Decimal("43.8e9")}
        ),
        fact_at(
            body,
            EXPORTS,
            "trade_flow",
            {**trade, "flow": "exports", "value": Decimal("15.2e9")},
            confidence=0.5,
        ),
        fact_at(
            body,
            DEALS,
            "agreement",
            {
                "title": "12 agreements signed in Astana",
                "kind": "package",
                "status": "signed",
                "document_count": 12,
                "value": Decimal("2e9"),
                "currency": "USD",
                "qualifier": "exact",
            },
        ),
    ]


pytestmark = pytest.mark.usefixtures("wide_console")


def load_article(engine, tmp_path, text=ARTICLE, name="astana.txt") -> str:
    report = ingest_paths(engine, [write_article(tmp_path, name, text)], extract=extracted)
    assert report.outcomes[0].status == "loaded", report.outcomes[0].reason
    return report.outcomes[0].source_key


def ids_by_quote(engine) -> dict[str, str]:
    with Session(engine) as session:
        flows = session.execute(
            select(TradeFlow.id, Citation.quote).join(
                Citation, Citation.trade_flow_id == TradeFlow.id
            )
        ).all()
        deals = session.execute(
            select(Agreement.id, Citation.quote).join(
                Citation, Citation.agreement_id == Agreement.id
            )
        ).all()
    return {quote: f"trade_flow:{i}" for i, quote in flows} | {
        quote: f"agreement:{i}" for i, quote in deals
    }


def run(url, *args, code=0):
    result = CliRunner().invoke(app, ["--db", url.render_as_string(hide_password=False), *args])
    assert result.exit_code == code, result.output
    return result


def actions(engine) -> list[tuple]:
    with Session(engine) as session:
        rows = session.scalars(select(ReviewAction).order_by(ReviewAction.id)).all()
        return [(r.fact_key, r.action, r.actor, json.loads(r.changes or "null")) for r in rows]


def test_list_filters_and_shows_quotes(reference_url, databases, tmp_path):
    engine = databases.engine(reference_url)
    source = load_article(engine, tmp_path)
    ids = ids_by_quote(engine)
    listed = run(reference_url, "review", "list").stdout
    assert "3 fact(s) waiting for review" in listed
    assert ids[TURNOVER] in listed and "43.8 billion" in listed
    sure = run(reference_url, "review", "list", "--min-confidence", "0.6", "--kind", "trade_flow")
    assert ids[TURNOVER] in sure.stdout and ids[EXPORTS] not in sure.stdout
    assert "1 fact(s)" in sure.stdout
    assert "0 fact(s)" in run(reference_url, "review", "list", "--source", "nope").stdout
    assert "3 fact(s)" in run(reference_url, "review", "list", "--source", source).stdout
    bad = run(reference_url, "review", "list", "--kind", "treaty", code=1)
    assert "--kind 'treaty': not one of" in bad.output


def test_accept_reject_and_history(reference_url, databases, tmp_path, monkeypatch):
    engine = databases.engine(reference_url)
    source = load_article(engine, tmp_path)
    ids = ids_by_quote(engine)
    monkeypatch.setenv("USER", "aigerim")
    run(reference_url, "review", "accept", ids[TURNOVER])
    run(
        reference_url, "review", "reject", ids[EXPORTS], "--actor", "dana", "--note", "double count"
    )
    again = run(reference_url, "review", "accept", ids[TURNOVER], code=1)
    assert f"{ids[TURNOVER]}: already accepted" in again.output
    run(reference_url, "review", "accept", "--all", "--source", source)
    with Session(engine) as session:
        statuses = dict(session.execute(select(TradeFlow.id, TradeFlow.review_status)).all())
        assert sorted(statuses.values()) == ["accepted", "rejected"]
        assert session.scalar(select(Agreement.review_status)) == "accepted"
    logged = actions(engine)
    assert [(who, what) for _, what, who, _ in logged] == [
        ("aigerim", "accept"),
        ("dana", "reject"),
        ("aigerim", "accept"),
    ]
    assert logged[0][3] == {"review_status": ["extracted", "accepted"]}
    shown = run(reference_url, "review", "history", ids[EXPORTS]).stdout
    assert "dana" in shown and "double count" in shown


def test_bad_id_writes_nothing(reference_url, databases, tmp_path):
    engine = databases.engine(reference_url)
    load_article(engine, tmp_path)
    ids = ids_by_quote(engine)
    result = run(reference_url, "review", "accept", ids[TURNOVER], "trade_flow:999999", code=1)
    assert "trade_flow:999999: no such fact" in result.output
    assert actions(engine) == []


def test_edit_is_validated_and_recorded(reference_url, databases, tmp_path):
    engine = databases.engine(reference_url)
    load_article(engine, tmp_path)
    ids = ids_by_quote(engine)
    fact = ids[TURNOVER]
    done = run(
        reference_url, "review", "edit", fact, "--value", "44 billion", "--qualifier", "over"
    )
    assert "value: 43800000000 -> 44000000000" in done.stdout
    with Session(engine) as session:
        row = session.get(TradeFlow, int(fact.split(":")[1]))
        assert Decimal(str(row.value)) == Decimal("44000000000")
        assert row.value_qualifier == "over"
        assert row.review_status == "extracted"  # an edit is not an acceptance
    assert actions(engine)[-1][3] == {
        "qualifier": ["exact", "over"],
        "value": ["43800000000", "44000000000"],
    }
    for args, message in (
        (["--partner", "KAZ"], "reporter and partner are the same country"),
        (["--qualifier", "maybe"], "qualifier"),
        (["--reporter", "XYZ"], "unknown country 'XYZ'"),
        (["--colour", "red"], "'colour' is not an editable field of a trade_flow"),
        (["--period.start", "2025-02-01"], "is before its start"),
    ):
        result = run(reference_url, "review", "edit", fact, *args, code=1)
        assert message in result.output
        assert result.output.count("\n") == 1  # one line
    assert len(actions(engine)) == 1  # the bad edits wrote nothing
    agreement = ids[DEALS]
    run(reference_url, "review", "edit", agreement, "--signed-date", "2025-06-17", code=1)
    run(
        reference_url,
        "review",
        "edit",
        agreement,
        "--signed-date",
        "2025-06-17",
        "--date-precision",
        "day",
    )


def test_merge_into_curated_fact(seeded_engine, seeded_url, tmp_path):
    load_article(seeded_engine, tmp_path)
    ids = ids_by_quote(seeded_engine)
    curated = "tf-kaz-chn-2024-turnover-43.8"
    refused = run(seeded_url, "review", "merge", ids[TURNOVER], "--into", ids[EXPORTS], code=1)
    assert "merge into a curated or accepted fact" in refused.output
    run(seeded_url, "review", "merge", ids[TURNOVER], "--into", curated)
    with Session(seeded_engine) as session:
        target = session.scalar(select(TradeFlow).where(TradeFlow.key == curated))
        quotes = session.scalars(select(Citation.quote).where(Citation.trade_flow_id == target.id))
        assert TURNOVER in set(quotes)
        assert session.get(TradeFlow, int(ids[TURNOVER].split(":")[1])) is None
    ((key, action, _, _),) = actions(seeded_engine)
    assert action == "merge"
    with Session(seeded_engine) as session:
        assert session.scalar(select(ReviewAction.merged_into_key)) == curated
    assert "merge" in run(seeded_url, "review", "history", key).stdout


def test_excel_round_trip_with_a_stale_row(reference_url, databases, tmp_path):
    engine = databases.engine(reference_url)
    load_article(engine, tmp_path)
    ids = ids_by_quote(engine)
    book = tmp_path / "review.xlsx"
    run(reference_url, "review", "export", str(book))
    workbook = load_workbook(book)
    sheet = workbook["trade_flow"]
    header = [cell.value for cell in sheet[1]]
    assert header[:4] == ["id", "source", "confidence", "quote"]
    assert header[-3:] == ["decision", "comment", "fingerprint"]
    assert sheet.column_dimensions[sheet.cell(1, len(header)).column_letter].hidden
    validation = sheet.data_validations.dataValidation[0]
    assert validation.formula1 == '"accept,reject"'
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    assert rows[ids[TURNOVER]][3].value == TURNOVER
    column = {name: index for index, name in enumerate(header)}
    rows[ids[TURNOVER]][column["decision"]].value = "accept"
    rows[ids[TURNOVER]][column["value"]].value = 44000000000  # retyped as a number
    rows[ids[EXPORTS]][column["decision"]].value = "reject"
    workbook["agreement"].cell(2, header.index("decision") + 1)  # untouched: stays pending
    workbook.save(book)
    # someone reviews the exports figure after the export: that row is now stale
    run(reference_url, "review", "edit", ids[EXPORTS], "--qualifier", "over")
    strict = run(reference_url, "review", "import", str(book), "--strict", code=1)
    assert "the fact changed after the export" in strict.output
    assert "nothing applied" in strict.output
    with Session(engine) as session:
        assert set(session.scalars(select(TradeFlow.review_status))) == {"extracted"}
    result = run(reference_url, "review", "import", str(book), "--actor", "excel-user", code=1)
    assert f"{ids[TURNOVER]} edited and accepted" in result.stdout
    assert f"({ids[EXPORTS]}): the fact changed after the export" in result.output
    with Session(engine) as session:
        turnover = session.get(TradeFlow, int(ids[TURNOVER].split(":")[1]))
        assert (turnover.review_status, Decimal(str(turnover.value))) == (
            "accepted",
            Decimal("44e9"),
        )
        exports = session.get(TradeFlow, int(ids[EXPORTS].split(":")[1]))
        assert exports.review_status == "extracted"
        assert session.scalar(select(Agreement.review_status)) == "extracted"
    by_excel = [(key, what) for key, what, who, _ in actions(engine) if who == "excel-user"]
    assert [what for _, what in by_excel] == ["edit", "accept"]
    # a second export lists what is still pending, the first no longer applies
    run(reference_url, "review", "export", str(book))
    again = load_workbook(book)
    assert [row[0].value for row in again["trade_flow"].iter_rows(min_row=2)] == [ids[EXPORTS]]
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(ReviewAction)) == 3
