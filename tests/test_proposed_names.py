"""Issue 18, point 5, on SQLite and PostgreSQL: an unknown company beside a deal is proposed in
the review queue with its quote and, once accepted, is an organisation and a party of the deal
(agreement_parties, the deals view, the deals workbook), whichever is accepted first; a rejected
proposal leaves nothing; a name the database knows is not proposed; the Excel round trip."""

from __future__ import annotations

import pytest
from ingest_helpers import ingest_paths, write_article
from openpyxl import load_workbook
from silkledger.cli import app
from silkledger.reports.export import write_report
from silkledger.reports.filters import ReportFilters
from sqlalchemy import text
from typer.testing import CliRunner

COMPANY = "Xinjiang Tianshan Cement Group"
DEAL = (
    f"{COMPANY} signed a $120 million agreement with Kazakhstan on 10 June 2025 on cement "
    "supplies for the Zhambyl region."
)
ARTICLE = f"Cement maker signs Kazakh deal\nASTANA, 12 June 2025 – {DEAL}\n"
SIGNED = (
    "Deputy Prime Minister Serik Zhumangarin signed a $40 million contract with Uzbekistan on "
    "11 June 2025 on grain supplies."
)
PERSON_ARTICLE = f"Grain contract signed\nTASHKENT, 12 June 2025 – {SIGNED}\n"


pytestmark = pytest.mark.usefixtures("wide_console")


def run(url, *args, code=0):
    result = CliRunner().invoke(app, ["--db", url.render_as_string(hide_password=False), *args])
    assert result.exit_code == code, result.output
    return result.stdout if code == 0 else result.output


def load(engine, tmp_path, body=ARTICLE, name="cement.txt") -> None:
    report = ingest_paths(engine, [write_article(tmp_path, name, body)])
    assert [o.status for o in report.outcomes] == ["loaded"], report.outcomes[0].reason


def one(engine, sql: str, **params):
    with engine.connect() as connection:
        return connection.execute(text(sql), params).all()


def proposal_and_deal(engine, name=COMPANY) -> tuple[str, str]:
    (row,) = one(
        engine,
        "SELECT id, agreement_id, kind FROM proposed_names WHERE name = :n AND agreement_id "
        "IS NOT NULL",
        n=name,
    )
    return f"{row.kind}:{row.id}", f"agreement:{row.agreement_id}"


def parties(engine, agreement: str) -> list[tuple]:
    number = int(agreement.split(":")[1])
    return one(
        engine,
        "SELECT o.name, o.kind, o.loaded_by, ap.role FROM agreement_parties ap "
        "JOIN organizations o ON o.id = ap.organization_id WHERE ap.agreement_id = :a",
        a=number,
    )


def test_an_unknown_company_is_proposed_with_its_quote(reference_url, databases, tmp_path):
    engine = databases.engine(reference_url)
    load(engine, tmp_path)
    name, _ = proposal_and_deal(engine)
    listed = run(reference_url, "review", "list", "--kind", "organization")
    assert "1 fact(s) waiting for review" in listed
    assert name in listed and f"name {COMPANY}" in listed and DEAL in listed
    assert "role party" in listed
    assert name not in run(reference_url, "review", "list", "--kind", "agreement")
    (row,) = one(engine, "SELECT quote, char_start, char_end, status FROM proposed_names")
    (body,) = one(engine, "SELECT body_text FROM sources")
    assert body[0][row.char_start : row.char_end] == COMPANY and DEAL in row.quote
    assert row.status == "proposed"


@pytest.mark.parametrize("name_first", [True, False], ids=["name-first", "deal-first"])
def test_accepted_it_is_a_party_of_the_deal(reference_url, databases, tmp_path, name_first):
    engine = databases.engine(reference_url)
    load(engine, tmp_path)
    name, deal = proposal_and_deal(engine)
    for identifier in [name, deal] if name_first else [deal, name]:
        run(reference_url, "review", "accept", identifier)
    assert parties(engine, deal) == [(COMPANY, "company", "article", "party")]
    (added,) = one(
        engine,
        "SELECT o.key, o.note, s.key AS source FROM organizations o "
        "JOIN proposed_names pn ON pn.organization_id = o.id JOIN sources s ON s.id = pn.source_id",
    )
    assert added.key == "xinjiang-tianshan-cement-group" and added.source in added.note
    (view,) = one(engine, "SELECT parties FROM deals")
    both = {f"{COMPANY} (party)", "Kazakhstan (party)"}
    assert set(view.parties.split("; ")) == both
    result = write_report("deals", engine, tmp_path / "deals.xlsx", ReportFilters(), "test-db")
    rows = list(load_workbook(result.path)["Agreements"].iter_rows(values_only=True))
    (row,) = [dict(zip(rows[0], r, strict=False)) for r in rows[1:]]
    assert set(row["Parties"].split("; ")) == both
    history = run(reference_url, "review", "history", name)
    assert "accept" in history and "xinjiang-tianshan-cement-group" in history


def test_a_rejected_proposal_leaves_nothing(reference_url, databases, tmp_path):
    engine = databases.engine(reference_url)
    load(engine, tmp_path)
    name, deal = proposal_and_deal(engine)
    run(reference_url, "review", "reject", name)
    run(reference_url, "review", "accept", deal)
    assert parties(engine, deal) == []
    assert one(engine, "SELECT key FROM organizations WHERE loaded_by = 'article'") == []
    assert "0 fact(s)" in run(reference_url, "review", "list", "--kind", "organization")
    out = run(reference_url, "review", "accept", name, code=1)
    assert "already rejected" in out
    run(reference_url, "ingest", "--reindex")  # not proposed again
    assert one(engine, "SELECT status FROM proposed_names") == [("rejected",)]


def test_a_known_name_is_not_proposed(reference_url, databases, tmp_path):
    engine = databases.engine(reference_url)
    load(engine, tmp_path)
    name, _ = proposal_and_deal(engine)
    run(reference_url, "review", "accept", name)
    later = ARTICLE.replace("$120 million", "$80 million").replace("10 June", "11 June")
    load(engine, tmp_path, later, "cement-again.txt")
    assert one(engine, "SELECT count(*) FROM proposed_names") == [(1,)]


def test_a_person_beside_a_deal_is_a_signatory(reference_url, databases, tmp_path):
    engine = databases.engine(reference_url)
    load(engine, tmp_path, PERSON_ARTICLE, "grain.txt")
    name, deal = proposal_and_deal(engine, "Serik Zhumangarin")
    assert name.startswith("person:")
    listed = run(reference_url, "review", "list", "--kind", "person")
    assert "position Deputy Prime Minister" in listed and SIGNED in listed
    run(reference_url, "review", "edit", name, "--country", "KAZ")
    run(reference_url, "review", "accept", name)
    number = int(deal.split(":")[1])
    (row,) = one(
        engine,
        "SELECT p.name, p.position, c.iso3, ap.role FROM agreement_parties ap "
        "JOIN people p ON p.id = ap.person_id JOIN countries c ON c.id = p.country_id "
        "WHERE ap.agreement_id = :a",
        a=number,
    )
    assert tuple(row) == ("Serik Zhumangarin", "Deputy Prime Minister", "KAZ", "signatory")


def test_the_excel_round_trip_decides_names(reference_url, databases, tmp_path):
    engine = databases.engine(reference_url)
    load(engine, tmp_path)
    name, deal = proposal_and_deal(engine)
    out = tmp_path / "review.xlsx"
    run(reference_url, "review", "export", str(out))
    workbook = load_workbook(out)
    sheet = workbook["organization"]
    header = [cell.value for cell in sheet[1]]
    (cells,) = [row for row in sheet.iter_rows(min_row=2) if row[0].value == name]
    assert cells[header.index("name")].value == COMPANY
    cells[header.index("organization_kind")].value = "other"
    cells[header.index("decision")].value = "accept"
    workbook.save(out)
    assert f"{name} edited and accepted" in run(reference_url, "review", "import", str(out))
    run(reference_url, "review", "accept", deal)
    assert parties(engine, deal) == [(COMPANY, "other", "article", "party")]


ALIAS_DEAL = (
    "PetroChina Central Asia Holdings signed a $300 million agreement with Kazakhstan on 10 June "
    "2025 on gas supplies to the Shymkent refinery."
)


def test_a_name_merged_into_a_known_company_becomes_its_alias(reference_url, databases, tmp_path):
    engine = databases.engine(reference_url)
    load(engine, tmp_path, f"Gas deal signed\nASTANA, 12 June 2025 – {ALIAS_DEAL}\n", "gas.txt")
    name, deal = proposal_and_deal(engine, "PetroChina Central Asia Holdings")
    assert "no organization has this key" in run(
        reference_url, "review", "merge", name, "--into", "no-such-company", code=1
    )
    assert "merged" in run(reference_url, "review", "merge", name, "--into", "cnpc")
    assert parties(engine, deal) == [
        ("China National Petroleum Corporation", "company", "seed", "party")
    ]
    assert one(
        engine,
        "SELECT a.alias FROM organization_aliases a JOIN organizations o "
        "ON o.id = a.organization_id WHERE o.key = 'cnpc' AND a.alias LIKE 'PetroChina%'",
    ) == [("PetroChina Central Asia Holdings",)]
    assert "already accepted" in run(
        reference_url, "review", "merge", name, "--into", "cnpc", code=1
    )
    # the next article that uses the name is linked to the company, not proposed again
    later = ALIAS_DEAL.replace("$300 million", "$75 million").replace("10 June", "11 June")
    load(engine, tmp_path, f"Second gas deal\nASTANA, 13 June 2025 – {later}\n", "gas2.txt")
    assert one(engine, "SELECT count(*) FROM proposed_names WHERE status = 'proposed'") == [(0,)]
    history = run(reference_url, "review", "history", name)
    assert "merge" in history and "cnpc" in history
