"""`newsreader remove PAGE`: delete a page and its entries."""

from __future__ import annotations

import argparse

from tui.cli.common import open_library
from tui.cli.output import clean
from tui.i18n import N_, _, count, ngettext

HELP = N_("remove a page (id or a unique part of its title) and its entries")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("page", metavar="PAGE", help=_("page id or a unique part of its title"))


def run(args: argparse.Namespace) -> int:
    with open_library() as library:
        page = library.find_page(args.page)
        library.remove_page(page.id)
    print(ngettext('removed  "{title}"  {n} entries', 'removed  "{title}"  {n} entries',
                   page.entries).format(title=clean(page.title), n=count(page.entries)))
    return 0
