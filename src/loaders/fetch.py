"""Articles from the web: fetch a page politely and hand it to the article loader.

``Fetcher.get`` makes one request the way every web request of silkledger is made:

- httpx, with a connect and a read timeout, a User-Agent naming silkledger and its version, and
  the body read as a stream, stopped at the size limit (a Content-Length over it is refused
  before the body is read);
- redirects followed here, at most ``max_redirects``, each hop checked like the first, so a
  redirect cannot lead past the checks below; a location seen before is a redirect loop;
- addresses in the loopback, private, link-local and reserved ranges refused unless
  ``allow_private`` (a feed must not point the fetcher at a team's internal services): the host
  is resolved first, and a name that does not resolve is reported as such;
- robots.txt honoured, read once per host and run (a 4xx answer allows everything, a 5xx one
  forbids everything, as RFC 9309 says);
- at most one request per ``delay`` seconds to each host (host and port: a server), and a
  ``Retry-After`` of a 429 or 503 obeyed: waited out once when it is short (``max_retry_wait``),
  otherwise the URL fails and the host is not asked again before that time in this run.

Every fault is a ``FetchError`` whose message is one line naming the URL.

``PageLoader.load_url`` fetches one page and loads it with the same ``ArticleLoader`` as
``ingest``: trafilatura reads the main text and metadata; htmldate dates the page when its
metadata has no date. The page's record in ``fetched_pages`` (URL as fetched, final URL,
canonical URL, raw bytes) is written in the article's own transaction, so a page is stored
whole or not at all, and a URL whose record exists (as fetched or in canonical form) is not
fetched again unless ``refresh``.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urldefrag, urljoin, urlsplit

import httpx
from sqlalchemy import Connection, Engine, insert, or_, select, update

from .. import __version__
from ..db import for_writing
from ..errors import SilkledgerError, first_line
from ..models import FetchedPage, Source
from .articles import DEFAULT_MAX_BYTES, ArticleError, decode, normalise, parse_published, read_html
from .ingest import ArticleLoader, Outcome
from .language import detect_language

USER_AGENT = f"silkledger/{__version__} (+https://github.com/silkledger/silkledger)"
ROBOTS_AGENT = "silkledger"
HTML_TYPES = ("text/html", "application/xhtml+xml")
REDIRECTS = (301, 302, 303, 307, 308)
RETRY_LATER = (429, 503)
pages = FetchedPage.__table__


class FetchError(SilkledgerError):
    """A URL that could not be fetched or loaded; the message is one line naming it."""

    def __init__(self, url: str, reason: str):
        self.url, self.reason = url, reason
        super().__init__(f"{url}: {reason}")


@dataclass(frozen=True)
class FetchSettings:
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = 5
    delay: float = 1.0  # seconds between two requests to one host; 0 turns politeness off
    max_retry_wait: float = 30.0  # a Retry-After up to this is waited out (once)
    allow_private: bool = False
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Response:
    url: str  # as requested (the first URL of the redirect chain)
    final_url: str
    status: int
    headers: httpx.Headers
    content: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


def host_key(url: str) -> str:
    """Politeness and robots.txt go per server: host and port."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


def check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(url, "not an http(s) URL")


def canonical(url: str) -> str:
    """The URL's canonical form (courlan: lower-case host, default port dropped, tracking
    parameters removed ...), without a fragment."""
    from courlan import normalize_url

    bare = urldefrag(url).url
    try:
        return normalize_url(bare, strict=True)
    except (ValueError, AttributeError):
        return bare


class Fetcher:
    """One run's HTTP client: its timeouts, robots.txt files and per-host clocks."""

    def __init__(
        self,
        settings: FetchSettings | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.settings = settings or FetchSettings()
        self.sleep, self.clock = sleep, clock
        timeout = httpx.Timeout(self.settings.read_timeout, connect=self.settings.connect_timeout)
        self.client = httpx.Client(
            timeout=timeout,
            follow_redirects=False,
            headers={"User-Agent": self.settings.user_agent},
            trust_env=False,  # no proxy from the environment: the address checks must hold
        )
        self.robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self.not_before: dict[str, float] = {}
        self.retry_until: dict[str, float] = {}  # hosts that asked to wait longer than we do

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    # ------------------------------------------------------------------ one URL

    def get(
        self, url: str, headers: dict[str, str] | None = None, allow_private: bool | None = None
    ) -> Response:
        """GET ``url`` following redirects (each hop checked); 304 and 2xx come back, anything
        else is a FetchError naming ``url``."""
        allow = self.settings.allow_private if allow_private is None else allow_private
        current, seen = url, {urldefrag(url).url}
        for _hop in range(self.settings.max_redirects + 1):
            self._check_address(url, current, allow)
            self._check_robots(url, current)
            status, response_headers, content = self._request(url, current, headers)
            if status not in REDIRECTS:
                return Response(url, current, status, response_headers, content)
            location = response_headers.get("location")
            if not location:
                raise FetchError(url, f"HTTP {status} redirect without a Location")
            target = urljoin(current, location)
            if urldefrag(target).url in seen:
                raise FetchError(url, f"redirect loop: {current} leads back to {target}")
            seen.add(urldefrag(target).url)
            current = target
        raise FetchError(url, f"more than {self.settings.max_redirects} redirects")

    def _check_address(self, url: str, current: str, allow_private: bool) -> None:
        check_url(current)
        parts = urlsplit(current)
        host = parts.hostname
        try:
            infos = socket.getaddrinfo(host, parts.port or 80, proto=socket.IPPROTO_TCP)
        except (socket.gaierror, UnicodeError):
            raise FetchError(url, f"cannot resolve host {host!r} (DNS lookup failed)") from None
        if allow_private:
            return
        for info in infos:
            address = ipaddress.ip_address(info[4][0].split("%")[0])
            if not address.is_global or address.is_multicast:
                raise FetchError(
                    url,
                    f"refused: {host} is at {address}, a loopback or private address "
                    "(pass --allow-private to fetch from it)",
                )

    def _check_robots(self, url: str, current: str) -> None:
        origin = host_key(current)
        if origin not in self.robots:
            self.robots[origin] = self._read_robots(url, origin)
        rules = self.robots[origin]
        if rules is None:
            raise FetchError(url, f"robots.txt of {origin} could not be read (server error)")
        if not rules.can_fetch(ROBOTS_AGENT, current):
            raise FetchError(url, f"forbidden by {origin}/robots.txt")

    def _read_robots(self, url: str, origin: str) -> urllib.robotparser.RobotFileParser | None:
        rules = urllib.robotparser.RobotFileParser(f"{origin}/robots.txt")
        status, _headers, content = self._request(url, f"{origin}/robots.txt", None, robots=True)
        if status >= 500:
            return None
        if status >= 400 or status in REDIRECTS:
            rules.allow_all = True
            return rules
        rules.parse(content.decode("utf-8", "replace").splitlines())
        return rules

    # ------------------------------------------------------------------ requests

    def _request(
        self, url: str, current: str, headers: dict[str, str] | None, robots: bool = False
    ) -> tuple[int, httpx.Headers, bytes]:
        for attempt in range(2):
            self._wait_turn(url, current)
            status, response_headers, content = self._send(url, current, headers)
            if robots or status not in RETRY_LATER:
                break
            wait = retry_after(response_headers.get("retry-after"))
            if wait is None or attempt == 1 or wait > self.settings.max_retry_wait:
                if wait is not None:
                    self.retry_until[host_key(current)] = self.clock() + wait
                raise FetchError(url, _status_reason(status, wait))
            self.not_before[host_key(current)] = self.clock() + wait
        if not robots and (status >= 400 or (status < 200 and status != 304)):
            raise FetchError(url, _status_reason(status, None))
        return status, response_headers, content

    def _wait_turn(self, url: str, current: str) -> None:
        host = host_key(current)
        now = self.clock()
        if self.retry_until.get(host, 0) > now:
            left = self.retry_until[host] - now
            raise FetchError(
                url, f"not fetched: {host} asked to wait {left:.0f} s more (Retry-After)"
            )
        ready = self.not_before.get(host, 0)
        if ready > now:
            self.sleep(ready - now)
        self.not_before[host] = max(ready, now) + self.settings.delay

    def _send(
        self, url: str, current: str, headers: dict[str, str] | None
    ) -> tuple[int, httpx.Headers, bytes]:
        limit = self.settings.max_bytes
        try:
            with self.client.stream("GET", current, headers=headers) as response:
                length = response.headers.get("content-length")
                if length and length.isdigit() and int(length) > limit:
                    raise FetchError(url, _too_large(int(length), limit))
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > limit:
                        raise FetchError(url, _too_large(len(body), limit))
                return response.status_code, response.headers, bytes(body)
        except httpx.ConnectTimeout:
            raise FetchError(
                url, f"timed out connecting (after {self.settings.connect_timeout:g} s)"
            ) from None
        except httpx.TimeoutException:
            raise FetchError(
                url, f"timed out waiting for the server (after {self.settings.read_timeout:g} s)"
            ) from None
        except httpx.ConnectError as exc:
            raise FetchError(url, f"cannot connect: {_connect_reason(exc)}") from None
        except httpx.HTTPError as exc:
            raise FetchError(url, f"HTTP error: {first_line(exc)}") from None


def retry_after(value: str | None) -> float | None:
    """A Retry-After header as seconds from now (it is a number of seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max((moment - datetime.now(UTC)).total_seconds(), 0.0)


def _status_reason(status: int, wait: float | None) -> str:
    from http import HTTPStatus

    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "status"
    reason = f"HTTP {status} {phrase}"
    if wait is not None:
        reason += f" (the server asks to retry after {wait:.0f} s; try again later)"
    return reason


def _connect_reason(exc: httpx.ConnectError) -> str:
    text = first_line(exc)
    return "connection refused" if "refused" in text.lower() else text


def _too_large(size: int, limit: int) -> str:
    return f"page of {size:,} bytes is over the size limit of {limit:,} bytes (raise --max-size)"


# ---------------------------------------------------------------------------- pages


@dataclass(frozen=True)
class FetchedArticle:
    response: Response
    canonical_url: str


class PageLoader:
    """Fetches pages and loads them as articles, one transaction each (see the module doc)."""

    def __init__(
        self, engine: Engine, fetcher: Fetcher, loader: ArticleLoader, language: str | None = None
    ):
        self.engine, self.fetcher, self.loader = engine, fetcher, loader
        self.language = language  # --language; else each page's is detected

    def load_url(
        self,
        url: str,
        refresh: bool = False,
        allow_private: bool | None = None,
        also_write: Callable[[Connection, int], None] | None = None,
    ) -> Outcome:
        """Fetch and load ``url``; never raises for a bad page: the outcome says why."""
        started = time.perf_counter()
        try:
            outcome = self._load(url, refresh, allow_private, also_write)
        except (FetchError, ArticleError) as exc:
            outcome = Outcome(url, "failed", reason=exc.reason)
        outcome.seconds = time.perf_counter() - started
        return outcome

    def _load(self, url, refresh, allow_private, also_write) -> Outcome:
        check_url(url)
        if not refresh and (known := self.known_page(url, canonical(url))):
            return Outcome(url, "already_loaded", source_key=known, reason="URL loaded before")
        response = self.fetcher.get(url, allow_private=allow_private)
        article, page_canonical = self.read(response)
        if not refresh and (known := self.known_page(None, page_canonical)):
            self._record_alias(response, page_canonical, known)
            return Outcome(
                url,
                "already_loaded",
                source_key=known,
                reason=f"its page {page_canonical} was loaded before",
            )
        fetched = FetchedArticle(response, page_canonical)

        def write_page(connection: Connection, source_id: int) -> None:
            self.record(connection, fetched, source_id)
            if also_write is not None:
                also_write(connection, source_id)

        step = self.loader.prepare_article(article)
        outcome = self.loader.store(step, also_write=write_page)
        if outcome.status == "already_loaded":  # the same text, from another URL or run
            outcome.reason = "its text was loaded before"
            self._record_alias(response, page_canonical, outcome.source_key)
        return outcome

    def read(self, response: Response):
        """The article of a fetched page, with its canonical URL; ArticleError naming it."""
        url = response.url
        kind = response.content_type
        if kind and kind not in HTML_TYPES:
            raise ArticleError(url, f"not an HTML page (Content-Type {kind})")
        if not response.content.strip():
            raise ArticleError(url, "empty page")
        text = normalise(_decode(url, response))
        if not kind and not text.lstrip()[:200].lower().startswith(("<!doctype html", "<html")):
            raise ArticleError(url, "not an HTML page (no Content-Type, and no <html>)")
        article = read_html(url, text)
        page_url = urljoin(response.final_url, article.url) if article.url else response.final_url
        page_canonical = canonical(page_url)
        published = article.published or _htmldate(url, text, response.final_url)
        language = self.language or detect_language(f"{article.title}\n{article.body_text}")
        article = replace(article, url=page_canonical, published=published, language=language)
        return article, page_canonical

    def known_page(self, url: str | None, canonical_url: str) -> str | None:
        """The source key of a page already loaded from ``url`` or with that canonical URL."""
        condition = pages.c.canonical_url == canonical_url
        if url is not None:
            condition = or_(pages.c.url == url, condition)
        query = (
            select(Source.key).join(pages, pages.c.source_id == Source.id).where(condition).limit(1)
        )
        with self.engine.connect() as connection:
            return connection.execute(query).scalar()

    @staticmethod
    def record(connection: Connection, fetched: FetchedArticle, source_id: int) -> None:
        """The page's row: a new one, or (--refresh) the URL's row pointed at this source."""
        response = fetched.response
        values = dict(
            final_url=response.final_url,
            canonical_url=fetched.canonical_url,
            source_id=source_id,
            http_status=response.status,
            content_type=response.headers.get("content-type", "")[:200] or None,
            fetched_at=datetime.now(UTC),
            raw_bytes=response.content,
        )
        changed = connection.execute(
            update(pages).where(pages.c.url == response.url).values(values)
        )
        if changed.rowcount == 0:
            connection.execute(insert(pages).values(url=response.url, **values))

    def _record_alias(self, response: Response, page_canonical: str, source_key: str | None):
        """This URL leads to a source loaded before: remember it, so it is not fetched again."""
        from sqlalchemy.exc import IntegrityError

        with for_writing(self.engine).begin() as connection:
            source_id = connection.execute(
                select(Source.id).where(Source.key == source_key)
            ).scalar()
            if source_id is None:
                return
            try:
                with connection.begin_nested():
                    self.record(connection, FetchedArticle(response, page_canonical), source_id)
            except IntegrityError:
                pass  # another run recorded the same URL meanwhile


def _decode(url: str, response: Response) -> str:
    charset = None
    for part in response.headers.get("content-type", "").split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset":
            charset = value.strip("\"' ")
    if charset:
        try:
            return response.content.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(url, response.content)


def _htmldate(url: str, html: str, page_url: str):
    """The page's date by htmldate (its heuristics: the URL, visible dates), where trafilatura
    found none in the metadata; no date when htmldate finds none either."""
    from htmldate import find_date

    try:
        found = find_date(html, url=page_url, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # htmldate's heuristics on a strange page: no date, not a failure
        return None
    if not found:
        return None
    try:
        return parse_published(url, found)
    except ArticleError:
        return None


def fetch_urls(
    engine: Engine,
    urls: list[str],
    settings: FetchSettings | None = None,
    refresh: bool = False,
    progress: Callable[[Outcome], None] | None = None,
    language: str | None = None,
):
    """Fetch and load every URL, one transaction each; failures are reported, never raised.
    ``language`` (--language) is every page's; without it each page's is detected."""
    from .ingest import IngestReport

    report = IngestReport()
    with ArticleLoader(engine) as loader, Fetcher(settings) as fetcher:
        pages_loader = PageLoader(engine, fetcher, loader, language)
        for url in urls:
            outcome = pages_loader.load_url(url, refresh=refresh)
            report.outcomes.append(outcome)
            if progress:
                progress(outcome)
    return report
