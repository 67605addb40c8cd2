"""An article's language: detected from the share of Cyrillic letters unless front matter or
--language states it, stored in sources.language (both engines), with Russian dates read."""

from __future__ import annotations

from datetime import date

import pytest
from ingest_helpers import ingest_paths, write_article
from silkledger.cli import app
from silkledger.loaders.articles import Metadata, parse_article, parse_published
from silkledger.loaders.language import detect_language, index_text
from silkledger.models import Source
from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

RUSSIAN = (
    "Товарооборот Казахстана и Китая вырос\n"
    "АСТАНА. Товарооборот между Казахстаном и Китаем по итогам 2024 года составил 43,8 млрд "
    "долларов, сообщили в министерстве торговли. Стороны подписали 58 соглашений.\n"
)
ENGLISH = (
    "Kazakhstan-China trade grows\n"
    "Kazakhstan's trade with China reached $43.8 billion in 2024, the trade ministry said.\n"
)
# Russian, with the Latin names Russian outlets keep as they are
RUSSIAN_WITH_LATIN = (
    "CNPC и Huawei в Астане\n"
    "Компании CNPC, Huawei и PowerChina подписали с Kazakh Invest соглашения в рамках "
    "инициативы Belt and Road, сообщает Kazinform.\n"
)
# English, quoting a Russian phrase
ENGLISH_QUOTING_RUSSIAN = (
    "Tokayev on the corridor\n"
    "President Tokayev called the Middle Corridor «стратегический маршрут» in his speech to the "
    "Foreign Investors' Council in Astana on Tuesday, promising faster customs clearance.\n"
)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (RUSSIAN, "ru"),
        (ENGLISH, "en"),
        (RUSSIAN_WITH_LATIN, "ru"),
        (ENGLISH_QUOTING_RUSSIAN, "en"),
        ("2024: 43.8", "en"),  # no letters at all: the default
    ],
)
def test_detected_from_the_share_of_cyrillic_letters(text, language):
    assert detect_language(text) == language
    assert parse_article("a.txt", text.encode()).language == language


def test_front_matter_wins_over_the_text_and_language_option_over_both():
    marked = f"---\nlanguage: en\n---\n{RUSSIAN}".encode()
    assert parse_article("a.md", marked).language == "en"
    assert parse_article("a.md", marked, Metadata(language="ru")).language == "ru"
    assert parse_article("a.txt", RUSSIAN.encode(), Metadata(language="kk")).language == "kk"


def test_a_russian_date_in_front_matter_is_read():
    text = f"---\npublished: 17 июня 2025 года\n---\n{RUSSIAN}".encode()
    article = parse_article("a.md", text)
    assert (article.published.value, article.published.precision) == (date(2025, 6, 17), "day")
    month = parse_article("a.md", f"---\npublished: март 2025\n---\n{RUSSIAN}".encode())
    assert (month.published.value, month.published.precision) == (date(2025, 3, 1), "month")


def test_a_numeric_date_is_day_first_in_a_russian_article():
    assert parse_published("x", "05.06.2025", "ru").value == date(2025, 6, 5)
    assert parse_published("x", "05.06.2025", "en").value == date(2025, 5, 6)
    assert parse_published("x", "5 марта 2025 г.").value == date(2025, 3, 5)


def test_index_text_keeps_the_words_one_for_one():
    lemmas = index_text(RUSSIAN, "ru")
    assert "58 соглашение" in lemmas and "казахстан и китай" in lemmas
    assert len(lemmas.split()) == len(RUSSIAN.split())
    assert index_text(ENGLISH, "en") is None


# ------------------------------------------------------------------------ stored (both engines)


def stored(engine) -> dict[str, tuple]:
    with Session(engine) as session:
        rows = session.execute(
            select(Source.file_name, Source.language, Source.search_text, Source.search_title)
        ).all()
    return {
        name.rsplit("/", 1)[-1]: (language, text, title) for name, language, text, title in rows
    }


def test_the_language_is_stored_with_the_lemmas_of_russian_articles(
    reference_url, databases, tmp_path
):
    engine = databases.engine(reference_url)
    paths = [
        write_article(tmp_path, "ru.txt", RUSSIAN),
        write_article(tmp_path, "en.txt", ENGLISH),
        write_article(tmp_path, "marked.md", f"---\nlanguage: en\n---\n{RUSSIAN_WITH_LATIN}"),
    ]
    report = ingest_paths(engine, paths)
    assert [o.status for o in report.outcomes] == ["loaded"] * 3
    found = stored(engine)
    language, search_text, search_title = found["ru.txt"]
    assert language == "ru"
    assert "подписать 58 соглашение" in search_text
    assert search_title == "товарооборот казахстан и китай вырасти"
    assert found["en.txt"] == ("en", None, None)
    assert found["marked.md"] == ("en", None, None)  # front matter wins, and nothing lemmatised


def test_language_option_wins_on_the_command_line(reference_url, databases, tmp_path):
    path = write_article(tmp_path, "ru.txt", RUSSIAN)
    url = reference_url.render_as_string(hide_password=False)
    result = CliRunner().invoke(app, ["--db", url, "ingest", str(path), "--language", "en"])
    assert result.exit_code == 0, result.output
    assert stored(databases.engine(reference_url))["ru.txt"] == ("en", None, None)
    bad = CliRunner().invoke(app, ["--db", url, "ingest", str(path), "--language", "Russian"])
    assert bad.exit_code == 1
    assert "--language: not an ISO 639-1 code like ru or en: 'Russian'" in bad.output
    assert "Traceback" not in bad.output


def test_a_fetched_page_is_detected_and_language_option_wins(reference_url, databases):
    from web_helpers import CLI_FAST, LocalServer, article_html

    server = LocalServer()
    try:
        server.page("/ru.html", article_html("Товарооборот вырос", RUSSIAN.split("\n", 1)[1]))
        server.page("/en.html", article_html("Trade grows", ENGLISH.split("\n", 1)[1]))
        url = reference_url.render_as_string(hide_password=False)
        for page, extra in (("/ru.html", []), ("/en.html", ["--language", "ru"])):
            result = CliRunner().invoke(
                app, ["--db", url, "fetch", server.url(page), *extra, *CLI_FAST]
            )
            assert result.exit_code == 0, result.output
    finally:
        server.close()
    with Session(databases.engine(reference_url)) as session:
        languages = dict(session.execute(select(Source.title, Source.language)).all())
    assert languages == {"Товарооборот вырос": "ru", "Trade grows": "ru"}
    with Session(databases.engine(reference_url)) as session:
        english = session.scalars(select(Source).where(Source.title == "Trade grows")).one()
        assert english.search_text is None  # an English text with no Russian word to lemmatise
