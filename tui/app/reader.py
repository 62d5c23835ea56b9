"""ReaderScreen: the sidebar, the entry list and the detail view, wired.

The reading state lives here (which view, which page, the search); widgets
post messages up, and everything that may be slow (opening and seeding the
library, listing 100,000 row ids, searching, fetching) runs in thread
workers whose failures go to the app's one error funnel. Following is a
controller the screen owns (tui.app.following); what the list can show is a
`ViewKey` (tui.app.view_key).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, Protocol, cast

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal
from textual.geometry import Size
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input
from textual.worker import Worker, WorkerState

from tui.app.bindings import READER_BINDINGS
from tui.app.following import FOLLOW_TICK, FollowingController
from tui.app.layout import PaneLayout
from tui.app.links import entry_link, open_link
from tui.app.marks import Marks
from tui.app.messages import (
    FollowPolled,
    PageAdded,
    PageRefreshed,
    PageRemoved,
    SearchLoaded,
    SidebarData,
    ViewLoaded,
)
from tui.app.navigation import Navigation, ask_watch_word, name_in
from tui.app.page_actions import PageActions
from tui.app.palette import binding_sections
from tui.app.resume import Start, where_to_start
from tui.app.safe_text import one_line, set_border_text
from tui.app.view_key import ViewKey, next_page
from tui.app.views import first_rows, list_subtitle, read_view, view_title
from tui.app.widgets.entry_list import EntryList
from tui.app.widgets.entry_view import EntryView
from tui.app.widgets.topic_sidebar import TopicSidebar
from tui.config import Config
from tui.i18n import N_, _, number
from tui.library import EntryDetail, EntryFilter, EntryRow, Library, LibraryError, PageSummary


class ReaderHost(Protocol):
    """What the screen needs of the app it runs in (tui.app.app)."""

    config: Config

    def worker_failed(self, worker: Worker[None]) -> str: ...

#: A cursor that moves again within this time is still moving: the Markdown
#: body waits until it settles.
BODY_DELAY = 0.06
EMPTY_LIBRARY = N_("The library is empty. a adds a page: a web address, a saved page or an "
                   "RSS/Atom feed (or, in a shell: newsreader add URL).")


class ReaderScreen(Screen[None]):
    BINDINGS = READER_BINDINGS

    def __init__(self, library_path: Path | None = None, initial_page: int | None = None,
                 follow_tick: float | None = None) -> None:
        super().__init__()
        self.library_path = library_path
        self.initial_page = initial_page
        self.library: Library | None = None
        #: UI-thread reads: a second, read-only connection (WAL lets it read
        #: while workers or other processes write), so the screen never waits
        #: on the library's lock or on a writer. Writes go through `marks`.
        self.reader: Library | None = None
        self.marks = Marks(self, lambda: self.library is not None)
        self.pages: list[PageSummary] = []
        self.view_key = ViewKey()  # what the sidebar chose
        self.page_context: int | None = None  # the page whose topics are shown
        self._topics_context: int | None = -1  # the page of the sidebar's topics (-1: none yet)
        self.search_query: str | None = None  # set while search results are listed
        self.panes = PaneLayout(self)
        self.last_move = 0.0  # time.monotonic() of the cursor's last move
        self._body_timer: Timer | None = None
        self._listing = False  # set while a list is (re)loaded under the cursor
        self._resume_scroll: tuple[int, float] | None = None  # (entry, detail scroll y)
        self._partial = False  # the list holds a big view's first screen only
        self.page_actions = PageActions(self, lambda: self.library)
        self.navigation = Navigation(self)
        self.following = FollowingController(
            self, lambda: self.library, FOLLOW_TICK if follow_tick is None else follow_tick,
            lambda: self.watch_words)

    @property
    def news_app(self) -> ReaderHost:
        return cast(ReaderHost, self.app)

    @property
    def config(self) -> Config:
        return self.news_app.config

    @property
    def watch_words(self) -> tuple[str, ...]:
        return tuple(self.news_app.config.watch)

    def view_filter(self) -> EntryFilter | None:
        """What the list shows, as a library filter; None for search results."""
        if self.search_query is not None:
            return None
        return self.view_key.filter(self.page_context, self.watch_words)

    @property
    def screen_size(self) -> Size:
        return self.app.size

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """The app's notice: plain, terminal-safe text (Widget.notify would
        read page titles as markup)."""
        self.app.notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    # --- layout ----------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            yield TopicSidebar(id="sidebar")
            with Container(id="reader"):
                yield EntryList(id="entries")
                yield EntryView(id="detail")
        yield Footer(compact=True, show_command_palette=False)

    @property
    def detail(self) -> EntryDetail | None:
        """The entry the detail pane shows."""
        return self.entry_view.detail

    @property
    def entry_list(self) -> EntryList:
        return self.query_one("#entries", EntryList)

    @property
    def entry_view(self) -> EntryView:
        return self.query_one("#detail", EntryView)

    @property
    def sidebar(self) -> TopicSidebar:
        return self.query_one("#sidebar", TopicSidebar)

    def on_mount(self) -> None:
        self.sidebar.border_title = "newsreader"
        self.entry_list.border_title = _("Entries")
        self.entry_view.border_title = _("Entry")
        self.entry_list.focus()
        self.entry_list.on_cursor = self.show_entry
        self.entry_list.fresh = self.following.fresh_rowids
        self.entry_list.clock = self.news_app.config.clock
        self.panes.apply(self.app.size.width)
        self.load_library()
        self.following.start()

    def on_resize(self, event: events.Resize) -> None:
        self.panes.apply(event.size.width)

    def action_toggle_sidebar(self) -> None:
        self.panes.toggle_sidebar(self.app.size.width)

    # --- loading ---------------------------------------------------------

    @work(thread=True, exclusive=True, group="view", name="load library", exit_on_error=False)
    def load_library(self) -> None:
        """Open (on first run: create and seed) the library; read the first view."""
        from tui.pipeline.seeding import open_library

        library = open_library(self.library_path)
        try:
            self.reader = Library.open(library.path, read_only=True,
                                       cache_dir=library.cache_dir)
        except LibraryError:  # e.g. no WAL possible: share the one connection
            self.reader = library
        self.library = library
        pages = library.pages()
        start = where_to_start(library, self.initial_page, pages)
        if start.key.kind == "topic":  # a topic is looked for on the page it was chosen on
            self.page_context = start.context
        if start.entry is not None:
            self._resume_scroll = (start.entry, start.scroll)
        # A view of several pages shows its first screen before the whole
        # list is read (tui.app.views.first_rows).
        first = first_rows(library, start.key, self.page_context, start.entry, pages,
                           self.watch_words)
        if first is not None:
            self.post_message(first)
        self._read_view(start.key, start.entry, with_sidebar=True, completes=first is not None)

    @work(thread=True, exclusive=True, group="view", name="load entries", exit_on_error=False)
    def load_view(self, key: ViewKey, select: int | None = None,
                  with_sidebar: bool = False, anchor: bool = False) -> None:
        self._read_view(key, select, with_sidebar, anchor)

    def _read_view(self, key: ViewKey, select: int | None = None, with_sidebar: bool = False,
                   anchor: bool = False, completes: bool = False) -> None:
        """In a worker: the view read (tui.app.views), posted to the screen."""
        assert self.library is not None
        loaded = read_view(self.library, key, self.page_context, self._topics_context, select,
                           with_sidebar, anchor, self.news_app.config.clock, self.watch_words)
        loaded.completes = completes
        self.post_message(loaded)

    def on_view_loaded(self, message: ViewLoaded) -> None:
        key = message.key
        if self.library is None or self.app._closing:
            return
        if message.completes:  # the whole list after its first screen
            if key != self.view_key or self.search_query is not None:
                if self._take_counts(message.sidebar):  # the reader has moved on
                    self.sidebar.update_counts(self.pages)
                return
            message.select, message.anchor = self.entry_list.current_rowid, True
        if self.page_context is not None and key != self.view_key:
            self._mark_seen(self.page_context)
        if self.view_key.kind == "live" and key.kind != "live":
            self.marks.save("seen", 0, "live")
        self.view_key = key
        self.search_query = None
        if key.kind == "page":
            self.page_context = key.page_id
        elif key.kind != "topic":
            self.page_context = None
        self.entry_view.cross_page = not message.single_page
        self._partial = message.partial
        self.entry_list.watched = message.watched
        self._take_counts(message.sidebar)
        self._update_sidebar(key, message.sidebar)
        self.entry_list.page_labels = {p.id: one_line(p.source or p.title)[:12]
                                       for p in self.pages} if key.kind == "live" else {}
        self.entry_list.row_source = self._entry_rows
        rows = [self.marks.writes.overlay(row) for row in message.rows]
        self._list(message.items, rows=rows, single_page=message.single_page,
                   select=message.select, anchor=message.anchor,
                   empty_text=key.empty_text if self.pages else _(EMPTY_LIBRARY))
        self.panes.fit_list()
        self.title_list()
        self.refresh_bindings()

    def _take_counts(self, data: SidebarData | None) -> bool:
        """The sidebar's Live and Watched counts from a view read with the
        pages; False when it was read without them."""
        if data is None or data.pages is None:
            return False
        self.sidebar.watched, self.sidebar.live = data.watched, data.live
        return True

    def _mark_seen(self, page_id: int) -> None:
        """Leaving a page: what it holds now is no longer new."""
        self.marks.save("seen", page_id)

    def _update_sidebar(self, key: ViewKey, data: SidebarData | None) -> None:
        """The pages and topics read anew, to the sidebar (it repaints what
        changed); the topics of the page on show when a late view left them
        unread."""
        old_ids = [p.id for p in self.pages]
        if data is not None and data.pages is not None:
            self.set_pages(data.pages)
        topics = data.topics if data is not None and data.context == self.page_context \
            else None
        if topics is None and self.page_context != self._topics_context:
            assert self.reader is not None
            topics = self.reader.topics(self.page_context)
        page = self._page(self.page_context)
        scope = (one_line(page.source) or one_line(page.title) or _("this page")) \
            if page else _("whole library")
        if self.sidebar.sync(self.pages, old_ids, topics, scope, str(key),
                             counts_changed=data is not None and data.pages is not None):
            self._topics_context = self.page_context

    def set_pages(self, pages: list[PageSummary]) -> None:
        """Pages read anew (entry counts may have changed)."""
        self.pages = pages
        self.entry_view.page_entries = {p.id: p.entries for p in pages}

    def _entry_rows(self, rowids: Sequence[int]) -> list[EntryRow]:
        """The list's row source (UI thread): rows with unsaved marks applied."""
        assert self.reader is not None
        return [self.marks.writes.overlay(row) for row in self.reader.entry_rows(rowids)]

    def entry_detail(self, rowid: int) -> EntryDetail:
        """An entry for the detail (UI thread), unsaved marks applied."""
        assert self.reader is not None
        detail = self.reader.entry_detail(rowid)
        row = self.marks.writes.overlay(detail.row)
        return detail if row is detail.row else replace(detail, row=row)


    @work(thread=True, group="writes", name="save read and star marks", exit_on_error=False)
    def save_changes(self) -> None:
        assert self.library is not None
        self.marks.writes.drain(self.library)

    def title_list(self) -> None:
        page = self._page(self.page_context)
        set_border_text(self.entry_list, "border_title",
                        view_title(self.view_key, self.search_query, page))
        status = self.following.status(self.page_context) if self.search_query is None else ""
        subtitle = list_subtitle(self.entry_list.entry_count, self.view_key, self.search_query,
                                 page, status, self._partial and self.search_query is None)
        above = self.entry_list.fresh_above()
        if above:  # new entries out of sight above: `u` goes to them
            subtitle = _("▲ {n} new (u)").format(n=number(above)) + f" · {subtitle}"
        set_border_text(self.entry_list, "border_subtitle", subtitle)

    def _page(self, page_id: int | None) -> PageSummary | None:
        return next((p for p in self.pages if p.id == page_id), None)

    # --- choosing what to list ---------------------------------------------

    @on(TopicSidebar.Chosen)
    def _sidebar_chose(self, message: TopicSidebar.Chosen) -> None:
        key = ViewKey.parse(message.key)
        if key != self.view_key or self.search_query is not None:
            self.load_view(key)

    def action_switch_page(self, step: int) -> None:
        key = next_page(self.sidebar.page_keys, self.page_context, step)
        if key is not None:
            self.sidebar.select_key(str(key))
            self.load_view(key)

    def action_pick_topic(self) -> None:
        if self.library is not None:
            self.navigation.ask_topic(self.app, self.sidebar, self.load_view)

    def action_search(self) -> None:
        self.navigation.ask_search(self.app, self.search_query, self.run_search)

    @work(thread=True, exclusive=True, group="view", name="search", exit_on_error=False)
    def run_search(self, query: str) -> None:
        assert self.library is not None
        self.post_message(SearchLoaded(query, self.library.search(query, snippets=False)))

    def on_search_loaded(self, message: SearchLoaded) -> None:
        self.search_query = message.query
        self.entry_view.cross_page = True
        rowids = [hit.rowid for hit in message.hits]
        query = one_line(message.query)
        self._list(rowids, empty_text=_("Nothing found for “{query}”. escape goes back.")
                   .format(query=query))
        self.panes.fit_list()
        self.title_list()
        self.entry_list.focus()

    def action_go_back(self) -> None:  # not App.action_back (screen history)
        """escape: leave search results; else back to the list; else out of
        a topic, to its page (or to All)."""
        if self.search_query is not None:
            self.load_view(self.view_key, select=self.entry_list.current_rowid)
        elif not self.entry_list.has_focus:
            self.action_focus_list()
        elif self.view_key.kind == "topic":
            page = self.page_context
            key = ViewKey.page(page) if page is not None else ViewKey()
            self.sidebar.select_key(str(key))
            self.load_view(key, select=self.entry_list.current_rowid)

    # --- the entry under the cursor ----------------------------------------

    def show_entry(self, rowid: int | None) -> None:
        """The cursor is on `rowid`. A single move draws the entry at once;
        while moves repeat (a key held down) the detail waits, and the entry
        the cursor stops on is drawn once it has been still for BODY_DELAY,
        so key repeat costs the terminal list lines, not whole entries."""
        if self.app._closing:
            return
        if self._body_timer is not None:
            self._body_timer.stop()
            self._body_timer = None
        self.marks.cancel_read()
        if rowid is None or self.library is None:
            self.entry_view.show_message(self.entry_list.empty_text
                                         if not self.entry_list.items else "")
            return
        by_reader = not self._listing  # not a list (re)loaded under the cursor
        if self.following.fresh_rowids:
            self.title_list()  # the "▲ 3 new" mark follows the scroll
        now = time.monotonic()
        repeating = now - self.last_move < BODY_DELAY
        self.last_move = now
        if repeating:
            self._body_timer = self.set_timer(BODY_DELAY,
                                              partial(self._settle, rowid, by_reader))
        else:
            self._settle(rowid, by_reader)

    def _settle(self, rowid: int, by_reader: bool = True) -> None:
        """Draw the entry under the cursor; one the reader moved to is read
        once shown for `mark_read_after` seconds (config.toml), as in a mail
        reader: skimming past it, or the list opening on it, is no reading."""
        self._body_timer = None
        if self.library is None or self.entry_list.current_rowid != rowid:
            return
        detail = self.entry_detail(rowid)
        view = self.entry_view
        set_border_text(view, "border_title", one_line(detail.source) or _("Entry"))
        view.show(detail)
        if self._resume_scroll is not None:  # the first entry after a restart
            if self._resume_scroll[0] == rowid:
                view.call_after_refresh(view.scroll_to, y=self._resume_scroll[1],
                                        animate=False)
            self._resume_scroll = None
        if by_reader:
            self.marks.read_later(rowid, self.news_app.config.mark_read_after)

    def _list(self, *args: Any, **kwargs: Any) -> None:
        """EntryList.set_items, its cursor announcement marked as no move of
        the reader's."""
        self._listing = True
        try:
            self.entry_list.set_items(*args, **kwargs)
        finally:
            self._listing = False

    def _current_detail(self) -> EntryDetail | None:
        """The entry under the cursor, even before the detail has caught up."""
        rowid = self.entry_list.current_rowid
        if rowid is None or self.library is None:
            return None
        if self.detail is None or self.detail.row.rowid != rowid:
            return self.entry_detail(rowid)
        return self.detail

    @on(EntryList.Opened)
    def _opened(self, message: EntryList.Opened) -> None:
        """enter: the entry is read, and the detail takes the keys and the
        whole screen, as a mail reader's pager does (escape gives it back)."""
        rowid = self.entry_list.current_rowid
        if rowid is not None:
            self.marks.set_read(rowid, True)
        self.action_pager(True)

    def action_pager(self, on: bool | None = None) -> None:
        """z: the detail on the whole screen, or back to the panes."""
        on = not self.has_class("-pager") if on is None else on
        self.set_class(on, "-pager")
        (self.entry_view if on else self.entry_list).focus()

    def action_focus_list(self) -> None:
        self.set_class(False, "-pager")
        self.entry_list.focus()

    def action_page_detail(self, direction: int) -> None:
        view = self.entry_view
        if direction > 0:
            if view.scroll_y >= view.max_scroll_y:  # wherever the focus is
                self.action_next_unread()
            else:
                view.scroll_page_down(animate=False)
        else:
            view.scroll_page_up(animate=False)

    def action_toggle_read(self) -> None:
        self.marks.toggle_read()

    def action_toggle_star(self) -> None:
        done = self.marks.toggle_star()
        detail = self.detail
        if done is not None and detail is not None and detail.row.rowid == done[0]:
            self.entry_view.show(replace(detail, row=replace(detail.row, starred=done[1])))

    def show_counts(self, pages: list[PageSummary]) -> None:
        if not self.app._closing:
            self.sidebar.update_counts(pages)

    # --- moving in the list (tui.app.navigation) ----------------------------

    def action_next_unread(self) -> None:
        self.navigation.unread(+1)

    def action_previous_unread(self) -> None:
        self.navigation.unread(-1)

    def action_first_unread(self) -> None:
        self.navigation.first_unread()

    def action_time_travel(self) -> None:
        self.navigation.ask_time(self.app)

    def action_hour(self, step: int) -> None:
        self.navigation.hour(step)

    def action_watch_word(self) -> None:
        rowid = self.entry_list.current_rowid
        row = self.entry_list.row(rowid) if rowid is not None else None
        offered = name_in(row.headline, self.news_app.config.watch) if row else ""
        ask_watch_word(self.app, self.news_app.config, self.notify, lambda: self.load_view(
            self.view_key, select=self.entry_list.current_rowid, with_sidebar=True), offered)

    # --- links -------------------------------------------------------------

    def _link(self, number: int = 1) -> str | None:
        """Link `number` of the entry (1: its own, else its page's), or None,
        said in a notice (tui.app.links)."""
        url, problem = entry_link(self._current_detail(), number)
        if problem is not None:
            self.notify(problem, title=_("Not a web link") if url else "", severity="warning")
            return None
        return url

    def action_open_link(self, number: int = 1) -> None:
        """o; 1…9: the link with that number in the text (the Links list)."""
        url = self._link(number)
        if url is not None:
            open_link(self.app, url, self.notify)

    def on_key(self, event: events.Key) -> None:
        # 2…9 as 1 (one binding in the help, for all nine)
        if event.character and event.character in "23456789" and \
                not isinstance(self.focused, Input):
            event.stop()
            self.action_open_link(int(event.character))

    def action_copy_link(self) -> None:
        url = self._link()
        if url is None:
            return
        self.app.copy_to_clipboard(url)
        self.notify(_("Copied {url}").format(url=url), title=_("Link copied"))

    # --- refresh and following ----------------------------------------------

    def action_refresh_page(self) -> None:
        page = self._page_in_hand()
        if page is None:
            self.notify(_("Choose a page to refresh."), severity="warning")
        elif not page.fetch_url:
            self.notify(_("This page has no address to fetch again (it came from a file)."),
                        severity="warning")
        else:
            set_border_text(self.entry_list, "border_subtitle", _("refreshing…"))
            self.notify(_("Refreshing {title}…").format(title=one_line(page.title)), timeout=2)
            self.following.refresh(page.id)

    def _page_in_hand(self) -> PageSummary | None:
        """The page on show, else the page of the entry under the cursor."""
        if self.page_context is not None:
            return self._page(self.page_context)
        detail = self._current_detail()
        return self._page(detail.row.page_id) if detail is not None else None

    def on_page_refreshed(self, message: PageRefreshed) -> None:
        self.following.fresh_rowids.update(row.rowid for row in message.outcome.new_rows)
        self.notify(message.summary, title=_("Refreshed"))
        self.title_list()
        if message.outcome.status == "updated":
            self.load_view(self.view_key, select=self.entry_list.current_rowid,
                           with_sidebar=True)

    def on_follow_polled(self, message: FollowPolled) -> None:
        if message.pages is not None:
            self.set_pages(message.pages)
            self.sidebar.update_counts(message.pages)
        if message.watched and self.news_app.config.bell:
            self.app.bell()
        updated = self.following.take(
            message, self.page_context if self.view_key.kind == "page" else None)
        if updated:
            self._show_updates(updated)
        if message.started or message.pages is not None:
            self.refresh_bindings()  # `p` shows once something is followed
        self.title_list()

    def _show_updates(self, page_ids: set[int]) -> None:
        """Reload the list if it shows an updated page, keeping the cursor's
        entry where it is on screen; refresh the entry on show if it changed."""
        on_show = self.page_context in page_ids if self.view_key.kind == "page" else True
        busy = any(w.group == "view" and w.is_running for w in self.app.workers)
        if on_show and self.search_query is None and not busy:
            self.load_view(self.view_key, select=self.entry_list.current_rowid, anchor=True)
        detail = self.detail
        if detail is not None and detail.row.page_id in page_ids and self.reader is not None:
            new = self.entry_detail(detail.row.rowid)
            if new != detail:
                self.entry_view.show(new)  # the same entry: its scroll is kept

    # --- adding and removing pages -----------------------------------------

    def action_add_page(self) -> None:
        self.page_actions.ask_add(self.app, self.notify)

    def on_page_added(self, message: PageAdded) -> None:
        self.notify(message.summary, title=_("Added"))
        key = ViewKey.page(message.page_id) if message.page_id is not None else self.view_key
        self.sidebar.select_key(str(key))
        self.load_view(key, with_sidebar=True)

    def action_remove_page(self) -> None:
        page = self._page_in_hand()
        if page is None:
            self.notify(_("Choose a page to remove."), severity="warning")
        else:
            self.page_actions.ask_remove(self.app, page)

    def on_page_removed(self, message: PageRemoved) -> None:
        self.notify(_("Removed “{title}”.").format(title=message.title), title=_("Removed"))
        self.page_context = None
        pages = [p for p in self.pages if p.id != message.page_id]
        live = [p for p in pages if p.kind == "liveblog"]
        key = ViewKey.page((live or pages)[0].id) if pages else ViewKey()
        self.sidebar.select_key(str(key))
        self.load_view(key, with_sidebar=True)

    def action_toggle_follow(self) -> None:
        self.notify(self.following.toggle_pause(), title=_("Following"))
        self.title_list()

    # --- errors, help, quitting ---------------------------------------------

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR:
            return
        line = self.news_app.worker_failed(event.worker)
        what = event.worker.name
        if what == "refresh":
            self.title_list()
        if what == "load library":
            self.entry_view.show_message(
                _("The library could not be opened: {error}").format(error=line))
            self.entry_list.empty_text = _("No library.")
            self.entry_list.refresh()

    def binding_sections(self) -> list[tuple[str, list[Binding]]]:
        return binding_sections(self.app, self)

    def palette_targets(self) -> dict[str, object]:
        return {_("Entry list"): self.entry_list, _("Entry (detail pane)"): self.entry_view,
                _("Sidebar"): self.sidebar}

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_follow":  # `p` only shows while pages are followed
            return self.following.following_any()
        if action == "refresh_page" and self.view_key.kind == "page":
            page = self._page(self.page_context)  # a page from a file: nothing to fetch
            return page is None or bool(page.fetch_url)
        return True

    def save_and_close(self) -> None:
        """Quitting: the page on show is seen, queued marks are saved, and
        where the reader is (view, entry, scroll) is kept for the next start."""
        if self.page_context is not None:
            self._mark_seen(self.page_context)
        elif self.view_key.kind == "live" and self.search_query is None:
            self.marks.save("seen", 0, "live")
        if self.library is not None:
            try:  # what is still queued is saved before the app goes
                self.marks.writes.flush(self.library)
                self.library.save_reader_state(Start(
                    self.view_key, self.entry_list.current_rowid, self.page_context,
                    self.entry_view.scroll_y).to_state())
            except Exception:  # quitting must not fail
                pass

    def on_unmount(self) -> None:
        if self.reader is not None and self.reader is not self.library:
            self.reader.close()
        if self.library is not None:
            self.library.close()

