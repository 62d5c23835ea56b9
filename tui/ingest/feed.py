"""RSS and Atom feeds: recognise one, list its items. Pure: bytes in, items out.

A feed is not a page: each item points at one. tui.pipeline.feeds fetches and saves
those pages; this module only says what the feed lists.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin

from tui.textnorm import clean_inline, clean_text

FEED_TYPES = (
    "application/rss+xml", "application/atom+xml", "application/feed+xml",
    "application/rdf+xml", "application/x-rss+xml",
)
# Generic XML content types: a feed only if the bytes say so.
_XML_TYPES = ("application/xml", "text/xml")
_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
# Markers publishers put in the title of a live blog's item.
_LIVE = re.compile(
    r"(^|[\s\[(|:\-–—])(live|en direct|liveblog|live blog|live updates?|live coverage"
    r"|liveticker|en vivo|in diretta)($|[\s\]):|,.!\-–—])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Feed:
    title: str
    items: tuple[FeedItem, ...]


@dataclass(frozen=True)
class FeedItem:
    title: str
    link: str
    published: datetime | None = None
    summary: str = ""
    is_live: bool = False


def is_feed(data: bytes, content_type: str | None = None) -> bool:
    """RSS, Atom or RDF: by a feed content type, or by the document's root
    element when the type is generic XML or missing."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    if ctype in FEED_TYPES:
        return True
    if ctype and ctype not in _XML_TYPES and "xml" not in ctype and ctype != "text/plain":
        return False
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:5].lower() == b"<html" or b"<!doctype html" in head[:100].lower():
        return False
    # Skip the XML declaration, comments and stylesheets before the root.
    return _ROOT.search(head) is not None


def looks_live(title: str) -> bool:
    """A title that announces a live blog: "LIVE", "En direct", "live updates"..."""
    return _LIVE.search(title) is not None


def parse_feed(data: bytes, url: str | None = None) -> list[FeedItem]:
    """The feed's items that have a link, in feed order."""
    return list(read_feed(data, url).items)


def read_feed(data: bytes, url: str | None = None) -> Feed:
    """The feed's title and its items (those with a link), in feed order.
    Raises ValueError when the bytes are not a feed feedparser can read."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise ValueError(f"not a feed{': ' + str(problem) if problem else ''}")
    title = clean_inline(parsed.feed.get("title")) or (url or "feed")
    items: list[FeedItem] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        link = _link(entry, url)
        if not link or link in seen:
            continue
        seen.add(link)
        item_title = clean_inline(entry.get("title")) or link
        items.append(FeedItem(
            title=item_title,
            link=link,
            published=_when(entry),
            summary=clean_text(_strip_tags(entry.get("summary") or "")),
            is_live=looks_live(item_title),
        ))
    return Feed(title=title, items=tuple(items))


def _link(entry: object, base: str | None) -> str | None:
    link = getattr(entry, "get", lambda _k: None)("link")
    if not link:
        for candidate in getattr(entry, "get", lambda _k: None)("links") or []:
            if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
                link = candidate["href"]
                break
    if not link:
        return None
    link = urljoin(base, link.strip()) if base else link.strip()
    return link if link.startswith(("http://", "https://")) else None


def _when(entry: dict[str, object]) -> datetime | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            try:
                return datetime.fromtimestamp(calendar.timegm(value), UTC)  # type: ignore[arg-type]
            except (TypeError, ValueError, OverflowError):
                continue
    return None


_TAGS = re.compile(r"<[^>]+>")


def _strip_tags(text: str) -> str:
    import html

    return html.unescape(_TAGS.sub(" ", text))
