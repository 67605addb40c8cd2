"""Followed feeds against a real HTTP server on 127.0.0.1, on SQLite and PostgreSQL: RSS 2.0,
Atom and RDF; conditional requests; robots.txt; every feed fault with its one line and the
database unchanged for that item; kill -9 and a rerun; two runs at once; a feeds job of the
scheduler; and the issue's done-when scenario through the command line."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from email.utils import formatdate
from pathlib import Path

import feedparser
import pytest
from silkledger import cli as cli_module
from silkledger import migrate
from silkledger.cli import app
from silkledger.loaders.feeds import FAILING_AFTER, add_feed, list_feeds, run_feeds
from silkledger.loaders.fetch import fetch_urls
from silkledger.loaders.review import pending_facts
from silkledger.models import Citation, FeedItem, FetchedPage, Source
from silkledger.models.runs import ReportRun
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner
from web_helpers import CLI_FAST, FAST, LocalServer, Route, article_html, atom, rdf, rss, story

SILKLEDGER = str(Path(sys.executable).with_name("silkledger"))


@pytest.fixture
def server():
    local = LocalServer()
    yield local
    local.close()


def db_arg(url) -> str:
    return url.render_as_string(hide_password=False)


def cli(url, *args):
    return CliRunner().invoke(app, ["--db", db_arg(url), *args])


def publish(
    server: LocalServer, count: int, prefix: str = "/news", first: int = 1, **route
) -> list[str]:
    """``count`` article pages, each with its own story (numbered from ``first``); returns
    their URLs."""
    urls = []
    for number in range(first, first + count):
        path = f"{prefix}/{number}.html"
        server.page(path, article_html(f"Dispatch {number} from Khorgos", story(number)), **route)
        urls.append(server.url(path))
    return urls


def items(urls: list[str]) -> list[tuple[str, str]]:
    return [(f"Dispatch {n}", url) for n, url in enumerate(urls, start=1)]


def follow(engine, server: LocalServer, feed_path: str = "/feed.xml", name: str = "wire") -> str:
    return add_feed(engine, server.url(feed_path), name=name, allow_private=True)


def flat(result) -> str:
    """The command's stdout on one line (rich wraps long lines at the terminal's width)."""
    return " ".join(result.stdout.split())


def count(engine, table) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(table))


def item_rows(engine) -> dict[str, tuple[str, str | None]]:
    """link -> (status, error) of every feed item."""
    with Session(engine) as session:
        rows = session.execute(select(FeedItem.link, FeedItem.status, FeedItem.error)).all()
    return {link: (status, error) for link, status, error in rows}


def assert_each_page_loaded_once(engine, urls: list[str]) -> None:
    """One source and one page record per URL, each item loaded and pointing at its source."""
    with Session(engine) as session:
        pages = session.execute(select(FetchedPage.url, FetchedPage.source_id)).all()
        assert sorted(url for url, _ in pages) == sorted(urls)
        assert len({source for _, source in pages}) == len(urls)
        assert session.scalar(select(func.count()).select_from(Source)) == len(urls)
        shas = session.scalars(select(Source.content_sha256)).all()
        assert len(set(shas)) == len(urls)
        loaded = session.execute(select(FeedItem.link, FeedItem.status, FeedItem.source_id)).all()
        assert sorted(link for link, _, _ in loaded) == sorted(urls)
        assert {status for _, status, _ in loaded} == {"loaded"}
        assert dict((link, source) for link, _, source in loaded) == dict(pages)


# ------------------------------------------------------------------------------------ formats


@pytest.mark.parametrize("writer", [rss, atom, rdf], ids=["rss2", "atom", "rdf"])
def test_each_feed_format_loads_its_items_pages(reference_url, databases, server, writer):
    engine = databases.engine(reference_url)
    urls = publish(server, 3)
    body = writer(items(urls))
    assert feedparser.parse(body).version  # the feed is what it claims to be
    server.page("/feed.xml", body, "application/xml")
    follow(engine, server)
    report = run_feeds(engine, settings=FAST)
    (run,) = report.runs
    assert (run.status, run.new_items) == ("ok", 3)
    assert [o.status for o in run.outcomes] == ["loaded"] * 3
    assert_each_page_loaded_once(engine, urls)
    with Session(engine) as session:
        titles = sorted(session.scalars(select(Source.title)))
        assert titles == [f"Dispatch {n} from Khorgos" for n in (1, 2, 3)]
        feed_titles = sorted(session.scalars(select(FeedItem.title)))
        assert feed_titles == ["Dispatch 1", "Dispatch 2", "Dispatch 3"]
    (summary,) = list_feeds(engine)
    assert (summary.seen, summary.loaded, summary.failed) == (3, 3, 0)
    assert summary.last_status == "ok" and not summary.failing


def test_second_run_sends_conditional_headers_gets_304_and_loads_nothing(
    reference_url, databases, server
):
    engine = databases.engine(reference_url)
    urls = publish(server, 2)
    modified = formatdate(1_750_000_000, usegmt=True)
    server.routes["/feed.xml"] = Route(
        200,
        rss(items(urls)).encode(),
        {"Content-Type": "application/rss+xml", "Last-Modified": modified},
        etag='"feed-v1"',
    )
    follow(engine, server)
    first = run_feeds(engine, settings=FAST)
    assert [o.status for o in first.items.outcomes] == ["loaded", "loaded"]
    before = migrate.table_row_counts(engine)

    second = run_feeds(engine, settings=FAST)
    (run,) = second.runs
    assert (run.status, run.detail, run.outcomes) == ("not_modified", "not modified (304)", [])
    first_request, second_request = server.hits("/feed.xml")
    assert "If-None-Match" not in first_request.headers
    assert second_request.headers["If-None-Match"] == '"feed-v1"'
    assert second_request.headers["If-Modified-Since"] == modified
    for url in urls:  # no item fetched again
        assert len(server.hits(url.removeprefix(server.url("")))) == 1
    assert migrate.table_row_counts(engine) | {"feeds": 0} == before | {"feeds": 0}
    (summary,) = list_feeds(engine)
    assert summary.last_status == "not_modified" and summary.loaded == 2


def test_robots_txt_forbidding_a_path_skips_the_item_with_its_reason(
    reference_url, databases, server
):
    engine = databases.engine(reference_url)
    server.page("/robots.txt", "User-agent: *\nDisallow: /members/\n", "text/plain")
    open_urls = publish(server, 2)
    closed_urls = publish(server, 1, prefix="/members", first=3)
    server.page("/feed.xml", rss(items([open_urls[0], closed_urls[0], open_urls[1]])))
    follow(engine, server)
    report = run_feeds(engine, settings=FAST)
    assert [o.status for o in report.items.outcomes] == ["loaded", "failed", "loaded"]
    reason = f"forbidden by {server.url('')}/robots.txt"
    assert report.items.outcomes[1].reason == reason
    assert server.hits("/members/1.html") == []
    assert item_rows(engine)[closed_urls[0]] == ("failed", reason)
    assert count(engine, Source) == 2
    with Session(engine) as session:
        assert sorted(session.scalars(select(FetchedPage.url))) == sorted(open_urls)


# ------------------------------------------------------------------------------------- faults


def run_cli_feeds(url, *args):
    return cli(url, "feeds", "run", *args, *CLI_FAST)


def test_malformed_feed_one_line_and_nothing_written(reference_url, databases, server):
    engine = databases.engine(reference_url)
    body = b'{"items": [1, 2, 3]} <<< this is not XML at all'
    parsed = feedparser.parse(body)
    assert parsed.bozo and not parsed.entries  # truly not a feed, even for lenient feedparser
    server.page("/feed.xml", body, "application/rss+xml")
    follow(engine, server)
    before = migrate.table_row_counts(engine)
    result = run_cli_feeds(reference_url)
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("failed: ")]
    assert len(lines) == 1
    assert lines[0].startswith(f"failed: {server.url('/feed.xml')}: malformed feed: ")
    after = migrate.table_row_counts(engine)
    assert after | {"feeds": 0} == before | {"feeds": 0}  # no item, no source, no page
    (summary,) = list_feeds(engine)
    assert summary.last_status == "failed"
    assert summary.last_error.startswith("malformed feed: ")
    assert summary.failure_count == 1


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("", "empty feed: the server sent no content"),
        (rss([]), "empty feed: it lists no items"),
    ],
    ids=["no-content", "no-items"],
)
def test_empty_feed_one_line(reference_url, databases, server, body, reason):
    engine = databases.engine(reference_url)
    server.page("/feed.xml", body, "application/rss+xml")
    follow(engine, server)
    result = run_cli_feeds(reference_url)
    assert result.exit_code == 1
    assert f"failed: {server.url('/feed.xml')}: {reason}" in result.stderr.splitlines()
    assert count(engine, FeedItem) == 0 and count(engine, Source) == 0


def test_items_without_a_link_are_named_and_the_rest_load(reference_url, databases, server):
    engine = databases.engine(reference_url)
    (url,) = publish(server, 1)
    feed = rss([("Dispatch 1", url)]).replace(
        "</channel>",
        "<item><title>No link here</title><description>text</description></item>"
        '<item><guid isPermaLink="false">tag:wire,1</guid></item></channel>',
    )
    server.page("/feed.xml", feed, "application/rss+xml")
    follow(engine, server)
    result = run_cli_feeds(reference_url, "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    (run,) = summary["feeds"]
    feed_url = server.url("/feed.xml")
    assert run["problems"] == [
        f"{feed_url}: item 'No link here' has no link (skipped)",
        f"{feed_url}: item #3 has no link (skipped)",
    ]
    assert (run["new_items"], run["loaded"]) == (1, 1)
    assert list(item_rows(engine)) == [url]  # the items without a link are not stored
    assert count(engine, Source) == 1
    (listed,) = list_feeds(engine)
    assert listed.last_error == (
        f"2 item(s) not loaded; first: {feed_url}: item 'No link here' has no link (skipped)"
    )


def test_an_item_that_redirects_to_a_loaded_page_is_already_loaded(
    reference_url, databases, server
):
    engine = databases.engine(reference_url)
    (url,) = publish(server, 1)
    assert fetch_urls(engine, [url], FAST).outcomes[0].status == "loaded"
    server.page("/moved/1", "", status=301, headers={"Location": "/news/1.html"})
    server.page("/feed.xml", rss([("Moved", server.url("/moved/1"))]), "application/rss+xml")
    follow(engine, server)
    before = migrate.table_row_counts(engine)
    result = run_cli_feeds(reference_url)
    assert result.exit_code == 0, result.output
    assert (
        f"already loaded: {server.url('/moved/1')} (source " in result.stdout
        and f"its page {url} was loaded before)" in result.stdout.replace("\n", "")
    )
    after = migrate.table_row_counts(engine)
    assert after["sources"] == before["sources"] == 1  # not duplicated
    assert after["citations"] == before["citations"]
    with Session(engine) as session:
        source_id = session.scalar(select(Source.id))
        item = session.scalars(select(FeedItem)).one()
        assert (item.status, item.error, item.source_id) == ("already_loaded", None, source_id)
        # the redirecting URL is remembered: the next run does not fetch it at all
        assert (
            session.scalar(
                select(FetchedPage.source_id).where(FetchedPage.url == server.url("/moved/1"))
            )
            == source_id
        )


def test_a_feed_that_keeps_failing_is_marked_in_feeds_list(
    reference_url, databases, server, monkeypatch
):
    engine = databases.engine(reference_url)
    server.page("/feed.xml", "oops", "text/plain", status=500)
    follow(engine, server)
    for run in range(1, FAILING_AFTER + 1):
        result = run_cli_feeds(reference_url)
        assert result.exit_code == 1
        assert [line for line in result.stderr.splitlines() if line] == [
            f"failed: {server.url('/feed.xml')}: HTTP 500 Internal Server Error"
        ]
        (summary,) = list_feeds(engine)
        assert summary.failure_count == run
        assert summary.failing == (run >= FAILING_AFTER)
    listed = cli(reference_url, "feeds", "list", "--json")
    assert listed.exit_code == 0, listed.output
    (row,) = json.loads(listed.stdout)
    assert (row["failing"], row["failure_count"], row["last_status"]) == (True, 3, "failed")
    assert row["last_error"] == "HTTP 500 Internal Server Error"
    monkeypatch.setattr(cli_module.console, "_width", 200)  # the table on one line a feed
    table = cli(reference_url, "feeds", "list")
    assert "failing (3 runs)" in table.stdout
    # a run that works again clears the mark
    (url,) = publish(server, 1)
    server.page("/feed.xml", rss(items([url])), "application/rss+xml")
    assert run_cli_feeds(reference_url).exit_code == 0
    (summary,) = list_feeds(engine)
    assert (summary.failure_count, summary.failing, summary.loaded) == (0, False, 1)


def test_item_faults_404_500_429_each_one_line_database_unchanged_for_them(
    reference_url, databases, server
):
    engine = databases.engine(reference_url)
    good = publish(server, 2)
    server.page("/news/500.html", "oops", "text/plain", status=500)
    server.page(
        "/news/429.html", "slow down", "text/plain", status=429, headers={"Retry-After": "120"}
    )
    missing, broken, limited = (server.url(f"/news/{n}.html") for n in (404, 500, 429))
    links = [good[0], missing, broken, good[1], limited]
    server.page("/feed.xml", rss(items(links)), "application/rss+xml")
    follow(engine, server)
    result = run_cli_feeds(reference_url)
    assert result.exit_code == 1
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed: ")]
    reasons = {
        missing: "HTTP 404 Not Found",
        broken: "HTTP 500 Internal Server Error",
        limited: "HTTP 429 Too Many Requests (the server asks to retry after 120 s; try again later)",
    }
    assert failed == [f"failed: {url}: {reason}" for url, reason in reasons.items()]
    rows = item_rows(engine)
    for url, reason in reasons.items():
        assert rows[url] == ("failed", reason)
    assert rows[good[0]][0] == rows[good[1]][0] == "loaded"
    with Session(engine) as session:
        assert sorted(session.scalars(select(FetchedPage.url))) == sorted(good)
        assert session.scalar(select(func.count()).select_from(Source)) == 2
        attempts = dict(session.execute(select(FeedItem.link, FeedItem.attempt_count)).all())
    assert attempts[missing] == 1
    (summary,) = list_feeds(engine)
    assert (summary.seen, summary.loaded, summary.failed) == (5, 2, 3)
    assert summary.last_status == "ok"  # the feed itself answered
    assert summary.last_error == f"3 item(s) not loaded; first: {missing}: HTTP 404 Not Found"

    # the next run tries the failed items again; the one that now works loads
    server.page("/news/500.html", article_html("Fixed", story(50)))
    server.page("/news/429.html", article_html("Later", story(51)))
    again = run_feeds(engine, settings=FAST)
    assert [(o.name, o.status) for o in again.items.outcomes] == [
        (missing, "failed"),
        (broken, "loaded"),
        (limited, "loaded"),
    ]
    assert count(engine, Source) == 4


# ----------------------------------------------------------------------------- real processes


def feeds_run_command(url, *args) -> list[str]:
    return [
        SILKLEDGER,
        "--db",
        db_arg(url),
        "feeds",
        "run",
        "--allow-private",
        "--delay",
        "0",
        *args,
    ]


@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGINT], ids=["kill-9", "ctrl-c"])
def test_interrupted_mid_run_then_rerun_loads_each_item_once(
    reference_url, databases, server, stop
):
    engine = databases.engine(reference_url)
    total = 8
    fast = publish(server, 2)
    slow = publish(server, total - 2, prefix="/later", first=3, delay=1.0)
    urls = fast + slow
    server.page("/feed.xml", rss(items(urls)), "application/rss+xml")
    follow(engine, server)
    process = subprocess.Popen(
        feeds_run_command(reference_url, "--quiet"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while count(engine, Source) < 2 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(process.pid, stop)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode != 0
    assert b"Traceback" not in stderr  # Ctrl-C: a clean stop
    loaded_before = count(engine, Source)
    assert 2 <= loaded_before < total, "the run must be interrupted in the middle"
    statuses = [status for status, _ in item_rows(engine).values()]
    assert statuses.count("pending") == total - loaded_before
    for route in server.routes.values():
        route.delay = 0.0
    rerun = subprocess.run(
        feeds_run_command(reference_url, "--json"), capture_output=True, text=True
    )
    assert rerun.returncode == 0, rerun.stderr
    summary = json.loads(rerun.stdout)
    assert summary["loaded"] == total - loaded_before, summary
    assert summary["failed"] == 0
    assert_each_page_loaded_once(engine, urls)


def test_two_feed_runs_at_once_load_each_item_once(reference_url, databases, server):
    engine = databases.engine(reference_url)
    total = 8
    urls = publish(server, total, delay=0.15)
    server.page("/feed.xml", rss(items(urls)), "application/rss+xml")
    follow(engine, server)
    command = feeds_run_command(reference_url, "--json")
    runs = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    results = [run.communicate(timeout=300) for run in runs]
    for run, (_, stderr) in zip(runs, results, strict=True):
        assert run.returncode == 0, stderr
    summaries = [json.loads(stdout) for stdout, _ in results]
    assert sum(summary["loaded"] for summary in summaries) == total
    for summary in summaries:
        assert summary["failed"] == 0
    assert_each_page_loaded_once(engine, urls)
    assert count(engine, FeedItem) == total
    assert len(server.hits("/feed.xml")) == 2  # both runs read the feed


# ---------------------------------------------------------------------------------- scheduler


def test_a_feeds_job_runs_through_schedule_run_due(reference_url, databases, server, tmp_path):
    engine = databases.engine(reference_url)
    urls = publish(server, 2)
    server.page("/feed.xml", rss(items(urls)), "application/rss+xml")
    follow(engine, server)
    jobs = tmp_path / "reports.toml"
    jobs.write_text(
        '[[jobs]]\nname = "follow-outlets"\nkind = "feeds"\nschedule = "*/30 * * * *"\n'
        'feeds = ["wire"]\n',
        encoding="utf-8",
    )

    def run_due(now: str):
        return cli(reference_url, "schedule", "run-due", "--jobs", str(jobs), "--now", now)

    result = run_due("2025-06-02T06:10")
    assert result.exit_code == 0, result.output
    assert (
        "succeeded follow-outlets (feeds, due 2025-06-02 06:00 UTC): 1 feed(s): 2 article(s) "
        "loaded, 0 failed, 0 feed(s) failed"
    ) in flat(result)
    assert_each_page_loaded_once(engine, urls)
    with Session(engine) as session:
        run = session.scalars(select(ReportRun)).one()
        assert (run.job_name, run.status, run.error) == ("follow-outlets", "succeeded", None)
        assert run.due_at.replace(tzinfo=None).isoformat() == "2025-06-02T06:00:00"
    # the same slot is not run twice; the next slot runs again and finds nothing new
    not_yet = run_due("2025-06-02T06:20")
    assert not_yet.exit_code == 0, not_yet.output
    assert not_yet.stdout.startswith("no job due (1 in ")
    later = run_due("2025-06-02T06:40")
    assert later.exit_code == 0, later.output
    assert "(feeds, due 2025-06-02 06:30 UTC): 1 feed(s): 0 article(s) loaded" in flat(later)
    assert len(server.hits("/feed.xml")) == 2
    assert count(engine, Source) == 2
    with Session(engine) as session:
        statuses = session.execute(select(ReportRun.status).order_by(ReportRun.due_at)).all()
    assert [status for (status,) in statuses] == ["succeeded", "succeeded"]


# ------------------------------------------------------------------------------- done when

# Ten dispatches as the outlets write them: a dateline, and a China–Central Asia trade or deal
# sentence the extractor turns into a fact waiting for review.
DISPATCHES = [
    "ASTANA, 12 June 2025 – Trade between Kazakhstan and China reached $43.8 billion in 2024, "
    "officials said.",
    "TASHKENT, 13 June 2025 – Trade between Uzbekistan and China reached $13.7 billion in 2024, "
    "the statistics agency said.",
    "BISHKEK, 14 June 2025 – Trade between Kyrgyzstan and China reached $22.7 billion in 2024, "
    "customs data showed.",
    "DUSHANBE, 15 June 2025 – Trade between Tajikistan and China reached $3.9 billion in 2024, "
    "the ministry said.",
    "ASHGABAT, 16 June 2025 – Trade between Turkmenistan and China reached $10.6 billion in 2024, "
    "officials said.",
    "ASTANA, 17 June 2025 – Kazakhstan and China signed 30 agreements worth $24 billion in Astana.",
    "TASHKENT, 18 June 2025 – Uzbekistan and China signed agreements worth $5 billion in Tashkent.",
    "BISHKEK, 19 June 2025 – Kyrgyzstan's exports to China rose to $0.1 billion in 2024, "
    "the ministry said.",
    "ALMATY, 20 June 2025 – Kazakhstan's exports to China rose to $15.2 billion in 2024, "
    "customs data showed.",
    "DUSHANBE, 21 June 2025 – Tajikistan and China signed 12 agreements worth $1.5 billion in "
    "Dushanbe.",
]
FILLER = (
    "Officials said the figures reflected growing rail freight through the border crossings, "
    "where new warehouses and faster customs checks have shortened the wait for most "
    "containers to less than a day. Analysts cautioned that demand in Europe, where much of "
    "the freight is bound, would decide the figures for the second half of the year."
)


def dispatch_page(number: int, sentence: str) -> str:
    """A page with no date in its metadata: the dateline dates it."""
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Dispatch {number}</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>Central Asia dispatch {number}</h1><p>{sentence}</p>"
        f"<p>{FILLER}</p><p>Dispatch {number} ends here.</p></article></body></html>"
    )


def test_done_when_ten_pages_from_a_feed_then_a_conditional_rerun(reference_url, databases, server):
    engine = databases.engine(reference_url)
    urls = []
    for number, sentence in enumerate(DISPATCHES, start=1):
        server.page(f"/dispatch/{number}.html", dispatch_page(number, sentence))
        urls.append(server.url(f"/dispatch/{number}.html"))
    server.routes["/feed.xml"] = Route(
        200,
        rss(items(urls), title="Central Asia dispatches").encode(),
        {"Content-Type": "application/rss+xml", "Last-Modified": formatdate(usegmt=True)},
        etag='"ten"',
    )
    feed_url = server.url("/feed.xml")
    added = cli(reference_url, "feeds", "add", feed_url, "--allow-private")
    assert added.exit_code == 0, added.output
    assert added.stdout.strip() == f"following {feed_url} as 127.0.0.1-feed.xml"

    first = cli(reference_url, "feeds", "run", "--delay", "0", "--json")
    assert first.exit_code == 0, first.output
    summary = json.loads(first.stdout)
    assert (summary["loaded"], summary["failed"]) == (10, 0)
    assert_each_page_loaded_once(engine, urls)
    with Session(engine) as session:
        dates = dict(session.execute(select(Source.url, Source.published_date)).all())
        assert [str(dates[url]) for url in urls] == [f"2025-06-{d}" for d in range(12, 22)]
        facts = pending_facts(session, None, None, None)
        quoted = {fact.quote for fact in facts}
        cited = set(session.scalars(select(Citation.source_id)))
    assert len(cited) == 10  # every article has a fact waiting, with its quote
    for sentence in DISPATCHES:
        claim = sentence.split(" – ", 1)[1]
        assert any(claim in quote for quote in quoted), (claim, sorted(quoted))
    listed = cli(reference_url, "review", "list")
    assert listed.exit_code == 0, listed.output
    assert f"{len(facts)} fact(s) waiting for review" in listed.stdout

    second = cli(reference_url, "feeds", "run", "--delay", "0", "--json")
    assert second.exit_code == 0, second.output
    again = json.loads(second.stdout)
    assert (again["loaded"], again["feeds"][0]["status"]) == (0, "not_modified")
    conditional = server.hits("/feed.xml")[-1].headers
    assert conditional["If-None-Match"] == '"ten"'
    assert "If-Modified-Since" in conditional
    assert count(engine, Source) == 10
