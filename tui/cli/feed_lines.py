"""What `add` and `refresh` print for feeds: a line per imported item, then
a line for the feed."""

from __future__ import annotations

from tui.cli.output import clean, report
from tui.i18n import _, count, ngettext
from tui.library import FeedRow, Library, SaveResult
from tui.pipeline.feeds import FeedReport, ItemResult, feed_hint, refresh_feed


def item_line(outcome: ItemResult) -> None:
    if outcome.result is None:
        report(f"{outcome.item.link}: {outcome.error}")
        return
    line = _('live blog  "{title}"  {what}') if outcome.item.is_live else \
        _('item  "{title}"  {what}')
    print("  " + line.format(title=clean(outcome.result.title),
                             what=outcome.result.describe()), flush=True)


def summary(report_: FeedReport) -> str:
    if report_.not_modified:
        return _("unchanged (304)")
    parts = [ngettext("{n} new items", "{n} new items", report_.added)
             .format(n=count(report_.added))]
    if report_.failed:
        parts.append(ngettext("{n} failed", "{n} failed", report_.failed)
                     .format(n=count(report_.failed)))
    if report_.pending:
        parts.append(ngettext("{n} more next refresh", "{n} more next refresh",
                              report_.pending).format(n=count(report_.pending)))
    return ", ".join(parts)


def refresh_feed_line(library: Library, feed: FeedRow) -> str:
    """`newsreader refresh --all`, for one feed: what it brought."""
    return summary(refresh_feed(library, feed, on_item=item_line))


def print_feed_hint(library: Library, result: SaveResult) -> None:
    hint = feed_hint(library, result.page_id)
    if hint:
        print(clean(hint), flush=True)
