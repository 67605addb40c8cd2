"""Full-text search: the index follows every write to sources and citations, on both engines."""

import hashlib

from silkledger.analyst.search import MARK_END, MARK_START, fts5_query, search
from silkledger.cli import app
from silkledger.db import session_scope
from silkledger.models import Source
from sqlalchemy import delete, select, update
from typer.testing import CliRunner

runner = CliRunner()
DRAGON = "003_f6314906d5230dff"


def marked(word: str) -> str:
    return MARK_START + word + MARK_END


def test_rare_earth_finds_the_article_that_states_it(seeded_engine):
    hits = search(seeded_engine, "rare earth")
    assert [hit.source_key for hit in hits] == [DRAGON]
    assert hits[0].title == "THE DRAGON'S ‘SOFT POWER’"
    assert marked("rare") in hits[0].snippet and marked("earth") in hits[0].snippet


def test_words_are_stemmed_and_phrases_kept(seeded_engine):
    assert [hit.source_key for hit in search(seeded_engine, "earths")] == [DRAGON]
    assert search(seeded_engine, '"earth rare"') == []


def test_quotes_search_names_the_fact(seeded_engine):
    hits = search(seeded_engine, '"rare earth" metals', quotes=True)
    assert "agreement ag-2025-06-kaz-chn-rare-earth-metals" in {hit.fact for hit in hits}
    assert all(hit.source_key == DRAGON for hit in hits)


def test_the_index_follows_insert_update_and_delete(seeded_engine):
    text = "Zhylyoi plant zirconolite deliveries start."
    with session_scope(seeded_engine) as session:
        session.add(
            Source(
                key="test-fts",
                title="Test",
                body_text=text,
                content_sha256=hashlib.sha256(text.encode()).hexdigest(),
                load_method="text",
                loaded_by="article",
            )
        )
    assert [hit.source_key for hit in search(seeded_engine, "zirconolite")] == ["test-fts"]
    with session_scope(seeded_engine) as session:
        session.execute(
            update(Source).where(Source.key == "test-fts").values(body_text="Now about perovskite.")
        )
    assert search(seeded_engine, "zirconolite") == []
    assert [hit.source_key for hit in search(seeded_engine, "perovskite")] == ["test-fts"]
    with session_scope(seeded_engine) as session:
        session.execute(delete(Source).where(Source.key == "test-fts"))
        assert session.execute(select(Source.id).where(Source.key == "test-fts")).first() is None
    assert search(seeded_engine, "perovskite") == []


def test_cli_prints_sources_with_snippets(seeded_url):
    result = runner.invoke(
        app, ["--db", seeded_url.render_as_string(hide_password=False), "search", "rare earth"]
    )
    assert result.exit_code == 0, result.output
    assert DRAGON in result.output
    assert "rare earth metal resources" in " ".join(result.output.split())
    assert "1 match(es)" in result.output


def test_a_query_without_words_is_one_line(seeded_url):
    result = runner.invoke(
        app, ["--db", seeded_url.render_as_string(hide_password=False), "search", '"" -']
    )
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0
    assert "nothing to search for" in result.output


def test_fts5_translation():
    assert fts5_query("rare earth") == '"rare" "earth"'
    assert fts5_query('"rare earth" OR uranium -gas') == '("rare earth" OR "uranium") NOT "gas"'
    assert fts5_query("U.S.-China") == '"U S China"'
