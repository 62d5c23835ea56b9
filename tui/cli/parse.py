"""`newsreader parse SOURCE [--json]`: read one page and show what ingest makes
of it, without touching the library. An outline by default (title, publisher,
date, one line per entry: its time or --:--, its headline); with --json the
page model exactly as DESIGN.md documents it."""

from __future__ import annotations

import argparse
import json
from dataclasses import replace

from tui.cli.output import clean
from tui.errors import UserError, print_error
from tui.i18n import N_, _, ngettext
from tui.i18n import count as count_text
from tui.ingest.dates import clock_label
from tui.ingest.feed import is_feed, read_feed
from tui.model import Page, cut_note, iso
from tui.moments import format_moment
from tui.pipeline.sources import Source, parse_source, read_source

HELP = N_("parse a page (a file, - for standard input, or a URL) and print its outline or JSON")

# TRANSLATORS: a page's kind in the outline of `newsreader parse` ("kind: liveblog, 20 entries").
KINDS = {"liveblog": N_("liveblog"), "article": N_("article")}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="SOURCE",
                        help=_("a saved page or text dump, - for standard input, or a URL"))
    parser.add_argument("--json", action="store_true",
                        help=_("print the page model as JSON instead of an outline"))


def run(args: argparse.Namespace) -> int:
    source = read_source(args.source)  # UserError (one line) when unreadable
    if is_feed(source.data, source.content_type):
        return _print_feed(source, args.json)
    page = parse_source(source)
    if page.url is None and source.url is not None:
        page = replace(page, url=source.url)
    if page.cut:
        print_error(cut_note(len(page.entries), page.cut))
    if args.json:
        text = json.dumps(page.to_json(), ensure_ascii=False, indent=2)
        print(clean(text, multiline=True))
    else:
        print("\n".join(outline(page)))
    return 0


def _print_feed(source: Source, as_json: bool) -> int:
    """A feed is no page: say so, and list its items (`add` imports them)."""
    try:
        feed = read_feed(source.data, source.url or source.spec)
    except ValueError as exc:
        raise UserError(_("cannot read the feed {source}: {reason}").format(
            source=source.spec, reason=exc)) from None
    if as_json:
        items = [{"title": i.title, "link": i.link, "published": iso(i.published),
                  "live": i.is_live} for i in feed.items]
        data = {"feed": feed.title, "items": items}
        print(clean(json.dumps(data, ensure_ascii=False, indent=2), multiline=True))
        return 0
    count = len(feed.items)
    print(clean(feed.title) or _("(untitled)"))
    print(ngettext("kind: feed, {n} item (newsreader add imports each as a page)",
                   "kind: feed, {n} items (newsreader add imports each as a page)",
                   count).format(n=count_text(count)) + "\n")
    for item in feed.items:
        when = format_moment(item.published) or "--"
        live = "  " + _("[live]") if item.is_live else ""
        print(f"{when:>16}  {clean(item.title)}{live}\n{'':>16}  {clean(item.link)}")
    return 0


def outline(page: Page) -> list[str]:
    """Title, publisher, date, then `HH:MM  headline` (or the match minute,
    or `--:--`) per entry."""
    count = len(page.entries)
    publisher = clean(page.source)
    published = format_moment(page.published)
    updated = format_moment(page.updated) if page.updated else ""
    if published:
        dates = _("published: {when} (updated {updated})") if updated else \
            _("published: {when}")
    else:
        dates = _("published: unknown (updated {updated})") if updated else \
            _("published: unknown")
    lines = [
        clean(page.title) or _("(untitled)"),
        _("publisher: {name}").format(name=publisher) if publisher else
        _("publisher: unknown"),
        dates.format(when=published, updated=updated),
        ngettext("kind: {kind}, {n} entry", "kind: {kind}, {n} entries", count).format(
            kind=_(KINDS[page.kind]) if page.kind in KINDS else page.kind,
            n=count_text(count)),
    ]
    if page.authors:
        lines.append(_("authors: {names}").format(
            names=", ".join(clean(a) for a in page.authors)))
    if page.topics:
        lines.append(_("topics: {names}").format(
            names=", ".join(clean(t) for t in page.topics)))
    lines.append("")
    for entry in page.entries:
        clock = clock_label(entry.time, entry.time_text) or clean(entry.minute or "") or "--:--"
        lines.append(f"{clock:<5}  {clean(entry.headline)}")
    return lines
