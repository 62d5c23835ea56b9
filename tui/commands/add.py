"""`newsreader add SOURCE...`: import files, stdin (-) or http(s) URLs."""

from __future__ import annotations

import argparse

from tui.commands._common import clean, open_library, report
from tui.commands._feeds import add_feed_source, print_feed_hint
from tui.errors import UserError
from tui.ingest.feed import is_feed
from tui.library import LibraryError, SaveResult
from tui.sources import import_source, read_source

HELP = "import pages into the library: files, - for stdin, http(s) URLs, RSS/Atom feeds"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sources", nargs="+", metavar="SOURCE",
                        help="a file, - for standard input, or an http(s) URL")


def describe(result: SaveResult) -> str:
    """`20 entries, 3 new` (+ edited/removed when there are some)."""
    text = f"{result.total} entries, {result.added} new"
    if result.edited:
        text += f", {result.edited} edited"
    if result.removed:
        text += f", {result.removed} removed"
    return text


def run(args: argparse.Namespace) -> int:
    failed = 0
    with open_library() as library:
        for spec in args.sources:
            try:
                source = read_source(spec)
                if is_feed(source.data, source.content_type):  # RSS/Atom: each item a page
                    failed += bool(add_feed_source(library, source).failed)
                    continue
                result = import_source(library, source)
            except (UserError, LibraryError) as exc:
                report(str(exc))
                failed += 1
                continue
            print(f'added  "{clean(result.title)}"  {describe(result)}', flush=True)
            print_feed_hint(library, result)
    return 2 if failed else 0
