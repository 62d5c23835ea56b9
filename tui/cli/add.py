"""`newsreader add SOURCE...`: import files, stdin (-) or http(s) URLs."""

from __future__ import annotations

import argparse

from tui.cli.common import import_sources, open_library
from tui.errors import batch_status
from tui.i18n import N_, _

HELP = N_("import pages into the library: files, - for stdin, http(s) URLs, RSS/Atom feeds")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sources", nargs="+", metavar="SOURCE",
                        help=_("a file, - for standard input, or an http(s) URL"))


def run(args: argparse.Namespace) -> int:
    with open_library() as library:
        _first, failures = import_sources(library, args.sources)
    return batch_status(failures)
