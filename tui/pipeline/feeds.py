"""Adding and refreshing RSS/Atom feeds: each item's page is fetched and saved
as a page of its own (an article, or a live blog that following then picks
up); the feed is remembered so `newsreader refresh --all` imports new items.

No Textual, no parsing of pages here: fetching is tui.pipeline.sources, parsing the
feed is tui.ingest.feed, storing is tui.library.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tui.errors import UserError, one_line_error
from tui.i18n import _
from tui.ingest.feed import FeedItem, read_feed
from tui.library import FeedRow, Library, LibraryError, SaveResult
from tui.pipeline.sources import Source, import_source, read_again, read_source

MAX_ITEMS = 20  # items fetched per add or refresh; the rest wait for the next one

@dataclass(frozen=True)
class ItemResult:
    item: FeedItem
    result: SaveResult | None  # None when the item's page failed
    error: str | None = None


@dataclass(frozen=True)
class FeedReport:
    feed_id: int
    title: str
    items: tuple[ItemResult, ...]
    pending: int = 0  # new items left for the next refresh (over MAX_ITEMS)
    not_modified: bool = False

    @property
    def added(self) -> int:
        return sum(1 for i in self.items if i.result is not None)

    @property
    def failed(self) -> int:
        return sum(1 for i in self.items if i.result is None)


OnItem = Callable[[ItemResult], None]


def add_feed(library: Library, source: Source, on_item: OnItem | None = None,
             max_items: int = MAX_ITEMS) -> FeedReport:
    """Remember the feed in `source` and import its items not seen before."""
    try:
        feed = read_feed(source.data, source.url or source.spec)
    except ValueError as exc:
        raise UserError(_("cannot read the feed {source}: {reason}").format(
            source=source.spec, reason=exc)) from None
    got = source.fetched
    feed_id = library.save_feed(source.spec, feed.title, got.etag if got else None,
                                got.last_modified if got else None)
    return _import_items(library, feed_id, feed.title, feed.items, on_item, max_items)


def refresh_feed(library: Library, feed: FeedRow, on_item: OnItem | None = None,
                 max_items: int = MAX_ITEMS) -> FeedReport:
    """Fetch a stored feed again (conditionally) and import its new items.
    A failure is recorded as the feed's last error and raised (UserError)."""
    def record(*, error: str | None = None, **_validators: str | None) -> None:
        library.record_feed_check(feed.id, error=error)

    report = read_again(feed.url, feed.etag, feed.last_modified, record,
                        lambda source: add_feed(library, source, on_item, max_items))
    return report or FeedReport(feed.id, feed.title, (), not_modified=True)


def _import_items(library: Library, feed_id: int, title: str, items: tuple[FeedItem, ...],
                  on_item: OnItem | None, max_items: int) -> FeedReport:
    seen = library.feed_links(feed_id)
    new = [item for item in items if item.link not in seen]
    done: list[ItemResult] = []
    for item in new[:max_items]:
        try:
            result = import_source(library, read_source(item.link))
        except (UserError, LibraryError) as exc:
            # Not marked as imported: the next refresh tries again.
            outcome = ItemResult(item, None, one_line_error(exc))
        else:
            library.add_feed_item(feed_id, item.link, result.page_id)
            outcome = ItemResult(item, result)
        done.append(outcome)
        if on_item is not None:
            on_item(outcome)
    return FeedReport(feed_id, title, tuple(done), pending=max(0, len(new) - max_items))


def feed_hint(library: Library, page_id: int) -> str | None:
    """"this page has a feed: URL (newsreader add URL)" for a page that links
    its own RSS/Atom feed not yet in the library; None otherwise."""
    url = library.fetch_state(page_id).feed_url
    if not url or not url.startswith(("http://", "https://")):
        return None
    if any(f.url == url for f in library.feeds()):
        return None
    return _("this page has a feed: {url} (newsreader add {url})").format(url=url)
