"""The offline library: one SQLite database of pages and entries.

The public face the app, the CLI and following use. The parts behind it:
tui.library.schema (schema, migrations, connection settings), tui.library.merge
(merging a page into the stored one), tui.library.queries (queries),
tui.library.search (FTS5), tui.library.rows (row types, re-exported here).

Threads: one sqlite3 connection, opened with check_same_thread=False, shared by
the UI thread and Textual workers; every method holds `self._lock` (an RLock)
for its whole duration, so calls never interleave on the connection. Other
processes (cron running `newsreader refresh`) use their own connections: WAL
lets readers go on while one writer writes, writers queue on `BEGIN
IMMEDIATE` with a 10 s busy timeout.

Every write is one transaction: a page is stored whole or not at all, even
when the process is killed half-way.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from tui.i18n import _
from tui.library import feeds, queries, schema, search
from tui.library.feeds import FeedRow
from tui.library.merge import FetchInfo, merge_page
from tui.library.rows import (
    EntryDetail,
    EntryFilter,
    EntryRow,
    LibraryError,
    NeedsMigration,
    PageNotFound,
    PageSummary,
    SaveResult,
    SearchHit,
)
from tui.model import Page
from tui.textnorm import web_url

__all__ = [
    "EntryDetail", "EntryFilter", "EntryRow", "FeedRow", "FetchInfo", "FetchState", "Library",
    "LibraryError", "NeedsMigration", "PageNotFound", "PageSummary", "SaveResult", "SearchHit",
    "default_cache_dir", "default_path",
]

DB_NAME = "library.sqlite3"


def default_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("newsreader")) / DB_NAME


def default_cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("newsreader")) / "pages"


@dataclass(frozen=True)
class FetchState:
    """What `refresh` needs to ask for a page again."""

    page_id: int
    fetch_url: str | None
    etag: str | None
    last_modified: str | None
    coverage_end: datetime | None = None  # a live blog's coverageEndTime (following)
    feed_url: str | None = None  # the page's own RSS/Atom link, if it has one


# The pages a new library starts with: (name, page) pairs, parsed by the caller.
Seeds = Callable[[], Iterable[tuple[str, Page]]]


@dataclass(frozen=True)
class RawPage:
    """The bytes a page was parsed from, for `reparse`: None when no copy is
    cached (a bundled seed's bytes are the pipeline's to find, by `origin`)."""

    page_id: int
    data: bytes | None
    url: str | None
    content_type: str | None
    origin: str | None = None  # URL, file path, "seed:NAME" or "-"


class Library:
    def __init__(self, conn: sqlite3.Connection, path: Path, cache_dir: Path) -> None:
        self._conn = conn
        self._lock = threading.RLock()
        self.path = path
        self.cache_dir = cache_dir
        self.clock: Callable[[], float] = time.time  # tests may replace it
        self.created = False  # True when open() created the database

    # --- opening ---
    @classmethod
    def open(cls, path: Path | None = None, seed: Seeds | None = None, *,
             read_only: bool = False, cache_dir: Path | None = None) -> Library:
        """Open (creating and migrating) the database; default path is
        platformdirs.user_data_dir("newsreader")/library.sqlite3. A library
        created by this call gets the pages `seed` gives (the pipeline's
        bundled samples, tui.pipeline.seeding), in the creating transaction.
        Raw pages are cached in user_cache_dir("newsreader")/pages, or beside
        the database (`<name>.pages/`) when a path is given."""
        if path is None:
            path = default_path()
            cache_dir = cache_dir or default_cache_dir()
        path = Path(path)
        cache_dir = cache_dir or path.with_name(path.name + ".pages")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(_("cannot create library folder {folder}: {reason}").format(
                folder=path.parent, reason=exc.strerror or exc)) from None
        try:
            conn = schema.connect(path, read_only=read_only)
        except sqlite3.Error as exc:
            raise LibraryError(schema.describe_error(path, exc)) from None
        lib = cls(conn, path, cache_dir)
        try:
            with lib._lock:
                if read_only:
                    version = conn.execute("PRAGMA user_version").fetchone()[0]
                    if version != schema.SCHEMA_VERSION:
                        raise NeedsMigration(
                            _("library {path} needs a migration but is opened read-only")
                            .format(path=path))
                else:
                    on_create = partial(lib._seed, seeds=seed) if seed else None
                    lib.created = schema.migrate(conn, on_create)
                    lib._clean_cache_temp()
        except sqlite3.Error as exc:
            conn.close()
            raise LibraryError(schema.describe_error(path, exc)) from None
        except BaseException:
            conn.close()
            raise
        return lib

    def problems(self) -> list[str]:
        """What SQLite's quick_check finds wrong with the database file
        (empty when it is sound). Reads every page of the file: for commands
        about to write, so a damaged library is refused, never written into."""
        try:
            with self._read() as conn:
                rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check(20)")]
        except (sqlite3.DatabaseError, LibraryError):
            return [_("too damaged for quick_check to run")]
        lines = [line for row in rows for line in row.splitlines()
                 if line and not line.startswith("*** in database")]
        return [] if lines == ["ok"] else lines

    def _clean_cache_temp(self) -> None:
        """Remove the cache's temp files that a killed process left behind
        (`.N.raw.PID.tmp`, written then renamed by _store_raw), older than a
        minute so another process's file being written is not touched."""
        try:
            leftovers = list(self.cache_dir.glob(".*.raw.*.tmp"))
        except OSError:
            return
        now = time.time()
        for tmp in leftovers:
            try:
                if now - tmp.stat().st_mtime > 60:
                    tmp.unlink()
            except OSError:
                pass

    def _seed(self, conn: sqlite3.Connection, seeds: Seeds) -> None:
        now = self.clock()
        for name, page in seeds():
            merge_page(conn, page, now, FetchInfo(origin=f"seed:{name}",
                                                  content_type="text/plain"))

    def close(self) -> None:
        with self._lock:
            try:
                self._conn.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass
            self._conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- plumbing ---
    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._conn
            except sqlite3.Error as exc:
                raise LibraryError(schema.describe_error(self.path, exc)) from None

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One `BEGIN IMMEDIATE` transaction: committed whole or rolled back."""
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise LibraryError(schema.describe_error(self.path, exc)) from None
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException as exc:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise LibraryError(schema.describe_error(self.path, exc)) from None
                raise

    # --- writes (each one transaction) ---
    def save_page(self, page: Page, raw: bytes | None = None,
                  fetch: FetchInfo | None = None, page_id: int | None = None) -> SaveResult:
        """Store a page, merging with the stored version: new entries added,
        changed ones updated and marked edited, vanished ones marked removed;
        read/starred state kept. The stored version is the one with the same
        key (URL, else source + title), or `page_id` when given (refresh,
        reparse). `raw` (the bytes it was parsed from) is kept in the cache for
        `reparse`; `fetch` records where it came from. A page address that is
        no http(s) URL is not kept (it would be opened and copied)."""
        if page.url is not None and web_url(page.url) is None:
            page = replace(page, url=None)
        with self._write() as conn:
            try:
                counts = merge_page(conn, page, self.clock(), fetch, page_id)
            except LookupError as exc:
                raise PageNotFound(str(exc)) from None
            if raw is not None:
                name = self._store_raw(counts.page_id, raw)
                conn.execute("UPDATE pages SET raw_file = ? WHERE id = ?",
                             (name, counts.page_id))
            title = conn.execute("SELECT title FROM pages WHERE id = ?",
                                 (counts.page_id,)).fetchone()[0]
        return SaveResult(page_id=counts.page_id, title=title, total=counts.total,
                          added=counts.added, edited=counts.edited, removed=counts.removed,
                          new_rowids=counts.new_rowids, cut=counts.cut)

    def _store_raw(self, page_id: int, raw: bytes) -> str:
        name = f"{page_id}.raw"
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            tmp = self.cache_dir / f".{name}.{os.getpid()}.tmp"
            tmp.write_bytes(raw)
            os.replace(tmp, self.cache_dir / name)
        except OSError as exc:
            raise LibraryError(_("cannot write the page cache {folder}: {reason}").format(
                folder=self.cache_dir, reason=exc.strerror or exc)) from None
        return name

    def remove_page(self, page_id: int) -> None:
        with self._write() as conn:
            row = conn.execute("SELECT raw_file FROM pages WHERE id = ?", (page_id,)).fetchone()
            if row is None:
                raise PageNotFound(_("no page with id {id}").format(id=page_id))
            conn.execute("DELETE FROM pages WHERE id = ?", (page_id,))
        if row[0]:
            (self.cache_dir / row[0]).unlink(missing_ok=True)

    def set_read(self, rowids: Sequence[int], read: bool = True) -> None:
        """Mark entries read or unread, and their copies on other pages (one
        wire item read once is read)."""
        with self._write() as conn:
            for chunk, marks in queries.in_lists(rowids):
                conn.execute(f"UPDATE entries SET read = ? WHERE id IN ({marks})",
                             [int(read), *chunk])
                conn.execute(
                    "UPDATE entries SET read = ? WHERE read != ? AND shared = 1 AND text_key IN"
                    f" (SELECT text_key FROM entries WHERE id IN ({marks}) AND shared = 1)",
                    [int(read), int(read), *chunk])

    def set_starred(self, rowid: int, starred: bool) -> None:
        with self._write() as conn:
            conn.execute("UPDATE entries SET starred = ? WHERE id = ?", (int(starred), rowid))

    def mark_seen(self, page_id: int) -> None:
        """Record that the user has seen the page as it is now."""
        with self._write() as conn:
            conn.execute("UPDATE pages SET seen_up_to = ? WHERE id = ?", (self.clock(), page_id))

    def mark_view_seen(self, view: str) -> None:
        """Record that the user has seen a view of several pages (the river:
        "live") as it is now."""
        with self._write() as conn:
            conn.execute("INSERT OR REPLACE INTO view_seen (view, seen_up_to) VALUES (?, ?)",
                         (view, self.clock()))

    def view_seen_up_to(self, view: str) -> datetime | None:
        with self._read() as conn:
            row = conn.execute("SELECT seen_up_to FROM view_seen WHERE view = ?",
                               (view,)).fetchone()
        return datetime.fromtimestamp(row[0], UTC) if row else None

    def record_check(self, page_id: int, *, error: str | None = None,
                     etag: str | None = None, last_modified: str | None = None) -> None:
        """After a refresh that stored nothing: a 304 (error None; validators
        updated when given) or a failure (kept as last_error)."""
        with self._write() as conn:
            if error is not None:
                conn.execute("UPDATE pages SET last_error = ? WHERE id = ?", (error, page_id))
                return
            conn.execute(
                "UPDATE pages SET last_checked = ?, last_error = NULL,"
                " etag = coalesce(?, etag), last_modified = coalesce(?, last_modified)"
                " WHERE id = ?", (self.clock(), etag, last_modified, page_id))

    # --- reads ---
    def pages(self) -> list[PageSummary]:
        with self._read() as conn:
            return queries.pages(conn)

    def page_summary(self, page_id: int) -> PageSummary:
        with self._read() as conn:
            return queries.page_summary(conn, page_id)

    def find_page(self, ref: str) -> PageSummary:
        """A page id or a unique part of its title; PageNotFound otherwise."""
        with self._read() as conn:
            return queries.find_page(conn, ref)

    def reader_state(self) -> dict[str, str]:
        """Where the reader was when it last quit (names and values are the
        app's: "view", "entry", "scroll")."""
        with self._read() as conn:
            return {str(n): str(v) for n, v in conn.execute(
                "SELECT name, value FROM reader_state")}

    def save_reader_state(self, state: dict[str, str]) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM reader_state")
            conn.executemany("INSERT INTO reader_state (name, value) VALUES (?, ?)",
                             list(state.items()))

    def unseen(self) -> dict[int, int]:
        """Entries new since the reader last left each page (pages it has
        left at least once), by page id."""
        with self._read() as conn:
            return {int(p): int(n) for p, n in conn.execute(
                "SELECT e.page_id, count(*) FROM entries e JOIN pages p ON p.id = e.page_id"
                " WHERE p.seen_up_to IS NOT NULL AND e.first_seen > p.seen_up_to"
                " GROUP BY e.page_id")}

    def seen_up_to(self, page_id: int) -> datetime | None:
        with self._read() as conn:
            return queries.seen_up_to(conn, page_id)

    def last_activity(self, page_id: int) -> float | None:
        """When the page last had something new (a timestamp): its newest
        entry time, or when no entry has a time, when the library last saw a
        new entry; None for a page without entries."""
        with self._read() as conn:
            return queries.last_activity(conn, page_id)

    def topics(self, page_id: int | None = None) -> list[tuple[str, int]]:
        """Topics with entry counts, most used first."""
        with self._read() as conn:
            return queries.topics(conn, page_id)

    def entry_rowids(self, flt: EntryFilter, limit: int | None = None) -> list[int]:
        """Row ids in display order (the first `limit`); cheap even for
        100,000 entries."""
        with self._read() as conn:
            return queries.entry_rowids(conn, flt, limit)

    def with_words(self, rowids: Sequence[int], words: tuple[str, ...]) -> set[int]:
        """Those of `rowids` whose entry (headline, text, topics) holds one of
        `words`: whole words, accents and case aside (the watch words)."""
        with self._read() as conn:
            return queries.with_words(conn, rowids, words)

    def count_entries(self, flt: EntryFilter) -> int:
        """How many entries `flt` lists (without listing them)."""
        with self._read() as conn:
            return queries.count_entries(conn, flt)

    def nearest_entry(self, flt: EntryFilter, when: datetime, *,
                      before: datetime | None = None,
                      after: datetime | None = None) -> int | None:
        """The entry of `flt` whose time is nearest `when` (time travel),
        among those before `before` / after `after` when given."""
        with self._read() as conn:
            return queries.nearest_entry(
                conn, flt, when.timestamp(), before.timestamp() if before else None,
                after.timestamp() if after else None)

    def entries_new_since(self, flt: EntryFilter, since: datetime, limit: int) -> set[int]:
        """Entries of `flt` first stored after `since` (at most `limit`)."""
        with self._read() as conn:
            return queries.entries_new_since(conn, flt, since.timestamp(), limit)

    def time_span(self, flt: EntryFilter) -> tuple[datetime, datetime] | None:
        """When the oldest and the newest timed entries of `flt` are (UTC)."""
        with self._read() as conn:
            span = queries.time_span(conn, flt)
        if span is None:
            return None
        return datetime.fromtimestamp(span[0], UTC), datetime.fromtimestamp(span[1], UTC)

    def entry_rows(self, rowids: Sequence[int]) -> list[EntryRow]:
        """Light rows for the given ids, in the given order."""
        with self._read() as conn:
            return queries.entry_rows(conn, rowids)

    def entry_detail(self, rowid: int) -> EntryDetail:
        with self._read() as conn:
            return queries.entry_detail(conn, rowid)

    def entries(self, page_id: int | None = None, starred_only: bool = False
                ) -> list[EntryDetail]:
        """Full entries of a page in page order, or (page_id None) across pages
        newest first; for export."""
        with self._read() as conn:
            return queries.entries_for_export(conn, page_id, starred_only)

    def stored_page(self, page_id: int) -> Page:
        """The page's own fields (title, lead, authors, ...) as a model Page
        without entries; for export."""
        with self._read() as conn:
            return queries.stored_page(conn, page_id)

    def search(self, query: str, limit: int = 200, markers: tuple[str, str] = ("**", "**"),
               snippets: bool = True) -> list[SearchHit]:
        """Full-text, ranked, accent- and case-insensitive. The snippet marks
        matched words with `markers`; `snippets=False` skips them (faster)."""
        with self._read() as conn:
            return search.search(conn, query, limit, markers, snippets)

    def fetch_state(self, page_id: int) -> FetchState:
        with self._read() as conn:
            row = conn.execute("SELECT fetch_url, etag, last_modified, coverage_end, feed_url"
                               " FROM pages WHERE id = ?", (page_id,)).fetchone()
        if row is None:
            raise PageNotFound(_("no page with id {id}").format(id=page_id))
        return FetchState(page_id, row[0], row[1], row[2], queries.from_iso(row[3]), row[4])

    def raw_page(self, page_id: int) -> RawPage:
        """Where a page came from and its cached bytes (None when not cached)."""
        with self._read() as conn:
            row = conn.execute("SELECT raw_file, origin, url, content_type FROM pages"
                               " WHERE id = ?", (page_id,)).fetchone()
        if row is None:
            raise PageNotFound(_("no page with id {id}").format(id=page_id))
        raw_file, origin, url, content_type = row
        data: bytes | None = None
        if raw_file:
            try:
                data = (self.cache_dir / raw_file).read_bytes()
            except OSError:
                data = None
        return RawPage(page_id, data, url, content_type, origin)

    # --- feeds (tui.library.feeds) ---
    def save_feed(self, url: str, title: str, etag: str | None = None,
                  last_modified: str | None = None) -> int:
        """Remember a feed (or update it after a fetch); its id."""
        with self._write() as conn:
            return feeds.save_feed(conn, url, title, self.clock(), etag, last_modified)

    def feeds(self) -> list[FeedRow]:
        with self._read() as conn:
            return feeds.feeds(conn)

    def feed_links(self, feed_id: int) -> set[str]:
        """Links of the feed's items already imported."""
        with self._read() as conn:
            return feeds.feed_links(conn, feed_id)

    def add_feed_item(self, feed_id: int, link: str, page_id: int | None) -> None:
        with self._write() as conn:
            feeds.add_feed_item(conn, feed_id, link, page_id, self.clock())

    def record_feed_check(self, feed_id: int, error: str | None = None) -> None:
        """A 304 for the feed (error None), or a failure kept as its last error."""
        with self._write() as conn:
            feeds.record_feed_check(conn, feed_id, self.clock(), error)
