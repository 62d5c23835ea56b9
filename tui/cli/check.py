"""`newsreader check [--recover]`: run SQLite's integrity check on the
library; with --recover, copy what is readable of a damaged library into a
new one put in its place (the damaged file is kept beside it)."""

from __future__ import annotations

import argparse

from tui.library import LibraryError, default_path
from tui.library.recover import integrity_problems, recover

HELP = "check the library file for damage; --recover copies what is readable into a new one"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--recover", action="store_true",
                        help="if the library is damaged, copy every readable page and entry "
                             "(with read and starred marks) into a new library; the damaged "
                             "file is kept as library.sqlite3.damaged-TIME")


def run(args: argparse.Namespace) -> int:
    path = default_path()
    if not path.exists():
        print(f"no library yet at {path}: newsreader makes one on first use")
        return 0
    try:
        problems = integrity_problems(path)
    except LibraryError:
        problems = ["the file is not a readable SQLite database"]
    if not problems:
        print(f"library {path}: ok")
        return 0
    if not args.recover:
        raise LibraryError(
            f"library {path} is damaged ({problems[0]}"
            + (f"; {len(problems)} problems found" if len(problems) > 1 else "")
            + "). Close other newsreaders, then run: newsreader check --recover")
    done = recover(path)
    print(f"recovered {done.pages} pages and {done.entries:,} entries into a new {path}"
          + (f" ({done.unreadable} unreadable stretches skipped)" if done.unreadable else ""))
    print(f"the damaged file is kept as {done.damaged_copy}")
    return 0
