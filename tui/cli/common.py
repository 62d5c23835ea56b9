"""What the library subcommands share: opening the library, importing
sources with a line for each, running a job per page."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from tui.cli.output import clean, describe_saved, report, report_cut, truncate, width
from tui.i18n import _
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
            _("library {path} is damaged ({problem}); nothing was changed. "
              "Recover what is readable with: newsreader check --recover").format(
                path=library.path, problem=problems[0]))
    return library


def import_sources(library: Library, specs: Iterable[str]
                   ) -> tuple[int | None, list[BaseException]]:
    """Import each SOURCE (a file, - for stdin, a URL; a feed's URL imports
    its items): a line on stdout per page stored, the error on stderr for a
    source that fails. Returns the first page id stored and the failures
    (tui.errors.batch_status makes them an exit status)."""
    from tui.cli.feed_lines import item_line, print_feed_hint, summary
    from tui.errors import UserError
    from tui.i18n import count, ngettext
    from tui.pipeline.adding import add_source
    from tui.pipeline.fetch import FetchError

    first: int | None = None
    failures: list[BaseException] = []
    for spec in specs:
        try:
            with fetching_note(spec):
                added = add_source(library, spec, on_item=item_line)
        except (UserError, LibraryError) as exc:
            report(str(exc))
            failures.append(exc)
            continue
        if added.feed is not None:  # RSS/Atom: each item a page
            print(_('feed   "{title}"  {what}').format(
                title=clean(added.feed.title), what=summary(added.feed)), flush=True)
            if added.feed.failed:  # items whose pages could not be fetched
                failed = added.feed.failed
                failures.append(FetchError(ngettext(
                    "{n} items failed", "{n} items failed", failed).format(n=count(failed))))
        for result in added.pages:
            if added.feed is None:
                print(describe_saved(result), flush=True)
                report_cut(result)
                print_feed_hint(library, result)
            if first is None:
                first = result.page_id
    return first, failures


def run_jobs(jobs: Iterable[tuple[str, Callable[[], str]]]) -> int:
    """Run each (label, job): print `label  what it did`, or the job's error on
    stderr and go on with the next one. Returns the exit status
    (tui.errors.batch_status)."""
    from tui.errors import UserError, batch_status
    from tui.library import LibraryError

    failures: list[BaseException] = []
    for label, job in jobs:
        try:
            with fetching_note(label):
                line = job()
        except (UserError, LibraryError) as exc:
            report(f"{label}: {exc}")
            failures.append(exc)
            continue
        print(f"{clean(label)}  {line}", flush=True)
    return batch_status(failures)


@contextmanager
def fetching_note(what: str) -> Iterator[None]:
    """On a terminal, "fetching WHAT…" on stderr while a slow step runs
    (after half a second), erased when it is done; nothing in a pipe."""
    import sys
    import threading

    if not sys.stderr.isatty():
        yield
        return
    line = truncate(_("fetching {what}…").format(what=clean(what)), width() - 1)
    shown = threading.Event()

    def show() -> None:
        shown.set()
        sys.stderr.write(line + "\r")
        sys.stderr.flush()

    timer = threading.Timer(0.5, show)
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        timer.join()
        if shown.is_set():
            sys.stderr.write(" " * len(line) + "\r")
            sys.stderr.flush()
