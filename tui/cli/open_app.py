"""`newsreader [SOURCE...]`: import the sources, then open the reader.

Sources are read and stored before the app starts, each failure printed as
one line; the app opens on the first source that made it into the library.
"""

from __future__ import annotations

import argparse
import os
import sys

from tui.errors import batch_status, print_error
from tui.i18n import N_, _, count, ngettext

HELP = N_("open the reader (after importing SOURCEs)")


def import_sources(sources: list[str]) -> tuple[int | None, list[BaseException]]:
    """Store each source as `newsreader add` does (a feed's URL imports its
    items), reporting on stderr: the first page id stored, and how many failed."""
    from contextlib import redirect_stdout

    from tui.cli.common import import_sources as import_all
    from tui.cli.common import open_library

    with open_library() as library, redirect_stdout(sys.stderr):
        return import_all(library, sources)


def run(args: argparse.Namespace) -> int:
    sources: list[str] = list(getattr(args, "sources", []) or [])
    first: int | None = None
    failed: list[BaseException] = []
    if sources:
        first, failed = import_sources(sources)
        if first is None:
            return batch_status(failed)
    served = os.environ.get("TEXTUAL_DRIVER", "").endswith(":WebDriver")  # newsreader serve
    if not served and (not sys.stdout.isatty() or not sys.stdin.isatty()):
        if sources and "-" in sources:
            # stdin was the page; the terminal is still there for the app.
            _reattach_terminal()
        else:
            print_error(_("the reader needs a terminal (use `newsreader list` "
                          "or `newsreader search` in scripts)"))
            return 2
    from tui.app.app import NewsReaderApp

    notices = [ngettext("{n} source(s) could not be imported; see the terminal.",
                        "{n} source(s) could not be imported; see the terminal.",
                        len(failed)).format(n=count(len(failed)))] if failed else []
    NewsReaderApp(initial_page=first, notices=notices).run()
    return 0


def _reattach_terminal() -> None:
    """After reading a page from stdin, read keys from the terminal."""
    import os

    try:
        fd = os.open("/dev/tty", os.O_RDWR)
    except OSError:
        return
    os.dup2(fd, 0)
    os.close(fd)
    sys.stdin = open(0, closefd=False)  # noqa: SIM115
