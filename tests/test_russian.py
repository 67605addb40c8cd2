"""Russian articles on the analysts' side, on both engines: full-text search finds inflected
forms (lemmas on SQLite, the russian configuration on PostgreSQL) and shows the original words,
the migration re-indexes stored rows, `review list` shows the Russian quote intact, and a
Russian and an English source of one trade figure meet in the views like any two sources."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from decimal import Decimal

import pytest
from ingest_helpers import fact_at, ingest_paths, write_article
from silkledger import migrate
from silkledger.analyst.search import MARK_END, MARK_START, fts5_query, search
from silkledger.cli import app
from sqlalchemy import text
from typer.testing import CliRunner

runner = CliRunner()
RUSSIAN = (
    "Узбекистан и Китай подписали пакет соглашений\n"
    "ТАШКЕНТ. По итогам переговоров в Ташкенте стороны подписали 58 соглашений на сумму "
    "24 млрд долларов. Товарооборот Узбекистана и Китая в 2024 году составил 13,8 млрд "
    "долларов, сообщило министерство инвестиций.\n"
)
RUSSIAN_QUOTE = "Товарооборот Узбекистана и Китая в 2024 году составил 13,8 млрд долларов"
ENGLISH = (
    "Uzbekistan-China trade\n"
    "Uzbekistan's trade with China reached $13.8 billion in 2024, customs data showed. "
    "The sides signed new agreements in Tashkent.\n"
)
ENGLISH_QUOTE = "Uzbekistan's trade with China reached $13.8 billion in 2024"
PERIOD_2024 = {"start": date(2024, 1, 1), "end": date(2024, 12, 31), "label": "2024"}


def marked(word: str) -> str:
    return MARK_START + word + MARK_END


def turnover(quote: str, value: str, stated: str):
    """A stand-in extractor: the Uzbekistan–China 2024 turnover stated by ``quote``."""
    fields = {"reporter": "UZB", "partner": "CHN", "period": PERIOD_2024, "measure": "value"}
    fields |= {"flow": "turnover", "unit": "USD", "qualifier": "exact", "value": Decimal(value)}
    return lambda body: [fact_at(body, quote, "trade_flow", fields, stated_value=stated)]


pytestmark = pytest.mark.usefixtures("wide_console")


def load(engine, tmp_path, name, body, extract=None) -> str:
    report = ingest_paths(engine, [write_article(tmp_path, name, body)], extract=extract)
    assert report.outcomes[0].status == "loaded", report.outcomes[0].reason
    return report.outcomes[0].source_key


def run(url, *args, code=0):
    result = runner.invoke(app, ["--db", url.render_as_string(hide_password=False), *args])
    assert result.exit_code == code, result.output
    return result


# ------------------------------------------------------------------------------------ search


def test_a_lemma_finds_its_inflected_form_and_the_snippet_shows_the_original(
    reference_url, databases, tmp_path
):
    engine = databases.engine(reference_url)
    russian = load(engine, tmp_path, "ru.txt", RUSSIAN)
    english = load(engine, tmp_path, "en.txt", ENGLISH)
    [hit] = search(engine, "соглашение")  # the article says «соглашений» only
    assert hit.source_key == russian
    assert marked("соглашений") in hit.snippet
    assert hit.title == "Узбекистан и Китай подписали пакет соглашений"
    for inflected in ("соглашениями", "Узбекистана", '"подписать пакет"', "переговоры"):
        assert [h.source_key for h in search(engine, inflected)] == [russian], inflected
    assert search(engine, "соглашение -переговоры") == []
    assert [h.source_key for h in search(engine, "agreements")] == [english]  # English as before
    assert {h.source_key for h in search(engine, "Tashkent OR Ташкент")} == {russian, english}


def test_quotes_are_found_by_their_lemmas(reference_url, databases, tmp_path):
    engine = databases.engine(reference_url)
    extract = turnover(RUSSIAN_QUOTE, "13.8e9", "13,8 млрд долларов")
    russian = load(engine, tmp_path, "ru.txt", RUSSIAN, extract)
    [hit] = search(engine, "товарооборот Узбекистан", quotes=True)
    assert hit.source_key == russian and hit.fact.startswith("trade_flow ")
    assert marked("Узбекистана") in hit.snippet
    assert search(engine, "соглашение", quotes=True) == []  # not in the quote


def test_the_cli_search_finds_the_russian_article(reference_url, databases, tmp_path):
    russian = load(databases.engine(reference_url), tmp_path, "ru.txt", RUSSIAN)
    result = run(reference_url, "search", "соглашение")
    assert russian in result.output and "1 match(es)" in result.output
    assert "соглашений" in result.output


def test_the_sqlite_query_asks_the_word_as_written_and_its_lemma():
    assert fts5_query("соглашений") == '("соглашений" OR "соглашение")'
    assert fts5_query("соглашение") == '"соглашение"'
    assert fts5_query("Ташкент соглашений") == '"Ташкент" AND ("соглашений" OR "соглашение")'
    assert (
        fts5_query('"подписали пакет" -China')
        == '(("подписали пакет" OR "подписать пакет")) NOT "China"'
    )


def test_the_migration_detects_and_reindexes_stored_russian_articles(databases, empty_url):
    """A Russian article stored before languages were detected (as 'en', the old default) is
    Russian after 0016_russian_search, and found by its lemmas."""
    migrate.upgrade(empty_url, "0013_feeds")
    engine = databases.engine(empty_url)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO sources (key, title, body_text, content_sha256, load_method, "
                "loaded_by, language, loaded_at) VALUES ('old-ru', :title, :body, :sha, 'text', "
                "'article', 'en', CURRENT_TIMESTAMP)"
            ),
            {
                "title": RUSSIAN.split("\n")[0],
                "body": RUSSIAN,
                "sha": hashlib.sha256(RUSSIAN.encode()).hexdigest(),
            },
        )
    engine.dispose()
    migrate.upgrade(empty_url)
    engine = databases.engine(empty_url)
    with engine.connect() as connection:
        language, lemmas = connection.execute(
            text("SELECT language, search_text FROM sources WHERE key = 'old-ru'")
        ).one()
    assert language == "ru" and "58 соглашение" in lemmas
    [hit] = search(engine, "соглашение")
    assert hit.source_key == "old-ru" and marked("соглашений") in hit.snippet
    engine.dispose()
    migrate.downgrade(empty_url, "0013_feeds")  # and back: the English-only index
    engine = databases.engine(empty_url)
    assert [h.source_key for h in search(engine, "соглашений")] == ["old-ru"]
    assert search(engine, "соглашение") == []  # the inflected forms are no longer found


# ------------------------------------------------------------------------------------ review


def test_review_list_shows_the_russian_quote_intact(reference_url, databases, tmp_path):
    engine = databases.engine(reference_url)
    extract = turnover(RUSSIAN_QUOTE, "13.8e9", "13,8 млрд долларов")
    source = load(engine, tmp_path, "ru.txt", RUSSIAN, extract)
    table = run(reference_url, "review", "list").stdout
    assert "1 fact(s) waiting for review" in table
    assert RUSSIAN_QUOTE in table
    [fact] = json.loads(run(reference_url, "review", "list", "--json").stdout)
    assert fact["quote"] == RUSSIAN_QUOTE and fact["source"] == source
    assert fact["kind"] == "trade_flow" and fact["id"].startswith("trade_flow:")


# ------------------------------------------------------------------------- side by side


def consensus(engine) -> dict:
    with engine.connect() as connection:
        [group] = connection.execute(
            text(
                "SELECT source_count, lowest, highest, spread_percent FROM trade_flow_consensus "
                "WHERE reporter_iso3 = 'UZB' AND partner_iso3 = 'CHN' AND period_label = '2024' "
                "AND flow = 'turnover'"
            )
        ).all()
        disputed = connection.execute(
            text(
                "SELECT source_key, stated_value, value FROM disagreements "
                "WHERE subject LIKE 'Uzbekistan–China turnover, 2024%' ORDER BY value"
            )
        ).all()
    return {"group": tuple(group), "disagreements": [tuple(row) for row in disputed]}


@pytest.mark.parametrize("english_value", ["13.8e9", "14.1e9"])
def test_a_russian_and_an_english_source_meet_in_the_views(
    reference_url, databases, tmp_path, english_value
):
    engine = databases.engine(reference_url)
    russian = load(
        engine, tmp_path, "ru.txt", RUSSIAN, turnover(RUSSIAN_QUOTE, "13.8e9", "13,8 млрд долларов")
    )
    stated = f"${Decimal(english_value) / Decimal('1e9'):.1f} billion"
    english_text = ENGLISH.replace("$13.8 billion", stated)
    english = load(
        engine,
        tmp_path,
        "en.txt",
        english_text,
        turnover(ENGLISH_QUOTE.replace("$13.8 billion", stated), english_value, stated),
    )
    for source in (russian, english):
        run(reference_url, "review", "accept", "--all", "--source", source)
    found = consensus(engine)
    count, lowest, highest, spread = found["group"]
    assert (count, float(lowest)) == (2, 13.8e9)
    if english_value == "13.8e9":  # the same figure: the two sources agree
        assert (float(highest), float(spread)) == (13.8e9, 0.0)
        assert found["disagreements"] == []
    else:
        assert float(highest) == 14.1e9 and float(spread) > 0
        assert [(key, value) for key, value, _ in found["disagreements"]] == [
            (russian, "13,8 млрд долларов"),
            (english, "$14.1 billion"),
        ]


def test_refilling_the_index_keeps_the_lemmas(reference_url, databases, tmp_path):
    """fulltext.refill_statements, not FTS5's 'rebuild', re-indexes (PostgreSQL: nothing to do)."""
    from silkledger.models.fulltext import refill_statements

    engine = databases.engine(reference_url)
    russian = load(engine, tmp_path, "ru.txt", RUSSIAN)
    statements = refill_statements(engine.dialect.name)
    assert bool(statements) == (engine.dialect.name == "sqlite")
    with engine.begin() as connection:
        for statement in statements:
            connection.exec_driver_sql(statement)
    assert [hit.source_key for hit in search(engine, "соглашение")] == [russian]
    if engine.dialect.name == "sqlite":  # what 'rebuild' would do instead: the lemmas lost
        with engine.begin() as connection:
            connection.exec_driver_sql("INSERT INTO sources_fts(sources_fts) VALUES ('rebuild')")
        assert search(engine, "соглашение") == []


# ------------------------------------------------------------- the real extractor, end to end

INBOX_ARTICLE = (
    "Токаев и Си Цзиньпин провели переговоры в Астане\n\n"
    "АСТАНА. 17 июня. КАЗИНФОРМ – Президент Казахстана Касым-Жомарт Токаев во вторник провёл "
    "переговоры с Председателем КНР Си Цзиньпином.\n\n"
    "По итогам переговоров подписано 58 соглашений на сумму 24 млрд долларов. Товарооборот "
    "между Казахстаном и Китаем в 2024 году составил 43,82 млрд долларов.\n"
)


def test_a_russian_article_in_the_inbox_waits_for_review_with_russian_quotes(
    reference_url, databases, tmp_path
):
    """No stand-in: the extractor itself reads the Russian article (issue 20's done-when)."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "astana.txt").write_text(INBOX_ARTICLE, encoding="utf-8")
    run(reference_url, "ingest", str(inbox), "--published", "2025-06-18")
    engine = databases.engine(reference_url)
    with engine.connect() as connection:
        [(language,)] = connection.execute(
            text("SELECT language FROM sources WHERE loaded_by = 'article'")
        ).all()
        mentions = {
            row[0]
            for row in connection.execute(
                text(
                    "SELECT mention_text FROM mentions m JOIN sources s ON s.id = m.source_id "
                    "WHERE s.loaded_by = 'article'"
                )
            )
        }
    assert language == "ru"
    assert {"Казахстаном", "Китаем", "Си Цзиньпином", "Казахстана"} <= mentions
    facts = json.loads(run(reference_url, "review", "list", "--json").stdout)
    by_kind = {(f["kind"], f["quote"]) for f in facts}
    assert (
        "trade_flow",
        "Товарооборот между Казахстаном и Китаем в 2024 году составил 43,82 млрд долларов.",
    ) in by_kind
    assert any(kind == "agreement" and "58 соглашений" in quote for kind, quote in by_kind)
    assert any(kind == "event" for kind, _ in by_kind)


def test_a_russian_and_an_english_article_meet_through_the_real_extractor(
    reference_url, databases, tmp_path
):
    engine = databases.engine(reference_url)
    russian = load(engine, tmp_path, "ru.txt", RUSSIAN)
    english = load(engine, tmp_path, "en.txt", ENGLISH.replace("$13.8 billion", "$14.1 billion"))
    for source in (russian, english):
        run(reference_url, "review", "accept", "--all", "--source", source)
    found = consensus(engine)
    assert found["group"][0] == 2
    assert [key for key, *_ in found["disagreements"]] == [russian, english]
