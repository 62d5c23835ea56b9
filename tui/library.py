"""The offline library: one SQLite database of pages and entries.

CONTRACT (stub): the signatures and row types below are what the app, the CLI
and following code against. Bodies are filled in by the library work; keep the
names and meanings, extend where needed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tui.model import Page


class LibraryError(Exception):
    """A failure worth one line to the user (corrupt or read-only database, ...)."""


class PageNotFound(LibraryError):
    """PAGE matched no page, or more than one."""


@dataclass(frozen=True)
class SaveResult:
    page_id: int
    title: str
    total: int  # entries on the page now
    added: int  # entries new to the library
    edited: int  # entries whose text changed
    removed: int  # entries gone from the page (kept, marked removed)


@dataclass(frozen=True)
class PageSummary:
    id: int
    title: str
    source: str | None
    kind: str  # "liveblog" | "article"
    url: str | None
    entries: int
    unread: int
    starred: int
    published: datetime | None
    updated: datetime | None
    last_checked: datetime | None  # last fetch attempt that succeeded (or 304)


@dataclass(frozen=True)
class EntryFilter:
    """What the entry list shows. All fields None/False: every entry."""

    page_id: int | None = None
    topic: str | None = None
    unread_only: bool = False
    starred_only: bool = False


@dataclass(frozen=True)
class EntryRow:
    """The light row the entry list draws: no body."""

    rowid: int
    page_id: int
    position: int
    time: datetime | None
    headline: str
    read: bool
    starred: bool
    edited: bool
    removed: bool
    first_seen: datetime  # when the library first stored it (for "new since last visit")


@dataclass(frozen=True)
class EntryDetail:
    """Everything the detail view shows for one entry."""

    row: EntryRow
    entry_id: str
    time_text: str | None
    body_markdown: str
    topics: tuple[str, ...]
    links: tuple[tuple[str, str], ...]  # (url, text)
    media: tuple[tuple[str, str | None, str | None, str | None], ...]  # (kind, caption, credit, url)
    page_title: str
    page_kind: str
    page_url: str | None
    source: str | None
    previous_body: str | None  # the text before the last edit, when edited


@dataclass(frozen=True)
class SearchHit:
    rowid: int
    page_id: int
    page_title: str
    headline: str
    snippet: str
    time: datetime | None


class Library:
    @classmethod
    def open(cls, path: Path | None = None) -> Library:
        """Open (creating and migrating) the database; default path is
        platformdirs.user_data_dir("newsreader")/library.sqlite3. Seeds the
        bundled sample pages on first creation."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # --- writes (each one transaction) ---
    def save_page(self, page: Page, raw: bytes | None = None) -> SaveResult:
        raise NotImplementedError

    def remove_page(self, page_id: int) -> None:
        raise NotImplementedError

    def set_read(self, rowids: Sequence[int], read: bool = True) -> None:
        raise NotImplementedError

    def set_starred(self, rowid: int, starred: bool) -> None:
        raise NotImplementedError

    def mark_seen(self, page_id: int) -> None:
        """Record that the user has seen the page as it is now."""
        raise NotImplementedError

    # --- reads ---
    def pages(self) -> list[PageSummary]:
        raise NotImplementedError

    def page_summary(self, page_id: int) -> PageSummary:
        raise NotImplementedError

    def find_page(self, ref: str) -> PageSummary:
        """A page id or a unique part of its title; PageNotFound otherwise."""
        raise NotImplementedError

    def seen_up_to(self, page_id: int) -> datetime | None:
        raise NotImplementedError

    def topics(self, page_id: int | None = None) -> list[tuple[str, int]]:
        """Topics with entry counts, most used first."""
        raise NotImplementedError

    def entry_rowids(self, flt: EntryFilter) -> list[int]:
        """Row ids in display order; cheap even for 100,000 entries."""
        raise NotImplementedError

    def entry_rows(self, rowids: Sequence[int]) -> list[EntryRow]:
        """Light rows for the given ids, in the given order."""
        raise NotImplementedError

    def entry_detail(self, rowid: int) -> EntryDetail:
        raise NotImplementedError

    def search(self, query: str, limit: int = 200) -> list[SearchHit]:
        """Full-text, ranked, accent- and case-insensitive."""
        raise NotImplementedError
