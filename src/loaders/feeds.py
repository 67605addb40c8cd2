"""Followed feeds: RSS 2.0, Atom and RDF (feedparser), each new item's link fetched and loaded.

A run of one feed:

1. GET the feed with If-None-Match / If-Modified-Since from its last response: an unchanged
   feed costs one 304;
2. parse it; every item with a link not yet in ``feed_items`` is added as ``pending``, in one
   transaction with the feed's new ETag and Last-Modified;
3. load every ``pending`` item, and every ``failed`` one tried fewer than ``MAX_ATTEMPTS``
   times, through ``PageLoader`` (the same politeness, address checks and loader as
   ``silkledger fetch``); an item's status is written in the transaction that loads its page.

So a run that was interrupted (Ctrl-C, kill -9) leaves its remaining items ``pending`` and the
next run loads them, whatever the feed answers. Two runs at once may fetch the same page, but
the page and its text are stored once (UNIQUE fetched_pages.url and sources.content_sha256),
and an item marked ``loaded`` stays so. A feed whose run fails ``FAILING_AFTER`` times in a
row is shown as failing by ``feeds list``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

from sqlalchemy import Connection, Engine, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from ..db import for_writing
from ..errors import SilkledgerError, first_line
from ..models import Feed, FeedItem
from .fetch import Fetcher, FetchError, FetchSettings, PageLoader, canonical, check_url
from .ingest import ArticleLoader, IngestReport, Outcome

MAX_ATTEMPTS = 3  # an item that failed this often is left alone (it stays in the list)
FAILING_AFTER = 3  # runs in a row that failed before `feeds list` calls a feed failing
FEED_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")
feeds_table, items_table = Feed.__table__, FeedItem.__table__


class FeedError(SilkledgerError):
    """A feed that cannot be added, found or removed; one line says which."""


def utcnow() -> datetime:
    return datetime.now(UTC)


# ------------------------------------------------------------------------- the list


@dataclass(frozen=True)
class FeedSummary:
    name: str
    url: str
    tag: str | None
    last_run_at: datetime | None
    last_status: str | None
    last_error: str | None
    failure_count: int
    seen: int
    loaded: int
    failed: int

    @property
    def failing(self) -> bool:
        return self.failure_count >= FAILING_AFTER

    def as_json(self) -> dict:
        return {**self.__dict__, "failing": self.failing}


def default_name(url: str) -> str:
    parts = urlsplit(url)
    raw = f"{parts.hostname or 'feed'}{parts.path}".rstrip("/")
    return re.sub(r"[^A-Za-z0-9._-]+", "-", raw).strip("-._")[:200] or "feed"


def add_feed(
    engine: Engine,
    url: str,
    name: str | None = None,
    tag: str | None = None,
    allow_private: bool = False,
) -> str:
    """Follow ``url`` under ``name`` (default: host and path); returns the name."""
    try:
        check_url(url)
    except FetchError as exc:
        raise FeedError(str(exc)) from None
    name = name or default_name(url)
    if not FEED_NAME.match(name):
        raise FeedError(f"feed name {name!r}: use letters, digits, '.', '_' and '-'")
    with for_writing(engine).begin() as connection:
        clash = connection.execute(
            select(Feed.name).where((Feed.name == name) | (Feed.url == url))
        ).scalar()
        if clash is not None:
            raise FeedError(f"{url}: already followed as feed {clash!r}")
        connection.execute(
            insert(feeds_table).values(
                name=name, url=url, tag=tag, is_private_allowed=allow_private, added_at=utcnow()
            )
        )
    return name


def remove_feed(engine: Engine, name: str) -> int:
    """Stop following a feed (by name or URL); its items go, the articles loaded stay."""
    with for_writing(engine).begin() as connection:
        feed_id = connection.execute(
            select(Feed.id).where((Feed.name == name) | (Feed.url == name))
        ).scalar()
        if feed_id is None:
            raise FeedError(f"no feed named {name!r} (see `silkledger feeds list`)")
        items = connection.execute(delete(items_table).where(items_table.c.feed_id == feed_id))
        connection.execute(delete(feeds_table).where(feeds_table.c.id == feed_id))
        return items.rowcount


def list_feeds(engine: Engine) -> list[FeedSummary]:
    counts = (
        select(
            items_table.c.feed_id,
            func.count().label("seen"),
            func.count().filter(items_table.c.status.in_(("loaded", "already_loaded"))).label("ok"),
            func.count().filter(items_table.c.status == "failed").label("bad"),
        )
        .group_by(items_table.c.feed_id)
        .subquery()
    )
    query = (
        select(feeds_table, counts.c.seen, counts.c.ok, counts.c.bad)
        .outerjoin(counts, counts.c.feed_id == feeds_table.c.id)
        .order_by(feeds_table.c.name)
    )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    return [
        FeedSummary(
            row.name,
            row.url,
            row.tag,
            row.last_run_at,
            row.last_status,
            row.last_error,
            row.failure_count,
            row.seen or 0,
            row.ok or 0,
            row.bad or 0,
        )
        for row in rows
    ]


# -------------------------------------------------------------------------- running


@dataclass
class FeedRun:
    """What one run did with one feed."""

    name: str
    url: str
    status: str  # ok, not_modified, failed
    detail: str = ""
    new_items: int = 0
    problems: list[str] = field(default_factory=list)  # one line each: items without a link ...
    outcomes: list[Outcome] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "name": self.name,
            "url": self.url,
            "status": self.status,
            "detail": self.detail,
            "new_items": self.new_items,
            "problems": self.problems,
            "loaded": sum(o.status == "loaded" for o in self.outcomes),
            "failed": sum(o.status == "failed" for o in self.outcomes),
        }


@dataclass
class FeedsReport:
    runs: list[FeedRun] = field(default_factory=list)

    @property
    def items(self) -> IngestReport:
        return IngestReport([o for run in self.runs for o in run.outcomes])

    @property
    def failed_feeds(self) -> list[FeedRun]:
        return [run for run in self.runs if run.status == "failed"]

    def as_json(self) -> dict:
        return {"feeds": [run.as_json() for run in self.runs], **self.items.as_json()}


def run_feeds(
    engine: Engine,
    names: Iterable[str] | None = None,
    settings: FetchSettings | None = None,
    progress: Callable[[Outcome], None] | None = None,
    on_items: Callable[[int], None] | None = None,
) -> FeedsReport:
    """Run the named feeds (default: all), in name order; see the module doc."""
    wanted = list(names or [])
    with engine.connect() as connection:
        feeds = connection.execute(select(feeds_table).order_by(feeds_table.c.name)).all()
    unknown = sorted(set(wanted) - {row.name for row in feeds})
    if unknown:
        raise FeedError(
            f"no feed named {', '.join(map(repr, unknown))} (see `silkledger feeds list`)"
        )
    selected = [row for row in feeds if not wanted or row.name in wanted]
    report = FeedsReport()
    with ArticleLoader(engine) as loader, Fetcher(settings) as fetcher:
        pages = PageLoader(engine, fetcher, loader)
        for feed in selected:
            runner = _FeedRunner(engine, fetcher, pages, feed, progress, on_items)
            report.runs.append(runner.run())
    return report


class _FeedRunner:
    def __init__(self, engine, fetcher: Fetcher, pages: PageLoader, feed, progress, on_items):
        self.engine, self.fetcher, self.pages, self.feed = engine, fetcher, pages, feed
        self.progress, self.on_items = progress, on_items
        self.allow_private = bool(feed.is_private_allowed) or fetcher.settings.allow_private

    def run(self) -> FeedRun:
        feed = self.feed
        run = FeedRun(feed.name, feed.url, "ok")
        try:
            response = self.fetcher.get(
                feed.url, self._conditional_headers(), allow_private=self.allow_private
            )
            if response.status == 304:
                run.status, run.detail = "not_modified", "not modified (304)"
            else:
                entries = self._parse(response)
                run.new_items = self._add_items(response, entries, run)
        except FetchError as exc:
            run.status, run.detail = "failed", exc.reason
        self._load_pending(run)
        self._finish(run)
        return run

    def _conditional_headers(self) -> dict[str, str]:
        headers = {}
        if self.feed.etag:
            headers["If-None-Match"] = self.feed.etag
        if self.feed.last_modified:
            headers["If-Modified-Since"] = self.feed.last_modified
        return headers

    def _parse(self, response) -> list:
        import feedparser

        url = self.feed.url
        if not response.content.strip():
            raise FetchError(url, "empty feed: the server sent no content")
        parsed = feedparser.parse(response.content)
        if not parsed.entries and (parsed.bozo or not parsed.version):
            reason = first_line(parsed.bozo_exception) if parsed.bozo else "no RSS, Atom or RDF"
            raise FetchError(url, f"malformed feed: {reason}")
        if not parsed.entries:
            raise FetchError(url, "empty feed: it lists no items")
        return parsed.entries

    def _add_items(self, response, entries: list, run: FeedRun) -> int:
        now, rows = utcnow(), {}
        for number, entry in enumerate(entries, start=1):
            link = entry.get("link")
            title = (entry.get("title") or "").strip() or None
            if not link:
                what = repr(title) if title else f"#{number}"
                run.problems.append(f"{self.feed.url}: item {what} has no link (skipped)")
                continue
            link = urljoin(response.final_url, link.strip())
            key = (entry.get("id") or link).strip()
            rows.setdefault(key, dict(link=link, title=title))
        with for_writing(self.engine).begin() as connection:
            known = set(
                connection.execute(
                    select(items_table.c.item_key).where(items_table.c.feed_id == self.feed.id)
                ).scalars()
            )
            added = 0
            for key, values in rows.items():
                if key not in known:
                    added += _insert_item(connection, self.feed.id, key, values, now)
            connection.execute(
                update(feeds_table)
                .where(feeds_table.c.id == self.feed.id)
                .values(
                    etag=response.headers.get("etag"),
                    last_modified=response.headers.get("last-modified"),
                )
            )
        return added

    def _load_pending(self, run: FeedRun) -> None:
        query = (
            select(items_table.c.id, items_table.c.link)
            .where(
                items_table.c.feed_id == self.feed.id,
                (items_table.c.status == "pending")
                | (
                    (items_table.c.status == "failed")
                    & (items_table.c.attempt_count < MAX_ATTEMPTS)
                ),
            )
            .order_by(items_table.c.id)
        )
        with self.engine.connect() as connection:
            pending = connection.execute(query).all()
        if pending and self.on_items:
            self.on_items(len(pending))
        for item_id, link in pending:
            outcome = self.pages.load_url(
                link,
                allow_private=self.allow_private,
                also_write=lambda connection, source_id, item_id=item_id: _mark_item(
                    connection, item_id, "loaded", None, source_id
                ),
            )
            self._record_item(item_id, outcome)
            run.outcomes.append(outcome)
            if self.progress:
                self.progress(outcome)

    def _record_item(self, item_id: int, outcome: Outcome) -> None:
        with for_writing(self.engine).begin() as connection:
            source_id = None
            if outcome.source_key:
                from ..models import Source

                source_id = connection.execute(
                    select(Source.id).where(Source.key == outcome.source_key)
                ).scalar()
            error = outcome.reason if outcome.status == "failed" else None
            _mark_item(connection, item_id, outcome.status, error, source_id)

    def _finish(self, run: FeedRun) -> None:
        failed_items = [o for o in run.outcomes if o.status == "failed"]
        values: dict = {"last_run_at": utcnow(), "last_status": run.status}
        if run.status == "failed":
            values["last_error"] = run.detail
            values["failure_count"] = feeds_table.c.failure_count + 1
        else:
            values["failure_count"] = 0
            lines = run.problems + [f"{o.name}: {o.reason}" for o in failed_items]
            values["last_error"] = (
                f"{len(lines)} item(s) not loaded; first: {lines[0]}" if lines else None
            )
        with for_writing(self.engine).begin() as connection:
            connection.execute(
                update(feeds_table).where(feeds_table.c.id == self.feed.id).values(values)
            )


def _insert_item(connection: Connection, feed_id: int, key: str, values: dict, now) -> int:
    """Add one item as pending; 0 when another run added it first."""
    try:
        with connection.begin_nested():
            connection.execute(
                insert(items_table).values(
                    feed_id=feed_id, item_key=key, first_seen_at=now, status="pending", **values
                )
            )
    except IntegrityError:
        return 0
    return 1


def _mark_item(
    connection: Connection, item_id: int, status: str, error: str | None, source_id: int | None
) -> None:
    """Record how loading an item went; an item another run (or this one) loaded stays loaded."""
    connection.execute(
        update(items_table)
        .where(items_table.c.id == item_id, items_table.c.status != "loaded")
        .values(
            status=status,
            error=error,
            source_id=source_id,
            attempt_count=items_table.c.attempt_count + 1,
            last_attempt_at=utcnow(),
        )
    )


__all__ = ["FeedError", "add_feed", "canonical", "list_feeds", "remove_feed", "run_feeds"]
