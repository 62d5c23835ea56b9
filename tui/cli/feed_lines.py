"""What `add` and `refresh` print for feeds: a line per imported item, then
a line for the feed."""

from __future__ import annotations

from tui.cli.output import clean, report
from tui.library import FeedRow, Library, SaveResult
from tui.pipeline.feeds import FeedReport, ItemResult, feed_hint, refresh_feed


def item_line(outcome: ItemResult) -> None:
    if outcome.result is None:
        report(f"{outcome.item.link}: {outcome.error}")
        return
    kind = "live blog" if outcome.item.is_live else "item"
    print(f'  {kind}  "{clean(outcome.result.title)}"  {outcome.result.describe()}', flush=True)


def summary(report_: FeedReport) -> str:
    if report_.not_modified:
        return "unchanged (304)"
    text = f"{report_.added} new items"
    if report_.failed:
        text += f", {report_.failed} failed"
    if report_.pending:
        text += f", {report_.pending} more next refresh"
    return text


def refresh_feed_line(library: Library, feed: FeedRow) -> str:
    """`newsreader refresh --all`, for one feed: what it brought."""
    return summary(refresh_feed(library, feed, on_item=item_line))


def print_feed_hint(library: Library, result: SaveResult) -> None:
    hint = feed_hint(library, result.page_id)
    if hint:
        print(clean(hint), flush=True)
