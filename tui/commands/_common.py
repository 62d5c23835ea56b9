"""Helpers the library subcommands share: opening the library, making page
text safe for a terminal, one-line error reports."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable

from tui.errors import print_error
from tui.ingest.clean import clean_inline, strip_controls
from tui.library import Library, LibraryError, SaveResult
from tui.model import cut_note


def clean(text: object, multiline: bool = False) -> str:
    """Page text made safe to print: escape sequences and control characters
    removed; on one line unless `multiline`."""
    out = str(text) if text is not None else ""
    return strip_controls(out) if multiline else clean_inline(out)


def open_library(*, write: bool = True, check: bool = True) -> Library:
    """The user's library. One that fails SQLite's integrity check is refused
    with `check`, in one line, before anything is read from it or written
    into it. A command that only reads (`write=False`) uses the read-only
    connection, so it works in a read-only data folder (a library not made
    yet, or of an older schema, is opened for writing: created or migrated)."""
    from tui.library import NeedsMigration, default_path

    library = None
    try:
        exists = default_path().exists()
    except OSError:  # a folder on the way cannot be read: opening says so
        exists = True
    if not write and exists:
        try:
            library = Library.open(read_only=True)
        except NeedsMigration:
            pass
    if library is None:
        library = Library.open()
    problems = library.problems() if check else []
    if problems:
        library.close()
        raise LibraryError(
            f"library {library.path} is damaged ({problems[0]}); nothing was changed. "
            "Recover what is readable with: newsreader check --recover")
    return library


def width(default: int = 100) -> int:
    return max(40, shutil.get_terminal_size((default, 24)).columns)


def truncate(text: str, limit: int) -> str:
    if limit <= 1:
        return text[:max(limit, 0)]
    return text if len(text) <= limit else text[:limit - 1] + "…"


def import_sources(library: Library, specs: Iterable[str]) -> tuple[int | None, int]:
    """Import each SOURCE (a file, - for stdin, a URL; a feed's URL imports
    its items): a line on stdout per page stored, the error on stderr for a
    source that fails. Returns the first page id stored and how many failed."""
    from tui.commands._feeds import add_feed_source, print_feed_hint
    from tui.errors import UserError
    from tui.ingest.feed import is_feed
    from tui.library import LibraryError
    from tui.sources import import_source, read_source

    first: int | None = None
    failed = 0
    for spec in specs:
        try:
            source = read_source(spec)
            if is_feed(source.data, source.content_type):  # RSS/Atom: each item a page
                feed = add_feed_source(library, source)
                failed += bool(feed.failed)
                stored = [item.result.page_id for item in feed.items if item.result]
                if first is None and stored:
                    first = stored[0]
                continue
            result = import_source(library, source)
        except (UserError, LibraryError) as exc:
            report(str(exc))
            failed += 1
            continue
        print(f'added  "{clean(result.title)}"  {result.describe()}', flush=True)
        report_cut(result)
        print_feed_hint(library, result)
        if first is None:
            first = result.page_id
    return first, failed


def report_cut(result: SaveResult) -> None:
    """On stderr, when the page was cut at the parser's limit: never silent."""
    if result.cut:
        report(f'"{result.title}": {cut_note(result.total, result.cut)}')


def report(message: str) -> None:
    """One error line on stderr, for a failure the command goes on after."""
    print_error(message)


def run_jobs(jobs: Iterable[tuple[str, Callable[[], str]]]) -> int:
    """Run each (label, job): print `label  what it did`, or the job's error on
    stderr and go on with the next one. Returns how many failed."""
    from tui.errors import UserError
    from tui.library import LibraryError

    failed = 0
    for label, job in jobs:
        try:
            line = job()
        except (UserError, LibraryError) as exc:
            report(f"{label}: {exc}")
            failed += 1
            continue
        print(f"{clean(label)}  {line}", flush=True)
    return failed
