"""Messages the reader's workers post back to the UI thread."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from textual.message import Message

from tui.app.view_key import ViewKey
from tui.app.widgets.entry_list import Item
from tui.library import EntryRow, PageSummary, SearchHit
from tui.pipeline.follow import PollOutcome

#: A count not known yet (the first screen of a big view): shown as "…".
UNCOUNTED = -1


@dataclass
class SidebarData:
    """What the sidebar needs anew (None: what it shows still holds)."""

    pages: list[PageSummary] | None
    topics: list[tuple[str, int]] | None
    context: int | None  # whose topics: a page id, None for the whole library
    watched: int | None = None  # entries with a watched word (None: no words)
    live: int = 0  # entries in the live river (UNCOUNTED: not counted yet)


@dataclass
class ViewLoaded(Message):
    """The entries of a filter, ready for the list."""

    key: ViewKey
    items: Sequence[Item]
    rows: list[EntryRow]
    single_page: bool
    select: int | None
    sidebar: SidebarData | None = None
    anchor: bool = False  # keep the cursor's entry on its screen line (following)
    watched: frozenset[int] = frozenset()  # entries of the view with a watched word
    #: The first screen of a big view: the rest, and its counts, follow in a
    #: second ViewLoaded with `completes` set.
    partial: bool = False
    completes: bool = False


@dataclass
class SearchLoaded(Message):
    query: str
    hits: list[SearchHit] = field(default_factory=list)


@dataclass
class PageRefreshed(Message):
    page_id: int
    summary: str  # one line for the notification
    outcome: PollOutcome  # "updated" when entries are new, edited or removed


@dataclass
class FollowPolled(Message):
    """Due pages were polled (in a worker)."""

    outcomes: list[PollOutcome]
    pages: list[PageSummary] | None = None  # fresh counts when something changed
    problem: str | None = None  # config.toml trouble, said once
    started: list[int] = field(default_factory=list)
    watched: list[EntryRow] = field(default_factory=list)  # new entries with a watched word


@dataclass
class PageAdded(Message):
    page_id: int | None  # the (first) page stored
    summary: str  # one line for the notification


@dataclass
class PageRemoved(Message):
    page_id: int
    title: str
