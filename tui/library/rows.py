"""The library's row types and errors: what the app, the CLI and following
read. Re-exported by tui.library, which is where callers import them from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from tui.i18n import _, count, ngettext


class LibraryError(Exception):
    """A failure worth one line to the user (corrupt or read-only database, ...)."""


class NeedsMigration(LibraryError):
    """A library opened read-only is of an older schema."""


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
    new_rowids: tuple[int, ...] = ()  # row ids of the entries added, in page order
    cut: int = 0  # entries past the parser's limit, left out of the page

    def describe(self, changes_only: bool = False) -> str:
        """What the save brought: `20 entries, 3 new` (+ edited/removed when
        there are some), or with `changes_only` `+3 new, 1 edited, 0 removed`."""
        unchanged = not (self.added or self.edited or self.removed)
        edited = ngettext("{n} edited", "{n} edited", self.edited).format(n=count(self.edited))
        removed = ngettext("{n} removed", "{n} removed", self.removed).format(
            n=count(self.removed))
        if changes_only:
            if unchanged:
                return _("unchanged")
            return ", ".join((ngettext("+{n} new", "+{n} new", self.added).format(
                n=count(self.added)), edited, removed))
        parts = [ngettext("{n} entry", "{n} entries", self.total).format(n=count(self.total))]
        if unchanged:
            return ", ".join((*parts, _("unchanged")))
        parts.append(ngettext("{n} new", "{n} new", self.added).format(n=count(self.added)))
        if self.edited:
            parts.append(edited)
        if self.removed:
            parts.append(removed)
        return ", ".join(parts)


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
    published: datetime | date | None
    updated: datetime | date | None
    last_checked: datetime | None  # last fetch attempt that succeeded (or 304)
    # Added by the library work (defaults keep the contract's constructor working):
    fetch_url: str | None = None  # what `refresh` fetches; None: not refreshable
    last_error: str | None = None  # the last failed refresh, cleared by a success
    origin: str | None = None  # URL, file path, "seed:NAME" or "-"
    added_at: datetime | None = None
    cut: int = 0  # entries past the parser's limit when the page was last saved


@dataclass(frozen=True)
class EntryFilter:
    """What the entry list shows. All fields None/False: every entry."""

    page_id: int | None = None
    topic: str | None = None
    unread_only: bool = False
    starred_only: bool = False
    watch: tuple[str, ...] = ()  # entries with any of these words (whole words, any accents)
    live: bool = False  # the live river: entries of the live blogs followed or saved in 24 h


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
    minute: str | None = None  # a match minute ("95'"), where the page gives no time
    also: tuple[int, ...] = ()  # other pages with this same wire item (the river shows it once)


@dataclass(frozen=True)
class EntryDetail:
    """Everything the detail view shows for one entry."""

    row: EntryRow
    entry_id: str
    time_text: str | None
    body_markdown: str
    topics: tuple[str, ...]
    links: tuple[tuple[str, str], ...]  # (url, text)
    # (kind, caption, credit, url)
    media: tuple[tuple[str, str | None, str | None, str | None], ...]
    page_title: str
    page_kind: str
    page_url: str | None
    source: str | None
    previous_body: str | None  # the text before the last edit, when edited
    edited_at: datetime | None = None  # when the library saw the last edit
    lead: str | None = None  # the page's standfirst
    authors: tuple[str, ...] = ()  # the page's authors, as the page names them
    page_published: datetime | date | None = None  # a bare day stays a date
    minute: str | None = None  # a match minute ("95'"), on sports pages
    zone: str | None = None  # the zone of the entry's clock, as the page states it
    also_in: tuple[str, ...] = ()  # publishers (else titles) of other pages with this item


@dataclass(frozen=True)
class SearchHit:
    rowid: int
    page_id: int
    page_title: str
    headline: str
    snippet: str
    time: datetime | None
