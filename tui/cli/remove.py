"""`newsreader remove PAGE`: delete a page and its entries."""

from __future__ import annotations

import argparse

from tui.cli.common import open_library
from tui.cli.output import clean

HELP = "remove a page (id or a unique part of its title) and its entries"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("page", metavar="PAGE", help="page id or a unique part of its title")


def run(args: argparse.Namespace) -> int:
    with open_library() as library:
        page = library.find_page(args.page)
        library.remove_page(page.id)
    print(f'removed  "{clean(page.title)}"  {page.entries} entries')
    return 0
