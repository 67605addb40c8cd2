"""silkledger ingest on SQLite and PostgreSQL: formats, duplicates, mentions, facts, bad inputs,
rollback of a failed article, and --reindex keeping reviewed facts."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from ingest_helpers import (
    SEED_ARTICLES,
    fact_at,
    ingest_paths,
    write_article,
)
from silkledger import migrate
from silkledger.cli import app
from silkledger.loaders import ingest as ingest_module
from silkledger.loaders.articles import Metadata, collect_inputs
from silkledger.loaders.ingest import ArticleLoader
from silkledger.loaders.seed_files import quote_positions
from silkledger.models import Citation, Mention, Project, Source, TradeFlow
from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session
from test_ingest_readers import HTML_PAGE
from typer.testing import CliRunner

TRADE_TEXT = (
    "Kazakhstan and China: trade keeps growing\n"
    "Trade between Kazakhstan and China reached $43.8 billion in 2024, officials in Astana said.\n"
    "Turkmenistan sold more gas to China than ever.\n"
)
TRADE_QUOTE = "Trade between Kazakhstan and China reached $43.8 billion in 2024"
TRADE_FIELDS = {
    "reporter": "KAZ",
    "partner": "CHN",
    "period": {"start": date(2024, 1, 1), "end": date(2024, 12, 31), "label": "2024"},
    "flow": "turnover",
    "measure": "value",
    "value": Decimal("43800000000"),
    "unit": "USD",
    "qualifier": "exact",
}


def trade_facts(body: str):
    if TRADE_QUOTE not in body:
        return []
    return [fact_at(body, TRADE_QUOTE, "trade_flow", TRADE_FIELDS, stated_value="$43.8 billion")]


def counts(engine) -> dict[str, int | None]:
    return migrate.table_row_counts(engine)


def test_seed_articles_are_already_loaded(seeded_engine):
    before = counts(seeded_engine)
    report = ingest_paths(seeded_engine, [SEED_ARTICLES])
    assert len(report.of("already_loaded")) == 5
    assert {o.source_key for o in report.outcomes} == {
        path.stem for path in SEED_ARTICLES.glob("*.txt")
    }
    assert counts(seeded_engine) == before


def test_three_formats_with_metadata_and_mentions(reference_url, databases, tmp_path):
    engine = databases.engine(reference_url)
    write_article(tmp_path, "in/plain.txt", TRADE_TEXT)
    write_article(
        tmp_path, "in/notes.md", "---\npublished: 2025-03\n---\n# Uzbekistan\nTashkent.\n"
    )
    write_article(tmp_path, "in/page.html", HTML_PAGE)
    report = ingest_paths(engine, [tmp_path / "in"])
    assert len(report.of("loaded")) == 3
    assert [o.name.rsplit("/", 1)[1] for o in report.undated] == ["plain.txt"]
    with Session(engine) as session:
        rows = {row.load_method: row for row in session.scalars(select(Source))}
        assert set(rows) == {"text", "markdown", "html"}
        assert (rows["markdown"].published_date, rows["markdown"].published_date_precision) == (
            date(2025, 3, 1),
            "month",
        )
        assert rows["html"].publisher == "The Steppe Herald"
        assert rows["html"].published_date == date(2025, 6, 17)
        assert rows["text"].published_date is None
        assert all(row.loaded_by == "article" for row in rows.values())
        for mention in session.scalars(select(Mention)):
            body = session.get(Source, mention.source_id).body_text
            assert body[mention.char_start : mention.char_end] == mention.mention_text
        named = session.execute(
            select(Mention.mention_text).where(Mention.source_id == rows["text"].id)
        ).scalars()
        assert {"Kazakhstan", "China", "Astana", "Turkmenistan"} <= set(named)


def test_exact_duplicate_changes_nothing(reference_url, databases, tmp_path):
    engine = databases.engine(reference_url)
    first = write_article(tmp_path, "a.txt", TRADE_TEXT)
    assert len(ingest_paths(engine, [first]).of("loaded")) == 1
    before = counts(engine)
    # the same text saved with Windows line ends and under another name: the same article
    crlf = write_article(tmp_path, "copy.txt", TRADE_TEXT.replace("\n", "\r\n"))
    report = ingest_paths(engine, [first, crlf])
    assert [o.status for o in report.outcomes] == ["already_loaded", "already_loaded"]
    assert counts(engine) == before


def test_the_run_writes_on_one_connection_and_gives_it_back(reference_url, databases, tmp_path):
    engine = databases.engine(reference_url)
    texts = {
        "1.txt": TRADE_TEXT,
        "2.txt": "Uzbekistan news\nTashkent hosts a forum on water.\n",
        "3.txt": "Kyrgyz rail\nBishkek reviews the railway plan with Beijing.\n",
    }
    paths = [write_article(tmp_path, name, body) for name, body in texts.items()]
    inputs, _ = collect_inputs([str(path) for path in paths])
    with ArticleLoader(engine) as loader:
        outcomes = [loader.load(source, Metadata(), 5 << 20) for source in inputs]
        assert engine.pool.checkedout() == 1  # the writer's, kept from one article to the next
    assert engine.pool.checkedout() == 0
    assert [o.status for o in outcomes] == ["loaded"] * 3
    with Session(engine) as session:
        names = session.scalars(select(Source.file_name).order_by(Source.id)).all()
    assert [name.rsplit("/", 1)[1] for name in names] == list(texts)


def test_postgresql_tables_are_analyzed_as_the_run_grows(
    reference_url, databases, tmp_path, monkeypatch
):
    """PostgreSQL: ANALYZE after 1, 2, 4 ... articles here (100, 200, 400 ... in a real run), so
    the summary triggers are planned for the tables as they are. SQLite is left alone."""
    monkeypatch.setattr(ingest_module, "FIRST_ANALYZE_AFTER", 1)
    engine = databases.engine(reference_url)
    ingest_paths(engine, [write_article(tmp_path, "a.txt", TRADE_TEXT)], extract=trade_facts)
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            reltuples = connection.scalar(
                text("SELECT reltuples FROM pg_class WHERE relname = 'trade_flows'")
            )
            assert reltuples == 1  # -1 until a table is first analyzed
        else:
            stat = "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"
            assert connection.scalar(text(stat)) == 0


def test_near_duplicate_is_linked_and_keeps_its_facts(reference_url, databases, tmp_path):
    engine = databases.engine(reference_url)
    original = TRADE_TEXT + "The two governments plan to raise trade further next year. " * 3
    edited = original.replace("officials in Astana said", "officials in Astana told reporters")
    unrelated = "Tajikistan builds roads\nA new road opened in the Pamir mountains this week.\n"
    paths = [
        write_article(tmp_path, "1-original.txt", original),
        write_article(tmp_path, "2-edited.txt", edited),
        write_article(tmp_path, "3-unrelated.txt", unrelated),
    ]
    report = ingest_paths(engine, paths, extract=trade_facts)
    original_key = report.outcomes[0].source_key
    assert [o.status for o in report.outcomes] == ["loaded"] * 3
    assert report.outcomes[1].near_duplicate_of == original_key
    assert 0.85 <= report.outcomes[1].similarity < 1
    assert report.outcomes[2].near_duplicate_of is None
    with Session(engine) as session:
        sources = {row.file_name.rsplit("/", 1)[1]: row for row in session.scalars(select(Source))}
        assert sources["2-edited.txt"].near_duplicate_of_source_id == sources["1-original.txt"].id
        # both quotes side by side: one extracted trade flow per article
        cited = session.execute(
            select(Citation.source_id, Citation.quote).where(Citation.trade_flow_id.is_not(None))
        ).all()
        assert sorted(source_id for source_id, _ in cited) == sorted(
            [sources["1-original.txt"].id, sources["2-edited.txt"].id]
        )


def test_extracted_fact_is_stored_for_review(reference_url, databases, tmp_path):
    engine = databases.engine(reference_url)
    path = write_article(tmp_path, "trade.txt", TRADE_TEXT)
    report = ingest_paths(engine, [path], extract=trade_facts)
    assert report.facts_per_kind()["trade_flow"] == 1
    with Session(engine) as session:
        flow = session.scalars(select(TradeFlow)).one()
        assert (flow.review_status, flow.loaded_by) == ("extracted", "article")
        assert flow.confidence == pytest.approx(0.8)
        assert (flow.extractor_name, flow.extractor_version) == ("silkledger-rules", "0.1.0")
        assert Decimal(str(flow.value)) == Decimal("43800000000")
        assert flow.value_usd is not None and Decimal(str(flow.value_usd)) == Decimal("43800000000")
        assert flow.period_label == "2024"
        citation = session.scalars(select(Citation)).one()
        body = session.get(Source, citation.source_id).body_text
        assert citation.quote == TRADE_QUOTE == body[citation.char_start : citation.char_end]
        assert citation.stated_value == "$43.8 billion"
        assert flow.key == f"{report.outcomes[0].source_key}.trade-flow-{citation.char_start}-1"


def test_invalid_fact_is_skipped_and_named(reference_url, databases, tmp_path):
    engine = databases.engine(reference_url)
    path = write_article(tmp_path, "trade.txt", TRADE_TEXT)

    def bad_facts(body):
        same = {**TRADE_FIELDS, "partner": "KAZ"}  # reporter and partner the same country
        unknown = {**TRADE_FIELDS, "reporter": "XYZ"}
        return [
            fact_at(body, TRADE_QUOTE, "trade_flow", same),
            fact_at(body, "Turkmenistan sold", "trade_flow", unknown),
        ]

    report = ingest_paths(engine, [path], extract=bad_facts)
    outcome = report.outcomes[0]
    assert outcome.status == "loaded"
    assert outcome.facts == {}
    assert "reporter and partner are the same country" in outcome.skipped_facts[0]
    assert "unknown country 'XYZ'" in outcome.skipped_facts[1]
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(TradeFlow)) == 0


def test_failed_write_leaves_nothing_and_the_run_goes_on(
    reference_url, databases, tmp_path, monkeypatch
):
    engine = databases.engine(reference_url)
    first = write_article(tmp_path, "1.txt", TRADE_TEXT)
    second = write_article(tmp_path, "2.txt", "Uzbekistan news\nTashkent hosts a forum.\n")
    original = ArticleLoader.write_facts

    def fail_for_trade(self, session, source_id, prepared):
        original(self, session, source_id, prepared)
        if prepared:  # after the source, its mentions and its fact were written
            raise_integrity(session)

    monkeypatch.setattr(ArticleLoader, "write_facts", fail_for_trade)
    report = ingest_paths(engine, [first, second], extract=trade_facts)
    assert [o.status for o in report.outcomes] == ["failed", "loaded"]
    assert report.outcomes[0].reason.startswith("not written, rolled back:")
    with Session(engine) as session:
        names = session.scalars(select(Source.file_name)).all()
        assert [name.rsplit("/", 1)[1] for name in names] == ["2.txt"]
        assert session.scalar(select(func.count()).select_from(TradeFlow)) == 0
        mentioned = session.scalars(select(Mention.source_id).distinct()).all()
        assert mentioned == [session.scalar(select(Source.id))]


def raise_integrity(session):
    # a second source with the same key: a real constraint violation inside the transaction
    session.execute(text("UPDATE sources SET near_duplicate_of_source_id = id"))


BAD_INPUTS = {
    "empty.txt": (b"", "empty file"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    "noise.txt": (bytes(range(0x80, 0x100)) * 4, "undecodable text"),
    "big.txt": (b"Headline\n" + b"word " * 300, "over the size limit"),
    "front.md": (b"---\ntitle: [oops\n---\nBody\n", "malformed front matter"),
    "scripts.html": (b"<html><body><script>x()</script></body></html>", "no main text"),
}


def test_bad_inputs_fail_with_their_reason_and_change_nothing(reference_url, databases, tmp_path):
    engine = databases.engine(reference_url)
    for name, (data, _) in BAD_INPUTS.items():
        write_article(tmp_path, f"bad/{name}", data)
    (tmp_path / "nothing-here").mkdir()
    before = counts(engine)
    report = ingest_paths(
        engine,
        [tmp_path / "bad", tmp_path / "missing.txt", tmp_path / "nothing-here"],
        max_bytes=1000,
    )
    reasons = {o.name.rsplit("/", 1)[-1]: o.reason for o in report.outcomes}
    assert all(o.status == "failed" for o in report.outcomes)
    for name, (_, reason) in BAD_INPUTS.items():
        assert reason in reasons[name], name
    assert reasons["missing.txt"] == "no such file or folder"
    assert reasons["nothing-here"].startswith("folder has no article file")
    assert counts(engine) == before


def test_turkmenistan_mentions_in_seed_article_003(reference_url, databases):
    engine = databases.engine(reference_url)
    article = SEED_ARTICLES / "003_f6314906d5230dff.txt"
    body = article.read_text()
    report = ingest_paths(engine, [article])
    assert report.outcomes[0].status == "loaded"
    spans = _turkmenistan_spans(engine)
    expected = [(i, i + len("Turkmenistan")) for i in quote_positions(body, "Turkmenistan")]
    assert [(start, end) for start, end, text_ in spans if text_ == "Turkmenistan"] == expected
    assert ("Turkmen",) in {(t,) for _, _, t in spans}  # the demonym counts too
    for start, end, mention_text in spans:
        assert body[start:end] == mention_text


def test_reindex_recomputes_the_mentions_of_seed_sources(seeded_engine):
    seeded = _turkmenistan_spans(seeded_engine)  # the seed loader recorded them
    assert [text for *_, text in seeded] == ["Turkmenistan", "Turkmen", "Turkmenistan"]
    with Session(seeded_engine) as session, session.begin():
        session.execute(delete(Mention))
    assert _turkmenistan_spans(seeded_engine) == []
    report = ArticleLoader(seeded_engine).reindex()
    assert len(report.of("loaded")) == 5 and report.facts_per_kind()["trade_flow"] == 0
    assert _turkmenistan_spans(seeded_engine) == seeded
    with Session(seeded_engine) as session:  # the seed's curated facts are untouched
        assert (
            session.scalar(
                select(func.count()).select_from(TradeFlow).where(TradeFlow.loaded_by != "seed")
            )
            == 0
        )


def _turkmenistan_spans(engine) -> list[tuple[int, int, str]]:
    """The analyst's question in SQL: where does article 003 mention Turkmenistan?"""
    query = text(
        "SELECT m.char_start, m.char_end, m.mention_text FROM mentions m "
        "JOIN sources s ON s.id = m.source_id JOIN countries c ON c.id = m.country_id "
        "WHERE c.iso3 = 'TKM' AND s.content_sha256 = :sha ORDER BY m.char_start"
    )
    import hashlib

    sha = hashlib.sha256((SEED_ARTICLES / "003_f6314906d5230dff.txt").read_bytes()).hexdigest()
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(query, {"sha": sha})]


def test_reindex_keeps_reviewed_facts_and_replaces_pending(reference_url, databases, tmp_path):
    engine = databases.engine(reference_url)
    path = write_article(tmp_path, "trade.txt", TRADE_TEXT)

    def two_facts(body):
        other = {**TRADE_FIELDS, "reporter": "TKM", "flow": "exports"}
        return [*trade_facts(body), fact_at(body, "Turkmenistan sold", "trade_flow", other)]

    ingest_paths(engine, [path], extract=two_facts)
    with Session(engine) as session, session.begin():
        accepted = session.scalars(select(TradeFlow).order_by(TradeFlow.id)).first()
        accepted.review_status = "accepted"
        accepted_key = accepted.key
    loader = ArticleLoader(engine)
    loader.extractor = __import__("ingest_helpers").StandInExtractor(two_facts)
    report = loader.reindex()
    assert report.facts_per_kind()["trade_flow"] == 1  # the accepted one is not made again
    with Session(engine) as session:
        rows = session.scalars(select(TradeFlow).order_by(TradeFlow.key)).all()
        assert sorted((r.key == accepted_key, r.review_status) for r in rows) == [
            (False, "extracted"),
            (True, "accepted"),
        ]
        assert session.scalar(select(func.count()).select_from(Citation)) == 2


PROJECT_TEXT = (
    "Plant deal signed\n"
    "TASHKENT, March 3, 2025 -- Uzbekistan and China agreed on Monday to build a glass plant "
    "in Navoi region costing $210 million, the ministry said.\n"
)


def test_reindex_replaces_a_pending_project_that_the_article_proposed(
    reference_url, databases, tmp_path
):
    """The project the first run proposed is deleted and proposed again: nothing the new run
    writes (its mentions, a link of the new fact) may point at the deleted row."""
    engine = databases.engine(reference_url)
    ingest_paths(engine, [write_article(tmp_path, "plant.txt", PROJECT_TEXT)])

    def pending_projects():
        with Session(engine) as session:
            rows = session.scalars(select(Project).where(Project.review_status == "extracted"))
            return [(row.key, row.value_amount) for row in rows]

    before = pending_projects()
    assert [value for _, value in before] == [Decimal(210) * 10**6]
    report = ArticleLoader(engine).reindex()
    assert report.of("failed") == [], [o.reason for o in report.of("failed")]
    assert pending_projects() == before  # the same project, proposed again under its key
    with Session(engine) as session:
        cited = session.scalar(
            select(func.count()).select_from(Citation).where(Citation.project_id.is_not(None))
        )
    assert cited == 1


def test_cli_json_summary_and_exit_code(reference_url, tmp_path):
    write_article(tmp_path, "in/ok.txt", TRADE_TEXT)
    write_article(tmp_path, "in/empty.txt", b"")
    url = reference_url.render_as_string(hide_password=False)
    result = CliRunner().invoke(app, ["--db", url, "ingest", str(tmp_path / "in"), "--json"])
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert (summary["loaded"], summary["failed"], summary["already_loaded"]) == (1, 1, 0)
    assert summary["undated"] == [str(tmp_path / "in" / "ok.txt")]
    failed = [a for a in summary["articles"] if a["status"] == "failed"]
    assert failed[0]["reason"] == "empty file"
    again = CliRunner().invoke(
        app, ["--db", url, "ingest", str(tmp_path / "in" / "ok.txt"), "--published", "2025-01-02"]
    )
    assert again.exit_code == 0
    assert "already loaded" in again.stdout


def test_seed_articles_with_the_real_extractor(reference_url, databases):
    """Reference data only, then the five seed articles: every extracted fact is stored for
    review with a quote that is exactly body_text[char_start:char_end]."""
    engine = databases.engine(reference_url)
    report = ingest_paths(engine, [SEED_ARTICLES])
    assert [o.status for o in report.outcomes] == ["loaded"] * 5
    assert [o.skipped_facts for o in report.outcomes] == [[]] * 5
    per_kind = report.facts_per_kind()
    assert per_kind["trade_flow"] > 0 and per_kind["agreement"] > 0 and per_kind["event"] > 0
    with Session(engine) as session:
        citations = session.execute(
            select(Citation.quote, Citation.char_start, Citation.char_end, Source.body_text).join(
                Source, Source.id == Citation.source_id
            )
        ).all()
        assert len(citations) >= sum(per_kind.values())
        for quote, start, end, body in citations:
            assert body[start:end] == quote
        flows = session.execute(
            select(TradeFlow.value, TradeFlow.review_status, TradeFlow.confidence, Source.key)
            .join(Citation, Citation.trade_flow_id == TradeFlow.id)
            .join(Source, Source.id == Citation.source_id)
        ).all()
        assert {(status, 0 <= confidence <= 1) for _, status, confidence, _ in flows} == {
            ("extracted", True)
        }
        # "racking up $30.05 billion in bilateral trade in 2024" (article 000)
        assert any(
            Decimal(str(value)) == Decimal("30050000000") and key.startswith("000_")
            for value, _, _, key in flows
        )


def test_project_fact_about_a_known_project_becomes_its_citation(seeded_engine, tmp_path):
    text_ = "Railway news\nWork on the CKU railway resumed in Kyrgyzstan this spring.\n"
    quote = "Work on the CKU railway resumed in Kyrgyzstan this spring"
    fields = {"name": "CKU railway", "kind": "railway", "key_hint": "prj-cku-railway"}
    path = write_article(tmp_path, "rail.txt", text_)
    with Session(seeded_engine) as session:
        projects_before = session.scalar(select(func.count()).select_from(Project))
    report = ingest_paths(
        seeded_engine, [path], extract=lambda body: [fact_at(body, quote, "project", fields)]
    )
    assert (report.outcomes[0].linked, report.outcomes[0].facts) == (1, {})
    with Session(seeded_engine) as session:
        assert session.scalar(select(func.count()).select_from(Project)) == projects_before
        cited = session.execute(
            select(Project.key, Citation.quote)
            .join(Citation, Citation.project_id == Project.id)
            .join(Source, Source.id == Citation.source_id)
            .where(Source.loaded_by == "article")
        ).all()
        assert cited == [("prj-cku-railway", quote)]


def test_stdin_through_the_cli(reference_url):
    url = reference_url.render_as_string(hide_password=False)
    result = CliRunner().invoke(
        app, ["--db", url, "ingest", "-", "--published", "2025-06", "--json"], input=TRADE_TEXT
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert (summary["loaded"], summary["undated"]) == (1, [])
    assert summary["articles"][0]["name"] == "<stdin>"
