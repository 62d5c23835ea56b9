"""`newsreader refresh [PAGE | --all]`: fetch pages again, store what is new."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from functools import partial

from tui.cli.common import open_library, run_jobs
from tui.cli.feed_lines import refresh_feed_line
from tui.cli.output import report_cut
from tui.errors import UserError
from tui.i18n import N_, _
from tui.library import Library, PageSummary
from tui.pipeline.sources import refetch

HELP = N_("fetch pages that have a URL again and store new and edited entries")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("page", nargs="?", metavar="PAGE",
                        help=_("page id or a unique part of its title"))
    parser.add_argument("--all", action="store_true",
                        help=_("every page that has a URL, and new items of the feeds added"))


def refresh_page(library: Library, page: PageSummary) -> str:
    """Fetch one page again and store it; a line saying what it brought.
    UserError (recorded as the page's last error) when it fails."""
    result = refetch(library, page.id)
    if result is None:
        return _("unchanged (304)")
    report_cut(result)
    return result.describe(changes_only=True)


def run(args: argparse.Namespace) -> int:
    if args.all == bool(args.page):
        raise UserError(_("give a PAGE or --all"))
    with open_library() as library:
        if args.all:
            pages = [p for p in library.pages() if p.fetch_url]
            if not pages and not library.feeds():
                print(_("no page has a URL to refresh from"))
                return 0
        else:
            pages = [library.find_page(args.page)]
        jobs: list[tuple[str, Callable[[], str]]] = [
            (f'"{p.title}"', partial(refresh_page, library, p)) for p in pages]
        if args.all:  # and the new items of the feeds added
            jobs += [(_('feed "{title}"').format(title=f.title),
                      partial(refresh_feed_line, library, f))
                     for f in library.feeds()]
        return run_jobs(jobs)
