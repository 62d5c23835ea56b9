"""A real HTTP server on 127.0.0.1 for following and feed tests, and the live
blog pages it serves. Routes are functions of the request number, so a page
can grow, change or fail between requests."""

from __future__ import annotations

import html
import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Request:
    n: int  # 1 for the first request to this path
    path: str
    headers: dict[str, str]


Route = Callable[[Request], Reply]


class LiveServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self._counts: dict[str, int] = {}
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                path = self.path.split("?")[0]
                with server._lock:
                    n = server._counts.get(path, 0) + 1
                    server._counts[path] = n
                    req = Request(n, path, {k.lower(): v for k, v in self.headers.items()})
                    server.requests.append(req)
                route = server.routes.get(path)
                reply = route(req) if route else Reply(404, b"not found")
                self.send_response(reply.status)
                headers = {"Content-Type": "text/html; charset=utf-8", **reply.headers}
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                if reply.body and reply.status != 304:
                    self.wfile.write(reply.body)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> list[Request]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    @contextmanager
    def running(self) -> Iterator[LiveServer]:
        thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self.httpd.shutdown()
            self.httpd.server_close()
            thread.join(5)


# --- live blog pages ---------------------------------------------------------


@dataclass(frozen=True)
class Post:
    key: str  # publisher id, stable across versions
    minutes_ago: float  # entry time relative to the moment the page is built
    headline: str
    body: str

# --- a live blog's updates, shared by the following tests ----------------------

P1 = Post("p1", 50, "Talks open in Geneva", "Delegations arrived this morning.")
P2 = Post("p2", 40, "First session ends", "The first session ended without a statement.")
P3 = Post("p3", 30, "Ministers meet at noon", "A meeting of ministers is planned.")
P4 = Post("p4", 20, "Joint statement expected", "Officials expect a joint statement.")
P5 = Post("p5", 10, "Statement published", "The statement calls for a ceasefire.")


def at(minutes_ago: float, now: datetime | None = None) -> datetime:
    now = now or datetime.now(UTC)
    return (now - timedelta(minutes=minutes_ago)).replace(microsecond=0)


def liveblog_html(title: str, posts: list[Post], *, url: str = "", now: datetime | None = None,
                  coverage_end: datetime | None = None, feed_url: str | None = None) -> bytes:
    """A live blog the way publishers write them: JSON-LD LiveBlogPosting with
    liveBlogUpdate items, and the same updates as <article> elements, newest
    first. `posts` are given newest first."""
    now = now or datetime.now(UTC)
    updates = [{
        "@type": "BlogPosting",
        "@id": f"{url}#{p.key}",
        "url": f"{url}#{p.key}",
        "headline": p.headline,
        "articleBody": p.body,
        "datePublished": at(p.minutes_ago, now).isoformat(),
    } for p in posts]
    start = at(max((p.minutes_ago for p in posts), default=0) + 5, now)
    ld: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": title,
        "url": url,
        "datePublished": start.isoformat(),
        "dateModified": at(min((p.minutes_ago for p in posts), default=0), now).isoformat(),
        "coverageStartTime": start.isoformat(),
        "publisher": {"@type": "Organization", "name": "Test Gazette"},
        "liveBlogUpdate": updates,
    }
    if coverage_end is not None:
        ld["coverageEndTime"] = coverage_end.isoformat()
    articles = "\n".join(
        f'<article id="{html.escape(p.key)}" class="live-post">'
        f'<time datetime="{at(p.minutes_ago, now).isoformat()}">'
        f'{at(p.minutes_ago, now).strftime("%H:%M")}</time>'
        f"<h2>{html.escape(p.headline)}</h2><p>{html.escape(p.body)}</p></article>"
        for p in posts
    )
    alt = (f'<link rel="alternate" type="application/rss+xml" title="RSS" '
           f'href="{html.escape(feed_url)}">' if feed_url else "")
    doc = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<link rel="canonical" href="{html.escape(url)}">{alt}
<meta property="og:site_name" content="Test Gazette">
<script type="application/ld+json">{json.dumps(ld)}</script>
</head><body><main><h1>{html.escape(title)}</h1>
<div class="live-feed">
{articles}
</div></main></body></html>"""
    return doc.encode("utf-8")


def article_html(title: str, body: str, *, url: str = "", feed_url: str | None = None) -> bytes:
    alt = (f'<link rel="alternate" type="application/rss+xml" title="RSS" '
           f'href="{html.escape(feed_url)}">' if feed_url else "")
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
          "url": url, "articleBody": body, "datePublished": at(60).isoformat(),
          "publisher": {"@type": "Organization", "name": "Test Gazette"}}
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n\n"))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<link rel="canonical" href="{html.escape(url)}">{alt}
<script type="application/ld+json">{json.dumps(ld)}</script>
</head><body><article><h1>{html.escape(title)}</h1>{paras}</article></body></html>""".encode()


def rss(title: str, items: list[tuple[str, str]]) -> bytes:
    """An RSS 2.0 feed of (title, link) items."""
    body = "".join(
        f"<item><title>{html.escape(t)}</title><link>{html.escape(link)}</link>"
        f"<pubDate>Wed, 11 Feb 2026 10:0{i}:00 +0000</pubDate></item>"
        for i, (t, link) in enumerate(items)
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{html.escape(title)}</title><link>http://127.0.0.1/</link>"
            f"{body}</channel></rss>").encode()
