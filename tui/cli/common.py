"""What the library subcommands share: opening the library, importing
sources with a line for each, running a job per page."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from tui.cli.output import clean, describe_saved, report, report_cut
from tui.library import Library, LibraryError


def open_library(*, write: bool = True, check: bool = True) -> Library:
    """The user's library. One that fails SQLite's integrity check is refused
    with `check`, in one line, before anything is read from it or written
    into it. A command that only reads (`write=False`) uses the read-only
    connection, so it works in a read-only data folder (a library not made
    yet, or of an older schema, is opened for writing: created or migrated)."""
    from tui.library import NeedsMigration, default_path
    from tui.pipeline.seeding import open_library as open_seeded

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
        library = open_seeded()
    problems = library.problems() if check else []
    if problems:
        library.close()
        raise LibraryError(
            f"library {library.path} is damaged ({problems[0]}); nothing was changed. "
            "Recover what is readable with: newsreader check --recover")
    return library


def import_sources(library: Library, specs: Iterable[str]) -> tuple[int | None, int]:
    """Import each SOURCE (a file, - for stdin, a URL; a feed's URL imports
    its items): a line on stdout per page stored, the error on stderr for a
    source that fails. Returns the first page id stored and how many failed."""
    from tui.cli.feed_lines import item_line, print_feed_hint, summary
    from tui.errors import UserError
    from tui.pipeline.adding import add_source

    first: int | None = None
    failed = 0
    for spec in specs:
        try:
            added = add_source(library, spec, on_item=item_line)
        except (UserError, LibraryError) as exc:
            report(str(exc))
            failed += 1
            continue
        if added.feed is not None:  # RSS/Atom: each item a page
            print(f'feed   "{clean(added.feed.title)}"  {summary(added.feed)}', flush=True)
            failed += bool(added.feed.failed)
        for result in added.pages:
            if added.feed is None:
                print(describe_saved(result), flush=True)
                report_cut(result)
                print_feed_hint(library, result)
            if first is None:
                first = result.page_id
    return first, failed


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
