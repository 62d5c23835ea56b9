"""`newsreader add SOURCE...`: import files, stdin (-) or http(s) URLs."""

from __future__ import annotations

import argparse

from tui.commands._common import clean, open_library, report
from tui.errors import UserError
from tui.library import LibraryError, SaveResult
from tui.sources import import_source, read_source

HELP = "import pages into the library: files, - for stdin, http(s) URLs"


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
                result = import_source(library, read_source(spec))
            except (UserError, LibraryError) as exc:
                report(str(exc))
                failed += 1
                continue
            print(f'added  "{clean(result.title)}"  {describe(result)}', flush=True)
    return 2 if failed else 0
