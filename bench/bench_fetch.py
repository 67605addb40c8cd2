"""Benchmark of `silkledger feeds run` against a local web server, beside `ingest` of the same pages.

    .venv/bin/python bench/bench_fetch.py                 # 100 article pages, SQLite
    .venv/bin/python bench/bench_fetch.py --count 500 --engines sqlite,postgresql

It writes N synthetic news pages (HTML, the wording of bench/make_corpus.py) and an RSS 2.0 feed
listing them into a temporary folder, and serves that folder on 127.0.0.1 with the standard
library's threaded HTTP server (which also answers If-Modified-Since with 304). For each engine,
in a fresh database with the seed's reference data:

1. `feeds run` through the library (``run_feeds``) with the per-host politeness delay set to 0
   (the command line's ``--delay 0``) and private addresses allowed (the server is on loopback):
   the feed, robots.txt, then every page fetched, read by trafilatura, extracted and written,
   one transaction each. It prints the time per fetched article and articles per second.
2. a second `feeds run`: the conditional request and its 304 (nothing loaded).
3. the floor: the same page files loaded from disk by ``ingest`` into another fresh database,
   in the same run, and the ratio of the two times per article (what fetching costs on top).

The loader's start-up (gazetteer, extractor) is paid once by each and is not in the per-article
times. The machine is shared: the load average is printed beside.
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import sys
import tempfile
import threading
import time
from collections import Counter
from email.utils import formatdate
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_ingest import fresh_database
from make_corpus import OUTLETS, Writer
from silkledger import migrate
from silkledger.db import make_engine
from silkledger.loaders.articles import Metadata, collect_inputs
from silkledger.loaders.feeds import add_feed, run_feeds
from silkledger.loaders.fetch import FetchSettings
from silkledger.loaders.ingest import ArticleLoader, ingest
from silkledger.loaders.reference import load_reference_data

LOOPBACK = FetchSettings(delay=0.0, allow_private=True)


def write_site(folder: Path, count: int, seed: int = 7) -> list[str]:
    """``count`` article pages under news/ and feed.xml listing them; returns the page paths."""
    rng = random.Random(seed)
    (folder / "news").mkdir(parents=True)
    paths = []
    for number in range(count):
        writer = Writer(rng, number)
        headline, paragraphs = writer.article()
        published = f"{writer.year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        body = "".join(f"<p>{escape(paragraph)}</p>\n" for paragraph in paragraphs)
        page = (
            f"<!doctype html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>{escape(headline)}</title>"
            f'<meta property="og:site_name" content="{rng.choice(OUTLETS)}">'
            f'<meta property="article:published_time" content="{published}T08:00:00+00:00">'
            f'</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>'
            f"<article><h1>{escape(headline)}</h1>\n{body}</article>"
            "<footer>Outlet</footer></body></html>\n"
        )
        path = f"news/{number:05d}.html"
        (folder / path).write_text(page, encoding="utf-8")
        paths.append(path)
    return paths


def write_feed(folder: Path, base: str, paths: list[str]) -> None:
    items = "".join(
        f"<item><title>Article {number}</title><link>{base}/{path}</link>"
        f"<guid>{base}/{path}</guid><pubDate>{formatdate(0, usegmt=True)}</pubDate></item>"
        for number, path in enumerate(paths)
    )
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Bench wire</title><link>{base}/</link><description>bench</description>"
        f"{items}</channel></rss>"
    )
    (folder / "feed.xml").write_text(feed, encoding="utf-8")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *_args) -> None:
        pass


def serve(folder: Path) -> ThreadingHTTPServer:
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def reference_database(engine_name: str, folder: Path):
    url, drop = fresh_database(engine_name, folder)
    migrate.upgrade(url)
    engine = make_engine(url)
    load_reference_data(engine)
    return engine, drop


def fetch_run(engine_name: str, folder: Path, feed_url: str) -> dict:
    engine, drop = reference_database(engine_name, folder)
    try:
        add_feed(engine, feed_url, name="bench", allow_private=True)
        ArticleLoader(engine).close()  # warm the imports and caches both runs build once
        started = time.perf_counter()
        first = run_feeds(engine, settings=LOOPBACK)
        elapsed = time.perf_counter() - started
        started = time.perf_counter()
        second = run_feeds(engine, settings=LOOPBACK)
        conditional = time.perf_counter() - started
    finally:
        engine.dispose()
        drop()
    outcomes = first.items.outcomes
    per_article = [outcome.seconds for outcome in outcomes]
    return {
        "statuses": dict(Counter(outcome.status for outcome in outcomes)),
        "facts": first.items.facts_per_kind(),
        "elapsed_s": elapsed,
        "articles": len(outcomes),
        "article_ms": sum(per_article) / len(per_article) * 1000,
        "second_status": second.runs[0].status,
        "second_loaded": len(second.items.outcomes),
        "conditional_ms": conditional * 1000,
    }


def ingest_run(engine_name: str, folder: Path, site: Path) -> dict:
    engine, drop = reference_database(engine_name, folder)
    try:
        inputs, _ = collect_inputs([str(site / "news")])
        ArticleLoader(engine).close()
        started = time.perf_counter()
        report = ingest(engine, inputs, Metadata())
        elapsed = time.perf_counter() - started
    finally:
        engine.dispose()
        drop()
    per_article = [outcome.seconds for outcome in report.outcomes]
    return {
        "statuses": dict(Counter(outcome.status for outcome in report.outcomes)),
        "elapsed_s": elapsed,
        "articles": len(report.outcomes),
        "article_ms": sum(per_article) / len(per_article) * 1000,
    }


def report(engine_name: str, fetched: dict, floor: dict) -> None:
    print(f"\n{engine_name}: feeds run of {fetched['articles']:,} items {fetched['statuses']}")
    print(f"  facts extracted: {fetched['facts']}")
    print(
        f"  {fetched['article_ms']:.1f} ms per fetched article (fetch, read, extract, write): "
        f"{1000 / fetched['article_ms']:.1f} articles/s; the whole run {fetched['elapsed_s']:.2f} s "
        f"with the feed and the loader's start-up ({fetched['articles'] / fetched['elapsed_s']:.1f}"
        " articles/s)"
    )
    print(
        f"  second run: {fetched['second_status']}, {fetched['second_loaded']} item(s) tried, "
        f"{fetched['conditional_ms']:.1f} ms"
    )
    print(
        f"  floor, ingest of the same {floor['articles']:,} files {floor['statuses']}: "
        f"{floor['article_ms']:.1f} ms per article, {1000 / floor['article_ms']:.1f} articles/s; "
        f"the whole run {floor['elapsed_s']:.2f} s"
    )
    print(
        f"  ratio, fetched / from files: {fetched['article_ms'] / floor['article_ms']:.2f} per "
        f"article, {fetched['elapsed_s'] / floor['elapsed_s']:.2f} for the whole run"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100, help="Article pages in the feed.")
    parser.add_argument("--engines", default="sqlite", help="sqlite, postgresql or both.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="silkledger-bench-fetch-") as scratch:
        site = Path(scratch) / "site"
        paths = write_site(site, args.count)
        server = serve(site)
        base = f"http://127.0.0.1:{server.server_address[1]}"
        write_feed(site, base, paths)
        size = sum((site / path).stat().st_size for path in paths) / len(paths)
        print(f"site: {len(paths):,} pages, {size:,.0f} bytes each on average, at {base}/feed.xml")
        print(f"load average before the runs: {os.getloadavg()[0]:.1f} (2 cores)")
        try:
            for engine_name in args.engines.split(","):
                folder = Path(scratch) / engine_name
                (folder / "fetch").mkdir(parents=True)
                (folder / "ingest").mkdir()
                fetched = fetch_run(engine_name, folder / "fetch", f"{base}/feed.xml")
                floor = ingest_run(engine_name, folder / "ingest", site)
                report(engine_name, fetched, floor)
                print(f"  load average after: {os.getloadavg()[0]:.1f}")
        finally:
            server.shutdown()
            server.server_close()


if __name__ == "__main__":
    main()
