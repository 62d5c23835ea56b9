"""RSS and Atom feeds: recognising and reading them (pure), and `add` /
`refresh --all` importing their items from a real HTTP live_server on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest
from liveserver import LiveServer, Post, Reply, Request, article_html, liveblog_html, rss

from tui.cli import main
from tui.ingest.feed import is_feed, looks_live, parse_feed, read_feed
from tui.library import Library
from tui.pipeline.follow import Follower

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Le Monde \x1b[2J- International</title>
<item><title>EN DIRECT - Guerre au Proche-Orient</title><link>/live/1</link>
<pubDate>Wed, 11 Feb 2026 10:00:00 +0100</pubDate>
<description>&lt;p&gt;Suivez &amp;amp; lisez&lt;/p&gt;</description></item>
<item><title>Un article de fond</title><link>https://example.org/a</link></item>
<item><title>No link here</title></item>
<item><title>Un article de fond (dup)</title><link>https://example.org/a</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example</title>
<entry><title>Election live updates: the count</title>
<link rel="alternate" href="https://example.org/live"/>
<updated>2026-02-11T10:00:00Z</updated><summary>Counting continues.</summary></entry>
</feed>"""


def test_is_feed_by_content_type_or_root_element() -> None:
    assert is_feed(RSS, "application/rss+xml")
    assert is_feed(RSS, None) and is_feed(RSS, "text/xml") and is_feed(ATOM, "application/xml")
    assert not is_feed(RSS, "text/html")
    assert not is_feed(b"<!DOCTYPE html><html><body>rss</body></html>", None)
    assert not is_feed(b"Plain text page\n\n10:00 - something", "text/plain")


def test_parse_rss_items_in_order_with_absolute_links() -> None:
    feed = read_feed(RSS, "https://example.org/rss.xml")
    assert feed.title == "Le Monde - International"  # escape sequence removed
    assert [(i.title, i.link) for i in feed.items] == [
        ("EN DIRECT - Guerre au Proche-Orient", "https://example.org/live/1"),
        ("Un article de fond", "https://example.org/a"),
    ]
    first = feed.items[0]
    assert first.is_live and not feed.items[1].is_live
    assert first.published is not None and first.published.isoformat() == \
        "2026-02-11T09:00:00+00:00"
    assert first.summary == "Suivez & lisez"


def test_parse_atom() -> None:
    [item] = parse_feed(ATOM, "https://example.org/atom.xml")
    assert (item.title, item.link, item.summary, item.is_live) == (
        "Election live updates: the count", "https://example.org/live", "Counting continues.",
        True)


def test_not_a_feed_is_an_error() -> None:
    with pytest.raises(ValueError):
        read_feed(b"just some words", None)


@pytest.mark.parametrize("title, live", [
    ("LIVE: Geneva talks", True), ("En direct : les négociations", True),
    ("Ukraine war live: day 3", True), ("Liveblog – Wahl", True),
    ("Direct flights resume", False), ("Oliver Twist", False), ("Delivery delays", False),
])
def test_looks_live(title: str, live: bool) -> None:
    assert looks_live(title) is live


# --- adding and refreshing feeds ----------------------------------------------


def serve_feed(live_server: LiveServer) -> str:
    """A feed of one article and one live blog; a second article appears
    from the third request of the feed on."""
    a1, a2, live = live_server.url("/a1"), live_server.url("/a2"), live_server.url("/live")
    live_server.routes["/a1"] = lambda r: Reply(200, article_html("Budget vote delayed",
                                                             "The vote moves to May.", url=a1))
    live_server.routes["/a2"] = lambda r: Reply(200, article_html("Budget vote held",
                                                             "The vote took place.", url=a2))
    live_server.routes["/live"] = lambda r: Reply(200, liveblog_html(
        "Live: Geneva talks", [Post("p2", 10, "Second", "B."), Post("p1", 20, "First", "A.")],
        url=live))
    first = rss("Test Gazette", [("LIVE: Geneva talks", live), ("Budget vote delayed", a1)])
    later = rss("Test Gazette", [("Budget vote held", a2), ("LIVE: Geneva talks", live),
                                 ("Budget vote delayed", a1)])
    live_server.routes["/feed.xml"] = lambda r: Reply(
        200, first if r.n <= 2 else later, {"Content-Type": "application/rss+xml"})
    return live_server.url("/feed.xml")


def test_add_feed_imports_each_item_and_refresh_picks_up_new_ones(
        home: Path, live_server: LiveServer, capsys: pytest.CaptureFixture[str]) -> None:
    url = serve_feed(live_server)
    assert main(["add", url]) == 0
    out = capsys.readouterr().out
    assert 'live blog  "Live: Geneva talks"' in out
    assert 'item  "Budget vote delayed"' in out
    assert 'feed   "Test Gazette"  2 new items' in out
    with Library.open() as lib:
        kinds = {p.title: p.kind for p in lib.pages() if p.fetch_url}
        assert kinds == {"Live: Geneva talks": "liveblog", "Budget vote delayed": "article"}
        [feed] = lib.feeds()
        assert (feed.url, feed.title, feed.items) == (url, "Test Gazette", 2)
        live_id = next(p.id for p in lib.pages() if p.title == "Live: Geneva talks")
        assert Follower(lib).sync() == [live_id]  # the live item is followed

    # Adding it again imports nothing new.
    assert main(["add", url]) == 0
    assert "0 new items" in capsys.readouterr().out
    assert main(["refresh", "--all"]) == 0
    out = capsys.readouterr().out
    assert 'item  "Budget vote held"' in out
    assert 'feed "Test Gazette"  1 new items' in out
    with Library.open() as lib:
        assert "Budget vote held" in {p.title for p in lib.pages()}
        assert lib.feeds()[0].items == 3
    # Each item page was fetched once per import, never again for old items.
    assert len(live_server.hits("/a1")) == 1 + 1  # add, then `refresh --all` of the page itself


def test_opening_the_app_on_a_feed_url_imports_its_items(
        home: Path, live_server: LiveServer, capsys: pytest.CaptureFixture[str]) -> None:
    """`newsreader FEED_URL` imports as `newsreader add FEED_URL` does (its
    import step, without starting the app), and opens on the first item."""
    from tui.cli.open_app import import_sources

    url = serve_feed(live_server)
    first, failed = import_sources([url])
    assert failed == []
    err = capsys.readouterr().err
    assert 'feed   "Test Gazette"  2 new items' in err
    with Library.open() as lib:
        titles = {p.id: p.title for p in lib.pages() if p.fetch_url}
        assert set(titles.values()) == {"Live: Geneva talks", "Budget vote delayed"}
        assert titles[first] == "Live: Geneva talks"
        assert lib.feeds()[0].url == url


def test_page_with_a_feed_link_offers_it(
        home: Path, live_server: LiveServer, capsys: pytest.CaptureFixture[str]) -> None:
    feed = serve_feed(live_server)
    page = live_server.url("/with-feed")
    live_server.routes["/with-feed"] = lambda r: Reply(200, liveblog_html(
        "Live: Budget night", [Post("b1", 5, "Opening", "Text.")], url=page, feed_url=feed))
    assert main(["add", page]) == 0
    out = capsys.readouterr().out
    assert f"this page has a feed: {feed} (newsreader add {feed})" in out
    assert main(["add", feed]) == 0
    capsys.readouterr()
    assert main(["add", page]) == 0
    assert "this page has a feed" not in capsys.readouterr().out  # already added


def test_feed_item_that_fails_is_reported_and_retried(
        home: Path, live_server: LiveServer, capsys: pytest.CaptureFixture[str]) -> None:
    ok = live_server.url("/ok")
    live_server.routes["/ok"] = lambda r: Reply(200, article_html("Fine", "Body.", url=ok))
    live_server.routes["/broken"] = lambda r: Reply(500, b"oops") if r.n == 1 else Reply(
        200, article_html("Fixed", "Body.", url=live_server.url("/broken")))
    live_server.routes["/f.xml"] = lambda r: Reply(
        200, rss("F", [("Fine", ok), ("Broken", live_server.url("/broken"))]),
        {"Content-Type": "application/rss+xml"})
    assert main(["add", live_server.url("/f.xml")]) == 3  # an item the server failed
    captured = capsys.readouterr()
    assert "1 new items, 1 failed" in captured.out
    assert "HTTP 500" in captured.err
    assert main(["refresh", "--all"]) == 0
    assert 'item  "Fixed"' in capsys.readouterr().out


def test_refresh_feed_records_304_and_failures(
        home: Path, live_server: LiveServer, capsys: pytest.CaptureFixture[str]) -> None:
    """A feed's conditional re-fetch: 304 imports nothing and clears the last
    error; a failure is recorded as the feed's last error and reported."""
    url = serve_feed(live_server)
    feed_xml = live_server.routes["/feed.xml"]

    def conditional(r: Request) -> Reply:
        if r.n == 2:
            return Reply(503, b"busy")
        if r.headers.get("if-none-match") == '"v1"':
            return Reply(304, b"")
        reply = feed_xml(r)
        return Reply(reply.status, reply.body, {**reply.headers, "ETag": '"v1"'})

    live_server.routes["/feed.xml"] = conditional
    assert main(["add", url]) == 0
    assert main(["refresh", "--all"]) == 3  # HTTP 503: the server failed
    assert "HTTP 503" in capsys.readouterr().err
    with Library.open() as lib:
        [feed] = lib.feeds()
        assert feed.etag == '"v1"' and "503" in (feed.last_error or "")
    assert main(["refresh", "--all"]) == 0
    assert 'feed "Test Gazette"  unchanged (304)' in capsys.readouterr().out
    with Library.open() as lib:
        [feed] = lib.feeds()
        assert feed.last_error is None and feed.items == 2
