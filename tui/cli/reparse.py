"""`newsreader reparse [PAGE]`: rebuild entries from the cached raw pages,
offline, after a parser upgrade."""

from __future__ import annotations

import argparse
from functools import partial

from tui.cli.common import open_library, run_jobs
from tui.i18n import N_, _
from tui.library import Library, PageSummary
from tui.pipeline.sources import reparse

HELP = N_("parse the cached raw pages again (offline), e.g. after an upgrade")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("page", nargs="?", metavar="PAGE",
                        help=_("page id or a unique part of its title (default: every page)"))


def reparse_page(library: Library, page: PageSummary) -> str:
    return _("reparsed, {what}").format(what=reparse(library, page.id).describe())


def run(args: argparse.Namespace) -> int:
    with open_library() as library:
        pages = [library.find_page(args.page)] if args.page else library.pages()
        return run_jobs((f'"{p.title}"', partial(reparse_page, library, p)) for p in pages)
