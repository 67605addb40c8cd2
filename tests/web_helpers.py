"""A real HTTP server on 127.0.0.1 for the fetch and feed tests: it serves the pages and feeds a
test writes (``server.page(path, body, ...)``) and records every request it gets."""

from __future__ import annotations

import contextlib
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from silkledger.loaders.fetch import FetchSettings

# Tests never sleep for politeness and never wait long for a server.
FAST = FetchSettings(
    connect_timeout=2.0, read_timeout=0.5, delay=0.0, max_retry_wait=0.5, allow_private=True
)
CLI_FAST = ["--allow-private", "--delay", "0", "--timeout", "0.5"]


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (a slow server)
    etag: str | None = None  # answer 304 to a matching If-None-Match
    then: Route | None = None  # the answer to every later request


@dataclass
class Request:
    path: str
    headers: dict[str, str]


class LocalServer:
    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests.append(Request(self.path, dict(self.headers)))
                route = server.routes.get(self.path)
                if route is None:
                    self._answer(Route(404, b"not found", {"Content-Type": "text/plain"}))
                    return
                if route.then is not None:
                    server.routes[self.path] = route.then
                if route.delay:
                    time.sleep(route.delay)
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self._answer(Route(304, b"", {"ETag": route.etag}))
                    return
                self._answer(route)

            def _answer(self, route: Route):
                self.send_response(route.status)
                headers = dict(route.headers)
                if route.etag:
                    headers.setdefault("ETag", route.etag)
                headers.setdefault("Content-Length", str(len(route.body)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(route.body)

            def log_message(self, *_args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def page(self, path: str, body: str | bytes, content_type="text/html; charset=utf-8", **kw):
        data = body.encode("utf-8") if isinstance(body, str) else body
        headers = {"Content-Type": content_type, **kw.pop("headers", {})}
        self.routes[path] = Route(kw.pop("status", 200), data, headers, **kw)

    def hits(self, path: str) -> list[Request]:
        return [request for request in self.requests if request.path == path]

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def article_html(title: str, body: str, author="Aigerim Sadykova", published="2025-06-17"):
    """A news page as outlets write them: metadata in the head, the story in <article>."""
    paragraphs = "\n".join(f"<p>{line}</p>" for line in body.split("\n") if line.strip())
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta name="author" content="{author}">
<meta property="article:published_time" content="{published}T08:00:00+00:00">
<meta property="og:site_name" content="Caspian Wire">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1>
{paragraphs}
</article><footer>Copyright Caspian Wire</footer></body></html>"""


STORY = (
    "Trade between Kazakhstan and China reached $43.8 billion in 2024, officials in Astana said.\n"
    "Officials in Astana said on Tuesday that trade between Kazakhstan and China kept growing "
    "through the spring, with more rail freight crossing at Khorgos than in any earlier year.\n"
    "The ministry of trade said new warehouses near the border would open before the winter, "
    "and that customs checks at the crossing now take less than a day for most containers.\n"
    "Analysts in Almaty cautioned that the figures for the second half of the year would "
    "depend on demand in Europe, where much of the freight is bound."
)


def story(number: int) -> str:
    """A distinct story for page ``number`` (its own text: its own hash)."""
    return f"Report number {number} from the Khorgos crossing.\n{STORY}\nDispatch {number} ends."


def rss(items: list[tuple[str, str]], title="Caspian Wire") -> str:
    entries = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid>"
        f"<pubDate>{formatdate(0)}</pubDate></item>"
        for t, link in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>http://127.0.0.1/</link><description>news</description>"
        f"{entries}</channel></rss>"
    )


def atom(items: list[tuple[str, str]]) -> str:
    entries = "".join(
        f'<entry><title>{t}</title><link href="{link}"/><id>{link}</id>'
        "<updated>2025-06-17T08:00:00Z</updated></entry>"
        for t, link in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Steppe Review</title><id>urn:steppe</id><updated>2025-06-17T08:00:00Z</updated>"
        f"{entries}</feed>"
    )


def rdf(items: list[tuple[str, str]]) -> str:
    entries = "".join(
        f'<item rdf:about="{link}"><title>{t}</title><link>{link}</link></item>'
        for t, link in items
    )
    return (
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/"><channel rdf:about="http://127.0.0.1/">'
        "<title>Oasis Notes</title><link>http://127.0.0.1/</link><description>d</description>"
        f"</channel>{entries}</rdf:RDF>"
    )
