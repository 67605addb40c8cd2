"""silkledger fetch against a real HTTP server on 127.0.0.1, on SQLite and PostgreSQL: a page
with byline and date, URLs loaded once, canonical URLs, robots.txt, private addresses refused,
and every fault with its one line and the database unchanged for that URL."""

from __future__ import annotations

import json
import socket

import pytest
from silkledger import migrate
from silkledger.cli import app
from silkledger.loaders.fetch import Fetcher, FetchError, FetchSettings, fetch_urls
from silkledger.models import Citation, FetchedPage, Source, TradeFlow
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner
from web_helpers import CLI_FAST, FAST, LocalServer, Route, article_html, story


@pytest.fixture
def server():
    local = LocalServer()
    yield local
    local.close()


def cli(url, *args):
    return CliRunner().invoke(app, ["--db", url.render_as_string(hide_password=False), *args])


def test_fetch_a_page_with_byline_and_date(reference_url, databases, server):
    engine = databases.engine(reference_url)
    html = article_html("Kazakhstan and China: trade keeps growing", story(1))
    server.page("/news/trade.html", html)
    url = server.url("/news/trade.html")
    result = cli(reference_url, "fetch", url, "--json", *CLI_FAST)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert (summary["loaded"], summary["failed"]) == (1, 0)
    assert summary["facts_per_kind"]["trade_flow"] == 1
    with Session(engine) as session:
        source = session.scalars(select(Source)).one()
        assert source.title == "Kazakhstan and China: trade keeps growing"
        assert source.author == "Aigerim Sadykova"
        assert source.publisher == "Caspian Wire"
        assert str(source.published_date) == "2025-06-17"
        assert source.url == url
        assert source.load_method == "html"
        page = session.scalars(select(FetchedPage)).one()
        assert (page.url, page.final_url, page.canonical_url) == (url, url, url)
        assert page.source_id == source.id and page.http_status == 200
        assert page.raw_bytes == html.encode("utf-8")
        flow = session.scalars(select(TradeFlow)).one()
        assert flow.review_status == "extracted"
        quote = session.scalar(select(Citation.quote).where(Citation.source_id == source.id))
        assert quote.startswith("Trade between Kazakhstan and China reached $43.8 billion")
    user_agent = server.hits("/news/trade.html")[0].headers["User-Agent"]
    assert user_agent.startswith("silkledger/")

    again = cli(reference_url, "fetch", url, *CLI_FAST)
    assert again.exit_code == 0, again.output
    assert f"already loaded: {url}" in again.stdout
    assert len(server.hits("/news/trade.html")) == 1  # not fetched again

    refreshed = cli(reference_url, "fetch", url, "--refresh", "--json", *CLI_FAST)
    assert json.loads(refreshed.stdout)["already_loaded"] == 1  # same text: loaded once
    assert len(server.hits("/news/trade.html")) == 2
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(Source)) == 1


def test_htmldate_dates_a_page_without_date_metadata(reference_url, databases, server):
    engine = databases.engine(reference_url)
    html = f"""<html><head><title>Freight at Khorgos</title></head><body>
    <article><h1>Freight at Khorgos</h1><p class="date">Published 3 March 2025</p>
    {"".join(f"<p>{line}</p>" for line in story(2).splitlines())}</article></body></html>"""
    server.page("/2025/03/03/freight.html", html)
    report = fetch_urls(engine, [server.url("/2025/03/03/freight.html")], FAST)
    assert report.outcomes[0].status == "loaded", report.outcomes[0].reason
    with Session(engine) as session:
        assert str(session.scalar(select(Source.published_date))) == "2025-03-03"


def test_canonical_url_and_a_redirect_to_a_loaded_page(reference_url, databases, server):
    engine = databases.engine(reference_url)
    html = article_html("Rail freight", story(3)).replace(
        "<title>", f'<link rel="canonical" href="{server.url("/canon.html")}"><title>'
    )
    server.page("/story.html?utm_source=feed", html)
    server.page("/old-link", "", status=301, headers={"Location": "/story.html?utm_source=feed"})
    report = fetch_urls(engine, [server.url("/story.html?utm_source=feed")], FAST)
    assert report.outcomes[0].status == "loaded"
    with Session(engine) as session:
        page = session.scalars(select(FetchedPage)).one()
        assert page.canonical_url == server.url("/canon.html")
        assert session.scalar(select(Source.url)) == server.url("/canon.html")
    # the canonical URL itself is known: no request at all
    again = fetch_urls(engine, [server.url("/canon.html"), server.url("/old-link")], FAST)
    assert [o.status for o in again.outcomes] == ["already_loaded", "already_loaded"]
    assert again.outcomes[1].reason == f"its page {server.url('/canon.html')} was loaded before"
    assert server.hits("/canon.html") == []
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(Source)) == 1
        urls = set(session.scalars(select(FetchedPage.url)))
        assert server.url("/old-link") in urls  # remembered: not fetched again next time


def test_robots_txt_forbids_a_path(reference_url, databases, server):
    engine = databases.engine(reference_url)
    server.page("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    server.page("/private/memo.html", article_html("Memo", story(4)))
    server.page("/public/story.html", article_html("Story", story(5)))
    report = fetch_urls(
        engine, [server.url("/private/memo.html"), server.url("/public/story.html")], FAST
    )
    assert [o.status for o in report.outcomes] == ["failed", "loaded"]
    assert report.outcomes[0].reason == f"forbidden by {server.url('')}/robots.txt"
    assert server.hits("/private/memo.html") == []
    assert len(server.hits("/robots.txt")) == 1  # read once per host and run


def test_private_addresses_are_refused_without_allow_private(reference_url, databases, server):
    engine = databases.engine(reference_url)
    server.page("/a.html", article_html("A", story(6)))
    result = cli(reference_url, "fetch", server.url("/a.html"), "--delay", "0")
    assert result.exit_code == 1
    assert (
        f"failed: {server.url('/a.html')}: refused: 127.0.0.1 is at 127.0.0.1, a loopback or "
        "private address (pass --allow-private to fetch from it)"
    ) in result.stderr
    assert server.requests == []
    assert migrate.table_row_counts(engine)["sources"] == 0


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_every_fault_gives_one_line_and_the_rest_go_on(reference_url, databases, server):
    engine = databases.engine(reference_url)
    server.page("/good.html", article_html("Good", story(7)))
    server.page("/slow.html", article_html("Slow", story(8)), delay=1.5)
    server.page("/gone.html", "gone", "text/plain", status=410)
    server.page("/error.html", "oops", "text/plain", status=500)
    server.page("/loop-a", "", status=302, headers={"Location": "/loop-b"})
    server.page("/loop-b", "", status=302, headers={"Location": "/loop-a"})
    for hop in range(7):
        server.page(f"/hop{hop}", "", status=302, headers={"Location": f"/hop{hop + 1}"})
    server.page("/report.pdf", b"%PDF-1.4 binary", "application/pdf")
    server.page("/photo.jpg", b"\xff\xd8\xff\xe0 jpeg", "image/jpeg")
    server.page("/huge.html", article_html("Huge", story(9) * 200))
    server.page(
        "/empty-shell.html",
        "<html><head><title>App</title><script>var app = 1;</script></head>"
        '<body><div id="app"></div><script>render(app)</script></body></html>',
    )
    refused = f"http://127.0.0.1:{closed_port()}/news.html"
    faults = {
        "http://news.example.invalid/story.html": (
            "cannot resolve host 'news.example.invalid' (DNS lookup failed)"
        ),
        refused: "cannot connect: connection refused",
        server.url("/slow.html"): "timed out waiting for the server (after 0.5 s)",
        server.url("/missing.html"): "HTTP 404 Not Found",
        server.url("/gone.html"): "HTTP 410 Gone",
        server.url("/error.html"): "HTTP 500 Internal Server Error",
        server.url("/loop-a"): (
            f"redirect loop: {server.url('/loop-b')} leads back to {server.url('/loop-a')}"
        ),
        server.url("/hop0"): "more than 5 redirects",
        server.url("/report.pdf"): "not an HTML page (Content-Type application/pdf)",
        server.url("/photo.jpg"): "not an HTML page (Content-Type image/jpeg)",
        server.url("/huge.html"): "is over the size limit of 20,000 bytes",
        server.url("/empty-shell.html"): (
            "HTML page has no main text (only scripts, navigation or markup)"
        ),
    }
    before = migrate.table_row_counts(engine)
    urls = [server.url("/good.html"), *faults]
    result = cli(reference_url, "fetch", *urls, "--max-size", "20000", *CLI_FAST)
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("failed: ")]
    assert len(lines) == len(faults)
    for line, (url, reason) in zip(lines, faults.items(), strict=True):
        assert line.startswith(f"failed: {url}: ")
        assert reason in line, line
    after = migrate.table_row_counts(engine)
    assert after["sources"] == before["sources"] + 1  # the good page only
    assert after["fetched_pages"] == 1
    with Session(engine) as session:
        assert session.scalar(select(FetchedPage.url)) == server.url("/good.html")


def test_retry_after_is_obeyed(reference_url, databases, server):
    engine = databases.engine(reference_url)
    # a short Retry-After is waited out once, then the page loads
    server.routes["/busy.html"] = Route(
        503,
        b"busy",
        {"Retry-After": "0", "Content-Type": "text/plain"},
        then=Route(200, article_html("Busy", story(10)).encode(), {"Content-Type": "text/html"}),
    )
    # a long one fails the URL, and the host is left alone for the rest of the run
    server.page(
        "/limited.html", "slow down", "text/plain", status=429, headers={"Retry-After": "120"}
    )
    server.page("/next.html", article_html("Next", story(11)))
    report = fetch_urls(
        engine,
        [server.url("/busy.html"), server.url("/limited.html"), server.url("/next.html")],
        FAST,
    )
    assert [o.status for o in report.outcomes] == ["loaded", "failed", "failed"]
    assert len(server.hits("/busy.html")) == 2
    assert report.outcomes[1].reason == (
        "HTTP 429 Too Many Requests (the server asks to retry after 120 s; try again later)"
    )
    assert report.outcomes[2].reason.startswith(f"not fetched: {server.url('')} asked to wait 12")
    assert server.hits("/next.html") == []
    assert migrate.table_row_counts(engine)["sources"] == 1


def test_politeness_spaces_requests_to_one_host(server):
    server.page("/a.html", "a")
    naps: list[float] = []
    now = [0.0]

    def clock() -> float:
        now[0] += 0.1  # each look at the clock: a tenth of a second of work
        return now[0]

    def sleep(seconds: float) -> None:
        naps.append(round(seconds, 3))
        now[0] += seconds

    settings = FetchSettings(delay=1.0, allow_private=True)
    with Fetcher(settings, sleep=sleep, clock=clock) as fetcher:
        fetcher.get(server.url("/a.html"))
        fetcher.get(server.url("/a.html"))
    # robots.txt, then the page (waits), then the page again (waits): about 1 s apart
    assert naps == [0.9, 0.9]


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/admin",
        "http://192.168.1.1/",
        "http://[::1]:8080/",
        "http://169.254.169.254/",
    ],
)
def test_private_and_link_local_addresses_are_refused_before_any_connection(url):
    with Fetcher(FetchSettings(delay=0)) as fetcher, pytest.raises(FetchError) as raised:
        fetcher.get(url)
    assert "a loopback or private address (pass --allow-private" in raised.value.reason
