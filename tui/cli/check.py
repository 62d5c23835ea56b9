"""`newsreader check [--recover]`: run SQLite's integrity check on the
library; with --recover, copy what is readable of a damaged library into a
new one put in its place (the damaged file is kept beside it)."""

from __future__ import annotations

import argparse

from tui.i18n import N_, _, count, ngettext, number
from tui.library import LibraryError, default_path
from tui.library.recover import integrity_problems, recover

HELP = N_("check the library file for damage; --recover copies what is readable into a new one")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--recover", action="store_true",
                        help=_("if the library is damaged, copy every readable page and entry "
                               "(with read and starred marks) into a new library; the damaged "
                               "file is kept as library.sqlite3.damaged-TIME"))


def run(args: argparse.Namespace) -> int:
    path = default_path()
    if not path.exists():
        print(_("no library yet at {path}: newsreader makes one on first use").format(path=path))
        return 0
    try:
        problems = integrity_problems(path)
    except LibraryError:
        problems = [_("the file is not a readable SQLite database")]
    if not problems:
        print(_("library {path}: ok").format(path=path))
        return 0
    if not args.recover:
        if len(problems) > 1:  # so always a plural
            message = _("library {path} is damaged ({problem}; {n} problems found). Close "
                        "other newsreaders, then run: newsreader check --recover")
        else:
            message = _("library {path} is damaged ({problem}). Close other newsreaders, "
                        "then run: newsreader check --recover")
        raise LibraryError(message.format(path=path, problem=problems[0],
                                          n=count(len(problems))))
    done = recover(path)
    # TRANSLATORS: the counts of "recovered {pages} and {entries} into a new {path}".
    pages = ngettext("{n} pages", "{n} pages", done.pages).format(n=count(done.pages))
    entries = ngettext("{n} entries", "{n} entries", done.entries).format(
        n=number(done.entries))
    if done.unreadable:
        line = ngettext("recovered {pages} and {entries} into a new {path} "
                        "({n} unreadable stretches skipped)",
                        "recovered {pages} and {entries} into a new {path} "
                        "({n} unreadable stretches skipped)", done.unreadable)
    else:
        line = _("recovered {pages} and {entries} into a new {path}")
    print(line.format(pages=pages, entries=entries, path=path, n=count(done.unreadable)))
    print(_("the damaged file is kept as {path}").format(path=done.damaged_copy))
    return 0
