"""docs/queries/: every example query runs unchanged on both engines and answers its question
with the values the seed articles state."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from silkledger.analyst.sql import run_read_only
from sqlalchemy import text

QUERIES = Path(__file__).resolve().parent.parent / "docs" / "queries"
DRAGON = "003_f6314906d5230dff"  # "The Dragon's 'soft power'"
BN = 1e9


def normal(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def by(rows, **wanted) -> list[dict]:
    return [row for row in rows if all(row[key] == value for key, value in wanted.items())]


def one(rows, **wanted) -> dict:
    [row] = by(rows, **wanted)
    return row


def q01(rows, engine):
    kazakhstan = one(rows, country="Kazakhstan", signed_year=2025)
    # 58 commercial agreements worth $24 billion, more than 70 deals worth $15 billion and
    # $1.5 billion of oil and gas investments: the Kazakh deals of 2025 with a stated value
    assert (kazakhstan["deals_with_value"], kazakhstan["stated_value_usd"]) == (3, 40.5 * BN)
    assert one(rows, country="Uzbekistan", signed_year=2025)["stated_value_usd"] == 5 * BN
    assert one(rows, country="Uzbekistan", signed_year=2019)["deals"] == 1


def q02(rows, engine):
    first = rows[0]
    assert first["subject"] == "Kazakhstan–China turnover, 2024 (USD)"
    assert (first["lowest"], first["highest"], first["spread_percent"]) == (
        30.05 * BN,
        44 * BN,
        46.4,
    )
    assert first["sources"] == 3
    assert one(rows, subject="First China–Central Asia Summit")["sources"] == 4
    assert one(rows, subject="Central Asia–China turnover, 2024 (USD)")["spread_percent"] == 0.2


def q03(rows, engine):
    assert {(row["organization"], row["key"]) for row in rows} == {
        ("China National Nuclear Corporation", "ag-2025-07-cnnc-kaz-third-npp"),
        ("China National Nuclear Corporation", "ag-2025-cnnc-kaz-second-npp-contract"),
        ("Rosatom", "ag-2025-06-uzb-rosatom-feasibility-study"),
    }


def q04(rows, engine):
    turnover = by(rows, period_label="2024", flow="turnover")
    figures = [(row["value_usd"], row["value_qualifier"]) for row in turnover]
    assert sorted(set(figures)) == [
        (30.05 * BN, "exact"),
        (43.8 * BN, "exact"),
        (44 * BN, "exact"),
        (44 * BN, "over"),
    ]
    assert figures == sorted(figures)
    assert one(rows, stated_value="$43.8 billion")["attributed_to"] == "Alibek Kuantyrov"
    assert one(rows, stated_value="exceeded $44 billion")["source_key"] == DRAGON
    assert rows[0]["period_label"] == "2024-01..2024-04"
    assert one(rows, period_label="2025-01..2025-04", flow="turnover")["value_usd"] == 8.57 * BN


def q05(rows, engine):
    with engine.connect() as connection:
        counted = connection.execute(
            text("SELECT count(*) FROM projects WHERE review_status IN ('curated', 'accepted')")
        ).scalar_one()
    assert sum(row["projects"] for row in rows) == counted
    railways = one(rows, sector_group="Transport and logistics", status="under_construction")
    assert railways["projects"] >= 1  # the China–Kyrgyzstan–Uzbekistan railway


def q06(rows, engine):
    with engine.connect() as connection:
        body = connection.execute(
            text("SELECT body_text FROM sources WHERE key = :key"), {"key": DRAGON}
        ).scalar_one()
        cited = connection.execute(
            text(
                "SELECT count(*) FROM citations c JOIN sources s ON s.id = c.source_id "
                "WHERE s.key = :key"
            ),
            {"key": DRAGON},
        ).scalar_one()
    assert len(rows) == cited
    assert all(body[row["char_start"] : row["char_end"]] == row["quote"] for row in rows)
    assert [row["char_start"] for row in rows] == sorted(row["char_start"] for row in rows)
    assert "exceeded $44 billion" in {row["stated_value"] for row in rows}


def q07(rows, engine):
    assert rows[0]["organization"] == "China National Nuclear Corporation"
    assert rows[0]["deals"] == 2
    assert one(rows, organization="Export-Import Bank of China")["stated_value_usd"] == 0.5 * BN


def q08(rows, engine):
    dates = [row["start_date"] for row in rows]
    assert dates == sorted(dates)
    xian = one(rows, title="First China–Central Asia Summit")
    assert (xian["start_date"], xian["end_date"], xian["place"]) == (
        "2023-05-18",
        "2023-05-19",
        "Xi'an",
    )
    assert "Kazakhstan (participant)" in xian["participants"]


def q09(rows, engine):
    with engine.connect() as connection:
        names = {
            name
            for (name,) in connection.execute(
                text(
                    "SELECT alias FROM country_aliases a JOIN countries c ON c.id = a.country_id "
                    "WHERE c.iso3 = 'TKM' UNION SELECT name FROM countries WHERE iso3 = 'TKM'"
                )
            )
        }
        articles = connection.execute(text("SELECT key, body_text FROM sources")).all()
    expected = {
        key
        for key, body in articles
        if any(name in body for name in names) and " gas" in body.lower()
    }
    assert {row["key"] for row in rows} == expected
    assert DRAGON in expected
    # "Turkmenistan", "Turkmen" and "Turkmenistan" again: the seed loader recorded the mentions
    assert one(rows, key=DRAGON)["turkmenistan_mentions"] == 3


def q10(rows, engine):
    kazakhstan = one(rows, reporter="Kazakhstan", period_label="2024", flow="turnover")
    assert kazakhstan["value_list"] == "30050000000; 43800000000; 44000000000"
    assert kazakhstan["source_count"] == 3
    region = one(rows, reporter="Central Asia", period_label="2024", flow="turnover")
    assert (region["lowest"], region["highest"]) == (94.8 * BN, 95 * BN)


def q11(rows, engine):
    assert [row["reporter"] for row in rows][:2] == ["Central Asia", "Kazakhstan"]
    uzbekistan = one(rows, reporter="Uzbekistan")
    assert (uzbekistan["lowest_usd"], uzbekistan["source_count"]) == (13.7 * BN, 1)


def q12(rows, engine):
    packages = one(rows, kind="package")
    # $24bn (58 agreements), over $17bn (35 memoranda), $15bn (70 deals), $5bn (13 mining
    # deals), $1.5bn (oil and gas): the packages with a stated value
    assert packages["deals_with_value"] == 5
    assert packages["stated_value_usd"] == 62.5 * BN


def q13(rows, engine):
    assert [row["value_usd"] for row in rows[:3]] == [24 * BN, 17 * BN, 15 * BN]
    assert rows[1]["value_qualifier"] == "over"
    assert len(rows) <= 10


def q14(rows, engine):
    treaty = one(
        rows, agreement="Treaty on Eternal Good-Neighbourliness, Friendship and Cooperation"
    )
    assert (treaty["summit"], treaty["start_date"]) == (
        "Second China–Central Asia Summit",
        "2025-06-17",
    )
    assert by(rows, summit="First China–Central Asia Summit", kind="declaration")


def q15(rows, engine):
    # the $43.8bn of 2024 is Kuantyrov's, the "over $44bn" Tokayev's; the customs office, a
    # news site and a dry port are quoted for the others
    assert {row["attributed_to"] for row in rows} == {
        "Alibek Kuantyrov",
        "Kassym-Jomart Tokayev",
        "General Administration of Customs of China",
        "Ekonomist.kz",
        "Xi'an International Dry Port",
    }
    kuantyrov = one(rows, attributed_to="Alibek Kuantyrov")
    assert (kuantyrov["figures"], kuantyrov["sources"]) == (1, 1)
    assert normal(kuantyrov["first_period_start"]) == "2024-01-01"
    assert normal(kuantyrov["last_period_end"]) == "2024-12-31"


def q16(rows, engine):
    assert len(rows) == 4
    second = one(rows, name="Kazakhstan's second nuclear power plant (CNNC)")
    assert second["organizations"] == "China National Nuclear Corporation (contractor)"
    assert second["status"] == "agreed"


def q17(rows, engine):
    renewables = one(rows, name="Kazakhstan's renewable energy target")
    assert (renewables["value"], renewables["unit"], renewables["period_label"]) == (
        15,
        "percent",
        "2030",
    )
    investment = one(rows, name="Kazakhstan's target for attracting foreign investment")
    assert (investment["value"], investment["value_qualifier"]) == (150 * BN, "at_least")


def q18(rows, engine):
    with engine.connect() as connection:
        citations = connection.execute(text("SELECT count(*) FROM citations")).scalar_one()
    assert sum(row["quotes"] for row in rows) == citations
    assert {row["source_key"] for row in rows} == {
        "000_6060bbb4ab9dde19",
        "001_6f6e2d4435784dae",
        "002_1e87d0e1641d56e9",
        "003_f6314906d5230dff",
        "004_edffaadea7f12df2",
    }


CHECKS = {check.__name__[1:]: check for check in (
    q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15, q16, q17, q18,
)}  # fmt: skip
FILES = sorted(QUERIES.glob("*.sql"))


def test_at_least_fifteen_queries_each_with_a_question_and_a_check():
    assert len(FILES) >= 15
    for path in FILES:
        assert path.read_text(encoding="utf-8").startswith("-- Question: "), path.name
    assert sorted(path.name[:2] for path in FILES) == sorted(CHECKS)


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_query_answers_from_the_seed(path, seeded_url, seeded_engine):
    result = run_read_only(seeded_url, path.read_text(encoding="utf-8"))
    rows = [dict(zip(result.columns, map(normal, row), strict=True)) for row in result.rows]
    assert rows, f"{path.name} returned no rows"
    CHECKS[path.name[:2]](rows, seeded_engine)
