"""The curated seed, loaded: quotes sit at their spans, every number of the five articles is
cited (or excused by a curator), and the articles' key figures are in the database as stated.

Every expected value below is read from the seed articles; queries go by meaning (country codes,
organisation keys, project names as the articles write them) rather than by curators' record keys.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

import pytest
import yaml
from silkledger.loaders.seed import resolve_seed_dir
from sqlalchemy import text

SEED_DIR = resolve_seed_dir()
ARTICLES = {
    path.stem: path.read_bytes().decode("utf-8") for path in SEED_DIR.glob("articles/*.txt")
}
# A number: a digit run with , or . inside (76,000; 30.05; 2024), as the articles write them.
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
BN = Decimal(10) ** 9


def rows(engine, sql: str, **params) -> list:
    with engine.connect() as connection:
        return list(connection.execute(text(sql), params))


def test_the_five_articles_are_there():
    assert len(ARTICLES) == 5
    assert (
        "racking up $30.05 billion in bilateral trade in 2024" in ARTICLES["000_6060bbb4ab9dde19"]
    )


def test_every_citation_quote_is_its_span_of_the_source_text(seeded_engine):
    citations = rows(
        seeded_engine,
        "SELECT c.quote, c.char_start, c.char_end, s.body_text, s.key "
        "FROM citations c JOIN sources s ON s.id = c.source_id",
    )
    assert len(citations) > 100
    wrong = [
        f"{key}: {quote!r} at {start}:{end}"
        for quote, start, end, body, key in citations
        if body[start:end] != quote
    ]
    assert wrong == []


def test_source_bodies_are_the_article_files_exactly(seeded_engine):
    stored = dict(
        rows(seeded_engine, "SELECT key, body_text FROM sources WHERE loaded_by = 'seed'")
    )
    assert stored == ARTICLES


# ----------------------------------------------------------------------------- number coverage


def load_exclusions() -> list[dict]:
    return yaml.safe_load((SEED_DIR / "uncovered_numbers.yaml").read_text(encoding="utf-8")) or []


def excused_positions(exclusions: list[dict]) -> set[tuple[str, int]]:
    """(source, offset) of every number occurrence an exclusion entry stands for."""
    excused = set()
    for entry in exclusions:
        body = ARTICLES.get(entry["source"], "")
        start = body.find(entry["context"])
        while start != -1:
            for match in NUMBER.finditer(entry["context"]):
                if match.group() == str(entry["number"]):
                    excused.add((entry["source"], start + match.start()))
            start = body.find(entry["context"], start + 1)
    return excused


def test_every_exclusion_entry_still_matches_its_article():
    problems = []
    for entry in load_exclusions():
        assert set(entry) == {"source", "number", "context", "reason"}, entry
        body = ARTICLES.get(entry["source"])
        numbers_in_context = [m.group() for m in NUMBER.finditer(entry["context"])]
        if body is None:
            problems.append(f"{entry['source']}: no such article")
        elif entry["context"] not in body:
            problems.append(f"{entry['source']}: context not in the article: {entry['context']!r}")
        elif str(entry["number"]) not in numbers_in_context:
            problems.append(f"{entry['source']}: {entry['number']} not in {entry['context']!r}")
        if not str(entry["reason"]).strip():
            problems.append(f"{entry['source']}: {entry['number']}: no reason given")
    assert problems == []


def test_every_number_in_the_articles_is_cited_or_excused(seeded_engine):
    spans = defaultdict(list)
    for key, start, end in rows(
        seeded_engine,
        "SELECT s.key, c.char_start, c.char_end FROM citations c JOIN sources s ON s.id = c.source_id",
    ):
        spans[key].append((start, end))
    excused = excused_positions(load_exclusions())
    uncovered = []
    for key, body in sorted(ARTICLES.items()):
        for match in NUMBER.finditer(body):
            covered = any(s <= match.start() and match.end() <= e for s, e in spans[key])
            if not covered and (key, match.start()) not in excused:
                context = body[max(0, match.start() - 40) : match.end() + 40].replace("\n", " ")
                uncovered.append(f"{key} @{match.start()}: {match.group()} in ...{context}...")
    assert uncovered == [], "numbers no citation covers:\n" + "\n".join(uncovered)


def test_number_scan_finds_the_numbers_the_articles_state():
    found = {m.group() for m in NUMBER.finditer(ARTICLES["000_6060bbb4ab9dde19"])}
    assert {"30.05", "14.89", "15.5", "27.4", "2024", "224", "50,000", "29.3"} <= found
    assert "76,000" in {m.group() for m in NUMBER.finditer(ARTICLES["001_6f6e2d4435784dae"])}


# ---------------------------------------------------------------------------------- spot checks


def trade_claims(engine, pair: set[str], start: str, end: str) -> dict[Decimal, set[str]]:
    """Turnover values claimed for a country pair over a period, with the sources of each."""
    claims = rows(
        engine,
        "SELECT tf.value, s.key, r.iso3, p.iso3, tf.period_start, tf.period_end FROM trade_flows tf "
        "JOIN countries r ON r.id = tf.reporter_country_id "
        "JOIN countries p ON p.id = tf.partner_country_id "
        "JOIN citations c ON c.trade_flow_id = tf.id JOIN sources s ON s.id = c.source_id "
        "WHERE tf.flow = 'turnover' AND tf.measure = 'value' AND tf.unit = 'USD'",
    )
    by_value: dict[Decimal, set[str]] = defaultdict(set)
    for value, source, reporter, partner, first, last in claims:
        # str(): raw SQL gives dates as text on SQLite and as date objects on PostgreSQL
        if {reporter, partner} == pair and (str(first), str(last)) == (start, end):
            by_value[Decimal(str(value)).normalize()].add(source[:3])
    return by_value


def test_kazakhstan_china_2024_turnover_claims_stand_side_by_side(seeded_engine):
    claims = trade_claims(seeded_engine, {"KAZ", "CHN"}, "2024-01-01", "2024-12-31")
    assert "000" in claims[(Decimal("30.05") * BN).normalize()]
    assert "000" in claims[(Decimal("43.8") * BN).normalize()]
    assert claims[(44 * BN).normalize()] & {"002", "003"}


def test_china_central_asia_2024_trade_95bn_and_94_8bn_are_both_kept(seeded_engine):
    claims = trade_claims(seeded_engine, {"XCA", "CHN"}, "2024-01-01", "2024-12-31")
    assert "000" in claims[(95 * BN).normalize()]
    assert "001" in claims[(Decimal("94.8") * BN).normalize()]


def test_58_commercial_agreements_worth_24_billion(seeded_engine):
    found = rows(
        seeded_engine,
        "SELECT a.kind, a.value_currency, a.value_usd, c.quote FROM agreements a "
        "JOIN citations c ON c.agreement_id = a.id JOIN sources s ON s.id = c.source_id "
        "WHERE a.document_count = 58 AND a.value_amount = :amount AND s.key LIKE '000%'",
        amount=int(24 * BN),  # an int binds on both engines; Decimal not on SQLite
    )
    assert found, "no package of 58 agreements worth $24 billion cited from 000"
    kind, currency, usd, quote = found[0]
    assert kind in ("package", "commercial_contract")
    assert (currency, Decimal(str(usd))) == ("USD", 24 * BN)
    assert "58 commercial agreements worth $24 billion" in quote


def test_eternal_good_neighbourliness_treaty_binds_china_and_the_five(seeded_engine):
    treaties = rows(
        seeded_engine,
        "SELECT DISTINCT a.id FROM agreements a JOIN citations c ON c.agreement_id = a.id "
        "WHERE a.kind = 'treaty' AND (c.quote LIKE '%Eternal Good-Neighbo%' "
        "OR a.title LIKE '%Eternal Good-Neighbo%')",
    )
    assert len(treaties) == 1
    parties = {
        iso3
        for (iso3,) in rows(
            seeded_engine,
            "SELECT co.iso3 FROM agreement_parties ap JOIN countries co ON co.id = ap.country_id "
            "WHERE ap.agreement_id = :id",
            id=treaties[0][0],
        )
    }
    assert {"CHN", "KAZ", "KGZ", "TJK", "TKM", "UZB"} <= parties


CKU_NAMES = (
    ("000_6060bbb4ab9dde19", "China-Kyrgyz Republic-Uzbekistan (CKU) railway"),
    ("000_6060bbb4ab9dde19", "CKU railway"),
    ("002_1e87d0e1641d56e9", "China–Kyrgyzstan–Uzbekistan railway"),
    ("003_f6314906d5230dff", "China-Kyrgyzstan-Uzbekistan railway"),
)


@pytest.mark.parametrize(("source", "name"), CKU_NAMES)
def test_cku_railway_name_is_written_so_in_its_article(source, name):
    assert name in ARTICLES[source]


def test_cku_railway_is_one_project_under_every_name_cited_by_three_articles(seeded_engine):
    ids = set()
    for _, name in CKU_NAMES:
        found = rows(
            seeded_engine,
            "SELECT p.id FROM projects p WHERE p.name = :name UNION "
            "SELECT pa.project_id FROM project_aliases pa WHERE pa.alias = :name",
            name=name,
        )
        assert len(found) == 1, f"{name!r} names {len(found)} projects"
        ids.add(found[0][0])
    assert len(ids) == 1
    sources = rows(
        seeded_engine,
        "SELECT DISTINCT s.key FROM citations c JOIN sources s ON s.id = c.source_id "
        "WHERE c.project_id = :id",
        id=ids.pop(),
    )
    assert len(sources) >= 3


def test_cnpc_one_billion_gas_chemical_complex_in_aktobe(seeded_engine):
    as_agreement = rows(
        seeded_engine,
        "SELECT a.value_amount, a.value_currency FROM agreements a "
        "JOIN agreement_parties ap ON ap.agreement_id = a.id "
        "JOIN organizations o ON o.id = ap.organization_id "
        "JOIN citations c ON c.agreement_id = a.id "
        "WHERE o.key = 'cnpc' AND c.quote LIKE '%Aktobe%'",
    )
    as_project = rows(
        seeded_engine,
        "SELECT p.value_amount, p.value_currency FROM projects p "
        "JOIN project_organizations po ON po.project_id = p.id "
        "JOIN organizations o ON o.id = po.organization_id "
        "JOIN citations c ON c.project_id = p.id "
        "WHERE o.key = 'cnpc' AND p.kind = 'gas_chemical_plant' AND c.quote LIKE '%Aktobe%'",
    )
    values = {(Decimal(str(amount)), currency) for amount, currency in as_agreement + as_project}
    assert values == {(BN, "USD")}


def test_the_aktobe_and_atyrau_deals_are_parts_of_the_1_5_billion_package(seeded_engine):
    """002: "an additional $1.5 billion ... That included a $1 billion deal with ... CNPC ... and
    another agreement with the China Development Bank ... valued at roughly $500 million"."""
    parts = rows(
        seeded_engine,
        "SELECT package.value_amount, part.value_amount, part.value_qualifier "
        "FROM agreements part JOIN agreements package ON package.id = part.part_of_agreement_id "
        "JOIN citations c ON c.agreement_id = part.id "
        "WHERE c.quote LIKE '%Aktobe%' OR c.quote LIKE '%Atyrau%'",
    )
    packages = {Decimal(str(package)) for package, _, _ in parts}
    components = sorted((Decimal(str(value)), qualifier) for _, value, qualifier in parts)
    assert packages == {Decimal("1.5") * BN}
    assert components == [(Decimal("0.5") * BN, "about"), (BN, "exact")]


def test_usd_values_are_derived_for_dollars_only(seeded_engine):
    money = rows(
        seeded_engine,
        "SELECT value_amount, value_currency, value_usd FROM agreements "
        "WHERE value_amount IS NOT NULL UNION ALL "
        "SELECT value, unit, value_usd FROM trade_flows",
    )
    for amount, unit, usd in money:
        if unit == "USD":
            assert Decimal(str(usd)) == Decimal(str(amount))
        elif len(unit) == 3 and unit.isupper():
            assert usd is None or Decimal(str(usd)) != Decimal(str(amount))
        else:  # percent, tonnes, containers: no dollar value
            assert usd is None


def test_every_seed_fact_is_curated_and_cited(seeded_engine):
    for table, column in (
        ("events", "event_id"),
        ("agreements", "agreement_id"),
        ("projects", "project_id"),
        ("trade_flows", "trade_flow_id"),
        ("indicators", "indicator_id"),
    ):
        uncited = rows(
            seeded_engine,
            f"SELECT key FROM {table} t WHERE NOT EXISTS "
            f"(SELECT 1 FROM citations c WHERE c.{column} = t.id)",
        )
        assert uncited == [], table
        statuses = rows(seeded_engine, f"SELECT DISTINCT review_status, loaded_by FROM {table}")
        assert statuses == [("curated", "seed")], table
