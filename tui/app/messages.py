"""Messages the app's workers post back to the UI thread."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from textual.message import Message

from tui.app.widgets.entry_list import Item
from tui.library import EntryRow, PageSummary, SearchHit


@dataclass
class SidebarData:
    """What the sidebar needs anew (None: what it shows still holds)."""

    pages: list[PageSummary] | None
    topics: list[tuple[str, int]] | None
    context: int | None  # whose topics: a page id, None for the whole library


@dataclass
class ViewLoaded(Message):
    """The entries of a filter, ready for the list."""

    key: str
    items: Sequence[Item]
    rows: list[EntryRow]
    single_page: bool
    select: int | None
    sidebar: SidebarData | None = None
    anchor: bool = False  # keep the cursor's entry on its screen line (following)


@dataclass
class SearchLoaded(Message):
    query: str
    hits: list[SearchHit] = field(default_factory=list)


@dataclass
class PageRefreshed(Message):
    page_id: int
    summary: str  # one line for the notification
    changed: bool  # new, edited or removed entries
    new_rowids: tuple[int, ...] = ()
