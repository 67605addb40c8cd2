"""The article readers: plain text, front matter, HTML, encodings, and every bad input's message."""

from __future__ import annotations

import io
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from silkledger.loaders.articles import (
    ArticleError,
    ArticleInput,
    Metadata,
    PublishedDate,
    collect_inputs,
    normalise,
    read_article,
    text_sha256,
)

SEED_ARTICLES = Path(__file__).resolve().parents[1] / "seed" / "articles"

RUSSIAN = (
    "Товарооборот Казахстана и Китая\n"
    "Товарооборот между Казахстаном и Китаем в 2024 году достиг 43,8 млрд долларов, "
    "сообщила таможенная служба. Стороны подписали 24 соглашения.\n"
)

PARAGRAPHS = [
    "ASTANA – Kazakhstan and China signed 24 agreements worth $1.5 billion on Tuesday, "
    "officials of both governments said after talks in the capital.",
    "Trade between the two countries reached $43.8 billion in 2024, according to China's "
    "General Administration of Customs, up from the year before.",
    "The deals cover transport, energy and agriculture, and include a new railway crossing "
    "at Bakhty on the border with the Xinjiang Uygur Autonomous Region.",
]

HTML_PAGE = f"""<!doctype html>
<html><head><meta charset="utf-8">
<title>Kazakhstan and China sign 24 deals | The Steppe Herald</title>
<meta name="author" content="Aliya Nurpeisova">
<meta property="og:site_name" content="The Steppe Herald">
<meta property="article:published_time" content="2025-06-17T10:00:00Z">
<link rel="canonical" href="https://steppe-herald.example/2025/06/deals/">
<script>window.tracker = function () {{ return "SCRIPT-NOISE"; }};</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/business">NAV-BUSINESS</a></li></ul></nav>
<article><h1>Kazakhstan and China sign 24 deals</h1>
<p class="byline">By Aliya Nurpeisova</p>
{"".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)}
</article>
<footer>FOOTER-COPYRIGHT 2025</footer>
<script>tracker("SCRIPT-NOISE-2");</script>
</body></html>
"""


def write(tmp_path: Path, name: str, data: bytes | str) -> ArticleInput:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return ArticleInput(str(path), path)


def test_plain_text_seed_article_keeps_text_and_hash():
    path = SEED_ARTICLES / "003_f6314906d5230dff.txt"
    article = read_article(ArticleInput(str(path), path))
    raw = path.read_bytes()
    assert article.body_text == raw.decode("utf-8")
    assert article.sha256 == text_sha256(raw.decode("utf-8"))
    assert article.title == "THE DRAGON'S ‘SOFT POWER’"
    assert article.load_method == "text"
    assert article.published is None


def test_plain_text_headline_skips_leading_blank_line():
    path = SEED_ARTICLES / "001_6f6e2d4435784dae.txt"
    article = read_article(ArticleInput(str(path), path))
    first = next(line for line in path.read_text().splitlines() if line.strip())
    assert article.title == first.strip()
    assert article.body_text.startswith("\n")


def test_markdown_front_matter(tmp_path):
    text = (
        "---\ntitle: Rail freight doubles\nauthor: Dana Sultan\npublisher: Caspian Wire\n"
        "url: https://caspian.example/rail\npublished: 2025-04-02\nlanguage: en\n---\n"
        "# Rail freight doubles\n\nContainer trains between China and Uzbekistan doubled.\n"
    )
    article = read_article(write(tmp_path, "rail.md", text))
    assert article.load_method == "markdown"
    assert article.title == "Rail freight doubles"
    assert (article.author, article.publisher) == ("Dana Sultan", "Caspian Wire")
    assert article.url == "https://caspian.example/rail"
    assert article.published == PublishedDate(date(2025, 4, 2), "day")
    assert article.body_text == text.split("---\n", 2)[2]


def test_text_front_matter_with_partial_date_and_overrides(tmp_path):
    text = "---\npublished: 2024-11\npublisher: Wire\n---\nHeadline here\nBody.\n"
    plain = read_article(write(tmp_path, "a.txt", text))
    assert plain.load_method == "text"
    assert plain.title == "Headline here"
    assert plain.published == PublishedDate(date(2024, 11, 1), "month")
    overridden = read_article(
        write(tmp_path, "b.txt", text),
        Metadata(publisher="Other Wire", published=PublishedDate(date(2024, 11, 5), "day")),
    )
    assert overridden.publisher == "Other Wire"
    assert overridden.published == PublishedDate(date(2024, 11, 5), "day")
    assert overridden.sha256 == plain.sha256  # metadata never changes the text or its hash


def test_html_main_text_and_metadata(tmp_path):
    article = read_article(write(tmp_path, "page.html", HTML_PAGE))
    assert article.load_method == "html"
    assert article.title == "Kazakhstan and China sign 24 deals"
    assert article.author == "Aliya Nurpeisova"
    assert article.publisher == "The Steppe Herald"
    assert article.url == "https://steppe-herald.example/2025/06/deals/"
    assert article.published == PublishedDate(date(2025, 6, 17), "day")
    for paragraph in PARAGRAPHS:
        assert paragraph in article.body_text
    for noise in ("SCRIPT-NOISE", "NAV-BUSINESS", "FOOTER-COPYRIGHT", "<p>", "By Aliya"):
        assert noise not in article.body_text


def test_html_detected_by_content_without_extension(tmp_path):
    article = read_article(write(tmp_path, "saved-page", HTML_PAGE))
    assert article.load_method == "html"


def test_windows_1251_text(tmp_path):
    article = read_article(write(tmp_path, "ru.txt", RUSSIAN.encode("cp1251")))
    assert article.body_text == RUSSIAN
    assert article.title == "Товарооборот Казахстана и Китая"


def test_utf16_with_bom_and_crlf(tmp_path):
    text = "Headline\r\nKazakhstan–China trade: $43.8bn.\r\n"
    article = read_article(write(tmp_path, "u16.txt", codecs_utf16(text)))
    assert article.body_text == "Headline\nKazakhstan–China trade: $43.8bn.\n"
    assert "\ufeff" not in article.body_text


def codecs_utf16(text: str) -> bytes:
    return text.encode("utf-16")  # Python writes the byte-order mark first


def test_normalisation_is_nfc_and_newlines():
    decomposed = "Cafe\u0301\r\nline\rend"
    assert normalise(decomposed) == "Café\nline\nend"
    assert unicodedata.is_normalized("NFC", normalise(decomposed))


def test_stdin(tmp_path):
    inputs, problems = collect_inputs(["-"], stdin=io.BytesIO(b"From stdin\nBody text.\n"))
    assert problems == []
    article = read_article(inputs[0])
    assert (article.name, article.title) == ("<stdin>", "From stdin")
    assert article.key.startswith("stdin-")


def test_folder_recursive_with_glob(tmp_path):
    write(tmp_path, "in/a.txt", "A\nbody a\n")
    write(tmp_path, "in/deeper/b.md", "B\nbody b\n")
    write(tmp_path, "in/.hidden/c.txt", "C\nbody c\n")
    write(tmp_path, "in/notes.csv", "x,y\n")
    inputs, problems = collect_inputs([str(tmp_path / "in")])
    assert problems == []
    assert [Path(i.name).name for i in inputs] == ["a.txt", "b.md"]
    only_md, _ = collect_inputs([str(tmp_path / "in")], glob="*.md")
    assert [Path(i.name).name for i in only_md] == ["b.md"]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
        ("noise.txt", bytes(range(0x80, 0x100)) * 4, "undecodable text"),
        ("open.md", "---\ntitle: x\nbody never closed\n", "malformed front matter: the opening"),
        (
            "yaml.md",
            "---\ntitle: [unclosed\n---\nBody\n",
            "malformed front matter (line 3): expected",
        ),
        ("field.md", "---\ntitel: Typo\n---\nBody\n", "malformed front matter: titel: unknown"),
        ("list.md", "---\n- a\n- b\n---\nBody\n", "malformed front matter: not a mapping"),
        ("date.md", "---\npublished: someday\n---\nBody\n", "published: not a date"),
        (
            "scripts.html",
            "<html><head><script>var a = 1;</script></head><body><script>go()</script></body></html>",
            "HTML page has no main text",
        ),
    ],
)
def test_bad_input_names_file_and_reason(tmp_path, name, data, reason):
    source = write(tmp_path, name, data)
    with pytest.raises(ArticleError) as caught:
        read_article(source)
    message = str(caught.value)
    assert message.startswith(f"{source.name}: ")
    assert reason in message
    assert "\n" not in message


def test_size_limit(tmp_path):
    source = write(tmp_path, "big.txt", "Headline\n" + "word " * 400)
    with pytest.raises(ArticleError, match=r"big\.txt: 2009 bytes is over the size limit"):
        read_article(source, max_bytes=1000)
    assert read_article(source, max_bytes=5000).title == "Headline"
    with pytest.raises(ArticleError, match="over the size limit"):
        read_article(ArticleInput("<stdin>", None, io.BytesIO(b"x" * 1001)), max_bytes=1000)


def test_missing_path_and_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    write(tmp_path, "empty/readme.csv", "a,b\n")
    inputs, problems = collect_inputs([str(tmp_path / "nope.txt"), str(tmp_path / "empty")])
    assert inputs == []
    assert [str(problem) for problem in problems] == [
        f"{tmp_path / 'nope.txt'}: no such file or folder",
        f"{tmp_path / 'empty'}: folder has no article file (.htm, .html, .markdown, .md, .text, .txt, .xhtml)",
    ]
