"""`newsreader reparse [PAGE]`: rebuild entries from the cached raw pages,
offline, after a parser upgrade."""

from __future__ import annotations

import argparse

from tui.commands._common import clean, open_library, report
from tui.commands.add import describe
from tui.errors import UserError
from tui.library import LibraryError
from tui.sources import Source, parse_source

HELP = "parse the cached raw pages again (offline), e.g. after an upgrade"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("page", nargs="?", metavar="PAGE",
                        help="page id or a unique part of its title (default: every page)")


def run(args: argparse.Namespace) -> int:
    failed = 0
    with open_library() as library:
        pages = [library.find_page(args.page)] if args.page else library.pages()
        for page in pages:
            raw = library.raw_page(page.id)
            if raw is None:
                report(f'"{page.title}": no cached copy to parse again')
                failed += 1
                continue
            try:
                parsed = parse_source(Source(str(page.id), raw.data, raw.url, raw.content_type))
                result = library.save_page(parsed, page_id=page.id)
            except (UserError, LibraryError) as exc:
                report(f'"{page.title}": {exc}')
                failed += 1
                continue
            print(f'reparsed  "{clean(result.title)}"  {describe(result)}', flush=True)
    return 2 if failed else 0
