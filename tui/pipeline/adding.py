"""`add`: a source (a file, - for stdin, a URL) into the library, as the page
it is, or, for an RSS/Atom feed, as the feed remembered and each of its items
a page. The CLI and the app print what comes back; the decision is here."""

from __future__ import annotations

from dataclasses import dataclass

from tui.ingest.feed import is_feed
from tui.library import Library, PageSummary, SaveResult
from tui.pipeline.feeds import FeedReport, OnItem, add_feed
from tui.pipeline.sources import import_source, read_source


@dataclass(frozen=True)
class Added:
    pages: tuple[SaveResult, ...]  # the pages stored, in order
    feed: FeedReport | None = None  # set when the source was a feed


def add_source(library: Library, spec: str, on_item: OnItem | None = None) -> Added:
    """Read `spec` and store it. UserError/LibraryError (one line) when the
    source fails; a feed's failing items are in its report instead."""
    source = read_source(spec)
    if is_feed(source.data, source.content_type):
        feed = add_feed(library, source, on_item=on_item)
        return Added(tuple(i.result for i in feed.items if i.result is not None), feed)
    return Added((import_source(library, source),))


def find_or_add(library: Library, target: str) -> tuple[PageSummary, SaveResult | None]:
    """The page a URL or a page id / title part names: a stored page with
    this URL (or fetched from it), else one fetched and added now (with what
    its save brought)."""
    from tui.library.merge import normalize_url
    from tui.pipeline.sources import is_url

    if not is_url(target):
        return library.find_page(target), None
    wanted = normalize_url(target)
    for page in library.pages():
        if wanted in {normalize_url(u) for u in (page.url, page.fetch_url) if u}:
            return page, None
    result = import_source(library, read_source(target))
    return library.page_summary(result.page_id), result
